"""Evaluation criteria (평가항목 + 배점) and bonus points (가점) of one program.

Evaluation rules, each a small function below:

- `EVAL_TABLE`  a table whose header names evaluation items and 배점 / 점수 / 평가 등급:
  one criterion per row; `item` is the row's last text cell (세부 평가내용), `group` its
  first one (구분 / 평가항목, e.g. `기술성 (40)`), `points` the 배점 cell, or the highest
  grade of a 우수…미흡 scale. A table titled by one cell `… 평가 기준` with bullet cells
  gives one criterion per cell without points.
- `EVAL_RUN`    the same table flattened to lines (PDF / text exports): after a header line
  (`평가 항목 배점`, `구분 평 가 항 목`), a line `- 사업 추진배경 및 필요성 10` is an item,
  lines without a marker before `(50)` name the group; an item may wrap over lines until
  its points (`10 8 6 4 2`) or a pass mark (`적/부`, `(○/×)`) close it.
- `EVAL_PROSE`  in a 선정 / 평가 / 심사 section, a line listing `기술성(40점), 사업성(30점)`
  or `- 기술성 : 40점`.

Total rows (합계, 계, 총점, 평가 점수) are never criteria. Items judged pass / fail (`적/부`,
`○/×`) are criteria with `points: null`.

Bonus rules:

- `BONUS_SECTION`  a section titled 가점 / 가점 내용 / 우대… 및 가점 / 가산점. Its heading may
  carry the default points per item (`항목 당 3점`) — applied to every item of the section
  that prints none, with the heading added to the item's evidence — or the items themselves
  (`가점내용(최대 6점) : 뿌리기업(2점), …`, `… 제조기업일 경우 가점 3점 인정`).
- `BONUS_TABLE`    a table in such a section: one item per 가점항목 / 대상 cell.
- `BONUS_LINES`    list items in such a section (`- 협·단체의 회원사가 1,000개 이상인 경우 : 2점`).
- `BONUS_RUN`      a 가점 table flattened to lines: short unmarked lines are the item names;
  `(* 가점 5점 부여)` sets the points of the item above it.
- `BONUS_SAME_AS`  `… 사업의 가점 항목과 동일`: the items of the program named there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from gonggo.reading.lines import MARKER, STOP, Line, clean, scope_lines
from gonggo.reading.scope import Scope
from gonggo.reading.tables import (
    SUM_WORDS,
    TableSettings,
    distinct,
    is_row,
    read_table,
    split_line,
    value_rows,
)
from gonggo.schemas.announcement import Criterion, Evidence
from gonggo.schemas.document import Cell, Section, Table
from gonggo.vocab.text import compiled, norm_key, strip_marker

NUM = r"\d{1,3}(?:\.\d+)?"

PASS_MARK = regex.compile(
    r"(?:적\s*/\s*부|\(?\s*[○OＯ]\s*[/,]\s*[×XＸx]\s*\)?|적합\s*/\s*부적합|P\s*/\s*F)"
)
# `- 사업 추진배경 및 필요성 10`, `◦스마트공장 구축 내용 대비 활용 정도 15 12 9 6 3`
ITEM_POINTS = regex.compile(
    rf"^(?P<item>.*?[\p{{Hangul}}A-Za-z)）?？][^\d]*?)\s*(?:[:：]\s*)?[(（]?(?P<pts>{NUM})\s*점?[)）]?"
    rf"(?P<grades>(?:\s+{NUM})*)\s*$"
)
POINTS_ONLY = regex.compile(rf"^\s*(?P<pts>{NUM})\s*점?(?P<grades>(?:\s+{NUM})*)\s*$")
GROUP_CLOSE = regex.compile(rf"^\s*[(（]\s*(?P<pts>{NUM})\s*점?\s*[)）]\s*(?P<rest>.*)$")
GROUP_POINTS = regex.compile(
    rf"\s*[(（]?\s*(?P<pts>{NUM})\s*점\s*[)）]?\s*$|\s*[(（]\s*(?P<pts2>{NUM})\s*[)）]\s*$"
)
# How a check item ends (`… 여부`, `… 적절한가?`): unmarked lines after it name a group.
ITEM_END = regex.compile(r"(?:여부|[?？]|인가|한가|는가)\s*$")
# Header cells / lines of an evaluation table.
HEADER_WORDS = regex.compile(
    r"(?:구분|평가|항목|세부|내용|지표|기준|배점|점수|등급|우수|양호|보통|다소|미흡|매우|결과|적합|부적합|"
    r"비고|심사|요소|분야|및|가점|제출서류|증빙|대상|확인|여부|\(안\)|\(점\)|\(O,X\)|\(○\)|\(X\)|\(×\)|[(),/·ㆍ])+"
)
RUN_HEAD = regex.compile(r"(?:평\s*가|심\s*사)\s*(?:항\s*목|지\s*표|기\s*준)|배\s*점")
POINTS_HEAD = regex.compile(r"배\s*점|점\s*수|평가\s*등급|등\s*급")
EVAL_HEAD = regex.compile(r"평\s*가|심\s*사|항\s*목|지\s*표|구\s*분")
TITLE_HEAD = regex.compile(r"(?:평\s*가|심\s*사|선\s*정)\s*(?:기\s*준|항\s*목|지\s*표)")
EVAL_SECTION = r"선정|평가|심사"
# `기술성(40점), 사업성(30점)`; a threshold (`60점 이상`) is not an item.
PROSE_PAIR = regex.compile(
    rf"(?P<item>[\p{{Hangul}}A-Za-z][\p{{Hangul}}A-Za-z0-9·ㆍ\s]{{0,30}}?)\s*[(（]\s*(?P<pts>{NUM})\s*점\s*[)）]"
)
PROSE_LINE = regex.compile(rf"^(?P<item>[^:：]{{2,40}}?)\s*[:：]\s*(?P<pts>{NUM})\s*점\s*$")

BONUS_TITLE = regex.compile(
    r"^(?:[(（]\s*)?(?:[\p{Hangul}]+\s+){0,4}?(?:가점|가산점)"
    r"(?:\s*(?:내용|항목|사항|기준|부여\s*기준|대상))?\s*(?:[(（][^)）]*[)）])?\s*(?:[)）]\s*)?(?:[:：]|$)"
)
PER_ITEM = regex.compile(
    rf"항목\s*(?:당|별)\s*(?P<pts>{NUM})\s*점|(?:각|건당)\s*(?P<pts2>{NUM})\s*점"
)
INLINE_BONUS = regex.compile(
    rf"(?P<item>[^,，()（）:：]+?(?:[(（][^()（）]*[)）][^,，()（）:：]*?)*)\s*[(（]\s*(?P<pts>{NUM})\s*점\s*[)）]"
)
SINGLE_BONUS = regex.compile(
    rf"^(?P<item>.+?)\s*(?:일\s*)?(?:경우|시)?\s*,?\s*가\s*점\s*[(（]?\s*(?P<pts>{NUM})\s*점"
)
BONUS_NOTE_POINTS = regex.compile(
    rf"^\s*[(（]\s*\*?\s*가\s*점\s*(?P<pts>{NUM})\s*점[^)）]*[)）]\s*$"
)
SAME_AS = regex.compile(
    r"(?P<name>[^*※]+?)\s*(?:사업)?(?:의)?\s*가점\s*(?:항목|내용|기준)?\s*(?:과|와)\s*동일"
)
# Dingbat numbers that PDF text extraction turns into Latin-1 letters (❶ → Œ, ❸ → Ž).
ENUM_GLYPH = regex.compile(
    r"^[\s\u0080-\u00ff\u0152\u0153\u0160\u0161\u017d\u017e\ufffd①-⑳❶-❿➊-➓]+"
)


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value


def is_header_line(text: str) -> bool:
    return bool(HEADER_WORDS.fullmatch(compiled(r"\s+").sub("", text)))


def _join_group(lines: list[Line]) -> str:
    """Wrapped group labels; letters set one per line (`대/면/평/가`) join without spaces."""
    out = ""
    for i, line in enumerate(lines):
        t = clean(line.text)
        single = len(t) == 1 and (i == 0 or len(clean(lines[i - 1].text)) == 1)
        out += t if (not out or single) else " " + t
    return out


def _item_text(text: str) -> str:
    text = clean(strip_marker(clean(text)))
    return ENUM_GLYPH.sub("", text).strip(" ,")


# --- evaluation: tables -------------------------------------------------------------------


def _points_value(text: str) -> float | None:
    m = compiled(rf"\s*[(（]?\s*({NUM})\s*점?\s*[)）]?\s*").fullmatch(text)
    return _number(m.group(1)) if m else None


# How evaluation tables read: the heading rows are the leading ones (at least one, at most
# three) before a row with a points cell; a row with a short sum label (`합계`, `총점 100`) is
# no criterion.
EVAL_TABLE = TableSettings(
    header="until_value", value=lambda t: _points_value(t) is not None, min_header_rows=1,
    no_value_rows=1,
    total_words=(*SUM_WORDS, r"총\s*점", r"평가\s*점수", r"결과\s*판정", r"평가\s*결과", r"합\s*산"),
    total_max_len=12, min_cols=2,
)
TOTAL = EVAL_TABLE.total_rx


def is_eval_table(table: Table) -> bool:
    rows = table.rows_text()
    if not rows:
        return False
    head = " ".join(t for row in rows[: value_rows(rows, EVAL_TABLE)] for t in row)
    if compiled(r"가\s*점|가산점").search(head):
        return False
    if POINTS_HEAD.search(head) and EVAL_HEAD.search(head):
        return True
    if compiled(r"(?:평\s*가|심\s*사)\s*(?:항\s*목|지\s*표|요\s*소)").search(head):
        return True
    titles = {t for t in rows[0] if t.strip()}
    return len(titles) == 1 and bool(TITLE_HEAD.search(next(iter(titles))))


def _cell_evidence(scope: Scope, cells: list[Cell | None]) -> list[Evidence]:
    return [scope.evidence(c.start, c.end) for c in cells if c is not None and c.end > c.start]


def table_criteria(scope: Scope, table: Table) -> list[Criterion]:
    """`EVAL_TABLE`: one criterion per scored row (or per bullet cell of a criteria list)."""
    g = read_table(table, EVAL_TABLE)
    grid, n_head = g.rows, g.n_header
    rows = [g.texts(r) for r in range(len(grid))]
    points_col = next(
        (c for r in rows[:n_head] for c, t in enumerate(r) if compiled(r"배\s*점|점\s*수").search(t)),
        None,
    )
    out: list[Criterion] = []
    seen: set[tuple[int, int]] = set()
    last_group: Cell | None = None
    # `평가항목 | 세부 내용` without points: the 평가항목 is the item, the rest describes it.
    unscored = not any(
        _points_value(t) is not None for row in rows[n_head:] for t in row if t.strip()
    )
    for r in g.body():
        cells = [c for c in distinct(grid[r]) if c.text.strip()]
        if not cells or r in g.totals:
            continue
        numeric = [c for c in cells if _points_value(c.text) is not None]
        texts = [c for c in cells if c not in numeric and not PASS_MARK.fullmatch(c.text.strip())]
        if not texts:
            continue
        if not numeric and len(texts) >= 2 and all(MARKER.match(c.text) for c in texts):
            out += [
                Criterion(item=_item_text(c.text), evidence=_cell_evidence(scope, [c]))
                for c in texts
            ]
            continue
        points_cell: Cell | None = None
        if points_col is not None and grid[r][points_col] in numeric:
            points_cell = grid[r][points_col]
        elif numeric:
            points_cell = max(numeric, key=lambda c: _points_value(c.text) or 0)
        item_cell, group_cell = texts[-1], (texts[0] if len(texts) > 1 else None)
        if unscored and group_cell is not None:
            item_cell, group_cell = group_cell, None
        if group_cell is not None:
            last_group = group_cell
        elif (
            last_group is not None
            and item_cell.col > last_group.col
            and not (grid[r][last_group.col] is not None and grid[r][last_group.col].text.strip())
        ):
            # Text exports leave a merged group cell empty on the rows below its first.
            group_cell = last_group
        key = (id(item_cell), id(points_cell))
        if key in seen:
            continue
        seen.add(key)
        item, points = _split_points(_item_text(item_cell.text))
        if points_cell is not None:
            points = _points_value(points_cell.text)
        group = _group_name(group_cell.text) if group_cell is not None else None
        out.append(
            Criterion(
                item=item,
                points=points,
                group=group,
                evidence=_cell_evidence(scope, [item_cell, points_cell, group_cell]),
            )
        )
    return [c for c in out if c.item]


def _split_points(item: str) -> tuple[str, float | None]:
    """`경영상태 (5점)` → (`경영상태`, 5)."""
    m = compiled(rf"\s*[(（]\s*({NUM})\s*점\s*[)）]\s*$").search(item)
    if m:
        return item[: m.start()].strip(), _number(m.group(1))
    return item, None


def _group_name(text: str) -> str:
    text = clean(strip_marker(clean(text)))
    return GROUP_POINTS.sub("", text).strip() or text


# --- evaluation: flattened tables -----------------------------------------------------------


@dataclass
class _Run:
    """State of one flattened evaluation table."""

    scope: Scope
    out: list[Criterion] = field(default_factory=list)
    group_lines: list[Line] = field(default_factory=list)
    group: tuple[str, list[Evidence]] | None = None
    pending: list[Line] = field(default_factory=list)

    def close_group(self) -> None:
        if self.group_lines:
            spans = [self.scope.evidence(self.group_lines[0].start, self.group_lines[-1].end)]
            self.group = (_group_name(_join_group(self.group_lines)), spans)
            self.group_lines = []

    def emit(self, lines: list[Line], points: float | None, item_text: str | None = None) -> None:
        text = item_text if item_text is not None else " ".join(ln.text for ln in lines)
        item = _item_text(text)
        if len(compiled(r"\P{L}").sub("", item)) < 2:
            return
        spans = [self.scope.evidence(lines[0].start, lines[-1].end)]
        group = None
        if self.group is not None:
            group, group_spans = self.group
            spans += group_spans
        self.out.append(Criterion(item=item, points=points, group=group, evidence=spans))

    def flush(self) -> None:
        if self.pending:
            self.emit(self.pending, None)
            self.pending = []

    def feed(self, line: Line) -> None:
        text = line.text
        lead = compiled(r"^\s*" + PASS_MARK.pattern).match(text)
        if lead and self.pending:
            self.flush()
            rest = text[lead.end() :]
            if rest.strip():
                off = line.end - len(rest)
                self.feed(Line(off, line.end, rest))
            return
        close = GROUP_CLOSE.match(text)
        if close and not self.pending:
            self.close_group()
            rest = close.group("rest")
            if rest.strip():
                self.feed(Line(line.end - len(rest), line.end, rest))
            return
        marked = bool(MARKER.match(text))
        only = POINTS_ONLY.match(text)
        pts = ITEM_POINTS.match(text)
        tail_pass = compiled(r"\s*" + PASS_MARK.pattern + r"\s*$").search(text)
        if marked:
            self.flush()
            self.close_group()
            if pts:
                self.emit([line], _points(pts), pts.group("item"))
            elif tail_pass:
                self.emit([line], None, text[: tail_pass.start()])
            else:
                self.pending = [line]
            return
        if (
            self.pending
            and not (only or pts or tail_pass)
            and ITEM_END.search(self.pending[-1].text)
        ):
            # The item ended (`… 여부`) and shares the pass mark above: this line names a group.
            self.flush()
        if only and self.pending:
            self.emit(
                [*self.pending, line], _points(only), " ".join(ln.text for ln in self.pending)
            )
            self.pending = []
        elif pts and self.pending:
            lines = [*self.pending, line]
            self.emit(
                lines,
                _points(pts),
                " ".join(ln.text for ln in self.pending) + " " + pts.group("item"),
            )
            self.pending = []
        elif tail_pass and self.pending:
            lines = [*self.pending, line]
            self.emit(lines, None, " ".join(ln.text for ln in lines)[: -len(tail_pass.group(0))])
            self.pending = []
        elif self.pending:
            self.pending.append(line)
        elif pts and not GROUP_POINTS.search(text):
            self.close_group()
            self.emit([line], _points(pts), pts.group("item"))
        elif GROUP_POINTS.search(text):
            self.group_lines.append(line)
            self.close_group()
        else:
            self.group_lines.append(line)


def _points(m: regex.Match[str]) -> float:
    values = [_number(m.group("pts"))] + [_number(v) for v in m.group("grades").split()]
    return max(values)


def _is_item_with_points(text: str) -> bool:
    return bool(ITEM_POINTS.match(text)) and not TOTAL.match(text)


def _run_starts(lines: list[Line]) -> Iterator[int]:
    for i, line in enumerate(lines):
        if MARKER.match(line.text) or "가점" in line.text or len(line.text) > 40:
            continue
        if RUN_HEAD.search(line.text) and is_header_line(line.text):
            yield i


def flat_criteria(scope: Scope, lines: list[Line]) -> list[Criterion]:
    """`EVAL_RUN` over every flattened evaluation table among `lines`."""
    out: list[Criterion] = []
    i = 0
    starts = list(_run_starts(lines))
    while starts:
        i = starts.pop(0)
        run = _Run(scope)
        j = i + 1
        while j < len(lines) and is_header_line(lines[j].text):
            j += 1
        while j < len(lines):
            text = lines[j].text
            if TOTAL.match(text):
                run.flush()
                nxt = _resume_after_total(lines, j + 1)
                if nxt is None:
                    break
                run.group, run.group_lines = None, []
                j = nxt
                continue
            close = GROUP_CLOSE.match(text)
            group_close = close and (
                not close.group("rest").strip() or MARKER.match(close.group("rest"))
            )
            if (STOP.match(text) and not group_close) or (j in starts):
                break
            run.feed(lines[j])
            j += 1
        run.flush()
        out += run.out
        starts = [s for s in starts if s >= j]
    return out


def _resume_after_total(lines: list[Line], j: int) -> int | None:
    """After a total row the table goes on only if an item with points follows soon."""
    for k in range(j, min(j + 10, len(lines))):
        text = lines[k].text
        if STOP.match(text):
            return None
        if _is_item_with_points(text):
            return j
        if MARKER.match(text):
            return None
    return None


# --- evaluation: prose ----------------------------------------------------------------------


def prose_criteria(scope: Scope, lines: list[Line]) -> list[Criterion]:
    """`EVAL_PROSE`: `기술성(40점), 사업성(30점)` or `- 기술성 : 40점` in a 선정/평가 section."""
    out: list[Criterion] = []
    for line in lines:
        if "가점" in line.text or "가산점" in line.text:
            continue
        body = strip_marker(line.text)
        offset = line.end - len(body)
        pairs = [m for m in PROSE_PAIR.finditer(body) if not _threshold_after(body, m.end())]
        if len(pairs) >= 2:
            for m in pairs:
                item = clean(compiled(r"^(?:및|등|,)\s*").sub("", m.group("item")))
                out.append(
                    Criterion(
                        item=item,
                        points=_number(m.group("pts")),
                        evidence=[scope.evidence(offset + m.start("item"), offset + m.end())],
                    )
                )
            continue
        m = PROSE_LINE.match(body)
        if m and MARKER.match(line.text) and not _threshold_after(body, m.end()):
            out.append(
                Criterion(
                    item=clean(m.group("item")),
                    points=_number(m.group("pts")),
                    evidence=[scope.evidence(line.start, line.end)],
                )
            )
    return out


def _threshold_after(text: str, pos: int) -> bool:
    return bool(compiled(r"\s*(?:이상|이하|미만|초과|이내|만점)").match(text[pos:]))


# --- evaluation: entry point ----------------------------------------------------------------


def _bonus_sections(scope: Scope) -> list[Section]:
    return [s for s in scope.sections if BONUS_TITLE.match(strip_marker(s.title)[:60])]


def _outside(sections: list[Section], start: int) -> bool:
    return not any(s.start <= start < s.end for s in sections)


def extract_evaluation(scope: Scope) -> list[Criterion]:
    bonus = _bonus_sections(scope)
    out: list[Criterion] = []
    for block, table in scope.tables():
        if (
            _outside(bonus, block.start)
            and is_eval_table(table)
            and not _bonus_caption(scope, block.start)
        ):
            out += table_criteria(scope, table)
    lines = [ln for ln in scope_lines(scope) if _outside(bonus, ln.start)]
    out += flat_criteria(scope, lines)
    covered = {e.start for c in out for e in c.evidence[:1]}
    by_start = sorted(range(len(lines)), key=lambda i: lines[i].start)
    starts = [lines[i].start for i in by_start]
    for section in scope.sections_titled(EVAL_SECTION):
        inside = by_start[bisect_left(starts, section.start) : bisect_left(starts, section.end)]
        section_lines = [lines[i] for i in sorted(inside)]
        out += [
            c
            for c in prose_criteria(scope, section_lines)
            if not any(c.evidence[0].start <= s < c.evidence[0].end for s in covered)
        ]
    return _dedupe(out)


def _dedupe(criteria: list[Criterion]) -> list[Criterion]:
    seen: set[tuple[int, int]] = set()
    out = []
    for c in criteria:
        key = (c.evidence[0].start, c.evidence[0].end) if c.evidence else (id(c), 0)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# --- bonus points ---------------------------------------------------------------------------


@dataclass
class _Heading:
    """What a 가점 heading says: default points per item, items printed inline."""

    default: float | None
    default_span: Evidence | None
    items: list[Criterion]
    body_start: int  # first offset after the heading and its wrapped lines


def _read_heading(scope: Scope, section: Section, lines: list[Line]) -> _Heading:
    head = [ln for ln in lines if section.start <= ln.start < section.end]
    if not head:
        return _Heading(None, None, [], section.end)
    parts = [head[0]]
    for ln in head[1:]:
        if MARKER.match(ln.text) or STOP.match(ln.text) or is_header_line(ln.text):
            break
        if not compiled(r"[(（]\s*\d+\s*점\s*[)）]|가\s*점\s*\d+\s*점").search(ln.text):
            break
        parts.append(ln)
    text = scope.doc.text[parts[0].start : parts[-1].end]
    colon = compiled(r"[:：]").search(text)
    tail_at = colon.end() if colon else len(text)
    tail = text[tail_at:]
    base = parts[0].start + tail_at
    default: float | None = None
    default_span: Evidence | None = None
    m = PER_ITEM.search(text)
    if m:
        default = _number(m.group("pts") or m.group("pts2"))
        default_span = scope.evidence(parts[0].start + m.start(), parts[0].start + m.end())
    items: list[Criterion] = []
    if not m:
        for im in INLINE_BONUS.finditer(tail):
            item = _item_text(im.group("item"))
            if len(compiled(r"\P{L}").sub("", item)) >= 2 and not compiled(r"최대|항목").match(item):
                items.append(
                    Criterion(
                        item=item,
                        points=_number(im.group("pts")),
                        evidence=[scope.evidence(base + im.start("item"), base + im.end())],
                    )
                )
        if not items:
            sm = SINGLE_BONUS.match(clean(tail))
            if sm and len(sm.group("item")) > 4:
                # Offsets of the cleaned tail differ from the text's; point at the whole tail.
                items.append(
                    Criterion(
                        item=_item_text(sm.group("item")),
                        points=_number(sm.group("pts")),
                        evidence=[scope.evidence(base, parts[-1].end)],
                    )
                )
    return _Heading(default, default_span, items, parts[-1].end)


def _with_default(c: Criterion, heading: _Heading) -> Criterion:
    if c.points is None and heading.default is not None:
        extra = [heading.default_span] if heading.default_span else []
        return c.model_copy(
            update={"points": float(heading.default), "evidence": [*c.evidence, *extra]}
        )
    return c


def _bonus_table(scope: Scope, table: Table) -> list[Criterion]:
    """`BONUS_TABLE`: one item per 가점항목 / 대상 cell; points from a 배점 / 점수 column, else
    from the cell itself (`(* 가점 5점 부여)`)."""
    grid = table.grid()
    rows = table.rows_text()
    head = rows[0]
    item_col = next((c for c, t in enumerate(head) if compiled(r"항\s*목").search(t)), None)
    if item_col is None:
        item_col = next(
            (c for c, t in enumerate(head) if compiled(r"대\s*상|내\s*용|기\s*준").search(t)), 0
        )
    points_col = next(
        (c for c, t in enumerate(head) if compiled(r"배\s*점|점\s*수|가\s*점$").search(t)), None
    )
    out: list[Criterion] = []
    seen: set[int] = set()
    for r in range(1, len(grid)):
        cell = grid[r][item_col]
        if cell is None or not cell.text.strip() or id(cell) in seen or TOTAL.match(cell.text):
            continue
        seen.add(id(cell))
        points: float | None = None
        spans = _cell_evidence(scope, [cell])
        note = compiled(rf"가\s*점\s*({NUM})\s*점|[(（]\s*({NUM})\s*점\s*[)）]").search(cell.text)
        if points_col is not None and grid[r][points_col] is not None:
            pcell = grid[r][points_col]
            pm = compiled(rf"({NUM})\s*점?").search(pcell.text)
            if pm:
                points = _number(pm.group(1))
                spans += _cell_evidence(scope, [pcell])
        elif note:
            points = _number(note.group(1) or note.group(2))
        first = cell.text.split("\n")[0]
        item = _item_text(compiled(r"\s*[(（][^)）]*점[^)）]*[)）]\s*").sub(" ", first))
        if item:
            out.append(Criterion(item=item, points=points, evidence=spans))
    return out


def _bonus_lines(scope: Scope, lines: list[Line]) -> list[Criterion]:
    """`BONUS_LINES` and `BONUS_RUN` over the lines of a 가점 section after its heading."""
    out: list[Criterion] = []
    flat = False
    current: Criterion | None = None
    prev_name: Line | None = None
    for ln in lines:
        text = ln.text
        if is_header_line(text) and len(text) < 40:
            flat = True
            continue
        if SAME_AS.search(text):
            continue
        note = BONUS_NOTE_POINTS.match(text)
        if note and current is not None:
            current.points = _number(note.group("pts"))
            current.evidence.append(scope.evidence(ln.start, ln.end))
            prev_name = None
            continue
        marked = MARKER.match(text)
        if marked and not compiled(r"^\s*(?:\*|※)").match(text):
            body = strip_marker(text)
            pm = compiled(rf"\s*(?:[:：]\s*|[(（]\s*)(?P<pts>{NUM})\s*점\s*[)）]?\s*$").search(body)
            if pm or not flat:
                item = _item_text(body[: pm.start()] if pm else body)
                if item:
                    out.append(
                        Criterion(
                            item=item,
                            points=_number(pm.group("pts")) if pm else None,
                            evidence=[scope.evidence(ln.start, ln.end)],
                        )
                    )
            prev_name = None
            continue
        if not flat or marked:
            prev_name = None
            continue
        name = _row_name(text)
        if name is None:
            prev_name = None
            continue
        offset = ln.start + text.find(name)
        if prev_name is not None and current is not None:
            # A name wrapped over two lines (`일자리 안정자금` / `지원`).
            current.item = f"{current.item} {name}"
            current.evidence[0] = scope.evidence(current.evidence[0].start, offset + len(name))
        else:
            current = Criterion(item=name, evidence=[scope.evidence(offset, offset + len(name))])
            out.append(current)
        prev_name = ln if name == clean(text) else None
    return out


def _row_name(text: str) -> str | None:
    """The item name of a flattened 가점 row, or None for a description line.

    A short unmarked line is a name (`스마트공장 교육`); a long one starts with its name only
    when the description repeats it (`산단대개조 산단 산단대개조 산단 입주기업`).
    """
    t = clean(text)
    compact = compiled(r"\s+").sub("", t)
    if len(compact) <= 9 and compiled(r"[\p{Hangul}A-Za-z0-9·ㆍ\s]+").fullmatch(t):
        return t
    tokens = t.split(" ")
    for k in (3, 2, 1):
        if len(tokens) <= k:
            continue
        name = " ".join(tokens[:k])
        key = compiled(r"[\s‘’'\"「」]").sub("", name)
        rest = compiled(r"[\s‘’'\"「」]").sub("", " ".join(tokens[k:]))
        if len(key) >= 3 and compiled(r"[\p{Hangul}A-Za-z0-9]+").fullmatch(key) and key in rest:
            return name
    return None


def _same_as(scope: Scope, section: Section, lines: list[Line]) -> list[Criterion]:
    """`BONUS_SAME_AS`: the bonus items of the program the section refers to."""
    from gonggo.reading.programs import program_sections  # programs imports nothing from here

    for ln in lines:
        m = SAME_AS.search(ln.text)
        if not m:
            continue
        want = norm_key(strip_marker(m.group("name")))
        for other in program_sections(scope.doc):
            if scope.section is not None and other.index == scope.section.index:
                continue
            have = norm_key(strip_marker(other.title))
            if want and (want in have or have in want):
                target = Scope(
                    doc=scope.doc,
                    start=other.start,
                    end=other.end,
                    section=other,
                    announced_on=scope.announced_on,
                    name=strip_marker(other.title),
                )
                ref = scope.evidence(ln.start, ln.end)
                return [
                    c.model_copy(update={"evidence": [*c.evidence, ref]})
                    for c in _bonus(target, follow=False)
                ]
    return []


BONUS_CAPTION = regex.compile(r"^\s*[<〈【《].*가\s*점.*[>〉】》]\s*$")


def _bonus_caption(scope: Scope, table_start: int) -> bool:
    """The line just above a table is a caption naming 가점."""
    before = scope.doc.text[max(0, table_start - 120) : table_start].rstrip("\n").split("\n")[-1]
    return bool(BONUS_CAPTION.match(before))


def _captioned_bonus_tables(
    scope: Scope, lines: list[Line], sections: list[Section]
) -> list[Criterion]:
    """`BONUS_TABLE` under a caption `< 서류평가 가점 및 면제 대상 >`: its rows marked 가점."""
    out: list[Criterion] = []
    for line in lines:
        if not BONUS_CAPTION.match(line.text) or not _outside(sections, line.start):
            continue
        nxt = next((b for b in scope.blocks if b.start > line.end), None)
        if nxt is None or nxt.table is None:
            continue
        table = nxt.table
        head = table.rows_text()[0]
        kind_col = next((c for c, t in enumerate(head) if compiled(r"구\s*분").search(t)), None)
        for c in _bonus_table(scope, table):
            row = next(
                (
                    r
                    for r in table.cells
                    if r.start <= c.evidence[0].start < max(r.end, r.start + 1)
                ),
                None,
            )
            kind = (
                table.grid()[row.row][kind_col]
                if row is not None and kind_col is not None
                else None
            )
            if kind is None or not kind.text.strip() or "가점" in kind.text:
                out.append(c)
    return out


def _bonus(scope: Scope, follow: bool = True) -> list[Criterion]:
    out: list[Criterion] = []
    lines = scope_lines(scope)
    out += _captioned_bonus_tables(scope, lines, _bonus_sections(scope))
    # Innermost first: an item belongs to the closest 가점 heading (and takes its points).
    for section in sorted(_bonus_sections(scope), key=lambda s: s.end - s.start):
        heading = _read_heading(scope, section, lines)
        items = list(heading.items)
        body = [ln for ln in lines if heading.body_start <= ln.start < section.end]
        items += _bonus_lines(scope, body)
        for block, table in scope.tables():
            if section.start <= block.start < section.end:
                items += _bonus_table(scope, table)
        if follow and not items:
            items += _same_as(scope, section, body)
        out += [_with_default(c, heading) for c in items]
    return _dedupe(out)


def extract_bonus_points(scope: Scope) -> list[Criterion]:
    return _bonus(scope)


# --- corpus -----------------------------------------------------------------------------------


def corpus_value(text: str) -> dict[str, object] | None:
    """One line or tab-separated row → {"item", "points"}, or None when it is no criterion."""
    if is_row(text, EVAL_TABLE):
        cells = [c.text for c in split_line(text, 0) if c.text.strip()]
        if not cells or any(EVAL_TABLE.is_total(c) for c in cells):
            return None
        numeric = [c for c in cells if _points_value(c) is not None]
        texts = [c for c in cells if c not in numeric and not PASS_MARK.fullmatch(c.strip())]
        if not texts or not numeric:
            return None
        return {
            "item": _item_text(texts[-1]),
            "points": max(_points_value(c) or 0 for c in numeric),
        }
    if TOTAL.match(text) or is_header_line(text):
        return None
    passed = compiled(r"\s*" + PASS_MARK.pattern + r"\s*$").search(text)
    if passed and MARKER.match(text):
        item = _item_text(text[: passed.start()])
        return {"item": item, "points": None} if len(compiled(r"\P{L}").sub("", item)) >= 2 else None
    body = strip_marker(text)
    pairs = [m for m in PROSE_PAIR.finditer(body) if not _threshold_after(body, m.end())]
    if pairs and "가점" not in body:
        m = pairs[0]
        return {"item": clean(m.group("item")), "points": _number(m.group("pts"))}
    m = PROSE_LINE.match(body)
    if m and not _threshold_after(body, m.end()):
        return {"item": clean(m.group("item")), "points": _number(m.group("pts"))}
    m = ITEM_POINTS.match(text)
    if m and MARKER.match(text) and not _threshold_after(text, m.end("item")):
        item = _item_text(m.group("item"))
        if len(compiled(r"\P{L}").sub("", item)) >= 2:
            return {"item": item, "points": _points(m)}
    return None
