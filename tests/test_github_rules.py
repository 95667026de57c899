"""BA-6xx GitHub rules: each positive and negative, on the collector's demo snapshot and hand-made ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from auditor.clock import FixedClock
from auditor.config import Config
from auditor.engine.interface import Rule, RuleContext
from auditor.engine.loader import parse_rule
from auditor.engine.predicates import PREDICATES
from auditor.model import (
    AccessLevel,
    Agent,
    Capability,
    Finding,
    Identity,
    NotEvaluated,
    Platform,
    Resolution,
    Severity,
    Snapshot,
)
from auditor.snapshot import load_snapshot

NOW = datetime(2026, 11, 1, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[1]


def rule(rule_id: str) -> Rule:
    return parse_rule(ROOT / "rules" / f"{rule_id}.yaml", PREDICATES)


def run(rule_id: str, ctx: RuleContext, **params: object) -> list[Finding | NotEvaluated]:
    r = rule(rule_id)
    r = replace(r, params={**r.params, **params})
    return list(PREDICATES[r.check](r, ctx))


def findings(results: list[Finding | NotEvaluated]) -> list[Finding]:
    return [r for r in results if isinstance(r, Finding)]


def token(kind: str = "fine_grained_pat", **attrs: Any) -> Identity:
    base: dict[str, Any] = {
        "owner": "release-bot",
        "owner_type": "User",
        "scopes": None,
        "expires": "2026-12-01T00:00:00+00:00",
        "unprotected_push_count": 0,
        "protection_unknown_push_count": 0,
    }
    return Identity(Platform.GITHUB, "token:abc", "release-bot (x)", kind, {**base, **attrs}, ("fp:abc",))


JUNIOR = Identity(Platform.GITHUB, "user:junior", "junior", "user", {"baseline": True})


def cap(resource: str, action: str, level: AccessLevel) -> Capability:
    return Capability("github", resource, action, level)


def ctx(
    ident: Identity,
    *,
    reach: dict[str, frozenset[Capability]] | None = None,
    multi_user: bool = False,
    baseline: str | None = "user:junior",
) -> RuleContext:
    snap = Snapshot(
        Platform.GITHUB,
        NOW,
        "test",
        identities=(ident, JUNIOR),
        reach=reach if reach is not None else {ident.id: frozenset(), "user:junior": frozenset()},
        baseline=baseline,
    )
    agent = Agent("coder", "coder", "mcp_server", multi_user=multi_user)
    return RuleContext(
        config=Config(),
        clock=FixedClock(NOW),
        agents=(agent,),
        snapshots={Platform.GITHUB: snap},
        resolutions=(Resolution("coder", Platform.GITHUB, ident.id, ident.name, "github_pat fingerprint"),),
    )


def test_no_snapshot_is_not_evaluated() -> None:
    empty = RuleContext(config=Config(), clock=FixedClock(NOW))
    for rule_id in ("BA-601", "BA-602", "BA-603", "BA-604", "BA-605", "BA-606"):
        out = run(rule_id, empty)
        assert len(out) == 1 and isinstance(out[0], NotEvaluated), rule_id


def test_ba601_classic_pat() -> None:
    assert findings(run("BA-601", ctx(token("classic_pat"))))[0].agent == "coder"
    assert not run("BA-601", ctx(token("fine_grained_pat")))
    assert not run("BA-601", ctx(token("app_installation_token")))


def test_ba602_dangerous_scopes() -> None:
    hit = findings(run("BA-602", ctx(token("classic_pat", scopes=["repo", "workflow", "admin:org"]))))
    assert hit and hit[0].evidence["scopes"] == ["admin:org", "workflow"]
    assert hit[0].severity is Severity.CRITICAL
    assert not run("BA-602", ctx(token("classic_pat", scopes=["repo", "read:org"])))
    # Fine-grained permissions cannot be read with the token: said, not passed.
    out = run("BA-602", ctx(token("fine_grained_pat")))
    assert out and isinstance(out[0], NotEvaluated)
    assert not run("BA-602", ctx(token("app_installation_token")))


def test_ba603_no_expiry() -> None:
    assert findings(run("BA-603", ctx(token("classic_pat", expires=None))))
    assert not run("BA-603", ctx(token("classic_pat")))
    # Installation tokens expire after an hour by design.
    assert not run("BA-603", ctx(token("app_installation_token", expires=None)))


def test_ba604_human_token_on_shared_bot() -> None:
    human = token("classic_pat", owner="dana-eng")
    assert findings(run("BA-604", ctx(human, multi_user=True)))
    assert not run("BA-604", ctx(human, multi_user=False))
    assert not run("BA-604", ctx(token("classic_pat", owner="release-bot"), multi_user=True))
    assert not run(
        "BA-604", ctx(token("fine_grained_pat", owner="dana-eng", owner_type="Bot"), multi_user=True)
    )


def test_ba605_unprotected_push() -> None:
    bad = token(unprotected_push_count=7, unprotected_push_repositories=[f"o/r{i}" for i in range(7)])
    hit = findings(run("BA-605", ctx(bad)))
    assert hit and "7 default branch" in hit[0].message and "and 2 more" in hit[0].message
    assert not run("BA-605", ctx(token()))
    unknown = run("BA-605", ctx(token(protection_unknown_push_count=3)))
    assert unknown and isinstance(unknown[0], NotEvaluated)


def test_ba606_reach_beyond_junior() -> None:
    ident = token()
    junior_caps = frozenset(
        {cap("repo:o/a", "push", AccessLevel.WRITE), cap("repo:o/a", "pull", AccessLevel.READ)}
    )
    same = {ident.id: junior_caps, "user:junior": junior_caps}
    assert not run("BA-606", ctx(ident, reach=same))
    more = {
        ident.id: junior_caps
        | {cap("repo:o/b", "admin", AccessLevel.ADMIN), cap("repo:o/b", "push", AccessLevel.WRITE)},
        "user:junior": junior_caps,
    }
    hit = findings(run("BA-606", ctx(ident, reach=more)))
    assert hit and hit[0].evidence["admin"] == 1 and hit[0].severity is Severity.HIGH
    reads = {ident.id: junior_caps | {cap("repo:o/c", "pull", AccessLevel.READ)}, "user:junior": junior_caps}
    low = findings(run("BA-606", ctx(ident, reach=reads)))
    assert low and low[0].severity is Severity.MEDIUM
    assert not run("BA-606", ctx(ident, reach=reads), max_extra_repositories=1)
    out = run("BA-606", ctx(ident, reach={ident.id: junior_caps}, baseline=None))
    assert out and isinstance(out[0], NotEvaluated)


@pytest.fixture(scope="module")
def demo() -> Snapshot:
    return load_snapshot(ROOT / "sample_configs" / "snapshots" / "github.json")


def test_demo_snapshot_fires_the_token_rules(demo: Snapshot) -> None:
    dana = next(i for i in demo.identities if i.kind == "classic_pat")
    context = RuleContext(
        config=Config(),
        clock=FixedClock(NOW),
        snapshots={Platform.GITHUB: demo},
        resolutions=(Resolution("github", Platform.GITHUB, dana.id, dana.name, "github_pat fingerprint"),),
    )
    for rule_id in ("BA-601", "BA-602", "BA-603", "BA-605", "BA-606"):
        assert findings(run(rule_id, context)), rule_id
