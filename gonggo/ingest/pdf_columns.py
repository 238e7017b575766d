"""Two-column text: bands of a page whose lines stand in two columns with a gutter between.

A page set in two columns (or two A4 pages printed side by side on one landscape sheet)
is read by PDFium line by line across the whole width: a line of the left column and the
line of the right column at the same height become one line, and the two columns
interleave. The class is found from geometry alone:

* the page's lines (and ruled regions) are cut into solid pieces at gaps wider than
  `column_min_gutter` × font size (a word space never is that wide);
* the gutter is the x, in the middle of the page, that the fewest pieces cross;
* a band is a run of consecutive entries (top to bottom) that do not cross the gutter;
  entries that do (a title over both columns, a table spanning the page) stay where they
  are and separate bands;
* a band is read as two columns only when both sides hold text over most of its height,
  both are wide (`column_min_width` of the page), and no character of the band lies in
  the gutter. A single-column page with label/value lines (`지원기간 :      값`) has
  its "left column" only as wide as its labels, and fails that test.

The lines of a two-column band are rebuilt from their characters side by side, so a
merged line becomes two lines; `pdf_layout.read_container` then reads the left column
before the right one (`side_of`, `virtual_top`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from gonggo.ingest.pdf_page import BBox, Char
from gonggo.ingest.pdf_text import Line, build_lines

_MIDDLE = (0.3, 0.7)  # share of the page width where a gutter may lie


@dataclass(frozen=True)
class Band:
    """A stretch of the page, `top` to `bottom`, read as two columns split at `gutter`."""

    top: float
    bottom: float
    gutter: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def side(self, top: float, bottom: float, x0: float, x1: float) -> int | None:
        """0 (left column) or 1 (right) for a box inside the band; None outside it."""
        if top < self.top - 0.5 or bottom > self.bottom + 0.5:
            return None
        if x1 <= self.gutter:
            return 0
        if x0 >= self.gutter:
            return 1
        return None


def _pieces(line: Line, max_gap: float) -> list[tuple[float, float]]:
    """The line's solid stretches: characters closer than `max_gap` to the one before."""
    out: list[tuple[float, float]] = []
    start = end = 0.0
    for text, x0, _, x1, _ in line.chars:
        if text == " ":
            continue
        if out and x0 - end <= max_gap:
            if x1 > end:  # max(end, x1), NaN kept where max keeps it
                end = x1
                out[-1] = (start, end)
        else:
            start, end = x0, x1
            out.append((start, end))
    return out


@dataclass
class _Entry:
    top: float
    bottom: float
    pieces: list[tuple[float, float]]
    line: Line | None  # None: a ruled region


