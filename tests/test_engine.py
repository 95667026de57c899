"""The rule engine: strict rule loading, config overrides, evaluation that never crashes or passes quietly."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.clock import FixedClock
from auditor.config import Config, RuleOverride, validate_rule_refs
from auditor.engine.evaluate import evaluate
from auditor.engine.interface import CheckResult, Rule, RuleContext
from auditor.engine.loader import find_rule, load_rules
from auditor.engine.predicates import PREDICATES
from auditor.errors import RuleLoadError
from auditor.model import Location, Severity

RULE = """\
id: {id}
name: {name}
title: {title}
severity: high
category: secrets
rationale: Because.
remediation: Fix it.
references: ["OWASP NHI7:2025 Long-Lived Secrets"]
compliance: {{soc2: [CC6.1], nist_800_53: ["IA-5(1)"]}}
params:
  max_age_days: {{type: integer, minimum: 1, maximum: 3650, default: 90, description: Days.}}
  strict: {{type: boolean, default: false, description: Strict.}}
check: {check}
"""


def _one(rule: Rule, ctx: RuleContext) -> CheckResult:
    yield rule.finding("one", subject="a.yaml", location=Location("a.yaml", 3, key="x.y"))


def _twice(rule: Rule, ctx: RuleContext) -> CheckResult:
    yield rule.finding("dup", subject="b.yaml", location=Location("b.yaml", 1, key="k"))
    yield rule.finding("dup", subject="b.yaml", location=Location("b.yaml", 9, key="k"))
    yield rule.not_evaluated("b.yaml", "no data")


def _boom(rule: Rule, ctx: RuleContext) -> Iterator[object]:
    yield rule.finding("partial", subject="c.yaml")
    raise KeyError("secret-value-must-not-leak")


CHECKS = {"one": _one, "twice": _twice, "boom": _boom}


def _write(
    folder: Path,
    rule_id: str,
    name: str = "",
    title: str = "A static credential sits in config",
    check: str = "one",
    extra: str = "",
) -> Path:
    path = folder / f"{rule_id}.yaml"
    path.write_text(
        RULE.format(id=rule_id, name=name or f"rule-{rule_id[-3:]}", title=title, check=check) + extra
    )
    return path


def _ctx() -> RuleContext:
    return RuleContext(config=Config(), clock=FixedClock(datetime(2025, 6, 1, tzinfo=UTC)))


def test_loads_rules_sorted_with_all_fields(tmp_path: Path) -> None:
    _write(tmp_path, "BA-902", check="twice")
    _write(tmp_path, "BA-901")
    (tmp_path / "notes.yaml").write_text("not: a rule\n")
    rules = load_rules(tmp_path, predicates=CHECKS)
    assert [r.id for r in rules] == ["BA-901", "BA-902"]
    rule = rules[0]
    assert rule.severity is Severity.HIGH and rule.category == "secrets" and rule.check == "one"
    assert rule.compliance == {"soc2": ("CC6.1",), "nist_800_53": ("IA-5(1)",)}
    assert rule.params == {"max_age_days": 90, "strict": False}
    assert rule.references == ("OWASP NHI7:2025 Long-Lived Secrets",)
    assert rule.source == "BA-901.yaml" and rule.enabled
    assert find_rule(rules, "ba-902") is rules[1] and find_rule(rules, "rule-901") is rule


@pytest.mark.parametrize(
    ("kwargs", "extra", "words"),
    [
        ({}, "colour: red\n", "unknown key 'colour'"),
        ({"title": "Ensure keys are rotated"}, "", "'Ensure'"),
        ({"title": "x" * 151}, "", "at most 150"),
        ({"check": "no_such_check"}, "", "not in auditor/engine/predicates.py"),
        ({"name": "Not_A_Slug"}, "", "kebab-case"),
        ({}, "platform: myspace\n", "platform 'myspace'"),
        ({}, "fixtures: oops\n", "`fixtures` must be a list"),
    ],
)
def test_bad_rule_files_name_the_file(tmp_path: Path, kwargs: dict[str, str], extra: str, words: str) -> None:
    path = _write(tmp_path, "BA-901", extra=extra, **kwargs)
    with pytest.raises(RuleLoadError) as info:
        load_rules(tmp_path, predicates=CHECKS)
    assert str(info.value).startswith(str(path)) and words in str(info.value)


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ("params: {max_age_days: 90}\n", "must declare type, default and description"),
        ("params:\n  max_age_days: {type: integer, default: 9}\n", "missing 'description'"),
        ("params:\n  max_age_days: {type: date, default: 9, description: d}\n", "type 'date' is not one of"),
        ("params:\n  max_age_days: {type: integer, default: soon, description: d}\n", "does not match"),
        (
            "params:\n  max_age_days: {type: integer, default: 9, description: d, min: 1}\n",
            "unknown key 'min'",
        ),
    ],
)
def test_bad_param_declarations_are_refused(tmp_path: Path, params: str, words: str) -> None:
    path = _write(tmp_path, "BA-901")
    text = path.read_text()
    start = text.index("params:")
    path.write_text(text[:start] + params + text[text.index("check:") :])
    with pytest.raises(RuleLoadError) as info:
        load_rules(tmp_path, predicates=CHECKS)
    assert words in str(info.value)


def test_every_shipped_param_default_fits_its_declaration() -> None:
    import jsonschema

    from auditor.config.schema import param_schema

    for rule in load_rules():
        assert set(rule.param_schema) == set(rule.params), rule.id
        for name, spec in rule.param_schema.items():
            jsonschema.Draft202012Validator.check_schema(param_schema(spec))
            jsonschema.validate(rule.params[name], param_schema(spec))
            assert str(spec["description"]).strip(), (rule.id, name)


def test_missing_field_bad_severity_and_wrong_file_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "BA-901")
    path.write_text(path.read_text().replace("rationale: Because.\n", ""))
    with pytest.raises(RuleLoadError, match="missing required key 'rationale'"):
        load_rules(tmp_path, predicates=CHECKS)
    path.write_text(RULE.format(id="BA-901", name="a", title="t", check="one").replace("high", "urgent"))
    with pytest.raises(RuleLoadError, match="severity 'urgent'"):
        load_rules(tmp_path, predicates=CHECKS)
    path.write_text(RULE.format(id="BA-903", name="a", title="t", check="one"))
    with pytest.raises(RuleLoadError, match="file name must be the rule id"):
        load_rules(tmp_path, predicates=CHECKS)


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, "BA-901", name="same-name")
    _write(tmp_path, "BA-902", name="same-name")
    with pytest.raises(RuleLoadError, match="duplicate rule name 'same-name'"):
        load_rules(tmp_path, predicates=CHECKS)


def test_config_overrides_by_id_and_name(tmp_path: Path) -> None:
    _write(tmp_path, "BA-901")
    _write(tmp_path, "BA-902", check="twice")
    _write(tmp_path, "BA-903")
    config = Config(
        rules={
            "BA-901": RuleOverride(severity=Severity.LOW, params={"max_age_days": 30}),
            "rule-902": RuleOverride(enabled=False),
        },
        disabled=("rule-903",),
    )
    rules = load_rules(tmp_path, config, predicates=CHECKS)
    validate_rule_refs(config, rules)
    assert rules[0].severity is Severity.LOW and rules[0].params == {"max_age_days": 30, "strict": False}
    assert [r.enabled for r in rules] == [True, False, False]


def test_evaluate_dedupes_orders_and_turns_exceptions_into_not_evaluated(tmp_path: Path) -> None:
    for rule_id, check in (("BA-903", "boom"), ("BA-902", "twice"), ("BA-901", "one")):
        _write(tmp_path, rule_id, check=check)
    rules = load_rules(tmp_path, predicates=CHECKS)
    findings, not_evaluated = evaluate(rules, _ctx(), predicates=CHECKS)
    assert [(f.rule_id, f.message) for f in findings] == [("BA-901", "one"), ("BA-902", "dup")]
    assert findings[1].location is not None and findings[1].location.line == 1
    reasons = {(n.rule_id, n.reason) for n in not_evaluated}
    assert ("BA-903", "check failed: KeyError") in reasons and ("BA-902", "no data") in reasons
    assert all("secret-value" not in n.reason for n in not_evaluated)
    # Deterministic: the same input gives the same output.
    assert evaluate(rules, _ctx(), predicates=CHECKS) == (findings, not_evaluated)


def test_disabled_rules_do_not_run(tmp_path: Path) -> None:
    _write(tmp_path, "BA-903", check="boom")
    rules = load_rules(tmp_path, Config(disabled=("BA-903",)), predicates=CHECKS)
    assert evaluate(rules, _ctx(), predicates=CHECKS) == ([], [])


def test_shipped_rules_load_against_the_real_predicates_table() -> None:
    rules = load_rules()
    assert all(r.check in PREDICATES for r in rules)
    ids = [r.id for r in rules]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    config_rules = [r for r in rules if r.id.startswith("BA-1")]
    assert len(config_rules) >= 12
    for rule in config_rules:
        assert any(ref.startswith("OWASP NHI") for ref in rule.references), rule.id
        assert rule.compliance, rule.id


def test_rules_markdown_lists_every_rule_with_its_sections() -> None:
    from auditor.engine.loader import rules_markdown

    rules = load_rules()
    text = rules_markdown(rules)
    for rule in rules:
        assert f"## {rule.id}" in text and rule.title in text
    assert text.count("### Remediation") == len(rules)


def test_the_check_table_lists_every_platform_check_of_its_module() -> None:
    """PREDICATES names the platform checks without importing them (auditor/engine/predicates.py): the
    lists must be exactly each module's CHECKS, and the table the merge of every module's."""
    import importlib

    from auditor.engine.checks import botaudit_config_checks, code_checks, config_checks
    from auditor.engine.predicates import PLATFORM_CHECKS

    modules = {name: importlib.import_module(f"auditor.engine.checks.{name}") for name in PLATFORM_CHECKS}
    for name, module in modules.items():
        assert PLATFORM_CHECKS[name] == tuple(module.CHECKS), f"update PLATFORM_CHECKS[{name!r}]"
    every = [config_checks, botaudit_config_checks, *modules.values(), code_checks]
    merged = {k: v for module in every for k, v in module.CHECKS.items()}
    assert sum(len(module.CHECKS) for module in every) == len(merged)  # no name in two modules
    assert list(PREDICATES) == list(merged) and len(PREDICATES) == len(merged)
    assert {k: PREDICATES[k] for k in PREDICATES} == merged
    assert "no_such_check" not in PREDICATES and PREDICATES.get("no_such_check") is None
    with pytest.raises(KeyError):
        PREDICATES["no_such_check"]
