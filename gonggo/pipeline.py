"""The one owner of a run: ingest → extract (→ LLM assist) → validate.

The CLI, the demo, eval, bench and the tests call `parse`; nothing else strings the stages
together (docling's `DocumentConverter.convert`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gonggo.extractors.llm import AssistReport
    from gonggo.schemas.announcement import Announcement, Finding
    from gonggo.schemas.document import Document


@dataclass
class Result:
    """What one file yields: the document read, its validated spec and the spec's findings."""

    document: Document
    spec: Announcement
    assist: AssistReport | None = field(default=None, repr=False)

    @property
    def findings(self) -> list[Finding]:
        return self.spec.findings


def parse(path: str | PathLike[str], *, llm: Any | None = None) -> Result:
    """Read one announcement file and return its document, spec and findings.

    With `llm` (a LangChain chat model) the fields the rules left empty are asked of it;
    every kept value quotes the document. Raises `gonggo.ingest.IngestError` (one line,
    naming the file) when the file cannot be read.
    """
    from gonggo.ingest import read_document

    return parse_document(read_document(Path(path)), llm=llm)


def parse_document(doc: Document, *, llm: Any | None = None) -> Result:
    """`parse` for a document already read (the review page and bench reuse one)."""
    from gonggo.extractors.pipeline import extract
    from gonggo.validate.checks import validate

    spec = extract(doc)
    if llm is None:
        return Result(doc, validate(doc, spec))
    from gonggo.extractors.llm import assist
    from gonggo.extractors.supports import record_supports

    report = assist(doc, spec, llm)
    ann = validate(doc, record_supports(report.spec))
    ann.findings.append(report.finding())
    return Result(doc, ann, report)
