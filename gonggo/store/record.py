"""Phase 1 of `update`, one transaction per file: write the file's outputs (each whole), then
store the announcement, its paths and one edition per program."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggo.store.files import output_name, write_atomic
from gonggo.store.models import Announcement, AnnouncementPath, Edition, Failure
from gonggo.store.work import Extracted, findings_json


def known(session: Session, sha256: str) -> Announcement | Failure | None:
    ann = session.scalar(select(Announcement).where(Announcement.sha256 == sha256))
    return ann or session.get(Failure, sha256)


def remember_path(session: Session, ann: Announcement, path: str) -> bool:
    """A byte-identical copy under another path: one more path, no work. True when new."""
    if any(p.path == path for p in ann.paths):
        return False
    ann.paths.append(AnnouncementPath(path=path))
    return True


def unique_name(session: Session, item: Extracted) -> str:
    name = output_name(item.issuer_family, item.year, Path(item.path).stem, item.sha256)
    taken = session.scalar(select(Announcement.id).where(Announcement.name == name))
    return name if taken is None else f"{name}{item.sha256[8:16]}"


def write_outputs(out: Path, name: str, item: Extracted) -> dict[str, str]:
    """The announcement's files under `out/announcements/<name>/`; paths relative to `out`."""
    from gonggo.export.config import write_schema

    base = out / "announcements" / name
    files = {
        "text": write_atomic(base / "text.txt", item.text + "\n"),
        "spec": write_atomic(base / "spec.json",
                             json.dumps(item.spec, ensure_ascii=False, indent=1)),
        "findings": write_atomic(base / "findings.json", findings_json(item.spec)),
        "review": write_atomic(base / "review.html", item.review_html),
    }
    if item.configs_yaml:
        (base / "rules").mkdir(parents=True, exist_ok=True)
        write_schema(base / "rules")
    for stem, text in item.configs_yaml:
        files[f"rules/{stem}"] = write_atomic(base / "rules" / f"{stem}.yaml", text)
    return {k: p.relative_to(out).as_posix() for k, p in files.items()}


def record(session: Session, item: Extracted, out: Path) -> Announcement:
    spec = item.spec
    name = unique_name(session, item)
    outputs = write_outputs(out, name, item)
    ann = Announcement(
        sha256=item.sha256, name=name, format=spec["source"]["format"], title=spec["title"],
        notice_no=spec.get("notice_no"), issuer=spec.get("issuer"),
        issuer_family=item.issuer_family, year=item.year, round=item.round,
        announced_on=date.fromisoformat(spec["announced_on"]) if spec.get("announced_on")
        else None,
        kind=spec.get("kind", "support_call"), schema_version=spec["schema_version"], spec=spec,
        findings=spec.get("findings", []), document=item.document_gz, head=item.head,
        outputs=outputs, out_dir=str(out.resolve()))
    ann.paths.append(AnnouncementPath(path=item.path))
    rules = sorted(k for k in outputs if k.startswith("rules/"))
    for i, program in enumerate(spec.get("programs", [])):
        ann.editions.append(Edition(
            program_index=i, program_name=program["name"], program_key=program["key"],
            issuer_family=item.issuer_family, year=item.year, round=item.round,
            names=item.names[i] if i < len(item.names) else [],
            config_path=outputs[rules[i]] if i < len(rules) else None))
    session.add(ann)
    session.flush()
    return ann


def record_failure(session: Session, item: Extracted) -> None:
    session.merge(Failure(sha256=item.sha256, path=item.path, error=item.error or ""))
