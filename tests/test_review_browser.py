"""The review page: self-contained, every fact span marked, and it works in a real browser
(headless Chromium draws it, and opening it at a fact rings that fact's span)."""

from __future__ import annotations

import html
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from gonggo.export.labels import FAMILY_KO
from gonggo.export.review import fact_rows, render_review
from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_document
from gonggo.validate.checks import validate

from .conftest import seed_path

CHROMIUM = next((c for c in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             "/usr/bin/chromium") if c and Path(c).exists()), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    doc = read_document(seed_path("000"))
    ann = validate(doc, extract(doc))
    text = render_review(ann, doc.text, doc)
    target = tmp_path_factory.mktemp("review") / "000.html"
    target.write_text(text, encoding="utf-8")
    return target, text, len(fact_rows(ann))


def test_page_is_self_contained_and_every_fact_links_to_a_mark(page: tuple[Path, str, int]) -> None:
    _, text, n_facts = page
    assert not re.search(r"<(?:link|img|iframe)\b|\bsrc=|https?://[^\s'\"<]*\.(?:css|js)\b", text)
    marks = set(re.findall(r'<mark class="fact" id="(m\d+)"', text))
    rows = re.findall(r'<tr class="fact[^"]*" data-mark="(m\d*)" data-family="[A-Z]+" '
                      r'id="fact\d+"', text)
    assert len(rows) == n_facts > 30
    assert all(m in marks for m in rows if m)  # every link lands on a mark
    assert sum(bool(m) for m in rows) >= 0.9 * n_facts  # and almost every fact has one
    used = {label for label in re.findall(r'<span class="tag">([^<]+)</span>', text)}
    assert {"지원금", "지원유형", "신청기간", "제외대상", "제출서류"} <= used <= set(FAMILY_KO.values())
    assert html.escape("0.18억원") in text
    assert not re.search(r"payer_label=|cap_krw=|share_pct=|>FUNDING<", text)
    assert "[고도화] 정부 지원금 한도 1,800만원 (총사업비의 30%)" in text
    assert 'id="q" type="search"' in text  # the search box over the facts


def png_size_and_variety(path: Path) -> tuple[int, int, int]:
    """Width, height, and how many distinct byte values the (filtered) pixel data holds: a
    blank page's are a handful (0 and 255), a page of anti-aliased text and colours has ~256."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    chunks, pos = [], 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            chunks.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    return width, height, len(set(zlib.decompress(b"".join(chunks))))


@needs_chromium
def test_chromium_draws_the_page(page: tuple[Path, str, int], tmp_path: Path) -> None:
    html_file, _, _ = page
    shot = tmp_path / "review.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    f"--screenshot={shot}", "--window-size=1400,2000", html_file.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert shot.exists(), "chromium wrote no screenshot"
    width, height, variety = png_size_and_variety(shot)
    assert (width, height) == (1400, 2000)
    assert shot.stat().st_size > 30_000 and variety > 128


@needs_chromium
def test_opening_the_page_at_a_fact_rings_its_span(page: tuple[Path, str, int]) -> None:
    html_file, text, _ = page
    fact, mark = next((f, m) for m, f in re.findall(
        r'<tr class="fact" data-mark="(m\d+)" data-family="[A-Z]+" id="(fact\d+)"', text)
        if f != "fact0")
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          f"{html_file.as_uri()}#{fact}"],
                         capture_output=True, text=True, timeout=120, check=False).stdout
    assert f'<mark class="fact focus" id="{mark}"' in dom
    assert re.search(rf'<tr class="fact current" data-mark="{mark}" data-family="[A-Z]+" '
                     rf'id="{fact}"', dom)
    assert dom.count("focus") == 1 + text.count("focus")  # only that one mark is ringed


@needs_chromium
def test_opening_the_page_at_an_offset_rings_the_mark_covering_it(
        page: tuple[Path, str, int]) -> None:
    """`review.html#at12345`: how the 신구대비표 links a location into the review page."""
    html_file, text, _ = page
    mark, start, _end = next((m, int(a), int(b)) for m, a, b in re.findall(
        r'<mark class="fact" id="(m\d+)" data-start="(\d+)" data-end="(\d+)"', text)
        if int(b) - int(a) > 2 and m != "m0")
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          f"{html_file.as_uri()}#at{start + 1}"],
                         capture_output=True, text=True, timeout=120, check=False).stdout
    assert f'<mark class="fact focus" id="{mark}"' in dom


@needs_chromium
def test_search_box_filters_the_facts(page: tuple[Path, str, int], tmp_path: Path) -> None:
    _html_file, text, n_facts = page
    probe = tmp_path / "probe.html"
    probe.write_text(text.replace("</body>", "<script>var q=document.getElementById('q');"
                                  "q.value='체납';q.dispatchEvent(new Event('input'));</script>"
                                  "</body>"), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          probe.as_uri()], capture_output=True, text=True, timeout=120,
                         check=False).stdout
    shown = re.findall(r'<tr class="fact[^"]*" data-mark="m?\d*" data-family', dom)
    visible = [row for row in shown if "hidden" not in row]
    assert 1 <= len(visible) < n_facts // 4
    assert re.search(r'id="shown">(\d+)건<', dom)[1] == str(len(visible))
