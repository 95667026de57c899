"""Fingerprint scheme 4: provider-issued tokens take a keyed HMAC, everything else keeps scrypt.

The tier is a function of (kind, value): the table of issued formats is derived from the detectors and
checked in (auditor/_issued_formats.py), and every entry must still be derivable from the shipped catalogue.
Baselines and suppressions recorded under scheme 2 (scrypt for every value) and scheme 3 (the issued tier for
43 kinds, where scheme 4 has 171) still match.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import pytest

from auditor import baseline as bl
from auditor import redact
from auditor._issued_formats import FORMATS
from auditor.extract import issued
from auditor.extract.detectors import DetectorSet
from auditor.extract.validators import base62_crc32
from auditor.redact import fingerprint, fingerprint_tier, scrypt_fingerprint

KEY = "tier-test-key-0123456789"
_RNG = random.Random(1405)
_B62 = string.ascii_letters + string.digits


def _random(n: int, alphabet: str = _B62) -> str:
    return "".join(_RNG.choice(alphabet) for _ in range(n))


def _ghp() -> str:
    """A made-up classic PAT in the documented shape, with a correct CRC-32 suffix."""
    body = _random(30)
    return "ghp_" + body + base62_crc32(body)


def _xoxb(secret: str | None = None) -> str:
    ids = _random(11, string.digits) + "-" + _random(12, string.digits)
    return "xoxb-" + ids + "-" + (secret or _random(24))


@pytest.fixture(autouse=True)
def _no_legacy() -> None:
    redact.legacy_aliases(False)


# -- the tiers ---------------------------------------------------------------------------------------------


def test_a_provider_token_takes_the_issued_tier_and_a_keyed_hmac() -> None:
    token = _ghp()
    assert fingerprint_tier("github_pat", token) == "issued"
    fp = fingerprint("github_pat", token, KEY)
    assert len(fp) == 16 and int(fp, 16) >= 0
    assert fp == fingerprint("github_pat", token, KEY)
    assert fp != fingerprint("github_pat", token, KEY + "x")  # keyed
    assert fp != scrypt_fingerprint("github_pat", token, KEY)  # not scheme 2's
    assert fingerprint_tier("slack_bot_token", _xoxb()) == "issued"


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("password", "Summer2024!"),
        ("database_password", "hunter2hunter2"),
        # An issued kind, but not its format: whatever a person typed keeps scrypt.
        ("github_pat", "Summer2024!"),
        # The format, but the CRC-32 suffix does not verify.
        ("github_pat", "ghp_" + "a" * 36),
        ("github_pat", "ghp_" + "Q7fLm2Zx" * 4 + "abcd"),
        # A format without a checksum, with a body that was typed, not drawn.
        ("slack_bot_token", _xoxb("a" * 24)),
        ("slack_bot_token", _xoxb("abcdefghijklmnopqrstuvwx")),  # counting run
        ("slack_bot_token", _xoxb("abababababababababababab")),  # two symbols
        # 24 hex characters under a base62 class: 96 bits, not the 143 the class allows.
        ("slack_bot_token", _xoxb(_random(24, "0123456789abcdef"))),
        # A format of another kind: the tier belongs to (kind, value), not to the shape alone.
        ("password", _ghp()),
        ("generic_secret", _xoxb()),
    ],
)
def test_passwords_typed_values_and_fakes_keep_scrypt(kind: str, value: str) -> None:
    assert fingerprint_tier(kind, value) == "scrypt"
    assert fingerprint(kind, value, KEY) == scrypt_fingerprint(kind, value, KEY)


def test_scrypt_tier_fingerprints_are_unchanged_from_scheme_2() -> None:
    # Scheme 2's derivation, written out: scrypt over the value, salted with HMAC(key, version + kind).
    import hashlib
    import hmac

    salt = hmac.new(KEY.encode(), b"botaudit-fingerprint-v2\x00password", hashlib.sha256).digest()
    old = hashlib.scrypt(b"Summer2024!", salt=salt, n=1 << 13, r=8, p=1, maxmem=64 << 20, dklen=8).hex()
    assert fingerprint("password", "Summer2024!", KEY) == old


# -- the table ----------------------------------------------------------------------------------------------


def test_every_issued_format_is_derived_from_the_shipped_detectors() -> None:
    derived = issued.derive(DetectorSet.load().detectors)
    for kind, formats in FORMATS.items():
        assert kind in derived, kind
        assert set(formats) <= set(derived[kind]), kind
    # The planted kinds of the benchmark that are provider tokens are covered.
    planted = {"github_pat", "github_fine_grained_pat", "slack_bot_token", "openai_api_key", "vault_token"}
    assert planted <= set(FORMATS)


def test_no_password_generic_key_name_or_identifier_format_is_issued() -> None:
    by_kind: dict[str, list] = {}
    for det in DetectorSet.load().detectors:
        by_kind.setdefault(det.kind, []).append(det)
    for kind in FORMATS:
        qualifying = [d for d in by_kind[kind] if issued.detector_formats(d)]
        assert qualifying, kind
        for det in qualifying:
            assert not det.generic and not det.identifier and det.public_prefixes, det.id
    assert "password" not in FORMATS and "generic_secret" not in FORMATS


def test_the_derivation_reads_runs_prefixes_and_checksums() -> None:
    by_id = {d.id: d for d in DetectorSet.load().detectors}
    assert issued.detector_formats(by_id["github-pat"]) == [("ghp_(?P<r0>[0-9A-Za-z]{36})", (62,))]
    # Key-name rules and payload checksums keep scrypt.
    assert issued.detector_formats(by_id["aws-secret-access-key"]) == []
    assert all(
        issued.detector_formats(d) == []
        for d in by_id.values()
        if d.checksum is not None and d.checksum not in issued.RANDOM_BODY_CHECKS
    )


def test_every_issued_detector_example_takes_the_issued_tier_or_fails_a_check() -> None:
    # The shipped examples are random strings in each documented shape: nearly all of them must take the
    # fast tier (a typed example may fail the randomness checks, never a random one of 128 bits or more).
    dets = [d for d in DetectorSet.load().detectors if d.kind in FORMATS and issued.detector_formats(d)]
    fast = total = 0
    for det in dets:
        for example in det.examples_match:
            m = det.regex.compiled.search(example)
            if m is None or m.group("secret") is None:
                continue
            total += 1
            fast += fingerprint_tier(det.kind, m.group("secret")) == "issued"
    assert total >= 40 and fast >= total * 0.6, (fast, total)


# -- scheme-2 baselines and suppressions --------------------------------------------------------------------


def _project(tmp_path: Path) -> tuple[Path, str]:
    root = tmp_path / "agents"
    root.mkdir()
    token = _ghp()
    (root / "bot.env").write_text(f"GITHUB_TOKEN={token}\nDB_PASSWORD=Winter2025?zk\n", encoding="utf-8")
    return root, token


def _scheme2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scheme 2: scrypt for every value."""
    monkeypatch.setattr(redact, "fingerprint_tier", lambda kind, value: "scrypt")


