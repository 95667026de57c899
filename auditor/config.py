"""botaudit.yaml: the project's agents, baselines, rule overrides, suppressions and collector settings.

Loading and strict validation (unknown keys and bad values are errors naming file and line) live here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import yaml

from auditor.errors import ConfigError
from auditor.model import Severity
from auditor.redact import DEFAULT_FINGERPRINT_KEY

if TYPE_CHECKING:
    from auditor.engine.interface import Rule

CONFIG_FILENAMES = ("botaudit.yaml", "botaudit.yml", ".botaudit.yaml")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


@dataclass(frozen=True)
class AgentDecl:
    """An agent declared in botaudit.yaml; declarations win over what discovery infers."""

    name: str
    paths: tuple[str, ...] = ()
    kind: str | None = None
    multi_user: bool | None = None
    environment: str | None = None
    description: str = ""


@dataclass(frozen=True)
class RuleOverride:
    """Per-rule changes from botaudit.yaml, keyed by rule id or name."""

    severity: Severity | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True
    # Line of the entry in botaudit.yaml, so a later check (unknown rule, unknown param) can name it.
    line: int = 0


@dataclass(frozen=True)
class SuppressionEntry:
    """A reviewed exception: which findings it covers, why, and until when."""

    reason: str
    rule: str | None = None
    path: str | None = None
    fingerprint: str | None = None
    agent: str | None = None
    identity: str | None = None
    expires: date | None = None
    line: int = 0


@dataclass(frozen=True)
class Config:
    """The validated project configuration. `Config()` is the built-in default."""

    path: str | None = None
    fingerprint_key: str = DEFAULT_FINGERPRINT_KEY
    agents: tuple[AgentDecl, ...] = ()
    # platform name -> baseline junior user: an IAM ARN, a Salesforce username, an Entra UPN,
    # or a list of Vault policy names.
    baseline: Mapping[str, Any] = field(default_factory=dict)
    rules: Mapping[str, RuleOverride] = field(default_factory=dict)
    disabled: tuple[str, ...] = ()
    suppressions: tuple[SuppressionEntry, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    exclude: tuple[str, ...] = ()
    # platform name -> collector settings (endpoints, profile, CA bundle, auth file paths; never secrets).
    collectors: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Saved platform snapshots (paths relative to this file) judged on every scan: offline demos, audits.
    snapshots: tuple[str, ...] = ()
    # Dotted key path ("disable.0", "rules.BA-101.params.max_age_days") -> line, for errors found after
    # loading.
    lines: Mapping[str, int] = field(default_factory=dict)

    @property
    def base_dir(self) -> Path:
        return Path(self.path).parent if self.path else Path.cwd()


def find_config(roots: list[Path]) -> Path | None:
    """The botaudit.yaml at the first scan root that has one."""
    for root in roots:
        folder = root if root.is_dir() else root.parent
        for name in CONFIG_FILENAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


# A config file is small; a larger one is a mistake or an attack (YAML alias bombs expand far beyond this).
_MAX_CONFIG_BYTES = 1024 * 1024

ENVIRONMENTS = ("dev", "test", "stage", "prod")
_ENVIRONMENT_ALIASES = {
    "development": "dev",
    "testing": "test",
    "qa": "test",
    "staging": "stage",
    "production": "prod",
}
_RULE_REF = r"^(BA-[0-9]{3}|[a-z0-9]+(-[a-z0-9]+)*)$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(B|KB|KIB|MB|MIB|GB|GIB)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {
    "": 1,
    "B": 1,
    "KB": 1024,
    "KIB": 1024,
    "MB": 1024**2,
    "MIB": 1024**2,
    "GB": 1024**3,
    "GIB": 1024**3,
}
COLLECTOR_PLATFORMS = ("aws", "vault", "salesforce", "entra", "github", "slack")

# Collector settings name endpoints and files; a key that reads like a secret value is refused (the file gets
# committed). Suffixes that make such a key a pointer instead (`token_file`, `client_secret_env`) are fine.
_SECRET_WORDS = (
    "password",
    "passwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "private_key",
    "passphrase",
    "session_id",
    "credential",
)
_POINTER_SUFFIXES = (
    "_file",
    "_path",
    "_env",
    "_var",
    "_url",
    "_endpoint",
    "_ttl",
    "_name",
    "_helper",
    "_dir",
)

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SCALAR = {"type": ["string", "number", "boolean", "null"]}

CONFIG_SCHEMA: Mapping[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "version": {"enum": [1]},
        "fingerprint_key": {"type": "string", "minLength": 16},
        "agents": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "minLength": 1, "maxLength": 120},
                    "paths": {**_STRINGS, "minItems": 1},
                    "kind": {"type": "string", "minLength": 1},
                    "multi_user": {"type": "boolean"},
                    "environment": {"enum": [*ENVIRONMENTS, *_ENVIRONMENT_ALIASES]},
                    "description": {"type": "string"},
                },
            },
        },
        "baseline": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "aws": {"type": "string", "pattern": r"^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:[a-z-]+/.+$"},
                "vault": {
                    "oneOf": [
                        {**_STRINGS, "minItems": 1},
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["policies"],
                            "properties": {"policies": {**_STRINGS, "minItems": 1}},
                        },
                    ]
                },
                "salesforce": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+$"},
                "entra": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+$"},
                # A GitHub login (user names are alphanumerics and single hyphens).
                "github": {
                    "type": "string",
                    "pattern": r"^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",
                },
                # A Slack member id (U…/W…) or e-mail, optionally with the scopes a member's token has.
                "slack": {
                    "oneOf": [
                        {"type": "string", "pattern": r"^([UW][A-Z0-9]{6,}|[^@\s]+@[^@\s]+)$"},
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["user"],
                            "properties": {
                                "user": {
                                    "type": "string",
                                    "pattern": r"^([UW][A-Z0-9]{6,}|[^@\s]+@[^@\s]+)$",
                                },
                                "scopes": _STRINGS,
                            },
                        },
                    ]
                },
            },
        },
        "rules": {
            "type": "object",
            "propertyNames": {"pattern": _RULE_REF},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "severity": {"enum": [s.value for s in Severity]},
                    "params": {"type": "object"},
                    "enabled": {"type": "boolean"},
                },
            },
        },
        "disable": {"type": "array", "items": {"type": "string", "pattern": _RULE_REF}},
        "suppressions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["reason"],
                "minProperties": 2,
                "properties": {
                    "rule": {"type": "string", "pattern": _RULE_REF},
                    "path": {"type": "string", "minLength": 1},
                    "fingerprint": {"type": "string", "pattern": r"^[0-9a-f]{16}$"},
                    "agent": {"type": "string", "minLength": 1},
                    "identity": {"type": "string", "minLength": 1},
                    "reason": {"type": "string", "minLength": 3},
                    "expires": {"type": "string", "pattern": _DATE},
                },
            },
        },
        "scan": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "max_file_size": {
                    "oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": _SIZE.pattern}]
                },
                "exclude": _STRINGS,
            },
        },
        "collectors": {
            "type": "object",
            "propertyNames": {"enum": list(COLLECTOR_PLATFORMS)},
            "additionalProperties": {
                "type": "object",
                # One level of mapping is allowed (Salesforce `consumer_keys: {app name: key}`).
                "additionalProperties": {
                    "anyOf": [
                        _SCALAR,
                        {"type": "array", "items": _SCALAR},
                        {"type": "object", "additionalProperties": _SCALAR},
                    ]
                },
            },
        },
        "snapshots": _STRINGS,
    },
}

# What to say instead of jsonschema's generic text when a pattern or a oneOf fails, by the key's name.
_HINTS = {
    "expires": "expected a date written YYYY-MM-DD",
    "fingerprint": "expected the 16 hex characters of a finding fingerprint",
    "aws": "expected an IAM user or role ARN (arn:aws:iam::123456789012:user/NAME)",
    "salesforce": "expected a Salesforce username (name@example.com)",
    "entra": "expected an Entra user principal name (name@tenant.onmicrosoft.com)",
    "vault": "expected a list of Vault policy names, or {policies: [...]}",
    "github": "expected a GitHub login (junior-dev)",
    "slack": "expected a Slack member id (U0123ABCD) or e-mail, or {user: ..., scopes: [...]}",
    "max_file_size": "expected a number of bytes or a size such as 5MB or 512KB",
    "rule": "expected a rule id (BA-101) or a rule name (static-credential-in-config)",
    "disable": "expected a rule id (BA-101) or a rule name (static-credential-in-config)",
    "rules": "expected a rule id (BA-101) or a rule name (static-credential-in-config)",
    "fingerprint_key": "expected a string of at least 16 characters",
    "reason": "a suppression needs a reason of a few words",
}

_TYPE_WORDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


class _ConfigLoader(yaml.SafeLoader):
    """The safe loader, but dates stay text: the schema then reports a bad date with its line."""


_ConfigLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)

# Expanding aliases (billion laughs) past this many nodes is refused before anything walks the data.
_MAX_NODES = 50_000


class _KeyLines:
    """Line numbers (1-based) of every key and list item in a composed YAML document, by key path."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root

    def node(self, path: Sequence[Any]) -> tuple[yaml.Node | None, yaml.Node | None]:
        """(key node, value node) at `path`; the deepest existing node when the path runs out."""
        key_node: yaml.Node | None = None
        node = self.root
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                        key_node, node = k, v
                        break
                else:
                    return key_node, node
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                return key_node, node
        return key_node, node

    def line(self, path: Sequence[Any]) -> int:
        key_node, node = self.node(path)
        target = key_node or node
        return target.start_mark.line + 1 if target is not None else 1

    def all_lines(self) -> dict[str, int]:
        found: dict[str, int] = {}

        def walk(node: yaml.Node, prefix: str) -> None:
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    path = f"{prefix}.{k.value}" if prefix else str(k.value)
                    found[path] = k.start_mark.line + 1
                    walk(v, path)
            elif isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    path = f"{prefix}.{i}"
                    found[path] = item.start_mark.line + 1
                    walk(item, path)

        if self.root is not None:
            walk(self.root, "")
        return found


