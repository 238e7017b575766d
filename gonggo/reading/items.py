"""Items (a marked line and its continuation blocks), their labels (`(신청기간)`, `접수기간 :`),
the facet a label names (period, method, other), and whether an item sits in an appendix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from gonggo.reading.appendix import section_in_appendix
from gonggo.reading.scope import Scope
from gonggo.schemas.document import Block, Document, Section
from gonggo.vocab.text import MIDDLE_DOTS, circled_ordinal, compiled, strip_marker

# ---------------------------------------------------------------------------------------
# Labels: which facet an item or heading speaks of

PERIOD_WORD = regex.compile(
    r"(?:신청|접수|모집|공모|응모|제출|참가\s*신청)\s*(?:[·ㆍ‧・･․⸱∙,/및]\s*(?:접수|신청)\s*)?"
    r"(?:기간|기한|일정|일시|마감(?:\s*일시?)?)"
    r"|신청\s*[·ㆍ‧・･․⸱∙및]?\s*접수|(?:접수|신청|제출)\s*마감"
    r"|(?:공모|응모)\s*접수(?!\s*(?:방법|처|서류|결과|현황))"  # `○ 공모접수 : 2023.10.28(토) ∼ …`
    # the applications' upload to the grant system: `공고기간 | 전산(iris.go.kr) 등록기간` (msit,
    # pipc R&D calls), `온라인 등록 기간`; not a bare `등록기간` (of a course, of equipment)
    r"|(?:전산|온라인)\s*등록\s*(?:기간|기한|마감)"
)
METHOD_WORD = regex.compile(
    r"(?:신청|접수|제출|응모)\s*(?:[·ㆍ‧・･․⸱∙,]?\s*(?:접수|제출)\s*)?(?:방법|방식|요령|절차|처)"
    r"|기간\s*(?:[·ㆍ‧・･․⸱∙,]|및)\s*방법"
)
# Headings and labels of other facets: their items are not periods nor methods.
OTHER_WORD = regex.compile(
    r"자격|서류|사업\s*기간|협약|수행\s*기간|교육|지원\s*기간|평가|선정|발표|설명회|문의|연락처|"
    r"유의|제외|규모|내용|조건|목적|개요|체계|예산|사업비|의무|가점|기타|현황|배점|심사"
)

LEAD_LABEL = regex.compile(r"^[(（\[【<〈]\s*(?P<label>[^()（）\[\]【】<>〈〉\n]{1,30}?)\s*[)）\]】>〉]")
COLON_LABEL = regex.compile(
    r"^(?P<label>[^:：()（）\n\d][^:：()（）\n]{0,19}?)(?<!\d)\s*(?:[(（][^)）\n]{0,10}[)）])?\s*[:：]"
)

# a word of its own, not inside one: `우수시장` (a title of the bizinfo list), `접수시스템`,
# `향상시키고`, `배수시설`, `임상시험`, `비상시` hold no 수시/상시; after a particle glued by a
# PDF's text (`주관기관에서상시 진행`) it is one
ROLLING = regex.compile(
    r"(?:(?<![가-힣])|(?<=에서|부터|으로|중))(?:수시|상시)\s*(?:접수|모집|신청|공모)?(?!\s*(?:점검|평가|변경|안내|로|운영|모니터|확인))"
    r"|연중\s*(?:수시|상시)?\s*(?:접수|모집|신청)"
)
BUDGET = regex.compile(r"(?:예산\s*)?(?:조기\s*)?소진\s*(?:시|될\s*때|시점)\s*까지")


def classify(label: str, heading: bool) -> set[str]:
    """The facets a label names: {"period"}, {"method"}, both, {"other"} or none (neutral)."""
    head = label[:40]
    found = set()
    if PERIOD_WORD.search(head) or ROLLING.match(head) or BUDGET.search(head):
        found.add("period")
    if METHOD_WORD.search(head):
        found.add("method")
    if not found and (heading or OTHER_WORD.search(head)):
        found.add("other")
    return found


@dataclass
class Label:
    text: str
    start: int  # offsets in the document
    end: int


def label_of(text: str, offset: int, heading: bool) -> Label | None:
    """The leading label of an item (`(신청기간)`, `접수기간 :`), or a heading's title."""
    found = _label_in(text, heading)
    if found is None:
        return None
    label, start, end = found
    return Label(label, offset + start, offset + end)


