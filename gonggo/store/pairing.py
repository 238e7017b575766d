"""Phase 2 of `update`, one transaction per announcement, oldest first: each program of the
announcement joins the program it continues (store.similarity) or starts a new one; its
previous edition (the latest earlier one of that program: an earlier year, or an earlier 차
of the same year, never a later one) gives the 신구대비표, and the rule-config patch is made
against the spec whose config is approved for the program (else the previous edition's)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from gonggo.store.files import write_atomic
from gonggo.store.models import Announcement, ChangeSet, Edition, Program, RuleConfig
from gonggo.store.similarity import HeadIndex, head_terms, judge, name_similarity


def order_key(e: Edition | Announcement) -> tuple[int, int]:
    return (e.year or 0, e.round or 0)


def head_index(session: Session) -> HeadIndex:
    rows = session.execute(select(Announcement.id, Announcement.head)).all()
    return HeadIndex({i: head_terms(h) for i, h in rows})


@dataclass
class Match:
    program: Program
    score: float
    why: str


def best_match(session: Session, e: Edition, index: HeadIndex,
               later: bool = False) -> Match | None:
    """The program whose earlier (with `later`: later) edition this one continues."""
    if e.year is None:
        return None
    candidates = session.scalars(
        select(Edition).where(Edition.program_id.is_not(None),
                              Edition.announcement_id != e.announcement_id)).all()
    best: Match | None = None
    for c in candidates:
        if c.year is None or order_key(c) == order_key(e) or (order_key(c) > order_key(e)) != later:
            continue
        verdict = judge(index.cosine(c.announcement_id, e.announcement_id),
                        name_similarity(c.names, e.names),
                        c.issuer_family == e.issuer_family, c.program_key == e.program_key)
        if verdict and (best is None or verdict[0] > best.score):
            best = Match(c.program, verdict[0], verdict[1])  # type: ignore[arg-type]
    return best


def previous_edition(program: Program, e: Edition) -> Edition | None:
    earlier = [x for x in program.editions if x.id != e.id and order_key(x) < order_key(e)]
    return max(earlier, key=lambda x: (order_key(x), x.announcement.announced_on or datetime.min
                                       .date(), x.id), default=None)


def _spec_of(e: Edition):  # type: ignore[no-untyped-def]
    from gonggo.schemas.announcement import Announcement as Spec

    spec = Spec.model_validate(e.announcement.spec)
    program = spec.programs[e.program_index]
    return spec.model_copy(update={"programs": [program]}), program


def _doc_of(e: Edition):  # type: ignore[no-untyped-def]
    from gonggo.schemas.document import Document

    return Document.model_validate_json(gzip.decompress(e.announcement.document))


def _year(e: Edition) -> str:
    r = f" 제{e.round}차" if e.round else ""
    return f"({e.year}{r})" if e.year else ""


def write_reports(out: Path, old: Edition, new: Edition, base: Edition) -> dict[str, object]:
    from gonggo.changes.diff import diff
    from gonggo.changes.locate import annotate
    from gonggo.changes.patch import make_patch
    from gonggo.changes.report import to_html, to_markdown

    old_spec, _ = _spec_of(old)
    new_spec, _ = _spec_of(new)
    cs = annotate(diff(old_spec, new_spec), _doc_of(old), _doc_of(new))
    if base.id == old.id:
        base_spec, patch_cs = old_spec, cs
    else:
        base_spec, _ = _spec_of(base)
        patch_cs = diff(base_spec, new_spec)
    patch = make_patch(patch_cs, base_spec, new_spec)
    stem = out / "changes" / new.announcement.name / (
        f"p{new.program_index:02d}_from_{old.announcement.name}"[:120])
    md = write_atomic(stem.with_suffix(".md"), to_markdown(cs, _year(old), _year(new)))
    html = write_atomic(stem.with_suffix(".html"), to_html(cs, _year(old), _year(new)))
    pp = write_atomic(stem.with_suffix(".patch.json"),
                      json.dumps(patch, ensure_ascii=False, indent=1))
    return {"report_md": md.relative_to(out).as_posix(),
            "report_html": html.relative_to(out).as_posix(),
            "patch_path": pp.relative_to(out).as_posix(), "patch": patch,
            "n_changes": len(cs.changes)}


def proposed_config(e: Edition, program: Program) -> RuleConfig:
    from gonggo.export.config import program_config

    spec, p = _spec_of(e)
    cfg = program_config(spec, p)
    return RuleConfig(program_id=program.id, edition_id=e.id, schema_version=spec.schema_version,
                      config=cfg.model_dump(mode="json"), status="proposed")


def pair_edition(session: Session, e: Edition, index: HeadIndex, out: Path) -> ChangeSet:
    match = best_match(session, e, index)
    # an older edition stored after a newer one: it joins that program (and becomes the
    # newer one's previous edition below, while that change is undecided)
    match = match or best_match(session, e, index, later=True)
    if match is None:
        program = Program(issuer_family=e.issuer_family, key=e.program_key, name=e.program_name)
        session.add(program)
        session.flush()
        score, why = 0.0, "처음 보는 사업"
    else:
        program, score, why = match.program, match.score, match.why
    e.program_id = program.id
    session.flush()
    session.refresh(program)
    old = previous_edition(program, e)
    config = proposed_config(e, program)
    session.add(config)
    session.flush()
    approved = program.approved_config
    base = approved.edition if approved is not None else old
    cs = ChangeSet(program_id=program.id, old_edition_id=old.id if old else None,
                   new_edition_id=e.id, base_edition_id=base.id if base else None,
                   base="approved" if approved is not None else ("previous" if old else "none"),
                   proposed_config_id=config.id, score=score, why=why,
                   schema_version=config.schema_version, patch=[],
                   status="to_review" if old else "new")
    if old is not None and base is not None:
        for k, v in write_reports(out, old, e, base).items():
            setattr(cs, k, v)
    if old is None or order_key(e) >= program_latest(program):
        program.name = e.program_name
    session.add(cs)
    session.flush()
    _relink_next(session, program, e, out)
    return cs


def _relink_next(session: Session, program: Program, e: Edition, out: Path) -> None:
    """The undecided change set of the edition right after `e` now starts from `e`."""
    later = sorted((x for x in program.editions if order_key(x) > order_key(e)), key=order_key)
    if not later:
        return
    nxt = later[0]
    cs = session.scalar(select(ChangeSet).where(ChangeSet.new_edition_id == nxt.id))
    if cs is None or cs.status not in ("new", "to_review"):
        return
    if cs.old_edition is not None and order_key(cs.old_edition) >= order_key(e):
        return
    approved = program.approved_config
    base = approved.edition if approved is not None else e
    cs.old_edition_id, cs.base_edition_id = e.id, base.id
    cs.base = "approved" if approved is not None else "previous"
    cs.status = "to_review"
    session.flush()
    session.refresh(cs)
    for k, v in write_reports(Path(nxt.announcement.out_dir), e, nxt, base).items():
        setattr(cs, k, v)


def program_latest(program: Program) -> tuple[int, int]:
    return max((order_key(x) for x in program.editions), default=(0, 0))


def pair_announcement(session: Session, ann: Announcement, index: HeadIndex) -> list[ChangeSet]:
    out = Path(ann.out_dir)
    made = [pair_edition(session, e, index, out) for e in ann.editions]
    ann.paired_at = datetime.now(UTC)
    return made


def unpaired(session: Session) -> list[Announcement]:
    """Announcements stored but not yet paired, oldest edition first."""
    rows = session.scalars(select(Announcement).where(Announcement.paired_at.is_(None))
                           .options(undefer(Announcement.spec))).all()
    return sorted(rows, key=lambda a: (order_key(a), a.announced_on or datetime.min.date(), a.id))
