"""Pure judgements on single values: entropy, secret vs placeholder vs reference, secret-store pointers."""

from __future__ import annotations

import base64
import binascii
import enum
import functools
import math
import operator
import re
import urllib.parse
from collections import Counter
from typing import Protocol

from auditor.extract.keynames import BENIGN_LAST as _BENIGN_LAST
from auditor.extract.keynames import CAMEL_1 as _CAMEL_1
from auditor.extract.keynames import CAMEL_2 as _CAMEL_2
from auditor.extract.keynames import is_password_key, is_secret_key, key_tokens
from auditor.extract.references import Ref, scan_references

__all__ = [
    "MARKER_CONTEXT",
    "RefHit",
    "ValueClass",
    "anonymous_account",
    "classify_value",
    "fixture_marker",
    "is_structured_uuid",
    "find_references",
    "is_password_key",
    "is_secret_candidate",
    "is_secret_key",
    "key_tokens",
    "shannon_entropy",
]


class ValueClass(str, enum.Enum):  # noqa: UP042 (same style as auditor.model)
    """What a configuration value is, judged from the value (and its key name when known)."""

    SECRET_CANDIDATE = "secret_candidate"
    PLACEHOLDER = "placeholder"
    REFERENCE = "reference"
    EXAMPLE = "example"
    BENIGN = "benign"
    # Ciphertext (SOPS, ansible-vault, Vault transit, jasypt, Spring {cipher}): safe to commit by design.
    ENCRYPTED = "encrypted"
    # A program identifier where a value was expected (`searchConfluenceUsingCql` after a comma in code).
    CODE = "code"
    # Under a credential's key, a value whose own structure says it identifies something and holds nothing
    # secret: a time-based or name-based UUID (versions 1, 2, 3, 5, 6 carry a timestamp and MAC address, or
    # the hash of a name). Reported at low confidence: a hand-made token, a copied example, never random.
    IDENTIFIER = "identifier"
    # A key that names its provider's sandbox in itself (`pdl_sdbx_apikey_…`, `persona_sandbox_…`, eBay's
    # `SBX-…`, Midtrans' `SB-Mid-server-…`, Plaid's `access-sandbox-…`):
    # it works only in a separate test environment of fake accounts and fake money (not a live account's test
    # mode, such as Stripe's `sk_test_`, which reads the account's own settings and stays a finding).
    SANDBOX = "sandbox"


# The shortest value classify_value can call a SECRET_CANDIDATE, an EXAMPLE or an IDENTIFIER, under any key
# or none. Every path to those verdicts requires at least this many characters of the value without its
# quotes: EXAMPLE a documented key or one spelling `EXAMPLE` (7+); IDENTIFIER a UUID (36); in
# _classify_plain a keyed token (hex 32+, a UUID, 16+ digits), under a password's key 6+ (shorter is
# BENIGN), under another secret's key _token_like's 10+, under none 16+; a URL's password is judged as a
# password. The full-regex gate for text not parsed as a document leaves out a generic rule's matches with
# a shorter value (regexgate.Gate's text database): there the judge reads no more than the regex's value
# group. tests/test_gate_text.py holds the two together.
SHORTEST_CANDIDATE = 6


def shannon_entropy(s: str) -> float:
    """Shannon entropy of the characters of `s`, in bits per character (0.0 for the empty string)."""
    if not s:
        return 0.0
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


# Key-name semantics live in auditor.extract.keynames; re-exported here, where callers have always found them.
# ---------------------------------------------------------------------------------------------- references

# Every templating and secret-store syntax is parsed in one place, auditor.extract.references; a value is
# judged by what that parser finds in it.
RefHit = Ref


def find_references(text: str) -> list[RefHit]:
    """Every pointer-instead-of-value in `text` (any name, credential or not), non-overlapping, by start."""
    return [ref for ref, _ in scan_references(text)]


# ------------------------------------------------------------------------------------------- classification

# Values published in vendor documentation: real-looking, never live.
_DOCUMENTED_EXAMPLES = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",
        "AKIAI44QH8DHBEXAMPLE",
        "ASIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        # Browser API keys published in the Firebase SDK repositories' own samples and tests: public by
        # design (a Firebase web key identifies a project), and the same strings appear in countless forks.
        "AIzaSyabcdefghijklmnopqrstuvwxyz1234567",
        "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs",
        "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM",
        "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU",
        "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0",
        "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A",
        "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c",
        "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4",
        "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY",
        "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM",
        "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ",
        "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g",
        "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU",
        "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw",
        "AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE",
        "AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
        ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        # The Azure Storage emulator's (Azurite's, and the Storage Emulator's before it) one account key,
        # published for every developer's local `devstoreaccount1` (learn.microsoft.com/azure/storage/
        # common/storage-use-azurite): it opens nothing but a local emulator.
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        # The sample `ClearTextPassword` values of Microsoft's nuget.config reference
        # (learn.microsoft.com/nuget/reference/nuget-config-file), copied into countless NuGet.Config files.
        "33f!!lloppa",
        "hal+9ooo_da!sY",
        # The `TrustedClientToken` of Microsoft Edge's Read Aloud voices: one constant built into every Edge
        # browser and every client library that speaks to that service (chat front ends' text-to-speech).
        "6A5AA1D4EAFF4E9FB37E23D68491D6F4",
        # The verification token of the `url_verification` request in Slack's Events API reference
        # (api.slack.com/events/url_verification), which Bolt apps' tests and countless handlers copy.
        "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    }
)
_EXAMPLE_SHAPE = re.compile(
    r"^(?:(?:AKIA|ASIA)[A-Z0-9]{5,}EXAMPLE|[A-Za-z0-9/+]{20,}EXAMPLEKEY)$"
    # Vendor docs mark sample tokens inside the token itself: `...EXAMPLE`, `EXAMPLE...`, `..._example_...`.
    r"|^[A-Za-z0-9_.+/~-]{0,200}(?:EXAMPLE|[_-][Ee]xample[_-])[A-Za-z0-9_.+/~-]{0,200}$"
)
# The signature of jwt.io's sample token (HS256 over its sample header and payload with the sample key
# `your-256-bit-secret`): a token carrying it is a copy of the sample, whatever was edited around it.
_JWT_SAMPLE_SIGNATURE = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

# The Supabase CLI's local development keys: `supabase start` signs its `anon` and `service_role` JWTs for
# every developer's local stack with one published secret, and marks them `"iss": "supabase-demo"`. They open
# nothing but that local stack, and the same strings sit in countless projects' migrations and seed files.
_SUPABASE_DEMO_ISSUER = re.compile(r'"iss"\s*:\s*"supabase-demo"')


# The claims of jwt.io's sample tokens (its debugger's default, HS256 and RS256 alike, signed with the sample
# keys it publishes): a token carrying them is a copy of the sample, whatever key signed it.
_JWT_IO_SAMPLE_CLAIMS = re.compile(
    r'^\{"sub":"1234567890","name":"John Doe",(?:"admin":true,)?"iat":1516239022\}$'
)


def _local_demo_jwt(v: str) -> bool:
    """A JWT the Supabase CLI issues for local development (`"iss": "supabase-demo"` in its payload), or a
    copy of jwt.io's sample token (its sample claims)."""
    parts = v.split(".")
    if len(parts) != 3 or not parts[1].startswith("eyJ") or len(parts[1]) > 8192:
        return False
    try:
        payload = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))
    except (ValueError, binascii.Error):
        return False
    text = payload.decode("utf-8", "replace")
    return bool(_SUPABASE_DEMO_ISSUER.search(text) or _JWT_IO_SAMPLE_CLAIMS.match(text))


# A token's characters (base64, base64url, Salesforce's `!`): a sample token spells `example` inside them.
_TOKEN_TEXT = re.compile(r"^[A-Za-z0-9_.+/~!=-]{20,}$")


def _marked_example(v: str) -> bool:
    """A token that spells `example` anywhere (`sk_live_…exampleexample…`, Salesforce's documented
    `00D…!AQcAQH0dMHEXAMPLEzmpkb58…`): vendor documentation marks its sample values this way, and a random
    token of 20+ characters spells a given seven-letter word about once in 10^11 values. Tokens only (20+
    characters with a digit): a name such as `example-bot` stays a name."""
    return "example" in v.lower() and any(map(str.isdigit, v)) and bool(_TOKEN_TEXT.match(v))


