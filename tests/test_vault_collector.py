"""The Vault collector against a real OpenBao dev server: reach, rules, 429 retry, 403 coverage, read-only."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from auditor.clock import FixedClock
from auditor.collectors.interface import CollectRequest
from auditor.collectors.vault import VaultCollector
from auditor.config import Config
from auditor.engine.checks.vault_checks import CHECKS
from auditor.engine.interface import Rule, RuleContext
from auditor.errors import CollectorError
from auditor.model import AccessLevel, Finding, NotEvaluated, Platform, Resolution, Severity, Snapshot
from auditor.progress import NullProgress
from tests.standins.aws import RecordingProxy
from tests.standins.vault import BaoServer, bao, create_token, write_policy  # noqa: F401

RULES = Path(__file__).resolve().parents[1] / "rules"
# KV versions are written now; the fixed clock 120 days ahead makes them stale (the server cannot backdate).
NOW = (datetime.now(UTC) + timedelta(days=120)).replace(microsecond=0)


def load_rule(rule_id: str) -> Rule:
    d = yaml.safe_load((RULES / f"{rule_id}.yaml").read_text())
    return Rule(
        id=d["id"],
        name=d["name"],
        title=d["title"],
        severity=Severity(d["severity"]),
        category=d["category"],
        rationale=d["rationale"],
        remediation=d["remediation"],
        check=d["check"],
        params=d.get("params") or {},
    )


def run_rule(
    rule_id: str, snap: Snapshot, resolutions: tuple[Resolution, ...] = ()
) -> list[Finding | NotEvaluated]:
    rule = load_rule(rule_id)
    ctx = RuleContext(
        config=Config(), clock=FixedClock(NOW), snapshots={Platform.VAULT: snap}, resolutions=resolutions
    )
    return list(CHECKS[rule.check](rule, ctx))


@pytest.fixture(scope="module")
def seeded(bao: BaoServer) -> dict[str, str]:  # noqa: F811
    c = bao.client()
    c.sys.enable_auth_method("approle")
    write_policy(
        bao,
        "agent-admin",
        'path "*" { capabilities = ["create", "read", "update", "delete", "list", "sudo"] }',
    )
    write_policy(
        bao,
        "junior-read",
        'path "secret/data/app/*" { capabilities = ["read"] }\n'
        'path "secret/metadata/*" { capabilities = ["list"] }',
    )
    write_policy(bao, "pg-reader", 'path "secret/data/postgres/*" { capabilities = ["read"] }')
    c.write("auth/approle/role/bot-open", token_policies="junior-read", secret_id_ttl=0)
    c.write(
        "auth/approle/role/bot-tight",
        token_policies="junior-read",
        secret_id_ttl=3600,
        secret_id_bound_cidrs="10.0.0.0/8",
    )
    for name in ("app/one", "app/two", "postgres/main"):
        c.secrets.kv.v2.create_or_update_secret(path=name, secret={"value": "not-a-real-secret"})
    c.sys.enable_secrets_engine("database", path="database")
    admin = create_token(bao, ["agent-admin"], period="1h")
    pg = create_token(bao, ["pg-reader"], ttl="1h")
    return {"admin": admin["accessor"], "admin_token": admin["client_token"], "pg": pg["accessor"]}


def collect(
    addr: str, token: str, monkeypatch: pytest.MonkeyPatch, identifiers: tuple[str, ...] = ()
) -> Snapshot:
    monkeypatch.setenv("VAULT_ADDR", addr)
    monkeypatch.setenv("VAULT_TOKEN", token)
    request = CollectRequest(identifiers=identifiers, baseline=["junior-read"], max_retries=3, timeout=10)
    return VaultCollector().collect(request, clock=FixedClock(NOW), progress=NullProgress())


def test_collect_reach_and_rules(
    bao: BaoServer,  # noqa: F811
    seeded: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    snap = collect(bao.addr, bao.root_token, monkeypatch, (seeded["admin"], seeded["pg"]))
    assert snap.coverage == ()
    ids = {i.id: i for i in snap.identities}
    admin_id, pg_id = f"token:{seeded['admin']}", f"token:{seeded['pg']}"
    assert ids[admin_id].attributes["sudo_paths"] == ["*"]
    assert snap.baseline == "baseline:policies:junior-read"
    base = snap.reach[snap.baseline]
    assert ("secret/data/app/one", "read") in {(c.resource, c.action) for c in base}
    assert not any(c.level == AccessLevel.ADMIN for c in base)
    assert any(c.level == AccessLevel.ADMIN and c.resource.startswith("sys/") for c in snap.reach[admin_id])
    assert {"path": "file/", "type": "file"} in snap.facts["audit_devices"]
    assert seeded["admin_token"] not in str(snap)

    res = (
        Resolution("ops-bot", Platform.VAULT, admin_id, "token", "token_accessor"),
        Resolution("pg-agent", Platform.VAULT, pg_id, "token", "token_accessor"),
    )
    f301 = run_rule("BA-301", snap, res)
    assert [(f.agent, f.identity) for f in f301] == [("ops-bot", admin_id)]
    f302 = run_rule("BA-302", snap, res)
    assert [f.identity for f in f302] == ["policy:agent-admin"] and f302[0].severity == Severity.CRITICAL
    f303 = run_rule("BA-303", snap, res)
    assert admin_id in {f.identity for f in f303}  # periodic without explicit max
    assert pg_id not in {f.identity for f in f303}
    f304 = run_rule("BA-304", snap)
    assert [f.identity for f in f304 if "bot-" in (f.identity or "")] == ["approle:approle/bot-open"]
    assert run_rule("BA-305", snap) == []
    stale = {f.evidence.get("age_days", 0) > 90 for f in run_rule("BA-306", snap) if isinstance(f, Finding)}
    assert stale == {True}
    f307 = run_rule("BA-307", snap, res)
    assert [(f.agent, f.evidence["engine"]) for f in f307 if f.agent == "pg-agent"] == [
        ("pg-agent", "database/")
    ]


def test_throttled_request_is_retried(
    bao: BaoServer,  # noqa: F811
    seeded: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proxy = RecordingProxy(bao.addr).start()
    try:
        proxy.inject(
            lambda r: r.path == "/v1/sys/mounts",
            429,
            b'{"errors":["rate limit"]}',
            {"Content-Type": "application/json", "Retry-After": "0"},
        )
        snap = collect(proxy.url, bao.root_token, monkeypatch)
    finally:
        proxy.stop()
    assert snap.coverage == ()
    assert [r.path for r in proxy.requests].count("/v1/sys/mounts") == 2
    assert snap.requests == len(proxy.requests)
    assert snap.facts["mounts_readable"]


def test_only_reads_are_sent(bao: BaoServer, seeded: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    proxy = RecordingProxy(bao.addr).start()
    try:
        collect(proxy.url, bao.root_token, monkeypatch, (seeded["pg"],))
    finally:
        proxy.stop()
    writes = [(r.method, r.path) for r in proxy.requests if r.method not in {"GET", "LIST"}]
    # lookup-accessor is the one documented POST: a lookup with no GET form.
    assert writes == [("POST", "/v1/auth/token/lookup-accessor")]


def test_forbidden_calls_become_coverage(
    bao: BaoServer,  # noqa: F811
    seeded: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    weak = create_token(bao, ["default"], ttl="10m")["client_token"]
    snap = collect(bao.addr, weak, monkeypatch)
    denied = {s.source for s in snap.coverage if s.category == "access_denied"}
    assert {"vault:sys/policies/acl", "vault:sys/audit", "vault:sys/mounts"} <= denied
    assert any(i.kind == "vault_token" for i in snap.identities)
    assert isinstance(run_rule("BA-305", snap)[0], NotEvaluated)


def test_bad_token_raises_collector_error(bao: BaoServer, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    with pytest.raises(CollectorError, match="cannot authenticate"):
        collect(bao.addr, "s." + uuid.uuid4().hex, monkeypatch)
