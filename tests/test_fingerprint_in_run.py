"""A scan whose secret fingerprints never leave the process (only the terminal table is written, nothing is
matched against a baseline, snapshot or platform) derives none memory-hard: `redact.InRunKey`.

Everything else keeps the fingerprints of the current scheme; the table is the same in both modes."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import baseline as bl
from auditor import redact
from auditor.redact import InRunKey, fingerprint, fingerprint_soon, scrypt_fingerprint

KEY = "in-run-test-key-0123456789"


@pytest.fixture
def no_scrypt(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Counts memory-hard derivations (the one function every scrypt fingerprint goes through)."""
    calls: list[bytes] = []
    real = redact._scrypt

    def counting(data: bytes, salt: bytes) -> bytes:
        calls.append(salt)
        return real(data, salt)

    monkeypatch.setattr(redact, "_scrypt", counting)
    monkeypatch.setattr(redact, "_cache", {})
    return calls


def test_an_in_run_key_takes_a_keyed_hmac_of_every_value(no_scrypt: list[bytes]) -> None:
    key = InRunKey(KEY)
    for kind, value in [("password", "Winter2025?zk"), ("generic_secret", "s3cr3t-but-short")]:
        fp = fingerprint(kind, value, key)
        assert len(fp) == 16 and int(fp, 16) >= 0
        assert fp == fingerprint(kind, value, InRunKey(KEY)) == fingerprint_soon(kind, value, key)()
        assert fp != fingerprint(kind, value, InRunKey(KEY + "x"))  # keyed
        assert fp != fingerprint(kind, value + "!", key)
        assert fp != fingerprint("other_kind", value, key)
    assert no_scrypt == []
    # The same text as a plain key (botaudit.yaml, the environment) keeps scrypt.
    plain = fingerprint("password", "Winter2025?zk", KEY)
    assert len(no_scrypt) == 1 and plain == scrypt_fingerprint("password", "Winter2025?zk", KEY)
    assert plain != fingerprint("password", "Winter2025?zk", InRunKey(KEY))


def test_an_in_run_key_reaches_pool_workers_as_one() -> None:
    copied = pickle.loads(pickle.dumps(InRunKey(KEY)))
    assert type(copied) is InRunKey and copied == KEY


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "agents"
    root.mkdir()
    (root / "bot.env").write_text(
        "DB_PASSWORD=Winter2025?zk\nSERVICE_API_KEY=q7Zr2LwX9vKp4TmB8sNc\nLOG_LEVEL=info\n", encoding="utf-8"
    )
    (root / "sync.yaml").write_text(
        "salesforce:\n  username: sync@example.com\n  password: Spring!2024-sync\n", encoding="utf-8"
    )
    return root


def _run(root: Path, **options: object):  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    return run(ScanOptions(paths=(root,), jobs=1, **options))  # type: ignore[arg-type]


def _shape(result) -> list[tuple[str, str, str | None, int | None]]:  # type: ignore[no-untyped-def]
    return sorted(
        (
            f.rule_id,
            f.message,
            f.location.path if f.location else None,
            f.location.line if f.location else None,
        )
        for f in result.findings
    )


def test_a_scan_that_shows_no_fingerprint_derives_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_scrypt: list[bytes]
) -> None:
    monkeypatch.setenv("BOTAUDIT_FINGERPRINT_KEY", KEY)
    root = _project(tmp_path)
    shown = _run(root)
    derived = len(no_scrypt)
    assert derived >= 2  # the passwords
    monkeypatch.setattr(redact, "_cache", {})
    hidden = _run(root, fingerprints_shown=False)
    assert len(no_scrypt) == derived  # none more
    assert _shape(hidden) == _shape(shown) and hidden.findings
    assert {f.fingerprint for f in hidden.findings}.isdisjoint({f.fingerprint for f in shown.findings})


def test_a_baseline_or_a_snapshot_keeps_the_real_fingerprints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_scrypt: list[bytes]
) -> None:
    monkeypatch.setenv("BOTAUDIT_FINGERPRINT_KEY", KEY)
    root = _project(tmp_path)
    first = _run(root)
    path = tmp_path / "baseline.json"
    path.write_text(bl.dump(bl.create(first)), encoding="utf-8")
    monkeypatch.setattr(redact, "_cache", {})
    before = len(no_scrypt)
    again = _run(root, fingerprints_shown=False, baseline_file=path)
    assert len(no_scrypt) > before  # matched against the baseline: real fingerprints
    assert again.findings and all(f.baseline for f in again.findings)


