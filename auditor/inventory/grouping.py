"""Agent grouping: which agents exist and which files, credentials, references and settings belong to each.

Pure: built from FileScans and the config, no file reads. Agents come from manifest hints (one per MCP server
entry; one per folder for the other kinds) and from `agents:` in botaudit.yaml, which win.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from auditor.config import AgentDecl, Config
from auditor.extract.formats import in_test_path
from auditor.inventory.auth import with_connections
from auditor.inventory.kinds import (
    BEDROCK,
    CI_KINDS,
    GITHUB_APP_CODE,
    GITHUB_APP_DECLARING,
    KIND_OF_MANIFEST,
    MCP,
    MCP_CODE,
    MCP_PACKAGE,
    MULTI_USER_KINDS,
    N8N,
    N8N_CHANNEL_TRIGGERS,
    NAMED_LAST_KINDS,
    PER_HINT_KINDS,
    PERSONAL_MCP_CLIENTS,
    SHARED_MCP_CLIENTS,
    SUPPORTING_KINDS,
)
from auditor.inventory.paths import agent_root, environment_of, glob_match, loc_key, norm_path, under
from auditor.model import Agent, FileScan, ManifestHint, SecretMatch, SecretReference, Setting

_REMOTE_TRANSPORTS = frozenset({"sse", "http", "streamable-http", "streamable_http", "websocket", "ws"})


def _mcp_scope(hint: ManifestHint) -> str:
    """The key path prefix of one MCP server entry (`mcpServers.github`)."""
    key = hint.location.key
    if key:
        return key
    container = hint.details.get("container") or "mcpServers"
    return f"{container}.{hint.name}"


def _hint_scope(hint: ManifestHint) -> str:
    """The key path prefix a per-hint agent owns; "" is the whole file (a single-workflow n8n export)."""
    if hint.kind in (N8N, BEDROCK):
        return str(hint.details.get("scope") or "")
    return _mcp_scope(hint)


def _in_scope(key: str | None, scope: str) -> bool:
    if scope == "":
        return True
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

    @property
    def ci_only(self) -> bool:
        """Whether the agent is made only of CI workflows."""
        return bool(self.kinds) and all(k in CI_KINDS for k in self.kinds)

    def owns(self, path: str) -> bool:
        """Whether a file under no declared agent or MCP entry belongs to this folder agent (a normed path).

        An agent made only of CI workflows owns its CI folder (`.github/`), not every file below its root.
        """
        if not under(path, self.root):
            return False
        if self.ci_only:
            return any(under(path, folder) for folder in {_ci_folder(h.location.path) for h in self.hints})
        return True


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

    lift = _package_lifter(files)
    # Only files with manifest hints found agents (most files of a large tree have none).
    for scan in sorted((f for f in files if f.manifests), key=lambda f: f.path):
        for hint in scan.manifests:
            owner = declared_owner(scan.path)
            if owner is not None:
                owner.hints.append(hint)
                owner.kinds.append(hint.kind)
                owner.files.add(scan.path)
                continue
            if hint.kind in PER_HINT_KINDS:
                # One agent per MCP server entry and per n8n workflow, scoped to its part of the file.
                draft = _Draft(
                    name=hint.name, root=norm_path(scan.path), mcp_file=scan.path, mcp_scope=_hint_scope(hint)
                )
                draft.hints.append(hint)
                draft.kinds.append(hint.kind)
                draft.files.add(scan.path)
                mcp_agents.append(draft)
                continue
            root = lift(agent_root(scan.path), scan.path)
            # A CI pipeline is an agent of its own even where its folder holds another agent's code (a
            # repository's `.github/workflows` beside the app at its root): what the pipeline's secrets reach
            # is the pipeline's, not what the deployed app reaches for its users (an e2e test's token).
            slot = root + _CI_SLOT if hint.kind in CI_KINDS else root
            if slot not in folder_agents:
                folder_agents[slot] = _Draft(name="", root=root)
            draft = folder_agents[slot]
            draft.hints.append(hint)
            draft.kinds.append(hint.kind)
            draft.files.add(scan.path)

    _merge_packaged_code(folder_agents, lift)
    _merge_app_code(folder_agents)
    # A folder with only supporting evidence (an RBAC binding, a Vault agent config) is not an agent itself.
    for root in [r for r, d in folder_agents.items() if all(k in SUPPORTING_KINDS for k in d.kinds)]:
        folder_agents.pop(root)
    # Deepest first; at one depth a pipeline first, so that its CI folder is its own (_Draft.owns).
    folder_by_depth = sorted(folder_agents.values(), key=lambda d: (-len(d.root), not d.ci_only))
    mcp_by_file: dict[str, list[_Draft]] = defaultdict(list)
    for draft in mcp_agents:
        mcp_by_file[draft.mcp_file or ""].append(draft)

    def owners_in(path: str) -> Callable[[str | None], _Draft | None]:
        """The owner of each piece of evidence in the file at `path`, by its key: a declared agent whose
        paths match the file, else an MCP server entry (or n8n workflow) of this file whose scope holds
        the key, else the deepest agent folder holding the file, else no one. Everything but the scope
        test depends on the path alone, so it is worked out once per file, not per setting."""
        owner = declared_owner(path)
        if owner is not None:
            return lambda _key: owner
        normed = norm_path(path)
        folder = next((draft for draft in folder_by_depth if draft.owns(normed)), None)
        scoped = mcp_by_file.get(path, ())
        if not scoped:
            return lambda _key: folder

        def pick(key: str | None) -> _Draft | None:
            for draft in scoped:
                if _in_scope(key, draft.mcp_scope or ""):
                    return draft
            return folder

        return pick

    # No agent at all (a tree without agent manifests or declared agents): nothing below has an owner.
    for scan in files if declared or mcp_agents or folder_agents else ():
        if not (scan.secrets or scan.references or scan.settings):
            continue
        owner_of = owners_in(scan.path)
        for secret in scan.secrets:
            if (owner := owner_of(secret.location.key)) is not None:
                owner.secrets.append(secret)
                owner.files.add(scan.path)
        for ref in scan.references:
            if (owner := owner_of(ref.location.key)) is not None:
                owner.references.append(ref)
                owner.files.add(scan.path)
        for setting in scan.settings:
            if (owner := owner_of(setting.location.key)) is not None:
                owner.settings.append(setting)
                owner.files.add(scan.path)

    drafts = [d for d in declared] + mcp_agents + sorted(folder_agents.values(), key=lambda d: d.root)
    _name_drafts(drafts)
    agents = [_finish(d) for d in drafts]
    return tuple(sorted(agents, key=lambda a: a.name))


# The key of a folder's CI pipeline among the folder agents (a folder's own agent is keyed by its root).
_CI_SLOT = "\x00ci"


def _merge_packaged_code(folder_agents: dict[str, _Draft], lift: Callable[[str, str], str]) -> None:
    """A Claude Desktop extension's server code (its manifest's `entry_point`, `server/index.js`) is the
    server the manifest packages, not an agent of its own folder: that folder's agent joins the manifest's."""
    for root, draft in list(folder_agents.items()):
        if root not in folder_agents:
            continue  # merged into another already
        for hint in list(draft.hints):
            entry = hint.details.get("entry_point") if hint.kind == MCP_PACKAGE else None
            if not isinstance(entry, str) or not entry:
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(norm_path(hint.location.path)), entry)
            )
            code_root = lift(agent_root(target), target)
            code = folder_agents.get(code_root)
            if code is None or code is draft or target.startswith("../"):
                continue
            draft.hints.extend(code.hints)
            draft.kinds.extend(code.kinds)
            draft.files.update(code.files)
            folder_agents.pop(code_root)


def _merge_app_code(folder_agents: dict[str, _Draft]) -> None:
    """A GitHub App's code in a folder below its project (Probot's `api/github/webhooks/index.js` serving the
    app `package.json` and `app.yml` declare) is that app, not a second one: merged into the nearest folder
    above it that holds the app's registration or Probot project."""
    declaring = [d for d in folder_agents.values() if GITHUB_APP_DECLARING & set(d.kinds)]
    if not declaring:
        return
    for root, draft in list(folder_agents.items()):
        if root == "." or not draft.kinds or any(k not in GITHUB_APP_CODE for k in draft.kinds):
            continue
        above = [d for d in declaring if d.root != root and under(root, d.root)]
        if not above:
            continue
        target = max(above, key=lambda d: len(d.root))
        target.hints.extend(draft.hints)
        target.kinds.extend(draft.kinds)
        target.files |= draft.files
        folder_agents.pop(root)


