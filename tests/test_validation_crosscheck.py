"""The overview against the body: deadline, count, and year ranges of one rule."""

from __future__ import annotations

from pathlib import Path

from gonggo.validate.crosscheck import check_summary, check_year_ranges

from .test_validation import BASE, findings, variant


def _overview(line: str) -> str:
    return variant(BASE, "□ 지원내용\n", f"□ 공고개요\n- {line}\n□ 지원내용\n")


def test_the_overview_prints_another_deadline(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _overview("신청기간 : 2026. 4. 8.(수) ~ 4. 17.(금)"), check_summary)
    assert f.code == "summary_disagrees_with_body" and f.severity == "warning"
    assert "‘4. 17.(금)’" in f.message and "‘2026. 4. 24.(금) 18시’" in f.message
    assert [e.quote for e in f.evidence] == ["4. 17.(금)", "2026. 4. 24.(금) 18시"]


def test_the_overview_prints_the_same_deadline(tmp_path: Path) -> None:
    assert findings(tmp_path, _overview("신청기간 : 2026. 4. 8.(수) ~ 4. 24.(금)"),
                    check_summary) == []


def _counts(overview: int, body: int) -> str:
    text = _overview(f"선정규모 : 총 {overview}개사")
    return variant(text, "□ 제출서류\n", f"□ 선정규모 : {body}개사\n□ 제출서류\n")


def test_the_overview_prints_another_count(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _counts(50, 40), check_summary)
    assert "50개사" in f.message and "40개사" in f.message and "선정규모" in f.message
    assert findings(tmp_path, _counts(50, 50), check_summary) == []


def _ranges(a: str, b: str) -> str:
    lines = (f"- ’{a}년 스마트공장 구축 지원사업 참여 기업 제외\n"
             f"- ’{b}년 스마트공장 구축 지원사업 참여 기업은 별도 신청\n")
    return variant(BASE, "- 휴·폐업 중인 기업\n", "- 휴·폐업 중인 기업\n" + lines)


def test_one_rule_printed_with_two_year_ranges(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _ranges("14~’20", "13~’20"), check_year_ranges)
    assert f.code == "summary_disagrees_with_body"
    assert "’14~’20년" in f.message and "’13~’20년" in f.message
    assert [e.quote for e in f.evidence] == ["’14~’20년", "’13~’20년"]


def test_one_rule_printed_with_one_year_range(tmp_path: Path) -> None:
    assert findings(tmp_path, _ranges("14~’20", "14~’20"), check_year_ranges) == []
