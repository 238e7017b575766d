"""`gonggo.batch`: per-file isolation and input order, in process and in the pool."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from gonggo.batch import run_batch

ROOT = Path(__file__).resolve().parents[1]


def touchy(path: Path) -> str:
    """A task that dies, raises or answers by the file's name (module-level: it pickles)."""
    if path.name == "die":
        os._exit(7)  # a worker killed mid-file (segfault, OOM killer)
    if path.name == "raise":
        raise ValueError("bad table")
    if path.name == "slow":
        time.sleep(0.3)  # finishes after the files behind it
    return path.name.upper()


NAMES = ["a", "slow", "raise", "b", "die", "c", "d", "e"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_file_isolated_and_in_order(jobs: int) -> None:
    names = [n for n in NAMES if jobs > 1 or n != "die"]  # in process a hard exit is ours
    outcomes = list(run_batch([Path(n) for n in names], touchy, jobs))
    assert [o.path.name for o in outcomes] == names
    by_name = {o.path.name: o for o in outcomes}
    assert by_name["raise"].error == "raise: internal error: ValueError: bad table"
    if jobs > 1:
        assert by_name["die"].error is not None and "worker process died" in by_name["die"].error
    assert [o.value for o in outcomes if o.ok] == [n.upper() for n in names
                                                   if n not in ("raise", "die")]


def test_extract_jobs_writes_the_same_specs(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from gonggo.cli.main import app

    seeds = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))[:3]
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        result = runner.invoke(app, ["extract", *map(str, [seeds[0], bad, *seeds[1:]]),
                                     "--out", str(out), "--jobs", jobs])
        assert result.exit_code == 1  # the empty file failed, the others were written
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.json" for p in seeds)
        outs.append({p.name: p.read_text(encoding="utf-8") for p in out.iterdir()})
    assert outs[0] == outs[1]
