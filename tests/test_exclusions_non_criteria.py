"""Issue 13: an item printed inside an exclusion list that is a schedule line, a points rule or
a contact line states no exclusion (`vocab.clause_kinds.not_a_criterion`); an exclusion that
merely mentions a date, points or a number keeps its place."""

from __future__ import annotations

import pytest

from gonggo.eval.variants_distractor import DISTRACTORS, _body
from gonggo.vocab.clause_kinds import not_a_criterion

INSIDE = [d for d in DISTRACTORS if d.kind.startswith("inside_exclusions")]


@pytest.mark.parametrize("d", INSIDE, ids=lambda d: f"{d.kind}:{d.line[:12]}")
def test_a_real_schedule_points_or_contact_line_is_no_criterion(d) -> None:  # type: ignore[no-untyped-def]
    assert not_a_criterion(_body(d.line)[1]) == d.kind.removeprefix("inside_exclusions_")


# documents restated with their copies, copied from mois_regional_disaster_rnd_2025 (its
# documents list; inside an exclusion list they exclude no one)
@pytest.mark.parametrize("text", ["중소/중견기업 증빙서류 1부", "[별첨3] 가·감점 신청서 및 관련 증빙서류 1부",
                                  "사업자등록증 1부"])
def test_a_document_with_its_copies_is_no_criterion(text: str) -> None:
    assert not_a_criterion(text) == "document"


@pytest.mark.parametrize("text", [
    "휴·폐업중인 기업",
    "허위 서류 1부 제출",
    "연차보고서, 단계보고서, 최종보고서 제출 불이행",
    "접수마감일 현재 국세 및 지방세 체납 중인 기업",
    "2025년 3월 이후 폐업한 기업",
    "최근 3년 이내 참여제한 처분 이력이 있는 경우 5점 감점 및 지원 제외",
    "선정평가 점수가 60점 미만인 과제",
    "사업신청일 기준 동일 과제로 타 기관(☎ 02-123-4567)의 지원을 받고 있는 경우",
])
def test_an_exclusion_that_mentions_a_date_points_or_a_phone_stays(text: str) -> None:
    assert not_a_criterion(text) is None
