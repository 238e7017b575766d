"""Typed reading errors. The CLI catches `IngestError` once and prints `str(err)` on one line."""

from __future__ import annotations


class IngestError(Exception):
    """Base class: the file could not be turned into a Document."""

    what = "cannot read"

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        # A file name may hold undecodable bytes (surrogate escapes): print them escaped.
        path = self.path.encode("utf-8", "backslashreplace").decode() if self.path else ""
        where = f"{path}: " if path else ""
        return f"{where}{self.what}: {self.message}"


class UnsupportedFormat(IngestError):
    what = "unsupported format"


class EncryptedDocument(IngestError):
    what = "encrypted document"


class DRMProtected(EncryptedDocument):
    what = "DRM-protected document"


class CorruptDocument(IngestError):
    what = "corrupt document"


class LegacyFormat(UnsupportedFormat):
    """A real Hangul file of a generation we do not read (HWP 3, HWPML)."""

    what = "legacy format"


class ResourceLimit(IngestError):
    """Refused to protect the machine (zip bomb, absurd sizes)."""

    what = "refused"
