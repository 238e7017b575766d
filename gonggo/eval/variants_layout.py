"""Structural variants: the same list content in the other layouts real announcements print.

`gonggo.eval.variants` rewrites glyphs and formats; these rewrite layout. A run of sibling
items (two or more consecutive lines opening with the same list marker at the same indent,
`- 사업계획서 1부` / `- 재무제표 1부`) is printed by other announcements

- numbered otherwise (`①`, `1)`, `가.`, `-`): `list_circled`, `list_paren_number`,
  `list_hangul`, `list_dash`;
- as one inline line (`사업계획서 1부, 재무제표 1부, 사업자등록증 사본 1부`, or
  `▷ a ▷ b`): `list_inline_comma`, `list_inline_arrow`;
- as a table, one row per item, under a `연번 | <the list's label>` head, tab-separated as
  `gonggo ingest` writes tables: `list_table`; or as a PDF prints a table it does not detect,
  cells joined by spaces: `list_flat_table`;
- with a `※` note line after each item: `list_notes`;

and a two-column key/value table (`지원금액 | 1억원 이내`) as labelled lines
(`○ 지원금액 : 1억원 이내`): `table_key_lines`.

A documents list (the entries under a 제출서류 heading, or a table whose head names a
documents column) is printed by other announcements on its label's line (`docs_inline_label`,
`docs_inline_each`), as a `연번 | 서류명 | 부수 | 비고` table or its flattened lines
(`docs_table_columns`, `docs_flat_columns`), under `공통` / `해당 시` group labels
(`docs_groups`), with its forms' tags (`docs_form_lead`, `docs_form_tail`), and as the lines a
PDF's text prints for a table it does not detect (`docs_table_flat`).

    python -m gonggo.eval.variants_layout corpus/seeds /path/to/texts [--only list_table,…]
        [--jobs 2] [--out report.md]

A rewrite keeps what the text says: only runs of leaves (no deeper item, note or
continuation line between or right under the items), items without a tab; the inline forms
only for short items with no comma of their own; a numbering only where the document does
not already use that style (two ranks of the outline would merge).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from gonggo.eval.variants import Variant
from gonggo.eval.variants import run as run_variants

# ---------------------------------------------------------------------------------------
# Runs of sibling items

# the marker opening an item line: a bullet glyph, a circled number, `1.`, `1)`, `가.`, `가)`
ITEM_MARK = regex.compile(r"""
    ^(?P<indent>[ ]*)
    (?P<mark>
        [-–·ㆍ•∙‧▪◦○●▷▶]              # bullets
      | [①-⑳]                         # circled numbers
      | (?P<num>\d{1,2})[.)](?!\d)     # 1.  1)
      | (?P<hangul>[가-하])[.)]        # 가.  가)
    )
    [ ]*(?P<body>\S[^\t\n]*)$
""", regex.VERBOSE)
# a line that belongs to the item above (a note, a deeper item, a continuation): not a leaf run
NOTE = regex.compile(r"^[ ]*(?:※|\*|☞|주\))")
PAGE_NUMBER = regex.compile(r"^\d{1,3}\s*-?\s*$")  # `- 3 -`: page furniture, not an item
STYLE = {
    "circled": regex.compile(r"(?m)^[ ]*[①-⑳]"),
    "paren_number": regex.compile(r"(?m)^[ ]*\d{1,2}\)"),
    "hangul": regex.compile(r"(?m)^[ ]*[가-하][.]\s"),
    "dash": regex.compile(r"(?m)^[ ]*-\s"),
}
MAX_INLINE_ITEM = 40
MAX_TABLE_ITEM = 80  # a row of a list table: a name and its aside, not a paragraph  # characters: longer items are sentences, not a list a reader inlines


@dataclass
class Run:
    first: int  # line indices, inclusive
    last: int
    indent: str
    kind: str  # the marker's class: a glyph, "num.", "num)", "hangul.", "hangul)", "circled"
    bodies: list[str]


def _kind(m: regex.Match[str]) -> str:
    mark = m["mark"]
    if m["num"]:
        return "num" + mark[-1]
    if m["hangul"]:
        return "hangul" + mark[-1]
    if "①" <= mark <= "⑳":
        return "circled"
    return mark


# the usual order of list markers in an announcement, outer to inner (a convention: with the
# indentation of a PDF's text lost, it tells a parent from a child)
RANK = ["num.", "hangul.", "○", "◦", "●", "num)", "hangul)", "circled", "-", "–", "·", "ㆍ", "•", "∙", "‧",
        "▪", "▷", "▶"]
BOX = regex.compile(r"^\s*(?:[□■◆◇❏▣]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|\d{1,2}\s+[가-힣])")
TAG_LINE = regex.compile(r"^\s*[<〈《【\[][^\n]{1,20}?[>〉》】\]]")  # `<별첨 서식> 공통 제출자료`
CAPTION_LINE = regex.compile(r"^\s*[<〈《【\[].{1,40}[>〉》】\]]\s*$")
LABEL_ONLY = regex.compile(r"^\s*[^\s.。,]{1,10}(?:\s[^\s.。,]{1,10})?\s*$")


def _rank(kind: str) -> int:
    return RANK.index(kind) if kind in RANK else len(RANK)


def _furniture(line: str) -> bool:
    """A page number (`- 31 -`) between or after items."""
    m = ITEM_MARK.match(line)
    return bool(m and PAGE_NUMBER.match(m["body"])) or bool(PAGE_NUMBER.match(line.strip()))


def _leaf(lines: list[str], j: int, kind: str, indent: str) -> bool:
    """Whether nothing hangs under the run's last item: the next line is blank, a heading, or
    an item no deeper than the run's (by indent, else by the usual marker order)."""
    nxt = next((line for line in lines[j:j + 4] if line.strip() and not _furniture(line)), "")
    if not nxt.strip() or BOX.match(nxt) or TAG_LINE.match(nxt):
        return True
    m = ITEM_MARK.match(nxt)
    if not m or NOTE.match(nxt):
        return False
    if len(m["indent"]) != len(indent):
        return len(m["indent"]) < len(indent)
    return _rank(_kind(m)) <= _rank(kind)


