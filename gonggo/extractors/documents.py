"""Required documents (제출서류, 구비서류, 신청서류, 증빙서류) → `DocumentReq`s.

Where documents are read from, by rule:

- **carrier**: a section or labelled item naming the family (`□ 제출서류`, `○ (제출서류)`,
  `◦ 제출서류 : …`; see `clauses.HEADINGS["documents"]`), or, where no heading says so, the
  lines after a flattened table heading such as `구분 온라인 제출 서류`.
- **table**: one document per data row (per bullet when the name cell holds a list,
  `- 사업계획서 - 국세·지방세 완납 증명서 각 1부`). Columns are read by their headings: the
  name column (`서류명`, `제출서류`, `온라인 등록 서류`, `양식명`, `제출물`), mark columns whose cells are ○/X
  (`도입기업 | 공급기업` → `submitters`), remark columns (`비고`, `필수 여부`: `선택` → not
  required, `해당시` → condition), a submitter column (`제출 대상`) and a category column
  (`공통 제출 (도입·공급기업)`, `도입기업 제출`).
- **list**: one document per item (`◦ 사업자등록증 사본 1부`, `① 신청서`), per numbered row of a
  table a PDF flattened into lines (`3 공장등록증 1부 도입기업`), per circled entry of an inline
  list (`①신청서 ②국세 및 지방세 납세증명서`). Notes that follow a document qualify it
  (`* 발행일로부터 3개월 이내`) or add a conditional one (`종된사업장의 경우 "…명세" 추가 제출`).
  Vertical category labels (`선`/`택`/`제`/`출`/`서`/`류`) make what follows optional; a
  `해당 시 제출서류` group makes what follows conditional.
  Group captions (`<필수사항>`, `<기업이 주관인 경우>`, `<선택사항(해당 시 제출)>`) and group
  headings naming a stage (`○ 협약 시 제출서류`) qualify what follows; a `-` sub-line (`…구입하려는
  경우에만 제출`) or a `*…경우에 한함` note gives the document above its condition. A PDF's
  flattened row keeps its cells out of the name (`필수 사업신청서 [서식 1]`, `사업신청서 ○`).
- **tagged list**: a title behind a bracketed tag, or all bracketed, over a list (`<별첨 서식>
  공통 제출자료` / `1) 신청 자격의 적정성 확인서` …, `< 제출서류 >` / `① …`), often where the
  forms begin; the plan form's untitled numbered 별첨 list (`1)…(별첨 1)` … `5)…(별첨 5)`) when
  the body takes the plan with its 별첨s (`연구개발계획서 :붙임 2서식(별첨된 서류 포함)`).
- **key/value box**: the cell beside a `제출서류` key (`접수기간 | …`, `제출서류 | - 사업신청서 1부
  …`); a sentence saying what they are (`제출서류는 사업신청서, 사업계획서 … 각 1부임`).
- **requests in the body**: a sentence asking for documents by their quoted names (`과제협약 시
  ‘정부납부기술료 납부 확약서’와 ‘…’를 제출하여야`; stage from 협약 / 선정 / 서류심사 cues), an
  item (or a note row spanning a documents table) whose topic is a document and which asks
  for it (`사업제안 발표자료는 서류심사 이후 … 별도 제출 요청`), an application step's aside
  (`…접수(신청서, 동의서, 주민등록초본 각 1부)`), a later stage's ask by a quoted example
  (`서류평가 통과자를 대상으로 ‘창업기업확인서’ 등 … 증빙서류 제출 요청`) or by where the document
  is handed in (`창업기업확인서 제출처 등 … 서류평가 통과자 대상 별도 안내`).

A catch-all (`③ 기타 제출서류`) is an entry as a table row; a list item `◦ 기타 제출서류 각 1부
([별첨 2]양식)` stands for another list's documents. A table's group row over numbered sub-rows
(`7 | … 증빙서류` / `7-1 | …`) is a heading.

One line → `parse_doc_line`: the name as printed without quantities (`1부`, `각 1부`), form
references (`[붙임2-양식③]`, `(별지 제1호 서식)`, `자유양식`) and qualifiers; `required`
(True unless `선택`, None for a catch-all `기타 … 서류`), `validity_months`
(`발행일로부터 3개월 이내`), `condition` (`해당시`, `(노후로봇 교체지원시)`,
`정부지원으로 … 구축한 기업 : 사업 완료보고서`), and the submitters a flattened row names after
the quantity (`각1부 도입기업, 공급기업`).

`corpus_value(text)`: for one line, `{"name", "required", "validity_months", "condition"}`
(a list when the line names several documents), or null when it names none.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from gonggo.reading.appendix import forms_start, section_in_appendix
from gonggo.reading.items import Entry, entry_ordinal, list_entries
from gonggo.reading.outline import (
    CAPTION,
    CIRCLED,
    JUNK,
    LIST_TABLE,
    MARKS,
    PUA,
    Outline,
    cell_items,
    clean,
    distinct_cells,
    is_note,
    marker_rank,
    outline_of,
    skip_markers,
    split_bullets,
    stand_in_headings,
    starts_with_bullet,
    table_title,
    title_match,
)
from gonggo.reading.scope import Scope
from gonggo.reading.tables import caption_rows, header_rows
from gonggo.schemas.announcement import DocumentReq, Evidence
from gonggo.schemas.document import Cell, Document, Table
from gonggo.vocab.headings import LATER_PROCEDURE, later_procedure, pattern
from gonggo.vocab.text import compiled, norm_key

# ---------------------------------------------------------------------------------------
# One line

QUANTITY = regex.compile(r"(?:각\s*)?\d+\s*부(?:씩)?(?![가-힣])")
VALIDITY = regex.compile(
    r"(?:발행|발급)\s*일?\s*(?:로부터|기준|부터)?\s*(?:최근\s*)?(?P<m>\d+)\s*개월\s*(?:이내|이하|내|以內)"
    r"|최근\s*(?P<m2>\d+)\s*개월\s*(?:이내|이하|내)\s*(?:발행|발급)")
OPTIONAL = regex.compile(r"^\s*선택(?:\s*(?:사항|제출|서류))?\s*$|^\s*선택\s*[:：]")
REQUIRED = regex.compile(r"^\s*필수(?:\s*(?:사항|제출|서류))?\s*$")
CONDITION = regex.compile(
    r"해당\s*(?:시|자|기업|기관|업체|사업자|하는\s*경우|되는\s*경우)(?:에\s*한함|만)?"
    r"|[^,()]{0,40}(?:경우|시|때)(?:에\s*한함|만)?$|[^,()]{0,40}에\s*한함$"
    r"|^[^,()\s]{1,12}만\s*해당$")  # `(기업체만 해당, 최근 5년)`
FORM = regex.compile(r"양식|서식|별지|별첨|붙임|첨부")
INSTRUCTION = regex.compile(
    r"(?:기재|작성|발급분?|발행분?|다운로드|참고|참조|확인\s*후|안내|제출|필수|포함)\s*[)）]?\s*$")
PAREN = regex.compile(r"[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）]")
FORM_REF = regex.compile(r"\[[^\]\n]*(?:양식|서식|붙임|별첨|별지|첨부)[^\]\n]*\]")
FORM_WORD = regex.compile(r"\s*(?:지정|자유|소정|별도|첨부)\s*양식(?:\s*[(（][^)）]*[)）])?")
FOOTNOTE = regex.compile(r"(?<=\S)\*+")
QUOTED_DOC = regex.compile(
    r"(?P<cond>[^\"“”‘’'「」]{2,40}?(?:시|경우|때))\s*[\"“‘'「『](?P<name>[^\"“”‘’'「」『』]{2,60})"
    r"[\"”’'」』]\s*(?:을|를)?\s*(?:추가\s*)?(?:제출|첨부)")
# `연구개발계획서 : 붙임 서식(별첨된 서류 포함)`, `연구장비예산심의요청서 :붙임 3서식`: the name,
# then where its form is.
FORM_COLON = regex.compile(
    r"^(?P<name>[^:：]{2,60}?)\s*[:：]\s*(?:붙\s*임|별\s*첨|별\s*지|첨\s*부|자유|자체|소정|지정|별도)?\s*"
    r"(?:\d{1,2}\s*(?:[-–]\s*\d{1,2}\s*)?)?(?:양식|서식)(?![가-힣])")
# `표준재무제표증명(전년도):국세청(홈텍스)또는 회계사무소 발행`: the name, then who issues it.
ISSUER_COLON = regex.compile(
    r"^(?P<name>[^:：\n]{2,60}?)\s*[:：]\s*[^:：\n]{0,20}?"
    r"(?:국세청|세무서|홈\s*[텍택]\s*스|정부\s*24|주민\s*센터|회계\s*사무소|발행|발급)")
# A name and its reference aside, then other words on the same line: a two-column page set the
# neighbouring column's line beside it (`② 연구장비예산심의요청서(붙임 3서식 참조) 목표로 제시`,
# `개인정보수집이용동의서[붙임5] 기술성 20%`,
# `④ 상생협력 MOU사본 및 이행실적 증빙자료(의 선정 시 우대사항 참조) ◦ 연구장비 및 …`).
ASIDE_CUT = regex.compile(
    r"^(?P<keep>[^()（）\[\]\n]{2,60}?\*?\s*(?:[(（][^()（）\n]*(?:서식|양식|붙\s*임|참조|참고)[^()（）\n]*[)）]"
    r"|\[[^\[\]\n]*(?:서식|양식|붙\s*임|별\s*첨|별\s*지)[^\[\]\n]*\]))\s+\S")
# `[필수] 기관참여 확약서`, `[해당시] 연구시설장비 심의요청서`: a tag before the name.
# `[영리기업] 영리기관의 연구실운영비 활용·관리 계획`: a short tag naming who must submit.
TAG = regex.compile(r"^\s*[\[［【]\s*(?P<tag>(?:(?!양식|서식|붙\s*임|별\s*첨|별\s*지|첨\s*부)[^\]］】\n]){1,10}?)"
                    r"\s*[\]］】]\s*(?=\S)")
# `서식 1 입찰참가 접수 확인서`, `붙임 4  연구개발계획서`: a form's unbracketed label before the name
# (a form index's print; the bracketed `[붙임1] …` is LEAD_FORM_REF's).
LEAD_FORM_LABEL = regex.compile(r"""
    ^\s*(?:서\s*식|양\s*식|붙\s*임|별\s*첨|별\s*지)\s*(?:제\s*)?
    \d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*(?:호\s*)?[.)]?\s+(?=[^\s\d])""", regex.VERBOSE)
CATEGORY_COLON = regex.compile(r"^(?P<cond>[^:：,，()（）\[\]\n]{2,20}?)\s*[:：]\s*(?P<name>\S.*)$")
COND_COLON = regex.compile(
    r"^(?P<cond>[^:：]{2,40}?(?:기업|기관|경우|시|자|업체))\s*[:：]\s*(?P<name>\S.*)$")
DOC_NOUN = regex.compile(
    r"(?:서|증|(?:확인|증명|사실|신청|발급|열람)원|본|명세|목록|자료|서류|사본|증명|증빙|대장|명부|등본|초본|카드|사진|영상|동영상|파일"
    r"|도면|내역|리스트|공문|견적|정관|인증|허가|면허|번호|재무제표|표|근거|현황)$")
NOT_A_NAME = regex.compile(
    r"(?:함|음|임|됨|다|요|바람|가능|예정|필요|문의|참조|참고|확인|업로드|기재|제출|등록|접수|신청)\s*\.?$")
PREDICATE_END = regex.compile(r"(?:함|음|됨|바람|예정|가능)\s*\.?$")
HEADER_PHRASE = regex.compile(
    r"^(?:구\s*분\s*)?(?:(?:온라인\s*)?(?:등\s*록|제\s*출|구\s*비|신\s*청|관\s*련|증\s*빙|첨\s*부)\s*)?"
    r"서\s*류\s*(?:명|목\s*록)?(?:\s*비\s*고)?$|^구\s*분(?:\s|$)")
# `공통 제출서류`, `선택 서류`: a group heading, not a document.
CATEGORY = regex.compile(
    r"^(?:[가-힣·ㆍ]+\s*){0,3}?(?:공통|필수|선택|추가|개별|해당\s*(?:시|자|기업|기관))?\s*(?:제출|구비)?\s*서\s*류$")
CATEGORY_WORD = regex.compile(r"공통|필수|선택|추가|개별|제출|구비|해당")
# A category whose documents are due only in some cases: `○ 해당 시 제출서류`, `해당기업 제출서류`.
CONDITIONAL_CATEGORY = regex.compile(r"해당\s*(?:시|자|기업|기관)")
SUMMARY = regex.compile(r"등\s*(?:[(（][^)）]*[)）])?\s*$")
CATCH_ALL = regex.compile(r"^기타")
# what the issuer may still ask for: `기타 사업 추진에 필요한 서류`, `기타 … 요청하는 서류`
OPEN_ENDED = regex.compile(r"(?:필요|요청|요구|인정)\s*(?:한|하는|되는)")
NUM_ROW = regex.compile(r"^\s*(?P<n>\d{1,2})(?:\s*[-–]\s*\d{1,2})?(?:\s+(?=\S)|\s*$)(?![.)])")
PARTY_WORD = regex.compile(
    r"^(?:[가-힣]{1,10}(?:기업|기관|업체|단체|컨소시엄)|컨소시엄|대표자|연구책임자|개인|법인)$")
PARTY_SUFFIX = regex.compile(r"(기업|기관|업체|단체)$")
POSITIVE_MARKS = {"○", "◯", "O", "o", "●", "◎", "✓", "✔", "√", "V", "v", "△", "▲"}


# When a document is handed in, by what its line or row says (v2 `DocumentReq.stage`):
# `선정 이후 협약 시 제출` → agreement; `발표자료 | 접수 후 별도 안내`, `서류심사 이후 대면평가
# 제안사 대상 별도 제출` → plan_submission; otherwise with the application.
AGREEMENT_STAGE = regex.compile(
    r"(?:협약\s*(?:체결\s*)?(?:시|전|단계)|선정\s*(?:이후|후))[^\n]{0,15}?제출|협약\s*(?:체결\s*)?시\s*제출")
PLAN_STAGE = regex.compile(
    r"(?:서류\s*(?:심사|평가|검토)\s*(?:이후|통과|후)|접수\s*(?:후|이후)\s*별도|대면\s*평가\s*(?:대상|시)"
    r"|발표\s*평가\s*(?:대상|시))")


# A group's heading naming its stage: `○ 협약 시 제출서류`, `<선정 후 협약 시>`, `<신청 시>`.
GROUP_STAGE = regex.compile(
    r"(?P<agreement>협약\s*(?:체결\s*)?(?:시|전|단계)|선정\s*(?:후|이후|시)|최종\s*선정)"
    r"|(?P<application>(?:신청|접수)\s*시)")


def group_stage(text: str) -> str | None:
    m = GROUP_STAGE.search(text)
    if m is None:
        return None
    return "agreement" if m["agreement"] else "application"


def stage_of(text: str) -> str:
    if AGREEMENT_STAGE.search(text):
        return "agreement"
    if PLAN_STAGE.search(text):
        return "plan_submission"
    return "application"


@dataclass
class DocLine:
    name: str
    required: bool | None = True
    validity_months: int | None = None
    condition: str | None = None
    submitters: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)  # in the parsed text
    stage: str = "application"

    def value(self) -> dict[str, object]:
        return {"name": self.name, "required": self.required,
                "validity_months": self.validity_months, "condition": self.condition}


def parties(text: str) -> list[str]:
    """`도입·공급기업` → [도입기업, 공급기업]; [] unless every part names a party."""
    text = compiled(r"[(（)）]|공통|제출|서류|각").sub(" ", text)
    out: list[str] = []
    for group in compiled(r"[,\s]+|및|또는").split(text):
        if not group:
            continue
        parts = [p for p in compiled(r"[·ㆍ‧・/]").split(group) if p]
        last = parts[-1] if parts else ""
        for p in parts:
            # `도입·공급기업`, `주관·공동연구개발기관`: the first parts share the last one's tail
            if not PARTY_SUFFIX.search(p) and PARTY_SUFFIX.search(last) and len(p) < len(last):
                p += last[len(p):]
            if not PARTY_WORD.match(p):
                return []
            if p not in out:
                out.append(p)
    return out


def _validity(text: str) -> int | None:
    m = VALIDITY.search(text)
    return int(m.group("m") or m.group("m2")) if m else None


def _condition(text: str) -> str | None:
    for part in compiled(r"\s*[,，]\s*").split(text):
        m = CONDITION.search(part)
        if m and not VALIDITY.search(part):
            return clean(m.group(0)) if m.group(0).startswith("해당") else clean(part)
    return None


def _qualify(paren: str, line: DocLine) -> bool:
    """Read a parenthetical into `line`; True when it qualifies (and leaves the name)."""
    inner = paren[1:-1].strip()
    if not inner:
        return True
    v = _validity(inner)
    if v is not None:
        line.validity_months = line.validity_months or v
        return True
    if inner.startswith("*") or FORM.search(inner) or compiled(r"^(?:총|각)?\s*\d+\s*부(?:씩)?$").match(inner):
        return True
    if OPTIONAL.match(inner):
        line.required = False
        return True
    if REQUIRED.match(inner):
        return True
    cond = _condition(inner)
    if cond is not None:
        line.condition = line.condition or cond
        if compiled(r"해당\s*시\s*필수|필수").search(inner):
            line.required = True
        return True
    return bool(INSTRUCTION.search(inner))


def _strip_name(text: str) -> str:
    text = FOOTNOTE.sub("", text)
    text = clean(text)
    return compiled(r"^[\s,.;:·\-]+|[\s,.;:·\-]+$|\s*및$").sub("", text).strip()


# a case opening the line, then the document it asks for (`법인인 경우 법인등기부등본 1부`, `단체
# 구성원중 70%이상이 울주군민인 경우 해당되는 구성원 전체 주민등록초본 제출`): the case is its condition
CASE_LEAD = regex.compile(
    r"^(?P<cond>[^,()]{2,40}?(?:인|한|하는|된|있는|없는)\s*경우)\s*,?\s*(?:해당\s*(?:되는|하는)\s*)?"
    r"(?P<name>\S.*)$", regex.S)


def _names_document(text: str) -> bool:
    """`구성원 전체 주민등록초본 제출`, `법인등기부등본 1부`: ends naming a document."""
    return bool(DOC_NOUN.search(_strip_name(SUBMIT_END.sub("", QUANTITY.sub(" ", text).strip()))))


# Several numbered items on one line (`1) 신청서 1부 2) 사업계획서 1부`, `가. … 나. …`, `① … ② …`): a
# marker opening the line (after a bullet or the family's label) or after a space, of one sequence
SEQ_MARKER = regex.compile(r"""
    (?:^|(?<=\s))(?:(?P<num>\d{1,2})\)|(?P<dot>\d{1,2})\.(?=\s*[가-힣])|(?P<kor>[가-하])[.)])(?=\s)
  | (?:^|(?<=\s))(?P<circ>[①-⑳])""", regex.VERBOSE)
KOREAN_ORDER = "가나다라마바사아자차카타파하"


def _seq_value(m: regex.Match[str]) -> tuple[str, int] | None:
    if m["num"] or m["dot"]:
        return ("num" if m["num"] else "dot"), int(m["num"] or m["dot"])
    if m["kor"]:
        k = KOREAN_ORDER.find(m["kor"])
        return ("kor", k) if k >= 0 else None
    return "circ", ord(m["circ"]) - ord("①")


def _inline_items(text: str, base: int) -> list[int]:
    """Where the items of one line start when it holds two or more markers of one sequence, in
    order from its first (`1) … 2) …`); [] otherwise."""
    found = [(m.start(), v) for m in SEQ_MARKER.finditer(text, base) if (v := _seq_value(m)) is not None]
    if len(found) < 2 or not compiled(r"^[\s\-–○◦ㅇ□■▪•·]*$").match(text[base:found[0][0]]):
        return []
    kind, first = found[0][1]
    starts = [found[0][0]]
    for at, (k, v) in found[1:]:
        if k == kind and v == first + len(starts):
            starts.append(at)
    return starts if len(starts) >= 2 else []


def parse_doc_line(text: str, *, strict: bool = True, cut: bool = True, flat: bool = False) -> list[DocLine]:
    """The documents one line names (usually one), with spans into `text`; `flat`: the line is
    a table row a PDF's text printed with its cells joined by spaces. A line of several numbered
    items (`1) 신청서 1부 2) 사업계획서 1부`) names each item's documents."""
    label = DOC_LABEL.match(text, skip_markers(text))
    starts = _inline_items(text, label.end() if label else 0)
    if starts:
        out: list[DocLine] = []
        for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
            for d in parse_doc_line(text[a:b].rstrip(), strict=strict, cut=cut, flat=flat):
                d.span = (d.span[0] + a, d.span[1] + a)
                out.append(d)
        return out
    off = skip_markers(text)
    if strict:
        m = NUM_ROW.match(text, off)
        if m and m.end() < len(text):
            off = m.end()
    label = DOC_LABEL.match(text, off)
    if label:  # `○ 제출서류: 신청서 1부, …`: the family's label, then the list
        off = label.end()
    body = text[off:]
    if not body.strip():
        return []
    found: list[DocLine] = []
    note = compiled(r"\s(?=(?:※|\*{1,3})\s*\S)|\s(?=단\s*,)").search(body)
    main = body[: note.start()] if note and note.start() > 0 else body
    rest = body[note.start():] if note and note.start() > 0 else ""
    topic = TOPIC_REQUEST.match(body)
    if topic and strict:
        name = _strip_name(topic.group("name"))
        if (DOC_NOUN.search(_strip_name(PAREN.sub("", name))) and not GENERIC_DOC.match(name)
                and not compiled(r"^\d").match(name)):
            case = CASE_LEAD.match(name)
            if case and _names_document(case.group("name")):  # `… 울주군민인 경우 해당되는 … 초본 제출`
                return [DocLine(name=case.group("name"), condition=clean(case.group("cond")),
                                span=(off + topic.start(), off + topic.end()))]
            return [DocLine(name=name, span=(off + topic.start(), off + topic.end()))]
    q = QUOTED_DOC.search(main) if not rest else None
    if q and q.start() == 0:
        cond = clean(compiled(r"^단\s*,\s*").sub("", q.group("cond")))
        return [DocLine(name=_strip_name(q.group("name")), condition=cond,
                        span=(off + q.start(), off + q.end()))]
    line = DocLine(name="", span=(off, off + len(main.rstrip())))
    paren_tag = PAREN_TAG.match(main)
    if paren_tag:
        req = compiled(r"\s+").sub("", paren_tag.group("req"))
        if req == "선택":
            line.required = False
        who = clean(paren_tag.group("who"))
        line.condition = f"{who}의 경우" if req != "해당시" else f"해당시 ({who})"
        main = main[paren_tag.end():]
    tag = TAG.match(main)
    if tag:
        word = compiled(r"\s+").sub("", tag.group("tag"))
        if word == "선택":
            line.required = False
        elif word != "필수":
            line.condition = word if word.startswith("해당") else f"{word}의 경우"
        main = main[tag.end():]
    form_label = LEAD_FORM_LABEL.match(main)
    if form_label:
        main = main[form_label.end():]
    form = (FORM_COLON.match(main.strip()) or ISSUER_COLON.match(main.strip())
            or METHOD_COLON.match(main.strip()))
    if form:
        main = form.group("name")
    colon = COND_COLON.match(main.strip())
    if colon and not QUANTITY.search(colon.group("cond")):
        line.condition = clean(colon.group("cond"))
        main = colon.group("name")
    elif not form and line.condition is None:
        # `데이터 활용사례 : 참가신청서[붙임1], 활용사례 보고서*([붙임2] 참고),`: a category's label,
        # then its list of documents (kspo_public_data_contest_2023's 부문 rows as labelled lines)
        cat = CATEGORY_COLON.match(main.strip())
        if cat and not DOC_NOUN.search(cat["cond"].strip()) and len(_split_top_commas(_strip_name(
                PAREN.sub("", FORM_REF.sub(" ", cat["name"]))))) >= 2:
            line.condition = clean(cat["cond"])
            main = cat["name"]
    case = CASE_LEAD.match(main.strip()) if line.condition is None else None
    if case and _names_document(case.group("name")):
        line.condition = clean(case.group("cond"))
        main = case.group("name")
    # One entry that points at one form (`[필수] …`, `[붙임5] …`, `… : 국세청(홈텍스)`) names
    # that form, even when it lists its parts (`개인정보·과세정보 제공‧활용 동의서, 제3자 제공
    # 동의서`): the commas do not split it.
    main = SUB_NUMBER_TAIL.sub("", main)  # `②-5 [붙임 5] …`: the sub-number's tail
    one_form = bool(tag or form or form_label or FORM_REF.match(main.strip())
                    or LEAD_FORM_REF.search(text[:off]))
    # the line points at a form of its own (`[별첨 2]양식`, `(붙임 3서식 참조)`)
    has_form = bool(form or form_label or FORM_REF.search(main) or LEAD_FORM_REF.search(text[:off])
                    or any(FORM.search(p.group(0)) for p in PAREN.finditer(main)))
    main = FORM_REF.sub(" ", main)
    kept: list[str] = []
    pos = 0
    for m in PAREN.finditer(main):
        kept.append(main[pos:m.start()])
        lead = m.start() == 0 and not compiled(r"[(（]\s*(?:선택|필수)").match(m.group(0))
        if lead or not _qualify(m.group(0), line):
            kept.append(m.group(0))
        pos = m.end()
    kept.append(main[pos:])
    name = "".join(kept)
    v = _validity(name)
    if v is not None:
        line.validity_months = line.validity_months or v
        name = VALIDITY.sub(" ", name)
    quantities = list(QUANTITY.finditer(name))
    trailer = ""
    if quantities:
        last = quantities[-1]
        trailer = name[last.end():]
        name = QUANTITY.sub(" ", name[: last.start()])
    name = FORM_WORD.sub(" ", name)
    name = _edge_cells(name, line)
    if flat:
        name = _flat_cells(name, line)
    if trailer:
        line.submitters = parties(FORM_WORD.sub(" ", trailer))
        if OPTIONAL.search(trailer.strip()):
            line.required = False
        cond = _condition(trailer.strip()) if trailer.strip() else None
        if cond and not line.submitters:
            line.condition = line.condition or cond
    name = compiled(r"\s*\(\s*(?:선택|필수)\s*\)\s*").sub(" ", name)
    name = _strip_name(SUBMIT_END.sub("", name))
    if not name or HEADER_PHRASE.match(name) or (
            len(name) > 80 and len(_split_top_commas(name)) < 2):  # a long list of names is a list
        return found
    if compiled(r"[:：]").search(name) and GENERIC_DOC.match(compiled(r"^[^:：]*[:：]\s*").sub("", name).strip()):
        return found  # `부 문 : 제출서류`: a table's head row as a labelled line
    # `◦ 공통 제출서류` heads a group, and `◦ 기타 제출서류 각 1부 ([별첨 2]양식)` stands for
    # the documents another list names (the 별첨, the table below); a table row's `③ 기타
    # 제출서류 | 파일 첨부` is a catch-all entry of its own
    catch_all = bool(CATCH_ALL.match(name)) and (not strict or flat)
    if CATEGORY.match(name) and CATEGORY_WORD.search(name) and not catch_all:
        return found
    bare = _strip_name(PAREN.sub("", name))
    # `◦ 가점적용 신청서, 민간 투자계약서, 투자의향서 및 투자협약서 등`: one item naming a comma
    # list of documents is one entry, its name as printed (`사업계획서 및 … 등` summarises)
    group = bool(GROUP_END.search(bare) and "," in bare and DOC_NOUN.search(GROUP_END.sub("", bare)))
    if group:
        bare = GROUP_END.sub("", bare)
    if name in MARKS or not compiled(r"\p{L}{2}").search(name) or TOPIC_END.search(bare):
        return found  # a mark cell (`2 ×`) or a heading's topic (`5 평가 기준 및 유의사항`)
    if strict and (NOT_A_NAME.search(bare) or not (quantities or DOC_NOUN.search(bare))):
        aside = ASIDE_CUT.match(body) if cut else None
        if aside:
            return parse_doc_line(text[:off + aside.end("keep")], strict=strict, cut=False)
        return found
    if not strict and PREDICATE_END.search(bare):
        return found  # a sentence in a row (`가점 부여 예정`), never a document's name
    if CATCH_ALL.match(name) and OPEN_ENDED.search(name) and not has_form:
        line.required = None  # `기타 사업 추진에 필요한 서류`: open; `③ 기타 제출서류` is due
    for part in [name] if group or one_form else _split_top_commas(name):
        found.append(DocLine(name=_strip_name(part), required=line.required,
                             validity_months=line.validity_months, condition=line.condition,
                             submitters=list(line.submitters), span=line.span))
    if rest:
        q = QUOTED_DOC.search(rest)
        if q:
            cond = clean(compiled(r"^\W*단\s*,\s*").sub("", q.group("cond")))
            base = off + len(main) + (len(body) - len(main) - len(rest))
            found.append(DocLine(name=_strip_name(q.group("name")), condition=cond,
                                 submitters=list(line.submitters),
                                 span=(base + q.start(), base + q.end())))
    return found


