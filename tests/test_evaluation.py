"""Evaluation criteria and bonus points, read on the seeds (values read from the documents)."""

from __future__ import annotations

from gonggo.extractors.evaluation import extract_bonus_points, extract_evaluation
from gonggo.ingest import read_bytes
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Criterion
from gonggo.schemas.document import Document


def _spans_ok(doc: Document, facts: list[Criterion]) -> None:
    for fact in facts:
        assert fact.evidence, fact
        for e in fact.evidence:
            assert doc.text[e.start : e.end] == e.quote


def _scope(seeds, prefix: str, name_part: str | None = None) -> Scope:  # type: ignore[no-untyped-def]
    scopes = seeds[prefix][1]
    return (
        scopes[0] if name_part is None else next(s for s in scopes if name_part in (s.name or ""))
    )


def test_table_with_group_column_and_points_column(seeds) -> None:  # type: ignore[no-untyped-def]
    scope = _scope(seeds, "001")
    crits = extract_evaluation(scope)
    _spans_ok(seeds["001"][0], crits)
    assert len(crits) == 18
    assert sum(c.points or 0 for c in crits) == 100
    assert {c.group for c in crits} == {
        "도입·공급 기업 역량",
        "스마트공장 구축 목표 설정 타당성",
        "스마트공장 구축 내용 적절성",
        "스마트공장 구축 목표달성 가능성",
        "상생지원의 적절성",
    }
    last = crits[-1]
    assert last.points == 10 and last.item.startswith("주관기관의 상생지원 내용이")
    assert not any("합" in c.item[:2] for c in crits)


def test_criteria_list_without_points(seeds) -> None:  # type: ignore[no-untyped-def]
    crits = extract_evaluation(_scope(seeds, "000"))
    assert [c.item for c in crits] == [
        "스마트공장 구축 필요성 및 기대효과",
        "사업 참여 의지",
        "스마트화 수준",
        "스마트공장 추진 계획의 구체성",
    ]
    assert all(c.points is None for c in crits)


def test_flattened_tables_of_a_master_announcement(seeds) -> None:  # type: ignore[no-untyped-def]
    doc = seeds["002"][0]
    first = extract_evaluation(_scope(seeds, "002", "구축 및 고도화"))
    _spans_ok(doc, first)
    onsite = [
        c
        for c in first
        if c.group in ("지원 필요성 및 추진 의지", "사업신청서 내용 및 구축 기대효과")
    ]
    assert len(onsite) == 6 and sum(c.points or 0 for c in onsite) == 100
    assert ("사업 추진배경 및 필요성", 10) in [(c.item, c.points) for c in onsite]
    passfail = [c for c in first if c.points is None]
    assert len(passfail) == 10  # 현장평가 적/부 items
    selection = [c for c in first if c.points is not None and c not in onsite]
    assert sum(c.points or 0 for c in selection) == 100

    host = extract_evaluation(_scope(seeds, "002", "대중소 상생형"))
    assert sum(c.points or 0 for c in host) == 100
    assert ("주관기관의 투자의지, 추진의지", 50, "주관기관 역량") in [
        (c.item, c.points, c.group) for c in host
    ]

    robot = extract_evaluation(_scope(seeds, "002", "로봇활용"))
    assert len(robot) == 8 and sum(c.points or 0 for c in robot) == 100
    assert {c.group for c in robot} == {"기술성", "목표 및 성과타당성", "수행능력"}

    cluster = extract_evaluation(_scope(seeds, "002", "디지털 클러스터"))
    assert len(cluster) == 29  # 기획기관 선정평가 10, 선정평가 10, 적정성 평가 9
    # a program without a scoring table has no criteria (`대상 적합성 … 등을 평가` is no table)
    assert extract_evaluation(_scope(seeds, "002", "사후관리")) == []


def test_grade_scale_rows_take_the_highest_grade(seeds) -> None:  # type: ignore[no-untyped-def]
    doc, scopes = seeds["004"]
    crits = extract_evaluation(scopes[0])
    _spans_ok(doc, crits)
    assert len(crits) == 28
    written = crits[:9]
    assert sum(c.points or 0 for c in written) == 100
    assert written[0].item == "스마트공장 구축 내용 대비 활용 정도" and written[0].points == 15
    # wrapped item whose grades stand on their own line
    assert (
        written[1].item.startswith("스마트공장 구축 후 애로 및 문제점의 해결")
        and written[1].points == 10
    )
    # ○/× items: 4 in 현장평가, 8 in 긴급AS (its `(사업참여)` / `(자체구축)` cases share one mark
    # and are read as two items)
    assert sum(1 for c in crits if c.points is None) == 12
    assert {c.group for c in crits[-8:]} == {
        "긴급복구 해당여부",
        "긴급복구 적합성",
        "긴급복구 적정성",
        "관리 및 활용",
    }


