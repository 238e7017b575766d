"""Eligibility, exclusions and obligations → `Clause`s.

Where clauses are read from, by rule:

- **carrier**: a section whose heading names the family (`HEADINGS`): `□ 신청자격`,
  `□ 지원제외 대상`, `□ 교육 이수`, or an item labelled with it, `- (지원 제외 사항) 아래 …`,
  `◦ (신청자격) 중소기업 …`. Notes (`※`, `*`) never carry. When carriers nest, the innermost
  wins (`3. 신청자격 및 방법` ⊃ `□ 신청자격`). For eligibility and exclusions, a labelled item
  outside every heading carrier is only read when the family has no heading at all (an overview
  line `(지원 대상) 중소 제조기업` does not duplicate `□ 신청자격`).
- **item**: one clause per item directly under the carrier, its text being the item's own
  first block (plus the lines a page wrapped it onto), marker and label stripped. Sub-items
  (`-`, `*`) and notes (`※`) belong to their parent. An item that only leads in to a list
  (`다음 부적격 사항에 해당하는 경우 지원 대상에서 제외`) is not a clause; what it leads to is.
  A labelled lead-in also takes the unlabelled siblings that follow it.
- **table**: one clause per data row of a table under the carrier (header and category rows
  skipped, ○/X mark cells dropped); a table whose cells are bullets (`· 휴·폐업중인 기업 |
  · 유흥·향락업`) gives one clause per bullet.
- **bullet / prose lines**: bullet paragraphs (`‧ 국세 및 지방세 체납 중인 기업`) split per
  bullet; a carrier with neither items nor tables gives one clause per prose line or sentence.
- **duty notes** (obligations only): anywhere else in the scope, an item that states a duty
  (`하여야`, `의무`, `필수`) about the time after selection (`선정된`, `협약 후`, `구축 후`,
  `로그`, `기술임치`, `보유`) and not about applying or budgeting; an item or note (`*`, `※`)
  that states a duty as a condition with a sanction on the selected (`구축완료 후 수준을 확인,
  구축수준 미달 시 정부지원금 환수가능`; `vocab.duties`); and the rows of the table a duty leads
  in to (`… 아래의 ①사업관리교육 및 ②스마트공장 관련 교육 의무 수료` over a `구분 | 세부내용`
  table of the two: one clause per row). A duty printed twice (under 지원조건, again under
  지원절차 with an aside) is one clause with both spans.

`kind` comes from a small named lexicon table (`CRITERIA_KINDS`, `DUTY_KINDS`); first match wins.

`corpus_value(text)`: the kind the rule tables give one phrase (or null).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import regex

from gonggo.reading.outline import (
    HEADINGS,
    JUNK,
    LABEL_FACETS,
    MARKS,
    POINTER,
    Outline,
    Unit,
    bullet_units,
    carrier_units,
    cell_label_units,
    clean,
    distinct_cells,
    led_rows,
    outline_of,
    title_match,
    unit_at,
)
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Clause, Evidence
from gonggo.schemas.document import Cell
from gonggo.vocab.clause_kinds import (
    CRITERIA_KINDS,
    DUTY_KINDS,
    KindRule,
    clause_kind,
    not_a_criterion,
)
from gonggo.vocab.duties import is_duty, is_sanctioned_duty
from gonggo.vocab.text import norm_key


def corpus_value(text: str) -> object:
    """The kind a phrase gets: a duty kind when it states a duty, else a criteria kind. A
    passage of several lines (a heading and its list, as printed) is read as a document: the
    texts of the exclusions it states."""
    if "\n" in text:
        from gonggo.ingest import read_bytes

        doc = read_bytes(text.encode("utf-8"), "phrase.txt")
        return [c.text for c in extract_exclusions(Scope(doc=doc, start=0, end=len(doc.text)))]
    return clause_kind(text, DUTY_KINDS if is_duty(text) else CRITERIA_KINDS)


# ---------------------------------------------------------------------------------------
# Duty notes (obligations outside an obligation heading)

def _duty_units(outline: Outline, taken: list[tuple[int, int]]) -> list[Unit]:
    """Items stating a duty (is_duty; a note only when it states a sanctioned one), and the rows
    of the table a duty leads in to (`… 아래의 ①사업관리교육 및 ②스마트공장 관련 교육 의무 수료`
    over a table of the two: led_rows)."""
    doc = outline.doc
    units = []
    inside = _Spans(taken)
    for s in outline.scope.sections:
        block = doc.blocks[s.block]
        if block.kind != "list_item" or inside(s.start):
            continue
        note = outline.is_note_section(s)
        u = outline.item_unit(s)
        if u is None or not (is_sanctioned_duty(u.text) or not note and is_duty(u.text)):
            continue
        units.append(u)
        units += led_rows(outline, s) if is_duty(u.text) else []
        taken.append((s.start, s.end))
        inside.add(s.start, s.end)
    return units


class _Spans:
    """`any(lo <= x < hi for lo, hi in spans)` in log time: the spans given sorted by start
    with the running maximum of their ends; the spans added later (in document order)
    by their largest start and end."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.los = [lo for lo, _ in ordered]
        self.max_hi = list(accumulate((hi for _, hi in ordered), max))
        self.added: list[tuple[int, int]] = []
        self.added_lo = self.added_hi = -1

    def add(self, lo: int, hi: int) -> None:
        self.added.append((lo, hi))
        self.added_lo, self.added_hi = max(self.added_lo, lo), max(self.added_hi, hi)

    def __call__(self, x: int) -> bool:
        k = bisect_right(self.los, x)
        if k and self.max_hi[k - 1] > x:
            return True
        if x >= self.added_lo:  # every added span starts at or before x
            return self.added_hi > x
        return any(lo <= x < hi for lo, hi in self.added)





