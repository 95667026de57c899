"""SARIF 2.1.0 for GitHub code scanning: a descriptor per rule, fingerprints, suppressions, baselines.

What code scanning documents (docs.github.com, "SARIF support for code scanning" and "SARIF results exceed
limits") and how this log meets it:

* rules: `shortDescription`/`fullDescription` (at most 1,024 characters), `help.text` and `help.markdown`,
  `name` (at most 255), at most 10 tags, `security-severity` in the band of the botaudit severity;
* results: a non-empty `message.text` (SARIF embedded-link syntax escaped), exactly one location, a relative
  URI under `%SRCROOT%` (declared in `originalUriBaseIds`), and `partialFingerprints.primaryLocationLineHash`
  set to botaudit's own stable fingerprint, so an alert survives edits that move its line;
* limits: at most 5,000 results per run (GitHub shows only the top 5,000 by severity and warns above it; the
  rest are counted in a notification and stay in the JSON report), one run, far fewer than 25,000 rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from auditor import __version__
from auditor.engine.interface import Rule
from auditor.model import Confidence, Finding, ScanResult, Severity, split_member
from auditor.report.common import DEFAULT_ANCHOR, ReportOptions, anchor_location, sorted_findings
from auditor.report.markdown import escape as md_escape
from auditor.safetext import deep_escape, json_dumps

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "botaudit/v1"
# The one partial fingerprint code scanning reads; we fill it with botaudit's line-independent fingerprint.
GITHUB_FINGERPRINT_KEY = "primaryLocationLineHash"
INFORMATION_URI = "https://github.com/botaudit/botaudit"
SRCROOT = "%SRCROOT%"

# GitHub code scanning's documented limits (per run) and field lengths.
MAX_RESULTS = 5_000
MAX_DESCRIPTION = 1_024
MAX_NAME = 255
MAX_TAGS = 10

# Code scanning reads security-severity as: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low, and
# 0.0 as "no security severity". Each value sits inside its band, away from the edges; info has none.
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "2.0",
}
LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "note": "recommendation"}
PRECISION = {Confidence.HIGH: "high", Confidence.MEDIUM: "medium", Confidence.LOW: "low"}
# Inline `botaudit:allow` sits in the source; config entries and anything else live outside it.
SUPPRESSION_KIND = {"inline": "inSource"}


def _limit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# A run of backslashes is tried from its first one only (from every one, a long run without a bracket after it
# was quadratic); a run is matched whole or not at all either way.
_BRACKETS = re.compile(r"(?<!\\)(\\*)([\[\]])")


def message_text(text: str) -> str:
    """Plain text for a SARIF message: literal brackets escaped, so `[click](javascript:…)` taken from a
    scanned value is shown as text, never turned into an embedded link (SARIF 2.1.0 section 3.11.6)."""
    return _BRACKETS.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), text)


# `Rule.source` of a descriptor built from a finding: its texts are not from rules/, so its Markdown is
# escaped.
_FROM_FINDING = "<finding>"


def _markdown_help(rule: Rule) -> str:
    def md(text: str) -> str:
        return md_escape(text) if rule.source == _FROM_FINDING else text

    parts = [
        f"**{md(rule.title)}**",
        "",
        md(rule.rationale.strip()),
        "",
        "**Remediation**",
        "",
        md(rule.remediation.strip()),
    ]
    if rule.references:
        parts += ["", "**References**", ""] + [f"- {md(ref)}" for ref in rule.references]
    return "\n".join(parts)


def _text_help(rule: Rule) -> str:
    parts = [rule.rationale.strip(), "", "Remediation: " + rule.remediation.strip()]
    if rule.references:
        parts += ["", "References: " + ", ".join(rule.references)]
    return "\n".join(parts)


def _descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": rule.id}
    if rule.name:
        descriptor["name"] = _limit(rule.name, MAX_NAME)
    descriptor |= {
        "shortDescription": {"text": _limit(rule.title or rule.id, MAX_DESCRIPTION)},
        "fullDescription": {"text": _limit(rule.rationale.strip() or rule.title or rule.id, MAX_DESCRIPTION)},
        "help": {"text": _text_help(rule), "markdown": _markdown_help(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": rule.enabled},
        "properties": {
            "tags": (["security", rule.category] if rule.category else ["security"])[:MAX_TAGS],
            "precision": PRECISION[Confidence.HIGH],
            "problem.severity": PROBLEM_SEVERITY[LEVEL[rule.severity]],
        },
    }
    if rule.severity in SECURITY_SEVERITY:
        descriptor["properties"]["security-severity"] = SECURITY_SEVERITY[rule.severity]
    first_url = next((r for r in rule.references if r.startswith("https://")), None)
    if first_url:
        descriptor["helpUri"] = first_url
    return descriptor


def _fallback_rule(finding: Finding) -> Rule:
    """A descriptor for a finding whose rule was not passed in, so every result still has a rule."""
    return Rule(
        id=finding.rule_id,
        name=finding.name,
        title=finding.title,
        severity=finding.severity,
        category="",
        rationale=finding.title,
        remediation=finding.remediation
        or "See the rule documentation: botaudit rules show " + finding.rule_id,
        check="",
        references=finding.references,
        source=_FROM_FINDING,
    )


def _uri(path: str) -> str:
    """A relative URI reference for a repository path, byte for byte.

    Paths are POSIX and relative to the scan root, so a backslash is part of a file name (`back\\slash.env`
    is one file, not `back/slash.env`): it is percent-encoded like spaces, `%`, `#`, `?`, `:` (which would
    otherwise read as a URI scheme) and non-ASCII. A file-name byte that is not UTF-8 (a surrogate escape)
    is encoded as that very byte (`%FF`), so the URI names exactly the file that was scanned.
    """
    uri = path
    while uri.startswith("./"):
        uri = uri[2:]
    uri = uri.lstrip("/") or DEFAULT_ANCHOR
    try:
        raw = uri.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system produced (from decoded content): keep its code
        raw = uri.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/!$&'()*+,;=@-._~")


def _root_uri(result: ScanResult) -> str | None:
    """`file:///…/` of the folder paths are relative to (the first scan target), for `%SRCROOT%`."""
    if not result.targets:
        return None
    target = Path(result.targets[0])
    try:
        base = target.resolve()
        if not base.is_dir() and base.exists():
            base = base.parent
        raw = base.as_posix().encode("utf-8", "surrogateescape")
    except (OSError, UnicodeEncodeError, ValueError):
        return None
    return "file://" + quote(raw.rstrip(b"/") + b"/", safe="/!$&'()*+,;=:@-._~")


def _result(finding: Finding, rule_index: int, result: ScanResult, options: ReportOptions) -> dict[str, Any]:
    loc = anchor_location(finding)
    if loc is None:
        # A platform finding: anchor to where the agent's credential was referenced, else to the config.
        loc = next(
            (
                r.location
                for r in result.resolutions
                if r.location is not None
                and (r.identity_id == finding.identity or r.identity_name == finding.identity)
                and (finding.agent is None or r.agent == finding.agent)
            ),
            None,
        )
    uri = _uri(loc.path) if loc else _uri(options.config_path or DEFAULT_ANCHOR)
    start_line = max(1, loc.line if loc else 1)
    region: dict[str, Any] = {"startLine": start_line}
    if loc is not None and loc.line >= 1 and loc.column is not None and loc.column >= 1:
        region["startColumn"] = loc.column
    member = split_member(loc.path) if loc is not None else None
    text = message_text(finding.message or finding.title or finding.rule_id)
    if member is not None:
        # A member of an archive: the location is the archive, a file the repository holds and code scanning
        # can open (a line inside a zip means nothing there); the member and its line are in the message and
        # in properties.archiveMember.
        uri = _uri(member[0])
        region = {"startLine": 1}
        text += f" (in archive member {message_text(member[1])}, line {start_line})"
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": SRCROOT}, "region": region}
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc is not None and loc.key:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.key, "kind": "member"}]
    out: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {
            FINGERPRINT_KEY: finding.fingerprint,
            GITHUB_FINGERPRINT_KEY: f"{finding.fingerprint}:1",
        },
        "properties": {
            "severity": finding.severity.value,
            "confidence": finding.confidence.value,
            **{
                k: v
                for k, v in (
                    ("agent", finding.agent),
                    ("identity", finding.identity),
                    ("platform", finding.platform.value if finding.platform else None),
                    ("kind", finding.kind),
                )
                if v
            },
        },
    }
    if member is not None:
        out["properties"]["archiveMember"] = member[1]
    if finding.severity in SECURITY_SEVERITY:
        out["properties"]["security-severity"] = SECURITY_SEVERITY[finding.severity]
    if finding.suppressed and finding.suppression is not None:
        out["suppressions"] = [
            {
                "kind": SUPPRESSION_KIND.get(finding.suppression.kind, "external"),
                "status": "accepted",
                "justification": finding.suppression.reason
                + (f" (expires {finding.suppression.expires})" if finding.suppression.expires else ""),
            }
        ]
    if options.baseline_used or finding.baseline:
        out["baselineState"] = "unchanged" if finding.baseline else "new"
    return out


def document(result: ScanResult, rules: Sequence[Rule], options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as Python data."""
    known = {r.id: r for r in rules}
    for finding in result.findings:
        if finding.rule_id not in known:
            known[finding.rule_id] = _fallback_rule(finding)
    ordered = sorted(known.values(), key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(ordered)}
    findings = sorted_findings(result.findings)  # worst first: what a cap keeps
    limit = max(1, min(options.sarif_max_results, MAX_RESULTS))
    notifications = [
        {
            # Deliberate skips (lock files, unconnected platforms) are notes; what was not examined warns.
            "level": "note" if s.by_design else "warning",
            "message": {
                "text": message_text(
                    f"{'skipped by design' if s.by_design else 'not examined'}: {s.source}: {s.reason}"
                )
            },
            "descriptor": {"id": f"coverage/{s.category}"},
        }
        for s in sorted(result.coverage.skipped, key=lambda s: s.sort_key())
    ]
    if len(findings) > limit:
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{len(findings) - limit} lower-severity results left out of this SARIF log "
                    f"(code scanning shows at most {limit}); the JSON report lists all {len(findings)}"
                },
                "descriptor": {"id": "sarif/results-limit"},
            }
        )
    run: dict[str, Any] = {}
    root = _root_uri(result)
    if root is not None:
        run["originalUriBaseIds"] = {
            SRCROOT: {"uri": root, "description": {"text": "The scanned folder (the repository root in CI)."}}
        }
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "startTimeUtc": result.started.isoformat(),
        "endTimeUtc": result.finished.isoformat(),
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "botaudit",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_descriptor(r) for r in ordered],
                    }
                },
                **run,
                "invocations": [invocation],
                "results": [_result(f, index[f.rule_id], result, options) for f in findings[:limit]],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render(result: ScanResult, *, rules: Sequence[Rule], options: ReportOptions) -> str:
    """The SARIF log text: every string from scanned files has its control characters written as escapes
    (SARIF viewers show text; a terminal `cat` must not be driven by it) and the output is valid UTF-8."""
    return json_dumps(deep_escape(document(result, rules, options))) + "\n"
