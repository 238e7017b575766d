"""Subprograms (contract v2): R&D 내역사업 rows with their count of 과제 and money. Rows copied
from dev announcements (축산현안대응 통합공고 공고규모 table, 고부가가치식품 2026 사업내용 table)."""

from __future__ import annotations

from gonggo.extractors.subprograms import extract_subprograms
from gonggo.ingest import read_bytes
from gonggo.reading.scope import Scope


def _scope(text: str) -> Scope:
    doc = read_bytes(text.encode("utf-8"), "t.md")
    return Scope(doc=doc, start=0, end=len(doc.text))


def _rows(scope: Scope) -> list[tuple[str, int | None, int | None]]:
    found = extract_subprograms(scope)
    for s in found:
        assert s.evidence and all(scope.doc.text[e.start:e.end] == e.quote for e in s.evidence)
    return [(s.name, s.calls, s.budget_krw) for s in found]


def test_count_and_money_columns_one_subprogram_per_type_when_a_row_lists_several():
    scope = _scope("""\
□ 공고규모 :2021년 신규과제 정부지원연구개발비 133억 원 이내

| 내역 사업 | 지원유형 | 과제 수 | '21년 정부지원연구개발비 |
|---|---|---|---|
| 가축 생산 효율성 증진 | 지정공모 | 6 | 2,245백만 원 |
| 가축 생산 효율성 증진 | 자유응모 | 3 | 1,165백만 원 |
| 소비자 맞춤형 축산물 생산 | 지정공모 | 9 | 3,310백만 원 |
| 합 계 | | 18 | 6,720백만 원 |
""")
    assert _rows(scope) == [("가축 생산 효율성 증진 (지정공모)", 6, 2245000000),
                            ("가축 생산 효율성 증진 (자유응모)", 3, 1165000000),
                            ("소비자 맞춤형 축산물 생산", 9, 3310000000)]


def test_count_inside_the_name_cell_and_money_unit_in_the_header():
    scope = _scope("""\
| 내역사업명 (총 과제수) | 주요 내용 | 정부출연금(백만 원) ’26년 | 총연구비 |
|---|---|---|---|
| 미래대응식품 (13개) | 미래식품 시장 선점을 위한 대체식품 | 3,700 | 17,433 |
| 커스텀푸드 스마트생산기술 (1개) | (지정 : 1개) 커스텀푸드 스마트생산기술 | 4,500 | 28,500 |
""")
    assert _rows(scope) == [("미래대응식품", 13, 3700000000), ("커스텀푸드 스마트생산기술", 1, 4500000000)]


def test_no_count_no_subprograms():
    # an RFP form names its 내역사업 but counts no 과제; a description table has no count either
    scope = _scope("""\
| 과제개요 | 사업명 | 고부가가치식품기술개발 | 내역사업 | 미래대응식품 |
|---|---|---|---|---|
| 과제유형 | 지정공모 | 연구기간 | 3년 9개월 | |

| 내역사업명 | 주요 내용 |
|---|---|
| 가축 생산 효율성 증진 | 축종별 사료(첨가제 등) |
""")
    assert _rows(scope) == []


def test_numbered_rows_of_projects_count_as_calls_without_a_budget():
    # 개인정보 보호·활용 기술 연구개발사업 2026: one row per 과제, no count column
    scope = _scope("""\
(단위 : 백만원)

| 내역 사업명 | 순번 | 과 제 명 | 총 수행기간 | ‘26년 정부지원 연구개발비 | 공모 방식 |
|---|---|---|---|---|---|
| 원본 데이터 안전활용 기술 | 1 | 비정형 합성데이터의 안전성 및 유용성 평가 기술 개발 | 3년 | 1,040 | 지정공모 |
| 원본 데이터 안전활용 기술 | 2 | PET기술을 활용한 비정형 시계열 합성데이터 생성 및 검증기술 개발 | 3년 | 1,040 | 지정공모 |
| AI 모델 프라이버시 리스크 대응기술 | 5 | Foundation Model 운용과정에서 민감정보 추론 방지 및 리스크 평가 기술 개발 | 3년 | 672 | 지정공모 |
""")
    assert _rows(scope) == [("원본 데이터 안전활용 기술", 2, None),
                            ("AI 모델 프라이버시 리스크 대응기술", 1, None)]
