"""Run one file's work in a forked worker process, so that a native abort (PDFium's
SIGABRT on a form bomb), a runaway allocation or a hang ends as one `IngestError` line and
the caller — a batch of ten thousand files — goes on.

    result = run_isolated(read_pdf, data, timeout=30)

The worker's address space may grow by `limits.CHILD_MEMORY_BYTES` beyond what it
inherits; past `timeout` seconds it is killed. Where `os.fork` does not exist the work runs
in-process (no isolation).

A process that is itself a disposable worker — a `gonggo.batch` pool worker, which its pool
replaces when it dies and whose files are then re-read alone — calls `run_in_place()` once:
the work then runs in that process under the same limits (its address space may grow by as
much, for as long), and a crash or an overrun ends the worker instead of a fork of it. That
saves a fork per PDF (~60-100 ms CPU: page tables, copied pages, the result pickled back).
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import resource
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Self, TypeVar

from gonggo.ingest.errors import CorruptDocument, IngestError, ResourceLimit
from gonggo.ingest.limits import CHILD_MEMORY_BYTES

T = TypeVar("T")

CAN_FORK = hasattr(os, "fork") and sys.platform != "win32"


# A worker that exits with this code was stopped by its own watchdog (`Watchdog`).
EXIT_OVERTIME = 75


class TimedOut(ResourceLimit):
    what = "timed out"


class Watchdog:
    """Ends the worker process (exit EXIT_OVERTIME) when one step of its work — a PDF page
    inside PDFium, which Python cannot interrupt — runs past `seconds`.

        with Watchdog(5) as dog:
            for page in pages:
                dog.step()
                read(page)

    Every watchdog of a process is watched by one daemon thread (`_Alarm`), started on the
    first step: a step moves a deadline, where a thread per step (a `threading.Timer`) was
    started and cancelled per PDF page and per file.
    """

    def __init__(self, seconds: float, enabled: bool = True) -> None:
        self.seconds = seconds
        self.enabled = enabled

    def step(self) -> None:
        if self.enabled:
            _ALARM.arm(self, time.monotonic() + self.seconds)

    def stop(self) -> None:
        if self.enabled:
            _ALARM.disarm(self)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Alarm:
    """The deadlines of a process's armed watchdogs, and the thread that ends the process
    (exit EXIT_OVERTIME) when one passes. The thread sleeps until the earliest deadline it
    knows; a later deadline (a step moving its own forward) is found when it wakes, so only
    an earlier one wakes it."""

    def __init__(self) -> None:
        self._deadlines: dict[int, float] = {}
        self._cond = threading.Condition(threading.Lock())
        self._waiting_until: float | None = None  # the thread's wake-up; None: no deadline
        self._thread: threading.Thread | None = None

    def arm(self, dog: Watchdog, deadline: float) -> None:
        with self._cond:
            self._deadlines[id(dog)] = deadline
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="gonggo-watchdog",
                                                daemon=True)
                self._thread.start()
            elif self._waiting_until is None or deadline < self._waiting_until:
                self._cond.notify()

    def disarm(self, dog: Watchdog) -> None:
        with self._cond:
            self._deadlines.pop(id(dog), None)

    def _watch(self) -> None:
        with self._cond:
            while True:
                if not self._deadlines:
                    self._waiting_until = None
                    self._cond.wait()
                    continue
                earliest = min(self._deadlines.values())
                now = time.monotonic()
                if earliest <= now:
                    os._exit(EXIT_OVERTIME)
                self._waiting_until = earliest
                self._cond.wait(earliest - now)


_ALARM = _Alarm()


def _new_alarm() -> None:
    """A forked child has no watchdog thread, whatever its parent had: a fresh alarm."""
    global _ALARM
    _ALARM = _Alarm()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_alarm)


_IN_PLACE = False


def run_in_place(enabled: bool = True) -> None:
    """From now on `run_isolated` runs its work in this process (see the module doc): only
    in a process whose death its parent handles, never in a command's own process."""
    global _IN_PLACE
    _IN_PLACE = enabled


def _address_space() -> int:
    """Bytes of address space this process maps now (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def run_isolated(fn: Callable[..., T], *args: Any, timeout: float | None = None,
                 memory: int | None = CHILD_MEMORY_BYTES) -> T:
    """`fn(*args)` in a worker process; its exceptions are raised here, its crash, memory
    exhaustion or overrun become `IngestError`s."""
    if not CAN_FORK:
        return fn(*args)
    if _IN_PLACE:
        return _run_here(fn, args, timeout, memory)
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        _work(write_end, fn, args, memory)
    os.close(write_end)
    try:
        payload = _collect(read_end, pid, timeout)
    finally:
        os.close(read_end)
    return _unpack(payload, pid)


def _run_here(fn: Callable[..., T], args: tuple[Any, ...], timeout: float | None,
              memory: int | None) -> T:
    """`fn(*args)` in this process, under a forked worker's limits: past `timeout` seconds the
    process ends (exit EXIT_OVERTIME), its address space may grow by `memory` bytes."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if memory:
        limit = _address_space() + memory
        if soft == resource.RLIM_INFINITY or limit < soft:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        with Watchdog(timeout or 0, enabled=timeout is not None) as dog:
            dog.step()
            return fn(*args)
    except MemoryError:
        raise ResourceLimit("ran out of the memory allowed to one file "
                            f"({memory} bytes more)") from None
    finally:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _work(fd: int, fn: Callable[..., Any], args: tuple[Any, ...], memory: int | None) -> None:
    code = 0
    try:
        faulthandler.disable()  # a native abort is reported by the parent, in one line
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if memory:
            limit = _address_space() + memory
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            outcome: tuple[str, Any] = ("ok", fn(*args))
        except MemoryError:
            outcome = ("err", ResourceLimit("ran out of the memory allowed to one file "
                                            f"({memory} bytes more)"))
        except BaseException as err:  # noqa: BLE001 - everything goes back to the parent
            outcome = ("err", err)
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as err:  # noqa: BLE001 - an unpicklable exception
            data = pickle.dumps(("err", CorruptDocument(f"{type(err).__name__}: {err}"[:300])))
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except BaseException:  # noqa: BLE001 - a worker never returns into the caller's code
        code = 70
    finally:
        os._exit(code)


def _collect(fd: int, pid: int, timeout: float | None) -> bytes:
    deadline = None if timeout is None else time.monotonic() + timeout
    chunks: list[bytes] = []
    while True:
        wait = None if deadline is None else max(deadline - time.monotonic(), 0)
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise TimedOut(f"over the time limit of {timeout:g} s; stopped")
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _unpack(payload: bytes, pid: int) -> Any:
    _, status = os.waitpid(pid, 0)
    if not payload:
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else sig
            raise ResourceLimit(f"the reader crashed (signal {name}); a damaged or hostile "
                                "file, likely one that needs more memory than allowed")
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == EXIT_OVERTIME:
            raise TimedOut("one step (a PDF page) ran past its time limit; stopped")
        raise CorruptDocument(f"the reader stopped without an answer (exit "
                              f"{os.WEXITSTATUS(status)})")
    kind, value = pickle.loads(payload)
    if kind == "ok":
        return value
    if isinstance(value, BaseException):
        raise value
    raise IngestError(str(value))
