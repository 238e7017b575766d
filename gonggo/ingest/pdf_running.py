"""Running headers and footers: page numbers and lines repeated in a page margin."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import regex

from gonggo.ingest.pdf_text import Line

# `- 6 -`, `6`, `6 / 25`, `- 6/25 -`, `(6)`, `page 6`, `6쪽`, `- ⅱ -`
PAGE_NUMBER = regex.compile(
    r"^[-–—~\[(]?\s*(?:p(?:age)?\.?\s*)?(?:\d{1,4}|[ivxlⅰ-ⅻ]{1,6})\s*(?:[/of]+\s*\d{1,4})?"
    r"\s*(?:쪽|페이지)?\s*[-–—~\])]?$",
    regex.I,
)
_DIGITS = regex.compile(r"\d+")
_SPACE = regex.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub("", _DIGITS.sub("#", text))


def running_lines(pages: list[tuple[list[Line], float]], settings: dict[str, Any]
                  ) -> list[dict[int, str]]:
    """Per page: index of a line in that page's list → "header" or "footer".

    Candidates are the first / last `running_max_lines` lines of a page that lie in the
    top / bottom `running_zone` of its height. A candidate is running when it is a page
    number, or when the same text (digits ignored) is a candidate on at least
    `running_min_share` of the pages (and on two pages or more).
    """
    zone = settings["running_zone"]
    k = settings["running_max_lines"]
    candidates: list[dict[int, str]] = []
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for p, (lines, height) in enumerate(pages):
        found: dict[int, str] = {}
        for i in range(min(k, len(lines))):
            if lines[i].bottom <= zone * height:
                found[i] = "header"
        for i in range(max(0, len(lines) - k), len(lines)):
            if lines[i].top >= (1 - zone) * height:
                found[i] = "footer"
        for i, where in found.items():
            seen[(where, _key(lines[i].text))].add(p)
        candidates.append(found)
    need = max(2, math.ceil(settings["running_min_share"] * len(pages)))
    offsets: dict[tuple[str, int], int] = defaultdict(int)
    for p, found in enumerate(candidates):
        for i, where in found.items():
            text = pages[p][0][i].text.strip()
            if text.isdigit():
                offsets[(where, int(text) - p)] += 1

    def running(p: int, i: int, where: str) -> bool:
        text = pages[p][0][i].text.strip()
        if len(seen[(where, _key(text))]) >= need and not text.isdigit():
            return True
        if text.isdigit():
            return offsets[(where, int(text) - p)] >= need
        return bool(PAGE_NUMBER.match(text))

    return [{i: where for i, where in found.items() if running(p, i, where)}
            for p, found in enumerate(candidates)]
