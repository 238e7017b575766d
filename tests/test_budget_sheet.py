"""The call's budget an RFP sheet prints in its terms table (gonggo.extractors.tracks.extract_budget, the one budget reader)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.eval.field import SHARED_CORPUS
from gonggo.ingest import read_document
from gonggo.pipeline import parse, parse_document
from gonggo.schemas.announcement import Program
from gonggo.vocab.budget import sheet_money_label, sheet_period

# the samples beside the shared corpus (`GONGGO_SHARED_CORPUS`, or ../shared above the checkout)
BIO_RFP = SHARED_CORPUS.parent / "samples" / "pdf" / "msit_bio_rfp_2026_brain.pdf"

SHEET = ("사업명\t테스트 연구개발사업\nRFP명\t테스트 과제\n"
         "지원 정보\t지원기간\t2026.04 ~ 2030.12\t정부지원금\t9,736백만원\n"
         "\t1단계 (1차년도)\t2026.04 ~ 2028.12\t1단계 (1차년도)\t5,668백만원\n\n")


def _program(tmp_path: Path, text: str) -> Program:
    path = tmp_path / "rfp.txt"
    path.write_text(text, encoding="utf-8")
    (program,) = parse_document(read_document(path)).spec.programs
    return program


@pytest.mark.parametrize(("label", "expect"), [
    ("정부지원금", True), ("총 정부출연금", True), ("정부지원 연구개발비", True),
    ("과제별 연구비", False), ("지원금", False), ("민간부담금", False)])
def test_sheet_money_labels(label: str, expect: bool) -> None:
    assert sheet_money_label(label) is expect


def test_a_sheet_period_spans_years() -> None:
    assert sheet_period("지원기간", "2026.04 ~ 2030.12")
    assert not sheet_period("지원기간", "2026.04 ~ 2026.12")  # one year: no whole period
    assert not sheet_period("접수기간", "2026.04 ~ 2030.12")


def test_the_terms_row_of_a_sheet_selecting_several_projects_is_its_budget(tmp_path: Path) -> None:
    program = _program(tmp_path, SHEET + "ㅇ 선정 과제 수 : 2개 과제 내외\n")
    assert program.budget_krw == 9_736_000_000
    assert [e.quote for e in program.evidence_of["budget_krw"]] == ["9,736백만원"]


@pytest.mark.parametrize("count_line", ["ㅇ 선정 과제 수 : 1개 과제\n", ""])
def test_one_project_or_no_count_gives_no_budget(tmp_path: Path, count_line: str) -> None:
    program = _program(tmp_path, SHEET + count_line)
    assert program.budget_krw is None  # may be that one award's total: not a budget


@pytest.mark.skipif(not BIO_RFP.exists(), reason="../shared/samples is not beside this checkout")
def test_msit_bio_rfp_sheet_budget() -> None:
    spec = parse(BIO_RFP).spec
    (program,) = spec.programs
    assert program.budget_krw == 9_736_000_000
    assert [e.quote for e in program.evidence_of["budget_krw"]] == ["9,736백만원"]


ROW_TABLE = ("□ 지원대상 과제\n(단위 : 백만원)\n"
             "순번\t과 제 명\t총 수행기간\t’26년 정부지원 연구개발비\t공모 방식\n"
             "1\t석‧박사 전문인력 양성 (총 2개 과제 지원)\t5년\t{money}\t품목 지정\n")


def test_a_one_row_call_table_prints_the_sum_over_its_projects(tmp_path: Path) -> None:
    program = _program(tmp_path, ROW_TABLE.format(money="1,440 (2,880)"))
    assert program.budget_krw == 2_880_000_000  # (단위 : 백만원)
    assert [e.quote for e in program.evidence_of["budget_krw"]] == ["2,880"]


@pytest.mark.parametrize("money", ["1,440 (2,800)",  # not 1,440 × 2: no sum of this row
                                   "1,440"])
def test_no_sum_or_a_sum_that_does_not_add_up_gives_no_budget(tmp_path: Path, money: str) -> None:
    assert _program(tmp_path, ROW_TABLE.format(money=money)).budget_krw is None


def test_two_rows_print_no_one_sum(tmp_path: Path) -> None:
    text = ROW_TABLE.format(money="375 (750)") + "2\t표준화 기반 조성\t7년\t675\t품목 지정\n"
    assert _program(tmp_path, text).budget_krw is None


# the one reader reads both kinds of sheet: a `관리번호` box (NRF 지정공모; its rows need no period)
# and a terms row printing the whole period (no `관리번호` box); the count from the sheet's own
# `선정 과제 수` line, else the program's count of awards (`□ 지원규모 : 2개 과제 내외`)
NRF_BOX = ("관리번호\t2026-뇌공학-01-지정공모-10\tRFP\n사업명\t바이오·의료기술개발 - 인공지능바이오\n"
           "RFP명\tK-NeuroMind: 인지기능 브레인 파운데이션 모델 개발\n"
           "지원 정보\t지원기간\t2026.04 ~ 2030.12\t정 부 지 원 금\t{money}\n"
           "주관기관유형\t■ 제한없음 □ 기업\nㅇ 선정 과제 수 : 2개 과제 내외\n")


@pytest.mark.parametrize(("count_line", "expect"), [
    ("□ 지원규모 : 2개 과제 내외\n", 9_736_000_000),
    ("□ 지원규모 : 1개 과제\n", None)])
def test_a_sheet_without_its_own_count_takes_the_programs(tmp_path: Path, count_line: str,
                                                          expect: int | None) -> None:
    assert _program(tmp_path, SHEET + count_line).budget_krw == expect


def test_a_managed_sheets_money_row_even_letter_spaced(tmp_path: Path) -> None:
    program = _program(tmp_path, NRF_BOX.format(money="9,736백만원"))
    assert program.budget_krw == 9_736_000_000


def test_two_sheets_are_two_rfps_no_one_budget(tmp_path: Path) -> None:
    path = tmp_path / "rfp.txt"
    path.write_text(NRF_BOX.format(money="9,736백만원") + NRF_BOX.format(money="5,000백만원"), encoding="utf-8")
    assert [p.budget_krw for p in parse_document(read_document(path)).spec.programs] == [None]
