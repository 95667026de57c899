"""The config checks read settings through an index by key (config_checks._SettingsIndex): it may only leave
out settings no branch of a check can fire on. Each check must give the same findings as when it reads
every setting, on the settings of every shipped input and on generated files of settings made of the
checks' own key words and values."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.clock import FixedClock
from auditor.config.load import Config
from auditor.engine.checks import config_checks
from auditor.engine.checks.config_checks import _SettingsIndex
from auditor.engine.evaluate import evaluate
from auditor.engine.interface import RuleContext
from auditor.engine.loader import load_rules
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes
from auditor.model import FileScan, Location, Setting
from tests.shipped_inputs import shipped_inputs

INDEXED = (
    "deprecated_oauth_grant",
    "long_lived_token",
    "no_origin_restriction",
    "overbroad_privilege_in_config",
    "secret_not_rotated",
)
RULES = tuple(r for r in load_rules() if r.check in INDEXED)
CLOCK = FixedClock(datetime(2026, 12, 6, tzinfo=UTC))


def _findings(files: tuple[FileScan, ...], *, every_setting: bool, patch: pytest.MonkeyPatch) -> list:
    config_checks._LAST_INDEX.clear()  # a fresh index for each way of reading
    ctx = RuleContext(config=Config(), clock=CLOCK, files=files)
    with patch.context() as p:
        if every_setting:
            # The index without its filter: every place, in order, as the checks read them before it.
            p.setattr(
                _SettingsIndex,
                "where",
                staticmethod(lambda by, fires: sorted(a for v in by.values() for a in v)),
            )
        findings, skipped = evaluate(RULES, ctx)
    config_checks._LAST_INDEX.clear()
    return [(f.rule_id, f.fingerprint, f.message, f.severity, f.location) for f in findings] + list(skipped)


def test_the_checks_read_the_five_rules() -> None:
    assert {r.check for r in RULES} == set(INDEXED)


def test_shipped_inputs_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    detectors = DetectorSet.load()
    files = tuple(
        scan_bytes(str(path), path.read_bytes(), detectors, fingerprint_key="k") for path in shipped_inputs()
    )
    assert sum(len(f.settings) for f in files) > 1000
    indexed = _findings(files, every_setting=False, patch=monkeypatch)
    assert indexed == _findings(files, every_setting=True, patch=monkeypatch)
    # Shipped inputs make three of the five fire (the generated files below make all five).
    assert len({f[0] for f in indexed if isinstance(f, tuple)}) >= 3


# Key paths built from the words the checks look for, and values that make them fire or not.
_SEGMENTS = [
    "oauth", "grant_type", "grantType", "response_type", "pkce", "code_challenge_method", "public_client",
    "token_endpoint_auth_method", "type", "allow_implicit", "implicit", "token_ttl", "token_period", "period",
    "policies", "renewable", "secret_id_ttl", "refresh_token_lifetime_days", "access_token_ttl", "max_ttl",
    "explicit_max_ttl", "ttl", "never_expires", "vault", "cors", "allowed_origins", "allowed_ips",
    "ip_relaxation", "Action", "actions", "roleRef", "name", "capabilities", "path.*", "profile", "scopes",
    "permissions", "key_created", "rotated_at", "api_key", "x", "items[0]", "code.oauth.password_grant",
]  # fmt: skip
_VALUES = [
    "password", "implicit", "token", "authorization_code", "S256", "none", "true", "spa", "*", "0.0.0.0/0",
    "0", "720h", "90d", "3600", "-1", "2020-01-01", "2026-12-01T00:00:00Z", "cluster-admin", "sudo",
    "System Administrator", "iam:*", "arn:aws:iam::aws:policy/AdministratorAccess", "Files.ReadWrite.All",
    "relaxed", "", "x",
]  # fmt: skip
_keys = st.lists(st.sampled_from(_SEGMENTS), min_size=1, max_size=3).map(".".join)
_file = st.lists(st.tuples(_keys, st.sampled_from(_VALUES), st.booleans()), max_size=25)


def _scan(index: int, rows: list[tuple[str, str, bool]]) -> FileScan:
    path = f"svc{index}/config{'.md' if index % 5 == 4 else '.yaml'}"
    found = tuple(
        Setting(key if not code else "code." + key, value, Location(path, line + 1, None, key))
        for line, (key, value, code) in enumerate(rows)
    )
    return FileScan(path=path, format="yaml", size=100, settings=found)


@settings(max_examples=120, deadline=None)
@given(st.lists(_file, min_size=1, max_size=6))
def test_generated_settings_same_findings(tree: list[list[tuple[str, str, bool]]]) -> None:
    files = tuple(_scan(i, rows) for i, rows in enumerate(tree))
    with pytest.MonkeyPatch.context() as patch:
        assert _findings(files, every_setting=False, patch=patch) == _findings(
            files, every_setting=True, patch=patch
        )


def test_generated_kind_fires_every_rule_and_the_index_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated kind of file makes each of the five rules fire, and the index leaves settings out:
    the comparison above tests something."""
    rows = [
        ("oauth.grant_type", "password", False),
        ("auth.token_ttl", "720h", False),
        ("cors.allowed_origins", "*", False),
        ("statement.Action", "*", False),
        ("api_key.key_created", "2020-01-01", False),
        ("api_key", "x", False),
        ("replicas", "3", False),
        ("name", "svc", False),
    ]
    files = (_scan(0, rows),)
    found = _findings(files, every_setting=False, patch=monkeypatch)
    assert {f[0] for f in found if isinstance(f, tuple)} == {r.id for r in RULES}
    index = _SettingsIndex(files)
    kept = index.where(index.by_path, config_checks._origin_relevant)
    assert kept == [2]  # the third setting of the file: its place
