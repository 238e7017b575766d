"""Dates and ranges: values, offsets, printed weekdays, impossible dates, year resolution."""

from __future__ import annotations

from datetime import date, datetime

from gonggo.vocab.dates import KST, find_dates, find_ranges

REF = date(2026, 4, 8)


def test_offsets_point_at_the_printed_text() -> None:
    text = "- (신청기간) 2026년 4월 8일(수) ~ 2026년 4월 24일(금) 18시까지 신청·접수"
    opens, closes = find_dates(text, REF)
    assert text[opens.start:opens.end] == "2026년 4월 8일(수)"
    assert text[closes.start:closes.end] == "2026년 4월 24일(금) 18시"
    assert opens.value == date(2026, 4, 8)
    assert closes.value == datetime(2026, 4, 24, 18, 0, tzinfo=KST)


def test_printed_weekday_is_kept_and_checked() -> None:
    ok, wrong = find_dates("2026. 4. 8.(수), 2026. 4. 9.(수)", REF)
    assert (ok.weekday, ok.weekday_ok) == ("수", True)
    assert (wrong.weekday, wrong.weekday_ok) == ("수", False)
    assert find_dates("2026. 4. 8.", REF)[0].weekday_ok is None


def test_impossible_date_is_flagged_not_dropped() -> None:
    [m] = find_dates("'26. 11. 31.까지 기술임치 필수", REF)
    assert not m.valid and m.value is None
    assert m.printed_iso == "2026-11-31"


def test_missing_year_from_reference_and_rolls_over() -> None:
    assert [m.value for m in find_dates("1.22~2.25", date(2021, 1, 22))] == [
        date(2021, 1, 22), date(2021, 2, 25)]
    # a December announcement listing January dates means next January
    assert [m.value for m in find_dates("1.5~1.20", date(2025, 12, 10))] == [
        date(2026, 1, 5), date(2026, 1, 20)]
    # the right end of a range takes the left end's year, and crosses the new year
    assert [m.value for m in find_dates("12.15~1.15", REF)] == [
        date(2026, 12, 15), date(2027, 1, 15)]
    left, right = find_dates("2023년 5월 31일(수) ~ 6월 22일(목) 까지", REF)
    assert right.value == date(2023, 6, 22) and right.year_inferred and not left.year_inferred


def test_without_reference_a_year_less_date_stays_unresolved() -> None:
    [m] = find_dates("4월 30일", None)
    assert m.value is None and m.valid


def test_range_shapes() -> None:
    shapes = [r.shape for r in find_ranges(
        "2021년 3월 2일(화)부터 예산 소진시까지 / '26. 11. 30.까지 / 2026.4.8 ~ 4.24 / 2026.4.8", REF)]
    assert shapes == ["open", "deadline", "range", "single"]


def test_numbers_that_are_not_dates() -> None:
    for text in ("0.18억원", "1.4천만원", "(1.3~1.5배수 내외)", "중소벤처기업부 공고 제2021-35호",
                 "KS X 9001-1", "02-724-1196", "총 734.3억원", "v1.2", "1.1 사업개요"):
        assert find_dates(text, REF) == [], text


def test_time_after_a_dotted_date_with_a_closing_dot() -> None:
    [r] = find_ranges("접수일시: 2025. 3. 9. 10:00 ~ 2025. 3. 11. 10:00", REF)
    assert r.opens.value == datetime(2025, 3, 9, 10, 0, tzinfo=KST)
    assert r.closes.value == datetime(2025, 3, 11, 10, 0, tzinfo=KST)
