"""Each configuration posture rule (BA-1xx), run alone on its positive and negative fixtures."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor.clock import FixedClock, parse_time
from auditor.config import AgentDecl, Config, RuleOverride, parse_config
from auditor.engine.evaluate import evaluate
from auditor.engine.interface import RuleContext
from auditor.engine.loader import load_rules
from auditor.inventory import build_inventory
from auditor.model import Confidence, FileScan, Finding, Platform, ReferenceKind, SecretContext, Severity
from tests.inventory_helpers import hint, ref, scan, secret, setting

DATA = Path(__file__).parent / "data" / "rules"
RULES = {r.id: r for r in load_rules() if r.id.startswith("BA-1")}
CASES = sorted((d.name, f.name) for d in DATA.glob("BA-1*") for f in d.glob("*.yaml"))


def _files(spec: dict[str, Any]) -> tuple[list[FileScan], list[str]]:
    files: list[FileScan] = []
    values: list[str] = []
    for entry in spec.get("files") or ():
        path = entry["path"]
        items: list[object] = []
        for s in entry.get("secrets") or ():
            values.append(s["value"])
            items.append(
                secret(
                    path,
                    s["kind"],
                    s["value"],
                    line=s.get("line", 1),
                    key=s.get("key"),
                    context=SecretContext(s.get("context", "config")),
                    identifier=s.get("identifier"),
                    platform=Platform(s["platform"]) if s.get("platform") else None,
                    is_example=s.get("example", False),
                    in_test_path=s.get("test_path", False),
                    confidence=Confidence(s.get("confidence", "high")),
                )
            )
        for st in entry.get("settings") or ():
            items.append(
                setting(path, st["key"], str(st.get("value", "")), st.get("line", 1), st.get("key_path"))
            )
        for r in entry.get("references") or ():
            items.append(ref(path, ReferenceKind(r["kind"]), r["target"], r.get("line", 1), r.get("key")))
        for m in entry.get("manifests") or ():
            items.append(
                hint(path, m["kind"], m["name"], m.get("line", 1), m.get("key"), **(m.get("details") or {}))
            )
        made = scan(path, *items, fmt=entry.get("format", "yaml"))
        if "commit" in entry:  # a file version from git history (BA-113)
            commit = entry["commit"]
            made = replace(
                made,
                secrets=tuple(replace(s, location=replace(s.location, commit=commit)) for s in made.secrets),
                commit=commit,
                committed=parse_time(entry.get("committed")),
            )
        files.append(made)
    return files, values


def run_fixture(rule_id: str, fixture: Path) -> tuple[list[Finding], list[str]]:
    spec = yaml.safe_load(fixture.read_text())
    decls = tuple(AgentDecl(**a) for a in spec.get("agents") or ())
    overrides = {rule_id: RuleOverride(params=spec["params"])} if spec.get("params") else {}
    config = Config(agents=decls, rules=overrides)
    if spec.get("botaudit_yaml"):
        # Rules about botaudit's own configuration read it as loaded from a botaudit.yaml.
        loaded = parse_config(spec["botaudit_yaml"], source="botaudit.yaml")
        config = replace(loaded, agents=decls, rules=overrides)
    rule = load_rules(config=config)
    (only,) = [r for r in rule if r.id == rule_id]
    scans, values = _files(spec)
    files = [f for f in scans if f.commit is None]
    history = tuple(f for f in scans if f.commit is not None)
    values += list(spec.get("planted") or ())
    now = parse_time(spec.get("now")) or datetime(2025, 6, 1, tzinfo=UTC)
    ctx = RuleContext(
        config=config,
        clock=FixedClock(now),
        agents=build_inventory(files, config),
        files=tuple(files),
        history=history,
    )
    findings, not_evaluated = evaluate([only], ctx)
    assert not_evaluated == [], not_evaluated
    return findings, values


def test_every_config_rule_has_positive_and_negative_fixtures() -> None:
    assert len(RULES) >= 12
    for rule_id in RULES:
        names = {f.name for f in (DATA / rule_id).glob("*.yaml")}
        assert {"positive.yaml", "negative.yaml"} <= names, rule_id


@pytest.mark.parametrize(("rule_id", "name"), CASES)
def test_rule_fixture(rule_id: str, name: str) -> None:
    fixture = DATA / rule_id / name
    spec = yaml.safe_load(fixture.read_text())
    findings, values = run_fixture(rule_id, fixture)
    summary = [(f.location.path if f.location else f.identity, f.message) for f in findings]
    assert len(findings) == spec["expect"], summary
    if name.startswith("positive"):
        assert spec["expect"] > 0
    if "expect_severities" in spec:
        wanted = sorted(Severity(s).rank for s in spec["expect_severities"])
        assert sorted(f.severity.rank for f in findings) == wanted, summary
    for finding in findings:
        assert finding.rule_id == rule_id and finding.fingerprint and finding.message
        assert finding.location is not None or finding.identity
        # No planted value reaches the finding text or evidence.
        text = finding.message + repr(finding.evidence)
        assert not any(v in text for v in values if len(v) > 8), finding.message


def test_fingerprints_survive_line_moves() -> None:
    fixture = DATA / "BA-101" / "positive.yaml"
    before, _ = run_fixture("BA-101", fixture)
    spec = yaml.safe_load(fixture.read_text())
    for entry in spec["files"]:
        for s in entry.get("secrets") or ():
            s["line"] += 10
    moved = fixture.parent.parent.parent / "moved.tmp.yaml"
    try:
        moved.write_text(yaml.safe_dump(spec))
        after, _ = run_fixture("BA-101", moved)
    finally:
        moved.unlink()
    assert sorted(f.fingerprint for f in before) == sorted(f.fingerprint for f in after)
    assert [f.location.line for f in after if f.location] != [f.location.line for f in before if f.location]


def test_max_age_param_override_changes_the_verdict() -> None:
    fixture = DATA / "BA-112" / "negative.yaml"
    spec = yaml.safe_load(fixture.read_text())
    spec["params"] = {"max_age_days": 10}
    tmp = DATA.parent / "override.tmp.yaml"
    try:
        tmp.write_text(yaml.safe_dump(spec))
        findings, _ = run_fixture("BA-112", tmp)
    finally:
        tmp.unlink()
    assert len(findings) == 1 and "19 days" in findings[0].message
