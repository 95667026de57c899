"""BA-7xx Slack rules: each positive and negative, on hand-made snapshots and the demo snapshot."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
RULE_IDS = ("BA-701", "BA-702", "BA-703", "BA-704", "BA-705")


def run(rule_id: str, ctx: RuleContext, **params: object) -> list[Finding | NotEvaluated]:
    r: Rule = parse_rule(ROOT / "rules" / f"{rule_id}.yaml", PREDICATES)
    r = replace(r, params={**r.params, **params})
    return list(PREDICATES[r.check](r, ctx))


def findings(results: list[Finding | NotEvaluated]) -> list[Finding]:
    return [r for r in results if isinstance(r, Finding)]


def token(kind: str = "bot_token", **attrs: Any) -> Identity:
    base: dict[str, Any] = {
        "scopes": ["chat:write", "channels:read", "groups:read"],
        "rotation": True,
        "owner": {"name": "salesops", "is_bot": True},
        "channels_known": True,
        "unread_channel_types": [],
    }
    return Identity(Platform.SLACK, "token:abc", "SalesOps (x)", kind, {**base, **attrs}, ("fp:abc",))


JUNIOR = Identity(Platform.SLACK, "user:U1", "junior", "user", {"baseline": True})
PUBLIC = Capability("slack", "channel:C1 #general", "member", AccessLevel.READ)
SHARED = Capability("slack", "private-channel:G1 #team", "member", AccessLevel.READ)
SECRET = Capability("slack", "private-channel:G2 #exec-comp", "member", AccessLevel.READ)


def ctx(
    ident: Identity,
    *,
    bot_caps: frozenset[Capability] = frozenset({PUBLIC, SHARED}),
    multi_user: bool = True,
    baseline: str | None = "user:U1",
) -> RuleContext:
    reach = {ident.id: bot_caps, "user:U1": frozenset({PUBLIC, SHARED})}
    if baseline is None:
        del reach["user:U1"]
    snap = Snapshot(Platform.SLACK, NOW, "test", identities=(ident, JUNIOR), reach=reach, baseline=baseline)
    return RuleContext(
        config=Config(),
        clock=FixedClock(NOW),
        agents=(Agent("bot", "bot", "slack_bot", multi_user=multi_user),),
        snapshots={Platform.SLACK: snap},
        resolutions=(Resolution("bot", Platform.SLACK, ident.id, ident.name, "slack_bot_token fingerprint"),),
    )


def test_no_snapshot_is_not_evaluated() -> None:
    empty = RuleContext(config=Config(), clock=FixedClock(NOW))
    for rule_id in RULE_IDS:
        out = run(rule_id, empty)
        assert len(out) == 1 and isinstance(out[0], NotEvaluated), rule_id


def test_ba701_user_token_on_shared_bot() -> None:
    person = token("user_token", owner={"name": "dana.eng", "is_bot": False, "is_admin": True})
    hit = findings(run("BA-701", ctx(person)))
    assert hit and "workspace admin" in hit[0].message
    assert not run("BA-701", ctx(person, multi_user=False))
    assert not run("BA-701", ctx(token("bot_token")))


def test_ba702_admin_scopes() -> None:
    hit = findings(run("BA-702", ctx(token(scopes=["chat:write", "admin.users:write", "admin"]))))
    assert hit and hit[0].evidence["scopes"] == ["admin", "admin.users:write"]
    assert hit[0].severity is Severity.CRITICAL
    assert not run("BA-702", ctx(token()))
    unknown = run("BA-702", ctx(token(scopes=None)))
    assert unknown and isinstance(unknown[0], NotEvaluated)


def test_ba703_impersonation_scopes() -> None:
    assert findings(run("BA-703", ctx(token(scopes=["chat:write", "chat:write.customize"]))))
    assert not run("BA-703", ctx(token()))


def test_ba704_rotation_off() -> None:
    assert findings(run("BA-704", ctx(token(rotation=False))))
    assert not run("BA-704", ctx(token(rotation=True)))


def test_ba705_private_channels_beyond_baseline() -> None:
    hit = findings(run("BA-705", ctx(token(), bot_caps=frozenset({PUBLIC, SHARED, SECRET}))))
    assert hit and hit[0].evidence["private_channels"] == ["#exec-comp"]
    # Private channels the junior shares are not beyond the baseline.
    assert not run("BA-705", ctx(token()))
    for broken in (
        ctx(token(channels_known=False)),
        ctx(token(unread_channel_types=["private_channel"])),
        ctx(token(), bot_caps=frozenset({SECRET}), baseline=None),
    ):
        out = run("BA-705", broken)
        assert out and isinstance(out[0], NotEvaluated)


def test_demo_snapshot_fires_the_bot_rules() -> None:
    demo = load_snapshot(ROOT / "sample_configs" / "snapshots" / "slack.json")
    bot = next(i for i in demo.identities if i.kind == "bot_token")
    context = RuleContext(
        config=Config(),
        clock=FixedClock(NOW),
        snapshots={Platform.SLACK: demo},
        resolutions=(
            Resolution("salesops", Platform.SLACK, bot.id, bot.name, "slack_bot_token fingerprint"),
        ),
    )
    for rule_id in ("BA-703", "BA-704", "BA-705"):
        assert findings(run(rule_id, context)), rule_id
    assert not findings(run("BA-702", context))
