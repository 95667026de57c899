"""Baselines: create/update/load/dump, no secrets or line numbers, clear errors on bad files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from auditor import baseline as bl
from auditor.errors import BotauditError
from auditor.model import Location
from tests.report_fixtures import FINDINGS, PLANTED_SECRETS, build_result


def test_create_records_unsuppressed_findings_sorted_without_lines() -> None:
    result = build_result()
    b = bl.create(result)
    expected = {f.fingerprint for f in result.findings if not f.suppressed}
    assert b.fingerprints == expected
    text = bl.dump(b)
    data = json.loads(text)
    assert data["schema_version"] == 3 and data["tool"] == "botaudit"
    fps = [e["fingerprint"] for e in data["findings"]]
    assert fps == sorted(fps)
    assert text.endswith("}\n")
    for entry in data["findings"]:
        assert set(entry) in ({"fingerprint", "rule_id", "path"}, {"fingerprint", "rule_id", "identity"})
    assert '"line"' not in text and "T09:00" not in text
    for secret in PLANTED_SECRETS:
        assert secret not in text


def test_suppressed_findings_stay_out_so_they_resurface_on_expiry() -> None:
    result = build_result()
    suppressed = [f for f in result.findings if f.suppressed]
    assert suppressed
    assert not any(f.fingerprint in bl.create(result) for f in suppressed)


def test_dump_is_stable_when_only_lines_move() -> None:
    result = build_result(findings=FINDINGS)
    moved = build_result(
        findings=tuple(
            replace(f, location=replace(f.location, line=f.location.line + 40)) if f.location else f
            for f in reversed(FINDINGS)
        )
    )
    assert bl.dump(bl.create(result)) == bl.dump(bl.create(moved))


def test_round_trip(tmp_path: Path) -> None:
    b = bl.create(build_result())
    path = tmp_path / ".botaudit-baseline.json"
    path.write_text(bl.dump(b), encoding="utf-8")
    assert bl.load(path) == b


def test_update_adds_new_and_drops_fixed() -> None:
    old = bl.create(build_result(findings=FINDINGS[:4]))
    new_finding = FINDINGS[5]
    updated = bl.update(old, build_result(findings=(*FINDINGS[1:4], new_finding)))
    assert FINDINGS[0].fingerprint not in updated  # fixed
    assert new_finding.fingerprint in updated  # new
    assert all(f.fingerprint in updated for f in FINDINGS[1:4])  # kept


def test_entry_uses_identity_for_platform_findings() -> None:
    platform = next(f for f in FINDINGS if f.location is None)
    entry = bl.create(build_result(findings=(platform,))).entries[0]
    assert entry.identity == platform.identity and entry.path is None
    located = replace(platform, location=Location("a.yaml", 3))
    assert bl.create(build_result(findings=(located,))).entries[0].path == "a.yaml"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        ("[]", "JSON object"),
        (
            '{"schema_version": 4, "tool": "botaudit", "findings": []}',
            "unsupported baseline schema_version 4",
        ),
        ('{"schema_version": 1, "tool": "gitleaks", "findings": []}', "not a botaudit baseline"),
        ('{"schema_version": 1, "tool": "botaudit", "findings": {}}', "`findings` must be a list"),
        (
            '{"schema_version": 1, "tool": "botaudit", "findings": [{"rule_id": "BA-1"}]}',
            "findings[0]: `fingerprint`",
        ),
        ('{"schema_version": 1, "tool": "botaudit", "findings": [], "x": 1}', "unknown key(s) x"),
        (
            '{"schema_version": 1, "tool": "botaudit", '
            '"findings": [{"fingerprint": "a", "rule_id": "B", "line": 3}]}',
            "unknown key(s) line",
        ),
    ],
)
def test_bad_files_raise_a_clear_botaudit_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BotauditError) as info:
        bl.load(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(bl.BaselineError, match="baseline file not found"):
        bl.load(tmp_path / "nope.json")
