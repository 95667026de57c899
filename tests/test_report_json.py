"""The JSON report: DESIGN.md section 8 shape, validated against the shipped schema, stable ordering."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from auditor.model import Severity
from auditor.report import ReportOptions
from auditor.report.json import SCHEMA_VERSION, document, render
from tests.report_fixtures import AWS_KEY_ID, RULES, build_result, many_findings


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("auditor").joinpath("schemas/report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _doc() -> dict:  # type: ignore[type-arg]
    return json.loads(render(build_result(), rules=RULES, options=ReportOptions()))


def test_rendered_output_validates(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(_doc())
    validator.validate(json.loads(render(many_findings(300), rules=RULES, options=ReportOptions())))


def test_schema_rejects_a_broken_report(validator: jsonschema.Draft202012Validator) -> None:
    doc = _doc()
    doc["findings"][0]["severity"] = "catastrophic"
    assert not validator.is_valid(doc)
    doc = _doc()
    doc["findings"][0]["secret_value"] = "x"
    assert not validator.is_valid(doc)


def test_top_level_shape() -> None:
    doc = _doc()
    assert list(doc) == [
        "schema_version",
        "tool",
        "started",
        "finished",
        "targets",
        "parameters",
        "summary",
        "agents",
        "identities",
        "resolutions",
        "gaps",
        "findings",
        "collectors",
        "coverage",
    ]
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["tool"]["name"] == "botaudit"
    assert doc["summary"]["findings_by_severity"] == {
        "critical": 3,
        "high": 6,
        "medium": 1,
        "low": 1,
        "info": 1,
    }
    assert (doc["summary"]["gating"], doc["summary"]["suppressed"], doc["summary"]["baselined"]) == (9, 2, 1)
    assert doc["summary"]["credentials"] == 8 and doc["summary"]["agents"] == 7


def test_findings_are_sorted_by_severity_then_subject() -> None:
    findings = _doc()["findings"]
    ranks = [Severity(f["severity"]).rank for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    criticals = [f for f in findings if f["severity"] == "critical"]
    subjects = [(f["location"] or {}).get("path") or f["identity"] for f in criticals]
    assert subjects == sorted(subjects)


def test_suppression_and_baseline_fields() -> None:
    findings = _doc()["findings"]
    expired = next(f for f in findings if f["suppression"] and f["suppression"]["expired"])
    assert expired["suppressed"] is False and expired["gating"] is True
    assert expired["suppression"]["expires"] == "2026-01-01"
    inline = next(f for f in findings if f["suppression"] and f["suppression"]["kind"] == "inline")
    assert inline["suppressed"] is True and inline["gating"] is False
    assert any(f["baseline"] for f in findings)


def test_gaps_carry_ranked_top_ten_and_level_summary() -> None:
    gap = _doc()["gaps"][0]
    assert gap["agent"] == "support-slackbot" and gap["extra_count"] == 12
    assert len(gap["top"]) == 10
    order = {"admin": 3, "write": 2, "read": 1, "list": 0}
    levels = [order[c["level"]] for c in gap["top"]]
    assert levels == sorted(levels, reverse=True)
    assert gap["summary"] == {"admin": 2, "write": 3, "read": 3, "list": 4}
    assert gap["escalation"] is True


def test_connections_redact_secret_hints_and_keep_identifiers() -> None:
    agents = {a["name"]: a for a in _doc()["agents"]}
    hints = {c["platform"]: c["identity_hint"] for c in agents["support-slackbot"]["connections"]}
    assert hints["aws"] == "****" and AWS_KEY_ID not in json.dumps(agents)
    assert agents["sf-case-bot"]["connections"][0]["identity_hint"] == "integration@acme.example"
    jit = agents["jit-worker"]["connections"][0]
    assert jit["good_pattern"] is True and jit["auth_model"] == "jit_token"
    assert agents["jit-worker"]["references"][0]["target"] == "secret/data/jit-worker"


def test_resolutions_and_coverage() -> None:
    doc = _doc()
    assert {r["platform"] for r in doc["resolutions"]} == {"aws", "vault", "salesforce", "entra"}
    cov = doc["coverage"]
    assert cov["complete"] is False
    assert {s["category"] for s in cov["skipped"]} >= {"too_large", "parse_error", "access_denied"}
    assert cov["not_evaluated"][0]["rule_id"] == "BA-302"


def test_document_is_independent_of_input_order() -> None:
    result = build_result()
    shuffled = build_result(findings=tuple(reversed(result.findings)), agents=tuple(reversed(result.agents)))
    assert document(result) == document(shuffled)
