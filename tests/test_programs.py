"""Program splitting: master announcements whose programs are rows of an overview table.

Rows and names are copied from dev announcements (보건의료 R&D 통합공고, 글로벌 연수지원
통합공고, 축산현안대응 통합공고); the negatives are single-program layouts that also print a
`사업명` cell (an RFP form's key-value table, a contact table).
"""

from __future__ import annotations

from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_bytes
from gonggo.reading.programs import abbreviates, rows_disagree, split_programs
from gonggo.vocab.text import strip_marker

OVERVIEW = """\
# 2026년도 제1차 보건의료기술 연구개발사업 신규지원 대상과제 통합공고

보건복지부공고 제2025-961호

## Ⅰ. 통합공고 개요

| RFP 번호 | 세부 사업명 | 공고단위 (RFP명) | 지원규모 | 지원기간 | 선정예정 과제수 |
|---|---|---|---|---|---|
| 1-1 | AI기반 수술로봇 이노베이션랩 구축 및 활용사업(R&D) | AI기반 수술로봇 이노베이션랩 구축 및 활용 | 2,133백만원 이내/년 | 5년(3+2) 이내 | 2 |
| 7-1 | 글로벌 의사과학자 양성 사업 | 의사과학자 박사 후 연구성장지원(신진) | 200백만원 이내/년 | 3년 이내 | 40 |
| 7-2 |  | 의사과학자 박사 후 연구성장지원(심화) | 300백만원 이내/년 | 5년(3+2) 이내 | 20 |
| 합계 | 합계 |  |  |  | 62 |

□ 지원제외대상

◦ 신청마감일 현재 국가연구개발사업 참여제한 중인 자
"""


def _doc(text: str, name: str = "t.md"):
    return read_bytes(text.encode("utf-8"), name)


def test_overview_table_gives_one_scope_per_named_row_group():
    doc = _doc(OVERVIEW)
    scopes = split_programs(doc, None)
    assert [s.name for s in scopes] == ["AI기반 수술로봇 이노베이션랩 구축 및 활용사업(R&D)",
                                        "글로벌 의사과학자 양성 사업"]
    for s in scopes:
        assert s.name_span is not None
        assert doc.text[s.name_span[0]:s.name_span[1]] == s.name
    # each program reads the header rows and its own rows only; an empty name cell continues
    # the program above it, a 합계 row belongs to nobody
    first, second = ([row[1] for row in b.table.rows_text()[1:]]
                     for s in scopes for b in s.blocks if b.table is not None)
    assert first == ["AI기반 수술로봇 이노베이션랩 구축 및 활용"]
    assert second == ["의사과학자 박사 후 연구성장지원(신진)", "의사과학자 박사 후 연구성장지원(심화)"]
    # the overview table is nobody's shared text; the exclusions section is everybody's
    table = next(b for b in doc.blocks if b.table is not None)
    for s in scopes:
        assert all(hi <= table.start or lo >= table.end for lo, hi in s.shared)
        assert any("참여제한" in doc.text[lo:hi] for lo, hi in s.shared)


def test_shared_sections_reach_every_program():
    spec = extract(_doc(OVERVIEW))
    assert len(spec.programs) == 2
    for program in spec.programs:
        assert program.evidence_of["name"][0].quote == program.name
        assert any("참여제한" in c.text for c in program.exclusions)


def test_sections_and_tables_naming_one_program_are_its_own():
    text = """\
# 2026년 개인정보 보호·활용 기술 연구개발사업 신규과제 공고

## 1. 지원내용

- (세부사업명) 개인정보 안전활용 선도기술 개발
  - 원본 데이터 안전활용 기술 4개 과제
- (세부사업명) 글로벌 개인정보보호 표준개발
  - 개인정보보호 국제표준 선점 2개 과제

## 2. 평가

| 세부사업명 | 평가항목 | 주요세부항목 |
|---|---|---|
| 글로벌 개인정보보호 표준개발 | 표준화 역량 | 국제표준 기고 실적 |

## 3. 제출서류

| 세부사업명 | 과제제안요구서(RFP) | 공고내용, 연구개발비 |
|---|---|---|
| 개인정보 안전활용 선도기술 개발 | 붙임1 | 붙임2 |
| 글로벌 개인정보보호 표준개발 | 붙임3 | 붙임4 |
"""
    doc = _doc(text)
    scopes = split_programs(doc, None)
    assert [s.name for s in scopes] == ["개인정보 안전활용 선도기술 개발", "글로벌 개인정보보호 표준개발"]
    first, second = ("\n".join(doc.text[b.start:b.end] for b in s.blocks) for s in scopes)
    assert "원본 데이터" in first and "국제표준 선점" not in first
    assert "국제표준 선점" in second and "원본 데이터" not in second
    assert "표준화 역량" in second and "표준화 역량" not in first
    # what families read as text: each of the program's own stretches, nothing between them
    spans = ["".join(doc.text[lo:hi] for lo, hi in s.parts) for s in scopes]
    assert "붙임1" in spans[0] and "붙임3" not in spans[0] and "원본 데이터" in spans[0]
    assert "붙임3" in spans[1] and "붙임1" not in spans[1] and "표준화 역량" in spans[1]


