"""The agent inventory: which agents exist, what they hold, what they reach and how they authenticate.

Pure: built from FileScans and the config, no file reads. Agents come from manifest hints (one per MCP server
entry; one per folder for the other kinds) and from `agents:` in botaudit.yaml, which win.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditor.config import AgentDecl, Config
from auditor.model import (
    Agent,
    AuthModel,
    Connection,
    FileScan,
    Location,
    ManifestHint,
    Platform,
    ReferenceKind,
    SecretMatch,
    SecretReference,
    Setting,
)

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
# Folders that hold deployment files of an agent, not the agent: its root is the folder above.
_DEPLOY_DIRS = frozenset(
    {
        "k8s",
        "kubernetes",
        "deploy",
        "deployment",
        "deployments",
        "manifests",
        "helm",
        "charts",
        "infra",
        "terraform",
        "config",
        "configs",
        "workflows",
        ".github",
        "templates",
        ".cursor",
        ".vscode",
        ".claude",
        ".codeium",
        ".windsurf",
    }
)
_REMOTE_TRANSPORTS = frozenset({"sse", "http", "streamable-http", "streamable_http", "websocket", "ws"})
_ENV_WORDS = {
    "dev": "dev",
    "development": "dev",
    "test": "test",
    "qa": "test",
    "stage": "stage",
    "staging": "stage",
    "prod": "prod",
    "production": "prod",
    "prd": "prod",
}
_ENV_SPLIT = re.compile(r"[^a-z0-9]+")


# -- platforms ----------------------------------------------------------------------------------------------
# Credential kind prefixes -> platform, for detectors that do not set one.
_KIND_PLATFORM: tuple[tuple[str, Platform], ...] = (
    ("aws", Platform.AWS),
    ("slack", Platform.SLACK),
    ("github", Platform.GITHUB),
    ("openai", Platform.OPENAI),
    ("anthropic", Platform.ANTHROPIC),
    ("google", Platform.GOOGLE),
    ("gcp", Platform.GOOGLE),
    ("stripe", Platform.STRIPE),
    ("twilio", Platform.TWILIO),
    ("sendgrid", Platform.SENDGRID),
    ("salesforce", Platform.SALESFORCE),
    ("azure", Platform.ENTRA),
    ("entra", Platform.ENTRA),
    ("microsoft", Platform.ENTRA),
    ("vault", Platform.VAULT),
    ("database", Platform.DATABASE),
    ("postgres", Platform.DATABASE),
    ("mysql", Platform.DATABASE),
    ("mongodb", Platform.DATABASE),
    ("redis", Platform.DATABASE),
    ("db_", Platform.DATABASE),
    ("kubernetes", Platform.KUBERNETES),
)
# Words in a setting key (env var name or key path) -> platform. Matched per word, first hit wins.
_KEY_WORDS: tuple[tuple[re.Pattern[str], Platform], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), platform)
    for pattern, platform in (
        (r"(^|[._-])(salesforce|sfdc|sf)([._-]|$)", Platform.SALESFORCE),
        (r"microsoftapp|(^|[._-])(azure|entra|msal|graph|aad|msgraph)([._-]|$)", Platform.ENTRA),
        (r"(^|[._-])(aws|iam|irsa|boto3?)([._-]|$)|eks\.amazonaws\.com", Platform.AWS),
        (r"(^|[._-])(vault|approle|hvac|bao|openbao)([._-]|$)", Platform.VAULT),
        (r"(^|[._-])slack([._-]|$)", Platform.SLACK),
        (r"(^|[._-])(github|gh)([._-]|$)", Platform.GITHUB),
        (r"(^|[._-])openai([._-]|$)", Platform.OPENAI),
        (r"(^|[._-])(anthropic|claude)([._-]|$)", Platform.ANTHROPIC),
        (r"(^|[._-])(google|gemini|gcp)([._-]|$)", Platform.GOOGLE),
        (r"(^|[._-])stripe([._-]|$)", Platform.STRIPE),
        (r"(^|[._-])twilio([._-]|$)", Platform.TWILIO),
        (r"(^|[._-])sendgrid([._-]|$)", Platform.SENDGRID),
        (
            r"(^|[._-])(database|postgres|postgresql|pg|mysql|mongo|mongodb|redis|dsn)([._-]|$)",
            Platform.DATABASE,
        ),
        (r"serviceaccountname|(^|[._-])(kubernetes|k8s)([._-]|$)", Platform.KUBERNETES),
    )
)
# Hosts in setting values (token URLs, instance URLs, endpoints) -> platform.
_VALUE_HOSTS: tuple[tuple[str, Platform], ...] = (
    ("salesforce.com", Platform.SALESFORCE),
    ("force.com", Platform.SALESFORCE),
    ("login.microsoftonline.com", Platform.ENTRA),
    ("graph.microsoft.com", Platform.ENTRA),
    ("amazonaws.com", Platform.AWS),
    ("arn:aws", Platform.AWS),
    ("slack.com", Platform.SLACK),
    ("api.github.com", Platform.GITHUB),
    ("api.openai.com", Platform.OPENAI),
    ("api.anthropic.com", Platform.ANTHROPIC),
    ("googleapis.com", Platform.GOOGLE),
)
# MCP server commands and packages -> platform.
_MCP_WORDS: tuple[tuple[str, Platform], ...] = (
    ("github", Platform.GITHUB),
    ("aws", Platform.AWS),
    ("salesforce", Platform.SALESFORCE),
    ("slack", Platform.SLACK),
    ("vault", Platform.VAULT),
    ("azure", Platform.ENTRA),
    ("graph", Platform.ENTRA),
    ("postgres", Platform.DATABASE),
    ("mysql", Platform.DATABASE),
    ("stripe", Platform.STRIPE),
    ("openai", Platform.OPENAI),
    ("kubernetes", Platform.KUBERNETES),
    ("k8s", Platform.KUBERNETES),
)
_CODE_PLATFORM = {
    "salesforce": Platform.SALESFORCE,
    "msal": Platform.ENTRA,
    "azure": Platform.ENTRA,
    "aws": Platform.AWS,
    "vault": Platform.VAULT,
    "slack": Platform.SLACK,
    "github": Platform.GITHUB,
    "openai": Platform.OPENAI,
    "anthropic": Platform.ANTHROPIC,
}


def platform_of_kind(kind: str) -> Platform | None:
    low = kind.lower()
    for prefix, platform in _KIND_PLATFORM:
        if low.startswith(prefix):
            return platform
    return None


def platform_of_secret(secret: SecretMatch) -> Platform | None:
    if secret.platform is not None and secret.platform is not Platform.OTHER:
        return secret.platform
    by_kind = platform_of_kind(secret.kind)
    if by_kind is not None:
        return by_kind
    return platform_of_key(secret.location.key or "") or secret.platform


def platform_of_key(key: str) -> Platform | None:
    if key.startswith("code."):
        return _CODE_PLATFORM.get(key[5:].split(".", 1)[0])
    for pattern, platform in _KEY_WORDS:
        if pattern.search(key):
            return platform
    return None


def platform_of_value(value: str) -> Platform | None:
    low = value.lower()
    for host, platform in _VALUE_HOSTS:
        if host in low:
            return platform
    return None


def platform_of_setting(setting: Setting) -> Platform | None:
    return platform_of_key(setting.key) or platform_of_value(setting.value)


def platform_of_reference(ref: SecretReference) -> Platform | None:
    if ref.kind in (
        ReferenceKind.ENV_VAR,
        ReferenceKind.CI_SECRET,
        ReferenceKind.TEMPLATE,
        ReferenceKind.FILE,
    ):
        return platform_of_key(ref.target) or platform_of_key(ref.location.key or "")
    # A Vault path or a Secrets Manager ARN says where the secret is kept, not what it is for.
    return platform_of_key(ref.location.key or "") or ref.platform


# -- small helpers ------------------------------------------------------------------------------------------
def loc_key(loc: Location) -> tuple[str, int, int, str]:
    """A total order on locations (column and key may be None)."""
    return (loc.path, loc.line, loc.column or 0, loc.key or "")


def _norm(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _dir(path: str) -> str:
    return posixpath.dirname(_norm(path)) or "."


def agent_root(path: str) -> str:
    """The folder of an agent's defining file, above deployment folders (k8s/, .github/workflows/, config/)"""
    folder = _dir(path)
    parts = [] if folder == "." else folder.split("/")
    while parts and parts[-1].lower() in _DEPLOY_DIRS:
        parts.pop()
    return "/".join(parts) or "."


