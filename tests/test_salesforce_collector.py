"""The Salesforce collector against a local HTTPS stand-in: auth, paging, errors, retries, scale."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from auditor.clock import FixedClock
from auditor.collectors.interface import CollectRequest
from auditor.collectors.salesforce import SalesforceCollector
from auditor.errors import CollectorError
from auditor.model import AccessLevel, Capability
from auditor.progress import NullProgress
from auditor.reach import compare
from auditor.snapshot import dump_snapshot, load_snapshot, snapshot_to_dict
from tests.standins.salesforce import (
    DEMO_BASELINE_USER,
    DEMO_INTEGRATION_USER,
    DEMO_SLACK_APP,
    DEMO_SLACK_CONSUMER_KEY,
    OrgData,
    SalesforceStandIn,
    demo_org,
    generate_org,
    make_keypair,
)

NOW = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)
CLOCK = FixedClock(NOW)
CONSUMER_KEY = "3MVG9AUDITORconsumerkeyForTests"
INVALID_FIELD = [
    {
        "message": "\nSELECT X FROM LoginIpRange\n ^\nERROR at Row:1:Column:8\nNo such column 'X'",
        "errorCode": "INVALID_FIELD",
    }
]


@pytest.fixture(scope="module")
def keypair() -> tuple[str, str]:
    return make_keypair()


class Harness:
    """A running stand-in plus the settings and collector that talk to it."""

    def __init__(self, standin: SalesforceStandIn, key_file: Path, sleeps: list[float]) -> None:
        self.standin = standin
        self.key_file = key_file
        self.sleeps = sleeps

    def settings(self, **extra: Any) -> dict[str, Any]:
        base = {
            "login_url": self.standin.url,
            "consumer_key": CONSUMER_KEY,
            "private_key_file": str(self.key_file),
            "username": DEMO_INTEGRATION_USER,
            "ca_bundle": str(self.standin.ca_path),
            "consumer_keys": {DEMO_SLACK_APP: DEMO_SLACK_CONSUMER_KEY},
        }
        base.update(extra)
        return base

    def collect(
        self,
        identifiers: tuple[str, ...] = (DEMO_INTEGRATION_USER,),
        *,
        baseline: str | None = DEMO_BASELINE_USER,
        environ: dict[str, str] | None = None,
        max_retries: int = 3,
        **settings: Any,
    ) -> Any:
        collector = SalesforceCollector(environ=environ or {}, sleep=self.sleeps.append, base_delay=0.001)
        request = CollectRequest(
            identifiers=identifiers,
            baseline=baseline,
            settings=self.settings(**settings),
            timeout=10,
            max_retries=max_retries,
        )
        return collector.collect(request, clock=CLOCK, progress=NullProgress())


@pytest.fixture
def make_harness(tmp_path: Path, keypair: tuple[str, str]) -> Iterator[Any]:
    running: list[SalesforceStandIn] = []
    key_file = tmp_path / "auditor.key"
    key_file.write_text(keypair[0])

    def start(org: OrgData | None = None, page_size: int = 2000) -> Harness:
        standin = SalesforceStandIn(org or demo_org(), workdir=tmp_path, page_size=page_size)
        standin.__enter__()
        running.append(standin)
        standin.register_client(CONSUMER_KEY, keypair[1])
        return Harness(standin, key_file, [])

    yield start
    for standin in running:
        standin.__exit__(None, None, None)


def _user(snapshot: Any, username: str) -> Any:
    return next(i for i in snapshot.identities if i.name == username)


def test_jwt_bearer_collects_the_demo_org(make_harness: Any) -> None:
    h = make_harness()
    snap = h.collect()
    integ = _user(snap, DEMO_INTEGRATION_USER)
    junior = _user(snap, DEMO_BASELINE_USER)
    assert snap.baseline == junior.id
    assert integ.attributes["profile"] == "System Administrator"
    assert integ.attributes["api_only"] is False
    assert integ.attributes["login_ip_ranges"] == []
    assert "ModifyAllData" in integ.attributes["system_permissions"]
    assert junior.attributes["login_ip_ranges"] == ["198.51.100.0-198.51.100.255"]
    assert DEMO_INTEGRATION_USER in integ.aliases and integ.id in integ.aliases
    app = next(i for i in snap.identities if i.kind == "connected_app" and i.name == DEMO_SLACK_APP)
    assert DEMO_SLACK_CONSUMER_KEY in app.aliases
    assert (
        app.attributes["admin_approved_only"] is False
        and app.attributes["refresh_token_never_expires"] is True
    )
    password = next(c for c in snap.credentials if c.kind == "password" and c.identity_id == integ.id)
    assert password.rotated == datetime(2024, 3, 1, tzinfo=UTC)
    tokens = [c for c in snap.credentials if c.kind == "oauth_token"]
    assert len(tokens) == 4 and all(t.last_used for t in tokens)
    assert snap.coverage == ()
    assert snap.collected_at == NOW
    # Every request is counted: token POST, versions, describe, then 7 queries (one batch of users).
    assert snap.requests == len(h.standin.log) == 10


def test_reach_gap_against_the_junior_user(make_harness: Any) -> None:
    snap = make_harness().collect()
    integ = _user(snap, DEMO_INTEGRATION_USER)
    extra = compare(snap.reach[integ.id], snap.reach[snap.baseline])
    assert Capability("salesforce", "org", "ModifyAllData", AccessLevel.ADMIN) in extra
    assert Capability("salesforce", "Account", "modify_all_records", AccessLevel.ADMIN) in extra
    assert extra[0].level is AccessLevel.ADMIN
    # What the junior rep can do, the admin can too: the reverse gap is empty.
    assert compare(snap.reach[snap.baseline], snap.reach[integ.id]) == ()
    assert Capability("salesforce", "Opportunity", "edit", AccessLevel.WRITE) in snap.reach[snap.baseline]


def test_read_only_and_no_secret_in_snapshot(make_harness: Any, keypair: tuple[str, str]) -> None:
    h = make_harness()
    snap = h.collect()
    methods = {(e.method, e.target) for e in h.standin.log}
    assert all(m == "GET" or t == "token" for m, t in methods)
    assert [e.method for e in h.standin.log].count("POST") == 1
    text = json.dumps(snapshot_to_dict(snap))
    for secret in (*h.standin.tokens, *(t["AccessToken"] for t in h.standin.org.tables["OauthToken"])):
        assert secret not in text
    assert "PRIVATE KEY" not in text and keypair[0][40:80] not in text


def test_snapshot_round_trips(make_harness: Any, tmp_path: Path) -> None:
    snap = make_harness().collect()
    dump_snapshot(snap, tmp_path / "sf.json")
    again = load_snapshot(tmp_path / "sf.json")
    assert snapshot_to_dict(again) == snapshot_to_dict(snap)


def test_jwt_refused_is_a_clear_collector_error(make_harness: Any, keypair: tuple[str, str]) -> None:
    h = make_harness()
    h.standin.register_client(CONSUMER_KEY, keypair[1], approved=["someone.else@acme-demo.example"])
    with pytest.raises(CollectorError) as err:
        h.collect()
    message = str(err.value)
    assert "invalid_grant" in message and "hasn't approved this consumer" in message
    assert "PRIVATE KEY" not in message and "eyJ" not in message
    assert [e.target for e in h.standin.log] == ["token"]


def test_jwt_assertion_signed_with_another_key_is_refused(make_harness: Any, tmp_path: Path) -> None:
    h = make_harness()
    other = tmp_path / "other.key"
    other.write_text(make_keypair()[0])
    with pytest.raises(CollectorError, match="invalid_grant"):
        h.collect(private_key_file=str(other))


def test_password_settings_are_rejected(make_harness: Any) -> None:
    with pytest.raises(CollectorError, match="never signs in with a password"):
        make_harness().collect(password="hunter2hunter2")


def test_access_token_from_environment(make_harness: Any) -> None:
    h = make_harness()
    token = h.standin.issue_token()
    snap = h.collect(
        environ={"SALESFORCE_ACCESS_TOKEN": token}, consumer_key=None, instance_url=h.standin.url
    )
    assert "access_token" in snap.source
    assert "token" not in [e.target for e in h.standin.log]


def test_invalid_session_is_a_collector_error(make_harness: Any) -> None:
    h = make_harness()
    with pytest.raises(CollectorError, match="INVALID_SESSION_ID"):
        h.collect(
            environ={"SALESFORCE_ACCESS_TOKEN": "00Dbogus!token"},
            consumer_key=None,
            instance_url=h.standin.url,
        )


def test_session_expiring_mid_collection_keeps_what_was_read(make_harness: Any) -> None:
    h = make_harness()
    h.standin.fail(
        "PermissionSet", 401, [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]
    )
    snap = h.collect()
    assert _user(snap, DEMO_INTEGRATION_USER)  # users were read before the session died
    sources = [s.source for s in snap.coverage]
    assert "salesforce:PermissionSet" in sources and "salesforce:OauthToken" in sources
    assert all("refused" in s.reason for s in snap.coverage)
    assert snap.reach == {}  # reach unknown, not empty
    assert "ObjectPermissions" not in [e.target for e in h.standin.log]


def test_unreachable_instance_is_a_collector_error(make_harness: Any) -> None:
    h = make_harness()
    token = h.standin.issue_token()
    with pytest.raises(CollectorError, match="cannot reach"):
        h.collect(
            environ={"SALESFORCE_ACCESS_TOKEN": token},
            consumer_key=None,
            instance_url="https://127.0.0.1:9",
            max_retries=2,
        )


def test_invalid_field_on_one_query_becomes_coverage(make_harness: Any) -> None:
    h = make_harness()
    h.standin.fail("LoginIpRange", 400, INVALID_FIELD)
    h.standin.fail(
        "OauthToken", 403, [{"message": "insufficient access rights", "errorCode": "INSUFFICIENT_ACCESS"}]
    )
    snap = h.collect()
    by_source = {s.source: s.reason for s in snap.coverage}
    assert "INVALID_FIELD" in by_source["salesforce:LoginIpRange"]
    assert "No such column" in by_source["salesforce:LoginIpRange"]
    assert "HTTP 403 INSUFFICIENT_ACCESS" in by_source["salesforce:OauthToken"]
    integ = _user(snap, DEMO_INTEGRATION_USER)
    assert integ.attributes["login_ip_ranges"] is None  # unknown, not "no range"
    assert snap.facts["oauth_tokens_collected"] is False
    assert integ.id in snap.reach and snap.facts["connected_apps_collected"] is True


def test_throttling_is_retried_honouring_retry_after(make_harness: Any) -> None:
    h = make_harness()
    body = [{"message": "ConcurrentPerOrgLongTxn Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}]
    h.standin.fail("User", 503, body, headers={"Retry-After": "2"}, times=1)
    h.standin.fail("User", 429, body, headers={"Retry-After": "3"}, times=1)
    snap = h.collect()
    assert _user(snap, DEMO_INTEGRATION_USER)
    assert h.sleeps == [2.0, 3.0]
    assert [e.status for e in h.standin.log if e.target == "User"] == [503, 429, 200]
    assert snap.coverage == ()
    assert snap.requests == len(h.standin.log)


def test_throttling_that_never_ends_becomes_coverage(make_harness: Any) -> None:
    h = make_harness()
    h.standin.fail(
        "ConnectedApplication", 503, [{"message": "busy", "errorCode": "SERVER_UNAVAILABLE"}], times=None
    )
    snap = h.collect(max_retries=3)
    reason = {s.source: s.reason for s in snap.coverage}["salesforce:ConnectedApplication"]
    assert "gave up after 3 attempts" in reason
    assert len(h.sleeps) == 2  # backoff between the attempts, no Retry-After
    assert [e.target for e in h.standin.log].count("ConnectedApplication") == 3


def test_daily_limit_stops_further_queries(make_harness: Any) -> None:
    h = make_harness()
    h.standin.fail(
        "LoginIpRange",
        403,
        [{"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}],
    )
    snap = h.collect()
    reasons = {s.source: s.reason for s in snap.coverage}
    assert "request limit" in reasons["salesforce:LoginIpRange"]
    assert "not queried" in reasons["salesforce:OauthToken"]
    assert "OauthToken" not in [e.target for e in h.standin.log]


def test_malformed_answers_become_coverage(make_harness: Any) -> None:
    h = make_harness()
    h.standin.fail("ConnectedApplication", 200, raw="{this is not json")
    h.standin.fail("OauthToken", 200, {"totalSize": 1, "done": True})
    snap = h.collect()
    reasons = {s.source: s.reason for s in snap.coverage}
    assert "not JSON" in reasons["salesforce:ConnectedApplication"]
    assert "no records list" in reasons["salesforce:OauthToken"]
    assert _user(snap, DEMO_INTEGRATION_USER).id in snap.reach


def test_paging_follows_next_records_url(make_harness: Any) -> None:
    org = generate_org(60, 30, tokens_every=1)
    h = make_harness(org, page_size=7)
    users = tuple(f"user{i:05d}@bigorg.example" for i in range(25))
    snap = h.collect(users, baseline="user00030@bigorg.example", username="user00001@bigorg.example")
    assert len([i for i in snap.identities if i.kind == "user"]) == 26
    assert len([c for c in snap.credentials if c.kind == "oauth_token"]) == 60
    pages = [e.path for e in h.standin.log if e.target == "page"]
    assert pages and all("/query/01g" in p for p in pages)
    # Reach computed from paged assignments matches a direct computation from the org tables.
    uid = org.user_id("user00005@bigorg.example")
    ps_ids = {a["PermissionSetId"] for a in org.tables["PermissionSetAssignment"] if a["AssigneeId"] == uid}
    objects = {
        o["SobjectType"]
        for o in org.tables["ObjectPermissions"]
        if o["ParentId"] in ps_ids and any(o[k] for k in o if k.startswith("Permissions"))
    }
    assert {c.resource for c in snap.reach[uid] if c.resource != "org"} == objects


def test_permission_fields_follow_describe(make_harness: Any) -> None:
    # An edition whose PermissionSet lacks most Permissions* fields: only the described ones are queried.
    org = OrgData(permission_fields=("ModifyAllData", "ViewAllData", "ApiEnabled", "ViewSetup"))
    for name in ("System Administrator", "Standard User"):
        org.add_profile(name, ModifyAllData=name == "System Administrator", ApiEnabled=True)
    org.add_user(DEMO_INTEGRATION_USER, profile="System Administrator")
    org.add_user(DEMO_BASELINE_USER, profile="Standard User")
    h = make_harness(org)
    snap = h.collect()
    integ = _user(snap, DEMO_INTEGRATION_USER)
    assert integ.attributes["system_permissions"] == ["ApiEnabled", "ModifyAllData"]
    assert integ.attributes["api_only"] is None  # ApiUserOnly absent from describe: unknown
    missing = {s.source: s.reason for s in snap.coverage}["salesforce:PermissionSet describe"]
    assert "ManageUsers" in missing


def test_query_count_is_constant_when_the_org_grows(make_harness: Any) -> None:
    counts = []
    for size in (50, 2000):
        h = make_harness(generate_org(size, 40), page_size=2000)
        ids = ("user00001@bigorg.example", "user00002@bigorg.example")
        snap = h.collect(ids, baseline="user00003@bigorg.example", username="user00001@bigorg.example")
        counts.append((snap.requests, [e.target for e in h.standin.log]))
        assert len([i for i in snap.identities if i.kind == "user"]) == 3
    assert counts[0] == counts[1]
    assert counts[0][0] == 10


def test_configured_ca_bundle_wins_over_requests_ca_bundle(make_harness: Any, monkeypatch: Any) -> None:
    import certifi  # noqa: PLC0415

    h = make_harness()
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    snap = h.collect()
    assert _user(snap, DEMO_INTEGRATION_USER)
    with pytest.raises(CollectorError, match="SSLError"):
        h.collect(ca_bundle=None, max_retries=1)
