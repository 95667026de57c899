"""The typer command tree of `botaudit`: every command, its options and help text.

auditor/cli.py is the entry point: it runs the common case (`botaudit scan` with plain options, `--version`)
without importing typer and click, and hands everything else (help, errors, the other commands) to this
app. The commands only parse options; the work is in auditor/cli.py's helpers and the library.
"""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from auditor import __version__
from auditor.cli import (
    FailOnChoice,
    _clock,
    _die,
    _platforms,
    _progress,
    _run_scan,
    _write_stdout,
    fail_on_severity,
    run_scan_command,
    stderr,
)
from auditor.errors import BotauditError, CollectorError
from auditor.gate import ExitCode
from auditor.report import FormatChoice

__all__ = ["app"]

app = typer.Typer(
    name="botaudit",
    help="Credential-posture auditor for AI agents and bots.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List the rules, or show one rule's full text.", invoke_without_command=True)
baseline_app = typer.Typer(help="Record today's findings so CI gates only on new ones.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
app.add_typer(baseline_app, name="baseline")


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"botaudit {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_print_version,
            is_eager=True,
            help="Print botaudit's version and exit (as `botaudit version`).",
        ),
    ] = False,
) -> None:
    """Credential-posture auditor for AI agents and bots."""


PathsArg = Annotated[list[Path] | None, typer.Argument(help="Files and folders to scan (default: .)")]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="botaudit.yaml (default: found at the root)")
]
ConnectOpt = Annotated[
    str | None,
    typer.Option("--connect", help="Collect live, read-only: aws,vault,salesforce,entra,github,slack"),
]
SnapshotOpt = Annotated[list[Path] | None, typer.Option("--snapshot", help="Judge a saved platform snapshot")]
NowOpt = Annotated[str | None, typer.Option("--now", help="Judge ages as of this ISO date (audits, replays)")]
NoProgressOpt = Annotated[bool, typer.Option("--no-progress", help="No progress bars on stderr")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only the requested reports, no summary")]
# min=1: a zero or negative limit would skip every file (or mean "default") without a word.
MaxSizeOpt = Annotated[
    int | None, typer.Option("--max-file-size", min=1, help="Skip files larger than this (bytes)")
]
JobsOpt = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores)")
]
GitignoreOpt = Annotated[
    bool,
    typer.Option(
        "--respect-gitignore",
        help="Skip what .gitignore ignores, in files git does not track (.botauditignore always applies)",
    ),
]
FileBudgetOpt = Annotated[
    float | None,
    typer.Option(
        "--file-time-budget",
        min=0.1,
        help=(
            "CPU seconds one file may take to scan before it is reported as not examined (default 10);"
            " a file stalled six times as long on the clock is too"
        ),
    ),
]
CaOpt = Annotated[str | None, typer.Option("--ca-bundle", help="CA bundle for platform TLS (proxies, tests)")]
IntrospectFoundOpt = Annotated[
    bool,
    typer.Option(
        "--introspect-found",
        help="With --connect github/slack: also introspect the GitHub/Slack tokens found in the scanned "
        "files (each is sent to that platform's configured API, read-only)",
    ),
]
NoConfigSnapshotsOpt = Annotated[
    bool, typer.Option("--no-config-snapshots", help="Ignore the snapshots listed in botaudit.yaml")
]


