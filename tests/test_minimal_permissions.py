"""Each documented minimal permission set (docs/collectors/*.md) is enough for a full collection, tested
against the stand-ins that enforce permissions: the real OpenBao server enforces the Vault ACL policy, moto
enforces the IAM policy (INITIAL_NO_AUTH_ACTION_COUNT), the Graph stand-in answers 403 to calls outside the
application permissions the token was granted, and the Salesforce stand-in applies the auditor user's API
Enabled, View Setup and Configuration and Customize Application (OAuth tokens of all users). The sets are
read from the docs themselves, so the page a user copies from is the one under test.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from auditor.clock import FixedClock
from auditor.collectors.interface import CollectRequest
from auditor.model import Snapshot
from auditor.progress import NullProgress
from tests.standins.aws import MotoEndpoint, aws, boto_client, moto_server  # noqa: F401
from tests.standins.vault import BaoServer, bao, create_token, write_policy  # noqa: F401

DOCS = Path(__file__).resolve().parents[1] / "docs" / "collectors"
NOW = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)


def _block(page: str, language: str) -> str:
    match = re.search(rf"```{language}\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"), re.S)
    assert match, f"no {language} block in docs/collectors/{page}"
    return match.group(1)


def _unread(snap: Snapshot) -> tuple[Any, ...]:
    return tuple(getattr(snap, "unread", ()))


# -- Vault: the documented ACL policy on a real OpenBao server ------------------------------------------
def _vault_collect(addr: str, token: str, monkeypatch: pytest.MonkeyPatch) -> Snapshot:
    from auditor.collectors.vault import VaultCollector

    monkeypatch.setenv("VAULT_ADDR", addr)
    monkeypatch.setenv("VAULT_TOKEN", token)
    request = CollectRequest(baseline=["default"], max_retries=2, timeout=10)
    return VaultCollector().collect(request, clock=FixedClock(NOW), progress=NullProgress())


def test_documented_vault_policy_collects_everything(
    bao: BaoServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uid = uuid.uuid4().hex[:8]
    client = bao.client()
    approle = f"approle-{uid}"
    client.sys.enable_auth_method("approle", path=approle)
    # An AppRole whose secret ids never expire: BA-304 must see it through the minimal policy.
    client.write(f"auth/{approle}/role/open-{uid}", token_policies="default", secret_id_ttl=0)
    client.write(f"auth/{approle}/role/tight-{uid}", token_policies="default", secret_id_ttl=600)
    kv = f"kv-{uid}"
    client.sys.enable_secrets_engine("kv", path=kv, options={"version": "2"})
    for name in ("app/one", "app/deeper/two", "top"):
        client.secrets.kv.v2.create_or_update_secret(path=name, mount_point=kv, secret={"v": "not-real"})
    client.sys.enable_secrets_engine("database", path=f"db-{uid}")
    policy = f"botaudit-minimal-{uid}"
    write_policy(bao, policy, _block("vault.md", "hcl"))
    minimal = create_token(bao, [policy], no_default_policy=True, ttl="10m")["client_token"]

    snap = _vault_collect(bao.addr, minimal, monkeypatch)
    assert snap.coverage == (), [(s.source, s.reason) for s in snap.coverage]
    assert _unread(snap) == ()
    roles = {i.name: i for i in snap.identities if i.kind == "vault_approle"}
    assert {f"open-{uid}", f"tight-{uid}"} <= set(roles), sorted(roles)
    assert roles[f"open-{uid}"].attributes.get("secret_id_ttl") in (0, "0", "0s")

    # The same collection as root, part for part: the policy hides nothing the collector reads.
    full = _vault_collect(bao.addr, bao.root_token, monkeypatch)
    assert {i.id for i in full.identities if i.kind != "vault_token"} == {
        i.id for i in snap.identities if i.kind != "vault_token"
    }
    assert set(json.dumps(full.facts.get(k), sort_keys=True) for k in full.facts if k != "token") == set(
        json.dumps(snap.facts.get(k), sort_keys=True) for k in snap.facts if k != "token"
    )

    # And the policy never reads a secret value.
    import hvac

    with pytest.raises(hvac.exceptions.Forbidden):
        bao.client(minimal).secrets.kv.v2.read_secret_version(
            path="top", mount_point=kv, raise_on_deleted_version=True
        )


# -- AWS: the documented IAM policy, enforced by moto -------------------------------------------------
def test_documented_iam_policy_collects_everything(aws: MotoEndpoint) -> None:  # noqa: F811
    import boto3

    from auditor.collectors.aws import READ_ACTIONS, AwsCollector

    document = json.loads(_block("aws.md", "json"))
    documented = {a for st in document["Statement"] for a in st["Action"]}
    assert documented == set(READ_ACTIONS), "docs/collectors/aws.md and the collector disagree"
    iam = boto_client("iam", aws.url)
    iam.create_user(UserName="junior-analyst")
    iam.create_user(UserName="agent-bot")
    key = iam.create_access_key(UserName="agent-bot")["AccessKey"]["AccessKeyId"]
    boto_client("secretsmanager", aws.url).create_secret(Name="agent/db", SecretString="not-real")
    iam.create_user(UserName="botaudit-auditor")
    iam.put_user_policy(
        UserName="botaudit-auditor", PolicyName="botaudit-read-only", PolicyDocument=json.dumps(document)
    )
    creds = iam.create_access_key(UserName="botaudit-auditor")["AccessKey"]
    aws.enforce_iam_after(0)

    def session(_: object) -> object:
        return boto3.Session(
            aws_access_key_id=creds["AccessKeyId"],
            aws_secret_access_key=creds["SecretAccessKey"],
            region_name="us-east-1",
        )

    request = CollectRequest(identifiers=(key,), baseline="arn:aws:iam::123456789012:user/junior-analyst")
    snap = AwsCollector(session_factory=session).collect(
        request, clock=FixedClock(NOW), progress=NullProgress()
    )
    assert snap.coverage == (), [(s.source, s.reason) for s in snap.coverage]
    assert _unread(snap) == ()
    assert {"agent-bot", "junior-analyst", "botaudit-auditor"} <= {i.name for i in snap.identities}
    assert key in {c.id for c in snap.credentials}
    # moto enforces for real: tests/test_aws_collector.py shows the same policy one action short refused.


# -- Entra / Graph: the documented application permissions, enforced by the Graph stand-in ------------
AUDITOR_CLIENT_ID = "0c6a4d1e-2f3b-4a5c-9d8e-7f6a5b4c3d2e"
AUDITOR_SECRET = "auditor-secret-not-real-0000"


def _documented_graph_permissions() -> frozenset[str]:
    text = (DOCS / "entra.md").read_text(encoding="utf-8")
    match = re.search(r"So: \*\*(.*?)\*\*", text)
    assert match, "docs/collectors/entra.md no longer states the minimal permission set ('So: **...**')"
    return frozenset(re.findall(r"`([A-Za-z.]+)`", match.group(1)))


def _entra_collect(permissions: frozenset[str]) -> Snapshot:
    from auditor.collectors.entra import EntraCollector
    from tests.standins.graph import DEMO_BASELINE_UPN, DEMO_HR_BOT_CLIENT_ID, GraphStandIn, demo_tenant

    tenant = demo_tenant(NOW)
    tenant.register_client(AUDITOR_CLIENT_ID, secret=AUDITOR_SECRET, permissions=permissions)
    with GraphStandIn(tenant) as standin:
        request = CollectRequest(
            identifiers=(DEMO_HR_BOT_CLIENT_ID,),
            baseline=DEMO_BASELINE_UPN,
            settings=standin.settings(AUDITOR_CLIENT_ID),
            timeout=5.0,
            max_retries=1,
        )
        collector = EntraCollector(environ={"AZURE_CLIENT_SECRET": AUDITOR_SECRET})
        return collector.collect(request, clock=FixedClock(NOW), progress=NullProgress())


def test_documented_graph_permissions_collect_everything() -> None:
    documented = _documented_graph_permissions()
    assert documented == {"Application.Read.All", "RoleManagement.Read.Directory", "Directory.Read.All"}
    snap = _entra_collect(documented)
    assert snap.coverage == (), [(s.source, s.reason) for s in snap.coverage]
    assert _unread(snap) == ()
    assert any(i.kind == "service_principal" for i in snap.identities)


@pytest.mark.parametrize(
    "granted",
    [
        frozenset({"Application.Read.All", "RoleManagement.Read.Directory"}),
        frozenset({"Application.Read.All"}),
    ],
)
def test_the_graph_standin_enforces_permissions(granted: frozenset[str]) -> None:
    """Short of the documented set, the stand-in refuses the parts not granted: the test above could fail."""
    snap = _entra_collect(granted)
    refused = [s for s in snap.coverage if "403" in s.reason or s.category == "access_denied"]
    assert refused or _unread(snap), sorted(granted)


# -- Salesforce: the documented auditor permission set, enforced by the Salesforce stand-in -----------------
AUDITOR_USERNAME = "botaudit-auditor@acme-demo.example"
SF_CONSUMER_KEY = "3MVG9AUDITORminimalPermissionsTest"


def _documented_salesforce_permissions() -> frozenset[str]:
    text = (DOCS / "salesforce.md").read_text(encoding="utf-8")
    section = text[text.index("## Minimal permissions") : text.index("## What it queries")]
    return frozenset(re.findall(r"\(`Permissions(\w+)`\)", section))


def _salesforce_collect(tmp_path: Path, permissions: frozenset[str]) -> tuple[Snapshot, int]:
    from auditor.collectors.salesforce import SalesforceCollector
    from tests.standins.salesforce import (
        DEMO_BASELINE_USER,
        DEMO_INTEGRATION_USER,
        SalesforceStandIn,
        demo_org,
        make_keypair,
    )

    org = demo_org()
    auditor = org.add_user(AUDITOR_USERNAME, profile="Minimum Access - API Only Integrations")
    org.assign(auditor, org.add_permission_set("Botaudit_Auditor", **dict.fromkeys(permissions, True)))
    private_pem, public_pem = make_keypair()
    key_file = tmp_path / "auditor.key"
    key_file.write_text(private_pem, encoding="utf-8")
    with SalesforceStandIn(org, workdir=tmp_path, enforce_permissions=True) as standin:
        standin.register_client(SF_CONSUMER_KEY, public_pem)
        settings = {
            "login_url": standin.url,
            "consumer_key": SF_CONSUMER_KEY,
            "private_key_file": str(key_file),
            "username": AUDITOR_USERNAME,
            "ca_bundle": str(standin.ca_path),
        }
        request = CollectRequest(
            identifiers=(DEMO_INTEGRATION_USER,),
            baseline=DEMO_BASELINE_USER,
            settings=settings,
            max_retries=1,
        )
        collector = SalesforceCollector(environ={}, sleep=lambda _: None, base_delay=0.001)
        snap = collector.collect(request, clock=FixedClock(NOW), progress=NullProgress())
        return snap, len(org.tables["OauthToken"])


def test_documented_salesforce_permissions_collect_everything(tmp_path: Path) -> None:
    documented = _documented_salesforce_permissions()
    assert documented == {"ApiEnabled", "ViewSetup", "ViewAllUsers", "CustomizeApplication"}
    snap, tokens = _salesforce_collect(tmp_path, documented)
    assert snap.coverage == (), [(s.source, s.reason) for s in snap.coverage]
    assert _unread(snap) == ()
    # Every OAuth token of every user, not only the auditor's own (Customize Application).
    assert tokens > 0 and len([c for c in snap.credentials if c.kind == "oauth_token"]) == tokens


def test_the_salesforce_standin_enforces_permissions(tmp_path: Path) -> None:
    """Short of a documented permission, the stand-in refuses or hides: the test above could fail."""
    documented = _documented_salesforce_permissions()
    snap, _ = _salesforce_collect(tmp_path, documented - {"ViewSetup"})
    refused = {s.source for s in snap.coverage} | {str(u) for u in _unread(snap)}
    assert any("PermissionSet" in s or "LoginIpRange" in s or "ConnectedApplication" in s for s in refused), (
        refused
    )
    snap, tokens = _salesforce_collect(tmp_path, documented - {"CustomizeApplication"})
    assert len([c for c in snap.credentials if c.kind == "oauth_token"]) < tokens
