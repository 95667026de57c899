"""Real-repository precision, sixth round: shapes met scanning public agent toolkits and MCP servers
(a payments agent toolkit, the reference MCP servers, a self-hosted AI starter kit, agent SDK samples), each
written here in our own words with made-up values. Each case holds a real-looking counterpart that must still
be reported, so a rule that swallowed every value would fail."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes

# Made up for these tests: a password a person might choose, and a token of random characters.
_REAL_PASSWORD = "Quillon-84&vetch"
_REAL_TOKEN = "q7RzV0eKp3Lx9WmT2bNc8YsHd"


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _secrets(detectors: DetectorSet, path: str, text: str) -> list[tuple[int, str]]:
    scan = scan_bytes(path, text.encode(), detectors, fingerprint_key="t")
    return [(s.location.line, s.detector_id) for s in scan.secrets]


# ------------------------------------------------------------------- members and their types in declarations

_DECLARATIONS = """\
interface URLPatternResult {
  inputs: (string | URLPatternInit)[];
  username: URLPatternComponentResult;
  password: URLPatternComponentResult;
  readonly apiToken: TokenHolder;
}
declare class Session { private secret: SessionSecretStore; }
"""


@pytest.mark.parametrize("path", ["worker-configuration.d.ts", "src/session.ts"])
def test_a_member_and_its_type_in_a_declaration_is_no_secret(detectors: DetectorSet, path: str) -> None:
    assert _secrets(detectors, path, _DECLARATIONS) == []


def test_a_value_ending_a_statement_is_still_judged(detectors: DetectorSet) -> None:
    # A password assigned in a statement, or a member initialised with a literal, is a value.
    text = f'const db = {{\n  password: "{_REAL_PASSWORD}";\n}}\nclass A {{ token = "{_REAL_TOKEN}"; }}\n'
    assert [line for line, _ in _secrets(detectors, "src/db.ts", text)] == [2, 4]
    # An unquoted mixed-case value alone on its line (YAML) is judged as before.
    assert _secrets(detectors, "config.yaml", f"password: {_REAL_TOKEN}\n") != []


# ------------------------------------------------------------------------------ typographic quotes


def test_a_typographic_quote_closes_an_unquoted_value(detectors: DetectorSet) -> None:
    # A README whose JSON was pasted through a word processor: the variable's name stands in for the key.
    readme = (
        "```\n"
        "{\n"
        "  \u201cargs\u201d: [\n"
        "    \u201c--tools=all\u201d,\n"
        "    \u201c--api-key=STRIPE_SECRET_KEY\u201d\n"
        "  ]\n"
        "}\n"
        "```\n"
    )
    assert _secrets(detectors, "README.md", readme) == []
    real = readme.replace("STRIPE_SECRET_KEY", _REAL_TOKEN)
    assert [line for line, _ in _secrets(detectors, "README.md", real)] == [5]


# ------------------------------------------------------------ a self-hosted platform and its own database

_COMPOSE = """\
x-app: &app
  image: n8nio/n8n:latest
  environment:
    - DB_TYPE=postgresdb
    - DB_POSTGRESDB_HOST={host}
    - DB_POSTGRESDB_USER=${{POSTGRES_USER}}
    - DB_POSTGRESDB_PASSWORD=${{POSTGRES_PASSWORD}}
  env_file: .env

services:
{database}
  workflows-import:
    <<: *app
    command: ["import:workflow", "--input=/seed"]
  workflows:
    <<: *app
    ports:
      - 5678:5678
"""
_DATABASE = """\
  postgres:
    image: postgres:16-alpine
    environment:
      - POSTGRES_USER
      - POSTGRES_PASSWORD
