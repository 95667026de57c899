"""The reference parser: one small parser per templating syntax; only credential-carrying references."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from auditor.extract.references import from_key, names_credential, parse, scan_references
from auditor.extract.values import classify_value
from auditor.model import ReferenceKind as K
from tests.adversarial.workcount import Work, measure, verdict


def _refs(text: str, key: str | None = None) -> list[tuple[str, str]]:
    return [(r.kind.value, r.target) for r in parse(text, key)]


@pytest.mark.parametrize(
    ("text", "key", "want"),
    [
        # Shell / compose / dotenv interpolation, with defaults and errors.
        ("${SLACK_BOT_TOKEN}", None, [("env_var", "SLACK_BOT_TOKEN")]),
        ("${DB_PASSWORD:-local-only}", None, [("env_var", "DB_PASSWORD")]),
        ("postgres://app:${POSTGRES_PASSWORD:?unset}@db:5432/app", None, [("env_var", "POSTGRES_PASSWORD")]),
        ("Bearer $GITHUB_MCP_PAT", None, [("env_var", "GITHUB_MCP_PAT")]),
        # VS Code: `${env:X}` is the variable X, `${input:x}` a prompted secret; neither is called env/input.
        ("${env:SLACK_BOT_TOKEN}", None, [("env_var", "SLACK_BOT_TOKEN")]),
        ("Bearer ${input:github_mcp_pat}", "Authorization", [("prompt_input", "github_mcp_pat")]),
        ("${input:home-assistant-token}", None, [("prompt_input", "home-assistant-token")]),
        # GitHub Actions and Continue: secrets are in the CI store whatever their name; the job token too.
        ("${{ secrets.AWS_ACCESS_KEY_ID }}", None, [("ci_secret", "AWS_ACCESS_KEY_ID")]),
        ("${{ github.token }}", None, [("ci_secret", "GITHUB_TOKEN")]),
        # Teams Toolkit `${{NAME}}` reads env/.env.<name>.
        ("${{SECRET_BOT_PASSWORD}}", None, [("env_var", "SECRET_BOT_PASSWORD")]),
        # n8n expressions.
        ("=Bearer {{ $env.OPENAI_API_KEY }}", None, [("env_var", "OPENAI_API_KEY")]),
        ("={{ $env['ANTHROPIC_API_KEY'] }}", None, [("env_var", "ANTHROPIC_API_KEY")]),
        # CloudFormation dynamic references keep their whole target, `${Param}` inside included.
        (
            "{{resolve:secretsmanager:sales-bot/prod/salesforce:SecretString:password}}",
            None,
            [("aws_secrets_manager", "sales-bot/prod/salesforce#SecretString:password")],
        ),
        (
            "{{resolve:secretsmanager:${RedisPasswordSecret}:SecretString:password}}",
            None,
            [("aws_secrets_manager", "${RedisPasswordSecret}#SecretString:password")],
        ),
        (
            "{{resolve:ssm-secure:/bot/slack-signing-secret:3}}",
            None,
            [("aws_ssm", "/bot/slack-signing-secret")],
        ),
        # Azure Key Vault references, Vault, 1Password, GCP.
        (
            "@Microsoft.KeyVault(SecretUri=https://kv-a.vault.azure.net/secrets/graph-secret/)",
            None,
            [("azure_key_vault", "https://kv-a.vault.azure.net/secrets/graph-secret/")],
        ),
        (
            "@Microsoft.KeyVault(VaultName=kv-a;SecretName=openai-key)",
            None,
            [("azure_key_vault", "VaultName=kv-a;SecretName=openai-key")],
        ),
        ('{{ with secret "database/creds/app-ro" }}', None, [("vault_path", "database/creds/app-ro")]),
        ("vault://secret/data/bot#slack_token", None, [("vault_path", "secret/data/bot#slack_token")]),
        ("op://Agents/salesforce/password", None, [("onepassword", "op://Agents/salesforce/password")]),
        (
            "projects/p1/secrets/gh-token/versions/latest",
            None,
            [("gcp_secret_manager", "projects/p1/secrets/gh-token/versions/latest")],
        ),
        # A name that is no credential is listed only when the key it fills says it is one.
        ("${SLACK_BOT_TOKEN_FROM_VAULT}", "SLACK_BOT_TOKEN", [("env_var", "SLACK_BOT_TOKEN_FROM_VAULT")]),
        ("{{JIRA_API_TOKEN}}", None, [("template", "JIRA_API_TOKEN")]),
    ],
)
def test_each_syntax_parses_to_its_kind_and_whole_target(text: str, key: str | None, want: list) -> None:
    assert _refs(text, key) == want


@pytest.mark.parametrize(
    "text",
    [
        "${AWS::StackName}-bot-${Stage}",
        "${{ matrix.os }}",
        "release-${{ github.run_id }}",
        'echo "v=1" >> "$GITHUB_OUTPUT"',
        "={{ $json.event.text }}",
        "={{ $('Slack Trigger').item.json.event.channel }}",
        "{{LIBRECHAT_USER_ID}}",
        "{{ .Values.image.repository }}:{{ .Values.image.tag }}",
        "{{- end }}",
        "vault:1.11.0",
        "hashicorp/vault:1.15",
        "${workspaceFolder}",
        "${SF_USERNAME}",
        "${VAULT_ROLE_ID}",
        "$PORT",
    ],
)
def test_template_noise_is_never_a_reference(text: str) -> None:
    assert _refs(text) == []


def test_key_decides_plain_values() -> None:
    assert from_key(("salesforce", "existingSecret"), "sales-agent-sf-jwt") == (
        K.K8S_SECRET_REF,
        "sales-agent-sf-jwt",
    )
    assert from_key(("SF_JWT_KEY_FILE",), "./certs/server.key") == (K.FILE, "./certs/server.key")
    assert from_key(("config", "secret_id_file_path"), "/etc/vault/secret_id") == (
        K.FILE,
        "/etc/vault/secret_id",
    )
    assert from_key(("config", "role_id_file_path"), "/etc/vault/role_id") is None
    assert from_key(("vault", "secret_path"), "secret/data/agents/reporting") == (
        K.VAULT_PATH,
        "secret/data/agents/reporting",
    )
    assert from_key(("image",), "vault:1.11.0") is None


@pytest.mark.parametrize(
    ("name", "credential"),
    [
        ("SLACK_BOT_TOKEN", True),
        ("github_mcp_pat", True),
        ("AZURE_DEVOPS_PAT", True),
        ("ANALYTICS_DATABASE_URL", True),
        ("WAREHOUSE_DSN", True),
        ("VAULT_SECRET_ID", True),
        ("SF_USERNAME", False),
        ("VAULT_ROLE_ID", False),
        ("SLACK_CHANNEL", False),
        ("GITHUB_OUTPUT", False),
        ("TOKEN_TTL", False),
        # A service's name before a bare `key`: its API key (Azure's samples: `AZURE_OPENAI_KEY`).
        ("AZURE_OPENAI_KEY", True),
        ("OPENAI_KEY", True),
        ("AZURE_SEARCH_KEY", True),
        ("pineconeKey", True),
        # ...but not a bare `key` after anything else, nor a setting about the service's key.
        ("S3_KEY", False),
        ("CACHE_KEY", False),
        ("KMS_KEY", False),
        ("OPENAI_KEY_NAME", False),
        ("AZURE_OPENAI_KEY_ID", False),
    ],
)
def test_names_credential(name: str, credential: bool) -> None:
    assert names_credential(name) is credential


class _Scanned(str):
    """The parsed text, counting the characters each `find` / `count` on it may scan (the parser's look-aheads
    run in C on the text itself; slices are plain strings, so only scans of the whole text are counted)."""

    work: Work | None = None

    def _count(self, start: Any, end: Any) -> None:
        if _Scanned.work is not None:
            lo = 0 if start is None else start
            hi = len(self) if end is None else min(end, len(self))
            _Scanned.work.chars += max(0, hi - lo)

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        self._count(start, end)
        return str.find(self, sub, start, end)

    def count(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        self._count(start, end)
        return str.count(self, sub, start, end)


@contextmanager
def _scanned_chars(work: Work) -> Iterator[None]:
    _Scanned.work = work
    try:
        yield
    finally:
        _Scanned.work = None


@pytest.mark.parametrize("unit", ["${", "{{", "${{", "$(", "$A", "$A{", "{{ secrets."])
def test_parser_does_linear_work_on_unclosed_openers(unit: str) -> None:
    # Thousands of openers that never close: each looks ahead a bounded window. Counted, not timed: the Python
    # lines the parser runs and the characters its look-aheads may scan grow 4x from n to 4n (16x if each
    # opener scanned to the end of the text).
    def run(text: str) -> object:
        return parse(_Scanned(text), "password")

    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    small = measure(run, make(10_000), _scanned_chars)
    large = measure(run, make(40_000), _scanned_chars)
    assert small.lines > 1000  # the openers are really parsed one by one
    assert small.chars > 10_000 or unit.startswith("$A")  # bracketed openers' look-aheads are counted
    assert verdict(small, large) is None, verdict(small, large)


@pytest.mark.parametrize(
    ("value", "verdict"),
    [
        ("${{ matrix.token }}", "placeholder"),  # template syntax not listed, still not a literal
        ("${AWS::StackName}-db-password", "placeholder"),
        ("$(DB_PASSWORD)", "placeholder"),
        ("{{ toYaml .Values.auth.token }}", "placeholder"),
        ("{env:ANTHROPIC_API_KEY}", "reference"),
        ("{{resolve:ssm-secure:/bot/token}}", "reference"),
        ("vault:secret/data/bot#token", "reference"),
    ],
)
def test_value_classifier_reads_references_from_this_parser(value: str, verdict: str) -> None:
    """One table of templating syntaxes: the value classifier judges a value by what this module parses."""
    from auditor.extract import values

    assert scan_references(value), value
    assert classify_value(value, "token").value == verdict
    assert not hasattr(values, "_REF_PATTERNS")


def test_unlisted_template_syntax_is_never_a_listed_reference() -> None:
    assert parse("${{ matrix.os }} ${AWS::StackName} {{ toYaml .Values.x }} $json.token") == []
    assert [(r.kind, r.target) for r in parse("{env:SLACK_BOT_TOKEN}")] == [(K.ENV_VAR, "SLACK_BOT_TOKEN")]


def test_a_text_is_looked_at_only_when_its_lowered_copy_holds_a_trigger() -> None:
    """_find_all's first question (any trigger in the lowered text?) decides alone whether a text can hold a
    reference: a text without one is empty; with one (any case), the patterns run."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from auditor.extract.references import _TRIGGERS, _find_all

    pieces = st.sampled_from([*_TRIGGERS, *(t.upper() for t in _TRIGGERS), "SecretName", "ENV[", "Vault"])
    words = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=12)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.one_of(pieces, words), max_size=6))
    def agree(parts: list[str]) -> None:
        text = "".join(parts)
        if not any(t in text.lower() for t in _TRIGGERS):
            assert _find_all(text) == ()

    agree()
    assert [r.target for r in parse("${VAULT_TOKEN}", "token")] == ["VAULT_TOKEN"]
    assert [r.target for r in parse("op://Private/db/password", "password")] != []
    # Non-ASCII text is lowered by str.lower(), which keeps `ſ`: `ſecretname` holds no trigger.
    assert parse("ſecretname: x", "db_password") == []


def test_the_last_text_searched_is_answered_again_only_for_that_text() -> None:
    """A setting's scalar is searched twice in a row (parse, then the value classifier): the second answer
    is the first one's, and a different text in between is searched afresh, whichever order they come in."""
    texts = ["${SLACK_BOT_TOKEN}", "plain value", "op://Private/db/password", "${SLACK_BOT_TOKEN}", "x ${A}"]
    want = {
        "${SLACK_BOT_TOKEN}": [(K.ENV_VAR, "SLACK_BOT_TOKEN")],
        "plain value": [],
        "op://Private/db/password": [(K.ONEPASSWORD, "op://Private/db/password")],
        "x ${A}": [(K.ENV_VAR, "A")],
    }
    for text in texts + texts[::-1]:
        for _ in range(2):
            assert [(r.kind, r.target) for r in parse(text, "token")] == want[text]
            assert [(r.kind, r.target) for r, _interp in scan_references(text)] == want[text]


def test_a_scalar_without_a_reference_is_empty_whatever_its_key() -> None:
    assert parse("plain value", "db_password") == []
    assert parse("op://vault/item/password", "db_password") != []
