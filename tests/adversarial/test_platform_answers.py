"""A platform that answers garbage is a clear, incomplete platform (exit 3), never an internal error."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from auditor.cli import app

BODIES = [b"<html><body>proxy login page</body></html>", b"\x00\xff garbage", b"", b"<ErrorResponse><Err"]


@pytest.fixture(params=BODIES, ids=["html", "binary", "empty", "truncated-xml"])
def garbage_endpoint(request: pytest.FixtureRequest) -> Iterator[str]:
    body: bytes = request.param

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            return None

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_unparseable_sts_answer_is_exit_3_with_a_clear_message(
    garbage_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", garbage_endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    runner = CliRunner()
    collected = runner.invoke(app, ["collect", "aws", "-o", str(tmp_path / "aws.json")])
    assert collected.exit_code == 3, collected.output
    assert "aws: cannot authenticate" in collected.output and "internal error" not in collected.output
    (tmp_path / "tree").mkdir()
    scanned = runner.invoke(app, ["scan", str(tmp_path / "tree"), "--connect", "aws", "--no-progress"])
    assert scanned.exit_code == 3, scanned.output
    assert "internal error" not in scanned.output
