"""HWPX reader: real samples end to end, constructed packages, hostile and mangled input."""

from __future__ import annotations

import io
import struct
import time
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonggo import ingest
from gonggo.ingest import CorruptDocument, EncryptedDocument, IngestError, ResourceLimit
from gonggo.ingest.builder import ReaderOutput
from gonggo.ingest.hwpx import read_hwpx
from gonggo.schemas.document import Document, Table

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
HWPX_SAMPLES = SAMPLES / "hwpx"
needs_samples = pytest.mark.skipif(not HWPX_SAMPLES.is_dir(),
                                   reason=f"sample corpus not found at {HWPX_SAMPLES}")

# One string read from each sample (its 공고번호, title or a distinctive cell).
SAMPLE_TEXT = {
    "form_koica_personnel_detail.hwpx": "참여인력 상세이력",
    "form_worst_case_personnel_history.hwpx": "참여인력 개인별 이력사항",
    "gangbuk_rfp_2023_music_festival.hwpx": "『제2회 가을밤의 음악축제』",
    "gangnam_gongo_2023_745_ipbeop.hwpx": "제2023-745호",
    "hwpxlib_table_synthetic.hwpx": "C반 기말고사",  # lives in a rectangle's text box
    "mcst_press_release_2024_olympics.hwpx": "2024 파리 올림픽·패럴림픽",
    "navy_purchase_spec_jack_2025.hwpx": "MPKPJU25A00002",
    "navy_purchase_spec_jack_2026.hwpx": "MPKPJU26A00001",
    "pps_bid_notice_2026_backslash_zip.hwpx": "제R26BK01360023-000호",
    "pps_bid_notice_2026_template.hwpx": "제{{입찰공고번호}}호",
    "public_data_standard_2023_transfer_center.hwpx": "대중교통환승센터",
    "ulsan_namgu_gongo_2021_174_no_manifest.hwpx": "제2021-174호",
}

NAMESPACES = ('xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
              'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"')
MIMETYPE = b"application/hwp+zip"


# --- helpers -------------------------------------------------------------------------------


def sample(name: str) -> bytes:
    return (HWPX_SAMPLES / name).read_bytes()


def para(*runs: str) -> str:
    return "<hp:p>" + "".join(f"<hp:run>{run}</hp:run>" for run in runs) + "</hp:p>"


def t(text: str) -> str:
    return f"<hp:t>{text}</hp:t>"


def wrapped(outer: str, *paragraphs: str, attrs: str = "") -> str:
    """`paragraphs` in a sub-list inside `<hp:{outer}>` (text boxes, notes, captions)."""
    return (f"<hp:{outer}{attrs}><hp:subList>" + "".join(paragraphs)
            + f"</hp:subList></hp:{outer}>")


def section(*paragraphs: str, namespaces: str = NAMESPACES, root: str = "hs:sec") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><{root} {namespaces}>'
            + "".join(paragraphs) + f"</{root}>").encode()


def content_hpf(*section_ids: str) -> bytes:
    items = "".join(f'<opf:item id="{s}" href="Contents/{s}.xml" media-type="application/xml"/>'
                    for s in section_ids)
    refs = "".join(f'<opf:itemref idref="{s}" linear="yes"/>' for s in section_ids)
    return (f'<?xml version="1.0" encoding="UTF-8"?><opf:package '
            f'xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>{items}</opf:manifest>'
            f"<opf:spine>{refs}</opf:spine></opf:package>").encode()