# Ciphertext formats: committing these is the good pattern (the key lives elsewhere).
_ENCRYPTED = re.compile(
    r"^(?:ENC\[(?:AES256_GCM|PGP|KMS),data:"  # SOPS
    r"|\$ANSIBLE_VAULT;\d"  # ansible-vault
    r"|vault:v\d+:"  # Vault transit
    r"|ENC\("  # jasypt
    r"|\{cipher\}"  # Spring Cloud Config
    r"|-----BEGIN (?:PGP MESSAGE|AGE ENCRYPTED FILE)-----"  # armored ciphertext (not a private key)
    r"|AQICAH[A-Za-z0-9+/]{40}"  # AWS KMS ciphertext blob
    r"|age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$"  # an age recipient: a public key
    r")"
)
# Tags that make a YAML value a pointer: CloudFormation intrinsics, Home Assistant `!secret`, `!env_var`.
_REFERENCE_TAGS = (
    "!ref",
    "!sub",
    "!getatt",
    "!importvalue",
    "!findinmap",
    "!join",
    "!select",
    "!if",
    "!base64",
    "!split",
    "!secret",
    "!env",
    "!include",
    "!vault",
)

_PLACEHOLDER_WORDS = frozenset(
    {
        "changeme",
        "changeit",
        "example",
        "examples",
        "dummy",
        "placeholder",
        "todo",
        "tbd",
        "fixme",
        "redacted",
        "sample",
        "fake",
        "notreal",
        "xxx",
        "replaceme",
        "yourkey",
        "yourtoken",
        "yoursecret",
        "yourpassword",
        "mypass",
        "mypassword",
        "mypwd",
        "mysecret",
        "mytoken",
        "mykey",
        "myapikey",
        "changethis",
        "changepassword",
        "replacethis",
        "setme",
        "fillme",
        "fillin",
        "tochange",
        "obfuscated",
        "censored",
        "masked",
    }
)
# A value that is only the name of what should be there, or a type name in a schema or signature.
_PLACEHOLDER_LITERALS = frozenset(
    {
        "password",
        "passwd",
        "pass",
        "secret",
        "token",
        "key",
        "apikey",
        "api_key",
        "api-key",
        "value",
        "string",
        "str",
        "bytes",
        "int",
        "bool",
        "boolean",
        "any",
        "object",
        "number",
        "optional",
        "required",
        "default",
        "undefined",
        "empty",
        "blank",
        "unset",
        "n/a",
        "mysecret",
        "mypassword",
        "secretpassword",
        "supersecret",
        "password123",
        "123456",
        "12345678",
        "test",
        "testing",
        "foo",
        "bar",
        "foobar",
        "admin",
        "root",
        "user",
        "username",
        "guest",
        "client_secret",
        "access_token",
        "secret_key",
        "private_key",
        "auth_token",
        "bearer",
        "secure",
        "hidden",
        # TypeScript's types for any value and for none, in a signature (`password: unknown`).
        "unknown",
        "never",
    }
)
_PLACEHOLDER_RUN = re.compile(
    r"(?i)x{5,}|\*{3,}|•{3,}|\.{3,}|…|#{4,}|_{5,}|0{12,}|<[^<>]*>|(?<![a-wyz])xxxx(?![a-wyz])"
)
# `APIKEYHERE`, `TOKEN_GOES_HERE`, `changePassword`, `change_me_please`, `REPLACE-WITH-KEY`: a name, not a
# value.
_PLACEHOLDER_NAMED = re.compile(
    r"^(?i:[a-z_ .-]{0,40}here|(?:change|replace|update|set|fill|insert|enter)"
    r"(?:[_ .-]?(?:me|this|it|with|your|my"
    r"|the|in|password|passwd|secret|token|key|value|later|now|please)){1,4}[_ .-]?[a-z]{0,12})$"
)
# `postgresql://someuser:somepass@localhost/somedatabase`, `token: some-token`: "some" and what goes there.
_SOME_NAMED = re.compile(
    r"^(?i:some[_ -]?(?:pass(?:word|wd|phrase)?|pwd|secret|token|key|api[_ -]?key|credentials?|user(?:name)?"
    r"|login|value|string|thing|db|database))$"
)
_PLACEHOLDER_PHRASE = re.compile(
    r"^(?:(?i:your)|[Mm]y|MY|[Ii]nsert|INSERT|[Ee]nter|ENTER|[Pp]ut|PUT|[Rr]eplace|REPLACE|[Pp]aste|PASTE"
    r"|[Uu]se|USE)"
    # Possessive words: each takes all its letters, so a long run cannot be split every way there is (the
    # old `(?:[A-Za-z]+[\s_.-]*){0,6}` took seconds on `your_` + 80 letters + `!`). A word may end in a
    # digit or two (`your-mem0-api-key`, `your_s3_secret`), or a few inside it, a product's name
    # (`your-e2b-api-key`, `your_m365_tenant`): one group of digits per word, so a run cannot split two ways.
    # An ordinal is a word too (`sk-my-openai-1st-key` in a UI's code sample).
    r"(?:[\s_.-]+|(?=[A-Z]))"
    r"(?>(?:[A-Za-z]++(?:\d{1,3}+(?:[A-Za-z]++|(?=[\s_.-]|$)))?+|\d{1,3}+(?:st|nd|rd|th)(?=[\s_.-]|$))"
    r"[\s_.-]*+){0,6}$"
    r"|(?i:(?:^|[\s_.-])(?:here|goes[\s_.-]here)$)"
    # `{name}`, and an f-string's or format's expression: a call or a lookup (`{random_secret()}`,
    # `{secrets.token_hex(32)}`, `{cfg['token']}`) is computed when the line runs, not written there.
    r"|^\{[A-Za-z_][\w.-]*(?:\([^(){}\n]{0,80}\)|\[[^\[\]{}\n]{1,80}\])?\}$|^\[[A-Za-z _.-]+\]$"
)
# An instruction in words, numbers allowed (`replace-with-at-least-32-random-characters`,
# `your-32-char-secret`, `generate_a_long_random_string`): what to put there, not what is there.
_INSTRUCTION = re.compile(
    r"(?i)^(?:replace|change|generate|your|insert|enter|put|paste|fill)"
    r"(?:[\s_.-]+(?:[a-z]+\d{0,2}|\d{1,4}[a-z]{0,2})){2,10}$"
)
# A UUID whose last group is a word (`1e02632d-6feb-4a75-a157-documentation`): a stand-in written by hand in
# an SDK's docs or constants, where a key goes. A letter outside hex in it: a random group is all hex.
_WORD_TAILED_UUID = re.compile(
    r"(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-(?=[a-f]*[g-z])[a-z]{4,24}$"
)
# A provider's prefix before such words (`m0-your-api-key`, `sk-proj-your-key-here`, `xoxb-your-bot-token`):
# the prefix is the format's, the rest says what to put there.
_PREFIXED_PHRASE = re.compile(
    r"^[A-Za-z0-9]{1,8}[-_](?:[A-Za-z0-9]{1,8}[-_])?(?=(?i:your|my|insert|enter|put|replace|paste)[\s_.-])"
)
# A value that says it is filled in from an environment variable, and often which one
# (`set_as_environment_variable-RASAX_INITIALUSER_PASSWORD`, `set-via-env`, `provided by env var DB_PASS`): a
# deployment script substitutes the variable's value for it before use. Bounded, one pass.
_FROM_ENVIRONMENT = re.compile(
    r"(?i)^(?:set|provided|supplied|read|taken|loaded|injected|replaced|filled|overridden)[_ .-]{1,3}"
    r"(?:as|by|from|via|with|in|through|at)[_ .-]{1,3}(?:(?:an?|the)[_ .-]{1,3})?"
    r"(?:env|environment)(?:[_ .-]{0,3}(?:variable|var))?"
    r"(?:[_ .:=-]{1,3}[A-Za-z_][A-Za-z0-9_]{0,80})?$"
)
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+")
# The sandbox mark providers put in their sandbox keys, between separators (see ValueClass.SANDBOX).
_SANDBOX_WORD = re.compile(r"(?i:(?:^|[^A-Za-z0-9])(?:sandbox|sbx|sdbx)(?:$|[^A-Za-z0-9]))|^SB-(?=[A-Za-z])")
# A word between separators that says the value is meant to fail (`00D…!short`, `sc_bad.…`, `token-expired-1`,
# `invalid_api_key_for_tests`): the fixture of a test for the error path, not a live credential. Random tokens
# do not spell these between separators; passwords are exempt (people put such words in real ones).
_FAILURE_WORD = re.compile(
    r"(?i)(?:^|[^A-Za-z0-9])(?:invalid|expired|revoked|wrong|bad|short|bogus|broken|malformed|truncated)"
    r"(?:$|[^A-Za-z0-9])"
)

