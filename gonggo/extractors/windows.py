"""Application periods (신청기간, 접수기간, 모집기간) → `Window`s.

Where a period is read from, by rule:

- **labelled item**: an item whose label is a period word, `◦ (신청기간) 2026. 4. 8.(수) ~ …`,
  `- 접수기간 : …`, or any item under a heading that is one (`□ 신청기간 및 방법`), unless the
  item carries a label of another facet (`(신청방법)`, `(제출서류)`, `(선정발표)`);
- **inline label** anywhere else: `… 접수기간 : 2026.2.11.(수) 10:00 ~ …` (the rest of the line);
- **table**: a column headed by a period word (rows are rounds or tracks, `1차 | 2021. 1. 22 ~`),
  a cell holding a period word with the period beside it, any table inside a period section;
- **per-track mode table**: a column `접수형태`/`모집형태` whose rows are tracks
  (`AS지원 | 정기모집 (신청기간)`, `긴급AS | 수시모집 (예산 소진시까지)`) names the tracks a
  window applies to.

Inside one period text, each date range is one window; what precedes it names it (`1차 -`,
`(AS지원, 2차)`), `수시`/`상시` make it rolling and `예산 소진시까지` until_budget_exhausted.
A label naming a track (not a round, not an applicant role) goes to `tracks`. A program
section of a master announcement that states no period of its own takes the periods of its
row in the overview table (`사업명 | … | 모집기간`: `(1차) 1.22~2.25 (2차) 4.1~4.30`). When a scope
recruits several applicant groups under sub-headings (`기획기관 모집`, `클러스터 모집`), an
unlabelled window is labelled with the sub-heading it sits under. Dates elsewhere (the
announcement date, the posting period `공고 기간`, 협약기간, 교육) are never read.

Stages (contract v2): a period row or column naming the institution's approval
(`주관연구기관 검토·승인 기간`, its value cell often merged with the applicants' row) gives an
`institution_approval` window; a line labelled with an evaluation (`○ 대면평가(발표평가) :
2025. 2. 27.(목) ~ 28.(금) 예정`, `⦁심사기간: …`) an `evaluation` window; every other window
is `application`. A lone date with its hour in a period text is a deadline (opens null).

**Schedules** (`□ 추진일정`, `2 사업 추진절차`): a flow chart or a row of steps printed as
step names with their dates below (`서류심사` / `3. 3. ~ 3. 10.` / `▼`, or the names of a row
and then its dates). Each step's name gives its stage by `STEP_STAGES` (협약 → agreement,
계획서 제출 → plan_submission, 심사·평가·심의 → evaluation, 접수·신청 → application, another
제출 or a 컨설팅 → other); steps applicants do not act in (공고, 결과 발표, 보고서, 정산,
운영) give none. A submission's lone date closes it. A note in the schedule
(`※ 해당자는 5. 16.(금)까지 PT 발표자료를 제출해야함`) gives a deadline where its clause
submits something. A step repeating a window read elsewhere (the same stage and days, or any
application step once an application window is known) adds nothing.

`corpus_value(text)`: the windows in one phrase, resolved against 2026-04-08, as
`{"opens", "closes", "rolling", "until_budget_exhausted"}`; a phrase whose first line is a
schedule title is read as a schedule (each window with its `stage`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

import regex

from gonggo.reading.items import (
    BUDGET,
    PERIOD_WORD,
    ROLLING,
    Item,
    classify,
    context_of,
    in_appendix,
    items,
)
from gonggo.reading.scope import Scope
from gonggo.reading.tables import split_line, text_lines
from gonggo.schemas.announcement import Evidence, Window
from gonggo.schemas.document import Cell, Table
from gonggo.vocab.dates import CORPUS_REFERENCE, DateMention, find_ranges
from gonggo.vocab.text import ARROWS, LEAD, compiled, norm_key, strip_marker

# Window vocabulary beyond the shared labels (gonggo.reading.items)
PERIOD_NOUN = regex.compile(r"기간|일시|기한|일정|마감")
MODE_WORD = regex.compile(r"(?:접수|모집|신청)\s*(?:형태|방식|구분|유형)")
ROUND = regex.compile(r"(?:제\s*)?\d{1,2}\s*차(?:\s*(?:모집|공모|접수))?")
# applicant roles, not tracks: `(기획기관)`, `(참여기업)`; nor ways of applying: `(정기모집)`
NOT_TRACK = regex.compile(r"모집|접수|신청")
ROLE = regex.compile(r"(?:기관|기업|단체|센터|협회|대학|컨소시엄|클러스터|업체|사업자|자)$")
DEADLINE_WORD = regex.compile(r"마감|기한")
INLINE_PERIOD = regex.compile(
    r"(?:신청|접수|모집|공모)\s*(?:[·ㆍ‧]\s*접수\s*)?(?:기간|기한|마감\s*일시?|일정)"
    r"\s*(?:은|는|[:：]|[)）])?"
)
SUBPROGRAM = regex.compile(rf"^{LEAD}(?P<name>[\p{{L}}\p{{N}}][^\n]{{0,15}}?)\s*(?:모집|공모)\s*$")
SEGMENT_BREAK = regex.compile(r"\n|[,;]|[(（]")
# The stage a period label names: `주관연구기관 검토·승인 기간` closes the institution's approval.
APPROVAL = regex.compile(r"승인")
# The period an announcement is posted (`사업 공고 기간`) is no period applicants act in.
POSTING = regex.compile(r"공고\s*(?:기간|게시)|게시\s*기간")
# A column of when each program's call runs, in a schedule of many programs (`공고(예정) 시기`
# in 추진일정 통합공고): a printed range (`2025.02.01.~2025.03.31`) is that call's period, read
# as its applications; a month, a half year or one date (the call's day) is no window.
CALL_TIME = regex.compile(r"^공고(?:[(（]예정[)）]|예정)?시기$")  # not `공고 일정`, `공고 기간` (posting)
# A recurring date (`매년 1월 1일 시작`) is no window.
RECURRING = regex.compile(r"매\s*년")
# A labelled evaluation date: `○ 대면평가(발표평가) : 2025. 2. 27.(목) ~ 28.(금) 예정`,
# `⦁심사기간: 2026. 3. 3.(화) ~ 3. 10.(화)`, one round of several (`○ (2차) 대면평가(발표평가) :
# 2026. 2 ~ 3월 예정`, `- 1차 서면평가 : …`, pipc_privacy_rnd_2026); not `평가결과 발표 :` nor `평가방법 :`.
EVALUATION_LABEL = regex.compile(
    r"""^(?:[^\p{L}\p{N}(（]|[ㅇo](?=\s))*   # the marks before it (vocab.text.LEAD, not a bracket)
    (?P<label>(?:[(（]\s*(?:제\s*)?\d{1,2}\s*차\s*[)）]\s*|(?:제\s*)?\d{1,2}\s*차\s+)?   # the round
    [가-힣]{0,6}(?:평가|심사)(?:\s*[(（][^)）\n]{1,12}[)）])?\s*(?:기간|일정|일시)?)
    \s*[:：]""",
    regex.VERBOSE,
)
# Schedules: `□ 추진일정`, `2 사업 추진절차`, `4 추진 일정`, `7. 향후 일정`
SCHEDULE_TITLE = regex.compile(
    rf"^{LEAD}(?:\d{{1,2}}\.?\s*)?(?:[가-힣]{{1,4}}\s*)?(?:추진|세부|전체|주요|향후|사업)\s*(?:일정|절차)"
    r"\s*(?:[(（][^)）\n]{0,12}[)）])?\s*$"
)
# A step's stage, first match wins; None: a step applicants do not act in.
STEP_STAGES: list[tuple[str | None, regex.Pattern[str]]] = [
    (None, regex.compile(r"공고|결과|통보|보고서|정산|공유회|운영|종료|지급|모니터링|점검|협약\s*기간"
                         r"|(?:중간|최종|성과|연차|단계)\s*평가|사후")),
    ("plan_submission", regex.compile(r"계획서\s*(?:제출|접수)")),
    ("agreement", regex.compile(r"협약")),
    ("evaluation", regex.compile(r"심사|평가|심의")),
    ("application", regex.compile(r"접수|신청|모집")),
    ("other", regex.compile(r"제출|컨설팅")),
]
# A submission's lone date is its deadline (`1차 실행계획서 제출 | 3. 31.(화)`).
DEADLINE_STAGES = ("plan_submission", "other")
# Lines between steps: `▼`, `⇩`, a glyph of the private use area drawn as an arrow
STEP_BREAK = regex.compile(r"^[\s▼▽↓⇩⬇\p{Co}]*[▼▽↓⇩⬇\p{Co}][\s▼▽↓⇩⬇\p{Co}]*$")
# Cells that are no step: arrows across (`▶ ▶`), a dash, a page number `- 3 -`
NOT_A_STEP = regex.compile(rf"^[\s\-–—{ARROWS}>·ㆍ\p{{Co}}]*(?:\d{{1,3}}[\s\-–—]*)?$")
# A cell holding a step's dates: it opens with one (`3. 3. ~ 3. 10.`, `~ 4. 30.(목)`, `’26. 3월`)
# or a time (`18:00까지`, `오후 6시까지`); not `50% 선지급`
VALUE_CELL = regex.compile(
    r"^\s*[~∼～〜]?\s*['’‘]?\d{1,4}\s*[.．/년월]|^\s*(?:(?:오전|오후|AM|PM)\s*)?\d{1,2}\s*(?::\s*\d{2}|시)")
NOTE_LINE = regex.compile(r"^\s*(?:※|\*)")
# A labelled line (`- 결과발표: 2026. 10월 중 (…)`): a label and its value, not a step's name; nor
# a sentence (`- 선정 통보일로부터 15영업일 이내 수행계획서 제출 및 사업에 착수`): a step is named
# in a few words (`심의위원회 (PT 발표)`, `사업계획서 제출 및 보완`)
MAX_STEP = 30
LABELLED_CELL = regex.compile(r"^[^:：\d]{1,20}[:：]\s*\S")
# A note's deadline submits something: `해당자는 5. 16.(금)까지 PT 발표자료를 제출해야함`
NOTE_CLAUSE_END = regex.compile(r"[,.;]|며\s|고\s|\n")
SUBMITS = regex.compile(r"제출")

# A period label that names no application (no 신청·접수·모집 word, see `classify`) is the
# period of something else when a word precedes its period noun: `o 제기기간 : 2026년 1월 2일(금)
# ~ 2026년 2월 10일(화) 오후 3시` (objections to the RFPs, msit), `가. 질의기간: 2023. 7. 13.(목) ~
# 7. 18.(화) 18:00까지` (questions, an RFP). A bare `기간 :`, `일 시 :` or a round's (`1차 기간`) is
# the text's own period.
OWN_PERIOD_STEM = regex.compile(r"^[^\p{L}\p{N}]*(?:(?:제\s*)?\d{1,2}\s*차|최종|추가)?[^\p{L}\p{N}]*$")
LABEL_BEFORE = regex.compile(
    r"(?:[(（]\s*(?P<p>[^()（）\n]{1,25}?)\s*[)）]|(?P<r>(?:제\s*)?\d{1,2}\s*차)\s*[-–:：)]?"
    r"|(?P<c>[^\n:：()（）]{1,20})\s*[:：])\s*$"
)


# ---------------------------------------------------------------------------------------
# Windows in one text


@dataclass
class Found:
    opens: DateMention | None
    closes: DateMention | None
    rolling: bool
    budget: bool
    label: str | None
    spans: list[tuple[int, int]]  # offsets in the text read


def _value(m: DateMention | None) -> date | None:
    """A window's date: a `date` or `datetime`; a bare time of day is no date."""
    if m is None or not m.valid or not isinstance(m.value, date):
        return None
    return m.value


