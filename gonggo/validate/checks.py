"""Checks over an extracted announcement: findings a staff member can act on.

Each check is a small function `(doc, announcement) -> list[Finding]`. Every finding has a
stable `code` (its severity is fixed per code in `CODES`), a one-sentence message that quotes
the text as printed, and evidence spans into `doc.text`. Findings never stop extraction:
`validate` returns the announcement with its findings, and a check that fails becomes a
`check_failed` finding rather than an exception.

| code | what it says |
|---|---|
| impossible_date | a printed date the calendar does not have (`2026. 2. 30.`) |
| weekday_mismatch | a printed weekday in parentheses that is not the date's (`4. 8.(목)`) |
| window_closes_before_opens | an application window whose end is before its start |
| window_before_announcement | an application window that closes before the announcement date |
| shares_do_not_add_up | per-track payer shares above 100 %, or an exact, complete split below it; a table's share row that does not add up to its total column |
| caps_disagree_with_shares | amounts and shares that imply different total costs (per track, or a table's amount row against its share row and total) |
| caps_do_not_add_up | a table row whose payer amounts do not sum to the row's printed total |
| conflicting_values | one fact stated twice with different values: two sections (or a master announcement's overview table and the program's section) give a track a different cap, share or period, or a window different dates |
| unplaced_item | a bullet under an eligibility / exclusion / document heading that no fact captured |
| unplaced_text | text no stage placed: a section of a master announcement outside every program, or a period section whose dates became no window |
| (reader codes) | what the reader could not read (unmapped glyphs, 배포용 decryption ...), as the reader reports it |
| fact_without_evidence, ungrounded_evidence | a fact with no span, a span whose quote is not the text |
| schema_error | a value the contract's models reject (types, ranges, enums) |
| check_failed | a check that raised; the other checks and the spec are unaffected |
| not_an_announcement | the file is not a support call (`kind`: 입찰, 입법예고, 채용, 보도자료, 주민 제안 공모, 양식·서식 …; `gonggo.vocab.kinds`): no programs, no rule config, no 신구대비표; set by extraction, the only finding beside the reader's |
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import regex
from pydantic import ValidationError

from gonggo.extractors import tracks as tracks_x
from gonggo.reading import items as items_r
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import (
    Announcement,
    Evidence,
    Finding,
    Funding,
    Program,
    Severity,
    Track,
    Window,
)
from gonggo.schemas.document import Cell, Document, Section, Table
from gonggo.vocab.dates import WEEKDAYS, DateMention, find_dates
from gonggo.vocab.headings import BY_NAME, FACETS
from gonggo.vocab.money import find_amounts
from gonggo.vocab.text import norm_key, strip_marker

KST = timezone(timedelta(hours=9))
Check = Callable[[Document, Announcement], list[Finding]]

CODES: dict[str, Severity] = {
    "impossible_date": "error",
    "weekday_mismatch": "warning",
    "window_closes_before_opens": "error",
    "window_before_announcement": "error",
    "shares_do_not_add_up": "error",
    "caps_disagree_with_shares": "error",
    "caps_do_not_add_up": "error",
    "conflicting_values": "warning",
    "unplaced_item": "warning",
    "unplaced_text": "info",
    "fact_without_evidence": "error",
    "ungrounded_evidence": "error",
    "schema_error": "error",
    "check_failed": "warning",
    "not_an_announcement": "warning",
}


def _finding(code: str, message: str, evidence: Iterable[Evidence] = ()) -> Finding:
    return Finding(code=code, severity=CODES[code], message=message, evidence=_unique(evidence))


def _unique(evidence: Iterable[Evidence]) -> list[Evidence]:
    out: list[Evidence] = []
    for e in evidence:
        if e not in out:
            out.append(e)
    return out


def _ev(doc: Document, start: int, end: int) -> Evidence:
    """A span of the document text, trimmed of surrounding white space."""
    start, end = max(0, min(start, len(doc.text))), max(0, min(end, len(doc.text)))
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, quote=doc.text[start:end], page=doc.page_at(start))


def _q(text: str, limit: int = 60) -> str:
    """Printed text for a message: one line, at most `limit` characters."""
    line = regex.sub(r"\s+", " ", text).strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _quotes(evidence: Iterable[Evidence]) -> str:
    return " … ".join(f"“{_q(e.quote, 50)}”" for e in list(evidence)[:2]) or "(no text)"


def _as_datetime(value: date | datetime, end_of_day: bool = False) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=KST)
    t = datetime.max.time() if end_of_day else datetime.min.time()
    return datetime.combine(value, t, tzinfo=KST)


def _label(program: Program, track: Track | None = None) -> str:
    return program.name + (f" / {track.name}" if track and track.name else "")


def _program_span(doc: Document, program: Program) -> tuple[int, int]:
    if program.section:
        for s in doc.sections:
            if s.title == program.section:
                return s.start, s.end
    return 0, len(doc.text)


def _in_appendix(doc: Document, section: Section) -> bool:
    """Appendices (`붙임 1`, `[별첨]`) hold forms and reference material, not the terms."""
    node: Section | None = section
    while node is not None:
        if items_r.APPENDIX.match(node.marker) or items_r.APPENDIX.match(node.title):
            return True
        node = doc.sections[node.parent] if node.parent is not None else None
    return False


_FORM_MARK = regex.compile(r"^\s*[【\[<〈(]\s*(?:서\s*식|양\s*식|별\s*지)\s*(?:제?\s*\d+\s*호?)?\s*[】\]>〉)]")


def _forms_start(doc: Document) -> int:
    """Where the forms begin (`【서식 1】`): what follows is to be filled in, not terms."""
    for b in doc.blocks:
        if b.kind != "table" and _FORM_MARK.match(doc.text[b.start : b.end]):
            return b.start
    return len(doc.text)


# 1. dates as printed -------------------------------------------------------------------


def _printed_day(m: DateMention) -> date | None:
    """The calendar day as printed (a `24:00` closing time does not move it)."""
    if m.resolved_year is None or m.month is None or m.day is None:
        return None
    try:
        return date(m.resolved_year, m.month, m.day)
    except ValueError:
        return None


def _date_finding(doc: Document, m: DateMention) -> Finding | None:
    if m.kind not in ("date", "md", "day") or m.resolved_year is None or m.month is None \
            or m.day is None:
        return None
    printed = _q(doc.text[m.start : m.end])
    year = f" (the year {m.resolved_year} is taken from the announcement date)" \
        if m.year_inferred else ""
    day = _printed_day(m)
    if day is None:
        return _finding("impossible_date",
                        f"“{printed}” is not a calendar date: {m.month}월 of {m.resolved_year} "
                        f"has no {m.day}일{year}.", [_ev(doc, m.start, m.end)])
    if m.weekday and WEEKDAYS[day.weekday()] != m.weekday:
        return _finding("weekday_mismatch",
                        f"“{printed}” prints {m.weekday}요일, but {day.isoformat()} is a "
                        f"{WEEKDAYS[day.weekday()]}요일{year}.", [_ev(doc, m.start, m.end)])
    return None


def _inferred_years_hold(mentions: list[DateMention]) -> bool:
    """Whether the years taken from the announcement date fit the printed weekdays: when most
    year-less dates miss their weekday, the year (not the document) is wrong."""
    printed = [m for m in mentions if m.year_inferred and m.weekday and _printed_day(m)]
    wrong = [m for m in printed if WEEKDAYS[_printed_day(m).weekday()] != m.weekday]  # type: ignore[union-attr]
    return not (len(printed) >= 2 and 2 * len(wrong) > len(printed))


def check_printed_dates(doc: Document, ann: Announcement) -> list[Finding]:
    """Dates the calendar does not have, and printed weekdays that are not the date's."""
    mentions = find_dates(doc.text, ann.announced_on)
    trusted = _inferred_years_hold(mentions)
    found = (_date_finding(doc, m) for m in mentions if trusted or not m.year_inferred)
    return [f for f in found if f is not None]


