"""PDF reader: lines, over-printing, line joining, running headers, ruled tables, unmapped glyphs.

Three layers:
- pure functions over synthetic characters (`Char`) and ruling edges (`Edge`);
- small PDFs written by hand here (`minimal_pdf`), read end to end through `read_bytes`;
- the sample PDFs in ../shared/samples/pdf (skipped when absent), with a cross-check of our
  table grids against pdfplumber's own "lines" table finder, which `ingest.pdf_tables`
  reimplements.
"""

from __future__ import annotations

import functools
import math
import random
import re
import tracemalloc
from dataclasses import replace

import pdfplumber
import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonggo.ingest import (
    CorruptDocument,
    EncryptedDocument,
    IngestError,
    ResourceLimit,
    UnsupportedFormat,
    read_bytes,
    read_document,
)
from gonggo.ingest.pdf import DEFAULT_SETTINGS
from gonggo.ingest.pdf_calls import NATIVE, ctypes_calls
from gonggo.ingest.pdf_findings import page_list, unmapped_finding
from gonggo.ingest.pdf_layout import layout_page
from gonggo.ingest.pdf_page import Char, Edge, PageContent, read_page
from gonggo.ingest.pdf_running import PAGE_NUMBER, running_lines
from gonggo.ingest.pdf_tables import (
    SPECK_BYTES,
    GridTable,
    dotted_edges,
    find_tables,
    speck_centres,
)
from gonggo.ingest.pdf_text import (
    Line,
    Paragraph,
    build_lines,
    column_of,
    continues_across,
    group_paragraphs,
    merge_paragraphs,
)
from gonggo.schemas.document import Document, Table

from .conftest import SAMPLES, needs_samples

S = DEFAULT_SETTINGS
PDF_SAMPLES = SAMPLES / "pdf"
EM = 10.0  # font size of the synthetic text: one glyph is one em wide
PAGE = 842.0  # height of the hand-written PDFs' pages (A4)


# --- synthetic characters ----------------------------------------------------------------


def run(text: str, x: float, top: float, size: float = EM) -> list[Char]:
    """`text` set from (x, top), one em a glyph, its spaces drawn as glyphs (as Hancom does)."""
    return [Char(ch, x + i * size, top, x + (i + 1) * size, top + size)
            for i, ch in enumerate(text)]


def words(parts: list[str], x: float, top: float, gap: float, size: float = EM) -> list[Char]:
    """Words placed `gap` apart with no space glyph between them."""
    chars: list[Char] = []
    for part in parts:
        chars += run(part, x, top, size)
        x = chars[-1].x1 + gap
    return chars


def line(text: str, x: float, top: float, size: float = EM) -> Line:
    (only,) = build_lines(run(text, x, top, size), S)
    return only


def lines_of(*rows: tuple[str, float]) -> list[Line]:
    """One line per (text, x), 1.4 em apart from the top of the page."""
    chars = [c for i, (text, x) in enumerate(rows) for c in run(text, x, 100 + 14 * i)]
    return build_lines(chars, S)


def paragraphs(*rows: tuple[str, float]) -> list[str]:
    lines = lines_of(*rows)
    return [p.text for p in group_paragraphs(lines, column_of(lines), S)]


# --- lines and reading order -------------------------------------------------------------


def test_lines_come_top_to_bottom_and_left_to_right_whatever_the_drawing_order() -> None:
    rows = ["□ 사업목적", "○ 지원대상 : 도약기 창업기업", "※ 세부 내용은 붙임 참고"]
    chars = [c for i, text in enumerate(rows) for c in run(text, 72, 100 + 20 * i)]
    random.Random(7).shuffle(chars)
    assert [ln.text for ln in build_lines(chars, S)] == rows


def test_a_smaller_glyph_on_the_baseline_stays_on_its_line() -> None:
    chars = run("지원금", 72, 100) + [Char("*", 102, 103, 106, 109)] + run("최대", 112, 100)
    (only,) = build_lines(chars, S)
    assert only.text == "지원금* 최대"


def test_word_space_from_a_gap_when_no_space_glyph_is_drawn() -> None:
    (spaced,) = build_lines(words(["사업", "목적"], 72, 100, gap=0.5 * EM), S)
    (tight,) = build_lines(words(["사업", "목적"], 72, 100, gap=0.1 * EM), S)
    assert spaced.text == "사업 목적" and not spaced.drawn_spaces
    assert tight.text == "사업목적"


# --- over-printed (fake bold) glyphs -----------------------------------------------------


def _overprinted(text: str, dx: float, dy: float, interleaved: bool) -> list[Char]:
    first = run(text, 72, 100)
    copy = [c._replace(x0=c.x0 + dx, x1=c.x1 + dx, top=c.top + dy, bottom=c.bottom + dy)
            for c in first]
    if interleaved:  # glyph, its copy, next glyph, ...
        return [c for pair in zip(first, copy, strict=True) for c in pair]
    return first + copy  # the whole run drawn a second time


@pytest.mark.parametrize("interleaved", [True, False], ids=["glyph-by-glyph", "run-twice"])
@pytest.mark.parametrize(("dx", "dy"), [(0.0, 0.0), (0.4, 0.0), (0.9, 0.3)])
def test_overprinted_copies_are_read_once(dx: float, dy: float, interleaved: bool) -> None:
    text = "2025년 창업도약패키지(일반형)"
    (only,) = build_lines(_overprinted(text, dx, dy, interleaved), S)
    assert only.text == text
    assert len(only.chars) == len(text)


@pytest.mark.parametrize("text", ["1100만원", "다다익선", "(( 참고 ))"])
def test_genuinely_repeated_characters_are_kept(text: str) -> None:
    (only,) = build_lines(run(text, 72, 100), S)
    assert only.text == text


# --- joining lines broken at the margin --------------------------------------------------

WIDE = "□ 지원대상 : 창업 후 3년 초과 7년 이내 기업 중 지원 대상을 선"  # cut inside 선정


def test_a_word_cut_by_the_margin_is_rejoined_without_a_space() -> None:
    assert paragraphs((WIDE, 72), ("정합니다.", 72)) == [WIDE + "정합니다."]


def test_a_line_broken_after_a_drawn_space_is_rejoined_with_one() -> None:
    first = "○ 신청자격 : 공고일 기준 창업 후 7년 이내이며 아래 요건을 모두 "
    assert paragraphs((first, 72), ("갖춘 기업", 92)) == [first.strip() + " 갖춘 기업"]


