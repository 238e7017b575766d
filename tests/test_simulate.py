"""The reference consumer: amounts per payer from a rule config, and failed clauses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.config import load_config, to_yaml
from export.simulate import SimulationError, simulate
from schemas.rule_config import ClauseRule, PayerRule, RuleConfig, SourceRef, TrackRule


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
                 eligibility=[ClauseRule(kind="region", text="강원도 소재 중소기업")],
                 exclusions=[ClauseRule(kind="tax", text="국세 또는 지방세 체납 기업"),
                             ClauseRule(kind="status", text="휴·폐업 중인 기업")])
    result = simulate(cfg, None, 100_000_000, {"region": "서울", "tax_arrears": True})
    assert ("eligibility", "강원도 소재 중소기업") in result.failed_clauses
    assert ("exclusions", "국세 또는 지방세 체납 기업") in result.failed_clauses
    assert all(text != "휴·폐업 중인 기업" for _, text in result.failed_clauses)


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