@app.command()
def scan(
    paths: PathsArg = None,
    config: ConfigOpt = None,
    connect: ConnectOpt = None,
    snapshot: SnapshotOpt = None,
    fmt: Annotated[
        list[FormatChoice] | None,
        typer.Option("--format", "-f", help="table|json|sarif|html|markdown (repeatable)"),
    ] = None,
    output: Annotated[
        list[Path] | None,
        typer.Option("--output", "-o", help="Write the matching --format here (repeatable)"),
    ] = None,
    report: Annotated[
        list[str] | None,
        typer.Option("--report", help="FORMAT:PATH, repeatable: several reports from one run"),
    ] = None,
    fail_on: Annotated[
        FailOnChoice, typer.Option("--fail-on", help="Exit 1 on gating findings at or above this severity")
    ] = FailOnChoice.HIGH,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Known findings: gate only on new ones")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 3 when anything could not be examined")
    ] = False,
    now: NowOpt = None,
    no_progress: NoProgressOpt = False,
    quiet: QuietOpt = False,
    max_file_size: MaxSizeOpt = None,
    jobs: JobsOpt = None,
    ca_bundle: CaOpt = None,
    no_config_snapshots: NoConfigSnapshotsOpt = False,
    history: Annotated[
        bool,
        typer.Option(
            "--history",
            help="Also scan every commit reachable from any ref: secrets removed from the files stay there",
        ),
    ] = False,
    file_time_budget: FileBudgetOpt = None,
    respect_gitignore: GitignoreOpt = False,
    staged: Annotated[
        bool,
        typer.Option(
            "--staged",
            help="Scan the staged version of files (the git index: what the next commit holds); with PATHs, "
            "only those files, else every file the index changes",
        ),
    ] = False,
    introspect_found: IntrospectFoundOpt = False,
) -> None:
    """Inventory agent credentials, compare each agent's reach with a junior user, judge, report, gate."""
    raise typer.Exit(
        run_scan_command(
            paths,
            config=config,
            connect=connect,
            snapshot=snapshot,
            fmt=fmt,
            output=output,
            report=report,
            fail_on=fail_on,
            baseline=baseline,
            strict=strict,
            now=now,
            no_progress=no_progress,
            quiet=quiet,
            max_file_size=max_file_size,
            jobs=jobs,
            ca_bundle=ca_bundle,
            no_config_snapshots=no_config_snapshots,
            history=history,
            file_time_budget=file_time_budget,
            respect_gitignore=respect_gitignore,
            staged=staged,
            introspect_found=introspect_found,
        )
    )


@app.command()
def inventory(
    paths: PathsArg = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="The inventory as JSON")] = False,
    no_progress: NoProgressOpt = False,
) -> None:
    """Print only the agent inventory: agents, connections, auth models, credentials and references."""
    from auditor.report import render_inventory

    result = _run_scan(
        paths,
        config=config,
        connect=None,
        snapshot=None,
        baseline=None,
        now=None,
        no_progress=no_progress,
        quiet=False,
        max_file_size=None,
        jobs=None,
        ca_bundle=None,
        no_config_snapshots=False,
        # The table shows no fingerprint (a credential's only tells its connection apart, inside the run);
        # the JSON lists each credential's.
        fingerprints_shown=as_json,
    )
    color = "NO_COLOR" not in os.environ and sys.stdout.isatty()
    _write_stdout(render_inventory(result, as_json=as_json, color=color))


