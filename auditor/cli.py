"""The `botaudit` command: options -> ScanOptions -> scan.run() -> reporters -> gate. No logic of its own.

The command tree (every command, option and help text) is auditor/cliapp.py, built with typer. Importing
typer and click and building that tree cost about a fifth of `botaudit scan` on three files (a pre-commit
hook's run), so `main()` first tries a fast path: `botaudit --version` and a `scan` whose arguments are
plain paths and known options with well-formed values are parsed here, the same way click parses them
(tests/test_cli_fast.py compares the two on generated command lines), and anything else (help, a malformed
or unknown option, any other command) goes to typer exactly as before, so its messages and exit codes are
unchanged.
"""

from __future__ import annotations

# First, before the scanner compiles its regular expressions at import: their compiled programs come from
# the previous run (auditor/regexcache.py); about a third of a small scan's start-up otherwise.
from auditor import classcode, regexcache

regexcache.warm()
classcode.install()  # before the imports below declare their dataclasses

import contextlib
import enum
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from auditor import __version__
from auditor.clock import Clock, FixedClock, SystemClock, parse_time
from auditor.errors import BotauditError
from auditor.gate import ExitCode, decide
from auditor.model import COLLECTABLE_PLATFORMS, Platform, ScanResult, Severity
from auditor.progress import NullProgress
from auditor.report import FormatChoice

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID

    from auditor.cliapp import app

__all__ = ["FailOnChoice", "RichProgress", "app", "fail_on_severity", "main", "run_scan_command"]


def __getattr__(name: str) -> Any:
    """The typer app and its command functions (auditor/cliapp.py), imported on first use (PEP 562)."""
    if name.startswith("__"):
        raise AttributeError(name)
    import auditor.cliapp

    try:
        return getattr(auditor.cliapp, name)
    except AttributeError:
        raise AttributeError(f"module 'auditor.cli' has no attribute {name!r}") from None


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
    # SystemExit, not typer.Exit: the fast path runs without typer; under typer (click's standalone mode)
    # SystemExit passes through to main() the same way and ends with the same code.
    raise SystemExit(int(code))


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
    fingerprints_shown: bool = True,
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
        fingerprints_shown=fingerprints_shown,
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


def run_scan_command(
    paths: list[Path] | None,
    *,
    config: Path | None = None,
    connect: str | None = None,
    snapshot: list[Path] | None = None,
    fmt: list[FormatChoice] | None = None,
    output: list[Path] | None = None,
    report: list[str] | None = None,
    fail_on: FailOnChoice = FailOnChoice.HIGH,
    baseline: Path | None = None,
    strict: bool = False,
    now: str | None = None,
    no_progress: bool = False,
    quiet: bool = False,
    max_file_size: int | None = None,
    jobs: int | None = None,
    ca_bundle: str | None = None,
    no_config_snapshots: bool = False,
    history: bool = False,
    file_time_budget: float | None = None,
    respect_gitignore: bool = False,
    staged: bool = False,
    introspect_found: bool = False,
) -> int:
    """`botaudit scan` with its options parsed (by typer, or by the fast path below): the exit code."""
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
        # The terminal table shows no fingerprint: with only it written, none needs to be memory-hard.
        fingerprints_shown=any(fmt != FormatChoice.TABLE for fmt, _ in pairs),
    )
    _emit(result, pairs, quiet=quiet)
    return int(decide(result, fail_on_severity(fail_on), strict=strict))


# ------------------------------------------------------------------------------------------ the fast path
#
# The `scan` options as auditor/cliapp.py declares them: option -> (keyword, kind). Kinds: a flag; one value
# (str, path; the last one given wins, as in click); a repeatable value (paths, strs, formats); a choice
# (fail_on); a count (int >= 1, `min=1`); a budget (float >= 0.1). An option missing here (a new one, --help)
# sends the command line to typer, so adding an option there can never be misparsed here.
_SCAN_OPTIONS: dict[str, tuple[str, str]] = {
    "--config": ("config", "path"),
    "-c": ("config", "path"),
    "--connect": ("connect", "str"),
    "--snapshot": ("snapshot", "paths"),
    "--format": ("fmt", "formats"),
    "-f": ("fmt", "formats"),
    "--output": ("output", "paths"),
    "-o": ("output", "paths"),
    "--report": ("report", "strs"),
    "--fail-on": ("fail_on", "fail_on"),
    "--baseline": ("baseline", "path"),
    "--strict": ("strict", "flag"),
    "--now": ("now", "str"),
    "--no-progress": ("no_progress", "flag"),
    "--quiet": ("quiet", "flag"),
    "-q": ("quiet", "flag"),
    "--max-file-size": ("max_file_size", "count"),
    "--jobs": ("jobs", "count"),
    "-j": ("jobs", "count"),
    "--ca-bundle": ("ca_bundle", "str"),
    "--no-config-snapshots": ("no_config_snapshots", "flag"),
    "--history": ("history", "flag"),
    "--file-time-budget": ("file_time_budget", "budget"),
    "--respect-gitignore": ("respect_gitignore", "flag"),
    "--staged": ("staged", "flag"),
    "--introspect-found": ("introspect_found", "flag"),
}
_DIGITS = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _value(kind: str, text: str) -> Any:
    """`text` converted as click converts it for this kind, or None where the fast path will not decide
    (anything click would reject, or accept only through a rule not repeated here: typer decides those)."""
    if kind in ("str", "strs"):
        return text
    if kind in ("path", "paths"):
        return Path(text) if text else None
    if kind == "formats":
        return FormatChoice(text) if text in FormatChoice._value2member_map_ else None
    if kind == "fail_on":
        return FailOnChoice(text) if text in FailOnChoice._value2member_map_ else None
    if kind == "count":
        return int(text) if _DIGITS.fullmatch(text) and int(text) >= 1 else None
    if kind == "budget":
        return float(text) if _DECIMAL.fullmatch(text) and float(text) >= 0.1 else None
    return None


