"""Which value of a rule each evidence span is the evidence for.

A spec keeps evidence per fact (a funding row has the span of its cap and the span of its
share). A rule config keeps it per value: every span lists, in `supports`, the names of the
values it states, found by reading the quote back (`0.18억원` states a cap of 18000000, `30%` a
share of 30, `최대 3개월` an extension of 3). A value no span states is backed only by the
rule's spans as a whole (a ○ in a submitter column has no words to point at).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import regex

from gonggo.export.clauses import sizes as clause_sizes
from gonggo.schemas.announcement import Evidence
from gonggo.schemas.rule_config import EvidenceRef
from gonggo.vocab.money import find_amounts
from gonggo.vocab.text import compiled

Matcher = Callable[[str, Any], bool]

_NUMBER = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_MONTHS = regex.compile(r"(\d+)\s*(개월|년)")
_NOISE = regex.compile(r"[\s\p{P}\p{S}]+")


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


def states_size(quote: str, value: Any) -> bool:
    return bool(set(clause_sizes(quote)) & set(value))


def states_date(quote: str, value: Any) -> bool:
    """The month and day of an ISO timestamp printed in the quote (`4월 8일`, `1. 22`, `06. 15.`)."""
    when = datetime.fromisoformat(str(value))
    rx = rf"(?<!\d)0?{when.month}\s*(?:월|\.|/)\s*0?{when.day}(?!\d)"
    return regex.search(rx, quote) is not None


def states_rolling(quote: str, value: Any) -> bool:
    return bool(value) and compiled(r"수시|상시").search(quote) is not None


def states_budget_limit(quote: str, value: Any) -> bool:
    return bool(value) and "소진" in quote


def states_required(quote: str, value: Any) -> bool:
    return regex.search(r"필수" if value else r"선택|해당\s*시", quote) is not None


PAYER: dict[str, Matcher] = {"cap_krw": states_money, "share_pct": states_number,
                             "share_bound": lambda q, v: False, "label": states_text}
TRACK: dict[str, Matcher] = {"name": states_text, "target_level": states_text,
                             "max_duration_months": states_months,
                             "max_extension_months": states_months}
WINDOW: dict[str, Matcher] = {"label": states_text, "opens_at": states_date,
                              "closes_at": states_date, "rolling": states_rolling,
                              "until_budget_exhausted": states_budget_limit}
CLAUSE: dict[str, Matcher] = {"text": states_text, "regions": lambda q, v: any(r in q for r in v),
                              "sizes": states_size,
                              "industries": lambda q, v: any(states_text(q, i) for i in v),
                              "applies_to": states_text}
DOCUMENT: dict[str, Matcher] = {"name": states_text, "required": states_required,
                                "validity_months": states_months, "condition": states_text}
SCORE: dict[str, Matcher] = {"item": states_text, "points": states_number, "group": states_text}


def supported_fields(quote: str, values: dict[str, Any], matchers: dict[str, Matcher]) -> list[str]:
    found = []
    for name, match in matchers.items():
        value = values.get(name)
        if value in (None, "", []) or (isinstance(value, bool) and not value and name != "required"):
            continue
        if match(quote, value):
            found.append(name)
    return found


def attribute(spans: Sequence[Evidence], values: dict[str, Any],
              matchers: dict[str, Matcher]) -> list[EvidenceRef]:
    """The spans, each with the values it states. A share's bound (`이내`) goes with its share."""
    refs = []
    for span in spans:
        fields = supported_fields(span.quote, values, matchers)
        if "share_pct" in fields and values.get("share_bound"):
            fields.append("share_bound")
        refs.append(EvidenceRef(**span.model_dump(), supports=fields))
    return refs


def unsupported(values: dict[str, Any], refs: Sequence[EvidenceRef],
                fields: Sequence[str]) -> list[str]:
    """Of `fields`, the ones with a value that no span supports."""
    backed = {f for r in refs for f in r.supports}
    return [f for f in fields if values.get(f) not in (None, "", [], False) and f not in backed]
