"""Tracks and funding on the seeds (facts read from the documents) and on constructed tables."""

from __future__ import annotations

from functools import cache

import pytest

from gonggo.extractors.header import read_header
from gonggo.extractors.tracks import (
    Terms,
    Tracks,
    cell_terms,
    classify_header,
    corpus_value,
    extract_tracks,
    read_table,
    terms_of_text,
)
from gonggo.ingest import read_bytes, read_document
from gonggo.reading.programs import split_programs
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Funding, Track
from gonggo.schemas.document import Cell, Document, Table
from gonggo.vocab.funding import find_months, find_shares

from .conftest import seed_path


@cache
def _doc(prefix: str) -> Document:
    return read_document(seed_path(prefix))


@cache
def _programs(prefix: str) -> list[tuple[str | None, list[Track]]]:
    doc = _doc(prefix)
    scopes = split_programs(doc, read_header(doc).announced_on)
    return [(s.name, extract_tracks(s)) for s in scopes]


def _tracks(prefix: str, program: str | None = None) -> dict[str | None, Track]:
    for name, tracks in _programs(prefix):
        if program is None or (name and program in name):
            return {t.name: t for t in tracks}
    raise AssertionError(f"no program {program} in {prefix}")


def _pay(track: Track, payer: str) -> Funding:
    [f] = [f for f in track.funding if f.payer == payer]
    return f


def _terms(f: Funding) -> tuple:
    return f.cap_krw, f.share_pct, f.share_bound


def test_000_tables_under_지원내용_and_지원조건() -> None:
    tracks = _tracks("000")
    assert list(tracks) == ["고도화", "기초", "고도화 (동일수준)"]
    up = tracks["고도화"]
    assert (up.target_level, up.duration_months, up.extension_months) == ("중간1", 9, 3)
    assert _terms(_pay(up, "government")) == (18_000_000, 30, "exact")
    assert _pay(up, "government").payer_label == "정부"
    assert _terms(_pay(up, "host")) == (24_000_000, 40, "exact")
    assert _pay(up, "host").payer_label == "국민건강보험공단"
    assert _terms(_pay(up, "applicant")) == (18_000_000, 30, "exact")
    # 기초 shares the merged 0.18억원 / 0.24억원 / 0.18억원 cells and the 분담비율 row
    basic = tracks["기초"]
    assert (basic.target_level, basic.duration_months, basic.extension_months) == ("기초", 6, 3)
    assert [_terms(f) for f in basic.funding] == [_terms(f) for f in up.funding]
    same = tracks["고도화 (동일수준)"]
    assert (same.target_level, same.duration_months) == ("중간1", 6)
    assert _terms(_pay(same, "government")) == (18_000_000, 30, "exact")


def test_001_one_unnamed_track_from_a_table_without_track_column() -> None:
    [track] = _tracks("001").values()
    assert track.name is None
    assert (track.target_level, track.duration_months, track.extension_months) == ("중간1", 12, None)
    assert _terms(_pay(track, "government")) == (1_500_000_000, 50, "max")
    assert _terms(_pay(track, "host")) == (None, 10, "exact")
    assert _terms(_pay(track, "applicant")) == (None, 40, "exact")


def test_002_program_1_flattened_지원조건_table() -> None:
    tracks = _tracks("002", "스마트공장 구축 및 고도화")
    assert list(tracks) == ["기초", "고도화1", "고도화2"]
    assert [t.target_level for t in tracks.values()] == ["기초", "중간1", "중간2"]
    assert [t.duration_months for t in tracks.values()] == [6, 9, 12]
    assert {t.extension_months for t in tracks.values()} == {3}  # 최대 3개월 연장가능
    caps = [_terms(_pay(t, "government")) for t in tracks.values()]
    assert caps == [(70_000_000, 50, "max"), (200_000_000, 50, "max"), (400_000_000, 50, "max")]


def test_002_labelled_prose_tracks() -> None:
    after = _tracks("002", "사후관리")
    assert list(after) == ["긴급복구형", "성장연계형"]
    assert [_pay(t, "government").cap_krw for t in after.values()] == [5_000_000, 20_000_000]
    assert {(t.duration_months, t.extension_months) for t in after.values()} == {(6, 2)}
    assert {_pay(t, "government").share_pct for t in after.values()} == {50}

    cluster = _tracks("002", "디지털 클러스터")
    assert [_pay(t, "government").cap_krw for t in cluster.values()] == [70_000_000, 200_000_000,
                                                                         400_000_000]
    assert {t.duration_months for t in cluster.values()} == {12}  # 지원기간 : 최대 1년 이내

    coop = _tracks("002", "대중소 상생형")
    assert list(coop) == ["기초", "고도화1", "유형 2"]  # `(유형 1)` heads 기초 and 고도화1
    assert _terms(_pay(coop["기초"], "government")) == (42_000_000, 30, "max")
    assert _terms(_pay(coop["유형 2"], "government")) == (10_000_000, 50, "exact")
    assert _terms(_pay(coop["유형 2"], "host")) == (None, 50, "exact")


def test_002_program_level_terms() -> None:
    [cloud] = _tracks("002", "클라우드").values()
    assert cloud.name == "공동활용 솔루션 과제"  # a name wrapped over two lines
    assert cloud.duration_months == 6
    assert _terms(_pay(cloud, "government")) == (140_000_000, 70, "max")
    assert _terms(_pay(cloud, "applicant")) == (None, 30, "min")
    robot = _tracks("002", "로봇활용")
    assert list(robot) == [None, "유턴기업"]  # `최대 3억원 지원(유턴기업 최대 5억원, …)`
    assert _terms(_pay(robot[None], "government")) == (300_000_000, 50, "exact")
    assert _terms(_pay(robot["유턴기업"], "government")) == (500_000_000, 50, "exact")
    [level] = _tracks("002", "수준확인").values()
    assert _pay(level, "government").cap_krw == 800_000  # 기업당 80만원


def test_004_merged_cells_cover_both_tracks() -> None:
    tracks = _tracks("004")
    assert list(tracks) == ["AS지원", "긴급AS"]
    for track in tracks.values():
        assert (track.duration_months, track.extension_months) == (4, 2)
        assert _terms(_pay(track, "government")) == (20_000_000, 50, "max")
        assert _pay(track, "government").payer_label == "정부지원금"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_every_fact_points_at_the_text(prefix: str) -> None:
    text = _doc(prefix).text
    for _, tracks in _programs(prefix):
        for track in tracks:
            assert track.name is None or track.evidence
            for ev in track.evidence:
                assert text[ev.start : ev.end] == ev.quote
            for f in track.funding:
                assert f.evidence
                for ev in f.evidence:
                    assert text[ev.start : ev.end] == ev.quote
                    assert any(ch.isdigit() for ch in ev.quote)


def _scope(text: str) -> Scope:
    doc = read_bytes(text.encode(), "x.txt")
    return Scope(doc=doc, start=0, end=len(doc.text))


def test_no_funding_terms_gives_no_tracks() -> None:
    scope = _scope("□ 신청자격\n\n◦ (도입기업) 중소기업기본법에 따른 중소기업\n\n□ 신청기간 : 2026년 4월 8일\n")
    assert extract_tracks(scope) == []


def test_unit_and_track_column_in_a_typed_table() -> None:
    text = ("□ 지원내용\n\n(단위 : 백만원)\n\n구분\t정부지원금\t기업부담금\t지원기간\n"
            "창업형\t50\t20\t9개월\n성장형\t100\t40\t12개월\n")
    tracks = {t.name: t for t in extract_tracks(_scope(text))}
    assert list(tracks) == ["창업형", "성장형"]
    assert _pay(tracks["성장형"], "government").cap_krw == 100_000_000
    assert _pay(tracks["창업형"], "applicant").cap_krw == 20_000_000
    assert tracks["성장형"].duration_months == 12


def test_tracks_across_the_top_of_a_label_table() -> None:
    text = ("□ 지원조건\n\n구 분\t기본 컨설팅\t심화 컨설팅\n총 비용\t500만원\t1,000만원\n"
            "지원금액\t250만원\t500만원\n자부담(지방비+기업)\t250만원\t500만원\n")
    tracks = {t.name: t for t in extract_tracks(_scope(text))}
    assert list(tracks) == ["기본 컨설팅", "심화 컨설팅"]
    assert _pay(tracks["심화 컨설팅"], "government").cap_krw == 5_000_000
    # `자부담(지방비+기업)` names two payers: no one payer's terms
    assert [f.payer for f in tracks["기본 컨설팅"].funding] == ["government"]


def test_row_spans_of_a_hwp_table_apply_to_every_row() -> None:
    # 지원유형 | 정부지원금 | 사업기간, with the amount and period cells spanning both rows
    text = "지원유형정부지원금사업기간AS지원최대 20백만원4개월긴급AS"
    cells, at = [], 0
    for row, col, span, word in [(0, 0, 1, "지원유형"), (0, 1, 1, "정부지원금"), (0, 2, 1, "사업기간"),
                                 (1, 0, 1, "AS지원"), (1, 1, 2, "최대 20백만원"), (1, 2, 2, "4개월"),
                                 (2, 0, 1, "긴급AS")]:
        cells.append(Cell(row=row, col=col, row_span=span, text=word, start=at, end=at + len(word)))
        at += len(word)
    assert at == len(text)
    tracks = Tracks()
    assert read_table(Table(n_rows=3, n_cols=3, cells=cells), "", tracks)
    drafts = {d.name: d.terms for d in tracks.drafts()}
    assert list(drafts) == ["AS지원", "긴급AS"]
    assert drafts["긴급AS"].funding["government"].cap == 20_000_000
    assert drafts["긴급AS"].duration is not None and drafts["긴급AS"].duration[0] == 4


