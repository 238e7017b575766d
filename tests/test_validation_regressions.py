"""False findings met on the real documents (eval/reports/findings.md), each pinned by the rule
that removed it from its check."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from gonggo.schemas.announcement import Evidence, Window
from gonggo.validate import checks
from gonggo.validate.common import KST

from .test_validation import BASE, read


def _span(text: str, quote: str) -> Evidence:
    i = text.index(quote)
    return Evidence(start=i, end=i + len(quote), quote=quote)


def test_an_article_of_a_law_is_not_a_cap(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, BASE + "※ 「기초연구진흥법」 제14조의2에 따라 지원 최대 14억원\n")
    article = _span(doc.text, "14조")
    amount = _span(doc.text, "14억원")
    assert checks._article(doc, article) and not checks._article(doc, amount)


def test_a_period_printed_as_a_sum_is_not_compared(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, BASE + "※ 지원기간 ’25.4월 ~ ’26.12월(9개월+1년), 사업기간 2년\n")
    assert checks._part_of_sum(doc, _span(doc.text, "9개월"))
    assert not checks._part_of_sum(doc, _span(doc.text, "2년"))


def test_a_deadline_restated_alone_agrees_with_its_window() -> None:
    window = (date(2025, 1, 31), datetime(2025, 3, 4, 18, 0, tzinfo=KST))
    assert not checks._differ(window, (None, date(2025, 3, 4)))
    assert checks._differ(window, (None, date(2025, 3, 5)))
    assert checks._differ((70.0, "exact"), (70.0, "max"))  # shares compare whole


def test_a_research_period_is_not_an_application_window(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE + "※ 연차별 연구기간은 매년 1월 1일 시작\n")
    research = Window(closes=date(2026, 1, 1), evidence=[_span(doc.text, "1월 1일")])
    assert not checks._application_window(doc, research)
    assert all(checks._application_window(doc, w) for w in ann.programs[0].windows)


def test_a_task_group_heading_is_not_an_item() -> None:
    assert checks._GROUP_HEADING.match("자유응모과제(분야지정)")
    assert checks._GROUP_HEADING.match("제목지정과제(1개 과제)")
    assert not checks._GROUP_HEADING.match("국내 중소 제조기업")
    assert checks._TASK_GROUP.search("‘□ 지정공모과제(18개 과제)’")
