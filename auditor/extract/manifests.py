"""Agent evidence in structured files: MCP clients, Slack and Bot Framework apps, n8n, Actions, CrewAI."""

from __future__ import annotations

import re
from typing import Any

from auditor.extract import bedrock, k8s, server_manifests
from auditor.extract.evidence import Evidence
from auditor.extract.references import names_credential
from auditor.extract.tree import Doc, KeyPath, key_path
from auditor.extract.values import is_secret_key
from auditor.github_apps import registration_permissions
from auditor.model import ReferenceKind, SecretContext
from auditor.redact import redact

_SERVER_KEYS = ("mcpServers", "mcp_servers", "context_servers", "servers")
_API_SPEC_KEYS = frozenset({"openapi", "swagger", "asyncapi"})
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
    if isinstance(data, dict) and not _API_SPEC_KEYS.isdisjoint(data):
        # An OpenAPI, Swagger or AsyncAPI document: its `servers` are the API's base URLs, not MCP servers.
        return found
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
            "client": ev.kind.known.client if ev.kind.known is not None else None,
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
    """The mapping holding `key` at most `depth` levels down (appsettings nest under "Bot" or "Values").
    Keys match case-insensitively (`microsoftAppId` in lower-camel appsettings); the mapping comes back with
    the canonical spelling of the Bot Framework keys."""
    wanted = key.lower()
    frontier: list[tuple[KeyPath, Any]] = [((), data)]
    for _ in range(depth):
        nxt: list[tuple[KeyPath, Any]] = []
        for path, node in frontier:
            if isinstance(node, dict):
                if _may_hold_key(node, wanted):
                    for k in node:
                        if isinstance(k, str) and k.lower() == wanted:
                            return path, _canonical(node)
                nxt.extend((path + (str(k),), v) for k, v in node.items() if isinstance(v, dict))
        frontier = nxt
    return None


def _canonical(node: dict[str, Any]) -> dict[str, Any]:
    spelling = {k.lower(): k for k in _BOT_APP_TYPES}
    return {spelling.get(str(k).lower(), k): v for k, v in node.items()}


def _original_key(doc: Doc, path: KeyPath, key: str) -> str:
    node = doc.get(*path) if path else doc.data
    if isinstance(node, dict):
        return next((str(k) for k in node if str(k).lower() == key.lower()), key)
    return key


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
        # Whether a password is filled in at all (never its value): samples ship the keys empty.
        "password_set": bool(_str(block.get("MicrosoftAppPassword"))),
        "certificate": any("Certificate" in str(k) for k in block),
        "keys": sorted(k for k in block if str(k) in _BOT_APP_TYPES),
    }
    parent = ev.rel.rsplit("/", 2)
    name = parent[-2] if len(parent) >= 2 else "bot"
    app_path = path + (_original_key(doc, path, "MicrosoftAppId"),)
    ev.manifest("bot_framework", name, doc.line_of(app_path), key_path(app_path), details)


def _may_hold_key(node: dict[Any, Any], wanted: str) -> bool:
    """False when no key of `node` reads `wanted` (lowercase ASCII) once lowered (`str(k).lower()`): one
    search of the keys joined by line breaks and lowered, at C speed, instead of a Python step per key (the
    recognisers ask a few names of every parsed document's root: an env file's 300 keys, a vocabulary's
    50,000). Lowering the join lowers each key alike (only `Σ` lowers by its neighbours, and a key holding
    it never lowers to ASCII), so a key that reads `wanted` is a line of the lowered join; True may also
    come from a key holding a line break, and the caller's own loop then decides."""
    if not wanted.isascii():
        return True  # (the argument above holds for an ASCII name only)
    return "\n" + wanted + "\n" in "\n" + "\n".join(map(str, node)).lower() + "\n"


def _ci(node: Any, key: str) -> Any:
    """`node[key]`, the key matched case-insensitively (`Connections`, `connections`); None if absent."""
    if isinstance(node, dict):
        wanted = key.lower()
        if not _may_hold_key(node, wanted):
            return None
        for k, v in node.items():
            if str(k).lower() == wanted:
                return v
    return None


def _ci_key(node: dict[str, Any], key: str) -> str:
    return next((str(k) for k in node if str(k).lower() == key.lower()), key)


# The settings of an Agents SDK connection that say it is one (any of them suffices).
_AGENTS_SDK_FIELDS = frozenset(("authtype", "clientid", "clientsecret", "tenantid", "certthumbprint"))
_AGENTS_SDK_CERTIFICATE = ("certthumbprint", "certsubjectname", "certificate")