def _group_start(lines: list[str], i: int, kind: str, indent: str) -> bool:
    """Whether the run opens its group: walking up over notes, continuation lines and deeper
    items, a heading, a label or a parent item comes before any sibling of the run's kind."""
    for line in reversed(lines[max(0, i - 40):i]):
        if not line.strip() or _furniture(line):
            continue
        if BOX.match(line) or TAG_LINE.match(line):
            return True
        m = ITEM_MARK.match(line)
        if m is None:
            if LABEL_ONLY.match(line) and not NOTE.match(line):
                return True
            continue
        if len(m["indent"]) != len(indent):
            if len(m["indent"]) < len(indent):
                return True
            continue
        if _kind(m) == kind:
            return False
        if _rank(_kind(m)) < _rank(kind):
            return True
    return True


def runs(lines: list[str]) -> list[Run]:
    """Runs of ≥ 2 consecutive item lines of one marker class and indent, each a leaf: the
    line after the run is not a note, nor a deeper item, nor an unmarked continuation."""
    out: list[Run] = []
    i = 0
    while i < len(lines):
        m = ITEM_MARK.match(lines[i])
        if not m:
            i += 1
            continue
        kind, indent = _kind(m), m["indent"]
        bodies = [m["body"].strip()]
        j = i + 1  # one past the run's last item line
        k = j
        while k < len(lines):
            if not lines[k].strip() or _furniture(lines[k]):
                k += 1  # blank lines and page numbers (a list run over a page break) separate nothing
                continue
            n = ITEM_MARK.match(lines[k])
            if not n or _kind(n) != kind or n["indent"] != indent:
                break
            bodies.append(n["body"].strip())
            k += 1
            j = k
        # a note as an item, or two items on one line (`‧ a ‧ b`: two columns set side by side)
        inline = m["mark"] if not (m["num"] or m["hangul"] or kind == "circled") else None
        notes = any(NOTE.match(b) or PAGE_NUMBER.match(b) or (inline and f" {inline} " in b) for b in bodies)
        if (len(bodies) >= 2 and not notes and "\t" not in "".join(lines[i:j])
                and _leaf(lines, j, kind, indent) and _group_start(lines, i, kind, indent)):
            out.append(Run(i, j - 1, indent, kind, bodies))
        i = j
    return out


def _under_heading(lines: list[str], run: Run) -> bool:
    """Whether the run hangs right under a heading, a caption or a label line, not under an
    item: `가.` numbers the entries of a section, never the children of a bullet."""
    above = next((line for line in reversed(lines[max(0, run.first - 3):run.first]) if line.strip()), "")
    return bool(BOX.match(above) or CAPTION_LINE.match(above) or LABEL_ONLY.match(above))


def _rewrite_runs(fn: Callable[[list[str], Run], list[str] | None],
                  unless: str | None = None, heading_only: bool = False) -> Callable[[str], str]:
    """Each run's lines replaced by `fn(lines, run)` (None: as printed). A renumbering
    (`unless`: the style it writes) rewrites the runs of one marker only, the document's most
    frequent: two levels of the outline never end up numbered alike."""

    def apply(text: str) -> str:
        if unless and STYLE[unless].search(text):
            return text
        lines = text.split("\n")
        found = [r for r in runs(lines) if not heading_only or _under_heading(lines, r)]
        if unless and found:
            kinds = Counter(r.kind for r in found)
            top = max(kinds, key=lambda k: (kinds[k], -_rank(k)))
            found = [r for r in found if r.kind == top]
        out: list[str] = []
        last = 0
        for run in found:
            new = fn(lines, run)
            if new is None:
                continue
            out += lines[last:run.first] + new
            last = run.last + 1
        out += lines[last:]
        return "\n".join(out)

    return apply


