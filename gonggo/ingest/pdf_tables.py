"""Ruled tables from ruling edges: pdfplumber's "lines" strategy, reimplemented for speed.

The steps and tolerances are pdfplumber's (`pdfplumber.table.TableFinder`), so the tables
found here have the same cells as `page.find_tables()`:

1. snap parallel edges closer than `snap_tolerance` to their average position, join
   collinear pieces with gaps up to `join_tolerance`, drop edges shorter than
   `edge_min_length`;
2. intersections of horizontal and vertical edges (within `intersection_tolerance`);
3. a cell is the smallest rectangle of four intersections joined by edges;
4. cells sharing a corner form a table; a lone cell is a box, not a table.

What pdfplumber leaves to the caller is done here too: the grid of distinct x/y
boundaries of a table, and each cell's row/column with its spans over that grid. One
departure: where a grid is drawn against the border of a cell (or of a frame), pdfplumber
returns one table whose cells overlap; here the cells inside another cell form a table of
their own, which the layout nests in that cell. Another: a table drawn without its outer
side borders gets them (`open_sides`), where pdfplumber finds no cells at all.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from gonggo.ingest.pdf_calls import BOXES
from gonggo.ingest.pdf_page import BBox, Edge


@dataclass
class GridCell:
    row: int
    col: int
    row_span: int
    col_span: int
    bbox: BBox


@dataclass
class GridTable:
    bbox: BBox
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    cells: list[GridCell]

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def plumber_shape(self) -> tuple[int, int]:
        """(rows, columns) as pdfplumber's `Table.rows` / `Table.columns` count them."""
        return (len({c.bbox[1] for c in self.cells}), len({c.bbox[0] for c in self.cells}))


def find_tables(edges: list[Edge], settings: dict[str, Any]) -> tuple[list[GridTable],
                                                                      list[BBox]]:
    """Tables of two or more cells, and lone ruled boxes (single cells)."""
    merged = merge_edges(edges, settings["snap_tolerance"], settings["join_tolerance"],
                         settings["edge_min_length"])
    tables, boxes = _tables(merged, settings["intersection_tolerance"])
    if settings["open_sides"]:
        sides = open_sides(merged, settings["snap_tolerance"], tables)
        if sides:
            merged = merge_edges(merged + sides, settings["snap_tolerance"],
                                 settings["join_tolerance"], settings["edge_min_length"])
            tables, boxes = _tables(merged, settings["intersection_tolerance"])
    return tables, boxes


def _tables(edges: list[Edge], tol: float) -> tuple[list[GridTable], list[BBox]]:
    points = intersections(edges, tol)
    groups = [g for group in group_cells(intersections_to_cells(points))
              for g in split_nested(group)]
    return [_grid(g) for g in groups if len(g) > 1], [g[0] for g in groups if len(g) == 1]


# -- 1. edges -----------------------------------------------------------------------------


# Edge fields by index, and Edge(...) without NamedTuple's Python-level __new__ / _replace
# (tens of thousands of edges a document: rulings and the pieces of dotted ones).
_POS = itemgetter(1)
_START = itemgetter(2)
_new = tuple.__new__


def merge_edges(edges: list[Edge], snap: float, join: float, min_length: float) -> list[Edge]:
    out: list[Edge] = []
    for orient in ("h", "v"):
        group = [e for e in edges if e[0] == orient]
        for line in _snap(group, snap):
            out.extend(e for e in _join(line, join) if e[3] - e[2] >= min_length)
    return out


def _snap(edges: list[Edge], tol: float) -> list[list[Edge]]:
    """Edges grouped by position, each group moved to its average position."""
    if not edges:
        return []
    edges = sorted(edges, key=_POS)
    clusters: list[list[Edge]] = [[edges[0]]]
    last = edges[0][1]
    for e in edges[1:]:
        pos = e[1]
        if pos <= last + tol:
            clusters[-1].append(e)
        else:
            clusters.append([e])
        last = pos
    lines = []
    for cluster in clusters:
        avg = sum([e[1] for e in cluster]) / len(cluster)
        lines.append([_new(Edge, (e[0], avg, e[2], e[3])) for e in cluster])
    return lines


def _join(line: list[Edge], tol: float) -> list[Edge]:
    line = sorted(line, key=_START)
    joined = [line[0]]
    for e in line[1:]:
        last = joined[-1]
        if e[2] <= last[3] + tol:
            if e[3] > last[3]:
                joined[-1] = _new(Edge, (last[0], last[1], last[2], e[3]))
        else:
            joined.append(e)
    return joined


