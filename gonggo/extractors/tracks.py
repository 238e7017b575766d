"""Tracks (support types / tiers) and who pays what for each, Duckling style.

A program distinguishes tracks (`기초`, `고도화1`, `AS지원`, `긴급AS`, `유형 2` ...) and states
for each a maximum amount and a share of the total project cost per payer, a project period,
an extension and a target level. Announcements print these five ways, read in this order:

1. **Tables** with cells: a header row names a track column (지원유형, 지원구분, 구분 ...) and
   value columns (payers 정부 / 국민건강보험공단 / 중소기업 (자부담), 사업기간, 목표수준,
   분담비율). One row per track; an empty cell below a filled one is a merged cell and repeats
   it; a row without a track name (`분담비율`) applies to every track; `(단위 : 백만원)` scales
   bare numbers. A table without a track column describes every track (or the one unnamed).
   A column naming payers of two roles (`자부담(지방비+기업)`) is no one payer's; a share column
   under a payer's group cell (`자부담` over `비율`) is that payer's.
2. **Label tables** in funding sections: the first column says what a row states
   (`지원금액 | 250만원 | 500만원`), with track names across the top row or none. Flattened to
   lines: `구 분`, the names (a lower header row under a group cell: `컨설팅 지원` over
   `기본 컨설팅 심화 컨설팅`, beside `원포인트 멘토링`), then rows `지원금액 250만원 500만원 100만원`.
3. **Flattened tables** (PDF text, one cell per line): a header line `지원구분 정부지원금 한도
   사업기간 접수형태` followed by cell lines, typed (amount, share, months, name, list item,
   `(…)` continuation) and dealt to the header's columns left to right; a name no free-text
   column can take starts the next row. A track row without values repeats the row above. A
   row may sit on one line (`스마트 마이스터 24회, 회당 35만원 90% 10%`: a name, a text cell with a
   unit price, then the shares); a summary row (`총 구축비용 30%`) holds for every track, and a
   lone share over shares adding up to it (`70%` over `30%이상 40%이내`) is a merged group cell.
4. **Prose** under funding headings (지원내용, 지원조건, 지원규모, 사업기간 …): a labelled line
   `◦ (긴급복구형) 정부지원금 최대 5백만원, 총 사업비의 50% 이내 지원` or `- 기초(기초수준) :
   최대 0.42억원` states one track's terms (its sub-items too); any other line
   (`◦ (지원조건) 소요비용의 50% 지원 (최대 20백만원)`, `사업기간은 연장신청을 통해 최대 3개월
   연장가능`, `□ 지원기간 : 최대 1년 이내`) states terms for every track, filling only what the
   tables left empty (a target level stated that way goes to an unnamed track only). A name
   with its own cap in the parentheses after such a line's cap (`최대 3억원 지원(유턴기업 최대
   5억원, …)`) is a track on the line's other terms beside the general one. A table of prose
   cells (`구분 | 내용`: `사업화 자금 | • … 최대 3억원 … • 총 사업비 = 정부지원사업비 70% 이하 + …`)
   is read as such lines when one cell alone states terms and its unlabelled lines do not give
   one payer two values; several such cells are whose terms the table does not say.
5. **The overview table** of a master announcement (`사업명 지원유형 지원내용 정부지원금 (기업
   당, 최대)`, before the program sections): a program whose section prints no cap takes the
   caps of the row its name starts with (`업종별` / `특화` … `기초 ▪…` `0.7억원` `고도화1 2억원`).

**Not rules** give no terms. A worked example: a caption naming one (`< 사업비 구성 예시
(정부지원사업비 1.5억원인 경우) >`, `< 예시 >`, `(예시)`, `예)`, a line ending on the case it assumes
`예) 정부지원금이 1억원인 경우 :`) covers what follows it up to its table (inclusive) or the next
heading, in a cell up to the next list item that is no sub-item (`-`, `*`); a box whose top row
is such a caption, a column headed `금액 (예시)`, a line led by `예)` or naming an assumed amount
(`1.5억원인 경우`). Money other
than the project's cost (기술료, 이자, 환수, 위약금, 수수료, 성공환원금 …): a table captioned, headed
or row-labelled with it, a line naming it. Columns by kind of applicant (`중소기업인 경우 |
중견기업인 경우`) are no payer's; a payer's money split into sub-columns (`자기부담사업비` over
`현금 | 현물`) gives parts, not the payer's share; the base of a rate (`매 5억원 당 1명`), the bound
of a class (`5억원 이하인 소액과제`) and a form's blanks (`00.0%`, `00백만원`) are no caps or shares.

What a table states for every track (summary rows, cells merged over all its track rows) also
holds for tracks other tables and lines add, by where the table stands: inside a track's item,
for that track; among the sub-items of a group line (`(유형 1)` over `기초`, `고도화1`), for the
group; elsewhere, for the program.

Payers come from a lexicon (PAYERS): 정부 / 국비 / 정부지원금 → government; 대기업, 주관기관,
…공단 → host; 자부담, 도입기업, 기업부담, 민간부담 → applicant; 지방비 → local_government;
generic `지원금액` / `지원한도` → government. Payer names are compounds (`국민건강보험공단`,
`정부지원금`) that a whitespace tokenizer keeps whole, so the lexicon is regular
expressions rather than a phrase matcher. A share printed without a bound is `exact`.

`corpus_value(text)` reads one phrase as a line of a 지원조건 section and returns
`{"track", "target_level", "payer", "cap_krw", "share_pct", "share_bound", "duration_months",
"extension_months"}`: the track the line is labelled with (or null), the level it names, the
payer role of the funding it states (the government's when it states several) with that
funding's cap, share and bound, and the periods. A month count is the project period only when
a period word owns it (`사업기간 : 최대 9개월`, `6개월 간 지원`); `연장` marks an extension.
A phrase stating none of these (`90개사 내외`, `2026년 4월 8일`, `회당 35만원`, `총 사업비의 5%
이내에서 운영비 책정 가능`, an `(예시)`) is null.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Literal

import regex

from gonggo.reading import flat
from gonggo.reading import tables as table_reader
from gonggo.reading.appendix import section_in_appendix
from gonggo.reading.flat import PAREN_LINE
from gonggo.reading.flat import in_parens as _in_parens
from gonggo.reading.scope import Scope
from gonggo.reading.tables import SUM_WORDS, Grid, TableSettings, doc_lines, split_line
from gonggo.schemas.announcement import (
    Awards,
    CapBasis,
    Evidence,
    Funding,
    Payer,
    ShareBound,
    Track,
)
from gonggo.schemas.document import Block, Cell, Document, SourceInfo, Table
from gonggo.vocab.applicants import kinds_in
from gonggo.vocab.budget import (
    PER_YEAR_AFTER,
    aggregate_amount,
    budget_amount,
    cap_basis,
    each_and_sum,
    is_budget_line,
    per_month,
    row_budget,
    several_programs,
    sheet_money_label,
    sheet_period,
    year_money,
    year_money_before,
    year_money_column,
)
from gonggo.vocab.funding import (
    BUDGET_ITEM_SUBJECT,
    GENERIC_PAYER,
    LEVEL,
    NOT_A_PERIOD,
    OTHER_PERIOD_BEFORE,
    PAYER_RX,
    PERIOD_AFTER,
    PERIOD_CUE,
    PERIOD_LABEL_LEAD,
    PERIOD_WORD_AT_END,
    RANGE_THEN_COUNT,
    SPENDING_AFTER,
    TOTAL,
    WHOLE_COST,
    Months,
    Share,
    added_months,
    find_level,
    find_months,
    find_payer,
    find_share_terms,
    mixed_payer,
    of_another_period,
    other_period,
)
from gonggo.vocab.money import Amount, find_amounts, unit_multiplier
from gonggo.vocab.text import char_bigrams, compiled, norm_key, strip_marker

# ---------------------------------------------------------------- drafts


@dataclass
class FundDraft:
    role: Payer
    label: str
    cap: int | None = None
    share: float | None = None
    bound: ShareBound | None = None
    cap_span: tuple[int, int] | None = None
    share_span: tuple[int, int] | None = None
    basis: CapBasis = "per_award"
    # `총 10억원(연 4억원)`: beside the whole period's cap, the cap of each year (a row of its own)
    year_cap: int | None = None
    year_span: tuple[int, int] | None = None

    def set_cap(self, krw: int, span: tuple[int, int], basis: CapBasis = "per_award") -> None:
        if self.cap is None:
            self.cap, self.cap_span, self.basis = krw, span, basis

    def set_share(self, pct: float, bound: ShareBound, span: tuple[int, int]) -> None:
        if self.share is None:
            self.share, self.bound, self.share_span = pct, bound, span

    def fill(self, other: FundDraft) -> None:
        if GENERIC_PAYER.match(self.label) and not GENERIC_PAYER.match(other.label):
            self.label = other.label
        if other.cap is not None and other.cap_span:
            self.set_cap(other.cap, other.cap_span, other.basis)
        if other.share is not None and other.bound and other.share_span:
            self.set_share(other.share, other.bound, other.share_span)
        if self.year_cap is None and other.year_cap is not None and self.cap == other.cap:
            self.year_cap, self.year_span = other.year_cap, other.year_span

    def copy(self) -> FundDraft:
        return FundDraft(self.role, self.label, self.cap, self.share, self.bound, self.cap_span,
                         self.share_span, self.basis, self.year_cap, self.year_span)

    def spans(self) -> list[tuple[int, int]]:
        return [s for s in (self.cap_span, self.share_span) if s]

    def empty(self) -> bool:
        return self.cap is None and self.share is None


@dataclass
class Terms:
    """What one row, cell run or line says: funding per payer, period, extension, level."""

    funding: dict[Payer, FundDraft] = field(default_factory=dict)
    duration: tuple[int, int, int] | None = None  # months, start, end
    extension: tuple[int, int, int] | None = None
    level: tuple[str, int, int] | None = None
    # a row's own count of awards (`선정예정 과제수 | 2`): count, unit, its span
    awards: tuple[int, str | None, int, int] | None = None

    def fund(self, role: Payer, label: str) -> FundDraft:
        if role not in self.funding:
            self.funding[role] = FundDraft(role, label)
        return self.funding[role]

    def fill(self, other: Terms) -> None:
        for role, f in other.funding.items():
            mine = self.funding.get(role)
            if mine is not None:
                mine.fill(f)  # a payer named without values may still name it better
            elif not f.empty():
                self.funding[role] = f.copy()
        self.duration = self.duration or other.duration
        self.extension = self.extension or other.extension
        self.level = self.level or other.level
        self.awards = self.awards or other.awards

    def empty(self) -> bool:
        return (all(f.empty() for f in self.funding.values()) and not self.duration
                and not self.extension and not self.level)


@dataclass
class TrackDraft:
    name: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    terms: Terms = field(default_factory=Terms)


@lru_cache(maxsize=8192)
def _title_key(name: str) -> str:
    """An RFP title compared loosely: without parenthesised detail (`박과(오이, 멜론)`) and the
    particle `의` (`스마트 온실의 병해충` / `스마트 온실 병해충`)."""
    return norm_key(compiled(r"[(（][^()（）]*[)）]").sub("", name)).replace("의", "")


# how alike (character bigrams) a sheet's title and its row's must be to be one RFP
REWORDED = 0.75


def dice(a: str, b: str) -> float:
    x, y = char_bigrams(a, str), char_bigrams(b, str)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _same_terms(a: Terms, b: Terms) -> bool:
    """Both print the same period and the same government cap (and print both)."""
    fa, fb = a.funding.get("government"), b.funding.get("government")
    return (a.duration is not None and b.duration is not None and a.duration[0] == b.duration[0]
            and fa is not None and fb is not None and fa.cap is not None and fa.cap == fb.cap)


class Tracks:
    """Drafts keyed by name, in order of first appearance."""

    def __init__(self) -> None:
        self.by_key: dict[str, TrackDraft] = {}
        # terms a table states for every track (summary rows, cells merged over all rows),
        # with the section path of the table: where it stands says which tracks it speaks for
        self.common: list[tuple[list[int], Terms]] = []
        # tracks that vary the program's general terms (`(유턴기업 최대 5억원)`): the general
        # terms stay a track of their own
        self.variants: set[str] = set()
        # tracks read from RFP rows and sheets: each prints its own money and period, so the
        # program's general terms (a cap or share of some other line) are not theirs
        self.rfp: set[str] = set()

    def add(self, name: str | None, spans: list[tuple[int, int]], terms: Terms) -> TrackDraft:
        key = norm_key(name) if name else ""
        draft = self.by_key.get(key)
        if draft is None:
            draft = self.by_key[key] = TrackDraft(name, list(spans))
        else:
            draft.spans += [s for s in spans if s not in draft.spans]
        draft.terms.fill(terms)
        return draft

    def similar(self, name: str, terms: Terms | None = None) -> str:
        """The name of a track already read that `name` names too (an RFP's sheet titled as its
        row in the RFP table, give or take a number or a marker), else `name`. With `terms`, a
        title reworded in the sheet (`… K-FARM 데모축사 모델 구축 및 실증` in the table, `… K-Farm
        데모축사 구축 및 실증` on the sheet) names the row closest to it that prints the same
        period and the same money."""
        key = _title_key(name)
        for k, d in self.by_key.items():
            other = _title_key(d.name or "")
            if k and len(other) >= 8 and (other in key or key in other) and d.name:
                return d.name
        if terms is None or terms.duration is None or len(key) < 8:
            return name
        close = [(dice(key, _title_key(d.name)), d.name) for d in self.by_key.values()
                 if d.name and _same_terms(d.terms, terms)]
        best = max(close, default=None)
        return best[1] if best is not None and best[0] >= REWORDED else name

    def drafts(self) -> list[TrackDraft]:
        return sorted(self.by_key.values(), key=lambda d: min(d.spans)[0] if d.spans else 10**12)


# ---------------------------------------------------------------- names

# An R&D table of RFPs / 품목 / 과제 (`내역사업 | 연구 과제명 | 연구기간 | 정부지원연구개발비`, `번호 |
# 문제정의서 명 | 총 연구기간 | 총 지원 규모`), or of the call's new programs (`순번 | 신규사업명 |
# 지원기간 | ’26년 예산`): each row that prints its own money and period is a track named by its
# title (priority -1: the title column, not the 내역사업 grouping beside it).
RFP_PRIORITY = -1
TRACK_HEADER: list[tuple[int, regex.Pattern[str]]] = [
    (RFP_PRIORITY, regex.compile(r"^(?:연구\s*(?:개발\s*)?|기\s*획\s*|제\s*안\s*|지\s*정\s*)?과\s*제\s*명"
                                 r"|^문제\s*정의서\s*명|^품\s*목\s*명|^신규\s*(?:세부\s*)?사업\s*명"
                                 r"|^공\s*고\s*단\s*위|^RFP\s*명")),  # `공고단위 (RFP명)`
    (0, regex.compile(r"^(?:지원|사업|과제|참여)?\s*(?:유\s*형|트\s*랙)|^지원\s*구\s*분")),
    (1, regex.compile(r"^구\s*분|^(?:지원\s*)?분\s*야|^세부\s*사업")),
]
SUMMARY_ROW = regex.compile(r"^(?:분담\s*비율|지원\s*비율|비\s*율|비\s*중|총\s*구축\s*비용|총\s*사업비|합\s*계|소\s*계|계|총\s*비용|"
                            r"지원\s*금액|지원\s*한도|구\s*분)$")
NOT_A_NAME = regex.compile(
    r"^지원|조건|규모|방법|대상|자격|예시|기간|내용|비고|합계|소계|^총|비율|분담|금액|한도|비용|(?:보조|부담|매칭)\s*[율률]|"
    # a budget item (`② 교육비 : … (1백만원) 필수 편성`, `기술임치비`, seed 001), not 설비 / 장비 / 대비
    r"(?<![설장준대경])비$|"
    r"이용료|현물|인건비|사업비|부담|과제\s*수|선정|평가|신청|접수|모집|문의|참고|단위|공통|기타|주의|유의|"
    r"^[0-9]|[다함음임됨요며고서]$|"
    # money of each award (`과제별 연구비 :`, `연구개발비 :`, `출연금`): a label, not a track
    r"연구\s*(?:개발)?\s*비$|출연금|^(?:과제|기업|기관|팀)\s*(?:별|당)|"
    # an applicant's profile, a result or a background topic (`▪(학력) 박사학위 취득 후 7년 이내`,
    # `ㅇ (연구성과) …`, `ㅇ (점검 주기의 비효율성) …`): a label, not a track
    r"^(?:학력|경력|연령|나이|전공|소재지|업종|업력|(?:연구\s*)?성과|기대\s*효과|현황|배경|필요성)$|비효율|문제점|시점$|"
    # a bound left at the head of a wrapped line (`이내(기초 최대 1.4천만원, …)에서`): no name
    r"^(?:이내|이하|이상|미만|초과|내외)$|"
    # a contest's prize or a reward (`○ 참가상(상금 40만원) : …`, `❍ 불채택 우수제안 제출보상: 온누리 상품권
    # 3만원`, `최우수상`, `특별상`): what a winner or a submitter gets, not a track and its money no cap
    r"(?:참가|우수|장려|입선|인기|특별|금|은|동|공로|노력)\s*상$|보상|포상|상금|상품권|시상"
)
# a word printed one syllable at a time (`내 용`, `구 분`, `지 원 내 용`)
LETTER_SPACED = regex.compile(r"\p{Hangul}(?:[ \t]\p{Hangul})+")
NAME_CHARS = regex.compile(r"[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9·ㆍ‧\s()/+\-_]*")


def is_rfp_title(text: str) -> bool:
    """A title in an RFP table's title column (`인지기능 장애 개선을 위한 식단 및 복합 식품군 개발`):
    words, not a sum row (`합계`), an amount, a share or a period."""
    t = text.strip()
    compact = compiled(r"\s").sub("", t)
    if not 4 <= len(compact) <= 90 or not compiled(r"[\p{Hangul}A-Za-z]{2}").search(t):
        return False
    if SUMMARY_ROW.match(compact) or TOTAL.search(compact) or compiled(r"^(?:총|합|소계|계)").match(compact):
        return False
    return not (find_amounts(t) or find_share_terms(t) or find_months(t))


# a label naming a budget or a price, even letter-spaced (`사 업 예 산:`, `추 정 가 격:`): no track
PRICE_LABEL = regex.compile(r"예산|추정가격|기초금액|계약금액|공사금액")


def is_track_name(text: str) -> bool:
    t = text.strip()
    compact = compiled(r"\s").sub("", t)
    if not 1 <= len(compact) <= 14 or t.count(" ") > 3 or not NAME_CHARS.fullmatch(t):
        return False
    if FORM_BLANK.search(t) or compiled(r"^[A-Za-z]$").match(compact):
        return False  # a form's blank (`n`, `OO`), a letter
    if find_amounts(t) or find_share_terms(t) or find_months(t):
        return False
    if NOT_A_NAME.search(compiled(r"\([^)]*\)").sub("", t).strip() or t) or PRICE_LABEL.search(compact):
        return False
    if LETTER_SPACED.fullmatch(t) and NOT_A_NAME.search(compact):
        return False  # a label printed letter-spaced (`내 용`, `비 고`, `합 계`): a column's label
    payer = find_payer(t)
    return payer is None


# ---------------------------------------------------------------- reading terms from text

# `총 사업비의 50%`, not `기본 지원사업비의 최대 50%` (a share of the support money itself)
COST_BEFORE = regex.compile(r"(?:(?<!지원\s*)사업비|비용|구축비|예산"
                         # an R&D call's whole cost (`총 연구개발비의 75% 이내`), not one payer's part of
                         # it (`정부지원연구개발비의 10%`, `기관부담연구개발비의 10% 이상`)
                         r"|(?<!(?:지원|부담|출연|위탁|공동)\s*)연구\s*(?:개발)?비)\s*(?:의|중)?\s*(?:최대\s*)?$")
SUPPORT_CUE = regex.compile(r"지원|한도|정부|국비|보조|자금")
# an amount after these is a total, a budget or an average, not a cap
# (labels letter-spaced as bid notices print them: `사 업 예 산:`, `추 정 가 격:`); an average of some
# money (`연평균 연구개발비 6천만원 이하의 소규모 과제`)
NOT_CAP_BEFORE = regex.compile(r"(?:총\s*사업비|총\s*비용|총\s*구축\s*비용|사업\s*규모|총|평균|예\s*산"
                               r"|추\s*정\s*가\s*격|기\s*초\s*금\s*액|평균\s*(?:연구\s*개발비|사업비|지원금))\s*"
                               r"(?:\(\s*최대\s*\))?\s*[:：]?\s*$")
# an amount multiplied by something (`2,500천원 × 참여기간 × 참여율`, `1.4억원 x 20개`): a unit rate
MULTIPLIED_AFTER = regex.compile(r"^\s*(?:이내|이하)?\s*[×xX✕]\s*[\d가-힣(]")
# an amount after which these follow is no cap: a scale (`분야 지원사업(50여개 400억원 규모)`), the size
# of a project it describes (`정부지원연구개발비 15억원의 ICT R&D 과제를 총 5년 동안 수행하는`), a sum worked
# out beside its product (`(개별보급) 28억원(1.4억원 x 20개)`)
NOT_CAP_AFTER = regex.compile(
    r"""\s*(?:이내|내외|이하)?\s*(?:의\s*)?규모(?![가-힣])
      | \s*의\s*(?:[\p{Hangul}A-Za-z&]+\s*){0,3}?(?:과제|사업|기업)(?:를|을|에|가|이|는|은)
      | \s*[(（]\s*[\d.,]+\s*[십백천]?\s*[만억]?\s*원?\s*[×xX✕*]
      | \s*(?:이|가|을|를)\s*(?:[가-힣]+\s*){0,2}?시점   # `첫 5억원을 지급받는 시점과는`: a point reached
      | \s*(?:까지\s*)?(?:을|를)?\s*추가\s*(?:로\s*)?지원   # `정부지원금 최대 0.5억원 추가 지원`: an add-on""",
    regex.X,
)
# a share right after these is a share of the support (`지원비율 : 90% 이내`)
RATE_BEFORE = regex.compile(r"(?:지원\s*)?비율\s*[:：]?\s*$")
# a share then `지원`, its cap in parentheses between them too (`제작비의 최대 70%(최대 3천만원) 지원`,
# listing cache `월 임차료 50% 지원(최대 50만원)`)
SHARE_SUPPORTED_AFTER = regex.compile(
    r"^ ?(?:이내|이하|까지)? ?(?:[(（][^()（）%]{0,20}원[^()（）%]{0,8}[)）] ?)?(?:를|을)? ?(?:정부 ?)?지원(?:하|함|가능|$|[ ,.(])")