# The cells a PDF flattened beside a row's name: a category before it (`필수 사업신청서`, `해당시
# 중소기업 확인서`), a form, a remark or marks after it (`사업신청서 서식1`, `중소기업 확인서
# 해당시`, `사업신청서 ○`).
LEAD_STATUS = regex.compile(r"^\s*(?P<w>필\s*수|선\s*택|해당\s*시|해당\s*자|해당\s*기업|공\s*통)\s+(?=\S{2})")
TAIL_STATUS = regex.compile(r"(?<=\S)\s+(?P<w>필\s*수|선\s*택|해당\s*시|해당\s*자|해당\s*기업)\s*$")
TAIL_FORM = regex.compile(
    r"(?<=\S)\s+[(\[]?\s*(?:서\s*식|양\s*식|별\s*지|별\s*첨|붙\s*임)\s*제?\s*\d{1,2}(?:\s*[-–~]\s*\d{1,2})?\s*호?"
    r"\s*[)\]]?\s*(?:참조|참고)?\s*$")
TAIL_MARKS = regex.compile(r"(?<=\S)(?:\s+[○●◯◎√✓✔])+\s*$")


def _status(word: str, line: DocLine) -> None:
    word = compiled(r"\s+").sub("", word)
    if word == "선택":
        line.required = False
    elif word.startswith("해당"):
        line.condition = line.condition or word