# Files that make a folder a project: its dependencies, build or container are declared there.
_PROJECT_MARKERS = (
    "pyproject.toml",
    "requirements.txt",
    "setup.py",
    "setup.cfg",
    "Pipfile",
    "package.json",
    "Dockerfile",
)


# JavaScript and TypeScript sources: a folder of them belongs to the package.json above it.
_SCRIPT_SUFFIXES = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")
# Folders that hold programs of their own, run apart from the package around them.
_STANDALONE_FOLDERS = frozenset(
    [
        "examples",
        "example",
        "samples",
        "sample",
        "demo",
        "demos",
        "test",
        "tests",
        "__tests__",
        "e2e",
        "scripts",
        "fixtures",
        "docs",
        "benchmarks",
        "bench",
        "playground",
        "templates",
        "packages",
        "apps",
    ]
)
# The file that declares the module a source file belongs to, by the source's suffix.
_MODULE_FILES = ((_SCRIPT_SUFFIXES, "package.json"), ((".go",), "go.mod"))
_SCRIPT_CLIMB = 6  # folders climbed at most (a Next.js route: app/(chat)/api/chat/[id]/route.ts)


def _package_lifter(files: Sequence[FileScan]) -> Callable[[str, str], str]:
    """A folder agent defined inside a Python package of a project belongs to the project: agents built in
    `backend/airline/agents.py` (a package: `__init__.py`) are served by `backend/main.py` beside the
    project's requirements.txt, where its .env, its server and its deployment live. The root climbs through
    package folders to the first one whose parent declares a project; without such a parent it stays. In
    the src layout (`src/<package>/`), the project is the folder above `src`.

    A JavaScript or TypeScript file's folder that declares no project of its own belongs to the nearest
    package.json above it, at most _SCRIPT_CLIMB folders up (`server-everything/server/index.ts` is the
    package `server-everything`, whose transports, Dockerfile and README sit beside `server/`), and a Go
    file's to the nearest go.mod (`pkg/server/` is the module's); folders that hold programs of their own
    (`examples/`, `tests/`, a monorepo's `packages/`) are not climbed out of."""
    memo: dict[tuple[str, str], str] = {}
    paths: set[str] | None = None  # the files' paths, gathered on the first question (most trees ask none)

    def has(folder: str, name: str) -> bool:
        nonlocal paths
        if paths is None:
            paths = {f.path for f in files}
        return (name if folder == "." else f"{folder}/{name}") in paths

    def lift(root: str, source: str = "") -> str:
        module = next((m for suffixes, m in _MODULE_FILES if source.endswith(suffixes)), "")
        if (root, module) in memo:
            return memo[(root, module)]
        found = memo[(root, module)] = _lift(root, module)
        return found

    def _lift(root: str, module: str) -> str:
        if module:
            folder = root
            for _ in range(_SCRIPT_CLIMB):
                if folder == "." or any(has(folder, marker) for marker in (*_PROJECT_MARKERS, module)):
                    break
                if posixpath.basename(folder).lower() in _STANDALONE_FOLDERS:
                    break
                parent = posixpath.dirname(folder) or "."
                if has(parent, module):
                    return parent
                folder = parent
        found, folder = root, root
        if posixpath.basename(root) == "src":
            # `src/index.ts` of a project whose package.json (or pyproject.toml) sits above it.
            parent = posixpath.dirname(root) or "."
            if any(has(parent, marker) for marker in _PROJECT_MARKERS):
                return parent
        while folder != "." and has(folder, "__init__.py"):
            parent = posixpath.dirname(folder) or "."
            if any(has(parent, marker) for marker in _PROJECT_MARKERS):
                found = parent
                break
            if posixpath.basename(parent) == "src":
                # The src layout (`src/<package>/`, pyproject.toml beside `src`): the project above it.
                above = posixpath.dirname(parent) or "."
                if any(has(above, marker) for marker in _PROJECT_MARKERS):
                    found = above
                break
            folder = parent
        return found

    return lift


