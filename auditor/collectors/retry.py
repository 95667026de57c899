"""Bounded retries with exponential backoff that honour Retry-After: shared by every collector."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

T = TypeVar("T")


class RetryableError(Exception):
    """Raised by a call wrapper to ask for another attempt (429, 5xx, timeouts)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class RequestCounter:
    """Counts API round trips per platform, so benchmarks and reports can show them."""

    count: int = 0
    retries: int = 0

    def hit(self) -> None:
        self.count += 1


def parse_retry_after(value: str | None, cap: float = 30.0) -> float | None:
    """Seconds from a Retry-After header (delta-seconds form); None when absent or unparseable."""
    if not value:
        return None
    try:
        return min(max(float(value), 0.0), cap)
    except ValueError:
        return None


class _Answer(Protocol):
    """An HTTP response as far as retries care: its headers (requests.Response qualifies)."""

    @property
    def headers(self) -> Mapping[str, str]: ...


def retry_after_of(response: _Answer) -> float | None:
    """Seconds the server asked to wait (its Retry-After header), or None."""
    return parse_retry_after(response.headers.get("Retry-After"))


def with_retries(
    call: Callable[[], T],
    *,
    attempts: int = 4,
    base_delay: float = 0.2,
    max_delay: float = 8.0,
    counter: RequestCounter | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `call`, retrying RetryableError up to `attempts` times; the last error propagates."""
    for attempt in range(attempts):
        try:
            return call()
        except RetryableError as exc:
            if attempt == attempts - 1:
                raise
            if counter is not None:
                counter.retries += 1
            delay = exc.retry_after
            if delay is None:
                delay = min(max_delay, base_delay * (2**attempt)) * (0.5 + random.random() / 2)
            sleep(delay)
    raise AssertionError("unreachable")
