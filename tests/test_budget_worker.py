"""The per-file time budget in botaudit's own worker processes: the SIGALRM handler stays installed and each
file only arms the timer. It must still stop a runaway file and leave no timer running after a normal one."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator

import pytest

from auditor.extract import budget
from auditor.extract.budget import FileBudgetExceeded, file_budget, install_worker_alarm


@pytest.fixture
def worker_alarm() -> Iterator[None]:
    old = signal.getsignal(signal.SIGALRM)
    install_worker_alarm()
    yield
    budget._worker_alarm["installed"] = False
    signal.signal(signal.SIGALRM, old)


@pytest.mark.usefixtures("worker_alarm")
def test_worker_alarm_stops_a_runaway_file() -> None:
    started = time.monotonic()
    with pytest.raises(FileBudgetExceeded), file_budget(0.2):
        while time.monotonic() - started < 10:  # bounded: the test fails rather than hangs
            pass
    assert time.monotonic() - started < 5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.usefixtures("worker_alarm")
def test_worker_alarm_disarms_after_a_normal_file() -> None:
    for _ in range(3):
        with file_budget(5.0):
            assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is budget._worker_on_alarm  # installed once, kept
    # A late alarm after the file finished is ignored, not raised into whatever runs next.
    budget._worker_on_alarm(signal.SIGALRM, None)
