"""Simple fonts (Type1/TrueType, one byte a code) without a ToUnicode map.

PDFium names their characters from the /Encoding: a standard encoding (MacRoman, WinAnsi) or
/Differences with glyph names of the Adobe Glyph List (`/zero`, `/uni0030`) read as text;
names that say nothing (`/g1`) leave PDFium the raw codes, which it flags
(`FPDFText_HasUnicodeMapError`): those characters are U+FFFD and a finding, never digits.
"""

from __future__ import annotations

import pytest

from gonggo.ingest import read_bytes

HOLE = "\ufffd"


# --- simple fonts without ToUnicode --------------------------------------------------------


def simple_font_pdf(encoding: str, content: str) -> bytes:
    """One page: /F2 Helvetica, /F1 a subset font (`ABCDEF+Foo`, no ToUnicode) with the given
    /Encoding (a name or a dictionary)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Foo /Encoding %s >>"
            % encoding.encode(),
            (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> >>"),
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content.encode()),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


# A short run of the subset font between Helvetica words: `Total cap: 150 won`.
SHORT_RUN = ("BT /F2 12 Tf 72 700 Td (Total cap:) Tj ET BT /F1 12 Tf 140 700 Td (150) Tj ET "
             "BT /F2 12 Tf 185 700 Td (won) Tj ET")
# Glyph names that say nothing (`/g1`, as subsetters write them): PDFium passes the raw codes
# on (`1`, `5`, `0`) and flags them as unmapped.
OPAQUE = "<< /Type /Encoding /Differences [48 /g0 /g1 /g2 /g3 /g4 /g5 /g6 /g7 /g8 /g9] >>"


def test_pdf_a_short_run_of_unnamed_glyphs_is_unreadable_not_digits() -> None:
    # A run shorter than `unicode_check_stride` was read as the raw codes `150`: a made-up
    # amount. Every character below U+0100 (digits, Latin, punctuation) is now checked.
    doc = read_bytes(simple_font_pdf(OPAQUE, SHORT_RUN), "opaque.pdf")
    assert "150" not in doc.text and f"{HOLE * 3}" in doc.text
    (finding,) = [f for f in doc.findings if f.code == "unmapped_glyphs"]
    assert finding.message.startswith("1쪽: 3자는 글꼴에 유니코드 대응이 없어")


@pytest.mark.parametrize("encoding", [
    "/MacRomanEncoding", "/WinAnsiEncoding",
    ("<< /Type /Encoding /Differences [48 /zero /one /two /three /four /five /six /seven "
    "/eight /nine] >>"),  # glyph names of the Adobe Glyph List
    ("<< /Type /Encoding /Differences [48 /uni0030 /uni0031 /uni0032 /uni0033 /uni0034 "
    "/uni0035 /uni0036 /uni0037 /uni0038 /uni0039] >>"),
])
def test_pdf_a_standard_encoding_or_named_glyphs_read_without_tounicode(encoding: str) -> None:
    doc = read_bytes(simple_font_pdf(encoding, SHORT_RUN), "named.pdf")
    assert doc.text == "Total cap: 150 won" and not doc.findings
