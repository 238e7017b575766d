"""Year over year on the seeds: the rule changes a reader finds between two years' calls.

Every expectation below was written by reading the two documents side by side before the
diff was run; the lines each one comes from are quoted next to it. Where the diff cannot
show a real change because extraction does not emit the fact, the test is a strict xfail
naming the missing fact (it starts failing, and must be unmarked, once extraction finds it).

Pairs (issue 6):
- A: seed 002 (2021 master call) section (10) 스마트공장 사후관리 → seed 004 (2023 AS지원 call);
- B: seed 002 section (3) 대중소 상생형 → seed 000 (2026 국민건강보험공단 대중소상생형 call).
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache

import jsonpatch
import pytest

from gonggo.changes.diff import diff
from gonggo.changes.patch import make_patch
from gonggo.changes.report import to_html, to_markdown
from gonggo.cli.commands import process
from gonggo.schemas.announcement import Announcement, Program
from gonggo.schemas.changes import Change, ChangeSet

from .conftest import seed_path


@cache
def spec(prefix: str) -> Announcement:
    return process(seed_path(prefix))


@cache
def changes(old: str, new: str) -> ChangeSet:
    return diff(spec(old), spec(new))


def found(cs: ChangeSet, field: str, kind: str | None = None,
          track: str | None = None) -> list[Change]:
    return [c for c in cs.changes if c.field == field and (kind is None or c.kind == kind)
            and (track is None or c.track == track)]


def text_of(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def old_program(cs: ChangeSet) -> str:
    matched = [a for a in cs.alignments if a.old and a.new]
    assert len(matched) == 1, cs.alignments
    return matched[0].old  # type: ignore[return-value]


# A: 2021 사후관리 (002 §(10)) → 2023 AS지원 (004) --------------------------------------------

A = ("002", "004")


def test_a_aligns_the_as_call_with_the_2021_aftercare_section() -> None:
    # 002: "(10) 스마트공장 사후관리 … 부품교체, 소프트웨어 업그레이드 등 운영 애로사항 해결 지원"
    # 004: "2023년도 스마트공장 AS지원사업 공고 (2차)" … "부품교체, 소프트웨어 업그레이드 등 운영
    #      애로사항 해결 지원을 통해 스마트공장 활용도 제고" — the same program, renamed.
    assert old_program(changes(*A)) == "스마트공장 사후관리"


def test_a_tracks_are_renamed_not_removed_and_added() -> None:
    # 002: "(긴급복구형) … H/W(부품 등) 및 S/W(솔루션 등)의 고장·결함에 대한 AS 지원"
    # 004: "긴급AS (수시모집) ▪스마트공장 운영과 관련된 HW(부품 등) 및 SW(솔루션 등)의 고장·결함에
    #      대한 신속한 AS"
    # 002: "(성장연계형) … 생산품목 변경, 공정개선, 생산효율성 개선, 보안강화 등에 필요한 H/W 및
    #      S/W 업그레이드 지원"; 004 AS지원 (정기모집): "… 생산품목 변경, 공정 개선, 생산 효율성
    #      개선, 보안강화 등에 필요한 HW 및 SW 업그레이드"
    cs = changes(*A)
    renames = {(c.old, c.new) for c in found(cs, "tracks.name", "renamed")}
    assert renames == {("긴급복구형", "긴급AS"), ("성장연계형", "AS지원")}
    assert not found(cs, "tracks", "removed") and not found(cs, "tracks", "added")


def test_a_emergency_cap_rises_and_the_upgrade_cap_stays() -> None:
    # 002: "(긴급복구형) 정부지원금 최대 5백만원, 총 사업비의 50% 이내 지원"
    #      "(성장연계형) 정부지원금 최대 20백만원, 총 사업비의 50% 이내 지원"
    # 004: "(지원조건) 소요비용의 50% 지원 (최대 20백만원)"; 지원구분 table: "AS지원 최대 20백만원
    #      (총 사업비의 50% 이내)" in a cell merged over the 긴급AS row.
    cs = changes(*A)
    caps = found(cs, "funding.government.cap_krw")
    assert [(c.track, c.old, c.new) for c in caps] == [("긴급AS", 5_000_000, 20_000_000)]
    # 50% 이내 in both years: no share change.
    assert not found(cs, "funding.government.share_pct")
    assert not found(cs, "funding.government.share_bound")


def test_a_project_period_shortens_and_the_extension_stays() -> None:
    # 002: "□ 사업기간 ◦ 최대 6개월 이내(단, 연장신청을 통해 최대 2개월 연장가능)"
    # 004: "4개월 (연장 2개월)" … "최대 사업기간 6개월(4+2개월)을 초과한 사업수행은 불가"
    cs = changes(*A)
    periods = {(c.track, c.old, c.new) for c in found(cs, "duration_months", "changed")}
    assert periods == {("AS지원", 6, 4), ("긴급AS", 6, 4)}
    assert not found(cs, "extension_months")


def test_a_award_count_is_new() -> None:
    # 002 §(10) prints no number of companies; 004: "(지원규모) 90개사 내외"
    [award] = found(changes(*A), "awards", "added")
    assert award.new["count"] == 90 and award.new["approx"] is True


def test_a_regular_window_for_as_and_rolling_window_kept_for_emergencies() -> None:
    # 002: "(신청기간) 2021년 1월 22일(금)부터 예산 소진시까지 수시 접수" (all tracks)
    # 004: "(AS지원, 2차) 2023년 5월 31일(수) ~ 6월 22일(목) 까지"
    #      "(긴급AS) … 2023년 3월 27일(월) 부터 상시 접수중(예산 소진시까지 접수)"
    cs = changes(*A)
    [regular] = found(cs, "windows", "added")
    assert (regular.new["opens"], regular.new["closes"], regular.new["rolling"]) == \
        ("2023-05-31", "2023-06-22", False)
    assert regular.new["tracks"] == ["AS지원"]
    opens = found(cs, "windows.opens", "changed")
    assert [(c.old, c.new) for c in opens] == [("2021-01-22", "2023-03-27")]
    assert not found(cs, "windows.rolling") and not found(cs, "windows.until_budget_exhausted")


def test_a_application_site_moves() -> None:
    # 002: "중소벤처기업진흥공단 홈페이지(http://www.kosmes.or.kr)에서 신청"
    # 004: "스마트공장 사업관리시스템(smart-factory.kr)을 통해 온라인 신청" — online both years.
    cs = changes(*A)
    [urls] = found(cs, "submission.urls", "changed")
    assert "kosmes.or.kr" in text_of(urls.old) and "smart-factory.kr" in text_of(urls.new)
    assert not found(cs, "submission.channels")


def test_a_eligibility_drops_the_size_rule_and_admits_self_built_factories() -> None:
    # 002: "(공통) 스마트공장 보급 확산사업에 참여하여 사업을 완료한 중소기업 중 최근 3년간 평균
    #      매출액이 별첨의 소기업 규모 기준*을 만족하는 기업"
    # 004: "➊스마트공장 보급‧확산 사업에 참여하여 사업을 완료한 중소 제조기업 또는 ➋기업
    #      자체역량(…)으로 스마트공장을 구축한 기업 중 ｢스마트공장 수준확인서*｣를 발급받은 중소
    #      제조기업" — the same clause rewritten: one change, not a removal and an addition.
    cs = changes(*A)
    [clause] = found(cs, "eligibility.text", "changed")
    assert "소기업 규모 기준" in clause.old and "수준확인서" in clause.new
    assert not found(cs, "eligibility", "removed") and not found(cs, "eligibility", "added")


def test_a_exclusions() -> None:
    # 002 < 부적격 사항 >: 휴·폐업중인 기업 / 국세 및 지방세 체납 중인 기업 / 스마트공장
    #      보급‧확산사업에 참여하지 않은 기업 / … 사업참여 제한 등 제재 중인 기업
    # 004 지원제외 대상: 휴·폐업중인 기업 / 국세 및 지방세 체납 중인 기업 / … 제재중인 기업(사업
    #      참여제한 등) / 타 공급기업의 지원없이 자체적으로 AS가 가능한 도입기업
    cs = changes(*A)
    assert [c.old for c in found(cs, "exclusions", "removed")] == \
        ["스마트공장 보급‧확산사업에 참여하지 않은 기업"]
    assert [c.new for c in found(cs, "exclusions", "added")] == \
        ["타 공급기업의 지원없이 자체적으로 AS가 가능한 도입기업"]
    # "사업참여 제한 등 제재 중인" / "제재중인 기업(사업 참여제한 등)": same rule, other words.
    assert not found(cs, "exclusions.text")


def test_a_documents() -> None:
    # 002 (제출서류): ①…신청서(사후관리) ②국세 및 지방세 납세증명서(법인, 개인) ③최근 3개년
    #      국세청 홈택스 재무제표 발급번호 ④스마트공장 보급 확산사업 완료보고서
    # 004 table: 1 스마트공장 AS지원사업 신청서 2 사업자등록증명원 3 국세 및 지방세 납세증명서 각
    #      1부(발행일로부터 3개월 이내) 4 개인(신용) 및 기업(신용) 정보 … 동의서 5 재무제표 발급번호
    #      6 정부지원으로 스마트공장을 구축한 기업 : 사업 완료보고서 / 기업 자체적으로 … : 수준확인서,
    #      상세 구축 내역(SW, HW 등)
    cs = changes(*A)
    added = {c.new for c in found(cs, "documents", "added")}
    assert added == {"사업자등록증명원", "개인(신용) 및 기업(신용) 정보 수집・이용・제공・조회 동의서",
                     "수준확인서", "상세 구축 내역(SW, HW 등)"}
    assert not found(cs, "documents", "removed")
    [validity] = found(cs, "documents.validity_months")
    assert "납세증명서" in validity.track and validity.new == 3  # type: ignore[operator]
    [condition] = found(cs, "documents.condition")
    assert "완료보고서" in condition.track and "정부지원" in condition.new  # type: ignore[operator]
    # "(법인, 개인)" qualifies who pays the tax; the certificate is the same one.
    assert not [c for c in found(cs, "documents.name") if "납세증명서" in c.old]
    assert not [c for c in cs.changes if "재무제표" in text_of(c.old) + text_of(c.new)]


def test_a_scored_evaluation_is_new() -> None:
    # 002 (선정평가) prose only: "대상 적합성, 지원 적정성, 스마트공장 관리 및 활용 역량, 지원성과
    #      등을 평가"; 004 【 AS지원(서면평가) 】 "◦스마트공장 구축 내용 대비 활용 정도 15" …
    cs = changes(*A)
    added = [c.new for c in found(cs, "evaluation", "added")]
    assert "스마트공장 구축 내용 대비 활용 정도" in added and "AS 수행기간의 적합성" in added
    assert not found(cs, "evaluation", "removed")


def test_a_regional_phone_numbers() -> None:
    # 002: "서울지역본부 02-2106-7454", "인천지역본부 032-837-7031"
    # 004: "서울지역본부 02-2106-7455", "인천지역본부 032-837-7031", "세종지역본부 044-860-8307" (new)
    cs = changes(*A)
    phones = {(c.old, c.new) for c in found(cs, "contacts.phone")}
    assert ("02-2106-7454", "02-2106-7455") in phones
    assert not [c for c in cs.changes if "032-837-7031" in text_of(c.old) + text_of(c.new)]
    assert any("044-860-8307" in c.new for c in found(cs, "contacts", "added"))


# B: 2021 대중소 상생형 (002 §(3)) → 2026 NHIS call (000) --------------------------------------

B = ("002", "000")


def test_b_aligns_the_nhis_call_with_the_2021_shared_growth_section() -> None:
    # 000: "2026년도 『 대중소상생형 스마트공장 구축지원 사업 』 국민건강보험공단 도입기업 모집 공고"
    # 002: "(3) 대중소 상생형 스마트공장 지원 주관기관(대기업 등) 모집"
    assert old_program(changes(*B)).startswith("대중소 상생형")


def test_b_tracks() -> None:
    # 002 (유형 1): "기초(기초수준) : 최대 0.42억원" / "고도화1(중간1 수준) : 최대 1.2억원";
    #      (유형 2): "기초수준(2,000만원 내외) … 기업부담 없이 정부와 대기업이 100%* 지원"
    # 000 지원조건: 고도화 "- 중간1 수준" / 고도화 (동일수준) "- 수준향상 없이 재신청" / 기초
    cs = changes(*B)
    assert {(c.old, c.new) for c in found(cs, "tracks.name", "renamed")} == {("고도화1", "고도화")}
    assert [c.track for c in found(cs, "tracks", "removed")] == ["유형 2"]
    assert [c.track for c in found(cs, "tracks", "added")] == ["고도화 (동일수준)"]


def test_b_government_caps_fall_and_the_share_stays() -> None:
    # 002: "기초(기초수준) : 최대 0.42억원, 총 사업비의 30% 이내 지원"
    #      "고도화1(중간1 수준) : 최대 1.2억원, 총 사업비의 30% 이내 지원"
    # 000: 정부 "0.18억원" for 고도화 and 기초; 분담비율 "30%"
    cs = changes(*B)
    caps = {(c.track, c.old, c.new) for c in found(cs, "funding.government.cap_krw")}
    assert caps == {("기초", 42_000_000, 18_000_000), ("고도화", 120_000_000, 18_000_000)}
    assert not found(cs, "funding.government.share_pct")


def test_b_basic_track_period_shortens_and_an_extension_appears() -> None:
    # 002: "□ 사업기간 : 최대 9개월(협약기간 협의 가능)" (no extension printed)
    # 000 지원조건 사업기간(최대): 고도화 "9개월", 기초 "6개월";
    #      "사업기간은 연장신청을 통해 최대 3개월 연장가능"
    cs = changes(*B)
    assert {(c.track, c.old, c.new) for c in found(cs, "duration_months")} == {("기초", 9, 6)}
    extensions = {(c.track, c.new) for c in found(cs, "extension_months", "added")}
    assert extensions == {("기초", 3), ("고도화", 3)}


def test_b_host_share_rises_and_the_company_share_falls() -> None:
    # 002 (유형 1) table: "구 분 정부 대기업 중소․중견기업 / 총 구축비용 30% 70% / 30%이상 40%이내"
    # 000: 국민건강보험공단 "0.24억원 (총사업비 40%)", 중소기업 (자부담) "0.18억원", 분담비율 30%
    cs = changes(*B)
    host = {(c.track, c.old, c.new) for c in found(cs, "funding.host.share_pct")}
    applicant = {(c.track, c.old, c.new) for c in found(cs, "funding.applicant.share_pct")}
    assert host == {("기초", 30, 40), ("고도화", 30, 40)}
    assert applicant == {("기초", 40, 30), ("고도화", 40, 30)}


def test_b_award_window_and_channel() -> None:
    # 000: "지원규모 : 총 5개사"; 002 §(3) has no count (hosts are recruited without a number).
    # 002: "(신청기간) 2021년 1월 22일(금) ~ 2021년 6월 30일(수) 17시까지 신청 마감" … "온라인 접수"
    # 000: "(신청기간) 2026년 4월 8일(수) ~ 2026년 4월 24일(금) 18시까지" … "작성 후 이메일 제출"
    cs = changes(*B)
    [award] = found(cs, "awards", "added")
    assert award.new["count"] == 5 and award.new["approx"] is False
    assert [(c.old, c.new) for c in found(cs, "windows.closes")] == \
        [("2021-06-30T17:00:00+09:00", "2026-04-24T18:00:00+09:00")]
    [channels] = found(cs, "submission.channels")
    assert (channels.old, channels.new) == (["online"], ["email"])


def test_b_documents() -> None:
    # 002 제출서류: 1 … 주관기관 신청서 2 상생협력 구축지원 전략(안) 1부 3 주관기관 및 협업기관
    #      사업자등록증명원 각 1부
    # 000 제출서류: 참가신청서 및 참가신청내역서 / 정보활용동의서 / 특수관계인 여부 확인서 / 국세 및
    #      지방세 완납 증명서 / 중소기업 확인서 / 사업자등록증명원 1부 (발행일로부터 3개월 이내) /
    #      중소기업기술마켓 인증서 (선택)
    cs = changes(*B)
    assert "상생협력 구축지원 전략(안)" in [c.old for c in found(cs, "documents", "removed")]
    added = {c.new for c in found(cs, "documents", "added")}
    assert {"특수관계인 여부 확인서", "국세 및 지방세 완납 증명서", "중소기업 확인서",
            "중소기업기술마켓 인증서"} <= added
    # the business registration certificate continues, now valid for 3 months
    assert not [c for c in found(cs, "documents") if "사업자등록증명원" in text_of(c.old)
                + text_of(c.new)]
    assert [c.new for c in found(cs, "documents.validity_months")
            if "사업자등록증명원" in (c.track or "")] == [3]


def test_b_exclusions_and_eligibility() -> None:
    # 002 §(3) has no 지원제외대상; 000 < 부적격 사항 >: "휴·폐업중인 기업", "국세 및 지방세 체납
    #      중인 기업", "유흥·향락업, 숙박·음식점", …
    # 002 (신청자격): "… 대기업·중견기업·공공기관·민간기관(협업기관과 컨소시엄 가능)" (hosts);
    # 000 신청자격: "도입 기업 … 강원도 소재 중소기업" (companies)
    cs = changes(*B)
    added = {c.new for c in found(cs, "exclusions", "added")}
    assert {"휴·폐업중인 기업", "국세 및 지방세 체납 중인 기업", "유흥·향락업, 숙박·음식점"} <= added
    assert not found(cs, "exclusions", "removed")
    assert any("대기업·중견기업" in c.old for c in found(cs, "eligibility", "removed"))
    assert any("강원도" in c.new for c in found(cs, "eligibility", "added"))


def test_b_scored_criteria_replaced_by_unscored_ones() -> None:
    # 002: "주관기관 역량 (50) - 주관기관의 투자의지, 추진의지 50" …; 000: "* 스마트화 수준" … with
    #      no points ("내부 평가 기준에 따라 평가")
    cs = changes(*B)
    assert "주관기관의 투자의지, 추진의지" in [c.old for c in found(cs, "evaluation", "removed")]
    assert "스마트화 수준" in [c.new for c in found(cs, "evaluation", "added")]


def test_b_new_duties() -> None:
    # 000: "정부지원으로 구축된 스마트공장 시스템은 5년간 보유해야 하며 …"; "… 로그기록을 스마트공장
    #      사업관리시스템에 3년간 제출 필수" (002 §(3): "… 로그정보를 … 수집 예정", not a duty)
    added = [c.new for c in found(changes(*B), "obligations", "added")]
    assert any("5년간 보유" in t for t in added) and any("3년간 제출" in t for t in added)


def test_b_level_check_duty_continues() -> None:
    removed = [c.old for c in found(changes(*B), "obligations", "removed")]
    assert not any("수준확인" in t for t in removed)


def test_b_training_duty_continues() -> None:
    # 002: "도입기업은 … ➊CEO·임원 대상 리더십 과정과 ➋재직자 대상 교육과정을 모두 의무* 수료"
    removed = [c.old for c in found(changes(*B), "obligations", "removed")]
    assert not any("리더십 과정" in t for t in removed)


def test_b_contacts_move_to_the_host() -> None:
    # 002 Ⅳ: "대중소 상생형 042-388-0861"; 000: "국민건강보험공단 … 033-736-1672"
    cs = changes(*B)
    assert any("042-388-0861" in c.old for c in found(cs, "contacts", "removed"))
    assert any("033-736-1672" in c.new for c in found(cs, "contacts", "added"))


# A document against itself -----------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_a_document_against_itself_has_no_change(prefix: str) -> None:
    cs = diff(spec(prefix), copy.deepcopy(spec(prefix)))
    assert cs.changes == []
    assert cs.unchanged > 0
    assert all(a.old == a.new for a in cs.alignments)


# Declared changes (주요 변경사항 of seed 002) --------------------------------------------------

def test_declared_changes_are_confirmed_only_by_matching_facts() -> None:
    """002 declares its own changes against 2020; rebuild a '2020' by undoing four of them."""
    new = spec("002")
    old = copy.deepcopy(new)
    # "디지털 클러스터(일반형) 사업 신규 추진", "사후관리 신규 추진": no such programs before
    old.programs = [p for p in old.programs
                    if not p.name.startswith(("디지털 클러스터", "스마트공장 사후관리"))]
    # "코로나19 대응 관련 방역물품, 백신·치료제 등 제조기업 가점(5점) 추가" (program (1))
    basic = old.programs[0]
    basic.bonus_points = [b for b in basic.bonus_points if not b.item.startswith("코로나19")]
    # "‘강소기업 스타트업100’ 선정기업(2점) 추가" (로봇활용 제조혁신)
    robot = next(p for p in old.programs if p.name.startswith("로봇활용"))
    robot.bonus_points = [b for b in robot.bonus_points if "스타트업100" not in b.item]
    cs = diff(old, new)
    confirmed = sorted(d["after"] for d in cs.declared if d["confirmed"])
    assert confirmed == sorted([
        "코로나19 대응 관련 방역물품, 백신·치료제 등 제조기업 가점(5점) 추가",
        "‘강소기업 스타트업100’ 선정기업(2점) 추가",
        "디지털 클러스터(일반형) 사업 신규 추진",
        "스마트공장 활용도 및 효율성 향상 지원을 위한 사후관리 신규 추진",
    ])
    assert len(cs.declared) == len(new.declared_changes)
    md = to_markdown(cs, "(2020)", "(2021)")
    assert md.count("[확인됨]") == 4
    assert md.count("[차이에서 찾지 못함]") == len(new.declared_changes) - 4


# Reports and patches on the real pairs -----------------------------------------------------

def test_a_markdown_is_a_new_old_table_with_marked_words() -> None:
    md = to_markdown(changes(*A), "(2021)", "(2023)")
    assert "| 현 행 (2021) | 개 정 (2023) | 비 고 |" in md
    assert "~~5백만원~~" in md and "**20백만원**" in md
    assert "~~긴급복구형~~" in md and "**긴급AS**" in md
    assert "<신 설>" in md and "<삭 제>" in md
    assert "변경 없는 사실" in md


def test_a_html_is_self_contained_with_quotes_of_both_years() -> None:
    page = to_html(changes(*A), "(2021)", "(2023)")
    assert page.startswith("<!doctype html>")
    assert "<th>현 행 (2021)</th>" in page and "<th>개 정 (2023)</th>" in page
    assert "<del>5백만원</del>" in page and "<ins>20백만원</ins>" in page
    assert "&lt;신 설&gt;" in page and "&lt;삭 제&gt;" in page
    assert "<details" in page  # unchanged facts collapsed
    # the printed text of both years
    text = re.sub(r"<[^>]+>", "", page)
    assert "2021년 1월 22일(금)부터" in text and "2023년 3월 27일(월) 부터" in text
    # nothing fetched from elsewhere
    for needle in ("<script", "<link", "src=", "@import", "url("):
        assert needle not in page


@pytest.mark.parametrize("pair", [A, B])
def test_patch_turns_the_old_program_into_the_new_one(pair: tuple[str, str]) -> None:
    old, new = spec(pair[0]), spec(pair[1])
    cs = changes(*pair)
    ops = make_patch(cs, old, new)
    assert ops and all(set(op["evidence"]) == {"old", "new"} for op in ops)
    patched = jsonpatch.apply_patch(old.model_dump(mode="json"), ops)
    index = next(i for i, p in enumerate(old.programs) if p.name == old_program(cs))
    got, want = Program.model_validate(patched["programs"][index]), new.programs[0]

    def terms(p: Program) -> list[tuple]:  # type: ignore[type-arg]
        return sorted((t.name or "", t.duration_months, t.extension_months,
                       sorted((f.payer, f.cap_krw, f.share_pct) for f in t.funding))
                      for t in p.tracks)

    assert terms(got) == terms(want)
    assert got.awards and want.awards and got.awards.count == want.awards.count
    assert sorted((w.opens, w.closes, w.rolling) for w in got.windows) == \
        sorted((w.opens, w.closes, w.rolling) for w in want.windows)
    assert len(got.exclusions) == len(want.exclusions)
    assert len(got.documents) == len(want.documents)


# The command line, with announcement files and with extracted JSON -------------------------

def test_cli_diff_from_files_and_from_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from gonggo.cli.main import app

    runner = CliRunner()
    old_json, new_json = tmp_path / "old.json", tmp_path / "new.json"
    old_json.write_text(spec("002").model_dump_json(), encoding="utf-8")
    new_json.write_text(spec("004").model_dump_json(), encoding="utf-8")
    html_out = tmp_path / "report.html"
    result = runner.invoke(app, ["diff", str(seed_path("002")), str(seed_path("004")),
                                 "--format", "html", "--out", str(html_out)])
    assert result.exit_code == 0, result.output
    page = html_out.read_text(encoding="utf-8")
    assert "<del>5백만원</del>" in page
    assert "(10) 스마트공장 사후관리" in page  # section reference from the file
    for fmt in ("md", "json", "patch"):
        result = runner.invoke(app, ["diff", str(old_json), str(new_json), "--format", fmt])
        assert result.exit_code == 0, result.output
        if fmt == "md":
            assert "| 현 행 (2021) | 개 정 (2023) | 비 고 |" in result.output
        elif fmt == "json":
            fields = {c["field"] for c in json.loads(result.output)}
            assert {"tracks.name", "funding.government.cap_krw", "duration_months"} <= fields
        else:
            ops = json.loads(result.output)
            assert {op["op"] for op in ops} <= {"add", "remove", "replace"}
            assert all("evidence" in op for op in ops)


# Report cells: readable text, one row per window -------------------------------------------

# A dict or list literal (JSON or Python repr) or a bare Python literal in a rendered cell.
RAW = re.compile(r"[{}]|\[\s*['\"]|['\"]\s*:\s|\bNone\b|\bTrue\b|\bFalse\b|&#x27;\w+&#x27;:")


@pytest.mark.parametrize("pair", [A, B])
def test_no_report_cell_holds_a_raw_dict_or_list(pair: tuple[str, str]) -> None:
    cs = changes(*pair)
    md, page = to_markdown(cs, "(old)", "(new)"), to_html(cs, "(old)", "(new)")
    cells = [cell for line in md.splitlines() if line.startswith("| ") and "---" not in line
             for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
    cells += [line for line in md.splitlines() if line.startswith("- ")]  # folded facts
    cells += [re.sub(r"<[^>]+>", " ", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", page)]
    cells += [re.sub(r"<[^>]+>", " ", c) for c in re.findall(r"<li>(.*?)</li>", page)]
    bad = [c for c in cells if RAW.search(c)]
    assert not bad, bad[:3]


@pytest.mark.parametrize("pair", [A, B])
def test_each_window_is_one_row(pair: tuple[str, str]) -> None:
    from gonggo.changes.report import rows_of

    cs = changes(*pair)
    rows = rows_of(cs.changes)
    windows = {re.sub(r"/[^/]+$", "", c.new_path or "") for c in cs.changes
               if c.field.startswith("windows.")}
    assert windows
    for window in windows:
        holding = [r for r in rows if any(c.field.startswith("windows.")
                                          and (c.new_path or "").startswith(window + "/")
                                          for c in r.changes)]
        assert len(holding) == 1, [r.labels for r in holding]
    # the 2021 → 2026 window moved both dates: one row naming both fields
    if pair == B:
        [row] = [r for r in rows if any(c.field == "windows.closes" for c in r.changes)]
        assert row.labels == ["신청 시작", "신청 마감"]
        md = to_markdown(cs)
        assert sum("신청 시작" in line for line in md.splitlines()) == 1


# A clause labelled with its topic continues the one clause of the other year stating it ---------

LEVEL_2021 = "(수준확인) 주관기관에서 지원한 중소·중견기업의 경우 구축 완료시점에서 스마트공장 수준확인"
BONUS_2021 = "(가점부여) 주관기관(협업기관)에서 도입기업 선정 시 일터혁신컨설팅 참여기업 가점(3점) 부여"
LEVEL_2026 = "구축완료 후 수준을 확인, 구축수준 미달 시 정부지원금 환수가능(최종완료 후 수준측정)"
LOG_2026 = ("스마트공장 활용현황을 모니터링하기 위해 도입기업에 구축된 솔루션의 로그기록을 스마트공장 "
            "사업관리시스템에 3년간 제출 필수")


def test_a_labelled_clause_pairs_with_the_one_stating_its_topic() -> None:
    from gonggo.changes.align import align_items

    pairs = align_items([LEVEL_2021, BONUS_2021], [LEVEL_2026, LOG_2026], lambda x: x, rewrites=True)
    matched = [(p.old, p.new) for p in pairs if p.kind == "matched"]
    assert matched == [(LEVEL_2021, LEVEL_2026)]  # lexically 0.19 apart: the label decides
    # two clauses stating the topic: which one continues it, the label does not say
    second = LEVEL_2026.replace("(최종완료 후 수준측정)", "(평가위원회 심의)")
    pairs = align_items([LEVEL_2021, BONUS_2021], [LEVEL_2026, second + " 재확인", LOG_2026],
                        lambda x: x, rewrites=True)
    assert [p for p in pairs if p.kind == "matched"] == []
    # not for named things (documents, criteria): no rewrites, no topic pass
    assert all(p.kind != "matched" for p in align_items([LEVEL_2021], [LEVEL_2026, LOG_2026], lambda x: x))
