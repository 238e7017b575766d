"""The changes an announcement declares (`주요 변경사항`), checked against the diff.

A declared change reads `program / aspect: before ⇨ after` (the topic names the program and
what changed). It is confirmed when a change the diff found says the same thing:

- a new program (`… 사업 신규 추진`, `… 신설`) by a program the diff reports as added whose
  distinctive name words the declaration prints;
- any other fact by a change in the program the topic names whose new text the declaration
  prints (`코로나19 대응` in `코로나19 대응 관련 … 가점(5점) 추가`) or whose new amount it
  prints (`0.18억원` for 18000000), and whose points, when it has points, are the ones the
  declaration prints (`5점`).
"""

from __future__ import annotations

from typing import Any

import regex

from gonggo.changes.similarity import bigrams
from gonggo.schemas.announcement import Announcement, DeclaredChange
from gonggo.schemas.changes import Change
from gonggo.vocab.text import compiled

TEXT_COVERED = 0.6  # share of a change's text bigrams that the declaration must print
PROGRAM_COVERED = 0.7  # share of the topic's program words found in the program name
# Words nearly every program name of these announcements carries: they tell no program apart.
_GENERIC_NAME_WORDS = regex.compile(r"스마트\s*공장|사업|지원|모집|운영|공고|\d+\s*년도?")
_NEW_PROGRAM = regex.compile(r"신규|신설")
_POINTS = regex.compile(r"(\d+(?:\.\d+)?)\s*점")


def covered(part: str, whole: str) -> float:
    """Share of `part`'s character bigrams that occur in `whole`."""
    p, w = bigrams(part), set(bigrams(whole))
    return sum(b in w for b in p) / len(p) if p else 0.0


def declared_text(d: DeclaredChange) -> str:
    return d.after or d.before or (d.evidence[-1].quote if d.evidence else "")


def _distinctive_name(name: str) -> str:
    return _GENERIC_NAME_WORDS.sub(" ", compiled(r"[()]").sub(" ", name)).strip()


def _resolve(spec: dict[str, Any], path: str | None) -> Any:
    from jsonpointer import resolve_pointer

    return resolve_pointer(spec, path, None) if path else None


def _change_text(ch: Change, side: str) -> str:
    value = getattr(ch, side)
    if isinstance(value, str):
        return value
    evidence = ch.new_evidence if side == "new" else ch.old_evidence
    return " ".join(e.quote for e in evidence)


def confirms(d: DeclaredChange, ch: Change, spec: dict[str, Any]) -> bool:
    said = declared_text(d)
    if not said:
        return False
    program, _, aspect = (d.topic or "").partition(" / ")
    if ch.field == "program":
        name = _distinctive_name(ch.new or "")
        return (ch.kind == "added" and bool(_NEW_PROGRAM.search(f"{aspect} {said}"))
                and bool(name) and covered(name, said) >= TEXT_COVERED)
    if not program or covered(program, ch.program) < PROGRAM_COVERED:
        return False
    side = "old" if ch.kind == "removed" else "new"
    against = (d.before or "") if side == "old" else said
    text_matches = covered(_change_text(ch, side), against) >= TEXT_COVERED
    value = getattr(ch, side)
    amount_matches = False
    if isinstance(value, int) and not isinstance(value, bool) and value >= 10000:
        from gonggo.vocab.money import find_amounts  # its patterns compile on first use

        amount_matches = value in {a.krw for a in find_amounts(against)}
    if not (text_matches or amount_matches):
        return False
    fact = _resolve(spec, ch.new_path if side == "new" else None)
    printed = {float(p) for p in _POINTS.findall(against)}
    if isinstance(fact, dict) and fact.get("points") is not None and printed:
        return float(fact["points"]) in printed
    return True


def check_declared(new: Announcement, changes: list[Change]) -> list[dict[str, Any]]:
    """The announcement's own list of changes, each marked confirmed or not by the diff."""
    if not new.declared_changes:
        return []
    spec = new.model_dump(mode="json")
    out = []
    for d in new.declared_changes:
        hits = [ch for ch in changes if confirms(d, ch, spec)]
        out.append({"topic": d.topic, "before": d.before, "after": d.after,
                    "confirmed": bool(hits),
                    "confirmed_by": [f"{ch.field} ({ch.kind}): {ch.track or ch.program}"
                                     for ch in hits[:3]],
                    "evidence": [e.model_dump() for e in d.evidence]})
    return out
