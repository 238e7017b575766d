"""Calendar checks: a deadline on a weekend or a Korean public holiday (`holidays.KR`), a
schedule whose steps are dated out of order (or one step printed in another year).

A deadline is the closing date of an application or submission: the right end of a range or a
date followed by `까지`, on a line whose label before the date names 신청 / 접수 / 모집 / 공모 /
응모 / 제출 / 마감 (and not a project or research period)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

import holidays
import regex

from gonggo.schemas.announcement import Announcement, Finding
from gonggo.schemas.document import Document
from gonggo.validate.common import day_of, ev, finding, in_terms, line_at, printed_dates, q
from gonggo.vocab.dates import WEEKDAYS, DateMention
from gonggo.vocab.text import compiled

_DEADLINE_LABEL = regex.compile(r"신청|접수|모집|공모|응모|제출|마감")
_NOT_DEADLINE = regex.compile(
    r"사업\s*기간|연구\s*기간|수행\s*기간|협약|지원\s*기간|교육\s*기간|운영\s*기간|행사|설립|창업|"
    r"기준|이후|이전|공고일|발표|결과|업력|자격|대상|요건|[가-힣]-\d")
_RANGE_SEP = regex.compile(r"^\s*(?:[)）]\s*)?(?:[~∼～\-–]|부터)\s*$")
_UNTIL = regex.compile(r"^(?:[^\n~∼～\d]|\d{1,2}\s*(?::\s*\d{2}|시))*?까지")
_MAX_PREFIX = 40


@lru_cache(maxsize=16)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.KR(years=year, language="ko")


def day_off(day: date) -> str | None:
    """`토요일`, `일요일` or the holiday's Korean name; None for a working day."""
    name = _holidays(day.year).get(day)
    if name:
        return str(name)
    return f"{WEEKDAYS[day.weekday()]}요일" if day.weekday() >= 5 else None


def _mentions(doc: Document, ann: Announcement) -> list[DateMention]:
    return printed_dates(doc, ann)


def _deadlines(doc: Document, ann: Announcement) -> Iterator[tuple[DateMention, int]]:
    """(closing date, where its range or date starts) of the terms' deadlines."""
    mentions = [m for m in _mentions(doc, ann) if m.kind in ("date", "md", "day") and m.valid
                and m.value is not None]
    for k, m in enumerate(mentions):
        prev = mentions[k - 1] if k else None
        ranged = prev is not None and _RANGE_SEP.match(doc.text[prev.end : m.start])
        if not ranged and not _UNTIL.match(doc.text[m.end : m.end + 20]):
            continue
        opens = prev.start if ranged and prev is not None else m.start
        lo, _ = line_at(doc, opens)
        prefix = doc.text[lo:opens]
        if len(prefix) > _MAX_PREFIX or not _DEADLINE_LABEL.search(prefix) \
                or _NOT_DEADLINE.search(prefix) or not in_terms(doc, m.start):
            continue
        if ranged and prev is not None and _UNTIL.match(doc.text[prev.end : prev.end + 20]):
            continue
        yield m, opens


def check_deadline_on_holiday(doc: Document, ann: Announcement) -> list[Finding]:
    """A closing date that falls on a Saturday, a Sunday or a Korean public holiday."""
    out: list[Finding] = []
    seen: set[date] = set()
    for m, opens in _deadlines(doc, ann):
        day = day_of(m.value)  # type: ignore[arg-type]
        off = day_off(day)
        if off is None or day in seen or (m.weekday and WEEKDAYS[day.weekday()] != m.weekday):
            continue  # a printed weekday that is not the date's is weekday_mismatch's finding
        seen.add(day)
        lo, _ = line_at(doc, opens)
        label = q(doc.text[lo:opens].strip(" :：-○◦·•□") or "마감일", 30)
        printed = q(doc.text[m.start : m.end], 30)
        out.append(finding(
            "deadline_on_holiday",
            f"‘{label}’의 마감일 ‘{printed}’은(는) {day.isoformat()} {off}로, 공휴일·주말에 "
            f"마감됩니다.", [ev(doc, lo, opens), ev(doc, m.start, m.end)]))
    return out


# schedules -----------------------------------------------------------------------------

