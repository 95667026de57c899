"""Value classification, key-name semantics, entropy and secret-reference parsing."""

from __future__ import annotations

import math

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.values import (
    RefHit,
    ValueClass,
    classify_value,
    find_references,
    is_secret_key,
    is_structured_uuid,
    key_tokens,
    shannon_entropy,
)
from auditor.model import ReferenceKind


def test_shannon_entropy() -> None:
    assert shannon_entropy("") == 0.0
    assert shannon_entropy("aaaa") == 0.0
    assert shannon_entropy("ab") == pytest.approx(1.0)
    assert shannon_entropy("0123456789abcdef") == pytest.approx(4.0)
    assert shannon_entropy("aab") == pytest.approx(-(2 / 3) * math.log2(2 / 3) - (1 / 3) * math.log2(1 / 3))


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "<YOUR_KEY>",
        "<your-api-key>",
        "changeme",
        "CHANGEME",
        "xxxxxxxxxxxx",
        "****",
        "********",
        "your-api-key",
        "YOUR_API_KEY",
        "YourApiKeyHere",
        "put-your-key-here",
        "TODO",
        "todo",
        "example",
        "dummy",
        "${VAR}",
        "${DB_PASSWORD:-default}",
        "{{ secrets.X }}",
        "$(VAR)",
        "%VAR%",
        "$API_TOKEN",
        "${{ secrets.GITHUB_TOKEN }}",
        "password",
        "secret",
        "token",
        "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxx",
        "AKIAXXXXXXXXXXXXXXXX",
        "ghp_************************************",
        "sk-ant-api03-...",
        "[REDACTED]",
        "'changeme'",
        "my-dummy-token",
        "{token}",
        "Bearer ${TOKEN}",
        "string",
        "<token>",
        # A word may carry a digit or two; a provider's prefix may come first.
        "your-mem0-api-key",
        "your_s3_secret_key",
        "m0-your-api-key",
        "sk-proj-your-key-here",
        "xoxb-your-bot-token",
        # An ordinal is a word (a UI's code sample).
        "sk-my-openai-1st-key",
        "your-2nd-api-key",
    ],
)
def test_placeholders(value: str) -> None:
    assert classify_value(value) is ValueClass.PLACEHOLDER
    assert classify_value(value, "password") is ValueClass.PLACEHOLDER


@pytest.mark.parametrize(
    "value",
    [
        "vault:secret/data/bot#token",
        "vault://secret/data/agents/slack",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
        "arn:aws:ssm:eu-west-1:123456789012:parameter/agents/slack/token",
        "{{resolve:secretsmanager:prod/db:SecretString:password}}",
        "ssm:/agents/slack/token",
        "@Microsoft.KeyVault(SecretUri=https://kv1.vault.azure.net/secrets/db-pass/)",
        "https://kv1.vault.azure.net/secrets/db-pass",
        "projects/acme/secrets/slack-token/versions/latest",
        "os.environ['SLACK_TOKEN']",
        'os.getenv("OPENAI_API_KEY")',
        "process.env.ANTHROPIC_API_KEY",
        "{env:GITHUB_TOKEN}",
        "/run/secrets/db_password",
        "!vault |",
    ],
)
def test_references(value: str) -> None:
    assert classify_value(value) is ValueClass.REFERENCE
    assert classify_value(value, "client_secret") is ValueClass.REFERENCE


