"""The one document model every format converges on (see STYLE.md: Docling).

`Document.text` is the normalized text that `gonggo ingest` prints; every span in this
model and every evidence span downstream indexes into exactly that string.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Callable
from functools import partial
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, PrivateAttr

T = TypeVar("T")

BlockKind = Literal["heading", "paragraph", "list_item", "table", "caption", "header", "footer"]
Severity = Literal["error", "warning", "info"]


class Cell(BaseModel):
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str
    start: int
    end: int
    nested: list[Table] = Field(default_factory=list)


class Table(BaseModel):
    n_rows: int
    n_cols: int
    cells: list[Cell]

    def grid(self, first: int | None = None) -> list[list[Cell | None]]:
        """Rows of cells; a merged cell appears at every position it covers (new lists on
        every call: a caller may change its copy). `first`: only the first rows, copied."""
        # laid out once per table (its readers ask again per program and per check), kept
        # outside the model so that equality and JSON never see it
        shape = (self.n_rows, self.n_cols, len(self.cells))
        entry = _GRIDS.get(id(self))
        if entry is None or entry[0]() is not self or entry[1] is not self.cells \
                or entry[2] != shape:
            grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
            n_rows, n_cols = self.n_rows, self.n_cols
            for cell in self.cells:
                row, col = cell.row, cell.col
                if cell.row_span == cell.col_span == 1:  # most cells: one position
                    if row < n_rows and col < n_cols:
                        grid[row][col] = cell
                    continue
                for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                    for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                        grid[r][c] = cell
            entry = (weakref.ref(self, partial(_forget_grid, id(self))), self.cells, shape, grid)
            _GRIDS[id(self)] = entry
        return [row.copy() for row in (entry[3] if first is None else entry[3][:first])]

    def rows_text(self) -> list[list[str]]:
        return [[c.text if c else "" for c in row] for row in self.grid()]

    def derived(self, key: Any, compute: Callable[[], T]) -> T:
        """`compute()` once per table and key, for readings of the table alone (its heading
        rows, whether it titles an example) that every program's scope and check asks again;
        kept outside the model as the grid is, and forgotten with the table or when its cells
        list or shape changes. The value is shared: return only immutable values."""
        shape = (self.n_rows, self.n_cols, len(self.cells))
        entry = _DERIVED.get(id(self))
        if entry is None or entry[0]() is not self or entry[1] is not self.cells \
                or entry[2] != shape:
            entry = (weakref.ref(self, partial(_forget, _DERIVED, id(self))), self.cells, shape,
                     {})
            _DERIVED[id(self)] = entry
        values = entry[3]
        if key not in values:
            values[key] = compute()
        return values[key]  # type: ignore[no-any-return]


# id(table) → (a weak reference to it, its cells list, (n_rows, n_cols, len(cells)), grid)
_GRIDS: dict[int, tuple[weakref.ref[Table], list[Cell], tuple[int, int, int],
                        list[list[Cell | None]]]] = {}


def _forget_grid(ident: int, ref: weakref.ref[Table]) -> None:
    _forget(_GRIDS, ident, ref)


# id(table) → (a weak reference to it, its cells list, its shape, {key: value}): `derived`
_DERIVED: dict[int, tuple[weakref.ref[Table], list[Cell], tuple[int, int, int],
                          dict[Any, Any]]] = {}


def _forget(store: dict[int, Any], ident: int, ref: weakref.ref[Table]) -> None:
    entry = store.get(ident)
    if entry is not None and entry[0] is ref:
        del store[ident]


class Block(BaseModel):
    kind: BlockKind
    start: int
    end: int
    page: int | None = None
    section_index: int | None = None  # HWP/HWPX body section
    paragraph_index: int | None = None  # paragraph number inside that section / file
    level: int | None = None  # outline rank of the marker (lower is higher in the tree)
    marker: str | None = None  # outline marker as printed: "Ⅰ.", "(1)", "□", "◦", "※" ...
    section: int | None = None  # index into Document.sections of the innermost section
    section_path: list[int] = Field(default_factory=list)
    table: Table | None = None


class Section(BaseModel):
    """A node of the outline tree: a marked block and everything under it."""

    index: int
    block: int  # index into Document.blocks of the block that opens it
    parent: int | None
    level: int
    marker: str
    title: str
    start: int
    end: int
    children: list[int] = Field(default_factory=list)


class ReadFinding(BaseModel):
    """Something the reader could not do faithfully (unmapped glyphs, dropped objects)."""

    code: str
    severity: Severity = "warning"
    message: str
    pages: list[int] = Field(default_factory=list)


class SourceInfo(BaseModel):
    path: str
    sha256: str
    format: Literal["txt", "md", "pdf", "hwp", "hwpx"]
    pages: int | None = None


class Document(BaseModel):
    source: SourceInfo
    text: str
    blocks: list[Block]
    sections: list[Section] = Field(default_factory=list)
    findings: list[ReadFinding] = Field(default_factory=list)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def section_blocks(self, section: Section) -> list[Block]:
        return [b for b in self.blocks if b.start >= section.start and b.end <= section.end]

    # Derived lookups, computed once per document (not part of the model or its JSON).
    _starts: list[int] | None = PrivateAttr(default=None)
    _memo: dict[Any, Any] = PrivateAttr(default_factory=dict)

    def page_at(self, offset: int) -> int | None:
        # the private dict itself, as in `memo` (every evidence span asks for its page)
        private = self.__pydantic_private__
        starts = private["_starts"]  # type: ignore[index]
        if starts is None or len(starts) != len(self.blocks):
            starts = private["_starts"] = [b.start for b in self.blocks]  # type: ignore[index]
        i = bisect_right(starts, offset)
        for block in self.blocks[max(0, i - 3) : i]:
            if block.start <= offset < block.end or (offset == block.end == block.start):
                return block.page
        return None

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        """`compute()` once per document and key: for stages that reread the same part."""
        # the private dict itself: `self._memo` goes through pydantic's __getattr__ (~10 µs,
        # and stages ask once per block)
        cache = self.__pydantic_private__["_memo"]  # type: ignore[index]
        if key not in cache:
            cache[key] = compute()
        return cache[key]


Cell.model_rebuild()
