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
| conflicting_values | one fact stated twice with different values: two sections (or a master announcement's overview table and the program's section) give a track a different cap, share or period, or a window different dates; a track's cap, share or period two sections state differently is withheld from the spec (`withhold_conflicting_terms`) unless one of the two is printed as the per-award term (`과제당`, `지원한도`), and the finding says so |
| unplaced_item | a bullet under an eligibility / exclusion / document heading that no fact captured |
| unplaced_text | text no stage placed: a section of a master announcement outside every program, or a period section whose dates became no window |
| (reader codes) | what the reader could not read (unmapped glyphs, 배포용 decryption ...), as the reader reports it |
| fact_without_evidence, ungrounded_evidence | a fact with no span, a span whose quote is not the text |
| schema_error | a value the contract's models reject (types, ranges, enums) |
| check_failed | a check that raised; the other checks and the spec are unaffected |
| summary_disagrees_with_body | the overview's deadline or 선정규모 against the body's; a year range of one rule printed twice (`crosscheck.py`) |
| points_do_not_add_up | an evaluation section's points against its items; items against 합계, or 100 with no total (`points.py`) |
| bonus_cap_inconsistent | a 가점 item above its cap, a cap its items never reach, `항목 당 3점, 최대 2점` (`points.py`) |
| example_arithmetic_wrong | a worked example (`6개월×40% = 2.4`, `1억원의 70%인 0.7억원`) whose result is not its arithmetic (`arithmetic.py`) |
| share_base_differs | one payer's share stated of 총사업비 in one place and of 지원금 in another (`arithmetic.py`) |
| year_mismatch | the title year against the body's 사업명 year; a schedule step printed in another year (`years.py`, `calendar.py`) |
| stale_period | financial figures asked for a year far before the call (`years.py`) |
| schedule_out_of_order | a schedule step dated before (or inside) the step it follows (`calendar.py`) |
| placeholder_left | `제00호`, `○○`, `0개`, `00건` left in a call's head or terms, not in its forms (`placeholders.py`) |
| deadline_on_holiday | a closing date on a Saturday, Sunday or Korean public holiday, `holidays.KR` (`calendar.py`) |
| not_an_announcement | the file is not a support call (`kind`: 입찰, 입법예고, 채용, 보도자료, 주민 제안 공모, 양식·서식 …; `gonggo.vocab.kinds`): no programs, no rule config, no 신구대비표; set by extraction, the only finding beside the reader's |

Messages are Korean first (contract v2): one sentence a staff member can act on, quoting both
printed sides; the code says the rest.
"""

from __future__ import annotations

import pickle
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from itertools import accumulate, pairwise

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
    Track,
    Window,
)
from gonggo.schemas.document import Cell, Document, Section, Table
from gonggo.validate import arithmetic, calendar, crosscheck, placeholders, points, years
from gonggo.validate.common import CODES, Check
from gonggo.vocab import funding as funding_v

__all__ = ["CHECKS", "CODES", "validate"]
from gonggo.validate.common import as_datetime as _as_datetime
from gonggo.validate.common import ev as _ev
from gonggo.validate.common import finding as _finding
from gonggo.validate.common import forms_start as _forms_start
from gonggo.validate.common import in_appendix as _in_appendix
from gonggo.validate.common import printed_dates
from gonggo.validate.common import q as _q
from gonggo.validate.common import quotes as _quotes
from gonggo.vocab.dates import WEEKDAYS, DateMention, find_dates
from gonggo.vocab.headings import BY_NAME, FACETS
from gonggo.vocab.money import find_amounts
from gonggo.vocab.text import compiled, norm_key, strip_marker

_FACET_KO = {"eligibility": "신청자격", "exclusions": "지원제외 대상", "documents": "제출서류"}
_PAYER_KO = {"government": "정부", "host": "주관기관", "applicant": "자부담",
             "local_government": "지자체", "other": "기타"}


def _label(program: Program, track: Track | None = None) -> str:
    return program.name + (f" / {track.name}" if track and track.name else "")


def _program_span(doc: Document, program: Program) -> tuple[int, int]:
    if program.section:
        for s in doc.sections:
            if s.title == program.section:
                return s.start, s.end
    return 0, len(doc.text)


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
    year = f"(연도 {m.resolved_year}년은 공고일에서 가져옴)" if m.year_inferred else ""
    day = _printed_day(m)
    if day is None:
        return _finding("impossible_date",
                        f"‘{printed}’은(는) 달력에 없는 날짜입니다{year}: {m.resolved_year}년 "
                        f"{m.month}월에는 {m.day}일이 없습니다.", [_ev(doc, m.start, m.end)])
    if m.weekday and WEEKDAYS[day.weekday()] != m.weekday:
        return _finding("weekday_mismatch",
                        f"‘{printed}’에 {m.weekday}요일로 적혀 있으나 {day.isoformat()}은(는) "
                        f"{WEEKDAYS[day.weekday()]}요일입니다{year}.", [_ev(doc, m.start, m.end)])
    return None


def _inferred_years_hold(mentions: list[DateMention]) -> bool:
    """Whether the years taken from the announcement date fit the printed weekdays: when most
    year-less dates miss their weekday, the year (not the document) is wrong."""
    printed = [m for m in mentions if m.year_inferred and m.weekday and _printed_day(m)]
    wrong = [m for m in printed if WEEKDAYS[_printed_day(m).weekday()] != m.weekday]  # type: ignore[union-attr]
    return not (len(printed) >= 2 and 2 * len(wrong) > len(printed))


def check_printed_dates(doc: Document, ann: Announcement) -> list[Finding]:
    """Dates the calendar does not have, and printed weekdays that are not the date's."""
    mentions = printed_dates(doc, ann)
    trusted = _inferred_years_hold(mentions)
    found = (_date_finding(doc, m) for m in mentions if trusted or not m.year_inferred)
    return [f for f in found if f is not None]