@pytest.mark.parametrize(
    "value",
    [
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AKIAI44QH8DHBEXAMPLE",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
        ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        # Edge's Read Aloud client constant: public, the same in every browser and client library.
        "6A5AA1D4EAFF4E9FB37E23D68491D6F4",
        # The verification token of the url_verification request in Slack's Events API reference.
        "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    ],
)
def test_documented_examples(value: str) -> None:
    assert classify_value(value) is ValueClass.EXAMPLE
    assert classify_value(value, "aws_secret_access_key") is ValueClass.EXAMPLE


BENIGN_VALUES = [
    "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}",
    "da39a3ee5e6b4b0d3255bfef95601890afd80709",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "d41d8cd98f00b204e9800998ecf8427e",
    "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==",
    "sha256:4bc453b53cb3d914b45f4b250294236adba2c0e09ff6f03793949e7e39fd4cc1",
    "42",
    "3.14",
    "-7",
    "30s",
    "1e6",
    "true",
    "False",
    "yes",
    "null",
    "None",
    "hello world",
    "the bot token is rotated every ninety days",
    "agent-queue-12",
    "retry_backoff",
    "https://api.internal.example/v1/chat",
    "https://login.microsoftonline.com/common/oauth2/v2.0/token",
    "/etc/ssl/certs/ca.pem",
    "./keys/service.json",
    "~/.aws/credentials",
    "C:\\agents\\bot.yaml",
    "config/app.yaml",
    "self.settings.password",
]


@pytest.mark.parametrize("value", BENIGN_VALUES)
def test_benign(value: str) -> None:
    assert classify_value(value) is ValueClass.BENIGN


@pytest.mark.parametrize(
    "value",
    [
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==",
        "4096",
        "https://api.internal.example/v1/chat",
        # An escaped line break right after the label (a JSON string read as text): the next line.
        "\\n\\n##",
        "\\r\\nSteps",
    ],
)
@pytest.mark.parametrize("key", ["token", "api_key", "client_secret", "password"])
def test_digests_numbers_urls_stay_benign_under_secret_keys(key: str, value: str) -> None:
    assert classify_value(value, key) is ValueClass.BENIGN


@pytest.mark.parametrize(
    "value",
    [
        "c7d1a96e-52b3-4f08-a6e4-9b20fd73c815",  # Consul ACL and Heroku API tokens are random (v4) UUIDs
        "c7d1a96e-52b3-7f08-a6e4-9b20fd73c815",  # a v7 UUID has 74 random bits
        "c7d1a96e-52b3-1f08-c6e4-9b20fd73c815",  # random hex in UUID layout (no RFC variant)
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",  # Meraki keys are 40 hex characters
        "9c4e1f0b7a2d83e65f1c0b9a7d2e4f61",  # Datadog / Linear style 32 hex
        "4820193746501928374",  # long digit strings (Asana, Discord) under a token's key
    ],
)
@pytest.mark.parametrize("key", ["token", "api_key", "client_secret", "password", "discordToken"])
def test_hex_uuid_and_long_digits_are_secrets_under_a_credential_key(key: str, value: str) -> None:
    assert classify_value(value, key) is ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    "value",
    [
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301",  # version 1: a timestamp and a MAC address
        "5d0ef0a8-1c3e-11ef-8b1a-0242ac110002",  # version 1 with a Docker bridge MAC
        "6fa459ea-ee8a-3ca4-894e-db77e160355e",  # version 3: MD5 of a name
        "886313e1-3b8a-5372-9b90-0c9aee199e5d",  # version 5: SHA-1 of a name
        "1ef1c3e0-5d3a-6b70-9c41-2e07a1f0b3d4",  # version 6: reordered timestamp
    ],
)
@pytest.mark.parametrize("key", ["token", "api_key", "npm_auth_token"])
def test_time_and_name_based_uuids_are_identifiers_under_a_credential_key(key: str, value: str) -> None:
    assert is_structured_uuid(value)
    assert classify_value(value, key) is ValueClass.IDENTIFIER


def test_uuid_versions_with_random_bits_are_not_structured() -> None:
    assert not is_structured_uuid("c7d1a96e-52b3-4f08-a6e4-9b20fd73c815")  # v4
    assert not is_structured_uuid("01890a5d-ac96-774b-bcce-b302099a8057")  # v7
    assert not is_structured_uuid("3f2504e0-4f89-11d3-7a0c-0305e82c3301")  # no RFC variant: not a v1


