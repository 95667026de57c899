"""MCP server packaging manifests (extract/server_manifests.py): Claude Desktop extensions (DXT / MCPB
manifest.json), the MCP registry's server.json and smithery.yaml are each an MCP server agent named by the
manifest; what each user supplies is that user's own credential, what the manifest writes in is a secret."""

from __future__ import annotations

import hashlib
import json
import textwrap
from pathlib import Path

import pytest

from auditor.extract import server_manifests
from auditor.model import Agent, AuthModel, Platform, ReferenceKind, ScanResult
from auditor.scan import ScanOptions, run


# Fake credentials built in code, so no file in the repository holds a token-shaped string.
def fake_github(seed: str) -> str:
    return "ghp_" + hashlib.sha256(seed.encode()).hexdigest()[:36]


def fake_slack(seed: str) -> str:
    digits = str(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")).rjust(20, "7")
    return f"xoxb-{digits[:10]}-{digits[10:20]}111-" + hashlib.sha256(seed.encode()).hexdigest()[:24]


def fake_generic(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


def _write(root: Path, rel: str, content: str | dict) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(content, indent=2) if isinstance(content, dict) else textwrap.dedent(content)
    path.write_text(text, encoding="utf-8")


def _scan(root: Path) -> ScanResult:
    return run(ScanOptions(paths=(root,), jobs=1))


def _agents(result: ScanResult) -> dict[str, Agent]:
    return {a.name: a for a in result.agents}


def _models(agent: Agent) -> dict[Platform, AuthModel]:
    return {c.platform: c.auth_model for c in agent.connections}


def _refs(result: ScanResult, path: str) -> set[str]:
    (scan,) = [f for f in result.files if f.path == path]
    return {f"{r.kind.value}:{r.target}" for r in scan.references}


def _secret_keys(result: ScanResult, path: str) -> list[str | None]:
    (scan,) = [f for f in result.files if f.path == path]
    return sorted(str(m.location.key) for m in scan.secrets)


def _dxt(version_key: str, version: str, **extra: object) -> dict:
    manifest: dict = {
        version_key: version,
        "name": "octo-issues",
        "display_name": "Octo Issues",
        "version": "0.6.1",
        "description": "Search and label GitHub issues",
        "author": {"name": "Priya Raman"},
        "server": {
            "type": "node",
            "entry_point": "server/index.js",
            "mcp_config": {
                "command": "node",
                "args": ["${__dirname}/server/index.js", "--org", "${user_config.org}"],
                "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${user_config.github_token}"},
            },
        },
        "user_config": {
            "github_token": {
                "type": "string",
                "title": "GitHub token",
                "description": "A fine-grained token with issues:write",
                "sensitive": True,
                "required": True,
            },
            "org": {"type": "string", "title": "Organisation", "default": "northwind-traders"},
        },
    }
    manifest.update(extra)
    return manifest


@pytest.mark.parametrize(("version_key", "version"), [("dxt_version", "0.1"), ("manifest_version", "0.3")])
def test_a_desktop_extension_is_each_user_s_own_server_with_their_own_token(
    tmp_path: Path, version_key: str, version: str
) -> None:
    _write(tmp_path, "octo-issues/manifest.json", _dxt(version_key, version))
    result = _scan(tmp_path)
    agent = _agents(result)["octo-issues"]  # the manifest's name, not its folder's
    assert agent.kind == "mcp_server"
    assert agent.multi_user is False and "each user's client runs a copy" in agent.multi_user_reason
    # The sensitive setting is a reference where the server receives it; the plain setting is none.
    assert _refs(result, "octo-issues/manifest.json") == {"prompt_input:github_token"}
    assert _models(agent) == {Platform.GITHUB: AuthModel.PERSONAL_TOKEN}
    (github,) = agent.connections
    assert "each user's own credential" in github.reason and "sensitive user_config" in github.reason
    # `${__dirname}`, `${user_config.*}` and the organisation's name are no secrets.
    assert _secret_keys(result, "octo-issues/manifest.json") == []
    assert not result.findings


def test_a_key_written_into_an_extension_is_a_secret_and_a_shared_key(tmp_path: Path) -> None:
    manifest = _dxt("manifest_version", "0.3")
    # The author's own key left as the setting's default: every user who keeps it uses the author's key.
    manifest["user_config"]["github_token"]["default"] = fake_github("dxt-default")
    # A generic key under the variable that receives it, and one as a setting's default: judged by name.
    manifest["server"]["mcp_config"]["env"]["LINEAR_API_KEY"] = fake_generic("linear")
    manifest["user_config"]["search_key"] = {
        "type": "string",
        "sensitive": True,
        "default": fake_generic("s"),
    }
    # Placeholders in the same places are not.
    manifest["user_config"]["spare_key"] = {"type": "string", "sensitive": True, "default": "your-api-key"}
    _write(tmp_path, "manifest.json", manifest)
    result = _scan(tmp_path)
    assert _secret_keys(result, "manifest.json") == [
        "server.mcp_config.env.LINEAR_API_KEY",
        "user_config.github_token.default",
        "user_config.search_key.default",
    ]
    agent = _agents(result)["octo-issues"]
    # A key written in outweighs the user's own: the connection names the written token, not each user's.
    (github,) = [c for c in agent.connections if c.platform is Platform.GITHUB]
    assert github.credential_fingerprints and "each user's own credential" not in github.reason, github
    assert any(f.location is not None and f.location.path == "manifest.json" for f in result.findings)
    dumped = json.dumps([f.message for f in result.findings])
    assert fake_generic("linear") not in dumped and fake_github("dxt-default") not in dumped


def _registry(**extra: object) -> dict:
    server: dict = {
        "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
        "name": "io.github.northwind/slack-digest",
        "description": "Daily Slack digests",
        "version": "2.1.0",
        "repository": {"url": "https://github.com/northwind/slack-digest", "source": "github"},
        "packages": [
            {
                "registryType": "npm",
                "identifier": "@northwind/slack-digest",
                "version": "2.1.0",
                "transport": {"type": "stdio"},
                "environmentVariables": [
                    {
                        "name": "SLACK_BOT_TOKEN",
                        "description": "Your bot token",
                        "isRequired": True,
                        "isSecret": True,
                    },
                    {"name": "DIGEST_CHANNEL", "default": "general"},
                ],
            }
        ],
    }
    server.update(extra)
    return server


def test_a_registry_package_is_each_user_s_copy(tmp_path: Path) -> None:
    _write(tmp_path, "server.json", _registry())
    result = _scan(tmp_path)
    agent = _agents(result)["io.github.northwind/slack-digest"]
    assert agent.kind == "mcp_server" and agent.multi_user is False
    assert "MCP registry entry" in agent.multi_user_reason
    assert _refs(result, "server.json") == {"prompt_input:SLACK_BOT_TOKEN"}
    # `io.github.<owner>` is where the name was verified, not a GitHub connection.
    assert _models(agent) == {Platform.SLACK: AuthModel.PERSONAL_TOKEN}


def test_a_hosted_registry_server_serves_many_users_each_with_their_own_key(tmp_path: Path) -> None:
    remotes = [
        {
            "type": "streamable-http",
            "url": "https://mcp.northwind-traders.com/slack-digest",
            "headers": [
                {"name": "X-Slack-Token", "description": "Your token", "isRequired": True, "isSecret": True}
            ],
        }
    ]
    _write(tmp_path, "server.json", _registry(remotes=remotes))
    result = _scan(tmp_path)
    agent = _agents(result)["io.github.northwind/slack-digest"]
    assert agent.multi_user is True and "hosted MCP server" in agent.multi_user_reason
    assert _refs(result, "server.json") == {"prompt_input:SLACK_BOT_TOKEN", "prompt_input:X-Slack-Token"}
    # Each session carries its own user's key: the per-user pattern, no shared or personal token on a
    # shared server (BA-104 would call each user's own key "a person's token on a shared bot").
    assert _models(agent) == {Platform.SLACK: AuthModel.ON_BEHALF_OF}
    assert not [f for f in result.findings if f.rule_id in ("BA-101", "BA-104")]


def test_a_registry_default_holding_a_key_is_a_secret_under_its_variable_s_name(tmp_path: Path) -> None:
    server = _registry()
    variables = server["packages"][0]["environmentVariables"]
    variables[0]["default"] = fake_slack("registry-default")
    variables.append({"name": "WEATHER_API_KEY", "isSecret": True, "default": fake_generic("weather")})
    variables.append({"name": "MAPS_API_KEY", "isSecret": True, "default": "<YOUR_MAPS_API_KEY>"})
    _write(tmp_path, "server.json", server)
    result = _scan(tmp_path)
    assert _secret_keys(result, "server.json") == [
        "packages[0].environmentVariables[0].default",
        "packages[0].environmentVariables[2].default",
    ]
    agent = _agents(result)["io.github.northwind/slack-digest"]
    assert _models(agent)[Platform.SLACK] is AuthModel.STATIC_API_KEY


def test_the_first_registry_schema_s_snake_case_fields(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "server.json",
        {
            "name": "io.github.northwind/ledger",
            "packages": [
                {
                    "registry_name": "pypi",
                    "name": "northwind-ledger-mcp",
                    "environment_variables": [
                        {"name": "STRIPE_API_KEY", "is_required": True, "is_secret": True},
                        {"name": "LEDGER_REGION", "default": "eu"},
                    ],
                }
            ],
        },
    )
    result = _scan(tmp_path)
    agent = _agents(result)["io.github.northwind/ledger"]
    assert agent.multi_user is False
    assert _refs(result, "server.json") == {"prompt_input:STRIPE_API_KEY"}
    assert _models(agent) == {Platform.STRIPE: AuthModel.PERSONAL_TOKEN}


_SMITHERY_STDIO = """\
    # Smithery configuration file: https://smithery.ai/docs/build/project-config
    startCommand:
      type: stdio
      configSchema:
        type: object
        required: [githubPat]
        properties:
          githubPat:
            type: string
            description: Your GitHub personal access token
          readOnly:
            type: boolean
            default: true
      commandFunction:
        |-
        (config) => ({ command: 'node', args: ['dist/index.js'],
          env: { GITHUB_TOKEN: config.githubPat, READ_ONLY: String(config.readOnly) } })
      exampleConfig:
        githubPat: your-github-pat
        readOnly: true
"""


def test_a_smithery_stdio_server_is_each_user_s_copy(tmp_path: Path) -> None:
    _write(tmp_path, "gh-helper/smithery.yaml", _SMITHERY_STDIO)
    result = _scan(tmp_path)
    agent = _agents(result)["gh-helper"]  # smithery.yaml names no server: its folder does
    assert agent.kind == "mcp_server" and agent.multi_user is False
    assert _refs(result, "gh-helper/smithery.yaml") == {"prompt_input:githubPat"}
    assert _models(agent) == {Platform.GITHUB: AuthModel.PERSONAL_TOKEN}
    assert _secret_keys(result, "gh-helper/smithery.yaml") == []  # exampleConfig's placeholder


def test_a_smithery_http_server_is_hosted_for_many_users(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "smithery.yml",
        """\
        runtime: typescript
        startCommand:
          type: http
          configSchema:
            type: object
            properties:
              slackBotToken: {type: string, description: Bot token of your workspace}
              channel: {type: string, default: general}
        """,
    )
    result = _scan(tmp_path)
    (agent,) = result.agents
    assert agent.kind == "mcp_server" and agent.multi_user is True
    assert _models(agent) == {Platform.SLACK: AuthModel.ON_BEHALF_OF}


def test_a_key_in_smithery_s_example_config_is_a_secret(tmp_path: Path) -> None:
    key = fake_generic("smithery-example")
    _write(
        tmp_path,
        "smithery.yaml",
        _SMITHERY_STDIO.replace("your-github-pat", key).replace(
            "default: true",
            f"default: true\n          searchApiKey:\n            type: string\n            default: {key}",
        ),
    )
    result = _scan(tmp_path)
    # Under the property's name, not under `default` (exampleConfig holds examples by its own name).
    assert _secret_keys(result, "smithery.yaml") == [
        "startCommand.configSchema.properties.searchApiKey.default"
    ]


@pytest.mark.parametrize(
    ("rel", "content"),
    [
        # A Chrome extension: manifest_version is a number, no MCP server.
        (
            "ext/manifest.json",
            {
                "manifest_version": 3,
                "name": "Tab Sorter",
                "version": "1.2",
                "background": {"service_worker": "bg.js"},
            },
        ),
        # A web app manifest.
        (
            "public/manifest.json",
            {"name": "Northwind Orders", "short_name": "Orders", "start_url": "/", "display": "standalone"},
        ),
        # A manifest_version string with a `server` that is no MCP server (a dev server's port).
        ("tool/manifest.json", {"manifest_version": "1.0", "name": "bundler", "server": {"port": 8080}}),
        # Another tool's server.json: a package list without registry fields.
        ("api/server.json", {"name": "api", "packages": ["express", "cors"], "port": 3000}),
        # A JSON Schema that is not the MCP registry's.
        ("cfg/server.json", {"$schema": "https://json.schemastore.org/server.schema.json", "name": "cfg"}),
        # A smithery.yaml-named file that is not Smithery's.
        ("notes/smithery.yaml", "- forge\n- anvil\n"),
    ],
)
def test_look_alike_files_are_no_mcp_server(tmp_path: Path, rel: str, content: str | dict) -> None:
    _write(tmp_path, rel, content)
    result = _scan(tmp_path)
    assert [a for a in result.agents if a.kind == "mcp_server"] == []
    assert not [h for f in result.files for h in f.manifests if h.kind == server_manifests.SERVER_MANIFEST]


@pytest.mark.parametrize(
    ("rel", "content", "note"),
    [
        (
            "manifest.json",
            {"dxt_version": "0.1", "name": "broken", "server": "node server.js"},
            "without a `server`",
        ),
        ("smithery.yaml", "startCommand: [stdio]\n", "`startCommand` is not a mapping"),
        ("manifest.json", '{"dxt_version": "0.1", "name": "cut", "server": {"type": ', "parse error"),
    ],
)
def test_broken_manifests_are_coverage_notes_not_tracebacks(
    tmp_path: Path, rel: str, content: str | dict, note: str
) -> None:
    _write(tmp_path, rel, content)
    result = _scan(tmp_path)
    reasons = [s.reason for f in result.files for s in f.skipped]
    assert any(note in r for r in reasons), reasons
    assert result.coverage.gaps


def test_wrong_types_everywhere_change_nothing_but_the_note(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "server.json",
        {
            "$schema": "https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json",
            "name": ["not", "a", "string"],
            "packages": [7, {"registryType": 1, "environmentVariables": "SLACK_BOT_TOKEN"}, None],
            "remotes": {"type": "sse"},
        },
    )
    _write(
        tmp_path,
        "x/manifest.json",
        {"manifest_version": "0.2", "server": {"type": "uv", "mcp_config": []}, "user_config": ["api_key"]},
    )
    result = _scan(tmp_path)
    # Still one server each (no name string: the folder's name, or a generic one at the root)...
    assert {a.name: a.multi_user for a in result.agents} == {"mcp-server": False, "x": False}
    # ...and each part that could not be read is said.
    reasons = sorted(s.reason.split(" is not ")[0] for f in result.files for s in f.skipped)
    assert reasons == [
        "MCPB manifest `server.mcp_config`",
        "MCPB manifest `user_config`",
        "server.json `packages[0]`",
        "server.json `packages[1].environmentVariables`",
        "server.json `packages[2]`",
        "server.json `remotes`",
    ]


def test_a_hostile_registry_list_is_read_up_to_a_bound(tmp_path: Path) -> None:
    many = [{"name": f"V{i}_API_KEY", "isSecret": True} for i in range(1000)]
    server = _registry()
    server["packages"] = [dict(server["packages"][0], environmentVariables=many)] + [
        {"registryType": "npm"}
    ] * 300
    _write(tmp_path, "server.json", server)
    result = _scan(tmp_path)
    (scan,) = [f for f in result.files if f.path == "server.json"]
    reasons = sorted(s.reason for s in scan.skipped)
    assert reasons == [
        "server.json `packages[0].environmentVariables` lists 1000 entries: only the first 200 were read",
        "server.json `packages` lists 301 entries: only the first 200 were read",
    ]
    (hint,) = [h for h in scan.manifests if h.kind == server_manifests.SERVER_MANIFEST]
    assert len(hint.details["user_secrets"]) == 200


def test_the_command_function_scan_stays_within_its_window() -> None:
    # Work is bounded by the window read (64 KB), however long the function: the same matches whether the
    # text is 64 KB or 16 times as long.
    unit = "K: config.v, "
    window = unit * (65536 // len(unit))
    matches_window = sum(1 for _ in server_manifests._SMITHERY_ENV.finditer(window[:65536]))
    assert matches_window == 65536 // len(unit)
    assert server_manifests._USER_CONFIG_REF.search("${user_config." + "a" * 100_000) is None


def test_a_server_packaged_three_ways_in_one_repository_is_one_agent(tmp_path: Path) -> None:
    # The extension, the registry entry and the Smithery file of one server, beside its code.
    _write(tmp_path, "manifest.json", _dxt("manifest_version", "0.3"))
    _write(tmp_path, "server.json", _registry(name="io.github.northwind/octo-issues"))
    _write(tmp_path, "smithery.yaml", _SMITHERY_STDIO)
    result = _scan(tmp_path)
    mcp = [a for a in result.agents if a.kind == "mcp_server"]
    assert [a.name for a in mcp] == ["octo-issues"]
    assert mcp[0].multi_user is False
    assert {r.kind for r in mcp[0].references} == {ReferenceKind.PROMPT_INPUT}


def test_an_extension_s_server_code_is_the_extension_s_agent(tmp_path: Path) -> None:
    # The bundle's entry point, `server/index.js`, is the server it packages: one agent, not a second one
    # named after the `server` folder.
    _write(tmp_path, "octo/manifest.json", _dxt("manifest_version", "0.3"))
    _write(
        tmp_path,
        "octo/server/index.js",
        """\
        import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
        import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
        const server = new McpServer({ name: "octo-issues", version: "0.6.1" });
        const token = process.env.GITHUB_PERSONAL_ACCESS_TOKEN;
        await server.connect(new StdioServerTransport());
        """,
    )
    # Code elsewhere in the repository stays an agent of its own.
    _write(
        tmp_path,
        "tools/other/index.js",
        """\
        import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
        const other = new McpServer({ name: "other", version: "1.0.0" });
        """,
    )
    result = _scan(tmp_path)
    agents = _agents(result)
    assert sorted(agents) == ["octo-issues", "other"]
    octo = agents["octo-issues"]
    assert "octo/server/index.js" in octo.files and octo.multi_user is False
    assert _models(octo) == {Platform.GITHUB: AuthModel.PERSONAL_TOKEN}


def test_a_credential_its_publisher_forgot_to_mark_secret_is_still_each_user_s(tmp_path: Path) -> None:
    # No `isSecret` / `sensitive` on a variable named like a key: still the user's own key (typed in clear),
    # said by `marked_secret`. A variable whose value the publisher fixes is not asked for.
    server = _registry(name="io.github.northwind/ledger")
    server["packages"][0]["environmentVariables"] = [
        {"name": "STRIPE_API_KEY", "isRequired": True},
        {"name": "STRIPE_API_VERSION", "value": "2024-06-20"},
        {"name": "STRIPE_WEBHOOK_SECRET", "value": "{webhook_secret}", "isSecret": True},
    ]
    _write(tmp_path, "ledger/server.json", server)
    manifest = _dxt("dxt_version", "0.1")
    del manifest["user_config"]["github_token"]["sensitive"]
    _write(tmp_path, "octo/manifest.json", manifest)
    result = _scan(tmp_path)
    assert _refs(result, "ledger/server.json") == {
        "prompt_input:STRIPE_API_KEY",
        "prompt_input:STRIPE_WEBHOOK_SECRET",
    }
    assert _refs(result, "octo/manifest.json") == {"prompt_input:github_token"}
    secrets = {
        item["name"]: item["marked_secret"]
        for f in result.files
        for h in f.manifests
        for item in h.details["user_secrets"]
    }
    assert secrets == {
        "STRIPE_API_KEY": False,
        "STRIPE_WEBHOOK_SECRET": True,
        "GITHUB_PERSONAL_ACCESS_TOKEN": False,
    }
    assert _models(_agents(result)["octo-issues"]) == {Platform.GITHUB: AuthModel.PERSONAL_TOKEN}


@pytest.mark.parametrize(
    "name", ["io.github.harbor-labs/digest", "com.github.harbor-labs/digest", "ghcr.io/harbor-labs/digest"]
)
def test_where_a_server_was_published_names_no_platform(tmp_path: Path, name: str) -> None:
    # `io.github.<owner>/` says the name was verified against a GitHub account, not that the server talks to
    # GitHub: a key with no platform in its name stays unattributed.
    server = _registry(name=name)
    server["packages"][0]["identifier"] = name
    server["packages"][0]["environmentVariables"] = [{"name": "DIGEST_API_KEY", "isSecret": True}]
    _write(tmp_path, "server.json", server)
    result = _scan(tmp_path)
    (agent,) = result.agents
    assert agent.connections == ()


def test_no_key_in_a_remote_url_or_a_command_reaches_a_hint(tmp_path: Path) -> None:
    key = fake_generic("url-key")
    token = fake_github("command")
    remotes = [{"type": "sse", "url": f"https://relay.northwind-traders.com/sse?api_key={key}"}]
    _write(tmp_path, "reg/server.json", _registry(remotes=remotes))
    manifest = _dxt("manifest_version", "0.3")
    manifest["server"]["mcp_config"]["command"] = token
    _write(tmp_path, "ext/manifest.json", manifest)
    result = _scan(tmp_path)
    hints = [h for f in result.files for h in f.manifests]
    dumped = json.dumps([h.details for h in hints]) + json.dumps([a.multi_user_reason for a in result.agents])
    assert key not in dumped and token not in dumped
    (remote,) = next(h.details["remotes"] for h in hints if h.details["format"] == "mcp_registry")
    assert remote == "https://relay.northwind-traders.com/sse"