@pytest.mark.parametrize("item", ["□ 지원내용 : 사업화 자금", "◦ 신청기간 : 2월 20일까지",
                                  "- 제출서류 : 사업계획서", "※ 세부 내용은 붙임 참고",
                                  "① 실명등록 대상", "2. 신청자격",
                                  # a Latin `o` as a round bullet (msit_ict_rnd 2026 PDF, p.12)
                                  "o 주관연구개발기관, 주관연구개발기관의 장",
                                  "o연구개발계획서는 1년 평균 정부지원연구개발비"])
def test_an_outline_item_is_never_joined_to_the_line_before(item: str) -> None:
    assert paragraphs((WIDE, 72), (item, 72)) == [WIDE, item]


@pytest.mark.parametrize("rest", ["or 2", "o-ring 교체", "oled 패널"])
def test_a_latin_word_starting_with_o_still_continues_a_wrapped_line(rest: str) -> None:
    assert paragraphs((WIDE, 72), (rest, 72)) == [WIDE + " " + rest]


def test_a_line_that_ends_its_sentence_is_not_joined() -> None:
    done = "□ 지원대상 : 창업 후 3년 초과 7년 이내 기업을 모집합니다."
    assert paragraphs((done, 72), ("창업기업의 성장을 지원", 72)) == [done, "창업기업의 성장을 지원"]


def test_ragged_right_joins_only_when_the_next_word_would_not_have_fitted() -> None:
    widest = "○ 평가방법 : 서면평가와 발표평가를 거쳐 최종 선정합니다."
    short = "○ 신청방법 : 누리집에서 온라인으로 접수하고 꼭 아래 "
    assert len(widest) - len(short) == 2  # it ends two em short of the column
    assert paragraphs((widest, 72), (short, 72), ("요건을 확인", 72))[1:] == [
        short + "요건을 확인"]  # `요건을` needs three em: it could not have stayed up there
    assert paragraphs((widest, 72), (short, 72), ("및 서류 확인", 72))[1:] == [
        short.strip(), "및 서류 확인"]  # `및` would have fitted: the break was deliberate


def test_a_continuation_under_the_text_after_a_label_is_joined() -> None:
    # `ㅇ 최종 목표 : 인간 …` wraps under `인간`, far right of the left margin.
    first = "ㅇ 최종 목표 : 인간 뇌의 작동 원리를 이해하기 위해 다중 모달리티 데이터를 "
    under = 72 + first.index("인간") * EM
    assert paragraphs((first, 72), ("통합하여 뇌 파운데이션 모델 개발", under)) == [
        first + "통합하여 뇌 파운데이션 모델 개발"]
    # Half an em off any word start of the line above: somewhere in the middle of the column.
    assert len(paragraphs((first, 72), ("통합하여 개발", under + 0.5 * EM))) == 2


def test_a_centred_caption_after_a_wrapped_line_is_not_joined() -> None:
    assert len(paragraphs((WIDE, 72), ("< 지원내용 >", 72 + 13.5 * EM))) == 2


def test_a_paragraph_continues_on_the_next_page_unless_an_item_starts_there() -> None:
    last = "□ 지원내용 : 최대 3억원을 지원하며 성공환원형에 선정된 경우 추가 "

    def first_paragraph(text: str) -> Paragraph:
        lines = lines_of((text, 72))
        return group_paragraphs(lines, column_of(lines), S)[0]

    a = first_paragraph(last)
    item = first_paragraph("□ 협약기간 : 10개월")
    rest = first_paragraph("지원사업비를 지급합니다.")
    assert not continues_across(a, item, S)
    assert continues_across(a, rest, S)
    merge_paragraphs(a, rest)
    assert a.text == last + "지원사업비를 지급합니다."
    assert a.lines[-1] is rest.lines[0]


# --- running headers and footers ---------------------------------------------------------

HEADER = "2025년도 창업도약패키지(일반형) 창업기업 모집 공고"


def _page(number_line: str | None, body: list[str], header: str | None = HEADER) -> list[Line]:
    out = [line(header, 72, 30)] if header else []
    out += [line(text, 72, 120 + 30 * i) for i, text in enumerate(body)]
    if number_line is not None:
        out.append(line(number_line, 280, 800))
    return out


def test_page_numbers_and_a_repeated_top_line_are_headers_and_footers() -> None:
    pages = [_page(f"- {n} -", ["□ 사업목적", f"본문 {n}쪽 내용입니다."]) for n in range(1, 5)]
    marks = running_lines([(p, PAGE) for p in pages], S)
    assert marks == [{0: "header", 3: "footer"}] * 4  # the repeated `□ 사업목적` is body


def test_bare_page_numbers_count_only_when_they_follow_the_pages() -> None:
    pages = [_page(str(n), ["본문입니다."], header=None) for n in range(1, 4)]
    pages[1][-1] = line("2025", 280, 800)  # a year alone at the foot of page 2
    marks = running_lines([(p, PAGE) for p in pages], S)
    assert marks == [{1: "footer"}, {}, {1: "footer"}]


def test_a_one_off_line_in_the_margin_is_body_text() -> None:
    pages = [_page("- 1 -", ["본문입니다."]), _page("※ 문의 : 042-612-8610", ["본문입니다."])]
    marks = running_lines([(p, PAGE) for p in pages], S)
    assert marks == [{0: "header", 2: "footer"}, {0: "header"}]


@pytest.mark.parametrize("text", ["- 6 -", "6", "6 / 25", "- 6/25 -", "(6)", "6쪽", "- ⅱ -",
                                  "Page 6"])
def test_page_number_shapes(text: str) -> None:
    assert PAGE_NUMBER.match(text)


@pytest.mark.parametrize("text", ["6. 추진일정", "2025년", "- 붙임 -", "제6조"])
def test_not_page_numbers(text: str) -> None:
    assert not PAGE_NUMBER.match(text)


# --- ruled tables ------------------------------------------------------------------------


def _h(y: float, x0: float, x1: float) -> Edge:
    return Edge("h", y, x0, x1)


def _v(x: float, y0: float, y1: float) -> Edge:
    return Edge("v", x, y0, y1)