@pytest.mark.parametrize("key", [None, "commit_sha", "request_id", "token_limit", "secret_name"])
def test_hex_uuid_and_digits_stay_benign_without_a_credential_key(key: str | None) -> None:
    for value in ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "da39a3ee5e6b4b0d3255bfef95601890afd80709"):
        assert classify_value(value, key) is ValueClass.BENIGN


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("vS+I4k9GvvK9JkmW378D/Cn511CFUBWkNhBm2bd2", None),
        ("xoxb-541882002087-2335525137790-5srpS9wg1QlRRLiiRejeKx0g", None),
        ("0F2UsAQVafyQgMZZo8o21XiH", None),
        ("0F2UsAQVafyQ", "api_key"),
        ("hunter22", "password"),
        ("Winter2024!", "DB_PASSWORD"),
        ("p@ss w0rd with spaces!", "password"),
        ("postgres://svc:iBC7bfPPYt9mpZlFD5@db.internal.example/agents", None),
    ],
)
def test_secret_candidates(value: str, key: str | None) -> None:
    assert classify_value(value, key) is ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("hunter22", None),  # a word with digits is only a password when a key says so
        ("hunter22", "api_token"),
        ("queue-lock", "password"),
        ("0F2UsAQVafyQgMZZo8o21XiH", "token_limit"),
        ("0F2UsAQVafyQgMZZo8o21XiH", "secret_name"),
        ("0F2UsAQVafyQgMZZo8o21XiH", "password_policy"),
    ],
)
def test_key_makes_the_difference(value: str, key: str | None) -> None:
    assert classify_value(value, key) is not ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("DB_PASSWORD", True),
        ("password", True),
        ("slackBotToken", True),
        ("x-api-key", True),
        ("client_secret", True),
        ("aws_secret_access_key", True),
        ("security_token", True),
        ("sf_password", True),
        ("mcpServers.github.env.GITHUB_TOKEN", True),
        ("apiKey", True),
        ("credentials", True),
        ("password_policy", False),
        ("token_limit", False),
        ("max_tokens", False),
        ("key_name", False),
        ("secret_name", False),
        ("auth_mode", False),
        ("access_mode", False),
        ("AWS_ACCESS_KEY_ID", False),
        ("public_key", False),
        ("key", False),
        ("token_url", False),
        ("PASSWORD_LEVEL", False),
        ("compass", False),
        # A digest of a secret (detect-secrets' baseline, a stored password hash); the key a hash is made with
        # is a secret.
        ("results.config.py[0].hashed_secret", False),
        ("password_hash", False),
        ("token_sha256", False),
        ("HASH_SECRET", True),
        # Cursors and handles, not credentials.
        ("nextToken", False),
        ("NextPageToken", False),
        ("continuation_token", False),
        ("progressToken", False),
        ("access_token", True),
        ("", False),
    ],
)
def test_is_secret_key(key: str, secret: bool) -> None:
    assert is_secret_key(key) is secret


def test_key_tokens_split_camel_case_and_paths() -> None:
    assert key_tokens("mcpServers.slack.env.slackBotToken") == ("slack", "bot", "token")
    assert key_tokens("APIKey") == ("api", "key")
    assert key_tokens("spec.containers[0].env[1].DB-PASSWORD") == ("db", "password")


