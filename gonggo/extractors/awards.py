"""How many are selected (지원규모, 선정규모, 모집규모) → `Awards`.

Rules, in order:

1. **labelled count**: a heading or item labelled with a size word (`□ 지원규모 : 총 5개사`,
   `◦ (지원규모) 90개사 내외`, `(지원 과제) 29개`, a table cell `지원규모 | 10개사`); when the
   label's own line has no count, the first count in the items under it. A total (`총 5개사`)
   wins over the per-track counts under it (`고도화 3개사`, `기초 2개사`); per-track counts
   alone are summed when they share a unit.
   A call table of one row under its header prints the program's total in a cell
   (`… 전문인력 양성 (총 2개 과제 지원)`). Of a labelled line and a labelled table row, the one
   printed first wins (a summary table's `선정규모 | 총 535개사(명)내외` over the section's later
   `□ 선정규모 : 총 535개사 (…)`).
2. **selection sentence** anywhere else in the body (not a table): a count with `내외` or one
   followed by 선정/모집/지원 (`57개사 내외`, `10개 과제 선정`), or right after 선정/선발/모집
   (`선발 8개사 대상 총 26억원 이내 先투자`).

A count is a number with a unit of things selected, kept as printed: `개사`, `개 기관`,
`개 과제`, `개 클러스터 컨소시엄`, `개`, `팀`, `건`, `명`. Not a count: amounts of money,
durations (`6개월`), bounds that are requirements (`10개사 이상`, `최소 10개 과제`, `1개사만`), a
choice among offers (`공급기업 중 1개사를 선택`), a team's make-up (`리더예술인(1명) 및
참여예술인(4명 내외)`).
`approx` is true for `내외`, `약`, `정도`, `안팎`, `가량`; `이내` is an upper bound (`bound: max`,
not approx). A unit's alternative in parentheses does not hide the word after it
(`총 535개사(명)내외`).

`corpus_value(text)`: {"count", "approx", "unit"} of the phrase's count, or null.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gonggo.reading.items import Item, in_appendix, items, label_of
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Awards
from gonggo.schemas.document import Cell, Table
from gonggo.vocab.text import compiled, strip_marker

SIZE_LABEL = regex.compile(
    r"(?:지원|선정|모집|선발|참여|대상)\s*규모|지원\s*대상\s*규모"
    # the size joined to whom it selects (`□ 지원대상 및 규모 :`, the listing cache's `교육대상 및 규모`)
    r"|대상\s*(?:및|과|와|[·ㆍ‧・])\s*규모"
    r"|(?:지원|선정|선발|모집)\s*(?:예정\s*)?(?:과제|기업|기관|팀|인원|건수|업체|대상\s*수)\s*(?:수|규모)?"
    r"|모집\s*(?:기관|인원|팀)|지원\s*기업\s*수|선정\s*(?:예정|수)"
    # R&D calls: `□ 공고규모 : … 이내,15개 과제`, `□ 대상 과제 :10개 과제`, `지정공모 과제 : 49개 과제`
    r"|공고\s*규모|(?:대상|지정\s*공모|자유\s*응모|신규(?:\s*연구개발)?)\s*과제(?=\s*(?:[:：]|$))"
)
UNIT_NOUNS = (r"클러스터\s*컨소시엄|컨소시엄|클러스터|기관|과제|기업|업체|단체|팀|시설|지역|센터|대학|"
              r"프로젝트|개소|곳|사")
COUNT = regex.compile(
    # The number starts a digit run and is taken whole (atomic): on a run of n digits a
    # backtracking `\d+` tried every start and length (quadratic).
    r"(?P<total>총\s*)?(?P<about>약\s*)?(?<!\d)(?<!\d[.,])(?P<n>(?>\d{1,3}(?:,\d{3})+(?!\d)|\d+))\s*"
    r"(?P<unit>개\s*(?:" + UNIT_NOUNS + r")(?![가-힣])|개(?![월년가-힣])(?!\s+(?!(?:내외|정도|안팎|가량|이내|수준|선정|모집|선발|지원)(?![가-힣]))[가-힣])"
    r"|개사|社|팀|건|명|곳|개소|과제(?![가-힣]))"  # `34과제` (mafra_livestock_issues_master_2021)
    r"(?:\s*[(（][가-힣]{1,3}[)）](?=\s*(?:내외|정도|안팎|가량|이내)))?"
    r"(?P<approx>\s*(?:내외|정도|안팎|가량|이내|수준))?"
)
# A call type's own count (`□ 지정공모과제 : 12개 과제`) is the program's only when no other
# call type prints one (`□ 자유응모과제 : 17개 과제`): then neither is the whole.
CALL_TYPE = regex.compile(r"(?P<type>지정\s*공모|자유\s*응모)\s*과제")
# a requirement (`10개사 이상`), a rate (`1개사당`), a pool (`9과제 중`), a choice among offers (`공급기업(CSP) 중 1개사를
# 선택하여`, bizinfo list), the applications received (`(26개 과제 접수)`), not the number selected
NOT_A_COUNT_AFTER = regex.compile(
    r"\s*(?:이상|이하|미만|초과|까지|만|당|씩|마다|이\s*참여|의|에\s*한|[를을]\s*선택|접수|응모"
    r"|중(?![가-힣]))")  # `(9과제 중 6과제)`: the pool a share of it is taken from
# A team's make-up, heads in parentheses after each of two roles or more (`리더예술인(1명) 및
# 참여예술인(4명 내외) 매칭 지원`, bizinfo list): how many of each role in a team, not how many
# are selected (unless a selection follows: `청년(20명 내외) 선발`)
ROLE_HEADS = regex.compile(r"[가-힣][(（]\s*\d{1,3}\s*명[^()（）\n]{0,6}[)）]")
ROLE_HEADS_BEFORE = regex.compile(r"[가-힣][(（]\s*$")
NOT_A_COUNT_BEFORE = regex.compile(r"(?:최소|최대|기업당|과제당|당|\d\s*(?:개\s*)?(?:과제|사|팀|기업|기관)\s*중)\s*$")
SELECTS_AFTER = regex.compile(r"\s*(?:[)）]\s*)?(?:를|을)?\s*(?:최종\s*)?(?:선정|모집|선발)")
# the selection named right before the count: `- 선발 8개사 대상 총 26억원 이내 先투자` (bizinfo list)
SELECTS_BEFORE = regex.compile(r"(?<![가-힣])(?:최종\s*)?(?:선정|선발|모집)\s*$")
APPROX_WORD = regex.compile(r"내외|정도|안팎|가량|^약")
# a line about a contest's prizes (`○ 참가상(상금 40만원) : … 추첨을 통해 총 8팀에게 각 5만원 상당의 부상 제공`):
# how many get a prize, not how many are selected for the support
PRIZE_LINE = regex.compile(r"상금|부상(?![가-힣])|상품권|포상|(?:참가|우수|장려|입선|인기|특별)\s*상(?![가-힣])")


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    count: int
    approx: bool
    unit: str
    total: bool
    bound: str | None = None  # "max" for `이내`


def find_counts(text: str) -> list[Count]:
    """Counts of selected things in `text`, in order (requirements and amounts left out)."""
    out = []
    team = len(ROLE_HEADS.findall(text)) >= 2
    for m in COUNT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if PRIZE_LINE.search(text[line_start : line_end if line_end >= 0 else len(text)]):
            continue
        # Only the few characters before the match: searching the whole prefix for each
        # match was quadratic in the text.
        before = text[max(0, m.start() - 40):m.start()]
        if NOT_A_COUNT_AFTER.match(text, m.end()) or NOT_A_COUNT_BEFORE.search(before):
            continue
        # part of a larger number (`1,500개`, `2.5개`), not a count after a comma (`이내,15개 과제`)
        if m.start() > 0 and (text[m.start() - 1].isdigit() or (
                text[m.start() - 1] in ".," and m.start() > 1 and text[m.start() - 2].isdigit())):
            continue
        unit = compiled(r"\s+").sub(" ", m["unit"]).strip()
        if (unit == "명" and team and ROLE_HEADS_BEFORE.search(before)
                and not SELECTS_AFTER.match(text, m.end())):
            continue
        if not int(m["n"].replace(",", "")):
            continue  # a form's blank (`00개사 내외`, as `(00개월)` in a sample sheet), no count
        word = (m["approx"] or "").strip()
        approx = bool(word and word not in ("수준", "이내")) or bool(m["about"])
        out.append(Count(m.start(), m.end(), int(m["n"].replace(",", "")), approx, unit,
                         bool(m["total"]), "max" if word == "이내" else None))
    return out


def count_after_label(text: str) -> Count | None:
    """The count a labelled phrase states: the total if one is printed, else the first."""
    label = SIZE_LABEL.search(text)
    counts = find_counts(text[label.end():] if label else text)
    if not counts:
        return None
    shift = label.end() if label else 0
    best = next((c for c in counts if c.total), counts[0])
    return Count(best.start + shift, best.end + shift, best.count, best.approx, best.unit,
                 best.total, best.bound)


def corpus_value(text: str) -> dict[str, object] | None:
    c = count_after_label(text)
    return None if c is None else {"count": c.count, "approx": c.approx, "unit": c.unit}


# ---------------------------------------------------------------------------------------
# In a scope


def _award(scope: Scope, at: int, c: Count,
           extra: tuple[tuple[int, int], ...] = ()) -> Awards:
    spans = [(at + c.start, at + c.end), *extra]
    return Awards(count=c.count, approx=c.approx, bound=c.bound, unit=c.unit,
                  evidence=[scope.evidence(a, b) for a, b in spans])


def _under(scope: Scope, item: Item, chosen: list[Item]) -> list[Item]:
    """The items nested under `item`'s outline node."""
    if item.section is None:
        return []
    node = scope.doc.sections[item.section]
    return [i for i in chosen if i is not item and node.start <= i.start and i.end <= node.end]


