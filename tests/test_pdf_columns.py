"""Two-column PDF pages (`ingest.pdf_columns`) and open-sided tables (`pdf_tables.open_sides`)
on real pages of the field corpus and the samples (skipped when ../shared is absent)."""

from __future__ import annotations

import functools
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from gonggo.eval.field import SHARED_CORPUS
from gonggo.ingest.builder import RawTable, ReaderOutput
from gonggo.ingest.pdf import DEFAULT_SETTINGS as S
from gonggo.ingest.pdf import read_pdf
from gonggo.ingest.pdf_layout import PageLayout, layout_page
from gonggo.ingest.pdf_page import Edge, read_page
from gonggo.ingest.pdf_tables import find_tables, open_sides

CORPUS_PDF = SHARED_CORPUS / "pdf"  # found beside the checkout, a worktree one level deeper
SAMPLE_PDF = SHARED_CORPUS.parent / "samples" / "pdf"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    return path


@functools.cache
def _read(path: Path, **settings: bool) -> ReaderOutput:
    return read_pdf(_need(path).read_bytes(), settings or None, isolated=False)


def _layout(path: Path, page: int, **settings: bool) -> PageLayout:
    doc = pdfium.PdfDocument(_need(path).read_bytes())
    s = {**S, **settings}
    try:
        return layout_page(read_page(doc.raw, page - 1, s), s)
    finally:
        doc.close()


def _paragraphs(out: ReaderOutput, page: int) -> list[str]:
    return [b.text for b in out.blocks if b.page == page and b.kind == "paragraph"]


# -- two columns ---------------------------------------------------------------------------


def test_a_two_up_page_is_read_left_column_then_right() -> None:
    # mafra 2017 p.2: two A4 pages on one landscape sheet; PDFium's lines ran across both.
    out = _read(CORPUS_PDF / "mafra_high_value_food_rnd_2017_gonggo.pdf")
    paras = _paragraphs(out, 2)
    assert "◦ 반드시 기업이 주관연구기관으로 신청하여야 함" in paras  # was merged with 최대 5개 …
    assert "-「고등교육법」제2조에 따른 학교" in paras
    assert ("◦ 국가연구개발과제에 참여하는 연구책임자 및 연구원의 참여율은 100퍼센트를 초과할 수 없음"
            in paras)  # a column's wrapped lines join against the column's own width
    order = ["□ 연구기관 신청자격", "□ 연구책임자 신청자격", "□ 연구자 및 연구기관의 참여제한",
             "□ 연구책임자 및 참여연구원의 국가연구개발사업 참여율 초과 제한", "□ 신청방법"]
    at = [paras.index(p) for p in order]
    assert at == sorted(at)


def test_a_two_up_sheet_whose_left_page_is_a_table_reads_its_right_column_as_one() -> None:
    # smartfarm 2021 p.2: the left page is one ruled table, the right page text.
    lay = _layout(CORPUS_PDF / "mafra_smartfarm_multi_ministry_rnd_2021_gonggo.pdf", 2)
    assert len(lay.bands) == 1 and 380 < lay.bands[0].gutter < 470
    out = _read(CORPUS_PDF / "mafra_smartfarm_multi_ministry_rnd_2021_gonggo.pdf")
    assert ("-｢농어업경영체 육성 및 지원에 관한 법률｣제16조와 제19조에 따른 영농조합법인과 "
            "농업회사법인") in _paragraphs(out, 2)


def test_a_full_width_title_over_two_columns_stays_in_place() -> None:
    out = _read(CORPUS_PDF / "mafra_high_value_food_rnd_2018_gonggo.pdf")
    paras = _paragraphs(out, 1)
    assert paras[0].startswith("농림축산식품부 공고")
    assert paras.index("2018년도 고부가가치식품기술개발사업 지정공모과제 시행계획 공고") < \
        paras.index("공고 개요")


