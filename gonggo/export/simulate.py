"""A small reference consumer of rule configs: who pays what, and which clauses fail.

It proves a config is executable and its numbers consistent:
- every payer other than the applicant pays `min(cap, share × total)`, the share rounded
  down to the won (either bound may be missing; a payer with neither pays nothing here);
- if those amounts exceed the total they are scaled down in proportion (the config is then
  inconsistent, and the result says so);
- the applicant pays the rest, which is checked against a `min` or `max` share printed for it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from gonggo.export.clauses import region_of
from gonggo.export.profile import ApplicantProfile
from gonggo.schemas.rule_config import ClauseRule, PayerRule, RuleConfig, TrackRule
from gonggo.vocab.applicants import kinds_in
from gonggo.vocab.industries import codes_of_code, codes_of_name, same_category, within


class SimulationError(ValueError):
    pass


@dataclass
class PayerAmount:
    payer: str
    label: str
    amount_krw: int
    rule: str


Outcome = Literal["pass", "fail", "undecidable", "skipped"]
Verdict = Literal["pass", "fail", "undecidable"]


@dataclass
class ClauseCheck:
    """One clause judged against a profile, and why."""

    field: str  # eligibility | exclusions
    kind: str
    text: str
    outcome: Outcome
    reason: str


@dataclass
class Simulation:
    track: str | None
    total_cost: int
    amounts: list[PayerAmount]
    problems: list[str] = field(default_factory=list)
    checks: list[ClauseCheck] = field(default_factory=list)
    profile_given: bool = False

    def amount(self, payer: str) -> int:
        return sum(a.amount_krw for a in self.amounts if a.payer == payer)

    @property
    def failed_clauses(self) -> list[tuple[str, str]]:
        return [(c.field, c.text) for c in self.checks if c.outcome == "fail"]

    @property
    def verdict(self) -> Verdict:
        """fail if any clause fails; else undecidable if one needs what the profile leaves out;
        else pass (a run without a profile passes: only amounts were asked for)."""
        outcomes = {c.outcome for c in self.checks}
        if "fail" in outcomes:
            return "fail"
        return "undecidable" if "undecidable" in outcomes else "pass"

    def to_json(self) -> dict[str, Any]:
        return {"track": self.track, "total_cost_krw": self.total_cost,
                "verdict": self.verdict, "amounts": [asdict(a) for a in self.amounts],
                "problems": self.problems, "clauses": [asdict(c) for c in self.checks]}


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
        return min(cap, by_share), f"min(한도 {cap:,}원, 총사업비 {total:,}원 × {share:g}%)"
    if cap is not None:
        return min(cap, total), f"min(한도 {cap:,}원, 총사업비 {total:,}원)"
    if by_share is not None:
        return by_share, f"총사업비 {total:,}원 × {share:g}%"
    return 0, "한도·비율 없음"


def applicant_share_problems(own: PayerRule | None, rest: int, total_cost: int) -> list[str]:
    """The rest the applicant pays, against the share bound printed for it (±1 won)."""
    if own is None or own.share_pct is None or not total_cost:
        return []
    printed = total_cost * own.share_pct / 100
    if own.share_bound == "min" and rest < printed - 1:
        return [(f"기업부담이 {rest / total_cost:.1%}로 공고의 최소 {own.share_pct:g}%보다 "
                 "적습니다")]
    if own.share_bound == "max" and rest > printed + 1:
        return [(f"기업부담이 {rest / total_cost:.1%}로 공고의 최대 {own.share_pct:g}%보다 "
                 "많습니다")]
    return []


def payers_for(payers: list[PayerRule], size: str | None) -> tuple[list[PayerRule], list[str]]:
    """The payer rows that hold for an applicant of `size`: the rows for every kind, and the
    rows whose printed kinds are that size's class (`중소기업` for a 소기업 too), a payer's
    share by kind joined to its cap for every kind. Without a size, rows that differ by kind
    are left out, and the result says so."""
    every = [p for p in payers if not p.applicant_kinds]
    by_kind = [p for p in payers if p.applicant_kinds]
    if not by_kind:
        return payers, []
    printed = sorted({k for p in by_kind for k in p.applicant_kinds})
    if size is None:
        return every, [(f"분담비율이 신청기관 유형별로 다릅니다({', '.join(printed)}): "
                        "신청기관 규모(size)를 주면 그 유형의 비율로 계산합니다")]
    mine = [p for p in by_kind
            if size_certain([k for x in p.applicant_kinds for k in kinds_in(x)], size)]
    if not mine:
        return every, [f"{size}에 해당하는 유형별 분담비율이 없습니다({', '.join(printed)})"]
    # a payer's cap printed for every kind and its share printed by kind are one payer's terms
    out: list[PayerRule] = []
    used: set[int] = set()
    for p in every:
        share = next((i for i, k in enumerate(mine) if k.payer == p.payer and i not in used), None)
        if p.share_pct is None and share is not None:
            used.add(share)
            k = mine[share]
            p = p.model_copy(update={"share_pct": k.share_pct, "share_bound": k.share_bound,
                                     "applicant_kinds": k.applicant_kinds,
                                     "evidence": p.evidence + k.evidence})
        out.append(p)
    return out + [k for i, k in enumerate(mine) if i not in used], []


def simulate(config: RuleConfig, track_name: str | None, total_cost: int,
             applicant: ApplicantProfile | dict[str, Any] | None = None) -> Simulation:
    if total_cost < 0:
        raise SimulationError("total cost must not be negative")
    track = find_track(config, track_name)
    profile = (None if applicant is None else applicant if isinstance(applicant, ApplicantProfile)
               else ApplicantProfile.model_validate(applicant))
    payers, kind_problems = payers_for(track.payers, profile.size if profile else None)
    others = [p for p in payers if p.payer != "applicant"]
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
    result.problems += kind_problems
    own = next((p for p in payers if p.payer == "applicant"), None)
    rest = total_cost - paid
    amounts.append(PayerAmount("applicant", own.label if own else "신청기업", rest, "나머지 (자부담)"))
    result.problems += applicant_share_problems(own, rest, total_cost)
    if profile is not None:
        result.checks = judge(config, track.name, profile)
        result.profile_given = True
    return result


# Only what a clause states for machines is judged (its `sizes`, `regions`, `industries`, its
# kind for the yes/no exclusions), never its prose. Skipped, not failed: a clause about another
# role than the profile's, a row labelled with another track, a 우대 row (a preference).

# Size classes as sets of the atomic classes they cover (소상공인 ⊂ 소기업 ⊂ 중소기업).
SIZE_ATOMS: dict[str, set[str]] = {
    "소상공인": {"micro"}, "소기업": {"micro", "small"}, "중기업": {"medium"},
    "중소기업": {"micro", "small", "medium"}, "중견기업": {"mid"}, "대기업": {"large"},
}

EXCLUSION_FLAGS = {"tax": "tax_arrears", "status": "closed", "sanction": "sanctioned",
                   "duplicate": "duplicate_support"}
_FLAG_WORDS = {"tax_arrears": "체납", "closed": "휴·폐업", "sanctioned": "제재",
               "duplicate_support": "중복 지원"}


def _squash(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def size_fails(sizes: list[str], size: str | None) -> bool:
    """Certainly outside every printed class (a 중소기업 may be a 소기업: not certain)."""
    if not sizes or not size or size not in SIZE_ATOMS:
        return False
    allowed = set().union(*(SIZE_ATOMS.get(s, set()) for s in sizes))
    return not SIZE_ATOMS[size] & allowed


def size_certain(sizes: list[str], size: str) -> bool:
    """Certainly inside a printed class (a 소기업 is a 중소기업)."""
    allowed = set().union(*(SIZE_ATOMS.get(s, set()) for s in sizes))
    return SIZE_ATOMS.get(size, {"?"}) <= allowed


def region_fails(regions: list[str], region: str | None) -> bool:
    if not regions or not region:
        return False
    return region_of(str(region)) not in regions


def industry_excluded(industries: list[str], profile: ApplicantProfile) -> bool:
    """By code (the applicant's KSIC code inside a category the clause names) or by the same
    category name; never by substring (`제조업` is not `불건전 오락용품 제조업`)."""
    mine: tuple[str, ...] = ()
    if profile.industry_code:
        mine = codes_of_code(profile.industry_code) or ()
    elif profile.industry:
        mine = codes_of_name(profile.industry)
    for named in industries:
        if profile.industry and same_category(profile.industry, named):
            return True
        if within(mine, codes_of_name(named)):
            return True
    return False


def _skip_reason(clause: ClauseRule, profile: ApplicantProfile, track: str | None) -> str | None:
    if profile.role and clause.applies_to and _squash(profile.role) != _squash(clause.applies_to):
        return f"{clause.applies_to}에 관한 조건"
    if clause.tracks and _squash(track or "") not in {_squash(t) for t in clause.tracks}:
        return f"다른 유형({', '.join(clause.tracks)})의 조건"
    if clause.preferential:
        return "우대 조건 (자격 요건 아님)"
    return None


def _eligibility(clause: ClauseRule, p: ApplicantProfile) -> tuple[Outcome, str]:
    needs = []
    if clause.sizes:
        if p.size is None:
            needs.append("size")
        elif size_fails(clause.sizes, p.size):
            return "fail", f"규모 {p.size} ∉ {', '.join(clause.sizes)}"
        elif not size_certain(clause.sizes, p.size):
            return "undecidable", f"{p.size}이(가) {', '.join(clause.sizes)}인지 알 수 없음"
    if clause.regions:
        if p.region is None:
            needs.append("region")
        elif region_fails(clause.regions, p.region):
            return "fail", f"소재지 {p.region} ∉ {', '.join(clause.regions)}"
    if clause.business_age_years:
        low, high = clause.business_age_years
        if p.business_age_years is None:
            needs.append("business_age_years")
        elif (low is not None and p.business_age_years < low) or (
                high is not None and p.business_age_years > high):
            return "fail", f"업력 {p.business_age_years:g}년: {_age_range(low, high)} 아님"
    if needs:
        return "undecidable", f"프로필에 {', '.join(needs)} 없음"
    if clause.sizes or clause.regions or clause.business_age_years:
        return "pass", "충족"
    return "skipped", "기계가 판단할 값 없음 (본문만)"


def _age_range(low: float | None, high: float | None) -> str:
    return " ~ ".join([f"{low:g}년 이상" if low is not None else "",
                       f"{high:g}년 이내" if high is not None else ""]).strip(" ~")


def _exclusion(clause: ClauseRule, p: ApplicantProfile) -> tuple[Outcome, str]:
    flag = EXCLUSION_FLAGS.get(clause.kind)
    if flag:
        value = getattr(p, flag)
        if value is None:
            return "undecidable", f"프로필에 {flag} 없음"
        return ("fail", f"{_FLAG_WORDS[flag]} 해당") if value else ("pass", "해당 없음")
    if clause.kind == "industry" and clause.industries:
        if not (p.industry or p.industry_code):
            return "undecidable", "프로필에 industry / industry_code 없음"
        if industry_excluded(clause.industries, p):
            return "fail", f"업종 {p.industry_code or p.industry} 제외 대상"
        return "pass", "제외 업종 아님"
    return "skipped", "기계가 판단할 값 없음 (본문만)"


def judge(config: RuleConfig, track: str | None, profile: ApplicantProfile) -> list[ClauseCheck]:
    """Every eligibility and exclusion clause of the program, judged for one track."""
    checks = []
    for name, clauses, rule in (("eligibility", config.eligibility, _eligibility),
                                ("exclusions", config.exclusions, _exclusion)):
        for c in clauses:
            skip = _skip_reason(c, profile, track)
            outcome, reason = ("skipped", skip) if skip else rule(c, profile)
            checks.append(ClauseCheck(name, c.kind, c.text, outcome, reason))
    return checks


def failed_clauses(config: RuleConfig, profile: ApplicantProfile | dict[str, Any],
                   track: str | None = None) -> list[tuple[str, str]]:
    p = profile if isinstance(profile, ApplicantProfile) else ApplicantProfile.model_validate(profile)
    return [(c.field, c.text) for c in judge(config, track, p) if c.outcome == "fail"]
