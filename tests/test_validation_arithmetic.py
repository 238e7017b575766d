"""Worked examples with wrong arithmetic; one share stated against two bases (issue 15)."""

from __future__ import annotations

from pathlib import Path

from gonggo.validate.arithmetic import check_examples, check_share_bases

from .test_validation import BASE, findings, variant


def _with(lines: str) -> str:
    return variant(BASE, "□ 신청자격\n", lines + "□ 신청자격\n")


def test_a_worked_example_whose_product_is_wrong(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _with("※ (예시) 6개월×40% = 2.6 인월\n"), check_examples)
    assert f.code == "example_arithmetic_wrong" and f.severity == "error"
    assert "‘6개월×40%’" in f.message and "2.4" in f.message and "‘2.6’" in f.message
    assert [e.quote for e in f.evidence] == ["6개월×40%", "2.6"]


def test_an_amount_that_is_not_the_printed_share_of_its_total(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _with("※ (예시) 총사업비 1억원의 70%인 0.8억원을 지원\n"),
                   check_examples)
    assert "70,000,000원" in f.message and "‘0.8억원’" in f.message


def test_worked_examples_that_hold(tmp_path: Path) -> None:
    lines = ("※ (예시) 6개월×40% = 2.4 인월, 2,500(천원) × 2.4 = 6,000천원\n"
             "※ (예시) 총사업비 1억원의 70%인 0.7억원을 지원\n"
             "※ (예시) 25백만원 이상/100백만원×100%=25%\n")
    assert findings(tmp_path, _with(lines), check_examples) == []


def test_one_share_against_two_bases(tmp_path: Path) -> None:
    lines = "- 자부담 현금은 총사업비의 10% 이상\n- 자부담 현금은 정부지원금의 10% 이상 납부\n"
    [f] = findings(tmp_path, _with(lines), check_share_bases)
    assert f.code == "share_base_differs" and f.severity == "warning"
    assert "총사업비" in f.message and "정부지원금" in f.message
    assert [e.quote for e in f.evidence] == ["자부담 현금은 총사업비의 10%", "자부담 현금은 정부지원금의 10%"]


def test_one_share_against_one_base(tmp_path: Path) -> None:
    lines = "- 자부담 현금은 총사업비의 10% 이상\n- 자부담 현금은 총사업비의 10% 이상 납부\n"
    assert findings(tmp_path, _with(lines), check_share_bases) == []
