"""Manifest kinds: which make an agent, which only support one, which face many users."""

from __future__ import annotations

from collections.abc import Mapping

from auditor.extract.server_manifests import SERVER_MANIFEST

MCP = "mcp_client_config"
MCP_CODE = "mcp_server_code"  # an MCP server implemented in code (extract/text.py scan_mcp_server)
# How an MCP server is packaged for its users (extract/server_manifests.py): a Claude Desktop extension
# (DXT/MCPB manifest.json), the MCP registry's server.json, smithery.yaml.
MCP_PACKAGE = SERVER_MANIFEST

# Agent kind shown for each manifest kind; earlier entries name a merged agent.
KIND_OF_MANIFEST: Mapping[str, str] = {
    "slack_app_manifest": "slack_bot",
    "slack_bolt": "slack_bot",
    "bot_framework": "teams_bot",
    "teams_app_manifest": "teams_bot",
    MCP: "mcp_server",
    MCP_CODE: "mcp_server",
    MCP_PACKAGE: "mcp_server",
    "agent_platform": "agent_platform",
    "copilot_agent": "copilot_agent",
    "copilot_plugin": "copilot_agent",
    "crewai": "crewai",
    "langgraph": "langgraph",
    "semantic_kernel": "semantic_kernel",
    "langchain": "langchain",
    "autogen": "autogen",
    "agent_sdk": "agent_sdk",
    "ai_sdk": "ai_sdk",
    "salesforce_agent": "salesforce_agent",
    # Amazon Bedrock agents declared in CloudFormation / Terraform (one agent each), built with the CDK or
    # invoked from code (one per folder; the invoking code's audience is its own, not the agent's).
    "bedrock_agent": "bedrock_agent",
    "bedrock_agent_code": "bedrock_agent",
    "bedrock_agent_client": "bedrock_agent",
    "n8n_workflow": "n8n_workflow",
    "k8s_workload": "k8s_workload",
    # An application (a Vault client, an azd service) names an agent its CI workflows are merged into.
    "service": "service",
    # A GitHub App: registered (Probot's app.yml, an app manifest), a Probot project, or built in code.
    "github_app_manifest": "github_app",
    "github_app_package": "github_app",
    "github_app": "github_app",
    # Telegram and Discord bots built with their bot frameworks (extract/text.py scan_chat_bot).
    "telegram_bot": "telegram_bot",
    "discord_bot": "discord_bot",
    # A Rasa assistant, by the channels its credentials.yml configures (extract/manifests.py rasa_hint).
    "rasa_bot": "rasa_bot",
    "github_workflow": "github_actions",
    "gitlab_ci": "gitlab_ci",
    "k8s_rbac": "k8s_rbac",
}
# A GitHub App's registration or Probot project, and its code: code below the project is the same app.
GITHUB_APP_DECLARING = frozenset({"github_app_manifest", "github_app_package"})
GITHUB_APP_CODE = frozenset({"github_app"})
N8N = "n8n_workflow"
BEDROCK = "bedrock_agent"
# Manifest kinds where each hint is an agent of its own (one per MCP server entry, one per n8n workflow, one
# per Bedrock agent a template declares).
PER_HINT_KINDS = frozenset({MCP, N8N, BEDROCK})
# Manifest kinds that are evidence about an agent but never an agent by themselves.
SUPPORTING_KINDS = frozenset(
    {"k8s_rbac", "k8s_secret", "k8s_service_account", "vault_agent", "terraform", "azure_iac"}
)
# Hints named after the file that holds them, or after a part of the agent (a Copilot plugin is one of its
# declarative agent's actions), not by their author: another hint's name comes first.
FILE_NAMED_KINDS = frozenset(
    {"slack_bolt", "ai_sdk", "copilot_plugin", "github_app", "telegram_bot", "discord_bot"}
)
# Hints that name an agent only when no other hint can: those named after their file, and an Azure
# template's evidence, named after a resource (`webApp`) rather than the app.
NAMED_LAST_KINDS = FILE_NAMED_KINDS | {"azure_iac"}
# CI pipelines: an agent made only of these (a repository's workflows) owns its CI folder, not the whole
# repository beneath it, whose test fixtures and sample files are no part of the pipeline's credentials.
CI_KINDS = frozenset({"github_workflow", "gitlab_ci"})
# Bots many people talk to: their requests come from many users.
MULTI_USER_KINDS: Mapping[str, str] = {
    "slack_app_manifest": "a Slack app with a bot user: everyone in the workspace can talk to it",
    "slack_bolt": "a Slack app built with Bolt: everyone in the workspace can talk to it",
    "bot_framework": "a Bot Framework bot: everyone on its channels can talk to it",
    "teams_app_manifest": "a Teams app: everyone in the tenant who installs it can talk to it",
    "agent_platform": "a self-hosted agent platform: a web app with many users",
    "copilot_agent": "a Microsoft 365 Copilot agent: every user it is shared with in the tenant talks to it",
    "copilot_plugin": "a Microsoft 365 Copilot plugin: Copilot calls it for every user it is shared with",
    "salesforce_agent": "an Agentforce agent: every customer on its channels, or every employee, talks to it",
    "bedrock_agent": "a Bedrock agent: every caller allowed to invoke it is served with its service role",
    "bedrock_agent_code": "a Bedrock agent: every caller allowed to invoke it is served with its role",
    "github_app_manifest": "a GitHub App: everyone who can open an issue, a pull request or a comment on a "
    "repository it is installed on triggers it",
    "github_app_package": "a Probot GitHub App: everyone who can trigger its events on a repository it is "
    "installed on talks to it",
    "github_app": "a GitHub App: everyone who can trigger its events on a repository it is installed on "
    "talks to it",
    "telegram_bot": "a Telegram bot: anyone who finds it, and every member of a group it is added to, can "
    "message it",
    "discord_bot": "a Discord bot: every member of the servers it is added to can talk to it",
    "rasa_bot": "a Rasa assistant: everyone on the channels its credentials.yml configures can talk to it",
    # langgraph.json is the deployment config of LangGraph Server (`langgraph up`, LangGraph Platform).
    "langgraph": "a LangGraph deployment (langgraph.json): LangGraph Server serves its graphs over an HTTP "
    "API to every client of the deployment",
}
# MCP clients one developer runs for themself (known_clients names), and clients that serve many users.
PERSONAL_MCP_CLIENTS: Mapping[str, str] = {
    "claude_desktop": "Claude Desktop",
    "claude_code": "Claude Code",
    "cursor": "Cursor",
    "vscode": "VS Code",
    "windsurf": "Windsurf",
    "continue": "Continue",
    "zed": "Zed",
    "cline": "Cline",
    "gemini_cli": "Gemini CLI",
    "amazon_q": "Amazon Q Developer",
}
SHARED_MCP_CLIENTS: Mapping[str, str] = {"librechat": "LibreChat"}
# n8n trigger nodes fed by a channel many people write to.
N8N_CHANNEL_TRIGGERS = (
    "slacktrigger",
    "microsoftteamstrigger",
    "telegramtrigger",
    "discordtrigger",
    "chattrigger",
    "webhook",
    "formtrigger",
    "whatsapptrigger",
    "mattermosttrigger",
)
