"""One reader for tables: a document `Table`, or a run of lines a PDF flattened to tab-separated
cells, becomes a `Grid` — rows of cells with their spans, how many leading rows are column
headings, and which rows are sums (합계 / 소계 / 계).

How a family reads its tables differs in a few choices, and those are the fields of one
`TableSettings` (as pdfplumber's `TableSettings`), never a copy of the reader:

* `header` — how the heading rows are found. `"labels"`: the first row is short heading words
  (`구분 | 서류명 | 비고`), a second one when the first spans columns (lists: documents,
  clauses); `"until_value"`: every leading row before the first one holding a value (a points
  cell for evaluation tables, an amount / share / period for funding tables).
* `total_words` / `total_end` / `total_compact` / `total_in` / `total_max_len` — what a sum row
  says and where (`합계`, `총점`, `3 과제`).
* `carry` — how a merged cell a text export left empty on the rows below its first carries
  (`"labels"`: the label cells read from the cell above, see `Grid.row`).
* `min_cols` — fewer tab-separated cells than this is no row of a flattened table.

A table flattened without tabs (one cell per line, or a row on one line) is read by
`gonggo.reading.flat` into the same `Grid`, by the settings' `typed` / `free` / `name` fields.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import regex

from gonggo.schemas.document import Cell, Document, Table
from gonggo.vocab.text import compiled

# The sums every table shares; a family's settings add its own (`총점`, `N 과제`).
SUM_WORDS: tuple[str, ...] = (r"합\s*계", r"총\s*계", r"소\s*계", r"계")
# A lone word, a parenthesis or a number after the sum word (`합계`, `계 (100)`, `합계100`).
WORD_END = r"(?:\s|$|\(|\d)"
SPACE = regex.compile(r"\s")


@dataclass(frozen=True)
class TableSettings:
    """How one family reads tables; every per-family difference is a field here."""

    # -- heading rows
    header: Literal["labels", "until_value"] = "labels"
    # until_value: a cell text that is a value (ends the heading rows)
    value: Callable[[str], bool] | None = None
    max_header_rows: int = 3
    min_header_rows: int = 0
    # until_value: the count when no row holds a value (None: every row counted)
    no_value_rows: int | None = None
    # labels: a cell text that can head a column, and a word one of the first row's cells names
    label: Callable[[str], bool] | None = None
    header_word: regex.Pattern[str] | None = None
    # labels: a first row that only captions the table in one spanning cell (`<제출 서류 목록>`)
    caption: regex.Pattern[str] | None = None
    # -- sum rows
    total_words: tuple[str, ...] = SUM_WORDS
    total_end: str = WORD_END
    total_compact: bool = False  # test the text with its spaces removed
    total_max_len: int | None = None  # a longer cell is no sum label (`합계 점수가 60점 미만인 …`)
    total_in: Literal["any", "lead"] = "any"  # any cell / the row's text from its start
    # -- cells
    carry: Literal["none", "labels"] = "none"
    min_cols: int = 1
    marks: frozenset[str] = field(default_factory=frozenset)  # check marks (`○`, `O/X`): no label
    # -- flattened tables without tabs (`gonggo.reading.flat`): one cell per line, or a row on one
    # line. A line's typed values, in order: (start, end, column kind); `flat.TEXT` is free text
    typed: Callable[[str], list[tuple[int, int, str]]] | None = None
    free: tuple[str, ...] = ()  # the column kinds that take free text (`지원조건`, `비고`)
    name: Callable[[str], bool] | None = None  # a text naming a row: it starts one
    row_label: Callable[[str], bool] | None = None  # a label naming what its row states (`지원금액`)
    prose: regex.Pattern[str] | None = None  # a list item with values that is prose, no row
    line_end: regex.Pattern[str] | None = None  # a line ending its phrase (else the next continues it)
    qualifier: regex.Pattern[str] | None = None  # a header word qualifying the label before it (`한도`)

    @cached_property  # once per settings (frozen: the pattern never changes), not per cell
    def total_rx(self) -> regex.Pattern[str]:
        return compiled(rf"^\s*(?:{'|'.join(self.total_words)}){self.total_end}")

    def is_total(self, text: str) -> bool:
        """`text` (one cell, or a row's text) is a sum label."""
        if self.total_max_len is not None and len(text) >= self.total_max_len:
            return False
        return bool(self.total_rx.match(SPACE.sub("", text) if self.total_compact else text))


# a cell that holds only a sum word (`합 계`, `소계`): its row sums the rows above
SUM_CELL = TableSettings(total_end="$", total_compact=True)


@dataclass
class Grid:
    """Rows of cells (a merged cell at every position it covers), the heading row count and
    the sum rows. `line_starts[r]` is row r's line offset when the grid was read from lines."""

    rows: list[list[Cell | None]]
    n_header: int
    totals: set[int]
    settings: TableSettings
    n_cols: int = 0
    line_starts: list[int] = field(default_factory=list)
    # read from lines without tabs (`gonggo.reading.flat`): per row, the pieces of text (each
    # with its span) dealt to each column in order, and the pieces of the row's label
    parts: list[dict[int, list[Cell]]] = field(default_factory=list)
    label_parts: list[list[Cell]] = field(default_factory=list)

    def texts(self, r: int) -> list[str]:
        return [c.text if c else "" for c in self.rows[r]]

    def pieces(self, r: int, c: int) -> list[Cell]:
        """What cell (r, c) was read from: its pieces when read from lines, else the cell."""
        if self.parts:
            return self.parts[r].get(c, [])
        cell = self.rows[r][c] if c < len(self.rows[r]) else None
        return [cell] if cell is not None else []

    def body(self) -> range:
        return range(self.n_header, len(self.rows))

    def row(self, r: int) -> list[Cell | None]:
        """Row `r`, merged label cells carried down as `settings.carry` says."""
        if self.settings.carry == "labels":
            return carried_labels(self.rows, r, self.n_header, self.settings.marks)
        return list(self.rows[r])


# ---------------------------------------------------------------------------------------
# Heading rows


def caption_rows(table: Table, settings: TableSettings) -> int:
    """1 when the first row is the table's caption in one spanning cell (`<제출 서류 목록>`)."""
    if settings.caption is None or table.n_rows < 3 or table.n_cols < 2:
        return 0
    first = [c for c in table.cells if c.row == 0 and c.text.strip()]
    if len(first) == 1 and first[0].col_span == table.n_cols and settings.caption.match(first[0].text):
        return 1
    return 0


def _heading_like(row: list[str], settings: TableSettings) -> bool:
    texts = [t.strip() for t in row if t.strip()]
    label = settings.label or (lambda _t: True)
    return bool(texts) and all(label(t) for t in texts)


def _label_rows(table: Table, settings: TableSettings) -> int:
    cap = caption_rows(table, settings)
    rows = table.rows_text()[cap:]
    if len(rows) < 2:
        return 0
    word = settings.header_word
    if not _heading_like(rows[0], settings) or (
            word is not None and not any(word.search(t) for t in rows[0] if t.strip())):
        return 0
    n = 1
    spanned = any(c.row == cap and c.col_span > 1 for c in table.cells) or any(
        not t.strip() for t in rows[0])
    if spanned and len(rows) > 2 and _heading_like(rows[1], settings) and not rows[1][0].strip():
        n = 2
    return cap + n


# a head cell over row numbers (`연번`, `번호`, `순번`, `No.`) and a row number under it
NUMBER_HEAD = regex.compile(r"^\s*(?:연\s*번|번\s*호|순\s*번|no\.?)\s*$", regex.IGNORECASE)
ROW_NUMBER = regex.compile(r"^\s*\d{1,2}\s*[.)]?\s*$")


def value_rows(rows: Sequence[Sequence[str]], settings: TableSettings) -> int:
    """`until_value`: the leading rows (at most `max_header_rows`) before one holding a value."""
    value = settings.value or (lambda _t: False)
    numbered = bool(rows) and bool(rows[0]) and NUMBER_HEAD.match(rows[0][0]) is not None
    n = 0
    for row in rows[: settings.max_header_rows]:
        if any(value(t) for t in row if t.strip()):
            break
        if n and numbered and row and ROW_NUMBER.match(row[0]):
            break  # `연번 | 내용` over `1 | …`: a numbered row is data, whatever it holds
        n += 1
    if n >= len(rows) and settings.no_value_rows is not None:
        return settings.no_value_rows
    return max(n, settings.min_header_rows)


def header_rows(table: Table, settings: TableSettings) -> int:
    """How many leading rows of `table` are column headings (a caption row counts with them)."""
    if settings.header == "labels":
        return _label_rows(table, settings)
    return value_rows(table.rows_text(), settings)


# ---------------------------------------------------------------------------------------
# Sum rows and carried cells


def total_rows(rows: list[list[Cell | None]], n_header: int, settings: TableSettings) -> set[int]:
    out: set[int] = set()
    for r in range(n_header, len(rows)):
        cells = distinct(rows[r])
        if settings.total_in == "lead":
            if settings.is_total("\t".join(c.text for c in cells)):
                out.add(r)
        elif any(settings.is_total(c.text) for c in cells if c.text.strip()):
            out.add(r)
    return out


def distinct(row: Sequence[Cell | None]) -> list[Cell]:
    """The row's cells, a merged cell once."""
    seen: set[int] = set()
    out: list[Cell] = []
    for cell in row:
        if cell is not None and id(cell) not in seen:
            seen.add(id(cell))
            out.append(cell)
    return out


def _filled(cell: Cell | None) -> bool:
    return cell is not None and bool(cell.text.strip())


def carried_labels(grid: list[list[Cell | None]], r: int, top: int,
                   marks: frozenset[str] = frozenset()) -> list[Cell | None]:
    """Row `r` with the label cells a lost merge left empty read from the cell above.

    A text table keeps a merged cell only on its first row (`도입 기업 | 기초 | 강원도 소재 …`
    then ` | 고도화 |  | - 중간1 …`): a row whose first cell is empty continues the group
    opened by the last row with a first cell, and its empty cells left of its last filled one
    take the nearest filled cell above them in that group, as `Table.grid` repeats a real
    merged cell. The table itself is left as it is.
    """
    row = list(grid[r])
    if not row or _filled(row[0]):
        return row
    start = next((k for k in range(r - 1, top - 1, -1) if _filled(grid[k][0])), None)
    filled = [c for c, cell in enumerate(row) if _filled(cell) and cell.text.strip() not in marks]
    if start is None or not filled:
        return row
    for c in range(filled[-1]):
        if _filled(row[c]):
            continue
        row[c] = next((grid[k][c] for k in range(r - 1, start - 1, -1) if _filled(grid[k][c])), row[c])
    return row


# ---------------------------------------------------------------------------------------
# Readers


def read_table(table: Table, settings: TableSettings) -> Grid:
    """A document table as a grid."""
    rows = table.grid()
    # the heading and sum rows of a table under one settings: once per table (a program's
    # scope, each leaf section validation reads and each family ask again)
    n_header, totals = table.derived(("tables.read_table", settings), lambda: (
        (n := header_rows(table, settings)), frozenset(total_rows(rows, n, settings))))
    return Grid(rows, n_header, set(totals), settings, table.n_cols)


def split_line(line: str, start: int, row: int = 0) -> list[Cell]:
    """One tab-separated line (at offset `start`) → its cells, each with its span; an empty
    cell is kept (its position is its column)."""
    cells: list[Cell] = []
    pos = start
    for col, part in enumerate(line.split("\t")):
        cells.append(Cell(row=row, col=col, text=part, start=pos, end=pos + len(part)))
        pos += len(part) + 1
    return cells


def text_lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The lines of `text[start:end]` with their offsets."""
    out: list[tuple[int, str]] = []
    pos = start
    for line in text[start:end].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def doc_lines(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """`text_lines(doc.text, start, end)`, cut from the document's lines (split once per
    document: every program's scope and every section a check reads again asks anew)."""
    if start < 0 or end < start:
        return text_lines(doc.text, start, end)
    lines = doc.memo("tables.doc_lines", lambda: text_lines(doc.text, 0, len(doc.text)))
    starts = doc.memo("tables.doc_line_starts", lambda: [at for at, _ in lines])
    first = bisect_right(starts, start) - 1  # the line `start` falls in (or ends)
    last = bisect_right(starts, end) - 1
    at, line = lines[first]
    if first == last:
        return [(start, line[start - at : end - at])]
    tail_at, tail = lines[last]
    return [(start, line[start - at :]), *lines[first + 1 : last], (tail_at, tail[: end - tail_at])]


def read_lines(lines: Sequence[tuple[int, str]], settings: TableSettings,
               n_header: int | None = None) -> Grid:
    """A run of flattened rows (`(offset, line)`, cells joined by tabs) as a grid; a row has
    as many cells as its line (a flattened table keeps no merged cells). `n_header` given is
    used as is, else the heading rows are found by `settings` (`until_value`)."""
    rows: list[list[Cell | None]] = [list(split_line(line, at, r)) for r, (at, line) in enumerate(lines)]
    if n_header is None:
        n_header = value_rows([[c.text if c else "" for c in row] for row in rows], settings)
    n_cols = max((len(r) for r in rows), default=0)
    return Grid(rows, n_header, total_rows(rows, n_header, settings), settings, n_cols,
                [at for at, _ in lines])


def is_row(line: str, settings: TableSettings) -> bool:
    """A line that is a flattened table's row: at least `min_cols` tab-separated cells."""
    return line.count("\t") + 1 >= settings.min_cols


def table_of_text(text: str) -> Table:
    """A table written as text (phrase corpora): lines are rows, tabs separate cells, and a cell
    printed again right of itself or below itself is one merged cell, as `Table.rows_text`
    prints a merged cell at every position it covers; an empty cell is no cell."""
    cells: list[Cell] = []
    at: list[list[int | None]] = []  # per row and column, the index of its cell
    offset = 0
    for r, line in enumerate(text.split("\n")):
        row: list[int | None] = []
        pos = offset
        for c, part in enumerate(line.split("\t")):
            left = row[-1] if row else None
            above = at[r - 1][c] if r and c < len(at[r - 1]) else None
            if part and above is not None and above == left and cells[above].text == part:
                row.append(above)  # a cell merged over rows and columns, further right
            elif part and left is not None and cells[left].text == part and cells[left].row == r:
                cells[left].col_span += 1
                row.append(left)
            elif (part and above is not None and cells[above].text == part
                  and cells[above].col == c and cells[above].row + cells[above].row_span == r):
                cells[above].row_span += 1
                row.append(above)
            elif part:
                cells.append(Cell(row=r, col=c, text=part, start=pos, end=pos + len(part)))
                row.append(len(cells) - 1)
            else:
                row.append(None)
            pos += len(part) + 1
        at.append(row)
        offset += len(line) + 1
    return Table(n_rows=len(at), n_cols=max((len(r) for r in at), default=0), cells=cells)


# ---------------------------------------------------------------------------------------
# Tables nested in a cell, spread over the outer grid


def own_end(cell: Cell) -> int:
    """Where a cell's own text ends: before the first table nested in it."""
    starts = [c.start for t in cell.nested for c in t.cells if cell.start <= c.start < cell.end]
    return min(starts, default=cell.end)


def spread_nested(table: Table, text: str) -> Table:
    """The table with each cell's nested table laid out in the outer grid, as the HWP twin
    of a PDF draws it: a PDF reads a column's sub-rows as a table inside the cell (`중견기업`
    over `…연구개발비의 70%이내` and `평균매출액 등이 3천억 원 미만 | 75% 이내`, `… 이상 | 70% 이내`),
    where the HWP spans them over the outer rows and columns. The cell keeps its own text
    (before the nested table) on its first row, across the nested table's columns; the nested
    rows follow below it; every other cell of the row spans them. A table with no nested cell,
    or with a nested cell spanning rows or columns, or holding more than one table, is
    returned as it is."""
    holders = [c for c in table.cells if c.nested]
    if not holders or any(len(c.nested) != 1 or c.row_span != 1 or c.col_span != 1
                          or not c.nested[0].cells for c in holders):
        return table
    extra_rows = [0] * table.n_rows  # nested rows added under each outer row
    widths = [1] * table.n_cols  # outer column → inner columns
    for c in holders:
        inner = c.nested[0]
        extra_rows[c.row] = max(extra_rows[c.row], inner.n_rows)
        widths[c.col] = max(widths[c.col], inner.n_cols)
    row_at = [0]
    for r in range(table.n_rows):
        row_at.append(row_at[-1] + 1 + extra_rows[r])
    col_at = [0]
    for c in range(table.n_cols):
        col_at.append(col_at[-1] + widths[c])
    cells: list[Cell] = []
    for cell in table.cells:
        r0, r1 = row_at[cell.row], row_at[min(cell.row + cell.row_span, table.n_rows)]
        c0, c1 = col_at[cell.col], col_at[min(cell.col + cell.col_span, table.n_cols)]
        if not cell.nested:
            cells.append(cell.model_copy(update={"row": r0, "col": c0, "row_span": r1 - r0,
                                                 "col_span": c1 - c0}))
            continue
        end = own_end(cell)
        cells.append(cell.model_copy(update={
            "row": r0, "col": c0, "row_span": 1, "col_span": c1 - c0, "end": end,
            "text": text[cell.start:end], "nested": []}))
        for inner in cell.nested[0].cells:
            cells.append(inner.model_copy(update={"row": r0 + 1 + inner.row,
                                                  "col": c0 + inner.col}))
    return Table(n_rows=row_at[-1], n_cols=col_at[-1], cells=cells)