def under(path: str, root: str) -> bool:
    return root == "." or path == root or path.startswith(root.rstrip("/") + "/")


def glob_match(path: str, pattern: str) -> bool:
    """Whether `path` matches a botaudit.yaml glob (`**` any depth, `dir/` the whole folder).

    Scan paths may carry the scan root's name as a prefix, so a path matches if any of its tails does.
    """
    pattern = _norm(pattern)
    if pattern.endswith("/"):
        pattern += "**"
    parts = _norm(path).split("/")
    regex = _glob_regex(pattern)
    return any(regex.match("/".join(parts[i:])) for i in range(len(parts)))


def _glob_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            char = pattern[i]
            out.append("[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char))
            i += 1
    text = "".join(out)
    # A plain folder name owns everything below it.
    if not any(c in pattern for c in "*?["):
        text += "(?:/.*)?"
    return re.compile(text + r"\Z")


def environment_of(*texts: str) -> str | None:
    """dev/test/stage/prod from path segments or names (`prod-bot`, `deploy/staging/`), first hit wins."""
    for text in texts:
        for word in _ENV_SPLIT.split(text.lower()):
            if word in _ENV_WORDS:
                return _ENV_WORDS[word]
    return None


def _mcp_scope(hint: ManifestHint) -> str:
    """The key path prefix of one MCP server entry (`mcpServers.github`)."""
    key = hint.location.key
    if key:
        return key
    container = hint.details.get("container") or "mcpServers"
    return f"{container}.{hint.name}"


def _in_scope(key: str | None, scope: str) -> bool:
    return bool(key) and (key == scope or str(key).startswith(scope + "."))


# -- building -----------------------------------------------------------------------------------------------
@dataclass
class _Draft:
    """A mutable agent while the inventory is assembled."""

    name: str
    root: str
    kinds: list[str] = field(default_factory=list)
    hints: list[ManifestHint] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    secrets: list[SecretMatch] = field(default_factory=list)
    references: list[SecretReference] = field(default_factory=list)
    settings: list[Setting] = field(default_factory=list)
    decl: AgentDecl | None = None
    mcp_file: str | None = None
    mcp_scope: str | None = None


def build_inventory(files: Sequence[FileScan], config: Config) -> tuple[Agent, ...]:
    """Agents with their files, credentials, references, settings and classified connections (pure)."""
    declared = [_Draft(name=d.name, root=_decl_root(d), decl=d) for d in config.agents]
    mcp_agents: list[_Draft] = []
    folder_agents: dict[str, _Draft] = {}

    def declared_owner(path: str) -> _Draft | None:
        for draft in declared:
            assert draft.decl is not None
            if any(glob_match(path, p) for p in draft.decl.paths):
                return draft
        return None

    for scan in sorted(files, key=lambda f: f.path):
        for hint in scan.manifests:
            owner = declared_owner(scan.path)
            if owner is not None:
                owner.hints.append(hint)
                owner.kinds.append(hint.kind)
                owner.files.add(scan.path)
                continue
            if hint.kind == MCP:
                draft = _Draft(
                    name=hint.name, root=_norm(scan.path), mcp_file=scan.path, mcp_scope=_mcp_scope(hint)
                )
                draft.hints.append(hint)
                draft.kinds.append(hint.kind)
                draft.files.add(scan.path)
                mcp_agents.append(draft)
                continue
            root = agent_root(scan.path)
            if root not in folder_agents:
                folder_agents[root] = _Draft(name="", root=root)
            draft = folder_agents[root]
            draft.hints.append(hint)
            draft.kinds.append(hint.kind)
            draft.files.add(scan.path)

    # A folder with only supporting evidence (an RBAC binding, a Vault agent config) is not an agent itself.
    for root in [r for r, d in folder_agents.items() if all(k in SUPPORTING_KINDS for k in d.kinds)]:
        folder_agents.pop(root)
    folder_by_depth = sorted(folder_agents.values(), key=lambda d: -len(d.root))
    mcp_by_file: dict[str, list[_Draft]] = defaultdict(list)
    for draft in mcp_agents:
        mcp_by_file[draft.mcp_file or ""].append(draft)

    def owner_of(path: str, key: str | None) -> _Draft | None:
        owner = declared_owner(path)
        if owner is not None:
            return owner
        for draft in mcp_by_file.get(path, ()):
            if _in_scope(key, draft.mcp_scope or ""):
                return draft
        for draft in folder_by_depth:
            if under(_norm(path), draft.root):
                return draft
        # Evidence of an MCP file outside every server entry (a top-level setting) belongs to no one.
        return None

    for scan in files:
        for secret in scan.secrets:
            if (owner := owner_of(scan.path, secret.location.key)) is not None:
                owner.secrets.append(secret)
                owner.files.add(scan.path)
        for ref in scan.references:
            if (owner := owner_of(scan.path, ref.location.key)) is not None:
                owner.references.append(ref)
                owner.files.add(scan.path)
        for setting in scan.settings:
            if (owner := owner_of(scan.path, setting.location.key)) is not None:
                owner.settings.append(setting)
                owner.files.add(scan.path)

    drafts = [d for d in declared] + mcp_agents + sorted(folder_agents.values(), key=lambda d: d.root)
    _name_drafts(drafts)
    agents = [_finish(d) for d in drafts]
    return tuple(sorted(agents, key=lambda a: a.name))


def _decl_root(decl: AgentDecl) -> str:
    """The literal folder a declaration's first glob starts with (`bots/support/**` -> bots/support)."""
    if not decl.paths:
        return "."
    parts = []
    for part in _norm(decl.paths[0]).split("/"):
        if any(c in part for c in "*?["):
            break
        parts.append(part)
    return "/".join(parts) or "."


def _name_drafts(drafts: list[_Draft]) -> None:
    """Folder agents take their folder's name; MCP agents their server name; clashes get a path prefix."""
    for draft in drafts:
        if draft.decl is not None:
            continue
        if draft.mcp_file is not None:
            draft.name = draft.name or "mcp-server"
        elif draft.root not in ("", "."):
            draft.name = posixpath.basename(draft.root)
        else:
            draft.name = draft.hints[0].name if draft.hints else "agent"
    counts: dict[str, int] = defaultdict(int)
    for draft in drafts:
        counts[draft.name] += 1
    taken = {d.name for d in drafts if counts[d.name] == 1}
    for draft in drafts:
        if counts[draft.name] > 1 and draft.decl is None:
            base = agent_root(draft.mcp_file) if draft.mcp_file else draft.root
            candidate = f"{base}:{draft.name}" if base not in ("", ".") else draft.name
            suffix = 2
            unique = candidate
            while unique in taken:
                unique = f"{candidate}-{suffix}"
                suffix += 1
            taken.add(unique)
            draft.name = unique


def _finish(draft: _Draft) -> Agent:
    decl = draft.decl
    kinds = [k for k in KIND_OF_MANIFEST if k in draft.kinds]
    kind = (decl.kind if decl and decl.kind else None) or (KIND_OF_MANIFEST[kinds[0]] if kinds else "agent")
    multi_user = decl.multi_user if decl and decl.multi_user is not None else _multi_user(draft)
    settings = tuple(sorted(set(draft.settings), key=lambda s: (loc_key(s.location), s.key, s.value)))
    env_values = [
        s.value
        for s in settings
        if s.key.upper() in ("ENV", "ENVIRONMENT", "APP_ENV", "STAGE", "DEPLOY_ENV", "ASPNETCORE_ENVIRONMENT")
    ]
    environment = (decl.environment if decl else None) or environment_of(
        draft.root,
        draft.name,
        *[h.name for h in draft.hints],
        *env_values,
        *[str(h.details.get("namespace", "")) for h in draft.hints],
    )
    secrets = tuple(sorted(set(draft.secrets), key=lambda s: (loc_key(s.location), s.fingerprint, s.kind)))
    references = tuple(
        sorted(set(draft.references), key=lambda r: (loc_key(r.location), r.kind.value, r.target))
    )
    agent = Agent(
        name=draft.name,
        root=draft.root,
        kind=kind,
        manifests=tuple(sorted({h.location for h in draft.hints}, key=loc_key)),
        secrets=secrets,
        references=references,
        multi_user=multi_user,
        declared=decl is not None,
        environment=environment,
        files=tuple(sorted(draft.files)),
        settings=settings,
        hints=tuple(draft.hints),
        description=decl.description if decl else "",
    )
    return _with_connections(agent)


def _multi_user(draft: _Draft) -> bool:
    for hint in draft.hints:
        if hint.kind in MULTI_USER_KINDS:
            return True
        if hint.kind == MCP:
            transport = str(hint.details.get("transport") or "").lower()
            if hint.details.get("url") or transport in _REMOTE_TRANSPORTS:
                return True
        if hint.kind == "k8s_workload" and str(hint.details.get("kind", "")).lower() in (
            "service",
            "ingress",
        ):
            return True
    # A web chat endpoint: the agent configures who may call it from a browser.
    return any(re.search(r"cors|allowed_?origins", s.key, re.IGNORECASE) for s in draft.settings)


# -- connections and auth models ----------------------------------------------------------------------------
@dataclass
class _Evidence:
    """What one agent shows about one platform."""

    tags: dict[str, list[Location]] = field(default_factory=lambda: defaultdict(list))
    hints: list[str] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, tag: str, location: Location, note: str = "") -> None:
        self.tags[tag].append(location)
        if note and note not in self.notes[tag]:
            self.notes[tag].append(note)

    def all_locations(self) -> tuple[Location, ...]:
        return tuple(sorted({loc for locs in self.tags.values() for loc in locs}, key=loc_key))


