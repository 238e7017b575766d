"""Split an announcement into the programs it announces.

A master announcement (e.g. ten programs, each a `(n)` section) is recognised by its
shape, not by names: a set of sibling sections each of which has sub-headings for several
distinct facets of a program (개요, 지원내용, 신청자격, 신청기간, 지원규모, 선정·평가, 제출서류),
while its own title is not a facet word. Anything else is one program over the whole file.
"""

from __future__ import annotations

from datetime import date

import regex

from gonggo.reading.scope import Scope
from gonggo.schemas.document import Document, Section
from gonggo.vocab.headings import PROGRAM_FACETS, pattern
from gonggo.vocab.text import compiled, norm_key, strip_marker

# the facets whose headings, among a section's children, make it a program section
_FACET_RX = {name: pattern(name) for name in PROGRAM_FACETS}
_ANY_FACET = regex.compile("|".join(f"(?x:{rx.pattern})" for rx in _FACET_RX.values()))


def facets_of(doc: Document, section: Section) -> set[str]:
    """The facets named by headings anywhere below `section` (each subtree read once per
    document: a deep outline asks again for every ancestor)."""
    memo: dict[int, frozenset[str]] = doc.memo("reading.program_facets", dict)
    stack = [(section.index, False)]
    while stack:
        k, done = stack.pop()
        if k in memo:
            continue
        children = doc.sections[k].children
        if not done:
            stack.append((k, True))
            stack.extend((c, False) for c in children if c not in memo)
            continue
        found: set[str] = set()
        for c in children:
            child = doc.sections[c]
            if doc.blocks[child.block].kind == "heading":
                title = strip_marker(child.title)[:30]
                found |= {name for name, rx in _FACET_RX.items() if rx.match(title)}
            found |= memo[c]
        memo[k] = frozenset(found)
    return set(memo[section.index])


def is_program_section(doc: Document, section: Section) -> bool:
    if doc.blocks[section.block].kind != "heading":
        return False
    title = strip_marker(section.title)
    if _ANY_FACET.match(title[:20]):
        return False
    return len(facets_of(doc, section)) >= 3


def program_sections(doc: Document) -> list[Section]:
    """The sibling sections of a master announcement, or [] for a one-program file (found
    once per document: every program's extractors ask)."""
    return list(doc.memo("reading.program_sections", lambda: _program_sections(doc)))


def _program_sections(doc: Document) -> list[Section]:
    groups: dict[int | None, list[Section]] = {}
    for s in doc.sections:
        if is_program_section(doc, s):
            groups.setdefault(s.parent, []).append(s)
    best = max(groups.values(), key=len, default=[])
    return best if len(best) >= 2 else []


def program_name_from_title(title: str) -> tuple[str, int, int]:
    """The program's name inside a title, with its offsets in `title`.

    `2026년도 『 대중소상생형 스마트공장 구축지원 사업 』 … 모집 공고` → the 『』 part;
    otherwise the title without its leading year and trailing `공고`.
    """
    m = compiled(r"[『「｢]\s*(.+?)\s*[』」｣]").search(title)
    if m:
        return m.group(1), m.start(1), m.end(1)
    start, end = 0, len(title)
    y = compiled(r"\s*[’'‘]?\d{2,4}\s*년\s*도?\s*").match(title)
    if y:
        start = y.end()
    tail = compiled(r"\s*(?:\(\s*\d+\s*차\s*\)\s*)?(?:모집\s*)?공고(?:\s*\(\s*\d+\s*차\s*\))?\s*$").search(title[start:])
    if tail and tail.start() > 0:
        end = start + tail.start()
    return title[start:end].strip(), start, end


def program_key(name: str) -> str:
    """Stable slug for matching a program across years: no years, rounds, brackets, spaces."""
    # `\d++` and `(?<!\d)`: a round number is taken whole from the start of its digit run
    # (a backtracking `\d+\s*차` rescanned a long digit run from every position).
    name = regex.sub(r"[’']?\d{2,4}\s*년\s*도?|\(\s*\d++\s*차\s*\)|(?<!\d)\d++\s*차", "", name)
    return norm_key(name)


def split_programs(doc: Document, announced_on: date | None) -> list[Scope]:
    sections = program_sections(doc)
    if not sections:
        return [Scope(doc=doc, start=0, end=len(doc.text), announced_on=announced_on)]
    return [
        Scope(doc=doc, start=s.start, end=s.end, section=s, announced_on=announced_on,
              name=strip_marker(s.title))
        for s in sections
    ]
