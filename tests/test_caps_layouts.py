"""Caps printed in the layouts other announcements use (issue 13, caps): the classes the
metamorphic variants found losing caps, each read alike in a small document made of real lines
(the dev and sample texts and the seeds cite them).

- an RFP sheet's `관리번호` box printed as key lines (`○ 관리번호 : 인공지능`), its budget table by
  year under it (msit_ict_rnd_2026_rfp_ai_extract; `variants_layout.table_key_lines`);
- money cells as bare numbers under a unit line (`(단위 : 백만 원 이내)` over `15,550`;
  mafra_high_value_food_rnd_2026, mafra_livestock_disease_rnd_2019; `variants_funding.cap_unit_header`);
- a worked example's caption printed as a list item (`- < 사업비 구성 예시 (정부지원사업비 1.5억원인
  경우) >`, kised_dodak_2025) before the call's own terms (`variants_distractor.distractor_example`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.eval.variants_funding import BY_NAME
from gonggo.pipeline import parse


def _tracks(text: str, tmp: Path) -> list[tuple]:
    path = tmp / "doc.txt"
    path.write_text(text, encoding="utf-8")
    spec = parse(path).spec
    return [(t.name, t.duration_months, sorted((f.payer, f.cap_krw, f.cap_basis) for f in t.funding
                                               if f.cap_krw is not None))
            for p in spec.programs for t in p.tracks]


# msit_ict_rnd_2026_rfp_ai_extract's first sheet (its box, its budget table by year)
SHEET_BOX = ("관리번호\t인공지능\n"
             "기술분류\t대분류 인공지능 중분류 지능학습 소분류 인지생성 세분류 지식추론\n"
             "총괄과제명\t인간 뇌 인지 메카니즘을 모사한 감각 기억 학습 추론 통합 지능 원천 기술 개발\n"
             "세부과제명\t총괄 세부 다층적 상황 이해와 창의적 문제 해결을 위한 인간인지모사 기반 통합 추론 기술 개발\n")
SHEET_KEY_LINES = ("○ 관리번호 : 인공지능\n"
                   "○ 기술분류 : 대분류 인공지능 중분류 지능학습 소분류 인지생성 세분류 지식추론\n"
                   "○ 총괄과제명 : 인간 뇌 인지 메카니즘을 모사한 감각 기억 학습 추론 통합 지능 원천 기술 개발\n"
                   "○ 세부과제명 : 총괄 세부 다층적 상황 이해와 창의적 문제 해결을 위한 인간인지모사 기반 통합 추론 기술 개발\n")
SHEET_BODY = ("ㅇ 개념\n총괄 감각 학습 기억 추론 과정이 복합적으로 작동하는 인간인지 과정을 모사\n"
              "ㅇ 연구개발기간 년 이내 단계 년 단계 년\n"
              "{unit}구분\t기간\t개월수\t정부지원연구개발비\n"
              "1단계\t1년차\t’26.4월∼‘26.12월\t9개월\t{y1}\n"
              "2년차\t’27.1월∼‘27.12월\t12개월\t{y2}\n"
              "합계\t-\t45개월\t{total}\n"
              "* 연차별 정부지원연구개발비는 당해연도 예산심의결과에 따라 변동될 수 있음\n")
PRINTED = {"unit": "", "y1": "3,100 백만원 이내", "y2": "4,150 백만원 이내", "total": "15,550 백만원 이내"}
BARE = {"unit": "(단위 : 백만 원 이내)\n", "y1": "3,100", "y2": "4,150", "total": "15,550"}
SHEET_TRACK = [("다층적 상황 이해와 창의적 문제 해결을 위한 인간인지모사 기반 통합 추론 기술 개발", 45,
                [("government", 15_550_000_000, "total")])]


@pytest.mark.parametrize("box", [SHEET_BOX, SHEET_KEY_LINES], ids=["box", "key_lines"])
@pytest.mark.parametrize("cells", [PRINTED, BARE], ids=["amounts", "unit_line"])
def test_an_rfp_sheet_as_a_box_or_key_lines_with_its_budget_by_year(box: str, cells: dict, tmp_path: Path) -> None:
    assert _tracks(box + SHEET_BODY.format(**cells), tmp_path) == SHEET_TRACK


# seed 000's cost table (`총 구축비용 | 고도화 | 3개사 | 0.18억원 | …`), its cells as bare decimals
# under `(단위 : 억 원)` (mafra_livestock_disease_rnd_2019 `(단위:억 원 이내)` over `1.5 | 3.7`)
COST_TABLE = ("□ 지원내용\n"
              "- (구축비용 지원) 국민건강보험공단이 중소기업과 협력하여 스마트공장을 구축할 경우, 정부가 구축비용의 일부를 지원\n"
              "{unit}구 분\t지원유형 (유형1)\t지원 기업수\t정부\t국민건강보험공단\t중소기업 (자부담)\t합계\n"
              "총 구축비용\t고도화\t3개사\t{a}\t{b}\t{a}\t{c}\n"
              "분담비율\t\t\t30%\t40%\t30%\t100%\n")


def test_bare_decimals_under_a_unit_line_are_the_same_caps(tmp_path: Path) -> None:
    printed = _tracks(COST_TABLE.format(unit="", a="0.18억원", b="0.24억원", c="0.6억원"), tmp_path)
    bare = _tracks(COST_TABLE.format(unit="(단위 : 억 원)\n", a="0.18", b="0.24", c="0.6"), tmp_path)
    assert bare == printed
    assert ("applicant", 18_000_000, "per_award") in printed[0][2]


def test_the_unit_header_variant_moves_the_unit_out_of_the_cells() -> None:
    table = "구분\t정부지원금\n가형\t2,800백만원 이내\n나형\t300백만원 이내\n"
    assert BY_NAME["cap_unit_header"].apply(table) == "(단위 : 백만 원 이내)\n구분\t정부지원금\n가형\t2,800\n나형\t300\n"
    # cells of two units (or money in words beside them) are left as printed
    mixed = "구분\t정부지원금\n가형\t2,800백만원 이내\n나형\t3억원 이내\n"
    assert BY_NAME["cap_unit_header"].apply(mixed) == mixed
    assert BY_NAME["cap_limit_word"].apply("과제당 최대 1억원 이내 지원") == "과제당 1억원 한도 지원"
    # a sum to budget is no limit: not rewritten
    assert BY_NAME["cap_limit_word"].apply("과제 당 1,500,000원 필수 편성") == "과제 당 1,500,000원 필수 편성"
    assert BY_NAME["cap_per_year_prefix"].apply("500백만원 이내/년 (1차년도 375백만원)") == (
        "연 500백만원 이내 (1차년도 375백만원)")


# seed 004's terms with kised_dodak_2025's example captions inserted as items before them
TERMS = ("□ 지원규모 및 조건\n"
         "◦ (지원규모) 90개사 내외\n"
         "{captions}"
         "◦ (지원조건) 소요비용의 50% 지원 (최대 20백만원)\n"
         "□ 신청방법\n◦ 온라인 접수\n")
CAPTIONS = ("◦ < 사업비 구성 예시 (정부지원사업비 1.5억원인 경우) >\n"
            "◦ < 사업비 구성 예시 (정부지원사업비 7,000만원인 경우) >\n")


@pytest.mark.parametrize("captions", ["", CAPTIONS, CAPTIONS.replace("◦", "-")], ids=["none", "sibling", "dash"])
def test_an_example_caption_item_does_not_swallow_the_terms_after_it(captions: str, tmp_path: Path) -> None:
    assert _tracks(TERMS.format(captions=captions), tmp_path) == [(None, None, [("government", 20_000_000, "per_award")])]


def test_an_example_caption_over_its_table_still_states_no_terms(tmp_path: Path) -> None:
    # kised_dodak_2025: the caption, then the example's table of one case's money
    text = ("□ 지원내용\n◦ 정부지원사업비 최대 1억원 지원\n"
            "< 사업비 구성 예시 (정부지원사업비 1.5억원인 경우) >\n"
            "총사업비\t정부지원사업비\t창업기업 자기부담사업비\n"
            "215백만원\t150백만원\t65백만원\n"
            "□ 신청방법\n◦ 온라인 접수\n")
    assert _tracks(text, tmp_path) == [(None, None, [("government", 100_000_000, "per_award")])]


@pytest.mark.parametrize("label", ["총 지원 규모", "정부지원금"])
def test_a_cell_printing_the_whole_period_and_a_year(label: str, tmp_path: Path) -> None:
    """knpa_policelab_rnd_2026's `총 10억원(연 4억원)*` under `총 지원 규모`, and under a label that does
    not say `총` (`variants_funding.cap_total_label`): the whole period's cap and each year's."""
    text = ("□ 지원규모\n"
            f"번호\t문제정의서 명\t총 연구기간\t{label}\t형태\n"
            "1\t범죄 악용 통신 체계 탐지 기술 개발\t30개월\t총 10억원(연 4억원)*\t주관\n")
    [(_, months, caps)] = _tracks(text, tmp_path)
    assert (months, caps) == (30, [("government", 400_000_000, "per_year"), ("government", 1_000_000_000, "total")])


def test_a_cost_item_budgeted_per_award_is_no_cap() -> None:
    """Seed 001's `① 원가계산비용 : 과제 당 1,500,000원 필수 편성` with a limit word (`한도`, as
    `cap_limit_word` prints caps) is that item's money; the support money so printed is a cap."""
    from gonggo.extractors.tracks import corpus_value

    assert corpus_value("- ① 원가계산비용 : 과제 당 1,500,000원 한도 필수 편성") is None
    line = corpus_value("○ 지원금액 : 과제 당 1억원 한도")
    assert line is not None and line["cap_krw"] == 100_000_000
    line = corpus_value("ㅇ 정부지원연구개발비 : ’25년 4.0억원 이내(총 정부지원연구개발비 14.6억원 이내)")
    assert line is not None and line["cap_krw"] == 1_460_000_000
    # an item's money the call supports is a cap
    line = corpus_value("◦ 스마트공장 구축비 : 최대 1억원 지원")
    assert line is not None and line["cap_krw"] == 100_000_000


def test_an_example_caption_item_over_items_of_its_own_keeps_them_out(tmp_path: Path) -> None:
    # the case worked out in items under the caption item: no terms of the call (precision first)
    text = ("□ 지원내용\n◦ < 예시 >\n  - 정부지원금 15억원의 과제를 5년간 수행하는 경우\n"
            "  - 연차별 정부지원금 최대 3억원\n◦ 정부지원금 최대 2억원\n□ 신청방법\n◦ 온라인 접수\n")
    assert _tracks(text, tmp_path) == [(None, None, [("government", 200_000_000, "per_award")])]