# the size of each award a 지원규모 label states (`□ 지원규모 : 과제당 160백만 원 내외`, the label worded
# `지원내용`, `지원조건`, `지원금액` as other calls head their funding): the award's money
# even when approximate (not `6개 과제, 과제당 3.75억원 내외`: a count's money, often its first year's)
SIZE_PER_AWARD_BEFORE = regex.compile(
    r"(?:(?:지원|선정)\s*규모|지원\s*(?:내용|조건|금액))\s*[:：]\s*(?:과제|기업|기관|팀|개사|건)\s*당\s*$")
# `과제당`, `기업당 최대`: the money of one award
PER_AWARD_BEFORE = regex.compile(r"(?:과제|기업|기관|팀|개사|건)\s*당\s*(?:최대\s*)?$")
PER_AWARD_LEAD = regex.compile(r"^\s*(?:과제|기업|기관|팀|개사|건)\s*(?:당|별)\s*$")
# a line whose value opens with the unit of one award, under any label (`사업규모 : 과제당 160백만 원 내외`,
# `지원규모 : 과제당 …`; not `6개 과제, 과제당 3.75억원 내외`, a count's money, nor a label naming a total or
# an average): the award's money, even approximate, even when the label reads as the call's size
# a topic naming a total or an average (`(평균)`, `(총 사업규모)`): its money is no one award's
TOTAL_TOPIC = regex.compile(r"총|평균|합계")
PER_AWARD_VALUE_LEAD = regex.compile(
    r"^\s*(?![^:：\n]*(?:총|평균|합계))[^:：()（）\d\n]{2,12}[:：]\s*(?:과제|기업|기관|팀|개사|건)\s*당\s*$")
# a line whose topic is the money of each award (`- 과제별 연구비 : 1차년도 8억원 내외, 2차년도 이후
# 10.67억원 내외`, `과제당 연구개발비 : 3억원 내외`): its amounts are the award's money, even approximate,
# and speak of support
PER_AWARD_TOPIC = regex.compile(
    r"^\s*(?:과제|기업|기관|팀)\s*(?:별|당)\s*(?:연구\s*(?:개발)?\s*비|지원\s*(?:금액?|규모)|사업비|출연금)\s*[:：]")
# the money of every year from one on (`2차년도 이후 10.67억원`, `2차년도부터 연 5억원`): a cap per year
YEARS_ONWARD_BEFORE = regex.compile(
    r"\d\s*차\s*(?:연\s*)?년\s*도\s*(?:이후|부터)\s*(?:에는|는|은)?\s*(?:연\s*|연간\s*)?(?:최대\s*)?$")
# a unit price (`회당 35만원`, `1인당`), not a cap; `건당 500만원` is a cap per case (cap_basis)
PER_UNIT_BEFORE = regex.compile(r"(?:회|시간|일|인|개|명|월|시간)\s*당\s*(?:(?:연|연간|매년|월|매월)\s*)?(?:최대\s*)?$")
# money inside parentheses that bound a spending (`인건비를 기업 부담금 20% 이내(기초 최대 1.4천만원, 고도화1
# 최대 4천만원 한도)에서 사업비에 포함 가능`): one cost item's limit, not what the award gets; `…(최대 1억원)에서
# 지원` is the award's
SPENDING_SCOPE_AFTER = regex.compile(r"^[^()（）\n]{0,60}?[)）]\s*에서(?!\s*(?:[가-힣]+\s*){0,2}?지원)")
# a part counted in another sum (`임산부 1인당 연 24만원(자부담 4만8천원 포함)`, a page of the public code
# index): that sum's part, no one's cap
INCLUDED_AFTER = regex.compile(r"^\s*(?:이\s*|가\s*)?포함")
# money for a stretch of months (`(1단계)1억원/9개월`): a stage's money, not the award's cap
PER_PERIOD_AFTER = regex.compile(r"^\s*[/／]\s*\d+\s*개월")
# the base of a rate (`매 5억원 당 1명`), not a cap
RATE_BASE_BEFORE = regex.compile(r"(?<![가-힣])매\s*$")
RATE_BASE_AFTER = regex.compile(r"^\s*(?:당|마다)")
# what defines a kind of project or company (`5억원 이하인 소액과제`), not a cap
# an amount that is a condition or a point reached (`매 5억원이 되는 시점`), no cap
AMOUNT_CONDITION_AFTER = regex.compile(r"^\s*(?:인|일|이면|(?:이|가)\s*(?:되는|될|된|되면|넘는|넘을|넘으면))(?![가-힣])")
# the bound of a class of applicant (`평균매출액 등이 3천억 원 미만`, `매출액 100억원 미만`): `미만`
# and `초과` bound conditions, never a cap (a cap is `이내`, `이하`, `까지`, `한도`, `최대`)
CONDITION_BOUND = regex.compile(r"미만|초과")
CONDITION_BEFORE = regex.compile(r"(?:매출액?|자산|자본금?|부채|종업원)\s*(?:등)?\s*(?:이|가|은|는)?\s*$")


def _class_bound(text: str, a: Amount) -> bool:
    """An amount that bounds a class of applicant (see CONDITION_BOUND), not a cap."""
    return bool(CONDITION_BOUND.search(text[a.value_end : a.end])
                or CONDITION_BEFORE.search(text[max(0, a.value_start - 12) : a.value_start]))
SHARE_BURDEN_AFTER = regex.compile(r"^\s*(?:를|을)?\s*부담")
# the payer named after the share of the cost it carries (`총 사업비의 20% 이상을 민간부담금으로 산정
# 및 부담`, `… 10% 이상을 자부담으로 편성`); not `5% 이상을 바우처 방식으로`, `12% 이상을 차지`
PAYER_AFTER_SHARE = regex.compile(
    r"^\s*(?:을|를)\s*(?P<payer>[^\s,.()]{2,12}?)\s*(?:으로|로)\s*(?:산정|편성|부담|구성|매칭|충당)")
# `정부 50%`, `대기업이 최대 30%`, `자기부담사업비* 30%` (the payer's money, not a share of it)
# `정부지원금(70% 이내) + 자부담(30% 이상)`, `자기부담사업비 (30% 이상)` (kised_dodak_2025), `정부 출연(80%),
# 지방비(20%)` (mois_regional_disaster_rnd_2025): the share in parentheses after its payer
SHARE_OF_PAYER = regex.compile(r"\s*(?:사업비|출연)?\s*\*{0,2}\s*(?:[(（]\s*)?(?:이|가|은|는|[:：])?\s*(?:최대|최소)?\s*")
CONJOINED_PAYER_BEFORE = regex.compile(r"(?:와|과|및)\s*$")
# a worked example, not a rule: `< 사업비 구성 예시 >`, `(예시)`, `예)`, `예 :`, `e.g.`
EXAMPLE = regex.compile(r"예\s*시|(?<![가-힣])예\s*[)）:：]|(?i:ex\)|e\.g\.)")
# an illustration on an assumed amount: `(정부지원사업비 1.5억원인 경우)`, `자부담이 30%인 경우`
# or a worked computation (`정부지원연구개발비가 15억원이므로 총 3명 이상 채용해야 함`)
ILLUSTRATION = regex.compile(r"\d\s*(?:(?:[십백천]?\s*[만억조]?\s*원|%)\s*(?:(?:인|일)\s*경우|이므로)"
                             # `3년 9개월 총 15억 과제의 경우, … 400백만원으로 편성`: a case assumed
                             r"|[십백천]?\s*[만억조]\s*원?\s*(?:규모\s*)?(?:과제|기업|사업)\s*의\s*경우)")
# money other than the project's cost and its shares: royalties, interest, clawbacks, refunds,
# penalties, fees (`기술료 상한 | 정부지원연구개발비의 10%`, `추가지원사업비의 70% 환수`)
OTHER_MONEY = regex.compile(
    r"기술료|(?<![가-힣])이자|(?:대출|융자)\s*이자|이자\s*(?:율|액|비용|지원|보전)|이차\s*보전|금리|환수|"
    r"위약금|수수료|환원금|반납|회수금|부가금|가산금|과징금|벌금|연체료|보증료|보증\s*비율|보증\s*한도|여신|"
    # results and other parties' money: `투자유치 100억`, `매출 649억`, `투자재원(15억원)`, `보험가입: 사망
    # 1억 5천만원`, `460억 규모 계약 수주`
    r"투자\s*(?:유치|재원|금|조성|\d)|매출\s*[\d,.]|수주|펀드|보험\s*(?:가입|료|금)|"
    # a stake in a company, not a part of the cost (`의결권 있는 발행주식 총수의 50% 초과 또는 최대주주`)
    r"발행\s*주식|의결권|출자\s*(?:총액|비율|지분)|지분\s*(?:율|비율)|최대\s*주주|과점\s*주주"
)
# a table of ownership tests (a startup call's 창업 여부 기준표: `발행주식 총수의` in one cell, `50% 초과
# 소유` in the next line's): its percentages are stakes, none a payer's share
STAKE = regex.compile(r"발행\s*주식|의결권|과점\s*주주|최대\s*주주")
# a form's blanks (`’00년 연구비`, `YYYY-MM-DD ~`, `0000년`, `OO기관`, `n단계`): a template to fill in, no rules
FORM_BLANK = regex.compile(r"YYYY|(?<![A-Za-z])MM\s*[-.]\s*D\s*D|[’'‘]\s*00\s*년|(?<!\d)0000\s*년|(?<![A-Za-z])OO(?![A-Za-z])|○○"
                           r"|(?<![A-Za-z])n\s*(?:년\s*차|단계|차\s*(?:연\s*)?년\s*도)"  # `n단계 | n년차`
                           r"|해당\s*시\s*작성")  # `단계 (해당 시 작성)`
# examples, other money, running costs, points; and in-kind limits (`현물은 도입기업 부담금의 20% 이내`)
SKIP_LINE = regex.compile(rf"{EXAMPLE.pattern}|{ILLUSTRATION.pattern}|{OTHER_MONEY.pattern}|"
                          r"운영비|인건비|이용료|임차료|임대료|관리비|가점|배점|점수|현물\s*(?:은|는|편성)|"
                          # budgeting rules on parts of the cost (`위탁연구개발비 … 직접비의 40%이내`)
                          r"직접비|간접비|위탁\s*연구\s*(?:개발)?\s*(?:비|기관)|"
                          # budgeting rules on one cost item (`기술도입비(… 비용의 50% 이내)`, `식비 및
                          # 다과비(1일 1인당 다과 5,000원 이하 …) … 예산의 5% 이내 편성 가능`)
                          r"기술\s*도입비|연구\s*(?:재료|활동)비|연구\s*수당|재료비|여비|식비|다과비?|회의비|"
                          r"사례비|홍보비|자문비|임차비|"
                          # a preliminary stage's money and months (`- (사전검증연구) … (3개월, 5천만원)`,
                          # `사전검증연구 과제 3개 내외를 선정 … (과제당 5천만원)`), not the project's
                          r"(?:사전\s*검증|개념\s*검증|예비)\s*연구\s*(?:과제|[)）])|"
                          # a limit changed (`지원한도 상향(60억→100억)`): old and new values of some limit
                          r"\d\s*[십백천만억]*\s*원?\s*[→⇒]\s*\d")
# one stage of a staged award (`- 1단계 : … 사업화 준비 자금 지원(20백만원)`, `2단계: …`): the stage's
# money and months, not the award's
STAGE_LEAD = regex.compile(r"^\s*[(（\[]?\s*(?:\d|[①-⑨]|[一二三])\s*단계\s*[)）\]]?\s*[:：]")
# `500만원 1,000만원 100만원`, `2,500천원 5,000천원`: a table row read as a line, not prose (any unit)
TABLE_ROW = regex.compile(r"원\s+[-\d.,]+\s*(?:[십백천]?\s*[만억]?\s*)?원")


# `예)` read as a list marker (`가)`) is the example word
EXAMPLE_LEAD = regex.compile(r"^\s*[(（]?\s*예\s*[)）:：]")
# a program the call hands its graduates on to, starred for a footnote (`창업기업은
# 창업중심대학(중기부)*으로 연계, 사업화 자금 … 지원`): the footnotes under it (`* ‘25년도
# 지원규모(안) : 30개 내외(평균 75백만원, 최대 200백만원)`) state that program's money, not this one's
LINKED_PROGRAM_STAR = regex.compile(
    r"""[)）\]\p{Hangul}A-Za-z]\*+\s*(?:으로|로|에|에서|과|와)?\s*
        (?:연계|이관|이어|후속|추천|이월)""",
    regex.X,
)
FOOTNOTE_LEAD = regex.compile(r"^\s*[-–·•◦○]?\s*\*")
# a program of another agency, starred for its notes (`창업중심대학(중기부)*으로 연계`)
OTHER_AGENCY_NOTED = regex.compile(r"[\p{Hangul}A-Za-z][(（]\s*\p{Hangul}{1,5}(?:부|청|처)\s*[)）]\s*\*")


@lru_cache(maxsize=8192)  # a pure test of the line; every program's scope asks again
def stars_another_program(line: str) -> bool:
    """The line stars a program that is not this one (handed on to, or another agency's): the
    footnotes under it state that program's terms."""
    return bool(LINKED_PROGRAM_STAR.search(line) or OTHER_AGENCY_NOTED.search(line))


def linked_footnotes(lines: list[str]) -> list[bool]:
    """Per line: whether it is a footnote (`* …`) under a line starring a linked program (see
    LINKED_PROGRAM_STAR), in a run of footnotes."""
    out, linked = [], False
    for line in lines:
        if FOOTNOTE_LEAD.match(line):
            out.append(linked)
            continue
        linked = stars_another_program(line)
        out.append(False)
    return out
ILLUSTRATION_END = regex.compile(ILLUSTRATION.pattern + r"\s*[)）>〉:：]*\s*$")
CAPTION = regex.compile(r"[<〈《\[【].*[>〉》\]】]", regex.S)
CAPTION_PUNCT = regex.compile(r"[\s()（）\[\]<>〈〉《》【】:：.,\-–—]")


@lru_cache(maxsize=8192)  # a pure test of the text; every program's scope asks again
def example_caption(text: str) -> bool:
    """A line that titles a worked example: a bracketed caption naming one (`< 사업비 구성 예시
    (정부지원사업비 1.5억원인 경우) >`, `【 예시 】`), a line ending on the case it assumes
    (`예) 정부지원금이 1억원인 경우 :`) or the example word alone (`(예시)`, `예)`)."""
    body = text.strip() if EXAMPLE_LEAD.match(text) else strip_marker(text)
    if not body or len(body) > 80 or "\n" in body:
        return False
    if CAPTION.fullmatch(body) and (EXAMPLE.search(body) or ILLUSTRATION.search(body)):
        return True
    if ILLUSTRATION_END.search(body):
        return True  # `예) 정부지원금이 1억원인 경우`: what follows works the case out
    return bool(EXAMPLE.search(body)) and not CAPTION_PUNCT.sub("", EXAMPLE.sub("", body))


def example_blocks(doc_text: str, blocks: list[Block]) -> set[int]:
    """Indexes of the blocks a worked example spans: its caption and what follows it up to the
    first table (`< 예시 >`, the case described, its table) or the next heading. A caption
    printed as a list item titles only what hangs under it: in brackets (`◦ < 사업비 구성 예시 … >`)
    the table right under it (see _captioned_table); else up to the next item of its list (a
    sibling: the same marker at its level or above), which states the call's own terms again."""
    out: set[int] = set()
    for i, block in enumerate(blocks):
        text = doc_text[block.start : block.end]
        if block.kind == "table":
            # a caption the reader made a row of its own (`\t< 예시 >\t`: one cell with words)
            filled = [c for c in block.table.cells if c.text.strip()] if block.table else []
            if len(filled) != 1:
                continue
            text = filled[0].text
        if not example_caption(text):
            continue
        out.add(i)
        if (block.kind == "list_item" and CAPTION.fullmatch(strip_marker(text).strip())
                and not _items_under(doc_text, blocks, i)):
            out |= _captioned_table(doc_text, blocks, i)  # an item's caption: its table only
            continue
        level = block.level if block.kind == "list_item" else None
        for j in range(i + 1, len(blocks)):
            after = doc_text[blocks[j].start : blocks[j].end]
            if (blocks[j].kind == "heading" or _sibling_item(block, blocks[j])
                    or _ends_example(after, blocks[j])):
                break
            if blocks[j].kind != "table" and example_caption(after):
                break  # the next example's caption: what follows is that example's
            if (level is not None and blocks[j].kind == "list_item" and blocks[j].level is not None
                    and blocks[j].level <= level):
                break  # the caption printed as an item, then its sibling (`- < 예시 >` / `- (지원조건) …`)
            out.add(j)
            if blocks[j].kind == "table":
                break
    return out


UNIT_LINE = regex.compile(r"^\s*[(（]\s*단\s*위\s*[:：][^()（）\n]{1,20}[)）]\s*$")


def _captioned_table(doc_text: str, blocks: list[Block], i: int) -> set[int]:
    """A bracketed caption item's example (`◦ < 사업비 구성 예시 (정부지원사업비 1.5억원인 경우) >`)
    is the table right under it (a unit line `(단위:천원)` between them); with no table there the
    caption stands alone and the items and lines after it state the call's own terms."""
    j = i + 1
    while j < len(blocks) and blocks[j].kind != "table" and (
            UNIT_LINE.match(doc_text[blocks[j].start : blocks[j].end])
            or example_caption(doc_text[blocks[j].start : blocks[j].end])):
        j += 1  # its unit, or the caption of a second example printed with it
    if j < len(blocks) and blocks[j].kind == "table":
        return set(range(i + 1, j + 1))
    return set()


NOTE_MARKER = regex.compile(r"^(?:\*{1,3}|※)$")


def _items_under(doc_text: str, blocks: list[Block], i: int) -> bool:
    """Items hang under the caption item blocks[i] (deeper list items right after it, past other
    captions and notes `*`, `※`): the example's own lines (`◦ < 예시 >` over `- 정부지원금 15억원의
    과제를 …`)."""
    caption = blocks[i]
    for b in blocks[i + 1 :]:
        if b.kind == "list_item" and (example_caption(doc_text[b.start : b.end])
                                      or NOTE_MARKER.match(b.marker or "")):
            continue
        return (b.kind == "list_item" and b.level is not None and caption.level is not None
                and b.level > caption.level)
    return False


def _sibling_item(caption: Block, block: Block) -> bool:
    """`block` is the next item of the list `caption` is an item of: the same marker glyph at
    the caption's level or above (a note `※` under it, a `①` of the example's steps are not)."""
    return (caption.kind == "list_item" and block.kind == "list_item" and bool(caption.marker)
            and block.marker == caption.marker and caption.level is not None
            and block.level is not None and block.level <= caption.level)
def _ends_example(text: str, block: Block) -> bool:
    """A line after an example's caption that is no part of the example: another box's caption
    (`< 총사업비 구성 >`, `< 지원내용 >`) or a share stated with its bound (`• 총 사업비 = 정부지원사업비
    70% 이하 + 자기부담사업비* 30% 이상`): a worked example prints the case's figures, the rule
    prints its bounds (a caption whose table is missing, an image in the PDF, covers no terms)."""
    if block.kind == "table" or "\n" in text.strip():
        return False
    body = strip_marker(text).strip()
    if CAPTION.fullmatch(body) and not (EXAMPLE.search(body) or ILLUSTRATION.search(body)):
        return True
    return any(s.bound != "exact" for s in find_share_terms(body)) and not ILLUSTRATION.search(body)


def titled_not_rules(table: Table) -> bool:
    """A box whose top row titles it as an example or as other money (`| < 예시 > |` over the
    case described and its figures; `【 기술료 안내 】`), a table of ownership tests (STAKE) or a
    form's blank table (FORM_BLANK)."""
    return table.derived("tracks.titled_not_rules", lambda: _titled_not_rules(table))


def _titled_not_rules(table: Table) -> bool:
    for cell in table.cells:
        first = cell.text.strip().split("\n", 1)[0].strip()
        if cell.row == 0 and (example_caption(first) or (CAPTION.fullmatch(first) and not_rules(first))):
            return True
    return any(STAKE.search(cell.text) or FORM_BLANK.search(cell.text) for cell in table.cells)


# a caption naming a preliminary stage of the call (`<사전검증연구> 총 12개 과제`): its table gives
# the stage's period and money (`3개월`, `과제당 5천만원`), not the project's
STAGE_CAPTION = regex.compile(r"사전\s*검증|선행\s*연구|사전\s*연구|개념\s*검증|예비\s*연구")


@lru_cache(maxsize=8192)  # a pure test of the text; every program's scope asks again
def not_rules(text: str) -> bool:
    """A caption, header or row label naming an example or money other than the project's
    cost (`기술료 상한`, `환수 기준(예시)`): what it heads states no funding terms."""
    return any(rx.search(text) for rx in (EXAMPLE, ILLUSTRATION, OTHER_MONEY))


def _payer_before(text: str, pos: int, window: int = 30) -> tuple[Payer, str, int, int] | None:
    """The payer named last before `pos` in the same clause (no `,` or `.` between)."""
    lo = max(0, pos - window)
    clause = text[lo:pos]
    cut = max(clause.rfind(","), clause.rfind("."))
    if cut >= 0:
        lo, clause = lo + cut + 1, clause[cut + 1 :]
    found: tuple[Payer, str, int, int] | None = None
    for _, role, rx in PAYER_RX:
        for m in rx.finditer(clause):
            # the latest-ending mention, and of those the longest (`정부지원금` over `지원금`)
            if found is None or m.end() > found[3] or (m.end() == found[3] and m.start() < found[2]):
                found = (role, m[0], m.start(), m.end())
    if found is None:
        return None
    role, label, s, e = found
    return role, label, lo + s, lo + e