def _to_clauses(scope: Scope, units: list[Unit], rules: list[KindRule]) -> list[Clause]:
    clauses: list[Clause] = []
    seen: set[str] = set()
    for u in units:
        key = norm_key(u.text)
        if not key or key in seen:
            continue
        seen.add(key)
        evidence: list[Evidence] = [scope.evidence(s, e) for s, e in u.spans]
        clauses.append(Clause(text=u.text, kind=clause_kind(u.text, rules), evidence=evidence))
    return clauses


def _family_units(scope: Scope, family: str) -> list[Unit]:
    outline = outline_of(scope)
    claimed = outline.claimed(family)
    units: list[Unit] = []
    for carrier in outline.carriers[family]:
        units += carrier_units(outline, carrier, claimed)
    return units


# An item under the eligibility heading that takes applicants out, in one sentence with no list
# under it (`○ 접수마감일 현재 주관연구개발기관, … 등이 기업의 부도, 국세·지방세 체납, 채무불이행자
# 등록, … 자본 전액 잠식 상태에 해당하는 경우 신청 불가`, `… 예비창업자는 신청할 수 없음`, `… 경우
# 지원 대상에서 제외`): an exclusion printed among the conditions, not a condition. A lead-in
# (`다음 …`, `아래 …`) is a carrier of its own (vocab.headings); a clause that only limits how
# often (`… 1회에 한하여 신청 가능`) or allows (`신청 가능`) is a condition.
EXCLUDES_END = regex.compile(r"""
    (?:경우|자|기업|기관|단체|사업자|업체)\s*(?:는|은|에는|에)?\s*
    (?:(?:신청|참여|지원|접수)\s*(?:이|을|를|할|하실)?\s*
        (?:수\s*없(?:음|습니다|다)?|불가(?:능)?(?:함|합니다|하다|능함)?|제한(?:됨|함|합니다)?)
      | (?:선정|지원|신청|참여)\s*대상\s*에서\s*제외(?:됨|함|한다|합니다|될\s*수\s*있음|할\s*수\s*있음)?)
    \s*[.]?\s*(?:[(（][^()（）\n]*[)）])?\s*$""", regex.VERBOSE)
LEADS_IN = regex.compile(r"(?:^|\s)(?:다음|아래|하기)(?:의|에|과|와)?\s")


def _excludes(u: Unit) -> bool:
    return bool(EXCLUDES_END.search(u.text)) and not LEADS_IN.search(u.text)


