"""The rule documentation is generated from rules/: it must not drift from the rule files."""

from __future__ import annotations

from pathlib import Path

from auditor.engine.loader import load_rules, rules_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_docs_rules_md_matches_the_rule_files() -> None:
    expected = rules_markdown(load_rules())
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale: regenerate it with the command at its top"
    )


def test_every_rule_is_documented_with_its_id_and_slug() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"## {rule.id}" in text and rule.name in text