def _edge_cells(name: str, line: DocLine) -> str:
    """`name` without the flattened cells at its edges, read into `line`."""
    lead = LEAD_STATUS.match(name)
    if lead:
        _status(lead["w"], line)
        name = name[lead.end():]
    while True:
        m = TAIL_FORM.search(name) or TAIL_STATUS.search(name) or TAIL_MARKS.search(name)
        if m is None:
            return name
        if m.re is TAIL_STATUS:
            _status(m["w"], line)
        elif m.re is TAIL_MARKS:
            line.required = None  # which column a mark sat in is lost with the table
        name = name[:m.start()]


# The next cell of a flattened row after its name: a requirement (`필수`, `해당시`, `선택`), a
# mark or an empty cell's dash, who submits (`모든 신청기관(주관/공동/위탁) 작성 후 제출`,
# `주관연구개발기관 제출`, `해당 연구개발기관`), how (`온라인 업로드(PDF)`, `전자파일`, `파일 첨부`,
# `온라인 입력`, `한글문서`, `직인원본`) or which form (`서식 1`, `⦁붙임 양식 참고`): pipc_privacy_rnd
# 2025/2026, mois_regional_disaster_rnd_2026, msit_ict_rnd_2026_1st, kised_dodak_2025,
# daegutp_startup_scaleup_rnd_2026, suwon_carbon_neutral_livinglab_2026 (their tables' rows).
NEXT_CELL = regex.compile(r"""
    [ ]+(?=
        (?:필\s*수|선\s*택|해당\s*시|해\s*당|[○●◯◎×✓√-])(?:\s|$)
      | 모든[ ]*\S | (?:해당|전)[ ]*(?:신청|연구개발|참여)?[ ]*(?:기관|기업)
      | (?:신청|접수|선정|협약)[ ]*(?:시|후|이후)(?:\s|$)
      | (?:신청|주관|공동|위탁|참여|도입|공급)[가-힣]{0,6}(?:기관|기업)(?:[ ]|$|[(（])
      | 온라인[ ]*(?:업로드|입력|제출|등록|전산)
      | 전자[ ]*파일 | 파일[ ]*(?:첨부|업로드) | 전산[ ]*(?:입력|등록|접수) | 한글[ ]*문서 | 직인[ ]*원본
      | (?:서식|양식)[ ]*\d | [⦁•][ ]*\S)""", regex.VERBOSE)