# ------------------------------------------------------------------------------------------------ references


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("token: ${SLACK_BOT_TOKEN}", ReferenceKind.ENV_VAR, "SLACK_BOT_TOKEN"),
        ("token: ${SLACK_BOT_TOKEN:-none}", ReferenceKind.ENV_VAR, "SLACK_BOT_TOKEN"),
        ("export X=$OPENAI_API_KEY", ReferenceKind.ENV_VAR, "OPENAI_API_KEY"),
        ("key = os.environ['OPENAI_API_KEY']", ReferenceKind.ENV_VAR, "OPENAI_API_KEY"),
        ('key = os.environ.get("OPENAI_API_KEY")', ReferenceKind.ENV_VAR, "OPENAI_API_KEY"),
        ('key = os.getenv("OPENAI_API_KEY", "")', ReferenceKind.ENV_VAR, "OPENAI_API_KEY"),
        ("const k = process.env.ANTHROPIC_API_KEY;", ReferenceKind.ENV_VAR, "ANTHROPIC_API_KEY"),
        ('"apiKey": "{env:ANTHROPIC_API_KEY}"', ReferenceKind.ENV_VAR, "ANTHROPIC_API_KEY"),
        ("value: $(DB_PASS)", ReferenceKind.ENV_VAR, "DB_PASS"),
        ("set PW=%DB_PASS%", ReferenceKind.ENV_VAR, "DB_PASS"),
        ("token: ${{ secrets.GH_TOKEN }}", ReferenceKind.CI_SECRET, "GH_TOKEN"),
        ("password: vault:secret/data/db#password", ReferenceKind.VAULT_PATH, "secret/data/db#password"),
        ("url: vault://secret/data/bot", ReferenceKind.VAULT_PATH, "secret/data/bot"),
        (
            "arn: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
            ReferenceKind.AWS_SECRETS_MANAGER,
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
        ),
        ("pw: '{{resolve:secretsmanager:prod/db}}'", ReferenceKind.AWS_SECRETS_MANAGER, "prod/db"),
        (
            "p: arn:aws:ssm:us-east-1:123456789012:parameter/bot/token",
            ReferenceKind.AWS_SSM,
            "arn:aws:ssm:us-east-1:123456789012:parameter/bot/token",
        ),
        ("p: ssm:/bot/token", ReferenceKind.AWS_SSM, "/bot/token"),
        (
            "v: @Microsoft.KeyVault(SecretUri=https://kv1.vault.azure.net/secrets/bot/)",
            ReferenceKind.AZURE_KEY_VAULT,
            "https://kv1.vault.azure.net/secrets/bot/",
        ),
        (
            "v: @Microsoft.KeyVault(VaultName=kv1;SecretName=bot)",
            ReferenceKind.AZURE_KEY_VAULT,
            "VaultName=kv1;SecretName=bot",
        ),
        (
            "uri: https://kv1.vault.azure.net/secrets/bot",
            ReferenceKind.AZURE_KEY_VAULT,
            "https://kv1.vault.azure.net/secrets/bot",
        ),
        (
            "name: projects/acme/secrets/slack/versions/3",
            ReferenceKind.GCP_SECRET_MANAGER,
            "projects/acme/secrets/slack/versions/3",
        ),
        (
            "valueFrom:\n  secretKeyRef:\n    name: db\n    key: password\n",
            ReferenceKind.K8S_SECRET_REF,
            "db/password",
        ),
        ("secretKeyRef: {key: token, name: slack}", ReferenceKind.K8S_SECRET_REF, "slack/token"),
        ("file: /run/secrets/db_password", ReferenceKind.FILE, "/run/secrets/db_password"),
        ("api_key: {{ .Values.apiKey }}", ReferenceKind.TEMPLATE, ".Values.apiKey"),
        ('{{ with secret "database/creds/app" }}', ReferenceKind.VAULT_PATH, "database/creds/app"),
    ],
)
def test_find_references(text: str, kind: ReferenceKind, target: str) -> None:
    refs = find_references(text)
    assert [(r.kind, r.target) for r in refs] == [(kind, target)]
    assert text[refs[0].start : refs[0].end].strip()


@pytest.mark.parametrize("text", ["{{ .Data.password }}", "{{ end }}", "{{ else }}"])
def test_template_control_and_vault_fields_are_not_references(text: str) -> None:
    assert find_references(text) == []


def test_find_references_several_sorted_and_non_overlapping() -> None:
    text = "a: ${A}\nb: ${{ secrets.B }}\nc: os.getenv('C')\n"
    refs = find_references(text)
    assert refs == sorted(refs, key=lambda r: r.start)
    assert [r.target for r in refs] == ["A", "B", "C"]
    assert all(isinstance(r, RefHit) for r in refs)
    assert find_references("plain text, nothing here") == []


# ------------------------------------------------------------------------------------------------ fp bait

# Lines in the shape gen_tree.py --fp-bait writes: credential-ish keys holding UUIDs, SHAs, SRI strings,
# numbers, words and placeholders, in every file format it produces.
_BAIT_VALUES = [
    "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    "da39a3ee5e6b4b0d3255bfef95601890afd80709",
    "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==",
    "4096",
    "true",
    "token key secret",
    "${TOKEN_SECRET}",
    "https://gateway-12.internal.example/auth",
    "secret-token-42",
]
_BAIT_KEYS = [
    "token_limit",
    "key_name",
    "secret_name",
    "password_policy",
    "auth_mode",
    "access_mode",
    "max_tokens",
]


def _bait_lines() -> list[str]:
    lines = []
    for key in _BAIT_KEYS:
        for value in _BAIT_VALUES:
            lines += [
                f"  {key}: {value}",
                f'  "{key}": "{value}",',
                f"    {key} = {value!r}",
                f"PASSWORD_{key.upper()}={value.replace(' ', '_')}",
                f"TOKEN_{key.upper()}={value.replace(' ', '_')}",
            ]
    lines += [
        "password:",
        "  token_limit: 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "The token key secret password auth credential access rotation expiry audit log trace.",
        "secret:",
        "  key_name: da39a3ee5e6b4b0d3255bfef95601890afd80709",
    ]
    return lines


