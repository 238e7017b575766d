"""A master announcement's overview table with one row per program (글로벌 연수지원 통합공고,
cells copied from the dev announcement): a per-person support column in a unit its header
names (`1인당 지원금액 (백만원)`) gives each row's cap; the `▪(제한사항) ①…, ②…` lines of a row's
지원자격 cell are that program's exclusions; an amount in a foreign currency is no cap; a date
range in the `공고(예정) 시기` column is the program's call period (a month or one date is none)."""

from __future__ import annotations

from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_bytes
from gonggo.reading.outline import cell_label_units
from gonggo.reading.programs import split_programs

MASTER = """\
# 2025년도 글로벌 연수지원사업 추진일정 공고

과학기술정보통신부 공고 제2025-0069호

| 사업명 | 지원자격 | 1인당 지원금액 (백만원) | 지원 기간 | 공고(예정) 시기 |
|---|---|---|---|---|
| ICT학점연계 프로젝트인턴십 | ▪(국적) 대한민국 국적 소지자<br>▪(제한사항) ①접수 마감일 현재 국가연구개발사업에 참여 제한 중인 자,<br>②타국적자 및 외국소재 대학(교) 학생,<br>③인턴십 비자 발급에 결격 사유가 있는 대학(교) 학생 | 15 내외 | 6개월 | 2025년 12월 |
| 원자력 글로벌 포닥 펠로우십 | ▪(학력) 박사학위 취득 이후 7년 이내의 박사후연구원<br>▪(제한사항) 정규직 연구원 등 포닥 펠로우십 시작일 기준 국내 소속기관이 있는 자<br>▸(기타유의사항) 국내 복귀 후 활용계획을 포함하여 평가 | 65 이내 | 12개월 | 2025.02.01.<br>~2025.03.31 |
| (우수연구자 교류지원) 해외연구인력교류 | ▪(연구단 구성) 3개월(90일) 이상 해외 파견이 가능한 연구자 10명 이상 구성 필수 | 1,400 이내<br>(1개 연구단당) | 32개월 | 2025.01.24. |
| Global Korea Scholarship (국비유학생선발파견) | ▪(제한사항) 선발전형에 응시하고자 하는 학위과정(석사 또는 박사)에 유학 중인 사람<br>※ 각 전형별로 세부 응시자격이 상이 | 4만달러 이내 | 36개월 이내 | 2025년<br>4~5월 |
"""


def _spec():
    return extract(read_bytes(MASTER.encode("utf-8"), "t.md"))


def test_per_person_support_in_the_headers_unit_is_each_programs_cap():
    programs = {p.name: p for p in _spec().programs}
    caps = {name: [f.cap_krw for t in p.tracks for f in t.funding] for name, p in programs.items()}
    assert caps["ICT학점연계 프로젝트인턴십"] == [15_000_000]
    assert caps["원자력 글로벌 포닥 펠로우십"] == [65_000_000]
    assert caps["(우수연구자 교류지원) 해외연구인력교류"] == [1_400_000_000]
    assert caps["Global Korea Scholarship (국비유학생선발파견)"] == []  # US dollars
    for p in programs.values():
        for t in p.tracks:
            for f in t.funding:
                assert f.cap_basis == "per_award"
                assert any(e.quote in ("15", "65", "1,400") for e in f.evidence)


def test_labelled_exclusions_in_a_rows_cell():
    programs = {p.name: p for p in _spec().programs}
    assert [c.text for c in programs["ICT학점연계 프로젝트인턴십"].exclusions] == [
        "접수 마감일 현재 국가연구개발사업에 참여 제한 중인 자",
        "타국적자 및 외국소재 대학(교) 학생",
        "인턴십 비자 발급에 결격 사유가 있는 대학(교) 학생"]
    # the label's content ends at the next labelled line (`▸(기타유의사항)`) or note (`※`)
    assert [c.text for c in programs["원자력 글로벌 포닥 펠로우십"].exclusions] == [
        "정규직 연구원 등 포닥 펠로우십 시작일 기준 국내 소속기관이 있는 자"]
    assert [c.text for c in programs["Global Korea Scholarship (국비유학생선발파견)"].exclusions] == [
        "선발전형에 응시하고자 하는 학위과정(석사 또는 박사)에 유학 중인 사람"]
    # another label (`(연구단 구성)`) names no exclusions
    assert programs["(우수연구자 교류지원) 해외연구인력교류"].exclusions == []


def test_cell_units_quote_the_text():
    doc = read_bytes(MASTER.encode("utf-8"), "t.md")
    for scope in split_programs(doc, None):
        for u in cell_label_units(scope, "exclusions"):
            for lo, hi in u.spans:
                assert doc.text[lo:hi].startswith(u.text[:10])
    assert not [u for s in split_programs(doc, None) for u in cell_label_units(s, "documents")]


def test_a_printed_range_in_the_call_schedule_column_is_the_programs_window():
    windows = {p.name: [(w.stage, str(w.opens), str(w.closes)) for w in p.windows]
               for p in _spec().programs}
    assert windows["원자력 글로벌 포닥 펠로우십"] == [("application", "2025-02-01", "2025-03-31")]
    assert windows["ICT학점연계 프로젝트인턴십"] == []  # `2025년 12월`
    assert windows["(우수연구자 교류지원) 해외연구인력교류"] == []  # the call's day
    assert windows["Global Korea Scholarship (국비유학생선발파견)"] == []  # `2025년 4~5월`