def _fail(source: str, line: int, message: str) -> ConfigError:
    return ConfigError(f"{source}:{line}: {message}")


def _dotted(path: Iterable[Any]) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def _show(value: Any) -> str:
    """A short echo of a bad value; long strings are not echoed (they may be secrets pasted by mistake)."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else f"a {len(value)}-character string"
    if isinstance(value, bool | int | float) or value is None:
        return repr(value)
    return {"dict": "a mapping", "list": "a list"}.get(type(value).__name__, type(value).__name__)


def _describe(error: jsonschema.ValidationError) -> tuple[list[Any], str]:
    """(path to blame, message) for one schema error, worded for a person editing botaudit.yaml."""
    path = list(error.absolute_path)
    leaf = str(path[-1]) if path else ""
    if leaf.isdigit() and len(path) >= 2:
        leaf = str(path[-2])
    where = _dotted(path)
    validator = error.validator
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed), key=str)
        key = extra[0] if extra else "?"
        hint = f" (allowed: {', '.join(allowed)})" if allowed else ""
        return [*path, key], f"unknown key {key!r} in {where}{hint}"
    if validator == "propertyNames" or "propertyNames" in error.schema_path:
        name = error.instance
        if path and path[-1] == "collectors":
            return [
                *path,
                name,
            ], f"unknown collector platform {name!r} (allowed: {', '.join(COLLECTOR_PLATFORMS)})"
        return [*path, name], f"{name!r} under {where}: {_HINTS.get(leaf, 'not an allowed name')}"
    if validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return path, f"{where}: missing required key {missing[0]!r}"
    if validator == "minProperties" and leaf == "suppressions":
        return path, f"{where}: a suppression needs at least one of rule, path, fingerprint, agent, identity"
    if validator == "type":
        wanted = error.validator_value
        words = [_TYPE_WORDS.get(str(w), str(w)) for w in (wanted if isinstance(wanted, list) else [wanted])]
        return path, f"{where}: expected {' or '.join(words)}, got {_show(error.instance)}"
    if validator in ("enum", "const"):
        options = error.validator_value if validator == "enum" else [error.validator_value]
        shown = "" if leaf == "fingerprint_key" else f" {_show(error.instance)}"
        return path, f"{where}:{shown} is not one of {', '.join(str(o) for o in options)}"
    if validator in ("minLength", "minItems") and leaf in _HINTS:
        return path, f"{where}: {_HINTS[leaf]}"
    if validator in ("minLength", "minItems"):
        return path, f"{where}: must not be empty"
    if validator in ("pattern", "oneOf", "anyOf", "minimum", "maxLength"):
        if path and path[0] == "collectors":
            advice: str | None = "expected a string, number, true/false, or a list or mapping of those"
        else:
            advice = _HINTS.get(leaf)
            if advice is None and len(path) >= 2 and str(path[-2]) in _HINTS:
                advice = _HINTS[str(path[-2])]
        shown = "" if leaf == "fingerprint_key" else f" got {_show(error.instance)};"
        return path, f"{where}:{shown} {advice or 'invalid value'}"
    return path, f"{where}: invalid value ({validator})"


def _check_nodes(root: yaml.Node, source: str) -> None:
    """Refuse duplicate keys (PyYAML silently keeps the last one) and alias bombs, before loading."""
    count = 0
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        count += 1
        if count > _MAX_NODES:
            raise _fail(source, 1, f"the config expands to more than {_MAX_NODES} values (YAML aliases?)")
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        raise _fail(source, k.start_mark.line + 1, f"duplicate key {k.value!r}")
                    seen.add(k.value)
                stack.append(v)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _secret_like(key: str) -> bool:
    k = key.lower().replace("-", "_")
    return any(w in k for w in _SECRET_WORDS) and not k.endswith(_POINTER_SUFFIXES)


def parse_size(value: int | str) -> int:
    """Bytes from an int or a size such as "5MB", "512 KiB" (binary units). Raises ValueError."""
    if isinstance(value, int):
        return value
    match = _SIZE.match(value)
    if not match:
        raise ValueError(f"not a size: {value!r}")
    number, unit = match.groups()
    size = int(float(number) * _SIZE_UNITS[(unit or "").upper()])
    if size < 1:
        raise ValueError("a size must be at least 1 byte")
    return size


def _normalise_glob(pattern: str) -> str:
    pattern = pattern.replace("\\", "/")
    while pattern.startswith("./"):
        pattern = pattern[2:]
    return pattern


def load_config(path: Path | None) -> Config:
    """Load and strictly validate a config file; `None` gives the defaults. Raises ConfigError."""
    if path is None:
        return Config()
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"{source}: cannot read the config file ({exc.strerror or type(exc).__name__})"
        ) from None
    if len(raw) > _MAX_CONFIG_BYTES:
        raise ConfigError(f"{source}: config file is larger than {_MAX_CONFIG_BYTES // 1024} KB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{source}: config file is not UTF-8 text") from None
    return parse_config(text, source=source)


def parse_config(text: str, *, source: str = "botaudit.yaml") -> Config:
    """Validate botaudit.yaml text; `source` is the path named in errors and the base of relative paths."""
    try:
        root = yaml.compose(text, Loader=_ConfigLoader)
        if root is not None:
            _check_nodes(root, source)
        data = yaml.load(text, Loader=_ConfigLoader) if root is not None else None  # noqa: S506 (safe)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise _fail(source, line, f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML ({type(exc).__name__})") from None
    if data is None:
        data = {}
    lines = _KeyLines(root)
    if not isinstance(data, dict):
        raise _fail(source, 1, "the config must be a mapping of keys (version, agents, baseline, rules, ...)")

    # Before the schema: a secret pasted into collector settings must never be echoed by a later message.
    for platform, settings in (data.get("collectors") or {}).items():
        if isinstance(settings, dict):
            for key in settings:
                if isinstance(key, str) and _secret_like(key):
                    raise _fail(
                        source,
                        lines.line(["collectors", platform, key]),
                        f"collectors.{platform}.{key} looks like a secret value; botaudit.yaml is committed, "
                        "so give an environment variable or a file path instead (e.g. "
                        f"{key}_env: MY_VAR or {key}_file: /path/to/file)",
                    )

    validator = jsonschema.Draft202012Validator(CONFIG_SCHEMA)
    errors = sorted(
        validator.iter_errors(data), key=lambda e: (lines.line(list(e.absolute_path)), str(e.path))
    )
    if errors:
        error = jsonschema.exceptions.best_match(errors) if len(errors) > 1 else errors[0]
        # best_match picks the most relevant error; fall back to the first by line when it is a vague one.
        error = (
            errors[0]
            if error.validator in ("oneOf", "anyOf") and errors[0].validator not in ("oneOf", "anyOf")
            else error
        )
        blame, message = _describe(error)
        raise _fail(source, lines.line(blame), message)
    return _build(data, source, lines)


def _build(data: Mapping[str, Any], source: str, lines: _KeyLines) -> Config:
    agents: list[AgentDecl] = []
    names: set[str] = set()
    for i, entry in enumerate(data.get("agents") or []):
        if entry["name"] in names:
            raise _fail(
                source, lines.line(["agents", i, "name"]), f"agent {entry['name']!r} is declared twice"
            )
        names.add(entry["name"])
        for j, pattern in enumerate(entry.get("paths") or []):
            if pattern.startswith("/") or ".." in pattern.split("/"):
                raise _fail(
                    source,
                    lines.line(["agents", i, "paths", j]),
                    f"agents.{i}.paths: {pattern!r} must be relative to the config file and stay below it",
                )
        env = entry.get("environment")
        agents.append(
            AgentDecl(
                name=entry["name"],
                paths=tuple(_normalise_glob(p) for p in entry.get("paths") or ()),
                kind=entry.get("kind"),
                multi_user=entry.get("multi_user"),
                environment=_ENVIRONMENT_ALIASES.get(env, env) if env else None,
                description=entry.get("description", ""),
            )
        )

    baseline: dict[str, Any] = {}
    for platform, value in (data.get("baseline") or {}).items():
        if platform == "vault":
            policies = value["policies"] if isinstance(value, dict) else value
            baseline[platform] = tuple(policies)
        else:
            baseline[platform] = value

    rules: dict[str, RuleOverride] = {}
    for ref, override in (data.get("rules") or {}).items():
        sev = override.get("severity")
        rules[ref] = RuleOverride(
            severity=Severity(sev) if sev else None,
            params=dict(override.get("params") or {}),
            enabled=override.get("enabled", True),
            line=lines.line(["rules", ref]),
        )

    suppressions: list[SuppressionEntry] = []
    for i, entry in enumerate(data.get("suppressions") or []):
        expires = None
        if "expires" in entry:
            try:
                expires = date.fromisoformat(entry["expires"])
            except ValueError:
                raise _fail(
                    source,
                    lines.line(["suppressions", i, "expires"]),
                    f"suppressions.{i}.expires: not a real date",
                ) from None
        suppressions.append(
            SuppressionEntry(
                reason=entry["reason"],
                rule=entry.get("rule"),
                path=entry.get("path"),
                fingerprint=entry.get("fingerprint"),
                agent=entry.get("agent"),
                identity=entry.get("identity"),
                expires=expires,
                line=lines.line(["suppressions", i]),
            )
        )

    scan = data.get("scan") or {}
    max_size = DEFAULT_MAX_FILE_SIZE
    if "max_file_size" in scan:
        try:
            max_size = parse_size(scan["max_file_size"])
        except ValueError as exc:
            raise _fail(source, lines.line(["scan", "max_file_size"]), f"scan.max_file_size: {exc}") from None

    collectors = {p: dict(settings or {}) for p, settings in (data.get("collectors") or {}).items()}
    return Config(
        path=source,
        fingerprint_key=data.get("fingerprint_key", DEFAULT_FINGERPRINT_KEY),
        agents=tuple(agents),
        baseline=baseline,
        rules=rules,
        disabled=tuple(data.get("disable") or ()),
        suppressions=tuple(suppressions),
        max_file_size=max_size,
        exclude=tuple(_normalise_glob(p) for p in scan.get("exclude") or ()),
        collectors=collectors,
        snapshots=tuple(data.get("snapshots") or ()),
        lines=lines.all_lines(),
    )


def _where(config: Config, key: str, fallback: int = 0) -> str:
    line = config.lines.get(key, fallback) or 1
    return f"{config.path or 'botaudit.yaml'}:{line}"


def validate_rule_refs(config: Config, rules: Sequence[Rule]) -> None:
    """Every rule id or name botaudit.yaml mentions must exist, and overridden params must be known.

    Separate from load_config because the rules are loaded after the config. Raises ConfigError.
    """
    by_ref = {r.id: r for r in rules} | {r.name: r for r in rules}
    known = "; see `botaudit rules` for the list"
    for ref, override in config.rules.items():
        rule = by_ref.get(ref)
        if rule is None:
            raise ConfigError(f"{_where(config, f'rules.{ref}', override.line)}: unknown rule {ref!r}{known}")
        for name, value in override.params.items():
            where = _where(config, f"rules.{ref}.params.{name}", override.line)
            if name not in rule.params:
                allowed = ", ".join(sorted(rule.params)) or "none"
                raise ConfigError(
                    f"{where}: rule {rule.id} has no parameter {name!r} (parameters: {allowed})"
                )
            if not _same_type(rule.params[name], value):
                raise ConfigError(
                    f"{where}: rules.{ref}.params.{name} must be {_type_word(rule.params[name])}, "
                    f"got {_show(value)}"
                )
    for i, ref in enumerate(config.disabled):
        if ref not in by_ref:
            raise ConfigError(f"{_where(config, f'disable.{i}')}: unknown rule {ref!r}{known}")
    for i, entry in enumerate(config.suppressions):
        if entry.rule is not None and entry.rule not in by_ref:
            raise ConfigError(
                f"{_where(config, f'suppressions.{i}.rule', entry.line)}: unknown rule {entry.rule!r}{known}"
            )


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    if isinstance(default, list | tuple):
        return isinstance(value, list | tuple)
    if isinstance(default, dict):
        return isinstance(value, dict)
    if default is None:
        return True
    return isinstance(value, type(default))


def _type_word(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a string"


# What `botaudit init` writes. Lines starting with "#~ " are examples: remove the marker to use them
# (a test checks that the file loads as written and with every example switched on).
INIT_TEMPLATE = """\
# botaudit.yaml: the project configuration of botaudit (credential posture of AI agents and bots).
# Every key is optional. Paths are relative to this file. Run `botaudit rules` for rule ids and names.

