"""BA-4xx Salesforce rules: each positive and negative, on a snapshot collected from the demo stand-in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from auditor.clock import FixedClock
from auditor.collectors.interface import CollectRequest
from auditor.collectors.salesforce import SalesforceCollector
from auditor.config import Config
from auditor.engine.interface import Rule, RuleContext
from auditor.engine.loader import parse_rule
from auditor.engine.predicates import PREDICATES
from auditor.model import (
    Agent,
    AuthModel,
    Connection,
    Finding,
    Location,
    NotEvaluated,
    Platform,
    Resolution,
    Snapshot,
)
from auditor.progress import NullProgress
from auditor.resolve import resolve
from tests.standins.salesforce import (
    DEMO_BASELINE_USER,
    DEMO_INTEGRATION_USER,
    DEMO_REPORTING_CONSUMER_KEY,
    DEMO_REPORTING_USER,
    DEMO_SLACK_APP,
    DEMO_SLACK_CONSUMER_KEY,
    SalesforceStandIn,
    demo_org,
    make_keypair,
)

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
NOW = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)
SF = Platform.SALESFORCE


@pytest.fixture(scope="module")
def rules() -> dict[str, Rule]:
    return {p.stem: parse_rule(p, PREDICATES) for p in sorted(RULES_DIR.glob("BA-4*.yaml"))}


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: Any) -> Snapshot:
    private, public = make_keypair()
    work = tmp_path_factory.mktemp("sf")
    (work / "k.pem").write_text(private)
    with SalesforceStandIn(demo_org(), workdir=work) as standin:
        standin.register_client("CK", public)
        request = CollectRequest(
            identifiers=(DEMO_INTEGRATION_USER, DEMO_REPORTING_USER, DEMO_SLACK_CONSUMER_KEY),
            baseline=DEMO_BASELINE_USER,
            settings={
                "login_url": standin.url,
                "consumer_key": "CK",
                "private_key_file": str(work / "k.pem"),
                "username": DEMO_REPORTING_USER,
                "ca_bundle": str(standin.ca_path),
                "consumer_keys": {
                    DEMO_SLACK_APP: DEMO_SLACK_CONSUMER_KEY,
                    "Acme Reporting Agent": DEMO_REPORTING_CONSUMER_KEY,
                },
            },
        )
        return SalesforceCollector(environ={}).collect(
            request, clock=FixedClock(NOW), progress=NullProgress()
        )


def _agent(name: str, hint: str, model: AuthModel) -> Agent:
    loc = Location(f"{name}/.env", 3, key="SF_USERNAME")
    return Agent(
        name=name,
        root=name,
        kind="slack_bot",
        multi_user=True,
        connections=(Connection(SF, model, identity_hint=hint, evidence=(loc,)),),
    )


SLACK_BOT = _agent("slack-sales-bot", DEMO_INTEGRATION_USER, AuthModel.SHARED_PASSWORD)
SLACK_BOT_APP = _agent("slack-sales-bot", DEMO_SLACK_CONSUMER_KEY, AuthModel.SHARED_PASSWORD)
REPORTING = _agent("reporting-agent", DEMO_REPORTING_USER, AuthModel.JWT_BEARER_PER_USER)
REPORTING_APP = _agent("reporting-agent", DEMO_REPORTING_CONSUMER_KEY, AuthModel.JWT_BEARER_PER_USER)


def _ctx(snapshot: Snapshot | None, *agents: Agent, now: datetime = NOW) -> RuleContext:
    snaps = {SF: snapshot} if snapshot is not None else {}
    return RuleContext(
        config=Config(),
        clock=FixedClock(now),
        agents=agents,
        snapshots=snaps,
        resolutions=resolve(agents, snaps),
    )


def _run(rule: Rule, ctx: RuleContext) -> tuple[list[Finding], list[NotEvaluated]]:
    out = list(PREDICATES[rule.check](rule, ctx))
    return [f for f in out if isinstance(f, Finding)], [n for n in out if isinstance(n, NotEvaluated)]


def test_every_salesforce_rule_loads(rules: dict[str, Rule]) -> None:
    assert sorted(rules) == [f"BA-40{i}" for i in range(1, 10)]
    for rule in rules.values():
        assert rule.platform == "salesforce"
        assert any("owasp.org" in r for r in rule.references)
        assert set(rule.compliance) == {"soc2", "iso27001", "nist_800_53"}


def test_resolution_joins_usernames_and_consumer_keys(snapshot: Snapshot) -> None:
    res = resolve((SLACK_BOT, SLACK_BOT_APP, REPORTING), {SF: snapshot})
    kinds = {(r.agent, r.identity_name) for r in res}
    assert ("slack-sales-bot", DEMO_INTEGRATION_USER) in kinds
    assert ("slack-sales-bot", DEMO_SLACK_APP) in kinds
    assert ("reporting-agent", DEMO_REPORTING_USER) in kinds


@pytest.mark.parametrize("rule_id", ["BA-401", "BA-402", "BA-403", "BA-404"])
def test_integration_user_rules_fire_on_the_shared_admin_user(
    rules: dict[str, Rule], snapshot: Snapshot, rule_id: str
) -> None:
    findings, skipped = _run(rules[rule_id], _ctx(snapshot, SLACK_BOT))
    assert len(findings) == 1 and not skipped
    f = findings[0]
    assert f.rule_id == rule_id and f.agent == "slack-sales-bot" and f.identity == DEMO_INTEGRATION_USER
    assert f.platform is SF and f.location is not None


@pytest.mark.parametrize("rule_id", ["BA-401", "BA-402", "BA-403", "BA-404"])
def test_integration_user_rules_quiet_on_the_api_only_user(
    rules: dict[str, Rule], snapshot: Snapshot, rule_id: str
) -> None:
    assert _run(rules[rule_id], _ctx(snapshot, REPORTING)) == ([], [])


def test_password_age_follows_the_clock_and_params(rules: dict[str, Rule], snapshot: Snapshot) -> None:
    rule = rules["BA-404"]
    assert _run(rule, _ctx(snapshot, SLACK_BOT, now=datetime(2024, 4, 1, tzinfo=UTC))) == ([], [])
    findings, _ = _run(rule, _ctx(snapshot, SLACK_BOT))
    assert findings[0].evidence["age_days"] == (NOW - datetime(2024, 3, 1, tzinfo=UTC)).days
    lenient = replace(rule, params={"max_age_days": 1000})
    assert _run(lenient, _ctx(snapshot, SLACK_BOT)) == ([], [])


def test_admin_rule_names_what_makes_it_admin(rules: dict[str, Rule], snapshot: Snapshot) -> None:
    findings, _ = _run(rules["BA-401"], _ctx(snapshot, SLACK_BOT))
    assert findings[0].evidence["profile"] == "System Administrator"
    assert findings[0].evidence["admin_permissions"] == ["ModifyAllData", "ViewAllData"]


@pytest.mark.parametrize("rule_id", ["BA-405", "BA-406", "BA-407"])
def test_connected_app_rules_fire_on_the_slack_app(
    rules: dict[str, Rule], snapshot: Snapshot, rule_id: str
) -> None:
    # Linked through the consumer key in the agent's config, and through the integration user's token.
    for agent in (SLACK_BOT_APP, SLACK_BOT):
        findings, skipped = _run(rules[rule_id], _ctx(snapshot, agent))
        assert [f.identity for f in findings] == [DEMO_SLACK_APP] and not skipped
        assert findings[0].agent == "slack-sales-bot"


@pytest.mark.parametrize("rule_id", ["BA-405", "BA-406", "BA-407"])
def test_connected_app_rules_quiet_on_the_reporting_app(
    rules: dict[str, Rule], snapshot: Snapshot, rule_id: str
) -> None:
    assert _run(rules[rule_id], _ctx(snapshot, REPORTING_APP)) == ([], [])
    assert _run(rules[rule_id], _ctx(snapshot, REPORTING)) == ([], [])


def test_ip_relaxation_is_not_evaluated_from_live_data_alone(
    rules: dict[str, Rule], snapshot: Snapshot
) -> None:
    # The live collector cannot read a connected app's OAuth policy: no finding, and never a silent pass.
    findings, skipped = _run(rules["BA-409"], _ctx(snapshot, SLACK_BOT_APP))
    assert findings == []
    assert [n.subject for n in skipped] == [DEMO_SLACK_APP]
    assert "ipRelaxation" in skipped[0].reason and "SFDX metadata" in skipped[0].reason
    app = next(i for i in snapshot.identities if i.name == DEMO_SLACK_APP)
    for relax, relaxed, fires in (("BYPASS", True, True), ("ENFORCE", False, False)):
        declared = replace(
            snapshot,
            identities=tuple(
                replace(
                    i, attributes={**i.attributes, "ip_relaxation": relax, "ip_restrictions_relaxed": relaxed}
                )
                if i.id == app.id
                else i
                for i in snapshot.identities
            ),
        )
        findings, skipped = _run(rules["BA-409"], _ctx(declared, SLACK_BOT_APP))
        assert not skipped and bool(findings) is fires
    assert _run(rules["BA-409"], _ctx(None, SLACK_BOT_APP))[1]  # no snapshot at all: not evaluated either


def test_unused_tokens_are_counted_per_app(rules: dict[str, Rule], snapshot: Snapshot) -> None:
    findings, _ = _run(rules["BA-407"], _ctx(snapshot, SLACK_BOT_APP))
    assert findings[0].evidence["stale_tokens"] == 2  # alice (left) and bob; the bot's own token is in use
    assert (
        _run(rules["BA-407"], _ctx(snapshot, SLACK_BOT_APP, now=datetime(2024, 7, 1, tzinfo=UTC)))[0][
            0
        ].evidence["stale_tokens"]
        == 1
    )


def test_all_apps_param_widens_the_scope(rules: dict[str, Rule], snapshot: Snapshot) -> None:
    rule = replace(rules["BA-405"], params={"all_apps": True})
    findings, _ = _run(rule, _ctx(snapshot))
    assert [f.identity for f in findings] == [DEMO_SLACK_APP]
    assert findings[0].agent is None


def test_shared_password_agent(rules: dict[str, Rule], snapshot: Snapshot) -> None:
    findings, _ = _run(rules["BA-408"], _ctx(snapshot, SLACK_BOT, REPORTING))
    assert [f.agent for f in findings] == ["slack-sales-bot"]
    assert findings[0].identity == DEMO_INTEGRATION_USER and findings[0].location is not None
    # Config alone is enough: no snapshot still judges the auth model.
    findings, _ = _run(rules["BA-408"], _ctx(None, SLACK_BOT))
    assert findings and findings[0].identity == DEMO_INTEGRATION_USER


def test_missing_data_is_not_evaluated(rules: dict[str, Rule], snapshot: Snapshot) -> None:
    _, skipped = _run(rules["BA-401"], _ctx(None, SLACK_BOT))
    assert skipped and "no Salesforce snapshot" in skipped[0].reason
    unknown = _agent("mystery-bot", "nobody@acme-demo.example", AuthModel.SHARED_PASSWORD)
    _, skipped = _run(rules["BA-402"], _ctx(snapshot, unknown))
    assert skipped and skipped[0].subject == "agent mystery-bot"
    ident = next(i for i in snapshot.identities if i.name == DEMO_INTEGRATION_USER)
    blind = replace(
        snapshot,
        identities=tuple(
            replace(i, attributes={**i.attributes, "login_ip_ranges": None}) if i.id == ident.id else i
            for i in snapshot.identities
        ),
    )
    findings, skipped = _run(rules["BA-403"], _ctx(blind, SLACK_BOT))
    assert not findings and "could not be read" in skipped[0].reason
    no_apps = replace(snapshot, facts={**snapshot.facts, "connected_apps_collected": False})
    findings, skipped = _run(rules["BA-405"], _ctx(no_apps, SLACK_BOT))
    assert not findings and skipped


def test_finding_fingerprints_are_stable_and_distinct(rules: dict[str, Rule], snapshot: Snapshot) -> None:
    a, _ = _run(rules["BA-401"], _ctx(snapshot, SLACK_BOT))
    b, _ = _run(rules["BA-401"], _ctx(snapshot, SLACK_BOT))
    c, _ = _run(rules["BA-402"], _ctx(snapshot, SLACK_BOT))
    assert a[0].fingerprint == b[0].fingerprint != c[0].fingerprint


def test_resolution_objects_without_location_still_judged(rules: dict[str, Rule], snapshot: Snapshot) -> None:
    ident = next(i for i in snapshot.identities if i.name == DEMO_INTEGRATION_USER)
    ctx = RuleContext(
        config=Config(),
        clock=FixedClock(NOW),
        snapshots={SF: snapshot},
        resolutions=(Resolution("declared-bot", SF, ident.id, ident.name, "botaudit.yaml"),),
    )
    findings, _ = _run(rules["BA-401"], ctx)
    assert findings[0].agent == "declared-bot" and findings[0].location is None
