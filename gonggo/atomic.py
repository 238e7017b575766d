"""Atomic writes: every file gonggo writes appears whole or not at all.

    write_text(path, text)

The text goes to a temporary file in the same folder, is flushed and fsynced, then renamed
over the target (`os.replace`, atomic on POSIX and Windows). A SIGTERM or a full disk
midway leaves the old file (or none) and at most a `.<name>.*.tmp` that is removed on
failure; never a truncated JSON, YAML or HTML file. Errors surface as `WriteError`, one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from os import PathLike
from pathlib import Path

from gonggo.ingest.files import printable


class WriteError(Exception):
    """A file could not be written (full disk, permissions, a folder in the way)."""


def write_text(path: str | PathLike[str], text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | PathLike[str], data: bytes) -> None:
    target = Path(path)
    folder = target.parent
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp",
                                        dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as err:
        raise WriteError(f"cannot write {printable(target)}: {_reason(err)}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _reason(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "no space left on the device"
    return err.strerror or type(err).__name__


