"""Glyphs drawn as vector outlines (`ingest.pdf_outlines`): one U+FFFD each where they were
drawn, a Korean finding, and never a value read across the hole.

The class: a PDF that draws part of its text as filled paths with no text behind them —
every HWP printed to PDF on macOS (Quartz draws the Latin glyphs of Hancom's fonts as
outlines: `공고 제2026-0002호` reads `공고 제 호`), and any producer that outlines a font it
may not embed. Three layers: boxes (`outline_chars`), hand-written PDFs end to end, and the
real sample pair (skipped when ../shared is absent).
"""

from __future__ import annotations

import re
import time

import pytest

from gonggo.eval.field import SHARED_CORPUS
from gonggo.ingest import read_bytes, read_document
from gonggo.ingest.pdf import DEFAULT_SETTINGS
from gonggo.ingest.pdf_findings import unmapped_finding
from gonggo.ingest.pdf_outlines import PLACEHOLDER, outline_chars
from gonggo.ingest.pdf_page import Char
from gonggo.validate.checks import check_reader_findings

from .test_ingest_pdf import EM, footer, minimal_pdf, text_at

S = DEFAULT_SETTINGS
SAMPLES = SHARED_CORPUS.parent / "samples"
needs_shared = pytest.mark.skipif(not (SAMPLES / "MANIFEST.tsv").exists(),
                                  reason="../shared/samples is not beside this checkout")
HOLE = PLACEHOLDER


# --- boxes -------------------------------------------------------------------------------


def _word(x: float, top: float, text: str, size: float = 10.0) -> list[Char]:
    return [Char(c, x + i * size, top, x + (i + 1) * size, top + size) for i, c in enumerate(text)]


def _glyphs(x: float, top: float, n: int, w: float = 5.5, h: float = 8.5, gap: float = 0.5
            ) -> list[tuple[float, float, float, float]]:
    return [(x + i * (w + gap), top + 1, x + i * (w + gap) + w, top + 1 + h) for i in range(n)]


def test_a_row_of_outlines_between_words_becomes_one_placeholder_a_glyph() -> None:
    chars = _word(100, 100, "공고 제") + _word(185, 100, "호")
    shapes = _glyphs(131, 100, 9)
    marks = outline_chars(shapes, chars, S)
    assert [m.text for m in marks] == [HOLE] * 9
    assert [m[1:] for m in marks] == sorted(shapes)


def test_a_small_outline_counts_only_beside_a_glyph() -> None:
    chars = _word(100, 100, "공고 제")
    hyphen = (155.0, 105.0, 159.0, 106.4)  # `-` of `2026-0002`: under the glyph height floor
    beside = outline_chars([*_glyphs(131, 100, 4), hyphen], chars, S)
    assert len(beside) == 5
    alone = outline_chars([(400.0, 105.0, 404.0, 106.4)], chars, S)
    assert alone == []


def test_nested_rings_and_overlapping_arrow_parts_are_drawings_not_glyphs() -> None:
    # ulju_youth_culture_project_2025 p1: eight concentric rings behind a section number;
    # msit_ict_rnd_2026_1st_gonggo p20: arrows drawn as three overlapping shapes each.
    rings = [(77.7 + d, 458.5 + d, 105.9 - d, 486.7 - d) for d in (0.0, 1.8, 3.5, 5.3, 7.1)]
    arrow = [(144.0, 145.0, 153.9, 166.1), (142.0, 143.6, 152.1, 165.5),
             (142.1, 143.7, 152.0, 164.9)]
    chars = _word(60, 462, "1", size=20) + _word(110, 464, "공모 세부내용", size=16)
    chars += _word(120, 150, "평가", size=12) + _word(160, 150, "위원회", size=12)
    assert outline_chars(rings + arrow, chars, S) == []


def test_a_lone_shape_away_from_text_is_not_a_glyph_but_a_row_of_them_is() -> None:
    chars = _word(100, 100, "접수기간")
    assert outline_chars([(300.0, 300.0, 309.0, 309.0)], chars, S) == []
    cell = _glyphs(300, 300, 4)  # a table cell holding only `2026`, drawn in outlines
    assert len(outline_chars(cell, chars, S)) == 4


def test_a_glyph_drawn_twice_in_place_is_one_placeholder() -> None:
    shapes = _glyphs(131, 100, 3)
    shapes += [(x0 + 0.3, t, x1 + 0.3, b) for x0, t, x1, b in shapes]  # fake bold
    assert len(outline_chars(shapes, _word(100, 100, "제"), S)) == 3