# 구분 | 지원 내용 (two columns)      The header cell spans columns 1-2, and 기본 spans
# 기본 | 사업화 | 2억원                rows 1-2: no ruling between them.
#      | 추가   | 1억원
SPANNED = [
    _h(100, 50, 350), _h(120, 50, 350), _h(140, 150, 350), _h(160, 50, 350),
    _v(50, 100, 160), _v(150, 100, 160), _v(250, 120, 160), _v(350, 100, 160),
]
SPANS = {(0, 0, 1, 1), (0, 1, 1, 2), (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1), (2, 1, 1, 1),
         (2, 2, 1, 1)}


def _spans(grid: GridTable) -> set[tuple[int, int, int, int]]:
    return {(c.row, c.col, c.row_span, c.col_span) for c in grid.cells}


def test_a_grid_with_merged_cells_gets_row_and_column_spans() -> None:
    (grid,), boxes = find_tables(SPANNED, S)
    assert boxes == []
    assert (grid.n_rows, grid.n_cols) == (3, 3) == grid.plumber_shape()
    assert _spans(grid) == SPANS
    assert grid.bbox == (50, 100, 350, 160)


def test_broken_and_slightly_misaligned_rulings_make_the_same_grid() -> None:
    # Every ruling drawn as two pieces with a 2 pt hole, and nudged by up to 1 pt.
    pieces = []
    for i, e in enumerate(SPANNED):
        mid = (e.start + e.end) / 2
        nudge = (-1.0, 0.0, 1.0)[i % 3]
        pieces += [e._replace(pos=e.pos + nudge, end=mid - 1), e._replace(pos=e.pos + nudge,
                                                                           start=mid + 1)]
    (grid,), _ = find_tables(pieces, S)
    assert _spans(grid) == SPANS


def test_a_lone_ruled_box_is_a_box_and_two_grids_are_two_tables() -> None:
    box = [_h(300, 50, 350), _h(400, 50, 350), _v(50, 300, 400), _v(350, 300, 400)]
    tables, boxes = find_tables(box, S)
    assert tables == [] and boxes == [(50, 300, 350, 400)]
    lower = [e._replace(pos=e.pos + 500) if e.orient == "h" else
             e._replace(start=e.start + 500, end=e.end + 500) for e in SPANNED]
    tables, _ = find_tables(lower + SPANNED, S)
    assert [t.bbox[1] for t in tables] == [100, 600]


# A form cell with a small grid drawn against its top-right corner (their borders touch, so
# pdfplumber returns one table whose cells overlap): 접수 | (the cell holding the grid)
#                                                   기간 | 2월 20일 ~ 3월 6일
NESTED = [
    _h(100, 50, 350), _h(200, 50, 350), _h(250, 50, 350), _h(120, 250, 350), _h(140, 250, 350),
    _v(50, 100, 250), _v(150, 100, 250), _v(350, 100, 250), _v(250, 100, 140), _v(300, 100, 140),
]


def overlapping_slots(n_rows: int, n_cols: int, cells: list[tuple[int, int, int, int]]) -> int:
    """How many grid slots more than one cell covers (cells as row, col, row_span, col_span)."""
    slots = [(r, k) for row, col, rs, cs in cells
             for r in range(row, row + rs) for k in range(col, col + cs)]
    assert all(0 <= r < n_rows and 0 <= k < n_cols for r, k in slots)
    return len(slots) - len(set(slots))


def test_a_grid_drawn_against_a_cell_border_is_a_table_of_its_own() -> None:
    tables, boxes = find_tables(NESTED, S)
    assert boxes == []
    assert sorted((t.bbox, (t.n_rows, t.n_cols)) for t in tables) == [
        ((50, 100, 350, 250), (2, 2)), ((250, 100, 350, 140), (2, 2))]
    for t in tables:
        assert overlapping_slots(t.n_rows, t.n_cols, [
            (c.row, c.col, c.row_span, c.col_span) for c in t.cells]) == 0


def test_dotted_rulings_become_edges_and_stray_specks_do_not() -> None:
    row = [(50 + 1.2 * i, 200.0) for i in range(100)]  # a dotted line at y=200
    specks = [(50.0, 300.0), (90.0, 300.0)]
    xs, ys = zip(*(row + specks), strict=True)
    edges = dotted_edges(list(xs), list(ys), S)
    assert len(edges) == 1
    (e,) = edges
    assert (e.orient, e.pos, e.start) == ("h", 200.0, 50.0) and e.end == pytest.approx(168.8)


def _dotted_by_sorting(xs: list[float], ys: list[float]) -> list[Edge]:
    """dotted_edges as its docstring says it: all specks sorted by (band, position), cut
    where the band changes or the gap is too wide."""
    out = []
    if len(xs) < S["dotted_min_dots"]:
        return out
    for orient, across, along in (("h", ys, xs), ("v", xs, ys)):
        runs: list[list[tuple[int, float]]] = []
        for band, at in sorted((round(2 * a), p) for a, p in zip(across, along, strict=True)):
            if runs and runs[-1][-1][0] == band and at - runs[-1][-1][1] <= S["dotted_max_gap"]:
                runs[-1].append((band, at))
            else:
                runs.append([(band, at)])
        out += [Edge(orient, run[0][0] / 2, run[0][1], run[-1][1]) for run in runs
                if len(run) >= S["dotted_min_dots"]
                and run[-1][1] - run[0][1] >= S["edge_min_length"]]
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.booleans(),
                          st.floats(0.5, 6.0)), max_size=12), st.randoms())
def test_dotted_edges_are_the_runs_of_the_sorted_specks(lines, rnd) -> None:  # type: ignore[no-untyped-def]
    """Rows and columns of specks at random steps (some wider than a ruling's gaps), with
    jitter inside a band and lone specks, in any drawing order."""
    xs: list[float] = []
    ys: list[float] = []
    for a, b, vertical, step in lines:
        for i in range(rnd.randint(1, 30)):
            along, across = 5 * a + step * i, 5 * b + rnd.choice((0.0, 0.1, 0.2))
            xs.append(across if vertical else along)
            ys.append(along if vertical else across)
    order = list(range(len(xs)))
    rnd.shuffle(order)
    xs, ys = [xs[i] for i in order], [ys[i] for i in order]
    expected = _dotted_by_sorting(xs, ys)
    assert dotted_edges(xs, ys, S, vectorised=False) == expected
    assert dotted_edges(xs, ys, S, vectorised=True) == expected  # numpy, on big pages