def _run(root: Path, baseline: Path | None = None, config: Path | None = None):  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    options = ScanOptions(paths=(root,), jobs=1, baseline_file=baseline, config_path=config)
    return run(options)


def test_a_version_1_baseline_still_matches_and_update_rewrites_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOTAUDIT_FINGERPRINT_KEY", KEY)
    root, _token = _project(tmp_path)
    with monkeypatch.context() as m:
        _scheme2(m)
        old = _run(root)
    old_doc = json.loads(bl.dump(bl.create(old)))
    old_doc["schema_version"] = 1
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(old_doc), encoding="utf-8")

    new = _run(root, baseline=path)
    secret_findings = [f for f in new.findings if f.kind == "github_pat"]
    assert secret_findings and len(new.findings) == len(old.findings)
    # The token's findings have new fingerprints, and are still known to the scheme-2 baseline.
    assert {f.fingerprint for f in secret_findings}.isdisjoint(bl.loads(path.read_text()).fingerprints)
    assert all(f.baseline for f in new.findings), [f.rule_id for f in new.findings if not f.baseline]
    assert not redact.legacy_aliases_enabled()  # restored after the scan

    updated = bl.update(bl.load(path), new)
    assert updated.fingerprints == {f.fingerprint for f in new.findings}
    path.write_text(bl.dump(updated), encoding="utf-8")
    assert json.loads(path.read_text())["schema_version"] == 3
    # A version-3 baseline needs no older fingerprints: none is derived, and it matches.
    again = _run(root, baseline=path)
    assert all(f.baseline and not f.aliases for f in again.findings)
    assert all(s.legacy_fingerprint is None for f in again.files for s in f.secrets)


# Kinds whose tokens scheme 4 moved from scrypt to the issued tier (scheme 3 had no format for them).
_SCHEME_4_KINDS = ("gitlab_pat", "huggingface_token", "npm_access_token", "digitalocean_pat")


def test_scheme_4_adds_issued_formats_for_prefixed_provider_tokens() -> None:
    tokens = {
        "gitlab_pat": "glpat-" + _random(20) + "_" + _random(6),
        "huggingface_token": "hf_" + _random(34, string.ascii_letters),
        "npm_access_token": "npm_" + (body := _random(30)) + base62_crc32(body),
        "digitalocean_pat": "dop_v1_" + _random(64, "0123456789abcdef"),
    }
    for kind, token in tokens.items():
        assert kind in FORMATS and fingerprint_tier(kind, token) == "issued", kind
        assert fingerprint(kind, token, KEY) != scrypt_fingerprint(kind, token, KEY)
    # Typed or short bodies under the same prefixes keep scrypt.
    assert fingerprint_tier("gitlab_pat", "glpat-" + "x" * 20) == "scrypt"
    assert fingerprint_tier("npm_access_token", "npm_" + _random(36)) == "scrypt"  # its CRC-32 fails
    assert fingerprint_tier("huggingface_token", "hf_" + _random(8, string.ascii_letters)) == "scrypt"
    assert len(FORMATS) == 171


