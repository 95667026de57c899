"""A threaded HTTPS server on 127.0.0.1 with a throwaway CA, a request log and injectable faults.

`TlsServer` is the server alone (CA, certificate, port, thread): every platform stand-in (Graph, Salesforce,
GitHub, Slack) serves through it. The GitHub and Slack stand-ins subclass `TlsStandIn` and implement `route`.
"""

from __future__ import annotations

import json
import ssl
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trustme
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response


@dataclass
class Fault:
    """Answer requests whose path contains `path_contains` with this status, headers and body, `times` times
    (-1: always)."""

    path_contains: str
    status: int = 500
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1


@dataclass(frozen=True)
class Logged:
    method: str
    path: str
    query: str
    authorization: str
    body: bytes = b""
    conditional: bool = False


class _QuietHandler(WSGIRequestHandler):
    """No access log on stderr: tests assert on each stand-in's own request log."""

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class TlsServer:
    """HTTPS for a WSGI app on 127.0.0.1 (a free port) with a certificate from a throwaway CA (trustme).

    The CA's PEM is written to `ca_bundle` (in `ca_dir`, else a temporary directory removed on stop), which
    clients pass as their CA bundle. `start` and `stop` run and end the serving thread.
    """

    def __init__(self, app: Any, *, ca_dir: Path | None = None, ca_name: str = "ca.pem") -> None:
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if ca_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="botaudit-standin-")
            ca_dir = Path(self._tmp.name)
        ca = trustme.CA()
        self.ca_bundle = str(ca_dir / ca_name)
        ca.cert_pem.write_to_path(self.ca_bundle)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        self._server: BaseWSGIServer = make_server(
            "127.0.0.1", 0, app, threaded=True, ssl_context=context, request_handler=_QuietHandler
        )
        self.port = self._server.server_port
        self.base = f"https://127.0.0.1:{self.port}"
        # A short poll interval keeps shutdown (and so each test module's teardown) fast.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        if self._tmp is not None:
            self._tmp.cleanup()


class TlsStandIn:
    """Base class: context manager, `base` URL, `ca_bundle` path, `log`, `inject`."""

    def __init__(self) -> None:
        self.log: list[Logged] = []
        self.faults: list[Fault] = []
        self._lock = threading.Lock()
        self._tls = TlsServer(self._wsgi)
        self.ca_bundle = self._tls.ca_bundle
        self.port = self._tls.port

    def __enter__(self) -> TlsStandIn:
        self._tls.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._tls.stop()

    @property
    def base(self) -> str:
        return self._tls.base

    def inject(self, path_contains: str, **kwargs: Any) -> Fault:
        fault = Fault(path_contains, **kwargs)
        with self._lock:
            self.faults.append(fault)
        return fault

    def reset(self) -> None:
        with self._lock:
            self.log.clear()
            self.faults.clear()

    def count(self, path_contains: str = "") -> int:
        return sum(1 for r in self.log if path_contains in r.path)

    @property
    def methods(self) -> set[str]:
        return {r.method for r in self.log}

    def _fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.path_contains in path and fault.times != 0:
                    if fault.times > 0:
                        fault.times -= 1
                    return fault
        return None

    @staticmethod
    def json(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
        return Response(json.dumps(body), status=status, headers=headers, content_type="application/json")

    def _wsgi(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        body = request.get_data()
        with self._lock:
            self.log.append(
                Logged(
                    request.method,
                    request.path,
                    request.query_string.decode(),
                    request.headers.get("Authorization", ""),
                    body,
                    bool(request.headers.get("If-None-Match")),
                )
            )
        fault = self._fault(request.path)
        if fault is not None:
            response = self.json(
                fault.status, fault.body if fault.body is not None else {}, dict(fault.headers)
            )
        else:
            try:
                response = self.route(request)
            except Exception as exc:  # a stand-in bug shows as a 500, not a hang
                response = self.json(500, {"message": f"stand-in bug: {exc!r}"})
        return response(environ, start_response)

    def route(self, request: Request) -> Response:
        raise NotImplementedError
