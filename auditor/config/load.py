"""Loading botaudit.yaml: YAML with line numbers, strict validation against auditor.config.schema, and the
validated Config. Every error names the file, the line and the key; no bad value is echoed in full.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.config.pointers import PastedSecret, find_pasted_secrets, looks_secret
from auditor.config.schema import (
    COLLECTOR_PLATFORMS,
    CONFIG_SCHEMA,
    ENVIRONMENT_ALIASES,
    SIZE,
    with_rules,
)
from auditor.errors import ConfigError
from auditor.model import Record, Severity
from auditor.redact import DEFAULT_FINGERPRINT_KEY, FINGERPRINT_KEY_ENV, redact

if TYPE_CHECKING:
    import jsonschema
    import yaml

    from auditor.engine.interface import Rule

CONFIG_FILENAMES = ("botaudit.yaml", "botaudit.yml", ".botaudit.yaml")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


@dataclass(frozen=True, repr=False, eq=False)
class AgentDecl(Record):
    """An agent declared in botaudit.yaml; declarations win over what discovery infers."""

    name: str
    paths: tuple[str, ...] = ()
    kind: str | None = None
    multi_user: bool | None = None
    environment: str | None = None
    description: str = ""


@dataclass(frozen=True, repr=False, eq=False)
class RuleOverride(Record):
    """Per-rule changes from botaudit.yaml, keyed by rule id or name."""

    severity: Severity | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True
    # Line of the entry in botaudit.yaml, so a later check (unknown rule, unknown param) can name it.
    line: int = 0


@dataclass(frozen=True, repr=False, eq=False)
class SuppressionEntry(Record):
    """A reviewed exception: which findings it covers, why, and until when."""

    reason: str
    rule: str | None = None
    path: str | None = None
    fingerprint: str | None = None
    agent: str | None = None
    identity: str | None = None
    expires: date | None = None
    line: int = 0


@dataclass(frozen=True, repr=False, eq=False)
class Config(Record):
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
    # Honour other scanners' inline allow comments (gitleaks:allow, pragma: allowlist secret) as suppressions.
    peer_allow_markers: bool = True
    exclude: tuple[str, ...] = ()
    # platform name -> collector settings (endpoints, profile, CA bundle, auth file paths; never secrets).
    collectors: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Saved platform snapshots (paths relative to this file) judged on every scan: offline demos, audits.
    snapshots: tuple[str, ...] = ()
    # Dotted key path ("disable.0", "rules.BA-101.params.max_age_days") -> line, for errors found after
    # loading.
    lines: Mapping[str, int] = field(default_factory=dict)
    # Secrets pasted where botaudit.yaml wants the name of an environment variable or a file: taken out of
    # the settings (never used, never echoed) and reported as findings (BA-114).
    pasted_secrets: tuple[PastedSecret, ...] = ()

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
    "client_secret_env": "expected the name of an environment variable (letters, digits, _), not its value",
    "addr": "expected an http:// or https:// URL",
    "endpoint_url": "expected an http:// or https:// URL",
    "login_url": "expected an https:// URL",
    "instance_url": "expected an https:// URL",
    "authority_host": "expected an https:// URL",
    "graph_url": "expected an https:// URL",
    "region": "expected an AWS region such as eu-west-1",
    "api_version": 'expected a quoted API version such as "60.0"',
    "tenant_id": "expected a tenant id (a GUID) or the tenant's domain name",
    "client_id": "expected the application (client) id, a GUID",
    "username": "expected a Salesforce username (name@example.com)",
    "tokens_env": "expected names of environment variables (letters, digits, _), not their values",
    "token_env": "expected the name of an environment variable (letters, digits, _), not its value",
}

# Names people write (and botaudit's own template once wrote) for a collector setting, and the real key.
# Refused like any unknown key, but the message says what to write instead.
_RENAMED = {
    "address": "addr",
    "url": "addr",
    "vault_addr": "addr",
    "ca_bundle_path": "ca_bundle",
    "ca_cert": "ca_bundle",
    "cacert": "ca_bundle",
    "ca_path": "ca_bundle",
    "verify": "ca_bundle",
    "consumer_key_env": "consumer_key",
    "client_id_env": "client_id",
    "tenant_id_env": "tenant_id",
    "client_certificate_path": "certificate_path",
    "certificate_file": "certificate_path",
    "cert_path": "certificate_path",
    "key_path": "private_key_path",
    "tenant": "tenant_id",
    "authority": "authority_host",
    "token_path": "token_file",
    "key_file": "private_key_file",
}

_TYPE_WORDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


_LOADER: list[type[yaml.SafeLoader]] = []


def _config_loader() -> type[yaml.SafeLoader]:
    """The safe loader, but dates stay text: the schema then reports a bad date with its line.

    Built on first use: PyYAML is imported only when a botaudit.yaml is read (a scan without one, such as a
    pre-commit hook's, does not load it for this)."""
    if not _LOADER:
        import yaml

        class _ConfigLoader(yaml.SafeLoader):
            pass

        _ConfigLoader.add_constructor(
            "tag:yaml.org,2002:timestamp",
            lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
        )
        _LOADER.append(_ConfigLoader)
    return _LOADER[0]


# Expanding aliases (billion laughs) past this many nodes is refused before anything walks the data.
_MAX_NODES = 50_000
# botaudit.yaml is at most 7 levels deep (collectors.salesforce.consumer_keys.NAME, rules.X.params.Y.0);
# PyYAML's composer recurses per level, so nesting is bounded from the event stream before composing.
MAX_CONFIG_DEPTH = 32


class _KeyLines:
    """Line numbers (1-based) of every key and list item in a composed YAML document, by key path."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root

    def node(self, path: Sequence[Any]) -> tuple[yaml.Node | None, yaml.Node | None]:
        """(key node, value node) at `path`; the deepest existing node when the path runs out."""
        import yaml

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
        import yaml

        found: dict[str, int] = {}
        stack: list[tuple[yaml.Node, str]] = [(self.root, "")] if self.root is not None else []
        while stack:
            node, prefix = stack.pop()
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    path = f"{prefix}.{k.value}" if prefix else str(k.value)
                    found.setdefault(path, k.start_mark.line + 1)
                    stack.append((v, path))
            elif isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    path = f"{prefix}.{i}"
                    found.setdefault(path, item.start_mark.line + 1)
                    stack.append((item, path))
        return found


def _fail(source: str, line: int, message: str) -> ConfigError:
    return ConfigError(f"{source}:{line}: {message}")


def _dotted(path: Iterable[Any]) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def _show(value: Any) -> str:
    """A short echo of a bad value. Long strings, and anything that looks like a secret, are not echoed:
    a secret pasted by mistake must not reach a terminal or a CI log."""
    if isinstance(value, str):
        if looks_secret(value):
            return f"a value that looks like a secret ({redact(value)})"
        printable = value.isprintable()
        return repr(value) if len(value) <= 40 and printable else f"a {len(value)}-character string"
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return repr(value) if abs(value) < 10**30 else "a very large number"
    if isinstance(value, float):
        return repr(value)
    return {"dict": "a mapping", "list": "a list"}.get(type(value).__name__, type(value).__name__)


def _suggest(key: str, allowed: Sequence[str]) -> str:
    renamed = _RENAMED.get(key)
    if renamed in allowed:
        return f"; write {renamed!r} instead"
    import difflib  # only for a misspelt key

    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _rule_words(path: Sequence[Any]) -> bool:
    """Whether a failing `enum` at `path` is a rule reference (rules.X, disable.N, suppressions.N.rule)."""
    return bool(path) and (
        path[0] == "disable" or (path[0] == "suppressions" and len(path) == 3 and path[2] == "rule")
    )


def _describe(error: jsonschema.ValidationError) -> tuple[list[Any], str]:
    """(path to blame, message) for one schema error, worded for a person editing botaudit.yaml."""
    path = list(error.absolute_path)
    leaf = str(path[-1]) if path else ""
    if leaf.isdigit() and len(path) >= 2:
        leaf = str(path[-2])
    where = _dotted(path)
    validator = error.validator
    see_rules = "; see `botaudit rules` for the list"
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed), key=str)
        key = str(extra[0]) if extra else "?"
        if path == ["rules"]:
            return [*path, key], f"unknown rule {key!r}{see_rules}"
        if len(path) == 3 and path[0] == "rules" and path[2] == "params":
            names = ", ".join(allowed) or "none"
            return [*path, key], (
                f"rule {path[1]} has no parameter {key!r}{_suggest(key, allowed)} (parameters: {names})"
            )
        if path == ["collectors"]:
            return [
                *path,
                key,
            ], f"unknown collector platform {key!r} (allowed: {', '.join(COLLECTOR_PLATFORMS)})"
        hint = f" (allowed: {', '.join(allowed)})" if allowed else ""
        return [*path, key], f"unknown key {key!r} in {where}{_suggest(key, allowed)}{hint}"
    if validator == "propertyNames" or "propertyNames" in error.schema_path:
        name = error.instance
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
    if validator == "enum" and _rule_words(path):
        return path, f"{where}: unknown rule {_show(error.instance)}{see_rules}"
    if validator in ("enum", "const"):
        options = error.validator_value if validator == "enum" else [error.validator_value]
        shown = "" if leaf == "fingerprint_key" else f" {_show(error.instance)}"
        return path, f"{where}:{shown} is not one of {', '.join(str(o) for o in options)}"
    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "above",
            "exclusiveMaximum": "below",
        }[str(validator)]
        return path, f"{where}: must be {bound} {error.validator_value}, got {_show(error.instance)}"
    if validator == "uniqueItems":
        return path, f"{where}: lists a value twice"
    if validator in ("minLength", "minItems") and leaf in _HINTS:
        return path, f"{where}: {_HINTS[leaf]}"
    if validator in ("minLength", "minItems"):
        return path, f"{where}: must not be empty"
    if validator in ("maxLength", "maxItems"):
        return path, f"{where}: too long (at most {error.validator_value})"
    if validator in ("pattern", "oneOf", "anyOf") and error.schema.get("x-pointer"):
        # A pointer that is not a name: never echoed, whatever it is.
        return path, f"{where}: {_HINTS.get(leaf, 'expected the name of an environment variable or a file')}"
    if validator in ("pattern", "oneOf", "anyOf"):
        advice = _HINTS.get(leaf)
        if advice is None and len(path) >= 2 and str(path[-2]) in _HINTS:
            advice = _HINTS[str(path[-2])]
        shown = "" if leaf == "fingerprint_key" else f" got {_show(error.instance)};"
        return path, f"{where}:{shown} {advice or 'invalid value'}"
    return path, f"{where}: invalid value ({validator})"


def _check_depth(text: str, source: str) -> None:
    """Refuse nesting deeper than MAX_CONFIG_DEPTH from the event stream (the parser does not recurse)."""
    import yaml

    depth = 0
    try:
        for event in yaml.parse(text, Loader=_config_loader()):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_CONFIG_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else 1
                    raise _fail(source, line, f"nested more than {MAX_CONFIG_DEPTH} levels deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except RecursionError:
        raise _fail(source, 1, "nested too deeply") from None


def _check_nodes(root: yaml.Node, source: str) -> None:
    """Refuse duplicate keys (PyYAML silently keeps the last one) and alias bombs, before loading."""
    import yaml

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
                else:
                    raise _fail(
                        source, k.start_mark.line + 1, "keys must be plain names, not lists or mappings"
                    )
                stack.append(v)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


_SIZE = re.compile(SIZE)
_SIZE_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "KIB": 1024, "M": 1024**2, "MB": 1024**2,
               "MIB": 1024**2, "G": 1024**3, "GB": 1024**3, "GIB": 1024**3}  # fmt: skip
_MAX_SIZE = 1024**4


def parse_size(value: int | str) -> int:
    """Bytes from an int or a size such as "5MB", "512 KiB" (binary units). Raises ValueError."""
    if isinstance(value, int):
        if value < 1:
            raise ValueError("a size must be at least 1 byte")
        return value
    match = _SIZE.match(value)
    if not match:
        raise ValueError(f"not a size: {value!r}")
    number, unit = match.groups()
    factor = _SIZE_UNITS.get((unit or "").upper())
    if factor is None:
        raise ValueError(f"unknown unit {unit!r} (B, KB, MB or GB)")
    if len(number) > 15:
        raise ValueError("a size must be at most 1 TB")
    size = int(float(number) * factor)
    if size < 1:
        raise ValueError("a size must be at least 1 byte")
    if size > _MAX_SIZE:
        raise ValueError("a size must be at most 1 TB")
    return size


def _normalise_glob(pattern: str) -> str:
    pattern = pattern.replace("\\", "/")
    while pattern.startswith("./"):
        pattern = pattern[2:]
    return pattern


def _with_env_key(config: Config) -> Config:
    """BOTAUDIT_FINGERPRINT_KEY (a CI secret) wins over botaudit.yaml: a key committed with the repository
    is known to everyone who can read the repository."""
    env = os.environ.get(FINGERPRINT_KEY_ENV)
    if not env:
        return config
    if len(env) < 16:  # the value itself is never echoed: it is a key
        raise ConfigError(f"{FINGERPRINT_KEY_ENV}: expected a string of at least 16 characters")
    return replace(config, fingerprint_key=env)


def load_config(path: Path | None, *, rules: Sequence[Rule] | None = None) -> Config:
    """Load and strictly validate a config file; `None` gives the defaults. Raises ConfigError.

    With `rules`, rule references and each rule's `params` are validated too (as validate_rule_refs does).
    The fingerprint key comes from BOTAUDIT_FINGERPRINT_KEY when set, else from the file.
    """
    return _with_env_key(_load_config(path, rules=rules))


def _load_config(path: Path | None, *, rules: Sequence[Rule] | None) -> Config:
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
    return parse_config(text, source=source, rules=rules)


def _validator(schema: Mapping[str, Any]) -> jsonschema.Draft202012Validator:
    # Imported here: a static scan without botaudit.yaml never needs jsonschema (~60 ms to import).
    import jsonschema

    return jsonschema.Draft202012Validator(schema)


def _first_error(errors: list[jsonschema.ValidationError]) -> jsonschema.ValidationError:
    from jsonschema.exceptions import best_match

    error = best_match(errors) if len(errors) > 1 else errors[0]
    # best_match picks the most relevant error; fall back to the first by line when it is a vague one.
    if error.validator in ("oneOf", "anyOf") and errors[0].validator not in ("oneOf", "anyOf"):
        return errors[0]
    return error


def _validate(data: Any, schema: Mapping[str, Any], source: str, line_of: Any) -> None:
    from auditor.documents import known_valid, remember_valid

    key = _verdict_key(data, schema)
    if key is not None and known_valid(key):
        return  # this content passed this schema before: no jsonschema (~0.1 s) on every scan
    errors = sorted(
        _validator(schema).iter_errors(data), key=lambda e: (line_of(list(e.absolute_path)), str(e.path))
    )
    if errors:
        blame, message = _describe(_first_error(errors))
        raise _fail(source, line_of(blame), message)
    if key is not None:
        remember_valid(key)


def _verdict_key(data: Any, schema: Mapping[str, Any]) -> str | None:
    from auditor.documents import verdict_key

    try:
        # repr, not JSON: YAML gives keys that are not strings, dates and the like, which repr tells apart
        # (1 from "1", 1 from 1.0 and from True) and JSON would merge or refuse.
        content = repr(data).encode("utf-8", "surrogatepass")
        shape = json.dumps(schema, sort_keys=True, default=repr).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError, RecursionError):
        return None
    return verdict_key(content, b"botaudit.yaml\0" + shape)


def parse_config(text: str, *, source: str = "botaudit.yaml", rules: Sequence[Rule] | None = None) -> Config:
    """Validate botaudit.yaml text; `source` is the path named in errors and the base of relative paths."""
    import yaml

    loader = _config_loader()
    try:
        _check_depth(text, source)
        root = yaml.compose(text, Loader=loader)
        if root is not None:
            _check_nodes(root, source)
        data = yaml.load(text, Loader=loader) if root is not None else None  # noqa: S506 (safe)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = str(exc.problem or exc.context or "").replace("\n", " ")
        raise _fail(source, line, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML ({type(exc).__name__})") from None
    except RecursionError:
        raise _fail(source, 1, "nested too deeply") from None
    if data is None:
        data = {}
    lines = _KeyLines(root)
    if not isinstance(data, dict):
        raise _fail(source, 1, "the config must be a mapping of keys (version, agents, baseline, rules, ...)")

    # Before the schema: a secret pasted into collector settings must never be echoed by a later message.
    collectors = data.get("collectors")
    for platform, settings in collectors.items() if isinstance(collectors, dict) else ():
        known = (
            CONFIG_SCHEMA["properties"]["collectors"]["properties"].get(platform, {}).get("properties", {})
        )
        if isinstance(settings, dict):
            for key in settings:
                if isinstance(key, str) and key not in known and _secret_like(key):
                    raise _fail(
                        source,
                        lines.line(["collectors", platform, key]),
                        f"collectors.{platform}.{key} looks like a secret value; botaudit.yaml is committed, "
                        "so give an environment variable or a file path instead (e.g. "
                        f"{key}_env: MY_VAR or {key}_file: /path/to/file)",
                    )
    # A secret where the name of a variable or a file belongs: taken out before validation (so no message
    # can echo it) and kept, redacted, for the finding that reports it.
    pasted = find_pasted_secrets(data, CONFIG_SCHEMA, lambda path: lines.line(path))
    for secret in reversed(pasted):
        _remove(data, secret.path)

    _validate(data, with_rules(rules) if rules is not None else CONFIG_SCHEMA, source, lines.line)
    return _build(data, source, lines, tuple(pasted))


def _remove(data: Any, path: Sequence[Any]) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    if isinstance(node, dict):
        node.pop(path[-1], None)
    elif isinstance(node, list):
        # Removed from the end first (the caller walks backwards), so earlier indexes stay valid.
        del node[path[-1]]


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


def _secret_like(key: str) -> bool:
    k = key.lower().replace("-", "_")
    return any(w in k for w in _SECRET_WORDS) and not k.endswith(_POINTER_SUFFIXES)


def _build(
    data: Mapping[str, Any], source: str, lines: _KeyLines, pasted: tuple[PastedSecret, ...]
) -> Config:
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
                environment=ENVIRONMENT_ALIASES.get(env, env) if env else None,
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
        peer_allow_markers=bool(scan.get("peer_allow_markers", True)),
        exclude=tuple(_normalise_glob(p) for p in scan.get("exclude") or ()),
        collectors=collectors,
        snapshots=tuple(data.get("snapshots") or ()),
        lines=lines.all_lines(),
        pasted_secrets=pasted,
    )


def validate_rule_refs(config: Config, rules: Sequence[Rule]) -> None:
    """Every rule id or name botaudit.yaml mentions must exist, and each overridden param must match the
    type and range its rule declares. Raises ConfigError naming the file, line and key.

    load_config(..., rules=) does the same while loading; this serves a Config built before the rules were
    loaded (auditor.engine.loader runs it before applying overrides).
    """
    data: dict[str, Any] = {}
    if config.rules:
        data["rules"] = {
            ref: {
                **({"severity": o.severity.value} if o.severity else {}),
                **({"params": dict(o.params)} if o.params else {}),
                "enabled": o.enabled,
            }
            for ref, o in config.rules.items()
        }
    if config.disabled:
        data["disable"] = list(config.disabled)
    if any(s.rule is not None for s in config.suppressions):
        data["suppressions"] = [
            {"rule": s.rule, "reason": s.reason} if s.rule is not None else {"reason": s.reason, "path": "*"}
            for s in config.suppressions
        ]
    if not data:
        return

    def line_of(path: Sequence[Any]) -> int:
        for depth in range(len(path), 0, -1):
            found = config.lines.get(".".join(str(p) for p in path[:depth]))
            if found:
                return found
        if path and path[0] == "rules" and len(path) > 1 and str(path[1]) in config.rules:
            return config.rules[str(path[1])].line or 1
        return 1

    _validate(data, with_rules(rules), config.path or "botaudit.yaml", line_of)
