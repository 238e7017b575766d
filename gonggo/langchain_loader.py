"""A LangChain document loader: one LangChain `Document` per section of an announcement.

    from gonggo.langchain_loader import GonggoLoader
    docs = GonggoLoader("공고문.hwp").load()

Each section of the outline tree (`gonggo ingest --outline`) becomes one document whose
`page_content` is the section's text (its heading and everything under it, so nested
sections overlap), with metadata:

- `source`: the file, `format`;
- `section`: the path of headings from the top, joined with " > "; `section_index`,
  `level`, `start`, `end` (offsets into the text `gonggo ingest` prints);
- `page`: the page the section starts on, only when the format has pages;
- `program`: the support program the section belongs to (the one program of a
  single-program file; absent for the shared parts of a master announcement).

Needs `langchain-core` (the `llm` extra); nothing else in gonggo imports this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from langchain_core.document_loaders import BaseLoader
from langchain_core.documents import Document as LCDocument

from gonggo.ingest import read_document
from gonggo.schemas.document import Document, Section

PATH_SEPARATOR = " > "


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


def program_at(ranges: list[tuple[int, int, str]], section: Section) -> str | None:
    for start, end, name in ranges:
        if start <= section.start and section.end <= end:
            return name or None
    return None


def section_documents(doc: Document) -> Iterator[LCDocument]:
    ranges = program_ranges(doc)
    for section in doc.sections:
        metadata = {
            "source": doc.source.path,
            "format": doc.source.format,
            "section": PATH_SEPARATOR.join(section_path(doc, section)),
            "section_index": section.index,
            "level": section.level,
            "start": section.start,
            "end": section.end,
            "page": doc.page_at(section.start),
            "program": program_at(ranges, section),
        }
        # Unknown page / program are left out (vector stores refuse None metadata values).
        yield LCDocument(page_content=doc.text[section.start : section.end],
                         metadata={k: v for k, v in metadata.items() if v is not None})


class GonggoLoader(BaseLoader):
    """Load one announcement file (txt, md, pdf, hwp, hwpx) as one document per section."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def lazy_load(self) -> Iterator[LCDocument]:
        yield from section_documents(read_document(self.path))