def _segments(text: str, starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """Each range's share of the text: from the break after the previous range to the break
    after it (the first of a newline, `,`, `;` or `(` in the gap to the next range)."""
    bounds = [0]
    for i in range(len(starts) - 1):
        gap = text[ends[i]:starts[i + 1]]
        nl = gap.find("\n")
        m = SEGMENT_BREAK.search(gap)
        cut = nl if nl >= 0 else (m.start() if m else len(gap))
        bounds.append(ends[i] + cut)
    bounds.append(len(text))
    return [(bounds[i], bounds[i + 1]) for i in range(len(starts))]


def _flags(text: str, lo: int, hi: int) -> tuple[bool, bool, list[tuple[int, int]]]:
    spans = []
    rolling = budget = False
    for m in ROLLING.finditer(text, lo, hi):
        rolling = True
        spans.append((m.start(), m.end()))
    for m in BUDGET.finditer(text, lo, hi):
        budget = True
        spans.append((m.start(), m.end()))
    return rolling, budget, spans


@dataclass
class Before:
    """What is printed right before a range."""

    label: str | None = None  # a name for the window: `1차`, `AS지원, 2차`
    elsewhere: bool = False  # another facet's label (`(선정발표)`, `협약기간 :`): no window
    deadline: bool = False  # `(접수마감)`: a lone date closes


def _label_before(text: str, lo: int, hi: int) -> Before:
    m = LABEL_BEFORE.search(text[lo:hi])
    if not m:
        return Before()
    label = (m["p"] or m["r"] or m["c"] or "").strip()
    if not label:
        return Before()
    bare = compiled(r"\s+").sub("", label)
    facets = classify(label, False)
    if "other" in facets or POSTING.search(label):
        return Before(elsewhere=True)
    deadline = bool(DEADLINE_WORD.search(bare))
    noun = PERIOD_NOUN.search(bare)
    if noun and not facets and not OWN_PERIOD_STEM.match(bare[:noun.start()]):
        return Before(elsewhere=True)  # `제기기간 :`, `질의기간:`: the period of something else
    if facets or noun:  # `신청기간 :`, `기간 :`, `일 시 :` name no window
        return Before(deadline=deadline)
    return Before(label=label, deadline=deadline)


# What a range's dates bound when it is no time to apply: a founding or birth (`신청가능 업력 :
# 2019.03.04. ~ 2026.03.03.`, `해외 법인설립일이(2018.2.20.~2022.2.19.)에 해당`, `(1985. 1. 1. ~
# 2007. 12. 31. 출생자)`), a look back (`최근 3년 이내(’22.2.7.~’25.2.6) 누적 … 투자 유치`), the
# posting of the call (`□ 공고기간 2026. 1. 27.(화) ~ 2. 27.(금)`, no colon for `_label_before`) or the
# project's own period (`*연구기간(예시):(1차년)’18.10.15.∼’19.7.14.`): printed before the range on
# its line (after the last word of applying there) or right after it.
NOT_ACT_LEAD = regex.compile(r"업력|설립|개업|출생|생년|최근\s*\d{1,2}\s*(?:개월|년)|공고\s*기간"
                             r"|(?:연구|사업|협약|수행)\s*(?:개발\s*)?기간")
NOT_ACT_AFTER = regex.compile(r"^[\s.)）]*(?:출생|에\s*(?:설립|창업|개업))")
APPLYING_LEAD = regex.compile(r"접수|모집|공모|응모|신청\s*(?:[·ㆍ‧]\s*접수\s*)?기간")


def _bounds_no_act(text: str, lead_from: int, start: int, end: int) -> bool:
    """The range's dates bound something other than applying (NOT_ACT_LEAD, NOT_ACT_AFTER)."""
    lead = text[lead_from:start]
    last_not = None
    for last_not in NOT_ACT_LEAD.finditer(lead):
        pass
    if last_not is not None:
        applying = [m.start() for m in APPLYING_LEAD.finditer(lead)]
        if not applying or applying[-1] < last_not.start():
            return True
    return bool(NOT_ACT_AFTER.match(text[end:end + 12]))


def _in_parens(text: str, lo: int, at: int) -> bool:
    """Whether `at` lies inside a parenthesis opened on its line (an aside in a sentence)."""
    return text.rfind("(", lo, at) > text.rfind(")", lo, at) or (
        text.rfind("（", lo, at) > text.rfind("）", lo, at))


def windows_in_text(text: str, reference: date | None, flags_alone: bool = True,
                    deadline_label: bool = False, singles: bool = True) -> list[Found]:
    """Every window one period text states: a range each, or one rolling/budget window.

    `flags_alone`: a text with `수시 접수` or `예산 소진시까지` and no date is still a window;
    `singles`: a lone date is a one-day window (a deadline when `deadline_label`)."""
    ranges = [r for r in find_ranges(text, reference) if singles or r.shape != "single"]
    out: list[Found] = []
    if ranges:
        segs = _segments(text, [r.start for r in ranges], [r.end for r in ranges])
        for r, (lo, hi) in zip(ranges, segs, strict=True):
            before = _label_before(text, lo, r.start)
            line_start = text.rfind("\n", 0, r.start) + 1
            if (before.elsewhere or RECURRING.search(text[line_start:r.start])
                    or _bounds_no_act(text, line_start, r.start, r.end)):
                continue
            opens, closes = r.opens, r.closes
            if r.shape == "single":
                # a lone date with its hour in a period text closes it (`2026.1.30.(금) 14:00`)
                deadline = deadline_label or before.deadline or r.opens.has_time
                opens, closes = (None, r.opens) if deadline else (r.opens, r.opens)
            rolling, budget, spans = _flags(text, lo, hi)
            if _value(opens) is None and _value(closes) is None and not (rolling or budget):
                continue
            if (r.shape != "single" and _value(closes) is None and not (rolling or budget)
                    and _in_parens(text, line_start, r.start)):
                continue  # `… 사업공고일 기준 6개월 이전(2025년 7월 2일～)부터 …`: a cut-off date
            out.append(Found(opens, closes, rolling, budget, before.label,
                             [(r.start, r.end), *spans]))
        return out
    if flags_alone:
        rolling, budget, spans = _flags(text, 0, len(text))
        if rolling or budget:
            out.append(Found(None, None, rolling, budget, None, spans))
    return out


def corpus_value(text: str) -> list[dict[str, object]]:
    def iso(m: DateMention | None) -> str | None:
        v = _value(m)
        return None if v is None else v.isoformat()

    def value(f: Found) -> dict[str, object]:
        return {"opens": iso(f.opens), "closes": iso(f.closes), "rolling": f.rolling,
                "until_budget_exhausted": f.budget}

    title, _, body = text.partition("\n")
    if body and SCHEDULE_TITLE.match(title):
        return [{"stage": stage, **value(f)}
                for stage, _, f in schedule_in_text(body, CORPUS_REFERENCE)]
    # a period item's text, read as `_drafts_from_text` reads it
    return [value(f) for f in windows_in_text(text, CORPUS_REFERENCE)
            if not _other_event_line(text, f.spans[0][0]) and not _other_event_after(text, f)]


# ---------------------------------------------------------------------------------------
# Windows in a scope


@dataclass
class Draft:
    found: Found
    offset: int  # where the text read starts in the document
    label: str | None
    tracks: list[str] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)  # document spans
    stage: str = "application"

    @property
    def key(self) -> tuple[object, ...]:
        f = self.found
        return (self.label, _value(f.opens), _value(f.closes), f.rolling, f.budget, self.stage)


