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


# --- list numberings standing in for heading numberings (`가)` for `가.`, `1)` for `(1)`) ------

# real lines (MOTIE HRD council call, a PIPC R&D call), numbered `가)` as other calls number them
HANGUL_HALF_HEADINGS = (
    "□ 산업계 주도의 체계적 인력수요 발굴을 통해 정부 및 인력양성 기관에 전달\n"
    "가) 주관연구개발기관 신청자격\n"
    " □ 해당 산업 분야의 대표성이 있으며, ｢산업발전법｣ 제12조에 따른 기관\n"
    "나) 지원제외 대상\n"
    " □ 국가연구개발사업에 참여 제한 중인 자(기관 및 개인)\n"
    " * 국가연구개발사업종합관리시스템(NTIS)의 사업과제-제재정보에서 확인\n")


def _kinds(text: str) -> dict[str, str]:
    doc = read_bytes(text.encode(), "s.txt")
    return {s.title: doc.blocks[s.block].kind for s in doc.sections}


def test_hangul_half_numbering_heads_a_document_without_hangul_dot_headings() -> None:
    kinds = _kinds(HANGUL_HALF_HEADINGS)
    assert kinds["가) 주관연구개발기관 신청자격"] == "heading"
    assert kinds["나) 지원제외 대상"] == "heading"
    # the same document numbered `(가)`: the same reading
    kinds = _kinds(HANGUL_HALF_HEADINGS.replace("가) ", "(가) ").replace("나) ", "(나) "))
    assert kinds["(나) 지원제외 대상"] == "heading"


def test_hangul_half_numbering_stays_a_list_under_hangul_dot_headings() -> None:
    text = ("가. 지원제외 대상\n" + HANGUL_HALF_HEADINGS.split("\n", 1)[1])
    kinds = _kinds(text)
    assert kinds["가. 지원제외 대상"] == "heading"
    assert kinds["가) 주관연구개발기관 신청자격"] == "list_item"


def test_first_seen_of_two_stand_ins_is_the_heading_level() -> None:
    text = HANGUL_HALF_HEADINGS + " (가) 기업의 부도\n ◦ 단, 회생인가 받은 기업은 예외\n (나) 국세 체납\n"
    kinds = _kinds(text)
    assert kinds["가) 주관연구개발기관 신청자격"] == "heading"
    assert kinds["(가) 기업의 부도"] == "list_item"


def test_a_footnote_run_is_no_heading_level() -> None:
    # real footnotes under a form (MAFRA R&D call): numbered `1)`, one after the other
    text = ("1. 본 연구관련 국내외 기술수준 비교\n1)개발기술명은 본 연구과제 최종 연구개발 목표기술을 의미\n"
            "2)현재 기술수준은 선진국 100% 대비 우리나라 및 신청한 연구팀의 기술수준 표시\n"
            "3)기술개발 목표수준은 당해과제 완료 후 선진국 100% 대비 목표수준 제시\n2. 특허분석\n")
    kinds = _kinds(text)
    assert kinds["1)개발기술명은 본 연구과제 최종 연구개발 목표기술을 의미"] == "list_item"


def test_master_announcement_programs_numbered_half_parens_are_headings() -> None:
    import regex

    text = seed_path("002").read_text(encoding="utf-8")
    half = regex.sub(r"(?m)^([ ]*)[(](\d{1,2})[)](?=[ ]*\S)", r"\1\2)", text)
    doc = read_bytes(half.encode(), "002.txt")
    plan = next(s for s in doc.sections if s.parent is None and "사업별 지원계획" in s.title)
    programs = [doc.sections[i] for i in plan.children]
    assert [p.marker for p in programs] == [f"{n})" for n in range(1, 11)]
    assert {doc.blocks[p.block].kind for p in programs} == {"heading"}


# --- `▪` and `•`: two glyphs of one bullet level -------------------------------------------

# real lines (MSIT ICT R&D call 2026): a `-` list, a chapter's title table, exclusions, then
# the evidence list of the `확인근거(증빙서류)` cell, drawn with `▪` (the HWP) or `•` (as other
# calls draw it)
EVIDENCE_AFTER_DASHES = (
    "o 기업, 대학, 연구기관, 연구조합, 사업자단체 등 관련 규정에 해당되는 기관\n"
    "- 외국에서 외국 법령에 따라 설립된 외국법인도 연구개발기관으로 직접 참여할 수 있음\n"
    "7\t\t사전지원제외 대상\t\n"
    " o 접수 마감일 현재 주관연구개발기관 등이 아래의 어느 하나에 해당하는 경우\n"
    " - 기업의 부도\n"
    " ※ 선정평가 이후 상기 제외 항목에 해당되는 것으로 확인된 경우, 선정 취소\n"
    "▪최근년도 결산재무제표(대차대조표, 손익계산서)\n"
    "* 접수마감일 기준 관할세무서에 신고된 전년도(’25년도) 재무제표(국세청 발급)를 근거로 판단\n"
    "▪상기 자본전액잠식 계산을 위해 제출한 서류 일체\n")


def _tree(text: str) -> list[tuple[int, str | None]]:
    doc = read_bytes(text.encode(), "s.txt")
    return [(s.level, None if s.parent is None else doc.sections[s.parent].title[1:])
            for s in doc.sections]


def test_square_and_round_bullets_are_one_level() -> None:
    assert find_marker("•상기 자본전액잠식 계산을 위해 제출한 서류 일체").family == \
        find_marker("▪상기 자본전액잠식 계산을 위해 제출한 서류 일체").family  # type: ignore[union-attr]
    # the `•` evidence lines do not join the `-` list of the flush `- 외국에서 …` item
    assert _tree(EVIDENCE_AFTER_DASHES.replace("▪", "•")) == _tree(EVIDENCE_AFTER_DASHES)


def test_a_numbered_list_before_the_next_box_stays_a_list() -> None:
    # the standard R&D 사전지원제외 list: the `□` after its last item is the next section, not
    # content of the item
    text = ("□ 사전지원 제외 대상\n○ 접수마감일 현재 다음에 해당하는 경우 지원에서 제외\n"
            " 1) 기업의 부도\n 2) 세무당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우\n"
            "□ 신청방법\n○ 온라인 접수\n")
    assert _kinds(text)["1) 기업의 부도"] == "list_item"