def _from_children(scope: Scope, children: list[Item]) -> Awards | None:
    found: list[tuple[int, Count]] = []
    for child in children:
        for b in child.blocks:
            if b.table is not None:
                continue
            text = scope.text(b)
            c = count_after_label(text)
            if c is not None:
                found.append((b.start, c))
                break
    if not found:
        return None
    totals = [(at, c) for at, c in found if c.total]
    if totals:
        return _award(scope, *totals[0])
    if len(found) > 1 and len({c.unit for _, c in found}) == 1:
        total = sum(c.count for _, c in found)
        at, first = found[0]
        summed = Count(first.start, first.end, total, any(c.approx for _, c in found),
                       first.unit, False)
        return _award(scope, at, summed, tuple((a + c.start, a + c.end) for a, c in found[1:]))
    return _award(scope, *found[0])


def _call_types(scope: Scope, chosen: list[Item]) -> set[str]:
    """The call types (`지정공모`, `자유응모`) printed with a count of their own."""
    found = set()
    for item in chosen:
        first = item.blocks[0]
        if first.table is not None:
            continue
        text = scope.text(first)
        label = label_of(text, first.start, first.kind == "heading")
        m = CALL_TYPE.search(label.text) if label else None
        if m and count_after_label(text) is not None:
            found.add(compiled(r"\s+").sub("", m["type"]))
    return found


