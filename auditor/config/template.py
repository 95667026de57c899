"""Text generated from the one schema (auditor.config.schema): the `botaudit init` template and the
configuration reference (docs/configuration.md). Tests keep both in step with the loader.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import yaml

from auditor.config.schema import (
    COLLECTOR_PLATFORMS,
    COLLECTOR_SETTINGS,
    COLLECTOR_TIME_SETTINGS,
    CONFIG_SCHEMA,
)

if TYPE_CHECKING:
    from auditor.engine.interface import Rule

# Lines of the template starting with this marker are examples: remove it to switch one on.
EXAMPLE = "#~ "
_WIDTH = 110
_INLINE_COLUMN = 44


def _comment(text: str, prefix: str = "# ") -> list[str]:
    import textwrap  # only when a template is written: its import compiles regexes every run pays for

    return textwrap.wrap(text, _WIDTH - len(prefix), initial_indent=prefix, subsequent_indent=prefix) or [
        prefix.rstrip()
    ]


def _scalar(value: Any) -> str:
    """One YAML scalar or flow collection, as a person would write it."""
    text = yaml.safe_dump(value, default_flow_style=True, width=10_000, allow_unicode=True, sort_keys=False)
    text = text.strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def _with_note(line: str, note: str | None) -> str:
    if not note:
        return line
    return f"{line.ljust(_INLINE_COLUMN)} # {note}" if len(line) < _INLINE_COLUMN else f"{line}   # {note}"


def _example_of(schema: Mapping[str, Any]) -> Any:
    """The schema's first example; for a mapping without one, its keys' examples; else its default."""
    if "examples" in schema:
        return schema["examples"][0]
    props: Mapping[str, Any] = schema.get("properties") or {}
    if props:
        composed = {k: _example_of(v) for k, v in props.items()}
        return {k: v for k, v in composed.items() if v is not None} or None
    return schema.get("default")


def _block(key: str, value: Any, schema: Mapping[str, Any], indent: int) -> list[str]:
    """`key: value` as YAML lines, with each known sub-key's `title` as an inline comment."""
    pad = "  " * indent
    props: Mapping[str, Any] = schema.get("properties") or {}
    if isinstance(value, dict) and value and (props or isinstance(schema.get("additionalProperties"), dict)):
        lines = [f"{pad}{key}:"]
        for sub_key, sub_value in value.items():
            extra = schema.get("additionalProperties")
            sub_schema = props.get(sub_key) or (extra if isinstance(extra, dict) else {})
            lines += _block(str(sub_key), sub_value, sub_schema, indent + 1)
        return lines
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        items = schema.get("items") or {}
        lines = [f"{pad}{key}:"]
        for item in value:
            first = True
            for sub_key, sub_value in item.items():
                sub_schema = (items.get("properties") or {}).get(sub_key) or {}
                lead = f"{pad}  - " if first else f"{pad}    "
                rendered = _block(str(sub_key), sub_value, sub_schema, 0)
                lines.append(lead + rendered[0])
                lines += [f"{pad}    {extra}" for extra in rendered[1:]]
                first = False
        return lines
    return [_with_note(f"{pad}{key}: {_scalar(value)}", schema.get("title"))]


def _section(key: str, schema: Mapping[str, Any]) -> list[str]:
    lines = _comment(str(schema.get("description", "")))
    active = schema.get("x-template") == "active"
    props: Mapping[str, Any] = schema.get("properties") or {}
    if key == "collectors":
        lines += [f"{key}: {{}}"]
        example = {platform: _example_of(COLLECTOR_SETTINGS[platform]) for platform in COLLECTOR_PLATFORMS}
        # The time bounds apply to every platform; shown once, on the first.
        first = COLLECTOR_PLATFORMS[0]
        example[first].update({k: _example_of(v) for k, v in COLLECTOR_TIME_SETTINGS.items()})
        lines += [EXAMPLE + line for line in _block(key, example, schema, 0)]
        return lines
    if active and props and "default" not in schema:
        # A mapping written out with its active defaults (scan:), examples of its lists commented.
        lines.append(f"{key}:")
        for sub_key, sub_schema in props.items():
            if "default" in sub_schema:
                lines += _block(sub_key, sub_schema["default"], sub_schema, 1)
        for sub_key, sub_schema in props.items():
            example = sub_schema.get("examples")
            if example and example[0] != sub_schema.get("default"):
                lines += [EXAMPLE + line for line in _block(sub_key, example[0], sub_schema, 1)]
        return lines
    if active and "default" in schema:
        lines.append(f"{key}: {_scalar(schema['default'])}")
    example = _example_of(schema)
    if example is not None and not (active and example == schema.get("default")):
        lines += [EXAMPLE + line for line in _block(key, example, schema, 0)]
    return lines


