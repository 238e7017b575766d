"""Text and Markdown reading: encodings, tables, HTML inside cells, typed errors."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gonggo.ingest import CorruptDocument, IngestError, UnsupportedFormat, read_bytes

KOREAN = "□ 지원규모 : 총 5개사\n- 고도화 3개사\n"


@pytest.mark.parametrize(
    "data",
    [
        KOREAN.encode("utf-8"),
        codecs.BOM_UTF8 + KOREAN.encode("utf-8"),
        codecs.BOM_UTF16_LE + KOREAN.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + KOREAN.encode("utf-16-be"),
        KOREAN.encode("utf-16-le"),
        KOREAN.encode("cp949"),
        KOREAN.encode("euc-kr"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "cp949", "euc-kr"],
)
def test_encodings_decode_without_mojibake(data: bytes) -> None:
    doc = read_bytes(data, "a.txt")
    assert doc.text == KOREAN.strip()


def test_markdown_table_with_html_cells() -> None:
    md = (
        "# 제출서류\n\n"
        "| 서류명 | 도입기업 | 비고 |\n"
        "|---|:---:|---|\n"
        "| 사업자등록증<br>사본 | ○ | <ul><li>발행일로부터 3개월 이내</li></ul> |\n"
        "| 동의서 | <input type=\"checkbox\" checked> | &lt;해당시&gt; |\n"
    )
    doc = read_bytes(md.encode(), "a.md")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].table.rows_text()  # type: ignore[union-attr]
    assert rows[0] == ["서류명", "도입기업", "비고"]
    assert rows[1][0] == "사업자등록증\n사본"
    assert rows[1][2] == "- 발행일로부터 3개월 이내"
    assert rows[2][1] == "☑" and rows[2][2] == "<해당시>"
    assert "<br>" not in doc.text and "<li>" not in doc.text


def test_tab_separated_rows_become_one_table() -> None:
    doc = read_bytes("표 1\n구분\t정부\n고도화\t0.18억원\n기초\t\n끝\n".encode(), "a.txt")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "table", "paragraph"]
    assert doc.blocks[1].table.n_rows == 3  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"", "a.txt", CorruptDocument),
        (b"\n\n<!-- error page -->\n", "x.hwp", CorruptDocument),
        (b"\x00\x01\x02\x03" * 100, "x.bin", UnsupportedFormat),
        (b"   \n\t\n", "blank.txt", CorruptDocument),
    ],
)
def test_bad_text_inputs_are_typed_errors(data: bytes, name: str, error: type) -> None:
    with pytest.raises(error):
        read_bytes(data, name)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_document_or_a_typed_error(data: bytes) -> None:
    try:
        doc = read_bytes(data, "random.txt")
    except IngestError:
        return
    assert doc.text.strip()
    for block in doc.blocks:
        assert doc.text[block.start : block.end] or block.kind == "table"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("□◦○-*※(1)Ⅰ.가나 \t\n|#<>br공고0123")), max_size=300))
def test_random_outline_text_never_crashes(text: str) -> None:
    try:
        doc = read_bytes(text.encode(), "r.md")
    except IngestError:
        return
    for s in doc.sections:
        assert s.parent is None or s.parent < s.index


def test_text_cut_mid_character_keeps_what_was_read_and_says_so() -> None:
    data = "□ 신청기간 : 2023. 6. 22.까지\n◦ 제출서류".encode()
    doc = read_bytes(data[:-2], "cut.txt")  # the last syllable loses two of its three bytes
    assert doc.text.startswith("□ 신청기간 : 2023. 6. 22.까지\n◦ 제출서")
    assert [f.code for f in doc.findings] == ["truncated_text"]
    assert read_bytes(data, "whole.txt").findings == []


def test_page_numbers_and_running_titles_are_page_furniture() -> None:
    """A PDF's text keeps its page numbers (`- 5 -`, mss_startup_univ_regional_2026) and running
    titles: footer / header blocks, as the PDF reader makes them, not a `-` item or a paragraph
    the outline nests the next items under. A title printed once, or a dash line with words,
    stays what it is."""
    title = "2025년 스마트공장 지원사업 공고"
    text = (f"{title}\n□ 지원제외 대상\n① 휴·폐업중인 기업\n- 7 -\n{title}\n② 국세 체납 기업\n"
            f"– 8 –\n{title}\n③ 유흥·향락업\n- 사업계획서 1부\n- 9 -\n")
    doc = read_bytes(text.encode("utf-8"), "a.txt")
    kinds = {doc.text[b.start:b.end]: b.kind for b in doc.blocks}
    assert kinds["- 7 -"] == kinds["– 8 –"] == kinds["- 9 -"] == "footer"
    titles = [b.kind for b in doc.blocks if doc.text[b.start:b.end] == title]
    assert titles[0] != "header" and titles[1:] == ["header", "header"]  # the first page's is the title
    assert kinds["- 사업계획서 1부"] == "list_item"
    once = read_bytes(f"{title}\n□ 개요\n- 7 -\n{title}\n○ 내용\n".encode(), "b.txt")
    assert [b.kind for b in once.blocks if once.text[b.start:b.end] == title][1] != "header"


def _normalize_by_regex(text: str, keep_tabs: bool) -> str:
    """normalize_text as four regex passes, the way it read before ASCII spaces got their
    own shortcut: the shortcut must give the same text."""
    import unicodedata

    from gonggo.ingest import builder
    from gonggo.ingest.glyphs import map_glyphs

    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = builder._DROP_CHARS.sub("", text)
    if not keep_tabs:
        text = text.replace("\t", " ")
    text = builder._TRAILING.sub("", builder._HSPACE.sub(" ", map_glyphs(text)))
    return text.strip("\n")


@settings(max_examples=3000)
@given(st.text(alphabet=" \n\t\r가a\u00a0\u3000\u200b\x01\x85\u2028\uff08\uf09e\U000f02b1e\u0301",
               max_size=14), st.booleans())
def test_normalize_text_shortcut_is_the_regex_passes(text: str, keep_tabs: bool) -> None:
    from gonggo.ingest.builder import normalize_text

    assert normalize_text(text, keep_tabs) == _normalize_by_regex(text, keep_tabs)


def test_runs_of_spaces_and_trailing_spaces_fold() -> None:
    from gonggo.ingest.builder import normalize_text

    assert normalize_text("가     나 \n다  ") == "가 나\n다"
    assert normalize_text("가  나\t다 ") == "가 나 다"  # a tab takes the regex passes
