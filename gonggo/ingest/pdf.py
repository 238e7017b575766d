"""PDF → raw blocks: paragraphs, ruled tables with spans, running headers and footers.

    from gonggo.ingest.pdf import read_pdf
    out = read_pdf(data)                      # DEFAULT_SETTINGS
    out = read_pdf(data, {"word_gap": 0.3})   # any subset of them

Text comes from PDFium's text page (`pypdfium2`), one pass over the characters; tables
from the page's ruling lines (PDFium path objects) with pdfplumber's "lines" algorithm
reimplemented in `ingest.pdf_tables`. pdfplumber itself is not on this path: it parses
every page in Python and is 20-100 times slower.

Modules: `pdf_page` (PDFium access), `pdf_tables` (grids), `pdf_text` (lines and
paragraph joining), `pdf_layout` (containers and reading order), `pdf_running` (headers and
footers), `pdf_findings` (what could not be read).
"""

from __future__ import annotations

import itertools
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gonggo.ingest.builder import RawBlock, RawCell, RawTable, ReaderOutput
from gonggo.ingest.errors import CorruptDocument, EncryptedDocument, IngestError, ResourceLimit
from gonggo.ingest.isolate import Watchdog, run_isolated
from gonggo.ingest.limits import (
    MAX_CHARS_PER_PAGE,
    MAX_OBJECTS_PER_FILE,
    MAX_OBJECTS_PER_PAGE,
    MAX_PAGES,
    MAX_PDF_SECONDS,
    MAX_SECONDS_PER_PAGE,
)
from gonggo.ingest.pdf_findings import page_list, unmapped_finding
from gonggo.ingest.pdf_layout import (
    PageLayout,
    Region,
    cell_text,
    flatten,
    layout_page,
    read_container,
)
from gonggo.ingest.pdf_outlines import PLACEHOLDER, outline_chars
from gonggo.ingest.pdf_page import read_page
from gonggo.ingest.pdf_running import running_lines
from gonggo.ingest.pdf_tables import SPECK_BYTES
from gonggo.ingest.pdf_text import Line, Paragraph, continues_across, merge_paragraphs
from gonggo.schemas.document import ReadFinding

DEFAULT_SETTINGS: dict[str, Any] = {
    # -- characters (points unless said otherwise) --
    "dedupe_tolerance": 1.0,  # same glyph drawn again within this distance: fake bold
    "unicode_check_stride": 8,  # ask PDFium about missing Unicode for every n-th glyph
    #   (and for every one below U+0100: raw codes passed on for want of a map look like these)
    "line_overlap": 0.5,  # a glyph joins a line if its centre is within this × size of it
    "word_gap": 0.2,  # a gap wider than this × font size between glyphs is a word space
    # -- ruling lines and tables (pdfplumber's names and defaults) --
    "edge_min_length_prefilter": 1.0,  # shorter path pieces are ignored (dotted lines)
    "line_max_thickness": 3.0,  # a filled shape thinner than this is a ruling line
    "dotted_rulings": True,  # dotted borders count as rulings (pdfplumber: False)
    "dot_max_size": 2.5,  # a speck no larger than this may be a dot of a dotted ruling
    "dotted_max_gap": 4.0,  # dots of one ruling are at most this far apart
    "dotted_min_dots": 4,
    "snap_tolerance": 3.0,
    "join_tolerance": 3.0,
    "edge_min_length": 3.0,
    "intersection_tolerance": 3.0,
    "open_sides": True,  # close tables drawn without their outer side borders
    #   (pdf_tables.open_sides: never across a ruling of their rows nor inside a closed table)
    "table_min_rows": 2,  # thinner grids (one row or one column) are read as boxes
    "table_min_cols": 2,
    "box_min_lines": 2.0,  # a ruled box lower than this × font size is not a text column
    "containment_tolerance": 2.0,
    # -- two-column pages (pdf_columns) --
    "columns": True,  # read two-column bands column by column
    "column_min_gutter": 2.0,  # × font size: the empty strip between the columns
    "column_min_width": 0.25,  # share of the page width each column's text spans
    "column_min_lines": 3,  # lines on each side of a two-column band
    "column_min_cover": 0.5,  # share of the band's height each column's text spans
    # -- paragraphs --
    "join_right_tolerance": 1.0,  # × font size: a line ending this close to the right
    #   edge is flush right; one ending further left must leave less room than the next
    #   line's first word needs
    "join_min_width": 0.6,  # share of the column's width a wrapped line must cover
    "join_size_tolerance": 0.2,  # font sizes of joined lines differ by at most this share
    "join_max_gap": 1.2,  # × font size: blank space between joined lines
    "join_max_indent": 4.0,  # × font size: a continuation starts at most this far right
    "join_across_pages": True,
    # -- running headers and footers --
    "running_zone": 0.12,  # share of the page height at the top / bottom
    "running_max_lines": 3,  # lines from the top / bottom of a page that are candidates
    "running_min_share": 0.5,  # repeated on at least this share of pages (and on two)
    # -- glyphs without text --
    "glyph_min_size": 3.0,  # height range of a vector shape that may be a glyph
    "glyph_max_size": 30.0,
    "outline_placeholders": True,  # a glyph drawn as an outline is a U+FFFD in its line
    "unmapped_min_glyphs": 2,  # fewer per page is noise (a vector icon)
    "unmapped_error_min": 10,  # this many missing glyphs make the finding an error
    # -- limits (gonggo.ingest.limits) --
    "max_pages": MAX_PAGES,
    "max_chars_per_page": MAX_CHARS_PER_PAGE,
    "max_objects_per_page": MAX_OBJECTS_PER_PAGE,
}


