"""AWS stand-in: moto in server mode on 127.0.0.1 (real HTTP), plus a recording/fault-injecting HTTP proxy."""

from __future__ import annotations

import http.client
import os
import threading
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

ACCOUNT_ID = "123456789012"


@dataclass(frozen=True)
class RecordedRequest:
    """One request that went through the proxy."""

    method: str
    path: str
    action: str | None
    headers: dict[str, str]


@dataclass
class _Injection:
    match: Callable[[RecordedRequest], bool]
    status: int
    body: bytes
    headers: dict[str, str]
    times: int
    # Seconds to wait before answering (a stalled endpoint), and seconds between single body bytes (a
    # trickling one: every read returns in time, the answer never completes).
    stall: float = 0.0
    trickle: float = 0.0


@dataclass
class RecordingProxy:
    """A loopback HTTP forwarder: records every request and can answer some with an injected failure."""

    upstream: str
    requests: list[RecordedRequest] = field(default_factory=list)
    injections: list[_Injection] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Set by stop(): stalled and trickling answers end then, so no handler thread outlives its test for long.
    stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def inject(
        self,
        match: Callable[[RecordedRequest], bool],
        status: int,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        times: int = 1,
        *,
        stall: float = 0.0,
        trickle: float = 0.0,
    ) -> None:
        self.injections.append(
            _Injection(match, status, body, dict(headers or {}), times, stall=stall, trickle=trickle)
        )

    def start(self) -> RecordingProxy:
        proxy = self
        target = urllib.parse.urlsplit(self.upstream)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return None

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                action = None
                if body and b"Action=" in body:
                    action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", [None])[0]
                target_header = self.headers.get("X-Amz-Target")
                if target_header:
                    action = target_header.split(".")[-1]
                rec = RecordedRequest(
                    self.command, self.path, action, {k: v for k, v in self.headers.items()}
                )
                with proxy.lock:
                    proxy.requests.append(rec)
                    injection = next((i for i in proxy.injections if i.times > 0 and i.match(rec)), None)
                    if injection:
                        injection.times -= 1
                if injection:
                    if injection.stall and proxy.stopping.wait(injection.stall):
                        return
                    self.send_response(injection.status)
                    for k, v in injection.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(injection.body)))
                    self.end_headers()
                    if not injection.trickle:
                        self.wfile.write(injection.body)
                        return
                    for byte in injection.body:
                        try:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                        except OSError:
                            return
                        if proxy.stopping.wait(injection.trickle):
                            return
                    return
                conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in {"host", "connection"}}
                headers["Host"] = target.netloc
                conn.request(self.command, self.path, body=body or None, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response(resp.status)
                for k, v in resp.getheaders():
                    if k.lower() not in {"transfer-encoding", "connection", "content-length"}:
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_LIST = do_HEAD = _handle  # noqa: N815

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@dataclass(frozen=True)
class MotoEndpoint:
    """A running moto server."""

    url: str

    def post(self, path: str, data: bytes = b"") -> None:
        req = urllib.request.Request(self.url + path, data=data, method="POST")
        with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 - loopback only
            resp.read()

    def reset(self) -> None:
        self.post("/moto-api/reset")
        _set_auth_count(float("inf"))

    def enforce_iam_after(self, count: int) -> None:
        """moto enforces IAM policies after `count` more requests (INITIAL_NO_AUTH_ACTION_COUNT).

        The server runs in this process, so the setting is changed in place (the /moto-api/reset-auth endpoint
        answers 500 in threaded server mode).
        """
        _set_auth_count(float(count))


def _set_auth_count(count: float) -> None:
    from moto import settings
    from moto.core.responses import ActionAuthenticatorMixin

    settings.INITIAL_NO_AUTH_ACTION_COUNT = count
    ActionAuthenticatorMixin.request_count = 0


def iam_backend(account: str = ACCOUNT_ID) -> Any:
    """moto's in-process IAM backend, to seed fast and to backdate keys and users."""
    from moto.backends import get_backend

    return get_backend("iam")[account]["global"]


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoEndpoint]:
    """moto in server mode on a free loopback port.

    AWS managed policies are not loaded (MOTO_IAM_LOAD_MANAGED_POLICIES): ~1,500 of them would make every
    get_account_authorization_details slow; tests attach customer-managed equivalents instead.
    """
    os.environ.pop("MOTO_IAM_LOAD_MANAGED_POLICIES", None)
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield MotoEndpoint(f"http://{host}:{port}")
    finally:
        server.stop()


@pytest.fixture
def aws(moto_server: MotoEndpoint, monkeypatch: pytest.MonkeyPatch) -> Iterator[MotoEndpoint]:
    """A clean moto account and an environment that points boto3 at it with dummy keys."""
    moto_server.reset()
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_server.url)
    yield moto_server
    moto_server.reset()


def boto_client(service: str, endpoint: str, access_key: str = "testing", secret_key: str = "testing") -> Any:
    import boto3

    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
    )