def _split_label(label: str | None) -> tuple[str | None, str | None]:
    """`AS지원, 2차` → label `AS지원`, track `AS지원`; `1차` → label `1차`, no track."""
    if not label:
        return None, None
    parts = [p.strip() for p in compiled(r"[,/·ㆍ]").split(label) if p.strip()]
    named = [p for p in parts if not ROUND.fullmatch(p)]
    if not named:
        return parts[0] if parts else None, None
    name = named[0]
    track = None if ROLE.search(name) or NOT_TRACK.search(name) else name
    return name, track


# A line of a period section whose subject is another event than the applications (`※ 선정평가는
# 2.23.(월) ~ 27.(금) 中 1일 예정`, `- 사업설명회 : ’26. 1. 16.`, `○ 협약체결 및 연구 착수 : …`): its
# dates are that event's, not the window's; a line that also names the applications keeps them.
# (`01 1차 서류발표 : 개별 공지 10. 30.(금)`: the results of a screening posted, untuned wwg page)
OTHER_EVENT = regex.compile(r"평가|심사|심의|설명회|협약|착수|발표|선정|통보|공지")
APPLICANTS_ACT = regex.compile(r"접수|신청|모집|공모|제출|마감|등록|응모")


def _other_event_line(text: str, at: int) -> bool:
    lead = text[text.rfind("\n", 0, at) + 1:at]
    return bool(OTHER_EVENT.search(lead)) and not APPLICANTS_ACT.search(lead)