def test_many_shapes_are_looked_up_locally_not_pairwise() -> None:
    # A column of 8,000 overlapping shapes (every one beside the next, all starting at the
    # same x) and a row of 8,000 glyphs: pairwise, 32 million comparisons each; by bands, a
    # few dozen a shape.
    column = [(100.0, 10 + 1.1 * i, 129.0, 39 + 1.1 * i) for i in range(8000)]
    row = [(10 + 6.5 * i, 100.0, 15.5 + 6.5 * i, 108.5) for i in range(8000)]
    started = time.process_time()
    assert outline_chars(column, [], S) == []
    assert len(outline_chars(row, _word(0, 100, "가" * 8000), S)) == 8000
    assert time.process_time() - started < 8.0


def test_boxes_at_nan_or_infinity_are_passed_over() -> None:
    # A corrupt transform puts boxes at NaN or infinity; the page still reads.
    nan, inf = float("nan"), float("inf")
    chars = [Char("가", nan, nan, nan, nan), Char("가", 0, inf, 10, inf), *_word(100, 100, "가")]
    shapes = [(111.0, 101.0, 116.0, 109.0), (nan, 1.0, 5.0, 9.0), (0.0, -inf, 5.0, inf)]
    assert outline_chars(shapes, chars, S) == [Char(HOLE, 111.0, 101.0, 116.0, 109.0)]


# --- the finding -------------------------------------------------------------------------


def test_the_finding_is_korean_with_pages_count_and_a_line_as_read() -> None:
    finding = unmapped_finding({}, {1: 9, 3: 12}, (1, f"과학기술정보통신부 공고 제{HOLE * 9}호"), S)
    assert finding is not None
    assert (finding.code, finding.pages, finding.severity) == ("unmapped_glyphs", [1, 3], "error")
    assert finding.message.startswith("1, 3쪽: 21자가 문자 정보 없이 그림(벡터 윤곽)으로만")
    assert "HWP 원본" in finding.message and "숫자" in finding.message
    assert finding.message.endswith(f'예: 1쪽 "과학기술정보통신부 공고 제{HOLE * 9}호"')


# --- hand-written PDFs, end to end -------------------------------------------------------


def outline_digit(x: float, y: float, size: float = EM) -> str:
    """A `0` drawn as a filled path (two ellipses of four curves each), baseline at y."""
    w, h = 0.5 * size, 0.7 * size

    def ellipse(cx: float, cy: float, rx: float, ry: float) -> str:
        k = 0.5523
        return (f"{cx + rx:g} {cy:g} m "
                f"{cx + rx:g} {cy + k * ry:g} {cx + k * rx:g} {cy + ry:g} {cx:g} {cy + ry:g} c "
                f"{cx - k * rx:g} {cy + ry:g} {cx - rx:g} {cy + k * ry:g} {cx - rx:g} {cy:g} c "
                f"{cx - rx:g} {cy - k * ry:g} {cx - k * rx:g} {cy - ry:g} {cx:g} {cy - ry:g} c "
                f"{cx + k * rx:g} {cy - ry:g} {cx + rx:g} {cy - k * ry:g} {cx + rx:g} {cy:g} c h ")

    cx, cy = x + w / 2, y + h / 2
    return ellipse(cx, cy, w / 2, h / 2) + ellipse(cx, cy, w / 4, h / 3) + "f*\n"


def outline_word(x: float, y: float, n: int) -> str:
    return "".join(outline_digit(x + i * 0.6 * EM, y) for i in range(n))


def test_pdf_outline_glyphs_are_placeholders_in_their_line_and_a_korean_finding() -> None:
    # `공고 제` ends at 112 (one em a glyph), `지원한도 1` at 132
    page = (text_at(72, 700, "공고 제") + outline_word(112.5, 700, 4) + text_at(136, 700, "호입니다")
            + text_at(72, 670, "지원한도 1") + outline_word(132.5, 670, 3)
            + text_at(150, 670, "만원") + footer(1))
    doc = read_bytes(minimal_pdf(page), "outlines.pdf")
    assert f"공고 제{HOLE * 4}호입니다" in doc.text
    # `1,000만원` with `,000` outlined must not read as `1 만원` (10,000 won)
    assert f"1{HOLE * 3}" in doc.text
    assert not re.search(r"1\s*만원", doc.text)
    (finding,) = [f for f in doc.findings if f.code == "unmapped_glyphs"]
    assert finding.pages == [1] and finding.message.startswith("1쪽: 7자가")
    (checked,) = check_reader_findings(doc, None)  # type: ignore[arg-type]
    (ev,) = checked.evidence
    assert ev.quote == f"공고 제{HOLE * 4}호입니다"  # the line the message quotes, found in the text


def test_pdf_without_outlines_reads_as_before() -> None:
    page = text_at(72, 700, "공고 제1호") + footer(1)
    doc = read_bytes(minimal_pdf(page), "plain.pdf")
    assert HOLE not in doc.text and not doc.findings


# --- the real samples --------------------------------------------------------------------


