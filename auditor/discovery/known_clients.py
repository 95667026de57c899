"""Where well-known agent clients and bot platforms keep their configuration: a data table and a lookup."""

from __future__ import annotations

import fnmatch
import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class KnownConfig:
    """A recognised agent configuration location.

    `patterns` are fnmatch globs matched against the rel path's tail (as many segments as the pattern has),
    so `.cursor/mcp.json` matches at any depth. `manifest` is the ManifestHint kind the file is expected to
    yield; `client` names the product for reports.
    """

    client: str
    manifest: str
    patterns: tuple[str, ...]
    description: str = ""


KNOWN_CONFIGS: tuple[KnownConfig, ...] = (
    KnownConfig(
        "claude_desktop", "mcp_client_config", ("claude_desktop_config.json",), "Claude Desktop MCP servers"
    ),
    KnownConfig(
        "claude_code",
        "mcp_client_config",
        (".mcp.json", ".claude/settings.json", ".claude/settings.local.json", ".claude.json"),
        "Claude Code project and user settings",
    ),
    KnownConfig("cursor", "mcp_client_config", (".cursor/mcp.json",), "Cursor MCP servers"),
    KnownConfig("vscode", "mcp_client_config", (".vscode/mcp.json",), "VS Code MCP servers (`servers`)"),
    KnownConfig(
        "vscode",
        "mcp_client_config",
        ("Code/User/settings.json", "Code/User/mcp.json", "Code - Insiders/User/settings.json"),
        "VS Code user settings (`mcp.servers`)",
    ),
    KnownConfig(
        "librechat",
        "mcp_client_config",
        ("librechat.yaml", "librechat.yml"),
        "LibreChat (a shared chat server)",
    ),
    KnownConfig("langgraph", "langgraph", ("langgraph.json",), "LangGraph deployment config"),
    # A Rasa assistant's channels (extract/manifests.py rasa_hint decides by its shape: the name is common).
    KnownConfig("rasa", "rasa_bot", ("credentials.yml", "credentials.yaml"), "Rasa assistant channels"),
    KnownConfig(
        "teams_toolkit",
        "teams_app_manifest",
        ("teamsapp.yml", "teamsapp.*.yml", "m365agents.yml", "m365agents.*.yml"),
        "Teams Toolkit project",
    ),
    KnownConfig(
        "windsurf",
        "mcp_client_config",
        (".codeium/windsurf/mcp_config.json", ".windsurf/mcp_config.json", ".windsurf/mcp.json"),
        "Windsurf (Codeium) MCP servers",
    ),
    KnownConfig(
        "continue",
        "mcp_client_config",
        (".continue/config.json", ".continue/config.yaml", ".continue/mcpServers/*.yaml"),
        "Continue MCP servers",
    ),
    KnownConfig("zed", "mcp_client_config", (".zed/settings.json",), "Zed context_servers"),
    KnownConfig(
        "cline",
        "mcp_client_config",
        ("cline_mcp_settings.json", "mcp_settings.json"),
        "Cline / Roo MCP servers",
    ),
    KnownConfig("gemini_cli", "mcp_client_config", (".gemini/settings.json",), "Gemini CLI MCP servers"),
    # A Gemini CLI extension's manifest (at the extension's root, often shipped by the MCP server's own
    # repository): its `mcpServers` run in each user's own CLI, with the token each user sets (`settings`).
    KnownConfig(
        "gemini_cli",
        "mcp_client_config",
        ("gemini-extension.json",),
        "Gemini CLI extension (MCP servers each user's CLI starts)",
    ),
    # Smithery's project file: how its registry starts the server (stdio) or hosts it (http), and the
    # configuration each user supplies (extract/server_manifests.py).
    KnownConfig("smithery", "mcp_server_manifest", ("smithery.yaml", "smithery.yml"), "Smithery MCP server"),
    KnownConfig("amazon_q", "mcp_client_config", (".amazonq/mcp.json",), "Amazon Q Developer MCP servers"),
    KnownConfig(
        "mcp_generic",
        "mcp_client_config",
        ("mcp.json", "mcp_config.json", "mcp.yaml", "mcp.yml"),
        "MCP config",
    ),
    KnownConfig(
        "bot_framework",
        "bot_framework",
        ("appsettings.json", "appsettings.*.json", ".env.bot"),
        "Azure Bot Framework app settings (MicrosoftAppId / MicrosoftAppPassword)",
    ),
    KnownConfig(
        "slack",
        "slack_app_manifest",
        ("manifest.yml", "manifest.yaml", "manifest.json", "slack-manifest.*", "slack_manifest.*"),
        "Slack app manifest",
    ),
    KnownConfig(
        "crewai",
        "crewai",
        ("agents.yaml", "agents.yml", "tasks.yaml", "tasks.yml"),
        "CrewAI agents and tasks",
    ),
    KnownConfig(
        "github_actions",
        "github_workflow",
        (".github/workflows/*.yml", ".github/workflows/*.yaml"),
        "Actions",
    ),
    KnownConfig(
        "gitlab_ci",
        "gitlab_ci",
        (".gitlab-ci.yml", ".gitlab-ci.yaml", ".gitlab/ci/*.yml", ".gitlab/ci/*.yaml"),
        "GitLab CI/CD pipeline",
    ),
    KnownConfig(
        "n8n", "n8n_workflow", ("*.n8n.json", "n8n/*.json", "workflows/*.json"), "n8n workflow export"
    ),
    KnownConfig(
        "autogen", "autogen", ("OAI_CONFIG_LIST", "OAI_CONFIG_LIST.json"), "AutoGen model config list"
    ),
    # The Azure Developer CLI's project file: the services it deploys and the compute that hosts each.
    KnownConfig("azd", "service", ("azure.yaml", "azure.yml"), "Azure Developer CLI project"),
    KnownConfig(
        "agentforce", "salesforce_agent", ("bots/*/*.bot-meta.xml",), "Salesforce Agentforce agent (SFDX)"
    ),
)

