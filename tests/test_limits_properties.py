"""Property tests of the limits in gonggo/ingest/limits.py (issue 14): for any input the
readers and loaders either return or raise their one-line error, within the limit.

Deterministic in CI: every test derandomizes (examples follow from the test's source) and
keeps no example database; each example must end within the fuzz budget of 10 s.
"""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonggo.ingest import IngestError, read_bytes
from gonggo.ingest.builder import RawCell, RawTable
from gonggo.ingest.errors import ResourceLimit
from gonggo.ingest.limits import (
    MAX_CONFIG_BYTES,
    MAX_NESTING_DEPTH,
    MAX_NUMBER_DIGITS,
    MAX_OUTLINE_DEPTH,
    MAX_TABLE_AREA,
    MAX_TABLE_COLS,
    MAX_TABLE_ROWS,
    MAX_YAML_ALIASES,
)
from gonggo.ingest.structured import DataError, load_json, load_yaml
from gonggo.schemas.document import Cell, Table

PROPERTY = settings(max_examples=40, deadline=timedelta(seconds=10), derandomize=True,
                    database=None, suppress_health_check=[HealthCheck.too_slow])

# What the sniffer keys on, so that random tails reach every reader but PDF (PDFium runs in
# a worker process; tests/test_ingest_pdf.py fuzzes it).
PREFIXES = [b"", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04", b"<?xml version='1.0'?>",
            "1. 지원 대상\n□ ".encode(), b"\xef\xbb\xbf", b"\xff\xfe"]


def _one_line(err: IngestError) -> None:
    text = str(err)
    assert text and "\n" not in text and "Traceback" not in text


@PROPERTY
@given(prefix=st.sampled_from(PREFIXES), tail=st.binary(max_size=4096))
def test_any_bytes_read_or_refused_in_one_line(prefix: bytes, tail: bytes) -> None:
    try:
        doc = read_bytes(prefix + tail, "x.bin")
    except IngestError as err:
        _one_line(err)
        return
    assert doc.text.strip()
    assert all(0 <= b.start <= b.end <= len(doc.text) for b in doc.blocks)


LINE = st.tuples(st.integers(0, 12), st.sampled_from(["□", "○", "◦", "-", "*", "※", "1.", "2.",
                                                     "(1)", "가.", "①", "Ⅰ.", "<br>", "|", ""]),
                 st.text(alphabet="지원대상 공고0123.,:~", max_size=20))


@PROPERTY
@given(lines=st.lists(LINE, max_size=300))
def test_any_text_reads_with_bounded_outline(lines: list[tuple[int, str, str]]) -> None:
    text = "".join(" " * indent + marker + " " + body + "\n" for indent, marker, body in lines)
    try:
        doc = read_bytes(text.encode(), "x.txt")
    except IngestError as err:
        _one_line(err)
        return
    assert max((len(b.section_path) for b in doc.blocks), default=0) <= MAX_OUTLINE_DEPTH
    assert all(s.level <= MAX_OUTLINE_DEPTH for s in doc.sections)


@PROPERTY
@given(restarts=st.integers(1, 200))
def test_numbering_restarts_nest_no_deeper_than_the_limit(restarts: int) -> None:
    """`2. … 1. …` over and over nests one level per restart, up to MAX_OUTLINE_DEPTH."""
    doc = read_bytes(("2. 가\n1. 나\n" * restarts).encode(), "x.txt")
    depth = max(len(b.section_path) for b in doc.blocks)
    assert depth <= MAX_OUTLINE_DEPTH
    if restarts >= 2 * MAX_OUTLINE_DEPTH:
        assert depth == MAX_OUTLINE_DEPTH  # the limit is what stopped it


COORD = st.integers(-(2**31), 2**31)


@PROPERTY
@given(n_rows=COORD, n_cols=COORD,
       cells=st.lists(st.tuples(COORD, COORD, COORD, COORD), min_size=1, max_size=30))
