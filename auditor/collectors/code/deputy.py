"""Confused deputy in code: a multi-user entry point whose requests reach a platform client built once from a
shared identity, with no per-user token exchange on the path.

Deliberately simple and honest about its reach:
* Python: the standard `ast`; module-level clients (`app = msal.ConfidentialClientApplication(...)`,
  `sf = Salesforce(username=..., password=...)`, `s3 = boto3.client(...)`), entry points (Slack Bolt
  `@app.message/event/command/action/shortcut/view`, Bot Framework `on_message_activity` / `on_teams_*` /
  `on_turn`), and calls followed by name across one agent's files (`from graph_client import graph_token`).
* JavaScript / TypeScript: one file at a time, by pattern: top-level `const x = new <Client>(...)`, Bolt
  `app.message(...)` / botbuilder `this.onMessage(...)` handlers, calls into top-level functions of the file.
* Any per-user exchange on the path (On-Behalf-Of, a user assertion, JWT bearer for the user) clears it.
Dynamic dispatch, dependency injection and clients built per request are out of reach: no path, no finding.
"""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from auditor.model import Agent, FileScan, Location, ManifestHint

MAX_SOURCE_BYTES = 512 * 1024
MAX_DEPTH = 8

# Constructor (last dotted component, or the dotted name) -> platform. A client built from the agent's own
# credential: every caller shares its identity.
SHARED_CLIENTS: Mapping[str, str] = {
    "ConfidentialClientApplication": "entra",
    "ClientSecretCredential": "entra",
    "CertificateCredential": "entra",
    "DefaultAzureCredential": "entra",
    "ManagedIdentityCredential": "entra",
    "Salesforce": "salesforce",
    "boto3.client": "aws",
    "boto3.resource": "aws",
    "boto3.Session": "aws",
    "hvac.Client": "vault",
    "Github": "github",
    # JavaScript / TypeScript
    "jsforce.Connection": "salesforce",
    "S3Client": "aws",
    "DynamoDBClient": "aws",
    "Octokit": "github",
}
# Names whose presence on the path means the request runs as its user.
PER_USER = re.compile(
    r"acquire_token_on_behalf_of|acquireTokenOnBehalfOf|OnBehalfOfCredential|user_assertion|userAssertion"
    r"|on_behalf_of|onBehalfOf|jwt_bearer|jwtBearer|get_token_for_user|getTokenForUser"
)
BOLT_METHODS = frozenset({"message", "event", "command", "action", "shortcut", "view", "options"})
BOT_METHODS = re.compile(r"^on_(message_activity|teams_\w+|turn|invoke_activity)$")


@dataclass(frozen=True)
class DeputyPath:
    """A multi-user entry point reaching a shared-identity client: the evidence, step by step."""

    platform: str
    entry: str
    path: str
    line: int
    client: str
    client_path: str
    client_line: int
    steps: tuple[str, ...] = ()


@dataclass
class _Func:
    module: str
    path: str
    name: str
    line: int
    calls: set[str] = field(default_factory=set)  # plain names called
    uses: set[str] = field(default_factory=set)  # module-level names used (attribute base or argument)
    per_user: bool = False


@dataclass
class _Module:
    name: str
    path: str
    clients: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # var -> (platform, ctor, line)
    funcs: dict[str, _Func] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)  # local name -> (module, name)
    entries: list[tuple[_Func, str]] = field(default_factory=list)  # (function, how it is an entry point)


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    return ""


def _client_platform(call: ast.AST) -> tuple[str, str] | None:
    if isinstance(call, ast.Await):
        call = call.value
    if not isinstance(call, ast.Call):
        return None
    name = _dotted(call.func)
    for ctor, platform in SHARED_CLIENTS.items():
        if name == ctor or name.endswith("." + ctor) or name.rsplit(".", 1)[-1] == ctor and "." not in ctor:
            return platform, name
    return None


