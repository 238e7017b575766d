"""Run one `gonggo` command on one hostile input in a forked child of the test process and
measure it: wall time, peak RSS (`os.wait4`'s rusage covers the child and the workers it
waited for), exit code, stdout and stderr.

Forking from a process that has gonggo imported keeps a case at tens of milliseconds of
overhead instead of a second of interpreter start-up; the child runs the real CLI entry
point (`typer` app, `standalone_mode`), so what is measured is what a user gets.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

LIMIT_SECONDS = 10.0  # CPU seconds (user + system) of the run and the workers it waited for
LIMIT_RSS_BYTES = 1 << 30
# A run is killed once its CPU time passes twice the budget (polled from /proc), or its
# wall clock passes WALL_FACTOR budgets: CPU time is what a case costs, while wall time also
# counts the other jobs of a loaded machine (2 cores shared by a dozen test runs give a case
# a tenth of a core); the wall clock only catches a child that sleeps or blocks.
WALL_FACTOR = 10
CPU_KILL_FACTOR = 2


@dataclass
class Run:
    args: list[str]
    code: int  # exit code; -N for a signal
    seconds: float  # wall clock
    cpu: float  # user + system seconds
    peak_rss: int  # bytes
    stdout: str
    stderr: str
    timed_out: bool

    def problems(self) -> list[str]:
        """What makes this run unacceptable (empty when it is fine)."""
        found = []
        if self.timed_out or self.cpu > LIMIT_SECONDS:
            found.append(f"took {self.cpu:.1f} s CPU ({self.seconds:.1f} s wall)")
        if self.peak_rss > LIMIT_RSS_BYTES:
            found.append(f"peak RSS {self.peak_rss >> 20} MB")
        if "Traceback (most recent call last)" in self.stderr:
            found.append("traceback")
        if "internal error" in self.stderr:
            found.append("internal error")
        # 0 ok, 1 a failed file, 2 usage (or simulate's undecidable), 4 simulate's bad input
        if self.code not in (0, 1, 2, 4) and not self.timed_out:
            found.append(f"exit {self.code}")
        if self.code != 0 and not self.timed_out:
            last = self.stderr.strip().splitlines()[-1:] or [""]
            if not last[0].startswith("gonggo:") and "Usage:" not in self.stderr:
                found.append(f"no one-line error: {self.stderr[-300:]!r}")
        return found


def run_cli(args: list[str], cwd: Path, limit: float = LIMIT_SECONDS * WALL_FACTOR) -> Run:
    out_path, err_path = cwd / ".stdout", cwd / ".stderr"
    sys.stdout.flush()
    sys.stderr.flush()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _child(args, cwd, out_path, err_path)
    timed_out = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - started > limit or _cpu_seconds(pid) > LIMIT_SECONDS * CPU_KILL_FACTOR:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            timed_out = True
            break
        time.sleep(0.005)
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    return Run(args, code, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024,
               out_path.read_text(encoding="utf-8", errors="replace"),
               err_path.read_text(encoding="utf-8", errors="replace"), timed_out)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a running child and the children it waited for (/proc/PID/stat
    fields 14-17); 0 where /proc is missing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _child(args: list[str], cwd: Path, out_path: Path, err_path: Path) -> None:
    code = 70
    try:
        os.chdir(cwd)
        out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        from typer.main import get_command

        from gonggo.cli.main import app

        try:
            get_command(app).main(args, prog_name="gonggo", standalone_mode=True)
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:  # noqa: BLE001 - print it as a user would see it
        import traceback

        traceback.print_exc()
        code = 70
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