# Cheap byte markers that make a file worth parsing even when no secret keyword is in it: agent manifests are
# evidence of an agent and its auth model whether or not they inline a credential.
MANIFEST_MARKERS: tuple[bytes, ...] = (
    b"mcpServers",
    b"context_servers",
    b"apiVersion",
    b"oauth_config",
    b"MicrosoftAppId",
    # The Microsoft 365 Agents SDK's connection settings in .env files (extract/manifests.py agents_sdk_hint).
    b"connections__",
    # Microsoft 365 Copilot declarative agents and their API / MCP plugins (extract/manifests.py).
    b"/copilot/declarative-agent/",
    b"/copilot/plugin/",
    b"PluginVault",
    b"MicrosoftTeams.schema",
    b"display_information",
    b"secretKeyRef",
    b"n8n-nodes-",
    b"@Microsoft.KeyVault",
    b"arn:aws:secretsmanager",
    b"AssistantAgent(",
    b"initialize_agent(",
    b"create_react_agent(",
    b"Agent(role=",
    b"Agent(\n",
    b"Agent(name=",
    b"new Agent(",
    # Agent frameworks whose agents take no name first (extract/text.py scan_code_agents).
    b"from strands import",
    b"from pydantic_ai import",
    b"from smolagents import",
    b"from azure.ai.projects import",
    b"from azure.ai.agents import",
    b"Kernel.CreateBuilder(",
    b"semantic_kernel",
    b"writeToEnvironmentFile",
    b"spring.cloud.vault",
    b'"mcp":',
    # A Slack app built with Bolt, an MCP server implemented in code (extract/text.py scan_bolt_app,
    # scan_mcp_server): agents whatever else their file names.
    b"slack_bolt",
    b"@slack/bolt",
    b"@modelcontextprotocol/sdk/server",
    b"mcp.server",
    b"fastmcp",
    b"mark3labs/mcp-go",
    b"modelcontextprotocol/go-sdk",
    # Vercel's AI SDK calling a model with tools (extract/text.py scan_code_agents).
    b"streamText(",
    b"generateText(",
    b"ToolLoopAgent(",
    # The MCP registry's server.json (its schema URL; package entries in the current and the first schema)
    # and Claude Desktop extensions (a DXT manifest.json, also read by name as every manifest.json is).
    b"server.schema.json",
    b'"registryType"',
    b'"registry_name"',
    b'"dxt_version"',
    # Amazon Bedrock agents, declared (CloudFormation, Terraform, the CDK) or invoked (extract/bedrock.py).
    b"AWS::Bedrock::Agent",
    b"aws_bedrockagent_agent",
    b"awscc_bedrock_agent",
    b"CfnAgent(",
    b"bedrock.Agent(",
    b"bedrock-agent-runtime",
    b"InvokeAgentCommand",
    # GitHub Apps: a registration (Probot's app.yml, an app manifest) and an app in code (Probot, Octokit's
    # App and createAppAuth, PyGithub's GithubIntegration / Auth.AppAuth, githubkit's app strategies).
    b"default_permissions",
    b"probot",
    b"@octokit/app",
    b"@octokit/auth-app",
    b'"octokit"',
    b"'octokit'",
    b"GithubIntegration",
    b"AppAuth",
    b"AppInstallationAuth",
    # Images of self-hosted agent platforms (extract/k8s.py platform_image), in compose files, Kubernetes
    # manifests and Helm values, which may hold no credential keyword to send them to a structured read.
    b"flowiseai/flowise",
    b"langgenius/dify-",
    b"danny-avila/librechat",
    b"librechat/librechat",
    b"n8nio/n8n",
    b"open-webui/open-webui",
    b"langfuse/langfuse",
    b"botpress/server",
    # Telegram and Discord bots built with their frameworks (extract/text.py scan_chat_bot): the imports.
    b"telegram.ext",
    b"aiogram",
    b"telebot",
    b"telegraf",
    b"grammy",
    b"node-telegram-bot-api",
    b"import discord",
    b"from discord",
    b"discord.js",
    b"nextcord",
    b"disnake",
)


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[tuple[int, str]]], list[tuple[int, str]]]:
    """Patterns by exact last segment (most of them), and the few whose last segment is a glob."""
    exact: dict[str, list[tuple[int, str]]] = {}
    globs: list[tuple[int, str]] = []
    for position, known in enumerate(KNOWN_CONFIGS):
        for pattern in known.patterns:
            last = pattern.rsplit("/", 1)[-1]
            if any(c in last for c in "*?["):
                globs.append((position, pattern))
            else:
                exact.setdefault(last, []).append((position, pattern))
    return exact, globs


