"""MCP server packaging manifests: how a server is distributed, how it runs, and which credentials each user
supplies. Claude Desktop extensions (`manifest.json` with `dxt_version`, or `manifest_version` for MCPB
bundles), the MCP registry's `server.json`, and Smithery's `smithery.yaml`.

Each is one hint of kind `mcp_server_manifest` (an agent of kind mcp_server, named by the manifest's name).
A secret the installing user types in (a `sensitive` user_config, an `isSecret` variable or header, a
credential-named property of Smithery's config schema) is a reference of kind `prompt_input`: the client asks
each user for it and keeps it in its own secret storage, so it is that user's key, not one shared by all.
A value written into the manifest itself is text the detectors judge (under the name structure gives it).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from auditor.extract.evidence import Evidence
from auditor.extract.references import names_credential
from auditor.extract.tree import Doc, KeyPath, key_path
from auditor.model import ReferenceKind
from auditor.redact import redact

SERVER_MANIFEST = "mcp_server_manifest"

# The MCPB / DXT server types: each is a process the client starts on the user's own machine.
_DXT_SERVER_TYPES = frozenset({"node", "python", "binary", "uv"})
# `${user_config.api_key}` in a DXT/MCPB value: the user's answer to that setting. Names are bounded, so
# the search is linear in the value's length.
_USER_CONFIG_REF = re.compile(r"\$\{user_config\.([A-Za-z0-9_.-]{1,128})\}")
# `API_KEY: config.apiKey` (or `config["apiKey"]`) in Smithery's commandFunction: which variable of the
# started process receives which property of the user's configuration. Bounded: linear on any input.
_SMITHERY_ENV = re.compile(
    r"""["']?([A-Za-z_][A-Za-z0-9_]{0,127})["']?[ \t]{0,8}:[ \t]{0,8}"""
    r"""config(?:\.([A-Za-z_$][A-Za-z0-9_$]{0,127})|\[[ \t]{0,8}["']([^"'\]\n]{1,128})["'][ \t]{0,8}\])"""
)
_REMOTE_TYPES = frozenset({"sse", "http", "streamable-http", "streamable_http"})
# How many entries of a list are read: a manifest lists a handful of packages, variables and remotes; a
# hostile one listing a million is read up to this bound and the rest reported as not examined.
_MAX_ENTRIES = 200
_MAX_FUNCTION = 65536


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _not_an_object(ev: Evidence, what: str) -> None:
    ev.skip(
        f"{what} is not an object: the commands and credentials it may declare were not read", "parse_error"
    )


def _bounded(ev: Evidence, value: Any, what: str, *, mapping: bool = False) -> list[Any]:
    """The first _MAX_ENTRIES entries of a list (of a mapping's items when `mapping`), with a coverage note
    when there are more, or when the value is of another type: what was not read is not reported as clean."""
    if value is not None and not isinstance(value, dict if mapping else list):
        ev.skip(
            f"{what} is not {'an object' if mapping else 'a list'}: the commands and credentials it may "
            "declare were not read",
            "parse_error",
        )
    items = (list(value.items()) if isinstance(value, dict) else []) if mapping else _list(value)
    if len(items) > _MAX_ENTRIES:
        ev.skip(f"{what} lists {len(items)} entries: only the first {_MAX_ENTRIES} were read", "limit")
    return items[:_MAX_ENTRIES]


def kind_of(doc: Doc, ev: Evidence) -> str | None:
    """Which packaging manifest the document is ("mcpb", "dxt", "mcp_registry", "smithery"), or None.

    Shape decides, not the file name alone: a Chrome extension's or a web app's `manifest.json` has no
    `server` object with an MCP type or command, and its `manifest_version` is a number, not "0.3".
    """
    data = doc.data
    if not isinstance(data, dict):
        return None
    name = ev.rel.rsplit("/", 1)[-1].lower()
    if name in ("smithery.yaml", "smithery.yml"):
        return "smithery" if "startCommand" in data or "runtime" in data else None
    if name == "manifest.json":
        server = data.get("server")
        if "dxt_version" in data:
            return "dxt"
        version = data.get("manifest_version")
        if isinstance(version, str) and isinstance(server, dict):
            shaped = (
                server.get("type") in _DXT_SERVER_TYPES or "mcp_config" in server or "entry_point" in server
            )
            return "mcpb" if shaped else None
        return None
    schema = _str(data.get("$schema")) or ""
    if "modelcontextprotocol.io/schemas/" in schema and schema.endswith("server.schema.json"):
        return "mcp_registry"
    packages = data.get("packages")
    if isinstance(packages, list) and any(
        isinstance(p, dict) and ("registryType" in p or "registry_name" in p) for p in packages
    ):
        return "mcp_registry"
    return None


