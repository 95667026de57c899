"""The GitHub Action's scan step (`action.yml`): inputs from the environment -> one scan -> outputs, summary.

GitHub passes a composite Action's inputs to this script as environment variables (`INPUT_PATHS`, ...: the
step's `env:` maps them, so no input is ever pasted into a shell script), and reads results back from the
files named by `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`. Nothing here needs GitHub: with those variables
pointing at ordinary files it runs anywhere, which is how the tests run it.

The step itself exits 0 whatever the scan found, so the SARIF upload after it still runs; the Action's last
step fails the job with botaudit's exit code (see `action.yml`). Only a broken input fails this step (2).
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

FAIL_ON = ("critical", "high", "medium", "low", "info", "none")
SEVERITIES = ("critical", "high", "medium", "low", "info")
TRUE, FALSE = ("true", "yes", "1", "on"), ("false", "no", "0", "off", "")
# Outputs every run writes, even when the scan could not produce a report (then counts are empty).
OUTPUTS = (
    "exit-code",
    "findings",
    *SEVERITIES,
    "gating",
    "suppressed",
    "baselined",
    "json-report",
    "sarif-report",
    "markdown-report",
    "new-findings",
    "fixed-findings",
    "diff-report",
)


class ActionInputError(ValueError):
    """An input the Action cannot use; the message names it."""


@dataclass(frozen=True)
class ActionInputs:
    """The Action's inputs, checked."""

    paths: tuple[str, ...] = (".",)
    fail_on: str = "high"
    baseline: str = ""
    config: str = ""
    args: tuple[str, ...] = ()
    step_summary: bool = True
    output_dir: str = ""
    # Passed to the scan as BOTAUDIT_FINGERPRINT_KEY only when set, so a job-level key is not blanked.
    fingerprint_key: str = ""
    # An earlier JSON report or baseline: what this scan adds and fixes goes to the summary and outputs.
    diff_base: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ActionInputs:
        def get(name: str, default: str = "") -> str:
            return env.get(f"INPUT_{name}", default).strip()

        def flag(name: str, default: str) -> bool:
            value = get(name, default).lower()
            if value in TRUE:
                return True
            if value in FALSE:
                return False
            raise ActionInputError(
                f"input `{name.lower().replace('_', '-')}`: expected true or false, got {value!r}"
            )

        fail_on = get("FAIL_ON", "high").lower()
        if fail_on not in FAIL_ON:
            raise ActionInputError(f"input `fail-on`: expected one of {', '.join(FAIL_ON)}, got {fail_on!r}")
        try:
            paths = tuple(shlex.split(get("PATHS", "."))) or (".",)
            args = tuple(shlex.split(get("ARGS")))
        except ValueError as exc:
            raise ActionInputError(f"input `paths` or `args`: {exc} (quote paths with spaces)") from None
        return cls(
            paths=paths,
            fail_on=fail_on,
            baseline=get("BASELINE"),
            config=get("CONFIG"),
            args=args,
            step_summary=flag("STEP_SUMMARY", "true"),
            output_dir=get("OUTPUT_DIR"),
            fingerprint_key=get("FINGERPRINT_KEY"),
            diff_base=get("DIFF_BASE"),
        )


@dataclass(frozen=True)
class Reports:
    """Where the scan writes its reports."""

    folder: Path

    @property
    def json(self) -> Path:
        return self.folder / "botaudit.json"

    @property
    def sarif(self) -> Path:
        return self.folder / "botaudit.sarif"

    @property
    def markdown(self) -> Path:
        return self.folder / "botaudit.md"

    @property
    def diff(self) -> Path:
        return self.folder / "botaudit-diff.md"


def _diff(base: str, reports: Reports) -> tuple[dict[str, str], str]:
    """Outputs and Markdown of `botaudit diff BASE REPORT` (in process); a warning when it cannot run."""
    from auditor.diff import DiffError, diff_files
    from auditor.report.diff import render_markdown

    if not reports.json.is_file():
        return {}, ""
    try:
        result = diff_files(base, reports.json)
    except DiffError as exc:
        print(_workflow_command("warning", f"input `diff-base`: {exc}"), flush=True)
        return {}, ""
    text = render_markdown(result)
    reports.diff.write_text(text, encoding="utf-8")
    counts = result.counts()
    outputs = {"new-findings": str(counts["new"]), "fixed-findings": str(counts["fixed"])}
    return outputs | {"diff-report": str(reports.diff)}, text