def build_hwpx(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip with `mimetype` first and stored, as Hancom writes it, then `parts` in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buffer.getvalue()


def one_section(*paragraphs: str) -> bytes:
    return build_hwpx({"Contents/section0.xml": section(*paragraphs)})


def read(data: bytes, name: str = "test.hwpx") -> Document:
    return ingest.read_bytes(data, name)


def tables(doc: Document) -> list[Table]:
    return [b.table for b in doc.blocks if b.table is not None]


def all_tables(top: list[Table]) -> list[Table]:
    found: list[Table] = []
    for table in top:
        found.append(table)
        found.extend(all_tables([n for cell in table.cells for n in cell.nested]))
    return found


def visible_chars(text: str) -> Counter[str]:
    return Counter(c for c in unicodedata.normalize("NFC", text) if not c.isspace())


def restored(data: bytes) -> bytes:
    """The same package rewritten uncompressed, so byte mutations land in the XML itself."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename), src.read(info),
                         compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def set_encryption_flag(data: bytes, entry: str) -> bytes:
    """Set general-purpose bit 0 on `entry` in the central directory."""
    raw = bytearray(data)
    pos = raw.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46: pos + 46 + name_len] == entry.encode():
            flags = struct.unpack_from("<H", raw, pos + 8)[0]
            struct.pack_into("<H", raw, pos + 8, flags | 0x1)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    return bytes(raw)


# --- real samples --------------------------------------------------------------------------


@needs_samples
@pytest.mark.samples
@pytest.mark.parametrize("name, expected", sorted(SAMPLE_TEXT.items()))
def test_sample_reads_end_to_end(name: str, expected: str) -> None:
    started = time.perf_counter()
    doc = read(sample(name), name)
    elapsed = time.perf_counter() - started
    assert doc.source.format == "hwpx"
    assert expected in doc.text
    assert elapsed < 5, f"{name} took {elapsed:.2f}s"
    assert not [f for f in doc.findings if f.code == "hwpx_unplaced_text"]


@needs_samples
def test_every_sample_in_the_corpus_is_covered() -> None:
    assert {p.name for p in HWPX_SAMPLES.glob("*.hwpx")} <= set(SAMPLE_TEXT)


@needs_samples
def test_every_character_of_every_t_element_is_kept() -> None:
    """Compare against the raw `hp:t` text of each section (whitespace aside), read through the
    one glyph table as every reader's text is (`～` is kept as `~`)."""
    from gonggo.ingest.glyphs import map_glyphs

    for path in sorted(HWPX_SAMPLES.glob("*.hwpx")):
        with zipfile.ZipFile(path) as zf:
            raw = "".join("".join(el.itertext())
                          for n in zf.namelist() if "section" in n
                          for el in ET.fromstring(zf.read(n)).iter() if el.tag.endswith("}t"))
        doc = read(path.read_bytes(), path.name)
        assert visible_chars(map_glyphs(raw)) - visible_chars(doc.text) == Counter(), path.name


@needs_samples
def test_gangbuk_table_structure() -> None:
    doc = read(sample("gangbuk_rfp_2023_music_festival.hwpx"))
    top = tables(doc)
    # one-cell frames around prose are read as paragraphs (ingest.builder._unwrap_boxes);
    # the tables they held become the document's own
    assert len(top) == 30
    assert len(all_tables(top)) == 32  # two tables sit inside data-table cells
    assert {b.section_index for b in doc.blocks} == {0, 1, 2}

    schedule = next(tb for tb in top if tb.cells[0].text == "구 분" and tb.n_cols == 3)
    assert schedule.rows_text()[1] == ["문화 행사", "15:00 ~ 17:30", "소규모 문화행사(공연 제외)"]

    scoring = next(tb for tb in top if any(c.text == "평 가 사 항" for c in tb.cells))
    header = next(c for c in scoring.cells if (c.row, c.col) == (0, 0))
    assert (header.text, header.col_span, header.row_span) == ("구 분", 2, 1)
    technical = next(c for c in scoring.cells if (c.row, c.col) == (1, 0))
    assert technical.row_span == 7
    assert technical.text.replace("\n", "").startswith("기술능력평가")
    assert doc.text[technical.start:technical.end] == technical.text

    contents = next(tb for tb in top if any(n for c in tb.cells for n in c.nested))
    nested_text = [c.text for c in contents.cells for n in c.nested for c in n.cells]
    assert "순 서" in nested_text


@needs_samples
def test_backslash_sample_matches_its_slash_twin() -> None:
    filled = read(sample("pps_bid_notice_2026_backslash_zip.hwpx"))
    template = read(sample("pps_bid_notice_2026_template.hwpx"))
    assert len(tables(filled)) == len(tables(template)) == 5  # and nine one-cell frames
    assert [(tb.n_rows, tb.n_cols) for tb in tables(filled)] == [
        (tb.n_rows, tb.n_cols) for tb in tables(template)]
    prefix = template.text.index("{{입찰공고번호}}")
    assert filled.text[:prefix] == template.text[:prefix]


@needs_samples
def test_two_sections_without_manifest_in_order() -> None:
    doc = read(sample("ulsan_namgu_gongo_2021_174_no_manifest.hwpx"))
    assert doc.text.index("제2021-174호") < doc.text.index("사업소분")
    assert [b.section_index for b in doc.blocks] == sorted(b.section_index for b in doc.blocks)


@needs_samples
def test_table_caption_is_a_caption_block() -> None:
    doc = read(sample("navy_purchase_spec_jack_2025.hwpx"))
    assert [b.kind for b in doc.blocks].count("caption") == 1


@needs_samples
def test_total_byte_budget_is_enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gonggo.ingest.hwpx.MAX_TOTAL_BYTES", 10_000)
    with pytest.raises(ResourceLimit):
        read(sample("gangbuk_rfp_2023_music_festival.hwpx"))


# --- constructed packages: text ------------------------------------------------------------


def test_inline_elements_and_mixed_content() -> None:
    doc = read(one_section(
        para(t("가<hp:tab/>나<hp:lineBreak/>다<hp:fwSpace/>라<hp:nbSpace/>마<hp:hyphen/>바"
               "<hp:markpenBegin/>형광<hp:markpenEnd/><hp:titleMark/>끝")),
    ))
    assert doc.text == "가 나\n다 라 마-바형광끝"


def test_runs_join_and_paragraphs_are_blocks() -> None:
    doc = read(one_section(para(t("서울특별시 "), t("강남구")), para(t("공고"))))
    assert doc.text == "서울특별시 강남구\n공고"
    assert [(b.section_index, b.paragraph_index) for b in doc.blocks] == [(0, 0), (0, 1)]


def test_namespaces_are_matched_on_local_names() -> None:
    other = ('xmlns:s="http://www.hancom.co.kr/hwpml/2016/section" '
             'xmlns:p="http://www.hancom.co.kr/hwpml/2016/paragraph"')
    body = '<p:p><p:run><p:t>새 버전</p:t></p:run></p:p>'
    data = build_hwpx({"Contents/section0.xml": section(body, namespaces=other, root="s:sec")})
    assert read(data).text == "새 버전"
    bare_xml = b"<sec><p><run><t>no namespace</t></run></p></sec>"
    bare = build_hwpx({"Contents/section0.xml": bare_xml})
    assert read(bare).text == "no namespace"


def test_text_box_text_is_kept_after_its_anchor() -> None:
    box = ("<hp:rect>" + wrapped("drawText", para(t("상자 안의 글")))
           + "<hp:shapeComment>사각형입니다.</hp:shapeComment></hp:rect>")
    doc = read(one_section(para(t("본문"), box), para(t("다음"))))
    assert doc.text == "본문\n상자 안의 글\n다음"
    assert "사각형입니다" not in doc.text  # generated alt text is not document text


def _cell(row: int, col: int, body: str, row_span: int = 1, col_span: int = 1) -> str:
    return (f'<hp:tc><hp:subList>{body}</hp:subList><hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
            f'<hp:cellSpan colSpan="{col_span}" rowSpan="{row_span}"/></hp:tc>')


def test_table_cells_spans_nesting_and_caption() -> None:
    inner = ('<hp:tbl rowCnt="1" colCnt="2"><hp:tr>' + _cell(0, 0, para(t("안1")))
             + _cell(0, 1, para(t("안2"))) + "</hp:tr></hp:tbl>")
    caption = wrapped("caption", para(t("표 1. 일정")), attrs=' side="TOP"')
    table = ('<hp:tbl rowCnt="2" colCnt="2">' + caption
             + "<hp:tr>" + _cell(0, 0, para(t("구분")), col_span=2) + "</hp:tr>"
             + "<hp:tr>" + _cell(1, 0, para(t("접수"))) + _cell(1, 1, para(t("바깥"), inner))
             + "</hp:tr></hp:tbl>")
    doc = read(one_section(para(t("앞")), para(table), para(t("뒤"))))
    assert [b.kind for b in doc.blocks] == ["paragraph", "caption", "table", "paragraph"]
    grid = tables(doc)[0]
    assert (grid.n_rows, grid.n_cols) == (2, 2)
    merged = grid.cells[0]
    assert (merged.text, merged.col_span) == ("구분", 2)
    outer = next(c for c in grid.cells if (c.row, c.col) == (1, 1))
    assert outer.text == "바깥\n안1\t안2"
    assert [c.text for c in outer.nested[0].cells] == ["안1", "안2"]


def test_header_footer_and_footnote() -> None:
    controls = ("<hp:ctrl>" + wrapped("header", para(t("머리말")), attrs=' applyPageType="BOTH"')
                + "</hp:ctrl><hp:ctrl>" + wrapped("footer", para(t("꼬리말"))) + "</hp:ctrl>")
    note = "<hp:ctrl>" + wrapped("footNote", para(t("각주 내용"))) + "</hp:ctrl>"
    doc = read(one_section(para(controls + t("본문")), para(t("둘째") + note)))
    kinds = {doc.block_text(b): b.kind for b in doc.blocks}
    assert kinds == {"본문": "paragraph", "머리말": "header", "꼬리말": "footer",
                     "둘째": "paragraph", "각주 내용": "paragraph"}


def test_hidden_comment_is_reported_not_read() -> None:
    memo = "<hp:ctrl>" + wrapped("hiddenComment", para(t("검토 필요"))) + "</hp:ctrl>"
    doc = read(one_section(para(memo + t("공고문"))))
    assert doc.text == "공고문"
    assert [f.code for f in doc.findings] == ["hwpx_annotations_skipped"]


def test_switch_reads_one_alternative() -> None:
    switch = ('<hp:switch><hp:case hp:required-namespace="urn:x">' + t("새 방식")
              + "</hp:case><hp:default>" + t("새 방식") + "</hp:default></hp:switch>")
    doc = read(one_section(f"<hp:p><hp:run>{switch}</hp:run></hp:p>"))
    assert doc.text == "새 방식"


def test_text_in_unknown_places_is_appended_and_reported() -> None:
    odd = para(t("보통")) + "<hp:mystery>" + para(t("숨은 글")) + "</hp:mystery>"
    doc = read(one_section(odd))
    assert doc.text == "보통\n숨은 글"
    assert [f.code for f in doc.findings] == ["hwpx_unplaced_text"]


def test_equation_script_is_kept() -> None:
    eq = "<hp:equation><hp:script>a over b</hp:script></hp:equation>"
    assert read(one_section(para(t("식: ") + eq))).text == "식: a over b"


# --- constructed packages: container -------------------------------------------------------


def test_backslash_entry_names() -> None:
    data = build_hwpx({
        "Contents\\content.hpf": content_hpf("section0"),
        "Contents\\section0.xml": section(para(t("역슬래시 경로"))),
    })
    assert read(data).text == "역슬래시 경로"


def test_missing_manifest_and_content_hpf_use_numeric_order() -> None:
    data = build_hwpx({
        "Contents/section10.xml": section(para(t("열째"))),
        "Contents/section2.xml": section(para(t("둘째"))),
    })
    doc = read(data)
    assert doc.text == "둘째\n열째"
    assert [b.section_index for b in doc.blocks] == [0, 1]


def test_spine_order_wins_over_file_names() -> None:
    data = build_hwpx({
        "META-INF/manifest.xml": b'<odf:manifest xmlns:odf="urn:oasis:names:tc:'
                                 b'opendocument:xmlns:manifest:1.0"/>',
        "Contents/content.hpf": content_hpf("section1", "section0"),
        "Contents/section0.xml": section(para(t("영"))),
        "Contents/section1.xml": section(para(t("일"))),
    })
    assert read(data).text == "일\n영"


def test_broken_content_hpf_falls_back_with_a_finding() -> None:
    data = build_hwpx({
        "Contents/content.hpf": b"<opf:package><unclosed>",
        "Contents/section0.xml": section(para(t("본문"))),
    })
    doc = read(data)
    assert doc.text == "본문"
    assert [f.code for f in doc.findings] == ["hwpx_bad_content_hpf"]


def test_section_listed_but_missing_is_reported() -> None:
    data = build_hwpx({
        "Contents/content.hpf": content_hpf("section0", "section1"),
        "Contents/section0.xml": section(para(t("본문"))),
    })
    doc = read(data)
    assert [(f.code, f.severity) for f in doc.findings] == [("hwpx_missing_section", "error")]


def test_no_section_at_all_is_corrupt() -> None:
    data = build_hwpx({"Contents/header.xml": b"<head/>"})
    with pytest.raises(CorruptDocument, match=r"no Contents/sectionN\.xml"):
        read(data)


def test_xml_syntax_error_is_a_one_line_corrupt_document() -> None:
    data = build_hwpx({"Contents/section0.xml": b"<hs:sec><hp:p>"})
    with pytest.raises(CorruptDocument) as caught:
        read(data)
    assert "\n" not in str(caught.value)
    assert "section0.xml" in str(caught.value)


def test_truncated_zip_is_corrupt() -> None:
    data = one_section(para(t("본문")))
    with pytest.raises(CorruptDocument):
        read_hwpx(data[: len(data) // 2])


def test_encryption_data_in_manifest() -> None:
    manifest = (b'<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                b'<odf:file-entry full-path="Contents/section0.xml" media-type="application/xml">'
                b'<odf:encryption-data checksum-type="SHA256/1K" checksum="AAAA"/>'
                b"</odf:file-entry></odf:manifest>")
    data = build_hwpx({"META-INF/manifest.xml": manifest,
                       "Contents/section0.xml": b"\x8f\x01 ciphertext"})
    with pytest.raises(EncryptedDocument):
        read(data)


def test_zip_encryption_flag() -> None:
    data = set_encryption_flag(one_section(para(t("본문"))), "Contents/section0.xml")
    with pytest.raises(EncryptedDocument):
        read(data)


# --- hostile input -------------------------------------------------------------------------


def test_zip_bomb_is_refused_before_decompressing() -> None:
    filler = b" " * (30 * 1024 * 1024)
    bomb = section(para(t("x"))).replace(b"<hp:p>", filler + b"<hp:p>", 1)
    data = build_hwpx({"Contents/section0.xml": bomb})
    assert len(data) < 200_000
    started = time.perf_counter()
    with pytest.raises(ResourceLimit, match="ratio"):
        read(data)
    assert time.perf_counter() - started < 1


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<sec><p><run><t>&lol9;</t></run></p></sec>"""


def test_billion_laughs_is_refused() -> None:
    data = build_hwpx({"Contents/section0.xml": BILLION_LAUGHS})
    started = time.perf_counter()
    with pytest.raises(ResourceLimit, match="DTD or entities"):
        read(data)
    assert time.perf_counter() - started < 1


def test_external_entity_is_not_resolved() -> None:
    xxe = (b'<?xml version="1.0"?><!DOCTYPE sec [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b"<sec><p><run><t>&x;</t></run></p></sec>")
    with pytest.raises(IngestError):
        read(build_hwpx({"Contents/section0.xml": xxe}))


def test_absurd_table_dimensions_are_clamped() -> None:
    table = ('<hp:tbl rowCnt="999999999" colCnt="999999999"><hp:tr>'
             + _cell(0, 0, para(t("셀")), row_span=10**9, col_span=10**9) + "</hp:tr></hp:tbl>")
    out = read_hwpx(one_section(para(table)))
    raw = next(b.table for b in out.blocks if b.table)
    assert raw.n_rows * raw.n_cols <= 10_000 * 1_000


def test_deeply_nested_runs_are_a_resource_limit() -> None:
    depth = 5000
    body = "<hp:p>" + "<hp:run>" * depth + t("deep") + "</hp:run>" * depth + "</hp:p>"
    with pytest.raises(ResourceLimit, match="nested too deeply"):
        read_hwpx(one_section(body))


def test_deep_nesting_is_a_resource_limit() -> None:
    depth = 200
    body = para(t("core"))
    for _ in range(depth):
        body = para('<hp:tbl rowCnt="1" colCnt="1"><hp:tr>' + _cell(0, 0, body)
                    + "</hp:tr></hp:tbl>")
    with pytest.raises(ResourceLimit):
        read(one_section(body))


# --- property tests: mangled real files ----------------------------------------------------


def _assert_typed(data: bytes) -> None:
    try:
        doc = read(data, "mangled.hwpx")
    except IngestError:
        pass
    else:
        assert isinstance(doc, Document)
    try:
        out = read_hwpx(data)
    except IngestError:
        return
    assert isinstance(out, ReaderOutput)


@pytest.fixture(scope="module")
def real_hwpx() -> bytes:
    if not HWPX_SAMPLES.is_dir():
        pytest.skip(f"sample corpus not found at {HWPX_SAMPLES}")
    return sample("ulsan_namgu_gongo_2021_174_no_manifest.hwpx")


PROPERTY_SETTINGS = settings(max_examples=50, deadline=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY_SETTINGS
@given(cut=st.floats(min_value=0.0, max_value=1.0))
def test_truncated_files_fail_typed(real_hwpx: bytes, cut: float) -> None:
    _assert_typed(real_hwpx[: int(len(real_hwpx) * cut)])


@PROPERTY_SETTINGS
@given(stored=st.booleans(), flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 7)),
                                            min_size=1, max_size=8))
def test_bit_flipped_files_fail_typed(real_hwpx: bytes, stored: bool,
                                      flips: list[tuple[float, int]]) -> None:
    raw = bytearray(restored(real_hwpx) if stored else real_hwpx)
    for where, bit in flips:
        raw[min(int(len(raw) * where), len(raw) - 1)] ^= 1 << bit
    _assert_typed(bytes(raw))


@PROPERTY_SETTINGS
@given(noise=st.binary(min_size=0, max_size=4096), keep=st.integers(0, 4096))
def test_random_bytes_after_a_zip_header_fail_typed(real_hwpx: bytes, noise: bytes,
                                                    keep: int) -> None:
    _assert_typed(real_hwpx[:keep] + noise)


@PROPERTY_SETTINGS
@given(xml=st.binary(max_size=2048) | st.text(max_size=512).map(str.encode))
def test_random_section_xml_fails_typed(xml: bytes) -> None:
    _assert_typed(build_hwpx({"Contents/section0.xml": xml}))


@PROPERTY_SETTINGS
@given(cuts=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(1, 40)), min_size=1, max_size=4),
       renames=st.lists(st.sampled_from(["tc", "tr", "subList", "run", "t", "tbl", "cellAddr",
                                         "cellSpan", "switch", "case", "ctrl", "drawText"]),
                        max_size=3))
def test_mangled_section_xml_fails_typed(real_hwpx: bytes, cuts: list[tuple[float, int]],
                                         renames: list[str]) -> None:
    """Delete byte ranges and rename elements in a real section, then re-zip it."""
    with zipfile.ZipFile(io.BytesIO(real_hwpx)) as zf:
        xml = zf.read("Contents/section0.xml")
    for old, new in zip(renames, ["p", "tbl", "tc", "subList"], strict=False):
        xml = xml.replace(f"hp:{old}".encode(), f"hp:{new}".encode())
    for where, length in cuts:
        start = int(len(xml) * where)
        xml = xml[:start] + xml[start + length:]
    _assert_typed(build_hwpx({"Contents/section0.xml": xml}))
