"""The JSON report (DESIGN.md section 8): a versioned public document, deliberately not a model dump."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from auditor import __version__
from auditor.engine.interface import Rule
from auditor.model import (
    Agent,
    Connection,
    Finding,
    Identity,
    NotEvaluated,
    ReachGap,
    Resolution,
    ScanResult,
    SecretMatch,
    SecretReference,
    Skipped,
    Snapshot,
    Unread,
)
from auditor.report.common import (
    ReportOptions,
    gap_summary,
    iso,
    jsonable,
    location_dict,
    ranked_extra,
    safe_hint,
    sorted_findings,
    sorted_gaps,
    summary_counts,
)
from auditor.safetext import json_dumps

# The report format's own version; bump the major on a breaking change (auditor/schemas/report.schema.json).
SCHEMA_VERSION = "1.0"


def _credential(s: SecretMatch) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "detector": s.detector_id,
        "location": location_dict(s.location),
        "redacted": s.redacted,
        "fingerprint": s.fingerprint,
        "context": s.context.value,
        "severity": s.severity.value,
        "confidence": s.confidence.value,
        "platform": s.platform.value if s.platform else None,
        "is_example": s.is_example,
        "in_test_path": s.in_test_path,
    }


def _reference(r: SecretReference) -> dict[str, Any]:
    return {
        "kind": r.kind.value,
        "target": r.target,
        "location": location_dict(r.location),
        "platform": r.platform.value if r.platform else None,
    }


def _connection(c: Connection) -> dict[str, Any]:
    return {
        "platform": c.platform.value,
        "auth_model": c.auth_model.value,
        "good_pattern": c.auth_model.is_per_user_or_jit,
        "identity_hint": safe_hint(c.identity_hint),
        "evidence": [{"path": e.path, "line": e.line} for e in c.evidence],
        "credential_fingerprints": list(c.credential_fingerprints),
        # The evidence that decided the auth model (or, for `unknown`, what was looked for).
        "reason": c.reason,
    }


def _agent(a: Agent) -> dict[str, Any]:
    return {
        "name": a.name,
        "root": a.root,
        "kind": a.kind,
        "multi_user": a.multi_user,
        "multi_user_reason": a.multi_user_reason,
        "declared": a.declared,
        "environment": a.environment,
        "manifests": [location_dict(m) for m in a.manifests],
        "connections": [_connection(c) for c in a.connections],
        "credentials": [_credential(s) for s in sorted(a.secrets, key=SecretMatch.sort_key)],
        "references": [_reference(r) for r in sorted(a.references, key=SecretReference.sort_key)],
    }


def _identity(i: Identity) -> dict[str, Any]:
    return {
        "platform": i.platform.value,
        "id": i.id,
        "name": i.name,
        "kind": i.kind,
        # Aliases are join keys (access key ids among them): shown redacted when they look like credentials.
        "aliases": [safe_hint(a) for a in i.aliases],
        "attributes": jsonable(i.attributes),
    }


def _resolution(r: Resolution) -> dict[str, Any]:
    return {
        "agent": r.agent,
        "platform": r.platform.value,
        "credential_fingerprint": r.credential_fingerprint,
        "via": r.via,
        "identity": r.identity_id,
        "identity_name": r.identity_name,
        "location": location_dict(r.location),
    }


def _gap(g: ReachGap) -> dict[str, Any]:
    return {
        "agent": g.agent,
        "platform": g.platform.value,
        "identity": g.identity,
        "baseline": g.baseline,
        "extra_count": g.extra_count,
        "worst_level": g.worst_level.value if g.worst_level else None,
        "summary": gap_summary(g),
        "escalation": g.escalation,
        "partial": g.partial,
        "unknown": list(g.unknown),
        "top": [
            {"action": c.action, "resource": c.resource, "level": c.level.value} for c in ranked_extra(g)
        ],
    }


def _collector(snap: Snapshot) -> dict[str, Any]:
    return {
        "platform": snap.platform.value,
        "source": snap.source,
        "collected_at": iso(snap.collected_at),
        "requests": snap.requests,
        "duration_seconds": round(snap.duration_seconds, 3),
        "complete": snap.complete,
        "unread": [
            {
                "part": u.part,
                "subject": u.subject,
                "reason": u.reason,
                "category": u.category,
                "affects_reach": u.affects_reach,
            }
            for u in sorted(snap.unread, key=Unread.sort_key)
        ],
    }


def _finding(f: Finding) -> dict[str, Any]:
    s = f.suppression
    return {
        "rule_id": f.rule_id,
        "name": f.name,
        "severity": f.severity.value,
        "title": f.title,
        "message": f.message,
        "kind": f.kind,
        "location": location_dict(f.location),
        "identity": f.identity,
        "platform": f.platform.value if f.platform else None,
        "agent": f.agent,
        "fingerprint": f.fingerprint,
        "confidence": f.confidence.value,
        "gating": f.gating,
        "suppressed": f.suppressed,
        "suppression": (
            {"kind": s.kind, "reason": s.reason, "expires": s.expires, "expired": s.expired} if s else None
        ),
        "baseline": f.baseline,
        "remediation": f.remediation,
        "references": list(f.references),
    }


def document(result: ScanResult) -> dict[str, Any]:
    """The JSON report as Python data, in its stable order."""
    cov = result.coverage
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "botaudit", "version": __version__},
        "started": iso(result.started),
        "finished": iso(result.finished),
        "targets": list(result.targets),
        "parameters": jsonable(dict(result.parameters)),
        "summary": summary_counts(result),
        "agents": [_agent(a) for a in sorted(result.agents, key=Agent.sort_key)],
        "identities": [_identity(i) for i in sorted(result.identities, key=Identity.sort_key)],
        "resolutions": [_resolution(r) for r in sorted(result.resolutions, key=Resolution.sort_key)],
        "gaps": [_gap(g) for g in sorted_gaps(result.gaps)],
        "findings": [_finding(f) for f in sorted_findings(result.findings)],
        "collectors": [_collector(s) for s in sorted(result.snapshots, key=Snapshot.sort_key)],
        "coverage": {
            "complete": cov.complete,
            "files_scanned": cov.files_scanned,
            "bytes_scanned": cov.bytes_scanned,
            "skipped": [
                {"source": s.source, "reason": s.reason, "category": s.category}
                for s in sorted(cov.skipped, key=Skipped.sort_key)
            ],
            "not_evaluated": [
                {"rule_id": n.rule_id, "subject": n.subject, "reason": n.reason}
                for n in sorted(cov.not_evaluated, key=NotEvaluated.sort_key)
            ],
            "platforms_requested": sorted(cov.platforms_requested),
            "platforms_collected": sorted(cov.platforms_collected),
            # API round trips per platform; for a snapshot replayed offline, those made when it was collected.
            "platform_requests": {s.platform.value: s.requests for s in result.snapshots},
            **(
                {"history": {"commits": cov.history_commits, "blobs": cov.history_blobs or 0}}
                if cov.history_commits is not None
                else {}
            ),
            "platforms_partial": sorted(cov.platforms_partial),
        },
    }


def inventory_document(result: ScanResult) -> dict[str, Any]:
    """Only the agent inventory (`botaudit inventory --json`), in the report's agent shape."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "botaudit", "version": __version__},
        "agents": [_agent(a) for a in sorted(result.agents, key=Agent.sort_key)],
    }


def render(result: ScanResult, *, rules: Sequence[Rule], options: ReportOptions) -> str:
    """The JSON report text (two-space indent, trailing newline): valid UTF-8 whatever the scanned names hold
    (an undecodable file-name byte reads `\\xff`), with no raw control character (see auditor.safetext)."""
    return json_dumps(document(result)) + "\n"
