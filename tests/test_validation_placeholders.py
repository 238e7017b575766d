"""Placeholders left in an announcement (not a form's blanks)."""

from __future__ import annotations

from pathlib import Path

from gonggo.validate.placeholders import check_placeholders

from .test_validation import BASE, findings, variant


def test_a_blank_notice_number(tmp_path: Path) -> None:
    text = "중소벤처기업부 공고 제00호\n" + BASE
    [f] = findings(tmp_path, text, check_placeholders)
    assert f.code == "placeholder_left" and f.severity == "warning"
    assert "‘제00호’" in f.message and f.evidence[0].quote == "제00호"


def test_blank_counts_and_names_in_the_terms(tmp_path: Path) -> None:
    text = variant(BASE, "- 국내 중소 제조기업\n",
                   "- 국내 중소 제조기업\n- 지원규모 00개사 내외\n- ○○시 소재 기업 우대\n")
    found = findings(tmp_path, text, check_placeholders)
    assert sorted(f.evidence[0].quote for f in found) == ["00개사", "○○"]


def test_real_numbers_and_a_forms_blanks_are_not_placeholders(tmp_path: Path) -> None:
    form = "【서식 1】 사업계획서\n- 고용인원 00명, 지원규모 00개사\n- 기업명 ○○○ (인)\n"
    text = "중소벤처기업부 공고 제2026-35호\n" + BASE + form
    assert findings(tmp_path, text, check_placeholders) == []
    zero = variant(BASE, "- 국내 중소 제조기업\n", "- 국내 중소 제조기업\n- 의무채용 0명\n")
    assert findings(tmp_path, zero, check_placeholders) == []
