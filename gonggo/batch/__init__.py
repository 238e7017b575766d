"""Many files, every core: one process pool for the batch commands (extract, check, export,
demo, and later update).

    from gonggo.batch import run_batch
    for outcome in run_batch(paths, task, jobs=4):   # in the order of `paths`
        outcome.value or outcome.error               # one line naming the file

`task(path)` runs in a worker process (it must be a module-level function, picklable with
its result). Each file is isolated: an exception is that file's one-line error, and a worker
that dies (segfault, `os._exit`, out of memory) is found by re-running the files that were
in flight one at a time, so only the file that kills its worker fails and the rest go on.
Outcomes come back in input order whatever order the workers finish in.

`jobs=1` runs in this process (no start-up, no pickling; exceptions still isolated, a hard
crash is not; the cycle collector set as a worker's for the run). Workers come from a forkserver that has imported the whole pipeline once and
run it over one short announcement (`gonggo.batch.warm`: patterns compiled on first use, the
holidays calendar), so a new worker costs a fork, not the ~1 s of imports and first-call
costs; each worker is replaced after `MAX_TASKS_PER_CHILD` files to bound memory growth over
long archives.

Throughput: `2 * jobs` files are running or queued in the pool at any time; a file that
finished behind a slow one waits in order here (up to `AHEAD_PER_JOB * jobs` of them) while
the workers go on with the next files, so one long file does not idle the other workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import select
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, CancelledError, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

MAX_TASKS_PER_CHILD = 200
# what a worker imports before the first file (forkserver preload): the whole run, the
# readers of every format with their libraries (each imports lazily, on its first file),
# numpy (the PDF reader groups the specks of dotted rulings with it once it is loaded:
# `ingest.pdf_tables.dotted_edges`) and the module of the task itself (a task is unpickled
# by importing its module in the worker)
PRELOAD = ["gonggo.ingest", "gonggo.ingest.builder", "gonggo.ingest.structure",
           "gonggo.ingest.text", "gonggo.ingest.pdf", "gonggo.ingest.hwp", "gonggo.ingest.hwpx",
           "gonggo.extractors.pipeline", "gonggo.validate.checks", "gonggo.vocab.nlp",
           "numpy", "gonggo.pipeline", "gonggo.batch.warm"]
# files finished behind the first unfinished one, held for input order, per worker
AHEAD_PER_JOB = 16
# a batch worker's cycle collector (`gc.set_threshold`; Python's default is 700, 10, 10):
# within a file only a safety net (a young collection per 100,000 net allocations; no file of
# the bench archive reaches it), the file's cycles are collected when it ends (`_call`)
WORKER_GC_THRESHOLD = (100_000, 1_000, 1_000)
# files between two full collections in a worker (what outlived its file's collection)
FULL_COLLECTION_EVERY = 25
# a worker's exit status when the batch's process is gone (`_end_with`)
EXIT_PARENT_GONE = 70


@dataclass
class Outcome(Generic[T]):
    """One file's result: `value`, or `error` (one line naming the file)."""

    path: Path
    value: T | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def default_jobs() -> int:
    return os.cpu_count() or 1


def describe(path: Path, err: BaseException) -> str:
    """One line for a failed file: reading errors name the file themselves."""
    from gonggo.ingest.errors import IngestError

    if isinstance(err, IngestError):
        text = str(err)
    else:
        text = f"{path}: internal error: {type(err).__name__}: {err}"
    return text.replace("\n", " ")


def _task_module(task: Callable[..., object]) -> str | None:
    """The module a task function (or a `functools.partial` of one) is defined in."""
    while isinstance(task, partial):
        task = task.func
    module = getattr(task, "__module__", None)
    return module if isinstance(module, str) and module != "__main__" else None