# numpy groups the specks of dotted rulings (`pdf_tables.dotted_edges`) ~6x faster than
# Python once it is loaded, but loading it costs ~0.1 s CPU: about what Python spends on
# 150-250k specks. A process loads it before its next PDF once the PDFs it read drew this
# many specks (grouped in Python): a one-file run never pays for it, a process reading on
# (a service, a test session, `make bench`'s in-process calls) pays once. Batch workers
# preload it (`gonggo.batch.PRELOAD`).
NUMPY_AFTER_SPECKS = 50_000
_specks_read = 0  # specks drawn by the PDFs this process read, while numpy was not loaded


def read_pdf(data: bytes, settings: dict[str, Any] | None = None, *,
             isolated: bool = True) -> ReaderOutput:
    """Read a PDF; raises `EncryptedDocument`, `CorruptDocument` or `ResourceLimit`.

    PDFium runs in a worker process (`isolate`): a form bomb that makes it abort or ask for
    gigabytes is a `ResourceLimit` here, not the end of the calling process. A batch worker,
    itself disposable, reads in place through `isolate.run_in_place` (limits kept); the fork
    it spares costs ~25 ms a file (median over the 26 sample and corpus PDFs, up to 260 ms on
    mafra_high_value_food_rnd_2017: mostly the fresh worker's page faults)."""
    global _specks_read
    s = _resolve(settings)
    if _specks_read >= NUMPY_AFTER_SPECKS and "numpy" not in sys.modules:
        import numpy  # noqa: F401 - before the fork: every later worker has it
    if isolated:
        out, specks = run_isolated(_read_guarded, data, s, True, timeout=MAX_PDF_SECONDS)
    else:
        out, specks = _read_guarded(data, s, False)
    if "numpy" not in sys.modules:
        _specks_read += specks
    return out


def _read_guarded(data: bytes, s: dict[str, Any], watched: bool) -> tuple[ReaderOutput, int]:
    try:
        return _read(data, s, watched)
    except IngestError:
        raise
    except (MemoryError, RecursionError) as err:
        raise ResourceLimit(f"{type(err).__name__} while reading the PDF") from err
    except Exception as err:
        raise CorruptDocument(f"unreadable PDF ({type(err).__name__}: {err})"[:300]) from err


def _resolve(settings: dict[str, Any] | None) -> dict[str, Any]:
    unknown = set(settings or {}) - set(DEFAULT_SETTINGS)
    if unknown:
        raise ValueError(f"unknown PDF settings: {', '.join(sorted(unknown))}")
    return {**DEFAULT_SETTINGS, **(settings or {})}


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if err.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedDocument("the PDF needs a password to open") from err
        if err.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedDocument("the PDF uses an unsupported security handler") from err
        raise CorruptDocument(f"not a readable PDF ({err})") from err


def _read(data: bytes, s: dict[str, Any], watched: bool = False) -> tuple[ReaderOutput, int]:
    """The reader's output and the number of specks (dots of dotted rulings) it grouped."""
    doc = _open(data)
    try:
        n_pages = len(doc)
        if n_pages > s["max_pages"]:
            raise ResourceLimit(f"{n_pages} pages is over the limit of {s['max_pages']}")
        with Watchdog(MAX_SECONDS_PER_PAGE, enabled=watched) as dog:
            layouts, specks = _read_pages(doc, n_pages, s, dog)
    finally:
        doc.close()
    pages = _compose_pages(layouts, s)
    if s["join_across_pages"]:
        _join_across_pages(pages, s)
    blocks = [block for page in pages for block in page.blocks(s)]
    return ReaderOutput(blocks=blocks, findings=_findings(layouts, s), pages=n_pages), specks


