"""Documents lists in the prints other announcements use (issue 13, docs8): the list on its
label's line with an aside between label and colon, a ranked title carrying its list, and
the documents layout variants of `gonggo.eval.variants_layout` (each keeps what it rewrites)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.eval.variants_layout import BY_NAME as LAYOUT
from gonggo.eval.variants_layout import doc_sections
from tests.variants_support import parse_text

PREAMBLE = ("중소벤처기업부 공고 제2025-10호\n2025년 스마트공장 지원사업 공고\n□ 지원내용\n○ 기업당 최대 5천만원\n"
            "□ 신청기간 : 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지\n")
# names from motie_industry_talent_hrd_council_2025's `다. 신청 구비서류(…)` list
DOCS = ["연구개발계획서", "연구개발기관의 신청자격 적정성 확인서", "개인정보 및 과세정보 제공활용동의서"]
INLINE = ", ".join(f"{d} 1부" for d in DOCS)
LAYOUTS = {
    "items": "□ 제출서류\n" + "".join(f"○ {d} 1부\n" for d in DOCS),
    "inline": f"□ 제출서류 : {INLINE}\n",
    "inline_each": f"□ 제출서류 : {', '.join(DOCS)} 각 1부\n",
    # the label's aside before the colon (motie_industry_talent_hrd_council_2025's title,
    # kspo_public_data_contest_2023's `제출서류(붙임 참조)`)
    "inline_aside": f"□ 제출서류(붙임 참조) : {INLINE}\n",
    "item_aside": f"□ 신청방법\n○ 제출서류(붙임 참조) : {INLINE}\n",
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_documents_list_in_every_layout(layout: str, tmp_path: Path) -> None:
    result = parse_text(PREAMBLE + LAYOUTS[layout] + "□ 문의처\n○ 중소벤처기업부 044-204-7253\n", tmp_path)
    got = [d.name for p in result.spec.programs for d in p.documents]
    assert got == DOCS
    text = result.document.text
    assert all(text[e.start:e.end] == e.quote for p in result.spec.programs for d in p.documents
               for e in d.evidence)


# a document whose headings are ranked titles (`가.` … `라.`) the outline leaves paragraphs
RANKED = ("산업통상자원부 공고 제2025-100호\n2025년 산업혁신인재성장 지원사업 공고\n1. 사업개요\n 가. 지원내용\n"
          " □ 과제당 최대 5억원\n 나. 신청기간\n □ 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지\n")


@pytest.mark.parametrize("title", [
    "다. 신청 구비서류 : ",
    "다. 신청 구비서류(협약서류는 과제 선정 시, 별도 안내 예정) : ",  # motie_industry_talent_hrd_council_2025
])
def test_a_ranked_title_carrying_its_list(title: str, tmp_path: Path) -> None:
    result = parse_text(RANKED + title + INLINE + "\n라. 문의처\n □ 산업통상자원부 044-203-4228\n", tmp_path)
    assert [d.name for p in result.spec.programs for d in p.documents] == DOCS


SECTION = "□ 제출서류\n◦ 사업계획서 1부\n◦ 사업자등록증명 (해당시)\n◦ 국세 및 지방세 완납증명서 각 1부\n□ 평가절차\n"


def test_documents_sections_and_their_rewrites() -> None:
    lines = SECTION.split("\n")
    (sec,) = doc_sections(lines)
    assert (sec.head, len(sec.entries), sec.last) == (0, 3, 3)
    assert LAYOUT["docs_inline_label"].apply(SECTION).split("\n")[0] == (
        "□ 제출서류 : 사업계획서 1부, 사업자등록증명 (해당시), 국세 및 지방세 완납증명서 각 1부")
    assert LAYOUT["docs_table_columns"].apply(SECTION).split("\n")[1:5] == [
        "연번\t서류명\t부수\t비고", "1\t사업계획서\t1부\t-", "2\t사업자등록증명\t-\t해당시",
        "3\t국세 및 지방세 완납증명서\t각 1부\t-"]
    assert LAYOUT["docs_groups"].apply(SECTION).split("\n")[1:6] == [
        "공통 제출서류", "◦ 사업계획서 1부", "◦ 국세 및 지방세 완납증명서 각 1부", "해당 시 제출서류",
        "◦ 사업자등록증명"]
    # inline forms need every entry to name its copies (`각 1부`) or to be a leaf
    assert LAYOUT["docs_inline_each"].apply(SECTION) == SECTION
    table = "□ 제출서류\n연번\t서류명\t비고\n1\t사업계획서 1부\t필수\n2\t사업자등록증명\t해당시\n□ 평가\n"
    assert LAYOUT["docs_table_flat"].apply(table) == table.replace("\t", " ")


# rows of documents tables as a PDF's text prints them, cells joined by spaces (the row number
# already read): pipc_privacy_rnd_2026, mois_regional_disaster_rnd_2026, msit_ict_rnd_2026_1st,
# kised_dodak_2025, daegutp_startup_scaleup_rnd_2026
FLAT_ROWS = [
    ("신청자격 적정성 및 자가진단서 필수 필수 모든 신청기관(주관/공동/위탁) 작성 후 제출",
     "신청자격 적정성 및 자가진단서", True, None),
    ("[별첨4] 사전지원제외 기관 변경 요청서(필요시) - 주관연구개발기관", "사전지원제외 기관 변경 요청서", True, "필요시"),
    ("연구개발계획서 주관연구개발기관 제출 필수 신청 시", "연구개발계획서", True, None),
    ("사업신청서 온라인 입력 -", "사업신청서", True, None),
    ("발표자료 접수 후 별도 안내", "발표자료", True, None),
    ("기술기여도 산정 근거 해당시 해당시 신청기관(주관/공동) 중 기술료등납부의무기관만 제출",
     "기술기여도 산정 근거", True, "해당시"),
    ("우대사항 증빙서류 선택 해당 신청기관만 제출", "우대사항 증빙서류", False, None),
    ("기타 제출서류 파일 첨부", "기타 제출서류", True, None),
    ("사업계획서 1부 서식 2 필수 ○ ×", "사업계획서", True, None),
    # a category cell before the name, a free-text 용도 cell after it (suwon_carbon_neutral_livinglab_2026)
    ("공통3 현금(납입) 부담 확약서 매칭금 확인 ⦁붙임 양식 참고(해당 시)", "현금(납입) 부담 확약서", True, "해당 시"),
    ("공통8 법인등기부등본 및 사업자등록증명원 자격 검토 ⦁개인사업자인 경우 사업자등록증명원만 제출",
     "법인등기부등본 및 사업자등록증명원", True, None),
    ("연구데이터 관리계획서 연구데이터 공개 대상과제 해당시 주관연구개발기관 제출 해당시 필수 신청 시",
     "연구데이터 관리계획서", True, "해당시"),  # msit_ict_rnd_2026_1st
    # a name that holds a party word: no cell follows a document's ending
    ("주관연구개발기관 연구책임자 국가연구개발사업 과제 목록 필수 필수 주관연구개발기관 작성 제출",
     "주관연구개발기관 연구책임자 국가연구개발사업 과제 목록", True, None),
]


@pytest.mark.parametrize(("row", "name", "required", "condition"), FLAT_ROWS)
def test_a_flattened_row_keeps_its_cells_out_of_the_name(row: str, name: str, required: bool | None,
                                                         condition: str | None) -> None:
    from gonggo.extractors.documents import parse_doc_line

    (got,) = parse_doc_line(row, strict=False, flat=True)
    assert (got.name, got.required, got.condition) == (name, required, condition)


def test_a_flattened_row_read_alone_keeps_its_words() -> None:
    """Only a row under a flattened table's head is cut: a list item's words stay whole."""
    from gonggo.extractors.documents import parse_doc_line

    (got,) = parse_doc_line("발표자료 접수 후 별도 안내", strict=False)
    assert got.name == "발표자료 접수 후 별도 안내"


TABLE = ("□ 제출서류\n번호\t제출서류\t제출여부\t제출처\n1\t사업신청서\t필수\t온라인 입력\n"
         "2\t[붙임1] 신청자격 적정성 확인서(필수)\t필수\t온라인 업로드(PDF)\n3\t중소기업 확인서\t해당시\t-\n")


def test_a_documents_table_flattened_by_a_pdf(tmp_path: Path) -> None:
    flat = LAYOUT["docs_table_flat"].apply(TABLE)
    assert flat.split("\n")[1] == "번호 제출서류 제출여부 제출처"
    spec = parse_text(PREAMBLE + flat + "□ 문의처\n○ 중소벤처기업부 044-204-7253\n", tmp_path).spec
    got = [d.name for p in spec.programs for d in p.documents]
    assert got == ["사업신청서", "신청자격 적정성 확인서", "중소기업 확인서"]


SUWON = ("□ 제출 서류\n구분 제출서류 용도 비 고\n공통1 사업계획서 의견 조회 및 자격 검토 ⦁붙임 양식 참고\n"
         "공통2 사업 참여 확약서 자격 검토 ⦁붙임 양식 참고\n공통3 국세, 지방세 완납증명서 자격 검토 -\n"
         "5 평가 기준 및 유의사항\n")


def test_unnumbered_rows_under_a_flattened_head(tmp_path: Path) -> None:
    """suwon_carbon_neutral_livinglab_2026's table as a PDF's text flattens it: rows that open
    with a category cell, not a number, beside a numbered chapter title."""
    spec = parse_text(PREAMBLE + SUWON + "□ 문의처\n○ 수원도시재단 031-000-0000\n", tmp_path).spec
    got = [d.name for p in spec.programs for d in p.documents]
    assert got == ["사업계획서", "사업 참여 확약서", "국세, 지방세 완납증명서"]


SEED_001 = ("○ (제출서류) 사업 신청 시 아래 서류를 온라인으로 등록\n구분 제출서류 목록\n"
            "공통 제출 (도입·공급기업) - 사업계획서 - 국세·지방세 완납 증명서 각 1부(발행일로부터 3개월 이내)\n"
            "도입기업 제출 - 중소기업 확인서(발행일로부터 3개월 이내) - 최근 3개년도 재무제표 각 1부\n")


def test_a_category_cell_then_bullets_in_a_flattened_row(tmp_path: Path) -> None:
    """seed 001's `구분 | 제출서류 목록` table, its name cells bulleted, as a PDF's text prints it."""
    spec = parse_text(PREAMBLE + SEED_001 + "□ 문의처\n○ 중소벤처기업부 044-204-7253\n", tmp_path).spec
    docs = [d for p in spec.programs for d in p.documents]
    assert [d.name for d in docs] == ["사업계획서", "국세·지방세 완납 증명서", "중소기업 확인서", "최근 3개년도 재무제표"]
    assert docs[2].submitters == ["도입기업"]


@pytest.mark.parametrize("seed", ["000_50e8d47739c6eae6.txt", "001_0673f44f76dcc290.txt"], ids=lambda n: n[:3])
def test_seed_documents_tables_flattened_keep_every_fact(seed: str, tmp_path: Path) -> None:
    """The seeds' documents tables as a PDF's text prints them: every fact (all families) kept."""
    from gonggo.eval.variants import compare_facts
    from tests.variants_support import parsed_facts, seed_text

    text = seed_text(seed)
    new = LAYOUT["docs_table_flat"].apply(text)
    assert new != text
    lost, gained = compare_facts(parsed_facts(text, tmp_path / "a", seed),  # type: ignore[arg-type]
                                 parsed_facts(new, tmp_path / "b", seed))  # type: ignore[arg-type]
    assert not lost and not gained, f"lost {lost}\ngained {gained}"
