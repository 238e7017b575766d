"""Distractor variants (`gonggo/eval/variants_distractor.py`): a real line that looks like a
fact but is none, inserted next to the section of the fact it imitates, adds no fact."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import regex

from gonggo.eval.score import similarity
from gonggo.eval.variants import compare_facts
from gonggo.eval.variants_distractor import BY_NAME, DISTRACTORS, KINDS, NEAR, insert_near
from gonggo.pipeline import parse
from gonggo.vocab.money import find_amounts
from tests.variants_support import parsed_facts as _facts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"


@cache
def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))



def _gold(source: str) -> dict:
    if source.startswith("seed "):
        return json.loads(next((ROOT / "corpus" / "gold").glob(source.split()[1] + "_*.json")).read_text())
    return json.loads((ROOT / "corpus" / "field" / "gold" / f"{source}.json").read_text())


PERCENT = regex.compile(r"(\d+(?:\.\d+)?)\s?%")
MONTHS = regex.compile(r"(?:(\d+)\s?년\s?)?(\d+)\s?개월|(\d+)\s?년(?!도)")


def test_every_class_has_distractors_and_a_place() -> None:
    assert set(KINDS) == {d.kind for d in DISTRACTORS} == set(NEAR)
    assert all(d.source for d in DISTRACTORS)


@pytest.mark.parametrize("d", DISTRACTORS, ids=lambda d: f"{d.kind}:{d.line[:12]}")
def test_a_distractor_states_no_fact_of_its_source(d) -> None:  # type: ignore[no-untyped-def]
    """The line's amounts, shares and periods are no cap, share or duration of the document
    it was copied from (gold); a seed's line is printed in the seed."""
    if d.source.startswith("seed "):
        flat = regex.sub(r"\s+", " ", _seed(d.source.split()[1]).read_text(encoding="utf-8"))
        assert regex.sub(r"\s+", " ", d.line) in flat
    gold = _gold(d.source)
    caps, shares, months = set(), set(), set()
    for p in gold.get("programs") or []:
        for t in p.get("tracks") or []:
            months |= {t.get("duration_months"), t.get("extension_months")} - {None}
            for f in t.get("funding") or []:
                caps |= {f.get("cap_krw")} - {None}
                shares |= {float(f["share_pct"])} if f.get("share_pct") is not None else set()
    clauses = [c["text"] for p in gold.get("programs") or [] for c in p.get("exclusions") or []]
    clauses += [c["name"] for p in gold.get("programs") or [] for c in p.get("documents") or []]
    assert max((similarity(d.line, c) for c in clauses), default=0.0) < 0.5, "a clause of its source"
    said_months = {int(m[1] or 0) * 12 + int(m[2]) if m[2] else int(m[3]) * 12 for m in MONTHS.finditer(d.line)}
    assert not {a.krw for a in find_amounts(d.line)} & caps
    assert not {float(m[1]) for m in PERCENT.finditer(d.line)} & shares
    assert not said_months & months


def test_an_insert_lands_beside_the_items_of_a_section() -> None:
    text = "□ 지원제외 대상\n- 휴·폐업중인 기업\n- 국세 체납 기업\n□ 신청기간 : 2025. 3. 4. ~ 3. 20.\n구분\t내용\n"
    got = insert_near("exclusion_note")(text).split("\n")
    # between the first and the second item, the note keeping its own mark
    assert got[1] == "- 휴·폐업중인 기업"
    assert got[2].startswith("※ 접수규모가")
    assert got[-4] == "- 국세 체납 기업" or "- 국세 체납 기업" in got
    # never inside a table, nor between a line and the table it leads
    assert BY_NAME["distractor_briefing"].apply("□ 신청기간\n구분\t기간\n1차\t3. 4.\n") == (
        "□ 신청기간\n구분\t기간\n1차\t3. 4.\n- 사업설명회 : ’26. 1. 16. (금), 온라인* 게시 예정\n")


PREAMBLE = ("중소벤처기업부 공고 제2025-101호\n2025년 창업성장 지원사업 공고\n"
            "□ 지원내용 : 과제당 최대 1억원 (총사업비의 70% 이하)\n"
            "□ 사업기간 : 협약일 ~ 2025. 12. 31.\n{line}\n"
            "□ 신청기간 : 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지\n")