@pytest.mark.parametrize(("path", "page", "line"), [
    # label / value lines with the values aligned at one x: one column, not two
    (CORPUS_PDF / "daegutp_startup_scaleup_rnd_2026_gonggo.pdf", 2,
     "지원기간 ○ 1년 이내 (2026년 11월 15일까지)"),
    (SAMPLE_PDF / "kised_dodak_2025_host_orgs.pdf", 2, "소 재 지 대구시 북구 대학로 80 경북대학교 글로벌플라자 124호"),
    # a schedule of aligned cells (unruled) under a full-width heading
    (SAMPLE_PDF / "kised_dodak_2025_gonggo.pdf", 12, "□ 사업 운영일정 ※ 세부 일정은 대내‧외 사정에 따라 변경될 수 있음"),
])
def test_aligned_values_on_a_single_column_page_are_not_columns(path: Path, page: int,
                                                                  line: str) -> None:
    assert _layout(path, page).bands == []
    # the line itself as text (open_sides makes daegutp's label / value lines the table they are)
    lay = _layout(path, page, open_sides=False)
    assert lay.bands == []
    assert line in [ln.text for ln in lay.lines]


def test_switched_off_the_lines_run_across_the_page_as_before() -> None:
    out = _read(CORPUS_PDF / "mafra_high_value_food_rnd_2017_gonggo.pdf", columns=False)
    assert "◦ 반드시 기업이 주관연구기관으로 신청하여야 함" not in _paragraphs(out, 2)


# -- open-sided tables ----------------------------------------------------------------------


def _h(y: float, x0: float, x1: float) -> Edge:
    return Edge("h", y, x0, x1)


def _v(x: float, y0: float, y1: float) -> Edge:
    return Edge("v", x, y0, y1)


# 지원분야 | 지원규모 | 비고     no ruling on the left or right side; the first column's
# 중점주제 | 1억 원   | ※ …      rows are ruled up to the first inner column ruling only
# 에너지   |          |
# 수송     | 5천만 원 |
OPEN = [_h(100, 50, 350), _h(120, 50, 350), _h(140, 50, 150), _h(160, 50, 250),
        _h(180, 50, 350), _v(150, 100, 180), _v(250, 100, 180)]


def test_an_open_sided_table_gets_its_outer_borders() -> None:
    sides = open_sides(OPEN, S["snap_tolerance"])
    assert sorted(sides) == [_v(50, 100, 180), _v(350, 100, 180)]
    (grid,), _ = find_tables(OPEN, {**S, "open_sides": True})
    assert (grid.n_rows, grid.n_cols) == (4, 3)
    assert {(c.row, c.col) for c in grid.cells if c.col == 0} == {(0, 0), (1, 0), (2, 0), (3, 0)}
    (grid,), _ = find_tables(OPEN, {**S, "open_sides": False})
    assert grid.n_cols == 1  # switched off: only the middle column is closed


def test_page_wide_separators_without_an_inner_column_ruling_are_no_table() -> None:
    rules = [_h(100, 50, 550), _h(300, 50, 550), _h(500, 50, 550), _v(600, 90, 510)]
    assert open_sides(rules, S["snap_tolerance"]) == []


def test_the_suwon_table_keeps_its_first_column_with_open_sides() -> None:
    # suwon 2026 p.5: 지원분야 names at x≈100-156, no vertical ruling on the left edge.
    path = CORPUS_PDF / "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"
    names = ["중점주제(학교연계)", "에너지", "수송", "자원순환", "기후적응", "흡수원"]

    def table(out: ReaderOutput) -> RawTable:
        return next(b.table for b in out.blocks if b.page == 5 and b.table is not None)

    on = table(_read(path, open_sides=True))
    assert [c.text for c in on.cells if c.col == 0][1:] == names
    assert {c.text for c in on.cells if c.col == 1} >= {"기업 당 최대 1억 원", "기업 당 최대 5천만 원"}
    off = table(_read(path, open_sides=False))
    assert not any(c.text in names for c in off.cells)


def test_a_law_title_closing_a_line_continues_with_its_article() -> None:
    out = _read(CORPUS_PDF / "mafra_high_value_food_rnd_2018_gonggo.pdf")
    para = next(p for p in _paragraphs(out, 5) if p.startswith("□ 연구책임자 및 연구기관의 자격유무"))
    assert "관리 등에 관한 규정」 제30조제1항에 따른 연구부정행위가 있는 경우" in para
    assert para.endswith("선정 대상에서 제외할 수 있음")
