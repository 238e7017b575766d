"""Metamorphic checks, third family: DISTRACTORS. A real line that looks like a fact but is
none (a program's whole budget, an indirect-cost ratio, a royalty %, an example, an
evaluation date, `접수 마감 후 N일`), inserted next to the section of the fact it imitates in
another announcement, must add no fact.

The rules were tuned on a few dozen documents; an unseen one prints, under its 지원내용, a
line such as `□ 인건비와 간접비의 합계는 정부출연금의 50% 이내로 계상` that no tuned document
printed there. Each line below was copied from a real text (`Distractor.source`: a dev text
of the field corpus, a seed or an untuned sample) and its numbers are NOT facts of the
kinds it imitates in that text's gold, nor its text an exclusion or a document there
(`tests/test_variants_distractor.py` checks the gold).
A `Variant` per distractor class inserts the class's lines under the headings of the facets
it sits near (`NEAR`: the funding heading, the duration line, the documents list, the
application window, the exclusion list), the line's own bullet replaced by the bullet of the
item it lands beside. Every fact the variant GAINS is a false positive of that class.

    python -m gonggo.eval.variants_distractor corpus/seeds /work/scratch/devtext [--only …]
        [--jobs 2] [--out report.md]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from gonggo.eval.variants import Variant, run
from gonggo.eval.variants_wording import _AFTER, _MARKER, SEEN


@dataclass(frozen=True)
class Distractor:
    kind: str  # the class of non-fact it is
    line: str  # as printed, with its own bullet
    source: str  # the text it was copied from (a field-corpus file name, `seed NNN`, a sample)


# facets whose headings a class is inserted under (variants_wording.SEEN spells each facet's
# headings; `duration` lines are `사업기간 : …` items)
NEAR: dict[str, tuple[str, ...]] = {
    "program_budget": ("funding",),
    "cost_ratio": ("funding",),
    "staff_rate": ("funding", "duration"),
    "threshold": ("funding", "documents", "exclusions"),
    "royalty": ("funding",),
    "clawback": ("funding", "duration"),
    "example": ("funding",),
    "cash_in_kind": ("funding",),
    "yearly_amount": ("funding", "duration"),
    "other_program": ("funding",),
    "bonus_points": ("funding", "documents"),
    "vat_payment": ("funding",),
    "period_after_event": ("duration", "windows"),
    "agreement_schedule": ("duration", "windows"),
    "evaluation_schedule": ("windows",),
    "briefing": ("windows",),
    "announcement_period": ("windows",),
    "document_note": ("documents",),
    "exclusion_note": ("exclusions",),
}

DISTRACTORS: list[Distractor] = [
    # a program's (or a year's) whole budget, and the number of projects it funds
    Distractor("program_budget", "□ 공고규모 :'19년 정부출연금 32억 원 내외",
               "mafra_livestock_disease_rnd_2019_gonggo.pdf"),
    Distractor("program_budget", "* ’26년 기준이며, 정부 예산 사정에 따라 지급시기 조정 및 분할 지급 가능",
               "motie_industry_talent_training_2026_gonggo.hwpx"),
    # ratios of cost items (indirect costs, staff, equipment, operating costs)
    Distractor("cost_ratio", "□ 인건비와 간접비의 합계는 정부출연금의 50% 이내로 계상",
               "motie_industry_talent_hrd_council_2025_gonggo.hwpx"),
    Distractor("cost_ratio", "○ 인력양성 사업의 경우, 연구개발기관별 간접비 편성은 직접비(현물 제외)의 10% 이하로 계상",
               "pipc_privacy_rnd_2026_gonggo.hwp"),
    Distractor("cost_ratio", "○ 연구개발능률성과금은 해당연도 간접비 총액의 10%이내 산정(자체평가 후 결과에 따른 지급)",
               "mafra_high_value_food_rnd_2017_gonggo.pdf"),
    Distractor("cost_ratio", "- 연구시설ㆍ장비비 (구입완료일이 연구개발과제 시작일의 5년 이내, 구입가의 20%이내)",
               "mois_regional_disaster_rnd_2026_gonggo.hwp"),
    Distractor("cost_ratio", "* 선정 된 클러스터의 총 사업비 5% 이내에서 운영비 책정 가능", "seed 002"),
    # participation rates of the staff (인건비 계상률, 참여율)
    Distractor("staff_rate", "□ 주관연구개발기관은 사업운영 전담인력(인건비계상률 75% 이상)이 1명 이상 참여하고, "
               "참여연구원(연구책임자 포함)은 인건비계상률 10% 이상 계상", "motie_industry_talent_hrd_council_2025_gonggo.hwpx"),
    Distractor("staff_rate", "* 신규 채용인력의 해당년도 현금 인건비가 해당년도 인건비 총액의 30%이상 집행되었더라도 "
               "연구개발계획서보다 적게 집행했을 경우 해당 차액만큼 기존인력의 현금 인건비를 불인정함",
               "pipc_privacy_rnd_2025_gonggo.hwp"),
    # thresholds of what needs a review or a form (equipment over 3천만원) and past records
    Distractor("threshold", "-3천만 원 이상의 연구시설･장비를 구입하려는 경우에만 제출",
               "mafra_smartfarm_multi_ministry_rnd_2021_gonggo.pdf"),
    Distractor("threshold", "o 연구개발기관은 부가가치세 포함 3천만원 이상 1억원 미만의 시설·장비 또는 3천만원 미만이라도 공동 활용이 "
               "가능한 시설·장비를 도입할 경우, 전문기관의 심의를 거쳐야 하고, 취득 후에는 30일 이내에 "
               "국가연구시설장비 공동활용서비스(zeus.go.kr)에 등록하고 등록증을 발급 받아야 함",
               "msit_ict_rnd_2026_1st_gonggo.hwp"),
    Distractor("threshold", "※ 최근 3년 이내(접수마감일 기준) 기술실시계약을 체결하여 징수한 기술료 총액이 2천만원 이상 또는 같은 "
               "기간 내에 2건 이상의 기술이전 실적이 있는 자", "msit_ict_rnd_2026_1st_gonggo.hwp"),
    # royalties (기술료) and what is paid back
    Distractor("royalty", "o 정부지원연구개발비 15억원의 ICT R&D 과제를 총 5년 동안 수행하는 중소기업에 대한 적용",
               "msit_ict_rnd_2026_1st_gonggo.hwp"),
    Distractor("clawback", "· 협약종료일이 포함된 연도의 다음 연도부터 최대 5년 동안 매 년, 전년도 매출액의 1% 이상을 성공환원금으로 반납(납부)",
               "kised_dodak_2025_gonggo.pdf"),
    Distractor("clawback", "* 단, 선정평가 결과에 따라 기본 지원사업비의 50% 미만으로 지급될 수 있음",
               "kised_dodak_2025_gonggo.pdf"),
    # examples
    Distractor("example", "< 사업비 구성 예시 (정부지원사업비 1.5억원인 경우) >", "kised_dodak_2025_gonggo.pdf"),
    Distractor("example", "< 사업비 구성 예시 (정부지원사업비 7,000만원인 경우) >",
               "mss_startup_univ_regional_2026_gonggo.pdf"),
    # the cash and in-kind parts of the applicant's share
    Distractor("cash_in_kind", "* 현금으로 부담하는 기관부담연구개발비는 연도별 연구개발기간이 종료되기 3개월 전까지 부담을 완료해야함",
               "pipc_privacy_rnd_2025_gonggo.hwp"),
    Distractor("cash_in_kind", "* 소재・부품・장비 과제를 수행하는 기업의 경우 기관부담연구개발비 중 현금을 현물로 대체할 수 있음",
               "msit_ict_rnd_2026_1st_gonggo.hwp"),
    # yearly amounts, carry-over, past years
    Distractor("yearly_amount", "② 연간(12개월 기준) 정부출연금 1억 원 미만 과제를 신청하는 경우",
               "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("yearly_amount", "○ 사업 종료 후 이월 승인받은 1차년도(’25년) 사업비의 경우 2차년도(’26년) 사업기간 종료 전까지 집행",
               "msit_lab_startup_univ_2025_gonggo.hwp"),
    # another program's call
    Distractor("other_program", "* (대중소상생형, 업종별특화) 참여기업 모집은 추후 별도 공고", "seed 002"),
    Distractor("other_program", "** 보조(사업화자금)에 1:1 매칭하여 ‘SAFE’ 방식(조건부지분인수계약) 투자 예정",
               "kised_dodak_2025_gonggo.pdf"),
    # bonus points
    Distractor("bonus_points", "*위 기준의 가점은 서로 중복 적용되지 않음(최대 2점)",
               "mafra_high_value_food_rnd_2018_gonggo.pdf"),
    Distractor("bonus_points", "- 발표평가 점수가 60점 미만인 경우 탈락으로 처리함", "mois_regional_disaster_rnd_2025_gonggo.hwp"),
    # VAT and payment in instalments
    Distractor("vat_payment", "⦁지원금은 사업 기간 내에 소요되는 사업비(부가가치세 제외)에 한해서만 인정하며, 총 2회로 분할 지급",
               "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"),
    Distractor("vat_payment", "※ 필요시 총 계약금의 70%까지 선금 지급 가능(노임지급 및 자재확보에 한해)",
               "ulju_youth_culture_project_2025_gonggo.pdf"),
    # periods counted from another event than the project's start
    Distractor("period_after_event", "○ 미수상작은 경진대회 결과 발표일로부터 6개월 이내에 모두 폐기함",
               "kspo_public_data_contest_2023_gonggo.pdf"),
    Distractor("period_after_event", "○ 신청기관·단체는 선정평가 결과를 통보받은 날부터 10일 이내에 1회에 한해 이의신청 가능",
               "mois_regional_disaster_rnd_2025_gonggo.hwp"),
    Distractor("period_after_event", "o 산업위기대응지역 소재 중소기업이 위기지역 지정기간 내 기술료 유예를 신청한 경우 2년 이내에서 연장",
               "msit_ict_rnd_2026_1st_gonggo.hwp"),
    Distractor("period_after_event", "* 접수마감 후 1달 이내 발표평가 실시 예정이며, 필요시 비대면 평가 진행",
               "motie_industry_talent_training_2026_gonggo.hwpx"),
    Distractor("period_after_event", "◦ 선정 통보일로부터 15영업일 이내 수행계획서 제출 및 사업에 착수", "seed 004"),
    # the schedule after selection
    Distractor("agreement_schedule", "○ 협약체결 및 연구 착수 : 2025. 4월", "mois_regional_disaster_rnd_2025_gonggo.hwp"),
    Distractor("agreement_schedule", "ㅇ 협약체결 및 연구 개시 : ’26. 3월", "knpa_policelab_rnd_2026_gonggo.hwp"),
    # evaluation dates and results
    Distractor("evaluation_schedule", "※ 선정평가는 2.23.(월) ~ 27.(금) 中 1일 예정임으로 사전에 발표자료 준비 필수",
               "knpa_policelab_rnd_2026_gonggo.hwp"),
    Distractor("evaluation_schedule", "❍ 결과발표: 2026. 10월 중 (수성구청 홈페이지 게시 및 수상자 개별통지)",
               "suseong_idea_contest_2026_gonggo.hwpx"),
    # briefing sessions
    Distractor("briefing", "□ 사업설명회 : ’26. 1. 16. (금), 온라인* 게시 예정",
               "motie_industry_talent_training_2026_gonggo.hwpx"),
    # the announcement's posting period
    Distractor("announcement_period", "□ 공고기간 :'18.2.22(목)~3.23.(금),30일간",
               "mafra_high_value_food_rnd_2018_gonggo.pdf"),
    # notes inside a documents list
    Distractor("document_note", "* 가점적용을 신청한 경우 필수 제출, 미제출 시 증빙서류를 제출했더라도 가점 미적용",
               "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("document_note", "* 접수마감일 기준 관할세무서에 신고된 전년도(’24년도) 재무제표(국세청 발급)를 근거로 판단",
               "pipc_privacy_rnd_2025_gonggo.hwp"),
    # notes between exclusion items
    Distractor("exclusion_note", "※ 접수규모가 선정규모의 2배 이하(26개 과제 접수)인 경우, 서면평가 제외 가능",
               "msit_lab_startup_univ_2025_gonggo.hwp"),
    Distractor("exclusion_note", "* 해당 주관기관에서 평가 및 사업비 관리, 창업프로그램 등 제공 (접수 마감 후 변경 불가)",
               "kised_dodak_2025_gonggo.pdf"),
]
KINDS = list(NEAR)

# the bullet opening a line: a glyph, a circled number, `1.` `1)` `가.` `가)`, a note mark
BULLET = regex.compile(r"""
    ^(?P<indent>[ ]*)
    (?P<mark>\*{1,3}|※|[□■◆◇○●◦ㅇ❍▪•∙·⦁\-–]|o(?=[ ])|[①-⑳]|\d{1,2}[.)](?!\d)|[가-하][.)])
    [ ]*(?=\S)