def _labelled(scope: Scope, chosen: list[Item]) -> Awards | None:
    several_types = len(_call_types(scope, chosen)) > 1
    for item in chosen:
        first = item.blocks[0]
        if first.table is not None:
            continue
        text = scope.text(first)
        label = label_of(text, first.start, first.kind == "heading")
        body = strip_marker(text)
        hit = SIZE_LABEL.search(label.text if label else body[:20])
        if not hit or (several_types and CALL_TYPE.search(hit.group(0))):
            continue
        c = count_after_label(text)
        if c is not None:
            if not c.total and _part_counts(scope, chosen, item, hit.group(0), c):
                return None
            return _award(scope, first.start, c)
        for b in item.blocks[1:]:
            if b.table is None and (c := count_after_label(scope.text(b))) is not None:
                return _award(scope, b.start, c)
        award = _from_children(scope, _under(scope, item, chosen))
        if award is not None:
            return award
    return None


def _part_counts(scope: Scope, chosen: list[Item], item: Item, label: str, c: Count) -> bool:
    """Whether a later item prints the same size label with another count (`○ 지원과제 수 : 2 개사`
    under `󰋎 민간투자연계형 …`, `○ 지원과제 수 : 6 개사` under `󰋏 창업초기기업형 …`): each counts one
    part's awards, neither the program's (as two tables labelling counts, `_from_tables`)."""
    key = compiled(r"\s+").sub("", label)
    for other in chosen[chosen.index(item) + 1:]:
        first = other.blocks[0]
        if first.table is not None:
            continue
        text = scope.text(first)
        hit = SIZE_LABEL.search(strip_marker(text)[:20])
        if hit is None or compiled(r"\s+").sub("", hit.group(0)) != key:
            continue
        o = count_after_label(text)
        if o is not None and (o.count, o.unit) != (c.count, c.unit):
            return True
    return False