# ---------------------------------------------------------------- flattened rows and scopes


def test_002_terms_the_seed_prints_in_flattened_tables() -> None:
    # `구    분 지원횟수, 수당 정부지원금 비중 기업부담금 비중` / `스마트 마이스터 24회, 회당 35만원 90% 10%`
    [meister] = _tracks("002", "스마트 마이스터").values()
    assert meister.name is None  # the one row names the program itself
    assert _terms(_pay(meister, "government"))[1:] == (90, "exact")
    assert _terms(_pay(meister, "applicant")) == (None, 10, "exact")
    # `총 구축비용 30%` / `70%` over `30%이상 40%이내`, inside `(유형 1)` over 기초 and 고도화1
    coop = _tracks("002", "대중소 상생형")
    for name in ("기초", "고도화1"):
        assert _terms(_pay(coop[name], "host")) == (None, 30, "min")
        assert _terms(_pay(coop[name], "applicant")) == (None, 40, "max")
    assert [f.payer for f in coop["유형 2"].funding] == ["government", "host"]  # 기업부담 없이
    # `구 분` / `컨설팅 지원` / `원포인트 멘토링` / `기본 컨설팅 심화 컨설팅` / `지원금액 250만원 500만원 100만원`
    consult = _tracks("002", "스마트화 역량강화")
    caps = {name: _pay(t, "government").cap_krw for name, t in consult.items()}
    assert caps == {"기본 컨설팅": 2_500_000, "심화 컨설팅": 5_000_000, "원포인트 멘토링": 1_000_000}
    assert {t.duration_months for t in consult.values()} == {4}  # `□ 사업기간 : 최대 4개월`


def test_002_caps_from_the_overview_table() -> None:
    # the sections of (4) and (8) print no cap; the Ⅰ overview rows do
    sector = _tracks("002", "업종별 특화")
    assert {n: _pay(t, "government").cap_krw for n, t in sector.items()} == {
        "기초": 70_000_000, "고도화1": 200_000_000, "고도화2": 400_000_000}
    assert {t.duration_months for t in sector.values()} == {9}
    assert _pay(sector["기초"], "government").payer_label == "정부지원금"
    [meister] = _tracks("002", "스마트 마이스터").values()
    assert _pay(meister, "government").cap_krw == 8_370_000
    # a section printing its own caps keeps them (the overview's `(심화) 500만원` adds nothing)
    assert set(_tracks("002", "스마트화 역량강화")) == {"기본 컨설팅", "심화 컨설팅", "원포인트 멘토링"}


def test_000_merged_cells_and_share_row_hold_for_tracks_of_other_tables() -> None:
    same = _tracks("000")["고도화 (동일수준)"]  # only in the 지원조건 table
    assert _terms(_pay(same, "applicant")) == (18_000_000, 30, "exact")
    assert _pay(same, "applicant").payer_label == "중소기업 (자부담)"


def test_a_flattened_row_whose_first_cell_is_text() -> None:
    text = ("□ 지원내용\n\n구  분 지원일수, 일당 정부지원금 비중 기업부담금 비중\n\n"
            "현장 코칭 10일, 일당 50만원 80% 20%\n")
    [track] = extract_tracks(_scope(text))
    assert track.name == "현장 코칭"
    assert _terms(_pay(track, "government")) == (None, 80, "exact")  # 일당 50만원 is a unit price
    assert _terms(_pay(track, "applicant")) == (None, 20, "exact")


def test_a_summary_row_inside_a_group_speaks_for_the_group_only() -> None:
    text = ("□ 지원조건\n\n◦ (A형) 정부가 총 사업비의 40% 지원\n\n"
            "- 일반(일반수준) : 최대 1억원, 총 사업비의 40% 이내 지원\n\n"
            "- 심화(중간1 수준) : 최대 2억원, 총 사업비의 40% 이내 지원\n\n"
            "구 분 정부 대기업 중소기업\n\n총 사업비 40%\n\n60%\n\n20%이상 40%이내\n\n"
            "◦ (B형) 정부 50%(최대 5백만원), 대기업 50%\n")
    tracks = {t.name: t for t in extract_tracks(_scope(text))}
    assert list(tracks) == ["일반", "심화", "B형"]
    for name in ("일반", "심화"):
        assert _terms(_pay(tracks[name], "host")) == (None, 20, "min")  # 60% spans the two below
        assert _terms(_pay(tracks[name], "applicant")) == (None, 40, "max")
    assert [f.payer for f in tracks["B형"].funding] == ["government", "host"]


def test_a_summary_row_outside_any_track_item_speaks_for_every_track() -> None:
    text = ("□ 지원조건\n\n◦ (일반형) 최대 1억원\n\n◦ (심화형) 최대 2억원\n\n□ 분담비율\n\n"
            "구분 정부 중소기업\n\n분담비율 70% 30%\n")
    tracks = {t.name: t for t in extract_tracks(_scope(text))}
    assert {n: _terms(_pay(t, "government")) for n, t in tracks.items()} == {
        "일반형": (100_000_000, 70, "exact"), "심화형": (200_000_000, 70, "exact")}
    assert {_pay(t, "applicant").share_pct for t in tracks.values()} == {30}


def test_a_flattened_label_table_with_names_on_one_line() -> None:
    text = ("□ 지원내용\n\n구분\n\n초기 단계 성장 단계 도약 단계\n\n총 사업비 2천만원 4천만원 1억원\n\n"
            "정부지원금 1천만원 3천만원 7천만원\n\n□ 사업기간 : 최대 8개월\n")
    tracks = {t.name: t for t in extract_tracks(_scope(text))}
    assert {n: _pay(t, "government").cap_krw for n, t in tracks.items()} == {
        "초기 단계": 10_000_000, "성장 단계": 30_000_000, "도약 단계": 70_000_000}
    assert {t.duration_months for t in tracks.values()} == {8}


def test_names_without_value_rows_are_not_a_label_table() -> None:
    text = "□ 지원내용\n\n구분\n\n초기 단계 성장 단계\n\n◦ 창업 교육 및 멘토링 제공\n"
    assert extract_tracks(_scope(text)) == []


@pytest.mark.parametrize("line", [
    "◦ 기업당 총 사업비의 60%, 최대 2억원 지원(여성기업 최대 3억원, 40개사 내외)",
    "◦ 총 사업비의 60% 이내, 최대 2억원 지원(단, 여성기업은 최대 3억원)",
])
def test_a_named_cap_in_parentheses_varies_the_general_terms(line: str) -> None:
    tracks = {t.name: t for t in extract_tracks(_scope("□ 지원조건\n\n" + line + "\n"))}
    assert {n: _pay(t, "government").cap_krw for n, t in tracks.items()} == {
        None: 200_000_000, "여성기업": 300_000_000}
    assert tracks[None].funding[0].share_pct == tracks["여성기업"].funding[0].share_pct == 60


@pytest.mark.parametrize("line", [
    "◦ 사업화 자금 최대 3억원(기본 지원사업비 최대 2억원, 추가지원사업비 최대 1억원)",  # parts of it
    "◦ 사업화 자금 최대 3억원(일반 1.5억원, 특화 1.5억원)",  # parts adding up to the cap
    "◦ 사업화 자금 최대 2억원(AC분야 평균 1.15억원, OI분야 1.35억원 내외)",  # an average, an approximation
    "◦ 수준확인비용 지원(기업당 80만원)",  # the cap itself in parentheses
])
def test_amounts_in_parentheses_that_are_no_tracks(line: str) -> None:
    tracks = extract_tracks(_scope("□ 지원내용\n\n" + line + "\n"))
    assert [t.name for t in tracks] == [None]


def test_overview_row_caps_go_to_a_program_without_caps() -> None:
    text = ("2026년 통합 공고\n\n Ⅰ. 사업개요\n\n사업명 지원유형 지원내용 정부지원금\n\n(기업 당, 최대)\n\n"
            "제조혁신\n\n바우처\n\n기본형 ▪컨설팅, 기술지원 등\n\n서비스 바우처 지원\n\n0.5억원\n\n"
            "3.2~3.31심화형 1억원\n\n판로 개척\n\n▪해외 전시회 참가 지원\n\n2천만원 수시\n\n"
            " Ⅱ. 사업별 세부내용\n\n (1) 제조혁신 바우처\n\n□ 사업개요\n\n◦ 제조기업 혁신 지원\n\n"
            "□ 신청자격\n\n◦ 중소 제조기업\n\n□ 사업기간 : 최대 6개월\n\n□ 신청기간 : 수시\n\n"
            " (2) 판로 개척 지원\n\n□ 사업개요\n\n◦ 해외 판로 지원\n\n□ 신청자격\n\n◦ 수출 중소기업\n\n"
            "□ 지원조건 : 참가비의 70% 지원, 최대 1천만원\n\n□ 신청기간 : 수시\n")
    doc = read_bytes(text.encode(), "x.txt")
    scopes = split_programs(doc, None)
    assert [s.name for s in scopes] == ["제조혁신 바우처", "판로 개척 지원"]
    voucher = {t.name: t for t in extract_tracks(scopes[0])}
    assert {n: (_pay(t, "government").cap_krw, t.duration_months) for n, t in voucher.items()} == {
        "기본형": (50_000_000, 6), "심화형": (100_000_000, 6)}
    [sales] = extract_tracks(scopes[1])
    assert _pay(sales, "government").cap_krw == 10_000_000  # its own cap, not the overview's 2천만원


