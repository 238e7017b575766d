"""The document model: spans are exact, every character is in some block, JSON round-trips."""

from __future__ import annotations

from gonggo.ingest import read_bytes, read_document
from gonggo.schemas.document import Document

from .conftest import SEEDS


def _check_spans(doc: Document) -> None:
    text = doc.text
    covered = [False] * len(text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(text)
        for i in range(block.start, block.end):
            covered[i] = True
        if block.table:
            for cell in block.table.cells:
                assert block.start <= cell.start <= cell.end <= block.end
                assert text[cell.start : cell.end] == cell.text
    # Only the single newlines between blocks are outside blocks.
    assert all(c or text[i] in "\n\t" for i, c in enumerate(covered))
    for s in doc.sections:
        assert doc.blocks[s.block].start == s.start
        assert s.start <= s.end <= len(text)


def test_seed_documents_have_exact_spans_and_round_trip() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path)
        _check_spans(doc)
        again = Document.model_validate_json(doc.model_dump_json())
        assert again == doc


def test_table_cells_and_spans_round_trip() -> None:
    doc = read_bytes("구분\t정부\t자부담\n고도화\t0.18억원\t30%\n".encode(), "t.txt")
    (block,) = doc.blocks
    assert block.kind == "table" and block.table is not None
    assert block.table.rows_text() == [["구분", "정부", "자부담"], ["고도화", "0.18억원", "30%"]]
    assert Document.model_validate_json(doc.model_dump_json()) == doc


def test_table_grid_is_laid_out_once_and_never_shared() -> None:
    from gonggo.schemas.document import Cell, Table

    def cell(row: int, col: int, text: str, **spans: int) -> Cell:
        return Cell(row=row, col=col, text=text, start=0, end=len(text), **spans)

    merged = cell(0, 0, "구분", row_span=2)
    table = Table(n_rows=2, n_cols=2, cells=[merged, cell(0, 1, "a"), cell(1, 1, "b")])
    first = table.grid()
    assert [[c.text if c else None for c in row] for row in first] == [["구분", "a"], ["구분", "b"]]
    first[1][0] = None  # a caller's change stays in its own copy
    first.append([])
    assert table.grid()[1][0] is merged and len(table.grid()) == 2
    assert table.grid() is not table.grid() and table.grid()[0] is not table.grid()[0]
    assert Table.model_validate_json(table.model_dump_json()) == table  # no cache in the model
    # cells replaced (or added to) after a grid was asked for: laid out again
    table.cells = [cell(0, 0, "x"), cell(1, 0, "y")]
    assert table.rows_text() == [["x", ""], ["y", ""]]
    table.cells.append(cell(1, 1, "z"))
    assert table.rows_text() == [["x", ""], ["y", "z"]]
