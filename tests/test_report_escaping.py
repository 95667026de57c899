"""Hostile names and contents in every output (issue 10 items 5, 11 and 12): each test replays the attack.

A scanned repository picks its file names: bytes that are not UTF-8, terminal escapes (ESC, BEL, C1 CSI),
bidi overrides, Markdown and SARIF link syntax, URLs. None may crash a report, reach a terminal raw, turn
into a link, or be rewritten into the name of a different file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.extract.validators import base62_crc32
from auditor.model import Location
from auditor.report import FormatChoice, ReportOptions, render
from auditor.report.markdown import escape as md_escape
from auditor.safetext import escape, json_dumps, one_line
from tests.report_fixtures import AGENTS, FINDINGS, RULES, build_result

# Made up in code, never stored token-shaped in the repository.
# A checksum-valid fake (30 characters + their base62 CRC-32): a made-up one would not gate.
TOKEN = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1" + base62_crc32("aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1")
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NON_UTF8_NAME = b"caf\xe9-\xff.env"
SHOWN_NAME = "caf\\xe9-\\xff.env"  # how every text format shows it (JSON doubles the backslashes)
ESCAPE_NAME = b"\x1b]0;pwned\x07 \xc2\x9b31m.env"  # ESC OSC title, BEL, C1 CSI (U+009B)


def _tree(root: Path) -> Path:
    bot = root / "bot"
    bot.mkdir(parents=True)
    os.makedirs(bytes(bot), exist_ok=True)
    for name in (NON_UTF8_NAME, ESCAPE_NAME, b"back\\slash.env"):
        with open(bytes(bot) + b"/" + name, "w", encoding="utf-8") as handle:
            handle.write(f"GITHUB_TOKEN={TOKEN}\n")
    return root


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tree(tmp_path_factory.mktemp("hostile"))


# --- the safe-text primitives ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\udcffb", "a\\xffb"),  # an undecodable file-name byte, as the byte
        ("\x1b[2J\x07", "\\x1b[2J\\x07"),
        ("\x9b31m", "\\x9b31m"),  # C1 CSI
        ("\r\x7f", "\\x0d\\x7f"),
        ("gnp.\u202eexe", "gnp.\\u202eexe"),  # bidi override
        ("a\u2028b\ufeff", "a\\u2028b\\ufeff"),
        ("\ud800", "\\ud800"),  # a lone surrogate no file system made (from a JSON escape)
        ("plain é ✓ 日本", "plain é ✓ 日本"),
    ],
)
def test_escape_writes_every_unsafe_character_visibly(raw: str, shown: str) -> None:
    assert escape(raw) == shown
    assert escape("line\n\ttab") == "line\n\ttab"
    assert escape("line\n", keep_lines=False) == "line\\x0a"
    assert one_line("a\r\nb\tc") == "a b c"


def test_json_text_is_valid_utf8_and_lossless_for_controls() -> None:
    doc = {"name": "\x1b[31m\x9b\u202e\udcff"}
    text = json_dumps(doc)
    text.encode("utf-8")
    assert not RAW_CONTROLS.search(text)
    assert json.loads(text) == {"name": "\x1b[31m\x9b\u202e\\xff"}


# --- file names that are not UTF-8 (item 5) ----------------------------------------------------------------


def test_reports_and_sarif_to_stdout_do_not_crash_on_a_non_utf8_name(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    reports = [f"--report={fmt.value}:{out / fmt.value}" for fmt in FormatChoice]
    result = CliRunner().invoke(
        app, ["scan", str(tree), "--format", "sarif", "--no-progress", *reports], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output  # the gate (BA-101 is high), not 3 "internal error"
    assert "internal error" not in result.stderr
    stdout = result.stdout_bytes.decode("utf-8")  # valid UTF-8
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(stdout)["runs"][0]["results"]
    }
    assert "bot/caf%E9-%FF.env" in uris and "bot/back%5Cslash.env" in uris
    for fmt in FormatChoice:
        text = (out / fmt.value).read_bytes().decode("utf-8")
        assert SHOWN_NAME in text.replace("\\\\", "\\") or "caf%E9-%FF.env" in text, fmt
        assert TOKEN not in text
        assert not RAW_CONTROLS.search(text), fmt


def test_every_stdout_format_is_valid_utf8_even_in_the_c_locale(tree: Path) -> None:
    """A real process with LC_ALL=C: Python's stdout would write surrogates as raw invalid bytes."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    env.pop("PYTHONUTF8", None)
    script = Path(sys.executable).parent / "botaudit"
    for fmt in ("table", "json", "markdown"):
        proc = subprocess.run(
            [str(script), "scan", str(tree), "--format", fmt, "--no-progress"],
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")
        text = proc.stdout.decode("utf-8")
        assert SHOWN_NAME in text.replace("\\\\", "\\")
        assert b"\x1b]0;" not in proc.stdout and b"\xc2\x9b" not in proc.stdout


# --- raw control bytes (item 11) ---------------------------------------------------------------------------

HOSTILE = "\x1b]0;pwned\x07 \x1b[2J \x9b31m \u202egnp.exe"


@pytest.mark.parametrize("choice", list(FormatChoice))
def test_no_raw_control_byte_reaches_any_format(choice: FormatChoice) -> None:
    f = replace(FINDINGS[0], message=HOSTILE, title=HOSTILE, location=Location(f"{HOSTILE}.env", 1))
    agent = replace(AGENTS[0], name=HOSTILE, root=HOSTILE)
    result = build_result(findings=(f, *FINDINGS[1:]), agents=(agent, *AGENTS[1:]))
    text = render(choice, result, options=ReportOptions(no_color=True))
    assert not RAW_CONTROLS.search(text), RAW_CONTROLS.search(text)
    if choice is not FormatChoice.JSON:  # JSON keeps the characters as \u escapes, losslessly
        assert re.search(r"\\x1b\\*\]0;pwned\\*\\x07", text), "the escape is shown, visibly"


def test_stderr_warnings_escape_values_from_botaudit_yaml(tmp_path: Path) -> None:
    bot = tmp_path / "bot"
    bot.mkdir()
    name = "\x1b]0;pwned\x07.env"
    (bot / name).write_text(f"GITHUB_TOKEN={TOKEN}\n", encoding="utf-8")
    expired = (date.today() - timedelta(days=2)).isoformat()
    (tmp_path / "botaudit.yaml").write_text(
        "version: 1\nsuppressions:\n  - rule: BA-101\n"
        '    path: "bot/\\e]0;pwned\\a.env"\n'
        '    reason: "revoked \\e[2J"\n'
        f"    expires: {expired}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["scan", str(tmp_path), "--format", "json", "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "expired" in result.stderr  # the warning is there...
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr  # ...with its bytes escaped
    assert "\\x1b]0;pwned\\x07" in result.stderr


def test_usage_errors_escape_the_path_they_quote(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["scan", str(tmp_path / "missing\x1b[2J")])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "missing\\x1b[2J" in result.stderr


def test_rich_markup_in_a_warning_is_text(capsys: pytest.CaptureFixture[str]) -> None:
    from rich.console import Console

    from auditor.cli import RichProgress

    console = Console(stderr=True, force_terminal=False, width=200)
    sink = RichProgress(console)
    try:
        sink.warn("[bold red]not markup[/] \x1b[2J")
    finally:
        sink.close()
    err = capsys.readouterr().err
    assert "[bold red]not markup[/]" in err and "\\x1b[2J" in err and "\x1b[2J" not in err


# --- link syntax, autolinks and backslashes (item 12) ------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/x",
        "HTTP://evil.example",
        "www.evil.example",
        "mailto:ceo@evil.example",
        "ftp://evil.example",
    ],
)
def test_markdown_leaves_no_url_from_a_scanned_name_autolinkable(url: str) -> None:
    escaped = md_escape(f"agents/{url}.env")
    # GitHub's autolinker needs these sequences contiguous; a word joiner (invisible) sits inside each.
    assert not re.search(r"(?i)://|www\.|mailto:", escaped), escaped
    assert escaped.replace("\u2060", "").replace("\\", "") == f"agents/{url}.env"


