"""HWP 5 reader: real samples end to end, synthetic records, and malformed-input properties."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonggo.ingest import (
    CorruptDocument,
    DRMProtected,
    EncryptedDocument,
    IngestError,
    ResourceLimit,
    UnsupportedFormat,
    hwp,
    read_bytes,
)
from gonggo.ingest.builder import build_document
from gonggo.ingest.hwp import read_hwp
from gonggo.schemas.document import Document, SourceInfo

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
HWP_SAMPLES = SAMPLES / "hwp"
needs_samples = pytest.mark.skipif(not HWP_SAMPLES.is_dir(),
                                   reason=f"sample corpus not found at {SAMPLES}")

# file → text the document must contain, or the error class it must raise (exactly).
EXPECTED: dict[str, str | type[IngestError]] = {
    "broken_truncated_taxtribunal_2022.hwp": CorruptDocument,
    "broken_utf8_mangled.hwp": CorruptDocument,
    "drm_markany_wrapped.hwp": DRMProtected,
    "fake_hwp_html_comment_42b.hwp": CorruptDocument,
    "form_power_of_attorney_yangsik7.hwp": "행복주택 예비입주자 모집에 관한 일체를 위임하고",
    "gangnam_seum_bid_gongo_2024_distribution.hwp": "2025년 강남세움센터 시설관리원 용역업체 선정 입찰공고",
    "gov_award_forms_uncompressed.hwp": "정부포상 추천자 현황",
    "hancom_hwp5_spec_rev1_3_distribution.hwp": "한글 문서 파일 구조 5.0",
    "hwplib_table_basic_uncompressed.hwp": "UVM\t123\t456",
    "kised_dodak_2025_bizplan_form.hwp": "창업도약패키지 사업계획서 작성 목차",
    "kised_dodak_2025_evidence_list_form.hwp": "증빙서류 제출목록 안내",
    "msit_ict_rnd_2026_1st_gonggo.hwp": "과학기술정보통신부 공고 제2026-0002호",
    "msit_press_release_2018_noori.hwp": "한국형발사체의 새로운 명칭은 ‘누리’로 결정되었으며",
    "naver_template_weekly_work_report.hwp": "주간업무보고서",
    "nts_appeal_2014_19tables.hwp": "국세청적부2013-0554",
    "nts_ruling_2011_farm_support.hwp": "부가가치세과-806",
    "nts_ruling_old_v5005.hwp": "재삼46014-2330",
    "pyhwp_distribution_viewtext.hwp": "pyhwp 테스트를 위한 배포 문서 예제입니다.",
    "pyhwp_password_12345.hwp": EncryptedDocument,
    "pyhwp_sample5017.hwp": "본 문서는 한글 워드 프로세서의 파일 저장 형식",
    "pyhwp_table_caption.hwp": "표 2 아래 캡션",
    "sf_ai_2025_report_forms.hwp": "제조AI특화 스마트공장 중간보고서",
    "sf_ai_2026_bizplan_form.hwp": "제조AI특화 스마트공장 구축지원사업 사업계획서",
}


def _sample(name: str) -> bytes:
    return (HWP_SAMPLES / name).read_bytes()


def _read_sample(name: str) -> Document:
    return read_bytes(_sample(name), name)


# --- real samples ----------------------------------------------------------------------


@needs_samples
def test_every_sample_has_an_expectation() -> None:
    assert sorted(p.name for p in HWP_SAMPLES.glob("*.hwp")) == sorted(EXPECTED)


@needs_samples
@pytest.mark.samples
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_outcome(name: str) -> None:
    expected = EXPECTED[name]
    if isinstance(expected, str):
        doc = _read_sample(name)
        assert expected in doc.text
        assert doc.source.format == "hwp"
    else:
        with pytest.raises(IngestError) as info:
            _read_sample(name)
        assert type(info.value) is expected
        message = str(info.value)
        assert "\n" not in message and name in message


@needs_samples
def test_password_protected_is_named() -> None:
    with pytest.raises(EncryptedDocument, match="password-protected HWP"):
        _read_sample("pyhwp_password_12345.hwp")


@needs_samples
def test_truncated_body_is_a_clear_corrupt_error() -> None:
    with pytest.raises(CorruptDocument, match=r"BodyText/Section0 is empty \(file truncated"):
        _read_sample("broken_truncated_taxtribunal_2022.hwp")


@needs_samples
@pytest.mark.parametrize("name", ["gangnam_seum_bid_gongo_2024_distribution.hwp",
                                  "hancom_hwp5_spec_rev1_3_distribution.hwp",
                                  "pyhwp_distribution_viewtext.hwp"])
def test_distribution_documents_give_the_real_body(name: str) -> None:
    doc = _read_sample(name)
    assert "배포용 문서" not in doc.text[:200]  # the BodyText stub says "상위 버전의 배포용 문서"
    assert any(f.code == "hwp_distribution" for f in doc.findings)


@needs_samples
def test_distribution_bid_notice_text() -> None:
    doc = _read_sample("gangnam_seum_bid_gongo_2024_distribution.hwp")
    assert doc.text.startswith("강남세움복지관 공고 제 2024-08호")
    assert "상위 버전의 배포용 문서" not in doc.text


@needs_samples
def test_hancom_private_use_han_is_mapped() -> None:
    doc = _read_sample("pyhwp_sample5017.hwp")
    assert "\uf53a" not in doc.text
    assert "한글 2002 이후 제품에서 사용되는 한글 문서 파일 형식 5.0" in doc.text
    assert not any(f.code == "unmapped_glyphs" for f in doc.findings)


@needs_samples
def test_hancom_private_use_bullets_become_standard_markers() -> None:
    # U+F02FC (a surrogate pair in PARA_TEXT, decoded as one glyph) is a Hancom bullet: mapped
    # one character for one by gonggo.ingest.glyphs, so no glyph is left unmapped here
    doc = _read_sample("msit_ict_rnd_2026_1st_gonggo.hwp")
    assert "\U000f02fc" not in doc.text and "▪" in doc.text
    assert not [f for f in doc.findings if f.code == "unmapped_glyphs"]


@needs_samples
def test_table_structure_press_release() -> None:
    doc = _read_sample("msit_press_release_2018_noori.hwp")
    tables = [b.table for b in doc.blocks if b.table is not None]
    # the headline box (one cell, three lines) is a frame, read as paragraphs
    assert len(tables) == 4
    headline = next(b for b in doc.blocks if doc.text[b.start:b.end] == "국민이 정한 그 이름은 ｢누리｣")
    assert headline.kind == "paragraph"
    header = tables[0]
    assert (header.n_rows, header.n_cols, len(header.cells)) == (3, 4, 10)
    release = next(c for c in header.cells if (c.row, c.col) == (0, 1))
    assert (release.row_span, release.col_span) == (1, 3)
    assert release.text.startswith("2018. 9. 4.(화) 조간")
    assert header.rows_text()[2] == ["담당과장", "장인숙(02-2110-2430)", "담 당 자",
                                     "용찬재 사무관(02-2110-2428)"]
    specs = tables[3]
    assert (specs.n_rows, specs.n_cols, len(specs.cells)) == (8, 3, 24)
    assert specs.rows_text()[3] == ["총 길이", "47.2 m", "25.8 m"]


@needs_samples
def test_table_structure_row_span_and_caption() -> None:
    doc = _read_sample("gov_award_forms_uncompressed.hwp")
    first = next(b.table for b in doc.blocks if b.table is not None and b.table.n_rows > 2)
    top_left = next(c for c in first.cells if (c.row, c.col) == (0, 0))
    assert top_left.row_span == 3 and top_left.text == "①\n소속"

    basic = _read_sample("hwplib_table_basic_uncompressed.hwp")
    kinds = [b.kind for b in basic.blocks]
    assert kinds == ["table", "caption"]  # caption set below the table, number from atno
    assert basic.block_text(basic.blocks[1]) == "표 1"
    table = basic.blocks[0].table
    assert table is not None and table.rows_text()[0] == ["ABC\n123", "DEF", "GHI"]


@needs_samples
def test_nested_tables_stay_in_their_cell() -> None:
    doc = _read_sample("kised_dodak_2025_bizplan_form.hwp")
    with_nested = [c for b in doc.blocks if b.table for c in b.table.cells if c.nested]
    assert with_nested
    outer = with_nested[0]
    inner_text = "\n".join(c.text for c in outer.nested[0].cells)
    assert inner_text and inner_text in doc.text[outer.start:outer.end]


@needs_samples
def test_captions_and_headers_have_their_kinds() -> None:
    doc = _read_sample("hancom_hwp5_spec_rev1_3_distribution.hwp")
    captions = [doc.block_text(b) for b in doc.blocks if b.kind == "caption"]
    assert "표 6 제어 문자" in captions
    assert any(b.kind == "header" for b in doc.blocks)
    assert {b.section_index for b in doc.blocks} == set(range(6))


# --- synthetic records -----------------------------------------------------------------


def _record(tag: int, level: int, payload: bytes = b"") -> bytes:
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + payload
    return struct.pack("<I", tag | level << 10 | size << 20) + payload


def _text(s: str) -> bytes:
    return s.encode("utf-16-le")


def _extended(code: int, chid: bytes) -> bytes:
    """An 8-WCHAR extended control as it sits in PARA_TEXT (control id stored reversed)."""
    return struct.pack("<H", code) + chid[::-1] + bytes(8) + struct.pack("<H", code)


def _paragraph(level: int, text: bytes, *children: bytes) -> bytes:
    body = _record(hwp.TAG_PARA_HEADER, level, bytes(22))
    body += _record(hwp.TAG_PARA_TEXT, level + 1, text + _text("\r"))
    body += _record(0x10 + 52, level + 1, bytes(8))  # PARA_CHAR_SHAPE, skipped
    return body + b"".join(children)


def _ctrl(level: int, chid: bytes, extra: bytes = bytes(12)) -> bytes:
    return _record(hwp.TAG_CTRL_HEADER, level, chid[::-1] + extra)


def _table(level: int, rows: int, cols: int, cells: list[tuple[int, int, int, int, bytes]],
           caption: bytes | None = None) -> bytes:
    """A table control at `level`; cells are (col, row, colspan, rowspan, paragraphs)."""
    out = _ctrl(level, b"tbl ")
    if caption is not None:  # caption LIST_HEADER: list header, then properties (2 = top)
        out += _record(hwp.TAG_LIST_HEADER, level + 1, struct.pack("<HHII", 1, 0, 0, 2))
        out += caption
    out += _record(hwp.TAG_TABLE, level + 1, struct.pack("<IHH", 0, rows, cols) + bytes(10))
    for col, row, colspan, rowspan, paras in cells:
        header = struct.pack("<HHIHHHH", 1, 0, 0, col, row, colspan, rowspan) + bytes(18)
        out += _record(hwp.TAG_LIST_HEADER, level + 1, header) + paras
    return out


def _read_body(body: bytes) -> Document:
    reader = hwp._BodyReader([])
    reader.read_section(0, body, "BodyText/Section0")
    out = reader.output()
    source = SourceInfo(path="t.hwp", sha256="0" * 64, format="hwp")
    return build_document(out.blocks, source, out.findings)


def test_paragraph_control_characters() -> None:
    text = (_text("가") + _extended(2, b"secd") + _text("나") + struct.pack("<H", 9) + bytes(14)
            + _text("다") + struct.pack("<H", 10) + _text("라") + struct.pack("<H", 30)
            + _text("마"))
    doc = _read_body(_paragraph(0, text, _ctrl(1, b"secd")))
    assert doc.text == "가나 다\n라 마"  # tab becomes a space in a paragraph (builder)


def test_surrogate_pairs_private_use_and_extended_size() -> None:
    long_text = "공고" * 3000  # PARA_TEXT past 4095 bytes: extended size DWORD
    text = _text("\U000f02ce 항목 \U000f02fc 세부 \uf53a글 ") + _text(long_text)
    doc = _read_body(_paragraph(0, text))
    # a known glyph is mapped one character for one (gonggo.ingest.glyphs), an unknown kept
    assert doc.text.startswith("\U000f02ce 항목 ▪ 세부 한글 공고")
    assert doc.text.endswith(long_text)
    [finding] = [f for f in doc.findings if f.code == "unmapped_glyphs"]
    assert "U+F02CE×1" in finding.message and "F02FC" not in finding.message


# Code units around the plain-text shortcut's edges: " 가" is 20 00 00 AC (a control-like
# byte pair across two characters), lone surrogates, controls (no shortcut there).
@settings(max_examples=300)
@given(st.lists(st.sampled_from([0x20, 0xAC00, 0x41, 0x0D00, 0x1F00, 0xD800, 0xDC00, 0x1E, 0x0D]),
                max_size=10))
def test_plain_text_shortcut_reads_as_the_control_walk(units: list[int]) -> None:
    raw = struct.pack(f"<{len(units)}H", *units)
    expected = "".join(hwp._decode_para_text(raw + _text("\r"), 0, len(raw) + 2)[0])
    paragraph = _paragraph(0, raw)
    assert hwp._SectionRecords(paragraph, 0).read()[0].text == expected
    table = _table(1, 1, 1, [(0, 0, 1, 1, _paragraph(2, raw))])
    blocks = hwp._SectionRecords(_paragraph(0, _extended(11, b"tbl "), table), 0).read()
    assert blocks[1].table is not None and blocks[1].table.cells[0].text == expected


def test_table_with_span_nested_table_and_caption() -> None:
    inner = _table(3, 1, 2, [(0, 0, 1, 1, _paragraph(4, _text("안1"))),
                             (1, 0, 1, 1, _paragraph(4, _text("안2")))])
    cells = [
        (0, 0, 2, 1, _paragraph(2, _text("제목"))),
        (0, 1, 1, 1, _paragraph(2, _text("왼쪽")) + _paragraph(2, _text("둘째 줄"))),
        (1, 1, 1, 1, _paragraph(2, _text("바깥") + _extended(11, b"tbl "), inner)),
    ]
    caption = _paragraph(2, _text("표 ") + _extended(18, b"atno") + _text(" 예산"),
                         _ctrl(3, b"atno", struct.pack("<IH", 0, 7)))
    body = _paragraph(0, _extended(11, b"tbl "), _table(1, 2, 2, cells, caption))
    body += _paragraph(0, _text("다음 문단"))
    doc = _read_body(body)
    assert [b.kind for b in doc.blocks] == ["caption", "table", "paragraph"]
    assert doc.block_text(doc.blocks[0]) == "표 7 예산"
    table = doc.blocks[1].table
    assert table is not None and (table.n_rows, table.n_cols) == (2, 2)
    title = table.cells[0]
    assert (title.row, title.col, title.col_span, title.text) == (0, 0, 2, "제목")
    assert table.cells[1].text == "왼쪽\n둘째 줄"
    outer = table.cells[2]
    assert outer.nested and outer.nested[0].rows_text() == [["안1", "안2"]]
    assert doc.block_text(doc.blocks[1]) == "제목\n왼쪽\n둘째 줄\t바깥\n안1\t안2"


def test_text_boxes_headers_and_footnotes_keep_their_text() -> None:
    text_box = (_ctrl(1, b"gso ") + _record(0x10 + 60, 2, bytes(8))  # SHAPE_COMPONENT
                + _record(hwp.TAG_LIST_HEADER, 3, bytes(8)) + _paragraph(3, _text("글상자 안")))
    header = (_ctrl(1, b"head") + _record(hwp.TAG_LIST_HEADER, 2, bytes(8))
              + _paragraph(2, _text("머리말")))
    note = (_ctrl(1, b"fn  ") + _record(hwp.TAG_LIST_HEADER, 2, bytes(8))
            + _paragraph(2, _text("각주 내용")))
    para_text = (_extended(16, b"head") + _text("본문") + _extended(11, b"gso ")
                 + _extended(17, b"fn  "))
    doc = _read_body(_paragraph(0, para_text, header, text_box, note))
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("paragraph", "본문"), ("header", "머리말"), ("paragraph", "글상자 안"),
        ("paragraph", "각주 내용")]


def test_record_past_the_end_is_reported() -> None:
    body = _paragraph(0, _text("앞 문단")) + struct.pack("<I", hwp.TAG_PARA_HEADER | 100 << 20)
    doc = _read_body(body)
    assert doc.text == "앞 문단"
    assert any(f.code == "corrupt_records" for f in doc.findings)


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-15)
    return compressor.compress(data) + compressor.flush()


def test_decompression_is_capped() -> None:
    bomb = _deflate(bytes(1_000_000))
    with pytest.raises(ResourceLimit, match="decompression bomb"):
        hwp._decompress(bomb, "BodyText/Section0", 1000, [])


def test_cut_deflate_stream_is_reported() -> None:
    findings: list = []
    deflated = _deflate(_paragraph(0, _text("앞부분 " * 500)))
    body = hwp._decompress(deflated[: len(deflated) // 2], "BodyText/Section0", 10**6, findings)
    assert body and [f.code for f in findings] == ["truncated_body"]
    with pytest.raises(CorruptDocument, match="does not decompress"):
        hwp._decompress(b"\xff" * 64, "BodyText/Section0", 10**6, [])


def test_distribution_stream_round_trip() -> None:
    seed = 0x1234_5678
    key = bytes(range(16))
    plain = bytearray(256)
    plain[:4] = seed.to_bytes(4, "little")
    offset = 4 + (seed & 0xF)
    plain[offset : offset + 16] = key
    # The scramble is an XOR stream, so scrambling the plain data gives the stored data.
    scrambled = _xor_scramble(bytes(plain))
    assert hwp._distribution_key(scrambled) == key
    deflated = _deflate(_paragraph(0, _text("배포용 본문")))
    deflated += bytes(-len(deflated) % 16)
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    stream = (_record(hwp.TAG_DISTRIBUTE_DOC_DATA, 0, scrambled)
              + encryptor.update(deflated) + encryptor.finalize())
    decrypted = hwp._decrypt_view_text(stream, "ViewText/Section0")
    assert zlib.decompressobj(-15).decompress(decrypted) == _paragraph(0, _text("배포용 본문"))


def _xor_scramble(data: bytes) -> bytes:
    out = bytearray(data)
    state = int.from_bytes(data[:4], "little")
    remaining = xor = 0
    for i in range(256):
        if remaining == 0:
            state = (state * 214013 + 2531011) & 0xFFFFFFFF
            xor = (state >> 16) & 0xFF
            state = (state * 214013 + 2531011) & 0xFFFFFFFF
            remaining = ((state >> 16) & 0xF) + 1
        if i >= 4:
            out[i] ^= xor
        remaining -= 1
    return bytes(out)


class _FakeOle:
    """Just enough of olefile.OleFileIO for the FileHeader checks."""

    def __init__(self, streams: dict[str, bytes]) -> None:
        self.streams = streams

    def exists(self, name: str) -> bool:
        return name in self.streams

    def openstream(self, name: str) -> io.BytesIO:
        return io.BytesIO(self.streams[name])


def _file_header(flags: int, version: bytes = bytes([4, 3, 0, 5])) -> bytes:
    return hwp.HWP_SIGNATURE.ljust(32, b"\0") + version + struct.pack("<I", flags) + bytes(216)


@pytest.mark.parametrize(("streams", "error", "words"), [
    ({"WordDocument": b""}, UnsupportedFormat, "Word .doc"),
    ({"Workbook": b""}, UnsupportedFormat, "Excel"),
    ({"Something": b""}, UnsupportedFormat, "not HWP"),
    ({"FileHeader": b"Microsoft Works" + bytes(40)}, CorruptDocument, "'HWP Document File'"),
    ({"FileHeader": _file_header(0b11)}, EncryptedDocument, "password-protected HWP"),
    ({"FileHeader": _file_header(1 << 4 | 1)}, DRMProtected, "DRM"),
    ({"FileHeader": _file_header(1, bytes([0, 0, 0, 3]))}, UnsupportedFormat, "HWP version 3"),
    ({"FileHeader": hwp.HWP_SIGNATURE + bytes(5)}, CorruptDocument, "FileHeader"),
])
def test_file_header_checks(streams: dict[str, bytes], error: type[IngestError],
                            words: str) -> None:
    with pytest.raises(error, match=words) as info:
        hwp._check_file_header(_FakeOle(streams))  # type: ignore[arg-type]
    assert type(info.value) is error


def test_file_header_flags_pass_through() -> None:
    ole = _FakeOle({"FileHeader": _file_header(0b101)})
    assert hwp._check_file_header(ole) == 0b101  # type: ignore[arg-type]


def test_not_ole_bytes_are_corrupt() -> None:
    with pytest.raises(CorruptDocument, match="broken OLE container"):
        read_hwp(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))


# --- malformed input never escapes as anything but an IngestError ------------------------

FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _outcome(data: bytes) -> None:
    try:
        doc = read_bytes(data, "fuzz.hwp")
    except IngestError:
        return
    assert isinstance(doc, Document) and doc.text.strip()


def _fuzz_sample(name: str) -> bytes:
    if not HWP_SAMPLES.is_dir():
        pytest.skip(f"sample corpus not found at {SAMPLES}")
    return _sample(name)


FUZZ_SAMPLES = ["pyhwp_sample5017.hwp", "hwplib_table_basic_uncompressed.hwp"]


@FUZZ
@given(st.sampled_from(FUZZ_SAMPLES), st.floats(0, 1))
def test_truncated_files(name: str, fraction: float) -> None:
    data = _fuzz_sample(name)
    _outcome(data[: int(len(data) * fraction)])


@FUZZ
@given(st.sampled_from(FUZZ_SAMPLES),
       st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 7)),
                min_size=1, max_size=40))
def test_bit_flipped_files(name: str, flips: list[tuple[float, int]]) -> None:
    data = bytearray(_fuzz_sample(name))
    for where, bit in flips:
        data[int(where * len(data))] ^= 1 << bit
    _outcome(bytes(data))


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes_after_ole_magic(tail: bytes) -> None:
    _outcome(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tail)


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_into_the_reader(data: bytes) -> None:
    try:
        read_hwp(data)
    except IngestError:
        pass


def _sample_body(name: str) -> bytes:
    data = _fuzz_sample(name)
    ole = hwp._open_ole(data)
    flags = hwp._check_file_header(ole)
    return hwp._section_body(ole, "BodyText/Section0", flags, hwp.MAX_BODY_BYTES, [])


@FUZZ
@given(st.sampled_from(FUZZ_SAMPLES),
       st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                min_size=1, max_size=30),
       st.floats(0, 1))
def test_mutated_record_streams(name: str, edits: list[tuple[float, int]], keep: float) -> None:
    """Flip bytes in a real decompressed section: the record walk must cope with any levels,
    sizes and payloads (this is where a bit flip in a compressed file never reaches)."""
    body = bytearray(_sample_body(name))
    for where, value in edits:
        body[int(where * len(body))] = value
    doc_or_error = bytes(body[: max(4, int(len(body) * keep))])
    try:
        _read_body(doc_or_error)
    except IngestError:
        pass


def test_private_use_glyph_table_keeps_offsets() -> None:
    from gonggo.ingest.glyphs import GLYPHS, map_glyphs

    assert all(len(k) == 1 and len(v) == 1 for k, v in GLYPHS.items())
    text = "\U000f02b1 연구자\t\U000f02b2 주관연구개발기관 사용\uf09e양도 \U000f0854법\U000f0855"
    out = map_glyphs(text)
    assert out == "① 연구자\t② 주관연구개발기관 사용·양도 『법』"
    assert len(out) == len(text)


def test_full_width_forms_fold_one_for_one() -> None:
    """`５０％ 이내`, `（목）`, `１８：００`: full-width ASCII reads as ASCII, offsets kept; the
    ideographic space and the middle dots stay as they are."""
    from gonggo.ingest.builder import normalize_text
    from gonggo.ingest.glyphs import map_glyphs

    text = "정부지원금 ７５％ 이내, 2026. 3. 4.（수） １８：００까지 １～３년\u3000·"
    out = map_glyphs(text)
    assert out == "정부지원금 75% 이내, 2026. 3. 4.(수) 18:00까지 1~3년\u3000·"
    assert len(out) == len(text)
    assert "75%" in normalize_text("비율 ７５％")


@settings(max_examples=2000)
@given(st.text(alphabet="가 a１％（\uf09e\uf0a7\ue000\U000f02b1\U000f02fb\U000f0100", max_size=12),
       st.integers(0, 100))
def test_map_glyphs_sparse_or_dense_is_the_translation(text: str, plain: int) -> None:
    """A few glyphs are substituted one by one, many translated: the same text either way."""
    from gonggo.ingest import glyphs

    for case in (text, "가" * plain + text, text + " " * plain + text):
        assert glyphs.map_glyphs(case) == case.translate(glyphs._TABLE)