@lru_cache(maxsize=8192)  # a pure function of the text: every scope reads the same items
def _label_in(text: str, heading: bool) -> tuple[str, int, int] | None:
    """`label_of` at offset 0: the label and its span in `text`."""
    body = strip_marker(text)
    lead = text.find(body[:5]) if body else -1
    base = max(lead, 0)
    for rx in (LEAD_LABEL, COLON_LABEL):
        m = rx.match(body)
        if m:
            return m["label"].strip(), base + m.start(), base + m.end()
    line = body.split("\n", 1)[0].strip()
    if heading and line:
        return line, base, base  # a heading is its own label; its text is read
    if line and len(line) <= 12 and not compiled(r"\d|[.。]$").search(line):
        return line, base, base + len(line)  # `◦ 제출서류`: a short line is a label
    return None


def in_appendix(scope: Scope, item: Item) -> bool:
    """Whether the item sits in an appendix (`붙임 1 …`, `[별첨]`): forms and reference
    material, read only when the body says nothing."""
    return section_in_appendix(scope.doc, item.section)


# ---------------------------------------------------------------------------------------
# Items: runs of blocks in one outline node (a marked line and its continuation lines)


@dataclass
class Item:
    section: int | None
    blocks: list[Block]

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end


def items(scope: Scope) -> list[Item]:
    out: list[Item] = []
    for b in scope.blocks:
        if out and out[-1].section == b.section and b.kind not in ("heading",) and (
            b.marker is None or b.table is not None
        ):
            out[-1].blocks.append(b)
        else:
            out.append(Item(b.section, [b]))
    return out


@dataclass
class Context:
    facets: set[str] = field(default_factory=set)  # "period", "method" from the item or above
    own: Label | None = None  # the item's own label
    own_facets: set[str] = field(default_factory=set)
    neutral: Label | None = None  # nearest label naming no facet (a round, a track)


def context_of(scope: Scope, item: Item) -> Context:
    """Walk from the item up its outline: the first label naming a facet decides."""
    doc = scope.doc
    ctx = Context()
    first = item.blocks[0]
    s_idx = item.section
    own_section = s_idx is not None and doc.blocks[doc.sections[s_idx].block] is first
    chain: list[Section] = []
    while s_idx is not None:
        chain.append(doc.sections[s_idx])
        s_idx = doc.sections[s_idx].parent
    labels: dict[int, tuple[Label | None, frozenset[str]]] = doc.memo("items.section_labels", dict)
    for depth, section in enumerate(chain):
        if section.index not in labels:  # each section read once per document, not per item
            block = doc.blocks[section.block]
            heading = block.kind == "heading"
            found = label_of(doc.text[block.start:block.end], block.start, heading)
            labels[section.index] = (found, frozenset(classify(found.text, heading))
                                     if found is not None else frozenset())
        label, facets = labels[section.index]
        if depth == 0 and own_section:
            ctx.own = label
        if label is None:
            continue
        if depth == 0 and own_section:
            ctx.own_facets = set(facets)
        if not facets:
            ctx.neutral = ctx.neutral or label
            continue
        ctx.facets = set(facets) - {"other"}
        return ctx
    return ctx


# ---------------------------------------------------------------------------------------
# Lists: the entries of one list in whichever layout it is printed

# An entry's number: `1)`, `1.`, `(1)`, `①`, `가.`, `가)`, `(가)`; its ordinal in `n`, `c`, `h`.
ENTRY = regex.compile(r"""
    ^\s*(?:
        (?P<n>\d{1,2})\s*[.)．](?!\d)
      | [(（](?P<pn>\d{1,2})[)）]
      | (?P<c>[①-⑳❶-➓])
      | (?P<h>[가-하])\s*[.)．]
      | [(（](?P<ph>[가-하])[)）]
    )\s*(?=\S)
""", regex.VERBOSE)
HANGUL_ORDER = "가나다라마바사아자차카타파하"
# A bullet opening an entry (`- 사업계획서`, `▷ 신청서`, `◦ 확인서`); `※`/`*` open notes.
ENTRY_BULLET = regex.compile(rf"^\s*(?P<b>[-–{MIDDLE_DOTS}•▪▫◦○●▷▶►▸◇◆])\s*(?=\S)")
ENTRY_NOTE = regex.compile(r"^\s*(?:※|\*|☞|주\))")
# page furniture between entries: `- 3 -`, `3`
ENTRY_JUNK = regex.compile(r"^\s*-?\s*\d{1,3}\s*-?\s*$")
# a table's number column: `연번`, `번호`, `순번`, `No.`
NUMBER_HEAD = regex.compile(r"^\s*(?:연\s*번|번\s*호|순\s*번|순\s*서|no\.?)\s*$", regex.IGNORECASE)
# a table's head a PDF printed as one line, its number column first: `연번 제출서류`, `번호 서류명 비고`
FLAT_NUMBER_HEAD = regex.compile(r"^\s*(?:연\s*번|번\s*호|순\s*번|no\.?)\s+\S[^\n]{0,40}$", regex.IGNORECASE)
# its rows: the number, then the cells (`1 사업계획서 1부`)
FLAT_ROW = regex.compile(r"^\s*(?P<n>\d{1,2})\s+(?=\S)")
INLINE_SEPARATOR = regex.compile(r"\s*[,，]\s*|\s+(?=[▷▶►▸◇◆▪•]\s)")


