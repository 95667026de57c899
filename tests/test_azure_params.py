"""Azure deployment parameters files applied to their templates (extract/azure_iac.py and
inventory/azure_params.py): the value `main.parameters.json` or a `.bicepparam` gives the parameter an app
password setting is set from decides where the app's client secret is kept: a literal is a finding and the
connection's own credential, a Key Vault reference is a reference, azd's `${VAR}` and
`readEnvironmentVariable` are environment variables."""

from __future__ import annotations

import hashlib
import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.model import AuthModel, Connection, Platform, ReferenceKind, ScanResult
from auditor.scan import ScanOptions, run

PARAMS_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"


def fake_password(seed: str) -> str:
    # An Entra client secret's shape (built in code: no secret-shaped string sits in the repository).
    digest = hashlib.sha256(seed.encode()).hexdigest()
    return f"{digest[:3]}8Q~{digest[3:37]}"


TEAMS_MANIFEST = {
    "$schema": "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json",
    "manifestVersion": "1.17",
    "version": "1.0.2",
    "id": "${{TEAMS_APP_ID}}",
    "developer": {
        "name": "Tailspin Travel",
        "websiteUrl": "https://travel.tailspin.example",
        "privacyUrl": "https://travel.tailspin.example/privacy",
        "termsOfUseUrl": "https://travel.tailspin.example/terms",
    },
    "name": {"short": "TripDesk", "full": "Tailspin trip desk"},
    "description": {"short": "Book trips", "full": "Ask the trip desk to book and change business trips."},
    "icons": {"outline": "outline.png", "color": "color.png"},
    "accentColor": "#0F6CBD",
    "bots": [{"botId": "${{BOT_ID}}", "scopes": ["personal", "team"]}],
    "validDomains": ["${{BOT_DOMAIN}}"],
}

# The web app sets its Bot Framework password from a @secure() parameter, as the Teams Toolkit templates do.
APP_TEMPLATE = """\
    @description('Prefix of every resource name')
    param resourceBaseName string
    param location string = resourceGroup().location
    param botAadAppClientId string
    @secure()
    param botAadAppClientSecret string

    resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
      name: resourceBaseName
      location: location
      sku: { name: 'B1' }
    }

    resource web 'Microsoft.Web/sites@2022-09-01' = {
      name: '${resourceBaseName}-web'
      location: location
      properties: {
        serverFarmId: plan.id
        siteConfig: {
          appSettings: [
            { name: 'BOT_ID', value: botAadAppClientId }
            { name: 'BOT_PASSWORD', value: botAadAppClientSecret }
          ]
        }
      }
    }
    """


def write(root: Path, rel: str, content: str | dict) -> None:  # type: ignore[type-arg]
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(content, indent=2) if isinstance(content, dict) else textwrap.dedent(content)
    path.write_text(text, encoding="utf-8")


def project(root: Path, secret_spec: dict, params_name: str = "azure.parameters.json") -> Path:  # type: ignore[type-arg]
    write(root, "appPackage/manifest.json", TEAMS_MANIFEST)
    write(root, "infra/azure.bicep", APP_TEMPLATE)
    write(
        root,
        f"infra/{params_name}",
        {
            "$schema": PARAMS_SCHEMA,
            "contentVersion": "1.0.0.0",
            "parameters": {
                "resourceBaseName": {"value": "tripdesk${{RESOURCE_SUFFIX}}"},
                "botAadAppClientId": {"value": "${{BOT_ID}}"},
                "botAadAppClientSecret": secret_spec,
            },
        },
    )
    return root


def scan(root: Path) -> ScanResult:
    return run(ScanOptions(paths=(root,), jobs=1))


def entra(result: ScanResult) -> Connection:
    (agent,) = [a for a in result.agents if a.name == "TripDesk"]
    assert {c.platform for c in agent.connections} == {Platform.ENTRA}, agent.connections
    (connection,) = agent.connections
    return connection


def references(result: ScanResult, path: str) -> set[tuple[ReferenceKind, str]]:
    return {(r.kind, r.target) for f in result.files if f.path == path for r in f.references}


def generic_password(seed: str) -> str:
    # A password of no provider's format: only its key name says it is a secret.
    return "Tr1p-" + hashlib.sha256(seed.encode()).hexdigest()[:24]