STATUS_PAREN_END = regex.compile(r"[(（]\s*(?:필\s*수|선\s*택|해\s*당\s*시?|참\s*조\s*용|필\s*요\s*시)\s*[)）]$")
# A flattened row's category cell with its number: `공통1`, `공통10` (suwon_carbon_neutral_livinglab_2026).
FLAT_CATEGORY = regex.compile(r"^\s*(?:공\s*통|필\s*수|선\s*택|개\s*별|추\s*가)\s*\d{1,2}\s+(?=\S)")
WORD_GAP = regex.compile(r"[ ]+")
FLAT_STATUS = regex.compile(r"^\s*(?P<w>필\s*수|선\s*택|해당\s*시|해\s*당)(?:\s|$)")


def _flat_cells(name: str, line: DocLine) -> str:
    """`name` up to the first cell a flattened row prints after it, when what precedes that
    cell ends like a document (`신청자격 적정성 및 자가진단서 필수 필수 모든 신청기관(…) 작성 후
    제출` → `신청자격 적정성 및 자가진단서`); a requirement cell read into `line`."""
    lead = FLAT_CATEGORY.match(name)
    if lead:  # `공통1 사업계획서 …`: the row's category cell
        name = name[lead.end():]
    for m in NEXT_CELL.finditer(name):
        head = name[:m.start()]
        if not (_ends_like_document(head) or STATUS_PAREN_END.search(head)):
            # a free-text cell before it (`연구데이터 관리계획서 연구데이터 공개 대상과제 해당시 …`,
            # `사업계획서 의견 조회 및 자격 검토 ⦁붙임 양식 참고`): the name ends at the last word
            # that ends like a document
            cuts = [w.start() for w in WORD_GAP.finditer(head) if _ends_like_document(head[:w.start()])]
            if not cuts:
                continue
            head = head[:cuts[-1]]
        status = FLAT_STATUS.match(name[m.end():])
        if status:
            _status(status["w"], line)
        return head
    return name


def _ends_like_document(text: str) -> bool:
    return bool(DOC_NOUN.search(_strip_name(PAREN.sub("", text))))


def _split_top_commas(text: str) -> list[str]:
    """`수준확인서, 상세 구축 내역(SW, HW 등)` → two names when every part is one."""
    parts: list[str] = []
    depth, cur = 0, ""
    if "," not in text:
        return [text]
    for ch in text:
        depth += 1 if ch in "(（[" else -1 if ch in ")）]" else 0
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    names = [_strip_name(PAREN.sub("", p)) for p in parts]
    if len(parts) > 1 and all(n and DOC_NOUN.search(n) for n in names):
        return [p.strip() for p in parts]
    return [text]


def corpus_value(text: str) -> object:
    lines = parse_doc_line(text)
    if not lines:
        return None
    return lines[0].value() if len(lines) == 1 else [d.value() for d in lines]


# ---------------------------------------------------------------------------------------
# Collecting documents in a scope


@dataclass
class Found:
    line: DocLine
    spans: list[tuple[int, int]]


class Collector:
    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.doc = outline.doc
        self.found: list[Found] = []
        self.last: list[Found] = []
        self.tables: set[int] = set()  # ids of the tables read

    # -- text regions -------------------------------------------------------------------

    def region(self, start: int, end: int, *, strict: bool, flat: bool = False,
               required: bool | None = None, submitters: list[str] | None = None,
               condition: str | None = None, stage: str | None = None) -> list[Found]:
        """Documents in `doc.text[start:end]` (one line, an inline circled list, or a row)."""
        raw = self.doc.text[start:end]
        out: list[Found] = []
        dashes = list(INLINE_DASH.finditer(raw)) if flat and not starts_with_bullet(raw) else []
        if len(dashes) >= 2 and dashes[0].start() <= 30:
            # `공통 제출 (도입·공급기업) - 사업계획서 - 국세·지방세 완납 증명서 각 1부 …`: a row's
            # category cell, then the bullets of its name cell (seed 001's table, flattened)
            k = dashes[0].start() + 1
            submitters = submitters or parties(raw[:k])
            segments = [(k + a, k + b) for a, b in split_bullets(raw[k:])]
        else:
            segments = self._segments(raw)
        for a, b in segments:
            case = next((m for m in (CASE_LINE.match(ln) for ln in raw[a:b].split("\n")[1:]) if m), None)
            condition_here = clean(case["case"]) if case else condition
            for d in parse_doc_line(raw[a:b], strict=strict, flat=flat):
                d.stage = stage_of(raw[a:b])
                if stage and d.stage == "application":
                    d.stage = stage  # the group's: `○ 협약 시 제출서류`
                d.condition = d.condition or condition_here
                if required is not None and d.required is True:
                    d.required = required
                if submitters and not d.submitters:
                    d.submitters = list(submitters)
                out.append(Found(d, [(start + a + d.span[0], start + a + d.span[1])]))
        self.found += out
        self.last = out or self.last
        return out

    def _case(self, text: str, start: int, end: int, group: str | None) -> bool:
        """A sub-line saying in which case the document above is due (`-3천만 원 이상의
        연구시설·장비를 구입하려는 경우에만 제출`): its condition, over the group's."""
        case = CASE_LINE.match(text)
        if case is None or not self.last:
            return False
        for f in self.last:
            if f.line.condition is None or f.line.condition == group:
                f.line.condition = clean(case["case"])
                f.spans.append((start, end))
        return True

    def _segments(self, raw: str) -> list[tuple[int, int]]:
        circled = [m.start() for m in compiled(rf"[{CIRCLED}]").finditer(raw)]
        if len(circled) >= 2:
            base = circled[0]
            return [(a + base, b + base) for a, b in split_bullets(raw[base:])]
        lines = list(compiled(r"[^\n]+").finditer(raw))
        if len(lines) >= 2 and sum(bool(COND_COLON.match(ln.group(0).strip())) for ln in lines) >= 2:
            return [(ln.start(), ln.end()) for ln in lines]
        if starts_with_bullet(raw):
            return split_bullets(raw)
        return [(0, len(raw))]

    def note(self, start: int, end: int) -> None:
        """A note after a document: a validity or condition for it, or a conditional document."""
        text = self.doc.text[start:end]
        q = QUOTED_DOC.search(text)
        if q:
            cond = clean(compiled(r"^\W*단\s*,\s*").sub("", q.group("cond")))
            cond = compiled(r"^[※*]+\s*").sub("", cond)
            subs = list(self.last[0].line.submitters) if self.last else []
            f = Found(DocLine(name=_strip_name(q.group("name")), condition=cond, submitters=subs),
                      [(start + q.start(), start + q.end())])
            self.found.append(f)
            return
        v = _validity(text)
        case = NOTE_CASE.match(text) if v is None else None
        for f in self.last:
            if v is not None and f.line.validity_months is None:
                f.line.validity_months = v
                f.spans.append((start, end))
            elif case and f.line.condition is None:  # `*국‧공립 연구소가 주관연구기관일 경우에 한함`
                f.line.condition = clean(case["case"])
                f.spans.append((start, end))

    def key_value(self, cell: Cell) -> None:
        """The documents a key/value table's cell lists: one item a line (`- 사업신청서 1부`,
        `① …`, a row of a table nested in it), or an inline list (`사업신청서, 사업계획서 … 각
        1부`)."""
        items = cell_items(cell.text)
        if items:
            for a, b in items:
                text = cell.text[a:b]
                if is_note(text):
                    self.note(cell.start + a, cell.start + a + len(text.rstrip()))
                else:
                    self.region(cell.start + a, cell.start + a + len(text.rstrip()), strict=True)
            return
        for m in compiled(r"[^\n]+").finditer(cell.text):
            self.region(cell.start + m.start(), cell.start + m.end(), strict=True)

    # -- tables -------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        self.tables.add(id(table))
        grid = table.grid()
        n_head = header_rows(table, LIST_TABLE)
        if n_head == 0 and table.n_rows < 2:
            return
        cap = caption_rows(table, LIST_TABLE)
        heads = [" ".join(clean(c.text) for c in distinct_cells([grid[r][k] for r in range(cap, n_head)]))
                 for k in range(table.n_cols)]
        data = list(range(n_head, table.n_rows))
        marks = [k for k in range(table.n_cols) if heads[k] and _is_mark_column(grid, data, k)]
        name_col = _name_column(grid, data, heads, marks, table.n_cols)
        if name_col is None:
            return
        remarks = [k for k in range(table.n_cols) if k != name_col and k not in marks
                   and compiled(r"비\s*고|필수|선택|여\s*부|구분\s*[(（]").search(heads[k])]
        subs_cols = [k for k in range(table.n_cols) if k != name_col and k not in marks
                     and k not in remarks
                     and compiled(r"제출\s*(?:대상|기관|주체|자|처)|^대\s*상$|해당\s*기업").search(heads[k])]
        category = [k for k in range(name_col) if k not in marks and k not in remarks
                    and k not in subs_cols]
        group_condition: str | None = None
        for r in data:
            cell = grid[r][name_col]
            if cell is None or not cell.text.strip():
                continue
            below = grid[r + 1][name_col] if r + 1 < table.n_rows else None
            if (not SUB_NUMBER.match(cell.text) and below is not None and below is not cell
                    and SUB_NUMBER.match(below.text)):
                # `7 | [영리기업] … 증빙서류` over `7-1 | …`, `7-2 | …`: a group's heading, its
                # documents are the sub-rows (which take its condition)
                group = parse_doc_line(cell.text, strict=False)
                group_condition = group[0].condition if group else None
                continue
            if not SUB_NUMBER.match(cell.text):
                group_condition = None
            if SUB_NUMBER.match(cell.text):  # `4-1 | 사업자등록증` under a spanning name column
                right = [c for c in distinct_cells(grid[r][name_col + 1:]) if c is not cell]
                if not right:
                    continue
                cell = right[0]
            if table.n_cols > 1 and all(grid[r][k] is cell for k in range(table.n_cols)):
                # a note or category row spanning the table; a note may ask for one more
                # document (`○ 사업제안 발표자료는 서류심사 이후 … 별도 제출 요청 예정`)
                for m in compiled(r"[^\n]+").finditer(cell.text):
                    line = m.group(0)
                    if TOPIC_REQUEST.match(line[skip_markers(line):]):
                        self.region(cell.start + m.start(), cell.start + m.end(), strict=True)
                continue
            if cell.col < name_col and len(distinct_cells(grid[r])) == 1:
                continue  # a category row
            required, condition, validity, extra = _row_remarks(grid[r], remarks)
            submitters: list[str] = []
            if marks:
                marked = [k for k in marks
                          if (c := grid[r][k]) is not None and c.text.strip() in POSITIVE_MARKS]
                # `서류명 | 필수 | 해당시` (or `선택`): a mark says whether, not who
                for k in marked:
                    head = clean(heads[k])
                    if REQUIREMENT_HEAD.match(head):
                        if compiled(r"선\s*택").search(head):
                            required = False
                        elif compiled(r"해\s*당").search(head):
                            condition = condition or head
                        elif required is None:
                            required = True
                submitters = [_head_name(heads[k]) for k in marked
                              if not REQUIREMENT_HEAD.match(clean(heads[k]))]
            for k in subs_cols:
                if (c := grid[r][k]) is not None and c.text.strip():
                    own = clean(c.text[: _own_text_end(c) - c.start])
                    submitters += parties(own) or [
                        compiled(r"\s*(?:만\s*)?(?:작성하여\s*)?제출$").sub("", own)]
            for k in category:
                c = grid[r][k]
                if c is None or compiled(r"^\s*\d+\s*$").match(c.text):
                    continue
                if not submitters:
                    submitters = parties(_paren_or_all(c.text))
                if compiled(r"선택").search(c.text):
                    required = False
                # `필수 (영리기관 참여 시)`, `해당시`: a category that says when
                cond = _condition(_paren_or_all(c.text).strip("()（） \n"))
                if cond and not submitters:
                    condition = condition or cond
            tagged = [m for m in compiled(r"[^\n]+").finditer(cell.text) if PAREN_TAG.match(m.group(0))]
            if len(tagged) >= 2 and tagged[0].start() == 0:
                # `(기존인력 / 필수) 전문연구사업자 신고증` / `(신규인력 / 필수) 신규채용 증빙서류 등`:
                # parallel lines, each its own document
                got = [f for m in tagged for f in self.region(
                    cell.start + m.start(), cell.start + m.end(), strict=False)]
            elif items := cell_items(cell.text):
                # a list inside the cell (`1. 지원신청서` / `2. 프로젝트 계획서` / …): one document an
                # item; a note (`※ …`) says no document; items under items (`○ … 가산점 부여` over
                # `1. … 경우` over `- … 제출`) are cases and documents: only what names one
                texts = [cell.text[a:b] for a, b in items]
                flat = len({_item_kind(t) for t in texts}) == 1
                got = [f for (a, _), text in zip(items, texts, strict=True) if not is_note(text)
                       for f in self.region(cell.start + a, cell.start + a + len(text.rstrip()),
                                            strict=not flat)]
            else:
                got = self.region(cell.start, _own_text_end(cell), strict=False)
            stage = stage_of(" ".join(c.text for c in distinct_cells(grid[r])))
            for f in got:
                f.line.stage = stage
                if required is not None:
                    f.line.required = required if f.line.required is not None else None
                f.line.condition = f.line.condition or group_condition or condition
                f.line.validity_months = f.line.validity_months or validity
                if submitters and not f.line.submitters:
                    f.line.submitters = list(dict.fromkeys(submitters))
                f.spans += extra
            self.last = []

    # -- lists --------------------------------------------------------------------------

    def blocks(self, lo: int, hi: int) -> None:
        """Items, notes and flattened rows in blocks `lo`..`hi`."""
        doc, outline = self.doc, self.outline
        numbered = any(doc.blocks[j].kind == "paragraph"
                       and NUM_ROW.match(doc.text[doc.blocks[j].start:doc.blocks[j].end])
                       for j in range(lo, hi))
        row: tuple[int, int] | None = None
        vertical = ""
        required: bool | None = None
        submitters: list[str] = []
        condition: str | None = None  # a `해당 시 제출서류` group's
        stage: str | None = None  # a `협약 시 제출서류` group's
        flat = False  # under a flattened table's head line (`제출서류 제출방법 비고`)

        def flush() -> None:
            nonlocal row
            if row is not None:
                self.region(row[0], row[1], strict=False, required=required, submitters=submitters,
                            condition=condition, stage=stage, flat=True)
                row = None

        j = lo
        while j < hi:
            block = doc.blocks[j]
            text = doc.text[block.start:block.end]
            if PUA.match(text):
                break
            if block.table is not None:
                flush()
                self.table(block.table)
                j += 1
                continue
            if block.kind in ("list_item", "heading"):
                flush()
                end = outline.item_end(j)
                if is_note(text):
                    self.note(block.start, end)
                else:
                    got = self.region(block.start, end, strict=True, required=required,
                                      submitters=submitters, condition=condition, stage=stage, flat=flat)
                    if not got and not self._case(text, block.start, end, condition):
                        # a category: `◦ 선택 제출서류`, `◦ 도입기업 제출서류`
                        required = False if "선택" in text else True if "필수" in text else required
                        submitters = parties(text[skip_markers(text):].split("\n")[0]) or submitters
                        cat = CONDITIONAL_CATEGORY.search(text)
                        condition = clean(cat.group(0)) if cat else None
                        stage = group_stage(text)
                while j + 1 < hi and doc.blocks[j + 1].end <= end:
                    j += 1
                j += 1
                continue
            stripped = text.strip()
            if FLAT_HEAD.match(stripped):
                flat = True
            if compiled(r"^[가-힣]$").match(stripped):
                flush()  # a vertical category label (`선`/`택`/…) starts a new group
                vertical += stripped
                j += 1
                continue
            if vertical:
                if "선택" in vertical:
                    required = False
                elif "필수" in vertical:
                    required = True
                vertical = ""
            if CAPTION.match(text) or JUNK.match(text) and not NUM_ROW.match(text):
                group = GROUP_CAPTION.match(text)
                if group:  # `<필수사항>`, `<기업이 주관인 경우>`, `<선택사항(해당 시 제출)>`
                    flush()
                    word = group["word"]
                    required = "선택" not in word
                    paren = PAREN.search(word)
                    case = clean(paren[0][1:-1] if paren else word)
                    stage = group_stage(word)  # `<신청 시>`, `<선정 후 협약 시>`: when, not a case
                    condition = case if CONDITION.search(case) and stage is None else None
                j += 1
                continue
            if not numbered and self._case(text, block.start, block.end, condition):
                j += 1
                continue
            if numbered:
                m = NUM_ROW.match(text)
                if m:
                    flush()
                    row = (block.start + m.end(), block.end)
                elif stripped[:1] in CIRCLED:  # `③ 표준재무제표증명(전년도):…` beside a page number
                    flush()
                    self.region(block.start, block.end, strict=True, required=required,
                                submitters=submitters, condition=condition, stage=stage, flat=flat)
                elif row is not None:
                    row = (row[0], block.end)
                elif flat and not FLAT_HEAD.match(stripped):  # `공통1 사업계획서 …`: an unnumbered row
                    self.region(block.start, block.end, strict=True, required=required,
                                submitters=submitters, condition=condition, stage=stage, flat=True)
            elif not HEADER_PHRASE.match(stripped) and not FLAT_HEAD.match(stripped):
                self.region(block.start, block.end, strict=True, required=required,
                            submitters=submitters, condition=condition, stage=stage, flat=flat)
            j += 1
        flush()