def init_template() -> str:
    """The commented botaudit.yaml `botaudit init` writes, generated from CONFIG_SCHEMA."""
    lines = [
        "# botaudit.yaml: the project configuration of botaudit (credential posture of AI agents and bots)",
        "# Every key is optional. Paths are relative to this file. `botaudit rules` lists the rules.",
        f"# Lines starting with '{EXAMPLE.strip()}' are examples: delete the marker (and the line above that "
        "sets the",
        "# same key to an empty value) to use one. Every key: docs/configuration.md.",
    ]
    for key, schema in CONFIG_SCHEMA["properties"].items():
        lines.append("")
        lines += _section(key, schema)
    return "\n".join(lines) + "\n"


def switch_on_examples(template: str) -> str:
    """The template with every example switched on and the empty placeholders they replace removed."""
    example_keys = {
        line[len(EXAMPLE) :].split(":", 1)[0]
        for line in template.splitlines()
        if line.startswith(EXAMPLE) and not line[len(EXAMPLE) :].startswith(" ")
    }
    example_subkeys = {
        line[len(EXAMPLE) :].split(":", 1)[0]
        for line in template.splitlines()
        if line.startswith(EXAMPLE + "  ") and not line[len(EXAMPLE) + 2 :].startswith(" ")
    }
    out = []
    for line in template.splitlines():
        if line.startswith(EXAMPLE):
            out.append(line[len(EXAMPLE) :])
        elif (line.split(":", 1)[0] in example_keys and not line.startswith((" ", "#"))) or (
            line.startswith("  ") and line.split(":", 1)[0] in example_subkeys
        ):
            continue
        else:
            out.append(line)
    return "\n".join(out) + "\n"


# -- the reference page -------------------------------------------------------------------------------------
def type_words(schema: Mapping[str, Any]) -> str:
    """A schema's type and bounds in a few words: `integer, 1 to 10080`, `list of strings`."""
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    if "oneOf" in schema:
        return " or ".join(type_words(s) for s in schema["oneOf"])
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = " or ".join(kind)
    words = {"object": "mapping", "array": "list", "boolean": "true/false"}.get(str(kind), str(kind))
    if kind == "array":
        items = schema.get("items") or {}
        inner = type_words(items) if items else "values"
        plural = {"string": "strings", "integer": "integers", "number": "numbers", "mapping": "mappings"}
        words = f"list of {plural.get(inner, inner)}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), Mapping):
        words = f"mapping of names to {type_words(schema['additionalProperties'])}s"
    bounds = []
    low = schema.get("minimum", schema.get("exclusiveMinimum"))
    high = schema.get("maximum")
    if low is not None and high is not None:
        above = "above " if "exclusiveMinimum" in schema else ""
        bounds.append(f"{above}{low} to {high}" if not above else f"above {low}, at most {high}")
    elif low is not None:
        bounds.append(f"{'above' if 'exclusiveMinimum' in schema else 'at least'} {low}")
    elif high is not None:
        bounds.append(f"at most {high}")
    if schema.get("x-pointer") == "env":
        bounds.append("name of an environment variable")
    elif schema.get("x-pointer") == "file":
        bounds.append("file path" if kind == "string" else "file paths")
    pattern = schema.get("pattern")
    if pattern and not schema.get("x-pointer"):
        if pattern.startswith("^https://"):
            bounds.append("https:// URL")
        elif pattern.startswith("^https?://"):
            bounds.append("http(s):// URL")
    if schema.get("minLength", 0) > 1:
        bounds.append(f"at least {schema['minLength']} characters")
    if schema.get("minItems"):
        bounds.append(f"at least {schema['minItems']}")
    return ", ".join([words, *bounds])


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _default(schema: Mapping[str, Any]) -> str:
    if "default" not in schema:
        return ""
    return f"`{_scalar(schema['default'])}`"


