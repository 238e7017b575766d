"""`gonggo.batch`: per-file isolation and input order, in process and in the pool."""

from __future__ import annotations

import gc
import os
import time
import weakref
from pathlib import Path

import pytest
import regex

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


def waits_for_last(path: Path) -> str:
    """`first` runs until `last` (the tenth file) has run, or 30 s; the others are quick."""
    marker = path.parent / "last.done"
    if path.name == "first":
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        return "waited" if marker.exists() else "timed out"
    if path.name == "last":
        marker.write_text("done", encoding="utf-8")
    return path.name


def test_a_slow_file_does_not_idle_the_other_workers(tmp_path: Path) -> None:
    """While the first file runs, the other worker goes on through the files behind it
    (their results wait for it, in order), beyond the files queued when it started."""
    names = ["first", *(f"f{k}" for k in range(8)), "last"]
    outcomes = list(run_batch([tmp_path / n for n in names], waits_for_last, jobs=2))
    assert [o.path.name for o in outcomes] == names
    assert [o.value for o in outcomes] == ["waited", *names[1:]]


def test_the_warm_up_runs_the_whole_pipeline() -> None:
    """What the forkserver runs before forking workers reads as an announcement with its
    facts (a warm-up that silently failed would leave every worker cold)."""
    from gonggo.batch.warm import SAMPLE
    from gonggo.ingest import read_bytes
    from gonggo.pipeline import parse_document

    spec = parse_document(read_bytes(SAMPLE.encode("utf-8"), "warm.txt")).spec
    assert spec.kind == "support_call" and len(spec.programs) == 1
    program = spec.programs[0]
    assert program.windows and len(program.tracks) == 2 and program.documents
    assert program.eligibility and program.contacts


def reader_trouble(path: Path) -> str:
    """A task whose reader step (`run_isolated`, as the PDF reader calls it) aborts (PDFium's
    SIGABRT on a form bomb) or hangs past its time limit, by the file's name; other files
    answer which process ran their reader step and which ran the task."""
    from gonggo.ingest.isolate import run_isolated

    if path.name == "abort.pdf":
        run_isolated(os.abort)
    if path.name == "hang.pdf":
        run_isolated(time.sleep, 60, timeout=1)
    return f"{run_isolated(os.getpid)} {os.getpid()}"


def collector(_: Path) -> tuple[int, int, int]:
    return gc.get_threshold()


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_workers_collect_cycles_less_often(jobs: int) -> None:
    """In a worker, and in this process for the run only (`--jobs 1`)."""
    from gonggo.batch import WORKER_GC_THRESHOLD

    before = gc.get_threshold()
    outcomes = list(run_batch([Path("a"), Path("b")], collector, jobs=jobs))
    assert [o.value for o in outcomes] == [WORKER_GC_THRESHOLD] * 2 != [before] * 2
    assert gc.get_threshold() == before


class _Node:
    pass


_last_cycle: weakref.ref[_Node] | None = None


def leaves_a_cycle(_: Path) -> bool:
    """Whether the cycle the previous file left in this process was collected; leaves one."""
    global _last_cycle
    collected = _last_cycle is not None and _last_cycle() is None
    node = _Node()
    node.self = node  # type: ignore[attr-defined]
    _last_cycle = weakref.ref(node)
    return collected


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_collects_the_cycles_of_each_file_when_it_ends(jobs: int) -> None:
    """The collector's threshold is a safety net a file's few allocations never reach: the
    cycle a file leaves is gone when the next file starts (each worker's first file finds
    none)."""
    global _last_cycle
    _last_cycle = None
    files = [Path(n) for n in "abcdef"]
    found = [o.value for o in run_batch(files, leaves_a_cycle, jobs=jobs)]
    if jobs == 1:
        assert found == [False] + [True] * 5
    else:
        assert found.count(True) >= len(files) - jobs


