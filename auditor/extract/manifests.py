"""Agent evidence in structured files: MCP clients, Slack and Bot Framework apps, n8n, Actions, CrewAI."""

from __future__ import annotations

import re
from typing import Any

from auditor.extract import k8s
from auditor.extract.evidence import Evidence
from auditor.extract.tree import Doc, KeyPath, key_path
from auditor.extract.values import is_secret_key
from auditor.model import SecretContext
from auditor.redact import redact

_SERVER_KEYS = ("mcpServers", "mcp_servers", "context_servers", "servers")
_AGENTIC = re.compile(
    r"\b(claude|anthropic|openai|gpt-?\d|copilot|gemini|llm|agent|agentic|mcp|aider|codex|langchain|crewai)\b",
    re.IGNORECASE,
)
_BOT_APP_TYPES = ("MicrosoftAppType", "MicrosoftAppTenantId", "MicrosoftAppPassword", "MicrosoftAppId")


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _names(value: Any) -> list[str]:
    if isinstance(value, dict):
        return sorted(str(k) for k in value)
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, dict) and item.get("name"):
                out.append(str(item["name"]))
            elif isinstance(item, str) and "=" in item:
                out.append(item.split("=", 1)[0])
        return sorted(out)
    return []


_PACKAGE_OR_PATH = re.compile(r"^(?:@?[\w.-]+/[\w./@:-]+|[\w.-]+@[\w.^~-]+|[./~][\w./-]*|-{1,2}[\w-]+)$")


def _safe_arg(arg: Any, ev: Evidence, previous: str | None = None) -> str:
    """An argument as shown in a hint: redacted when a detector flags it, a secret flag precedes it, or it
    looks like a credential rather than a package name, path or flag."""
    text = str(arg)
    if text in ev.flagged or ev.detectors.scan_value(previous.lstrip("-") if previous else None, text):
        return redact(text)
    flag, sep, value = text.partition("=")
    if sep and value and flag.startswith("-"):
        name = flag.lstrip("-")
        if value in ev.flagged or is_secret_key(name) or ev.detectors.scan_value(name, value):
            return f"{flag}={redact(value)}"
        return text
    if previous and previous.startswith("-") and is_secret_key(previous.lstrip("-")):
        return redact(text)
    if not _PACKAGE_OR_PATH.match(text) and ev.looks_secret(text, None):
        return redact(text)
    return text


def _safe_args(args: Any, ev: Evidence) -> list[str]:
    if not isinstance(args, list):
        return []
    out: list[str] = []
    previous: str | None = None
    for arg in args:
        out.append(_safe_arg(arg, ev, previous))
        previous = str(arg)
    return out


def _mcp_servers(doc: Doc) -> list[tuple[KeyPath, str, dict[str, Any]]]:
    """(path, name, definition) for every MCP server in the document, wherever clients nest them."""
    data = doc.data
    found: list[tuple[KeyPath, str, dict[str, Any]]] = []
    containers: list[tuple[KeyPath, Any]] = []
    if isinstance(data, dict):
        for key in _SERVER_KEYS:
            if key in data:
                containers.append(((key,), data[key]))
        # Claude Code's ~/.claude.json nests servers per project; Continue nests under `experimental`.
        for outer in ("projects", "experimental", "mcp"):
            block = data.get(outer)
            if isinstance(block, dict):
                for key in _SERVER_KEYS:
                    if key in block:
                        containers.append(((outer, key), block[key]))
                for project, settings in block.items():
                    if isinstance(settings, dict) and isinstance(settings.get("mcpServers"), dict):
                        containers.append(((outer, str(project), "mcpServers"), settings["mcpServers"]))
    for path, container in containers:
        # `servers` is a generic word: there, only entries shaped like MCP server definitions count.
        generic = path[-1] == "servers"
        if isinstance(container, dict):
            entries = [(path + (str(name),), str(name), server) for name, server in container.items()]
        elif isinstance(container, list):
            entries = [
                (
                    path + (index,),
                    str(server.get("name") or index) if isinstance(server, dict) else "",
                    server,
                )
                for index, server in enumerate(container)
            ]
        else:
            continue
        found.extend(
            e for e in entries if isinstance(e[2], dict) and (not generic or _looks_like_server(e[2]))
        )
    return found


