"""Reporters: one render function per output format, in an explicit table the CLI maps its choices through."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from types import MappingProxyType

from auditor.engine.interface import Rule
from auditor.model import ScanResult
from auditor.report.common import ReportOptions, options_for
from auditor.safetext import json_dumps


class FormatChoice(str, Enum):  # noqa: UP042 (str mixin: typer choices and plain comparisons)
    """The values of `--format` (and the FORMAT of `--report FORMAT:PATH`)."""

    TABLE = "table"
    JSON = "json"
    SARIF = "sarif"
    HTML = "html"
    MARKDOWN = "markdown"


RenderFn = Callable[..., str]

# Explicit, exhaustive (a test checks every FormatChoice has an entry); nothing registers itself. Each
# reporter module is imported only when its format is rendered: the HTML one brings in jinja2, which a
# pre-commit scan printing a table should not pay for.
REPORTERS: Mapping[FormatChoice, str] = MappingProxyType(
    {
        FormatChoice.TABLE: "auditor.report.terminal",
        FormatChoice.JSON: "auditor.report.json",
        FormatChoice.SARIF: "auditor.report.sarif",
        FormatChoice.HTML: "auditor.report.html",
        FormatChoice.MARKDOWN: "auditor.report.markdown",
    }
)


def reporter(choice: FormatChoice | str) -> RenderFn:
    """The render function of one format (its module imported on first use)."""
    fn: RenderFn = importlib.import_module(REPORTERS[FormatChoice(choice)]).render
    return fn


def render(
    choice: FormatChoice | str,
    result: ScanResult,
    *,
    rules: Sequence[Rule] | None = None,
    options: ReportOptions | None = None,
    color: bool | None = None,
) -> str:
    """Render `result` in the chosen format.

    `rules` defaults to the rules the scan ran (`result.rules`); `options` default to what the run implies
    (baseline used, config path), with colour only when `color` is true.
    """
    fmt = FormatChoice(choice)
    if options is None:
        options = options_for(result, color=bool(color))
    chosen_rules = (
        tuple(rules) if rules is not None else tuple(r for r in result.rules if isinstance(r, Rule))
    )
    return reporter(fmt)(result, rules=chosen_rules, options=options)


def render_inventory(
    result: ScanResult, *, as_json: bool = False, color: bool = False, options: ReportOptions | None = None
) -> str:
    """Only the agent inventory (`botaudit inventory`): the terminal table, or its JSON."""
    if as_json:
        from auditor.report.json import inventory_document

        return json_dumps(inventory_document(result)) + "\n"
    from auditor.report.terminal import render_inventory as terminal_inventory

    return terminal_inventory(result, options=options or options_for(result, color=color))


__all__ = [
    "REPORTERS",
    "FormatChoice",
    "RenderFn",
    "ReportOptions",
    "options_for",
    "render",
    "reporter",
    "render_inventory",
]
