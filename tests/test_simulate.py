"""The reference consumer: amounts per payer from a rule config, and failed clauses."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gonggo.export.config import load_config, to_yaml
from gonggo.export.simulate import SimulationError, simulate
from gonggo.schemas.rule_config import ClauseRule, PayerRule, RuleConfig, SourceRef, TrackRule


def config(payers: list[PayerRule], **kw) -> RuleConfig:  # type: ignore[no-untyped-def]
    return RuleConfig(program="p", key="p", source=SourceRef(path="x", sha256="0", title="t"),
                      tracks=[TrackRule(name="고도화", payers=payers)], **kw)


NHIS_LIKE = config([
    PayerRule(payer="government", label="정부", cap_krw=18_000_000, share_pct=30, share_bound="exact"),
    PayerRule(payer="host", label="국민건강보험공단", cap_krw=24_000_000, share_pct=40, share_bound="exact"),
    PayerRule(payer="applicant", label="중소기업 (자부담)", cap_krw=18_000_000, share_pct=30, share_bound="exact"),
])


def test_large_cost_hits_the_cap_small_cost_pays_the_share() -> None:
    big = simulate(NHIS_LIKE, "고도화", 1_000_000_000)
    assert big.amount("government") == 18_000_000
    small = simulate(NHIS_LIKE, "고도화", 10_000_000)
    assert small.amount("government") == 3_000_000 and small.amount("host") == 4_000_000
    assert small.amount("applicant") == 3_000_000


def test_yaml_round_trip_and_unknown_track() -> None:
    again = load_config(to_yaml(NHIS_LIKE))
    assert again == NHIS_LIKE
    with pytest.raises(SimulationError):
        simulate(again, "기초", 1)


def test_applicant_profile_fails_exclusions_and_region() -> None:
    cfg = config(NHIS_LIKE.tracks[0].payers,
                 eligibility=[ClauseRule(kind="region", text="강원도 소재 중소기업",
                                         regions=["강원"], sizes=["중소기업"])],
                 exclusions=[ClauseRule(kind="tax", text="국세 또는 지방세 체납 기업"),
                             ClauseRule(kind="status", text="휴·폐업 중인 기업")])
    result = simulate(cfg, None, 100_000_000, {"region": "서울", "tax_arrears": True})
    assert ("eligibility", "강원도 소재 중소기업") in result.failed_clauses
    assert ("exclusions", "국세 또는 지방세 체납 기업") in result.failed_clauses
    assert all(text != "휴·폐업 중인 기업" for _, text in result.failed_clauses)
    ok = simulate(cfg, None, 100_000_000, {"region": "강원특별자치도", "size": "소기업"})
    assert ok.failed_clauses == []


def test_clauses_about_another_role_or_unknown_size_are_not_failed() -> None:
    cfg = config(NHIS_LIKE.tracks[0].payers,
                 eligibility=[ClauseRule(kind="size", text="(공급기업) 대기업", applies_to="공급기업",
                                         sizes=["대기업"]),
                              ClauseRule(kind="size", text="소기업 규모 기준을 만족하는 기업",
                                         sizes=["소기업"])],
                 exclusions=[ClauseRule(kind="industry", text="유흥·향락업, 숙박·음식점",
                                        industries=["유흥·향락업", "숙박·음식점"])])
    # A 중소기업 may or may not be a 소기업: not failed. The 공급기업 clause is not about us.
    assert simulate(cfg, None, 1, {"role": "도입기업", "size": "중소기업"}).failed_clauses == []
    failed = simulate(cfg, None, 1, {"role": "공급기업", "size": "중견기업",
                                     "industry": "숙박 · 음식점"}).failed_clauses
    assert [f for f, _ in failed] == ["eligibility", "eligibility", "exclusions"]


def test_applicant_paying_more_than_its_printed_maximum_is_a_problem() -> None:
    cfg = config([PayerRule(payer="government", label="정부", cap_krw=42_000_000, share_pct=30,
                            share_bound="max"),
                  PayerRule(payer="host", label="대기업", share_pct=30, share_bound="min"),
                  PayerRule(payer="applicant", label="중소․중견기업", share_pct=40,
                            share_bound="max")])
    assert simulate(cfg, None, 140_000_000).problems == []
    big = simulate(cfg, None, 1_400_000_000)
    assert big.amount("government") == 42_000_000
    assert big.problems and "최대 40%" in big.problems[0]


payer = st.builds(
    PayerRule,
    payer=st.sampled_from(["government", "host", "local_government", "applicant"]),
    label=st.just("x"),
    cap_krw=st.none() | st.integers(0, 10**10),
    share_pct=st.none() | st.floats(0, 100),
    share_bound=st.sampled_from([None, "max", "min", "exact"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(payer, max_size=4), st.integers(0, 10**11))
def test_amounts_are_never_negative_capped_and_add_up(payers: list[PayerRule], total: int) -> None:
    result = simulate(config(payers), "고도화", total)
    assert all(a.amount_krw >= 0 for a in result.amounts)
    gov_caps = [p.cap_krw for p in payers if p.payer == "government" and p.cap_krw is not None]
    if gov_caps and len([p for p in payers if p.payer == "government"]) == 1:
        assert result.amount("government") <= gov_caps[0]
    assert sum(a.amount_krw for a in result.amounts) == total


@st.composite
def exact_split(draw):  # type: ignore[no-untyped-def]
    """Shares printed as exact percentages that add up to 100, the applicant's last."""
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=1, max_size=3)))
    shares = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    roles = draw(st.lists(st.sampled_from(["government", "host", "local_government"]),
                          min_size=len(shares) - 1, max_size=len(shares) - 1))
    return [PayerRule(payer=r, label=r, share_pct=s, share_bound="exact")
            for r, s in zip(roles, shares, strict=False)] + [
        PayerRule(payer="applicant", label="자부담", share_pct=shares[-1], share_bound="exact")]


