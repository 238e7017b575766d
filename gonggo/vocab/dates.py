"""Dates, times and date ranges in Korean announcement text, with offsets.

Duckling style: `RULES` is a table of named rules, each a pattern and the parts it reads;
`extractors/corpus/dates.jsonl` lists real phrases with the values they must resolve to.

    find_dates("2026. 4. 8.(수) ~ 4. 24.(금) 18시까지", date(2026, 4, 8))
    → [DateMention(2026-04-08, weekday '수'), DateMention(2026-04-24T18:00+09:00, weekday '금')]

- A year the text leaves out (`1.22~2.25`, `4월 30일`) is resolved from a reference date (the
  announcement's date): its year, or the next one when that would put the date more than
  half a year before the reference (a December announcement listing `1.5~1.20`). The right
  end of a range takes its year (and month, for `4월 1일 ~ 30일`) from the left end.
- A value is a `date` when no time is printed, a `datetime` at +09:00 when one is.
- A printed weekday (`(수)`) is kept as printed; `weekday_ok` tells whether it matches.
- An impossible date (`2.30`, `'26. 11. 31.`) is returned with `valid=False` and no value,
  for validation to report; it is never silently dropped or "corrected".
- `공고일 ~ 4. 24.` / `공고일부터`: the announcement day (the reference) opens the range.
- A date after a bare `~` (`~ 4. 30.(목)`) is a deadline, like `4. 30.까지`.
- A bare `m.d` is a date only in date context (a weekday, a range, `까지`/`부터`), and never
  when a unit follows (`0.18억원`, `1.4천만원`, `1.3~1.5배수`). A bare `m/d` (`~3/30, 16:00`)
  only where printed as a date (a weekday, a time, a leading `~`, a dated partner across `~`):
  never by `까지` alone, nor as a fraction (`비율이 1/3 이하`, `1/2 ~ 2/3`).

`corpus_value(text)` is the list of ISO strings found in `text`, resolved against the
reference date 2026-04-08; an impossible date is `{"invalid": "YYYY-MM-DD"}`, a time printed
without a date is `"HH:MM:SS+09:00"`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

import regex

KST = timezone(timedelta(hours=9))  # Asia/Seoul has kept +09:00 with no DST since 1988
CORPUS_REFERENCE = date(2026, 4, 8)
WEEKDAYS = "월화수목금토일"  # date.weekday() order
ROLL_OVER_DAYS = 183  # a year-less date this far before the reference is next year's

# ---------------------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class Rule:
    name: str  # an example of what it reads
    pattern: regex.Pattern[str]
    kind: str  # "date" (full), "md" (month-day, needs year), "day", "time"
    year: Callable[[regex.Match[str]], int | None] = lambda m: None
    context: bool = False  # True: only a date where the context says so (bare `m.d`)
    first_day: bool = False  # a month alone opening a range (`2025. 3.~`) opens on its 1st


def _full_year(m: regex.Match[str]) -> int:
    return int(m["y"])


def _short_year(m: regex.Match[str]) -> int:
    return 2000 + int(m["y"])


_Q = r"['’‘`´]"  # the apostrophe of `’25`
# the dot closing `2026. 4. 8.`, unless a number follows it at once (`8.5`)
_END_DOT = r"(?:\s*[.．](?!\d))?"
_NOT_AFTER_NUM = r"(?<![\d.,\-/])"
# `~3/30, 16:00` (a deadline in a title, bizinfo list): a month/day with a slash is a date only
# where it is printed as one (a weekday, a time, a `~` opening it, a dated partner across `~`),
# never by `까지` alone (`총사업비의 1/3까지` is a fraction)
SLASH_MD = "3/30 (month/day with a slash, in date context)"
RULES: list[Rule] = [
    Rule("2026년 4월 8일", regex.compile(
        _NOT_AFTER_NUM + r"(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"),
        "date", _full_year),
    Rule("2026. 4. 8. / 2026.04.08 / 2026-04-08 / 2026/4/8", regex.compile(
        _NOT_AFTER_NUM + r"(?P<y>(?:19|20)\d{2})\s*(?P<s>[.．])\s*(?P<m>\d{1,2})\s*[.．]\s*"
        r"(?P<d>\d{1,2})(?!\d)" + _END_DOT
        + r"|" + _NOT_AFTER_NUM + r"(?P<y>(?:19|20)\d{2})(?P<s>[-/])(?P<m>\d{1,2})(?P=s)"
        r"(?P<d>\d{1,2})(?![\d\-/])"), "date", _full_year),
    Rule("2025. 3.~ (a month opening an open-ended range)", regex.compile(
        _NOT_AFTER_NUM + r"(?P<y>(?:19|20)\d{2})\s*[.．년]\s*(?P<m>\d{1,2})\s*[.．월]"
        r"(?=\s*[~∼～〜]\s*+(?![\d'’‘]))"), "date", _full_year, first_day=True),
    Rule("’21년 1월 22일", regex.compile(
        _Q + r"\s*(?P<y>\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"), "date", _short_year),
    Rule("’25. 8. 1. / '26. 06. 15.", regex.compile(
        _Q + r"\s*(?P<y>\d{2})\s*[.．]\s*(?P<m>\d{1,2})\s*[.．]\s*(?P<d>\d{1,2})(?!\d)"
        + _END_DOT), "date", _short_year),
    Rule("4월 30일", regex.compile(
        r"(?<![\d.])(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"), "md"),
    Rule("1.22 (in date context)", regex.compile(
        r"(?<![\d.,:\p{L}])(?P<m>\d{1,2})\s*[.．]\s*(?P<d>\d{1,2})(?![\d,])(?:[.．](?!\d))?"),
        "md", context=True),
    Rule(SLASH_MD, regex.compile(
        r"(?<![\d.,:/\p{L}])(?P<m>\d{1,2})\s?/\s?(?P<d>\d{1,2})(?![\d/]|,\d)"), "md", context=True),
    Rule("30일 / 28.(금) (right end of a range)", regex.compile(
        r"(?<![\d.월])(?P<d>\d{1,2})\s*일(?!\s*(?:간|이내|전|후|째|차|부|자))"
        r"|(?<![\d.,:\p{L}])(?P<d>\d{1,2})\s*[.．](?=\s*[(（][월화수목금토일][)）])"), "day",
        context=True),
    Rule("공고일 ~ (the announcement date, as a range's start)", regex.compile(
        r"공고\s*일(?:자)?(?=\s*(?:부터|로부터|[~∼～〜–—]))"), "anchor", context=True),
    Rule("18:00 / 17시 / 오후 6시 30분", regex.compile(
        r"(?<![\d:.])(?:(?P<ap>오전|오후|AM|PM|am|pm)\s*)?(?P<h>\d{1,2})\s*"
        r"(?::\s*(?P<mi>\d{2})(?::(?P<se>\d{2}))?(?!\d)|시(?!\s*간)(?:\s*(?P<mi>\d{1,2})\s*분)?)"),
        "time", context=True),
]

WEEKDAY = regex.compile(r"\s*[(（]\s*(?P<w>[월화수목금토일])\s*(?:요일)?\s*[)）]")
# a time right after a date (and its weekday) belongs to it
TIME_AFTER = regex.compile(
    r"\s*,?\s*(?:(?P<ap>오전|오후|AM|PM|am|pm)\s*)?(?P<h>\d{1,2})\s*"
    r"(?::\s*(?P<mi>\d{2})(?::(?P<se>\d{2}))?(?!\d)|시(?!\s*간)(?:\s*(?P<mi>\d{1,2})\s*분)?)")
# what may not follow a bare number if it is to be a date: units, decimals, counts
UNIT_AFTER = regex.compile(r"\s*(?:[억천만백원%배점개명년회차호위초℃㎡]|달러|시간|\d|[.．]\d)")
RANGE_SEP = regex.compile(r"\s*(?:[~∼～〜–—]|부터|에서)\s*(?:[~∼～〜]\s*)?")
HYPHEN_SEP = regex.compile(r"\s*-\s*")  # a range only between two full dates
UNTIL = regex.compile(r"\s*까지")
FROM = regex.compile(r"\s*부터")
OPEN_TAIL = regex.compile(r"\s*(?:[~∼～〜–—]|부터)\s*(?=[)）\]]|$|\n|[^\d\s'’‘])")
# a date after a bare `~` (`최종 실행계획서 제출 / ~ 4. 30.(목)`) closes a period that opens
# unsaid: a deadline
LEAD_TILDE = regex.compile(r"(?:^|(?<=[\s(（:：]))[~∼～〜]\s*$")
# a `~` closing a range of numbers (`1/2 ~ 2/3`), not opening a deadline
RANGE_TILDE_BEFORE = regex.compile(r"\d\s*[~∼～〜]\s*$")
# `3. 13. (예정)`: a bare month-day the schedule marks as planned is a date
PLANNED = regex.compile(r"\s*[(（]\s*예정\s*[)）]")


# ---------------------------------------------------------------------------------------
# Mentions


@dataclass(frozen=True)
class DateMention:
    """One date or time as printed, with offsets into the searched string."""

    start: int
    end: int
    text: str
    rule: str
    kind: str  # "date", "md", "day", "time", "anchor" (`공고일`: the reference date)
    year: int | None  # as printed (`’25` → 2025), None when left out
    month: int | None
    day: int | None
    weekday: str | None = None  # as printed, e.g. "수"
    hour: int | None = None
    minute: int | None = None
    second: int | None = None  # `23:59:59`
    # resolution against a reference
    resolved_year: int | None = None
    value: date | datetime | time | None = None
    valid: bool = True

    @property
    def year_inferred(self) -> bool:
        return self.year is None and self.resolved_year is not None

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def weekday_ok(self) -> bool | None:
        """Whether the printed weekday matches the date; None when none is printed or known."""
        if self.weekday is None or not isinstance(self.value, date):
            return None
        return WEEKDAYS[self.value.weekday()] == self.weekday

    @property
    def printed_iso(self) -> str | None:
        """`YYYY-MM-DD` of the resolved parts, even when they make no real date."""
        if self.resolved_year is None or self.month is None or self.day is None:
            return None
        return f"{self.resolved_year:04d}-{self.month:02d}-{self.day:02d}"

    def iso(self) -> str | None:
        return None if self.value is None else self.value.isoformat()


@dataclass(frozen=True)
class DateRange:
    """`A ~ B`, `A부터 B까지`, an open start `A ~` / `A부터`, a deadline `B까지`, or one date."""

    start: int
    end: int
    opens: DateMention | None
    closes: DateMention | None
    shape: str  # "range", "open", "deadline", "single"


def _mention(text: str, m: regex.Match[str], rule: Rule) -> DateMention | None:
    month = int(m["m"]) if "m" in m.groupdict() and m["m"] else None
    day = int(m["d"]) if "d" in m.groupdict() and m["d"] else None
    if day is None and rule.first_day:
        day = 1
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    hour = minute = second = None
    if rule.kind == "time":
        hour, minute = _clock(m)
        if hour is None:
            return None
        second = _second(m)
    return DateMention(start=m.start(), end=m.end(), text=m.group(0), rule=rule.name,
                       kind=rule.kind, year=rule.year(m), month=month, day=day,
                       hour=hour, minute=minute, second=second)


def _clock(m: regex.Match[str]) -> tuple[int | None, int | None]:
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    ap = (m["ap"] or "").lower()
    if ap in ("오후", "pm") and hour < 12:
        hour += 12
    elif ap in ("오전", "am") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None, None
    return hour, minute


def _second(m: regex.Match[str]) -> int | None:
    se = m.groupdict().get("se")
    return int(se) if se and int(se) <= 59 else None


def _with_tail(text: str, mention: DateMention) -> DateMention:
    """Extend a date over its printed weekday and a time that follows it."""
    end, weekday, hour, minute, second = mention.end, None, None, None, None
    w = WEEKDAY.match(text, end)
    if w:
        weekday, end = w["w"], w.end()
    t = TIME_AFTER.match(text, end)
    if t and not UNIT_AFTER.match(text, t.end()) and (t["mi"] is not None or "시" in t.group(0)
                                                      or t["ap"]):
        h, mi = _clock(t)
        if h is not None:
            hour, minute, second, end = h, mi, _second(t), t.end()
    if end == mention.end:
        return mention
    return replace(mention, end=end, text=text[mention.start:end], weekday=weekday,
                   hour=hour, minute=minute, second=second)


def _candidates(text: str) -> list[DateMention]:
    return list(_candidates_of(text))


# A whole document's text is scanned more than once per run (the header, then the windows):
# the mentions are frozen, so one scan per distinct text serves every caller. Few entries:
# a key is a whole text.
@lru_cache(maxsize=16)
def _candidates_of(text: str) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            mention = _mention(text, m, rule)
            if mention is not None:
                found.append(mention)
    # earliest first, then longest, then the rule listed first
    order = {r.name: i for i, r in enumerate(RULES)}
    found.sort(key=lambda x: (x.start, -(x.end - x.start), order[x.rule]))
    chosen: list[DateMention] = []
    last_end = -1
    for mention in found:
        if mention.start >= last_end:
            if mention.kind in ("date", "md"):
                mention = _with_tail(text, mention)
            chosen.append(mention)
            last_end = mention.end
    return tuple(chosen)


def _between(text: str, a: DateMention, b: DateMention) -> str:
    return text[a.end:b.start]


def _is_sep(text: str, a: DateMention, b: DateMention) -> bool:
    gap = _between(text, a, b)
    if RANGE_SEP.fullmatch(gap):
        return True
    return bool(HYPHEN_SEP.fullmatch(gap)) and a.kind == b.kind == "date"


def _unit_follows(text: str, mention: DateMention) -> bool:
    return bool(UNIT_AFTER.match(text, mention.end))


def _keep_contextual(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Keep bare `m.d`, day-only and time-only mentions only where the context makes them dates."""
    keep = [m.kind == "date" or m.rule == "4월 30일" for m in mentions]
    for i, m in enumerate(mentions):
        if m.kind == "md" and m.rule != "4월 30일" and not _unit_follows(text, m):
            printed_as_date = m.weekday is not None or m.hour is not None
            lead = LEAD_TILDE.search(text[max(0, m.start - 4):m.start]) and not (
                m.rule == SLASH_MD and RANGE_TILDE_BEFORE.search(text[max(0, m.start - 8):m.start]))
            if printed_as_date or lead or (m.rule != SLASH_MD and any(
                    rx.match(text, m.end) for rx in (UNTIL, FROM, OPEN_TAIL, PLANNED))):
                keep[i] = True
    # a range: a bare `m.d`, a day or a time is a date when its partner across `~` is one
    for _ in range(2):
        for i in range(len(mentions) - 1):
            a, b = mentions[i], mentions[i + 1]
            if not _is_sep(text, a, b):
                continue
            a_ok = keep[i] or (a.kind == "md" and not _unit_follows(text, a))
            b_ok = keep[i + 1] or (b.kind in ("md", "day", "time") and not _unit_follows(text, b))
            if b.kind == "day" and a.kind not in ("date", "md"):
                b_ok = False
            if b.kind == "time" and a.hour is None and a.kind != "time":
                b_ok = b_ok and (UNTIL.match(text, b.end) is not None)
            if a.kind == "time":
                a_ok = keep[i]
            bare_pair = a.kind == "md" and b.kind == "md" and SLASH_MD not in (a.rule, b.rule)
            if a_ok and b_ok and (keep[i] or keep[i + 1] or bare_pair):
                keep[i] = keep[i + 1] = True
    # `공고일 ~ 4. 24.`, `공고일부터`: the announcement date opens the range
    for i, m in enumerate(mentions):
        if m.kind == "anchor":
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            keep[i] = (nxt is not None and keep[i + 1] and nxt.kind in ("date", "md")
                       and _is_sep(text, m, nxt)) or bool(OPEN_TAIL.match(text, m.end))
    # a lone time followed by 까지 (`17:00 까지`) is kept as a time of day
    for i, m in enumerate(mentions):
        if m.kind == "time" and not keep[i] and UNTIL.match(text, m.end):
            keep[i] = True
    return [m for m, k in zip(mentions, keep, strict=True) if k]


