"""The outline of one scope, read once: which sections carry which facet (eligibility,
exclusions, obligations, documents), their items, bullets, notes, tables and flattened rows.

Every fact family that reads lists (clauses, documents) reads them through `Outline`.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from gonggo.reading.items import entry_ordinal, flat_table
from gonggo.reading.scope import Scope
from gonggo.reading.tables import TableSettings, distinct, read_table
from gonggo.schemas.document import Block, Cell, Document, Section, Table
from gonggo.vocab.headings import CARRIER_FACETS, LABEL_FACETS, facets_named, pattern
from gonggo.vocab.text import CIRCLED_NUMBERS, compiled, norm_key

# ---------------------------------------------------------------------------------------
# Headings: which family a section carries

HEADINGS: dict[str, regex.Pattern[str]] = {name: pattern(name) for name in CARRIER_FACETS}
# Families whose overview labels must not duplicate a heading carrier.
HEADING_FIRST = ("eligibility", "exclusions")
# Reference lists (`참여제한 사업 목록`) carry data, not clauses.
REFERENCE_LIST = regex.compile(r"(?:목록|현황|리스트|명단)\s*\**\s*$")
# Families whose list is itself a 목록: `○ 신청서류 목록`, `참고 7 신청서류 목록 및 부가설명`.
LISTING = ("documents",)
LISTING_REST = regex.compile(r"^\s*(?:목\s*록|리스트)(?:\s*(?:및|·|ㆍ|,)\s*\S{1,8})?\s*$")

LABEL = regex.compile(r"^[(（\[【<〈]\s*(?P<label>[^()（）\[\]【】<>〈〉\n]{1,25}?)\s*[)）\]】>〉]\s*")
COLON = regex.compile(r"^\s*[:：]\s*")
# A listing's label with an aside, then its list: `신청 구비서류(협약서류는 과제 선정 시, 별도 안내
# 예정) : 연구개발계획서 1부, …`, `제출서류(붙임 참조) : …`.
ASIDE_COLON = regex.compile(r"^\s*[(（][^()（）\n]{1,40}[)）]\s*[:：]\s*(?=\S)")
# `운영기관 신청자격` names a family; `다음 부적격 사항에 …` only mentions one.
NOT_A_PREFIX = regex.compile(r"(?:다음|아래|하기|상기|위|기타|각|및|또는)\s")
# A genitive phrase naming whose rule it is (`연구자 및 연구개발기관의 참여 제한`,
# `연구개발기관의 신청 자격`): up to four words, the last ending in 의.
GENITIVE = regex.compile(r"(?!(?:다음|아래|하기|상기|위|기타|각)의?\s)(?:[^\s의]\S{0,11}\s+){0,3}\S{0,11}[가-힣]의\s+")
TITLE_NOISE = regex.compile(r"^[\s*'\"‘’“”「『｢<《【\[]+")

# ---------------------------------------------------------------------------------------
# Lines: markers, notes, bullets, captions, junk

LEAD_MARKER = regex.compile(
    r"\s*(?:\[?\s*(?:붙\s?임|별\s?첨|별\s?지)\s*\d*\s*\]?(?=[\s*\[]|$)|[□■◼◻▣◦○●◎∘ㅇ❍▪▫▸▶►▷◆◇•·∙‧ㆍ・･․⸱\-–—➢➤✓✔]|o(?=\s)|※|☞|\*{1,3}|[①-⑳❶-➓]"
    r"|[(（]\d{1,2}[)）]|\d{1,2}[.．)](?!\d)|[가-하][.)](?=\s)|[(（][가-하][)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][.．]?)\s*"
)
NOTE_START = regex.compile(r"^\s*(?:[-–—·ㆍ･․⸱∙‧•・▪▫]\s*)?(?:※|☞|\*{1,3}|주\))")
BULLETS = "‧·∙•▷▶►▸▪▫◦○●❍ㆍ◆◇-–oㅇ"
# Bullets that also occur inside words (`휴·폐업`, `사업관리시스템 - 마이페이지`, a Latin `o`)
# only split when a space follows them.
SPACED_BULLETS = "·ㆍ-–oㅇ"
SUB_LINE = regex.compile(r"^\s*(?:[-–·ㆍ・･․⸱▪▫•∙‧]\s|※|\*|☞|[(（]?[*※]|[①-⑳❶-➓])")
CIRCLED = CIRCLED_NUMBERS
MARKS = {"○", "◯", "O", "o", "●", "◎", "△", "▲", "X", "x", "×", "✕", "✓", "✔", "√", "V", "v", "-",
         "O/X", "○/×", "해당", "미해당"}
CAPTION = regex.compile(r"^\s*(?:[<〈《【\[]).{0,40}(?:[>〉》】\]])\s*$")
PAGE_ITEM = regex.compile(r"^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$")  # `- 7 -`: a page number
JUNK = regex.compile(r"^\s*(?:https?://\S+|www\.\S+|-?\s*\d{1,3}\s*-?|[\p{P}\s]*)\s*$")
PUA = regex.compile(r"^\s*[\ue000-\uf8ff]")
# An item that only points elsewhere (`… 자가진단표 참조`); a trailing `(붙임1 참조)` does not.
POINTER = regex.compile(r"(?:참조|참고|확인\s*방법|문의|안내|확인\s*가능|다운로드\s*가능)\s*\.?\s*$")
# A line that leads in to a list: `다음의 경우`, `아래와 같은`, `다음에 해당하는 기업은 …`, `… : `.
LEAD_IN = regex.compile(r"(?:^|\s)(?:다음|아래|하기)(?:의|에|와\s*같은|과\s*같은)?\s|[:：]\s*$")
# A flattened table's heading (`구분 온라인 등록 서류`) or numbered row (`3 공장등록증 1부`):
# never the wrapped tail of the line before.
ROW_START = regex.compile(r"^\s*(?:\d{1,2}(?:\s+\S|\s*$)|구\s*분\s)")
# A row of a flattened two-column table: a short label, then its bulleted content
# (`인력 ◦ 상근컨설턴트 5명 이상을 보유`, `실적 ◦ … 추진실적을 보유`); never a wrapped tail either.
LABEL_ROW = regex.compile(r"^\s*[가-힣]{2,6}\s+[◦○▪•]\s+\S")
SENTENCE_END = regex.compile(r"(?<=[.。])\s+(?=\S)")
NOTE_CUT = regex.compile(r"\s+(?=(?:※|\*{1,3})\s*\S)")


class _Widths(dict[str, int]):
    """Columns a character takes (2: East Asian wide or fullwidth), looked up once each."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_WIDTHS = _Widths()


def display_width(text: str) -> int:
    # a C-level map over the cached widths: the wrap width reads every line of a document
    return sum(map(_WIDTHS.__getitem__, text))


@lru_cache(maxsize=16384)  # a pure function of a line, asked per scope and family
def skip_markers(text: str) -> int:
    """Offset of the content after the leading outline markers (`- * `, `□ `, `1. `)."""
    pos = 0
    while True:
        m = LEAD_MARKER.match(text, pos)
        if not m or m.end() == pos:
            return pos
        pos = m.end()


def is_note(text: str) -> bool:
    return bool(NOTE_START.match(text))


def starts_with_bullet(text: str) -> bool:
    s = text.lstrip()
    if not s:
        return False
    if s[0] in CIRCLED:
        return True
    if s[0] in SPACED_BULLETS:
        return len(s) > 1 and s[1].isspace()
    return s[0] in BULLETS


def split_bullets(text: str) -> list[tuple[int, int]]:
    """Spans of the bullets of a text that starts with one (`‧ a ‧ b`, `- a - b`, `①a ②b`)."""
    s = text.lstrip()
    if not starts_with_bullet(s):
        return [(0, len(text))]
    first = s[0]
    if first in CIRCLED:
        sep = regex.compile(rf"(?:^|(?<=\s))[{CIRCLED}]")
    elif first in SPACED_BULLETS:
        sep = regex.compile(rf"(?:^|(?<=\s))[{regex.escape(first)}](?=\s)")
    else:
        sep = regex.compile(rf"(?:^|(?<=\s))[{regex.escape(first)}]")
    starts = [m.start() for m in sep.finditer(text)]
    spans = []
    for i, st in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        spans.append((st, end))
    return spans


