"""Field-level precision / recall / F1 against the gold in `corpus/gold/` (GROBID style).

Matching rules (also printed in every report):
- programs are paired by name similarity (character-bigram Dice over `norm_key`, ≥ 0.3,
  greedy best-first); a file with one program on both sides pairs them directly;
- numbers are compared exactly: windows by (opens, closes, rolling, until_budget_exhausted);
  caps by (track, payer, cap_krw); shares by (track, payer, share_pct, share_bound);
  durations by (track, duration_months, extension_months); awards by (count, approx);
  contacts by phone digits (or e-mail when no phone);
- tracks are named by `norm_key(name)`; a program with one track on a side uses "" for it;
- set-valued text fields (documents, exclusions, eligibility) are paired by Dice similarity
  ≥ 0.5 of their normalised text, greedy best-first; evaluation criteria additionally need
  equal points.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gonggo.vocab.text import char_bigrams, dice, norm_key

FIELDS = ["programs", "windows", "caps", "shares", "durations", "awards", "documents",
          "exclusions", "eligibility", "evaluation", "contacts"]
PROGRAM_MATCH = 0.3
TEXT_MATCH = 0.5


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    name: str
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    pairs: list[tuple[str, str, float]] = field(default_factory=list)
    grounded: int = 0
    spans: int = 0


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams of the normalised texts."""
    return dice(char_bigrams(a), char_bigrams(b))


def greedy_pairs(gold: list[Any], pred: list[Any], sim: Callable[[Any, Any], float],
                 threshold: float) -> list[tuple[int, int, float]]:
    scored = sorted(((sim(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
                    reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for s, i, j in scored:
        if s < threshold or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j, s))
    return pairs


def set_counts(gold: Iterable[Any], pred: Iterable[Any]) -> Counts:
    g, p = set(gold), set(pred)
    return Counts(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def fuzzy_counts(gold: list[str], pred: list[str], threshold: float = TEXT_MATCH,
                 sim: Callable[[Any, Any], float] = similarity) -> Counts:
    n = len(greedy_pairs(gold, pred, sim, threshold))
    return Counts(tp=n, fp=len(pred) - n, fn=len(gold) - n)


def _track_key(program: dict, track: dict) -> str:
    return "" if len(program.get("tracks") or []) <= 1 else norm_key(track.get("name") or "")


def _num(x: Any) -> float | None:
    return None if x is None else float(x)


def field_items(program: dict) -> dict[str, list[Any]]:
    tracks = program.get("tracks") or []
    funding = [(_track_key(program, t), f) for t in tracks for f in t.get("funding") or []]
    awards = program.get("awards")
    return {
        "windows": [(w.get("opens"), w.get("closes"), bool(w.get("rolling")),
                     bool(w.get("until_budget_exhausted"))) for w in program.get("windows") or []],
        "caps": [(k, f["payer"], f["cap_krw"]) for k, f in funding if f.get("cap_krw") is not None],
        "shares": [(k, f["payer"], _num(f["share_pct"]), f.get("share_bound"))
                   for k, f in funding if f.get("share_pct") is not None],
        "durations": [(_track_key(program, t), t.get("duration_months"), t.get("extension_months"))
                      for t in tracks
                      if t.get("duration_months") is not None or t.get("extension_months") is not None],
        "awards": [(awards["count"], bool(awards.get("approx")))] if awards else [],
        "documents": [d["name"] for d in program.get("documents") or []],
        "exclusions": [c["text"] for c in program.get("exclusions") or []],
        "eligibility": [c["text"] for c in program.get("eligibility") or []],
        "evaluation": [(c["item"], _num(c.get("points"))) for c in program.get("evaluation") or []],
        "contacts": [_contact_key(c) for c in program.get("contacts") or [] if _contact_key(c)],
    }


def _contact_key(contact: dict) -> str | None:
    phone = "".join(ch for ch in contact.get("phone") or "" if ch.isdigit())
    return phone or (contact.get("email") or "").lower() or None


def _criterion_sim(g: tuple[str, float | None], p: tuple[str, float | None]) -> float:
    return similarity(g[0], p[0]) if g[1] == p[1] else 0.0


def score_programs(gold: dict, pred: dict, name: str, scored: Iterable[str] | None = None
                   ) -> DocumentScore:
    """Score one document's predicted announcement (a JSON dict) against its gold."""
    result = DocumentScore(name=name)
    g_programs, p_programs = gold.get("programs") or [], pred.get("programs") or []
    if len(g_programs) == 1 and len(p_programs) == 1:
        pairs = [(0, 0, similarity(g_programs[0]["name"], p_programs[0]["name"]))]
    else:
        pairs = greedy_pairs(g_programs, p_programs,
                             lambda g, p: similarity(g["name"], p["name"]), PROGRAM_MATCH)
    result.fields["programs"] = Counts(tp=len(pairs), fp=len(p_programs) - len(pairs),
                                       fn=len(g_programs) - len(pairs))
    matched_g = {i for i, _, _ in pairs}
    matched_p = {j for _, j, _ in pairs}
    fields = [f for f in FIELDS if f != "programs" and (scored is None or f in scored)]
    for i, j, s in pairs:
        result.pairs.append((g_programs[i]["name"], p_programs[j]["name"], round(s, 2)))
        g_items, p_items = field_items(g_programs[i]), field_items(p_programs[j])
        for f in fields:
            if f not in _gold_fields(g_programs[i]):
                continue  # the gold writer did not score this field for this program
            result.fields[f].add(_compare(f, g_items[f], p_items[f]))
    for i, g in enumerate(g_programs):
        if i not in matched_g:
            for f, items in field_items(g).items():
                if f in fields:
                    result.fields[f].fn += len(items)
    for j, p in enumerate(p_programs):
        if j not in matched_p:
            for f, items in field_items(p).items():
                if f in fields:
                    result.fields[f].fp += len(items)
    return result


_SOURCE_KEYS = {
    "windows": ("windows",), "caps": ("tracks",), "shares": ("tracks",),
    "durations": ("tracks",), "awards": ("awards",), "documents": ("documents",),
    "exclusions": ("exclusions",), "eligibility": ("eligibility",),
    "evaluation": ("evaluation",), "contacts": ("contacts",),
}


def _gold_fields(program: dict) -> set[str]:
    return {f for f, keys in _SOURCE_KEYS.items() if all(k in program for k in keys)}


def _compare(f: str, gold: list[Any], pred: list[Any]) -> Counts:
    if f in ("documents", "exclusions", "eligibility"):
        return fuzzy_counts(gold, pred)
    if f == "evaluation":
        return fuzzy_counts(gold, pred, sim=_criterion_sim)
    return set_counts(gold, pred)


def grounded_spans(pred: Any, text: str) -> tuple[int, int]:
    """(grounded, total) evidence spans anywhere in a predicted announcement dict."""
    grounded = total = 0
    stack = [pred]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if {"start", "end", "quote"} <= node.keys():
                total += 1
                grounded += text[node["start"] : node["end"]] == node["quote"]
                continue
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return grounded, total


def load_gold(corpus: Path) -> list[tuple[Path, dict]]:
    out = []
    for path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append((corpus / gold["document"], gold))
    return out