def _looks_like_server(server: dict[str, Any]) -> bool:
    return any(k in server for k in ("command", "url", "serverUrl", "httpUrl"))


def mcp_hints(doc: Doc, ev: Evidence) -> None:
    for path, name, server in _mcp_servers(doc):
        url = _str(server.get("url")) or _str(server.get("serverUrl")) or _str(server.get("httpUrl"))
        command = server.get("command")
        transport = _str(server.get("type")) or _str(server.get("transport"))
        if transport is None:
            if command:
                transport = "stdio"
            elif url:
                transport = "sse" if url.rstrip("/").endswith("/sse") else "http"
        args = server.get("args")
        details: dict[str, Any] = {
            "command": _safe_arg(command, ev) if command else None,
            "args": _safe_args(args, ev),
            "url": _safe_arg(url, ev) if url else None,
            "env": _names(server.get("env")),
            "headers": _names(server.get("headers")),
            "transport": transport,
        }
        if "disabled" in server:
            details["disabled"] = bool(server.get("disabled"))
        ev.manifest("mcp_client_config", name, doc.line_of(path), key_path(path), details)


def slack_hint(doc: Doc, ev: Evidence) -> None:
    data = doc.data
    if not isinstance(data, dict) or not ("display_information" in data or "oauth_config" in data):
        return
    display = _dict(data.get("display_information"))
    features = _dict(data.get("features"))
    bot_user = _dict(features.get("bot_user"))
    oauth = _dict(data.get("oauth_config"))
    scopes = _dict(oauth.get("scopes"))
    settings = _dict(data.get("settings"))
    events = _dict(settings.get("event_subscriptions"))
    interactivity = _dict(settings.get("interactivity"))
    name = _str(display.get("name")) or _str(bot_user.get("display_name")) or "slack-app"
    details = {
        "bot_display_name": bot_user.get("display_name"),
        "bot_scopes": sorted(str(s) for s in scopes.get("bot") or []),
        "user_scopes": sorted(str(s) for s in scopes.get("user") or []),
        "redirect_urls": [str(u) for u in oauth.get("redirect_urls") or []],
        "token_rotation_enabled": settings.get("token_rotation_enabled"),
        "socket_mode": settings.get("socket_mode_enabled"),
        "org_deploy_enabled": settings.get("org_deploy_enabled"),
        "request_url": events.get("request_url") or interactivity.get("request_url"),
    }
    line = (
        doc.line_of(("display_information",))
        if "display_information" in data
        else doc.line_of(("oauth_config",))
    )
    ev.manifest("slack_app_manifest", name, line, "display_information.name", details)


def _find_key(data: Any, key: str, depth: int = 3) -> tuple[KeyPath, dict[str, Any]] | None:
    """The mapping holding `key` at most `depth` levels down (appsettings nest under "Bot" or "Values")."""
    frontier: list[tuple[KeyPath, Any]] = [((), data)]
    for _ in range(depth):
        nxt: list[tuple[KeyPath, Any]] = []
        for path, node in frontier:
            if isinstance(node, dict):
                if key in node:
                    return path, node
                nxt.extend((path + (str(k),), v) for k, v in node.items() if isinstance(v, dict))
        frontier = nxt
    return None


def bot_framework_hint(doc: Doc, ev: Evidence) -> None:
    found = _find_key(doc.data, "MicrosoftAppId")
    if found is None:
        return
    path, block = found
    app_type = _str(block.get("MicrosoftAppType"))
    details = {
        "MicrosoftAppType": app_type,
        "tenant_id_key": "MicrosoftAppTenantId" in block,
        "password_key": "MicrosoftAppPassword" in block,
        "certificate": any("Certificate" in str(k) for k in block),
        "keys": sorted(k for k in block if str(k) in _BOT_APP_TYPES),
    }
    parent = ev.rel.rsplit("/", 2)
    name = parent[-2] if len(parent) >= 2 else "bot"
    app_path = path + ("MicrosoftAppId",)
    ev.manifest("bot_framework", name, doc.line_of(app_path), key_path(app_path), details)


