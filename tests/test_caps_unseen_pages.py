"""Caps on program pages nobody tuned on (issue 13, capsr9): real lines of the untuned pages in
/work/scratch/unseen (sources in its SOURCES.tsv), each read in a small document as the page
prints it.

- a support label leading a list item under a heading that names no funding (`- 지원내용 업체별 최대
  2,000만원(총 소요비용의 70% 이내)`, hanam_bio_startup_package; `지원금액 : 한 조합당 최대 100만원 지원(회당
  20만원 이내)`, sbiz_coop_study_group; `- 지원금액 : 비용의 75%이내(업체 500만원 한도)`, wwg_overseas_promo);
- the items under a support label alone on its line (`지원내용` / `- 사업화지원금(기업당 700만원~200만원 차등
  지급)`, hunter_w_startup_package);
- a range printed high to low (`기업당 700만원~200만원 차등 지급`, hunter_w_startup_package): its high end;
- a track's name cell with a starred note after the name (`고급기술 창업 *신청자가 … 인정`,
  inu_startup_business).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.pipeline import parse


def _funding(text: str, tmp: Path) -> list[tuple]:
    path = tmp / "doc.txt"
    path.write_text(text, encoding="utf-8")
    spec = parse(path).spec
    return sorted(((t.name or "", f.payer, f.cap_krw, f.share_pct, f.share_bound)
                   for p in spec.programs for t in p.tracks for f in t.funding
                   if f.cap_krw is not None or f.share_pct is not None), key=str)


HANAM = ("스타트업 패키지 지원사업\n"
         "- 지원대상 창업 7년 이내의 하남시 디지털바이오헬스 분야 스타트업\n"
         "- 지원내용 업체별 최대 2,000만원(총 소요비용의 70% 이내), 10개 기업 내외\n"
         "- 지원방법 지원대상 기업 선정, 중간점검 및 결과보고 후 2회 분할지원\n")
SBIZ = ("연구회 지원\n"
        "소상공인협동조합의 자발적 학습유도 지원\n"
        "지원대상 : 설립 1년차 이상 소상공인협동조합\n"
        "운영방법 : 조합 당 최소 3명 이상, 5회까지 연구회 활동\n"
        "지원금액 : 한 조합당 최대 100만원 지원(회당 20만원 이내)\n"
        "지원방법 :\n"
        "- 학습자료 및 도서구입비, 음료 및 식대 지원\n")
WWG = ("해외홍보물 제작 지원\n"
       "지원대상\n"
       "- 우리회사 기자재공급자 및 정비적격등록업체\n"
       "지원내용\n"
       "- 영문 홈페이지 구축, 영문 카탈로그 및 브로셔\n"
       "- 지원금액 : 비용의 75%이내(업체 500만원 한도)\n"
       "추진일정\n"
       "- 매년 4월 : 지원사업 공고\n")


@pytest.mark.parametrize(("text", "expected"), [
    (HANAM, [("", "government", 20_000_000, 70.0, "max")]),
    (SBIZ, [("", "government", 1_000_000, None, None)]),
    (WWG, [("", "government", 5_000_000, 75.0, "max")]),
], ids=["hanam", "sbiz", "wwg"])
def test_a_support_label_item_under_a_heading_naming_no_funding(text: str, expected: list, tmp_path: Path) -> None:
    assert _funding(text, tmp_path) == expected


@pytest.mark.parametrize("line", [
    "- 지원규모 : 총 10백만원",  # a budget: 지원규모 is no support label here
    "- 지원금액 : 창업아이템 개발, 기술정보활동, 마케팅에 소요되는 자금 지원(평균 40백만원)",  # an average
    "- 지원내용 및 소요예산 총 10백만원",  # a caption over a table, not a labelled line
], ids=["budget", "average", "caption"])
def test_labelled_lines_that_state_no_cap(line: str, tmp_path: Path) -> None:
    assert _funding(HANAM.replace("- 지원내용 업체별 최대 2,000만원(총 소요비용의 70% 이내), 10개 기업 내외\n", line + "\n"),
                    tmp_path) == []


def test_a_range_printed_high_to_low_is_bounded_by_its_high_end(tmp_path: Path) -> None:
    text = HANAM.replace("업체별 최대 2,000만원(총 소요비용의 70% 이내)", "사업화지원금(기업당 700만원~200만원 차등 지급)")
    assert _funding(text, tmp_path) == [("", "government", 7_000_000, None, None)]


INU_TRACKS = ("창업아이템 및 고급기술 창업자 창업활동 지원\n"
              "모집구분\n"
              "구분\t자격요건\t지원금액\n"
              "고급기술 창업 *신청자가 3가지 조건 중 1개라도 해당될 경우 인정\t(조건 ①) 대학교수, 대학원생, 석사 또는 "
              "박사학위 보유자\t최대 70백만원 한도\n"
              "\t(조건 ②) 6개 신산업창출 분야(산업부) 업종을 영위하는 자\t\n"
              "일반창업\t제한 없음\t최대 50백만원 한도\n")


def test_a_track_name_with_a_starred_note_after_it(tmp_path: Path) -> None:
    assert _funding(INU_TRACKS, tmp_path) == [("고급기술 창업", "government", 70_000_000, None, None),
                                              ("일반창업", "government", 50_000_000, None, None)]


HUNTER = ("W-창업패키지 지원사업\n"
          "1. 사업내용\n"
          "지원대상\n"
          "- 창업 후 3년 미만 기술 기반 아이템*의 여성 창업기업\n"
          "지원내용\n"
          "- 교육 및 멘토링, 전문가 컨설팅\n"
          "- 사업화지원금(기업당 700만원~200만원 차등 지급)\n"
          "2. 추진절차\n")


def test_items_under_a_support_label_alone_on_its_line(tmp_path: Path) -> None:
    # hunter_w_startup_package: `지원내용` alone, its items under it; the range's high end bounds the award
    assert _funding(HUNTER, tmp_path) == [("", "government", 7_000_000, None, None)]


def test_items_under_another_label_alone_state_no_cap(tmp_path: Path) -> None:
    text = HUNTER.replace("지원내용\n", "지원대상\n").replace("사업화지원금(기업당", "매출액(기업당")
    assert _funding(text, tmp_path) == []