_CLI_LIBRARIES = frozenset({"click", "typer", "asyncclick", "rich_click"})


def _top_imports(tree: ast.Module) -> set[str]:
    """The packages a module imports at its top level (`import click`, `from slack_bolt import App`)."""
    tops: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.Import):
            tops.update(alias.name.split(".", 1)[0] for alias in stmt.names)
        elif isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level:
            tops.add(stmt.module.split(".", 1)[0])
    return tops


def _parse_python(path: str, text: str) -> _Module | None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return None
    module = _Module(Path(path).stem, path)
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            found = _client_platform(stmt.value)
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if found:
                for target in targets:
                    if isinstance(target, ast.Name):
                        module.clients[target.id] = (found[0], found[1], stmt.lineno)
        elif isinstance(stmt, ast.ImportFrom) and stmt.module:
            for alias in stmt.names:
                module.imports[alias.asname or alias.name] = (stmt.module.rsplit(".", 1)[-1], alias.name)
    # A command-line tool (Click, Typer) decorates its commands `@cli.command()` as Bolt does its slash
    # commands: in a module that imports one of them and not Bolt, such a decorator is a local command that
    # one person runs, no entry point for many users.
    tops = _top_imports(tree)
    command_line = bool(tops & _CLI_LIBRARIES) and "slack_bolt" not in tops
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        func = _Func(module.name, path, node.name, node.lineno)
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name):
                func.calls.add(sub.func.id)
            elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
                func.calls.add(sub.func.attr)
            if isinstance(sub, ast.Name) and sub.id in module.clients:
                func.uses.add(sub.id)
            if isinstance(sub, ast.Name | ast.Attribute) and PER_USER.search(_dotted(sub) or ""):
                func.per_user = True
            if isinstance(sub, ast.keyword) and sub.arg and PER_USER.search(sub.arg):
                func.per_user = True
        module.funcs.setdefault(node.name, func)
        for deco in node.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            if isinstance(target, ast.Attribute) and target.attr in BOLT_METHODS and not command_line:
                module.entries.append((func, f"Slack Bolt @{_dotted(target)}"))
        if BOT_METHODS.match(node.name):
            module.entries.append((func, f"Bot Framework {node.name}"))
    return module


def _python_paths(modules: Sequence[_Module], named: Callable[[str], _Module | None]) -> list[DeputyPath]:
    """The paths from the entry points of `modules`; `named(name)` is the module an import of that name reads
    (the last of that name, in the agent's file order)."""
    found: list[DeputyPath] = []
    for module in modules:
        for entry, how in module.entries:
            # Breadth-first over (module, function), remembering how each was reached.
            queue: list[tuple[_Module, _Func, tuple[str, ...]]] = [
                (module, entry, (f"{entry.path}:{entry.line} {entry.name}() ({how})",))
            ]
            seen = {(module.name, entry.name)}
            hit: DeputyPath | None = None
            while queue and hit is None:
                mod, func, steps = queue.pop(0)
                if func.per_user or len(steps) > MAX_DEPTH:
                    continue
                for var in sorted(func.uses):
                    platform, ctor, line = mod.clients[var]
                    hit = DeputyPath(
                        platform,
                        how,
                        entry.path,
                        entry.line,
                        f"{var} = {ctor}(...)",
                        mod.path,
                        line,
                        steps + (f"{mod.path}:{line} {var} = {ctor}(...), built once",),
                    )
                    break
                for name in sorted(func.calls):
                    target_mod, target = mod, mod.funcs.get(name)
                    if target is None and name in mod.imports:
                        other = named(mod.imports[name][0])
                        if other is not None:
                            target_mod, target = other, other.funcs.get(mod.imports[name][1])
                    if target is None or (target_mod.name, target.name) in seen:
                        continue
                    seen.add((target_mod.name, target.name))
                    queue.append(
                        (target_mod, target, steps + (f"{target.path}:{target.line} {target.name}()",))
                    )
            if hit is not None:
                found.append(hit)
    return found