# a labelled line whose value is a total of awards (`□ 농림축산식품부 소관 사업 :총 19개 과제(지정공모
# 15,자유응모 4)`): the program's count, whatever the label names; units of awards only
TOTAL_VALUE = regex.compile(r"^\s*총\s*\d")
AWARD_UNIT = regex.compile(r"과제|기업|개사|社|팀|기관|건")


def _total_value(scope: Scope, chosen: list[Item]) -> Awards | None:
    for item in chosen:
        first = item.blocks[0]
        if first.table is not None or _under_heading_of_other_facet(scope, item):
            continue
        text = scope.text(first)
        label = label_of(text, first.start, False)
        if label is None or label.end <= label.start or NOT_SIZE_HEADING.search(label.text):
            continue
        at = label.end - first.start
        rest = text[at:].split("\n", 1)[0]
        counts = find_counts(rest)
        if TOTAL_VALUE.match(rest) and counts and counts[0].total and counts[0].start == len(rest) - len(
                rest.lstrip()) and AWARD_UNIT.search(counts[0].unit):
            return _award(scope, first.start + at, counts[0])
    return None


def _from_tables(scope: Scope, chosen: list[Item]) -> Awards | None:
    """The count a table labels (`지원과제 수 | ○ 2 개사`). Two tables labelling counts (the boxes of
    two parts of the call, `󰋎 민간투자연계형 …` over `지원과제 수 | ○ 2 개사`, `󰋏 창업초기기업형 …`
    over `지원과제 수 | ○ 6 개사`) each count a part's awards, neither the program's: none (unless
    they print the same count)."""
    found: dict[int, Awards] = {}  # per table, its first labelled count
    for item in chosen:
        for b in item.blocks:
            if b.table is None or id(b.table) in found:
                continue
            award = _table_count(scope, b.table)
            if award is not None:
                found[id(b.table)] = award
    if len({(a.count, a.unit) for a in found.values()}) > 1:
        return None
    if found:
        return next(iter(found.values()))  # one table, or several printing the same count
    return _sole_row(scope, chosen)


def _table_count(scope: Scope, table: Table) -> Awards | None:
    for row in table.grid():
        for i, cell in enumerate(row):
            if cell is None or len(cell.text) > 15 or not SIZE_LABEL.search(cell.text):
                continue
            right: list[Cell] = [x for x in row[i + 1:] if x is not None and x is not cell]
            for value in right[:1]:
                text = scope.doc.text[value.start:value.end]
                c = count_after_label(text)
                if c is not None:
                    return _award(scope, value.start, c)
    return _boxed_line_count(scope, table)