# ---------------------------------------------------------------------------------------
# Resolution


def _calendar_day(year: int, month: int | None, day: int | None) -> date | None:
    """The day, or None when the parts make no real date (`2.30`)."""
    if month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _at(d: date, m: DateMention) -> date | datetime:
    """The day `d` at the mention's printed time, if any (`24:00` is the end of that day)."""
    if m.hour is None:
        return d
    if m.hour == 24:
        return datetime.combine(d + timedelta(days=1), time(0, 0), KST)
    return datetime.combine(d, time(m.hour, m.minute or 0, m.second or 0), KST)


def _resolved(m: DateMention, year: int, month: int | None = None,
              day: int | None = None) -> DateMention:
    month = m.month if month is None else month
    day = m.day if day is None else day
    d = _calendar_day(year, month, day)
    return replace(m, resolved_year=year, month=month, day=day,
                   value=None if d is None else _at(d, m), valid=d is not None)


def _resolve_alone(m: DateMention, reference: date | None) -> DateMention:
    if m.kind == "anchor":
        if reference is None:
            return m
        return replace(m, resolved_year=reference.year, month=reference.month,
                       day=reference.day, value=reference)
    if m.kind == "time":
        return replace(m, value=time((m.hour or 0) % 24, m.minute or 0, tzinfo=KST))
    if m.year is not None:
        return _resolved(m, m.year)
    if reference is None or m.kind != "md":
        return m
    year = reference.year
    d = _calendar_day(year, m.month, m.day)
    if d is not None and d < reference - timedelta(days=ROLL_OVER_DAYS):
        year += 1
    return _resolved(m, year)