@pytest.mark.parametrize("line", [
    "- 미수상작은 경진대회 결과 발표일로부터 6개월 이내에 모두 폐기함",  # kspo_public_data_contest_2023
    "- 연간(12개월 기준) 정부출연금 1억 원 미만 과제를 신청하는 경우",  # mafra_high_value_food_rnd_2025
    # issue 13: real lines of dev / sample / seed texts whose count is no period of the project
    "- 정부지원으로 구축된 스마트공장 시스템은 5년간 보유해야 하며, 해외이전 및 타 기업에 판매하는 것은 불가함",  # seed 000
    "○ 1년간 유지보수 및 철거·복구 계획 포함",  # suwon_carbon_neutral_livinglab_2026
    "- 사업 종료 후 무상 유지‧보수 1년 필수(2027년 12월까지)",  # suwon_carbon_neutral_livinglab_2026
    ("- 직접실시로 수익이 처음 발생한 날이 속하는 해의 다음 해부터 5년이 되는 날 또는 연구개발과제가 종료된 날부터 "
    "7년이 되는 날 중 먼저 도래하는 날까지 매년 수익이 발생한 해마다 납부해야 함"),  # mafra_smartfarm_multi_ministry_rnd_2025
    "○ 멜론은 박과에 속하는 1년생 원예작물로서 다양한 품종으로 개량되어 전 세계 국가에서 재배 중임",  # ibid.
    "다) 참여연도(지원 연도): 연구개발과제에 1개월이라도 참여 시 해당연도에 “○” 표시합니다.",  # ibid.
    ("나. 본인은 ◌◌◌◌◌이 본인의 개인정보를 동의서가 작성된 때로부터 수집ㆍ이용 목적이 종료되는 때(참여제한의 "
    "경우는 5년)까지 보유하는 데 동의합니다."),  # ibid.
    "※ 견적서 필수 첨부(6개월 이내). 견적서는 장비를 구성하는 세부 구성품명과 구성품별 금액을 구분하여 제시요망.",  # ibid.
    ("※ 사업자등록증명원, 법인 등기부등본은 발급일 기준 3개월 이내 분, 국세·지방세 완납증명서는 발급일 기준 1개월 "
    "이내 분만 유효"),  # suwon_carbon_neutral_livinglab_2026
    "ㅇ 본 공고를 통해 제출하는 연구개발계획은 사전검증연구(’25. 3. ~ ’25. 5.(3개월), 5천만원)에 대한 내용이며,",  # knpa
    ("- 사전검증연구(3개월) 단계에서는 국제협력 추진을 위한 연구 방향 설정, 문제 해결 접근 방식의 타당성 검토 등을 "
    "목적으로 하며, 본 과제 기간 동안에는 국외기관 참여를 필수로 요구하지 않음"),  # knpa_policelab_rnd_2026
    "7. 접수마감일 기준 창업한지 1년 이내의 기업(단, 벤처기업 확인서가 있는 경우 제외 가능)",  # ibid.
    "이때, 개업연월일로부터 접수마감일까지 3년 미만인 기업의 경우는 적용하지 아니함",  # ibid.
    "※ 예: 주관연구책임자의 참여율 허위 작성, 2년 연속 부채비율 500% 초과 등",  # ibid.
    ("ㅇ (연구성과) 과제 종료된 해의 다음 해부터 5년 동안은 과제 종료 후 발생한 논문, 특허, 기술이전 등의 성과 "
    "정보를 국가연구개발사업 통합정보시스템에 등록 하여야 함"),  # ibid.
    "▪(학력) 국내대학 박사학위 취득자 중 박사학위 취득 후 7년 이내 또는 만 39세 이하 비전임 및 비정규직 연구원",
    "▪(학력) 국내 석박사 재학생 또는 국내외 석박사 대학원 7년 이내 졸업생(만 34세 이하, 박사후연구생 포함)",
    "▪(학력) 전문학사(4년제 4학기 수료) 이상(만 34세 이하, 박사후연구생 포함)",  # msit_global_training_master_2025
    "ㅇ (점검 주기의 비효율성) 5년 주기 점검은 상하수도관 노후화 및 급격한 지반 변화 대응에 비효율적",
    ("ㅇ 충남 내 축사 전면 보급 시, 연간 화재 발생 20% 감소로 향후 5년간 약 52억 원의 직접 재산피해 감소 기대 및 충남 "
    "지역 재난안전산업 경쟁력 강화"),  # mois_regional_disaster_rnd_2026 (and the line above)
    ("-정당한 사유 없이 창업 유지 의무 미이행시,중소벤처기업부·창업 진흥원 창업지원사업 1년 참여제한 등 제재 조치 "
    "부여 가능"),  # mss_startup_univ_regional_2026
    ("- 석사과정C를 5개월 동안 30% 활용시 ⇨ man-month 투입총량은 5개월×30% = 1.5 그러므로 1,800(천원) × 1.5 = "
    "2,700천원"),  # mafra_high_value_food_rnd_2017
    ("※ 1단계(9개월, 창업준비・기획) + 2단계(3년, 기술고도화+창업), 3단계(2년, 시장지향 R&D+초기성장) 지원하되, "
    "단계평가마다 50% 내외의 과제만 계속 지원"),  # msit_deep_science_startup_2025
    "※ 1단계(1년 9개월) 종료 후 단계평가를 통해 결과가 미흡한 경우 과제 중단, 연구비 감액 가능",  # ibid.
    "⦁공고일 이전까지 폐업 이력을 보유한 청년 예비재창업자또는 7년 이내 재창업한 청년 창업기업",  # mss_startup_univ
    "- 연구시설ㆍ장비비 (구입완료일이 연구개발과제 시작일의 5년 이내, 구입가의 20%이내)",  # mois_regional_disaster_rnd_2026
    "o 정부지원연구개발비 15억원의 ICT R&D 과제를 총 5년 동안 수행하는 중소기업에 대한 적용",  # msit_ict_rnd_2026_1st
    ("* (신진연구자) 「학술진흥법」 제2조제5호에 따른 연구자로, ① 최초 조교수 이상의 직위로 임용된 지 5년 이내인 "
     "국내대학 소속교원 또는 ② 박사학위 취득 후 10년 이내인 연구자(①, ② 중 하나)"),  # ibid.
    "o 연구개발계획서는 1년 평균 정부지원연구개발비 5억원 이상 50페이지 이내, 5억원 미만 30페이지 이내로 작성",  # ibid.
    "◦ 솔루션 구축 후 2년까지 클라우드 인프라(경영혁신플랫폼) 이용 가능",  # seed 002
    "* 기업정보 수집 시점 : 신청 및 수혜기업의 사업 신청 이전 3개년부터 참여 이후 10년간",  # seed 000
    ("나.유효 기간 만료 3개월 전까지 상대방에 대한 특별한 의사 표시가 있을 경우에는 서로 협의하에 기간을 연장 및 해지할 "
     "수 있다. 단, 의사표시가 없는 경우에는 매 1년 단위로 자동 연장된다."),  # mafra_high_value_food_rnd_2018
    # issue 13 (prec10): each was read as the period under the period heading before its class was fixed
    "-1년 이내(접수 마감일 기준)식품관련 매출실적이 당해 과제의 정부출연금 20% 이상 존재",  # mafra_high_value_food_rnd_2018
    "※ 과제당 지원규모 : (1단계)1억원/9개월, (2∼3단계)5억원/년 내외",  # msit_deep_science_startup_2025
    "▪(연구단 구성) 3개월(90일) 이상 해외 파견이 가능한 연구자 10명 이상 구성 필수",  # msit_global_training_master_2025
    ("▸(기타유의사항) 선정 후 연구팀이 연수기관과 실험·실습 확정시 지원하는 조건부 선발 형태(선발 되더라도 2개월 내에 "
     "연수기관과 협의가 되지 않을 경우 추후 탈락 처리)"),  # ibid.
    ("가. 사업을 폐업한 날부터 3년(부도 또는 파산으로 폐업한 경우에는 2년을 말한다) 이상 지난 후에 기존 사업과 "
     "같은종류의 사업을 개시하는 경우"),  # mss_startup_univ_regional_2026
    "- (감면규모) 채용시점부터 2년간 해당인력에 대해 지급한 급여(성과급 포함)의 50%만큼 납부상한액에서 감면",  # pipc 2025
    "ㅇ (현장적용R&D*) 2026. 7. ~ 2029. 12.(1단계(1.5년)+2단계(2년), 총 3.5년) / 총 사업비 2,800백만원 내외",  # knpa
    ("※ 단, 혁신창업실험실별 지원기간은 ’25년도 사업기간(’25.4~’25.12)에 한하며(융합형의 경우 필요 시 최대 2년 지원 "
     "가능) 지원 시 창업 필수"),  # msit_lab_startup_univ_2025
])
def test_a_count_under_the_period_heading_that_is_no_period(line: str, tmp_path: Path) -> None:
    # the period printed as dates only: the count under it was read as the months
    path = tmp_path / "doc.txt"
    path.write_text(PREAMBLE.format(line=line), encoding="utf-8")
    assert [t.duration_months for p in parse(path).spec.programs for t in p.tracks] == [None]