_PERSONAL_KINDS = re.compile(
    r"(slack_user|xoxp|github_pat|github_personal|github_fine|github_oauth|gho|ghu|"
    r"personal)",
    re.IGNORECASE,
)
_STATIC_KINDS = re.compile(
    r"(aws_access_key|aws_secret|api_key|apikey|bot_token|xoxb|vault_token|session|"
    r"stripe|twilio|sendgrid|openai|anthropic|google|token)",
    re.IGNORECASE,
)
_DYNAMIC_PATH = re.compile(r"\b[\w-]+/creds/[\w./-]+")
_BOUNDED_TTL = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.IGNORECASE)
_TTL_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def ttl_seconds(value: str) -> int | None:
    """Seconds from a Vault-style duration (`3600`, `15m`, `1h`, `24h`); None when not a duration."""
    value = value.strip().lower()
    total = 0
    matched = False
    for number, unit in re.findall(r"(\d+)\s*([smhd]?)", value):
        total += int(number) * _TTL_UNITS[unit]
        matched = True
    if not matched or re.sub(r"[\d\s smhd]", "", value):
        return None
    return total


def _classify_secret(secret: SecretMatch, ev: _Evidence) -> None:
    kind = secret.kind.lower()
    loc = secret.location
    label = (loc.key or "").rsplit(".", 1)[-1]
    label = f"{label} ({secret.kind})" if label else secret.kind
    if _PERSONAL_KINDS.search(kind) or _PERSONAL_KINDS.search(secret.detector_id):
        ev.add("personal_token", loc, f"a personal token {label} at {loc.path}:{loc.line}")
    elif "password" in kind or "security_token" in kind:
        ev.add("password", loc, f"{label} at {loc.path}:{loc.line}")
    elif "client_secret" in kind or "azure" in kind or "consumer_secret" in kind:
        ev.add("client_secret", loc, f"client secret {label} at {loc.path}:{loc.line}")
    elif "private_key" in kind or "certificate" in kind or kind.startswith("pem"):
        ev.add("certificate", loc, f"a private key at {loc.path}:{loc.line}")
    elif "refresh" in kind:
        ev.add("refresh_token", loc, f"a refresh token at {loc.path}:{loc.line}")
    elif _STATIC_KINDS.search(kind) or kind.startswith("aws"):
        ev.add("static_key", loc, f"static {label} at {loc.path}:{loc.line}")
    else:
        ev.add("static_key", loc, f"inline {label} at {loc.path}:{loc.line}")
    ev.fingerprints.append(secret.fingerprint)
    if secret.identifier:
        ev.hints.append(secret.identifier)


