"""The store's tables (SQLAlchemy 2 typed ORM). Migrations: `gonggo/store/migrations/`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON,  # noqa: RUF012
                           datetime: DateTime(timezone=True)}


class Announcement(Base):
    """One announcement file's content (byte-identical copies share a row; see `paths`)."""

    __tablename__ = "announcements"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)  # readable output name
    format: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(Text)
    notice_no: Mapped[str | None] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(Text)
    issuer_family: Mapped[str] = mapped_column(String(100))
    year: Mapped[int | None]
    round: Mapped[int | None]
    announced_on: Mapped[date | None]
    kind: Mapped[str] = mapped_column(String(32))
    schema_version: Mapped[str] = mapped_column(String(16))
    spec: Mapped[dict[str, Any]] = deferred(mapped_column(JSON))
    findings: Mapped[list[Any]] = mapped_column(JSON)
    document: Mapped[bytes] = deferred(mapped_column(LargeBinary))  # gzip'd document JSON
    head: Mapped[str] = mapped_column(Text)  # the preamble, for pairing (store.similarity)
    outputs: Mapped[dict[str, Any]] = mapped_column(JSON)  # what was written, relative to out
    out_dir: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(default=now)
    paired_at: Mapped[datetime | None]  # previous editions looked up (phase 2 done)
    paths: Mapped[list[AnnouncementPath]] = relationship(back_populates="announcement",
                                                         cascade="all, delete-orphan")
    editions: Mapped[list[Edition]] = relationship(back_populates="announcement",
                                                   order_by="Edition.program_index")


class AnnouncementPath(Base):
    __tablename__ = "announcement_paths"
    __table_args__ = (UniqueConstraint("announcement_id", "path"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id"))
    path: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(default=now)
    announcement: Mapped[Announcement] = relationship(back_populates="paths")


class Failure(Base):
    """Content that could not be read: not retried until the bytes change."""

    __tablename__ = "failures"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    error: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=now)


class Program(Base):
    """A support program followed over the years (its editions are paired into it)."""

    __tablename__ = "programs"
    id: Mapped[int] = mapped_column(primary_key=True)
    issuer_family: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    approved_config_id: Mapped[int | None] = mapped_column(
        ForeignKey("rule_configs.id", use_alter=True, name="fk_program_approved_config"))
    created_at: Mapped[datetime] = mapped_column(default=now)
    editions: Mapped[list[Edition]] = relationship(back_populates="program",
                                                   foreign_keys="Edition.program_id")
    approved_config: Mapped[RuleConfig | None] = relationship(foreign_keys=[approved_config_id],
                                                              post_update=True)


class Edition(Base):
    """One program as one announcement states it (a master announcement holds many)."""

    __tablename__ = "editions"
    __table_args__ = (UniqueConstraint("announcement_id", "program_index"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id"))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id"))
    program_index: Mapped[int]
    program_name: Mapped[str] = mapped_column(Text)
    program_key: Mapped[str] = mapped_column(Text)
    issuer_family: Mapped[str] = mapped_column(String(100))
    year: Mapped[int | None]
    round: Mapped[int | None]
    names: Mapped[list[Any]] = mapped_column(JSON)  # what the program is called, for pairing
    config_path: Mapped[str | None] = mapped_column(Text)
    announcement: Mapped[Announcement] = relationship(back_populates="editions")
    program: Mapped[Program | None] = relationship(back_populates="editions",
                                                   foreign_keys=[program_id])


class RuleConfig(Base):
    """A rule config for one program: proposed by an edition, then approved or rejected."""

    __tablename__ = "rule_configs"
    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"))
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id"))
    schema_version: Mapped[str] = mapped_column(String(16))
    config: Mapped[dict[str, Any]] = deferred(mapped_column(JSON))
    status: Mapped[str] = mapped_column(String(16), default="proposed")  # approved, rejected,
    created_at: Mapped[datetime] = mapped_column(default=now)           # superseded
    decided_by: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(Text)
    edition: Mapped[Edition] = relationship()


class ChangeSet(Base):
    """One edition against the one before it (or none: a program seen for the first time)."""

    __tablename__ = "change_sets"
    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"))
    old_edition_id: Mapped[int | None] = mapped_column(ForeignKey("editions.id"))
    new_edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id"), unique=True)
    base_edition_id: Mapped[int | None] = mapped_column(ForeignKey("editions.id"))
    base: Mapped[str] = mapped_column(String(16))  # approved | previous | none
    proposed_config_id: Mapped[int] = mapped_column(ForeignKey("rule_configs.id"))
    score: Mapped[float] = mapped_column(default=0.0)
    why: Mapped[str] = mapped_column(Text, default="")
    report_md: Mapped[str | None] = mapped_column(Text)
    report_html: Mapped[str | None] = mapped_column(Text)
    patch_path: Mapped[str | None] = mapped_column(Text)
    patch: Mapped[list[Any]] = deferred(mapped_column(JSON))
    n_changes: Mapped[int] = mapped_column(default=0)
    schema_version: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # new, to_review, approved, rejected
    created_at: Mapped[datetime] = mapped_column(default=now)
    decided_by: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(Text)
    program: Mapped[Program] = relationship()
    old_edition: Mapped[Edition | None] = relationship(foreign_keys=[old_edition_id])
    new_edition: Mapped[Edition] = relationship(foreign_keys=[new_edition_id])
    base_edition: Mapped[Edition | None] = relationship(foreign_keys=[base_edition_id])
    proposed_config: Mapped[RuleConfig] = relationship(foreign_keys=[proposed_config_id])
