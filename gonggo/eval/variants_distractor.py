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
Issue 13 added the numbers every announcement prints that are not the track's terms: usage
limits of the money, eligibility thresholds (매출액, 만 N세, 업력), obligations after the project
(`5년간 보유`, `유지‧보수 1년`), penalties and sanctions, performance targets, statistics and
forecasts, look backs (`박사학위 취득 후 7년 이내`), one stage's months, a document's validity, and
more evaluation dates and 가점 lines.
A `Variant` per distractor class inserts the class's lines under the headings of the facets
it sits near (`NEAR`: the funding heading, the duration line, the documents list, the
application window, the exclusion list), the line's own bullet replaced by the bullet of the
item it lands beside. Every fact the variant GAINS is a false positive of that class.

    python -m gonggo.eval.variants_distractor corpus/seeds DIR_OF_TEXTS [--only …]
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
    # issue 13: numbers every announcement prints that are not the track's terms
    "eligibility_threshold": ("funding", "duration"),
    "obligation": ("funding", "duration"),
    "penalty": ("funding", "duration"),
    "performance_target": ("funding", "duration"),
    "statistics": ("funding", "duration"),
    "look_back": ("funding", "duration"),
    "stage_period": ("duration",),
    "document_validity": ("duration",),
    # issue 13 (exclusions precision): lines printed as items inside an exclusion list
    "inside_exclusions_schedule": ("exclusions",),
    "inside_exclusions_points": ("exclusions",),
    "inside_exclusions_contact": ("exclusions",),
    # issue 13 (audit8, found on untuned pages): what the applicant should do, and the measures
    # that may be taken against no one named, printed among the items of an exclusion list
    "inside_exclusions_instruction": ("exclusions",),
    "inside_exclusions_consequence": ("exclusions",),
    # a contest's prize or a reward for a submission: what a winner gets, not a track's cap
    "prize": ("funding",),
    # one cost item's limits per level, listed after the item: the item's, not the track's cap
    "item_level_limits": ("funding",),
    # issue 13 (caps): a sum each award must budget for one cost item (`원가계산비용 : 과제 당 …`)
    "cost_item_sum": ("funding",),
    # issue 13 (windows): the day the results are posted, printed with its full date beside the
    # application period: no period applicants act in
    "result_announcement": ("windows",),
    # a period of one kind of track, one year or some process, printed beside the project's
    "partial_period": ("duration",),
    # issue 13 (shares, durations): a percentage of something other than a payer's part of the
    # project cost (one institution's or item's part, a ratio of staff, sales or indicators)
    "percent_not_share": ("funding",),
    # a count of months or years that is no project period (a condition, a duty, a deferral)
    "period_not_project": ("duration",),
    # issue 13 (prec9, untuned dangjin_gift_voucher_merchants lists `구비서류: 환전청구서, 신분증`
    # under `상품권 환전 안내`): documents of a procedure after the application (settling the money,
    # reporting), printed beside the application's list: no document of the application
    "later_procedure_documents": ("documents",),
    # a deadline in a note under the period whose clause is the organiser's notice or a later
    # stage's material (`※ 5. 9.(금)까지 … 통보 예정이며, 해당자는 5. 16.(금)까지 PT 발표자료를 제출해야함`):
    # no application window (3 of them once an untuned label `모집기간 : 연 2회 모집, …` led the notes)
    "deadline_of_other_event": ("windows",),
    # issue 13 (prec10, durations): the months a sum is spent over (`1억원/9개월`), a deadline with what
    # follows when it is missed (`2개월 내에 … 되지 않을 경우 … 탈락`), a law's definition (`2년을
    # 말한다`), a later stage after the stage before it (`1단계(1.5년)+2단계(2년)`)
    "sum_per_period": ("duration",),
    "deadline_if_missed": ("duration",),
    "legal_definition": ("duration",),
    "stage_after_stage": ("duration",),
    # issue 13 (prec10, windows): dates that bound a founding, a birth or a look back (`신청가능 업력
    # : 2019.03.04. ~ 2026.03.03.`, `1985. 1. 1. ~ 2007. 12. 31. 출생자`), and the project's own
    # period printed as dates (`연구기간(예시):(1차년)’18.10.15.∼’19.7.14.`): no time to apply
    "eligibility_dates": ("windows",),
    "project_dates": ("windows",),
    # issue 13 (prec10): one kind of applicant's or one cost item's term (`일반기업은 3년으로 동일`,
    # `서비스 이용료(최대 3년, 소기업은 최대 5년)를 사업비에 포함`): no track's period
    "kind_or_item_term": ("duration",),
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
    # issue 13 — usage limits of the money: what a cost item may take, not what the payer pays
    Distractor("cost_ratio", "□ 동 사업은 인력양성 목적의 사업으로 국가연구개발혁신사업 연구개발비 사용 기준 제37조제3항제3호에 "
               "따라 간접비는 직접비의 5% 이내로 산정", "motie_industry_talent_hrd_council_2025_gonggo.hwpx"),
    Distractor("cost_ratio", "ㅇ 참여연구자는 인건비계상율 10% 이상을 계상해야 하며, 수행기관별 간접비 편성은 직접비(현물 제외)의 "
               "10% 이하로 계상해야 함", "motie_industry_talent_training_2026_gonggo.hwpx"),
    # eligibility thresholds: a size, an age, a record the applicant must have
    Distractor("eligibility_threshold", "○ 매출액 100억원 미만 (2025년 기준)",
               "daegutp_startup_scaleup_rnd_2026_gonggo.pdf"),
    Distractor("eligibility_threshold", "◦ 주관연구개발기관이 연 매출액 10억 원 이하의 중소기업인 경우, 관련 분야 외부전문가를 "
               "활용한 초기･중간 단계 추진상황 점검", "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("eligibility_threshold", "▶ 푸드테크 상용화 아이디어를 보유한 기업으로 공고 마감일 기준 최근 3년 내 누적 2억원 이상 "
               "민간 투자 유치(또는 투자협약 체결) 이력이 있는 경우", "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("eligibility_threshold", "중소･중견기업이 청년의무채용분 외에 추가로 청년(만 18세 이상 34세 이하) 참여연구원을 신규 "
               "채용(공고일 기준 6개월 이전 고용 포함)할 경우, 해당 인건비 액수만큼 기관 부담 연구개발비 중 현금비중을 "
               "축소하고 현물로 대체 가능", "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("eligibility_threshold", "⦁공고일 이전까지 폐업 이력을 보유한 청년 예비재창업자또는 7년 이내 재창업한 청년 창업기업",
               "mss_startup_univ_regional_2026_gonggo.pdf"),
    # obligations after the project: keep, report, stay for N years
    Distractor("obligation", "- 정부지원으로 구축된 스마트공장 시스템은 5년간 보유해야 하며, 해외이전 및 타 기업에 판매하는 것은 불가함",
               "seed 000"),
    Distractor("obligation", "- 동 사업을 통해 구축한 솔루션의 로그기록을 스마트공장 사업관리 시스템에 연동하여 구축완료 후 3년간 "
               "제출 필요", "seed 001"),
    Distractor("obligation", "* 협약 후 3개월 이내 본점 이전 및 사업종료 후 2년 동안 지역 내 본점(본사) 유지조건",
               "daegutp_startup_scaleup_rnd_2026_gonggo.pdf"),
    Distractor("obligation", "◦ 선정자는 협약종료일로부터 5년간 이력 관리 등에 필요한 제반 요청사항에 성실히 응하여야 함",
               "mss_startup_univ_regional_2026_gonggo.pdf"),
    Distractor("obligation", "◦ 선정자는 대표자 사망,법인전환 등 정당한 사유를 제외하고 협약 종료일로부터 1년 이상 창업기업을 "
               "유지*하여야 함", "mss_startup_univ_regional_2026_gonggo.pdf"),
    Distractor("obligation", "- (요건 미충족 시) 2년간 고용을 유지하지 못하는 경우 기술료 납부상한액으로부터 감면 미적용",
               "pipc_privacy_rnd_2025_gonggo.hwp"),
    Distractor("obligation", "○ 구체적인 데모온실 구축·운영(연구종료 후 3년까지) 방안(구축비, 운영비 등 포함) 및 활용방안(비지니스, "
               "교육 등을 목적으로 관련분야 BTB, BTC 오픈방안 등) 제시 권장",
               "mafra_smartfarm_multi_ministry_rnd_2025_gonggo.hwpx"),
    # penalties and what is taken back
    Distractor("penalty", "② 동 사업비의 부정수급을 행할 경우 부정 사용금액을 포함하여 반환금액의 최대 5배 수준의 제재부가금이 "
               "부과될 수 있습니다.", "mss_startup_univ_regional_2026_gonggo.pdf"),
    Distractor("penalty", "○ 최종 결과평가 결과 ‘불성실수행과제’ 판정 시 사업비 전액 환수",
               "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"),
    # performance targets: what the project must reach, within N years of its end
    Distractor("performance_target", "○ (연구종료 후 5년 이내 달성) 매출액 20억원 이상, 기술료 10백만원 이상",
               "mafra_high_value_food_rnd_2026_gonggo.hwpx"),
    Distractor("performance_target", "○ (연구종료 후 5년 이내 달성 필수) 매출액 300억원 이상, 기술료 200백만원 이상, "
               "특허등록(SMART 등급 BB이상) 10건 이상", "mafra_high_value_food_rnd_2026_gonggo.hwpx"),
    Distractor("performance_target", "○ 참여기업의 사업화를 통한 과제 종료 후 3년내 매출 50억 원 이상 달성(누적)",
               "mafra_high_value_food_rnd_2018_gonggo.pdf"),
    Distractor("obligation", "- 사업 종료 후 무상 유지‧보수 1년 필수(2027년 12월까지)",
               "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"),
    Distractor("penalty", "-정당한 사유 없이 창업 유지 의무 미이행시,중소벤처기업부·창업 진흥원 창업지원사업 1년 참여제한 등 "
               "제재 조치 부여 가능", "mss_startup_univ_regional_2026_gonggo.pdf"),
    # a time counted back from the call or since an act (a degree, an appointment, a start-up)
    Distractor("look_back", "▪(학력) 국내대학 박사학위 취득자 중 박사학위 취득 후 7년 이내 또는 만 39세 이하 비전임 및 비정규직 연구원",
               "msit_global_training_master_2025_gonggo.hwpx"),
    Distractor("look_back", "▪(학력) 국내 석박사 재학생 또는 국내외 석박사 대학원 7년 이내 졸업생(만 34세 이하, 박사후연구생 포함)",
               "msit_global_training_master_2025_gonggo.hwpx"),
    Distractor("look_back", "* (신진연구자) 「학술진흥법」 제2조제5호에 따른 연구자로, ① 최초 조교수 이상의 직위로 임용된 지 5년 "
               "이내인 국내대학 소속교원 또는 ② 박사학위 취득 후 10년 이내인 연구자(①, ② 중 하나)",
               "msit_ict_rnd_2026_1st_gonggo.hwp"),
    # one stage's months, printed beside the project's
    Distractor("stage_period", "- 사전검증연구(3개월) 단계에서는 국제협력 추진을 위한 연구 방향 설정, 문제 해결 접근 방식의 타당성 "
               "검토 등을 목적으로 하며, 본 과제 기간 동안에는 국외기관 참여를 필수로 요구하지 않음",
               "knpa_policelab_rnd_2026_gonggo.hwp"),
    Distractor("stage_period", "※ 1단계(1년 9개월) 종료 후 단계평가를 통해 결과가 미흡한 경우 과제 중단, 연구비 감액 가능",
               "msit_deep_science_startup_2025_gonggo.hwpx"),
    # how long a submitted document stays valid
    Distractor("document_validity", "※ 견적서 필수 첨부(6개월 이내). 견적서는 장비를 구성하는 세부 구성품명과 구성품별 금액을 "
               "구분하여 제시요망.", "mafra_smartfarm_multi_ministry_rnd_2025_gonggo.hwpx"),
    Distractor("document_validity", "※ 사업자등록증명원, 법인 등기부등본은 발급일 기준 3개월 이내 분, 국세·지방세 완납증명서는 발급일 "
               "기준 1개월 이내 분만 유효", "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"),
    # statistics and background figures
    Distractor("statistics", "ㅇ 보이스피싱 범죄는 최근 5년간 15만 건 이상 발생하고, 누적 피해액이 약 3조 원에 이르는 등 지속적으로 "
               "증가하고 있으며, 고령층·취약계층을 중심으로 사회적 피해가 확산되며, 통신·금융 시스템 전반에 대한 국민 "
               "신뢰도 저하로 이어지고 있음", "knpa_policelab_rnd_2026_gonggo.hwp"),
    Distractor("statistics", "ㅇ 충남 내 축사 전면 보급 시, 연간 화재 발생 20% 감소로 향후 5년간 약 52억 원의 직접 재산피해 감소 기대 "
               "및 충남 지역 재난안전산업 경쟁력 강화", "mois_regional_disaster_rnd_2026_gonggo.hwp"),
    Distractor("statistics", "ㅇ (점검 주기의 비효율성) 5년 주기 점검은 상하수도관 노후화 및 급격한 지반 변화 대응에 비효율적",
               "mois_regional_disaster_rnd_2026_gonggo.hwp"),
    # evaluation points and bonus points
    Distractor("bonus_points", "○ 분석사례 부문의 경우, 정합성을 확인할 수 있는 프로그래밍 언어(R, Python 등) 소스코드 첨부 시, "
               "가산점(최대 5점) 부여", "kspo_public_data_contest_2023_gonggo.pdf"),
    Distractor("bonus_points", "◦ 가점은 최대 5점까지 인정하고, 공고 양식 중 ‘가점 적용 신청서(별첨 6)’를 제출한 과제만 적용 "
               "(미제출 시 무조건 미적용)", "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("bonus_points", "- 국가연구개발혁신법 시행령 제12조 제5항에 따른 사실이 확인된 경우 각 항목당 5점 감점 부여(2개 이상의 "
               "경우 최대 10점, 접수마감일 기준)", "mafra_smartfarm_multi_ministry_rnd_2025_gonggo.hwpx"),
    Distractor("bonus_points", "□ 가점 내용 : 항목 당 3점, 최대 5점까지 인정", "seed 002"),
    # dates of events that are not the application window
    Distractor("evaluation_schedule", "○ (2차) 대면평가(발표평가) : 2026. 2 ~ 3월 예정", "pipc_privacy_rnd_2026_gonggo.hwp"),
    Distractor("evaluation_schedule", "ㅇ 선정평가 및 선정결과 공고 : ’26. 2월 말", "knpa_policelab_rnd_2026_gonggo.hwp"),
    Distractor("evaluation_schedule", "○ 결과발표 : 12.1.(금)/ 국민체육진흥공단 홈페이지 데이터 경진대회 메뉴",
               "kspo_public_data_contest_2023_gonggo.pdf"),
    # issue 13 (exclusions precision): an item of an exclusion list that is a schedule line, a
    # points rule or a contact line excludes no one
    Distractor("inside_exclusions_schedule", "○ 접수기간 : 10.28(토) ∼ 11.26(일) 23:59:59",
               "kspo_public_data_contest_2023_gonggo.pdf"),
    Distractor("inside_exclusions_schedule", "○ 선정평가 : 2025. 3월", "mois_regional_disaster_rnd_2025_gonggo.hwp"),
    Distractor("inside_exclusions_schedule", "□ 접수기간 :'18.9.19.(수)~10.8.(월),18:00까지",
               "mafra_livestock_disease_rnd_2018_gonggo.pdf"),
    Distractor("inside_exclusions_points", "◦ 국가식품클러스터 입주기업(입주 후 3년 이내)이 주관연구기관으로 신청한 경우 평가결과에 "
               "가점(1점)부여(증빙서류 제출 시)", "mafra_high_value_food_rnd_2017_gonggo.pdf"),
    Distractor("inside_exclusions_points", "-국가연구개발혁신법 시행령 제12조 제5항에 따른 사실이 확인된경우 5점 감점(접수마감일 기준)",
               "mafra_smartfarm_multi_ministry_rnd_2021_gonggo.pdf"),
    Distractor("inside_exclusions_points", "※ 국가식품클러스터 가점(1점)과 상생협력 MOU가점(1점)은 중복 가점되지 않음",
               "mafra_high_value_food_rnd_2017_gonggo.pdf"),
    Distractor("inside_exclusions_contact", "ㅇ 산업통상자원부 산업일자리혁신과 전찬우 사무관(☏044-203-4228, ⌧jeon59@korea.kr)",
               "motie_industry_talent_hrd_council_2025_gonggo.hwpx"),
    Distractor("inside_exclusions_contact", "- (신청서 관련) 한국산업기술기획평가원 재난안전사업실(☎ 053-718-8631)",
               "mois_regional_disaster_rnd_2025_gonggo.hwp"),
    Distractor("inside_exclusions_contact", "○ E-MAIL : bdcenter@kspo.or.kr", "kspo_public_data_contest_2023_gonggo.pdf"),
    # issue 13 — prizes and rewards: what a winner or a submitter gets, not a track's cap
    Distractor("prize", "○ 참가상(상금 40만원) : 수상팀 및 중복 참여팀을 제외한 모든 참가팀에 추첨을 통해 총 8팀에게 각 "
               "5만원 상당의 부상 제공 예정", "kspo_public_data_contest_2023_gonggo.pdf"),
    Distractor("prize", "❍ 불채택 우수제안 제출보상: 온누리 상품권 3만원", "suseong_idea_contest_2026_gonggo.hwpx"),
    # one cost item's limits per level, printed after the item's share
    Distractor("item_level_limits", "이내(기초 최대 1.4천만원, 고도화1 최대 4천만원, 고도화2 최대 8천만원 한도)에서", "seed 002"),
    # issue 13 (caps): the sum one cost item must be budgeted at, per award: not the award's cap
    Distractor("cost_item_sum", "- ① 원가계산비용 : 과제 당 1,500,000원 필수 편성", "seed 001"),
    Distractor("cost_item_sum", "- ③ 기술임치비 : 스마트공장 구축 결과물의 기술임치비(45만원) 필수 편성", "seed 001"),
    # issue 13 — a period of one kind of track, of the current year, of a process
    Distractor("partial_period", "* 융합형은 최대 2년 지원 가능", "msit_lab_startup_univ_2025_gonggo.hwp"),
    Distractor("partial_period", "ㅇ 당해연도 지원기간 : 2025. 06. 01. ~ 2026. 05. 31. (12개월)",
               "motie_industry_talent_hrd_council_2025_gonggo.hwpx"),
    # issue 13 (windows) — the results' day, a full date (suwon's gold has no window on it)
    Distractor("result_announcement", "□ 결과공고: 2026. 3. 18.(수) 예정",
               "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"),
    Distractor("result_announcement", "○ 결과발표 : 12.1.(금)/ 국민체육진흥공단 홈페이지 데이터 경진대회 메뉴",
               "kspo_public_data_contest_2023_gonggo.pdf"),
    Distractor("partial_period", "* 냉동 및 해동은 밥(또는 김밥) 제조후 –18℃에서 3개월 저장후 microwave(700W)에서 2분 처리를 기준",
               "mafra_high_value_food_rnd_2026_gonggo.hwpx"),
    # issue 13 — percentages that are no payer's share: one institution's part of the money, one
    # cost item's, a ratio of staff, of sales growth, of indicators, of a sector
    Distractor("percent_not_share", "ㅇ 주관연구개발기관이 협회·단체 또는 연구소인 경우, 주관연구개발기관에는 총 "
               "정부지원연구개발비의 10% 이하 편성", "motie_industry_talent_training_2026_gonggo.hwpx"),
    Distractor("percent_not_share", "*위탁연구개발기관의 경우 주관연구개발기관 연구비 직접비(위탁연구개발비 제외)의 "
               "40%이내에 서 기관수는 제한없이 구성 가능", "mafra_smartfarm_multi_ministry_rnd_2021_gonggo.pdf"),
    Distractor("percent_not_share", "· 사례비, 프로젝트 행사 재료·진행비, 제작비, 홍보비, 장비·공간 임차비, 자문비, 여비(사전 "
               "협의 후 집행 가능), 식비 및 다과비(1일 1인당 다과 5,000원 이하, 식사비 8,000원 이하)등을 포함하여 "
               "전체 예산의 5% 이내 편성 가능", "ulju_youth_culture_project_2025_gonggo.pdf"),
    Distractor("percent_not_share", "* 주관기관 사업비는 지원금의 50% 이상 필수 산정", "daegutp_startup_scaleup_rnd_2026_gonggo.pdf"),
    Distractor("percent_not_share", "* 산업계(공동연구개발기관)의 연구비를 해당 과제 종료연도 총 연구개발비의 40% 이상으로 "
               "증액하여 편성", "msit_ict_rnd_2026_1st_gonggo.hwp"),
    Distractor("percent_not_share", "o 주관연구개발기관에 소속된 참여연구자 중 여성연구자(신규채용예정인력 제외)가 10% 이상인 "
               "경우(1점)", "msit_ict_rnd_2026_1st_gonggo.hwp"),
    Distractor("percent_not_share", "④ 농림축산식품부 R&D 지원사업의 수혜이력을 보유한 기업 중 최근 3년 간 연평균 "
               "매출증가율이 15% 이상인 기업*", "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("percent_not_share", "-산업체 참여 확대를 위해 연구팀 중 1개 기관 이상은 해당기관 연구개발비의 5% 이상을 "
               "바우처 방식으로 외부기관에 집행 가능", "mafra_livestock_disease_rnd_2019_gonggo.pdf"),
    Distractor("percent_not_share", "ㅇ 산업체는 매출액 또는 근로자 수 기준 해당 산업의 50% 이상*, 공급기관(대학 등)은 20% "
               "이상, 산업부 소관과 담당관 참여 의무", "motie_industry_talent_hrd_council_2025_gonggo.hwpx"),
    # issue 13 — counts of months or years that are no project period
    Distractor("period_not_project", "*연구기간이 1년 9개월인 경우 중간보고서만 제출하고 단계평가 미실시 후 최종평가만 실시",
               "mafra_smartfarm_multi_ministry_rnd_2021_gonggo.pdf"),
    Distractor("period_not_project", "- 주관‧공동 연구기관인 대학‧연구소 등에서 연구 수행 기간 중 또는 종료 후 1년 이내 창업하는 "
               "경우, 연구계획서 내에(‘5. 연구개발성과의 사업화 전략 및 계획‘ 파트) 창업 계획을 제출하는 경우에는 인정함",
               "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("period_not_project", "* 공고일 기준 6개월(2025.7.27.이후) 전부터 과제수행 기간 내 채용한 연구원",
               "daegutp_startup_scaleup_rnd_2026_gonggo.pdf"),
    Distractor("period_not_project", "○ (평가목적 및 방향) 사업 추진성과 및 향후 추진계획을 평가하여 1년간 추가지원 여부(대학) "
               "결정 및 사업비 차등 지원", "msit_lab_startup_univ_2025_gonggo.hwp"),
    Distractor("period_not_project", "- (감면방법) 해당 인력 채용시점부터 납부기술료는 2년간 납부 유예조치, 유예기간 종료 후 "
               "고용유지 여부 및 타 정부사업에서의 인건비 지원 여부 등을 심사하여 기술료 납부상한액으로부터 감면 규모 최종 "
               "확정 후 통보", "pipc_privacy_rnd_2026_gonggo.hwp"),
    Distractor("period_not_project", "※ 현금 부담 납부기간은 연도별 연구개발기간이 종료되기 3개월 전까지 완료 필요",
               "knpa_policelab_rnd_2026_gonggo.hwp"),
    # issue 13 (audit8): the classes an untuned page printed in its exclusion list (`신청자는 반드시 본
    # 공모전 모집 요강을 충분히 숙지하고 지원`, `선정 취소, … 환수 등의 조치를 받을 수 있음`), as dev texts print them
    Distractor("inside_exclusions_instruction", "○ 지원 신청자격,대상,사업내용,필수사항 등을 반드시 숙지하고 신청하여야 함",
               "ulju_youth_culture_project_2025_gonggo.pdf"),
    Distractor("inside_exclusions_consequence", "◦ 동 사업의 수시‧최종 점검 결과에 따라 창업기업 사업지원 중단 또는 동 사업의 "
               "정부지원사업비 환수 조치가 취해질 수 있음", "kised_dodak_2025_gonggo.pdf"),
    Distractor("later_procedure_documents", "○ 정산 서류 제출 시, 각 사업비 사용 내용에 맞는 관련 증빙 서류 제출 필수",
               "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"),
    Distractor("later_procedure_documents", "○ 사업비 정산은 본 사업비에 포함되지 않는 별도의 기업 운영비로 회계법인을 통해 정산하며, "
               "회계법인은 수원도시재단에서 지정하여 공지(최종 정산보고서와 함께 회계법인 검토확인서 제출)",
               "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"),
    Distractor("later_procedure_documents", "※ 통합Ezbaro를 적용한 과제의 연구개발비 정산 서류는 통합Ezbaro 시스템에 등록하여 "
               "제출 하여야 하며, 필요시 일부 제출 서류를 간소화(생략) 할 수 있음", "pipc_privacy_rnd_2025_gonggo.hwp"),
    Distractor("deadline_of_other_event", "※ 5. 9.(금)까지 신청 자격 적합자에 한해 통보 예정이며, 해당자는 5. 16.(금)까지 "
               "PT 발표자료를 제출해야함", "ulju_youth_culture_project_2025_gonggo.pdf"),
    Distractor("deadline_of_other_event", "※ 6. 5.(목)까지 모든 선정단체는 단체 증빙 서류를 제출하여야 함",
               "ulju_youth_culture_project_2025_gonggo.pdf"),
    # issue 13 (prec10): each gained a duration or a window when probed under the period or the
    # application heading before its class was fixed (vocab/funding.py, extractors/windows.py)
    # (the line's first clause: the rest, `(2∼3단계)5억원/년 내외`, prints a cap of its source)
    Distractor("sum_per_period", "※ 과제당 지원규모 : (1단계)1억원/9개월", "msit_deep_science_startup_2025_gonggo.hwp"),
    Distractor("deadline_if_missed", "▸(기타유의사항) 선정 후 연구팀이 연수기관과 실험·실습 확정시 지원하는 조건부 선발 형태(선발 "
               "되더라도 2개월 내에 연수기관과 협의가 되지 않을 경우 추후 탈락 처리)",
               "msit_global_training_master_2025_gonggo.hwpx"),
    Distractor("legal_definition", "가. 사업을 폐업한 날부터 3년(부도 또는 파산으로 폐업한 경우에는 2년을 말한다) 이상 지난 후에 "
               "기존 사업과 같은종류의 사업을 개시하는 경우", "mss_startup_univ_regional_2026_gonggo.pdf"),
    # (the line's period clause: `/ 총 사업비 2,800백만원 내외` after it is a cap of its source)
    Distractor("stage_after_stage", "ㅇ (현장적용R&D*) 2026. 7. ~ 2029. 12.(1단계(1.5년)+2단계(2년), 총 3.5년)",
               "knpa_policelab_rnd_2026_gonggo.hwp"),
    Distractor("partial_period", "※ 단, 혁신창업실험실별 지원기간은 ’25년도 사업기간(’25.4~’25.12)에 한하며(융합형의 경우 필요 시 "
               "최대 2년 지원 가능) 지원 시 창업 필수", "msit_lab_startup_univ_2025_gonggo.hwp"),
    Distractor("eligibility_dates", "▶ 신청가능 업력 : 2019.03.04. ~ 2026.03.03.", "mss_startup_univ_regional_2026_gonggo.pdf"),
    Distractor("eligibility_dates", "※ 18세~39세의 청년(1985. 1. 1. ~ 2007. 12. 31. 출생자), 4인 이상으로 구성된 단체",
               "ulju_youth_culture_project_2025_gonggo.pdf"),
    Distractor("eligibility_dates", "- (투자연계 단계) 푸드테크 상용화 아이디어를 보유한 기업으로 공고 마감일 기준 최근 3년 "
               "이내(’22.2.7.~’25.2.6) 누적 2억원 이상 민간 투자 유치*(또는 투자협약 체결) 이력이 있는 경우",
               "mafra_high_value_food_rnd_2025_gonggo.hwpx"),
    Distractor("eligibility_dates", "☞ 「중소기업창업 지원법」제2조제2의2호의 국외 창업에 해당할 경우, 중소기업 창업지원법 시행령 "
               "제 3조의 2에 따른 해외 법인설립일이(2018.2.20.~2022.2.19.)에 해당하여야 하며",
               "kised_dodak_2025_gonggo.pdf"),
    Distractor("project_dates", "*연구기간(예시):(1차년)’18.10.15.∼’19.7.14.,(2차년)’19.7.15.∼’20.7.14.",
               "mafra_livestock_disease_rnd_2018_gonggo.pdf"),
    Distractor("kind_or_item_term", "* 일반기업은 3년으로 동일", "seed 002"),
    Distractor("kind_or_item_term", "- 클라우드 기반 스마트공장 구축·활용 기업은 서비스 이용료(최대 3년, 소기업은 최대 5년)를 사업비에 "
               "포함 가능(제조현장데이터 연동 필수)", "seed 002"),
    Distractor("announcement_period", "□ 공고기간 2026. 1. 27.(화) ~ 2. 27.(금) [32일간]",
               "daegutp_startup_scaleup_rnd_2026_gonggo.pdf"),
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
