"""The applicant profile, clause verdicts per track, and the money a person types."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gonggo.export.clauses import preferential, tracks_named
from gonggo.export.profile import ApplicantProfile, ProfileError, load_profile
from gonggo.export.simulate import industry_excluded, simulate
from gonggo.schemas.rule_config import ClauseRule, PayerRule, RuleConfig, SourceRef, TrackRule
from gonggo.vocab.industries import SECTIONS, codes_of_name
from gonggo.vocab.money import AmountError, format_krw, money_style, parse_krw


def config(**kw) -> RuleConfig:  # type: ignore[no-untyped-def]
    payers = [PayerRule(payer="government", label="정부", cap_krw=18_000_000, share_pct=30,
                        share_bound="max"),
              PayerRule(payer="applicant", label="자부담", share_pct=70, share_bound="min")]
    return RuleConfig(program="p", key="p", source=SourceRef(path="x", sha256="0", title="t"),
                      tracks=[TrackRule(name="고도화", payers=payers),
                              TrackRule(name="기초", payers=payers)], **kw)


@pytest.mark.parametrize("text, won", [("1억", 100_000_000), ("5천만원", 50_000_000),
                                       ("1,000,000", 1_000_000), ("1억 5천만원", 150_000_000),
                                       ("150000000원", 150_000_000), (" 0.5억원 ", 50_000_000)])
def test_amounts_as_people_type_them(text: str, won: int) -> None:
    assert parse_krw(text) == won


@pytest.mark.parametrize("text", ["", "abc", "1억 2억", "3만명", "1억x", "-5"])
def test_what_is_not_one_amount_is_refused(text: str) -> None:
    with pytest.raises(AmountError):
        parse_krw(text)


def test_one_money_style_per_report() -> None:
    assert money_style([18_000_000, 24_000_000]) == "만원"
    assert format_krw(18_000_000, "만원") == "1,800만원"
    assert money_style([300_000_000, 1_500_000_000]) == "억원"
    assert format_krw(1_500_000_000, "억원") == "15억원"
    assert format_krw(180_000_000, "억원") == "1.8억원"
    assert money_style([18_000_000, 1_234]) == "원"
    assert format_krw(1_234, "만원") == "1,234원"  # never rounded


def test_profile_refuses_typos_lists_and_bad_codes() -> None:
    with pytest.raises(ProfileError, match="regoin"):
        load_profile({"regoin": "강원"})
    with pytest.raises(ProfileError, match="not a list"):
        load_profile(["강원"])
    with pytest.raises(ProfileError, match="not a str"):
        load_profile("강원")
    with pytest.raises(ProfileError, match="industry_code"):
        load_profile({"industry_code": "C99x"})
    assert load_profile({"revenue_krw": "5억"}).revenue_krw == 500_000_000


def test_industry_by_code_or_exact_category_never_substring() -> None:
    rule = ["유흥·향락업", "숙박·음식점", "불건전 오락용품 제조업"]
    assert not industry_excluded(rule, ApplicantProfile(industry="제조업"))
    assert not industry_excluded(rule, ApplicantProfile(industry="음식"))
    assert industry_excluded(rule, ApplicantProfile(industry="숙박 및 음식점업"))
    assert industry_excluded(rule, ApplicantProfile(industry_code="56111"))
    assert industry_excluded(rule, ApplicantProfile(industry_code="I"))
    assert not industry_excluded(rule, ApplicantProfile(industry_code="C29"))


def test_clauses_of_other_tracks_and_preferences_are_skipped_not_failed() -> None:
    cfg = config(eligibility=[
        ClauseRule(kind="region", text="기초 강원도 소재", regions=["강원"], tracks=["기초"]),
        ClauseRule(kind="region", text="참여우대 서울 소재", regions=["서울"], preferential=True),
    ])
    profile = {"region": "부산"}
    assert simulate(cfg, "고도화", 1, profile).verdict == "pass"
    assert simulate(cfg, "기초", 1, profile).verdict == "fail"


def test_verdict_undecidable_when_the_profile_leaves_out_what_a_clause_needs() -> None:
    cfg = config(exclusions=[ClauseRule(kind="tax", text="국세 체납 기업")])
    assert simulate(cfg, "고도화", 1, {}).verdict == "undecidable"
    assert simulate(cfg, "고도화", 1, {"tax_arrears": False}).verdict == "pass"
    assert simulate(cfg, "고도화", 1, {"tax_arrears": True}).verdict == "fail"
    assert simulate(cfg, "고도화", 1).verdict == "pass"  # no profile: amounts only


def test_track_and_preference_labels_read_from_clause_rows() -> None:
    names = ["고도화", "기초", "고도화 (동일수준)"]
    assert tracks_named("도입 기업 고도화 (동일수준) 강원도 소재", names) == ["고도화 (동일수준)"]
    assert tracks_named("도입 기업 고도화 강원도 소재 중소기업", names) == ["고도화"]
    assert tracks_named("강원도 소재 중소기업 (기초 수준)", names) == []
    assert preferential("도입 기업 참여우대 강원도 소재 중소기업")
    assert not preferential("우대가점 없는 기업")


other_industries = st.sampled_from(
    ["유흥·향락업", "숙박·음식점", "불건전 오락용품 제조업", "사행시설 관리 및 운영업",
     "부동산 임대업", "금융·보험업", "무도장", "도박"]
    + [name for letter, (name, _r) in SECTIONS.items() if letter != "C"])
manufacturing_codes = st.integers(10, 34).map(str) | st.integers(10, 34).map(lambda d: f"C{d}") | \
    st.integers(100, 349).map(str)


@settings(max_examples=200, deadline=None)
@given(st.lists(other_industries, min_size=1, max_size=4), manufacturing_codes,
       st.booleans())
def test_a_manufacturer_is_never_excluded_by_another_industry(named: list[str], code: str,
                                                              with_name: bool) -> None:
    profile = ApplicantProfile(industry_code=code, industry="제조업" if with_name else None)
    cfg = config(exclusions=[ClauseRule(kind="industry", text=", ".join(named), industries=named)])
    assert simulate(cfg, "고도화", 1, profile).failed_clauses == []


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**10), st.integers(0, 10**11), st.integers(1, 1000))
def test_amounts_never_exceed_caps_and_add_up(cap: int, total: int, tenths: int) -> None:
    cfg = RuleConfig(program="p", key="p", source=SourceRef(path="x", sha256="0", title="t"),
                     tracks=[TrackRule(name=None, payers=[
                         PayerRule(payer="government", label="정부", cap_krw=cap,
                                   share_pct=tenths / 10),
                         PayerRule(payer="host", label="공단", cap_krw=cap // 2,
                                   share_pct=(1000 - tenths) / 10)])])
    result = simulate(cfg, None, total)
    assert result.amount("government") <= cap and result.amount("host") <= cap // 2
    assert sum(a.amount_krw for a in result.amounts) == total
    assert all(a.amount_krw >= 0 for a in result.amounts)


def test_sections_cover_their_names() -> None:
    assert codes_of_name("제조업")[0] == "10" and codes_of_name("제조")[-1] == "34"


def test_business_age_from_clause_text_and_profile() -> None:
    from gonggo.export.clauses import business_age

    assert business_age("창업 7년 이내 기업") == (None, 7.0)
    assert business_age("업력 3년 이상인 중소기업") == (3.0, None)
    assert business_age("「벤처기업법」 제2조 기업") is None
    cfg = config(eligibility=[ClauseRule(kind="other", text="창업 7년 이내 기업",
                                         business_age_years=(None, 7.0))])
    assert simulate(cfg, "고도화", 1, {"business_age_years": 3}).verdict == "pass"
    assert simulate(cfg, "고도화", 1, {"business_age_years": 9.5}).verdict == "fail"
    assert simulate(cfg, "고도화", 1, {}).verdict == "undecidable"
