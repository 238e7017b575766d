"""Funding variants (`gonggo/eval/variants_funding.py`): the same caps, shares, periods and
award counts printed in the other words and forms real announcements use yield the same facts;
each rewrite keeps what it rewrites."""

from __future__ import annotations

from functools import reduce
from pathlib import Path

import pytest

from gonggo.eval.variants_funding import BY_NAME, FUNDING_VARIANTS
from gonggo.extractors.awards import corpus_value as award_value
from gonggo.extractors.tracks import corpus_value as terms_value
from gonggo.extractors.tracks import line_terms
from gonggo.pipeline import parse
from gonggo.vocab.funding import find_share_terms, find_shares
from tests.variants_support import lost_gained
from tests.variants_support import seed_text as _seed

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"




# every funding rewrite, one after the other on one text (one parse per seed)
CHAIN = [v.name for v in FUNDING_VARIANTS]


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")), ids=lambda n: n[:3])
def test_seed_facts_survive_the_funding_variants(seed: str, tmp_path: Path) -> None:
    text = _seed(seed)
    new = reduce(lambda t, name: BY_NAME[name].apply(t), CHAIN, text)
    assert new != text
    lost, gained = lost_gained(text, new, tmp_path, seed)
    assert not lost and not gained, f"lost {lost}\ngained {gained}"


@pytest.mark.parametrize(("name", "before", "after"), [
    ("share_hundredths", "총 사업비의 50% 이내 지원", "총 사업비의 100분의 50 이내 지원"),
    ("share_hundredths", "소요비용의 50% 지원", "소요비용의 50% 지원"),  # no bound: not the legal form
    ("cap_per_award_suffix", "기업 당 최대 1억 원\t비고", "최대 1억 원/기업\t비고"),
    ("cap_bound_prefix", "2,800백만원 이내", "최대 2,800백만원"),
    ("cap_bound_suffix", "정부지원금 최대 20백만원, 총 사업비의", "정부지원금 20백만원 이내, 총 사업비의"),
    ("money_manwon", "최대 20백만원", "최대 2,000만원"),
    ("money_manwon", "최대 1.5억원", "최대 1억 5,000만원"),
    ("payer_state_synonym", "정부지원금 최대 5백만원", "국비 최대 5백만원"),
    ("payer_applicant_synonym", "중소기업 (자부담)", "중소기업 (민간부담금)"),
    ("duration_from_agreement", "□ 사업기간 : 9개월", "□ 사업기간 : 협약일로부터 9개월"),
    ("duration_years", "□ 지원기간 : 최대 2년", "□ 지원기간 : 최대 24개월"),
    ("duration_years", "1차년도 연구기간 12개월", "1차년도 연구기간 12개월"),  # a year of a plan
    ("duration_stage_sum", "□ 사업기간 : 최대 4년 이내", "□ 사업기간 : 최대 4년(2+2) 이내"),
    ("duration_stage_sum", "◦ 연구기간 : 5년(3+2)", "◦ 연구기간 : 5년(3+2)"),  # already staged
    ("duration_stage_words", "ㅇ 지원기간 : 3년", "ㅇ 지원기간 : 총 3년(1단계 2년, 2단계 1년)"),
    ("duration_stage_words", "1차년도 연구기간 2년", "1차년도 연구기간 2년"),  # a year of a plan
    ("share_cash_part", "* 자기부담사업비 (30% 이상)", "* 자기부담사업비 (30% 이상) : 현금 10% 이상 + 현물 20% 이하"),
    # mid-sentence (`… 20% 이상 기준으로 적용`): no real print puts the cash part there
    ("share_cash_part", "기업부담금을 총 연구개발비의 20% 이상 기준으로 적용", "기업부담금을 총 연구개발비의 20% 이상 기준으로 적용"),
    ("share_cost_base_rnd", "총 사업비의 50% 이내 지원", "총 연구개발비의 50% 이내 지원"),
    ("share_cost_base_rnd", "총 사업비 30억원", "총 사업비 30억원"),  # a total, no share's base
    ("awards_unit_wording", "◦ (지원규모) 90개사 내외", "◦ (지원규모) 90개 기업 내외"),
    ("awards_unit_wording", "(지원과제) 5개 과제", "(지원과제) 5과제"),
    ("size_label_item", "□ 지원규모 : 총 5개사\n", "□ 지원규모\n ㅇ 총 5개사\n"),
    ("size_label_item", "□ 지원내용 : 최대 1억원\n", "□ 지원내용 : 최대 1억원\n"),  # not a size label
])
def test_each_rewrite_keeps_what_it_says(name: str, before: str, after: str) -> None:
    assert BY_NAME[name].apply(before) == after


