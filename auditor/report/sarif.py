"""SARIF 2.1.0 for code scanning: a reportingDescriptor per rule, fingerprints, suppressions, baselines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from auditor import __version__
from auditor.engine.interface import Rule
from auditor.model import Confidence, Finding, ScanResult, Severity
from auditor.report.common import DEFAULT_ANCHOR, ReportOptions, anchor_location, sorted_findings

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "botaudit/v1"
INFORMATION_URI = "https://github.com/botaudit/botaudit"

# GitHub code scanning buckets security-severity: >= 9 critical, >= 7 high, >= 4 medium, > 0 low.
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.0",
    Severity.HIGH: "7.0",
    Severity.MEDIUM: "5.0",
    Severity.LOW: "3.0",
    Severity.INFO: "0.0",
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


def _markdown_help(rule: Rule) -> str:
    parts = [
        f"**{rule.title}**",
        "",
        rule.rationale.strip(),
        "",
        "**Remediation**",
        "",
        rule.remediation.strip(),
    ]
    if rule.references:
        parts += ["", "**References**", ""] + [f"- {ref}" for ref in rule.references]
    return "\n".join(parts)


def _text_help(rule: Rule) -> str:
    parts = [rule.rationale.strip(), "", "Remediation: " + rule.remediation.strip()]
    if rule.references:
        parts += ["", "References: " + ", ".join(rule.references)]
    return "\n".join(parts)


def _descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale.strip() or rule.title},
        "help": {"text": _text_help(rule), "markdown": _markdown_help(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": rule.enabled},
        "properties": {
            "security-severity": SECURITY_SEVERITY[rule.severity],
            "tags": ["security", rule.category] if rule.category else ["security"],
            "precision": PRECISION[Confidence.HIGH],
            "problem.severity": PROBLEM_SEVERITY[LEVEL[rule.severity]],
        },
    }
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
    )


def _uri(path: str) -> str:
    uri = path.replace("\\", "/")
    while uri.startswith("./"):
        uri = uri[2:]
    # SARIF wants a valid URI reference: spaces, `%`, `#`, `?` and non-ASCII are percent-encoded.
    return quote(uri.lstrip("/") or DEFAULT_ANCHOR, safe="/!$&'()*+,;=:@-._~")


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
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}, "region": {"startLine": start_line}}
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc is not None and loc.key:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.key, "kind": "member"}]
    out: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message or finding.title},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "severity": finding.severity.value,
            "security-severity": SECURITY_SEVERITY[finding.severity],
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
    notifications = [
        {
            "level": "warning",
            "message": {"text": f"not examined: {s.source}: {s.reason}"},
            "descriptor": {"id": f"coverage/{s.category}"},
        }
        for s in result.coverage.skipped
    ]
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
                "invocations": [invocation],
                "results": [
                    _result(f, index[f.rule_id], result, options) for f in sorted_findings(result.findings)
                ],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render(result: ScanResult, *, rules: Sequence[Rule], options: ReportOptions) -> str:
    """The SARIF log text."""
    return json.dumps(document(result, rules, options), indent=2, ensure_ascii=False) + "\n"
