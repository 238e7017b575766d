"""Funding vocabulary with no Document in it: shares (`30% 이내`), periods (`9개월`,
`5년 9개월`, `연장 3개월`), target levels (`기초`, `중간1`, `고도화`) and the payer lexicon
(`정부지원금` → government, `자부담` → applicant, `대기업` → host, `지방비` → local government),
each a named rule. The tracks family reads funding terms through these."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from gonggo.vocab.text import compiled

# the contract's payer roles and share bounds (gonggo.schemas.announcement), as plain values:
# the ground floor holds no contract models
Payer = Literal["government", "host", "applicant", "local_government", "other"]
ShareBound = Literal["max", "min", "exact"]

# ---------------------------------------------------------------- quantities


@dataclass(frozen=True)
class Share:
    start: int
    end: int
    pct: float
    bound: ShareBound


@dataclass(frozen=True)
class Months:
    start: int
    end: int
    months: int
    extension: bool
    # an extension printed as the total it may reach (`1년 (최대 2년까지 연장 가능)`) or as the time
    # added (`최대 2개월까지 연장 가능`): `N까지 연장` says either; the period beside it decides
    until: bool = False


# `30%`, `30％` (full width), `30퍼센트` (the statute's wording: `직접비의 40퍼센트 범위에서`)
SHARE = regex.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:[%％]|퍼센트)")
# a form's blank to fill in (`00.0%`), not a share
PLACEHOLDER = regex.compile(r"0\d")
SHARE_AFTER = regex.compile(r"^\s*(이내|이하|미만|까지|이상|초과)")
# a percentage of no cost: of a company's stock or votes (`발행주식 총수의 50% 이하`, `지분 30% 이상
# 소유`) or of its sales (`전년도 매출액의 1% 이상을 성공환원금으로`): no payer's share
NOT_COST_BASE_BEFORE = regex.compile(r"(?:주식\s*(?:총수|총액)?|지분\s*(?:율|비율)?|의결권|매출\s*액?)\s*(?:의|중)?\s*$")
NOT_COST_BASE_AFTER = regex.compile(r"^\s*(?:이상|이하|미만|초과)?\s*(?:을|를)?\s*(?:소유|보유|출자)")
SHARE_BEFORE = regex.compile(r"(최대|최소)\s*$")
# a change by so much (`정부지원금 최대 50% 상향 지원`, `10%p 인상`, `급여의 50%만큼 납부상한액에서 감면`):
# how much a share or a payment moves, not a payer's share (`80%로 상향` names the share: not this)
SHARE_CHANGE_AFTER = regex.compile(r"^\s*(?:[pP]|포인트)?\s*(?:만큼|상향|하향|인상|인하|증액|감액|가산|감면|할인|삭감)")
# `1년 이내`, `3년간` are periods; `2026년`, `1년차`, `2년도`, `2021년 1월` are not; `5년 9개월`,
# `2년8개월` are one period (69, 32 months), not the years alone
MONTHS = regex.compile(r"(?<![\d.])(?:(\d{1,2})\s*년\s*)?(\d{1,3})\s*개월"
                       r"|(?<![\d.])(\d{1,2})\s*년(?!\s*도|차|[생제](?![가-힣])|\s*\d{1,2}\s*(?:월|개월))")
# (also with its days in parentheses between: `3개월(90일) 이상 해외 파견이 가능한 연구자`)
MONTHS_MINIMUM_AFTER = regex.compile(r"^\s*(?:[(（][^()（）\n]{1,10}[)）]\s*)?(?:이상|초과|이라도)")
# a count that picks the projects a rule is for (`연구기간이 1년 9개월인 경우`, `연구기간 1년 이하
# 신청과제는 제외`): a condition, not the period
MONTHS_CONDITION_AFTER = regex.compile(r"^\s*(?:이하|이내|미만)?\s*(?:인|일)?\s*(?:경우|신청\s*과제|과제는)"
                                    r"|^\s*(?:이하|이내|미만|초과|이상)\s*(?:인|의)\s*(?:기업|기관|자(?![가-힣]))")
# `종료되기 3개월 전까지`: a time before some event, not a period
MONTHS_BEFORE_EVENT_AFTER = regex.compile(r"^\s*(?:이전|전|前)(?:까지|에|부터)?(?![가-힣])")
# `9개월+1년`, `1년 9개월 + 1년`, `2+2+1년`: stages added up to one period (a bare number takes
# the last part's unit)
MONTHS_SUM = regex.compile(
    r"""(?<![\d.+])
        (?:(?:\d{1,2}\s*년\s*)?\d{1,2}\s*(?:년|개월)?\s*\+\s*)+
        (?:\d{1,2}\s*년\s*)?\d{1,2}\s*(?:년|개월)""",
    regex.X,
)
MONTHS_PART = regex.compile(r"^\s*(?:(\d{1,2})\s*년\s*(\d{1,2})\s*개월|(\d{1,2})\s*(년|개월)?)\s*$")
MONTHS_EXTENSION_BEFORE = regex.compile(r"연장[^\d,()\[\]]{0,20}$")
MONTHS_EXTENSION_AFTER = regex.compile(r"^\s*(?:까지\s*|이내\s*|간\s*)?(?:추가\s*)?연장")
# a period of something other than the project (`적용기간` of a 가점, `의무 유지기간`, `사후관리
# 기간`, `보관기간`, `보유.이용 기간` of a consent form, `공고기간`, `전산 등록기간`, `참여제한 기간`):
# its months are not the project's
NOT_A_PERIOD = regex.compile(
    r"""(?:적용|보관|보존|보유|이용|공고|접수|신청|모집|등록|유지|사후\s*관리|의무|제한|보완|이의|열람|정산|
          하자\s*(?:보수|담보)?|보증|거치|상환|가점|감점|
          # a stay in the host's premises (`입주 기간은 입주계약 체결일로부터 1년간(평가에 따라 1년 연장
          # 가능)`, `보육기간`, `임대기간`): the tenancy's months, not the project's
          입주|보육|임대|임차)\s*기간""",
    regex.X,
)
# the last period word before a count (`입주 기간은 … 1년간`, `사업기간 : 9개월`)
PERIOD_WORD = regex.compile(r"[가-힣]{1,6}\s*기간")
# a count that is no project period by what comes before it: a time after the project ends
# (`사업종료 후 2년 동안 … 유지`, `연구종료 후 5년 이내 달성`), a look back (`최근 5년간`, `공고일 기준
# 2년 이내`, `창업 후 7년 이내`, `업력 7년 이내`), one year of the project (`*1차년도 9개월`, `1년차 : 9개월`),
# one stage of it (`1단계 2년`)
OTHER_PERIOD_BEFORE = regex.compile(
    r"""(?:(?:종료|완료|만료|졸업|취득|구축)\s*(?:일\s*)?(?:후|이후|부터|로부터)
          # a time since an act (`조교수로 임용된 지 5년 이내`, `창업한지 1년 이내`)
          |(?<=[가-힣])(?:한|된|난)\s*지
          # a time after an event other than the project's start (`참여 이후 10년간`); `협약 후 6개월`,
          # `착수일 이후`, `선정 후` count the project (or a deadline, DEADLINE_AFTER)
          |(?<!(?:협약|착수|시작|체결|선정|계약|개시)\s*(?:일\s*)?)(?<=[가-힣]\s*)(?:이후|(?<!이)후)
          |(?<![가-힣])(?:최근|과거|직전|지난|향후)
          |(?:공고일|신청일|마감일|발급일|발행일)\s*(?:현재)?\s*(?:기준)?\s*(?:으로)?
          # how long maintenance after the project lasts (`사업 종료 후 무상 유지‧보수 1년 필수`)
          |(?:유지|하자)\s*\W?\s*보수\s*(?:기간)?\s*[:：]?
          |(?:창업|설립|개업|사업\s*개시)\s*(?:일)?\s*(?:후|이후|로부터|부터|한\s*지|된\s*지)?|업력
          |\d\s*차\s*(?:연\s*)?년\s*도\s*[:：]?|\d\s*년\s*차\s*[:：]?
          # one stage of a staged project (`1단계 2년, 2단계 3년`): the stage's months, not the whole
          # (also after the stage before it: `1단계(1.5년)+2단계(2년), 총 3.5년`)
          |(?<![\d~∼～〜\-])\d\s*단계\s*[:：(（]?
          # a count from the day of another event than the project's start (`결과 발표일로부터 6개월
          # 이내에 폐기`, `통보받은 날부터`, `사업을 개시한 날부터 7년`, `다음 연도부터 최대 5년 동안`);
          # `협약일로부터 8개월`, `협약시작일로부터`, `착수일부터`, `선정일로부터` count the project
          # `채용시점부터 2년간 … 급여의 50%만큼 감면`, `채용한 때부터`
          |(?<!(?:협약|착수|시작|체결|선정)\s*)(?:일|날|연도|해|시점|때)\s*(?:로)?\s*부터
          # a time measured from a date (`구입완료일이 연구개발과제 시작일의 5년 이내`): when, not how long
          |(?<=[가-힣])(?:일|날)\s*의
          # a note about one kind of track (`* 융합형은 최대 2년 지원 가능`, `연합형의 경우 3년`): that kind's
          # period, not the call's
          # (`융합형의 경우 필요 시 최대 2년 지원 가능`)
          |(?<![가-힣])[가-힣]{1,8}형\s*(?:은|는|만|의\s*경우(?:에는|는)?)(?:\s*[가-힣]{1,4}\s*시)?\s*$
          # one kind of applicant's count (`* 일반기업은 3년으로 동일`, `이용료(최대 3년, 소기업은 최대 5년)`, seed
          # 002): that kind's term, not the track's period (a period has no kind in the contract)
          |(?<![가-힣])[가-힣]{0,6}기업\s*(?:은|는|의\s*경우(?:에는|는)?)
          # the months a sum is spent over (`(1단계)1억원/9개월`): the sum's basis, not the period (as
          # tracks.PER_PERIOD_AFTER reads the sum as no cap)
          |원\s*[/／]
          # how long a document stays valid (`견적서 필수 첨부(6개월 이내)`, `사업자등록증 사본(3개월 이내)`)
          |(?:서|사본|첨부|발급|발행)\s*[(（])\s*$""",
    regex.X,
)
# `연간(12개월 기준) 정부출연금 1억 원`: the months a sum is reckoned over, not a period
MONTHS_BASIS_AFTER = regex.compile(r"^\s*(?:기준|평균)")  # `1년 평균 정부지원연구개발비 5억원 이상`
# a deadline for an act, not a period (`협약 후 3개월 이내 본점 이전`, `종료 후 2개월 이내 결과보고서 제출`)
DEADLINE_AFTER = regex.compile(r"^\s*(?:이내|내)\s*(?:에|로)?\s*[^\s,.]{0,10}\s*"
                               r"(?:제출|이전|납부|등록|신청|보고|설립|채용|가입|통보|창업|폐업|졸업)"
                               # what happens when an act is not done in time (`2개월 내에 연수기관과
                               # 협의가 되지 않을 경우 추후 탈락 처리`): a deadline, not a period
                               r"|^\s*(?:이내|내)\s*에\s*[^.\n]{0,24}?(?:않|못|없)[가-힣]{0,2}\s*(?:경우|시)")
# a count measured at the call's date (`1년 이내(접수 마감일 기준) 식품관련 매출실적이 …`, `3년 이내(공고일
# 현재)`): a look back, as OTHER_PERIOD_BEFORE reads it when the date is printed before the count
LOOK_BACK_AFTER = regex.compile(r"^\s*(?:이내|내|간|동안|이전)?\s*[(（][^()（）\n]{0,12}?"
                                r"(?:공고|신청|접수|마감)\s*(?:마감)?\s*일?\s*(?:현재|기준)")
# a count in parentheses after a noun, the noun then taken as an object (`서비스 이용료(최대 3년, 소기업은
# 최대 5년)를 사업비에 포함 가능`, seed 002; the line broken inside the parenthesis): the noun's term, not
# the project's period; after a period word (`사업기간(최대 6개월)을`) it is the period
NOUN_OBJECT_AFTER = regex.compile(r"^[^()（）\n]{0,30}[)）]\s*(?:를|을)(?![가-힣])")
OPEN_AFTER_PERIOD = regex.compile(r"기간\s*[(（]$")


def _of_a_noun(text: str, m: Months) -> bool:
    """The count qualifies a noun in parentheses, not a period word (NOUN_OBJECT_AFTER)."""
    if not NOUN_OBJECT_AFTER.match(text[m.end : m.end + 40]):
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    opened = max(text.rfind("(", line_start, m.start), text.rfind("（", line_start, m.start))
    return opened < 0 or not OPEN_AFTER_PERIOD.search(text[line_start : opened + 1])


# a count a law's wording defines (`폐업한 날부터 3년(부도 … 폐업한 경우에는 2년을 말한다)`): no period
DEFINITION_AFTER = regex.compile(r"^\s*(?:을|를)\s*말한다")
# the old term of a change (`지원기한 확대(소기업, 3년→5년)`, seed 002): no longer anyone's period
OLD_TERM_AFTER = regex.compile(r"^\s*(?:→|⇒|➜|->)")
# a time something must be kept, maintained or reported for (`시스템은 5년간 보유해야`, `3년간 제출
# 필요`, `2년간 고용을 유지하지 못하는 경우`, `1년간 유지보수 및 철거·복구 계획`): a duty, not the
# project's period
OBLIGATION_AFTER = regex.compile(
    r"^\s*(?:간|동안|[)）]?\s*까지)\s*(?:[^\s,.]{1,12}\s+){0,2}?[^\s,.]{0,6}?"
    r"(?:보유|유지|보관|보존|사후\s*관리|제출|유예)")  # `납부기술료는 2년간 납부 유예조치`: a deferral
# a count whose further support an evaluation decides (`1년간 추가지원 여부(대학) 결정`): a possible
# continuation, not the project's period
DECISION_AFTER = regex.compile(r"^\s*(?:간|동안)?\s*(?:의\s*)?추가\s*지원\s*(?:여부|대상|규모)")
# a point in time, not a length (`사전검증연구(선행연구, 3개월) 후 평가를 통해`)
POINT_AFTER = regex.compile(r"^\s*[)）]?\s*(?:후|뒤|이후|경과\s*(?:후|시))(?![가-힣])"
                         # a time after some process (`–18℃에서 3개월 저장후`, `6개월 숙성 후`): a point
                         r"|^\s*(?!지원|사업|협약|연구|과제)[가-힣]{2,3}\s*(?:후|뒤|이후)(?![가-힣])"
                         r"|^\s*(?:이|가)\s*되는\s*(?:날|때|시점|해)"  # `5년이 되는 날`: a day reached
                         r"|^\s*(?:연속|계속)(?![가-힣])"  # `2년 연속 부채비율 500% 초과`: a count of years
                         r"|^\s*(?:주기|마다|단위)(?:로|의|별)?(?![가-힣])"  # `5년 주기 점검`, `1년 단위 협약`: a cycle
                         r"|^\s*(?:간\s*)?(?:참여\s*)?(?:제한|정지)(?![가-힣])")  # `1년 참여제한`: a sanction
# a count that describes some organisation, not the call's terms (`과제를 총 5년 동안 수행하는
# 중소기업에 대한 적용`: a worked example's company)
ENTITY_AFTER = regex.compile(r"^\s*(?:간|동안)\s*(?!지원)[가-힣]{1,6}하는\s*[가-힣·]{0,8}?(?:기업|기관|사업자)")
# a share of the cost that limits one budget item, not a payer's split (PRECISION FIRST): the item
# is the line's subject (`외주용역비는 총사업비의 50% 이내로 편성`, `마케팅 비용 : 총 사업비의 30% 이내`)
# or the share bounds a spending (`사업비의 30% 이내에서 장비 구입 가능`, `… 50% 이내 사용 가능`)
BUDGET_ITEM_SUBJECT = regex.compile(
    r"(?P<item>[가-힣]{1,12}\s?(?:비|비용))\s*(?:은|는|[:：])\s*[^,.]{0,20}$")
SPENDING_AFTER = regex.compile(
    r"^\s*(?:에서|로|으로)?\s*(?:[^\s,.]{1,10}\s*){0,2}?(?:편성|책정|사용|구입|구매|계상|집행|지출|외주|위탁)")
# what the subject of BUDGET_ITEM_SUBJECT may be and still be the whole cost
WHOLE_COST = regex.compile(r"^(?:총\s*)?(?:사업비|연구\s*개발비|연구비|비용)$")
# a period printed as dates with its length in parentheses after them, on a line a period word
# labels (`○ 사업기간 : 협약일 ~ 2026. 11. 30.(약 7개월)`, `□ 협약기간 : 2026년 5월 ~ 12월 (8개월 이내)`)
PERIOD_LABEL_LEAD = regex.compile(
    r"^[\s□■○◦ㅇ•·\-*]*(?:사업|지원|협약|수행|과제|연구(?:\s*개발)?)\s*기간\s*[:：]")
RANGE_THEN_COUNT = regex.compile(r"[~∼～〜\-–]\s*[^()~∼～〜:：]{0,24}?[(（]\s*(?:약|최대|총)?\s*$")
PERIOD_CUE = regex.compile(r"(?:사업|지원|협약|수행|과제|연구(?:개발)?)\s*기간")
PERIOD_WORD_AT_END = regex.compile(r"(?:사업|지원|협약|수행|과제|연구(?:개발)?)\s*기간$")
# `6개월 간 지원`, `과제별 최대 5년 9개월 지원`
PERIOD_AFTER = regex.compile(r"^\s*(?:간|동안)?\s*지원")
# `6개월\n~12개월`, `3개월 ~ 1년`: one period stated as a range, read as its upper end
MONTHS_RANGE_JOIN = regex.compile(r"^\s*[~～∼〜\-–]\s*$")

LEVEL = r"기초|중간\s?[12]|고도화"
LEVEL_RULES: list[tuple[str, regex.Pattern[str]]] = [
    ("<level> 수준 (중간1 수준 이상)", regex.compile(rf"({LEVEL})\s*수준")),
    ("목표수준 <level> (목표수준 중간1 이상)", regex.compile(rf"목표\s*수준\s*[:：]?\s*({LEVEL})")),
    ("<level>→<level> (중간1→중간1)", regex.compile(rf"→\s*({LEVEL})")),
]
BARE_LEVEL = regex.compile(rf"(?<![가-힣])({LEVEL})(?![가-힣])")


def find_shares(text: str) -> list[Share]:
    out = []
    for m in SHARE.finditer(text):
        pct = float(m[1])
        if pct > 100 or PLACEHOLDER.match(m[1]):
            continue
        if (NOT_COST_BASE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
                or NOT_COST_BASE_AFTER.match(text[m.end() : m.end() + 10])):
            continue  # `발행주식 총수의 50% 이하`, `30% 이상 소유`: no share of the cost
        if SHARE_CHANGE_AFTER.match(text[m.end() : m.end() + 8]):
            continue  # `최대 50% 상향 지원`: a raise, not a share
        bound: ShareBound = "exact"
        start, end = m.start(), m.end()
        after = SHARE_AFTER.match(text[end : end + 8])
        before = SHARE_BEFORE.search(text[max(0, start - 6) : start])
        if after:
            bound = "min" if after[1] in ("이상", "초과") else "max"
            end += len(after[0])
        elif before:
            bound = "max" if before[1] == "최대" else "min"
            start -= len(before[0])
        out.append(Share(start, end, int(pct) if pct.is_integer() else pct, bound))
    return out


# the legal form of a share: `연구개발비의 100분의 75 이하` (시행령 별표 wording)
HUNDREDTHS = regex.compile(r"100\s*분의\s*(\d{1,3}(?:\.\d+)?)(?![\d.])")


def find_share_terms(text: str) -> list[Share]:
    """`find_shares` plus the legal form `100분의 75 이하`, in order of position: every reader of a
    payer's share (tables, flattened rows, prose) reads both, as announcements print both
    (mois_regional_disaster_rnd_2025 `연구개발비의 100분의 75 이하` beside `75% 이하` elsewhere)."""
    out = find_shares(text)
    for m in HUNDREDTHS.finditer(text):
        pct = float(m[1])
        after = SHARE_AFTER.match(text[m.end() : m.end() + 8])
        if pct > 100 or after is None:
            continue  # a legal share always carries its bound
        if NOT_COST_BASE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # `발행주식 총수의 100분의 50 이하`: no share of the cost
        bound: ShareBound = "min" if after[1] in ("이상", "초과") else "max"
        out.append(Share(m.start(), m.end() + len(after[0]),
                         int(pct) if pct.is_integer() else pct, bound))
    return sorted(out, key=lambda s: s.start)


def _summed(m: regex.Match[str]) -> int:
    last = "개월" if m[0].rstrip().endswith("개월") else "년"
    total = 0
    for part in m[0].split("+"):
        p = MONTHS_PART.match(part)
        if p is None:
            return 0
        if p[1]:
            total += int(p[1]) * 12 + int(p[2])
        else:
            total += int(p[3]) * (12 if (p[4] or last) == "년" else 1)
    return total


def find_months(text: str) -> list[Months]:
    if len(text) > CACHED_TEXT_CHARS:
        return _find_months(text)
    return list(_find_months_cached(text))


# Pure functions of a short text are asked again for the same line per program, per check
# and per family: their answers (frozen values) are kept. Longer texts are not (the keys).
CACHED_TEXT_CHARS = 2000


@lru_cache(maxsize=8192)
def _find_months_cached(text: str) -> tuple[Months, ...]:
    return tuple(_find_months(text))


def _find_months(text: str) -> list[Months]:
    sums = [(m.start(), m.end(), _summed(m)) for m in MONTHS_SUM.finditer(text)]
    matches = [(s, e, n) for s, e, n in sums] + [
        (m.start(), m.end(), int(m[1] or 0) * 12 + int(m[2]) if m[2] else int(m[3]) * 12)
        for m in MONTHS.finditer(text) if not any(m.start() < e and m.end() > s for s, e, _ in sums)]
    out = []
    for m_start, m_end, months in sorted(matches):
        after = text[m_end : m_end + 6]
        if not 0 < months <= 120 or MONTHS_MINIMUM_AFTER.match(text[m_end : m_end + 16]):
            continue  # `최소 현장 실증 기간은 3개월 이상`: a minimum, not a project period
        if MONTHS_BEFORE_EVENT_AFTER.match(after):
            continue  # `연구개발기간이 종료되기 3개월 전까지`
        if MONTHS_CONDITION_AFTER.match(text[m_end : m_end + 12]):
            continue  # `연구기간이 1년 9개월인 경우 …`: which projects, not how long
        if MONTHS_BASIS_AFTER.match(after):
            continue  # `연간(12개월 기준)`: a basis of reckoning
        if compiled(r"\+\s*$").search(text[max(0, m_start - 3) : m_start]):
            continue  # `1.5년 + 2년`: the last part of a sum not read whole, not the period
        after_ext = MONTHS_EXTENSION_AFTER.match(text[m_end : m_end + 10])
        ext = bool(MONTHS_EXTENSION_BEFORE.search(text[max(0, m_start - 24) : m_start]) or after_ext)
        until = bool(after_ext and after_ext[0].lstrip().startswith("까지"))
        start = m_start
        before = compiled(r"최대\s*$").search(text[max(0, start - 4) : start])
        if before:
            start -= len(before[0])
        prev = out[-1] if out else None
        if (prev is not None and not ext and not prev.extension
                and MONTHS_RANGE_JOIN.match(text[prev.end : m_start])):
            out[-1] = Months(prev.start, m_end, max(prev.months, months), False)
            continue
        out.append(Months(start, m_end, months, ext, until))
    return out


def added_months(extension: Months, duration: int | None) -> int | None:
    """The months an extension adds to a period of `duration` months: `최대 2년까지 연장` beside `1년`
    reaches a total of 24 (12 added); beside a period as long as itself, whether it adds or
    reaches it the text does not say (None)."""
    if not extension.until or duration is None or extension.months < duration:
        return extension.months
    return extension.months - duration if extension.months > duration else None


def find_level(text: str, bare: bool = False) -> tuple[str, int, int] | None:
    """`- 중간1 수준 이상` → (`중간1`, start, end); `bare` also takes a level word alone."""
    hits = [(m.start(1), m) for _, rx in LEVEL_RULES for m in rx.finditer(text)]
    if bare:
        hits += [(m.start(1), m) for m in BARE_LEVEL.finditer(text)]
    if not hits:
        return None
    # `중간1→중간1`: the target is after the arrow, so prefer arrow hits.
    arrows = [h for h in hits if "→" in h[1][0]]
    _, m = (arrows or sorted(hits, key=lambda h: h[0]))[0]
    return compiled(r"\s").sub("", m[1]), m.start(1), m.end(1)


# ---------------------------------------------------------------- payers

PAYERS: list[tuple[str, Payer, str]] = [
    # (rule name with example, role, pattern)
    ("지방비 / 지자체 (지방비)", "local_government", r"지방비|지자체|지방자치단체|시[·ㆍ‧・･․⸱∙]?군비|도비|시비"),
    ("자부담 (중소기업 (자부담))", "applicant", r"자부담|자기\s*부담"),
    ("기업/민간 부담 (기업부담금, 민간부담금)", "applicant", r"(?:기업|민간)\s*부담금?"),
    ("the applying company (도입기업, 중소·중견기업)", "applicant",
     r"도입\s*기업|참여\s*기업|수혜\s*기업|수요\s*기업|신청\s*기업|중소\s*[·ㆍ‧・･․⸱∙]?\s*중견\s*기업|중소\s*기업|중견\s*기업"),
    ("the host (대기업, 주관기관, 국민건강보험공단)", "host",
     r"대기업|주관\s*기관|협업\s*기관|운영\s*기관|[가-힣]{2,}(?:공단|재단)"),
    # the state's money named with its kind of grant (`정부 출연(80%)`, `국고 보조(50%)`): the label
    # takes the kind, as it takes `지원` (`정부 지원(70%)`), so that a share after it is the state's
    ("the state (정부지원금, 국비, 정부 출연, 국고 보조)", "government",
     # (not the `정부출연연구기관` an applicant may be: the state alone there)
     r"정부\s*지원\s*금|정부\s*지원|정부\s*출연(?:금|(?![가-힣]))|정부|(?:국비|국고)(?:\s*보조(?:금|(?![가-힣])))?"),
    # `보조금` (a subsidy) names the support, not who grants it: a ministry's or a city's
    ("generic support money (지원금액, 지원한도, 보조금)", "government",
     r"지원\s*금액|지원\s*한도|지원금|(?<![가-힣])보조금"),
]
PAYER_RX = [(name, role, regex.compile(rx)) for name, role, rx in PAYERS]
GENERIC_PAYER = regex.compile(r"^지원")  # `지원금액`, `지원한도`, `지원비율`: whose, it does not say
TOTAL = regex.compile(r"총\s*사업비|총\s*구축\s*비용|총\s*비용|합\s*계|소\s*계|^계$|사업\s*규모")


@lru_cache(maxsize=8192)
def mixed_payer(label: str) -> bool:
    """`자부담(지방비+기업)`: a label naming payers of two roles states no one payer's terms
    (the generic `지원금` of `국민건강보험공단 지원금` names no one)."""
    roles = {role for name, role, rx in PAYER_RX if not name.startswith("generic") and rx.search(label)}
    return len(roles) > 1


@lru_cache(maxsize=8192)
def find_payer(text: str) -> tuple[Payer, str, int, int] | None:
    """The first payer named in `text`: (role, label as printed, start, end)."""
    best: tuple[int, int, Payer] | None = None
    for _, role, rx in PAYER_RX:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0] or (m.start() == best[0] and m.end() > best[1])):
            best = (m.start(), m.end(), role)
    if best is None:
        return None
    return best[2], text[best[0] : best[1]], best[0], best[1]


# Who pays money a call names by no payer (`지원금`, `지원금액`, `지원`): the one who signs the call.
# A minister or agency head (`…부장관`, `경찰청장`, `…위원장`): the state (the default); a city,
# province or district head (`대구광역시장`, `수성구청장`, `…도지사`, `…군수`): the local government;
# only foundations or public corporations (`재단법인 울주문화재단 대표이사`, `수원도시재단 이사장`,
# `국민체육진흥공단 이사장`): the host. Other signers (`한국인터넷진흥원장`, `…테크노파크 원장`, a national
# agency such as `한국연구재단이사장`) say nothing.
LOCAL_HEAD = regex.compile(r"(?:구\s*청\s*장|시\s*장|도\s*지\s*사|군\s*수)$")
STATE_HEAD = regex.compile(r"(?:장\s*관|청\s*장|처\s*장|위\s*원\s*장|총\s*리)$")
# not a national agency that hands out the state's money (`한국연구재단`)
HOST_BODY = regex.compile(r"^(?!한국)\S*(?:재단|공단)|재단\s*법인")
GENERIC_LABEL = regex.compile(r"^지원(?:\s*(?:금액?|한도|규모|내용|조건))?$|^보조금$")


def issuer_payer(issuer: str | None) -> Payer | None:
    """The payer of the money a call names by no payer, from who signs it (see LOCAL_HEAD);
    None when the signers do not say (or the state's, the default, is meant)."""
    if not issuer:
        return None
    roles = set()
    for part in compiled(r"\s*/\s*").split(issuer.strip()):
        if LOCAL_HEAD.search(part):
            roles.add("local_government")
        elif STATE_HEAD.search(part):
            roles.add("government")
        elif HOST_BODY.search(part):
            roles.add("host")
        else:
            roles.add("other")
    if "government" in roles:
        return None
    if "local_government" in roles:
        return "local_government"
    return "host" if roles == {"host"} else None


def generic_label(label: str) -> bool:
    """A payer label naming only the support (`지원`, `지원금`, `지원금액`, `보조금`): whose, it does
    not say."""
    return bool(GENERIC_LABEL.match(label.strip()))


# one preliminary stage's months in its parentheses (`사전검증연구(3개월)`, `사전검증연구(’25. 3. ~ ’25. 5.
# (3개월), 5천만원)`): the stage's, not the project's
STAGE_BEFORE = regex.compile(r"(?:사전\s*검증|선행\s*연구|사전\s*연구|개념\s*검증|예비\s*연구)[^()（）\n]{0,4}"
                             r"[(（][^()（）\n]{0,30}[(（]?\s*$")


# a worked example's arithmetic on the line (`5개월×30% = 1.5`): its counts are the example's
EXAMPLE_MATH = regex.compile(r"\d\s*(?:개월|%)?\s*[×✕]\s*\d|[=⇨]\s*\d")


def of_another_period(text: str, m: Months) -> bool:
    """The last period word before the count names another period than the project's
    (NOT_A_PERIOD: `입주 기간은 입주계약 체결일로부터 1년간(평가에 따라 1년 연장 가능)`): the count and
    the extension beside it are that period's."""
    words = PERIOD_WORD.findall(text, 0, m.start)
    return bool(words) and bool(NOT_A_PERIOD.search(words[-1]))


def other_period(text: str, m: Months) -> bool:
    """A month count that is no project period by its neighbours: a time after another event or
    a look back (OTHER_PERIOD_BEFORE), a deadline for an act (DEADLINE_AFTER), how long a duty
    lasts (OBLIGATION_AFTER), a count describing some organisation (ENTITY_AFTER), a point in
    time, a cycle or a sanction (POINT_AFTER), a preliminary stage's months (STAGE_BEFORE), a
    worked example's arithmetic (EXAMPLE_MATH), another period's count (`입주 기간은 … 1년간`), a look
    back dated after the count (LOOK_BACK_AFTER), a law's definition (DEFINITION_AFTER), a noun's
    term in parentheses (`_of_a_noun`), the old term of a change (OLD_TERM_AFTER)."""
    after = text[m.end : m.end + 30]
    return bool(OTHER_PERIOD_BEFORE.search(text[max(0, m.start - 16) : m.start])
                or STAGE_BEFORE.search(text[max(0, m.start - 48) : m.start])
                or DEADLINE_AFTER.match(after) or OBLIGATION_AFTER.match(after)
                or ENTITY_AFTER.match(after) or POINT_AFTER.match(after) or DECISION_AFTER.match(after)
                or LOOK_BACK_AFTER.match(after) or DEFINITION_AFTER.match(after) or _of_a_noun(text, m)
                or OLD_TERM_AFTER.match(after)
                or EXAMPLE_MATH.search(text) or of_another_period(text, m))


def corpus_value(text: str) -> dict[str, list[list[object]]] | None:
    """A phrase's shares (`[pct, bound]`) and the month counts that may be a project period
    (`[months, extension]`; not a count from another event, a look back, a deadline): what the
    vocabulary reads, for `vocab/corpus/funding.jsonl` (None: neither)."""
    months = [[m.months, m.extension] for m in find_months(text) if not other_period(text, m)]
    shares = [[s.pct, s.bound] for s in find_share_terms(text)]
    return {"shares": shares, "months": months} if shares or months else None