def _classify_name(name: str, value: str, loc: Location, ev: _Evidence, platform: Platform) -> None:
    """Tags from a setting or env var name (and its non-secret value)."""
    up = name.upper().replace(".", "_").replace("-", "_")
    low_value = value.lower()
    where = f"{loc.path}:{loc.line}"
    last = up.rsplit("_", 1)[-1] if "_" in up else up
    if re.search(r"PASSWORD|PASSWD", up) and not re.search(r"POLICY|RESET|_FILE$|_PATH$", up):
        ev.add("password", loc, f"{name} set ({where})")
    if "SECURITY_TOKEN" in up:
        ev.add("password", loc, f"{name} set ({where})")
    if re.search(r"GRANT_?TYPE", up) or "grant-type" in low_value:
        if low_value == "password":
            ev.add("password_grant", loc, f"OAuth password grant ({where})")
        elif "jwt-bearer" in low_value:
            ev.add("jwt_bearer", loc, f"JWT bearer grant ({where})")
        elif "client_credentials" in low_value:
            ev.add("client_credentials", loc, f"client credentials grant ({where})")
        elif low_value == "implicit":
            ev.add("implicit_grant", loc, f"implicit grant ({where})")
        elif "authorization_code" in low_value:
            ev.add("auth_code", loc, f"authorization code grant ({where})")
        elif "on_behalf_of" in low_value or low_value == "obo":
            ev.add("obo", loc, f"On-Behalf-Of ({where})")
    if re.search(r"RESPONSE_?TYPE", up) and low_value == "token":
        ev.add("implicit_grant", loc, f"implicit grant response_type=token ({where})")
    if re.search(r"PKCE|CODE_?CHALLENGE", up) and low_value not in (
        "false",
        "0",
        "no",
        "off",
        "none",
        "disabled",
    ):
        ev.add("pkce", loc, f"PKCE ({where})")
    if re.search(r"CLIENT_?SECRET|APP_?PASSWORD|MICROSOFTAPPPASSWORD|CONSUMER_?SECRET", up):
        ev.add("client_secret", loc, f"{name} set ({where})")
    if re.search(
        r"CLIENT_?CERTIFICATE|CERT_?PATH|CERTIFICATE_?PATH|THUMBPRINT|PRIVATE_?KEY_?(FILE|PATH)|"
        r"KEY_?FILE|JWT_?KEY",
        up,
    ):
        ev.add("certificate", loc, f"{name} set ({where})")
    if platform is Platform.AWS and re.search(r"AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|ACCESS_KEY_ID", up):
        ev.add("static_key", loc, f"{name} set ({where})")
    if re.search(r"ROLE_?ARN|ROLE-ARN|ASSUME_?ROLE", up) or "eks.amazonaws.com/role-arn" in name.lower():
        ev.add("role", loc, f"IAM role {value or name} ({where})")
        if value.startswith("arn:aws"):
            ev.hints.insert(0, value)
    if re.search(r"WEB_?IDENTITY|MANAGED_?IDENTITY|WORKLOAD_?IDENTITY|FEDERATED_?TOKEN", up) or (
        "azure.workload.identity" in name.lower()
    ):
        ev.add("role", loc, f"workload identity ({where})")
    if platform is Platform.VAULT:
        if re.search(r"APPROLE|ROLE_?ID|SECRET_?ID", up) or "approle" in low_value:
            ev.add("approle", loc, f"Vault AppRole ({where})")
        if re.search(r"/CREDS/", value.upper()) or re.search(r"(database|aws|gcp|azure)/creds/", low_value):
            ev.add("dynamic_secret", loc, f"Vault dynamic secret {value} ({where})")
        if re.search(r"TOKEN_?TTL|TOKEN_?MAX_?TTL|SECRET_?ID_?TTL", up) and last not in ("FILE", "PATH"):
            seconds = ttl_seconds(value) if value else None
            tag = "ttl_bounded" if seconds else "ttl_unbounded" if seconds == 0 else ""
            if tag:
                ev.add(tag, loc, f"{name}={value} ({where})")
        if re.search(r"ROLE_?NAME$|^VAULT_ROLE$|APPROLE_ROLE$|_ROLE$", up) and value and "/" not in value:
            ev.hints.append(value)
        if (up.endswith("VAULT_TOKEN") or up == "TOKEN") and not value:
            ev.add("static_key", loc, f"{name} set ({where})")
    if (
        re.search(r"USER_?NAME$|^USER$|_USER$|_LOGIN$", up)
        and "@" in value
        and platform is Platform.SALESFORCE
    ):
        ev.hints.insert(0, value)
    if re.search(r"(CLIENT|APP|APPLICATION)_?ID$|MICROSOFTAPPID$|CONSUMER_?KEY$", up) and value:
        ev.hints.append(value)
    if re.search(r"SUB(JECT)?$", up) and value:
        # A JWT subject taken from the request (a template) is per-user; a fixed username is one shared user.
        if re.search(r"[{$<%]|request|user\.|current", value, re.IGNORECASE):
            ev.add("per_user_subject", loc, f"JWT subject from the requesting user ({where})")
        elif "@" in value:
            ev.add("fixed_subject", loc, f"JWT subject fixed to {value} ({where})")
            ev.hints.insert(0, value)


