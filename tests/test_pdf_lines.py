"""Line building and its fast paths against the reference rules they replace.

`pdf_text._make_line` writes a line's text from its glyphs joined and cut at the word gaps;
`_make_line_by_char` is the one-glyph-at-a-time loop it replaced (kept for texts of several
characters). Both must give the same `Line` on every line of the sample PDFs.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import asdict

import pypdfium2 as pdfium
import pytest
import regex

from gonggo.ingest import pdf_text
from gonggo.ingest.pdf import DEFAULT_SETTINGS
from gonggo.ingest.pdf_columns import _pieces
from gonggo.ingest.pdf_page import Char, read_page
from gonggo.ingest.pdf_text import Line, build_lines, ends_sentence

from .conftest import SAMPLES, needs_samples

S = DEFAULT_SETTINGS
EM = 10.0


def _glyphs(text: str, x: float = 72.0, top: float = 100.0, advance: float = EM) -> list[Char]:
    return [Char(ch, x + i * advance, top, x + i * advance + EM, top + EM)
            for i, ch in enumerate(text)]


def _page_chars(name: str) -> list[list[Char]]:
    doc = pdfium.PdfDocument((SAMPLES / "pdf" / name).read_bytes())
    try:
        return [read_page(doc.raw, i, S).chars for i in range(len(doc))]
    finally:
        doc.close()


def test_space_glyphs_in_a_row_write_one_space() -> None:
    (only,) = build_lines(_glyphs("사업  목적"), S)  # two drawn spaces, no wide gap
    assert only.text == "사업 목적"
    assert only.drawn_spaces and only.first_word_x1 == 92.0


def test_a_gap_beside_a_space_glyph_writes_one_space() -> None:
    chars = _glyphs("사업 ") + _glyphs("목적", x=72.0 + 3 * EM + 0.6 * EM)
    (only,) = build_lines(chars, S)
    assert only.text == "사업 목적"


def test_leading_and_trailing_spaces_are_not_written() -> None:
    (only,) = build_lines(_glyphs("  사업 "), S)
    assert only.text == "사업"
    assert only.starts_with_space and only.ends_with_space and only.first_word_x1 == 112.0


def test_a_text_of_several_characters_is_read_by_the_reference_loop() -> None:
    # a ligature's text (none that pdf_page makes, but a Char may hold one)
    chars = [Char("ﬁ", 72, 100, 82, 110), Char("fi", 82, 100, 92, 110), Char("x", 92, 100, 102, 110)]
    (only,) = build_lines(chars, S)
    assert only.text == "ﬁfix"


@needs_samples
@pytest.mark.parametrize("name", ["msit_bio_rfp_2026_brain.pdf", "kised_dodak_2025_gonggo.pdf"])
@pytest.mark.parametrize("variant", [{}, {"word_gap": 0.0}, {"line_overlap": 2.0},
                                     {"dedupe_tolerance": 5.0}], ids=repr)
def test_lines_are_those_of_the_reference_loop(name: str, variant: dict[str, float],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The C rules (`_pdfscan.lines`), the Python fast path and the reference loop: the same
    lines on every page, on a third of it and on every seventh glyph (cells and odd sets)."""
    settings = {**S, **variant}
    pages = [part for chars in _page_chars(name)
             for part in (chars, chars[: len(chars) // 3], chars[::7])]
    assert pdf_text._C_LINES is not None, "gonggo/ingest/_pdfscan.c was not built"
    in_c = [build_lines(list(chars), settings) for chars in pages]
    monkeypatch.setattr(pdf_text, "_C_LINES", None)
    fast = [build_lines(list(chars), settings) for chars in pages]
    monkeypatch.setattr(pdf_text, "_make_line", pdf_text._make_line_by_char)
    slow = [build_lines(list(chars), settings) for chars in pages]
    assert sum(map(len, fast)) > 50
    reference = [[asdict(ln) for ln in page] for page in slow]
    assert [[asdict(ln) for ln in page] for page in fast] == reference
    assert [[asdict(ln) for ln in page] for page in in_c] == reference


def test_the_c_rules_leave_odd_coordinates_to_python() -> None:
    """A NaN or infinite coordinate (a corrupt transform), or one that is not a float: the C
    rules answer None and Python decides, as it always did."""
    assert pdf_text._C_LINES is not None
    for odd in (math.nan, math.inf, 100):
        chars = [*_glyphs("사업"), Char("목", 92.0, odd, 102.0, 110.0)]
        assert pdf_text._C_LINES(chars, 1.0, 0.2, 1.0) is None
        assert build_lines(chars, S)  # read by the Python rules
    assert pdf_text._C_LINES([], 1.0, 0.2, 1.0) == []


def _pieces_reference(line: Line, max_gap: float) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for c in line.chars:
        if c.text == " ":
            continue
        if out and c.x0 - out[-1][1] <= max_gap:
            out[-1] = (out[-1][0], max(out[-1][1], c.x1))
        else:
            out.append((c.x0, c.x1))
    return out


@needs_samples
def test_column_pieces_are_those_of_the_reference_loop() -> None:
    lines = [ln for chars in _page_chars("kised_dodak_2025_gonggo.pdf")
             for ln in build_lines(chars, S)]
    assert len(lines) > 500
    for gap in (0.5, 2.0, 20.0):
        assert [_pieces(ln, gap) for ln in lines] == [_pieces_reference(ln, gap) for ln in lines]


def test_pieces_keep_a_nan_end_where_max_does() -> None:
    nan = float("nan")
    (ln,) = build_lines(_glyphs("가나다"), S)
    ln.chars = [Char("가", 0.0, 0.0, nan, 1.0), Char("나", 1.0, 0.0, 2.0, 1.0),
                Char("다", 3.0, 0.0, 4.0, 1.0)]
    assert repr(_pieces(ln, 5.0)) == repr(_pieces_reference(ln, 5.0))


def test_sentence_end_searched_from_the_end_agrees_with_a_forward_search() -> None:
    forward = regex.compile(pdf_text._SENTENCE_END.pattern.replace("(?r)", "", 1))
    alphabet = ["다", "가", " ", "것", ".", "\n", "a", "」", "함", "\u3000"]
    for n in range(5):
        for t in itertools.product(alphabet, repeat=n):
            text = "".join(t)
            assert ends_sentence(text) == bool(forward.search(text)), repr(text)