# Format version of this file. Keep it at 1.
version: 1

# Key for the keyed hash (HMAC-SHA-256) that fingerprints secret values in reports and baselines.
# A project-specific key (16+ characters) stops anyone holding a report from testing guessed passwords
# against it. It is not a credential for anything else; changing it changes every fingerprint.
#~ fingerprint_key: change-me-to-a-long-random-project-string

# Agents you want named explicitly. botaudit finds agents itself (MCP configs, Slack/Teams manifests,
# Kubernetes workloads, CrewAI/LangChain/AutoGen definitions, n8n workflows, GitHub Actions); a declaration
# wins: it owns the files matching `paths` and sets the name, kind, audience and environment.
agents: []
#~ agents:
#~   - name: support-bot              # shown in reports, used by suppressions
#~     paths: ["support-bot/**"]      # globs, relative to this file
#~     kind: slack_bot                # free text: slack_bot, teams_bot, mcp_server, worker...
#~     multi_user: true               # many people talk to it (shared bot, web chat, shared MCP server)
#~     environment: prod              # dev, test, stage or prod
#~     description: Answers customer questions in the support channel

# The junior user each agent's reach is compared with, per platform.
baseline: {}
#~ baseline:
#~   aws: arn:aws:iam::123456789012:user/junior-analyst   # an IAM user or role ARN
#~   vault: [junior-read]                                 # Vault policy names
#~   salesforce: junior.rep@example.com                   # a Salesforce username
#~   entra: junior.rep@example.onmicrosoft.com            # an Entra user principal name
#~   github: junior-dev                                   # a GitHub login (member of the audited orgs)
#~   slack: U0123ABCD                                     # a Slack member id or e-mail