# 2. windows ------------------------------------------------------------------------------


def _window_findings(program: Program, w: Window, announced_on: date | None) -> list[Finding]:
    out = []
    printed = _quotes(w.evidence)
    if w.opens and w.closes and _as_datetime(w.closes, True) < _as_datetime(w.opens):
        out.append(_finding("window_closes_before_opens",
                            f"{program.name}: the application window {printed} closes "
                            f"({w.closes}) before it opens ({w.opens}).", w.evidence))
    if announced_on and w.closes and _as_datetime(w.closes, True) < _as_datetime(announced_on):
        out.append(_finding("window_before_announcement",
                            f"{program.name}: the application window {printed} closes "
                            f"({w.closes}) before the announcement date ({announced_on}).",
                            w.evidence))
    return out


def check_windows(_: Document, ann: Announcement) -> list[Finding]:
    return [f for p in ann.programs for w in p.windows
            for f in _window_findings(p, w, ann.announced_on)]


# 3. funding ------------------------------------------------------------------------------

# `00.0%`, `00백만원`: a blank in a form to be filled in, not a value
_BLANK_NUMBER = regex.compile(r"(?<![\d,.])0{2,}(?:[.,]0+)?(?!\d)")


def _blank(doc: Document, f: Funding) -> bool:
    return any(_BLANK_NUMBER.search(doc.text[max(0, e.start - 3) : e.end]) for e in f.evidence)


def _share_text(f: Funding) -> str:
    span = next((e.quote for e in f.evidence if "%" in e.quote), f"{f.share_pct:g}%")
    return f"{_q(f.payer_label, 30)} {_q(span, 30)}"


def _lines_hold_other_shares(doc: Document, funding: list[Funding]) -> bool:
    """Whether the lines (table rows) that print the shares print another share no payer
    took (`(69.8%) (10.2%) (20.0%) (100%)` read as two payers): the split as read is partial."""
    taken = {f.share_pct for f in funding}
    for f in funding:
        for e in f.evidence:
            if "%" not in e.quote:
                continue
            lo = doc.text.rfind("\n", 0, e.start) + 1
            hi = doc.text.find("\n", e.end)
            line = doc.text[lo : hi if hi >= 0 else len(doc.text)]
            if any(s.pct not in taken and s.pct != 100 for s in tracks_x.find_shares(line)):
                return True
    return False


def _share_findings(doc: Document, program: Program, track: Track, funding: list[Funding]
                    ) -> list[Finding]:
    shares = [f for f in funding if f.share_pct is not None]
    evidence = [e for f in shares for e in f.evidence if "%" in e.quote]
    printed = ", ".join(_share_text(f) for f in shares)
    lower = sum(f.share_pct or 0 for f in shares if f.share_bound in ("exact", "min", None))
    if lower > 100.5:
        return [_finding("shares_do_not_add_up",
                         f"{_label(program, track)}: the payer shares ({printed}) add up to at "
                         f"least {lower:g}%, more than the whole project cost.", evidence)]
    complete = (len(shares) == len(funding) >= 2 and any(f.payer == "applicant" for f in funding)
                and all(f.share_bound in ("exact", None) for f in shares)
                and not _lines_hold_other_shares(doc, funding))
    total = sum(f.share_pct or 0 for f in shares)
    if complete and total < 99.5:
        return [_finding("shares_do_not_add_up",
                         f"{_label(program, track)}: the payer shares ({printed}) add up to "
                         f"{total:g}%, not 100%.", evidence)]
    return []


