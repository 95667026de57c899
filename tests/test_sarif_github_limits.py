"""SARIF that GitHub code scanning accepts without warnings: one test per documented limit and per property
code scanning reads (docs.github.com: "SARIF support for code scanning", "SARIF results exceed limits",
"Uploading a SARIF file to GitHub"), over the fixture and over botaudit's shipped rule catalogue.

What GitHub documents, its limit (hard / shown), and the test:
- runs per file: 20 -> one_run
- results per run: 25,000 / top 5,000 -> results_per_run
- rules per run: 25,000 -> rules_per_run
- tool extensions per run: 100 -> no_tool_extensions
- locations per result: 1,000 / 100 -> one_location_per_result
- thread flow locations per result: 10,000 / 1,000 -> no_code_flows
- tags per rule: 20 / 10 -> tags_per_rule
- SARIF file size: 10 MB gzip-compressed -> compressed_size
- rule help (`help.text`, `help.markdown`), shown on the alert -> every_shipped_rule_has_help_...
- `security-severity` (a string, 0.1-10.0), the alert's severity -> every_shipped_rule_above_info_...
- `partialFingerprints.primaryLocationLineHash`, de-duplicates alerts -> fingerprints_are_line_free_...
- relative URIs with `uriBaseId` %SRCROOT% -> uris_are_relative_to_srcroot
- `shortDescription` / `fullDescription` <= 1,024 characters, `name` <= 255 -> descriptions_within_limits
"""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from typing import Any

import pytest

from auditor.engine.loader import load_rules
from auditor.report import ReportOptions
from auditor.report.sarif import render
from tests.report_fixtures import FINDINGS, RULES, build_result, many_findings

MAX_RUNS = 20
MAX_RESULTS_HARD = 25_000
MAX_RESULTS_SHOWN = 5_000
MAX_RULES = 25_000
MAX_EXTENSIONS = 100
MAX_LOCATIONS_SHOWN = 100
MAX_TAGS_SHOWN = 10
MAX_COMPRESSED_BYTES = 10 * 1024 * 1024


def _log(result: Any = None, rules: Any = RULES, options: ReportOptions | None = None) -> dict[str, Any]:
    text = render(result or build_result(), rules=rules, options=options or ReportOptions())
    log: dict[str, Any] = json.loads(text)
    return log


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    """A SARIF log whose descriptors are the whole shipped catalogue (what real uploads carry)."""
    rules = load_rules()
    findings = tuple(
        replace(FINDINGS[i % len(FINDINGS)], rule_id=rule.id, severity=rule.severity, fingerprint=f"{i:016x}")
        for i, rule in enumerate(rules)
    )
    return _log(build_result(findings=findings), rules=rules)


@pytest.fixture(scope="module")
def largest() -> str:
    """The largest log botaudit writes: the full display limit of results."""
    return render(many_findings(MAX_RESULTS_SHOWN + 200), rules=RULES, options=ReportOptions())


def test_one_run() -> None:
    assert len(_log()["runs"]) == 1 <= MAX_RUNS


def test_results_per_run(largest: str) -> None:
    (run,) = json.loads(largest)["runs"]
    assert len(run["results"]) == MAX_RESULTS_SHOWN <= MAX_RESULTS_HARD


def test_rules_per_run(shipped: dict[str, Any]) -> None:
    ids = [r["id"] for r in shipped["runs"][0]["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) == len(load_rules()) <= MAX_RULES


def test_no_tool_extensions() -> None:
    tool = _log()["runs"][0]["tool"]
    assert len(tool.get("extensions", [])) <= MAX_EXTENSIONS
    assert set(tool) == {"driver"}


def test_one_location_per_result(largest: str) -> None:
    for res in json.loads(largest)["runs"][0]["results"]:
        assert len(res["locations"]) == 1 <= MAX_LOCATIONS_SHOWN
        assert len(res.get("relatedLocations", [])) <= MAX_LOCATIONS_SHOWN


def test_no_code_flows() -> None:
    # Thread flow locations are limited per result; botaudit's findings have none to report.
    assert all("codeFlows" not in res for res in _log()["runs"][0]["results"])


def test_tags_per_rule(shipped: dict[str, Any]) -> None:
    for descriptor in shipped["runs"][0]["tool"]["driver"]["rules"]:
        tags = descriptor["properties"]["tags"]
        assert 0 < len(tags) <= MAX_TAGS_SHOWN and len(set(tags)) == len(tags), descriptor["id"]


def test_compressed_size(largest: str) -> None:
    assert len(gzip.compress(largest.encode("utf-8"))) < MAX_COMPRESSED_BYTES


def test_every_shipped_rule_has_help_in_text_and_markdown(shipped: dict[str, Any]) -> None:
    for descriptor in shipped["runs"][0]["tool"]["driver"]["rules"]:
        help_ = descriptor["help"]
        assert help_["text"].strip() and help_["markdown"].strip(), descriptor["id"]
        assert "**Remediation**" in help_["markdown"], descriptor["id"]


def test_every_shipped_rule_above_info_has_a_security_severity(shipped: dict[str, Any]) -> None:
    by_id = {r.id: r for r in load_rules()}
    for descriptor in shipped["runs"][0]["tool"]["driver"]["rules"]:
        score = descriptor["properties"].get("security-severity")
        if by_id[descriptor["id"]].severity.value == "info":
            assert score is None
        else:
            assert isinstance(score, str) and 0.1 <= float(score) <= 10.0, descriptor["id"]
    for res in shipped["runs"][0]["results"]:
        assert res["properties"]["severity"] == "info" or "security-severity" in res["properties"]


def test_fingerprints_are_line_free_and_unique(shipped: dict[str, Any]) -> None:
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in shipped["runs"][0]["results"]]
    assert len(hashes) == len(set(hashes))
    assert all(h.endswith(":1") and "\n" not in h for h in hashes)


def test_uris_are_relative_to_srcroot(shipped: dict[str, Any]) -> None:
    for res in shipped["runs"][0]["results"]:
        artifact = res["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert not artifact["uri"].startswith(("/", "file:")) and "://" not in artifact["uri"]


def test_descriptions_within_limits(shipped: dict[str, Any]) -> None:
    for descriptor in shipped["runs"][0]["tool"]["driver"]["rules"]:
        assert 0 < len(descriptor["shortDescription"]["text"]) <= 1024
        assert 0 < len(descriptor["fullDescription"]["text"]) <= 1024
        assert 0 < len(descriptor["name"]) <= 255
