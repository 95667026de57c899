"""The CLI's fast path (auditor/cli.py): `scan` parsed without typer exactly as typer parses it, and every
other command line left to typer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import auditor.cliapp
from auditor import cli

LISTS = ("snapshot", "fmt", "output", "report")


def _typer_parse(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> tuple[dict[str, Any] | None, int]:
    """What typer hands the scan command for `scan ARGS` (None when it stops before: an error, help)."""
    seen: list[dict[str, Any]] = []

    def record(paths: Any, **options: Any) -> int:
        seen.append({"paths": paths, **options})
        return 0

    with monkeypatch.context() as m:
        m.setattr(auditor.cliapp, "run_scan_command", record)
        result = CliRunner().invoke(auditor.cliapp.app, ["scan", *args])
    return (seen[0] if seen else None), result.exit_code


def _normal(options: dict[str, Any]) -> dict[str, Any]:
    """Options as the scan uses them: an empty or missing list is no list (the command reads `x or []`),
    and an option at its default is the same as one not given."""
    defaults: dict[str, Any] = {"fail_on": cli.FailOnChoice.HIGH}
    out = {}
    for key, value in options.items():
        if key in (*LISTS, "paths"):
            value = list(value) if value else None
        if value in (None, False) or defaults.get(key) == value:
            continue
        out[key] = value
    return out


OPTION_WORDS = [*cli._SCAN_OPTIONS, "--help", "--", "-", "-x", "--verbose", "-qj", "-fjson", "--strict=1"]
VALUES = [
    "json", "table", "sarif", "JSON", "html", "markdown", "low", "none", "Critical",
    "1", "2", "007", "0", "-1", "1.5", "0.1", "0.05", "1e3", " 2", "+3", "",
    "a.yaml", "dir", "x:y", "sarif:out.sarif", "aws,vault", "2026-01-01", "-", "--", "a b", "é",
]  # fmt: skip
TOKENS = st.one_of(
    st.sampled_from(OPTION_WORDS),
    st.sampled_from(VALUES),
    st.builds(lambda o, v: f"{o}={v}", st.sampled_from(list(cli._SCAN_OPTIONS)), st.sampled_from(VALUES)),
    st.text(alphabet="ab-=.:/", min_size=1, max_size=6),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TOKENS, max_size=7))
def test_what_the_fast_path_parses_typer_parses_the_same(
    monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    fast = cli.parse_scan(args)
    if fast is None:
        return  # typer's to decide, whatever it says
    typer_options, code = _typer_parse(monkeypatch, args)
    assert typer_options is not None, f"typer rejected {args} (exit {code}) that the fast path accepted"
    assert _normal(fast) == _normal(typer_options)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["."],
        ["a", "b", "--no-progress"],
        ["--no-progress", ".", "--format", "json", "-o", "out.json", "-f", "sarif", "--output=x.sarif"],
        [".", "--fail-on", "critical", "--strict", "-q", "--jobs", "2", "--max-file-size=1000"],
        [
            ".",
            "--report",
            "sarif:r.sarif",
            "--report=json:r.json",
            "--baseline",
            "b.json",
            "--now",
            "2026-01-01",
        ],
        [
            ".",
            "--connect",
            "aws,vault",
            "--snapshot",
            "s1.json",
            "--snapshot",
            "s2.json",
            "-c",
            "botaudit.yaml",
        ],
        [".", "--history", "--file-time-budget", "2.5", "--respect-gitignore", "--ca-bundle", "ca.pem"],
        ["--staged", "--introspect-found", "--no-config-snapshots", "-j", "1", "--fail-on=none"],
    ],
)
def test_the_usual_command_lines_take_the_fast_path(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    fast = cli.parse_scan(args)
    assert fast is not None
    typer_options, _ = _typer_parse(monkeypatch, args)
    assert typer_options is not None and _normal(fast) == _normal(typer_options)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        [".", "--format", "JSON"],
        [".", "--jobs", "0"],
        [".", "--jobs"],
        [".", "--fail-on", "bogus"],
        [".", "--file-time-budget", "0.01"],
        [".", "--strict=true"],
        [".", "--", "-odd-name"],
        [".", "--fail-on", "low", "--fail-on", "high"],
        [".", "--output", "-"],
        [".", "--unknown"],
        [".", "-qj2"],
    ],
)
def test_anything_unusual_goes_to_typer(args: list[str]) -> None:
    assert cli.parse_scan(args) is None


def test_every_scan_option_typer_declares_is_known_to_the_fast_path() -> None:
    # A typer option the table lacks is only slower (typer parses it), but one it has must be typer's, with
    # the same keyword: otherwise the fast path would hand run_scan_command something typer never would.
    command = auditor.cliapp.app.registered_commands
    scan = next(c for c in command if c.callback is not None and c.callback.__name__ == "scan")
    from typer.main import get_command_from_info

    click_command = get_command_from_info(scan, pretty_exceptions_short=True, rich_markup_mode=None)
    declared = {opt: p.name for p in click_command.params for opt in getattr(p, "opts", [])}
    assert {opt: keyword for opt, (keyword, _) in cli._SCAN_OPTIONS.items()} == {
        opt: name for opt, name in declared.items() if opt.startswith("-")
    }


def _probe(args: list[str], tmp_path: Path) -> dict[str, Any]:
    code = (
        "import json, sys\n"
        "from auditor.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "mods = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click'))\n"
        "print(json.dumps({'code': code, 'typer': mods}), file=sys.stderr)\n"
    )
    env = dict(os.environ, BOTAUDIT_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    last = done.stderr.strip().splitlines()[-1]
    return {**json.loads(last), "stdout": done.stdout, "stderr": done.stderr}


def test_a_plain_scan_and_version_do_not_import_typer(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / ".env").write_text("LOG_LEVEL=info\n")
    scanned = _probe(["scan", str(tree), "--no-progress", "--format", "json"], tmp_path)
    assert scanned["code"] == 0 and scanned["typer"] == [], scanned["stderr"]
    assert json.loads(scanned["stdout"])["coverage"]
    version = _probe(["--version"], tmp_path)
    assert version["code"] == 0 and version["typer"] == [] and version["stdout"] == "botaudit 0.1.0\n"
    # The same outputs and codes as through typer: help, a bad option value, a usage error of our own.
    helped = _probe(["scan", "--help"], tmp_path)
    assert helped["code"] == 0 and "--no-progress" in helped["stdout"] and helped["typer"]
    bad = _probe(["scan", str(tree), "--fail-on", "bogus"], tmp_path)
    assert bad["code"] == 2 and "bogus" in bad["stderr"]
    missing = _probe(["scan", str(tmp_path / "nope")], tmp_path)
    assert missing["code"] == 2 and missing["typer"] == []
    assert "botaudit: error:" in missing["stderr"] and "no such file or folder" in missing["stderr"]
