"""Paths, special files, config inputs, usage errors, atomic writes and --timeout (issues
14 and 20): each hostile input ends in one line naming it, quickly, never a traceback."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gonggo import atomic
from gonggo.ingest import IngestError
from gonggo.ingest.isolate import TimedOut, run_isolated
from tests.fuzz.harness import Run, run_cli

SEED = min((Path(__file__).resolve().parents[1] / "corpus" / "seeds").glob("*.txt"))


def one_line_error(run: Run, *words: str) -> str:
    assert run.problems() == [], run
    assert run.code in (1, 2, 4), run  # 4: simulate's bad input
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gonggo: "), run.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


# -- special files and paths --------------------------------------------------------------


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    line = one_line_error(run_cli(["ingest", "pipe.txt"], tmp_path), "pipe.txt", "FIFO")
    assert "not a regular file" in line


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    one_line_error(run_cli(["extract", device], tmp_path), device, "device")


def test_socket_directory_loop_long_name_and_path_through_a_file(tmp_path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.txt"))
        one_line_error(run_cli(["ingest", "s.txt"], tmp_path), "s.txt", "socket")
    finally:
        sock.close()
    (tmp_path / "folder.txt").mkdir()
    one_line_error(run_cli(["check", "folder.txt"], tmp_path), "folder.txt", "directory")
    os.symlink("loop_b.txt", tmp_path / "loop_a.txt")
    os.symlink("loop_a.txt", tmp_path / "loop_b.txt")
    one_line_error(run_cli(["ingest", "loop_a.txt"], tmp_path), "loop_a.txt", "symbolic link")
    one_line_error(run_cli(["ingest", "n" * 300 + ".txt"], tmp_path), "too long")
    (tmp_path / "file.txt").write_text("x")
    one_line_error(run_cli(["ingest", "file.txt/x"], tmp_path), "file.txt/x", "not a folder")
    one_line_error(run_cli(["ingest", "missing.txt"], tmp_path), "missing.txt", "no such file")


def test_undecodable_file_name_is_printed_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff.hwp")
    (tmp_path / name).write_bytes(b"not a hwp")
    for command in ("ingest", "extract", "review"):
        one_line_error(run_cli([command, name], tmp_path), "bad\\udcff.hwp")


def test_file_names_are_never_console_markup(tmp_path: Path) -> None:
    (tmp_path / "[").mkdir()  # "[/red]y.txt" is the file "red]y.txt" in the folder "["
    for name in ("x].txt", "[/x].txt", "[/red]y.txt"):
        (tmp_path / name).write_bytes(SEED.read_bytes())
    run = run_cli(["extract", "x].txt", "[/x].txt", "[/red]y.txt", "--out", "specs", "--jobs", "1"],
                  tmp_path)
    assert run.problems() == [] and run.code == 0, run
    for name in ("x].txt:", "red]y.txt:"):
        assert name in run.stderr, run.stderr
    (tmp_path / "[/red]bad.txt").write_bytes(b"\0" * 10)
    one_line_error(run_cli(["check", "[/red]bad.txt"], tmp_path), "[/red]bad.txt")


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    from gonggo.ingest import files

    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(IngestError, match="over the 4096 byte limit"):
        files.read_input(path, 4096)
    assert files.read_input(path, 5000) == b"a" * 5000


# -- configs, specs, profiles ------------------------------------------------------------


@pytest.fixture(scope="module")
def rule_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gonggo.export.config import write_configs
    from gonggo.pipeline import parse

    out = tmp_path_factory.mktemp("rules")
    written = write_configs(parse(SEED).spec, out)
    return written[0][0]


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n"
    for i in range(8))


@pytest.mark.parametrize(("profile", "words"), [
    (LAUGHS, "aliases"),
    ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 200)), "nested"),
    ("[" * 100_000 + "]" * 100_000, "nested"),
    (b"role: \xff\xfe\n", "UTF-8"),
    ("- 도입기업\n- 소기업\n", "mapping"),
    ("just a string\n", "mapping"),
])
def test_hostile_profiles(tmp_path: Path, rule_config: Path, profile: str | bytes,
                          words: str) -> None:
    path = tmp_path / "profile.yaml"
    path.write_bytes(profile if isinstance(profile, bytes) else profile.encode())
    run = run_cli(["simulate", str(rule_config), "--total-cost", "100000000",
                   "--applicant", "profile.yaml"], tmp_path)
    one_line_error(run, "profile.yaml", words)


@pytest.mark.parametrize("value", ["abc", "NaN", "0x10", "-5", "1e9", ""])
def test_total_cost_usage_error_is_one_line(tmp_path: Path, rule_config: Path,
                                            value: str) -> None:
    run = run_cli(["simulate", str(rule_config), "--total-cost", value], tmp_path)
    assert run.code == 4  # simulate's documented exit for bad input
    one_line_error(run, "--total-cost")


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    one_line_error(run_cli(["extract"], tmp_path), "Missing argument")
    one_line_error(run_cli(["check", "x.txt", "--nope"], tmp_path), "--nope")


@pytest.mark.parametrize(("text", "words"), [
    ('{"schema_version": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
    ('{"schema_version": "1", "n": ' + "9" * 5000 + "}", "digits"),
    ('{"schema_version": "1", "n": NaN}', "NaN"),
    ('{"schema_version": "1", "programs": [' + ",".join(["{}"] * 20_000) + "]}", "programs"),
    ('{"schema_version": "1", "programs": [{"tracks": [' + ",".join(["{}"] * 100_000) + "]}]}",
     "tracks"),
])
def test_hostile_specs(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / "spec.json").write_text(text)
    for command in (["export", "spec.json", "--out", "rules"], ["diff", "spec.json", "spec.json"]):
        one_line_error(run_cli(command, tmp_path), "spec.json", words)  # CPU < 10 s inside


def test_hostile_rule_config(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text("program: x\ntracks:\n" + "  - {name: t}\n" * 100_000)
    one_line_error(run_cli(["simulate", "c.yaml", "--total-cost", "1"], tmp_path), "c.yaml",
                   "YAML values")
    (tmp_path / "c.yaml").write_text("program: x\ntracks:\n" + "  - {}\n" * 1001)
    one_line_error(run_cli(["simulate", "c.yaml", "--total-cost", "1"], tmp_path), "c.yaml",
                   "1001 tracks (limit 1000)")


# -- atomic writes ---------------------------------------------------------------------


def test_full_disk_is_one_error_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "spec.json"
    target.write_text("old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(atomic.WriteError, match="no space left"):
        atomic.write_text(target, "new" * 1000)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.json"]


def test_sigterm_midway_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    size = 64 << 20
    script = (f"import sys; from gonggo import atomic\n"
              f"data = b'x' * {size}\n"
              f"print('ready', flush=True)\n"
              f"while True:\n    atomic.write_bytes({str(target)!r}, data)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
    time.sleep(0.4)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGTERM
    if target.exists():
        assert target.stat().st_size == size  # whole, never a truncated file
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    # A temp file may survive a kill, but never under the target's name.
    assert all(p.name.startswith(".out.json.") and p.name.endswith(".tmp") for p in leftovers)


# -- output names and --timeout -----------------------------------------------------------


def test_same_stem_inputs_never_share_an_output(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("notice.txt", "notice.md", "a/notice.txt"):
        (tmp_path / name).write_bytes(SEED.read_bytes())
    run = run_cli(["extract", "notice.txt", "notice.md", "a/notice.txt", "--out", "specs"],
                  tmp_path)
    assert run.code == 0, run
    names = sorted(p.name for p in (tmp_path / "specs").iterdir())
    assert len(names) == 3 and "notice.md.json" in names
    assert sum(n.startswith("notice.txt.") for n in names) == 2


def test_worker_timeout_and_crash_are_ingest_errors() -> None:
    with pytest.raises(TimedOut, match="time limit of 0.5 s"):
        run_isolated(time.sleep, 30, timeout=0.5)
    with pytest.raises(IngestError, match="SIGABRT"):
        run_isolated(os.abort)
    with pytest.raises(ValueError, match="boom"):
        run_isolated(_raise, "boom")
    assert run_isolated(sum, [1, 2, 3]) == 6


def _raise(message: str) -> None:
    raise ValueError(message)


def test_timeout_makes_a_slow_file_one_line_and_the_batch_goes_on(tmp_path: Path,
                                                                   monkeypatch) -> None:
    from gonggo.cli import commands

    real = commands.parse

    def slow_for_some(path, **kw):  # type: ignore[no-untyped-def]
        if Path(path).name.startswith("slow"):
            time.sleep(60)
        return real(path, **kw)

    monkeypatch.setattr(commands, "parse", slow_for_some)
    for name in ("good.txt", "slow.txt"):
        (tmp_path / name).write_bytes(SEED.read_bytes())
    # --jobs 1: the files run in this (patched) process, each within its own timed worker
    run = run_cli(["extract", "slow.txt", "good.txt", "--out", "specs", "--timeout", "2",
                   "--jobs", "1"], tmp_path, limit=30)
    assert run.code == 1 and run.seconds < 20, run
    assert "slow.txt: timed out" in run.stderr
    assert json.loads((tmp_path / "specs" / "good.json").read_text())["programs"]
    assert not (tmp_path / "specs" / "slow.json").exists()
