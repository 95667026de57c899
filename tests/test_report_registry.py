"""The reporter table is exhaustive, and no format lets a planted secret through."""

from __future__ import annotations

import pytest

from auditor.report import REPORTERS, FormatChoice, ReportOptions, render, render_inventory
from auditor.report.common import looks_secret, safe_hint
from tests.report_fixtures import AWS_KEY_ID, ENTRA_CLIENT_ID, PLANTED_SECRETS, RULES, SF_USER, build_result


def test_every_format_choice_has_a_reporter() -> None:
    assert set(REPORTERS) == set(FormatChoice)
    assert [c.value for c in FormatChoice] == ["table", "json", "sarif", "html", "markdown"]


@pytest.mark.parametrize("choice", list(FormatChoice))
def test_no_planted_secret_reaches_any_format(choice: FormatChoice) -> None:
    text = render(choice, build_result(), rules=RULES, options=ReportOptions(no_color=True))
    assert text.strip()
    for secret in PLANTED_SECRETS:
        assert secret not in text, f"{choice.value} leaks {secret[:4]}…"
        # Not even a long slice of it (anything beyond the 4-character preview).
        assert secret[:8] not in text, f"{choice.value} leaks more than a preview of {secret[:4]}…"


@pytest.mark.parametrize("choice", list(FormatChoice))
def test_output_is_deterministic(choice: FormatChoice) -> None:
    first = render(choice, build_result(), rules=RULES, options=ReportOptions(no_color=True))
    assert first == render(choice, build_result(), rules=RULES, options=ReportOptions(no_color=True))


@pytest.mark.parametrize(
    ("hint", "shown"),
    [
        (SF_USER, True),
        (ENTRA_CLIENT_ID, True),
        ("arn:aws:iam::123456789012:role/agent", True),
        ("role/jit-worker", True),
        ("B0SUPPORTBOT", True),
        (AWS_KEY_ID, False),
        ("xoxb-2210987654321-1234567890123-Zq8wLmN4pRt6", False),
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijk", False),
        ("https://bot:hunter2hunter2@db.example.com/app", False),
        ("Zk8#pQ2$wL9!mN4&vB7xYtR3", False),
    ],
)
def test_identity_hints_are_shown_or_redacted(hint: str, shown: bool) -> None:
    assert looks_secret(hint) is not shown
    assert (safe_hint(hint) == hint) is shown


def test_render_accepts_the_cli_calling_convention() -> None:
    result = build_result()
    # Format as a plain string, rules from the result, colour switch instead of options.
    plain = render("table", result, color=False)
    assert "\x1b[" not in plain and "Agent inventory" in plain
    assert "\x1b[" in render("table", result, color=True)
    sarif_text = render("sarif", result)
    assert '"baselineState"' in sarif_text  # the run's parameters name a baseline
    with pytest.raises(ValueError):
        render("pdf", result)


def test_render_inventory_table_and_json() -> None:
    import json

    result = build_result()
    table = render_inventory(result)
    assert "jit-worker" in table and "Findings" not in table
    doc = json.loads(render_inventory(result, as_json=True))
    assert [a["name"] for a in doc["agents"]] == sorted(a.name for a in result.agents)
    for secret in PLANTED_SECRETS:
        assert secret not in table and secret not in json.dumps(doc)


def test_options_for_derives_config_anchor_and_baseline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.report import options_for

    result = build_result(
        targets=(str(tmp_path),), parameters={"config": str(tmp_path / "ops" / "botaudit.yaml")}
    )
    opts = options_for(result)
    assert opts.config_path == "ops/botaudit.yaml" and opts.baseline_used is False and opts.no_color
    assert options_for(build_result()).baseline_used is True