def _cap_findings(program: Program, track: Track, funding: list[Funding]) -> list[Finding]:
    both = [f for f in funding if f.cap_krw and f.share_pct and f.share_bound in ("exact", None)]
    if len(both) < 2:
        return []
    implied = [f.cap_krw / f.share_pct * 100 for f in both]  # type: ignore[operator]
    if max(implied) <= min(implied) * 1.01:
        return []
    parts = ", ".join(f"{_q(f.payer_label, 30)} {f.cap_krw:,}원 at {f.share_pct:g}% → "
                      f"{i:,.0f}원" for f, i in zip(both, implied, strict=True))
    return [_finding("caps_disagree_with_shares",
                     f"{_label(program, track)}: the amounts and shares imply different total "
                     f"costs ({parts}).", [e for f in both for e in f.evidence])]


def check_funding(doc: Document, ann: Announcement) -> list[Finding]:
    """Per track: shares that cannot add up to 100 %, caps and shares that disagree."""
    out: list[Finding] = []
    for p in ann.programs:
        for t in p.tracks:
            if any(_blank(doc, f) for f in t.funding):
                continue  # a form's blank figures
            out += _share_findings(doc, p, t, t.funding) + _cap_findings(p, t, t.funding)
    return out


# 3b. a funding table's own arithmetic: payer columns against the total column --------------

_TOTAL_HEADER = regex.compile(r"^(?:합\s*계|총\s*계|계|총\s*사업비|총\s*구축\s*비용|총\s*비용|총\s*액)"
                              r"(?![가-힣])")
_COLUMN_LETTER = regex.compile(r"[(（]\s*([A-Za-zⓐ-ⓩ])\s*(?:=\s*([A-Za-zⓐ-ⓩ+\s]+))?[)）]")
_BARE_NUMBER = regex.compile(r"^\s*[(（]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*[)）]?\s*$")
_ONE_SHARE = regex.compile(r"^\s*[(（]?\s*(\d{1,3}(?:\.\d+)?)\s*%\s*[)）]?\s*$")


def _column_roles(table: Table) -> tuple[int, dict[int, str], int] | None:
    """The header row, its payer columns (column → payer label), and the total column."""
    for r, row in enumerate(table.grid()[:3]):
        payers: dict[int, str] = {}
        total = None
        for c, cell in enumerate(row):
            label = regex.sub(r"\s+", " ", cell.text).strip() if cell else ""
            if not label:
                continue
            if _TOTAL_HEADER.match(label):
                total = c if total is None else total
            elif tracks_x.find_payer(label) and not tracks_x.GENERIC_PAYER.match(label):
                payers[c] = label
        if total is not None and len({id(table.grid()[r][c]) for c in payers}) >= 2:
            return r, _parts_removed(payers), total
    return None


def _parts_removed(payers: dict[int, str]) -> dict[int, str]:
    """Drop payer columns another column sums (`정부지원사업비 (C=A+B)` holds A and B)."""
    parts: set[str] = set()
    for label in payers.values():
        for m in _COLUMN_LETTER.finditer(label):
            if m[2]:
                parts |= set(regex.findall(r"[A-Za-zⓐ-ⓩ]", m[2]))
    return {c: label for c, label in payers.items()
            if not any(m[1] in parts and not m[2] for m in _COLUMN_LETTER.finditer(label))}


def _amount(cell: Cell | None) -> tuple[Decimal, str] | None:
    """The one amount a cell prints: won, or a bare number (the table's unit), with its kind."""
    if cell is None or not cell.text.strip() or _BLANK_NUMBER.search(cell.text):
        return None
    amounts = find_amounts(cell.text)
    if len(amounts) == 1:
        return Decimal(amounts[0].krw), "krw"
    m = _BARE_NUMBER.match(cell.text)
    if not amounts and m and "%" not in cell.text:
        return Decimal(m[1].replace(",", "") + (f".{m[2]}" if m[2] else "")), "bare"
    return None


def _share(cell: Cell | None) -> Decimal | None:
    if cell is None or _BLANK_NUMBER.search(cell.text):
        return None
    m = _ONE_SHARE.match(cell.text)
    return Decimal(m[1]) if m else None


def _cell_ev(doc: Document, cells: Iterable[Cell]) -> list[Evidence]:
    return [_ev(doc, c.start, c.end) for c in cells]


def _row_cells(row: list[Cell | None], cols: Iterable[int]) -> list[Cell] | None:
    cells = [row[c] for c in cols]
    if any(c is None for c in cells) or len({id(c) for c in cells}) != len(cells):
        return None  # a merged cell spans two of the columns: the row cannot be summed
    return cells  # type: ignore[return-value]


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(abs(b) * Decimal("0.005"), Decimal("0.05"))