# ---------------------------------------------------------------- what states no terms

EXAMPLE_FIGURES = "정부지원금\t자부담\n1억원\t0.43억원\n70%\t30%\n"


@pytest.mark.parametrize("caption", [
    "< 사업비 구성 예시 >",
    "(예시)",
    "예)",
    "< 정부지원금 1억원인 경우 >",
    "예) 정부지원금이 1억원인 경우 :",
])
def test_a_worked_example_table_states_no_terms(caption: str) -> None:
    text = ("□ 지원내용\n\n◦ 총 사업비 = 정부지원금 70% 이하 + 자부담 30% 이상\n\n" + caption + "\n\n"
            + EXAMPLE_FIGURES + "\n◦ 사업기간 : 최대 6개월\n")
    [track] = extract_tracks(_scope(text))
    assert _terms(_pay(track, "government")) == (None, 70, "max")
    assert _terms(_pay(track, "applicant")) == (None, 30, "min")
    assert track.duration_months == 6  # the example ends with its table


def test_the_same_figures_under_a_plain_caption_state_terms() -> None:
    [track] = extract_tracks(_scope("□ 지원내용\n\n< 사업비 구성 >\n\n" + EXAMPLE_FIGURES))
    assert _terms(_pay(track, "government")) == (100_000_000, 70, "exact")
    assert _terms(_pay(track, "applicant")) == (43_000_000, 30, "exact")


def test_a_case_worked_out_in_lines_after_an_example_caption_states_no_terms() -> None:
    text = ("□ 지원내용\n\n< 예시 >\n\n◦ 정부지원금 15억원의 과제를 5년간 수행하는 경우\n\n"
            "- 연차별 정부지원금 최대 3억원\n\n□ 지원조건\n\n◦ 정부지원금 최대 2억원\n\n"
            "□ 사업기간 : 최대 9개월\n")
    [track] = extract_tracks(_scope(text))  # the example ends at the next heading
    assert _terms(_pay(track, "government")) == (200_000_000, None, None)
    assert track.duration_months == 9


def test_an_example_spans_its_case_and_the_table_working_it_out() -> None:
    text = ("□ 지원규모\n\n< 예시 >\n\n◦ 정부지원금 15억원의 과제를 5년간 수행하는 중소기업\n\n"
            "사업연도\t1차년도\t2차년도\n정부지원금\t3억\t3억\n\n◦ 사업기간 : 최대 9개월\n")
    [track] = extract_tracks(_scope(text))
    assert (track.funding, track.duration_months) == ([], 9)


def _md_scope(text: str) -> Scope:
    doc = read_bytes(text.encode(), "x.md")
    return Scope(doc=doc, start=0, end=len(doc.text))


@pytest.mark.parametrize(("title", "caps"), [("지원내용", [300_000_000]), ("< 예시 >", [])])
def test_a_box_titled_as_an_example_states_no_terms(title: str, caps: list[int]) -> None:
    text = f"□ 지원내용\n\n| {title} |\n|---|\n| • 정부지원금 최대 3억원 지원<br>- 사업기간 6개월 |\n"
    assert [f.cap_krw for t in extract_tracks(_md_scope(text)) for f in t.funding] == caps


def test_the_one_prose_cell_of_a_table_is_read_as_lines_without_its_example() -> None:
    # `구분 | 내용` with the terms in one cell, a worked example after them in the same cell
    text = ("□ 지원내용\n\n| 구분 | 내용 |\n|---|---|\n| 사업화 자금 | • 시제품 제작 등 사업화 자금 최대 3억원 "
            "지원<br>• 총 사업비 = 정부지원금 70% 이하 + 자부담 30% 이상<br>< 사업비 구성 예시 (정부지원금 "
            "1.5억원인 경우) ><br>- 정부지원금 1.5억원(70%), 자부담 0.64억원(30%)<br>- 정부지원금 최대 1.5억원 "
            "지원 |\n| 창업 프로그램 | • 투자 유치, 판로 개척 등 지원 |\n")
    [track] = extract_tracks(_md_scope(text))
    assert _terms(_pay(track, "government")) == (300_000_000, 70, "max")
    assert _terms(_pay(track, "applicant")) == (None, 30, "min")
    assert track.funding[0].evidence[0].quote == "최대 3억원"


@pytest.mark.parametrize("rows", [
    # two cells state terms: a track's each? a kind of support's? the table does not say
    "| 기초 | • 정부지원금 최대 0.7억원 |\n| 고도화 | • 정부지원금 최대 2억원 |\n",
    # one cell, two caps for the same payer, each for a case its line names
    "| 작성 유의사항 | ㅇ 데이터 유형 지원 시, 기술(최대 5천만원)<br>ㅇ 구축 유형 지원 시, 기술(최대 2억원) |\n",
])
def test_prose_cells_that_do_not_say_whose_terms_they_are_state_none(rows: str) -> None:
    text = "□ 지원내용\n\n| 구분 | 내용 |\n|---|---|\n" + rows
    assert extract_tracks(_md_scope(text)) == []


ROYALTY_TABLE = "구분\t정부\t중소기업\n{label}\t정부지원연구개발비의 10%\t정부지원연구개발비의 20%\n"


@pytest.mark.parametrize(("caption", "label"), [
    ("o 기술료 상한", "기술료 상한"),
    ("o 기술료 상한", "상한"),  # the caption alone
    ("< 성공환원금 회수 기준 >", "회수율"),
    ("", "기술료 상한"),  # the row label alone
    ("", "위약금"),
])
def test_a_table_of_other_money_than_the_project_cost_states_no_shares(caption: str, label: str) -> None:
    text = ("□ 지원내용\n\n◦ 정부지원금 최대 2억원\n\n" + caption + "\n\n"
            + ROYALTY_TABLE.format(label=label))
    [track] = extract_tracks(_scope(text))
    assert [_terms(f) for f in track.funding] == [(200_000_000, None, None)]


def test_the_same_table_of_cost_shares_states_them() -> None:
    text = "□ 지원내용\n\n◦ 정부지원금 최대 2억원\n\n" + ROYALTY_TABLE.format(label="분담 비율")
    [track] = extract_tracks(_scope(text))
    assert _terms(_pay(track, "government")) == (200_000_000, 10, "exact")
    assert _terms(_pay(track, "applicant")) == (None, 20, "exact")


def test_columns_by_kind_of_applicant_are_no_payers() -> None:
    text = ("□ 지원내용\n\n◦ 정부지원금 최대 2억원\n\n연구개발기관 유형\t중소기업인 경우\t중견기업인 경우\n"
            "정부지원 비율\t75% 이내\t70% 이내\n")
    [track] = extract_tracks(_scope(text))
    assert [_terms(f) for f in track.funding] == [(200_000_000, None, None)]


def test_a_payers_money_split_into_cash_and_in_kind_gives_no_share_of_that_payer() -> None:
    text = ("□ 지원내용\n\n총사업비\t정부지원사업비\t자기부담사업비\t자기부담사업비\n"
            "총사업비\t정부지원사업비\t현금\t현물\n"
            "100%\t총사업비의 70% 이하\t총사업비의 10% 이상\t총사업비의 20% 이하\n")
    [track] = extract_tracks(_scope(text))
    assert [(f.payer, *_terms(f)) for f in track.funding] == [("government", None, 70, "max")]


def test_facets_under_a_payer_are_that_payers_terms() -> None:
    text = "□ 지원내용\n\n정부지원금\t정부지원금\t자부담\n금액\t비율\t비율\n1억원\t70%\t30%\n"
    [track] = extract_tracks(_scope(text))
    assert _terms(_pay(track, "government")) == (100_000_000, 70, "exact")
    assert _terms(_pay(track, "applicant")) == (None, 30, "exact")  # `자부담` over `비율`


def test_a_forms_blanks_are_no_shares() -> None:
    assert find_shares("100%\t00.0%\t00.0%") == [find_shares("100%")[0]]
    assert [s.pct for s in find_shares("정부 0% 지원")] == [0]