# What a deadline's own clause says is due by then when it is no application (`※ 5. 9.(금)까지
# 신청 자격 적합자에 한해 통보 예정이며, 해당자는 5. 16.(금)까지 PT 발표자료를 제출해야함`, `※ 6. 5.(목)까지
# 모든 선정단체는 단체 증빙 서류를 제출하여야 함`): the organiser's notice, a later stage's material.
LATER_EVENT = regex.compile(rf"{OTHER_EVENT.pattern}|안내")
APPLYING = regex.compile(r"접수|신청서|모집|공모|응모|신청(?!\s*자격)")


def _other_event_after(text: str, found: Found) -> bool:
    """A deadline (`… 까지`) whose clause after it names another event, not the applying."""
    if _value(found.opens) is not None:
        return False
    end = found.spans[0][1]
    brk = NOTE_CLAUSE_END.search(text, end)
    clause = text[end:brk.start() if brk else len(text)]
    return bool(LATER_EVENT.search(clause)) and not APPLYING.search(clause)


def _drafts_from_text(scope: Scope, lo: int, hi: int, item_label: str | None,
                      flags_alone: bool, deadline_label: bool, singles: bool,
                      skip: list[tuple[int, int]]) -> list[Draft]:
    text = scope.doc.text[lo:hi]
    out = []
    for f in windows_in_text(text, scope.announced_on, flags_alone, deadline_label, singles):
        s = lo + f.spans[0][0]
        if any(a <= s < b for a, b in skip) or _other_event_line(text, f.spans[0][0]) or (
                _other_event_after(text, f)):
            continue
        out.append(Draft(f, lo, f.label or item_label))
    return out


