"""Bounded HTTP for every collector: a total deadline per request and a time budget per platform.

A read timeout bounds one socket read, not a request: a server that trickles one byte every few seconds keeps
every read short and a request alive for hours. Here each HTTP attempt gets a watchdog that shuts the socket
down when the attempt's total deadline passes (whatever phase it is in: headers or body), and every attempt's
deadline is cut to what is left of the platform's budget, so a collection can never outlive its budget by more
than one connect timeout. An overrun raises `DeadlineExceeded`, which collectors record as an unread part
(partial platform, exit 3), never as a hang and never as an empty answer.

`requests` based SDKs (hvac, simple-salesforce, msal, our Graph client) get the bound by mounting
`DeadlineAdapter` on their session; botocore's requests are routed through the same adapter with its
documented `before-send` event (a handler that returns a response replaces botocore's own sending).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from auditor.collectors.interface import DEFAULT_PLATFORM_BUDGET, DEFAULT_REQUEST_DEADLINE


class DeadlineExceeded(requests.RequestException):
    """No complete answer within the request's total deadline, or the platform's budget is spent.

    Deliberately not a `requests.Timeout`: collectors retry timeouts, and a server that stalls one attempt to
    its deadline is not retried (the budget, not the retry count, decides how long a platform may take).
    """

    def __init__(self, message: str, *, budget: bool = False) -> None:
        super().__init__(message)
        self.budget = budget


class Budget:
    """The time one platform's collection may take, shared by every request of that collection."""

    def __init__(
        self,
        seconds: float = DEFAULT_PLATFORM_BUDGET,
        request_deadline: float = DEFAULT_REQUEST_DEADLINE,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = float(seconds)
        self.request_deadline = float(request_deadline)
        self._monotonic = monotonic
        self._start = monotonic()

    def remaining(self) -> float:
        return self.seconds - (self._monotonic() - self._start)

    @property
    def exhausted(self) -> bool:
        return self.remaining() <= 0

    def limit(self) -> tuple[float, bool]:
        """(seconds the next request may take, whether the budget rather than the deadline is the bound).

        Raises DeadlineExceeded when the budget is already spent: no request starts after it.
        """
        left = self.remaining()
        if left <= 0:
            raise DeadlineExceeded(f"platform time budget of {self.seconds:g} s spent", budget=True)
        if left < self.request_deadline:
            return left, True
        return self.request_deadline, False


_local = threading.local()


class _Watch:
    """The sockets one HTTP attempt uses; `expire` shuts them down so a blocked read returns.

    Sockets, not connections, are kept: http.client drops `conn.sock` as soon as the headers say the server
    will close, while the response still reads the body from that same socket.
    """

    def __init__(self) -> None:
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()

    def attach(self, conn: HTTPConnection) -> None:
        sock = getattr(conn, "sock", None)
        if sock is None:
            return
        with self._lock:
            if not any(s is sock for s in self._socks):
                self._socks.append(sock)
            if self.expired:
                _shutdown(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    # The plain socket's shutdown, also under TLS: it wakes a read blocked in another thread without
    # touching the TLS object that thread is using.
    with contextlib.suppress(OSError, ValueError, TypeError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _attach(conn: HTTPConnection) -> None:
    watch = getattr(_local, "watch", None)
    if watch is not None:
        watch.attach(conn)


# The mixin below sits before HTTPConnection or HTTPSConnection in the MRO; type checkers see that base.
if TYPE_CHECKING:
    _ConnectionBase = HTTPConnection
else:
    _ConnectionBase = object


class _Watched(_ConnectionBase):
    """Hands the connection's socket to the current attempt's watch at each phase (connect, send, read)."""

    def connect(self) -> None:
        super().connect()
        _attach(self)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach(self)
        super().request(*args, **kwargs)

    def getresponse(self) -> Any:
        _attach(self)
        return super().getresponse()


class _WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


def _cap(timeout: Any, limit: float) -> Any:
    """The caller's (connect, read) timeout, each part no longer than the request's total limit."""
    if timeout is None:
        return (limit, limit)
    if isinstance(timeout, tuple):
        return tuple(limit if t is None else min(float(t), limit) for t in timeout)
    return min(float(timeout), limit)


class DeadlineAdapter(HTTPAdapter):
    """An HTTPAdapter that reads each whole answer (headers and body) within a total deadline."""

    def __init__(self, budget: Budget, **kwargs: Any) -> None:
        self.budget = budget
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = dict(_POOLS)
        return manager

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: dict[str, str] | None = None,
    ) -> requests.Response:
        limit, by_budget = self.budget.limit()
        watch = _Watch()
        previous = getattr(_local, "watch", None)
        _local.watch = watch
        timer = threading.Timer(limit, watch.expire)
        timer.daemon = True
        started = time.monotonic()
        timer.start()
        try:
            response = super().send(
                request, stream=True, timeout=_cap(timeout, limit), verify=verify, cert=cert, proxies=proxies
            )
            # The body is read here, under the watch: requests would otherwise read it after send() returns.
            _ = response.content
        except Exception as exc:
            # The read timeout is capped at the same limit as the watchdog, so on a loaded machine the
            # socket's own timeout can fire before the timer thread runs: an attempt that failed at (or past)
            # its limit is an overrun either way (a final DeadlineExceeded, never a retried timeout).
            if watch.expired or time.monotonic() - started >= limit - 0.01:
                raise self._overrun(limit, by_budget) from exc
            raise
        finally:
            timer.cancel()
            _local.watch = previous
        return response

    def _overrun(self, limit: float, by_budget: bool) -> DeadlineExceeded:
        if by_budget:
            return DeadlineExceeded(
                f"platform time budget of {self.budget.seconds:g} s spent during a request", budget=True
            )
        return DeadlineExceeded(f"no complete answer within the request deadline of {limit:g} s")


def mount_deadlines(session: requests.Session, budget: Budget) -> requests.Session:
    """Bound every request `session` makes by `budget` (a total deadline each, and the platform budget)."""
    adapter = DeadlineAdapter(budget)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


class _Raw:
    """The `raw` botocore's AWSResponse reads: the already complete body."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._content


def botocore_sender(session: requests.Session, timeout: tuple[float, float]) -> Callable[..., Any]:
    """A `before-send` handler that sends botocore's signed request through `session` (and its deadlines).

    Transport failures are mapped onto botocore's own exceptions so its retry policy treats them as it would
    its own; DeadlineExceeded passes through unchanged and is therefore not retried.
    """

    def send(request: Any, **_: Any) -> Any:
        from botocore.awsrequest import AWSResponse
        from botocore.exceptions import ConnectionClosedError, EndpointConnectionError, ReadTimeoutError

        body = request.body
        if hasattr(body, "read"):
            body = body.read()
        headers = {
            k: (v.decode("latin-1") if isinstance(v, bytes) else str(v)) for k, v in request.headers.items()
        }
        # botocore reads bodies as sent; requests would otherwise ask for gzip and hand back decoded bytes.
        headers.setdefault("Accept-Encoding", "identity")
        try:
            resp = session.request(
                request.method,
                request.url,
                headers=headers,
                data=body,
                timeout=timeout,
                allow_redirects=False,
            )
        except DeadlineExceeded:
            raise
        except requests.Timeout as exc:
            raise ReadTimeoutError(endpoint_url=request.url, error=exc) from exc
        except requests.ConnectionError as exc:
            raise EndpointConnectionError(endpoint_url=request.url, error=exc) from exc
        except requests.RequestException as exc:
            raise ConnectionClosedError(endpoint_url=request.url) from exc
        return AWSResponse(request.url, resp.status_code, dict(resp.headers), _Raw(resp.content))

    return send


class BoundedSession(requests.Session):
    """A requests session under a Budget whose `verify` (a CA bundle path, or False/True) wins over
    REQUESTS_CA_BUNDLE; proxies from the environment still apply."""

    def __init__(self, budget: Budget, verify: str | bool | None = None) -> None:
        super().__init__()
        self._verify_override = verify
        mount_deadlines(self, budget)

    def merge_environment_settings(
        self, url: str | bytes | None, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> dict[str, Any]:
        settings: dict[str, Any] = super().merge_environment_settings(
            url,  # type: ignore[arg-type]
            proxies,
            stream,
            verify,
            cert,
        )
        if self._verify_override is not None:
            settings["verify"] = self._verify_override
        return settings
