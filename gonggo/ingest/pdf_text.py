"""Characters → lines → paragraphs, with the line-joining rules of Korean announcements.

A line is the characters whose vertical centres fall in one band, read left to right; a
word space is written where a space glyph was drawn or where the gap between two glyphs
is wider than `word_gap` times the font size (many PDFs position words without drawing
spaces). Paragraphs join a line to the one before it when that one was cut by the right
margin in mid-sentence (see `continues`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter, sub
from typing import Any

import regex

from gonggo.ingest.pdf_calls import NATIVE
from gonggo.ingest.pdf_page import Char
from gonggo.ingest.structure import find_marker

# Hangul syllables and Jamo: no space is assumed between two of these at a line break
# when the line's spaces are drawn glyphs and none was drawn at the break.
_HANGUL = regex.compile(r"[\p{Hangul}]")
# A line that ends like this closes its sentence (or item): `…합니다.`, `…함`, `…(6p)`.
# The Hangul endings only count after another syllable: a lone `다` at the end of a line
# is the first syllable of a word the wrap cut (`다` / `음과 같이`).
# Searched from the end (`(?r)`): the same verdict as a forward search, which tries every
# position of the line first (2.3 vs 0.5 us a line over the sample PDFs' lines).
_SENTENCE_END = regex.compile(
    r"(?r)(?:[.。?!:;)\]）」』>〉》]|(?<=\p{Hangul})(?:다|함|음|임|됨|요)|(?:^|\s|\p{Hangul})것)\s*$"
)


_X0 = itemgetter(1)  # Char.x0, without the property lookup

# First characters of every pattern in `ingest.structure.MARKER_RULES`.
_MARKER_HEADS = frozenset(
    "[붙별참#ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩIVX(（가나다라마바사아자차카타파하①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮"
    "□■◼◻▣◦○●◎∘ㅇ▪▫▸▶►◆◇-–—ㆍ·∙•※*☞주"
)
# Note marks that `ingest.structure` does not list but that still open a new item.
_MORE_NOTES = regex.compile(r"^\s*(?:\*{3,}|※{2,})")
# A Latin `o` used as a round bullet (`o 신청과제가 …`, `o 1,2,3,4,7,8,10,11번 제출 서류는 …`:
# MSIT/IITP and mafra announcements): the HWP twin keeps each such item on its own line, so
# the PDF must not join it to the line before even when that one ran to the margin
# (`… 연구개발인 경우는 예외` / `o 주관연구개발기관, …` read as one line lost an exclusion).
# The PDF may drop the space after it (`o연구개발계획서는 …`).
_LATIN_BULLET = regex.compile(r"^\s*o(?:\s+(?=[^\s\p{Latin}])|(?=\p{Hangul}))")


@dataclass
class Line:
    chars: list[Char]
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # font size (median glyph box height)
    drawn_spaces: bool  # the line's word spaces are space glyphs, not only gaps
    ends_with_space: bool
    starts_with_space: bool
    first_word_x1: float  # right end of the line's first word

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Paragraph:
    lines: list[Line] = field(default_factory=list)
    text: str = ""
    column: Column = (0.0, 0.0)  # extent of the text of its container

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def first(self) -> Line:
        return self.lines[0]


# The rules below in C (`_pdfscan.lines`, built with the package: `pdf_calls`): the same
# lines (tests/test_pdf_lines.py) for 3.4x less CPU (7,755 calls over the pages of the sample
# and corpus PDFs, parts of them and five settings: 0.93 s against 3.19 s, the `Line`s made
# included); None where it was not built.
_C_LINES = NATIVE.scan.lines if NATIVE.scan is not None else None


def build_lines(chars: Sequence[Char], settings: dict[str, Any]) -> list[Line]:
    """Group characters into lines, top to bottom."""
    if not chars:
        return []
    band = 2 * settings["line_overlap"]  # centres are compared doubled: top + bottom
    if _C_LINES is not None:
        made = _C_LINES(chars, band, settings["word_gap"], settings["dedupe_tolerance"])
        if made is not None:  # None: a coordinate that is not a finite float
            return [Line(*fields) for fields in made]
    mids = [c[2] + c[4] for c in chars]  # top + bottom
    order = sorted(range(len(mids)), key=mids.__getitem__)
    groups: list[list[Char]] = []
    first = order[0]
    current: list[Char] = [chars[first]]
    first_mid = mids[first]
    height = chars[first][4] - chars[first][2]
    for i in order[1:]:
        c = chars[i]
        h = c[4] - c[2]
        if mids[i] - first_mid <= band * (height if height > h else h):  # noqa: FURB136 - max(h, height)
            current.append(c)
            if h > height and c[0] != " ":
                height = h
        else:
            groups.append(current)
            current = [c]
            first_mid = mids[i]
            height = h
    groups.append(current)
    word_gap, tol = settings["word_gap"], settings["dedupe_tolerance"]
    lines = [_make_line(g, word_gap, tol) for g in groups]
    return [ln for ln in lines if ln.text]


_SPACES = re.compile(" {2,}")
_REPEATED = re.compile(r"(.)\1", re.DOTALL)  # a character twice in a row


def _make_line(chars: list[Char], word_gap: float, tol: float) -> Line:
    """One line of `chars` (sorted here, left to right): a word space where a space glyph
    was drawn or the gap before a glyph is over `word_gap` × the line's font size; a glyph
    over-printed within `tol` of the one before it (fake bold) is dropped.

    The text is the characters' texts joined and cut at the gaps, the gap test the only
    Python step per character: 15-20 % less CPU than a Python loop writing one character at
    a time (`_make_line_by_char`, kept for texts that are not one character each) on lines
    of 8 characters or more (the 38 k lines of the sample and corpus PDFs, old and new
    alternating in one process)."""
    chars.sort(key=_X0)
    texts, x0s, tops, x1s, bottoms = zip(*chars)
    joined = "".join(texts)
    if len(joined) != len(texts) or "" in texts:
        return _make_line_by_char(chars, word_gap, tol)
    # the median glyph height (over-printed glyphs too, space glyphs not)
    if " " in joined:
        heights = sorted([b - t for t, b, x in zip(tops, bottoms, texts) if x != " "])
    else:
        heights = sorted(map(sub, bottoms, tops))
    size = heights[len(heights) // 2] if heights else 0.0
    if _REPEATED.search(joined):  # maybe an over-printed glyph (the same one twice in a row)
        kept = _distinct(chars, tol)
        if len(kept) < len(chars):
            chars = kept
            texts, x0s, tops, x1s, bottoms = zip(*chars)
            joined = "".join(texts)
    gap_min = word_gap * size
    # the characters after a gap wider than a word space
    gaps = [i for i, gap in enumerate(map(sub, x0s[1:], x1s), 1) if gap > gap_min]
    text = joined
    if gaps:
        text = " ".join([joined[a:b] for a, b in zip([0, *gaps], [*gaps, len(joined)])])
    if "  " in text:  # space glyphs in a row, or a gap beside one: one space
        text = _SPACES.sub(" ", text)
    x1 = max(x1s)
    # The first word ends before the first space (glyph or gap) after a glyph that is not one.
    first_word_x1 = x1
    start = len(joined) - len(joined.lstrip(" "))
    after = joined.find(" ", start)
    k = bisect_right(gaps, start)
    if k < len(gaps) and (after < 0 or gaps[k] < after):
        after = gaps[k]
    if after > 0:
        first_word_x1 = x1s[after - 1]
    # positional: keywords cost ~0.3 us more a line (of ~7 us for 18 glyphs)
    return Line(chars, text.strip(), x0s[0], min(tops), x1, max(bottoms), size,
                " " in joined, texts[-1] == " ", texts[0] == " ", first_word_x1)


def _distinct(chars: list[Char], tol: float) -> list[Char]:
    """`chars` (sorted by x0) without a glyph drawn again within `tol` of the last kept one."""
    kept = [chars[0]]
    prev = chars[0]
    for c in chars[1:]:
        if c[0] == prev[0] and c[1] - prev[1] <= tol and abs(c[2] - prev[2]) <= tol:
            continue
        kept.append(c)
        prev = c
    return kept


def _make_line_by_char(chars: list[Char], word_gap: float, tol: float) -> Line:
    """`_make_line` one character at a time, for texts that are not one character each
    (none that `pdf_page` makes): a space is written only after a text that is not one."""
    chars.sort(key=_X0)  # sorted already when `_make_line` hands them over
    heights = sorted([c[4] - c[2] for c in chars if c[0] != " "]) or [0.0]
    size = heights[len(heights) // 2]
    gap_min = word_gap * size
    parts: list[str] = []
    kept: list[Char] = []
    prev_text: str | None = None  # of the last kept character
    prev_x0 = prev_top = prev_x1 = 0.0
    drawn = False
    first_word_x1: float | None = None
    for c in chars:
        text, x0, top, x1, _ = c
        if prev_text is None:
            space = text == " "
        elif text == prev_text and x0 - prev_x0 <= tol and abs(top - prev_top) <= tol:
            continue  # the same glyph over-printed (fake bold)
        else:
            space = text == " " or x0 - prev_x1 > gap_min
        if space and parts and parts[-1] != " ":
            parts.append(" ")
            if first_word_x1 is None and prev_text is not None:
                first_word_x1 = prev_x1
        if text == " ":
            drawn = True
        else:
            parts.append(text)
        kept.append(c)
        prev_text, prev_x0, prev_top, prev_x1 = text, x0, top, x1
    x1 = max([c[3] for c in kept])
    return Line(chars=kept, text="".join(parts).strip(), x0=kept[0][1],
                top=min([c[2] for c in kept]), x1=x1, bottom=max([c[4] for c in kept]),
                size=size, drawn_spaces=drawn, ends_with_space=kept[-1][0] == " ",
                starts_with_space=kept[0][0] == " ",
                first_word_x1=first_word_x1 if first_word_x1 is not None else x1)


# -- paragraphs ---------------------------------------------------------------------------


# A law's title in corner brackets closes a line, its article opens the next: `…「국가연구개발
# 사업의 관리 등에 관한 규정」` / `제30조제1항에 따른 연구부정행위가 …` is one sentence.
_TITLE_END = regex.compile(r"[」』]\s*$")
_ARTICLE_START = regex.compile(r"^\s*제\s*\d+\s*조")


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _closes(prev: str, line: str) -> bool:
    """`prev` ends its sentence before `line` (a law's title does not, before its article)."""
    if _TITLE_END.search(prev) and _ARTICLE_START.match(line):
        return False
    return ends_sentence(prev)


Column = tuple[float, float]  # left and right edge of the text of a container


def column_of(lines: Sequence[Line]) -> Column:
    return (min((ln.x0 for ln in lines), default=0.0), max((ln.x1 for ln in lines), default=0.0))


def wrapped(prev: Line, line: Line, column: Column, settings: dict[str, Any]) -> bool:
    """`prev` was cut by the right edge of its column before `line`.

    It must span most of the column and either end flush right or leave less room than
    `line`'s first word needs (ragged-right text wraps whole words).
    """
    left, right = column
    if prev.x1 - prev.x0 < settings["join_min_width"] * (right - left):
        return False
    room = right - prev.x1
    if room <= settings["join_right_tolerance"] * prev.size:
        return True
    return room < (line.first_word_x1 - line.x0) + 0.5 * line.size


def starts_item(text: str) -> bool:
    """The line opens an outline item (`□ 사업목적`); `[붙임 4]의 …` only refers to one."""
    head = text.lstrip()[:1]
    if head == "o":
        return bool(_LATIN_BULLET.match(text))
    if not head or (head not in _MARKER_HEADS and not head.isdigit()):
        return False  # a cheap gate: `find_marker` tries a dozen patterns
    marker = find_marker(text)
    if marker is None:
        return bool(_MORE_NOTES.match(text))
    if marker.family == "appendix":
        rest = text.lstrip()[len(marker.text):]
        return not _HANGUL.match(rest[:1])
    return True


def continues(prev: Line, line: Line, column: Column, settings: dict[str, Any]) -> bool:
    """`line` carries on the sentence that `prev` broke off at the right margin."""
    # the geometric tests first: they are cheaper than the text's, and reject a third
    if not wrapped(prev, line, column, settings):
        return False
    size = max(prev.size, line.size)
    if size <= 0 or abs(prev.size - line.size) > settings["join_size_tolerance"] * size:
        return False
    if line.top - prev.bottom > settings["join_max_gap"] * size:
        return False
    if starts_item(line.text) or _closes(prev.text, line.text):
        return False
    # A continuation starts at the paragraph's left edge or its hanging indent, not
    # somewhere in the middle of the column (centred captions, right-aligned dates). A
    # deeper hanging indent lines up with a word of the line above: the text after a
    # label (`ㅇ 최종 목표 : 인간 …` continued under `인간`).
    return (line.x0 <= prev.x0 + settings["join_max_indent"] * size
            or under_word(prev, line.x0, settings))


def under_word(prev: Line, x: float, settings: dict[str, Any]) -> bool:
    """A word of `prev` (not its first) starts at `x`, within a quarter of the font size."""
    tol = 0.25 * prev.size
    gap_min = settings["word_gap"] * prev.size
    before: Char | None = None
    for c in prev.chars:
        if c.x0 > x + tol:
            return False
        if (before is not None and c.text != " " and abs(c.x0 - x) <= tol
                and (before.text == " " or c.x0 - before.x1 > gap_min)):
            return True
        before = c
    return False


def join_space(prev: Line, line: Line) -> str:
    """The separator that rejoins a line broken at the margin."""
    if prev.ends_with_space or line.starts_with_space:
        return " "
    a, b = prev.text[-1:], line.text[:1]
    if prev.drawn_spaces and _HANGUL.match(a) and _HANGUL.match(b):
        # Space glyphs are drawn in this line but none at the break: the wrap cut a word.
        return ""
    return " "


def group_paragraphs(lines: list[Line], column: Column, settings: dict[str, Any]
                     ) -> list[Paragraph]:
    """Consecutive lines → paragraphs; `column` is the extent of their container's text."""
    paras: list[Paragraph] = []
    pieces: list[str] = []
    for line in lines:
        if paras and continues(paras[-1].lines[-1], line, column, settings):
            prev = paras[-1].lines[-1]
            pieces.append(join_space(prev, line) + line.text)
            paras[-1].lines.append(line)
            continue
        if paras:
            paras[-1].text = "".join(pieces)
        paras.append(Paragraph(lines=[line], column=column))
        pieces = [line.text]
    if paras:
        paras[-1].text = "".join(pieces)
    return paras


def merge_paragraphs(a: Paragraph, b: Paragraph) -> None:
    """Append `b` (a continuation, e.g. across a page break) to `a`."""
    a.text = a.text + join_space(a.lines[-1], b.lines[0]) + b.text
    a.lines.extend(b.lines)
    a.column = b.column


def continues_across(a: Paragraph, b: Paragraph, settings: dict[str, Any]) -> bool:
    """`b`, first on its page, carries on `a`, last on the page before."""
    prev, line = a.lines[-1], b.first
    if starts_item(line.text) or ends_sentence(prev.text):
        return False
    if not wrapped(prev, line, a.column, settings):
        return False
    size = max(prev.size, line.size)
    return size > 0 and abs(prev.size - line.size) <= settings["join_size_tolerance"] * size