def _resolve_right(left: DateMention, right: DateMention) -> DateMention:
    """The right end of a range takes what it leaves out from the left end."""
    if left.resolved_year is None:
        return right
    if right.kind == "time":  # `09:00 ~ 18:00`: the same day
        if left.month is None or left.day is None:
            return right
        return _resolved(right, left.resolved_year, left.month, left.day)
    if right.year is not None:
        return _resolved(right, right.year)
    month = left.month if right.kind == "day" else right.month
    year = left.resolved_year
    if (month or 0, right.day or 0) < (left.month or 0, left.day or 0):  # `12.15 ~ 1.15`
        year += 1
    return _resolved(right, year, month)


def find_ranges(text: str, reference: date | None = None) -> list[DateRange]:
    """Every date in `text` as part of a range, an open start, a deadline or a single date."""
    mentions = _keep_contextual(text, _candidates(text))
    out: list[DateRange] = []
    i = 0
    while i < len(mentions):
        a = _resolve_alone(mentions[i], reference)
        if i + 1 < len(mentions) and a.kind != "time" and _is_sep(text, mentions[i], mentions[i + 1]):
            b = _resolve_right(a, mentions[i + 1])
            end = b.end
            u = UNTIL.match(text, end)
            out.append(DateRange(a.start, u.end() if u else end, a, b, "range"))
            i += 2
            continue
        u = UNTIL.match(text, a.end)
        o = OPEN_TAIL.match(text, a.end)
        after = out[-1].end if out else 0
        if u or (a.kind != "time" and LEAD_TILDE.search(text[after:a.start])):
            out.append(DateRange(a.start, u.end() if u else a.end, None, a, "deadline"))
        elif o:
            out.append(DateRange(a.start, o.end(), a, None, "open"))
        else:
            out.append(DateRange(a.start, a.end, a, None, "single"))
        i += 1
    return out


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Every date and time in `text`, in order, resolved against `reference`."""
    out: list[DateMention] = []
    for r in find_ranges(text, reference):
        out.extend(m for m in (r.opens, r.closes) if m is not None)
    return out


def iso_or_invalid(m: DateMention) -> object:
    if m.valid and m.value is not None:
        return m.value.isoformat()
    if not m.valid:
        return {"invalid": m.printed_iso}
    return None


def corpus_value(text: str) -> list[object]:
    return [v for v in (iso_or_invalid(m) for m in find_dates(text, CORPUS_REFERENCE))
            if v is not None]


# what may follow a date printed alone on its line: a closing dot, a time (`2026. 4. 8. 10:00`)
_LINE_END = regex.compile(r"[.．\s]*")


def whole_date(text: str) -> date | None:
    """The day a text prints when it is one full date and nothing else, in any format the
    rules read (`2026. 4. 8.(수)`, `2026년 4월 8일`, `2026.04.08`, `’26. 6. 15.`, `'26.6.15.`);
    None for anything else, or a date that is no real day (`2026. 2. 30.`)."""
    s = text.strip()
    found = _candidates(s)
    if len(found) != 1:
        return None
    m = found[0]
    if m.kind != "date" or m.start != 0 or not _LINE_END.fullmatch(s, m.end) or m.year is None:
        return None
    return _calendar_day(m.year, m.month, m.day)