def terms_of_text(text: str, offset: int, period_cue: bool = False, labelled: bool = False,
                  topic: tuple[Payer, str] | None = None, under_size: bool = False,
                  label_cut: bool = False) -> Terms:
    """The funding terms one line of prose states (offsets shifted by `offset`).

    An amount is a cap when it is not a total (`총사업비 30억원`), a unit price (`회당 35만원`),
    a minimum or an approximation (`2,000만원 내외`); a share needs a payer right before it
    (`정부 50%`) or the cost it is a share of (`총 사업비의 50%`). Without a payer named, the
    line must speak of support (`지원`, `한도`) or be labelled with a track (`- (기초) 0.7억원`);
    a line about one payer (`※ 자부담 : 총 사업비의 25% 이상`) gives its terms to that payer.
    """
    terms = Terms()
    if SKIP_LINE.search(text) or TABLE_ROW.search(text) or STAGE_LEAD.match(text):
        return terms
    award_topic = bool(PER_AWARD_TOPIC.match(text))
    support = labelled or topic is not None or award_topic or under_size or bool(SUPPORT_CUE.search(text))
    default = topic or ("government", _support_label(text))
    budget = is_budget_line(text)  # the call's money (`공고규모 : … 43.0억 원 이내`): no cap
    for a in find_amounts(text):
        before = text[max(0, a.start - 14) : a.start]
        # the value of a label opening with one award's unit (`사업규모 : 과제당 …`; `(지원규모)` cut off
        # before the text as its topic: `과제당 …`)
        lead_award = bool(PER_AWARD_VALUE_LEAD.match(text[: a.start])
                          or (label_cut and PER_AWARD_LEAD.match(text[: a.start])))
        if budget and not ((a.bound == "max" and PER_AWARD_BEFORE.search(before)) or lead_award):
            continue  # but the award's own (`지원규모 : 총 10억원(과제당 2억원 이내, 5개 과제)`)
        after = text[a.end : a.end + 6]
        approx_award = a.bound == "approx" and (award_topic or lead_award or bool(
            SIZE_PER_AWARD_BEFORE.search(text[max(0, a.start - 20) : a.start])
            # the label read as the payer's topic (`□ 지원금액 : 과제당 160백만 원 내외`), or a size
            # label alone on the line above (`□ 지원규모` / `ㅇ 과제당 160백만 원 내외`)
            or ((topic is not None or under_size) and PER_AWARD_LEAD.match(text[: a.start]))))
        if ((a.bound not in (None, "max") and not approx_award)
                or NOT_CAP_BEFORE.search(before) or PER_UNIT_BEFORE.search(before)
                or RATE_BASE_BEFORE.search(before) or RATE_BASE_AFTER.match(after)
                or MULTIPLIED_AFTER.match(after) or NOT_CAP_AFTER.match(text[a.end : a.end + 30])
                or AMOUNT_CONDITION_AFTER.match(after) or aggregate_amount(text, a.start)
                or INCLUDED_AFTER.match(after)
                or PER_PERIOD_AFTER.match(text[a.end : a.end + 8])
                or SPENDING_SCOPE_AFTER.match(text[a.end : a.end + 80])
                or _class_bound(text, a)
                or per_month(text[max(0, a.start - 30) : a.start], after)
                or (year_money_before(text[max(0, a.start - 30) : a.start])
                    and not _years_each(text, a))):
            continue
        payer = _payer_before(text, a.start)
        if payer is None and not (support or lead_award) and a.bound != "max":
            continue  # one award's money (`사업규모 : 과제당 …`) is its support
        if payer is None and _budget_item_cap(text, a):
            continue
        role, label = (payer[0], payer[1]) if payer else default
        basis = cap_basis(text[max(0, a.start - 10) : a.start], text[a.end : a.end + 8])
        if YEARS_ONWARD_BEFORE.search(text[max(0, a.start - 20) : a.start]):
            basis = "per_year"
        terms.fund(role, label).set_cap(a.krw, (offset + a.start, offset + a.end), basis)
    for s in find_share_terms(text):
        payer = _payer_before(text, s.start, window=10)
        if payer and not SHARE_OF_PAYER.fullmatch(text[payer[3] : s.start]):
            payer = None  # `정부지원연구개발비의 10%` is a share of that money, not the state's share
        if payer is None:
            payer = _subject_payer(text, s.start)  # `정부출연금은 총 연구비의 75% 이내`
        if payer and CONJOINED_PAYER_BEFORE.search(text[max(0, payer[2] - 3) : payer[2]]):
            continue  # `정부와 대기업이 100%`: a joint share, not one payer's
        before, after = text[max(0, s.start - 12) : s.start], text[s.end : s.end + 8]
        named_after = PAYER_AFTER_SHARE.match(text[s.end :]) if payer is None else None
        if named_after and COST_BEFORE.search(before) and (found := find_payer(named_after["payer"])):
            start = s.end + named_after.start("payer") + found[2]
            payer = (found[0], found[1], start, start + len(found[1]))
        if payer is None and not (RATE_BEFORE.search(before) or SHARE_SUPPORTED_AFTER.match(text[s.end : s.end + 40])
                                  or (COST_BEFORE.search(before) and (support or s.bound == "max")
                                      and (topic or not SHARE_BURDEN_AFTER.match(after)))):
            continue
        if payer is None and kinds_in(text[: s.start]):
            continue  # `중소기업의 경우 … 연구개발비의 75% 이하`: the kind's share (shares.py), not the track's
        if payer is None and not find_payer(text[: s.start]) and _budget_item_share(text, s):
            continue  # `외주용역비는 총사업비의 50% 이내로 편성`: one item's limit, no payer's share
        role, label = (payer[0], payer[1]) if payer else default
        if payer is None and role == "government" and s.bound == "min":
            continue  # `총 사업비의 15% 이상 매칭 필수` with no payer named: someone's burden, no state share
        terms.fund(role, label).set_share(s.pct, s.bound, (offset + s.start, offset + s.end))
    ext: Months | None = None
    for m in find_months(text):
        if m.extension and ext is None:
            if not of_another_period(text, m):  # `입주 기간은 … 1년간(평가에 따라 1년 연장 가능)`
                ext = m
        elif not m.extension and ((terms.duration is None and _is_period(text, m, period_cue))
                                  or _total_after_part(text, m, terms.duration, offset)):
            terms.duration = (m.months, offset + m.start, offset + m.end)
    _set_extension(terms, ext, offset)
    level = find_level(text)
    if level:
        terms.level = (level[0], offset + level[1], offset + level[2])
    return terms


# the support money itself named as the item (`지원 비용 : …`, `사업비 : …`): no one cost item
SUPPORT_ITEM = regex.compile(r"지원|정부|국비|보조|출연|사업비")


def _budget_item_cap(text: str, a: Amount) -> bool:
    """The amount is the sum one cost item, the subject of its clause, is budgeted at (`① 원가계산비용
    : 과제 당 1,500,000원 한도 필수 편성`, seed 001's items printed with a limit word; SPENDING_AFTER):
    that item's money, not what the award gets. Not the whole cost (`사업비 : …`) nor a payer's money,
    nor an item's money the call supports (`구축비 : 최대 1억원 지원`)."""
    item = BUDGET_ITEM_SUBJECT.search(text[: a.start])
    if item is None or not SPENDING_AFTER.match(text[a.end : a.end + 24]):
        return False
    word = compiled(r"\s").sub("", item["item"])
    return not (WHOLE_COST.match(word) or SUPPORT_ITEM.search(word) or find_payer(word))
# the payer as the line's subject and the whole cost between it and its share (`정부출연금은 총 연구비의
# 75% 이내`, `자부담은 총 사업비의 30% 이상`, `기업부담금 : 총 연구개발비의 25% 이상`)
SUBJECT_COST = regex.compile(
    r"(?:은|는|[:：])\s*(?:총\s*)?(?:연구\s*개발비|연구비|사업비|비용)\s*(?:의|중)\s*(?:최대|최소)?\s*$")
# what may follow the payer word before its particle (`정부지원` + `연구개발비는`, `정부출연` + `금은`)
PAYER_NOUN_TAIL = regex.compile(r"\s*(?:연구\s*개발비|사업비|출연금|부담금|금)?\s*")


def _subject_payer(text: str, pos: int) -> tuple[Payer, str, int, int] | None:
    """The payer a line opens its clause with when the whole cost stands between it and the share
    (SUBJECT_COST): `정부지원연구개발비는 연구개발비의 75% 이하` is the state's share. Not when the
    cost is an item's (`간접비는 연구개발비의 5% 이내` names no payer) nor after a kind of applicant
    (`중소기업은 …`: the kind's share, shares.py's)."""
    m = SUBJECT_COST.search(text[max(0, pos - 40) : pos])
    if m is None:
        return None
    at = max(0, pos - 40) + m.start()
    payer = _payer_before(text, at, window=16)
    if payer is None or not PAYER_NOUN_TAIL.fullmatch(text[payer[3] : at]):
        return None
    if kinds_in(text[: payer[3]]) or payer[0] not in ("government", "applicant"):
        return None
    return payer


# a count the text calls the whole period (`총 2년 9개월 이내`, `총 연구기간 3년`, `총 연구개발기간은 33개월`)
TOTAL_PERIOD_BEFORE = regex.compile(
    r"(?<![가-힣])총\s*(?:(?:연구\s*(?:개발)?|사업|지원|수행|협약|과제)\s*기간\s*(?:은|는|[:：])?\s*)?(?:최대\s*)?$")


def _total_after_part(text: str, m: Months, read: tuple[int, int, int] | None, offset: int) -> bool:
    """A total period printed after a part of it already read (`’26.4.~’26.12.(9개월), 총 2년 9개월
    이내`: the first year's months, then the whole project's; `9개월(’26.4.~12.) 이후 계속과제로 총
    3년`): the total is the project's period (GOLD_FIELD: the total for multi-year R&D)."""
    if read is None or m.months <= read[0] or read[2] - offset > m.start:
        return False
    return bool(TOTAL_PERIOD_BEFORE.search(text[max(0, m.start - 16) : m.start])
                and not other_period(text, m))


def _budget_item_share(text: str, s: Share) -> bool:
    """The share limits one budget item (`마케팅 비용 : 총 사업비의 30% 이내`, `사업비의 30% 이내에서
    장비 구입 가능`), not a payer's part of the cost."""
    item = BUDGET_ITEM_SUBJECT.search(text[: s.start])
    if item and not WHOLE_COST.match(compiled(r"\s").sub("", item["item"])):
        return True
    return bool(SPENDING_AFTER.match(text[s.end : s.end + 24]))


def _set_extension(terms: Terms, ext: Months | None, offset: int) -> None:
    """The extension beside the period read (`1년 (최대 2년까지 연장 가능)` adds 12 months)."""
    if ext is not None:
        months = added_months(ext, terms.duration[0] if terms.duration else None)
        if months:
            terms.extension = (months, offset + ext.start, offset + ext.end)


# `(2~3차년도)5억원/년`: a cap for each of a range of years, not one year's money
YEAR_RANGE_BEFORE = regex.compile(r"\d\s*[~∼～〜-]\s*\d\s*차\s*(?:연\s*)?년\s*도\s*[)）]?\s*$")


def _years_each(text: str, a: Amount) -> bool:
    return bool(YEAR_RANGE_BEFORE.search(text[max(0, a.start - 12) : a.start])
                and PER_YEAR_AFTER.match(text[a.end : a.end + 8]))


# the period of one year of the project (`1년차 연구기간은 9개월로 산정`, `’19년 연구기간 및 연구비
# 배정은 8개월로 산정`, `(1차년도 개발기간 : 9개월`, `차년도 연구기간은 매년 12개월`)
ONE_YEAR_PERIOD = regex.compile(
    r"""(?:\d\s*년\s*차|\d\s*차\s*(?:연\s*)?년\s*도|차년도|연차별|당해\s*연도|매년|[’'‘`]\s*\d{2}\s*년(?!\s*\d))
        (?:\s*[(（][^)）\n]{1,8}[)）])?  # `’25년(1차년도) 연구기간은`
        \s*(?:의\s*)?(?:연구\s*(?:개발)?|사업|협약|개발|수행|지원)?\s*기간$""",
    regex.X,
)


# the label a line opens with (`ㅇ 당해연도 지원기간 :`)
PERIOD_LINE_LABEL = regex.compile(r"^[^\w(（]*(?P<label>[^:：\n]{1,30}?)\s*[:：]")


def _is_period(text: str, m: Months, in_period_section: bool) -> bool:
    """A month count is the project period when a period word owns it: `사업기간 : 최대 9개월`,
    `6개월 간 지원`, or any count in a 사업기간 section; not `집중AS기간(6개월)`."""
    if other_period(text, m):
        return False  # `사업종료 후 2년 동안`, `최근 5년간`, `*1차년도 9개월`, `3개월 이내 본점 이전`,
        # `5년간 보유해야`
    label = PERIOD_LINE_LABEL.match(text)
    if label and label.end() <= m.start and ONE_YEAR_PERIOD.search(label["label"].rstrip()):
        return False  # `ㅇ 당해연도 지원기간 : 2025. 06. 01. ~ 2026. 05. 31. (12개월)`: one year's months
    if PERIOD_AFTER.match(text[m.end : m.end + 8]):
        return True
    if PERIOD_LABEL_LEAD.match(text) and RANGE_THEN_COUNT.search(text[max(0, m.start - 40) : m.start]):
        return True  # `○ 사업기간 : 협약일 ~ 2026. 11. 30.(약 7개월)`
    before = text[max(0, m.start - 16) : m.start]
    last = before.rfind("기간")
    if last >= 0:
        wide = text[max(0, m.start - 30) : m.start]
        if ONE_YEAR_PERIOD.search(wide[: wide.rfind("기간") + 2]):
            return False  # `2025년도 1년차 연구기간은 9개월로 산정`: one year's months, not the project's
        # the period word read whole, however long (`연구개발기간 : 협약시작일로부터 8개월`: the 16
        # characters before the count cut it to `발기간`)
        return bool(PERIOD_WORD_AT_END.search(wide[: wide.rfind("기간") + 2]))
    return in_period_section


def _support_label(text: str) -> str:
    """The words a line uses for the support when it names no payer (`지원`)."""
    m = compiled(r"정부\s*지원금|정부\s*지원|지원금|지원").search(text)
    return m[0] if m else "지원"


# ---------------------------------------------------------------- 1. tables


@dataclass
class Column:
    kind: Literal["track", "payer", "duration", "level", "total", "other"]
    label: str = ""
    role: Payer | None = None
    share_hint: bool = False  # bare numbers are percentages
    bound_hint: ShareBound | None = None  # `(최대)` in the header
    priority: int = 9
    basis: CapBasis | None = None  # `총 연구비`, `총 지원 규모`: the whole period's money


# `중소기업인 경우 | 중견기업인 경우`: columns by kind of applicant, not payers
CONDITION = regex.compile(r"(?:인|의)\s*경우\s*$")


PER_UNIT_LABEL = regex.compile(r"(?:\d\s*)?(?:인|회|시간|명|일)\s*당")
# the support one person gets (`1인당 지원금액 (백만원)` over `70`, `65 이내`): in a table of
# programs whose awardees are persons (fellowships, training), each award's cap; a unit price
# names what it prices (`회당 단가`, `1일 1인당 다과`), never `지원금액` alone
PER_PERSON_SUPPORT = regex.compile(r"^(?:1\s*)?인\s*당\s*(?:최대\s*)?지원\s*(?:금액|금|액|한도)$")
# a column of each row's support (`RFP명 | 지원규모 | 지원기간`): the money a row prints there is the
# state's per award (`2,133백만원 이내/년`); `지원규모 (이내)` over counts and budgets is not this
# also per award (`지원 규모(과제당)`, `지원규모 (기업당)`)
SCALE_HEADER = regex.compile(r"^지원\s*규모(?:\s*[(（]\s*(?:과제|기업|기관|팀|개사|건)\s*당\s*[)）])?$")
# a money column for the whole project period: `총`, `총연구비`, `총 지원 규모`, `총 정부지원연구개발비`,
# `정부지원 연구비 총액` (an R&D project's money summed over its years)
WHOLE_PERIOD = regex.compile(r"^총$|^총(?:연구(?:개발)?비|지원(?:규모|금액?)|정부(?:지원|출연)|출연금|국비|국고|보조금)"
                             r"|[가-힣](?<!사업비)총액$")  # not `사업비 총액`: the whole cost, all payers


def classify_header(label: str) -> Column:
    """What a column header names (a copy: callers refine the hints of the one they keep)."""
    # every field is immutable; a new instance with the cached one's fields (copy.copy goes
    # through __reduce_ex__, 10x slower, and runs ~40 k times a pass)
    col = object.__new__(Column)
    col.__dict__.update(_classify_header(label).__dict__)
    return col


@lru_cache(maxsize=8192)
def _classify_header(label: str) -> Column:
    text = label.strip()
    core = compiled(r"\(\s*(?:최대|최소|%|단위[^)]*|원|억원|백만원|천원|만원)\s*\)").sub("", text).strip()
    share_hint = bool(compiled(r"비율|비중|분담|%").search(text))
    bound_hint: ShareBound | None = "max" if compiled(r"최대|한도|이내").search(text) else None
    for prio, rx in TRACK_HEADER:
        if rx.search(core):
            return Column("track", core, priority=prio)
    if not_rules(core) or CONDITION.search(core):
        return Column("other", core)
    if PER_PERSON_SUPPORT.match(core):
        return Column("payer", core, "government", basis="per_award")
    if PER_UNIT_LABEL.search(core):
        return Column("other", core)  # `회당 단가`, `1일 1인당`: a unit price, not a cap
    if year_money(core) and not share_hint:
        return Column("other", core)  # `'21년 정부지원연구개발비`: one year's money, not a cap
    if TOTAL.search(core):
        return Column("total", core)
    if WHOLE_PERIOD.search(compiled(r"\s").sub("", core)) and compiled(r"\s").sub("", core) != "총":
        return Column("payer", core, "government", basis="total")
    if compiled(r"(?:사업|지원|협약|수행|과제)?\s*기간").search(core) and not NOT_A_PERIOD.search(core):
        return Column("duration", core)
    if compiled(r"목표\s*수준|구축\s*(?:목표\s*)?수준|수준").search(core):
        return Column("level", core)
    if SCALE_HEADER.match(core):  # an RFP row's `지원규모`: the state's money per award
        return Column("payer", compiled(r"\s*[(（].*$").sub("", core), "government")  # whose: unsaid
    payer = find_payer(core)
    if payer and mixed_payer(core):
        return Column("other", core)
    if payer:
        label = compiled(r"\s*(?:한도|비중|비율)\s*$").sub("", core).strip()
        if not find_payer(label) or GENERIC_PAYER.match(find_payer(label)[1]):
            label = core  # `지원한도` stays whole
        return Column("payer", label, payer[0], share_hint, bound_hint)
    if share_hint:
        return Column("payer", core, "government", True, bound_hint)
    return Column("other", core)


# a bare amount in a table's unit (`750`, `1,215`): a value, not a heading; not a year (`2025`)
# nor a small number (`1`: a 순번, a count)
# a bare number: `1,500`, `300` (not a year), or a decimal (`0.18` in a table of 억 원)
BARE_VALUE = regex.compile(r"\s*(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|(?!(?:19|20)\d\d(?!\d))\d{3,})\s*")


def _is_value(text: str) -> bool:
    return bool(find_amounts(text) or find_share_terms(text) or find_months(text) or BARE_VALUE.fullmatch(text))


# How funding tables read: the heading rows are the leading ones (at most three) before a row
# with an amount, a share or a period; a track named only by a sum word (`합계`, `총 합계`)
# is the rows' sum.
FUNDING_TABLE = TableSettings(header="until_value", value=_is_value,
                              total_words=(r"총\s*합\s*계", *SUM_WORDS), total_end="$", total_compact=True)


def _column_labels(rows: list[list[Cell | None]], n_header: int) -> list[list[str]]:
    """Header texts per column, top down; an empty upper cell over a filled lower one belongs
    to the group header on its left (`분담비율(%)` over `정부 | 주관기관 | 도입기업`)."""
    n_cols = len(rows[0]) if rows else 0
    labels: list[list[str]] = [[] for _ in range(n_cols)]
    for r in range(n_header):
        group = ""
        for c in range(n_cols):
            cell = rows[r][c]
            text = cell.text.strip() if cell else ""
            below = rows[r + 1][c] if r + 1 < n_header else None
            if text:
                group = text
            elif below is not None and below.text.strip() and group:
                text = group
            if text and (not labels[c] or labels[c][-1] != text):
                labels[c].append(text)
    return labels


def _column_of(labels: list[str]) -> Column:
    """The most specific header text decides; group headers add hints (분담비율 → shares)."""
    cols = [classify_header(t) for t in labels] or [Column("other")]
    if labels and year_money(labels[-1]):
        return Column("other", labels[-1])  # `정부지원연구개발비` over `’26년`: one year's money
    at = next((k for k in reversed(range(len(cols))) if cols[k].kind != "other"), len(cols) - 1)
    best = cols[at]
    if best.kind != "track" and any(not_rules(t) for t in labels):
        return Column("other", labels[-1])  # `기술료` over `중소기업 | 중견기업`, `금액 (예시)`
    named = [c for c, t in zip(cols[:at], labels, strict=False) if c.kind == "payer" and find_payer(t)]
    if best.kind == "payer" and labels and not find_payer(labels[at]) and named:
        best = named[-1]  # `자부담` over `비율`: the share is the applicant's, not the state's
    if best.kind == "payer":
        if any(WHOLE_PERIOD.search(compiled(r"\s").sub("", t)) for t in labels):
            best.basis = "total"  # `정부지원연구개발비` over `’26년 | 총`: the 총 column
        best.share_hint = best.share_hint or any(c.share_hint for c in cols)
        best.bound_hint = best.bound_hint or next((c.bound_hint for c in cols if c.bound_hint), None)
    elif best.kind == "other" and any(c.share_hint for c in cols):
        best = Column("payer", best.label or labels[-1], "government", True)
    return best


# a bare total followed by its split over the years (`1,460(’25년 400, 향후 1,060) 이내`): the
# whole period's money
YEARS_SPLIT = regex.compile(
    r"""\s*(\d{1,3}(?:,\d{3})+|\d+)\s*
        [(（]\s*[’'‘`]?\s*\d{2,4}\s*년\s*(?:도\s*)?[\d,.]+\s*[,，]\s*(?:향후|이후|잔여|\S{0,8}년\s*도?)\s*[\d,.]+\s*[)）]
        \s*(?:이내|이하|내외)?\s*""",
    regex.X,
)


# a note under it naming another payer's money in the same unit (`* 지방비 400 이내`)
PAYER_NOTE = regex.compile(r"^\s*[*※]*\s*(?P<payer>[가-힣]{2,8}?)\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?:이내|이하)")


# a bare number in a table of one unit (`1,500` in 백만원), or in parentheses (`(2,640)`: the
# provisional money of the years to come, printed as the later years' `(960)`)
BARE_NUMBER = regex.compile(r"\s*(?:(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                            r"|[(（]\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*[)）])\s*")


# `총 10억원(연 4억원)`: a year's cap in parentheses right after the whole period's
YEAR_CAP_AFTER = regex.compile(r"\s*[(（]\s*(?:연|연간|연차별|매년)\s*(?:최대\s*)?")
# the cell's own `총` before the first amount (`총 10억원(연 4억원)*`): the whole period's
WHOLE_IN_CELL = regex.compile(r"^\s*총\s*$")


# a bare amount in the column's unit with its bound (`65 이내`, `172 내외`, `9~15 이내`: the upper
# end) and a note under it (`(1개 연구단당)`, `(국가/기관별 상이)`); a note naming the case the
# amount holds for (`(장기연수 기준)`) makes it one case's, not the row's
BARE_CAP_CELL = regex.compile(
    r"""\s*(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*[~∼～〜]\s*)?
        (?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:이내|이하|내외|까지)
        \s*(?:[(（](?P<note>[^()（）]{1,30})[)）]\s*)?""", regex.X)
CASE_NOTE = regex.compile(r"기준\s*$|예시|경우")


