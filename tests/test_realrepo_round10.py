"""Real-repository round 10: an MCP server documented with per-user inputs, a chat framework's sign-in
providers, a chat app's translated interface, and bot samples that copy one deployment template (shapes
written here in our own words, values made up). Each case holds a counterpart that must still be reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor import ScanOptions, run
from auditor.extract.detectors import DetectorSet
from auditor.extract.formats import translation_catalogue
from auditor.extract.values import ValueClass, classify_value
from auditor.model import AuthModel, Platform, ScanResult
from tests.source_trees import scan_tree, write_tree


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _connection(result: ScanResult, agent: str, platform: Platform):  # type: ignore[no-untyped-def]
    found = next(a for a in result.agents if a.name == agent)
    return next(c for c in found.connections if c.platform is platform)


# ------------------------------------------------- an MCP server whose clients send their own token

_SERVER = """\
package main

import (
    "net/http"

    "github.com/mark3labs/mcp-go/server"
)

func main() {
    s := server.NewMCPServer("ledger-vault", "0.3.0")
    h := server.NewStreamableHTTPServer(s)
    http.Handle("/mcp", tokenFromHeader(h))
    http.ListenAndServe(":8080", nil)
}
"""

_README = """\
# ledger-vault

Serve it over HTTP, then point your editor at it. VS Code asks you for your own token:

```json
{{
  "inputs": [
    {{"type": "promptString", "id": "{input}", "description": "Your Vault token", "password": true}},
    {{"type": "promptString", "id": "vault_namespace", "description": "Namespace", "password": false}}
  ],
  "servers": {{
    "ledger-vault": {{
      "url": "http://localhost:8080/mcp",
      "headers": {{
        "X-Vault-Token": "{value}",
        "X-Vault-Namespace": "${{input:vault_namespace}}"
      }}
    }}
  }}
}}
```
"""


def test_an_http_mcp_servers_prompted_token_is_each_users_own(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path,
        {
            "go.mod": "module example.com/ledger-vault\n\nrequire github.com/mark3labs/mcp-go v0.32.0\n",
            "cmd/ledger-vault/main.go": _SERVER,
            "README.md": _README.format(input="vault_token", value="${input:vault_token}"),
        },
    )
    vault = _connection(result, "ledger-vault", Platform.VAULT)
    assert vault.auth_model is AuthModel.ON_BEHALF_OF
    assert "vault_token: a value each user's client prompts for" in vault.reason
    assert "vault_namespace" not in vault.reason  # not a credential
    assert [f.rule_id for f in result.findings if f.rule_id in ("BA-103", "BA-104")] == []


def test_a_token_written_into_the_same_client_config_is_still_shared(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path,
        {
            "go.mod": "module example.com/ledger-vault\n\nrequire github.com/mark3labs/mcp-go v0.32.0\n",
            "cmd/ledger-vault/main.go": _SERVER,
            "README.md": _README.format(input="unused", value="${VAULT_TOKEN}"),
        },
    )
    vault = _connection(result, "ledger-vault", Platform.VAULT)
    assert vault.auth_model is AuthModel.STATIC_API_KEY
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-103"] == ["BA-103"]


# ------------------------------------------------------------------ a chat framework's sign-in providers

_PROVIDERS = """\
import os


class GitHubLogin:
    authorize_url = os.environ.get("LOGIN_GITHUB_AUTH_URL", "https://github.com/login/oauth/authorize")
    token_url = "https://github.com/login/oauth/access_token"

    def __init__(self):
        self.client_id = os.environ.get("LOGIN_GITHUB_CLIENT_ID")
        self.client_secret = os.environ.get("LOGIN_GITHUB_CLIENT_SECRET")
        self.params = {"scope": "user:email"}


class EntraLogin:
    authorize_url = "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"

    def __init__(self):
        self.client_id = os.environ.get("LOGIN_AZURE_AD_CLIENT_ID")
        self.client_secret = os.environ.get("LOGIN_AZURE_AD_CLIENT_SECRET")


class Auth0Login:
    env = ["LOGIN_AUTH0_CLIENT_ID", "LOGIN_AUTH0_CLIENT_SECRET", "LOGIN_AUTH0_DOMAIN"]
"""

_BOT = """\
import os

import discord

client = discord.Client(intents=discord.Intents.default())


@client.event
async def on_message(message):
    await message.channel.send("ok")


