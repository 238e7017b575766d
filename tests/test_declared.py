"""Declared changes, read on the seeds (values read from the documents)."""

from __future__ import annotations

from gonggo.extractors.declared import extract_declared_changes
from gonggo.ingest import read_bytes, read_document

from .conftest import seed_path


def test_changes_section_of_a_master_announcement() -> None:
    doc = read_document(seed_path("002"))
    changes = extract_declared_changes(doc)
    for c in changes:
        assert c.evidence and all(doc.text[e.start : e.end] == e.quote for e in c.evidence)
    topics = [c.topic for c in changes]
    assert topics[0] == "스마트공장 구축 및 고도화 / 지원유형"
    by_topic = {c.topic: c for c in changes}
    recruit = by_topic["스마트공장 구축 및 고도화 / 모집방식"]
    assert (recruit.before, recruit.after) == ("연중수시 모집", "차수별 모집·선정(3차+α)")
    cloud = next(c for c in changes if c.topic and c.topic.endswith("클라우드"))
    assert (cloud.before, cloud.after) == ("3년", "5년")
    bonus = [c for c in changes if c.topic == "스마트공장 구축 및 고도화 / 가점"]
    assert len(bonus) == 7 and all(c.before is None for c in bonus)
    assert (
        bonus[3].after
        == "스마트공장 재직자 장기심화과정, CEO 대상 스마트화 리더십 이수 기업(3점) 추가"
    )
    assert "로봇활용 제조혁신 / 가점" in topics and "스마트공장 사후관리 / 신설" in topics
    # a nested 기존 ⇨ 개편 table whose columns the text export ran together: topic and evidence only
    kinds = by_topic["스마트공장 구축 및 고도화 / 추진절차"]
    assert kinds.before is None and kinds.after is None and len(kinds.evidence) == 3
    # outside the section: `’개별기업 → 기업군 묶음의 일괄지원*’ 방식으로 전환`
    assert ("스마트공장 구축비", "개별기업", "기업군 묶음의 일괄지원*") in [
        (c.topic, c.before, c.after) for c in changes
    ]
    assert len(changes) == 22


def test_no_changes_declared() -> None:
    for prefix in ("000", "001", "004"):
        assert extract_declared_changes(read_document(seed_path(prefix))) == []


def test_before_after_table() -> None:
    text = (
        "Ⅱ. 주요 변경사항\n구분\t기존('20)\t개편('21)\n"
        "지원유형\t고도화 (1.5억원)\t고도화2 (4억원)\n"
        "모집방식\t연중수시 모집\t차수별 모집·선정(3차+α)\n"
    )
    doc = read_bytes(text.encode(), "grid.txt")
    changes = extract_declared_changes(doc)
    assert [(c.topic, c.before, c.after) for c in changes] == [
        ("지원유형", "고도화 (1.5억원)", "고도화2 (4억원)"),
        ("모집방식", "연중수시 모집", "차수별 모집·선정(3차+α)"),
    ]
