"""Real-repository round 11: a chat bot on Gemini, an API description's sample responses, code constants and
stand-ins that read as secrets (shapes written here in our own words, values made up). Each case holds a
counterpart that must still be reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor import ScanOptions, run
from auditor.extract.detectors import DetectorSet
from auditor.extract.values import ValueClass, classify_value
from auditor.model import AuthModel, Platform, ScanResult
from tests.source_trees import scan_tree, write_tree


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _connection(result: ScanResult, agent: str, platform: Platform):  # type: ignore[no-untyped-def]
    found = next(a for a in result.agents if a.name == agent)
    return next(c for c in found.connections if c.platform is platform)


# ---------------------------------------------------------------------- a Slack bot that answers with Gemini

_GEMINI_BOT = """\
import os

from google import genai
from slack_bolt import App

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])
client = genai.Client(api_key=os.environ["GEMINI_API_KEY"])


@app.event("app_mention")
def answer(event, say):
    reply = client.models.generate_content(model="gemini-2.5-flash", contents=event["text"])
    say(reply.text)
"""

_DRIVE = """\

from google.oauth2 import credentials as oauth_credentials
from googleapiclient.discovery import build

drive = build("drive", "v3", credentials=oauth_credentials.Credentials(
    None,
    refresh_token=os.environ["GOOGLE_DRIVE_REFRESH_TOKEN"],
    client_id=os.environ["GOOGLE_CLIENT_ID"],
    client_secret=os.environ["GOOGLE_CLIENT_SECRET"],
    token_uri="https://oauth2.googleapis.com/token",
))
"""

_GEMINI_ENV = """\
SLACK_BOT_TOKEN=
SLACK_SIGNING_SECRET=
GEMINI_API_KEY=
GOOGLE_CLOUD_PROJECT=helpdesk-bot-4821
"""

# A knowledge-graph MCP server's provider settings: the Gemini key under a `gemini` section.
_PROVIDERS_YAML = """\
server:
  transport: http
  port: 8000

llm:
  provider: gemini
  providers:
    gemini:
      api_key: ${GOOGLE_API_KEY}
      project_id: ${GOOGLE_PROJECT_ID:}
"""


def test_a_gemini_key_signs_in_as_no_principal(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"bot/app.py": _GEMINI_BOT, "bot/.env.example": _GEMINI_ENV})
    google = _connection(result, "bot", Platform.GOOGLE)
    # Still reported as what it is: a static key, in the inventory and the JSON report.
    assert google.auth_model is AuthModel.STATIC_API_KEY
    assert [f for f in result.findings if f.rule_id == "BA-103"] == []


_MCP_SERVER = "from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP('graph-memory')\n"


def test_a_gemini_key_in_an_mcp_servers_provider_settings(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path,
        {
            "graph_server/main.py": _MCP_SERVER,
            "graph_server/config.yaml": _PROVIDERS_YAML,
        },
    )
    assert any(c.platform is Platform.GOOGLE for a in result.agents for c in a.connections)
    assert [f for f in result.findings if f.rule_id == "BA-103" and f.platform is Platform.GOOGLE] == []


def test_a_google_oauth_refresh_token_beside_it_is_still_a_shared_identity(tmp_path: Path) -> None:
    # The same bot reading every user's questions against one Drive account: that account's reach is shared.
    result = scan_tree(tmp_path, {"bot/app.py": _GEMINI_BOT + _DRIVE, "bot/.env.example": _GEMINI_ENV})
    found = [f for f in result.findings if f.rule_id == "BA-103" and f.platform is Platform.GOOGLE]
    assert len(found) == 1


# ------------------------------------------------------------- an API description's sample responses

_OPENAPI = """\
openapi: 3.1.0
info:
  title: Signing keys API
  version: 1.0.0
paths:
  /v1/signing-keys/current:
    get:
      summary: The key requests are signed with now
      responses:
        "200":
          description: The current key
          content:
            application/json:
              example:
                signing_key:
                  kid: sk_2023_06
                  algorithm: ES256
                  created_at: 2023-06-10T09:15:00Z
components:
  securitySchemes:
    ApiKeyAuth:
      type: apiKey
      in: header
      name: X-API-Key
"""

_DATED_CONFIG = """\
openai:
  api_key: ${OPENAI_API_KEY}
  key_created: 2023-01-09
"""


def test_an_api_descriptions_sample_response_dates_no_credential(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"docs/openapi.yaml": _OPENAPI})
    assert [(f.rule_id, f.location) for f in result.findings] == []


def test_a_credentials_recorded_creation_date_is_still_judged(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"agent/config.yaml": _DATED_CONFIG})
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-112"] == ["BA-112"]


_ROUTE_AND_KEY = """\
paths:
  /v1/{appKey}:
    get:
      updated_at: 2022-03-01
