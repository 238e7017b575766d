"""Bytes → `Document`. One reader per format, chosen by sniffing the bytes.

    from gonggo.ingest import read_document
    doc = read_document("공고문.hwp")
    doc.text, doc.blocks, doc.sections
"""

from __future__ import annotations

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
from gonggo.ingest.sniff import sniff

if TYPE_CHECKING:  # the builder and the document model load with the first read, not here
    from gonggo.ingest.builder import ReaderOutput
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

MAX_FILE_BYTES = 200 * 1024 * 1024


def _read_format(fmt: str, data: bytes) -> ReaderOutput:
    if fmt in ("txt", "md"):
        from gonggo.ingest.builder import ReaderOutput
        from gonggo.ingest.text import decode, parse_text, truncated_tail

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
    """Read one file's bytes; raises an `IngestError` subclass, never anything else."""
    from gonggo.ingest.builder import build_document
    from gonggo.schemas.document import SourceInfo

    try:
        fmt = sniff(data, name)
        out = _read_format(fmt, data)
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


def read_document(path: str | Path) -> Document:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ResourceLimit(f"{size} bytes is over the {MAX_FILE_BYTES} byte limit", str(p))
        data = p.read_bytes()
    except IsADirectoryError as err:
        raise UnsupportedFormat("is a directory", str(p)) from err
    except FileNotFoundError as err:
        raise IngestError("no such file", str(p)) from err
    except PermissionError as err:
        raise IngestError("permission denied", str(p)) from err
    return read_bytes(data, str(p))