# a line opening an item of a list printed inside one table cell: a number (`1. 지원신청서`,
# `2) 예산편성표`) or a bullet
ITEM_LINE = regex.compile(r"^[ \t]*(?:\d{1,2}[.)](?!\d)|[○◦•·ㆍ・･․⸱∙‧▪■□◇◆\-※])")


def cell_items(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a list printed in a cell, one item a line opening with a number or a
    bullet (its unmarked lines after it continue it): `1. 지원신청서\n2. 프로젝트 계획서\n…`.
    Empty unless the text opens with such a line and has at least two."""
    starts = [m.start() for m in regex.finditer(r"(?m)^.*$", text)
              if ITEM_LINE.match(m.group(0))]
    if len(starts) < 2 or text[: starts[0]].strip():
        return []
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(text)], strict=True)]


@lru_cache(maxsize=16384)  # a pure function of the text: cells and lines are asked again
def clean(text: str) -> str:
    return compiled(r"\s+").sub(" ", text).strip()


# ---------------------------------------------------------------------------------------
# Units: a piece of text with its spans in the document


@dataclass
class Unit:
    text: str
    spans: list[tuple[int, int]]
    cells: list[Cell] = field(default_factory=list)


def unit_at(doc: Document, start: int, end: int, *, cut_notes: bool = False) -> Unit | None:
    """The content of `doc.text[start:end]` without its leading markers (and trailing notes)."""
    raw = doc.text[start:end]
    off = skip_markers(raw)
    if cut_notes:
        m = NOTE_CUT.search(raw, off)
        if m and m.start() > off:
            end = start + m.start()
            raw = doc.text[start:end]
    s, e = start + off, end
    while s < e and doc.text[s].isspace():
        s += 1
    while e > s and doc.text[e - 1].isspace():
        e -= 1
    if s >= e:
        return None
    return Unit(text=clean(doc.text[s:e]), spans=[(s, e)])


def line_marker(line: str) -> str | None:
    """The bullet a line starts with; every circled number is one kind of bullet."""
    s = line.lstrip()
    if not starts_with_bullet(s):
        return None
    return CIRCLED[0] if s[0] in CIRCLED else s[0]


def list_segments(text: str) -> list[tuple[int, int]]:
    """The top-level items of a list held in one text: per line when the text has lines (a
    table cell, `o 항목\n- 세부\n* 주석\no 항목`), else per inline bullet. A line-based item
    keeps its own line and the unmarked lines wrapping it, not its sub-items and notes."""
    lines = [(m.start(), m.end()) for m in compiled(r"[^\n]+").finditer(text)]
    marked = [(a, b, line_marker(text[a:b])) for a, b in lines]
    top = next((mk for _, _, mk in marked if mk is not None), None)
    if len(lines) < 2 or top is None:
        return split_bullets(text)
    segments: list[list[int]] = []
    open_item = False
    for a, b, mk in marked:
        if mk is not None and mk == top:
            segments.append([a, b])
            open_item = True
        elif mk is None and open_item and not SUB_LINE.match(text[a:b]) and segments:
            segments[-1][1] = b
        else:
            open_item = False  # a sub-item or a note: part of the item, not of its text
    if len(segments) == 1 and "\n" not in text[segments[0][0]:segments[0][1]]:
        inline = split_bullets(text[segments[0][0]:segments[0][1]])
        if len(inline) > 1:
            return [(segments[0][0] + x, segments[0][0] + y) for x, y in inline]
    return [(a, b) for a, b in segments]


def bullet_units(doc: Document, start: int, end: int, *, cut_notes: bool = True) -> list[Unit]:
    raw = doc.text[start:end]
    units = []
    for a, b in list_segments(raw):
        u = unit_at(doc, start + a, start + b, cut_notes=cut_notes)
        if u is not None and not JUNK.match(u.text):
            units.append(u)
    return units


# ---------------------------------------------------------------------------------------
# Outline context for one scope


@dataclass
class Carrier:
    family: str
    section: Section
    strong: bool  # a heading (or an item that is only the heading word), not an inline label
    content: tuple[int, int] | None  # offsets of the text after the label / `:`
    run: list[int] = field(default_factory=list)  # sibling sections a labelled lead-in takes
    virtual: bool = False  # a title table, not a section of the outline


@lru_cache(maxsize=16384)  # a pure function of a title and constants, asked per scope
def title_match(title: str, rx: regex.Pattern[str], *, item: bool = False,
                listing: bool = False, label_rx: regex.Pattern[str] | None = None) -> int | None:
    """Where a label's content starts when `title` names the family of `rx` (-1: no content).

    An item (not a heading) without a label or `:` only carries when it is the heading word
    alone (`◦ 제출서류`, `◦ 의무사항`), for a family that is not a listing with a parenthetical
    after it (`ㅇ 국가연구개발사업 지원 제외 조건(신청자격 적정성 확인서 해당 항목)`);
    `◦ 가점 증빙서류(해당기업)` names a document. A heading that ends with the family's words
    may name whose list it is in up to three words (`참고 1 | 행정안전부 재난안전
    연구개발사업 지원제외조건`). `label_rx` names the family in a label only (`(과제수 제한)`)."""
    label = LABEL.match(title)
    if label:
        text = label.group("label").strip()
        named = rx.match(text) or (label_rx is not None and label_rx.match(text))
        return label.end() if named else None
    m = compiled(rf"(?:(?!{NOT_A_PREFIX.pattern}){GENITIVE.pattern}|(?!{NOT_A_PREFIX.pattern})\S{{1,10}}\s+"
                    rf"|(?!우대|가점)[가-힣]{{1,2}})?(?x:{rx.pattern})").match(title)
    if not m and not item:
        m = compiled(rf"(?:(?!{NOT_A_PREFIX.pattern})\S{{1,12}}\s+){{2,3}}(?x:{rx.pattern})(?=\s*$)").match(title)
    if not m or (REFERENCE_LIST.search(title) and not (listing and (
            LISTING_REST.match(title[m.end():]) or not title[m.end():].strip()))):
        return None
    colon = COLON.match(title[m.end():]) or (  # (`^` anchors at the slice, not at a `pos`)
        ASIDE_COLON.match(title[m.end():]) if listing else None)
    if colon:  # `○ 제출서류: 신청서 1부, 주민등록초본 1부`: a label, whatever its content
        return m.end() + colon.end()
    if SENTENCE_REST.search(PAREN_ASIDE.sub("", title[m.end():])) and not LEAD_IN.search(title):
        return None  # `□ 국가연구개발사업에 참여 제한 중인 자(기관 및 개인)`: a clause, not a title
    rest = title[m.end():]
    if item and not ITEM_TITLE_REST.match(rest) and not (listing and LISTING_REST.match(rest)) and (
            listing or not ITEM_TITLE_ASIDE.match(rest)):
        return None
    return -1


# The number cell of a title table: `6`, `Ⅲ.`, or an appendix label (`참고 2 | 서면평가 항목`).
TITLE_NUMBER = regex.compile(r"^(?:[\dⅠ-Ⅹ]{1,2}\s*[.)]?|(?:참\s?고|붙\s?임|별\s?첨|별\s?지)\s*\d{1,2})$")
ITEM_TITLE_REST = regex.compile(r"^\s*(?:(?:및|·|ㆍ|,)\s*\S{1,8}|안\s*내)?\s*$")
# The rest of a title that makes it a clause: a person or case (`… 중인 자`, `… 경우`), a
# predicate (`처리 가능`, `… 함`), a quantity (`확인서 1부`).
SENTENCE_REST = regex.compile(r"(?:\s(?:[가-힣]+인\s)?자|경우|가능|[함음됨]|\d+\s*부)\s*$")
PAREN_ASIDE = regex.compile(r"[(（][^()（）\n]*[)）]")
ASIDE_END = regex.compile(r"[)）]\s*$")
ITEM_TITLE_ASIDE = regex.compile(r"^\s*[(（][^()（）\n]{2,40}[)）]\s*$")
# A one-row table holding only a number and a short title (`6 | | 연구개발기관의 신청 자격 |`):
# a heading laid out as a table.
TITLE_CELL = regex.compile(r"^[^\n]{2,40}$")


def table_title(doc: Document, block: Block) -> str | None:
    table = block.table
    if table is None or table.n_rows != 1 or table.n_cols > 6:
        return None
    texts = [c.text.strip() for c in table.cells if c.text.strip()]
    words = [t for t in texts if not TITLE_NUMBER.match(t)]
    if len(words) != 1 or not TITLE_CELL.match(words[0]) or len(texts) > 2:
        return None
    return words[0]


# A table-of-contents line (`3. 연구개발계획서 작성‧신청 시 중점 고려사항·········6`): a chapter's
# number, its title, dot leaders, its page.
TOC_LINE = regex.compile(r"""
    ^[ \t]*(?:[\dⅠ-Ⅹ]{1,2}[ \t]*[.)][ \t]*)?
    (?P<title>[^\n·…]{2,40}?)
    [ \t]*(?:[·…]{3,}|\.{4,})[ \t]*-?[ \t]*\d{1,3}[ \t]*-?[ \t]*$""", regex.M | regex.X)
TOC_LEADERS = regex.compile(r"[·…]{3,}|\.{4,}")
CHAPTER_NUMBER = regex.compile(r"^\s*(?:[\dⅠ-Ⅹ]{1,2}\s*[.)]?\s+)?")
# A section under a chapter (`□ 제출 서류`): it never spans the next chapter's banner.
BOX_TITLE = regex.compile(r"^\s*[□■❏❑]")
CHAPTER_KEY_NOISE = regex.compile(r"[\s·ㆍ‧・･․⸱∙.,]+")


def _title_key(text: str) -> str:
    return CHAPTER_KEY_NOISE.sub("", text)


def chapter_titles(doc: Document) -> frozenset[str]:
    """The chapter titles a table of contents lists (spaces and middle dots ignored)."""
    def compute() -> frozenset[str]:
        return frozenset(_title_key(m.group("title")) for m in _toc_matches(doc.text))
    return doc.memo("outline.chapter_titles", compute)


def _toc_matches(text: str) -> Iterator[regex.Match[str]]:
    """`TOC_LINE.finditer(text)`, tried only on the lines with dot leaders: a match lies in one
    line and holds leaders, and the lazy title made the pattern slow on every other line."""
    done = -1
    for leaders in TOC_LEADERS.finditer(text):
        if leaders.start() < done:
            continue  # the line was tried already
        start = text.rfind("\n", 0, leaders.start()) + 1
        end = text.find("\n", leaders.end())
        done = end = len(text) if end < 0 else end
        yield from TOC_LINE.finditer(text, start, end)


def chapter_title(doc: Document, block: Block) -> str | None:
    """The key of a line that prints a chapter the table of contents lists (`3 연구개발계획서
    작성‧신청 시 중점 고려사항`, or `사업 추진 체계` under a number on the line before): in a PDF
    the chapter's banner box is gone and only this line is left."""
    titles = chapter_titles(doc)
    if not titles or block.table is not None:
        return None
    text = doc.text[block.start:block.end].strip()
    if "\n" in text or TOC_LEADERS.search(text):
        return None
    key = _title_key(text[CHAPTER_NUMBER.match(text).end():])  # type: ignore[union-attr]
    return key if len(key) >= 2 and key in titles else None


