"""botaudit.yaml: the project's agents, baselines, rule overrides, suppressions and collector settings.

`schema` holds the one schema, `load` reads and validates a file against it, `template` generates the
`botaudit init` template and docs/configuration.md from it, `pointers` finds secrets pasted where a pointer
belongs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from auditor.config.load import (
    CONFIG_FILENAMES,
    DEFAULT_MAX_FILE_SIZE,
    MAX_CONFIG_DEPTH,
    AgentDecl,
    Config,
    RuleOverride,
    SuppressionEntry,
    find_config,
    load_config,
    parse_config,
    parse_size,
    validate_rule_refs,
)
from auditor.config.pointers import PastedSecret
from auditor.config.schema import (
    COLLECTOR_PLATFORMS,
    COLLECTOR_SETTINGS,
    COLLECTOR_TIME_SETTINGS,
    CONFIG_SCHEMA,
    ENVIRONMENTS,
)

if TYPE_CHECKING:
    from auditor.config.template import configuration_markdown, init_template

    INIT_TEMPLATE: str

# Generated on first use (PEP 562): building the `botaudit init` template walks the whole schema and loads
# the YAML emitter, which every scan paid for at import although only `botaudit init` and docs need it.
_TEMPLATE_NAMES = frozenset({"INIT_TEMPLATE", "configuration_markdown", "init_template"})


def __getattr__(name: str) -> Any:
    if name not in _TEMPLATE_NAMES:
        raise AttributeError(f"module 'auditor.config' has no attribute {name!r}")
    from auditor.config import template

    value: Any = template.init_template() if name == "INIT_TEMPLATE" else getattr(template, name)
    globals()[name] = value
    return value


__all__ = [
    "COLLECTOR_PLATFORMS",
    "COLLECTOR_SETTINGS",
    "COLLECTOR_TIME_SETTINGS",
    "CONFIG_FILENAMES",
    "CONFIG_SCHEMA",
    "DEFAULT_MAX_FILE_SIZE",
    "ENVIRONMENTS",
    "INIT_TEMPLATE",
    "MAX_CONFIG_DEPTH",
    "AgentDecl",
    "Config",
    "PastedSecret",
    "RuleOverride",
    "SuppressionEntry",
    "configuration_markdown",
    "find_config",
    "init_template",
    "load_config",
    "parse_config",
    "parse_size",
    "validate_rule_refs",
]