def test_unlabelled_lines_with_two_caps_for_one_payer_give_none() -> None:
    text = ("2026년도 제조 AI 지원사업 사업계획서\n\n□ 사업비 작성 유의사항\n\n"
            " ㅇ 데이터 수집·검증 유형 지원 시, 해당 사업비 내에서 기술(최대 5천만원)\n"
            " ㅇ AI공장 구축 유형 지원 시, 해당 사업비 내에서 기술(최대 20천만원)\n")
    doc = read_bytes(text.encode(), "form.txt")
    caps = [f.cap_krw for scope in split_programs(doc, None)
            for t in extract_tracks(scope) for f in t.funding]
    assert caps == [] or all(c is None for c in caps)
    one = text.replace(" ㅇ AI공장 구축 유형 지원 시, 해당 사업비 내에서 기술(최대 20천만원)\n", "")
    doc = read_bytes(one.encode(), "form.txt")
    caps = [f.cap_krw for scope in split_programs(doc, None)
            for t in extract_tracks(scope) for f in t.funding]
    assert caps == [50_000_000]


# ---------------------------------------------------------------- caps and periods that are not the award's


def _table_of(rows: list[list[tuple[str, int, int]]]) -> tuple[str, Table]:
    """A table from (text, row_span, col_span) cells laid out left to right, row by row."""
    text, cells, taken = "", [], set()
    for r, row in enumerate(rows):
        c = 0
        for word, rs, cs in row:
            while (r, c) in taken:
                c += 1
            cells.append(Cell(row=r, col=c, row_span=rs, col_span=cs, text=word,
                              start=len(text), end=len(text) + len(word)))
            taken |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            text += word + "\t"
            c += cs
        text += "\n"
    n_cols = max(c for _, c in taken) + 1
    return text, Table(n_rows=len(rows), n_cols=n_cols, cells=cells)


def test_a_group_label_merged_down_the_table_names_no_track() -> None:
    # mafra_high_value_food_rnd_2026: `자유 공모 (17개)` spans every row; rows of N 과제 print
    # the money of N awards, a row of one 과제 its own
    _, table = _table_of([
        [("구분", 2, 1), ("내역사업명", 2, 1), ("분야", 2, 1), ("연구기간", 2, 1), ("정부지원연구개발비(백만원)", 1, 3)],
        [("‘26년", 1, 1), ("총연구비", 1, 1), ("과제수", 1, 1)],
        [("자유\n공모\n(17개)", 3, 1), ("미래대응식품", 3, 1), ("(AI)아이디어 단계", 1, 1), ("1년 9개월", 1, 1),
         ("400", 1, 1), ("932", 1, 1), ("4", 1, 1)],
        [("투자연계형 단계", 1, 1), ("1년 9개월", 1, 1), ("600", 1, 1), ("1,401", 1, 1), ("3", 1, 1)],
        [("기타(유망 식품분야 등)", 1, 1), ("3년 9개월", 1, 1), ("300", 1, 1), ("1,500", 1, 1), ("1", 1, 1)],
    ])
    tracks = Tracks()
    assert read_table(table, "(단위 : 백만 원)", tracks)
    drafts = {d.name: d.terms for d in tracks.drafts()}
    assert "자유 공모 (17개)" not in drafts and "자유\n공모\n(17개)" not in drafts
    assert drafts["투자연계형 단계"].duration[0] == 21
    caps = [f.cap for d in drafts.values() for f in d.funding.values() if f.cap is not None]
    assert 932_000_000 not in caps and 1_401_000_000 not in caps  # the money of 4 and of 3 과제


def test_a_column_headed_총액_is_the_whole_periods_money() -> None:
    # mafra_livestock_issues_master_2021: `… | 연구기간 | 정부지원 연구비 총액`
    assert classify_header("정부지원 연구비 총액").basis == "total"
    assert classify_header("총액").kind == "other"  # the word alone names no payer


@pytest.mark.parametrize("label", [
    "적용기간",  # the 가점 form's `가점 적용 내용 | 적용기산일 | 적용기간 | 가점` (mafra_high_value_food)
    "보유.이용 기간",  # a consent form's `보유.이용 기간 | … 참여종료 후 5년간` (seed 000)
    "공고기간",  # `공고기간 | 전산(iris.go.kr) 등록기간` (pipc_privacy_rnd)
    "전산(iris.go.kr) 등록기간",
    "참여제한 기간",
    "의무 유지기간",
    "사후관리 기간",
])
def test_a_column_of_another_period_than_the_projects_is_no_duration(label: str) -> None:
    assert classify_header(label).kind != "duration"
    assert classify_header("연구개발기간").kind == classify_header("협약기간").kind == "duration"
    table = f"구분\t지원금액\t{label}\n기초\t0.7억원\t2년"
    assert corpus_value(table) == [{"track": "기초", "duration_months": None,
                                    "caps": [["government", 70_000_000, "per_award"]], "awards": None}]


@pytest.mark.parametrize(("line", "months"), [
    # daegutp_startup_scaleup_rnd_2026, under `□ 사업기간`: a deadline and a time after the project
    ("* 협약 후 3개월 이내 본점 이전 및 사업종료 후 2년 동안 지역 내 본점(본사) 유지조건", None),
    ("○ 공고일 기준 2년 이내 민간투자자로부터 1억원 이상 투자유치 기업", None),  # a look back
    ("○ (연구종료 후 5년 이내 달성) 특허 등록 2건 이상", None),  # knpa_policelab_rnd 성과목표
    ("** 최근 5년간 수행완료 과제, 수행 중/신청 중 과제 목록 작성", None),  # mois 신청방법
    ("*1차년도 9개월", None),  # one year of an RFP row's period (mohw_health_rnd_master)
    ("- 선정 후 6개월 이내", 6),
    ("○ 지원기간 : 협약일로부터 10개월 이내", 10),
    ("○ 2026. 4. ~ 2026. 12.(9개월)", 9),
])
def test_counts_in_a_period_section_that_are_no_project_period(line: str, months: int | None) -> None:
    duration = terms_of_text(line, 0, period_cue=True).duration
    assert (duration[0] if duration else None) == months


@pytest.mark.parametrize(("line", "months"), [
    ("※ 사업기간 연장 신청 및 승인을 통해 최대 2개월까지 연장 가능", (None, 2)),  # seed 004: added
    ("○ 지원기간 : 1년 (최대 2년까지 연장 가능)", (12, 12)),  # the total reached: 12 added
    ("□ 사업기간 : 6개월 (최대 6개월까지 연장 가능)", (6, None)),  # added or reached: not said
    ("4개월 (연장 2개월)", (4, 2)),
])
def test_an_extension_up_to_a_total_adds_the_difference(line: str, months: tuple) -> None:
    terms = terms_of_text(line, 0, period_cue=True)
    assert (terms.duration[0] if terms.duration else None,
            terms.extension[0] if terms.extension else None) == months


@pytest.mark.parametrize(("line", "share"), [
    # the class of seed 002's `총 사업비 5% 이내에서 운영비 책정 가능` with items no word list names
    ("- 사업비의 30% 이내에서 장비 구입 가능", None),
    ("- 외주용역비는 총사업비의 50% 이내로 편성", None),
    ("- 마케팅 비용 : 총 사업비의 30% 이내", None),
    ("○ 시제품 제작비는 사업비의 50% 이내 사용 가능", None),
    # a payer's part of the whole cost stays one
    ("○ 사업비 : 총사업비의 75% 이내 지원", ("government", 75)),
    ("○ 정부지원금은 총사업비의 70% 이내로 편성", ("government", 70)),
    ("◦ (지원조건) 소요비용의 50% 지원 (최대 20백만원)", ("government", 50)),
])
def test_a_share_limiting_one_budget_item_is_no_payers_share(line: str, share: tuple | None) -> None:
    found = corpus_value(line)
    assert ((found["payer"], found["share_pct"]) if found and found["share_pct"] else None) == share


@pytest.mark.parametrize(("cell", "months"), [
    ("1차년도 9개월, 총 2년 9개월", 33),  # the first year's months come first: the whole period
    ("3년\n9개월", 45),  # mafra_high_value_food_rnd_2026's RFP rows
    ("’26.4.~’26.12.(9개월)\n※ 종료 후 2년 사후관리", 9),
])
def test_a_period_cell_gives_the_projects_period(cell: str, months: int) -> None:
    duration = cell_terms(cell, 0, classify_header("연구기간")).duration
    assert duration is not None and duration[0] == months


def test_a_preliminary_stages_table_gives_no_terms() -> None:
    # knpa_policelab_rnd_2026: `<사전검증연구> 총 12개 과제` over 3-month, 5천만원 rows
    text = ("□ 지원내용\n\n<사전검증연구> 총 12개 과제\n\n번호\t구분\t문제정의서\t총 연구기간\t총 지원 규모\t형태\n"
            "1\t현안대응\t범죄 악용 통신 체계 탐지 기술 개발\t’26. 3. ~ 5.(3개월)\t과제당 5천만원\t주관\n"
            "2\t국제협력\t국내 과학치안 기술의 활용성과 완성도 제고를 위한 국제 협력 기반 연구\t’26. 3. ~ 5.(3개월)"
            "\t과제당 5천만원\t주관\n")
    for t in extract_tracks(_scope(text)):
        assert t.duration_months != 3
        assert all(f.cap_krw != 50_000_000 for f in t.funding)


