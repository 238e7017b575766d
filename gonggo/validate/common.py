"""What every check shares: the codes and their fixed severities, findings, evidence spans,
printed quotes, and where the terms of an announcement end (appendices and forms follow)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone

from gonggo.reading.appendix import forms_start, section_in_appendix
from gonggo.schemas.announcement import Announcement, Evidence, Finding, Severity
from gonggo.schemas.document import Document, Section
from gonggo.vocab.dates import DateMention, find_dates
from gonggo.vocab.text import compiled

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
    # issue 15: what a careful reader raises across the whole document
    "summary_disagrees_with_body": "warning",
    "points_do_not_add_up": "error",
    "bonus_cap_inconsistent": "warning",
    "example_arithmetic_wrong": "error",
    "share_base_differs": "warning",
    "year_mismatch": "warning",
    "stale_period": "info",
    "schedule_out_of_order": "warning",
    "placeholder_left": "warning",
    "deadline_on_holiday": "warning",
}


def finding(code: str, message: str, evidence: Iterable[Evidence] = ()) -> Finding:
    return Finding(code=code, severity=CODES[code], message=message, evidence=unique(evidence))


def unique(evidence: Iterable[Evidence]) -> list[Evidence]:
    out: list[Evidence] = []
    for e in evidence:
        if e not in out:
            out.append(e)
    return out


def ev(doc: Document, start: int, end: int) -> Evidence:
    """A span of the document text, trimmed of surrounding white space."""
    start, end = max(0, min(start, len(doc.text))), max(0, min(end, len(doc.text)))
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, quote=doc.text[start:end], page=doc.page_at(start))


def q(text: str, limit: int = 60) -> str:
    """Printed text for a message: one line, at most `limit` characters."""
    line = compiled(r"\s+").sub(" ", text).strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


def quotes(evidence: Iterable[Evidence]) -> str:
    return " … ".join(f"‘{q(e.quote, 50)}’" for e in list(evidence)[:2]) or "(인용 없음)"


def as_datetime(value: date | datetime, end_of_day: bool = False) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=KST)
    t = datetime.max.time() if end_of_day else datetime.min.time()
    return datetime.combine(value, t, tzinfo=KST)


def day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def in_appendix(doc: Document, section: Section) -> bool:
    """Appendices (`붙임 1`, `[별첨]`) hold forms and reference material, not the terms."""
    return section_in_appendix(doc, section.index)


def section_at(doc: Document, offset: int) -> Section | None:
    """The innermost section whose block holds `offset` (the section of the block)."""
    starts = doc.memo(("validate.block_starts",), lambda: [b.start for b in doc.blocks])
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return None
    block = doc.blocks[i]
    return doc.sections[block.section] if block.section is not None else None


def in_terms(doc: Document, offset: int) -> bool:
    """Whether `offset` lies in the terms: before the forms, outside every appendix."""
    if offset >= forms_start(doc):
        return False
    s = section_at(doc, offset)
    return s is None or not doc.memo(("validate.appendix", s.index),
                                     lambda: in_appendix(doc, s))


def line_at(doc: Document, offset: int) -> tuple[int, int]:
    lo = doc.text.rfind("\n", 0, offset) + 1
    hi = doc.text.find("\n", offset)
    return lo, hi if hi >= 0 else len(doc.text)


def printed_dates(doc: Document, ann: Announcement) -> list[DateMention]:
    """Every date and time the whole text prints (`find_dates` against the announcement's
    date), read once per document for every check that asks (a reader must not change it)."""
    return doc.memo(("validate.dates", ann.announced_on),
                    lambda: find_dates(doc.text, ann.announced_on))