def cell_terms(text: str, start: int, col: Column, unit: int | None = None) -> Terms:
    """Terms of one cell's text under column `col`; `start` is the text's offset."""
    terms = Terms()
    if col.kind == "payer" and col.role:
        role, label = col.role, col.label
        named = find_payer(text)
        if named and GENERIC_PAYER.match(col.label):
            role, label = named[0], named[1]  # `지원한도` over `(정부지원금)`
        f = terms.fund(role, label)
        if ILLUSTRATION.search(text):
            return Terms()  # `2. B업소의 총사업비가 600만원인 경우 250만원 지원`: an example row's case
        amounts = [a for a in find_amounts(text) if a.bound in (None, "max") and not _class_bound(text, a)]
        if amounts:
            a = amounts[0]
            year = YEAR_CAP_AFTER.match(text, a.end)
            basis = col.basis or cap_basis(text[max(0, a.start - 10) : a.start], text[a.end : a.end + 8])
            if (basis == "per_award" and year and len(amounts) > 1 and amounts[1].start == year.end()
                    and WHOLE_IN_CELL.match(text[: a.start])):
                basis = "total"  # `총 10억원(연 4억원)` under a label that does not say `총`
            f.set_cap(a.krw, (start + a.start, start + a.end), basis)
            if f.basis == "total" and year and len(amounts) > 1 and amounts[1].start == year.end():
                y = amounts[1]  # `총 10억원(연 4억원)*`
                f.year_cap, f.year_span = y.krw, (start + y.start, start + y.end)
        shares = find_share_terms(text)
        if shares:
            sh = shares[0]
            bound = col.bound_hint if sh.bound == "exact" and col.bound_hint else sh.bound
            f.set_share(sh.pct, bound, (start + sh.start, start + sh.end))
        bare = BARE_NUMBER.fullmatch(text)  # `1,500` in 백만원
        if bare and not amounts and not shares:
            g = 1 if bare[1] is not None else 2
            value = float(bare[g].replace(",", ""))
            span = (start + bare.start(g), start + bare.end(g))
            if col.share_hint and value <= 100:
                f.set_share(int(value) if value.is_integer() else value, col.bound_hint or "exact", span)
            elif unit:
                f.set_cap(int(value * unit), span, col.basis or "per_award")
        loose = BARE_CAP_CELL.fullmatch(text) if unit and not bare and not col.share_hint else None
        if loose and not amounts and not shares and not CASE_NOTE.search(loose["note"] or ""):
            span = (start + loose.start("n"), start + loose.end("n"))  # `65 이내`, `9~15 이내` in 백만원
            f.set_cap(int(float(loose["n"].replace(",", "")) * unit), span, col.basis or "per_award")
        first, _, rest = text.partition("\n")
        split = YEARS_SPLIT.fullmatch(first)
        if split and unit and not amounts:  # `1,460(’25년 400, 향후 1,060) 이내` in 백만원
            f.set_cap(int(float(split[1].replace(",", "")) * unit),
                      (start + split.start(1), start + split.end(1)), "total")
            at = start + len(first) + 1
            for line in rest.split("\n"):  # `* 지방비 400 이내, 선정시 추가 지원`: another payer's
                m = PAYER_NOTE.match(line)
                other = find_payer(m["payer"]) if m else None
                if m and other and other[0] != role:
                    terms.fund(other[0], other[1]).set_cap(
                        int(float(m["n"].replace(",", "")) * unit), (at + m.start("n"), at + m.end("n")), "total")
                at += len(line) + 1
    elif col.kind == "duration":
        ext: Months | None = None
        for m in find_months(text):
            if m.extension and ext is None:
                ext = m
            elif (not m.extension and terms.duration is None
                  and not OTHER_PERIOD_BEFORE.search(text[max(0, m.start - 16) : m.start])):
                # not `1차년도 9개월, 총 2년 9개월`'s first year, nor `종료 후 2년` after the project
                terms.duration = (m.months, start + m.start, start + m.end)
            elif not m.extension and _total_after_part(text, m, terms.duration, start):
                terms.duration = (m.months, start + m.start, start + m.end)  # `(9개월)\n총 2년 9개월`
        _set_extension(terms, ext, start)
    if col.kind in ("level", "other", "track"):
        level = find_level(text, bare=col.kind == "level")
        if level:
            terms.level = (level[0], start + level[1], start + level[2])
    return terms


# Rows or columns by kind of applicant (`대기업 | 총 연구개발비의 50% 이상`, `중소기업 (영 제19조제1항
# 제1호) | 중견기업 | …`, `그 밖의 경우`): each states a share for one kind of applicant, not a track's
# nor every applicant's; two or more such labels make the table one by kind, which states no
# unkinded terms (a `중소기업 (자부담)` column is the applicant's as payer, not a kind)
APPLICANT_KIND = regex.compile(
    # a two-level header read as one row puts its group label first (`지원내용 대기업 | 지원내용
    # 중견기업 | 지원내용 중소기업`, untuned dangjin_seokmun_industrial_complex): still a kind
    r"^\s*(?:지원\s*(?:내용|비율|한도|규모|금액)\s+)?(?:대\s*기업|중견\s*기업|중소\s*기업|공\s*기업|소\s*기업|영농\s*조합\s*법인|농업\s*회사\s*법인|"
    r"비영리|그\s*(?:밖|외)의\s*경우|참여\s*기업이\s*복합|[^\n]{0,20}비율이\s*[\d/]+\s*(?:이상|이하)인\s*경우|"
    r"(?:영\s*)?제\s*\d+\s*조\s*제\s*\d+\s*항\s*제\s*\d+\s*호)"  # `제19조제1항제1호에 해당`: a class by law
)


def _by_kind(texts: Iterable[str]) -> bool:
    return sum(1 for t in texts if APPLICANT_KIND.match(t) and "부담" not in t) >= 2


def _kinds_in_first_column(rows: list[list[Cell | None]]) -> bool:
    """Kinds down the first column, its header row counted (`대기업, 공기업 | 국제공동연구개발비를
    제외한` / `연구개발비의 50% 이하 | 기관부담연구개발비의 15% 이상` / `중견기업 | …`: the standard
    R&D table with each cell printed over two lines, its rows broken, so the first kind's row
    reads as the header and `대기업` as a payer column): the kinds' shares (shares.py), no
    track's terms."""
    return _by_kind(r[0].text for r in rows if r and r[0] is not None)


# a label giving its cells' unit: `정부지원연구개발비\n(백만원)`
LABEL_UNIT = regex.compile(r"[(（]\s*((?:천|만|백\s?만|천\s?만|억)\s?원)\s*[)）]")


def _label_unit(label: str) -> int | None:
    m = LABEL_UNIT.search(label)
    return unit_multiplier(f"단위 : {m[1]}") if m else unit_multiplier(label)


def _rfp_sheet(rows: list[list[Cell | None]], unit: int | None = None
               ) -> tuple[str, tuple[int, int], Terms] | None:
    """An RFP's sheet (제안요청서): `과제명 | <the title>` across the top, then its sections
    (`과제개요`, `연구목표`, `연구기간 | 총 정부출연금` over `1년 이내 | 1.5억원 이내`, `연구기간 및 예산 |
    …`). One track named by the title; its terms are the values beside or below the labels of a
    period or of money (one year's money excluded); a bare number in the label's unit or, with
    none, in `unit` (the table's `(단위 : 백만 원)` line)."""
    label = rows[0][0] if rows[0] else None  # merged over two columns (`연구과제명 | 연구과제명 | …`)
    tops = {id(c): c for c in rows[0][1:] if c is not None and c is not label and c.text.strip()}
    if len(tops) != 1:
        return None
    cell = next(iter(tops.values()))
    first = cell.text.strip().split("\n", 1)[0]
    title = strip_marker(first).strip()
    if not is_rfp_title(title):
        return None
    at = cell.start + cell.text.find(title)
    terms = Terms()
    for r, row in enumerate(rows[1:], 1):
        for c, lab in enumerate(row):
            if lab is None:
                continue
            bare = strip_marker(lab.text)  # once per cell, not three times
            if len(bare) > 15:
                continue
            col = classify_header(bare)
            if col.kind not in ("duration", "payer") or year_money(lab.text):
                continue
            for nxt in ((rows[r + 1][c] if r + 1 < len(rows) else None),
                        (row[c + 1] if c + 1 < len(row) else None)):
                if nxt is None or nxt is lab:
                    continue
                if (col.kind == "duration" and bare != lab.text.strip()
                        and len(strip_marker(nxt.text)) > 15):
                    # a numbered section (`6. 지원기간/예산/추진체계`) over its cell of prose lines
                    t = prose_period(nxt.text, nxt.start)
                elif _classify_header(nxt.text).kind != "other":  # its kind only: no copy
                    continue
                else:
                    t = cell_terms(nxt.text, nxt.start, col, _label_unit(lab.text) or unit)
                if not t.empty():
                    terms.fill(t)
                    break
    return title, (at, at + len(title)), terms


def prose_period(text: str, start: int) -> Terms:
    """The project period a cell of prose (lines) states: the first month count a period word
    owns (`ㅇ 연구개발기간 : 33개월 이내(1차년도 개발기간 : 9개월, …)` → 33; not the first
    year's `개발기간 : 9개월`, not `최소 현장 실증 기간은 3개월 이상`), and an extension."""
    terms = Terms()
    at = start
    for line in text.split("\n"):
        for m in find_months(line):
            if m.extension and terms.extension is None:
                terms.extension = (m.months, at + m.start, at + m.end)
            elif not m.extension and terms.duration is None and _is_period(line, m, False):
                terms.duration = (m.months, at + m.start, at + m.end)
        at += len(line) + 1
    return terms


def _title_row(rows: list[list[Cell | None]]) -> int | None:
    """The row of an RFP sheet's `과제명 | <the title>` when rows precede it (`번호 |
    2025-지역-지정-일반-05`, `재난·안전 기술분류 | …`); None when the title row is the first."""
    for r in range(1, min(4, len(rows))):
        first = rows[r][0] if rows[r] else None
        if first is not None and TRACK_HEADER[0][1].search(strip_marker(first.text)):
            return r
    return None


def read_numbered_sheet(table: Table, tracks: Tracks, unit: int | None = None) -> bool:
    """An RFP sheet whose title row follows its number row: one track named by the title,
    with the terms of its sections (a period in the prose of `6. 지원기간/예산/추진체계`)."""
    rows = table.grid()
    at = _title_row(rows)
    if at is None:
        return False
    sheet = _rfp_sheet(rows[at:], unit)
    if sheet is None:
        return False
    name, span, terms = sheet
    if not terms.empty():
        tracks.rfp.add(norm_key(tracks.add(tracks.similar(name, terms), [span], terms).name or ""))
    return True


def read_table(table: Table, caption: str, tracks: Tracks, path: list[int] | None = None) -> bool:
    """Tracks from one table; False when the table states no funding terms.

    What the table states for every track row (a summary row `분담비율`, a cell merged over all
    track rows) also goes to `tracks.common` at the table's section `path`: it holds for the
    tracks other tables and lines add as well."""
    g = table_reader.read_table(table, FUNDING_TABLE)
    rows, n_header = g.rows, g.n_header
    if n_header == 0 or n_header >= len(rows):
        return False
    if len(caption) <= 100 and not_rules(caption):
        return False  # `< 사업비 구성 예시 … >`, `o 기술료 상한`
    labels = _column_labels(rows, n_header)
    if _by_kind(stack[-1] for stack in labels if stack):
        return False  # `중소기업 | 중견기업 | 공기업 …` across the top
    if _kinds_in_first_column(rows):
        return False  # a kinds table whose first kind row was read as its header
    cols = [_column_of(stack) for stack in labels]
    for i in _part_columns(labels, cols):
        cols[i] = Column("other", labels[i][-1])
    _sum_columns(labels, cols)
    for i, stack in enumerate(labels):
        if stack and cols[i].kind == "other" and _money_column(rows, n_header, i, stack[-1]):
            cols[i] = Column("payer", stack[-1], "government")  # `지원내용 | 기업 당 최대 1억 원`
    value_cols = [i for i, c in enumerate(cols) if c.kind in ("payer", "duration", "level")]
    if not any(cols[i].kind in ("payer", "duration") for i in value_cols):
        return False
    track_cols = sorted((c.priority, i) for i, c in enumerate(cols) if c.kind == "track")
    # the `합계` row and a note across the table (`※ …`) belong to no group
    body = [rows[r] for r in g.body() if r not in g.totals and len(table_reader.distinct(rows[r])) > 1]
    grouped = [(p, i) for p, i in track_cols if p != RFP_PRIORITY and _one_cell(body, i)]
    if grouped:  # `자유공모 (17개)` merged down the whole table: a group's label, no track's name
        track_cols = [t for t in track_cols if t not in grouped]
        if not track_cols:
            return False
    track_col = track_cols[0][1] if track_cols else None
    name_cols = _name_columns(rows, n_header, track_col)
    count_col = next((i for i, st in enumerate(labels) if st and COUNT_HEADER.search(st[-1])), None)
    rfp = bool(track_cols) and track_cols[0][0] == RFP_PRIORITY
    unit = unit_multiplier(caption + " " + " ".join(c.text for c in rows[0] if c))
    # a column's own unit in its header (`1인당 지원금액 (백만원)`) when the table states none
    units = [unit or next((u for t in stack if (u := _label_unit(t))), None) for stack in labels]

    named: list[tuple[str, tuple[int, int], Terms]] = []
    summary = Terms()
    previous: dict[int, Terms] = {}
    printed: list[dict[int, Cell]] = []  # per track row, the value cells printed in it
    # an RFP's sheet: `과제명 | <the title>` across the top, whatever its other labels make of
    # the columns (`연구개발기간 | … | 공모방식 | …`, `정부지원연구개발비 (백만원) | … | 과제유형 | …`)
    first = rows[0][0]
    titled = first is not None and bool(TRACK_HEADER[0][1].search(strip_marker(first.text).strip()))
    if (rfp and track_col == 0) or titled:
        sheet = _rfp_sheet(rows, unit)
        if sheet is not None:
            name, span, terms = sheet
            if not terms.empty():
                tracks.rfp.add(norm_key(tracks.add(tracks.similar(name, terms), [span], terms).name or ""))
            return True  # an RFP's sheet: its other rows are its sections, not tracks
    label_col = track_col if track_col is not None else (0 if cols[0].kind == "other" else None)
    if label_col is not None and _by_kind(r[label_col].text for r in rows[n_header:] if r[label_col]):
        return False  # `대기업 | 50% 이상`, `중견기업 | 40% 이상` down the side
    for row in rows[n_header:]:
        label_cell = row[label_col] if label_col is not None else None
        if label_cell is not None and not_rules(label_cell.text):
            continue  # a row of royalties (`기술료 상한`) or of an example
        name_cell = row[track_col] if track_col is not None else None
        name = _clean_name(without_name_note(name_cell.text)) if name_cell else ""
        name_spans: list[tuple[int, int]] = []
        if len(name_cols) > 1:
            name, name_spans = _row_name(row, name_cols)
        row_terms = Terms()
        cells: dict[int, Cell] = {}
        tiers = _tiers(row, cols, units) if track_col is None else None
        if tiers is not None:
            tier_col, found = tiers
            for tier, span, terms in found:  # `(석사) 43 내외 (박사) 52 내외` in one cell
                tracks.add(tier, [span], terms)
        for i in value_cols + [i for i, c in enumerate(cols) if c.kind in ("other", "track")]:
            cell = row[i]
            if cell is None or (tiers is not None and i == tier_col):
                continue
            if not cell.text.strip():
                if name and i in previous and i in value_cols:
                    row_terms.fill(previous[i])  # merged cell: the value above spans this row
                continue
            t = cell_terms(cell.text, cell.start, cols[i], units[i])
            if i in value_cols:
                previous[i] = t
                cells[i] = cell
            row_terms.fill(t)
        if count_col is not None and _awards_in(row[count_col]) > 1:
            for i in value_cols:
                if (cols[i].kind == "payer" and not PER_AWARD_LABEL.search(cols[i].label)
                        and not (row[i] is not None and CEILING_PER_YEAR.search(row[i].text))):
                    for f in row_terms.funding.values():
                        f.cap = f.cap_span = None  # `4 과제 | 932`: the money of four awards
                    break
        if track_col is None:
            summary.fill(row_terms)
        elif name and (is_track_name(name) or (rfp and is_rfp_title(name))):
            count = row[count_col] if count_col is not None else None
            m = AWARD_COUNT.match(count.text) if count is not None else None
            if count is not None and m:  # the row's own awards (`선정예정 과제수`)
                per = m["unit"] or ("과제" if "과제" in labels[count_col][-1] else None)
                row_terms.awards = (int(m["n"]), per, count.start + m.start("n"), count.start + m.end("n"))
            if rfp:
                tracks.rfp.add(norm_key(name))
            if not name_spans and name_cell is not None:
                offset = name_cell.text.find(name)
                name_spans = [(name_cell.start + offset, name_cell.start + offset + len(name))]
            named.append((name, name_spans, row_terms))
            printed.append(cells)
        elif not name or SUMMARY_ROW.match(compiled(r"\s").sub("", name)) or TOTAL.search(name):
            if FUNDING_TABLE.is_total(name):
                for f in row_terms.funding.values():  # `합계 | 8,700 | 51,100`: the rows' sum, no cap
                    f.cap = f.cap_span = None
            summary.fill(row_terms)
    if track_col is None or not named:
        if summary.empty():
            return False
        tracks.add(None, [], summary)
        return True
    if all(t.empty() for _, _, t in named) and summary.empty():
        return False
    common = Terms()
    common.fill(summary)
    if len(printed) >= 2:
        for i, cell in printed[0].items():
            if all(i not in later or later[i] is cell for later in printed[1:]):
                common.fill(cell_terms(cell.text, cell.start, cols[i], units[i]))  # merged over all rows
    for name, spans, terms in named:
        terms.fill(summary)
        tracks.add(name, spans, terms)
    if not common.empty() and path is not None:
        tracks.common.append((path, common))
    return True


# the support column of a field or RFP table in the other wordings of `지원규모` (`지원내용`, `지원조건`,
# as other calls head it: variants_wording's funding facet)
SUPPORT_HEADER = regex.compile(r"^지원\s*(?:내용|조건)(?:\s*[(（]\s*(?:과제|기업|기관|팀|개사|건)\s*당\s*[)）])?$")
MONEY_CELL_CHARS = 80


def _money_column(rows: list[list[Cell | None]], n_header: int, i: int, label: str) -> bool:
    """A SUPPORT_HEADER column whose every filled body cell is a short amount, not prose
    (`기업 당 최대 1억 원`, `2,133백만원 이내/년 (1차년도 1,600백만원 이내)`): the state's money per award,
    as under `지원규모` (SCALE_HEADER). No share, no list item, no cell without an amount."""
    if not SUPPORT_HEADER.match(label.strip()):
        return False
    texts = {id(row[i]): row[i].text.strip() for row in rows[n_header:]
             if i < len(row) and row[i] is not None and row[i].text.strip()}
    return bool(texts) and all(
        len(t) <= MONEY_CELL_CHARS and not CELL_ITEM.match(t) and not find_share_terms(t)
        and (amounts := find_amounts(t)) and amounts[0].bound in (None, "max") for t in texts.values())


# a column counting the awards of a row (`과제수`, `선정 과제 수`, `지원 과제수`)
COUNT_HEADER = regex.compile(r"과\s*제\s*수$|선정\s*(?:규모|건수)$|지원\s*(?:규모|과제\s*수)\s*[(（]\s*(?:개|과제)\s*[)）]$")
# money printed per award (`과제당 지원금`, `기업당 지원한도`)
PER_AWARD_LABEL = regex.compile(r"(?:과제|기업|기관|개사|건|팀)\s*당")
# a ceiling per year (`500백만원 이내/년`) beside a count of awards is each award's, not their sum
CEILING_PER_YEAR = regex.compile(r"원\s*이내\s*[/／]\s*(?:년|연)(?![가-힣])")


def noted_case_caps(table: Table) -> list[tuple[str, Payer, str, int, tuple[int, int], CapBasis]]:
    """Amounts a money column prints for one case only (`60 이내 (장기연수 기준)` in 백만원):
    (the case the note names, the payer and the column's label, won, the amount's span, basis);
    no cap of the row's, the one of the row that case labels."""
    g = table_reader.read_table(table, FUNDING_TABLE)
    rows, n_header = g.rows, g.n_header
    if n_header == 0 or n_header >= len(rows):
        return []
    labels = _column_labels(rows, n_header)
    cols = [_column_of(stack) for stack in labels]
    out: list[tuple[str, Payer, str, int, tuple[int, int], CapBasis]] = []
    for row in rows[n_header:]:
        for i, cell in enumerate(row):
            unit = next((u for t in labels[i] if (u := _label_unit(t))), None) if i < len(labels) else None
            if cell is None or not unit or cols[i].kind != "payer" or not cols[i].role:
                continue
            m = BARE_CAP_CELL.fullmatch(cell.text)
            case = compiled(r"\s*기준\s*$").sub("", m["note"]) if m and m["note"] else ""
            role = cols[i].role
            if m and case and role and CASE_NOTE.search(m["note"]) and not any(
                    o[4][0] == cell.start + m.start("n") for o in out):
                out.append((case, role, cols[i].label, int(float(m["n"].replace(",", "")) * unit),
                            (cell.start + m.start("n"), cell.start + m.end("n")), cols[i].basis or "per_award"))
    return out


# tiers printed in one money cell, each label over its amount (`(선도연구자\n/유망연구자)\n90 이내\n
# (교수급)\n60 이내`, `(석사)\n43 내외\n(박사)\n52 내외`)
TIER = regex.compile(r"[(（](?P<label>[^()（）\d]{1,24}?)[)）]\s*(?P<value>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:이내|내외|이하)?\s*")


def _tiers(row: list[Cell | None], cols: list[Column],
           units: list[int | None]) -> tuple[int, list[tuple[str, tuple[int, int], Terms]]] | None:
    """A row without a name column whose money cell lists two or more labelled amounts and
    nothing else: one track per label. Each takes its amount as its cap when the column is a
    payer's (in the table's unit; `1인당 지원금액` is one); another per-unit column names the tiers only."""
    for i, cell in enumerate(row):
        if cell is None or i >= len(cols) or not (cols[i].kind == "payer" or PER_UNIT_LABEL.search(cols[i].label)):
            continue
        found = list(TIER.finditer(cell.text))
        rest = cell.text[found[-1].end():].strip() if found else ""
        if (len(found) < 2 or cell.text[: found[0].start()].strip() or any(
                a.end() != b.start() for a, b in pairwise(found))
                or (rest and not NOTE_LINE.match(rest))):
            continue  # only labelled amounts, one after another, and a note (`※ …`) under them
        out = []
        for m in found:
            name = compiled(r"\s*\n\s*").sub("", m["label"]).strip()
            terms = Terms()
            if cols[i].kind == "payer" and cols[i].role and units[i]:
                at = cell.start + m.start("value")
                terms.fund(cols[i].role, cols[i].label).set_cap(
                    int(float(m["value"].replace(",", "")) * units[i]), (at, at + len(m["value"])),
                    cols[i].basis or "per_award")
            out.append((name, (cell.start + m.start("label"), cell.start + m.end("label")), terms))
        return i, out
    return None


