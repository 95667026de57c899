"""The helpers rule checks share (auditor.engine.checks.common) and the small shared collector helpers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from auditor.clock import FixedClock, iso_time
from auditor.collectors.retry import retry_after_of
from auditor.config import Config
from auditor.engine.checks.common import (
    agent_note,
    agents_by_identity,
    connected_agents,
    findings_per_agent,
    float_param,
    multi_user_connections,
    needs_snapshot,
    resolutions_by_identity,
)
from auditor.engine.interface import CheckResult, Rule, RuleContext
from auditor.model import (
    Agent,
    AuthModel,
    Connection,
    Finding,
    Identity,
    Location,
    NotEvaluated,
    Platform,
    Resolution,
    Severity,
    Snapshot,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _rule(**params: object) -> Rule:
    return Rule(
        id="BA-999",
        name="test-rule",
        title="t",
        severity=Severity.HIGH,
        category="c",
        rationale="r",
        remediation="fix",
        check="x",
        params=params,
    )


def _res(agent: str, identity_id: str, platform: Platform = Platform.AWS) -> Resolution:
    return Resolution(
        agent=agent,
        platform=platform,
        identity_id=identity_id,
        identity_name=identity_id,
        via="access_key_id",
        credential_fingerprint=f"fp-{agent}",
        location=Location(f"{agent}/.env", 1, key="KEY"),
    )


def _ctx(
    *,
    agents: tuple[Agent, ...] = (),
    resolutions: tuple[Resolution, ...] = (),
    snapshots: Mapping[Platform, Snapshot] | None = None,
) -> RuleContext:
    return RuleContext(
        config=Config(),
        clock=FixedClock(NOW),
        agents=agents,
        resolutions=resolutions,
        snapshots=snapshots or {},
    )


def test_needs_snapshot_reports_one_not_evaluated_when_missing_and_passes_the_snapshot_otherwise() -> None:
    seen: list[Snapshot] = []

    @needs_snapshot(Platform.AWS, "aws", "no AWS snapshot (not connected)")
    def check(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
        seen.append(snap)
        yield rule.not_evaluated("ran", "with snapshot")

    rule = _rule()
    assert list(check(rule, _ctx())) == [NotEvaluated("BA-999", "aws", "no AWS snapshot (not connected)")]
    assert seen == []
    snap = Snapshot(Platform.AWS, NOW, "aws:test")
    assert list(check(rule, _ctx(snapshots={Platform.AWS: snap}))) == [
        NotEvaluated("BA-999", "ran", "with snapshot")
    ]
    assert seen == [snap]
    assert check.__name__ == "check"


def test_resolutions_and_agents_by_identity_keep_platform_and_order() -> None:
    ctx = _ctx(
        resolutions=(
            _res("b", "id-1"),
            _res("a", "id-1"),
            _res("c", "id-2", Platform.VAULT),
        )
    )
    by_id = resolutions_by_identity(ctx, Platform.AWS)
    assert list(by_id) == ["id-1"]
    assert [r.agent for r in by_id["id-1"]] == ["b", "a"]
    assert agents_by_identity(ctx, Platform.VAULT) == {"id-2": ["c"]}


def test_connected_agents_and_multi_user_connections() -> None:
    entra = Connection(Platform.ENTRA, AuthModel.CLIENT_SECRET)
    agents = (
        Agent("solo", "solo", "mcp", connections=(entra,)),
        Agent("shared", "shared", "bot", connections=(entra,), multi_user=True),
    )
    ctx = _ctx(agents=agents, resolutions=(_res("resolved-only", "sp-1", Platform.ENTRA),))
    assert connected_agents(ctx, Platform.ENTRA) == ["shared", "solo"]
    assert connected_agents(ctx, Platform.ENTRA, resolved=True) == ["resolved-only", "shared", "solo"]
    assert connected_agents(ctx, Platform.AWS) == []
    assert [(a.name, c.platform) for a, c in multi_user_connections(ctx)] == [("shared", Platform.ENTRA)]


def test_float_param_falls_back_on_missing_or_bad_values() -> None:
    assert float_param(_rule(max_age_days=30), "max_age_days", 90) == 30.0
    assert float_param(_rule(), "max_age_days", 90) == 90
    assert float_param(_rule(max_age_days="soon"), "max_age_days", 90) == 90
    assert agent_note("bot") == " (agent bot)"
    assert agent_note(None) == ""


def test_findings_per_agent_anchor_at_each_resolution_or_name_the_identity_alone() -> None:
    rule = _rule()
    ident = Identity(Platform.AWS, "arn:user/bot", "bot", "iam_user")
    evidence: Mapping[str, object] = {"age_days": 200}

    alone = list(findings_per_agent(rule, "too old", ident, [], evidence, platform=Platform.AWS))
    assert [(f.message, f.agent, f.location, f.evidence) for f in alone] == [
        ("too old", None, None, {"age_days": 200})
    ]

    per_agent = list(
        findings_per_agent(
            rule,
            "too old",
            ident,
            [_res("a", ident.id), _res("b", ident.id)],
            evidence,
            platform=Platform.AWS,
            kind="aws_access_key",
            severity=Severity.CRITICAL,
            subject_suffix="#KEY1",
        )
    )
    assert [f.message for f in per_agent] == ["agent a: too old", "agent b: too old"]
    assert all(isinstance(f, Finding) and f.severity is Severity.CRITICAL for f in per_agent)
    assert per_agent[0].location == Location("a/.env", 1, key="KEY")
    assert per_agent[0].evidence == {"age_days": 200, "via": "access_key_id"}
    # The fingerprint is the one Rule.finding gives for the same subject, agent and secret fingerprint.
    expected = rule.finding(
        "x",
        subject="arn:user/bot#KEY1",
        agent="a",
        location=Location("a/.env", 1, key="KEY"),
        secret_fingerprint="fp-a",
    )
    assert per_agent[0].fingerprint == expected.fingerprint
    assert len({f.fingerprint for f in per_agent + alone}) == 3


class _Answer:
    def __init__(self, headers: Mapping[str, str]) -> None:
        self.headers = headers


def test_retry_after_of_reads_the_header_and_iso_time_normalises() -> None:
    assert retry_after_of(_Answer({"Retry-After": "3"})) == 3.0
    assert retry_after_of(_Answer({})) is None
    assert retry_after_of(_Answer({"Retry-After": "later"})) is None
    assert iso_time("2025-01-02T03:04:05Z") == "2025-01-02T03:04:05+00:00"
    assert iso_time("2025-01-02T03:04:05.000+0000") == "2025-01-02T03:04:05+00:00"
    assert iso_time("") is None
    assert iso_time("not a time") is None
