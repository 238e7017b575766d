"""Glyphs drawn as vector outlines, as U+FFFD placeholder characters in their text lines.

Some PDFs draw part of their text as filled paths instead of text: macOS Quartz prints of
HWP files draw every Latin glyph of Hancom's fonts (digits, Latin letters, `(`, `,`, `-`)
as one path a glyph, and keep only the Korean as text. PDFium's text page then reads
`과학기술정보통신부 공고 제 호` where the page shows `제2026-0002호`. Nothing in the file says
which character a path is (the fonts of those runs hold only a space glyph; there is no
encoding, glyph name or ToUnicode entry to look up), so the characters cannot be recovered;
they are kept as one U+FFFD each where they were drawn, so the text says that something is
missing there (`공고 제���������호`) and no reading joins the words around the hole.

A path is a glyph when it is small, filled and curved (`pdf_page` sets those aside), does
not overlap another such path (the rings of a badge and the parts of an arrow do), and sits
on a text line beside its characters or in a row with another such path; the glyphs of a
row carry their neighbours along. A path under `glyph_min_size` high (`-`, `,`) counts
only beside a glyph.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import Any

from gonggo.ingest.pdf_page import BBox, Char

PLACEHOLDER = "\ufffd"
_X0 = itemgetter(1)  # Char.x0

# A glyph path's box overlaps another's by at most this share of the smaller box (kerned
# pairs touch; nested rings and arrow parts overlap much more).
_MAX_OVERLAP = 0.25
# Two glyph boxes are neighbours in a row when the gap between them is at most this × the
# taller one's height, and they share this share of the shorter one's height.
_ROW_GAP = 1.0
_ROW_SHARE = 0.5
# A glyph beside a text character: the gap is at most this × the character's height, the
# glyph at most this × the character's height tall.
_TEXT_GAP = 2.0
_TEXT_MAX_HEIGHT = 1.5


def outline_chars(shapes: list[BBox], chars: list[Char], settings: dict[str, Any]
                  ) -> list[Char]:
    """The placeholder characters of the glyph outlines among `shapes` (page coordinates,
    top < bottom, as `Char`), given the page's text characters `chars`."""
    if not shapes:
        return []
    lo, hi = settings["glyph_min_size"], settings["glyph_max_size"]
    tol = settings["dedupe_tolerance"]
    boxes = _distinct(sorted(s for s in shapes if s[3] - s[1] <= hi and s[2] - s[0] <= hi), tol)
    boxes = _apart(boxes, hi)
    if not boxes:
        return []
    sized = [b[3] - b[1] >= lo for b in boxes]
    text, large = _text_rows(chars, boxes, hi)
    accepted = [sized[i] and _beside_text(b, text, large, hi) for i, b in enumerate(boxes)]
    near = _neighbours(boxes, hi)
    # Rows: a glyph's neighbours in its row are glyphs too; a row of two sized paths with
    # no text beside it is a word drawn in outlines (a table cell holding `2026. 1. 2.`).
    for i in range(len(boxes)):
        if sized[i] and not accepted[i] and any(sized[j] for j in near[i]):
            accepted[i] = True
    todo = [i for i, ok in enumerate(accepted) if ok]
    while todo:
        i = todo.pop()
        for j in near[i]:
            if not accepted[j]:
                accepted[j] = True
                todo.append(j)
    return [Char(PLACEHOLDER, b[0], b[1], b[2], b[3])
            for b, ok in zip(boxes, accepted) if ok]


# Items (box indices or characters) by the band (`size` high) their top falls in, each band
# sorted by x0: no box is larger than `size`, so a box meets only items of the bands around
# its own and within a few `size` across, and every lookup below is local and bisected,
# however many shapes and characters a page draws.
Rows = dict[int, tuple[list[float], list[Any]]]


