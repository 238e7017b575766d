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


# msit_bio_rfp_2026 (an RFP sheet, no cover): the sheet's first table names the RFP
RFP_SHEET = """관리번호\t2026–뇌·첨단의공학 01-지정공모-10\tRFP
사업명\t바이오·의료기술개발 - 인공지능바이오\t
RFP명\tK-NeuroMind: 인지기능 브레인 파운데이션 모델 개발\t
1. 추진배경
ㅇ 선정 과제 수 : 2개 과제 내외
"""


def test_an_rfp_sheet_is_titled_by_its_rfp_name_row(tmp_path: Path) -> None:
    path = tmp_path / "rfp.txt"
    path.write_text(RFP_SHEET, encoding="utf-8")
    spec = parse(path).spec
    assert spec.title == "K-NeuroMind: 인지기능 브레인 파운데이션 모델 개발"
    [span] = spec.evidence_of["title"]
    assert RFP_SHEET[span.start:span.end] == spec.title
    # without a name row the first line stays the title, as before
    path.write_text(RFP_SHEET.replace("RFP명", "비고"), encoding="utf-8")
    assert parse(path).spec.title.startswith("관리번호")
