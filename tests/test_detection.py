"""Provider formats, checksums, composite credentials and precision: the harness in tests/data/detection,
the structural validators, and what confidence does to a finding."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.validators import VALIDATORS, base62_crc32, validate
from auditor.model import Confidence
from tests.detection_harness import evaluate

# Fake values only, built in code.
ENTROPY = "Zq4vN8xP2mK7wR9tL3bC6hJ0dG5sF1"


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def test_catalogue_is_large_and_every_checksum_is_known(detectors: DetectorSet) -> None:
    assert len(detectors.detectors) >= 250
    for det in detectors.detectors:
        assert det.checksum is None or det.checksum in VALIDATORS


def test_harness_finds_every_positive_and_flags_no_negative(detectors: DetectorSet) -> None:
    scores = evaluate(detectors)
    misses = [m for s in scores for m in s.misses]
    false_positives = [f for s in scores for f in s.false_positives]
    assert sum(s.positives for s in scores) >= 60 and sum(s.negatives for s in scores) >= 15
    assert misses == []
    assert false_positives == []


def test_base62_crc32_matches_the_documented_construction() -> None:
    n = zlib.crc32(ENTROPY.encode())
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    decoded = 0
    for c in base62_crc32(ENTROPY):
        decoded = decoded * 62 + digits.index(c)
    assert decoded == n and len(base62_crc32(ENTROPY)) == 6


def test_checksum_sets_confidence_both_ways(detectors: DetectorSet) -> None:
    good = "ghp_" + ENTROPY + base62_crc32(ENTROPY)
    bad = good[:-1] + ("A" if good[-1] != "A" else "B")
    (hit,) = detectors.scan_text(f"token = {good}")
    assert hit.confidence is Confidence.HIGH and "verifies" in hit.reason
    (hit,) = detectors.scan_text(f"token = {bad}")
    assert hit.kind == "github_pat" and hit.confidence is Confidence.LOW and "fails" in hit.reason


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("pypi-macaroon", "pypi-" + base64.urlsafe_b64encode(b"\x02\x01\x08pypi.org\x02x").decode(), True),
        ("pypi-macaroon", "pypi-" + base64.urlsafe_b64encode(b"\x02\x01\x08evil.org\x02x").decode(), False),
        ("basic-auth", base64.b64encode(b"svc-bot:Vq7mN2xP9kL4").decode(), True),
        ("basic-auth", base64.b64encode(b"admin:admin").decode(), False),
        ("basic-auth", base64.b64encode(b"user:${PASSWORD}").decode(), False),
        ("basic-auth", base64.b64encode(b"no colon here").decode(), False),
        ("basic-auth", "not base64!", False),
        # One byte of the pair is no text (a base64 character changed in a copy): the rest still reads as
        # `user:password`, judged without that byte.
        ("basic-auth", base64.b64encode(b"ci-runner-7:Rw4kT9\x9bqZ2mXv8Lp3").decode(), True),
        ("basic-auth", base64.b64encode(b"ci-runner-7:Rw4kT9\x0bqZ2mXv8Lp3").decode(), True),  # control byte
        ("basic-auth", base64.b64encode(b"ci-runner-7:pass\x9bword").decode(), False),  # still a stand-in
        ("basic-auth", base64.b64encode(b"ci-runner-7:Rw4k\x9bT9\x9bqZ2mXv8").decode(), False),  # two bytes
        ("basic-auth", base64.b64encode(b"ci:Rw4\x9bT9q").decode(), False),  # too short to tell
        ("basic-auth", base64.b64encode(b"ci-runner-7\x9bRw4kT9qZ2mXv8Lp3").decode(), False),  # no colon
        ("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY", True),
        # RSA signatures are as long as the key: any length is accepted.
        ("jwt", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", True),
        ("jwt", "eyJub3RoaW5nIjoxfQ.eyJzdWIiOiJ4In0.c2ln", False),  # no `alg`
        ("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", False),  # HS256 signs 32 bytes, not 3
        # The last character's unused bits set (`Z` for `Y`): no base64url encoder writes that.
        ("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSZ", False),
        ("jwt", "eyJhbGciOiJIUzI1NiJ.eyJzdWIiOiJ4In0.BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY", False),
        ("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY.x", False),
        # Workato's API tokens: a data-centre prefix, a dash, then a JWT.
        ("prefixed-jwt", "wrkaeu-eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", True),
        ("prefixed-jwt", "wrka-eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", False),  # HS256 signs 32 bytes
        ("prefixed-jwt", "wrka-aQ1bC2dE3fG4hI5jK6.eyJzdWIiOiJ4In0.c2ln", False),  # header not JSON
        ("prefixed-jwt", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", False),  # no prefix
        ("discord-bot-id", base64.b64encode(b"812345678901234567").decode().rstrip("=") + ".Ab1234.x", True),
        ("discord-bot-id", base64.b64encode(b"hello world").decode() + ".Ab1234.x", False),
        ("b64-private-key", base64.b64encode(b"-----BEGIN PRIVATE KEY-----\nAAAA").decode(), True),
        ("b64-private-key", base64.b64encode(b"-----BEGIN CERTIFICATE-----\nAAAA").decode(), False),
        ("luhn", "4539578763621486", True),
        ("luhn", "4539578763621487", False),
        ("no-such-check", "x", False),
    ],
)
def test_validators(name: str, value: str, expected: bool) -> None:
    assert validate(name, value) is expected


def test_a_required_check_drops_the_match(detectors: DetectorSet) -> None:
    good = base64.b64encode(b"acme-ci:Tq7vM2xP9kL4wZ").decode()
    weak = base64.b64encode(b"user:password").decode()
    assert [h.kind for h in detectors.scan_text(f'{{"auth": "{good}"}}')] == ["docker_registry_auth"]
    assert not any(h.kind == "docker_registry_auth" for h in detectors.scan_text(f'{{"auth": "{weak}"}}'))
    assert [h.kind for h in detectors.scan_text(f"Authorization: Basic {good}")] == ["basic_auth_credentials"]
    assert detectors.scan_text(f"Authorization: Basic {weak}") == []


# A project key: without one the scan warns on stderr, which CliRunner mixes into the JSON on stdout.
_KEY_ENV = {"BOTAUDIT_FINGERPRINT_KEY": "test-fingerprint-key-0123456789"}


def test_low_confidence_is_reported_but_does_not_gate_at_high(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from auditor.cli import app

    good = "ghp_" + ENTROPY + base62_crc32(ENTROPY)
    bad = good[:-1] + ("A" if good[-1] != "A" else "B")
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / ".env").write_text(f"GITHUB_TOKEN={bad}\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["scan", str(tmp_path), "--format", "json", "--no-progress"], env=_KEY_ENV
    )
    assert result.exit_code == 0, result.output
    (finding,) = [f for f in json.loads(result.output)["findings"] if f["rule_id"] == "BA-101"]
    assert finding["severity"] == "medium" and finding["confidence"] == "low"
    assert "low confidence: base62-crc32 check fails" in finding["message"]
    assert bad not in result.output
    (tmp_path / "bot" / ".env").write_text(f"GITHUB_TOKEN={good}\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["scan", str(tmp_path), "--format", "json", "--no-progress"], env=_KEY_ENV
    )
    assert result.exit_code == 1
