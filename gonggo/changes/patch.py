"""RFC 6902 JSON Patch from the old spec to the new one, one operation per change.

Paths point into the contract (`/programs/0/tracks/1/funding/0/cap_krw`) of the OLD spec,
so an engine's config derived from last year's spec can be updated by review. Each
operation carries an extra `evidence` member (RFC 6902 §4: members not defined for an
operation are ignored by appliers) with the printed text of both years.
"""

from __future__ import annotations

from typing import Any

from gonggo.schemas.announcement import Announcement
from gonggo.schemas.changes import Change, ChangeSet


def _op(ch: Change, new_spec: dict) -> dict[str, Any] | None:
    from jsonpointer import resolve_pointer

    evidence = {"old": [e.model_dump() for e in ch.old_evidence],
                "new": [e.model_dump() for e in ch.new_evidence]}
    if ch.kind == "removed" and ch.old_path:
        if ch.new_path and not ch.old_path.rpartition("/")[2].isdigit():
            # a member of an object that stays (`…/submission/urls`): it becomes empty, the
            # key stays, so the patched spec keeps the contract's shape
            value = resolve_pointer(new_spec, ch.new_path, None)
            return {"op": "replace", "path": ch.old_path, "value": value, "evidence": evidence}
        return {"op": "remove", "path": ch.old_path, "evidence": evidence}
    if ch.kind == "added" and ch.new_path:
        value = resolve_pointer(new_spec, ch.new_path, None)
        path = ch.old_path or _append_path(ch.new_path)  # old_path ends in "/-": append
        return {"op": "add", "path": path, "value": value, "evidence": evidence}
    if ch.old_path and ch.new_path:
        value = resolve_pointer(new_spec, ch.new_path, None)
        return {"op": "replace", "path": ch.old_path, "value": value, "evidence": evidence}
    return None


def _append_path(new_path: str) -> str:
    """`/programs/0/exclusions/3` → `/programs/0/exclusions/-` (append to the old list)."""
    head, _, last = new_path.rpartition("/")
    return f"{head}/-" if last.isdigit() else new_path


def _remove_order(op: dict[str, Any]) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in op["path"].split("/")[1:])


def make_patch(changes: ChangeSet, old: Announcement, new: Announcement) -> list[dict[str, Any]]:
    """Operations: replacements first, then removals (deepest, highest index first), then adds.

    Removals by descending index keep earlier indices valid while the patch is applied.
    An added item is appended (`…/-`) to the matching list of the old spec.
    """
    new_spec = new.model_dump(mode="json")
    ops = [op for ch in changes.changes if ch.field != "program" for op in [_op(ch, new_spec)]
           if op]
    replaces = [o for o in ops if o["op"] == "replace"]
    removes = sorted((o for o in ops if o["op"] == "remove"), key=_remove_order, reverse=True)
    adds = [o for o in ops if o["op"] == "add"]
    return replaces + removes + adds