@lru_cache(maxsize=8192)  # a pure function of the cell's text, asked per scope and check
def _period_cell(text: str) -> bool:
    """A short cell naming a period: `신청기간`, `연구책임자\n과제신청기간(전산입력)*`."""
    body = compiled(r"[(（][^)）]*[)）]|\*+").sub("", strip_marker(text)).strip()
    return len(body) <= 15 and bool(PERIOD_WORD.search(body)) and not compiled(r"\d").search(body)


@lru_cache(maxsize=8192)
def _approval_cell(text: str) -> bool:
    """`주관연구기관 검토·승인 기간`, `기관 승인 마감`: the institution's approval period."""
    body = strip_marker(text).strip()
    return (len(body) <= 30 and bool(APPROVAL.search(body) and PERIOD_NOUN.search(body))
            and not compiled(r"\d").search(body))


def _distinct(cells: Iterable[Cell | None]) -> list[Cell]:
    out: list[Cell] = []
    for c in cells:
        if c is not None and all(c is not o for o in out):
            out.append(c)
    return out


@dataclass
class Mode:
    """A row of a 접수형태 column: `긴급AS | 수시모집 (예산 소진시까지)`."""

    track: str
    text: str
    start: int  # of the cell in the document


def _table_drafts(scope: Scope, table: Table, in_period: bool
                  ) -> tuple[list[Draft], list[Mode], set[int]]:
    """Windows a table states, the rows of a 접수형태 column, and the ids of the cells read."""
    grid = table.grid()
    if not grid:
        return [], [], set()
    ref = scope.announced_on
    drafts: list[Draft] = []
    modes: list[Mode] = []
    seen: set[int] = set()
    header = grid[0]
    period_cols = [c for c, cell in enumerate(header)
                   if cell and (_period_cell(cell.text) or _approval_cell(cell.text))]
    mode_cols = [c for c, cell in enumerate(header)
                 if cell and MODE_WORD.search(cell.text) and len(cell.text) <= 15]

    def text_of(cell: Cell) -> str:
        return scope.doc.text[cell.start:cell.end]

    def row_label(row: list[Cell | None], value: Cell) -> str | None:
        """The row's first cell names it (`1차`, `AS지원`) unless it is the value itself."""
        first = row[0]
        if first is None or first is value:
            return None
        text = strip_marker(first.text).strip()
        return text if text and len(text) <= 30 and not find_ranges(text, ref) else None

    def read(cell: Cell, label: str | None, flags_alone: bool, stage: str = "application") -> None:
        seen.add(id(cell))
        for f in windows_in_text(text_of(cell), ref, flags_alone):
            drafts.append(Draft(f, cell.start, f.label or label, stage=stage))

    approvals: set[int] = set()

    call_cols = [c for c, cell in enumerate(header)
                 if cell and CALL_TIME.match(compiled(r"\s+").sub("", strip_marker(cell.text)))]
    for row in grid[1:]:
        for c in call_cols:
            cell = row[c]
            if cell is None or id(cell) in seen or cell is header[c]:
                continue
            seen.add(id(cell))
            for f in windows_in_text(text_of(cell), ref, True):
                opens, closes = _value(f.opens), _value(f.closes)
                if opens is not None and closes is not None and opens != closes:
                    drafts.append(Draft(f, cell.start, f.label or compiled(r"\s+").sub(" ", header[c].text)))
    for row in grid[1:]:
        for c in period_cols + mode_cols:
            cell = row[c]
            if cell is None or id(cell) in seen or cell is header[c]:
                continue
            label = row_label(row, cell)
            if label and POSTING.search(label):
                seen.add(id(cell))
                continue
            if c in period_cols or find_ranges(text_of(cell), ref):
                read(cell, label, True, _stage(header[c].text if header[c] else ""))
            elif label:
                seen.add(id(cell))
                modes.append(Mode(label, text_of(cell), cell.start))
    # a period word in a cell with the period beside it: `신청기간 | 2026. 4. 8. ~ 4. 24.`
    for row in grid:
        for c, cell in enumerate(row):
            if cell is None:
                continue
            if _period_cell(cell.text):
                before = len(drafts)
                for right in _distinct(row[c + 1:]):
                    if right is not cell and id(right) not in seen:
                        read(right, None, True)
                _label_flags(drafts, before, cell)
    # any other table inside a period section: a row per round or track; a row naming another
    # step (`평가 | 2025. 6. 2. ~ 6. 5.`, `결과발표 | 4. 10.`) is that step's, not an application round
    if in_period and not period_cols and not drafts:
        for row in grid:
            first = row[0]
            if first is not None and (POSTING.search(first.text) or _approval_cell(first.text)):
                seen.update(id(c) for c in row if c is not None and c is not first)
                continue
            stage = _row_stage(first.text) if first is not None else "application"
            if stage is None:
                seen.update(id(c) for c in row if c is not None and c is not first)
                continue
            for cell in _distinct(row[1:]):
                if cell is not first and id(cell) not in seen:
                    read(cell, row_label(row, cell), False, stage)
    elif in_period and not period_cols:
        # beside a period-word row (`신청·접수 | 2025. 3. 4. ~ 3. 20.`), the rows of the steps after
        # it, printed with their days (`서면평가 | 2025. 3. 25. ~ 3. 28.`, `협약체결 | …`): those steps'
        for row in grid:
            first = row[0]
            stage = _row_stage(first.text) if first is not None else None
            if stage in (None, "application"):
                continue
            for cell in _distinct(row[1:]):
                if cell is not first and id(cell) not in seen:
                    read(cell, row_label(row, cell), False, stage)
    # an approval row (`주관연구기관 검토·승인 기간 | …`), its value cell often merged with the
    # applicants' row above: the same period again, as the institution's approval
    for row in grid[1:] if period_cols else grid:
        for c, cell in enumerate(row):
            if cell is None or id(cell) in approvals or not _approval_cell(cell.text):
                continue
            approvals.add(id(cell))
            for right in _distinct(row[c + 1:]):
                if right is not cell:
                    read(right, None, True, "institution_approval")
                    break
    return drafts, modes, seen