def _table(props: Mapping[str, Any], required: Sequence[str] = ()) -> list[str]:
    lines = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for name, spec in props.items():
        label = f"`{name}`" + (" (required)" if name in required else "")
        lines.append(
            f"| {label} | {_cell(type_words(spec))} | {_cell(_default(spec))} | "
            f"{_cell(spec.get('description', ''))} |"
        )
    return lines


def configuration_markdown(rules: Sequence[Rule]) -> str:
    """docs/configuration.md: every key of botaudit.yaml (type, range, default) and each rule's params."""
    lines = [
        "# botaudit.yaml reference",
        "",
        "Generated from the loader's schema (`auditor/config/schema.py`) and the rules' `params` "
        "(`rules/BA-*.yaml`); do not edit by hand. Regenerate with:",
        '`python -c "from auditor.config import configuration_markdown; from auditor.engine.loader import '
        "load_rules; print(configuration_markdown(load_rules()), end='')\" > docs/configuration.md`",
        "",
        "botaudit looks for `botaudit.yaml`, `botaudit.yml` or `.botaudit.yaml` at the first scan root, or "
        "takes `--config FILE`. `botaudit init` writes a commented starting file. Every key is optional. "
        "Anything the schema does not know (a misspelt key, a setting of another platform, a rule parameter "
        "of the wrong type or out of range) stops botaudit with exit code 2 and a message naming the file, "
        "the line and the key.",
        "",
        "Never put a secret in botaudit.yaml: it is committed. Collector settings name environment variables "
        "and files instead; a secret pasted where such a name belongs is redacted in every output, reported "
        "as finding BA-114, and never used.",
        "",
        "## Top-level keys",
        "",
    ]
    top = CONFIG_SCHEMA["properties"]
    lines += _table(top)
    for key, schema in top.items():
        props = schema.get("properties")
        items = schema.get("items") or {}
        sub = props if props and key != "collectors" else items.get("properties")
        if not sub:
            continue
        lines += ["", f"## `{key}`", "", str(schema.get("description", "")), ""]
        lines += _table(sub, items.get("required", ()))
    lines += ["", "## `collectors`", "", str(top["collectors"]["description"]), ""]
    lines += [
        "Every platform also takes the time bounds below; exceeding either leaves the platform partial "
        "(exit 3), never hanging.",
        "",
    ]
    lines += _table(COLLECTOR_TIME_SETTINGS)
    for platform in COLLECTOR_PLATFORMS:
        spec = COLLECTOR_SETTINGS[platform]
        lines += ["", f"### `collectors.{platform}`", "", str(spec["description"]), ""]
        lines += _table(spec["properties"])
    lines += [
        "",
        "## Rule parameters",
        "",
        "Override under `rules: RULE: params:` (by rule id or name); each value must match the type and "
        "range below. `botaudit rules show RULE` prints the rule itself.",
    ]
    for rule in rules:
        if not rule.params:
            continue
        lines += ["", f"### {rule.id} `{rule.name}`", "", rule.title, ""]
        lines += ["| parameter | type | default | meaning |", "|---|---|---|---|"]
        for name, default in rule.params.items():
            spec = rule.param_schema.get(name) or {}
            lines.append(
                f"| `{name}` | {_cell(type_words(spec))} | `{_cell(_scalar(default))}` | "
                f"{_cell(spec.get('description', ''))} |"
            )
    return "\n".join(lines).rstrip() + "\n"
