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
  aws: {profile: audit, region: eu-west-1, access_keys: all}
  vault: {addr: "https://vault.example:8200", token_file: ~/.vault-token}
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
    assert config.collectors["aws"]["access_keys"] == "all"
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
        ("collectors:\n  aws:\n    nested: {a: {b: 1}}\n", 3, "unknown key 'nested' in collectors.aws"),
        ("collectors:\n  vault:\n    address: https://v:8200\n", 3, "write 'addr' instead"),
        ("collectors:\n  vault:\n    ca_bundle_path: ca.pem\n", 3, "write 'ca_bundle' instead"),
        ("collectors:\n  salesforce:\n    consumer_key_env: SF_KEY\n", 3, "write 'consumer_key' instead"),
        ("collectors:\n  entra:\n    client_id_env: X\n", 3, "write 'client_id' instead"),
        ("collectors:\n  entra:\n    client_certificate_path: a.pem\n", 3, "write 'certificate_path'"),
        ("collectors:\n  entra:\n    page_size: 5000\n", 3, "must be at most 999, got 5000"),
        ("collectors:\n  entra:\n    graph_url: http://graph\n", 3, "https:// URL"),
        ("collectors:\n  aws:\n    access_keys: some\n", 3, "is not one of referenced, all"),
        ("collectors:\n  vault:\n    kv_max_secrets: lots\n", 3, "expected a whole number, got 'lots'"),
        ("collectors:\n  aws:\n    request_deadline_seconds: 0\n", 3, "must be above 0"),
        ("collectors:\n  salesforce:\n    api_version: 60.0\n", 3, "expected a string"),
        ("collectors:\n  aws:\n    regoin: eu-west-1\n", 3, "did you mean 'region'?"),
        ("x: " + "[" * 40 + "]" * 40 + "\n", 1, "nested more than 32 levels"),
        ("[" * 500 + "]" * 500 + "\n", 1, "nested more than 32 levels"),
        ("{[a]: 1}\n", 1, "keys must be plain names"),
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
    message = _error(tmp_path, f"collectors:\n  vault:\n    addr: https://v\n    {key}: {value}\n")
    assert ":4: " in message and "environment variable or a file path" in message
    assert value not in message


@pytest.mark.parametrize(
    ("platform", "key", "value"),
    [
        ("vault", "token_file", "~/.vault-token"),
        ("entra", "client_secret_env", "ENTRA_AUDIT_SECRET"),
        ("entra", "private_key_path", "keys/audit.key"),
        ("salesforce", "private_key_file", "keys/sf.key"),
    ],
)
def test_pointer_keys_are_allowed_in_collectors(tmp_path: Path, platform: str, key: str, value: str) -> None:
    assert (
        _load(tmp_path, f"collectors:\n  {platform}:\n    {key}: {value}\n").collectors[platform][key]
        == value
    )


def test_long_bad_values_are_not_echoed(tmp_path: Path) -> None:
    pasted = "hvs." + "A1b2C3d4" * 8
    message = _error(tmp_path, f"baseline:\n  salesforce: {pasted}\n")
    # a Vault-token shape: described as a secret or by its length, never echoed
    assert pasted not in message and ("character string" in message or "looks like a secret" in message)


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
    from auditor.config.template import switch_on_examples
    from auditor.engine.loader import load_rules

    text = switch_on_examples(INIT_TEMPLATE)
    assert "\n#~" not in text
    config = parse_config(text, source="botaudit.yaml", rules=load_rules())
    assert config.agents[0].name == "support-bot" and config.agents[0].multi_user is True
    assert config.baseline["vault"] == ("junior-read",)
    assert config.suppressions[0].expires == date(2030, 12, 31)
    assert config.rules["BA-106"].params == {"max_access_token_minutes": 30}
    assert config.exclude == ("vendor/**", "**/*.min.js")
    # Every collector setting the schema knows is shown, for every platform, with the loader's key names.
    from auditor.config import COLLECTOR_SETTINGS

    for platform, spec in COLLECTOR_SETTINGS.items():
        assert set(config.collectors[platform]) >= set(spec["properties"]), platform
    assert config.collectors["vault"]["addr"].startswith("https://")
    assert config.pasted_secrets == ()
    # Every top-level key the schema knows is explained in the template.
    from auditor.config import CONFIG_SCHEMA

    for key in CONFIG_SCHEMA["properties"]:
        assert f"\n{key}:" in INIT_TEMPLATE or f"\n#~ {key}:" in INIT_TEMPLATE, key