def agents_sdk_hint(doc: Doc, ev: Evidence) -> None:
    """The Microsoft 365 Agents SDK's settings (the successor of the Bot Framework SDK, for Teams, Copilot and
    web chat agents): the agent's service connection, `Connections.<name>.Settings` in appsettings.json or
    `connections__<name>__settings__<field>` in a .env file (any casing), with its `AuthType`
    (ClientSecret, the default; Certificate, CertificateSubjectName; UserManagedIdentity,
    SystemManagedIdentity; FederatedCredentials, WorkloadIdentity), and the user authorization handlers of
    `AgentApplication.UserAuthorization.Handlers`: an `AzureBotOAuthConnectionName` signs each user in, an
    `OBOConnectionName` exchanges that user's token On-Behalf-Of. A `bot_framework` hint; never a value."""
    data = doc.data
    if not isinstance(data, dict):
        return
    # connection name -> {field (lowercase): (value, key path)}
    connections: dict[str, dict[str, tuple[Any, KeyPath]]] = {}
    handlers: set[str] = set()  # lowercase handler settings seen
    conns = _ci(data, "Connections")
    if isinstance(conns, dict):
        top = _ci_key(data, "Connections")
        for cname, conn in conns.items():
            settings = _ci(conn, "Settings")
            if isinstance(settings, dict):
                where = (top, str(cname), _ci_key(_dict(conn), "Settings"))
                connections[str(cname)] = {
                    str(f).lower(): (v, where + (str(f),)) for f, v in settings.items()
                }
    for key, value in data.items():
        if "__" not in str(key):
            continue  # both forms below are `__`-separated: a key without one is neither
        parts = str(key).split("__")
        lowered = [p.lower() for p in parts]
        if len(parts) == 4 and lowered[0] == "connections" and lowered[2] == "settings":
            connections.setdefault(parts[1], {})[lowered[3]] = (value, (str(key),))
        elif lowered[:2] == ["agentapplication", "userauthorization"]:
            handlers.add(lowered[-1])
    app = _ci(data, "AgentApplication")
    for handler in _dict(_ci(_dict(_ci(app, "UserAuthorization")), "Handlers")).values():
        handlers.update(str(k).lower() for k in _dict(_ci(handler, "Settings")))
    connections = {n: c for n, c in connections.items() if _AGENTS_SDK_FIELDS & set(c)}
    if not connections:
        return
    # The service connection: the one ConnectionsMap gives every service URL, else the first.
    mapped = next(
        (
            str(_ci(entry, "Connection"))
            for entry in (_ci(data, "ConnectionsMap") or ())
            if isinstance(entry, dict) and str(_ci(entry, "ServiceUrl")) == "*"
        ),
        None,
    )
    flat_map = next((str(v) for k, v in data.items() if str(k).lower().endswith("__connection")), None)
    name = mapped or flat_map
    service = next((n for n in connections if name and n.lower() == name.lower()), next(iter(connections)))
    fields = connections[service]
    auth_type = _str(fields.get("authtype", (None, ()))[0]) or ""
    secret = fields.get("clientsecret", (None, ()))[0]
    anchor = next(iter(fields.values()))[1]
    details = {
        "sdk": "m365_agents",
        "connection": service,
        "auth_type": auth_type,
        "password_key": "clientsecret" in fields,
        # Whether a secret is filled in at all (never its value): samples leave it empty.
        "password_set": isinstance(secret, str) and bool(secret.strip()),
        "certificate": any(f in fields for f in _AGENTS_SDK_CERTIFICATE),
        "user_sign_in": "azurebotoauthconnectionname" in handlers,
        "obo": "oboconnectionname" in handlers,
    }
    parent = ev.rel.rsplit("/", 2)
    folder = parent[-2] if len(parent) >= 2 else "agent"
    ev.manifest("bot_framework", folder, doc.line_of(anchor), key_path(anchor), details)


def _copilot_schema(data: dict[str, Any], part: str) -> bool:
    return f"/copilot/{part}/" in str(data.get("$schema") or "").lower()


