"""Code collectors: identities, credentials and reach declared in IaC and platform metadata (issue 13).

Fixtures under tests/data/iac/ are modelled on public Terraform, CloudFormation, Entra manifests, Vault
policies, SFDX metadata and RBAC manifests; `safe/` holds the least-privilege versions (no finding expected).
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.clock import FixedClock
from auditor.collectors.code import CodeSource, collect_code
from auditor.collectors.code.entra_model import graph_catalogue
from auditor.collectors.vault_policy import parse_policy
from auditor.durations import parse_duration
from auditor.extract.iac_marks import iac_kind
from auditor.model import AccessLevel, Platform, ScanResult, Snapshot
from auditor.scan import ScanOptions, run

DATA = Path(__file__).parent / "data" / "iac"
NOW = datetime(2026, 11, 1, tzinfo=UTC)
CLOCK = FixedClock(NOW)


def _sources(root: Path) -> list[CodeSource]:
    out = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            rel = path.relative_to(root).as_posix()
            fmt = (
                "json" if path.suffix == ".json" else "yaml" if path.suffix in (".yaml", ".yml") else "other"
            )
            kind = iac_kind(rel, fmt, path.read_bytes())
            if kind:
                out.append(CodeSource(rel, path, kind))
    return out


@pytest.fixture(scope="module")
def snaps() -> dict[Platform, Snapshot]:
    snapshots, _ = collect_code(_sources(DATA), baselines={}, clock=CLOCK)
    return snapshots


@pytest.fixture(scope="module")
def fixture_scan() -> ScanResult:
    return run(ScanOptions(paths=(DATA,)), clock=CLOCK)


def _ident(snap: Snapshot, ident_id: str):  # type: ignore[no-untyped-def]
    return next(i for i in snap.identities if i.id == ident_id)


# -- the Graph permission catalogue (data, checked against Microsoft's documented identifiers) --------------
@pytest.mark.parametrize(
    ("guid", "kind", "name"),
    [
        ("19dbc75e-c2e2-444c-a770-ec69d8559fc7", "Role", "Directory.ReadWrite.All"),
        ("9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8", "Role", "RoleManagement.ReadWrite.Directory"),
        ("1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "Role", "Application.ReadWrite.All"),
        ("06b708a9-e830-4db3-a914-8e69da51d44f", "Role", "AppRoleAssignment.ReadWrite.All"),
        ("810c84a8-4a9e-49e6-bf7d-12d183f40d01", "Role", "Mail.Read"),
        ("b633e1c5-b582-4048-a93e-9f11b44c7e96", "Role", "Mail.Send"),
        ("df021288-bdef-4463-88db-98f22de89214", "Role", "User.Read.All"),
        ("d07a8cc0-3d51-4b77-b3b0-32704d1f69fa", "Role", "AccessReview.Read.All"),
        ("e1fe6dd8-ba31-4d61-89e7-88639da4683d", "Scope", "User.Read"),
        ("570282fd-fa5c-430d-a7fd-fc8dc98a9dca", "Scope", "Mail.Read"),
        ("ebfcd32b-babb-40f4-a14b-42706e83bd28", "Scope", "AccessReview.Read.All"),
        ("c79f8feb-a9db-4090-85f9-90d820caa0eb", "Scope", "Application.Read.All"),
    ],
)
def test_graph_catalogue_maps_documented_ids(guid: str, kind: str, name: str) -> None:
    assert graph_catalogue().name(guid, kind) == name
    assert graph_catalogue().name(guid.upper(), kind) == name


def test_graph_catalogue_is_well_formed() -> None:
    cat = graph_catalogue()
    guid = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    assert len(cat.application) > 500 and len(cat.delegated) > 500
    for table in (cat.application, cat.delegated):
        assert all(guid.match(k) for k in table)
        assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+", v) for v in table.values())
    # Microsoft reuses an identifier across both kinds only for the same permission (User.Export.All).
    shared = set(cat.application) & set(cat.delegated)
    assert all(cat.application[g] == cat.delegated[g] for g in shared) and len(shared) < 5
    assert cat.name("00000000-0000-0000-0000-000000000000", "Role") is None


# -- durations in any notation -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30d", 2592000),
        ("720h", 2592000),
        ("P30D", 2592000),
        ("PT12H", 43200),
        ("2592000", 2592000),
        ("1h30m", 5400),
        ("30 days", 2592000),
        ("2 weeks", 1209600),
        ("17520h", 63072000),
        ("0", 0),
        (3600, 3600),
        ("soon", None),
        ("30x", None),
        ("", None),
        ("1" * 100, None),
    ],
)
def test_parse_duration(text: object, seconds: int | None) -> None:
    assert parse_duration(text) == seconds


# -- discovery marks only IaC and metadata files -------------------------------------------------------------
@pytest.mark.parametrize(
    ("rel", "fmt", "data", "kind"),
    [
        ("infra/main.tf", "hcl", b'resource "x" "y" {}', "terraform"),
        ("infra/main.tf.json", "json", b"{}", "terraform_json"),
        ("plan.json", "json", b'{"format_version": "1.2", "planned_values": {}}', "terraform_plan"),
        ("aad.manifest.json", "json", b'{"requiredResourceAccess": []}', "entra_manifest"),
        ("stack.yaml", "yaml", b"AWSTemplateFormatVersion: '2010-09-09'\nResources: {}", "cloudformation"),
        ("rbac.yaml", "yaml", b"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role", "k8s_rbac"),
        ("policies/a.hcl", "hcl", b'path "x" { capabilities = ["read"] }', "vault_policy"),
        ("agent.hcl", "hcl", b"auto_auth { }", "vault_agent"),
        ("role.json", "json", b'{"secret_id_ttl": 0, "token_policies": []}', "vault_json"),
        (
            "x/A.connectedApp-meta.xml",
            "text",
            b'<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"/>',
            "sfdx",
        ),
        ("config/user-def.json", "json", b'{"profileName": "Standard User"}', "sfdx_user"),
        (
            "manifest.yaml",
            "yaml",
            b"display_information:\n  name: x\noauth_config:\n  scopes:\n    bot: [chat:write]",
            "slack_manifest",
        ),
        (
            "slack/manifest.json",
            "json",
            b'{"oauth_config": {}, "settings": {"token_rotation_enabled": true}}',
            "slack_manifest",
        ),  # fmt: skip
        # NOT marked: ordinary configuration, source and documents
        ("config.json", "json", b'{"api_key": "x", "path": "/tmp"}', None),
        ("deploy.yaml", "yaml", b"kind: Deployment\nmetadata: {name: x}", None),
        ("README.md", "text", b"requiredResourceAccess AWS::IAM::User", None),
        ("app.py", "source", b"capabilities = ['read']", None),
        ("terragrunt.hcl", "hcl", b'inputs = { name = "x" }', None),
        ("fake.connectedApp-meta.xml", "text", b"<ConnectedApp/>", None),
        ("oauth.yaml", "yaml", b"oauth_config:\n  client_id: x\n", None),  # not a Slack manifest
    ],
)
def test_iac_marks(rel: str, fmt: str, data: bytes, kind: str | None) -> None:
    assert iac_kind(rel, fmt, data) == kind


def test_static_only_tree_never_runs_code_collectors(tmp_path: Path) -> None:
    (tmp_path / "agent.yaml").write_text("name: bot\nopenai_api_key: ${OPENAI_API_KEY}\n", encoding="utf-8")
    (tmp_path / "app.py").write_text("import os\nkey = os.environ['SLACK_BOT_TOKEN']\n", encoding="utf-8")
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    assert all(f.iac is None for f in result.files)
    assert not result.snapshots


# -- Terraform: AWS ------------------------------------------------------------------------------------------
def test_terraform_iam_user_with_keys_policy_document_and_escalation(snaps: dict[Platform, Snapshot]) -> None:
    aws = snaps[Platform.AWS]
    user = _ident(aws, "aws_iam_user.triage_agent")
    assert user.name == "support-triage-agent" and user.kind == "iam_user"
    assert user.attributes["provenance"] == {
        "source": "code",
        "path": "terraform/aws/iam.tf",
        "line": 15,
        "address": "aws_iam_user.triage_agent",
    }
    assert user.attributes["tags"] == {"team": "support-eng", "purpose": "ai-agent"}
    assert "iam:PassRole on *" in user.attributes["escalations"]
    assert not user.attributes["admin_equivalent"]
    keys = [c for c in aws.credentials if c.identity_id == user.id]
    assert sorted(c.id for c in keys) == [
        "aws_iam_access_key.triage_agent",
        "aws_iam_access_key.triage_agent_old",
    ]
    reach = {(c.action, c.resource) for c in aws.reach[user.id]}
    assert ("s3:GetObject", "${aws_s3_bucket.tickets.arn}/*") in reach


def test_terraform_role_with_managed_admin_and_customer_policy(snaps: dict[Platform, Snapshot]) -> None:
    aws = snaps[Platform.AWS]
    worker = _ident(aws, "aws_iam_role.triage_worker")
    assert worker.attributes["admin_equivalent"] is True
    assert worker.attributes["trust_principals"] == {"Service": ["lambda.amazonaws.com"]}
    assert worker.attributes["max_session_duration"] == 43200
    junior = _ident(aws, "aws_iam_role.support_junior")
    assert {c.action for c in aws.reach[junior.id]} == {"s3:GetObject", "s3:ListBucket"}
    assert junior.attributes["policies"] == ["support-tickets-read"]


def test_terraform_plan_json_is_read_with_module_addresses(snaps: dict[Platform, Snapshot]) -> None:
    aws = snaps[Platform.AWS]
    bot = _ident(aws, "aws_iam_user.this")
    assert bot.name == "reporting-bot" and bot.attributes["admin_equivalent"] is True
    assert bot.attributes["provenance"]["path"] == "plan/tfplan.json"
    assert bot.attributes["provenance"]["line"] == 11
    assert any(c.identity_id == bot.id and c.active for c in aws.credentials)


def test_security_groups_open_to_the_world(snaps: dict[Platform, Snapshot]) -> None:
    groups = {(g["name"], g["ports"]): g for g in snaps[Platform.AWS].facts["security_groups"]}
    assert groups[("support-triage-api", "22")]["sensitive_ports"] == ["22 (SSH)"]
    assert (
        "support-triage-api",
        "443",
    ) in groups  # world-open but not sensitive: recorded, judged by the rule
    assert groups[("AgentHostSG", "0-65535")]["all_ports"] is True
    assert not [g for g in groups.values() if g["name"] == "summarizer-internal"]


def test_cloudformation_intrinsics_and_managed_policies(snaps: dict[Platform, Snapshot]) -> None:
    aws = snaps[Platform.AWS]
    user = _ident(aws, "agent-stack/InvoiceAgentUser")
    assert user.name == "invoice-agent-prod"  # !Sub with the parameter's default
    assert user.attributes["admin_equivalent"] is True  # !Sub arn:${AWS::Partition}:...:AdministratorAccess
    assert user.attributes["console_password"] is True
    reader = _ident(aws, "agent-stack/InvoiceReaderRole")
    assert {c.action for c in aws.reach[reader.id]} == {"dynamodb:GetItem", "dynamodb:Query"}


# -- Entra ---------------------------------------------------------------------------------------------------
def test_azuread_application_permissions_and_password_lifetime(snaps: dict[Platform, Snapshot]) -> None:
    entra = snaps[Platform.ENTRA]
    app = _ident(entra, "azuread_application.mail_assistant")
    perms = {(p["permission"], p["declared"]) for p in app.attributes["app_permissions"]}
    assert perms == {
        ("Mail.Read", "requested"),
        ("Directory.ReadWrite.All", "requested"),
        ("Mail.Send", "assigned"),
    }
    assert app.attributes["requested_scopes"] == [
        {"resource": "Microsoft Graph", "scope": "User.Read", "declared": "requested"}
    ]
    grant = app.attributes["delegated_grants"][0]
    assert grant["consentType"] == "AllPrincipals" and grant["scopes"] == ["Mail.ReadWrite", "User.Read"]
    secret = next(c for c in entra.credentials if c.identity_id == app.id)
    assert secret.kind == "client_secret"
    assert secret.expires is not None and secret.created == NOW
    assert (secret.expires - NOW).days == 730  # end_date_relative = "17520h"
    levels = {c.action: c.level for c in entra.reach[app.id]}
    assert levels["Directory.ReadWrite.All"] is AccessLevel.ADMIN


def test_entra_manifests_by_name_and_by_guid(snaps: dict[Platform, Snapshot]) -> None:
    entra = snaps[Platform.ENTRA]
    toolkit = _ident(entra, "manifest:entra/aad.manifest.json")
    assert toolkit.name == "hr-helper-aad"
    assert toolkit.attributes["appId"] is None  # ${{AAD_APP_CLIENT_ID}} is a placeholder, not a join key
    assert {p["permission"] for p in toolkit.attributes["app_permissions"]} == {
        "User.Read.All",
        "Sites.FullControl.All",
    }
    router = _ident(entra, "manifest:entra/ticket-router.application.json")
    assert "c3e1a7b2-6d54-4f1e-8b0a-9d2e4f6a8c10" in router.aliases
    assert {p["permission"] for p in router.attributes["app_permissions"]} == {
        "RoleManagement.ReadWrite.Directory",
        "User.Read.All",
    }
    secret = next(c for c in entra.credentials if c.identity_id == router.id)
    assert secret.id == "e8a3c1d0-77b4-4f2a-9c6e-3b5d0f1a2e47" and secret.expires is not None
    assert secret.expires.year == 2299
    assert secret.attributes["provenance"]["line"] == 14  # the keyId line


def test_unknown_graph_guid_is_partial_not_silent(tmp_path: Path) -> None:
    manifest = {
        "displayName": "mystery",
        "requiredResourceAccess": [
            {
                "resourceAppId": "00000003-0000-0000-c000-000000000000",
                "resourceAccess": [{"id": "12345678-1234-1234-1234-123456789abc", "type": "Role"}],
            }
        ],
    }
    path = tmp_path / "app.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    snapshots, _ = collect_code([CodeSource("app.json", path, "entra_manifest")], baselines={}, clock=CLOCK)
    snap = snapshots[Platform.ENTRA]
    assert snap.identities[0].attributes["unresolved_permissions"]
    assert any("12345678-1234-1234-1234-123456789abc" in s.reason for s in snap.coverage)


# -- Vault ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        'path "sys/*" { capabilities = ["sudo", "read"] }',
        'path "sys/*"{capabilities=["sudo","read"]}',
        'path "sys/*"\n{\n  capabilities = [\n    "sudo",\n    "read",\n  ]\n}\n',
        'path "sys/*" # admin\n{\n  capabilities = ["sudo", "read"]\n}',
        'path "sys/*" { capabilities = ["sudo", "read"], }',
        '# c\npath "sys/*" {\n  capabilities = ["sudo"] // x\n  /* y */ capabilities = ["sudo", "read"]\n}',
        '{"path": {"sys/*": {"capabilities": ["sudo", "read"]}}}',
        '{"path": [{"sys/*": {"capabilities": ["sudo", "read"]}}]}',
    ],
)
def test_vault_policy_every_layout(text: str) -> None:
    (rule,) = parse_policy("p", text)
    assert rule.pattern == "sys/*" and rule.capabilities == {"sudo", "read"}


def test_vault_policy_layout_keeps_commas_in_strings() -> None:
    (rule,) = parse_policy("p", 'path "a,}" { capabilities = ["read"], }')
    assert rule.pattern == "a,}"


def test_vault_declarations(snaps: dict[Platform, Snapshot]) -> None:
    vault = snaps[Platform.VAULT]
    ops = _ident(vault, "approle:approle/ops-agent")
    assert ops.attributes["secret_id_ttl"] == 0 and ops.attributes["token_period"] == 86400
    assert ops.attributes["policies"] == ["agent-ops", "default"]
    assert ops.attributes["unknown_policies"] == []
    assert ops.attributes["sudo_paths"] == ["sys/leases/*"]
    billing = _ident(vault, "approle:approle/approle-billing-bot")
    assert billing.attributes["token_period"] == 2592000 and billing.attributes["broad_paths"] == ["sys/*"]
    token = _ident(vault, "token:vault_token.ci_bootstrap")
    assert token.attributes["period"] == 768 * 3600 and token.attributes["ttl_declared"] is False
    admin = _ident(vault, "policy:ops-admin")
    assert admin.attributes["provenance"]["line"] == 2
    assert vault.facts["agent_configs"][0]["methods"][0]["keeps_secret_id_file"] is True
    reach = {(c.resource, c.action) for c in vault.reach[ops.id]}
    assert ("secret/*", "delete") in reach and ("sys/leases/*", "sudo") in reach


# -- Salesforce metadata -------------------------------------------------------------------------------------
def test_sfdx_connected_app_profile_permset_and_user(snaps: dict[Platform, Snapshot]) -> None:
    sf = snaps[Platform.SALESFORCE]
    app = _ident(sf, "connected_app:Pipeline_Agent")
    assert app.name == "Pipeline Agent"
    assert app.attributes["admin_approved_only"] is False
    assert app.attributes["refresh_token_never_expires"] is True
    assert app.attributes["ip_restrictions_relaxed"] is True
    assert app.attributes["broad_scopes"] == ["Full"]
    assert "3MVG9TESTpipelineAgent.ConsumerKey.NotASecret.q8Wm2Lx7" in app.aliases
    safe = _ident(sf, "connected_app:Summarizer")
    assert (
        safe.attributes["refresh_token_never_expires"] is False
        and not safe.attributes["ip_restrictions_relaxed"]
    )
    user = _ident(sf, "user:pipeline-agent@revops.example")
    assert user.attributes["profile"] == "Pipeline Integration"
    assert user.attributes["system_permissions"] == ["ApiEnabled", "ViewAllData"]
    assert user.attributes["api_only"] is False and user.attributes["login_ip_ranges"] == []
    actions = {(c.resource, c.action) for c in sf.reach[user.id]}
    assert ("Opportunity", "modify_all_records") in actions and ("org", "ViewAllData") in actions


# -- Kubernetes RBAC -----------------------------------------------------------------------------------------
def test_k8s_rbac_subjects(snaps: dict[Platform, Snapshot]) -> None:
    k8s = snaps[Platform.KUBERNETES]
    release = _ident(k8s, "serviceaccount:agents/release-agent")
    assert release.attributes["cluster_admin"] is True
    summarizer = _ident(k8s, "serviceaccount:agents/summarizer")
    assert summarizer.attributes["cluster_admin"] is False
    assert summarizer.attributes["escalations"] == ["create on pods/exec (Role/summarizer)"]
    assert any("* (Role/summarizer" in w for w in summarizer.attributes["wildcard_rules"])


# -- the rules judge code identities unchanged, anchored to the declaring line -------------------------------
EXPECTED = [
    ("BA-204", "terraform/aws/iam.tf", 15),
    ("BA-205", "cloudformation/agent-stack.yaml", 10),
    ("BA-206", "terraform/aws/iam.tf", 55),
    ("BA-206", "plan/tfplan.json", 11),
    ("BA-206", "cloudformation/agent-stack.yaml", 10),
    ("BA-207", "terraform/aws/iam.tf", 15),
    ("BA-208", "terraform/aws/iam.tf", 15),
    ("BA-210", "terraform/aws/iam.tf", 107),
    ("BA-210", "cloudformation/agent-stack.yaml", 58),
    ("BA-302", "vault/policies/ops-admin.hcl", 2),
    ("BA-303", "terraform/vault/main.tf", 27),
    ("BA-303", "terraform/vault/main.tf", 35),
    ("BA-303", "vault/approle-billing-bot.json", 18),
    ("BA-304", "terraform/vault/main.tf", 27),
    ("BA-304", "vault/approle-billing-bot.json", 18),
    ("BA-405", "sfdx/force-app/main/default/connectedApps/Pipeline_Agent.connectedApp-meta.xml", 17),
    ("BA-406", "sfdx/force-app/main/default/connectedApps/Pipeline_Agent.connectedApp-meta.xml", 17),
    ("BA-409", "sfdx/force-app/main/default/connectedApps/Pipeline_Agent.connectedApp-meta.xml", 17),
    ("BA-501", "terraform/azuread/app.tf", 10),
    ("BA-501", "entra/ticket-router.application.json", 19),
    ("BA-502", "entra/aad.manifest.json", 12),
    ("BA-503", "entra/ticket-router.application.json", 19),
    ("BA-504", "entra/ticket-router.application.json", 19),
    ("BA-505", "terraform/azuread/app.tf", 10),
    ("BA-505", "entra/ticket-router.application.json", 19),
    ("BA-506", "terraform/azuread/app.tf", 10),
    ("BA-507", "terraform/azuread/app.tf", 10),
    ("BA-701", "slack/manifest.yaml", 28),
    ("BA-702", "slack/manifest.yaml", 28),
    ("BA-703", "slack/manifest.yaml", 20),
    ("BA-704", "slack/manifest.yaml", 20),
    ("BA-704", "slack/manifest.yaml", 28),
    ("BA-801", "k8s/rbac.yaml", 9),
    ("BA-801", "k8s/rbac.yaml", 35),
]


@pytest.mark.parametrize(("rule_id", "path", "line"), EXPECTED)
def test_platform_rules_fire_on_declarations(
    fixture_scan: ScanResult, rule_id: str, path: str, line: int
) -> None:
    hits = [
        f
        for f in fixture_scan.findings
        if f.rule_id == rule_id
        and f.location is not None
        and (f.location.path, f.location.line) == (path, line)
    ]
    assert hits, [(f.rule_id, f.location) for f in fixture_scan.findings if f.rule_id == rule_id]


def test_least_privilege_declarations_raise_no_platform_finding(fixture_scan: ScanResult) -> None:
    platform_rules = {f"BA-{n}" for n in range(200, 1000)}
    safe = [
        (f.rule_id, f.message)
        for f in fixture_scan.findings
        if f.location is not None and f.location.path.startswith("safe/") and f.rule_id in platform_rules
    ]
    assert safe == []


def test_unknowable_facts_are_not_evaluated_never_passed(fixture_scan: ScanResult) -> None:
    reasons = {(n.rule_id, n.subject): n.reason for n in fixture_scan.coverage.not_evaluated}
    assert "declared in code" in reasons[("BA-203", "aws_iam_access_key.triage_agent")]
    assert ("BA-202", "aws_iam_access_key.triage_agent") in reasons
    assert not [f for f in fixture_scan.findings if f.rule_id == "BA-203"]


def test_inline_allow_on_a_declaration_suppresses_its_finding(tmp_path: Path) -> None:
    tf = (
        'resource "aws_iam_role" "ops" {  # botaudit:allow break-glass role, reviewed\n'
        '  name = "break-glass"\n'
        "}\n"
        'resource "aws_iam_role_policy_attachment" "ops" {\n'
        "  role       = aws_iam_role.ops.name\n"
        '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n'
        "}\n"
    )
    (tmp_path / "main.tf").write_text(tf, encoding="utf-8")
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    (admin,) = [f for f in result.findings if f.rule_id == "BA-206"]
    assert admin.location is not None and admin.location.line == 1 and admin.suppressed


# -- baselines declared in code, agents linked to their own declarations -------------------------------------
def _agent_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(DATA / "terraform" / "aws", root / "triage-agent" / "infra")
    (root / "triage-agent" / "agent.yaml").write_text(
        "name: support-triage\nllm:\n  api_key: ${OPENAI_API_KEY}\naws:\n  region: eu-west-1\n",
        encoding="utf-8",
    )
    (root / "botaudit.yaml").write_text(
        "version: 1\n"
        "agents:\n"
        "  - name: support-triage\n"
        '    paths: ["triage-agent/**"]\n'
        "    kind: crewai\n"
        "baseline:\n"
        "  aws: arn:aws:iam::111122223333:role/support-junior\n",
        encoding="utf-8",
    )
    return root


def test_reach_gap_offline_against_a_baseline_declared_in_code(tmp_path: Path) -> None:
    result = run(ScanOptions(paths=(_agent_repo(tmp_path),)), clock=CLOCK)
    aws = next(s for s in result.snapshots if s.platform is Platform.AWS)
    assert aws.source == "code:aws" and aws.baseline == "aws_iam_role.support_junior"
    gaps = {(g.agent, g.identity): g for g in result.gaps}
    gap = gaps[("support-triage", "support-triage-agent")]
    assert gap.baseline == "support-junior"
    assert {c.action for c in gap.extra} >= {"iam:PassRole", "lambda:CreateFunction"}
    assert "s3:GetObject" not in {c.action for c in gap.extra}  # the junior can read tickets too
    assert ("support-triage", "support-triage-worker") in gaps
    res = [r for r in result.resolutions if r.identity_name == "support-triage-agent"]
    assert res and res[0].via.startswith("declared in the agent's code (triage-agent/infra/iam.tf:15")
    assert not [r for r in result.resolutions if r.identity_name == "support-junior"]
    static = [f for f in result.findings if f.rule_id == "BA-201"]
    assert static and static[0].agent == "support-triage"


# -- reconciliation: live wins, drift is a finding -----------------------------------------------------------
def _live_aws(path: Path, *, worker_actions: list[str]) -> Path:
    def ident(name: str, kind: str) -> dict[str, object]:
        seg = "user" if kind == "iam_user" else "role"
        arn = f"arn:aws:iam::111122223333:{seg}/{name}"
        return {"id": arn, "name": name, "kind": kind, "aliases": [arn, name], "attributes": {"arn": arn}}

    snap = {
        "schema_version": 1,
        "kind": "botaudit-snapshot",
        "platform": "aws",
        "collected_at": "2026-10-30T00:00:00+00:00",
        "source": "aws:account/111122223333",
        "baseline": None,
        "requests": 4,
        "identities": [ident("support-junior", "iam_role"), ident("support-triage-agent", "iam_user")],
        "credentials": [],
        "reach": {
            "arn:aws:iam::111122223333:role/support-junior": [
                ["${aws_s3_bucket.tickets.arn}/*", a, "write" if a.endswith("PutObject") else "read"]
                for a in worker_actions
            ],
            "arn:aws:iam::111122223333:user/support-triage-agent": [["*", "iam:PassRole", "admin"]],
        },
        "coverage": [],
        "facts": {"secrets_listed": True, "secrets": []},
    }
    path.write_text(json.dumps(snap), encoding="utf-8")
    return path


def test_live_snapshot_wins_and_wider_platform_policy_is_drift(tmp_path: Path) -> None:
    live = _live_aws(tmp_path / "aws.json", worker_actions=["s3:GetObject", "s3:ListBucket", "s3:PutObject"])
    tree = tmp_path / "tree"
    shutil.copytree(DATA / "terraform" / "aws", tree)
    result = run(ScanOptions(paths=(tree,), snapshot_files=(live,)), clock=CLOCK)
    aws = next(s for s in result.snapshots if s.platform is Platform.AWS)
    assert aws.source == "aws:account/111122223333 + code:aws"
    junior = next(i for i in aws.identities if i.name == "support-junior")
    assert junior.id.startswith("arn:aws:iam::")  # the live identity, not the declared one
    assert junior.attributes["declared_at"]["path"] == "iam.tf"
    assert not [i for i in aws.identities if i.id == "aws_iam_role.support_junior"]
    drift = [f for f in result.findings if f.rule_id == "BA-901"]
    wider = [f for f in drift if "support-junior" in f.message]
    assert wider and "s3:PutObject" in wider[0].message
    assert wider[0].location is not None and wider[0].location.path == "iam.tf"
    missing = [f for f in drift if "not on the platform" in f.message]
    assert {m.identity for m in missing} >= {"aws_iam_role.triage_worker"}
    assert all(m.severity.value == "low" for m in missing)


def test_no_drift_when_platform_matches_code(tmp_path: Path) -> None:
    live = _live_aws(tmp_path / "aws.json", worker_actions=["s3:GetObject", "s3:ListBucket"])
    tree = tmp_path / "tree"
    shutil.copytree(DATA / "terraform" / "aws", tree)
    result = run(ScanOptions(paths=(tree,), snapshot_files=(live,)), clock=CLOCK)
    assert not [f for f in result.findings if f.rule_id == "BA-901" and "support-junior" in f.message]


def test_code_collector_reports_unparseable_files(tmp_path: Path) -> None:
    (tmp_path / "broken.tf").write_text('resource "aws_iam_user" "x" {\n  name = \n', encoding="utf-8")
    (tmp_path / "ok.tf").write_text('resource "aws_iam_user" "y" {\n  name = "y"\n}\n', encoding="utf-8")
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    assert [s for s in result.coverage.skipped if s.source == "broken.tf" and "not valid HCL" in s.reason]
    aws = next(s for s in result.snapshots if s.platform is Platform.AWS)
    assert [i.name for i in aws.identities] == ["y"]


# -- confused deputy in code --------------------------------------------------------------------------------
DEPUTY = DATA / "deputy"


@pytest.mark.parametrize(
    ("folder", "platform", "entry", "steps"),
    [
        ("slack-py", "salesforce", "Slack Bolt @app.message", ["app.py:23", "app.py:18", "app.py:11"]),
        (
            "teams-py",
            "entra",
            "Bot Framework on_message_activity",
            ["bot.py:6", "graph.py:16", "graph.py:12", "graph.py:7"],
        ),
        ("slack-js", "entra", "Slack Bolt app.command()", ["index.ts:22", "index.ts:14", "index.ts:6"]),
    ],
)
def test_deputy_call_paths(folder: str, platform: str, entry: str, steps: list[str]) -> None:
    from auditor.collectors.code.deputy import find_paths

    files = [(p.name, p) for p in sorted((DEPUTY / folder).iterdir())]
    (path,) = find_paths(files)
    assert (path.platform, path.entry) == (platform, entry)
    assert [s.split(" ", 1)[0] for s in path.steps] == steps


def test_deputy_cleared_by_on_behalf_of() -> None:
    from auditor.collectors.code.deputy import find_paths

    assert find_paths([(p.name, p) for p in sorted((DEPUTY / "safe-py").iterdir())]) == []


def test_deputy_finding_with_the_call_path(tmp_path: Path) -> None:
    shutil.copytree(DEPUTY / "teams-py", tmp_path / "hr-bot")
    shutil.copytree(DEPUTY / "safe-py", tmp_path / "obo-bot")
    (tmp_path / "botaudit.yaml").write_text(
        "version: 1\nagents:\n"
        '  - {name: hr-bot, paths: ["hr-bot/**"], kind: teams_bot, multi_user: true}\n'
        '  - {name: obo-bot, paths: ["obo-bot/**"], kind: teams_bot, multi_user: true}\n',
        encoding="utf-8",
    )
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    (finding,) = [f for f in result.findings if f.rule_id == "BA-115"]
    assert finding.agent == "hr-bot" and finding.platform is Platform.ENTRA
    assert finding.location is not None and (finding.location.path, finding.location.line) == (
        "hr-bot/bot.py",
        6,
    )
    assert finding.evidence["call_path"][-1].startswith(
        "hr-bot/graph.py:7 cca = msal.ConfidentialClientApplication"
    )


def test_entra_gap_against_a_junior_user_declared_in_terraform(tmp_path: Path) -> None:
    agent = tmp_path / "mail-agent"
    shutil.copytree(DATA / "terraform" / "azuread", agent / "infra")
    (tmp_path / "people.tf").write_text(
        'resource "azuread_user" "junior" {\n'
        '  user_principal_name = "junior.analyst@contoso.example"\n'
        '  display_name        = "Junior Analyst"\n'
        "}\n",
        encoding="utf-8",
    )
    (agent / "agent.yaml").write_text(
        "name: mail\nazure:\n  tenant_id: ${AZURE_TENANT_ID}\n", encoding="utf-8"
    )
    (tmp_path / "botaudit.yaml").write_text(
        "version: 1\nagents:\n"
        '  - {name: mail-agent, paths: ["mail-agent/**"], kind: langgraph}\n'
        "baseline:\n  entra: junior.analyst@contoso.example\n",
        encoding="utf-8",
    )
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    entra = next(s for s in result.snapshots if s.platform is Platform.ENTRA)
    assert entra.baseline == "azuread_user.junior"
    (gap,) = [g for g in result.gaps if g.agent == "mail-agent"]
    assert gap.baseline == "Junior Analyst" and gap.escalation
    assert {c.action for c in gap.extra} >= {"Directory.ReadWrite.All", "Mail.Read", "Mail.Send"}


# -- rules over data only code holds: never silent when only live data exists -----------------------------
def test_live_only_aws_snapshot_leaves_security_groups_not_evaluated(tmp_path: Path) -> None:
    live = _live_aws(tmp_path / "aws.json", worker_actions=["s3:GetObject"])
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "README.md").write_text("an agent without infrastructure code\n", encoding="utf-8")
    result = run(ScanOptions(paths=(tree,), snapshot_files=(live,)), clock=CLOCK)
    reasons = {n.subject: n.reason for n in result.coverage.not_evaluated if n.rule_id == "BA-210"}
    assert "Terraform or CloudFormation" in reasons["aws security groups"]
    assert "reads IAM, not EC2" in reasons["aws security groups"]
    assert not [f for f in result.findings if f.rule_id == "BA-210"]
    # With the Terraform that declares the security groups, the same rule judges them.
    shutil.copytree(DATA / "terraform" / "aws", tree / "infra")
    result = run(ScanOptions(paths=(tree,), snapshot_files=(live,)), clock=CLOCK)
    assert [f for f in result.findings if f.rule_id == "BA-210"]
    assert not [n for n in result.coverage.not_evaluated if n.rule_id == "BA-210"]


def _live_salesforce(path: Path) -> Path:
    """A live snapshot holding the connected app the SFDX fixture declares (joined by its label)."""
    app_id = "0H47Q000000PipeAAA"
    snap = {
        "schema_version": 1,
        "kind": "botaudit-snapshot",
        "platform": "salesforce",
        "collected_at": "2026-10-30T00:00:00+00:00",
        "source": "revops.my.salesforce.com",
        "baseline": None,
        "requests": 5,
        "identities": [
            {
                "id": app_id,
                "name": "Pipeline Agent",
                "kind": "connected_app",
                "aliases": ["Pipeline Agent", app_id],
                "attributes": {
                    "admin_approved_only": True,
                    "refresh_token_validity_period": 30,
                    "refresh_token_never_expires": False,
                },
            }
        ],
        "credentials": [],
        "reach": {},
        "coverage": [],
        "facts": {"connected_apps_collected": True, "oauth_tokens_collected": True},
    }
    path.write_text(json.dumps(snap), encoding="utf-8")
    return path


def test_connected_app_policy_in_metadata_is_judged_beside_the_live_app(tmp_path: Path) -> None:
    live = _live_salesforce(tmp_path / "salesforce.json")
    tree = tmp_path / "tree"
    shutil.copytree(DATA / "sfdx", tree / "sfdx")
    result = run(ScanOptions(paths=(tree,), snapshot_files=(live,)), clock=CLOCK)
    sf = next(s for s in result.snapshots if s.platform is Platform.SALESFORCE)
    app = next(i for i in sf.identities if i.name == "Pipeline Agent")
    # Live wins where it reads (its refresh-token policy), the metadata adds what live cannot read.
    assert app.id == "0H47Q000000PipeAAA" and app.attributes["refresh_token_never_expires"] is False
    assert app.attributes["ip_relaxation"] == "BYPASS" and "declared_at" in app.attributes
    (relaxed,) = [f for f in result.findings if f.rule_id == "BA-409"]
    assert relaxed.identity == "Pipeline Agent" and relaxed.location is not None
    assert relaxed.location.path.endswith("Pipeline_Agent.connectedApp-meta.xml")
    assert not [f for f in result.findings if f.rule_id == "BA-406" and f.identity == "Pipeline Agent"]


# -- Kubernetes: a baseline declared in code (there is no live collector) ------------------------------------
JUNIOR_BINDING = """\
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: junior-view
  namespace: agents
