"""Issue 10 §3: a report's fingerprints and previews do not give a secret back.

The attack: with the public default key, a 4-character preview and the exact length, `Summer2024!` came
back from a report instantly and a 9-character password with 5 unknown characters in a minute on 2 cores.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import random
import string
import time
from pathlib import Path

import pytest

from auditor import redact
from auditor.discovery.walk import FileEntry
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_file
from auditor.redact import DEFAULT_FINGERPRINT_KEY, fingerprint

# One guess must cost at least this much of one core. The old HMAC cost ~1 µs; scrypt (8 MiB) ~20 ms on
# the development machine. The bound leaves room for faster CPUs while a guess stays >5,000× dearer.
MIN_GUESS_SECONDS = 0.005


def _guess_cost(kind: str, key: str) -> float:
    # Distinct values each time: the per-process cache must not make a guess look cheap.
    best = float("inf")
    for i in range(3):
        start = time.process_time()
        fingerprint(kind, f"Summer202{i}!-{time.perf_counter_ns()}", key)
        best = min(best, time.process_time() - start)
    return best


def test_one_guess_costs_a_memory_hard_derivation_even_with_the_public_default_key() -> None:
    assert _guess_cost("password", DEFAULT_FINGERPRINT_KEY) >= MIN_GUESS_SECONDS
    # Memory per guess (128 · N · r bytes), so GPUs and ASICs gain little over a CPU.
    assert redact.SCRYPT_N * redact.SCRYPT_R * 128 >= 8 * 1024 * 1024


def test_brute_force_budget_for_a_short_password_is_out_of_reach() -> None:
    # 5 unknown characters from 62: what took a minute before. At the measured cost per guess on this
    # machine's two cores, the search must take more than a month (a minute before the fix).
    per_guess = _guess_cost("password", DEFAULT_FINGERPRINT_KEY)
    seconds = 62**5 * per_guess / 2
    assert seconds > 30 * 24 * 3600


def test_the_fast_old_construction_would_have_been_cheap() -> None:
    # The control: the old fingerprint (HMAC-SHA-256) costs microseconds, so the bound above is meaningful.
    start = time.process_time()
    for i in range(1000):
        hmac.new(b"k", f"password\x00guess{i}".encode(), hashlib.sha256).hexdigest()
    assert (time.process_time() - start) / 1000 < MIN_GUESS_SECONDS / 100


def test_a_short_password_costs_scrypt_under_every_kind_even_a_provider_tokens() -> None:
    # Scheme 3's fast tier is for provider-issued tokens only: a typed value under an issued kind (a
    # password pasted as GITHUB_TOKEN) and a token-shaped fake both stay memory-hard.
    for kind in ("password", "generic_secret", "github_pat", "slack_bot_token"):
        assert redact.fingerprint_tier(kind, "Summer2024!") == "scrypt"
        assert _guess_cost(kind, DEFAULT_FINGERPRINT_KEY) >= MIN_GUESS_SECONDS, kind
    for fake in ("ghp_" + "a" * 36, "ghp_" + "0123456789" * 3 + "abcdef"):
        assert redact.fingerprint_tier("github_pat", fake) == "scrypt"


def _issued_token(i: int) -> str:
    from auditor.extract.validators import base62_crc32

    rng = random.Random(i)
    body = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(30))
    return "ghp_" + body + base62_crc32(body)


def test_a_provider_token_takes_the_fast_tier_because_its_body_is_out_of_reach() -> None:
    # `ghp_` + 30 random base62 characters (+ a CRC-32): 178 bits. At a trillion HMACs a second a search
    # of 2^128 values takes 10^19 years, so a memory-hard hash adds nothing; it costs microseconds.
    tokens = [_issued_token(i) for i in range(50)]
    assert all(redact.fingerprint_tier("github_pat", t) == "issued" for t in tokens)
    assert 30 * math.log2(62) >= redact.ISSUED_MIN_BITS >= 128
    start = time.process_time()
    for t in tokens:
        fingerprint("github_pat", t, DEFAULT_FINGERPRINT_KEY)
    assert (time.process_time() - start) / len(tokens) < MIN_GUESS_SECONDS / 5
    # Keyed all the same: without the key nothing can be checked.
    assert fingerprint("github_pat", tokens[0], "key-a-0123456789") != fingerprint(
        "github_pat", tokens[0], "key-b-0123456789"
    )


def test_fingerprints_are_stable_keyed_and_distinct_per_kind() -> None:
    a = fingerprint("password", "Summer2024!", "project-key-0123456789")
    assert a == fingerprint("password", "Summer2024!", "project-key-0123456789")  # across machines, runs
    assert len(a) == 16 and int(a, 16) >= 0
    assert a != fingerprint("password", "Summer2024!", "another-key-0123456789")
    assert a != fingerprint("generic_secret", "Summer2024!", "project-key-0123456789")
    assert a != fingerprint("password", "Summer2024?", "project-key-0123456789")


def test_the_same_value_is_derived_once_per_process() -> None:
    value = f"cache-probe-{time.perf_counter_ns()}"
    start = time.process_time()
    fingerprint("password", value, "project-key-0123456789")
    first = time.process_time() - start
    start = time.process_time()
    for _ in range(100):
        fingerprint("password", value, "project-key-0123456789")
    again = (time.process_time() - start) / 100
    assert again < first / 20


@pytest.mark.parametrize(
    ("line", "kind", "preview"),
    [
        ("DB_PASSWORD=Summer2024!xq", "password", "****"),
        ("AZURE_CLIENT_SECRET=0F2UsAQVafyQgMZZo8o21XiH", "client_secret", "****"),
        ("GITHUB_TOKEN=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", "github_pat", "ghp_****"),
        ("aws_access_key_id = AKIAQ3EGUWRJ7NB4XT2M", "aws_access_key_id", "AKIA****"),
    ],
)
def test_previews_show_only_a_public_prefix_and_no_length(
    tmp_path: Path, line: str, kind: str, preview: str
) -> None:
    target = tmp_path / "agent.env"
    target.write_text(line + "\n", encoding="utf-8")
    scan = scan_file(
        FileEntry(target, "agent.env", target.stat().st_size), DetectorSet.load(), fingerprint_key="k" * 16
    )
    matches = [s for s in scan.secrets if s.kind == kind]
    assert matches, scan.secrets
    assert matches[0].redacted == preview
    assert "chars" not in matches[0].redacted


def test_no_detector_declares_a_public_prefix_for_a_password_or_generic_secret() -> None:
    for det in DetectorSet.load().detectors:
        if det.generic or det.kind == "password":
            assert not det.public_prefixes, det.id


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "agents"
    root.mkdir()
    (root / "bot.env").write_text(
        "DB_PASSWORD=Summer2024!xq\nOTHER_PASSWORD=Winter2025?zk\n", encoding="utf-8"
    )
    return root


def test_default_key_is_warned_about_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.scan import DEFAULT_KEY_WARNING, ScanOptions, run

    monkeypatch.delenv("BOTAUDIT_FINGERPRINT_KEY", raising=False)
    result = run(ScanOptions(paths=(_project(tmp_path),), jobs=1))
    assert result.parameters["warnings"].count(DEFAULT_KEY_WARNING) == 1


def test_key_from_the_environment_gives_the_same_fingerprints_on_every_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.scan import DEFAULT_KEY_WARNING, ScanOptions, run

    key = "ci-secret-fingerprint-key-0123456789"
    monkeypatch.setenv("BOTAUDIT_FINGERPRINT_KEY", key)
    result = run(ScanOptions(paths=(_project(tmp_path),), jobs=1))
    assert DEFAULT_KEY_WARNING not in result.parameters["warnings"]
    secrets = {s.location.line: s.fingerprint for f in result.files for s in f.secrets}
    assert secrets[1] == fingerprint("password", "Summer2024!xq", key)
    assert secrets[2] == fingerprint("password", "Winter2025?zk", key)


def test_short_key_in_the_environment_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.config import load_config
    from auditor.errors import ConfigError

    monkeypatch.setenv("BOTAUDIT_FINGERPRINT_KEY", "short-key")
    with pytest.raises(ConfigError, match="BOTAUDIT_FINGERPRINT_KEY: expected") as info:
        load_config(None)
    assert "short-key" not in str(info.value)
