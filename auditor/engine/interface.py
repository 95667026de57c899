"""What a rule is and what its check sees: the contract between rules/*.yaml, predicates and the evaluator."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from auditor.model import (
    Agent,
    Confidence,
    FileScan,
    Finding,
    Location,
    NotEvaluated,
    Platform,
    ReachGap,
    Record,
    Resolution,
    Severity,
    Snapshot,
)
from auditor.redact import LEGACY_SECRET_FINGERPRINTS, stable_id

if TYPE_CHECKING:
    from auditor.clock import Clock
    from auditor.config import Config


_TOKEN_SUBJECT = "token:"  # a collector's identity for a token it authenticated with: "token:" + fingerprint


def _legacy_aliases(
    rule_id: str, subject: str, key: str | None, secret_fingerprint: str | None, agent: str | None
) -> tuple[str, ...]:
    """The finding's fingerprint under secret scheme 2, when it differs (an issued token's secret or token
    identity) and the scan derives scheme-2 fingerprints (auditor.redact.legacy_aliases); else ()."""
    legacy = LEGACY_SECRET_FINGERPRINTS.get()
    if not legacy:
        return ()
    old_secret = legacy.get(secret_fingerprint or "", secret_fingerprint or "")
    old_subject = subject
    if subject.startswith(_TOKEN_SUBJECT) and (old := legacy.get(subject[len(_TOKEN_SUBJECT) :])):
        old_subject = _TOKEN_SUBJECT + old
    if old_secret == (secret_fingerprint or "") and old_subject == subject:
        return ()
    return (stable_id(rule_id, old_subject, key or "", old_secret, agent or ""),)


@dataclass(frozen=True, repr=False, eq=False)
class Rule(Record):
    """One rule definition from rules/*.yaml, after botaudit.yaml overrides (severity, params)."""

    id: str
    name: str
    title: str
    severity: Severity
    category: str
    rationale: str
    remediation: str
    check: str
    references: tuple[str, ...] = ()
    compliance: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    platform: str | None = None
    # Each param's declaration from the rule file (JSON Schema keywords: type, minimum, maximum, items ...,
    # plus description); botaudit.yaml overrides are validated against it.
    param_schema: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    enabled: bool = True
    source: str = ""

    def finding(
        self,
        message: str,
        *,
        subject: str,
        location: Location | None = None,
        identity: str | None = None,
        platform: Platform | None = None,
        agent: str | None = None,
        kind: str | None = None,
        secret_fingerprint: str | None = None,
        evidence: Mapping[str, Any] | None = None,
        confidence: Confidence = Confidence.HIGH,
        severity: Severity | None = None,
        distinct: str = "",
        formerly_at: Location | None = None,
    ) -> Finding:
        """Build a Finding whose fingerprint survives edits: rule + subject (+ key path + secret fp), no line.

        `subject` is the file path or the identity id the finding is about; it must never be a secret value.
        `distinct` tells apart findings of one rule about one subject (an agent's connections to two
        platforms), which are otherwise one fingerprint and so one finding; the fingerprint without it is kept
        as an alias, so a baseline or suppression recorded before still matches. `formerly_at` is where an
        earlier version put the finding (a connection's first evidence in path order, before its deciding
        evidence was); when its key differs, the fingerprints it gave are aliases too.
        """
        key = location.key if location else None
        parts: tuple[str, ...] = (self.id, subject, key or "", secret_fingerprint or "", agent or "")
        aliases = _legacy_aliases(self.id, subject, key, secret_fingerprint, agent)
        if distinct:
            aliases = (*aliases, stable_id(*parts))
            parts = (*parts, distinct)
        if formerly_at is not None and (formerly_at.key or "") != (key or ""):
            former = (self.id, subject, formerly_at.key or "", secret_fingerprint or "", agent or "")
            aliases = (
                *aliases,
                *_legacy_aliases(self.id, subject, formerly_at.key, secret_fingerprint, agent),
                stable_id(*former),
                *((stable_id(*former, distinct),) if distinct else ()),
            )
        return Finding(
            aliases=aliases,
            rule_id=self.id,
            name=self.name,
            severity=severity or self.severity,
            title=self.title,
            message=message,
            fingerprint=stable_id(*parts),
            location=location,
            identity=identity,
            platform=platform,
            agent=agent,
            kind=kind,
            evidence=dict(evidence or {}),
            remediation=self.remediation,
            references=self.references,
            confidence=confidence,
        )

    def not_evaluated(self, subject: str, reason: str) -> NotEvaluated:
        return NotEvaluated(rule_id=self.id, subject=subject, reason=reason)


@dataclass(frozen=True, repr=False, eq=False)
class RuleContext(Record):
    """Everything a check may read. Checks are pure functions of (rule, context)."""

    config: Config
    clock: Clock
    agents: tuple[Agent, ...] = ()
    files: tuple[FileScan, ...] = ()
    snapshots: Mapping[Platform, Snapshot] = field(default_factory=dict)
    resolutions: tuple[Resolution, ...] = ()
    gaps: tuple[ReachGap, ...] = ()
    # --history: file versions from git history holding secrets that are gone from the tree.
    history: tuple[FileScan, ...] = ()


CheckResult = Iterable[Finding | NotEvaluated]
CheckFn = Callable[[Rule, RuleContext], CheckResult]