# 2. windows ------------------------------------------------------------------------------


def _window_findings(program: Program, w: Window, announced_on: date | None) -> list[Finding]:
    out = []
    printed = _quotes(w.evidence)
    if w.opens and w.closes and _as_datetime(w.closes, True) < _as_datetime(w.opens):
        out.append(_finding("window_closes_before_opens",
                            f"{program.name}: 신청기간 {printed}의 마감({w.closes})이 시작"
                            f"({w.opens})보다 앞섭니다.", w.evidence))
    if announced_on and w.closes and _as_datetime(w.closes, True) < _as_datetime(announced_on):
        out.append(_finding("window_before_announcement",
                            f"{program.name}: 신청기간 {printed}이(가) 공고일({announced_on})보다 "
                            f"먼저 마감됩니다({w.closes}).",
                            w.evidence))
    return out


_NOT_APPLICATION = regex.compile(r"(?:연구|사업|협약|수행)\s*기간")


def _application_window(doc: Document, w: Window) -> bool:
    """A window read from a project or research period (`연구기간은 매년 1월 1일 시작`) is not
    an application window: nothing is wrong with its dates."""
    if not w.evidence:
        return True
    lo = doc.text.rfind("\n", 0, w.evidence[0].start) + 1
    before = doc.text[max(lo, w.evidence[0].start - 30) : w.evidence[0].start]
    return not _NOT_APPLICATION.search(before)


def check_windows(doc: Document, ann: Announcement) -> list[Finding]:
    return [f for p in ann.programs for w in p.windows if _application_window(doc, w)
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
            if any(s.pct not in taken and s.pct != 100 for s in funding_v.find_shares(line)):
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
                         f"{_label(program, track)}: 분담비율({printed})의 합이 최소 {lower:g}%로 "
                         f"총사업비를 넘습니다.", evidence)]
    complete = (len(shares) == len(funding) >= 2 and any(f.payer == "applicant" for f in funding)
                and all(f.share_bound in ("exact", None) for f in shares)
                and not _lines_hold_other_shares(doc, funding))
    total = sum(f.share_pct or 0 for f in shares)
    if complete and total < 99.5:
        return [_finding("shares_do_not_add_up",
                         f"{_label(program, track)}: 분담비율({printed})의 합이 {total:g}%로 "
                         f"100%가 아닙니다.", evidence)]
    return []


def _cap_findings(program: Program, track: Track, funding: list[Funding]) -> list[Finding]:
    both = [f for f in funding if f.cap_krw and f.share_pct and f.share_bound in ("exact", None)]
    if len(both) < 2:
        return []
    implied = [f.cap_krw / f.share_pct * 100 for f in both]  # type: ignore[operator]
    if max(implied) <= min(implied) * 1.01:
        return []
    parts = ", ".join(f"{_q(f.payer_label, 30)} {f.cap_krw:,}원 ÷ {f.share_pct:g}% → "
                      f"{i:,.0f}원" for f, i in zip(both, implied, strict=True))
    return [_finding("caps_disagree_with_shares",
                     f"{_label(program, track)}: 금액과 분담비율이 서로 다른 총사업비를 뜻합니다"
                     f"({parts}).", [e for f in both for e in f.evidence])]


def check_funding(doc: Document, ann: Announcement) -> list[Finding]:
    """Per track: shares that cannot add up to 100 %, caps and shares that disagree."""
    out: list[Finding] = []
    for p in ann.programs:
        for t in p.tracks:
            if any(_blank(doc, f) for f in t.funding):
                continue  # a form's blank figures
            for funding in _by_kind(t.funding):
                out += _share_findings(doc, p, t, funding)
            out += _cap_findings(p, t, t.funding)
    return out


def _by_kind(funding: list[Funding]) -> list[list[Funding]]:
    """Shares that differ by applicant kind (`중소기업 75% 이하`, `중견기업 70% 이하`) add up
    within one kind: the rows of each kind with the rows for every kind."""
    every = [f for f in funding if not f.applicant_kinds]
    kinds: dict[tuple[str, ...], list[Funding]] = {}
    for f in funding:
        if f.applicant_kinds:
            kinds.setdefault(tuple(f.applicant_kinds), []).append(f)
    return [every + rows for rows in kinds.values()] or [every]


# 3b. a funding table's own arithmetic: payer columns against the total column --------------