def _renumber(style: str) -> Callable[[list[str], Run], list[str] | None]:
    def fn(lines: list[str], run: Run) -> list[str] | None:
        if len(run.bodies) > 14:
            return None
        marks = {"circled": [chr(0x2460 + k) + " " for k in range(len(run.bodies))],
                 "paren_number": [f"{k + 1}) " for k in range(len(run.bodies))],
                 "hangul": [f"{'가나다라마바사아자차카타파하'[k]}. " for k in range(len(run.bodies))],
                 "dash": ["- "] * len(run.bodies)}[style]
        return [run.indent + mk + body for mk, body in zip(marks, run.bodies, strict=True)]

    return fn


def _inline(sep: str, lead: str) -> Callable[[list[str], Run], list[str] | None]:
    def fn(lines: list[str], run: Run) -> list[str] | None:
        if any(len(b) > MAX_INLINE_ITEM or regex.search(r"[,，:：]", b) or b.endswith((".", "다"))
               for b in run.bodies):
            return None
        return [run.indent + lead + sep.join(run.bodies)]

    return fn


LABEL_LINE = regex.compile(r"^[ ]*(?:[□■○◦●ㅇ▶▷\-·]\s*)?(?:[(（\[]\s*)?(?P<label>[가-힣·ㆍ ]{2,12}?)\s*[)）\]]?\s*[:：]?\s*$")


def _table(lines: list[str], run: Run) -> list[str] | None:
    """`○ 제출서류` / `- 사업계획서 1부` / `- 재무제표 1부` → the label, then a table
    `연번 | 제출서류` with one row per item."""
    if any(len(b) > MAX_TABLE_ITEM for b in run.bodies):
        return None
    above = next((line for line in reversed(lines[max(0, run.first - 3):run.first]) if line.strip()), "")
    m = LABEL_LINE.match(above)
    head = m["label"].strip() if m else "내용"
    return [f"연번\t{head}"] + [f"{k + 1}\t{body}" for k, body in enumerate(run.bodies)]


def _flat_table(lines: list[str], run: Run) -> list[str] | None:
    """The `list_table` rows as a PDF prints a table it does not detect: cells joined by
    spaces (`연번 제출서류` / `1 사업계획서 1부`)."""
    rows = _table(lines, run)
    return None if rows is None else [row.replace("\t", " ") for row in rows]


# the inline comma form keeps the run's first marker (`- a, b, c`)
def _inline_keep_mark(lines: list[str], run: Run) -> list[str] | None:
    new = _inline(", ", "")(lines, run)
    return None if new is None else [run.indent + _mark_of(run) + new[0].strip()]


def _mark_of(run: Run) -> str:
    return {"num.": "1. ", "num)": "1) ", "hangul.": "가. ", "hangul)": "가) ", "circled": "① "}.get(
        run.kind, run.kind + " ")


def _notes_apply(text: str) -> str:
    # items keep their own markers: rewrite each item line in place, adding the note under it
    lines = text.split("\n")
    out: list[str] = []
    last = 0
    for run in runs(lines):
        out += lines[last:run.first]
        for k in range(run.first, run.last + 1):
            out += [lines[k], run.indent + "  ※ 세부 사항은 붙임 참조"]
        last = run.last + 1
    out += lines[last:]
    return "\n".join(out)


# a two-column table row: key, value (no empty cell, a short key)
KEY_ROW = regex.compile(r"^(?P<key>[^\t\n]{2,12})\t(?P<value>[^\t\n]+)$")
# a head row: `구분 | 내용`, `유형 | 주요 프로그램 내용`, `평가항목 | 세부 내용`
KEY_HEAD = regex.compile(r"^\s*(?:구\s*분|유\s*형|분\s*류|(?:평가\s*)?항\s*목)\s*\t[^\t\n]*$|^[^\t\n]*\t[^\t\n]*내\s*용\s*$")
VALUE_BULLET = regex.compile(r"^\s*[•·▪◦○-]\s*")


