"""Opening an input: a regular file, opened once, read with a size limit.

FIFOs, devices (`/dev/zero`), sockets and directories are refused before a byte is read;
symlink loops, over-long names and paths through a file are one-line errors naming the
path as `printable` shows it (undecodable bytes of a file name escaped, never a traceback).
"""

from __future__ import annotations

import errno
import os
import stat
from os import PathLike

from gonggo.ingest.errors import IngestError, ResourceLimit, UnsupportedFormat

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_CHUNK = 1 << 20

_ERRNO_WORDS = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ELOOP: "too many levels of symbolic links (a symlink loop?)",
    errno.ENAMETOOLONG: "file name too long",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENXIO: "not a regular file (a socket or a device without a reader)",
}


def printable(path: str | PathLike[str]) -> str:
    """The path as text that can always be printed: undecodable bytes become `\\udcXX`."""
    text = os.fspath(path)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_input(path: str | PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or an `IngestError`."""
    name = printable(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise _path_error(err, name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnsupportedFormat("is a directory", name)
        if not stat.S_ISREG(info.st_mode):
            raise UnsupportedFormat(f"{_kind(info.st_mode)}, not a regular file", name)
        if info.st_size > limit:
            raise ResourceLimit(f"{info.st_size} bytes is over the {limit} byte limit", name)
        return _read_bounded(fd, limit, name)
    except OSError as err:
        raise _path_error(err, name) from None
    finally:
        os.close(fd)


def _read_bounded(fd: int, limit: int, name: str) -> bytes:
    """Read to the end, but never more than `limit` bytes (the file may grow while read)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise ResourceLimit(f"more than {limit} bytes (the file grew while read?)", name)
        chunks.append(chunk)


def _path_error(err: OSError, name: str) -> IngestError:
    words = _ERRNO_WORDS.get(err.errno or 0) or (err.strerror or type(err).__name__)
    if err.errno == errno.EISDIR:
        return UnsupportedFormat(words, name)
    return IngestError(words, name)
