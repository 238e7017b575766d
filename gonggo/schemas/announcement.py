"""The announcement contract (../shared/docs/CONTRACT.md) as pydantic models.

Field names and meanings here must not drift from CONTRACT.md without a `schema_version`
bump. Every fact carries `evidence`: spans whose `quote` is exactly `text[start:end]` of the
text that `gonggo ingest` prints for the same file.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "2"

Payer = Literal["government", "host", "applicant", "local_government", "other"]
ShareBound = Literal["max", "min", "exact"]
Channel = Literal["online", "email", "post", "visit"]
Severity = Literal["error", "warning", "info"]
FactSource = Literal["rule", "llm"]
CapBasis = Literal["per_award", "per_year", "per_case", "total"]
WindowStage = Literal["application", "plan_submission", "institution_approval", "evaluation",
                      "agreement", "other"]
DocumentStage = Literal["application", "plan_submission", "agreement"]
AnnouncementKind = Literal["support_call", "other_notice", "form", "unknown"]
Relation = Literal["separately_announced", "concurrent_restriction", "prerequisite", "other"]


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    page: int | None = None
    # the fields of the fact this span states (`cap_krw`, `share_pct` …), recorded when the
    # fact is extracted so that consumers never re-parse quotes; empty: the whole fact
    supports: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end before start")
        if len(self.quote) != self.end - self.start:
            raise ValueError("evidence quote length differs from its span")
        return self


class Fact(BaseModel):
    """Base of every object that states a fact."""

    evidence: list[Evidence] = Field(default_factory=list)
    source: FactSource = "rule"


class Funding(Fact):
    payer: Payer
    payer_label: str
    cap_krw: int | None = Field(default=None, ge=0)
    share_pct: float | None = Field(default=None, ge=0, le=100)
    share_bound: ShareBound | None = None
    cap_basis: CapBasis = "per_award"
    applicant_kinds: list[str] = Field(default_factory=list)


class Awards(Fact):
    count: int = Field(ge=0)
    approx: bool = False
    bound: Literal["max"] | None = None
    unit: str | None = None


class Track(Fact):
    name: str | None = None
    target_level: str | None = None
    duration_months: int | None = Field(default=None, ge=0, le=120)
    extension_months: int | None = Field(default=None, ge=0, le=120)
    funding: list[Funding] = Field(default_factory=list)
    awards: Awards | None = None


class Window(Fact):
    label: str | None = None
    stage: WindowStage = "application"
    tracks: list[str] = Field(default_factory=list)
    opens: date | datetime | None = None
    closes: date | datetime | None = None
    rolling: bool = False
    until_budget_exhausted: bool = False


class Submission(Fact):
    channels: list[Channel] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)


class Clause(Fact):
    text: str
    kind: str | None = None


class DocumentReq(Fact):
    name: str
    submitters: list[str] = Field(default_factory=list)
    required: bool | None = None
    validity_months: int | None = Field(default=None, ge=0)
    condition: str | None = None
    stage: DocumentStage = "application"


class Criterion(Fact):
    item: str
    points: float | None = None
    group: str | None = None


class Cost(Fact):
    item: str
    amount_krw: int | None = Field(default=None, ge=0)
    condition: str | None = None


class Contact(Fact):
    org: str | None = None
    topic: str | None = None
    phone: str | None = None
    phones: list[str] = Field(default_factory=list)
    phone_printed: str | None = None
    email: str | None = None


class DeclaredChange(Fact):
    topic: str | None = None
    before: str | None = None
    after: str | None = None


class Subprogram(Fact):
    """An R&D 내역사업 / 분야 row of a program: its RFP count, awards and budget."""

    name: str
    calls: int | None = Field(default=None, ge=0)
    awards: Awards | None = None
    budget_krw: int | None = Field(default=None, ge=0)


class RelatedProgram(Fact):
    """A program the file describes but does not announce here; its caps are never ours."""

    name: str
    relation: Relation = "other"


class Finding(BaseModel):
    code: str
    severity: Severity
    message: str
    evidence: list[Evidence] = Field(default_factory=list)


class Program(BaseModel):
    name: str
    key: str
    tracks: list[Track] = Field(min_length=1)
    awards: Awards | None = None
    budget_krw: int | None = Field(default=None, ge=0)
    subprograms: list[Subprogram] = Field(default_factory=list)
    related_programs: list[RelatedProgram] = Field(default_factory=list)
    windows: list[Window] = Field(default_factory=list)
    submission: Submission = Field(default_factory=Submission)
    eligibility: list[Clause] = Field(default_factory=list)
    exclusions: list[Clause] = Field(default_factory=list)
    documents: list[DocumentReq] = Field(default_factory=list)
    evaluation: list[Criterion] = Field(default_factory=list)
    bonus_points: list[Criterion] = Field(default_factory=list)
    obligations: list[Clause] = Field(default_factory=list)
    costs: list[Cost] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    section: str | None = None  # the section title the program was read from
    evidence_of: dict[str, list[Evidence]] = Field(default_factory=dict)


class Source(BaseModel):
    path: str
    sha256: str
    format: Literal["txt", "md", "pdf", "hwp", "hwpx"]
    pages: int | None = None


class Announcement(BaseModel):
    schema_version: str = SCHEMA_VERSION
    kind: AnnouncementKind = "support_call"
    source: Source
    title: str
    notice_no: str | None = None
    issuer: str | None = None
    announced_on: date | None = None
    announced_on_precision: Literal["day", "month"] = "day"
    programs: list[Program] = Field(default_factory=list)
    declared_changes: list[DeclaredChange] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    evidence_of: dict[str, list[Evidence]] = Field(default_factory=dict)


SCHEMA_ID = f"urn:gonggo:announcement:{SCHEMA_VERSION}"


def json_schema() -> dict:
    """The published JSON Schema of the contract: `$schema`, `$id`, a description per field."""
    from gonggo.schemas.descriptions import describe

    schema = describe(Announcement.model_json_schema())
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **schema, "description": "gonggo announcement contract v" + SCHEMA_VERSION
            + " (docs/CONTRACT.md): one announcement's programs, each fact with its evidence."}