@functools.lru_cache(maxsize=1)
def _any_glob() -> re.Pattern[str]:
    """One regex that every path some glob pattern matches also matches (a superset: `*` may cross `/`).

    Most files match no glob: one search instead of a dozen fnmatch calls per file, on tens of thousands.
    """
    _exact, globs = _index()
    body = "|".join(fnmatch.translate(pattern).removesuffix("\\Z") for _position, pattern in globs)
    return re.compile(f"(?:^|/)(?:{body})\\Z" if globs else "(?!)")


_WILD = "*?["


def _literal_ends(segment: str) -> tuple[str, str]:
    """The literal text a glob segment begins with and ends with (either may be empty): every name it
    matches starts and ends with them. (A `]` ends the tail's search even where it is literal: a shorter
    tail is still one every match ends with.)"""
    first = min((i for i, c in enumerate(segment) if c in _WILD), default=len(segment))
    last = max((i for i, c in enumerate(segment) if c in "*?[]"), default=-1)
    return segment[:first], segment[last + 1 :]


class _Globs:
    """What match_known asks before the glob regex (`_any_glob`), so that most files skip it: every glob
    that matches a path matches its last segment with its own last segment (the path's tail has as many
    slashes as the pattern, and each of the pattern's must meet one of them), and the folders before it
    with its other segments. So a one-segment glob needs the file's name to start with its literal head
    and end with its literal tail, and a longer glob needs its leading segments to match the folder's last
    ones (asked once per folder). A file that meets neither for any glob matches none of them."""

    def __init__(self, globs: list[tuple[int, str]]) -> None:
        heads: list[str] = []
        tails: list[str] = []
        self.always = False  # a one-segment glob with no literal head or tail (`*`)
        self.deep: list[tuple[int, str]] = []  # (segments before the last, their glob)
        for _position, pattern in globs:
            leading, slash, last = pattern.rpartition("/")
            if slash:
                self.deep.append((leading.count("/") + 1, leading))
                continue
            head, tail = _literal_ends(last)
            if head:
                heads.append(head)
            elif tail:
                tails.append(tail)
            else:
                self.always = True
        self.heads = tuple(heads)
        self.tails = tuple(tails)
        self.folders: dict[str, bool] = {}

    def possible(self, folder: str, name: str) -> bool:
        """False when no glob can match the path `folder/name`."""
        if self.always or name.startswith(self.heads) or name.endswith(self.tails):
            return True
        deep = self.folders.get(folder)
        if deep is None:
            if len(self.folders) >= 4096:
                self.folders.clear()
            parts = folder.split("/")
            deep = self.folders[folder] = any(
                len(parts) >= depth and fnmatch.fnmatchcase("/".join(parts[-depth:]), leading)
                for depth, leading in self.deep
            )
        return deep