@needs_shared
def test_sample_quartz_pdf_marks_the_outlined_notice_number_and_dates() -> None:
    # The same announcement as msit_ict_rnd_2026_1st_gonggo.hwp, printed to PDF on macOS:
    # `과학기술정보통신부 공고 제2026-0002호` and `2026년 1월 2일` are drawn partly in outlines.
    doc = read_document(SAMPLES / "pdf" / "msit_ict_rnd_2026_1st_gonggo.pdf")
    hwp = read_document(SAMPLES / "hwp" / "msit_ict_rnd_2026_1st_gonggo.hwp")
    assert "과학기술정보통신부 공고 제2026-0002호" in hwp.text
    assert re.search(rf"과학기술정보통신부 공고 제{HOLE}{{9}}호", doc.text)  # 2026-0002: 9 glyphs
    assert re.search(rf"{HOLE}{{4}}년 {HOLE}월 {HOLE}일", doc.text)
    (finding,) = [f for f in doc.findings if f.code == "unmapped_glyphs"]
    assert finding.severity == "error" and 1 in finding.pages and 20 not in finding.pages
    assert "HWP 원본" in finding.message
    count = int(re.match(r"[\d, -]+쪽: (\d+)자", finding.message)[1])  # type: ignore[index]
    assert count == doc.text.count(HOLE)


@needs_shared
@pytest.mark.parametrize("name", ["ulju_youth_culture_project_2025_gonggo.pdf",
                                  "mohw_health_rnd_master_2026_gonggo.pdf"])
def test_drawings_are_not_unreadable_text(name: str) -> None:
    # Badges of concentric rings (ulju) and arrows of overlapping shapes (mohw) are drawings.
    doc = read_document(SHARED_CORPUS / "pdf" / name)
    assert HOLE not in doc.text
    assert not [f for f in doc.findings if f.code == "unmapped_glyphs"]


# --- readers of the marked text ----------------------------------------------------------


@pytest.mark.parametrize(("line", "name"), [
    # msit_ict_rnd_2026_rfp_ai_extract p1, as printed and as the Quartz PDF reads
    ("(총괄/세부1) 다층적 상황 이해와 창의적 문제 해결", "다층적 상황 이해와 창의적 문제 해결"),
    (f"{HOLE}총괄 세부{HOLE * 2} 다층적 상황 이해와 창의적 문제 해결", "다층적 상황 이해와 창의적 문제 해결"),
    (f"{HOLE}세부{HOLE * 2} 뇌 인지과학과 생물학적 학습 원리", "뇌 인지과학과 생물학적 학습 원리"),
    ("세부 뇌 인지과학과 생물학적 학습 원리", "뇌 인지과학과 생물학적 학습 원리"),
])
def test_an_rfp_sheet_role_label_is_not_part_of_the_track_name(line: str, name: str) -> None:
    from gonggo.extractors.tracks import SHEET_ROLE

    role = SHEET_ROLE.match(line)
    assert line[role.end() if role else 0:].strip() == name


# Lines of msit_ict_rnd_2026_1st_gonggo.pdf as read now (every U+FFFD a glyph drawn as an
# outline): the notice number, the date, the windows, a deadline, a share. No reader may make
# a value of what is left (`제 호`, `년 월 일`, `2026. 1. 2.` without its digits).
DAMAGED = [
    f"과학기술정보통신부 공고 제{HOLE * 9}호",
    f"{HOLE * 4}년 {HOLE}월 {HOLE}일",
    (f"□ 공고기간 {HOLE} {HOLE * 4} {HOLE} {HOLE} {HOLE}금{HOLE} {HOLE} {HOLE * 4} {HOLE} {HOLE * 2} "
    f"{HOLE}화{HOLE} {HOLE * 2}시까지 {HOLE * 2}일간"),
    (f"○ 전산접수기간 {HOLE} {HOLE * 4} {HOLE} {HOLE * 2} {HOLE}월{HOLE} {HOLE} {HOLE * 4} {HOLE} "
    f"{HOLE * 2} {HOLE}화{HOLE} {HOLE * 2}시까지{HOLE * 5} 시스템 시간 기준{HOLE}"),
    (f"수익이 발생한 날이 속하는 해의 다음 해 {HOLE}월 {HOLE * 2}일까지 전문기관의 장에게 기술실시 "
    "결과 보고서를 제출하여야 합니다"),
    f"과제수행 후반기에 산업계가 {HOLE * 3} 이상 {HOLE * 4} {HOLE * 4}하는 형태",
    f"지원한도 1{HOLE * 3}만원",
]
READERS = ["extractors.header", "vocab.dates", "vocab.money", "extractors.windows",
           "extractors.shares", "extractors.contacts", "extractors.tracks"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("line", DAMAGED, ids=range(len(DAMAGED)))
def test_no_value_is_read_from_a_line_with_its_glyphs_missing(reader: str, line: str) -> None:
    import importlib

    assert importlib.import_module(f"gonggo.{reader}").corpus_value(line) in (None, [], {})
