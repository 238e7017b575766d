"""Hostile inputs, generated in code at test time (no large binary is committed).

Each generator returns `Case(name, filename, data)`. Families: HWP bombs and broken OLE
chains, HWPX zip and XML attacks, PDF form bombs, pathological text, and mutations
(truncation, bit flips) of valid files.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.ole import ole_file

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus" / "seeds"
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    data: bytes


# -- HWP ----------------------------------------------------------------------------------

TAG_PARA_HEADER, TAG_PARA_TEXT, TAG_CTRL_HEADER, TAG_LIST_HEADER, TAG_TABLE = (
    0x42, 0x43, 0x47, 0x48, 0x4D)


def record(tag: int, level: int, payload: bytes = b"") -> bytes:
    if len(payload) >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, len(payload)) + payload
    return struct.pack("<I", tag | level << 10 | len(payload) << 20) + payload


def paragraph(text: str, level: int = 0) -> bytes:
    return record(TAG_PARA_HEADER, level, bytes(22)) + record(
        TAG_PARA_TEXT, level + 1, (text + "\r").encode("utf-16-le"))


def file_header(compressed: bool) -> bytes:
    return (b"HWP Document File".ljust(32, b"\0") + bytes([0, 0, 1, 5])
            + struct.pack("<I", 1 if compressed else 0) + bytes(216))


def deflate_chunks(chunks: Iterator[bytes]) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return b"".join(comp.compress(c) for c in chunks) + comp.flush()


def hwp_file(body: bytes | None = None, *, compressed: bool = True,
             deflated: bytes | None = None, sections: int = 1, **ole_kw: object) -> bytes:
    if deflated is None:
        body = body if body is not None else paragraph("정상 문단")
        deflated = deflate_chunks(iter([body])) if compressed else body
    streams = {"FileHeader": file_header(compressed)}
    for i in range(sections):
        streams[f"BodyText/Section{i}"] = deflated
    return ole_file(streams, **ole_kw)  # type: ignore[arg-type]


def hwp_cases() -> list[Case]:
    mb = 1 << 20
    zeros = deflate_chunks(bytes(mb) for _ in range(150))  # 150 MB of zeros
    headers = record(TAG_PARA_HEADER, 0) * (mb // 4)
    heads = deflate_chunks(headers for _ in range(40))  # 10 M paragraph headers, 40 MB
    many = record(TAG_PARA_HEADER, 0) * 2_100_000  # over MAX_RECORDS, stored uncompressed
    cells = (paragraph("표") + record(TAG_CTRL_HEADER, 1, b" lbt" + bytes(40))
             + record(TAG_TABLE, 2, struct.pack("<IHH", 0, 65535, 65535) + bytes(20))
             + b"".join(record(TAG_LIST_HEADER, 2, bytes(8) + struct.pack("<HHHH", c, r, 60000, 60000)
                                + bytes(16)) + paragraph(f"셀{r}", 2)
                        for r, c in ((0, 0), (65000, 64000), (30000, 1))))
    return [
        Case("hwp-zero-bomb-150MB", "zero_bomb.hwp", hwp_file(deflated=zeros)),
        Case("hwp-zero-bomb-many-sections", "zero_sections.hwp",
             hwp_file(deflated=zeros, sections=20)),
        Case("hwp-para-header-bomb", "para_headers.hwp", hwp_file(deflated=heads)),
        Case("hwp-record-count", "records.hwp", hwp_file(many, compressed=False)),
        Case("hwp-fat-loop-512MB", "fat_loop.hwp",
             hwp_file(loop="BodyText/Section0", declared={"BodyText/Section0": 512 * mb})),
        Case("hwp-fat-loop-4GB", "fat_loop4g.hwp",
             hwp_file(loop="BodyText/Section0", declared={"BodyText/Section0": 4095 * mb})),
        Case("hwp-fat-loop-small", "fat_loop_small.hwp",
             hwp_file(paragraph("x" * 4000), loop="BodyText/Section0",
                      declared={"BodyText/Section0": 64 * 1024})),
        Case("hwp-dir-chain-loop", "dir_loop.hwp", hwp_file(dir_loop=True)),
        Case("hwp-dir-tree-loop", "tree_loop.hwp", hwp_file(tree_loop=True)),
        Case("hwp-dir-tree-deep", "tree_deep.hwp", hwp_file(paragraph("x"), sections=1500,
                                                           compressed=False)),
        Case("hwp-dir-tree-deep-storages", "tree_nest.hwp", hwp_file(nest=1500)),
        Case("hwp-difat-loop", "difat_loop.hwp", hwp_file(difat_loop=4000)),
        Case("hwp-minifat-count-bomb", "minifat_count.hwp",
             hwp_file(mini="FileHeader", mini_fat_sectors=0xFFFFFFF0)),
        Case("hwp-minifat-chain-loop", "minifat_loop.hwp",
             hwp_file(mini="FileHeader", mini_fat_sectors=3)),
        Case("hwp-mini-chain-loop", "mini_loop.hwp", hwp_file(mini="FileHeader", mini_loop=True)),
        Case("hwp-mini-valid", "mini_valid.hwp", hwp_file(paragraph("1. 지원 대상: 중소기업"),
                                                          mini="FileHeader")),
        Case("hwp-cells-outside-table", "cells.hwp", hwp_file(cells)),
        Case("hwp-valid", "valid.hwp", hwp_file(paragraph("1. 지원 대상: 중소기업"))),
    ]


# -- HWPX ---------------------------------------------------------------------------------

NS = ('xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
      'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"')


def hwpx_file(section: bytes, extra: dict[str, bytes] | None = None,
              mimetype: bytes = b"application/hwp+zip", zip64: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("mimetype")
        info.compress_type = zipfile.ZIP_DEFLATED if zip64 else zipfile.ZIP_STORED
        with zf.open(info, "w", force_zip64=zip64) as f:
            f.write(mimetype)
        zf.writestr("Contents/section0.xml", section)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def section_xml(inner: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{inner}</hs:sec>'.encode()


def hwpx_cases() -> list[Case]:
    mb = 1 << 20
    good = section_xml('<hp:p><hp:run><hp:t>1. 지원 대상</hp:t></hp:run></hp:p>')
    # mimetype as a zip64 member inflating to 64 MB of "application/hwp+zip..."
    big_mime = b"application/hwp+zip" + bytes(64 * mb)
    elements = "".join(f'<hp:x i="{i}"/>' for i in range(1_100_000))
    deep = "<hp:p>" + "<hp:run>" * 200_000 + "</hp:run>" * 200_000 + "</hp:p>"
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'
                        for i in range(10))
              + f']><hs:sec {NS}><hp:p><hp:run><hp:t>&lol9;</hp:t></hp:run></hp:p></hs:sec>')
    return [
        Case("hwpx-mimetype-zip64-bomb", "mime.hwpx", hwpx_file(good, mimetype=big_mime, zip64=True)),
        Case("hwpx-element-bomb", "elements.hwpx", hwpx_file(section_xml(elements))),
        Case("hwpx-deep-xml", "deep.hwpx", hwpx_file(section_xml(deep))),
        Case("hwpx-billion-laughs", "laughs.hwpx", hwpx_file(laughs.encode())),
        Case("hwpx-external-entity", "xxe.hwpx", hwpx_file(
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            + section_xml("<hp:p><hp:run><hp:t>&e;</hp:t></hp:run></hp:p>"))),
        Case("hwpx-zip-bomb-member", "zipbomb.hwpx",
             hwpx_file(good, {"BinData/x.bin": bytes(80 * mb)})),
        Case("hwpx-path-traversal", "traversal.hwpx", hwpx_file(good, {
            "../../../../tmp/gonggo_pwned": b"x", "/etc/passwd": b"x",
            "Contents/../../section9.xml": section_xml("<hp:p/>")})),
        Case("hwpx-valid", "valid.hwpx", hwpx_file(good)),
    ]


# -- PDF ----------------------------------------------------------------------------------


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (object i+1 = objects[i]); 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Support program) Tj ET\n"


def pdf_pages(contents_ref: list[int], resources: bytes, extra: list[bytes]) -> bytes:
    """Catalog, Pages, one Page per entry of `contents_ref`, then `extra` objects from 3."""
    n = len(contents_ref)
    first_page = 3 + len(extra)
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n, *extra]
    for ref in contents_ref:
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                    + resources + b" /Contents %d 0 R >>" % ref)
    return pdf_file(objs)


def pdf_cases() -> list[Case]:
    font_res = b"<< /Font << /F1 3 0 R >> /XObject << /X 4 0 R >> >>"
    # object 3: font; 4: the form; 5: the page content
    self_form = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources "
                       + font_res, b"0 0 m 100 100 l S q /X Do Q\n" + TEXT)
    page = stream(b"", TEXT + b"/X Do\n")
    cases = [Case("pdf-self-drawing-form", "self_form.pdf",
                  pdf_pages([5], font_res, [FONT, self_form, page]))]
    for width, depth in ((10, 7), (20, 8)):
        extra = [FONT]
        for d in range(depth):
            ref = 4 + d
            nxt = ref + 1
            if d < depth - 1:
                body = b"q 1 0 0 1 1 1 cm /X Do Q\n" * width
                res = b"<< /XObject << /X %d 0 R >> >>" % nxt
            else:
                body = b"0 0 m 50 50 l S\n" + TEXT
                res = b"<< /Font << /F1 3 0 R >> >>"
            extra.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources "
                                + res, body))
        extra.append(stream(b"", TEXT + b"/X Do\n"))
        content = 4 + depth
        cases.append(Case(f"pdf-form-fanout-{width}x{depth}", f"fanout_{width}_{depth}.pdf",
                          pdf_pages([content], font_res, extra)))
    shared = stream(b"", (TEXT + b"0 0 m 612 792 l S\n") * 400)
    cases.append(Case("pdf-3000-pages-one-stream", "pages.pdf",
                      pdf_pages([4] * 3000, b"<< /Font << /F1 3 0 R >> >>", [FONT, shared])))
    cases.append(Case("pdf-valid", "valid.pdf",
                      pdf_pages([4], b"<< /Font << /F1 3 0 R >> >>", [FONT, stream(b"", TEXT)])))
    return cases


# -- text ---------------------------------------------------------------------------------


def seed_text() -> bytes:
    seeds = sorted(SEEDS.glob("*.txt"))
    return seeds[0].read_bytes() if seeds else "1. 지원 대상\n□ 중소기업\n".encode() * 300


def text_cases() -> list[Case]:
    seed = seed_text()
    nested = "".join(" " * (i % 40) + ["□", "◦", "-", "1.", "(1)", "가.", "①"][i % 7] + f" 항목 {i}\n"
                     for i in range(16_000))
    return [
        Case("text-seed-x50", "seed50.txt", seed * 50),
        Case("text-digit-run", "digits.txt", b"1" * 1_000_000 + b"\n"),
        Case("text-digit-dates", "dates.txt", ("2024.01.01." * 50_000 + "\n").encode()),
        Case("text-money-run", "money.txt", ("1,000," * 100_000 + "원\n").encode()),
        Case("text-list-markers", "markers.txt", ("1.(1)가.①□◦-" * 50_000 + "\n").encode()),
        Case("text-unclosed-comment", "comment.txt", b"<!--" + b"a -- b <!-- " * 100_000),
        Case("text-li-line", "li.txt", b"<li>" * 200_000 + b"\n"),
        Case("text-md-separators", "sep.md", (b"|" + b"---|" * 50_000 + b"\n") * 3
             + b"-" * 500_000 + b"\n"),
        Case("text-md-table-tall", "tall.md", b"| a | b |\n|---|---|\n" + b"| 1 | 2 |\n" * 200_000),
        Case("text-tab-wide", "wide.txt", b"\t".join(b"x%d" % i for i in range(100_000)) + b"\n"),
        Case("text-million-lines", "lines.txt", b"a\n" * 1_000_000),
        Case("text-nested-outline", "outline.txt", nested.encode()),
        Case("text-boxes", "boxes.txt", "□ 상자\n".encode() * 100_000),
        Case("text-one-long-line", "long.txt", "지원 대상은 중소기업 ".encode() * 200_000),
        Case("text-nul-bytes", "nul.txt", bytes(4096) + b"abc"),
        # the same shapes within the line limits: the line rules must stay linear on them
        Case("text-digit-lines", "digit_lines.txt", (b"1" * 40_000 + b"\n") * 20),
        Case("text-date-lines", "date_lines.txt", ("2024.01.01." * 3_000 + "\n").encode() * 20),
        Case("text-money-lines", "money_lines.txt", ("1,000," * 6_000 + "원\n").encode() * 20),
        Case("text-marker-lines", "marker_lines.txt", ("1.(1)가.①□◦-" * 4_000 + "\n").encode() * 10),
        Case("text-comment-lines", "comment_lines.txt",
             seed[:5000] + b"<!-- a -- b <!-- c\n" * 50_000),
        Case("text-li-lines", "li_lines.txt", (b"<li>" * 10_000 + b"\n") * 20),
        Case("text-md-separator-lines", "sep_lines.md",
             (b"| a | b |\n|" + b"---|" * 10_000 + b" x\n") * 20),
        Case("text-md-table", "table.md", b"| a | b |\n|---|---|\n" + b"| 1 | 2 |\n" * 20_000),
        Case("text-tab-rows", "tabs.txt", b"\t".join(b"x%d" % i for i in range(5_000)) * 1
             + b"\n" + b"a\tb\n" * 30_000),
        Case("text-boxes-30k", "boxes30k.txt", "□ 상자\n".encode() * 30_000),
    ]


# -- mutations ----------------------------------------------------------------------------


def valid_files() -> list[Case]:
    files = [c for c in hwp_cases() + hwpx_cases() + pdf_cases() if c.name.endswith("valid")]
    files.append(Case("seed", "seed.txt", seed_text()[:20_000]))
    samples = SHARED / "samples"
    if samples.is_dir():
        for path in sorted(samples.rglob("*")):
            if path.is_file() and path.suffix.lower() in (".hwp", ".hwpx", ".pdf", ".txt") \
                    and path.stat().st_size < 3_000_000:
                files.append(Case(f"sample-{path.name}", path.name, path.read_bytes()))
    return files


def mutations(base: list[Case], count: int, seed: int) -> list[Case]:
    """Truncations and bit flips of `base`, reproducible from `seed`."""
    rng = random.Random(seed)
    out = []
    for k in range(count):
        case = base[k % len(base)]
        data = bytearray(case.data)
        how = rng.choice(("truncate", "flip", "flip", "zero-run", "splice"))
        if how == "truncate":
            data = data[: rng.randrange(1, max(2, len(data)))]
        elif how == "flip":
            for _ in range(rng.randint(1, 32)):
                i = rng.randrange(len(data))
                data[i] ^= 1 << rng.randrange(8)
        elif how == "zero-run":
            i = rng.randrange(len(data))
            data[i:i + rng.randint(1, 4096)] = bytes(min(4096, len(data) - i))
        else:
            i, j = sorted(rng.randrange(len(data)) for _ in range(2))
            data = data[:j] + data[i:j] + data[j:]
        out.append(Case(f"{case.name}-{how}-{k}", case.filename, bytes(data)))
    return out


def all_cases(n_mutations: int = 200, seed: int = 14) -> list[Case]:
    return (hwp_cases() + hwpx_cases() + pdf_cases() + text_cases()
            + mutations(valid_files(), n_mutations, seed))