@pytest.mark.parametrize("line", _bait_lines())
def test_fp_bait_lines_produce_no_generic_hit(line: str) -> None:
    hits = _DETECTORS.scan_text(line)
    assert [h.detector.id for h in hits if h.detector.generic] == []


def test_fp_bait_block_produces_no_hit_at_all() -> None:
    assert _DETECTORS.scan_text("\n".join(_bait_lines())) == []


_DETECTORS = DetectorSet.load()


@pytest.mark.parametrize(
    "value",
    [
        "9d41c07e5b2a48f3a6e1d0c9b7f2e485.QkV7mT2xLp9RwZ4n",  # <hex id>.<secret> (Zhipu-style API key)
        "pk.k3v9q2m7x1z8c4b6n0l5j2h8g4f1d7s3a9p6o2i8u4y1t7r3e9w5q2m8n4b0v6c2x8z.f4g7h1j5k9l2m6n0b3v8",
    ],
)
def test_dotted_tokens_are_not_code(value: str) -> None:
    assert classify_value(value, "token") is ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    "value",
    [
        "settings.SECRET_KEY",
        "self.config.api_key",
        "config.s3Bucket",
        "os.environ",
        # Go and C: the address of a struct literal, a dereferenced field (`secret := &corev1.Secret{}`).
        "&corev1.Secret",
        "&corev1.SecretVolumeSource",
        "*request.APIKey",
        "&apiKeyRef",
        # A URN names a kind of token, it is none.
        "urn:ietf:params:oauth:token-type:id_token",
        "urn:ietf:params:oauth:grant-type:token-exchange",
    ],
)
def test_dotted_code_stays_benign(value: str) -> None:
    assert classify_value(value, "token") is ValueClass.BENIGN


@pytest.mark.parametrize("value", ["&Qm7vR2.pLx9Tz4w", "*Hk8vQ2mZr5Lxq9"])
def test_a_password_starting_with_a_sigil_is_still_one(value: str) -> None:
    assert classify_value(value, "password") is ValueClass.SECRET_CANDIDATE


def test_firebase_sdk_sample_keys_are_documented_examples() -> None:
    assert classify_value("AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g") is ValueClass.EXAMPLE
    # a key of the same shape that no SDK publishes is not
    assert classify_value("AIzaSyC7qK2mV9xR4tL8pW3nZ6bJ1dF5hG0sY2e") is ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    ("value", "key"),
    [
        # The field's own name, or the end of it, where its value goes: a form, a template, a parameter list.
        ("MicrosoftAppPassword", "MicrosoftAppPassword"),
        ("AppPassword", "MicrosoftAppPassword"),
        ("APP_PASSWORD", "MicrosoftAppPassword"),
        ("env:MicrosoftAppPassword", "MicrosoftAppPassword"),
        ("BotSecret", "bot.secret"),
        # A description of what goes there.
        ("16 character password", "appPassword"),
        ("the client secret of the app registration", "clientSecret"),
        # PowerShell cmdlets (approved verb, a dash, a noun): the command that reads or builds the secret.
        ("Read-Host", "appPassword"),
        ("ConvertTo-SecureString", "securePassword"),
        ("Get-AzKeyVaultSecret", "botSecret"),
        ("Get-Base64EncodedToken", "Base64EncodedToken"),
        # The next option of a command line (`@('--azure-credential', '--packagePath', ...)`).
        ("--packagePath", "azure-credential"),
        # `my` and a credential's name: what to put there (`Pwd=mypass` in a documented connection string).
        ("mypass", "Pwd"),
        ("mysecret", "client_secret"),
        # The field's own name, up to case and punctuation: a constant spelled as its value.
        ("OAuth_2.0_Client_Credentials", "OAuth_2_0_Client_Credentials"),
        ("client-secret", "clientSecret"),
        # The name of something about a credential, letters only: its identifier, its name.
        ("StoredPasswordIdentifier", "DeskhandVaultPassword"),
        ("signingKeyName", "webhook_secret"),
    ],
)
def test_a_value_naming_its_field_or_a_cmdlet_is_not_a_secret(value: str, key: str) -> None:
    assert classify_value(value, key) is not ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    ("value", "key"),
    [
        # Words that are not all the field's own stay a value (a NuGet.config's ClearTextPassword is the
        # password itself), and so do values with digits or symbols.
        ("TestSourcePassword", "ClearTextPassword"),
        ("HarborPassword7", "MicrosoftAppPassword"),
        ("Tz4-Kq9wPm2r", "appPassword"),
        # A dash between two words that are no cmdlet.
        ("Blue-Harbor", "password"),
        ("Quartz-Lantern!7", "password"),
        # A credential word without a setting word after it, or the key's name with more to it.
        ("HarborSecretLantern", "password"),
        ("PasswordIdentifier9", "password"),
        ("OAuth_2.0_Client_Credentials_x7Q", "OAuth_2_0_Client_Credentials"),
    ],
)
def test_values_that_only_resemble_a_field_name_stay_secrets(value: str, key: str) -> None:
    assert classify_value(value, key) is ValueClass.SECRET_CANDIDATE