def test_a_sheet_rewording_its_rows_title_is_that_row() -> None:
    # mafra_smartfarm_multi_ministry_rnd_2025: the table's title and the RFP sheet's
    row, sheet = Terms(), Terms()
    for t in (row, sheet):
        t.duration = (33, 0, 1)
        t.fund("government", "정부지원연구개발비").set_cap(3_700_000_000, (0, 1), "total")
    tracks = Tracks()
    tracks.add("무인 자율형 젖소 K-FARM 데모축사 모델 구축 및 실증", [(0, 1)], row)
    other = Terms()
    other.duration = (33, 0, 1)
    other.fund("government", "정부지원연구개발비").set_cap(3_700_000_000, (0, 1), "total")
    tracks.add("무인 자율형 양돈 K-FARM 데모축사 모델 구축 및 실증", [(2, 3)], other)
    assert tracks.similar("무인 자율형 양돈 K-Farm 데모축사 구축 및 실증", sheet) == \
        "무인 자율형 양돈 K-FARM 데모축사 모델 구축 및 실증"
    different = Terms()
    different.duration = (21, 0, 1)
    assert tracks.similar("무인 자율형 양돈 K-Farm 데모축사 구축 및 실증", different) == \
        "무인 자율형 양돈 K-Farm 데모축사 구축 및 실증"  # another period: another RFP


@pytest.mark.parametrize(("text", "months"), [
    ("나. 지원기간 : ’25.4월 ~ ’26.12월(9개월+1년)", [21]),  # msit_lab_startup_univ_2025
    ("(1년 9개월 + 1년)\t2,250백만원\t650백만원", [33]),  # mafra_smartfarm_multi_ministry_rnd_2025
    ("□ 지원 기간 : ’26년 3월 ~ ’31년 2월(최대 60개월, 2+2+1년)", [60, 60]),  # motie_industry_talent_training
    ("· (기간) 42개월(1.5년 + 2년)", [42]),  # knpa: a sum not read whole gives no part
    ("이 경우 현금은 연도별 연구개발기간이 종료되기 3개월 전까지 부담 완료해야 함.", []),  # mois_regional_disaster
    ("* 최소 현장 실증 기간은 3개월 이상으로 실시", []),
])
def test_months_of_sums_and_of_times_before_an_event(text: str, months: list[int]) -> None:
    assert [m.months for m in find_months(text)] == months


def test_a_table_of_new_programs_names_one_track_per_row() -> None:
    # motie_industry_talent_training_2026: `’26년 예산` is one year's money, no cap
    text = ("□ 지원 규모 : 총 10개 과제, 24,935백만원\n\n순번\t신규사업명\t지원기간*\t’26년 예산(백만원)\n"
            "1\t반도체핵심IP설계전문인력양성\t5년(‘26.3.∼’31.2)\t6,735\n"
            "2\tSDV기반AI융합기술전문인력양성\t5년(‘26.3.∼’31.2)\t1,300\n")
    _, table = _table_of([[(w, 1, 1) for w in line.split("\t")] for line in text.split("\n")[2:4]]
                         + [[(w, 1, 1) for w in text.split("\n")[4].split("\t")]])
    tracks = Tracks()
    assert read_table(table, "□ 지원 규모 : 총 10개 과제, 24,935백만원", tracks)
    drafts = {d.name: d.terms for d in tracks.drafts()}
    assert list(drafts) == ["반도체핵심IP설계전문인력양성", "SDV기반AI융합기술전문인력양성"]
    assert all(t.duration[0] == 60 and not any(f.cap for f in t.funding.values()) for t in drafts.values())


def test_an_rfp_sheet_whose_labels_name_other_columns() -> None:
    # mois_regional_disaster_rnd_2025: the sheet's money is a total with its split over the years
    _, table = _table_of([
        [("연구개발과제명", 1, 1), ("(경남) 지진 및 강풍 대비 산업단지 위험물 저장시설 모니터링, 위험평가 및 대응 시스템 개발", 1, 3)],
        [("연구개발기간", 1, 1), ("2025년~2027년\n(1단계 2025년~2027년)", 1, 1), ("공모방식", 1, 1), ("지정공모", 1, 1)],
        [("정부지원연구개발비\n(백만원)", 1, 1), ("1,460(’25년 400, 향후 1,060) 이내", 1, 1), ("과제유형", 1, 1),
         ("일반과제", 1, 1)],
        [("(연구목표) 지진 및 강풍을 대비한 IoT 다중센서 이용 산업단지 위험물 저장시설 운영상태 모니터링", 1, 4)],
    ])
    tracks = Tracks()
    assert read_table(table, "2. 연구개발과제", tracks)
    [draft] = tracks.drafts()
    assert draft.name == "(경남) 지진 및 강풍 대비 산업단지 위험물 저장시설 모니터링, 위험평가 및 대응 시스템 개발"
    f = draft.terms.funding["government"]
    assert (f.cap, f.basis) == (1_460_000_000, "total")
    # one year's money alone (`’25년 400`) is no cap, with or without a unit
    col = classify_header("정부지원연구개발비")
    assert cell_terms("’25년 400", 0, col, 1_000_000).funding["government"].cap is None


def test_a_note_in_the_money_cell_names_another_payers_cap() -> None:
    # mois_regional_disaster_rnd_2026: `1,600(’26년 400, 향후 1,200) 이내` over `* 지방비 400 이내, …`
    text = "1,600(’26년 400, 향후 1,200) 이내\n* 지방비 400 이내, 선정시 추가 지원"
    terms = cell_terms(text, 100, classify_header("정부지원연구개발비\n(백만원)"), 1_000_000)
    gov, local = terms.funding["government"], terms.funding["local_government"]
    assert (gov.cap, gov.basis, gov.cap_span) == (1_600_000_000, "total", (100, 105))
    assert (local.cap, local.basis) == (400_000_000, "total")
    assert text[local.cap_span[0] - 100 : local.cap_span[1] - 100] == "400"


def test_a_whole_periods_cap_with_a_years_cap_gives_two_rows() -> None:
    # knpa_policelab_rnd_2026: `총 지원 규모` column, `1개 과제\n총 10억원(연 4억원)*`
    text = ("□ 지원내용\n\n번호\t문제정의서 명\t총 연구기간\t총 지원 규모\t형태\n"
            "1\t범죄 악용 통신 체계 탐지 기술 개발\t’26. 7. ~ ’28. 12.(30개월, 2.5년)\t1개 과제 총 10억원(연 4억원)*\t주관\n"
            "2\t수사 현장에서 정확한 생체증거물 판별과 DNA 확보를 위한 장비 개발\t’26. 7. ~ ’28. 12.(30개월, 2.5년)"
            "\t1개 과제 총 10억원(연 4억원)*\t주관\n")
    tracks = extract_tracks(_scope(text))
    assert tracks
    for t in tracks:
        assert sorted((f.cap_krw, f.cap_basis) for f in t.funding if f.cap_krw) == [
            (400_000_000, "per_year"), (1_000_000_000, "total")]
    col = classify_header("총 지원 규모")
    # a year's cap is read only beside the whole period's: `최대 4억원(연 2억원)` per award is one cap
    assert cell_terms("최대 4억원(연 2억원)", 0, classify_header("지원금")).funding["government"].year_cap is None
    assert cell_terms("총 10억원(연 4억원)*", 0, col).funding["government"].year_cap == 400_000_000


def test_notes_under_another_agencys_starred_program_state_its_terms_not_ours() -> None:
    # msit_lab_startup_univ_2025: the follow-on program of 중기부 is starred, its notes give its size
    lead = ("□ 지원내용\n\n ○ (지원개요) 실험실 창업 준비 지원, 과제당 최대 150백만원 지원\n\n"
            " - 창업에 성공한 초기 실험실 창업기업은 창업중심대학(중기부)*으로 연계, 사업화 자금, "
            "멘토링 등 지원으로 안정적인 후속성장 도모\n\n"
            " * 제한공모를 통한 지원신청 및 지원대상 선정\n\n"
            " * ‘25년도 지원규모(안) : 30개 내외(평균 75백만원, 최대 200백만원)\n")
    caps = [f.cap_krw for t in extract_tracks(_scope(lead)) for f in t.funding]
    assert caps == [150_000_000]
    # with neither another agency nor a hand-over (연계, 이관 …) named, the note's 최대 200백만원
    # is read as ours and contradicts the 150 (both dropped)
    own = lead.replace("창업중심대학(중기부)*으로 연계", "창업중심대학*과 함께")
    assert [f.cap_krw for t in extract_tracks(_scope(own)) for f in t.funding] != [150_000_000]


# the signers of dev calls (corpus/field/gold) and whose money their `지원금` is
@pytest.mark.parametrize(("issuer", "payer"), [
    ("대구광역시장 / 재 대구테크노파크 원장", "local_government"),
    ("대구광역시 수성구청장", "local_government"),
    ("재단법인 울주문화재단 대표이사", "host"),
    ("수원도시재단 이사장", "host"),
    ("국민체육진흥공단 이사장", "host"),
    ("과학기술정보통신부장관 / 경찰청장", None),  # the state's: the default
    ("한국인터넷진흥원장", None),
    ("부총리 겸 교육부장관 / 과학기술정보통신부장관 / 한국연구재단이사장", None),
    ("한국연구재단이사장", None),  # a national agency handing out the state's money
    (None, None),
])
def test_issuer_pays_money_named_by_no_payer(issuer: str | None, payer: str | None) -> None:
    from gonggo.vocab.funding import issuer_payer
    assert issuer_payer(issuer) == payer