# The head line of a documents table a PDF's text printed as a line: the documents column and
# at least one other column's head (`제출서류 제출방법 비고`, `구분 제출 서류명 제출 대상 필수 여부
# 제출 시점`, `번호 제출서류 제출여부 제출 형식 제출처 비고`).
# A bullet inside a flattened row: ` - 사업계획서`.
INLINE_DASH = regex.compile(r"(?<=\S)[ ]+-[ ]+(?=\S)")
FLAT_HEAD = regex.compile(r"""
    ^(?:구\s*분|번\s*호|연\s*번|순\s*번)\s+(?:제\s*출\s*|온라인\s*등록\s*)?서\s*류\s*(?:명|목\s*록)?\s*$
  | ^(?:(?:구\s*분|번\s*호|연\s*번|순\s*번)\s+)?(?:제\s*출\s*)?서\s*류\s*(?:명|목\s*록)?
    (?:\s+(?:제\s*출\s*(?:방\s*법|대\s*상|여\s*부|시\s*점|형\s*식|처)|필\s*수\s*여\s*부|비\s*고|부\s*수
        |용\s*도|서\s*식|형\s*식|대\s*상\s*기\s*관(?:\s*및\s*비\s*고)?))+\s*$""", regex.VERBOSE)


def _item_kind(text: str) -> str:
    """The kind of marker opening a list item: a number (`1.`, `2)`) or the bullet itself."""
    s = text.lstrip()
    return "number" if s[:1].isdigit() else s[:1]


def _own_text_end(cell: Cell) -> int:
    """A name cell's own lines: up to a line that is a note, a parenthetical aside or (under
    an unmarked name) a `-` sub-line (`연구개발계획서(PART 1~3)` / `- 기본정보 … 입력 완료 필요`)."""
    end = cell.start
    bulleted = starts_with_bullet(cell.text)
    for m in compiled(r"[^\n]+").finditer(cell.text):
        if m.start() > 0 and (compiled(r"\s*(?:[(（]|※|\*)").match(m.group(0))
                              or not bulleted and compiled(r"\s*[-–]\s").match(m.group(0))):
            break
        end = cell.start + m.end()
    return end


# A mark column saying whether a document is due: `필수`, `선택`, `해당시`, `해당 시 제출`.
REQUIREMENT_HEAD = regex.compile(
    r"^(?:필\s*수|선\s*택|해\s*당\s*(?:시|자|기업|기관)?)(?:\s*(?:제출|서류|사항))?$")
CONTENT_HEAD = regex.compile(r"^\s*(?:세\s*부\s*)?(?:내\s*용|항\s*목)\s*$")


def _is_mark_column(grid: list[list[Cell | None]], data: list[int], k: int) -> bool:
    values = [c.text.strip() for r in data if (c := grid[r][k]) is not None and c.text.strip()]
    return bool(values) and all(v in MARKS for v in values)


def _name_column(grid: list[list[Cell | None]], data: list[int], heads: list[str],
                 marks: list[int], n_cols: int) -> int | None:
    named = [k for k in range(n_cols) if k not in marks
             and compiled(r"서\s*류|서\s*식|목\s*록|자\s*료|명\s*칭|양\s*식\s*명|제\s*출\s*물").search(heads[k])
             and not compiled(r"^\s*구\s*분\s*$").match(heads[k])]
    if named:
        return next((k for k in named if compiled(r"명|목록|서류|제\s*출\s*물").search(heads[k])), named[0])
    # `구분 | 내용 | 비고` under a documents heading: the content column, when most of its
    # cells name a document (`사업신청서 1부`), never one of formats or places
    for k in range(n_cols):
        if k in marks or not CONTENT_HEAD.match(heads[k]):
            continue
        cells = [c.text for r in data if (c := grid[r][k]) is not None and c.text.strip()]
        if cells and sum(bool(parse_doc_line(t)) for t in cells) * 5 >= len(cells) * 4:
            return k
    if any(heads):
        return None  # a table with headings, none of them a document column

    def avg(k: int) -> float:
        vals = [len(c.text) for r in data if (c := grid[r][k]) is not None]
        return sum(vals) / len(vals) if vals else 0.0

    cols = [k for k in range(n_cols) if k not in marks]
    return max(cols, key=avg) if cols else None


def _row_remarks(row: list[Cell | None], remarks: list[int]
                 ) -> tuple[bool | None, str | None, int | None, list[tuple[int, int]]]:
    required: bool | None = None
    condition: str | None = None
    validity: int | None = None
    spans: list[tuple[int, int]] = []
    for k in remarks:
        c = row[k]
        if c is None or not c.text.strip():
            continue
        t = clean(c.text)
        used = False
        if compiled(r"선택").search(t):
            required, used = False, True
        elif compiled(r"필수").search(t):
            required, used = True, True
        cond = _condition(t)
        if cond:
            condition, used = cond, True
        v = _validity(t)
        if v is not None:
            validity, used = v, True
        if used:
            spans.append((c.start, c.end))
    return required, condition, validity, spans


