"""Imported once by the batch pool's forkserver (`gonggo.batch.PRELOAD`), never by a command:
runs the whole pipeline over one short announcement, so that every worker forked afterwards
starts with what a first file would otherwise pay for — the patterns compiled on first use
(`gonggo.vocab.text.compiled`), the lazily imported libraries (`holidays` and its Korean
calendar, ~0.8 s) and pydantic's first validations. A worker is replaced every
`MAX_TASKS_PER_CHILD` files; with this, a replacement costs a fork.

The forkserver's heap is then frozen (`gc.freeze`): the collector of each worker does not
walk the preloaded objects, and walking them would copy their shared pages.
"""

from __future__ import annotations

import gc
from datetime import date

# One short announcement touching the common families: header, overview, a funding table,
# eligibility, a window, documents, evaluation, contacts.
SAMPLE = """중소벤처기업부 공고 제2025-100호

2025년도 스마트공장 지원사업 공고

중소기업의 경쟁력 강화를 위하여 「2025년도 스마트공장 지원사업」을 다음과 같이 공고합니다.

2025년 3월 4일

중소벤처기업부 장관

1. 사업개요

□ 지원대상 : 제조업을 영위하는 중소기업

◦ (지원규모) 100개사 내외

◦ (지원조건) 총 사업비의 50% 이내 지원 (최대 1억원)

지원구분\t정부지원금 한도\t사업기간\t분담비율
기초\t1억원\t6개월\t50%
고도화\t2억원\t12개월\t50%

2. 신청자격 및 제외대상

□ 신청자격 : 중소기업기본법 제2조에 따른 중소기업

□ 지원제외 : 국세 또는 지방세 체납 기업, 휴·폐업 중인 기업

3. 신청기간 및 방법

□ 신청기간 : 2025. 3. 10.(월) ~ 2025. 3. 31.(월) 18:00까지

□ 신청방법 : 온라인 접수 (www.example.go.kr)

4. 제출서류

◦ 사업계획서 1부

◦ 사업자등록증 사본 1부

5. 평가 및 선정

□ 서면평가 및 발표평가 (100점 만점, 70점 이상 선정)

6. 문의처

기관명\t담당자\t연락처
스마트제조혁신추진단\t홍길동\t02-123-4567
"""


def warm() -> None:
    """The pipeline over SAMPLE once; a failure here is never an error (the first file then
    pays for its own warm-up)."""
    try:
        from gonggo.ingest import read_bytes
        from gonggo.pipeline import parse_document
        from gonggo.validate.calendar import day_off

        parse_document(read_bytes(SAMPLE.encode("utf-8"), "warm.txt")).spec.model_dump_json(
            indent=1)
        day_off(date(2025, 3, 31))  # the holidays library and its Korean calendar
    except Exception:  # noqa: BLE001, S110 - a warm-up only saves time
        pass


warm()
gc.freeze()
