"""`gonggo update --engine dask`: the same per-file work on a dask.distributed LocalCluster
gives the same store as the local pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.store.db import open_engine, sessions
from gonggo.store.queries import pairs
from gonggo.store.update import update

from .test_store import tiny


def _pairs(url: str) -> list[tuple[str, str, float]]:
    with sessions(open_engine(url))() as s:
        return [(Path(p["old"]["paths"][0]).name, Path(p["new"]["paths"][0]).name, p["score"])
                for p in pairs(s)]


def test_dask_engine_matches_the_local_pool(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the `dask` extra is not installed")
    files = [tiny(tmp_path, "a.txt", 2021), tiny(tmp_path, "b.txt", 2022, cap=2),
             tiny(tmp_path, "c.txt", 2023, cap=3)]
    local, dask = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    update(files, local, tmp_path / "out_local", jobs=1)
    summary = update(files, dask, tmp_path / "out_dask", jobs=1, engine="dask")
    assert (summary.new, summary.failed, summary.paired) == (3, [], 3)
    assert _pairs(dask) == _pairs(local) == [("a.txt", "b.txt", 1.0), ("b.txt", "c.txt", 1.0)]
    assert not update(files, dask, tmp_path / "out_dask", engine="dask").did_work
