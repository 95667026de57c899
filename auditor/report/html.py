"""The HTML report for auditors: one self-contained, autoescaped file that loads nothing from the network.

Every value from scanned files reaches the page only through jinja2 autoescaping or `tojson` inside a
`<script type="application/json">` block. The one inline script is allowed by its sha256 hash in the page's
Content-Security-Policy, so even a value that escaped escaping could not run script.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from auditor import __version__
from auditor.engine.interface import Rule
from auditor.model import (
    Agent,
    Connection,
    Finding,
    NotEvaluated,
    ReachGap,
    ScanResult,
    SecretMatch,
    SecretReference,
    Severity,
    Skipped,
)
from auditor.report.common import (
    SEVERITY_ORDER,
    ReportOptions,
    all_secrets,
    gap_extra_text,
    gap_summary,
    iso,
    jsonable,
    location_text,
    ranked_extra,
    rules_by_id,
    safe_hint,
    sorted_findings,
    sorted_gaps,
    summary_counts,
)
from auditor.safetext import deep_escape

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "report.html.j2"
SCRIPT = "report.js"
# Extra capabilities listed per chain before "and N more"; the JSON report has the counts.
CAPABILITIES_PER_CHAIN = 25
WORST_GAPS = 5
CHART_COLORS = {
    Severity.CRITICAL: "#b3001b",
    Severity.HIGH: "#d9480f",
    Severity.MEDIUM: "#c98a00",
    Severity.LOW: "#1c7ed6",
    Severity.INFO: "#868e96",
}


@functools.cache
def _environment() -> Environment:
    # Built once: jinja2 then compiles the template once per process, not once per report.
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(
            enabled_extensions=("html", "j2"), default_for_string=True, default=True
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def content_security_policy(script: str) -> str:
    """Nothing may load; inline styles are allowed, and only the report's own script (by hash) may run."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def _anchor(name: str) -> str:
    """An id-safe anchor for an agent name (hostile names included); a hash keeps it unique."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:40]
    return f"{slug or 'agent'}-{hashlib.sha256(name.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def _chart(counts: dict[str, int]) -> dict[str, Any]:
    top = max(counts.values(), default=0) or 1
    bars = [
        {
            "label": sev.value,
            "count": counts[sev.value],
            "width": round(380 * counts[sev.value] / top),
            "y": 4 + i * 24,
            "color": CHART_COLORS[sev],
        }
        for i, sev in enumerate(SEVERITY_ORDER)
    ]
    return {"bars": bars, "height": 8 + len(bars) * 24}


def _gap_view(gap: ReachGap, limit: int | None) -> dict[str, Any]:
    ranked = ranked_extra(gap, limit)
    return {
        "agent": gap.agent,
        "platform": gap.platform.value,
        "identity": gap.identity,
        "baseline": gap.baseline,
        # Text, not a number: a partial gap (some reach unread) reads "at least N (partial)", never 0.
        "extra_count": gap_extra_text(gap),
        "partial": gap.partial,
        "worst": gap.worst_level.value if gap.worst_level else "",
        "escalation": gap.escalation,
        "summary": gap_summary(gap),
        "ranked": [{"level": c.level.value, "action": c.action, "resource": c.resource} for c in ranked],
        "more": max(0, gap.extra_count - len(ranked)),
    }


def _agent_view(agent: Agent, result: ScanResult, used_gaps: set[int]) -> dict[str, Any]:
    secrets = {s.fingerprint: s for s in agent.secrets}
    gaps = [g for g in result.gaps if g.agent == agent.name]
    chains = []
    for res in sorted(
        (r for r in result.resolutions if r.agent == agent.name),
        key=lambda r: (r.platform.value, r.identity_id, r.sort_key()),
    ):
        secret = secrets.get(res.credential_fingerprint or "")
        credential = f"{secret.kind} {secret.redacted}" if secret else f"credential via {res.via}"
        gap = next(
            (
                g
                for g in gaps
                if g.platform == res.platform and g.identity in (res.identity_id, res.identity_name)
            ),
            None,
        ) or next((g for g in gaps if g.platform == res.platform and id(g) not in used_gaps), None)
        if gap is not None:
            used_gaps.add(id(gap))
        chains.append(
            {
                "credential": credential,
                "platform": res.platform.value,
                "identity": res.identity_name
                if res.identity_name == res.identity_id
                else f"{res.identity_name} ({res.identity_id})",
                "gap": _gap_view(gap, CAPABILITIES_PER_CHAIN) if gap else None,
            }
        )
    # A gap measured without a resolution still belongs on the agent's page.
    for gap in gaps:
        if id(gap) not in used_gaps:
            used_gaps.add(id(gap))
            chains.append(
                {
                    "credential": "credential",
                    "platform": gap.platform.value,
                    "identity": gap.identity,
                    "gap": _gap_view(gap, CAPABILITIES_PER_CHAIN),
                }
            )
    return {
        "name": agent.name,
        "anchor": _anchor(agent.name),
        "kind": agent.kind,
        "root": agent.root,
        "multi_user": agent.multi_user,
        "gap_count": sum(g.extra_count for g in gaps),
        "connections": [
            {
                "platform": c.platform.value,
                "auth_model": c.auth_model.value,
                "good": c.auth_model.is_per_user_or_jit,
                "identity_hint": safe_hint(c.identity_hint),
            }
            for c in sorted(agent.connections, key=Connection.sort_key)
        ],
        "chains": chains,
        "credentials": [
            {
                "kind": s.kind,
                "where": location_text(s.location),
                "redacted": s.redacted,
                "fingerprint": s.fingerprint,
                "context": s.context.value,
            }
            for s in sorted(agent.secrets, key=SecretMatch.sort_key)
        ],
        "references": [
            {"kind": r.kind.value, "target": r.target, "where": location_text(r.location)}
            for r in sorted(agent.references, key=SecretReference.sort_key)
        ],
    }


def _status(f: Finding) -> tuple[str, bool]:
    if f.suppression is not None and f.suppression.expired:
        return f"suppression expired {f.suppression.expires}", True
    if f.suppressed:
        return "suppressed", False
    if f.baseline:
        return "baseline", False
    return "", False


def _finding_view(f: Finding, previews: dict[tuple[str, int, str | None], str]) -> dict[str, Any]:
    status, bad = _status(f)
    loc = f.location
    return {
        "rule_id": f.rule_id,
        "name": f.name,
        "severity": f.severity.value,
        "title": f.title,
        "message": f.message,
        "where": location_text(loc) if loc else (f.identity or ""),
        "key": loc.key if loc else None,
        "preview": previews.get((loc.path, loc.line, loc.key)) if loc else None,
        "identity": f.identity,
        "platform": f.platform.value if f.platform else None,
        "agent": f.agent,
        "confidence": f.confidence.value,
        "remediation": f.remediation,
        "fingerprint": f.fingerprint,
        "status": status,
        "status_bad": bad,
        "suppression_kind": f.suppression.kind if f.suppression else "baseline",
        "reason": f.suppression.reason if f.suppression else "known finding recorded in the baseline",
        "expires": f.suppression.expires if f.suppression else None,
    }


def _rule_views(rules: Sequence[Rule], findings: Sequence[Finding]) -> list[dict[str, Any]]:
    counts = Counter(f.rule_id for f in findings)
    known = rules_by_id(rules)
    views = []
    for rule_id in sorted(set(known) | set(counts)):
        rule = known.get(rule_id)
        sample = next((f for f in findings if f.rule_id == rule_id), None)
        if rule is None and sample is None:
            continue
        references = rule.references if rule else sample.references if sample else ()
        views.append(
            {
                "id": rule_id,
                "name": rule.name if rule else sample.name if sample else "",
                "title": rule.title if rule else sample.title if sample else "",
                "severity": (rule.severity if rule else sample.severity if sample else Severity.INFO).value,
                "rationale": rule.rationale if rule else "",
                "remediation": rule.remediation if rule else sample.remediation if sample else "",
                "references": [
                    {"text": ref, "url": ref if ref.startswith("https://") else None} for ref in references
                ],
                "count": counts.get(rule_id, 0),
            }
        )
    # Rules with findings first: an auditor reads those; the rest are the catalogue.
    return sorted(views, key=lambda v: (v["count"] == 0, v["id"]))


def _coverage_view(result: ScanResult) -> dict[str, Any]:
    cov = result.coverage
    categories: dict[str, list[dict[str, str]]] = defaultdict(list)
    for s in sorted(cov.skipped, key=Skipped.sort_key):
        categories[s.category].append({"source": s.source, "reason": s.reason})
    return {
        "complete": cov.complete,
        "files_scanned": cov.files_scanned,
        "bytes_scanned": cov.bytes_scanned,
        "requested": sorted(cov.platforms_requested),
        "collected": sorted(cov.platforms_collected),
        "missing": sorted(set(cov.platforms_requested) - set(cov.platforms_collected)),
        "categories": [{"name": k, "entries": v} for k, v in sorted(categories.items())],
        "not_evaluated": [
            {"rule_id": n.rule_id, "subject": n.subject, "reason": n.reason}
            for n in sorted(cov.not_evaluated, key=NotEvaluated.sort_key)
        ],
    }


def context(result: ScanResult, rules: Sequence[Rule]) -> dict[str, Any]:
    """Everything the template shows, as plain data (the template only lays it out)."""
    previews = {(s.location.path, s.location.line, s.location.key): s.redacted for s in all_secrets(result)}
    findings = sorted_findings(result.findings)
    used_gaps: set[int] = set()
    agents = [_agent_view(a, result, used_gaps) for a in sorted(result.agents, key=Agent.sort_key)]
    summary = summary_counts(result)
    parameters = jsonable(dict(result.parameters))
    finding_views = [_finding_view(f, previews) for f in findings]
    return {
        "tool_version": __version__,
        "targets": list(result.targets),
        "title_targets": ", ".join(result.targets) or ".",
        "started": iso(result.started),
        "finished": iso(result.finished),
        "duration": f"{(result.finished - result.started).total_seconds():.1f}",
        "summary": summary,
        "chart": _chart(summary["findings_by_severity"]),
        "worst_gaps": [_gap_view(g, 0) for g in sorted_gaps(result.gaps)[:WORST_GAPS]],
        "agents": agents,
        "orphan_gaps": [_gap_view(g, 5) for g in sorted_gaps(result.gaps) if id(g) not in used_gaps],
        "severities": [s.value for s in SEVERITY_ORDER],
        "findings": finding_views,
        "suppressed": [
            v for f, v in zip(findings, finding_views, strict=True) if f.suppression is not None or f.baseline
        ],
        "rules": _rule_views(rules, findings),
        "coverage": _coverage_view(result),
        "parameters": sorted((str(k), str(v)) for k, v in parameters.items()),
        # Read by the page's script (agent filter); `tojson` escapes <, >, & and ' for the script context.
        "data": {"agents": sorted({f.agent for f in findings if f.agent})},
    }


def render(result: ScanResult, *, rules: Sequence[Rule], options: ReportOptions) -> str:
    """The HTML report: one file, inline CSS and JS, nothing loaded from anywhere."""
    script = (TEMPLATES / SCRIPT).read_text(encoding="utf-8")
    template = _environment().get_template(TEMPLATE)
    return template.render(
        # Every scanned value with its control, bidi and undecodable characters as visible escapes:
        # autoescaping handles <, >, & and quotes, not ESC, BEL or C1 bytes (issue 10 item 11).
        **deep_escape(context(result, rules)),
        csp=content_security_policy(script),
        # Our own file, trusted: inserted verbatim so the CSP hash matches byte for byte.
        script=Markup(script),
    )
