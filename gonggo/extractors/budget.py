"""The call's budget an RFP sheet prints in its terms table (prose budget lines: `tracks`).

An RFP sheet (제안요청서) opens with a table of the RFP's terms; one row prints the support
period and the government's money for it side by side:

    지원 정보 | 지원기간 | 2026.04 ~ 2030.12 | 정부지원금 | 9,736백만원
              | 1단계 (1차년도) | 2026.04 ~ 2028.12 (…) | 1단계 (1차년도) | 5,668백만원 (1,600백만원)

That amount is the RFP's money for all its years. When the sheet selects several 과제 (`선정 과제
수 : 2개 과제 내외`) it is their sum: the call's budget, never a cap. With one 과제, or no count,
it may be that one award's total: not read here (missing is better than wrong).

A call table of ONE 과제 row under a year's money column prints one 과제's money and, in
parentheses, the sum over the 과제 the row selects (`(단위 : 백만원)` / `… | 과 제 명 | … | ’26년
정부지원 연구개발비` / `1 | 석‧박사 전문인력 양성 (총 2개 과제 지원) | 5년 | 1,440 (2,880)`): the sum,
when it is exactly the money times the count, is that year's budget of the call. Two rows or
more (`375 (750)` over `675`): no one sum is printed, none.
"""

from __future__ import annotations

from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Awards, Evidence
from gonggo.schemas.document import Cell
from gonggo.vocab.budget import each_and_sum, sheet_money_label, sheet_period, year_money_column
from gonggo.vocab.money import find_amounts, unit_multiplier


def _right_of(row: list[Cell | None], i: int) -> Cell | None:
    """The first cell right of row[i] that is another cell (a merged cell spans columns)."""
    cell = row[i]
    return next((c for c in row[i + 1:] if c is not None and c is not cell), None)


def sheet_budget(scope: Scope, awards: Awards | None) -> tuple[int, list[Evidence]] | None:
    """The money of an RFP sheet's terms row, when the sheet selects more than one 과제."""
    if awards is None or awards.count is None or awards.count < 2:
        return None
    found: list[tuple[int, int, int]] = []
    for b in scope.blocks:
        if b.table is None:
            continue
        for row in b.table.grid():
            if not any(cell is not None and (right := _right_of(row, i)) is not None
                       and sheet_period(cell.text, right.text) for i, cell in enumerate(row)):
                continue
            for i, cell in enumerate(row):
                if cell is None or (i and row[i - 1] is cell) or not sheet_money_label(cell.text):
                    continue
                value = _right_of(row, i)
                text = scope.doc.text[value.start:value.end] if value is not None else ""
                amounts = find_amounts(text)
                if value is not None and len(amounts) == 1 and amounts[0].bound != "min":
                    a = amounts[0]
                    found.append((a.krw, value.start + a.start, value.start + a.end))
    if len({krw for krw, _, _ in found}) != 1:
        return None  # none, or rows of several RFPs: no one budget
    krw, s, e = found[0]
    return krw, [scope.evidence(s, e)]


def row_sum_budget(scope: Scope) -> tuple[int, list[Evidence]] | None:
    """The parenthesized sum of a one-row call table under a year's money column."""
    found: list[tuple[int, int, int]] = []
    blocks = scope.blocks
    for idx, b in enumerate(blocks):
        grid = b.table.grid() if b.table is not None else []
        if len(grid) != 2 or idx == 0:
            continue
        header, row = grid
        caption = scope.doc.text[blocks[idx - 1].start:blocks[idx - 1].end]
        unit = unit_multiplier(caption)
        row_text = " ".join(c.text for c in row if c is not None)
        for j, head in enumerate(header):
            cell = row[j] if j < len(row) else None
            if head is None or cell is None or cell is head or not year_money_column(head.text):
                continue
            span = each_and_sum(scope.doc.text[cell.start:cell.end], row_text)
            if span is not None and unit:
                s, e = span
                total = int(scope.doc.text[cell.start + s:cell.start + e].replace(",", ""))
                found.append((total * unit, cell.start + s, cell.start + e))
    if len({krw for krw, _, _ in found}) != 1:
        return None
    krw, s, e = found[0]
    return krw, [scope.evidence(s, e)]