def copilot_hints(doc: Doc, ev: Evidence) -> None:
    """Microsoft 365 Copilot extensibility: a declarative agent (`declarativeAgent.json`: instructions,
    capabilities, `actions` naming plugin files) and an API or MCP plugin (`ai-plugin.json`: `schema_version`
    v2.x, `runtimes`, each with its `auth` type: None, OAuthPluginVault, ApiKeyPluginVault,
    DynamicClientRegistration, and the API it calls). Both are agents Copilot runs for every user they are
    shared with; the plugin's auth says whether each user signs in to the API or all share one key."""
    data = doc.data
    if not isinstance(data, dict):
        return
    if _copilot_schema(data, "declarative-agent") or (
        str(data.get("version") or "").startswith("v1.")
        and isinstance(data.get("instructions"), str)
        and ("actions" in data or "capabilities" in data)
    ):
        actions = [str(_dict(a).get("file") or "") for a in data.get("actions") or () if isinstance(a, dict)]
        ev.manifest(
            "copilot_agent",
            str(data.get("name") or _folder_name(ev.rel)),
            doc.line,
            None,
            {"actions": [a for a in actions if a]},
        )
        return
    runtimes = data.get("runtimes")
    if not isinstance(runtimes, list) or not (
        _copilot_schema(data, "plugin") or str(data.get("schema_version") or "").startswith("v2")
    ):
        return
    for index, runtime in enumerate(runtimes):
        runtime = _dict(runtime)
        auth = _dict(runtime.get("auth"))
        spec = _dict(runtime.get("spec"))
        where = ("runtimes", index)
        ev.manifest(
            "copilot_plugin",
            str(data.get("name_for_human") or data.get("namespace") or _folder_name(ev.rel)),
            doc.line_of(where),
            key_path(where),
            {
                "runtime": str(runtime.get("type") or ""),
                "auth": str(auth.get("type") or "None"),
                "url": str(spec.get("url") or ""),
            },
        )


