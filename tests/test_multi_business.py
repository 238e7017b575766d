"""A call for several 사업 at once: the title joins them, `□ 사업목적` / `□ 지원대상 사업` list
one item per 사업, and the body's terms are shared by all of them (reading.programs
listed_scopes).

Lines copied from the 2026년도 제1차 정보통신‧방송 기술개발 및 정보통신 표준개발지원사업 call
(samples/hwp/msit_ict_rnd_2026_1st_gonggo.hwp): its title, 사업목적 and 지원대상 사업 blocks, the
전산접수기간, two items of 사전지원제외 대상 and rows of the 문의처 table (one per 부문 and the
표준화 row). The negatives are single-사업 layouts that list parts of one 사업.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_bytes, read_document
from gonggo.reading.programs import split_programs

HEAD = """\
과학기술정보통신부 공고 제2026-0002호

# 2026년도 제1차 정보통신‧방송 기술개발 및 정보통신 표준개발지원사업 신규지원 대상과제 공고

2026년 1월 2일

부총리 겸 과학기술정보통신부 장관

"""

LISTS = """\
□ 사업목적
 ○ 정보통신·방송 기술개발사업
 - ICT R&D 정책을 실현하고, 민간 수요를 충족시킬 수 있는 미래선도형 ICT 핵심 원천・융합기술 개발 지원
 ○ 정보통신방송표준개발지원사업
 - ICT 융합기반 新산업․新시장 개척을 위한 선제적 표준개발 및 우리 ICT 기술의 국제표준 채택, 의장단 진출 등 글로벌 표준화 리더십 강화를 위한 국내외 표준화활동 지원
□ 지원대상 사업
 ○ 정보통신・방송 기술개발사업의 인공지능, AI반도체, 양자, 통신·네트워크, 전파·위성, 사이버보안, SW·자율주행, 방송·콘텐츠, 디지털 융합 부문
 ○ 정보통신방송표준개발지원사업
"""

BODY = """\
□ 공고기간 : 2026. 1.2.(금) ~ 2026. 2.10.(화) 15시까지, 40일간
 ○ 전산접수기간 : 2026. 1.19.(월) ~ 2026. 2.10.(화) 15시까지(IRIS 시스템 시간 기준)

□ 사전지원제외 대상

 o 신청과제가 공고된 과제제안요구서(RFP)의 목표 및 내용에 부합하지 않는 경우
 o 신청과제의 기술개발 목표 및 내용이 기 지원, 기 개발된 과제와 동일한 경우

□ 문의처

| 부문 | 세부사업명 | 내역사업명 | 과제 기획 관련 문의 | 과제 평가 관련 문의 |
|---|---|---|---|---|
| 인공지능 | 경량·저전력AI 한계극복기술개발 | 경량·저전력AI 한계극복기술개발 | 042-612-8522 | 042-612-8522 |
|  | 초거대산업 AI 연구지원 | 초거대산업 AI 연구지원 | 042-612-8522 | 042-612-8522 |
| AI반도체 | PIM인공지능반도체핵심기술개발 | PIM혁신기반기술 | 042-612-8634 | 042-612-8099 |
| 양자 | 국방 양자암호통신·복합센서 기술개발 | 국방양자기술개발 | 042-612-8366 | 042-612-8363 |
| 표준화 | 정보통신방송표준개발지원 | 표준개발 | 042-612-8574 | 042-612-8572 |
"""


def _doc(text: str):
    return read_bytes(text.encode("utf-8"), "t.md")


def test_listed_businesses_are_programs_sharing_the_body():
    doc = _doc(HEAD + LISTS + BODY)
    scopes = split_programs(doc, None)
    assert [s.name for s in scopes] == ["정보통신·방송 기술개발사업", "정보통신방송표준개발지원사업"]
    for s in scopes:
        assert s.name_span is not None and doc.text[s.name_span[0]:s.name_span[1]] == s.name
    spec = extract(doc)
    first, second = spec.programs
    # the body's terms reach both programs, with the same evidence
    for field in ("windows", "exclusions"):
        assert getattr(first, field) and getattr(first, field) == getattr(second, field), field
    assert [(w.opens.isoformat(), w.closes.isoformat()) for w in first.windows] == [
        ("2026-01-19", "2026-02-10T15:00:00+09:00")]
    assert len(first.exclusions) == 2
    # the 문의처 table's rows go to the 사업 they name: by its 부문 (a row without one continues
    # the row above) or by its name (`정보통신방송표준개발지원`)
    phones = [{p for c in prog.contacts for p in c.phones} for prog in spec.programs]
    assert phones[0] == {"042-612-8522", "042-612-8634", "042-612-8099", "042-612-8366",
                         "042-612-8363"}
    assert phones[1] == {"042-612-8574", "042-612-8572"}
    for prog in spec.programs:
        for c in prog.contacts:
            assert all(doc.text[e.start:e.end] == e.quote for e in c.evidence)


def test_each_listing_alone_splits_the_call():
    """Either list names the 사업 (a call may print only one of them), under the other wordings
    of its heading (`□ 지원대상 사업 및 목적` as pipc_privacy_rnd_2026 prints it) and with the other
    item markers."""
    purposes = LISTS.split("□ 지원대상 사업")[0]
    targets = "□ 지원대상 사업" + LISTS.split("□ 지원대상 사업")[1]
    numbered = targets.replace(" ○ 정보통신・", "  1) 정보통신・").replace(" ○ 정보통신방송", "  2) 정보통신방송")
    variants = [purposes, targets, purposes.replace("○ ", "○"), numbered,
                targets.replace("□ 지원대상 사업", "□ 지원대상 사업 및 목적"),
                targets.replace("□ 지원대상 사업", "□ 공고 대상사업"),
                purposes.replace("□ 사업목적", "□ 사업개요")]
    variants += [targets.replace("○ ", marker) for marker in ("◦ ", "ㅇ ", "• ", "- ", "① ")]
    for lists in variants:
        names = [s.name.replace("・", "·") for s in split_programs(_doc(HEAD + lists + BODY), None)]
        assert names == ["정보통신·방송 기술개발사업", "정보통신방송표준개발지원사업"], lists


def test_parts_of_one_business_are_not_programs():
    # one 사업's 세부사업 (names from the same call's 문의처 / IRIS guide): the title names one 사업
    title = HEAD.replace("정보통신‧방송 기술개발 및 정보통신 표준개발지원사업",
                         "정보통신・방송 기술개발사업(SW‧자율주행부문)")
    details = """\