ROWS = """\
# 2025년도 글로벌 연수지원사업 추진일정 공고

| 사업명 | 지원대상 | 1인당 지원금액 (백만원) | 지원 기간 | 파견국가 | 선발 방식 |
|---|---|---|---|---|---|
| (국가간협력기반조성) 인력교류 | 석사과정생<br>박사과정생 | 15 내외 | 6개월 | 미국 | 서면심사 |
| (국가간협력기반조성) 인력교류 | 석사과정생<br>박사과정생<br>박사후연구원 | 9~15 이내<br>(연수기간에 따라<br>차등지원) | 3개월<br>~6개월 | 캐나다 | 서면심사 |
| (국가간협력기반조성) 인력교류 | 박사과정생<br>박사후연구원 | 15 이내 | 3개월 | 스위스 | 서면심사 |
| 한-유럽 첨단해양모빌리티 연구거점 구축 및 공동연구 | (단기)<br>석사과정생 | 60 이내<br>(장기연수 기준) | (단기)<br>4주 내외 | 자율 선택 | 서면심사 |
| 한-유럽 첨단해양모빌리티 연구거점 구축 및 공동연구 | (장기)<br>박사과정생 | 60 이내<br>(장기연수 기준) | (장기)<br>6개월<br>~12개월 | 자율 선택 | 서면심사 |
| 건축설계 인재육성 | 석사과정생 | 30 | 3개월 | 자율 선택 | 서면심사 |
| 건축설계 인재육성 | 석사과정생 | 30 | 12개월 | 자율 선택 | 서면심사 |
"""


def test_rows_of_one_program_with_their_own_terms_are_its_tracks():
    programs = {p.name: p for p in extract(read_bytes(ROWS.encode("utf-8"), "t.md")).programs}
    exchange = programs["(국가간협력기반조성) 인력교류"]
    # the shortest column telling the rows apart names them (파견국가, not 지원대상)
    assert [(t.name, t.duration_months, [f.cap_krw for f in t.funding]) for t in exchange.tracks] == [
        ("미국", 6, [15_000_000]), ("캐나다", 6, [15_000_000]), ("스위스", 3, [15_000_000])]
    # a cell's leading label names its row; an amount for one case (`장기연수 기준`) is the cap
    # of the row that case labels only
    marine = programs["한-유럽 첨단해양모빌리티 연구거점 구축 및 공동연구"]
    assert [(t.name, t.duration_months, [f.cap_krw for f in t.funding]) for t in marine.tracks] == [
        ("단기", None, []), ("장기", 12, [60_000_000])]
    (cap,) = marine.tracks[1].funding
    assert [e.quote for e in cap.evidence] == ["60"]
    # rows nothing tells apart: one unnamed track, without the period the rows disagree on
    (only,) = programs["건축설계 인재육성"].tracks
    assert only.name is None and only.duration_months is None


def test_rows_nothing_tells_apart_with_different_caps_give_no_cap():
    text = ROWS.replace("| 건축설계 인재육성 | 석사과정생 | 30 | 3개월 |", "| 건축설계 인재육성 | 석사과정생 | 45 | 12개월 |")
    programs = {p.name: p for p in extract(read_bytes(text.encode("utf-8"), "t.md")).programs}
    (only,) = programs["건축설계 인재육성"].tracks
    # the period both rows print stays; the cap they disagree on goes
    assert only.name is None and only.funding == [] and only.duration_months == 12


OTHER_TABLE = """\
# 2021년도 축산현안대응 연구개발사업 통합공고

| 사업명 | 내역사업명 | 모집기간 |
|---|---|---|
| (농식품부) 축산현안대응 산업화기술개발 | 가축 생산 효율성 증진 | 2021. 2. 17. ~ 3. 3. |
| (농진청) 축산현안대응 고도화 기술개발 | 소비자 맞춤형 축산물 생산 | 2021. 3. 2. ~ 3. 19. |

| 사업명 | 내역 사업 | 지원유형 | 과제 수 | 정부지원연구개발비 |
|---|---|---|---|---|
| (농식품부) 축산현안대응 산업화기술개발 | 가축 생산 효율성 증진 | 지정공모 | 6 | 2,245백만 원 |
| (농진청) 축산현안대응 고도화 기술개발 | 가축 생산 효율성 증진 | 지정공모 | 6 | 2,500백만 원 |
"""


def test_another_table_of_the_programs_gives_each_its_own_rows():
    doc = read_bytes(OTHER_TABLE.encode("utf-8"), "t.md")
    scopes = split_programs(doc, None)
    assert [s.name for s in scopes] == ["(농식품부) 축산현안대응 산업화기술개발",
                                        "(농진청) 축산현안대응 고도화 기술개발"]
    first = next(b for b in doc.blocks if b.table is not None)
    for s in scopes:  # the 모집기간 table is nobody's shared text
        assert all(hi <= first.start or lo >= first.end for lo, hi in s.shared)
    windows = {p.name: [(str(w.opens), str(w.closes)) for w in p.windows]
               for p in extract(doc).programs}
    assert windows == {"(농식품부) 축산현안대응 산업화기술개발": [("2021-02-17", "2021-03-03")],
                       "(농진청) 축산현안대응 고도화 기술개발": [("2021-03-02", "2021-03-19")]}