def _table_key_lines(text: str) -> str:
    """A table whose every row is `key<TAB>value` (a key/value box) → `○ key : value` lines;
    its `구분 | 내용` head dropped."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        if j > i:
            block = lines[i:j]
            body = block[1:] if KEY_HEAD.match(block[0]) else block
            if len(body) >= 2 and all(KEY_ROW.match(r) and not regex.match(r"^\s*\d", r) for r in body):
                out += [f"○ {KEY_ROW.match(r)['key'].strip()} : "
                        f"{VALUE_BULLET.sub('', KEY_ROW.match(r)['value'].strip())}" for r in body]
            else:
                out += block
            i = j
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _page_break(lines: list[str], run: Run) -> list[str] | None:
    """A run of three or more items split by a page break: the page number (`- 7 -`) printed
    between two items, as a PDF's text has it (kised_dodak_2025: `⑧ … 휴‧폐업 중인 자 (기업)` /
    `- 6 -` / `⑨ …`; mss_startup_univ_regional_2026: `… 면책결정이 확정된 자` / `- 5 -` / `② …`)."""
    if len(run.bodies) < 3:
        return None
    block = lines[run.first:run.last + 1]
    items = [k for k, line in enumerate(block) if ITEM_MARK.match(line) and not _furniture(line)]
    cut = items[len(items) // 2]  # before the middle item
    return block[:cut] + ["- 7 -"] + block[cut:]


# the announcement's title as a PDF prints it in the page margin: a line of the first ones
# naming the call (`2026년 제1차 정보통신‧방송 기술개발 및 표준개발지원사업 … 공고`)
TITLE_LINE = regex.compile(r"^[^\t\n□○◦\-※*]{6,60}(?:공고|모집|안내)[^\t\n]{0,10}$")
PAGE_NUMBER_LINE = regex.compile(r"^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$")


def _running_title(text: str) -> str:
    """The page breaks of `list_page_break` (`- 7 -` inside a list of three items or more) with
    the announcement's running title printed under each page number, and under every page
    number the text prints already: a PDF's running header (`ingest.pdf_running`: a line
    repeated in a page margin) as its text keeps it, e.g. `- 5 -` / `2026년 창업중심대학 … 공고`
    inside mss_startup_univ_regional_2026's exclusions (`… 면책결정이 확정된 자` / `- 5 -` / `② …`)."""
    lines = text.split("\n")
    title = next((line.strip() for line in lines[:12] if TITLE_LINE.match(line.strip())), None)
    if title is None:
        return text
    broken = _rewrite_runs(_page_break)(text).split("\n")
    out: list[str] = []
    for line in broken:
        out.append(line)
        if PAGE_NUMBER_LINE.match(line):
            out.append(title)
    return "\n".join(out) if len(out) - len(broken) >= 2 else text


# a size or budget line (`□ 공고규모 :’17년도 정부출연금 43.0억 원 이내,15개 과제`, `○ 지원 비용: 총
# 477,000천원(9개 기업 내외 지원)`, `□ 선정규모 : 총 535개사 …`) as the row of a summary table prints
# it: `모집규모 | 535개사 내외 | 222개사 내외` (mss_startup_univ_regional_2026's overview table)
SIZE_LINE = regex.compile(
    r"(?m)^[ ]*(?:[□■○◦ㅇ▶▷●·❍⦁-][ ]*)?[(（]?[ ]*(?P<key>공고[ ]?규모|지원[ ]?규모|사업[ ]?규모|지원[ ]?비용"
    r"|사업[ ]?예산|총[ ]?예산|선정[ ]?규모|모집[ ]?규모)[ ]*[)）]?[ ]*[:：][ ]*(?P<value>\S[^\t\n]*)$")


LINE_MARK = regex.compile(r"^[ ]*([□■○◦ㅇ▶▷●·❍⦁-]|\d{1,2}[.)]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])")


