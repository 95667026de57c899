"""The terminal report: summary, agent inventory, reach gaps, findings by file, coverage (the only rich user
besides cli.py).

Values from scanned files never go through rich markup (markup is off; every cell is a `Text`) and have their
control characters replaced, so a file name cannot inject styles or terminal escape sequences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from io import StringIO

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from auditor.engine.interface import Rule
from auditor.model import Agent, Connection, Finding, ScanResult, Severity, Skipped
from auditor.report.common import (
    SEVERITY_ORDER,
    ReportOptions,
    all_secrets,
    gap_extra_text,
    gap_worst_text,
    one_line,
    ranked_extra,
    safe_hint,
    sorted_findings,
    sorted_gaps,
    summary_counts,
)

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
# How many skip reasons per category the coverage section lists before summarising.
REASONS_PER_CATEGORY = 3
TOP_EXAMPLES = 3


def _console(options: ReportOptions) -> Console:
    return Console(
        file=StringIO(),
        width=options.width,
        force_terminal=not options.no_color,
        color_system=None if options.no_color else "standard",
        no_color=options.no_color,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def _text(value: object, style: str = "") -> Text:
    return Text(one_line(value), style=style)


# Identifiers (agent names, identities, ARNs, auth models) are never broken mid-word (issue 9: a table at
# 120 columns showed `service_account_ro / le`). Each cell keeps its lines; when a table is wider than the
# terminal, only the long free-form columns give way, shortened in the middle (where an ARN or a path has
# its least telling part) with an ellipsis. The JSON and HTML reports keep every value in full.
ELLIPSIS = "…"


def shorten(value: object, limit: int) -> str:
    """`value` on one line, at most `limit` characters, with a middle ellipsis when it is longer."""
    text = one_line(value)
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    head = (limit - 1) // 2
    tail = limit - 1 - head
    return text[:head] + ELLIPSIS + text[len(text) - tail :]


@dataclass(frozen=True)
class _Cell:
    lines: tuple[str, ...]
    style: str = ""


def _cell(value: object, style: str = "") -> _Cell:
    return _Cell((one_line(value),), style)


def _fit(
    title: str, headers: Sequence[tuple[str, int | None]], rows: Sequence[Sequence[_Cell]], width: int
) -> Table:
    """A table no wider than `width` whose cells never wrap: `headers` are (name, the narrowest the column
    may shrink to, or None for a column that keeps its width)."""
    natural = [
        max([len(name), *(len(line) for row in rows for line in row[i].lines)])
        for i, (name, _) in enumerate(headers)
    ]
    # SIMPLE_HEAVY with padding (0, 1): one space per column edge plus the padding on both sides.
    fixed = sum(w for w, (_, floor) in zip(natural, headers, strict=True) if floor is None)
    budget = width - (3 * len(headers) + 1) - fixed
    floors = {i: min(natural[i], floor) for i, (_, floor) in enumerate(headers) if floor is not None}
    widths = list(natural)
    if sum(natural[i] for i in floors) > budget:
        # Each column first gets its floor; what is left goes in fair shares, a column narrower than its
        # share keeping its natural width and leaving the rest to the others.
        left = max(0, budget - sum(floors.values()))
        order = sorted(floors, key=lambda i: natural[i] - floors[i])
        for n, i in enumerate(order):
            extra = min(natural[i] - floors[i], left // (len(order) - n))
            widths[i] = floors[i] + extra
            left -= extra
    table = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left", expand=False)
    for (name, _), w in zip(headers, widths, strict=True):
        table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=w, max_width=w)
    for row in rows:
        table.add_row(
            *(
                Text("\n".join(shorten(line, w) for line in cell.lines), style=cell.style)
                for cell, w in zip(row, widths, strict=True)
            )
        )
    return table


def _severity(sev: Severity) -> Text:
    return Text(f" {sev.value.upper():<8} ", style=SEVERITY_STYLE[sev])


def _summary(result: ScanResult) -> RenderableType:
    counts = summary_counts(result)
    line = Text("Findings: ", style="bold")
    for sev in SEVERITY_ORDER:
        line.append_text(_severity(sev))
        line.append(f" {counts['findings_by_severity'][sev.value]}   ")
    detail = Text(
        f"{counts['gating']} gating · {counts['suppressed']} suppressed · {counts['baselined']} in baseline\n"
        f"{counts['agents']} agents · {counts['credentials']} inline credentials · {counts['references']} "
        f"secret references · {counts['identities']} platform identities · {counts['files_scanned']} files "
        f"scanned · {counts['skipped']} not examined"
    )
    return Text.assemble(line, "\n", detail)


# (header, narrowest width when the terminal is too narrow; None: never shortened).
INVENTORY_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Agent", 20),
    ("Kind", None),
    ("Platform", None),
    ("Auth model", None),  # every auth model name fits, whole
    ("Identity", 12),
    ("Creds/Refs", None),
    ("Pattern", None),
)


def inventory_table(result: ScanResult, width: int = 120) -> Table:
    """Agents × connections: how each agent authenticates, as which identity; good patterns marked."""
    rows: list[list[_Cell]] = []
    for agent in sorted(result.agents, key=Agent.sort_key):
        counts = _cell(f"{len(agent.secrets)}/{len(agent.references)}")
        name = _Cell(
            (one_line(agent.name), "(multi-user)") if agent.multi_user else (one_line(agent.name),), "bold"
        )
        if not agent.connections:
            rows.append([name, _cell(agent.kind), _cell("-"), _cell("-"), _cell("-"), counts, _cell("")])
        for conn in sorted(agent.connections, key=Connection.sort_key):
            good = conn.auth_model.is_per_user_or_jit
            marker = _cell("✓ good pattern", "green") if good else _cell("")
            if not good and agent.secrets and conn.credential_fingerprints:
                marker = _cell("static secret", "red")
            rows.append(
                [
                    name,
                    _cell(agent.kind),
                    _cell(conn.platform.value),
                    _cell(conn.auth_model.value, "green" if good else ""),
                    _cell(safe_hint(conn.identity_hint) or "-"),
                    counts,
                    marker,
                ]
            )
    return _fit("Agent inventory", INVENTORY_COLUMNS, rows, width)


GAP_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Agent", 20),
    ("Platform", None),
    ("Identity", 12),
    ("Baseline", 10),
    ("Extra", None),
    ("Worst", None),
    ("Top examples", 16),
)


def _gaps_table(result: ScanResult, width: int) -> Table:
    rows: list[list[_Cell]] = []
    for gap in sorted_gaps(result.gaps):
        level = gap.worst_level.value if gap.worst_level else ""
        style = "bold red" if gap.escalation or level == "admin" else ("yellow" if level == "write" else "")
        examples = tuple(one_line(c.label) for c in ranked_extra(gap, TOP_EXAMPLES)) or ("-",)
        rows.append(
            [
                _cell(gap.agent),
                _cell(gap.platform.value),
                _cell(gap.identity),
                _cell(gap.baseline),
                _cell(gap_extra_text(gap)),
                _cell(gap_worst_text(gap), style),
                _Cell(examples),
            ]
        )
    return _fit("Reach gaps (vs the baseline junior user)", GAP_COLUMNS, rows, width)


def _group(finding: Finding) -> str:
    if finding.location is not None:
        return finding.location.path
    if finding.identity:
        return f"identity {finding.identity}"
    return "(no location)"


def _findings(result: ScanResult) -> list[RenderableType]:
    previews = {(s.location.path, s.location.line, s.location.key): s.redacted for s in all_secrets(result)}
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted_findings(result.findings):
        groups[_group(finding)].append(finding)
    # Groups ordered by their worst finding, then name.
    ordered = sorted(groups.items(), key=lambda kv: (-max(f.severity.rank for f in kv[1]), kv[0]))
    out: list[RenderableType] = [Text("Findings", style="bold underline")]
    if not ordered:
        out.append(Text("No findings."))
    for group, findings in ordered:
        out.append(Text.assemble("\n", _text(group, "bold")))
        for f in findings:
            head = Text("  ")
            head.append_text(_severity(f.severity))
            head.append(f" {one_line(f.rule_id)} ", style="bold")
            head.append_text(_text(f.title))
            if f.suppressed and f.suppression is not None:
                head.append_text(_text(f"  [suppressed: {f.suppression.reason}]", "dim"))
            elif f.suppression is not None and f.suppression.expired:
                head.append_text(_text(f"  [suppression expired {f.suppression.expires}]", "bold yellow"))
            elif f.baseline:
                head.append(" [baseline]", style="dim")
            out.append(head)
            details = [f.message]
            where = []
            if f.location is not None:
                if f.location.line:
                    where.append(f"line {f.location.line}")
                if f.location.key:
                    where.append(f"key {f.location.key}")
                preview = previews.get((f.location.path, f.location.line, f.location.key))
                if preview:
                    where.append(f"value {preview}")
            if f.agent:
                where.append(f"agent {f.agent}")
            if where:
                details.append(" · ".join(where))
            for detail in details:
                out.append(Text.assemble("      ", _text(detail, "dim" if f.suppressed else "")))
    return out


def _coverage(result: ScanResult) -> list[RenderableType]:
    cov = result.coverage
    out: list[RenderableType] = [Text("Coverage", style="bold underline")]
    status = "complete" if cov.complete else "incomplete"
    out.append(
        Text(
            f"{cov.files_scanned} files scanned ({cov.bytes_scanned} bytes); coverage {status}",
            style="green" if cov.complete else "yellow",
        )
    )
    missing = sorted(set(cov.platforms_requested) - set(cov.platforms_collected))
    if missing:
        out.append(_text("platforms requested but not collected: " + ", ".join(missing), "bold red"))
    by_category: dict[str, list[str]] = defaultdict(list)
    for skip in sorted(cov.skipped, key=Skipped.sort_key):
        by_category[skip.category].append(f"{skip.source}: {skip.reason}")
    by_design = {s.category for s in cov.skipped if s.by_design}
    for category, reasons in sorted(by_category.items(), key=lambda kv: (kv[0] in by_design, kv[0])):
        if category in by_design:
            out.append(_text(f"  skipped by design, {category}: {len(reasons)}", "dim"))
        else:
            out.append(_text(f"  not examined, {category}: {len(reasons)}", "yellow"))
        for reason in reasons[:REASONS_PER_CATEGORY]:
            out.append(_text(f"    {reason}"))
        if len(reasons) > REASONS_PER_CATEGORY:
            out.append(_text(f"    … and {len(reasons) - REASONS_PER_CATEGORY} more"))
    if cov.not_evaluated:
        out.append(_text(f"  rules not evaluated: {len(cov.not_evaluated)}", "yellow"))
        for item in cov.not_evaluated[:REASONS_PER_CATEGORY]:
            out.append(_text(f"    {item.rule_id} on {item.subject}: {item.reason}"))
        if len(cov.not_evaluated) > REASONS_PER_CATEGORY:
            out.append(_text(f"    … and {len(cov.not_evaluated) - REASONS_PER_CATEGORY} more"))
    return out


def _export(console: Console) -> str:
    file = console.file
    assert isinstance(file, StringIO)  # we built it
    return file.getvalue()


def render(result: ScanResult, *, rules: Sequence[Rule], options: ReportOptions) -> str:
    """The full terminal report as text (ANSI-styled unless `options.no_color`)."""
    console = _console(options)
    duration = (result.finished - result.started).total_seconds()
    console.print(_text(f"botaudit scan of {', '.join(result.targets) or '.'} ({duration:.1f} s)", "bold"))
    console.print(_summary(result))
    console.print()
    console.print(
        inventory_table(result, options.width) if result.agents else Text("Agent inventory: no agents found.")
    )
    if result.gaps:
        console.print(_gaps_table(result, options.width))
    for renderable in _findings(result):
        console.print(renderable)
    console.print()
    for renderable in _coverage(result):
        console.print(renderable)
    return _export(console)


def render_inventory(result: ScanResult, *, options: ReportOptions) -> str:
    """Only the agent inventory table (`botaudit inventory`)."""
    console = _console(options)
    console.print(inventory_table(result, options.width) if result.agents else Text("No agents found."))
    if result.agents:
        console.print(_evidence_table(result))
    return _export(console)


def _evidence_table(result: ScanResult) -> Table:
    """Why each agent is single- or multi-user and why each connection has its auth model."""
    table = Table(title="Evidence", box=box.SIMPLE_HEAVY, title_justify="left", expand=False)
    for column in ("Agent", "Decision", "Because"):
        table.add_column(column, overflow="fold")
    for agent in sorted(result.agents, key=Agent.sort_key):
        audience = "multi-user" if agent.multi_user else "single-user"
        table.add_row(_text(agent.name, "bold"), _text(audience), _text(agent.multi_user_reason or "-"))
        for conn in sorted(agent.connections, key=Connection.sort_key):
            decision = f"{conn.platform.value}: {conn.auth_model.value}"
            table.add_row(_text(""), _text(decision), _text(conn.reason or "-"))
    return table