def _head_name(head: str) -> str:
    return clean(head).replace(" ", "") if len(clean(head)) <= 8 else clean(head)


def _paren_or_all(text: str) -> str:
    m = PAREN.search(text)
    return m.group(0) if m else text


# ---------------------------------------------------------------------------------------
# Entry point

DOC_HEADER_LINE = regex.compile(
    r"^\s*(?:구\s*분|번\s*호|순\s*번|연\s*번|No\.?)\s+(?:\S+\s+){0,3}?(?:서\s*류|서\s*식)"
    # every real prefix of the heading table's documents facet (`첨부서류`, `필요서류`, `신청 시
    # 제출서류`), not only the ones the tuned documents print
    r"|^\s*(?:(?:신\s*청|접\s*수|응\s*모|참\s*가)\s*(?:시\s*)?)?"
    r"(?:(?:제\s*출|구\s*비|신\s*청|증\s*빙|첨\s*부|필\s*요|접\s*수|응\s*모)\s*서\s*류|제\s*출\s*자\s*료)(?:\s*목\s*록)?\s*$")


DOCS_CAPTION = pattern("documents")
# The topic of a heading (`선정기준 및 절차`, `평가 기준 및 유의사항`), never a document's name.
TOPIC_END = regex.compile(r"(?:절\s*차|유의\s*사항|기\s*준|방\s*법|일\s*정)$")
GROUP_END = regex.compile(r"(?<=[가-힣])\s+등$")
GROUP_PARTS = regex.compile(r"\s*(?:,|및|와|과)\s+|\s*,\s*")
# `- 장애인등록증 사본 제출`: the name, then the verb asking for it.
SUBMIT_END = regex.compile(r"(?<=\S)\s+제출\s*$")
FORM_LABEL = regex.compile(r"^\s*(?:제출|구비|신청)\s*서류\s*\d{1,2}\s*$")
SUB_NUMBER = regex.compile(r"^\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*[.)]?\s*$")
SUB_NUMBER_TAIL = regex.compile(r"^\s*\d{1,2}\s+(?=[\[［【])")
# A leading `(who / 필수)` tag: `(기존인력 / 필수) 전문연구사업자 신고증`.
PAREN_TAG = regex.compile(
    r"^\s*[(（]\s*(?P<who>[^()（）/\n]{1,12}?)\s*/\s*(?P<req>필수|선택|해당\s*시)\s*[)）]\s*(?=\S)")
# A form reference the markers took (`[붙임5] …`, `②-5 [붙임 5] …`).
LEAD_FORM_REF = regex.compile(r"[\[［【]\s*(?:붙\s?임|별\s?첨|별\s?지|서\s*식|양\s*식)")
# A one-line title behind a bracketed tag: `<별첨 서식> 공통 제출자료`, `[붙임 2] 제출서류 목록`.
# A caption heading a group of a documents list: `<필수사항>`, `<기업이 주관인 경우>`,
# `<선택사항(해당 시 제출)>`, `【해당 시 제출】`.
GROUP_CAPTION = regex.compile(
    r"^\s*[<〈《【\[]\s*(?P<word>(?:필수|선택|해당)[^<>〈〉《》【】\[\]\n]{0,20}"
    r"|[^<>〈〉《》【】\[\]\n]{2,20}?(?:경우|때|시)(?:에\s*한함|만)?)\s*[>〉》】\]]\s*$")
# A sub-line under a document saying in which case it is due: `-3천만 원 이상의 연구시설·장비를
# 구입하려는 경우에만 제출`, `- 기업간 공동연구 가점을 받고자 하는 경우 제출(붙임 3서식)`.
CASE_LINE = regex.compile(
    r"^\s*[-–·ㆍ‧]\s*(?P<case>[^\n]{4,80}?(?:경우|때)(?:에만|에\s*한(?:함|하여)|만)?\s*(?:제출|해당)?)"
    r"\s*(?:[(（][^()（）\n]*[)）])?\s*\.?\s*$")
# A note under a document restricting it to a case: `*국‧공립 연구소가 주관연구기관일 경우에 한함`.
NOTE_CASE = regex.compile(
    r"^\s*(?:※|\*+)\s*(?P<case>[^\n]{4,60}?(?:경우|때)에?\s*(?:한함|한하여|만\s*(?:해당|제출)))\s*\.?\s*$")
# A sentence saying what the documents are, with their copies: `제출서류는 사업신청서, 사업계획서,
# 사업자등록증 사본 각 1부임`.
SAID_LIST = regex.compile(
    r"(?:제\s*출|구\s*비|신\s*청)\s*서\s*류\s*(?:는|은)\s*(?P<list>[^.。\n:：]{4,150}?(?:각\s*)?\d+\s*부(?:씩)?)"
    r"\s*(?:임|입니다|이며|이다|을\s*제출|를\s*제출)")
COPIES = regex.compile(r"^(?:원|사|부|정|복사)\s*본$")
# A key cell naming the documents in a key/value table: `제출서류`, `구비 서류`, `신청서류(공통)`,
# `접수서류`, `응모서류` (a contest's word).
KEY_LABEL = regex.compile(
    r"^\s*(?:(?:신\s*청|접\s*수)\s*시\s*)?(?:제\s*출|구\s*비|신\s*청|증\s*빙|첨\s*부|필\s*요|접\s*수|응\s*모)\s*서\s*류"
    r"(?:\s*[(（][^()（）\n]{1,10}[)）])?\s*$")
# A title that is all bracketed, over its list: `< 제출서류 >`, `【 구비서류 】`.
BRACKETED_TITLE = regex.compile(r"^\s*[<〈《【]\s*(?P<title>[^<>〈〉《》【】\n]{2,30}?)\s*[>〉》】]\s*$")
# `②입찰서 : g2b에 입찰금액을 입력하는 방법으로 제출`: the name, then how it is handed in, also as a
# polite instruction (`아이디어 제안서(1차)(첨부 1.2) : 온라인 접수 시 업로드해 주시기 바랍니다.`)
METHOD_COLON = regex.compile(r"""
    ^(?P<name>[^:：\n]{2,40}?)\s*[:：]\s*[^:：\n]{0,60}?(?:제출|입력|업로드|첨부)\s*
    (?:함|필요|바람|(?:하여|해)?\s*(?:주시기|주셔야)?\s*(?:바랍니다|합니다)|(?:하여|해)\s*주십시오|하시기\s*바랍니다)?
    \s*\.?\s*$""", regex.VERBOSE)
# A documents entry taking a form with its 별첨s: `(별첨된 서류 포함)`, `(별첨 포함)`.
ANNEX_INCLUDED = regex.compile(r"별\s*첨\s*(?:된\s*(?:서\s*류|서\s*식|자\s*료)\s*)?포\s*함")
# An entry's own 별첨 at its end: `(별첨 1)`, `[별첨 2]`.
ANNEX_REF = regex.compile(r"[(（\[]\s*별\s*첨\s*(?P<k>\d{1,2})\s*[)）\]]\s*$")
# The label cell of an appendix's title box: `붙임 2`, `별첨 1`, `[붙임 3]`, `붙임`.
BOX_LABEL = regex.compile(r"^\s*[\[［【<〈]?\s*(?:붙\s*임|별\s*첨|별\s*지|참\s*고)\s*(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?\s*[\]］】>〉]?\s*$")
BOX_MARKS = "□■❏▣◆◇"
TAGGED_TITLE = regex.compile(
    r"^\s*[<〈《【\[]\s*[^<>〈〉《》【】\[\]\n]{1,20}?\s*[>〉》】\]]\s*(?P<title>\S[^\n]{1,40}?)\s*$")

# The family's own label before a list on one line: `제출서류 :`, `(구비서류)`, `신청서류 -`,
# `접수서류 :`, `응모서류 :`.
DOC_LABEL = regex.compile(
    r"[(（\[]?\s*(?:(?:신청|접수|응모|참가)\s*시\s*)?(?:제출|구비|신청|증빙|첨부|필요|접수|응모)\s*서류"
    r"\s*(?:[)）\]]\s*[:：]?|(?:[(（][^()（）\n]{1,40}[)）]\s*)?[:：]|\s-\s)\s*(?=\S)")
# An application step (`접수`, `제출`, `신청`) and an aside of it listing documents with their
# number of copies: `(신청서, 개인정보 수집·이용 동의서, 주민등록초본 각 1부)`.
STEP_WORD = regex.compile(r"접수|제출|신청\s*방법")
STEP_ASIDE = regex.compile(r"[(（](?P<inner>[^()（）\n]{4,120}?(?:각\s*)?\d+\s*부(?:씩)?)\s*[)）]")
# An item whose topic is a document and which asks for it: `○ 사업제안 발표자료는 서류심사 이후
# 대면평가 제안사 대상 별도 제출 요청 예정`; never a note on a numbered row (`7번 서류는 …`) nor
# a rule about all of them (`제출서류는 … 직인 …`).
TOPIC_REQUEST = regex.compile(
    r"^(?P<name>[^,，.。:：()（）\n]{2,40}?)\s*(?:은|는)\s+[^\n]{0,60}?"
    r"제출\s*(?:요청|하여야|해야|필수|바람|바랍니다)")
# A sentence asking for documents by their quoted names, anywhere in the body (`연구개발성과
# 소유기관은 과제협약 시 ‘정부납부기술료 납부 확약서’와 ‘기술기여도 산정 근거자료’를
# 제출하여야 합니다`, `통보일 다음날부터 3일 이내에 ‘협약체결 확약서’를 제출해야 합니다`): each
# quoted name that ends like a document is one. Only a request counts (`제출하여야`, `제출해야`,
# `제출 필수`), never a case (`‘가점 적용 신청서’를 제출한 기업`) nor a mention (`… 제출)`).
QUOTE = r"[‘'“\"「『]\s*[^’'”\"」』\n]{2,40}?\s*[’'”\"」』]"
QUOTED_REQUEST = regex.compile(rf"""
    (?P<names>{QUOTE}(?:\s*(?:와|과|및|,|，)?\s*{QUOTE}){{0,4}})
    \s*(?:을|를)\s*(?:반드시\s*)?(?:추가로?\s*)?(?:작성하여\s*)?
    제출\s*(?:하여야|해야|하셔야|하여\s*주시기|해\s*주시기|하시기|필수)""", regex.X)
# The same ask naming one document of a kind, then the kind (`서류평가 통과자를 대상으로
# ‘창업기업확인서’ 등 … 관련 증빙서류 제출 요청 예정`, `‘창업기업확인서*’등 요건검토를 위한 서류를
# 요청할 예정`).
QUOTED_KIND_REQUEST = regex.compile(rf"""
    (?P<names>{QUOTE}(?:\s*(?:와|과|및|,|，)?\s*{QUOTE}){{0,4}})
    \s*등\s*[^.\n‘'“\"「『]{{0,40}}?(?:서\s*류|자\s*료)\s*(?:을|를)?\s*
    (?:제출\s*(?:을\s*)?요청|요청\s*(?:할|예정|함|하여)|제출\s*받)""", regex.X)
