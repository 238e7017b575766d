"""The LangChain loader yields one Document per section of the document model."""

from __future__ import annotations

import pytest

pytest.importorskip("langchain_core")

from langchain_core.document_loaders import BaseLoader

from gonggo.extractors.header import read_header
from gonggo.ingest import IngestError, read_document
from gonggo.langchain_loader import GonggoLoader
from gonggo.reading.programs import split_programs

from .conftest import SAMPLES, needs_samples, seed_path


def test_one_document_per_section_with_its_text_span() -> None:
    path = seed_path("004")
    doc = read_document(path)
    loaded = GonggoLoader(path).load()
    assert isinstance(GonggoLoader(path), BaseLoader)
    assert len(loaded) == len(doc.sections) > 50
    for section, lc in zip(doc.sections, loaded, strict=True):
        meta = lc.metadata
        assert (meta["start"], meta["end"]) == (section.start, section.end)
        assert lc.page_content == doc.text[section.start:section.end]
        assert lc.page_content.lstrip().startswith(section.title)
        assert meta["section_index"] == section.index and meta["source"] == str(path)
        assert meta["section"].endswith(section.title)
        assert "page" not in meta  # a text file has no pages


def test_section_path_and_program_of_a_single_program_file() -> None:
    loaded = GonggoLoader(seed_path("004")).load()
    by_path = {d.metadata["section"]: d for d in loaded}
    exclusions = by_path["5. 지원제외 대상 및 유의사항 > □ 지원제외 대상 > ◦ 휴·폐업중인 기업"]
    assert exclusions.page_content == "◦ 휴·폐업중인 기업"
    assert exclusions.metadata["level"] == 3
    assert {d.metadata["program"] for d in loaded} == {"스마트공장 AS지원사업"}


def test_master_announcement_sections_name_their_program() -> None:
    path = seed_path("002")
    doc = read_document(path)
    scopes = split_programs(doc, read_header(doc).announced_on)
    loaded = list(GonggoLoader(path).lazy_load())
    assert len(loaded) == len(doc.sections)
    named = {d.metadata.get("program") for d in loaded} - {None}
    assert named == {s.name for s in scopes} and len(named) == 10
    for d in loaded:
        owner = [s.name for s in scopes if s.start <= d.metadata["start"] < s.end]
        assert d.metadata.get("program") == (owner[0] if owner else None), d.metadata
    overview = next(d for d in loaded if d.metadata["section"] == "Ⅰ. 사업개요")
    assert "program" not in overview.metadata  # shared by all programs
    first = scopes[0]
    assert any(d.metadata["section"].endswith(" > □ 신청자격")
               and d.metadata["program"] == first.name for d in loaded)


def test_unreadable_file_raises_the_typed_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "공고.hwp"
    bad.write_bytes(b"<MARKANY_DOCUMENTSAFER>" + b"\0" * 64)
    with pytest.raises(IngestError):
        GonggoLoader(bad).load()


@needs_samples
def test_pdf_sections_carry_their_page() -> None:
    path = SAMPLES / "pdf/msit_ict_rnd_2026_1st_gonggo.pdf"
    doc = read_document(path)
    loaded = GonggoLoader(path).load()
    assert len(loaded) == len(doc.sections)
    pages = [d.metadata.get("page") for d in loaded]
    assert pages == [doc.page_at(s.start) for s in doc.sections]
    assert max(p or 0 for p in pages) > 1