def _size_line_table(text: str) -> str:
    """`□ 공고규모 : … 43.0억 원 이내,15개 과제` → `공고규모 | … 43.0억 원 이내,15개 과제` (a key/value
    row). Only a leaf: the next line opens with the line's own marker, a heading's (`□`, `1.`) or
    a note's (`※`), so no item under it changes its parent; not before a table (rows would join)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = SIZE_LINE.match(line)
        if m is None:
            continue
        nxt = next((x for x in lines[i + 1:i + 4] if x.strip()), "")
        own, after = LINE_MARK.match(line), LINE_MARK.match(nxt)
        if "\t" in nxt or own is None or not (NOTE.match(nxt) or (after is not None and (
                after[1] == own[1] or regex.match(r"[□■\dⅠ-Ⅹ]", after[1])))):
            continue
        lines[i] = f"{m['key']}\t{m['value'].strip()}"
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# Documents lists: the entries under a 제출서류 heading printed the other ways real
# announcements print a documents list. A section is the heading line, then its entries (one
# marker class and indent), each with the lines hanging under it (notes, `-` sub-lines, a
# status line such as `필수`, a page number); it ends at an outer marker, a box heading, a table
# row or prose. Only the entries' words move: names, quantities and qualifiers stay as printed.

DOC_HEAD = regex.compile(r"""
    ^(?P<indent>[ ]*)
    (?P<mark>(?:[□■○◦●ㅇ❍▪]|\d{1,2}[.)]|[가-하][.)])[ ]*)?
    (?P<label>[(（<\[]?[ ]*(?:(?:신청|접수)[ ]*(?:시[ ]*)?)?
        (?:(?:제출|구비|신청|증빙|첨부|필요)[ ]*서류(?:[ ]*목록)?|제출[ ]*자료)[ ]*[)）>\]]?)
    (?P<tail>(?:[ ]*[<(（\[][^\n<>()（）\[\]]{1,30}[>)）\]])?)[ ]*[:：]?[ ]*$""", regex.VERBOSE)
DOC_ENTRY = regex.compile(r"""
    ^(?P<indent>[ ]*)
    (?P<mark>[-–·ㆍ•∙‧▪◦○●□■ㅇ❍▷▶] | [①-⑳] | (?P<num>\d{1,2})[.)](?!\d) | (?P<hangul>[가-하])[.)])
    [ ]*(?P<body>\S[^\t\n]*)$""", regex.VERBOSE)
GROUP_LINE = regex.compile(r"^\s*[<〈《【\[][^\n]{1,30}[>〉》】\]]\s*$")  # `<필수사항>`
STATUS_LINE = regex.compile(r"^\s*\S{1,6}\s*$")  # `필수`, `해당`, `참조용` under an entry
# an entry's tail: its copies (`1부`, `각 1부`) and a qualifier in parentheses (`(해당 시)`)
DOC_QUANTITY = regex.compile(r"\s*(?:각\s*)?\d+\s*부(?:씩)?\s*$")
DOC_QUALIFIER = regex.compile(r"\s*[(（]\s*(?P<q>필수|선택|해당\s*시|해당|해당자)\s*[)）]\s*$")
DOC_FORM_REF = regex.compile(r"양식|서식|붙\s*임|별\s*첨|별\s*지")


@dataclass
class DocEntry:
    line: int
    mark: str
    body: str
    attached: list[int]


@dataclass
class DocSection:
    head: int
    kind: str
    indent: str
    entries: list[DocEntry]
    last: int  # the section's last line (inclusive)


def _entry_kind(m: regex.Match[str]) -> str:
    if m["num"]:
        return "num" + m["mark"][-1]
    if m["hangul"]:
        return "hangul" + m["mark"][-1]
    return "circled" if "①" <= m["mark"] <= "⑳" else m["mark"]


def doc_sections(lines: list[str]) -> list[DocSection]:
    """Each documents heading with the entries under it (≥ 2)."""
    out: list[DocSection] = []
    i = 0
    while i < len(lines):
        head = DOC_HEAD.match(lines[i])
        if head is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or GROUP_LINE.match(lines[j])):
            j += 1
        first = DOC_ENTRY.match(lines[j]) if j < len(lines) else None
        if first is None or NOTE.match(lines[j]):
            i += 1
            continue
        kind, indent = _entry_kind(first), first["indent"]
        entries: list[DocEntry] = []
        last = i
        k = j
        while k < len(lines):
            line = lines[k]
            if not line.strip():
                k += 1
                continue
            m = DOC_ENTRY.match(line)
            if "\t" in line:
                break
            if m and _entry_kind(m) == kind and m["indent"] == indent and not _furniture(line):
                entries.append(DocEntry(k, m["mark"], m["body"].strip(), []))
            elif not entries:
                break
            elif NOTE.match(line) or _furniture(line) or GROUP_LINE.match(line):
                entries[-1].attached.append(k)
            elif m and not BOX.match(line) and (len(m["indent"]) > len(indent) or (
                    len(m["indent"]) == len(indent) and _rank(_entry_kind(m)) > _rank(kind))):
                entries[-1].attached.append(k)  # a deeper item: a sub-line of the entry
            elif m is None and STATUS_LINE.match(line) and not BOX.match(line):
                entries[-1].attached.append(k)
            else:
                break
            last = k
            k += 1
        # a group caption or a note left after the last entry belongs to what follows
        while entries and entries[-1].attached and GROUP_LINE.match(lines[entries[-1].attached[-1]]):
            entries[-1].attached.pop()
        if len(entries) >= 2:
            last = max([entries[-1].line, *entries[-1].attached])
            out.append(DocSection(i, kind, indent, entries, last))
            i = last + 1
        else:
            i += 1
    return out


def _rewrite_sections(fn: Callable[[list[str], DocSection], list[str] | None]) -> Callable[[str], str]:
    """Each documents section (heading to last entry) replaced by `fn(lines, section)`."""

    def apply(text: str) -> str:
        lines = text.split("\n")
        out: list[str] = []
        last = 0
        for sec in doc_sections(lines):
            new = fn(lines, sec)
            if new is None:
                continue
            out += lines[last:sec.head] + new
            last = sec.last + 1
        out += lines[last:]
        return "\n".join(out)

    return apply


def _leaves(sec: DocSection, lines: list[str]) -> bool:
    """No entry has a line under it but the last, whose notes may follow the list."""
    return all(not e.attached for e in sec.entries[:-1]) and all(
        NOTE.match(lines[k]) for k in sec.entries[-1].attached)


def _tail_lines(lines: list[str], sec: DocSection) -> list[str]:
    return [lines[k] for k in sec.entries[-1].attached]


def _docs_inline(each: bool) -> Callable[[list[str], DocSection], list[str] | None]:
    """`□ 제출서류` / `- 사업계획서 1부` / `- 재무제표 1부` → `□ 제출서류 : 사업계획서 1부, 재무제표
    1부` (suseong_idea_contest_2026 `5. 제출서류: 제안서 1부, 기타 참고자료`; knpa_policelab_rnd_2026
    `ㅇ (제출서류) 연구개발계획서, 기타 증빙서류 등`); with `each`, the copies said once at the end
    (`제출서류 : 사업신청서, 사업계획서, 사업자등록증 사본 각 1부`: the SAID_LIST print of
    gonggo.extractors.documents; mss_startup_univ_regional_2026 `기타 제출서류 각 1부`)."""

    def fn(lines: list[str], sec: DocSection) -> list[str] | None:
        bodies = [e.body for e in sec.entries]
        if not _leaves(sec, lines) or any(len(b) > 60 or regex.search(r"[,，:：]", b) for b in bodies):
            return None
        if each:
            if not all(DOC_QUANTITY.search(b) for b in bodies):
                return None
            bodies = [DOC_QUANTITY.sub("", b) for b in bodies]
            joined = ", ".join(bodies) + " 각 1부"
        else:
            joined = ", ".join(bodies)
        return [lines[sec.head].rstrip().rstrip(":：").rstrip() + " : " + joined] + _tail_lines(lines, sec)

    return fn


def _doc_cells(body: str) -> tuple[str, str, str]:
    """An entry as a table's cells: the name, its copies, its qualifier (`-` when none)."""
    qualifier = "-"
    m = DOC_QUALIFIER.search(body)
    if m:
        qualifier, body = m["q"], body[:m.start()]
    quantity = "-"
    q = DOC_QUANTITY.search(body)
    if q:
        quantity, body = q[0].strip(), body[:q.start()]
    m = DOC_QUALIFIER.search(body)  # `사업자등록증명 (해당시) 1부`
    if m and qualifier == "-":
        qualifier, body = m["q"], body[:m.start()]
    return body.strip(), quantity, qualifier