def open_sides(edges: list[Edge], tol: float, tables: Sequence[GridTable] = ()) -> list[Edge]:
    """The outer borders of open-sided tables: the vertical edges they leave out.

    Many tables are drawn without their left and right border: the row rulings start and
    end at one x, crossed by the table's inner column rulings. Where three or more row
    rulings end at one x (within `tol`) and one inner column ruling crosses them all, the
    side is closed by an edge at that x from the first of them to the last (pdfplumber
    would need these as explicit vertical lines).

    A side is an OUTER border, so rulings that end at an x inside a table are no side
    (sub-rows ruled up to an inner column of a bordered table, a title cell spanning that
    column between them: mohw 2026's RFP tables). Refused is a side that
    - is crossed by a row ruling between its first and last row (a side lies at or outside
      the ends of every ruling of its rows), or
    - lies inside a table that is closed without it (`tables`: those found before any side
      is added), beside rows of that table, unless wholly inside one of its cells (a table
      nested in that cell: an outer frame's).
    """
    h_edges = [e for e in edges if e.orient == "h"]
    v_edges = [e for e in edges if e.orient == "v"]
    if len(h_edges) < 3 or not v_edges:
        return []
    out: list[Edge] = []
    for side in ("start", "end"):
        ends = sorted(h_edges, key=lambda e: getattr(e, side))
        clusters: list[list[Edge]] = [[ends[0]]]
        for e in ends[1:]:
            if getattr(e, side) - getattr(clusters[-1][-1], side) <= tol:
                clusters[-1].append(e)
            else:
                clusters.append([e])
        for cluster in clusters:
            if len(cluster) < 3:
                continue
            x = sum(getattr(e, side) for e in cluster) / len(cluster)
            # Bounds of the cluster: a column ruling outside them crosses none of its rows
            # (skipped before the set below is built; NaN bounds skip nothing).
            lo, hi = min([h.pos for h in cluster]), max([h.pos for h in cluster])
            first, last = min([h.start for h in cluster]), max([h.end for h in cluster])
            at_x = [w for w in v_edges if abs(w.pos - x) <= tol]  # rulings at the side
            judged: set[tuple[float, float]] = set()  # (first row, last row) already judged
            for v in v_edges:
                if (v.end + tol < lo or v.start - tol > hi or v.pos < first - tol
                        or v.pos > last + tol):
                    continue
                if abs(v.pos - x) <= tol:
                    continue
                rows = sorted({h.pos for h in cluster if h.start - tol <= v.pos <= h.end + tol
                               and v.start - tol <= h.pos <= v.end + tol})
                if len(rows) < 3 or (rows[0], rows[-1]) in judged:
                    continue  # the same side again: the verdict is the same
                judged.add((rows[0], rows[-1]))
                if not any(w.start <= rows[0] + tol and w.end >= rows[-1] - tol for w in at_x) \
                        and not _crossed(x, rows[0], rows[-1], h_edges, tol) \
                        and not _inside_a_table(x, rows[0], rows[-1], tables, tol):
                    out.append(Edge("v", x, rows[0], rows[-1]))
    return sorted(set(out))


def _crossed(x: float, top: float, bottom: float, h_edges: list[Edge], tol: float) -> bool:
    """A row ruling strictly between `top` and `bottom` runs across `x`."""
    return any(top + tol < h.pos < bottom - tol and h.start < x - tol and h.end > x + tol
               for h in h_edges)


def _inside_a_table(x: float, top: float, bottom: float, tables: Sequence[GridTable],
                    tol: float) -> bool:
    """The segment at `x` from `top` to `bottom` runs inside a table's box beside its rows,
    and not wholly inside one of its cells."""
    for t in tables:
        x0, t_top, x1, t_bottom = t.bbox
        if not (x0 + tol < x < x1 - tol and top < t_bottom - tol and bottom > t_top + tol):
            continue
        if not any(c0 + tol < x < c1 - tol and top >= c_top - tol and bottom <= c_bottom + tol
                   for c0, c_top, c1, c_bottom in (c.bbox for c in t.cells)):
            return True
    return False


# Pages with at least this many specks are grouped by numpy (a dependency, also of kiwipiepy)
# when it is loaded already (batch workers preload it: `gonggo.batch`; `pdf.read_pdf` loads
# it in a process that has read many specks), or when they hold so many that it pays for its
# import (~0.1 s CPU): over the 619k specks of the 26 sample and corpus PDFs, grouping in
# Python cost ~0.9 s a pass, most of it on the pages of 5k-12k specks (Hancom's dotted
# borders). From the raw boxes numpy is the faster from ~60 specks a page on (per page, CPU:
# 20 specks 33 vs 78 us, 100: 130 vs 75 us, 1,000: 1.2 vs 0.2 ms, 2,000: 2.3 vs 0.3 ms).
DOTS_VECTORISED = 100
DOTS_IMPORT_NUMPY = 100_000