_BOOLEANS = frozenset(
    {"true", "false", "yes", "no", "on", "off", "null", "none", "nil", "~", "enabled", "disabled"}
)
_NUMBER = re.compile(r"^[+-]?(?:\d[\d_,]*)?(?:\.\d+)?(?:[eE][+-]?\d+)?(?:ms|s|m|h|d|w|kb|mb|gb|%)?$")
# An ISO 8601 date and time (`2025-04-02T16:05:51.882310`, `2025-04-02 16:05:51+02:00`): its fraction of a
# second gives it the digits of a token, but it is a time (a workflow's `updatedAt`, a key's `created`).
_TIMESTAMP = re.compile(
    r"^\d{4}-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-6]\d(?:[.,]\d{1,9})?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?$"
)
_UUID = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")
# RFC 9562 UUIDs that are not random: version 1, 2, 3, 5 or 6 with the RFC variant (8, 9, a, b). A token
# issued as a UUID is a random one (version 4, or 7/8 with random bits); these never are.
_STRUCTURED_UUID = re.compile(
    r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[12356][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}\}?$"
)
_HEX_HASH = re.compile(
    r"^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$"
)
_HEX_HASH_UPPER = re.compile(r"^(?:[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64}|[0-9A-F]{128})$")
# Shapes that are benign on their own (a commit SHA, a request id) but a token under a credential's key.
_KEYED_TOKEN = re.compile(
    r"^(?:[0-9a-fA-F]{32,128}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{16,64})$"
)
_DIGEST = re.compile(
    r"^(?:sha1|sha224|sha256|sha384|sha512|md5)[-:](?:[A-Za-z0-9+/]{20,}={0,2}|[0-9a-fA-F]{32,128})$"
)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s]*$")
_URL_WITH_CREDENTIALS = re.compile(
    r"^[A-Za-z][A-Za-z0-9+.-]{1,20}://(?P<user>[^/\s:@]*):(?P<password>[^/\s@]+)@"
)
_URL_PATH = re.compile(r"^/[\w.~/#?=&%+-]*$")
_ABS_PATH = re.compile(r"^(?:~?/|\./|\.\./|[A-Za-z]:\\|\\\\)[\w .@~+/\\:-]*$")
_REL_FILE = re.compile(r"^[\w.-]+(?:/[\w.-]+)*\.[A-Za-z][A-Za-z0-9]{0,5}$")
# Lowercase words between slashes: the name of a secret in a store (`prod/db/password`), not its value.
_CLI_FLAG = re.compile(r"^--[A-Za-z][A-Za-z0-9-]{1,40}$")
# A usage line's alternatives (`Username and password: -u/--user and -p/--password`): options, not a value.
_CLI_OPTIONS = re.compile(r"^-{1,2}[A-Za-z][A-Za-z0-9-]{0,40}(?:[/|,]-{1,2}[A-Za-z][A-Za-z0-9-]{0,40})+$")
# Markdown emphasis around a word or two (`- Max token: *Optional*`, `password: **required**`): prose.
_EMPHASIS = re.compile(r"^(\*{1,2}|_{1,2})[A-Za-z][A-Za-z' -]{0,40}(?<! )\1$")
# A variable's name alone: what `&` (an address) or `*` (a dereference, a YAML alias) is applied to.
_VARIABLE = re.compile(r"^[a-z_][a-z0-9_]{1,60}$")
_LOWER_CAMEL = re.compile(r"^[a-z_][a-z0-9_]*[A-Z][A-Za-z0-9_]*$")
# A URN names a kind of thing (`urn:ietf:params:oauth:token-type:id_token`, `urn:uuid:...`): never a secret.
_URN = re.compile(r"^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[\w.:/@%+-]+$", re.IGNORECASE)
_WORD_PATH = re.compile(r"^[a-z]+(?:[_-][a-z]+)*(?:/[a-z]+(?:[_-][a-z]+)*)+$")
_WORDS = re.compile(r"^_{0,2}[A-Za-z]+(?:[ _.,'/-]+[A-Za-z]+)*(?:[ _.-]+\d{1,6})?[.!?]?$")
_MULTI_WORDS = re.compile(r"^[a-z]+(?:[_.-][a-z]+)+$")
# Lowercase words of two letters or more, and numbers of up to three digits, joined by `-`, `_`, `.` or `:`.
_WORD_CHAIN = re.compile(r"^[a-z]{2,20}(?:[-_.:](?:[a-z]{2,20}|[0-9]{1,3})){1,8}$")
# Words and short numbers joined by `_` and `-`, a word of three or more small letters among them
# (`ISO_3166-1_Alpha-2_Code`, a standard's name as a lookup key): a name. An issued token has a random
# segment.
_NAMED_PARTS = re.compile(
    r"^(?:[A-Z]{2,5}|[A-Z]?[a-z]{2,12}|\d{1,4})(?:[_-](?:[A-Z]{2,5}|[A-Z]?[a-z]{2,12}|\d{1,4})){2,7}$"
)
_WORD_PART = re.compile(r"(?:^|[_-])[A-Z]?[a-z]{3,12}(?:[_-]|$)")
# A list of the answers a field takes (`Pass: True/False`, `password: yes|no`): documentation of a choice.
_CHOICE = r"(?:true|false|yes|no|on|off|y|n|pass(?:ed)?|fail(?:ed)?|enabled?|disabled?|none|null|ok)"
_CHOICE_LIST = re.compile(rf"(?i)^{_CHOICE}(?:[ \t]*[/|][ \t]*{_CHOICE})+$")
# Prose: three or more purely alphabetic words. A passphrase with digits or symbols is not prose.
_SENTENCE = re.compile(r"^[A-Za-z][A-Za-z']*(?:[ ,;:-]+[A-Za-z][A-Za-z']*){2,}[.!?]?$")
_RANDOM_SEGMENT = re.compile(r"^(?=(?:[^0-9]*[0-9]){3})\w{12,}$")
# lowerCamelCase of three or more words of 3+ letters: a method or variable name. A random 24-character token
# takes this shape about once in ten million; a password may (`correctHorseBattery`), so password keys are
# exempt.
# A word may carry a short number (`albDualstackWithoutPublicIpv4SecurityGroupRulesDefault`, a feature flag),
# a hump may be a letter and its number (`usesExplicitSigV4Auth`), the last a short one (`…DefaultModelId`).
_CAMEL_IDENTIFIER = re.compile(
    r"^[a-z]{3,40}\d{0,2}(?:[A-Z]\d{1,2})?(?:[A-Z][a-z]{2,40}\d{0,2}(?:[A-Z]\d{1,2})?){2,40}(?:[A-Z][a-z]?|ID)?$"
)
# A value that is the lowerCamelCase, snake_case or CONSTANT_CASE name of a credential (`MicrosoftAppPassword:
# clientSecret`, `credentials=s3_credentials`, `password: str = REQUIRED_FIELD_PASSWORD`): a variable or
# constant passed along, not the credential. No token takes these shapes. PascalCase stays a value
# (`value="TestSourcePassword"` in a NuGet.config is the password itself).
_NAMED_CREDENTIAL = re.compile(
    r"^_{0,2}[a-z][a-z0-9]{1,15}(?:[A-Z][a-z]{1,15}){0,3}"
    r"(?:Secret|Password|Passwd|Passphrase|Pwd|Pass|Token|Key|ApiKey|Credentials?)"
    # ... or a form of it (`plainTextPasswordAsBytes`, `tokenHash`, `secretValue`).
    r"(?:(?:As|In|From|To|Of|For)?(?:Bytes|Hash|Text|Value|Buffer|Input|Field|Array|Data|Chars|String|Str|Raw"
    r"|Encoded|Decoded|Plain))?$"
    r"|^_{0,2}[A-Z][A-Z0-9]{1,15}(?:_[A-Z0-9]{1,16}){0,4}"
    r"_(?:SECRET|PASSWORD|PASSWD|PASSPHRASE|PWD|PASS|TOKEN|KEY|CREDENTIALS?)$"
    r"|^_{0,2}[a-z][a-z0-9]{1,15}(?:_[a-z0-9]{1,16}){0,4}"
    r"_(?:secret|password|passwd|passphrase|pwd|pass|token|key|credentials?)$"
)
# Member access, with JavaScript's optional chaining (`extra._meta?.progressToken`) and TypeScript's non-null
# assertion (`ctx.user!.token`), and C++/Rust paths (`token_type::uninitialized`, `std::make_shared`): no
# token alphabet holds `?.`, `!.` or `::`.
# (`this.#apiKey` reads a JavaScript class's private field.)
# A leading `!` or `!!` negates it into a flag (`!!inputParam?.rows`).
# A trailing `!` is TypeScript's non-null assertion (`this.clientToken!`); a trailing `||`, `&&` or `??` opens
# the rest of an expression (`credentials:d.credentials||"omit"`).
_DOTTED_CODE = re.compile(
    r"^!{0,2}[A-Za-z_]\w*(?:(?:[?!]?\.#?|::)[A-Za-z_]\w*)+(?:\(\))?!?(?:\|\||&&|\?\?)?$"
)
# `credentials=@path/to/creds.json`: the Vault and curl CLIs read the value from that file.
_AT_FILE = re.compile(r"^@(?:[\w.-]+/)*[\w.-]+\.[A-Za-z][A-Za-z0-9]{0,5}$|^@[\w.-]*/[\w./-]+$")