""", regex.VERBOSE)
NOTE_MARK = regex.compile(r"^(?:\*{1,3}|※)$")
HEADING_MARK = regex.compile(r"^[□■◆◇]$|^\d{1,2}\.$")
# a line of a table of contents (`3. 지원내용 ···· 5`, `지원내용 5`): not a section
TOC_TAIL = regex.compile(r"(?:[·.…\s]{3,}|\s)\d{1,3}\s*$")
# a heading or label with nothing after it (`□ 제출서류`, `○ (지원제외 대상)`, `3. 신청기간 및 방법`)
LABEL_ONLY = regex.compile(r"^[ ]*(?:\S{1,3}[ ]*)?[(（\[【<〈]?[ ]*[가-힣·ㆍ ]{2,20}?[ ]*[)）\]】>〉]?[ ]*[:：]?[ ]*$")
ARROW_LINE = regex.compile(r"^[\s→↓▼▽⇩⬇➜⇒>]+$")
MAX_ANCHORS = 3  # per facet and document: the first sections, not every mention


def _body(line: str) -> tuple[str, str]:
    """A distractor's own bullet (a note keeps `※`/`*`) and its words."""
    m = BULLET.match(line)
    if not m:
        return "", line.strip()
    return m["mark"], line[m.end():].strip()


