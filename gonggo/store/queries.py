"""Read-only views of the store for `gonggo pairs` and the web desk."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggo.store.models import Announcement, ChangeSet, Edition


def _edition(e: Edition | None) -> dict[str, Any] | None:
    if e is None:
        return None
    a = e.announcement
    return {"paths": sorted(p.path for p in a.paths), "name": a.name, "sha256": a.sha256,
            "program": e.program_name, "issuer_family": e.issuer_family, "year": e.year,
            "round": e.round}


def pairs(session: Session) -> list[dict[str, Any]]:
    """Every pairing of an edition with the one before it."""
    rows = session.scalars(select(ChangeSet).where(ChangeSet.old_edition_id.is_not(None))
                           .order_by(ChangeSet.id)).all()
    return [{"change_set": cs.id, "old": _edition(cs.old_edition), "new": _edition(cs.new_edition),
             "score": round(cs.score, 3), "why": cs.why, "status": cs.status,
             "report_md": cs.report_md, "report_html": cs.report_html,
             "patch": cs.patch_path} for cs in rows]


def announcement_status(ann: Announcement, change_sets: list[ChangeSet]) -> str:
    """new (only programs seen for the first time, undecided), to_review, approved, rejected."""
    states = {cs.status for cs in change_sets}
    if "to_review" in states:
        return "to_review"
    if "new" in states:
        return "new"
    if states == {"approved"}:
        return "approved"
    return "rejected" if states else "new"


def change_sets_of(session: Session, ann: Announcement) -> list[ChangeSet]:
    ids = [e.id for e in ann.editions]
    if not ids:
        return []
    return list(session.scalars(select(ChangeSet).where(ChangeSet.new_edition_id.in_(ids))))