def hints(doc: Doc, ev: Evidence) -> None:
    kind = kind_of(doc, ev)
    if kind is None:
        return
    if kind in ("dxt", "mcpb"):
        _extension(doc, ev, kind)
    elif kind == "mcp_registry":
        _registry(doc, ev)
    else:
        _smithery(doc, ev)


def _name_line(doc: Doc) -> tuple[int, str | None]:
    if isinstance(doc.data, dict) and "name" in doc.data:
        return doc.line_of(("name",)), "name"
    return doc.line, None


def _file_stem(ev: Evidence) -> str:
    parts = ev.rel.rsplit("/", 2)
    return parts[-2] if len(parts) >= 2 else "mcp-server"


def _extension(doc: Doc, ev: Evidence, kind: str) -> None:
    """A Claude Desktop extension (DXT) or MCP bundle (MCPB): the client on each user's machine starts
    `server.mcp_config`, filling `${user_config.x}` with that user's answers."""
    data: dict[str, Any] = doc.data
    server = data.get("server")
    line, key = _name_line(doc)
    name = _str(data.get("name")) or _str(data.get("display_name")) or _file_stem(ev)
    if not isinstance(server, dict):
        ev.skip(
            f"{kind.upper()} manifest without a `server` object: how the server runs and which credentials "
            "it passes were not read",
            "parse_error",
        )
        server = {}
    for field, value in (
        ("server.mcp_config", server.get("mcp_config")),
        ("user_config", data.get("user_config")),
    ):
        if value is not None and not isinstance(value, dict):
            _not_an_object(ev, f"{kind.upper()} manifest `{field}`")
    config = _dict(server.get("mcp_config"))
    settings = _dict(data.get("user_config"))
    # Sensitive settings, and settings named like a credential that their author forgot to mark sensitive
    # (still each user's own key, but typed in clear and kept outside the OS keychain: `marked_secret`).
    sensitive = {
        str(k): spec
        for k, spec in _bounded(ev, settings, "user_config", mapping=True)
        if isinstance(spec, dict)
        and (
            spec.get("sensitive") is True
            or (spec.get("type", "string") == "string" and names_credential(str(k)))
        )
    }
    users = _user_config_uses(doc, ev, config)
    user_secrets: list[dict[str, Any]] = []
    for setting, spec in sensitive.items():
        uses = users.get(setting) or []
        if not uses:
            where: KeyPath = ("user_config", setting)
            uses = [(where, "")]
        for where, variable in uses:
            line_at = doc.line_of(where)
            ev.reference(ReferenceKind.PROMPT_INPUT, setting, line_at, key_path(where))
            user_secrets.append(
                {
                    "name": variable or setting,
                    "setting": setting,
                    "line": line_at,
                    "required": spec.get("required"),
                    "marked_secret": spec.get("sensitive") is True,
                }
            )
    env = config.get("env")
    ev.manifest(
        SERVER_MANIFEST,
        name,
        line,
        key,
        {
            "format": kind,
            "server_type": _str(server.get("type")),
            "entry_point": _str(server.get("entry_point")),
            "command": _safe_command(ev, _str(config.get("command"))),
            "env": sorted(str(k) for k in env) if isinstance(env, dict) else [],
            "transport": "stdio",
            "remote": False,
            "user_secrets": user_secrets,
            "words": [name, _safe_command(ev, _str(config.get("command"))) or ""],
        },
    )