@pytest.mark.parametrize("make", [fake_password, generic_password])
def test_a_literal_password_in_the_parameters_file_is_the_connection_s_credential(
    tmp_path: Path, make
) -> None:  # type: ignore[no-untyped-def]
    # Without a parameters file the template alone says only where the setting's value enters.
    write(tmp_path / "bare", "appPackage/manifest.json", TEAMS_MANIFEST)
    write(tmp_path / "bare", "infra/azure.bicep", APP_TEMPLATE)
    bare = entra(scan(tmp_path / "bare")).reason
    assert "from a @secure() parameter" in bare and "given" not in bare

    tmp_path = tmp_path / "full"
    secret = make("tripdesk")
    result = scan(project(tmp_path, {"value": secret}))
    (match,) = [m for f in result.files for m in f.secrets if f.path == "infra/azure.parameters.json"]
    assert match.location.key == "parameters.botAadAppClientSecret.value"
    connection = entra(result)
    # The literal is the Entra app's client secret: one connection holding it, not a stray "other" key.
    assert connection.auth_model is AuthModel.CLIENT_SECRET
    assert connection.credential_fingerprints == (match.fingerprint,)
    assert "from parameter botAadAppClientSecret, given a literal value" in connection.reason
    assert "infra/azure.parameters.json:" in connection.reason
    assert any(
        f.rule_id == "BA-101" and f.location and f.location.path == "infra/azure.parameters.json"
        for f in result.findings
    )
    report = tmp_path.parent / "report.json"
    done = CliRunner().invoke(app, ["scan", str(tmp_path), "--no-progress", "--report", f"json:{report}"])
    assert done.exit_code == 1, done.output
    for text in (done.output, report.read_text(encoding="utf-8")):
        assert secret not in text and secret[:12] not in text


def test_a_key_vault_reference_is_a_reference_not_a_finding(tmp_path: Path) -> None:
    spec = {
        "reference": {
            "keyVault": {
                "id": "/subscriptions/6c1f0d2e-4b8a-4e2f-9a7d-3b5c8e1f0a24/resourceGroups/rg-travel-shared"
                "/providers/Microsoft.KeyVault/vaults/kv-tripdesk"
            },
            "secretName": "bot-client-secret",
        }
    }
    result = scan(project(tmp_path, spec))
    assert (ReferenceKind.AZURE_KEY_VAULT, "kv-tripdesk/bot-client-secret") in references(
        result, "infra/azure.parameters.json"
    )
    assert not [m for f in result.files for m in f.secrets]
    connection = entra(result)
    assert not connection.credential_fingerprints
    assert "given a Key Vault reference (kv-tripdesk/bot-client-secret)" in connection.reason
    assert not [f for f in result.findings if f.rule_id == "BA-101"]


@pytest.mark.parametrize(
    ("value", "variable"),
    [("${BOT_PASSWORD}", "BOT_PASSWORD"), ("${{SECRET_BOT_PASSWORD}}", "SECRET_BOT_PASSWORD")],
)
def test_an_azd_or_teams_toolkit_substitution_is_an_environment_variable(
    tmp_path: Path, value: str, variable: str
) -> None:
    result = scan(project(tmp_path, {"value": value}))
    assert (ReferenceKind.ENV_VAR, variable) in references(result, "infra/azure.parameters.json")
    connection = entra(result)
    assert not connection.credential_fingerprints
    assert f"given environment variable {variable}, substituted at deployment" in connection.reason


def test_a_parameters_file_named_for_no_template_serves_its_folder(tmp_path: Path) -> None:
    secret = fake_password("folder")
    result = scan(project(tmp_path, {"value": secret}, params_name="parameters.dev.json"))
    connection = entra(result)
    assert len(connection.credential_fingerprints) == 1
    assert (
        "given a literal value (a secret committed in the parameters file) in infra/parameters.dev.json:"
        in (connection.reason)
    )


def test_an_environment_specific_parameters_file_with_a_literal_wins_over_the_reference(
    tmp_path: Path,
) -> None:
    project(tmp_path, {"value": "${{SECRET_BOT_PASSWORD}}"})
    secret = fake_password("prod-file")
    write(
        tmp_path,
        "infra/azure.parameters.prod.json",
        {"$schema": PARAMS_SCHEMA, "parameters": {"botAadAppClientSecret": {"value": secret}}},
    )
    connection = entra(scan(tmp_path))
    assert len(connection.credential_fingerprints) == 1
    assert "given a literal value" in connection.reason and "azure.parameters.prod.json" in connection.reason