"""


def _platform_scan(tmp_path, compose: str):  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    (tmp_path / "docker-compose.yml").write_text(compose)
    (tmp_path / ".env.example").write_text("POSTGRES_USER=n8n\nPOSTGRES_PASSWORD=\n")
    return run(ScanOptions(paths=(tmp_path,)))


def test_a_platforms_own_database_beside_it_is_no_shared_identity(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = _platform_scan(tmp_path, _COMPOSE.format(host="postgres", database=_DATABASE))
    (agent,) = result.agents
    # The web app that publishes a port names the agent, not the one-shot import beside it.
    assert agent.name == "workflows" and agent.multi_user
    assert [c.platform.value for c in agent.connections] == ["database"]
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-103"] == []


def test_a_database_the_platform_does_not_deploy_is_still_a_shared_login(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = _platform_scan(tmp_path, _COMPOSE.format(host="warehouse.corp.example", database=""))
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-103"] == ["BA-103"]


# ------------------------------------------------------------------ Microsoft 365 Agents SDK settings

_APPSETTINGS = """\
{
  "TokenValidation": { "Audiences": [ "{{ClientId}}" ], "TenantId": "{{TenantId}}" },
  "AgentApplication": {
    "StartTypingTimer": true%s
  },
  "Connections": {
    "ServiceConnection": {
      "Settings": {
        // ClientSecret (the default), Certificate, UserManagedIdentity, FederatedCredentials ...
        "AuthType": "%s",
        "ClientId": "{{ClientId}}",
        "ClientSecret": null,
        "Scopes": [ "https://api.botframework.com/.default" ]
      }
    }
  },
  "ConnectionsMap": [ { "ServiceUrl": "*", "Connection": "ServiceConnection" } ]
}
"""
_HANDLERS = """,
    "UserAuthorization": {
      "Handlers": {
        "graph": { "Settings": { "AzureBotOAuthConnectionName": "{{OAuthConnection}}"%s } }
      }
    }"""


def _agent_of(tmp_path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = run(ScanOptions(paths=(tmp_path,)))
    (agent,) = [a for a in result.agents if a.kind == "teams_bot"]
    return agent, {c.platform.value: c for c in agent.connections}, result


@pytest.mark.parametrize(
    ("auth_type", "model"),
    [
        ("ClientSecret", "client_secret"),
        ("Certificate", "client_certificate"),
        ("UserManagedIdentity", "service_account_role"),
        ("FederatedCredentials", "service_account_role"),
        ("", "unknown"),
    ],
)
def test_an_agents_sdk_service_connection_says_how_the_agent_signs_in(tmp_path, auth_type, model) -> None:  # type: ignore[no-untyped-def]
    text = _APPSETTINGS % ("", auth_type)
    if auth_type == "":
        text = text.replace('"ClientSecret": null,\n', "")  # nothing but the empty AuthType
    agent, conns, _ = _agent_of(tmp_path, {"helpdesk-agent/appsettings.json": text})
    assert agent.name == "helpdesk-agent" and agent.multi_user
    assert conns["entra"].auth_model.value == model
    assert "ServiceConnection" in conns["entra"].reason


def test_an_agents_sdk_user_authorization_handler_delegates_per_user(tmp_path) -> None:  # type: ignore[no-untyped-def]
    sign_in = _APPSETTINGS % (_HANDLERS % "", "ClientSecret")
    _, conns, result = _agent_of(tmp_path / "a", {"hr-agent/appsettings.json": sign_in})
    assert conns["entra"].auth_model.value == "on_behalf_of"
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-108"] == []
    obo = _APPSETTINGS % (_HANDLERS % ', "OBOConnectionName": "ServiceConnection"', "ClientSecret")
    _, conns, _ = _agent_of(tmp_path / "b", {"hr-agent/appsettings.json": obo})
    assert conns["entra"].auth_model.value == "on_behalf_of" and "OBOConnectionName" in conns["entra"].reason
    # Without a handler the app's own secret is all there is: a confused deputy, as for any such bot.
    _, conns, result = _agent_of(
        tmp_path / "c", {"hr-agent/appsettings.json": _APPSETTINGS % ("", "ClientSecret")}
    )
    assert conns["entra"].auth_model.value == "client_secret"
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-108"] == ["BA-108"]


def test_agents_sdk_settings_in_a_dotenv_file_any_casing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Node's samples spell them in camel case with a comment where the value goes; Python's in capitals.
    node = (
        "# rename to .env\n"
        "connections__serviceConnection__settings__clientId= # App ID of the app registration\n"
        "connections__serviceConnection__settings__clientSecret= # its client secret\n"
        "connectionsMap__0__connection=serviceConnection\n"
        "connectionsMap__0__serviceUrl=*\n"
        "AZURE_API_KEY=\n"
    )
    agent, conns, _ = _agent_of(tmp_path / "n", {"echo/env.TEMPLATE": node})
    assert conns["entra"].auth_model.value == "client_secret"
    assert conns["entra"].identity_hint is None  # the comment is no app id
    # `AZURE_API_KEY` is Azure OpenAI's key (LiteLLM, the AI SDK's Azure provider): Entra takes no API key.
    assert conns["openai"].auth_model.value == "static_api_key"
    python = (
        "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID=\n"
        "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__AUTHTYPE=UserManagedIdentity\n"
        "AGENTAPPLICATION__USERAUTHORIZATION__HANDLERS__GRAPH__SETTINGS__OBOCONNECTIONNAME=SERVICE_CONNECTION\n"
    )
    _, conns, _ = _agent_of(tmp_path / "p", {"echo/.env.example": python})
    assert conns["entra"].auth_model.value == "on_behalf_of"


def test_a_settings_file_without_an_agents_sdk_connection_is_no_agent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    (tmp_path / "appsettings.json").write_text(
        '{"ConnectionStrings": {"Default": "Server=db"}, "Connections": {"Primary": {"Timeout": 30}}}\n'
    )
    assert [a.kind for a in run(ScanOptions(paths=(tmp_path,))).agents] == []


def test_a_comment_where_a_dotenv_value_goes_is_no_value() -> None:
    from auditor.extract.lineformats import load_env

    doc = load_env("A= # the app id\nB=#kept\nC=\t# tab\nD=x # note\n")
    assert doc.data == {"A": "", "B": "#kept", "C": "", "D": "x"}


# ------------------------------------------------------------- a library's usage example in a docstring

_LIBRARY = '''\
class ServerManager:
    """Keep servers connected.

    Basic usage:
        async with ServerManager([a, b]) as manager:
            agent = Agent(
                name="Assistant",
                instructions="...",
            )
    """
'''


def test_an_agent_built_in_a_docstring_is_no_agent(detectors: DetectorSet) -> None:
    scan = scan_bytes("src/agents/mcp/manager.py", _LIBRARY.encode(), detectors, fingerprint_key="t")
    assert [h.kind for h in scan.manifests] == []
    app = _LIBRARY + '\ntriage = Agent(\n    name="Triage",\n    instructions="route the ticket",\n)\n'
    scan = scan_bytes("app/agents.py", app.encode(), detectors, fingerprint_key="t")
    assert [(h.kind, h.name) for h in scan.manifests] == [("agent_sdk", "Triage")]


# ------------------------------------------------------------------ Vercel's AI SDK in a Next.js app

_ROUTE = """\
import { convertToModelMessages, stepCountIs, streamText } from "ai";
import { lookupOrder } from "@/lib/ai/tools/lookup-order";

