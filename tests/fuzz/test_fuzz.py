"""The fuzz suite (issues 14, 19, 20): every generated hostile input through the real CLI in a
forked child, asserting no traceback, no internal error, a one-line error or valid output,
under 10 CPU seconds and 1 GB peak RSS per run.

The default `pytest` runs a fixed-seed subset (`-m fuzz` selects it alone); `make fuzz` sets
GONGGO_FUZZ_RUNS for a long run with more mutations and every command.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest
import regex

from gonggo.ingest.limits import MAX_OLE_DIR_DEPTH
from tests.fuzz import generators
from tests.fuzz.harness import LIMIT_RSS_BYTES, LIMIT_SECONDS, run_cli

pytestmark = pytest.mark.fuzz

LONG_RUNS = int(os.environ.get("GONGGO_FUZZ_RUNS", "0"))
SEED = int(os.environ.get("GONGGO_FUZZ_SEED", "14"))
CI_MUTATIONS = 120


@lru_cache(maxsize=1)
def _bombs() -> list[generators.Case]:
    return (generators.hwp_cases() + generators.hwpx_cases() + generators.pdf_cases()
            + generators.text_cases())


@lru_cache(maxsize=1)
def _mutants() -> list[generators.Case]:
    return generators.mutations(generators.valid_files(), LONG_RUNS or CI_MUTATIONS, SEED)


BOMB_NAMES = [c.name for c in _bombs()]  # all of them in CI too: each is linear or refused
COMMANDS = (["extract"], ["ingest", "--json"], ["check"], ["review", "--out", "r.html"],
            ["export", "--out", "rules"])


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """Load what every run needs once, in this process: the forked runs inherit it, so a
    case costs its own work, not interpreter start-up and regex compilation."""
    from gonggo.cli import main  # noqa: F401
    from gonggo.pipeline import parse

    parse(min((generators.SEEDS).glob("*.txt")))


def _check(case: generators.Case, tmp_path: Path, command: list[str]) -> None:
    (tmp_path / case.filename).write_bytes(case.data)
    args = [command[0], case.filename, *command[1:]]
    run = run_cli(args, tmp_path)
    assert run.problems() == [], (
        f"{case.name}: {' '.join(args)}: {run.problems()} (exit {run.code}, {run.cpu:.1f} s "
        f"CPU, {run.peak_rss >> 20} MB): {run.stderr[-500:]}")
    assert run.cpu <= LIMIT_SECONDS and run.peak_rss <= LIMIT_RSS_BYTES


@pytest.mark.parametrize("name", BOMB_NAMES)
def test_bomb(name: str, tmp_path: Path) -> None:
    case = next(c for c in _bombs() if c.name == name)
    for command in COMMANDS if LONG_RUNS else COMMANDS[:1]:
        _check(case, tmp_path, command)


@pytest.mark.parametrize("index", range(LONG_RUNS or CI_MUTATIONS))
def test_mutation(index: int, tmp_path: Path) -> None:
    case = _mutants()[index]
    command = COMMANDS[index % len(COMMANDS)] if LONG_RUNS else COMMANDS[index % 3]
    _check(case, tmp_path, command)


def test_bombs_end_in_one_line_errors(tmp_path: Path) -> None:
    """The format bombs are refused (not read to the end): their error names the file."""
    refused = [c for c in _bombs() if c.name.startswith((
        "hwp-zero", "hwp-fat-loop", "hwp-dir-", "hwp-difat", "hwp-minifat", "hwp-mini-chain",
        "hwpx-mime", "hwpx-element", "pdf-form-fanout"))]
    assert len(refused) == 17
    for case in refused:
        (tmp_path / case.filename).write_bytes(case.data)
        run = run_cli(["extract", case.filename], tmp_path)
        lines = run.stderr.strip().splitlines()
        assert run.code == 1 and lines and lines[-1].startswith(f"gonggo: {case.filename}: ")


@pytest.mark.parametrize(("name", "says"), [
    ("hwp-dir-chain-loop", "the sector chain of the directory loops"),
    ("hwp-dir-tree-loop", "the directory tree loops"),
    ("hwp-difat-loop", "DIFAT sectors declared in a file of"),
    ("hwp-minifat-count-bomb", "mini-FAT sectors declared in a file of"),
    ("hwp-minifat-chain-loop", "the sector chain of the mini-FAT loops"),
    ("hwp-mini-chain-loop", "the sector chain of FileHeader loops"),
])
def test_ole_chains_that_loop_are_refused_by_name(name: str, says: str) -> None:
    """Every chain olefile follows on its own (DIFAT, directory sectors, directory tree,
    mini-FAT, a mini stream's chain) ends in one error naming the loop, read in-process
    (a loop olefile followed would take gigabytes or hang, not fail)."""
    from gonggo.ingest.errors import CorruptDocument
    from gonggo.ingest.hwp import read_hwp

    case = next(c for c in _bombs() if c.name == name)
    with pytest.raises(CorruptDocument, match=regex.escape(says)):
        read_hwp(case.data)


@pytest.mark.parametrize("name", ["hwp-dir-tree-deep", "hwp-dir-tree-deep-storages"])
def test_deep_ole_directory_trees_are_refused_by_the_limit(name: str) -> None:
    """A 1500-deep sibling chain or storage chain is walked iteratively and refused by name
    before olefile walks it by recursion (which ran out of stack: a RecursionError)."""
    from gonggo.ingest.errors import ResourceLimit
    from gonggo.ingest.hwp import read_hwp

    case = next(c for c in _bombs() if c.name == name)
    with pytest.raises(ResourceLimit, match=f"MAX_OLE_DIR_DEPTH \\({MAX_OLE_DIR_DEPTH}\\)"):
        read_hwp(case.data)


def test_ole_directory_trees_under_the_limits_are_read(monkeypatch) -> None:
    """100 nested storages (201 links) still read; more reachable entries than
    MAX_OLE_DIR_ENTRIES are refused by name (the limit lowered to 50 here: 60 sections)."""
    from gonggo.ingest import hwp
    from gonggo.ingest.errors import ResourceLimit

    body = generators.paragraph("1. 지원 대상: 중소기업")
    out = hwp.read_hwp(generators.hwp_file(body, nest=100))
    assert "지원 대상" in "".join(b.text for b in out.blocks)
    monkeypatch.setattr(hwp, "MAX_OLE_DIR_ENTRIES", 50)
    wide = generators.hwp_file(body, sections=60, compressed=False)
    with pytest.raises(ResourceLimit, match=r"MAX_OLE_DIR_ENTRIES \(50\)"):
        hwp.read_hwp(wide)


def test_a_stream_in_the_mini_stream_is_read() -> None:
    """The mini-FAT checks pass a well-formed mini stream: FileHeader read through it."""
    from gonggo.ingest.hwp import read_hwp

    case = next(c for c in _bombs() if c.name == "hwp-mini-valid")
    assert "중소기업" in "".join(b.text for b in read_hwp(case.data).blocks)


def test_batch_of_bombs_and_good_files_writes_every_good_spec(tmp_path: Path) -> None:
    bad = [c for c in _bombs() if c.name in ("pdf-form-fanout-20x8", "hwp-fat-loop-4GB",
                                               "hwpx-mimetype-zip64-bomb")]
    good = [c for c in _bombs() if c.name in ("pdf-valid", "hwp-valid", "hwpx-valid")]
    for case in bad + good:
        (tmp_path / case.filename).write_bytes(case.data)
    names = [c.filename for c in bad + good]
    run = run_cli(["extract", *names, "--out", "specs"], tmp_path, limit=120)
    assert run.code == 1 and "Traceback" not in run.stderr, run.stderr
    written = sorted(p.name for p in (tmp_path / "specs").iterdir())
    assert written == sorted(f"{c.filename}.json" for c in good)  # all three stems are "valid"
    for case in bad:
        assert f"gonggo: {case.filename}: " in run.stderr
