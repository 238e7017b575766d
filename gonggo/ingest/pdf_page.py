"""One PDF page through PDFium: characters, ruling edges and glyphs drawn as outlines.

Everything here talks to the raw PDFium C API (`pypdfium2.raw`) because this is the hot
path of the PDF reader: a page's characters and path objects are visited once each, with
no per-object Python wrapper. Coordinates leave this module pdfplumber-style: points, origin
at the top-left of the page's crop box, `top` < `bottom`.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from gonggo.ingest.limits import MAX_FORM_DEPTH
from gonggo.ingest.pdf_calls import (
    BOX_BYTES,
    BOXES,
    FLOATS2,
    FLOATS4,
    FLOATS6,
    NATIVE,
    RECORDS,
    Calls,
    address,
)

# Characters that PDFium inserts itself (line breaks between text runs).
_CR_LF = (0x0D, 0x0A)
_NO_UNICODE = (0, 0xFFFD, 0xFFFE, 0xFFFF)


class Char(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class Edge(NamedTuple):
    """An axis-aligned ruling segment: `pos` is y for "h" edges and x for "v" edges."""

    orient: str
    pos: float
    start: float
    end: float


BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    outline_glyphs: list[BBox] = field(default_factory=list)  # small filled vector shapes
    # Specks (the dots of dotted rulings). The page's own are kept as PDFium gives their
    # boxes, four float32 each (left, bottom, right, top: `FLOATS4`), one bytes copy a speck
    # in the loop that sees every object; `origin` (the crop box's left and top) turns them
    # into page coordinates (`pdf_tables.speck_centres`). Those drawn inside forms, already
    # transformed: the x and y of each centre.
    speck_boxes: bytearray = field(default_factory=bytearray)
    origin: tuple[float, float] = (0.0, 0.0)
    dot_x: list[float] = field(default_factory=list)
    dot_y: list[float] = field(default_factory=list)
    unmapped_chars: int = 0  # glyphs whose font gives no Unicode
    outline_chars: int = 0  # glyphs drawn as outlines, added to `chars` as U+FFFD
    images: int = 0
    truncated: bool = False  # over `max_objects_per_page`: graphics partly ignored
    objects: int = 0  # page objects visited, form contents included


def read_page(doc: Any, index: int, settings: dict[str, Any], calls: Calls = NATIVE
              ) -> PageContent:
    """Characters (over-printing removed) and graphics of page `index` (0-based).

    `calls`: how the per-object and per-character PDFium calls are made (`pdf_calls`)."""
    page = pdfium_c.FPDF_LoadPage(doc, index)
    if not page:
        raise ValueError(f"page {index + 1} cannot be loaded")
    try:
        box = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDF_GetPageBoundingBox(page, box):
            box.left, box.top = 0.0, pdfium_c.FPDF_GetPageHeightF(page)
            box.right, box.bottom = pdfium_c.FPDF_GetPageWidthF(page), 0.0
        content = PageContent(number=index + 1, width=box.right - box.left,
                              height=box.top - box.bottom, origin=(box.left, box.top))
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if textpage:
            try:
                _read_chars(textpage, box.left, box.top, content, settings, calls)
            finally:
                pdfium_c.FPDFText_ClosePage(textpage)
        _read_graphics(page, box.left, box.top, content, settings, calls)
        return content
    finally:
        pdfium_c.FPDF_ClosePage(page)


# -- characters ---------------------------------------------------------------------------


def _read_chars(textpage: Any, left: float, top: float, content: PageContent,
                settings: dict[str, Any], calls: Calls = NATIVE) -> None:
    """All drawn characters, in content order (PDFium's own line breaks are dropped).

    Over-printed copies stay in; `pdf_text` removes them when it sorts a line. PDFium
    keeps a character beyond the BMP (Hancom's SPUA-A bullets, U+F02FC) as two UTF-16
    units with one box each: the pair becomes one character, a lone half U+FFFD.
    """
    is_generated, get_box, map_error = calls.is_generated, calls.char_box, calls.map_error
    page = calls.handle(textpage)
    rect, (at_rect, _, _, _) = calls.floats()  # FS_RECTF: left, top, right, bottom
    # The loop keeps each character's text and its box's raw floats (one bytes copy); the
    # `Char`s are made after it in one pass (cheaper than a tuple unpacked and built per
    # character inside this loop of branches and PDFium calls).
    texts: list[str] = []
    put = texts.append
    boxes = bytearray()
    indices: list[int] = []
    keep = indices.append
    stride = settings["unicode_check_stride"]
    suspect = False
    surrogates = False
    n = pdfium_c.FPDFText_CountChars(textpage)
    limit = settings["max_chars_per_page"]
    count = min(n, limit)
    text_all = _page_text(textpage, n)
    scan = calls.scan
    if text_all is not None and scan is not None:  # the loop below, in C
        made, unmapped_font, halves, unmapped = scan.chars(
            address(textpage), scan.is_generated, scan.char_box, scan.map_error,
            text_all[:count], stride, Char, left, top)
        if not (unmapped_font or halves):
            content.chars.extend(made)
            content.unmapped_chars = unmapped
            content.truncated = n > limit
            return
        # a font without a Unicode map, or halves of characters beyond the BMP (rare):
        # the page is read again by the loop below, which checks every character
    if text_all is not None:
        codes: Iterable[int] = map(ord, text_all[:count])
    else:
        get_unicode = pdfium_c.FPDFText_GetUnicode
        codes = (get_unicode(textpage, i) for i in range(count))
    for i, code in enumerate(codes):
        if code <= 32:
            if code == 32:
                if is_generated(page, i) == 1:
                    continue  # a space PDFium inferred from a gap; gaps are judged later
            elif code in _CR_LF:
                continue
        elif 0xD800 <= code < 0xE000:
            surrogates = True
            if (code >= 0xDC00 and indices and indices[-1] == i - 1
                    and "\ud800" <= texts[-1] < "\udc00"):
                high = ord(texts[-1]) - 0xD800
                texts[-1] = chr(0x10000 + (high << 10) + code - 0xDC00)
                continue
        # Every character below U+0100 is asked (digits, Latin, punctuation: a font's raw
        # codes passed on look like these, and an amount made of them is made up), the
        # others every `stride`-th.
        if not suspect and (code < 0x100 or i % stride == 0) and map_error(page, i) == 1:
            suspect = True
        if not get_box(page, i, at_rect):
            continue
        if 32 <= code < 0xFFFD:
            put(chr(code))
        else:
            try:
                # A control character is a font's raw glyph code, passed on for want of a map.
                put("\ufffd" if code in _NO_UNICODE or (code < 32 and code != 9)
                    else chr(code))
            except ValueError:
                put("\ufffd")
        boxes += rect
        keep(i)
    if suspect:
        # Fonts without a Unicode map come in runs: one hit in the sample means that
        # every character is checked.
        for k, i in enumerate(indices):
            if map_error(page, i) == 1:
                texts[k] = "\ufffd"
    if surrogates:
        for k, text in enumerate(texts):
            if "\ud800" <= text < "\ue000":
                texts[k] = "\ufffd"
    new = tuple.__new__  # Char(...) without NamedTuple's Python-level __new__
    content.chars.extend([new(Char, (text, x0 - left, top - y0, x1 - left, top - y1))
                          for text, (x0, y0, x1, y1) in zip(texts, BOXES(boxes),
                                                            strict=True)])
    content.unmapped_chars = texts.count("\ufffd")
    content.truncated = n > limit


def _page_text(textpage: Any, n: int) -> str | None:
    """The page's characters in one call, when they line up one to one with indices."""
    if n <= 0:
        return None
    buf = (ctypes.c_ushort * (n + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, n, buf)
    text = bytes(buf)[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
    return text if len(text) == n else None


# -- graphics -----------------------------------------------------------------------------

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _read_graphics(page: Any, left: float, top: float, content: PageContent,
                   settings: dict[str, Any], calls: Calls = NATIVE) -> None:
    reader = _GraphicsReader(left, top, content, settings, calls)
    n = pdfium_c.FPDFPage_CountObjects(page)
    limit = settings["max_objects_per_page"]
    if n > limit:
        content.truncated = True
    # This loop sees every object of the page (tens of thousands of dots on a page of
    # dotted borders), so it calls PDFium through `pdf_calls` and inlines
    # `_GraphicsReader.path`'s first test: most paths are specks and glyph strokes shorter
    # than any ruling, dropped (or kept as a dot) here without a method call; the rest go
    # to `path` with the bounds read here.
    get_object, get_type, get_bounds = calls.get_object, calls.get_type, calls.get_bounds
    page_object = calls.page_object
    handle = calls.handle(page)
    quad, (at_l, at_b, at_r, at_t) = calls.floats()  # left, bottom, right, top
    path, text = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT
    thin_max, min_len = reader.thin, reader.min_len
    dot_max = reader.dot_max if reader.dots else None
    specks = content.speck_boxes  # `+= quad`: the box's 16 bytes, no floats made
    scan = calls.scan
    if scan is not None:  # the loop below, in C: only the objects it keeps come back
        records, kept = scan.objects(address(page), scan.get_object, scan.get_type,
                                     scan.get_bounds, min(n, limit), path, text, thin_max,
                                     min_len, reader.dot_max, dot_max is not None)
        for i, kind, x0, y0, x1, y1, before in RECORDS(records):
            obj = get_object(handle, i)
            if kind == path:
                reader.path(obj, None, x0, y0, x1, y1)
                continue
            reader.visit(page_object(obj), None, 0)
            if reader.budget <= 0:
                content.truncated = True
                kept = kept[:before * BOX_BYTES]  # the specks drawn before this form
                break
        specks += kept
        content.objects = reader.objects_seen(limit)
        return
    for i in range(min(n, limit)):
        obj = get_object(handle, i)
        kind = get_type(obj)
        if kind == path:  # the common case first
            if not get_bounds(obj, at_l, at_b, at_r, at_t):
                continue
            x0, y0, x1, y1 = FLOATS4(quad)
            w, h = x1 - x0, y1 - y0
            # min(w, h) and max(w, h) (NaN included) without two builtin calls per object
            short = h if h < w else w  # noqa: FURB136
            long = h if h > w else w  # noqa: FURB136
            if long - (short if short <= thin_max else 0.0) < min_len:
                if dot_max is not None and long <= dot_max:
                    specks += quad
                continue  # a path leaves the object budget as it is
            reader.path(obj, None, x0, y0, x1, y1)
        elif kind != text:
            reader.visit(page_object(obj), None, 0)
            if reader.budget <= 0:  # only forms spend the budget
                content.truncated = True
                break
    content.objects = reader.objects_seen(limit)


class _GraphicsReader:
    """Paths and forms of a page. `path` and below take objects as `calls` does (`pdf_calls`);
    `visit` (forms, rare) takes pypdfium2's handles."""

    def __init__(self, left: float, top: float, content: PageContent,
                 settings: dict[str, Any], calls: Calls = NATIVE) -> None:
        self.left = left
        self.top = top
        self.content = content
        self.calls = calls
        self.min_len = settings["edge_min_length_prefilter"]
        self.thin = settings["line_max_thickness"]
        self.glyph_max = settings["glyph_max_size"]
        self.dots = settings["dotted_rulings"]
        self.dot_max = settings["dot_max_size"]
        self.quad, self.at_quad = calls.floats()
        self.point, self.at_point = calls.floats(2)
        self.matrix, (self.at_matrix, *_) = calls.floats(6)
        self.modes, self.at_modes = calls.ints()
        # Objects inside forms count against the page's limit too: forms fanning out
        # 20 wide and 8 deep draw 20^8 objects from a few bytes.
        self.budget = settings["max_objects_per_page"]

    def objects_seen(self, limit: int) -> int:
        return limit - self.budget

    def visit(self, obj: Any, form: _Matrix | None, depth: int) -> None:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            native = self.calls.handle(obj)
            if self.calls.get_bounds(native, *self.at_quad):
                self.path(native, form, *FLOATS4(self.quad))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            self.content.images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth >= MAX_FORM_DEPTH:
                self.content.truncated = True  # a form drawing itself ends here
                return
            m = self._matrix_of(self.calls.handle(obj))
            inner = m if form is None else _compose(m, form)
            for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                self.budget -= 1
                if self.budget <= 0:
                    self.content.truncated = True
                    return
                self.visit(pdfium_c.FPDFFormObj_GetObject(obj, i), inner, depth + 1)

    def _matrix_of(self, obj: Any) -> _Matrix:
        if not self.calls.get_matrix(obj, self.at_matrix):
            return _IDENTITY
        return FLOATS6(self.matrix)  # type: ignore[return-value]

    def path(self, obj: Any, form: _Matrix | None, x0: float, y0: float, x1: float,
             y1: float) -> None:
        """A path object with its bounds (left, bottom, right, top: PDFium's, before `form`)."""
        if form is not None:
            x0, y0, x1, y1 = _transform_box(form, x0, y0, x1, y1)
        w, h = x1 - x0, y1 - y0
        thin = min(w, h) <= self.thin
        # A stroked line's box is its length plus the pen width.
        if max(w, h) - (min(w, h) if thin else 0.0) < self.min_len:
            if self.dots and max(w, h) <= self.dot_max:
                self.content.dot_x.append((x0 + x1) / 2 - self.left)
                self.content.dot_y.append(self.top - (y0 + y1) / 2)
            return
        n = self.calls.count_segments(obj)
        if n > 5 and max(w, h) <= self.glyph_max:
            self._glyph_candidate(obj, x0, y0, x1, y1)
        elif thin and n <= 5:
            self._thin_shape(x0, y0, x1, y1, w, h)
        else:
            self._segments(obj, n, form)

    def _thin_shape(self, x0: float, y0: float, x1: float, y1: float, w: float,
                    h: float) -> None:
        # A hairline rectangle's two long sides would be snapped together anyway, so one
        # centred edge stands in for a line and for a thin rectangle alike.
        pad = min(w, h) / 2
        top = self.top
        if w >= h:
            self.content.edges.append(Edge("h", top - (y0 + y1) / 2, x0 - self.left + pad,
                                           x1 - self.left - pad))
        else:
            self.content.edges.append(Edge("v", (x0 + x1) / 2 - self.left, top - y1 + pad,
                                           top - y0 - pad))

    def _glyph_candidate(self, obj: Any, x0: float, y0: float, x1: float, y1: float) -> None:
        if self.calls.draw_mode(obj, *self.at_modes) and self.modes[0]:
            self.content.outline_glyphs.append(
                (x0 - self.left, self.top - y1, x1 - self.left, self.top - y0))

    def _segments(self, obj: Any, n: int, form: _Matrix | None) -> None:
        """Axis-aligned straight sides of a path (rectangles, polylines, several subpaths)."""
        m = self._matrix_of(obj)
        if form is not None:
            m = _compose(m, form)
        a, b_, c, d, e, f = m
        calls = self.calls
        get_segment, get_point = calls.get_segment, calls.segment_point
        get_type, get_close = calls.segment_type, calls.segment_close
        point, (at_x, at_y) = self.point, self.at_point
        lineto, moveto = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
        start: tuple[float, float] | None = None
        prev: tuple[float, float] | None = None
        for i in range(n):
            seg = get_segment(obj, i)
            if not seg or not get_point(seg, at_x, at_y):
                continue
            x, y = FLOATS2(point)
            pt = (a * x + c * y + e, b_ * x + d * y + f)
            kind = get_type(seg)
            if kind == moveto or prev is None:
                start = pt
            elif kind == lineto:
                self._side(prev, pt)
            prev = pt
            if get_close(seg) and start is not None:
                self._side(pt, start)
                prev = start

    def _side(self, p: tuple[float, float], q: tuple[float, float]) -> None:
        left, top = self.left, self.top
        if abs(p[1] - q[1]) < 0.01 and abs(p[0] - q[0]) >= self.min_len:
            self.content.edges.append(Edge("h", top - p[1], min(p[0], q[0]) - left,
                                           max(p[0], q[0]) - left))
        elif abs(p[0] - q[0]) < 0.01 and abs(p[1] - q[1]) >= self.min_len:
            self.content.edges.append(Edge("v", p[0] - left, top - max(p[1], q[1]),
                                           top - min(p[1], q[1])))


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _transform_box(m: _Matrix, x0: float, y0: float, x1: float,
                   y1: float) -> tuple[float, float, float, float]:
    a, b, c, d, e, f = m
    xs = [a * x + c * y + e for x in (x0, x1) for y in (y0, y1)]
    ys = [b * x + d * y + f for x in (x0, x1) for y in (y0, y1)]
    return min(xs), min(ys), max(xs), max(ys)