_TOTAL_HEADER = regex.compile(r"^(?:합\s*계|총\s*계|계|총\s*사업비|총\s*구축\s*비용|총\s*비용|총\s*액)"
                              r"(?![가-힣])")
_COLUMN_LETTER = regex.compile(r"[(（]\s*([A-Za-zⓐ-ⓩ])\s*(?:=\s*([A-Za-zⓐ-ⓩ+\s]+))?[)）]")
_BARE_NUMBER = regex.compile(r"^\s*[(（]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*[)）]?\s*$")
_ONE_SHARE = regex.compile(r"^\s*[(（]?\s*(\d{1,3}(?:\.\d+)?)\s*%\s*[)）]?\s*$")


def _column_roles(table: Table) -> tuple[int, dict[int, str], int] | None:
    """The header row, its payer columns (column → payer label), and the total column."""
    for r, row in enumerate(table.grid(3)):  # the first three rows, not a copy of all
        payers: dict[int, str] = {}
        total = None
        for c, cell in enumerate(row):
            label = compiled(r"\s+").sub(" ", cell.text).strip() if cell else ""
            if not label:
                continue
            if _TOTAL_HEADER.match(label):
                total = c if total is None else total
            elif funding_v.find_payer(label) and not funding_v.GENERIC_PAYER.match(label):
                payers[c] = label
        if total is not None and len({id(row[c]) for c in payers}) >= 2:  # row r of the grid
            return r, _parts_removed(payers), total
    return None


