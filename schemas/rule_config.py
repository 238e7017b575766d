"""The rule config an eligibility / subsidy engine loads: one per program (YAML).

An engine needs no Korean layout knowledge to use it: funding is a formula per track
(`government = min(cap_krw, share_pct% × total_cost)`), windows are timestamps, clauses carry
a machine-usable `kind` where one is clear, and every value keeps its evidence.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.announcement import Evidence, Payer, ShareBound

CONFIG_VERSION = "gonggo-rule-config/1"
FUNDING_FORMULA = "amount(payer) = min(cap_krw, share_pct / 100 × total_cost); applicant pays the rest"


class PayerRule(BaseModel):
    payer: Payer
    label: str
    cap_krw: int | None = None
    share_pct: float | None = None
    share_bound: ShareBound | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class TrackRule(BaseModel):
    name: str | None
    target_level: str | None = None
    max_duration_months: int | None = None
    max_extension_months: int | None = None
    formula: str = FUNDING_FORMULA
    payers: list[PayerRule] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class WindowRule(BaseModel):
    label: str | None = None
    tracks: list[str] = Field(default_factory=list)
    opens_at: str | None = None  # ISO 8601 timestamp, +09:00
    closes_at: str | None = None
    rolling: bool = False
    until_budget_exhausted: bool = False
    evidence: list[Evidence] = Field(default_factory=list)


ClauseKind = Literal["size", "region", "tax", "status", "sanction", "industry", "duplicate", "other"]


class ClauseRule(BaseModel):
    kind: ClauseKind = "other"
    text: str
    evidence: list[Evidence] = Field(default_factory=list)


class DocumentRule(BaseModel):
    name: str
    submitters: list[str] = Field(default_factory=list)
    required: bool | None = None
    validity_months: int | None = None
    condition: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class ScoreRule(BaseModel):
    item: str
    points: float | None = None
    group: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class SourceRef(BaseModel):
    path: str
    sha256: str
    title: str
    notice_no: str | None = None
    announced_on: str | None = None


class RuleConfig(BaseModel):
    config_version: str = CONFIG_VERSION
    program: str
    key: str
    source: SourceRef
    tracks: list[TrackRule]
    windows: list[WindowRule] = Field(default_factory=list)
    eligibility: list[ClauseRule] = Field(default_factory=list)
    exclusions: list[ClauseRule] = Field(default_factory=list)
    documents: list[DocumentRule] = Field(default_factory=list)
    evaluation: list[ScoreRule] = Field(default_factory=list)
    bonus_points: list[ScoreRule] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list)  # validation errors to review first