def test_dotted_edges_numpy_keeps_the_python_signs_types_and_errors() -> None:
    """Specks in the band around 0 (a -0.2 centre rounds to -0.0 in numpy, to 0 in Python)
    give a ruling at +0.0 as Python floats; a NaN centre raises as the Python grouping does."""
    xs = [10.0 + i for i in range(8)] + [-0.2] * 8
    ys = [-0.2] * 8 + [10.0 + i for i in range(8)]
    for vectorised in (False, True):
        edges = dotted_edges(xs, ys, S, vectorised=vectorised)
        assert [(e.orient, e.pos, e.start, e.end) for e in edges] == [
            ("h", 0.0, 10.0, 17.0), ("v", 0.0, 10.0, 17.0)]
        assert all(math.copysign(1.0, e.pos) == 1.0 and type(e.start) is float for e in edges)
        with pytest.raises(ValueError):
            dotted_edges([*xs, math.nan], [*ys, 5.0], S, vectorised=vectorised)


# --- unmapped glyphs ---------------------------------------------------------------------


def test_page_list_folds_runs() -> None:
    assert page_list([1, 3, 6, 7, 8, 10, 11]) == "1, 3, 6-8, 10-11"


def test_unmapped_finding_names_pages_over_the_noise_floor() -> None:
    finding = unmapped_finding({2: 5, 3: 1, 5: 12}, {}, None, S)
    assert finding is not None
    assert (finding.code, finding.pages, finding.severity) == ("unmapped_glyphs", [2, 5], "error")
    assert finding.message.startswith("2, 5쪽: 17자는 글꼴에 유니코드 대응이 없어")
    quiet = unmapped_finding({4: 3}, {7: 1}, (4, "공고 제\ufffd\ufffd호"), S)
    assert quiet is not None and (quiet.pages, quiet.severity) == ([4], "warning")
    assert quiet.message.endswith('예: 4쪽 "공고 제\ufffd\ufffd호"')
    assert unmapped_finding({1: 1}, {2: 1}, None, S) is None


# --- hand-written PDFs, end to end -------------------------------------------------------


