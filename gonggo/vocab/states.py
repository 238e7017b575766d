"""Whether a printed quote states a value: `0.18억원` states 18000000, `30%` states 30,
`최대 3개월` states 3 months, `4월 8일` states 2026-04-08. Used once, when a fact is extracted,
to record which of its fields each evidence span supports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from typing import Any

import regex

from gonggo.vocab.money import find_amounts
from gonggo.vocab.text import compiled

Matcher = Callable[[str, Any], bool]

_NUMBER = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_MONTHS = regex.compile(r"(\d+)\s*(개월|년)")
_NOISE = regex.compile(r"[\s\p{P}\p{S}]+")


@lru_cache(maxsize=16384)  # a pure function of the text: one quote is asked per field
def squash(text: str) -> str:
    """Letters and digits only: `재무제표* 발급번호` and `재무제표 발급번호` compare equal."""
    return _NOISE.sub("", text).lower()


def states_money(quote: str, value: Any) -> bool:
    return any(a.krw == value for a in find_amounts(quote))


def states_number(quote: str, value: Any) -> bool:
    return any(abs(float(n) - float(value)) < 1e-9 for n in _NUMBER.findall(quote))


def states_months(quote: str, value: Any) -> bool:
    return any(int(n) * (12 if unit == "년" else 1) == value for n, unit in _MONTHS.findall(quote))


def states_text(quote: str, value: Any) -> bool:
    """The one contains the other, or every word of the value is in the quote (a name put
    together from a row: `견적서 및 비교견적` from `견적서(…) 1부 및 비교견적 2부`)."""
    q, v = squash(quote), squash(str(value))
    if not (q and v):
        return False
    words = [squash(w) for w in str(value).split()]
    return v in q or q in v or (len(words) > 1 and all(w in q for w in words if w))


def states_date(quote: str, value: Any) -> bool:
    """The month and day of an ISO date or timestamp printed in the quote (`4월 8일`, `1. 22`)."""
    when = datetime.fromisoformat(str(value))
    rx = rf"(?<!\d)0?{when.month}\s*(?:월|\.|/)\s*0?{when.day}(?!\d)"
    return compiled(rx).search(quote) is not None


def states_rolling(quote: str, value: Any) -> bool:
    return bool(value) and compiled(r"수시|상시").search(quote) is not None


def states_budget_limit(quote: str, value: Any) -> bool:
    return bool(value) and "소진" in quote


def states_required(quote: str, value: Any) -> bool:
    return compiled(r"필수" if value else r"선택|해당\s*시").search(quote) is not None


def supported_fields(quote: str, values: dict[str, Any], matchers: dict[str, Matcher]) -> list[str]:
    """The names of `values` that `quote` states."""
    found = []
    for name, match in matchers.items():
        value = values.get(name)
        if value in (None, "", []) or (isinstance(value, bool) and not value and name != "required"):
            continue
        if match(quote, value):
            found.append(name)
    return found
