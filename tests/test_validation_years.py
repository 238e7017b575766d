"""Title year against the body's 사업명 year; evidence periods far older than the call."""

from __future__ import annotations

from pathlib import Path

from gonggo.validate.years import check_stale_periods, check_title_year

from .test_validation import BASE, findings, variant


def _with(lines: str) -> str:
    return variant(BASE, "□ 지원내용\n", lines + "□ 지원내용\n")


def test_the_body_names_the_program_with_another_year(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _with("□ 사업명 : 2025년도 스마트공장 구축지원 사업\n"),
                   check_title_year)
    assert f.code == "year_mismatch" and f.severity == "warning"
    assert "‘2026년도’" in f.message and "2025년도 스마트공장 구축지원 사업" in f.message
    assert f.evidence[0].quote == "2026년도"


def test_the_body_names_the_program_with_the_title_year(tmp_path: Path) -> None:
    assert findings(tmp_path, _with("□ 사업명 : 2026년도 스마트공장 구축지원 사업\n"),
                    check_title_year) == []
    # another program of another year is not this one
    assert findings(tmp_path, _with("※ 「2025년 로봇활용 제조혁신 사업」 참여기업은 제외\n"),
                    check_title_year) == []


def _eligibility(line: str) -> str:
    return variant(BASE, "- 국내 중소 제조기업\n", f"- 국내 중소 제조기업\n- {line}\n")


def test_financial_figures_from_five_years_before_the_call(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _eligibility("매출액 100억원 미만 (2021년 기준)"), check_stale_periods)
    assert f.code == "stale_period" and f.severity == "info"
    assert "2026년 공고" in f.message and "‘2021년 기준’" in f.message and "5년" in f.message
    assert [e.quote for e in f.evidence] == ["2021년 기준", "2026년 4월 8일"]


def test_financial_figures_of_last_year(tmp_path: Path) -> None:
    assert findings(tmp_path, _eligibility("매출액 100억원 미만 (2025년 기준)"),
                    check_stale_periods) == []
