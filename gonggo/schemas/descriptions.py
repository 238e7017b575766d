"""A description for every field of the published JSON Schemas (the announcement contract and
the rule config), filled into the generated schema: one table, keyed by field name, with
per-model entries where a name means something else in that model."""

from __future__ import annotations

from typing import Any

COMMON: dict[str, str] = {
    # evidence
    "evidence": "Spans of the source text that state this fact (`text[start:end] == quote`).",
    "start": "Offset of the span's first character in the normalized text (`gonggo ingest`).",
    "end": "Offset just past the span's last character in the normalized text.",
    "quote": "The span's text exactly as printed (normalized text).",
    "page": "Page the span is on (PDF), if known.",
    "supports": "Names of the values of this fact the span states (`cap_krw`, `share_pct` …); "
                "empty: the fact as a whole.",
    "source": "Who found the fact: `rule` (the extractors) or `llm` (the optional assist, quoted).",
    "evidence_of": "Evidence per header field (`title`, `notice_no`, `announced_on`, `name` …).",
    # funding
    "payer": "Who pays: government, host (주관기관), applicant (자부담), local_government, other.",
    "payer_label": "The payer as printed (`정부`, `국민건강보험공단`, `중소기업 (자부담)`).",
    "label": "The label as printed.",
    "cap_krw": "Upper limit of the amount, in won.",
    "share_pct": "Share of the total project cost, in percent.",
    "share_bound": "How the share binds: `max` (이내), `min` (이상), `exact`.",
    "cap_basis": "What the cap is per: per_award, per_year, per_case, total.",
    "applicant_kinds": "Applicant kinds this row applies to (`대기업`, `중소기업` …); empty: all.",
    # awards, tracks
    "count": "Number of awards (선정 규모).",
    "approx": "The count is approximate (`내외`).",
    "bound": "`max` when the count is an upper bound (`이내`).",
    "unit": "Counter as printed (`개사`, `개 과제`).",
    "name": "Name as printed.",
    "target_level": "Target level of the track (`중간1`, `기초`).",
    "duration_months": "Maximum project period, in months.",
    "extension_months": "Extension allowed, in months.",
    "funding": "Who pays what for this track.",
    "awards": "How many are selected.",
    # windows
    "stage": "Which stage the window or document belongs to (application, plan_submission …).",
    "tracks": "Tracks this applies to; empty: every track.",
    "opens": "When the window opens (date, or date and time, KST).",
    "closes": "When the window closes (date, or date and time, KST).",
    "rolling": "Applications accepted at any time (수시).",
    "until_budget_exhausted": "Open until the budget runs out (예산 소진 시까지).",
    # submission
    "channels": "How to apply: online, email, post, visit.",
    "urls": "Web addresses to apply at.",
    "emails": "E-mail addresses to apply to.",
    # clauses, documents, criteria, costs, contacts
    "text": "The clause as printed (a table row's cells joined).",
    "kind": "Machine-usable kind of the clause (`size`, `region`, `tax`, `status`, `sanction`, "
            "`industry`, `duplicate`, else other).",
    "submitters": "Who submits the document (`도입기업`, `공급기업` …).",
    "required": "Whether the document is required (false: only when a condition holds).",
    "validity_months": "The document must have been issued within this many months.",
    "condition": "When it applies, as printed.",
    "item": "The item as printed.",
    "points": "Points (배점), if printed.",
    "group": "The group or category the item belongs to.",
    "amount_krw": "Amount in won.",
    "org": "Organisation.",
    "topic": "What the contact or change is about.",
    "phone": "First phone number, normalized.",
    "phones": "All phone numbers, normalized.",
    "phone_printed": "The phone number(s) as printed.",
    "email": "E-mail address.",
    "before": "The earlier value as the announcement states it.",
    "after": "The new value as the announcement states it.",
    "calls": "Number of RFPs (공모 과제) in this row.",
    "budget_krw": "Budget in won.",
    "relation": "How the related program relates: separately_announced, "
                "concurrent_restriction, prerequisite, other.",
    # findings
    "code": "Stable code of the finding (see `validate/checks.py`).",
    "severity": "error, warning or info.",
    "message": "One sentence saying what is wrong, quoting the text.",
    # program, announcement
    "key": "Stable key of the program (name normalized), for pairing across years.",
    "subprograms": "R&D 내역사업 / 분야 rows: RFP count, awards, budget.",
    "related_programs": "Programs the file describes but does not announce here.",
    "windows": "Application (and other stage) windows.",
    "submission": "How and where to apply.",
    "eligibility": "Who may apply (신청자격).",
    "exclusions": "Who may not apply (지원 제외).",
    "documents": "Documents to submit.",
    "evaluation": "Evaluation criteria (평가항목).",
    "bonus_points": "Bonus points (가점).",
    "obligations": "Obligations of a selected applicant.",
    "costs": "Costs the applicant bears or that are capped.",
    "contacts": "Whom to ask.",
    "section": "The section title the program was read from.",
    "path": "Path of the source file as given.",
    "sha256": "SHA-256 of the source file's bytes.",
    "format": "Format the file was read as: txt, md, pdf, hwp, hwpx.",
    "pages": "Number of pages (PDF), if known.",
    "schema_version": "Version of the announcement contract (docs/CONTRACT.md).",
    "title": "Title of the announcement as printed.",
    "notice_no": "공고 번호 as printed (`중소벤처기업부 공고 제2023-330호`).",
    "issuer": "Who signs the announcement.",
    "announced_on": "Date of the announcement.",
    "announced_on_precision": "`day`, or `month` when only a month is printed.",
    "programs": "Programs announced (a master announcement holds many); empty unless "
                "`kind` is support_call.",
    "declared_changes": "Changes the announcement itself declares (주요 변경사항).",
    "findings": "Validation findings: what to check first.",
    # rule config
    "config_version": "Version of the rule-config format.",
    "program": "Program name as printed.",
    "payers": "Each payer's cap, share and bound; every payer but the applicant follows "
              "`formula`.",
    "formula": "How an engine computes each payer's amount.",
    "max_duration_months": "Maximum project period, in months.",
    "max_extension_months": "Extension allowed, in months.",
    "opens_at": "ISO 8601 timestamp (+09:00) the window opens; a printed date opens at 00:00.",
    "closes_at": "ISO 8601 timestamp (+09:00) the window closes; a printed date closes at "
                 "23:59:59, a printed hour at that hour.",
    "applies_to": "Whom the clause is about when it says so (`도입기업`, `공급기업` …).",
    "sizes": "Company size classes the clause admits (any of them).",
    "regions": "시·도 (short names) the applicant must be located in (any of them).",
    "industries": "Industries the clause names, as printed.",
    "preferential": "A 우대 row (참여우대): whom the program prefers, not a condition.",
    "business_age_years": "업력 the clause requires, in years, as [min, max] (either may be "
                          "null): `창업 7년 이내` is [null, 7], `업력 3년 이상` is [3, null].",
}

