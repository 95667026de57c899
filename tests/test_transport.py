"""Request deadlines and platform budgets against a real trickling server on 127.0.0.1 (issue 10, item 7):
a server that sends one byte at a time keeps every read short, so only a total deadline bounds it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import requests

from auditor.collectors.interface import CollectRequest
from auditor.collectors.transport import BoundedSession, Budget, DeadlineExceeded

BODY = b'{"padding": "' + b"x" * 48 + b'"}'
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(BODY)
ANSWER = HEAD + BODY


class Trickler:
    """A raw TCP server: answers each connection `ANSWER`, one byte every `interval` seconds after `head`
    bytes sent at once (head=0: even the status line trickles)."""

    def __init__(self, interval: float, head: int) -> None:
        self.interval = interval
        self.head = head
        self.connections = 0
        self.stopping = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        # HTTP/1.1 keep-alive: the connection serves request after request until the client closes it (a
        # server that closed after one answer would race the client's reuse of the connection under load).
        with conn:
            try:
                while conn.recv(65536):
                    conn.sendall(ANSWER[: self.head])
                    for byte in ANSWER[self.head :]:
                        if self.stopping.wait(self.interval):
                            return
                        conn.sendall(bytes([byte]))
            except OSError:
                return

    def close(self) -> None:
        self.stopping.set()
        self.sock.close()


@pytest.fixture(params=[0, len(HEAD)], ids=["headers-trickle", "body-trickles"])
def trickler(request: pytest.FixtureRequest) -> Iterator[Trickler]:
    server = Trickler(0.2, request.param)
    yield server
    server.close()


def test_a_trickle_is_cut_at_the_request_deadline(trickler: Trickler) -> None:
    session = BoundedSession(Budget(30.0, request_deadline=0.6))
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded) as caught:
        # The read timeout alone (5 s per read) would never fire: a byte arrives every 0.2 s.
        session.get(trickler.url, timeout=(5, 5))
    elapsed = time.monotonic() - started
    assert 0.5 < elapsed < 3, elapsed
    assert not caught.value.budget and "deadline of 0.6 s" in str(caught.value)
    # Not a requests.Timeout: collectors retry those, a deadline overrun is final.
    assert not isinstance(caught.value, requests.Timeout)


def test_a_prompt_answer_passes_and_the_connection_is_reused() -> None:
    server = Trickler(0.0, len(ANSWER))
    try:
        session = BoundedSession(Budget(30.0, request_deadline=2.0))
        for _ in range(3):
            assert session.get(server.url, timeout=(5, 5)).json() == {"padding": "x" * 48}
        # The watched connection pool keeps connections alive: three requests, one connection.
        assert server.connections == 1
    finally:
        server.close()


def test_the_platform_budget_cuts_requests_and_then_refuses_new_ones(trickler: Trickler) -> None:
    budget = Budget(1.0, request_deadline=30.0)
    session = BoundedSession(budget)
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded) as first:
        session.get(trickler.url, timeout=(5, 5))
    assert first.value.budget and time.monotonic() - started < 3
    assert budget.exhausted
    with pytest.raises(DeadlineExceeded) as second:
        session.get(trickler.url)
    assert second.value.budget and "budget of 1 s spent" in str(second.value)


def test_collect_request_defaults_are_bounded() -> None:
    request = CollectRequest()
    budget = request.budget()
    assert budget.request_deadline == 60.0 and budget.seconds == 600.0
    assert 0 < budget.limit()[0] <= 60.0


def test_a_read_timeout_at_the_limit_is_an_overrun_even_if_the_watchdog_is_late(
    trickler: Trickler, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a loaded machine the socket's read timeout (capped at the same limit) can beat the watchdog
    thread: the attempt must still end as a final DeadlineExceeded, not a requests.Timeout (retried)."""
    import auditor.collectors.transport as transport

    class LateTimer:
        def __init__(self, *_: object) -> None:
            self.daemon = True

        def start(self) -> None:  # the watchdog never gets the CPU in time
            pass

        def cancel(self) -> None:
            pass

    monkeypatch.setattr(transport.threading, "Timer", LateTimer)
    slow = Trickler(5.0, 0)  # nothing arrives within the limit: only the read timeout can fire
    try:
        session = BoundedSession(Budget(30.0, request_deadline=0.5))
        with pytest.raises(DeadlineExceeded) as caught:
            session.get(slow.url, timeout=(5, 5))
        assert not isinstance(caught.value, requests.Timeout)
        assert "deadline of 0.5 s" in str(caught.value)
    finally:
        slow.close()
