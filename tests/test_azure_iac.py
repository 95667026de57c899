"""Azure IaC: Bicep and ARM templates read as infrastructure code.

Fixtures under tests/data/azure_iac/ are written for these tests, modelled on the shapes public Teams Toolkit,
azd and Bot Framework templates use: a Teams bot whose app registration signs in with a client secret, the
same bot as a user-assigned managed identity, an azd app reaching Azure OpenAI through its managed identity
and a role, an azd app given the OpenAI key by listKeys (with two secrets typed as parameter defaults), a
Bot Framework ARM template, and an app registration declared with the Microsoft Graph Bicep extension.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.clock import FixedClock
from auditor.collectors.code import collect_code
from auditor.extract.bicep import BicepError, Expr, parse_bicep
from auditor.extract.iac_marks import iac_kind
from auditor.extract.regexcheck import check_linear
from auditor.model import AccessLevel, AuthModel, Platform, ScanResult, Snapshot
from auditor.scan import ScanOptions, run
from tests.adversarial.workcount import Work, measure, verdict
from tests.test_code_collectors import _sources

DATA = Path(__file__).parent / "data" / "azure_iac"
NOW = datetime(2026, 11, 1, tzinfo=UTC)
CLOCK = FixedClock(NOW)


@pytest.fixture(scope="module")
def entra() -> Snapshot:
    snapshots, skipped = collect_code(_sources(DATA), baselines={}, clock=CLOCK)
    assert not skipped
    return snapshots[Platform.ENTRA]


@pytest.fixture(scope="module")
def scan() -> ScanResult:
    return run(ScanOptions(paths=(DATA,)), clock=CLOCK)


def _ident(snap: Snapshot, ident_id: str):  # type: ignore[no-untyped-def]
    return next(i for i in snap.identities if i.id == ident_id)


# -- discovery ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rel", "fmt", "data", "kind"),
    [
        ("infra/main.bicep", "bicep", b"param location string\n", "bicep"),
        ("infra/main.bicepparam", "bicep", b"using './main.bicep'\n", "bicep"),
        (
            "azuredeploy.json",
            "json",
            b'{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",'
            b' "resources": []}',
            "arm_template",
        ),
        (
            "infra/sub.json",
            "json",
            b'{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/'
            b'subscriptionDeploymentTemplate.json#", "resources": []}',
            "arm_template",
        ),
        # a parameters file holds values, not declarations: its secrets are judged, nothing is collected
        (
            "infra/azure.parameters.json",
            "json",
            b'{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",'
            b' "parameters": {}}',
            None,
        ),
        ("docs/deploymentTemplate.md", "text", b"deploymentTemplate.json resources", None),
    ],
)
def test_bicep_and_arm_templates_are_marked_as_iac(rel: str, fmt: str, data: bytes, kind: str | None) -> None:
    assert iac_kind(rel, fmt, data) == kind


# -- the Bicep reader ---------------------------------------------------------------------------------------
BICEP = """\
// comment with 'quotes' and { braces
@secure()
@description('The bot\\'s password')
param botPassword string

param names array = [
  'one'
  'two'
]

var suffix = uniqueString(resourceGroup().id)

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-${suffix}'

  resource stored 'secrets' = {
    name: 'bot-password'
    properties: { value: botPassword }
  }
}

resource sites 'Microsoft.Web/sites@2022-09-01' = [for name in names: {
  name: name
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${id.id}': {} }
  }
}]

resource maybe 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (deploy) {
  name: 'id-${suffix}'
}