export const maxDuration = 60;

export async function POST(request: Request) {
  const { messages } = await request.json();
  const result = streamText({
    model: myProvider.languageModel("chat-model"),
    system: "You answer questions about orders.",
    messages: convertToModelMessages(messages),
    tools: { lookupOrder },
    stopWhen: stepCountIs(5),
  });
  return result.toUIMessageStreamResponse();
}
"""


def test_an_ai_sdk_chat_route_is_an_agent_serving_many_users(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    (tmp_path / "package.json").write_text('{"name": "support-chat", "dependencies": {"ai": "5.0.0"}}\n')
    route = tmp_path / "app" / "(chat)" / "api" / "chat" / "route.ts"
    route.parent.mkdir(parents=True)
    route.write_text(_ROUTE)
    (tmp_path / ".env.example").write_text("AI_GATEWAY_API_KEY=****\nPOSTGRES_URL=****\n")
    (agent,) = run(ScanOptions(paths=(tmp_path,))).agents
    # The route five folders down belongs to the Next.js project; it is named by its folder, not `route`,
    # and its exported POST handler serves whoever reaches it.
    assert (agent.root, agent.name, agent.kind) == (".", "chat", "ai_sdk")
    assert agent.multi_user and "route.ts:6" in agent.multi_user_reason


def test_a_function_named_like_the_sdk_without_its_import_is_no_agent(detectors: DetectorSet) -> None:
    text = _ROUTE.replace('from "ai"', 'from "./my-stream"')
    scan = scan_bytes("app/api/chat/route.ts", text.encode(), detectors, fingerprint_key="t")
    assert [h.kind for h in scan.manifests] == []
    scan = scan_bytes("app/api/chat/route.ts", _ROUTE.encode(), detectors, fingerprint_key="t")
    assert [(h.kind, h.name) for h in scan.manifests] == [("ai_sdk", "chat")]


# ----------------------------------------------------------- a doc comment's @example (generated API types)

_TYPES = """\
export interface components {
    schemas: {
        /** @example {
         *       "client_id": "3b1f0c52-7d8e-4c3a-9f61-2a5e8d0c4b17",
         *       "refresh_token": "oauth_refresh_5c8e1d0a7b3f4e29a6d4"
         *     } */
        RevokeTokenBody: {
            refresh_token: string;
        };
    };
}
"""


def test_a_value_in_a_doc_comments_example_is_no_secret(detectors: DetectorSet) -> None:
    assert _secrets(detectors, "src/management-api/types.ts", _TYPES) == []
    # The same pair after the comment closes is a value of the code; so is one in a comment without the tag.
    after = _TYPES + f'const session = {{ refresh_token: "{_REAL_TOKEN}" }};\n'
    assert [line for line, _ in _secrets(detectors, "src/management-api/types.ts", after)] == [12]
    untagged = _TYPES.replace("@example", "@default")
    assert _secrets(detectors, "src/management-api/types.ts", untagged) != []


# -------------------------------------------------- Microsoft 365 Copilot declarative agents and plugins

_DECLARATIVE = """\
{
  "$schema": "https://developer.microsoft.com/json-schemas/copilot/declarative-agent/v1.5/schema.json",
  "version": "v1.5",
  "name": "Expense Helper",
  "description": "Files and checks expense reports.",
  "instructions": "$[file('instruction.txt')]",
  "conversation_starters": [ { "text": "Show my open reports" } ],
  "actions": [ { "id": "expensesPlugin", "file": "ai-plugin.json" } ]
}
"""
_PLUGIN = """\
{
  "$schema": "https://developer.microsoft.com/json-schemas/copilot/plugin/v2.3/schema.json",
  "schema_version": "v2.3",
  "name_for_human": "Expenses API",
  "description_for_human": "Expense reports",
  "functions": [ { "name": "listReports" } ],
  "runtimes": [
    {
      "type": "OpenApi",
      "auth": { "type": "%s", "reference_id": "${{EXPENSES_AUTH_ID}}" },
      "spec": { "url": "apiSpecificationFile/expenses.yml" },
      "run_for_functions": [ "listReports" ]
    }
  ]
}
"""


@pytest.mark.parametrize(
    ("auth", "model"), [("OAuthPluginVault", "oauth_pkce"), ("ApiKeyPluginVault", "static_api_key")]
)
def test_a_copilot_plugin_says_whether_each_user_signs_in(tmp_path, auth: str, model: str) -> None:  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    package = tmp_path / "appPackage"
    package.mkdir()
    (package / "declarativeAgent.json").write_text(_DECLARATIVE)
    (package / "ai-plugin.json").write_text(_PLUGIN % auth)
    (tmp_path / "package.json").write_text('{"name": "expense-helper"}\n')
    (agent,) = run(ScanOptions(paths=(tmp_path,))).agents
    assert (agent.name, agent.kind, agent.root) == ("Expense Helper", "copilot_agent", ".")
    assert agent.multi_user and "Copilot" in agent.multi_user_reason
    (conn,) = agent.connections
    assert (conn.platform.value, conn.auth_model.value) == ("other", model)
    assert auth in conn.reason


def test_a_plugin_with_no_auth_and_a_look_alike_are_no_connection(detectors: DetectorSet) -> None:
    plugin = (_PLUGIN % "None").encode()
    scan = scan_bytes("appPackage/ai-plugin.json", plugin, detectors, fingerprint_key="t")
    assert [(h.kind, h.details["auth"]) for h in scan.manifests] == [("copilot_plugin", "None")]
    # A document with `runtimes` that is no plugin manifest (a CI matrix) is nothing.
    other = '{"schema_version": "1", "runtimes": ["node18", "node20"]}\n'
    assert scan_bytes("ci/matrix.json", other.encode(), detectors, fingerprint_key="t").manifests == ()


# -------------------------------------------------------------- code around a name; a dunder sentinel


def test_an_increment_and_a_dunder_sentinel_are_no_secrets(detectors: DetectorSet) -> None:
    ts = "    const token = ++this.pasteShortcutToken\n"
    assert _secrets(detectors, "ui/terminal/surface.ts", ts) == []
    py = '_DEPTH_LIMIT_TOKEN = "__guard_shell_expansion_depth_limit__"\n'
    assert _secrets(detectors, "agent/middleware/guard.py", py) == []
    # A password that opens with pluses, and a token between underscores, are values.
    assert _secrets(detectors, "config.yaml", "password: ++Quillon84vetch\n") != []
    assert _secrets(detectors, "settings.py", f'API_TOKEN = "__{_REAL_TOKEN}__"\n') != []


# ------------------------------------------- a Slack app that has each user authorize Salesforce (jsforce)

_BOLT = """\
const { App } = require("@slack/bolt");
const app = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });
module.exports = app;
"""
_CALLBACK = """\
const jsforce = require("jsforce");

