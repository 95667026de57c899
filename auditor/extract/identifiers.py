"""Identity hints: usernames, e-mail addresses, client ids, tenant ids, role ARNs, AppRole role ids.

They name a platform principal and are never secrets, so a value under such a key that has such a shape is
kept as a Setting even when its length and character mix would make it look like a token (an e-mail address
has letters, dots and an `@`). Without it the connection has no identity hint and the credential cannot be
joined to its platform identity. Both the key and the value shape must agree: a random string under
`username` is still judged like any other value, and a detector's hit always wins.
"""

from __future__ import annotations

import functools
import re

from auditor.extract.values import key_tokens

_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}$")
_UUID = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")
_DOMAIN = re.compile(r"^(?=.{4,253}$)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$")
_PRINCIPAL_ARN = re.compile(
    r"^arn:aws[\w-]*:(?:iam|sts)::\d{12}:(?:role|user|assumed-role|group)/[\w+=,.@/-]{1,512}$"
)
# A login name: starts with a letter, then letters, digits and the separators usernames use.
_LOGIN = re.compile(r"^[A-Za-z][A-Za-z0-9._@+-]{0,127}$")
# Published client-id shapes: a Salesforce consumer key, a GitHub App / OAuth App client id, a Google OAuth
# client id, a Slack client id; a UUID covers Entra, Bot Framework and most others.
_CLIENT_ID = re.compile(
    r"^(?:3MVG9[A-Za-z0-9._]{20,200}|Iv1\.[0-9a-f]{16}|Iv2[0-9A-Za-z]{17}|Ov2[0-9A-Za-z]{17}"
    r"|\d{6,20}-[a-z0-9]{20,40}\.apps\.googleusercontent\.com|\d{6,16}\.\d{6,16})$"
)
_ROLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$")
_ACCOUNT_ID = re.compile(r"^\d{12}$")

_USER_LAST = frozenset({"username", "user", "login", "upn", "email", "mail", "principal"})
_CLIENT_PAIRS = frozenset({("client", "id"), ("app", "id"), ("application", "id"), ("consumer", "key")})


@functools.lru_cache(maxsize=4096)
def _kind_of_key(key: str) -> str | None:
    tokens = key_tokens(key)
    if not tokens:
        return None
    last = tokens[-1]
    pair = tokens[-2:] if len(tokens) >= 2 else ("", last)
    if last in _USER_LAST or pair in (("user", "name"), ("login", "name"), ("client", "email")):
        return "user"
    if tuple(pair) in _CLIENT_PAIRS or tokens[-3:] == ("microsoft", "app", "id"):
        return "client_id"
    if last == "tenant" or tuple(pair) in (("tenant", "id"), ("tenant", "domain"), ("directory", "id")):
        return "tenant"
    if last in ("arn", "role") and "role" in tokens or tuple(pair) == ("to", "assume"):
        return "role_arn"
    if tuple(pair) == ("role", "id"):
        return "role_id"
    if tuple(pair) == ("account", "id"):
        return "account_id"
    return None


def identity_hint_kind(key: str | None, value: str) -> str | None:
    """The kind of identity hint (`user`, `client_id`, `tenant`, `role_arn`, `role_id`, `account_id`) when
    both the key and the value's shape say it is one; None otherwise."""
    if not key:
        return None
    # The key first: it is one of a few thousand in a scan (cached), the value a new string each time, and
    # most keys name no identity.
    kind = _kind_of_key(key)
    if kind is None:
        return None
    v = value.strip().strip("\"'")
    if not v or len(v) > 300 or any(c.isspace() for c in v):
        return None
    if kind == "user":
        return kind if _EMAIL.match(v) or _LOGIN.match(v) and not _looks_random(v) else None
    if kind == "client_id":
        return kind if _UUID.match(v) or _CLIENT_ID.match(v) else None
    if kind == "tenant":
        return kind if _UUID.match(v) or _DOMAIN.match(v) else None
    if kind == "role_arn":
        return kind if _PRINCIPAL_ARN.match(v) else None
    if kind == "role_id":
        return kind if _UUID.match(v) or _ROLE_ID.match(v) and not _looks_random(v) else None
    return kind if _ACCOUNT_ID.match(v) else None


def _looks_random(v: str) -> bool:
    """A login name reads as words and separators; mixed case with digits in one long run does not."""
    core = re.sub(r"@.*$", "", v)
    runs = re.split(r"[._@+-]", core)
    longest = max(runs, key=len)
    return (
        len(longest) >= 16
        and any(c.isdigit() for c in longest)
        and any(c.isupper() for c in longest)
        and any(c.islower() for c in longest)
    )