def _classify_code(name: str, loc: Location, ev: _Evidence) -> None:
    where = f"{loc.path}:{loc.line}"
    tag = {
        "salesforce.password_login": "password",
        "salesforce.session_login": "static_key",
        "salesforce.jwt_bearer": "jwt_bearer",
        "oauth.password_grant": "password_grant",
        "oauth.implicit_grant": "implicit_grant",
        "oauth.client_credentials": "client_credentials",
        "oauth.pkce": "pkce",
        "msal.confidential_client": "confidential_client",
        "msal.public_client": "public_client",
        "msal.on_behalf_of": "obo",
        "msal.client_credential": "client_credentials",
        "msal.certificate": "certificate",
        "azure.managed_identity": "role",
        "aws.static_keys": "static_key",
        "aws.assume_role": "role",
        "vault.approle": "approle",
        "vault.dynamic_secret": "dynamic_secret",
        "jwt.per_user_subject": "per_user_subject",
    }.get(name)
    if tag:
        ev.add(tag, loc, f"{name} call ({where})")


# Auth models in the order they win when an agent shows several for one platform: a credential the agent
# really holds (a personal token, a password, a static key) outweighs the good pattern it also uses.
def _decide(platform: Platform, ev: _Evidence) -> tuple[AuthModel, str]:
    t = ev.tags

    def why(*tags: str) -> str:
        # At most three notes per tag keep the reason one readable line.
        return "; ".join("; ".join(ev.notes[tag][:3]) for tag in tags if ev.notes.get(tag))

    if "personal_token" in t:
        return AuthModel.PERSONAL_TOKEN, why("personal_token")
    if "password" in t or "password_grant" in t:
        return AuthModel.SHARED_PASSWORD, "integration user login: " + why("password", "password_grant")
    if platform is Platform.VAULT and "static_key" in t:
        return AuthModel.STATIC_API_KEY, "a static Vault token: " + why("static_key")
    if "obo" in t:
        return AuthModel.ON_BEHALF_OF, "each request runs as its user: " + why("obo")
    if ("jwt_bearer" in t or "certificate" in t) and "per_user_subject" in t:
        return AuthModel.JWT_BEARER_PER_USER, "JWT bearer as the requesting user: " + why(
            "jwt_bearer", "per_user_subject"
        )
    if "pkce" in t and "client_secret" not in t and "static_key" not in t:
        return AuthModel.OAUTH_PKCE, "authorization code with PKCE: " + why("pkce")
    if "dynamic_secret" in t or ("approle" in t and "ttl_bounded" in t and "ttl_unbounded" not in t):
        return AuthModel.JIT_TOKEN, "short-lived Vault credentials: " + why(
            "dynamic_secret", "approle", "ttl_bounded"
        )
    if "static_key" in t:
        return AuthModel.STATIC_API_KEY, why("static_key")
    if "role" in t:
        return AuthModel.SERVICE_ACCOUNT_ROLE, "a platform-issued role identity: " + why("role")
    if "approle" in t:
        return AuthModel.CLIENT_SECRET, "Vault AppRole without bounded TTLs: " + why(
            "approle", "ttl_unbounded"
        )
    if "certificate" in t or "jwt_bearer" in t or "fixed_subject" in t:
        return AuthModel.CLIENT_CERTIFICATE, "app-only with a certificate or JWT as one fixed user: " + why(
            "certificate", "jwt_bearer", "fixed_subject"
        )
    if "client_secret" in t or "client_credentials" in t or "confidential_client" in t:
        return AuthModel.CLIENT_SECRET, "app-only with a client secret: " + why(
            "client_secret", "client_credentials", "confidential_client"
        )
    if "refresh_token" in t:
        return AuthModel.STATIC_API_KEY, why("refresh_token")
    if "implicit_grant" in t:
        return AuthModel.UNKNOWN, why("implicit_grant")
    return AuthModel.UNKNOWN, "configuration names the platform but not how the agent authenticates"


