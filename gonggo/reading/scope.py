"""What every extractor reads through: a `Scope` (the part of a document one program is read
from: a master announcement's `(n)` section, or the whole file) and evidence spans into it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import pairwise

import regex

from gonggo.schemas.announcement import Evidence
from gonggo.schemas.document import Block, Document, Section, Table
from gonggo.vocab.text import strip_marker


def _starts(items: list[Block] | list[Section]) -> tuple[list[int], bool]:
    starts = [x.start for x in items]
    return starts, all(a <= b for a, b in pairwise(starts))


def evidence(doc: Document, start: int, end: int) -> Evidence:
    """A span of `doc.text`, trimmed of surrounding white space, with its page."""
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, quote=doc.text[start:end], page=doc.page_at(start))


def evidence_of_text(doc: Document, needle: str, lo: int = 0, hi: int | None = None) -> Evidence | None:
    """Evidence for the first occurrence of `needle` in `doc.text[lo:hi]`, if any."""
    i = doc.text.find(needle, lo, len(doc.text) if hi is None else hi)
    return None if i < 0 else evidence(doc, i, i + len(needle))


@dataclass
class Scope:
    """The blocks one program is read from, plus the announcement-wide context.

    A program read from a master's overview table owns blocks that are not one stretch of
    text: `own_blocks` (its rows of the overview table, as a table of the header rows and its
    own rows, plus the sections and tables that name it) replaces the blocks of
    `start`..`end` (the first of its parts). `shared` are the stretches of the file no
    program owns (common eligibility, exclusions, windows, contacts); `name_span` is where
    the program's name is printed; `overview_rows` how many rows of that table it owns.
    """

    doc: Document
    start: int
    end: int
    section: Section | None = None
    announced_on: date | None = None
    name: str | None = None
    own_blocks: list[Block] | None = None
    shared: list[tuple[int, int]] = field(default_factory=list)
    name_span: tuple[int, int] | None = None
    overview_rows: int = 0  # how many rows of a master's overview table are this program's
    not_shared: tuple[str, ...] = ()  # fact families the shared stretches say are not its
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def year(self) -> int | None:
        return self.announced_on.year if self.announced_on else None

    @cached_property
    def blocks(self) -> list[Block]:
        if self.own_blocks is not None:
            return self.own_blocks
        lo, hi = self._range(self.doc.blocks, "scope.block_starts")
        return [b for b in self.doc.blocks[lo:hi] if b.start >= self.start and b.end <= self.end]

    @cached_property
    def sections(self) -> list[Section]:
        lo, hi = self._range(self.doc.sections, "scope.section_starts")
        return [s for s in self.doc.sections[lo:hi] if self.start <= s.start < self.end]

    def _range(self, items: list[Block] | list[Section], key: str) -> tuple[int, int]:
        """The slice of `items` (in document order) that can start inside the scope: a
        program scope reads its part of the list, not the whole document's."""
        starts, ordered = self.doc.memo(key, lambda: _starts(items))
        if not ordered:
            return 0, len(items)  # not in order: read them all
        return bisect_left(starts, self.start), bisect_right(starts, self.end)

    @cached_property
    def parts(self) -> list[tuple[int, int]]:
        """The stretches of text the program owns: `start`..`end`, or its own blocks' spans
        (merged where they touch) when it owns blocks that are not one stretch."""
        if self.own_blocks is None:
            return [(self.start, self.end)]
        out: list[tuple[int, int]] = []
        for b in sorted(self.own_blocks, key=lambda b: b.start):
            if out and b.start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b.end))
            else:
                out.append((b.start, b.end))
        return out

    def text(self, block: Block) -> str:
        return self.doc.text[block.start : block.end]

    def tables(self) -> Iterator[tuple[Block, Table]]:
        for b in self.blocks:
            if b.table is not None:
                yield b, b.table

    def sections_titled(self, pattern: str) -> list[Section]:
        """Sections whose title (marker removed) matches `pattern` at its start."""
        rx = regex.compile(pattern)
        return [s for s in self.sections if rx.search(strip_marker(s.title)[:40])]

    def blocks_in(self, section: Section) -> list[Block]:
        return [b for b in self.blocks if section.start <= b.start and b.end <= section.end]

    def evidence(self, start: int, end: int) -> Evidence:
        return evidence(self.doc, start, end)