@settings(max_examples=300, deadline=None)
@given(exact_split(), st.integers(0, 10**11))
def test_exact_shares_that_add_up_are_paid_as_printed(payers: list[PayerRule], total: int) -> None:
    result = simulate(config(payers), "고도화", total)
    assert result.problems == []
    assert sum(a.amount_krw for a in result.amounts) == total
    for p, a in zip(payers, result.amounts, strict=True):
        assert a.payer == p.payer and a.amount_krw >= 0
        assert abs(a.amount_krw - total * p.share_pct / 100) <= len(payers)  # rounding only


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**10), st.integers(5, 1000), st.integers(0, 10**11))
def test_government_pays_the_smaller_of_cap_and_share(cap: int, tenths: int, total: int) -> None:
    """`share_pct` in tenths of a percent (`12.5%`); the share is rounded down to the won."""
    cfg = config([PayerRule(payer="government", label="정부", cap_krw=cap, share_pct=tenths / 10,
                            share_bound="max")])
    result = simulate(cfg, "고도화", total)
    assert result.amount("government") == min(cap, int(Fraction(total * tenths, 1000)))
    assert 0 <= result.amount("applicant") == total - result.amount("government")


sizes = st.sampled_from(["소상공인", "소기업", "중소기업", "중견기업", "대기업"])


@given(st.lists(sizes, min_size=1, max_size=3), sizes)
def test_a_printed_size_never_fails_and_a_disjoint_one_always_does(printed: list[str],
                                                                    mine: str) -> None:
    from gonggo.export.simulate import SIZE_ATOMS, size_fails

    if mine in printed:
        assert not size_fails(printed, mine)
    overlaps = any(SIZE_ATOMS[mine] & SIZE_ATOMS[p] for p in printed)
    assert size_fails(printed, mine) is (not overlaps)


BY_KIND = config([
    PayerRule(payer="government", label="정부지원연구개발비", cap_krw=500_000_000),
    PayerRule(payer="government", label="정부지원연구개발비", share_pct=75, share_bound="max",
              applicant_kinds=["중소기업"]),
    PayerRule(payer="applicant", label="기관부담연구개발비", share_pct=25, share_bound="min",
              applicant_kinds=["중소기업"]),
    PayerRule(payer="government", label="정부지원연구개발비", share_pct=50, share_bound="max",
              applicant_kinds=["공기업･대기업"]),
    PayerRule(payer="applicant", label="기관부담연구개발비", share_pct=50, share_bound="min",
              applicant_kinds=["공기업･대기업"]),
])


def test_shares_by_applicant_kind_follow_the_profile_size() -> None:
    small = simulate(BY_KIND, "고도화", 100_000_000, {"size": "소기업"})  # a 소기업 is a 중소기업
    assert small.amount("government") == 75_000_000 and small.amount("applicant") == 25_000_000
    large = simulate(BY_KIND, "고도화", 100_000_000, {"size": "대기업"})
    assert large.amount("government") == 50_000_000 and not large.problems
    unknown = simulate(BY_KIND, "고도화", 100_000_000)  # no size: only the rows for every kind
    assert unknown.amount("government") == 100_000_000
    assert any("유형별" in p for p in unknown.problems)