def _docs_columns(sep: str) -> Callable[[list[str], DocSection], list[str] | None]:
    """`□ 제출서류` / `① 사업신청서 1부` / `② 사업자등록증명 (해당시)` → the heading, then a table
    `연번 | 서류명 | 부수 | 비고` whose 부수 and 비고 columns take the copies and the qualifier
    (msit_ict_rnd_2026_1st `구분 | 제출 서류명 | 제출 대상 | 필수 여부 | 제출 시점`;
    daegutp_startup_scaleup_rnd_2026 `연번 | 서류 | 서식 | 비고 | 제출방법` with `5 | 우대사항 확인서 및
    증빙서류 각 1부 | 서식 5 | 해당 시 (우대사항)`; suwon_carbon_neutral_livinglab_2026 `구분 | 제출서류 |
    용도 | 비 고`, an empty cell printed `-`); `sep` " " is the same table as a PDF's text flattens it
    (`1 사업신청서 1부 -`)."""

    def fn(lines: list[str], sec: DocSection) -> list[str] | None:
        if not _leaves(sec, lines) or any(len(e.body) > MAX_TABLE_ITEM for e in sec.entries):
            return None
        rows = [sep.join(["연번", "서류명", "부수", "비고"])]
        for n, e in enumerate(sec.entries, 1):
            name, quantity, qualifier = _doc_cells(e.body)
            if not name:
                return None
            rows.append(sep.join([str(n), name, quantity, qualifier]))
        return [lines[sec.head]] + rows + _tail_lines(lines, sec)

    return fn


def _docs_groups(lines: list[str], sec: DocSection) -> list[str] | None:
    """The entries under group labels: the ones a qualifier says are due in some cases (`(해당
    시)`) moved, qualifier dropped, under `해당 시 제출서류`, the others under `공통 제출서류`
    (ulju_youth_culture_project_2025 `필수 제출서류` / `1. 지원신청서` … / `가산점 제출서류`;
    mafra_high_value_food_rnd_2017 `<필수사항>` / `<선택사항(해당 시 제출)>`; seed 001 `공통 제출
    (도입·공급기업)` / `도입기업 제출`)."""
    if any(GROUP_LINE.match(lines[k]) for e in sec.entries for k in e.attached):
        return None  # already grouped
    common: list[str] = []
    some: list[str] = []
    for e in sec.entries:
        block = [lines[e.line], *(lines[k] for k in e.attached)]
        m = DOC_QUALIFIER.search(e.body)
        if m and m["q"].startswith("해당"):
            block[0] = lines[e.line][: len(lines[e.line]) - len(e.body)] + e.body[:m.start()].rstrip()
            some += block
        else:
            common += block
    if not common:
        return None
    out = [lines[sec.head], sec.indent + "공통 제출서류", *common]
    if some:
        out += [sec.indent + "해당 시 제출서류", *some]
    return out


