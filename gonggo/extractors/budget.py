"""The call's budget an RFP sheet prints in its terms table (prose budget lines: `tracks`).

An RFP sheet (제안요청서) opens with a table of the RFP's terms; one row prints the support
period and the government's money for it side by side:

    지원 정보 | 지원기간 | 2026.04 ~ 2030.12 | 정부지원금 | 9,736백만원
              | 1단계 (1차년도) | 2026.04 ~ 2028.12 (…) | 1단계 (1차년도) | 5,668백만원 (1,600백만원)

That amount is the RFP's money for all its years. When the sheet selects several 과제 (`선정 과제
수 : 2개 과제 내외`) it is their sum: the call's budget, never a cap. With one 과제, or no count,
it may be that one award's total: not read here (missing is better than wrong).
"""

from __future__ import annotations

from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Awards, Evidence
from gonggo.schemas.document import Cell
from gonggo.vocab.budget import sheet_money_label, sheet_period
from gonggo.vocab.money import find_amounts


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
