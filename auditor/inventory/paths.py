"""Path helpers for agent grouping: agent roots, globs from botaudit.yaml, environments from names."""

from __future__ import annotations

import posixpath
import re

from auditor.model import Location, SortKey

# Folders that hold part of an agent, not the agent: its deployment files, or the tools its code gives the
# model (`crews/trip_planner/tools/search_tools.py` builds an Agent for a summary step: it is the trip
# planner's, whose .env and keys sit in the folder above). Its root is the folder above.
_DEPLOY_DIRS = frozenset(
    {
        "tools",
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
        # A Teams / Microsoft 365 app package (its manifest, a declarative agent, plugins) beside the app.
        "apppackage",
        "appmanifest",
    }
)
# An archive member's folder named after a plain zip archive, and the build-output folders that hold one.
_ZIP_FOLDER = ".zip!"
_BUILD_DIRS = frozenset({"build", "dist", "out"})
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


def loc_key(loc: Location) -> SortKey:
    """A total order on locations (column and key may be None): the model's own sort key."""
    return loc.sort_key()


def norm_path(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _dir(path: str) -> str:
    return posixpath.dirname(norm_path(path)) or "."


def agent_root(path: str) -> str:
    """The folder of an agent's defining file, above deployment and tool folders (k8s/, .github/workflows/,
    config/, tools/)"""
    folder = _dir(path)
    parts = [] if folder == "." else folder.split("/")
    while parts and parts[-1].lower() in _DEPLOY_DIRS:
        parts.pop()
    # A member of a plain zip (`appPackage/build/appPackage.dev.zip!/manifest.json`, reported under the
    # archive's name and `!`: discovery.archives) is a build of the project that holds the archive: the
    # root is lifted out of the archive and its build-output folder, then above deployment folders again.
    # A Claude Desktop extension bundle (`.mcpb`, `.dxt`) is a product of its own and stays its own root.
    if parts and parts[-1].lower().endswith(_ZIP_FOLDER):
        parts.pop()
        if parts and parts[-1].lower() in _BUILD_DIRS:
            parts.pop()
        while parts and parts[-1].lower() in _DEPLOY_DIRS:
            parts.pop()
    # Source layouts (`proj/src/pkg/config/agents.yaml`, `proj/src/main/resources/application.yml`): the
    # project is the folder above `src`, where its .env, credentials and deployment files live.
    lowered = [p.lower() for p in parts]
    if "src" in lowered[1:]:
        parts = parts[: len(lowered) - 1 - lowered[::-1].index("src")]
    # Infrastructure layouts (`infra/core/security/role.bicep`, `infra/botRegistration/azurebot.bicep`,
    # `infra/modules/...`): every module under `infra/` deploys the project above it.
    lowered = [p.lower() for p in parts]
    if "infra" in lowered:
        parts = parts[: len(lowered) - 1 - lowered[::-1].index("infra")]
    return "/".join(parts) or "."


def under(path: str, root: str) -> bool:
    return root == "." or path == root or path.startswith(root.rstrip("/") + "/")


def glob_match(path: str, pattern: str) -> bool:
    """Whether `path` matches a botaudit.yaml glob (`**` any depth, `dir/` the whole folder).

    Scan paths may carry the scan root's name as a prefix, so a path matches if any of its tails does.
    """
    pattern = norm_path(pattern)
    if pattern.endswith("/"):
        pattern += "**"
    parts = norm_path(path).split("/")
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
