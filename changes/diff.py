"""Fact-by-fact differences between two announcement specs.

Equal facts in different words are not changes (spacing, punctuation and particles are
ignored when comparing texts); a number that did not change is not a change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from changes.align import Pair, align, align_items, align_programs, align_tracks
from changes.similarity import Similarity, lexical_similarity, same_words
from schemas.announcement import Announcement, Evidence, Funding, Program, Track, Window
from schemas.changes import Change, ChangeSet, ProgramAlignment


class _Collector:
    def __init__(self, program: str, old_base: str, new_base: str) -> None:
        self.program = program
        self.old_base = old_base
        self.new_base = new_base
        self.changes: list[Change] = []
        self.unchanged = 0

    def compare(self, field: str, old: Any, new: Any, old_ev: list[Evidence],
                new_ev: list[Evidence], old_path: str, new_path: str, track: str | None = None,
                equal: Callable[[Any, Any], bool] | None = None) -> None:
        if old is None and new is None:
            return
        same = (equal or (lambda a, b: a == b))(old, new) if old is not None and new is not None \
            else False
        if same:
            self.unchanged += 1
            return
        kind = "added" if old is None else "removed" if new is None else "changed"
        self.changes.append(Change(program=self.program, track=track, field=field, kind=kind,
                                   old=old, new=new, old_evidence=old_ev, new_evidence=new_ev,
                                   old_path=self.old_base + old_path,
                                   new_path=self.new_base + new_path))

    def item(self, field: str, pair: Pair, value: Callable[[Any], Any], track: str | None,
             old_path: str, new_path: str, reason: bool = True) -> None:
        """An aligned list item: added, removed, or changed beyond wording."""
        o, n = pair.old, pair.new
        ch = Change(program=self.program, track=track, field=field, kind="changed",
                    old=value(o) if o is not None else None,
                    new=value(n) if n is not None else None,
                    old_evidence=o.evidence if o is not None else [],
                    new_evidence=n.evidence if n is not None else [],
                    old_path=(self.old_base + old_path)
                    if o is not None or old_path.endswith("/-") else None,
                    new_path=(self.new_base + new_path) if n is not None else None,
                    reason=pair.reason if reason else None)
        if o is None:
            ch.kind = "added"
        elif n is None:
            ch.kind = "removed"
        self.changes.append(ch)


def _text_equal(a: Any, b: Any) -> bool:
    return a == b or (isinstance(a, str) and isinstance(b, str) and same_words(a, b))


def _funding_key(f: Funding) -> str:
    return f.payer


def _diff_funding(c: _Collector, track: str | None, old: Sequence[Funding],
                  new: Sequence[Funding], op: str, np: str) -> None:
    pairs = align(old, new, lambda a, b: 1.0 if _funding_key(a) == _funding_key(b) else 0.0,
                  0.5, "same payer")
    for pair in pairs:
        o, n = pair.old, pair.new
        i = pair.old_index if pair.old_index is not None else len(old)
        j = pair.new_index if pair.new_index is not None else len(new)
        if o is None or n is None:
            c.item("funding", pair, lambda f: f.model_dump(exclude={"evidence", "source"}), track,
                   f"{op}/funding/{i if o is not None else '-'}", f"{np}/funding/{j}", False)
            continue
        for name in ("cap_krw", "share_pct", "share_bound"):
            c.compare(f"funding.{o.payer}.{name}", getattr(o, name), getattr(n, name), o.evidence,
                      n.evidence, f"{op}/funding/{i}/{name}", f"{np}/funding/{j}/{name}", track)


def _diff_tracks(c: _Collector, old: Sequence[Track], new: Sequence[Track]) -> None:
    for pair in align_tracks(old, new):
        o, n = pair.old, pair.new
        if o is None or n is None:
            track = (n or o).name  # type: ignore[union-attr]
            i = pair.old_index if o is not None else "-"
            c.item("tracks", pair, lambda t: t.model_dump(exclude={"evidence", "source"},
                                                          mode="json"), track,
                   f"/tracks/{i}", f"/tracks/{pair.new_index}")
            continue
        op, np = f"/tracks/{pair.old_index}", f"/tracks/{pair.new_index}"
        if (o.name or "") != (n.name or "") and not _text_equal(o.name or "", n.name or ""):
            c.changes.append(Change(program=c.program, track=n.name, field="tracks.name",
                                    kind="renamed", old=o.name, new=n.name,
                                    old_evidence=o.evidence, new_evidence=n.evidence,
                                    old_path=c.old_base + op + "/name",
                                    new_path=c.new_base + np + "/name", reason=pair.reason))
        for name in ("target_level", "duration_months", "extension_months"):
            c.compare(name, getattr(o, name), getattr(n, name), o.evidence, n.evidence,
                      f"{op}/{name}", f"{np}/{name}", n.name)
        _diff_funding(c, n.name, o.funding, n.funding, op, np)


def _window_text(w: Window) -> str:
    return f"{w.label or ''} {w.opens or ''}~{w.closes or ''}"


def _window_value(w: Window) -> dict[str, Any]:
    return w.model_dump(mode="json", exclude={"evidence", "source"})


def _diff_windows(c: _Collector, old: Sequence[Window], new: Sequence[Window]) -> None:
    def score(a: Window, b: Window) -> float:
        label = 1.0 if (a.label or "") == (b.label or "") else 0.3
        return 0.5 * label + 0.5 * (1.0 if set(a.tracks) == set(b.tracks) else 0.4)

    for pair in align(old, new, score, 0.3, "window label / tracks"):
        o, n = pair.old, pair.new
        if o is None or n is None:
            c.item("windows", pair, _window_value, None,
                   f"/windows/{pair.old_index if o is not None else '-'}",
                   f"/windows/{pair.new_index}")
            continue
        for name in ("opens", "closes", "rolling", "until_budget_exhausted"):
            ov, nv = getattr(o, name), getattr(n, name)
            ov = ov.isoformat() if hasattr(ov, "isoformat") else ov
            nv = nv.isoformat() if hasattr(nv, "isoformat") else nv
            if name in ("rolling", "until_budget_exhausted") and not ov and not nv:
                continue
            c.compare(f"windows.{name}", ov, nv, o.evidence, n.evidence,
                      f"/windows/{pair.old_index}/{name}", f"/windows/{pair.new_index}/{name}",
                      ", ".join(n.tracks) or None)


# list field → (text of an item, value reported, sub-fields compared on aligned items)
_LISTS: dict[str, tuple[Callable[[Any], str], tuple[str, ...]]] = {
    "eligibility": (lambda x: x.text, ()),
    "exclusions": (lambda x: x.text, ()),
    "obligations": (lambda x: x.text, ()),
    "documents": (lambda x: x.name, ("required", "validity_months", "condition", "submitters")),
    "evaluation": (lambda x: x.item, ("points",)),
    "bonus_points": (lambda x: x.item, ("points",)),
    "costs": (lambda x: x.item, ("amount_krw", "condition")),
    "contacts": (lambda x: f"{x.org or ''} {x.topic or ''} {x.phone or ''}", ("phone", "email")),
}


_MAIN_FIELD = {"documents": "name", "evaluation": "item", "bonus_points": "item", "costs": "item"}


def _diff_list(c: _Collector, field: str, old: Sequence[Any], new: Sequence[Any],
               similarity: Similarity) -> None:
    text, subfields = _LISTS[field]
    for pair in align_items(old, new, text, similarity):
        o, n = pair.old, pair.new
        if o is None or n is None:
            c.item(field, pair, text, None,
                   f"/{field}/{pair.old_index if o is not None else '-'}",
                   f"/{field}/{pair.new_index}")
            continue
        op, np = f"/{field}/{pair.old_index}", f"/{field}/{pair.new_index}"
        main = _MAIN_FIELD.get(field, "text")
        if field != "contacts":  # a contact is identified by its text; only its numbers change
            c.compare(f"{field}.{main}", text(o).strip(), text(n).strip(), o.evidence,
                      n.evidence, f"{op}/{main}", f"{np}/{main}", equal=_text_equal)
        for sub in subfields:
            c.compare(f"{field}.{sub}", getattr(o, sub), getattr(n, sub), o.evidence, n.evidence,
                      f"{op}/{sub}", f"{np}/{sub}", text(n)[:40])


def diff_programs(old: Program, new: Program, old_index: int, new_index: int,
                  similarity: Similarity = lexical_similarity) -> tuple[list[Change], int]:
    c = _Collector(new.name, f"/programs/{old_index}", f"/programs/{new_index}")
    _diff_tracks(c, old.tracks, new.tracks)
    oa, na = old.awards, new.awards
    c.compare("awards.count", oa.count if oa else None, na.count if na else None,
              oa.evidence if oa else [], na.evidence if na else [], "/awards/count",
              "/awards/count")
    if oa and na:
        c.compare("awards.approx", oa.approx, na.approx, oa.evidence, na.evidence,
                  "/awards/approx", "/awards/approx")
    _diff_windows(c, old.windows, new.windows)
    for name in ("channels", "urls", "emails"):
        ov, nv = sorted(getattr(old.submission, name)), sorted(getattr(new.submission, name))
        if ov or nv:
            c.compare(f"submission.{name}", ov or None, nv or None, old.submission.evidence,
                      new.submission.evidence, f"/submission/{name}", f"/submission/{name}")
    for field in _LISTS:
        _diff_list(c, field, getattr(old, field), getattr(new, field), similarity)
    return c.changes, c.unchanged


def diff(old: Announcement, new: Announcement,
         similarity: Similarity = lexical_similarity) -> ChangeSet:
    """All changes between the programs that continue from `old` to `new`.

    Against a master announcement, programs of the other side with no counterpart are listed
    in `alignments` but not reported as removed fact by fact.
    """
    pairs = align_programs(old.programs, new.programs)
    changes: list[Change] = []
    unchanged = 0
    alignments = []
    for pair in pairs:
        alignments.append(ProgramAlignment(old=pair.old.name if pair.old else None,
                                           new=pair.new.name if pair.new else None,
                                           score=round(pair.score, 3), reason=pair.reason))
        if pair.old is not None and pair.new is not None:
            found, same = diff_programs(pair.old, pair.new, pair.old_index or 0,
                                        pair.new_index or 0, similarity)
            changes += found
            unchanged += same
    one_sided = len(old.programs) > 1 or len(new.programs) > 1
    if not one_sided:
        for pair in pairs:
            if pair.kind != "matched":
                p = pair.old or pair.new
                changes.append(Change(program=p.name, field="program",  # type: ignore[union-attr]
                                      kind=pair.kind,  # type: ignore[arg-type]
                                      old=pair.old.name if pair.old else None,
                                      new=pair.new.name if pair.new else None))
    return ChangeSet(old_title=old.title, new_title=new.title, old_source=old.source.path,
                     new_source=new.source.path, alignments=alignments, changes=changes,
                     unchanged=unchanged, declared=_declared(new, changes))


def _declared(new: Announcement, changes: list[Change]) -> list[dict[str, Any]]:
    """The announcement's own list of changes, each marked confirmed or not by the diff."""
    out = []
    for d in new.declared_changes:
        said = " ".join(x for x in (d.topic, d.after) if x)
        confirmed = any(
            lexical_similarity(said, f"{ch.field} {ch.new or ''} {ch.old or ''}") > 0.3
            or (d.after and ch.new is not None and str(ch.new) in d.after)
            for ch in changes)
        out.append({"topic": d.topic, "before": d.before, "after": d.after,
                    "confirmed": confirmed,
                    "evidence": [e.model_dump() for e in d.evidence]})
    return out
