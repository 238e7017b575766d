"""The reader of flattened tables without tabs (gonggo/reading/flat.py) on lines copied from the
seeds: cells dealt to columns by the kind the caller types each value with, rows on one line,
wrapped names, sum rows, label tables, spans into the text, and lines that are no table."""

from __future__ import annotations

from dataclasses import replace

import regex

from gonggo.extractors.tracks import FLAT_TABLE
from gonggo.reading.flat import TEXT, Line, header_labels, label_row, read_flat, read_flat_labels
from gonggo.reading.tables import TableSettings


def _lines(text: str, items: tuple[str, ...] = ()) -> list[Line]:
    """The non-empty lines of `text` (stripped) with their offsets; a line starting with one of
    `items` is a list item, read without that marker."""
    out, pos = [], 0
    for raw in text.split("\n"):
        body = raw.strip()
        marker = next((m for m in items if body.startswith(m)), None)
        if marker:
            body = body[len(marker):].strip()
        if body:
            out.append(Line(pos + raw.find(body), body, marker is not None))
        pos += len(raw) + 1
    return out


# 004 (text): after `지원구분 정부지원금 한도 사업기간 접수형태`, one cell per line; 긴급AS
# prints no money nor period (the cells above are merged over both rows).
AS_TEXT = ("AS지원\n최대 20백만원\n\n(총 사업비의 50% 이내)\n\n4개월\n\n(연장 2개월)\n\n정기모집\n\n"
           "(신청기간)\n\n긴급AS\n수시모집\n\n(예산 소진시까지)\n\n"
           "   ※ 사업기간 연장 신청 및 승인을 통해 최대 2개월까지 연장 가능\n\n"
           "[최대 사업기간 6개월(4+2개월)을 초과한 사업수행은 불가]\n")
AS_KINDS = ["track", "payer", "duration", "other"]


def test_cells_one_per_line_are_dealt_to_their_columns() -> None:
    lines = _lines(AS_TEXT, items=("※",))
    grid, n = read_flat(lines, AS_KINDS, FLAT_TABLE)
    assert n == 10  # the `※` note fits no column of a full row: the table ends before it
    assert [grid.texts(r) for r in range(len(grid.rows))] == [
        ["AS지원", "최대 20백만원\n(총 사업비의 50% 이내)", "4개월\n(연장 2개월)", "정기모집\n(신청기간)"],
        ["긴급AS", "", "", "수시모집\n(예산 소진시까지)"],
    ]
    assert grid.totals == set() and grid.n_header == 0 and grid.n_cols == 4
    # every piece keeps its span into the text; a cell continued by a `(…)` line is two pieces
    assert [p.text for p in grid.pieces(0, 2)] == ["4개월", "(연장 2개월)"]
    for r in range(len(grid.rows)):
        for k in range(grid.n_cols):
            assert all(AS_TEXT[p.start:p.end] == p.text for p in grid.pieces(r, k))
        assert [AS_TEXT[p.start:p.end] for p in grid.label_parts[r]] == [grid.texts(r)[0]]
    assert grid.line_starts == [0, AS_TEXT.index("긴급AS")]


def test_a_row_on_one_line_whose_first_cell_is_text() -> None:
    # 002: `구    분 지원횟수, 수당 정부지원금 비중 기업부담금 비중`, then one row on one line
    text = "스마트 마이스터 24회, 회당 35만원 90% 10%"
    grid, n = read_flat(_lines(text), ["track", "other", "payer", "payer"], FLAT_TABLE)
    assert n == 1
    # `회당 35만원` is a unit price (typed as text by the caller): it joins `24회,` in one cell
    assert [p.text for p in grid.pieces(0, 1)] == ["24회, 회당 ", "35만원 "]
    assert grid.texts(0)[0] == "스마트 마이스터"
    assert [p.text.strip() for k in (2, 3) for p in grid.pieces(0, k)] == ["90%", "10%"]


def test_a_wrapped_name_and_a_sum_row() -> None:
    # 002: `구분 사업기간 지원한도 민간부담금 공모유형`, the name `공동활용` / `솔루션 과제` wrapped
    text = ("공동활용\n솔루션 과제\n\n최대 6개월\n\n최대 1.4억원\n\n(정부지원금)\n\n"
            "총 사업비의 30% 이상\n\n(도입기업 현금 부담)\n\n자유공모\n")
    grid, n = read_flat(_lines(text), ["track", "duration", "payer", "payer", "other"], FLAT_TABLE)
    assert n == 8
    assert grid.texts(0) == ["공동활용 솔루션 과제", "최대 6개월", "최대 1.4억원\n(정부지원금)",
                             "30% 이상\n(도입기업 현금 부담)", "자유공모"]  # a cell from its value on
    assert [(p.start, p.end) for p in grid.label_parts[0]] == [(0, 4), (5, 11)]
    # 002 (대중소 상생형): `구 분 정부 대기업 중소기업`, a row summing every track's split
    sums, _ = read_flat(_lines("총 구축비용 30%\n\n30%이상 40%이내\n"), ["track", "payer", "payer", "payer"],
                        FLAT_TABLE)
    assert sums.totals == {0}
    assert sums.texts(0)[:3] == ["총 구축비용", "30%", "30%이상 "]