def _placed(line: str, beside: str) -> str:
    """The distractor written as an item of the list it lands in: `beside`'s indent and
    bullet (a heading's children: `- `); a note keeps its own mark."""
    mark, body = _body(line)
    b = BULLET.match(beside)
    indent = b["indent"] if b else ""
    if NOTE_MARK.match(mark):
        return f"{indent}{mark} {body}"
    if b is None or HEADING_MARK.match(b["mark"]) or b["mark"] in "①②③④⑤⑥⑦⑧⑨⑩":
        return f"{indent}- {body}"
    return f"{indent}{b['mark']} {body}"


# headings of a facet beside the wordings `variants_wording.SEEN` rewrites, each seen in a real
# text: R&D calls head their money `연구개발비` or `공고규모`, a schedule `추진일정`
MORE_HEADINGS: dict[str, dict[str, str]] = {
    "funding": {"공고규모": "mafra_livestock_disease_rnd_2019", "공고 규모": "mafra_livestock_disease_rnd_2018",
                "연구개발비": "mafra_high_value_food_rnd_2017"},
    "windows": {"추진일정": "ulju_youth_culture_project_2025"},
}


def anchor_pattern(facet: str) -> regex.Pattern[str]:
    """A heading or item label of `facet` in any of its real wordings (`SEEN`, `MORE_HEADINGS`)."""
    words = sorted({*SEEN[facet], *MORE_HEADINGS.get(facet, {})}, key=len, reverse=True)
    alts = "|".join(regex.escape(w).replace(r"\ ", "[ ]?") for w in words)
    return regex.compile(
        rf"(?m)(?:^|(?<=\t))[ ]*(?:{_MARKER}[ ]*)?[(（\[【<]?[ ]*\K(?P<w>{alts}){_AFTER}")