def _table_findings(doc: Document, table: Table) -> list[Finding]:
    roles = _column_roles(table)
    if roles is None:
        return []
    header, payers, total_col = roles
    cols = sorted(payers)
    out: list[Finding] = []
    share_row: tuple[list[Decimal], Decimal, list[Cell]] | None = None
    amount_rows: list[tuple[list[Decimal], Decimal, list[Cell]]] = []
    seen: set[tuple[int, ...]] = set()
    for row in table.grid()[header + 1 :]:
        cells = _row_cells(row, cols + [total_col])
        if cells is None or tuple(map(id, cells)) in seen:
            continue
        seen.add(tuple(map(id, cells)))
        shares = [_share(c) for c in cells]
        amounts = [_amount(c) for c in cells]
        if all(s is not None for s in shares):
            values = [s for s in shares if s is not None]
            share_row = (values[:-1], values[-1], cells)
            if not _close(sum(values[:-1]), values[-1]):
                out.append(_finding(
                    "shares_do_not_add_up",
                    f"The table's shares {' + '.join(_q(c.text, 12) for c in cells[:-1])} add "
                    f"up to {sum(values[:-1]):g}%, not the printed total "
                    f"“{_q(cells[-1].text, 12)}”.", _cell_ev(doc, cells)))
        elif all(a is not None for a in amounts) and len({a[1] for a in amounts if a}) == 1:
            values = [a[0] for a in amounts if a is not None]
            amount_rows.append((values[:-1], values[-1], cells))
            if not _close(sum(values[:-1]), values[-1]):
                out.append(_finding(
                    "caps_do_not_add_up",
                    f"The table's amounts {' + '.join(_q(c.text, 16) for c in cells[:-1])} do "
                    f"not add up to the printed total “{_q(cells[-1].text, 16)}”.",
                    _cell_ev(doc, cells)))
    if share_row is not None:
        out += [f for row in amount_rows if (f := _proportion_finding(doc, row, share_row))]
    return out


def _proportion_finding(doc: Document, amounts: tuple[list[Decimal], Decimal, list[Cell]],
                        shares: tuple[list[Decimal], Decimal, list[Cell]]) -> Finding | None:
    values, total, cells = amounts
    pcts, _, share_cells = shares
    if not total:
        return None
    bad = [k for k, (v, p) in enumerate(zip(values, pcts, strict=True))
           if not _close(v, total * p / 100)]
    if not bad:
        return None
    k = bad[0]
    return _finding(
        "caps_disagree_with_shares",
        f"The table prints “{_q(cells[k].text, 16)}” where “{_q(share_cells[k].text, 12)}” of the "
        f"total “{_q(cells[-1].text, 16)}” would be {total * pcts[k] / 100:g}.",
        _cell_ev(doc, [cells[k], share_cells[k], cells[-1]]))


def check_funding_tables(doc: Document, ann: Announcement) -> list[Finding]:
    """Tables with payer columns and a total column: rows must add up, amounts follow shares."""
    forms = _forms_start(doc)
    return [f for b in doc.blocks if b.table is not None and b.start < forms
            and not _block_in_appendix(doc, b.section)
            for f in _table_findings(doc, b.table)]


def _block_in_appendix(doc: Document, section: int | None) -> bool:
    return section is not None and _in_appendix(doc, doc.sections[section])


# 4. one fact stated twice with different values ------------------------------------------

# the value, its printed spans, where it was read, what it is of (a track as printed)
Value = tuple[object, list[Evidence], str, str]


def _leaf_sections(doc: Document, lo: int, hi: int) -> list[Section]:
    """Headed sections with no headed section inside: the units a fact is stated in."""
    forms = _forms_start(doc)
    out = []
    for s in doc.sections:
        if not (lo <= s.start < hi) or s.start >= forms or doc.blocks[s.block].kind != "heading":
            continue
        if any(doc.blocks[doc.sections[c].block].kind == "heading" for c in _descendants(doc, s)):
            continue
        if not _in_appendix(doc, s):
            out.append(s)
    return out


def _descendants(doc: Document, s: Section) -> Iterator[int]:
    stack = list(s.children)
    while stack:
        c = stack.pop()
        yield c
        stack.extend(doc.sections[c].children)


def _spans_matching(evidence: list[Evidence], test: Callable[[str], object]) -> list[Evidence]:
    return [e for e in evidence if test(e.quote)]


def _track_facts(track: Track, where: str) -> Iterator[tuple[tuple[str, ...], Value]]:
    key, name = (norm_key(track.name), track.name) if track.name else ("", "")
    for f in track.funding:
        if f.cap_krw is not None:
            spans = _spans_matching(f.evidence, find_amounts)
            yield (key, f"the {f.payer} cap"), (f.cap_krw, spans, where, name)
        if f.share_pct is not None:
            spans = _spans_matching(f.evidence, lambda q: "%" in q)
            yield (key, f"the {f.payer} share"), ((f.share_pct, f.share_bound), spans, where, name)
    if track.duration_months is not None:
        spans = _spans_matching(track.evidence, tracks_x.find_months)
        yield (key, "the project period"), (track.duration_months, spans, where, name)


def _window_facts(windows: list[Window], leaves: list[Section]
                  ) -> Iterator[tuple[tuple[str, ...], Value]]:
    """The program's windows, each where it is printed; a key (label, tracks) printed twice in
    one section is a set of rounds there, not a restatement."""
    keyed: dict[tuple[tuple[str, ...], int], list[Window]] = {}
    for w in windows:
        leaf = next((k for k, s in enumerate(leaves) if w.evidence
                     and s.start <= w.evidence[0].start < s.end), None)
        if leaf is not None and (w.opens or w.closes):
            keyed.setdefault(((w.label or "", "window", *w.tracks), leaf), []).append(w)
    for (key, leaf), ws in keyed.items():
        if len(ws) == 1:
            yield key, ((ws[0].opens, ws[0].closes), ws[0].evidence, _where(leaves[leaf]),
                        ws[0].label or "")


def _where(s: Section) -> str:
    return f"“{_q(s.title, 30)}”"


