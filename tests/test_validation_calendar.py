"""Deadlines on weekends and Korean public holidays; schedules out of order (issue 15)."""

from __future__ import annotations

from pathlib import Path

from gonggo.validate.calendar import check_deadline_on_holiday, check_schedule, day_off

from .test_validation import BASE, findings, variant

CLOSE = "2026. 4. 24.(금) 18시까지"


def test_korean_public_holidays_come_from_the_holidays_package() -> None:
    from datetime import date

    assert day_off(date(2026, 5, 5)) == "어린이날"
    assert day_off(date(2026, 4, 25)) == "토요일"
    assert day_off(date(2026, 4, 24)) is None


def test_a_deadline_on_a_public_holiday(tmp_path: Path) -> None:
    text = variant(BASE, CLOSE, "2026. 5. 5.(화) 18시까지")
    [f] = findings(tmp_path, text, check_deadline_on_holiday)
    assert f.code == "deadline_on_holiday" and f.severity == "warning"
    assert "어린이날" in f.message and "‘2026. 5. 5.(화) 18시’" in f.message
    assert [e.quote for e in f.evidence] == ["- (신청기간)", "2026. 5. 5.(화) 18시"]


def test_a_deadline_on_a_saturday(tmp_path: Path) -> None:
    text = variant(BASE, CLOSE, "2026. 4. 25.(토) 18시까지")
    [f] = findings(tmp_path, text, check_deadline_on_holiday)
    assert "토요일" in f.message


def test_working_day_deadlines_and_project_periods_are_not_reported(tmp_path: Path) -> None:
    assert findings(tmp_path, BASE, check_deadline_on_holiday) == []
    period = "- 국내 중소 제조기업\n- (사업기간) 협약일 ~ 2026. 11. 15.(일)까지\n"
    text = variant(BASE, "- 국내 중소 제조기업\n", period)
    assert findings(tmp_path, text, check_deadline_on_holiday) == []


SCHEDULE = """□ 추진일정
- 신청·접수 : 2026. 4. 8. ~ 4. 24.
- 현장점검 : 2026. 5. 4. ~ 5. 15.
- 최종선정 : {selection}
"""


def _with_schedule(selection: str) -> str:
    return variant(BASE, "2. 신청자격 및 방법\n",
                   SCHEDULE.format(selection=selection) + "2. 신청자격 및 방법\n")


def test_a_step_dated_inside_the_period_before_it(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _with_schedule("2026. 5. 8."), check_schedule)
    assert f.code == "schedule_out_of_order" and f.severity == "warning"
    assert "‘2026. 5. 8.’" in f.message and "‘2026. 5. 4. ~ 5. 15.’" in f.message
    assert [e.quote for e in f.evidence] == ["2026. 5. 4. ~ 5. 15.", "2026. 5. 8."]


def test_a_step_printed_in_another_year(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _with_schedule("2025. 5. 20."), check_schedule)
    assert f.code == "year_mismatch" and "2025년" in f.message and "‘2025. 5. 20.’" in f.message


def test_a_schedule_in_order(tmp_path: Path) -> None:
    assert findings(tmp_path, _with_schedule("2026. 5. 20."), check_schedule) == []


def test_a_wrong_printed_weekday_is_left_to_weekday_mismatch(tmp_path: Path) -> None:
    text = variant(BASE, CLOSE, "2026. 4. 25.(금) 18시까지")  # 4. 25. is a Saturday
    assert findings(tmp_path, text, check_deadline_on_holiday) == []
