"""Split an announcement into the programs it announces.

Two shapes of master announcement, recognised by layout, not by names:

- per-program sections: a set of sibling sections each of which has sub-headings for several
  distinct facets of a program (개요, 지원내용, 신청자격, 신청기간, 지원규모, 선정·평가, 제출서류),
  while its own title is not a facet word;
- an overview table (사업별 개요): a table whose header row has a `사업명` / `세부사업명` column
  beside a column of program facts (지원규모, 지원금액, 지원기간, 과제수, 연구개발비), and whose
  name column names two or more programs (a page-split table continues: a row with an empty
  name cell belongs to the program above it). Each program owns its rows (read as a table of
  the header rows and its own rows), the tables whose 사업명 column names only it, its rows of
  another table of the programs (`사업명 | 모집기간`: a 사업명 column naming several of them) and
  the sections whose title names it; the rest of the file is shared by all of them. A program
  over several rows whose rows differ (one per 파견국가, 지원대상 …) reads each row apart
  (`row_labels`: the row's label from the shortest column telling every row apart).

- a call for several 사업 at once (listed_scopes): a heading that lists the 사업 the call
  announces (`□ 사업목적`, `□ 지원대상 사업`; vocab.headings.PROGRAM_LIST) whose items each name
  one 사업 (`○ 정보통신방송표준개발지원사업`, or the 사업 with its 부문:
  `○ 정보통신・방송 기술개발사업의 인공지능, AI반도체, … 부문`), two or more distinct ones, each
  named again in a line of the preamble (the title joins them: `… 기술개발 및 정보통신
  표준개발지원사업 신규지원 대상과제 공고`). Each program owns its items and the rows of a table
  of the 사업 (a row whose cell names the 사업 or one of its 부문: `표준화 | 정보통신방송표준개발지원 |
  …`, `인공지능 | 경량·저전력AI … | …`); the rest of the file (신청방법, 제출서류, 사전 지원 제외 대상,
  지원기준, 문의처 …) is shared by all of them. A list of 세부사업 / 내역사업 / 부문 under one 사업 is
  not: the title names one 사업, the items name its parts.

Anything else is one program over the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from gonggo.reading.scope import Scope
from gonggo.reading.tables import SUM_CELL
from gonggo.schemas.document import Block, Cell, Document, Section, Table
from gonggo.vocab.funding import find_months
from gonggo.vocab.headings import PROGRAM_FACETS, PROGRAM_LIST, pattern
from gonggo.vocab.programs import business_key, program_item
from gonggo.vocab.text import char_bigrams, compiled, norm_key, strip_marker

# the facets whose headings, among a section's children, make it a program section
_FACET_RX = {name: pattern(name) for name in PROGRAM_FACETS}
_ANY_FACET = regex.compile("|".join(f"(?x:{rx.pattern})" for rx in _FACET_RX.values()))
# a chapter's bare number before its title (`1 사업개요`, `3 신청자격 및 요건`: a PDF's chapter box
# printed as a digit, then the title), which strip_marker leaves (a `1` alone is no list marker)
_CHAPTER_NUMBER = regex.compile(r"^\d{1,2}\s+(?=\p{Hangul})")


def facets_of(doc: Document, section: Section) -> set[str]:
    """The facets named by headings anywhere below `section` (each subtree read once per
    document: a deep outline asks again for every ancestor)."""
    memo: dict[int, frozenset[str]] = doc.memo("reading.program_facets", dict)
    stack = [(section.index, False)]
    while stack:
        k, done = stack.pop()
        if k in memo:
            continue
        children = doc.sections[k].children
        if not done:
            stack.append((k, True))
            stack.extend((c, False) for c in children if c not in memo)
            continue
        found: set[str] = set()
        for c in children:
            child = doc.sections[c]
            if doc.blocks[child.block].kind == "heading":
                title = strip_marker(child.title)[:30]
                found |= {name for name, rx in _FACET_RX.items() if rx.match(title)}
            found |= memo[c]
        memo[k] = frozenset(found)
    return set(memo[section.index])


def is_program_section(doc: Document, section: Section) -> bool:
    if doc.blocks[section.block].kind != "heading":
        return False
    title = _CHAPTER_NUMBER.sub("", strip_marker(section.title), count=1)
    if _ANY_FACET.match(title[:20]):  # a facet's own heading, `3 신청자격 및 요건`: no program
        return False
    return len(facets_of(doc, section)) >= 3


def program_sections(doc: Document) -> list[Section]:
    """The sibling sections of a master announcement, or [] for a one-program file (found
    once per document: every program's extractors ask)."""
    return list(doc.memo("reading.program_sections", lambda: _program_sections(doc)))


def _program_sections(doc: Document) -> list[Section]:
    groups: dict[int | None, list[Section]] = {}
    for s in doc.sections:
        if is_program_section(doc, s):
            groups.setdefault(s.parent, []).append(s)
    best = max(groups.values(), key=len, default=[])
    return best if len(best) >= 2 else []


def program_name_from_title(title: str) -> tuple[str, int, int]:
    """The program's name inside a title, with its offsets in `title`.

    `2026년도 『 대중소상생형 스마트공장 구축지원 사업 』 … 모집 공고` → the 『』 part;
    otherwise the title without its leading year and trailing `공고`.
    """
    m = compiled(r"[『「｢]\s*(.+?)\s*[』」｣]").search(title)
    if m:
        return m.group(1), m.start(1), m.end(1)
    start, end = 0, len(title)
    y = compiled(r"\s*[’'‘]?\d{2,4}\s*년\s*도?\s*").match(title)
    if y:
        start = y.end()
    tail = compiled(r"\s*(?:\(\s*\d+\s*차\s*\)\s*)?(?:모집\s*)?공고(?:\s*\(\s*\d+\s*차\s*\))?\s*$").search(title[start:])
    if tail and tail.start() > 0:
        end = start + tail.start()
    return title[start:end].strip(), start, end


def program_key(name: str) -> str:
    """Stable slug for matching a program across years: no years, rounds, brackets, spaces."""
    # `\d++` and `(?<!\d)`: a round number is taken whole from the start of its digit run
    # (a backtracking `\d+\s*차` rescanned a long digit run from every position).
    name = compiled(r"[’']?\d{2,4}\s*년\s*도?|\(\s*\d++\s*차\s*\)|(?<!\d)\d++\s*차").sub("", name)
    return norm_key(name)


# the header cell of an overview table's name column, and the program facts beside it
_NAME_HEADER = regex.compile(r"^(?:세부)?사업명$")
_FACT_HEADER = regex.compile(r"지원규모|지원금액|지원기간|지원액|과제수|연구기간|연구개발비")
_SPACE = regex.compile(r"\s+")
# a joint announcement's program named by its ministry (`(농식품부) 축산현안대응 산업화기술개발`)
# and that ministry's section (`□ 농림축산식품부 소관 사업 : 총 19개 과제`)
_LEAD_LABEL = regex.compile(r"^\s*[(（]\s*(\p{Hangul}{2,8})\s*[)）]")
# the overview's column of RFP / 과제 numbers (`1-1`, `7-2`), and a note excepting some of them
# from the common deadline (`***RFP2-1,6-1,7-2,7-3,15-1의 경우 공고 마감 일자가 상이하오니 …`)
_CODE_HEADER = regex.compile(r"^(?:RFP|과제|공고)?번호$")
_CODE = regex.compile(r"\d{1,3}(?:-\d{1,3})+")
_DEADLINE_EXCEPTION = regex.compile(
    r"RFP\s*(?P<codes>\d{1,3}(?:-\d{1,3})+(?:\s*[,，、]\s*\d{1,3}(?:-\d{1,3})+)*)\s*(?:의|번)?\s*경우"
    r"[^\n]{0,20}?(?:마감|접수)\s*(?:일자|일정|기간|일시)?\S{0,3}\s*(?:상이|다름|별도)")
_ORG_SECTION = regex.compile(r"^[^\p{Hangul}]{0,6}(\p{Hangul}{2,12})\s*소관\s*(?:사업|과제)")


@dataclass
class _Program:
    name: str
    cell: Cell
    rows: list[tuple[int, list[int]]] = field(default_factory=list)  # (block, rows) it owns
    other_rows: list[tuple[int, list[int]]] = field(default_factory=list)  # of other tables of programs
    codes: set[str] = field(default_factory=set)  # its RFP numbers
    blocks: list[int] = field(default_factory=list)  # whole tables that name only it
    sections: list[Section] = field(default_factory=list)


def _name_column(table: Table, facts: bool) -> tuple[int, int] | None:
    """(header row, column) of a table's 사업명 column: the last of its first two rows that
    has one (a two-row header); `facts`: only beside a column of program facts."""
    grid = table.grid(2)  # its first two rows (not a copy of every row)
    found = None
    for r in range(min(2, len(grid))):
        header = [_SPACE.sub("", c.text) if c else "" for c in grid[r]]
        for c, text in enumerate(header):
            if _NAME_HEADER.match(text) and (not facts or any(
                    _FACT_HEADER.search(x) for x in header if not _NAME_HEADER.match(x))):
                found = (r, c)
                break
    return found


def _display(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def overview_programs(doc: Document) -> tuple[list[_Program], list[int]]:
    """The programs an overview table names, with the rows each owns, and the table blocks."""
    programs: dict[str, _Program] = {}
    tables: list[int] = []
    current: str | None = None
    for i, block in enumerate(doc.blocks):
        if block.table is None:
            continue
        column = _name_column(block.table, facts=True)
        if column is None:
            continue
        head, col = column
        tables.append(i)
        owned: dict[str, list[int]] = {}
        grid = block.table.grid()
        code_col = next((c for c, cell in enumerate(grid[head]) if cell is not None
                         and _CODE_HEADER.match(_SPACE.sub("", cell.text))), None)
        for r, row in enumerate(grid):
            if r <= head:
                continue
            cell = row[col]
            text = _display(cell.text) if cell else ""
            if text and SUM_CELL.is_total(text):
                current = None
                continue
            if text:
                current = norm_key(text)
                if current not in programs:
                    programs[current] = _Program(name=text, cell=cell)
            if current is not None:
                owned.setdefault(current, []).append(r)
                code = row[code_col] if code_col is not None else None
                if code is not None and _CODE.fullmatch(code.text.strip()):
                    programs[current].codes.add(code.text.strip())
        for key, rows in owned.items():
            programs[key].rows.append((i, rows))
    return list(programs.values()), tables


def _rows_block(doc: Document, index: int, rows: list[int]) -> Block:
    """Block `index`'s table cut to its header rows (above the first data row of the table)
    and `rows`, from the name column on; cells keep their offsets into the text, so evidence
    stays exact."""
    block = doc.blocks[index]
    table = block.table
    assert table is not None
    head, col = _name_column(table, facts=True) or _name_column(table, facts=False) or (0, 0)
    keep = list(range(head + 1)) + [r for r in rows if r > head]
    new_row = {r: k for k, r in enumerate(keep)}
    cells = []
    for cell in table.cells:
        covered = [r for r in range(cell.row, cell.row + cell.row_span) if r in new_row]
        if not covered or cell.col + cell.col_span <= col:
            continue  # columns before the name classify programs (부처, 사업유형), not tracks
        start_col = max(cell.col, col)
        cells.append(cell.model_copy(update={
            "row": new_row[covered[0]], "row_span": len(covered), "col": start_col - col,
            "col_span": cell.col + cell.col_span - start_col}))
    data = [c for c in cells if c.row > head] or cells
    start, end = min(c.start for c in data), max(c.end for c in data)
    return block.model_copy(update={"start": start, "end": end, "table": Table(
        n_rows=len(keep), n_cols=table.n_cols - col, cells=cells)})


# a row's own label at the start of a cell (`(단기)\n석사과정생 …`, `(중기[코스이수형])\n…`)
_ROW_LABEL = regex.compile(r"^\s*[(（]\s*([^()（）\n]{1,20}?)\s*[)）]")


@dataclass(frozen=True)
class OverviewRow:
    """One row of a program that spans several rows of a master's overview table, as a block
    of its own (the header rows and this row), with the label that tells it from its sibling
    rows and where that label is printed."""

    block: Block
    label: str
    span: tuple[int, int]


def row_blocks(scope: Scope) -> list[Block]:
    """Each of a program's overview rows as a block of its own (the header rows and the row);
    [] for a program of one row or none."""
    found = _own_rows(scope)
    if found is None:
        return []
    block, head, body = found
    return [_cut_rows(block, head, [r]) for r in body]


def _own_rows(scope: Scope) -> tuple[Block, int, list[int]] | None:
    if scope.overview_rows < 2 or not scope.own_blocks:
        return None
    for block in scope.own_blocks:  # its rows of the overview table (the one with program facts)
        table = block.table
        column = _name_column(table, facts=True) if table is not None else None
        if table is None or column is None or column[1] != 0:
            continue
        head = column[0]
        body = list(range(head + 1, table.n_rows))
        return (block, head, body) if len(body) == scope.overview_rows else None
    return None


def row_labels(scope: Scope) -> list[OverviewRow]:
    """A program over several rows of an overview table (one per 지원대상, 파견국가, 유형 …):
    each row with its label, from the column that tells the rows apart by short labels
    without digits (`미국 | 캐나다 | 스위스`; a cell's leading `(단기)` / `(장기)`; a whole
    `박사후연구원 (프로젝트형)`), the shortest such column (the leftmost of equals); [] when no
    column tells every row apart."""
    found = _own_rows(scope)
    if found is None:
        return []
    block, head, body = found
    assert block.table is not None
    table = block.table
    grid = table.grid()
    best: tuple[int, int, list[tuple[str, tuple[int, int]]]] | None = None
    for c in range(1, table.n_cols):
        cells = [grid[r][c] for r in body]
        if any(cell is None for cell in cells) or len({id(cell) for cell in cells}) < len(cells):
            continue
        found = [_ROW_LABEL.match(cell.text) for cell in cells]  # type: ignore[union-attr]
        labels: list[tuple[str, tuple[int, int]]] = []
        for cell, m in zip(cells, found, strict=True):
            assert cell is not None
            if all(found):
                assert m is not None
                labels.append((m[1], (cell.start + m.start(1), cell.start + m.end(1))))
            else:
                lead = len(cell.text) - len(cell.text.lstrip())
                labels.append((_display(cell.text), (cell.start + lead, cell.start + len(cell.text.rstrip()))))
        texts = [t for t, _ in labels]
        if (any(not t or len(t) > 20 or compiled(r"\d").search(t) for t in texts)
                or len({norm_key(t) for t in texts}) < len(texts)):
            continue
        width = max(len(t) for t in texts)
        if best is None or width < best[0]:
            best = (width, c, labels)
    if best is None:
        return []
    return [OverviewRow(_cut_rows(block, head, [r]), text, span)
            for r, (text, span) in zip(body, best[2], strict=True)]


def _cut_rows(block: Block, head: int, rows: list[int]) -> Block:
    """A table block cut to its header rows (0..`head`) and `rows`; cells keep their offsets."""
    table = block.table
    assert table is not None
    keep = list(range(head + 1)) + rows
    new_row = {r: k for k, r in enumerate(keep)}
    cells = []
    for cell in table.cells:
        covered = [r for r in range(cell.row, cell.row + cell.row_span) if r in new_row]
        if covered:
            cells.append(cell.model_copy(update={"row": new_row[covered[0]], "row_span": len(covered)}))
    data = [c for c in cells if c.row > head] or cells
    return block.model_copy(update={"start": min(c.start for c in data), "end": max(c.end for c in data),
                                    "table": Table(n_rows=len(keep), n_cols=table.n_cols, cells=cells)})


def rows_disagree(scope: Scope, start: int, end: int) -> bool:
    """Whether a period read at `start`..`end` in one of the program's overview rows is one
    the program's other rows contradict (`(단기) … 6개월`, `(장기) … 12개월` in one column):
    then it is one row's period, not the program's."""
    for block in scope.own_blocks or []:
        if block.table is None or not block.start <= start < block.end:
            continue
        grid = block.table.grid()
        hit = next(((r, c) for r, row in enumerate(grid) for c, cell in enumerate(row)
                    if cell is not None and cell.start <= start and end <= cell.end), None)
        if hit is None:
            return False
        values = set()
        for row in grid:
            cell = row[hit[1]]
            if cell is not None and cell.start >= block.start:  # data rows, not the header
                values |= {m.months for m in find_months(cell.text) if not m.extension}
        return len(values) > 1
    return False


def _claim(doc: Document, programs: list[_Program], tables: list[int]) -> None:
    """Give each program the other tables whose 사업명 column names only it, and the
    sections whose title names it (`○ (세부사업명) 개인정보 안전활용 선도기술 개발`)."""
    keys = {norm_key(p.name): p for p in programs}
    for i, block in enumerate(doc.blocks):
        if block.table is None or i in tables:
            continue
        column = _name_column(block.table, facts=False)
        if column is None:
            continue
        head, col = column
        grid = block.table.grid()
        names = {norm_key(row[col].text) for r, row in enumerate(grid)
                 if r > head and row[col] is not None and row[col].text.strip()}
        if len(names) == 1 and (owner := keys.get(names.pop())) is not None:
            owner.blocks.append(i)
        elif len(names) >= 2 and all(n in keys or SUM_CELL.is_total(n) for n in names):
            # another table of the programs (`사업명 | 모집기간`, `사업명 | 내역사업명 | 주요 내용`):
            # each program owns its rows (an empty name cell continues the row above)
            owned: dict[str, list[int]] = {}
            current: str | None = None
            for r, row in enumerate(grid):
                cell = row[col]
                if r <= head:
                    continue
                if cell is not None and cell.text.strip():
                    current = None if SUM_CELL.is_total(cell.text) else norm_key(cell.text)
                if current is not None:
                    owned.setdefault(current, []).append(r)
            for key, rows in owned.items():
                keys[key].other_rows.append((i, rows))
            tables.append(i)  # nobody's shared text
    by_org: dict[int, list[_Program]] = {}
    for s in doc.sections:
        org = _ORG_SECTION.match(strip_marker(s.title).strip())
        if org and doc.blocks[s.block].kind == "heading":
            by_org[s.index] = [p for p in programs if (lead := _LEAD_LABEL.match(p.name))
                               and abbreviates(lead[1], org[1])]
    for index, owners in by_org.items():
        if len(owners) == 1 and sum(owners[0] in o for o in by_org.values()) == 1:
            owners[0].sections.append(doc.sections[index])
    for s in doc.sections:
        title = norm_key(strip_marker(s.title))
        hits = [p for key, p in keys.items() if key and key in title]
        if len(hits) == 1 and len(title) <= len(norm_key(hits[0].name)) + 12:
            owner = hits[0]
            if not any(o.start <= s.start < o.end for o in owner.sections):
                owner.sections.append(s)


def abbreviates(short: str, full: str) -> bool:
    """`농식품부` abbreviates `농림축산식품부`, `농진청` `농촌진흥청`: the same first and last
    syllable, the others in order."""
    if len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return short == full
    rest = iter(full[1:-1])
    return all(ch in rest for ch in short[1:-1])


def _outside(total: int, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for lo, hi in sorted(parts):
        if lo > pos:
            out.append((pos, lo))
        pos = max(pos, hi)
    if pos < total:
        out.append((pos, total))
    return out


def overview_scopes(doc: Document, announced_on: date | None) -> list[Scope]:
    """One scope per program an overview table names, or [] when there is no such table."""
    programs, tables = overview_programs(doc)
    if len(programs) < 2:
        return []
    _claim(doc, programs, tables)
    parts = [(doc.blocks[i].start, doc.blocks[i].end) for i in tables]
    for p in programs:
        parts += [(doc.blocks[i].start, doc.blocks[i].end) for i in p.blocks]
        parts += [(s.start, s.end) for s in p.sections]
    shared = _outside(len(doc.text), parts)
    excepted = {code for lo, hi in shared for m in _DEADLINE_EXCEPTION.finditer(doc.text, lo, hi)
                for code in _CODE.findall(m["codes"])}
    scopes = []
    for p in programs:
        own = [_rows_block(doc, i, rows) for i, rows in p.rows + p.other_rows]
        own += [doc.blocks[i] for i in p.blocks]
        for s in p.sections:
            own += doc.section_blocks(s)
        own.sort(key=lambda b: (b.start, b.end))
        first = p.sections[0] if p.sections else None
        start, end = (first.start, first.end) if first else (own[0].start, own[0].end)
        scopes.append(Scope(doc=doc, start=start, end=end, announced_on=announced_on,
                            name=p.name, own_blocks=own, shared=shared,
                            name_span=(p.cell.start, p.cell.end),
                            overview_rows=sum(len(rows) for _, rows in p.rows),
                            not_shared=("windows",) if p.codes and p.codes <= excepted else ()))
    return scopes


# a preamble line names a listed 사업 when it holds this share of the name's bigrams
_TITLE_COVER = 0.75
_PREAMBLE_CHARS = 2000


@dataclass
class _Listed:
    """One 사업 of a multi-사업 call: its name, where it is printed first, the blocks of its items
    and the 부문 its item lists."""

    name: str
    span: tuple[int, int]
    blocks: list[int] = field(default_factory=list)
    divisions: set[str] = field(default_factory=set)
    rows: list[tuple[int, int, list[int]]] = field(default_factory=list)  # (block, head, rows)


def _covered(name: str, line: str) -> float:
    grams = char_bigrams(business_key(name), key=lambda x: x)
    return len(grams & char_bigrams(line)) / len(grams) if grams else 0.0


def listed_programs(doc: Document) -> tuple[list[_Listed], list[tuple[int, int]]]:
    """The 사업 a call lists under `□ 사업목적` / `□ 지원대상 사업` (one item each), when it lists two
    or more distinct ones that its preamble names too, and the spans of those lists; else
    ([], [])."""
    found: dict[str, _Listed] = {}
    lists: list[tuple[int, int]] = []
    for s in doc.sections:
        if doc.blocks[s.block].kind != "heading" or not PROGRAM_LIST.match(strip_marker(s.title)):
            continue
        items = [doc.sections[c] for c in s.children]
        named = [_item_name(doc, item) for item in items]
        if len(items) < 2 or any(n is None for n in named):
            continue
        lists.append((s.start, s.end))
        for item, hit in zip(items, named, strict=True):
            assert hit is not None
            name, span, divisions = hit
            entry = found.setdefault(business_key(name), _Listed(name=name, span=span))
            entry.blocks += [i for i, b in enumerate(doc.blocks)
                             if item.start <= b.start and b.end <= item.end]
            entry.divisions |= divisions
    if len(found) < 2:
        return [], []
    # the title and lead sentence: the file's first lines, or those just above the first list
    first = lists[0][0]
    head = doc.text[:min(first, _PREAMBLE_CHARS)]
    near = doc.text[max(len(head), first - _PREAMBLE_CHARS):first]
    preamble = [line for line in (head + "\n" + near).splitlines() if line.strip()]
    if not all(any(_covered(p.name, line) >= _TITLE_COVER for line in preamble)
               for p in found.values()):
        return [], []  # the title names one 사업: the items are its parts
    return list(found.values()), lists


def _item_name(doc: Document, item: Section) -> tuple[str, tuple[int, int], set[str]] | None:
    """The 사업 an item names, where it is printed, and the 부문 it lists; None for any other
    item."""
    block = doc.blocks[item.block]
    found = program_item(doc.text[block.start:block.end])
    if found is None:
        return None
    at = doc.text.find(found.name, block.start, block.end)
    span = (at, at + len(found.name)) if at >= 0 else (block.start, block.end)
    return found.name, span, set(found.divisions)


def _row_owner(row: list[Cell | None], programs: list[_Listed]) -> dict[int, set[int]]:
    """The programs a table row names (a cell that is the 사업's name or one of its 부문), each
    with the columns that name it."""
    owners: dict[int, set[int]] = {}
    for c, cell in enumerate(row):
        if cell is None or not cell.text.strip():
            continue
        key = norm_key(cell.text)
        for k, p in enumerate(programs):
            if business_key(cell.text) == business_key(p.name) or key in p.divisions:
                owners.setdefault(k, set()).add(c)
    return owners


def _claim_rows(doc: Document, programs: list[_Listed], skip: list[tuple[int, int]]) -> list[int]:
    """Give each listed 사업 its rows of the tables whose every row after the header names
    exactly one of them, two or more in all (a row whose naming cell is empty continues the
    row above, as a merged cell split at a page does); the tables claimed."""
    claimed = []
    for i, block in enumerate(doc.blocks):
        if block.table is None or any(lo <= block.start < hi for lo, hi in skip):
            continue
        grid = block.table.grid()
        owners = [_row_owner(row, programs) for row in grid]
        head = next((r for r, o in enumerate(owners) if o), None)
        if head is None:
            continue
        by_program: dict[int, list[int]] = {}
        current: tuple[int, set[int]] | None = None
        for r in range(head, len(grid)):
            o = owners[r]
            if len(o) == 1:
                current = next(iter(o.items()))
            elif o or current is None or any(
                    (cell := grid[r][c]) is not None and cell.text.strip() for c in current[1]):
                break  # a row naming two 사업, or none under a cell that names one
            by_program.setdefault(current[0], []).append(r)
        else:
            if len(by_program) >= 2:
                for k, rows in by_program.items():
                    programs[k].rows.append((i, head - 1, rows))
                claimed.append(i)
    return claimed


def listed_scopes(doc: Document, announced_on: date | None) -> list[Scope]:
    """One scope per 사업 of a multi-사업 call, or [] (see the module's docstring)."""
    programs, lists = listed_programs(doc)
    if not programs:
        return []
    tables = _claim_rows(doc, programs, lists)
    shared = _outside(len(doc.text), lists + [(doc.blocks[i].start, doc.blocks[i].end)
                                               for i in tables])
    scopes = []
    for p in programs:
        own = [doc.blocks[i] for i in p.blocks]
        own += [_cut_rows(doc.blocks[i], head, rows) for i, head, rows in p.rows]
        own.sort(key=lambda b: (b.start, b.end))
        scopes.append(Scope(doc=doc, start=own[0].start, end=own[0].end,
                            announced_on=announced_on, name=p.name, own_blocks=own,
                            shared=shared, name_span=p.span))
    return scopes


def split_programs(doc: Document, announced_on: date | None) -> list[Scope]:
    sections = program_sections(doc)
    if not sections:
        return overview_scopes(doc, announced_on) or listed_scopes(doc, announced_on) or [
            Scope(doc=doc, start=0, end=len(doc.text), announced_on=announced_on)]
    return [
        Scope(doc=doc, start=s.start, end=s.end, section=s, announced_on=announced_on,
              name=strip_marker(s.title))
        for s in sections
    ]
