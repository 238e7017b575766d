"""Section references for the evidence of a change set (`Ⅲ. 사업별 지원계획 › (10) … › □ 지원조건`).

Only possible when the diff ran on announcement files: an extracted JSON spec carries spans
and pages but not the outline they sit in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from gonggo.schemas.announcement import Evidence
from gonggo.schemas.changes import ChangeSet

if TYPE_CHECKING:  # the document model loads only when a diff reads announcement files
    from gonggo.schemas.document import Document

# Markers of list items, steps and notes: the reference stops above them (they are the fact
# itself, or a neighbour of it).
_ITEM_MARKER = regex.compile(r"^[◦ㅇ○\-‧·•▪*※→①-⑳➊-➓❶-❿]")
MAX_TITLE = 32


def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"


def section_path(doc: Document, offset: int) -> str | None:
    """The headings above `offset`, outermost first, up to the innermost non-item heading."""
    around = sorted((s for s in doc.sections if s.start <= offset < s.end),
                    key=lambda s: (s.level, s.start))
    titles = []
    for s in around:
        if _ITEM_MARKER.match(s.marker.strip()):
            break
        titles.append(_short(s.title))
    return " › ".join(titles) or None


def _where(doc: Document | None, evidence: list[Evidence]) -> str | None:
    return section_path(doc, evidence[0].start) if doc is not None and evidence else None


def annotate(cs: ChangeSet, old_doc: Document | None, new_doc: Document | None) -> ChangeSet:
    """Fill `old_section` / `new_section` of every change (and of the unchanged facts)."""
    for ch in cs.changes:
        ch.old_section = _where(old_doc, ch.old_evidence)
        ch.new_section = _where(new_doc, ch.new_evidence)
    for same in cs.same:
        same.new_section = _where(new_doc, same.new_evidence)
    return cs