subjects:
  - kind: ServiceAccount
    name: junior
    namespace: agents
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
"""


def _k8s_repo(tmp_path: Path, baseline: str) -> Path:
    root = tmp_path / "repo"
    (root / "release-bot" / "deploy").mkdir(parents=True)
    shutil.copy(DATA / "k8s" / "rbac.yaml", root / "release-bot" / "deploy" / "rbac.yaml")
    (root / "platform").mkdir()
    (root / "platform" / "junior.yaml").write_text(JUNIOR_BINDING, encoding="utf-8")
    (root / "botaudit.yaml").write_text(
        "version: 1\n"
        "agents:\n"
        "  - name: release-bot\n"
        '    paths: ["release-bot/**"]\n'
        "    kind: custom\n"
        f"baseline:\n  kubernetes: {json.dumps(baseline)}\n",
        encoding="utf-8",
    )
    return root


def _k8s_gaps(result: ScanResult) -> dict[str, set[tuple[str, str]]]:
    return {
        g.identity: {(c.resource, c.action) for c in g.extra}
        for g in result.gaps
        if g.platform is Platform.KUBERNETES
    }


@pytest.mark.parametrize(
    "baseline", ["ClusterRole/view", "system:serviceaccount:agents:junior", "agents/junior"]
)
def test_kubernetes_reach_gap_against_a_baseline_declared_in_code(tmp_path: Path, baseline: str) -> None:
    result = run(ScanOptions(paths=(_k8s_repo(tmp_path, baseline),)), clock=CLOCK)
    k8s = next(s for s in result.snapshots if s.platform is Platform.KUBERNETES)
    assert k8s.baseline is not None
    gaps = _k8s_gaps(result)
    # The summarizer's reads are the junior's too (cluster-wide for a ClusterRole baseline, in its namespace
    # for the junior service account); exec into pods is not.
    assert gaps["agents/summarizer"] == {("namespace/agents:pods/exec", "create")}
    assert ("cluster:*", "*") in gaps["agents/release-agent"]
    assert not [g for g in result.gaps if g.identity == "agents/junior"]


def test_kubernetes_baseline_that_names_nothing_is_reported(tmp_path: Path) -> None:
    result = run(ScanOptions(paths=(_k8s_repo(tmp_path, "ClusterRole/nope"),)), clock=CLOCK)
    assert not _k8s_gaps(result)
    (entry,) = [s for s in result.coverage.skipped if s.category == "baseline_not_found"]
    assert "ClusterRole/nope" in entry.reason and not entry.by_design


def test_kubernetes_baseline_is_a_config_key() -> None:
    from auditor.config import parse_config
    from auditor.errors import ConfigError

    assert parse_config("version: 1\nbaseline:\n  kubernetes: ClusterRole/view\n").baseline == {
        "kubernetes": "ClusterRole/view"
    }
    with pytest.raises(ConfigError):
        parse_config("version: 1\nbaseline:\n  kubernetes: [view]\n")


def test_idle_platform_notes_never_suggest_a_collector_that_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("no manifests here\n", encoding="utf-8")
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    notes = {s.source: s.reason for s in result.coverage.skipped if s.category == "not_connected"}
    assert "--connect" not in notes["kubernetes"] and "no live Kubernetes collector" in notes["kubernetes"]
    assert "RBAC manifests" in notes["kubernetes"]
    assert "use --connect aws or --snapshot" in notes["aws"] and "Terraform or CloudFormation" in notes["aws"]


def test_code_and_live_collectors_share_their_platform_facts() -> None:
    """One definition of Vault's control-plane paths and dynamic engines, and of IAM trust parsing: the code
    collector once carried its own copies, which had drifted (no `sys/leases/revoke-prefix`, six engines
    missing)."""
    from auditor.collectors import aws, vault
    from auditor.collectors.aws_policy import trust_principals
    from auditor.collectors.code import aws_model, tf_vault, vault_model
    from auditor.collectors.vault_facts import DYNAMIC_ENGINES, control_paths

    universe = vault_model.VaultCode().universe()
    assert set(control_paths([], ["approle"], ["secret"])) <= set(universe)
    assert "sys/leases/revoke-prefix/secret" in universe
    assert vault.DYNAMIC_ENGINES is tf_vault.DYNAMIC_ENGINES is DYNAMIC_ENGINES
    assert aws.trust_principals is aws_model.trust_principals is trust_principals
    trust = {
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}},
            {"Effect": "Allow", "Principal": "*"},
            {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}},
        ]
    }
    assert trust_principals(trust) == {"Service": ["lambda.amazonaws.com"], "AWS": ["*"]}


# -- Slack app manifests: the live collector's model, from the repository -----------------------------------
SLACK_MANIFEST = DATA / "slack" / "manifest.yaml"


def test_slack_manifest_tokens(snaps: dict[Platform, Snapshot]) -> None:
    slack = snaps[Platform.SLACK]
    bot = _ident(slack, "slack_app:deal-desk-assistant:bot")
    user = _ident(slack, "slack_app:deal-desk-assistant:user")
    assert (bot.kind, bot.name) == ("bot_token", "Deal Desk Assistant (bot_token)")
    assert "dealdesk-bot (bot_token)" in bot.aliases
    assert bot.attributes["rotation"] is False and bot.attributes["install"] == "org"
    assert bot.attributes["owner"] == {"name": "dealdesk-bot", "is_bot": True}
    assert bot.attributes["socket_mode"] is True and bot.attributes["channels_known"] is False
    assert "chat:write.customize" in bot.attributes["scopes"]
    assert user.attributes["scopes"] == ["admin.conversations:write", "admin.users:read", "search:read"]
    assert user.attributes["owner"]["is_bot"] is False
    levels = {c.action: c.level for c in slack.reach[user.id]}
    assert levels["admin.users:read"] is AccessLevel.ADMIN and levels["search:read"] is AccessLevel.READ
    safe = _ident(slack, "slack_app:standup-notes:bot")
    assert safe.attributes["rotation"] is True and safe.attributes["install"] == "workspace"
    assert not [i for i in slack.identities if i.id == "slack_app:standup-notes:user"]  # no user scopes
    assert {c.kind for c in slack.credentials} == {"bot_token", "user_token"}


def test_slack_manifest_identities_carry_the_live_collectors_attributes() -> None:
    """Same model as the live collector: every attribute a live token identity has, a declared one has too."""
    from auditor.collectors.code.interface import Declarations
    from auditor.collectors.code.slack_manifest import add_manifest, read_manifest
    from auditor.collectors.slack import _token_identity

    live, _, _ = _token_identity(
        {"type": "bot_token", "fp": "0" * 16, "scopes": ["chat:write"], "rotation": True, "channels": []}
    )
    text = SLACK_MANIFEST.read_text(encoding="utf-8")
    data = read_manifest(text)
    assert data is not None
    decl = Declarations(Platform.SLACK)
    add_manifest(decl, data, text, "manifest.yaml")
    for ident in decl.identities.values():
        assert set(live.attributes) <= set(ident.attributes), set(live.attributes) - set(ident.attributes)
    assert read_manifest("oauth_config: {client_id: x}\n") is None
    assert read_manifest("{not json") is None


def test_slack_reach_gap_offline_against_the_configured_member(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "dealdesk").mkdir(parents=True)
    shutil.copy(SLACK_MANIFEST, root / "dealdesk" / "manifest.yaml")
    (root / "botaudit.yaml").write_text(
        "version: 1\nbaseline:\n  slack: junior.rep@example.com\n", encoding="utf-8"
    )
    result = run(ScanOptions(paths=(root,)), clock=CLOCK)
    slack = next(s for s in result.snapshots if s.platform is Platform.SLACK)
    assert slack.source == "code:slack" and slack.baseline == "user:junior.rep@example.com"
    gaps = {g.identity: {c.action for c in g.extra} for g in result.gaps if g.platform is Platform.SLACK}
    assert gaps["Deal Desk Assistant (bot_token)"] == {"chat:write.customize", "app_mentions:read"}
    assert {"admin.users:read", "admin.conversations:write"} <= gaps["Deal Desk Assistant (user_token)"]
    assert "search:read" not in gaps["Deal Desk Assistant (user_token)"]  # a member can search too
    assert not [f for f in result.findings if f.rule_id == "BA-901"]


def test_slack_manifest_beside_a_live_snapshot_is_judged_and_never_drift(tmp_path: Path) -> None:
    snap = {
        "schema_version": 1,
        "kind": "botaudit-snapshot",
        "platform": "slack",
        "collected_at": "2026-10-30T00:00:00+00:00",
        "source": "slack:T0DEMO (demo)",
        "baseline": None,
        "requests": 3,
        "identities": [
            {
                "id": "token:" + "a" * 16,
                "name": "helpdesk (bot_token)",
                "kind": "bot_token",
                "aliases": ["fp:" + "a" * 16],
                "attributes": {"token_type": "bot_token", "rotation": True, "scopes": ["chat:write"]},
            }
        ],
        "credentials": [],
        "reach": {},
        "coverage": [],
        "facts": {},
    }
    live = tmp_path / "slack.json"
    live.write_text(json.dumps(snap), encoding="utf-8")
    tree = tmp_path / "tree"
    (tree / "dealdesk").mkdir(parents=True)
    shutil.copy(SLACK_MANIFEST, tree / "dealdesk" / "manifest.yaml")
    result = run(ScanOptions(paths=(tree,), snapshot_files=(live,)), clock=CLOCK)
    slack = next(s for s in result.snapshots if s.platform is Platform.SLACK)
    assert slack.source == "slack:T0DEMO (demo) + code:slack"
    # The live snapshot sees only the tokens botaudit was given: a declared app missing there is not drift.
    assert not [f for f in result.findings if f.rule_id == "BA-901"]
    assert {f.rule_id for f in result.findings if f.platform is Platform.SLACK} >= {"BA-702", "BA-704"}


def test_a_static_scan_reads_a_slack_manifest_without_the_slack_sdk(tmp_path: Path) -> None:
    import subprocess
    import sys

    shutil.copy(SLACK_MANIFEST, tmp_path / "manifest.yaml")
    code = (
        "import sys\nfrom pathlib import Path\nfrom auditor.scan import ScanOptions, run\n"
        f"result = run(ScanOptions(paths=(Path({str(tmp_path)!r}),)))\n"
        "print(sorted(s.platform.value for s in result.snapshots))\n"
        "sdk = {'slack_sdk', 'auditor.collectors.slack'}\n"
        "print(sorted(m for m in sys.modules if m in sdk or m.startswith('slack_sdk.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.splitlines() == ["['slack']", "[]"], out.stdout + out.stderr


def test_slack_channels_of_a_declared_token_are_not_evaluated_and_say_why(fixture_scan: ScanResult) -> None:
    reasons = {n.subject: n.reason for n in fixture_scan.coverage.not_evaluated if n.rule_id == "BA-705"}
    assert "app manifest" in reasons["slack_app:deal-desk-assistant:bot"]
    assert not [f for f in fixture_scan.findings if f.rule_id == "BA-705"]


def test_salesforce_reach_gap_offline_against_a_permission_set_in_the_metadata(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(DATA / "sfdx", root / "pipeline-agent")
    (root / "botaudit.yaml").write_text(
        "version: 1\n"
        "agents:\n"
        "  - name: pipeline-agent\n"
        '    paths: ["pipeline-agent/**"]\n'
        "    kind: custom\n"
        "baseline:\n"
        "  salesforce: permission_set:Pipeline_Reader\n",
        encoding="utf-8",
    )
    result = run(ScanOptions(paths=(root,)), clock=CLOCK)
    sf = next(s for s in result.snapshots if s.platform is Platform.SALESFORCE)
    assert sf.baseline == "permission_set:Pipeline_Reader"
    (gap,) = [g for g in result.gaps if g.platform is Platform.SALESFORCE]
    assert (gap.agent, gap.identity, gap.baseline) == (
        "pipeline-agent",
        "pipeline-agent@revops.example",
        "Pipeline_Reader",
    )
    extra = {(c.resource, c.action) for c in gap.extra}
    assert {("Opportunity", "modify_all_records"), ("org", "ViewAllData")} <= extra
    assert ("Opportunity", "read") not in extra  # the junior permission set reads opportunities too


def test_a_declared_slack_manifest_is_judged_once_for_rotation(fixture_scan: ScanResult) -> None:
    """BA-704 judges each declared token; BA-106's manifest clause stays for manifests no collector read."""
    manifest = "slack/manifest.yaml"
    on_manifest = [f for f in fixture_scan.findings if f.location is not None and f.location.path == manifest]
    assert not [f for f in on_manifest if f.rule_id == "BA-106"]
    assert len([f for f in on_manifest if f.rule_id == "BA-704"]) == 2  # the bot and the user token


def test_an_undeclared_slack_manifest_still_gets_ba_106(tmp_path: Path) -> None:
    (tmp_path / "manifest.yaml").write_text(
        "display_information:\n  name: Lunch Bot\nfeatures:\n  bot_user:\n    display_name: lunch\n",
        encoding="utf-8",
    )
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    assert not [s for s in result.snapshots if s.platform is Platform.SLACK]  # no oauth_config: no tokens
    assert [f for f in result.findings if f.rule_id == "BA-106"]
