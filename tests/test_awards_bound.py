"""`이내` bounds a count from above (contract v2 `bound: max`); it is not an approximation."""

from __future__ import annotations

from gonggo.extractors.awards import count_after_label, find_counts
from gonggo.reading.appendix import TOC_ENTRY


def test_inai_is_an_upper_bound() -> None:
    c = count_after_label("시제품제작 3건 이내")
    assert c is not None and c.bound == "max" and not c.approx


def test_naeoe_is_approximate() -> None:
    c = count_after_label("◦ (지원규모) 90개사 내외")
    assert c is not None and c.approx and c.bound is None


def test_count_after_a_comma_is_a_count() -> None:
    assert [c.count for c in find_counts("43.0억 원 이내,15개 과제")] == [15]
    assert [c.count for c in find_counts("총 1,500개")] == [1500]


def test_table_of_contents_entry() -> None:
    assert TOC_ENTRY.search("[첨부 2] 연구개발비 편성시 유의사항 53")
    assert not TOC_ENTRY.search("[붙임 1] 연구개발계획서 서식")
