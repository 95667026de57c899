"""The retry policy and paging loop every collector shares (auditor/collectors/retry.py, paging.py)."""

from __future__ import annotations

import pytest

from auditor.collectors.paging import follow_pages
from auditor.collectors.retry import (
    MAX_WAIT,
    RequestCounter,
    RetryableError,
    StatusRetry,
    parse_retry_after,
    raise_for_retry,
    with_retries,
)


def test_retry_after_seconds_and_http_date() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 2.5 ") == 2.5
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after("3600") == 3600.0  # not capped: the retry loop decides
    assert parse_retry_after("3600", cap=30) == 30.0
    # RFC 9110 HTTP-date form, relative to now.
    now = 1_445_412_480.0  # Wed, 21 Oct 2015 07:28:00 GMT
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now=lambda: now) == 30.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now=lambda: now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("nan") is None
    assert parse_retry_after(None) is None


def _flaky(failures: list[RetryableError]):  # type: ignore[no-untyped-def]
    calls: list[int] = []

    def call() -> str:
        calls.append(1)
        if failures:
            raise failures.pop(0)
        return "ok"

    return call, calls


def test_retries_honour_retry_after_and_count() -> None:
    call, calls = _flaky([StatusRetry(429, 3.0), RetryableError("timeout")])
    sleeps: list[float] = []
    counter = RequestCounter()
    assert with_retries(call, attempts=4, counter=counter, sleep=sleeps.append) == "ok"
    assert len(calls) == 3 and counter.retries == 2
    assert sleeps[0] == 3.0 and 0.0 < sleeps[1] <= 0.4  # Retry-After, then the jittered backoff


def test_a_wait_beyond_max_wait_or_the_budget_gives_up_at_once() -> None:
    sleeps: list[float] = []
    call, calls = _flaky([StatusRetry(429, MAX_WAIT + 1)])
    with pytest.raises(StatusRetry):
        with_retries(call, attempts=4, sleep=sleeps.append)
    assert len(calls) == 1 and sleeps == []
    call, calls = _flaky([StatusRetry(503, 5.0)])
    with pytest.raises(StatusRetry):
        with_retries(call, attempts=4, sleep=sleeps.append, budget_left=lambda: 4.0)
    assert len(calls) == 1 and sleeps == []


def test_last_attempt_error_propagates() -> None:
    call, calls = _flaky([StatusRetry(502, 0.0) for _ in range(5)])
    with pytest.raises(StatusRetry) as info:
        with_retries(call, attempts=3, sleep=lambda _s: None)
    assert info.value.status == 502 and len(calls) == 3


def test_raise_for_retry() -> None:
    raise_for_retry(200, {})
    raise_for_retry(404, {"Retry-After": "1"})
    with pytest.raises(StatusRetry) as info:
        raise_for_retry(429, {"Retry-After": "4"})
    assert info.value.retry_after == 4.0


def test_follow_pages_to_the_end_and_bounded() -> None:
    chain = {0: 1, 1: 2, 2: None}
    fetched: list[int] = []

    def fetch(n: int) -> int:
        fetched.append(n)
        return n

    assert list(follow_pages(0, chain.get, fetch, too_many=lambda n: ValueError(n))) == [0, 1, 2]
    assert fetched == [1, 2]
    # A chain that never ends: an error after max_pages pages, never an endless loop.
    endless = follow_pages(
        0, lambda p: p + 1, fetch, too_many=lambda n: ValueError(f"{n} pages"), max_pages=5
    )
    with pytest.raises(ValueError, match="5 pages"):
        list(endless)
