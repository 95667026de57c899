"""A threaded HTTPS server on 127.0.0.1 with a throwaway CA, a request log and injectable faults.

The GitHub and Slack stand-ins subclass it and implement `route`.
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
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class TlsStandIn:
    """Base class: context manager, `base` URL, `ca_bundle` path, `log`, `inject`."""

    def __init__(self) -> None:
        self.log: list[Logged] = []
        self.faults: list[Fault] = []
        self._lock = threading.Lock()
        self._ca = trustme.CA()
        self._tmp = tempfile.TemporaryDirectory(prefix="botaudit-standin-")
        self.ca_bundle = str(Path(self._tmp.name) / "ca.pem")
        self._ca.cert_pem.write_to_path(self.ca_bundle)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        self._server: BaseWSGIServer = make_server(
            "127.0.0.1", 0, self._wsgi, threaded=True, ssl_context=context, request_handler=_QuietHandler
        )
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> TlsStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._tmp.cleanup()

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.port}"

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
