"""Clause kinds: named lexicon rules (first match wins) for what an eligibility, exclusion or
duty clause is about (`tax`, `sanction`, `status`, `duplicate`, `region`, `size`, `industry`;
`escrow`, `education`, `reporting`, `retention`, `compliance`)."""

from __future__ import annotations

from typing import Protocol

import regex

from gonggo.vocab.phones import FULL as PHONE
from gonggo.vocab.text import MIDDLE_DOTS

# ---------------------------------------------------------------------------------------
# Kinds: named lexicon rules, first match wins


class Lexicon(Protocol):
    def search(self, text: str, /) -> object: ...


KindRule = tuple[str, Lexicon]


class RegionLexicon:
    """Location cues (`소재지`, `수도권`, `관내`, `지역 제한`) by regex; a 시·도 name used as a
    location (`강원도에`, `서울특별시 소재`, `충북 지역`) by the 시·도 regex in `vocab.nlp`,
    which matches the name at the start of a token whatever particle is glued on."""

    CUES = regex.compile(
        r"소재(?:지|한|하는|\s*(?:중소)?기업|\s*업체)|(?:비)?수도권|관내|지역\s*(?:소재|내|제한|기업)")

    def search(self, text: str, /) -> bool:
        from gonggo.vocab.nlp import names_sido_location

        return bool(self.CUES.search(text)) or names_sido_location(text)


CRITERIA_KINDS: list[KindRule] = [
    ("tax", regex.compile(r"국세|지방세|체납|납세|세금")),
    ("sanction", regex.compile(
        r"참여\s*제한|신청\s*제한|제재|부정(?!\s*적)|환수|부정당|협약\s*(?:해약|해지)|약정\s*해지")),
    ("status", regex.compile(
        r"휴\s*[·ㆍ‧・･․⸱∙,]?\s*폐업|휴업|폐업|부도|파산|회생|워크\s*아웃|청산|해산|영업\s*정지|가동\s*중단"
        r"|채무\s*불이행|신용\s*불량|자본\s*(?:전액\s*)?잠식|압류")),
    ("duplicate", regex.compile(
        r"중복|동일\s*[·ㆍ‧・･․⸱∙]\s*유사|동일\s*(?:한\s*)?(?:과제|사업|내용)|유사\s*(?:한\s*)?(?:과제|사업)"
        r"|(?:수행|참여)\s*중(?:인|에)|지원을\s*받(?:고|은|았)|기\s*수혜|수혜\s*이력")),
    ("region", RegionLexicon()),
    ("size", regex.compile(
        r"중소\s*(?:[·ㆍ‧・･․⸱∙]\s*중견\s*)?(?:제조\s*)?기업|중견\s*(?:제조\s*)?기업|대기업|소기업|소상공인"
        r"|매출|종업원|상시\s*(?:근로자|종업원)|자산\s*총액|상호\s*출자\s*제한")),
    ("industry", regex.compile(
        r"업종|제조업|산업\s*분류|유흥|향락|숙박|음식점|사행|도박|오락|부동산\s*(?:임대)?업"
        r"|금융\s*(?:및\s*보험)?업|\b[A-Z]\d{2,5}\b")),
]

DUTY_KINDS: list[KindRule] = [
    ("escrow", regex.compile(r"임치")),
    ("education", regex.compile(r"교육|이수|수료|연수")),
    ("reporting", regex.compile(
        r"로그|(?:보고서|계획서|실적|데이터|증빙)\s*(?:를|을)?\s*제출|모니터링|성과\s*조사")),
    ("retention", regex.compile(r"보유|보존|보관|처분|매각|판매|해외\s*이전|이전\s*(?:불가|금지)")),
    ("compliance", regex.compile(r"준수|관리\s*지침|관리\s*기준|협조")),
]


# Names of laws (`「중소기업창업 지원법」`) say where a rule comes from, not what it is about.
LAW_NAME = regex.compile(r"[「｢『][^」｣』]*[」｣』]")


def clause_kind(text: str, rules: list[KindRule] | None = None) -> str | None:
    """The first kind whose lexicon occurs in `text` (outside the names of laws)."""
    text = LAW_NAME.sub(" ", text)
    for kind, rx in CRITERIA_KINDS + DUTY_KINDS if rules is None else rules:
        if rx.search(text):
            return kind
    return None