this is not bicep at all
output id string = maybe.id
"""


def test_the_reader_keeps_declarations_decorators_and_lines() -> None:
    parsed = parse_bicep(BICEP)
    by_name = {d.name: d for d in parsed.decls}
    password = by_name["botPassword"]
    assert (
        password.kind == "param" and password.decorators == ("secure", "description") and password.line == 4
    )
    assert by_name["names"].value == ["one", "two"]
    assert isinstance(by_name["suffix"].value, Expr)
    vault = by_name["vault"]
    assert vault.existing and vault.value["name"] == Expr("'kv-${suffix}'", 14)
    stored = by_name["stored"]
    assert stored.type == "Microsoft.KeyVault/vaults/secrets" and stored.parent == "vault"
    assert stored.value["properties"]["value"] == Expr("botPassword", 18)
    sites = by_name["sites"]
    assert sites.value.loop and sites.value["identity"]["type"] == "UserAssigned"
    assert sites.value.lines["identity"] == 24
    assert by_name["maybe"].value.condition == Expr("(deploy)", 30)
    assert by_name["id"].kind == "output"
    assert parsed.unknown == [34]  # the line it could not read is counted, never guessed at


@pytest.mark.parametrize(
    "text",
    [
        "param p string = 'never closed\n",
        "resource r 'T@1' = {\n  name: 'x'\n",
        "var v = [1, 2)\n",
        "/* a comment that never ends\n",
    ],
)
def test_text_that_does_not_close_is_an_error_with_a_line(text: str) -> None:
    with pytest.raises(BicepError, match="line"):
        parse_bicep(text)


def test_nesting_past_the_limit_is_an_unread_statement_not_a_crash() -> None:
    parsed = parse_bicep("var deep = " + "[" * 5000 + "]" * 5000 + "\nparam after string\n")
    assert [d.name for d in parsed.decls] == ["after"] and parsed.unknown == [1]


@contextmanager
def _no_chars(work: Work) -> Iterator[None]:
    yield


@pytest.mark.parametrize(
    "unit",
    [
        "resource r 'T@1' = {\n  name: 'x'\n  properties: { a: b.c, d: [1, 2] }\n}\n",
        "var s = '${'${'${x}'}'}'\n",
        "x" * 60 + " ",  # one long line of words the reader skips
        "'${",  # unterminated interpolations
        "{[(",  # brackets that never close
    ],
)
def test_the_reader_does_linear_work(unit: str) -> None:
    # Counted, not timed: the Python lines the reader runs grow about 4x from n to 4n characters.
    def read(text: str) -> object:
        try:
            return parse_bicep(text)
        except BicepError:
            return None

    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    small = measure(read, make(25_000), _no_chars)
    large = measure(read, make(100_000), _no_chars)
    assert small.lines > 1000
    assert verdict(small, large) is None, verdict(small, large)


def test_the_collectors_patterns_are_proved_linear() -> None:
    from auditor.collectors.code import azure_iac
    from auditor.extract.azure_iac import LIST_CALL
    from auditor.extract.bicep import _RUN

    check_linear(_RUN.pattern)

    for pattern in (azure_iac._GUID, azure_iac._WORD, azure_iac._QUOTED, azure_iac.APP_PASSWORD, LIST_CALL):
        check_linear(pattern.pattern)
    assert [bool(LIST_CALL.search(t)) for t in ("openAi.listKeys().key1", "search.listAdminKeys().primaryKey",
            "listKeys(resourceId('x', 'y'), '2023-05-01').key1", "playlistKeys(x)", "lists(x)")] == [
        True, True, True, False, False]  # fmt: skip


# -- the code collector -------------------------------------------------------------------------------------
def test_a_bot_with_an_app_password_is_an_app_registration_with_a_client_secret(entra: Snapshot) -> None:
    bot = _ident(entra, "teams-secret-bot/infra/botRegistration/azurebot.bicep/botService")
    assert bot.name == "Expense Assistant"  # the caller's parameter default, through the module call
    assert bot.attributes["servicePrincipalType"] == "Application"
    assert bot.attributes["bot_service"]["msaAppType"] == "MultiTenant"
    assert bot.attributes["provenance"] == {
        "source": "code",
        "path": "teams-secret-bot/infra/botRegistration/azurebot.bicep",
        "line": 11,
        "address": "teams-secret-bot/infra/botRegistration/azurebot.bicep/botService",
    }
    (secret,) = [c for c in entra.credentials if c.identity_id == bot.id]
    assert secret.kind == "client_secret" and secret.expires is None
    assert secret.attributes["lifetime_unknown"] is True
    assert secret.attributes["provenance"]["path"] == "teams-secret-bot/infra/azure.bicep"
    assert secret.attributes["provenance"]["line"] == 48  # the BOT_PASSWORD app setting


def test_a_user_assigned_msi_bot_is_its_managed_identity(entra: Snapshot) -> None:
    identity = _ident(entra, "teams-msi-bot/infra/azure.bicep/identity")
    assert identity.attributes["servicePrincipalType"] == "ManagedIdentity"
    assert identity.attributes["managed_identity"] == "user_assigned"
    assert identity.attributes["bot_services"] == ["Room booking"]
    assert not [c for c in entra.credentials if c.identity_id == identity.id]
    assert not [i for i in entra.identities if i.id.startswith("teams-msi-bot/") and i.id != identity.id]


def test_a_role_reaches_the_app_identity_through_azd_modules(entra: Snapshot) -> None:
    app = _ident(entra, "azd-openai-mi/infra/core/appservice.bicep/appService")
    assert app.attributes["managed_identity"] == "system_assigned"
    (role,) = app.attributes["azure_roles"]
    assert role["role"] == "Cognitive Services OpenAI User" and role["level"] == "read"
    # anchored to the module call in main.bicep that gives it, not to role.bicep's generic resource
    assert role["provenance"]["path"] == "azd-openai-mi/infra/main.bicep" and role["provenance"]["line"] == 48
    assert {(c.action, c.level) for c in entra.reach[app.id]} == {
        ("Cognitive Services OpenAI User", AccessLevel.READ)
    }
    # the same role given to the person running azd (principalType User) is no identity of the app
    assert [i.id for i in entra.identities if i.id.startswith("azd-openai-mi/")] == [app.id]


def test_an_arm_template_declares_the_same_shapes(entra: Snapshot) -> None:
    bot = next(i for i in entra.identities if i.id.startswith("arm-bot/") and "bot_service" in i.attributes)
    assert bot.name == "Leave desk" and bot.attributes["bot_service"]["msaAppType"] == "SingleTenant"
    assert [c.kind for c in entra.credentials if c.identity_id == bot.id] == ["client_secret"]
    site = next(i for i in entra.identities if i.attributes.get("managed_identity") == "system_assigned"
                and i.id.startswith("arm-bot/"))  # fmt: skip
    assert [r["role"] for r in site.attributes["azure_roles"]] == ["Key Vault Secrets User"]
    assert site.attributes["provenance"]["line"] == 33  # the resource's opening brace


def test_graph_extension_apps_permissions_grants_and_federation(entra: Snapshot) -> None:
    app = _ident(entra, "graph-app/main.bicep/triageApp")
    assert app.name == "Mail triage agent"
    perms = {(p["permission"], p["declared"]) for p in app.attributes["app_permissions"]}
    assert perms == {("Mail.Read", "requested"), ("Mail.Send", "assigned")}
    assert app.attributes["requested_scopes"] == [
        {"resource": "Microsoft Graph", "scope": "User.Read", "declared": "requested"}
    ]
    (grant,) = app.attributes["delegated_grants"]
    assert grant["consentType"] == "AllPrincipals" and grant["scopes"] == ["Calendars.ReadWrite", "User.Read"]
    (fic,) = [c for c in entra.credentials if c.identity_id == app.id]
    assert fic.kind == "federated_credential"
    assert fic.attributes["subject"] == "repo:fabrikam/mail-triage:ref:refs/heads/main"


# -- the whole scan: auth models, secrets, no false positives, coverage -------------------------------------
@pytest.mark.parametrize(
    ("agent", "platform", "model", "because"),
    [
        (
            "teams-secret-bot",
            Platform.ENTRA,
            AuthModel.CLIENT_SECRET,
            # The @secure() parameter's value comes from the parameters file beside the template.
            "from parameter botAadAppClientSecret, given environment variable SECRET_BOT_PASSWORD",
        ),
        ("teams-msi-bot", Platform.ENTRA, AuthModel.SERVICE_ACCOUNT_ROLE, "msaAppType UserAssignedMSI"),
        ("azd-openai-mi", Platform.OPENAI, AuthModel.SERVICE_ACCOUNT_ROLE, "Cognitive Services OpenAI User"),
        ("azd-openai-keys", Platform.OPENAI, AuthModel.STATIC_API_KEY, "(listKeys): a static key"),
    ],
)
def test_auth_model_from_the_templates(
    scan: ScanResult, agent: str, platform: Platform, model: AuthModel, because: str
) -> None:
    found = next(a for a in scan.agents if a.name == agent)
    connection = next(c for c in found.connections if c.platform is platform)
    assert connection.auth_model is model
    assert because in connection.reason


def test_typed_secrets_are_found_and_references_are_not_secrets(scan: ScanResult) -> None:
    secrets = {
        (f.location.path, f.location.line)
        for f in scan.findings
        if f.rule_id in ("BA-101", "BA-102") and f.location is not None
    }
    assert secrets == {("azd-openai-keys/infra/main.bicep", 5), ("azd-openai-keys/infra/main.bicep", 8)}
    keys = next(f for f in scan.files if f.path == "azd-openai-keys/infra/main.bicep")
    assert [(r.kind.value, r.location.line) for r in keys.references] == [("azure_key_vault", 32)]


def test_a_bot_password_of_unknown_lifetime_is_not_called_never_expiring(scan: ScanResult) -> None:
    assert not [f for f in scan.findings if f.rule_id == "BA-505"]
    assert [
        n
        for n in scan.coverage.not_evaluated
        if n.rule_id == "BA-505" and "end date is not declared" in n.reason
    ]
    assert [f for f in scan.findings if f.rule_id == "BA-503" and "Expense Assistant" in f.message]


def test_broken_and_hostile_templates_are_coverage_never_a_crash(tmp_path: Path) -> None:
    (tmp_path / "broken.bicep").write_text(
        "param p string = 'never closed\nparam q string\n", encoding="utf-8"
    )
    (tmp_path / "deep.bicep").write_text(
        "var v = " + "{a:" * 3000 + "1" + "}" * 3000 + "\n", encoding="utf-8"
    )
    (tmp_path / "line.bicep").write_text("'" + "x" * 150_000 + "\n", encoding="utf-8")
    (tmp_path / "azuredeploy.json").write_text(
        '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",'
        ' "resources": [', encoding="utf-8"
    )  # fmt: skip
    (tmp_path / "ok.bicep").write_text(
        "resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {\n  name: 'id-ok'\n}\n",
        encoding="utf-8",
    )
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    reasons = {s.source: s.reason for s in result.coverage.skipped}
    assert "line 1" in reasons["broken.bicep"] and "'never closed" not in reasons["broken.bicep"]
    assert "line 1" in reasons["line.bicep"]
    assert "azuredeploy.json" in reasons
    assert [s for s in result.coverage.skipped if s.source == "entra: deep.bicep:1"]  # not read, said so
    entra = next(s for s in result.snapshots if s.platform is Platform.ENTRA)
    assert [i.name for i in entra.identities] == ["id-ok"]


_TEAMSAPP = """\
version: v1.7
provision:
  - uses: arm/deploy
    with:
      templates:
        - path: ./infra/azure.bicep
