"""A period printed as a range is one period, read as its upper end (cells copied from the
글로벌 연수지원 통합공고 `지원 기간` column); a list of periods stays a list."""

from __future__ import annotations

import pytest

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
