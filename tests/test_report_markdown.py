"""The Markdown summary: counts, new findings first, gaps, coverage, escaping, the size cap."""

from __future__ import annotations

import html
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from auditor.model import Location
from auditor.report import ReportOptions
from auditor.report.markdown import MAX_CHARS, escape, render
from tests.report_fixtures import FINDINGS, RULES, build_result, many_findings


def _md(result=None, options: ReportOptions | None = None) -> str:  # type: ignore[no-untyped-def]
    return render(result or build_result(), rules=RULES, options=options or ReportOptions())


def test_counts_new_findings_gaps_and_coverage() -> None:
    text = _md()
    assert "| critical | 3 |" in text and "**9 gating**" in text
    new = text.split("### New findings", 1)[1].split("###", 1)[0]
    assert "BA-102" in new
    assert "Salesforce password" not in new  # baselined
    assert "GitHub PAT" not in new  # suppressed
    assert "(suppression expired)" in new
    assert "### Top reach gaps" in text and "admin (escalation)" in text
    assert "### Coverage warnings" in text and "too\\_large" in text


def test_gating_findings_listed_worst_first_and_capped() -> None:
    text = _md(many_findings(400), ReportOptions(markdown_max_findings=50))
    rows = [line for line in text.splitlines() if line.startswith("| critical") or line.startswith("| high")]
    assert len([r for r in text.splitlines() if r.startswith("| ") and "finding number" in r]) == 50
    assert rows and rows[0].startswith("| critical")
    gating = sum(1 for f in many_findings(400).findings if f.gating)
    assert f"… and {gating - 50} more gating findings." in text


def test_hard_cap_with_truncation_notice() -> None:
    long = replace(FINDINGS[0], message="x" * 3000)
    result = build_result(findings=tuple(replace(long, fingerprint=f"{i:016x}") for i in range(60)))
    text = _md(result, ReportOptions(markdown_max_findings=60))
    assert len(text) <= MAX_CHARS < 65_536
    assert "Report truncated" in text


def test_values_from_files_are_inert() -> None:
    hostile = "a|b `code` <img src=x onerror=alert(1)> [link](https://evil) *em* @org/team"
    f = replace(FINDINGS[0], message=hostile, location=Location("p|q.env", 1))
    text = _md(build_result(findings=(f,)))
    row = next(line for line in text.splitlines() if "onerror" in line)
    assert "<img" not in row and "&lt;img" in row
    assert "a\\|b" in row and "p\\|q.env" in row and "\\`code\\`" in row
    assert "\\[link\\]" in row and "\\*em\\*" in row
    assert "@org" not in row  # no mention pings from scanned text
    # Every unescaped pipe is a column separator: 4 columns -> 5 pipes.
    assert row.replace("\\|", "").count("|") == 5


def test_escape_folds_newlines() -> None:
    assert "\n" not in escape("line1\n## heading")


@given(st.text(st.sampled_from("&<>;@*_`|[]\\:/w.\"'amp") | st.characters()))
def test_escape_is_what_it_was_with_html_escape(value: str) -> None:
    """The entity step is html.escape(..., quote=False) written out (no html import): the same output."""
    from auditor.report.common import one_line
    from auditor.report.markdown import _AUTOLINK, _MD_SPECIAL, WORD_JOINER, _defuse_autolink

    text = html.escape(one_line(value), quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(_defuse_autolink, text)
    assert escape(value) == text.replace("@", "@" + WORD_JOINER)