client.run(os.environ["DISCORD_BOT_TOKEN"])
"""


def test_sign_in_providers_are_each_users_own_login(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"app/login.py": _PROVIDERS, "app/bot.py": _BOT})
    agent = next(a for a in result.agents if a.multi_user)
    for platform in (Platform.GITHUB, Platform.ENTRA):
        connection = _connection(result, agent.name, platform)
        assert connection.auth_model is AuthModel.OAUTH_PKCE, connection.reason
        assert "each user signs in with their own account" in connection.reason
    assert [f.rule_id for f in result.findings if f.rule_id in ("BA-101", "BA-108")] == []


def test_an_app_only_grant_beside_the_sign_in_is_still_app_only(tmp_path: Path) -> None:
    graph = """\
    import os

    import requests

    TENANT = os.environ["AZURE_TENANT_ID"]


    def directory_token():
        return requests.post(
            f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token",
            data={
                "grant_type": "client_credentials",
                "client_id": os.environ["LOGIN_AZURE_AD_CLIENT_ID"],
                "client_secret": os.environ["LOGIN_AZURE_AD_CLIENT_SECRET"],
                "scope": "https://graph.microsoft.com/.default",
            },
        ).json()["access_token"]
    """
    result = scan_tree(tmp_path, {"app/login.py": _PROVIDERS, "app/bot.py": _BOT, "app/directory.py": graph})
    agent = next(a for a in result.agents if a.multi_user)
    assert _connection(result, agent.name, Platform.ENTRA).auth_model is AuthModel.CLIENT_SECRET


@pytest.mark.parametrize(
    "line",
    [
        # A list of environment variables' names, read as a name and its value.
        '    env = ["LOGIN_AUTH0_CLIENT_ID", "LOGIN_AUTH0_CLIENT_SECRET", "LOGIN_AUTH0_DOMAIN"]',
        'AUTH_SECRET = "AZURE_OPENAI_API_VERSION_V2"',
        # An f-string's expression: computed when the line runs.
        """        f'Put this in your .env file:\\nAPP_AUTH_SECRET="{random_secret()}"'""",
        "    token = f'{secrets.token_urlsafe(32)}'",
        # A JSDoc type where the value goes.
        "   * @returns {Promise<{token: string|null, error: string | null}>}",
    ],
)
def test_names_expressions_and_types_are_no_secrets(detectors: DetectorSet, line: str) -> None:
    assert detectors.scan_text(line + "\n") == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # A random run in a constant's parts, a chosen password of capitalised words.
        ('AUTH_SECRET = "KQ7X_ZT4W_9PLM_R2VD"', "KQ7X_ZT4W_9PLM_R2VD"),
        ("    password = 'ORANGE_HARBOR_LANTERN'", "ORANGE_HARBOR_LANTERN"),
    ],
)
def test_values_beside_those_shapes_are_still_found(detectors: DetectorSet, line: str, value: str) -> None:
    assert [h.value for h in detectors.scan_text(line + "\n")] == [value]


# ------------------------------------------------------------ a chat app's translated interface and docs


def test_a_catalogue_module_in_a_language_folder_holds_interface_text(tmp_path: Path) -> None:
    for rel in ("web/src/locales/fa/common.js", "web/src/locales/zh_TW/common.js", "src/i18n/de/index.ts"):
        assert translation_catalogue(rel)
    for rel in ("web/src/locales/resources.js", "web/src/utils/fa/common.js", "src/api/de/index.ts"):
        assert not translation_catalogue(rel)
    labels = """\
    const TRANSLATIONS = {
      onboarding: {
        instancePassword: "Instansadgangskode",
        adminPassword: "Administrator-Kontopasswort",
        setPassword: "Bir şifre belirlemek ister misiniz?",
      },
    };
    export default TRANSLATIONS;
    """
    result = scan_tree(
        tmp_path, {"web/src/locales/da/common.js": labels, "web/src/utils/da/common.js": labels}
    )
    # The same lines outside a catalogue are still judged.
    paths = {f.location.path for f in result.findings if f.rule_id == "BA-101" and f.location}
    assert paths == {"web/src/utils/da/common.js"}


@pytest.mark.parametrize(
    ("value", "key", "verdict"),
    [
        ("postgresql://dbuser:dbuserpass@localhost:5432/yourdb", None, ValueClass.PLACEHOLDER),
        ("postgresql://app:app_password@db:5432/app", None, ValueClass.PLACEHOLDER),
        ("postgresql://dbuser:dbuserK8q2v@localhost:5432/db", None, ValueClass.SECRET_CANDIDATE),
        ("sklive-123xyz", "PINECONE_API_KEY", ValueClass.PLACEHOLDER),
        ("pat_abc123", "accessToken", ValueClass.PLACEHOLDER),
        ("pk_live_9fKx2Lq7Wz", "api_key", ValueClass.SECRET_CANDIDATE),
    ],
)
def test_setup_guides_stand_ins(value: str, key: str | None, verdict: ValueClass) -> None:
    assert classify_value(value, key) is verdict


def test_a_setup_guides_login_and_password_stand_in(detectors: DetectorSet) -> None:
    guide = "eg: `postgresql://dbuser:dbuserpass@localhost:5432/yourdb`\n"
    assert detectors.scan_text(guide) == []
    real = "eg: `postgresql://dbuser:Kq8zW2vLx9@localhost:5432/yourdb`\n"
    assert [h.value for h in detectors.scan_text(real)] == ["Kq8zW2vLx9"]


# --------------------------------------------------------- bot samples that copy one deployment template


def _template() -> str:
    return json.dumps(
        {
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "parameters": {
                "botId": {"type": "string"},
                "appId": {"type": "string"},
                "appSecret": {"type": "securestring"},
            },
            "resources": [
                {
                    "type": "Microsoft.Web/sites",
                    "apiVersion": "2022-09-01",
                    "name": "[parameters('botId')]",
                    "location": "[resourceGroup().location]",
                    "properties": {
                        "siteConfig": {
                            "appSettings": [
                                {"name": "MicrosoftAppId", "value": "[parameters('appId')]"},
                                {"name": "MicrosoftAppPassword", "value": "[parameters('appSecret')]"},
                            ]
                        }
                    },
                },
                {
                    "type": "Microsoft.BotService/botServices",
                    "apiVersion": "2022-09-15",
                    "name": "[parameters('botId')]",
                    "location": "global",
                    "kind": "azurebot",
                    "properties": {
                        "displayName": "[parameters('botId')]",
                        "msaAppId": "[parameters('appId')]",
                    },
                },
            ],
        },
        indent=2,
    )


def test_copies_of_one_template_each_point_at_their_own_file(tmp_path: Path) -> None:
    files = {}
    for sample in ("01.echo-bot", "02.welcome-user", "03.prompt-users"):
        files[f"samples/{sample}/deploymentTemplates/template-with-preexisting-rg.json"] = _template()
    result = scan_tree(tmp_path, files)
    located = sorted(f.location.path for f in result.findings if f.rule_id == "BA-503" and f.location)
    assert located == sorted(files)


# ----------------------------------------------- an Azure solution's machine login and its Key Vault

_WEB_APP = """\
import os

