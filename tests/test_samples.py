"""Acceptance table: every file in ../shared/samples gives text or a one-line typed error.

The expected outcome of each file was read from its MANIFEST entry. No traceback, none over
30 s (measured loosely here; speed targets proper live in `eval/`).
"""

from __future__ import annotations

import csv
import time

import pytest

from gonggo.ingest import (
    CorruptDocument,
    DRMProtected,
    EncryptedDocument,
    IngestError,
    read_document,
)

from .conftest import SAMPLES, needs_samples

EXPECTED_ERRORS: dict[str, type[IngestError]] = {
    "hwp/broken_truncated_taxtribunal_2022.hwp": CorruptDocument,
    "hwp/broken_utf8_mangled.hwp": CorruptDocument,
    "hwp/drm_markany_wrapped.hwp": DRMProtected,
    "hwp/fake_hwp_html_comment_42b.hwp": CorruptDocument,
    "hwp/pyhwp_password_12345.hwp": EncryptedDocument,
}


def _manifest() -> list[str]:
    if not (SAMPLES / "MANIFEST.tsv").exists():
        return []
    with open(SAMPLES / "MANIFEST.tsv", encoding="utf-8") as f:
        return [row["file"] for row in csv.DictReader(f, delimiter="\t")]


@needs_samples
@pytest.mark.parametrize("name", _manifest() or ["<no samples>"])
def test_sample_outcome(name: str) -> None:
    path = SAMPLES / name
    started = time.perf_counter()
    expected = EXPECTED_ERRORS.get(name)
    if expected is not None:
        with pytest.raises(expected) as info:
            read_document(path)
        message = str(info.value)
        assert "\n" not in message and name.split("/")[-1] in message
    else:
        doc = read_document(path)
        assert len(doc.text.strip()) > 20
        assert "상위 버전의 배포용 문서" not in doc.text[:200]
    assert time.perf_counter() - started < 30


@needs_samples
def test_same_announcement_in_two_formats() -> None:
    hwp = read_document(SAMPLES / "hwp/msit_ict_rnd_2026_1st_gonggo.hwp")
    assert "제2026-0002호" in hwp.text
    pdf = read_document(SAMPLES / "pdf/msit_ict_rnd_2026_1st_gonggo.pdf")
    unmapped = [f for f in pdf.findings if f.code == "unmapped_glyphs"]
    assert unmapped and unmapped[0].pages


@needs_samples
@pytest.mark.parametrize(
    ("name", "programish_heading"),
    [
        ("hwp/gangnam_seum_bid_gongo_2024_distribution.hwp", None),
        ("hwpx/gangnam_gongo_2023_745_ipbeop.hwpx", None),
        ("hwp/msit_ict_rnd_2026_1st_gonggo.hwp", None),
    ],
)
def test_real_files_get_a_section_tree(name: str, programish_heading: str | None) -> None:
    doc = read_document(SAMPLES / name)
    assert doc.sections, name
    for s in doc.sections:
        assert s.parent is None or doc.sections[s.parent].start <= s.start
        assert s.end <= len(doc.text)
    assert any(b.section_path for b in doc.blocks)