signing_key:
  api_key: ${SIGNING_KEY}
  rotated_at: 2022-02-01
"""


def test_a_route_parameter_names_no_credential_a_sections_name_still_does(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"service/api.yaml": _ROUTE_AND_KEY})
    assert [(f.rule_id, f.location.line) for f in result.findings if f.location] == [("BA-112", 7)]


# -------------------------------------------------------------- constants and stand-ins that read as secrets


@pytest.mark.parametrize(
    "line",
    [
        # A sentinel a program swaps into a text and out again.
        '    const HIGHLIGHT_TOKEN = "___NOTES_HIGHLIGHT_MARKER___";',
        "SWAP_TOKEN = '__APP_SWAP_MARKER__'",
        # Go: the address of a composite literal.
        "\tsecret := &models.VaultOpenSecret20240101{}",
        # A diagram's label: the key's name, numbered.
        '    Container(sp, "sp-auth", "{clientID=client1, clientSecret=clientSecret1}", "")',
    ],
)
def test_names_markers_and_numbered_key_names_are_no_secrets(detectors: DetectorSet, line: str) -> None:
    assert detectors.scan_text(line + "\n") == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ('    const HIGHLIGHT_TOKEN = "___Kq8zW2vLx9Pm4Rt7___";', "___Kq8zW2vLx9Pm4Rt7___"),
        ('\tsecret := "&Zq4Wv9Lk2Xr7Pt{"', "&Zq4Wv9Lk2Xr7Pt{"),
        ('    Container(sp, "sp-auth", "{clientID=client1, clientSecret=Qv8xT2nLw5Rk}", "")', "Qv8xT2nLw5Rk"),
    ],
)
def test_values_beside_those_shapes_are_still_found(detectors: DetectorSet, line: str, value: str) -> None:
    assert [h.value for h in detectors.scan_text(line + "\n")] == [value]


@pytest.mark.parametrize(
    ("value", "key", "expected"),
    [
        ("clientSecret1", "clientSecret", ValueClass.PLACEHOLDER),
        ("apiKey2", "api_key", ValueClass.PLACEHOLDER),
        # Under a password's name a numbered word is a person's (weak) choice: judged, as `hunter2` is.
        ("password1", "password", ValueClass.SECRET_CANDIDATE),
        ("___APP_SWAP_MARKER___", "password", ValueClass.SECRET_CANDIDATE),
        ("&models.Type{}", "password", ValueClass.SECRET_CANDIDATE),
        ("&Kq8zW2vLx9Pm{", "secret", ValueClass.SECRET_CANDIDATE),
    ],
)
def test_the_stand_in_rules_and_their_password_exceptions(value: str, key: str, expected: ValueClass) -> None:
    assert classify_value(value, key) is expected


def test_the_new_value_patterns_are_proved_linear() -> None:
    from auditor.extract import values
    from auditor.extract.regexcheck import check_linear

    check_linear(values._ADDRESS_OF_LITERAL.pattern)
    from auditor.extract import text

    check_linear(text._FRAMEWORK_IMPORT.pattern)
    check_linear(text._CODE_AGENTS[4][1].pattern)


# ------------------------------------------------------------- agents built with no name first (Strands & co)

_STRANDS_APP = """\
import os

from strands import Agent
from strands_tools import http_request

SYSTEM = "You answer questions about the restaurant's bookings."

booking_agent = Agent(
    model=os.environ.get("BEDROCK_MODEL_ID", "us.anthropic.claude-sonnet-4-20250514-v1:0"),
    tools=[http_request],
    system_prompt=SYSTEM,
)

if __name__ == "__main__":
    print(booking_agent("Which tables are free tonight?"))
"""

_PYDANTIC_APP = """\
from pydantic_ai import Agent

support = Agent("openai:gpt-4o", system_prompt="Be concise.", name="support-desk")
"""

_SMOL_APP = """\
from smolagents import CodeAgent, InferenceClientModel

researcher = CodeAgent(tools=[], model=InferenceClientModel())
"""

# The same constructor call where no such framework is imported: a game's own Agent class.
_OWN_CLASS = """\
from game.actors import Agent

