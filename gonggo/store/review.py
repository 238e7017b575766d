"""Staff decisions on a proposed rule-config change: approve (the proposed config becomes the
program's approved config; the one before it is kept as history) or reject. Who, when and why
are kept on both the change set and the config."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from gonggo.store.models import ChangeSet, Program


class DecisionError(ValueError):
    pass


def _decide(session: Session, change_set_id: int, who: str, why: str, status: str) -> ChangeSet:
    cs = session.get(ChangeSet, change_set_id)
    if cs is None:
        raise DecisionError(f"변경안 #{change_set_id} 없음")
    if not who.strip():
        raise DecisionError("검토자 이름이 필요합니다")
    if cs.status in ("approved", "rejected"):
        raise DecisionError(f"변경안 #{change_set_id}은(는) 이미 처리됨 ({cs.status})")
    at = datetime.now(UTC)
    cs.status, cs.decided_by, cs.decided_at, cs.reason = status, who.strip(), at, why.strip()
    config = cs.proposed_config
    config.status, config.decided_by, config.decided_at, config.reason = (
        status, who.strip(), at, why.strip())
    if status == "approved":
        program = session.get(Program, cs.program_id)
        assert program is not None
        if program.approved_config is not None:
            program.approved_config.status = "superseded"
        program.approved_config_id = config.id
    session.flush()
    return cs


def approve(session: Session, change_set_id: int, who: str, why: str = "") -> ChangeSet:
    return _decide(session, change_set_id, who, why, "approved")


def reject(session: Session, change_set_id: int, who: str, why: str = "") -> ChangeSet:
    return _decide(session, change_set_id, who, why, "rejected")
