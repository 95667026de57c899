"""SARIF 2.1.0: valid against the official schema, one rule per BA id, anchors, fingerprints, suppressions."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes

import jsonschema
import pytest

from auditor.model import BY_DESIGN_SKIPS, Location, Severity
from auditor.report import ReportOptions
from auditor.report.common import sorted_findings
from auditor.report.sarif import FINGERPRINT_KEY, MAX_RESULTS, render
from tests.report_fixtures import FINDINGS, RULES, build_result, many_findings
from tests.shared_files import SARIF_SCHEMA, require_shared_file


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = require_shared_file(SARIF_SCHEMA)
    return jsonschema.Draft4Validator(json.loads(schema.read_text(encoding="utf-8")))


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
    assert crit["properties"]["security-severity"] == "9.5"
    assert crit["properties"]["tags"][0] == "security" and "secrets" in crit["properties"]["tags"]
    assert by_id["BA-302"]["properties"]["security-severity"] == "5.5"
    # Info has no security severity (code scanning reads 0.0 as "none"): it is left out, not faked.
    assert "security-severity" not in by_id["BA-501"]["properties"]


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


# --- GitHub code scanning: what it documents for third-party SARIF (issue 16) -------------------------------

# Code scanning's reading of security-severity (docs: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium,
# 0.1-3.9 low; 0.0 or anything else is "no security severity").
GITHUB_BANDS = {"critical": (9.0, 10.0), "high": (7.0, 8.9), "medium": (4.0, 6.9), "low": (0.1, 3.9)}


def _github_band(score: float) -> str | None:
    if 9.0 < score <= 10.0:
        return "critical"
    for name, (low, high) in GITHUB_BANDS.items():
        if name != "critical" and low <= score <= high:
            return name
    return None


def test_security_severity_falls_in_the_matching_github_band() -> None:
    log = _log()
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    by_rule = {r.id: r for r in RULES}
    for descriptor in rules:
        severity = by_rule[descriptor["id"]].severity.value
        score = descriptor["properties"].get("security-severity")
        if severity == "info":
            assert score is None
            continue
        assert isinstance(score, str), "code scanning reads security-severity as a string"
        assert _github_band(float(score)) == severity, (descriptor["id"], score)
    for res in log["runs"][0]["results"]:
        score = res["properties"].get("security-severity")
        severity = res["properties"]["severity"]
        assert (score is None) if severity == "info" else _github_band(float(score)) == severity


def test_rule_descriptors_carry_what_code_scanning_requires_within_its_limits() -> None:
    long_rule = replace(RULES[0], id="BA-999", name="n" * 400, title="t" * 2000, rationale="r" * 5000)
    log = json.loads(render(build_result(), rules=(*RULES, long_rule), options=ReportOptions()))
    for descriptor in log["runs"][0]["tool"]["driver"]["rules"]:
        assert descriptor["id"]
        assert 0 < len(descriptor["shortDescription"]["text"]) <= 1024
        assert 0 < len(descriptor["fullDescription"]["text"]) <= 1024
        assert len(descriptor.get("name", "")) <= 255
        assert descriptor["help"]["text"].strip() and descriptor["help"]["markdown"].strip()
        assert "**Remediation**" in descriptor["help"]["markdown"]
        assert len(descriptor["properties"]["tags"]) <= 10 and "security" in descriptor["properties"]["tags"]
        assert descriptor["properties"]["precision"] in ("very-high", "high", "medium", "low")
        assert descriptor["properties"]["problem.severity"] in ("error", "warning", "recommendation")
        assert descriptor["defaultConfiguration"]["level"] in ("note", "warning", "error")


def test_results_carry_the_primary_location_line_hash_from_the_stable_fingerprint() -> None:
    results = _log(many_findings(300))["runs"][0]["results"]
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]
    assert len(set(hashes)) == len(hashes), "two alerts would merge into one"
    for res in results:
        fingerprint = res["partialFingerprints"][FINGERPRINT_KEY]
        assert res["partialFingerprints"]["primaryLocationLineHash"] == f"{fingerprint}:1"
    # Line-independent: the same finding moved to another line keeps its hash (no duplicate alert).
    moved = replace(FINDINGS[0], location=replace(FINDINGS[0].location, line=99))  # type: ignore[type-var]
    before = _log(build_result(findings=(FINDINGS[0],)))["runs"][0]["results"][0]["partialFingerprints"]
    after = _log(build_result(findings=(moved,)))["runs"][0]["results"][0]["partialFingerprints"]
    assert before == after


def test_uris_are_relative_to_srcroot_which_the_run_declares(tmp_path: Path) -> None:
    log = _log(build_result(targets=(str(tmp_path),)))
    run = log["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == tmp_path.resolve().as_uri() + "/"
    for res in run["results"]:
        (location,) = res["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert ":" not in artifact["uri"] and not artifact["uri"].startswith("/")
        assert res["message"]["text"].strip()


def test_results_are_capped_at_the_display_limit_worst_first_and_the_rest_counted() -> None:
    # GitHub's display limit is 5,000 (MAX_RESULTS, the default); the mechanism is shown on a smaller cap.
    assert MAX_RESULTS == ReportOptions().sarif_max_results == 5_000
    result = many_findings(260)
    log = _log(result, ReportOptions(sarif_max_results=200))
    run = log["runs"][0]
    assert len(run["results"]) == 200
    worst_dropped = max(f.severity.rank for f in sorted_findings(result.findings)[200:])
    kept = {r["properties"]["severity"] for r in run["results"]}
    assert min(Severity(s).rank for s in kept) >= worst_dropped
    notes = [n for n in run["invocations"][0]["toolExecutionNotifications"] if "left out" in str(n)]
    assert notes and "60 lower-severity results" in notes[0]["message"]["text"]
    assert len(run["tool"]["driver"]["rules"]) < 25_000 and len(log["runs"]) == 1
    # A larger cap than GitHub's never raises it.
    assert len(_log(result, ReportOptions(sarif_max_results=10**6))["runs"][0]["results"]) == 260


def test_deliberate_skips_are_notes_and_gaps_warnings() -> None:
    notifications = _log()["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    levels = {n["descriptor"]["id"]: n["level"] for n in notifications}
    assert levels and all(
        level == ("note" if cat.removeprefix("coverage/") in BY_DESIGN_SKIPS else "warning")
        for cat, level in levels.items()
    )
    assert "warning" in levels.values()


# --- hostile names (issue 10 items 5 and 12) ----------------------------------------------------------------


def test_a_backslash_is_part_of_the_file_name_not_a_separator() -> None:
    f = replace(FINDINGS[0], location=Location("conf/back\\slash.env", 3))
    res = _log(build_result(findings=(f,)))["runs"][0]["results"][0]
    assert _uri(res) == "conf/back%5Cslash.env"
    assert unquote(_uri(res)) == "conf/back\\slash.env"


def test_a_colon_in_the_first_segment_cannot_read_as_a_uri_scheme() -> None:
    f = replace(FINDINGS[0], location=Location("javascript:alert(1).env", 1))
    assert _uri(_log(build_result(findings=(f,)))["runs"][0]["results"][0]) == "javascript%3Aalert(1).env"


def test_embedded_link_syntax_in_messages_is_escaped() -> None:
    hostile = "see [click](javascript:alert(1)) and \\[already\\]"
    f = replace(FINDINGS[0], message=hostile)
    text = _log(build_result(findings=(f,)))["runs"][0]["results"][0]["message"]["text"]
    assert text == "see \\[click\\](javascript:alert(1)) and \\\\\\[already\\\\\\]"
    # No unescaped bracket is left for a SARIF viewer to read as an embedded link.
    assert not re.search(r"(?<!\\)\[", text.replace("\\\\", ""))


def test_a_file_name_that_is_not_utf8_is_kept_byte_for_byte() -> None:
    name = b"agents/caf\xe9-\xff.env".decode("utf-8", "surrogateescape")
    f = replace(FINDINGS[0], location=Location(name, 2), message=f"secret in {name}")
    text = render(build_result(findings=(f,)), rules=RULES, options=ReportOptions())
    text.encode("utf-8")  # valid UTF-8 throughout
    res = json.loads(text)["runs"][0]["results"][0]
    assert _uri(res) == "agents/caf%E9-%FF.env"
    assert unquote_to_bytes(_uri(res)) == b"agents/caf\xe9-\xff.env"
    assert res["message"]["text"] == "secret in agents/caf\\xe9-\\xff.env"
