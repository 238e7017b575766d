"""Flattened tables without tabs: a PDF table whose cells came out one cell per line, or a
whole row on one line, read into a `Grid` (cells with their spans) after a header line the
family recognised. Layout only: what a line's values are is the family's (`TableSettings.typed`:
a line → its values, each with the column kind it fills), so this reader knows no vocabulary.

`read_flat` deals lines to the header's columns, left to right. A `(…)` line continues the
current cell; a line with values deals them to the next columns of their kinds (a value inside
parentheses, or text right after text, stays in the current cell); a list item fills a
free-text column (`TableSettings.free`: 지원조건, 비고); any other line fills the next free-text
column, or, when none is left, starts the next row as its name (`TableSettings.name`). A name
the family already knows (`known`) always starts a row; a name wrapped over two lines
(`공동활용` / `솔루션 과제`) is one. A row may sit on one line: a name then values (`고도화1
2억원`), or a name, a text cell and values (`스마트 마이스터 24회, 회당 35만원 90% 10%`). A row
named by a sum word (`TableSettings.is_total`: `총 구축비용 30%`) is a sum row. A line that fits
nowhere ends the table.

`read_flat_labels` reads a label table flattened to lines: the label column's heading (the
family matched it), the column names across the top (one line, or several with a lower heading
row under a group cell), then rows `지원금액 250만원 500만원 100만원`: a label naming what the row
states (`TableSettings.row_label`), then one value per column (a lone `-` is an empty cell).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from gonggo.reading.tables import Grid, TableSettings
from gonggo.schemas.document import Cell
from gonggo.vocab.text import compiled, norm_key

# the kind of a typed piece of text no value column takes: a free-text cell (`24회`, `회당 35만원`)
TEXT = "text"
# a flattened header's labels: `구    분` is one word spaced out; `지원횟수, 수당` is one column
# naming two things
HEADER_TOKEN = regex.compile(r"구\s*분|(?:\S+,\s*)*\S+")
# a whole line in parentheses (`(총사업비 30%)`): it continues the current cell
PAREN_LINE = regex.compile(r"^\s*[(\[（].*[)\]）]\s*$", regex.S)
# a lone dash between spaces: an empty cell of a label table's row
EMPTY_CELL = regex.compile(r"(?<!\S)[-–—](?!\S)")

Typed = list[tuple[int, int, str]]


@dataclass(frozen=True)
class Line:
    """One line of a flattened table: its text (stripped, a list item without its marker) at
    offset `start` of the document text."""

    start: int
    text: str
    item: bool = False  # a list item (`- …`, `• …`)


def header_labels(text: str, settings: TableSettings, max_len: int = 60) -> list[list[str]] | None:
    """The column labels of a flattened header line (`지원구분 정부지원금 한도 사업기간 접수형태`),
    each with the words qualifying it (`settings.qualifier`: [`정부지원금`, `한도`]); None for a
    line longer than `max_len` or of fewer than two words."""
    if len(text) > max_len:  # before the token scan: a long line is no header whatever it holds
        return None
    tokens = HEADER_TOKEN.findall(text.strip())
    if len(tokens) < 2:
        return None
    out: list[list[str]] = []
    for tok in tokens:
        tok = tok.strip(",")
        if out and settings.qualifier is not None and settings.qualifier.match(tok):
            out[-1].append(tok)
        else:
            out.append([tok])
    return out


def _never(_text: str) -> bool:
    return False


def _untyped(_text: str) -> Typed:
    return []


def in_parens(text: str, pos: int) -> bool:
    """`text[pos]` lies inside parentheses opened before it."""
    before = text[:pos]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


def row_name(prefix: str, settings: TableSettings) -> tuple[str, int | None] | None:
    """The row a value line starts, from the text before its first value: a name or a sum word
    (`고도화1`, `총 구축비용`), or the name before a first cell that is text (`스마트 마이스터` before
    `24회, 회당 35만원 …`: the words up to the first one with a digit); (name, offset of that text)."""
    is_name = settings.name or _never
    if is_name(prefix) or settings.is_total(prefix):
        return prefix, None
    words = list(compiled(r"\S+").finditer(prefix))
    lead = 0
    while lead < len(words) and not compiled(r"\d").search(words[lead][0]):
        lead += 1
    if 0 < lead < len(words):
        name = prefix[: words[lead - 1].end()]
        if is_name(name):
            return name, words[lead].start()
    return None


@dataclass
class _Row:
    label: list[Cell]
    total: bool
    parts: dict[int, list[Cell]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return " ".join(c.text for c in self.label)


class _Dealer:
    """Deals the lines of one flattened table to its columns (see the module's text)."""

    def __init__(self, kinds: Sequence[str], settings: TableSettings, known: Callable[[str], bool]) -> None:
        self.kinds = list(kinds)
        self.settings = settings
        self.typed = settings.typed or _untyped
        self.is_name = settings.name or _never
        self.known = known
        self.rows: list[_Row] = []
        self.cur: int | None = None
        self.list_cell = False  # the current free-text cell is a list: its lines continue it
        self.open_line = False  # the last line stopped mid-phrase
        self.free = [k for k, c in enumerate(self.kinds) if c in settings.free]

    def _open(self, text: str) -> bool:
        end = self.settings.line_end
        return end is not None and not end.search(text)

    def next_col(self, kinds: Sequence[str]) -> int | None:
        return next((k for k, c in enumerate(self.kinds)
                     if (self.cur is None or k > self.cur) and c in kinds), None)

    def put(self, k: int, text: str, start: int) -> None:
        # a continuation, or a second value in one column, is one more piece of the cell
        r = len(self.rows) - 1
        self.rows[-1].parts.setdefault(k, []).append(
            Cell(row=r, col=k, text=text, start=start, end=start + len(text)))
        self.cur = k

    def new_row(self, name: str, start: int) -> None:
        r = len(self.rows)
        self.rows.append(_Row([Cell(row=r, col=0, text=name, start=start, end=start + len(name))],
                              self.settings.is_total(name)))
        self.cur = 0
        self.list_cell = self.open_line = False

    def line(self, line: Line) -> bool:
        """Read one line; False when it cannot belong to the table."""
        body, start = line.text, line.start
        items = self.typed(body)
        if line.item:
            return self.list_line(body, start, items)
        if PAREN_LINE.match(body):
            if self.cur is None or not self.rows:
                return False
            self.put(self.cur, body, start)
            return True
        if items:
            return self.value_line(body, start, items)
        return self.text_line(body, start)

    def list_line(self, body: str, start: int, items: Typed) -> bool:
        prose = self.settings.prose
        if not self.rows or (items and prose is not None and prose.match(body)):
            return False  # `- (기초) 0.7억원` lists rows as prose
        if items:
            if not self.deal(body, start, items):
                return False
        else:
            k = self.cur if self.cur in self.free else self.next_col(self.settings.free)
            if k is None:
                return False
            self.put(k, body, start)
        self.list_cell = True
        self.open_line = self._open(body)
        return True

    def value_line(self, body: str, start: int, items: Typed) -> bool:
        prefix = body[: items[0][0]].strip()
        label = row_name(prefix, self.settings) if prefix else None
        if label:  # `고도화1 2억원`, `총 구축비용 30%`: a row on one line
            name, rest = label
            at = body.find(prefix)
            self.new_row(name, start + at)
            if rest is not None:  # `24회, 회당 35만원`: the row's first cell is text
                items = [(at + rest, at + rest, TEXT), *items]
        if not self.rows:
            return False
        self.list_cell = self.open_line = False
        return self.deal(body, start, items)

    def text_line(self, body: str, start: int) -> bool:
        row = self.rows[-1] if self.rows else None
        known = self.known(body)
        name_like = known or self.is_name(body)
        if (row and self.cur == 0 and not row.parts and 1 not in self.free
                and self.is_name(row.name + " " + body)):
            # a name wrapped over two lines (`공동활용` / `솔루션 과제`)
            row.label.append(Cell(row=len(self.rows) - 1, col=0, text=body, start=start, end=start + len(body)))
            return True
        if row and self.cur in self.free and self.list_cell and (self.open_line or not name_like):
            self.put(self.cur, body, start)
            self.open_line = self._open(body)
            return True
        k = self.next_col(self.settings.free) if row else None
        if k is not None and not known:
            self.put(k, body, start)
            self.list_cell = self.open_line = False
            return True
        if name_like:
            self.new_row(body, start)
            return True
        if row and self.cur in self.free:
            self.put(self.cur, body, start)
            return True
        return False

    def deal(self, body: str, start: int, items: Typed) -> bool:
        """Deal the values of one line to the columns from the current one on."""
        for n, (s, _e, kind) in enumerate(items):
            wanted = self.settings.free if kind == TEXT else (kind,)
            here = self.cur is not None and self.kinds[self.cur] in wanted
            joined = n > 0 and kind == items[n - 1][2] == TEXT  # `24회, 회당 35만원`: one cell
            k = self.cur if here and (joined or in_parens(body, s)) else self.next_col(wanted)
            if k is None and here:
                k = self.cur  # `4개월 (연장 2개월)`, `0.18억원 (총사업비 30%)`
            if k is None:
                return False
            seg_end = items[n + 1][0] if n + 1 < len(items) else len(body)
            self.put(k, body[s:seg_end], start + s)
        return True

    def grid(self) -> Grid:
        rows: list[list[Cell | None]] = []
        for r, row in enumerate(self.rows):
            cells: list[Cell | None] = [_joined(row.label, r, 0, " ")]
            cells += [_joined(row.parts.get(k, []), r, k, "\n") for k in range(1, len(self.kinds))]
            rows.append(cells)
        return Grid(rows, n_header=0, totals={r for r, row in enumerate(self.rows) if row.total},
                    settings=self.settings, n_cols=len(self.kinds),
                    line_starts=[row.label[0].start for row in self.rows],
                    parts=[row.parts for row in self.rows], label_parts=[row.label for row in self.rows])


def _joined(pieces: list[Cell], r: int, c: int, sep: str) -> Cell | None:
    if not pieces:
        return None
    return Cell(row=r, col=c, text=sep.join(p.text for p in pieces), start=pieces[0].start, end=pieces[-1].end)


def read_flat(lines: Sequence[Line], kinds: Sequence[str], settings: TableSettings,
              known: Callable[[str], bool] = _never) -> tuple[Grid, int]:
    """The rows of a flattened table whose header line named columns of `kinds` (the first
    names the rows), from the lines after that header; and how many lines it read (it ends
    before the first line that fits nowhere). Each cell's pieces are `Grid.pieces(r, c)`, each
    row's name pieces `Grid.label_parts[r]`; a sum row's name is a sum word (`Grid.totals`)."""
    dealer = _Dealer(kinds, settings, known)
    n = 0
    for line in lines:
        if not dealer.line(line):
            break
        n += 1
    return dealer.grid(), n


# ---------------------------------------------------------------------------------------
# Label tables


def label_row(text: str, settings: TableSettings) -> tuple[str, list[tuple[int, int]]] | None:
    """`지원금액 250만원 500만원 100만원` → (`지원금액`, the cells' spans in `text`): a row label
    (`settings.row_label`), then value cells only (a lone `-` is an empty cell)."""
    typed = settings.typed or _untyped
    cells = sorted([(s, e) for s, e, kind in typed(text) if kind != TEXT]
                   + [(m.start(), m.end()) for m in EMPTY_CELL.finditer(text)])
    if not cells:
        return None
    label = text[: cells[0][0]].strip()
    rest = text[cells[0][0] :]
    for s, e in reversed(cells):
        rest = rest[: s - cells[0][0]] + " " + rest[e - cells[0][0] :]
    if not label or rest.strip() or not (settings.row_label or _never)(label):
        return None
    return label, cells


def split_names(line: str, n: int) -> list[str] | None:
    """`기본 컨설팅 심화 컨설팅` as 2 names → [`기본 컨설팅`, `심화 컨설팅`]: names of equal length
    in words, the way a row of header cells reads when flattened."""
    words = line.split()
    if n < 1 or len(words) % n:
        return None
    size = len(words) // n
    return [" ".join(words[k : k + size]) for k in range(0, len(words), size)]


def column_names(lines: list[str], n: int, settings: TableSettings) -> list[str] | None:
    """The n column names over a flattened label table, from its header lines.

    One line holds all n. Several lines: the last may be a lower header row whose cells sit
    under a group cell of the lines above (`컨설팅 지원` over `기본 컨설팅 | 심화 컨설팅`, beside
    `원포인트 멘토링` spanning both rows), the group being the line sharing a word with each of
    its cells; without such a group, n lines hold one name each, and fewer lines put the
    lower row under the first. Every name must be one (`settings.name`), all different."""
    if len(lines) == 1:
        names = split_names(lines[0], n)
    else:
        upper = lines[:-1]
        below = split_names(lines[-1], n - len(upper) + 1) or []
        group = next((k for k, line in enumerate(upper) if len(below) >= 2
                      and all(set(name.split()) & set(line.split()) for name in below)), None)
        if group is None and len(lines) == n:
            names = list(lines)
        elif below:
            group = group or 0
            names = upper[:group] + below + upper[group + 1 :]
        else:
            return None
    if not names or len(names) != n or len({norm_key(x) for x in names}) != n:
        return None
    is_name = settings.name or _never
    return names if all(is_name(x) for x in names) else None


def read_flat_labels(head: Line | None, lines: Sequence[Line], settings: TableSettings,
                     max_header_lines: int = 4) -> tuple[Grid | None, int]:
    """A label table flattened to lines, after its label column's heading line (`구 분`, with
    the text after that word as `head`, if any): the column names, then the rows. Row 0 holds
    the names (`Grid.pieces(0, k)`: where each is printed, if on one line), the rows below a
    label and their cells; and how many of `lines` it read. (None, 0) when they are not one."""
    typed = settings.typed or _untyped
    names_at: list[Line] = [head] if head is not None else []
    found: list[tuple[Line, str, list[tuple[int, int]]]] = []
    n_read = 0
    for line in lines:
        row = label_row(line.text, settings)
        if row:
            found.append((line, row[0], row[1]))
        elif found or typed(line.text) or len(names_at) >= max_header_lines:
            break
        else:
            names_at.append(line)
        n_read += 1
    if not found or not names_at:
        return None, 0
    n = len(found[0][2])
    names = column_names([x.text for x in names_at], n, settings)
    if names is None:
        return None, 0
    top: list[Cell | None] = [None]
    spans: dict[int, list[Cell]] = {}
    for k, name in enumerate(names, 1):
        at = next((x.start + x.text.find(name) for x in names_at if name in x.text), None)
        cell = Cell(row=0, col=k, text=name, start=at if at is not None else names_at[0].start,
                    end=at + len(name) if at is not None else names_at[0].start)
        top.append(cell)
        spans[k] = [cell] if at is not None else []
    rows: list[list[Cell | None]] = [top]
    parts: list[dict[int, list[Cell]]] = [spans]
    labels: list[list[Cell]] = [[]]
    for r, (line, label, cells) in enumerate(found, 1):
        lab = Cell(row=r, col=0, text=label, start=line.start, end=line.start + len(label))
        row: list[Cell | None] = [lab] + [
            Cell(row=r, col=k, text=line.text[s:e], start=line.start + s, end=line.start + e)
            for k, (s, e) in enumerate(cells, 1)]
        rows.append(row)
        parts.append({k: [c] for k, c in enumerate(row) if k and c is not None})
        labels.append([lab])
    starts = [names_at[0].start] + [x.start for x, _, _ in found]
    return Grid(rows, n_header=1, totals=set(), settings=settings, n_cols=n + 1, line_starts=starts,
                parts=parts, label_parts=labels), n_read
