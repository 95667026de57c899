"""Where well-known agent clients and bot platforms keep their configuration: a data table and a lookup."""

from __future__ import annotations

import fnmatch
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
        "n8n", "n8n_workflow", ("*.n8n.json", "n8n/*.json", "workflows/*.json"), "n8n workflow export"
    ),
    KnownConfig(
        "autogen", "autogen", ("OAI_CONFIG_LIST", "OAI_CONFIG_LIST.json"), "AutoGen model config list"
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
)


def match_known(rel: str) -> KnownConfig | None:
    """The known configuration `rel` (a posix rel path) is, if any. First match in table order wins."""
    parts = rel.split("/")
    for known in KNOWN_CONFIGS:
        for pattern in known.patterns:
            depth = pattern.count("/") + 1
            if len(parts) < depth:
                continue
            tail = "/".join(parts[-depth:])
            if fnmatch.fnmatchcase(tail, pattern):
                return known
    return None