class Outline:
    """Block indices, section ranges and carriers of one scope, computed once."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.doc = scope.doc
        doc = self.doc
        # Document-wide lookups are computed once per document, not once per program: a
        # master announcement holds dozens of programs (linear time in the text's size).
        starts = doc.memo("outline.block_starts", lambda: [b.start for b in doc.blocks])
        self.lo = bisect_left(starts, scope.start)
        self.hi = self.lo
        while self.hi < len(doc.blocks) and doc.blocks[self.hi].end <= scope.end:
            self.hi += 1
        self.opens: dict[int, int] = doc.memo(
            "outline.opens", lambda: {s.block: s.index for s in doc.sections})
        self.wrap = doc.memo("outline.wrap_width", self._wrap_width)
        self.carriers: dict[str, list[Carrier]] = {f: self._carriers(f) for f in HEADINGS}

    # -- geometry -----------------------------------------------------------------------

    def _wrap_width(self) -> int:
        widths = sorted(
            display_width(line.strip())
            for b in self.doc.blocks if b.kind in ("paragraph", "list_item")
            for line in self.doc.text[b.start:b.end].split("\n") if line.strip()
        )
        return widths[int(len(widths) * 0.9)] if widths else 80

    def wrapped(self, line: str) -> bool:
        """A line long enough that the page (not the author) broke it."""
        return display_width(line.strip()) >= 0.85 * self.wrap

    def block_range(self, section: Section) -> range:
        first = section.block
        last = first + 1
        doc = self.doc
        boxed = BOX_TITLE.match(section.title) is not None and doc.blocks[first].table is None
        own = chapter_title(doc, doc.blocks[first]) or _title_key(
            section.title[skip_markers(section.title):])
        while last < self.hi and doc.blocks[last].start < section.end:
            key = chapter_title(doc, doc.blocks[last])
            if key is not None and key != own:
                break  # the next chapter's title: a section never runs across it
            if boxed and table_title(doc, doc.blocks[last]):
                break  # a `□` section ends at the next chapter's banner (`3 | 연구개발계획서 …`)
            last += 1
        return range(first, last)

    def inside(self, bi: int, section: Section) -> bool:
        return section.index in self.doc.blocks[bi].section_path

    def is_note_section(self, section: Section) -> bool:
        block = self.doc.blocks[section.block]
        return is_note(self.doc.text[block.start:block.end])

    def below(self, index: int, section: Section) -> bool:
        """`index in self.descendants(section)` in constant time (a DFS numbering of the
        section tree, once per document). A caption's virtual section (index < 0) is no
        document section: its children are walked."""
        if index < 0:
            return False  # children lists hold document sections only
        if section.index < 0:
            return index in self.descendants(section)
        tin, tout = self.doc.memo("outline.tree_numbering", lambda: _numbering(self.doc))
        return tin[section.index] < tin[index] and tout[index] <= tout[section.index]

    def descendants(self, section: Section) -> set[int]:
        out: set[int] = set()
        stack = list(section.children)
        while stack:
            i = stack.pop()
            out.add(i)
            stack.extend(self.doc.sections[i].children)
        return out

    # -- carriers -----------------------------------------------------------------------

    def _heading_of(self, section: Section, family: str) -> tuple[bool, tuple[int, int] | None] | None:
        """(strong, content span) when `section`'s title names the family of `rx`."""
        doc = self.doc
        # whether the title names the family: once per document, block and family (every
        # scope's outline asks of each of its sections for every family)
        hits = doc.__pydantic_private__["_memo"]  # type: ignore[index]  # as `Document.memo`
        key = ("outline.title_hit", section.block, family)
        if key in hits:
            found = hits[key]
        else:
            title = doc.memo(("outline.title_at", section.block), lambda: self._title_at(section))
            found = None if title is None else (title[0], title_match(
                doc.text[title[0]:title[1]], HEADINGS[family], item=title[2] == "list_item",
                listing=family in LISTING, label_rx=LABEL_FACETS.get(family)), title[2])
            hits[key] = found
        if found is None:
            return None
        pos, hit, kind = found
        if hit is None:
            return None
        if hit < 0:  # `□ 지원대상 및 조건`: the title is a heading, not a label with content
            return True, None
        content = self._content_span(pos + hit, section)
        strong = kind == "heading" or content is None
        return strong, content

    def _title_at(self, section: Section) -> tuple[int, int, str] | None:
        """(start, end, block kind) of the title a section's first line prints after its
        markers, or None for a block that is no heading or item; once per block and document
        (every family asks of every section of every scope)."""
        doc = self.doc
        block = doc.blocks[section.block]
        if block.kind not in ("heading", "list_item") or self.is_note_section(section):
            return None
        line_end = doc.text.find("\n", block.start, block.end)
        line_end = block.end if line_end < 0 else line_end
        pos = block.start + skip_markers(doc.text[block.start:line_end])
        m = TITLE_NOISE.match(doc.text[pos:line_end])  # `^` anchors at the slice, not at `pos`
        if m:
            pos += m.end()
        return pos, line_end, block.kind

    def _content_span(self, start: int, section: Section) -> tuple[int, int] | None:
        """The text after a label, with the lines a page wrapped it onto."""
        doc = self.doc
        block = doc.blocks[section.block]
        end = self.item_end(section.block)
        while start < end and doc.text[start].isspace():
            start += 1
        return (start, end) if start < end and block.start <= start else None

    def _carriers(self, family: str) -> list[Carrier]:
        rx = HEADINGS[family]
        found: list[Carrier] = []
        for s in self.scope.sections:
            hit = self._heading_of(s, family)
            if hit is not None:
                found.append(Carrier(family, s, hit[0], hit[1]))
        # a title table right over a heading of its family (`참고 1 | … 지원제외조건` / `□ 아래의
        # 경우 지원대상에서 제외 …`) is the chapter's caption: the heading carries
        opened = {c.section.block for c in found}
        found += [c for c in self._title_tables(family, rx) if c.section.block + 1 not in opened]
        if family in HEADING_FIRST:  # documents read their captions themselves
            found += [c for c in self._captions(family, rx) if not any(
                o.section.start <= c.section.start < o.section.end for o in found)]
        # an item that is only the heading word with an aside (`ㅇ 국가연구개발사업 지원 제외
        # 조건(…)`) leads in to its own list; it does not make labelled items beside it overviews
        strong = [c for c in found if c.strong and not (
            not c.virtual and self.doc.blocks[c.section.block].kind == "list_item"
            and self._aside_title(c.section))]
        if family in HEADING_FIRST and strong:
            found = [c for c in found if c.strong or any(
                self.below(c.section.index, o.section) for o in strong)]
        items = [c for c in found if self._labelled_item_of(c, found)]
        inner = [c for c in found if c not in items and not any(
            o is not c and o not in items and self.below(o.section.index, c.section)
            for o in found)]
        for c in inner:
            if not c.strong and c.content and LEAD_IN.search(self.doc.text[slice(*c.content)]):
                c.run = self._run_after(c.section)
        return inner

    def _aside_title(self, section: Section) -> bool:
        block = self.doc.blocks[section.block]
        line = self.doc.text[block.start:block.end].split("\n", 1)[0]
        return bool(ASIDE_END.search(line))

    def _labelled_item_of(self, c: Carrier, found: list[Carrier]) -> bool:
        """A labelled item directly under a heading of its family (`□ 신청자격 및 우대요건` ⊃
        `◦ (신청자격) …`, `◦ (우대요건) …`): one item of the heading, not a carrier of its own."""
        return not c.virtual and c.section.parent is not None and (
            not c.strong or self.doc.blocks[c.section.block].kind == "list_item") and any(
            o is not c and o.strong and not o.virtual and o.section.index == c.section.parent
            for o in found)

    def _title_tables(self, family: str, rx: regex.Pattern[str]) -> list[Carrier]:
        """Carriers whose heading is a title table; they hold the blocks up to the next title."""
        doc = self.doc
        titles = [j for j in range(self.lo, self.hi) if table_title(doc, doc.blocks[j])]
        out = []
        for j in titles:
            title = table_title(doc, doc.blocks[j]) or ""
            if title_match(TITLE_NOISE.sub("", title[skip_markers(title):]), rx) is None:
                continue
            k = j + 1
            while k < self.hi and k not in titles and doc.blocks[k].kind != "heading":
                k += 1
            block = doc.blocks[j]
            virtual = Section(index=-1 - j, block=j, parent=None, level=0, marker="", title=title,
                              start=block.start, end=doc.blocks[k - 1].end)
            out.append(Carrier(family, virtual, True, None, virtual=True))
        return out

    def _captions(self, family: str, rx: regex.Pattern[str]) -> list[Carrier]:
        """Carriers whose heading is a caption line (`〈 지원제외 대상 〉`) over bullets; they
        hold the blocks up to the next heading, caption or title table."""
        doc = self.doc
        out = []
        for j in range(self.lo, self.hi):
            block = doc.blocks[j]
            text = doc.text[block.start:block.end]
            if block.section is not None and block.kind not in ("paragraph", "caption"):
                continue
            if "\n" in text.strip():
                continue
            plain = not CAPTION.match(text)
            glyph = self._glyph_title(j, rx) if plain and family in PLAIN_TITLE_FAMILIES else None
            if plain and not glyph and (family not in PLAIN_TITLE_FAMILIES
                                        or not self._plain_title(j, rx)):
                continue
            title = compiled(r"^[\s<〈《【\[]+|[\s>〉》】\]]+$").sub("", text)
            if glyph:
                title = text.strip()[1:].strip()
            if title_match(title, rx) is None:
                continue
            k = j + 1
            while k < self.hi:
                b = doc.blocks[k]
                t = doc.text[b.start:b.end]
                if b.kind == "heading" and not _caption_entry(t, k - j):
                    break
                if CAPTION.match(t) or table_title(doc, b):
                    break
                if plain and self._plain_title_at(k):
                    break  # the next unmarked title (`신청방법`)
                if glyph and b.kind == "paragraph" and t.lstrip().startswith(glyph):
                    break  # the title's sibling (`❍ 신청방법`)
                k += 1
            if k == j + 1:
                continue
            virtual = Section(index=-1 - j, block=j, parent=None, level=0, marker="", title=title,
                              start=block.start, end=doc.blocks[k - 1].end)
            out.append(Carrier(family, virtual, True, None, virtual=True))
        return out

    def _plain_title(self, j: int, rx: regex.Pattern[str]) -> bool:
        """An unmarked line that is only a family's heading words (`지원제외 대상`, the banner
        of a box whose frame the reader lost) over a bulleted item."""
        doc = self.doc
        block = doc.blocks[j]
        text = doc.text[block.start:block.end].strip()
        if block.kind != "paragraph" or not _plain_title_line(text) or j + 1 >= self.hi:
            return False
        if title_match(text, rx, item=True) != -1:
            return False
        nxt = doc.blocks[j + 1]
        return nxt.kind == "list_item" or starts_with_bullet(doc.text[nxt.start:nxt.end])

    def _glyph_title(self, j: int, rx: regex.Pattern[str]) -> str | None:
        """The glyph of a line the reader left a paragraph (`❍ 지원제외 대상`, `◈ …`: a bullet
        it does not know) that is only a family's heading words over an item of another
        marker (` - 휴·폐업 중인 기업`); None for any other line."""
        doc = self.doc
        block = doc.blocks[j]
        text = doc.text[block.start:block.end].strip()
        m = TITLE_GLYPH.match(text)
        if block.kind != "paragraph" or m is None or "\n" in text or j + 1 >= self.hi:
            return None
        title = text[m.end():].strip()
        if not 0 < len(title) <= PLAIN_TITLE_MAX or title_match(title, rx, item=True) != -1:
            return None
        nxt = doc.blocks[j + 1]
        t = doc.text[nxt.start:nxt.end].lstrip()
        if nxt.kind == "list_item" or (starts_with_bullet(t) and not t.startswith(m[1])):
            return m[1]
        return None

    def _plain_title_at(self, j: int) -> bool:
        """Block `j` is an unmarked title (`신청 및 접수`) over a list, a heading or a table:
        the start of the next section, never the wrapped tail of an item."""
        doc = self.doc
        block = doc.blocks[j]
        if not _plain_title_line(doc.text[block.start:block.end]) or j + 1 >= self.hi:
            return False
        nxt = doc.blocks[j + 1]
        return nxt.kind in ("list_item", "heading") or nxt.table is not None or starts_with_bullet(
            doc.text[nxt.start:nxt.end])

    def _run_after(self, section: Section) -> list[int]:
        """Unlabelled siblings following a labelled lead-in (`- (지원 제외 사항) 아래 …`)."""
        if section.parent is None:
            return []
        siblings = self.doc.sections[section.parent].children
        run = []
        for i in siblings[siblings.index(section.index) + 1:]:
            sib = self.doc.sections[i]
            block = self.doc.blocks[sib.block]
            text = self.doc.text[block.start:block.end]
            body = text[skip_markers(text):]
            if block.kind != "list_item" or LABEL.match(body) or self.is_carrier(sib):
                break
            run.append(i)
        return run

    def is_carrier(self, section: Section) -> bool:
        return any(self._heading_of(section, family) is not None for family in HEADINGS)

    def is_title_item(self, section: Section) -> bool:
        """An item that is only a family's heading words (`○ 국가연구개발사업 지원 제외 조건`):
        a sub-heading, whose items are the clauses."""
        return self.doc.blocks[section.block].kind == "list_item" and any(
            (hit := self._heading_of(section, family)) is not None and hit[1] is None
            for family in HEADINGS)

    def claimed(self, family: str) -> set[int]:
        """Sections other families take: carriers (with their runs) of every other family."""
        out: set[int] = set()
        for fam, carriers in self.carriers.items():
            if fam == family:
                continue
            for c in carriers:
                out.add(c.section.index)
                out.update(c.run)
        return out

    # -- items --------------------------------------------------------------------------

    def item_end(self, bi: int) -> int:
        """End offset of block `bi` with the paragraphs its lines wrap onto."""
        doc = self.doc
        block = doc.blocks[bi]
        end = block.end
        last_line = doc.text[block.start:block.end].rsplit("\n", 1)[-1]
        j = bi + 1
        while j < self.hi:
            nxt = doc.blocks[j]
            text = doc.text[nxt.start:nxt.end]
            if (nxt.kind != "paragraph" or nxt.section != block.section or not self.wrapped(last_line)
                    or CAPTION.match(text) or JUNK.match(text) or PUA.match(text)
                    or starts_with_bullet(text) or ROW_START.match(text)
                    or LABEL_ROW.match(text) or self._plain_title_at(j)
                    or flat_table(doc, j, self.hi)):
                break
            end = nxt.end
            last_line = text.rsplit("\n", 1)[-1]
            j += 1
        return end

    def item_unit(self, section: Section) -> Unit | None:
        block = self.doc.blocks[section.block]
        return unit_at(self.doc, block.start, self.item_end(section.block))