def test_funding_row_of_a_box_outside_funding_sections() -> None:
    # ulju_youth_culture_project_2025 (dev): a `공모 세부내용` box, its 지원내용 row lists the tracks
    from gonggo.extractors.tracks import _funding_row_lines, line_terms
    from gonggo.reading.tables import table_of_text
    cell = "- 지원금액 · 커뮤니티 잇소(팀별 최소 200만원 ~ 500만원) · 놀거리 잇소(팀별 최소 300만원 ~ 800만원)"
    text = ("모집규모\t- 8팀 내외\n우대사항\t- 울주군 소재 단체 가산점(5점)\n"
            "지원내용\t" + cell.replace(" · ", "\\n· ") + "\n유의사항\t- 활동기간: 2025년 11월까지")
    text = text.replace("\\n", "\u2028")  # one cell over several lines: rows are split on \n
    table = table_of_text(text)
    for c in table.cells:
        c.text = c.text.replace("\u2028", "\n")
    doc_text = text.replace("\u2028", "\n")
    found = [line_terms(doc_text[ln.start:ln.end]) for ln in _funding_row_lines(doc_text, table)]
    named = {name: t.funding["government"].cap for name, t in found if name}
    assert named == {"커뮤니티 잇소": 5_000_000, "놀거리 잇소": 8_000_000}
    # the 우대사항 row's points and the 모집규모 row are no funding rows
    assert all(not t.funding or name for name, t in found)


# kspo_public_data_contest_2023 (dev): a contest's prize tables, one per 부문
PRIZES = ("□ 시상내역 : 총 상금 6,500,000원\n○ 데이터 활용사례 부문(상금 400만원)\n"
          "상 훈\t시상수\t상 금\t비 고\n대 상\t1\t2,000,000원\t\n최 우 수\t1\t1,000,000원\t\n우 수\t2\t각 500,000원\t\n"
          "○ 데이터 분석사례 부문(상금 210만원)\n"
          "상 훈\t시상수\t상 금\t비 고\n대 상\t1\t1,000,000원\t\n최 우 수\t1\t500,000원\t\n우 수\t2\t각 300,000원\t\n")


def _tracks_of_text(tmp_path, text: str) -> list[Track]:  # type: ignore[no-untyped-def]
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    found = extract_tracks(Scope(doc=doc, start=0, end=len(doc.text)))
    for t in found:
        for f in t.funding:
            assert all(doc.text[e.start:e.end] == e.quote for e in f.evidence)
    return found


def test_prize_tables_top_prize_per_category(tmp_path) -> None:  # type: ignore[no-untyped-def]
    found = _tracks_of_text(tmp_path, PRIZES)
    assert [(t.name, [(f.payer, f.cap_krw) for f in t.funding]) for t in found] == [
        ("데이터 활용사례 부문", [("host", 2_000_000)]), ("데이터 분석사례 부문", [("host", 1_000_000)])]