def test_bonus_heading_points_apply_to_items_without_their_own(seeds) -> None:  # type: ignore[no-untyped-def]
    doc = seeds["002"][0]
    bonus = extract_bonus_points(_scope(seeds, "002", "구축 및 고도화"))
    _spans_ok(doc, bonus)
    by_item = {c.item: c for c in bonus}
    assert by_item["코로나19 대응"].points == 5
    assert by_item["스마트공장 교육"].points == 3
    assert any(e.quote == "항목 당 3점" for e in by_item["스마트공장 교육"].evidence)
    assert {
        "조선기자재",
        "일자리 안정자금 지원",
        "군수품 제조기업",
        "사업전환계획 승인기업",
    } <= set(by_item)
    assert all(c.points in (3, 5) for c in bonus)


def test_bonus_same_as_another_program(seeds) -> None:  # type: ignore[no-untyped-def]
    first = extract_bonus_points(_scope(seeds, "002", "구축 및 고도화"))
    cluster = extract_bonus_points(_scope(seeds, "002", "디지털 클러스터"))
    assert [(c.item, c.points) for c in cluster] == [(c.item, c.points) for c in first]
    assert any("가점 항목과 동일" in e.quote for e in cluster[0].evidence)


def test_bonus_items_inline_in_heading_and_in_list(seeds) -> None:  # type: ignore[no-untyped-def]
    robot = extract_bonus_points(_scope(seeds, "002", "로봇활용"))
    assert len(robot) == 5 and all(c.points == 2 for c in robot)
    assert robot[1].item.startswith("작업자 안전을 고려한 로봇")
    assert "강소기업 스타트업100" in robot[-1].item
    sector = extract_bonus_points(_scope(seeds, "002", "업종별 특화"))
    assert len(sector) == 1 and sector[0].points == 3 and "코로나19" in sector[0].item
    cloud = extract_bonus_points(_scope(seeds, "002", "클라우드"))
    assert [(c.item, c.points) for c in cloud] == [("협·단체의 회원사가 1,000개 이상인 경우", 2)]
    # `가점(3점) 부여` as a duty of the host is no bonus of this program
    assert extract_bonus_points(_scope(seeds, "002", "대중소 상생형")) == []
    for prefix in ("000", "001", "004"):
        assert extract_bonus_points(_scope(seeds, prefix)) == []


GRID = """1. 선정절차 및 평가항목
구분\t평가항목\t배점
기술성 (40)\t- 기술의 우수성 (신기술 적용 공정 등)\t10
\t- 로봇시스템 구현의 적정성(제품 규격의 구체성․명확성)\t15
수행능력 (20)\t- 사업비 구성 및 산출의 타당성\t10
합 계\t\t100
2. 가점
□ 가점 내용 : 항목 당 3점, 최대 5점까지 인정
가점항목\t평가 기준 및 제출서류
스마트공장 교육\t∙ 스마트역량강화 사업을 통해 사전 컨설팅을 진행한 기업
코로나19 대응 (* 가점 5점 부여)\t코로나19 대응 관련 방역물품, 백신·치료제 등 제조기업
"""


def test_cell_grid_tables() -> None:
    doc = read_bytes(GRID.encode(), "grid.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    crits = extract_evaluation(scope)
    assert [(c.item, c.points, c.group) for c in crits] == [
        ("기술의 우수성 (신기술 적용 공정 등)", 10, "기술성"),
        (
            "로봇시스템 구현의 적정성(제품 규격의 구체성․명확성)",
            15,
            "기술성",
        ),  # merged cell left empty
        ("사업비 구성 및 산출의 타당성", 10, "수행능력"),
    ]
    bonus = extract_bonus_points(scope)
    assert [(c.item, c.points) for c in bonus] == [("스마트공장 교육", 3), ("코로나19 대응", 5)]
    _spans_ok(doc, crits + bonus)
