"""LangChain document loaders: an announcement as non-overlapping chunks, each with the path of
headings it sits under.

    from gonggo.langchain_loader import GonggoLoader, GonggoDirectoryLoader
    docs = GonggoLoader("공고문.hwp").load()
    docs = GonggoDirectoryLoader("공고문/").load()

Every character of the text `gonggo ingest` prints lands in exactly one chunk (whitespace-only
chunks are dropped), so a vector store gets the text once, not 2–4 times over nested sections:

- the preamble (title, 공고 번호, the announcing sentence …, before the first heading) is a chunk
  of its own, `section` = `머리말`;
- each section of the outline tree (`gonggo ingest --outline`) contributes the text it owns:
  from its heading to its first subsection, and any text after its last subsection;
- a document without an outline is one chunk per paragraph run (consecutive paragraphs up to
  1,000 characters; a table alone).

Metadata (no None values: vector stores refuse them):
- `source`, `format`; `start`, `end` (offsets into the text);
- `section`: the path of headings from the top, joined with " > "; `level` (the depth of the
  section, 0 for the preamble and paragraph runs); `section_index` when a section owns it;
- `page` when the format has pages; `program` when the chunk belongs to one support program.

Needs `langchain-core` (the `llm` extra, also in `dev`); nothing else in gonggo imports it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from pathlib import Path

from langchain_core.document_loaders import BaseLoader
from langchain_core.documents import Document as LCDocument

from gonggo.ingest import IngestError, read_document
from gonggo.schemas.document import Document, Section

PATH_SEPARATOR = " > "
PREAMBLE = "머리말"
SUFFIXES = (".txt", ".md", ".pdf", ".hwp", ".hwpx")
RUN_CHARS = 1000  # a paragraph run of a document without an outline stays under this
logger = logging.getLogger(__name__)


def section_path(doc: Document, section: Section) -> list[str]:
    """Titles from the top of the tree down to `section`."""
    titles = [section.title]
    parent = section.parent
    while parent is not None:
        titles.append(doc.sections[parent].title)
        parent = doc.sections[parent].parent
    return titles[::-1]


def program_ranges(doc: Document) -> list[tuple[int, int, str]]:
    """`(start, end, program name)` for each program the file announces."""
    from gonggo.extractors.header import read_header
    from gonggo.reading.programs import program_name_from_title, split_programs

    header = read_header(doc)
    scopes = split_programs(doc, header.announced_on)
    if len(scopes) == 1 and scopes[0].name is None:
        return [(scopes[0].start, scopes[0].end, program_name_from_title(header.title)[0])]
    return [(s.start, s.end, s.name or "") for s in scopes]


def program_at(ranges: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for lo, hi, name in ranges:
        if lo <= start and end <= hi:
            return name or None
    return None


def owned_spans(doc: Document) -> list[tuple[int, int, Section | None]]:
    """The text cut at every section boundary, each piece owned by the deepest section holding
    it (None: outside every section, i.e. the preamble); neighbours with one owner merged."""
    cuts = sorted({0, len(doc.text)} | {s.start for s in doc.sections}
                  | {s.end for s in doc.sections})
    pieces: list[tuple[int, int, Section | None]] = []
    for a, b in itertools.pairwise(cuts):
        owners = [s for s in doc.sections if s.start <= a and b <= s.end]
        owner = max(owners, key=lambda s: (s.level, s.start), default=None)
        if pieces and pieces[-1][2] is owner and pieces[-1][1] == a:
            pieces[-1] = (pieces[-1][0], b, owner)
        else:
            pieces.append((a, b, owner))
    return pieces


def paragraph_runs(doc: Document, budget: int = RUN_CHARS) -> list[tuple[int, int]]:
    """Consecutive paragraphs up to `budget` characters (a table is a run of its own): how a
    document without an outline is chunked."""
    runs: list[list[int]] = []  # [start, end, open]
    for block in doc.blocks:
        table = block.kind == "table"
        if runs and runs[-1][2] and not table and block.end - runs[-1][0] <= budget:
            runs[-1][1] = block.end
        else:
            runs.append([block.start, block.end, int(not table)])
    return [(a, b) for a, b, _ in runs] or [(0, len(doc.text))]


def _depth(doc: Document, section: Section) -> int:
    depth, parent = 1, section.parent
    while parent is not None:
        depth, parent = depth + 1, doc.sections[parent].parent
    return depth


def chunk_documents(doc: Document) -> Iterator[LCDocument]:
    ranges = program_ranges(doc)
    if doc.sections:
        spans = [(a, b, s) for a, b, s in owned_spans(doc)]
    else:
        spans = [(a, b, None) for a, b in paragraph_runs(doc)]
    for start, end, section in spans:
        raw = doc.text[start:end]
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        start, end = start + lead, start + len(raw.rstrip())
        if section is not None:
            path = PATH_SEPARATOR.join(section_path(doc, section))
            extra = {"section_index": section.index, "level": _depth(doc, section)}
        else:
            path = PREAMBLE if doc.sections else ""
            extra = {"level": 0}
        metadata = {"source": doc.source.path, "format": doc.source.format, "section": path,
                    "start": start, "end": end, "page": doc.page_at(start),
                    "program": program_at(ranges, start, end), **extra}
        yield LCDocument(page_content=doc.text[start:end],
                         metadata={k: v for k, v in metadata.items() if v is not None})


# kept for callers of the earlier name
section_documents = chunk_documents


class GonggoLoader(BaseLoader):
    """Load one announcement file (txt, md, pdf, hwp, hwpx) as non-overlapping chunks."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def lazy_load(self) -> Iterator[LCDocument]:
        yield from chunk_documents(read_document(self.path))


class GonggoDirectoryLoader(BaseLoader):
    """Every announcement file under a folder (sorted; `recursive` for subfolders). A file that
    cannot be read raises its one-line `IngestError`, or with `silent_errors` is logged and
    skipped."""

    def __init__(self, path: str | Path, recursive: bool = False,
                 silent_errors: bool = False) -> None:
        self.path = Path(path)
        self.recursive = recursive
        self.silent_errors = silent_errors

    def files(self) -> list[Path]:
        found = self.path.rglob("*") if self.recursive else self.path.glob("*")
        return sorted(p for p in found if p.is_file() and p.suffix.lower() in SUFFIXES)

    def lazy_load(self) -> Iterator[LCDocument]:
        for path in self.files():
            try:
                doc = read_document(path)
            except IngestError as err:
                if not self.silent_errors:
                    raise
                logger.warning("%s", err)
                continue
            yield from chunk_documents(doc)
