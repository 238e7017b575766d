"""The per-file work of `gonggo update`, run in a worker process (or a dask worker): read,
extract, check, render. Returns plain data; the parent writes the files and the store, so a
worker killed midway leaves nothing behind."""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUFFIXES = {".txt", ".md", ".pdf", ".hwp", ".hwpx"}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def announcement_files(paths: list[Path]) -> list[Path]:
    """Files given, and announcement files under folders given (recursively), sorted, once."""
    found: dict[Path, None] = {}
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    found[f.resolve()] = None
        elif p.is_file():
            found[p.resolve()] = None
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")
    return list(found)


@dataclass
class Extracted:
    """What one file yields, ready to be stored and written."""

    path: str
    sha256: str
    spec: dict[str, Any]
    text: str
    document_gz: bytes
    review_html: str
    configs: list[dict[str, Any]]  # RuleConfig JSON per program, in program order
    configs_yaml: list[tuple[str, str]]  # (file stem, YAML)
    issuer_family: str
    year: int | None
    round: int | None
    head: str
    names: list[list[str]]  # per program
    seconds: float = 0.0
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def extract_file(path: str, sha256: str) -> Extracted:
    """Everything `update` needs from one file. A file that cannot be read comes back with
    `error` set (one line), never an exception."""
    import time

    from gonggo.export.config import configs, file_stem, to_yaml
    from gonggo.export.review import render_review
    from gonggo.ingest import IngestError
    from gonggo.pipeline import parse
    from gonggo.store.identity import identify
    from gonggo.store.similarity import HEAD_CHARS, program_names

    start = time.perf_counter()
    try:
        result = parse(Path(path))
    except IngestError as err:
        return _failed(path, sha256, str(err))
    except Exception as err:  # noqa: BLE001 - one file's bug must not stop the others
        return _failed(path, sha256, f"{path}: internal error: {type(err).__name__}: {err}")
    spec, doc = result.spec, result.document
    ident = identify(spec, doc.text)
    cfgs = configs(spec)
    return Extracted(
        path=path, sha256=sha256, spec=spec.model_dump(mode="json"), text=doc.text,
        document_gz=gzip.compress(doc.model_dump_json().encode("utf-8"), 6),
        review_html=render_review(spec, doc.text),
        configs=[c.model_dump(mode="json") for c in cfgs],
        configs_yaml=[(file_stem(c, i), to_yaml(c)) for i, c in enumerate(cfgs)],
        issuer_family=ident.issuer_family, year=ident.year, round=ident.round,
        head=doc.text[:HEAD_CHARS],
        names=[program_names(spec, p, doc.text) for p in spec.programs],
        seconds=time.perf_counter() - start)


def failed(args: tuple[str, str], error: str) -> Extracted:
    """The result of `extract_file(*args)` whose worker died (`store.pool`)."""
    return _failed(*args, error)


def _failed(path: str, sha256: str, error: str) -> Extracted:
    return Extracted(path, sha256, {}, "", b"", "", [], [], "", None, None, "", [], error=error)


def findings_json(spec: dict[str, Any]) -> str:
    return json.dumps(spec.get("findings", []), ensure_ascii=False, indent=1)
