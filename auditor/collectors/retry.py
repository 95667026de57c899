"""Bounded retries with exponential backoff that honour Retry-After: shared by every collector.

One policy for every platform: transport errors, 429 and 5xx answers are retried a bounded number of times;
the server's Retry-After (delta-seconds or HTTP-date) wins over the backoff; a server that asks for a longer
wait than `MAX_WAIT` (or than the platform's remaining time budget) is not waited for: the call gives up at
once and the collector records it as throttled coverage, never a stalled audit.
"""

from __future__ import annotations

import contextlib
import math
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Protocol, TypeVar

T = TypeVar("T")

# Statuses every platform documents as "try again later".
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# The longest wait a collector accepts before a retry; a longer Retry-After (an hour of Slack tier limits, a
# GitHub primary limit that resets in 40 minutes) turns the call into throttled coverage instead.
MAX_WAIT = 60.0


class RetryableError(Exception):
    """Raised by a call wrapper to ask for another attempt (429, 5xx, timeouts)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class StatusRetry(RetryableError):
    """A retryable HTTP answer (429, 5xx, a rate-limited 403), with its status for the final error."""

    def __init__(self, status: int, retry_after: float | None, message: str = "") -> None:
        super().__init__(message or f"HTTP {status}", retry_after)
        self.status = status


@dataclass
class RequestCounter:
    """Counts API round trips per platform, so benchmarks and reports can show them."""

    count: int = 0
    retries: int = 0

    def hit(self) -> None:
        self.count += 1


def parse_retry_after(
    value: str | None, cap: float = math.inf, *, now: Callable[[], float] = time.time
) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date); None when absent or unparseable.

    Not capped by default: whether a long wait is worth waiting is the retry loop's decision (`MAX_WAIT`).
    """
    if not value:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - now()
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), cap)


class _Answer(Protocol):
    """An HTTP response as far as retries care: its headers (requests.Response qualifies)."""

    @property
    def headers(self) -> Mapping[str, str]: ...


def retry_after_of(response: _Answer) -> float | None:
    """Seconds the server asked to wait (its Retry-After header), or None."""
    return parse_retry_after(response.headers.get("Retry-After"))


def raise_for_retry(
    status: int, headers: Mapping[str, str], statuses: frozenset[int] = RETRY_STATUSES
) -> None:
    """Raise StatusRetry (with the answer's Retry-After) when `status` is one to try again later."""
    if status in statuses:
        raise StatusRetry(status, parse_retry_after(headers.get("Retry-After")))


@contextlib.contextmanager
def transient_errors(what: str) -> Iterator[None]:
    """Turn a requests timeout or connection error inside the block into a RetryableError.

    `transport.DeadlineExceeded` is neither and passes through: an answer that did not complete within its
    deadline would not the next time either, and the platform's budget, not the retry count, bounds it.
    """
    import requests

    try:
        yield
    except (requests.Timeout, requests.ConnectionError) as exc:
        raise RetryableError(f"{what}: {type(exc).__name__}") from exc


def backoff_delay(attempt: int, base_delay: float = 0.2, max_delay: float = 8.0) -> float:
    """Exponential backoff with jitter for attempt 0, 1, 2…: between half and all of base * 2**attempt."""
    return float(min(max_delay, base_delay * 2.0**attempt)) * (0.5 + random.random() / 2)


def worth_waiting(
    delay: float, max_wait: float = MAX_WAIT, budget_left: Callable[[], float] | None = None
) -> bool:
    """Whether a retry after `delay` seconds is worth it: within `max_wait` and the platform's budget."""
    if delay > max_wait:
        return False
    return budget_left is None or delay < budget_left()


def with_retries(
    call: Callable[[], T],
    *,
    attempts: int = 4,
    base_delay: float = 0.2,
    max_delay: float = 8.0,
    max_wait: float = MAX_WAIT,
    counter: RequestCounter | None = None,
    sleep: Callable[[float], None] = time.sleep,
    budget_left: Callable[[], float] | None = None,
) -> T:
    """Run `call`, retrying RetryableError up to `attempts` times; the last error propagates.

    The error also propagates at once when the server asks for a wait longer than `max_wait`, or than what
    `budget_left()` says remains of the platform's time budget.
    """
    for attempt in range(attempts):
        try:
            return call()
        except RetryableError as exc:
            if attempt == attempts - 1:
                raise
            delay = exc.retry_after
            if delay is None:
                delay = backoff_delay(attempt, base_delay, max_delay)
            if not worth_waiting(delay, max_wait, budget_left):
                raise
            if counter is not None:
                counter.retries += 1
            sleep(delay)
    raise AssertionError("unreachable")