def _ci_folder(path: str) -> str:
    """The CI folder of a workflow file: `app/.github/workflows/ci.yml` -> app/.github, `.gitlab/ci/x.yml` ->
    .gitlab, a `.gitlab-ci.yml` -> that file alone (it sits beside the code it builds), else its folder."""
    parts = norm_path(path).split("/")
    if parts[-1].lower().startswith(".gitlab-ci."):
        return "/".join(parts)
    if ".gitlab" in [p.lower() for p in parts[:-1]]:
        lowered_dirs = [p.lower() for p in parts]
        return "/".join(parts[: lowered_dirs.index(".gitlab") + 1])
    lowered = [p.lower() for p in parts]
    if ".github" in lowered[:-1]:
        return "/".join(parts[: lowered.index(".github") + 1])
    return posixpath.dirname("/".join(parts)) or "."


def _decl_root(decl: AgentDecl) -> str:
    """The literal folder a declaration's first glob starts with (`bots/support/**` -> bots/support)."""
    if not decl.paths:
        return "."
    parts = []
    for part in norm_path(decl.paths[0]).split("/"):
        if any(c in part for c in "*?["):
            break
        parts.append(part)
    return "/".join(parts) or "."


def _name_drafts(drafts: list[_Draft]) -> None:
    """Folder agents take their folder's name; MCP agents their server name; clashes get a path prefix."""
    # Folders that hold a pipeline and another agent: the pipeline is named for its CI system there.
    shared = {d.root for d in drafts if d.mcp_file is None and d.decl is None and not d.ci_only}
    for draft in drafts:
        if draft.decl is not None:
            continue
        if draft.ci_only and draft.mcp_file is None and draft.root in shared:
            draft.name = _root_name(draft)
        elif draft.mcp_file is not None:
            draft.name = draft.name or "mcp-server"
        elif (package := _package_name(draft)) is not None:
            draft.name = package
        elif draft.root not in ("", "."):
            draft.name = posixpath.basename(draft.root)
        else:
            draft.name = _root_name(draft)
    counts: dict[str, int] = defaultdict(int)
    for draft in drafts:
        counts[draft.name] += 1
    taken = {d.name for d in drafts if counts[d.name] == 1}
    for draft in drafts:
        if counts[draft.name] > 1 and draft.decl is None:
            base = agent_root(draft.mcp_file) if draft.mcp_file else draft.root
            if base in ("", ".") or posixpath.basename(base) == draft.name:
                # A folder agent clashing by its folder's name: its path says which one
                # (`crews/a/helpers`, not `crews/a/helpers:helpers`).
                candidate = draft.name if base in ("", ".") else base
            else:
                candidate = f"{base}:{draft.name}"
            suffix = 2
            unique = candidate
            while unique in taken:
                unique = f"{candidate}-{suffix}"
                suffix += 1
            taken.add(unique)
            draft.name = unique