async function onCallback(req, res) {
  const code = req.query.code;
  const conn = new jsforce.Connection({
    oauth2: {
      clientId: process.env.SF_CLIENT_ID,
      clientSecret: process.env.SF_CLIENT_SECRET,
      redirectUri: `${process.env.APP_URL}/sf/callback`,
    },
  });
  await conn.authorize(code);
  await saveTokensFor(req.query.state, conn.accessToken, conn.refreshToken);
}
"""
_LOOKUP = """\
const { getToken } = require("sf-jwt-token");

async function lookupConnection() {
  const token = await getToken({
    iss: process.env.SF_CLIENT_ID,
    sub: process.env.SF_USERNAME,
    aud: process.env.SF_LOGIN_URL,
    privateKey: process.env.SF_PRIVATE_KEY,
  });
  return token;
}
"""


def test_each_user_authorizing_salesforce_is_per_user_oauth(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    def scan(files: dict[str, str]):  # type: ignore[no-untyped-def]
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)
        result = run(ScanOptions(paths=(root,)))
        (agent,) = result.agents
        conn = next(c for c in agent.connections if c.platform.value == "salesforce")
        return conn, [f.rule_id for f in result.findings if f.rule_id == "BA-108"]

    app = {"package.json": '{"name": "sales-helper"}\n', "app.js": _BOLT, "salesforce/lookup.js": _LOOKUP}
    conn, deputy = scan({**app, "routes/callback.js": _CALLBACK})
    assert conn.auth_model.value == "oauth_pkce" and deputy == []
    assert "routes/callback.js:12" in conn.reason and "one fixed user" in conn.reason
    # The JWT bearer login as one fixed user alone: every request runs as that user.
    conn, deputy = scan(app)
    assert conn.auth_model.value == "client_certificate" and deputy == ["BA-108"]


# ----------------------------------------- MCP servers in Go and as FastMCP subclasses; what tests and CI say

_GO_SERVER = """\
package server

