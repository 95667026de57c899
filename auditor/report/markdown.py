"""The Markdown summary for PR comments and CI step summaries, within GitHub's comment size limit."""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.engine.interface import Rule
from auditor.model import ScanResult
from auditor.report.common import (
    SEVERITY_ORDER,
    ReportOptions,
    gap_extra_text,
    gap_worst_text,
    location_text,
    one_line,
    ranked_extra,
    sorted_findings,
    sorted_gaps,
    summary_counts,
)

# GitHub rejects comments over 65,536 characters; stay under it with room for a wrapper's own text.
MAX_CHARS = 65_000
TOP_GAPS = 5
GAP_EXAMPLES = 3
COVERAGE_LINES = 10
TRUNCATED = "\n\n_Report truncated to fit the comment size limit; see the full JSON or HTML report._\n"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# What GitHub's Markdown turns into a link by itself (GFM autolinks): `scheme://`, `www.`, and the `mailto:`
# and `xmpp:` schemes (e-mail addresses are covered by the `@` rule below).
_AUTOLINK = re.compile(r"(?i)(://|\bwww\.|\b(?:mailto|xmpp):)")
WORD_JOINER = "\u2060"


def _defuse_autolink(match: re.Match[str]) -> str:
    token = match.group()
    return token[0] + WORD_JOINER + token[1:] if token == "://" else token[:-1] + WORD_JOINER + token[-1]


def escape(value: object) -> str:
    """A value from scanned files as inert Markdown: no HTML, no emphasis, links, code or table breaks.

    Control characters become visible escapes, HTML is entity-escaped, Markdown punctuation backslash-escaped;
    a word joiner (invisible) after `@` stops a hostile name from mentioning users or teams in a PR comment,
    and one inside `://`, `www.` and `mailto:` stops a URL taken from a scanned name from becoming a link.
    """
    # html.escape(..., quote=False), written out: importing html (and its entity table) for three
    # replacements was a millisecond of every SARIF and Markdown run.
    text = one_line(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(_defuse_autolink, text)
    return text.replace("@", "@" + WORD_JOINER)


def _section_counts(result: ScanResult) -> list[str]:
    counts = summary_counts(result)
    by_sev = counts["findings_by_severity"]
    lines = [
        "| Severity | Findings |",
        "|---|---:|",
        *(f"| {sev.value} | {by_sev[sev.value]} |" for sev in SEVERITY_ORDER),
        "",
        f"**{counts['gating']} gating** · {counts['suppressed']} suppressed · "
        f"{counts['baselined']} in baseline · "
        f"{counts['agents']} agents · {counts['credentials']} inline credentials · "
        f"{counts['identities']} identities · {counts['files_scanned']} files scanned",
    ]
    return lines


def _finding_lines(result: ScanResult, limit: int) -> list[str]:
    gating = [f for f in sorted_findings(result.findings) if f.gating]
    if not gating:
        return ["No new findings: everything is suppressed, in the baseline, or absent."]
    lines = ["| Severity | Rule | Where | Message |", "|---|---|---|---|"]
    for f in gating[:limit]:
        where = location_text(f.location) if f.location else (f.identity or "")
        expired = " (suppression expired)" if f.suppression is not None and f.suppression.expired else ""
        lines.append(
            f"| {f.severity.value} | {escape(f.rule_id)} {escape(f.title)} | {escape(where)} | "
            f"{escape(f.message)}{expired} |"
        )
    if len(gating) > limit:
        lines.append("")
        lines.append(f"… and {len(gating) - limit} more gating findings.")
    return lines


def _gap_lines(result: ScanResult) -> list[str]:
    lines = [
        "| Agent | Platform | Identity | vs baseline | Extra | Worst | Top |",
        "|---|---|---|---|---:|---|---|",
    ]
    for gap in sorted_gaps(result.gaps)[:TOP_GAPS]:
        worst = gap_worst_text(gap)
        top = "; ".join(escape(c.label) for c in ranked_extra(gap, GAP_EXAMPLES))
        lines.append(
            f"| {escape(gap.agent)} | {gap.platform.value} | {escape(gap.identity)} | "
            f"{escape(gap.baseline)} | "
            f"{gap_extra_text(gap)} | {worst} | {top} |"
        )
    return lines


def _coverage_lines(result: ScanResult) -> list[str]:
    cov = result.coverage
    lines: list[str] = []
    missing = sorted(set(cov.platforms_requested) - set(cov.platforms_collected))
    if missing:
        lines.append(f"- :warning: platforms not collected: {escape(', '.join(missing))}")
    gaps = cov.gaps
    for skip in gaps[:COVERAGE_LINES]:
        lines.append(f"- {escape(skip.category)}: {escape(skip.source)}: {escape(skip.reason)}")
    if len(gaps) > COVERAGE_LINES:
        lines.append(f"- … and {len(gaps) - COVERAGE_LINES} more not examined")
    deliberate = len(cov.skipped) - len(gaps)
    if deliberate:
        lines.append(f"- {deliberate} skipped by design (lock files, botaudit inputs, unconnected platforms)")
    if cov.not_evaluated:
        lines.append(f"- {len(cov.not_evaluated)} rule evaluations could not be made (missing data)")
    return lines


def render(result: ScanResult, *, rules: Sequence[Rule], options: ReportOptions) -> str:
    """The Markdown summary, at most MAX_CHARS characters."""
    out = ["## botaudit", "", *_section_counts(result), "", "### New findings", ""]
    out += _finding_lines(result, options.markdown_max_findings)
    if result.gaps:
        out += ["", "### Top reach gaps (vs the baseline junior user)", "", *_gap_lines(result)]
    coverage = _coverage_lines(result)
    if coverage:
        out += ["", "### Coverage warnings", "", *coverage]
    text = "\n".join(out) + "\n"
    if len(text) <= MAX_CHARS:
        return text
    # Cut at a line boundary so no table row or escape sequence is split.
    budget = MAX_CHARS - len(TRUNCATED)
    cut = text.rfind("\n", 0, budget)
    return text[: cut if cut > 0 else budget] + TRUNCATED