def test_single_program_layouts_with_a_name_cell_stay_one_program():
    # an RFP form: 사업명 is a label with its value beside it, not a column of programs
    form = """\
# 2019년도 가축질병대응기술개발사업 신규과제 공고

| 과제개요 | 사업명 | 가축질병대응기술개발사업 | 내역사업 | 추후배정 |
|---|---|---|---|---|
| 과제유형 | 지정공모 | 연구기간 | 2년 | |
| 기술분류 | 검역방역 | 연구개발비 | 300백만원 | |
"""
    assert len(split_programs(_doc(form), None)) == 1
    # a contact table names several lines but no program facts
    contacts = """\
# 2018년도 가축질병대응기술개발사업 공고

| 사업명 | 담당부서 | 연락처 |
|---|---|---|
| 가축질병대응기술개발사업 | 농림식품기술기획평가원 | 031-420-6700 |
| 공고(신청자격, 관련규정 등) 관련 | 농림축산식품부 | 044-201-2345 |
"""
    assert len(split_programs(_doc(contacts), None)) == 1
    # one program in the overview table is a one-program file
    one = OVERVIEW.replace("| 7-1 | 글로벌 의사과학자 양성 사업 |", "| 7-1 | |")
    assert len(split_programs(_doc(one), None)) == 1


JOINT = """\
# 2021년도 농식품부･농진청 공동 「2025 축산현안대응 고도화 및 산업화기술개발사업」시행계획 통합 공고

## 2 공고 개요

| 사업명 | 내역 사업 | 지원유형 | 과제 수 | '21년 정부지원연구개발비 |
|---|---|---|---|---|
| (농식품부) 축산현안대응 산업화기술개발 | 가축 생산 효율성 증진 | 지정공모 | 6 | 2,245백만 원 |
| (농진청) 축산현안대응 고도화 기술개발 | 가축 생산 효율성 증진 | 지정공모 | 6 | 2,500백만 원 |
| 합 계 | | | 34과제 | 13,361백만 원 |

## 3 지원 대상

□ 농림축산식품부 소관 사업 :총 19개 과제(지정공모 15,자유응모 4)

1.곤충단백질 등 수입 동물성 고단백질 사료 대체원료 국산화 기술개발

□ 농촌진흥청 소관 사업 :총 15개 과제(내외부 14,외부 1)

국내산 조사료 품질 규격화 기술 개발
"""


def test_ministry_sections_belong_to_the_ministry_programs():
    doc = _doc(JOINT)
    scopes = split_programs(doc, None)
    assert [s.name for s in scopes] == ["(농식품부) 축산현안대응 산업화기술개발",
                                        "(농진청) 축산현안대응 고도화 기술개발"]
    first, second = ("\n".join(doc.text[b.start:b.end] for b in s.blocks) for s in scopes)
    assert "곤충단백질" in first and "조사료" not in first
    assert "조사료" in second and "곤충단백질" not in second


def test_abbreviations():
    assert abbreviates("농식품부", "농림축산식품부")
    assert abbreviates("농진청", "농촌진흥청")
    assert abbreviates("과기정통부", "과학기술정보통신부")
    assert not abbreviates("농진청", "농림축산식품부")
    assert not abbreviates("산업부", "농림축산식품부")


TRAINING = """\
# 2025년도 ｢글로벌 연수지원사업｣ 추진일정 공고

과학기술정보통신부 공고 제2025-0069호

| 정부 부처 | 사업 유형 | 사업명 | 지원대상 | 지원 기간 | 파견국가 |
|---|---|---|---|---|---|
| 과학기술정보통신부 | 복합 | (국가간협력기반조성) 인력교류 | 박사후연구원 | 6개월 | 미국 |
| | | | 박사후연구원 | 3개월 | 스위스 |
| 교육부 | 연구 | 박사후국외연수 | 박사후연구원 | 12개월 | 자율 선택 |
| | | | 박사후연구원 | 12개월 | 자율 선택 |
"""


def test_overview_rows_read_from_the_name_column_on():
    doc = _doc(TRAINING)
    scopes = split_programs(doc, None)
    assert [s.name for s in scopes] == ["(국가간협력기반조성) 인력교류", "박사후국외연수"]
    assert [s.overview_rows for s in scopes] == [2, 2]
    for s in scopes:
        (table,) = [b.table for b in s.blocks if b.table is not None]
        assert table.rows_text()[0][0] == "사업명"  # 부처 and 사업유형 classify programs


