"""A per-file time budget: one hostile file turns into a coverage entry instead of stalling the scan.

The detectors are checked for linear time when they load (regexcheck.py), but a linear scan can still be
slow with a large constant, and extractors other than the detectors (parsers, reference patterns) run on
the same hostile bytes. So every file's extraction runs under a deadline.

The budget counts the **CPU time** the file's work uses, not the clock: on a loaded machine (a shared CI
runner, a laptop compiling) a small file can wait seconds for a core, and a wall-clock budget turned that
wait into "not examined" for ordinary files, so one scan's coverage depended on what else the machine was
doing. A file that stops using the CPU altogether (a read that blocks) is caught by a wall-clock backstop of
`WALL_FACTOR` times the budget.

* in a process's main thread (the worker processes, the CLI) interval timers raise FileBudgetExceeded inside
  whatever is running, C regex loops included (`re` checks for signals): ITIMER_PROF (process CPU time,
  SIGPROF) for the budget and ITIMER_REAL (SIGALRM) for the backstop;
* elsewhere (a library caller's thread, where signals cannot be used) the detector engine checks both
  deadlines between regions (the thread's own CPU time and the clock), which bounds the work to one region
  past the budget.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = [
    "DEFAULT_FILE_BUDGET",
    "WALL_FACTOR",
    "WATCH_TICKS",
    "FileBudgetExceeded",
    "Watchdog",
    "batch_watchdog",
    "check",
    "file_budget",
    "install_worker_alarm",
    "watching",
]

DEFAULT_FILE_BUDGET = 10.0  # CPU seconds; the benchmark's slowest legitimate file takes well under one
WALL_FACTOR = 6.0  # the wall-clock backstop, for a file whose work stalls without using the CPU

# (signal, timer) pairs: the CPU budget and the wall-clock backstop.
_TIMERS = (("SIGPROF", "ITIMER_PROF"), ("SIGALRM", "ITIMER_REAL"))


class FileBudgetExceeded(BaseException):  # noqa: N818 (a BaseException so `except Exception` cannot eat it)
    """The file's extraction ran past its time budget."""


class _Local(threading.local):
    # A class attribute, seen by every thread: `check` runs once per detector region, and looking up an
    # attribute a thread never set raised (and caught) an AttributeError each time.
    deadline: tuple[float, float] | None = None


_local = _Local()


def check() -> None:
    """Raise FileBudgetExceeded when the current thread's file deadline has passed (cheap; call often)."""
    deadline = _local.deadline
    if deadline is not None and (time.thread_time() > deadline[0] or time.monotonic() > deadline[1]):
        raise FileBudgetExceeded


def _deadline(seconds: float) -> tuple[float, float]:
    return time.thread_time() + seconds, time.monotonic() + seconds * WALL_FACTOR


def _has_timers() -> bool:
    return hasattr(signal, "setitimer") and all(hasattr(signal, s) and hasattr(signal, t) for s, t in _TIMERS)


def _arm(seconds: float) -> None:
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, seconds * WALL_FACTOR)


def _disarm() -> None:
    signal.setitimer(signal.ITIMER_PROF, 0)
    signal.setitimer(signal.ITIMER_REAL, 0)


def _can_use_alarm() -> bool:
    if threading.current_thread() is not threading.main_thread() or not _has_timers():
        return False
    # Someone else's timer or handler is in place (a profiler uses SIGPROF): leave it alone and rely on the
    # cooperative checks.
    return all(
        signal.getitimer(getattr(signal, timer)) == (0.0, 0.0)
        and signal.getsignal(getattr(signal, name)) in (signal.SIG_DFL, signal.SIG_IGN, None)
        for name, timer in _TIMERS
    )


# Set in botaudit's own worker processes (pool initializer): the handlers stay installed for the process's
# life and each file only arms and disarms the timers, instead of installing and restoring the handlers
# around every file (signal() calls and their checks, tens of thousands of times a scan).
_worker_alarm = {"installed": False, "live": False}


def _worker_on_alarm(signum: int, _frame: FrameType | None) -> None:
    if _worker_alarm["live"]:
        raise FileBudgetExceeded
    watch = _watch
    if watch is not None and watch.live:
        watch.tick(signum)


# Ticks per budget for a batch's watchdog: a file is stopped after between 1 and about 1 + 2/WATCH_TICKS of
# its budget (CPU, or the wall-clock backstop).
WATCH_TICKS = 10


