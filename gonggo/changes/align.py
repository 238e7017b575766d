"""Which program of last year's announcement each program of this year's continues, which
track each track continues (renames, splits, merges), and which list item each item is.

Every pairing keeps its score and a reason a person can read in the report.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import regex

from gonggo.changes.similarity import (
    Similarity,
    bigram_dice,
    bigrams,
    lexical_similarity,
    light_similarity,
    morpheme_similarity,
    stem_letters,
    undecided,
)
from gonggo.schemas.announcement import Funding, Program, Track

T = TypeVar("T")

PROGRAM_THRESHOLD = 0.3
TRACK_THRESHOLD = 0.3
# A track left over after the first pass continues one left over on the other side when
# they share at least one term (a name bigram, a cap, a share, a period): 0.15 per term.
TRACK_LEFTOVER_THRESHOLD = 0.15
ITEM_THRESHOLD = 0.45
# The only item left on each side of a list is the same item rewritten when this close.
ITEM_LEFTOVER_THRESHOLD = 0.3


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


def align_matrix(old: Sequence[T], new: Sequence[T], scores: Sequence[Sequence[float]],
                 threshold: float, what: str = "similarity",
                 gate: Sequence[Sequence[float]] | None = None) -> list[Pair[T]]:
    """Greedy best-first pairing on a score matrix; unpaired items come back as added / removed.

    `gate`, when given, is a second matrix that must reach `threshold` (the score only ranks).
    The result follows the new document's order, with removed items after the new item that
    follows them in the old order.
    """
    gate = gate or scores
    ranked = sorted(((scores[i][j], i, j) for i in range(len(old)) for j in range(len(new))),
                    key=lambda t: (-t[0], t[1], t[2]))
    old_to_new: dict[int, tuple[int, float]] = {}
    used_new: set[int] = set()
    for s, i, j in ranked:
        if gate[i][j] < threshold or i in old_to_new or j in used_new:
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
            _insert_removed(pairs, Pair(item, None, 0.0, "no counterpart this time", i, None))
    return pairs


def _insert_removed(pairs: list[Pair[T]], removed: Pair[T]) -> None:
    """Place a removed item after the pair of the previous old item that survived."""
    i = removed.old_index or 0
    at = next((k + 1 for k in range(len(pairs) - 1, -1, -1)
               if (pairs[k].old_index if pairs[k].old_index is not None else i) < i), 0)
    pairs.insert(at, removed)


def align(old: Sequence[T], new: Sequence[T], score: Callable[[T, T], float],
          threshold: float, what: str = "similarity",
          refine: Callable[[T, T, float], float | None] | None = None) -> list[Pair[T]]:
    """`align_matrix` of `score`. With `refine(o, n, score)`, a pair the greedy pass reaches
    with both sides still free is first re-scored by it (None: the score stands); the pass
    then goes on in the order of the refined scores."""
    matrix = [[score(o, n) for n in new] for o in old]
    if refine is not None:
        _refine_greedy(old, new, matrix, threshold, refine)
    return align_matrix(old, new, matrix, threshold, what)


def _refine_greedy(old: Sequence[T], new: Sequence[T], matrix: list[list[float]],
                   threshold: float, refine: Callable[[T, T, float], float | None]) -> None:
    """Refine, in place, the scores `align_matrix`'s greedy pass would decide a pair by."""
    heap = [(-matrix[i][j], i, j) for i in range(len(old)) for j in range(len(new))]
    heapq.heapify(heap)
    done: set[tuple[int, int]] = set()
    used_old: set[int] = set()
    used_new: set[int] = set()
    while heap:
        s, i, j = heapq.heappop(heap)
        if i in used_old or j in used_new:
            continue
        if (i, j) not in done:
            done.add((i, j))
            better = refine(old[i], new[j], -s)
            if better is not None and better != -s:
                matrix[i][j] = better
                heapq.heappush(heap, (-better, i, j))
                continue
        if -s < threshold:
            continue  # not paired now, but a pair below it may still be refined above
        used_old.add(i)
        used_new.add(j)