def _row_stage(label: str) -> str | None:
    """The stage a row label of a period table names: a round, a track or an application step
    (`1차`, `AS지원`, `신청·접수`) is the applications'; another step its own (`서면평가` →
    evaluation, `협약체결` → agreement); a step applicants do not act in (`결과발표`) None."""
    body = strip_marker(label).strip()
    if not body or ROUND.fullmatch(body) or APPLICANTS_ACT.search(body):
        return "application"
    if any(rx.search(body) for _, rx in STEP_STAGES):
        return _step_stage(body)
    return "application"


def _label_flags(drafts: list[Draft], before: int, cell: Cell) -> None:
    """`수시 신청기간 | 2025. 3.~ 예산 소진시 까지`: the label's 수시 makes the period beside
    it rolling; the label read alone (as a column's value) is then no window of its own."""
    text = cell.text
    m = ROLLING.search(text)
    new = drafts[before:]
    if m is None or not new:
        return
    for d in new:
        if not d.found.rolling:
            d.found.rolling = True
            d.extra.append((cell.start + m.start(), cell.start + m.end()))
    drafts[:before] = [d for d in drafts[:before] if not (
        d.offset == cell.start and d.found.opens is None and d.found.closes is None)]


def _stage(label: str) -> str:
    """`주관연구기관 검토·승인 기간` → institution_approval; any other period → application."""
    return "institution_approval" if APPROVAL.search(label) else "application"


def _subprogram_marks(scope: Scope) -> list[tuple[int, str]]:
    """Sub-headings `기획기관 모집`, `클러스터 모집` splitting a scope by applicant group."""
    marks = []
    for b in scope.blocks:
        if b.kind != "paragraph" or b.marker is not None:
            continue
        m = SUBPROGRAM.match(scope.text(b).strip())
        if m and len(m["name"].split()) <= 3 and ROLE.search(m["name"]):
            marks.append((b.start, m["name"].strip()))
    return marks if len(marks) >= 2 else []


def _apply_modes(drafts: list[Draft], modes: list[Mode]) -> list[Draft]:
    """Name the tracks of a 접수형태 column on the windows they describe: the window labelled
    with the track, else the unlabelled (or round) windows of the same kind (dated for
    `정기모집 (신청기간)`, rolling for `수시모집`); a rolling track with no window of its own
    gets one from the cell."""
    out = list(drafts)
    for mode in modes:
        rolling, budget, spans = _flags(mode.text, 0, len(mode.text))
        key = norm_key(mode.track)
        named = [d for d in out if d.label and norm_key(d.label) == key]
        for d in named:
            d.tracks = d.tracks or [mode.track]
        if named:
            continue
        same_kind = [d for d in out
                     if not d.tracks and (d.label is None or ROUND.fullmatch(d.label))
                     and (d.found.rolling or d.found.budget) == (rolling or budget)]
        for d in same_kind:
            d.tracks.append(mode.track)
        if not same_kind and (rolling or budget):
            found = Found(None, None, rolling, budget, mode.track, spans)
            out.append(Draft(found, mode.start, mode.track, [mode.track]))
    return out


def _window(scope: Scope, d: Draft) -> Window:
    f = d.found
    spans = [(d.offset + a, d.offset + b) for a, b in f.spans] + d.extra
    evidence: list[Evidence] = []
    for a, b in dict.fromkeys(spans):
        ev = scope.evidence(a, b)
        if ev.quote:
            evidence.append(ev)
    return Window(label=d.label, stage=d.stage, tracks=d.tracks, opens=_value(f.opens),
                  closes=_value(f.closes), rolling=f.rolling,
                  until_budget_exhausted=f.budget, evidence=evidence)


def _finish(drafts: list[Draft]) -> list[Draft]:
    merged: dict[tuple[object, ...], Draft] = {}
    for d in drafts:
        if d.key in merged:
            merged[d.key].extra.extend((d.offset + a, d.offset + b) for a, b in d.found.spans)
        else:
            merged[d.key] = d
    # the same period printed again without its label (a schedule table, a summary line)
    for key, d in list(merged.items()):
        if d.label is None:
            twin = next((o for k, o in merged.items() if o.label is not None and k[1:] == key[1:]),
                        None)
            if twin is not None:
                twin.extra.extend((d.offset + a, d.offset + b) for a, b in d.found.spans)
                del merged[key]
    out = list(merged.values())

    # `2021년 1월 22일(금)부터 차수별 신청·접수` above the rounds it sums up
    def summary(d: Draft) -> bool:
        f = d.found
        return (f.closes is None and not f.rolling and not f.budget and any(
            o is not d and _value(o.found.opens) == _value(f.opens) and o.found.closes is not None
            for o in out))

    return [d for d in out if not summary(d)]


