"""Manifest kinds: which make an agent, which only support one, which face many users."""

from __future__ import annotations

from collections.abc import Mapping

MCP = "mcp_client_config"

# Agent kind shown for each manifest kind; earlier entries name a merged agent.
KIND_OF_MANIFEST: Mapping[str, str] = {
    "slack_app_manifest": "slack_bot",
    "bot_framework": "teams_bot",
    "teams_app_manifest": "teams_bot",
    MCP: "mcp_server",
    "crewai": "crewai",
    "langchain": "langchain",
    "autogen": "autogen",
    "n8n_workflow": "n8n_workflow",
    "k8s_workload": "k8s_workload",
    "github_workflow": "github_actions",
    "k8s_rbac": "k8s_rbac",
}
# Manifest kinds that are evidence about an agent but never an agent by themselves.
SUPPORTING_KINDS = frozenset({"k8s_rbac", "k8s_secret", "k8s_service_account", "vault_agent", "terraform"})
# Bots many people talk to: their requests come from many users.
MULTI_USER_KINDS = frozenset({"slack_app_manifest", "bot_framework", "teams_app_manifest"})
