"""Open-sided tables (`pdf_tables.open_sides`, on by default): where a missing outer border is
added, and where a side is refused because it would cut a bordered table's cells. Geometry
cases drawn by hand, then real pages of the field corpus and the samples (skipped when
../shared is absent)."""

from __future__ import annotations

import functools
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from gonggo.eval.field import SHARED_CORPUS
from gonggo.ingest.builder import RawTable, ReaderOutput
from gonggo.ingest.pdf import DEFAULT_SETTINGS as S
from gonggo.ingest.pdf import read_pdf
from gonggo.ingest.pdf_page import Edge, read_page
from gonggo.ingest.pdf_tables import dotted_edges, find_tables, merge_edges, open_sides

CORPUS_PDF = SHARED_CORPUS / "pdf"
SAMPLE_PDF = SHARED_CORPUS.parent / "samples" / "pdf"
TOL = S["snap_tolerance"]


def _h(y: float, x0: float, x1: float) -> Edge:
    return Edge("h", y, x0, x1)


def _v(x: float, y0: float, y1: float) -> Edge:
    return Edge("v", x, y0, y1)


def test_the_default_reads_open_sided_tables() -> None:
    assert S["open_sides"] is True


# 과제번호 | 분야 | RFP명            | 지원규모 | 기간      a bordered table (both sides ruled) whose
# 5-1      | AI   | 구조기반 … 발굴  | 800      | 3년       RFP rows are split into sub-rows ruled from
#                   ├ 800 | 3년                            an inner column (x=200) to the right border
#                   ├ 600 | 2년                            only; between them one title cell spans
#                   └ …                                    x=200 (y 160-180)
BORDERED = [
    _h(100, 50, 400), _h(120, 50, 400),  # header
    _h(140, 200, 400), _h(160, 50, 400), _h(180, 50, 400), _h(200, 200, 400), _h(220, 200, 400),
    _h(240, 50, 400),
    _v(50, 100, 240), _v(120, 100, 240), _v(300, 100, 240), _v(400, 100, 240),
    _v(200, 100, 160), _v(200, 180, 240),  # the inner column, broken by the spanning title
]


def test_rulings_ending_at_an_inner_column_of_a_bordered_table_get_no_side() -> None:
    # the rulings starting at x=200 are crossed by the full-width ones at 160 and 180
    assert open_sides(merge_edges(BORDERED, TOL, TOL, 3.0), TOL) == []
    cells = {c.bbox for t in find_tables(BORDERED, {**S, "open_sides": True})[0] for c in t.cells}
    assert (120, 160, 300, 180) in cells  # the spanning title cell is whole


def test_a_side_inside_a_closed_table_is_refused_but_a_nested_tables_side_is_not() -> None:
    # a closed frame of two cells (50-450 | 450-500, y 80-260); inside its first cell an
    # open-sided table whose rulings run from x=100 to x=400, crossed by a column at x=250
    frame = [_h(80, 50, 500), _h(260, 50, 500), _v(50, 80, 260), _v(450, 80, 260), _v(500, 80, 260)]
    inner = [_h(100, 100, 400), _h(130, 100, 400), _h(160, 100, 400), _h(190, 100, 400),
             _v(250, 100, 190)]
    edges = merge_edges(frame + inner, TOL, TOL, 3.0)
    closed, _ = find_tables(frame + inner, {**S, "open_sides": False})
    assert [len(t.cells) for t in closed] == [2]  # only the frame is closed
    # wholly inside one cell of the frame: the nested table gets its sides, and reads
    assert sorted(open_sides(edges, TOL, closed)) == [_v(100, 100, 190), _v(400, 100, 190)]
    tables, _ = find_tables(frame + inner, {**S, "open_sides": True})
    assert sorted((t.n_rows, t.n_cols) for t in tables) == [(1, 2), (3, 2)]
    # the same rows inside a frame closed in two rows (y 80-170-260): across a cell border
    rows, _ = find_tables(frame + [_h(170, 50, 500)], {**S, "open_sides": False})
    assert open_sides(edges, TOL, rows) == []
    # and the row ruling itself crosses where the side would run
    assert open_sides(merge_edges(frame + inner + [_h(170, 50, 500)], TOL, TOL, 3.0), TOL) == []


# -- real pages --------------------------------------------------------------------------


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    return path


@functools.cache
def _read(path: Path, **settings: bool) -> ReaderOutput:
    return read_pdf(_need(path).read_bytes(), settings or None, isolated=False)


def _cells(path: Path, page: int, **settings: bool) -> set[tuple[float, float, float, float]]:
    doc = pdfium.PdfDocument(_need(path).read_bytes())
    s = {**S, **settings}
    try:
        content = read_page(doc.raw, page - 1, s)
    finally:
        doc.close()
    edges = content.edges + dotted_edges(content.dot_x, content.dot_y, s,
                                         boxes=content.speck_boxes, origin=content.origin)
    return {c.bbox for t in find_tables(edges, s)[0] for c in t.cells}


def _tables(out: ReaderOutput, page: int) -> list[RawTable]:
    return [b.table for b in out.blocks if b.page == page and b.table is not None]


@pytest.mark.parametrize("page", [2, 3, 4])
def test_the_bordered_rfp_tables_of_mohw_keep_their_cells(page: int) -> None:
    # mohw 2026 pp.2-4: sub-rows ruled from the RFP-title column's left edge (x≈212.8) to the
    # right border, a title cell spanning that edge between them; a side there split the
    # titles (`구조기반 신약후 / AI 저분자 보물질 발굴`)
    path = CORPUS_PDF / "mohw_health_rnd_master_2026_gonggo.pdf"
    assert _cells(path, page, open_sides=True) == _cells(path, page, open_sides=False)


def test_the_mohw_rfp_titles_read_whole() -> None:
    out = _read(CORPUS_PDF / "mohw_health_rnd_master_2026_gonggo.pdf")
    texts = {c.text for t in _tables(out, 2) for c in t.cells}
    assert "구조기반 AI 저분자 신약후보물질 발굴" in texts
    assert not any("신약후" in t and "보물질" not in t for t in texts)


def test_the_kised_host_org_sheet_reads_label_value_rows_and_its_program_list_whole() -> None:
    # kised host_orgs p.1: `기 관 현 황` rows ruled on neither side (label | value), and a
    # bordered program list nested in the `창업프로그램 소개` row of an outer table open on the right
    path = SAMPLE_PDF / "kised_dodak_2025_host_orgs.pdf"
    on = _tables(_read(path), 1)

    def rows(t: RawTable) -> list[list[str]]:
        out: dict[int, list[str]] = {}
        for c in t.cells:
            out.setdefault(c.row, []).append(c.text)
        return list(out.values())

    head = [r for t in on for r in rows(t)]
    assert ["문 의 처", "055-291-9336,9307,9308,9345,9356"] in head
    assert ["홈페이지", "https://ccei.creativekorea.or.kr/gyeongnam/"] in head
    programs = [r for r in head if r and r[0] == "1"]
    assert programs == [["1", "투자유치", "G-Start Up 인베스트 브릿지",
                         "역량강화, IR발표, 투자자 밋업을 통한 투자유치 촉진 및 기업 경쟁력 강화"]]
    off = [r for t in _tables(_read(path, open_sides=False), 1) for r in rows(t)]
    assert ["문 의 처", "055-291-9336,9307,9308,9345,9356"] not in off  # lines, not a table
    assert [r for r in off if r and r[0] == "1"] == programs  # the list was read the same
