"""Where the per-file work runs: this process (`--jobs 1`), the batch commands' process pool
(`--jobs N`: `gonggo.batch`, whose workers start warm, read in place and are isolated per
file: a file that kills its worker comes back as `on_error`'s result, the others go on), or a
dask.distributed cluster (`--engine dask`, extra `dask`: results as they finish)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


@dataclass(frozen=True)
class Call:
    """One task as `gonggo.batch` takes it: named by its first argument (a file's path) in
    the batch's one-line errors."""

    fn: Callable[..., Any]
    args: tuple[Any, ...]

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else getattr(self.fn, "__name__", "task")


def _apply(call: Call) -> Any:
    return call.fn(*call.args)


def run_local(fn: Callable[..., T], tasks: list[tuple[Any, ...]], jobs: int,
              on_error: Callable[[tuple[Any, ...], str], T]) -> Iterator[T]:
    """Results in task order; `on_error(args, line)` stands for a task whose worker died."""
    if jobs <= 1:
        for args in tasks:
            yield fn(*args)
        return
    from gonggo.batch import run_batch

    for outcome in run_batch([Call(fn, args) for args in tasks], _apply, jobs):  # type: ignore[arg-type]
        call: Call = outcome.path  # type: ignore[assignment]
        yield outcome.value if outcome.error is None else on_error(call.args, outcome.error)


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
        address: str | None = None, on_error: Callable[[tuple[Any, ...], str], T] | None = None,
        ) -> Iterator[T]:
    if not tasks:  # nothing to read: no pool, no cluster
        return iter(())
    if engine == "dask":
        return run_dask(fn, tasks, address, jobs)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    return run_local(fn, tasks, jobs, on_error or _raise)


def _raise(args: tuple[Any, ...], error: str) -> Any:
    raise RuntimeError(error)
