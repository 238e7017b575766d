"""Announcement spec → one `RuleConfig` per program, written as YAML beside its JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import yaml

from gonggo import atomic
from gonggo.export import clauses as clause_values
from gonggo.export.evidence import CLAUSE, DOCUMENT, PAYER, SCORE, TRACK, WINDOW, attribute
from gonggo.ingest.limits import MAX_CONFIG_BYTES
from gonggo.ingest.structured import load_yaml
from gonggo.schemas.announcement import (
    Announcement,
    Clause,
    Criterion,
    DocumentReq,
    Finding,
    Funding,
    Program,
    Track,
    Window,
)
from gonggo.schemas.rule_config import (
    SCHEMA_FILE,
    ClauseRule,
    DocumentRule,
    PayerRule,
    RuleConfig,
    ScoreRule,
    SourceRef,
    TrackRule,
    WindowRule,
    json_schema,
)
from gonggo.vocab.text import compiled

KST = timezone(timedelta(hours=9))
_KINDS = {"size", "region", "tax", "status", "sanction", "industry", "duplicate"}


def timestamp(value: date | datetime | None, end_of_day: bool = False) -> str | None:
    """A printed date becomes the start (or, for a closing date, the end) of that day in KST."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=KST)).isoformat()
    t = time(23, 59, 59) if end_of_day else time(0, 0, 0)
    return datetime.combine(value, t, tzinfo=KST).isoformat()


def payer_rule(f: Funding) -> PayerRule:
    values = {"label": f.payer_label, "cap_krw": f.cap_krw, "share_pct": f.share_pct,
              "share_bound": f.share_bound, "applicant_kinds": list(f.applicant_kinds)}
    return PayerRule(payer=f.payer, **values, evidence=attribute(f.evidence, PAYER))


def track_rule(t: Track) -> TrackRule:
    values = {"name": t.name, "target_level": t.target_level,
              "max_duration_months": t.duration_months,
              "max_extension_months": t.extension_months}
    return TrackRule(**values, payers=[payer_rule(f) for f in t.funding],
                     evidence=attribute(t.evidence, TRACK))


def window_rule(w: Window) -> WindowRule:
    values = {"label": w.label, "tracks": w.tracks, "opens_at": timestamp(w.opens),
              "closes_at": timestamp(w.closes, end_of_day=True), "rolling": w.rolling,
              "until_budget_exhausted": w.until_budget_exhausted}
    return WindowRule(**values, evidence=attribute(w.evidence, WINDOW))


def clause_rule(c: Clause, track_names: list[str] | None = None) -> ClauseRule:
    kind = c.kind if c.kind in _KINDS else "other"
    units = [e.quote for e in c.evidence] or [c.text]
    values = {"text": c.text, "applies_to": clause_values.applies_to(c.text),
              "sizes": _union(clause_values.sizes(u) for u in units),
              "regions": _union(clause_values.regions(u) for u in units),
              "industries": clause_values.industries(c.text) if kind == "industry" else []}
    labels = {"tracks": clause_values.tracks_named(c.text, track_names or []),
              "preferential": clause_values.preferential(c.text),
              "business_age_years": clause_values.business_age(c.text)}
    return ClauseRule(kind=kind, **values, **labels,  # type: ignore[arg-type]
                      evidence=attribute(c.evidence, CLAUSE, _derived(c, values)))


def _derived(c: Clause, values: dict) -> dict:
    """The clause values derived from its text, each with how to find it in one span."""
    derive = {"sizes": clause_values.sizes, "regions": clause_values.regions}
    if values["industries"]:
        derive["industries"] = clause_values.industries
    if values["applies_to"]:
        derive["applies_to"] = lambda q: [r for r in values["applies_to"] if r in q]
    return {name: fn for name, fn in derive.items() if values[name]}


def _union(lists: Iterable[list[str]]) -> list[str]:
    return list(dict.fromkeys(x for xs in lists for x in xs))


def document_rule(d: DocumentReq) -> DocumentRule:
    values = {"name": d.name, "submitters": d.submitters, "required": d.required,
              "validity_months": d.validity_months, "condition": d.condition}
    return DocumentRule(**values, evidence=attribute(d.evidence, DOCUMENT))


def score_rule(c: Criterion) -> ScoreRule:
    values = {"item": c.item, "points": c.points, "group": c.group}
    return ScoreRule(**values, evidence=attribute(c.evidence, SCORE))


def _source(ann: Announcement) -> SourceRef:
    return SourceRef(path=ann.source.path, sha256=ann.source.sha256, title=ann.title,
                     notice_no=ann.notice_no,
                     announced_on=ann.announced_on.isoformat() if ann.announced_on else None,
                     evidence_of={k: v for k, v in ann.evidence_of.items()
                                  if k in ("title", "notice_no", "announced_on")})


def _concerns(finding: Finding, program: Program, ann: Announcement) -> bool:
    """A finding names its program; one that names none concerns every program."""
    return program.name in finding.message or not any(p.name in finding.message
                                                      for p in ann.programs)


def program_config(ann: Announcement, program: Program) -> RuleConfig:
    names = [t.name for t in program.tracks if t.name]
    return RuleConfig(
        program=program.name, key=program.key, source=_source(ann),
        tracks=[track_rule(t) for t in program.tracks],
        windows=[window_rule(w) for w in program.windows],
        eligibility=[clause_rule(c, names) for c in program.eligibility],
        exclusions=[clause_rule(c, names) for c in program.exclusions],
        documents=[document_rule(d) for d in program.documents],
        evaluation=[score_rule(c) for c in program.evaluation],
        bonus_points=[score_rule(c) for c in program.bonus_points],
        findings=[f"{f.code}: {f.message}" for f in ann.findings
                  if f.severity == "error" and _concerns(f, program, ann)],
        evidence_of={k: v for k, v in program.evidence_of.items() if k == "name"},
    )


def configs(ann: Announcement) -> list[RuleConfig]:
    return [program_config(ann, p) for p in ann.programs]


def to_yaml(config: RuleConfig) -> str:
    """YAML with a first line that points editors (yaml-language-server) at the schema."""
    body = yaml.safe_dump(config.model_dump(mode="json"), allow_unicode=True, sort_keys=False,
                          width=100)
    return f"# yaml-language-server: $schema={SCHEMA_FILE}\n{body}"


def load_config(text: str) -> RuleConfig:
    return RuleConfig.model_validate(yaml.safe_load(text))


def load_config_file(path: Path) -> RuleConfig:
    """A rule config file read within `limits` (size, aliases, depth, tracks) and validated;
    raises `DataError` or pydantic's `ValidationError`."""
    return RuleConfig.model_validate(load_yaml(path, MAX_CONFIG_BYTES))


def file_stem(config: RuleConfig, index: int) -> str:
    slug = compiled(r"[^\p{L}\p{N}]+").sub("_", config.key)[:40].strip("_") or "program"
    return f"{index:02d}_{slug}"


def write_configs(ann: Announcement, out: Path) -> list[tuple[Path, RuleConfig]]:
    """One `<NN>_<key>.yaml` per program in `out`, and the JSON Schema they follow beside them."""
    out.mkdir(parents=True, exist_ok=True)
    write_schema(out)
    written = []
    for i, config in enumerate(configs(ann)):
        path = out / f"{file_stem(config, i)}.yaml"
        atomic.write_text(path, to_yaml(config))
        written.append((path, config))
    return written


def write_schema(folder: Path) -> Path:
    path = folder / SCHEMA_FILE
    atomic.write_text(path, json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n")
    return path