def _numbering(doc: Document) -> tuple[list[int], list[int]]:
    """Entry and exit numbers of each section in a depth-first walk of the section tree."""
    n = len(doc.sections)
    tin, tout = [0] * n, [0] * n
    clock = 0
    stack = [(s.index, False) for s in reversed(doc.sections) if s.parent is None]
    while stack:
        k, done = stack.pop()
        clock += 1
        if done:
            tout[k] = clock
            continue
        tin[k] = clock
        stack.append((k, True))
        stack.extend((c, False) for c in reversed(doc.sections[k].children))
    return tin, tout


# ---------------------------------------------------------------------------------------
# Walking a carrier


def _child_of(outline: Outline, bi: int, section: Section) -> int | None:
    """The child of `section` whose subtree holds block `bi` (None: the block is direct)."""
    path = outline.doc.blocks[bi].section_path
    if section.index not in path:
        return None
    k = path.index(section.index)
    return path[k + 1] if k + 1 < len(path) else None


def table_units(doc: Document, table: Table) -> list[Unit]:
    """One unit per data row, or per bullet when the cells are bullet lists."""
    grid = table.grid()
    cells = [c for c in table.cells if c.text.strip()]
    if not cells:
        return []
    bulleted = sum(1 for c in cells if starts_with_bullet(c.text))
    if bulleted * 5 >= len(cells) * 3:
        units: list[Unit] = []
        seen: set[int] = set()
        for row in grid:
            for cell in row:
                if cell is None or id(cell) in seen or not cell.text.strip():
                    continue
                seen.add(id(cell))
                for u in bullet_units(doc, cell.start, cell.end):
                    u.cells = [cell]
                    units.append(u)
        return units
    units = []
    g = read_table(table, LIST_TABLE)
    for r in g.body():
        row = distinct_cells(g.row(r))
        lists = [c for c in row if len(list_segments(c.text)) >= 2]
        if lists:  # `신청 자격 | o 기업 … o 외국 …`: the list is the content, the rest labels
            units += [u for c in lists for u in bullet_units(doc, c.start, c.end)]
            continue
        content = [c for c in row if c.text.strip() and c.text.strip() not in MARKS]
        if len(content) > 1 and SERIAL_CELL.match(content[0].text):
            content = content[1:]  # `연번 | 내용` over `1 | 기업의 부도`: the number is no content
        if len(row) <= 1 and table.n_cols > 1:
            if row and starts_with_bullet(row[0].text):
                units += bullet_units(doc, row[0].start, row[0].end)
            continue  # a category row or a note spanning the table
        parts = [u for c in content if (u := unit_at(doc, c.start, _first_lines(c), cut_notes=True))]
        if not parts:
            continue
        units.append(Unit(text=" ".join(p.text for p in parts),
                          spans=[s for p in parts for s in p.spans], cells=content))
    return units