def _overview_drafts(scope: Scope) -> list[Draft]:
    """A master announcement's overview table (`사업명 | … | 모집기간`) outside the program's
    section: the rows whose first cell names this program."""
    if scope.section is None or not scope.name:
        return []
    name = norm_key(compiled(r"\s*[(（][^)）]*[)）]\s*$").sub("", scope.name))
    out: list[Draft] = []
    for b in scope.doc.blocks:
        if b.table is None or scope.start <= b.start < scope.end:
            continue
        grid = b.table.grid()
        if len(grid) < 2:
            continue
        cols = [c for c, cell in enumerate(grid[0]) if cell and _period_cell(cell.text)]
        for row in grid[1:]:
            first = row[0]
            key = norm_key(first.text) if first is not None else ""
            if len(key) < 4 or not (key in name or name in key):
                continue
            for c in cols:
                cell = row[c]
                if cell is None or cell is first:
                    continue
                text = scope.doc.text[cell.start:cell.end]
                out += [Draft(f, cell.start, f.label) for f in windows_in_text(
                    text, scope.announced_on)]
    return out


def _read_items(scope: Scope, chosen: list[Item]) -> tuple[list[Draft], list[Mode]]:
    drafts: list[Draft] = []
    modes: list[Mode] = []
    bare_label = False  # the item before was only a period label (`가. 접수기간`)
    for item in chosen:
        ctx = context_of(scope, item)
        tables = [b for b in item.blocks if b.table is not None]
        skip = [(b.start, b.end) for b in tables]
        in_period = "period" in ctx.facets
        body = strip_marker(scope.doc.text[item.start:item.end]).strip()
        if bare_label and not in_period and (not ctx.own_facets
                                             or compiled(r"['’]?\d").match(body)):
            # its dates printed in the next item, under a marker the outline ranks above it
            drafts += _drafts_from_text(scope, item.start, item.end, None, False, False, True,
                                        skip)
        bare_label = (in_period and "period" in ctx.own_facets and len(body) <= 15
                      and not compiled(r"\d").search(body))
        if in_period:
            own, own_facets = ctx.own, ctx.own_facets
            # the item's own neutral label (`(AS지원, 2차)`, `1차`) or one above it names it
            item_label = ctx.neutral.text if ctx.neutral and not own_facets else None
            deadline = bool(own and DEADLINE_WORD.search(own.text))
            # `수시 접수` with no date is a window only where a label says it is the period
            labelled = own is not None and ("period" in own_facets or not own_facets)
            # the text is read from the item's start: a period label before a date names
            # nothing (`_label_before`)
            drafts += _drafts_from_text(scope, item.start, item.end, item_label, labelled,
                                        deadline, "period" in own_facets, skip)
        else:
            for b in item.blocks:
                if b.table is None:
                    drafts += _inline(scope, b.start, b.end)
        for b in tables:
            table = b.table
            assert table is not None
            found, found_modes, seen = _table_drafts(scope, table, in_period)
            drafts += found
            modes += found_modes
            # a text box (a one-cell table) or a long cell: read it like prose
            for cell in table.cells:
                if id(cell) not in seen:
                    drafts += _inline(scope, cell.start, cell.end)
    return drafts, modes


def _inline(scope: Scope, lo: int, hi: int) -> list[Draft]:
    """`… 접수기간 : 2026. 1.19.(월) ～ 2. 10.(화) 15시까지`: the rest of the line after a
    period label met outside any period item."""
    text = scope.doc.text[lo:hi]
    out: list[Draft] = []
    for m in INLINE_PERIOD.finditer(text):
        line_end = text.find("\n", m.end())
        end = lo + (len(text) if line_end < 0 else line_end)
        out += _drafts_from_text(scope, lo + m.end(), end, None, True,
                                 bool(DEADLINE_WORD.search(m.group(0))), True, [])
    return out


def _evaluation_drafts(scope: Scope, chosen: list[Item]) -> list[Draft]:
    """`○ 대면평가(발표평가) : 2025. 2. 27.(목) ~ 28.(금) 예정`: a labelled line dating the
    evaluation (the label is the window's; a lone date is that one day)."""
    out: list[Draft] = []
    for item in chosen:
        for b in item.blocks:
            if b.table is not None:
                continue
            pos = b.start
            for line in scope.doc.text[b.start:b.end].split("\n"):
                m = EVALUATION_LABEL.match(line)
                if m:
                    lo = pos + m.end()
                    hi = pos + len(line)
                    for f in windows_in_text(scope.doc.text[lo:hi], scope.announced_on, False):
                        out.append(Draft(f, lo, compiled(r"\s+").sub(" ", m["label"]).strip(),
                                         stage="evaluation"))
                pos += len(line) + 1
    return out


# ---------------------------------------------------------------------------------------
# Schedules


def _step_stage(label: str) -> str | None:
    """`착수보고회·협약식` → agreement; `사업 공고`, `결과발표`, `중간보고서 제출` → None."""
    for stage, rx in STEP_STAGES:
        if rx.search(label):
            return stage
    return None


def _has_date(text: str, reference: date | None) -> bool:
    return any(isinstance(_value(m), date) for r in find_ranges(text, reference)
               for m in (r.opens, r.closes))


def _step_found(text: str, lo: int, hi: int, stage: str, reference: date | None
                ) -> list[Found]:
    found = windows_in_text(text[lo:hi], reference, False, stage in DEADLINE_STAGES)
    for f in found:
        f.spans = [(a + lo, b + lo) for a, b in f.spans]
    return found


def _note_steps(text: str, lo: int, hi: int, reference: date | None
                ) -> list[tuple[str, str, Found]]:
    """`※ … 해당자는 5. 16.(금)까지 PT 발표자료를 제출해야함`: a deadline whose clause submits."""
    out = []
    line = text[lo:hi]
    for r in find_ranges(line, reference):
        if r.shape != "deadline" or not isinstance(_value(r.closes), date):
            continue
        brk = NOTE_CLAUSE_END.search(line, r.end)
        clause = line[r.end:brk.start() if brk else len(line)].strip()
        stage = _step_stage(clause)
        if not SUBMITS.search(clause) or stage is None:
            continue
        out.append((stage, clause, Found(None, r.closes, False, False, clause,
                                         [(lo + r.start, lo + r.end)])))
    return out


