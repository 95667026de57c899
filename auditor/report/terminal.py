"""The terminal report: summary, agent inventory, reach gaps, findings by file, coverage (the only rich user
besides cli.py).

Values from scanned files never go through rich markup (markup is off; every cell is a `Text`) and have their
control characters replaced, so a file name cannot inject styles or terminal escape sequences.

A report without colour and without tables (no agents, no reach gaps: a pre-commit hook's usual output) whose
text is all single-width characters is written without rich (`_PlainText`, `_wrap`): the same text, wrapped
the way rich wraps it, without importing rich's ~45 modules (~40 ms of such a scan's start-up). Anything
else goes through rich; tests compare both paths.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from io import StringIO
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

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
    from rich.console import Console

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


class _PlainText:
    """The part of rich's `Text` the report's sections use, keeping only the characters (no styles)."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = text

    def append(self, text: str, style: str | None = None) -> _PlainText:
        self.plain += text
        return self

    def append_text(self, text: _PlainText) -> _PlainText:
        self.plain += text.plain
        return self

    @classmethod
    def assemble(cls, *parts: str | _PlainText) -> _PlainText:
        return cls("".join(p if isinstance(p, str) else p.plain for p in parts))


# The sections below are built with either class: `kind` is rich's `Text` or `_PlainText`.
TextKind = Any


def _rich_text() -> TextKind:
    from rich.text import Text

    return Text


def _text(value: object, style: str = "", kind: TextKind = None) -> Any:
    return (kind or _rich_text())(one_line(value), style=style)


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
    from rich import box
    from rich.table import Table
    from rich.text import Text

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


def _severity(sev: Severity, kind: TextKind) -> Any:
    return kind(f" {sev.value.upper():<8} ", style=SEVERITY_STYLE[sev])


def _summary(result: ScanResult, kind: TextKind) -> Any:
    counts = summary_counts(result)
    line = kind("Findings: ", style="bold")
    for sev in SEVERITY_ORDER:
        line.append_text(_severity(sev, kind))
        line.append(f" {counts['findings_by_severity'][sev.value]}   ")
    detail = kind(
        f"{counts['gating']} gating · {counts['suppressed']} suppressed · {counts['baselined']} in baseline\n"
        f"{counts['agents']} agents · {counts['credentials']} inline credentials · {counts['references']} "
        f"secret references · {counts['identities']} platform identities · {counts['files_scanned']} files "
        f"scanned · {counts['skipped']} not examined"
    )
    return kind.assemble(line, "\n", detail)


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


def _findings(result: ScanResult, kind: TextKind) -> list[Any]:
    # Two secrets on one line (`TOKEN=ghs_…\nAWS_…=AKIA…` in one string) are told apart by their kind, which a
    # finding about a secret names: a finding gets a preview only when one secret at its place fits, never
    # another secret's.
    previews: dict[tuple[str, int | None, str | None], list[tuple[str, str]]] = defaultdict(list)
    for s in all_secrets(result):
        previews[(s.location.path, s.location.line, s.location.key)].append((s.kind, s.redacted))
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted_findings(result.findings):
        groups[_group(finding)].append(finding)
    # Groups ordered by their worst finding, then name.
    ordered = sorted(groups.items(), key=lambda kv: (-max(f.severity.rank for f in kv[1]), kv[0]))
    out: list[Any] = [kind("Findings", style="bold underline")]
    if not ordered:
        out.append(kind("No findings."))
    for group, findings in ordered:
        out.append(kind.assemble("\n", _text(group, "bold", kind)))
        for f in findings:
            head = kind("  ")
            head.append_text(_severity(f.severity, kind))
            head.append(f" {one_line(f.rule_id)} ", style="bold")
            head.append_text(_text(f.title, "", kind))
            if f.suppressed and f.suppression is not None:
                head.append_text(_text(f"  [suppressed: {f.suppression.reason}]", "dim", kind))
            elif f.suppression is not None and f.suppression.expired:
                expired = f"  [suppression expired {f.suppression.expires}]"
                head.append_text(_text(expired, "bold yellow", kind))
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
                here = previews.get((f.location.path, f.location.line, f.location.key), [])
                fitting = {shown for kind, shown in here if kind == f.kind} or {shown for _, shown in here}
                preview = next(iter(fitting)) if len(fitting) == 1 else None
                if preview:
                    where.append(f"value {preview}")
            if f.agent:
                where.append(f"agent {f.agent}")
            if where:
                details.append(" · ".join(where))
            for detail in details:
                out.append(kind.assemble("      ", _text(detail, "dim" if f.suppressed else "", kind)))
    return out