def _folder_name(rel: str) -> str:
    parent = rel.rsplit("/", 2)
    return parent[-2] if len(parent) >= 2 else "agent"


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
        for index, node in enumerate(nodes):
            creds = node.get("credentials") if isinstance(node, dict) else None
            if not isinstance(creds, dict):
                continue
            for ctype, cred in creds.items():
                label = cred.get("name") or cred.get("id") if isinstance(cred, dict) else cred
                where = path + ("nodes", index, "credentials", str(ctype))
                # A credential in n8n's own store: the workflow names it, the store holds the secret.
                ev.reference(
                    ReferenceKind.N8N_CREDENTIAL, f"{ctype}/{label}", doc.line_of(where), key_path(where)
                )
        triggers = sorted(t for t in types if t.lower().endswith("trigger"))
        ev.manifest(
            "n8n_workflow",
            name,
            doc.line_of(path + ("name",)) if "name" in workflow else doc.line,
            key_path(path) if path else None,
            {
                "node_types": types,
                "credentials": credentials,
                "active": workflow.get("active"),
                "triggers": triggers,
                "scope": key_path(path) if path else "",
            },
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
    federation = _workflow_federation(data, jobs, doc, ev)
    name = _str(data.get("name")) or ev.rel.rsplit("/", 1)[-1]
    details = {
        "federation": federation,
        "jobs": sorted(str(j) for j in jobs),
        "agent_steps": agent_steps,
        "runs_agent": bool(agent_steps),
        "permissions": data.get("permissions"),
        "triggers": trigger_names,
    }
    ev.manifest(
        "github_workflow", name, doc.line_of(("name",)) if "name" in data else doc.line, "name", details
    )


def _id_token_write(permissions: Any) -> bool:
    return (
        isinstance(permissions, dict)
        and str(permissions.get("id-token", "")).lower() == "write"
        or (permissions == "write-all")
    )


# Anthropic's GitHub Actions that run Claude Code (their inputs name the Claude API's credentials).
_CLAUDE_ACTIONS = ("anthropics/claude-code-action", "anthropics/claude-code-base-action")


# Top-level keys of a GitLab pipeline that are not jobs (a `.hidden` key is a template, not a job either).
_GITLAB_KEYWORDS = frozenset(
    (
        "default",
        "include",
        "stages",
        "variables",
        "workflow",
        "image",
        "services",
        "cache",
        "before_script",
        "after_script",
        "types",
        "spec",
    )
)


def gitlab_ci_hint(doc: Doc, ev: Evidence) -> None:
    """A GitLab CI/CD pipeline (`.gitlab-ci.yml`): its jobs, whether a schedule runs it (a nightly job), the
    jobs that run an agent, and how its jobs reach other platforms without a stored secret: an `id_tokens`
    token (GitLab's OIDC ID token) for Vault, AWS, Azure or Google, and GitLab's own Vault integration
    (`secrets: X: vault: path/field@mount`, whose paths are references)."""
    if ev.kind.known is None or ev.kind.known.manifest != "gitlab_ci" or not isinstance(doc.data, dict):
        return
    data = doc.data
    jobs: list[str] = []
    agent_steps: list[str] = []
    federation: list[dict[str, Any]] = []
    for key, job in data.items():
        if not isinstance(job, dict) or str(key) in _GITLAB_KEYWORDS - {"default"}:
            continue
        job_id = str(key)
        if job_id != "default" and not job_id.startswith("."):
            jobs.append(job_id)
            script = " ".join(str(s) for s in (job.get("script") or ()) if isinstance(s, str))
            if _AGENTIC.search(script):
                agent_steps.append(job_id)
        for token, spec in _dict(job.get("id_tokens")).items():
            audience = spec.get("aud") if isinstance(spec, dict) else None
            audiences = " ".join(str(a) for a in (audience if isinstance(audience, list) else [audience]))
            platform = _id_token_platform(f"{token} {audiences}".lower())
            if platform is not None:
                line = doc.line_of((job_id, "id_tokens", str(token)))
                federation.append({"platform": platform, "identity": None, "oidc": True, "line": line})
        for name, spec in _dict(job.get("secrets")).items():
            vault = spec.get("vault") if isinstance(spec, dict) else None
            target = _gitlab_vault_path(vault)
            if target is None:
                continue
            # Keyed by `secrets`, not by the variable it lands in: `WAREHOUSE_PASSWORD` names the secret the
            # job reads from Vault, not how the job signs in to Vault.
            line = doc.line_of((job_id, "secrets", str(name)))
            ev.reference(ReferenceKind.VAULT_PATH, target, line, key_path((job_id, "secrets")))
            federation.append({"platform": "vault", "identity": None, "oidc": True, "line": line})
    if not jobs:
        return
    scheduled = "schedule" in repr(data.get("workflow")) or any(
        "schedule" in repr(_dict(data.get(job)).get(k)) for job in jobs for k in ("rules", "only", "except")
    )
    details = {
        "federation": federation,
        "jobs": sorted(jobs),
        "agent_steps": agent_steps,
        "runs_agent": bool(agent_steps),
        "scheduled": scheduled,
    }
    ev.manifest("gitlab_ci", "gitlab-ci", doc.line, None, details)


def _id_token_platform(words: str) -> str | None:
    """The platform an `id_tokens` entry is minted for, by its name and audience."""
    if "vault" in words or "openbao" in words:
        return "vault"
    if "sts.amazonaws.com" in words or "aws" in words:
        return "aws"
    if "api://azureadtokenexchange" in words or "azure" in words:
        return "entra"
    return None


def _gitlab_vault_path(vault: Any) -> str | None:
    """`path/to/secret/field@mount` (or the long form's engine, path and field) as `mount/path#field`."""
    if isinstance(vault, str) and "/" in vault:
        path, _, mount = vault.partition("@")
        secret, _, field = path.rpartition("/")
        return f"{mount or 'kv-v2'}/{secret}#{field}" if secret else None
    if isinstance(vault, dict) and _str(vault.get("path")):
        engine = _dict(vault.get("engine"))
        mount = _str(engine.get("path")) or "kv-v2"
        return f"{mount}/{vault['path']}#{vault.get('field') or ''}"
    return None


def _workflow_federation(data: dict[str, Any], jobs: dict[str, Any], doc: Doc, ev: Evidence) -> list[Any]:
    """Workload identity federation in a workflow: OIDC role assumption (AWS), `azure/login` with a client id
    and no secret, Vault JWT auth, Claude Code's action with a federation rule (Anthropic). Also records
    `hashicorp/vault-action` secrets as Vault path references."""
    found: list[Any] = []
    workflow_oidc = _id_token_write(data.get("permissions"))
    for job_id, job in jobs.items():
        if not isinstance(job, dict):
            continue
        oidc = workflow_oidc or _id_token_write(job.get("permissions"))
        for index, step in enumerate(job.get("steps") or []):
            if not isinstance(step, dict):
                continue
            uses = str(step.get("uses") or "").lower()
            with_ = _dict(step.get("with"))
            where = ("jobs", str(job_id), "steps", index)
            line = doc.line_of(where)
            if uses.startswith("aws-actions/configure-aws-credentials"):
                role = _str(with_.get("role-to-assume"))
                static = "aws-access-key-id" in with_
                if role and not static:
                    found.append({"platform": "aws", "identity": role, "oidc": oidc, "line": line})
            elif uses.startswith("azure/login"):
                client = _str(with_.get("client-id"))
                if client and not with_.get("client-secret") and not with_.get("creds"):
                    found.append({"platform": "entra", "identity": client, "oidc": oidc, "line": line})
            elif uses.startswith(_CLAUDE_ACTIONS):
                # Workload identity federation to the Claude API: the job's GitHub OIDC token is exchanged for
                # a short-lived token of a service account. A static key or a subscription's OAuth token set
                # beside it takes precedence (the action's documentation), so federation is not used then.
                if with_.get("anthropic_federation_rule_id") and not (
                    with_.get("anthropic_api_key") or with_.get("claude_code_oauth_token")
                ):
                    account = _str(with_.get("anthropic_service_account_id"))
                    identity = account if account and "${{" not in account else None
                    found.append({"platform": "anthropic", "identity": identity, "oidc": oidc, "line": line})
            elif uses.startswith("hashicorp/vault-action"):
                method = str(with_.get("method") or "token").lower()
                if method in ("jwt", "oidc"):
                    found.append(
                        {"platform": "vault", "identity": _str(with_.get("role")), "oidc": oidc, "line": line}
                    )
                secrets = _str(with_.get("secrets")) or ""
                for offset, entry in enumerate(secrets.splitlines()):
                    spec = entry.split("|", 1)[0].split()
                    if len(spec) >= 2 and "/" in spec[0]:
                        sub = where + ("with", "secrets")
                        ev.reference(
                            ReferenceKind.VAULT_PATH,
                            f"{spec[0]}#{spec[1].rstrip(';')}",
                            doc.line_of(sub) + 1 + offset,
                            key_path(sub),
                        )
    return found


def teams_toolkit_hint(doc: Doc, ev: Evidence) -> None:
    """teamsapp.yml: the Teams Toolkit project of a bot. `writeToEnvironmentFile` maps outputs to variable
    names: a secret output (`botPassword: SECRET_BOT_PASSWORD`) is a reference to that variable."""
    if (
        ev.kind.known is None
        or ev.kind.known.manifest != "teams_app_manifest"
        or not isinstance(doc.data, dict)
    ):
        return
    bot = False
    for stage in ("provision", "deploy", "publish"):
        for index, action in enumerate(doc.data.get(stage) or []):
            if not isinstance(action, dict):
                continue
            uses = str(action.get("uses") or "")
            bot = bot or uses.startswith(("botAadApp/", "botFramework/"))
            outputs = _dict(action.get("writeToEnvironmentFile"))
            for output, variable in outputs.items():
                if isinstance(variable, str) and names_credential(str(output)):
                    where = (stage, index, "writeToEnvironmentFile", str(output))
                    ev.reference(ReferenceKind.ENV_VAR, variable, doc.line_of(where), key_path(where))
    parent = ev.rel.rsplit("/", 2)
    name = parent[-2] if len(parent) >= 2 else "teams-app"
    ev.manifest("teams_app_manifest", name, doc.line, None, {"bot": bot})


def teams_app_package_hint(doc: Doc, ev: Evidence) -> None:
    """A Teams / Microsoft 365 app package manifest (`appPackage/manifest.json`: its `$schema` is Teams' or
    it has a `manifestVersion` and bots, message extensions, tabs or Copilot agents): a Teams app, many
    people's, with its bot (`bots`, `customEngineAgents`)."""
    data = doc.data
    if not isinstance(data, dict):
        return
    schema = str(data.get("$schema") or "")
    shaped = "manifestVersion" in data and any(
        k in data for k in ("bots", "composeExtensions", "staticTabs", "copilotAgents", "copilotExtensions")
    )
    if "MicrosoftTeams.schema.json" not in schema and not shaped:
        return
    agents = _dict(data.get("copilotAgents"))
    bot = bool(data.get("bots")) or bool(agents.get("customEngineAgents"))
    name = _str(_dict(data.get("name")).get("short")) or _folder_name(ev.rel)
    ev.manifest("teams_app_manifest", name, doc.line, None, {"bot": bot})


def teams_skip_paths(doc: Doc, ev: Evidence) -> tuple[KeyPath, ...]:
    """Variable names under `writeToEnvironmentFile` are not values: the secret scan skips them."""
    if (
        ev.kind.known is None
        or ev.kind.known.manifest != "teams_app_manifest"
        or not isinstance(doc.data, dict)
    ):
        return ()
    return tuple(
        (stage, index, "writeToEnvironmentFile")
        for stage in ("provision", "deploy", "publish")
        for index, action in enumerate(doc.data.get(stage) or [])
        if isinstance(action, dict) and "writeToEnvironmentFile" in action
    )


def langgraph_hint(doc: Doc, ev: Evidence) -> None:
    """langgraph.json: one agent per graph; `env` names an env file or holds the variables inline."""
    if ev.kind.known is None or ev.kind.known.manifest != "langgraph" or not isinstance(doc.data, dict):
        return
    graphs = _dict(doc.data.get("graphs"))
    env = doc.data.get("env")
    for graph_id, target in graphs.items():
        ev.manifest(
            "langgraph",
            str(graph_id),
            doc.line_of(("graphs", str(graph_id))),
            key_path(("graphs", str(graph_id))),
            {"entry": str(target), "env_file": env if isinstance(env, str) else None},
        )


# The channels a Rasa assistant's credentials.yml configures (its input channels, built in); a custom
# connector is its class's dotted module path (`addons.channels.WebChatInput`).
_RASA_CHANNELS = frozenset(
    {
        "rest",
        "socketio",
        "callback",
        "rasa",
        "slack",
        "facebook",
        "telegram",
        "twilio",
        "twilio_voice",
        "mattermost",
        "rocketchat",
        "botframework",
        "webexteams",
        "cisco",
        "hangouts",
        "audiocodes",
        "vonage",
        "genesys",
    }
)
# Channels only Rasa names so: one of them (or two channels of any kind) tells the file from another
# tool's credentials.yml.
_RASA_OWN_CHANNELS = frozenset({"rest", "socketio", "callback", "rasa", "botframework", "webexteams"})
_DOTTED_CLASS = re.compile(r"^[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){1,8}$")


def rasa_hint(doc: Doc, ev: Evidence) -> None:
    """A Rasa assistant's credentials.yml: the channels people talk to it on (a REST or socket.io web chat,
    Slack, Telegram...). Every top-level key must be a channel or a custom connector's class."""
    if ev.kind.known is None or ev.kind.known.manifest != "rasa_bot" or not isinstance(doc.data, dict):
        return
    keys = [str(k) for k in doc.data]
    channels = [k for k in keys if k in _RASA_CHANNELS]
    if not channels or not all(k in _RASA_CHANNELS or _DOTTED_CLASS.match(k) for k in keys):
        return
    if not (_RASA_OWN_CHANNELS & set(channels)) and len(channels) < 2:
        return
    if not all(v is None or isinstance(v, dict) for v in doc.data.values()):
        return
    parts = ev.rel.rsplit("/", 2)
    name = parts[-2] if len(parts) >= 2 else "rasa-assistant"
    ev.manifest("rasa_bot", name, doc.line_of((keys[0],)), None, {"channels": keys})


# Database servers by their image's name (the last part of its repository, without the tag): a compose file
# that runs one deploys the application's own store beside it.
_DATABASE_IMAGES = frozenset(
    [
        "postgres",
        "postgresql",
        "postgis",
        "pgvector",
        "timescaledb",
        "mysql",
        "mariadb",
        "mongo",
        "mongodb",
        "redis",
        "redis-stack",
        "redis-stack-server",
        "valkey",
        "clickhouse-server",
        "cassandra",
    ]
)


def _image_name(image: str) -> str:
    """`docker.io/bitnami/postgresql:16.2@sha256:...` -> `postgresql`."""
    return image.split("@", 1)[0].rsplit("/", 1)[-1].split(":", 1)[0]


def compose_hints(doc: Doc, ev: Evidence) -> None:
    """docker-compose services that run a self-hosted agent platform (Flowise, Dify, LibreChat, n8n), and the
    database servers the file deploys beside them (setting `compose.database`, the service's name).

    Of a platform's services, those that publish ports come first: `n8n` names the agent, not the one-shot
    `n8n-import` beside it that runs the same image."""
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("services"), dict):
        return
    platforms: list[tuple[bool, str, str]] = []
    for service, spec in data["services"].items():
        spec = _dict(spec)
        image = str(spec.get("image") or "").lower()
        if k8s.platform_image(image):
            platforms.append((not spec.get("ports"), str(service), image))
        elif _image_name(image) in _DATABASE_IMAGES:
            where = ("services", str(service))
            ev.setting("compose.database", str(service), doc.line_of(where), key_path(where))
    for _, service, image in sorted(platforms, key=lambda p: p[0]):
        ev.manifest(
            "agent_platform",
            service,
            doc.line_of(("services", service)),
            key_path(("services", service)),
            {"image": image},
        )