import (
\t"github.com/mark3labs/mcp-go/server"
)

func New() *server.MCPServer {
\ts := server.NewMCPServer(
\t\t"Helpdesk MCP Server",
\t\t"1.4.0",
\t\tserver.WithToolCapabilities(true),
\t)
\treturn s
}

func (h *Handler) HTTP() *server.StreamableHTTPServer {
\treturn server.NewStreamableHTTPServer(h.s)
}
"""
_GO_MAIN = """\
package main

import "example.com/helpdesk-mcp/pkg/server"

func main() {
\ttoken := os.Getenv("SLACK_MCP_XOXP_TOKEN")
\t_ = server.New()
}
"""


def _tree(root, files: dict[str, str]):  # type: ignore[no-untyped-def]
    from auditor.scan import ScanOptions, run

    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return run(ScanOptions(paths=(root,)))


def test_a_go_mcp_server_is_its_modules_agent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = _tree(
        tmp_path,
        {
            "go.mod": "module example.com/helpdesk-mcp\n",
            "pkg/server/server.go": _GO_SERVER,
            "cmd/helpdesk/main.go": _GO_MAIN,
        },
    )
    (agent,) = result.agents
    assert (agent.name, agent.root, agent.kind, agent.multi_user) == (
        "Helpdesk MCP Server",
        ".",
        "mcp_server",
        True,
    )
    # A Slack user token (xoxp-) read by a shared server: one person's token behind every user's request.
    (slack,) = [c for c in agent.connections if c.platform.value == "slack"]
    assert slack.auth_model.value == "personal_token"
    assert "BA-104" in {f.rule_id for f in result.findings}


def test_a_fastmcp_subclass_is_an_mcp_server(detectors: DetectorSet) -> None:
    text = (
        "from fastmcp import FastMCP\n\n"
        "class TicketsMCP(FastMCP):\n    pass\n\n"
        'tickets = TicketsMCP(name="tickets", instructions="Jira and Confluence")\n'
    )
    scan = scan_bytes("src/tickets_mcp/servers/main.py", text.encode(), detectors, fingerprint_key="t")
    assert [(h.kind, h.name) for h in scan.manifests] == [("mcp_server_code", "tickets")]


def test_a_test_suite_and_a_ci_pipeline_do_not_set_how_the_agent_signs_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = 'from fastmcp import FastMCP\n\nmcp = FastMCP("tickets")\nmcp.run(transport="streamable-http")\n'
    unit = (
        "def test_jwt_grant():\n"
        '    body = {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": a}\n'
        "    assert build(body)\n"
    )
    release = (
        "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n"
        "          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n"
        "      - uses: anthropics/claude-code-action@v1\n        with:\n"
        "          claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}\n"
    )
    result = _tree(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "tickets-mcp"\n',
            "src/tickets_mcp/__init__.py": "",
            "src/tickets_mcp/server.py": server,
            "tests/unit/test_oauth.py": unit,
            ".github/workflows/release.yml": release,
        },
    )
    agent, pipeline = sorted(result.agents, key=lambda a: a.kind != "mcp_server")
    assert (agent.root, agent.kind, agent.multi_user) == (".", "mcp_server", True)
    platforms = {c.platform.value: c for c in agent.connections}
    # No Salesforce from the unit test's grant. The registry login and the maintainer's Claude token are the
    # release workflow's: the pipeline's own agent holds them, and the server's users never reach them.
    assert "salesforce" not in platforms
    assert "github" not in platforms and "anthropic" not in platforms
    assert (pipeline.root, pipeline.kind) == (".", "github_actions")
    ci = {c.platform.value: c for c in pipeline.connections}
    assert ci["anthropic"].auth_model.value == "personal_token"
    assert {f.rule_id for f in result.findings} & {"BA-103", "BA-104", "BA-108"} == set()


# ----------------------------------------------------------------- a Teams app package's manifest

_TEAMS_MANIFEST = """\
{
  "$schema": "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json",
  "manifestVersion": "1.22",
  "version": "1.0.0",
  "id": "${{AAD_APP_CLIENT_ID}}",
  "name": { "short": "Leave Desk", "full": "Leave requests for the HR team" },
  "bots": [ { "botId": "${{BOT_ID}}", "scopes": [ "personal", "team" ] } ]
}
"""


def test_a_teams_app_package_is_a_teams_bot_of_its_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = _tree(
        tmp_path / "a",
        {"leave-desk/appPackage/manifest.json": _TEAMS_MANIFEST, "leave-desk/index.js": "// the bot\n"},
    )
    (agent,) = result.agents
    assert (agent.root, agent.kind, agent.multi_user) == ("leave-desk", "teams_bot", True)
    # A web app's manifest.json, a Chrome extension's: no Teams app.
    web = '{"manifest_version": 3, "name": "Tab Saver", "version": "1.0", "action": {}}\n'
    assert _tree(tmp_path / "b", {"ext/manifest.json": web}).agents == ()


def test_an_example_tag_in_a_line_comment_after_a_closed_block_is_no_doc_comment(
    detectors: DetectorSet,
) -> None:
    text = f'/* helpers */\n// @example below\nconst session = {{ refresh_token: "{_REAL_TOKEN}" }};\n'
    assert [line for line, _ in _secrets(detectors, "src/session.ts", text)] == [3]
