"""Outline markers → section tree, on the seeds and constructed cases."""

from __future__ import annotations

import pytest

from gonggo.ingest import read_bytes, read_document
from gonggo.ingest.structure import find_marker

from .conftest import seed_path


def _titles(doc, parent):  # type: ignore[no-untyped-def]
    return [doc.sections[i].title for i in doc.sections[parent].children]


def test_master_announcement_programs_are_siblings() -> None:
    doc = read_document(seed_path("002"))
    top = [s for s in doc.sections if s.parent is None]
    assert [s.marker for s in top][:4] == ["Ⅰ.", "Ⅱ.", "Ⅲ.", "Ⅳ."]
    plan = next(s for s in top if "사업별 지원계획" in s.title)
    programs = [doc.sections[i] for i in plan.children]
    assert [p.marker for p in programs] == [f"({n})" for n in range(1, 11)]
    assert "사후관리" in programs[9].title
    # every program holds its own □ sections, and its blocks know their path
    first = programs[0]
    assert "□ 사업개요" in _titles(doc, first.index)
    block = next(b for b in doc.blocks if b.start > first.start and b.kind == "list_item")
    assert block.section_path[:2] == [plan.index, first.index]


@pytest.mark.parametrize(
    ("prefix", "top_markers", "boxes_under_first"),
    [
        ("000", ["I.", "II."], 0),
        ("001", ["1.", "2.", "3.", "4.", "5.", "6."], 2),
        ("004", ["1.", "2.", "3.", "4.", "5.", "6."], 2),
    ],
)
def test_seed_outline(prefix: str, top_markers: list[str], boxes_under_first: int) -> None:
    doc = read_document(seed_path(prefix))
    top = [s.marker for s in doc.sections
           if s.parent is None and doc.blocks[s.block].kind == "heading"
           and not s.marker.startswith("붙임")]
    assert top[: len(top_markers)] == top_markers
    first = next(s for s in doc.sections if s.marker == top_markers[0])
    boxes = [doc.sections[i] for i in first.children if doc.sections[i].marker == "□"]
    assert len(boxes) == boxes_under_first


def test_appendix_closes_everything() -> None:
    doc = read_document(seed_path("001"))
    appendices = [s for s in doc.sections if s.marker.startswith("붙임")]
    assert appendices and all(s.parent is None for s in appendices)


@pytest.mark.parametrize(
    ("line", "family", "ordinal"),
    [
        ("Ⅲ. 사업별 지원계획", "roman", 3),
        ("IV. 문의 및 연락처", "roman", 4),
        ("1. 사업개요", "num_dot", 1),
        ("(10) 스마트공장 사후관리", "num_paren", 10),
        ("가. 신청자격", "hangul_dot", 1),
        ("□ 지원규모 : 총 5개사", "box", None),
        ("◦ (지원규모) 90개사 내외", "circle", None),
        ("○ 신청기간", "circle", None),
        ("- 고도화 3개사", "dash", None),
        ("* 단, 기초 또는 고도화", "note", None),
        ("※ 신청자격 기타사항", "note", None),
        ("☞ 붙임 참고", "note", None),
        ("붙임 1 참여제한 사업 목록", "appendix", None),
        ("① 공급기업과 기 체결한", "circled", 1),
    ],
)
def test_marker_rules(line: str, family: str, ordinal: int | None) -> None:
    marker = find_marker(line)
    assert marker is not None and marker.family == family
    assert marker.ordinal == ordinal


@pytest.mark.parametrize(
    "line",
    ["2026. 4. 8.", "1.22~2.25", "0.18억원", "-3%", "참고로 말하면", "(50)점"],
)
def test_not_markers(line: str) -> None:
    marker = find_marker(line)
    assert marker is None or marker.family == "num_paren"  # "(50)" is judged in context


def test_score_in_parentheses_is_not_item_fifty() -> None:
    text = "(1) 가\n□ 나\n(2) 다\n(50) - 투자의지 50\n(3) 라\n"
    doc = read_bytes(text.encode(), "s.txt")
    assert [s.marker for s in doc.sections if s.parent is None] == ["(1)", "(2)", "(3)"]


def test_notes_take_no_children_and_restarted_lists_nest() -> None:
    text = "□ 신청자격\n※ 유의\n- 항목1\n1. 첫째\n2. 둘째\n- 항목2\n1. 다시 첫째\n"
    doc = read_bytes(text.encode(), "s.txt")
    box = doc.sections[0]
    kids = [doc.sections[i].title for i in box.children]
    assert kids == ["※ 유의", "- 항목1", "- 항목2"]
    item2 = next(s for s in doc.sections if s.title == "- 항목2")
    assert [doc.sections[i].title for i in item2.children] == ["1. 다시 첫째"]


@pytest.mark.parametrize("line", ["[붙임 4]의 자격 요건을 충족하는 자(기업)", "[별첨 2] 참조", "[붙임2]에 따라 제출"])
def test_an_appendix_reference_mid_sentence_is_not_a_heading(line: str) -> None:
    assert find_marker(line) is None


