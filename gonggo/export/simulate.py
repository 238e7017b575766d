"""A small reference consumer of rule configs: who pays what, and which clauses fail.

It proves a config is executable and its numbers consistent:
- every payer other than the applicant pays `min(cap, share × total)`, the share rounded
  down to the won (either bound may be missing; a payer with neither pays nothing here);
- if those amounts exceed the total they are scaled down in proportion (the config is then
  inconsistent, and the result says so);
- the applicant pays the rest, which is checked against a `min` or `max` share printed for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gonggo.export.clauses import region_of
from gonggo.schemas.rule_config import ClauseRule, PayerRule, RuleConfig, TrackRule


class SimulationError(ValueError):
    pass


@dataclass
class PayerAmount:
    payer: str
    label: str
    amount_krw: int
    rule: str


@dataclass
class Simulation:
    track: str | None
    total_cost: int
    amounts: list[PayerAmount]
    problems: list[str] = field(default_factory=list)
    failed_clauses: list[tuple[str, str]] = field(default_factory=list)  # (field, text)

    def amount(self, payer: str) -> int:
        return sum(a.amount_krw for a in self.amounts if a.payer == payer)


def find_track(config: RuleConfig, name: str | None) -> TrackRule:
    if name is None:
        unnamed = [t for t in config.tracks if t.name is None]
        if len(config.tracks) == 1 or len(unnamed) == 1:  # the general track beside special ones
            return config.tracks[0] if len(config.tracks) == 1 else unnamed[0]
        raise SimulationError("this program has several tracks; choose one with --track: "
                              + ", ".join(str(t.name) for t in config.tracks))
    for t in config.tracks:
        if (t.name or "").replace(" ", "") == name.replace(" ", ""):
            return t
    raise SimulationError(f"no track {name!r}; tracks: "
                          + ", ".join(str(t.name) for t in config.tracks))


def share_of(total: int, share_pct: float) -> int:
    """`share_pct`% of `total`, rounded down to the won in integer arithmetic (shares to four
    decimals): shares that add up to 100 never add up to more than the total."""
    return total * round(share_pct * 10_000) // 1_000_000


def _payer_amount(cap: int | None, share: float | None, total: int) -> tuple[int, str]:
    by_share = share_of(total, share) if share is not None else None
    if cap is not None and by_share is not None:
        return min(cap, by_share), f"min({cap:,}, {share:g}% × {total:,})"
    if cap is not None:
        return min(cap, total), f"min({cap:,}, {total:,})"
    if by_share is not None:
        return by_share, f"{share:g}% × {total:,}"
    return 0, "no cap or share printed"


def applicant_share_problems(own: PayerRule | None, rest: int, total_cost: int) -> list[str]:
    """The rest the applicant pays, against the share bound printed for it (±1 won)."""
    if own is None or own.share_pct is None or not total_cost:
        return []
    printed = total_cost * own.share_pct / 100
    if own.share_bound == "min" and rest < printed - 1:
        return [(f"applicant pays {rest / total_cost:.1%}, less than the printed minimum "
                 f"{own.share_pct:g}%")]
    if own.share_bound == "max" and rest > printed + 1:
        return [(f"applicant pays {rest / total_cost:.1%}, more than the printed maximum "
                 f"{own.share_pct:g}%")]
    return []


def simulate(config: RuleConfig, track_name: str | None, total_cost: int,
             applicant: dict[str, Any] | None = None) -> Simulation:
    if total_cost < 0:
        raise SimulationError("total cost must not be negative")
    track = find_track(config, track_name)
    others = [p for p in track.payers if p.payer != "applicant"]
    amounts = []
    for p in others:
        value, rule = _payer_amount(p.cap_krw, p.share_pct, total_cost)
        amounts.append(PayerAmount(p.payer, p.label, value, rule))
    result = Simulation(track=track.name, total_cost=total_cost, amounts=amounts)
    paid = sum(a.amount_krw for a in amounts)
    if paid > total_cost:
        result.problems.append(f"payers other than the applicant would pay {paid:,} of "
                               f"{total_cost:,}; scaled down")
        scale = total_cost / paid
        for a in amounts:
            a.amount_krw = int(a.amount_krw * scale)
        paid = sum(a.amount_krw for a in amounts)
    own = next((p for p in track.payers if p.payer == "applicant"), None)
    rest = total_cost - paid
    amounts.append(PayerAmount("applicant", own.label if own else "신청기업", rest, "the rest"))
    result.problems += applicant_share_problems(own, rest, total_cost)
    if applicant is not None:
        result.failed_clauses = failed_clauses(config, applicant)
    return result


# Applicant profiles (YAML or JSON): {"role": "도입기업", "size": "중소기업", "region": "강원",
# "industry": "숙박·음식점", "tax_arrears": false, "closed": false, "sanctioned": false,
# "duplicate_support": false}. Only what a clause states for machines is judged (its `sizes`,
# `regions`, `industries`, its kind for the yes/no exclusions), never its prose; a clause about
# another role than the profile's, or of a kind the profile says nothing about, is not judged.

# Size classes as sets of the atomic classes they cover (소상공인 ⊂ 소기업 ⊂ 중소기업).
SIZE_ATOMS: dict[str, set[str]] = {
    "소상공인": {"micro"}, "소기업": {"micro", "small"}, "중기업": {"medium"},
    "중소기업": {"micro", "small", "medium"}, "중견기업": {"mid"}, "대기업": {"large"},
}

_EXCLUSION_FLAGS = {"tax": "tax_arrears", "status": "closed", "sanction": "sanctioned",
                    "duplicate": "duplicate_support"}


def _squash(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _about_someone_else(clause: ClauseRule, profile: dict[str, Any]) -> bool:
    role = profile.get("role")
    return bool(role and clause.applies_to and _squash(str(role)) != _squash(clause.applies_to))


def size_fails(sizes: list[str], size: str | None) -> bool:
    """Certainly outside every printed class (a 중소기업 may be a 소기업: not certain)."""
    if not sizes or not size or size not in SIZE_ATOMS:
        return False
    allowed = set().union(*(SIZE_ATOMS.get(s, set()) for s in sizes))
    return not SIZE_ATOMS[size] & allowed


def region_fails(regions: list[str], region: str | None) -> bool:
    if not regions or not region:
        return False
    return region_of(str(region)) not in regions


def industry_excluded(industries: list[str], industry: str | None) -> bool:
    if not industries or not industry:
        return False
    mine = _squash(str(industry))
    return any(mine and (mine in _squash(i) or _squash(i) in mine) for i in industries)


def _eligibility_fails(clause: ClauseRule, profile: dict[str, Any]) -> bool:
    return (size_fails(clause.sizes, profile.get("size"))
            or region_fails(clause.regions, profile.get("region")))


def _exclusion_applies(clause: ClauseRule, profile: dict[str, Any]) -> bool:
    flag = _EXCLUSION_FLAGS.get(clause.kind)
    return bool(flag and profile.get(flag)) or industry_excluded(clause.industries,
                                                                 profile.get("industry"))


def failed_clauses(config: RuleConfig, profile: dict[str, Any]) -> list[tuple[str, str]]:
    failed = [("eligibility", c.text) for c in config.eligibility
              if not _about_someone_else(c, profile) and _eligibility_fails(c, profile)]
    failed += [("exclusions", c.text) for c in config.exclusions
               if not _about_someone_else(c, profile) and _exclusion_applies(c, profile)]
    return failed
