"""What every reporter shares: options, stable ordering, safe text for hostile values, hint redaction."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from auditor.model import (
    AccessLevel,
    Capability,
    Finding,
    Location,
    ReachGap,
    ScanResult,
    SecretMatch,
    Severity,
    SortKey,
)
from auditor.redact import redact
from auditor.safetext import escape
from auditor.safetext import one_line as one_line  # re-exported for the reporters

# Reporters show severities in this order: the worst first.
SEVERITY_ORDER: tuple[Severity, ...] = tuple(sorted(Severity, key=lambda s: s.rank, reverse=True))

# How many extra capabilities a gap lists as its "top" examples.
TOP_CAPABILITIES = 10

DEFAULT_ANCHOR = "botaudit.yaml"


@dataclass(frozen=True)
class ReportOptions:
    """How a report is rendered; the CLI builds one from its flags, library callers use the defaults."""

    no_color: bool = False
    width: int = 120
    # Repository-relative path of the botaudit.yaml in use; SARIF anchors platform findings to it.
    config_path: str | None = None
    # Whether `--baseline` was given: SARIF then marks every result "new" or "unchanged".
    baseline_used: bool = False
    # Markdown lists at most this many gating findings before "and N more".
    markdown_max_findings: int = 50
    # SARIF keeps the worst this many results (GitHub code scanning shows at most 5,000 and warns above).
    sarif_max_results: int = 5_000


def options_for(result: ScanResult, *, color: bool = False, width: int = 120) -> ReportOptions:
    """Options derived from the run itself: whether a baseline was used and where botaudit.yaml sits."""
    params = result.parameters
    config = params.get("config")
    config_path = None
    if isinstance(config, str) and config:
        config_path = _repo_relative(config, result.targets)
    return ReportOptions(
        no_color=not color, width=width, config_path=config_path, baseline_used=bool(params.get("baseline"))
    )


def _repo_relative(path: str, targets: Sequence[str]) -> str:
    """`path` relative to the first scan target (the repository root in CI), else to the working folder."""
    target = Path(path)
    if not target.is_absolute():
        return target.as_posix()
    for root in (*targets, "."):
        base = Path(root).resolve()
        base = base if base.is_dir() or not base.exists() else base.parent
        try:
            return target.relative_to(base).as_posix()
        except ValueError:
            continue
    return target.name


def finding_sort_key(f: Finding) -> SortKey:
    """Stable report order: severity (worst first), then file or identity, line, rule id, fingerprint."""
    return f.sort_key()


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=finding_sort_key)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts per severity, every severity present (zero included), worst first."""
    counts = Counter(f.severity for f in findings)
    return {s.value: counts.get(s, 0) for s in SEVERITY_ORDER}


def ranked_extra(gap: ReachGap, limit: int | None = TOP_CAPABILITIES) -> list[Capability]:
    """The gap's extra capabilities, admin > write > read > list, then by action and resource."""
    ranked = sorted(gap.extra, key=lambda c: (-c.level.rank, c.action, c.resource, c.sort_key()))
    return ranked if limit is None else ranked[:limit]


def gap_summary(gap: ReachGap) -> dict[str, int]:
    """Per-level counts, from the gap's own summary when the comparison filled it, else counted here."""
    counts = Counter(c.level.value for c in gap.extra)
    summary = {lv.value: counts.get(lv.value, 0) for lv in sorted(AccessLevel, key=lambda x: -x.rank)}
    for key, value in gap.summary.items():
        if isinstance(value, int) and key not in summary:
            summary[str(key)] = value
    return summary


def gap_extra_text(gap: ReachGap) -> str:
    """The extra count as text: a partial gap (some reach could not be read) is a lower bound, never 0."""
    if gap.partial:
        return f"at least {gap.extra_count} (partial)" if gap.extra_count else "unknown (partial)"
    return str(gap.extra_count)


def gap_worst_text(gap: ReachGap) -> str:
    worst = gap.worst_level.value if gap.worst_level else ("unknown" if gap.partial else "no gap")
    return worst + (" (escalation)" if gap.escalation else "")


def sorted_gaps(gaps: Iterable[ReachGap]) -> list[ReachGap]:
    """Worst gaps first: escalation, then the worst level, then the number of extra capabilities."""
    return sorted(
        gaps,
        key=lambda g: (
            not g.escalation,
            -(g.worst_level.rank if g.worst_level else -1),
            -g.extra_count,
            g.sort_key(),
        ),
    )


def clean(value: object) -> str:
    """Scanned text with control, bidi and undecodable characters written as visible escapes (`\\x1b`)."""
    return escape(value)


