"""BA-106 judges token lifetimes in any unit and notation, in YAML, TOML, JSON and INI app settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.scan import ScanOptions, run

# Words a vocabulary holds beside thousands of others.
_VOCABULARY = ["authority", "grant", "identity", "subject", "audience", "host", "role", "policy", "issued"]

CASES = [
    # (file, content, key, expected message fragment or None for no finding)
    (
        "settings.yaml",
        "auth:\n  client_id: triage\n  access_token_lifetime: P30D\n",
        "access_token_lifetime",
        "access tokens live 30 days",
    ),
    ("settings.yaml", "auth:\n  client_id: triage\n  access_token_lifetime: PT10M\n", None, None),
    (
        "app.toml",
        '[oauth]\nrefresh_token_ttl = "2160h"\n',
        "refresh_token_ttl",
        "refresh tokens live 90 days",
    ),
    ("app.toml", '[oauth]\nrefresh_token_ttl = "2 weeks"\n', None, None),
    (
        "config.json",
        '{"auth": {"client_id": "triage", "access_token": {"expires_in": 2592000}}}',
        "expires_in",
        "access tokens live 30 days",
    ),
    ("config.json", '{"auth": {"client_id": "triage", "access_token": {"expires_in": 900}}}', None, None),
    ("app.ini", "[tokens]\naccess_token_expiry = 30d\n", "access_token_expiry", "access tokens live 30 days"),
    (
        "app.ini",
        "[tokens]\naccess_token_expiry = 1h30m\n",
        "access_token_expiry",
        "access tokens live 90 min",
    ),
    (
        "app.ini",
        "[tokens]\naccess_token_expiry = 720h\n",
        "access_token_expiry",
        "access tokens live 30 days",
    ),
    (
        "app.yaml",
        "oauth:\n  refresh_token_lifetime_days: 365\n",
        "refresh_token_lifetime_days",
        "refresh tokens live 365 days",
    ),
    # A bare `period` is a Vault token's beside a token's other parameters, not in metrics or schedules
    # (each file names a token lifetime within limits, so that it is read at all).
    (
        "role.json",
        '{"role": {"allowed_policies": ["ops"], "token_ttl": "10m", "period": "24h"}}',
        "period",
        "periodic tokens (period 1 days)",
    ),
    (
        "metrics.json",
        '{"expires_in": 600, "alarms": [{"period": 60, "threshold": 80, "statistic": "Average"}]}',
        None,
        None,
    ),
    ("schedule.yaml", "report:\n  period: 7d\n  token_ttl: 5m\n  recipients: [ops]\n", None, None),
    # A tokenizer's vocabulary: word -> id for thousands of words, among them `period`, `policies` and
    # `renewable`; a table, not a token's parameters.
    (
        "tokenizer.json",
        '{"model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {'
        + ", ".join(f'"{w}{i}": {100 + i}' for i, w in enumerate(_VOCABULARY * 12))
        + ', "period": 4810, "policies": 5127, "renewable": 7343, "orphan": 9021}}, "expires_in": 600}',
        None,
        None,
    ),
]


@pytest.mark.parametrize(("name", "content", "key", "message"), CASES)
def test_token_lifetime_any_notation(
    tmp_path: Path, name: str, content: str, key: str | None, message: str | None
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    found = [f for f in run(ScanOptions(paths=(tmp_path,))).findings if f.rule_id == "BA-106"]
    if message is None:
        assert found == []
        return
    assert len(found) == 1, [f.message for f in found]
    assert message in found[0].message and key in found[0].message
    assert found[0].location is not None and found[0].location.path == name


def test_limits_come_from_botaudit_yaml(tmp_path: Path) -> None:
    (tmp_path / "settings.yaml").write_text(
        "auth:\n  client_id: x\n  access_token_ttl: 45m\n", encoding="utf-8"
    )
    assert [f for f in run(ScanOptions(paths=(tmp_path,))).findings if f.rule_id == "BA-106"]
    (tmp_path / "botaudit.yaml").write_text(
        "version: 1\nrules:\n  BA-106:\n    params:\n      max_access_token_minutes: 60\n", encoding="utf-8"
    )
    assert not [f for f in run(ScanOptions(paths=(tmp_path,))).findings if f.rule_id == "BA-106"]
