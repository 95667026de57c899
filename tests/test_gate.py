"""The gate: exit codes from findings, suppressions, baselines and coverage, whatever the output format."""

from __future__ import annotations

from dataclasses import replace

import pytest

from auditor.gate import ExitCode, decide, gating_findings, missing_platforms
from auditor.model import Coverage, Severity, Skipped, Suppression
from tests.report_fixtures import FINDINGS, build_result

HIGH = next(f for f in FINDINGS if f.severity is Severity.HIGH)
LOW = next(f for f in FINDINGS if f.severity is Severity.LOW)
CLEAN = Coverage(files_scanned=3, platforms_requested=("aws",), platforms_collected=("aws",))


def _result(*findings, coverage=CLEAN):  # type: ignore[no-untyped-def]
    return build_result(findings=tuple(findings), coverage=coverage)


def test_exit_code_values_follow_the_cli_contract() -> None:
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [
        (Severity.CRITICAL, ExitCode.OK),
        (Severity.HIGH, ExitCode.GATE_FAILED),
        (Severity.MEDIUM, ExitCode.GATE_FAILED),
        (Severity.INFO, ExitCode.GATE_FAILED),
        (None, ExitCode.OK),
    ],
)
def test_threshold_is_inclusive(fail_on: Severity | None, expected: ExitCode) -> None:
    assert decide(_result(HIGH), fail_on) is expected


def test_no_findings_passes() -> None:
    assert decide(_result(), Severity.INFO) is ExitCode.OK


def test_low_finding_does_not_fail_a_high_gate() -> None:
    assert decide(_result(LOW), Severity.HIGH) is ExitCode.OK


def test_suppressed_and_baselined_findings_do_not_gate() -> None:
    suppressed = replace(HIGH, suppression=Suppression("config", "accepted risk", "2099-01-01"))
    baselined = replace(HIGH, baseline=True)
    assert decide(_result(suppressed, baselined), Severity.LOW) is ExitCode.OK


def test_expired_suppression_gates_again() -> None:
    expired = replace(HIGH, suppression=Suppression("config", "temporary", "2026-01-01", expired=True))
    assert decide(_result(expired), Severity.HIGH) is ExitCode.GATE_FAILED
    assert gating_findings(_result(expired), Severity.HIGH) == [HIGH.fingerprint]


def test_missing_platform_is_incomplete() -> None:
    cov = Coverage(platforms_requested=("aws", "vault"), platforms_collected=("aws",))
    assert missing_platforms(_result(coverage=cov)) == ["vault"]
    assert decide(_result(LOW, coverage=cov), Severity.HIGH) is ExitCode.INCOMPLETE


def test_gate_failure_wins_over_incomplete() -> None:
    cov = Coverage(platforms_requested=("entra",), platforms_collected=())
    assert decide(_result(HIGH, coverage=cov), Severity.HIGH) is ExitCode.GATE_FAILED


def test_skips_matter_only_with_strict() -> None:
    cov = Coverage(skipped=(Skipped("big.json", "too large", "too_large"),))
    assert decide(_result(coverage=cov), Severity.HIGH) is ExitCode.OK
    assert decide(_result(coverage=cov), Severity.HIGH, strict=True) is ExitCode.INCOMPLETE
    assert decide(_result(coverage=CLEAN), Severity.HIGH, strict=True) is ExitCode.OK


def test_full_fixture_fails_on_its_gating_critical_findings() -> None:
    result = build_result()
    assert decide(result, Severity.CRITICAL) is ExitCode.GATE_FAILED
    # The baselined and suppressed fixture findings are excluded from the gating list.
    gating = set(gating_findings(result, Severity.INFO))
    assert all(f.fingerprint in gating for f in result.findings if f.gating)
    assert not any(f.fingerprint in gating for f in result.findings if not f.gating)


def test_baseline_today_passes_tomorrow_and_a_new_key_fails(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The library path the CLI runs: baseline create -> file -> scan --baseline -> suppress -> gate."""
    from datetime import UTC, datetime

    from auditor import baseline as bl
    from auditor import suppress
    from auditor.clock import FixedClock
    from auditor.config import Config
    from tests.report_fixtures import FILES

    def judge(findings, day: int):  # type: ignore[no-untyped-def]
        raw = tuple(replace(f, suppression=None, baseline=False) for f in findings)
        baseline = bl.load(path)
        clock = FixedClock(datetime(2026, 3, day, tzinfo=UTC))
        out, _ = suppress.apply(raw, files=FILES, config=Config(), baseline=baseline, clock=clock)
        return decide(build_result(findings=tuple(out), coverage=CLEAN), Severity.HIGH)

    today = FINDINGS[:4]
    path = tmp_path / ".botaudit-baseline.json"
    path.write_text(bl.dump(bl.create(build_result(findings=today))), encoding="utf-8")
    assert decide(build_result(findings=today, coverage=CLEAN), Severity.HIGH) is ExitCode.GATE_FAILED
    # Tomorrow, unchanged (lines moved): passes.
    moved = tuple(
        replace(f, location=replace(f.location, line=f.location.line + 3)) if f.location else f for f in today
    )
    assert judge(moved, 2) is ExitCode.OK
    # A newly planted key fails.
    planted = replace(FINDINGS[0], fingerprint="feedfacefeedface", message="new Slack token")
    assert judge((*moved, planted), 2) is ExitCode.GATE_FAILED