def dotted_edges(dot_x: list[float], dot_y: list[float], settings: dict[str, Any],
                 vectorised: bool | None = None, boxes: bytes = b"",
                 origin: tuple[float, float] = (0.0, 0.0)) -> list[Edge]:
    """Rows and columns of evenly spaced specks: dotted rulings, which pdfplumber ignores.

    Hancom exports a dotted border as hundreds of half-point dashes; a run of at least
    `dotted_min_dots` of them, no more than `dotted_max_gap` apart, is one edge. The specks:
    the centres `dot_x`, `dot_y`, and the raw PDFium `boxes` (`PageContent.speck_boxes`,
    whose centres `speck_centres` gives). A row is the specks of one half-point band
    (`round(2·y)`), a column likewise; edges come out by band, then along it.

    `vectorised`: group with numpy (None: when the page has `DOTS_VECTORISED` specks and numpy
    is loaded, or `DOTS_IMPORT_NUMPY`); the edges are the same either way.
    """
    min_dots, max_gap = settings["dotted_min_dots"], settings["dotted_max_gap"]
    min_length = settings["edge_min_length"]
    n = len(dot_x) + len(boxes) // SPECK_BYTES
    if n < min_dots:
        return []
    if vectorised is None:
        vectorised = n >= DOTS_VECTORISED and (
            "numpy" in sys.modules or n >= DOTS_IMPORT_NUMPY)
    if vectorised:
        found = _dotted_numpy(dot_x, dot_y, boxes, origin, min_dots, max_gap, min_length)
        if found is not None:
            return found
    if boxes:
        xs, ys = speck_centres(boxes, origin)
        dot_x, dot_y = dot_x + xs, dot_y + ys
    out: list[Edge] = []
    for orient, across, along in (("h", dot_y, dot_x), ("v", dot_x, dot_y)):
        # positions grouped by band, each band sorted on its own (most bands of the
        # crossing orientation hold a dot or two: no sort of the whole page)
        bands: defaultdict[int, list[float]] = defaultdict(list)
        for band, at in zip(map(round, [2 * a for a in across]), along):
            bands[band].append(at)
        for band in sorted(bands):
            pos = bands[band]
            if len(pos) < min_dots:
                continue
            pos.sort()
            start = prev = pos[0]
            dots = 0
            for at in pos:
                if at - prev > max_gap:
                    if dots >= min_dots and prev - start >= min_length:
                        out.append(Edge(orient, band / 2, start, prev))
                    start, dots = at, 0
                prev = at
                dots += 1
            if dots >= min_dots and prev - start >= min_length:
                out.append(Edge(orient, band / 2, start, prev))
    return out


SPECK_BYTES = 16  # a speck's box in `PageContent.speck_boxes`: four float32


def speck_centres(boxes: bytes, origin: tuple[float, float]) -> tuple[list[float],
                                                                        list[float]]:
    """The centres of raw PDFium speck boxes (left, bottom, right, top) in page coordinates:
    the x's and y's, each float as `pdf_page` computed them before it kept the boxes raw."""
    left, top = origin
    return ([(x0 + x1) / 2 - left for x0, _, x1, _ in BOXES(boxes)],
            [top - (y0 + y1) / 2 for _, y0, _, y1 in BOXES(boxes)])


def _dotted_numpy(dot_x: list[float], dot_y: list[float], boxes: bytes,
                  origin: tuple[float, float], min_dots: int, max_gap: float,
                  min_length: float) -> list[Edge] | None:
    """`dotted_edges` with numpy: every speck sorted by (band, position) at once (a stable
    sort, as the per-band sorts), cut where the band changes or the gap is over `max_gap`.
    None when a centre is not finite (the Python grouping raises on it, as it always did)."""
    import numpy as np

    xs = np.array(dot_x, dtype=np.float64)
    ys = np.array(dot_y, dtype=np.float64)
    if boxes:
        # the float64 operations of `speck_centres`, in its order: the same floats
        raw = np.frombuffer(boxes, dtype=np.float32).astype(np.float64).reshape(-1, 4)
        left, top = origin
        xs = np.concatenate((xs, (raw[:, 0] + raw[:, 2]) / 2 - left))
        ys = np.concatenate((ys, top - (raw[:, 1] + raw[:, 3]) / 2))
    if not (np.isfinite(xs).all() and np.isfinite(ys).all()):
        return None
    out: list[Edge] = []
    for orient, across, along in (("h", ys, xs), ("v", xs, ys)):
        # round(2·a) is half-to-even, as rint; + 0.0 turns its -0.0 into 0.0, as int() does
        bands = np.rint(across * 2.0) + 0.0
        order = np.lexsort((along, bands))
        band, pos = bands[order], along[order]
        cut = np.flatnonzero((band[1:] != band[:-1]) | (pos[1:] - pos[:-1] > max_gap)) + 1
        starts = np.concatenate(([0], cut))
        ends = np.concatenate((cut, [len(pos)])) - 1
        keep = (ends - starts + 1 >= min_dots) & (pos[ends] - pos[starts] >= min_length)
        for b, start, end in zip((band[starts[keep]] / 2).tolist(), pos[starts[keep]].tolist(),
                                 pos[ends[keep]].tolist(), strict=True):
            out.append(Edge(orient, b, start, end))
    return out