def _package_name(draft: _Draft) -> str | None:
    """The name an MCP server's packaging manifest gives it (a DXT/MCPB `name`, the registry's
    `io.github.owner/server`): the name its users install it by, wherever its folder sits."""
    return next(
        (h.name for h in draft.hints if h.kind == MCP_PACKAGE and not h.details.get("named_by_file")), None
    )


def _root_name(draft: _Draft) -> str:
    """The name of an agent at the scan's root, which has no folder name of its own.

    Its manifest's name, when it has one; an agent made of several CI workflows is named for its CI system
    (`github-actions`), not for whichever workflow sorts first: "Check All" would speak for twenty workflows.
    """
    if not draft.hints:
        return "agent"
    own = [h for h in draft.hints if h.kind not in CI_KINDS]
    # A Bolt app's hint is named after its file (`app`): the app's manifest, when beside it, names the bot.
    named = [h for h in own if h.kind not in NAMED_LAST_KINDS] or own
    if named:
        return named[0].name
    if len({h.name for h in draft.hints}) == 1:
        return draft.hints[0].name
    return KIND_OF_MANIFEST.get(draft.hints[0].kind, "ci").replace("_", "-")


def _finish(draft: _Draft) -> Agent:
    decl = draft.decl
    kinds = [k for k in KIND_OF_MANIFEST if k in draft.kinds]
    kind = (decl.kind if decl and decl.kind else None) or (KIND_OF_MANIFEST[kinds[0]] if kinds else "agent")
    if decl and decl.multi_user is not None:
        multi_user, audience = decl.multi_user, "declared in botaudit.yaml"
    else:
        multi_user, audience = _multi_user(draft)
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
        multi_user_reason=audience,
        declared=decl is not None,
        environment=environment,
        files=tuple(sorted(draft.files)),
        settings=settings,
        hints=tuple(draft.hints),
        description=decl.description if decl else "",
    )
    return with_connections(agent)


