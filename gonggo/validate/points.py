"""Points that do not add up: an evaluation table's section header points (`연구계획(50)`)
against the sum of its items, the items against the 합계 row (or 100 when no total is printed),
and 가점 caps (`가점 (최대 3점)`) against the items under them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from gonggo.reading.tables import TableSettings
from gonggo.schemas.announcement import Announcement, Evidence, Finding
from gonggo.schemas.document import Cell, Document, Table
from gonggo.validate.common import ev, finding, forms_start, q
from gonggo.vocab.text import compiled

_POINTS_HEADER = regex.compile(r"^(?:평가)?(?:배점|점수)(?:\(점\))?$")
_LABEL_POINTS_HEADER = regex.compile(r"\(배점\)")
_NUMBER = regex.compile(r"^\s*(\d{1,3}(?:\.\d)?)\s*점?\s*$")
_SCALE = regex.compile(r"^\s*(?:\d{1,2}\s+){2,}(\d{1,3})\s*$")  # `0 3 6 9 12 15`: the top
_HEAD_POINTS = regex.compile(r"[(（]\s*(\d{1,3})\s*점?\s*[)）]\s*$")
# the sum row of a points table (a 소계 row is read as an item here, as before)
POINTS_TABLE = TableSettings(total_words=(r"합\s*계", r"총\s*계", r"총\s*점", r"계", r"합"),
                             total_end="$", total_compact=True)
_BONUS = regex.compile(r"가\s*점|가\s*산\s*점|감\s*점|면\s*제|우\s*선")
_CAP = regex.compile(r"최대\s*(\d{1,2})\s*점")


def _key(text: str) -> str:
    return compiled(r"\s+").sub("", text)


def _points(cell: Cell | None) -> Decimal | None:
    if cell is None:
        return None
    m = _NUMBER.match(cell.text) or _SCALE.match(cell.text)
    return Decimal(m[1]) if m else None


@dataclass
class _Sheet:
    """An evaluation table as rows of (label cell, points cell)."""

    table: Table
    header: int
    col: int | None  # the points column; None when points are printed in the labels
    rows: list[list[Cell | None]] = field(default_factory=list)


def _sheets(doc: Document) -> Iterator[_Sheet]:
    end = forms_start(doc)
    for b in doc.blocks:
        if b.table is None or b.start >= end:
            continue
        grid = b.table.grid()
        for r, row in enumerate(grid[:2]):
            labels = [_key(c.text) if c else "" for c in row]
            col = next((c for c, lab in enumerate(labels) if c and _POINTS_HEADER.match(lab)), None)
            if col is not None:
                yield _Sheet(b.table, r, col, grid[r + 1 :])
                break
            if labels and _LABEL_POINTS_HEADER.search(labels[0]):
                yield _Sheet(b.table, r, None, grid[r + 1 :])
                break


def _item_points(sheet: _Sheet) -> list[tuple[Cell, Decimal, list[Cell | None]]]:
    """(points cell, points, row) of each item row, a merged points cell once."""
    out: list[tuple[Cell, Decimal, list[Cell | None]]] = []
    seen: set[int] = set()
    head: Cell | None = None
    for row in sheet.rows:
        first = row[0] if row[0] is not None and row[0].text.strip() else None
        head = first or head  # a row with an empty first cell belongs to the one above
        if head is None or POINTS_TABLE.is_total(head.text):
            continue
        first = head
        row = [head, *row[1:]]
        cell = row[sheet.col] if sheet.col is not None else first
        value = _points(cell) if sheet.col is not None else _head_points(first)
        if cell is None or value is None or id(cell) in seen:
            continue
        seen.add(id(cell))
        out.append((cell, value, row))
    return out


def _head_points(cell: Cell) -> Decimal | None:
    m = _HEAD_POINTS.search(cell.text)
    return Decimal(m[1]) if m else None


def _head_span(doc: Document, cell: Cell) -> Evidence:
    m = _HEAD_POINTS.search(cell.text)
    return ev(doc, cell.start, cell.end) if m is None else \
        ev(doc, cell.start + m.start(), cell.start + m.end())


def _group_findings(doc: Document, sheet: _Sheet) -> list[Finding]:
    if sheet.col is None:
        return []
    groups: dict[int, tuple[Cell, list[tuple[Cell, Decimal]]]] = {}
    for cell, value, row in _item_points(sheet):
        head = row[0]
        if head is not None and head is not cell and _head_points(head) is not None:
            groups.setdefault(id(head), (head, []))[1].append((cell, value))
    out = []
    for head, items in groups.values():
        printed = _head_points(head)
        total = sum(v for _, v in items)
        if printed is None or total == printed or len(items) < 1:
            continue
        parts = "+".join(q(c.text, 8) for c, _ in items)
        out.append(finding(
            "points_do_not_add_up",
            f"평가항목 ‘{q(head.text, 30)}’의 배점과 세부항목 배점의 합 ‘{parts}’={total:g}점이 "
            f"다릅니다.", [_head_span(doc, head)] + [ev(doc, c.start, c.end) for c, _ in items]))
    return out


def _total_findings(doc: Document, sheet: _Sheet) -> list[Finding]:
    items = _item_points(sheet)
    if len(items) < 3 or any(r[0] is not None and _BONUS.search(r[0].text) for _, _, r in items):
        return []
    totals = [row for row in sheet.rows if row[0] is not None and POINTS_TABLE.is_total(row[0].text)]
    total = sum(v for _, v, _ in items)
    spans = [ev(doc, c.start, c.end) if sheet.col is not None else _head_span(doc, c)
             for c, _, _ in items]
    parts = "+".join(f"{v:g}" for _, v, _ in items)
    if totals:
        row = totals[0]
        cell = row[sheet.col] if sheet.col is not None else row[0]
        printed = _points(cell) if sheet.col is not None else (
            _head_points(cell) if cell else None)
        if cell is None or printed is None or printed == total:
            return []
        return [finding("points_do_not_add_up",
                        f"배점표의 합계 ‘{q(cell.text, 12)}’와 항목 배점의 합 ‘{parts}’={total:g}점이 "
                        f"다릅니다.", [ev(doc, cell.start, cell.end)] + spans)]
    if total == 100 or not (70 <= total <= 130) or any(
            _points(r[sheet.col]) is None for r in sheet.rows if sheet.col is not None):
        return []
    return [finding("points_do_not_add_up",
                    f"배점표 ‘{q(sheet.rows[0][0].text if sheet.rows[0][0] else '', 20)}’… 의 항목 "
                    f"배점 ‘{parts}’의 합이 {total:g}점으로 100점이 아닙니다.", spans)]


def _bonus_findings(doc: Document, sheet: _Sheet) -> list[Finding]:
    """A 가점 group's cap (`가점 (최대 3점)`) against its items' points."""
    if sheet.col is None:
        return []
    groups: dict[int, tuple[Cell, list[tuple[Cell, Decimal]]]] = {}
    for cell, value, row in _item_points(sheet):
        head = row[0]
        if head is not None and _CAP.search(head.text) and _BONUS.search(head.text):
            groups.setdefault(id(head), (head, []))[1].append((cell, value))
    out = []
    for head, items in groups.values():
        m = _CAP.search(head.text)
        cap = Decimal(m[1])  # type: ignore[index]
        spans = [ev(doc, head.start + m.start(), head.start + m.end())]  # type: ignore[union-attr]
        over = [(c, v) for c, v in items if v > cap]
        if over:
            c, _ = over[0]
            out.append(finding(
                "bonus_cap_inconsistent",
                f"가점 상한 ‘{q(m[0], 10)}’보다 큰 가점 항목 ‘{q(c.text, 10)}’이 있습니다.",  # type: ignore[index]
                spans + [ev(doc, c.start, c.end)]))
        elif sum(v for _, v in items) < cap:
            parts = "+".join(q(c.text, 8) for c, _ in items)
            out.append(finding(
                "bonus_cap_inconsistent",
                f"가점 상한 ‘{q(m[0], 10)}’에 가점 항목을 모두 더해도({parts}) 닿지 "  # type: ignore[index]
                f"않습니다.", spans + [ev(doc, c.start, c.end) for c, _ in items]))
    return out


_TEXT_CAP = regex.compile(r"항목\s*(?:당|별)\s*(?P<each>\d{1,2})\s*점\s*[,，]?\s*(?:최대|총|합계)\s*"
                          r"(?P<cap>\d{1,2})\s*점")


def _text_caps(doc: Document) -> list[Finding]:
    """`항목 당 3점, 최대 2점`: a per-item cap above the total cap."""
    out = []
    for m in _TEXT_CAP.finditer(doc.text, 0, forms_start(doc)):
        if int(m["each"]) > int(m["cap"]):
            out.append(finding(
                "bonus_cap_inconsistent",
                f"‘{q(m[0], 30)}’: 항목당 {m['each']}점이 최대 {m['cap']}점보다 큽니다.",
                [ev(doc, m.start("each"), m.end("each")), ev(doc, m.start("cap"), m.end("cap"))]))
    return out


def check_points(doc: Document, ann: Announcement) -> list[Finding]:
    out: list[Finding] = []
    for sheet in _sheets(doc):
        out += _group_findings(doc, sheet) + _total_findings(doc, sheet) \
            + _bonus_findings(doc, sheet)
    return out + _text_caps(doc)