SERIAL_CELL = regex.compile(rf"^\s*(?:\d{{1,2}}\s*[.)]?|[{CIRCLED}])\s*$")


def _first_lines(cell: Cell) -> int:
    """End of a cell's own text: before the first sub-item or note line."""
    pos = cell.start
    for m in compiled(r"[^\n]+").finditer(cell.text):
        if m.start() > 0 and SUB_LINE.match(m.group(0)):
            break
        pos = cell.start + m.end()
    return pos


def distinct_cells(row: list[Cell | None]) -> list[Cell]:
    """The row's cells with text, a merged cell once."""
    return [c for c in distinct(row) if c.text.strip()]


HEADER_WORD = regex.compile(
    r"구\s*분|항\s*목|내\s*용|비\s*고|서\s*류|서\s*식|양\s*식|자\s*격|요\s*건|대\s*상|유\s*형|규\s*모|수\s*준"
    r"|여\s*부|명|세\s*부|기\s*준|사\s*항|순\s*번|번\s*호|연\s*번|^No\.?$|제\s*출|구\s*비|목\s*록|기업|기관")


def _heading_cell(text: str) -> bool:
    """A cell that can head a list table's column: short, no mark, bullet or bare number."""
    return (len(text) <= 20 and text not in MARKS and not starts_with_bullet(text)
            and not compiled(r"^\d+$").match(text))


# How lists read tables (clauses, documents): a first row of short heading words naming a
# column (`구분 | 서류명 | 비고`), a second when the first spans columns, a caption row above
# them; label cells a text export left empty carry down from the row above.
LIST_TABLE = TableSettings(header="labels", label=_heading_cell, header_word=HEADER_WORD,
                           caption=CAPTION, carry="labels", marks=frozenset(MARKS))


def _loose_units(outline: Outline, section: Section) -> list[Unit]:
    """Tables and bullet paragraphs anywhere in a subtree (under notes too)."""
    r = outline.block_range(section)
    return _loose_units_in(outline, r.start + 1, r.stop)


def _loose_units_in(outline: Outline, lo: int, hi: int) -> list[Unit]:
    doc = outline.doc
    units: list[Unit] = []
    r = range(lo, hi)
    j = lo
    while j < r.stop:
        block = doc.blocks[j]
        text = doc.text[block.start:block.end]
        if PUA.match(text) or j > lo and table_title(doc, block):
            break
        if block.table is not None:
            units += table_units(doc, block.table)
        elif block.kind == "paragraph" and (flat := _flat_units(outline, j, r.stop)):
            units += flat[0]
            j = flat[1]
            continue
        elif block.kind == "paragraph" and starts_with_bullet(text):
            end = _bullet_run_end(outline, j, r.stop)
            units += bullet_units(doc, block.start, doc.blocks[end - 1].end)
            j = end
            continue
        elif block.kind in ("list_item", "heading") and PAGE_ITEM.match(text):
            pass  # a page number (`- 7 -`): the items the outline put under it are read on
        elif block.kind in ("list_item", "heading") and not is_note(text):
            # numbered entries under a lead-in are headings to the outline (`1. 기업의 부도`)
            child = outline.opens.get(j)
            if child is not None:
                sub = doc.sections[child]
                u = outline.item_unit(sub)
                if (u and LEAD_IN.search(u.text) and _has_structure(outline, sub)
                        and not outline.is_carrier(sub)):
                    units += _loose_units(outline, sub)  # a lead-in: its items are the units
                elif u and not POINTER.search(u.text) and not JUNK.match(u.text):
                    units += _inline_items(outline, sub, u)
                j = outline.block_range(sub).stop
                continue
        j += 1
    return units


