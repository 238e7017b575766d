"""A page's reading order: ruled tables, ruled boxes and the free text around them.

Every character lands in exactly one container: the innermost table cell around its
centre, else the innermost box (a ruled rectangle that is not a table, read as a column of
its own so that side-by-side boxes do not interleave), else the page. Containers are then
read top to bottom, a box or table as one unit at its position.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

from gonggo.ingest.pdf_columns import Band, find_columns, side_of, split_lines, virtual_top
from gonggo.ingest.pdf_page import BBox, Char, PageContent
from gonggo.ingest.pdf_tables import GridTable, dotted_edges, find_tables
from gonggo.ingest.pdf_text import Line, Paragraph, build_lines, column_of, group_paragraphs

_BAND = 16.0  # points: height of the strips that index regions by y


@dataclass(eq=False)
class Region:
    """A ruled table (with `grid`) or a ruled box (without)."""

    bbox: BBox
    grid: GridTable | None = None
    chars: list[Char] = field(default_factory=list)  # boxes
    cell_chars: dict[int, list[Char]] = field(default_factory=dict)  # tables: cell → chars
    children: list[Region] = field(default_factory=list)  # boxes: regions inside
    nested: dict[int, list[Region]] = field(default_factory=dict)  # tables: cell → tables
    cover: dict[tuple[int, int], int] = field(default_factory=dict)  # grid slot → cell
    lines: list[Line] = field(default_factory=list)  # boxes, after `build_lines`
    cell_lines: dict[int, list[Line]] = field(default_factory=dict)
    dropped: bool = False  # a box inside a table cell: the cell reads its text

    @property
    def area(self) -> float:
        x0, top, x1, bottom = self.bbox
        return (x1 - x0) * (bottom - top)

    def contains_point(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 <= x < x1 and top <= y < bottom

    def cell_at(self, x: float, y: float) -> int | None:
        assert self.grid is not None
        col = bisect_right(self.grid.xs, x) - 1
        row = bisect_right(self.grid.ys, y) - 1
        return self.cover.get((row, col))


Item = Paragraph | Region


@dataclass
class PageLayout:
    number: int
    height: float
    lines: list[Line]  # free text of the page itself, top to bottom
    regions: list[Region]  # top-level boxes and tables
    all_lines: list[Line]  # every line on the page, in any container
    content: PageContent
    bands: list[Band] = field(default_factory=list)  # two-column stretches (pdf_columns)


def layout_page(content: PageContent, settings: dict[str, Any]) -> PageLayout:
    edges = content.edges
    if settings["dotted_rulings"]:
        edges = edges + dotted_edges(content.dot_x, content.dot_y, settings,
                                     boxes=content.speck_boxes, origin=content.origin)
    content.dot_x, content.dot_y, content.speck_boxes = [], [], bytearray()
    tables, lone_boxes = find_tables(edges, settings)
    size = _median_size(content.chars)
    regions = _regions(tables, lone_boxes, size, settings)
    top_level = _nest(regions, settings["containment_tolerance"])
    regions = [r for r in regions if not r.dropped]
    free = _assign_chars(content.chars, regions, content.height)
    lines = build_lines(free, settings)
    bands: list[Band] = []
    if settings["columns"]:
        bands = find_columns(lines, [r.bbox for r in top_level], content.width, settings)
        lines = split_lines(lines, bands, settings)
    all_lines = list(lines)
    for region in regions:
        if region.grid is None:
            region.lines = build_lines(region.chars, settings)
            all_lines.extend(region.lines)
        else:
            for idx, chars in region.cell_chars.items():
                region.cell_lines[idx] = build_lines(chars, settings)
                all_lines.extend(region.cell_lines[idx])
        region.chars, region.cell_chars = [], {}
    return PageLayout(number=content.number, height=content.height, lines=lines,
                      regions=top_level, all_lines=all_lines, content=content, bands=bands)


def _median_size(chars: list[Char]) -> float:
    sizes = sorted([c.bottom - c.top for c in chars[::7] if c.text != " "])
    return sizes[len(sizes) // 2] if sizes else 10.0


def is_data_table(grid: GridTable, settings: dict[str, Any]) -> bool:
    """Tables that are read as tables; thinner ruled grids are read as boxes."""
    return grid.n_rows >= settings["table_min_rows"] and grid.n_cols >= settings["table_min_cols"]


def _regions(tables: list[GridTable], lone_boxes: list[BBox], size: float,
             settings: dict[str, Any]) -> list[Region]:
    regions: list[Region] = []
    boxes = list(lone_boxes)
    for grid in tables:
        if is_data_table(grid, settings):
            region = Region(bbox=grid.bbox, grid=grid)
            for i, cell in enumerate(grid.cells):
                for r in range(cell.row, cell.row + cell.row_span):
                    for c in range(cell.col, cell.col + cell.col_span):
                        region.cover[(r, c)] = i
            regions.append(region)
        else:
            boxes.extend(cell.bbox for cell in grid.cells)
    # A box only one line high is a highlight or a framed label, not a column of text.
    min_height = settings["box_min_lines"] * size
    regions.extend(Region(bbox=b) for b in boxes if b[3] - b[1] >= min_height)
    return regions


def _inside(inner: BBox, outer: BBox, tol: float) -> bool:
    return (inner[0] >= outer[0] - tol and inner[1] >= outer[1] - tol
            and inner[2] <= outer[2] + tol and inner[3] <= outer[3] + tol)


def _nest(regions: list[Region], tol: float) -> list[Region]:
    """Hang every region under the smallest region around it; return the top level.

    A table inside a table cell becomes a nested table of that cell; a box inside a
    table cell is dissolved (the cell reads its text).
    """
    regions.sort(key=lambda r: -r.area)  # parents are settled before their children
    top: list[Region] = []
    for i, region in enumerate(regions):
        parent = next((p for p in reversed(regions[:i]) if not p.dropped
                       and _inside(region.bbox, p.bbox, tol)), None)
        if parent is None:
            top.append(region)
        elif parent.grid is None:
            parent.children.append(region)
        else:
            cx = (region.bbox[0] + region.bbox[2]) / 2
            cy = (region.bbox[1] + region.bbox[3]) / 2
            cell = parent.cell_at(cx, cy)
            if cell is None or not _inside(region.bbox, parent.grid.cells[cell].bbox, tol):
                top.append(region)  # overlaps the grid: keep it beside the table
            elif region.grid is None:
                region.dropped = True
            else:
                parent.nested.setdefault(cell, []).append(region)
    return sorted(top, key=lambda r: (r.bbox[1], r.bbox[0]))


def _assign_chars(chars: list[Char], regions: list[Region], height: float) -> list[Char]:
    """Put each character into the innermost region around its centre; return the rest.

    Regions are indexed only over the page's height: a corrupt transform can put a ruling
    millions of points away, and off the page no character is read into a region.
    """
    if not regions:
        return list(chars)
    bands: dict[int, list[Region]] = {}
    last_band = int(height // _BAND) + 1
    for region in sorted(regions, key=lambda r: r.area):
        first = max(int(region.bbox[1] // _BAND), -1)
        for b in range(first, min(int(region.bbox[3] // _BAND), last_band) + 1):
            bands.setdefault(b, []).append(region)
    free: list[Char] = []
    # Characters come in content order, so the next one is most often in the same cell:
    # the last leaf container (one with nothing nested inside) is tried first.
    last: tuple[float, float, float, float, list[Char]] | None = None
    for c in chars:
        cx = (c.x0 + c.x1) / 2
        cy = (c.top + c.bottom) / 2
        if last is not None and last[0] <= cx < last[2] and last[1] <= cy < last[3]:
            last[4].append(c)
            continue
        for region in bands.get(int(cy // _BAND), ()):
            if not region.contains_point(cx, cy):
                continue
            if region.grid is None:
                region.chars.append(c)
                last = (*region.bbox, region.chars) if not region.children else None
                break
            cell = region.cell_at(cx, cy)
            if cell is not None:
                target = region.cell_chars.setdefault(cell, [])
                target.append(c)
                last = (*region.grid.cells[cell].bbox, target) if cell not in region.nested \
                    else None
                break
        else:
            free.append(c)
            last = None
    return free


# -- reading order ------------------------------------------------------------------------


def read_container(lines: list[Line], regions: list[Region], settings: dict[str, Any],
                   bands: list[Band] | None = None) -> list[Item]:
    """Paragraphs and regions of one container in reading order (regions not opened).

    In a two-column band (`pdf_columns`) the left column is read before the right one,
    and each column's lines form paragraphs against that column's own width."""
    bands = bands or []
    entries = []
    for ln in lines:
        entries.append(_placed(bands, ln.top, ln.bottom, ln.x0, ln.x1, ln))
    for r in regions:
        entries.append(_placed(bands, _content_top(r), r.bbox[3], r.bbox[0], r.bbox[2], r))
    columns: dict[tuple[int, int] | None, list[Line]] = {}
    for e in entries:
        if isinstance(e.obj, Line):
            columns.setdefault(e.where, []).append(e.obj)
    column = {k: column_of(v) for k, v in columns.items()}
    items: list[Item] = []
    run: list[Line] = []
    key: tuple[int, int] | None = None
    for e in _reading_order(entries):
        if isinstance(e.obj, Line):
            if run and e.where != key:
                items.extend(group_paragraphs(run, column[key], settings))
                run = []
            key = e.where
            run.append(e.obj)
            continue
        if run:
            items.extend(group_paragraphs(run, column[key], settings))
        run = []
        items.append(e.obj)
    if run:
        items.extend(group_paragraphs(run, column[key], settings))
    return items


def _placed(bands: list[Band], top: float, bottom: float, x0: float, x1: float,
            obj: Line | Region) -> _Entry:
    if not bands:
        return _new(_Entry, (top, bottom, x0, obj, None))
    where = side_of(bands, top, bottom, x0, x1)
    vtop = virtual_top(bands, top, where)
    return _new(_Entry, (vtop, bottom + vtop - top, x0, obj, where))


class _Entry(NamedTuple):
    top: float
    bottom: float
    x0: float
    obj: Line | Region
    where: tuple[int, int] | None  # (band, column) in a two-column band


# _Entry(...) without NamedTuple's Python-level __new__ (one entry a line of every page)
_new = tuple.__new__
_TOP_X0 = attrgetter("top", "x0")
_X0 = attrgetter("x0")


def _content_top(region: Region) -> float:
    """Where the text of a box starts (its border may sit well above it)."""
    if region.grid is None and region.lines:
        return min(region.bbox[3], min(ln.top for ln in region.lines))
    return region.bbox[1]


def _reading_order(entries: list[_Entry]) -> list[_Entry]:
    """Top to bottom; what stands beside the first entry of a row, left to right.

    A row is an entry and everything that starts before that entry ends (a question
    number beside its question box, a `답변` label beside the answer).
    """
    entries.sort(key=_TOP_X0)
    out: list[_Entry] = []
    row: list[_Entry] = []
    for e in entries:
        if row and e.top >= row[0].bottom - 1.0:
            out.extend(sorted(row, key=_X0) if len(row) > 1 else row)
            row = []
        row.append(e)
    out.extend(sorted(row, key=_X0))
    return out


def flatten(items: list[Item], settings: dict[str, Any]) -> list[Paragraph | Region]:
    """Open boxes: their paragraphs (and the tables inside them) in place; tables stay."""
    out: list[Paragraph | Region] = []
    for item in items:
        if isinstance(item, Region) and item.grid is None:
            out.extend(flatten(read_container(item.lines, item.children, settings), settings))
        else:
            out.append(item)
    return out


def cell_text(region: Region, cell: int, settings: dict[str, Any]) -> str:
    lines = region.cell_lines.get(cell, [])
    if len(lines) < 2:  # most cells: no paragraphs to join
        return lines[0].text if lines else ""
    paras = group_paragraphs(lines, column_of(lines), settings)
    return "\n".join(p.text for p in paras)