def sops_references(doc: Doc, ev: Evidence) -> None:
    """A SOPS-encrypted file: each `ENC[…]` value under a credential-named key is a reference, not a
    secret."""
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("sops"), dict):
        return
    stack: list[tuple[KeyPath, Any]] = [((k,), v) for k, v in data.items() if k != "sops"]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((path + (str(k),), v) for k, v in node.items())
        elif isinstance(node, str) and node.startswith("ENC[") and names_credential(str(path[-1])):
            ev.reference(ReferenceKind.SOPS, key_path(path), doc.line_of(path), key_path(path))


def cloudformation_references(doc: Doc, ev: Evidence) -> None:
    """CloudFormation parameters typed as SSM parameter values: `!Ref` to them reads the parameter."""
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("Parameters"), dict):
        return
    if "AWSTemplateFormatVersion" not in data and "Resources" not in data:
        return
    for name, spec in data["Parameters"].items():
        spec = _dict(spec)
        default = _str(spec.get("Default"))
        ssm = "SSM::Parameter::Value" in str(spec.get("Type") or "") and default
        if ssm and (names_credential(str(name)) or names_credential(str(default).rsplit("/", 1)[-1])):
            where = ("Parameters", str(name), "Default")
            ev.reference(ReferenceKind.AWS_SSM, str(default), doc.line_of(where), key_path(where))


