"""Where the per-file work runs: this process (`--jobs 1`), a process pool (`--jobs N`), or a
dask.distributed cluster (`--engine dask`, extra `dask`). Results come back as they finish."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

T = TypeVar("T")


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


def _init_worker() -> None:
    import signal

    # the parent decides when to stop: Ctrl-C / SIGTERM reach it, workers are shut down by it
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_local(fn: Callable[..., T], tasks: list[tuple[Any, ...]], jobs: int) -> Iterator[T]:
    """Results in completion order; at most `jobs` tasks in flight (so a stop wastes little)."""
    if jobs <= 1:
        for args in tasks:
            yield fn(*args)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker)
    pending: set[Future[T]] = set()
    queue = list(reversed(tasks))
    try:
        while queue or pending:
            while queue and len(pending) < jobs * 2:
                pending.add(pool.submit(fn, *queue.pop()))
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield f.result()
    finally:
        for f in pending:
            f.cancel()
        _stop_pool(pool)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    procs = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=5)


def run_dask(fn: Callable[..., T], tasks: list[tuple[Any, ...]], address: str | None,
             jobs: int) -> Iterator[T]:
    """The same tasks on a dask.distributed cluster: `address` (tcp://…) or a LocalCluster of
    `jobs` single-threaded worker processes."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as err:
        raise RuntimeError("--engine dask needs the `dask` extra: "
                           "pip install 'gonggo[dask]'") from err
    cluster = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        futures = [client.submit(fn, *args, pure=False) for args in tasks]
        for f in as_completed(futures):
            yield f.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(fn: Callable[..., T], tasks: list[tuple[Any, ...]], jobs: int, engine: str = "local",
        address: str | None = None) -> Iterator[T]:
    if not tasks:  # nothing to read: no pool, no cluster
        return iter(())
    if engine == "dask":
        return run_dask(fn, tasks, address, jobs)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    return run_local(fn, tasks, jobs)
