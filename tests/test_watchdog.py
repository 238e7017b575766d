"""`ingest.isolate.Watchdog`: one thread per process watches every armed step."""

from __future__ import annotations

import time

import pytest

from gonggo.ingest.isolate import TimedOut, Watchdog, run_isolated


def _steps(seconds: float, every: float, total: float) -> str:
    """Steps of `seconds` every `every` s for `total` s, inside a file-wide watchdog."""
    with Watchdog(30) as whole, Watchdog(seconds) as dog:
        whole.step()
        ended = time.monotonic() + total
        while time.monotonic() < ended:
            dog.step()
            time.sleep(every)
    time.sleep(2 * seconds)  # stopped: no deadline left to end the process
    return "done"


def test_a_watchdog_stepped_in_time_never_fires_and_stops_with_its_block() -> None:
    assert run_isolated(_steps, 0.3, 0.05, 0.8, timeout=20) == "done"


def test_a_step_over_its_time_ends_the_process() -> None:
    with pytest.raises(TimedOut, match="ran past its time limit"):
        run_isolated(_steps, 0.2, 1.0, 1.5, timeout=20)


def test_a_shorter_deadline_wakes_a_watchdog_thread_waiting_for_a_longer_one() -> None:
    def nested() -> str:
        with Watchdog(60) as long:
            long.step()  # the thread now sleeps until this one
            time.sleep(0.2)
            with Watchdog(0.2) as short:
                short.step()
                time.sleep(5)
        return "done"

    started = time.monotonic()
    with pytest.raises(TimedOut):
        run_isolated(nested, timeout=20)
    assert time.monotonic() - started < 4