from slack_bolt import App

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])


@app.message("search")
def search(message, say):
    say(os.environ["AZURE_OPENAI_ENDPOINT"])
"""


def _parameters(password_variable: str) -> str:
    return json.dumps(
        {
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
            "contentVersion": "1.0.0.0",
            "parameters": {
                "keyVaultName": {"value": "${AZURE_KEY_VAULT_NAME}"},
                "adminPassword": {"value": f"${{{password_variable}}}"},
            },
        },
        indent=2,
    )


def test_a_virtual_machines_admin_password_is_no_directory_login(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path,
        {"app.py": _WEB_APP, "infra/main.parameters.json": _parameters("AZURE_ENV_VM_ADMIN_PASSWORD")},
    )
    agent = next(a for a in result.agents if a.multi_user)
    platforms = {c.platform: c for c in agent.connections}
    assert Platform.VAULT not in platforms  # Azure Key Vault is not HashiCorp Vault
    assert platforms[Platform.ENTRA].auth_model is not AuthModel.SHARED_PASSWORD
    assert [f for f in result.findings if f.rule_id == "BA-103" and f.platform is Platform.ENTRA] == []


def test_a_directory_users_password_is_still_one(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path,
        {"app.py": _WEB_APP, "infra/main.parameters.json": _parameters("AZURE_AD_USER_PASSWORD")},
    )
    agent = next(a for a in result.agents if a.multi_user)
    entra = _connection(result, agent.name, Platform.ENTRA)
    assert entra.auth_model is AuthModel.SHARED_PASSWORD


# --------------------------------------------------- a coding agent's provider tables, a webhook's docs


@pytest.mark.parametrize(
    "line",
    [
        # A name derived from its key's, quoted or a variable's.
        '\t"cline-pass": "ClinePassModelId",',
        '\t"cline-pass": clinePassDefaultModelId,',
        # A quoted string after a conditional's `?`, then the `:` that ends the branch.
        '\tconst group = userType === KIND.CLINE_PASS ? "clinePass" : userType === KIND.POWER ? "power"'
        ' : "free"',
        # A variable whose name has a letter-and-number hump, and one that ends in `Id`.
        "\tconst apiKey = usesExplicitSigV4Auth",
        '\t"vercel-ai-gateway": openRouterDefaultModelId,',
        # A signature's parameter per line with a union type; a docstring's "Pass :class:`…`".
        "    tools: BaseTool[],\n    finalChunkOfPass: GenerateContentResponse | null,",
        "            model). Pass :class:`LicenseAuthProvider` to use a license key directly.",
        # A shared Google Drive link's resource key, and a template's named fallback.
        "    ([demo](https://drive.google.com/file/d/1QzX8mNc4RtY7uWv2PkLs9AbDe3FgHi5J/view?usp=sharing"
        "&resourcekey=0-Zk4mWq8Rt2Lx7Vb3Nc9Hd1))",
        'use it as `"apiKey": "$MY_API_TOKEN"`, or `${MY_API_TOKEN:-default-token}` with a fallback.',
        # A webhook documented with counting ids and the alphabet where its secret goes.
        "export SLACK_INCOMING_WEBHOOK=https://hooks.slack.com/services/T0123456789/B0123456789/"
        "abcdefghijklmnopqrstuvwxyz",
    ],
)
def test_names_branches_and_stand_in_urls_are_no_secrets(detectors: DetectorSet, line: str) -> None:
    assert detectors.scan_text(line + "\n") == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # A chosen password beside its key's name, an object's key and its quoted value after a `?`-less
        # line, a webhook with random ids.
        ('\t"cline-pass": "ClinePassW0rd!7"', "ClinePassW0rd!7"),
        ('\tconst options = { "password": "Hk8vQ2mZr5x" }', "Hk8vQ2mZr5x"),
        # A mapping's value on its own line after an opening brace.
        ("const x = {\n    password: CorrectHorseBattery | fallback,\n}", "CorrectHorseBattery"),
        # Another site's link with the same parameter.
        (
            "see https://files.example.net/view?usp=sharing&resourcekey=0-Zk4mWq8Rt2Lx7Vb3Nc9Hd1",
            "0-Zk4mWq8Rt2Lx7Vb3Nc9Hd1",
        ),
        (
            "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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",
            "https://hooks.slack.com/services/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",
        ),
    ],
)
def test_values_beside_those_names_and_urls_are_still_found(
    detectors: DetectorSet, line: str, value: str
) -> None:
    assert [h.value for h in detectors.scan_text(line + "\n")] == [value]


def test_azure_services_keys_and_a_dev_servers_tls_key_name_no_entra_credential(tmp_path: Path) -> None:
    bicep = """\
    param storageName string
    resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
      name: storageName
    }
    resource site 'Microsoft.Web/sites@2022-09-01' = {
      name: 'notify-bot'
      location: resourceGroup().location
      properties: {
        siteConfig: {
          appSettings: [
            {
              name: 'AzureWebJobsStorage'
              value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=KEY'
            }
          ]
        }
      }
    }
    """
    bicep = bicep.replace("KEY", "${storage.listKeys().keys[0].value}")
    result = scan_tree(
        tmp_path,
        {
            "app.py": _WEB_APP,
            "infra/azure.bicep": bicep,
            ".env.local": "SSL_KEY_FILE=./certs/localhost.key\nSSL_CRT_FILE=./certs/localhost.crt\n",
        },
    )
    agent = next(a for a in result.agents if a.multi_user)
    models = {c.platform: c.auth_model for c in agent.connections}
    assert models.get(Platform.ENTRA) not in (AuthModel.STATIC_API_KEY, AuthModel.CLIENT_CERTIFICATE)


_EMULATOR = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


def test_the_storage_emulators_published_key_is_a_documented_example(tmp_path: Path) -> None:
    assert classify_value(_EMULATOR) is ValueClass.EXAMPLE
    line = "SECRET_STORAGE_ACCOUNT_KEY: {}\n"
    write_tree(tmp_path, {"teamsapp.local.yml": "env:\n  " + line.format(_EMULATOR)})
    assert [f for f in run(ScanOptions(paths=(tmp_path,))).findings if f.rule_id == "BA-101"] == []
    # Another account's key of the same shape is reported.
    other = "q3Nf8ZkT2vLxW9pRb6YcH1sDm4GjQ7aE0uKo5VtIy8Xn2BwCe6Rh3LzPg9MdJ1Ft4SkUa7NvOq0WiYb5Tc8HxE2A=="
    write_tree(tmp_path, {"teamsapp.local.yml": "env:\n  " + line.format(other)})
    assert [f.rule_id for f in run(ScanOptions(paths=(tmp_path,))).findings if f.rule_id == "BA-101"] == [
        "BA-101"
    ]


# ----------------------------------------------------------------- the Agents SDK's voice agents

_VOICE_AGENTS = """\
import { RealtimeAgent } from '@openai/agents/realtime';

