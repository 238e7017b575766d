"""Announcement spec → one `RuleConfig` per program, written as YAML."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import regex
import yaml

from schemas.announcement import Announcement, Clause, Program, Window
from schemas.rule_config import (
    ClauseRule,
    DocumentRule,
    PayerRule,
    RuleConfig,
    ScoreRule,
    SourceRef,
    TrackRule,
    WindowRule,
)

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


def _window(w: Window) -> WindowRule:
    return WindowRule(label=w.label, tracks=w.tracks, opens_at=timestamp(w.opens),
                      closes_at=timestamp(w.closes, end_of_day=True), rolling=w.rolling,
                      until_budget_exhausted=w.until_budget_exhausted, evidence=w.evidence)


def _clause(c: Clause) -> ClauseRule:
    kind = c.kind if c.kind in _KINDS else "other"
    return ClauseRule(kind=kind, text=c.text, evidence=c.evidence)  # type: ignore[arg-type]


def program_config(ann: Announcement, program: Program) -> RuleConfig:
    tracks = [
        TrackRule(name=t.name, target_level=t.target_level, max_duration_months=t.duration_months,
                  max_extension_months=t.extension_months, evidence=t.evidence,
                  payers=[PayerRule(payer=f.payer, label=f.payer_label, cap_krw=f.cap_krw,
                                    share_pct=f.share_pct, share_bound=f.share_bound,
                                    evidence=f.evidence) for f in t.funding])
        for t in program.tracks
    ]
    return RuleConfig(
        program=program.name, key=program.key,
        source=SourceRef(path=ann.source.path, sha256=ann.source.sha256, title=ann.title,
                         notice_no=ann.notice_no,
                         announced_on=ann.announced_on.isoformat() if ann.announced_on else None),
        tracks=tracks,
        windows=[_window(w) for w in program.windows],
        eligibility=[_clause(c) for c in program.eligibility],
        exclusions=[_clause(c) for c in program.exclusions],
        documents=[DocumentRule(name=d.name, submitters=d.submitters, required=d.required,
                                validity_months=d.validity_months, condition=d.condition,
                                evidence=d.evidence) for d in program.documents],
        evaluation=[ScoreRule(item=c.item, points=c.points, group=c.group, evidence=c.evidence)
                    for c in program.evaluation],
        bonus_points=[ScoreRule(item=c.item, points=c.points, group=c.group, evidence=c.evidence)
                      for c in program.bonus_points],
        findings=[f"{f.code}: {f.message}" for f in ann.findings
                  if f.severity == "error" and program.name in f.message],
    )


def configs(ann: Announcement) -> list[RuleConfig]:
    return [program_config(ann, p) for p in ann.programs]


def to_yaml(config: RuleConfig) -> str:
    return yaml.safe_dump(config.model_dump(mode="json"), allow_unicode=True, sort_keys=False,
                          width=100)


def load_config(text: str) -> RuleConfig:
    return RuleConfig.model_validate(yaml.safe_load(text))


def file_stem(config: RuleConfig, index: int) -> str:
    slug = regex.sub(r"[^\p{L}\p{N}]+", "_", config.key)[:40].strip("_") or "program"
    return f"{index:02d}_{slug}"
