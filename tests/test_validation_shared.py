"""Validation reads what it needs once per document: the checks share the whole text's dates,
and each headed section's tracks are read once however many programs' checks ask."""

from __future__ import annotations

from collections import Counter

import pytest

from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_document
from gonggo.validate import checks, common
from gonggo.validate.checks import validate

from .conftest import seed_path


@pytest.fixture()
def read_002():  # type: ignore[no-untyped-def]
    doc = read_document(seed_path("002"))  # a master announcement: ten programs
    return doc, extract(doc)


def test_the_whole_text_is_read_for_dates_once(read_002, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc, spec = read_002
    whole: list[str] = []

    def counting(find):  # type: ignore[no-untyped-def]
        def wrapped(text, reference=None):  # type: ignore[no-untyped-def]
            if text is doc.text:
                whole.append(text)
            return find(text, reference)
        return wrapped

    monkeypatch.setattr(common, "find_dates", counting(common.find_dates))
    monkeypatch.setattr(checks, "find_dates", counting(checks.find_dates))
    validate(doc, spec)
    assert len(whole) == 1  # check_printed_dates and the calendar checks share one reading


def test_each_section_is_read_for_tracks_once(read_002, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc, spec = read_002
    reads: Counter[tuple[int, int]] = Counter()
    extract_tracks = checks.tracks_x.extract_tracks

    def counting(scope):  # type: ignore[no-untyped-def]
        reads[(scope.start, scope.end)] += 1
        return extract_tracks(scope)

    monkeypatch.setattr(checks.tracks_x, "extract_tracks", counting)
    first = validate(doc, spec)
    assert reads and max(reads.values()) == 1
    before = sum(reads.values())
    again = validate(doc, spec)  # the same document checked again reads no section anew
    assert sum(reads.values()) == before
    assert [f.model_dump() for f in again.findings] == [f.model_dump() for f in first.findings]