# A PowerShell cmdlet (an approved verb, a dash, a noun: `Read-Host`, `ConvertTo-SecureString`,
# `Get-AzKeyVaultSecret`): the command that reads or builds the secret, in a script's `$password = Read-Host`.
_CMDLET = re.compile(
    r"^(?:Add|Approve|Assert|Backup|Block|Build|Checkpoint|Clear|Close|Compare|Complete|Compress|Confirm"
    r"|Connect|Convert|ConvertFrom|ConvertTo|Copy|Debug|Deny|Deploy|Disable|Disconnect|Dismount|Edit|Enable"
    r"|Enter|Exit|Expand|Export|Find|Format|Get|Grant|Group|Hide|Import|Initialize|Install|Invoke|Join"
    r"|Limit|Lock|Measure|Merge|Mount|Move|New|Open|Optimize|Out|Ping|Pop|Protect|Publish|Push|Read"
    r"|Receive|Redo|Register|Remove|Rename|Repair|Request|Reset|Resize|Resolve|Restart|Restore|Resume"
    r"|Revoke|Save|Search|Select|Send|Set|Show|Skip|Split|Start|Step|Stop|Submit|Suspend|Switch|Sync|Test"
    r"|Trace|Unblock|Undo|Uninstall|Unlock|Unprotect|Unpublish|Unregister|Update|Use|Wait|Watch|Write)"
    r"-[A-Z][A-Za-z0-9]{2,40}$"
)
# An OAuth or permission scope: a resource and an action (`chat:write`, `apikeys:import`, `read:org`).
_SCOPE = re.compile(
    r"^[a-z][a-z_.-]{1,30}:(?:read|write|import|export|create|delete|update|view|list|manage|edit|history"
    r"|admin|all|org|user|repo|\*)(?:\.[a-z]+)?$"
)
# A variable named for the credential it holds, in lowerCamelCase (`passwordVal`, `newPasswordVal`,
# `tokenData`): code passing the value along. Letters only: a token or a password has digits or symbols.
_CREDENTIAL_VARIABLE = re.compile(
    r"^(?:(?:password|passwd|passphrase|secret|token|key|apiKey|credentials?)"
    r"|[a-z]{2,12}(?:[A-Z][a-z]{1,12}){0,3}(?:Password|Passwd|Passphrase|Secret|Token|Key|ApiKey|Credentials?))"
    r"(?:[A-Z][a-z]{1,12}){0,3}$"
)
# A name, read with an `env:` prefix or none: the field's own name where its value goes.
_FIELD_NAME = re.compile(r"^(?:\$?env:)?([A-Za-z][A-Za-z_]{0,60})$")


def _names_its_field(v: str, key: str) -> bool:
    """Whether the value only names its own field: the key's name or its end (`MicrosoftAppPassword:
    AppPassword`, `env:MicrosoftAppPassword`), or words describing it (`appPassword: 16 character
    password`)."""
    tokens = key_tokens(key)
    if not tokens:
        return False
    if " " in v:
        # Short words only: a PEM block or a key with spaces in it is no description.
        words = [w.lower() for w in _WORD_SPLIT.split(v) if w]
        return len(v) <= 80 and tokens[-1] in words and max(map(len, words)) <= 20
    m = _FIELD_NAME.match(v)
    named = key_tokens(m.group(1)) if m else ()
    return tokens[-1] in named and set(named) <= set(tokens)