player = Agent(speed=3, health=100)
"""


@pytest.mark.parametrize(
    ("files", "name"),
    [
        # An agent is named for its folder (the agent's root), as every agent built in code is.
        ({"restaurant/agent.py": _STRANDS_APP}, "restaurant"),
        ({"desk/app.py": _PYDANTIC_APP}, "desk"),
        ({"research/run.py": _SMOL_APP}, "research"),
    ],
)
def test_an_agent_built_with_no_name_first_is_found(tmp_path: Path, files: dict[str, str], name: str) -> None:
    result = scan_tree(tmp_path, files)
    assert [(a.name, a.kind) for a in result.agents] == [(name, "agent_sdk")]


@pytest.mark.parametrize(
    "files",
    [
        {"game/world.py": _OWN_CLASS},
        # Tests and docs show how to build one and build none.
        {"tests/test_agent.py": _STRANDS_APP},
        {"docs/quickstart.md": "```python\n" + _STRANDS_APP + "```\n"},
    ],
)
def test_the_same_call_elsewhere_builds_no_agent(tmp_path: Path, files: dict[str, str]) -> None:
    write_tree(tmp_path, files)
    assert run(ScanOptions(paths=(tmp_path,))).agents == ()


def test_a_graph_databases_identifier_names_no_microsoft_graph() -> None:
    from auditor.inventory.platforms import platform_of_key

    assert platform_of_key("NEPTUNE_GRAPH_IDENTIFIER") is None
    assert platform_of_key("GRAPH_CLIENT_SECRET") is Platform.ENTRA


_COMPOSE_AWS = """\
services:
  terminology-agent:
    build: .
    ports:
      - "8080:8080"
    environment:
      - AWS_REGION=${AWS_REGION:-us-east-1}
      - AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}
      - AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}
      - AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}
"""


def test_an_sts_session_token_is_not_called_long_lived(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"agent/docker-compose.yml": _COMPOSE_AWS, "agent/app.py": _STRANDS_APP})
    aws = _connection(result, "agent", Platform.AWS)
    assert aws.auth_model is AuthModel.STATIC_API_KEY  # the access key pair is still what it is
    assert "AWS_SECRET_ACCESS_KEY" in aws.reason
    assert "AWS_SESSION_TOKEN" not in aws.reason


# ----------------------------------------- an i18n catalogue's message ids, jwt.io's sample, sample lifetimes

_DECLARATION = """\
// this file is generated by the i18n build; do not edit
export enum I18nKey {
  SETTINGS$SEARCH_API_KEY = "SETTINGS$SEARCH_API_KEY",
  GIT$AZURE_DEVOPS_TOKEN = "GIT$AZURE_DEVOPS_TOKEN",
  CONNECT_TO_GIT_MODAL$GET_YOUR_TOKEN = "CONNECT_TO_GIT_MODAL$GET_YOUR_TOKEN",
}
"""


def test_an_i18n_catalogues_message_ids_are_no_secrets(detectors: DetectorSet) -> None:
    assert detectors.scan_text(_DECLARATION) == []
    # A value beside such a name is still judged.
    assert [h.value for h in detectors.scan_text('  GIT$AZURE_DEVOPS_TOKEN = "Qv8xT2nLw5RkZp4M",\n')] == [
        "Qv8xT2nLw5RkZp4M"
    ]


def _jwt(claims: str) -> str:
    import base64

    def seg(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    # An RS256 header and a made-up 256-byte signature: the shape every RS256 token has.
    return ".".join((seg(b'{"alg":"RS256","typ":"JWT"}'), seg(claims.encode()), seg(bytes(range(256)))))


def test_a_copy_of_jwt_ios_sample_token_is_a_documented_example() -> None:
    sample = _jwt('{"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022}')
    assert classify_value(sample) is ValueClass.EXAMPLE
    # Other claims are a token someone issued.
    issued = _jwt('{"sub":"svc-ledger","name":"Ledger bot","iat":1733500000}')
    assert classify_value(issued) is ValueClass.SECRET_CANDIDATE


def test_a_copy_of_the_sample_in_code_is_not_reported(tmp_path: Path) -> None:
    sample = _jwt('{"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022}')
    issued = _jwt('{"sub":"svc-ledger","name":"Ledger bot","iat":1733500000}')
    source = f'package jwtauth\n\nvar sampleJWT = "{sample}"\nvar ledgerJWT = "{issued}"\n'
    result = scan_tree(tmp_path, {"keyset.go": source})
    assert [f.location.line for f in result.findings if f.rule_id == "BA-101" and f.location] == [4]


_TOKEN_API = """\
openapi: 3.0.3
info:
  title: Helpdesk API
  version: "2"
components:
  schemas:
    TokenObject:
      type: object
      properties:
        access_token:
          type: string
        expires_in:
          type: integer
      example:
        access_token: ${HELPDESK_SAMPLE_TOKEN}
        expires_in: 86400
        refresh_token_expires_in: 604800
