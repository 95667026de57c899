"""A per-file time budget: one hostile file turns into a coverage entry instead of stalling the scan.

The detectors are checked for linear time when they load (regexcheck.py), but a linear scan can still be
slow with a large constant, and extractors other than the detectors (parsers, reference patterns) run on
the same hostile bytes. So every file's extraction runs under a deadline:

* in a process's main thread (the worker processes, the CLI) a real-time interval timer (SIGALRM) raises
  FileBudgetExceeded inside whatever is running, C regex loops included (`re` checks for signals);
* elsewhere (a library caller's thread, where signals cannot be used) the detector engine checks the
  deadline between regions, which bounds the work to one region past the budget.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["DEFAULT_FILE_BUDGET", "FileBudgetExceeded", "check", "file_budget", "install_worker_alarm"]

DEFAULT_FILE_BUDGET = 10.0  # seconds; the benchmark's slowest legitimate file takes well under one


class FileBudgetExceeded(BaseException):  # noqa: N818 (a BaseException so `except Exception` cannot eat it)
    """The file's extraction ran past its time budget."""


_local = threading.local()


def check() -> None:
    """Raise FileBudgetExceeded when the current thread's file deadline has passed (cheap; call often)."""
    deadline: float | None = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise FileBudgetExceeded


def _can_use_alarm() -> bool:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return False
    # Someone else's timer or handler is in place: leave it alone and rely on the cooperative checks.
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) in (
        signal.SIG_DFL,
        signal.SIG_IGN,
        None,
    )


# Set in botaudit's own worker processes (pool initializer): the SIGALRM handler stays installed for the
# process's life and each file only arms and disarms the timer, instead of installing and restoring the
# handler around every file (two signal() calls and their checks, tens of thousands of times a scan).
_worker_alarm = {"installed": False, "live": False}


def _worker_on_alarm(_signum: int, _frame: FrameType | None) -> None:
    if _worker_alarm["live"]:
        raise FileBudgetExceeded


def install_worker_alarm() -> None:
    """For a process botaudit owns (a pool worker): keep the budget's SIGALRM handler installed."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _worker_on_alarm)
        _worker_alarm["installed"] = True


@contextmanager
def file_budget(seconds: float | None) -> Iterator[None]:
    """Run the body under a deadline of `seconds` (None or <= 0: no budget)."""
    if seconds is None or seconds <= 0:
        yield
        return
    if (
        _worker_alarm["installed"]
        and not _worker_alarm["live"]
        and threading.current_thread() is threading.main_thread()
    ):
        previous = getattr(_local, "deadline", None)
        _local.deadline = time.monotonic() + seconds
        _worker_alarm["live"] = True
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            _worker_alarm["live"] = False  # first: an alarm landing from here on is ignored
            signal.setitimer(signal.ITIMER_REAL, 0)
            _local.deadline = previous
        return
    previous = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    armed = _can_use_alarm()
    state = {"live": True}

    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        if state["live"]:  # a signal delivered just after the body finished must not escape
            raise FileBudgetExceeded

    if armed:
        old_handler = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        state["live"] = False
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
        _local.deadline = previous