def parse_scan(args: Sequence[str]) -> dict[str, Any] | None:
    """`botaudit scan ARGS` parsed into run_scan_command's keywords, or None: let typer parse it."""
    parsed: dict[str, Any] = {}
    paths: list[Path] = []
    tokens = list(args)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if not token.startswith("-"):
            paths.append(Path(token))
            continue
        name, eq, attached = token.partition("=")
        spec = _SCAN_OPTIONS.get(name)
        if spec is None or (eq and not name.startswith("--")):
            return None  # unknown (--help, --, -, a new option), or a short option with `=`
        keyword, kind = spec
        if kind == "flag":
            if eq:
                return None  # click: "option does not take a value"
            parsed[keyword] = True
            continue
        if eq:
            text = attached
        elif i < len(tokens) and not tokens[i].startswith("-"):
            text = tokens[i]
            i += 1
        else:
            return None  # no value, or one that looks like an option: typer's message
        value = _value(kind, text)
        if value is None:
            return None
        if kind in ("paths", "strs", "formats"):
            parsed.setdefault(keyword, []).append(value)
        elif keyword in parsed:
            return None  # given twice: typer's rule (the last wins), not re-implemented here
        else:
            parsed[keyword] = value
    return {"paths": paths or None, **parsed}


def _fast(args: Sequence[str]) -> Callable[[], int] | None:
    """What to run without typer for these arguments, or None."""
    if os.environ.get("_BOTAUDIT_COMPLETE"):
        return None  # click's shell completion protocol
    if list(args) in (["--version"], ["-V"], ["version"]):

        def version() -> int:
            sys.stdout.write(f"botaudit {__version__}\n")
            return 0

        return version
    if not args or args[0] != "scan":
        return None
    options = parse_scan(args[1:])
    if options is None:
        return None
    return lambda: run_scan_command(**options)


def _run_fast(command: Callable[[], int]) -> int:
    """The command, ending as click's standalone mode ends a command (typer.core._main)."""
    import errno

    try:
        return command()
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        # The reader went away: no "Exception ignored" on the way out (click pacifies both streams).
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                os.dup2(devnull, stream.fileno())
        return 1


def _persist() -> None:
    """What this run worked out that the next can reuse: compiled patterns, regex proofs (auditor.cache)."""
    from auditor import cache

    regexcache.remember()
    # The regex proofs' memo belongs to a module that only a pool's workers may have imported: importing it
    # registers the memo here, so the proofs the workers logged are merged (auditor.cache.Memo). Only where
    # extraction ran (auditor.extract is loaded then; elsewhere the import would cost its whole package).
    if "auditor.extract.pool" in sys.modules:
        import auditor.extract.anchors  # noqa: F401

    cache.save_memos()


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point; returns the exit code.

    As the `botaudit` console script itself (whose wrapper only passes the code to sys.exit), it ends the
    process once the streams are flushed instead (end_process)."""
    if argv is None:
        # The process's own command line (the console script, `python -m auditor`): it ends with the command.
        from auditor.lifetime import declare_one_shot

        declare_one_shot()
        code = _main(None)
        if _is_console_script():
            return end_process(code)
        return code
    return _main(argv)


# What pip's console-script wrapper leaves in sys.argv[0] for `botaudit` (it strips `-script.pyw`, `.exe`).
_CONSOLE_SCRIPT = "botaudit"


def _is_console_script() -> bool:
    return os.path.basename(sys.argv[0]) == _CONSOLE_SCRIPT


def end_process(code: int) -> int:
    """End this process with `code` as soon as its output is out, without the interpreter's teardown; for the
    command's own entry points (the console script, `python -m auditor`), where nothing else follows.

    That teardown frees every object the command made, one by one: after a scan of 20,000 files, tens of
    milliseconds of one core, after the report is written, for memory the kernel takes back whole anyway.
    Nothing of botaudit's waits for it: the report files are closed, the caches saved (_persist), the
    worker processes joined when their pool closed, and no thread of botaudit's outlives its command. The
    standard streams are flushed here; if that fails (a reader that went away), the ordinary exit runs
    instead and reports it as it always has (the code is returned for sys.exit)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001 - the ordinary exit reports what went wrong, as before
        return code
    os._exit(code)


def _main(argv: Sequence[str] | None) -> int:
    try:
        command = _fast(list(argv) if argv is not None else sys.argv[1:])
        if command is not None:
            code = _run_fast(command)
            _persist()
            return code
        from auditor.cliapp import app

        app(args=list(argv) if argv is not None else None, prog_name="botaudit", standalone_mode=True)
    except SystemExit as exc:
        _persist()
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
    _persist()
    return 0


if __name__ == "__main__":
    # `python -m auditor.cli`: auditor/cliapp.py imports auditor.cli; let it find this module, not a second
    # copy (which would warm the pattern cache again).
    sys.modules.setdefault("auditor.cli", sys.modules[__name__])
    sys.exit(end_process(main()))
