"""The whole corpus through `gonggo update` (opt-in, ~2 min: GONGGO_FULL_CORPUS=1): every
program chain named in MANIFEST.tsv `pair_with` is paired edition by edition, nothing else
is paired, and a second run does no work."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from gonggo.store.db import open_engine, sessions
from gonggo.store.queries import pairs
from gonggo.store.update import update

from .store_support import CORPUS

pytestmark = pytest.mark.skipif(
    os.environ.get("GONGGO_FULL_CORPUS") != "1" or not (CORPUS / "MANIFEST.tsv").exists(),
    reason="opt-in (GONGGO_FULL_CORPUS=1, ~2 min) and needs ../shared/corpus")


def chains() -> tuple[list[list[str]], dict[str, int]]:
    """Groups of files MANIFEST says are editions of one program, oldest first."""
    rows = list(csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    year = {Path(r["file"]).name: int(r["year"]) for r in rows}
    group = {name: {name} for name in year}
    for r in rows:
        for other in filter(None, (x.strip() for x in r["pair_with"].split(";"))):
            merged = group[Path(r["file"]).name] | group[Path(other).name]
            for name in merged:
                group[name] = merged
    found = {frozenset(g) for g in group.values() if len(g) > 1}
    return [sorted(g, key=lambda n: year[n]) for g in found], year


def test_manifest_pairs_and_only_them(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    first = update([CORPUS], url, tmp_path / "out", jobs=os.cpu_count() or 1)
    assert first.new == 40 and not first.failed
    with sessions(open_engine(url))() as s:
        made = {(Path(p["old"]["paths"][0]).name, Path(p["new"]["paths"][0]).name)
                for p in pairs(s)}
    groups, _ = chains()
    expected = {(g[i], g[i + 1]) for g in groups for i in range(len(g) - 1)}
    assert made == expected, (sorted(made - expected), sorted(expected - made))
    assert not update([CORPUS], url, tmp_path / "out").did_work
