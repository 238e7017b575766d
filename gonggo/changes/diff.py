"""Fact-by-fact differences between two announcement specs.

Equal facts in different words are not changes (spacing, punctuation and particles are
ignored when comparing texts); a number that did not change is not a change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import regex

from gonggo.changes.align import Pair, align, align_items, align_programs, align_tracks
from gonggo.changes.declared import check_declared
from gonggo.changes.similarity import (
    Similarity,
    _key,
    lexical_similarity,
    same_words,
    words_within,
)
from gonggo.schemas.announcement import Announcement, Evidence, Funding, Program, Track, Window
from gonggo.schemas.changes import Change, ChangeSet, ProgramAlignment, Same
from gonggo.vocab.text import compiled

# Words the announcements use for each submission channel (to quote the right span).
_CHANNEL_WORDS = {"online": ("온라인", "홈페이지", "시스템"), "email": ("이메일", "메일", "@"),
                  "post": ("우편", "등기"), "visit": ("방문",)}


def _quotes_with(evidence: list[Evidence], test: Callable[[str], bool]) -> list[Evidence]:
    return [e for e in evidence if test(e.quote)]


def pick_evidence(field: str, value: Any, evidence: list[Evidence],
                  whole: bool = False) -> list[Evidence]:
    """The spans of a fact's evidence that print this field's value (all of them if none do).

    A track's evidence holds its name, level, period and extension; a funding line's its cap
    and its share: a change of the period quotes the period. A value that is not printed has
    no evidence, unless `whole`: a list item (a document, a criterion) is quoted whole, so a
    validity period added to a document shows the document's line of both years.
    """
    if whole:
        return list(evidence)
    if value is None:
        return []
    leaf = field.rsplit(".", 1)[-1]
    if leaf in ("cap_krw", "amount_krw"):
        chosen = _quotes_with(evidence, lambda q: "원" in q)
    elif leaf in ("share_pct", "share_bound"):
        chosen = _quotes_with(evidence, lambda q: "%" in q)
    elif leaf in ("duration_months", "extension_months"):
        number = compiled(rf"(?<!\d){int(value)}\s*개월")
        chosen = _quotes_with(evidence, lambda q: bool(number.search(q)))
    elif leaf == "channels":
        words = [w for v in value for w in _CHANNEL_WORDS.get(v, ())]
        chosen = _quotes_with(evidence, lambda q: any(w in q for w in words))
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        chosen = _quotes_with(evidence, lambda q: any(_key(v) in _key(q) for v in value))
    elif isinstance(value, str) and _key(value):
        chosen = _quotes_with(evidence, lambda q: _key(value) in _key(q))
    else:
        chosen = []
    return chosen or list(evidence)


class _Collector:
    def __init__(self, program: str, old_base: str, new_base: str) -> None:
        self.program = program
        self.old_base = old_base
        self.new_base = new_base
        self.changes: list[Change] = []
        self.same: list[Same] = []

    def compare(self, field: str, old: Any, new: Any, old_ev: list[Evidence],
                new_ev: list[Evidence], old_path: str, new_path: str, track: str | None = None,
                equal: Callable[[Any, Any], bool] | None = None, whole: bool = False) -> None:
        if old is None and new is None:
            return
        same = (equal or (lambda a, b: a == b))(old, new) if old is not None and new is not None \
            else False
        if same:
            self.same.append(Same(program=self.program, track=track, field=field, value=new,
                                  old_evidence=pick_evidence(field, old, old_ev, whole),
                                  new_evidence=pick_evidence(field, new, new_ev, whole)))
            return
        kind = "added" if old is None else "removed" if new is None else "changed"
        self.changes.append(Change(program=self.program, track=track, field=field, kind=kind,
                                   old=old, new=new,
                                   old_evidence=pick_evidence(field, old, old_ev, whole),
                                   new_evidence=pick_evidence(field, new, new_ev, whole),
                                   old_path=self.old_base + old_path,
                                   new_path=self.new_base + new_path))

    def item(self, field: str, pair: Pair, value: Callable[[Any], Any], track: str | None,
             old_path: str, new_path: str, reason: bool = True) -> None:
        """An unpaired list item: added or removed."""
        o, n = pair.old, pair.new
        ch = Change(program=self.program, track=track, field=field,
                    kind="added" if o is None else "removed",
                    old=value(o) if o is not None else None,
                    new=value(n) if n is not None else None,
                    old_evidence=o.evidence if o is not None else [],
                    new_evidence=n.evidence if n is not None else [],
                    old_path=(self.old_base + old_path)
                    if o is not None or old_path.endswith("/-") else None,
                    new_path=(self.new_base + new_path) if n is not None else None,
                    reason=pair.reason if reason else None)
        self.changes.append(ch)


def _text_equal(a: Any, b: Any) -> bool:
    return a == b or (isinstance(a, str) and isinstance(b, str) and same_words(a, b))


_PARENTHESIS = regex.compile(r"\([^()]*\)")


def same_document(a: str, b: str) -> bool:
    """Two names of one document: equal words, equal but for a parenthesised remark
    (`납세증명서(법인, 개인)`), or one name's words all inside the other's (`사업 완료보고서` /
    `스마트공장 보급 확산사업 완료보고서`: the shorter name drops a qualifier)."""
    if _text_equal(a, b) or _text_equal(_PARENTHESIS.sub("", a), _PARENTHESIS.sub("", b)):
        return True
    return words_within(a, b) or words_within(b, a)


def _dump(fact: Any) -> dict[str, Any]:
    return fact.model_dump(mode="json", exclude={"evidence", "source"})


def _kinds(f: Funding) -> tuple[str, ...]:
    """The applicant kinds of a row in canonical spelling (a phrase naming none: as printed)."""
    if not f.applicant_kinds:
        return ()
    # its patterns compile on import: loaded by the first row that names applicant kinds
    from gonggo.vocab.applicants import kinds_in

    return tuple(sorted({k for x in f.applicant_kinds for k in (kinds_in(x) or (x,))}))


def _diff_funding(c: _Collector, track: str | None, old: Sequence[Funding],
                  new: Sequence[Funding], op: str, np: str) -> None:
    def same_row(a: Funding, b: Funding) -> float:
        # a payer's rows differ by the applicant kinds they apply to (대기업 50 %, 중소 75 %)
        if a.payer != b.payer:
            return 0.0
        return 1.0 if _kinds(a) == _kinds(b) else 0.6

    pairs = align(old, new, same_row, 0.5, "same payer")
    for pair in pairs:
        o, n = pair.old, pair.new
        i = pair.old_index if pair.old_index is not None else len(old)
        j = pair.new_index if pair.new_index is not None else len(new)
        if o is None or n is None:
            c.item("funding", pair, _dump, track,
                   f"{op}/funding/{i if o is not None else '-'}", f"{np}/funding/{j}", False)
            continue
        for name in ("cap_krw", "share_pct", "share_bound", "cap_basis"):
            c.compare(f"funding.{o.payer}.{name}", getattr(o, name), getattr(n, name), o.evidence,
                      n.evidence, f"{op}/funding/{i}/{name}", f"{np}/funding/{j}/{name}", track)
        if _kinds(o) != _kinds(n):  # `대기업, 공기업` and `대기업,공기업` are one row
            c.compare(f"funding.{o.payer}.applicant_kinds", o.applicant_kinds or None,
                      n.applicant_kinds or None, o.evidence, n.evidence,
                      f"{op}/funding/{i}/applicant_kinds", f"{np}/funding/{j}/applicant_kinds",
                      track)


def _diff_tracks(c: _Collector, old: Sequence[Track], new: Sequence[Track]) -> dict[str, str]:
    """Track changes; returns the renames (old name → new name)."""
    renames: dict[str, str] = {}
    for pair in align_tracks(old, new):
        o, n = pair.old, pair.new
        if o is None or n is None:
            track = (n or o).name  # type: ignore[union-attr]
            i = pair.old_index if o is not None else "-"
            c.item("tracks", pair, _dump, track, f"/tracks/{i}", f"/tracks/{pair.new_index}")
            continue
        op, np = f"/tracks/{pair.old_index}", f"/tracks/{pair.new_index}"
        if o.name and n.name:
            renames[o.name] = n.name
        if (o.name or "") != (n.name or "") and not _text_equal(o.name or "", n.name or ""):
            c.changes.append(Change(program=c.program, track=n.name, field="tracks.name",
                                    kind="renamed", old=o.name, new=n.name,
                                    old_evidence=pick_evidence("name", o.name, o.evidence),
                                    new_evidence=pick_evidence("name", n.name, n.evidence),
                                    old_path=c.old_base + op + "/name",
                                    new_path=c.new_base + np + "/name", reason=pair.reason))
        for name in ("target_level", "duration_months", "extension_months"):
            c.compare(name, getattr(o, name), getattr(n, name), o.evidence, n.evidence,
                      f"{op}/{name}", f"{np}/{name}", n.name)
        oa, na = o.awards, n.awards
        c.compare("tracks.awards", oa.count if oa else None, na.count if na else None,
                  oa.evidence if oa else [], na.evidence if na else [], f"{op}/awards",
                  f"{np}/awards", n.name)
        _diff_funding(c, n.name, o.funding, n.funding, op, np)
    return renames


def window_score(a: Window, b: Window, renames: dict[str, str] | None = None) -> float:
    """Same round label, tracks that can overlap (none listed = all), same kind of intake."""
    renames = renames or {}
    if a.stage != b.stage:
        return 0.0  # an application period never continues as an approval deadline
    label = 1.0 if _key(a.label or "") == _key(b.label or "") else 0.0
    old_tracks = {renames.get(t, t) for t in a.tracks}
    tracks = 1.0 if not old_tracks or not b.tracks or old_tracks & set(b.tracks) else 0.0
    return (0.3 * label + 0.2 * tracks + 0.25 * (a.rolling == b.rolling)
            + 0.25 * (a.until_budget_exhausted == b.until_budget_exhausted))


def _diff_windows(c: _Collector, old: Sequence[Window], new: Sequence[Window],
                  renames: dict[str, str]) -> None:
    pairs = align(old, new, lambda a, b: window_score(a, b, renames), 0.45,
                  "window round / tracks / intake")
    for pair in pairs:
        o, n = pair.old, pair.new
        if o is None or n is None:
            either: Window = n or o  # type: ignore[assignment]
            c.item("windows", pair, _dump, ", ".join(either.tracks) or None,
                   f"/windows/{pair.old_index if o is not None else '-'}",
                   f"/windows/{pair.new_index}")
            continue
        track = ", ".join(n.tracks) or None
        op, np = f"/windows/{pair.old_index}", f"/windows/{pair.new_index}"
        for name in ("opens", "closes", "rolling", "until_budget_exhausted"):
            ov, nv = getattr(o, name), getattr(n, name)
            ov = ov.isoformat() if hasattr(ov, "isoformat") else ov
            nv = nv.isoformat() if hasattr(nv, "isoformat") else nv
            if name in ("rolling", "until_budget_exhausted") and not ov and not nv:
                continue
            c.compare(f"windows.{name}", ov, nv, o.evidence, n.evidence, f"{op}/{name}",
                      f"{np}/{name}", track)
        old_tracks = sorted(renames.get(t, t) for t in o.tracks)
        if old_tracks != sorted(n.tracks):
            c.changes.append(Change(program=c.program, track=track, field="windows.tracks",
                                    kind="changed", old=o.tracks, new=n.tracks,
                                    old_evidence=o.evidence, new_evidence=n.evidence,
                                    old_path=c.old_base + op + "/tracks",
                                    new_path=c.new_base + np + "/tracks"))


# list field → (text of an item, sub-fields compared on aligned items)
_LISTS: dict[str, tuple[Callable[[Any], str], tuple[str, ...]]] = {
    "eligibility": (lambda x: x.text, ()),
    "exclusions": (lambda x: x.text, ()),
    "obligations": (lambda x: x.text, ()),
    "documents": (lambda x: x.name, ("required", "validity_months", "condition", "submitters",
                                     "stage")),
    "evaluation": (lambda x: x.item, ("points",)),
    "bonus_points": (lambda x: x.item, ("points",)),
    "costs": (lambda x: x.item, ("amount_krw", "condition")),
    "contacts": (lambda x: f"{x.org or ''} {x.topic or ''} {x.phone or ''}",
                 ("phone", "phones", "email")),
    "subprograms": (lambda x: x.name, ("calls", "budget_krw")),
    "related_programs": (lambda x: x.name, ("relation",)),
}

_CLAUSES = ("eligibility", "exclusions", "obligations")
_MAIN_FIELD = {"documents": "name", "evaluation": "item", "bonus_points": "item", "costs": "item",
               "subprograms": "name", "related_programs": "name"}
_EQUAL: dict[str, Callable[[Any, Any], bool]] = {"documents": same_document}


def _diff_list(c: _Collector, field: str, old: Sequence[Any], new: Sequence[Any],
               similarity: Similarity) -> None:
    text, subfields = _LISTS[field]
    for pair in align_items(old, new, text, similarity, rewrites=field in _CLAUSES):
        o, n = pair.old, pair.new
        if o is None or n is None:
            c.item(field, pair, text, None,
                   f"/{field}/{pair.old_index if o is not None else '-'}",
                   f"/{field}/{pair.new_index}")
            continue
        op, np = f"/{field}/{pair.old_index}", f"/{field}/{pair.new_index}"
        main = _MAIN_FIELD.get(field, "text")
        before = len(c.changes)
        if field != "contacts":  # a contact is identified by its text; only its numbers change
            c.compare(f"{field}.{main}", text(o).strip(), text(n).strip(), o.evidence,
                      n.evidence, f"{op}/{main}", f"{np}/{main}",
                      equal=_EQUAL.get(field, _text_equal), whole=True)
        for sub in subfields:
            c.compare(f"{field}.{sub}", getattr(o, sub), getattr(n, sub), o.evidence, n.evidence,
                      f"{op}/{sub}", f"{np}/{sub}", text(n)[:40], whole=True)
        for ch in c.changes[before:]:
            ch.reason = pair.reason


def _diff_awards(c: _Collector, old: Program, new: Program) -> None:
    oa, na = old.awards, new.awards
    if oa is None or na is None:
        if oa is not None or na is not None:
            c.changes.append(Change(
                program=c.program, field="awards", kind="added" if oa is None else "removed",
                old=_dump(oa) if oa else None, new=_dump(na) if na else None,
                old_evidence=oa.evidence if oa else [], new_evidence=na.evidence if na else [],
                old_path=c.old_base + "/awards", new_path=c.new_base + "/awards"))
        return
    c.compare("awards.count", oa.count, na.count, oa.evidence, na.evidence, "/awards/count",
              "/awards/count")
    c.compare("awards.approx", oa.approx, na.approx, oa.evidence, na.evidence,
              "/awards/approx", "/awards/approx")


def diff_programs(old: Program, new: Program, old_index: int, new_index: int,
                  similarity: Similarity = lexical_similarity) -> tuple[list[Change], list[Same]]:
    c = _Collector(new.name, f"/programs/{old_index}", f"/programs/{new_index}")
    renames = _diff_tracks(c, old.tracks, new.tracks)
    _diff_awards(c, old, new)
    c.compare("budget_krw", old.budget_krw, new.budget_krw, old.evidence_of.get("budget_krw", []),
              new.evidence_of.get("budget_krw", []), "/budget_krw", "/budget_krw")
    _diff_windows(c, old.windows, new.windows, renames)
    for name in ("channels", "urls", "emails"):
        ov, nv = sorted(getattr(old.submission, name)), sorted(getattr(new.submission, name))
        if ov or nv:
            c.compare(f"submission.{name}", ov or None, nv or None, old.submission.evidence,
                      new.submission.evidence, f"/submission/{name}", f"/submission/{name}")
    for field in _LISTS:
        _diff_list(c, field, getattr(old, field), getattr(new, field), similarity)
    return c.changes, c.same


def _program_change(pair: Pair[Program]) -> Change:
    p: Program = pair.old or pair.new  # type: ignore[assignment]
    return Change(program=p.name, field="program", kind=pair.kind,  # type: ignore[arg-type]
                  old=pair.old.name if pair.old else None,
                  new=pair.new.name if pair.new else None,
                  old_evidence=pair.old.evidence_of.get("name", []) if pair.old else [],
                  new_evidence=pair.new.evidence_of.get("name", []) if pair.new else [],
                  old_path=f"/programs/{pair.old_index}" if pair.old else "/programs/-",
                  new_path=f"/programs/{pair.new_index}" if pair.new else None)


def diff(old: Announcement, new: Announcement,
         similarity: Similarity = lexical_similarity) -> ChangeSet:
    """All changes between the programs that continue from `old` to `new`.

    A one-program call against a master announcement (many programs) continues one of them:
    the others are listed in `alignments` but not reported as removed or added. Between two
    announcements of the same kind, a program without counterpart is a change.
    """
    pairs = align_programs(old.programs, new.programs)
    changes: list[Change] = []
    same: list[Same] = []
    alignments = []
    for pair in pairs:
        alignments.append(ProgramAlignment(old=pair.old.name if pair.old else None,
                                           new=pair.new.name if pair.new else None,
                                           score=round(pair.score, 3), reason=pair.reason))
        if pair.old is not None and pair.new is not None:
            found, equal = diff_programs(pair.old, pair.new, pair.old_index or 0,
                                         pair.new_index or 0, similarity)
            changes += found
            same += equal
    one_against_many = (len(old.programs) == 1) != (len(new.programs) == 1)
    if not one_against_many:
        changes += [_program_change(p) for p in pairs if p.kind != "matched"]
    return ChangeSet(old_title=old.title, new_title=new.title, old_source=old.source.path,
                     new_source=new.source.path, alignments=alignments, changes=changes,
                     unchanged=len(same), same=same,
                     declared=check_declared(new, changes))