# Prefixes of credential formats that botaudit's detectors flag; an identity hint that starts with one is a
# secret (or a key id the reports still redact, as for SecretMatch.identifier).
_SECRET_PREFIXES = (
    "akia",
    "asia",
    "sk-",
    "sk_",
    "rk_",
    "pk_live",
    "xox",
    "xapp-",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "aiza",
    "hvs.",
    "hvb.",
    "hvr.",
    "sg.",
    "npm_",
    "pypi-",
)
# Legacy Vault tokens, JWTs and Salesforce session ids have prefixes too short to trust alone.
_SECRET_SHAPES = re.compile(
    r"^(s\.[A-Za-z0-9]{20,}|eyJ[\w-]{8,}\.[\w-]{8,}\.?[\w-]*|00D\w{12,15}![\w.]{20,})$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_ARN = re.compile(r"^arn:aws[\w-]*:")


def _entropy(value: str) -> float:
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def looks_secret(value: str) -> bool:
    """Whether an identity hint is secret-ish: a known credential prefix or a long high-entropy token.

    Usernames, e-mail addresses, client ids (UUIDs), ARNs and Vault role paths are identifiers and may show.
    """
    text = value.strip()
    if not text:
        return False
    if _EMAIL.match(text) or _UUID.match(text) or _ARN.match(text):
        return False
    lowered = text.lower()
    if (lowered.startswith(_SECRET_PREFIXES) and len(text) >= 12) or _SECRET_SHAPES.match(text):
        return True
    if "://" in text and "@" in text.split("://", 1)[1]:
        return True  # a URL with user:password@
    # A long token without separators and with mixed character classes is what generic detectors flag.
    if len(text) >= 20 and not re.search(r"[\s/]", text):
        classes = sum(bool(re.search(p, text)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
        if classes >= 3 and _entropy(text) >= 3.5:
            return True
    return False


def safe_hint(value: str | None) -> str | None:
    """An identity hint fit for a report: identifiers as they are, secret-ish values redacted."""
    if value is None:
        return None
    return redact(value) if looks_secret(value) else one_line(value)


def location_dict(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    data: dict[str, Any] = {"path": loc.path, "line": loc.line, "key": loc.key}
    if loc.commit is not None:
        data["commit"] = loc.commit
    return data


def location_text(loc: Location | None) -> str:
    if loc is None:
        return ""
    text = f"{loc.path}:{loc.line}" if loc.line else loc.path
    if loc.commit is not None:
        text += f" @{loc.commit[:12]}"
    return f"{text} ({loc.key})" if loc.key else text


def anchor_location(finding: Finding) -> Location | None:
    """Where a finding points in the repository: its location, else the evidence `anchor`."""
    if finding.location is not None:
        return finding.location
    anchor = finding.evidence.get("anchor") if isinstance(finding.evidence, Mapping) else None
    if isinstance(anchor, Location):
        return anchor
    if isinstance(anchor, Mapping) and isinstance(anchor.get("path"), str):
        line = anchor.get("line")
        return Location(path=anchor["path"], line=line if isinstance(line, int) else 0)
    if isinstance(anchor, str) and anchor:
        path, _, line = anchor.rpartition(":")
        if path and line.isdigit():
            return Location(path=path, line=int(line))
        return Location(path=anchor)
    return None


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def jsonable(value: Any) -> Any:
    """Parameters and attributes as JSON values (enums by value, dates as ISO text, sets sorted)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "value") and isinstance(value.value, str):  # str enums
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((jsonable(v) for v in value), key=str)
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [jsonable(v) for v in value]
    return str(value)


def rules_by_id(rules: Sequence[Any]) -> dict[str, Any]:
    return {r.id: r for r in rules}


def all_secrets(result: ScanResult) -> list[SecretMatch]:
    """Every inline credential, from the files and the agents, once each (same value at the same place)."""
    seen: dict[tuple[str, str, int, str | None], SecretMatch] = {}
    for match in (*result.secrets, *(s for a in result.agents for s in a.secrets)):
        seen.setdefault(
            (match.fingerprint, match.location.path, match.location.line, match.location.key), match
        )
    return list(seen.values())


def summary_counts(result: ScanResult) -> dict[str, Any]:
    """The headline numbers every format shows."""
    findings = result.findings
    return {
        "findings_by_severity": severity_counts(findings),
        "findings": len(findings),
        "gating": sum(1 for f in findings if f.gating),
        "suppressed": sum(1 for f in findings if f.suppressed),
        "baselined": sum(1 for f in findings if f.baseline and not f.suppressed),
        "agents": len(result.agents),
        "credentials": len(all_secrets(result)),
        "references": len(result.references),
        "identities": len(result.identities),
        "files_scanned": result.coverage.files_scanned,
        # Not examined (a coverage gap) vs deliberately skipped (lock files, botaudit's own inputs, platforms
        # nobody connected): only the first makes a scan incomplete.
        "skipped": len(result.coverage.gaps),
        "skipped_by_design": len(result.coverage.skipped) - len(result.coverage.gaps),
    }