def test_powershell_lines_reading_a_password_are_no_finding() -> None:
    text = (
        '$appPassword = Read-Host "Password for the bot registration (16 characters or more)"\n'
        "$securePassword = ConvertTo-SecureString -String $plain -AsPlainText -Force\n"
        "$options = @(@('appPassword', '16 character password'), @('location', 'Azure region'))\n"
        '"MicrosoftAppPassword": "AppPassword",\n'
    )
    assert _DETECTORS.scan_text(text) == []


@pytest.mark.parametrize(
    ("value", "key"),
    [
        # JavaScript expressions computing a flag or reading a field.
        ("!!inputParam?.rows", "multilinePassword"),
        ("!!session.user?.token", "token"),
        ("!config.auth.secret", "secret"),
        # OAuth and permission scopes: a resource and an action.
        ("apikeys:import", "apikey"),
        ("chat:write", "token"),
        ("credentials:read", "secret"),
        # TypeScript types in a signature.
        ("unknown", "password"),
        ("never", "apiToken"),
        # A mask put where the value was.
        ("ACME_MASKED", "password"),
        ("masked-value", "token"),
        # A variable named for the credential it holds.
        ("passwordVal", "password"),
        ("newPasswordVal", "password"),
        ("passwordSchema", "password"),
        ("tokenData", "token"),
        ("clientSecret", "secret"),
        ("apiKey", "x-api-key"),
    ],
)
def test_code_scopes_types_and_masks_are_not_secrets(value: str, key: str) -> None:
    assert classify_value(value, key) is not ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("!!Rb7-Tq4wXz", "password"),  # a password starting with symbols
        ("deploy:Hq7rT2xw", "password"),  # a user:password pair
        ("tulipKeyboard7", "password"),
        ("mQ8vKeyZt2Lp", "api_key"),
    ],
)
def test_values_near_code_and_scopes_stay_secrets(value: str, key: str) -> None:
    assert classify_value(value, key) is ValueClass.SECRET_CANDIDATE


def test_flowise_style_source_lines_are_no_finding() -> None:
    text = (
        "const isMultilinePassword = !!inputParam?.rows && inputParam?.type === 'password'\n"
        "const isCredential = !!inputParam.credentialNames?.length\n"
        "has_new_refresh_token: !!tokenData.refresh_token,\n"
        "const apikey = 'apikeys:import'\n"
        "export function isWeakPassword(password: unknown): boolean {\n"
        "url.password = 'ACME_MASKED'\n"
        "password: newPasswordVal,\n"
    )
    assert _DETECTORS.scan_text(text) == []


def test_pascal_case_starting_with_a_credential_word_stays_a_value() -> None:
    assert classify_value("SecretHarbor", "password") is ValueClass.SECRET_CANDIDATE
    # A credential word inside another word is no credential's name.
    assert classify_value("purpleMonkeyTrellis", "password") is ValueClass.SECRET_CANDIDATE


def test_a_long_run_after_your_is_judged_without_backtracking() -> None:
    """`your_`, a long run of letters and no end: the phrase rule once tried every split of the run into six
    words (seconds at 80 letters, hours at 200). Possessive words make it one pass."""
    from auditor.extract import values as v

    for n in (200, 20000):
        assert v._PLACEHOLDER_PHRASE.search("your_" + "ab" * n + "!") is None
        assert v._PLACEHOLDER_PHRASE.search("Your" + "Ab1" * n + "!") is None


