"""Which program of last year's announcement each program of this year's continues, which
track each track continues (renames, splits, merges), and which list item each item is.

Every pairing keeps its score and a reason a person can read in the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from changes.similarity import Similarity, bigram_dice, lexical_similarity
from schemas.announcement import Program, Track

T = TypeVar("T")

PROGRAM_THRESHOLD = 0.3
TRACK_THRESHOLD = 0.3
ITEM_THRESHOLD = 0.45


@dataclass
class Pair(Generic[T]):
    old: T | None
    new: T | None
    score: float = 0.0
    reason: str = ""
    old_index: int | None = None
    new_index: int | None = None

    @property
    def kind(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "matched"


def align(old: Sequence[T], new: Sequence[T], score: Callable[[T, T], float],
          threshold: float, what: str = "similarity") -> list[Pair[T]]:
    """Greedy best-first pairing; unpaired items come back as added / removed pairs.

    The result follows the new document's order, with removed items after the new item
    that follows them in the old order.
    """
    scored = sorted(((score(o, n), i, j) for i, o in enumerate(old) for j, n in enumerate(new)),
                    key=lambda t: (-t[0], t[1], t[2]))
    old_to_new: dict[int, tuple[int, float]] = {}
    used_new: set[int] = set()
    for s, i, j in scored:
        if s < threshold or i in old_to_new or j in used_new:
            continue
        old_to_new[i] = (j, s)
        used_new.add(j)
    new_to_old = {j: (i, s) for i, (j, s) in old_to_new.items()}
    pairs: list[Pair[T]] = []
    for j, item in enumerate(new):
        if j in new_to_old:
            i, s = new_to_old[j]
            pairs.append(Pair(old[i], item, s, f"{what} {s:.2f}", i, j))
        else:
            pairs.append(Pair(None, item, 0.0, "no counterpart last time", None, j))
    for i, item in enumerate(old):
        if i not in old_to_new:
            # place it after the pair of the previous old item that survived
            at = next((k + 1 for k in range(len(pairs) - 1, -1, -1)
                       if pairs[k].old_index is not None and pairs[k].old_index < i), 0)
            pairs.insert(at, Pair(item, None, 0.0, "no counterpart this time", i, None))
    return pairs


# Programs ---------------------------------------------------------------------------------

def _program_words(p: Program) -> str:
    parts = [t.name or "" for t in p.tracks]
    parts += [c.text for c in p.eligibility + p.exclusions][:40]
    parts += [d.name for d in p.documents]
    return " ".join(parts)


def program_similarity(old: Program, new: Program) -> float:
    """Name first; content (tracks, clauses, documents) settles renamed programs."""
    name = max(bigram_dice(old.name, new.name), bigram_dice(old.key, new.key))
    content = bigram_dice(_program_words(old), _program_words(new))
    return max(name, 0.5 * name + 0.5 * content)


def align_programs(old: Sequence[Program], new: Sequence[Program]) -> list[Pair[Program]]:
    return align(old, new, program_similarity, PROGRAM_THRESHOLD, "name and content similarity")


def continued_pairs(old: Sequence[Program], new: Sequence[Program]) -> list[Pair[Program]]:
    """Only the programs that continue (a one-program call against a master announcement)."""
    return [p for p in align_programs(old, new) if p.kind == "matched"]


# Tracks -----------------------------------------------------------------------------------

def _gov_cap(t: Track) -> int | None:
    return next((f.cap_krw for f in t.funding if f.payer == "government" and f.cap_krw), None)


def track_similarity(old: Track, new: Track) -> float:
    name = bigram_dice(old.name or "", new.name or "") if (old.name or new.name) else 1.0
    same_terms = sum([
        old.duration_months is not None and old.duration_months == new.duration_months,
        _gov_cap(old) is not None and _gov_cap(old) == _gov_cap(new),
        old.target_level is not None and old.target_level == new.target_level,
    ])
    return min(1.0, name + 0.15 * same_terms)


def align_tracks(old: Sequence[Track], new: Sequence[Track]) -> list[Pair[Track]]:
    pairs = align(old, new, track_similarity, TRACK_THRESHOLD, "track name / terms similarity")
    for p in pairs:
        if p.old is not None and p.new is not None and (p.old.name or "") != (p.new.name or ""):
            p.reason += f": renamed {p.old.name} → {p.new.name}"
    added = [p for p in pairs if p.kind == "added"]
    removed = [p for p in pairs if p.kind == "removed"]
    if len(added) == 1 and len(removed) == 1:
        # One track left on each side: a rename (e.g. 긴급복구형 → 긴급AS), said as such.
        a, r = added[0], removed[0]
        pairs.remove(r)
        a.old, a.old_index = r.old, r.old_index
        a.score = track_similarity(r.old, a.new)  # type: ignore[arg-type]
        a.reason = f"the only track left on each side (similarity {a.score:.2f}): renamed"
    return pairs


# List items -------------------------------------------------------------------------------

def align_items(old: Sequence[T], new: Sequence[T], text: Callable[[T], str],
                similarity: Similarity = lexical_similarity) -> list[Pair[T]]:
    return align(old, new, lambda o, n: similarity(text(o), text(n)), ITEM_THRESHOLD,
                 "text similarity")
