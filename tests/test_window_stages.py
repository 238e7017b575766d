"""Window stages read from labels (gonggo.extractors.windows): approval rows, evaluation lines."""

from __future__ import annotations

import pytest

from gonggo.extractors.windows import EVALUATION_LABEL, _approval_cell, _period_cell, _stage


@pytest.mark.parametrize(("text", "expect"), [
    ("주관연구기관 검토·승인 기간", True),
    ("주관연구개발기관 검토·승인 기간**", True),
    ("주관연구기관 검토/승인 기간", True),
    ("연구책임자 신청 기간", False),
    ("주관연구기관 승인", False),  # no period named
])
def test_approval_cell(text: str, expect: bool) -> None:
    assert _approval_cell(text) is expect


def test_period_cell_ignores_notes_in_parentheses() -> None:
    assert _period_cell("연구책임자\n과제신청기간(전산입력)*")
    assert not _period_cell("사업 공고 기간")


def test_stage_of_label() -> None:
    assert _stage("주관연구기관 검토·승인 기간") == "institution_approval"
    assert _stage("접수 기간") == "application"


@pytest.mark.parametrize(("line", "label"), [
    (" ○ 대면평가(발표평가) : 2025. 2. 27.(목) ~ 28.(금) 예정", "대면평가(발표평가)"),
    ("⦁심사기간: 2026. 3. 3.(화) ~ 3. 10.(화)", "심사기간"),
    ("⦁심사일정: 2026. 3. 13.(금) 예정", "심사일정"),
    ("○ 평가방법 : 심사기준에 따라 절대평가하여 수상팀 공지", None),
    ("○ 평가결과 발표 : 3. 18.(수)", None),
    ("○ 결과발표 : 12.1.(금)", None),
])
def test_evaluation_label(line: str, label: str | None) -> None:
    m = EVALUATION_LABEL.match(line)
    assert (m["label"].strip() if m else None) == label
