"""Key-name semantics: whether a configuration key or variable name says its value is a credential.

Shared by the value classifier (auditor.extract.values), the reference parser (auditor.extract.references)
and the manifest readers; it imports nothing from them.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "CAMEL_1",
    "CAMEL_2",
    "BENIGN_LAST",
    "is_password_key",
    "is_secret_key",
    "key_tokens",
    "secret_last_words",
]


CAMEL_1 = re.compile(r"([a-z0-9])([A-Z])")
# Between an acronym and the next word (`HTTPServer` -> HTTP_Server): a zero-width split, replaced by "_".
# (`([A-Z]+)([A-Z][a-z])` retried the rest of a run of capitals at every offset: 16,000 capitals took 14 s.)
CAMEL_2 = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")
_KEY_SPLIT = re.compile(r"[^a-z0-9]+")

_PASSWORD_WORDS = frozenset({"password", "passwd", "pwd", "pass", "passphrase", "passcode"})
_SECRET_LAST = _PASSWORD_WORDS | frozenset(
    {
        "secret",
        "token",
        "credential",
        "credentials",
        "creds",
        "apikey",
        "apitoken",
        "accesstoken",
        "authtoken",
        "secretkey",
        "clientsecret",
        "privatekey",
        "accesskey",
        "authkey",
        "sessiontoken",
        "bearertoken",
        "refreshtoken",
        "idtoken",
        "appsecret",
        "signingkey",
        "masterkey",
    }
)
# `key` alone is too common a word (k8s `- key: FOO`, i18n keys); it names a secret only after one of these.
_KEY_QUALIFIERS = frozenset(
    {
        "api",
        "secret",
        "access",
        "private",
        "auth",
        "app",
        "master",
        "signing",
        "encryption",
        "decryption",
        "client",
        "license",
        "account",
        "service",
        "subscription",
        "webhook",
        "admin",
        "shared",
        "session",
        "integration",
        "hmac",
        "jwt",
        "ssh",
        "deploy",
        "storage",
        "sas",
        "primary",
        "secondary",
    }
)
# A trailing word that makes a secret-looking key a setting about the secret, not the secret itself.
BENIGN_LAST = frozenset(
    {
        "id",
        "ids",
        "sid",
        "name",
        "names",
        "policy",
        "policies",
        "limit",
        "limits",
        "mode",
        "type",
        "kind",
        "url",
        "uri",
        "endpoint",
        "path",
        "file",
        "dir",
        "env",
        "var",
        "ref",
        "arn",
        "enabled",
        "required",
        "length",
        "len",
        "count",
        "size",
        "ttl",
        "expiry",
        "expires",
        "expiration",
        "age",
        "format",
        "prefix",
        "header",
        "field",
        "param",
        "hint",
        "label",
        "description",
        "version",
        "rotation",
        "usage",
        "tokens",
        "timeout",
        "min",
        "max",
        "level",
        "style",
        "hash",
        "salt",
        "algorithm",
        "method",
        "location",
        "region",
        "host",
        "port",
        "owner",
        "tag",
        "source",
        "provider",
        "store",
        "backend",
        "scope",
        "scopes",
        "audience",
        "issuer",
        "strategy",
        "reset",
        "changed",
        "created",
        "updated",
    }
)


# A key starting with one of these names a secret stored elsewhere (`existingSecret: my-release-db`).
_NAMING_FIRST = frozenset({"existing", "use", "from", "external"})
# A key starting with one of these is a boolean flag about a credential (`isApiKeyRequired`, `hasToken`,
# `showPassword`, `canChangePassword`, `requiresToken`): it holds true or false, or an expression that
# computes it (`canChangePassword = strategyType === "basic"`).
_FLAG_FIRST = frozenset(
    {
        "is",
        "has",
        "should",
        "show",
        "hide",
        "can",
        "allow",
        "allows",
        "require",
        "requires",
        "needs",
        "must",
        "supports",
        "was",
        "did",
    }
)
# A key holding one of these words says its value is a stand-in, not a credential.
# Test code names its negative samples so too: `invalidToken`, `nonMatchingToken`, `bad_password`.
_FIXTURE_KEY_WORDS = frozenset(
    {
        "fake",
        "dummy",
        "mock",
        "mocked",
        "placeholder",
        "sample",
        "invalid",
        "bogus",
        "bad",
        "wrong",
        "malformed",
        "nonmatching",
        "unmatched",
    }
)
# A key holding one of these words says its value is a one-way digest of a secret, not the secret:
# detect-secrets' `.secrets.baseline` (`hashed_secret`), `token_sha256`; `hash` only last (`password_hash`):
# `HASH_SECRET` is the key a hash is made with.
_DIGEST_KEY_WORDS = frozenset(
    {"hashed", "digest", "sha1", "sha256", "sha512", "md5", "bcrypt", "checksum", "fingerprint"}
)
# A token these words qualify is a cursor or a handle, not a credential: `nextToken`, `NextPageToken`,
# `continuation_token`, MCP's `progressToken`.
_CURSOR_QUALIFIERS = frozenset(
    {"next", "page", "continuation", "pagination", "cursor", "sequence", "resume", "progress", "cancellation"}
)
# A token these words qualify is a style, a piece of syntax or an anti-forgery nonce, not a credential: a
# compiled component's `stylesheetToken` (a CSS scoping class), a design system's `colorToken`, a lexer's
# `syntaxToken`, a web form's per-session `csrfToken`.
_NOT_CREDENTIAL_TOKEN_QUALIFIERS = frozenset(
    {"stylesheet", "style", "css", "theme", "design", "color", "syntax", "lexer", "csrf", "xsrf"}
)
_FIXTURE_KEY_PAIRS = frozenset({("non", "matching"), ("not", "matching"), ("no", "match"), ("not", "real")})
# A public key, and what names it (.NET's `PublicKeyToken`, the hash of an assembly's signing public key, in
# every strong-named reference of a .csproj or Web.config): the half meant to be published.
_PUBLIC_KEY_PAIR = ("public", "key")


_SEGMENT_SPLIT = re.compile(r"[./:\[\]]+")


@functools.lru_cache(maxsize=4096)
def key_tokens(key: str) -> tuple[str, ...]:
    """Lowercase words of a key path's last segment: `mcp.env.slackBotToken` -> (slack, bot, token)."""
    segment = ""
    for part in reversed(_SEGMENT_SPLIT.split(key.strip().strip("\"'"))):
        if part:
            segment = part
            break
    # Both camel splits need an ASCII capital, the second a small letter after it: a segment without a
    # capital (snake_case: islower) needs neither, one without a small letter (SCREAMING_SNAKE: isupper)
    # only the first (a digit before a capital: `AB1C` -> AB1_C).
    if not segment.islower():
        segment = CAMEL_1.sub(r"\1_\2", segment)
        if not segment.isupper():
            segment = CAMEL_2.sub("_", segment)
    return tuple(filter(None, _KEY_SPLIT.split(segment.lower())))