# The classes the variants found, read alike in one phrase each (the phrase corpora hold the
# real prints; these are the rewritten forms of them).
def test_a_share_in_the_statute_form_or_in_words_is_a_share() -> None:
    assert [(s.pct, s.bound) for s in find_shares("직접비의 40퍼센트 범위에서")] == [(40, "exact")]
    assert [(s.pct, s.bound) for s in find_shares("총사업비의 70％ 이내")] == [(70, "max")]
    assert [(s.pct, s.bound) for s in find_share_terms("연구개발비의 100분의 75 이하")] == [(75, "max")]
    # a stake in a company in the statute's form is no share of the cost
    assert find_share_terms("발행주식 총수의 100분의 50 이하") == []
    line = terms_value("◦ (긴급복구형) 정부지원금 최대 5백만원, 총 사업비의 100분의 50 이내 지원")
    assert line is not None and (line["share_pct"], line["share_bound"]) == (50, "max")


def test_a_subsidy_label_names_the_support_not_a_track() -> None:
    line = terms_value("○ 보조금 : 최대 1억원 (총사업비의 70% 이내)")
    assert line is not None and line["track"] is None
    assert (line["cap_krw"], line["share_pct"]) == (100000000, 70)


def test_the_applicants_share_under_its_other_names() -> None:
    for word in ("자기부담사업비*", "기업부담금*", "민간부담금*", "자부담"):
        _, terms = line_terms(f"총 사업비 = 국비 70% 이하 + {word} 30% 이상")
        shares = sorted((f.role, f.share, f.bound) for f in terms.funding.values() if f.share is not None)
        assert shares == [("applicant", 30, "min"), ("government", 70, "max")], word
    table = "구분\t지원금액\n수송\t최대 5천만 원/기업\n에너지\t최대 1억 원/기업"
    assert [t["caps"] for t in terms_value(table)] == [[["government", 50000000, "per_award"]],
                                                       [["government", 100000000, "per_award"]]]


def test_a_bare_project_count_is_a_count_but_not_a_pool() -> None:
    assert award_value("□ 지원규모 : 총 19과제") == {"count": 19, "approx": False, "unit": "과제"}
    assert award_value("상위 70%(9과제 중 6과제)에 대해 2년차") is None
    assert award_value("□ 선정규모 : 00개사 내외") is None  # a form's blank


FUNDING = ("caps", "shares", "durations", "budget", "awards")


def test_funding_lines_listed_as_a_table_keep_their_terms(tmp_path: Path) -> None:
    """Seed 002's `□ 지원조건` lines (`◦ (긴급복구형) 정부지원금 최대 5백만원, 총 사업비의 50% 이내 지원`)
    printed as a `연번 | 지원조건` table: each row a labelled line; the `◦ 최대 6개월` after the table
    is no row's sub-item."""
    from gonggo.eval.variants_layout import BY_NAME as LAYOUT

    seed = "002_34b7be75f7e38256.txt"
    text = _seed(seed)
    new = LAYOUT["list_table"].apply(text)
    assert "연번\t지원조건" in new
    lost, gained = lost_gained(text, new, tmp_path, seed)
    assert not [f for f in lost + gained if f[0] in FUNDING], f"lost {lost}\ngained {gained}"


@pytest.mark.parametrize("lead", ["∙", "1\t", "1) ", "① "])
def test_an_add_on_part_defined_in_a_list_table_or_numbered(lead: str) -> None:
    """kised_dodak_2025's `∙추가 지원사업비 : 성공환원형에 선정된 …` as a `연번 | 내용` row or numbered."""
    from gonggo.extractors.tracks import _part_definition

    text = f"{lead}추가 지원사업비 : 성공환원형에 선정된 창업기업을 대상으로 기본 지원사업비의 최대 50%를 추가로 지원\n"
    found = _part_definition(text, "추가", "지원사업비")
    assert found is not None and text[found[1]:].startswith("성공환원형")


def test_a_share_then_its_cap_in_parentheses_then_support() -> None:
    """Seed 002 `정부가 30%(최대 1.2억원) 지원` with the payer left out (`제작비의 최대 70%(최대 3천만원)
    지원`); a rank (`상위 70%(9과제 중 6과제)`) is no share."""
    line = terms_value("ㅇ 지원내용 : 시제품 제작비의 최대 70%(최대 3천만원) 지원")
    assert line is not None and (line["share_pct"], line["share_bound"], line["cap_krw"]) == (70, "max", 30000000)
    assert terms_value("- 상위 70%(9과제 중 6과제) 지원") is None


def test_a_rate_label_is_no_track() -> None:
    line = terms_value("○ 보조율 : 총사업비의 50% 이내")
    assert line is not None and line["track"] is None and line["share_pct"] == 50


def _spec(text: str, tmp: Path) -> dict:
    path = tmp / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return parse(path).spec.model_dump(mode="json")


HEAD = "2026년 지역혁신선도기업육성(R&D) 지원계획 공고\n\n□ 사업목적\nㅇ 지역경제 활력 제고\n"
TAIL = "□ 신청기간 및 방법\n- 접수기간 : 2026.2.11.(수) 10:00 ~ 2026.3.3.(화) 18:00 까지\n"