QUOTED_NAME = regex.compile(r"[‘'“\"「『]\s*(?P<name>[^’'”\"」』\n]{2,40}?)\s*[’'”\"」』]")
# What a request is about when it is no document requirement: reports during or after the
# project (`사업 종료 후 ‘최종보고서’를 제출하여야`).
AFTER_PROJECT = regex.compile(
    r"(?:사업|과제|협약|연구)\s*(?:기간\s*)?(?:종료|완료)|중간\s*보고|최종\s*보고|결과\s*보고|정산|매년|분기|연차\s*(?:평가|보고)")
# When a quoted request is due: after selection or at the agreement, after the first
# screening, or with the application.
AGREEMENT_CUE = regex.compile(r"협약|선정\s*(?:통보|후|이후|된|시)|최종\s*선정")
PLAN_CUE = regex.compile(r"서류\s*(?:심사|평가)\s*(?:이후|통과|후)|대면\s*평가|발표\s*평가")


# A later stage's document named by where to hand it in or that it must be issued first (`*
# 창업기업확인서 발급이 필요한 기업은 … 사전준비 필요, 창업기업확인서 제출처 등 자세한 사항은
# 서류평가 통과자 대상 별도 안내예정`): one word ending like a certificate, on a line naming the
# stage.
NAMED_ASK = regex.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{2,20}(?:확인서|증명서|증명원|확약서|동의서|신청서|계획서|등본|초본))"
    r"\s*(?:발급이?\s*필요|제출\s*처)")


NON_EMPTY_LINE = regex.compile(r"[^\n]+")


def named_asks(text: str) -> list[tuple[str, str, int, int]]:
    """`(name, stage, start, end)` of each document a line of `text` names by where it is
    handed in or that it must be issued, when the line says at which later stage."""
    out: list[tuple[str, str, int, int]] = []
    if not NAMED_ASK.search(text):
        return out  # a name a line holds the whole text holds (most blocks: none)
    for line in NON_EMPTY_LINE.finditer(text):
        stage = ("plan_submission" if PLAN_CUE.search(line[0]) else
                 "agreement" if AGREEMENT_CUE.search(line[0]) else None)
        if stage is None:
            continue
        for m in NAMED_ASK.finditer(line[0]):
            out.append((m["name"], stage, line.start() + m.start("name"), line.start() + m.end("name")))
    return out


def quoted_requests(text: str) -> list[tuple[str, str, int, int]]:
    """`(name, stage, start, end)` of each document a sentence of `text` asks for by its
    quoted name."""
    out: list[tuple[str, str, int, int]] = []
    for m in [*QUOTED_REQUEST.finditer(text), *QUOTED_KIND_REQUEST.finditer(text)]:
        lead = text[max(text.rfind("\n", 0, m.start()), text.rfind(".", 0, m.start())) + 1:m.start()]
        if AFTER_PROJECT.search(lead):
            continue
        stage = ("agreement" if AGREEMENT_CUE.search(lead) else
                 "plan_submission" if PLAN_CUE.search(lead) else "application")
        for q in QUOTED_NAME.finditer(m.group("names")):
            name = _strip_name(FORM_REF.sub(" ", PAREN.sub(
                lambda p: "" if FORM.search(p.group(0)) else p.group(0), q.group("name"))))
            if DOC_NOUN.search(_strip_name(PAREN.sub("", name))) and not GENERIC_DOC.match(name):
                out.append((name, stage, m.start("names") + q.start(), m.start("names") + q.end()))
    return out


# Words that name no one document: `서류`, `제출서류`, `관련 증빙서류`, `7번 서류`.
GENERIC_DOC = regex.compile(
    r"^(?:\d+\s*번\s*|관련\s*|해당\s*|기타\s*|필요\s*|추가\s*|제출\s*|증빙\s*|구비\s*|신청\s*)*(?:서\s*류|자\s*료|증빙|사본)(?:\s*일체)?$")


def _read_entries(col: Collector, entries: list[Entry], *, strict: bool) -> None:
    """The documents of a list's entries, each qualified by the notes printed under it
    (`*국‧공립 연구소가 주관연구기관일 경우에 한함`)."""
    doc = col.doc
    for n, e in enumerate(entries):
        block = doc.blocks[e.block]
        if block.table is not None:
            col.tables.add(id(block.table))
        col.region(e.start, e.end, strict=strict)
        stop = entries[n + 1].block if n + 1 < len(entries) else e.block + 1
        for k in range(e.block + 1, stop):
            b = doc.blocks[k]
            if b.table is None and is_note(doc.text[b.start:b.end]):
                col.note(b.start, b.end)


def _box_title_end(doc: Document, j: int, hi: int, tables: set[int]) -> int | None:
    """Where the list under an appendix title naming the family opens, when block `j` is that
    title: a one-row table `붙임 2 | 제출서류 목록`, or a line `붙임 2` alone with the title on
    the next line; None otherwise."""
    block = doc.blocks[j]
    if block.table is not None:
        table = block.table
        if table.n_rows != 1 or id(table) in tables:
            return None
        cells = [c for c in table.cells if c.text.strip()]
        if len(cells) != 2 or not BOX_LABEL.match(cells[0].text) or "\n" in cells[1].text.strip():
            return None
        title = cells[1].text.strip()
        at = j + 1
    else:
        if block.kind not in ("paragraph", "heading", "caption") or j + 2 >= hi or not BOX_LABEL.match(
                doc.text[block.start:block.end]):
            return None
        nxt = doc.blocks[j + 1]
        if nxt.table is not None or nxt.kind not in ("paragraph", "caption", "heading"):
            return None
        title = doc.text[nxt.start:nxt.end].strip()
        at = j + 2
    if "\n" in title or len(title) > TITLE_MAX or title_match(title, DOCS_CAPTION, listing=True) is None:
        return None
    return at if at < hi else None


