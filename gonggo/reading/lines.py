"""Lines of a scope outside tables, with their offsets, and the markers that start or stop a
run of flattened table lines."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gonggo.reading.scope import Scope

# A list / outline marker at the start of a line.
MARKER = regex.compile(
    r"^\s*(?:[-–—◦∙·•▪ㅇ○●◎▷▶►▸➢✓]|\*{1,3}|※|[①-⑳]|[❶-❿➊-➓]|\d{1,2}[.)]|[(（]\d{1,2}[)）]|[가-하][.)])"
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
    key = ("reading.scope_lines", scope.start, scope.end, lo, hi)
    return list(scope.doc.memo(key, lambda: _scope_lines(scope, lo, hi)))


def _scope_lines(scope: Scope, lo: int, hi: int) -> tuple[Line, ...]:
    out: list[Line] = []
    text = scope.doc.text
    for block in scope.blocks:
        if block.table is not None or block.start < lo or block.end > hi:
            continue
        pos = block.start
        for raw in text[block.start : block.end].split("\n"):
            stripped = raw.strip()  # str.strip() removes exactly the str.isspace() characters
            if stripped:
                s = pos + len(raw) - len(raw.lstrip())
                out.append(Line(s, s + len(stripped), stripped))
            pos += len(raw) + 1
    return tuple(out)


_SPACES = regex.compile(r"\s+")


def clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