def _rows(items: list[Any], boxes: list[BBox], size: float) -> Rows:
    bands: dict[int, list[tuple[float, int]]] = {}
    for k, b in enumerate(boxes):
        bands.setdefault(int(b[1] // size), []).append((b[0], k))
    rows: Rows = {}
    for band, entries in bands.items():
        entries.sort()
        rows[band] = ([x for x, _ in entries], [items[k] for _, k in entries])
    return rows


def _around(rows: Rows, top: float, x_from: float, x_to: float, size: float) -> list[Any]:
    """Items whose top lies within a band of `top` and whose x0 lies in [x_from, x_to]."""
    band = int(top // size)
    out: list[Any] = []
    for b in (band - 1, band, band + 1):
        row = rows.get(b)
        if row is not None:
            xs, items = row
            out += items[bisect_left(xs, x_from):bisect_right(xs, x_to)]
    return out


def _distinct(boxes: list[BBox], tol: float) -> list[BBox]:
    """One box of a glyph drawn twice in place (fake bold); `boxes` sorted."""
    out: list[BBox] = []
    for b in boxes:
        x0, top, x1, bottom = b
        for o in out[-4:]:
            if (abs(x0 - o[0]) <= tol and abs(top - o[1]) <= tol and abs(x1 - o[2]) <= tol
                    and abs(bottom - o[3]) <= tol):
                break
        else:
            out.append(b)
    return out


def _apart(boxes: list[BBox], size: float) -> list[BBox]:
    """The boxes that overlap no other box much (none larger than `size`)."""
    rows = _rows(list(range(len(boxes))), boxes, size)
    bad = [False] * len(boxes)
    for i, a in enumerate(boxes):
        area_a = (a[2] - a[0]) * (a[3] - a[1])
        for j in _around(rows, a[1], a[0] - size, a[2], size):
            if j <= i:
                continue
            b = boxes[j]
            w = min(a[2], b[2]) - max(a[0], b[0])
            h = min(a[3], b[3]) - max(a[1], b[1])
            if w <= 0 or h <= 0:
                continue
            smaller = min(area_a, (b[2] - b[0]) * (b[3] - b[1]))
            if w * h > _MAX_OVERLAP * smaller:
                bad[i] = bad[j] = True
    return [b for b, x in zip(boxes, bad) if not x]


def _shares_row(a: BBox, b: BBox) -> bool:
    shared = min(a[3], b[3]) - max(a[1], b[1])
    return shared >= _ROW_SHARE * min(a[3] - a[1], b[3] - b[1])


def _neighbours(boxes: list[BBox], size: float) -> list[list[int]]:
    """For each box, the boxes in its row within a glyph's height of it (a gap of at most
    `size`)."""
    rows = _rows(list(range(len(boxes))), boxes, size)
    out: list[list[int]] = [[] for _ in boxes]
    for i, (ax0, atop, ax1, abot) in enumerate(boxes):
        ah = abot - atop
        for j in _around(rows, atop, ax0 - 2 * size, ax1 + size, size):
            if j <= i:
                continue
            bx0, btop, bx1, bbot = boxes[j]
            bh = bbot - btop
            gap = bx0 - ax1 if bx0 > ax1 else ax0 - bx1
            if (gap <= _ROW_GAP * (ah if ah > bh else bh)  # noqa: FURB136
                    and min(abot, bbot) - max(atop, btop) >= _ROW_SHARE * (ah if ah < bh else bh)):  # noqa: FURB136
                out[i].append(j)
                out[j].append(i)
    return out


def _text_rows(chars: list[Char], boxes: list[BBox], size: float) -> tuple[Rows, list[Char]]:
    """The text characters no larger than `size` in the bands around `boxes`, as `_rows`,
    and the larger ones."""
    wanted = {b for box in boxes for b in range(int(box[1] // size) - 1, int(box[1] // size) + 2)}
    bands: dict[int, list[Char]] = {}
    large: list[Char] = []
    for c in chars:
        if c[0] == " ":
            continue
        if c[4] - c[2] > size or c[3] - c[1] > size:
            large.append(c)
            continue
        try:
            band = int(c[2] // size)
        except (ValueError, OverflowError):  # a box at NaN or infinity (a corrupt transform)
            continue
        if band in wanted:
            bands.setdefault(band, []).append(c)
    rows: Rows = {}
    for band, row in bands.items():
        row.sort(key=_X0)
        rows[band] = ([c[1] for c in row], row)
    return rows, large


def _beside_text(box: BBox, text: Rows, large: list[Char], size: float) -> bool:
    """A text character of the same line is close to `box` and not much smaller (one no
    larger than `size` is at most twice that away)."""
    x0, top, x1, bottom = box
    h = bottom - top
    for c in _around(text, top, x0 - 3 * size, x1 + 2 * size, size) + large:
        ch = c[4] - c[2]
        if (ch > 0 and top <= (c[2] + c[4]) / 2 <= bottom
                and max(c[1] - x1, x0 - c[3]) <= _TEXT_GAP * ch
                and h <= _TEXT_MAX_HEIGHT * ch and _shares_row(box, (c[1], c[2], c[3], c[4]))):
            return True
    return False