@pytest.mark.parametrize("value", ["your-Xk8vQ2mZr5Lxq9Tw", "sk-Your8fKq2LmZ9xVt4RwNp7Qd"])
def test_random_after_your_is_still_a_token(value: str) -> None:
    assert classify_value(value, "api_key") is ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    "line",
    [
        # A placeholder wrapped in underscores to stand out in docs.
        "`export ALGOLIA_API_KEY =__YOUR_ALGOLIA_API_KEY__`",
        "SEARCH_TOKEN=--your-search-token--",
        # A predicate computed from an expression, not a password.
        "  const canChangePassword = strategyType === 'basic'",
        "    requiresToken: provider.kind !== 'oauth',",
        # A permission written as resource.field:action in a generated client's doc comment.
        " * needs the action `users.password:update` and the scope `global.users:*`.",
        # TypeScript's non-null assertion on a field.
        "      auth: { username: this.clientId!, password: this.clientToken! }",
        # Field names in a row: a list, no key and value.
        "  connection: pick(pg, ['host', 'port', 'user', 'password', 'database', 'ssl'])",
        # A bundle's export list of icon names: one spells the provider after a comma.
        "/*! exports provided: TiSocialInstagram, TiSocialLinkedinCircular, TiSocialLinkedin */",
    ],
)
def test_code_and_doc_shapes_from_a_bot_platform_are_no_secrets(line: str) -> None:
    assert [h.detector.id for h in _DETECTORS.scan_text(line)] == []


@pytest.mark.parametrize(
    "line",
    [
        # A setter's last two arguments are a key and its value; so are a glued pair with a real value.
        "parser.set('database', 'password', 'Qx7-mR2v9Lp!')",
        "os.environ.setdefault('DB_PASSWORD', 'Qx7-mR2v9Lp!')",
        "DB_PASSWORD=__Qx7mR2v9Lp__",
        "redis_password:Qx7mR2v9Lp",
    ],
)
def test_near_misses_of_those_shapes_are_still_secrets(line: str) -> None:
    assert [h.detector.kind for h in _DETECTORS.scan_text(line)] == ["password"]


def test_remembered_verdicts_are_those_of_the_question_asked() -> None:
    # The same value under different keys, asked in turn and again: each answer is its own question's.
    asked = [
        ("hunter2x", "password", ValueClass.SECRET_CANDIDATE),
        ("hunter2x", None, ValueClass.BENIGN),
        ("Xk29aLq0ZpT7vB3n", "token", ValueClass.SECRET_CANDIDATE),
        ("Xk29aLq0ZpT7vB3n", "token_limit", ValueClass.BENIGN),
        ("process.env.SLACK_BOT_TOKEN", "token", ValueClass.REFERENCE),
    ]
    for _ in range(2):
        for value, key, expected in asked:
            assert classify_value(value, key) is expected
            assert classify_value.__wrapped__(value, key) is expected  # type: ignore[attr-defined]


