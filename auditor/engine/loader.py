"""Load rules/BA-*.yaml strictly into Rules and apply botaudit.yaml overrides (severity, params, enabled)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from auditor.config import Config, validate_rule_refs
from auditor.config.schema import PARAM_KEYWORDS, PARAM_TYPES
from auditor.engine.interface import CheckFn, Rule
from auditor.errors import RuleLoadError
from auditor.model import Platform, Severity
from auditor.paths import rules_dir

RULE_GLOB = "BA-*.yaml"
MAX_TITLE = 150

_REQUIRED = ("id", "name", "title", "severity", "category", "rationale", "remediation", "check")
_OPTIONAL = ("platform", "references", "compliance", "params", "fixtures", "description")
_ID = re.compile(r"^BA-[0-9]{3}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_WORD = re.compile(r"^[a-z0-9_]+$")


def _fail(path: Path, message: str) -> RuleLoadError:
    return RuleLoadError(f"{path}: {message}")


def _text(path: Path, data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"`{key}` must be a non-empty string")
    return value.strip()


def _strings(path: Path, value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, f"`{what}` must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _params(path: Path, raw: Any) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """(defaults, declarations) from a rule's `params`: each parameter declares its type, default and
    description, plus optional bounds (minimum, maximum, items, uniqueItems ...): botaudit.yaml overrides are
    validated against the declaration, and docs/configuration.md lists it."""
    if raw is None:
        return {}, {}
    if not isinstance(raw, dict):
        raise _fail(path, "`params` must map each parameter name to its declaration")
    defaults: dict[str, Any] = {}
    declared: dict[str, dict[str, Any]] = {}
    allowed = PARAM_KEYWORDS | {"default", "description"}
    for name, spec in raw.items():
        where = f"params.{name}"
        if not isinstance(name, str) or not _WORD.match(name):
            raise _fail(path, f"parameter name {name!r} must be a lower-case word")
        if not isinstance(spec, dict):
            raise _fail(path, f"{where} must declare type, default and description")
        unknown = sorted(set(spec) - allowed, key=str)
        if unknown:
            raise _fail(path, f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")
        for key in ("type", "default", "description"):
            if key not in spec:
                raise _fail(path, f"{where}: missing {key!r}")
        if spec["type"] not in PARAM_TYPES:
            raise _fail(
                path, f"{where}: type {spec['type']!r} is not one of {', '.join(sorted(PARAM_TYPES))}"
            )
        if not _default_fits(spec):
            raise _fail(path, f"{where}: the default does not match the declared type")
        defaults[name] = spec["default"]
        declared[name] = dict(spec)
    return defaults, declared


def _default_fits(spec: Mapping[str, Any]) -> bool:
    """A cheap check of the default against its type (tests validate defaults fully with jsonschema)."""
    value, kind = spec["default"], spec["type"]
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    return isinstance(value, list)


def parse_rule(path: Path, predicates: Mapping[str, CheckFn], raw: bytes | None = None) -> Rule:
    """One rule file (`raw`: its bytes, when already read) -> Rule, or RuleLoadError naming the file."""
    import yaml  # only when a rule is parsed: a scan with the rule set cached never loads PyYAML for it

    try:
        text = (path.read_bytes() if raw is None else raw).decode("utf-8")
        # libyaml's parser where PyYAML was built with it: the pure-Python one made loading the rules a
        # noticeable share of a small scan's start-up. Both build the same safe types.
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (safe)
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read the rule ({type(exc).__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise _fail(path, f"not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise _fail(path, "a rule file must be a mapping")
    unknown = sorted(set(data) - set(_REQUIRED) - set(_OPTIONAL), key=str)
    if unknown:
        raise _fail(
            path, f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted((*_REQUIRED, *_OPTIONAL)))})"
        )
    for key in _REQUIRED:
        if key not in data:
            raise _fail(path, f"missing required key {key!r}")

    rule_id = _text(path, data, "id")
    if not _ID.match(rule_id):
        raise _fail(path, f"id {rule_id!r} must look like BA-101")
    if path.stem != rule_id:
        raise _fail(path, f"the file name must be the rule id ({rule_id}.yaml)")
    name = _text(path, data, "name")
    if not _SLUG.match(name):
        raise _fail(path, f"name {name!r} must be a kebab-case slug")
    title = _text(path, data, "title")
    if len(title) > MAX_TITLE:
        raise _fail(path, f"title is {len(title)} characters; at most {MAX_TITLE}")
    if title.lower().startswith("ensure"):
        raise _fail(path, "title must say what is wrong, not start with 'Ensure'")
    try:
        severity = Severity(str(data["severity"]).lower())
    except ValueError:
        raise _fail(
            path, f"severity {data['severity']!r} is not one of {', '.join(s.value for s in Severity)}"
        ) from None
    category = _text(path, data, "category")
    if not _WORD.match(category.replace("-", "_")):
        raise _fail(path, f"category {category!r} must be a lower-case word")
    check = _text(path, data, "check")
    if check not in predicates:
        raise _fail(path, f"check {check!r} is not in auditor/engine/predicates.py PREDICATES")

    platform = data.get("platform")
    if platform is not None:
        try:
            platform = Platform(str(platform)).value
        except ValueError:
            raise _fail(
                path, f"platform {platform!r} is not one of {', '.join(p.value for p in Platform)}"
            ) from None

    compliance_raw = data.get("compliance") or {}
    if not isinstance(compliance_raw, dict):
        raise _fail(path, "`compliance` must map a framework (soc2, iso27001, nist_800_53) to control ids")
    compliance: dict[str, tuple[str, ...]] = {}
    for framework, controls in compliance_raw.items():
        if not isinstance(framework, str) or not _WORD.match(framework):
            raise _fail(path, f"compliance framework {framework!r} must be a lower-case word")
        compliance[framework] = _strings(path, controls, f"compliance.{framework}")

    params, param_schema = _params(path, data.get("params"))
    _strings(path, data.get("fixtures"), "fixtures")

    return Rule(
        id=rule_id,
        name=name,
        title=title,
        severity=severity,
        category=category,
        rationale=_text(path, data, "rationale"),
        remediation=_text(path, data, "remediation"),
        check=check,
        references=_strings(path, data.get("references"), "references"),
        compliance=compliance,
        params=params,
        param_schema=param_schema,
        platform=platform,
        source=path.name,
    )


def apply_overrides(rules: tuple[Rule, ...], config: Config) -> tuple[Rule, ...]:
    """Severity, params (merged over the defaults) and enabled from botaudit.yaml, by rule id or name.

    Unknown rules, unknown params and params of the wrong type or out of range are ConfigErrors (exit 2)
    naming botaudit.yaml's line, checked here against the rules' declarations before anything is merged.
    """
    validate_rule_refs(config, rules)
    disabled = set(config.disabled)
    out = []
    for rule in rules:
        for ref in (rule.id, rule.name):
            override = config.rules.get(ref)
            if override is None:
                continue
            rule = replace(
                rule,
                severity=override.severity or rule.severity,
                params={**rule.params, **override.params},
                enabled=rule.enabled and override.enabled,
            )
        if rule.id in disabled or rule.name in disabled:
            rule = replace(rule, enabled=False)
        out.append(rule)
    return tuple(out)


def load_rules(
    directory: Path | None = None,
    config: Config | None = None,
    *,
    predicates: Mapping[str, CheckFn] | None = None,
) -> tuple[Rule, ...]:
    """Every rules/BA-*.yaml, validated, sorted by id, with config overrides applied. Raises RuleLoadError.

    The validated set is cached (auditor.cache) under a hash of every rule file's signature, this loader's
    sources and the predicate names: parsing 60-odd YAML files was a tenth of a small scan's start-up.
    botaudit.yaml's overrides are applied after, on every run, so they never reach the cache.
    """
    if predicates is None:
        from auditor.engine.predicates import PREDICATES

        predicates = PREDICATES
    folder = directory or rules_dir()
    if not folder.is_dir():
        raise RuleLoadError(f"{folder}: rules folder not found")
    paths = sorted(folder.glob(RULE_GLOB))
    name = _cache_name(paths, predicates)
    loaded = _rules_from_cache(name, predicates) if name else None
    if loaded is None:
        files: list[tuple[Path, bytes]] = []
        for path in paths:
            try:
                files.append((path, path.read_bytes()))
            except OSError as exc:
                raise _fail(path, f"cannot read the rule ({type(exc).__name__})") from None
        loaded = _parse_rules(files, predicates)
        if name:
            _rules_to_cache(name, loaded)
    return apply_overrides(loaded, config) if config is not None else loaded


def _parse_rules(files: Sequence[tuple[Path, bytes]], predicates: Mapping[str, CheckFn]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    ids: dict[str, Path] = {}
    names: dict[str, Path] = {}
    for path, raw in files:
        rule = parse_rule(path, predicates, raw)
        if rule.id in ids:
            raise _fail(path, f"duplicate rule id {rule.id} (also in {ids[rule.id].name})")
        if rule.name in names:
            raise _fail(path, f"duplicate rule name {rule.name!r} (also in {names[rule.name].name})")
        ids[rule.id] = path
        names[rule.name] = path
        rules.append(rule)
    return tuple(sorted(rules, key=lambda r: r.id))


# -- the rule-set cache ------------------------------------------------------------------------------------

_CACHE_PREFIX = "rules-"
_CACHE_FORMAT = b"rule-cache-v1"
# What a cached Rule was derived from besides the rule files: this parser, the Rule type, the parameter
# vocabulary (config/schema.py). A change to any of them is a different cache name.
_CACHE_SOURCES = (
    Path(__file__),
    Path(__file__).with_name("interface.py"),
    Path(__file__).parent.parent / "config" / "schema.py",
)


def _cache_name(paths: Sequence[Path], predicates: Mapping[str, CheckFn]) -> str | None:
    from auditor import cache

    if cache.cache_dir() is None:
        return None
    parts = [_CACHE_FORMAT, ",".join(sorted(predicates)).encode()]
    try:
        parts += [source.read_bytes() for source in _CACHE_SOURCES]
        parts += [cache.file_signature(path) for path in paths]  # one stat per rule file, no read
    except OSError:
        return None  # installed without sources, or a file gone since the listing: no cache
    return f"{_CACHE_PREFIX}{cache.content_key(parts)[:32]}.json"


def _rule_row(rule: Rule) -> dict[str, Any]:
    row = {f.name: getattr(rule, f.name) for f in fields(Rule)}
    row["severity"] = rule.severity.value
    return row


def _rule_from_row(row: dict[str, Any], predicates: Mapping[str, CheckFn] | None) -> Rule:
    row["severity"] = Severity(row["severity"])
    row["references"] = tuple(row["references"])
    row["compliance"] = {k: tuple(v) for k, v in row["compliance"].items()}
    if predicates is not None and row["check"] not in predicates:
        raise KeyError(row["check"])
    return Rule(**row)


def _rules_from_cache(name: str, predicates: Mapping[str, CheckFn]) -> tuple[Rule, ...] | None:
    import json

    from auditor import cache

    raw = cache.read(name)
    if raw is None:
        return None
    try:
        return tuple(_rule_from_row(row, predicates) for row in json.loads(raw))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # truncated, edited or from another layout: parse the files again


def _rules_to_cache(name: str, rules: tuple[Rule, ...]) -> None:
    import json

    from auditor import cache

    try:
        payload = json.dumps([_rule_row(r) for r in rules], separators=(",", ":"), allow_nan=False)
        # A value JSON cannot carry as itself (a YAML date, a tuple turned list in a default) would come back
        # different: such a rule set is simply not cached.
        if tuple(_rule_from_row(row, None) for row in json.loads(payload)) != rules:
            return
    except (ValueError, TypeError):
        return
    cache.write(name, payload.encode("utf-8"), replaces=_CACHE_PREFIX)


def find_rule(rules: tuple[Rule, ...], ref: str) -> Rule | None:
    """The rule with this id (any case) or name, for `botaudit rules show`."""
    wanted = ref.strip()
    for rule in rules:
        if rule.id.lower() == wanted.lower() or rule.name == wanted.lower():
            return rule
    return None


def rules_markdown(rules: tuple[Rule, ...]) -> str:
    """The rule reference as Markdown (docs/rules.md), generated from the rule definitions."""
    lines = [
        "# botaudit rules",
        "",
        "Generated from `rules/BA-*.yaml`; do not edit by hand. Regenerate with:",
        '`python -c "from auditor.engine.loader import load_rules, rules_markdown; '
        "print(rules_markdown(load_rules()), end='')\" > docs/rules.md`",
        "",
        "| id | name | severity | platform | title |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| [{r.id}](#{r.id.lower()}) | `{r.name}` | {r.severity.value} | {r.platform or 'config'} "
        f"| {r.title} |"
        for r in rules
    ]
    for r in rules:
        lines += ["", f"## {r.id}", "", f"**{r.title}** (`{r.name}`, {r.severity.value}, {r.category})", ""]
        lines += ["### Why it matters", "", r.rationale, "", "### Remediation", "", r.remediation, ""]
        if r.params:
            lines += ["### Parameters (override in botaudit.yaml `rules:`)", ""]
            lines += [f"- `{k}`: `{v}`" for k, v in r.params.items()]
            lines += ["", "Types and ranges: [configuration reference](configuration.md#rule-parameters)."]
            lines.append("")
        if r.compliance:
            lines += ["### Compliance", ""]
            lines += [f"- {fw}: {', '.join(ctrls)}" for fw, ctrls in r.compliance.items()]
            lines.append("")
        if r.references:
            lines += ["### References", ""]
            lines += [f"- {ref}" for ref in r.references]
    return "\n".join(lines).rstrip() + "\n"