def _vault_client(data: dict[str, Any]) -> dict[str, Any] | None:
    """Vault client settings: Spring YAML (`spring.cloud.vault`), .properties (flat keys), INI ([vault])."""
    spring = _dict(_dict(_dict(data.get("spring")).get("cloud")).get("vault"))
    if spring:
        return spring
    flat = {
        k[len("spring.cloud.vault.") :]: v
        for k, v in data.items()
        if str(k).startswith("spring.cloud.vault.")
    }
    if flat:
        return flat
    section = _dict(data.get("vault"))
    if section and any(k in section for k in ("role_id", "auth_method", "secret_id", "token", "url", "addr")):
        return section
    return None


def service_client_hint(doc: Doc, ev: Evidence) -> None:
    """An application configured as a Vault client (Spring Cloud Vault, an INI [vault] section): a service
    identity of its own, so an agent even without an agent framework's manifest."""
    if ev.kind.format not in ("yaml", "properties", "ini") or not isinstance(doc.data, dict):
        return
    vault = _vault_client(doc.data)
    if vault is None:
        return
    app = _str(_dict(_dict(doc.data.get("spring")).get("application")).get("name")) or _str(
        doc.data.get("spring.application.name")
    )
    ev.manifest(
        "service",
        app or ev.rel.rsplit("/", 1)[-1],
        doc.line,
        None,
        {"vault_auth": str(vault.get("authentication") or vault.get("auth_method") or "").lower()},
    )


