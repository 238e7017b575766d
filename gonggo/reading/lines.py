"""Lines of a scope outside tables, with their offsets, and the markers that start or stop a
run of flattened table lines."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gonggo.reading.scope import Scope
from gonggo.vocab.text import compiled

# A list / outline marker at the start of a line.
MARKER = regex.compile(
    r"^\s*(?:[-–—◦∙·•▪ㅇ○●◎▷▶►➢✓]|\*{1,3}|※|[①-⑳]|[❶-❿➊-➓]|\d{1,2}[.)]|[(（]\d{1,2}[)）]|[가-하][.)])"
)
# Lines that end a flattened table: headings, captions, notes.
STOP = regex.compile(
    r"^\s*(?:[□■◆◇◈☞【<〈《]|※|\*|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|\d{1,2}\s*[.．]\s|[(（]\d{1,2}[)）]\s|붙\s*임|별\s*첨)"
)

@dataclass
class Line:
    """One line of `doc.text` (outside tables), with its offsets."""

    start: int
    end: int
    text: str


def scope_lines(scope: Scope, start: int | None = None, end: int | None = None) -> list[Line]:
    """The non-table lines of `scope` (or of `[start, end)` inside it), stripped."""
    lo = scope.start if start is None else start
    hi = scope.end if end is None else end
    out: list[Line] = []
    for block in scope.blocks:
        if block.table is not None or block.start < lo or block.end > hi:
            continue
        pos = block.start
        for raw in scope.doc.text[block.start : block.end].split("\n"):
            s, e = pos, pos + len(raw)
            pos = e + 1
            while s < e and scope.doc.text[s].isspace():
                s += 1
            while e > s and scope.doc.text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Line(s, e, scope.doc.text[s:e]))
    return out


def clean(text: str) -> str:
    return compiled(r"\s+").sub(" ", text).strip()