# ---------------------------------------------------------------------------------------
# Items of a criteria list that state no criterion: what `not_a_criterion` names.

# A schedule line: a label and a date or date range alone (`접수기간 : 10.28(토) ∼ 11.26(일)
# 23:59:59`, `선정평가 : 2025. 3월`, `접수기간 :'18.9.19.(수)~10.8.(월),18:00까지`).
SCHEDULE_ONLY = regex.compile(rf"""
    ^\s*(?:[(（]?[가-힣{MIDDLE_DOTS} ]{{2,14}}[)）]?\s*[:：]\s*)?
    (?=[^\n]*\d)
    [\d\s.．,'’‘/:：~∼～〜\-–—()（）년월일시분초화수목금토요중말초순상하예정까지부터]+$
""", regex.VERBOSE)
# A points rule: bonus or penalty points (`가점(1점)부여`, `5점 감점`, `가산점(최대 5점)`) …
POINTS_WORD = regex.compile(r"가점|감점|가산점")
POINTS = regex.compile(r"\d+(?:\.\d+)?\s*점(?!수)")
# … unless the item also says the applicant is excluded (`감점 또는 지원 제외`).
EXCLUDES = regex.compile(r"제외|탈락|불가|배제|선정\s*(?:하지|되지)|지원\s*(?:하지|되지)")
# A contact line: a phone number or an e-mail address, with no condition (`경우`, `해당`, `중인`)
EMAIL = regex.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
CONDITION = regex.compile(r"경우|해당|제외|불가|제한|중인|않은|없는|미만|이상|이하|초과")
# A document of the application restated with its number of copies (`중소/중견기업 증빙서류 1부`,
# `[별첨3] 가·감점 신청서 및 관련 증빙서류 1부`), not a false or missing one (`허위`, `미제출`).
DOCUMENT_COPIES = regex.compile(r"""
    (?:서류|[서증본원표])\s*(?:사본\s*)?\d{1,2}\s*부\s*(?:[(（][^()（）\n]*[)）])?\s*$""", regex.VERBOSE)
FALSE_DOCUMENT = regex.compile(r"허위|위조|변조|거짓|미제출|불이행|누락|경우")
# A consequence alone: the measures that may be taken, with no one they are taken against (`- 선정
# 취소, 중기청 창업지원사업 참여제한 및 정부 지원금 환수 등의 조치를 받을 수 있음`, the tail of a
# wrapped `… 누락이 확인된 경우,`) …
CONSEQUENCE = regex.compile(r"조치\s*(?:를|가|이)?\s*(?:받을|취할|할|될|취해질)\s*수\s*있")
# … or an instruction to the applicant (`신청자는 반드시 본 공모전 모집 요강을 충분히 숙지하고 지원`,
# `제출서류 다운로드 경남관광기업지원센터 (http://…)`): what to do, not who may not apply.
INSTRUCTION = regex.compile(r"숙지\s*(?:하고|하여|하시|한\s*후|후)|다운\s*로드")
# the one the measures are taken against (`허위 기재한 자는 … 조치`, `… 경우`): a criterion
SUBJECT = regex.compile(r"경우|해당|중인|않은|없는|(?<![가-힣])시(?![가-힣])"
                        r"|(?:자|기업|기관|단체)\s*(?:는|은|가|이|로서)(?![가-힣])")


def not_a_criterion(text: str) -> str | None:
    """The class of an item printed in a criteria (exclusion) list that states no criterion:
    `schedule` (a label and a date range alone), `points` (a bonus or penalty points rule),
    `contact` (a phone number or e-mail address), `document` (a document of the application with
    its number of copies), `consequence` (measures that may be taken, against no one named),
    `instruction` (what the applicant should do); None for anything else."""
    if SCHEDULE_ONLY.match(text):
        return "schedule"
    if POINTS_WORD.search(text) and POINTS.search(text) and not EXCLUDES.search(text):
        return "points"
    if (PHONE.search(text) or EMAIL.search(text)) and not CONDITION.search(text):
        return "contact"
    if DOCUMENT_COPIES.search(text) and not FALSE_DOCUMENT.search(text):
        return "document"
    if CONSEQUENCE.search(text) and not SUBJECT.search(text):
        return "consequence"
    if INSTRUCTION.search(text) and not CONDITION.search(text):
        return "instruction"
    return None