□ 지원대상 사업
 ○ SW컴퓨팅산업원천기술개발사업
 ○ 차세대지능형반도체기술개발사업
"""
    assert len(split_programs(_doc(title + details + BODY), None)) == 1
    # one 사업 over several 부문: the same 사업 in every item
    divisions = """\
□ 지원대상 사업
 ○ 정보통신・방송 기술개발사업의 인공지능, AI반도체 부문
 ○ 정보통신・방송 기술개발사업의 양자, 통신·네트워크 부문
"""
    assert len(split_programs(_doc(title + divisions + BODY), None)) == 1
    # purposes, not names (pipc_privacy_rnd_2025's 사업목적)
    purposes = """\
□ 사업목적
 ○ 全국민이 안심하는 안전하고 투명한 신뢰기반의 AI 활용 기반 마련
 ○ 기술로 인한 개인정보 침해 등 부작용 해소를 위한 AI 환경에서의 프라이버시 보호 기술 등 개발
"""
    assert len(split_programs(_doc(HEAD + purposes + BODY), None)) == 1


def test_a_table_naming_one_business_per_row_only_in_part_stays_shared():
    # a row that names neither 사업 under a 부문 cell of its own: the table is nobody's to split
    body = BODY.replace("|  | 초거대산업 AI 연구지원 |", "| 공통 | 초거대산업 AI 연구지원 |")
    spec = extract(_doc(HEAD + LISTS + body))
    first, second = ({p for c in prog.contacts for p in c.phones} for prog in spec.programs)
    assert first == second and "042-612-8574" in first


SAMPLE = Path(os.environ.get("GONGGO_SHARED_CORPUS", Path(__file__).resolve().parents[2]
                             / "shared" / "corpus")).parent / "samples" / "hwp" \
    / "msit_ict_rnd_2026_1st_gonggo.hwp"


@pytest.mark.skipif(not SAMPLE.exists(), reason="needs ../shared/samples")
def test_real_call_reads_two_programs_with_their_own_contacts():
    doc = read_document(SAMPLE)
    spec = extract(doc)
    assert [p.name for p in spec.programs] == ["정보통신·방송 기술개발사업", "정보통신방송표준개발지원사업"]
    first, second = spec.programs
    assert first.documents == second.documents and len(first.documents) >= 11
    assert first.exclusions == second.exclusions and first.windows == second.windows
    # 41 rows of the 문의처 table and the 중복성 제기처 vs the 표준화 row and the 제기처
    assert len(first.contacts) > 30
    assert {p for c in second.contacts for p in c.phones} == {
        "042-612-8574", "042-612-8572", "042-612-8610", "042-612-8613"}
