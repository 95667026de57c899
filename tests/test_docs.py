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


CONFIG_DOCS = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_docs_configuration_md_matches_the_schema() -> None:
    from auditor.config import configuration_markdown

    assert CONFIG_DOCS.read_text(encoding="utf-8") == configuration_markdown(load_rules()), (
        "docs/configuration.md is stale: regenerate it with the command at its top"
    )


def test_configuration_reference_names_every_key_and_rule_param() -> None:
    from auditor.config import COLLECTOR_SETTINGS, COLLECTOR_TIME_SETTINGS, CONFIG_SCHEMA

    text = CONFIG_DOCS.read_text(encoding="utf-8")
    for key in CONFIG_SCHEMA["properties"]:
        assert f"| `{key}`" in text, key
    for platform, spec in COLLECTOR_SETTINGS.items():
        assert f"### `collectors.{platform}`" in text
        for key in [*spec["properties"], *COLLECTOR_TIME_SETTINGS]:
            assert f"| `{key}`" in text, (platform, key)
    for rule in load_rules():
        for name in rule.params:
            assert f"| `{name}` |" in text, (rule.id, name)


def test_collector_docs_use_only_keys_the_loader_accepts() -> None:
    """Every `key:` in a docs/collectors/*.md YAML block under collectors.PLATFORM is a real setting."""
    import re

    import yaml

    from auditor.config import parse_config

    for page in sorted((DOCS.parent / "collectors").glob("*.md")):
        for block in re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            # Commented alternatives (`# private_key_path: ...`) are switched on: they must be real keys too.
            text = re.sub(r"^(\s+)# (\w+:)", r"\1\2", block, flags=re.M)
            data = yaml.safe_load(text)
            if isinstance(data, dict) and "collectors" in data:
                parse_config(yaml.safe_dump({"collectors": data["collectors"]}), source=page.name)


README = Path(__file__).resolve().parents[1] / "README.md"
SECURITY_HEADING = "## Security promises and the tests that hold them"
PROMISES = (
    "Never leak",
    "Linear-time detectors",
    "Per-file time budget",
    "Hostile files",
    "Escaping in every format",
    "Partial platform → exit 3",
    "Read-only collectors",
    "Fingerprints are not reversible",
    "Bounded input documents",
)


def _security_rows() -> dict[str, list[str]]:
    """The README's security table: promise (its bold lead) -> the test paths named in its row."""
    import re

    text = README.read_text(encoding="utf-8")
    assert SECURITY_HEADING in text, "README has no security section"
    section = text.split(SECURITY_HEADING, 1)[1].split("\n## ", 1)[0]
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        lead = re.match(r"\| \*\*(.+?)\.\*\*", line)
        if lead:
            rows[lead.group(1)] = re.findall(r"`(tests/[^`]+)`", line)
    return rows


def test_readme_security_section_names_a_test_for_every_promise() -> None:
    rows = _security_rows()
    assert list(rows) == list(PROMISES)
    for promise, paths in rows.items():
        assert paths, f"{promise}: no test named"


def test_every_test_the_security_section_names_exists_and_holds_tests() -> None:
    root = README.parent
    for promise, paths in _security_rows().items():
        for rel in paths:
            path = root / rel
            assert path.is_file(), f"README security section, {promise}: {rel} does not exist"
            assert "\ndef test_" in path.read_text(encoding="utf-8"), f"{rel} holds no test"


def test_every_adversarial_test_file_backs_a_promise() -> None:
    named = {p for paths in _security_rows().values() for p in paths}
    for path in sorted((README.parent / "tests" / "adversarial").glob("test_*.py")):
        rel = path.relative_to(README.parent).as_posix()
        assert rel in named, f"{rel} is not named in the README security section"