_PACKAGE_FORMATS = {
    "dxt": "a Claude Desktop extension (DXT)",
    "mcpb": "an MCP bundle (MCPB)",
    "mcp_registry": "an MCP registry entry (server.json)",
    "smithery": "a Smithery server (smithery.yaml)",
}
_WEB_ENDPOINT = "code.web.endpoint"  # extract/vocabulary.py
# Where a route is served from; the same lines in a README or a notebook's text are an example, not a server.
_SERVER_SOURCE = (".py", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts")


def _multi_user(draft: _Draft) -> tuple[bool, str]:
    """Whether many people's requests reach this agent, and the evidence that decided it."""
    stdio: str | None = None  # an MCP server on stdio decides only when nothing else serves many users
    for hint in draft.hints:
        where = f"{hint.location.path}:{hint.location.line}"
        if hint.kind in MULTI_USER_KINDS:
            return True, f"{MULTI_USER_KINDS[hint.kind]} ({where})"
        if hint.kind == MCP:
            client = str(hint.details.get("client") or "")
            if client in SHARED_MCP_CLIENTS:
                return (
                    True,
                    f"an MCP server of {SHARED_MCP_CLIENTS[client]}, a chat server for many users ({where})",
                )
            if client in PERSONAL_MCP_CLIENTS:
                return False, (
                    f"a personal MCP client configuration ({PERSONAL_MCP_CLIENTS[client]}): one developer's "
                    f"own client ({where})"
                )
            transport = str(hint.details.get("transport") or "").lower()
            if hint.details.get("url") or transport in _REMOTE_TRANSPORTS:
                return True, f"a remote MCP server outside any personal client configuration ({where})"
        if hint.kind == MCP_CODE:
            if hint.details.get("transport") == "http":
                return (
                    True,
                    f"an MCP server served over HTTP: every client that reaches it uses its tools ({where})",
                )
            stdio = stdio or (
                f"an MCP server on stdio: each user's client runs a copy of its own, with that user's "
                f"settings ({where})"
            )
            continue
        if hint.kind == MCP_PACKAGE:
            what = _PACKAGE_FORMATS.get(str(hint.details.get("format")), "an MCP server manifest")
            if hint.details.get("remote"):
                return True, (
                    f"{what} of a hosted MCP server (remote / HTTP): every client that connects uses this "
                    f"one deployment ({where})"
                )
            stdio = stdio or (
                f"{what}: each user's client runs a copy of its own on their machine, with the settings that "
                f"user enters ({where})"
            )
            continue
        if hint.kind == N8N:
            triggers = [str(t) for t in hint.details.get("triggers") or ()]
            channel = [t for t in triggers if t.rsplit(".", 1)[-1].lower() in N8N_CHANNEL_TRIGGERS]
            if channel:
                return (
                    True,
                    f"an n8n workflow started by messages on a shared channel ({channel[0]}, {where})",
                )
            if triggers:
                return False, f"an n8n workflow started by {', '.join(triggers)} ({where})"
        if hint.kind == "k8s_workload" and str(hint.details.get("kind", "")).lower() in (
            "service",
            "ingress",
        ):
            return True, f"exposed by a Kubernetes {hint.details.get('kind')} ({where})"
    # An HTTP route it serves: whoever can reach the endpoint sends it requests.
    # (One in a test or an example beside the agent serves the test's requests, not the agent's users.)
    examples_too = in_test_path(f"{draft.root}/-")
    route = next(
        (
            s
            for s in draft.settings
            if s.key == _WEB_ENDPOINT
            and s.location.path.endswith(_SERVER_SOURCE)
            and (examples_too or not in_test_path(s.location.path))
        ),
        None,
    )
    if route is not None:
        # An MCP server whose HTTP transport is set up in a file of its own (`transports/http.ts` beside
        # `server/index.ts`) serves whoever reaches that route, whatever its stdio entry point does.
        return True, f"serves HTTP requests ({route.location.path}:{route.location.line})"
    # A web chat endpoint: the agent configures who may call it from a browser.
    cors = next(
        (s for s in draft.settings if re.search(r"cors|allowed_?origins", s.key, re.IGNORECASE)), None
    )
    if cors is not None:
        return (
            True,
            f"configures browser origins allowed to call it ({cors.location.path}:{cors.location.line})",
        )
    if stdio is not None:
        return False, stdio
    looked = ", ".join(sorted({h.kind for h in draft.hints})) or "no manifest"
    return False, f"no channel, public endpoint or shared client found (looked at: {looked})"