def _section_facts(doc: Document, s: Section, announced_on: date | None
                   ) -> Iterator[tuple[tuple[str, ...], Value]]:
    """The tracks one section states, read from that section alone."""
    scope = Scope(doc=doc, start=s.start, end=s.end, announced_on=announced_on)
    for t in tracks_x.extract_tracks(scope):
        yield from _track_facts(t, _where(s))


def _conflicts(program: Program, facts: Iterable[tuple[tuple[str, ...], Value]]) -> list[Finding]:
    first: dict[tuple[str, ...], Value] = {}
    out = []
    for key, (value, spans, where, name) in facts:
        if not spans:
            continue
        if key not in first:
            first[key] = (value, spans, where, name)
            continue
        value0, spans0, where0, _ = first[key]
        if value0 != value and not {_key(e) for e in spans0} & {_key(e) for e in spans}:
            out.append(_finding("conflicting_values", _conflict_message(
                program, (name, key[1]), (spans0, where0), (spans, where)), spans0 + spans))
    return out


def _key(e: Evidence) -> tuple[int, int]:
    return e.start, e.end


def _conflict_message(program: Program, key: tuple[str, ...], a: tuple[list[Evidence], str],
                      b: tuple[list[Evidence], str]) -> str:
    name, fact = key
    if fact.startswith("window"):
        what = "the application window" + (f" “{name}”" if name else "")
    else:
        what = (f"track “{name}”: " if name else "") + fact
    return (f"{program.name}: {what} is printed as {_quotes(a[0])} in {a[1]} and as "
            f"{_quotes(b[0])} in {b[1]}.")


def check_conflicting_values(doc: Document, ann: Announcement) -> list[Finding]:
    """Each headed section read on its own: the same track or window given different values."""
    out: list[Finding] = []
    for p in ann.programs:
        lo, hi = _program_span(doc, p)
        leaves = _leaf_sections(doc, lo, hi)
        out += _conflicts(p, (f for s in leaves for f in _section_facts(doc, s, ann.announced_on)))
        out += _conflicts(p, _window_facts(p.windows, leaves))
    return out


# 4b. a master announcement's overview table against the program's own section ----------------

_CAP_HEADER = regex.compile(r"지원\s*금|지원\s*한도|지원\s*금액|정부\s*지원|국비")
_TRACK_HEADER = regex.compile(r"^(?:지원\s*)?(?:유\s*형|구\s*분|트\s*랙)")


def _overview_rows(doc: Document, program: Program, lo: int, hi: int
                   ) -> Iterator[tuple[list[Cell | None], list[Cell | None]]]:
    """(header row, row) of tables outside the program's section whose first cell names it."""
    name = norm_key(regex.sub(r"\s*[(（][^)）]*[)）]\s*$", "", program.name))
    for b in doc.blocks:
        if b.table is None or lo <= b.start < hi:
            continue
        grid = b.table.grid()
        if len(grid) < 2:
            continue
        current = None
        for row in grid[1:]:
            first = row[0]
            key = norm_key(first.text) if first is not None else ""
            if len(key) >= 4 and (key in name or name in key):
                current = first
            if current is not None and first is current:
                yield grid[0], row


def _overview_facts(doc: Document, program: Program, lo: int, hi: int,
                    announced_on: date | None) -> Iterator[tuple[str, str, object, Evidence]]:
    """(kind, track key, value, printed span) read from the overview rows."""
    for header, row in _overview_rows(doc, program, lo, hi):
        labels = [regex.sub(r"\s+", "", c.text) if c else "" for c in header]
        track_col = next((c for c, lab in enumerate(labels) if c and _TRACK_HEADER.match(lab)), None)
        track = row[track_col] if track_col is not None else None
        key = norm_key(track.text) if track is not None and track is not row[0] else ""
        for c, cell in enumerate(row):
            if cell is None or cell is row[0] or cell is track:
                continue
            if items_r.PERIOD_WORD.search(labels[c]):
                for m in find_dates(cell.text, announced_on):
                    yield "date", "", m.value, _ev(doc, cell.start + m.start, cell.start + m.end)
            elif _CAP_HEADER.search(labels[c]):
                amounts = find_amounts(cell.text)
                if len(amounts) == 1:
                    a = amounts[0]
                    yield "cap", key, a.krw, _ev(doc, cell.start + a.start, cell.start + a.end)


def _inside(evidence: list[Evidence], lo: int, hi: int) -> bool:
    return bool(evidence) and all(lo <= e.start < hi for e in evidence)


def _overview_findings(doc: Document, ann: Announcement, p: Program) -> list[Finding]:
    lo, hi = _program_span(doc, p)
    windows = [w for w in p.windows if _inside(w.evidence, lo, hi)]
    out: list[Finding] = []
    for kind, key, value, span in _overview_facts(doc, p, lo, hi, ann.announced_on):
        if kind == "date" and value is not None:
            out += [_overview_finding(p, "an application date", span, w.evidence)
                    for w in _windows_disagreeing(windows, value)]
        elif kind == "cap":
            out += [_overview_finding(p, f"the government cap of track “{t.name}”" if t.name
                                      else "the government cap", span, f.evidence)
                    for t in p.tracks if (norm_key(t.name) if t.name else "") == key
                    or (not key and len(p.tracks) == 1)
                    for f in t.funding if f.payer == "government" and f.cap_krw
                    and f.cap_krw != value and _inside(f.evidence, lo, hi)]
    return out


