"""Bytes → `Document`. One reader per format, chosen by sniffing the bytes.

    from gonggo.ingest import read_document
    doc = read_document("공고문.hwp")
    doc.text, doc.blocks, doc.sections
"""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from gonggo.ingest.errors import (
    CorruptDocument,
    DRMProtected,
    EncryptedDocument,
    IngestError,
    LegacyFormat,
    ResourceLimit,
    UnsupportedFormat,
)
from gonggo.ingest.files import printable, read_input
from gonggo.ingest.limits import (
    MAX_BLOCKS,
    MAX_DOCUMENT_CHARS,
    MAX_FILE_BYTES,
    MAX_TABLE_AREA,
    MAX_TABLE_CELLS,
    MAX_TABLE_COLS,
    MAX_TABLE_ROWS,
    MAX_TABLES,
    MAX_TEXT_FILE_BYTES,
)
from gonggo.ingest.sniff import sniff

if TYPE_CHECKING:  # the builder and the document model load with the first read, not here
    from gonggo.ingest.builder import RawTable, ReaderOutput
    from gonggo.schemas.document import Document

__all__ = [
    "CorruptDocument",
    "DRMProtected",
    "EncryptedDocument",
    "IngestError",
    "LegacyFormat",
    "ResourceLimit",
    "UnsupportedFormat",
    "read_bytes",
    "read_document",
]



def _read_format(fmt: str, data: bytes) -> ReaderOutput:
    if fmt in ("txt", "md"):
        from gonggo.ingest.builder import ReaderOutput
        from gonggo.ingest.text import decode, parse_text, truncated_tail

        if len(data) > MAX_TEXT_FILE_BYTES:
            raise ResourceLimit(f"{len(data)} bytes of text is over the {MAX_TEXT_FILE_BYTES} "
                                "byte limit for text files")
        text = decode(data)
        cut = truncated_tail(data, text)
        return ReaderOutput(blocks=parse_text(text), findings=[cut] if cut else [])
    if fmt == "pdf":
        from gonggo.ingest.pdf import read_pdf

        return read_pdf(data)
    if fmt == "hwp":
        from gonggo.ingest.hwp import read_hwp

        return read_hwp(data)
    if fmt == "hwpx":
        from gonggo.ingest.hwpx import read_hwpx

        return read_hwpx(data)
    raise UnsupportedFormat(f"no reader for {fmt}")


def read_bytes(data: bytes, name: str = "<bytes>") -> Document:
    """Read one file's bytes; raises an `IngestError` subclass, never anything else.

    The cycle collector is paused for the read: a reader and the builder allocate 10^4-10^5
    objects a file (records, characters, block dicts, the model) that reference counting
    frees, and the collector's passes over them were pure cost, ~7 % of an HWP read's
    instructions (msit_ict_rnd_2026_1st: 126.6 -> 118.0 M per read), and its variance: a
    full collection (~40 ms in a process with the pipeline loaded) landed in one read of
    ~7. Cycles left behind, if any, go with the next collection after the read."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_bytes(data, name)
    finally:
        if collecting:
            gc.enable()


def _read_bytes(data: bytes, name: str) -> Document:
    from gonggo.ingest.builder import build_document
    from gonggo.schemas.document import SourceInfo

    try:
        fmt = sniff(data, name)
        out = _read_format(fmt, data)
        _check_size(out)
    except IngestError as err:
        err.path = err.path or name
        raise
    except (MemoryError, RecursionError) as err:
        raise ResourceLimit(f"{type(err).__name__} while reading", name) from err
    except Exception as err:
        raise CorruptDocument(f"unreadable ({type(err).__name__}: {err})"[:300], name) from err
    source = SourceInfo(path=name, sha256=hashlib.sha256(data).hexdigest(), format=fmt,  # type: ignore[arg-type]
                        pages=out.pages)
    doc = build_document(out.blocks, source, out.findings)
    if not doc.text.strip():
        raise CorruptDocument("no readable text in the file", name)
    return doc


def _check_size(out: ReaderOutput) -> None:
    """Blocks and characters a reader produced, against `limits` (before layout)."""
    if len(out.blocks) > MAX_BLOCKS:
        raise ResourceLimit(f"{len(out.blocks)} paragraphs and tables is over the limit of "
                            f"{MAX_BLOCKS}")
    tables = [block.table for block in out.blocks if block.table is not None]
    chars = sum(len(block.text) for block in out.blocks)
    seen = 0
    while tables:
        table = tables.pop()
        seen += 1
        if seen > MAX_TABLES:
            raise ResourceLimit(f"more than {MAX_TABLES} tables")
        if len(table.cells) > MAX_TABLE_CELLS:
            raise ResourceLimit(f"a table of {len(table.cells)} cells is over the limit of "
                                f"{MAX_TABLE_CELLS}")
        _bound_table(table)
        for cell in table.cells:
            chars += len(cell.text)
            if cell.nested:
                tables.extend(cell.nested)
    if chars > MAX_DOCUMENT_CHARS:
        raise ResourceLimit(f"{chars} characters of text is over the limit of "
                            f"{MAX_DOCUMENT_CHARS}")


def _bound_table(table: RawTable) -> None:
    """Declared rows, columns and spans stay within MAX_TABLE_ROWS × MAX_TABLE_COLS, and the
    grid within MAX_TABLE_AREA: a corrupt file's geometry is not trusted, its text is kept."""
    table.n_rows = min(max(table.n_rows, 0), MAX_TABLE_ROWS)
    table.n_cols = min(max(table.n_cols, 0), MAX_TABLE_COLS)
    for cell in table.cells:
        row, col = cell.row, cell.col
        if (0 <= row < MAX_TABLE_ROWS and 0 <= col < MAX_TABLE_COLS
                and 1 <= cell.row_span <= MAX_TABLE_ROWS - row
                and 1 <= cell.col_span <= MAX_TABLE_COLS - col):
            continue  # within bounds: the clamps below would leave it as it is
        cell.row = min(max(row, 0), MAX_TABLE_ROWS - 1)
        cell.col = min(max(col, 0), MAX_TABLE_COLS - 1)
        cell.row_span = min(max(cell.row_span, 1), MAX_TABLE_ROWS - cell.row)
        cell.col_span = min(max(cell.col_span, 1), MAX_TABLE_COLS - cell.col)
    if table.n_rows * table.n_cols <= MAX_TABLE_AREA or not table.cells:
        return
    # Compact: keep only the row and column boundaries some cell uses.
    rows = sorted({c.row for c in table.cells} | {c.row + c.row_span for c in table.cells})
    cols = sorted({c.col for c in table.cells} | {c.col + c.col_span for c in table.cells})
    row_at = {v: i for i, v in enumerate(rows)}
    col_at = {v: i for i, v in enumerate(cols)}
    for cell in table.cells:
        end_row, end_col = row_at[cell.row + cell.row_span], col_at[cell.col + cell.col_span]
        cell.row, cell.col = row_at[cell.row], col_at[cell.col]
        cell.row_span, cell.col_span = end_row - cell.row, end_col - cell.col
    table.n_rows, table.n_cols = len(rows) - 1, len(cols) - 1
    if table.n_rows * table.n_cols > MAX_TABLE_AREA:
        raise ResourceLimit(f"a table of {table.n_rows} × {table.n_cols} cells is over the "
                            f"limit of {MAX_TABLE_AREA}")


def read_document(path: str | Path) -> Document:
    """Read one file: a regular file (no FIFO, device or directory), at most MAX_FILE_BYTES."""
    data = read_input(path, MAX_FILE_BYTES)
    return read_bytes(data, printable(path))
