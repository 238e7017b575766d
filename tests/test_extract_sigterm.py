"""SIGTERM in the middle of `gonggo extract --out`: the batch stops midway and every spec it
left is whole (each output is written to a temp file and renamed over its name), so every
`.json` present parses; at most a `.<name>.*.tmp` temp file survives the kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gonggo.schemas.announcement import Announcement

SEED = min((Path(__file__).resolve().parents[1] / "corpus" / "seeds").glob("*.txt"))
N = 24


@pytest.mark.parametrize("jobs", [1, 2])
def test_sigterm_midway_leaves_only_whole_specs(tmp_path: Path, jobs: int) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    data = SEED.read_bytes()
    names = [f"notice_{i:02d}.txt" for i in range(N)]
    for name in names:
        (inputs / name).write_bytes(data)
    cmd = [sys.executable, "-m", "gonggo", "extract", *(str(inputs / n) for n in names),
           "--out", str(out), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.json"))) < 2 and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(0.01)
    helpers = _descendants(proc.pid)  # the pool's forkserver, workers, resource tracker
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(timeout=60)
    assert code in (-signal.SIGTERM, 128 + signal.SIGTERM), code
    _assert_gone(helpers)
    written = sorted(out.glob("*.json"))
    assert 2 <= len(written) < N, f"the stop did not land midway ({len(written)} of {N})"
    for path in written:
        text = path.read_text(encoding="utf-8")
        json.loads(text)  # whole: never cut midway
        Announcement.model_validate_json(text)  # and a spec, not some other JSON
        assert path.name in {n.replace(".txt", ".json") for n in names}
    leftovers = [p.name for p in out.iterdir() if p.suffix != ".json"]
    assert all(n.startswith(".notice_") and n.endswith(".tmp") for n in leftovers), leftovers


def _descendants(pid: int) -> set[int]:
    """Every live process below `pid` (Linux /proc), or an empty set where it cannot be read."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        task_dir = Path(f"/proc/{todo.pop()}/task")
        try:
            tasks = list(task_dir.iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                kids = {int(k) for k in (task / "children").read_text().split()}
            except OSError:
                continue
            todo.extend(kids - found)
            found |= kids
    return found


def _assert_gone(pids: set[int], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    alive = set(pids)
    while alive and time.monotonic() < deadline:
        alive = {p for p in alive if Path(f"/proc/{p}").exists() and "Z" not in _state(p)}
        time.sleep(0.1)
    assert not alive, f"processes of the stopped run still alive: {sorted(alive)}"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_sigkill_leaves_no_worker_behind(tmp_path: Path) -> None:
    """A batch killed outright (SIGKILL: no handler runs) leaves no forkserver, worker or
    resource tracker behind: each worker ends when the batch's process is gone."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    names = [f"notice_{i:02d}.txt" for i in range(N)]
    for name in names:
        (inputs / name).write_bytes(SEED.read_bytes())
    cmd = [sys.executable, "-m", "gonggo", "extract", *(str(inputs / n) for n in names),
           "--out", str(out), "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.json"))) < 1 and time.monotonic() < deadline:
        assert proc.poll() is None
        time.sleep(0.01)
    helpers = _descendants(proc.pid)
    assert helpers, "the pool started no process"
    proc.kill()
    proc.wait(timeout=60)
    _assert_gone(helpers)
