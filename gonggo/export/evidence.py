"""Which value of a rule each evidence span is the evidence for.

A spec records, at extraction, which of its fact's fields each span states
(`Evidence.supports`, in the spec's field names). A rule config keeps evidence per value
under the rule's own names, so this module only renames; values the config derives from a
clause's text (`sizes`, `regions`, `industries`, `applies_to`) are supported by the spans
they were derived from. A value no span states is backed only by the rule's spans as a whole
(a ○ in a submitter column has no words to point at).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from gonggo.schemas.announcement import Evidence
from gonggo.schemas.rule_config import EvidenceRef

# spec field → rule-config field, per rule kind
PAYER = {"cap_krw": "cap_krw", "share_pct": "share_pct", "share_bound": "share_bound",
         "payer_label": "label", "applicant_kinds": "applicant_kinds"}
TRACK = {"name": "name", "target_level": "target_level",
         "duration_months": "max_duration_months", "extension_months": "max_extension_months"}
WINDOW = {"label": "label", "opens": "opens_at", "closes": "closes_at", "rolling": "rolling",
          "until_budget_exhausted": "until_budget_exhausted"}
CLAUSE = {"text": "text"}
DOCUMENT = {"name": "name", "required": "required", "validity_months": "validity_months",
            "condition": "condition"}
SCORE = {"item": "item", "points": "points", "group": "group"}

Derive = Callable[[str], list[str]]


def attribute(spans: Sequence[Evidence], names: dict[str, str],
              derived: dict[str, Derive] | None = None) -> list[EvidenceRef]:
    """The spans, each with the rule values it states: the spec fields recorded at extraction,
    renamed, plus each derived value whose deriving function finds something in the span."""
    refs = []
    for span in spans:
        fields = [names[f] for f in span.supports if f in names]
        for name, derive in (derived or {}).items():
            if derive(span.quote):
                fields.append(name)
        data = span.model_dump(exclude={"supports"})
        refs.append(EvidenceRef(**data, supports=fields))
    return refs


def unsupported(values: dict[str, Any], refs: Sequence[EvidenceRef],
                fields: Sequence[str]) -> list[str]:
    """Of `fields`, the ones with a value that no span supports."""
    backed = {f for r in refs for f in r.supports}
    return [f for f in fields if values.get(f) not in (None, "", [], False) and f not in backed]