def _platform_evidence(agent: Agent) -> dict[Platform, _Evidence]:
    by_platform: dict[Platform, _Evidence] = defaultdict(_Evidence)
    file_platforms: dict[str, set[Platform]] = defaultdict(set)
    generic: list[tuple[str, str, Location]] = []

    for secret in agent.secrets:
        secret_platform = platform_of_secret(secret) or Platform.OTHER
        file_platforms[secret.location.path].add(secret_platform)
        _classify_secret(secret, by_platform[secret_platform])
    for ref in agent.references:
        if _DYNAMIC_PATH.search(ref.target):
            by_platform[Platform.VAULT].add(
                "dynamic_secret", ref.location, f"Vault dynamic secret ({ref.location.path})"
            )
            file_platforms[ref.location.path].add(Platform.VAULT)
        platform = platform_of_reference(ref)
        if platform is not None:
            file_platforms[ref.location.path].add(platform)
            by_platform[platform].add("reference", ref.location, f"{ref.kind.value} reference")
            name = (
                ref.target
                if ref.kind is ReferenceKind.ENV_VAR
                else (ref.location.key or "").rsplit(".", 1)[-1]
            )
            _classify_name(name, "", ref.location, by_platform[platform], platform)
    for setting in agent.settings:
        if setting.key.startswith("code."):
            name = setting.key[5:]
            platform = _CODE_PLATFORM.get(name.split(".", 1)[0])
            if platform is None:
                generic.append((setting.key, setting.value, setting.location))
                continue
            file_platforms[setting.location.path].add(platform)
            _classify_code(name, setting.location, by_platform[platform])
            by_platform[platform].add("sdk", setting.location)
            continue
        platform = platform_of_setting(setting)
        if platform is None:
            generic.append((setting.key, setting.value, setting.location))
            continue
        file_platforms[setting.location.path].add(platform)
        by_platform[platform].add("setting", setting.location)
        name = (
            setting.key.rsplit(".", 1)[-1]
            if "." in setting.key and not setting.key.isupper()
            else setting.key
        )
        _classify_name(name, setting.value, setting.location, by_platform[platform], platform)

    for hint in agent.hints:
        _hint_evidence(hint, by_platform)

    # Generic OAuth evidence (grant_type, code.oauth.*) belongs to the one platform its file talks to.
    for key, value, loc in generic:
        platforms = file_platforms.get(loc.path, set()) - {Platform.OTHER}
        if len(platforms) != 1:
            continue
        (platform,) = platforms
        if key.startswith("code."):
            _classify_code(key[5:], loc, by_platform[platform])
        else:
            name = key.rsplit(".", 1)[-1]
            _classify_name(name, value, loc, by_platform[platform], platform)
    return by_platform


