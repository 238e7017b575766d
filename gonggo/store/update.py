"""`gonggo update`: bring the store up to date with some files or folders.

1. hash every file; content already stored (or already known to fail) is not read again,
   a byte-identical copy elsewhere only adds its path;
2. the rest is read in parallel (store.pool); each result is written and stored in its own
   transaction, so a stop (SIGTERM, Ctrl-C) loses at most the files in flight;
3. every stored announcement not yet paired is paired, oldest first, one transaction each.
The next run finishes whatever a stopped run left.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gonggo.store.db import open_engine, sessions, transaction
from gonggo.store.files import remove_stale_temps
from gonggo.store.models import Announcement
from gonggo.store.pairing import head_index, pair_announcement, unpaired
from gonggo.store.pool import run
from gonggo.store.record import known, record, record_failure, remember_path
from gonggo.store.work import announcement_files, extract_file, failed, sha256_of

Progress = Callable[[str, str, int], None]  # (phase, label, total)


@dataclass
class Summary:
    files: int = 0
    unchanged: int = 0
    copies: int = 0
    new: int = 0
    failed: list[str] = field(default_factory=list)
    paired: int = 0
    change_sets: int = 0
    to_review: int = 0
    first_seen: int = 0
    seconds: float = 0.0
    read_seconds: float = 0.0  # wall time of the parallel reading (phase 2 not included)
    extract_seconds: float = 0.0  # the workers' own time, summed

    @property
    def did_work(self) -> bool:
        return bool(self.new or self.failed or self.paired or self.copies)


class Stopped(SystemExit):
    """SIGTERM: unwind (the open transaction rolls back, temp files are removed)."""


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    def handler(signum: int, _frame: object) -> None:
        raise Stopped(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (a web request): no handler
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def update(paths: list[Path], url: str | None, out: Path, jobs: int = 1, engine: str = "local",
           address: str | None = None, progress: Progress | None = None) -> Summary:
    start = time.perf_counter()
    tick = progress or (lambda phase, label, total: None)
    summary = Summary()
    factory = sessions(open_engine(url))
    out = out.resolve()
    remove_stale_temps(out)
    with stop_on_sigterm():
        todo = _plan(factory, announcement_files(paths), summary)
        tasks = [(paths[0], sha) for sha, paths in todo.items()]
        read_start = time.perf_counter()
        for item in run(extract_file, tasks, jobs, engine, address, on_error=failed):
            with transaction(factory) as s:
                if item.error:
                    record_failure(s, item)
                    summary.failed.append(item.error)
                else:
                    ann = record(s, item, out)
                    for copy in todo[item.sha256][1:]:
                        summary.copies += remember_path(s, ann, copy)
                    summary.new += 1
                    summary.extract_seconds += item.seconds
            tick("읽기", Path(item.path).name, len(tasks))
        summary.read_seconds = time.perf_counter() - read_start
        _pair_all(factory, summary, tick)
    summary.seconds = time.perf_counter() - start
    return summary


def _plan(factory, files: list[Path], summary: Summary) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """sha256 → its paths (the first is read), for content not stored yet."""
    todo: dict[str, list[str]] = {}
    summary.files = len(files)
    with transaction(factory) as s:
        for f in files:
            sha = sha256_of(f)
            seen = known(s, sha)
            if isinstance(seen, Announcement):
                if remember_path(s, seen, str(f)):
                    summary.copies += 1
                else:
                    summary.unchanged += 1
            elif seen is not None:
                summary.unchanged += 1
            else:
                todo.setdefault(sha, []).append(str(f))
    return todo


def _pair_all(factory, summary: Summary, tick: Progress) -> None:  # type: ignore[no-untyped-def]
    with factory() as s:
        ids = [a.id for a in unpaired(s)]
        if not ids:
            return
        index = head_index(s)
    for ann_id in ids:
        with transaction(factory) as s:
            ann = s.get(Announcement, ann_id)
            assert ann is not None
            made = pair_announcement(s, ann, index)
            summary.paired += 1
            summary.change_sets += len(made)
            summary.to_review += sum(c.status == "to_review" for c in made)
            summary.first_seen += sum(c.status == "new" for c in made)
            tick("짝짓기", ann.name, len(ids))