def entry_ordinal(text: str) -> tuple[str, int] | None:
    """(style, ordinal) of an entry's number: `3)` → ("n)", 3), `다.` → ("h.", 3), `②` → ("c", 2)."""
    m = ENTRY.match(text)
    if m is None:
        return None
    if m["n"]:
        return "n" + m[0].strip()[-1], int(m["n"])
    if m["pn"]:
        return "(n)", int(m["pn"])
    if m["c"]:
        return "c", circled_ordinal(m["c"]) or 0
    h = m["h"] or m["ph"]
    return ("(h)" if m["ph"] else "h" + m[0].strip()[-1]), HANGUL_ORDER.index(h) + 1


@dataclass
class Entry:
    start: int  # the entry's text in the document, its marker left out
    end: int
    block: int


def list_entries(doc: Document, lo: int, hi: int) -> list[Entry]:
    """The entries of the list that opens at block `lo` (before `hi`), whichever layout prints
    it: numbered lines in sequence (`1)`, `1.`, `(1)`, `①`, `가.`, `가)`), lines opening with one
    bullet (`-`, `▷`, `◦` …), a table numbering its rows (`연번 | 제출서류` / `1 | 사업계획서`, or
    flattened by a PDF into `연번 제출서류` / `1 사업계획서` lines), or one inline line
    (`사업계획서, 재무제표, 사업자등록증 사본`; `▷ 신청서 ▷ 확인서`). Notes (`※ …`) and page
    furniture between entries are skipped; the list ends at any other block.
    Fewer than two entries: no list."""
    k = lo
    while k < hi and _furniture(doc, k):
        k += 1
    if k >= hi:
        return []
    first = doc.blocks[k]
    if first.table is not None:
        return _table_entries(doc, k)
    text = doc.text[first.start:first.end]
    if FLAT_NUMBER_HEAD.match(text) and "\t" not in text:
        return _flat_rows(doc, k + 1, hi)
    if entry_ordinal(text) is not None:
        # `1) a, b, c`: one numbered line listing them all
        return _numbered(doc, k, hi) or _inline(doc, k)
    if ENTRY_BULLET.match(text):
        out = _bulleted(doc, k, hi)
        if len(out) >= 2:
            return out
    return _inline(doc, k)


def _furniture(doc: Document, k: int) -> bool:
    b = doc.blocks[k]
    text = doc.text[b.start:b.end]
    return b.kind in ("footer", "header") or (b.table is None and (
        ENTRY_JUNK.match(text) is not None or ENTRY_NOTE.match(text) is not None))


def _single_line(doc: Document, k: int) -> tuple[int, int] | None:
    b = doc.blocks[k]
    text = doc.text[b.start:b.end]
    if b.table is not None or "\n" in text.strip():
        return None
    return b.start, b.end


def _line_run(doc: Document, lo: int, hi: int,
              mark: Callable[[str, int], tuple[object, int] | None]) -> list[Entry]:
    """Single-line blocks from `lo` while `mark(text, n)` keeps the run's key (its numbering
    style or bullet glyph) and gives where the entry's words start; page furniture skipped."""
    out: list[Entry] = []
    key: object = None
    for k in range(lo, hi):
        if _furniture(doc, k):
            continue
        span = _single_line(doc, k)
        if span is None:
            break
        got = mark(doc.text[span[0]:span[1]], len(out))
        if got is None or (key is not None and got[0] != key):
            break
        key = got[0]
        out.append(Entry(span[0] + got[1], span[1], k))
    return out


