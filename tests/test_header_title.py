"""The title when the first page is read out of order: the announcing sentence's bracketed name."""

from pathlib import Path

from gonggo.pipeline import parse

SCRAMBLED = """농림축산식품부 공고 제 2021-86호 공고 개요
2021년도 스마트팜 다부처패키지
□ 재공고 사유
혁신기술개발 시행계획 재공고
｢2021년도 스마트팜 다부처패키지 혁신기술개발 시행계획｣을 다음과
접수 결과,단독접수 된 과제에 대해 재공고 실시
같이 재공고합니다. □ 공고규모 :정부지원연구개발비 68억 원 이내
농림축산식품부장관
2021년 3월 9일
"""


def test_a_scrambled_first_page_takes_the_bracketed_name(tmp_path: Path) -> None:
    path = tmp_path / "scrambled.txt"
    path.write_text(SCRAMBLED, encoding="utf-8")
    spec = parse(path).spec
    assert spec.title == "2021년도 스마트팜 다부처패키지 혁신기술개발 시행계획"
    [span] = spec.evidence_of["title"]
    assert SCRAMBLED[span.start:span.end] == spec.title
    assert "공고 제" not in spec.programs[0].name
