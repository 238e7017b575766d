"""What a file is, from its title and preamble: a support call (지원사업·공모·모집, what the
contract is for), another notice (입찰, 입법예고, 채용, 보도자료, a citizens' 제안·아이디어 공모), or a
form (양식·서식 only).

One rule table, read top to bottom; the first rule whose `pattern` matches the head of the
document (and whose `unless` does not) decides. A head that no rule matches is a support call:
the extractors are built for those, and a false `other_notice` would hide a real program; a head
with no word of a call at all (공고, 모집, 공모, 지원, 사업, 신청, 선정) is `unknown`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

Kind = Literal["support_call", "other_notice", "form", "unknown"]
KIND_KO: dict[str, str] = {"support_call": "지원사업 공고", "other_notice": "기타 공지",
                           "form": "양식·서식", "unknown": "알 수 없는 문서"}

# A head that announces support for businesses or people is a support call whatever else it says.
SUPPORT = regex.compile(r"지원\s*사업|지원\s*대상|지원\s*기업|지원금|장려금|보조금|사업화|"
                        r"참여\s*기업|(?:기업|기관|수혜자)\s*모집|바우처|융자")
ANNOUNCING = regex.compile(r"공고\s*제|공고(?:합니다|하오니|함)|알려\s?드립니다|안내(?:합니다|드립니다)")


@dataclass(frozen=True)
class KindRule:
    name: str  # the Korean name staff read in the finding
    kind: Kind
    pattern: regex.Pattern[str]
    unless: regex.Pattern[str] | None = SUPPORT
    needs_no_announcing: bool = False  # a form: only when no sentence announces anything


RULES: list[KindRule] = [
    KindRule("보도자료", "other_notice", regex.compile(r"보\s*도\s*자\s*료|보도\s*(?:일시|시점)"),
             unless=None),
    KindRule("질의회신·결정문", "other_notice",
             regex.compile(r"\[\s*문서\s*번호\s*\]|질의\s*회신|결정\s*요지|심판\s*청구"), unless=None),
    KindRule("질의응답", "other_notice", regex.compile(r"질의\s*응답|\bFAQ\b"), unless=ANNOUNCING),
    KindRule("입찰 공고", "other_notice",
             regex.compile(r"입찰\s*(?:공고|에\s*부치|참가|안내)|구매\s*입찰|물품\s*공고|구\s*매\s*요\s*구\s*서|"
                           r"제안\s*요청서|용역\s*(?:업체\s*)?(?:선정|입찰)")),
    # An attachment profiling the host organisations (`[별첨 3] 주관기관 소개자료`: one card per
    # 기관 with `기 관 현 황`, 홈페이지, 문의처): its 문의처 are the organisations', it calls for nothing.
    KindRule("기관 소개자료", "other_notice",
             regex.compile(r"기\s*관\s*현\s*황|기\s*관\s*소\s*개\s*(?:자\s*료|서)"), unless=ANNOUNCING),
    KindRule("입법예고", "other_notice", regex.compile(r"입법\s*예고|행정\s*예고|규정\s*(?:일부)?개정")),
    KindRule("채용 공고", "other_notice",
             regex.compile(r"(?:직원|인력|근로자|공무직|기간제|임기제|계약직)?\s*채용\s*(?:공고|계획|시험|안내)")),
    KindRule("주민 제안·아이디어 공모", "other_notice",
             regex.compile(r"(?:주민|시민|구민|군민|국민|도민)?\s*(?:제안|아이디어|정책\s*제안|네이밍|슬로건)\s*공모"),
             unless=regex.compile(r"창업|사업화|기업\s*모집|지원\s*사업")),
    KindRule("양식·서식", "form",
             regex.compile(r"\[?별지\s*(?:제\s*\d+\s*호)?\s*서식|양\s*식|서\s*식|작성\s*목차|위\s*임\s*장|"
                           r"사업\s*계획서\s*$|보고서|제출\s*목록", regex.MULTILINE),
             unless=None, needs_no_announcing=True),
]

HEAD_CHARS = 400
# The first item of the body (`1. 공모기간: …`, `- 매년 4월 : 지원사업 공고`, `□ 사업개요`): a rule's
# `unless` reads the title and preamble before it. A support word in an item of the head (a
# schedule step inserted beside a citizens' 제안 공모's 공모기간) names no support this file calls for.
FIRST_ITEM = regex.compile(r"(?m)^[ \t]*(?:\d{1,2}\s*[.)](?!\d)|[-•▶□○◦ㅇ■◆❍※]|[가-하]\s*[.)])\s*\S")
# A head without any of these words announces nothing we know: `unknown`, not a support call.
CALL_WORDS = regex.compile(r"공\s*고|모\s*집|공\s*모|지\s*원|사\s*업|신\s*청|선\s*정")


@dataclass(frozen=True)
class KindDecision:
    kind: Kind
    rule: str | None  # the rule's name, None for the default
    start: int = 0  # the match in the head searched
    end: int = 0


def decide_kind(head: str) -> KindDecision:
    """The kind of a document from its head (title and the start of the preamble)."""
    text = head[:HEAD_CHARS]
    item = FIRST_ITEM.search(text)
    lead = text[:item.start()] if item and item.start() > 0 else text
    for rule in RULES:
        m = rule.pattern.search(text)
        if not m:
            continue
        if rule.unless is not None and rule.unless.search(lead):
            continue
        if rule.needs_no_announcing and ANNOUNCING.search(text):
            continue
        return KindDecision(rule.kind, rule.name, m.start(), m.end())
    if not CALL_WORDS.search(text):
        return KindDecision("unknown", "공고·모집 문구 없음")
    return KindDecision("support_call", None)