def _numbered_mark(text: str, n: int) -> tuple[object, int] | None:
    got = entry_ordinal(text)
    if got is None or got[1] != n + 1:
        return None
    return got[0], ENTRY.match(text).end()  # type: ignore[union-attr]


def _bullet_mark(text: str, _: int) -> tuple[object, int] | None:
    m = ENTRY_BULLET.match(text)
    return None if m is None else (m["b"], m.end())


def _numbered(doc: Document, lo: int, hi: int) -> list[Entry]:
    out = _line_run(doc, lo, hi, _numbered_mark)
    return out if len(out) >= 2 else []


def _bulleted(doc: Document, lo: int, hi: int) -> list[Entry]:
    return _line_run(doc, lo, hi, _bullet_mark)


def _flat_row_mark(text: str, n: int) -> tuple[object, int] | None:
    m = FLAT_ROW.match(text)
    return None if m is None or int(m["n"]) != n + 1 else ("row", m.end())


def _flat_rows(doc: Document, lo: int, hi: int) -> list[Entry]:
    """The rows under a flattened number-column head, numbered 1, 2, … in order."""
    out = _line_run(doc, lo, hi, _flat_row_mark)
    return out if len(out) >= 2 else []


def flat_table(doc: Document, k: int, hi: int) -> list[Entry]:
    """The rows of a table a PDF printed as lines when block `k` is its head line (`연번 내용` /
    `1 휴·폐업중인 기업` / `2 국세 및 지방세 체납 중인 기업`), one entry a row; else []."""
    block = doc.blocks[k]
    text = doc.text[block.start:block.end]
    if block.table is not None or "\t" in text or "\n" in text.strip() or not FLAT_NUMBER_HEAD.match(text):
        return []
    return _flat_rows(doc, k + 1, hi)


def _table_entries(doc: Document, k: int) -> list[Entry]:
    """A table numbering its rows: the last non-empty cell right of the number, a row each
    (a head row `연번 | 제출서류` skipped)."""
    table = doc.blocks[k].table
    assert table is not None
    grid = table.grid()
    out: list[Entry] = []
    expect = 1
    for r, row in enumerate(grid):
        cells = [c for i, c in enumerate(row) if c is not None and (i == 0 or c is not row[i - 1])]
        if not cells:
            continue
        if r == 0 and NUMBER_HEAD.match(cells[0].text):
            continue
        if not regex.fullmatch(r"\s*\d{1,2}\s*[.)]?\s*", cells[0].text) or int(
                regex.sub(r"\D", "", cells[0].text)) != expect or len(cells) < 2:
            if len(out) >= 2 and not cells[0].text.strip().isdigit():
                break  # a row that is no entry (`[별첨 1]`, a note) after the run ends it
            return []
        name = cells[1]
        text = doc.text[name.start:name.end]
        if not text.strip() or "\n" in text.strip():
            return []
        lead = len(text) - len(text.lstrip())
        out.append(Entry(name.start + lead, name.start + len(text.rstrip()), k))
        expect += 1
    return out if len(out) >= 2 else []


def _inline(doc: Document, k: int) -> list[Entry]:
    """One line listing the entries: `a, b, c` or `▷ a ▷ b` (each entry short: a name, not a
    clause)."""
    span = _single_line(doc, k)
    if span is None:
        return []
    text = doc.text[span[0]:span[1]]
    m = ENTRY_BULLET.match(text) or ENTRY.match(text)
    base = m.end() if m else 0
    out: list[Entry] = []
    pos = base
    # a comma inside an entry's parenthesis (`성과현황(기업체만 해당, 최근 5년)`) separates nothing
    seps = [sep for sep in INLINE_SEPARATOR.finditer(text, base)
            if _depth(text, base, sep.start()) == 0]
    for sep in [*seps, None]:
        end = sep.start() if sep else len(text.rstrip())
        piece = text[pos:end]
        b = ENTRY_BULLET.match(piece)
        lead = b.end() if b else len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append(Entry(span[0] + pos + lead, span[0] + end, k))
        pos = sep.end() if sep else end
    if len(out) < 2 or any(e.end - e.start > 40 for e in out):
        return []
    return out


def _depth(text: str, lo: int, hi: int) -> int:
    """How many brackets are open in `text[lo:hi]`."""
    depth = 0
    for ch in text[lo:hi]:
        depth += 1 if ch in "(（[［" else -1 if ch in ")）]］" and depth else 0
    return depth