# Distractor classes one seed must survive (one parse each side): each gained a fact before
# its class was fixed (an evaluation's days read as the application window).
@pytest.mark.parametrize("seed", ["000", "004"])
def test_seed_facts_survive_the_distractors(seed: str, tmp_path: Path) -> None:
    text = _seed(seed).read_text(encoding="utf-8")
    new = BY_NAME["distractor_period_after_event"].apply(BY_NAME["distractor_evaluation_schedule"].apply(text))
    assert new != text
    lost, gained = compare_facts(_facts(text, tmp_path / "a", "seed.txt"),  # type: ignore[arg-type]
                                 _facts(new, tmp_path / "b", "seed.txt"))  # type: ignore[arg-type]
    assert not gained, f"gained {gained}"
    assert not lost, f"lost {lost}"


def test_an_instruction_between_exclusion_items_is_no_exclusion(tmp_path: Path) -> None:
    # mafra_smartfarm_multi_ministry_rnd_2021 (dev) prints this under a document; under an
    # exclusion heading it was read as one more exclusion
    doc = PREAMBLE.format(line="") + ("□ 지원제외 대상\n- 휴·폐업중인 기업\n"
                                      "- 3천만 원 이상의 연구시설･장비를 구입하려는 경우에만 제출\n"
                                      "- 국세 및 지방세 체납 중인 기업\n□ 문의처 : 02-123-4567\n")
    path = tmp_path / "doc.txt"
    path.write_text(doc, encoding="utf-8")
    got = [c.text for p in parse(path).spec.programs for c in p.exclusions]
    assert got == ["휴·폐업중인 기업", "국세 및 지방세 체납 중인 기업"]


