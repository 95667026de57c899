"""SARIF 2.1.0: valid against the official schema, one rule per BA id, anchors, fingerprints, suppressions."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from auditor.model import Location
from auditor.report import ReportOptions
from auditor.report.sarif import FINGERPRINT_KEY, render
from tests.report_fixtures import FINDINGS, RULES, build_result, many_findings

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    if not SCHEMA.is_file():
        message = (
            f"the official SARIF schema is expected at {SCHEMA} (../shared/schemas next to the checkout)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _log(result=None, options: ReportOptions | None = None) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return json.loads(render(result or build_result(), rules=RULES, options=options or ReportOptions()))


def test_valid_against_the_official_schema(validator: jsonschema.Draft4Validator) -> None:
    for log in (_log(), _log(options=ReportOptions(baseline_used=True)), _log(many_findings(200))):
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_schema_catches_a_broken_log(validator: jsonschema.Draft4Validator) -> None:
    log = _log()
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(log)


def test_one_descriptor_per_rule_with_help_and_security_severity() -> None:
    rules = _log()["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r.id for r in RULES)
    by_id = {r["id"]: r for r in rules}
    crit = by_id["BA-102"]
    assert crit["name"] == "credential-in-prompt"
    assert crit["shortDescription"]["text"] == "Credential inside a prompt or tool definition"
    assert "Remediation" in crit["help"]["markdown"] and "owasp.org" in crit["help"]["markdown"]
    assert crit["properties"]["security-severity"] == "9.0"
    assert crit["properties"]["tags"][0] == "security" and "secrets" in crit["properties"]["tags"]
    assert by_id["BA-302"]["properties"]["security-severity"] == "5.0"
    assert by_id["BA-501"]["properties"]["security-severity"] == "0.0"


def test_results_reference_their_rule_and_fingerprint() -> None:
    run = _log()["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    fingerprints = {f.fingerprint for f in build_result().findings}
    for res in run["results"]:
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["partialFingerprints"][FINGERPRINT_KEY] in fingerprints
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
    levels = {res["ruleId"]: res["level"] for res in run["results"]}
    assert levels["BA-102"] == "error" and levels["BA-302"] == "warning" and levels["BA-401"] == "note"


def _uri(res: dict) -> str:  # type: ignore[type-arg]
    return res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_platform_findings_anchor_to_the_referencing_config() -> None:
    results = {r["ruleId"]: r for r in _log()["runs"][0]["results"]}
    # Evidence anchor.
    assert _uri(results["BA-201"]) == "sfbot/settings.ini"
    assert results["BA-201"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    # Resolution location for the agent's identity (no anchor in evidence).
    entra = next(f for f in FINDINGS if f.rule_id == "BA-302")
    res = _log(build_result(findings=(replace(entra, identity="sp-0001"),)))["runs"][0]["results"][0]
    assert _uri(res) == "teams/appsettings.json"
    # Nothing known: the config file.
    orphan = replace(entra, identity="nobody", agent="ghost")
    res = _log(build_result(findings=(orphan,)), ReportOptions(config_path="ops/botaudit.yaml"))["runs"][0]
    assert _uri(res["results"][0]) == "ops/botaudit.yaml"
    res = _log(build_result(findings=(orphan,)))["runs"][0]
    assert _uri(res["results"][0]) == "botaudit.yaml"


def test_uris_are_relative_and_encoded() -> None:
    f = replace(FINDINGS[0], location=Location("./dir with space/a#b.env", 0))
    res = _log(build_result(findings=(f,)))["runs"][0]["results"][0]
    assert _uri(res) == "dir%20with%20space/a%23b.env"
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_suppressions_and_baseline_state() -> None:
    results = _log(options=ReportOptions(baseline_used=True))["runs"][0]["results"]
    by_fp = {r["partialFingerprints"][FINGERPRINT_KEY]: r for r in results}
    for f in build_result().findings:
        res = by_fp[f.fingerprint]
        if f.suppressed:
            kind = "inSource" if f.suppression and f.suppression.kind == "inline" else "external"
            assert res["suppressions"][0]["kind"] == kind
            assert f.suppression and f.suppression.reason in res["suppressions"][0]["justification"]
        else:
            assert "suppressions" not in res  # expired suppressions are not suppressions
        assert res["baselineState"] == ("unchanged" if f.baseline else "new")


def test_no_baseline_state_without_a_baseline() -> None:
    results = _log(build_result(findings=FINDINGS))["runs"][0]["results"]
    assert all("baselineState" not in r for r in results)


def test_rules_missing_from_the_catalogue_still_get_a_descriptor() -> None:
    log = json.loads(render(build_result(), rules=(), options=ReportOptions()))
    ids = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert ids == {f.rule_id for f in build_result().findings}
