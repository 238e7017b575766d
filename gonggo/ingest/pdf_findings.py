"""What the PDF reader could not read faithfully, as `ReadFinding`s.

Unmapped glyphs come in two kinds. Some fonts have no ToUnicode map, so PDFium reports
characters it cannot name (counted while reading characters). Other PDFs (macOS Quartz
re-exports of HWP files) draw the glyphs of such fonts as vector outlines: the page shows
`제2026-0002호`, the text layer holds `제 호`. Those outlines are small filled curved paths
set on a text line or in a row of their own; this module counts them per page.
"""

from __future__ import annotations

from typing import Any

from gonggo.ingest.pdf_layout import PageLayout
from gonggo.ingest.pdf_page import BBox
from gonggo.ingest.pdf_text import Line
from gonggo.schemas.document import ReadFinding


def outline_glyphs_on_text(layout: PageLayout, settings: dict[str, Any]
                           ) -> tuple[int, Line | None]:
    """How many vector shapes on the page look like glyphs; the first text line they hit."""
    shapes = [s for s in layout.content.outline_glyphs
              if settings["glyph_min_size"] <= s[3] - s[1] <= settings["glyph_max_size"]]
    if not shapes:
        return 0, None
    lines = sorted(layout.all_lines, key=lambda ln: ln.top)
    count = 0
    first: Line | None = None
    shapes.sort(key=lambda s: (s[3], s[0]))
    for i, shape in enumerate(shapes):
        line = _line_at(shape, lines)
        if line is not None:
            count += 1
            if first is None or (line.top, line.x0) < (first.top, first.x0):
                first = line
        elif _has_row_neighbour(shapes, i):
            count += 1
    return count, first


def _line_at(shape: BBox, lines: list[Line]) -> Line | None:
    cy = (shape[1] + shape[3]) / 2
    h = shape[3] - shape[1]
    for line in lines:
        if line.top > cy:
            break
        if (line.bottom >= cy and h <= 1.5 * line.size
                and line.x0 - 3 * line.size <= shape[0] <= line.x1 + 3 * line.size):
            return line
    return None


def _has_row_neighbour(shapes: list[BBox], i: int) -> bool:
    """Another shape on the same baseline close by: a word drawn in outlines."""
    x0, top, x1, bottom = shapes[i]
    h = bottom - top
    for j in range(max(0, i - 12), min(len(shapes), i + 13)):
        if j == i:
            continue
        o = shapes[j]
        if abs(o[3] - bottom) <= 0.2 * h and (o[0] - x1 <= 1.5 * h and x0 - o[2] <= 1.5 * h):
            return True
    return False


def page_list(pages: list[int]) -> str:
    """[1, 3, 6, 7, 8] → "1, 3, 6-8"."""
    out: list[str] = []
    i = 0
    while i < len(pages):
        j = i
        while j + 1 < len(pages) and pages[j + 1] == pages[j] + 1:
            j += 1
        out.append(str(pages[i]) if i == j else f"{pages[i]}-{pages[j]}")
        i = j + 1
    return ", ".join(out)


def unmapped_finding(per_page: dict[int, int], outlines: dict[int, int],
                     example: tuple[int, str] | None, settings: dict[str, Any]
                     ) -> ReadFinding | None:
    """One finding for glyphs that have no text: pages, counts, and an example line."""
    pages = sorted(p for p in set(per_page) | set(outlines)
                   if per_page.get(p, 0) + outlines.get(p, 0) >= settings["unmapped_min_glyphs"])
    if not pages:
        return None
    n_chars = sum(per_page.get(p, 0) for p in pages)
    n_outlines = sum(outlines.get(p, 0) for p in pages)
    what = []
    if n_outlines:
        what.append(f"{n_outlines} glyphs are drawn as vector outlines with no text behind "
                    "them (typically digits and Latin letters of fonts without a Unicode map)")
    if n_chars:
        what.append(f"{n_chars} characters have no Unicode mapping (written as U+FFFD)")
    message = (f"page{'s' if len(pages) > 1 else ''} {page_list(pages)}: "
               + "; ".join(what) + "; that text is missing from the document")
    if example is not None:
        message += f', e.g. page {example[0]} reads "{example[1][:80]}"'
    severity = "error" if n_chars + n_outlines >= settings["unmapped_error_min"] else "warning"
    return ReadFinding(code="unmapped_glyphs", severity=severity, message=message, pages=pages)