@pytest.mark.parametrize("line", [
    "- 유턴기업 지원금 확대 : 정부지원금 최대 50% 상향 지원",  # seed 002: a raise of the share, not a share
    "(기초·고도화1·고도화2)유턴기업 - 정부지원금 최대 50% 상향 지원",  # ibid.
    "- (감면규모) 채용시점부터 2년간 해당인력에 대해 지급한 급여(성과급 포함)의 50%만큼 납부상한액에서 감면",  # pipc 2025
])
def test_a_change_of_a_share_is_no_share(line: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(PREAMBLE.format(line=line), encoding="utf-8")
    got = [(f.share_pct, f.share_bound) for p in parse(path).spec.programs for t in p.tracks for f in t.funding
           if f.share_pct is not None]
    assert got == [(70, "max")]


@pytest.mark.parametrize("line", [
    "- 신청가능 업력 : 2019.03.04. ~ 2026.03.03.",  # mss_startup_univ_regional_2026
    "※ 18세~39세의 청년(1985. 1. 1. ~ 2007. 12. 31. 출생자), 4인 이상으로 구성된 단체",  # ulju_youth_culture_project_2025
    ("- (투자연계 단계) 푸드테크 상용화 아이디어를 보유한 기업으로 공고 마감일 기준 최근 3년 이내(’22.2.7.~’25.2.6) 누적 "
     "2억원 이상 민간 투자 유치*(또는 투자협약 체결) 이력이 있는 경우"),  # mafra_high_value_food_rnd_2025
    "*연구기간(예시):(1차년)’18.10.15.∼’19.7.14.,(2차년)’19.7.15.∼’20.7.14.",  # mafra_livestock_disease_rnd_2018
    "- 공고기간 2026. 1. 27.(화) ~ 2. 27.(금) [32일간]",  # daegutp_startup_scaleup_rnd_2026
])
def test_dates_bounding_no_application_under_the_window_heading(line: str, tmp_path: Path) -> None:
    # the line as an item of the application period's section: the section's one window stays
    path = tmp_path / "doc.txt"
    path.write_text(PREAMBLE.format(line="") + line + "\n□ 문의처 : 02-123-4567\n", encoding="utf-8")
    got = [(w.opens, w.closes) for p in parse(path).spec.programs for w in p.windows]
    assert len(got) == 1 and str(got[0][0]).startswith("2025-03-04"), got