@app.command()
def collect(
    platform: Annotated[str, typer.Argument(help="aws | vault | salesforce | entra | github | slack")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the snapshot JSON")],
    config: ConfigOpt = None,
    paths: Annotated[
        list[Path] | None,
        typer.Option("--scan", help="Also scan these paths so referenced credentials are looked up"),
    ] = None,
    now: NowOpt = None,
    no_progress: NoProgressOpt = False,
    ca_bundle: CaOpt = None,
) -> None:
    """Collect one platform read-only into a snapshot file (no secret values), for offline judgement."""
    from auditor.config import load_config
    from auditor.engine.loader import load_rules
    from auditor.inventory import build_inventory, resolve_hints
    from auditor.scan import ScanOptions, collect_platform, scan_tree
    from auditor.snapshot import dump_snapshot

    chosen = _platforms(platform)
    if len(chosen) != 1:
        _die(
            "collect: name exactly one platform (aws, vault, salesforce, entra, github or slack); "
            "one snapshot file each"
        )
    (target,) = chosen
    sink = _progress(no_progress, False)
    try:
        cfg = load_config(config)
        # The whole file is validated, rule overrides included, whatever the command reads of it.
        load_rules(config=cfg)
        identifiers: list[str] = []
        if paths:
            files, _ = scan_tree(paths, cfg, options=ScanOptions(paths=tuple(paths)), progress=sink)
            identifiers = list(resolve_hints(build_inventory(files, cfg)).get(target, ()))
        snap = collect_platform(
            target, cfg, identifiers=identifiers, clock=_clock(now), progress=sink, ca_bundle=ca_bundle
        )
    except CollectorError as exc:
        _die(str(exc), ExitCode.INCOMPLETE)
    except BotauditError as exc:
        _die(str(exc))
    finally:
        sink.close()
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        dump_snapshot(snap, output)
    except OSError as exc:
        _die(f"cannot write {output}: {exc.strerror or exc}")
    stderr.print(
        f"wrote {target.value} snapshot to {output}: {len(snap.identities)} identities, "
        f"{len(snap.credentials)} credentials, {snap.requests} requests, {len(snap.coverage)} coverage gaps"
    )
    if snap.unread:
        parts = ", ".join(dict.fromkeys(u.part for u in snap.unread))
        stderr.print(f"warning: {target.value} only partly collected: {parts} not read")
    if snap.coverage or snap.unread:
        raise typer.Exit(int(ExitCode.INCOMPLETE))


@rules_app.callback()
def rules_list(ctx: typer.Context) -> None:
    """List every rule: id, severity, slug, title."""
    if ctx.invoked_subcommand is not None:
        return
    from auditor.engine.loader import load_rules

    try:
        rules = load_rules()
    except BotauditError as exc:
        _die(str(exc))
    from rich.console import Console
    from rich.table import Table

    # Wide enough for slugs even when piped (rich assumes 80 columns off a terminal).
    out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    table = Table(title=f"{len(rules)} rules", show_lines=False)
    for col in ("id", "severity", "name"):
        table.add_column(col, no_wrap=True)
    table.add_column("title")
    for rule in rules:
        table.add_row(rule.id, rule.severity.value, rule.name, rule.title)
    out.print(table)


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(help="A rule id (BA-101) or slug")]) -> None:
    """Print one rule's full documentation."""
    from auditor.engine.loader import find_rule, load_rules

    try:
        rules = load_rules()
    except BotauditError as exc:
        _die(str(exc))
    rule = find_rule(rules, rule_id.strip())
    if rule is None:
        _die(f"no rule {rule_id!r} (see `botaudit rules`)")
    lines = [
        f"{rule.id}  {rule.name}",
        rule.title,
        "",
        f"Severity:  {rule.severity.value}",
        f"Category:  {rule.category}",
    ]
    if rule.platform:
        lines.append(f"Platform:  {rule.platform}")
    lines += ["", "Why it matters", rule.rationale.strip(), "", "How to fix it", rule.remediation.strip()]
    if rule.params:
        lines += ["", "Parameters (override in botaudit.yaml under rules: " + rule.id + ": params:)"]
        lines += [f"  {k}: {v}" for k, v in rule.params.items()]
    if rule.references:
        lines += ["", "References"] + [f"  - {r}" for r in rule.references]
    if rule.compliance:
        lines += ["", "Compliance"] + [f"  {k}: {', '.join(v)}" for k, v in rule.compliance.items()]
    sys.stdout.write("\n".join(lines) + "\n")


def _baseline_command(
    paths: list[Path] | None, output: Path, config: Path | None, snapshot: list[Path] | None, update: bool
) -> None:
    from auditor import baseline as bl

    old = None
    if update and output.is_file():
        try:
            old = bl.load(output)
        except BotauditError as exc:
            _die(str(exc))
    if old is not None and old.needs_legacy_aliases:
        from auditor.redact import legacy_aliases

        # Entries written under secret fingerprint scheme 2 are found again by the findings' scheme-2
        # fingerprints, and rewritten with their current ones.
        legacy_aliases(True)
    result = _run_scan(
        paths,
        config=config,
        connect=None,
        snapshot=snapshot,
        baseline=None,
        now=None,
        no_progress=True,
        quiet=True,
        max_file_size=None,
        jobs=None,
        ca_bundle=None,
        no_config_snapshots=False,
    )
    try:
        new = bl.update(old, result) if old is not None else bl.create(result)
        output.write_text(bl.dump(new), encoding="utf-8")
    except BotauditError as exc:
        _die(str(exc))
    except OSError as exc:
        _die(f"cannot write {output}: {exc.strerror or exc}")
    stderr.print(f"wrote baseline with {len(new.entries)} findings to {output}")