def minimal_pdf(*pages: str) -> bytes:
    """A PDF whose pages (A4) have the given content streams.

    Fonts: /F1 Helvetica; /K a CID font (Identity-H, 1000 units a glyph) with a ToUnicode
    map, so `{사업 목적}` in a stream is set as Korean text (characters beyond the BMP get
    private-use codes); /U the same font without ToUnicode: glyphs with no Unicode mapping.
    """
    texts = "".join(m for p in pages for m in re.findall(r"\{([^}]*)\}", p))
    astral = sorted({c for c in texts if ord(c) > 0xFFFF})

    def code(c: str) -> int:
        return ord(c) if ord(c) <= 0xFFFF else 0xE000 + astral.index(c)

    used = sorted(set(texts), key=code)
    pairs = [f"<{code(c):04X}> <{c.encode('utf-16-be').hex().upper()}>" for c in used]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /KU def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange "
            + "".join(f"{len(pairs[i:i + 100])} beginbfchar {' '.join(pairs[i:i + 100])} "
                      "endbfchar " for i in range(0, len(pairs), 100))
            + "endcmap CMapName currentdict /CMap defineresource pop end end").encode()

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)

    def hex_run(m: re.Match[str]) -> str:
        return "<" + "".join(f"{code(c):04X}" for c in m.group(1)) + ">"

    cid = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Batang /Encoding /Identity-H "
           b"/DescendantFonts [6 0 R]")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(cmap),
        (b"<< /Type /FontDescriptor /FontName /Batang /Flags 4 /FontBBox [0 -200 1000 800] "
         b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"),
        (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Batang /CIDSystemInfo << /Registry "
         b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 >>"),
        cid + b" /ToUnicode 4 0 R >>",
        cid + b" >>",
    ]
    kids = []
    for p in pages:
        objs.append(stream(re.sub(r"\{([^}]*)\}", hex_run, p).encode("latin-1")))
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 3 0 R /K 7 0 R /U 8 0 R >> >> >>" % len(objs))
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def text_at(x: float, y: float, text: str, font: str = "K", size: float = EM) -> str:
    """Content-stream operators drawing `text` with its baseline at (x, y) (PDF coordinates)."""
    body = f"({text})" if font == "F1" else f"{{{text}}}"
    return f"BT /{font} {size:g} Tf {x:g} {y:g} Td {body} Tj ET\n"


def glyphs_at(x: float, y: float, n: int) -> str:
    """`n` glyphs of the font without ToUnicode, by glyph number as in a subset font."""
    codes = "".join(f"{3 + i:04X}" for i in range(n))
    return f"BT /U {EM:g} Tf {x:g} {y:g} Td <{codes}> Tj ET\n"


def footer(n: int) -> str:
    return text_at(280, 30, f"- {n} -", font="F1")


def ruling(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"{x0:g} {y0:g} m {x1:g} {y1:g} l S\n"


def _body(doc: Document, kind: str = "paragraph") -> list[str]:
    return [doc.block_text(b) for b in doc.blocks if b.kind == kind]


def test_pdf_text_is_read_in_reading_order_not_drawing_order() -> None:
    stream = (text_at(72, 600, "셋째 줄입니다.") + text_at(172, 700, "둘째 칸") +
              text_at(72, 700, "첫째 칸") + text_at(72, 650, "둘째 줄입니다."))
    doc = read_bytes(minimal_pdf(stream), "order.pdf")
    assert _body(doc) == ["첫째 칸 둘째 칸", "둘째 줄입니다.", "셋째 줄입니다."]


def test_pdf_fake_bold_heading_is_read_once() -> None:
    # PDFium itself drops an exact copy of a whole text object, so the copy is drawn in two
    # pieces, as the runs of the over-printed headings in the samples are.
    title = "창업기업 모집 공고"
    copy = text_at(72.4, 700, "창업기업", size=20) + text_at(152.4, 700, " 모집 공고", size=20)
    data = minimal_pdf(text_at(72, 700, title, size=20) + copy)
    doc = pdfium.PdfDocument(data)
    drawn = read_page(doc.raw, 0, S).chars
    doc.close()
    assert len(drawn) == 2 * len(title)  # PDFium reports every glyph twice
    assert _body(read_bytes(data, "bold.pdf")) == [title]


def test_pdf_page_numbers_and_running_title_are_footers_and_headers() -> None:
    pages = [text_at(150, 800, "2025년 창업도약패키지 공고") + text_at(72, 500, f"{n}쪽 본문입니다.")
             + footer(n) for n in range(1, 4)]
    doc = read_bytes(minimal_pdf(*pages), "running.pdf")
    by_kind = [(b.kind, b.page, doc.block_text(b)) for b in doc.blocks]
    for n in range(1, 4):
        assert ("header", n, "2025년 창업도약패키지 공고") in by_kind
        assert ("footer", n, f"- {n} -") in by_kind
        assert ("paragraph", n, f"{n}쪽 본문입니다.") in by_kind
    assert len(by_kind) == 9


def strokes(edges: list[Edge]) -> str:
    """The rulings as stroked lines of a content stream."""
    return "0.5 w\n" + "".join(
        ruling(e.start, PAGE - e.pos, e.end, PAGE - e.pos) if e.orient == "h"
        else ruling(e.pos, PAGE - e.start, e.pos, PAGE - e.end) for e in edges)


def text_in(x: float, top: float, text: str) -> str:
    """`text` whose glyph boxes start at `top` in page coordinates (y down, as in `Char`)."""
    return text_at(x, PAGE - top - 0.8 * EM, text)  # the font's ascent is 800 units


def test_pdf_ruled_table_keeps_spans_and_cell_text() -> None:
    cells = (text_in(55, 105, "구분") + text_in(155, 105, "지원 내용") + text_in(55, 125, "기본")
             + text_in(155, 125, "사업화") + text_in(255, 125, "2억원") + text_in(155, 145, "추가")
             + text_in(255, 145, "1억원"))
    doc = read_bytes(minimal_pdf(strokes(SPANNED) + cells), "table.pdf")
    (block,) = [b for b in doc.blocks if b.kind == "table"]
    table = block.table
    assert table is not None and (table.n_rows, table.n_cols) == (3, 3)
    assert {(c.row, c.col, c.row_span, c.col_span) for c in table.cells} == SPANS
    assert table.rows_text() == [["구분", "지원 내용", "지원 내용"], ["기본", "사업화", "2억원"],
                                 ["기본", "추가", "1억원"]]


def test_pdf_grid_in_a_cell_is_a_nested_table_of_that_cell() -> None:
    cells = (text_in(55, 140, "접수") + text_in(255, 105, "1차") + text_in(305, 105, "2차")
             + text_in(255, 125, "2월") + text_in(305, 125, "3월") + text_in(55, 220, "기간")
             + text_in(155, 220, "2월 20일 ~ 3월 6일"))
    doc = read_bytes(minimal_pdf(strokes(NESTED) + cells), "nested.pdf")
    (block,) = [b for b in doc.blocks if b.kind == "table"]
    table = block.table
    assert table is not None and (table.n_rows, table.n_cols) == (2, 2)
    holder = next(c for c in table.cells if c.nested)
    assert (holder.row, holder.col) == (0, 1)
    (inner,) = holder.nested
    assert inner.rows_text() == [["1차", "2차"], ["2월", "3월"]]
    assert table.rows_text()[1] == ["기간", "2월 20일 ~ 3월 6일"]


def test_pdf_glyphs_without_unicode_are_a_finding_with_their_pages() -> None:
    pages = [text_at(72, 700, "공고 제1호입니다.") + footer(1),
             text_at(72, 700, "공고 번호 :") + glyphs_at(132, 700, 2) + footer(2),
             text_at(72, 700, "날짜 :") + glyphs_at(112, 700, 2) + footer(3)]
    doc = read_bytes(minimal_pdf(*pages), "unmapped.pdf")
    (finding,) = [f for f in doc.findings if f.code == "unmapped_glyphs"]
    assert finding.pages == [2, 3] and finding.severity == "warning"
    assert finding.message.startswith("2-3쪽: 4자는 글꼴에 유니코드 대응이 없어")
    assert "공고 제1호입니다." in doc.text


def test_pdf_characters_beyond_the_bmp_are_one_character() -> None:
    bullet = "\U000F02FC"  # Hancom's SPUA-A bullet, two UTF-16 units in PDFium's text page
    doc = read_bytes(minimal_pdf(text_at(72, 700, f"{bullet} 외국법인 공동과제")), "spua.pdf")
    assert doc.text == "▪ 외국법인 공동과제"  # one character, then mapped (ingest.glyphs)
    doc.model_dump_json()  # lone surrogates would fail here (and on any UTF-8 output)


def dotted(x0: float, x1: float, y: float, step: float = 1.2) -> str:
    """A dotted rule as Hancom draws one: a filled half-point square per dot."""
    n = int((x1 - x0) / step)
    return "".join(f"{x0 + i * step:g} {y:g} 0.5 0.5 re f\n" for i in range(n))


def test_the_ctypes_calls_read_pages_as_the_cffi_calls_do() -> None:
    """`pdf_calls`: the fallback (ctypes on addresses) and the default give the same page."""
    stream = (strokes(TWO_BY_TWO) + dotted(72, 372, 500) + text_in(80, 255, "구분")
              + text_at(72, 700, "\U000F02FC 공고 번호 :") + glyphs_at(172, 700, 3) + footer(1))
    doc = pdfium.PdfDocument(minimal_pdf(stream))
    try:
        ours, fallback = read_page(doc.raw, 0, S), read_page(doc.raw, 0, S, ctypes_calls())
    finally:
        doc.close()
    assert NATIVE.via == "cffi" and ctypes_calls().via == "ctypes"
    assert len(ours.speck_boxes) == 250 * SPECK_BYTES and len(ours.edges) == 6
    assert ours.unmapped_chars == 3
    assert ours == fallback


PYTHON_LOOPS = replace(NATIVE, scan=None)


def test_the_c_loops_are_built() -> None:
    """`_pdfscan` is built when the package is installed with a compiler (setup.py); a build
    that failed quietly (`optional=True`) would leave the reader on its slower Python loops."""
    assert NATIVE.scan is not None, "gonggo/ingest/_pdfscan.c was not built (no C compiler?)"


def test_the_c_loops_read_pages_as_the_python_loops_do() -> None:
    """`pdf_calls.Scan`: characters (SPUA pair, unmapped glyphs, generated spaces) and
    graphics (rulings, specks, outline glyphs) read alike with and without the C loops."""
    stream = (strokes(TWO_BY_TWO) + dotted(72, 372, 500) + text_in(80, 255, "구분")
              + text_at(72, 700, "\U000F02FC 공고 번호 :") + text_at(72, 660, "A  B", "F1")
              + glyphs_at(172, 700, 3) + text_at(72, 620, "글꼴 없음", "U") + footer(1))
    doc = pdfium.PdfDocument(minimal_pdf(stream))
    try:
        ours, python = read_page(doc.raw, 0, S), read_page(doc.raw, 0, S, PYTHON_LOOPS)
    finally:
        doc.close()
    assert len(ours.speck_boxes) == 250 * SPECK_BYTES and ours.unmapped_chars > 3
    assert ours == python


def test_the_c_loops_stop_at_a_spent_form_budget_as_python_does() -> None:
    """A form fanning out 10 wide and 4 deep spends the page's object budget (1,000 here):
    both loops stop at it, keeping the specks drawn before it and none after."""
    from tests.fuzz.generators import FONT, pdf_pages
    from tests.fuzz.generators import stream as pdf_stream

    extra = [FONT]
    for d in range(4):
        last = d == 3
        body = b"0 0 m 50 50 l S\n" if last else b"q 1 0 0 1 1 1 cm /X Do Q\n" * 10
        res = b"<< >>" if last else b"<< /XObject << /X %d 0 R >> >>" % (5 + d)
        extra.append(pdf_stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                b"/Resources " + res, body))
    content = (dotted(72, 372, 500) + "/X Do\n" + dotted(72, 372, 400)).encode()
    extra.append(pdf_stream(b"", content))
    data = pdf_pages([4 + 4], b"<< /Font << /F1 3 0 R >> /XObject << /X 4 0 R >> >>", extra)
    small = {**S, "max_objects_per_page": 1000}
    doc = pdfium.PdfDocument(data)
    try:
        ours, python = read_page(doc.raw, 0, small), read_page(doc.raw, 0, small, PYTHON_LOOPS)
    finally:
        doc.close()
    assert ours.truncated and len(ours.speck_boxes) == 250 * SPECK_BYTES
    assert ours == python


@needs_samples
@pytest.mark.parametrize("name", sorted(p.name for p in (SAMPLES / "pdf").glob("*.pdf")))
def test_the_c_loops_read_the_sample_pdfs_as_python_does(name: str) -> None:
    doc = pdfium.PdfDocument(SAMPLES / "pdf" / name)
    try:
        for i in range(len(doc)):
            assert read_page(doc.raw, i, S) == read_page(doc.raw, i, S, PYTHON_LOOPS), i + 1
    finally:
        doc.close()


def _page_specks(data: bytes, index: int = 0) -> PageContent:
    doc = pdfium.PdfDocument(data)
    try:
        return read_page(doc.raw, index, S)
    finally:
        doc.close()


def _specks_grouped_alike(content: PageContent) -> list[Edge]:
    """The page's raw speck boxes give the same edges through numpy (from the bytes), through
    Python (from their centres) and as the centres' lists; returns those edges."""
    xs, ys = speck_centres(content.speck_boxes, content.origin)
    assert len(xs) == len(content.speck_boxes) // SPECK_BYTES
    expected = dotted_edges(xs, ys, S, vectorised=False)
    for vectorised in (False, True):
        assert dotted_edges([], [], S, vectorised=vectorised, boxes=content.speck_boxes,
                            origin=content.origin) == expected
    return expected


def test_raw_speck_boxes_give_the_edges_of_their_centres() -> None:
    """`pdf_page` keeps the specks' boxes raw (`PageContent.speck_boxes`); numpy groups them
    from the bytes, Python from their centres: the same edges, here a dotted rule at y=500
    (page top 842: 342 down) and one at y=420 with a wider step."""
    content = _page_specks(minimal_pdf(strokes(TWO_BY_TWO) + dotted(72, 372, 500)
                                       + dotted(72, 300, 420, step=2.0) + footer(1)))
    edges = _specks_grouped_alike(content)
    assert [(e.orient, round(e.pos, 2)) for e in edges] == [("h", 342.0), ("h", 422.0)]


@needs_samples
def test_raw_speck_boxes_of_a_sample_page_give_the_edges_of_their_centres() -> None:
    """The same on a real page of Hancom's dotted borders (kised_dodak_2025_gonggo p.18:
    6,180 specks, 18 dotted rulings)."""
    content = _page_specks((PDF_SAMPLES / "kised_dodak_2025_gonggo.pdf").read_bytes(), 17)
    assert len(content.speck_boxes) // SPECK_BYTES == 6180
    assert len(_specks_grouped_alike(content)) == 18


# --- sample PDFs -------------------------------------------------------------------------


@functools.cache
def sample(name: str) -> Document:
    return read_document(PDF_SAMPLES / name)


def _in_order(text: str, parts: list[str]) -> bool:
    at = [text.find(p) for p in parts]
    return -1 not in at and at == sorted(at)


@needs_samples
def test_sample_cover_page_reads_top_to_bottom() -> None:
    doc = sample("kised_dodak_2025_gonggo.pdf")
    assert _in_order(doc.text, ["중소벤처기업부 공고 제2025–147호", "2025년도 창업도약패키지(일반형)",
                                "창업기업 모집 수정 공고", "다음과 같이 모집합니다.", "2025년 2월 20일",
                                "중소벤처기업부 장관"])


@needs_samples
def test_sample_form_table_keeps_labels_beside_their_values() -> None:
    # A form that pdftotext scrambles (see MANIFEST): each label sits in the row of its value.
    doc = sample("msit_bio_rfp_2026_brain.pdf")
    table = next(b.table for b in doc.blocks if b.table is not None)
    value: dict[str, str] = {}
    for r in table.rows_text():
        value.setdefault(r[0], next(t for t in r if t != r[0]))
    assert value["사업명"] == "바이오·의료기술개발 - 인공지능바이오"
    assert value["RFP명"].startswith("K-NeuroMind: 인지기능 브레인 파운데이션 모델 개발")


@needs_samples
def test_sample_overprinted_heading_is_read_once() -> None:
    name = "kised_dodak_2025_qna.pdf"
    with pdfplumber.open(PDF_SAMPLES / name) as pdf:
        raw = pdf.pages[0].extract_text()
    assert "창창업업도도약약" in raw  # the page really draws its heading glyphs twice
    doc = sample(name)
    assert "2025년 창업도약패키지(일반형)" in doc.text
    assert "창창" not in doc.text and "년년" not in doc.text


@needs_samples
def test_sample_lines_cut_by_the_margin_are_joined() -> None:
    doc = sample("kised_dodak_2025_gonggo.pdf")
    blocks = [doc.block_text(b) for b in doc.blocks]
    joined = ("∙추가 지원사업비 : 성공환원형에 선정된 창업기업을 대상으로 기본 지원사업비의 최대 50%를 "
              "추가로 지원하는 정부지원사업비")
    assert joined in blocks  # continued under the text after the label
    # and an item right after a wrapped line keeps its own block
    assert "□ 지원대상 : 창업 후 3년 초과 7년 이내 기업(도약기 창업기업)" in blocks


@needs_samples
@pytest.mark.parametrize(("name", "first_number"), [("kised_dodak_2025_gonggo.pdf", 1),
                                                    ("msit_ict_rnd_2026_rfp_ai_extract.pdf", 48)])
def test_sample_page_numbers_are_footers(name: str, first_number: int) -> None:
    doc = sample(name)
    footers = [(b.page, doc.block_text(b)) for b in doc.blocks if b.kind == "footer"]
    pages = doc.source.pages or 0
    assert footers == [(p, f"- {p + first_number - 1} -") for p in range(1, pages + 1)]
    body = [doc.block_text(b) for b in doc.blocks if b.kind not in ("footer", "header")]
    assert not any(re.fullmatch(r"- \d+ -", t) for t in body)


@needs_samples
def test_sample_without_unicode_maps_reports_unmapped_glyphs() -> None:
    doc = sample("msit_ict_rnd_2026_1st_gonggo.pdf")
    (finding,) = [f for f in doc.findings if f.code == "unmapped_glyphs"]
    assert 1 in finding.pages  # `공고 제2026-0002호` reads `공고 제 호` on the cover
    assert set(finding.pages) <= set(range(1, (doc.source.pages or 0) + 1))
    assert finding.message.startswith(f"{page_list(finding.pages)}쪽: ")
    clean = sample("kised_dodak_2025_gonggo.pdf")
    assert not [f for f in clean.findings if f.code == "unmapped_glyphs"]


@needs_samples
def test_sample_supplementary_plane_bullets_survive() -> None:
    doc = sample("msit_ict_rnd_2026_1st_gonggo.pdf")
    assert "▪ 외국법인인 연구개발기관" in doc.text  # U+F02FC, a Hancom bullet, mapped to ▪
    assert not re.search(r"[\ud800-\udfff]", doc.text)


@needs_samples
@pytest.mark.parametrize("name", sorted(p.name for p in PDF_SAMPLES.glob("*.pdf"))
                         or ["<no samples>"])
def test_sample_tables_are_well_formed(name: str) -> None:
    doc = sample(name)

    def check(table: Table) -> None:
        cells = [(c.row, c.col, c.row_span, c.col_span) for c in table.cells]
        assert all(rs >= 1 and cs >= 1 for _, _, rs, cs in cells)
        assert overlapping_slots(table.n_rows, table.n_cols, cells) == 0
        for c in table.cells:
            for inner in c.nested:
                check(inner)

    tables = [b.table for b in doc.blocks if b.table is not None]
    assert tables
    for t in tables:
        check(t)


@needs_samples
def test_sample_merged_cells_have_spans() -> None:
    doc = sample("msit_bio_rfp_2026_brain.pdf")
    table = next(b.table for b in doc.blocks if b.table is not None)
    label = next(c for c in table.cells if c.text == "관리번호")
    assert (label.row, label.col) == (0, 0) and label.row_span > 1 and label.col_span > 1
    grid = table.grid()
    assert all(grid[r][c] is label for r in range(label.row_span) for c in range(label.col_span))


# --- cross-check against pdfplumber ------------------------------------------------------
#
# `ingest.pdf_tables` is pdfplumber's "lines" algorithm over PDFium's path objects, so on
# pages ruled with solid lines and rectangles both must find the same tables with the same
# cells. The pages below are that kind (forms with merged cells, long grids, a 15×10 form).
# Left out, on purpose:
# - pages with dotted borders (e.g. kised_dodak_2025_host_orgs p8 in the Document check): we
#   count dotted rulings as edges (`dotted_rulings`), pdfplumber does not;
# - pages whose dashed rules are hundreds of 0.5 pt line pieces (msit_ict_rnd_2026_rfp_ai_extract
#   p10): pdfplumber joins the pieces into rulings, we drop pieces under 1 pt before joining
#   (`edge_min_length_prefilter`) and read them as dots instead;
# - pages with glyphs drawn as vector outlines (msit_ict_rnd_2026_1st_gonggo p3, p6, p8):
#   pdfplumber turns the curves of `(` and `)` into edges and finds slivers of cells between
#   them; we set small filled curves aside as glyphs (`pdf_findings`);
# - pages with a grid drawn against a cell's border (kised_dodak_2025_qna p3): pdfplumber
#   returns one table with overlapping cells, we nest the grid (`split_nested`).

PLUMBER_PAGES = [
    ("msit_bio_rfp_2026_brain.pdf", 1), ("msit_bio_rfp_2026_brain.pdf", 2),
    ("msit_bio_rfp_2026_brain.pdf", 3), ("kised_dodak_2025_gonggo.pdf", 17),
    ("kised_dodak_2025_gonggo.pdf", 23), ("kised_dodak_2025_gonggo.pdf", 25),
    ("msit_ict_rnd_2026_rfp_ai_extract.pdf", 3), ("kised_dodak_2025_host_orgs.pdf", 8),
]
NO_DOTTED_RULINGS = [p for p in PLUMBER_PAGES if p != ("kised_dodak_2025_host_orgs.pdf", 8)]
LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}

