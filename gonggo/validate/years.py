"""Years: a title year the body's 사업명 contradicts, and evidence periods far older than
the call (재무제표 or 매출 `2021년 기준` in a 2026 call)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from gonggo.schemas.announcement import Announcement, Finding
from gonggo.schemas.document import Document
from gonggo.validate.common import ev, finding, in_terms, line_at, q
from gonggo.vocab.text import char_bigrams, dice, norm_key

# `2026년도`, `’26년`, `2026년` (a bare `2025` is a name, e.g. `2025 축산현안대응 …`)
_YEAR = r"(?:(?P<y>(?:19|20)\d{2})|[‘’'`](?P<yy>\d{2}))\s*년\s*도?"
_TITLE_YEAR = regex.compile(_YEAR)
_NAMED = regex.compile(
    r"(?:[「『｢]\s*" + _YEAR + r"\s*(?P<name>[^」』｣\n]{4,60})[」』｣])"
    r"|(?:사\s*업\s*명\s*[:：)）]?\s*" + _YEAR + r"\s*(?P<name>[^\n\t(]{4,60}))")
_NAME_TAIL = regex.compile(r"(?:시행\s*계획|추진\s*계획|신규\s*지원.*|모집\s*공고|공고.*|안내.*)$")


def _year(m: regex.Match[str]) -> int:
    return int(m["y"]) if m["y"] else 2000 + int(m["yy"])


def _name_key(text: str) -> str:
    return norm_key(_NAME_TAIL.sub("", text.strip()))


def _title(doc: Document, ann: Announcement) -> tuple[int, int] | None:
    spans = ann.evidence_of.get("title") or []
    if spans:
        return spans[0].start, spans[0].end
    i = doc.text.find(ann.title) if ann.title else -1
    return (i, i + len(ann.title)) if i >= 0 else None


def check_title_year(doc: Document, ann: Announcement) -> list[Finding]:
    """The title's year against the year of the same program named in the body."""
    span = _title(doc, ann)
    if span is None:
        return []
    title = doc.text[span[0] : span[1]]
    ty = _TITLE_YEAR.search(title)
    if ty is None:
        return []
    rest = _name_key(title[ty.end() :])
    out: list[Finding] = []
    for m in _NAMED.finditer(doc.text):
        if span[0] <= m.start() < span[1] or not in_terms(doc, m.start()) or _year(m) == _year(ty):
            continue
        key = _name_key(m["name"])
        if len(key) < 4 or not (key in rest or rest in key
                                or dice(char_bigrams(key), char_bigrams(rest)) >= 0.7):
            continue
        out.append(finding(
            "year_mismatch",
            f"제목의 연도 ‘{q(ty[0], 12)}’와 본문 사업명 ‘{q(m[0], 50)}’의 연도가 다릅니다.",
            [ev(doc, span[0] + ty.start(), span[0] + ty.end()), ev(doc, m.start(), m.end())]))
    return out


# evidence periods ------------------------------------------------------------------------

_EVIDENCE_WORD = regex.compile(r"재무\s*제표|결산|매출\s*액?|부채\s*비율|자본\s*잠식|회계\s*연도|재무")
_BASE_YEAR = regex.compile(
    r"(?:" + _YEAR + r"|(?P<y>(?:19|20)\d{2}))\s*(?:결산|말|12월\s*31일)?\s*(?:기준|결산|재무\s*제표)")
_STALE_YEARS = 3  # a call in 2026 asks for 2023 figures at the oldest, with 2024 not yet closed


def _call_year(doc: Document, ann: Announcement) -> int | None:
    if ann.announced_on:
        return ann.announced_on.year
    span = _title(doc, ann)
    m = _TITLE_YEAR.search(doc.text[span[0] : span[1]]) if span else None
    return _year(m) if m else None


def _evidence_years(doc: Document) -> Iterator[tuple[regex.Match[str], int, int]]:
    seen: set[int] = set()
    for w in _EVIDENCE_WORD.finditer(doc.text):
        lo, hi = line_at(doc, w.start())
        if lo in seen or not in_terms(doc, lo):
            continue
        seen.add(lo)
        for m in _BASE_YEAR.finditer(doc.text, lo, hi):
            yield m, lo, hi


def check_stale_periods(doc: Document, ann: Announcement) -> list[Finding]:
    """Financial figures asked for a year far before the call."""
    year = _call_year(doc, ann)
    if year is None:
        return []
    out = []
    for m, _, _ in _evidence_years(doc):
        y = _year(m)
        if year - y < _STALE_YEARS or year - y > 20:
            continue
        out.append(finding(
            "stale_period",
            f"{year}년 공고인데 재무·매출 기준이 ‘{q(m[0], 30)}’로 {year - y}년 전 자료를 "
            f"요구합니다.", [ev(doc, m.start(), m.end())] + _call_span(doc, ann)))
    return out


def _call_span(doc: Document, ann: Announcement) -> list:
    spans = ann.evidence_of.get("announced_on") or []
    return [ev(doc, spans[0].start, spans[0].end)] if spans else []
