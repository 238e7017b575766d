"""Which reader a file needs, decided from its bytes (the extension only breaks ties)."""

from __future__ import annotations

import io
import zipfile

from gonggo.ingest.errors import CorruptDocument, DRMProtected, LegacyFormat, UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# Envelopes that Korean document-security products wrap files in.
DRM_SIGNATURES: list[tuple[bytes, str]] = [
    (b"<MARKANY_DOCUMENTSAFER", "MarkAny Document SAFER"),
    (b"<## MARKANY", "MarkAny"),
    (b"SCDSA00", "Softcamp Document Security"),
    (b"<DOCUMENTSAFER", "MarkAny Document SAFER"),
    (b"FasooDRM", "Fasoo DRM"),
    (b"<!-- FasooSecureContainer", "Fasoo DRM"),
]


def sniff(data: bytes, name: str = "") -> str:
    """Return `pdf`, `hwp`, `hwpx`, `md` or `txt`, or raise a typed error naming the file."""
    if not data:
        raise CorruptDocument("empty file")
    head = data[:1024]
    for sig, product in DRM_SIGNATURES:
        if sig in head:
            raise DRMProtected(f"wrapped in a {product} envelope; export it without DRM first")
    if data.startswith(OLE_MAGIC):
        return "hwp"  # the HWP reader tells HWP from other OLE files (.doc, .xls)
    if data.startswith((b"HWP Document File V3", b"HWP Document File V2")):
        raise LegacyFormat("HWP 3.x (or older) binary; save it as HWP 5 or HWPX")
    if data.startswith((ZIP_MAGIC, b"PK\x05\x06")):
        return _sniff_zip(data)
    if b"%PDF-" in head:
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:200].upper().find(b"<HWPML") >= 0 or (
        stripped.startswith(b"<?xml") and b"<HWPML" in data[:4096].upper()
    ):
        raise LegacyFormat("HWPML (Hangul XML, .hml); save it as HWPX")
    if data[:3] == b"\xef\xbf\xbd" and data[:300].count(b"\xef\xbf\xbd") > 5:
        raise CorruptDocument("binary file mangled by a UTF-8 text conversion (starts with U+FFFD)")
    ext = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if ext in ("hwp", "hwpx", "pdf", "doc", "docx"):
        raise CorruptDocument(f"named .{ext} but holds no {ext.upper()} data (text or HTML)")
    if ext == "md" or ext == "markdown":
        return "md"
    return "txt"


def _sniff_zip(data: bytes) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = [n.replace("\\", "/") for n in zf.namelist()]
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise CorruptDocument(f"broken zip container: {err}") from err
    lowered = [n.lower() for n in names]
    if "mimetype" in lowered:
        try:
            # Only the first bytes: the entry may be a zip64 bomb declaring gigabytes.
            with zf.open(zf.infolist()[lowered.index("mimetype")]) as entry:
                mime = entry.read(100)
        except Exception:  # noqa: BLE001 - a broken entry is a corrupt container
            mime = b""
        if b"hwp" in mime.lower():
            return "hwpx"
    if any(n.startswith("contents/section") for n in lowered):
        return "hwpx"
    if any(n.startswith("word/") for n in lowered):
        raise UnsupportedFormat("a Word .docx file; convert it to PDF or HWPX")
    if any(n.startswith("xl/") for n in lowered):
        raise UnsupportedFormat("an Excel .xlsx file")
    raise UnsupportedFormat("a zip archive that is not HWPX")
