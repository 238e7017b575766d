"""Scores on the field corpus (`../shared/corpus`), dev and test split apart.

Gold: `corpus/field/gold/<file>.json` (corpus/field/GOLD_FIELD.md), split fixed in
`corpus/field/SPLIT.tsv` before any tuning. The test split is scored, never read while
changing rules.

Matching rules (printed in the report):
- header: `notice_no` (digits and letters only), `issuer` (bigram Dice ≥ 0.5),
  `announced_on` (equal date) — one item each when the gold states it;
- programs paired by name as in `score.py`; a program-less gold (not a support call) counts
  every predicted program as a false positive;
- tracks inside a program pair: when both sides have one track they pair; otherwise by name
  (bigram Dice ≥ 0.4, greedy); facts of unpaired tracks are misses / false positives;
- caps `(payer, cap_krw, cap_basis)` (once per track: a cap repeated on each applicant kind's
  row is one fact), shares `(payer, share_pct, share_bound, applicant
  kinds)` (kinds spelled as `vocab/applicants.py` does), durations `(duration_months,
  extension_months)` — multisets within paired tracks;
- budget `budget_krw`, awards `(count, approx)` per program;
- windows `(stage, opens date, closes, rolling, until_budget_exhausted)`;
- documents, exclusions by text (Dice ≥ 0.5, greedy); contacts by phone digits (every
  number an entry prints).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from gonggo.eval.score import Counts, fuzzy_counts, greedy_pairs, similarity
from gonggo.vocab.applicants import kinds_in
from gonggo.vocab.text import norm_key

ROOT = Path(__file__).resolve().parents[2]
FIELD = ROOT / "corpus" / "field"


def _shared_corpus() -> Path:
    """The shared corpus beside the checkout; a git worktree sits one level deeper."""
    env = os.environ.get("GONGGO_SHARED_CORPUS")
    if env:
        return Path(env)
    for up in ROOT.parents:
        if (up / "shared" / "corpus").is_dir():
            return up / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


SHARED_CORPUS = _shared_corpus()

FIELDS = ["header", "programs", "budget", "awards", "caps", "shares", "durations", "windows",
          "documents", "exclusions", "contacts"]
CORE = ["header", "awards", "caps", "shares", "durations", "windows", "documents",
        "exclusions", "contacts"]
NUMBERS = ("caps", "shares", "durations", "budget")
SETS = ("documents", "exclusions")
TRACK_MATCH = 0.4


@dataclass
class FieldScore:
    name: str
    split: str
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    grounded: int = 0
    spans: int = 0
    error: str | None = None


def multiset_counts(gold: Iterable[Any], pred: Iterable[Any]) -> Counts:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Counts(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def _notice_key(text: str | None) -> str:
    return regex.sub(r"\D", "", text or "")


def header_counts(gold: dict, pred: dict) -> Counts:
    c = Counts()
    checks: list[tuple[Any, Any, Callable[[Any, Any], bool]]] = [
        (gold.get("notice_no"), pred.get("notice_no"),
         lambda g, p: bool(p) and _notice_key(g) == _notice_key(p)),
        (gold.get("issuer"), pred.get("issuer"), lambda g, p: bool(p) and similarity(g, p) >= 0.5),
        (gold.get("announced_on"), pred.get("announced_on"), lambda g, p: g == p),
    ]
    for g, p, same in checks:
        if g:
            if same(g, p):
                c.tp += 1
            else:
                c.fn += 1
                c.fp += bool(p)
        elif p:
            c.fp += 1
    return c


def _kinds(f: dict) -> tuple[str, ...]:
    """Applicant kinds in canonical spelling (`공기업･대기업` = `대기업, 공기업`); a phrase the
    vocabulary does not know counts by its own key."""
    out: set[str] = set()
    for k in f.get("applicant_kinds") or []:
        out.update(kinds_in(k) or (norm_key(k),))
    return tuple(sorted(out))


def _num(x: Any) -> float | None:
    return None if x is None else float(x)


def track_items(track: dict) -> dict[str, list[Any]]:
    funding = track.get("funding") or []
    dur = (track.get("duration_months"), track.get("extension_months"))
    return {
        # a cap repeated on each applicant kind's row (`50% 이하` … under one `2,133백만원 이내/년`)
        # is one fact of the track: caps count once per (payer, amount, basis)
        "caps": sorted({(f.get("payer"), f["cap_krw"], f.get("cap_basis") or "per_award")
                        for f in funding if f.get("cap_krw") is not None}, key=str),
        "shares": [(f.get("payer"), _num(f["share_pct"]), f.get("share_bound"), _kinds(f))
                   for f in funding if f.get("share_pct") is not None],
        "durations": [dur] if any(x is not None for x in dur) else [],
    }


def _track_pairs(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    if len(gold) == 1 and len(pred) == 1:
        return [(0, 0)]
    pairs = greedy_pairs(gold, pred, lambda g, p: similarity(g.get("name") or "",
                                                             p.get("name") or ""), TRACK_MATCH)
    return [(i, j) for i, j, _ in pairs]


def _phones(contacts: list[dict]) -> list[str]:
    out = []
    for c in contacts or []:
        numbers = list(c.get("phones") or []) or ([c["phone"]] if c.get("phone") else [])
        out += [regex.sub(r"\D", "", n) for n in numbers]
        if not numbers and c.get("email"):
            out.append(c["email"].lower())
    return sorted({n for n in out if n})


def _window(w: dict) -> tuple:
    def day(x: Any) -> Any:
        return x[:10] if isinstance(x, str) and "T" not in x else x
    return (w.get("stage") or "application", day(w.get("opens")), day(w.get("closes")),
            bool(w.get("rolling")), bool(w.get("until_budget_exhausted")))


def _awards(a: dict | None) -> list[tuple]:
    return [(a["count"], bool(a.get("approx")))] if a and a.get("count") is not None else []


def program_counts(g: dict, p: dict, result: FieldScore) -> None:
    f = result.fields
    gt, pt = g.get("tracks") or [], p.get("tracks") or []
    pairs = _track_pairs(gt, pt)
    seen_g, seen_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        gi, pi = track_items(gt[i]), track_items(pt[j])
        for name in ("caps", "shares", "durations"):
            f[name].add(multiset_counts(gi[name], pi[name]))
    for i, t in enumerate(gt):
        if i not in seen_g:
            for name, items in track_items(t).items():
                f[name].fn += len(items)
    for j, t in enumerate(pt):
        if j not in seen_p:
            for name, items in track_items(t).items():
                f[name].fp += len(items)
    if "budget_krw" in g:
        f["budget"].add(multiset_counts([g["budget_krw"]] if g.get("budget_krw") else [],
                                        [p["budget_krw"]] if p.get("budget_krw") else []))
    f["awards"].add(multiset_counts(_awards(g.get("awards")), _awards(p.get("awards"))))
    f["windows"].add(multiset_counts([_window(w) for w in g.get("windows") or []],
                                     [_window(w) for w in p.get("windows") or []]))
    for name in SETS:
        if name in g:
            key = "name" if name == "documents" else "text"
            f[name].add(fuzzy_counts([x[key] for x in g.get(name) or []],
                                     [x[key] for x in p.get(name) or []]))
    if "contacts" in g:
        f["contacts"].add(multiset_counts(_phones(g.get("contacts")), _phones(p.get("contacts"))))


def score_document(gold: dict, pred: dict, name: str, split: str) -> FieldScore:
    result = FieldScore(name=name, split=split)
    result.fields["header"] = header_counts(gold, pred)
    gp, pp = gold.get("programs") or [], pred.get("programs") or []
    if len(gp) == 1 and len(pp) == 1:
        pairs = [(0, 0, 1.0)]
    else:
        pairs = greedy_pairs(gp, pp, lambda g, p: similarity(g["name"], p["name"]), 0.3)
    result.fields["programs"] = Counts(tp=len(pairs), fp=len(pp) - len(pairs),
                                       fn=len(gp) - len(pairs))
    for i, j, _ in pairs:
        program_counts(gp[i], pp[j], result)
    empty: dict = {"tracks": [], "windows": [], "documents": [], "exclusions": [], "contacts": []}
    for i, g in enumerate(gp):
        if i not in {a for a, _, _ in pairs}:
            program_counts(g, {**empty, "name": ""}, result)
    for j, p in enumerate(pp):
        if j not in {b for _, b, _ in pairs}:
            program_counts({**{k: [] for k in SETS}, "contacts": [], "budget_krw": None,
                            "name": ""}, p, result)
    return result


def load_split(path: Path = FIELD / "SPLIT.tsv") -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "file\t")) or not line.strip():
            continue
        file, split, *_ = line.split("\t")
        out[file] = split
    return out


def load_field_gold(folder: Path = FIELD / "gold") -> list[tuple[str, dict]]:
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def totals(scores: list[FieldScore]) -> dict[str, Counts]:
    out = {f: Counts() for f in FIELDS}
    for s in scores:
        for f, c in s.fields.items():
            out[f].add(c)
    return out


def core(counts: dict[str, Counts]) -> Counts:
    c = Counts()
    for f in CORE:
        c.add(counts[f])
    return c


def markdown(scores: list[FieldScore]) -> list[str]:
    lines = ["## Field corpus (`../shared/corpus`), split fixed before tuning", ""]
    for split in ("test", "dev"):
        part = [s for s in scores if s.split == split]
        if not part:
            continue
        t = totals(part)
        c = core(t)
        g, n = sum(s.grounded for s in part), sum(s.spans for s in part)
        lines += [f"### {split} ({len(part)} documents)", "",
                  (f"Core-fact recall **{_fmt(c.recall)}**, precision {_fmt(c.precision)} "
                  f"({c.tp} found, {c.fn} missed, {c.fp} extra); grounded spans {g}/{n}."), "",
                  "| field | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
        for f, x in t.items():
            lines.append(f"| {f} | {_fmt(x.precision)} | {_fmt(x.recall)} | {_fmt(x.f1)} | "
                         f"{x.tp} | {x.fp} | {x.fn} |")
        lines += ["", "| document | core recall | core precision | caps P | error |",
                  "|---|---|---|---|---|"]
        for s in part:
            cc = core(s.fields)
            lines.append(f"| {s.name} | {_fmt(cc.recall)} | {_fmt(cc.precision)} | "
                         f"{_fmt(s.fields['caps'].precision)} | {s.error or ''} |")
        lines.append("")
    lines += ["### How field facts are matched", "", (__doc__ or "").strip(), ""]
    return lines
