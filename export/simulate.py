"""A small reference consumer of rule configs: who pays what, and which clauses fail.

It proves a config is executable and its numbers consistent:
- every payer other than the applicant pays `min(cap, share × total)` (either bound may be
  missing; a payer with neither pays nothing here);
- if those amounts exceed the total they are scaled down in proportion (the config is then
  inconsistent, and the result says so);
- the applicant pays the rest, and a `min` share on the applicant is checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from schemas.rule_config import ClauseRule, RuleConfig, TrackRule


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
        if len(config.tracks) == 1:
            return config.tracks[0]
        raise SimulationError("this program has several tracks; choose one with --track: "
                              + ", ".join(str(t.name) for t in config.tracks))
    for t in config.tracks:
        if (t.name or "").replace(" ", "") == name.replace(" ", ""):
            return t
    raise SimulationError(f"no track {name!r}; tracks: "
                          + ", ".join(str(t.name) for t in config.tracks))


def _payer_amount(cap: int | None, share: float | None, total: int) -> tuple[int, str]:
    by_share = round(total * share / 100) if share is not None else None
    if cap is not None and by_share is not None:
        return min(cap, by_share), f"min({cap:,}, {share:g}% × {total:,})"
    if cap is not None:
        return min(cap, total), f"min({cap:,}, {total:,})"
    if by_share is not None:
        return by_share, f"{share:g}% × {total:,}"
    return 0, "no cap or share printed"


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
    if (own and own.share_pct is not None and own.share_bound == "min" and total_cost
            and rest < total_cost * own.share_pct / 100 - 1):
        result.problems.append(f"applicant pays {rest / total_cost:.1%}, less than the "
                                   f"printed minimum {own.share_pct:g}%")
    if applicant is not None:
        result.failed_clauses = failed_clauses(config, applicant)
    return result


# Applicant profiles: {"size": "중소기업", "region": "강원", "tax_arrears": false,
# "closed": false, "sanctioned": false, "industry": "C"}. A clause of a kind the profile
# says nothing about is not judged.

def _mentions(clause: ClauseRule, value: str) -> bool:
    return value.replace(" ", "") in clause.text.replace(" ", "")


def _eligibility_fails(clause: ClauseRule, profile: dict[str, Any]) -> bool:
    if clause.kind == "size" and profile.get("size"):
        sizes = ("소기업", "중소기업", "중견기업", "대기업", "소상공인")
        printed = [s for s in sizes if s in clause.text]
        return bool(printed) and not any(profile["size"] in s or s in profile["size"]
                                         for s in printed)
    if clause.kind == "region" and profile.get("region"):
        return not _mentions(clause, str(profile["region"])[:2])
    return False


_EXCLUSION_FLAGS = {"tax": "tax_arrears", "status": "closed", "sanction": "sanctioned",
                    "duplicate": "duplicate_support"}


def failed_clauses(config: RuleConfig, profile: dict[str, Any]) -> list[tuple[str, str]]:
    failed = [("eligibility", c.text) for c in config.eligibility
              if _eligibility_fails(c, profile)]
    failed += [("exclusions", c.text) for c in config.exclusions
               if c.kind in _EXCLUSION_FLAGS and profile.get(_EXCLUSION_FLAGS[c.kind])]
    return failed
