"""Assemble reader output into one `Document`.

Readers do not compute offsets: they hand over `RawBlock`s (paragraphs, tables, headers,
footers) in reading order, and this module normalizes each block's text, lays the blocks
out in the one normalized text, and records every span. Structure (headings, the section
tree) is added afterwards by `ingest.structure`.

Layout of the normalized text:
- blocks are separated by one "\n";
- a table is its rows separated by "\n", the cells of a row by "\t" (a merged cell's text
  appears once, at its top-left position); a cell's own line breaks are kept;
- a nested table's text follows its cell's own text on new lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

import regex

from gonggo.ingest.glyphs import MAPPED, map_glyphs
from gonggo.schemas.document import Document, ReadFinding, SourceInfo

# Control characters (but \n and \t) and zero-width characters are dropped (one regex pass:
# faster than `str.translate` with a dict on Hangul text). These four are `re` patterns: plain
# character classes, which `re` scans about twice as fast as `regex` (0.46 vs 0.96 ms for the
# search over the 47 k characters of msit_ict_rnd_2026_1st_gonggo.hwp; the same matches).
_DROP_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
_HSPACE = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING = re.compile(r" +(?=\n|$)")
# Anything `normalize_text` would change besides private-use glyphs and outer line breaks: a
# control, zero-width or tab character (\n aside), a special space, two spaces, a space before
# a line break or at the end. Most lines of most documents hold none (one search, then done).
# `glyphs.MAPPED` on `re`: map_glyphs only where a text holds one of its characters (its own `regex` search
# of a text with none, nearly every text, costs several times more).
_MAPPED = re.compile(MAPPED.pattern)
_SPECIAL = (r"\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u00a0\u2000-\u200a\u202f\u205f"
            r"\u3000")
_NEEDS_CLEANING = re.compile(rf"[{_SPECIAL}]|\x20(?:\x20|\n|$)")
# A special character or a glyph to map: without one (nearly every line), only ASCII spaces
# can need work, done with `str` methods (msit_ict_rnd_2026_1st_gonggo.hwp: 119 of its 351
# paragraphs hold two spaces or a trailing one, each cleaned by four regex calls before).
_SPECIAL_OR_MAPPED = re.compile(rf"[{_SPECIAL}{MAPPED.pattern[1:-1]}]")  # MAPPED: one class



@dataclass(slots=True)
class RawTable:
    n_rows: int
    n_cols: int
    cells: list[RawCell]


@dataclass(slots=True)
class RawCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    nested: list[RawTable] = field(default_factory=list)


@dataclass(slots=True)
class RawBlock:
    kind: str = "paragraph"  # paragraph | table | header | footer | caption | heading | list_item
    text: str = ""
    table: RawTable | None = None
    page: int | None = None
    section_index: int | None = None
    paragraph_index: int | None = None


def normalize_text(text: str, keep_tabs: bool = False) -> str:
    """NFC, no control characters, runs of spaces folded, no trailing spaces on a line."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _SPECIAL_OR_MAPPED.search(text) is None:
        # what _HSPACE and _TRAILING do to a text of ASCII spaces only
        while "  " in text:
            text = text.replace("  ", " ")
        if " \n" in text:
            text = text.replace(" \n", "\n")
        if text[-1:] == " ":
            text = text[:-1]
    elif _NEEDS_CLEANING.search(text) is None:
        if _MAPPED.search(text) is not None:
            text = map_glyphs(text)
    else:
        text = _DROP_CHARS.sub("", text)
        if not keep_tabs and "\t" in text:
            text = text.replace("\t", " ")
        if _MAPPED.search(text) is not None:
            text = map_glyphs(text)
        text = _TRAILING.sub("", _HSPACE.sub(" ", text))
    return text.strip("\n") if text[:1] == "\n" or text[-1:] == "\n" else text


@lru_cache(maxsize=8192)
def _normalize_cell(text: str) -> str:
    # Cached: forms repeat the same cell texts (labels, blanks) thousands of times.
    return "\n".join(ln for ln in (x.strip() for x in normalize_text(text).split("\n")) if ln)


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def write(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)

    def mark(self) -> int:
        return len(self.parts)

    def since(self, mark: int) -> str:
        """What was written after `mark` (cheap: only those parts are joined)."""
        return "".join(self.parts[mark:])


def _table_is_empty(table: RawTable) -> bool:
    return all(not _normalize_cell(c.text) and all(_table_is_empty(n) for n in c.nested)
               for c in table.cells)


def _write_table(w: _Writer, raw: RawTable) -> dict[str, Any]:
    """Write a table's text; returns the table as a plain dict, validated with the document
    (one validator call for all blocks, tables and cells of the document)."""
    n_rows = max([raw.n_rows] + [c.row + c.row_span for c in raw.cells]) if raw.cells else raw.n_rows
    n_cols = max([raw.n_cols] + [c.col + c.col_span for c in raw.cells]) if raw.cells else raw.n_cols
    by_row: dict[int, list[RawCell]] = {}
    for cell in raw.cells:
        by_row.setdefault(cell.row, []).append(cell)
    cells: list[dict[str, Any]] = []
    # The writer's parts and position kept in locals across the cells of plain rows (one
    # method call per cell less); a cell with nested tables goes through `_write_cell`.
    parts = w.parts
    pos = w.pos
    normalize = _normalize_cell
    for r in range(n_rows):
        row_cells = by_row.get(r)
        if not row_cells:
            continue
        row_cells.sort(key=_column)
        if cells:  # a row was written before this one
            parts.append("\n")
            pos += 1
        first = True
        for rc in row_cells:
            if first:
                first = False
            else:
                parts.append("\t")
                pos += 1
            if rc.nested:
                w.pos = pos
                cells.append(_write_cell(w, rc))
                pos = w.pos
                continue
            own = normalize(rc.text)
            start = pos
            if own:
                parts.append(own)
                pos += len(own)
            cells.append({"row": rc.row, "col": rc.col, "row_span": rc.row_span,
                          "col_span": rc.col_span, "text": own, "start": start, "end": pos,
                          "nested": []})
    w.pos = pos
    return {"n_rows": n_rows, "n_cols": n_cols, "cells": cells}


