"""Mandatory budget lines and fees of one program (원가계산비용, 교육비, 기술임치비, 수수료 tables).

A cost is something the applicant must budget or pay, not something the program pays for it.
Rules, each a small function below:

- `COST_LINE`       a line or table cell naming a cost item (`원가계산비용`, `교육비`, `기술임치비`,
  `정산 수수료`, `컨설팅 비용` …) with an amount after it, printed as `<item> : … <amount>` or with
  a duty word (`필수 편성`, `사업비에 포함`, `계상`, `납부`): `① 원가계산비용 : 과제 당 1,500,000원
  필수 편성`, `… 교육비 100만원 계상`.
- `COST_DUTY`       the same without an amount: `<item> : … 필수 편성`, or a list of items that
  must be included (`①원가계산비용, ②교육비 및 ③기술임치 비용을 … 필수 포함`). An amount
  printed elsewhere for the same item fills it in (one cost per item, evidence merged).
- `FEE_TABLE`       a table with a 수수료 / 금액 / 비용 column: one cost per row, `condition` the
  row's label (`50백만원 이하`); `item` the cost named just above the table, else the column.

Not costs: support for a cost (`수준확인비용 지원(기업당 80만원)`, `기술임치수수료 전액 지원`),
optional lines (`… 포함 가능`), and funding shares (those are tracks' funding).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from gonggo.reading.lines import Line, clean, scope_lines
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Cost, Evidence
from gonggo.schemas.document import Table
from gonggo.vocab.money import find_amounts
from gonggo.vocab.text import compiled, norm_key, strip_marker

# What a cost item is called: <what it pays for> + 비용 / 비 / 수수료 / 료.
COST_ITEM = regex.compile(
    r"(?:원가\s*계산|교\s*육|기술\s*임치|임\s*치|수준\s*확인|컨설팅|정\s*산|감\s*리|회계\s*감사|검\s*증|"
    r"인\s*증|심\s*사|등\s*록|참\s*가|수\s*강|보\s*증|보\s*험|시\s*험|진\s*단|분\s*석)\s*(?:비\s*용|수수료|비|료)"
    r"|(?<![가-힣])수수료"
)
DUTY = regex.compile(
    r"필\s*수|반드시|의무|(?:사업비|비용)\S*\s*(?:에|로)?\s*포함|편\s*성|계\s*상|납\s*부|지\s*불|"
    r"입\s*금|하여야|해야"
)
OPTIONAL = regex.compile(r"(?:포함|편성|계상)\s*(?:이\s*)?가능")
SUPPORTED = regex.compile(r"^\s*(?:의\s*)?(?:\S+\s*)?(?:전액\s*)?(?:지원|면제|무료|무상)")
CONDITION = regex.compile(
    r"[(（]\s*(해당\s*시|해당\s*기업|필요\s*시|희망\s*시|선택)\s*[)）]|(해당\s*시|필요\s*시)\s"
)
AMOUNT_HEAD = regex.compile(r"수수료|금\s*액|비\s*용|요\s*금|단\s*가|납부\s*액")
FUNDING_HEAD = regex.compile(r"정부|지원\s*금|자부담|부담|출연|분담")


def _units(scope: Scope) -> Iterator[Line]:
    """Every line of the scope: paragraphs, then the lines of every table cell that names a
    cost item (a line naming one lies in a cell naming one)."""
    yield from scope_lines(scope)
    for _, table in scope.tables():
        for cell in table.cells:
            pos = cell.start
            text = scope.doc.text[cell.start : cell.end]
            if not COST_ITEM.search(text):
                continue
            for raw in text.split("\n"):
                if raw.strip():
                    lead = len(raw) - len(raw.lstrip())
                    yield Line(pos + lead, pos + len(raw.rstrip()), raw.strip())
                pos += len(raw) + 1


def _item_key(item: str) -> str:
    return compiled(r"(?:비용|수수료|비|료)$").sub("", norm_key(item))


def _condition(text: str) -> str | None:
    m = CONDITION.search(text)
    return clean(m.group(1) or m.group(2)) if m else None


def line_costs(text: str) -> list[tuple[str, int, int, int | None, int | None, int | None]]:
    """Costs in one line: (item, item start, item end, won, amount start, amount end)."""
    return list(_line_costs(text))


@lru_cache(maxsize=8192)  # a pure function of the line: every program's scope asks again
def _line_costs(text: str) -> tuple[tuple[str, int, int, int | None, int | None, int | None], ...]:
    out: list[tuple[str, int, int, int | None, int | None, int | None]] = []
    items = [
        m for m in COST_ITEM.finditer(text) if not SUPPORTED.match(text[m.end() : m.end() + 12])
    ]
    if not items:
        return tuple(out)
    body = strip_marker(text)
    label_form = bool(compiled(r"^[^:：]{0,25}[:：]").match(body)) and COST_ITEM.search(
        body.split(":")[0].split("：")[0]
    )
    duty = bool(DUTY.search(text)) and not OPTIONAL.search(text)
    if not (label_form or duty):
        return tuple(out)
    amounts = [a for a in find_amounts(text) if a.bound != "min"]
    if label_form:
        items = items[:1]
    for i, m in enumerate(items):
        nxt = items[i + 1].start() if i + 1 < len(items) else len(text)
        after = [a for a in amounts if m.end() <= a.value_start < nxt]
        if not after and len(items) == 1:
            after = [a for a in amounts if a.value_start < m.start()][-1:]
        item = clean(m.group(0))
        if after:
            a = after[0]
            out.append((item, m.start(), m.end(), a.krw, a.value_start, a.value_end))
        elif duty:
            out.append((item, m.start(), m.end(), None, None, None))
    return tuple(out)


def _line_rule(scope: Scope) -> list[Cost]:
    """`COST_LINE` and `COST_DUTY`."""
    out: list[Cost] = []
    for line in _units(scope):
        for item, s, e, krw, a_s, a_e in line_costs(line.text):
            spans = [scope.evidence(line.start + s, line.start + e)]
            if a_s is not None and a_e is not None:
                spans.append(scope.evidence(line.start + a_s, line.start + a_e))
            duty = DUTY.search(line.text)
            if krw is None and duty:
                spans.append(scope.evidence(line.start + duty.start(), line.start + duty.end()))
            out.append(
                Cost(item=item, amount_krw=krw, condition=_condition(line.text), evidence=spans)
            )
    return out


def _fee_table(scope: Scope, table: Table, named: Cost | None) -> list[Cost]:
    """`FEE_TABLE`: one cost per row of a table with an amount column."""
    grid = table.grid()
    head = table.rows_text()[0]
    if any(FUNDING_HEAD.search(t) for t in head):
        return []
    col = next((c for c, t in enumerate(head) if AMOUNT_HEAD.search(t)), None)
    if col is None:
        return []
    label_col = next((c for c in range(len(head)) if c != col), None)
    head_cell = grid[0][col]
    item = named.item if named is not None else clean(compiled(r"[(（].*?[)）]").sub("", head[col]))
    out: list[Cost] = []
    for r in range(1, len(grid)):
        cell = grid[r][col]
        if cell is None:
            continue
        amounts = find_amounts(cell.text)
        if not amounts:
            continue
        label = grid[r][label_col] if label_col is not None else None
        spans = [
            scope.evidence(cell.start + amounts[0].value_start, cell.start + amounts[0].value_end)
        ]
        if label is not None and label.end > label.start:
            spans.append(scope.evidence(label.start, label.end))
        spans += (
            named.evidence[:1]
            if named is not None
            else (
                [scope.evidence(head_cell.start, head_cell.end)]
                if head_cell and head_cell.end > head_cell.start
                else []
            )
        )
        out.append(
            Cost(
                item=item,
                amount_krw=amounts[0].krw,
                condition=clean(label.text) if label is not None and label.text.strip() else None,
                evidence=spans,
            )
        )
    return out


def _table_rule(scope: Scope, line_costs_found: list[Cost]) -> list[Cost]:
    out: list[Cost] = []
    for block, table in scope.tables():
        # The cost named on the line just above the table (`④ 정산 수수료 : … 필수 편성`).
        above = [
            c
            for c in line_costs_found
            if c.evidence
            and c.evidence[0].end <= block.start
            and block.start - c.evidence[0].end < 200
            and "\n" not in scope.doc.text[c.evidence[0].end : block.start].strip("\n")
        ]
        out += _fee_table(scope, table, above[-1] if above else None)
    return out


def _merge(costs: list[Cost]) -> list[Cost]:
    """One cost per item: amounts printed elsewhere fill in an item listed without one."""
    out: list[Cost] = []
    for c in costs:
        key = _item_key(c.item)
        twin = next(
            (
                o
                for o in out
                if _item_key(o.item) == key
                and (o.amount_krw is None or c.amount_krw is None or o.amount_krw == c.amount_krw)
                and (o.condition is None or c.condition is None or o.condition == c.condition)
            ),
            None,
        )
        if twin is None:
            out.append(c.model_copy(deep=True))
            continue
        if twin.amount_krw is None and c.amount_krw is not None:
            # The name printed with the amount is the one the announcement defines.
            twin.amount_krw, twin.item = c.amount_krw, c.item
            twin.evidence = _union(c.evidence, twin.evidence)
        else:
            twin.evidence = _union(twin.evidence, c.evidence)
        twin.condition = twin.condition or c.condition
    return out


def _union(a: list[Evidence], b: list[Evidence]) -> list[Evidence]:
    seen = {(e.start, e.end) for e in a}
    return a + [e for e in b if (e.start, e.end) not in seen]


def extract_costs(scope: Scope) -> list[Cost]:
    lines = _line_rule(scope)
    tables = _table_rule(scope, lines)
    # A fee table replaces the amount-less line that introduced it.
    introduced = {
        id(c)
        for c in lines
        if c.amount_krw is None and any(t.evidence[-1].start == c.evidence[0].start for t in tables)
    }
    ordered = sorted(
        [c for c in lines if id(c) not in introduced] + tables,
        key=lambda c: c.evidence[0].start if c.evidence else 0,
    )
    return _merge(ordered)


def corpus_value(text: str) -> dict[str, object] | None:
    """The first cost in one line → {"item", "amount_krw"}, or None."""
    found = line_costs(text)
    if not found:
        return None
    (
        item,
        *_,
    ) = found[0]
    return {"item": item, "amount_krw": found[0][3]}