def test_cli_init_writes_the_template_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from auditor.cli import app

    runner = CliRunner()
    out = tmp_path / "botaudit.yaml"
    assert runner.invoke(app, ["init", "-o", str(out)]).exit_code == 0
    assert out.read_text() == INIT_TEMPLATE
    missing = runner.invoke(app, ["init", "-o", str(tmp_path / "missing-dir" / "x.yaml")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    assert runner.invoke(app, ["init", "-o", str(out)]).exit_code == 2
    assert runner.invoke(app, ["init", "-o", str(tmp_path)]).exit_code == 2


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
        (
            "rules:\n  BA-106:\n    params:\n      max_access_token_minutes: soon\n",
            4,
            "expected a whole number",
        ),
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


def test_sample_botaudit_yaml_is_valid() -> None:
    from auditor.engine.loader import load_rules

    config = load_config(Path(__file__).resolve().parent.parent / "sample_configs" / "botaudit.yaml")
    validate_rule_refs(config, load_rules())
    assert config.baseline["vault"] == ("junior-read",) and len(config.snapshots) == 6
    assert config.baseline["github"] == "junior-dev" and config.baseline["slack"] == "U07JUNIOR01"


@pytest.mark.parametrize(
    ("yaml_text", "line", "words"),
    [
        (
            "rules:\n  BA-106:\n    params:\n      max_access_token_minutes: lots\n",
            4,
            "expected a whole number",
        ),
        ("rules:\n  BA-106:\n    params:\n      max_access_token_minutes: 0\n", 4, "must be at least 1"),
        ("rules:\n  long-lived-token:\n    params: {max_refresh_token_days: 99999}\n", 3, "at most 3650"),
        ("rules:\n  BA-106:\n    params: {max_acces_token_minutes: 5}\n", 3, "did you mean"),
        ("rules:\n  BA-103:\n    params: {platforms: salesforce}\n", 3, "expected a list"),
        ("rules:\n  BA-999: {enabled: false}\n", 2, "unknown rule 'BA-999'"),
        ("disable: [BA-101, no-such-rule]\n", 1, "unknown rule 'no-such-rule'"),
        ("collectors:\n  entra:\n    client_id_env: ENTRA_ID\n", 3, "write 'client_id' instead"),
    ],
)
def test_scan_with_a_bad_config_exits_2_naming_file_line_and_key(
    tmp_path: Path, yaml_text: str, line: int, words: str
) -> None:
    """Even `--strict --fail-on none` (which would pass a scan whose rule silently did not run) exits 2."""
    from typer.testing import CliRunner

    from auditor.cli import app

    (tmp_path / "botaudit.yaml").write_text(yaml_text)
    result = CliRunner().invoke(
        app, ["scan", str(tmp_path), "--strict", "--fail-on", "none", "--no-progress"]
    )
    assert result.exit_code == 2, result.output
    assert f"botaudit.yaml:{line}: " in result.output and words in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("client_secret_env", "Abc8Q~xyzw1234567890abcdefghijklmnopqrs"),
        ("client_secret_env", "Summer2024!"),
        ("client_secret_env", "aB3dE5gH7jK9mN1pQ3sT5vW7"),
        (
            "certificate_path",
            "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----",
        ),
    ],
)
def test_secret_pasted_as_a_pointer_is_taken_out_and_kept_redacted(
    tmp_path: Path, key: str, value: str
) -> None:
    config = _load(tmp_path, f'collectors:\n  entra:\n    tenant_id: contoso.example\n    {key}: "{value}"\n')
    (pasted,) = config.pasted_secrets
    assert pasted.key == f"collectors.entra.{key}" and pasted.line == 4
    assert key not in config.collectors["entra"]
    assert value.replace("\\n", "\n")[:12] not in repr(config)


@pytest.mark.parametrize("value", ["my var", "$AZURE_CLIENT_SECRET", "${AZURE_CLIENT_SECRET}"])
def test_a_pointer_that_is_not_a_name_is_refused_without_echo(tmp_path: Path, value: str) -> None:
    message = _error(tmp_path, f'collectors:\n  entra:\n    client_secret_env: "{value}"\n')
    assert ":3: collectors.entra.client_secret_env: expected the name of an environment variable" in message
    assert value not in message
