"""`botaudit diff` output: the terminal, Markdown for PR comments, and JSON.

Every value shown comes from a report file, which may have been written by anyone: terminal cells are
rich `Text` on one line (no markup, no control characters), Markdown goes through the Markdown reporter's
escape, and the Markdown stays under GitHub's comment size limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from auditor import __version__
from auditor.diff import DiffItem, DiffSource, ReportDiff
from auditor.model import Severity
from auditor.report.common import ReportOptions
from auditor.report.markdown import MAX_CHARS, escape
from auditor.report.terminal import SEVERITY_STYLE, _Cell, _cell, _console, _export, _fit
from auditor.safetext import json_dumps, one_line

# The diff document's own version (auditor/schemas/diff.schema.json).
SCHEMA_VERSION = "1.0"
# Markdown lists at most this many findings per section; the rest are counted.
MARKDOWN_ROWS = 50
TRUNCATED = "\n\n_Diff truncated to fit the comment size limit; run `botaudit diff --format json`._\n"

_TITLES = {
    "added": "New findings",
    "fixed": "Fixed findings",
    "not_reexamined": "Not re-examined (the new scan did not look there: not counted as fixed)",
    "unchanged": "Unchanged findings",
}


def _severity_name(item: DiffItem) -> str:
    return item.severity.value if item.severity is not None else "unknown"


def _status(item: DiffItem) -> str:
    notes = []
    if item.suppressed:
        notes.append("suppressed")
    if item.baselined:
        notes.append("in baseline")
    if item.previous_severity is not None:
        notes.append(f"was {item.previous_severity.value}")
    if item.count > 1:
        notes.append(f"×{item.count}")
    return ", ".join(notes)


def _headline(diff: ReportDiff, fail_on: Severity | None) -> str:
    counts = diff.counts()
    text = f"{counts['new']} new · {counts['fixed']} fixed · {counts['unchanged']} unchanged" + (
        f" · {counts['not_reexamined']} not re-examined" if diff.not_reexamined else ""
    )
    if fail_on is not None:
        gating = len(diff.gating(fail_on))
        text += f" · {gating} new at or above {fail_on.value} (gating)"
    return text


def _sections(diff: ReportDiff, show_unchanged: bool) -> list[tuple[str, tuple[DiffItem, ...]]]:
    out = [("added", diff.added), ("fixed", diff.fixed), ("not_reexamined", diff.not_reexamined)]
    if show_unchanged:
        out.append(("unchanged", diff.unchanged))
    return [(name, items) for name, items in out if items]


def _source_label(source: DiffSource) -> str:
    version = f", botaudit {source.tool_version}" if source.tool_version else ""
    return f"{source.path} ({source.kind.value}{version})"


def render_terminal(
    diff: ReportDiff, *, options: ReportOptions, fail_on: Severity | None = None, show_unchanged: bool = False
) -> str:
    """The diff as terminal text: a headline, then a table per non-empty section (ANSI unless no_color)."""
    console = _console(options)
    console.print(
        Text(
            f"botaudit diff: {one_line(_source_label(diff.old))} -> {one_line(_source_label(diff.new))}",
            style="bold",
        )  # fmt: skip
    )
    console.print(Text(_headline(diff, fail_on)))
    for warning in diff.warnings:
        console.print(Text.assemble(("warning: ", "yellow"), one_line(warning)))
    headers = (("Severity", None), ("Rule", None), ("Where", 24), ("Title", 20), ("Note", None))
    for name, items in _sections(diff, show_unchanged):
        rows: list[Sequence[_Cell]] = [
            (
                _cell(_severity_name(i), SEVERITY_STYLE[i.severity] if i.severity else "bold"),
                _cell(i.rule_id),
                _cell(i.where or "-"),
                _cell(i.title or "-"),
                _cell(_status(i)),
            )
            for i in items
        ]
        console.print()
        console.print(_fit(f"{_TITLES[name]} ({len(items)})", headers, rows, options.width))
    if not show_unchanged and diff.unchanged:
        console.print(Text(f"{len(diff.unchanged)} unchanged findings not listed (--show-unchanged).", "dim"))
    return _export(console)


def _md_rows(items: Sequence[DiffItem]) -> list[str]:
    lines = ["| Severity | Rule | Where | Title | Note |", "|---|---|---|---|---|"]
    for i in items[:MARKDOWN_ROWS]:
        lines.append(
            f"| {_severity_name(i)} | {escape(i.rule_id)} | {escape(i.where or '-')} | "
            f"{escape(i.title or '-')} | {escape(_status(i))} |"
        )
    if len(items) > MARKDOWN_ROWS:
        lines += ["", f"… and {len(items) - MARKDOWN_ROWS} more."]
    return lines


def render_markdown(
    diff: ReportDiff, *, fail_on: Severity | None = None, show_unchanged: bool = False
) -> str:
    """The diff as Markdown for a PR comment, at most MAX_CHARS characters; unchanged ones folded away."""
    out = [
        "## botaudit: changes in findings",
        "",
        f"**{escape(_headline(diff, fail_on))}**",
        "",
        f"Old: {escape(_source_label(diff.old))}  ",
        f"New: {escape(_source_label(diff.new))}",
    ]
    for warning in diff.warnings:
        out += ["", f"> :warning: {escape(warning)}"]
    for name, items in _sections(diff, show_unchanged=False):
        out += ["", f"### {_TITLES[name]} ({len(items)})", "", *_md_rows(items)]
    if not diff.added and not diff.fixed and not diff.not_reexamined:
        out += ["", "No finding appeared or disappeared."]
    if diff.unchanged and show_unchanged:
        out += [
            "",
            f"<details><summary>{_TITLES['unchanged']} ({len(diff.unchanged)})</summary>",
            "",
            *_md_rows(diff.unchanged),
            "",
            "</details>",
        ]
    text = "\n".join(out) + "\n"
    if len(text) <= MAX_CHARS:
        return text
    budget = MAX_CHARS - len(TRUNCATED)
    cut = text.rfind("\n", 0, budget)
    return text[: cut if cut > 0 else budget] + TRUNCATED


def _item(i: DiffItem) -> dict[str, Any]:
    return {
        "rule_id": i.rule_id,
        "fingerprint": i.fingerprint,
        "severity": i.severity.value if i.severity is not None else None,
        "previous_severity": i.previous_severity.value if i.previous_severity is not None else None,
        "title": i.title,
        "path": i.path,
        "line": i.line,
        "identity": i.identity,
        "platform": i.platform,
        "agent": i.agent,
        "suppressed": i.suppressed,
        "baseline": i.baselined,
        "count": i.count,
    }


def _source(s: DiffSource) -> dict[str, Any]:
    return {
        "path": s.path,
        "kind": s.kind.value,
        "tool_version": s.tool_version,
        "finished": s.finished,
        "complete": s.complete,
        "findings": len(s.items),
    }


def document(diff: ReportDiff, *, fail_on: Severity | None = None) -> dict[str, Any]:
    """The diff as JSON data (auditor/schemas/diff.schema.json)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "botaudit", "version": __version__},
        "old": _source(diff.old),
        "new": _source(diff.new),
        "summary": {
            **diff.counts(),
            "fail_on": fail_on.value if fail_on is not None else None,
            "gating": len(diff.gating(fail_on)),
        },
        "warnings": list(diff.warnings),
        "findings": {
            "new": [_item(i) for i in diff.added],
            "fixed": [_item(i) for i in diff.fixed],
            "unchanged": [_item(i) for i in diff.unchanged],
            "not_reexamined": [_item(i) for i in diff.not_reexamined],
        },
    }


def render_json(diff: ReportDiff, *, fail_on: Severity | None = None) -> str:
    return json_dumps(document(diff, fail_on=fail_on)) + "\n"