def _wrap_point(line: str, start: int) -> int | None:
    """Where a narrow column breaks `line`: before its last word outside parentheses (`각 1부`
    kept whole), never inside the marker."""
    depth = 0
    best: int | None = None
    for k, ch in enumerate(line):
        depth += 1 if ch in "(（[" else -1 if ch in ")）]" else 0
        if ch == " " and depth == 0 and k > start + 2:
            best = k + 1
    if best is not None and line[best:].startswith(tuple("0123456789")) and line[:best].rstrip().endswith("각"):
        best = line[:best].rstrip().rfind(" ") + 1 or None
    return best if best and best > start + 2 else None


def _docs_wrap(lines: list[str], sec: DocSection) -> list[str] | None:
    """Each entry of 14 characters or more wrapped before its last word, as a PDF's narrow
    column prints it (pipc_privacy_rnd_2025 `10 가점 및 감점사항 확인서` / `(증빙서류 포함)`;
    mois_regional_disaster_rnd_2025 `… 온라인상 ‘제출’ 및 ‘기관담당자 승인’ 상태인` / `과제만 접수
    완료된 것으로 인정`; kised_dodak_2025 `… 확인할 수 있는 관련 증빙서` / `류 제출 요청 예정`)."""
    out = [lines[sec.head]]
    wrapped = 0
    for k in range(sec.head + 1, sec.last + 1):
        entry = next((e for e in sec.entries if e.line == k), None)
        if entry is None or len(entry.body) < 14 or " " not in entry.body.strip():
            out.append(lines[k])
            continue
        cut = _wrap_point(lines[k].rstrip(), len(lines[k]) - len(entry.body))
        if cut is None:
            out.append(lines[k])
            continue
        out += [lines[k][:cut].rstrip(), lines[k][cut:].strip()]
        wrapped += 1
    return out if wrapped else None


def _docs_form_lead(lines: list[str], sec: DocSection) -> list[str] | None:
    """Each entry named after its form's tag: `① 사업신청서 1부` → `① [붙임1] 사업신청서 1부`
    (mois_regional_disaster_rnd_2025 `② [별첨1] 행정안전부 연구개발계획서(신청용) 1부`, `2-1 | [붙임1]
    신청자격의 적정성 확인서(필수)`)."""
    if any(DOC_FORM_REF.search(e.body) for e in sec.entries):
        return None
    out = [lines[sec.head]]
    for k in range(sec.head + 1, sec.last + 1):
        entry = next((n for n, e in enumerate(sec.entries, 1) if e.line == k), None)
        if entry is None:
            out.append(lines[k])
            continue
        body = sec.entries[entry - 1].body
        out.append(lines[k][: len(lines[k]) - len(body)] + f"[붙임{entry}] " + body)
    return out


def _docs_form_tail(lines: list[str], sec: DocSection) -> list[str] | None:
    """Each entry followed by its form: `◦ 사업계획서 1부` → `◦ 사업계획서 1부 ([별첨 1] 양식)`
    (mss_startup_univ_regional_2026 `◦ 사업계획서 1부 ([별첨 1] 양식)`; seed 000 `… 정보활용동의서 1부
    [붙임2-양식②]`)."""
    if any(DOC_FORM_REF.search(e.body) for e in sec.entries):
        return None
    out = [lines[sec.head]]
    for k in range(sec.head + 1, sec.last + 1):
        entry = next((n for n, e in enumerate(sec.entries, 1) if e.line == k), None)
        out.append(lines[k] if entry is None else lines[k].rstrip() + f" ([별첨 {entry}] 양식)")
    return out


# a documents table's head cell: `서류명`, `제출서류`, `제출 서류명`, `온라인 등록 서류`, `서류`
DOC_HEAD_CELL = regex.compile(
    r"^\s*(?:(?:제\s*출|신\s*청|온라인\s*등록|구\s*비)\s*)?서\s*류\s*(?:명|목\s*록)?\s*$")