_MATCHING: list[tuple[dict[str, list[tuple[int, str]]], list[tuple[int, str]], re.Pattern[str], _Globs]] = []


def match_known(rel: str) -> KnownConfig | None:
    """The known configuration `rel` (a posix rel path) is, if any. First match in table order wins."""
    if not _MATCHING:
        exact, globs = _index()
        _MATCHING.append((exact, globs, _any_glob(), _Globs(globs)))
    exact, globs, any_glob, prefilter = _MATCHING[0]
    folder, _slash, name = rel.rpartition("/")
    candidates = exact.get(name, [])
    if prefilter.possible(folder, name) and any_glob.search(rel):
        candidates = candidates + globs
    elif not candidates:
        return None
    parts = rel.split("/")
    best: int | None = None
    for position, pattern in candidates:
        if best is not None and position >= best:
            continue
        depth = pattern.count("/") + 1
        if len(parts) >= depth and fnmatch.fnmatchcase("/".join(parts[-depth:]), pattern):
            best = position
    return KNOWN_CONFIGS[best] if best is not None else None


# Words that mark auth evidence worth a structured read even when no credential value is inline (a password
# grant with `${SF_PASSWORD}`, a client id, an env lookup). Matched case-insensitively on the raw bytes; kept
# specific, because prose words like "token" or "secret" would send every file down the slow path.
EVIDENCE_MARKERS: tuple[bytes, ...] = (
    b"grant_type",
    b"granttype",
    b"token_url",
    b"tokenurl",
    b"token_endpoint",
    b"client_id",
    b"clientid",
    b"client_secret",
    b"clientsecret",
    b"tenant_id",
    b"tenantid",
    b"instance_url",
    b"login_url",
    b"role_arn",
    b"rolearn",
    b"security_token",
    b"api_key",
    b"apikey",
    b"username",
    b"oauth",
    b"environ",
    b"getenv",
    b"process.env",
    b"vault_addr",
    # A value VS Code prompts its user for (`${input:vault_token}`), in an MCP client configuration or a
    # server's documentation of one: that user's own credential (inventory/auth.py).
    b"${input:",
    b"approle",
    b"assume_role",
    b"code_challenge",
    b"workload_identity",
    # Token lifetimes in app settings (BA-106): rare words; the structured read stays on files that say them.
    b"token_ttl",
    b"token_lifetime",
    b"tokenlifetime",
    b"token_expir",
    b"tokenexpir",
    b"token_validity",
    b"expires_in",
    b"expiresin",
    b"secret_id_ttl",
    b"token_period",
    # Where a GitHub App's private key file is (Probot's PRIVATE_KEY_PATH, `privateKeyPath`): a reference to
    # the key, in .env files that otherwise name no credential word a marker knows.
    b"private_key_path",
    b"privatekeypath",
    # Values held beside their names or under their parameter (structured.py `_pair_name`), which no detector
    # sees on the raw text: CloudFormation parameter files, Elastic Beanstalk option settings, ECS task
    # definitions, Azure deployment parameter files and templates, connector credential lists
    # (`{"paramName": "accessSecret", "value": ...}`).
    b"parametervalue",
    b"paramname",
    b"parametername",
    b"option_settings",
    b"optionsettings",
    b"containerdefinitions",
    b"deploymentparameters",
    b"deploymenttemplate",
)