def _bullet_run_end(outline: Outline, j: int, stop: int) -> int:
    """A bullet paragraph and the plain lines that continue it."""
    doc = outline.doc
    k = j + 1
    while k < stop:
        b = doc.blocks[k]
        t = doc.text[b.start:b.end]
        if b.kind != "paragraph" or starts_with_bullet(t) or CAPTION.match(t) or PUA.match(t):
            break
        if JUNK.match(t) or outline._plain_title_at(k):
            break
        k += 1
    return k


def _flat_units(outline: Outline, j: int, hi: int) -> tuple[list[Unit], int] | None:
    """A table a PDF printed as lines, its head at block `j` (`연번 내용` / `1 휴·폐업중인 기업` /
    `2 …`): one unit per row (the number left out), and the block after the last row."""
    rows = flat_table(outline.doc, j, hi)
    if not rows:
        return None
    units = [u for e in rows if (u := unit_at(outline.doc, e.start, e.end)) is not None]
    return units, rows[-1].block + 1


def _has_structure(outline: Outline, section: Section) -> bool:
    doc = outline.doc
    r = outline.block_range(section)
    for j in r[1:]:
        b = doc.blocks[j]
        t = doc.text[b.start:b.end]
        if b.table is not None or (b.kind == "paragraph" and starts_with_bullet(t)):
            return True
        if b.kind == "paragraph" and flat_table(doc, j, r.stop):
            return True
        if b.kind == "list_item" and not is_note(t):
            return True
    return False


def led_rows(outline: Outline, section: Section) -> list[Unit]:
    """The rows of the tables an item leads in to (`선정된 … 기업은 아래의 ①사업관리교육 및 ②… 교육
    의무 수료`, LEAD_IN, over `구분 | 세부내용` / `①사업관리교육 (온라인) | - 대상 : … - 내용 : …`):
    one unit per data row, its label and its content whole (bullets, notes and all: a row is one
    of the items the lead-in names); none when the item leads in to no table."""
    u = outline.item_unit(section)
    if u is None or not LEAD_IN.search(u.text):
        return []
    doc = outline.doc
    units: list[Unit] = []
    for j in outline.block_range(section)[1:]:
        table = doc.blocks[j].table
        if table is None:
            continue
        g = read_table(table, LIST_TABLE)
        for r in g.body():
            cells = [c for c in distinct_cells(g.row(r)) if c.text.strip() not in MARKS]
            parts = [p for c in cells if (p := unit_at(doc, c.start, c.end)) is not None]
            if len(parts) >= 2:  # a label and its content; a lone cell is a category or a note
                units.append(Unit(text=" ".join(p.text for p in parts),
                                  spans=[sp for p in parts for sp in p.spans], cells=cells))
    return units


# ---------------------------------------------------------------------------------------
# Numbered runs: `1. …` `2. …` entries a lead-in's list holds, however the outline ranked them

NUMBERED_LINE = regex.compile(r"^[ \t]*(?P<n>\d{1,2})[.．][ \t]+(?=\S)")
# Lines that close a numbered run: a chapter marker, an appendix label.
RUN_STOP = regex.compile(r"^\s*(?:[□■◼▣]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][.．]?\s|참\s?고\s*\d|붙\s?임|별\s?첨)")
# An entry that is only a title (`4. 의무사항 불이행 여부`): the bullet under it says the case.
TITLE_ENTRY = regex.compile(r"여부\s*$")
RUN_GAP = 6  # lines between two entries (sub-bullets, provisos; notes not counted) before the run ends
RUN_MIN = 3


def numbered_run(outline: Outline, bi: int) -> list[Unit]:
    """The numbered entries that follow block `bi` (a lead-in: `ㅇ 국가연구개발사업 지원 제외
    조건`, `○ … 아래 사유에 해당하는 경우는 지원 제외함`, a title table), read by lines: the
    outline often ranks `1.` lines as headings and their later siblings as paragraphs of a
    sub-bullet. One unit per entry, its own line (and the lines a page wrapped it onto); a
    numbering may restart at 1 under a group caption (`[공통 사항]`, `[기업만 해당 …]`);
    sub-bullets, provisos (`(단, …)`) and notes are not entries, except the bullet under an
    entry that is only a title (`4. 의무사항 불이행 여부` / `◦ … 불이행하고 있는 경우`). The run
    ends at a line with the lead-in's own marker, a chapter marker, a table, a number out of
    sequence or a long gap; fewer than three entries are no run."""
    doc = outline.doc
    lead = doc.text[doc.blocks[bi].start:doc.blocks[bi].end].split("\n", 1)[0]
    own = line_marker(lead)
    units: list[Unit] = []
    expect, gap, title_open, wrap_open = 1, 0, False, False
    for j in range(bi + 1, outline.hi):
        block = doc.blocks[j]
        if block.table is not None or PUA.match(doc.text[block.start:block.end]):
            break
        pos = block.start
        stop = False
        for raw in doc.text[block.start:block.end].split("\n"):
            a, b = pos, pos + len(raw)
            pos = b + 1
            line = raw.strip()
            if not line or PAGE_ITEM.match(line):
                continue  # a page number between two entries (`- 7 -`) ends nothing
            m = NUMBERED_LINE.match(raw)
            n = int(m["n"]) if m else None
            if n is not None and (n == expect or (n == 1 and units)):
                u = unit_at(doc, a, b)
                if u is None:
                    stop = True
                    break
                units.append(u)
                expect, gap = n + 1, 0
                title_open = bool(TITLE_ENTRY.search(u.text))
                wrap_open = outline.wrapped(raw)
                continue
            if n is not None or RUN_STOP.match(raw) or (own is not None and line_marker(raw) == own):
                stop = True
                break
            gap += 0 if units and is_note(line) else 1  # a note under an entry is no gap
            if gap > RUN_GAP or (not units and gap > 3):
                stop = True
                break
            if not units:
                continue
            if title_open and starts_with_bullet(line) and not is_note(line):
                u = unit_at(doc, a, b)
                if u is not None:
                    last = units[-1]
                    units[-1] = Unit(text=f"{last.text} {u.text}", spans=last.spans + u.spans)
                title_open = False
            elif wrap_open and not starts_with_bullet(line) and not is_note(line) \
                    and not SUB_LINE.match(line) and not line.startswith(("(", "（", "[")):
                last = units[-1]
                spans = last.spans[:-1] + [(last.spans[-1][0], b)]
                units[-1] = Unit(text=" ".join(clean(doc.text[x:y]) for x, y in spans), spans=spans)
                wrap_open = outline.wrapped(raw)
                gap = 0
                continue
            wrap_open = False
        if stop:
            break
    return units if len(units) >= RUN_MIN else []


def _with_run(outline: Outline, bi: int, units: list[Unit]) -> list[Unit]:
    """`units` with the numbered run after block `bi` in place of what they read of its lines."""
    run = numbered_run(outline, bi)
    if not run:
        return units
    # what lies between the lead-in and the run's last entry is the run's (its lead-in lines too)
    lo, hi = outline.doc.blocks[bi].end, run[-1].spans[-1][1]
    kept = [u for u in units if not (lo <= u.spans[0][0] < hi)]
    return sorted(kept + run, key=lambda u: u.spans[0][0])