def _doc_tables(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of each table whose head row names a documents column, with the
    lines of its multi-line cells."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        cells = lines[k].split("\t")
        if len(cells) < 2 or not any(DOC_HEAD_CELL.match(c) for c in cells):
            k += 1
            continue
        j = k
        while j + 1 < len(lines):
            nxt = lines[j + 1]
            if "\t" in nxt:
                j += 1
                continue
            ahead = next((n for n in range(j + 2, min(j + 5, len(lines))) if "\t" in lines[n]), None)
            if ahead is None or BOX.match(nxt) or any(BOX.match(lines[n]) for n in range(j + 1, ahead)):
                break
            j = ahead
        out.append((k, j))
        k = j + 1
    return out


def _docs_table_flat(text: str) -> str:
    """A documents table as a PDF's text prints one it does not detect: each row's cells joined
    by spaces (seed 002 `구분 온라인 등록 서류` / `1 사업신청서 사업계획서` / `3 도입기업의
    사업자등록증명원 1부 (발행일로부터 3개월 이내)`; mss_startup_univ_regional_2026, kised_dodak_2025:
    the same PDFs print their other tables as tab-separated cells)."""
    lines = text.split("\n")
    for first, last in _doc_tables(lines):
        for k in range(first, last + 1):
            lines[k] = regex.sub(r"[ ]*\t+[ ]*", " ", lines[k].strip("\t")).rstrip()
    return "\n".join(lines)


DOCS_VARIANTS: list[Variant] = [
    Variant("docs_inline_label", "□ 제출서류 / - a 1부 / - b 1부 → □ 제출서류 : a 1부, b 1부",
            _rewrite_sections(_docs_inline(each=False))),
    Variant("docs_inline_each", "□ 제출서류 / - a 1부 / - b 1부 → □ 제출서류 : a, b 각 1부",
            _rewrite_sections(_docs_inline(each=True))),
    Variant("docs_table_columns", "□ 제출서류 / ① a 1부 / ② b (해당시) → 연번 | 서류명 | 부수 | 비고 / 1 | a | 1부 | - / …",
            _rewrite_sections(_docs_columns("\t"))),
    Variant("docs_flat_columns", "□ 제출서류 / ① a 1부 → 연번 서류명 부수 비고 / 1 a 1부 - (a PDF's flattened table)",
            _rewrite_sections(_docs_columns(" "))),
    Variant("docs_groups", "- a / - b (해당 시) → 공통 제출서류 / - a / 해당 시 제출서류 / - b",
            _rewrite_sections(_docs_groups)),
    Variant("docs_form_lead", "① 사업신청서 1부 → ① [붙임1] 사업신청서 1부", _rewrite_sections(_docs_form_lead)),
    Variant("docs_table_flat", "서류명 | 부수 / 사업계획서 | 1부 → 서류명 부수 / 사업계획서 1부 (a PDF's undetected table)",
            _docs_table_flat),
    Variant("docs_form_tail", "◦ 사업계획서 1부 → ◦ 사업계획서 1부 ([별첨 1] 양식)", _rewrite_sections(_docs_form_tail)),
]


LAYOUT_VARIANTS: list[Variant] = [
    Variant("list_circled", "- a / - b → ① a / ② b", _rewrite_runs(_renumber("circled"), "circled")),
    Variant("list_paren_number", "- a / - b → 1) a / 2) b",
            _rewrite_runs(_renumber("paren_number"), "paren_number")),
    Variant("list_hangul", "- a / - b → 가. a / 나. b", _rewrite_runs(_renumber("hangul"), "hangul",
                                                                           heading_only=True)),
    Variant("list_dash", "① a / ② b → - a / - b", _rewrite_runs(_renumber("dash"), "dash")),
    Variant("list_inline_comma", "- a / - b → - a, b", _rewrite_runs(_inline_keep_mark)),
    Variant("list_inline_arrow", "- a / - b → ▷ a ▷ b", _rewrite_runs(_inline(" ▷ ", "▷ "))),
    Variant("list_table", "○ 제출서류 / - a / - b → 연번 | 제출서류 / 1 | a / 2 | b", _rewrite_runs(_table)),
    Variant("list_flat_table", "○ 제출서류 / - a / - b → 연번 제출서류 / 1 a / 2 b (a PDF's flattened table)",
            _rewrite_runs(_flat_table)),
    Variant("list_notes", "- a / - b → - a / ※ note / - b / ※ note", _notes_apply),
    Variant("table_key_lines", "지원금액 | 1억원 → ○ 지원금액 : 1억원", _table_key_lines),
    Variant("list_page_break", "- a / - b / - c → - a / - 7 - / - b / - c (a page number inside a list)",
            _rewrite_runs(_page_break)),
    Variant("size_line_table", "□ 공고규모 : 43억 원 이내 → 공고규모 | 43억 원 이내 (a summary table's row)",
            _size_line_table),
    Variant("list_page_break_title", "- a / - b / - c → - a / - 7 - / <title> / - b / - c "
            "(a page number and the running title, at every page break)", _running_title),
    *DOCS_VARIANTS,
]
BY_NAME = {v.name: v for v in LAYOUT_VARIANTS}


def main(argv: Sequence[str] | None = None) -> int:
    return run_variants(argv, registry=__name__, title="Layout variants",
               select=lambda names: [BY_NAME[n] for n in names] or LAYOUT_VARIANTS)


if __name__ == "__main__":
    sys.exit(main())