def _user_config_uses(doc: Doc, ev: Evidence, config: dict[str, Any]) -> dict[str, list[tuple[KeyPath, str]]]:
    """user_config key -> where `mcp_config` passes it (path, and the variable or argument it fills)."""
    uses: dict[str, list[tuple[KeyPath, str]]] = {}
    base: KeyPath = ("server", "mcp_config")
    env = config.get("env")
    entries: list[tuple[KeyPath, str, Any]] = []
    if isinstance(env, dict):
        entries.extend(
            (base + ("env", str(k)), str(k), v) for k, v in _bounded(ev, env, "mcp_config.env", mapping=True)
        )
    for index, arg in enumerate(_bounded(ev, config.get("args"), "mcp_config.args")):
        entries.append((base + ("args", index), "", arg))
    for path, variable, value in entries:
        if not isinstance(value, str) or "${user_config." not in value:
            continue
        for match in _USER_CONFIG_REF.finditer(value):
            uses.setdefault(match.group(1), []).append((path, variable))
    return uses


def _registry(doc: Doc, ev: Evidence) -> None:
    """The MCP registry's server.json: `packages` each user's client runs (npm, PyPI, NuGet, OCI, MCPB) and
    `remotes` the publisher hosts. Field names in the current camelCase schema and the first snake_case
    one (`registry_name`, `environment_variables`, `is_secret`)."""
    data: dict[str, Any] = doc.data
    line, key = _name_line(doc)
    name = _str(data.get("name")) or _file_stem(ev)
    packages: list[dict[str, Any]] = []
    remotes: list[str] = []
    user_secrets: list[dict[str, Any]] = []
    env_names: list[str] = []
    words = [_unqualified(name)]
    for index, package in enumerate(_bounded(ev, data.get("packages"), "server.json `packages`")):
        if not isinstance(package, dict):
            _not_an_object(ev, f"server.json `packages[{index}]`")
            continue
        registry = _str(package.get("registryType")) or _str(package.get("registry_name"))
        identifier = _str(package.get("identifier")) or _str(package.get("name"))
        transport = _dict(package.get("transport"))
        packages.append(
            {
                "registry": registry,
                "identifier": identifier,
                "transport": _str(transport.get("type")) or "stdio",
            }
        )
        if identifier:
            words.append(_unqualified(identifier))
        variables_key = (
            "environmentVariables" if "environmentVariables" in package else "environment_variables"
        )
        for v_index, variable in enumerate(
            _bounded(ev, package.get(variables_key), f"server.json `packages[{index}].{variables_key}`")
        ):
            if not isinstance(variable, dict):
                continue
            var_name = _str(variable.get("name"))
            if var_name:
                env_names.append(var_name)
            where: KeyPath = ("packages", index, variables_key, v_index)
            _user_secret(doc, ev, variable, var_name, where, user_secrets)
        for h_index, header in enumerate(
            _bounded(ev, transport.get("headers"), f"server.json `packages[{index}].transport.headers`")
        ):
            if isinstance(header, dict):
                where = ("packages", index, "transport", "headers", h_index)
                _user_secret(doc, ev, header, _str(header.get("name")), where, user_secrets)
    for index, remote in enumerate(_bounded(ev, data.get("remotes"), "server.json `remotes`")):
        if not isinstance(remote, dict):
            _not_an_object(ev, f"server.json `remotes[{index}]`")
            continue
        kind = (_str(remote.get("type")) or _str(remote.get("transport_type")) or "").lower()
        url = _str(remote.get("url"))
        if url and kind in _REMOTE_TYPES | {""}:
            remotes.append(_safe_url(url))
            words.append(_safe_url(url))
        for h_index, header in enumerate(
            _bounded(ev, remote.get("headers"), f"server.json `remotes[{index}].headers`")
        ):
            if isinstance(header, dict):
                where = ("remotes", index, "headers", h_index)
                _user_secret(doc, ev, header, _str(header.get("name")), where, user_secrets)
    ev.manifest(
        SERVER_MANIFEST,
        name,
        line,
        key,
        {
            "format": "mcp_registry",
            "packages": packages,
            "remotes": remotes,
            "env": sorted(set(env_names)),
            "transport": "http" if remotes else "stdio",
            "remote": bool(remotes),
            "user_secrets": user_secrets,
            "words": words,
        },
    )


def _unqualified(name: str) -> str:
    """A name without the namespace that says where it was published (`io.github.acme/slack-digest`,
    `ghcr.io/acme/slack-digest`: a GitHub account or registry, not what the server talks to); an npm scope
    (`@acme/slack-digest`) stays."""
    head, sep, _ = name.partition("/")
    if sep and "." in head and not head.startswith("@"):
        return name.rsplit("/", 1)[-1]
    return name


