"""Application windows read from the seeds (facts read from the documents by hand)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gonggo.extractors.header import read_header
from gonggo.extractors.windows import extract_windows
from gonggo.ingest import read_bytes, read_document
from gonggo.reading.programs import split_programs
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Window
from gonggo.vocab.dates import KST

from .conftest import seed_path


def _scopes(prefix: str) -> list[Scope]:
    doc = read_document(seed_path(prefix))
    return split_programs(doc, read_header(doc).announced_on)


def _check_evidence(scope: Scope, windows: list[Window]) -> None:
    for w in windows:
        assert w.evidence, w
        for ev in w.evidence:
            assert scope.doc.text[ev.start:ev.end] == ev.quote


def _dates(windows: list[Window]) -> list[tuple[object, object]]:
    return [(w.opens, w.closes) for w in windows]


def test_seed_000_one_window_with_closing_time() -> None:
    [scope] = _scopes("000")
    windows = extract_windows(scope)
    _check_evidence(scope, windows)
    assert _dates(windows) == [(date(2026, 4, 8), datetime(2026, 4, 24, 18, tzinfo=KST))]
    assert "18시까지" in windows[0].evidence[0].quote


def test_seed_001_abbreviated_years() -> None:
    [scope] = _scopes("001")
    windows = extract_windows(scope)
    _check_evidence(scope, windows)
    assert _dates(windows) == [(date(2026, 6, 15), date(2026, 6, 30))]


def test_seed_004_regular_and_rolling_tracks() -> None:
    [scope] = _scopes("004")
    windows = extract_windows(scope)
    _check_evidence(scope, windows)
    regular, urgent = windows
    assert (regular.label, regular.tracks) == ("AS지원", ["AS지원"])
    assert (regular.opens, regular.closes) == (date(2023, 5, 31), date(2023, 6, 22))
    assert not regular.rolling and not regular.until_budget_exhausted
    assert (urgent.label, urgent.tracks) == ("긴급AS", ["긴급AS"])
    assert urgent.opens == date(2023, 3, 27) and urgent.closes is None
    assert urgent.rolling and urgent.until_budget_exhausted


def test_seed_002_rounds_and_programs() -> None:
    scopes = {s.name: s for s in _scopes("002")}
    first = next(s for n, s in scopes.items() if n and n.startswith("스마트공장 구축 및 고도화"))
    rounds = extract_windows(first)
    _check_evidence(first, rounds)
    # the `2021년 1월 22일(금)부터 차수별` line sums up the rounds: not a window of its own
    assert [w.label for w in rounds] == ["1차", "2차", "3차"]
    assert _dates(rounds) == [(date(2021, 1, 22), date(2021, 2, 25)),
                              (date(2021, 4, 1), date(2021, 4, 30)),
                              (date(2021, 6, 1), date(2021, 6, 30))]
    robot = extract_windows(next(s for n, s in scopes.items() if n and "로봇" in n))
    assert _dates(robot) == [(date(2021, 1, 22), datetime(2021, 2, 25, 17, tzinfo=KST))]
    aftercare = extract_windows(next(s for n, s in scopes.items() if n and "사후관리" in n))
    assert len(aftercare) == 1 and aftercare[0].opens == date(2021, 1, 22)
    assert aftercare[0].closes is None and aftercare[0].rolling
    assert aftercare[0].until_budget_exhausted
    # two applicant groups recruited in one program, each under its own sub-heading
    level = extract_windows(next(s for n, s in scopes.items() if n and "수준확인" in n))
    assert [w.label for w in level] == ["참여기업", "확인기관"]
    assert level[0].rolling and level[1].closes == datetime(2021, 2, 25, 17, tzinfo=KST)
    # every program of the master announcement has at least one window, never a wrong year
    for scope in scopes.values():
        windows = extract_windows(scope)
        _check_evidence(scope, windows)
        assert windows, scope.name
        assert all(w.opens is None or w.opens.year == 2021 for w in windows)


def test_announcement_and_other_dates_are_not_windows() -> None:
    [scope] = _scopes("000")
    quotes = [ev.quote for w in extract_windows(scope) for ev in w.evidence]
    assert not any("11. 31" in q for q in quotes)  # a 기술임치 deadline in 기타사항


TABLES = """2026년도 시험 지원사업 공고

다음과 같이 공고합니다.

2026년 4월 8일

시험기관장

1. 사업개요

□ 지원규모 및 조건

