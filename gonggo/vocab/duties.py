"""Duties after selection: the words that make a line an obligation of the selected applicant
(`extractors.clauses` reads obligations with them wherever a line stands).

    is_duty(text)             a duty word (`하여야`, `의무`, `필수` …) about the time after selection
                              (`선정된`, `협약 후`, `구축 후`, `로그`, `기술임치`, `보유` …), not about
                              applying or budgeting: `정부지원으로 구축된 스마트공장 시스템은 5년간
                              보유해야 하며 …`
    is_sanctioned_duty(text)  a duty stated as a condition with a sanction: a failure (`미달 시`,
                              `미준수시`, `… 제출하지 않은 경우`) and what befalls a selected applicant
                              for it (`정부지원금 환수`, `선정이 취소`, `참여제한`): `구축완료 후 수준을
                              확인, 구축수준 미달 시 정부지원금 환수가능`
    corpus_value(text)        `duty`, `sanction` or null (corpus/duties.jsonl)
"""

from __future__ import annotations

import regex

from gonggo.vocab.text import MIDDLE_DOTS

DUTY = regex.compile(r"하여야|해야|의무|필수|반드시|준수|제출\s*필요")
AFTER_SELECTION = regex.compile(
    r"선정(?:된|기업|\s*시|\s*후|\s*이후|\s*통보)|수혜\s*기업|협약\s*(?:체결\s*)?(?:후|이후)(?!에도)"
    r"|구축\s*(?:완료\s*)?(?:후|이후)|과제\s*완료|사업\s*(?:종료|완료)\s*(?:후|시)|완료\s*보고"
    r"|로그|임치|보유해야|보존|사후\s*관리|이수|수료|교육")
NOT_A_DUTY = regex.compile(
    rf"신청하여야|신청\s*(?:시|전)|접수\s*(?:시|전)|신청\s*[{MIDDLE_DOTS}]\s*접수\s*시|사업비|편성|계상")


def is_duty(text: str) -> bool:
    return bool(DUTY.search(text) and AFTER_SELECTION.search(text) and not NOT_A_DUTY.search(text))


# A duty stated as a condition with a sanction: a failure to do or reach something (`구축수준 미달
# 시`, `미준수시`, `창업 유지 의무 미이행시`, `… 확약서를 제출하지 않은 경우`) and after it what befalls
# a SELECTED applicant (`정부지원금 환수`, `선정이 취소`, `협약 해약`, `지원 중단`, `참여제한`, `제재`).
FAILURE = regex.compile(r"""
    (?:미\s*(?:달|이행|준수|수료|이수|제출|참여|보유|달성|유지)|불\s*이행|위반)
        \s*(?:시(?![가-힣])|(?:할|한|하는|의)\s*(?:경우|때))
  | (?:하지|되지)\s*(?:않|못)(?:은|는|을|할)\s*(?:경우|때|시(?![가-힣]))""", regex.X)
SANCTION = regex.compile(r"""
    환\s*수 | (?:선정|협약|지원)\s*(?:이|을|의|및\s*협약)?\s*(?:취소|해약|해지|중단)
  | 참여\s*제한 | 제\s*재""", regex.X)
# Not a duty of the selected: a rule of applying (`… 부합하지 않는 경우 접수 취소`, `기간 내 전산접수
# 하지 않은 경우 … 불이익`, `본 과제에 신청할 수 없으며, 위반 시 선정 취소`, `신청자가 … 일치하지 않을
# 경우 … 협약 취소`) or of spending (`인건비 현금을 미달 사용할 경우 … 환수`); `신청기업의 소재지` is
# no rule of applying.
NOT_AFTER_SELECTION = regex.compile(r"""
    신청\s*(?:시|전|할|하|자|서|도|은|을|기간|마감) | 접수 | 제출\s*서류 | 계획서 | 평가\s*대상
  | 인건비 | 사업비 | 연구비 | 집행 | 사용\s*(?:할|한|하는)""", regex.X)


def is_sanctioned_duty(text: str) -> bool:
    """A duty stated as a failure and the sanction on it (see FAILURE, SANCTION)."""
    failure = FAILURE.search(text)
    return bool(failure and SANCTION.search(text, failure.end())
                and not NOT_AFTER_SELECTION.search(text))


def corpus_value(text: str) -> str | None:
    if is_duty(text):
        return "duty"
    return "sanction" if is_sanctioned_duty(text) else None