# -- 2. intersections ---------------------------------------------------------------------

Point = tuple[float, float]


def intersections(edges: list[Edge], tol: float) -> dict[Point, tuple[set[int], set[int]]]:
    """Crossing points → (ids of vertical edges, ids of horizontal edges) through them."""
    h_edges = sorted((e for e in edges if e.orient == "h"), key=lambda e: e.pos)
    v_edges = sorted((e for e in edges if e.orient == "v"), key=lambda e: (e.pos, e.start))
    h_pos = [e.pos for e in h_edges]
    points: dict[Point, tuple[set[int], set[int]]] = {}
    for vi, v in enumerate(v_edges):
        lo = bisect_left(h_pos, v.start - tol)
        hi = bisect_right(h_pos, v.end + tol)
        for hi_ in range(lo, hi):
            h = h_edges[hi_]
            if h.start - tol <= v.pos <= h.end + tol:
                vs, hs = points.setdefault((v.pos, h.pos), (set(), set()))
                vs.add(vi)
                hs.add(hi_)
    return points


# -- 3. cells -----------------------------------------------------------------------------


def intersections_to_cells(points: dict[Point, tuple[set[int], set[int]]]) -> list[BBox]:
    """For each point, the smallest rectangle it is the top-left corner of."""
    by_x: dict[float, list[float]] = defaultdict(list)
    by_y: dict[float, list[float]] = defaultdict(list)
    for x, y in points:
        by_x[x].append(y)
        by_y[y].append(x)
    for ys in by_x.values():
        ys.sort()
    for xs in by_y.values():
        xs.sort()

    cells: list[BBox] = []
    for pt in sorted(points):
        x, y = pt
        col = by_x[x]
        row = by_y[y]
        below = col[bisect_right(col, y):]
        right = row[bisect_right(row, x):]
        cell = _smallest_cell(pt, below, right, points)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(pt: Point, below: list[float], right: list[float],
                   points: dict[Point, tuple[set[int], set[int]]]) -> BBox | None:
    """The first corner below `pt` joined to it by a vertical edge, with the first corner
    right of `pt` joined by a horizontal edge, whose opposite corner joins both."""
    x, y = pt
    pt_v, pt_h = points[pt]
    for by in below:
        b_v, b_h = points[(x, by)]
        if pt_v.isdisjoint(b_v):
            continue
        for rx in right:
            r_v, r_h = points[(rx, y)]
            if pt_h.isdisjoint(r_h):
                continue
            corner = points.get((rx, by))
            if corner is not None and not corner[0].isdisjoint(r_v) \
                    and not corner[1].isdisjoint(b_h):
                return (x, y, rx, by)
    return None


def split_nested(group: list[BBox]) -> list[list[BBox]]:
    """A group without overlapping cells; else its outer cells and the grids inside them."""
    by_x0 = sorted(group)
    x0s = [c[0] for c in by_x0]
    inner: set[BBox] = set()
    for cell in by_x0:
        x0, top, x1, bottom = cell
        for other in by_x0[bisect_left(x0s, x0):bisect_left(x0s, x1)]:
            if other[3] <= bottom and other[1] >= top and other[2] <= x1 and other != cell:
                inner.add(other)
    if not inner:
        return [group]
    out = group_cells([c for c in group if c not in inner])
    for g in group_cells([c for c in group if c in inner]):
        out += split_nested(g)
    return out


# -- 4. tables ----------------------------------------------------------------------------


def group_cells(cells: list[BBox]) -> list[list[BBox]]:
    """Cells that share a corner (transitively), top-to-bottom then left-to-right."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[find(i)] = find(j)
    groups: dict[int, list[BBox]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[find(i)].append(cell)
    return sorted(groups.values(), key=lambda g: min((c[1], c[0]) for c in g))


def _grid(cells: list[BBox]) -> GridTable:
    xs = sorted({c[0] for c in cells} | {c[2] for c in cells})
    ys = sorted({c[1] for c in cells} | {c[3] for c in cells})
    col_of = {x: i for i, x in enumerate(xs)}
    row_of = {y: i for i, y in enumerate(ys)}
    grid_cells = []
    for x0, top, x1, bottom in sorted(cells, key=lambda c: (c[1], c[0])):
        r, c = row_of[top], col_of[x0]
        grid_cells.append(GridCell(row=r, col=c, row_span=row_of[bottom] - r,
                                   col_span=col_of[x1] - c, bbox=(x0, top, x1, bottom)))
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return GridTable(bbox=bbox, xs=xs, ys=ys, cells=grid_cells)
