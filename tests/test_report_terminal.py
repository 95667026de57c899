"""The terminal report: sections, colour switch, hostile text neutralised, the inventory alone."""

from __future__ import annotations

from dataclasses import replace

from auditor.model import Location
from auditor.report import ReportOptions
from auditor.report.terminal import render, render_inventory
from tests.report_fixtures import AGENTS, AWS_KEY_ID, FINDINGS, RULES, build_result, many_findings

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