_column = attrgetter("col")  # a sort key without a Python call per cell


def _write_cell(w: _Writer, rc: RawCell) -> dict[str, Any]:
    start = w.pos
    own = _normalize_cell(rc.text)
    nested: list[dict[str, Any]] = []
    mark = w.mark()
    if own:
        w.write(own)
    for sub in rc.nested:
        if _table_is_empty(sub):
            continue
        if w.pos > start:
            w.write("\n")
        nested.append(_write_table(w, sub))
    text = w.since(mark) if rc.nested else own
    return {"row": rc.row, "col": rc.col, "row_span": rc.row_span, "col_span": rc.col_span,
            "text": text, "start": start, "end": w.pos, "nested": nested}


def build_document(
    raw_blocks: list[RawBlock],
    source: SourceInfo,
    findings: list[ReadFinding] | None = None,
) -> Document:
    """Lay out `raw_blocks` in one normalized text; empty blocks are dropped."""
    w = _Writer()
    # Blocks, tables and cells as plain dicts, validated once with the document: one validator
    # call instead of one `Block(...)` per block and one `Table` per table.
    blocks: list[dict[str, Any]] = []
    for raw in _unwrap_boxes(raw_blocks):
        if raw.table is not None:
            if _table_is_empty(raw.table):
                continue
            if blocks:
                w.write("\n")
            start = w.pos
            table = _write_table(w, raw.table)
            blocks.append({"kind": "table", "start": start, "end": w.pos, "page": raw.page,
                           "section_index": raw.section_index,
                           "paragraph_index": raw.paragraph_index, "table": table})
            continue
        text = normalize_text(raw.text)
        if not text.strip():
            continue
        if blocks:
            w.write("\n")
        start, end = w.write(text)
        kind = raw.kind if raw.kind in ("paragraph", "header", "footer", "caption", "heading",
                                        "list_item") else "paragraph"
        blocks.append({"kind": kind, "start": start, "end": end, "page": raw.page,
                       "section_index": raw.section_index,
                       "paragraph_index": raw.paragraph_index})
    text = w.text()
    # Imported here so that builder stays usable by structure's own tests.
    from gonggo.ingest.structure import structure_blocks

    # The outline is read on the dicts, so each block is validated once with all its fields.
    blocks, sections = structure_blocks(text, blocks)
    return Document(source=source, text=text, blocks=blocks, sections=sections,
                    findings=list(findings or []))


# A line that opens with an outline marker (`□`, `○`, `1.`, `(1)`, `-`, `※` …).
_OUTLINE_START = regex.compile(r"^\s*(?:[□■○◦●◎ㅇ▶▷※*\-·ㆍ①-⑳]|\(?\d{1,2}[.)]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])")


def _is_box(table: RawTable) -> bool:
    """A one-cell table holding prose: a layout frame (HWP `글상자`-style box), not data."""
    if len(table.cells) != 1 or table.n_rows != 1 or table.n_cols != 1:
        return False
    # the cell's text as the table would print it (cached): its lines are the stripped
    # non-empty lines of `normalize_text`, and `_OUTLINE_START` skips leading space itself
    lines = _normalize_cell(table.cells[0].text).split("\n")
    return len(lines) >= 2 or any(_OUTLINE_START.match(ln) for ln in lines if ln)


def _unwrap_boxes(raw_blocks: list[RawBlock]) -> list[RawBlock]:
    """Frames around a part of the announcement become that part's paragraphs (and tables).

    HWP and HWPX announcements often draw whole chapters (`□ 사업목적 …`) inside a one-cell
    table; read as a table, their outline would be invisible to the section tree.
    """
    out: list[RawBlock] = []
    for raw in raw_blocks:
        if raw.table is None or not _is_box(raw.table):
            out.append(raw)
            continue
        cell = raw.table.cells[0]
        for line in cell.text.split("\n"):
            if line.strip():
                out.append(RawBlock(kind="paragraph", text=line, page=raw.page,
                                    section_index=raw.section_index,
                                    paragraph_index=raw.paragraph_index))
        for sub in cell.nested:
            out += _unwrap_boxes([RawBlock(kind="table", table=sub, page=raw.page,
                                           section_index=raw.section_index,
                                           paragraph_index=raw.paragraph_index)])
    return out


@dataclass
class ReaderOutput:
    """What a format reader returns: blocks in reading order, what it could not read, pages."""

    blocks: list[RawBlock]
    findings: list[ReadFinding] = field(default_factory=list)
    pages: int | None = None
