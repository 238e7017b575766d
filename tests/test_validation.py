"""Validation checks: for each, a constructed announcement that must raise the finding and one
that must not; the `gonggo check` exit codes; findings never stop extraction."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_document
from gonggo.schemas.announcement import Announcement, Clause, Evidence, Finding, Track
from gonggo.schemas.document import Document, ReadFinding
from gonggo.validate.checks import (
    CODES,
    check_conflicting_values,
    check_evidence,
    check_funding,
    check_funding_tables,
    check_overview_table,
    check_printed_dates,
    check_reader_findings,
    check_schema,
    check_unplaced_items,
    check_unplaced_text,
    check_windows,
    validate,
)

from .conftest import ROOT, SAMPLES, needs_samples, seed_path

HEADER = """2026년도 스마트공장 구축지원 사업 공고
중소기업의 스마트공장 구축을 지원하기 위하여 다음과 같이 공고합니다.
2026년 4월 8일
중소벤처기업부 장관
"""
SUPPORT = """1. 사업개요
□ 지원내용
구분\t지원유형\t정부\t자부담\t합계
총사업비\t기초\t0.7억원\t0.3억원\t1억원
분담비율\t\t70%\t30%\t100%
□ 지원조건
지원유형\t정부지원금\t사업기간
기초\t0.7억원 (총사업비 70%)\t6개월
"""
APPLY = """2. 신청자격 및 방법
□ 신청자격
- 국내 중소 제조기업
- 스마트공장 구축 계획을 보유한 기업
□ 지원제외대상
- 국세 및 지방세 체납 중인 기업
- 휴·폐업 중인 기업
□ 신청기간 및 방법
- (신청기간) 2026. 4. 8.(수) ~ 2026. 4. 24.(금) 18시까지
- (신청방법) 스마트공장 사업관리시스템(www.smart-factory.kr) 온라인 접수
□ 제출서류
- 사업계획서 1부
- 중소기업 확인서 1부
- 국세 및 지방세 완납 증명서 1부
"""
BASE = HEADER + SUPPORT + APPLY

MASTER = """2026년도 스마트공장 지원사업 통합 공고
스마트공장 지원사업의 지원계획을 다음과 같이 공고합니다.
2026년 4월 8일
중소벤처기업부 장관
Ⅰ. 사업개요
사업명\t지원유형\t정부지원금\t모집기간
스마트공장 구축\t기초\t0.7억원\t4.8~4.24
로봇활용 제조혁신\t-\t3억원\t4.8~5.8
Ⅱ. 사업별 지원계획
(1) 스마트공장 구축
□ 지원내용
- (기초) 정부지원금 최대 0.7억원
□ 신청자격
- 국내 중소 제조기업
□ 신청기간 및 방법
- (신청기간) 2026. 4. 8.(수) ~ 2026. 4. 24.(금)
□ 제출서류
- 사업계획서 1부
(2) 로봇활용 제조혁신
□ 지원내용
- 정부지원금 최대 3억원
□ 신청자격
- 국내 중소 제조기업
□ 신청기간 및 방법
- (신청기간) 2026. 4. 8.(수) ~ 2026. 5. 8.(금)
□ 제출서류
- 사업계획서 1부
"""


_HANGUL = regex.compile(r"\p{Hangul}")


def variant(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def read(tmp_path: Path, text: str) -> tuple[Document, Announcement]:
    path = tmp_path / "gonggo.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    return doc, extract(doc)


def findings(tmp_path: Path, text: str, check=None) -> list[Finding]:  # type: ignore[no-untyped-def]
    doc, ann = read(tmp_path, text)
    found = check(doc, ann) if check else validate(doc, ann).findings
    assert_well_formed(doc, found)
    return found


def assert_well_formed(doc: Document, found: list[Finding]) -> None:
    """Stable codes with their severities (a reader's own codes as the reader gave them), one
    sentence, and spans that quote the text."""
    reader = {(r.code, r.severity) for r in doc.findings}
    for f in found:
        assert (f.code in CODES and f.severity == CODES[f.code]) or (f.code, f.severity) in reader, f
        assert f.message.strip() and f.message.rstrip().endswith("."), f.message
        assert _HANGUL.search(f.message.split(":")[0] + f.message[:30]), f.message  # Korean first
        for e in f.evidence:
            assert doc.text[e.start : e.end] == e.quote, e


def of(found: list[Finding], code: str) -> list[Finding]:
    return [f for f in found if f.code == code]


# -- the clean announcement: the negative case every check shares -------------------------


def test_clean_announcement_has_no_findings(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE)
    assert ann.programs[0].documents and ann.programs[0].windows  # the pipeline read it
    assert validate(doc, ann).findings == []


def test_clean_master_announcement_has_no_findings(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, MASTER)
    assert [p.name for p in ann.programs] == ["스마트공장 구축", "로봇활용 제조혁신"]
    assert validate(doc, ann).findings == []


# -- 1. dates as printed -------------------------------------------------------------------


def test_impossible_date(tmp_path: Path) -> None:
    text = variant(BASE, "2026. 4. 24.(금) 18시까지", "2026. 4. 31.(금) 18시까지")
    [f] = of(findings(tmp_path, text, check_printed_dates), "impossible_date")
    assert f.severity == "error"
    assert "2026. 4. 31.(금) 18시" in f.message and "31일" in f.message
    assert f.evidence[0].quote.startswith("2026. 4. 31.(금)")


def test_impossible_date_without_a_printed_year_says_where_the_year_came_from(
        tmp_path: Path) -> None:
    text = variant(BASE, "- 휴·폐업 중인 기업\n", "- 휴·폐업 중인 기업\n- 2. 30.(월)까지 폐업 신고한 기업\n")
    [f] = of(findings(tmp_path, text, check_printed_dates), "impossible_date")
    assert "2. 30.(월)" in f.message and "2026" in f.message and "공고일" in f.message


def test_weekday_mismatch(tmp_path: Path) -> None:
    text = variant(BASE, "2026. 4. 8.(수) ~", "2026. 4. 8.(목) ~")
    [f] = of(findings(tmp_path, text, check_printed_dates), "weekday_mismatch")
    assert f.severity == "warning"
    assert "2026. 4. 8.(목)" in f.message and "수요일" in f.message
    assert f.evidence[0].quote == "2026. 4. 8.(목)"


def test_year_less_dates_are_checked_in_the_announcements_year(tmp_path: Path) -> None:
    text = variant(BASE, "2026년 4월 8일\n", "2025년 4월 1일\n")
    text = variant(text, "2026. 4. 8.(수) ~ 2026. 4. 24.(금)", "4. 8.(화) ~ 4. 24.(금)")
    [f] = of(findings(tmp_path, text, check_printed_dates), "weekday_mismatch")
    assert "4. 24.(금)" in f.message and "2025-04-24" in f.message and "목요일" in f.message
    # when most year-less dates miss their weekday, the inferred year is what is wrong
    text = variant(text, "4. 8.(화) ~", "4. 8.(수) ~")
    assert findings(tmp_path, text, check_printed_dates) == []


def test_a_closing_time_of_24_00_keeps_the_printed_day(tmp_path: Path) -> None:
    text = variant(BASE, "2026. 4. 24.(금) 18시까지", "2026. 4. 24.(금) 24:00까지")
    assert findings(tmp_path, text, check_printed_dates) == []


# -- 2. windows ----------------------------------------------------------------------------


def test_window_closes_before_opens(tmp_path: Path) -> None:
    text = variant(BASE, "2026. 4. 8.(수) ~ 2026. 4. 24.(금) 18시까지",
                   "2026. 4. 24.(금) ~ 2026. 4. 8.(수)")
    [f] = findings(tmp_path, text, check_windows)
    assert f.code == "window_closes_before_opens" and f.severity == "error"
    assert "2026. 4. 24.(금) ~ 2026. 4. 8.(수)" in f.message


def test_window_before_announcement(tmp_path: Path) -> None:
    text = variant(BASE, "2026. 4. 8.(수) ~ 2026. 4. 24.(금) 18시까지",
                   "2026. 3. 2.(월) ~ 2026. 3. 20.(금)")
    [f] = findings(tmp_path, text, check_windows)
    assert f.code == "window_before_announcement"
    assert "2026. 3. 2.(월) ~ 2026. 3. 20.(금)" in f.message and "2026-04-08" in f.message


def test_windows_that_open_and_close_in_order_after_the_announcement(tmp_path: Path) -> None:
    assert findings(tmp_path, BASE, check_windows) == []


# -- 3. funding ----------------------------------------------------------------------------

SHARES_ONLY = HEADER + """1. 사업개요
□ 지원조건
지원유형\t정부\t자부담
기초\t{gov}\t{own}
"""


def test_exact_shares_with_the_applicant_below_100(tmp_path: Path) -> None:
    found = findings(tmp_path, SHARES_ONLY.format(gov="60%", own="30%"), check_funding)
    [f] = of(found, "shares_do_not_add_up")
    assert "60%" in f.message and "30%" in f.message and "90%" in f.message
    assert {e.quote for e in f.evidence} == {"60%", "30%"}


def test_shares_by_applicant_kind_add_up_within_each_kind(tmp_path: Path) -> None:
    """`중소기업 25% 이상`, `중견기업 30% 이상`, `대기업 50% 이상` are three kinds' minimums, not
    one applicant's 105%; a kind's own split over 100 is still found."""
    table = ("1. 사업개요\n□ 연구개발비 부담기준\n"
             "연구개발기관 유형\t정부지원연구개발비\t기관부담연구개발비\n"
             "중소기업\t75% 이하\t25% 이상\n중견기업\t70% 이하\t30% 이상\n"
             "공기업･대기업\t50% 이하\t50% 이상\n")
    doc, ann = read(tmp_path, HEADER + table)
    rows = [f for t in ann.programs[0].tracks for f in t.funding if f.applicant_kinds]
    assert len(rows) == 6
    assert of(check_funding(doc, ann), "shares_do_not_add_up") == []
    rows[0].share_bound = "exact"  # 중소기업: exactly 75% and at least 40% of its own: 115%
    rows[1].share_pct = 40
    assert len(of(check_funding(doc, ann), "shares_do_not_add_up")) == 1


def test_shares_above_100(tmp_path: Path) -> None:
    found = findings(tmp_path, SHARES_ONLY.format(gov="70%", own="40% 이상"), check_funding)
    [f] = of(found, "shares_do_not_add_up")
    assert "110%" in f.message


def test_shares_that_add_up_or_leave_the_rest_unsaid(tmp_path: Path) -> None:
    assert findings(tmp_path, SHARES_ONLY.format(gov="70%", own="30%"), check_funding) == []
    # a bounded share (`50% 이내`) does not have to fill the split
    assert findings(tmp_path, SHARES_ONLY.format(gov="50% 이내", own="30%"), check_funding) == []


def test_a_forms_blank_figures_are_not_shares(tmp_path: Path) -> None:
    found = findings(tmp_path, SHARES_ONLY.format(gov="00.0%", own="00.0%"), check_funding)
    assert found == []


def test_caps_disagree_with_shares_in_one_track(tmp_path: Path) -> None:
    text = HEADER + """1. 사업개요
□ 지원조건
지원유형\t정부지원금\t자부담
기초\t0.7억원 (총사업비 70%)\t0.4억원 (총사업비 30%)
"""
    [f] = of(findings(tmp_path, text, check_funding), "caps_disagree_with_shares")
    assert "70,000,000원" in f.message and "40,000,000원" in f.message
    assert "0.4억원" in {e.quote for e in f.evidence}


def test_table_amounts_that_do_not_add_up_to_the_total(tmp_path: Path) -> None:
    text = variant(BASE, "0.3억원\t1억원", "0.3억원\t1.2억원")
    found = findings(tmp_path, text, check_funding_tables)
    [f] = of(found, "caps_do_not_add_up")
    assert "0.7억원" in f.message and "‘1.2억원’" in f.message
    assert [e.quote for e in f.evidence] == ["0.7억원", "0.3억원", "1.2억원"]
    # and the amounts no longer follow the share row (70% of 1.2억원 is not 0.7억원)
    [g] = of(found, "caps_disagree_with_shares")
    assert "‘0.7억원’" in g.message and "‘70%’" in g.message


def test_table_share_row_that_does_not_add_up(tmp_path: Path) -> None:
    text = variant(BASE, "70%\t30%\t100%", "70%\t20%\t100%")
    found = findings(tmp_path, text, check_funding_tables)
    [f] = of(found, "shares_do_not_add_up")
    assert "90%" in f.message and "‘100%’" in f.message
    [g] = of(found, "caps_disagree_with_shares")
    assert "‘0.3억원’" in g.message and "‘20%’" in g.message


def test_tables_that_add_up_and_blank_forms(tmp_path: Path) -> None:
    assert findings(tmp_path, BASE, check_funding_tables) == []
    blank = variant(BASE, "0.7억원\t0.3억원\t1억원", "00백만원\t00백만원\t00백만원")
    blank = variant(blank, "70%\t30%\t100%", "00.0%\t00.0%\t100%")
    assert findings(tmp_path, blank, check_funding_tables) == []


# -- 4. the same fact stated twice ---------------------------------------------------------


def test_two_sections_give_a_track_different_caps(tmp_path: Path) -> None:
    text = variant(BASE, "기초\t0.7억원 (총사업비 70%)", "기초\t0.8억원 (총사업비 70%)")
    [f] = findings(tmp_path, text, check_conflicting_values)
    assert f.code == "conflicting_values" and f.severity == "warning"
    assert "기초" in f.message and "‘0.7억원’" in f.message and "‘0.8억원’" in f.message
    assert "□ 지원내용" in f.message and "□ 지원조건" in f.message
    assert {e.quote for e in f.evidence} >= {"0.7억원", "0.8억원"}


def _caps(ann: Announcement) -> list[tuple[str | None, str, int | None]]:
    return [(t.name, f.payer, f.cap_krw) for p in ann.programs for t in p.tracks for f in t.funding]


def test_a_cap_stated_twice_differently_is_withheld(tmp_path: Path) -> None:
    # issue 13: which of 0.7억원 / 0.8억원 holds, the text does not say: the spec carries neither
    text = variant(BASE, "기초\t0.7억원 (총사업비 70%)", "기초\t0.8억원 (총사업비 70%)")
    doc, ann = read(tmp_path, text)
    assert ("기초", "government", 80_000_000) in _caps(ann) or ("기초", "government", 70_000_000) in _caps(ann)
    out = validate(doc, ann)
    assert not [c for c in _caps(out) if c[1] == "government" and c[2] is not None]
    [f] = of(out.findings, "conflicting_values")
    assert "‘0.7억원’" in f.message and "‘0.8억원’" in f.message and "싣지 않았습니다" in f.message
    # what the two sections agree on stays: the share, and the evidence quotes the text
    shares = [f.share_pct for p in out.programs for t in p.tracks for f in t.funding if f.payer == "government"]
    assert 70 in shares
    assert_well_formed(doc, out.findings)
    assert all(doc.text[e.start:e.end] == e.quote for p in out.programs for t in p.tracks
               for f in t.funding for e in f.evidence)
    # the same values stated twice: nothing withheld
    doc, ann = read(tmp_path, BASE)
    assert _caps(validate(doc, ann)) == _caps(ann)


def test_the_per_award_term_is_kept_beside_another_amount(tmp_path: Path) -> None:
    # one of the two readings carries its basis (`과제당`): it is the per-award term and stays
    text = variant(BASE, "기초\t0.7억원 (총사업비 70%)", "기초\t과제당 0.7억원 (총사업비 70%)")
    text = variant(text, "총사업비\t기초\t0.7억원\t0.3억원\t1억원", "총사업비\t기초\t0.8억원\t0.3억원\t1.1억원")
    doc, ann = read(tmp_path, text)
    assert ("기초", "government", 80_000_000) in _caps(ann)  # the first table's amount
    out = validate(doc, ann)
    assert ("기초", "government", 70_000_000) in _caps(out)
    [cap] = [f for p in out.programs for t in p.tracks for f in t.funding if f.payer == "government"]
    assert [e.quote for e in cap.evidence if "cap_krw" in e.supports] == ["0.7억원"]
    [f] = of(out.findings, "conflicting_values")
    assert "싣지 않았습니다" not in f.message
    assert_well_formed(doc, out.findings)


def test_two_sections_give_the_window_different_dates(tmp_path: Path) -> None:
    schedule = "□ 추진일정\n- (접수기간) 2026. 4. 8.(수) ~ 2026. 4. 30.(목)\n"
    text = variant(BASE, "2. 신청자격 및 방법\n", schedule + "2. 신청자격 및 방법\n")
    [f] = findings(tmp_path, text, check_conflicting_values)
    assert "신청기간" in f.message
    assert "2026. 4. 30.(목)" in f.message and "2026. 4. 24.(금) 18시까지" in f.message


def test_the_same_values_stated_twice_agree(tmp_path: Path) -> None:
    schedule = "□ 추진일정\n- (접수기간) 2026. 4. 8.(수) ~ 2026. 4. 24.(금) 18시까지\n"
    text = variant(BASE, "2. 신청자격 및 방법\n", schedule + "2. 신청자격 및 방법\n")
    assert findings(tmp_path, text, check_conflicting_values) == []
    assert findings(tmp_path, BASE, check_conflicting_values) == []  # 0.7억원 in both tables


def test_overview_table_disagrees_with_the_programs_section(tmp_path: Path) -> None:
    text = variant(MASTER, "3억원\t4.8~5.8", "2억원\t4.8~5.15")
    found = findings(tmp_path, text, check_overview_table)
    assert len(found) == 2 and all(f.code == "conflicting_values" for f in found)
    cap, window = sorted(found, key=lambda f: "지원한도" not in f.message)
    assert "로봇활용 제조혁신" in cap.message and "‘2억원’" in cap.message and "3억원" in cap.message
    assert "‘5.15’" in window.message and "2026. 5. 8.(금)" in window.message


def test_a_cap_the_overview_table_contradicts_is_withheld(tmp_path: Path) -> None:
    # issue 13: the overview says 2억원, the section 3억원, neither line printing the basis: the
    # spec carries neither, and the finding says so
    text = variant(MASTER, "3억원\t4.8~5.8", "2억원\t4.8~5.8")
    doc, ann = read(tmp_path, text)
    assert ("government", 300_000_000) in [(c[1], c[2]) for c in _caps(ann)]
    out = validate(doc, ann)
    robot = [p for p in out.programs if "로봇" in p.name]
    assert robot and not [f for t in robot[0].tracks for f in t.funding if f.cap_krw]
    [f] = [f for f in of(out.findings, "conflicting_values") if "로봇활용" in f.message]
    assert "‘2억원’" in f.message and "3억원" in f.message and "싣지 않았습니다" in f.message
    assert_well_formed(doc, out.findings)
    # the other program's cap, which the overview repeats, stays
    assert ("government", 70_000_000) in [(c[1], c[2]) for c in _caps(out)]
    # the section printing the basis keeps its cap
    doc, ann = read(tmp_path, variant(text, "- 정부지원금 최대 3억원", "- 정부지원금 과제당 최대 3억원"))
    assert ("government", 300_000_000) in [(c[1], c[2]) for c in _caps(validate(doc, ann))]


def test_overview_table_agrees_with_the_programs_section(tmp_path: Path) -> None:
    assert findings(tmp_path, MASTER, check_overview_table) == []


# -- 5. completeness -----------------------------------------------------------------------


def _without(ann: Announcement, field: str) -> Announcement:
    program = ann.programs[0].model_copy(update={field: []})
    return ann.model_copy(update={"programs": [program]})


def test_items_under_a_document_heading_that_no_fact_captured(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE)
    found = check_unplaced_items(doc, _without(ann, "documents"))
    assert_well_formed(doc, found)
    assert [f.evidence[0].quote for f in found] == [
        "- 사업계획서 1부", "- 중소기업 확인서 1부", "- 국세 및 지방세 완납 증명서 1부"]
    assert all(f.code == "unplaced_item" and "□ 제출서류" in f.message for f in found)


def test_items_under_exclusion_and_eligibility_headings(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE)
    found = check_unplaced_items(doc, _without(ann, "exclusions"))
    assert [f.evidence[0].quote for f in found] == ["- 국세 및 지방세 체납 중인 기업",
                                                     "- 휴·폐업 중인 기업"]
    found = check_unplaced_items(doc, _without(ann, "eligibility"))
    assert len(found) == 2 and "□ 신청자격" in found[0].message


def test_notes_pointers_and_sub_headings_are_not_items(tmp_path: Path) -> None:
    extra = ("- 사업계획서 1부\n  ※ 서류는 PDF 파일로 제출\n- 작성 방법은 붙임 양식 참조\n"
             "- 온라인 접수 시 첨부\n")
    text = variant(BASE, "- 사업계획서 1부\n", extra)
    doc, ann = read(tmp_path, text)
    found = check_unplaced_items(doc, _without(ann, "documents"))
    quotes = [f.evidence[0].quote for f in found]
    assert "- 작성 방법은 붙임 양식 참조" not in quotes and "- 온라인 접수 시 첨부" not in quotes
    assert not any("※" in q for q in quotes) and "- 사업계획서 1부" in quotes


def test_a_lead_in_whose_lines_were_captured_is_placed(tmp_path: Path) -> None:
    lead_in = "- 다음 부적격 사항에 해당하는 경우 지원 대상에서 제외\n  - 국세 및 지방세 체납 중인 기업\n"
    text = variant(BASE, "- 국세 및 지방세 체납 중인 기업\n", lead_in)
    doc, ann = read(tmp_path, text)
    assert any("체납" in c.text for c in ann.programs[0].exclusions)
    assert check_unplaced_items(doc, ann) == []


def _first_list_only(doc: Document, ann: Announcement, heading: str) -> Announcement:
    """The spec with the exclusions read under `heading` taken out."""
    at = doc.text.index(heading)
    program = ann.programs[0]
    kept = [c for c in program.exclusions if c.evidence[0].start < at]
    return ann.model_copy(update={"programs": [program.model_copy(update={"exclusions": kept})]})


def test_a_list_restating_captured_facts_is_placed(tmp_path: Path) -> None:
    again = ("□ 참여 제외대상\n- 다음에 해당하는 기관은 참여 제외\n  · 국세 및 지방세 체납 중인 기업"
             " · 휴·폐업 중인 기업\n")
    doc, ann = read(tmp_path, variant(BASE, "□ 신청기간 및 방법\n", again + "□ 신청기간 및 방법\n"))
    assert check_unplaced_items(doc, _first_list_only(doc, ann, "□ 참여 제외대상")) == []
    other = again.replace("휴·폐업 중인 기업", "보조금 부정수급 기업")
    doc, ann = read(tmp_path, variant(BASE, "□ 신청기간 및 방법\n", other + "□ 신청기간 및 방법\n"))
    [f] = check_unplaced_items(doc, _first_list_only(doc, ann, "□ 참여 제외대상"))
    assert "□ 참여 제외대상" in f.message and "보조금 부정수급" in f.evidence[-1].quote


def test_a_period_section_whose_dates_became_no_window(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE)
    [f] = check_unplaced_text(doc, _without(ann, "windows"))
    assert_well_formed(doc, [f])
    assert f.code == "unplaced_text" and f.severity == "info"
    assert "□ 신청기간 및 방법" in f.message and "2026. 4. 8.(수)" in f.evidence[0].quote
    assert check_unplaced_text(doc, ann) == []


def test_master_announcement_text_outside_every_program(tmp_path: Path) -> None:
    text = MASTER + "Ⅲ. 향후 일정\n- 선정평가: 2026. 5. 20.(수) 예정\n"
    [f] = findings(tmp_path, text, check_unplaced_text)
    assert "Ⅲ. 향후 일정" in f.message and f.evidence[0].quote == "Ⅲ. 향후 일정"
    # without dates or amounts a section outside the programs is no finding
    assert findings(tmp_path, MASTER + "Ⅲ. 기타\n- 세부 사항은 누리집 참고\n",
                    check_unplaced_text) == []


# -- 5b. reader findings -------------------------------------------------------------------


def test_reader_findings_point_at_the_text_they_name(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE)
    lost = ReadFinding(code="unmapped_glyphs", severity="error", pages=[1],
                       message='12 glyphs have no text behind them, e.g. page 1 reads "중소벤처기업부 장관"')
    [f] = check_reader_findings(doc.model_copy(update={"findings": [lost]}), ann)
    assert (f.code, f.severity) == ("unmapped_glyphs", "error")
    assert [e.quote for e in f.evidence] == ["중소벤처기업부 장관"]


def test_reader_findings_without_an_excerpt_point_at_their_pages(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE)
    paged = [b.model_copy(update={"page": 1 if b.start < 200 else 2}) for b in doc.blocks]
    note = ReadFinding(code="pdf_dropped_object", message="an image could not be read", pages=[2])
    doc = doc.model_copy(update={"blocks": paged, "findings": [note]})
    [f] = check_reader_findings(doc, ann)
    assert "2쪽" in f.message and f.evidence[0].page == 2
    assert check_reader_findings(doc.model_copy(update={"findings": []}), ann) == []


# -- 6. schema and evidence ----------------------------------------------------------------


def test_schema_error_names_the_field_and_the_printed_text(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE)
    assert check_schema(doc, ann) == []
    funding = ann.programs[0].tracks[0].funding[0]
    funding.share_pct = 170.0  # assignment is not validated: the model now holds a bad value
    [f] = check_schema(doc, ann)
    assert f.code == "schema_error" and "share_pct" in f.message and "170" in f.message
    assert f.evidence and all(doc.text[e.start:e.end] == e.quote for e in f.evidence)
    assert "‘0.7억원’" in f.message


def test_fact_without_evidence_and_ungrounded_evidence(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, BASE)
    assert check_evidence(doc, ann) == []
    program = ann.programs[0]
    bare = Clause(text="서울 소재 기업")
    moved = Clause(text="국내 중소 제조기업", evidence=[Evidence(start=0, end=5, quote="국내 중소")])
    program.eligibility.extend([bare, moved])
    found = check_evidence(doc, ann)
    assert_well_formed(doc, found)
    missing, wrong = of(found, "fact_without_evidence"), of(found, "ungrounded_evidence")
    assert len(missing) == 1 and "서울 소재 기업" in missing[0].message
    assert len(wrong) == 1 and "‘국내 중소’" in wrong[0].message
    assert wrong[0].evidence[0].quote == doc.text[0:5]


def test_an_unnamed_track_holding_only_funding_rows_is_no_fact_of_its_own(tmp_path: Path) -> None:
    # msit_ict_rnd_2026: no caps nor periods in the 공고, only the program-wide shares table;
    # the unnamed track carries those rows, each with its evidence
    doc, ann = read(tmp_path, BASE)
    program = ann.programs[0]
    rows = [f for t in program.tracks for f in t.funding if f.evidence]
    program.tracks = [Track(name=None, funding=rows[:1])]
    assert of(check_evidence(doc, ann), "fact_without_evidence") == []
    program.tracks[0].funding.append(rows[0].model_copy(update={"evidence": []}))
    assert len(of(check_evidence(doc, ann), "fact_without_evidence")) == 1
    program.tracks = [Track(name=None, duration_months=6)]
    assert len(of(check_evidence(doc, ann), "fact_without_evidence")) == 1


# -- findings never stop extraction ----------------------------------------------------------


def test_a_failing_check_becomes_a_finding(tmp_path: Path) -> None:
    doc, ann = read(tmp_path, variant(BASE, "2026. 4. 8.(수) ~", "2026. 4. 8.(목) ~"))

    def broken(_doc: Document, _ann: Announcement) -> list[Finding]:
        raise RuntimeError("boom")

    result = validate(doc, ann, [broken, check_printed_dates])
    assert [f.code for f in result.findings] == ["check_failed", "weekday_mismatch"]
    assert "broken" in result.findings[0].message and result.programs == ann.programs


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gonggo", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


def test_check_command_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(BASE, encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(variant(BASE, "2026. 4. 24.(금) 18시까지", "2026. 4. 31.(금) 18시까지"),
                      encoding="utf-8")
    result = run("check", str(broken), "--json")
    assert result.returncode == 0, result.stderr  # errors alone do not fail the command
    payload = json.loads(result.stdout)
    assert [f["code"] for f in payload] == ["impossible_date"]
    assert payload[0]["severity"] == "error" and payload[0]["evidence"][0]["quote"]
    assert run("check", str(broken), "--strict").returncode == 1
    assert run("check", str(broken), "--json", "--strict").returncode == 1
    clean_run = run("check", str(clean), "--strict", "--json")
    assert clean_run.returncode == 0 and json.loads(clean_run.stdout) == []
    warned = tmp_path / "warned.txt"
    warned.write_text(variant(BASE, "2026. 4. 8.(수) ~", "2026. 4. 8.(목) ~"), encoding="utf-8")
    assert run("check", str(warned), "--strict").returncode == 0  # warnings are not errors


def test_extract_emits_the_spec_with_its_findings(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text(variant(BASE, "70%\t30%\t100%", "70%\t20%\t100%"), encoding="utf-8")
    result = run("extract", str(path))
    assert result.returncode == 0, result.stderr
    spec = json.loads(result.stdout)
    assert spec["programs"][0]["documents"] and spec["programs"][0]["windows"]
    assert "shares_do_not_add_up" in {f["code"] for f in spec["findings"]}


# -- the real documents: every finding reported there was read against the text -------------


def _codes_and_quotes(path: Path) -> list[tuple[str, str]]:
    doc = read_document(path)
    found = validate(doc, extract(doc)).findings
    assert_well_formed(doc, found)
    return [(f.code, f.evidence[0].quote if f.evidence else "") for f in found]


def test_seeds_report_only_what_the_documents_print() -> None:
    assert _codes_and_quotes(seed_path("000")) == [("impossible_date", "'26. 11. 31.")]
    assert _codes_and_quotes(seed_path("001")) == []
    assert _codes_and_quotes(seed_path("004")) == []
    # 002 prints November 31 nowhere; its second 부적격 list restates captured exclusions
    assert _codes_and_quotes(seed_path("002")) == []


@needs_samples
@pytest.mark.parametrize(("name", "expected"), [
    # a 입찰공고 is not a support call: one not_an_announcement finding beside the reader's
    # (its date checks are not run: it has no programs)
    ("hwp/gangnam_seum_bid_gongo_2024_distribution.hwp",
     {("not_an_announcement", "용역업체 선정"), ("hwp_distribution", "")}),
    ("pdf/kised_dodak_2025_gonggo.pdf", set()),
])
def test_samples_report_only_what_the_documents_print(name: str, expected: set) -> None:  # type: ignore[type-arg]
    assert set(_codes_and_quotes(SAMPLES / name)) == expected