def _coverage(result: ScanResult, kind: TextKind) -> list[Any]:
    cov = result.coverage
    out: list[Any] = [kind("Coverage", style="bold underline")]
    status = "complete" if cov.complete else "incomplete"
    out.append(
        kind(
            f"{cov.files_scanned} files scanned ({cov.bytes_scanned} bytes); coverage {status}",
            style="green" if cov.complete else "yellow",
        )
    )
    missing = sorted(set(cov.platforms_requested) - set(cov.platforms_collected))
    if missing:
        out.append(_text("platforms requested but not collected: " + ", ".join(missing), "bold red", kind))
    by_category: dict[str, list[str]] = defaultdict(list)
    for skip in sorted(cov.skipped, key=Skipped.sort_key):
        by_category[skip.category].append(f"{skip.source}: {skip.reason}")
    by_design = {s.category for s in cov.skipped if s.by_design}
    for category, reasons in sorted(by_category.items(), key=lambda kv: (kv[0] in by_design, kv[0])):
        if category in by_design:
            out.append(_text(f"  skipped by design, {category}: {len(reasons)}", "dim", kind))
        else:
            out.append(_text(f"  not examined, {category}: {len(reasons)}", "yellow", kind))
        for reason in reasons[:REASONS_PER_CATEGORY]:
            out.append(_text(f"    {reason}", "", kind))
        if len(reasons) > REASONS_PER_CATEGORY:
            out.append(_text(f"    … and {len(reasons) - REASONS_PER_CATEGORY} more", "", kind))
    if cov.not_evaluated:
        out.append(_text(f"  rules not evaluated: {len(cov.not_evaluated)}", "yellow", kind))
        for item in cov.not_evaluated[:REASONS_PER_CATEGORY]:
            out.append(_text(f"    {item.rule_id} on {item.subject}: {item.reason}", "", kind))
        if len(cov.not_evaluated) > REASONS_PER_CATEGORY:
            out.append(_text(f"    … and {len(cov.not_evaluated) - REASONS_PER_CATEGORY} more", "", kind))
    return out


def _export(console: Console) -> str:
    file = console.file
    assert isinstance(file, StringIO)  # we built it
    return file.getvalue()


def render(result: ScanResult, *, rules: Sequence[Rule], options: ReportOptions) -> str:
    """The full terminal report as text (ANSI-styled unless `options.no_color`)."""
    if options.no_color and not result.agents and not result.gaps:
        plain = _render_plain(result, options.width)
        if plain is not None:
            return plain
    return _render_rich(result, options)


def _render_rich(result: ScanResult, options: ReportOptions) -> str:
    from rich.text import Text

    console = _console(options)
    for block in _blocks(result, options.width, Text):
        if block is None:
            console.print()
        else:
            console.print(block)
    return _export(console)


def _blocks(result: ScanResult, width: int, kind: TextKind) -> Iterator[Any]:
    """The report's parts in order, as `kind` text or rich tables; None is an empty line."""
    duration = (result.finished - result.started).total_seconds()
    yield _text(f"botaudit scan of {', '.join(result.targets) or '.'} ({duration:.1f} s)", "bold", kind)
    yield _summary(result, kind)
    yield None
    yield inventory_table(result, width) if result.agents else kind("Agent inventory: no agents found.")
    if result.gaps:
        yield _gaps_table(result, width)
    yield from _findings(result, kind)
    yield None
    yield from _coverage(result, kind)


# What the plain path writes: characters one terminal cell wide, of which only the space is whitespace (rich
# measures cells and splits words on any whitespace; for these both are plain `len` and `" "`).
_PLAIN_CHARS = frozenset(map(chr, range(0x20, 0x7F))) | {"·", "…", "\n"}
_WORD = re.compile(r"\s*\S+\s*")


def _render_plain(result: ScanResult, width: int) -> str | None:
    """The report as rich would print it without colour, or None when it holds anything but plain text."""
    lines: list[str] = []
    for block in _blocks(result, width, _PlainText):
        text = "" if block is None else block.plain
        if not _PLAIN_CHARS.issuperset(text):
            return None
        for line in text.split("\n"):
            lines.extend(_wrap(line, width))
    return "".join(line + "\n" for line in lines)


def _wrap(line: str, width: int) -> list[str]:
    """One line of plain text cut as rich cuts a `Text` (rich/_wrap.py `divide_line`, then `Text.wrap`'s
    `rstrip_end` and `truncate` with overflow "fold"): words move to the next line whole; a word wider than
    the line is folded; whitespace past the width is dropped."""
    breaks: list[int] = []
    offset = 0
    # A line of whitespace alone holds no word (and `\s*\S+` would rescan it from every offset).
    for match in _WORD.finditer(line) if not line.isspace() else ():
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for n, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if n == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    out = []
    for begin, end in zip([0, *breaks], [*breaks, len(line)], strict=True):
        piece = line[begin:end]
        if len(piece) > width:
            trailing = len(piece) - len(piece.rstrip())
            piece = piece[: len(piece) - min(trailing, len(piece) - width)]
        out.append(piece[:width])
    return out


def render_inventory(result: ScanResult, *, options: ReportOptions) -> str:
    """Only the agent inventory table (`botaudit inventory`)."""
    from rich.text import Text

    console = _console(options)
    console.print(inventory_table(result, options.width) if result.agents else Text("No agents found."))
    if result.agents:
        console.print(_evidence_table(result))
    return _export(console)


def _evidence_table(result: ScanResult) -> Table:
    """Why each agent is single- or multi-user and why each connection has its auth model."""
    from rich import box
    from rich.table import Table

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
