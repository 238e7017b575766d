"""The one heading → facet table: which fact family a heading (or an item's label) speaks of.

Every reader of headings uses it: the outline's carriers (clauses, documents), program
splitting, the LLM assist's section choice and the completeness check. Each facet is a named
rule with a verbose pattern, searched in a heading's title with its marker removed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class Facet:
    name: str
    pattern: regex.Pattern[str]
    what: str  # what one item under such a heading is, in a sentence ("exclusion" …)


def _rx(source: str) -> regex.Pattern[str]:
    return regex.compile(source, regex.VERBOSE)


FACETS: list[Facet] = [
    Facet("eligibility", _rx(r"""
        (?:신청|지원|참여|참가|응모)\s*(?:자격|요건) | 자격\s*요건
      | (?:신청|참여|참가|모집)\s*대상(?!\s*(?:에서\s*)?제외)
      | 지원\s*대상(?!\s*(?:규모|선정|과제|사업|분야|기업\s*수|수\b|범위|품목|기술|내용|경비|비용|(?:에서\s*)?제외))
    """), "eligibility clause"),
    Facet("exclusions", _rx(r"""
        # a sanction after the fact is no list of excluded applicants: `참여제한 및 사업비 환수`, `참여제한 등 제재조치`,
        # `부정행위 시 참여제한`, `국가연구개발사업의 참여제한, 연구개발비 환수 및 제재부가금 부과에 관한 사무`
        (?![^\n:：(（]{0,25}?(?:환수|해약|해지|제재\s*(?:조치|처분|부가금)|조치|부과|사무))
        (?<!(?:^|\s)시\s{0,2})(?<!(?:환수|해약|해지)[^\n]{0,8})
        (?:
        (?:지원|신청|참여|참가|선정)\s*제외(?:\s*(?:대상|사항|기준|요건|조건|기업|기관))?
      | 제외\s*(?:대상|사항|기준|요건|조건)
      # `지원대상 제외`, `지원 대상에서 제외되는 경우`, `신청대상 제외 기업`
      | (?:지원|신청|참여|선정)\s*대상\s*(?:에서\s*)?제외(?:\s*(?:대상|기업|기관|사항|되는\s*경우))?
      | 부적격 | 참여\s*제한(?:\s*(?:대상|기업|기관|사항|기준))? | 신청\s*(?:자격\s*)?제한 | 결격\s*사유
      | (?:신청|참여|지원)\s*(?:및|[·ㆍ‧・･․⸱∙])\s*(?:신청|참여|지원)\s*제한      # `신청 및 참여 제한`
      | (?:지원|참여|신청)\s*배제(?:\s*(?:대상|기업|기관))?
      | 지원\s*불가\s*(?:대상|기업)? | 신청\s*불가(?:한|능한)\s*경우
      | (?:신청|참여|참가)\s*불가(?:능)?(?:한)?\s*(?:대상|기업|기관|경우)   # not `신청 불가 시 …`
      # a heading that is itself the lead-in: `다음의 경우 사전검토 시 또는 선정 시에 제외됨`
      | (?:다음|아래)의?\s*경우\S*\s[^\n]{0,40}?제외\s*(?:됨|함|한다|처리|할\s*수|될\s*수|대상)
      # any lead-in whose predicate takes the applicant out, the whole line: `다만, 다음 각 호의
      # 어느 하나에 해당하는 자는 신청할 수 없음`, `아래의 경우에는 신청이 불가합니다`, `다음의 경우
      # 지원 대상에서 제외`, `아래에 해당하는 경우 신청이 제한됨`. Tried before the shorter form
      # below, which stops before the predicate's ending (`… 신청할 수 없` + `음`): an item must end
      # with its label to carry (`○ 다음 각 호에 해당하는 자는 신청할 수 없음` under `□ 신청자격`)
      | (?:다음|아래|하기)(?:\s*각\s*호)?(?:의|에)?\s*(?:중\s*)?(?:어느\s*하나에\s*)?[^\n]{0,16}?
        (?:해당|경우)[^\n]{0,16}?
        (?:(?:신청|참여|지원|접수)\s*(?:이|을|를|할|하실)?\s*(?:수\s*없|불가|제한|불가능)
         | (?:지원|선정|신청|참여)\s*(?:대상\s*에서\s*)?제외)
        [가-힣\s]{0,10}?[.]?\s*(?:[(（][^)）\n]*[)）])?\s*$
      # `다음에 해당하는 기업은 신청 불가`, `아래 각 호에 해당하는 자는 신청할 수 없음`
      | (?:다음|아래)(?:\s*각\s*호)?(?:의|에)?\s*(?:어느\s*하나에\s*)?해당하는\s*\S{1,8}\s
        (?:[^\n]{0,20}?)(?:신청|참여|지원)\s*(?:불가|할\s*수\s*없|이\s*불가|대상에서\s*제외)
        )
    """), "exclusion"),
    Facet("obligations", _rx(r"""
        의무\s*(?:사항|교육)? | 준수\s*사항 | 이행\s*사항 | 협약\s*(?:체결\s*)?(?:후|이후)
      | 교육\s*이수 | 이수\s*교육 | 사후\s*관리\s*의무 | 로그\s*(?:정보|기록)?\s*제출
      | 기술\s*임치 | 보존\s*의무 | 보관\s*의무
    """), "obligation"),
    Facet("documents", _rx(r"""
        (?:제출|구비|신청|증빙|첨부|필요)\s*서류 | 서류\s*(?:제출|목록) | 제출\s*(?:자료|목록)
      | (?:신청|접수|응모|참가)\s*(?:시\s*)?(?:제출|구비|필요|첨부)\s*서류   # `○ 신청 시 제출서류`, `다. 신청 구비서류`
      # `□ 접수서류`, `5. 응모서류` (a contest's word): the list handed in, not its review
      | (?:접수|응모)\s*서류(?!\s*(?:심사|검토|평가|보완|확인|접수))
      | ^첨부$   # the label of `○ (첨부) 유형별 제출자료(연구계획서 및 증빙자료, 동의서 등) 업로드`
    """), "document"),
    Facet("overview", _rx(r"사업\s*개요 | 사업\s*목적 | 개요"), "overview"),
    Facet("support", _rx(r"""
        지원\s*내용 | 지원\s*조건 | 지원\s*규모 | 지원\s*대상 | 지원\s*범위 | 지원\s*분야
    """), "support term"),
    Facet("apply", _rx(r"""
        신청\s*기간 | 신청\s*방법 | 접수\s*기간 | 모집\s*기간 | 신청\s*절차
    """), "application step"),
    Facet("selection", _rx(r"""
        선정\s*(?:절차|방법|기준) | 평가\s*(?:절차|항목|기준) | 지원\s*절차
    """), "selection step"),
    Facet("awards", _rx(r"지원\s*규모 | 선정\s*규모 | 모집\s*규모 | 지원\s*내용 | 지원\s*조건"),
          "award count"),
    Facet("windows", _rx(r"""
        신청\s*기간 | 접수\s*기간 | 모집\s*기간 | 공고\s*기간 | 신청\s*접수 | ^\(?\s*접수
      # `□ 공모기간` (suseong_idea_contest_2026), `◦ (신청·접수)` (seed 001): the windows family
      # reads them (items.PERIOD_WORD); the table named neither
      | 공모\s*기간 | 신청\s*[·ㆍ‧・･․⸱∙]\s*접수
      | (?:추진|사업|모집|접수|신청)\s*일정
    """), "application period"),
    Facet("evaluation", _rx(r"""
        평가\s*(?:항목|기준|지표|방법|절차) | 선정\s*(?:기준|절차|방법) | 심사
    """), "evaluation criterion"),
    Facet("bonus_points", _rx(r"가점 | 가산점 | 우대"), "bonus point"),
    Facet("costs", _rx(r"비용 | 부담금 | 수수료 | 교육비 | 원가 | 기술\s*임치"), "cost"),
    Facet("contacts", _rx(r"문의 | 연락처 | 담당\s*자 | 상담 | 안내\s*처"), "contact"),
]

BY_NAME: dict[str, Facet] = {f.name: f for f in FACETS}

# Item labels that name a facet only as a label (`ㅇ (과제수 제한) 연구자가 …`, `ㅇ (중복신청
# 제한) …`, `ㅇ (최저 인건비 계상률 제한) …`): a rule's name ending in 제한, or `(제한사항)`. As a heading's title
# the same words name a topic (`3-3. 연구개발기관의 연구 참여 범위 제한`), not a list of exclusions.
LABEL_FACETS: dict[str, regex.Pattern[str]] = {
    "exclusions": _rx(r"[가-힣]{2,}(?:\s*[가-힣]{2,}){0,2}\s*제한$ | (?:[가-힣]{2,}\s*)?제한\s*사항$"),
}

# The facets that carry list items of a fact family (the outline's carriers).
CARRIER_FACETS = ("eligibility", "exclusions", "obligations", "documents")
# The facets whose presence among a heading's children makes it a program section.
PROGRAM_FACETS = ("overview", "support", "eligibility", "apply", "selection", "documents",
                  "exclusions")
# A heading whose items name the 사업 a call announces, one item per 사업 (`□ 사업목적` with
# `○ 정보통신·방송 기술개발사업` / `○ 정보통신방송표준개발지원사업`, `□ 지원대상 사업`, `□ 공고 대상사업`).
# Not a facet: an item under it is a program, not a fact of one (reading.programs).
PROGRAM_LIST = _rx(r"""
    ^(?:사업\s*(?:목적|개요)
      | (?:지원|공고|신청|공모)?\s*대상\s*사업(?:\s*(?:및|[·ㆍ‧・･․⸱∙])\s*(?:목적|개요|내용))?
      | (?:공고|지원|신청)\s*사업(?:\s*(?:명|목록|개요))?)
    \s*$
""")


# A heading (or an unmarked title line) naming a procedure after the application: exchanging
# vouchers a merchant took (`상품권 환전 안내`), claiming or receiving the money (`지원금 지급 신청`,
# `사업비 지급`), settling it (`사업비 정산`, `정산 시 제출서류`), reporting results (`결과보고`).
# Not after-care (`스마트공장 사후관리` is a program applicants apply to, seed 002). Its 구비서류
# are that procedure's, not the application's (GOLD_FIELD: documents are handed in with the
# application, for the plan, or at the agreement). The words open the title, after at most one word naming what is exchanged or paid (`상품권`, `지원금`).
LATER_PROCEDURE = _rx(r"""
    ^(?:[가-힣]{1,6}\s*)?
    (?: 환\s*전
      | 정\s*산
      | (?:지\s*급|지\s*불)(?!\s*(?:대상|규모|한도|금액|기준|비율))
      | (?:대금|비용|사업비|지원금|보조금)\s*청\s*구
      | (?:결과|완료|최종|중간|실적)\s*보\s*고)
""")


def later_procedure(title: str) -> bool:
    """Whether a title names a procedure after the application (`LATER_PROCEDURE`)."""
    return LATER_PROCEDURE.search(title.strip()) is not None


def pattern(name: str) -> regex.Pattern[str]:
    return BY_NAME[name].pattern


def facets_named(title: str, names: tuple[str, ...] | None = None, *, at_start: bool = False
                 ) -> set[str]:
    """The facets whose pattern occurs in `title` (or starts it, with `at_start`)."""
    out = set()
    for f in FACETS:
        if names is not None and f.name not in names:
            continue
        if (f.pattern.match(title) if at_start else f.pattern.search(title)):
            out.add(f.name)
    return out


PAREN_LABEL = regex.compile(r"[(（]\s*([^()（）]+?)\s*[)）]")


def label_names(label: str, name: str) -> bool:
    """Whether an item's label (`과제수 제한`) names the facet `name`."""
    extra = LABEL_FACETS.get(name)
    return bool(BY_NAME[name].pattern.match(label) or (extra is not None and extra.match(label)))


def corpus_value(title: str) -> list[str]:
    """The list-carrying facets a heading title, or an item's label in parentheses
    (`(과제수 제한)`), names (corpus/headings.jsonl)."""
    label = PAREN_LABEL.fullmatch(title)
    if label:
        return sorted(n for n in CARRIER_FACETS if label_names(label.group(1), n))
    later = ["later_procedure"] if later_procedure(title) else []
    return sorted(facets_named(title, CARRIER_FACETS)) + later