def _safe_url(url: str) -> str:
    """Scheme, host and path only: a query string or user info may carry a key (`?api_key=`)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return redact(url)
    return f"{parts.scheme}://{host}{port}{parts.path}" if parts.scheme else redact(url)


def _safe_command(ev: Evidence, command: str | None) -> str | None:
    """The command as recorded in a hint: redacted when it looks like a credential rather than a program."""
    return redact(command) if command and ev.looks_secret(command, None) else command


def _is_secret(entry: dict[str, Any]) -> bool:
    return entry.get("isSecret") is True or entry.get("is_secret") is True


def _user_secret(
    doc: Doc, ev: Evidence, entry: dict[str, Any], name: str | None, where: KeyPath, out: list[dict[str, Any]]
) -> None:
    """An `isSecret` variable or header, or one named like a credential whose publisher forgot the flag: each
    user is asked for it (a reference, never a value). One the publisher fixes (`value` with no `{input}`
    in it) is not asked for: the detectors judge that value."""
    if not name or not (_is_secret(entry) or names_credential(name)):
        return
    fixed = _str(entry.get("value"))
    if fixed is not None and "{" not in fixed:
        return
    line = doc.line_of(where)
    ev.reference(ReferenceKind.PROMPT_INPUT, name, line, key_path(where))
    out.append(
        {
            "name": name,
            "setting": name,
            "line": line,
            "required": entry.get("isRequired", entry.get("is_required")),
            "marked_secret": _is_secret(entry),
        }
    )


def _smithery(doc: Doc, ev: Evidence) -> None:
    """smithery.yaml: `startCommand.type` stdio (each user's client starts the command) or http (Smithery
    hosts one deployment every client connects to, each session with its user's configuration)."""
    data: dict[str, Any] = doc.data
    start = data.get("startCommand")
    if "startCommand" in data and not isinstance(start, dict):
        ev.skip(
            "smithery.yaml: `startCommand` is not a mapping; its configuration was not read", "parse_error"
        )
    start = _dict(start)
    transport = (_str(start.get("type")) or "stdio").lower()
    schema = _dict(start.get("configSchema"))
    properties = _dict(schema.get("properties"))
    function = _str(start.get("commandFunction")) or ""
    variables: dict[str, str] = {}
    if len(function) > _MAX_FUNCTION:
        ev.skip(
            f"smithery.yaml: commandFunction is {len(function)} characters; only the first {_MAX_FUNCTION} "
            "were read for the variables it passes",
            "limit",
        )
    for match in _SMITHERY_ENV.finditer(function, 0, _MAX_FUNCTION):
        prop = match.group(2) or match.group(3)
        variables.setdefault(prop, match.group(1))
    user_secrets: list[dict[str, Any]] = []
    for prop, spec in _bounded(ev, properties, "smithery.yaml `configSchema.properties`", mapping=True):
        prop = str(prop)
        spec = _dict(spec)
        if not (names_credential(prop) or spec.get("format") == "password" or spec.get("writeOnly") is True):
            continue
        where: KeyPath = ("startCommand", "configSchema", "properties", prop)
        line = doc.line_of(where)
        ev.reference(ReferenceKind.PROMPT_INPUT, prop, line, key_path(where))
        user_secrets.append(
            {
                "name": variables.get(prop) or prop,
                "setting": prop,
                "line": line,
                "required": prop in _list(schema.get("required")),
                "marked_secret": spec.get("format") == "password" or spec.get("writeOnly") is True,
            }
        )
    name = _str(data.get("name")) or _file_stem(ev)
    ev.manifest(
        SERVER_MANIFEST,
        name,
        doc.line_of(("startCommand",)) if "startCommand" in data else doc.line,
        "startCommand" if "startCommand" in data else None,
        {
            "format": "smithery",
            "runtime": _str(data.get("runtime")),
            "env": sorted(set(variables.values())),
            "transport": "http" if transport in _REMOTE_TYPES else "stdio",
            "remote": transport in _REMOTE_TYPES,
            "user_secrets": user_secrets,
            "words": [name],
            "named_by_file": not _str(data.get("name")),
        },
    )
