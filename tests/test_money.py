"""Money amounts: offsets, bounds, ranges and units (values per phrase are in the corpus)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gonggo.vocab.money import find_amounts, unit_multiplier


def test_offsets_cover_the_amount_and_its_bound() -> None:
    text = "◦ (긴급복구형) 정부지원금 최대 5백만원, 총 사업비의 50% 이내 지원"
    [a] = find_amounts(text)
    assert (a.krw, a.bound) == (5_000_000, "max")
    assert text[a.start : a.end] == "최대 5백만원"
    assert text[a.value_start : a.value_end] == "5백만원"


def test_bound_words_after_the_amount() -> None:
    text = "총 사업비의 50%이내, 한도 15억 이내에서 지원가능"
    [a] = find_amounts(text)
    assert (a.krw, a.bound, text[a.start : a.end]) == (1_500_000_000, "max", "한도 15억 이내")
    assert [a.bound for a in find_amounts("기초수준(2,000만원 내외)")] == ["approx"]
    assert [a.bound for a in find_amounts("5천만원 이상")] == ["min"]


def test_ranges_give_a_low_and_a_high_end() -> None:
    text = "해외시장 진출자금 최소 25백만원에서 최대 40백만원 내 차등지원"
    assert [(a.krw, a.bound) for a in find_amounts(text)] == [(25_000_000, "min"), (40_000_000, "max")]
    low, high = find_amounts("1~2억원")
    assert (low.krw, low.bound, low.start, low.end) == (100_000_000, "min", 0, 1)
    assert (high.krw, high.bound) == (200_000_000, "max")
    assert [(a.krw, a.bound) for a in find_amounts("0.5억원 ~ 1억원")] == [
        (50_000_000, "min"), (100_000_000, "max")]


def test_compound_amounts_descend_in_units() -> None:
    assert [a.krw for a in find_amounts("1억 5천만원")] == [150_000_000]
    # a table row `3억\t3억` is two amounts, not one
    assert [a.krw for a in find_amounts("3억\t3억")] == [300_000_000, 300_000_000]


def test_unit_of_a_table() -> None:
    assert unit_multiplier("(단위 : 백만원)") == 1_000_000
    assert unit_multiplier("단위: 천원") == 1_000
    assert unit_multiplier("지원금액") is None
    assert find_amounts("(단위 : 백만원)") == []


@given(st.integers(min_value=1, max_value=10**12))
def test_won_with_commas_round_trips(n: int) -> None:
    [a] = find_amounts(f"{n:,}원")
    assert a.krw == n


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_eok_man_compounds(eok: int, man: int) -> None:
    assert [a.krw for a in find_amounts(f"최대 {eok}억 {man}만원")] == [eok * 10**8 + man * 10**4]


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["개사", "명", "개월", "%", "차", "년"]))
def test_counts_are_not_money(n: int, unit: str) -> None:
    assert find_amounts(f"{n}{unit}") == []