_JS_CLIENT = re.compile(
    r"^(?:export\s+)?(?:const|let|var)\s+(\w+)\s*(?::[^=]+)?=\s*(?:await\s+)?new\s+([\w.]+)\s*\(", re.M
)
_JS_ENTRY = re.compile(r"\b(\w+)\.(message|event|command|action|shortcut|view)\s*\(|\bthis\.(onMessage)\s*\(")
_JS_FUNC = re.compile(
    r"^(?:export\s+)?(?:async\s+)?function\s+(\w+)\s*\(|^(?:export\s+)?(?:const|let)\s+(\w+)\s*=\s*"
    r"(?:async\s+)?(?:\([^)]*\)|\w+)\s*=>",
    re.M,
)


def _balanced(text: str, start: int, limit: int = 200_000) -> str:
    """The text from `start` to the bracket that closes the first one opened there (linear, bounded)."""
    depth = 0
    end = min(len(text), start + limit)
    for i in range(start, end):
        ch = text[i]
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
    return text[start:end]


def _js_paths(path: str, text: str) -> list[DeputyPath]:
    clients = {}
    for m in _JS_CLIENT.finditer(text):
        ctor = m.group(2)
        platform = SHARED_CLIENTS.get(ctor) or SHARED_CLIENTS.get(ctor.rsplit(".", 1)[-1])
        if platform:
            clients[m.group(1)] = (platform, ctor, text.count("\n", 0, m.start()) + 1)
    if not clients:
        return []
    funcs = {}
    for m in _JS_FUNC.finditer(text):
        name = m.group(1) or m.group(2)
        brace = text.find("{", m.end() - 1)
        if brace >= 0:
            funcs[name] = (text.count("\n", 0, m.start()) + 1, _balanced(text, brace))
    found = []
    for m in _JS_ENTRY.finditer(text):
        how = f"Slack Bolt {m.group(1)}.{m.group(2)}()" if m.group(2) else "Bot Framework this.onMessage()"
        line = text.count("\n", 0, m.start()) + 1
        body = _balanced(text, text.find("(", m.start()))
        steps = [f"{path}:{line} {how}"]
        seen: set[str] = set()
        frontier = [body]
        hit = None
        while frontier and hit is None and len(steps) <= MAX_DEPTH:
            current = frontier.pop(0)
            if PER_USER.search(current):
                break
            for var, (platform, ctor, cline) in clients.items():
                if re.search(rf"\b{re.escape(var)}\s*[.(]", current):
                    hit = DeputyPath(
                        platform,
                        how,
                        path,
                        line,
                        f"{var} = new {ctor}(...)",
                        path,
                        cline,
                        (*steps, f"{path}:{cline} {var} = new {ctor}(...), built once"),
                    )
                    break
            for name, (fline, fbody) in funcs.items():
                if name not in seen and re.search(rf"\b{re.escape(name)}\s*\(", current):
                    seen.add(name)
                    steps.append(f"{path}:{fline} {name}()")
                    frontier.append(fbody)
        if hit is not None:
            found.append(hit)
    return found


# What a Python module must hold to have an entry point (_parse_python's `entries`): a decorator naming a
# Slack Bolt method is an attribute access, `.` then the method's name (whitespace, a line continuation or a
# comment may come between inside brackets); a Bot Framework handler is a function of that name. For ASCII
# source (an identifier is then spelled as written: Python folds non-ASCII identifiers with NFKC) a module
# holding neither has none, whether it parses or not. Every quantifier is possessive: linear over any text.
_BOLT_SPELLING = "|".join(sorted(BOLT_METHODS))
_ENTRY_SPELLING = re.compile(
    rf"\.(?:[ \t\f\v\r\n]++|\\(?:\r\n?|\n)|#[^\r\n]*+)*+(?:{_BOLT_SPELLING})(?![A-Za-z0-9_])"
    r"|\bon_(?:(?:message_activity|turn|invoke_activity)(?![A-Za-z0-9_])|teams_[A-Za-z0-9_])"
)