def extract_eligibility(scope: Scope) -> list[Clause]:
    # A preference row or item under the heading (`참여우대`, `(우대요건)`) is read like any other.
    units = [u for u in _family_units(scope, "eligibility") if not _excludes(u)]
    return _to_clauses(scope, units, CRITERIA_KINDS)


# An item whose only condition points at the list after it (`o 접수 마감일 현재 주관연구개발기관,
# … 등이 아래의 어느 하나에 해당하는 경우(단, 비영리기관 및 공기업/공사는 비적용)` over `- 기업의
# 부도`, `- 세무당국에 의한 …`) states no exclusion of its own; its list does.
POINTS_AT_LIST = regex.compile(r"""
    (?:다음|아래|하기)
    (?:[^.\n]{0,12}?(?:어느\s*하나|각\s*[호목]|중\s*하나)
      # or the list's own name: `아래 사전 지원제외 대상에 해당되는 경우(기업)`
      | 의?\s[^.\n]{0,20}?(?:대상|사유|요건|기준|조건|항목|사항)\s*에)
    [^.\n]{0,6}?해당\s*(?:하는|되는|할)?\s*(?:경우|자|기업|기관)?
    \s*(?:[(（][^)）\n]*[)）])?\s*[.:：]?\s*$""", regex.VERBOSE)


def _without_lead_ins(units: list[Unit]) -> list[Unit]:
    return [u for k, u in enumerate(units)
            if not (k + 1 < len(units) and POINTS_AT_LIST.search(u.text))]


# An item of an exclusion list that tells applicants what to submit or register (`3천만 원 이상의
# 연구시설･장비를 구입하려는 경우에만 제출`, `… 등록하고 등록증을 발급 받아야 함`) excludes no one
# (`채무불이행자 등록`, `허위 서류를 제출한 경우` do).
INSTRUCTION_END = regex.compile(
    r"(?:(?:경우|때)\s*(?:에만|에는|에)?\s*제출|(?:제출|등록|발급\s*받)\s*(?:하여야|해야|아야)\s*함)\s*[.)）]?\s*$")


# One line holding several exclusions joined by commas (`휴·폐업중인 기업, 국세 및 지방세 체납
# 중인 기업, …`, `… 신청한 경우, 사회적 물의를 일으킨 단체·법인 등이 신청하는 경우`): split
# when every piece is a clause of its own, a modifier ending in an adnominal ending (`중인`,
# `부적합한`, `가능한`, `받은`) over the noun it excludes (`기업`, `경우`, `자` …), an aside allowed
# after it. A comma inside a clause (`국세, 지방세 등의 체납처분을 받은 경우`, `주관연구개발기관,
# 주관연구개발기관의 장, …`, `등재되거나, …`) leaves a piece that is no such clause: no split.
CLAUSE_PIECE = regex.compile(r"""
    \S[^\n]*?[가-힣](?:[은는인된한할던]|있는|없는)\s*
    (?:[가-힣]{0,8}(?:경우|기업|업체|기관|단체|법인|사업자|자|개인|곳|사업장)|도입기업)
    \s*(?:[(（][^()（）\n]*[)）])?\s*$""", regex.VERBOSE)
TOP_COMMA = regex.compile(r"[,，]\s*")
MIN_PIECE = 6