def test_no_default_key_warning_when_no_fingerprint_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.progress import NullProgress
    from auditor.scan import ScanOptions, run

    class Warnings(NullProgress):
        def __init__(self) -> None:
            self.seen: list[str] = []

        def warn(self, message: str) -> None:
            self.seen.append(message)

    monkeypatch.delenv("BOTAUDIT_FINGERPRINT_KEY", raising=False)
    root = _project(tmp_path)
    for shown in (True, False):
        sink = Warnings()
        run(ScanOptions(paths=(root,), jobs=1, fingerprints_shown=shown), progress=sink)
        assert any("default key" in w for w in sink.seen) is shown


_PROBE = """
import os, sys
import nacl.bindings
import hashlib
log = os.environ["DERIVE_LOG"]
def note():
    with open(log, "a") as fh:
        fh.write(f"{os.getpid()}\\n")
real_sodium = nacl.bindings.crypto_pwhash_scryptsalsa208sha256_ll
def sodium(*a, **k):
    note()
    return real_sodium(*a, **k)
nacl.bindings.crypto_pwhash_scryptsalsa208sha256_ll = sodium
real_openssl = hashlib.scrypt
def openssl(*a, **k):
    note()
    return real_openssl(*a, **k)
hashlib.scrypt = openssl
from auditor.cli import main
sys.argv = ["probe", *sys.argv[1:]]
print(f"\\nexit {main()}")
"""


def _probe(tmp_path: Path, argv: list[str]) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the CLI under _PROBE: its output, and the pid of each memory-hard derivation (every process)."""
    log = tmp_path / "derive.log"
    log.write_text("")
    env = dict(os.environ, NO_COLOR="1", BOTAUDIT_CACHE_DIR=str(tmp_path / "cache"), DERIVE_LOG=str(log))
    env["BOTAUDIT_FINGERPRINT_KEY"] = KEY
    proc = subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-c", _PROBE, *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.stdout.strip().endswith("exit 0"), proc.stderr[-2000:]
    return proc, log.read_text().split()


@pytest.mark.parametrize(("fmt", "derives"), [([], False), (["--format", "json"], True)])
def test_the_command_line_derives_only_for_a_report_that_shows_fingerprints(
    tmp_path: Path, fmt: list[str], derives: bool
) -> None:
    # Through the CLI with a pool of two workers (forked after the probe's patches): the terminal table
    # alone derives nothing anywhere; a JSON report (which holds fingerprints) derives them.
    root = _project(tmp_path)
    for i in range(60):  # enough files for the pool
        (root / f"svc{i}.env").write_text(f"DB_PASSWORD=Autumn{i:03d}!pw\n", encoding="utf-8")
    out = tmp_path / "report.json"
    argv = ["scan", str(root), "--no-progress", "--jobs", "2", "--fail-on", "none", *fmt]
    if fmt:
        argv += ["--output", str(out)]
    proc, derived = _probe(tmp_path, argv)
    if derives:
        assert len(derived) >= 60
        assert len(json.loads(out.read_text())["findings"]) >= 60
    else:
        assert derived == []
        assert "Autumn000!pw" not in proc.stdout and "Winter2025" not in proc.stdout  # never a value
        assert proc.stdout.count("is stored in plain configuration") >= 60


@pytest.mark.parametrize(("json_flag", "derives"), [([], False), (["--json"], True)])
def test_the_inventory_command_derives_only_for_its_json(
    tmp_path: Path, json_flag: list[str], derives: bool
) -> None:
    # `botaudit inventory` prints agents and connections; its table holds no fingerprint, its JSON lists
    # each credential's.
    root = _project(tmp_path)
    # An MCP client configuration: an agent whose server is given a key of its own (made up).
    (root / ".cursor").mkdir()
    (root / ".cursor" / "mcp.json").write_text(
        json.dumps(
            {
                "mcpServers": {
                    "crm": {
                        "command": "npx",
                        "args": ["-y", "@acme/crm-mcp"],
                        "env": {"CRM_API_KEY": "q7Zr2LwX9vKp4TmB8sNcXy3D"},
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    proc, derived = _probe(tmp_path, ["inventory", str(root), "--no-progress", *json_flag])
    if derives:
        assert derived
        body = proc.stdout.rsplit("exit 0", 1)[0]
        fingerprints = [c["fingerprint"] for a in json.loads(body)["agents"] for c in a["credentials"]]
        assert fingerprints and all(len(fp) == 16 for fp in fingerprints)
    else:
        assert derived == []
        assert "Agent inventory" in proc.stdout