def test_a_budget_label_alone_then_its_total(tmp_path: Path) -> None:
    """The listing cache's `□ 지원규모 ㅇ 총 734.3억원 * 국비 예산확정에 따라 …` as two lines; two items
    with money of their own under a bare `□ 지원규모` are its parts, no one total."""
    spec = _spec(HEAD + "□ 지원규모\nㅇ 총 734.3억원\n* 국비 예산확정에 따라 지방비 매칭 예정\n" + TAIL, tmp_path)
    assert spec["programs"][0]["budget_krw"] == 73_430_000_000
    parts = "□ 지원규모\nㅇ 총 5억원 (창업기업형)\nㅇ 총 3억원 (성장기업형)\n"
    assert _spec(HEAD + parts + TAIL, tmp_path)["programs"][0]["budget_krw"] is None


def test_a_size_label_alone_gives_the_award_money_below_it(tmp_path: Path) -> None:
    """motie_industry_talent_hrd_council_2025 `□ 지원규모 : 과제당 160백만 원 내외`, the label on its own line."""
    spec = _spec(HEAD + "□ 지원규모\nㅇ 과제당 160백만 원 내외\n" + TAIL, tmp_path)
    caps = [(f["payer"], f["cap_krw"]) for t in spec["programs"][0]["tracks"] for f in t["funding"]
            if f.get("cap_krw")]
    assert caps == [("government", 160_000_000)]


def test_a_budget_item_is_no_track() -> None:
    """Seed 001's cost items (`② 교육비 : … 수강 비용 (1백만원) 필수 편성`) as a `연번 | 내용` table."""
    table = ("연번\t내용\n1\t① 원가계산비용 : 과제 당 1,500,000원 필수 편성\n"
             "2\t② 교육비 : 스마트공장 기술교육(사업관리교육 및 기술교육) 수강 비용 (1백만원) 필수 편성\n"
             "3\t③ 기술임치비 : 스마트공장 구축 결과물의 기술임치비(45만원) 필수 편성")
    from gonggo.extractors.tracks import is_track_name

    assert not is_track_name("교육비") and not is_track_name("기술임치비")
    assert is_track_name("설비") and is_track_name("재난대비")
    assert terms_value(table) is None


SHEET = ("관리번호\t2026–뇌·첨단의공학 01-지정공모-10\tRFP\n"
         "사업명\t바이오·의료기술개발 - 인공지능바이오\n"
         "{title}"
         "지원 정보\t지원기간\t2026.04 ~ 2030.12\t정부지원금\t9,736백만원\n"
         "1. 추진배경\nㅇ 추진근거\n- 「과학기술기본법」 제11조(국가연구개발사업의 추진)\n"
         "ㅇ 선정 과제 수 : 2개 과제 내외\n"
         "- 과제별 연구비 : 1차년도 8억원 내외, 2차년도 이후 10.67억원 내외\n"
         "ㅇ 총 연구개발 기간은 5년(3+2)이며, 1차년도 연구개발 기간은 9개월임\n")


@pytest.mark.parametrize("title", ["RFP명\tK-NeuroMind: 인지기능 브레인 파운데이션 모델 개발\n",
                                   "○ RFP명 : K-NeuroMind: 인지기능 브레인 파운데이션 모델 개발\n"])
def test_an_rfp_sheet_titled_by_a_row_or_a_labelled_line(title: str, tmp_path: Path) -> None:
    """msit_bio_rfp_2026_brain's sheet, its `RFP명 | …` row printed as a `○ RFP명 : …` line
    (`table_key_lines`): the same one track with its cap and period."""
    spec = _spec(SHEET.format(title=title), tmp_path)
    tracks = [(t["name"], t["duration_months"], [(f["cap_krw"], f["cap_basis"]) for f in t["funding"]])
              for p in spec["programs"] for t in p["tracks"]]
    assert tracks == [("K-NeuroMind: 인지기능 브레인 파운데이션 모델 개발", 60, [(1_067_000_000, "per_year")])]


@pytest.mark.parametrize("head", ["지원규모", "지원내용", "지원조건"])
def test_the_support_column_in_its_other_wordings(head: str) -> None:
    """suwon_carbon_neutral_livinglab_2026's `지원분야 | 지원규모 | 비고` field table headed as other calls
    head the facet (variants_wording `heading_funding_*`); a column of prose cells is no money column."""
    table = (f"지원분야\t{head}\t비고\n중점주제(학교연계)\t기업 당 최대 1억 원\t※예산범위 내 지원\n"
             "수송\t기업 당 최대 5천만 원\t")
    assert [t["caps"] for t in terms_value(table)] == [[["government", 100000000, "per_award"]],
                                                       [["government", 50000000, "per_award"]]]
    if head == "지원규모":
        return  # a 지원규모 column is read as money whatever its cells (SCALE_HEADER)
    prose = (f"구분\t{head}\n사업화 자금\t• 창업기업 사업모델(BM) 혁신, 제품‧서비스 고도화 등 소요자금 지원 "
             "(평균 1억원)\n창업프로그램\t• 후속투자 유치, 글로벌 시장 진출 등 프로그램 지원")
    assert not any(t["caps"] for t in terms_value(prose) or [])
