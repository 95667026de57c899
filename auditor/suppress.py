"""Suppressions and baselines: mark findings as reviewed without dropping them; expired entries resurface.

Three sources, in this order: an inline `botaudit:allow` (strictly line-scoped: the finding's line or the line
above it; another scanner's allow comment, `gitleaks:allow` or `pragma: allowlist secret`, on the line it
covers by that scanner's own rule, unless `scan.peer_allow_markers` is false), a `suppressions:` entry of
botaudit.yaml (every field it gives must match; after its `expires` date it no longer suppresses), and the
baseline (the finding's fingerprint is known). Suppressed findings stay in the result and are counted; only
the gate ignores them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase

from auditor.baseline import Baseline
from auditor.clock import Clock
from auditor.config import Config, SuppressionEntry
from auditor.model import FileScan, Finding, Suppression

INLINE = "inline"
CONFIG = "config"


@dataclass(frozen=True)
class _Match:
    entry: SuppressionEntry
    expired: bool


def _glob(pattern: str, value: str | None) -> bool:
    """Exact or glob match; a pattern never matches a missing value."""
    if value is None:
        return False
    return value == pattern or fnmatchcase(value, pattern)


def _normalise_path(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def entry_matches(entry: SuppressionEntry, finding: Finding) -> bool:
    """Whether every field the entry gives matches the finding. An entry that gives none matches nothing."""
    given = False
    if entry.rule is not None:
        given = True
        wanted = entry.rule.strip().lower()
        if wanted not in (finding.rule_id.lower(), finding.name.lower()):
            return False
    if entry.path is not None:
        given = True
        path = _normalise_path(finding.location.path) if finding.location else None
        pattern = _normalise_path(entry.path)
        # `dir/` and `dir/**` cover everything below the folder.
        if pattern.endswith("/"):
            pattern += "*"
        if not _glob(pattern, path) and not (pattern.endswith("/**") and _glob(pattern[:-3] + "/*", path)):
            return False
    if entry.fingerprint is not None:
        given = True
        if entry.fingerprint != finding.fingerprint and entry.fingerprint not in finding.aliases:
            return False
    if entry.agent is not None:
        given = True
        if not _glob(entry.agent, finding.agent):
            return False
    if entry.identity is not None:
        given = True
        if not _glob(entry.identity, finding.identity):
            return False
    return given


def _inline_line(finding: Finding, allow: dict[str, frozenset[int]]) -> int | None:
    """The `botaudit:allow` line that covers this finding (its own line, else the one above), if any."""
    loc = finding.location
    if loc is None or loc.line < 1:
        return None
    lines = allow.get(_normalise_path(loc.path))
    if not lines:
        return None
    for candidate in (loc.line, loc.line - 1):
        if candidate in lines:
            return candidate
    return None


def _peer_marker(finding: Finding, peer: dict[str, dict[int, str]]) -> tuple[int, str] | None:
    """Another scanner's allow comment covering the finding's line: (the line it is on, the marker)."""
    loc = finding.location
    if loc is None or loc.line < 1:
        return None
    marker = peer.get(_normalise_path(loc.path), {}).get(loc.line)
    if marker is None:
        return None
    return (loc.line - 1 if "nextline" in marker else loc.line), marker


def describe(entry: SuppressionEntry) -> str:
    """How a warning names a suppression entry: its rule and its scope, and where it is configured."""
    rule = entry.rule or "any rule"
    scopes = [
        f"{label} {value}"
        for label, value in (
            ("path", entry.path),
            ("agent", entry.agent),
            ("identity", entry.identity),
            ("fingerprint", entry.fingerprint),
        )
        if value is not None
    ]
    text = f"suppression for {rule}"
    if scopes:
        text += " in " + ", ".join(scopes)
    if entry.line:
        text += f" (botaudit.yaml line {entry.line})"
    return text


def apply(
    findings: Sequence[Finding],
    *,
    files: Sequence[FileScan],
    config: Config,
    baseline: Baseline | None,
    clock: Clock,
) -> tuple[list[Finding], list[str]]:
    """Findings with `suppression` and `baseline` set, plus warnings about expired suppressions.

    A config suppression is expired the day after its `expires` date; the finding then carries the
    Suppression with `expired=True` and gates again — even when its fingerprint is in the baseline, because
    a baseline recorded while the suppression held must not keep hiding it.
    """
    today = clock.now().date()
    allow = {_normalise_path(f.path): frozenset(f.allow_lines) for f in files if f.allow_lines}
    peer: dict[str, dict[int, str]] = {}
    if config.peer_allow_markers:
        for f in [f for f in files if f.peer_allow]:  # the few files with such markers
            for covered, marker in f.peer_allow:
                peer.setdefault(_normalise_path(f.path), {}).setdefault(covered, marker)
    known = baseline.fingerprints if baseline is not None else frozenset()
    expired_hits: dict[int, int] = {}
    out: list[Finding] = []
    for finding in findings:
        suppression: Suppression | None = None
        line = _inline_line(finding, allow)
        marked = _peer_marker(finding, peer) if line is None and peer else None
        if line is not None:
            suppression = Suppression(kind=INLINE, reason=f"botaudit:allow on line {line}")
        elif marked is not None:
            suppression = Suppression(
                kind=INLINE,
                reason=f"{marked[1]} on line {marked[0]} (another scanner's marker; "
                "scan.peer_allow_markers: false reports it)",
            )
        else:
            matches = [
                _Match(e, e.expires is not None and today > e.expires)
                for e in config.suppressions
                if entry_matches(e, finding)
            ]
            live = next((m for m in matches if not m.expired), None)
            chosen = live or (matches[0] if matches else None)
            if chosen is not None:
                entry = chosen.entry
                suppression = Suppression(
                    kind=CONFIG,
                    reason=entry.reason,
                    expires=entry.expires.isoformat() if entry.expires else None,
                    expired=chosen.expired,
                )
                if chosen.expired:
                    index = config.suppressions.index(entry)
                    expired_hits[index] = expired_hits.get(index, 0) + 1
        # A finding matches its entry by its fingerprint, or by the one it had under an earlier secret
        # fingerprint scheme (aliases: only while a baseline recorded under it is in use).
        in_baseline = (
            finding.fingerprint in known or any(alias in known for alias in finding.aliases)
        ) and not (suppression is not None and suppression.expired)
        out.append(replace(finding, suppression=suppression, baseline=in_baseline))
    warnings = []
    for index in sorted(expired_hits):
        entry = config.suppressions[index]
        count = expired_hits[index]
        expires = entry.expires.isoformat() if entry.expires else "an unknown date"
        subject = "the finding gates again" if count == 1 else f"its {count} findings gate again"
        warnings.append(f"{describe(entry)} expired on {expires}: {subject}")
    return out, warnings