def find_columns(lines: list[Line], regions: list[BBox], width: float,
                 settings: dict[str, Any]) -> list[Band]:
    """The page's two-column bands, top to bottom (none on a single-column page)."""
    if len(lines) < settings["column_min_lines"] * 2 or width <= 0:
        return []
    sizes = sorted(ln.size for ln in lines)
    size = sizes[len(sizes) // 2]
    min_gutter = settings["column_min_gutter"] * size
    entries = [_Entry(ln.top, ln.bottom, _pieces(ln, min_gutter), ln) for ln in lines]
    entries += [_Entry(b[1], b[3], [(b[0], b[2])], None) for b in regions]
    entries.sort(key=lambda e: (e.top, e.bottom))
    lo, hi = int(width * _MIDDLE[0]), int(width * _MIDDLE[1])
    if hi <= lo:
        return []
    steps = [0] * (hi - lo + 2)  # a difference array: +1 where a piece starts, -1 after it
    for e in entries:
        for a, b in e.pieces:
            first, last = max(lo, int(a) - 1), min(hi, int(b) + 1)
            if first <= last:
                steps[first - lo] += 1
                steps[last - lo + 1] -= 1
    crossings = list(itertools.accumulate(steps[:-1]))
    fewest = min(crossings)
    # The middle of the widest run of least-crossed positions.
    best: tuple[int, int] = (0, 0)
    start: int | None = None
    for i, n in enumerate([*crossings, fewest + 1]):
        if n == fewest and start is None:
            start = i
        elif n != fewest and start is not None:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    gutter = lo + (best[0] + best[1] - 1) / 2
    bands: list[Band] = []
    run: list[_Entry] = []
    for e in [*entries, None]:
        if e is not None and not any(a < gutter < b for a, b in e.pieces):
            run.append(e)
            continue
        band = _band(run, gutter, width, size, settings)
        if band is not None:
            bands.append(band)
        run = []
    return bands


def _band(run: list[_Entry], gutter: float, width: float, size: float,
          settings: dict[str, Any]) -> Band | None:
    left = [e for e in run if e.pieces and e.pieces[0][0] < gutter]
    right = [e for e in run if e.pieces and e.pieces[-1][1] > gutter]
    n_min = settings["column_min_lines"]
    # A ruled table fills a column as well as lines do (a 2-up sheet whose left page is
    # a table).
    if (sum(1 if e.line is not None else n_min for e in left) < n_min
            or sum(1 if e.line is not None else n_min for e in right) < n_min):
        return None
    left_x1 = max(b for e in left for a, b in e.pieces if b <= gutter)
    right_x0 = min(a for e in right for a, b in e.pieces if a >= gutter)
    if right_x0 - left_x1 < settings["column_min_gutter"] * size:
        return None
    left_x0 = min(a for e in left for a, _ in e.pieces)
    right_x1 = max(b for e in right for _, b in e.pieces)
    min_width = settings["column_min_width"] * width
    if left_x1 - left_x0 < min_width or right_x1 - right_x0 < min_width:
        return None
    top, bottom = min(e.top for e in run), max(e.bottom for e in run)
    height = bottom - top
    if height <= 0:
        return None
    for side in (left, right):
        if _covered(side) < settings["column_min_cover"] * height:
            return None
    return Band(top=top, bottom=bottom, gutter=gutter)


def _covered(entries: list[_Entry]) -> float:
    """Height of the band that a side's entries reach: its first top to its last bottom."""
    return max(e.bottom for e in entries) - min(e.top for e in entries)


def split_lines(lines: list[Line], bands: list[Band], settings: dict[str, Any]) -> list[Line]:
    """Lines of the page with every line of a two-column band cut at the gutter."""
    if not bands:
        return lines
    out: list[Line] = []
    pending: dict[int, tuple[list[Char], list[Char]]] = {}
    for ln in lines:
        k = next((i for i, b in enumerate(bands)
                  if b.top - 0.5 <= ln.top and ln.bottom <= b.bottom + 0.5), None)
        if k is None:
            out.append(ln)
            continue
        left, right = pending.setdefault(k, ([], []))
        for c in ln.chars:
            (left if (c.x0 + c.x1) / 2 < bands[k].gutter else right).append(c)
    for left, right in pending.values():
        out += build_lines(left, settings) + build_lines(right, settings)
    out.sort(key=lambda ln: (ln.top + ln.bottom, ln.x0))
    return out


def side_of(bands: list[Band], top: float, bottom: float, x0: float,
            x1: float) -> tuple[int, int] | None:
    """(band, column) of a box, or None where it is read as full-width text."""
    for k, band in enumerate(bands):
        side = band.side(top, bottom, x0, x1)
        if side is not None:
            return k, side
    return None


def virtual_top(bands: list[Band], top: float, where: tuple[int, int] | None) -> float:
    """`top` on a page where every band's right column is moved below its left one."""
    shift = sum(b.height + 1.0 for b in bands if b.bottom < top - 0.5)
    if where is not None:
        k, side = where
        shift = sum(b.height + 1.0 for b in bands[:k]) + side * (bands[k].height + 1.0)
    return top + shift
