"""BA-5xx Entra rules: each positive and negative, on snapshots the collector produced and hand-made ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from auditor.clock import FixedClock
from auditor.collectors.entra import EntraCollector
from auditor.collectors.interface import CollectRequest
from auditor.config import Config
from auditor.engine.interface import Rule, RuleContext
from auditor.engine.loader import parse_rule
from auditor.engine.predicates import PREDICATES
from auditor.model import (
    Agent,
    AuthModel,
    Connection,
    Finding,
    Identity,
    Location,
    NotEvaluated,
    Platform,
    PlatformCredential,
    Resolution,
    Setting,
    Snapshot,
)
from auditor.progress import NullProgress
from tests.standins.graph import DEMO_BASELINE_UPN, DEMO_HR_BOT_CLIENT_ID, GraphStandIn, demo_tenant

NOW = datetime(2026, 11, 1, tzinfo=UTC)
RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


def rule(rule_id: str) -> Rule:
    return parse_rule(RULES_DIR / f"{rule_id}.yaml", PREDICATES)


def run(rule_id: str, ctx: RuleContext, **params: object) -> list[Finding | NotEvaluated]:
    r = rule(rule_id)
    r = replace(r, params={**r.params, **params})
    return list(PREDICATES[r.check](r, ctx))


@pytest.fixture(scope="module")
def demo_snapshot() -> Snapshot:
    with GraphStandIn(demo_tenant(NOW)) as standin:
        request = CollectRequest(
            identifiers=(DEMO_HR_BOT_CLIENT_ID,),
            baseline=DEMO_BASELINE_UPN,
            settings=standin.settings(DEMO_HR_BOT_CLIENT_ID),
        )
        return EntraCollector(environ={"AZURE_CLIENT_SECRET": "demo-secret-not-real-0000"}).collect(
            request, clock=FixedClock(NOW), progress=NullProgress()
        )


def _bot(snap: Snapshot) -> Identity:
    return next(i for i in snap.identities if i.attributes.get("appId") == DEMO_HR_BOT_CLIENT_ID)


def ctx_for(
    snap: Snapshot | None, identity_id: str | None = None, *, agents: tuple[Agent, ...] = ()
) -> RuleContext:
    resolutions = ()
    if identity_id:
        resolutions = (Resolution("hr-bot", Platform.ENTRA, identity_id, "hr-teams-bot", "identity hint"),)
    snapshots = {Platform.ENTRA: snap} if snap else {}
    return RuleContext(
        config=Config(), clock=FixedClock(NOW), agents=agents, snapshots=snapshots, resolutions=resolutions
    )


def findings(results: list[Finding | NotEvaluated]) -> list[Finding]:
    return [r for r in results if isinstance(r, Finding)]


def sp(id_: str = "sp-1", **attributes: object) -> Identity:
    base = {
        "appId": "app-1",
        "app_permissions": [],
        "directory_roles": [],
        "delegated_grants": [],
        "owners": [],
    }
    return Identity(
        Platform.ENTRA, id_, "calm-bot", "service_principal", {**base, **attributes}, ("app-1", id_)
    )


def snap_of(*identities: Identity, credentials: tuple[PlatformCredential, ...] = ()) -> Snapshot:
    return Snapshot(Platform.ENTRA, NOW, "entra:test", identities=identities, credentials=credentials)


def secret(created_days_ago: int, lifetime_days: int | None, **kw: object) -> PlatformCredential:
    created = NOW - timedelta(days=created_days_ago)
    expires = created + timedelta(days=lifetime_days) if lifetime_days is not None else None
    return PlatformCredential(
        Platform.ENTRA,
        "key-1",
        "sp-1",
        "client_secret",
        created=created,
        expires=expires,
        attributes={"display_name": "s1"},
        **kw,
    )  # type: ignore[arg-type]


# ----- BA-501 / BA-502: application permissions ---
def test_ba501_control_plane_permission(demo_snapshot: Snapshot) -> None:
    (f,) = findings(run("BA-501", ctx_for(demo_snapshot, _bot(demo_snapshot).id)))
    assert f.agent == "hr-bot" and f.evidence["permissions"] == ["Directory.ReadWrite.All"]
    assert f.severity.value == "critical"
    calm = sp(app_permissions=[{"permission": "Calendars.Read", "resource": "Microsoft Graph"}])
    assert run("BA-501", ctx_for(snap_of(calm), "sp-1")) == []


def test_ba501_privileged_directory_role() -> None:
    admin = sp(directory_roles=[{"name": "Cloud Application Administrator", "scope": "/", "level": "admin"}])
    (f,) = findings(run("BA-501", ctx_for(snap_of(admin), "sp-1")))
    assert f.evidence["directory_roles"] == ["Cloud Application Administrator"]


def test_ba502_broad_data_permission(demo_snapshot: Snapshot) -> None:
    (f,) = findings(run("BA-502", ctx_for(demo_snapshot, _bot(demo_snapshot).id)))
    assert f.evidence["permissions"] == ["Mail.Read", "User.Read.All"]
    assert run("BA-502", ctx_for(snap_of(sp()), "sp-1")) == []


def test_permission_rules_report_missing_data() -> None:
    ctx = ctx_for(
        None,
        agents=(
            Agent(
                "hr-bot",
                ".",
                "teams",
                connections=(Connection(Platform.ENTRA, AuthModel.CLIENT_SECRET, "app-1"),),
            ),
        ),
    )
    (ne,) = run("BA-501", ctx)
    assert isinstance(ne, NotEvaluated) and "snapshot" in ne.reason
    unknown = Identity(Platform.ENTRA, "sp-1", "x", "service_principal", {})
    (ne,) = run("BA-502", ctx_for(snap_of(unknown), "sp-1"))
    assert isinstance(ne, NotEvaluated)
    (ne,) = run("BA-502", ctx_for(snap_of(sp()), "gone"))
    assert isinstance(ne, NotEvaluated) and ne.subject == "hr-bot"


# ----- BA-503 / BA-504 / BA-505: client secrets ---
def test_ba503_secret_instead_of_certificate(demo_snapshot: Snapshot) -> None:
    (f,) = findings(run("BA-503", ctx_for(demo_snapshot, _bot(demo_snapshot).id)))
    assert f.kind == "entra_client_secret"
    cert = replace(secret(10, 100), kind="certificate")
    assert run("BA-503", ctx_for(snap_of(sp(), credentials=(cert,)), "sp-1")) == []
    expired = secret(400, 100, active=False)
    assert run("BA-503", ctx_for(snap_of(sp(), credentials=(expired,)), "sp-1")) == []


def test_ba504_secret_age_uses_the_clock(demo_snapshot: Snapshot) -> None:
    (f,) = findings(run("BA-504", ctx_for(demo_snapshot, _bot(demo_snapshot).id)))
    assert f.evidence["age_days"] == 400
    fresh = secret(30, 90)
    assert run("BA-504", ctx_for(snap_of(sp(), credentials=(fresh,)), "sp-1")) == []
    assert findings(run("BA-504", ctx_for(snap_of(sp(), credentials=(fresh,)), "sp-1"), max_age_days=20))


def test_ba504_all_identities_param_covers_unresolved_apps() -> None:
    old = secret(200, 400)
    assert run("BA-504", ctx_for(snap_of(sp(), credentials=(old,)))) == []
    (f,) = findings(run("BA-504", ctx_for(snap_of(sp(), credentials=(old,))), all_identities=True))
    assert f.agent is None


def test_ba505_lifetime_and_no_expiry(demo_snapshot: Snapshot) -> None:
    (f,) = findings(run("BA-505", ctx_for(demo_snapshot, _bot(demo_snapshot).id)))
    assert f.evidence["lifetime_days"] == 730
    forever = replace(secret(10, None), expires=datetime(2299, 12, 31, tzinfo=UTC))
    (f,) = findings(run("BA-505", ctx_for(snap_of(sp(), credentials=(forever,)), "sp-1")))
    assert "never expires" in f.message
    short = secret(10, 180)
    assert run("BA-505", ctx_for(snap_of(sp(), credentials=(short,)), "sp-1")) == []


# ----- BA-506: tenant-wide consent ---
def test_ba506_tenant_wide_consent_of_high_privilege_scopes() -> None:
    grant = {
        "id": "g1",
        "consentType": "AllPrincipals",
        "resource": "Microsoft Graph",
        "scopes": ["Files.ReadWrite.All", "User.Read", "offline_access"],
    }
    (f,) = findings(run("BA-506", ctx_for(snap_of(sp(delegated_grants=[grant])), "sp-1")))
    assert f.evidence["scopes"] == ["Files.ReadWrite.All"] and f.agent == "hr-bot"
    per_user = dict(grant, consentType="Principal", principalId="u1")
    assert run("BA-506", ctx_for(snap_of(sp(delegated_grants=[per_user])))) == []
    harmless = dict(grant, scopes=["User.Read", "openid"])
    assert run("BA-506", ctx_for(snap_of(sp(delegated_grants=[harmless])))) == []


# ----- BA-507: owners of privileged apps ---
def test_ba507_privileged_sp_with_owners(demo_snapshot: Snapshot) -> None:
    (f,) = findings(run("BA-507", ctx_for(demo_snapshot, _bot(demo_snapshot).id)))
    assert f.evidence["owners"] == ["it.admin@acmedemo.onmicrosoft.com"]
    privileged = [{"permission": "Directory.ReadWrite.All"}]
    assert run("BA-507", ctx_for(snap_of(sp(app_permissions=privileged, owners=[])))) == []
    assert run("BA-507", ctx_for(snap_of(sp(owners=[{"id": "u", "displayName": "x"}])))) == []
    (ne,) = run("BA-507", ctx_for(snap_of(sp(app_permissions=privileged, owners=None))))
    assert isinstance(ne, NotEvaluated)


# ----- BA-508: app-only for many users ---
def _agent(model: AuthModel, multi_user: bool = True) -> Agent:
    loc = Location("hr-bot/config.yaml", 3, key="entra.client_id")
    return Agent(
        "hr-bot",
        "hr-bot",
        "teams_bot",
        connections=(Connection(Platform.ENTRA, model, "app-1", (loc,)),),
        multi_user=multi_user,
    )


def _calling(agent: Agent) -> Agent:
    """The agent with a call as the app itself in its files (MSAL's client-credential call)."""
    call = Setting("code.msal.client_credential", "acquire_token_for_client", Location("hr-bot/graph.py", 12))
    return replace(agent, settings=(call,))


def test_ba508_multi_user_agent_app_only() -> None:
    (f,) = findings(run("BA-508", ctx_for(None, agents=(_calling(_agent(AuthModel.CLIENT_SECRET)),))))
    assert f.location is not None and f.location.path == "hr-bot/config.yaml"
    assert run("BA-508", ctx_for(None, agents=(_calling(_agent(AuthModel.ON_BEHALF_OF)),))) == []
    single = _calling(_agent(AuthModel.CLIENT_CERTIFICATE, multi_user=False))
    assert run("BA-508", ctx_for(None, agents=(single,))) == []


def test_ba508_needs_a_graph_call_or_an_application_permission() -> None:
    # A Teams bot's client secret alone authenticates it to the Bot Connector (microsoft/Agents' quickstarts):
    # nothing in view says it calls Graph, which BA-108 reports at medium. Its identity holding an
    # application permission (live or declared) says it can.
    bot = _agent(AuthModel.CLIENT_SECRET)
    assert run("BA-508", ctx_for(None, agents=(bot,))) == []
    quiet = snap_of(sp(app_permissions=[]))
    assert run("BA-508", ctx_for(quiet, "sp-1", agents=(bot,))) == []
    granted = snap_of(sp(app_permissions=[{"permission": "Mail.Read", "resource": "Microsoft Graph"}]))
    assert len(findings(run("BA-508", ctx_for(granted, "sp-1", agents=(bot,))))) == 1


def test_ba508_a_bot_signing_its_users_in_is_not_app_only() -> None:
    # An OAuth connection's sign-in (the Bot Service's user tokens) and no app-only call in view: Graph is
    # called with each user's token; the Entra secret is the connection's.
    loc = Location("hr-bot/Program.cs", 41)
    signs_in = Setting("code.botframework.user_token", "OAuthPrompt(", loc)
    agent = replace(_agent(AuthModel.CLIENT_SECRET), settings=(signs_in,))
    assert run("BA-508", ctx_for(None, agents=(agent,))) == []
    # ... unless it also calls as the app itself.
    app_call = Setting("code.msal.client_credential", "acquire_token_for_client", loc)
    both = replace(agent, settings=(signs_in, app_call))
    assert len(findings(run("BA-508", ctx_for(None, agents=(both,))))) == 1


def test_every_entra_rule_file_loads_and_names_a_check() -> None:
    ids = sorted(p.stem for p in RULES_DIR.glob("BA-5*.yaml"))
    assert ids == [f"BA-50{n}" for n in range(1, 9)]
    for rule_id in ids:
        r = rule(rule_id)
        assert r.platform == "entra" and r.check.startswith("entra_") and r.compliance["nist_800_53"]
