"""Terms master announcements print in their tables (cells copied from dev announcements):
a period printed as a range is one period, read as its upper end (글로벌 연수지원 통합공고
`지원 기간` column; a list of periods stays a list); an R&D table's `정부지원 연구비 총액`
column is the whole period's money (축산현안대응 통합공고)."""

from __future__ import annotations

import pytest

from gonggo.extractors.tracks import classify_header
from gonggo.vocab.funding import find_months


@pytest.mark.parametrize(("text", "months"), [
    ("6개월\n~12개월", [12]),
    ("3개월\n~6개월", [6]),
    ("3개월 ~ 1년", [12]),
    ("2년9개월", [33]),
    ("6개월, 12개월", [6, 12]),
    ("2025년~2027년", []),
])
def test_ranges(text: str, months: list[int]) -> None:
    found = find_months(text)
    assert [m.months for m in found] == months
    if found:
        assert not any(m.extension for m in found)


def test_range_span_covers_both_ends() -> None:
    text = "지원 기간 6개월\n~12개월 자율 선택"
    (m,) = find_months(text)
    assert text[m.start:m.end] == "6개월\n~12개월"


def test_extension_is_not_joined() -> None:
    found = find_months("4개월 (연장 2개월)")
    assert [(m.months, m.extension) for m in found] == [(4, False), (2, True)]


@pytest.mark.parametrize(("label", "basis"), [
    ("정부지원 연구비 총액", "total"),
    ("정부지원\n연구비 총액", "total"),
    ("총 정부지원연구개발비", "total"),
    ("정부지원연구비", None),
])
def test_whole_period_money_columns(label: str, basis: str | None) -> None:
    column = classify_header(label)
    assert column.kind == "payer" and column.role == "government"
    assert column.basis == basis


def test_a_total_of_project_money_is_not_whole_period() -> None:
    assert classify_header("사업비 총액").basis is None
