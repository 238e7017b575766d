"""What the announcement itself says changed (`주요 변경사항`, `기존 ⇨ 개편`).

Rules, each a small function below:

- `CHANGE_TABLE`  in a change section (or right under a `< … 변경사항 >` caption), a table with
  기존 / 종전 / 현행 and 개편 / 변경 / 수정 columns: one change per row, `topic` its 구분 /
  항목 cell. A table `사업명 | 구분 | 변경내역` gives one change per item of the 변경내역 cell
  (and per row of a `기존 | 개편` table nested in it), `topic` = `사업명 / 구분`.
- `CHANGE_RUN`    the same table flattened to lines: short unmarked lines are the 사업명 and
  구분 labels (`모집방식 - …` carries both), `- …` lines the changes. A nested `기존 ⇨ 개편`
  table whose columns the export ran together gives a change with its topic and evidence but
  no `before` / `after` (they cannot be told apart any more).
- `CHANGE_ITEM`   one change item: `A에서 B(으)로 개편/변경/전환/확대…` → before A, after B;
  a single arrow (`3년→5년`, `기존 A ⇨ 개편 B`) → before / after around it; anything else (`…
  가점(3점) 추가`, `… 신규 추진`) → `after` only.
- `CHANGE_PROSE`  outside change sections, a line with `기존 … ⇨ …`, with one arrow and a change
  verb (`’개별기업 → 기업군 묶음의 일괄지원’ 방식으로 전환`), or `1억원에서 2억원으로 상향`.
  Procedures (`접속 → 회원가입 → …`, more than one arrow) are not changes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import regex

from gonggo.reading.lines import MARKER, Line, clean, scope_lines
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import DeclaredChange, Evidence
from gonggo.schemas.document import Document, Section, Table
from gonggo.vocab.text import compiled, strip_marker

CHANGE_TITLE = regex.compile(
    r"^(?:[\p{Hangul}]+\s+){0,3}?(?:주요\s*)?(?:변경|개편|개정|수정)\s*(?:사항|내용|내역)|달라지는\s*(?:점|사항)|"
    r"바뀌는\s*(?:점|사항)|전년\s*대비\s*(?:변경|주요)"
)
CAPTION = regex.compile(r"^\s*[<〈【《]\s*.*(?:변경|개편|수정)\s*(?:사항|내용|내역).*[>〉】》]\s*$")
BEFORE_HEAD = regex.compile(r"기\s*존|종\s*전|현\s*행|변경\s*전|개정\s*전|전\s*년")
AFTER_HEAD = regex.compile(
    r"개\s*편|변경\s*후|개정\s*후|개\s*선|수\s*정|변\s*경(?!\s*전)|신\s*설|금\s*년|개정\s*안"
)
CONTENT_HEAD = regex.compile(r"변경\s*(?:내역|내용|사항)|주요\s*내용|개편\s*내용")
LABEL_HEAD = regex.compile(r"구\s*분|항\s*목|사\s*업\s*명|분\s*야|내\s*용")
ARROW = r"(?:⇨|⇒|→|➡|➔|▶|->|=>)"
VERB = (
    r"(?:개편|변경|전환|확대|축소|상향|하향|조정|완화|강화|증액|감액|인상|인하|일원화|통합"
    r"|변경\s*운영)"
)
ARROW_RX, VERB_RX = regex.compile(ARROW), regex.compile(VERB)
FROM_TO = regex.compile(rf"(?P<a>[^,，;]+?)\s*에서\s*(?P<b>[^,，;]+?)\s*(?:으로|로)\s*{VERB}")
ONE_ARROW = regex.compile(
    rf"(?P<a>[^\s,，(（‘’'\"「」]+(?:\s[^\s,，(（‘’'\"「」→⇨]+)?)\s*{ARROW}\s*(?P<b>[^,，)）‘’'\"「」]+?)\s*(?=[,，)）’'\"」]|$|\s(?:방식|으로|로|체계|구조)\b)"
)
EXPLICIT = regex.compile(
    rf"(?:기\s*존|종\s*전|현\s*행)\s*[:：]?\s*(?P<a>.+?)\s*{ARROW}\s*(?:(?:개\s*편|변\s*경|개\s*선|변경\s*후)\s*[:：]?\s*)?(?P<b>.+)$"
)
# Only a table's header words, e.g. `기존(‘20)`, `⇨`, `개편(‘21) 비고`.
SUB_HEADER = regex.compile(
    rf"^(?:\s|{ARROW}|기존|종전|현행|개편|변경|개선|수정|비고|[(（)）‘’'`]|\d{{2,4}}|년|도)+$"
)
LABEL_LINE = regex.compile(r"^[\p{Hangul}\s]{1,14}$")
LABEL_WITH_ITEM = regex.compile(
    r"^(?P<label>[\p{Hangul}]{1,8}(?:\s[\p{Hangul}]{1,8})?)\s+-\s+(?P<item>.+)$"
)
TOPIC_BEFORE = regex.compile(r"^(?P<topic>[^,，]{2,24}?)(?:을|를)\s")


def _is_label(text: str) -> bool:
    """A 사업명 / 구분 cell: a few nouns (`모집방식`, `구축 및`), no particle-ended words."""
    t = clean(text)
    if not LABEL_LINE.match(t) or len(t.replace(" ", "")) > 10:
        return False
    return not any(len(w) > 1 and w[-1] in "을를이가은는의에로" for w in t.split(" "))


@dataclass
class _Item:
    lines: list[Line]


def split_change(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """`CHANGE_ITEM`: spans of before / after inside `text` (after alone when no pair)."""
    m = EXPLICIT.search(text)
    if m:
        return m.span("a"), _trim(text, m.span("b"))
    m = FROM_TO.search(text)
    if m:
        a_start, a_end = m.span("a")
        obj = compiled(r".*(?:을|를|은|는|이|가)\s").search(text[a_start:a_end])
        if obj:
            a_start += obj.end()
        return (a_start, a_end), m.span("b")
    arrows = ARROW_RX.findall(text)
    if len(arrows) == 1:
        m = ONE_ARROW.search(text)
        if m:
            return _trim(text, m.span("a")), _trim(text, m.span("b"))
    return None, (0, len(text))


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s] in " ‘’'\"「」“”":
        s += 1
    while e > s and text[e - 1] in " ‘’'\"「」“”":
        e -= 1
    return s, e


@dataclass
class _Context:
    doc: Document
    scope: Scope
    out: list[DeclaredChange] = field(default_factory=list)

    def ev(self, start: int, end: int) -> Evidence:
        return self.scope.evidence(start, end)

    def item(
        self,
        topic: str | None,
        topic_spans: list[Evidence],
        start: int,
        end: int,
        text: str | None = None,
    ) -> None:
        """One change from the text doc.text[start:end] (an item, maybe wrapped)."""
        raw = self.doc.text[start:end] if text is None else text
        body = strip_marker(raw) if MARKER.match(raw) else raw
        off = start + (len(raw) - len(body))
        before, after = split_change(body)
        spans = list(topic_spans)
        b_text = a_text = None
        if before is not None:
            b_text = clean(body[before[0] : before[1]])
            spans.append(self.ev(off + before[0], off + before[1]))
        if after is not None:
            a_text = clean(body[after[0] : after[1]])
            spans.append(self.ev(off + after[0], off + after[1]))
        if (b_text or a_text) and spans:
            self.out.append(
                DeclaredChange(topic=topic, before=b_text, after=a_text, evidence=spans)
            )


# --- tables ---------------------------------------------------------------------------------


def _table_changes(ctx: _Context, table: Table) -> None:
    """`CHANGE_TABLE`."""
    grid = table.grid()
    head = table.rows_text()[0]
    before = next((c for c, t in enumerate(head) if BEFORE_HEAD.search(t)), None)
    after = next(
        (
            c
            for c, t in enumerate(head)
            if c != before and AFTER_HEAD.search(t) and not CONTENT_HEAD.search(t)
        ),
        None,
    )
    content = next((c for c, t in enumerate(head) if CONTENT_HEAD.search(t)), None)
    labels = [
        c for c, t in enumerate(head) if LABEL_HEAD.search(t) and c not in (before, after, content)
    ]
    if before is None and content is None:
        return
    for r in range(1, len(grid)):
        cells = grid[r]
        label_cells = [cells[c] for c in labels if cells[c] is not None and cells[c].text.strip()]
        topic = " / ".join(clean(c.text) for c in label_cells) or None
        topic_spans = [ctx.ev(c.start, c.end) for c in label_cells]
        if before is not None and after is not None:
            b, a = cells[before], cells[after]
            if b is None or a is None or (not b.text.strip() and not a.text.strip()) or b is a:
                continue
            spans = topic_spans + [ctx.ev(c.start, c.end) for c in (b, a) if c.end > c.start]
            ctx.out.append(
                DeclaredChange(
                    topic=topic,
                    before=clean(b.text) or None,
                    after=clean(a.text) or None,
                    evidence=spans,
                )
            )
        elif content is not None and cells[content] is not None:
            cell = cells[content]
            for sub in cell.nested:
                _table_changes(ctx, sub)
            if not cell.nested:
                for item in _cell_items(ctx, cell.start, cell.end):
                    ctx.item(topic, topic_spans, item[0], item[1])


def _cell_items(ctx: _Context, start: int, end: int) -> list[tuple[int, int]]:
    """The `-` items of a cell (notes `*` / `※` belong to the item above)."""
    items: list[list[int]] = []
    pos = start
    for raw in ctx.doc.text[start:end].split("\n"):
        s, e = pos, pos + len(raw.rstrip())
        pos += len(raw) + 1
        text = raw.strip()
        if not text:
            continue
        s += len(raw) - len(raw.lstrip())
        if compiled(r"^\s*(?:\*|※)").match(text):
            continue
        if MARKER.match(text) or not items:
            items.append([s, e])
        else:
            items[-1][1] = e
    return [(a, b) for a, b in items]


# --- flattened tables -----------------------------------------------------------------------


@dataclass
class _Row:
    program: list[Line] = field(default_factory=list)
    topic: list[Line] = field(default_factory=list)
    items: list[list[Line]] = field(default_factory=list)
    sub_table: list[Line] = field(default_factory=list)
    in_sub: bool = False


def _run_changes(ctx: _Context, lines: list[Line]) -> None:
    """`CHANGE_RUN` over the lines of a change section."""
    rows: list[_Row] = []
    program: list[Line] = []
    labels: list[Line] = []  # consecutive label lines not yet assigned
    row: _Row | None = None
    in_note = False  # unmarked lines after a `*` / `※` note continue the note
    for line in lines:
        text = clean(line.text)
        if compiled(r"(?:사업명|구분|항목|변경\s*내역|변경\s*내용|기존|개편|비고|\s)+").fullmatch(text
        ):
            continue  # the table's own header
        with_item = LABEL_WITH_ITEM.match(text)
        if _is_label(text) and not with_item:
            labels.append(line)
            continue
        if with_item:
            labels.append(
                Line(
                    line.start, line.start + len(with_item.group("label")), with_item.group("label")
                )
            )
        if labels:
            if len(labels) > 1:
                program = labels[:-1]
            row = _Row(program=list(program), topic=[labels[-1]])
            rows.append(row)
            labels, in_note = [], False
            if with_item:
                off = line.start + with_item.start("item")
                row.items.append([Line(off, line.end, with_item.group("item"))])
                continue
        if row is not None and (
            SUB_HEADER.match(text)
            and compiled(r"기존|종전|현행|개편|변경").search(text)
            or ARROW_RX.fullmatch(text)
        ):
            row.in_sub = True
            continue
        if row is None:
            continue
        if compiled(r"^\s*(?:\*|※)").match(text):
            row.in_sub = False if row.sub_table else row.in_sub
            in_note = True
            continue
        if row.in_sub:
            row.sub_table.append(line)
        elif MARKER.match(text):
            row.items.append([line])
            in_note = False
        elif row.items and not in_note:
            row.items[-1].append(line)
    for r in rows:
        topic = _topic_text(r)
        spans = [ctx.ev(r.topic[0].start, r.topic[-1].end)] if r.topic else []
        if r.program:
            spans.insert(0, ctx.ev(r.program[0].start, r.program[-1].end))
        if r.sub_table:
            ctx.out.append(
                DeclaredChange(
                    topic=topic,
                    before=None,
                    after=None,
                    evidence=[*spans, ctx.ev(r.sub_table[0].start, r.sub_table[-1].end)],
                )
            )
        for item in r.items:
            text = " ".join(clean(ln.text) for ln in item)
            # A wrapped item's joined text has no offsets in doc.text: split single lines only.
            if len(item) == 1:
                ctx.item(topic, spans, item[0].start, item[0].end, item[0].text)
            else:
                before, _ = split_change(strip_marker(text))
                if before is None:
                    ctx.out.append(
                        DeclaredChange(
                            topic=topic,
                            after=clean(strip_marker(text)),
                            evidence=[*spans, ctx.ev(item[0].start, item[-1].end)],
                        )
                    )
                else:
                    ctx.item(topic, spans, item[0].start, item[-1].end)


def _topic_text(row: _Row) -> str | None:
    topic = clean(" ".join(ln.text for ln in row.topic)) or None
    if row.program:
        program = clean(" ".join(ln.text for ln in row.program))
        return f"{program} / {topic}" if topic else program
    return topic


# --- regions --------------------------------------------------------------------------------


def _change_sections(doc: Document) -> list[Section]:
    found = [s for s in doc.sections if CHANGE_TITLE.match(strip_marker(s.title)[:40])]
    return [s for s in found if not any(o is not s and o.start <= s.start < o.end for o in found)]


def _caption_regions(scope: Scope, lines: list[Line]) -> list[tuple[int, int]]:
    """`< 모집공고 내 수정사항 >` followed by a table: the table is a change table."""
    out = []
    for line in lines:
        if CAPTION.match(line.text):
            nxt = next((b for b in scope.blocks if b.start > line.end), None)
            if nxt is not None and nxt.table is not None:
                out.append((nxt.start, nxt.end))
    return out


@lru_cache(maxsize=8192)  # a pure function of the line, asked once per program scope
def states_change(body: str) -> bool:
    """Outside a change section a line states a change only with `기존 … ⇨`, one arrow and a
    change verb, or `<number>에서 <number>(으)로 <verb>`."""
    if len(ARROW_RX.findall(body)) > 1:
        return False
    if EXPLICIT.search(body):
        return True
    if ARROW_RX.search(body) and VERB_RX.search(body):
        return True
    m = FROM_TO.search(body)
    return bool(m and compiled(r"\d").search(m.group("a")) and compiled(r"\d").search(m.group("b")))


def _prose_changes(ctx: _Context, lines: list[Line]) -> None:
    """`CHANGE_PROSE`."""
    for line in lines:
        text = line.text
        if len(ARROW_RX.findall(text)) > 1:
            continue
        body = strip_marker(text)
        off = line.end - len(body)
        if not states_change(body):
            continue
        label = compiled(r"\s*[(（]\s*([^)）]{1,15})\s*[)）]").match(body)
        topic_m = TOPIC_BEFORE.match(body[label.end() :] if label else body)
        topic, topic_spans = None, []
        if label:
            topic = clean(label.group(1))
            topic_spans = [ctx.ev(off + label.start(1), off + label.end(1))]
        elif topic_m and ARROW_RX.search(body):
            topic = clean(topic_m.group("topic"))
            topic_spans = [ctx.ev(off + topic_m.start("topic"), off + topic_m.end("topic"))]
        if split_change(body)[0] is None:
            continue
        ctx.item(topic, topic_spans, off, line.end, body)


def extract_declared_changes(doc: Document) -> list[DeclaredChange]:
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    ctx = _Context(doc, scope)
    lines = scope_lines(scope)
    regions: list[tuple[int, int]] = []
    for section in _change_sections(doc):
        regions.append((section.start, section.end))
        tables = [t for b, t in scope.tables() if section.start <= b.start < section.end]
        for table in tables:
            _table_changes(ctx, table)
        body = [ln for ln in lines if section.start <= ln.start < section.end][1:]
        _run_changes(ctx, body)
    for start, end in _caption_regions(scope, lines):
        regions.append((start, end))
        for b, table in scope.tables():
            if b.start == start:
                _table_changes(ctx, table)
    outside = [
        ln
        for ln in lines
        if not any(s <= ln.start < e for s, e in regions) and not _in_attachment(doc, ln.start)
    ]
    _prose_changes(ctx, outside)
    return ctx.out


_ATTACHMENT = regex.compile(r"^\s*(?:붙\s*임|별\s*첨|첨\s*부|서\s*식|양\s*식)")


def _in_attachment(doc: Document, offset: int) -> bool:
    """Whether the first top-level section holding `offset` is an attachment (붙임 ...).
    Top-level sections are indexed once per document: this runs once per line."""
    starts, tops, disjoint = doc.memo("declared.top_sections", lambda: _top_sections(doc))
    if not disjoint:  # not a partition (never seen): the plain scan
        return next((att for start, end, att in tops if start <= offset < end), False)
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < tops[i][1] and tops[i][2]


def _top_sections(doc: Document) -> tuple[list[int], list[tuple[int, int, bool]], bool]:
    """Starts, (start, end, is attachment) in document order, and whether they are disjoint."""
    tops = [(s.start, s.end, bool(_ATTACHMENT.match(s.title)))
            for s in doc.sections if s.parent is None]
    disjoint = all(a[1] <= b[0] for a, b in pairwise(tops))
    return [t[0] for t in tops], tops, disjoint


def corpus_value(text: str) -> dict[str, str | None] | None:
    """One change item → {"before", "after"}, or None when it states no before/after pair.

    `CHANGE_ITEM` as applied inside a change section: an arrow needs a change verb on the line,
    `A에서 B(으)로 <verb>` needs none; a procedure with several arrows is no change."""
    body = strip_marker(text)
    if len(ARROW_RX.findall(body)) > 1:
        return None
    if not (states_change(body) or FROM_TO.search(body)):
        return None
    before, after = split_change(body)
    if before is None or after is None:
        return None
    return {"before": clean(body[before[0] : before[1]]), "after": clean(body[after[0] : after[1]])}