export const concierge = new RealtimeAgent({
  name: 'concierge',
  voice: 'sage',
  instructions: 'Greet the guest, then hand off to the booking agent.',
  handoffs: [],
});
"""

_SESSION_ROUTE = """\
export async function POST() {
  const response = await fetch('https://api.openai.com/v1/realtime/sessions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
  });
  return Response.json(await response.json());
}
"""


def test_a_realtime_voice_agent_is_an_agent(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path,
        {"src/app/agentConfigs/concierge.ts": _VOICE_AGENTS, "src/app/api/session/route.ts": _SESSION_ROUTE},
    )
    assert [a.kind for a in result.agents] == ["agent_sdk"]
    assert {c.platform for c in result.agents[0].connections} == {Platform.OPENAI}


# ------------------------------------------ a GitHub App's deploy workflow, an action's integration tests


@pytest.mark.parametrize(
    ("name", "platform", "tagged"),
    [
        # A deploy step's image pull secret (`azure/k8s-create-secret` with `container-registry-password`).
        ("container-registry-password", Platform.KUBERNETES, False),
        ("DOCKER_PASSWORD", Platform.KUBERNETES, False),
        ("ACR_PASSWORD", Platform.ENTRA, False),
        # A cluster's or a platform's own login is still one.
        ("K8S_ADMIN_PASSWORD", Platform.KUBERNETES, True),
        ("SALESFORCE_PASSWORD", Platform.SALESFORCE, True),
    ],
)
def test_an_image_registrys_login_is_no_platform_credential(
    name: str, platform: Platform, tagged: bool
) -> None:
    from auditor.inventory.auth import _classify_name, _Evidence
    from auditor.model import Location

    ev = _Evidence()
    _classify_name(name, "", Location(".github/workflows/deploy.yml", 57), ev, platform, ref=True)
    assert ("password" in ev.tags) is tagged


def test_a_camel_case_integration_test_folder_is_a_test_path() -> None:
    from auditor.extract.formats import in_test_path

    assert in_test_path("integrationTests/e2e-tls/configs/client.key")
    assert in_test_path("src/UnitTests/TokenFixture.cs")
    assert not in_test_path("src/integrations/slack/client.py")


def test_the_new_value_patterns_are_proved_linear() -> None:
    from auditor.extract import values
    from auditor.extract.regexcheck import check_linear

    for pattern in (
        values._CONSTANT_NAME,
        values._CONSTANT_PART,
        values._TYPE_UNION,
        values._CAMEL_IDENTIFIER,
        values._IDENTIFIER_LETTERS,
    ):
        check_linear(pattern.pattern)


def test_the_new_look_backs_read_a_bounded_window(detectors: DetectorSet) -> None:
    # A conditional's branch and a share link's key are judged from at most 400 characters back: on one
    # 1 MB line they find what is near and nothing far (the host 400+ characters back no longer counts).
    far = "x" * 500
    line = f"see https://drive.google.com/x/view?usp=sharing{far}&resourcekey=0-Zk4mWq8Rt2Lx7Vb3Nc9Hd1"
    assert [h.value for h in detectors.scan_text(line + "\n")] == ["0-Zk4mWq8Rt2Lx7Vb3Nc9Hd1"]