def comma_pieces(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses a line joins by commas outside parentheses (one span: no split)."""
    cuts, depth = [], 0
    for i, ch in enumerate(text):
        if ch in "(（[「『｢":
            depth += 1
        elif ch in ")）]」』｣":
            depth = max(0, depth - 1)
        elif ch in ",，" and depth == 0:
            cuts.append(i)
    if not cuts:
        return [(0, len(text))]
    spans, lo = [], 0
    for c in cuts:
        spans.append((lo, c))
        lo = TOP_COMMA.match(text, c).end()
    spans.append((lo, len(text)))
    pieces = [(a, b) for a, b in spans]
    if all(b - a >= MIN_PIECE and CLAUSE_PIECE.match(text[a:b]) for a, b in pieces):
        return pieces
    return [(0, len(text))]


def _comma_split(scope: Scope, units: list[Unit]) -> list[Unit]:
    out: list[Unit] = []
    text = scope.doc.text
    for u in units:
        if len(u.spans) != 1:
            out.append(u)
            continue
        s, e = u.spans[0]
        pieces = comma_pieces(text[s:e])
        if len(pieces) < 2:
            out.append(u)
            continue
        for a, b in pieces:
            lo, hi = s + a, s + b
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            out.append(Unit(text=clean(text[lo:hi]), spans=[(lo, hi)], cells=u.cells))
    return out


MAX_ROW_LABEL = 20


def row_label_units(scope: Scope, family: str, taken: list[Unit]) -> list[Unit]:
    """The rows of a table whose label cell is the family's heading word alone (`신청자격 | …`
    over `신청 제외 | ○ 휴·폐업 중인 기업 ○ 국세 체납 기업`), and the columns whose head cell is:
    one clause per item of the row's other cells, of the column's cells below the head. A
    one-row table (a title laid out as a table), pointers (`붙임 3 참조`) and cells whose text a
    carrier gave already are skipped."""
    rx = HEADINGS[family]
    doc = scope.doc
    done = [span for u in taken for span in u.spans]
    units: list[Unit] = []
    def names(cell: Cell | None) -> bool:
        label = clean(cell.text) if cell is not None else ""
        return 0 < len(label) <= MAX_ROW_LABEL and title_match(label, rx, item=True) == -1

    def read(cell: Cell) -> None:
        if any(lo <= cell.start < hi for lo, hi in done) or cell in seen:
            return
        seen.append(cell)
        for u in bullet_units(doc, cell.start, cell.end):
            if len(u.text) >= MIN_PIECE and not JUNK.match(u.text) and not POINTER.search(u.text):
                u.cells = [cell]
                units.append(u)

    seen: list[Cell] = []
    for block in scope.blocks:
        table = block.table
        if table is None or table.n_rows < 2:
            continue
        grid = table.grid()
        for row in grid:
            cells = [c for c in distinct_cells(row) if c.text.strip() not in MARKS]
            if len(cells) >= 2 and names(cells[0]):
                for cell in cells[1:]:
                    read(cell)
        # a head cell naming the family over its column (`신청자격 | 신청 제외 대상` over `… | ① … ② …`)
        for col, head in enumerate(grid[0]):
            if not names(head):
                continue
            for row in grid[1:]:
                cell = row[col]
                if cell is not None and cell is not head and cell.text.strip() not in MARKS:
                    read(cell)
    return units


# An item that is an exclusion list of its own, in one sentence, wherever it stands (`□ 연구책임자
# 및 연구기관의 자격유무, … 부적정하거나 … 충족하지 못한 경우 및 허위로 기재한 경우, … 연구부정행위가
# 있는 경우, … 준수하지 않은 경우는 선정 대상에서 제외할 수 있음`): cases (`경우`) named three times
# or more, then the applicant is taken out of selection or support. One case (`대표자가 불참할 경우
# 선정 대상에서 제외함`, `중복성이 확인되는 경우 … 선정 대상에서 제외함`) is a step of the selection.
SELF_EXCLUSION = regex.compile(r"""
    경우\s*(?:에는|는|은|에)?\s*(?:연구개발기관\s*)?(?:선정|지원)\s*대상\s*에서\s*제외
    \s*(?:할\s*수\s*있음|될\s*수\s*있음|됨|함|한다|합니다|처리)?\s*[.。]?\s*$""", regex.VERBOSE)
CASE = regex.compile(r"경우")
MIN_CASES = 3


def statement_units(outline: Outline, taken: list[Unit]) -> list[Unit]:
    """Items outside every exclusions carrier that state an exclusion list in one sentence."""
    doc = outline.doc
    done = _Spans([span for u in taken for span in u.spans]
                  + [(c.section.start, c.section.end) for c in outline.carriers["exclusions"]])
    units: list[Unit] = []
    for s in outline.scope.sections:
        block = doc.blocks[s.block]
        if block.kind not in ("heading", "list_item") or outline.is_note_section(s) or done(block.start):
            continue
        u = outline.item_unit(s)
        if u is not None and SELF_EXCLUSION.search(u.text) and len(CASE.findall(u.text)) >= MIN_CASES:
            units.append(u)
    return units


# A paragraph the reader left unstructured, opened by a bullet it does not take for one (`o` at
# the margin of a PDF line, `❍`): its label (`o (지원제외) …`, `❍ 지원제외 : …`) is read as an item's.
PARAGRAPH_BULLET = regex.compile(r"^[ \t]*(?:\p{So}|o(?=[ \t])|[•▪◦])[ \t]*")


def paragraph_label_units(outline: Outline, family: str, taken: list[Unit]) -> list[Unit]:
    """The content of a bulleted paragraph labelled with the family's heading words (`o
    (지원제외) 휴·폐업 중인 기업, …`), outside every carrier of the family."""
    doc = outline.doc
    rx = HEADINGS[family]
    done = _Spans([span for u in taken for span in u.spans]
                  + [(c.section.start, c.section.end) for c in outline.carriers[family]])
    units: list[Unit] = []
    for j in range(outline.lo, outline.hi):
        block = doc.blocks[j]
        if block.kind != "paragraph" or done(block.start):
            continue
        line_end = doc.text.find("\n", block.start, block.end)
        line_end = block.end if line_end < 0 else line_end
        line = doc.text[block.start:line_end]
        m = PARAGRAPH_BULLET.match(line)  # (`^` anchors at the string, not at a `pos`)
        if m is None:
            continue
        hit = title_match(line[m.end():], rx, item=True, label_rx=LABEL_FACETS.get(family))
        if hit is None or hit < 0:
            continue
        u = unit_at(doc, block.start + m.end() + hit, outline.item_end(j))
        if u is not None and len(u.text) >= MIN_PIECE and not POINTER.search(u.text):
            units.append(u)
    return units


def extract_exclusions(scope: Scope) -> list[Clause]:
    # without a heading or item naming them: the cells labelled so (`▪(제한사항) ①…, ②…`)
    units = _family_units(scope, "exclusions") or cell_label_units(scope, "exclusions")
    units += [u for u in _family_units(scope, "eligibility") if _excludes(u)]
    units += row_label_units(scope, "exclusions", units)
    units += statement_units(outline_of(scope), units)
    units += paragraph_label_units(outline_of(scope), "exclusions", units)
    units = [u for u in units if not INSTRUCTION_END.search(u.text)]
    # a schedule, points or contact line printed as an item of the list excludes no one
    units = [u for u in _comma_split(scope, _without_lead_ins(units)) if not_a_criterion(u.text) is None]
    return _to_clauses(scope, units, CRITERIA_KINDS)


def extract_obligations(scope: Scope) -> list[Clause]:
    outline = outline_of(scope)
    units = _family_units(scope, "obligations")
    taken = [(c.section.start, c.section.end) for fam in ("eligibility", "exclusions", "documents",
                                                          "obligations")
             for c in outline.carriers[fam]]
    units += _duty_units(outline, taken)
    units.sort(key=lambda u: u.spans[0][0])
    return _repeats_merged(_to_clauses(scope, units, DUTY_KINDS))


MIN_REPEAT = 15  # characters of comparison key two printings must share to be one duty


def _repeats_merged(clauses: list[Clause]) -> list[Clause]:
    """A duty printed twice (a note under 지원조건 and again under 지원절차, once with an aside:
    `구축완료 후 수준을 확인, 구축수준 미달 시 정부지원금 환수가능` / `… 환수가능(최종완료 후
    수준측정)`) is one obligation: the longer text, the spans of both."""
    out: list[Clause] = []
    for c in clauses:
        key = norm_key(c.text)
        twin = next((o for o in out if len(key) >= MIN_REPEAT and len(k := norm_key(o.text)) >= MIN_REPEAT
                     and (k.startswith(key) or key.startswith(k))), None)
        if twin is None:
            out.append(c)
            continue
        if len(key) > len(norm_key(twin.text)):
            twin.text, twin.kind = c.text, c.kind
        twin.evidence += c.evidence
    return out