# A list of CONSTANT_CASE names (`API_KEY/ZENAPI_KEY/USERNAME:PASSWORD`, `TOKEN|API_KEY`): the choices a
# field takes, written where its value goes.
_NAME_LIST = re.compile(r"^[A-Z]{2,}(?:_[A-Z0-9]+)*(?:[/|:][A-Z]{2,}(?:_[A-Z0-9]+)*)+$")
# PascalCase of three or more words, letters only (`SegformerForSemanticSegmentation`): a class or type name.
_PASCAL_IDENTIFIER = re.compile(r"^(?:[A-Z][a-z]{2,}){3,}$")
# Code around a name (`const token = ++this.pasteShortcutToken`: an increment of a counter) and a sentinel
# spelled as a dunder name (`LIMIT_TOKEN = "__guard_expansion_depth_limit__"`): no issued token or chosen
# password takes either shape (a base64 value holds no `.` and no run of lowercase words between `__`).
_INCREMENTED = re.compile(r"^(?:\+\+|--)[A-Za-z_$][\w$]{0,80}(?:\.[A-Za-z_$][\w$]{0,80}){1,8}$")
_DUNDER_SENTINEL = re.compile(r"^__[a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){2,12}__$")
# camelCase or PascalCase words, letters only: read as a name below (`StoredPasswordIdentifier`).
_CASED_WORDS = re.compile(r"^[A-Za-z][a-z]{1,20}(?:[A-Z][a-z]{1,20}){1,5}$")
# Words that make a credential's name the name of something about it: its identifier, its label.
_ABOUT_CREDENTIAL_LAST = _BENIGN_LAST | frozenset({"identifier", "identifiers", "reference", "ref", "alias"})
_CREDENTIAL_WORDS = frozenset(
    {"password", "passwd", "passphrase", "secret", "token", "key", "apikey", "credential", "credentials"}
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _names_a_credential_setting(v: str) -> bool:
    """Whether the value is spelled as the name of a setting about a credential, letters only
    (`{IAConnectPassword:StoredPasswordIdentifier}` in a connector's help text, `apiKeyName`): the format
    a field takes, or a variable, not the credential. A password is never read so (its own name last is the
    field's stand-in, `_names_its_field`); a chosen one holds no setting word after a credential word."""
    if not _CASED_WORDS.match(v):
        return False
    words = key_tokens(v)
    return (
        len(words) >= 2
        and words[-1] in _ABOUT_CREDENTIAL_LAST
        and any(w in _CREDENTIAL_WORDS for w in words[:-1])
    )


_IDENTIFIER_LETTERS = re.compile(r"^[A-Za-z][A-Za-z_]{3,60}$")


def _spells_its_key(v: str, key: str) -> bool:
    """Whether the value is its key's own name, up to case and punctuation (an enum member
    `OAuth_2_0_Client_Credentials = 'OAuth_2.0_Client_Credentials'`, `clientSecret: client-secret`)."""
    segment = next((s for s in reversed(_PATH_SPLIT.split(key.strip("\"' "))) if s), "")
    plain = _NOT_ALNUM.sub("", v.lower())
    name = _NOT_ALNUM.sub("", segment.lower())
    if len(plain) >= 4 and plain == name:
        return True
    # The key's name and a few more words, in an identifier's letters (`"cline-pass": "ClinePassModelId"`,
    # `clinePassDefaultModelId`): a name derived from the key's, not a value chosen for it.
    rest = plain[len(name) :]
    if len(name) >= 4 and plain.startswith(name) and 2 <= len(rest) <= 24 and _IDENTIFIER_LETTERS.match(v):
        return True
    # The key's name numbered (`clientSecret=clientSecret1`, `api_key: apiKey2`): a stand-in no provider
    # issues. Not under a password's name, where a person may type `password1` and mean it.
    return (
        len(name) >= 6
        and plain.startswith(name)
        and 1 <= len(rest) <= 3
        and rest.isdigit()
        and not is_password_key(segment)
    )


# A command line's option dashes, and the JVM's `-D` before a system property (`-Darcadedb.server.x`).
_OPTION_FLAG = re.compile(r"^-{1,2}(?:D(?=[a-z]))?")
# A percent-encoded byte (`%3C`): a URL's password or query value, judged by what it decodes to.
_PERCENT_BYTE = re.compile(r"%[0-9A-Fa-f]{2}")
_PATH_SPLIT = re.compile(r"[./:\[\]]+")


def _is_placeholder_decoded(v: str) -> bool:
    """Whether a percent-encoded value (`%3Cpassword%3E`, `your%20password`: a connection URL's parts)
    decodes to a placeholder."""
    decoded = urllib.parse.unquote(v)
    return decoded != v and _is_placeholder(decoded)


def _path_words(key: str) -> set[str]:
    """The words of every segment of a key path (`arcadedb.server.rootPassword` -> arcadedb, server, root,
    password), not only of its last."""
    key = _OPTION_FLAG.sub("", key)
    return {w for segment in _PATH_SPLIT.split(key) if segment for w in key_tokens(segment)}


def _strip_quotes(value: str) -> str:
    v = value.strip()
    while len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'`":
        v = v[1:-1].strip()
    return v


_KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEXT_ON_ROW = {row[i]: row[i + 1] for row in _KEYBOARD_ROWS for i in range(len(row) - 1)}


def is_typed_sequence(v: str) -> bool:
    """A value a person typed as filler: runs like `abcdef123456`, `qwerty`, `0123456789`, or a short unit
    repeated (`abc123abc123`, `passpasspass`). Real tokens are random: runs this long do not happen."""
    s = "".join(filter(str.isalnum, v.lower()))
    n = len(s)
    if n < 6:
        return False
    for period in range(1, min(8, n // 2) + 1):
        if s == (s[:period] * (n // period + 1))[:n]:  # s[i] == s[i % period] for every i
            return True
    # At least 3/4 of the n - 1 neighbour pairs are steps: stop at the first non-step past the other 1/4
    # (a random value fails within its first few pairs; this runs for every setting of every document).
    allowed = 0.25 * (n - 1)
    misses = 0
    for a, b in zip(s, s[1:], strict=False):
        if not (ord(b) - ord(a) in (1, -1) and a.isalpha() == b.isalpha() or _NEXT_ON_ROW.get(a) == b):
            misses += 1
            if misses > allowed:
                return False
    return True


# Filler: a run of three or more of one symbol, or a unit of two to four symbols repeated three or more
# times. The zero symbol of the common encodings (`A` in base64, `Q`/`q` in base32 and bech32, `0` in hex)
# is left out of runs: zero bytes encode to runs of it inside real keys and blobs (`MIIEvQIBADANBg…AAAA`).
_FILLER_RUN = re.compile(r"([^AQq0])\1{2,}")
_FILLER_UNIT = re.compile(r"(.{2,4}?)\1{2,}")


def filler_share(v: str) -> float:
    """The share of the value's letters and digits that is filler (runs such as `aaaa` or `5555555`, units
    repeated such as `123123123`). Random tokens hold a run of three about once in a few thousand
    characters; typed samples such as `sntryu_aaaa…`, `sgp_5555555dAAAAA7777777…` or `GR1348941` + `123`
    repeated are mostly filler."""
    s = "".join(filter(str.isalnum, v))
    n = len(s)
    # Cheap exact bound first (this runs for every value classified): a covered stretch of length L holds at
    # most L / 3 distinct symbols, so filler >= 3/5 needs at most 2/5 n + 1/5 n distinct symbols.
    if n < 12 or len(set(s)) * 5 > 3 * n:
        return 0.0
    # Second bound: a stretch of length L with a unit of p symbols repeats the symbol p places back at
    # L - p >= 2/3 L of its positions, so filler >= 3/5 needs at least 2/5 n such repeats (a random hex
    # digest has about n / 4).
    if sum(sum(map(operator.eq, s, s[p:])) for p in range(1, 5)) * 5 < 2 * n:
        return 0.0
    covered = bytearray(n)
    for m in _FILLER_RUN.finditer(s):
        covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _FILLER_UNIT.finditer(s):
        # A unit of one symbol repeated is a run, judged above (with its zero-symbol exception).
        if len(set(m.group(1))) > 1:
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return sum(covered) / n


# Counting runs of eight (`12345678`, `abcdefgh`, `KLMNOPQR`): typed by a person, never drawn at random (a
# random base62 token holds one about once in 10^11 values, a random hex token once in 10^7).
_COUNTING_RUNS = tuple(
    alphabet[i : i + 8]
    for alphabet in ("0123456789", "abcdefghijklmnopqrstuvwxyz")
    for i in range(len(alphabet) - 7)
)


def has_counting_run(v: str) -> bool:
    """Whether the value holds eight consecutive digits or letters counting up (`12345678`, `cdefghij`,
    `AbCdEfGh`), or counts in its letters and its digits by turns (`abc123def456ghi789…`, counts_apart): a
    typed stand-in, not a machine-issued token."""
    low = v.lower()
    if any(run in low for run in _COUNTING_RUNS):
        return True
    # Each symbol typed twice (`00112233445566778899aabbccddeeff`, a sample key's bytes counting up).
    n = len(low) & ~1
    if n >= 16 and low[:n:2] == low[1:n:2] and any(run in low[:n:2] for run in _COUNTING_RUNS):
        return True
    return counts_apart(low)


# Digits typed along the keyboard's number row count on from 9 to 0 (`…7890123`): read the digits' runs on
# the row, wrapping, as well as in numeric order (`_COUNTING_RUNS` holds the non-wrapping ones).
_DIGIT_RUNS = tuple("12345678901234567890"[i : i + 8] for i in range(10))
_LETTER_RUNS = tuple(run for run in _COUNTING_RUNS if run.isalpha())
_NOT_LOWER = re.compile(r"[^a-z]+")
_NOT_DIGIT = re.compile(r"[^0-9]+")


def counts_apart(low: str) -> bool:
    """Whether a lowercased value's letters, read apart from everything else, hold eight counting up, and
    its digits, read apart, hold eight counting up along the number row: `abc123def456ghi789…`,
    `a1B2c3D4e5F6g7H8…`, `…o2P3q4R5s6T7u8V9w0xYz`, two sequences typed into one sample by turns. In a random
    token the letters hold such a run about once in 10^10 positions and the digits (a sixth of a base62
    token's characters) once in 10^7; hex cannot count eight letters (`a`-`f`). Neither half occurred in
    200,000 random 64-character base62 values; the digits' half alone occurred in 1 of 200,000 hex values.
    The letters' half alone would also do, and would take samples whose digits do not count
    (`aB3dE5fG7h…`, `k9l8m7n6…`) as well; it was measured and not taken (bench/README.md, precision round
    11). Linear: two substitutions and a fixed set of substring searches."""
    if len(low) < 16:
        return False
    letters = _NOT_LOWER.sub("", low)
    if len(letters) < 8 or not any(run in letters for run in _LETTER_RUNS):
        return False
    digits = _NOT_DIGIT.sub("", low)
    return len(digits) >= 8 and any(run in digits for run in _DIGIT_RUNS)


# A value ending in five dash-joined hex groups (`sk_<uuid>`, a bare UUID): the layout of a UUID.
_UUID_TAIL = re.compile(r"(?:^|[^0-9A-Za-z])((?:[0-9a-fA-F]{1,16}-){4}[0-9a-fA-F]{1,16})$")
_UUID_GROUPS = (8, 4, 4, 4, 12)


def is_mangled_uuid(v: str) -> bool:
    """Whether the value ends in a UUID with one group one to three hex digits short or long
    (`…-13343bb4f70`): no UUID generator writes that; it is a copy cut short or padded by hand, not a key
    someone was issued."""
    m = _UUID_TAIL.search(v)
    if m is None:
        return False
    off = [abs(len(g) - n) for g, n in zip(m.group(1).split("-"), _UUID_GROUPS, strict=True)]
    return sum(1 for d in off if d) == 1 and max(off) <= 3


# Eight of one symbol in a row: a random hex segment holds such a run about once in 10^7, a base62 one
# practically never. The zero symbols of the common encodings are exempt, as in _FILLER_RUN.
_TAIL_RUN = re.compile(r"([^AQq0\W_])\1{7}")


def filler_tail(v: str) -> bool:
    """Whether the value's last segment (after its last `-`, `_` or `.`), the random part of a token such
    as `xoxc-<ids>-<64 hex>`, is at least 16 characters long and holds eight of one symbol in a row
    (`…-fffffffffffffffa915fe…`): typed filler, not an issued secret."""
    cut = max(v.rfind("-"), v.rfind("_"), v.rfind("."))
    return len(v) - cut > 16 and _TAIL_RUN.search(v, cut + 1) is not None


# A CONSTANT_CASE name (`OAUTH_AUTH0_DOMAIN`, `AZURE_OPENAI_API_VERSION`): an environment variable's or a
# constant's name, as a list of them (`env = ["OAUTH_AUTH0_CLIENT_SECRET", "OAUTH_AUTH0_DOMAIN"]`) or a
# lookup puts it beside a credential's name. Each part is a word (a vowel in it, a product's digits at its
# end: `AUTH0`, `S3`, `V2`), an acronym of up to three letters, or a short number; a random run fails one.
_CONSTANT_NAME = re.compile(r"^[A-Z][A-Z0-9]{0,15}(?:_[A-Z0-9]{1,16}){1,7}$")
_CONSTANT_PART = re.compile(r"^(?:[A-Z]{1,3}[0-9]{0,2}|[A-Z]{0,13}[AEIOUY][A-Z]{0,13}[0-9]{0,2}|[0-9]{1,4})$")


def _constant_name(v: str) -> bool:
    return bool(_CONSTANT_NAME.match(v)) and all(
        len(part) <= 14 and _CONSTANT_PART.match(part) for part in v.split("_")
    )


def _typed_tail(v: str) -> bool:
    """Whether the part after a prefix (`sklive-123xyz`, `sk_test_qwerty123`), at least six characters and
    half the value, is a typed sequence: the random part of a token, typed by a person."""
    cut = max(v.rfind("-"), v.rfind("_"))
    tail = v[cut + 1 :]
    return cut > 0 and len(tail) >= 6 and 2 * len(tail) >= len(v) - 1 and is_typed_sequence(tail)


def _typed_path(url: str) -> bool:
    """Whether a URL's path holds a typed sequence where an id or a secret goes (a webhook documented as
    `hooks.slack.com/services/T0123456789/B0123456789/abcdefghijklmnopqrstuvwxyz`): a stand-in URL."""
    return any(
        8 <= len(part) <= 64 and part.isalnum() and (is_typed_sequence(part) or has_counting_run(part))
        for part in url.split("/")[3:12]
    )


# A constant's name that holds a credential's word (`PASSWORD_A`, `S3_TOKEN_FOR_TESTS`): its other parts are
# words or short numbers, never a random run (`KEY_7F3A9B2C4D5E6F70` keeps its hex).
_CONSTANT_WITH_CREDENTIAL = re.compile(
    r"^(?:[A-Z]{1,20}[0-9]{0,2}_|[0-9]{1,3}_)*(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|KEY|APIKEY|CREDENTIALS?)"
    r"(?:_(?:[A-Z]{1,20}[0-9]{0,2}|[0-9]{1,3}))*$"
)
# Only the words of a credential and its value, in any separators (`secret=value`, `api-key`, `token_value`):
# a template's stand-in, not a chosen value.
_STAND_IN_WORDS = frozenset(
    {
        "secret",
        "secrets",
        "value",
        "key",
        "token",
        "password",
        "pass",
        "pwd",
        "credential",
        "credentials",
        "api",
        # `${MY_API_TOKEN:-default-token}`: the fallback a template names, not a chosen value.
        "default",
    }
)


def _stand_in(v: str) -> bool:
    if _CONSTANT_WITH_CREDENTIAL.match(v):
        return True
    words = [w.lower() for w in _WORD_SPLIT.split(v) if w]
    return len(words) >= 2 and all(w in _STAND_IN_WORDS for w in words)


# A TypeScript type union where a value goes (`{token: string|null, error: string | null}` in a JSDoc
# `@returns`): the field's type, not its value.
_TYPE_WORD = r"(?:string|number|boolean|null|undefined|any|unknown|never|object|bigint|void)"
_TYPE_UNION = re.compile(rf"^{_TYPE_WORD}(?:[ \t]{{0,3}}\|[ \t]{{0,3}}{_TYPE_WORD}){{1,6}}$")


def _is_placeholder(v: str) -> bool:
    if v[:2] in ("__", "--") or v[-2:] in ("__", "--"):
        # `__YOUR_ALGOLIA_API_KEY__`, `--your-token--`: a placeholder wrapped to stand out is still one.
        core = v.strip("_-")
        if len(core) >= 3 and core != v and _is_placeholder(core):
            return True
    low = v.lower()
    if low in _PLACEHOLDER_LITERALS or low in _PLACEHOLDER_WORDS:
        return True
    if "|" in v and _TYPE_UNION.match(v):
        return True
    if len(set(low)) == 1 and len(low) >= 3:
        return True
    if low[:4] == "some" and _SOME_NAMED.match(v):
        return True
    if len(v) <= 60 and _stand_in(v):
        return True
    if len(v) <= 48 and v[8:9] == "-" and _WORD_TAILED_UUID.match(v):
        return True
    if filler_share(v) >= 0.6 or filler_tail(v) or len(v) <= 40 and _typed_tail(v):
        return True
    if _PLACEHOLDER_RUN.search(v) or _PLACEHOLDER_PHRASE.search(v) or _INSTRUCTION.match(v):
        return True
    if _FROM_ENVIRONMENT.match(v):
        return True
    if (prefixed := _PREFIXED_PHRASE.match(v)) is not None:
        rest = v[prefixed.end() :]
        if _PLACEHOLDER_PHRASE.search(rest) or _INSTRUCTION.match(rest):
            return True
    if len(v) <= 60 and (_PLACEHOLDER_NAMED.match(v) or _NAMED_CREDENTIAL.match(v) or is_typed_sequence(v)):
        return True
    # camelCase placeholders (`changePassword`, `yourApiKey`, `dummyToken`): judge their words too. Only
    # short values: the split (a Python call per hump in re's template substitution) is skipped for the rest.
    if len(v) <= 40:
        split = _CAMEL_2.sub("_", _CAMEL_1.sub(r"\1_\2", v))
        words = (w.lower() for w in _WORD_SPLIT.split(split) if w)
        if split != v and any(w in _PLACEHOLDER_WORDS for w in words):
            return True
    # Placeholder words must stand alone between separators: a random token rarely contains `-dummy-`.
    return any(word.lower() in _PLACEHOLDER_WORDS for word in _WORD_SPLIT.split(v) if word)


def _written_in_words(v: str, key: str | None) -> bool:
    """A value with letters outside ASCII where a machine-issued credential goes: a translated README's
    `LANGCHAIN_API_KEY=您的_API_KEY` ("your API key"), `NEXTAUTH_SECRET=VÁLTOZTASS_MEG` ("change it").
    Providers issue keys and tokens in ASCII, so under a key, token or secret name any such letter makes the
    value an instruction. A person may choose a password in their own language, so under a password's name
    only words count: two or more of letters alone, between separators (no digit, no symbol), the way ASCII
    words there are prose (a lone word, `Contraseña`, may be the password itself)."""
    if not any(not c.isascii() and c.isalpha() for c in v):
        return False
    if key is None:
        return False
    secret_key, password_key = _key_kind(key)
    if not password_key:
        return secret_key
    return all(c.isalpha() or c in " _-" for c in v) and any(c in " _-" for c in v.strip(" _-"))


def _reference_class(v: str) -> ValueClass | None:
    """PLACEHOLDER or REFERENCE when the value is (mostly) a pointer; None when it has material of its own."""
    if v[:1] == "!" and v.lower().startswith(_REFERENCE_TAGS):
        return ValueClass.REFERENCE
    refs = scan_references(v)
    if not refs:
        return None
    rest = v
    for hit, _ in reversed(refs):
        rest = rest[: hit.start] + " " + rest[hit.end :]
    rest = rest.strip()
    # `Bearer ${TOKEN}`, `postgres://app:${PW}@db/x`: what is left holds no secret material of its own.
    # `$BASE_URL/reset/#/forgot_password`: a path after a reference is a URL built from it.
    if (
        rest
        and not _URL_PATH.match(rest)
        and _classify_plain(rest, None) is ValueClass.SECRET_CANDIDATE
        and len(rest) >= 12
    ):
        return None
    return ValueClass.PLACEHOLDER if all(interp for _, interp in refs) else ValueClass.REFERENCE


def _is_benign(v: str) -> bool:
    if v[:2] == "--" and _CLI_FLAG.match(v):
        return True  # `@('--azure-credential', '--packagePath', ...)`: the next option of a command line
    if v[0] == "-" and _CLI_OPTIONS.match(v):
        return True
    if v[0] in "*_" and _EMPHASIS.match(v):
        return True
    if v[:2] in ("\\n", "\\r", "\\t"):
        # `"...reset your password:\n\n## Steps"` in a JSON string read as text: an escaped line break
        # follows the label, so what comes after it is the next line, not the label's value.
        return True
    low = v.lower()
    if low in _BOOLEANS or _NUMBER.match(v) or _TIMESTAMP.match(v):
        return True
    if _UUID.match(v) or _HEX_HASH.match(v) or _HEX_HASH_UPPER.match(v) or _DIGEST.match(v):
        return True
    if _URL.match(v):
        return not _URL_WITH_CREDENTIALS.match(v)
    if _ABS_PATH.match(v) or _REL_FILE.match(v) or _WORD_PATH.match(v) or _AT_FILE.match(v) or _URN.match(v):
        return True
    # `settings.SECRET_KEY`, `os.environ`: code; so are Go's and C's `&corev1.Secret`, `*request.APIKey` (an
    # address or a dereference of one). A segment of random characters (`<32 hex>.<16 chars>`,
    # `pk.<60 chars>.<22 chars>`) makes it a dotted token instead.
    if v[0] in "&*" and len(v) > 1 and (v[1].islower() or v[1] == "_"):
        v = v[1:]
        if _LOWER_CAMEL.match(v) or _VARIABLE.match(v):
            return True  # `&apiKeyRef`, Go's `user.Password = &hashed`: the address of a variable
    return bool(_DOTTED_CODE.match(v)) and not any(
        _RANDOM_SEGMENT.search(seg.rstrip("?!")) for seg in v.replace("::", ".").split(".")
    )


def holds_space(v: str) -> bool:
    """`any(map(str.isspace, v))`: whether `v` holds a whitespace character (str.isspace's, which is also
    str.split's). Splitting at the first whitespace leaves `[v]`, the very object, exactly when there is
    none: one C call instead of a Python-level test per character (~6 us for a 90-character value, asked of
    every setting long enough to be judged)."""
    return v.split(None, 1) != [v] if v else False


def _token_like(v: str, min_len: int, min_entropy: float) -> bool:
    # The character tests map a str method over the value (here and below): the same tests as a generator
    # expression, without resuming a Python frame per character (a settings file's values are judged once
    # each: in a profile of fp-bait's 47,000 distinct values, these generators were a third of the judgement).
    if len(v) < min_len or holds_space(v):
        return False
    if _WORDS.match(v):
        return False
    classes = sum(
        (
            any(map(str.islower, v)),
            any(map(str.isupper, v)),
            any(map(str.isdigit, v)),
            not all(map(str.isalnum, v)),
        )
    )
    return classes >= 2 and shannon_entropy(v) >= min_entropy


def is_structured_uuid(value: str) -> bool:
    """Whether the value is a time-based or name-based UUID (versions 1, 2, 3, 5, 6 with the RFC variant):
    it carries a timestamp and MAC address, or the hash of a name, and nothing random."""
    return bool(_STRUCTURED_UUID.match(value.strip()))


@functools.lru_cache(maxsize=4096)
def _key_kind(key: str) -> tuple[bool, bool]:
    """(is_secret_key, is_password_key) of a key, once per key: _classify_plain asks both of every value
    under it (a settings file repeats a few thousand keys over tens of thousands of values)."""
    return is_secret_key(key), is_password_key(key)


def _classify_plain(v: str, key: str | None) -> ValueClass:
    """Classification once placeholders, references and examples are ruled out."""
    secret_key = password_key = False
    if key is not None:
        # Each question of the key is answered once per key, and asked before the value's own tests: the
        # same verdicts (pure tests joined by `and`) at a fraction of the cost for the many values under a
        # key that names no token.
        secret_key, password_key = _key_kind(key)
    if secret_key and not password_key and (has_counting_run(v) or is_mangled_uuid(v)):
        # A token, API key or client secret is issued by a machine, at random: `12345678` or `abcdefgh` in
        # it was typed by a person (`ess_abc123def456ghi789…`, `a1b2c3d4-e5f6-7890-abcd-ef1234567890`).
        # Passwords are chosen by people, who type such runs into real ones (`Summer12345678`): exempt.
        # `CHECKOUT_SECRET_KEY=sk_<a UUID one digit short>`: a cut copy (see is_mangled_uuid).
        return ValueClass.PLACEHOLDER
    if secret_key and _KEYED_TOKEN.match(v):
        # Under a key that names a credential, hex strings, UUIDs and long digit strings are the token
        # itself: Consul and Heroku issue UUIDs, Meraki, Datadog and Linear hex strings. Random UUIDs only:
        # a time-based or name-based one is an identifier, whatever its key says.
        return ValueClass.IDENTIFIER if is_structured_uuid(v) else ValueClass.SECRET_CANDIDATE
    if _is_benign(v):
        return ValueClass.BENIGN
    if password_key:
        # Human-chosen passwords are weak by nature: a single word with a digit still counts.
        if (
            len(v) < 6
            or _SENTENCE.match(v)
            or _MULTI_WORDS.match(v)
            or _WORDS.match(v)
            and " " in v
            or _CHOICE_LIST.match(v)
        ):
            return ValueClass.BENIGN
        return ValueClass.SECRET_CANDIDATE
    if _NAMED_PARTS.match(v) and _WORD_PART.search(v) and any(map(str.isdigit, v)):
        # Not under a password's name (handled above): people choose passwords made of words and numbers.
        return ValueClass.BENIGN
    if secret_key:
        if _WORD_CHAIN.match(v):
            # `replayed-secret:openai-key`, `credential-1:openai-key`: a test's label for a token, words
            # joined by separators; an issued token is random.
            return ValueClass.BENIGN
        return ValueClass.SECRET_CANDIDATE if _token_like(v, 10, 3.0) else ValueClass.BENIGN
    return ValueClass.SECRET_CANDIDATE if _token_like(v, 16, 3.2) else ValueClass.BENIGN


# Verdicts kept by _remembered: values and keys up to this long (longer ones are rare and judged afresh), and
# at most this many (then the memory starts over): a few MB at most.
_REMEMBER_CHARS = 256
_REMEMBER_VERDICTS = 16384


class _Classify(Protocol):
    def __call__(self, value: str, key: str | None = None) -> ValueClass: ...


def _remembered(classify: _Classify) -> _Classify:
    """`classify` with its verdicts on short values kept: classify_value is a pure function of its two
    strings, and a scan asks it the same questions again and again (a history scan judges
    `process.env.SLACK_BOT_TOKEN` under `token` in every version of every file that holds it: on
    slackapi/bolt-js 16,601 questions, 192 distinct)."""
    # Two generations: when the newer one is full it becomes the older and a new one starts, so a value
    # asked again soon after (the line scan, then the structured scan of the same file) is still answered
    # in a file of more distinct values than one generation holds.
    verdicts: dict[tuple[str, str | None], ValueClass] = {}
    older: dict[tuple[str, str | None], ValueClass] = {}

    @functools.wraps(classify)
    def remembered(value: str, key: str | None = None) -> ValueClass:
        nonlocal verdicts, older
        if len(value) > _REMEMBER_CHARS or (key is not None and len(key) > _REMEMBER_CHARS):
            return classify(value, key)
        asked = (value, key)
        verdict = verdicts.get(asked)
        if verdict is None:
            verdict = older.get(asked)
            if verdict is None:
                verdict = classify(value, key)
            if len(verdicts) >= _REMEMBER_VERDICTS:
                older, verdicts = verdicts, {}
            verdicts[asked] = verdict
        return verdict

    return remembered


# What a stand-in password adds to its login's name (`dbuser:dbuserpass`, `app:app_password`).
_USER_PASS = frozenset(
    {"pass", "password", "passwd", "pwd", "pw", "_pass", "_password", "-pass", "-password"}
)


def login_as_password(user: str, password: str) -> bool:
    """Whether a URL's password is its login's name (`postgres://postgres:postgres@localhost`, an image's
    default or a stand-in, known to anyone who reads the user), or that name and the word for what goes
    there (`dbuser:dbuserpass`)."""
    user, low = user.lower(), password.lower()
    return low == user or (len(user) >= 2 and low[: len(user)] == user and low[len(user) :] in _USER_PASS)


@_remembered
def classify_value(value: str, key: str | None = None) -> ValueClass:
    """Judge one value: could it be a live secret, or is it a placeholder, pointer, documented example,
    or plainly not a secret? `key` (a key name or path) makes password and token keys more permissive and
    settings about secrets (`token_limit`, `password_policy`, `secret_name`) benign."""
    v = _strip_quotes(value)
    if not v:
        return ValueClass.PLACEHOLDER
    if (
        v in _DOCUMENTED_EXAMPLES
        or _EXAMPLE_SHAPE.match(v)
        or _marked_example(v)
        or _JWT_SAMPLE_SIGNATURE in v
        or v[:3] == "eyJ"
        and _local_demo_jwt(v)
    ):
        return ValueClass.EXAMPLE
    if _ENCRYPTED.match(v):
        return ValueClass.ENCRYPTED
    ref = _reference_class(v)
    if ref is not None:
        return ref
    if ("{{" in v) != ("}}" in v):
        # One end of a template expression, the other end in another piece: a CloudFormation !Join that
        # builds `{{resolve:secretsmanager:...}}` from parts (`':SecretString:password::}}'`).
        return ValueClass.PLACEHOLDER
    if _URL.match(v):
        credentials = _URL_WITH_CREDENTIALS.match(v)
        if credentials:
            # A URL's password is percent-encoded (`%3Cpassword%3E`): judge what it decodes to.
            password = urllib.parse.unquote(credentials.group("password"))
            if login_as_password(urllib.parse.unquote(credentials.group("user")), password):
                return ValueClass.PLACEHOLDER
            # Only the password part can be secret: judge it as a password, whatever the host is called.
            return classify_value(password, "password")
        if not _PLACEHOLDER_RUN.search(v):
            return ValueClass.PLACEHOLDER if _typed_path(v) else ValueClass.BENIGN
    if _is_placeholder(v) or _NAME_LIST.match(v):
        return ValueClass.PLACEHOLDER
    if "%" in v and _PERCENT_BYTE.search(v) and _is_placeholder_decoded(v):
        return ValueClass.PLACEHOLDER
    if not v.isascii() and _written_in_words(v, key):
        return ValueClass.PLACEHOLDER
    if v[0] == "#" and len(v) > 1 and classify_value(v[1:], key) is ValueClass.PLACEHOLDER:
        # `RASA_X_PASSWORD=#password`: a comment where the value goes, saying what to put there.
        return ValueClass.PLACEHOLDER
    if v[-1] == ":" and v[:-1].isalpha():
        # `Pass :class:`Provider`` in a docstring: a word and its colon (a label, a Sphinx role), no value.
        return ValueClass.BENIGN
    if _FAILURE_WORD.search(v) and not (key is not None and is_password_key(key)):
        return ValueClass.PLACEHOLDER
    if len(v) >= 16 and _SANDBOX_WORD.search(v) and not (key is not None and is_password_key(key)):
        return ValueClass.SANDBOX
    if key is not None and (_names_its_field(v, key) or _CMDLET.match(v) or _spells_its_key(v, key)):
        return ValueClass.PLACEHOLDER
    if _names_a_credential_setting(v):
        return ValueClass.PLACEHOLDER
    if len(v) <= 40 and (_SCOPE.match(v) or _CREDENTIAL_VARIABLE.match(v) and v != v.lower()):
        return ValueClass.CODE
    if (
        len(v) <= 80
        and v[0].isupper()
        and _constant_name(v)
        and not (key is not None and is_password_key(key))
    ):
        # Under a password's name a person may choose capitalised words: judged as a password below.
        return ValueClass.CODE
    if key is not None and v.isalpha() and v.lower() in _path_words(key):
        # `POSTGRES_PASSWORD: postgres`, `RABBITMQ_DEFAULT_PASS: rabbitmq`, `-Darcadedb.server.rootPassword=
        # arcadedb`: a word of its own key or key path, the product's default or a stand-in, not a chosen
        # secret.
        return ValueClass.PLACEHOLDER
    if key is not None:
        tokens = key_tokens(key)
        if tokens and tokens[-1] in _BENIGN_LAST:
            return ValueClass.BENIGN
    if (_CAMEL_IDENTIFIER.match(v) or _PASCAL_IDENTIFIER.match(v)) and not (
        key is not None and is_password_key(key)
    ):
        return ValueClass.CODE
    if v[0] in "+-" and _INCREMENTED.match(v):
        return ValueClass.CODE
    if v[0] == "_" and _DUNDER_SENTINEL.match(v):
        return ValueClass.BENIGN
    if v[0] == "_" and _marker_constant(v) and not (key is not None and is_password_key(key)):
        # `HIGHLIGHT_TOKEN = "___KHOJ_HIGHLIGHT_MARKER___"`: a constant's name fenced by underscores, a
        # sentinel a program swaps into a text and out again.
        return ValueClass.BENIGN
    if v[0] == "&" and _ADDRESS_OF_LITERAL.match(v) and not (key is not None and is_password_key(key)):
        return ValueClass.BENIGN
    if "$" in v and _dollar_constant(v) and not (key is not None and is_password_key(key)):
        # `SETTINGS$SEARCH_API_KEY = "SETTINGS$SEARCH_API_KEY"`: a message id of an i18n catalogue (a
        # section's name and the string's, joined by `$`), the enum member spelling its own name.
        return ValueClass.CODE
    return _classify_plain(v, key)


def _dollar_constant(v: str) -> bool:
    """CONSTANT_CASE names joined by `$` (`GIT$AZURE_DEVOPS_TOKEN`, `CONNECT_TO_GITHUB_MODAL$GET_YOUR_TOKEN`):
    the last a constant's name, those before it names or single words."""
    if len(v) > 120 or not v[0].isupper():
        return False
    *heads, last = v.split("$")
    return _constant_name(last) and all(
        _constant_name(h) or (h.isupper() and h.isalnum() and _CONSTANT_PART.match(h)) for h in heads
    )


# Go's address of a composite literal of a package's type (`secret := &models.OpenSecret{}`; a rule's value
# may end before the brace): a type's name, not a value. Go's package names are lower case.
_ADDRESS_OF_LITERAL = re.compile(r"^&[a-z][a-z0-9_]{0,40}\.[A-Z]\w{0,80}(?:\{\}?)?$")


def _marker_constant(v: str) -> bool:
    """A CONSTANT_CASE name fenced by one to four underscores on each side (`___APP_HIGHLIGHT_MARKER___`)."""
    inner = v.strip("_")
    fence = len(v) - len(v.lstrip("_"))
    return (
        0 < fence <= 4
        and 0 < len(v) - len(v.rstrip("_")) <= 4
        and "_" in inner
        and len(inner) <= 80
        and inner[:1].isupper()
        and _constant_name(inner)
    )


def is_secret_candidate(value: str, key: str | None = None) -> bool:
    """`classify_value(value, key) is SECRET_CANDIDATE`, answered without the placeholder, example and
    reference checks for most values. classify_value gives SECRET_CANDIDATE only from its last step,
    `_classify_plain` of the same stripped value and key, or, for a URL with credentials, from its password
    (judged afresh): a value that is no URL and that `_classify_plain` alone does not call a candidate cannot
    be one. Settings ask only this question, of every setting of every parsed file; most of their values
    (`true`, `30`, `audit_stream`, a hash) fail the plain check, which costs a fraction of the full
    judgement (`--fp-bait`'s settings files: 187,812 values, 6.6 s -> 1.5 s for the plain check, 19% of the
    values then judged in full). The full judgement decides every value that passes."""
    # _classify_plain's shortest SECRET_CANDIDATE by the key's kind: 6 characters under a password's name
    # (shorter is benign there), 10 under another credential's (`_token_like(v, 10, ...)`; a keyed hex, UUID
    # or digit token is 16 or more), 16 otherwise (`_token_like(v, 16, ...)`, its only way).
    secret_key, password_key = _key_kind(key) if key is not None else (False, False)
    shortest = 6 if password_key else 10 if secret_key else 16
    if len(value) < shortest and "://" not in value:
        # The stripped value is no longer and holds no `://` either, so it is no URL and is too short (the
        # test below, answered without stripping: most settings' values are short words and numbers).
        return False
    v = _strip_quotes(value)
    if not v:
        return False
    if not _URL.match(v):
        if len(v) < shortest:
            return False
        if (
            not password_key
            and not (secret_key and _KEYED_TOKEN.match(v))
            and (holds_space(v) or _WORDS.match(v))
        ):
            # Outside a password's name, _classify_plain's candidates are keyed tokens and `_token_like`
            # values, which hold no space and are not words: the benign checks before them cannot matter
            # (fp-bait's settings: 47% of the values that reach the plain check, rejected here).
            return False
        if _classify_plain(v, key) is not ValueClass.SECRET_CANDIDATE:
            return False
    return classify_value(value, key) is ValueClass.SECRET_CANDIDATE


# Words on the line before a value that say it is a test fixture, not a credential someone uses.
_FIXTURE_LINE = re.compile(
    r"(?i)(?:\b|_)(?:fake|dummy|mock(?:ed)?|fixture|placeholder|sample|not[_ -]?a[_ -]?real|notreal|redacted)"
    r"(?:\b|_)"
)


# How far back from a value fixture_marker and tagged_reference read: callers need pass no more text.
MARKER_CONTEXT = 200


def fixture_marker(context: str) -> bool:
    """Whether the text before a value (its key, its line) marks it as a fake: `FAKE_TOKEN = ...`,
    `# dummy key for tests`, `mock_secret:`."""
    return bool(_FIXTURE_LINE.search(context[-MARKER_CONTEXT:]))


# `user = "anonymous"` (or `ftp`) on one of the lines just before: the anonymous-FTP account, whose server
# accepts any password (RFC 1635: by convention the user's address, `busybox@`, `guest@`).
_ANONYMOUS_USER = re.compile(
    r"(?i)(?:user(?:_?name)?|login)[\"']?\s*(?:=|:|,)\s*[\"']?(?:anonymous|ftp)[\"']?\s*(?:[;,)]|$)",
    re.MULTILINE,
)


def anonymous_account(before: str) -> bool:
    """Whether the three lines before a password name the anonymous-FTP account as its user: the password
    of an account anyone may use is no secret."""
    return bool(_ANONYMOUS_USER.search("\n".join(before.splitlines()[-3:])))


_TAG_BEFORE = re.compile(
    r"(?i)!(?:ref|sub|getatt|importvalue|findinmap|join|select|if|secret|env_var|vault)\s*[\"']?$"
)


def tagged_reference(before: str) -> bool:
    """Whether the text right before a value ends in a YAML reference tag (`!Ref `, `!Sub '`, `!secret `)."""
    return bool(_TAG_BEFORE.search(before[-40:]))
