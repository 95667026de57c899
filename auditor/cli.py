"""The `botaudit` command: options -> ScanOptions -> scan.run() -> reporters -> gate. No logic of its own."""

from __future__ import annotations

# First, before typer and the scanner compile their regular expressions at import: their compiled programs
# come from the previous run (auditor/regexcache.py); about a third of a small scan's start-up otherwise.
from auditor import classcode, regexcache

regexcache.warm()
classcode.install()  # before the imports below declare their dataclasses

import enum
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from auditor import __version__
from auditor.clock import Clock, FixedClock, SystemClock, parse_time
from auditor.errors import BotauditError, CollectorError
from auditor.gate import ExitCode, decide
from auditor.model import COLLECTABLE_PLATFORMS, Platform, ScanResult, Severity
from auditor.progress import NullProgress
from auditor.report import FormatChoice

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID

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


class _Stderr:
    """botaudit's own lines on stderr: plain text, through rich only once progress bars are drawn.

    rich costs a noticeable share of a small scan's start-up and adds nothing to a plain line; while bars are
    live, lines must go through their console so they print above the bars instead of through them.
    """

    def __init__(self) -> None:
        self._console: Console | None = None

    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            # soft_wrap: messages name files and paths; hard-wrapping them at 80 columns (rich's width off a
            # terminal) would split paths across lines in CI logs.
            self._console = Console(stderr=True, highlight=False, soft_wrap=True)
        return self._console

    def print(self, message: str) -> None:
        """One line, verbatim (callers escape what they quote): no markup, highlighting or emoji codes."""
        if self._console is not None:
            self._console.print(message, markup=False, highlight=False, emoji=False)
            return
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


stderr = _Stderr()


