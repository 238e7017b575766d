"""Korean outline markers → a section tree over the blocks of a Document.

Announcements mark their outline with `붙임`, `Ⅰ.`, `1.`, `(1)`, `가.`, `□`, `◦`/`○`, `-`,
`*`, `※`, `☞` … but documents disagree about which marker sits above which (one uses
`Ⅰ. > (1) > □`, another `1. > □ > ◦`). So nesting is learned per document, the way
outliners do it: a marker type already open closes everything opened after it and becomes
a sibling; a new type nests under the innermost open item. Three fixed points keep this
honest: `붙임`/`별첨` and Roman numerals always start at the top; notes (`※`, `*`, `☞`)
never take children; an enumerated marker that restarts at 1 while the same type is open
with a higher number opens a nested list instead of a sibling.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import regex

from gonggo.ingest.limits import MAX_OUTLINE_DEPTH
from gonggo.schemas.document import Block, Document
from gonggo.vocab.text import CIRCLED_NUMBERS, circled_ordinal, compiled

ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
_LATIN_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
                "IX": 9, "X": 10}
CIRCLED = CIRCLED_NUMBERS  # ①–⑳ and the dingbat sets (❶, ➀, ➊)
HANGUL_ORDER = "가나다라마바사아자차카타파하"


@dataclass(frozen=True)
class Marker:
    family: str  # "appendix", "roman", "num_dot", "num_paren", ... "bullet_dash", "note"
    text: str  # as printed, without surrounding spaces
    ordinal: int | None  # 1 for "1.", "(1)", "가.", "Ⅰ."; None for bullets
    heading: bool  # heading vs list item


def _ord_hangul(ch: str) -> int | None:
    i = HANGUL_ORDER.find(ch)
    return i + 1 if i >= 0 else None


# Named rules: (family, heading?, pattern). Order matters: first match wins.
MARKER_RULES: list[tuple[str, bool, regex.Pattern[str]]] = [
    # `[붙임 4]의 …` mid-sentence is a reference, not an appendix: a bracket must close first.
    ("appendix", True, regex.compile(r"^(?:\[\s*(?:붙\s?임|별\s?첨|별\s?지|참\s?고)\s*\d*\s*\]"
                                     r"(?!\s*(?:의|을|를|에|과|와|로|으로|은|는|이|가|및|참조|참고)(?![가-힣]))"
                                     r"|(?:붙\s?임|별\s?첨|별\s?지|참\s?고)\s*\d*(?=[\s.:]|$))")),
    ("md", True, regex.compile(r"^#{1,6}(?=\s)")),
    ("roman", True, regex.compile(rf"^[{ROMAN}]\s*[.．]?(?=\s|$)")),
    ("roman", True, regex.compile(r"^(?:VIII|VII|VI|IV|IX|III|II|I|V|X)\s*[.．](?=\s)")),
    ("num_dot", True, regex.compile(r"^\d{1,2}\s*[.．](?![\d.．])(?=\s*\S)")),
    # `3-2. 신청제한`: a chapter's numbered subsection (the dot is required: a bare `2-1` is
    # a row number of a flattened table).
    ("num_sub", True, regex.compile(r"^\d{1,2}-\d{1,2}[.．](?=\s+\S)")),
    ("num_paren", True, regex.compile(r"^[(（]\d{1,2}[)）](?=\s*\S)")),
    ("num_half", False, regex.compile(r"^\d{1,2}\)(?=\s*\S)")),
    ("hangul_dot", True, regex.compile(rf"^[{HANGUL_ORDER}]\s*[.．](?=\s)")),
    ("hangul_half", False, regex.compile(rf"^[{HANGUL_ORDER}]\)(?=\s)")),
    ("hangul_paren", False, regex.compile(rf"^[(（][{HANGUL_ORDER}][)）](?=\s)")),
    ("circled", False, regex.compile(rf"^[{CIRCLED}](?=\s*\S)")),
    ("box", True, regex.compile(r"^[□■◼◻▣](?=\s*\S)")),
    ("circle", False, regex.compile(r"^[◦○●◎∘ㅇ](?=\s*\S)")),
    ("square_bullet", False, regex.compile(r"^[▪▫•▸▶►◆◇]")),
    ("dash", False, regex.compile(r"^[-–—ㆍ·∙](?=\s*\S)(?!\d)")),
    ("note", False, regex.compile(r"^(?:※|\*{1,2}(?!\*)|☞|주\))")),
]

_NUM = regex.compile(r"\d+")
# All rules in one pattern, in their order: an alternation tries its branches in order, so
# the branch that matches is the first rule whose own pattern matches (one call per line
# instead of up to one per rule; most lines carry no marker at all).
_ANY_MARKER = regex.compile("|".join(f"(?P<r{i}>{pattern.pattern})"
                                     for i, (_, _, pattern) in enumerate(MARKER_RULES)))
_RULE_OF_GROUP = {f"r{i}": rule for i, rule in enumerate(MARKER_RULES)}


def find_marker(line: str) -> Marker | None:
    """The outline marker a line starts with, if any."""
    s = line.lstrip()
    m = _ANY_MARKER.match(s)
    if m is not None:
        family, heading, _ = _RULE_OF_GROUP[m.lastgroup]  # type: ignore[index]
        text = m.group(0).strip()
        ordinal: int | None = None
        if family == "roman":
            core = text.rstrip(".．").strip()
            ordinal = ROMAN.index(core) + 1 if core in ROMAN else _LATIN_ROMAN.get(core)
        elif family in ("num_dot", "num_paren", "num_half"):
            ordinal = int(_NUM.search(text).group(0))  # type: ignore[union-attr]
        elif family.startswith("hangul"):
            ordinal = _ord_hangul(compiled(r"[^가-힣]").sub("", text)[:1] or "?")
        elif family == "circled":
            ordinal = circled_ordinal(text[0])
        return Marker(family=family, text=text, ordinal=ordinal, heading=heading)
    return None


BULLETED = ("circle", "dash", "square_bullet")
# `□ 아래의 경우 지원대상에서 제외 …` after `- (관련 규정) …`, `가. 사전 지원제외 대상` after
# `○ 기관부담연구개발비는 …`: a heading marker closes the bulleted items open above it.
HEADING_OVER_BULLETS = ("box", "num_sub")

_ENUMERATED = ("num_dot", "num_paren", "num_half", "hangul_dot", "hangul_half", "hangul_paren",
               "circled")


def _plausible_ordinal(marker: Marker, open_ordinal: int | None) -> bool:
    """`(50)` after `(3)` is a score, not item fifty; a list does not start at item seven."""
    if marker.family not in _ENUMERATED or marker.ordinal is None:
        return True
    if open_ordinal is None:
        return marker.ordinal <= 2
    return marker.ordinal in (1, open_ordinal, open_ordinal + 1)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _type_key(marker: Marker, line: str) -> str:
    # Bullets reused at a deeper indent are a different level ("- a" / " - b").
    if marker.family in ("dash", "circle", "square_bullet", "note"):
        return f"{marker.family}:{'indented' if _indent(line) else 'flush'}"
    if marker.family == "md":
        return f"md{len(marker.text)}"
    return marker.family


@dataclass
class _Open:
    key: str
    section: int
    ordinal: int | None
    note: bool
    bullet: bool = False  # a bulleted list item (`◦`, `-`, `▪`)


def _depth_for(marker: Marker, key: str, stack: list[_Open]) -> int | None:
    """How many open items stay open when `marker` arrives; None: it is not a marker here."""
    if marker.family in ("appendix", "roman", "md", "chapter"):
        if marker.family == "md":
            same = next((i for i, o in enumerate(stack) if o.key == key), None)
            return same if same is not None else len(stack)
        return 0
    keep = len(stack)
    while keep and stack[keep - 1].note:
        keep -= 1  # notes never take children
    if marker.family in HEADING_OVER_BULLETS:
        while keep and stack[keep - 1].bullet:
            keep -= 1  # a heading box or numbered heading is never inside a bulleted item
    same = next((i for i in range(keep) if stack[i].key == key), None)
    if same is not None and marker.ordinal is not None and marker.family in _ENUMERATED:
        # A list restarted inside an item of the same type (`7. … 1. 기업의 부도 2. …`): the
        # open entry this marker continues is the outermost one it follows in order, else
        # the innermost one it fits.
        same_keys = [i for i in range(keep) if stack[i].key == key]
        follows = [i for i in same_keys if stack[i].ordinal is not None
                   and marker.ordinal == stack[i].ordinal + 1]
        fits = [i for i in same_keys if _plausible_ordinal(marker, stack[i].ordinal)]
        same = follows[0] if follows else fits[-1] if fits else same
    open_ordinal = stack[same].ordinal if same is not None else None
    if not _plausible_ordinal(marker, open_ordinal):
        return None
    if same is None:
        return keep
    if marker.ordinal == 1 and open_ordinal is not None and open_ordinal > 1:
        return keep  # a list restarting at 1 is a new list nested in the open item
    return same


APPENDIX_TITLE_TABLE = regex.compile(
    r"^\s*\[?\s*(?:붙\s?임|별\s?첨|별\s?지|참\s?고)\s*\d{1,2}\s*\]?\t+[^\t\n]{2,60}\t*$")
CHAPTER_NUMBER = regex.compile(r"^\s*(\d{1,2})\s*$")
CHAPTER_TITLE = regex.compile(r"^\s*[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9·‧ㆍ,\s]{0,18}$")


def _merge_chapter_boxes(text: str, blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`5` over `평가 및 선정`: a chapter number printed in its own box, then the title.

    Chapters must count up from 1, so a numbered table row (`2` over a document name)
    is not taken for one.
    """
    merged: list[dict[str, Any]] = []
    expected = 1
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        m = None
        if block["kind"] == "paragraph":
            own = text[block["start"]:block["end"]]
            # `\s` here is a subset of str.isspace(): a match strips to its one or two digits
            if len(own.strip()) <= 2:
                m = CHAPTER_NUMBER.match(own)
        if (m and nxt is not None and nxt["kind"] == "paragraph" and int(m[1]) == expected
                and nxt.get("page") == block.get("page")
                and CHAPTER_TITLE.match(text[nxt["start"]:nxt["end"]])
                and find_marker(text[nxt["start"]:nxt["end"]]) is None):
            merged.append({**block, "end": nxt["end"], "kind": "heading"})
            expected += 1
            i += 2
            continue
        merged.append(block)
        i += 1
    return merged


