"""Suppressions: inline (strictly line-scoped), config entries with expiry, and the baseline."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from auditor.baseline import Baseline, BaselineEntry
from auditor.clock import FixedClock
from auditor.config import Config, SuppressionEntry
from auditor.model import FileScan, Finding, Location
from auditor.suppress import apply, entry_matches
from tests.report_fixtures import RULES

CLOCK = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
RULE = RULES[0]


def _f(path: str, line: int, *, rule=RULE, agent: str = "bot", key: str | None = None) -> Finding:  # type: ignore[no-untyped-def]
    return rule.finding("m", subject=path, location=Location(path, line, key=key), agent=agent)


def _apply(findings, *, files=(), entries=(), baseline=None):  # type: ignore[no-untyped-def]
    return apply(
        findings, files=files, config=Config(suppressions=tuple(entries)), baseline=baseline, clock=CLOCK
    )


def test_inline_allow_covers_its_line_and_the_next_only() -> None:
    files = [FileScan("app/.env", "dotenv", 10, allow_lines=(5,))]
    findings = [_f("app/.env", n) for n in (4, 5, 6, 7)]
    out, warnings = _apply(findings, files=files)
    assert [f.suppressed for f in out] == [False, True, True, False]
    assert out[1].suppression is not None and out[1].suppression.kind == "inline"
    assert warnings == []


def test_inline_allow_is_scoped_to_its_file() -> None:
    files = [FileScan("a.yaml", "yaml", 10, allow_lines=(3,))]
    out, _ = _apply([_f("b.yaml", 3), _f("./a.yaml", 3)], files=files)
    assert [f.suppressed for f in out] == [False, True]


def test_other_scanners_markers_cover_the_line_their_scanner_says() -> None:
    # gitleaks:allow covers its own line only (not the next, unlike botaudit:allow); detect-secrets' nextline
    # form covers the line after it. The reason names the marker and how to turn it off.
    files = [
        FileScan(
            "app/.env",
            "dotenv",
            10,
            peer_allow=((3, "gitleaks:allow"), (6, "pragma: allowlist nextline secret")),
        )
    ]
    findings = [_f("app/.env", n) for n in (3, 4, 5, 6)]
    out, _ = _apply(findings, files=files)
    assert [f.suppressed for f in out] == [True, False, False, True]
    assert out[0].suppression is not None and out[0].suppression.kind == "inline"
    assert out[0].suppression.reason.startswith("gitleaks:allow on line 3 (another scanner's marker")
    assert out[3].suppression is not None
    assert out[3].suppression.reason.startswith("pragma: allowlist nextline secret on line 5")
    # Turned off: the same findings are reported.
    off = apply(findings, files=files, config=Config(peer_allow_markers=False), baseline=None, clock=CLOCK)[0]
    assert not any(f.suppressed for f in off)


def test_platform_findings_are_not_inline_suppressed() -> None:
    finding = RULE.finding("m", subject="user", identity="user")
    out, _ = _apply([finding], files=[FileScan("a.yaml", "yaml", 1, allow_lines=(0, 1))])
    assert not out[0].suppressed


def test_config_entry_all_given_fields_must_match() -> None:
    entry = SuppressionEntry(reason="reviewed", rule=RULE.id, path="agents/*.yaml", agent="bot")
    assert entry_matches(entry, _f("agents/x.yaml", 1))
    assert entry_matches(replace(entry, rule=RULE.name), _f("agents/x.yaml", 1))
    assert not entry_matches(entry, _f("other/x.yaml", 1))
    assert not entry_matches(entry, _f("agents/x.yaml", 1, agent="other"))
    assert not entry_matches(entry, _f("agents/x.yaml", 1, rule=RULES[1]))
    assert not entry_matches(SuppressionEntry(reason="nothing given"), _f("agents/x.yaml", 1))


def test_config_entry_by_fingerprint_and_identity() -> None:
    finding = RULE.finding("m", subject="arn:aws:iam::1:user/bot", identity="arn:aws:iam::1:user/bot")
    assert entry_matches(SuppressionEntry(reason="r", fingerprint=finding.fingerprint), finding)
    assert entry_matches(SuppressionEntry(reason="r", identity="arn:aws:iam::1:user/*"), finding)
    assert not entry_matches(SuppressionEntry(reason="r", path="*"), finding)  # no file to match


def test_folder_patterns() -> None:
    assert entry_matches(SuppressionEntry(reason="r", path="agents/"), _f("agents/a/b.yaml", 1))
    assert entry_matches(SuppressionEntry(reason="r", path="agents/**"), _f("agents/a/b.yaml", 1))


def test_valid_suppression_carries_reason_and_expiry() -> None:
    entry = SuppressionEntry(
        reason="SEC-1", rule=RULE.id, expires=date(2026, 3, 1)
    )  # expires today: still valid
    out, warnings = _apply([_f("a.yaml", 1)], entries=[entry])
    assert out[0].suppressed and not out[0].gating
    assert out[0].suppression is not None
    assert (out[0].suppression.reason, out[0].suppression.expires) == ("SEC-1", "2026-03-01")
    assert warnings == []


def test_expired_suppression_resurfaces_with_a_warning() -> None:
    entry = SuppressionEntry(
        reason="temp", rule=RULE.id, path="path/a.yaml", expires=date(2026, 1, 1), line=12
    )
    out, warnings = _apply([_f("path/a.yaml", 1)], entries=[entry])
    assert out[0].suppression is not None and out[0].suppression.expired
    assert not out[0].suppressed and out[0].gating
    assert len(warnings) == 1
    assert warnings[0].startswith(f"suppression for {RULE.id} in path path/a.yaml")
    assert "expired on 2026-01-01: the finding gates again" in warnings[0]


def test_a_live_entry_wins_over_an_expired_one() -> None:
    old = SuppressionEntry(reason="old", rule=RULE.id, expires=date(2025, 1, 1))
    new = SuppressionEntry(reason="renewed", rule=RULE.id, expires=date(2027, 1, 1))
    out, warnings = _apply([_f("a.yaml", 1)], entries=[old, new])
    assert out[0].suppressed and out[0].suppression is not None and out[0].suppression.reason == "renewed"
    assert warnings == []


def test_baseline_marks_known_findings() -> None:
    known, new = _f("a.yaml", 1), _f("b.yaml", 1)
    baseline = Baseline((BaselineEntry(known.fingerprint, RULE.id, path="a.yaml"),))
    out, _ = _apply([known, new], baseline=baseline)
    assert out[0].baseline and not out[0].gating
    assert not out[1].baseline and out[1].gating


def test_expired_suppression_beats_the_baseline() -> None:
    finding = _f("a.yaml", 1)
    baseline = Baseline((BaselineEntry(finding.fingerprint, RULE.id, path="a.yaml"),))
    entry = SuppressionEntry(reason="temp", rule=RULE.id, expires=date(2026, 1, 1))
    out, _ = _apply([finding], entries=[entry], baseline=baseline)
    assert out[0].gating


def test_findings_are_kept_and_ordered() -> None:
    findings = [_f("a.yaml", n) for n in range(1, 6)]
    out, _ = _apply(findings, entries=[SuppressionEntry(reason="all", rule=RULE.id)])
    assert [f.fingerprint for f in out] == [f.fingerprint for f in findings]
    assert all(f.suppressed for f in out)