def test_one_rows_period_is_not_a_program_of_rows_that_differ():
    doc = _doc(TRAINING)
    exchange, postdoc = split_programs(doc, None)
    six = doc.text.index("6개월")
    assert rows_disagree(exchange, six, six + 3)  # 6개월 (미국), 3개월 (스위스)
    twelve = doc.text.index("12개월")
    assert not rows_disagree(postdoc, twelve, twelve + 4)  # 12개월 in both rows
    assert not rows_disagree(postdoc, six, six + 3)  # not its own rows


def test_a_note_excepting_rfp_numbers_from_the_common_deadline():
    text = OVERVIEW.replace("□ 지원제외대상", """\
□ 공고 및 접수처

| 구분 | 접수마감 | 기관승인 마감 |
|---|---|---|
| 2026년도 제1차 보건의료기술 연구개발사업 신규지원 대상과제 통합공고 | 2026.1.30.(금) 14:00 | 2026.1.30.(금) 14:00 |

***RFP2-1,6-1,7-1,7-2,15-1의 경우 공고 마감 일자가 상이하오니 공고안내서 확인요망

□ 지원제외대상""")
    scopes = split_programs(_doc(text), None)
    # 7-1 and 7-2 are all of 글로벌 의사과학자 양성 사업's rows; 1-1 is not excepted
    assert [s.not_shared for s in scopes] == [(), ("windows",)]
    spec = extract(_doc(text))
    first, second = spec.programs
    assert first.windows and not second.windows
    assert second.exclusions  # the other shared facts still reach it


def test_each_program_gets_its_own_desk_and_the_common_one():
    text = """\
# 2026년 개인정보 보호·활용 기술 연구개발사업 신규과제 공고

2026년 개인정보 보호·활용 기술 연구개발사업 신규과제를 다음과 같이 공고합니다.

□ 연구개발계획서 등 전산등록 관련 문의

○ 범부처통합연구지원시스템(IRIS) 콜센터 (☎ 1877-2041)

□ 상세내용 관련 문의

| 세부사업명 | 공고과제 내용 문의 | 공고내용, 연구개발비 산정 및 관련규정 문의 |
|---|---|---|
| 개인정보 안전활용 선도기술 개발 | 061-820-2932 | 061-820-2936 |
| 글로벌 개인정보보호 표준개발 | 061-820-2935 | 061-820-2936 |
"""
    spec = extract(_doc(text))
    phones = [sorted(p for c in program.contacts for p in c.phones) for program in spec.programs]
    assert phones == [["061-820-2932", "061-820-2936", "1877-2041"],
                      ["061-820-2935", "061-820-2936", "1877-2041"]]



# mss_startup_univ_regional_2026's chapters, their boxes printed as a bare digit before the title
# (`1 사업개요`, `3 신청자격 및 요건`), with its size line worded as other calls word it (`□ 지원대상 및
# 규모 :`, variants_budget.awards_label_target_and_size): two facet chapters, not two programs
NUMBERED_FACET_CHAPTERS = """\
# 2026년 창업중심대학 지역기반 창업기업 모집 공고

## 1 사업개요

□ 사업목적 : 우수한 기술과 비즈니스모델을 보유한 (예비)창업기업대상 사업화와 성장 지원

□ 지원대상 : 예비창업자부터 업력 7년 이내 창업기업

□ 지원대상 및 규모 : 총 535개사(명)내외 (대학별 48개사(명)내외)

□ 지원내용 : 사업화 자금 (평균 5천만원,최대 1억원)및창업중심대학별 창업지원 프로그램 등

## 3 신청자격 및 요건

□ 신청자격

◦ 예비창업자 :공고일 기준(’26.3.3.포함)신청자 명의의 사업자 등록 및 법인 설립 등기를 하지 않은 자

□ 지원대상 및 규모 : 총 535개사 (창업중심대학별 48개사 내외)

□ 신청 제외 대상

◦ 국가연구개발사업에 참여 제한 중인 자

## 4 접수방법

□ 접수 기간 : ’26.3.3.(화)~3.23.(월),16:00까지
"""


def test_numbered_facet_chapters_are_no_programs():
    doc = _doc(NUMBERED_FACET_CHAPTERS)
    assert {strip_marker(s.title) for s in doc.sections} >= {"1 사업개요", "3 신청자격 및 요건"}
    assert len(split_programs(doc, None)) == 1
    # the same chapters named by programs stay two programs
    named = NUMBERED_FACET_CHAPTERS.replace("1 사업개요", "1 창업기업 사업화").replace(
        "3 신청자격 및 요건", "3 창업기업 후속지원")
    assert len(split_programs(_doc(named), None)) == 2