def pair_leftovers(pairs: list[Pair[T]], score: Callable[[T, T], float], threshold: float,
                   why: str, only_one: bool = False) -> list[Pair[T]]:
    """Second pass over what the first left unpaired, at a lower threshold.

    With `only_one`, only when exactly one item is left on each side.
    """
    added = [p for p in pairs if p.kind == "added"]
    removed = [p for p in pairs if p.kind == "removed"]
    if not added or not removed or (only_one and (len(added), len(removed)) != (1, 1)):
        return pairs
    ranked = sorted(((score(r.old, a.new), k, m)  # type: ignore[arg-type]
                     for k, r in enumerate(removed) for m, a in enumerate(added)),
                    key=lambda t: (-t[0], t[1], t[2]))
    used_r: set[int] = set()
    used_a: set[int] = set()
    for s, k, m in ranked:
        if s < threshold or k in used_r or m in used_a:
            continue
        used_r.add(k)
        used_a.add(m)
        r, a = removed[k], added[m]
        pairs.remove(r)
        a.old, a.old_index, a.score = r.old, r.old_index, s
        a.reason = f"{why} ({s:.2f})"
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


def _name_terms(p: Program) -> Counter[str]:
    return Counter(bigrams(p.name))


def _content_terms(p: Program) -> Counter[str]:
    """Bigrams of every text the program states, and its exact identifiers (phones, sites, caps)."""
    terms: Counter[str] = Counter()
    texts = [t.name or "" for t in p.tracks]
    texts += [c.text for c in p.eligibility + p.exclusions + p.obligations]
    texts += [d.name for d in p.documents] + [c.item for c in p.evaluation + p.bonus_points]
    for text in texts:
        terms.update(bigrams(text))
    terms.update(f"tel:{c.phone}" for c in p.contacts if c.phone)
    terms.update(f"mail:{c.email}" for c in p.contacts if c.email)
    terms.update(f"url:{u}" for u in p.submission.urls)
    terms.update(f"mail:{e}" for e in p.submission.emails)
    terms.update(f"cap:{f.cap_krw}" for t in p.tracks for f in t.funding if f.cap_krw)
    return terms


