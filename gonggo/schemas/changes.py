"""The change set of `gonggo diff OLD NEW --format json` (CONTRACT.md, "Change set")."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from gonggo.schemas.announcement import Evidence

ChangeKind = Literal["added", "removed", "changed", "renamed"]


class Change(BaseModel):
    program: str
    track: str | None = None
    field: str
    kind: ChangeKind
    old: Any = None
    new: Any = None
    old_evidence: list[Evidence] = Field(default_factory=list)
    new_evidence: list[Evidence] = Field(default_factory=list)
    # Where the fact lives in the old and new specs (JSON Pointer), for rule-config patches.
    old_path: str | None = None
    new_path: str | None = None
    reason: str | None = None  # why the two sides were paired (alignment score)
    # The outline path of the evidence in each file (`Ⅲ. … › (10) … › □ 지원조건`), when the
    # diff was run on announcement files rather than on extracted JSON.
    old_section: str | None = None
    new_section: str | None = None


class Same(BaseModel):
    """A fact compared and found equal (collapsed in the reports)."""

    program: str
    track: str | None = None
    field: str
    value: Any = None
    old_evidence: list[Evidence] = Field(default_factory=list)
    new_evidence: list[Evidence] = Field(default_factory=list)
    new_section: str | None = None


class ProgramAlignment(BaseModel):
    old: str | None
    new: str | None
    score: float
    reason: str


class ChangeSet(BaseModel):
    old_title: str
    new_title: str
    old_source: str
    new_source: str
    alignments: list[ProgramAlignment]
    changes: list[Change]
    unchanged: int = 0  # facts compared and found equal
    same: list[Same] = Field(default_factory=list)  # those facts
    declared: list[dict[str, Any]] = Field(default_factory=list)