def _parts_removed(payers: dict[int, str]) -> dict[int, str]:
    """Drop payer columns another column sums (`정부지원사업비 (C=A+B)` holds A and B)."""
    parts: set[str] = set()
    for label in payers.values():
        for m in _COLUMN_LETTER.finditer(label):
            if m[2]:
                parts |= set(compiled(r"[A-Za-zⓐ-ⓩ]").findall(m[2]))
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
                    f"표의 분담비율 {' + '.join(_q(c.text, 12) for c in cells[:-1])}의 합 "
                    f"{sum(values[:-1]):g}%가 표에 적힌 합계 ‘{_q(cells[-1].text, 12)}’와 "
                    f"다릅니다.", _cell_ev(doc, cells)))
        elif all(a is not None for a in amounts) and len({a[1] for a in amounts if a}) == 1:
            values = [a[0] for a in amounts if a is not None]
            amount_rows.append((values[:-1], values[-1], cells))
            if not _close(sum(values[:-1]), values[-1]):
                out.append(_finding(
                    "caps_do_not_add_up",
                    f"표의 금액 {' + '.join(_q(c.text, 16) for c in cells[:-1])}의 합이 표에 "
                    f"적힌 합계 ‘{_q(cells[-1].text, 16)}’와 다릅니다.",
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
        f"표의 ‘{_q(cells[k].text, 16)}’은(는) 합계 ‘{_q(cells[-1].text, 16)}’의 "
        f"‘{_q(share_cells[k].text, 12)}’인 {total * pcts[k] / 100:g}와 다릅니다.",
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


_TASK_GROUP = regex.compile(r"과제|내역\s*사업")


def _article(doc: Document, e: Evidence) -> bool:
    """`제14조의2`: an article of a law, not 14조원."""
    return doc.text[max(0, e.start - 2) : e.start].strip().endswith("제")


def _part_of_sum(doc: Document, e: Evidence) -> bool:
    """`9개월+1년`: one term of a period printed as a sum."""
    return doc.text[e.end : e.end + 1] == "+" or doc.text[max(0, e.start - 1) : e.start] == "+"


def _track_facts(doc: Document, track: Track, where: str
                 ) -> Iterator[tuple[tuple[str, ...], Value]]:
    key, name = (norm_key(track.name), track.name) if track.name else ("", "")
    for f in track.funding:
        if f.cap_krw is not None:
            spans = [e for e in _spans_matching(f.evidence, find_amounts)
                     if not _article(doc, e)]
            yield (key, f"{_PAYER_KO[f.payer]} 지원한도"), (f.cap_krw, spans, where, name)
        if f.share_pct is not None:
            spans = _spans_matching(f.evidence, lambda q: "%" in q)
            yield (key, f"{_PAYER_KO[f.payer]} 분담비율"), ((f.share_pct, f.share_bound), spans,
                                                         where, name)
    if track.duration_months is not None:
        spans = [e for e in _spans_matching(track.evidence, funding_v.find_months)
                 if not _part_of_sum(doc, e)]
        if _TASK_GROUP.search(where):
            return  # `□ 지정공모과제(18개 과제)`: each group of tasks has its own period
        yield (key, "사업기간"), (track.duration_months, spans, where, name)


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
    return f"‘{_q(s.title, 30)}’"


_TRACK_VALUE = regex.compile(r"%|\d\s*(?:천|만|백만|억)?\s*원|(?<![\d.])\d{1,2}\s*(?:개월|년)(?!\s*\d)")


def _section_facts(doc: Document, s: Section, announced_on: date | None
                   ) -> Iterator[tuple[tuple[str, ...], Value]]:
    """The tracks one section states, read from that section alone (a section that prints
    no share, amount or period states none: it is not read)."""
    if not _TRACK_VALUE.search(doc.text, s.start, s.end):
        return
    for t in _section_tracks(doc, s, announced_on):
        yield from _track_facts(doc, t, _where(s))


def _section_tracks(doc: Document, s: Section, announced_on: date | None) -> list[Track]:
    """The tracks section `s` states, read from it alone; once per document and section (the
    programs of a master announcement share sections: 579 reads of 497 sections over the
    bench archive). The tracks are the reader's: read them, never change them."""
    return doc.memo(("validate.section_tracks", s.start, s.end, announced_on),
                    lambda: tracks_x.extract_tracks(Scope(doc=doc, start=s.start, end=s.end,
                                                          announced_on=announced_on)))


def _conflict_pairs(facts: Iterable[tuple[tuple[str, ...], Value]]
                    ) -> Iterator[tuple[tuple[str, ...], Value, Value]]:
    """(key, first statement, a later one giving another value), printed at other spans."""
    first: dict[tuple[str, ...], Value] = {}
    for key, (value, spans, where, name) in facts:
        if not spans:
            continue
        if key not in first:
            first[key] = (value, spans, where, name)
            continue
        value0, spans0, _, _ = first[key]
        if _differ(value0, value) and not {_key(e) for e in spans0} & {_key(e) for e in spans}:
            yield key, first[key], (value, spans, where, name)


def _conflicts(program: Program, facts: Iterable[tuple[tuple[str, ...], Value]]) -> list[Finding]:
    return [_finding("conflicting_values", _conflict_message(
        program, (b[3], key[1]), (a[1], a[2]), (b[1], b[2])), a[1] + b[1])
        for key, a, b in _conflict_pairs(facts)]


def _differ(a: object, b: object) -> bool:
    """Values differ; a window's (opens, closes) only where both print the date (a deadline
    restated alone, `공고마감일(’25.3.4) 기준`, agrees with the window that closes then)."""
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) == 2 \
            and not isinstance(a[1], str):
        return any(x is not None and y is not None and _day(x) != _day(y)
                   for x, y in zip(a, b, strict=True))
    return a != b


def _day(value: object) -> object:
    return value.date() if isinstance(value, datetime) else value


def _key(e: Evidence) -> tuple[int, int]:
    return e.start, e.end


def _conflict_message(program: Program, key: tuple[str, ...], a: tuple[list[Evidence], str],
                      b: tuple[list[Evidence], str]) -> str:
    name, fact = key
    if fact.startswith("window"):
        what = "신청기간" + (f" ‘{name}’" if name else "")
    else:
        what = (f"‘{name}’ 유형의 " if name else "") + fact
    return (f"{program.name}: {what}이(가) {a[1]}에는 {_quotes(a[0])}, {b[1]}에는 "
            f"{_quotes(b[0])}로 다르게 적혀 있습니다.")


def _program_conflicts(doc: Document, ann: Announcement
                       ) -> list[tuple[int, tuple[str, ...], Value, Value]]:
    """(program index, key, one statement, another) of every track term or window stated
    twice with different values; once per document (withholding and the check share it: both
    read the sections, not the spec's values)."""
    def compute() -> list[tuple[int, tuple[str, ...], Value, Value]]:
        out = []
        for i, p in enumerate(ann.programs):
            lo, hi = _program_span(doc, p)
            leaves = _leaf_sections(doc, lo, hi)
            facts = (f for s in leaves for f in _section_facts(doc, s, ann.announced_on))
            out += [(i, key, a, b) for key, a, b in _conflict_pairs(facts)]
            out += [(i, key, a, b) for key, a, b in _conflict_pairs(_window_facts(p.windows, leaves))]
        return out

    return doc.memo(("checks.conflicts", len(ann.programs)), compute)


WITHHELD_NOTE = " 어느 값이 맞는지 본문이 정하지 않아 두 값 모두 명세에 싣지 않았습니다."


def check_conflicting_values(doc: Document, ann: Announcement) -> list[Finding]:
    """Each headed section read on its own: the same track or window given different values
    (a track's term withheld from the spec for it says so: `withhold_conflicting_terms`)."""
    withheld = doc.memo("checks.withheld", set)
    out: list[Finding] = []
    for i, key, a, b in _program_conflicts(doc, ann):
        note = WITHHELD_NOTE if (i, key, _key_of(a), _key_of(b)) in withheld else ""
        out.append(_finding("conflicting_values", _conflict_message(
            ann.programs[i], (b[3], key[1]), (a[1], a[2]), (b[1], b[2])) + note, a[1] + b[1]))
    return out


# 4a'. abstention: a track's cap, share or period the text states twice, differently -------------

# the per-award term by its line: a basis (`과제당`, `기업당`, `1개사당`, `팀별`) or a label naming the
# support's limit (`지원한도`, `지원규모`)
PER_AWARD = regex.compile(r"""(?:과제|기업|개사|팀|기관|개소|건)\s*(?:당|별)(?![가-힣])
                              |지원\s*(?:한도|규모)""", regex.X)


def _key_of(v: Value) -> tuple[tuple[int, int], ...]:
    return tuple(_key(e) for e in v[1])


def _line_of(doc: Document, e: Evidence) -> str:
    lo = doc.text.rfind("\n", 0, e.start) + 1
    hi = doc.text.find("\n", e.end)
    return doc.text[lo : hi if hi >= 0 else len(doc.text)]


def _per_award(doc: Document, v: Value) -> bool:
    return any(PER_AWARD.search(_line_of(doc, e)) for e in v[1])


def _drop_field(fact: Funding | Track, field: str) -> None:
    """The value withheld, and the spans that stated only it."""
    setattr(fact, field, None)
    if field == "share_pct":
        fact.share_bound = None  # type: ignore[union-attr]
    kept = []
    for e in fact.evidence:
        if field in e.supports:
            rest = [x for x in e.supports if x != field and x != "share_bound"]
            if not rest:
                continue
            e = e.model_copy(update={"supports": rest})
        kept.append(e)
    fact.evidence = kept


def _set_field(fact: Funding | Track, field: str, value: object, spans: list[Evidence]) -> None:
    """The per-award reading in place of the other: its value, stated by its own spans."""
    _drop_field(fact, field)
    if field == "share_pct":
        fact.share_pct, fact.share_bound = value  # type: ignore[union-attr, misc]
        supports = ["share_pct", "share_bound"]
    else:
        setattr(fact, field, value)
        supports = [field]
    fact.evidence += [e.model_copy(update={"supports": supports}) for e in spans]


def _rows_of_both(track: Track, fact: str, values: set[object]) -> bool:
    held = {f.cap_krw if fact.endswith("지원한도") else (f.share_pct, f.share_bound)
            for f in track.funding if fact.startswith(_PAYER_KO[f.payer] + " ")}
    return values <= held


def _deep_copy(ann: Announcement) -> Announcement:
    """`ann.model_copy(deep=True)` through pickle: the same copy (pydantic pickles a model's
    fields, fields set and private attributes; shared objects stay shared) at a quarter of
    the CPU of `copy.deepcopy`'s Python walk (0.16 -> 0.04 s over the master announcements
    of the bench archive)."""
    copied: Announcement = pickle.loads(pickle.dumps(ann, protocol=pickle.HIGHEST_PROTOCOL))
    return copied


def withhold_conflicting_terms(doc: Document, ann: Announcement) -> Announcement:
    """A track's cap, share or period that two sections state differently is carried by the
    spec only when one of the two is clearly the per-award term (PER_AWARD on its line, the
    other not); otherwise neither (a wrong cap costs money: missing is better than wrong), and
    `check_conflicting_values` says so."""
    conflicts = [c for c in _program_conflicts(doc, ann) if not c[1][1].startswith("window")]
    if not conflicts and len(ann.programs) < 2:
        return ann
    ann = _deep_copy(ann)
    withheld = doc.memo("checks.withheld", set)
    for i, key, a, b in conflicts:
        per_award = [v for v in (a, b) if _per_award(doc, v)]
        keep = per_award[0] if len(per_award) == 1 else None
        values = {a[0], b[0]} - ({keep[0]} if keep else set())

        def settle(fact: Funding | Track, field: str, keep: Value | None = keep) -> None:
            if keep is None:
                _drop_field(fact, field)
            else:
                _set_field(fact, field, keep[0], keep[1])

        hit = False
        for t in ann.programs[i].tracks:
            if (norm_key(t.name) if t.name else "") != key[0]:
                continue
            if key[1] == "사업기간":
                if t.duration_months in values:
                    settle(t, "duration_months")
                    hit = True
                continue
            if _rows_of_both(t, key[1], {a[0], b[0]}):
                continue  # the track already carries both as rows of their own (kinds, stages)
            for f in list(t.funding):
                if key[1] == f"{_PAYER_KO[f.payer]} 지원한도" and f.cap_krw in values:
                    settle(f, "cap_krw")
                elif key[1] == f"{_PAYER_KO[f.payer]} 분담비율" and (f.share_pct, f.share_bound) in values:
                    settle(f, "share_pct")
                else:
                    continue
                hit = True
                if f.cap_krw is None and f.share_pct is None:
                    t.funding.remove(f)
        if hit and keep is None:
            withheld.add((i, key, _key_of(a), _key_of(b)))
    _withhold_overview_caps(doc, ann)
    return ann


def _withhold_overview_caps(doc: Document, ann: Announcement) -> None:
    """A master announcement's overview table giving a program's track another state cap than
    the program's own section: the section's cap is kept only when its line prints the
    per-award basis (PER_AWARD); `check_overview_table` names both."""
    if len(ann.programs) < 2:
        return
    for p in ann.programs:
        lo, hi = _program_span(doc, p)
        for kind, key, value, span in _overview_facts(doc, p, lo, hi, ann.announced_on):
            if kind != "cap":
                continue
            for t in p.tracks:
                if not ((norm_key(t.name) if t.name else "") == key or (not key and len(p.tracks) == 1)):
                    continue
                for f in list(t.funding):
                    if (f.payer == "government" and f.cap_krw and f.cap_krw != value
                            and _inside(f.evidence, lo, hi)
                            and not any(PER_AWARD.search(_line_of(doc, e)) for e in f.evidence
                                        if "cap_krw" in e.supports)):
                        doc.memo("checks.overview_withheld", list).append(_overview_finding(
                            p, f"‘{t.name}’ 유형의 정부 지원한도" if t.name else "정부 지원한도", span,
                            [e for e in f.evidence if "cap_krw" in e.supports] or f.evidence,
                            WITHHELD_NOTE))
                        _drop_field(f, "cap_krw")
                        if f.share_pct is None:
                            t.funding.remove(f)


# 4b. a master announcement's overview table against the program's own section ----------------

_CAP_HEADER = regex.compile(r"지원\s*금|지원\s*한도|지원\s*금액|정부\s*지원|국비")
_TRACK_HEADER = regex.compile(r"^(?:지원\s*)?(?:유\s*형|구\s*분|트\s*랙)")


def _overview_rows(doc: Document, program: Program, lo: int, hi: int
                   ) -> Iterator[tuple[list[Cell | None], list[Cell | None]]]:
    """(header row, row) of tables outside the program's section whose first cell names it."""
    name = norm_key(compiled(r"\s*[(（][^)）]*[)）]\s*$").sub("", program.name))
    for start, grid, keys in doc.memo("checks.table_grids", lambda: _table_grids(doc)):
        if lo <= start < hi:
            continue
        current = None
        for row, key in zip(grid[1:], keys):
            first = row[0]
            if len(key) >= 4 and (key in name or name in key):
                current = first
            if current is not None and first is current:
                yield grid[0], row


def _table_grids(doc: Document) -> list[tuple[int, list[list[Cell | None]], list[str]]]:
    """(start, grid, first-cell key per body row) of every table of two rows or more; once per
    document, not once per program."""
    out = []
    for b in doc.blocks:
        if b.table is None:
            continue
        grid = b.table.grid()
        if len(grid) >= 2:
            out.append((b.start, grid, [norm_key(r[0].text) if r[0] is not None else ""
                                        for r in grid[1:]]))
    return out


def _overview_facts(doc: Document, program: Program, lo: int, hi: int,
                    announced_on: date | None) -> Iterator[tuple[str, str, object, Evidence]]:
    """(kind, track key, value, printed span) read from the overview rows."""
    for header, row in _overview_rows(doc, program, lo, hi):
        labels = [compiled(r"\s+").sub("", c.text) if c else "" for c in header]
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
            out += [_overview_finding(p, "신청일자", span, w.evidence)
                    for w in _windows_disagreeing(windows, value)]
        elif kind == "cap":
            out += [_overview_finding(p, f"‘{t.name}’ 유형의 정부 지원한도" if t.name
                                      else "정부 지원한도", span, f.evidence)
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


def _overview_finding(p: Program, what: str, overview: Evidence, section: list[Evidence],
                      note: str = "") -> Finding:
    return _finding("conflicting_values",
                    f"{p.name}: {what}이(가) 개요 표에는 ‘{_q(overview.quote, 40)}’, 사업 본문에는 "
                    f"{_quotes(section)}로 다르게 적혀 있습니다.{note}",
                    [overview, *section])


def check_overview_table(doc: Document, ann: Announcement) -> list[Finding]:
    if len(ann.programs) < 2:
        return []
    withheld = doc.memo("checks.overview_withheld", list)  # caps withheld before the checks ran
    return withheld + [f for p in ann.programs for f in _overview_findings(doc, ann, p)]


# 5. completeness -------------------------------------------------------------------------

_UNPLACED_FACETS = ("exclusions", "eligibility", "documents")
_ANY_FACET = regex.compile("|".join(f"(?x:{f.pattern.pattern})" for f in FACETS))
_NOTE = regex.compile(r"^(?:\*|※|☞|★|주\s*\)|[(（]\s*(?:참고|예시|주)\s*[)）]|<|〈)")
_NOTE_MARKERS = ("※", "*", "**", "***", "☞", "★")
# an item that points elsewhere or says how, not who may apply or what to submit
_GUIDANCE = regex.compile(r"(?:참조|참고|방법|안내|문의|예정)\s*[.)）]*\s*$")
_GROUP_HEADING = regex.compile(r"^\S{0,16}과제\s*[(（][^)）\n]{1,12}[)）]\s*$")
_LEAD_LABEL = regex.compile(r"^[(（\[]\s*([^()（）\[\]]{1,20}?)\s*[)）\]]")
_TOPIC_WORD = regex.compile(r"(?:요건|사항|기준|방법|기간|절차|일정|조건|우대|가점)$")
_DOCUMENT_NOUN = regex.compile(
    r"서류|증명|등본|초본|사본|원본|증빙|명세|재무제표|자격증|등록증|인증서|확인증|양식|파일|"
    r"[가-힣](?<!에|해|여|아|어|면|로|부)서(?![가-힣])"
)


def _fact_spans(ann: Announcement) -> list[Evidence]:
    """The evidence of every fact, read for its offsets only (coverage): rebuilt from the dump
    without validating it again (validating was 12,528 spans, ~1 s of the 34 s of a profile
    of extract + validate over the bench archive)."""
    return [Evidence.model_construct(**e) for _, node in _facts(ann.model_dump())
            for e in node.get("evidence") or []]


def _covered(spans: Iterable[Evidence], start: int, end: int) -> bool:
    return any(e.start < end and start < e.end for e in spans)


class _SpanIndex:
    """`_covered` in log time for many questions to one list of spans: the spans sorted by
    start with the running maximum of their ends."""

    def __init__(self, spans: Iterable[Evidence]) -> None:
        ordered = sorted((e.start, e.end) for e in spans)
        self.starts = [s for s, _ in ordered]
        self.max_end = list(accumulate((e for _, e in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the spans starting before `end`
        return k > 0 and self.max_end[k - 1] > start


def _is_item(doc: Document, c: Section, field: str, pattern: regex.Pattern[str]) -> bool:
    """Whether a child of a facet heading is one of its items (not a sub-heading, a note, a
    pointer elsewhere, or a line on another topic)."""
    block = doc.blocks[c.block]
    if block.kind == "heading" and (c.children or _ANY_FACET.search(strip_marker(c.title)[:30])):
        return False  # a sub-section: read on its own when it is a facet heading
    body = strip_marker(doc.text[block.start : block.end])
    if not compiled(r"[\p{Hangul}A-Za-z]").search(body):
        return False  # a rule line, a stray number
    if c.marker in _NOTE_MARKERS or _NOTE.match(body) or _GUIDANCE.search(body.split("\n")[0]):
        return False
    if _GROUP_HEADING.match(body.split("\n")[0]):
        return False  # `□ 자유응모과제(분야지정)`: a group of tasks with its own table
    label = _LEAD_LABEL.match(body)
    if label and _TOPIC_WORD.search(label[1]) and not pattern.search(label[1]):
        return False  # `(우대요건) …` under `신청자격 및 우대요건`
    return field != "documents" or bool(_DOCUMENT_NOUN.search(body))


def _facet_headings(doc: Document, lo: int, hi: int) -> Iterator[tuple[Section, str]]:
    forms = _forms_start(doc)
    for s in _sections_from(doc, lo, hi):
        if not (lo <= s.start < hi) or s.start >= forms or doc.blocks[s.block].kind != "heading":
            continue
        title = strip_marker(s.title)[:30]
        for field in _UNPLACED_FACETS:
            if BY_NAME[field].pattern.search(title) and not _in_appendix(doc, s):
                yield s, field


def _sections_from(doc: Document, lo: int, hi: int) -> list[Section]:
    """The sections that may start in `[lo, hi)` (all of them when out of order)."""
    starts, ordered = doc.memo("validate.section_starts", lambda: _starts(doc.sections))
    if not ordered:
        return doc.sections
    return doc.sections[bisect_left(starts, lo) : bisect_right(starts, hi)]


def _starts(sections: list[Section]) -> tuple[list[int], bool]:
    starts = [s.start for s in sections]
    return starts, all(a <= b for a, b in pairwise(starts))


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
    return not compiled(r"[\p{Hangul}A-Za-z0-9]").search(rest)


def _captured(doc: Document, spans: _SpanIndex, texts: list[str], c: Section) -> bool:
    """An item is captured when a fact quotes it or the lines and tables under it, or when it
    (or what is under it) restates captured facts."""
    block = doc.blocks[c.block]
    return (spans.covers(c.start, c.end) or _restated(doc, texts, block.start, block.end)
            or _restated(doc, texts, block.end, c.end))


def check_unplaced_items(doc: Document, ann: Announcement) -> list[Finding]:
    """Items under an exclusion / eligibility / document heading that no fact captured."""
    spans = _SpanIndex(_fact_spans(ann))
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
                    f"{p.name}: ‘{_q(s.title, 40)}’ 아래의 ‘{_q(doc.text[block.start:block.end])}’"
                    f"{'(및 그 아래 줄)' if under.quote else ''}이(가) {_FACET_KO[field]} 항목으로도, "
                    f"다른 사실로도 읽히지 않았습니다.",
                    [_ev(doc, block.start, block.end)] + ([under] if under.quote else [])))
    return out


def _has_values(doc: Document, s: Section, announced_on: date | None) -> bool:
    text = doc.text[s.start : s.end]
    return bool(find_amounts(text) or find_dates(text, announced_on)
                or funding_v.find_shares(text))


def _outside_programs(doc: Document, ann: Announcement) -> list[Finding]:
    """A master announcement's top-level sections that hold no program and gave no fact."""
    spans = _fact_spans(ann) + [e for v in ann.evidence_of.values() for e in v]
    programs = [_program_span(doc, p) for p in ann.programs]
    spans += [_ev(doc, c.start, c.end) for p, (lo, hi) in zip(ann.programs, programs, strict=True)
              for _, row in _overview_rows(doc, p, lo, hi) for c in row[:1] if c is not None]
    forms = _forms_start(doc)
    covered = _SpanIndex(spans)
    out = []
    for s in doc.sections:
        if s.parent is not None or s.start >= forms or _in_appendix(doc, s):
            continue
        if any(s.start <= lo < s.end or lo <= s.start < hi for lo, hi in programs):
            continue
        if covered.covers(s.start, s.end) or not _has_values(doc, s, ann.announced_on):
            continue
        out.append(_finding(
            "unplaced_text",
            f"‘{_q(s.title, 40)}’은(는) 어느 사업 구간에도 속하지 않고 날짜나 금액이 있는데 "
            f"읽힌 사실이 없습니다.", [_ev(doc, s.start, _line_end(doc, s))]))
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
        for s in _sections_from(doc, lo, hi):
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
                    f"{p.name}: ‘{_q(s.title, 40)}’에 "
                    f"‘{_q(doc.text[s.start + m.start : s.start + m.end], 30)}’이(가) 있지만 "
                    f"신청기간으로 읽히지 않았습니다.",
                    [_ev(doc, s.start + m.start, s.start + m.end)]))
    return out


def check_unplaced_text(doc: Document, ann: Announcement) -> list[Finding]:
    return (_outside_programs(doc, ann) if len(ann.programs) > 1 else []) \
        + _unread_periods(doc, ann)


# 5b. what the reader could not read ---------------------------------------------------------

_EXCERPT = regex.compile(r"(?:reads|쪽)\s+[\"“'](?P<text>[^\"”']{4,})[\"”']")  # PDF: `예: 1쪽 "…"`


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
    chars = [chr(int(h, 16)) for h in compiled(r"U\+([0-9A-Fa-f]{4,6})").findall(message)]
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
                    message=_sentence(f"원문을 읽는 중 확인이 필요한 부분이 있습니다"
                                      f"{_pages_ko(f.pages)}: {f.message}"),
                    evidence=_reader_evidence(doc, f.message, f.pages))
            for f in doc.findings]


