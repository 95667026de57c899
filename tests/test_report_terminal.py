"""The terminal report: sections, colour switch, hostile text neutralised, the inventory alone."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.model import AuthModel, Connection, Location, Platform
from auditor.report import ReportOptions, terminal
from auditor.report.json import render as render_json
from auditor.report.terminal import render, render_inventory, shorten
from tests.report_fixtures import AGENTS, AWS_KEY_ID, FINDINGS, GAPS, RULES, build_result, many_findings

PLAIN = ReportOptions(no_color=True, width=160)


def test_sections_and_counts() -> None:
    text = render(build_result(), rules=RULES, options=PLAIN)
    for heading in ("Findings:", "Agent inventory", "Reach gaps", "Findings\n", "Coverage"):
        assert heading in text
    assert "CRITICAL  3" in text and "HIGH      6" in text
    assert "9 gating · 2 suppressed · 1 in baseline" in text


def test_findings_grouped_by_file_and_identity() -> None:
    text = render(build_result(), rules=RULES, options=PLAIN)
    env_at = text.index("\nslackbot/.env\n")
    assert text.index("AWS secret access key", env_at) < text.index("Slack bot token", env_at)
    assert "identity arn:aws:iam::123456789012:user/slackbot" in text
    assert "value xoxb-****" in text  # the public prefix only: no secret character, no length
    assert "[suppressed: botaudit:allow on line 8]" in text
    assert "[suppression expired 2026-01-01]" in text and "[baseline]" in text


def test_gap_table_and_coverage_detail() -> None:
    text = render(build_result(), rules=RULES, options=PLAIN)
    assert "admin (escalation)" in text and "iam:CreateAccessKey on *" in text
    assert "not examined, too_large: 1" in text and "data/huge.json: file is 1.0 GB" in text
    assert "rules not evaluated: 1" in text


def test_colour_is_a_switch() -> None:
    assert "\x1b[" not in render(build_result(), rules=RULES, options=PLAIN)
    assert "\x1b[" in render(build_result(), rules=RULES, options=ReportOptions(width=160))


def test_inventory_marks_good_patterns_and_redacts_key_ids() -> None:
    text = render_inventory(build_result(), options=PLAIN)
    jit_line = next(line for line in text.splitlines() if "jit-worker" in line)
    assert "good pattern" in jit_line
    assert "****" in text and AWS_KEY_ID not in text and "integration@acme.example" in text
    assert "Findings" not in text


def test_hostile_values_cannot_style_or_escape_the_terminal() -> None:
    hostile = "[bold red]x[/] \x1b[2J\x1b]0;pwned\x07 \u202egnp.exe"
    f = replace(FINDINGS[0], message=hostile, location=Location(f"{hostile}.env", 1))
    agent = replace(AGENTS[0], name=hostile)
    text = render(build_result(findings=(f,), agents=(agent,)), rules=RULES, options=PLAIN)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "[bold red]x[/]" in text  # shown literally, not interpreted


def test_scales_to_many_findings() -> None:
    text = render(many_findings(2000), rules=RULES, options=PLAIN)
    assert "finding number 1999" in text


# --- identifiers are never broken mid-word (issue 9 §5) -----------------------------------------------------


def _shown_whole_or_shortened(value: str, text: str) -> bool:
    if value in text:
        return True
    for line in text.splitlines():
        for cell in line.split("   "):
            head, sep, tail = cell.strip().partition("…")
            if sep and head and tail and value.startswith(head) and value.endswith(tail):
                return True
    return False


@pytest.mark.parametrize("width", [120, 100])
def test_identifiers_are_whole_or_shortened_with_an_ellipsis_never_folded(width: int) -> None:
    long_agent = "customer-support-escalation-triage-agent-production-eu-west"
    long_role = "arn:aws:iam::123456789012:role/service-role/customer-support-escalation-triage-readonly"
    agent = replace(
        AGENTS[0],
        name=long_agent,
        connections=(
            Connection(Platform.AWS, AuthModel.SERVICE_ACCOUNT_ROLE, long_role),
            Connection(Platform.ENTRA, AuthModel.JWT_BEARER_PER_USER, "integration.salesops@acme-demo.com"),
        ),
    )
    result = build_result(agents=(agent, *AGENTS[1:]))
    text = render(result, rules=RULES, options=ReportOptions(no_color=True, width=width))
    table = text.split("Findings\n", 1)[0]
    assert max(len(line.rstrip()) for line in table.splitlines()) <= width
    # Auth models are short and never cut; the long names are whole or `head…tail` on one line.
    assert "service_account_role" in table and "jwt_bearer_per_user" in table
    for value in (long_agent, long_role, "integration.salesops@acme-demo.com"):
        assert _shown_whole_or_shortened(value, table), value
    for gap in GAPS:
        assert _shown_whole_or_shortened(gap.identity, table), gap.identity
    # The JSON report keeps the full values.
    doc = json.loads(render_json(result, rules=RULES, options=ReportOptions()))
    names = {a["name"] for a in doc["agents"]}
    assert long_agent in names
    hints = {c["identity_hint"] for a in doc["agents"] for c in a["connections"]}
    assert long_role in hints


def test_shorten_keeps_both_ends() -> None:
    assert shorten("abcdefghij", 20) == "abcdefghij"
    assert shorten("abcdefghij", 5) == "ab…ij"
    assert len(shorten("x" * 100, 17)) == 17


# -- the plain path: a report without colour or tables, written without rich --------------------------------


def _rich_print(line: str, width: int) -> str:
    from rich.text import Text

    console = terminal._console(ReportOptions(no_color=True, width=width))
    console.print(Text(line))
    return terminal._export(console)


@settings(max_examples=200, deadline=None)
@given(
    line=st.text(alphabet=" ab-/·…", max_size=260),
    width=st.integers(min_value=1, max_value=130),
)
def test_plain_wrap_is_rich_s_wrap(line: str, width: int) -> None:
    assert "".join(part + "\n" for part in terminal._wrap(line, width)) == _rich_print(line, width)


@pytest.mark.parametrize(
    "line",
    [
        "",
        " ",
        "word",
        "    aws: not connected, no snapshot, no Terraform or CloudFormation in the scanned tree: 10 aws "
        "rules not run (use --connect aws or --snapshot)",
        "Findings:  CRITICAL  0    HIGH      0    MEDIUM    0    LOW       0    INFO      0   ",
        "x" * 300,
        "  leading and trailing spaces   " * 9,
        "a " + "b" * 90 + " c",
    ],
)
@pytest.mark.parametrize("width", [1, 20, 80, 120])
def test_plain_wrap_cases(line: str, width: int) -> None:
    assert "".join(part + "\n" for part in terminal._wrap(line, width)) == _rich_print(line, width)


def _without_tables(**changes: object) -> object:
    return replace(build_result(**changes), agents=(), gaps=())


@pytest.mark.parametrize("width", [60, 120, 160])
def test_plain_report_is_the_rich_report(width: int) -> None:
    options = ReportOptions(no_color=True, width=width)
    results = [_without_tables(), replace(many_findings(300), agents=(), gaps=())]
    for result in results:
        plain = terminal._render_plain(result, width)  # type: ignore[arg-type]
        assert plain is not None
        assert plain == terminal._render_rich(result, options)  # type: ignore[arg-type]
        assert render(result, rules=RULES, options=options) == plain  # type: ignore[arg-type]


def test_rich_draws_what_the_plain_path_cannot() -> None:
    options = ReportOptions(no_color=True, width=120)
    wide = _without_tables()
    odd = replace(wide, targets=("répertoire/代理",))  # type: ignore[type-var]
    assert terminal._render_plain(odd, 120) is None  # type: ignore[arg-type]
    assert "répertoire/代理" in render(odd, rules=RULES, options=options)  # type: ignore[arg-type]
    # Colour is rich's alone.
    coloured = ReportOptions(no_color=False, width=120)
    assert "\x1b[" in render(wide, rules=RULES, options=coloured)  # type: ignore[arg-type]


def test_two_secrets_on_one_line_each_show_their_own_preview() -> None:
    # A test's string holding `GITHUB_TOKEN=ghs_…\nAWS_ACCESS_KEY_ID=AKIA…` is one line with two secrets
    # and no key: each finding shows the preview of the secret it is about, never the other one's.
    from auditor.model import FileScan, Severity
    from tests.report_fixtures import _finding, _secret

    path = "test/turns.test.ts"
    aws = _secret(AWS_KEY_ID, "aws_access_key_id", path, 12, None, Severity.HIGH, Platform.AWS)
    slack = _secret(
        "xoxb-" + "7" * 12 + "-" + "q" * 24, "slack_bot_token", path, 12, None, Severity.HIGH, Platform.SLACK
    )
    findings = tuple(
        _finding(
            "BA-101",
            f"{s.kind} stored in plain configuration",
            subject=path,
            location=s.location,
            kind=s.kind,
            secret_fingerprint=s.fingerprint,
            platform=s.platform,
        )
        for s in (aws, slack)
    )
    result = build_result(files=(FileScan(path, "source", 900, secrets=(aws, slack)),), findings=findings)
    lines = render(result, rules=RULES, options=PLAIN).splitlines()
    for s in (aws, slack):
        at = next(i for i, line in enumerate(lines) if f"{s.kind} stored" in line)
        assert f"value {s.redacted}" in lines[at + 1], lines[at : at + 2]