def _windows_disagreeing(windows: list[Window], value: object) -> list[Window]:
    """Windows of the section that do not print an overview date but sit next to it: the
    overview's date is a window's end (or start) and the section gives another one."""
    if any(value in (w.opens, w.closes) for w in windows):
        return []
    day = value.date() if isinstance(value, datetime) else value
    near = [w for w in windows if any(
        isinstance(v, date) and abs(((v.date() if isinstance(v, datetime) else v) - day).days) <= 7
        for v in (w.opens, w.closes))]
    return near[:1]


def _overview_finding(p: Program, what: str, overview: Evidence, section: list[Evidence]) -> Finding:
    return _finding("conflicting_values",
                    f"{p.name}: {what} is printed as “{_q(overview.quote, 40)}” in the overview "
                    f"table and as {_quotes(section)} in the program's section.",
                    [overview, *section])


def check_overview_table(doc: Document, ann: Announcement) -> list[Finding]:
    if len(ann.programs) < 2:
        return []
    return [f for p in ann.programs for f in _overview_findings(doc, ann, p)]


# 5. completeness -------------------------------------------------------------------------

_UNPLACED_FACETS = ("exclusions", "eligibility", "documents")
_ANY_FACET = regex.compile("|".join(f"(?x:{f.pattern.pattern})" for f in FACETS))
_NOTE = regex.compile(r"^(?:\*|※|☞|★|주\s*\)|[(（]\s*(?:참고|예시|주)\s*[)）]|<|〈)")
_NOTE_MARKERS = ("※", "*", "**", "***", "☞", "★")
# an item that points elsewhere or says how, not who may apply or what to submit
_GUIDANCE = regex.compile(r"(?:참조|참고|방법|안내|문의|예정)\s*[.)）]*\s*$")
_LEAD_LABEL = regex.compile(r"^[(（\[]\s*([^()（）\[\]]{1,20}?)\s*[)）\]]")
_TOPIC_WORD = regex.compile(r"(?:요건|사항|기준|방법|기간|절차|일정|조건|우대|가점)$")
_DOCUMENT_NOUN = regex.compile(
    r"서류|증명|등본|초본|사본|원본|증빙|명세|재무제표|자격증|등록증|인증서|확인증|양식|파일|"
    r"[가-힣](?<!에|해|여|아|어|면|로|부)서(?![가-힣])"
)


def _fact_spans(ann: Announcement) -> list[Evidence]:
    return [Evidence.model_validate(e) for _, node in _facts(ann.model_dump())
            for e in node.get("evidence") or []]


def _covered(spans: Iterable[Evidence], start: int, end: int) -> bool:
    return any(e.start < end and start < e.end for e in spans)


def _is_item(doc: Document, c: Section, field: str, pattern: regex.Pattern[str]) -> bool:
    """Whether a child of a facet heading is one of its items (not a sub-heading, a note, a
    pointer elsewhere, or a line on another topic)."""
    block = doc.blocks[c.block]
    if block.kind == "heading" and (c.children or _ANY_FACET.search(strip_marker(c.title)[:30])):
        return False  # a sub-section: read on its own when it is a facet heading
    body = strip_marker(doc.text[block.start : block.end])
    if not regex.search(r"[\p{Hangul}A-Za-z]", body):
        return False  # a rule line, a stray number
    if c.marker in _NOTE_MARKERS or _NOTE.match(body) or _GUIDANCE.search(body.split("\n")[0]):
        return False
    label = _LEAD_LABEL.match(body)
    if label and _TOPIC_WORD.search(label[1]) and not pattern.search(label[1]):
        return False  # `(우대요건) …` under `신청자격 및 우대요건`
    return field != "documents" or bool(_DOCUMENT_NOUN.search(body))


def _facet_headings(doc: Document, lo: int, hi: int) -> Iterator[tuple[Section, str]]:
    forms = _forms_start(doc)
    for s in doc.sections:
        if not (lo <= s.start < hi) or s.start >= forms or doc.blocks[s.block].kind != "heading":
            continue
        title = strip_marker(s.title)[:30]
        for field in _UNPLACED_FACETS:
            if BY_NAME[field].pattern.search(title) and not _in_appendix(doc, s):
                yield s, field


def _fact_texts(program: Program) -> list[str]:
    texts = [c.text for c in program.eligibility + program.exclusions + program.obligations]
    texts += [d.name for d in program.documents]
    return sorted({k for k in map(norm_key, texts) if len(k) >= 4}, key=len, reverse=True)


def _restated(doc: Document, texts: list[str], start: int, end: int) -> bool:
    """Whether the text only restates captured facts (the same exclusions printed again for
    another applicant group): nothing but bullets is left once their texts are taken out."""
    rest = norm_key(doc.text[start:end])
    if not rest:
        return False
    for t in texts:
        rest = rest.replace(t, "")
    return not regex.search(r"[\p{Hangul}A-Za-z0-9]", rest)


def _captured(doc: Document, spans: list[Evidence], texts: list[str], c: Section) -> bool:
    """An item is captured when a fact quotes it or the lines and tables under it, or when it
    (or what is under it) restates captured facts."""
    block = doc.blocks[c.block]
    return (_covered(spans, c.start, c.end) or _restated(doc, texts, block.start, block.end)
            or _restated(doc, texts, block.end, c.end))