def schedule_in_text(text: str, reference: date | None) -> list[tuple[str, str, Found]]:
    """The steps of a schedule body as (stage, label, window): step names, then their dates.

    Cells are the tab-separated parts of a line (a table's row reads the same way: `서류심사 |
    3. 3. ~ 3. 10. | -`); a line of down arrows breaks steps. A run of
    name cells followed by a run of date cells pairs them in order when the counts agree (a
    row of names over a row of dates), or the last name with a lone date (a flow chart
    `서류심사` / `3. 3. ~ 3. 10.`); a line of time alone (`18:00까지`) ends the date above it."""
    out: list[tuple[str, str, Found]] = []
    labels: list[tuple[int, int]] = []
    values: list[tuple[int, int]] = []

    def flush() -> None:
        if values and (len(values) == len(labels) or len(values) == 1) and labels:
            pairs = zip(labels[-len(values):], values, strict=True)
            for (a, b), (c, d) in pairs:
                label = compiled(r"\s+").sub(" ", text[a:b]).strip()
                stage = _step_stage(label)
                if stage is not None:
                    out.extend((stage, label, f) for f in _step_found(text, c, d, stage, reference))
        labels.clear()
        values.clear()

    for lo, line in text_lines(text, 0, len(text)):
        if not line.strip():
            continue
        if STEP_BREAK.match(line):
            flush()
            continue
        if NOTE_LINE.match(line):
            flush()
            out += _note_steps(text, lo, lo + len(line), reference)
            continue
        for cell in split_line(line, lo):
            part, a, b = cell.text, cell.start, cell.end
            if not part.strip() or NOT_A_STEP.match(part):
                continue
            if VALUE_CELL.match(part):
                if values and not _has_date(part, reference) and values[-1][1] < a and any(
                        r.closes is not None and r.closes.kind == "time"
                        for r in find_ranges(part, reference)):
                    values[-1] = (values[-1][0], b)  # `18:00까지` under `4. 18. ~ 5. 7.`
                else:
                    values.append((a, b))
            elif _has_date(part, reference) or LABELLED_CELL.match(part) or len(part.strip()) > MAX_STEP:
                flush()  # a name and its date (or any value) in one cell, a sentence: no step name
            else:
                if values:
                    flush()
                labels.append((a, b))
    flush()
    return out


# A section title ending a schedule: `3 세부 사업내용`, `2\n공모 세부내용`
SECTION_TITLE = regex.compile(r"^\s*(?:\d{1,2}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,4})\.?(?:[ \t]+|\n)[가-힣]")


def _schedule_drafts(scope: Scope, chosen: list[Item]) -> list[Draft]:
    """The steps of every schedule section (`□ 추진일정`) in the items read."""
    starts = {b.start for i in chosen for b in i.blocks}
    blocks = scope.blocks
    out: list[Draft] = []
    for n, b in enumerate(blocks):
        title = scope.text(b).strip()
        if b.start not in starts or b.table is not None or not SCHEDULE_TITLE.match(title):
            continue
        end = b.end
        for nb in blocks[n + 1:]:
            if nb.kind == "footer":
                continue
            t = scope.text(nb)
            if nb.table is None and ((nb.kind == "heading" or SECTION_TITLE.match(t))
                                     and not _has_date(t, scope.announced_on)):
                break
            end = nb.end
        for stage, label, f in schedule_in_text(scope.doc.text[b.end:end], scope.announced_on):
            out.append(Draft(f, b.end, label, stage=stage))
    return out


def _day(v: date | None) -> date | None:
    return v.date() if isinstance(v, datetime) else v


def _new_steps(drafts: list[Draft], steps: list[Draft]) -> list[Draft]:
    """Schedule steps that add a window: not an application step once one is known, not the
    same stage and days as a window read elsewhere."""
    def days(d: Draft) -> tuple[object, ...]:
        return (d.stage, _day(_value(d.found.opens)), _day(_value(d.found.closes)))

    known = {days(d) for d in drafts}
    applies = any(d.stage == "application" for d in drafts)
    out = []
    for d in steps:
        if (d.stage == "application" and applies) or days(d) in known:
            continue
        known.add(days(d))
        out.append(d)
    return out


def extract_windows(scope: Scope) -> list[Window]:
    body = [i for i in items(scope) if not in_appendix(scope, i)]
    appendix = [i for i in items(scope) if in_appendix(scope, i)]
    drafts, modes = _read_items(scope, body)
    if not drafts:
        drafts = _overview_drafts(scope)
    if not drafts:
        drafts, modes = _read_items(scope, appendix)
    drafts += _evaluation_drafts(scope, body)
    marks = _subprogram_marks(scope)
    for d in drafts:
        start = d.offset + d.found.spans[0][0]
        label, track = _split_label(d.label) if d.stage == "application" else (d.label, None)
        if label is None and marks:
            before = [name for at, name in marks if at < start]
            label = before[-1] if before else None
        d.label = label
        if track and not d.tracks:
            d.tracks = [track]
    drafts += _new_steps(drafts, _schedule_drafts(scope, body))
    drafts = _apply_modes(_finish(drafts), modes)
    drafts.sort(key=lambda d: d.offset + d.found.spans[0][0])
    return [_window(scope, d) for d in drafts]