BBoxes = list[tuple[float, float, float, float]]


@functools.cache
def plumber_tables(name: str, page: int) -> list[tuple[tuple[int, int], BBoxes]]:
    with pdfplumber.open(PDF_SAMPLES / name) as pdf:
        found = pdf.pages[page - 1].find_tables(LINES)
        return sorted(((len(t.rows), len(t.columns)), sorted(t.cells)) for t in found)


def our_grids(name: str, page: int) -> list[tuple[tuple[int, int], BBoxes]]:
    s = {**S, "dotted_rulings": False, "open_sides": False}  # pdfplumber's configuration
    doc = pdfium.PdfDocument(PDF_SAMPLES / name)
    try:
        content = read_page(doc.raw, page - 1, s)
    finally:
        doc.close()
    tables, _ = find_tables(content.edges, s)
    return sorted((t.plumber_shape(), sorted(c.bbox for c in t.cells)) for t in tables)


@needs_samples
@pytest.mark.parametrize(("name", "page"), PLUMBER_PAGES)
def test_table_grids_match_pdfplumber(name: str, page: int) -> None:
    ours, theirs = our_grids(name, page), plumber_tables(name, page)
    assert [shape for shape, _ in ours] == [shape for shape, _ in theirs]

    # Cell borders agree within the snap tolerance: we stand one centred edge in for a thin
    # filled rectangle where pdfplumber takes its two long sides, so the snapped positions
    # of a ruling drawn as a 2-3 pt bar may differ by up to its thickness.
    def near(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        return max(abs(u - v) for u, v in zip(a, b, strict=True)) <= S["snap_tolerance"]

    for (_, a), (_, b) in zip(ours, theirs, strict=True):
        assert len(a) == len(b)
        assert all(any(near(cell, other) for other in b) for cell in a)
        assert all(any(near(cell, other) for cell in a) for other in b)


@needs_samples
@pytest.mark.parametrize("name", sorted({n for n, _ in NO_DOTTED_RULINGS}))
def test_document_tables_match_pdfplumber_shapes(name: str) -> None:
    """The Document's tables (nested ones included) on the solid-ruled pages."""

    def shapes(table: Table) -> list[tuple[int, int]]:
        return [(table.n_rows, table.n_cols)] + [s for c in table.cells for t in c.nested
                                                 for s in shapes(t)]

    doc = sample(name)
    for page in [p for n, p in NO_DOTTED_RULINGS if n == name]:
        ours = sorted(s for b in doc.blocks if b.page == page and b.table for s in shapes(b.table))
        theirs = [shape for shape, _ in plumber_tables(name, page) if min(shape) >= 2]
        assert ours == theirs, page  # thinner grids are read as boxes of text, not tables


# --- mangled input ends in a typed error or a valid Document -----------------------------


def test_rulings_millions_of_points_off_the_page_cost_nothing() -> None:
    # Found by bit-flipping a sample: a corrupt transform threw a box 10^9 pt down the page,
    # and indexing it in 16 pt bands took the machine's memory.
    far = 2e6
    edges = [_h(-far, 50, 350), _h(far, 50, 350), _v(50, -far, far), _v(350, -far, far)]
    content = PageContent(number=1, width=595, height=PAGE, chars=run("본문입니다.", 72, 100),
                          edges=edges)
    tracemalloc.start()
    try:
        layout = layout_page(content, S)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000
    assert [ln.text for ln in layout.all_lines] == ["본문입니다."]


# A reader bug would surface as one of these, caught and relabelled "corrupt" by the
# catch-all in `read_pdf`; the property tests look behind the label.
PROGRAMMING_ERRORS = (TypeError, AttributeError, IndexError, KeyError, NameError,
                      ZeroDivisionError, AssertionError, UnboundLocalError)
TYPED = (CorruptDocument, EncryptedDocument, ResourceLimit, UnsupportedFormat)
FUZZ = settings(max_examples=30, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Page 1: a running title, an outline heading, a 2×2 ruled table, a page number; page 2:
# the title, an outline note, a run of glyphs without Unicode, a page number.
RUNNING_TITLE = text_at(150, 800, "2025년 창업도약패키지 공고")
TWO_BY_TWO = [_h(240, 72, 372), _h(280, 72, 372), _h(320, 72, 372),
              _v(72, 240, 320), _v(222, 240, 320), _v(372, 240, 320)]
MINIMAL = minimal_pdf(
    RUNNING_TITLE + text_at(72, 700, "□ 사업목적 : 도약기 창업기업 지원") + strokes(TWO_BY_TWO)
    + text_in(80, 255, "구분") + text_in(230, 255, "금액") + footer(1),
    RUNNING_TITLE + text_at(72, 700, "※ 세부 내용은 붙임 참고.") + glyphs_at(72, 650, 4) + footer(2),
)


def _sample_bytes() -> bytes:
    path = PDF_SAMPLES / "msit_bio_rfp_2026_brain.pdf"  # the smallest sample: fast to re-read
    if not path.exists():
        pytest.skip(f"sample PDF not found at {path}")
    return path.read_bytes()


SOURCES = {"minimal": lambda: MINIMAL, "sample": _sample_bytes}


def check_outcome(data: bytes) -> None:
    try:
        doc = read_bytes(data, "mangled.pdf")
    except TYPED as err:
        assert not isinstance(err.__cause__, PROGRAMMING_ERRORS), repr(err.__cause__)
        assert "\n" not in str(err) and str(err).startswith("mangled.pdf: ")
        return
    except IngestError as err:
        pytest.fail(f"untyped IngestError: {err!r}")
    Document.model_validate_json(doc.model_dump_json())  # also: no lone surrogates
    pages = doc.source.pages or 0
    assert doc.source.format == "pdf" and doc.text.strip()
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(doc.text)
        assert b.page is None or 1 <= b.page <= pages
    for f in doc.findings:
        assert set(f.pages) <= set(range(1, pages + 1))


def test_the_minimal_pdf_reads() -> None:
    doc = read_bytes(MINIMAL, "minimal.pdf")
    assert [b.kind for b in doc.blocks] == ["header", "heading", "table", "footer", "header",
                                            "list_item", "paragraph", "footer"]
    assert [(f.code, f.pages) for f in doc.findings] == [("unmapped_glyphs", [2])]
    check_outcome(MINIMAL)


@FUZZ
@pytest.mark.parametrize("source", SOURCES)
@given(cut=st.floats(0, 1, exclude_max=True))
def test_truncated_pdf(source: str, cut: float) -> None:
    data = SOURCES[source]()
    check_outcome(data[: int(len(data) * cut)])


@FUZZ
@pytest.mark.parametrize("source", SOURCES)
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 7)),
                      min_size=1, max_size=16))
def test_bit_flipped_pdf(source: str, flips: list[tuple[float, int]]) -> None:
    data = bytearray(SOURCES[source]())
    for where, bit in flips:
        data[int(where * len(data))] ^= 1 << bit
    check_outcome(bytes(data))


@FUZZ
@pytest.mark.parametrize("source", SOURCES)
@given(keep=st.floats(0, 1), noise=st.binary(max_size=2048))
def test_pdf_with_random_bytes(source: str, keep: float, noise: bytes) -> None:
    """A real head followed by random bytes (which also covers random bytes after `%PDF-`)."""
    data = SOURCES[source]()
    check_outcome(data[: max(9, int(len(data) * keep))] + noise)
