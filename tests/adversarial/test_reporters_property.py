"""Every reporter on arbitrary ScanResults (issue 9 §2): no exception, schema-valid JSON and SARIF, valid
UTF-8 without raw control characters, and no planted secret value anywhere."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.engine.loader import load_rules
from auditor.model import ScanResult
from auditor.report import FormatChoice, ReportOptions, render
from tests.adversarial.strategies import PLANTED, scan_results
from tests.shared_files import SARIF_SCHEMA, require_shared_file

# Raw characters a report may never carry (JSON writes them as \u escapes; the rest as visible escapes).
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@cache
def _report_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("auditor").joinpath("schemas/report.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@cache
def _rules() -> tuple[object, ...]:
    return tuple(load_rules())


def _sarif_validator() -> jsonschema.Draft4Validator:
    # Skipped only where ../shared is absent (never in CI, where it fails instead): the official schema.
    path = require_shared_file(SARIF_SCHEMA)
    return _sarif_validator_for(str(path))


@cache
def _sarif_validator_for(path: str) -> jsonschema.Draft4Validator:
    with open(path, encoding="utf-8") as handle:
        return jsonschema.Draft4Validator(json.load(handle))


def _check_common(text: str, fmt: FormatChoice) -> None:
    text.encode("utf-8")  # no lone surrogate: the report can be written
    match = RAW_CONTROLS.search(text)
    assert match is None, f"{fmt.value}: raw {match.group()!r}"
    for secret in PLANTED:
        assert secret not in text, f"{fmt.value} leaks a planted secret"


SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@SETTINGS
@given(result=scan_results(), with_catalogue=st.booleans())
def test_every_format_renders_any_scan_result_safely(result: ScanResult, with_catalogue: bool) -> None:
    # With the rule catalogue, or with descriptors built from the findings alone (hostile titles included).
    rules = _rules() if with_catalogue else ()
    for fmt in FormatChoice:
        text = render(fmt, result, rules=rules, options=ReportOptions(no_color=True))
        _check_common(text, fmt)
        if fmt is FormatChoice.JSON:
            doc = json.loads(text)
            errors = list(_report_validator().iter_errors(doc))
            assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:3]]
            assert not any(s in json.dumps(doc, ensure_ascii=False) for s in PLANTED)
        elif fmt is FormatChoice.SARIF:
            log = json.loads(text)
            errors = list(_sarif_validator().iter_errors(log))
            assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:3]]
            assert len(log["runs"][0]["results"]) == min(len(result.findings), 5_000)