# -- .bicepparam ------------------------------------------------------------------------------------------


def bicepparam_project(root: Path, line: str) -> Path:
    write(root, "appPackage/manifest.json", TEAMS_MANIFEST)
    write(root, "infra/azure.bicep", APP_TEMPLATE)
    write(
        root,
        "infra/dev.bicepparam",
        f"""\
        using './azure.bicep'

        param resourceBaseName = 'tripdesk-dev'
        param botAadAppClientId = readEnvironmentVariable('BOT_ID', '')
        {line}
        """,
    )
    return root


def test_a_bicepparam_literal_is_the_connection_s_credential(tmp_path: Path) -> None:
    secret = fake_password("bicepparam")
    result = scan(bicepparam_project(tmp_path, f"param botAadAppClientSecret = '{secret}'"))
    (match,) = [m for f in result.files for m in f.secrets if f.path == "infra/dev.bicepparam"]
    connection = entra(result)
    assert connection.credential_fingerprints == (match.fingerprint,)
    assert "given a literal value" in connection.reason and "infra/dev.bicepparam:5" in connection.reason


def test_a_bicepparam_environment_variable_and_key_vault_secret(tmp_path: Path) -> None:
    env = scan(
        bicepparam_project(
            tmp_path / "env", "param botAadAppClientSecret = readEnvironmentVariable('BOT_CLIENT_SECRET')"
        )
    )
    assert (ReferenceKind.ENV_VAR, "BOT_CLIENT_SECRET") in references(env, "infra/dev.bicepparam")
    assert "given environment variable BOT_CLIENT_SECRET" in entra(env).reason

    vault = scan(
        bicepparam_project(
            tmp_path / "kv",
            "param botAadAppClientSecret = az.getSecret('6c1f0d2e-4b8a-4e2f-9a7d-3b5c8e1f0a24',"
            " 'rg-travel-shared', 'kv-tripdesk', 'bot-client-secret')",
        )
    )
    assert (ReferenceKind.AZURE_KEY_VAULT, "kv-tripdesk/bot-client-secret") in references(
        vault, "infra/dev.bicepparam"
    )
    assert "given a Key Vault reference (kv-tripdesk/bot-client-secret)" in entra(vault).reason
    assert not entra(vault).credential_fingerprints


# -- azd: a module sets the app setting ---------------------------------------------------------------------


def test_a_password_passed_through_a_module_is_followed_to_the_parameters_file(tmp_path: Path) -> None:
    write(tmp_path, "appPackage/manifest.json", TEAMS_MANIFEST)
    write(
        tmp_path,
        "infra/main.bicep",
        """\
        targetScope = 'resourceGroup'
        param environmentName string
        param botAppId string
        @secure()
        param botAppPassword string

        module web './app/web.bicep' = {
          name: 'web'
          params: {
            name: 'app-${environmentName}'
            appId: botAppId
            appPassword: botAppPassword
          }
        }
        """,
    )
    write(
        tmp_path,
        "infra/app/web.bicep",
        """\
        param name string
        param appId string
        @secure()
        param appPassword string

        resource site 'Microsoft.Web/sites@2023-01-01' = {
          name: name
          location: resourceGroup().location
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'MicrosoftAppId', value: appId }
                { name: 'MicrosoftAppPassword', value: appPassword }
              ]
            }
          }
        }
        """,
    )
    write(
        tmp_path,
        "infra/main.parameters.json",
        {
            "$schema": PARAMS_SCHEMA,
            "contentVersion": "1.0.0.0",
            "parameters": {
                "environmentName": {"value": "${AZURE_ENV_NAME}"},
                "botAppId": {"value": "${BOT_APP_ID}"},
                "botAppPassword": {"value": "${BOT_APP_PASSWORD}"},
            },
        },
    )
    reason = entra(scan(tmp_path)).reason
    assert "app setting MicrosoftAppPassword from parameter appPassword" in reason
    assert "given environment variable BOT_APP_PASSWORD" in reason and "infra/main.parameters.json" in reason
