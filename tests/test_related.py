"""Related programs (contract v2): programs an applicant may not run at the same time. Rows and
sentences copied from dev announcements (창업중심대학 붙임 3, 실험실 특화형 창업선도대학)."""

from __future__ import annotations

from gonggo.extractors.related import extract_related_programs
from gonggo.ingest import read_bytes
from gonggo.reading.scope import Scope


def _found(text: str) -> list[tuple[str, str]]:
    doc = read_bytes(text.encode("utf-8"), "t.md")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    found = extract_related_programs(scope)
    for r in found:
        assert all(doc.text[e.start:e.end] == e.quote for e in r.evidence)
        assert r.evidence[0].quote == r.name
    return [(r.name, r.relation) for r in found]


def test_a_list_of_programs_not_to_run_at_the_same_time():
    text = """\
붙임 3

2026년 동시수행 불가한 창업지원사업 목록

| 연번 | 창업지원사업명 | 소관 부처 |
|---|---|---|
| 1 | ㆍ예비창업패키지 | 중소벤처기업부 |
| 2 | ㆍ예비창업패키지(사내벤처팀) | 중소벤처기업부 |
| 36 | ㆍ대전 방산혁신클러스터 드론특화 창업 지원사업 | 방위사업청 |
"""
    assert _found(text) == [("예비창업패키지", "concurrent_restriction"),
                            ("예비창업패키지(사내벤처팀)", "concurrent_restriction"),
                            ("대전 방산혁신클러스터 드론특화 창업 지원사업", "concurrent_restriction")]


def test_a_bracketed_program_in_a_sentence_forbidding_both():
    text = ("○ 본 사업에 신청한 참여연구원(창업대표 혹은 실험실 연구원)이 ’25년 「공공기술기반 시장연계 "
            "창업탐색지원」사업에 동일 참여연구원(EL 혹은 EM)으로 지원하거나, 동일 창업 아이템으로 지원하여 "
            "최종 선정되는 경우, 중복 수행이 불가능함\n")
    assert _found(text) == [("공공기술기반 시장연계 창업탐색지원", "concurrent_restriction")]


def test_laws_and_uncaptioned_tables_are_not_programs():
    text = """\
○ 「국가연구개발혁신법」 제32조에 따른 제재 중인 자는 중복 지원 불가

| 연번 | 사업명 | 담당부서 |
|---|---|---|
| 1 | 가축질병대응기술개발사업 | 농림식품기술기획평가원 |
"""
    assert _found(text) == []
