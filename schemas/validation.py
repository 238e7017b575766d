"""Checks over an extracted announcement: findings a staff member can act on.

Each check is a small function `(doc, announcement) -> list[Finding]` with a stable `code`.
Findings never stop extraction: `validate` returns the announcement with its findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone

import regex
from pydantic import ValidationError

from schemas.announcement import Announcement, Evidence, Finding, Program, Track, Window
from schemas.document import Document

KST = timezone(timedelta(hours=9))
Check = Callable[[Document, Announcement], list[Finding]]


def _ev(doc: Document, start: int, end: int) -> Evidence:
    return Evidence(start=start, end=end, quote=doc.text[start:end], page=doc.page_at(start))


def _as_datetime(value: date | datetime, end_of_day: bool = False) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=KST)
    t = datetime.max.time() if end_of_day else datetime.min.time()
    return datetime.combine(value, t, tzinfo=KST)


def _label(program: Program, track: Track | None = None) -> str:
    return program.name + (f" / {track.name}" if track and track.name else "")


# 1. dates as printed -------------------------------------------------------------------

_WEEKDAYS = "월화수목금토일"
_PRINTED_DATE = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[년.．]\s*(?P<m>\d{1,2})\s*[월.．]\s*(?P<d>\d{1,2})\s*일?\.?"
    r"\s*(?:\(\s*(?P<w>[월화수목금토일])\s*\))?"
)


def check_printed_dates(doc: Document, _: Announcement) -> list[Finding]:
    """Full dates that do not exist, and weekdays in parentheses that disagree with them."""
    findings = []
    for m in _PRINTED_DATE.finditer(doc.text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not 1 <= mo <= 12:
            continue  # not a date (e.g. a version or an amount)
        try:
            value = date(y, mo, d)
        except ValueError:
            findings.append(Finding(code="impossible_date", severity="error",
                                    message=f"'{m.group(0).strip()}' is not a calendar date.",
                                    evidence=[_ev(doc, m.start(), m.end())]))
            continue
        if m["w"] and _WEEKDAYS[value.weekday()] != m["w"]:
            findings.append(Finding(
                code="weekday_mismatch", severity="warning",
                message=f"'{m.group(0).strip()}': {value.isoformat()} is a "
                        f"{_WEEKDAYS[value.weekday()]}요일, not {m['w']}요일.",
                evidence=[_ev(doc, m.start(), m.end())]))
    return findings


# 2. windows ------------------------------------------------------------------------------

def _window_findings(program: Program, w: Window, announced_on: date | None) -> list[Finding]:
    out = []
    if w.opens and w.closes and _as_datetime(w.closes, True) < _as_datetime(w.opens):
        out.append(Finding(code="window_closes_before_opens", severity="error",
                           message=f"{program.name}: application window closes ({w.closes}) "
                                   f"before it opens ({w.opens}).", evidence=w.evidence))
    if announced_on and w.closes and _as_datetime(w.closes, True) < _as_datetime(announced_on):
        out.append(Finding(code="window_before_announcement", severity="error",
                           message=f"{program.name}: application window closes ({w.closes}) "
                                   f"before the announcement date ({announced_on}).",
                           evidence=w.evidence))
    return out


def check_windows(_: Document, ann: Announcement) -> list[Finding]:
    return [f for p in ann.programs for w in p.windows
            for f in _window_findings(p, w, ann.announced_on)]


# 3. funding ------------------------------------------------------------------------------

def _funding_findings(program: Program, track: Track) -> list[Finding]:
    out = []
    shares = [f for f in track.funding if f.share_pct is not None]
    evidence = [e for f in track.funding for e in f.evidence]
    exact = [f for f in shares if f.share_bound in ("exact", None)]
    total = sum(f.share_pct or 0 for f in shares)
    minimums = sum(f.share_pct or 0 for f in shares if f.share_bound == "min")
    if minimums > 100 + 1e-6 or (exact and len(exact) == len(shares) and len(exact) > 1
                                  and abs(total - 100) > 0.5):
        out.append(Finding(code="shares_do_not_add_up", severity="error",
                           message=f"{_label(program, track)}: payer shares add up to "
                                   f"{total:g}%, not 100%.", evidence=evidence))
    both = [f for f in track.funding if f.cap_krw and f.share_pct and
            f.share_bound in ("exact", None)]
    if len(both) >= 2:
        implied = [f.cap_krw / f.share_pct * 100 for f in both]  # type: ignore[operator]
        if max(implied) > min(implied) * 1.01:
            parts = ", ".join(f"{f.payer_label} {f.cap_krw:,}원 = {f.share_pct:g}%" for f in both)
            out.append(Finding(code="caps_disagree_with_shares", severity="error",
                               message=f"{_label(program, track)}: caps and shares imply "
                                       f"different total costs ({parts}).", evidence=evidence))
    return out


def check_funding(_: Document, ann: Announcement) -> list[Finding]:
    return [f for p in ann.programs for t in p.tracks for f in _funding_findings(p, t)]


# 4. one fact stated twice with different values ------------------------------------------

def check_conflicting_tracks(_: Document, ann: Announcement) -> list[Finding]:
    """The same track of a program given two different durations or government caps."""
    out = []
    for p in ann.programs:
        seen: dict[tuple[str, str], tuple[object, list[Evidence]]] = {}
        for t in p.tracks:
            facts = [("duration_months", t.duration_months, t.evidence)]
            facts += [(f"cap:{f.payer}", f.cap_krw, f.evidence) for f in t.funding]
            for name, value, ev in facts:
                if value is None:
                    continue
                key = (t.name or "", name)
                if key in seen and seen[key][0] != value:
                    out.append(Finding(
                        code="conflicting_values", severity="warning",
                        message=f"{_label(p, t)}: {name} is stated as {seen[key][0]} and as "
                                f"{value}.", evidence=seen[key][1] + ev))
                seen.setdefault(key, (value, ev))
    return out


# 5. completeness -------------------------------------------------------------------------

_FACET_HEADINGS: dict[str, str] = {
    "exclusions": r"지원\s*제외|참여\s*제한|부적격|신청\s*제외|제외\s*대상",
    "eligibility": r"신청\s*자격|지원\s*자격|참여\s*자격|자격\s*요건|신청\s*대상",
    "documents": r"제출\s*서류|구비\s*서류|신청\s*서류",
}


def _covered(spans: Iterable[Evidence], start: int, end: int) -> bool:
    return any(e.start < end and start < e.end for e in spans)


def check_unplaced_items(doc: Document, ann: Announcement) -> list[Finding]:
    """Items under an exclusion / eligibility / document heading that no fact captured."""
    out = []
    for p in ann.programs:
        section_span = _program_span(doc, p)
        for field, pattern in _FACET_HEADINGS.items():
            spans = [e for fact in getattr(p, field) for e in fact.evidence]
            rx = regex.compile(pattern)
            for s in doc.sections:
                if not (section_span[0] <= s.start < section_span[1]):
                    continue
                if doc.blocks[s.block].kind != "heading" or not rx.search(s.title[:30]):
                    continue
                for child in s.children:
                    c = doc.sections[child]
                    if c.marker in ("※", "*", "**", "☞"):
                        continue
                    block = doc.blocks[c.block]
                    if not _covered(spans, block.start, block.end):
                        out.append(Finding(
                            code="unplaced_item", severity="warning",
                            message=f"{p.name}: an item under '{s.title[:40]}' was not captured "
                                    f"as {field}.", evidence=[_ev(doc, block.start, block.end)]))
    return out


def _program_span(doc: Document, program: Program) -> tuple[int, int]:
    if program.section:
        for s in doc.sections:
            if s.title == program.section:
                return s.start, s.end
    return 0, len(doc.text)


def check_reader_findings(doc: Document, _: Announcement) -> list[Finding]:
    """What the reader could not read (unmapped glyphs, unreadable objects) is a finding too."""
    return [Finding(code=f.code, severity=f.severity,
                    message=f.message + (f" (pages {', '.join(map(str, f.pages))})"
                                         if f.pages and "page" not in f.message else ""))
            for f in doc.findings]


# 6. schema and evidence ------------------------------------------------------------------

def check_evidence(doc: Document, ann: Announcement) -> list[Finding]:
    """Every evidence span must quote the text exactly; every fact must have one."""
    out = []
    for path, node in _facts(ann.model_dump()):
        spans = node.get("evidence") or []
        if not spans:
            out.append(Finding(code="fact_without_evidence", severity="error",
                               message=f"{path} states a fact with no evidence span."))
        for e in spans:
            if doc.text[e["start"] : e["end"]] != e["quote"]:
                out.append(Finding(code="ungrounded_evidence", severity="error",
                                   message=f"{path}: evidence quote is not the text at "
                                           f"{e['start']}–{e['end']}."))
    return out


_FACT_LISTS = ("tracks", "funding", "windows", "eligibility", "exclusions", "documents",
               "evaluation", "bonus_points", "obligations", "costs", "contacts",
               "declared_changes")


def _facts(node: object, path: str = "") -> Iterable[tuple[str, dict]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _FACT_LISTS and isinstance(value, list):
                for i, item in enumerate(value):
                    if not isinstance(item, dict):
                        continue  # e.g. a window's list of track names
                    here = f"{path}.{key}[{i}]".lstrip(".")
                    if key != "tracks" or item.get("funding") or item.get("duration_months") \
                            or item.get("name"):
                        yield here, item
                    yield from _facts(item, here)
            elif key == "programs" and isinstance(value, list):
                for i, item in enumerate(value):
                    yield from _facts(item, f"{path}.programs[{i}]".lstrip("."))


def check_schema(_: Document, ann: Announcement) -> list[Finding]:
    try:
        Announcement.model_validate(ann.model_dump())
    except ValidationError as err:
        return [Finding(code="schema_error", severity="error",
                        message=f"{'.'.join(map(str, e['loc']))}: {e['msg']}")
                for e in err.errors()]
    return []


CHECKS: list[Check] = [
    check_printed_dates,
    check_windows,
    check_funding,
    check_conflicting_tracks,
    check_unplaced_items,
    check_reader_findings,
    check_evidence,
    check_schema,
]


def validate(doc: Document, ann: Announcement, checks: list[Check] | None = None) -> Announcement:
    """Run every check; the announcement comes back with its findings appended."""
    findings = list(ann.findings)
    for check in checks or CHECKS:
        findings.extend(check(doc, ann))
    return ann.model_copy(update={"findings": findings})
