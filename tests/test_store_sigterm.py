"""SIGTERM in the middle of `gonggo update`: the store stays consistent (a transaction per
file), no output is half-written (temp file + rename), and the next run finishes the rest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .test_store import tiny

N = 16


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_sigterm_midway_then_the_next_run_finishes(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(N):
        tiny(inputs, f"call_{i:02d}.txt", 2000 + i % 25, (i // 25) + 1, cap=i + 1)
    db, out = tmp_path / "store.db", tmp_path / "out"
    cmd = [sys.executable, "-m", "gonggo", "update", str(inputs), "--db", f"sqlite:///{db}",
           "--out", str(out), "--jobs", "1"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while _count(db, "announcements") < 2 and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    stored = _count(db, "announcements")
    assert 2 <= stored < N, "the stop did not land midway"
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("select a.name, a.outputs, count(e.id) from announcements a "
                            "left join editions e on e.announcement_id = a.id group by a.id")
        for name, outputs, editions in rows:
            assert editions == 1, name  # never an announcement without its editions
            for rel in __import__("json").loads(outputs).values():
                assert (out / rel).stat().st_size > 0
    assert not list(out.rglob("*.tmp")), "a half-written output was left"
    again = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env,
                           timeout=300)
    assert again.returncode == 0, again.stderr
    assert _count(db, "announcements") == N
    assert _count(db, "change_sets") == N  # every edition paired (or a first edition)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from announcements where paired_at is null"
                            ).fetchone()[0] == 0
