"""The one table reader (gonggo/reading/tables.py) on real rows copied from dev announcements:
grids from document tables and from tab-flattened lines, heading rows by each family's
settings, sum rows, spans and carried merged labels."""

from __future__ import annotations

import pytest

from gonggo.extractors.evaluation import EVAL_TABLE
from gonggo.extractors.tracks import FUNDING_TABLE, RFP_ROWS
from gonggo.reading.outline import LIST_TABLE
from gonggo.reading.tables import (
    TableSettings,
    caption_rows,
    carried_labels,
    header_rows,
    is_row,
    read_lines,
    read_table,
    split_line,
    spread_nested,
    text_lines,
)
from gonggo.schemas.document import Cell, Table


def _table(rows: list[list[str]]) -> tuple[str, Table]:
    """A table whose cells are laid out in one text, cells tab-joined, rows on lines."""
    text, cells, pos = "", [], 0
    for r, row in enumerate(rows):
        for c, t in enumerate(row):
            cells.append(Cell(row=r, col=c, text=t, start=pos, end=pos + len(t)))
            text += t + ("\t" if c + 1 < len(row) else "\n")
            pos = len(text)
    return text, Table(n_rows=len(rows), n_cols=max(len(r) for r in rows), cells=cells)


# mafra_high_value_food_rnd_2017 (PDF): an RFP table flattened to tab-separated lines.
RFP_TEXT = (
    "내역사업\t연 구 과 제 명\t연구 기간\t출연금\n"
    "’17년\t총\n"
    "기능성·전통식품\t여성 생리전증후군 완화 식품 개발\t4년8개월\t2.5\t17.5\n"
    "오미자 복합추출물을 이용한 인지능력 개선 건강기능식품개발\t2년8개월\t3.0\t12.0\n"
    "5 과제\t13.5\t65.0\n"
    "기자재·신가공\t비용절감형 친환경 HMR 포장용기 개발\t1년8개월\t3.0\t7.5\n"
    "4 과제\t9.0\t31.5\n"
)


def test_split_line_keeps_each_cells_span() -> None:
    text = "앞줄\n" + RFP_TEXT
    lines = text_lines(text, 0, len(text))
    assert lines[1] == (len("앞줄\n"), "내역사업\t연 구 과 제 명\t연구 기간\t출연금")
    at, line = lines[3]
    cells = split_line(line, at)
    assert [c.text for c in cells] == ["기능성·전통식품", "여성 생리전증후군 완화 식품 개발", "4년8개월", "2.5", "17.5"]
    assert all(text[c.start:c.end] == c.text for c in cells)
    assert [c.col for c in cells] == [0, 1, 2, 3, 4]


def test_split_line_keeps_empty_cells_in_their_column() -> None:
    # mafra_high_value_food_rnd_2017: `합계` over empty cells
    cells = split_line("합계\t\t\t\t", 100)
    assert [c.col for c in cells] == [0, 1, 2, 3, 4]
    assert [(c.start, c.end) for c in cells][:2] == [(100, 102), (103, 103)]


def test_rfp_sum_rows_are_marked() -> None:
    lines = text_lines(RFP_TEXT, 0, len(RFP_TEXT))[2:-1]
    grid = read_lines(lines, RFP_ROWS, n_header=0)
    sums = sorted(grid.totals)
    assert [grid.texts(r)[0] for r in sums] == ["5 과제", "4 과제"]
    assert RFP_ROWS.is_total("합계\t\t\t\t")
    assert RFP_ROWS.is_total("총 5개 과제\t13.5")
    assert not RFP_ROWS.is_total("기자재·신가공\t비용절감형 친환경 HMR 포장용기 개발\t1년8개월")
    # `계` alone is no sum word of the flattened RFP rows (titles may start with 계절, 계약)
    assert not RFP_ROWS.is_total("계절 농산물 가공 기술 개발\t2년\t3.0")


