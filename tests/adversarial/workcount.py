"""Deterministic work counts for linear-time tests: what a code path did, not how long it took.

Two measures, both exact for a given input and code, whatever the machine's load:

* `lines`: Python lines executed in botaudit's own modules (a `sys.settrace` line count). A per-keyword or
  per-character Python loop that revisits the rest of its input shows up here.
* `chars`: characters handed to C-level scanners that the test names (a regex's `finditer`/`match` over a
  region, `str.find` over a window), counted by wrapping the function that hands them over. Each scanner
  does work linear in what it is handed (the regexes' per-attempt work is bounded: regexcheck at load,
  recheck in test_regex_analysis.py), so their total is bounded by this count times a constant.

A linear path grows both about 4x from n to 4n characters (less where fixed costs weigh); a quadratic one
about 16x. `grows_linearly` asserts the 4n count stays within GROWTH times the n count plus a small floor.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import auditor

AUDITOR_DIR = str(Path(auditor.__file__).resolve().parent)
GROWTH = 5.0  # linear: about 4; quadratic: about 16
FLOOR = 200  # fixed costs of a call (setup lines, a region or two): never enough to hide n² growth


@dataclass
class Work:
    lines: int = 0
    chars: int = 0
    calls: int = 0


@contextmanager
def counting() -> Iterator[Work]:
    """Count the lines botaudit's modules execute in this thread while the block runs."""
    work = Work()
    previous = sys.gettrace()

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            work.lines += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "call" and frame.f_code.co_filename.startswith(AUDITOR_DIR):
            work.calls += 1
            return local
        return None

    sys.settrace(tracer)
    try:
        yield work
    finally:
        sys.settrace(previous)


def measure(
    run: Callable[[str], object], text: str, count_chars: Callable[[Work], Any], *, lines: bool = True
) -> Work:
    """The work of `run(text)`, after one uncounted run (lazy compiles and caches are first-use costs).
    With `lines` False only the characters are counted (no tracing, no warm-up: no cache changes them)."""
    if not lines:
        work = Work()
        with count_chars(work):
            run(text)
        return work
    run(text)
    with counting() as work, count_chars(work):
        run(text)
    return work


def verdict(small: Work, large: Work, growth: float = GROWTH) -> str | None:
    """None when every measure grows linearly from n to 4n, else what grew too fast."""
    bad = [
        f"{name} {getattr(small, name)} -> {getattr(large, name)}"
        for name in ("lines", "chars", "calls")
        if getattr(large, name) > growth * getattr(small, name) + FLOOR
    ]
    return "; ".join(bad) or None