def carrier_units(outline: Outline, carrier: Carrier, claimed: set[int]) -> list[Unit]:
    doc = outline.doc
    section = carrier.section
    units: list[Unit] = []
    if carrier.virtual:
        r = outline.block_range(section)
        return _with_run(outline, section.block, _loose_units_in(outline, r.start + 1, r.stop))
    is_item = doc.blocks[section.block].kind == "list_item"
    if carrier.content is not None:
        content_text = doc.text[slice(*carrier.content)]
        if not LEAD_IN.search(content_text) or not (_has_structure(outline, section) or carrier.run):
            u = unit_at(doc, *carrier.content)
            if u is not None:
                units.append(u)
            if is_item:
                return units
        else:
            units += _loose_units(outline, section)
            for i in carrier.run:
                sib = doc.sections[i]
                units += _walk_item(outline, sib)
            return _with_run(outline, section.block, units)
    units += _walk_children(outline, section, claimed)
    if is_item:
        units = _with_run(outline, section.block, units)
    elif units:
        units = _with_strays(outline, section, units, claimed)
    if not units and carrier.strong and doc.blocks[section.block].kind == "heading":
        units = _items_beside(outline, section, claimed)
    return units


# The usual ranks of bullets in a Korean outline, highest first: `□` > `○` > `-` > `·` (`•`, `▪`:
# two glyphs of one level).
# Circled numbers (`① … ② …`) rank between `○` and `-` (a `-` line above them does not hold
# them); a list printed as a table (`연번 | 내용`, or flattened into lines) holds its items there too.
BULLET_RANK = {**dict.fromkeys("□■◼▣❏❑", 0), **dict.fromkeys("○◦ㅇ❍●", 1), **dict.fromkeys(CIRCLED, 1.5),
               **dict.fromkeys("-–", 2), **dict.fromkeys("·ㆍ•▪∙‧", 3)}
TABLE_RANK = 1.5


def _bullet_rank(text: str) -> float | None:
    s = text.lstrip()
    return BULLET_RANK.get(s[:1]) if s else None


def _with_strays(outline: Outline, section: Section, units: list[Unit],
                 claimed: set[int]) -> list[Unit]:
    """`units` with the items the outline nested too deep: a heading's items are `-` and,
    after a numbered list one of them leads in to, `○ 기타 … 경우` items follow; nested by
    first appearance they fell under the last number. An item whose bullet usually ranks
    above the heading's own items is one of the heading's items."""
    doc = outline.doc
    own = [r for i in section.children if (r := _bullet_rank(
        doc.text[doc.blocks[doc.sections[i].block].start:doc.blocks[doc.sections[i].block].end]))
        is not None]
    first = section.block + 1
    if not own and first < outline.hi and doc.blocks[first].section == section.index and (
            doc.blocks[first].table is not None or flat_table(doc, first, outline.hi)):
        own = [TABLE_RANK]  # the heading's list is the table right under it
    if not own:
        return units
    top = min(own)
    taken = [span for u in units for span in u.spans]
    strays: list[Unit] = []
    for j in outline.block_range(section)[1:]:
        child = outline.opens.get(j)
        block = doc.blocks[j]
        if child is None or block.kind != "list_item" or child in section.children or child in claimed:
            continue
        text = doc.text[block.start:block.end]
        rank = _bullet_rank(text)
        if rank is None or rank >= top or is_note(text):
            continue
        if any(lo <= block.start < hi for lo, hi in taken):
            continue
        u = outline.item_unit(doc.sections[child])
        if u is not None and not JUNK.match(u.text) and not POINTER.search(u.text):
            strays.append(u)
    if not strays:
        return units
    return sorted(units + strays, key=lambda u: u.spans[0][0])


# Ranks of heading markers, highest first: a heading's items never carry a marker of its
# rank or above (`나. 지원제외 대상` holds `□ …` items the outline ranked above it, up to `다.`).
RANKS = [regex.compile(r"^\s*[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]"), regex.compile(r"^\s*\d{1,2}\s*[.．]\s"),
         regex.compile(r"^\s*[가-하]\s*[.．]\s")]
BESIDE_MARKS = "□■◼◻▣❍○◦ㅇ"


# `가)`, `(가)` numbering the headings of a document that has no `가.` (the outline made them
# headings: `gonggo.ingest.structure.STANDS_FOR`) hold the rank of `가.`.
HANGUL_STAND_IN = regex.compile(r"^\s*(?:[가-하]\)|[(（][가-하][)）])\s")


def marker_rank(text: str, stand_in: bool = False) -> int | None:
    """The rank of a line's heading marker; `stand_in`: the document numbers its `가.` rank
    `가)` or `(가)` (`stand_in_headings`), which then ranks as `가.`."""
    rank = next((i for i, rx in enumerate(RANKS) if rx.match(text)), None)
    if rank is None and stand_in and HANGUL_STAND_IN.match(text):
        return len(RANKS) - 1
    return rank


def stand_in_headings(doc: Document) -> bool:
    """Whether the outline read `가)` or `(가)` lines as headings (a document without `가.`)."""
    return doc.memo("outline.stand_in_headings", lambda: any(
        doc.blocks[s.block].kind == "heading" and HANGUL_STAND_IN.match(s.title) is not None
        for s in doc.sections))


def heading_rank(doc: Document, block: Block) -> int | None:
    """The rank of a heading block's marker: `marker_rank`, or the rank of `가.` for the `가)`
    or `(가)` headings of a document numbering its headings so."""
    return marker_rank(doc.text[block.start:block.end], block.kind == "heading")


def _beside(text: str, own: int | None) -> bool:
    """Whether a heading after a `가.`-ranked heading is one of its items (`□ 국가연구개발사업에
    참여 제한 중인 자(기관 및 개인)`): a bullet marker, under a heading of a numbered rank."""
    s = text.lstrip()
    return own is not None and marker_rank(text) is None and bool(s) and s[0] in BESIDE_MARKS


def _items_beside(outline: Outline, section: Section, claimed: set[int]) -> list[Unit]:
    """A heading with nothing under it whose items the outline put beside it (`가. 사전
    지원제외 대상` / `< 다음의 경우는 … 제외할 수 있음 >` / `○ …` items ranked above `가.`):
    the list items that follow, up to the next heading or title table."""
    doc = outline.doc
    units: list[Unit] = []
    own = heading_rank(doc, doc.blocks[section.block])
    stop = next((k for k in range(section.block + 1, outline.hi) if doc.blocks[k].kind == "heading"
                 and not _beside(doc.text[doc.blocks[k].start:doc.blocks[k].end], own)
                 or table_title(doc, doc.blocks[k])), outline.hi)
    limit = doc.blocks[stop].start if stop < outline.hi else outline.scope.end
    j = section.block + 1
    while j < stop:
        block = doc.blocks[j]
        text = doc.text[block.start:block.end]
        if PUA.match(text):
            break
        child = outline.opens.get(j)
        if block.kind in ("list_item", "heading") and child is not None:
            sub = doc.sections[child]
            if child not in claimed and not outline.is_note_section(sub):
                units += [u for u in _walk_item(outline, sub) if u.spans[-1][1] <= limit]
            j = max(j + 1, outline.block_range(sub).stop)
            continue
        if block.kind not in ("paragraph", "caption") or not (CAPTION.match(text) or LEAD_IN.search(text)):
            break
        j += 1
    return units


def _walk_item(outline: Outline, section: Section) -> list[Unit]:
    """One item under a carrier: a clause, or the list it leads in to. A page number a text
    reads as a `-` item (`- 7 -` inside a list run over a page break) is no item: the list's
    next items the outline put under it are the carrier's."""
    doc = outline.doc
    block = doc.blocks[section.block]
    if PAGE_ITEM.match(doc.text[block.start:block.end]):
        r = outline.block_range(section)  # up to a heading: a list goes on, a chapter does not
        stop = next((k for k in r[1:] if doc.blocks[k].kind == "heading"), r.stop)
        return _loose_units_in(outline, r.start + 1, stop)
    u = outline.item_unit(section)
    if u is None or JUNK.match(u.text) or POINTER.search(u.text):
        return []
    if (LEAD_IN.search(u.text) or outline.is_title_item(section)) and _has_structure(outline, section):
        return _loose_units(outline, section)
    return _inline_items(outline, section, u) + _label_rows(outline, section)


# Bullets that start an item and recur inside its line: several items on one line
# (`①기업의 부도 ②국세·지방세 체납처분 ③…`, `▷ 휴·폐업 중인 기업 ▷ 국세 체납 기업`).
INLINE_BULLETS = CIRCLED + "▷▶►▸➢➤"