"""

_TOKEN_CONFIG = """\
oauth:
  access_token: ${HELPDESK_TOKEN}
  expires_in: 86400
"""


def test_a_sample_responses_token_lifetime_is_no_setting(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"specs/helpdesk.yaml": _TOKEN_API})
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-106"] == []


def test_a_configured_token_lifetime_is_still_judged(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"agent/oauth.yaml": _TOKEN_CONFIG})
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-106"] == ["BA-106"]


# ---------------------------------------------------------------- an Azure AI Foundry Agent Service web app

_FOUNDRY_APP = """\
import os

from azure.ai.projects import AIProjectClient
from azure.identity import DefaultAzureCredential

project_client = AIProjectClient.from_connection_string(
    credential=DefaultAzureCredential(),
    conn_str=os.environ["PROJECT_CONNECTION_STRING"],
)
bing = project_client.connections.get(connection_name=os.environ["BING_CONNECTION_NAME"])
agent = project_client.agents.get_agent(os.environ["AGENT_ID"])
thread = project_client.agents.create_thread()
"""

_FOUNDRY_ENV = """\
PROJECT_CONNECTION_STRING="<HostName>;<AzureSubscriptionId>;<ResourceGroup>;<ProjectName>"
MODEL_DEPLOYMENT_NAME="gpt-4o"
BING_CONNECTION_NAME="bing-grounding"
"""


def test_an_agent_service_project_client_is_an_agent_running_as_its_identity(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path, {"hr-assistant/main.py": _FOUNDRY_APP, "hr-assistant/.env.example": _FOUNDRY_ENV}
    )
    assert [a.kind for a in result.agents] == ["agent_sdk"]
    entra = _connection(result, result.agents[0].name, Platform.ENTRA)
    # The Bing grounding connection's name signs nobody in: the app runs as its managed identity.
    assert entra.auth_model is AuthModel.SERVICE_ACCOUNT_ROLE


def test_a_bots_oauth_connection_name_still_signs_its_users_in() -> None:
    from auditor.inventory.signin import user_sign_in_key

    for name in (
        "ConnectionName",
        "OAUTH_CONNECTION_NAME",
        "AzureBotOAuthConnectionName",
        "OBOConnectionName",
    ):
        assert user_sign_in_key(name)
    for name in ("BING_CONNECTION_NAME", "AZURE_SEARCH_CONNECTION_NAME", "DB_CONNECTION_NAME"):
        assert not user_sign_in_key(name)


# ------------------------------------------ a setup script's Click commands; a troubleshooting page's snippet

_CLICK_SCRIPT = """\
import boto3
import click

gateway_client = boto3.client("bedrock-agentcore-control")


@click.group()
def cli():
    pass


@cli.command()
@click.option("--name", required=True)
def create(name):
    gateway_client.create_gateway(name=name)
"""

_BOLT_SCRIPT = """\
import boto3
from slack_bolt import App

app = App()
gateway_client = boto3.client("bedrock-agentcore-control")


@app.command("/gateway")
def create(ack, command):
    ack()
    gateway_client.create_gateway(name=command["text"])
"""


def test_a_command_line_tools_commands_are_no_entry_points_for_many_users() -> None:
    from auditor.collectors.code import deputy

    cli = deputy._parse_python("scripts/gateway.py", _CLICK_SCRIPT)
    assert cli is not None and cli.entries == []
    bolt = deputy._parse_python("bot/gateway.py", _BOLT_SCRIPT)
    assert bolt is not None and [how for _func, how in bolt.entries] == ["Slack Bolt @app.command"]


_TROUBLESHOOTING = """\
# Troubleshooting

If the app cannot reach the project, check that it signs in as its managed identity:

```python
from azure.identity import DefaultAzureCredential

credential = DefaultAzureCredential()
```
"""


def test_the_deciding_evidence_is_shown_in_code_before_a_document(tmp_path: Path) -> None:
    # The troubleshooting page sorts first in path order; the finding and the connection point at the code.
    result = scan_tree(tmp_path, {"main.py": _FOUNDRY_APP, "docs/troubleshooting.md": _TROUBLESHOOTING})
    entra = _connection(result, result.agents[0].name, Platform.ENTRA)
    assert entra.evidence[0].path == "docs/troubleshooting.md"
    assert entra.decided_at is not None and entra.decided_at.path == "main.py"


# ---------------------------------------------------- an end-to-end test workflow beside the app at the top

_E2E_WORKFLOW = """\
name: E2E Tests
on: pull_request
jobs:
  e2e:
    runs-on: ubuntu-latest
    env:
      GITHUB_REPO_NAME: example-org/e2e-fixture
    steps:
      - uses: actions/checkout@v4
      - run: pytest tests/e2e
        env:
          E2E_TEST_GITHUB_TOKEN: ${{ secrets.E2E_TEST_GITHUB_TOKEN }}