def _anchor_lines(lines: list[str], facet: str) -> list[int]:
    """Indices of the lines heading (or labelling) `facet`'s sections: not table cells, not
    the table of contents."""
    pattern = anchor_pattern(facet)
    out = []
    for i, line in enumerate(lines):
        if "\t" in line or TOC_TAIL.search(line) or not pattern.search(line):
            continue
        if i > 0 and "\t" in lines[i - 1]:
            continue  # a cell of a table printed over lines (`…\t지원\n지원금액\n(백만원)\t…`)
        if not BULLET.match(line) or any(ARROW_LINE.match(x) for x in lines[i + 1:i + 3]):
            continue  # a bare cell of a flattened table (`(신청기간)`), a step of a flow chart
        out.append(i)
        if len(out) == MAX_ANCHORS:
            break
    return out


def _next_line(lines: list[str], i: int) -> int | None:
    return next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_note(line: str) -> bool:
    m = BULLET.match(line)
    return bool(m and NOTE_MARK.match(m["mark"]))


def _is_item(line: str) -> bool:
    m = BULLET.match(line)
    return bool(m and not HEADING_MARK.match(m["mark"]) and not NOTE_MARK.match(m["mark"]))


def insert_near(kind: str) -> Callable[[str], str]:
    """Every distractor of `kind` inserted right under each heading of the facets it sits
    near: after the heading line, or, when an item follows the heading, after that first
    item (between the list's items)."""
    bodies = [d.line for d in DISTRACTORS if d.kind == kind]

    def apply(text: str) -> str:
        lines = text.split("\n")
        before: dict[int, str] = {}  # line index → the item line the inserts imitate ("" none)
        for facet in NEAR[kind]:
            for i in _anchor_lines(lines, facet):
                if any(abs(i - k) <= 3 for k in before):
                    continue  # one insert per section
                nxt = _next_line(lines, i)
                if _is_item(lines[i]) and not LABEL_ONLY.match(lines[i]):
                    # an item holding its value (`◦ (신청기간) 2021년 1월 22일부터 차수별 …`, what
                    # follows may be its table): a sibling before it
                    before[i] = lines[i]
                    continue
                # a heading alone on its line: between its first item and the next one
                if LABEL_ONLY.match(lines[i]) and nxt is not None and _is_item(lines[nxt]):
                    after_next = _next_line(lines, nxt)
                    sibling = after_next is not None and _is_item(lines[after_next]) and (
                        _indent(lines[after_next]) <= _indent(lines[nxt]))
                    j = nxt if sibling else i
                else:
                    j = i  # a heading holding its value (`□ 사업기간 : …`): its first child
                while j + 1 < len(lines) and "\t" in lines[j + 1]:
                    j += 1  # a table under the heading: after its last row
                ahead = lines[j + 1:j + 4] if "\t" in lines[j] else [lines[_next_line(lines, j) or j]]
                if "\t" in lines[j] and j == i or any("\t" in x for x in ahead):
                    continue  # never inside a table (after a row, a cell printed over lines may go
                    # on below), nor between a line and the table it leads
                before[j + 1] = lines[j] if j == nxt and _is_item(lines[j]) else ""
        if not before:
            return text
        out: list[str] = []
        for i, line in enumerate(lines):
            if i in before:
                out += [_placed(b, before[i]) for b in bodies]
            out.append(line)
        if len(lines) in before:
            out += [_placed(b, before[len(lines)]) for b in bodies]
        return "\n".join(out)

    return apply


DISTRACTOR_VARIANTS: list[Variant] = [
    Variant(f"distractor_{kind}", f"{kind} lines under {', '.join(NEAR[kind])} headings", insert_near(kind))
    for kind in KINDS
]
BY_NAME = {v.name: v for v in DISTRACTOR_VARIANTS}


def _select(wanted: list[str]) -> list[Variant]:
    """Variants by name or by class (`--only cost_ratio`)."""
    return [v for v in DISTRACTOR_VARIANTS
            if not wanted or v.name in wanted or v.name.removeprefix("distractor_") in wanted]


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv, registry=__name__, title="Metamorphic variants: distractor lines",
               select=_select)


if __name__ == "__main__":
    sys.exit(main())