# Hosts an Azure Developer CLI service deploys to: each runs the service under an identity of its own.
_AZD_HOSTS = frozenset({"containerapp", "appservice", "function", "aks", "springapp", "ai.endpoint"})


def azd_hints(doc: Doc, ev: Evidence) -> None:
    """An Azure Developer CLI project (`azure.yaml`): each service it deploys to a compute host is an
    application with an identity of its own (the Azure AI templates' chat apps and agents)."""
    if ev.kind.known is None or ev.kind.known.client != "azd" or not isinstance(doc.data, dict):
        return
    services = _dict(doc.data.get("services"))
    project = _str(doc.data.get("name"))
    for service, spec in services.items():
        host = str(_dict(spec).get("host") or "").lower()
        if host not in _AZD_HOSTS:
            continue
        ev.manifest(
            "service",
            project or str(service),
            doc.line_of(("services", str(service))),
            key_path(("services", str(service))),
            {"azd_host": host, "project": _str(_dict(spec).get("project"))},
        )


def helm_hints(doc: Doc, ev: Evidence) -> None:
    """A Helm chart: Chart.yaml names the workload; values.yaml carries its service-account annotations (IRSA,
    workload identity) and whether an ingress exposes it."""
    name = ev.rel.rsplit("/", 1)[-1].lower()
    data = doc.data
    if not isinstance(data, dict):
        return
    if name == "chart.yaml" and isinstance(data.get("apiVersion"), str) and _str(data.get("name")):
        details: dict[str, Any] = {"kind": "HelmChart", "chart": data.get("name")}
        ev.manifest("k8s_workload", str(data["name"]), doc.line, None, details)
    elif name in ("values.yaml", "values.yml"):
        account = _dict(data.get("serviceAccount"))
        annotations = _dict(account.get("annotations"))
        if annotations:
            ev.manifest(
                "k8s_service_account",
                str(account.get("name") or "default"),
                doc.line_of(("serviceAccount",)),
                "serviceAccount",
                {"annotations": annotations},
            )
        ingress = _dict(data.get("ingress"))
        if ingress.get("enabled") is True:
            ev.manifest("k8s_workload", "ingress", doc.line_of(("ingress",)), "ingress", {"kind": "Ingress"})
        # The chart deploys a self-hosted agent platform (`image: {repository: ghcr.io/open-webui/...}`): a
        # web app many people use, whether or not this chart's ingress is switched on by default.
        image = data.get("image")
        repository = _str(image.get("repository")) if isinstance(image, dict) else _str(image)
        if repository and k8s.platform_image(repository):
            ev.manifest(
                "agent_platform",
                _folder_name(ev.rel),
                doc.line_of(("image",)),
                "image",
                {"image": repository.lower()},
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
    server_manifests.hints(doc, ev)
    teams_toolkit_hint(doc, ev)
    langgraph_hint(doc, ev)
    rasa_hint(doc, ev)
    compose_hints(doc, ev)
    sops_references(doc, ev)
    cloudformation_references(doc, ev)
    bedrock.document_hints(doc, ev)
    service_client_hint(doc, ev)
    azd_hints(doc, ev)
    helm_hints(doc, ev)
    slack_hint(doc, ev)
    bot_framework_hint(doc, ev)
    agents_sdk_hint(doc, ev)
    copilot_hints(doc, ev)
    teams_app_package_hint(doc, ev)
    n8n_hint(doc, ev)
    github_workflow_hint(doc, ev)
    gitlab_ci_hint(doc, ev)
    crewai_hints(doc, ev)
    autogen_hint(doc, ev)
    github_app_hint(doc, ev)
    probot_package_hint(doc, ev)


def github_app_hint(doc: Doc, ev: Evidence) -> None:
    """A GitHub App registration (Probot's app.yml, an app manifest): an app acting on every repository it is
    installed on with the permissions it declares, for everyone who can trigger its events there."""
    permissions = registration_permissions(doc.data, ev.rel)
    if permissions is None:
        return
    data = doc.data
    hook = _dict(data.get("hook_attributes"))
    events = data.get("default_events")
    folder = ev.rel.rsplit("/", 2)[-2] if "/" in ev.rel else None
    name = _str(data.get("name")) or folder
    details = {
        "permissions": permissions,
        "events": sorted(str(e) for e in events) if isinstance(events, list) else [],
        "public": data.get("public") if isinstance(data.get("public"), bool) else None,
        "webhook": bool(hook.get("url")) or bool(data.get("default_events")),
        "user_authorization": bool(data.get("callback_urls") or data.get("request_oauth_on_install")),
    }
    ev.manifest(
        "github_app_manifest",
        name or "github-app",
        doc.line_of(("default_permissions",)),
        "default_permissions",
        details,
    )


# A Node project built on Probot (the framework of most GitHub Apps): its package.json names the app. A
# dependency at run time only: a plugin's test suite lists probot among its devDependencies.
def probot_package_hint(doc: Doc, ev: Evidence) -> None:
    if ev.rel.rsplit("/", 1)[-1] != "package.json" or not isinstance(doc.data, dict):
        return
    if "probot" not in _dict(doc.data.get("dependencies")):
        return
    folder = ev.rel.rsplit("/", 2)[-2] if "/" in ev.rel else None
    name = _str(doc.data.get("name")) or folder or "probot-app"
    where = ("dependencies", "probot")
    ev.manifest("github_app_package", name, doc.line_of(where), key_path(where), {"framework": "probot"})
