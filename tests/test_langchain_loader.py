"""The LangChain loaders: non-overlapping chunks with their section path, the preamble kept,
files without an outline loaded by paragraph runs, and a directory loader."""

from __future__ import annotations

import pytest

pytest.importorskip("langchain_core")

import itertools

from langchain_core.document_loaders import BaseLoader

from gonggo.extractors.header import read_header
from gonggo.ingest import IngestError, read_document
from gonggo.langchain_loader import PREAMBLE, GonggoDirectoryLoader, GonggoLoader
from gonggo.reading.programs import split_programs

from .conftest import SAMPLES, needs_samples, seed_path


def _no_overlap_and_full_cover(text: str, loaded) -> None:  # type: ignore[no-untyped-def]
    spans = sorted((d.metadata["start"], d.metadata["end"]) for d in loaded)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no overlap
    for d in loaded:
        assert d.page_content == text[d.metadata["start"]:d.metadata["end"]]
    covered = sum(e - s for s, e in spans)
    assert covered == len("".join(text.split())) + sum(
        len(d.page_content) - len("".join(d.page_content.split())) for d in loaded)


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_chunks_do_not_overlap_and_cover_every_word(seed: str) -> None:
    path = seed_path(seed)
    doc = read_document(path)
    loaded = GonggoLoader(path).load()
    assert isinstance(GonggoLoader(path), BaseLoader)
    _no_overlap_and_full_cover(doc.text, loaded)
    assert sum(len(d.page_content) for d in loaded) <= len(doc.text)  # the text once, not 2-4x


def test_preamble_is_kept() -> None:
    path = seed_path("004")
    loaded = GonggoLoader(path).load()
    first = loaded[0]
    assert first.metadata["section"] == PREAMBLE and first.metadata["level"] == 0
    assert "중소벤처기업부 공고 제2023-330호" in first.page_content
    assert "공고합니다" in first.page_content


def test_section_path_and_program_of_a_single_program_file() -> None:
    loaded = GonggoLoader(seed_path("004")).load()
    by_path = {d.metadata["section"]: d for d in loaded}
    exclusions = by_path["5. 지원제외 대상 및 유의사항 > □ 지원제외 대상 > ◦ 휴·폐업중인 기업"]
    assert exclusions.page_content == "◦ 휴·폐업중인 기업"
    assert exclusions.metadata["level"] == 3
    parent = by_path["5. 지원제외 대상 및 유의사항 > □ 지원제외 대상"]
    assert "휴·폐업중인 기업" not in parent.page_content  # the child's text is the child's
    assert {d.metadata.get("program") for d in loaded} - {None} == {"스마트공장 AS지원사업"}


def test_master_announcement_chunks_name_their_program() -> None:
    path = seed_path("002")
    doc = read_document(path)
    scopes = split_programs(doc, read_header(doc).announced_on)
    loaded = list(GonggoLoader(path).lazy_load())
    named = {d.metadata.get("program") for d in loaded} - {None}
    assert named == {s.name for s in scopes} and len(named) == 10
    for d in loaded:
        owner = [s.name for s in scopes
                 if s.start <= d.metadata["start"] and d.metadata["end"] <= s.end]
        assert d.metadata.get("program") == (owner[0] if owner else None), d.metadata


def test_a_file_without_an_outline_is_loaded_by_paragraph_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plain.txt"
    lines = [f"{i}번째 문단은 개요 없는 문서의 한 줄입니다. " * 4 for i in range(30)]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.sections == []
    loaded = GonggoLoader(path).load()
    assert 3 <= len(loaded) < 30
    assert all(len(d.page_content) <= 1000 for d in loaded)
    assert all(d.metadata["section"] == "" and d.metadata["level"] == 0 for d in loaded)
    _no_overlap_and_full_cover(doc.text, loaded)
    short = tmp_path / "short.txt"
    short.write_text("첫 줄\n둘째 줄\n", encoding="utf-8")
    assert [d.page_content for d in GonggoLoader(short).load()] == ["첫 줄\n둘째 줄"]


def test_directory_loader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_bytes(seed_path("004").read_bytes())
    (tmp_path / "b.txt").write_text("한 문단\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / "bad.hwp").write_bytes(b"<MARKANY_DOCUMENTSAFER>" + b"\0" * 64)
    with pytest.raises(IngestError):
        GonggoDirectoryLoader(tmp_path).load()
    loaded = GonggoDirectoryLoader(tmp_path, silent_errors=True).load()
    sources = {d.metadata["source"].rsplit("/", 1)[-1] for d in loaded}
    assert sources == {"a.txt", "b.txt"}
    assert len(loaded) == len(GonggoLoader(tmp_path / "a.txt").load()) + 1


def test_unreadable_file_raises_the_typed_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "공고.hwp"
    bad.write_bytes(b"<MARKANY_DOCUMENTSAFER>" + b"\0" * 64)
    with pytest.raises(IngestError):
        GonggoLoader(bad).load()


@needs_samples
def test_pdf_chunks_carry_their_page() -> None:
    path = SAMPLES / "pdf/msit_ict_rnd_2026_1st_gonggo.pdf"
    doc = read_document(path)
    loaded = GonggoLoader(path).load()
    _no_overlap_and_full_cover(doc.text, loaded)
    pages = [d.metadata.get("page") for d in loaded]
    assert pages == [doc.page_at(d.metadata["start"]) for d in loaded]
    assert max(p or 0 for p in pages) > 1