def secret_last_words() -> frozenset[str]:
    """Every word a key's last token (`key_tokens(key)[-1]`) can be when `is_secret_key(key)` is True: a
    necessary condition, never a sufficient one. The full-regex gate (regexgate.py) reads a generic rule's
    key group by it, so any change to is_secret_key that lets another last word through must show here
    (tests/test_gate_keys.py holds the two together)."""
    return _SECRET_LAST | {"key"}


def is_password_key(key: str) -> bool:
    """Whether the key names a password (weak human-chosen values count as secrets here)."""
    tokens = key_tokens(key)
    return len(tokens) > 0 and tokens[-1] in _PASSWORD_WORDS and tokens[0] not in _FLAG_FIRST


@functools.lru_cache(maxsize=4096)
def is_secret_key(key: str) -> bool:
    """Whether a key name says its value is a credential: `DB_PASSWORD`, `slack_bot_token`, `x-api-key`.

    Settings about a secret (`password_policy`, `token_limit`, `max_tokens`, `secret_name`, `key_id`,
    `auth_mode`) are not, nor names of a secret kept elsewhere (Helm's `existingSecret`,
    `passwordSecretRef`), nor keys that say their value is a stand-in (`fake_token`, `dummyPassword`) or a
    digest of one (`hashed_secret`, `password_hash`), nor names of a public key (`PublicKeyToken`), nor
    boolean flags (`isApiKeyRequired`, `showPassword`).
    """
    tokens = key_tokens(key)
    if not tokens:
        return False
    if tokens[0] in _NAMING_FIRST or tokens[0] in _FLAG_FIRST or tokens[-1] == "hash":
        return False
    if any(t in _FIXTURE_KEY_WORDS or t in _DIGEST_KEY_WORDS for t in tokens):
        return False
    pairs = zip(tokens, tokens[1:], strict=False)
    if any(pair in _FIXTURE_KEY_PAIRS or pair == _PUBLIC_KEY_PAIR for pair in pairs):
        return False
    last = tokens[-1]
    if last in BENIGN_LAST:
        return False
    if (
        last in ("token", "tokens")
        and len(tokens) >= 2
        and (tokens[-2] in _CURSOR_QUALIFIERS or tokens[-2] in _NOT_CREDENTIAL_TOKEN_QUALIFIERS)
    ):
        return False
    if last in _SECRET_LAST:
        return True
    if last == "key" and len(tokens) >= 2:
        return tokens[-2] in _KEY_QUALIFIERS or any(t in ("secret", "private") for t in tokens)
    return False