def test_markdown_report_has_no_live_link_from_a_hostile_finding() -> None:
    hostile = "[click](javascript:alert(1)) <https://evil.example> www.evil.example"
    f = replace(FINDINGS[0], message=hostile, location=Location("https://evil.example/a.env", 1))
    text = render(FormatChoice.MARKDOWN, build_result(findings=(f,)))
    row = next(line for line in text.splitlines() if "evil" in line)
    assert "](" not in row.replace("\\](", "")
    assert "<https" not in row and not re.search(r"(?i)://|www\.", row)


def test_markdown_keeps_the_backslash_of_a_file_name() -> None:
    f = replace(FINDINGS[0], location=Location("conf/back\\slash.env", 1))
    text = render(FormatChoice.MARKDOWN, build_result(findings=(f,)), rules=RULES)
    assert "back\\\\slash.env" in text  # Markdown source for a literal backslash


def test_html_shows_the_backslash_and_escapes_the_markup() -> None:
    f = replace(FINDINGS[0], location=Location("conf/back\\slash<b>.env", 1))
    text = render(FormatChoice.HTML, build_result(findings=(f,)), rules=RULES)
    assert "back\\slash&lt;b&gt;.env" in text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii",
        "caf\u00e9 \u2603",
        "\ud800",
        "a\udcffb",
        "\udfff",
        "\ud7ff\ue000",  # either side of the surrogate range
        "\U0001f600",  # an astral character is no lone surrogate
        "x" * 300 + "\udc80",
    ],
)
def test_has_surrogates_finds_exactly_the_lone_surrogates(text: str) -> None:
    from auditor.safetext import has_surrogates

    assert has_surrogates(text) is any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def test_has_surrogates_on_generated_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from auditor.safetext import has_surrogates

    @settings(max_examples=300, deadline=None)
    @given(st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())))
    def check(text: str) -> None:
        assert has_surrogates(text) is any(0xD800 <= ord(c) <= 0xDFFF for c in text)

    check()
