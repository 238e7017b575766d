"""The HTML 신구대비표 opened in a real headless Chromium: the screenshot shows the table.

The PNG is decoded with the standard library only (zlib + the PNG filters), and the test
looks for the colours the report paints: the header cells of the table, struck (red) and
underlined (blue) words. Skips with the reason when no Chromium is installed (`.ci/run`
installs Debian's `chromium` before `make test`).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

from gonggo.changes.diff import diff
from gonggo.changes.locate import annotate
from gonggo.changes.report import to_html
from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_document
from gonggo.validate.checks import validate

from .conftest import seed_path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WIDTH, HEIGHT = 1400, 2000
HEADER = (0xDF, 0xE7, 0xF3)  # th background in changes/report.py
STRUCK = (0xB0, 0x00, 0x00)  # del colour
UNDERLINED = (0x00, 0x48, 0xB3)  # ins colour


def browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for x in range(stride):
            left = row[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[x] = (row[x] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                    else corner)) & 0xFF
        previous = row
        rgb = bytes(row) if channels == 3 else bytes(b for i, b in enumerate(row) if i % 4 != 3)
        rows.append(rgb)
    return width, height, rows


def colours(rows: list[bytes], step: int = 2) -> Counter[tuple[int, int, int]]:
    """Pixel colours, sampling every `step`-th pixel of every `step`-th row."""
    counts: Counter[tuple[int, int, int]] = Counter()
    for row in rows[::step]:
        for x in range(0, len(row) - 2, 3 * step):
            counts[(row[x], row[x + 1], row[x + 2])] += 1
    return counts


def near(counts: Counter[tuple[int, int, int]], colour: tuple[int, int, int],
         tolerance: int = 24) -> int:
    return sum(n for c, n in counts.items()
               if all(abs(a - b) <= tolerance for a, b in zip(c, colour)))


def test_png_decoder_reads_a_tiny_image() -> None:
    # 2×1 RGB image, rows filtered with Sub: red then green
    row = b"\x01" + bytes([255, 0, 0]) + bytes([(0 - 255) & 0xFF, 255, 0])
    ihdr = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(row)) \
        + chunk(b"IEND", b"")
    assert decode_png(png) == (2, 1, [bytes([255, 0, 0, 0, 255, 0])])


def test_the_html_report_renders_its_table_in_chromium(tmp_path: Path) -> None:
    binary = browser()
    if binary is None:
        pytest.skip("no Chromium binary (chromium / chromium-browser / google-chrome) on PATH; "
                    ".ci/run installs Debian's chromium")
    docs = [read_document(seed_path(p)) for p in ("002", "004")]
    old, new = (validate(d, extract(d)) for d in docs)
    page = to_html(annotate(diff(old, new), *docs), "(2021)", "(2023)")
    report, shot = tmp_path / "report.html", tmp_path / "report.png"
    report.write_text(page, encoding="utf-8")
    result = subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", report.as_uri()],
        capture_output=True, text=True, timeout=180, check=False, cwd=tmp_path)
    assert shot.exists(), result.stderr[-2000:]
    assert shot.stat().st_size > 20_000  # a blank page of this size compresses to ~10 KB
    width, height, rows = decode_png(shot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    counts = colours(rows)
    total = sum(counts.values())
    assert len(counts) > 50  # text antialiasing, several colours: not a single-colour page
    assert counts.most_common(1)[0][1] < 0.95 * total
    # the table header, struck old words and underlined new words are painted
    assert near(counts, HEADER, 6) > 1000, "no table header cells in the screenshot"
    assert near(counts, STRUCK, 60) > 50, "no struck (red) words in the screenshot"
    assert near(counts, UNDERLINED, 60) > 50, "no underlined (blue) words in the screenshot"
