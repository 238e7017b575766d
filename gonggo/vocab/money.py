"""Amounts of money in Korean announcements, Duckling style: named rules next to a corpus.

Announcements write won in many ways; every one below resolves to an integer number of won:

    27,350,000원   455천원   20백만원   1.4천만원   0.18억원   5천만원   1억 5천만원
    최대 15억      80만 원   오천만원   1~2억원     0.5억원 ~ 1억원

A bound printed next to the amount is kept: `최대`/`한도`/`이내`/`이하`/`까지` → `max`,
`최소`/`이상`/`초과` → `min`, `약`/`내외`/`정도` → `approx`. In a range the first amount is the
`min` and the second the `max`.

Public API:
    find_amounts(text) -> list[Amount]   amounts with offsets into `text` (bound words included)
    unit_multiplier(text) -> int | None  the `(단위: 백만원)` of a table, if stated
    corpus_value(text) -> list[int]      the won values found (the corpus in corpus/money.jsonl)

Nothing else in a text is money: `2026년`, `3개사`, `40%`, `1차`, `제2021-35호`, `3만명` and
telephone numbers resolve to `[]`; nor are a bare unit (`백만원`, `천만원` as a column's unit, or
the unit of a form's placeholder `00백만원`) or a zero placeholder (`00백만원`, `0,000원`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import regex

from gonggo.vocab.krw import MoneyStyle, format_krw, money_style  # noqa: F401 - re-exported
from gonggo.vocab.text import compiled

Bound = Literal["max", "min", "approx"]

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SMALL = {"십": 10, "백": 100, "천": 1000}
BIG = {"만": 10**4, "억": 10**8, "조": 10**12}
HANGUL_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}

# A bare `3만`/`15억` without `원` is money unless a counter follows it (`3만명`, `1억 건`).
# Nor is an amount in a foreign currency (`4만달러 이내`, `1,858억 9천만 달러`, not its `1,858억 9천`).
_CURRENCY = r"달러|유로|위안|파운드|엔(?![가-힣])|불(?![가-힣])|USD|EUR|\$"
_COUNTER_AFTER = (r"(?!\s?(?:명|개|건|회|곳|대|장|톤|가구|세대|시간|평|호|쪽|매|부|주|년|월|일|배|차|km|㎡|m\b|t\b"
                  rf"|(?:\s?\d[\d,.]{{0,12}})?\s?[십백천만억]{{0,3}}\s?(?:{_CURRENCY})))")

def _term(unit: str) -> str:
    return rf"(?:{NUM})\s?[십백천]?\s?{unit}"


# big units in descending order only: `1억 5천만` is one amount, `3억\t3억` is two
_BIG_CHAIN = (rf"(?:{_term('조')}\s?(?:{_term('억')}\s?)?(?:{_term('만')}\s?)?"
              rf"|{_term('억')}\s?(?:{_term('만')}\s?)?|{_term('만')}\s?)")

BOUND_BEFORE = regex.compile(r"(?:최대|최고|한도|최소|약|대략)\s*[:：]?\s*$")
BOUND_AFTER = regex.compile(r"^\s*(?:이내|이하|미만|까지|한도|내외|이상|초과|정도|가량|안팎|범위\s*내)")
_BOUND_WORDS: dict[str, Bound] = {
    "최대": "max", "최고": "max", "한도": "max", "이내": "max", "이하": "max", "미만": "max",
    "까지": "max", "범위": "max", "최소": "min", "이상": "min", "초과": "min",
    "약": "approx", "대략": "approx", "내외": "approx", "정도": "approx", "가량": "approx",
    "안팎": "approx",
}


@dataclass(frozen=True)
class Amount:
    start: int  # offsets into the text searched, bound words included
    end: int
    krw: int
    bound: Bound | None = None
    value_start: int = 0  # offsets of the amount itself, without bound words
    value_end: int = 0


@dataclass(frozen=True)
class Rule:
    """One way of writing an amount: `name` shows an example, `prod` gives won."""

    name: str
    pattern: regex.Pattern[str]
    prod: Callable[[regex.Match[str]], Decimal | None]


def _num(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _digits_value(text: str) -> Decimal | None:
    """`1억 5천만원` → 150000000; terms of <number><십백천>?<만억조>? summed left to right."""
    total = Decimal(0)
    last_big: int | None = None
    terms = list(compiled(rf"({NUM})\s?([십백천])?\s?([조억만])?").finditer(text))
    if not terms:
        return None
    for i, t in enumerate(terms):
        value = _num(t[1]) * SMALL.get(t[2] or "", 1)
        if t[3]:
            value *= BIG[t[3]]
            last_big = BIG[t[3]]
        elif i == len(terms) - 1 and last_big and not text.rstrip().endswith("원") and t[2]:
            # `1억 5천` (no 원): the tail counts in the next unit down (5천만).
            value *= last_big // 10**4 if last_big > 10**4 else 1
        total += value
    return total


def _hangul_value(text: str) -> Decimal | None:
    """`오천만원` → 50000000, `이천칠백삼십오만원` → 27350000."""
    total = section = digit = 0
    for ch in text.rstrip("원").replace(" ", ""):
        if ch in HANGUL_DIGITS:
            digit = HANGUL_DIGITS[ch]
        elif ch in SMALL:
            section += (digit or 1) * SMALL[ch]
            digit = 0
        elif ch in BIG:
            total += (section + digit or 1) * BIG[ch]
            section = digit = 0
        else:
            return None
    return Decimal(total + section + digit)


# `제2조`, `제38조 사업비 이월`: a numbered article or ordinal, not an amount (`제` a word of its own,
# not the end of one: `1개 과제 300백만원`, `과제당` are money); and a bare `조` (no `원`) is a law's
# article (`시행령 2조 1항`), never money in an announcement
ORDINAL_BEFORE = r"(?<!(?<![가-힣])제\s?)"
BARE_TRILLION = regex.compile(r"조\s*$")

RULES: list[Rule] = [
    Rule("<number> 억/만 terms, then 원 or not (0.18억원, 20백만원, 1억 5천만원, 최대 15억)",
         regex.compile(rf"(?<![\d.,]){ORDINAL_BEFORE}{_BIG_CHAIN}(?:(?:{NUM})\s?[십백천]\s?)?"
                       rf"(?:원|{_COUNTER_AFTER})"),
         lambda m: None if BARE_TRILLION.search(m[0]) else _digits_value(m[0])),
    Rule("<number> 천/백 원 (27,350,000원, 455천원)",
         regex.compile(rf"(?<![\d.,]){ORDINAL_BEFORE}(?:{NUM})\s?[십백천]?\s?원"),
         lambda m: _digits_value(m[0])),
    # not a bare unit (`백만원`, `천만원`: a column's unit, the unit of a placeholder `00백만원`)
    Rule("hangul numerals with 만/억 and a digit word, then 원 (오천만원)",
         regex.compile(r"(?<![가-힣\d.,])(?<!단위\s*[:：]?\s*)(?=[일이삼사오육칠팔구십백천]*[만억])"
                       r"(?=[십백천만억]*[일이삼사오육칠팔구])[일이삼사오육칠팔구십백천]+[만억]"
                       r"[일이삼사오육칠팔구십백천만]*\s?원"),
         lambda m: _hangul_value(m[0])),
]

# `1~2억원`: a bare number before `~` takes the unit of the amount after it.
RANGE_HEAD = regex.compile(rf"(?<![\d.,])({NUM})\s*[~∼～〜]\s*$")
RANGE_SEP = regex.compile(r"^\s*[~∼～〜]\s*$")


def _bound_of(text: str, start: int, end: int) -> tuple[Bound | None, int, int]:
    """The bound printed around text[start:end], and the span widened to include it."""
    bound: Bound | None = None
    before = BOUND_BEFORE.search(text[max(0, start - 8) : start])
    if before:
        bound = _BOUND_WORDS[compiled(r"[가-힣]+").match(before[0])[0]]
        start = start - len(before[0])
    after = BOUND_AFTER.match(text[end : end + 12])
    if after:
        word = compiled(r"[가-힣]+").search(after[0])[0]
        bound = bound or _BOUND_WORDS.get(word, _BOUND_WORDS.get(word[:2]))
        end = end + len(after[0])
    return bound, start, end


def _raw_matches(text: str) -> list[tuple[int, int, Decimal]]:
    found: list[tuple[int, int, Decimal]] = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            value = rule.prod(m)
            if value is None or value <= 0:
                continue
            s, e = m.start(), m.end()
            while e > s and text[e - 1].isspace():
                e -= 1
            found.append((s, e, value))
    # leftmost-longest, no overlaps
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, Decimal]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            continue
        out.append(f)
    return out


def _unit_suffix(text: str) -> str:
    """`2억원` → `억원`: what follows the leading number."""
    m = compiled(rf"(?:{NUM})\s?").match(text)
    return text[m.end() :] if m else ""


def find_amounts(text: str) -> list[Amount]:
    if len(text) > CACHED_TEXT_CHARS:
        return _find_amounts(text)
    return list(_find_amounts_cached(text))


# A line's amounts are asked again per program, per family and per check: the answers
# (frozen) of short texts are kept; longer texts are not (the keys).
CACHED_TEXT_CHARS = 2000


@lru_cache(maxsize=8192)
def _find_amounts_cached(text: str) -> tuple[Amount, ...]:
    return tuple(_find_amounts(text))


def _range_bounds(first: Decimal | int, second: Decimal | int) -> tuple[Bound, Bound]:
    """The bounds of a range's two ends as printed: low to high (`0.5억원 ~ 1억원`) or high to low
    (`700만원~200만원 차등`, hunter_w_startup_package): the larger end is the ceiling either way."""
    return ("min", "max") if first <= second else ("max", "min")


def _find_amounts(text: str) -> list[Amount]:
    amounts: list[Amount] = []
    raw = _raw_matches(text)
    for i, (s, e, value) in enumerate(raw):
        head = RANGE_HEAD.search(text[max(0, s - 20) : s])
        prev = amounts[-1] if amounts else None
        if prev is not None and RANGE_SEP.match(text[prev.value_end : s]):
            # `0.5억원 ~ 1억원`: the first is the low end; a range printed high to low (`기업당
            # 700만원~200만원 차등 지급`) is bounded by its first end, the high one
            first, second = _range_bounds(prev.krw, value)
            amounts[-1] = Amount(prev.start, prev.end, prev.krw, first, prev.value_start,
                                 prev.value_end)
            _, _, ws_end = _bound_of(text, s, e)
            amounts.append(Amount(s, ws_end, int(value), second, s, e))
            continue
        if head and (prev is None or prev.value_end <= s - len(head[0])):
            lo_start = s - len(head[0]) + head.start(1)
            lo_value = _digits_value(head[1] + _unit_suffix(text[s:e]))
            if lo_value:
                first, second = _range_bounds(lo_value, value)
                amounts.append(Amount(lo_start, lo_start + len(head[1]), int(lo_value), first,
                                      lo_start, lo_start + len(head[1])))
                _, _, ws_end = _bound_of(text, s, e)
                amounts.append(Amount(s, ws_end, int(value), second, s, e))
                continue
        bound, ws, we = _bound_of(text, s, e)
        amounts.append(Amount(ws, we, int(value), bound, s, e))
    return amounts


# `(단위 : 백만원)`, `(단위 : 년, 백만원 이내)` (a table of periods and money)
UNIT = regex.compile(r"단위\s*[:：]?\s*(?:[^()\n,，]{1,6}[,，]\s*)?(천\s?원|만\s?원|백\s?만\s?원|천\s?만\s?원|억\s?원|원)")


def unit_multiplier(text: str) -> int | None:
    """`(단위 : 백만원)` → 1000000."""
    m = UNIT.search(text)
    if not m:
        return None
    value = _digits_value("1" + compiled(r"\s").sub("", m[1]))  # `백만 원` is `백만원`
    return int(value) if value else None


def corpus_value(text: str) -> list[int]:
    return [a.krw for a in find_amounts(text)]


class AmountError(ValueError):
    """A text given as one amount of money that is not one."""


_PLAIN_WON = regex.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def parse_krw(text: str) -> int:
    """One amount as a person types it: `1억`, `5천만원`, `1,000,000`, `1억 5천만원` → won.

    The whole text must be that one amount (a bound word such as `최대` is allowed)."""
    plain = text.strip().removesuffix("원").strip()
    if _PLAIN_WON.fullmatch(plain):
        return int(plain.replace(",", ""))
    found = find_amounts(text.strip())
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].krw
    raise AmountError(f"not an amount of money: {text!r} (write e.g. 1억, 5천만원 or 1,000,000)")
