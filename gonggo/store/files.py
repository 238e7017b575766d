"""Outputs: readable unique names, written whole or not at all (temp file + os.replace)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import regex

_UNSAFE = regex.compile(r"[^\p{L}\p{N}]+")


def slug(text: str, limit: int = 40) -> str:
    return _UNSAFE.sub("_", text).strip("_")[:limit].strip("_") or "x"


def output_name(issuer_family: str, year: int | None, stem: str, sha256: str) -> str:
    """`<issuer>_<year>_<stem>_<sha8>`: two different contents never share a name."""
    return f"{slug(issuer_family, 20)}_{year or '연도미상'}_{slug(stem, 60)}_{sha256[:8]}"


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write to a temp file beside `path`, then rename over it: readers (and a kill) never
    see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def remove_stale_temps(root: Path) -> int:
    """Temp files left by a run killed with SIGKILL (SIGTERM cleans up after itself)."""
    n = 0
    if root.is_dir():
        for p in root.rglob(".*.tmp"):
            p.unlink(missing_ok=True)
            n += 1
    return n