BaselineOut = Annotated[Path, typer.Option("--output", "-o", help="Baseline file")]


@baseline_app.command("create")
def baseline_create(
    paths: PathsArg = None,
    output: BaselineOut = Path(".botaudit-baseline.json"),
    config: ConfigOpt = None,
    snapshot: SnapshotOpt = None,
) -> None:
    """Record the current findings' fingerprints (no secrets, no line numbers, sorted)."""
    _baseline_command(paths, output, config, snapshot, update=False)


@baseline_app.command("update")
def baseline_update(
    paths: PathsArg = None,
    output: BaselineOut = Path(".botaudit-baseline.json"),
    config: ConfigOpt = None,
    snapshot: SnapshotOpt = None,
) -> None:
    """Add new findings to the baseline and drop the ones that were fixed."""
    _baseline_command(paths, output, config, snapshot, update=True)


class DiffFormatChoice(str, enum.Enum):  # noqa: UP042 (str mixin: typer choices)
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier JSON report or baseline file", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later JSON report or baseline file", show_default=False)],
    fmt: Annotated[
        DiffFormatChoice,
        typer.Option("--format", "-f", help="table (terminal) | markdown (PR comment) | json"),
    ] = DiffFormatChoice.TABLE,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout")
    ] = None,
    fail_on: Annotated[
        FailOnChoice,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a new finding (not suppressed, not baselined) is at or above this severity",
        ),
    ] = FailOnChoice.NONE,
    show_unchanged: Annotated[
        bool, typer.Option("--show-unchanged", help="Also list the unchanged findings")
    ] = False,
) -> None:
    """What is new, fixed and unchanged between two scans (JSON reports or baselines), by rule+fingerprint."""
    from auditor.diff import DiffError, diff_files
    from auditor.report.common import ReportOptions
    from auditor.report.diff import render_json, render_markdown, render_terminal
    from auditor.safetext import encode_utf8

    try:
        result = diff_files(old, new)
    except DiffError as exc:
        _die(str(exc))
    threshold = fail_on_severity(fail_on)
    if fmt is DiffFormatChoice.JSON:
        text = render_json(result, fail_on=threshold)
    elif fmt is DiffFormatChoice.MARKDOWN:
        text = render_markdown(result, fail_on=threshold, show_unchanged=show_unchanged)
    else:
        color = output is None and "NO_COLOR" not in os.environ and sys.stdout.isatty()
        text = render_terminal(
            result,
            options=ReportOptions(no_color=not color),
            fail_on=threshold,
            show_unchanged=show_unchanged,
        )
    if output is None:
        _write_stdout(text)
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(encode_utf8(text))
        except OSError as exc:
            _die(f"cannot write {output}: {exc.strerror or exc}")
    gating = result.gating(threshold)
    if gating:
        stderr.print(f"botaudit diff: {len(gating)} new finding(s) at or above {fail_on.value}")
        raise typer.Exit(int(ExitCode.GATE_FAILED))


@app.command()
def init(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the file")] = Path(
        "botaudit.yaml"
    ),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file")] = False,
) -> None:
    """Write a commented starting botaudit.yaml."""
    from auditor.config import INIT_TEMPLATE

    if output.exists() and not force:
        _die(f"{output} exists (use --force to overwrite)")
    if output.is_dir():
        _die(f"{output} is a folder: give the path of the file to write")
    if not output.parent.is_dir():
        _die(f"cannot write {output}: folder {output.parent} does not exist")
    try:
        output.write_text(INIT_TEMPLATE, encoding="utf-8")
    except OSError as exc:
        _die(f"cannot write {output}: {exc.strerror or type(exc).__name__}")
    stderr.print(f"wrote {output}")


@app.command()
def version() -> None:
    """Print botaudit's version."""
    sys.stdout.write(f"botaudit {__version__}\n")