class Watchdog:
    """The per-file budget for a whole batch of files in a worker: the timers are armed once for the batch,
    as periodic ticks (WATCH_TICKS per budget), instead of armed and disarmed around every file (four
    `setitimer` calls a file, most of which take a fraction of a millisecond). Each file only takes a new
    number (`begin`); a file that is still the one running after WATCH_TICKS + 2 ticks of one clock has used
    at least its whole budget on that clock, and is stopped."""

    __slots__ = ("file", "live", "_cpu", "_wall")

    def __init__(self) -> None:
        self.file = 0
        self.live = False
        self._cpu = [0, 0]  # (the file seen at the last tick, consecutive ticks it was seen)
        self._wall = [0, 0]

    def begin(self) -> None:
        """A new file starts: the next ticks count for it (set live=False when it ends)."""
        self.file += 1
        self.live = True

    def tick(self, signum: int) -> None:
        seen = self._cpu if signum == signal.SIGPROF else self._wall
        if seen[0] == self.file:
            seen[1] += 1
        else:
            seen[0], seen[1] = self.file, 1
        # The first tick seen in a file came at most one tick after it began, and each tick is delivered at
        # the first scheduler tick (a jiffy, a few milliseconds) after it falls due: after k ticks the file
        # has run for at least k - 1 of them less a jiffy, so WATCH_TICKS + 2 ticks prove a whole budget.
        if seen[1] > WATCH_TICKS + 1:
            self.live = False  # one stop per file: a further tick must not land in the handler
            raise FileBudgetExceeded


_watch: Watchdog | None = None


def watching() -> Watchdog | None:
    """The armed watchdog of this worker's current batch, if any (per_file_guard in filescan uses it)."""
    return _watch


@contextmanager
def batch_watchdog(seconds: float | None) -> Iterator[Watchdog | None]:
    """Arm the per-file budget once for a batch of files (a worker process with install_worker_alarm, main
    thread); yields the Watchdog each file begins on, or None where files must arm it one by one
    (file_budget)."""
    global _watch
    if (
        seconds is None
        or seconds <= 0
        or _watch is not None
        or not _worker_alarm["installed"]
        or _worker_alarm["live"]
        or threading.current_thread() is not threading.main_thread()
    ):
        yield None
        return
    watch = Watchdog()
    _watch = watch
    tick = seconds / WATCH_TICKS
    signal.setitimer(signal.ITIMER_PROF, tick, tick)
    signal.setitimer(signal.ITIMER_REAL, tick * WALL_FACTOR, tick * WALL_FACTOR)
    try:
        yield watch
    finally:
        watch.live = False
        _disarm()
        _watch = None


def install_worker_alarm() -> None:
    """For a process botaudit owns (a pool worker): keep the budget's signal handlers installed."""
    if threading.current_thread() is threading.main_thread() and _has_timers():
        for name, _timer in _TIMERS:
            signal.signal(getattr(signal, name), _worker_on_alarm)
        _worker_alarm["installed"] = True


@contextmanager
def file_budget(seconds: float | None) -> Iterator[None]:
    """Run the body under a budget of `seconds` of CPU time (None or <= 0: none), and a wall-clock
    backstop of WALL_FACTOR times that."""
    if seconds is None or seconds <= 0:
        yield
        return
    if (
        _worker_alarm["installed"]
        and not _worker_alarm["live"]
        and _watch is None  # a batch's watchdog owns the timers (and the cooperative check below applies)
        and threading.current_thread() is threading.main_thread()
    ):
        # The timers interrupt the body wherever it is; the cooperative check has nothing to add (and
        # reading the thread's CPU clock is a system call, made once per detector region).
        _worker_alarm["live"] = True
        _arm(seconds)
        try:
            yield
        finally:
            _worker_alarm["live"] = False  # first: a signal landing from here on is ignored
            _disarm()
        return
    previous = _local.deadline
    armed = _can_use_alarm()
    _local.deadline = None if armed else _deadline(seconds)
    state = {"live": True}

    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        if state["live"]:  # a signal delivered just after the body finished must not escape
            raise FileBudgetExceeded

    old_handlers: list[object] = []
    if armed:
        old_handlers = [signal.signal(getattr(signal, name), on_alarm) for name, _timer in _TIMERS]
        _arm(seconds)
    try:
        yield
    finally:
        state["live"] = False
        if armed:
            _disarm()
            for (name, _timer), old in zip(_TIMERS, old_handlers, strict=True):
                signal.signal(getattr(signal, name), old)  # type: ignore[arg-type]
        _local.deadline = previous