"""


def test_a_test_workflows_token_is_the_pipelines_not_the_apps(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path,
        {"app.py": _GEMINI_BOT, ".env.example": _GEMINI_ENV, ".github/workflows/e2e.yml": _E2E_WORKFLOW},
    )
    by_kind = {a.kind: a for a in result.agents}
    assert set(by_kind) == {"slack_bot", "github_actions"}
    assert Platform.GITHUB not in {c.platform for c in by_kind["slack_bot"].connections}
    assert Platform.GITHUB in {c.platform for c in by_kind["github_actions"].connections}
    assert [f for f in result.findings if f.rule_id == "BA-103" and f.platform is Platform.GITHUB] == []


_DEPLOY_SCRIPT = """\
#!/bin/bash
echo "Deploying the helpdesk bot..."

# The deployer's own AWS credentials
if [ -z "$AWS_ACCESS_KEY_ID" ] || [ -z "$AWS_SECRET_ACCESS_KEY" ]; then
    echo "No AWS credentials in the environment. Either:"
    echo "  export AWS_ACCESS_KEY_ID=<your key id>"
    echo "  export AWS_SECRET_ACCESS_KEY=<your secret key>"
    echo "or run: aws sso login"
    exit 1
fi
sam deploy --stack-name helpdesk-bot --capabilities CAPABILITY_IAM
"""

_S3_READS = """\

import boto3

archive = boto3.client(
    "s3",
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
)
"""


def test_a_deployment_scripts_credentials_are_the_deployers(tmp_path: Path) -> None:
    result = scan_tree(tmp_path, {"bot/app.py": _GEMINI_BOT, "bot/deploy_only.sh": _DEPLOY_SCRIPT})
    assert [f for f in result.findings if f.rule_id == "BA-103" and f.platform is Platform.AWS] == []


def test_the_apps_own_aws_key_is_still_shared(tmp_path: Path) -> None:
    result = scan_tree(
        tmp_path, {"bot/app.py": _GEMINI_BOT + _S3_READS, "bot/deploy_only.sh": _DEPLOY_SCRIPT}
    )
    assert len([f for f in result.findings if f.rule_id == "BA-103" and f.platform is Platform.AWS]) == 1


def test_a_project_client_that_runs_no_agent_is_no_agent(tmp_path: Path) -> None:
    seed = (
        "from azure.ai.projects import AIProjectClient\n"
        "from azure.identity import DefaultAzureCredential\n\n"
        "def seed_agent(endpoint):\n"
        "    client = AIProjectClient(endpoint=endpoint, credential=DefaultAzureCredential())\n"
        "    client.connections.get('search-index')\n"
    )
    write_tree(tmp_path, {"infra/scripts/seed_connections.py": seed})
    assert run(ScanOptions(paths=(tmp_path,))).agents == ()


def test_a_matchs_comment_and_string_tests_read_a_bounded_window(detectors: DetectorSet) -> None:
    # On a line megabytes long (generated or minified code) each match reads at most 400 characters back: a
    # comment mark further back no longer hides it, and nothing reads back to the line's start per match.
    from auditor.extract.filescan import scan_bytes

    near = "from strands import Agent\n# helper = Agent(model=m)\n"
    far = "from strands import Agent\n# " + "x" * 500 + "; helper = Agent(model=m)\n"
    scan = scan_bytes("svc/agent.py", near.encode(), detectors, fingerprint_key="t")
    assert scan.manifests == ()
    scan = scan_bytes("svc/agent.py", far.encode(), detectors, fingerprint_key="t")
    assert [h.kind for h in scan.manifests] == ["agent_sdk"]


def test_the_deciding_evidence_is_shown_in_the_app_before_its_provisioning_scripts(tmp_path: Path) -> None:
    # A post-provision script sorts first in path order (`infra/` < `main.py`); the finding points at the app.
    seed = (
        "from azure.identity import DefaultAzureCredential\n\n"
        "credential = DefaultAzureCredential()  # seeds the search index after `azd provision`\n"
    )
    result = scan_tree(tmp_path, {"main.py": _FOUNDRY_APP, "infra/scripts/seed_index.py": seed})
    entra = next(c for a in result.agents for c in a.connections if c.platform is Platform.ENTRA)
    assert entra.evidence[0].path == "infra/scripts/seed_index.py"
    assert entra.decided_at is not None and entra.decided_at.path == "main.py"