지원구분\t정부지원금 한도\t사업기간\t접수형태
일반\t최대 20백만원\t4개월\t정기모집 (신청기간)
긴급\t최대 5백만원\t2개월\t수시모집 (예산 소진시까지)

□ 신청기간

구분\t신청기간\t비고
1차\t2026. 4. 8.(수) ~ 4. 24.(금) 18:00\t
2차\t2026. 6. 1.(월) ~ 6. 19.(금) 18:00\t

□ 추진일정

- (선정발표) 2026. 5. 20.(수)
- 협약기간 : 2026. 6. 1. ~ 2026. 12. 31.
"""


@pytest.fixture(scope="module")
def table_windows() -> list[Window]:
    doc = read_bytes(TABLES.encode(), "tables.txt")
    return extract_windows(Scope(doc=doc, start=0, end=len(doc.text), announced_on=date(2026, 4, 8)))


def test_round_table_and_mode_column(table_windows: list[Window]) -> None:
    by_label = {w.label: w for w in table_windows}
    assert set(by_label) == {"1차", "2차", "긴급"}
    assert by_label["1차"].closes == datetime(2026, 4, 24, 18, tzinfo=KST)
    assert by_label["2차"].opens == date(2026, 6, 1)
    # `정기모집 (신청기간)` sends the regular track to the dated rounds
    assert by_label["1차"].tracks == by_label["2차"].tracks == ["일반"]
    urgent = by_label["긴급"]
    assert urgent.tracks == ["긴급"] and urgent.rolling and urgent.until_budget_exhausted
    assert urgent.opens is None


MASTER = """2026년도 시험 통합 공고

다음과 같이 공고합니다.

2026년 1월 20일

시험부 장관

Ⅰ. 사업개요

사업명\t지원내용\t모집기간
구축 지원사업\t구축비 지원\t(1차) 1.22~2.25 (2차) 4.1~4.30
컨설팅 지원사업\t컨설팅 지원\t수시(3.2~)

Ⅱ. 사업별 지원계획

(1) 구축 지원사업

□ 사업개요

◦ 구축비를 지원

□ 지원내용

◦ 구축비 최대 1억원

□ 신청자격

◦ 중소기업

□ 신청방법

◦ 온라인 접수

(2) 컨설팅 지원사업

□ 사업개요

◦ 컨설팅을 지원

□ 지원내용

◦ 컨설팅비 최대 500만원

□ 신청자격

◦ 중소기업

□ 신청기간 및 방법

◦ (신청기간) 2026년 3월 2일(월)부터 예산 소진시까지 수시 접수
"""


def test_overview_table_when_the_section_states_no_period() -> None:
    doc = read_bytes(MASTER.encode(), "master.txt")
    scopes = {s.name: s for s in split_programs(doc, date(2026, 1, 20))}
    build = extract_windows(scopes["구축 지원사업"])
    _check_evidence(scopes["구축 지원사업"], build)
    assert [(w.label, w.opens, w.closes) for w in build] == [
        ("1차", date(2026, 1, 22), date(2026, 2, 25)), ("2차", date(2026, 4, 1), date(2026, 4, 30))]
    # a section that states its own period is read from the section, not the overview
    [consulting] = extract_windows(scopes["컨설팅 지원사업"])
    assert consulting.opens == date(2026, 3, 2) and consulting.until_budget_exhausted


# msit_ict_rnd 2026 / pipc 2026 (신청서 제출): the posting period beside the upload period
FILING = """2026년도 시험 기술개발사업 신규지원 대상과제 공고

다음과 같이 공고합니다.

2026년 1월 2일

시험부 장관

1. 신청방법 및 접수기간

□ 신청서(연구개발계획서/신청서류) 제출

공고기간\t전산(iris.go.kr) 등록기간
2026. 1. 2.(금) ~ 2026. 2.10.(화) 15시 까지\t2026. 1. 19.(월)~ 2026. 2. 10.(화) 15시 까지

o 전산 등록기간 마감일에는 접속 폭주로 인한 접수지연 및 장애가 발생할 수 있으므로 사전에 접수 요망함
"""


def test_the_filing_systems_registration_column_is_the_window_not_the_posting() -> None:
    doc = read_bytes(FILING.encode(), "filing.txt")
    found = extract_windows(Scope(doc=doc, start=0, end=len(doc.text), announced_on=date(2026, 1, 2)))
    assert [(w.opens, w.closes, w.stage) for w in found] == [
        (date(2026, 1, 19), datetime(2026, 2, 10, 15, tzinfo=KST), "application")]
    _check_evidence(Scope(doc=doc, start=0, end=len(doc.text)), found)
