"""botaudit.yaml loading: strict validation with file and line in every error, and the init template."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditor.config import INIT_TEMPLATE, Config, load_config, parse_config, parse_size, validate_rule_refs
from auditor.engine.interface import Rule
from auditor.errors import ConfigError
from auditor.model import Severity

GOOD = """\
version: 1
fingerprint_key: a-project-specific-key-1234
agents:
  - name: support-bot
    paths: ["./support/**", "shared/bot.yaml"]
    kind: slack_bot
    multi_user: true
    environment: production
baseline:
  aws: arn:aws:iam::123456789012:user/junior-analyst
  vault: {policies: [junior-read, default]}
  salesforce: junior.rep@acme.example
  entra: junior.rep@acme.onmicrosoft.com
rules:
  BA-106: {severity: medium, params: {max_access_token_minutes: 30}}
  reused-credential: {enabled: false}
disable: [BA-109]
suppressions:
  - rule: BA-101
    path: "legacy/**"
    reason: revoked key, repository being archived
    expires: 2030-01-31
scan:
  max_file_size: 2MB
  exclude: ["vendor/**"]
collectors:
  aws: {profile: audit, region: eu-west-1, max_attempts: 5}
  vault: {address: "https://vault.example:8200", token_file: ~/.vault-token}
snapshots: [snapshots/aws.json]
"""


def _load(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "botaudit.yaml"
    path.write_text(text)
    return load_config(path)


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        _load(tmp_path, text)
    return str(info.value)


def test_none_gives_defaults() -> None:
    config = load_config(None)
    assert config == Config()
    assert config.max_file_size == 5 * 1024 * 1024


def test_full_config_is_loaded_and_normalised(tmp_path: Path) -> None:
    config = _load(tmp_path, GOOD)
    assert config.path == str(tmp_path / "botaudit.yaml")
    assert config.base_dir == tmp_path
    assert config.fingerprint_key == "a-project-specific-key-1234"
    (agent,) = config.agents
    assert agent.paths == ("support/**", "shared/bot.yaml")
    assert agent.multi_user is True and agent.environment == "prod" and agent.kind == "slack_bot"
    assert config.baseline["vault"] == ("junior-read", "default")
    assert config.baseline["aws"].endswith(":user/junior-analyst")
    assert config.rules["BA-106"].severity is Severity.MEDIUM
    assert config.rules["BA-106"].params == {"max_access_token_minutes": 30}
    assert config.rules["BA-106"].line == 15
    assert config.rules["reused-credential"].enabled is False
    assert config.disabled == ("BA-109",)
    (supp,) = config.suppressions
    assert supp.expires == date(2030, 1, 31) and supp.line == 19 and supp.rule == "BA-101"
    assert config.max_file_size == 2 * 1024 * 1024
    assert config.exclude == ("vendor/**",)
    assert config.collectors["aws"]["max_attempts"] == 5
    assert config.snapshots == ("snapshots/aws.json",)


def test_empty_file_is_the_default(tmp_path: Path) -> None:
    assert _load(tmp_path, "# nothing yet\n").agents == ()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("version: 1\nscna: {}\n", 2, "unknown key 'scna'"),
        ("version: 2\n", 1, "is not one of 1"),
        ("scan:\n  max_file_size: 5 parsecs\n", 2, "size such as 5MB"),
        ("scan:\n  max_file_size: 0\n", 2, "number of bytes"),
        ("scan:\n  exclude: vendor\n", 2, "expected a list"),
        ("agents:\n  - paths: [a/**]\n", 2, "missing required key 'name'"),
        ("agents:\n  - name: a\n    multi_user: maybe\n", 3, "expected true or false"),
        ("agents:\n  - name: a\n    environment: moon\n", 3, "is not one of dev"),
        ("agents:\n  - name: a\n    paths: [../outside/**]\n", 3, "stay below it"),
        ("agents:\n  - name: a\n  - name: a\n", 3, "declared twice"),
        ("baseline:\n  aws: junior-analyst\n", 2, "IAM user or role ARN"),
        ("baseline:\n  vault: junior-read\n", 2, "Vault policy names"),
        ("baseline:\n  gcp: someone\n", 2, "unknown key 'gcp'"),
        ("rules:\n  BA-106:\n    severity: urgent\n", 3, "is not one of critical"),
        ("rules:\n  Not A Rule: {}\n", 2, "rule id (BA-101)"),
        ("disable: [ba_1]\n", 1, "rule id (BA-101)"),
        ("suppressions:\n  - rule: BA-101\n", 2, "missing required key 'reason'"),
        ("suppressions:\n  - rule: BA-101\n    reason: ok then\n    expires: 31/12/2030\n", 4, "YYYY-MM-DD"),
        (
            "suppressions:\n  - rule: BA-101\n    reason: ok then\n    expires: 2030-02-30\n",
            4,
            "not a real date",
        ),
        ("suppressions:\n  - reason: because I said so\n", 2, "at least one of rule"),
        ("collectors:\n  gcp: {}\n", 2, "unknown collector platform 'gcp'"),
        ("collectors:\n  aws:\n    nested: {a: {b: 1}}\n", 3, "mapping of those"),
        ("scan: {}\nscan: {}\n", 2, "duplicate key 'scan'"),
        ("version: [1\n", 2, "not valid YAML"),
        ("- just\n- a list\n", 1, "must be a mapping"),
    ],
)
def test_bad_config_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    message = _error(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'botaudit.yaml'}:{line}: "), message
    assert words in message


@pytest.mark.parametrize("key", ["password", "client_secret", "token", "api_key", "secret_id", "vault-token"])
def test_secret_looking_collector_keys_are_refused_without_echoing_the_value(
    tmp_path: Path, key: str
) -> None:
    value = "Zq8vLr3XwT0pMn5sKd7Yh2Bc"
    message = _error(tmp_path, f"collectors:\n  vault:\n    address: https://v\n    {key}: {value}\n")
    assert ":4: " in message and "environment variable or a file path" in message
    assert value not in message


@pytest.mark.parametrize(
    "key", ["token_file", "client_secret_env", "token_url", "private_key_path", "role_id"]
)
def test_pointer_keys_are_allowed_in_collectors(tmp_path: Path, key: str) -> None:
    assert (
        key
        in _load(tmp_path, f"collectors:\n  salesforce:\n    {key}: SOME_VALUE\n").collectors["salesforce"]
    )


def test_long_bad_values_are_not_echoed(tmp_path: Path) -> None:
    pasted = "hvs." + "A1b2C3d4" * 8
    message = _error(tmp_path, f"baseline:\n  salesforce: {pasted}\n")
    assert pasted not in message and "character string" in message


def test_unreadable_and_non_utf8_files_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.yaml")
    bad = tmp_path / "botaudit.yaml"
    bad.write_bytes(b"version: 1\nname: \xff\xfe\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(bad)


def test_alias_bomb_is_an_error_not_a_hang(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    message = _error(tmp_path, "\n".join(lines) + "\n")
    assert "more than" in message and "aliases" in message


@pytest.mark.parametrize(("value", "size"), [(10, 10), ("10", 10), ("5MB", 5 * 1024**2), ("1.5 kb", 1536)])
def test_parse_size(value: int | str, size: int) -> None:
    assert parse_size(value) == size


def test_init_template_loads_cleanly() -> None:
    config = parse_config(INIT_TEMPLATE, source="botaudit.yaml")
    assert config.agents == () and config.max_file_size == 5 * 1024 * 1024


def test_init_template_examples_are_valid_when_switched_on() -> None:
    placeholders = (
        "agents: []",
        "baseline: {}",
        "rules: {}",
        "disable: []",
        "suppressions: []",
        "collectors: {}",
        "snapshots: []",
        "  exclude: []",
    )
    lines = [
        line[3:] if line.startswith("#~ ") else line
        for line in INIT_TEMPLATE.splitlines()
        if not line.startswith(placeholders)
    ]
    config = parse_config("\n".join(lines), source="botaudit.yaml")
    assert config.agents[0].name == "support-bot" and config.agents[0].multi_user is True
    assert config.baseline["vault"] == ("junior-read",)
    assert config.suppressions[0].expires == date(2030, 12, 31)
    assert config.collectors["salesforce"]["consumer_key_env"] == "SF_AUDIT_CONSUMER_KEY"
    # Every top-level key the schema knows is explained in the template.
    for key in (
        "version",
        "fingerprint_key",
        "agents",
        "baseline",
        "rules",
        "disable",
        "suppressions",
        "scan",
        "collectors",
        "snapshots",
    ):
        assert f"{key}:" in INIT_TEMPLATE


def _rule(rule_id: str, name: str, params: dict[str, object] | None = None) -> Rule:
    return Rule(
        rule_id, name, "A title", Severity.HIGH, "secrets", "why", "fix", "check", params=params or {}
    )


def test_validate_rule_refs_accepts_ids_and_names(tmp_path: Path) -> None:
    config = _load(tmp_path, GOOD)
    rules = [
        _rule("BA-101", "static-credential"),
        _rule("BA-106", "long-lived-token", {"max_access_token_minutes": 15}),
        _rule("BA-109", "no-origin-restriction"),
        _rule("BA-110", "reused-credential"),
    ]
    validate_rule_refs(config, rules)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("disable: [BA-101, BA-999]\n", 1, "unknown rule 'BA-999'"),
        ("rules:\n  no-such-rule: {enabled: false}\n", 2, "unknown rule 'no-such-rule'"),
        (
            "rules:\n  BA-106:\n    params: {max_acces_token_minutes: 5}\n",
            3,
            "no parameter 'max_acces_token_minutes'",
        ),
        ("rules:\n  BA-106:\n    params:\n      max_access_token_minutes: soon\n", 4, "must be a number"),
        ("suppressions:\n  - rule: BA-777\n    reason: legacy\n", 2, "unknown rule 'BA-777'"),
    ],
)
def test_validate_rule_refs_rejects_unknown(tmp_path: Path, text: str, line: int, words: str) -> None:
    config = _load(tmp_path, text)
    rules = [
        _rule("BA-101", "static-credential"),
        _rule("BA-106", "long-lived-token", {"max_access_token_minutes": 15}),
    ]
    with pytest.raises(ConfigError) as info:
        validate_rule_refs(config, rules)
    assert str(info.value).startswith(f"{tmp_path / 'botaudit.yaml'}:{line}: ")
    assert words in str(info.value)


def test_init_template_examples_name_real_rules_and_params() -> None:
    from auditor.engine.loader import load_rules

    placeholders = (
        "agents: []",
        "baseline: {}",
        "rules: {}",
        "disable: []",
        "suppressions: []",
        "collectors: {}",
        "snapshots: []",
        "  exclude: []",
    )
    lines = [
        line[3:] if line.startswith("#~ ") else line
        for line in INIT_TEMPLATE.splitlines()
        if not line.startswith(placeholders)
    ]
    validate_rule_refs(parse_config("\n".join(lines)), load_rules())


def test_sample_botaudit_yaml_is_valid() -> None:
    from auditor.engine.loader import load_rules

    config = load_config(Path(__file__).resolve().parent.parent / "sample_configs" / "botaudit.yaml")
    validate_rule_refs(config, load_rules())
    assert config.baseline["vault"] == ("junior-read",) and len(config.snapshots) == 5
    assert config.baseline["github"] == "junior-dev"