def _name_columns(rows: list[list[Cell | None]], n_header: int, track_col: int | None) -> list[int]:
    """The columns one track header spans (`공고단위 (RFP명)` over the RFP's title, then a stage,
    a country or a disease where one RFP is split): a row's name is read across all of them."""
    if track_col is None:
        return []
    head = rows[n_header - 1][track_col]
    if head is None:
        return [track_col]
    return [i for i, cell in enumerate(rows[n_header - 1]) if cell is head]


# a note the name cell prints after the track's name, a space then a star or ※ (`고급기술 창업 *신청자가
# 3가지 조건 중 1개라도 해당될 경우 인정`, untuned inu_startup_business): the name ends before it. Not a
# note stating money or a share (`일반형 ※ 최대 1억원`): that cell is no bare name
NAME_NOTE = regex.compile(r"(?<=\S)[ \t]+[*※]\s*\S.*$", regex.S)
NOTE_TERMS = regex.compile(r"\d\s*(?:%|퍼센트|[십백천]?\s*[만억]?\s*원)")


def without_name_note(text: str) -> str:
    note = NAME_NOTE.search(text)
    return text[: note.start()] if note and not NOTE_TERMS.search(note[0]) else text


def _row_name(row: list[Cell | None], cols: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """`RFP 제목 / 세부 분야 / 질환`: the distinct texts a row prints under one spanning track
    header, joined, with each one's span."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    for i in cols:
        cell = row[i]
        raw = without_name_note(cell.text) if cell is not None else ""
        text = _clean_name(raw)
        if cell is None or not text or text in parts:
            continue
        parts.append(text)
        lead = len(raw) - len(raw.lstrip())
        spans.append((cell.start + lead, cell.start + len(raw.rstrip())))
    return " / ".join(parts), spans


def _one_cell(body: list[list[Cell | None]], i: int) -> bool:
    """Column `i` is one cell merged over every body row (two or more)."""
    cells = {id(r[i]) for r in body if r[i] is not None}
    return len(body) >= 2 and len(cells) == 1 and all(r[i] is not None for r in body)


# a 과제수 cell's count (`4`, `3개`, `2 과제`); an exact count only (not `3 내외`)
AWARD_COUNT = regex.compile(r"^\s*(?P<n>\d{1,3})\s*(?P<unit>과제|개|건)?\s*$")


def _awards_in(cell: Cell | None) -> int:
    """The count a 과제수 cell prints (`4`, `3개`, `2 과제`); 0 when none."""
    m = compiled(r"^\s*(\d{1,3})\s*(?:개|과제|건)?\s*(?:내외|이내)?\s*$").match(cell.text) if cell else None
    return int(m[1]) if m else 0


# what a sub-column under one payer may state about that payer's terms (not a part of its money)
FACET = regex.compile(r"금액|비율|비중|한도|%|최대|최소|단위|^\(?[천백만억]*원\)?$")


# the sum of a payer's sub-columns (`정부지원 연구개발비` over `’25년 | ’26년 | ’27년 | 총액`, `기관별
# 지원금액` over `과기정통부 | 교육부 | 총액`): the payer's money; over years, the whole period's
SUM_LABEL = regex.compile(r"^총\s*액$")


def _sum_columns(labels: list[list[str]], cols: list[Column]) -> None:
    """A payer's `총액` sub-column sums its siblings: over years (`’25년 | ’26년`) it is the whole
    period's money (basis `total`); over parts (`과기정통부 | 교육부`) the award's."""
    for i, (stack, col) in enumerate(zip(labels, cols, strict=True)):
        if col.kind != "payer" or len(stack) < 2 or not SUM_LABEL.match(compiled(r"\s").sub("", stack[-1])):
            continue
        group = stack[-2]
        siblings = [s[-1] for j, s in enumerate(labels) if j != i and len(s) >= 2 and s[-2] == group]
        if siblings and all(year_money(t) for t in siblings):
            col.basis = "total"


def _part_columns(labels: list[list[str]], cols: list[Column]) -> list[int]:
    """Payer columns that hold a part of the payer's money: `창업기업 자기부담사업비` over `현금 |
    현물` (the cash part of the applicant's share is not the applicant's share). Not sub-columns
    stating facets of one payer's terms (`정부지원금` over `금액 | 비율`)."""
    out = []
    for i, (stack, col) in enumerate(zip(labels, cols, strict=True)):
        if col.kind != "payer" or len(stack) < 2:
            continue
        lowest = stack[-1]
        upper = [t for t in stack[:-1] if classify_header(t).kind == "payer"]
        if SUM_LABEL.match(compiled(r"\s").sub("", lowest)):
            continue  # `기관별 지원금액` over `과기정통부 | 교육부 | 총액`: the sum of the parts is the payer's
        if (not upper or classify_header(lowest).kind != "other"
                or FACET.search(compiled(r"\s").sub("", lowest)) or WHOLE_PERIOD.search(compiled(r"\s").sub("", lowest))):
            continue  # `정부지원연구개발비` over `’26년 | 총`: the year's and the whole period's, not parts
        group = upper[-1]
        if any(0 <= j < len(labels) and group in labels[j] for j in (i - 1, i + 1)):
            out.append(i)
    return out


def read_label_table(table: Table, tracks: Tracks,
                     part: tuple[str, tuple[int, int]] | None = None) -> bool:
    """A table whose first column names what each row states (`지원금액 | 250만원 | 500만원`).

    With track names across the top row (`구분 | 기본 컨설팅 | 심화 컨설팅`) each column is a
    track; otherwise the table describes the program's one unnamed track, and a row printing
    different values across columns that name no tracks (`중소기업인 경우 | 중견기업인 경우`) says
    whose each is not: nothing. Inside a numbered `part` (`󰋎 민간투자연계형 R&D 과제지원` over
    `구 분 | 내 용` … `지원 규모(과제당) | ○ 1억원 이내`) the table states that part's track's terms.
    """
    rows = table.grid()
    if not rows or len(rows[0]) < 2:
        return False
    top = rows[0][1:]
    names = [_clean_name(c.text) if c else "" for c in top]
    by_column = all(n and is_track_name(n) for n in names) and len(set(names)) == len(names)
    per_track: list[Terms] = [Terms() for _ in names] if by_column else [Terms()]
    for row in rows[1:] if by_column else rows:
        label = row[0]
        if label is None:
            continue
        col = classify_header(_clean_name(label.text))
        if col.kind not in ("payer", "duration", "level"):
            continue
        cells: dict[int, tuple[int, Cell]] = {}  # a merged cell once, at its first column
        for k, cell in enumerate(row[1:]):
            if cell is not None and cell is not label and cell.text.strip():
                cells.setdefault(id(cell), (k, cell))
        if not by_column and len({compiled(r"\s").sub("", c.text) for _, c in cells.values()}) > 1:
            continue  # `정부지원 비율 | 75% 이내 | 70% 이내` under `중소기업인 경우 | 중견기업인 경우`
        for k, cell in cells.values():
            per_track[k if by_column else 0].fill(cell_terms(cell.text, cell.start, col))
    if all(t.empty() for t in per_track):
        return False
    if by_column:
        for cell, name, terms in zip(top, names, per_track, strict=True):
            if cell is not None:
                at = cell.start + cell.text.find(name)
                tracks.add(name, [(at, at + len(name))], terms)
    elif part is not None:
        tracks.add(part[0], [part[1]], per_track[0])
    else:
        tracks.add(None, [], per_track[0])
    return True


def _clean_name(text: str) -> str:
    return compiled(r"\s+").sub(" ", strip_marker(text)).strip()


# ---------------------------------------------------------------- 2. flattened tables


def flattened_header(text: str) -> list[Column] | None:
    """`지원구분 정부지원금 한도 사업기간 접수형태` → its columns, if it is a track table header."""
    labels = flat.header_labels(text, FLAT_TABLE)
    if labels is None:
        return None
    cols: list[Column] = []
    for label, *qualifiers in labels:
        col = classify_header(label)
        for word in qualifiers:  # `한도`, `비중`, `(최대)`: hints for the label before
            hint = classify_header(col.label + " " + word)
            col.share_hint = col.share_hint or hint.share_hint
            col.bound_hint = col.bound_hint or hint.bound_hint
        cols.append(col)
    if cols[0].kind != "track" or any(c.kind == "track" for c in cols[1:]):
        return None
    if not any(c.kind in ("payer", "duration") for c in cols):
        return None
    return cols


LINE_COMPLETE = regex.compile(r"(?:원|개월|년|[)\]）]|지원|가능|함|음|임|다|됨|\.|까지|이내|이상|이하|내외|필수|불가)\s*$")
# `[유형1_기획형 창업지원] : 1단계(창업준비・기획) 16개 과제, …`: a bracketed track before a colon
BRACKET_LABEL = regex.compile(r"^\s*[\[［]\s*([^\[\]［］]{1,15}?)\s*[\]］]\s*[:：]\s*(.*)$", regex.S)
LABELLED_LINE = regex.compile(r"^\s*[(（]\s*([^()（）]{1,15}?)\s*[)）]\s*(.*)$", regex.S)


def _value_items(text: str) -> list[tuple[int, int, str]]:
    """(start, end, column kind) of the amounts and shares (`payer`) and month counts
    (`duration`) in a line, in order; a unit price (`회당 35만원`) is no one's funding: text."""
    items = [(a.start, a.end, flat.TEXT if PER_UNIT_BEFORE.search(text[max(0, a.start - 8) : a.start])
              else "payer") for a in find_amounts(text)]
    items += [(s.start, s.end, "payer") for s in find_share_terms(text)]
    items += [(m.start, m.end, "duration") for m in find_months(text)]
    items.sort()
    out: list[tuple[int, int, str]] = []
    for it in items:
        if out and it[0] < out[-1][1]:
            continue
        out.append(it)
    return out


def _states_terms(label: str) -> bool:
    """A label table's row label naming what its row states (`지원금액`, `사업기간`, `총 사업비`)."""
    return classify_header(label).kind in ("payer", "duration", "total")


# Flattened track tables: free text in 지원조건 / 비고 / level columns; a row named by a track
# name, or by the split of the total for every track (`총 구축비용 30% 70%`, `분담비율`)
FLAT_TABLE = TableSettings(
    total_words=(r"총\s*(?:사업비|구축\s*비용|비용)", r"합\s*계", r"소\s*계", r"계", r"(?:분담|지원)?\s*(?:비율|비중)"),
    total_end="$", typed=_value_items, free=("other", "level"), name=is_track_name,
    row_label=_states_terms, prose=LABELLED_LINE, line_end=LINE_COMPLETE,
    qualifier=regex.compile(r"^(?:한도|\(?최대\)?|비중|비율|\(%\)|금액|지원금|\(단위[^)]*\))$"))


def read_flattened(scope: Scope, blocks: list[Block], i: int, cols: list[Column],
                   tracks: Tracks) -> set[int]:
    """Read the cell lines after the header block `blocks[i]` (through `reading.flat`): the
    track rows go to `tracks`, what the sum rows state (`총 구축비용 30% 70%`) to every track;
    the block indexes it used."""
    doc = scope.doc
    lines: list[flat.Line] = []
    at: list[int] = []  # each line's block index
    merged: list[int] = []  # `70%` over `30%이상 40%이내`: a group cell, no column's
    for j in range(i + 1, min(len(blocks), i + 80)):
        block = blocks[j]
        raw = doc.text[block.start : block.end]
        if block.kind in ("heading", "table") or flattened_header(raw):
            break
        body = strip_marker(raw) if block.kind == "list_item" else raw.strip()
        if not body:
            continue
        if block.kind == "paragraph" and j + 1 < len(blocks) and _group_total(
                body, doc.text[blocks[j + 1].start : blocks[j + 1].end]):
            merged.append(j)
            continue
        lines.append(flat.Line(block.start + max(raw.find(body), 0), body, block.kind == "list_item"))
        at.append(j)
    grid, n = flat.read_flat(lines, [c.kind for c in cols], FLAT_TABLE,
                             known=lambda t: norm_key(t) in tracks.by_key)
    end = at[n] if n < len(at) else len(blocks)
    common = _flat_rows(doc.text, grid, cols, tracks)
    if common is None:
        return {i}
    if not common.empty():
        tracks.common.append((blocks[i].section_path, common))
    return {i, *at[:n], *(j for j in merged if j < end)}


def _flat_rows(text: str, grid: Grid, cols: list[Column], tracks: Tracks) -> Terms | None:
    """Add a flattened table's track rows to the tracks and return what its sum rows state for
    every track; None when the table stated nothing usable. A track row without values in a
    payer or period column repeats the row above (a merged cell)."""
    cells: list[dict[int, Terms]] = []
    for r in range(len(grid.rows)):
        row: dict[int, Terms] = {}
        for k in sorted(grid.parts[r]):
            for p in grid.pieces(r, k):
                row.setdefault(k, Terms()).fill(cell_terms(p.text, p.start, cols[k]))
        cells.append(row)
    named = [r for r in range(len(grid.rows)) if r not in grid.totals and is_track_name(grid.texts(r)[0])]
    common = Terms()
    for r in sorted(grid.totals):
        for k in sorted(cells[r]):
            common.fill(cells[r][k])
    if common.empty() and all(all(t.empty() for t in cells[r].values()) for r in named):
        return None
    above: dict[int, Terms] = {}
    for r in named:
        terms = Terms()
        for k, c in enumerate(cols):
            cell = cells[r].get(k)
            if c.kind in ("payer", "duration"):
                if cell is None or cell.empty():
                    cell = above.get(k)  # a merged cell spanning this row too
                else:
                    above[k] = cell
            if cell is not None:
                terms.fill(cell)
        for p in sorted((p for k in grid.parts[r] for p in grid.pieces(r, k)), key=lambda p: p.start):
            level = find_level(text[p.start : p.end])
            if level and terms.level is None:
                terms.level = (level[0], p.start + level[1], p.start + level[2])
        terms.fill(common)
        tracks.add(grid.texts(r)[0], [(p.start, p.end) for p in grid.label_parts[r]], terms)
    return common


def _shares_only(text: str) -> list[Share] | None:
    shares = find_share_terms(text)
    rest = text
    for sh in reversed(shares):
        rest = rest[: sh.start] + rest[sh.end :]
    return shares if shares and not rest.strip() else None


def _group_total(line: str, next_line: str) -> bool:
    """`70%` over `30%이상 40%이내`: a merged cell over several payer columns whose own
    cells, on the next line, add up to it; not a column of its own."""
    mine, theirs = _shares_only(line), _shares_only(next_line)
    return (mine is not None and len(mine) == 1 and theirs is not None and len(theirs) >= 2
            and abs(sum(s.pct for s in theirs) - mine[0].pct) < 1e-6)


# ---------------------------------------------------------------- 2b. flattened label tables

# a line that only names the label column: `구 분`, `지원유형`
LABEL_HEADER = regex.compile(r"^\s*(?:구\s*분|지원\s*(?:유\s*형|구\s*분))\s*(.*)$", regex.S)


def read_flat_label_table(scope: Scope, blocks: list[Block], i: int, tracks: Tracks) -> set[int]:
    """A label table flattened to lines (PDF text): `구 분`, the track names across the top (one
    or more lines), then rows `지원금액 250만원 500만원 100만원` with one cell per track (read by
    `reading.flat.read_flat_labels`). The block indexes it used; {} when `blocks[i]` does not
    start one."""
    doc = scope.doc
    head = LABEL_HEADER.match(doc.text[blocks[i].start : blocks[i].end])
    if not head:
        return set()
    first = flat.Line(blocks[i].start + head.start(1), head[1].strip()) if head[1].strip() else None
    lines: list[flat.Line] = []
    for j in range(i + 1, min(len(blocks), i + 12)):
        b = blocks[j]
        raw = doc.text[b.start : b.end]
        body = raw.strip()
        if b.kind != "paragraph" or not body:
            break
        lines.append(flat.Line(b.start + raw.find(body), body))
    grid, n = flat.read_flat_labels(first, lines, FLAT_TABLE)
    if grid is None:
        return set()
    per_track = [Terms() for _ in range(grid.n_cols - 1)]
    for r in grid.body():
        row = grid.rows[r]
        col = classify_header(grid.texts(r)[0])
        if len(row) != grid.n_cols or col.kind == "total":
            continue
        for k, cell in enumerate(row[1:]):
            if cell is not None:
                per_track[k].fill(cell_terms(cell.text, cell.start, col))
    if all(t.empty() for t in per_track):
        return set()
    for k, terms in enumerate(per_track, 1):
        tracks.add(grid.texts(0)[k], [(p.start, p.end) for p in grid.pieces(0, k)], terms)
    return {i, *range(i + 1, i + 1 + n)}


# ---------------------------------------------------------------- 3. prose

# a project-period section in every real wording of the period (vocab.funding.PERIOD_CUE:
# 사업·지원·협약·수행·과제·연구(개발)기간), as the period's labels are read
FUNDING_SECTION = regex.compile(
    r"지원\s*(?:내용|조건|규모|유형|기간|한도|금액|내역|범위|구분)|" + PERIOD_CUE.pattern + r"|지원\s*과제|"
    r"(?:및|과)\s*조건|조건\s*$|사업비|정부\s*지원"
)
PERIOD_SECTION = PERIOD_CUE
# a heading whose value is one award's money under any label (`□ 사업규모 : 과제당 160백만 원 내외`): a funding line
PER_AWARD_TITLE = regex.compile(r"^[^:：()（）\d\n]{2,12}[:：]\s*(?:과제|기업|기관|팀|개사)\s*당\s*(?:최대\s*)?\d")
NAME_COLON = regex.compile(r"^\s*([^():：\d][^():：]{0,12}?)\s*(\([^()]*\))?\s*[:：]\s*(.*)$", regex.S)
NAME_LEVEL = regex.compile(rf"^\s*([^()\d][^()]{{0,12}}?)\s*\(\s*(?:목표\s*수준\s*)?({LEVEL})\b[^()]*\)")
INLINE_TRACK = regex.compile(r"(?<![\p{Hangul}A-Za-z0-9])([\p{Hangul}A-Za-z]+\d?)\s*\(\s*([^()]*?원)\s*\)")


@dataclass
class _Line:
    start: int
    end: int
    level: int
    heading: bool
    period: bool  # inside a 사업기간 / 지원기간 section
    section: int | None  # the section the line opens (a list item's)
    cell_end: int | None = None  # a table cell's line: where the cell ends (its sub-items end there)


def _funding_block(scope: Scope, block: Block) -> tuple[bool, bool]:
    """Whether a block lies under a funding heading, and under a period heading."""
    if not block.section_path:
        return False, False
    return scope.doc.memo("tracks.section_flags", lambda: _section_flags(scope))[
        block.section_path[-1]]


def _section_flags(scope: Scope) -> list[tuple[bool, bool]]:
    """Per section, once per document: under a funding heading, under a period heading (a
    block's section path is its innermost section's chain of parents)."""
    doc, out = scope.doc, []
    for s in doc.sections:
        t = strip_marker(s.title)[:40] if doc.blocks[s.block].kind == "heading" else None
        up = out[s.parent] if s.parent is not None else (False, False)
        out.append((up[0] or (t is not None and bool(FUNDING_SECTION.search(t) or PER_AWARD_TITLE.match(t))),
                    up[1] or (t is not None and bool(PERIOD_SECTION.match(t)))))
    return out


def prose_lines(scope: Scope, skip: set[int]) -> list[_Line]:
    """Logical lines of the funding sections: a list item with the paragraphs that continue it
    (when it stops mid-phrase, or the paragraph starts with `→`), or a run of such paragraphs."""
    lines: list[_Line] = []
    open_end = False  # the last line can take the next paragraph
    foreign = False  # the notes under a starred program of another agency (`창업중심대학(중기부)*`)
    for idx, block in enumerate(scope.blocks):
        text = scope.doc.text[block.start : block.end]
        if NOTE_LINE.match(text):
            if foreign:
                open_end = False
                continue  # `* ‘25년도 지원규모(안) : … 최대 200백만원`: that program's terms
        else:
            foreign = stars_another_program(text)
        funding, period = _funding_block(scope, block)
        if block.table is not None and idx not in skip:
            lines += (_cell_lines(scope.doc.text, block.table, period) if funding
                      else _funding_row_lines(scope.doc.text, block.table))
        if block.kind == "table" or idx in skip or not funding:
            open_end = False
            continue
        if (block.kind == "paragraph" and lines and (open_end or text.lstrip().startswith("→"))
                and not PART_MARK.match(text)):  # `󰋎-2 지원규모 및 참여조건` starts a line of its own
            lines[-1].end = block.end
        else:
            # a paragraph is no one's sub-item: it closes the labelled line above
            level = block.level if block.level is not None else 0
            section = block.section_path[-1] if block.kind == "list_item" and block.section_path else None
            lines.append(_Line(block.start, block.end, level, block.kind == "heading", period, section))
        open_end = block.kind != "heading" and not LINE_COMPLETE.search(text)
    return lines


CELL_ITEM = regex.compile(r"^\s*(?:[•◦○●▪∙·ㆍ□■◆◇▶►※☞*\-–]|[oㅇ]\s)")
CELL_SUB_ITEM = regex.compile(r"^\s*[※*\-–]")


def _cell_lines(doc_text: str, table: Table, period: bool) -> list[_Line]:
    """A table under a funding heading whose cells are prose (`구분 | 내용`, `사업화 자금 | • … 사업화
    자금 최대 3억원 … • 총 사업비 = 정부지원사업비 70% 이하 + 자기부담사업비* 30% 이상`): the lines
    of its one cell that lists items stating terms, read as prose. When several cells state terms,
    whose terms they are (a track's? one kind of support's?) the table does not say: none."""
    listed = _list_table_lines(doc_text, table, period)
    if listed is not None:
        return listed
    stating = []
    for cell in table.cells:
        lines = _lines_of_cell(doc_text, cell, period)
        texts = [doc_text[line.start : line.end] for line in lines]
        if (any(CELL_ITEM.match(t) for t in texts)
                and any(not line_terms(t)[1].empty() for t in texts)):
            stating.append(lines)
    if len(stating) != 1 or _conflicting([doc_text[ln.start : ln.end] for ln in stating[0]]):
        return []
    return stating[0]


# a list printed as a table, one item per row under a number column (`연번 | 지원조건`, then
# `1 | (긴급복구형) 정부지원금 최대 5백만원, …`): its items are lines of prose
LIST_NUMBER_HEAD = regex.compile(r"^(?:연\s*번|순\s*번|번\s*호|No\.?)$", regex.I)
LIST_NUMBER = regex.compile(r"^\s*\d{1,2}\s*[.)]?\s*$")


def _list_table_lines(doc_text: str, table: Table, period: bool) -> list[_Line] | None:
    """The items of a two-column list table (LIST_NUMBER_HEAD over numbers), one prose line each,
    when its unlabelled lines do not give one payer two values; None for any other table."""
    grid = table.grid()
    if len(grid) < 2 or any(len(row) != 2 or None in row for row in grid):
        return None
    if not LIST_NUMBER_HEAD.match(grid[0][0].text.strip()) or not all(
            LIST_NUMBER.match(row[0].text) for row in grid[1:]):
        return None
    lines = [ln for row in grid[1:] for ln in _lines_of_cell(doc_text, row[1], period)]
    return [] if _conflicting([doc_text[ln.start : ln.end] for ln in lines]) else lines


# a box's row label naming the support (`지원내용 | - 지원금액 · 커뮤니티 잇소(팀별 최소 200만원 ~
# 500만원) …`, in a `공모 세부내용` box of 모집대상 | 신청자격 | 지원내용 rows)
FUNDING_ROW_LABEL = regex.compile(r"^지원\s*(?:내용|금액|한도|조건)$")  # not 지원규모: counts and budgets


def _funding_row_lines(doc_text: str, table: Table) -> list[_Line]:
    """Outside funding sections: the lines of a box's cell whose row label names the support
    (FUNDING_ROW_LABEL), read as prose when its lines do not give one payer two values."""
    out: list[_Line] = []
    for row in table.grid():
        label = row[0] if row else None
        if label is None or not FUNDING_ROW_LABEL.match(compiled(r"\s").sub("", label.text)):
            continue
        cells = {id(c): c for c in row[1:] if c is not None and c is not label}
        for cell in cells.values():
            lines = _lines_of_cell(doc_text, cell, False)
            if not _conflicting([doc_text[ln.start : ln.end] for ln in lines]):
                out += lines
    return out


def _conflicting(texts: list[str]) -> bool:
    """Unlabelled lines giving one payer two caps or two shares (`ㅇ 데이터 수집·검증 유형 지원 시
    … 최대 5천만원`, `ㅇ AI공장 구축 유형 지원 시 … 최대 20천만원`): each holds for some case the
    lines name but do not label, none for the program."""
    caps: dict[str, set[int]] = {}
    shares: dict[str, set[tuple[float, str | None]]] = {}
    for text in texts:
        name, terms = line_terms(text)
        if name is not None:
            continue
        for role, f in terms.funding.items():
            if f.cap is not None:
                caps.setdefault(role, set()).add(f.cap)
            if f.share is not None:
                shares.setdefault(role, set()).add((f.share, f.bound))
    return any(len(v) > 1 for v in caps.values()) or any(len(v) > 1 for v in shares.values())


def _lines_of_cell(doc_text: str, cell: Cell, period: bool) -> list[_Line]:
    """A cell's lines as prose lines: a line that is not a list item continues one that stops
    mid-phrase; rows of a table nested in the cell (cells split by tabs) and a worked example
    (`< 사업비 구성 예시 … >` up to the next list item that is not a sub-item) are left out."""
    out: list[_Line] = []
    pos = cell.start
    in_example = open_end = False
    for raw in doc_text[cell.start : cell.end].split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        text = raw.strip()
        item = bool(CELL_ITEM.match(raw))
        if not text:
            continue
        if example_caption(text):
            in_example = True
            continue
        if (in_example and (not item or CELL_SUB_ITEM.match(raw))) or "\t" in raw:
            open_end = False
            continue
        in_example = False
        if out and not item and open_end:
            out[-1].end = end
        else:
            level = 2 if CELL_SUB_ITEM.match(raw) else 1
            out.append(_Line(start + raw.find(text), end, level, False, period, None, cell.end))
        open_end = not LINE_COMPLETE.search(text)
    return out


def _label(body: str) -> tuple[str, int] | None:
    """The track a line is about: `(긴급복구형) …`, `기초(기초수준) : …`, `고도화(목표수준 중간1 이상)`;
    (name, offset of the terms after it). Not a preliminary stage (`(사전검증연구)`: no track, and its
    money no one's cap)."""
    m = LABELLED_LINE.match(body)
    if m and STAGE_CAPTION.search(m[1]):
        return None
    if m and is_track_name(m[1]):
        return m[1], m.start(2)
    m = NAME_COLON.match(body)
    if m and is_track_name(m[1]):
        return m[1], m.start(2) if m[2] else m.start(3)
    m = BRACKET_LABEL.match(body)
    if m and is_track_name(m[1]):
        return m[1], m.start(2)
    m = NAME_LEVEL.match(body)
    if m and is_track_name(m[1]):
        return m[1], m.end(1)
    m = NAME_MONEY.match(body)
    if (m and is_track_name(m[1]) and not MONEY_NOUN_END.search(m[1])
            and any(a.bound == "max" for a in find_amounts(m[2]))):
        return m[1], m.start(2)  # a bounded amount (`최대`, `~ 500만원`), not a pool (`(상금 400만원)`)
    return None


# a line that is a name and its bounded money in parentheses, nothing else (`· 커뮤니티 잇소(팀별 최소
# 200만원 ~ 500만원)`): a track; not a kind of money (`사업화자금 지원(기업당 최대 2,000만원)`, `기본
# 지원사업비(…)`)
NAME_MONEY = regex.compile(r"^\s*([^()（）\d:：][^()（）:：]{0,14}?)\s*[(（]\s*([^()（）]*\d[^()（）]*원[^()（）]*?)\s*[)）]\s*$")
MONEY_NOUN_END = regex.compile(r"(?:당|비|금|예산|지원)\s*$|자금|사업비|지원금")  # `사업화자금 지원(…)`


TOPIC = regex.compile(r"^\s*(?:[(（]\s*([^()（）]{1,15}?)\s*[)）]|([^():：\d]{1,10}?)\s*[:：])\s*")
# a payer's topic with a measure word (`민간부담금 규모 :`, `자부담 비율 :`) names that payer
TOPIC_MEASURE = regex.compile(r"\s*(?:규모|비율|수준|기준)$")


def _topic(body: str) -> tuple[int, tuple[Payer, str] | None]:
    """Where a line's terms start after its topic (`(지원조건)`, `자부담 :`), and the payer the
    topic names, if it names only a payer (`자부담`, `(정부지원금)`; not `(도입기업 현물)`)."""
    m = TOPIC.match(body)
    if not m or SKIP_LINE.search(m[0]):
        return 0, None  # `(예시)` keeps the line skipped
    topic = TOPIC_MEASURE.sub("", (m[1] or m[2]).strip())
    payer = find_payer(topic)
    if payer and len(compiled(r"\s").sub("", topic)) - len(compiled(r"\s").sub("", payer[1])) <= 1:
        return m.end(), (payer[0], payer[1])
    return (m.end(), None) if m[1] else (0, None)


def line_terms(text: str) -> tuple[str | None, Terms]:
    """One line read alone as a line of a 지원조건 section: the track it is labelled with (or
    None) and its terms (offsets into the line)."""
    if EXAMPLE_LEAD.match(text):
        return None, Terms()
    body = strip_marker(text)
    label = _label(body)
    if label:
        name, at = label
        return name, terms_of_text(body[at:], 0, labelled=True)
    at, payer = _topic(body)
    return None, terms_of_text(body[at:], 0, topic=payer, label_cut=at > 0 and not TOTAL_TOPIC.search(body[:at]))


def read_prose(scope: Scope, skip: set[int], tracks: Tracks) -> Terms:
    """Labelled lines add to their track (with their sub-items); the rest is returned as the
    program's terms. A labelled line whose sub-items are tracks (`(유형 1)` over `기초`,
    `고도화1`) is their heading, not a track."""
    doc = scope.doc
    program = Terms()
    owner: tuple[TrackDraft, int, int | None] | None = None  # the labelled line sub-items belong to
    headings: set[str] = set()
    section_track: dict[int, str] = {}  # the section a labelled line opens → its track
    loose_caps: dict[Payer, set[int]] = {}  # caps of unlabelled lines, per payer
    group_of: dict[str, str] = {}  # a sub-item's track → the track of the line heading it
    lines = prose_lines(scope, skip)
    linked = linked_footnotes([doc.text[line.start : line.end] for line in lines])
    under_size = False  # below a size label alone on its line (`□ 지원규모`), up to the next heading
    parts = _part_starts(scope)
    part: tuple[int, str, tuple[int, int]] | None = None  # the numbered part the lines belong to
    for line, note in zip(lines, linked):
        raw = doc.text[line.start : line.end]
        while parts and parts[0][0] <= line.start:
            part = parts.pop(0)
        if line.heading:
            part = None
            under_size = bool(SIZE_LABEL_ALONE.match(strip_marker(raw)))
        if EXAMPLE_LEAD.match(raw) or note:
            continue  # `예) 정부지원금 1억원, …`: the marker is the example word; a linked program's note
        body = strip_marker(raw)
        base = line.start + max(raw.find(body[:8]), 0)
        if owner and (line.level <= owner[1] or (owner[2] is not None and line.start >= owner[2])):
            owner = None
        label = None if line.heading else _label(body)
        if label:
            name, at = label
            terms = terms_of_text(body[at:], base + at, line.period, labelled=True)
            if not terms.empty():
                if owner:
                    headings.add(norm_key(owner[0].name or ""))
                    group_of[norm_key(name)] = norm_key(owner[0].name or "")
                draft = tracks.add(name, [(base + body.find(name), base + body.find(name) + len(name))], terms)
                if line.section is not None:
                    section_track[line.section] = norm_key(name)
                owner = owner or (draft, line.level, line.cell_end)  # a cell's line owns none past it
                continue
        inline = list(INLINE_TRACK.finditer(body))
        if len(inline) >= 2 and all(is_track_name(m[1]) for m in inline) and not SKIP_LINE.search(body):
            for m in inline:  # `기초(0.7억원), 고도화1(2억원), 고도화2(4억원)`
                terms = terms_of_text(m[2], base + m.start(2), labelled=True)
                if not terms.empty():
                    tracks.add(m[1], [(base + m.start(1), base + m.end(1))], terms)
            continue
        period = line.period or (line.heading and bool(PERIOD_SECTION.search(body)))
        at, payer = _topic(body)
        terms = terms_of_text(body[at:], base + at, period, topic=payer, under_size=under_size,
                              label_cut=at > 0 and not TOTAL_TOPIC.search(body[:at]))
        if terms.empty():
            continue
        if part is not None and not owner:
            tracks.add(part[1], [part[2]], terms)  # `󰋎 민간투자연계형 R&D 과제지원` … `지원 규모(과제당) ○ 1억원 이내`
            continue
        if not owner:
            for name, span, varied in _variants(body, base, terms):
                tracks.add(name, [span], varied)
                tracks.variants.add(norm_key(name))
            for role, f in terms.funding.items():
                if f.cap is not None:
                    loose_caps.setdefault(role, set()).add(f.cap)
        (owner[0].terms if owner else program).fill(terms)
    for path, terms in tracks.common:
        targets = _common_targets(path, section_track, group_of)
        if targets is None:
            program.fill(terms)
        for key in targets or []:
            if key in tracks.by_key:
                tracks.by_key[key].terms.fill(terms)
    for key in headings:
        tracks.by_key.pop(key, None)
    for role, caps in loose_caps.items():
        # unlabelled lines giving one payer two caps (`… 유형 지원 시 … 최대 5천만원`, `… 다른 유형
        # 지원 시 … 최대 20천만원`): each holds for a case they do not label, none for the program
        if len(caps) > 1 and role in program.funding:
            program.funding[role].cap = program.funding[role].cap_span = None
    return program


# a size label alone on its line, its value the items under it (`□ 지원규모`)
SIZE_LABEL_ALONE = regex.compile(r"^\s*(?:지원|선정)\s*규모\s*[:：]?\s*$")


# a numbered part of the call (`󰋎 민간투자연계형 R&D 과제지원` … `󰋏 창업초기기업형 R&D 과제지원`: circled
# numbers, Hancom's private-use ones included), a line of its own naming a track: the lines after it
# up to the next part or heading are that track's; not a sub-part (`󰋎-1 지원대상(주관기관)`)
PART_MARK = regex.compile(r"^\s*(?:[①-⑮]|[\U000F02CE-\U000F02DC])")
PART_LINE = regex.compile(
    r"""^\s*(?P<mark>[①-⑮]|[\U000F02CE-\U000F02DC])\s*(?![-–.\d])
        (?P<name>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9&·ㆍ\s()/+\-_]{1,29}?)\s*$""",
    regex.X,
)


def _part_starts(scope: Scope) -> list[tuple[int, str, tuple[int, int]]]:
    """The lines opening numbered parts (PART_LINE), in order: two or more, numbered one after
    another (`①`, `②`), each a block of one line stating no terms; (where each starts, the
    track it names, the name's span)."""
    doc = scope.doc
    found: list[tuple[int, int, str, tuple[int, int]]] = []
    for block in scope.blocks:
        raw = doc.text[block.start : block.end]
        m = PART_LINE.match(raw) if block.kind in ("paragraph", "list_item") else None
        if m is None or "\n" in raw.strip() or not line_terms(m["name"])[1].empty():
            continue
        name = m["name"].strip()
        if NOT_A_NAME.search(compiled(r"\([^)]*\)").sub("", name).strip()):
            return []  # `① 지원대상`, `② 신청방법`: the call's parts by facet, not tracks
        at = block.start + m.start("name")
        found.append((block.start, ord(m["mark"]), name, (at, at + len(name))))
    if len(found) < 2 or any(b[1] != a[1] + 1 for a, b in pairwise(found)):
        return []
    return [(start, name, span) for start, _, name, span in found]


def _part_of(scope: Scope, parts: list[tuple[int, str, tuple[int, int]]],
             idx: int) -> tuple[str, tuple[int, int]] | None:
    """The numbered part block `idx` stands in (the last part opened before it with no heading
    between them, as read_prose reads the lines), else None."""
    block = scope.blocks[idx]
    before = [p for p in parts if p[0] <= block.start]
    if not before:
        return None
    start, name, span = before[-1]
    for other in scope.blocks[:idx]:
        if other.start > start and other.kind == "heading":
            return None
    return name, span


VARIANT_NAME = regex.compile(r"[(（,]\s*([^()（）,\d]{2,14}?)\s*(?:은|는|의\s*경우)?\s*$")


def _variants(body: str, offset: int, terms: Terms) -> list[tuple[str, tuple[int, int], Terms]]:
    """`기업당 총 사업비의 50%, 최대 3억원 지원(유턴기업 최대 5억원, 57개사 내외)`: a name with
    its own cap in the parentheses after the line's cap is a track on the line's other terms.
    Not a unit (`기업당`), an average (`평균 1.15억원`) or an approximation (`2억원 내외`)."""
    capped = [f for f in terms.funding.values() if f.cap is not None and f.cap_span]
    if len(capped) != 1 or _in_parens(body, capped[0].cap_span[0] - offset):
        return []
    main = capped[0]
    out = []
    for a in find_amounts(body):
        if (a.bound not in (None, "max") or not _in_parens(body, a.start)
                or offset + a.start < main.cap_span[1]):
            continue
        m = VARIANT_NAME.search(body[: a.start])
        before = body[max(0, a.start - 14) : a.start]
        if (not m or not is_track_name(m[1]) or compiled(r"(?:당|비|금)\s*$").search(m[1])
                or NOT_CAP_BEFORE.search(before) or PER_UNIT_BEFORE.search(before)):
            continue  # `기업당`, `기본 지원사업비`, `평균 1.15억원`
        varied = Terms()
        varied.fill(terms)
        f = varied.funding[main.role]
        f.cap, f.cap_span = a.krw, (offset + a.start, offset + a.end)
        out.append((m[1].strip(), (offset + m.start(1), offset + m.start(1) + len(m[1].strip())), varied))
    if len(out) >= 2 and sum(v.funding[main.role].cap or 0 for _, _, v in out) == main.cap:
        return []  # `3억원(기본 2억원, 추가 1억원)`: the parts of the cap, not tracks
    return out


def _common_targets(path: list[int], section_track: dict[int, str],
                    group_of: dict[str, str]) -> list[str] | None:
    """The tracks a table stating terms for every track speaks for, by where it stands: inside
    the item of a track, that track; inside (or after the sub-items of) a line heading a group
    of tracks (`(유형 1)` over `기초`, `고도화1`), the group's tracks; elsewhere (None) the
    whole program's."""
    for section in reversed(path):
        key = section_track.get(section)
        if key is None:
            continue
        group = key if key in group_of.values() else group_of.get(key)
        if group is None:
            return [key]
        return [k for k, g in group_of.items() if g == group]
    return None


# ---------------------------------------------------------------- 4. the overview table

OVERVIEW_HEADER = regex.compile(r"^\s*(?:사\s*업\s*명|세부\s*사업\s*명?)\s")
NOTE_LINE = regex.compile(r"^\s*(?:\*|※)")
DESCRIPTION = regex.compile(r"[▪■•◦○]")
OVERVIEW_NAME_BEFORE = regex.compile(r"(?:^|[\s(（~∼\d.])([\p{Hangul}A-Za-z]+\d?)\s*[)）]?\s*$")


# (track name or None, its span, cap in won, the cap's span)
OverviewCap = tuple[str | None, tuple[int, int] | None, int, tuple[int, int]]


@dataclass
class _OverviewRow:
    names: list[str] = field(default_factory=list)
    caps: list[OverviewCap] = field(default_factory=list)
    described: bool = False  # its `▪ …` description has begun: no more name lines


def overview_rows(scope: Scope) -> tuple[str, list[_OverviewRow]] | None:
    """The rows of the overview table a master announcement prints before its program sections,
    flattened to lines (PDF text): `사업명 지원유형 지원내용 정부지원금 (기업 당, 최대) 모집기간`,
    then per program its name (over one or more lines), `기초 ▪ description …`, and its caps
    (`0.7억원`, `고도화1 2억원`, `(긴급복구형) 5백만원`). The payer label of the cap column and the
    rows; None without such a table."""
    doc = scope.doc
    section = scope.section
    limit = doc.sections[section.parent].start if section and section.parent is not None else scope.start
    before = [b for b in doc.blocks if b.end <= limit]  # before the program sections
    header = next((k for k, b in enumerate(before) if b.kind == "paragraph"
                   and OVERVIEW_HEADER.match(doc.text[b.start : b.end])
                   and find_payer(doc.text[b.start : b.end])), None)
    if header is None:
        return None
    payer = find_payer(doc.text[before[header].start : before[header].end])
    if payer is None or payer[0] != "government":
        return None
    rows: list[_OverviewRow] = []
    row: _OverviewRow | None = None
    pending: tuple[str, tuple[int, int]] | None = None  # `기초 ▪…`: the track of the next cap
    for b in before[header + 1 :]:
        raw = doc.text[b.start : b.end]
        line = raw.strip()
        if b.kind == "heading":
            break
        if not line or NOTE_LINE.match(raw):
            continue
        at = b.start + raw.find(line)
        amounts = [a for a in find_amounts(line) if a.bound in (None, "max")]
        mark = DESCRIPTION.search(line)
        if mark:
            lead = line[: mark.start()].strip()
            pending = (lead, (at, at + len(lead))) if lead and is_track_name(lead) else None
            if row is not None:
                row.described = True
        elif amounts and row is not None:
            for a in amounts:
                m = OVERVIEW_NAME_BEFORE.search(line[: a.start])
                if m and is_track_name(m[1]):
                    name: tuple[str, tuple[int, int]] | None = (m[1], (at + m.start(1), at + m.end(1)))
                else:
                    name, pending = pending, None
                row.caps.append((name[0] if name else None, name[1] if name else None, a.krw,
                                 (at + a.start, at + a.end)))
        elif not compiled(r"\d").search(line):
            label = PAREN_LINE.match(line)
            if row is not None and not row.caps and not row.described:
                row.names.append(line)  # `스마트공장` / `구축 및` / `고도화`: one name cell
            elif label or (row is not None and not row.caps):
                continue  # `(참여기업)` over a date; a description's next line
            elif NOT_A_NAME.search(line):
                continue  # `별도모집` under 모집기간, `비고`
            else:
                row = _OverviewRow([line])
                rows.append(row)
                pending = None
    return payer[1], rows


def overview_caps(scope: Scope) -> tuple[str, list[OverviewCap]] | None:
    """The caps the overview row naming this program prints (the longest row name the program's
    name starts with)."""
    found = overview_rows(scope) if scope.name else None
    if not found:
        return None
    label, rows = found
    program = norm_key(scope.name or "")
    best: _OverviewRow | None = None
    for row in rows:
        key = norm_key("".join(row.names))
        if len(key) >= 4 and program.startswith(key) and row.caps and (
                best is None or len(key) > len(norm_key("".join(best.names)))):
            best = row
    return (label, best.caps) if best else None


def _add_overview_caps(scope: Scope, tracks: Tracks, program: Terms) -> None:
    """A program whose section prints no cap takes the caps of its overview row: per track
    named there, or for the program."""
    if any(f.cap is not None for d in tracks.by_key.values() for f in d.terms.funding.values()):
        return
    if any(f.cap is not None for f in program.funding.values()):
        return
    found = overview_caps(scope)
    if not found:
        return
    label, caps = found
    named = [k for k in tracks.by_key if k]
    for name, name_span, krw, span in caps:
        terms = Terms()
        terms.fund("government", label).set_cap(krw, span)
        if name is None:
            program.fill(terms)
        elif not named or norm_key(name) in tracks.by_key:
            tracks.add(name, [name_span] if name_span else [], terms)


# ---------------------------------------------------------------- 6. tabbed RFP tables

RFP_TITLE_CELL = regex.compile(r"^(?:연구(?:개발)?|기획|제안|지정)?과제명$|^문제정의서명$|^품목명$|^지원분야$")
RFP_MONEY_CELL = regex.compile(r"연구개발비|연구비|출연금|지원금|지원규모|국비")
RFP_PERIOD_CELL = regex.compile(r"기간$")
# A flattened RFP table's sum rows (`3 과제`, `총 5개 과제`, `합계`), read from the line's start.
RFP_ROWS = TableSettings(total_words=(r"\d+\s*과제", r"총\s*\d+\s*개?\s*과제", r"합\s*계", r"소\s*계"),
                         total_end="", total_in="lead")


def _rfp_header(cells: list[str]) -> tuple[int | None, int | None, int | None]:
    """The title, period and money columns of a flattened RFP table's header line."""
    title_i = next((k for k, c in enumerate(cells) if RFP_TITLE_CELL.match(c)), None)
    period_i = next((k for k, c in enumerate(cells) if RFP_PERIOD_CELL.search(c)), None)
    money_i = next((k for k, c in enumerate(cells) if RFP_MONEY_CELL.search(c)), None)
    return title_i, period_i, money_i


@lru_cache(maxsize=8192)
def _tab_header(line: str) -> tuple[tuple[str, ...], tuple[int | None, int | None, int | None]]:
    """A tab-separated line's cells without spaces and `_rfp_header` of them (cached: every
    program's scope and every section the checks read again holds the same lines)."""
    cells = [compiled(r"\s").sub("", c) for c in line.split("\t")]
    return tuple(cells), _rfp_header(cells)


# a note under a table's one row stating each award's terms (`* 과제당 연구기간 1년 8개월 이내, 총
# 연구비 4.6억원 이내, ‘19년 연구비 2억 원 이내에서신청 가능`)
ROW_NOTE = regex.compile(r"^\s*[*※]\s*(?:[(（]?\s*)?(?:과제|기업|기관)\s*당")


def _row_note(line: tuple[int, str], row: TrackDraft) -> None:
    """The terms a note right under the only row of an RFP table states per award (ROW_NOTE)
    fill what the row left empty (the whole period's money where the row prints one year's)."""
    start, text = line
    if ROW_NOTE.match(text):
        row.terms.fill(terms_of_text(text, start, period_cue=True))


def read_tabbed_rfp(scope: Scope, tracks: Tracks) -> None:
    """An RFP table a PDF flattens to tab-separated lines: `내역사업 | 연 구 과 제 명 | 연구 기간 |
    출연금`, a sub-header `’18년 | 총`, then rows `기능성·전통식품 | <title> | 3년 9개월 | 525 | 2,625`
    (the grouping cell only on a group's first row). Each row is a track named by its title (the
    cell before the period) with its period and its `총` money (`(단위 : 백만원)`) as a total cap;
    a table that prints only one year's money gives no cap. `N 과제` / `합계` rows are sums."""
    lines = doc_lines(scope.doc, scope.start, scope.end)
    i = 0
    while i < len(lines):
        if "\t" not in lines[i][1]:  # one cell: no title column before a period column
            i += 1
            continue
        cells, (title_i, period_i, money_i) = _tab_header(lines[i][1])
        if title_i is None or period_i is None or period_i <= title_i:
            i += 1
            continue
        head = split_line(lines[i][1], lines[i][0])
        unit = None
        for _, near in lines[max(0, i - 4) : i + 5]:
            unit = unit or unit_multiplier(near)
        total_at: int | None = 0 if money_i is not None else None
        if money_i is not None and year_money(cells[money_i]):
            total_at = None  # `’19년 정부 출연금`: one year's money, no cap
        wide = 0  # the money's sub-columns beyond its first (`’21년 | 총` under `정부지원연구비`)
        j = i + 1
        if j < len(lines):
            sub = [compiled(r"\s").sub("", c.text) for c in split_line(lines[j][1], lines[j][0]) if c.text.strip()]
            if sub and all(c == "계" or WHOLE_PERIOD.search(c) or (year_money(c) and len(c) <= 6) for c in sub):
                # `’19년 | 총연구비`: the 총 column; only years: no cap
                total_at = next((k for k, c in enumerate(sub) if WHOLE_PERIOD.search(c)), None)
                wide = len(sub) - 1
                j += 1

        def column(k: int, wide: int = wide, money_i: int | None = money_i) -> int:
            return k + (wide if money_i is not None and k > money_i else 0)  # in the rows below
        # the title and the money relative to the period (`연구 과제명 | 연구 기간 | 출연금`, or
        # `지원분야 | 지원 과제수 | 정부지원연구비 (’21년 | 총) | 연구기간`)
        title_at = column(title_i) - column(period_i)
        misses, last = 0, j
        rows: list[TrackDraft] = []
        while j < len(lines) and misses < 4:
            start, row = lines[j]
            if None not in _tab_header(row)[1][:2]:
                break  # the next table's header: its rows are read with its own columns
            j += 1
            cells = split_line(row, start)
            parts = [c.text for c in cells]
            dur_k = next((k for k, c in enumerate(parts) if c.strip() and k > 0
                          and compiled(r"\s*(?:\d+\s*년\s*)?(?:\d+\s*개월)?\s*(?:이내|이하)?\s*").fullmatch(c)
                          and find_months(c)), None)
            if dur_k is None or RFP_ROWS.is_total(row):
                misses += 0 if RFP_ROWS.is_total(row) else 1
                continue
            misses, last = 0, j
            if dur_k + title_at < 0:
                continue
            name = parts[dur_k + title_at].strip()
            if not is_rfp_title(name):
                continue
            cell_at = cells[dur_k + title_at].start
            terms = Terms()
            m = find_months(parts[dur_k])[0]
            d_at = cells[dur_k].start
            terms.duration = (m.months, d_at + m.start, d_at + m.end)
            if unit and money_i is not None and total_at is not None:
                k = dur_k + column(money_i) + total_at - column(period_i)
                if k < len(parts):
                    bare = compiled(r"\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*").fullmatch(parts[k])
                    if bare:
                        at = cells[k].start
                        value = float(bare[1].replace(",", ""))
                        terms.fund("government", compiled(r"\s+").sub(" ", head[money_i].text).strip()
                                   ).set_cap(int(value * unit), (at + bare.start(1), at + bare.end(1)), "total")
            offset = parts[dur_k + title_at].find(name)
            draft = tracks.add(tracks.similar(name), [(cell_at + offset, cell_at + offset + len(name))], terms)
            tracks.rfp.add(norm_key(draft.name or ""))
            rows.append(draft)
        if len(rows) == 1 and last < len(lines):
            _row_note(lines[last], rows[0])
        i = max(last, i + 1)  # the lines after its last row may head the next table


# A file of RFP sheets each naming its 세부과제 (IITP 제안요청서: `관리번호 | 인공지능`, `총괄과제명 | …`,
# `세부과제명 | 세부 뇌 인지과학과 …`) and printing its budget by year in a table of its own
# (`구분 | 기간 | 개월수 | 정부지원연구개발비` … `합계 | - | 45개월 | 15,550 백만원 이내`): each sheet
# is a track named by its 세부과제, its period the sum row's months and its cap the sum row's
# money over the whole period. The years' rows (`1년차 … 3,100 백만원 이내`, `2년차 … 4,150 …`)
# differ, so no one of them is a yearly cap.
SHEET_FIRST = regex.compile(r"^관리\s*번호$")
SHEET_NAME = regex.compile(r"^(?:세부\s*과제|RFP|(?:연구\s*(?:개발)?\s*)?과제)\s*명$")
# `(총괄/세부1) 다층적 …`, `(세부2) 뇌 인지과학과 …`: the role words before the title, with
# their brackets, slash and numbers; a PDF that drew those as outlines holds a U+FFFD for
# each (`�총괄 세부�� 다층적 …`, `ingest.pdf_outlines`)
SHEET_ROLE = regex.compile(r"^(?:[\s(\[\ufffd]*(?:총괄|세부)[\s\d/)\]\ufffd]*)+")
MONTHS_HEAD = regex.compile(r"^개월\s*수$")


def _sheet_name(text: str, table: Table) -> tuple[str, tuple[int, int]] | None:
    """The 세부과제 a sheet's first table names (the first line of its `세부과제명` cell)."""
    for row in table.grid():
        label = row[0] if row else None
        if label is None or not SHEET_NAME.match(compiled(r"\s").sub("", label.text)):
            continue
        value = next((c for c in row[1:] if c is not None and c is not label), None)
        if value is None:
            return None
        line = text[value.start:value.end].split("\n", 1)[0]
        role = SHEET_ROLE.match(line)
        name = line[role.end() if role else 0:].strip()
        if not is_rfp_title(name):
            return None
        at = value.start + line.find(name)
        return name, (at, at + len(name))
    return None


# the sheet's title printed as a labelled line among its boxes (`○ RFP명 : K-NeuroMind: …`, as a
# key/value row `RFP명 | …` reads in other layouts)
SHEET_NAME_LINE = regex.compile(
    r"^[^\S\n]*(?:[○◦ㅇ□■•·\-][^\S\n]*)?(?:세부\s*과제|RFP|(?:연구\s*(?:개발\s*)?)?과제)\s*명[^\S\n]*[:：][^\S\n]*"
    r"(?P<name>[^\n]+?)[^\S\n]*$")


def _sheet_named(text: str, blocks: list[Block], lo: int, hi: int) -> tuple[str, tuple[int, int]] | None:
    """The title of the sheet in blocks[lo:hi]: its title row (`_sheet_name`) in any of its boxes,
    else a `RFP명 : …` line among them before its first prose (SHEET_NAME_LINE)."""
    for b in blocks[lo:hi]:
        if b.table is not None and (named := _sheet_name(text, b.table)) is not None:
            return named
    for b in blocks[lo:hi]:
        if b.table is not None:
            continue
        m = SHEET_NAME_LINE.match(text[b.start : b.end])
        if m is None:
            continue
        role = SHEET_ROLE.match(m["name"])  # `세부과제명 : 총괄 세부 …` as the box's cell (`_sheet_name`)
        name = m["name"][role.end() if role else 0 :].strip()
        if is_rfp_title(name):
            at = b.start + m.start("name") + m["name"].find(name)
            return name, (at, at + len(name))
    return None


def _budget_total(text: str, table: Table, unit: int | None = None) -> Terms | None:
    """The sum row of a budget table by year: its months and its money (`합계 | - | 45개월 |
    15,550 백만원 이내`) as the period and the whole period's cap; a bare number (`15,550`) in
    the money label's unit or, with none, in `unit` (the table's `(단위 : 백만 원)` line)."""
    rows = table.grid()
    if len(rows) < 3:
        return None
    head = rows[0]
    months_at = next((c for c, cell in enumerate(head)
                      if cell is not None and MONTHS_HEAD.match(cell.text.strip())), None)
    money_at = next((c for c, cell in enumerate(head) if cell is not None
                     and RFP_MONEY_CELL.search(cell.text) and not year_money(cell.text)), None)
    if months_at is None or money_at is None:
        return None
    total = next((r for r in rows[1:] if r and r[0] is not None
                  and table_reader.SUM_CELL.is_total(r[0].text)), None)
    if total is None:
        return None
    months_cell, money_cell = total[months_at], total[money_at]
    if months_cell is None or money_cell is None:
        return None
    months = find_months(text[months_cell.start:months_cell.end])
    money = text[money_cell.start:money_cell.end]
    amounts = [(a.krw, a.start, a.end) for a in find_amounts(money) if a.bound in (None, "max")]
    unit = _label_unit(head[money_at].text) or unit  # type: ignore[union-attr]
    if unit and not amounts and (bare := _bare_amount(money)) is not None:
        n, b_start, b_end = bare
        amounts = [(int(n * unit), b_start, b_end)]
    if len(months) != 1 or len(amounts) != 1:
        return None
    terms = Terms()
    m, (krw, a_start, a_end) = months[0], amounts[0]
    terms.duration = (m.months, months_cell.start + m.start, months_cell.start + m.end)
    label = compiled(r"\s+").sub(" ", head[money_at].text).strip()  # type: ignore[union-attr]
    terms.fund("government", label).set_cap(
        krw, (money_cell.start + a_start, money_cell.start + a_end), "total")
    return terms


def _bare_amount(text: str) -> tuple[float, int, int] | None:
    """A cell's bare number with its offsets (`15,550`, `11,450 이내`), a unit's count."""
    m = BARE_NUMBER.fullmatch(text)
    if m is not None:
        g = 1 if m[1] is not None else 2
        return float(m[g].replace(",", "")), m.start(g), m.end(g)
    m = BARE_CAP_CELL.fullmatch(text)
    if m is not None and not m["note"]:
        return float(m["n"].replace(",", "")), m.start("n"), m.end("n")
    return None


def read_sheet_budgets(scope: Scope, blocks: list[Block], skip: set[int], tracks: Tracks) -> set[int]:
    """The tracks of a file of RFP sheets with budget tables (see SHEET_FIRST); the indices of
    the budget tables read."""
    text = scope.doc.text
    sheets = _sheets(text, blocks, skip)
    used: set[int] = set()
    for k, i in enumerate(sheets):
        end = sheets[k + 1] if k + 1 < len(sheets) else len(blocks)
        named = _sheet_named(text, blocks, i, end)  # its first box's title row first
        if named is None:
            continue
        for j in range(i + 1, end):
            table = blocks[j].table
            unit = _caption_unit(text[blocks[j - 1].start : blocks[j - 1].end])
            terms = _budget_total(text, table, unit) if table is not None and j not in skip else None
            if terms is not None:
                draft = tracks.add(named[0], [named[1]], terms)
                tracks.rfp.add(norm_key(draft.name or ""))
                used.add(j)
                break
    return used


# the count of awards a sheet selects (`ㅇ 선정 과제 수 : 2개 과제 내외`)
SHEET_COUNT = regex.compile(r"선정\s*(?:예정\s*)?(?:과제|기업|기관|팀)\s*수\s*[:：]?\s*(\d{1,3})\s*개")


# the sheet's first box printed as key lines (`○ 관리번호 : 인공지능`, as `관리번호 | 인공지능` reads in
# other layouts)
SHEET_FIRST_LINE = regex.compile(r"^\s*(?:[○◦ㅇ□■•·\-]\s*)?관리\s*번호\s*[:：]")


def _sheets(text: str, blocks: list[Block], skip: set[int], lines: bool = True) -> list[int]:
    """The first blocks of the RFP sheets: a box whose first cell is `관리번호`, or (`lines`)
    its key line."""
    out = []
    for i, b in enumerate(blocks):
        if i in skip:
            continue
        if b.table is not None:
            if any(c.row == 0 and c.col == 0 and SHEET_FIRST.match(compiled(r"\s").sub("", c.text))
                   for c in b.table.cells):
                out.append(i)
        elif lines and b.kind in ("paragraph", "list_item") and SHEET_FIRST_LINE.match(text[b.start : b.end]):
            out.append(i)
    return out


def _caption_unit(caption: str) -> int | None:
    """The unit a line right above a table states for it (`(단위 : 백만 원 이내)`)."""
    return unit_multiplier(caption) if UNIT_LINE.match(caption) else None


def _sheet_lines(text: str, blocks: list[Block], lo: int, hi: int) -> list[_Line]:
    """The prose lines of a sheet (items of `4. 특기사항` …): its cells' lines, its tables' rows left
    out, and its paragraphs (a reader that leaves the items outside the boxes)."""
    out: list[_Line] = []
    for block in blocks[lo:hi]:
        if block.table is None:
            if block.kind in ("paragraph", "list_item"):
                out.append(_Line(block.start, block.end, block.level or 0, False, False, None))
            continue
        for cell in block.table.cells:
            out += _lines_of_cell(text, cell, False)
    return out


def read_sheet_terms(scope: Scope, blocks: list[Block], skip: set[int], tracks: Tracks) -> set[int]:
    """An RFP sheet (first cell `관리번호`, a `RFP명 | <title>` row) without a budget table by year,
    whose terms are items of its prose cells (NRF 지정공모 sheets): `- 과제별 연구비 : 1차년도 8억원
    내외, 2차년도 이후 10.67억원 내외` (a per-award money line), `ㅇ 총 연구개발 기간은 5년(3+2)이며`
    (a period a period word owns). One track named by the title; only the government's caps and
    the period are read, and lines giving one payer two caps give none. The sheet's own money
    row (`정부지원금 | 9,736백만원`) is every award's money together: no cap (extract_budget)."""
    text = scope.doc.text
    sheets = _sheets(text, blocks, skip)
    used: set[int] = set()
    for k, i in enumerate(sheets):
        end = sheets[k + 1] if k + 1 < len(sheets) else len(blocks)
        # the title row in the sheet's first box, or in a later one (a text reader cuts the box
        # at a line of one cell: `뇌공학`, `(TRL : …)`)
        named = _sheet_named(text, blocks, i, end)
        if named is None or norm_key(named[0]) in tracks.rfp:
            continue
        terms = Terms()
        caps: set[int] = set()
        for line in _sheet_lines(text, blocks, i, end):
            raw = text[line.start : line.end]
            body = strip_marker(raw)
            if EXAMPLE_LEAD.match(raw) or _label(body) is not None:
                continue  # a worked example; a labelled line is some case's, not the sheet's
            base = line.start + max(raw.find(body[:8]), 0)
            at, payer = _topic(body)
            found = terms_of_text(body[at:], base + at, topic=payer)
            gov = found.funding.get("government")
            if gov is not None and gov.cap is not None and gov.cap_span is not None:
                caps.add(gov.cap)
                terms.fund("government", gov.label).set_cap(gov.cap, gov.cap_span, gov.basis)
            terms.duration = terms.duration or found.duration
        if len(caps) > 1:
            terms.funding.pop("government", None)  # two caps: whose is which, the sheet does not say
        if terms.empty():
            continue
        draft = tracks.add(named[0], [named[1]], terms)
        tracks.rfp.add(norm_key(draft.name or ""))
        used |= set(range(i, end))
    return used


# ---------------------------------------------------------------- 7. prize tables

# a contest's prize table (`상 훈 | 시상수 | 상 금 | 비 고` over `1 | 2,000,000원`, `2 | 각 500,000원`)
PRIZE_COLUMN = regex.compile(r"^상\s*금(?:\s*[(（][^)）]*[)）])?$")
# the item a prize table stands in names its category: `○ 데이터 활용사례 부문(상금 400만원)`
CATEGORY = regex.compile(r"^([^()（）○◦•\d][^()（）○◦•]{1,20}?)\s*(?:[(（]|$)")


def read_prize_table(scope: Scope, block: Block, tracks: Tracks) -> bool:
    """A contest's prize table: the top prize is what one award may get at most (a cap the host,
    who holds the contest, pays); the item the table stands in (`○ 데이터 활용사례 부문(상금
    400만원)`) names the category, a track (its pool in parentheses is no award's)."""
    table = block.table
    if table is None:
        return False
    rows = table.grid()
    col = next((c for c, cell in enumerate(rows[0] if rows else [])
                if cell is not None and PRIZE_COLUMN.match(cell.text.strip())), None)
    if col is None:
        return False
    best: tuple[int, tuple[int, int]] | None = None
    for row in rows[1:]:
        cell = row[col] if col < len(row) else None
        if cell is None or cell is rows[0][col] or any(
                c is not None and table_reader.SUM_CELL.is_total(c.text) for c in row):
            continue  # `합 계 | 6,500,000원`: the prizes' sum
        for a in find_amounts(cell.text):
            if a.bound in (None, "max") and not compiled(r"총\s*$").search(cell.text[: a.start]) and (
                    best is None or a.krw > best[0]):
                best = (a.krw, (cell.start + a.start, cell.start + a.end))
    if best is None:
        return False
    terms = Terms()
    terms.fund("host", "상금").set_cap(best[0], best[1])
    name, spans = None, []
    if block.section_path:
        section = scope.doc.sections[block.section_path[-1]]
        if scope.doc.blocks[section.block].kind == "list_item":
            m = CATEGORY.match(strip_marker(section.title))
            if m and is_track_name(m[1].strip()):
                name = m[1].strip()
                at = scope.doc.text.find(name, section.start)
                spans = [(at, at + len(name))] if at >= 0 else []
    tracks.add(name, spans, terms)
    return True


# ---------------------------------------------------------------- entry point


# a field table (`지원분야 | 지원규모 | 비고`): a track column over rows whose money is printed per
# award (`기업 당 최대 1억 원`, `과제당 5천만원`) states each row's terms wherever the table stands
# (under `□ 지원금 지급 방식`, `□ 지원 분야 및 규모`); the base printed after the amount too
# (`최대 1억 원/기업`, as `400백만원 이내/년` prints a year's)
PER_AWARD_MONEY = regex.compile(
    r"(?:과제|기업|기관|개사|팀)\s*당\s*(?:최대\s*)?[\d.,]+\s*(?:[십백천]\s*)?[만억]?\s*(?:천\s*)?원"
    r"|[\d.,]+\s*(?:[십백천]\s*)?[만억]?\s*(?:천\s*)?원\s*(?:이내|이하|내외)?\s*[/／]\s*(?:과제|기업|기관|개사|팀)(?![가-힣])")


def per_award_field_table(table: Table) -> bool:
    top = [strip_marker(c.text).strip() for c in table.cells if c.row == 0]
    if not any(rx.search(t) for t in top for p, rx in TRACK_HEADER if p != RFP_PRIORITY):
        return False
    return any(c.row > 0 and PER_AWARD_MONEY.search(c.text) for c in table.cells)


def extract_tracks(scope: Scope) -> list[Track]:
    """The tracks with their terms; an appendix's tables (a `[참고 3] 주요 질의응답`'s `< 총 사업비
    구성 >`, a form's sample sheet) only when the body's tables and prose state no terms."""
    appendix = {i for i, b in enumerate(scope.blocks)
                if b.table is not None and section_in_appendix(scope.doc, b.section)}
    # with no appendix table in the scope the second reading is the first one again
    return _extract_tracks(scope, appendix) or (_extract_tracks(scope, set()) if appendix else [])


def _extract_tracks(scope: Scope, skipped: set[int]) -> list[Track]:
    """`skipped`: the indexes of blocks not read (an appendix's tables)."""
    tracks = Tracks()
    blocks = scope.blocks
    used = example_blocks(scope.doc.text, blocks) | skipped  # worked examples state no terms
    parts = _part_starts(scope)
    used |= read_sheet_budgets(scope, blocks, used, tracks)
    used |= read_sheet_terms(scope, blocks, used, tracks)
    for idx, block in enumerate(blocks):
        if block.table is None or idx in used:
            continue
        funding, _ = _funding_block(scope, block)
        caption = scope.doc.text[blocks[idx - 1].start : blocks[idx - 1].end] if idx else ""
        if (len(caption) <= 100 and (not_rules(caption) or STAGE_CAPTION.search(caption))
                or titled_not_rules(block.table)):
            used.add(idx)  # `o 기술료 상한`, `< 환수 기준(예시) >`: neither its cells nor its lines
            continue
        if read_numbered_sheet(block.table, tracks, _caption_unit(caption)):
            used.add(idx)
            continue
        header = " ".join(c.text for c in block.table.cells if c.row == 0)
        if any(c.row == 0 and PRIZE_COLUMN.match(c.text.strip()) for c in block.table.cells):
            if read_prize_table(scope, block, tracks):
                used.add(idx)
            continue
        top = [strip_marker(c.text) for c in block.table.cells if c.row <= 2]  # under a unit row
        rfp = any(rx.search(t.strip()) for t in top for p, rx in TRACK_HEADER if p == RFP_PRIORITY)
        if not (funding or find_payer(header) or rfp or per_award_field_table(block.table)):
            continue
        if (read_table(block.table, caption, tracks, block.section_path)
                or (funding and read_label_table(block.table, tracks, _part_of(scope, parts, idx)))):
            used.add(idx)
    read_tabbed_rfp(scope, tracks)
    for idx, block in enumerate(blocks):
        if block.kind != "paragraph" or idx in used:
            continue
        cols = flattened_header(scope.doc.text[block.start : block.end])
        if cols:
            used |= read_flattened(scope, blocks, idx, cols, tracks)
        elif _funding_block(scope, block)[0]:
            used |= read_flat_label_table(scope, blocks, idx, tracks)
    program = read_prose(scope, used, tracks)
    unnamed = tracks.by_key.pop("", None)
    if unnamed is not None:  # a table without a track column speaks for every track, first
        unnamed.terms.fill(program)
        program = unnamed.terms
    _add_overview_caps(scope, tracks, program)
    for key in [k for k in tracks.by_key if FUNDING_TABLE.is_total(k)]:
        tracks.by_key.pop(key)  # `합 계`: the rows' sum, never a track
    drafts = tracks.drafts()
    if not drafts and not program.empty():
        drafts = [tracks.add(None, [], Terms())]
    if drafts and all(norm_key(d.name or "") in tracks.variants for d in drafts):
        drafts.insert(0, TrackDraft(None))  # the general terms the variants vary
    if len(drafts) == 1 and _names_the_program(drafts[0].name, scope.name):
        drafts[0].name = None  # `스마트 마이스터` in 스마트 마이스터 운영: one row, no tiers
    for d in drafts:
        if norm_key(d.name or "") in tracks.rfp:
            continue  # an RFP row prints its own terms
        level = d.terms.level
        d.terms.fill(program)
        if d.name is not None:
            d.terms.level = level  # a level stated for the program does not name a tier
    drafts = [d for d in drafts if d.name or not d.terms.empty()]
    return [_to_track(scope, d) for d in _add_on_types(scope, drafts) or drafts]


# ---------------------------------------------------------------- 8. a type adding money to another

# `사업화 자금 최대 3억원(기본 지원사업비 최대 2억원, 추가 지원사업비 최대 1억원, …)`: the cap as the sum of
# a base part every award gets and an added part one type of award gets on top
ADD_ON_PARENS = regex.compile(r"\s*[(（](?P<inner>[^()（）]{4,120})[)）]")
ADD_ON_PART = regex.compile(r"^\s*(?P<kind>기본|추가)\s*(?P<word>[가-힣]{1,8}?)\s*(?:은|는|[:：])?\s*(?:최대\s*)?$")
# a type's name: a word ending in `형` (`일반형`, `성공환원형`), not a `유형` itself
TYPE_NAME = r"(?<![가-힣])(?P<name>[가-힣]{1,8}(?<!유)형)"
# the type given the added part (`추가 지원사업비 : 성공환원형에 선정된 창업기업을 대상으로 …`, `… + 성공환원형
# 선정 시 추가 사업화자금 최대 1억원`) and the type given the base alone (`기본 지원사업비 : 창업기업이 일반형
# 선정 시 배정받은 정부지원사업비`)
TYPE_SELECTED = r"\s*(?:에|으로)?\s*선정"
TYPE_THEN_ADD = regex.compile(TYPE_NAME + TYPE_SELECTED + r"\s*(?:시|된\s*경우|되면)\s*추가")


def _part_definition(text: str, kind: str, word: str) -> tuple[str, int] | None:
    """The one type the line defining `기본 <word>` / `추가 <word>` names as selected (`∙추가
    지원사업비 : 성공환원형에 선정된 …`): its name and offset in `text`."""
    spaced = r"\s*".join(regex.escape(ch) for ch in word)
    # led by a bullet, a number (`1) 기본 …`, `①`) or a table's 연번 cell (`1<TAB>기본 지원사업비 : …`)
    rx = compiled(rf"(?m)^[^\S\n]*(?:\d{{1,2}}[.)]?[^\S\n]+|[①-⑳][^\S\n]*)?[^\s\w]?[^\S\n]*"
                  rf"{kind}\s*{spaced}\s*[:：](?P<rest>[^\n]*)")
    names = {n["name"]: m.start("rest") + n.start("name") for m in rx.finditer(text)
             for n in compiled(TYPE_NAME + TYPE_SELECTED).finditer(m["rest"])}
    return next(iter(names.items())) if len(names) == 1 else None


def _add_on_types(scope: Scope, drafts: list[TrackDraft]) -> list[TrackDraft] | None:
    """One unnamed track whose government cap is printed as a base and an added part that add up
    to it, where the call names the type each goes to: two tracks, the base type with the base
    part as its cap and the added type with the whole, each on the track's other terms. Without
    both names, or parts that do not add up: None (the one track stays)."""
    if len(drafts) != 1 or drafts[0].name is not None:
        return None
    only = drafts[0]
    gov = only.terms.funding.get("government")
    if gov is None or gov.cap is None or gov.cap_span is None:
        return None
    text = scope.doc.text
    end = gov.cap_span[1]
    parens = ADD_ON_PARENS.match(text, end, min(len(text), end + 130))
    if parens is None:
        return None
    parts: dict[str, tuple[int, int, int, str]] = {}
    inner_at = parens.start("inner")
    for a in find_amounts(parens["inner"]):
        clause = parens["inner"][: a.start]
        clause = clause[max(clause.rfind(","), clause.rfind("，")) + 1 :]
        m = ADD_ON_PART.match(clause)
        if m is None or a.bound not in (None, "max"):
            continue
        if m["kind"] in parts:
            return None
        parts[m["kind"]] = (a.krw, inner_at + a.start, inner_at + a.end, m["word"])
    if set(parts) != {"기본", "추가"} or parts["기본"][0] + parts["추가"][0] != gov.cap:
        return None
    body = text[scope.start : scope.end]
    added = _part_definition(body, "추가", parts["추가"][3])
    if added is None:
        then = {m["name"]: m.start("name") for m in TYPE_THEN_ADD.finditer(body)}
        added = next(iter(then.items())) if len(then) == 1 else None
    base = _part_definition(body, "기본", parts["기본"][3])
    if added is None or base is None or added[0] == base[0]:
        return None
    out = []
    for (name, at), (krw, s, e) in ((base, parts["기본"][:3]), (added, (gov.cap, *gov.cap_span))):
        terms = Terms(funding={r: f.copy() for r, f in only.terms.funding.items()},
                      duration=only.terms.duration, extension=only.terms.extension,
                      level=only.terms.level, awards=only.terms.awards)
        terms.funding["government"].cap, terms.funding["government"].cap_span = krw, (s, e)
        out.append(TrackDraft(name, [(scope.start + at, scope.start + at + len(name))], terms))
    return out


@dataclass(frozen=True)
class Budget:
    krw: int
    evidence: list[Evidence]


def extract_budget(scope: Scope, awards: Awards | None = None) -> Budget | None:
    """The whole call's budget, the ONE reader of it: the first line of prose stating one
    (`□ 공고규모 : ’17년도 정부출연금 43.0억 원 이내`, `총 상금 6,500,000원`, `□ 지원 규모 : 총 10개
    과제, 24,935백만원`) outside worked examples; else an RFP sheet's terms row (_sheet_budget);
    else one table's sum under a year's money (_year_sum); else a one-row call table's printed
    sum (_row_sum). `awards` is the program's count of awards, for a sheet that prints none of
    its own. A budget is never a cap (terms_of_text skips such lines)."""
    blocks = scope.blocks
    skip = example_blocks(scope.doc.text, blocks)
    for idx, block in enumerate(blocks):
        if block.table is not None or block.kind == "table" or idx in skip:
            continue
        text = scope.doc.text[block.start : block.end]
        if not_rules(text):
            continue
        a = budget_amount(text)
        if a is not None and _sums_programs(blocks[idx + 1:idx + 2]):
            continue
        if a is not None:
            return Budget(a.krw, [scope.evidence(block.start + a.start, block.start + a.end)])
        below = _budget_below_label(scope, idx)
        if below is not None:
            return below
    return (_key_row_budget(scope, skip) or _key_column_budget(scope, skip) or _sheet_budget(scope, skip, awards) or _year_sum(scope, skip)
            or _row_sum(scope))


def _key_row_budget(scope: Scope, skip: set[int]) -> Budget | None:
    """A summary table's key/value row stating the call's money (`공고규모 | ’17년도 정부출연금 43.0억 원
    이내,15개 과제`, `지원 비용 | 총 477,000천원(9개 기업 내외 지원)`): the first, read as the line
    `key : value` (vocab.budget.row_budget)."""
    text = scope.doc.text
    for idx, block in enumerate(scope.blocks):
        if block.table is None or idx in skip:
            continue
        for row in block.table.grid():
            cells: list[Cell] = []
            for c in row:
                if c is not None and all(c is not o for o in cells):
                    cells.append(c)
            # `key | value`, or a row of two pairs or more whose keys are labels (`공고규모 | … 43.0억
            # 원 이내 | 공고기간 | …`): not a key over several values (`모집규모 | 535개사 | 222개사`)
            if len(cells) % 2 or (len(cells) > 2 and any(
                    PAIR_KEY_NOT_LABEL.search(text[k.start:k.end]) for k in cells[2::2])):
                continue
            for key, value in zip(cells[::2], cells[1::2], strict=True):
                a = row_budget(text[key.start:key.end], text[value.start:value.end])
                if a is not None:
                    return Budget(a.krw, [scope.evidence(value.start + a.value_start, value.start + a.value_end)])
    return None


# a key of a summary row is a short label: no digits, no money, no sentence
PAIR_KEY_NOT_LABEL = regex.compile(r"\d|^.{16,}$|\n")


def _key_column_budget(scope: Scope, skip: set[int]) -> Budget | None:
    """A one-row overview table whose column header states the call's money (`사업명 | 공고규모` /
    `… | ’17년도 정부출연금 43.0억 원 이내,15개 과제`): the cell under it, read as `key : value`
    (vocab.budget.row_budget); with more rows a column holds each row's money, no one budget."""
    text = scope.doc.text
    for idx, block in enumerate(scope.blocks):
        if block.table is None or idx in skip:
            continue
        grid = block.table.grid()
        if len(grid) != 2:
            continue
        for key, value in zip(grid[0], grid[1], strict=False):
            if key is None or value is None or key is value:
                continue
            a = row_budget(text[key.start:key.end], text[value.start:value.end])
            if a is not None:
                return Budget(a.krw, [scope.evidence(value.start + a.value_start, value.start + a.value_end)])
    return None


# a size or budget label alone on its line (`□ 지원규모`, `□ 사업예산`), its total in the one item
# under it (`ㅇ 총 734.3억원`: the listing cache's 지역혁신선도기업육성(R&D) 지원계획 공고)
BUDGET_LABEL_ALONE = regex.compile(
    r"^\s*(?:[□■○◦ㅇ▶▷●\-·]\s*)?(?:지원|사업|공고)\s*(?:규모|예산)\s*(?:[(（][^()（）]{1,8}[)）])?\s*[:：]?\s*$")


def _budget_below_label(scope: Scope, idx: int) -> Budget | None:
    """The budget the one item under a bare budget label prints (BUDGET_LABEL_ALONE), read with it;
    not when a second item follows with money of its own (the label's parts, no one total)."""
    blocks, text = scope.blocks, scope.doc.text
    if not BUDGET_LABEL_ALONE.match(text[blocks[idx].start : blocks[idx].end]) or idx + 1 >= len(blocks):
        return None
    item = blocks[idx + 1]
    line = text[item.start : item.end]
    if item.table is not None or item.kind == "heading":
        return None
    label = strip_marker(text[blocks[idx].start : blocks[idx].end]).strip().rstrip(":：").strip()
    head = f"{label} : "
    # read as the one line other calls print (`□ 지원규모 : 총 734.3억원`, `□ 공고규모 : ’17년도 정부출연금
    # 43.0억 원 이내, 15개 과제`)
    body = strip_marker(line)
    joined = budget_amount(head + body)
    shift = line.find(body) - len(head)
    amounts = [] if joined is None or joined.value_start < len(head) else [
        Amount(joined.start + shift, joined.end + shift, joined.krw, joined.bound,
               joined.value_start + shift, joined.value_end + shift)]
    nxt = blocks[idx + 2] if idx + 2 < len(blocks) else None
    if not amounts or (nxt is not None and nxt.kind == item.kind and nxt.level == item.level
                       and find_amounts(text[nxt.start : nxt.end])):
        return None
    a = amounts[0]
    return Budget(a.krw, [scope.evidence(item.start + a.value_start, item.start + a.value_end)])


def _right_of(row: list[Cell | None], i: int) -> Cell | None:
    """The first cell right of row[i] that is another cell (a merged cell spans columns)."""
    cell = row[i]
    return next((c for c in row[i + 1:] if c is not None and c is not cell), None)


def _sheet_budget(scope: Scope, skip: set[int], awards: Awards | None) -> Budget | None:
    """The money row of an RFP sheet's terms table, when the sheet selects several awards (`ㅇ
    선정 과제 수 : 2개 과제 내외`, else the program's count): the money of them all, the call's
    budget. With one award, or no count, the row may as well be that award's total: none.

        지원 정보 | 지원기간 | 2026.04 ~ 2030.12 | 정부지원금 | 9,736백만원
                  | 1단계 (1차년도) | 2026.04 ~ 2028.12 (…) | 1단계 (1차년도) | 5,668백만원 (1,600백만원)

    The sheet is the file's one box whose first cell is `관리번호` (read_sheet_terms), any row of
    its tables naming the government's money (`정부지원금`, `총 연구비`; vocab sheet_money_label);
    in a file without one, a row printing that money beside the whole support period over
    several years (`지원기간 | 2026.04 ~ 2030.12`). Several sheets, or rows of different money:
    several RFPs, no one budget. A year's money (`1차년도`) is none."""
    blocks = scope.blocks
    text = scope.doc.text
    sheets = _sheets(text, blocks, skip, lines=False)
    if len(sheets) > 1:
        return None
    lo = sheets[0] if sheets else 0
    found: list[tuple[int, int, int]] = []
    for row in (row for b in blocks[lo:] if b.table is not None for row in b.table.grid()):
        if not sheets and not any(cell is not None and (right := _right_of(row, i)) is not None
                                  and sheet_period(cell.text, right.text) for i, cell in enumerate(row)):
            continue  # no sheet: only the row of the whole period
        for c, cell in enumerate(row):
            if cell is None or (c and row[c - 1] is cell) or not sheet_money_label(cell.text):
                continue
            value = _right_of(row, c)
            money = text[value.start : value.end] if value is not None else ""
            amounts = find_amounts(money)
            if value is not None and len(amounts) == 1 and amounts[0].bound != "min" and not year_money(money):
                a = amounts[0]
                found.append((a.krw, value.start + a.start, value.start + a.end))
    if len({krw for krw, _, _ in found}) != 1:
        return None
    lines = [text[ln.start : ln.end] for ln in _sheet_lines(text, blocks, lo, len(blocks))]
    counts = {int(m[1]) for line in lines for m in SHEET_COUNT.finditer(line)}
    if not counts and awards is not None and awards.count is not None:
        counts = {awards.count}
    if len(counts) != 1 or min(counts) < 2:
        return None
    krw, s, e = found[0]
    return Budget(krw, [scope.evidence(s, e)])


# a year's money column summed over a sum row (`’21년 정부지원연구개발비` over `계 | 시험비 | 출연금`,
# then `합 계 | 5,810 | 1,940 | 3,870`): this call's money for the program's 과제
YEAR_SUM_LABEL = regex.compile(r"^(?:계|합\s*계|총\s*액)$")
MONEY_LABEL = regex.compile(r"연구\s*개발비|연구비|출연금|지원금|예산|사업비|국비|보조금")


def _year_sum(scope: Scope, skip: set[int]) -> Budget | None:
    """A program that prints no budget line but exactly one table of its 과제 with a sum row
    under one year's money (`’21년 정부지원연구개발비`): the sum is the year's budget of its call.
    Two such tables (지정공모 and 자유응모 apart) print no one total: none."""
    found: list[tuple[int, tuple[int, int]]] = []
    blocks = scope.blocks
    for idx, block in enumerate(blocks):
        if block.table is None or idx in skip:
            continue
        g = table_reader.read_table(block.table, FUNDING_TABLE)
        if not g.totals or not 0 < g.n_header < len(g.rows):
            continue
        labels = _column_labels(g.rows, g.n_header)
        col = next((i for i, stack in enumerate(labels) if stack and any(year_money(t) and MONEY_LABEL.search(t)
                    for t in stack) and (year_money(stack[-1]) or YEAR_SUM_LABEL.match(compiled(r"\s").sub("", stack[-1])))), None)
        if col is None:
            continue
        caption = scope.doc.text[blocks[idx - 1].start : blocks[idx - 1].end] if idx else ""
        unit = unit_multiplier(caption) or _label_unit(" ".join(labels[col]))
        cell = g.rows[min(g.totals)][col]
        bare = BARE_NUMBER.fullmatch(cell.text) if cell is not None and unit else None
        if bare is None or bare[1] is None:
            return None  # a sum the reader cannot state
        found.append((int(float(bare[1].replace(",", "")) * unit), (cell.start + bare.start(1), cell.start + bare.end(1))))
    if len(found) != 1:
        return None
    krw, (s, e) = found[0]
    return Budget(krw, [scope.evidence(s, e)])


def _row_sum(scope: Scope) -> Budget | None:
    """A call table of ONE 과제 row under a year's money column printing one 과제's money and, in
    parentheses, the sum over the 과제 the row selects (`(단위 : 백만원)` / `… | 과 제 명 | … | ’26년
    정부지원 연구개발비` / `1 | 석‧박사 전문인력 양성 (총 2개 과제 지원) | 5년 | 1,440 (2,880)`): the sum,
    when it is exactly the money times the count, is that year's budget of the call. Two rows or
    more (`375 (750)` over `675`): no one sum is printed, none."""
    found: list[tuple[int, int, int]] = []
    blocks = scope.blocks
    text = scope.doc.text
    for idx, b in enumerate(blocks):
        grid = b.table.grid() if b.table is not None else []
        if len(grid) != 2 or idx == 0:
            continue
        header, row = grid
        unit = unit_multiplier(text[blocks[idx - 1].start : blocks[idx - 1].end])
        row_text = " ".join(c.text for c in row if c is not None)
        for j, head in enumerate(header):
            cell = row[j] if j < len(row) else None
            if head is None or cell is None or cell is head or not year_money_column(head.text):
                continue
            span = each_and_sum(text[cell.start : cell.end], row_text)
            if span is not None and unit:
                s, e = cell.start + span[0], cell.start + span[1]
                found.append((int(text[s:e].replace(",", "")) * unit, s, e))
    if len({krw for krw, _, _ in found}) != 1:
        return None
    krw, s, e = found[0]
    return Budget(krw, [scope.evidence(s, e)])


def _sums_programs(after: list[Block]) -> bool:
    """The budget line stands over a table of several programs (`사업명` column)."""
    table = after[0].table if after else None
    if table is None:
        return False
    column = [row[0].text if row and row[0] is not None else "" for row in table.grid()]
    return several_programs(column)


def _names_the_program(track: str | None, program: str | None) -> bool:
    """A lone track named as the program starts (`스마트 마이스터` / `스마트 마이스터 운영`)."""
    if not track or not program:
        return False
    key = norm_key(track)
    return len(key) >= 3 and norm_key(program).startswith(key)


def _spans(scope: Scope, spans: Iterable[tuple[int, int]]) -> list[Evidence]:
    out: list[Evidence] = []
    for s, e in spans:
        ev = scope.evidence(s, e)
        if ev.quote and ev not in out:
            out.append(ev)
    return out


# no support is capped below this: a smaller `cap` is a form's row number or a count read as money
# (`n년차 | 1` under `(단위: 천원)`: 1,000원)
MIN_CAP_KRW = 10_000


def _to_track(scope: Scope, d: TrackDraft) -> Track:
    t = d.terms
    for f in t.funding.values():
        if f.cap is not None and f.cap < MIN_CAP_KRW:
            f.cap = f.cap_span = None
    funding = [
        Funding(payer=f.role, payer_label=f.label, cap_krw=f.cap, share_pct=f.share,
                share_bound=f.bound if f.share is not None else None, cap_basis=f.basis,
                evidence=_spans(scope, f.spans()))
        for f in t.funding.values() if not f.empty()
    ] + [
        Funding(payer=f.role, payer_label=f.label, cap_krw=f.year_cap, cap_basis="per_year",
                evidence=_spans(scope, [f.year_span]))
        for f in t.funding.values() if f.year_cap is not None and f.year_span and f.cap is not None
    ]
    spans = list(d.spans)
    for fact in (t.level, t.duration, t.extension):
        if fact:
            spans.append((fact[1], fact[2]))
    if not spans:  # an unnamed track stated only by its funding
        spans = [span for f in t.funding.values() for span in f.spans()]
    awards = None
    if t.awards is not None:
        n, unit, start, end = t.awards
        awards = Awards(count=n, unit=unit, evidence=_spans(scope, [(start, end)]))
    return Track(
        name=d.name,
        awards=awards,
        target_level=t.level[0] if t.level else None,
        duration_months=t.duration[0] if t.duration else None,
        extension_months=t.extension[0] if t.extension else None,
        funding=funding,
        evidence=_spans(scope, spans),
    )


# ---------------------------------------------------------------- corpus


def corpus_value(text: str) -> dict | list[dict] | None:
    """One line: the terms it states (a dict); several tab-separated lines: the tracks they
    state (a list, `None` when none), read as a table (a label table when no other), or, under a caption line without tabs
    (`(단위 : 백만원 이내)`), as the lines of a table a PDF flattened. Prose lines are read as
    one line, without the lines a footnote of a linked program holds (LINKED_PROGRAM_STAR)."""
    if "\n" in text and "\t" in text:
        tracks = Tracks()
        if "\t" in text.split("\n", 1)[0]:
            table = table_reader.table_of_text(text)
            if not (read_numbered_sheet(table, tracks) or read_table(table, "", tracks)):
                read_label_table(table, tracks)  # `구 분 | 내 용` over `지원기간 | 1년 이내`
        else:
            doc = Document(source=SourceInfo(path="phrase.txt", sha256="", format="txt"), text=text, blocks=[])
            read_tabbed_rfp(Scope(doc=doc, start=0, end=len(text)), tracks)
        if not tracks.by_key:
            return None
        return [{"track": d.name, "duration_months": d.terms.duration[0] if d.terms.duration else None,
                 "caps": [[f.role, f.cap, f.basis] for f in d.terms.funding.values() if f.cap is not None],
                 "awards": d.terms.awards[0] if d.terms.awards else None}
                for d in tracks.drafts()]
    lines = text.split("\n")
    text = " ".join(line for line, note in zip(lines, linked_footnotes(lines)) if not note)
    name, terms = line_terms(text)
    if terms.empty():
        return None
    funds = sorted((f for f in terms.funding.values() if not f.empty()),
                   key=lambda f: f.role != "government")
    f = funds[0] if funds else None
    out = {
        "track": name,
        "target_level": terms.level[0] if terms.level else None,
        "payer": f.role if f else None,
        "cap_krw": f.cap if f else None,
        "share_pct": f.share if f else None,
        "share_bound": f.bound if f and f.share is not None else None,
        "duration_months": terms.duration[0] if terms.duration else None,
        "extension_months": terms.extension[0] if terms.extension else None,
    }
    if f and f.cap is not None and f.basis != "per_award":
        out["cap_basis"] = f.basis  # the key appears when a cap is not one award's
    return out
