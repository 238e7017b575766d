"""`make bench`'s floors: the note each row gives when a floor cannot run here (no Node, an
old Node, kordoc or pdfjs-dist not installed, an unreachable registry, rhwp-python missing),
the kordoc worker's command and protocol, `gonggo-read` reading without a fork, and the
per-format table with both ingest ratios. Nothing here installs anything."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from gonggo.eval import bench, kordoc_floor

ROOT = Path(__file__).resolve().parents[1]
PDF = bench.SAMPLES / "pdf" / "msit_bio_rfp_2026_brain.pdf"  # 3 pages
HWP = bench.SAMPLES / "hwp" / "pyhwp_table_caption.hwp"
LOCKED = bench.SAMPLES / "hwp" / "pyhwp_password_12345.hwp"
needs_samples = pytest.mark.skipif(not PDF.is_file() or not HWP.is_file(),
                                   reason=f"the sample files are not in {bench.SAMPLES}")


def _fake_node(folder: Path, version: str) -> None:
    """A `node` on PATH that only answers `--version`."""
    folder.mkdir(parents=True, exist_ok=True)
    node = folder / "node"
    node.write_text(f"#!/bin/sh\necho {version}\n", encoding="utf-8")
    node.chmod(0o755)


def _fake_package(node_dir: Path, name: str, version: str) -> None:
    folder = node_dir / "node_modules" / name
    folder.mkdir(parents=True)
    (folder / "package.json").write_text(json.dumps({"name": name, "version": version}))


@pytest.fixture
def node_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "node"
    monkeypatch.setattr(kordoc_floor, "NODE_DIR", folder)
    return folder


def test_kordoc_without_node_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    node_dir: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    for ext in (".pdf", ".hwp", ".hwpx"):
        assert bench.floor_unavailable("kordoc", ext) == "Node.js not found (no `node` on PATH)"
    assert kordoc_floor.install() == "Node.js not found (no `node` on PATH)"
    assert (node_dir / "install-failed.txt").read_text().strip() == (
        "Node.js not found (no `node` on PATH)")


def test_kordoc_on_an_old_node(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               node_dir: Path) -> None:
    _fake_node(tmp_path / "bin", "v16.20.2")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert kordoc_floor.unavailable(".hwp") == "Node.js v16.20.2 here; kordoc needs >= 18"


def test_kordoc_not_installed_names_why_the_install_failed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, node_dir: Path) -> None:
    _fake_node(tmp_path / "bin", "v20.20.2")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # node, no npm
    assert kordoc_floor.unavailable(".hwp") == (
        "kordoc 4.14.1 not installed in .bench/node (run `make bench`, which installs it with "
        "npm)")
    assert kordoc_floor.install() == "npm not found (no `npm` on PATH)"
    assert kordoc_floor.unavailable(".hwpx") == (
        "kordoc 4.14.1 not installed in .bench/node (npm not found (no `npm` on PATH))")


def test_kordoc_pdf_rows_need_pdfjs_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         node_dir: Path) -> None:
    _fake_node(tmp_path / "bin", "v20.20.2")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    _fake_package(node_dir, "kordoc", kordoc_floor.KORDOC)
    assert kordoc_floor.unavailable(".hwp") is None
    assert "pdfjs-dist" in (kordoc_floor.unavailable(".pdf") or "")
    _fake_package(node_dir, "pdfjs-dist", kordoc_floor.PDFJS)
    assert kordoc_floor.unavailable(".pdf") is None
    assert kordoc_floor.install() is None  # the pinned versions are there: no npm run


def test_kordoc_of_another_version_is_not_measured(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, node_dir: Path) -> None:
    _fake_node(tmp_path / "bin", "v20.20.2")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    _fake_package(node_dir, "kordoc", "4.0.0")
    assert kordoc_floor.unavailable(".hwp") == (
        "kordoc 4.0.0 in .bench/node, not the pinned 4.14.1 (run `make bench`, which installs "
        "it with npm)")


@pytest.mark.skipif(shutil.which("npm") is None or shutil.which("node") is None,
                    reason="no node / npm here")
def test_kordoc_install_without_a_registry_says_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, node_dir: Path) -> None:
    # a registry on a closed loopback port, and short retries: nothing leaves the machine
    monkeypatch.setenv("npm_config_registry", "http://127.0.0.1:9/")
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "cache"))
    monkeypatch.setenv("npm_config_fetch_retry_mintimeout", "50")
    monkeypatch.setenv("npm_config_fetch_retry_maxtimeout", "100")
    why = kordoc_floor.install() or ""
    assert why.startswith("`npm install` failed (exit 1): ECONNREFUSED: "), why
    assert "kordoc" in why
    assert f"({why})" in (kordoc_floor.unavailable(".pdf") or "")


def test_npm_error_in_one_line() -> None:
    stderr = ("npm error code E404\nnpm error 404 Not Found - GET x/kordoc - Not found\n"
              "npm error A complete log of this run can be found in: /tmp/x.log\n")
    assert kordoc_floor.npm_error(stderr) == "E404: 404 Not Found - GET x/kordoc - Not found"
    assert kordoc_floor.npm_error("") == "no message"


def test_the_kordoc_worker_command() -> None:
    cmd = bench._worker_cmd("kordoc", HWP)
    assert Path(cmd[0]).name == "node"
    assert cmd[1:] == [str(ROOT / "gonggo" / "eval" / "kordoc_worker.mjs"),
                       str(ROOT / ".bench" / "node" / "node_modules"), str(HWP),
                       str(bench.REPS_MIN), str(bench.REPS_MAX), str(bench.REPS_BUDGET_S)]
    assert Path(cmd[1]).is_file()
    assert bench._worker_cmd("gonggo-read", HWP) == [
        sys.executable, "-m", "gonggo.eval.bench", "--worker", "gonggo-read", str(HWP)]
    assert all("kordoc" in floors for floors in bench.FLOORS.values())


def test_rhwp_missing_names_the_make_bench_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(bench.OPTIONAL_FLOORS, "rhwp-text",
                        ("gonggo_no_such_module", "rhwp-python"))
    assert bench.floor_unavailable("rhwp-text") == (
        "not installed (`make bench` tries `pip install rhwp-python`; it did not install)")
    monkeypatch.setitem(bench.OPTIONAL_FLOORS, "pymupdf-text", ("gonggo_no_such_module", "x"))
    assert bench.floor_unavailable("pymupdf-text") == "not installed (`pip install -e '.[bench]'`)"


@pytest.mark.skipif(find_spec("rhwp") is None, reason="rhwp-python is not installed here")
def test_rhwp_installed_but_broken_names_the_symbol() -> None:
    why = bench.floor_unavailable("rhwp-text")
    if why is None:
        pytest.skip("rhwp-python loads here (its wheel is not broken on this platform)")
    assert re.match(r"its wheel is broken on this platform: the extension needs `\w+`", why), why


def test_the_bench_target_installs_the_floors_before_it_runs() -> None:
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbench:", 1)[1]
    recipe = recipe.split("\n\n", 1)[0]
    steps = [line.strip() for line in recipe.splitlines()[1:]]
    assert "-$(PY) -m pip install --quiet rhwp-python" in steps  # `-`: best effort
    assert steps[-2:] == ["$(PY) -m gonggo.eval.kordoc_floor install",
                          "$(PY) -m gonggo.eval.bench"]
    assert ".bench/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


_COUNT_FORKS = """
import os, sys
from gonggo.eval import bench
forks = []
fork = os.fork
def counted():
    forks.append(1)
    return fork()
