"""What the families read from the tables `pdf_tables.open_sides` recovers (on by default, and set here): a `구 분 | 내 용`
box of a numbered part's terms (tracks), a list printed inside one cell (documents), a field
table's rows with money per award (tracks). Real dev pages
of the field corpus (skipped when ../shared is absent) and the shared helpers they rest on."""

from __future__ import annotations

import pytest

from gonggo.eval.field import SHARED_CORPUS
from gonggo.extractors.tracks import classify_header, is_track_name, per_award_field_table
from gonggo.reading.outline import cell_items
from gonggo.schemas.document import Cell, Table

CORPUS_PDF = SHARED_CORPUS / "pdf"


def _spec(name: str, monkeypatch: pytest.MonkeyPatch) -> dict:
    path = CORPUS_PDF / name
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    from gonggo.ingest.pdf import DEFAULT_SETTINGS
    from gonggo.pipeline import parse

    monkeypatch.setitem(DEFAULT_SETTINGS, "open_sides", True)  # the tables, not their lines
    return parse(path).spec.model_dump(mode="json")


def test_a_letter_spaced_column_label_is_no_track_name() -> None:
    for label in ("내 용", "비 고", "합 계", "지 원 내 용"):
        assert not is_track_name(label), label
    for name in ("에너지", "수송", "자원순환"):
        assert is_track_name(name), name


def test_a_scale_label_per_award_is_the_states_money() -> None:
    col = classify_header("지원 규모(과제당)")
    assert (col.kind, col.role) == ("payer", "government")
    assert classify_header("지원 규모(참여인원)").kind == "other"


def test_a_list_inside_one_cell_splits_into_its_items() -> None:
    text = "1. 지원신청서\n2. 프로젝트 계획서\n3. 예산편성표\n(추후 제출 가능)"
    items = [text[a:b] for a, b in cell_items(text)]
    assert items == ["1. 지원신청서\n", "2. 프로젝트 계획서\n", "3. 예산편성표\n(추후 제출 가능)"]
    assert cell_items("사업계획서 1부\n2. 별첨") == []  # text before the first item: no list
    assert cell_items("1. 지원신청서") == []  # one item: no list
    assert cell_items("2025.7.27.이후 채용\n3.5억원") == []  # dates and amounts open no item


def test_the_key_value_box_of_each_numbered_part_gives_that_parts_terms(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # daegutp 2026 pp.2-3: `󰋎 민간투자연계형 R&D 과제지원` over `구 분 | 내 용` … `지원 규모(과제당) |
    # ○ 1억원 이내`, then `󰋏 창업초기기업형 R&D 과제지원` over its own box (`○ 0.71억원 이내`)
    spec = _spec("daegutp_startup_scaleup_rnd_2026_gonggo.pdf", monkeypatch)
    tracks = {t["name"]: t for p in spec["programs"] for t in p["tracks"]}
    assert "내 용" not in tracks
    # `지원 규모` names no payer: the 대구광역시장's call, the city's money
    caps = {n: [f["cap_krw"] for f in t["funding"] if f["payer"] == "local_government"]
            for n, t in tracks.items()}
    assert caps["민간투자연계형 R&D 과제지원"] == [100_000_000]
    assert caps["창업초기기업형 R&D 과제지원"] == [71_000_000]
    assert {t["duration_months"] for t in tracks.values()} == {12}


def test_a_documents_list_inside_a_table_cell_gives_one_document_an_item(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # ulju youth culture 2025 p.2: `필수 제출서류 | 1. 지원신청서 / 2. 프로젝트 계획서 / …` and
    # `가산점 제출서류 | ○ … 가산점 부여(5점) / 1. … 보유한 경우 / - … 제출 / …`
    spec = _spec("ulju_youth_culture_project_2025_gonggo.pdf", monkeypatch)
    names = [d["name"] for p in spec["programs"] for d in p["documents"]]
    assert names[:4] == ["지원신청서", "프로젝트 계획서", "예산편성표", "개인정보활용동의서"]
    assert "장애인등록증 사본" in names
    assert not any("가산점" in n or n.endswith("경우") or "2." in n for n in names)


def test_the_counts_of_two_parts_boxes_are_no_program_count(monkeypatch: pytest.MonkeyPatch) -> None:
    # daegutp 2026: `지원과제 수 | ○ 2 개사` in one part's box, `○ 6 개사` in the other's
    spec = _spec("daegutp_startup_scaleup_rnd_2026_gonggo.pdf", monkeypatch)
    assert [p["awards"] for p in spec["programs"]] == [None]


def _table(rows: list[list[str]]) -> Table:
    cells, at = [], 0
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cells.append(Cell(row=r, col=c, text=text, start=at, end=at + len(text)))
            at += len(text) + 1
    return Table(n_rows=len(rows), n_cols=len(rows[0]), cells=cells)


def test_a_field_table_with_money_per_award_states_terms_wherever_it_stands() -> None:
    # suwon 2026 p.5 (under `□ 지원금 지급 방식`, no funding heading): `지원분야 | 지원규모 | 비고`
    assert per_award_field_table(_table([["지원분야", "지원규모", "비고"],
                                         ["중점주제(학교연계)", "기업 당 최대 1억 원", "※예산범위 내 지원"],
                                         ["수송", "기업당 최대\n5천만 원", ""]]))
    # money not said to be per award (a field's budget), a unit price per person, no track column
    assert not per_award_field_table(_table([["지원분야", "지원규모"], ["에너지", "1억 원"]]))
    assert not per_award_field_table(_table([["구분", "단가"], ["강사료", "1인당 30만원"]]))
    assert not per_award_field_table(_table([["항목", "금액"], ["재료비", "기업당 최대 1억 원"]]))


def test_the_suwon_field_rows_become_tracks_with_their_caps() -> None:
    # suwon 2026: 지원분야 × 지원규모 (p.5, a table without side borders), the same six fields in
    # the 제안요청서 (p.12); `기업 당 최대 1억 원` merged over 중점주제 and 에너지 (as the p.2 table
    # draws it too), `기업 당 최대 5천만 원` over the four others; the 재단's money (its 이사장 signs)
    path = CORPUS_PDF / "suwon_carbon_neutral_livinglab_2026_gonggo.pdf"
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    from gonggo.pipeline import parse

    spec = parse(path).spec.model_dump(mode="json")
    caps = {t["name"]: sorted({(f["payer"], f["cap_krw"]) for f in t["funding"] if f["cap_krw"]})
            for p in spec["programs"] for t in p["tracks"]}
    assert caps == {"중점주제(학교연계)": [("host", 100_000_000)], "에너지": [("host", 100_000_000)],
                    "수송": [("host", 50_000_000)], "자원순환": [("host", 50_000_000)],
                    "기후적응": [("host", 50_000_000)], "흡수원": [("host", 50_000_000)]}
