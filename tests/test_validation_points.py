"""Evaluation points that do not add up and 가점 caps (issue 15)."""

from __future__ import annotations

from pathlib import Path

from gonggo.validate.points import check_points

from .test_validation import BASE, findings, of, variant

SHEET = """□ 평가항목
평가항목\t평가내용\t배점
연구계획(50)\tRFP 부합성\t{a}
\t창의성\t10
\t추진체계\t10
연구역량(50)\t연구실적\t30
\t참여연구원\t20
합 계\t\t100
"""


def _with(block: str) -> str:
    return variant(BASE, "2. 신청자격 및 방법\n", block + "2. 신청자격 및 방법\n")


def test_section_points_and_the_total_that_do_not_add_up(tmp_path: Path) -> None:
    found = findings(tmp_path, _with(SHEET.format(a="20")), check_points)
    assert {f.code for f in found} == {"points_do_not_add_up"} and len(found) == 2
    group, total = sorted(found, key=lambda f: "합계" in f.message)
    assert "‘연구계획(50)’" in group.message and "‘20+10+10’=40점" in group.message
    assert [e.quote for e in group.evidence] == ["(50)", "20", "10", "10"]
    assert "‘100’" in total.message and "90점" in total.message
    assert group.severity == "error"


def test_points_that_add_up(tmp_path: Path) -> None:
    assert findings(tmp_path, _with(SHEET.format(a="30")), check_points) == []


LABELS = "□ 평가지표\n평가항목(배점)\t평가내용\n기술성(30)\t기술의 우수성\n사업성(40)\t시장성\n파급효과({c})\t기대효과\n"


def test_a_table_without_a_total_that_sums_to_110(tmp_path: Path) -> None:
    [f] = findings(tmp_path, _with(LABELS.format(c="40")), check_points)
    assert "110점" in f.message and "100점" in f.message and "30+40+40" in f.message
    assert findings(tmp_path, _with(LABELS.format(c="30")), check_points) == []


BONUS = "□ 가점\n구분\t대상\t점수\n가점 (최대 2점)\t창업경진대회 수상\t{a}\n\t지역 소재 기업\t1점\n"


def test_a_bonus_item_above_its_cap(tmp_path: Path) -> None:
    [f] = of(findings(tmp_path, _with(BONUS.format(a="3점")), check_points),
             "bonus_cap_inconsistent")
    assert "‘최대 2점’" in f.message and "‘3점’" in f.message and f.severity == "warning"
    assert findings(tmp_path, _with(BONUS.format(a="2점")), check_points) == []


def test_a_cap_the_items_can_never_reach(tmp_path: Path) -> None:
    text = _with(BONUS.format(a="1점").replace("최대 2점", "최대 5점"))
    [f] = findings(tmp_path, text, check_points)
    assert "‘최대 5점’" in f.message and "닿지" in f.message


def test_a_per_item_cap_above_the_total_cap(tmp_path: Path) -> None:
    line = "- 가점은 항목 당 3점, 최대 2점까지 부여\n"
    [f] = findings(tmp_path, _with(line), check_points)
    assert "항목당 3점" in f.message and [e.quote for e in f.evidence] == ["3", "2"]
    ok = "- 가점은 항목 당 1점, 최대 3점까지 부여\n"
    assert findings(tmp_path, _with(ok), check_points) == []