def _read_pages(doc: pdfium.PdfDocument, n_pages: int, s: dict[str, Any],
                dog: Watchdog) -> tuple[list[PageLayout], int]:
    """Every page, within the per-file object budget and the time allowed per page (the
    watchdog ends a worker stuck inside PDFium; the check below catches slow Python); and
    the number of specks drawn."""
    layouts = []
    objects = 0
    specks = 0
    for i in range(n_pages):
        dog.step()
        started = time.monotonic()
        content = read_page(doc.raw, i, s)
        if s["outline_placeholders"] and content.outline_glyphs:
            marks = outline_chars(content.outline_glyphs, content.chars, s)
            content.chars.extend(marks)
            content.outline_chars = len(marks)
        objects += content.objects + len(content.chars)
        if objects > MAX_OBJECTS_PER_FILE:
            raise ResourceLimit(f"more than {MAX_OBJECTS_PER_FILE} drawn objects by page "
                                f"{i + 1} (pages sharing one huge content stream?)")
        specks += len(content.speck_boxes) // SPECK_BYTES + len(content.dot_x)
        layouts.append(layout_page(content, s))
        if time.monotonic() - started > MAX_SECONDS_PER_PAGE:
            raise ResourceLimit(f"page {i + 1} took over {MAX_SECONDS_PER_PAGE} s to read")
    return layouts, specks


# -- composing blocks ---------------------------------------------------------------------


@dataclass
class _Page:
    number: int
    headers: list[Line] = field(default_factory=list)
    body: list[Paragraph | Region] = field(default_factory=list)
    footers: list[Line] = field(default_factory=list)

    def blocks(self, s: dict[str, Any]) -> list[RawBlock]:
        out = [RawBlock(kind="header", text=ln.text, page=self.number) for ln in self.headers]
        for item in self.body:
            if isinstance(item, Paragraph):
                out.append(RawBlock(kind="paragraph", text=item.text, page=self.number))
            else:
                out.append(RawBlock(kind="table", table=_raw_table(item, s), page=self.number))
        out += [RawBlock(kind="footer", text=ln.text, page=self.number) for ln in self.footers]
        return out


def _compose_pages(layouts: list[PageLayout], s: dict[str, Any]) -> list[_Page]:
    running = running_lines([(lay.lines, lay.height) for lay in layouts], s)
    pages = []
    for lay, marks in zip(layouts, running):
        page = _Page(number=lay.number)
        body: list[Line] = []
        for i, line in enumerate(lay.lines):
            where = marks.get(i)
            if where == "header":
                page.headers.append(line)
            elif where == "footer":
                page.footers.append(line)
            else:
                body.append(line)
        page.body = flatten(read_container(body, lay.regions, s, lay.bands), s)
        pages.append(page)
    return pages


def _join_across_pages(pages: list[_Page], s: dict[str, Any]) -> None:
    """A paragraph cut by the page break continues as the first paragraph of the next page."""
    for prev, page in itertools.pairwise(pages):
        if not prev.body or not page.body:
            continue
        a, b = prev.body[-1], page.body[0]
        if isinstance(a, Paragraph) and isinstance(b, Paragraph) and continues_across(a, b, s):
            merge_paragraphs(a, b)
            page.body.pop(0)


def _raw_table(region: Region, s: dict[str, Any]) -> RawTable:
    grid = region.grid
    assert grid is not None
    cells = []
    for i, gc in enumerate(grid.cells):
        nested = region.nested.get(i)
        tables = [_raw_table(t, s) for t in sorted(nested, key=lambda r: (r.bbox[1], r.bbox[0]))
                  ] if nested else []
        cells.append(RawCell(row=gc.row, col=gc.col, text=cell_text(region, i, s),
                             row_span=gc.row_span, col_span=gc.col_span, nested=tables))
    return RawTable(n_rows=grid.n_rows, n_cols=grid.n_cols, cells=cells)


# -- findings -----------------------------------------------------------------------------


def _findings(layouts: list[PageLayout], s: dict[str, Any]) -> list[ReadFinding]:
    findings: list[ReadFinding] = []
    unmapped: dict[int, int] = {}
    outlines: dict[int, int] = {}
    example: tuple[int, str] | None = None
    for lay in layouts:
        if lay.content.unmapped_chars:
            unmapped[lay.number] = lay.content.unmapped_chars
        if lay.content.outline_chars:
            outlines[lay.number] = lay.content.outline_chars
        if example is None and (lay.content.unmapped_chars + lay.content.outline_chars
                                >= s["unmapped_min_glyphs"]):
            damaged = [ln for ln in lay.all_lines if PLACEHOLDER in ln.text]
            if damaged:
                line = min(damaged, key=lambda ln: (ln.top, ln.x0))
                example = (lay.number, line.text)
    finding = unmapped_finding(unmapped, outlines, example, s)
    if finding is not None:
        findings.append(finding)
    scanned = [lay.number for lay in layouts if not lay.content.chars and lay.content.images]
    if scanned:
        findings.append(ReadFinding(
            code="no_text_layer", severity="error" if len(scanned) == len(layouts) else "warning",
            message=f"page{'s' if len(scanned) > 1 else ''} {page_list(scanned)}: images "
                    "without a text layer (scanned?); their text needs OCR and is missing",
            pages=scanned))
    truncated = [lay.number for lay in layouts if lay.content.truncated]
    if truncated:
        findings.append(ReadFinding(
            code="page_over_limit", severity="warning",
            message=f"page{'s' if len(truncated) > 1 else ''} {page_list(truncated)}: more "
                    "characters or drawing objects than the reader's limits; part was skipped",
            pages=truncated))
    return findings