def test_a_prize_pool_line_alone_is_no_cap(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the category's pool in parentheses and the contest's total are no award's money
    found = _tracks_of_text(tmp_path, "□ 시상내역 : 총 상금 6,500,000원\n○ 데이터 활용사례 부문(상금 400만원)\n")
    assert all(f.cap_krw is None for t in found for f in t.funding)


# daegutp_startup_scaleup_rnd_2026 (dev, a Print-To-PDF text): two numbered parts (Hancom's
# private-use circled digits), each with its own 지원규모 and 지원기간, under `□ 지원구분`
PARTS = ("□ 지원구분\n"
         "\U000f02ce 민간투자연계형 R&D 과제지원\n"
         "국내외 민간투자자로부터 투자를 받은 기업의 R&D 과제 지원\n"
         "\U000f02ce-1 지원대상(주관기관)\n"
         "○ (지역 내) 사업자등록증 기준 본점 또는 사업장 소재지가 대구광역시인법인 또는 개인사업자\n"
         "\U000f02ce-2 지원규모 및 참여조건\n"
         "지원 규모(과제당) ○ 1억원 이내\n"
         "지원기간 ○ 1년 이내 (2026년 11월 15일까지)\n"
         "\U000f02cf 창업초기기업형 R&D 과제지원\n"
         "\U000f02cf-2 지원규모 및 참여조건\n"
         "지원 규모(과제당) ○ 0.71억원 이내\n"
         "지원기간 ○ 1년 이내 (2026년 11월 15일까지)\n"
         "□ 사업비 지원\n")


def test_numbered_parts_are_tracks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    found = _tracks_of_text(tmp_path, PARTS)
    assert [(t.name, t.duration_months, [f.cap_krw for f in t.funding]) for t in found] == [
        ("민간투자연계형 R&D 과제지원", 12, [100_000_000]), ("창업초기기업형 R&D 과제지원", 12, [71_000_000])]


def test_one_numbered_part_alone_names_no_track(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # without a second part numbered after it, the line is no part: two unlabelled caps, none kept
    text = PARTS.replace("\U000f02cf 창업초기기업형 R&D 과제지원\n", "")
    found = _tracks_of_text(tmp_path, text)
    assert [t.name for t in found] == [None]
    assert all(f.cap_krw is None for t in found for f in t.funding)


def test_a_prize_tables_sum_row_is_no_prize(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = PRIZES.replace("우 수\t2\t각 500,000원\t\n", "우 수\t2\t각 500,000원\t\n합 계\t4\t4,000,000원\t\n", 1)
    found = _tracks_of_text(tmp_path, text)
    assert [f.cap_krw for f in found[0].funding] == [2_000_000]


def test_numbered_facets_are_no_parts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # `① 지원대상`, `② 지원내용`: the call's parts by facet; their caps are the program's
    text = ("□ 지원구분\n\U000f02ce 지원대상\n○ 창업 후 7년 이내 기업\n"
            "\U000f02cf 지원내용\n지원 규모(과제당) ○ 1억원 이내\n□ 사업비 지원\n")
    found = _tracks_of_text(tmp_path, text)
    assert [(t.name, [f.cap_krw for f in t.funding]) for t in found] == [(None, [100_000_000])]


# mafra_livestock_issues_master_2021 (dev): the 농진청 program prints no budget line, one table of its
# 과제 with a sum row under the year's money
YEAR_TABLE = ("□ 농촌진흥청 소관 사업 :총 15개 과제(내외부 14,외부 1)\n(단위:백만 원)\n"
              "내역사업명\t과제명\t공모 구분\t’21년 정부지원연구개발비\t’21년 정부지원연구개발비\t’21년 정부지원연구개발비\t정부지원 연구비 총액\n"
              "내역사업명\t과제명\t공모 구분\t계\t시험비\t출연금\t정부지원 연구비 총액\n"
              "가축 생산 효율성 증진\t국내산 조사료 품질 규격화 기술 개발\t내외부\t500\t140\t360\t2,500\n"
              "가축 생산 효율성 증진\t제주마를 활용한 육용마 개량 모형 개발 적용 연구\t외부\t200\t-\t200\t1,000\n"
              "합 계\t합 계\t합 계\t5,810\t1,940\t3,870\t29,890\n")


def _budget_of_text(tmp_path, text: str):  # type: ignore[no-untyped-def]
    from gonggo.extractors.tracks import extract_budget
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    budget = extract_budget(Scope(doc=doc, start=0, end=len(doc.text)))
    if budget is not None:
        assert all(doc.text[e.start:e.end] == e.quote for e in budget.evidence)
    return budget


def test_one_tables_year_sum_is_the_budget(tmp_path) -> None:  # type: ignore[no-untyped-def]
    budget = _budget_of_text(tmp_path, YEAR_TABLE)
    assert budget is not None and budget.krw == 5_810_000_000


def test_two_tables_year_sums_are_no_budget(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # 지정공모 and 자유응모 tables apart: neither sum is the program's
    assert _budget_of_text(tmp_path, YEAR_TABLE + "○ 자유응모과제\n" + YEAR_TABLE.split("\n", 1)[1]) is None


# msit_ict_rnd_2026_rfp_ai_extract (IITP 제안요청서): two of its sheets, each naming its 세부과제 and
# printing its budget by year; the years' money differs, the sum row holds the whole period
def _sheet(name: str, first: str, later: str, total: str) -> str:
    return (f"관리번호\t인공지능\n총괄과제명\t인간 뇌 인지 메카니즘을 모사한 통합 지능 원천 기술 개발\n"
            f"세부과제명\t세부 {name}\n"
            "ㅇ 목표 뇌인지 정보처리 원리를 기반으로 통합 추론 원천기술을 개발\n"
            "구분\t기간\t개월수\t정부지원연구개발비\n"
            f"1단계\t’26.4월∼‘26.12월\t9개월\t{first} 백만원 이내\n"
            f"2단계\t’27.1월∼‘29.12월\t36개월\t{later} 백만원 이내\n"
            f"합계\t-\t45개월\t{total} 백만원 이내\n"
            "* 연차별 정부지원연구개발비는 당해연도 예산심의결과에 따라 변동될 수 있음\n")


def test_each_rfp_sheet_is_a_track_with_its_budget_tables_sum(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = (_sheet("다층적 상황 이해와 창의적 문제 해결을 위한 통합 추론 기술 개발", "3,100", "12,450", "15,550")
            + _sheet("인간 인지 원리를 반영한 인공지능 기억 메커니즘 기술 개발", "2,300", "9,150", "11,450"))
    found = _tracks_of_text(tmp_path, text)
    assert [(t.name, t.duration_months, [(f.payer, f.cap_krw, f.cap_basis) for f in t.funding])
            for t in found] == [
        ("다층적 상황 이해와 창의적 문제 해결을 위한 통합 추론 기술 개발", 45,
         [("government", 15_550_000_000, "total")]),
        ("인간 인지 원리를 반영한 인공지능 기억 메커니즘 기술 개발", 45,
         [("government", 11_450_000_000, "total")]),
    ]
    # a budget table without its sum row states no one cap nor period of the sheet
    assert _tracks_of_text(tmp_path, text.replace("합계", "비고")) == []


# msit_bio_rfp_2026_brain (NRF 지정공모 RFP sheet): the sheet's money row is both awards' money; each
# award's is an item of its prose (`과제별 연구비`), the period another
NRF_SHEET = ("관리번호\t2026-뇌공학-01-지정공모-10\tRFP\n"
             "사업명\t바이오·의료기술개발 - 인공지능바이오\n"
             "RFP명\tK-NeuroMind: 인지기능 브레인 파운데이션 모델 개발\n"
             "지원 정보\t지원기간\t2026.04 ~ 2030.12\t정부지원금\t9,736백만원\n"
             "주관기관유형\t■ 제한없음 □ 기업\n"
             "ㅇ 선정 과제 수 : 2개 과제 내외\n"
             "- 과제별 연구비 : 1차년도 8억원 내외, 2차년도 이후 10.67억원 내외\n"
             "ㅇ 총 연구개발 기간은 5년(3+2)이며, 1차년도 연구개발 기간은 9개월임\n"
             "ㅇ 단계평가 후 계속지원 여부를 결정하고, 연구기간 및 연구예산은 변경될 수 있음\n")


def test_an_rfp_sheet_whose_terms_are_items_of_its_prose(tmp_path) -> None:  # type: ignore[no-untyped-def]
    found = _tracks_of_text(tmp_path, NRF_SHEET)
    assert [(t.name, t.duration_months, [(f.payer, f.cap_krw, f.cap_basis) for f in t.funding])
            for t in found] == [("K-NeuroMind: 인지기능 브레인 파운데이션 모델 개발", 60,
                                 [("government", 1_067_000_000, "per_year")])]
    budget = _budget_of_text(tmp_path, NRF_SHEET)
    assert budget is not None and budget.krw == 9_736_000_000
    # one award: the money row may be its cap as well as the budget; the sheet does not say
    assert _budget_of_text(tmp_path, NRF_SHEET.replace("2개 과제 내외", "1개 과제")) is None
    # the box cut by a line of one cell (a text reader): the title row and money row in later boxes
    cut = NRF_SHEET.replace("사업명", "뇌공학\n사업명", 1).replace("지원 정보", "(TRL : 2단계)\n지원 정보")
    assert [(t.name, t.duration_months) for t in _tracks_of_text(tmp_path, cut)] == [
        ("K-NeuroMind: 인지기능 브레인 파운데이션 모델 개발", 60)]
    assert _budget_of_text(tmp_path, cut).krw == 9_736_000_000
    # two per-award amounts the sheet does not tell apart: no cap, the period still
    two = NRF_SHEET.replace("ㅇ 총 연구", "- 과제별 연구비 : 5억원 내외\nㅇ 총 연구")
    assert [(t.duration_months, t.funding) for t in _tracks_of_text(tmp_path, two)] == [(60, [])]


# kised_dodak_2025: one type of award (성공환원형) gets an added part on top of the base every award
# (일반형) gets; the cap is printed as their sum with the parts in parentheses
ADD_ON = ("□ 협약기간 : 협약시작일로부터 10개월 내외\n"
          "□ 지원내용 : 사업화 자금 최대 3억원(기본 지원사업비 최대 2억원,추가지원사업비 최대 1억원,"
          "평균 1.3억원 내외),창업프로그램 등\n"
          "∙기본 지원사업비 : 창업기업이 일반형 선정 시 배정받은 정부지원사업비\n"
          "∙추가 지원사업비 : 성공환원형에 선정된 창업기업을 대상으로 기본 지원사업비의 최대 50%를 추가로 "
          "지원하는 정부지원사업비\n"
          "• 총 사업비 = 정부지원사업비 70% 이하 + 자기부담사업비* 30% 이상\n")


def _caps_shares(found: list[Track]) -> list[tuple]:
    return [(t.name, t.duration_months, sorted((f.payer, f.cap_krw, f.share_pct) for f in t.funding))
            for t in found]


def test_a_type_adding_money_to_the_base_is_a_track_of_its_own(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert _caps_shares(_tracks_of_text(tmp_path, ADD_ON)) == [
        ("일반형", 10, [("applicant", None, 30), ("government", 200_000_000, 70)]),
        ("성공환원형", 10, [("applicant", None, 30), ("government", 300_000_000, 70)]),
    ]
    # the added type named by the base line's `+ … 선정 시 추가` instead of a definition
    then = ADD_ON.replace("∙추가 지원사업비 : 성공환원형에 선정된 창업기업을 대상으로",
                          "※ 성공환원형 선정 시 추가 사업화자금 지급\n∙비고 :")
    assert [t.name for t in _tracks_of_text(tmp_path, then)] == ["일반형", "성공환원형"]
    # parts that do not add up to the cap, or a type the call does not name: the one track stays
    for text in (ADD_ON.replace("추가지원사업비 최대 1억원", "추가지원사업비 최대 0.5억원"),
                 ADD_ON.replace("창업기업이 일반형 선정 시", "창업기업이 선정 시")):
        assert _caps_shares(_tracks_of_text(tmp_path, text)) == [
            (None, 10, [("applicant", None, 30), ("government", 300_000_000, 70)])]


# kised_dodak_2025's 창업 여부 기준표 (붙임): ownership tests whose percentages are stakes; read as tab
# rows (the text reader) a header cell `신청기업` would have made `50% 이하` the applicant's share
STAKES = ("□ 지원내용 : 사업화 자금 최대 2억원\n"
          "• 총 사업비 = 정부지원사업비 70% 이하 + 자기부담사업비* 30% 이상\n"
          "신청기업\t창업 여부 기준표\n"
          "동종창업\t단독 또는 친족과 합하여 의결권 있는 발행주식 총수의 50% 초과 또는 최대주주\t창업아님\n"
          "단독 또는 친족과 합하여 의결권 있는 발행주식 총수의 50% 이하이면서 최대주주 아님\t창 업\n"
          "자회사 여부\t법인주주(임원 포함)가 의결권 있는 발행주식 총수의\n"
          "50% 초과 소유\t창업아님\n")


def test_a_table_of_ownership_tests_states_no_share(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert _caps_shares(_tracks_of_text(tmp_path, STAKES)) == [
        (None, None, [("applicant", None, 30), ("government", 200_000_000, 70)])]


# msit_ict_rnd_2026 (read as text): a worked example whose caption the reader made a row of its own
# (`\t< 예시 >\t`), then the case and its table by year: no cap
BOXED_EXAMPLE = ("□ 정부지원연구개발비 비례 신규 인력 채용\n\t< 예시 >\t\n"
                 "o 정부지원연구개발비 15억원의 ICT R&D 과제를 총 5년 동안 수행하는 중소기업에 대한 적용\n"
                 "- 채용 시점은 지급받는 정부지원연구개발비가 매 5억원이 되는 시점에 채용\n"
                 "사업연도\t1차년도\t2차년도\t3차년도\n"
                 "해당연도 정부지원연구개발비\t3억\t3억\t3억\n")


def test_a_caption_row_of_its_own_titles_a_worked_example(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert _tracks_of_text(tmp_path, BOXED_EXAMPLE) == []
    # the same table without the caption states a cap
    assert _tracks_of_text(tmp_path, BOXED_EXAMPLE.replace("\t< 예시 >\t\n", "")) != []


# mafra_livestock_disease_rnd_2018 (read as text): the 연구개발계획서 form's blank table by 과제 (`’00년
# 연구비`, `YYYY-MM-D D ~`): a template, no track named `YYYY-MM-D D ~` with a 1백만원 cap
FORM_TABLE = (
    '□ 내역사업 및 과제 목록(시설장비를 신청한 과제만 작성)\n'
    '(단위 : 백만원)\n'
    '순번\t내역사업명\n'
    "('00년 사업별 예산요구서상의 내역사업명을 기재)\t과제명\t’00년 연구비\t총연구기간\t’00년 연구기간\t’00년 해당년차 (O차년도)\n"
    '정부 출연금\t자체 부담금\n'
    '1\t\t\t\t\tYYYY-MM-D D ~\n'
    'YYYY-MM-D D\tYYYY-MM-D D ~\n'
    'YYYY-MM-D D\t\n'
    '2\t\t\t\t\t\t\t\n'
    '3\t\t\t\t\t\t\t\n'
)


def test_a_forms_blank_table_states_no_terms(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert _tracks_of_text(tmp_path, FORM_TABLE) == []


# mafra_high_value_food_rnd_2025 (read as text): the 연구개발계획서 form's budget box (`(단위: 천원)`,
# rows `1 | 1`, `n` over blank cells): no track `n` (nor `단계`) with a 1,000원 cap
FORM_BOXES = (
    ' 1) 연구개발비 지원ㆍ부담계획\n'
    '(단위: 천원)\n'
    '구분\t정부지원\n'
    '연구개발비\t기관부담\n'
    '연구개발비\t그 외 기관 등의 지원금\t합 계\n'
    '지방자치단체\t기타( )\n'
    '단계\t연차\t연구개발기관명\n'
    '(기관역할1｣)\t현금\t현금\t현물\t소계\t현금\t현물\t소계\t현금\t현물\t소계\t현금\t현물\t합계\n'
    '1\t1\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n'
    'n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n'
    '소계\t\t\t\t\t\t\t\t\t\t\t\t\t\n'
    'n\t1\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n'
    'n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n'
    '소계\t\t\t\t\t\t\t\t\t\t\t\t\t\n'
    '총계\t\t\t\t\t\t\t\t\t\t\t\t\t\n'
    ' * 1｣ 주관연구개발기관, 공동연구개발기관 등 연구개발과제 내 해당 연구개발기관의 역할을 기재합니다.\n'
)


def test_a_forms_budget_box_states_no_tracks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert [(t.name, [f.cap_krw for f in t.funding]) for t in _tracks_of_text(tmp_path, FORM_BOXES)] == []


def test_an_example_caption_printed_as_an_item_ends_at_its_sibling_item() -> None:
    """A caption whose box is missing (drawn as an image, or printed where another call prints
    it), as an item among the terms: the next item of its level, the next example's caption,
    another box's caption and a share stated with its bound are no part of the example."""
    text = ("□ 지원규모 및 조건\n\n◦ < 사업비 구성 예시 (정부지원사업비 1.5억원인 경우) >\n\n"
            "◦ (지원조건) 소요비용의 50% 지원 (최대 20백만원)\n\n◦ 사업기간 : 최대 4개월\n")
    [track] = extract_tracks(_scope(text))
    assert _terms(_pay(track, "government")) == (20_000_000, 50, "exact")
    assert track.duration_months == 4
    text = ("□ 지원내용\n\n< 사업비 구성 예시 (정부지원사업비 1.5억원인 경우) >\n\n"
            "* 선정평가 결과에 따라 사업화자금 차등 지원\n\n"
            "• 총 사업비 = 정부지원사업비 70% 이하 + 자기부담사업비 30% 이상\n")
    [track] = extract_tracks(_scope(text))
    assert _terms(_pay(track, "government")) == (None, 70, "max")
    assert _terms(_pay(track, "applicant")) == (None, 30, "min")


def test_a_kinds_table_whose_cells_wrap_states_no_track_terms() -> None:
    """mafra_high_value_food_rnd_2025's 지원·부담 기준 table as its text prints it: each cell over two
    lines, so a kind's row (`대기업, 공기업 | 국제공동연구개발비를 제외한`) reads as the header and
    `대기업` as a payer column: no host share of 50% (the kinds' shares are shares.py's)."""
    text = ("□ 연구개발비의 지원·부담 기준\n\n"
            "대기업, 공기업\t국제공동연구개발비를 제외한\n연구개발비의 50% 이하\t기관부담연구개발비의 15% 이상\n"
            "중견기업\t국제공동연구개발비를 제외한\n연구개발비의 70% 이하\t기관부담연구개발비의 13% 이상\n")
    assert all(f.share_pct is None for t in extract_tracks(_scope(text)) for f in t.funding)


@pytest.mark.parametrize(("line", "terms"), [
    # daegutp_startup_scaleup_rnd_2026 `- 총 사업비의 20% 이상을 민간부담금으로 산정 및 부담`, seed 002 `총 사업비의
    # 50% 이내 지원`, with the whole cost named as R&D calls name it (mafra_high_value_food_rnd_2018
    # `기업부담금을 총 연구개발비의 20% 이상`): variants_funding.share_cost_base_rnd
    ("- 총 연구개발비의 20% 이상을 민간부담금으로 산정 및 부담", ("applicant", 20, "min")),
    ("◦ (지원조건) 정부지원금은 총 연구개발비의 50% 이내 지원", ("government", 50, "max")),
    # the payer as the subject, the whole cost between it and the share
    ("○ 정부출연금은 총 연구비의 75% 이내", ("government", 75, "max")),
    ("○ 자부담은 총 사업비의 30% 이상", ("applicant", 30, "min")),
    # one payer's part or one item's, a kind's share: no share of the track
    ("○ 정부지원연구개발비의 10% 이내", None),
    ("○ 연구시설·장비비는 연구개발비의 20% 이내", None),
    ("○ 중소기업의 경우 정부지원연구개발비는 연구개발비의 75% 이하", None),
])
def test_a_share_of_the_whole_rnd_cost(line: str, terms: tuple | None) -> None:
    from gonggo.extractors.tracks import corpus_value as terms_value

    got = terms_value(line)
    assert (got and (got["payer"], got["share_pct"], got["share_bound"])) == terms or (got is None and terms is None)


@pytest.mark.parametrize(("line", "months"), [
    # the first year's months (pipc_privacy_rnd_2026 `’26년(1차년도) 연구기간은 ’26.4월~12월(9개월)`), then the
    # whole project's period on the same line: the total is the period (GOLD_FIELD)
    ("□ 연구개발기간 : ’26.4.~’26.12.(9개월), 총 2년 9개월 이내", 33),
    ("□ 연구기간 : 2026. 4. 1. ~ 2026. 12. 31.(9개월) / 총 3년 이내", 36),
    ("□ 연구기간 : 9개월(’26.4.~12.) 이후 계속과제로 총 3년", 36),
    # msit_bio_rfp_2026_brain
    ("ㅇ 총 연구개발 기간은 5년(3+2)이며, 1차년도 연구개발 기간은 9개월임", 60),
    # a longer count not called the total, or the total of money: the period read first stays
    ("□ 사업기간 : 협약일 ~ 2026.12.31.(약 8개월), 단 계속지원 시 최대 3년", 8),
    ("□ 사업기간 : 6개월 (총 사업비 3억원)", 6),
])
def test_the_total_period_after_a_part_of_it(line: str, months: int) -> None:
    from gonggo.extractors.tracks import corpus_value as terms_value

    got = terms_value(line)
    assert got is not None and got["duration_months"] == months


def _key_line_sheet(title: str, total: str) -> str:
    # msit_ict_rnd_2026_rfp_ai_extract's sheet with its first box (`관리번호 | 인공지능`, `세부과제명 | …`)
    # printed as labelled lines (variants_layout.table_key_lines)
    return (f"○ 관리번호 : 인공지능\n○ 세부과제명 : 세부 {title}\nㅇ 연구개발기간 년 이내 단계 년 단계 년\n"
            "구분\t기간\t개월수\t정부지원연구개발비\t\n1단계\t1년차\t’26.4월∼‘26.12월\t9개월\t3,100 백만원 이내\t\n"
            f"2년차\t’27.1월∼‘27.12월\t12개월\t4,150 백만원 이내\t\n합계\t-\t21개월\t{total} 백만원 이내\t\n"
            "ㅇ 주관기관 제한없음\n")


def test_an_rfp_sheet_whose_first_box_is_printed_as_labelled_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = (_key_line_sheet("뇌 신경계 원리 기반의 통합 감각 인공지능 모델 개발", "7,250")
            + _key_line_sheet("인간 인지 원리를 반영한 인공지능 기억 메커니즘 기술 개발", "7,000"))
    found = {t.name: (t.duration_months, [f.cap_krw for f in t.funding]) for t in _tracks_of_text(tmp_path, text)}
    assert found == {"뇌 신경계 원리 기반의 통합 감각 인공지능 모델 개발": (21, [7_250_000_000]),
                     "인간 인지 원리를 반영한 인공지능 기억 메커니즘 기술 개발": (21, [7_000_000_000])}


def test_state_payer_named_with_its_kind_of_grant() -> None:
    # issue 13 (r11b): `정부 출연(80%)` (mois_regional_disaster_rnd_2025), and the same line as other
    # calls name the state's grant (`정부 지원`, `국고 보조`, `국비 보조`): each share is its payer's
    from gonggo.extractors.tracks import line_terms
    from gonggo.vocab.funding import find_payer
    for state, other, pct in (("정부 출연", "지방비", 80), ("정부 지원", "자부담", 70), ("국고 보조", "지방비", 50),
                              ("국비 보조", "지방비", 50)):
        _, terms = line_terms(f" ○ 지원형태 : {state}({pct}%), {other}({100 - pct}%)")
        shares = {k: f.share for k, f in terms.funding.items()}
        assert shares["government"] == pct, state
        assert len(shares) == 2 and 100 - pct in shares.values(), state
    # an applicant that is a state-funded institute is no `출연` payer label
    assert find_payer("정부출연연구기관")[1] == "정부"
    assert find_payer("국고보조사업")[1] == "국고"