def tfidf_cosines(old: Sequence[Counter[str]], new: Sequence[Counter[str]]) -> list[list[float]]:
    """Cosine of TF-IDF vectors, IDF over both sides: words every program shares weigh little."""
    docs = list(old) + list(new)
    df: Counter[str] = Counter(t for d in docs for t in d)

    def vector(d: Counter[str]) -> dict[str, float]:
        v = {t: (1 + math.log(c)) * math.log(1 + len(docs) / df[t]) for t, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    vo, vn = [vector(d) for d in old], [vector(d) for d in new]
    return [[sum(x * b.get(t, 0.0) for t, x in a.items()) for b in vn] for a in vo]


def program_scores(old: Sequence[Program], new: Sequence[Program]
                   ) -> tuple[list[list[float]], list[list[float]]]:
    """(plain similarity, ranking score) for every pair.

    The plain name-and-content similarity decides whether two programs can be the same; the
    ranking adds how much of what is distinctive of each program (within both announcements)
    they share, so that in a master announcement of ten programs that all say 스마트공장, the
    one with the same tracks, documents, phone numbers and name words wins.
    """
    plain = [[program_similarity(o, n) for n in new] for o in old]
    names = tfidf_cosines([_name_terms(p) for p in old], [_name_terms(p) for p in new])
    content = tfidf_cosines([_content_terms(p) for p in old], [_content_terms(p) for p in new])
    rank = [[0.5 * plain[i][j] + 0.25 * names[i][j] + 0.25 * content[i][j]
             for j in range(len(new))] for i in range(len(old))]
    return plain, rank


def align_programs(old: Sequence[Program], new: Sequence[Program]) -> list[Pair[Program]]:
    plain, rank = program_scores(old, new)
    pairs = align_matrix(old, new, rank, PROGRAM_THRESHOLD,
                         "name, content and distinctive words", gate=plain)
    for p in pairs:
        if p.old_index is not None and p.new_index is not None:
            p.reason += f" (name and content {plain[p.old_index][p.new_index]:.2f})"
    return pairs


def continued_pairs(old: Sequence[Program], new: Sequence[Program]) -> list[Pair[Program]]:
    """Only the programs that continue (a one-program call against a master announcement)."""
    return [p for p in align_programs(old, new) if p.kind == "matched"]


# Tracks -----------------------------------------------------------------------------------

def government(t: Track) -> Funding | None:
    return next((f for f in t.funding if f.payer == "government"), None)


def shared_terms(old: Track, new: Track) -> int:
    """How many of the terms printed for both tracks are equal."""
    og, ng = government(old), government(new)
    pairs = [(old.duration_months, new.duration_months),
             (old.extension_months, new.extension_months),
             (old.target_level, new.target_level),
             (og.cap_krw if og else None, ng.cap_krw if ng else None),
             ((og.share_pct, og.share_bound) if og and og.share_pct is not None else None,
              (ng.share_pct, ng.share_bound) if ng and ng.share_pct is not None else None)]
    return sum(a is not None and a == b for a, b in pairs)


def track_similarity(old: Track, new: Track) -> float:
    name = bigram_dice(old.name or "", new.name or "") if (old.name or new.name) else 1.0
    return min(1.0, name + 0.15 * shared_terms(old, new))


def align_tracks(old: Sequence[Track], new: Sequence[Track]) -> list[Pair[Track]]:
    pairs = align(old, new, track_similarity, TRACK_THRESHOLD, "track name / terms similarity")
    pairs = pair_leftovers(pairs, track_similarity, TRACK_LEFTOVER_THRESHOLD,
                           "left over on both sides, sharing terms")
    for p in pairs:
        if p.old is not None and p.new is not None and (p.old.name or "") != (p.new.name or ""):
            p.reason += f": renamed {p.old.name} → {p.new.name}"
    return pairs


# List items -------------------------------------------------------------------------------

def align_items(old: Sequence[T], new: Sequence[T], text: Callable[[T], str],
                similarity: Similarity = lexical_similarity,
                rewrites: bool = False) -> list[Pair[T]]:
    """Items by text similarity. With `rewrites` (clauses: conditions written as sentences),
    the only clause left on each side is the same condition rewritten when close enough;
    named things (documents, criteria, contacts) are never paired that way."""
    def score(o: T, n: T) -> float:
        return similarity(text(o), text(n))

    if similarity is lexical_similarity:
        # light scores for all pairs; kiwipiepy only for a pair the greedy pass is about to
        # decide whose light score is within `similarity.BAND` of the threshold
        def refine(o: T, n: T, light: float) -> float | None:
            a, b = text(o), text(n)
            return morpheme_similarity(a, b) if undecided(a, b, light, (ITEM_THRESHOLD,)) else None

        pairs = align(old, new, lambda o, n: light_similarity(text(o), text(n)), ITEM_THRESHOLD,
                      "text similarity", refine)
    else:
        pairs = align(old, new, score, ITEM_THRESHOLD, "text similarity")
    if not rewrites:
        return pairs
    pairs = pair_by_topic(pairs, text)
    return pair_leftovers(pairs, score, ITEM_LEFTOVER_THRESHOLD,
                          "the only clause left on each side, text similarity", only_one=True)


# A clause labelled with its topic (`(수준확인) 주관기관에서 지원한 … 구축 완료시점에서 스마트공장
# 수준확인`): the label's words, particles aside, of three letters or more
TOPIC_LABEL = regex.compile(r"^\s*[(（]\s*([\p{Hangul}\s]{2,12}?)\s*[)）]")
MIN_TOPIC = 3


def pair_by_topic(pairs: list[Pair[T]], text: Callable[[T], str]) -> list[Pair[T]]:
    """A clause left unpaired whose label names its topic continues the one clause left on the
    other side that states that topic in its own words, particles aside (`(수준확인) … 수준확인`
    (2021) / `구축완료 후 수준을 확인, 구축수준 미달 시 정부지원금 환수가능` (2026): a duty
    rewritten, its sanction added). Only when exactly one clause there states it (labelled with
    no other topic), and no other clause on this side names it."""
    def topic(item: T) -> str | None:
        m = TOPIC_LABEL.match(text(item))
        key = stem_letters(m[1]) if m else ""
        return key if len(key) >= MIN_TOPIC else None

    def body(item: T) -> str:
        m = TOPIC_LABEL.match(text(item))
        return stem_letters(text(item)[m.end() if m else 0:])

    for side, other in (("old", "new"), ("new", "old")):
        lone = [p for p in pairs if p.kind == ("removed" if side == "old" else "added")]
        rest = [p for p in pairs if p.kind == ("added" if side == "old" else "removed")]
        topics = [(p, t) for p in lone if (t := topic(getattr(p, side))) is not None]
        for p, t in topics:
            hits = [q for q in rest if t in body(getattr(q, other))
                    and topic(getattr(q, other)) in (None, t)]
            if len(hits) != 1 or sum(t2 == t for _, t2 in topics) != 1 or p not in pairs:
                continue
            q = hits[0]
            rest.remove(q)
            pairs.remove(q)
            for name in (other, f"{other}_index"):
                setattr(p, name, getattr(q, name))
            p.reason = f"the topic its label names ({text(getattr(p, side))[:12].strip()}…)"
    return pairs