def _hint_evidence(hint: ManifestHint, by_platform: dict[Platform, _Evidence]) -> None:
    d = hint.details
    loc = hint.location
    if hint.kind == "slack_app_manifest":
        by_platform[Platform.SLACK].add("manifest", loc)
    elif hint.kind == "bot_framework":
        ev = by_platform[Platform.ENTRA]
        ev.add("manifest", loc)
        app_type = str(d.get("MicrosoftAppType") or d.get("app_type") or "").lower()
        if app_type in ("userassignedmsi", "managedidentity"):
            ev.add("role", loc, f"Bot Framework app type {app_type} ({loc.path})")
        app_id = d.get("MicrosoftAppId") or d.get("app_id")
        if isinstance(app_id, str) and app_id:
            ev.hints.append(app_id)
    elif hint.kind in ("k8s_workload", "k8s_service_account"):
        annotations = d.get("annotations") or {}
        if isinstance(annotations, Mapping):
            role = annotations.get("eks.amazonaws.com/role-arn")
            if isinstance(role, str) and role:
                ev = by_platform[Platform.AWS]
                ev.add("role", loc, f"IRSA role {role} ({loc.path})")
                ev.hints.insert(0, role)
            client = annotations.get("azure.workload.identity/client-id")
            if isinstance(client, str) and client:
                ev = by_platform[Platform.ENTRA]
                ev.add("role", loc, f"workload identity {client} ({loc.path})")
                ev.hints.insert(0, client)
            gsa = annotations.get("iam.gke.io/gcp-service-account")
            if isinstance(gsa, str) and gsa:
                by_platform[Platform.GOOGLE].add("role", loc, f"GKE workload identity ({loc.path})")
        sa = d.get("serviceAccountName") if hint.kind == "k8s_workload" else None
        if sa:
            by_platform[Platform.KUBERNETES].add("role", loc, f"service account {sa} ({loc.path})")
            by_platform[Platform.KUBERNETES].hints.append(str(sa))
    elif hint.kind == MCP:
        words = " ".join(
            str(x) for x in (hint.name, d.get("command") or "", *(d.get("args") or ()), d.get("url") or "")
        )
        for word, platform in _MCP_WORDS:
            if word in words.lower():
                by_platform[platform].add("mcp", loc)
                break