def _inline_items(outline: Outline, section: Section, u: Unit) -> list[Unit]:
    """The item `u` of `section`, or the items its one line holds."""
    doc = outline.doc
    block = doc.blocks[section.block]
    end = outline.item_end(section.block)
    raw = doc.text[block.start:end]
    s = raw.lstrip()
    if not s or s[0] not in INLINE_BULLETS or len(split_bullets(raw)) < 2:
        return [u]
    return bullet_units(doc, block.start, end) or [u]



def _label_rows(outline: Outline, section: Section) -> list[Unit]:
    """Label rows among the plain paragraphs an item's own text does not take."""
    doc = outline.doc
    r = outline.block_range(section)
    own_end = outline.item_end(doc.sections[section.index].block)
    units = []
    for j in r[1:]:
        b = doc.blocks[j]
        if (b.kind == "paragraph" and b.start >= own_end
                and LABEL_ROW.match(doc.text[b.start:b.end])
                and (u := unit_at(doc, b.start, b.end)) is not None):
            units.append(u)
    return units


def _walk_children(outline: Outline, section: Section, claimed: set[int]) -> list[Unit]:
    doc = outline.doc
    units: list[Unit] = []
    prose: list[Unit] = []
    r = outline.block_range(section)
    j = r.start + 1
    while j < r.stop:
        block = doc.blocks[j]
        text = doc.text[block.start:block.end]
        if PUA.match(text) or table_title(doc, block):
            break  # a title table is the next chapter's heading
        child = _child_of(outline, j, section)
        if child is not None:
            sub = doc.sections[child]
            stop = outline.block_range(sub).stop
            if child in claimed:
                pass
            elif outline.is_note_section(sub):
                units += [u for u in _loose_units(outline, sub)]
            else:
                units += _walk_item(outline, sub)
            j = stop
            continue
        if block.table is not None:
            units += table_units(doc, block.table)
        elif block.kind == "paragraph" and (flat := _flat_units(outline, j, r.stop)):
            units += flat[0]
            j = flat[1]
            continue
        elif block.kind == "paragraph" and not (CAPTION.match(text) or JUNK.match(text)):
            if starts_with_bullet(text):
                end = _bullet_run_end(outline, j, r.stop)
                units += bullet_units(doc, block.start, doc.blocks[end - 1].end)
                j = end
                continue
            end = outline.item_end(j)
            prose += _sentences(doc, block.start, end)
            while j + 1 < r.stop and doc.blocks[j + 1].end <= end:
                j += 1
        j += 1
    return units or prose


def _sentences(doc: Document, start: int, end: int) -> list[Unit]:
    raw = doc.text[start:end]
    out = []
    pos = 0
    for m in SENTENCE_END.finditer(raw):
        if (u := unit_at(doc, start + pos, start + m.start())) is not None:
            out.append(u)
        pos = m.end()
    if (u := unit_at(doc, start + pos, end)) is not None:
        out.append(u)
    return [u for u in out if not POINTER.search(u.text)]



# A cell's line that opens a labelled list (`▪(제한사항) ①…, ②…`, `▸(기타유의사항) …`): a bullet,
# then the label in parentheses.
CELL_LABEL = regex.compile(r"^[ \t]*[▪▫•◦○●❍▸▶►ㅇ\-–·]?[ \t]*(?=[(（\[【<〈])")
# Items a cell's labelled line enumerates by circled numbers (`①접수 …, ②타국적자 …`), at the
# content's start or after a space or a comma.
CIRCLED_ITEM = regex.compile(rf"(?:^|(?<=[\s,，]))[{CIRCLED}]")
ITEM_TAIL = regex.compile(r"[\s,，;]+$")


def cell_label_units(scope: Scope, family: str) -> list[Unit]:
    """Clauses printed inside table cells under a label naming `family` (`▪(제한사항) …` in the
    지원자격 cell of a master's overview row, one row per program): the label's content up to
    the cell's next labelled or noted line (`▸(기타유의사항)`, `※ …`), one clause per circled
    item (`①…, ②…, ③…`) or the whole content. The scope's own blocks only (a program's rows)."""
    rx = HEADINGS[family]
    label_rx = LABEL_FACETS.get(family)
    doc = scope.doc
    units: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    for block in scope.blocks:
        if block.table is None:
            continue
        for cell in block.table.cells:
            if (cell.start, cell.end) in seen or not ("(" in cell.text or "（" in cell.text):
                continue
            seen.add((cell.start, cell.end))
            lines = [(m.start(), m.end()) for m in compiled(r"[^\n]+").finditer(cell.text)]
            k = 0
            while k < len(lines):
                a, b = lines[k]
                line = cell.text[a:b]
                lead = CELL_LABEL.match(line)
                label = LABEL.match(line[lead.end():]) if lead else None
                k += 1
                if label is None or not (rx.match(label["label"]) or (
                        label_rx is not None and label_rx.match(label["label"]))):
                    continue
                end = b
                while k < len(lines):  # the lines it wraps onto, not the next label or a note
                    nxt = cell.text[lines[k][0]:lines[k][1]]
                    nl = CELL_LABEL.match(nxt)
                    if nl and LABEL.match(nxt[nl.end():]) or (
                            is_note(nxt) or (starts_with_bullet(nxt) and nxt.lstrip()[0] not in CIRCLED)):
                        break
                    end = lines[k][1]
                    k += 1
                lo = cell.start + a + lead.end() + label.end()
                hi = cell.start + end
                content = doc.text[lo:hi]
                starts = [m.start() for m in CIRCLED_ITEM.finditer(content)]
                pieces = list(zip(starts, [*starts[1:], len(content)], strict=True)) if starts and \
                    not content[:starts[0]].strip() else [(0, len(content))]
                for x, y in pieces:
                    tail = ITEM_TAIL.search(content, x, y)
                    u = unit_at(doc, lo + x, lo + (tail.start() if tail else y))
                    if u is not None and not JUNK.match(u.text) and not _repeated(u, units):
                        u.cells = [cell]
                        units.append(u)
    return units


def _repeated(unit: Unit, units: list[Unit]) -> bool:
    """The same clause printed again in another row of the program (`… 연구책임자 및
    참여연구원의 경우 지원 불가` / `… 참여 제한`): its first four fifths as an earlier one's."""
    key = norm_key(unit.text)
    for u in units:
        other = norm_key(u.text)
        n = min(len(key), len(other))
        if n >= 10 and key[: n * 4 // 5] == other[: n * 4 // 5] and abs(len(key) - len(other)) <= n // 5:
            return True
    return False


def outline_of(scope: Scope) -> Outline:
    cached = scope._cache.get("clauses.outline")
    if not isinstance(cached, Outline):
        cached = Outline(scope)
        scope._cache["clauses.outline"] = cached
    return cached


def iter_blocks(outline: Outline, section: Section) -> Iterator[tuple[int, Block]]:
    for j in outline.block_range(section):
        yield j, outline.doc.blocks[j]


PLAIN_TITLE_MAX = 30
TITLE_GLYPH = regex.compile(r"^\s*(\p{So})\s*")  # `❍ `, `◈ `: one symbol opening a title line
# Families whose list an unmarked title line may head (`지원제외 대상` over `- …` items); an
# unmarked `신청 자격` over a PDF's `o` paragraphs would make their `-` notes clauses of their own.
PLAIN_TITLE_FAMILIES = ("exclusions",)


def _plain_title_line(text: str) -> bool:
    """A short unmarked line naming a facet of its own (`신청방법`, `지원제외 대상`)."""
    s = text.strip()
    return (0 < len(s) <= PLAIN_TITLE_MAX and "\n" not in s and not starts_with_bullet(s)
            and skip_markers(s) == 0 and bool(facets_named(s, at_start=True)))


def _caption_entry(text: str, position: int) -> bool:
    """Whether a heading right under a caption is the caption's `position`-th list entry: a
    caption over `가. …` / `나. …` (or `1.` …), numberings the outline ranks as headings, owns
    them as it owns bullets (`〈 지원제외 대상 〉` / `가. 신청자가 개인 … 경우`)."""
    got = entry_ordinal(text)
    return got is not None and got[1] == position and "\n" not in text.strip()