"""


@pytest.mark.parametrize(
    ("setting", "model"),
    [
        # the app's identity reaches Key Vault or a database; the bot itself signs in with its password
        ("BOT_PASSWORD: botPassword", AuthModel.CLIENT_SECRET),
        ("BOT_TYPE: 'UserAssignedMsi'", AuthModel.SERVICE_ACCOUNT_ROLE),
    ],
)
def test_an_app_password_outweighs_the_apps_managed_identity(
    tmp_path: Path, setting: str, model: AuthModel
) -> None:
    (tmp_path / "teamsapp.yml").write_text(_TEAMSAPP, encoding="utf-8")
    (tmp_path / "infra" / "provision").mkdir(parents=True)
    # the identity and the settings in two files, as older Teams Toolkit templates split them
    (tmp_path / "infra" / "azure.bicep").write_text(
        "@secure()\nparam botPassword string\n\n"
        "module web './provision/web.bicep' = {\n  name: 'web'\n}\n\n"
        "resource settings 'Microsoft.Web/sites/config@2022-09-01' = {\n  name: 'app/appsettings'\n"
        f"  properties: {{\n    {setting}\n  }}\n}}\n",
        encoding="utf-8",
    )
    (tmp_path / "infra" / "provision" / "web.bicep").write_text(
        "param identityId string\n\n"
        "resource web 'Microsoft.Web/sites@2022-09-01' = {\n  name: 'app'\n"
        "  identity: {\n    type: 'UserAssigned'\n"
        "    userAssignedIdentities: { '${identityId}': {} }\n  }\n}\n",
        encoding="utf-8",
    )
    result = run(ScanOptions(paths=(tmp_path,)), clock=CLOCK)
    (agent,) = result.agents
    entra = next(c for c in agent.connections if c.platform is Platform.ENTRA)
    assert entra.auth_model is model, entra.reason


def test_a_graph_app_whose_lists_are_computed_is_a_coverage_note_not_an_error(tmp_path: Path) -> None:
    # Seen in a public repository: an app registration built from a variable's fields
    # (`requiredResourceAccess: base.requiredResourceAccess`) stopped the whole scan with a TypeError.
    bicep = """\
extension microsoftGraphV1

var base = {
  requiredResourceAccess: [
    { resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [] }
  ]
}

resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: 'helpdesk-oauth'
  displayName: 'Helpdesk OAuth'
  requiredResourceAccess: base.requiredResourceAccess
  passwordCredentials: concat([], [])
}
"""
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "oauth_app.bicep").write_text(bicep)
    result = run(ScanOptions(paths=(tmp_path,)))
    notes = [s.reason for s in result.coverage.skipped if "computed value" in s.reason]
    assert notes == [
        "app.requiredResourceAccess: a computed value, not read from the template",
        "app.passwordCredentials: a computed value, not read from the template",
    ]