_SCHEDULE_TITLE = regex.compile(r"추진\s*일정|세부\s*일정|(?<!교육\s*)일정$|추진\s*절차|선정\s*절차|"
                                r"평가\s*절차|사업\s*절차|추진\s*체계\s*및\s*일정")
_NOTE_LINE = regex.compile(r"^\s*(?:※|\*|☞|주\s*\))")


def _schedule_steps(doc: Document, ann: Announcement, lo: int, hi: int
                    ) -> list[tuple[int, int, list[DateMention]]]:
    """(start, end, dates) of each step of a schedule section, in order: a date, or a range
    (`2. 9.~12.`); a table row printed on one line holds several steps."""
    steps: list[tuple[int, int, list[DateMention]]] = []
    mentions = [m for m in _mentions(doc, ann) if lo <= m.start < hi
                and m.kind in ("date", "md", "day") and m.valid and m.value is not None]
    for m in mentions:
        a, b = line_at(doc, m.start)
        if _NOTE_LINE.match(doc.text[a:b]):
            continue
        if steps and _RANGE_SEP.match(doc.text[steps[-1][2][-1].end : m.start]) \
                and len(steps[-1][2]) == 1:
            steps[-1][2].append(m)
        else:
            steps.append((a, b, [m]))
    return steps


def _schedule_sections(doc: Document) -> Iterator[tuple[int, int, str]]:
    for s in doc.sections:
        if doc.blocks[s.block].kind != "heading" or not in_terms(doc, s.start):
            continue
        title = compiled(r"\s*[(（<][^)）>]*[)）>]\s*$").sub("", s.title).strip()
        if _SCHEDULE_TITLE.search(title[:30]):
            yield s.start, s.end, s.title


def _printed_year(m: DateMention) -> int | None:
    return None if m.year_inferred else m.resolved_year


def check_schedule(doc: Document, ann: Announcement) -> list[Finding]:
    """Steps of a schedule (`□ 추진일정`) dated earlier than the step before them; when the
    step alone prints another year than its neighbours, the year is what is wrong."""
    out: list[Finding] = []
    for lo, hi, title in _schedule_sections(doc):
        steps = _schedule_steps(doc, ann, lo, hi)
        for k in range(1, len(steps)):
            (_, _, prev), (_, _, cur) = steps[k - 1], steps[k]
            p_start, p_end = day_of(prev[0].value), day_of(prev[-1].value)  # type: ignore[arg-type]
            c_start = day_of(cur[0].value)  # type: ignore[arg-type]
            inside = len(cur) == 1 and p_start < c_start < p_end
            if c_start >= p_start and not inside:
                continue
            years = {y for _, _, ms in steps for m in ms if (y := _printed_year(m))}
            odd = _printed_year(cur[0])
            sides = (f"‘{q(doc.text[prev[0].start:prev[-1].end], 30)}’",
                     f"‘{q(doc.text[cur[0].start:cur[-1].end], 30)}’")
            spans = [ev(doc, prev[0].start, prev[-1].end), ev(doc, cur[0].start, cur[-1].end)]
            if odd is not None and len(years) > 1 and _fits_with_year(prev, cur, odd, years):
                out.append(finding(
                    "year_mismatch",
                    f"{q(title, 30)}의 일정 {sides[1]}만 {odd}년으로, 앞 단계 {sides[0]}와 "
                    f"연도가 다릅니다.", spans))
            else:
                why = "앞 단계 기간 안에 있습니다" if inside else "앞 단계보다 이릅니다"
                out.append(finding(
                    "schedule_out_of_order",
                    f"{q(title, 30)}의 일정 {sides[1]}이(가) {sides[0]}의 다음 단계인데 날짜가 "
                    f"{why}.", spans))
    return out


def _fits_with_year(prev: list[DateMention], cur: list[DateMention], odd: int,
                    years: set[int]) -> bool:
    """Whether printing the step in the other year would put it in order."""
    other = next(iter(years - {odd}), None)
    if other is None:
        return False
    try:
        moved = day_of(cur[0].value).replace(year=other)  # type: ignore[arg-type]
    except ValueError:
        return False
    return moved >= day_of(prev[0].value)  # type: ignore[arg-type]