def test_funding_heading_rows_end_at_the_first_value_row() -> None:
    _, table = _table([
        ["번호", "문제정의서 명", "총 연구기간", "총 지원 규모", "형태"],
        ["1", "범죄 악용 통신 체계 탐지 기술 개발", "’26. 7. ~ ’28. 12.\n(30개월, 2.5년)",
         "1개 과제\n총 10억원(연 4억원)*", "주관"],
        ["2", "수사 현장에서 정확한 생체증거물 판별과 DNA 확보를 위한 장비 개발",
         "’26. 7. ~ ’28. 12.\n(30개월, 2.5년)", "1개 과제\n총 10억원(연 4억원)*", "주관"],
    ])
    grid = read_table(table, FUNDING_TABLE)
    assert grid.n_header == 1
    assert list(grid.body()) == [1, 2]
    assert grid.totals == set()


def test_funding_sum_names_are_whole_words() -> None:
    for name in ("합계", "합 계", "소계", "계", "총계", "총 합계"):
        assert FUNDING_TABLE.is_total(name), name
    for name in ("합계 점수", "계속지원", "총사업비"):
        assert not FUNDING_TABLE.is_total(name), name


# knpa_policelab_rnd_2026 (HWP): an evaluation table, its sum row `합 계 | 100`.
EVAL_ROWS = [
    ["평가 항목", "평가 지표", "평가 배점"],
    ["연구개발의\n필요성 및 이해도(30)", "· 연구개발의 필요성\n- 연구개발 사안의 현장 필요성, 현장 수요와의 부합성 등", "10"],
    ["성과 활용 계획의 구체성(20)", "· 연구개발 성과 활용 계획의 구체성", "10"],
    ["합 계", "", "100"],
]


def test_evaluation_heading_and_sum_rows() -> None:
    _, table = _table(EVAL_ROWS)
    grid = read_table(table, EVAL_TABLE)
    assert grid.n_header == 1
    assert grid.totals == {3}


def test_evaluation_sum_words_and_their_length() -> None:
    assert EVAL_TABLE.is_total("총점")
    assert EVAL_TABLE.is_total("계 (100)")
    # a long cell that only starts with a sum word is a criterion, not a sum
    assert not EVAL_TABLE.is_total("합계 점수가 60점 미만인 경우 탈락")
    assert not EVAL_TABLE.is_total("계획의 구체성")


def test_evaluation_header_without_points_rows_is_one_row() -> None:
    # `평가항목 | 세부 내용` and nothing scored: the first row heads the table
    _, table = _table([["평가항목", "세부 내용"], ["기술성", "기술의 독창성"], ["사업성", "시장성"]])
    assert header_rows(table, EVAL_TABLE) == 1


# daegutp_startup_scaleup_rnd_2026 (PDF): a document list with a two-row heading.
DOC_ROWS = [
    ["연번", "서류", "서식", "비고", "제출방법", ""],
    ["", "", "", "", "E-mail", "방문"],
    ["1", "사업신청서 1부", "서식 1", "필수", "○", ""],
    ["2", "사업계획서 1부", "서식 2", "필수", "○", ""],
]


def test_list_heading_takes_a_second_row_under_a_spanned_first() -> None:
    _, table = _table(DOC_ROWS)
    assert read_table(table, LIST_TABLE).n_header == 2


def test_list_heading_needs_a_heading_word() -> None:
    # daegutp_startup_scaleup_rnd_2026: data cells, short, but no heading word (서류, 구분, 명 …)
    _, table = _table([["한글문서", "필수", "○"], ["E-mail", "방문", "×"], ["한글문서", "필수", "×"]])
    assert header_rows(table, LIST_TABLE) == 0
    _, table = _table([["연번", "서류", "서식"], ["1", "사업신청서 1부", "서식 1"], ["2", "사업계획서 1부", "서식 2"]])
    assert header_rows(table, LIST_TABLE) == 1