def _hint_location(agent: Agent, hint: str | None) -> Location | None:
    """Where the identity hint itself is written (the username line, the key id), if it is in this agent."""
    if not hint:
        return None
    wanted = hint.strip().lower()
    for secret in agent.secrets:
        if secret.identifier and secret.identifier.lower() == wanted:
            return secret.location
    for setting in agent.settings:
        if setting.value.strip().strip("\"'").lower() == wanted:
            return setting.location
    return None


def _hint_first(locations: tuple[Location, ...], anchor: Location | None) -> tuple[Location, ...]:
    """Evidence with the identity hint's own location first: findings about the identity anchor there."""
    if anchor is None:
        return locations
    return (anchor, *(loc for loc in locations if loc != anchor))


def _with_connections(agent: Agent) -> Agent:
    from dataclasses import replace

    connections = []
    for platform, ev in sorted(_platform_evidence(agent).items(), key=lambda kv: kv[0].value):
        if platform is Platform.OTHER and not ev.fingerprints:
            continue
        model, reason = _decide(platform, ev)
        hints = [h for h in ev.hints if h]
        hint = hints[0] if hints else None
        connections.append(
            Connection(
                platform=platform,
                auth_model=model,
                identity_hint=hint,
                evidence=_hint_first(ev.all_locations(), _hint_location(agent, hint))[:20],
                credential_fingerprints=tuple(sorted(set(ev.fingerprints))),
                reason=reason.strip("; :") or model.value,
            )
        )
    return replace(agent, connections=tuple(connections))


def resolve_hints(agents: Iterable[Agent]) -> dict[Platform, tuple[str, ...]]:
    """The identifiers collectors should look up, per platform: identity hints and credential identifiers."""
    found: dict[Platform, set[str]] = defaultdict(set)
    for agent in agents:
        for conn in agent.connections:
            if conn.identity_hint:
                found[conn.platform].add(conn.identity_hint)
        for secret in agent.secrets:
            platform = platform_of_secret(secret)
            if secret.identifier and platform is not None:
                found[platform].add(secret.identifier)
    return {p: tuple(sorted(v)) for p, v in sorted(found.items(), key=lambda kv: kv[0].value)}


def settings_of(agent: Agent, pattern: str) -> Iterable[Setting]:
    """The agent's settings whose key (any segment) matches a regex, case-insensitively."""
    regex = re.compile(pattern, re.IGNORECASE)
    return (s for s in agent.settings if regex.search(s.key))


def connection(agent: Agent, platform: Platform) -> Connection | None:
    return next((c for c in agent.connections if c.platform is platform), None)


def hint_details(agent: Agent, kind: str) -> Iterable[tuple[ManifestHint, Mapping[str, Any]]]:
    return ((h, h.details) for h in agent.hints if h.kind == kind)