def test_the_kinds_are_the_callers() -> None:
    # the same layout with another family's typing: the reader knows no funding words
    points = regex.compile(r"\d+\s*점")

    def typed(text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), "points") for m in points.finditer(text)]

    settings = TableSettings(typed=typed, free=("other",), name=lambda t: t in ("서면평가", "발표평가"))
    text = "서면평가\n사업계획의 타당성\n60점\n발표평가\n30점\n"
    grid, n = read_flat(_lines(text), ["track", "other", "points"], settings)
    assert n == 5
    assert [grid.texts(r) for r in range(len(grid.rows))] == [
        ["서면평가", "사업계획의 타당성", "60점"], ["발표평가", "", "30점"]]
    # without the typing, `60점` is text: the second row's value has no column to go to
    grid, n = read_flat(_lines(text), ["track", "other", "points"], TableSettings(free=("other",)))
    assert grid.rows == [] and n == 0


def test_lines_that_are_no_table() -> None:
    # 002: prose after a header-like line; a date line, list items, a labelled prose line
    prose = _lines("1차 - 2021년 1월 22일(금) ~ 2021년 2월 25일(목) - 예산 조기소진 상황에 따라\n")
    grid, n = read_flat(prose, ["track", "duration", "other"], FLAT_TABLE)
    assert (n, grid.rows) == (0, [])
    items = _lines("◦ 스마트공장 구축 또는 구축 예정 중소․중견 제조기업\n◦ (기초) 0.7억원\n", items=("◦",))
    grid, n = read_flat(items, ["track", "payer", "other"], FLAT_TABLE)
    assert (n, grid.rows) == (0, [])  # a list item before any row starts none


# 002 (스마트화 역량강화): `구 분`, names over two header rows (`컨설팅 지원` spans
# `기본 컨설팅 | 심화 컨설팅`, `원포인트 멘토링` both rows), then rows of values
LABEL_TEXT = ("컨설팅 지원\n\n원포인트 멘토링\n기본 컨설팅 심화 컨설팅\n\n총 비용 500만원 1,000만원 100만원\n\n"
              "지원금액 250만원 500만원 100만원\n\n자부담(지방비+기업) 250만원 500만원 -\n")


def test_a_flattened_label_table() -> None:
    grid, n = read_flat_labels(None, _lines(LABEL_TEXT), FLAT_TABLE)
    # the `자부담(지방비+기업)` row names payers of two roles (no one payer's): it ends the table
    assert grid is not None and n == 5
    assert grid.texts(0) == ["", "기본 컨설팅", "심화 컨설팅", "원포인트 멘토링"]
    assert [grid.texts(r) for r in grid.body()] == [
        ["총 비용", "500만원", "1,000만원", "100만원"],
        ["지원금액", "250만원", "500만원", "100만원"],
    ]
    for r in range(len(grid.rows)):
        for k in range(1, grid.n_cols):
            assert all(LABEL_TEXT[p.start:p.end] == p.text for p in grid.pieces(r, k))
    assert [len(grid.pieces(0, k)) for k in (1, 2, 3)] == [1, 1, 1]
    # with a family taking every label, that row reads too, its lone `-` an empty cell
    every = replace(FLAT_TABLE, row_label=lambda _t: True)
    row = label_row("자부담(지방비+기업) 250만원 500만원 -", every)
    assert row is not None and row[0] == "자부담(지방비+기업)"
    assert ["자부담(지방비+기업) 250만원 500만원 -"[s:e] for s, e in row[1]] == ["250만원", "500만원", "-"]


def test_names_without_value_rows_are_no_label_table() -> None:
    lines = _lines("초기 단계 성장 단계\n\n창업 교육 및 멘토링 제공\n")
    assert read_flat_labels(None, lines, FLAT_TABLE) == (None, 0)
    # names that do not divide into the row's cells
    lines = _lines("초기 단계 성장 단계 도약\n\n지원금액 1천만원 3천만원\n")
    assert read_flat_labels(None, lines, FLAT_TABLE) == (None, 0)
    # a row's text cell (`회당 35만원`) is no label table's value
    assert read_flat_labels(None, _lines("스마트 마이스터\n\n지원금액 24회, 회당 35만원\n"), FLAT_TABLE) == (None, 0)
    assert TEXT == "text"


def test_header_labels_of_a_flattened_header() -> None:
    # 004 and 002: a spaced-out `구    분`, qualifiers after their label, a comma list as one label
    assert header_labels("지원구분 정부지원금 한도 사업기간 접수형태", FLAT_TABLE) == [
        ["지원구분"], ["정부지원금", "한도"], ["사업기간"], ["접수형태"]]
    assert header_labels("구    분 지원횟수, 수당 정부지원금 비중 기업부담금 비중", FLAT_TABLE) == [
        ["구    분"], ["지원횟수, 수당"], ["정부지원금", "비중"], ["기업부담금", "비중"]]
    # without qualifiers every word is a label; one word, or a sentence, is no header
    assert header_labels("정부지원금 한도", TableSettings()) == [["정부지원금"], ["한도"]]
    assert header_labels("구분", FLAT_TABLE) is None
    assert header_labels("스마트제조 표준  데이터 포맷 규격화(예, AAS 등) 및 통신방식 표준(예, IEC62541, "
                         "IEC62714 등) 적용 기업", FLAT_TABLE) is None