# a labelled line inside a cell: `ㅇ 선정 과제 수 : 2개 과제 내외` (an RFP sheet drawn as boxes,
# its `4. 특기사항` box holding the sheet's prose)
CELL_LINE_LABEL = regex.compile(r"^(?P<label>[^:：\n]{1,20}?)\s*[:：]")


def _boxed_line_count(scope: Scope, table: Table) -> Awards | None:
    """The count of the one labelled size line (`ㅇ 선정 과제 수 : 2개 과제 내외`) the table's
    cells hold among their lines; several such lines (one per row of a list of programs or
    tracks) are no one program's count."""
    found: list[tuple[int, Count]] = []
    for cell in table.cells:
        text = scope.doc.text[cell.start:cell.end]
        pos = 0
        for line in text.split("\n"):
            body = strip_marker(line)
            m = CELL_LINE_LABEL.match(body)
            if m and SIZE_LABEL.search(m["label"]):
                c = count_after_label(line)
                if c is not None:
                    found.append((cell.start + pos, c))
            pos += len(line) + 1
    if len({(c.count, c.unit) for _, c in found}) != 1:
        return None
    return _award(scope, *found[0])


def _sole_row(scope: Scope, chosen: list[Item]) -> Awards | None:
    """A call table of one row under its header (`순번 | 과 제 명 | …` / `1 | 개인정보 보호‧활용
    석‧박사 전문인력 양성 (총 2개 과제 지원) | …`): its total is the program's count. With two rows
    or more a total is one row's (a track's)."""
    for item in chosen:
        for b in item.blocks:
            grid = b.table.grid() if b.table is not None else []
            if len(grid) != 2:
                continue
            for cell in grid[1]:
                if cell is None or any(cell is h for h in grid[0]):
                    continue
                c = count_after_label(scope.doc.text[cell.start:cell.end])
                if c is not None and c.total:
                    return _award(scope, cell.start, c)
    return None


# Counts under these headings are conditions or procedure, not how many are selected.
NOT_SIZE_HEADING = regex.compile(r"자격|평가|제외|서류|문의|연락|절차|유의|가점|심사|배점|요건|교육")


def _under_heading_of_other_facet(scope: Scope, item: Item) -> bool:
    """Whether a heading above the item names another facet. The headings above an item end
    at the first list item holding a heading: the outline nests a body heading under a table
    of contents' last entry that way (`- 목 차 -` … `8. 문의처` / `③: …` / `1. 사업개요`)."""
    s_idx = item.section
    seen_heading = False
    while s_idx is not None:
        section = scope.doc.sections[s_idx]
        kind = scope.doc.blocks[section.block].kind
        if kind == "heading":
            seen_heading = True
            if NOT_SIZE_HEADING.search(strip_marker(section.title)[:30]):
                return True
        elif seen_heading:
            return False
        s_idx = section.parent
    return False


def _selection_sentence(scope: Scope, chosen: list[Item]) -> Awards | None:
    for item in chosen:
        if _under_heading_of_other_facet(scope, item):
            continue
        for b in item.blocks:
            if b.table is not None:
                continue
            text = scope.text(b)
            for c in find_counts(text):
                if (APPROX_WORD.search(text[c.start:c.end]) or SELECTS_AFTER.match(text, c.end)
                        or SELECTS_BEFORE.search(text[max(0, c.start - 8):c.start])):
                    return _award(scope, b.start, c)
    return None


def extract_awards(scope: Scope) -> Awards | None:
    """The first labelled count in the document, whether a line (`□ 선정규모 : …`, a total value)
    or a summary table's row (`선정규모 | 총 535개사(명)내외 …`) prints it; else a selection sentence."""
    body = [i for i in items(scope) if not in_appendix(scope, i)]
    found = [a for a in (rule(scope, body) for rule in (_labelled, _total_value, _from_tables))
             if a is not None]
    if found:
        return min(found, key=lambda a: a.evidence[0].start if a.evidence else 0)
    return _selection_sentence(scope, body)