# A list numbering standing in for a heading numbering the document does not use: `가)` or
# `(가)` for `가.`, `1)` for `(1)`. Real announcements number one level `가.`, `가)` or `(가)`
# as they please; which one is a heading is decided by the document's own sequence.
STANDS_FOR = {"hangul_half": "hangul_dot", "hangul_paren": "hangul_dot", "num_half": "num_paren"}
# the markers of a heading's content (`□ …` boxes, bullets, lists), not of a chapter or a note
_CONTENT = ("box", "circle", "square_bullet", "dash", "circled", *STANDS_FOR)


def _promote_stand_ins(blocks: list[dict[str, Any]], sections: list[dict[str, Any]], families: list[str],
                       ordinals: list[int | None]) -> None:
    """List numberings that hold a heading's place in this document read as headings.

    A family of `STANDS_FOR` is a heading level when the document never uses the heading
    numbering it stands for, it counts a run (`가) 나) …`: a first and a second item), and
    one of its items is followed by its own sub-items or by content of another marker (`□ …`,
    `○ …`, `- …`; not a note, not a chapter's number) before the family's next item: that is
    how `가.` headings look; footnotes numbered `1)개발기술명은 … 2)…` follow one another. Of two stand-ins for one heading
    numbering (`가)` and `(가)`), the first seen is the higher level and the only one
    promoted: the outline's rank comes from the document's sequence, not from the glyph."""
    present = set(families)
    taken: set[str] = set()
    order = sorted({f for f in families if f in STANDS_FOR and STANDS_FOR[f] not in present},
                   key=families.index)
    for family in order:
        if STANDS_FOR[family] in taken:
            continue
        items = [i for i, f in enumerate(families) if f == family]
        counted = {ordinals[i] for i in items} >= {1, 2}
        # an item, then content of its own, then the next item of the run (after the run's
        # last item comes the next section, not the item's content)
        led = any(k > i + 1 and ordinals[k] == (ordinals[i] or 0) + 1
                  and families[i + 1] not in ("note", family)
                  and (sections[i + 1]["parent"] == i or families[i + 1] in _CONTENT)
                  for i, k in pairwise(items))
        if not (counted and led):
            continue
        taken.add(STANDS_FOR[family])
        for i in items:
            blocks[sections[i]["block"]]["kind"] = "heading"


