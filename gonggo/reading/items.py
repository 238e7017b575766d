"""Items (a marked line and its continuation blocks), their labels (`(신청기간)`, `접수기간 :`),
the facet a label names (period, method, other), and whether an item sits in an appendix."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from gonggo.reading.appendix import section_in_appendix
from gonggo.reading.scope import Scope
from gonggo.schemas.document import Block, Section
from gonggo.vocab.text import compiled, strip_marker

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

ROLLING = regex.compile(
    r"(?:수시|상시)\s*(?:접수|모집|신청|공모)?(?!\s*(?:점검|평가|변경|안내|로|운영|모니터|확인))"
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