# Per-rule changes, keyed by rule id (BA-106) or name: severity, params (merged over the rule's defaults)
# and enabled.
rules: {}
#~ rules:
#~   BA-106:
#~     params:
#~       max_access_token_minutes: 30
#~   reused-credential:
#~     severity: medium

# Rules switched off entirely, by id or name.
disable: []
#~ disable: [BA-109]

# Reviewed exceptions. Each needs a reason and names at least one of rule, path (glob), fingerprint
# (from the report), agent or identity. After `expires` (YYYY-MM-DD) the finding counts again, with a warning.
# Suppressed findings stay in the report and are counted.
suppressions: []
#~ suppressions:
#~   - rule: BA-101
#~     path: "legacy-bot/**"
#~     reason: Key is revoked; repository is being archived (TICKET-123)
#~     expires: 2030-12-31

# What the static scan reads.
scan:
  max_file_size: 5MB      # larger files are skipped and counted in coverage (bytes, or KB/MB/GB)
  exclude: []             # extra globs to skip, on top of .gitignore and .botauditignore
#~   exclude: ["vendor/**", "**/*.min.js"]

# Collector settings per platform (aws, vault, salesforce, entra, github, slack): endpoints, profiles, CA
# bundles and file paths. Never put a secret here: give the name of an environment variable (`*_env`) or a
# file (`*_file`).
collectors: {}
#~ collectors:
#~   aws:
#~     profile: audit-readonly
#~     region: eu-west-1
#~   vault:
#~     address: https://vault.example.com:8200
#~     ca_bundle_path: /etc/ssl/vault-ca.pem
#~   salesforce:
#~     login_url: https://acme.my.salesforce.com
#~     consumer_key_env: SF_AUDIT_CONSUMER_KEY
#~     private_key_file: ~/.botaudit/sf-audit.key
#~     username: audit@example.com
#~   entra:
#~     tenant_id: 00000000-0000-0000-0000-000000000000
#~     client_id_env: ENTRA_AUDIT_CLIENT_ID
#~     client_certificate_path: ~/.botaudit/entra-audit.pem
#~   github:
#~     api_url: https://github.example.com/api/v3          # GitHub Enterprise Server; default api.github.com
#~     token_env: GITHUB_TOKEN                             # the audit token (an org owner's read-only token)
#~     tokens_env: [MCP_GITHUB_TOKEN]                      # agents' tokens to introspect
#~     orgs: [acme]
#~   slack:
#~     token_env: SLACK_BOT_TOKEN                          # the bot token to audit
#~     tokens_env: [SUPPORT_BOT_TOKEN]                     # more agent tokens to introspect

# Saved platform snapshots (`botaudit collect PLATFORM --output FILE`) judged on every scan, offline.
snapshots: []
#~ snapshots: [snapshots/aws.json, snapshots/vault.json]
"""