def _context(task: Callable[..., object] | None = None) -> multiprocessing.context.BaseContext:
    if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver

        ctx = multiprocessing.get_context("forkserver")
        module = _task_module(task) if task is not None else None
        ctx.set_forkserver_preload(PRELOAD + ([module] if module and module not in PRELOAD
                                              else []))
        try:
            forkserver.ensure_running()
        except ChildProcessError:
            # a fork of a process that started the forkserver (a test harness, a host app):
            # the server is not our child, so start workers by spawning instead
            return multiprocessing.get_context("spawn")
        return ctx
    return multiprocessing.get_context("spawn")


def _end_with(parent: int) -> None:
    """End this worker when the process that runs the batch (`parent`) is gone: a `gonggo
    extract --jobs N` stopped by SIGTERM or SIGKILL left its workers blocked on their task
    queue for good (they hold its write end), and with them the forkserver and the resource
    tracker — four processes per killed run. A daemon thread waits on the parent's pidfd (or
    polls it where there is none) and leaves with `os._exit`: a worker writes no output file,
    the parent does, atomically."""
    def watch() -> None:
        try:
            fd = os.pidfd_open(parent)
        except (AttributeError, OSError):
            fd = -1
        if fd >= 0:
            select.select([fd], [], [])
        else:
            while True:
                try:
                    os.kill(parent, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(1.0)
        os._exit(EXIT_PARENT_GONE)

    threading.Thread(target=watch, name="gonggo-parent-watch", daemon=True).start()


def _worker(parent: int, in_place: bool) -> None:
    _end_with(parent)
    if in_place:
        _disposable()


def _disposable() -> None:
    """Initializer of a batch worker: it is itself the isolation of its files (a worker that
    dies fails only its own file, re-read alone below), so the readers run in it instead of
    in one more fork per file (`gonggo.ingest.isolate.run_in_place`), under the same time and
    memory limits; a crash or an overrun ends this worker and the pool finds the file.

    Its cycle collector runs once per file instead (`_call`; `WORKER_GC_THRESHOLD` is a
    safety net): a file allocates hundreds of thousands of objects, nearly all freed by
    reference counting, and the default threshold (700) walked the young ones ~40 times per
    file while the file's document and spec were alive: over the 82 files of the bench
    archive, 1.6 s of a 29.5 s pass in the collector; 0.6-0.75 s with a threshold of 10,000;
    0.25-0.3 s collecting the young generations once after each file (peak RSS 165 MB, was
    172)."""
    from gonggo.ingest.isolate import run_in_place

    run_in_place()
    gc.set_threshold(*WORKER_GC_THRESHOLD)


_done_in_process = 0  # files `_call` ran in this process


def _call(task: Callable[[Path], T], path: Path) -> T:
    """`task(path)` in a batch worker (or the `--jobs 1` run), then the cycles that file
    left: a young collection (the file's objects are all young: `WORKER_GC_THRESHOLD`), and
    a full one every `FULL_COLLECTION_EVERY` files."""
    global _done_in_process
    try:
        return task(path)
    finally:
        _done_in_process += 1
        gc.collect(2 if _done_in_process % FULL_COLLECTION_EVERY == 0 else 1)


def _pool(jobs: int, task: Callable[..., object] | None = None, *, in_place: bool = True,
          ) -> ProcessPoolExecutor:
    """Workers for `task`; `in_place`: they read without the per-file fork (`_disposable`)."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=_context(task),
                               max_tasks_per_child=MAX_TASKS_PER_CHILD,
                               initializer=_worker, initargs=(os.getpid(), in_place))


def run_batch(paths: Iterable[Path], task: Callable[[Path], T], jobs: int | None = None,
              ) -> Iterator[Outcome[T]]:
    """`task` over `paths` with `jobs` processes (default: every core), in input order."""
    items = list(paths)
    jobs = max(1, min(jobs or default_jobs(), len(items) or 1))
    if jobs == 1:
        threshold = gc.get_threshold()
        gc.set_threshold(*WORKER_GC_THRESHOLD)  # as in a worker (`_disposable`), for the run
        try:
            for path in items:
                try:
                    yield Outcome(path, value=_call(task, path))
                except Exception as err:  # noqa: BLE001 - one file's failure must not stop the others
                    yield Outcome(path, error=describe(path, err))
        finally:
            gc.set_threshold(*threshold)
        return
    yield from _run_pool(items, task, jobs)


def _run_pool(items: list[Path], task: Callable[[Path], T], jobs: int) -> Iterator[Outcome[T]]:
    todo = deque(items)
    window = 2 * jobs  # files running or queued in the pool; a dead worker makes only these suspects
    ahead = max(window, AHEAD_PER_JOB * jobs)  # files submitted and not yet given back
    inflight: deque[tuple[Path, Future[T]]] = deque()  # in input order
    pool = _pool(jobs, task)
    fresh = True  # no file submitted to `pool` yet
    try:
        while todo or inflight:
            busy = sum(1 for _, f in inflight if not f.done())
            while todo and busy < window and len(inflight) < ahead:
                try:
                    inflight.append((todo[0], pool.submit(_call, task, todo[0])))
                except BrokenProcessPool:
                    # a worker died since the last look: its file, in flight, says which; with
                    # none in flight (it died between files) a new pool, which must take files
                    if not inflight:
                        if fresh:
                            raise
                        _abandon(pool)
                        pool, fresh = _pool(jobs, task), True
                    break
                fresh = False
                todo.popleft()
                busy += 1
            if not inflight:
                continue
            path, future = inflight[0]
            if not future.done():
                # the next file in order is still running: wait for any file to finish, and
                # give its worker the next file while this one goes on
                wait([f for _, f in inflight if not f.done()], return_when=FIRST_COMPLETED)
                continue
            inflight.popleft()
            try:
                yield Outcome(path, value=future.result())
                continue
            except BrokenProcessPool:
                pass
            except Exception as err:  # noqa: BLE001 - the file's own exception, pickled back
                yield Outcome(path, error=describe(path, err))
                continue
            # A worker died. Every file in flight that had not finished is a suspect: each is
            # run alone; the ones that finished before keep their results.
            _abandon(pool)
            rest = list(inflight)
            inflight.clear()
            yield _alone(path, task)
            for suspect, pending in rest:
                yield _settled(suspect, pending, task)
            pool, fresh = _pool(jobs, task), True
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Leave a broken pool, ending every worker it still holds. The pool's own clean-up
    misses a worker that a submit started while a death was breaking the pool (it terminates
    the workers it knew, then joins them all): that worker waits for a task forever, the
    pool's manager thread joins it forever, and the interpreter hangs at exit joining the
    manager (CPython 3.11-3.13; seen once in a full test run: every test passed, pytest never
    exited). This process is the only one that submits, so when it gets here the workers its
    submits started are all in `_processes`."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()


def _settled(path: Path, future: Future[T], task: Callable[[Path], T]) -> Outcome[T]:
    """The outcome of a file that was in flight when its pool broke: its own result or
    exception when it finished, else the file run alone."""
    if not future.cancelled():
        try:
            return Outcome(path, value=future.result())
        except (BrokenProcessPool, CancelledError):
            pass
        except Exception as err:  # noqa: BLE001 - the file's own exception
            return Outcome(path, error=describe(path, err))
    return _alone(path, task)


def _alone(path: Path, task: Callable[[Path], T]) -> Outcome[T]:
    """One file in a worker of its own whose readers fork as in a single command, so that a
    file that crashed or overran its worker ends in the reader's own one-line error."""
    with _pool(1, task, in_place=False) as solo:
        try:
            return Outcome(path, value=solo.submit(task, path).result())
        except BrokenProcessPool:
            return Outcome(path, error=f"{path}: internal error: the worker process died "
                                       "reading this file")
        except Exception as err:  # noqa: BLE001 - the file's own exception
            return Outcome(path, error=describe(path, err))