def check_unplaced_items(doc: Document, ann: Announcement) -> list[Finding]:
    """Items under an exclusion / eligibility / document heading that no fact captured."""
    spans = _fact_spans(ann)
    out = []
    for p in ann.programs:
        lo, hi = _program_span(doc, p)
        texts = _fact_texts(p)
        for s, field in _facet_headings(doc, lo, hi):
            facet = BY_NAME[field]
            for child in s.children:
                c = doc.sections[child]
                if not _is_item(doc, c, field, facet.pattern) \
                        or _captured(doc, spans, texts, c):
                    continue
                block = doc.blocks[c.block]
                under = _ev(doc, block.end, c.end)
                out.append(_finding(
                    "unplaced_item",
                    f"{p.name}: “{_q(doc.text[block.start:block.end])}”"
                    f"{' (with the lines under it)' if under.quote else ''} under "
                    f"“{_q(s.title, 40)}” was read as no {facet.what} (nor as any other fact).",
                    [_ev(doc, block.start, block.end)] + ([under] if under.quote else [])))
    return out


def _has_values(doc: Document, s: Section, announced_on: date | None) -> bool:
    text = doc.text[s.start : s.end]
    return bool(find_amounts(text) or find_dates(text, announced_on)
                or tracks_x.find_shares(text))


def _outside_programs(doc: Document, ann: Announcement) -> list[Finding]:
    """A master announcement's top-level sections that hold no program and gave no fact."""
    spans = _fact_spans(ann) + [e for v in ann.evidence_of.values() for e in v]
    programs = [_program_span(doc, p) for p in ann.programs]
    spans += [_ev(doc, c.start, c.end) for p, (lo, hi) in zip(ann.programs, programs, strict=True)
              for _, row in _overview_rows(doc, p, lo, hi) for c in row[:1] if c is not None]
    forms = _forms_start(doc)
    out = []
    for s in doc.sections:
        if s.parent is not None or s.start >= forms or _in_appendix(doc, s):
            continue
        if any(s.start <= lo < s.end or lo <= s.start < hi for lo, hi in programs):
            continue
        if _covered(spans, s.start, s.end) or not _has_values(doc, s, ann.announced_on):
            continue
        out.append(_finding(
            "unplaced_text",
            f"“{_q(s.title, 40)}” lies outside every program's section and no fact was read "
            f"from it, though it prints dates or amounts.", [_ev(doc, s.start, _line_end(doc, s))]))
    return out


def _line_end(doc: Document, s: Section) -> int:
    block = doc.blocks[s.block]
    nl = doc.text.find("\n", block.start, block.end)
    return block.end if nl < 0 else nl


def _unread_periods(doc: Document, ann: Announcement) -> list[Finding]:
    """A period section (`□ 신청기간`) that prints a date no window was read from."""
    out = []
    for p in ann.programs:
        lo, hi = _program_span(doc, p)
        spans = [e for w in p.windows for e in w.evidence]
        forms = _forms_start(doc)
        for s in doc.sections:
            if not (lo <= s.start < hi) or s.start >= forms or _in_appendix(doc, s) \
                    or doc.blocks[s.block].kind != "heading":
                continue
            title = strip_marker(s.title)
            if not items_r.PERIOD_WORD.match(title) or _covered(spans, s.start, s.end):
                continue
            dates = [m for m in find_dates(doc.text[s.start : s.end], ann.announced_on)
                     if m.kind in ("date", "md") and m.valid]
            if dates:
                m = dates[0]
                out.append(_finding(
                    "unplaced_text",
                    f"{p.name}: “{_q(s.title, 40)}” prints "
                    f"“{_q(doc.text[s.start + m.start : s.start + m.end], 30)}” but no "
                    f"application window was read from it.",
                    [_ev(doc, s.start + m.start, s.start + m.end)]))
    return out


def check_unplaced_text(doc: Document, ann: Announcement) -> list[Finding]:
    return (_outside_programs(doc, ann) if len(ann.programs) > 1 else []) \
        + _unread_periods(doc, ann)


# 5b. what the reader could not read ---------------------------------------------------------

_EXCERPT = regex.compile(r"reads\s+[\"“'](?P<text>[^\"”']{4,})[\"”']")


def _page_evidence(doc: Document, pages: list[int]) -> list[Evidence]:
    out: list[Evidence] = []
    for page in pages[:3]:
        block = next((b for b in doc.blocks if b.page == page and b.end > b.start), None)
        if block is not None:
            nl = doc.text.find("\n", block.start, block.end)
            out.append(_ev(doc, block.start, min(block.end if nl < 0 else nl, block.start + 80)))
    return out


def _reader_evidence(doc: Document, message: str, pages: list[int]) -> list[Evidence]:
    """The excerpt the message quotes, the characters it names (`U+F02FC`), or the first line
    of each page it lists; nothing for a finding about the whole file."""
    m = _EXCERPT.search(message)
    i = doc.text.find(m["text"]) if m else -1
    if m and i >= 0:
        return [_ev(doc, i, i + len(m["text"]))]
    chars = [chr(int(h, 16)) for h in regex.findall(r"U\+([0-9A-Fa-f]{4,6})", message)]
    spans = [(k, k + 1) for ch in chars[:3] if (k := doc.text.find(ch)) >= 0]
    if spans:
        return [Evidence(start=a, end=b, quote=doc.text[a:b], page=doc.page_at(a)) for a, b in spans]
    return _page_evidence(doc, pages)


def _sentence(message: str) -> str:
    message = message.rstrip()
    return message if message.endswith((".", "?", "!", "다")) else message + "."


def check_reader_findings(doc: Document, _: Announcement) -> list[Finding]:
    """What the reader could not read (unmapped glyphs, unreadable objects) is a finding too;
    it points at the text it names, or at the first line of each page it lists."""
    return [Finding(code=f.code, severity=f.severity,
                    message=_sentence(f.message + (f" (pages {', '.join(map(str, f.pages))})"
                                                   if f.pages and "page" not in f.message else "")),
                    evidence=_reader_evidence(doc, f.message, f.pages))
            for f in doc.findings]


