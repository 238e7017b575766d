"""Appendices and forms, decided once per document.

An appendix (`붙임 1`, `[별첨]`, `별지`, `첨부`, `참고 2`) holds forms and reference material,
not the terms of the call: every family reads it only when the body says nothing, and the
checks never count it as unplaced. Forms (`【서식 1】`, `[양식 2]`) begin where a form mark
first heads a block; what follows is to be filled in.
"""

from __future__ import annotations

import regex

from gonggo.schemas.document import Document

APPENDIX = regex.compile(
    r"^\s*(?:\[\s*)?(?:붙\s?임|별\s?첨|별\s?지|첨\s?부|참\s?고\s*\d|서\s*식|양\s*식)")
# A table of contents line naming an appendix and its page (`[첨부 2] 연구개발비 편성시
# 유의사항 53`) opens no appendix: the body follows it.
TOC_ENTRY = regex.compile(r"\S\s+(?:[·.…]+\s*)?\d{1,3}\s*$")
FORM_MARK = regex.compile(
    r"^\s*[【\[<〈(]\s*(?:서\s*식|양\s*식|별\s*지)\s*(?:제?\s*\d+\s*호?)?\s*[】\]>〉)]")


# The style of an outline marker: `3` and `12` are one style, so are `①` and `⑤`, `Ⅰ.` and `Ⅳ.`.
_STYLE = [(regex.compile(r"\d+"), "9"), (regex.compile(r"[①-⑳]"), "①"), (regex.compile(r"[Ⅰ-Ⅻ]"), "Ⅰ"),
          (regex.compile(r"^[가-하](?=[.)])"), "가")]


def _style(marker: str | None) -> str:
    m = marker or ""
    for pattern, repl in _STYLE:
        m = pattern.sub(repl, m)
    return m


# An appendix runs on through top-level sections in a style the body's chapters never used: a
# `[참고 3] … 주요 질의응답` appended to the call holds `참고 사항` boxes that the outline puts at
# the top level, and they are the Q&A's, not the call's. A section in a body chapter style
# (`5`, `Ⅱ.`) after a mid-body `[참고 1]` box is the body again. Only with at least this many
# top-level sections before the first appendix is there a body style to compare with (a table
# of contents naming `붙임 1` before the first chapter gives none).
BODY_STYLES_MIN = 3


def _appendix_sections(doc: Document) -> frozenset[int]:
    inside: set[int] = set()
    body_styles: set[str] = set()
    body_tops = 0
    carrying = False  # the last top-level section was in an appendix
    for s in doc.sections:  # parents come before their children
        parent_in = s.parent is not None and s.parent in inside
        opens = (APPENDIX.match(s.marker) or APPENDIX.match(s.title)) and not (
            TOC_ENTRY.search(s.title) and "\n" not in s.title.strip())
        carried = (s.parent is None and carrying and body_tops >= BODY_STYLES_MIN
                   and _style(s.marker) not in body_styles)
        if parent_in or opens or carried:
            inside.add(s.index)
        if s.parent is None:
            if not inside and not opens:
                body_styles.add(_style(s.marker))
                body_tops += 1
            carrying = s.index in inside
    return frozenset(inside)


def appendix_sections(doc: Document) -> frozenset[int]:
    """Indices of the sections inside an appendix (the appendix heading included)."""
    return doc.memo("reading.appendix", lambda: _appendix_sections(doc))


def section_in_appendix(doc: Document, section: int | None) -> bool:
    return section is not None and section in appendix_sections(doc)


def offset_in_appendix(doc: Document, offset: int) -> bool:
    """Whether the text at `offset` lies in an appendix section."""
    inside = appendix_sections(doc)
    return any(doc.sections[i].start <= offset < doc.sections[i].end for i in inside)


def forms_start(doc: Document) -> int:
    """Where the forms begin (`【서식 1】`), or the end of the text."""
    def find() -> int:
        for b in doc.blocks:
            if b.kind != "table" and FORM_MARK.match(doc.text[b.start : b.end]):
                return b.start
        return len(doc.text)
    return doc.memo("reading.forms_start", find)
