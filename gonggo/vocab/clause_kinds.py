"""Clause kinds: named lexicon rules (first match wins) for what an eligibility, exclusion or
duty clause is about (`tax`, `sanction`, `status`, `duplicate`, `region`, `size`, `industry`;
`escrow`, `education`, `reporting`, `retention`, `compliance`)."""

from __future__ import annotations

from typing import Protocol

import regex

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
