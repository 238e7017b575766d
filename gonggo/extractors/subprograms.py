"""Subprograms: the R&D 내역사업 rows of a program (contract v2 `subprograms`).

One layout, read conservatively: the first table of the program whose header has a
`내역사업` column and a count of 과제 (a `과제 수` column, or the 내역사업 header itself saying
`(총 과제수)` with `미래대응식품 (13개)` cells), e.g.

    내역 사업 | 지원유형 | 과제 수 | '21년 정부지원연구개발비
    가축 생산 효율성 증진 | 지정공모 | 6 | 2,245백만 원
                          | 자유응모 | 3 | 1,165백만 원

Each 내역사업 is one subprogram (one per 지원유형 when a 내역사업 lists several: `가축 생산
효율성 증진 (지정공모)`); `calls` is its count of 과제, `budget_krw` its money in the first money
column that is not the whole period's (`총연구비`). Totals (`합 계`) are nobody's row. A table of
numbered 과제 rows (`내역사업명 | 순번 | 과 제 명 | …`) counts its rows and states no budget (a
row's money is that 과제's, not the 내역사업's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from gonggo.reading.scope import Scope
from gonggo.reading.tables import SUM_CELL
from gonggo.schemas.announcement import Evidence, Subprogram
from gonggo.schemas.document import Cell, Table
from gonggo.vocab.money import find_amounts, unit_multiplier
from gonggo.vocab.text import compiled

NAME_HEADER = regex.compile(r"^내역\s*사업\s*(?:명)?")
COUNT_IN_NAME_HEADER = regex.compile(r"과제\s*수")
COUNT_HEADER = regex.compile(r"과제\s*수")
# no count, one row per 과제 (`내역사업명 | 순번 | 과 제 명 | 총 수행기간 | …`): the rows are the calls
TITLE_HEADER = regex.compile(r"^과\s*제\s*명$")
ORDINAL_HEADER = regex.compile(r"^(?:순번|연번|번호)$")
TYPE_HEADER = regex.compile(r"^(?:지원|공모|과제)\s*유형$")
MONEY_HEADER = regex.compile(r"연구\s*개발비|출연금|연구비|예산|사업비")
WHOLE_PERIOD = regex.compile(r"^\s*총|총\s*액|총\s*연구")
# a label ending in 합계 (`내역사업 합계`) sums too
SUM_SUFFIX = regex.compile(r"합계$")
COUNT_CELL = regex.compile(r"^\s*(\d{1,3})\s*(?:개\s*)?(?:과제)?\s*$")
COUNT_IN_NAME = regex.compile(r"[(（]\s*(\d{1,3})\s*개\s*(?:과제)?\s*[)）]\s*$")
HEADER_UNIT = regex.compile(r"[(（]\s*(?:단위\s*[:：]?\s*)?(천\s?원|만\s?원|백\s?만\s?원|천\s?만\s?원|억\s?원)")
SPACE = regex.compile(r"\s+")


@dataclass
class _Columns:
    head_end: int  # last header row
    name: int
    count: int | None  # None: the count is in the name cell (or, `rows`, one row per 과제)
    money: int | None
    kind: int | None
    unit: int | None
    rows: bool = False


@dataclass
class _Group:
    name: str
    kind: str
    calls: int | None = None
    budget: int | None = None
    evidence: list[Evidence] = field(default_factory=list)


def _labels(grid: list[list[Cell | None]], head_end: int, n_cols: int) -> list[str]:
    out = []
    for c in range(n_cols):
        seen: list[str] = []
        for r in range(head_end + 1):
            cell = grid[r][c]
            if cell is not None and cell.text.strip() and cell.text not in seen:
                seen.append(cell.text)
        out.append(" ".join(SPACE.sub(" ", t).strip() for t in seen))
    return out


def _columns(table: Table, before: str) -> _Columns | None:
    grid = table.grid()
    for r in range(min(2, len(grid))):
        for c, cell in enumerate(grid[r]):
            if cell is None or not NAME_HEADER.match(SPACE.sub("", cell.text)):
                continue
            head_end = cell.row + cell.row_span - 1
            if head_end + 1 >= len(grid):
                return None
            labels = _labels(grid, head_end, table.n_cols)
            count = next((i for i, lab in enumerate(labels) if i != c and COUNT_HEADER.search(lab)), None)
            if count is None and not COUNT_IN_NAME_HEADER.search(cell.text):
                titled = any(TITLE_HEADER.match(SPACE.sub(" ", lab).strip()) for lab in labels)
                numbered = any(ORDINAL_HEADER.match(lab.strip()) for lab in labels)
                if titled and numbered:
                    return _Columns(head_end, c, None, None, None, None, rows=True)
                return None
            money = next((i for i, lab in enumerate(labels) if i not in (c, count)
                          and MONEY_HEADER.search(lab) and not WHOLE_PERIOD.search(
                              lab.split(" ")[-1])), None)
            kind = next((i for i, lab in enumerate(labels) if TYPE_HEADER.match(lab)), None)
            unit = None
            if money is not None:
                m = HEADER_UNIT.search(labels[money]) or HEADER_UNIT.search(before)
                unit = unit_multiplier(f"단위 {m[1]}") if m else unit_multiplier(before)
            return _Columns(head_end, c, count, money, kind, unit)
    return None


def _money(cell: Cell, unit: int | None) -> int | None:
    text = cell.text.strip()
    amounts = find_amounts(text)
    if len(amounts) == 1:
        return amounts[0].krw
    bare = compiled(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?").fullmatch(text)
    if bare and unit:
        return int(float(text.replace(",", "")) * unit)
    return None


def _read(scope: Scope, table: Table, cols: _Columns) -> list[_Group]:
    groups: dict[tuple[str, str], _Group] = {}
    for r, row in enumerate(table.grid()):
        if r <= cols.head_end:
            continue
        cell = row[cols.name]
        if cell is None or not cell.text.strip():
            continue
        raw = SPACE.sub(" ", cell.text).strip()
        if SUM_CELL.is_total(raw) or SUM_SUFFIX.search(SPACE.sub("", raw)):
            continue
        inner = COUNT_IN_NAME.search(raw)
        name = raw[: inner.start()].strip() if inner else raw
        kind_cell = row[cols.kind] if cols.kind is not None else None
        kind = SPACE.sub(" ", kind_cell.text).strip() if kind_cell is not None else ""
        group = groups.setdefault((name, kind), _Group(name, kind))
        spans = [(cell.start, cell.end)]
        if cols.rows:
            group.calls = (group.calls or 0) + 1
        elif cols.count is None:
            if inner and group.calls is None:
                group.calls = int(inner[1])
        elif (count_cell := row[cols.count]) is not None and count_cell is not cell:
            m = COUNT_CELL.match(count_cell.text)
            if m:
                group.calls = (group.calls or 0) + int(m[1])
                spans.append((count_cell.start, count_cell.end))
        if cols.money is not None and (money_cell := row[cols.money]) is not None:
            value = _money(money_cell, cols.unit)
            if value is not None:
                group.budget = (group.budget or 0) + value
                spans.append((money_cell.start, money_cell.end))
        for lo, hi in spans:
            ev = scope.evidence(lo, hi)
            if ev.end > ev.start and ev not in group.evidence:
                group.evidence.append(ev)
    return list(groups.values())


def extract_subprograms(scope: Scope) -> list[Subprogram]:
    for block, table in scope.tables():
        before = scope.doc.text[max(0, block.start - 80) : block.start]
        cols = _columns(table, before)
        if cols is None:
            continue
        groups = [g for g in _read(scope, table, cols) if g.calls is not None]
        if not groups:
            continue
        kinds: dict[str, set[str]] = {}
        for g in groups:
            kinds.setdefault(g.name, set()).add(g.kind)
        out = []
        for g in groups:
            name = f"{g.name} ({g.kind})" if len(kinds[g.name]) > 1 and g.kind else g.name
            out.append(Subprogram(name=name, calls=g.calls, budget_krw=g.budget,
                                  evidence=g.evidence))
        return out
    return []