PER_MODEL: dict[tuple[str, str], str] = {
    ("Announcement", "kind"): "What the file is: support_call (지원사업·공모·모집), other_notice "
                              "(입찰, 입법예고, 채용, 보도자료 …), form (양식·서식), unknown. Only a "
                              "support_call gets programs and rule configs.",
    ("Announcement", "source"): "The file the spec was extracted from.",
    ("RuleConfig", "source"): "The announcement the config was exported from.",
    ("Track", "name"): "Track (지원유형) name as printed; null for a program without tracks.",
    ("TrackRule", "name"): "Track (지원유형) name as printed; null for a program without tracks.",
    ("Program", "tracks"): "Tracks (지원유형), each with its funding.",
    ("RuleConfig", "tracks"): "Tracks (지원유형), each with its payers and formula.",
    ("Program", "name"): "Program name as printed.",
    ("Program", "awards"): "How many are selected across the program.",
    ("Subprogram", "name"): "Sub-program (내역사업 / 분야) name as printed.",
    ("RelatedProgram", "name"): "Name of the related program as printed.",
    ("DocumentReq", "name"): "Document name as printed.",
    ("DocumentRule", "name"): "Document name as printed.",
    ("Window", "label"): "Round or label of the window as printed (`1차`, `AS지원`).",
    ("WindowRule", "label"): "Round or label of the window as printed (`1차`, `AS지원`).",
    ("ClauseRule", "tracks"): "Tracks the clause (a table row) is labelled with; empty: every "
                              "track.",
    ("ClauseRule", "evidence"): "Spans of the source text stating the clause, with the values "
                                "each supports.",
    ("Finding", "evidence"): "Spans the finding points at.",
    ("Clause", "kind"): "Kind of the clause (`size`, `region`, `tax`, `status`, `sanction`, "
                        "`industry`, `duplicate` …), if clear.",
}


def describe(schema: dict[str, Any]) -> dict[str, Any]:
    """Fill a `description` into every property of the schema and its `$defs` that has none."""
    def fill(model: str, node: dict[str, Any]) -> None:
        for name, prop in node.get("properties", {}).items():
            if "description" not in prop:
                text = PER_MODEL.get((model, name)) or COMMON.get(name)
                if text:
                    prop["description"] = text

    fill(schema.get("title", ""), schema)
    for model, node in schema.get("$defs", {}).items():
        fill(model, node)
    return schema


def undescribed(schema: dict[str, Any]) -> list[str]:
    """`Model.field` of every property without a description (the test wants none)."""
    out = [f"{schema.get('title')}.{n}" for n, p in schema.get("properties", {}).items()
           if "description" not in p]
    for model, node in schema.get("$defs", {}).items():
        out += [f"{model}.{n}" for n, p in node.get("properties", {}).items()
                if "description" not in p]
    return out
