"""The rule config an eligibility / subsidy engine loads: one per program (YAML).

An engine needs no Korean layout knowledge to use it: funding is a formula per track
(`government = min(cap_krw, share_pct% × total_cost)`), windows are timestamps, clauses carry
a machine-usable `kind` where one is clear (and the size classes, regions and industries they
name), and every value keeps its evidence: each span lists the values it `supports`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from gonggo.schemas.announcement import Evidence, Payer, ShareBound

CONFIG_VERSION = "gonggo-rule-config/1"
SCHEMA_ID = "urn:gonggo:rule-config:1"
SCHEMA_FILE = "rule_config.schema.json"
FUNDING_FORMULA = ("amount(payer) = min(cap_krw, floor(share_pct / 100 × total_cost)); "
                   "applicant pays the rest")

# Company size classes as Korean law names them (중소기업기본법, 중견기업법); 소상공인 ⊂ 소기업 ⊂
# 중소기업.
CompanySize = Literal["소상공인", "소기업", "중소기업", "중견기업", "대기업"]
# The 17 시·도, by their short names.
Region = Literal["서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원",
                 "충북", "충남", "전북", "전남", "경북", "경남", "제주"]


class EvidenceRef(Evidence):
    """A span of the source text (`text[start:end] == quote`, the text `gonggo ingest` prints)
    and the names of the values of its rule that it is the evidence for. A span with an empty
    `supports` backs the rule as a whole (a table row, a heading)."""

    supports: list[str] = Field(default_factory=list)


class PayerRule(BaseModel):
    payer: Payer
    label: str
    cap_krw: int | None = Field(default=None, ge=0)
    share_pct: float | None = Field(default=None, ge=0, le=100)
    share_bound: ShareBound | None = None
    # the applicant kinds the row holds for, as printed (`중소기업`, `공기업･대기업`); empty: all
    applicant_kinds: list[str] = Field(default_factory=list)
    evidence: list[EvidenceRef] = Field(default_factory=list)


class TrackRule(BaseModel):
    name: str | None
    target_level: str | None = None
    max_duration_months: int | None = Field(default=None, ge=0)
    max_extension_months: int | None = Field(default=None, ge=0)
    formula: str = FUNDING_FORMULA
    payers: list[PayerRule] = Field(default_factory=list)
    evidence: list[EvidenceRef] = Field(default_factory=list)


class WindowRule(BaseModel):
    label: str | None = None
    tracks: list[str] = Field(default_factory=list)  # empty: every track
    opens_at: str | None = None  # ISO 8601 timestamp, +09:00; a printed date opens at 00:00
    closes_at: str | None = None  # a printed date closes at 23:59:59, a printed hour at that hour
    rolling: bool = False
    until_budget_exhausted: bool = False
    evidence: list[EvidenceRef] = Field(default_factory=list)


ClauseKind = Literal["size", "region", "tax", "status", "sanction", "industry", "duplicate", "other"]


class ClauseRule(BaseModel):
    kind: ClauseKind = "other"
    text: str
    applies_to: str | None = None  # whom the clause is about when it says so: 도입기업, 공급기업 ...
    sizes: list[CompanySize] = Field(default_factory=list)  # any of these may apply
    regions: list[Region] = Field(default_factory=list)  # located in any of these
    industries: list[str] = Field(default_factory=list)  # industries named (as printed)
    tracks: list[str] = Field(default_factory=list)  # the tracks it is about; empty: every track
    preferential: bool = False  # a 우대 row (참여우대): whom the program prefers, not a condition
    business_age_years: tuple[float | None, float | None] | None = None  # 업력 (min, max) in years
    evidence: list[EvidenceRef] = Field(default_factory=list)


class DocumentRule(BaseModel):
    name: str
    submitters: list[str] = Field(default_factory=list)
    required: bool | None = None
    validity_months: int | None = Field(default=None, ge=0)
    condition: str | None = None
    evidence: list[EvidenceRef] = Field(default_factory=list)


class ScoreRule(BaseModel):
    item: str
    points: float | None = None
    group: str | None = None
    evidence: list[EvidenceRef] = Field(default_factory=list)


class SourceRef(BaseModel):
    path: str
    sha256: str
    title: str
    notice_no: str | None = None
    announced_on: str | None = None
    evidence_of: dict[str, list[Evidence]] = Field(default_factory=dict)


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
    evidence_of: dict[str, list[Evidence]] = Field(default_factory=dict)  # program name


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of a rule config (what `gonggo export` writes beside them)."""
    from gonggo.schemas.descriptions import describe

    schema = describe(RuleConfig.model_json_schema())
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **schema, "title": f"gonggo rule config ({CONFIG_VERSION})"}
