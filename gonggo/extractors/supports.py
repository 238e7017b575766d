"""Record, once at extraction, which fields of its fact each evidence span states.

A funding row keeps the span of its cap and the span of its share; each span lists in
`supports` the fields it prints (`cap_krw`; `share_pct` with its `share_bound`). Consumers
(rule configs, review pages) read `supports` and never re-parse quotes.
"""

from __future__ import annotations

from typing import Any

from gonggo.schemas.announcement import (
    Announcement,
    Evidence,
    Funding,
)
from gonggo.vocab.states import (
    Matcher,
    states_budget_limit,
    states_date,
    states_money,
    states_months,
    states_number,
    states_required,
    states_rolling,
    states_text,
    supported_fields,
)

FUNDING: dict[str, Matcher] = {"cap_krw": states_money, "share_pct": states_number,
                               "payer_label": states_text,
                               "applicant_kinds": lambda q, v: any(states_text(q, k) for k in v)}
TRACK: dict[str, Matcher] = {"name": states_text, "target_level": states_text,
                             "duration_months": states_months, "extension_months": states_months}
WINDOW: dict[str, Matcher] = {"label": states_text, "opens": states_date, "closes": states_date,
                              "rolling": states_rolling,
                              "until_budget_exhausted": states_budget_limit}
DOCUMENT: dict[str, Matcher] = {"name": states_text, "required": states_required,
                                "validity_months": states_months, "condition": states_text}
CRITERION: dict[str, Matcher] = {"item": states_text, "points": states_number,
                                 "group": states_text}
CLAUSE: dict[str, Matcher] = {"text": states_text}


def _mark(spans: list[Evidence], values: dict[str, Any], matchers: dict[str, Matcher]) -> None:
    for span in spans:
        fields = supported_fields(span.quote, values, matchers)
        if "share_pct" in fields and values.get("share_bound"):
            fields.append("share_bound")  # a share's bound (`이내`) goes with its share
        span.supports = fields


def _values(fact: Any, names: dict[str, Matcher]) -> dict[str, Any]:
    out = {}
    for name in names:
        value = getattr(fact, name)
        out[name] = value.isoformat() if hasattr(value, "isoformat") else value
    if isinstance(fact, Funding):
        out["share_bound"] = fact.share_bound
    return out


def record_supports(spec: Announcement) -> Announcement:
    for program in spec.programs:
        for t in program.tracks:
            _mark(t.evidence, _values(t, TRACK), TRACK)
            for f in t.funding:
                _mark(f.evidence, _values(f, FUNDING), FUNDING)
        for w in program.windows:
            _mark(w.evidence, _values(w, WINDOW), WINDOW)
        for d in program.documents:
            _mark(d.evidence, _values(d, DOCUMENT), DOCUMENT)
        for c in program.evaluation + program.bonus_points:
            _mark(c.evidence, _values(c, CRITERION), CRITERION)
        for clause in program.eligibility + program.exclusions + program.obligations:
            _mark(clause.evidence, {"text": clause.text}, CLAUSE)
    return spec


__all__ = ["record_supports"]