def test_remembered_keeps_short_questions_only_and_a_bounded_number(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.extract import values

    calls: list[tuple[str, str | None]] = []

    def judge(value: str, key: str | None = None) -> ValueClass:
        calls.append((value, key))
        return ValueClass.BENIGN if key else ValueClass.PLACEHOLDER

    monkeypatch.setattr(values, "_REMEMBER_VERDICTS", 3)
    remembered = values._remembered(judge)
    assert [remembered("a", "k"), remembered("a", "k"), remembered("a")] == [
        ValueClass.BENIGN,
        ValueClass.BENIGN,
        ValueClass.PLACEHOLDER,
    ]
    assert calls == [("a", "k"), ("a", None)]  # asked once, then remembered; the key is part of the question
    long_value = "v" * (values._REMEMBER_CHARS + 1)
    remembered(long_value, "k")
    remembered(long_value, "k")
    remembered("a", "k" * (values._REMEMBER_CHARS + 1))
    remembered("a", "k" * (values._REMEMBER_CHARS + 1))
    assert len(calls) == 6  # a long value or key is judged afresh every time
    # Past the bound a new generation starts and the full one is kept as the older: "a" is still known.
    for value in ("b", "c", "d"):
        remembered(value, "k")
    remembered("a", "k")
    assert len(calls) == 9 and calls[-1] == ("d", "k")
    # Two generations later it is forgotten and judged again: at most twice the bound is ever kept.
    for value in ("e", "f", "g", "h"):
        remembered(value, "k")
    remembered("a", "k")
    assert calls[-1] == ("a", "k") and len(calls) == 14


@pytest.mark.parametrize(
    "value", ["2025-04-02T16:05:51.882310", "2025-04-02 16:05:51+02:00", "2024-01-02T10:00:00Z", "2025-04-02"]
)
def test_an_iso_timestamp_is_no_secret(value: str) -> None:
    # A fraction of a second gives a timestamp a token's digits; it is a time (an export's `updatedAt`).
    assert classify_value(value, "updatedAt") is ValueClass.BENIGN
    assert classify_value(value, "password") is ValueClass.BENIGN


def test_a_timestamp_with_more_after_it_is_still_judged() -> None:
    assert classify_value("2025-04-02T16:05:51.882310Zq8Rk3Vw", "api_token") is ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    ("value", "key"), [("ISO_3166-1_Alpha-2_Code", "ReferenceDataKey"), ("ISO_8601-2_Extended", None)]
)
def test_words_and_short_numbers_joined_are_a_name(value: str, key: str | None) -> None:
    assert classify_value(value, key) is ValueClass.BENIGN


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("Summer-2024-Harbor", "password"),  # a chosen password of words and numbers
        ("Tz4-Kq9w-Pm2r", "api_key"),  # segments mixing letters and digits
        ("sk_live_4eC39HqLyjWDarjtT1zdp7dcQ2", "api_key"),  # a random segment
    ],
)
def test_joined_parts_with_a_random_or_chosen_one_stay_secrets(value: str, key: str) -> None:
    assert classify_value(value, key) is ValueClass.SECRET_CANDIDATE


_CANDIDATE_KEYS = [
    None,
    "password",
    "DB_PASS",
    "api_key",
    "CLIENT_SECRET",
    "token",
    "token_limit",
    "secret_name",
    "ROTATION_TTL",
    "url",
    "name",
    "slack.bot_token",
]


def _detector_example_values() -> list[str]:
    from auditor.extract.detectors import DetectorSet

    out: list[str] = []
    for det in DetectorSet.load().detectors:
        for example in (*det.examples_match, *det.examples_no_match):
            out.append(example)
            # The value part of `key = value` / `key: value` examples, as a setting would hold it.
            for sep in ("=", ":"):
                if sep in example:
                    out.append(example.split(sep, 1)[1].strip())
    return out


def test_the_quick_secret_question_agrees_with_the_full_judgement() -> None:
    # is_secret_candidate answers settings' one question (classify_value(...) is SECRET_CANDIDATE) by a
    # necessary condition first: it must agree with the full judgement on every value and key.
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from auditor.extract.values import is_secret_candidate

    full = classify_value.__wrapped__  # type: ignore[attr-defined]  # the unremembered judgement
    known = _detector_example_values()
    assert len(known) > 500
    for value in known:
        for key in _CANDIDATE_KEYS:
            assert is_secret_candidate(value, key) == (full(value, key) is ValueClass.SECRET_CANDIDATE), (
                value[:12],
                key,
            )

    pieces = st.sampled_from(
        [
            "https://",
            "user:",
            "@db.example",
            "${",
            "}",
            "{{",
            "}}",
            "your_",
            "_here",
            "sk-",
            "ghp_",
            "xxxx",
            "1234",
            "abcd",
            "Summer",
            "!",
            "#",
            "%3C",
            "-",
            "_",
            ".",
            "/",
            " ",
            "'",
            '"',
            "AKIA",
            "==",
            "true",
        ]
    )
    alphabet = st.characters(min_codepoint=32, max_codepoint=126)
    values = st.one_of(
        st.text(alphabet, max_size=60),
        st.lists(st.one_of(pieces, st.text(alphabet, min_size=1, max_size=20)), max_size=8).map("".join),
        st.from_regex(r"[A-Za-z0-9+/_-]{8,48}", fullmatch=True),
    )

    @settings(max_examples=1500, deadline=None)
    @given(values, st.sampled_from(_CANDIDATE_KEYS))
    def agrees(value: str, key: str | None) -> None:
        assert is_secret_candidate(value, key) == (full(value, key) is ValueClass.SECRET_CANDIDATE)

    agrees()
