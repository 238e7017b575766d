"""Mandatory budget lines and fee tables, read on the seeds (values read from the documents)."""

from __future__ import annotations

from gonggo.extractors.costs import extract_costs
from gonggo.ingest import read_bytes
from gonggo.reading.scope import Scope


def test_mandatory_lines_and_fee_table(seeds) -> None:  # type: ignore[no-untyped-def]
    doc, scopes = seeds["001"]
    costs = extract_costs(scopes[0])
    for c in costs:
        assert c.evidence and all(doc.text[e.start : e.end] == e.quote for e in c.evidence)
    assert [(c.item, c.amount_krw, c.condition) for c in costs] == [
        ("원가계산비용", 1_500_000, None),
        (
            "교육비",
            1_000_000,
            None,
        ),  # `1백만원` in the list, `교육비 100만원 계상` in the table: one cost
        ("기술임치비", 450_000, None),
        ("정산 수수료", 455_000, "50백만원 이하"),
        ("정산 수수료", 637_000, "200백만원 이하"),
        ("정산 수수료", 910_000, "400백만원 이하"),
        ("정산 수수료", 1_182_000, "400백만원 초과"),
    ]
    education = costs[1]
    assert {e.quote for e in education.evidence} >= {"1백만원", "100만원"}


def test_support_and_optional_lines_are_no_costs(seeds) -> None:  # type: ignore[no-untyped-def]
    # 000: `기술임치수수료 전액 지원` (paid by the host);
    # 002 (6): `수준확인비용 지원(기업당 80만원)`; 002 (1): `인건비 … 사업비에 포함 가능`
    assert extract_costs(seeds["000"][1][0]) == []
    assert extract_costs(seeds["004"][1][0]) == []
    by_name = {s.name: extract_costs(s) for s in seeds["002"][1]}
    assert [(c.item, c.amount_krw) for c in by_name["스마트화 역량강화"]] == [
        ("컨설팅 비용", 10_000_000)
    ]
    assert sum(len(v) for v in by_name.values()) == 1


def test_fee_table_named_by_its_column() -> None:
    text = "□ 유의사항\n구분\t수수료\n기술임치 신규\t300천원\n기술임치 갱신\t150천원\n"
    doc = read_bytes(text.encode(), "fees.txt")
    costs = extract_costs(Scope(doc=doc, start=0, end=len(doc.text)))
    assert [(c.item, c.amount_krw, c.condition) for c in costs] == [
        ("수수료", 300_000, "기술임치 신규"),
        ("수수료", 150_000, "기술임치 갱신"),
    ]
