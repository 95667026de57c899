"""`botaudit diff OLD NEW`: new, fixed, unchanged, not re-examined findings between reports or baselines."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from auditor import baseline as bl
from auditor.cli import app
from auditor.diff import DiffError, compare, diff_files, load_source
from auditor.model import Coverage, Finding, Location, Severity, Skipped, Suppression
from auditor.report import render
from auditor.report.diff import render_markdown
from auditor.report.markdown import MAX_CHARS
from tests.report_fixtures import COVERAGE, FINDINGS, build_result, many_findings

SLACK_SECRET, AWS_SECRET, PROMPT_KEY, SF_USER, IAM_USER, ENTRA_SP, CORS, VAULT_KV = FINDINGS


def _write(path: Path, **changes: object) -> Path:
    path.write_text(render("json", build_result(**changes)), encoding="utf-8")
    return path


def _pair(tmp_path: Path, old: tuple[Finding, ...], new: tuple[Finding, ...], **new_changes: object) -> Any:
    return diff_files(
        _write(tmp_path / "old.json", findings=old),
        _write(tmp_path / "new.json", findings=new, **new_changes),
    )


def botaudit(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_new_fixed_and_unchanged_by_rule_and_fingerprint(tmp_path: Path) -> None:
    moved = replace(CORS, location=replace(CORS.location, line=99))  # type: ignore[type-var]
    result = _pair(tmp_path, (SLACK_SECRET, AWS_SECRET, CORS), (AWS_SECRET, moved, PROMPT_KEY))
    assert [i.fingerprint for i in result.added] == [PROMPT_KEY.fingerprint]
    assert [i.fingerprint for i in result.fixed] == [SLACK_SECRET.fingerprint]
    # A finding that moved to another line is the same finding: unchanged, shown at its new line.
    assert {i.fingerprint for i in result.unchanged} == {AWS_SECRET.fingerprint, CORS.fingerprint}
    assert next(i for i in result.unchanged if i.rule_id == CORS.rule_id).line == 99
    assert result.not_reexamined == () and result.warnings == ()


def test_the_key_is_rule_and_fingerprint_together(tmp_path: Path) -> None:
    other_rule = replace(CORS, rule_id="BA-999")
    result = _pair(tmp_path, (CORS,), (other_rule,))
    assert [i.rule_id for i in result.added] == ["BA-999"] and [i.rule_id for i in result.fixed] == [
        CORS.rule_id
    ]


def test_lists_are_worst_first(tmp_path: Path) -> None:
    result = _pair(tmp_path, (), FINDINGS)
    ranks = [i.severity.rank for i in result.added if i.severity]
    assert ranks == sorted(ranks, reverse=True) and len(result.added) == len(FINDINGS)


def test_gate_counts_only_new_findings_at_or_above_that_are_neither_suppressed_nor_baselined(
    tmp_path: Path,
) -> None:
    suppressed = replace(PROMPT_KEY, suppression=Suppression("config", "accepted risk"))
    baselined = replace(AWS_SECRET, baseline=True)
    expired = replace(SLACK_SECRET, suppression=Suppression("config", "old", expired=True))
    result = _pair(tmp_path, (CORS,), (CORS, suppressed, baselined, expired, IAM_USER))
    assert {i.fingerprint for i in result.gating(Severity.HIGH)} == {
        expired.fingerprint,
        IAM_USER.fingerprint,
    }
    assert result.gating(None) == []
    # Unchanged findings never gate, whatever their severity.
    assert CORS.fingerprint not in {i.fingerprint for i in result.gating(Severity.INFO)}


def test_severity_change_of_an_unchanged_finding_is_shown(tmp_path: Path) -> None:
    result = _pair(tmp_path, (CORS,), (replace(CORS, severity=Severity.CRITICAL),))
    (item,) = result.unchanged
    assert item.severity is Severity.CRITICAL and item.previous_severity is CORS.severity


def test_a_finding_repeated_under_one_key_is_one_item_with_a_count(tmp_path: Path) -> None:
    twice = replace(SLACK_SECRET, location=replace(SLACK_SECRET.location, line=40))  # type: ignore[type-var]
    result = _pair(tmp_path, (), (SLACK_SECRET, twice))
    (item,) = result.added
    assert item.count == 2


# --- missing data is never "fixed" --------------------------------------------------------------------------


def test_platform_findings_are_not_fixed_when_the_new_scan_did_not_collect_the_platform(
    tmp_path: Path,
) -> None:
    coverage = replace(COVERAGE, platforms_requested=("aws",), platforms_collected=("aws",))
    result = _pair(tmp_path, (IAM_USER, SF_USER, ENTRA_SP), (), coverage=coverage)
    assert [i.rule_id for i in result.fixed] == [IAM_USER.rule_id]
    assert {i.rule_id for i in result.not_reexamined} == {SF_USER.rule_id, ENTRA_SP.rule_id}


def test_a_partial_platform_or_a_skipped_file_or_an_unevaluated_rule_is_not_a_fix(tmp_path: Path) -> None:
    coverage = replace(
        COVERAGE,
        platforms_partial=("aws",),
        skipped=(Skipped(CORS.location.path, "file is over the size limit", "too_large"),),  # type: ignore[union-attr]
        not_evaluated=(),
    )
    result = _pair(tmp_path, (IAM_USER, CORS, PROMPT_KEY), (), coverage=coverage)
    assert {i.rule_id for i in result.not_reexamined} == {IAM_USER.rule_id, CORS.rule_id}
    assert [i.rule_id for i in result.fixed] == [PROMPT_KEY.rule_id]
    from auditor.model import NotEvaluated

    coverage = replace(COVERAGE, not_evaluated=(NotEvaluated(ENTRA_SP.rule_id, "sp-0001", "unread"),))
    result = _pair(tmp_path, (ENTRA_SP,), (), coverage=coverage)
    assert [i.rule_id for i in result.not_reexamined] == [ENTRA_SP.rule_id] and result.fixed == ()


# --- baselines on either side -------------------------------------------------------------------------------


def _baseline(path: Path, *findings: Finding) -> Path:
    path.write_text(bl.dump(bl.create(build_result(findings=findings))), encoding="utf-8")
    return path


def test_a_baseline_as_old_side(tmp_path: Path) -> None:
    old = _baseline(tmp_path / "base.json", SLACK_SECRET, CORS)
    new = _write(tmp_path / "new.json", findings=(CORS, PROMPT_KEY))
    result = diff_files(old, new)
    assert [i.fingerprint for i in result.added] == [PROMPT_KEY.fingerprint]
    (fixed,) = result.fixed
    # The baseline records no severity or title: both come from the rule catalogue (BA-101 is shipped).
    assert fixed.fingerprint == SLACK_SECRET.fingerprint and fixed.severity is not None and fixed.title
    (same,) = result.unchanged
    assert same.line == CORS.location.line and same.title == CORS.title  # type: ignore[union-attr]


def test_a_baseline_as_new_side_and_unknown_rules_fail_closed(tmp_path: Path) -> None:
    unknown = replace(CORS, rule_id="XX-1")
    old = _write(tmp_path / "old.json", findings=(SLACK_SECRET,))
    new = _baseline(tmp_path / "base.json", SLACK_SECRET, unknown)
    result = diff_files(old, new)
    (added,) = result.added
    assert added.rule_id == "XX-1" and added.severity is None
    assert result.gating(Severity.CRITICAL) == [added]  # a gate that cannot tell does not pass
    assert load_source(new).kind.value == "baseline"


# --- warnings -----------------------------------------------------------------------------------------------


def test_warnings_for_no_overlap_swapped_arguments_and_other_targets(tmp_path: Path) -> None:
    from datetime import timedelta

    from tests.report_fixtures import FINISHED

    old = _write(tmp_path / "old.json", findings=(SLACK_SECRET,), finished=FINISHED + timedelta(days=1))
    new = _write(tmp_path / "new.json", findings=(CORS,), targets=("elsewhere/",))
    warnings = " | ".join(diff_files(old, new).warnings)
    assert "fingerprint keys" in warnings and "swapped" in warnings and "different targets" in warnings


# --- outputs ------------------------------------------------------------------------------------------------


def test_cli_table_markdown_and_json_outputs(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.json", findings=(SLACK_SECRET, CORS))
    new = _write(tmp_path / "new.json", findings=(CORS, PROMPT_KEY))
    table = botaudit("diff", str(old), str(new))
    assert table.exit_code == 0, table.output
    assert "1 new · 1 fixed · 1 unchanged" in table.output and PROMPT_KEY.rule_id in table.output
    assert "\x1b[" not in table.output
    md = botaudit("diff", str(old), str(new), "--format", "markdown", "--show-unchanged")
    assert md.exit_code == 0
    assert "### New findings (1)" in md.output and "### Fixed findings (1)" in md.output
    assert "<details><summary>Unchanged findings (1)</summary>" in md.output
    out = tmp_path / "diff.json"
    js = botaudit("diff", str(old), str(new), "-f", "json", "-o", str(out), "--fail-on", "high")
    assert js.exit_code == 1  # the new prompt key is critical
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(resources.files("auditor").joinpath("schemas/diff.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["summary"] == {
        "new": 1, "fixed": 1, "unchanged": 1, "not_reexamined": 0, "fail_on": "high", "gating": 1,
    }  # fmt: skip
    assert data["findings"]["new"][0]["fingerprint"] == PROMPT_KEY.fingerprint


def test_cli_exit_code_follows_fail_on(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.json", findings=())
    new = _write(tmp_path / "new.json", findings=(CORS,))  # one new low finding
    assert botaudit("diff", str(old), str(new)).exit_code == 0  # default: report, never gate
    assert botaudit("diff", str(old), str(new), "--fail-on", "high").exit_code == 0
    failing = botaudit("diff", str(old), str(new), "--fail-on", CORS.severity.value)
    assert failing.exit_code == 1 and "1 new finding(s)" in failing.output


def test_markdown_escapes_values_from_the_report_files(tmp_path: Path) -> None:
    hostile = replace(
        CORS,
        title="<img src=x onerror=alert(1)> [click](https://evil.example) @org/team | x",
        location=Location("a|b/`x`.env", 3),
    )
    result = _pair(tmp_path, (), (hostile,))
    text = render_markdown(result)
    assert "<img" not in text and "](https://" not in text and "@org" not in text
    assert "a\\|b/\\`x\\`.env:3" in text


def test_markdown_stays_under_the_comment_limit(tmp_path: Path) -> None:
    big = many_findings(3000)
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(render("json", build_result(findings=())), encoding="utf-8")
    new.write_text(render("json", big), encoding="utf-8")
    result = diff_files(old, new)
    text = render_markdown(result, show_unchanged=True)
    assert len(text) <= MAX_CHARS and "… and 2950 more." in text


# --- bad input: a clear message, exit 2, never a traceback -------------------------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = build_result()
    report = json.loads(render("json", good))
    cases: dict[str, tuple[Any, str]] = {
        "missing": (None, "no such file"),
        "folder": (tmp_path, "is a folder"),
        "not json": ("## botaudit\n", "not valid JSON"),
        "a list": ("[]", "expected a JSON object"),
        "another tool": ('{"tool": {"name": "gitleaks"}}', "not a botaudit JSON report or baseline"),
        "sarif": (render("sarif", good), "a SARIF log"),
        "future report": (
            json.dumps({**report, "schema_version": "2.0"}),
            "unsupported report schema_version",
        ),
        "broken report": (json.dumps({**report, "findings": [{"rule_id": 1}]}), "findings[0]"),
        "broken baseline": ('{"schema_version": 1, "tool": "botaudit", "findings": [{}]}', "fingerprint"),
        "binary": (b"\xff\xfe\x00garbage", "not UTF-8"),
    }
    out = {}
    for name, (content, message) in cases.items():
        if content is None:
            path = tmp_path / "absent.json"
        elif isinstance(content, Path):
            path = content
        else:
            path = tmp_path / f"{name.replace(' ', '_')}.json"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        out[name] = (path, message)
    return out


def test_bad_inputs_are_clear_errors(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.json", findings=FINDINGS)
    for name, (path, message) in _bad_inputs(tmp_path).items():
        with pytest.raises(DiffError, match=re.escape(message)):
            load_source(path)
        for args in ((str(path), str(good)), (str(good), str(path))):
            res = botaudit("diff", *args)
            assert res.exit_code == 2, (name, res.output)
            assert "botaudit: error:" in res.output and message in res.output, (name, res.output)
            assert "Traceback" not in res.output
            assert res.exception is None or isinstance(res.exception, SystemExit), name


def test_compare_is_pure_over_loaded_sources(tmp_path: Path) -> None:
    old = load_source(_write(tmp_path / "old.json", findings=(CORS,)))
    new = load_source(_write(tmp_path / "new.json", findings=(CORS,), coverage=Coverage()))
    assert compare(old, new) == compare(old, new)
    assert compare(old, new).counts() == {"new": 0, "fixed": 0, "unchanged": 1, "not_reexamined": 0}
