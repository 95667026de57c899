"""Salesforce sign-in for the collector: the OAuth 2.0 JWT bearer exchange, or an existing access token."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jwt
import requests

from auditor.clock import Clock
from auditor.collectors.retry import RetryableError, retry_after_of, transient_errors, with_retries
from auditor.errors import CollectorError

JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
DEFAULT_LOGIN_URL = "https://login.salesforce.com"
ACCESS_TOKEN_ENV = "SALESFORCE_ACCESS_TOKEN"
# Salesforce accepts assertions whose exp is at most 3 minutes ahead.
ASSERTION_LIFETIME_SECONDS = 180


@dataclass(frozen=True)
class SalesforceSession:
    """An access token and the instance it is valid for. `repr` hides the token."""

    access_token: str = field(repr=False)
    instance_url: str
    user_id_url: str | None = None
    method: str = "jwt_bearer"


def _https_base(url: str, what: str) -> str:
    parsed = urlparse(url.strip())
    if parsed.scheme != "https" or not parsed.hostname:
        raise CollectorError(f"salesforce: {what} must be an https:// URL, got {url!r}")
    return f"https://{parsed.netloc}"


def read_private_key(path: str | os.PathLike[str]) -> str:
    """The PEM text of the connected app's private key; a clear CollectorError when it cannot be read."""
    p = Path(path).expanduser()
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise CollectorError(f"salesforce: cannot read private_key_file {p} ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise CollectorError(f"salesforce: private_key_file {p} is not a PEM text file") from exc
    if "PRIVATE KEY" not in text:
        raise CollectorError(f"salesforce: private_key_file {p} holds no PEM private key")
    return text


def build_assertion(
    *, consumer_key: str, username: str, audience: str, private_key_pem: str, clock: Clock
) -> str:
    """The RS256 JWT Salesforce's JWT bearer flow expects: iss = consumer key, sub = username, aud, exp."""
    now = int(clock.now().timestamp())
    claims = {"iss": consumer_key, "sub": username, "aud": audience, "exp": now + ASSERTION_LIFETIME_SECONDS}
    try:
        return jwt.encode(claims, private_key_pem, algorithm="RS256")
    except (ValueError, TypeError, jwt.PyJWTError) as exc:
        # The message of a key-parsing error never contains the key itself, but keep it generic anyway.
        raise CollectorError(
            f"salesforce: the private key cannot sign an RS256 assertion ({type(exc).__name__})"
        ) from exc


def jwt_bearer_login(
    *,
    login_url: str,
    consumer_key: str,
    username: str,
    private_key_pem: str,
    http: requests.Session,
    clock: Clock,
    timeout: float,
    attempts: int = 4,
    base_delay: float = 0.5,
    sleep: Callable[[float], None] | None = None,
    verify: Any = None,
) -> SalesforceSession:
    """POST the assertion to `<login_url>/services/oauth2/token`; refusal is a CollectorError, no secrets."""
    base = _https_base(login_url, "login_url")
    assertion = build_assertion(
        consumer_key=consumer_key,
        username=username,
        audience=base,
        private_key_pem=private_key_pem,
        clock=clock,
    )
    token_url = base + "/services/oauth2/token"

    def call() -> requests.Response:
        extra: dict[str, Any] = {} if verify is None else {"verify": verify}
        with transient_errors(f"cannot reach {token_url}"):
            resp = http.post(
                token_url,
                data={"grant_type": JWT_BEARER_GRANT, "assertion": assertion},
                headers={"Accept": "application/json"},
                timeout=timeout,
                **extra,
            )
        if resp.status_code == 429 or resp.status_code >= 500:
            raise RetryableError(
                f"token endpoint answered HTTP {resp.status_code}",
                retry_after_of(resp),
            )
        return resp

    kwargs: dict[str, Any] = {"attempts": attempts, "base_delay": base_delay}
    if sleep is not None:
        kwargs["sleep"] = sleep
    try:
        resp = with_retries(call, **kwargs)
    except RetryableError as exc:
        raise CollectorError(f"salesforce: JWT bearer sign-in failed: {exc}") from None
    body = _json_or_none(resp)
    if resp.status_code != 200:
        code = desc = ""
        if isinstance(body, Mapping):
            code = str(body.get("error", ""))
            desc = str(body.get("error_description", ""))
        raise CollectorError(
            f"salesforce: JWT bearer sign-in for {username} refused by {base} "
            f"(HTTP {resp.status_code} {code}: {desc or 'no description'}); check that the connected app has "
            "the certificate, the user is pre-authorized (admin-approved) and the login URL matches the org"
        )
    if not isinstance(body, Mapping) or not isinstance(body.get("access_token"), str):
        raise CollectorError(f"salesforce: the token endpoint at {base} returned no access_token")
    instance = body.get("instance_url")
    if not isinstance(instance, str):
        raise CollectorError(f"salesforce: the token endpoint at {base} returned no instance_url")
    return SalesforceSession(
        access_token=body["access_token"],
        instance_url=_https_base(instance, "instance_url"),
        user_id_url=str(body["id"]) if isinstance(body.get("id"), str) else None,
        method="jwt_bearer",
    )


def _json_or_none(resp: requests.Response) -> Any:
    try:
        return resp.json()
    except ValueError:
        return None


def session_from_settings(
    settings: Mapping[str, Any],
    *,
    environ: Mapping[str, str],
    http: requests.Session,
    clock: Clock,
    timeout: float,
    attempts: int = 4,
    base_delay: float = 0.5,
    sleep: Callable[[float], None] | None = None,
    verify: Any = None,
) -> SalesforceSession:
    """Pick the auth the settings describe: JWT bearer (consumer_key + private_key_file + username) first,
    else an existing access token from SALESFORCE_ACCESS_TOKEN with `instance_url`. Never a password."""
    if "password" in settings or "security_token" in settings:
        raise CollectorError(
            "salesforce: botaudit never signs in with a password; configure the JWT bearer flow "
            "(consumer_key, private_key_file, username) or set SALESFORCE_ACCESS_TOKEN and instance_url"
        )
    consumer_key = settings.get("consumer_key")
    key_file = settings.get("private_key_file")
    username = settings.get("username")
    if consumer_key and key_file and username:
        return jwt_bearer_login(
            login_url=str(settings.get("login_url") or DEFAULT_LOGIN_URL),
            consumer_key=str(consumer_key),
            username=str(username),
            private_key_pem=read_private_key(str(key_file)),
            http=http,
            clock=clock,
            timeout=timeout,
            attempts=attempts,
            base_delay=base_delay,
            sleep=sleep,
            verify=verify,
        )
    token = environ.get(ACCESS_TOKEN_ENV)
    if token:
        instance = settings.get("instance_url")
        if not instance:
            raise CollectorError(
                f"salesforce: {ACCESS_TOKEN_ENV} is set but collectors.salesforce.instance_url is not"
            )
        return SalesforceSession(
            access_token=token, instance_url=_https_base(str(instance), "instance_url"), method="access_token"
        )
    partial = [k for k in ("consumer_key", "private_key_file", "username") if settings.get(k)]
    hint = f" (only {', '.join(partial)} given)" if partial else ""
    raise CollectorError(
        "salesforce: no credentials: set consumer_key, private_key_file and username for the JWT bearer flow"
        f"{hint}, or export {ACCESS_TOKEN_ENV} with instance_url"
    )