def structure_blocks(text: str, blocks: list[dict[str, Any]]
                     ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Classify marked blocks as headings / list items and build the section tree, on blocks
    as plain dicts (`Block` fields) before the document validates them: the fields set here
    are set as keys, so the validated blocks hold them as set fields (no model setter per
    field). Returns the blocks (chapter boxes merged) and the sections, as dicts."""
    blocks = _merge_chapter_boxes(text, blocks)
    # Sections as plain dicts, validated once with the document (one validator call)
    sections: list[dict[str, Any]] = []
    families: list[str] = []  # the marker family of each section
    ordinals: list[int | None] = []
    stack: list[_Open] = []
    path: list[int] = []  # the sections of `stack`, copied to each block below it
    last_end = 0

    def close_to(depth: int) -> None:
        while len(stack) > depth:
            top = stack.pop()
            path.pop()
            section = sections[top.section]
            section["end"] = max(last_end, section["start"])

    for bi, block in enumerate(blocks):
        kind = block["kind"]
        start, end = block["start"], block["end"]
        if kind == "table" and APPENDIX_TITLE_TABLE.match(text[start:end]):
            close_to(0)  # `참고 2 | 서면평가 항목`: an appendix title laid out as a table
            last_end = end
            continue
        marker = None
        line = ""
        if kind in ("paragraph", "heading", "list_item"):
            line_end = text.find("\n", start, end)
            line = text[start : end if line_end < 0 else line_end]
            marker = find_marker(line)
            box = CHAPTER_NUMBER.match(line) if kind == "heading" and marker is None else None
            if box:
                marker = Marker(family="chapter", text=box[1], ordinal=int(box[1]), heading=True)
                line = " ".join(text[start:end].split())
        depth = None
        if marker is not None:
            key = _type_key(marker, line)
            depth = _depth_for(marker, key, stack)
            if depth is not None and depth >= MAX_OUTLINE_DEPTH:
                depth = MAX_OUTLINE_DEPTH - 1  # deeper markers become siblings (linear time)
        if marker is not None and depth is not None:
            close_to(depth)
            parent = stack[-1].section if stack else None
            idx = len(sections)
            sections.append({"index": idx, "block": bi, "parent": parent,
                             "level": len(stack) + 1, "marker": marker.text,
                             "title": line.strip()[:200], "start": start,
                             "end": end, "children": []})
            families.append(marker.family)
            ordinals.append(marker.ordinal)
            if parent is not None:
                sections[parent]["children"].append(idx)
            stack.append(_Open(key=key, section=idx, ordinal=marker.ordinal,
                               note=marker.family == "note", bullet=marker.family in BULLETED))
            path.append(idx)
            block["kind"] = "heading" if marker.heading else "list_item"
            block["marker"] = marker.text
            block["level"] = len(stack)
        if path:
            block["section"] = path[-1]
            block["section_path"] = path.copy()
        last_end = end
    close_to(0)
    _promote_stand_ins(blocks, sections, families, ordinals)
    return blocks, sections


def section_path_titles(doc: Document, block: Block) -> list[str]:
    return [doc.sections[i].title for i in block.section_path]


def outline(doc: Document, max_level: int | None = None, headings_only: bool = True) -> list[str]:
    """Indented outline lines, for people (`make demo`, `gonggo ingest --outline`)."""
    lines = []
    for s in doc.sections:
        if max_level is not None and s.level > max_level:
            continue
        if headings_only and doc.blocks[s.block].kind != "heading":
            continue
        lines.append("  " * (s.level - 1) + s.title)
    return lines
