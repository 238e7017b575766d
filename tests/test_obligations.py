"""Obligations the duty-note rules read outside an obligation heading (gonggo.extractors.clauses,
gonggo.vocab.duties, gonggo.reading.outline.led_rows): a duty stated as a condition with a
sanction, a lead-in whose items are a table's rows, a duty printed twice. Phrases from seed 000
(2026 대중소상생형) and the dev texts."""

from __future__ import annotations

import pytest

from gonggo.extractors.clauses import extract_obligations
from gonggo.ingest import read_bytes
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Clause


def _obligations(text: str) -> list[Clause]:
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    found = extract_obligations(scope)
    for c in found:
        assert c.evidence and all(doc.text[e.start:e.end] == e.quote for e in c.evidence), c
    return found


CONDITIONS = ("□ 지원조건\n\n"
              "지원유형\t지원조건\t정부지원금\n고도화\t- 중간1 수준\t0.18억원 (총사업비 30%)\n\n"
              "- * (기초) 생산정보 집계 자동화, (중간1) 생산정보 실시간 수집·분석\n"
              "- * 구축완료 후 수준을 확인, 구축수준 미달 시 정부지원금 환수가능\n"
              "- * 보안솔루션 구축 또는 연동 필수\n"
              "- * 사업기간은 연장신청을 통해 최대 3개월 연장가능\n\n")


def test_a_duty_written_as_a_condition_with_a_sanction_is_an_obligation() -> None:
    assert [c.text for c in _obligations(CONDITIONS)] == [
        "구축완료 후 수준을 확인, 구축수준 미달 시 정부지원금 환수가능"]


def test_a_sanction_on_applying_is_no_obligation() -> None:
    text = CONDITIONS.replace(
        "구축완료 후 수준을 확인, 구축수준 미달 시 정부지원금 환수가능",
        "제출 서류(필수, 선택)는 접수 기간 내 전산접수 등록 완료하는 것을 원칙으로 하며, 기간 내 "
        "전산접수 하지 않은 경우 평가 없이 사전지원제외 등 불이익 조치할 수 있음")
    assert _obligations(text) == []


def test_a_duty_printed_twice_is_one_obligation_with_both_spans() -> None:
    text = CONDITIONS + ("□ 지원절차\n\n* 구축완료 후 수준을 확인, 구축수준 미달 시 정부지원금 "
                         "환수가능(최종완료 후 수준측정)\n\n* 협약기간은 구축완료 후 집중AS기간(6개월) 포함하여 체결\n")
    [duty] = _obligations(text)
    assert duty.text == "구축완료 후 수준을 확인, 구축수준 미달 시 정부지원금 환수가능(최종완료 후 수준측정)"
    assert len(duty.evidence) == 2


TRAINING = ("□ 기타사항\n\n"
            "- 선정된 도입·공급기업은 아래의 ①사업관리교육 및 ②스마트공장 관련 교육 의무 수료\n\n"
            "구분\t세부내용\n"
            "①사업관리교육 (온라인)\t- 대상 : 도입기업(대표, 실무자), 공급기업(대표, 실무자) - 내용 : 사업지침, "
            "RCMS 사용법 등 * 협약 후 30일 이내 수료 완료 - 교육기관 : 추후 별도 안내\n"
            "②스마트공장 관련 교육\t- 대상 : 도입기업 - 내용 : ①CEO·임원 대상 리더십 과정과 ②재직자 대상 "
            "교육과정을 모두 의무 수료하고, 사업 완료보고서 제출 시 이수증 첨부 - 교육기관 : 중소벤처기업진흥공단 연수원 등\n\n"
            "- 본 사업 공급기업 선정의 책임은 참여(도입)기업에게 있음\n")


def test_a_duty_leading_in_to_a_table_takes_its_rows() -> None:
    found = _obligations(TRAINING)
    assert [c.text.split(" ")[0] for c in found] == ["선정된", "사업관리교육", "스마트공장"]
    assert "①CEO·임원 대상 리더십 과정과 ②재직자 대상 교육과정을 모두 의무 수료" in found[2].text
    assert "협약 후 30일 이내 수료 완료" in found[1].text  # a row is whole, its notes too
    assert [c.kind for c in found] == ["education"] * 3


def test_the_rows_need_a_duty_that_leads_in() -> None:
    # a lead-in that is no duty, and a duty that leads in to nothing: no rows
    no_duty = TRAINING.replace("선정된 도입·공급기업은 아래의 ①사업관리교육 및 ②스마트공장 관련 교육 의무 수료",
                               "교육 과정은 아래의 표와 같음")
    assert _obligations(no_duty) == []
    no_lead_in = TRAINING.replace("아래의 ①사업관리교육 및 ②스마트공장 관련 교육", "사업관리교육")
    assert [c.text for c in _obligations(no_lead_in)] == ["선정된 도입·공급기업은 사업관리교육 의무 수료"]


@pytest.mark.parametrize("lead", ["아래의", "다음의", "하기"])
def test_the_lead_in_in_its_other_wordings(lead: str) -> None:
    text = TRAINING.replace("아래의 ①사업관리교육", f"{lead} ①사업관리교육")
    assert [c.text.split(" ")[0] for c in _obligations(text)] == ["선정된", "사업관리교육", "스마트공장"]