def test_a_version_2_baseline_still_matches_tokens_scheme_4_moved_to_the_issued_tier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOTAUDIT_FINGERPRINT_KEY", KEY)
    root = tmp_path / "agents"
    root.mkdir()
    token = "glpat-" + _random(20) + "_" + _random(6)
    (root / "ci.env").write_text(f"GITLAB_TOKEN={token}\nDB_PASSWORD=Winter2025?zk\n", encoding="utf-8")
    real_tier = redact.fingerprint_tier
    with monkeypatch.context() as m:  # scheme 3: no issued format for the kinds scheme 4 added
        m.setattr(
            redact,
            "fingerprint_tier",
            lambda kind, value: "scrypt" if kind in _SCHEME_4_KINDS else real_tier(kind, value),
        )
        old = _run(root)
    assert any(f.kind == "gitlab_pat" for f in old.findings)
    old_doc = json.loads(bl.dump(bl.create(old)))
    old_doc["schema_version"] = 2
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(old_doc), encoding="utf-8")
    assert bl.load(path).needs_legacy_aliases

    new = _run(root, baseline=path)
    moved = [f for f in new.findings if f.kind == "gitlab_pat"]
    assert moved and len(new.findings) == len(old.findings)
    assert {f.fingerprint for f in moved}.isdisjoint(bl.load(path).fingerprints)  # new fingerprints ...
    assert all(f.baseline for f in new.findings)  # ... still known to the scheme-3 baseline
    updated = bl.update(bl.load(path), new)
    assert updated.fingerprints == {f.fingerprint for f in new.findings}
    assert not bl.loads(bl.dump(updated)).needs_legacy_aliases


def test_a_suppression_by_a_scheme_2_fingerprint_still_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOTAUDIT_FINGERPRINT_KEY", KEY)
    root, _token = _project(tmp_path)
    with monkeypatch.context() as m:
        _scheme2(m)
        old = _run(root)
    target = next(f for f in old.findings if f.kind == "github_pat")
    config = tmp_path / "botaudit.yaml"
    config.write_text(
        "suppressions:\n"
        f"  - fingerprint: {target.fingerprint}\n"
        "    reason: reviewed token, scheme 2 fingerprint\n",
        encoding="utf-8",
    )
    new = _run(root, config=config)
    found = [f for f in new.findings if f.rule_id == target.rule_id and f.kind == "github_pat"]
    assert found and found[0].fingerprint != target.fingerprint
    assert found[0].suppressed and target.fingerprint in found[0].aliases


def test_a_baseline_update_of_a_version_1_file_rewrites_the_renamed_entries() -> None:
    from dataclasses import replace

    from tests.report_fixtures import build_result

    result = build_result()
    finding = result.findings[0]
    renamed = replace(finding, fingerprint="0" * 16, aliases=(finding.fingerprint,))
    current = replace(result, findings=(renamed, *result.findings[1:]))
    entry = bl.BaselineEntry(finding.fingerprint, finding.rule_id, path="x")
    old = bl.Baseline(entries=(entry,), fingerprint_scheme=2)
    assert old.needs_legacy_aliases
    new = bl.update(old, current)
    assert "0" * 16 in new.fingerprints and finding.fingerprint not in new.fingerprints


def test_a_snapshot_saved_under_scheme_2_still_joins_an_issued_token() -> None:
    from datetime import UTC, datetime

    from auditor.model import (
        Agent,
        Confidence,
        Identity,
        Location,
        Platform,
        SecretMatch,
        Severity,
        Snapshot,
    )
    from auditor.resolve import resolve

    def secret(legacy: str | None) -> SecretMatch:
        return SecretMatch(
            "slack-bot-token", "slack_bot_token", Location("bot/.env", 1), "xoxb-****", "1" * 16,
            Severity.HIGH, Confidence.HIGH, legacy_fingerprint=legacy,
        )  # fmt: skip

    ident = Identity(Platform.SLACK, "token:" + "2" * 16, "bot", "bot_token", {}, ("fp:" + "2" * 16,))
    saved = Snapshot(Platform.SLACK, datetime(2026, 11, 1, tzinfo=UTC), "t", identities=(ident,))
    snaps = {Platform.SLACK: saved}
    joined = resolve([Agent("bot", "bot", "slack_bot", secrets=(secret("2" * 16),))], snaps)
    assert [r.identity_id for r in joined] == ["token:" + "2" * 16]
    assert resolve([Agent("bot", "bot", "slack_bot", secrets=(secret(None),))], snaps) == ()
