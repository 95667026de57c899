"""The Entra collector against the local TLS Graph stand-in: auth, paging, batching, faults, reach."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from auditor.clock import FixedClock
from auditor.collectors.entra import EntraCollector, permission_level, role_level
from auditor.collectors.interface import CollectRequest
from auditor.errors import CollectorError
from auditor.model import AccessLevel, Capability
from auditor.progress import NullProgress
from auditor.reach import compare
from auditor.snapshot import dump_snapshot, dumps_snapshot, load_snapshot
from tests.standins.graph import (
    DEMO_BASELINE_UPN,
    DEMO_HR_BOT_CLIENT_ID,
    GraphStandIn,
    GraphTenant,
    demo_tenant,
    generated_tenant,
    make_certificate,
)

NOW = datetime(2026, 11, 1, tzinfo=UTC)
SECRET = "demo-secret-not-real-0000"


def _collect(
    standin: GraphStandIn,
    *,
    secret: str = SECRET,
    client_id: str = DEMO_HR_BOT_CLIENT_ID,
    identifiers: tuple[str, ...] = (DEMO_HR_BOT_CLIENT_ID,),
    **settings: object,
):
    request = CollectRequest(
        identifiers=identifiers,
        baseline=DEMO_BASELINE_UPN,
        settings=standin.settings(client_id, **settings),
        timeout=5.0,
        max_retries=3,
    )
    collector = EntraCollector(environ={"AZURE_CLIENT_SECRET": secret})
    return collector.collect(request, clock=FixedClock(NOW), progress=NullProgress())


@pytest.fixture
def demo():
    with GraphStandIn(demo_tenant(NOW)) as standin:
        yield standin


def _sp(snapshot, client_id=DEMO_HR_BOT_CLIENT_ID):
    return next(i for i in snapshot.identities if i.attributes.get("appId") == client_id)


def test_secret_auth_collects_permissions_credentials_owners_and_baseline(demo: GraphStandIn) -> None:
    snap = _collect(demo)
    assert snap.coverage == ()
    bot = _sp(snap)
    assert DEMO_HR_BOT_CLIENT_ID in bot.aliases and bot.id in bot.aliases and "hr-teams-bot" in bot.aliases
    assert {p["permission"] for p in bot.attributes["app_permissions"]} == {
        "Mail.Read",
        "User.Read.All",
        "Directory.ReadWrite.All",
    }
    assert [o["userPrincipalName"] for o in bot.attributes["owners"]] == ["it.admin@acmedemo.onmicrosoft.com"]
    assert (
        Capability("entra", "Microsoft Graph", "Directory.ReadWrite.All", AccessLevel.ADMIN)
        in snap.reach[bot.id]
    )
    (secret,) = [c for c in snap.credentials if c.identity_id == bot.id]
    assert secret.kind == "client_secret" and secret.created == NOW - timedelta(days=400)
    assert secret.attributes["lifetime_days"] == 730.0 and secret.active
    # Baseline: the junior user, found by UPN, with only a delegated User.Read and a group.
    user = next(i for i in snap.identities if i.id == snap.baseline)
    assert user.kind == "user" and DEMO_BASELINE_UPN in user.aliases
    assert user.attributes["groups"][0]["displayName"] == "Sales Team"
    assert snap.reach[user.id] == frozenset(
        {Capability("entra", "Microsoft Graph", "User.Read (delegated)", AccessLevel.READ)}
    )
    # The well-run neighbour: certificate and federated credential are not fetched (not relevant).
    reporting = next(i for i in snap.identities if i.name == "reporting-agent")
    assert reporting.attributes["details_collected"] is False and reporting.attributes["owners"] is None


def test_only_token_and_batch_posts_and_batch_inner_requests_are_gets(demo: GraphStandIn) -> None:
    snap = _collect(demo)
    posts = [r for r in demo.log if r.method != "GET" and not r.inner]
    assert {r.path for r in posts} == {f"/{demo.tenant.tenant_id}/oauth2/v2.0/token", "/v1.0/$batch"}
    assert all(r.method == "GET" for r in demo.log if r.inner)
    # Every outer request (discovery, token, Graph, $batch) is counted; inner ones ride in their POST.
    assert snap.requests == len([r for r in demo.log if not r.inner])


def test_reach_gap_against_the_junior_user(demo: GraphStandIn) -> None:
    snap = _collect(demo)
    gap = compare(snap.reach[_sp(snap).id], snap.reach[snap.baseline])
    assert [c.action for c in gap][0] == "Directory.ReadWrite.All"
    assert {c.action for c in gap} == {"Directory.ReadWrite.All", "Mail.Read", "User.Read.All"}


def test_certificate_auth_with_signed_assertion(tmp_path: Path) -> None:
    key_pem, cert_pem = make_certificate()
    tenant = demo_tenant(NOW)
    tenant.register_client("cert-client", certificate_pem=cert_pem)
    (tmp_path / "client.pem").write_bytes(key_pem + cert_pem)
    with GraphStandIn(tenant) as standin:
        snap = _collect(
            standin, secret="", client_id="cert-client", certificate_path=str(tmp_path / "client.pem")
        )
    assert _sp(snap).attributes["app_permissions"]
    # A certificate that is not registered for the client is refused at the token endpoint.
    other_key, other_cert = make_certificate("intruder")
    (tmp_path / "other.pem").write_bytes(other_key + other_cert)
    with GraphStandIn(tenant) as standin, pytest.raises(CollectorError, match="invalid_client"):
        _collect(standin, secret="", client_id="cert-client", certificate_path=str(tmp_path / "other.pem"))


def test_invalid_secret_is_a_clear_error_without_the_secret(demo: GraphStandIn) -> None:
    wrong = "Wr0ng-Secret-Value-That-Must-Not-Leak"
    with pytest.raises(CollectorError) as info:
        _collect(demo, secret=wrong)
    assert "invalid_client" in str(info.value) and DEMO_HR_BOT_CLIENT_ID in str(info.value)
    assert wrong not in str(info.value)
    assert not any(r.path.startswith("/v1.0") for r in demo.log)


def test_missing_credential_and_settings_are_clear_errors(demo: GraphStandIn) -> None:
    with pytest.raises(CollectorError, match="AZURE_CLIENT_SECRET"):
        _collect(demo, secret="")
    with pytest.raises(CollectorError, match="tenant_id"):
        EntraCollector().collect(
            CollectRequest(settings={"client_id": "x"}), clock=FixedClock(NOW), progress=NullProgress()
        )


def test_unreachable_authority_is_a_collector_error() -> None:
    settings = {
        "tenant_id": "t",
        "client_id": "c",
        "authority_host": "https://127.0.0.1:1",
        "graph_url": "https://127.0.0.1:1",
    }
    with pytest.raises(CollectorError, match="token service"):
        EntraCollector(environ={"AZURE_CLIENT_SECRET": SECRET}).collect(
            CollectRequest(settings=settings, timeout=2.0), clock=FixedClock(NOW), progress=NullProgress()
        )


def test_paging_follows_absolute_next_links_and_batches_per_object_calls() -> None:
    tenant = generated_tenant(120)
    tenant.register_client("bench-client", secret=SECRET)
    with GraphStandIn(tenant, page_size=25) as standin:
        snap = _collect(standin, client_id="bench-client", identifiers=(), page_size=25)
    assert len([i for i in snap.identities if i.kind == "service_principal"]) == 121  # + Microsoft Graph
    pages = [r for r in standin.log if r.path == "/v1.0/servicePrincipals"]
    assert len(pages) == 5 and all("$skiptoken" in r.query for r in pages[1:])
    # 3 privileged apps (every 50th) x 4 per-object calls = 12 inner requests in a single $batch POST.
    assert len([r for r in standin.log if r.inner]) == 12
    assert len([r for r in standin.log if r.path == "/v1.0/$batch"]) == 1
    privileged = [i for i in snap.identities if i.attributes.get("details_collected")]
    assert len(privileged) == 3 and all(i.attributes["owners"] for i in privileged)


def test_forbidden_data_set_becomes_coverage_while_the_rest_is_collected(demo: GraphStandIn) -> None:
    demo.inject("/oauth2PermissionGrants", status=403)
    snap = _collect(demo)
    (skip,) = [s for s in snap.coverage if s.source == "entra:oauth2PermissionGrants"]
    assert skip.category == "access_denied" and "Directory.Read.All" in skip.reason
    assert _sp(snap).attributes["app_permissions"]
    # The user's own grants list was also refused (same path): recorded, not silently empty.
    assert any("users/" in s.source for s in snap.coverage)


def test_throttling_is_retried_top_level_and_inside_batch(demo: GraphStandIn) -> None:
    demo.inject("/applications", exact=True, status=429, times=1, retry_after="0.01")
    demo.inject("/owners", status=429, times=1, retry_after="0.01")
    snap = _collect(demo)
    assert snap.coverage == ()
    assert len([r for r in demo.log if r.path == "/v1.0/applications"]) == 2
    assert len([r for r in demo.log if r.path == "/v1.0/$batch"]) == 2
    assert _sp(snap).attributes["owners"]


def test_throttling_that_never_ends_becomes_coverage(demo: GraphStandIn) -> None:
    demo.inject("/roleManagement/", status=429, retry_after="0")
    snap = _collect(demo)
    (skip,) = snap.coverage
    assert skip.category == "throttled" and "roleAssignments" in skip.source


def test_malformed_answers_become_coverage(demo: GraphStandIn) -> None:
    demo.inject("/roleManagement/directory/roleAssignments", exact=True, malformed=True)
    demo.inject("/federatedIdentityCredentials", malformed=True)
    snap = _collect(demo)
    categories = {s.source: s.category for s in snap.coverage}
    assert categories["entra:roleManagement/directory/roleAssignments"] == "malformed"
    assert any(c == "malformed" for s, c in categories.items() if "federatedIdentityCredentials" in s)
    assert _sp(snap).attributes["app_permissions"]


def test_unknown_baseline_user_is_coverage(demo: GraphStandIn) -> None:
    request = CollectRequest(
        identifiers=(DEMO_HR_BOT_CLIENT_ID,),
        baseline="nobody@acmedemo.onmicrosoft.com",
        settings=demo.settings(DEMO_HR_BOT_CLIENT_ID),
    )
    snap = EntraCollector(environ={"AZURE_CLIENT_SECRET": SECRET}).collect(
        request, clock=FixedClock(NOW), progress=NullProgress()
    )
    assert snap.baseline is None
    assert [s.category for s in snap.coverage] == ["not_found"]


def test_snapshot_round_trips_and_holds_no_secret(demo: GraphStandIn, tmp_path: Path) -> None:
    snap = _collect(demo)
    text = dumps_snapshot(snap)
    assert SECRET not in text and "Q~x" not in text  # neither the secret nor its Graph hint
    dump_snapshot(snap, tmp_path / "entra.json")
    again = load_snapshot(tmp_path / "entra.json")
    assert again.reach == snap.reach and again.baseline == snap.baseline


def test_levels() -> None:
    assert permission_level("Directory.ReadWrite.All") is AccessLevel.ADMIN
    assert permission_level("Application.ReadWrite.OwnedBy") is AccessLevel.ADMIN
    assert permission_level("Mail.ReadWrite") is AccessLevel.WRITE
    assert permission_level("Mail.Send") is AccessLevel.WRITE
    assert permission_level("User.Read.All") is AccessLevel.READ
    assert role_level("Global Administrator") is AccessLevel.ADMIN
    assert role_level("Directory Readers") is AccessLevel.READ


def test_empty_tenant_other_than_graph() -> None:
    tenant = GraphTenant("empty-tenant")
    tenant.register_client("c", secret=SECRET)
    with GraphStandIn(tenant) as standin:
        snap = _collect(standin, client_id="c", identifiers=("c",))
    assert [i.name for i in snap.identities] == ["Microsoft Graph"]
    assert [s.category for s in snap.coverage] == ["not_found"]  # the baseline user does not exist