def n8n_hint(doc: Doc, ev: Evidence) -> None:
    workflows: list[tuple[KeyPath, dict[str, Any]]] = []
    if isinstance(doc.data, dict):
        workflows.append(((), doc.data))
    elif isinstance(doc.data, list):
        workflows.extend(((i,), w) for i, w in enumerate(doc.data) if isinstance(w, dict))
    for path, workflow in workflows:
        nodes = workflow.get("nodes")
        if not isinstance(nodes, list) or "connections" not in workflow:
            continue
        types = sorted({str(n.get("type")) for n in nodes if isinstance(n, dict) and n.get("type")})
        if not any(t.startswith(("n8n-nodes-", "@n8n/")) for t in types):
            continue
        credentials = sorted(
            {
                f"{ctype}:{(cred or {}).get('name', '') if isinstance(cred, dict) else cred}"
                for n in nodes
                if isinstance(n, dict) and isinstance(n.get("credentials"), dict)
                for ctype, cred in n["credentials"].items()
            }
        )
        name = _str(workflow.get("name")) or ev.rel.rsplit("/", 1)[-1]
        ev.manifest(
            "n8n_workflow",
            name,
            doc.line_of(path + ("name",)) if "name" in workflow else doc.line,
            key_path(path + ("name",)),
            {"node_types": types, "credentials": credentials, "active": workflow.get("active")},
        )


def github_workflow_hint(doc: Doc, ev: Evidence) -> None:
    data = doc.data
    if ev.kind.context is not SecretContext.WORKFLOW or not isinstance(data, dict):
        return
    jobs = _dict(data.get("jobs"))
    agent_steps: list[str] = []
    for job_id, job in jobs.items():
        steps = job.get("steps") if isinstance(job, dict) else None
        for index, step in enumerate(steps or []):
            if not isinstance(step, dict):
                continue
            text = " ".join(str(step.get(k) or "") for k in ("uses", "run", "name"))
            if _AGENTIC.search(text):
                agent_steps.append(f"{job_id}.steps[{index}]")
    # JSON-ish loaders may have turned a bare `on:` key into the boolean true.
    triggers = data.get("on", data.get(True))
    if isinstance(triggers, dict | list):
        trigger_names = sorted(str(t) for t in triggers)
    else:
        trigger_names = [str(triggers)] if triggers else []
    name = _str(data.get("name")) or ev.rel.rsplit("/", 1)[-1]
    details = {
        "jobs": sorted(str(j) for j in jobs),
        "agent_steps": agent_steps,
        "runs_agent": bool(agent_steps),
        "permissions": data.get("permissions"),
        "triggers": trigger_names,
    }
    ev.manifest(
        "github_workflow", name, doc.line_of(("name",)) if "name" in data else doc.line, "name", details
    )


def crewai_hints(doc: Doc, ev: Evidence) -> None:
    name = ev.rel.rsplit("/", 1)[-1].lower()
    if not isinstance(doc.data, dict) or name not in ("agents.yaml", "agents.yml"):
        return
    for agent_id, agent in doc.data.items():
        if isinstance(agent, dict) and ("role" in agent or "goal" in agent or "backstory" in agent):
            ev.manifest(
                "crewai",
                str(agent_id),
                doc.line_of((str(agent_id),)),
                str(agent_id),
                {
                    "role": _str(agent.get("role")),
                    "llm": _str(agent.get("llm")),
                    "tools": _names(agent.get("tools")),
                },
            )


def autogen_hint(doc: Doc, ev: Evidence) -> None:
    """AutoGen's OAI_CONFIG_LIST: a list of model endpoints, each with its own api_key."""
    if not ev.rel.rsplit("/", 1)[-1].startswith("OAI_CONFIG_LIST") or not isinstance(doc.data, list):
        return
    models = [str(m.get("model")) for m in doc.data if isinstance(m, dict) and m.get("model")]
    ev.manifest("autogen", "OAI_CONFIG_LIST", doc.line, None, {"models": models})


def all_hints(doc: Doc, ev: Evidence) -> None:
    """Every hint a structured document yields; each recogniser checks its own shape and is cheap to miss."""
    if k8s.is_k8s(doc):
        k8s.hints(doc, ev)
        return
    mcp_hints(doc, ev)
    slack_hint(doc, ev)
    bot_framework_hint(doc, ev)
    n8n_hint(doc, ev)
    github_workflow_hint(doc, ev)
    crewai_hints(doc, ev)
    autogen_hint(doc, ev)
