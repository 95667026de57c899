"""The CI gate: decide the exit code from a ScanResult, whatever the output format (DESIGN.md section 7)."""

from __future__ import annotations

from enum import IntEnum

from auditor.model import ScanResult, Severity


class ExitCode(IntEnum):
    """botaudit's exit codes; `2` is the CLI's (usage or configuration error), never decided here."""

    OK = 0
    GATE_FAILED = 1
    USAGE = 2
    INCOMPLETE = 3


def gating_findings(result: ScanResult, fail_on: Severity | None) -> list[str]:
    """Fingerprints of the gating findings (not suppressed, not baselined) at or above `fail_on`."""
    if fail_on is None:
        return []
    return [f.fingerprint for f in result.findings if f.gating and f.severity.at_least(fail_on)]


def missing_platforms(result: ScanResult) -> list[str]:
    """Platforms the run asked for but could not collect."""
    collected = set(result.coverage.platforms_collected)
    return sorted({p for p in result.coverage.platforms_requested if p not in collected})


def partial_platforms(result: ScanResult) -> list[str]:
    """Platforms that were collected (or loaded from a snapshot) with parts that could not be read."""
    return sorted(set(result.coverage.platforms_partial))


def decide(result: ScanResult, fail_on: Severity | None, *, strict: bool = False) -> ExitCode:
    """The exit code for a finished scan.

    - GATE_FAILED (1): a gating finding (not suppressed — an expired suppression no longer counts — and not in
      the baseline) has a severity at or above `fail_on`. `fail_on=None` never fails the gate.
    - INCOMPLETE (3): otherwise, a requested platform was not collected or only partly (a part of it could not
      be read: its snapshot's `unread`), or `strict` and anything was skipped (files, API calls).
    - OK (0): otherwise.

    Gate failure wins over incompleteness: the findings that were seen are real whatever was missed, and CI
    must block on them; an incomplete but otherwise clean run reports 3 so a missing platform never passes.
    """
    if gating_findings(result, fail_on):
        return ExitCode.GATE_FAILED
    if missing_platforms(result) or partial_platforms(result):
        return ExitCode.INCOMPLETE
    # NotEvaluated entries stay out of --strict: a static-only scan leaves every platform rule unevaluated
    # by design, and strict would then always fail.
    if strict and result.coverage.gaps:
        return ExitCode.INCOMPLETE
    return ExitCode.OK