def test_batch_workers_read_in_place_and_alone_in_a_fork() -> None:
    """A pool worker is the isolation of its files: its reader steps run in it (no fork per
    file); in one process (`--jobs 1`) they still run in a fork of their own."""
    pooled = list(run_batch([Path(n) for n in "abcd"], reader_trouble, jobs=2))
    assert all(o.ok for o in pooled)
    assert all(len(set(o.value.split())) == 1 for o in pooled)  # type: ignore[union-attr]
    alone = list(run_batch([Path("a")], reader_trouble, jobs=1))
    reader, task = alone[0].value.split()  # type: ignore[union-attr]
    assert reader != task == str(os.getpid())


def test_a_reader_that_crashes_or_hangs_fails_only_its_file() -> None:
    """An abort or an overrun inside a worker's reader ends that worker; the pool re-reads
    the files it had in flight alone, so the culprit ends in the reader's own one-line error
    (as with --jobs 1) and every other file keeps its result, in input order."""
    names = ["a.pdf", "abort.pdf", "b.pdf", "hang.pdf", "c.pdf", "d.pdf", "e.pdf"]
    started = time.monotonic()
    outcomes = list(run_batch([Path(n) for n in names], reader_trouble, jobs=2))
    assert [o.path.name for o in outcomes] == names
    by_name = {o.path.name: o for o in outcomes}
    assert "SIGABRT" in (by_name["abort.pdf"].error or "")
    assert "timed out" in (by_name["hang.pdf"].error or "")
    assert all(o.ok for o in outcomes if o.path.name not in ("abort.pdf", "hang.pdf"))
    assert time.monotonic() - started < 30  # the hang cost its limit (twice), not 60 s


def test_hostile_pdfs_in_a_batch_fail_as_they_do_alone(tmp_path: Path) -> None:
    """The PDF form bombs of the fuzz suite read in a pool's workers (in place) end in the
    same one-line errors, and the valid PDFs beside them in the same specs, as one file at a
    time in this process (each PDF in a forked reader)."""
    from typer.testing import CliRunner

    from gonggo.cli.main import app
    from tests.fuzz.generators import pdf_cases

    # the 20x8 fan-out ends by the page time limit or by memory, as the load goes
    cases = [c for c in pdf_cases() if c.name in ("pdf-self-drawing-form",
                                                  "pdf-form-fanout-10x7", "pdf-valid")]
    for case in cases:
        (tmp_path / case.filename).write_bytes(case.data)
    names = [c.filename for c in cases]
    runner = CliRunner()
    runs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        result = runner.invoke(app, ["-q", "extract", *(str(tmp_path / n) for n in names),
                                     "--out", str(out), "--jobs", jobs])
        output = " ".join(result.output.split())  # lines as wrapped by the console
        errors = regex.findall(r"gonggo: \S+?([^/\s]+\.pdf): ([^:]+):", output)
        runs.append((result.exit_code, sorted(errors),
                     {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}))
    # the bomb ends in the reader's own line (a crash, or a page over its time limit as the
    # load goes), not in "the worker process died"; the other files as alone
    assert [(code, [name for name, _ in errors], specs) for code, errors, specs in runs] == [
        (1, ["fanout_10_7.pdf"], runs[0][2])] * 2
    assert sorted(runs[0][2]) == ["self_form.json", "valid.json"]
    for _, errors, _ in runs:
        assert errors[0][1] in ("refused", "timed out")


def stored(path: str, sha256: str) -> str:
    """An `update` task (`store.pool`): dies on the file named `die`."""
    if path == "die":
        os._exit(9)
    return f"{path}:{sha256}"


def test_update_pool_isolates_each_file_and_keeps_the_order() -> None:
    """`gonggo update --jobs N` runs on the batch pool: a file that kills its worker comes back
    through `on_error`, named, and the files around it are stored."""
    from gonggo.store.pool import run

    tasks = [("a", "1"), ("die", "2"), ("b", "3"), ("c", "4")]
    got = list(run(stored, tasks, 2, on_error=lambda args, err: f"failed {args[0]}: {err}"))
    assert got[0] == "a:1" and got[2:] == ["b:3", "c:4"]
    assert got[1].startswith("failed die: die: internal error: the worker process died")
