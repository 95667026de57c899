"""Unit tests for the lead's core modules: redaction, clock, snapshot round trip, reach, resolution."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from auditor.clock import FixedClock, age_days, parse_time
from auditor.errors import SnapshotError
from auditor.model import (
    AccessLevel,
    Agent,
    AuthModel,
    Capability,
    Confidence,
    Connection,
    Identity,
    Location,
    Platform,
    PlatformCredential,
    SecretMatch,
    Severity,
    Skipped,
    Snapshot,
)
from auditor.reach import compare, compute_gaps, summarize
from auditor.redact import fingerprint, redact, scrub
from auditor.resolve import resolve
from auditor.snapshot import dump_snapshot, load_snapshot, snapshot_from_dict, snapshot_to_dict

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_redact_shows_only_a_declared_public_prefix_and_no_length() -> None:
    secret = "xoxb-123456789012-abcdefABCDEF"
    assert redact(secret) == "****"
    assert redact(secret, ("xoxb-",)) == "xoxb-****"
    assert redact(secret, ("xoxp-",)) == "****"  # a prefix the value does not have shows nothing
    assert redact("xoxb-", ("xoxb-",)) == "****"  # nothing beyond the prefix: nothing to point at
    assert redact("short") == redact("a much longer password value") == "****"


def test_fingerprint_is_keyed_and_kind_specific() -> None:
    a = fingerprint("aws_secret", "value-1")
    assert a != fingerprint("aws_secret", "value-2")
    assert a != fingerprint("aws_secret", "value-1", key="project-key")
    assert a != fingerprint("github_pat", "value-1")
    assert len(a) == 16


def test_scrub_replaces_secrets_in_text() -> None:
    assert "hunter2hunter2" not in scrub("password is hunter2hunter2!", ["hunter2hunter2"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-02T03:04:05Z", datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
        ("2026-01-02T03:04:05.000+0000", datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
        (0, datetime(1970, 1, 1, tzinfo=UTC)),
        ("not a date", None),
        (None, None),
    ],
)
def test_parse_time(text: object, expected: datetime | None) -> None:
    assert parse_time(text) == expected


def test_age_days_uses_the_injected_clock() -> None:
    assert age_days(datetime(2026, 11, 13, 12, 0, tzinfo=UTC), FixedClock(T0)) == pytest.approx(10.0)
    assert age_days(None, FixedClock(T0)) is None


def _snapshot() -> Snapshot:
    admin = Capability("aws", "*", "iam:PassRole", AccessLevel.ADMIN)
    read = Capability("aws", "*", "s3:GetObject", AccessLevel.READ)
    return Snapshot(
        platform=Platform.AWS,
        collected_at=T0,
        source="123456789012",
        identities=(
            Identity(
                Platform.AWS,
                "arn:aws:iam::1:user/bot",
                "bot",
                "iam_user",
                {"mfa": False},
                ("AKIAEXAMPLEBOT00001",),
            ),
            Identity(Platform.AWS, "arn:aws:iam::1:user/junior", "junior", "iam_user"),
        ),
        credentials=(
            PlatformCredential(
                Platform.AWS, "AKIAEXAMPLEBOT00001", "arn:aws:iam::1:user/bot", "access_key", created=T0
            ),
        ),
        reach={
            "arn:aws:iam::1:user/bot": frozenset({admin, read}),
            "arn:aws:iam::1:user/junior": frozenset({read}),
        },
        baseline="arn:aws:iam::1:user/junior",
        coverage=(Skipped("iam:GetCredentialReport", "AccessDenied"),),
        facts={"account": "1"},
        requests=7,
    )


def test_snapshot_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    snap = _snapshot()
    path = tmp_path / "aws.json"
    dump_snapshot(snap, path)
    again = load_snapshot(path)
    assert snapshot_to_dict(again) == snapshot_to_dict(snap)
    assert again.reach == snap.reach
    assert again.credentials[0].created == T0


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema_version=99), "schema_version"),
        (lambda d: d.update(platform="mainframe"), "unknown platform"),
        (lambda d: d.pop("collected_at"), "collected_at"),
        (lambda d: d["identities"].append({"name": "no id"}), r"identities\[[0-9]+\]: missing field 'id'"),
    ],
)
def test_snapshot_errors_are_clear(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(snapshot_to_dict(_snapshot())))
    mutate(data)
    with pytest.raises(SnapshotError, match=message):
        snapshot_from_dict(data)


def test_load_snapshot_bad_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    with pytest.raises(SnapshotError, match="not valid JSON"):
        load_snapshot(path)


def test_compare_ranks_and_honours_baseline_wildcards() -> None:
    subject = {
        Capability("aws", "*", "s3:GetObject", AccessLevel.READ),
        Capability("aws", "*", "s3:ListBucket", AccessLevel.LIST),
        Capability("aws", "*", "iam:PassRole", AccessLevel.ADMIN),
        Capability("aws", "*", "s3:PutObject", AccessLevel.WRITE),
    }
    baseline = {Capability("aws", "*", "s3:Get*", AccessLevel.READ)}
    extra = compare(subject, baseline)
    assert [c.action for c in extra] == ["iam:PassRole", "s3:PutObject", "s3:ListBucket"]
    assert summarize(extra) == {"admin": 1, "write": 1, "read": 0, "list": 1}
    assert compare(subject, subject) == ()


def _agent() -> Agent:
    secret = SecretMatch(
        detector_id="aws-access-key-id",
        kind="aws_access_key_id",
        location=Location(".env", 3, key="AWS_ACCESS_KEY_ID"),
        redacted="AKIA…",
        fingerprint="f" * 16,
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        identifier="AKIAEXAMPLEBOT00001",
        platform=Platform.AWS,
    )
    conn = Connection(Platform.AWS, AuthModel.STATIC_API_KEY, "AKIAEXAMPLEBOT00001", (secret.location,))
    return Agent(name="ide-mcp", root="ide", kind="mcp_server", connections=(conn,), secrets=(secret,))


def test_resolve_and_gap_chain() -> None:
    snap = _snapshot()
    resolutions = resolve([_agent()], {Platform.AWS: snap})
    assert len(resolutions) == 1
    res = resolutions[0]
    assert (res.agent, res.identity_id, res.location and res.location.path) == (
        "ide-mcp",
        "arn:aws:iam::1:user/bot",
        ".env",
    )
    gaps = compute_gaps(resolutions, {Platform.AWS: snap})
    assert len(gaps) == 1
    assert gaps[0].extra_count == 1 and gaps[0].escalation
    assert gaps[0].baseline == "junior"


def test_no_gap_without_a_baseline() -> None:
    snap = _snapshot()
    snap = Snapshot(**{**snap.__dict__, "baseline": None})
    resolutions = resolve([_agent()], {Platform.AWS: snap})
    assert compute_gaps(resolutions, {Platform.AWS: snap}) == ()


def test_collector_file_settings_are_relative_to_the_config(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.clock import SystemClock
    from auditor.config import Config
    from auditor.progress import NullProgress
    from auditor.scan import collect_platform

    seen = {}

    class Recorder:
        platform = Platform.VAULT

        def collect(self, request, *, clock, progress):  # type: ignore[no-untyped-def]
            seen.update(request.settings)
            return _snapshot()

    config = Config(
        path=str(tmp_path / "cfg" / "botaudit.yaml"),
        collectors={"vault": {"ca_bundle": "certs/ca.pem", "token_file": "/abs/token", "addr": "http://x"}},
    )
    collect_platform(
        Platform.VAULT, config, clock=SystemClock(), progress=NullProgress(), factory=lambda p: Recorder()
    )
    assert seen["ca_bundle"] == str(tmp_path / "cfg" / "certs" / "ca.pem")
    assert seen["token_file"] == "/abs/token"
    assert seen["addr"] == "http://x"


def test_deliberate_skips_do_not_make_coverage_incomplete(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A lock file and unconnected platforms are listed as skipped by design; a binary .yaml is a real gap."""
    from auditor.report import render
    from auditor.scan import ScanOptions, run

    (tmp_path / "package-lock.json").write_text('{"lockfileVersion": 3}')
    (tmp_path / "app.yaml").write_text("name: demo\n")
    clean = run(ScanOptions(paths=(tmp_path,)), clock=FixedClock(T0))
    assert clean.coverage.complete
    assert {s.category for s in clean.coverage.skipped} >= {"lockfile", "not_connected"}
    text = render("table", clean, color=False)
    assert "0 not examined" in text and "skipped by design, lockfile: 1" in text

    (tmp_path / "blob.yaml").write_bytes(b"\x00\x01\x02binary")
    gap = run(ScanOptions(paths=(tmp_path,)), clock=FixedClock(T0))
    assert not gap.coverage.complete
    assert [s.category for s in gap.coverage.gaps] == ["binary"]
    assert "1 not examined" in render("table", gap, color=False)