class FailOnChoice(str, enum.Enum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"
    NONE = "none"


def fail_on_severity(choice: FailOnChoice) -> Severity | None:
    """Map the --fail-on flag to a Severity (None: never fail on findings)."""
    return None if choice is FailOnChoice.NONE else Severity(choice.value)


class RichProgress:
    """A ProgressSink that draws rich progress bars on stderr."""

    def __init__(self, console: Console) -> None:
        # Imported only when bars are drawn (a terminal): hooks and CI runs never pay for it.
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._tasks: dict[str, TaskID] = {}
        self._console = console
        self._progress.start()

    def start(self, task: str, total: int | None = None) -> None:
        self._tasks[task] = self._progress.add_task(task, total=total)

    def advance(self, task: str, amount: int = 1) -> None:
        if task in self._tasks:
            self._progress.advance(self._tasks[task], amount)

    def finish(self, task: str) -> None:
        if task in self._tasks:
            self._progress.remove_task(self._tasks.pop(task))

    def warn(self, message: str) -> None:
        from rich.text import Text

        from auditor.safetext import escape

        # The message may quote botaudit.yaml or scanned names: never rich markup, never a raw control byte.
        self._console.print(Text.assemble(("warning:", "yellow"), " ", escape(message)), highlight=False)

    def close(self) -> None:
        self._progress.stop()


class WarnOnlyProgress(NullProgress):
    """No bars, but warnings still reach stderr (non-TTY, --no-progress, --quiet).

    Warnings (an expired suppression, a platform that could not be collected) change what the exit code
    means, so even --quiet keeps them: they go to stderr and never mix with a report on stdout.
    """

    def __init__(self, out: _Stderr) -> None:
        self._out = out

    def warn(self, message: str) -> None:
        from auditor.safetext import escape

        self._out.print(f"warning: {escape(message)}")

    def close(self) -> None:
        return None


def _progress(no_progress: bool, quiet: bool) -> RichProgress | WarnOnlyProgress:
    if no_progress or quiet or not sys.stderr.isatty():
        return WarnOnlyProgress(stderr)
    return RichProgress(stderr.console())


def _die(message: str, code: ExitCode = ExitCode.USAGE) -> NoReturn:
    from auditor.safetext import escape

    stderr.print(f"botaudit: error: {escape(message)}")
    raise typer.Exit(int(code))


def _clock(now: str | None) -> Clock:
    if not now:
        return SystemClock()
    instant = parse_time(now)
    if instant is None:
        _die(f"--now: {now!r} is not an ISO-8601 date or time")
    return FixedClock(instant)


def _platforms(value: str | None) -> tuple[Platform, ...]:
    if not value:
        return ()
    out: list[Platform] = []
    allowed = {p.value for p in COLLECTABLE_PLATFORMS}
    for name in (v.strip().lower() for v in value.split(",") if v.strip()):
        if name not in allowed:
            _die(f"--connect: unknown platform {name!r} (choose from {', '.join(sorted(allowed))})")
        out.append(Platform(name))
    return tuple(dict.fromkeys(out))


def _outputs(
    formats: Sequence[FormatChoice], outputs: Sequence[Path], reports: Sequence[str]
) -> list[tuple[FormatChoice, Path | None]]:
    """Pair --format with --output in order, add --report FORMAT:PATH; at most one goes to stdout."""
    pairs: list[tuple[FormatChoice, Path | None]] = []
    fmts = list(formats) or ([FormatChoice.TABLE] if not reports or outputs else [])
    if len(outputs) > len(fmts):
        _die("more --output than --format values: give one --format per --output")
    for i, fmt in enumerate(fmts):
        pairs.append((fmt, outputs[i] if i < len(outputs) else None))
    for spec in reports:
        name, sep, path = spec.partition(":")
        if not sep or not path:
            _die(f"--report {spec!r}: expected FORMAT:PATH, e.g. sarif:botaudit.sarif")
        try:
            pairs.append((FormatChoice(name.lower()), Path(path)))
        except ValueError:
            _die(f"--report {spec!r}: unknown format {name!r}")
    if sum(1 for _, p in pairs if p is None) > 1:
        _die(
            "several formats would go to standard output: give each an --output (or use --report FORMAT:PATH)"
        )
    return pairs


def _write_stdout(text: str) -> None:
    """Text to stdout as UTF-8 whatever the locale (a C locale would write surrogates as raw bytes)."""
    from auditor.safetext import encode_utf8

    sys.stdout.flush()
    sys.stdout.buffer.write(encode_utf8(text))
    sys.stdout.buffer.flush()


def _emit(result: ScanResult, pairs: Sequence[tuple[FormatChoice, Path | None]], *, quiet: bool) -> None:
    from auditor.report import render
    from auditor.safetext import encode_utf8, escape

    color = "NO_COLOR" not in os.environ and sys.stdout.isatty()
    for fmt, path in pairs:
        text = render(fmt.value, result, color=color and path is None)
        text = text if text.endswith("\n") else text + "\n"
        # Reports are UTF-8 whatever the locale says; the reporters already escaped what cannot be encoded,
        # and `encode_utf8` cannot fail on anything left (a report that cannot be written is no report).
        if path is None:
            if not quiet or fmt is not FormatChoice.TABLE:
                _write_stdout(text)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(encode_utf8(text))
            except OSError as exc:
                _die(f"cannot write {path}: {exc.strerror or exc}")
            if not quiet:
                stderr.print(f"wrote {fmt.value} report to {escape(str(path))}")


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


def _run_scan(
    paths: list[Path] | None,
    *,
    config: Path | None,
    connect: str | None,
    snapshot: list[Path] | None,
    baseline: Path | None,
    now: str | None,
    no_progress: bool,
    quiet: bool,
    max_file_size: int | None,
    jobs: int | None,
    ca_bundle: str | None,
    no_config_snapshots: bool,
    history: bool = False,
    file_time_budget: float | None = None,
    respect_gitignore: bool = False,
    introspect_found: bool = False,
) -> ScanResult:
    from auditor.scan import ScanOptions, run

    targets = tuple(paths or [Path(".")])
    for target in targets:
        if not target.exists():
            _die(f"{target}: no such file or folder")
    for snap in snapshot or []:
        if not snap.is_file():
            _die(f"--snapshot {snap}: no such file")
    if baseline is not None and not baseline.is_file():
        _die(f"--baseline {baseline}: no such file (create one with `botaudit baseline create`)")
    options = ScanOptions(
        paths=targets,
        config_path=config,
        connect=_platforms(connect),
        snapshot_files=tuple(snapshot or ()),
        baseline_file=baseline,
        max_file_size=max_file_size,
        jobs=jobs,
        ca_bundle=ca_bundle,
        use_config_snapshots=not no_config_snapshots,
        history=history,
        file_time_budget=file_time_budget,
        respect_gitignore=respect_gitignore,
        introspect_found=introspect_found,
    )
    clock = _clock(now)
    sink = _progress(no_progress, quiet)
    try:
        return run(options, clock=clock, progress=sink)
    except BotauditError as exc:
        _die(str(exc))
    finally:
        sink.close()


def _run_staged(paths: list[Path] | None, *, config: Path | None, history: bool, **kwargs: Any) -> ScanResult:
    """Scan what the git index holds (the next commit), not the working tree; findings keep repo paths."""
    from dataclasses import replace

    from auditor.config import find_config
    from auditor.discovery.staged import StagedError, staged_checkout

    if history:
        _die("--staged and --history cannot be combined (the index is one version; history is all of them)")
    cwd = Path.cwd()
    try:
        with staged_checkout(cwd, tuple(paths or ()), max_size=kwargs.get("max_file_size")) as checkout:
            # The working tree's botaudit.yaml (its snapshots and paths are relative to it), unless --config.
            chosen = config or find_config([checkout.repo_root])
            result = _run_scan([checkout.folder], config=chosen, history=False, **kwargs)
    except StagedError as exc:
        _die(str(exc))
    except OSError as exc:
        _die(f"--staged: cannot read the git index ({exc.strerror or type(exc).__name__})")
    if not checkout.files and not kwargs.get("quiet"):
        stderr.print("botaudit: no staged files to scan")
    root = os.path.relpath(checkout.repo_root, cwd)
    coverage = replace(result.coverage, skipped=(*result.coverage.skipped, *checkout.skipped))
    return replace(result, targets=(root,), coverage=coverage)


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
    pairs = _outputs(fmt or [], output or [], report or [])
    # --staged scans a checkout of the git index with the same options (_run_staged calls _run_scan).
    result = (_run_staged if staged else _run_scan)(
        paths,
        config=config,
        connect=connect,
        snapshot=snapshot,
        baseline=baseline,
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
        introspect_found=introspect_found,
    )
    _emit(result, pairs, quiet=quiet)
    code = decide(result, fail_on_severity(fail_on), strict=strict)
    raise typer.Exit(int(code))


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
        new = bl.update(bl.load(output), result) if update and output.is_file() else bl.create(result)
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


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point; returns the exit code."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="botaudit", standalone_mode=True)
    except SystemExit as exc:
        regexcache.remember()
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except Exception as exc:
        # A bug, not bad input: never a raw traceback, and only the exception's type, since its message
        # could quote a scanned value. BOTAUDIT_DEBUG=1 re-raises for a full traceback.
        if os.environ.get("BOTAUDIT_DEBUG"):
            raise
        stderr.print(
            f"botaudit: internal error ({type(exc).__name__}); the scan is incomplete. "
            "Set BOTAUDIT_DEBUG=1 for a traceback and report it."
        )
        return int(ExitCode.INCOMPLETE)
    regexcache.remember()
    return 0


if __name__ == "__main__":
    sys.exit(main())