def scan_arguments(inputs: ActionInputs, reports: Reports) -> list[str]:
    """The `botaudit` arguments for these inputs: the table in the log, and the three reports as files."""
    argv = ["scan", *inputs.paths, "--no-progress", "--fail-on", inputs.fail_on, "--format", "table"]
    for fmt, path in (("json", reports.json), ("sarif", reports.sarif), ("markdown", reports.markdown)):
        argv += ["--report", f"{fmt}:{path}"]
    if inputs.baseline:
        argv += ["--baseline", inputs.baseline]
    if inputs.config:
        argv += ["--config", inputs.config]
    return argv + list(inputs.args)


def _write_outputs(path: str | None, values: Mapping[str, str]) -> None:
    """Append `name<<DELIM ... DELIM` blocks (safe for any value) to the GITHUB_OUTPUT file."""
    if not path:
        return
    with open(path, "a", encoding="utf-8") as out:
        for name, value in values.items():
            delimiter = f"botaudit_{secrets.token_hex(8)}"
            out.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")


def _counts(report: Path) -> dict[str, str]:
    """Counts from the JSON report (empty strings when the scan wrote none: usage error, crash)."""
    try:
        summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
        by_severity = summary["findings_by_severity"]
        counts = {sev: str(int(by_severity[sev])) for sev in SEVERITIES}
        counts |= {k: str(int(summary[k])) for k in ("findings", "gating", "suppressed", "baselined")}
        return counts
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _summary(reports: Reports, code: int) -> str:
    try:
        text = reports.markdown.read_text(encoding="utf-8")
    except OSError:
        text = "## botaudit\n\nThe scan wrote no report: see the step's log.\n"
    meaning = {0: "passed", 1: "failed the gate", 2: "usage or configuration error", 3: "incomplete"}
    return text.rstrip("\n") + f"\n\n_botaudit exit code {code}: {meaning.get(code, 'internal error')}._\n"


def _workflow_command(kind: str, message: str) -> str:
    """`::error::` and `::warning::` lines with the characters GitHub reserves escaped."""
    escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{kind} title=botaudit::{escaped}"


def run_scan(argv: Sequence[str], env: Mapping[str, str]) -> int:
    """Run botaudit as its own process (its output streams to the log as it comes); its exit code."""
    return subprocess.run([sys.executable, "-m", "auditor", *argv], env=dict(env), check=False).returncode


def main(env: Mapping[str, str] | None = None) -> int:
    """The scan step; returns this step's exit code (0 unless an input is unusable)."""
    env = os.environ if env is None else env
    try:
        inputs = ActionInputs.from_env(env)
    except ActionInputError as exc:
        print(_workflow_command("error", str(exc)), flush=True)
        return 2
    folder = Path(inputs.output_dir or Path(env.get("RUNNER_TEMP") or ".") / "botaudit")
    folder.mkdir(parents=True, exist_ok=True)
    reports = Reports(folder)
    argv = scan_arguments(inputs, reports)
    print("botaudit " + shlex.join(argv), flush=True)
    scan_env = dict(env)
    if inputs.fingerprint_key:
        # Masked in the log from here on, whatever prints it later.
        print(f"::add-mask::{inputs.fingerprint_key}", flush=True)
        scan_env["BOTAUDIT_FINGERPRINT_KEY"] = inputs.fingerprint_key
    code = run_scan(argv, scan_env)
    counts = _counts(reports.json)
    values = {name: "" for name in OUTPUTS} | counts
    values["exit-code"] = str(code)
    diff_text = ""
    if inputs.diff_base:
        diff_values, diff_text = _diff(inputs.diff_base, reports)
        values |= diff_values
    for name, path in (("json-report", reports.json), ("sarif-report", reports.sarif),
                       ("markdown-report", reports.markdown)):  # fmt: skip
        values[name] = str(path) if path.is_file() else ""
    _write_outputs(env.get("GITHUB_OUTPUT"), values)
    if inputs.step_summary and env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            if diff_text:
                summary.write(diff_text.rstrip("\n") + "\n\n")
            summary.write(_summary(reports, code))
    if code == 1:
        print(_workflow_command("error", f"{counts.get('gating', '?')} gating finding(s), failing at "
                                f"{inputs.fail_on} or above"), flush=True)  # fmt: skip
    elif code == 3:
        print(_workflow_command("warning", "the scan is incomplete: see coverage in the report"), flush=True)
    elif code not in (0, 1):
        print(_workflow_command("error", f"botaudit exited with {code}: see the log above"), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
