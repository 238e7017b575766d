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
]
BY_NAME = {v.name: v for v in LAYOUT_VARIANTS}


def main(argv: Sequence[str] | None = None) -> int:
    return run_variants(argv, registry=__name__, title="Layout variants",
               select=lambda names: [BY_NAME[n] for n in names] or LAYOUT_VARIANTS)


if __name__ == "__main__":
    sys.exit(main())