def _pages_ko(pages: list[int]) -> str:
    return f"({', '.join(map(str, pages))}쪽)" if pages else ""


# 6. schema and evidence ------------------------------------------------------------------

_FACT_LISTS = ("tracks", "funding", "windows", "eligibility", "exclusions", "documents",
               "evaluation", "bonus_points", "obligations", "costs", "contacts",
               "declared_changes")
_NAMES = ("name", "text", "item", "topic", "payer_label", "label", "org")


def _stated(key: str, item: dict) -> bool:
    if key == "tracks":
        # the one unnamed track of a program without tiers states nothing of its own; its
        # funding rows (the program-wide shares table of an R&D call) are facts each checked
        return bool(item.get("name") or item.get("duration_months") or item.get("extension_months")
                    or item.get("target_level") or item.get("awards"))
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
                    f"{path}{_what(node)}: 근거 구간이 없는 사실입니다.")
           for path, node in _facts(data) if not node.get("evidence")]
    seen: set[tuple[int, int, str]] = set()
    for where, e in _all_spans(data):
        printed = doc.text[e["start"] : e["end"]]
        if printed == e["quote"] or (e["start"], e["end"], e["quote"]) in seen:
            continue
        seen.add((e["start"], e["end"], e["quote"]))
        out.append(_finding(
            "ungrounded_evidence",
            f"{where or 'announcement'}: 근거 인용 ‘{_q(e['quote'], 40)}’이(가) 본문 "
            f"{e['start']}–{e['end']} 위치의 ‘{_q(printed, 40)}’와 다릅니다.",
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
            printed = f" (원문 {_quotes(spans)})" if spans else ""
            out.append(_finding("schema_error",
                                f"{'.'.join(map(str, e['loc']))} = {e.get('input')!r}: 계약 "
                                f"스키마에 맞지 않는 값입니다({e['msg']}){printed}.", spans))
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
    # issue 15: what a careful reader raises across the whole document
    crosscheck.check_summary,
    crosscheck.check_year_ranges,
    points.check_points,
    arithmetic.check_examples,
    arithmetic.check_share_bases,
    years.check_title_year,
    years.check_stale_periods,
    calendar.check_schedule,
    placeholders.check_placeholders,
    calendar.check_deadline_on_holiday,
]


def _run(check: Check, doc: Document, ann: Announcement) -> list[Finding]:
    try:
        return check(doc, ann)
    except Exception as err:  # noqa: BLE001 - a check's bug must not stop extraction
        return [_finding("check_failed", f"검사 {check.__name__}이(가) 실패하여"
                                         f"({type(err).__name__}: {_q(str(err), 80)}) 그 결과가 "
                                         f"빠졌습니다.")]


def validate(doc: Document, ann: Announcement, checks: list[Check] | None = None) -> Announcement:
    """Run every check; the announcement comes back with its findings appended."""
    findings = list(ann.findings)
    if ann.kind != "support_call":  # not_an_announcement: only what the reader could not read
        checks = [check_reader_findings]
    elif checks is None:  # a cap, share or period stated twice, differently: neither kept
        try:
            ann = withhold_conflicting_terms(doc, ann)
        except Exception as err:  # noqa: BLE001 - like a check, it must not stop extraction
            findings.append(_finding("check_failed", f"검사 withhold_conflicting_terms이(가) 실패하여"
                                     f"({type(err).__name__}: {_q(str(err), 80)}) 그 결과가 빠졌습니다."))
    for check in checks or CHECKS:
        findings.extend(_run(check, doc, ann))
    return ann.model_copy(update={"findings": findings})