def may_have_entry(text: str) -> bool:
    """False only when the Python module `text` has no entry point (_parse_python would list none): the module
    is then parsed only if a call from another module's entry point reaches it."""
    return not text.isascii() or _ENTRY_SPELLING.search(text) is not None


def find_paths(files: Sequence[tuple[str, Path]]) -> list[DeputyPath]:
    """Deputy paths in one agent's source files: (rel path, file on disk).

    A Python module is parsed only when it may hold an entry point (may_have_entry) or a call from an entry
    point leads into it by import (by module name: the last readable module of that name that parses, as a
    table of every parsed module would give): the paths are those of parsing every module, at a fraction of
    the cost where most modules are neither (an agent's 200 files, one or two of them handlers)."""
    found: list[DeputyPath] = []
    texts: dict[str, str] = {}
    by_stem: dict[str, list[str]] = {}
    for rel, disk in files:
        try:
            if disk.stat().st_size > MAX_SOURCE_BYTES:
                continue
            text = disk.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if rel.endswith(".py"):
            texts[rel] = text
            by_stem.setdefault(Path(rel).stem, []).append(rel)
        elif rel.endswith((".js", ".mjs", ".cjs", ".ts", ".tsx")):
            found.extend(_js_paths(rel, text))
    parsed: dict[str, _Module | None] = {}

    def module_of(rel: str) -> _Module | None:
        if rel not in parsed:
            parsed[rel] = _parse_python(rel, texts[rel])
        return parsed[rel]

    def named(stem: str) -> _Module | None:
        for rel in reversed(by_stem.get(stem, ())):
            module = module_of(rel)
            if module is not None:
                return module
        return None

    entries = [m for rel, text in texts.items() if may_have_entry(text) and (m := module_of(rel)) is not None]
    found.extend(_python_paths(entries, named))
    return sorted(found, key=lambda d: (d.path, d.line, d.platform))


MAX_FILES_PER_AGENT = 200
SOURCE_SUFFIXES = (".py", ".js", ".mjs", ".cjs", ".ts", ".tsx")


def agent_paths(agents: Sequence[Agent], files: Sequence[FileScan], disk: Mapping[str, Path]) -> list[Agent]:
    """Agents with a `code_confused_deputy` hint per path found in their source files.

    Only agents that serve many users, or whose code builds platform clients (code.* settings), are read; at
    most MAX_FILES_PER_AGENT source files each: the static scan of a large tree is not slowed by this pass.
    """
    coded = {f.path for f in files if any(st.key.startswith("code.") for st in f.settings)}
    ordered = sorted(rel for rel in disk if rel.endswith(SOURCE_SUFFIXES))
    out = []
    for agent in agents:
        # Decided from what inventory already knows, before any file list is built or any file read.
        if not (agent.multi_user or coded.intersection(agent.files)):
            out.append(agent)
            continue
        mine = {rel for rel in agent.files if rel in disk and rel.endswith(SOURCE_SUFFIXES)}
        root = agent.root.rstrip("/")
        if root and root not in disk:
            prefix = root + "/"
            start = bisect.bisect_left(ordered, prefix)
            for rel in ordered[start:]:
                if not rel.startswith(prefix):
                    break
                mine.add(rel)
        if not mine:
            out.append(agent)
            continue
        paths = find_paths([(rel, disk[rel]) for rel in sorted(mine)[:MAX_FILES_PER_AGENT]])
        hints = tuple(
            ManifestHint(
                "code_confused_deputy",
                p.client,
                Location(p.path, p.line),
                {
                    "platform": p.platform,
                    "entry": p.entry,
                    "steps": list(p.steps),
                    "client_location": f"{p.client_path}:{p.client_line}",
                },
            )
            for p in paths
        )
        out.append(replace(agent, hints=agent.hints + hints) if hints else agent)
    return out