# 6. schema and evidence ------------------------------------------------------------------

_FACT_LISTS = ("tracks", "funding", "windows", "eligibility", "exclusions", "documents",
               "evaluation", "bonus_points", "obligations", "costs", "contacts",
               "declared_changes")
_NAMES = ("name", "text", "item", "topic", "payer_label", "label", "org")


def _stated(key: str, item: dict) -> bool:
    if key == "tracks":  # the one unnamed track of a program without tiers states nothing
        return bool(item.get("funding") or item.get("duration_months") or item.get("name"))
    return True


def _facts(node: object, path: str = "") -> Iterable[tuple[str, dict]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _FACT_LISTS and isinstance(value, list):
                for i, item in enumerate(value):
                    if not isinstance(item, dict):
                        continue  # e.g. a window's list of track names
                    here = f"{path}.{key}[{i}]".lstrip(".")
                    if _stated(key, item):
                        yield here, item
                    yield from _facts(item, here)
            elif key == "awards" and isinstance(value, dict):
                yield f"{path}.awards".lstrip("."), value
            elif key == "submission" and isinstance(value, dict) and (
                    value.get("channels") or value.get("urls") or value.get("emails")):
                yield f"{path}.submission".lstrip("."), value
            elif key == "programs" and isinstance(value, list):
                for i, item in enumerate(value):
                    yield from _facts(item, f"{path}.programs[{i}]".lstrip("."))


def _all_spans(data: dict) -> Iterator[tuple[str, dict]]:
    """Every evidence span of the spec: the facts' and the `evidence_of` maps'."""
    for path, node in _facts(data):
        for e in node.get("evidence") or []:
            yield path, e
    owners = [("", data)] + [(f"programs[{i}]", p) for i, p in enumerate(data["programs"])]
    for path, node in owners:
        for field, spans in (node.get("evidence_of") or {}).items():
            for e in spans:
                yield f"{path}.{field}".lstrip("."), e


def _what(node: dict) -> str:
    name = next((node[k] for k in _NAMES if isinstance(node.get(k), str) and node[k]), None)
    return f" (“{_q(name, 40)}”)" if name else ""


def check_evidence(doc: Document, ann: Announcement) -> list[Finding]:
    """Every evidence span must quote the text exactly; every fact must have one."""
    data = ann.model_dump()
    out = [_finding("fact_without_evidence",
                    f"{path}{_what(node)} states a fact with no evidence span.")
           for path, node in _facts(data) if not node.get("evidence")]
    seen: set[tuple[int, int, str]] = set()
    for where, e in _all_spans(data):
        printed = doc.text[e["start"] : e["end"]]
        if printed == e["quote"] or (e["start"], e["end"], e["quote"]) in seen:
            continue
        seen.add((e["start"], e["end"], e["quote"]))
        out.append(_finding(
            "ungrounded_evidence",
            f"{where or 'announcement'}: the evidence quotes “{_q(e['quote'], 40)}” but the "
            f"text at {e['start']}–{e['end']} reads “{_q(printed, 40)}”.",
            [_ev(doc, e["start"], e["end"])] if e["end"] <= len(doc.text) else []))
    return out


def _node_at(data: object, loc: tuple) -> dict | None:
    """The innermost object along `loc` that carries evidence."""
    best, node = None, data
    for part in loc:
        if isinstance(node, dict) and node.get("evidence"):
            best = node
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, dict) and node.get("evidence"):
        best = node
    return best


def _grounded(doc: Document, spans: list[dict]) -> list[Evidence]:
    return [_ev(doc, e["start"], e["end"]) for e in spans
            if e["end"] <= len(doc.text) and doc.text[e["start"] : e["end"]] == e["quote"]]


def check_schema(doc: Document, ann: Announcement) -> list[Finding]:
    data = ann.model_dump(warnings=False)
    try:
        Announcement.model_validate(data)
    except ValidationError as err:
        out = []
        for e in err.errors():
            node = _node_at(data, e["loc"])
            spans = _grounded(doc, node["evidence"]) if node else []
            printed = f" (printed {_quotes(spans)})" if spans else ""
            out.append(_finding("schema_error",
                                f"{'.'.join(map(str, e['loc']))} = {e.get('input')!r}: "
                                f"{e['msg']}{printed}.", spans))
        return out
    return []


CHECKS: list[Check] = [
    check_printed_dates,
    check_windows,
    check_funding,
    check_funding_tables,
    check_conflicting_values,
    check_overview_table,
    check_unplaced_items,
    check_unplaced_text,
    check_reader_findings,
    check_evidence,
    check_schema,
]


def _run(check: Check, doc: Document, ann: Announcement) -> list[Finding]:
    try:
        return check(doc, ann)
    except Exception as err:  # noqa: BLE001 - a check's bug must not stop extraction
        return [_finding("check_failed", f"The check {check.__name__} failed "
                                         f"({type(err).__name__}: {_q(str(err), 80)}); its "
                                         f"findings are missing.")]


def validate(doc: Document, ann: Announcement, checks: list[Check] | None = None) -> Announcement:
    """Run every check; the announcement comes back with its findings appended."""
    findings = list(ann.findings)
    if ann.kind != "support_call":  # not_an_announcement: only what the reader could not read
        checks = [check_reader_findings]
    for check in checks or CHECKS:
        findings.extend(_run(check, doc, ann))
    return ann.model_copy(update={"findings": findings})