def test_caption_row_counts_with_the_heading() -> None:
    _, table = _table([["<제출 서류 목록>", ""], ["구분", "제출서류"], ["공통", "사업신청서 1부"]])
    table.cells[0].col_span = 2
    table.cells = [c for c in table.cells if not (c.row == 0 and c.col == 1)]
    assert caption_rows(table, LIST_TABLE) == 1
    assert header_rows(table, LIST_TABLE) == 2
    assert caption_rows(table, EVAL_TABLE) == 0  # no caption setting: no caption row


def test_labels_carry_down_a_lost_merge() -> None:
    # a text table keeps the merged `도입 기업` cell on its first row only
    _, table = _table([
        ["구분", "단계", "요건"],
        ["도입 기업", "기초", "강원도 소재 중소기업"],
        ["", "고도화", "- 중간1 수준 이상"],
    ])
    grid = read_table(table, LIST_TABLE)
    row = grid.row(2)
    assert [c.text if c else None for c in row] == ["도입 기업", "고도화", "- 중간1 수준 이상"]
    assert grid.rows[2][0] is not None and grid.rows[2][0].text == ""  # the table is left as it is
    assert [c.text for c in carried_labels(grid.rows, 2, 1) if c] == ["도입 기업", "고도화", "- 중간1 수준 이상"]
    # settings without carry read the row as printed
    plain = read_table(table, TableSettings(header="labels", carry="none"))
    assert plain.row(2)[0] is not None and plain.row(2)[0].text == ""


@pytest.mark.parametrize(("line", "cols", "expected"), [
    ("사업신청서 1부\t서식 1\t필수\t○", 3, True),
    ("한글문서", 2, False),
])
def test_is_row_counts_cells(line: str, cols: int, expected: bool) -> None:
    assert is_row(line, TableSettings(min_cols=cols)) is expected


def test_a_table_nested_in_a_cell_is_spread_over_the_outer_grid() -> None:
    # msit_ict_rnd_2026 PDF p.15: the 중견기업 column's sub-rows are a table inside its cell;
    # the HWP twin spans the same sub-rows over the outer rows and columns.
    heads = ["중소기업", "중견기업", "그 외"]
    own = ["연구개발비의 75%이하", "연구개발비의 70%이내", "연구개발비의 100%이내"]
    inner = [["평균매출액 등이 3천억 원 미만", "75% 이내"], ["평균매출액 등이 3천억 원 이상", "70% 이내"]]
    text, cells = "", []
    for c, t in enumerate(heads):
        cells.append(Cell(row=0, col=c, text=t, start=len(text), end=len(text) + len(t)))
        text += t + "\t"
    text += "\n"
    for c, t in enumerate(own):
        start = len(text)
        text += t + "\n"
        nested = []
        if c == 1:
            sub = []
            for r, row in enumerate(inner):
                for k, part in enumerate(row):
                    sub.append(Cell(row=r, col=k, text=part, start=len(text), end=len(text) + len(part)))
                    text += part + ("\t" if k == 0 else "\n")
            nested = [Table(n_rows=2, n_cols=2, cells=sub)]
        cells.append(Cell(row=1, col=c, text=text[start:len(text)], start=start, end=len(text),
                          nested=nested))
    table = Table(n_rows=2, n_cols=3, cells=cells)
    spread = spread_nested(table, text)
    assert spread.rows_text() == [
        ["중소기업", "중견기업", "중견기업", "그 외"],
        ["연구개발비의 75%이하\n", "연구개발비의 70%이내\n", "연구개발비의 70%이내\n", "연구개발비의 100%이내\n"],
        ["연구개발비의 75%이하\n", "평균매출액 등이 3천억 원 미만", "75% 이내", "연구개발비의 100%이내\n"],
        ["연구개발비의 75%이하\n", "평균매출액 등이 3천억 원 이상", "70% 이내", "연구개발비의 100%이내\n"],
    ]
    for row in spread.grid():
        for cell in row:
            assert cell is not None and text[cell.start:cell.end] == cell.text
    assert spread_nested(Table(n_rows=1, n_cols=1, cells=cells[:1]), text).cells == cells[:1]