def _collect(scope: Scope) -> list[Found]:
    outline = outline_of(scope)
    doc = outline.doc
    col = Collector(outline)
    covered: list[tuple[int, int]] = []
    for carrier in outline.carriers["documents"]:
        section = carrier.section
        r = outline.block_range(section)
        covered.append((section.start, section.end))
        first = r.start + 1
        if carrier.content is not None:
            text = doc.text[slice(*carrier.content)]
            circled = len(compiled(rf"[{CIRCLED}]").findall(text)) >= 2
            if circled or not SUMMARY.search(text.split("\n")[0]):
                col.region(*carrier.content, strict=not circled)
            while first < r.stop and doc.blocks[first].end <= carrier.content[1]:
                first += 1
        col.blocks(first, r.stop)
    # A caption naming the family right over a table (`○ 신청서류 목록`, `<제출 서류 목록(양식
    # 붙임2 참고)>`), outside every carrier: the table is the list.
    for j in range(outline.lo, outline.hi - 1):
        block, nxt = doc.blocks[j], doc.blocks[j + 1]
        if block.table is not None and caption_rows(block.table, LIST_TABLE):
            first = next(c for c in block.table.cells if c.row == 0 and c.text.strip())
            if DOCS_CAPTION.search(first.text) and id(block.table) not in col.tables:
                col.table(block.table)
                covered.append((block.start, block.end))
        if nxt.table is None or id(nxt.table) in col.tables:
            continue
        text = doc.text[block.start:block.end]
        if "\n" in text.strip() or not (block.kind == "caption" or CAPTION.match(text)):
            continue
        if DOCS_CAPTION.search(text[skip_markers(text):]):
            col.table(nxt.table)
            covered.append((nxt.start, nxt.end))
    # A form's title table labelled as a numbered submission (`제출서류 1 | 2025 울주문화배달·일터로
    # 찾아가는 문화배달 신청서`, `제출서류 2 | 개인정보활용동의서`): the form is a document.
    for j in range(outline.lo, outline.hi):
        table = doc.blocks[j].table
        if table is None or table.n_rows != 1 or id(table) in col.tables:
            continue
        cells = [c for c in table.cells if c.text.strip()]
        if len(cells) == 2 and FORM_LABEL.match(cells[0].text) and "\n" not in cells[1].text.strip():
            col.tables.add(id(table))
            col.region(cells[1].start, cells[1].end, strict=False)
    # A ranked title the outline left a paragraph (`다. 신청 구비서류(협약서류는 과제 선정 시, 별도
    # 안내 예정)`), outside every carrier: its list runs to the next title of its rank or above.
    stand_in = stand_in_headings(doc)  # `다) 신청 구비서류` where `가)` numbers the headings
    for j in range(outline.lo, outline.hi):
        block = doc.blocks[j]
        text = doc.text[block.start:block.end]
        rank = marker_rank(text, stand_in)
        if block.kind != "paragraph" or rank is None or "\n" in text.strip() or any(
                lo <= block.start < hi for lo, hi in covered):
            continue
        title = text[skip_markers(text):].strip()
        hit = title_match(title, DOCS_CAPTION, listing=True)
        if hit is None:
            continue
        if hit >= 0:  # `5. 제출서류: 제안서 1부, 기타 참고자료`: the list on the title's line
            start = block.start + text.index(title) + hit
            col.region(start, block.start + len(text.rstrip()), strict=True)
            covered.append((block.start, block.end))
        k = j + 1
        while k < outline.hi:
            nxt = doc.blocks[k]
            r = marker_rank(doc.text[nxt.start:nxt.end], stand_in)
            if (r is not None and r <= rank) or (nxt.table is not None and table_title(doc, nxt)):
                break
            k += 1
        if k > j + 1:
            col.blocks(j + 1, k)
            covered.append((block.start, doc.blocks[k - 1].end))
    # An appendix's title box, a one-row table of its label and its title (`붙임 2 | 제출서류 목록`,
    # the way HWP/HWPX print `붙임 1 | 지정공모과제 제안요구서(RFP)`), or the two lines a PDF's text
    # prints for it (`붙임 1` / `일반자유과제 연구개발계획서 서식`), over a list: the list's entries
    # are the documents, as under `[붙임 2] 제출서류 목록`.
    for j in range(outline.lo, outline.hi - 1):
        if any(lo <= doc.blocks[j].start < hi for lo, hi in covered):
            continue
        at = _box_title_end(doc, j, outline.hi, col.tables)
        if at is None:
            continue
        table = doc.blocks[j].table
        entries = list_entries(doc, at, outline.hi)
        if len(entries) >= 2:
            if table is not None:
                col.tables.add(id(table))
            _read_entries(col, entries, strict=True)
            covered.append((doc.blocks[j].start, doc.blocks[entries[-1].block].end))
            continue
        # a list under group captions (`<필수사항>` / `① …` / `<선택사항(해당 시 제출)>` / `② …`), with
        # sub-lines and notes, or in the body's box marker (`□ 연구개발계획서 1부`), which the
        # outline reads as headings: the run of its items
        k, items = at, 0
        box = doc.text[doc.blocks[k].start:doc.blocks[k].end].lstrip()[:1]
        while k < outline.hi and doc.blocks[k].table is None:
            line = doc.text[doc.blocks[k].start:doc.blocks[k].end].strip()
            if doc.blocks[k].kind == "list_item" or (box in BOX_MARKS and line[:1] == box):
                items += not is_note(line)
            elif not (GROUP_CAPTION.match(line) or is_note(line) or line[:1] in "-–"):
                break
            k += 1
        if items >= 2:
            if table is not None:
                col.tables.add(id(table))
            col.blocks(at, k)
            covered.append((doc.blocks[j].start, doc.blocks[k - 1].end))
    # A tagged title over a numbered list (`<별첨 서식> 공통 제출자료` / `1) 신청 자격의 적정성
    # 확인서` … `7) … 가점적용 신청서`, often where the forms begin; `[붙임 2] 제출서류 목록`):
    # each entry of the run is a document.
    for j in range(outline.lo, outline.hi):
        block = doc.blocks[j]
        if block.kind not in ("paragraph", "caption") or any(
                lo <= block.start < hi for lo, hi in covered):
            continue
        line = doc.text[block.start:block.end]
        tagged = TAGGED_TITLE.match(line) or BRACKETED_TITLE.match(line)
        if tagged is None or title_match(tagged.group("title").strip(), DOCS_CAPTION,
                                         listing=True) is None:
            continue
        entries = list_entries(doc, j + 1, outline.hi)
        if len(entries) >= 2:
            _read_entries(col, entries, strict=True)
            covered.append((block.start, doc.blocks[entries[-1].block].end))
    # The untitled numbered list of a plan form's 별첨 forms (`1)특허,논문,제품(시장)분석보고서(별첨
    # 1)` … `5)기업참여의사 확인서 (별첨 5)`), each entry naming its 별첨 in order, where the body's
    # documents take the plan with its 별첨s (`연구개발계획서 :붙임 2서식(별첨된 서류 포함)`).
    if ANNEX_INCLUDED.search(doc.text, 0, forms_start(doc)):
        for j in range(outline.lo, outline.hi):
            block = doc.blocks[j]
            text = doc.text[block.start:block.end]
            if block.kind not in ("paragraph", "list_item", "heading") or any(
                    lo <= block.start < hi for lo, hi in covered):
                continue
            first = ANNEX_REF.search(text)
            if first is None or int(first["k"]) != 1 or entry_ordinal(text) is None:
                continue
            entries = list_entries(doc, j, outline.hi)
            refs = [ANNEX_REF.search(doc.text, e.start, e.end) for e in entries]
            if len(entries) >= 2 and all(m is not None and int(m["k"]) == n
                                         for n, m in enumerate(refs, 1)):
                _read_entries(col, entries, strict=False)
                covered.append((block.start, doc.blocks[entries[-1].block].end))
    # Flattened tables with a documents heading line, outside every carrier.
    for j in range(outline.lo, outline.hi):
        block = doc.blocks[j]
        if block.kind != "paragraph" or any(lo <= block.start < hi for lo, hi in covered):
            continue
        if not DOC_HEADER_LINE.match(doc.text[block.start:block.end]):
            continue
        k = j + 1
        while k < outline.hi and (doc.blocks[k].kind == "paragraph" or (
                doc.blocks[k].kind == "list_item"
                and is_note(doc.text[doc.blocks[k].start:doc.blocks[k].end]))):
            k += 1
        col.blocks(j + 1, k)
        covered.append((block.start, doc.blocks[k - 1].end))
    # An application step naming its documents in an aside with their number of copies
    # (`○ 방문 또는 이메일 접수(신청서, 개인정보 수집·이용 동의서, 주민등록초본 각 1부)`).
    for j in range(outline.lo, outline.hi):
        block = doc.blocks[j]
        if block.kind not in ("paragraph", "list_item") or any(
                lo <= block.start < hi for lo, hi in covered):
            continue
        text = doc.text[block.start:block.end]
        said = SAID_LIST.match(text, skip_markers(text))
        if said and not any(COPIES.match(_strip_name(QUANTITY.sub(" ", part)))
                            for part in compiled(r"[,，]").split(said["list"])):
            # `○ 제출서류는 사업신청서, 사업계획서, 사업자등록증 사본 각 1부임`; not how many
            # copies of them (`제출서류는 원본 1부, 사본 2부를 제출`)
            col.region(block.start + said.start("list"), block.start + said.end("list"), strict=True)
            continue
        if not STEP_WORD.search(text):
            continue
        for m in STEP_ASIDE.finditer(text):
            inner = m.group("inner")
            names = [_strip_name(p) for p in _split_top_commas(QUANTITY.sub(" ", inner))]
            if len(names) >= 2 and all(DOC_NOUN.search(n) for n in names):
                col.region(block.start + m.start("inner"), block.start + m.end("inner"), strict=True)
    # A key/value table (`접수기간 | …`, `제출서류 | - 사업신청서 1부 / - 사업계획서 1부`, a 신청방법
    # box), outside every carrier: the cell right of the documents label lists them.
    for j in range(outline.lo, outline.hi):
        table = doc.blocks[j].table
        if table is None or id(table) in col.tables:
            continue
        for row in table.grid():
            cells = distinct_cells(row)
            for k, c in enumerate(cells[:-1]):
                if c is None or not KEY_LABEL.match(c.text) or k > 1:
                    continue
                value = cells[k + 1]
                if value is None or not value.text.strip():
                    continue
                col.tables.add(id(table))
                col.key_value(value)
    # Documents a sentence of the body asks for by their quoted names (not in an appendix or
    # the forms, which quote what applicants write).
    forms = forms_start(doc)
    for j in range(outline.lo, outline.hi):
        block = doc.blocks[j]
        if (block.kind not in ("paragraph", "list_item", "heading", "table")
                or block.start >= forms or section_in_appendix(doc, block.section)):
            continue
        text = doc.text[block.start:block.end]
        for name, stage, a, b in quoted_requests(text) + named_asks(text):
            col.found.append(Found(DocLine(name=name, stage=stage),
                                   [(block.start + a, block.start + b)]))
    return col.found


TITLE_MAX = 30  # characters of a heading's title; longer is a sentence
# when in a later procedure a line's documents are due (`정산 서류 제출 시,`, `지급 신청 시`)
LATER_WHEN = regex.compile(r"[^\n,.:：()（）]{0,15}?\s*시(?=[\s,]|$)")


def _later_procedure_at(doc: Document, pos: int, scope_start: int) -> bool:
    """Whether `pos` lies in a section whose title, or an ancestor's, names a procedure after
    the application (`□ 상품권 환전 안내` / `- 구비서류: 환전청구서, 신분증`, `○ 정산 시 제출서류`):
    what it lists is that procedure's, not the application's documents."""
    line_start = doc.text.rfind("\n", 0, pos) + 1
    line = doc.text[line_start:doc.text.find("\n", pos) % (len(doc.text) + 1)]
    line = line[skip_markers(line):]
    m = LATER_PROCEDURE.match(line)
    if m and LATER_WHEN.match(line, m.end()):
        return True  # `○ 정산 서류 제출 시, 각 사업비 사용 내용에 맞는 관련 증빙 서류 제출 필수`
    starts = doc.memo("outline.block_starts", lambda: [b.start for b in doc.blocks])
    k = bisect_right(starts, pos) - 1
    if k < 0:
        return False
    for i in doc.blocks[k].section_path:
        if doc.sections[i].start <= scope_start:
            continue  # the program's own heading (`스마트공장 사후관리`): what is applied for
        title = doc.sections[i].title.split("\n", 1)[0]
        title = title[skip_markers(title):].strip()
        if len(title) <= TITLE_MAX and later_procedure(title):
            return True  # a title, not a sentence on settling (`○ 사업비 정산은 … 회계법인을 통해 정산하며, …`)
    # an unmarked title line over the items (`상품권 환전 안내` / `- 환전신청: …` / `- 구비서류: …`,
    # a web page's heading printed bare): the run of items back to it
    while k > 0 and doc.blocks[k].kind == "list_item":
        k -= 1
    block = doc.blocks[k]
    line = doc.text[block.start:block.end].strip()
    return (block.kind == "paragraph" and "\n" not in line and len(line) <= TITLE_MAX
            and later_procedure(line))


def _core(name: str) -> str:
    """A document's name without numbering, parentheticals and issuer words, for spotting
    the same document listed twice (a 목록 table, then `① 온라인 제출 최종확인서(…) 1부`)."""
    name = compiled(r"^[^\p{Hangul}\p{L}]*\d*\s*").sub("", PAREN.sub("", name))
    return norm_key(compiled(r"^(?:전\s*기관|[가-힣]{2,}부)\s+").sub("", name))


def _repeats(core: str, seen: list[str]) -> bool:
    return any(core == o or (len(core) >= 4 and len(o) >= 4 and (core in o or o in core)
                             and min(len(core), len(o)) >= 0.7 * max(len(core), len(o)))
               for o in seen)


def _group_parts(name: str) -> list[str]:
    """The cores of a group entry's parts (`가점적용 신청서, 민간 투자계약서, 투자의향서 및
    투자협약서 등`); [] for a single document."""
    bare = _strip_name(PAREN.sub("", name))
    if not GROUP_END.search(bare):
        return []
    return [_core(p) for p in GROUP_PARTS.split(GROUP_END.sub("", bare)) if p.strip()]


def _in_group(core: str, parts: list[str]) -> bool:
    """A part of a group entry again, behind the program's words (`농림축산식품연구개발사업
    가점적용 신청서` after the group's `가점적용 신청서`)."""
    return any(len(p) >= 6 and core.endswith(p) for p in parts)


def _summary(name: str, found: list[Found]) -> bool:
    """A group entry (`사업계획서 및 사업자 등록증명원 등`) restating documents the scope lists
    one by one: a summary, not a document."""
    if not GROUP_END.search(name):
        return False
    parts = [_core(p) for p in GROUP_PARTS.split(GROUP_END.sub("", name)) if p.strip()]
    others = [_core(f.line.name) for f in found if f.line.name != name]
    return any(_repeats(p, others) for p in parts)


def extract_documents(scope: Scope) -> list[DocumentReq]:
    out: list[DocumentReq] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    cores: dict[str, list[str]] = {}  # per stage: one document due twice (신청 시, 협약 시) is two
    parts: dict[str, list[str]] = {}  # per stage: the parts of group entries
    found = [f for f in _collect(scope) if not _later_procedure_at(scope.doc, f.spans[0][0], scope.start)]
    for f in found:
        if _summary(f.line.name, found):
            continue
        d = f.line
        key = (norm_key(d.name), tuple(d.submitters))
        if not key[0] or key in seen:
            continue
        seen.add(key)
        core = _core(d.name)
        if _repeats(core, cores.setdefault(d.stage, [])) or _in_group(core, parts.setdefault(d.stage, [])):
            continue
        cores[d.stage].append(core)
        parts[d.stage].extend(_group_parts(d.name))
        evidence: list[Evidence] = [scope.evidence(s, e) for s, e in dict.fromkeys(f.spans)]
        out.append(DocumentReq(name=d.name, submitters=d.submitters, required=d.required,
                               validity_months=d.validity_months, condition=d.condition,
                               stage=d.stage, evidence=evidence))  # type: ignore[arg-type]
    return out