@pytest.mark.parametrize("line", ["[붙임 4] 서식", "붙임 1. 신청서", "[별첨 2]양식"])
def test_appendix_headings_still_found(line: str) -> None:
    marker = find_marker(line)
    assert marker is not None and marker.family == "appendix"


BOXED = """2025년도 창업 지원사업 공고
1
사업개요
□ 지원대상 : 창업 후 3년 초과 7년 이내 기업
2
지원내용
□ 사업화 자금 최대 3억원
구분 제출서류
1
사업신청서 및 사업계획서 각 1부
"""


def test_boxed_chapter_numbers_become_top_level_headings() -> None:
    doc = read_bytes(BOXED.encode(), "boxed.txt")
    top = [s for s in doc.sections if s.parent is None]
    assert [s.title for s in top] == ["1 사업개요", "2 지원내용"]
    assert _titles(doc, top[1].index) == ["□ 사업화 자금 최대 3억원"]
    # `1` over a document name is a table row number, not chapter 3
    assert not any(s.title.startswith("1 사업신청서") for s in doc.sections)


def _box(text: str, nested: list | None = None):  # type: ignore[no-untyped-def]
    from gonggo.ingest.builder import RawBlock, RawCell, RawTable

    cell = RawCell(row=0, col=0, text=text, nested=nested or [])
    return RawBlock(kind="table", table=RawTable(n_rows=1, n_cols=1, cells=[cell]))


def _build(raw):  # type: ignore[no-untyped-def]
    from gonggo.ingest.builder import build_document
    from gonggo.schemas.document import SourceInfo

    return build_document(raw, SourceInfo(path="x.hwp", sha256="0", format="hwp"))


def test_a_frame_around_a_chapter_joins_the_outline() -> None:
    from gonggo.ingest.builder import RawCell, RawTable

    grid = RawTable(n_rows=1, n_cols=2, cells=[RawCell(row=0, col=0, text="구분"),
                                               RawCell(row=0, col=1, text="내용")])
    doc = _build([_box("□ 사업목적\n○ 중소기업 스마트공장 보급\n○ 지역 제조혁신", nested=[grid])])
    assert [s.title for s in doc.sections if s.parent is None] == ["□ 사업목적"]
    assert len(_titles(doc, 0)) == 2
    assert [b.kind for b in doc.blocks] == ["heading", "list_item", "list_item", "table"]
    assert doc.blocks[-1].table is not None and doc.blocks[-1].table.n_cols == 2


def test_a_one_line_title_box_stays_a_table() -> None:
    doc = _build([_box("2026년도 스마트공장 구축지원 사업 공고")])
    assert [b.kind for b in doc.blocks] == ["table"]


def test_subsection_numbers_boxes_over_bullets_and_restarted_numbering() -> None:
    # real layouts (MOIS R&D call): `3-2.` subsections, a `□` after a `-` item is not inside
    # it, and `1. 2. …` restarted inside an item of chapter `2.` continue as siblings
    text = ("1. 사업 개요\n2. 기타 사항\n ○ 관련 법령을 참조\n - (관련 규정) 처리규정\n"
            "□ 아래의 경우 지원대상에서 제외 처리됨\n ◦ 접수마감일 현재 다음의 어느 하나에 해당하는 경우\n"
            "1. 기업의 부도\n2. 세무당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우\n"
            "3-2. 신청제한\n① 연구자가 국가연구개발사업 참여제한 기간 중에 있는 경우\n")
    doc = read_bytes(text.encode(), "s.txt")
    by_title = {s.title: s for s in doc.sections}
    box = by_title["□ 아래의 경우 지원대상에서 제외 처리됨"]
    assert doc.sections[box.parent].title == "2. 기타 사항"  # not under `- (관련 규정)`
    one, two = by_title["1. 기업의 부도"], by_title["2. 세무당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우"]
    assert one.parent == two.parent
    assert by_title["3-2. 신청제한"].marker == "3-2."


def test_an_appendix_title_table_closes_the_outline() -> None:
    from gonggo.ingest.structure import APPENDIX_TITLE_TABLE

    assert APPENDIX_TITLE_TABLE.match("참고 2\t\t서면평가 항목")
    assert not APPENDIX_TITLE_TABLE.match("2-1\t[붙임1] 신청자격의 적정성 확인서(필수)\t온라인 전산 입력(PDF)")


def test_structure_fields_are_recorded_as_set() -> None:
    """structure_blocks sets block fields as dict keys before validation: the values and the set of
    fields a block records as set must be what the setter would have left."""
    doc = read_document(seed_path("002"))
    marked = [b for b in doc.blocks if b.marker is not None]
    placed = [b for b in doc.blocks if b.section is not None]
    assert marked and placed
    for b in marked:
        assert {"kind", "marker", "level"} <= b.model_fields_set
        assert b.kind in ("heading", "list_item") and b.level == len(b.section_path)
    for b in placed:
        assert {"section", "section_path"} <= b.model_fields_set
        assert b.section_path[-1] == b.section
    for b in doc.blocks:
        if b.section is None:
            assert not {"section", "section_path", "marker", "level"} & b.model_fields_set
    # the document re-validates to an equal one
    assert type(doc).model_validate_json(doc.model_dump_json()) == doc