os.fork = counted
bench.REPS_MIN, bench.REPS_MAX = 2, 2
bench.worker(sys.argv[1], sys.argv[2])
print(len(forks))
"""


@needs_samples
def test_gonggo_read_reads_a_pdf_without_a_fork() -> None:
    counts = {}
    for tool in ("gonggo-ingest", "gonggo-read"):
        out = subprocess.run([sys.executable, "-c", _COUNT_FORKS, tool, str(PDF)],
                             capture_output=True, text=True, timeout=120, check=True, cwd=ROOT)
        row, forks = out.stdout.strip().splitlines()[-2:]
        assert json.loads(row)["units"] == 3 and json.loads(row)["reps"] == 2
        counts[tool] = int(forks)
    assert counts == {"gonggo-ingest": 3, "gonggo-read": 0}  # warm-up + 2 calls, one fork each


def test_per_format_table_shows_both_ingest_ratios_and_the_targets() -> None:
    sums = {(".pdf", "gonggo-ingest"): [2.5, 1.0, 3], (".pdf", "gonggo-read"): [1.5, 1.0, 3],
            (".pdf", "gonggo-full"): [4.0, 1.0, 3], (".pdf", "kordoc"): [3.0, 0.5, 2],
            (".hwp", "gonggo-ingest"): [0.02, 0.01, 3], (".hwp", "gonggo-read"): [0.02, 0.01, 3],
            (".hwp", "gonggo-full"): [0.2, 0.01, 3]}
    lines = bench.per_format_lines(sums, {".pdf": 3, ".hwp": 3, ".hwpx": 3})
    assert ("| .pdf | pypdfium2-text 1.000 s | 2.500 s (2.5×) | 1.500 s (1.5×) | 4.000 s (4.0×) "
            "| 3.000 s (6.0×, 2 of 3 files) |") in lines
    assert "| .hwp | olefile-text 0.010 s | 0.020 s (2.0×) | 0.020 s (2.0×) | 0.200 s (20.0×) | – |" \
        in lines
    assert not any(line.startswith("| .hwpx") for line in lines)  # nothing measured
    assert lines[-1] == (
        "Targets, read on both rows (`gonggo-ingest`: a single command's reading, `gonggo-read`: "
        "a batch worker's): PDF ingest ≤ 2× pypdfium2-text: `gonggo-ingest` 2.50× (missed), "
        "`gonggo-read` 1.50× (met); HWP ingest ≤ 3× olefile-text: `gonggo-ingest` 2.00× (met), "
        "`gonggo-read` 2.00× (met).")


_INSTALLED = kordoc_floor.installed() == {"kordoc": kordoc_floor.KORDOC,
                                          "pdfjs-dist": kordoc_floor.PDFJS}


@needs_samples
@pytest.mark.skipif(shutil.which("node") is None or not _INSTALLED,
                    reason=f"Node.js or kordoc {kordoc_floor.KORDOC} with pdfjs-dist "
                           f"{kordoc_floor.PDFJS} not installed in .bench/node (`make bench`)")
def test_the_kordoc_worker_times_a_sample() -> None:
    for path, units in ((HWP, 8), (PDF, 3)):
        code, out, err, _, peak = bench.run_child(kordoc_floor.worker_cmd(path, 2, 2, 0.0),
                                                  timeout=120)
        assert code == 0, err[-500:]
        row = json.loads(out)  # the result is all of stdout
        assert row["units"] == units and row["reps"] == 2
        assert 0 < row["work_s"] <= row["extra_s"] and peak > 10  # the fastest of two calls
    if LOCKED.is_file():  # a failed parse: one line, the last on stderr, for the row
        code, _, err, _, _ = bench.run_child(kordoc_floor.worker_cmd(LOCKED, 1, 1, 0.0),
                                             timeout=60)
        assert code == 1
        assert err.strip().splitlines()[-1].startswith("kordoc: ENCRYPTED: ")