def test_declared_cell_coordinates_never_allocate_beyond_the_limit(
        n_rows: int, n_cols: int, cells: list[tuple[int, int, int, int]]) -> None:
    """Rows, columns and spans out of any range are clamped and the grid compacted: what is
    kept fits MAX_TABLE_AREA (or the table is refused), so reading its grid is bounded."""
    from gonggo.ingest import _bound_table

    table = RawTable(n_rows, n_cols, [RawCell(r, c, "셀", rs, cs) for r, c, rs, cs in cells])
    try:
        _bound_table(table)
    except ResourceLimit as err:
        _one_line(err)
        return
    assert 0 <= table.n_rows <= MAX_TABLE_ROWS and 0 <= table.n_cols <= MAX_TABLE_COLS
    assert table.n_rows * table.n_cols <= MAX_TABLE_AREA
    for cell in table.cells:
        assert 0 <= cell.row and 1 <= cell.row_span and cell.row + cell.row_span <= MAX_TABLE_ROWS
        assert 0 <= cell.col and 1 <= cell.col_span and cell.col + cell.col_span <= MAX_TABLE_COLS
    grid = Table(n_rows=table.n_rows, n_cols=table.n_cols, cells=[
        Cell(row=c.row, col=c.col, row_span=c.row_span, col_span=c.col_span, text=c.text,
             start=0, end=0)
        for c in table.cells]).grid()  # what readers of tables allocate
    assert sum(len(row) for row in grid) <= MAX_TABLE_AREA


def _write(text: str, suffix: str) -> Path:
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False, encoding="utf-8") as f:
        f.write(text)
    return Path(f.name)


def _load(loader, text: str, suffix: str):  # type: ignore[no-untyped-def]
    path = _write(text, suffix)
    try:
        return loader(path, MAX_CONFIG_BYTES)
    finally:
        path.unlink()


@PROPERTY
@given(depth=st.integers(1, 3 * MAX_NESTING_DEPTH), kind=st.sampled_from("[{"))
def test_json_nesting_bounded(depth: int, kind: str) -> None:
    text = ('{"a":' * depth + "1" + "}" * depth) if kind == "{" else ("[" * depth + "]" * depth)
    if depth > MAX_NESTING_DEPTH:
        with pytest.raises(DataError, match="nested more than"):
            _load(load_json, text, ".json")
    else:
        _load(load_json, text, ".json")


@PROPERTY
@given(digits=st.integers(1, 3 * MAX_NUMBER_DIGITS))
def test_json_number_digits_bounded(digits: int) -> None:
    text = json.dumps({"cap": 0}).replace("0", "9" * digits)
    if digits > MAX_NUMBER_DIGITS:
        with pytest.raises(DataError, match="digits"):
            _load(load_json, text, ".json")
    else:
        assert _load(load_json, text, ".json") == {"cap": int("9" * digits)}


@PROPERTY
@given(depth=st.integers(1, 3 * MAX_NESTING_DEPTH))
def test_yaml_nesting_bounded(depth: int) -> None:
    text = "[" * depth + "]" * depth
    if depth > MAX_NESTING_DEPTH:
        with pytest.raises(DataError, match="nested more than"):
            _load(load_yaml, text, ".yaml")
    else:
        _load(load_yaml, text, ".yaml")


@PROPERTY
@given(uses=st.integers(0, 4 * MAX_YAML_ALIASES))
def test_yaml_aliases_bounded(uses: int) -> None:
    text = "a: &x [1, 2, 3]\nb: [" + ", ".join(["*x"] * uses) + "]\n"
    if uses > MAX_YAML_ALIASES:
        with pytest.raises(DataError, match="aliases"):
            _load(load_yaml, text, ".yaml")
    else:
        assert len(_load(load_yaml, text, ".yaml")["b"]) == uses


@PROPERTY
@given(text=st.text(max_size=2000))
def test_any_text_as_json_or_yaml_loads_or_fails_in_one_line(text: str) -> None:
    for loader, suffix in ((load_json, ".json"), (load_yaml, ".yaml")):
        try:
            _load(loader, text, suffix)
        except DataError as err:
            _one_line(err)
