"""Caps classes read on program pages nobody tuned on (issue 13; capsr9's classes re-landed one by
one in caps10, each with a guard). Real lines of the untuned pages in /work/scratch/unseen (sources
in its SOURCES.tsv), each read in a small document as the page prints it, beside lines of the same
shape that state no per-award cap.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.pipeline import parse
from gonggo.vocab.money import find_amounts


def _funding(text: str, tmp: Path) -> list[tuple]:
    path = tmp / "doc.txt"
    path.write_text(text, encoding="utf-8")
    spec = parse(path).spec
    return sorted(((t.name or "", f.payer, f.cap_krw, f.share_pct, f.share_bound)
                   for p in spec.programs for t in p.tracks for f in t.funding
                   if f.cap_krw is not None or f.share_pct is not None), key=str)


# --- class: a range printed high to low (hunter_w_startup_package) ---------------------------

def test_a_range_printed_high_to_low_is_bounded_by_its_high_end() -> None:
    assert [(a.krw, a.bound) for a in find_amounts("기업당 700만원~200만원 차등 지급")] == [
        (7_000_000, "max"), (2_000_000, "min")]
    assert [(a.krw, a.bound) for a in find_amounts("700~200만원")] == [(7_000_000, "max"), (2_000_000, "min")]


def test_a_range_printed_low_to_high_keeps_its_second_end() -> None:
    # dev ulju_youth_culture_project_2025 `팀별 최소 200만원 ~ 500만원`
    assert [(a.krw, a.bound) for a in find_amounts("팀별 최소 200만원 ~ 500만원")] == [
        (2_000_000, "min"), (5_000_000, "max")]


# --- class: a track's name cell with a starred note after the name (inu_startup_business) ---

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


def test_a_note_stating_money_is_no_name_note(tmp_path: Path) -> None:
    # a starred note with its own amount is no bare name: the row stays unread as before
    text = INU_TRACKS.replace("*신청자가 3가지 조건 중 1개라도 해당될 경우 인정", "* 총 사업비 3억원 이상 과제에 한함")
    assert _funding(text, tmp_path) == [("일반창업", "government", 50_000_000, None, None)]


# --- class: a support label leading a line under a heading that names no funding -------------

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
HANAM_LINE = "- 지원내용 업체별 최대 2,000만원(총 소요비용의 70% 이내), 10개 기업 내외\n"


@pytest.mark.parametrize(("text", "expected"), [
    (HANAM, [("", "government", 20_000_000, 70.0, "max")]),
    (SBIZ, [("", "government", 1_000_000, None, None)]),
    (WWG, [("", "government", 5_000_000, 75.0, "max")]),
    # a page of the public code index (find_string id 66161326534): `개소당 최대 200만원`
    (HANAM.replace(HANAM_LINE, "- 지원금액 : 개소당 최대 200만원(공급가액의 80% 지원, 부가세 자부담)\n"),
     [("", "government", 2_000_000, 80.0, "exact")]),
], ids=["hanam", "sbiz", "wwg", "index_per_site"])
def test_a_support_label_line_under_a_heading_naming_no_funding(text: str, expected: list, tmp_path: Path) -> None:
    assert _funding(text, tmp_path) == expected


@pytest.mark.parametrize("line", [
    "- 지원규모 : 총 10백만원",  # a budget: 지원규모 is no support label here
    "- 지원금액 : 창업아이템 개발, 기술정보활동, 마케팅에 소요되는 자금 지원(평균 40백만원)",  # an average (unseen inu)
    "- 지원내용 및 소요예산 총 10백만원",  # a caption over a table, not a labelled line
    "- 지원내용 : 자립준비청년 1인당 월 20만원 지급",  # per person and month (index 15503244281)
    "- 지원내용 : 임산부 1인당 연 24만원(자부담 4만8천원 포함) 친환경농산물 꾸러미 지원",  # per person (index 55878022346)
    "- 지원내용 : 최대 입주기간 3년(1년 단위로 연장)의 무상 지원",  # free space for a period (index 51791862855)
    "- 지원금액 : 500만원",  # a bare amount outside a funding section may be anything
    "- 지원한도 : 업체당 최대 5억원(운전자금 융자)",  # a loan's limit
    "- 지원금액 : 1억원 미만 과제는 정산 보고 생략",  # a threshold
    "※ 지원금액 : 최대 1억원(타 사업 기준)",  # a note
], ids=["budget", "average", "caption", "per_person_month", "per_person_year", "tenancy", "bare",
        "loan", "threshold", "note"])
def test_labelled_lines_that_state_no_cap(line: str, tmp_path: Path) -> None:
    assert _funding(HANAM.replace(HANAM_LINE, line + "\n"), tmp_path) == []


def test_a_support_label_under_a_heading_of_another_facet_states_no_cap(tmp_path: Path) -> None:
    text = ("스타트업 패키지 지원사업\n"
            "1. 신청자격\n"
            "- 지원대상 창업 7년 이내의 스타트업\n"
            "- 지원한도 업체별 최대 2,000만원을 초과하여 지원받은 기업은 신청 불가\n"
            "2. 유의사항\n"
            "- 지원금액 : 최대 1억원 이상 수혜 시 사후관리 대상\n")
    assert _funding(text, tmp_path) == []


# --- class: an RFP table whose money column names the state's money 국비 (variants_funding
# payer_state_synonym over dev mafra_livestock_disease_rnd_2019: `정부출연금` → `국비` lost a cap) ---

RFP_TABLE = ("□ 지정공모과제(2개 과제)\n"
             "(단위:억 원 이내)\n"
             "연번\t연 구 과 제 명\t연구기간\t{money}\t페이지\n"
             "’19년\t총연구비\n"
             "1\t구제역 항원뱅크 적정 비축항원 및 비축물량 평가연구\t1년\t1.5\t1.5\t11\n"
             "4\t검역탐지견 인지력 제고를 위한 우수형질 실용화 기술개발 및 탐지견 활용 최적화 연구\t1년 8개월\t1.5\t3.7\t14\n")


def _caps(text: str, tmp: Path) -> list[tuple]:
    path = tmp / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return sorted((t.name or "", f.payer, f.cap_krw, f.cap_basis) for p in parse(path).spec.programs
                  for t in p.tracks for f in t.funding if f.cap_krw is not None)


def test_an_rfp_table_of_the_state_money_named_gukbi(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    gukbi = _caps(RFP_TABLE.format(money="국비"), tmp_path / "a")
    assert gukbi == _caps(RFP_TABLE.format(money="정부출연금"), tmp_path / "b")
    assert sorted(c[2] for c in gukbi) == [150_000_000, 370_000_000]
