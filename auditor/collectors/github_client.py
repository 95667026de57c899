"""A small read-only GitHub REST + GraphQL client: Link paging, ETag conditional requests, rate limits.

Why not PyGithub or githubkit: the audit needs the raw response headers of each call (X-OAuth-Scopes,
GitHub-Authentication-Token-Expiration, X-GitHub-SSO, the rate-limit headers) and a CA bundle that wins
over REQUESTS_CA_BUNDLE; PyGithub hides the headers behind its object model and githubkit brings httpx,
pydantic and tens of megabytes of generated schema for the dozen GET endpoints used here.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests

from auditor.collectors.paging import follow_pages
from auditor.collectors.retry import (
    MAX_WAIT,
    RETRY_STATUSES,
    RequestCounter,
    RetryableError,
    StatusRetry,
    parse_retry_after,
    transient_errors,
    with_retries,
)
from auditor.collectors.transport import Budget, DeadlineExceeded

# GitHub asks clients that hit a secondary rate limit without Retry-After to wait at least a minute; a
# longer wait (a primary limit resetting later than MAX_WAIT) is not waited for: the call becomes throttled
# coverage.
SECONDARY_WAIT = 60.0
API_VERSION = "2022-11-28"


class GitHubError(Exception):
    """One GitHub call failed for good: `status` is the HTTP status (0 for transport errors)."""

    def __init__(self, status: int, message: str, *, sso_url: str | None = None, kind: str = "") -> None:
        super().__init__(f"{status}: {message}" if status else message)
        self.status = status
        self.message = message
        self.sso_url = sso_url
        self.kind = kind

    @property
    def category(self) -> str:
        """A coverage category: access_denied, sso_required, throttled, not_found, unreachable, malformed…"""
        if self.kind:
            return self.kind
        if self.sso_url is not None:
            return "sso_required"
        if self.status in (401, 403):
            return "access_denied"
        if self.status == 429:
            return "throttled"
        if self.status == 404:
            return "not_found"
        if self.status == 0:
            return "unreachable"
        return "error"

    @classmethod
    def overrun(cls, exc: DeadlineExceeded) -> GitHubError:
        return cls(0, str(exc), kind="budget" if exc.budget else "timeout")


@dataclass(frozen=True)
class Answer:
    """A successful GET: the decoded JSON body and the headers that matter to the audit."""

    body: Any
    headers: Mapping[str, str]
    not_modified: bool = False


@dataclass
class EtagCache:
    """ETags and bodies of earlier answers, so a repeated run sends conditional requests (a 304 is free
    against the primary rate limit). Keyed by a hash of (token fingerprint, URL): no token is stored.

    With `directory` the cache persists between runs (one JSON file per key); without it, it lives for one
    collection only.
    """

    directory: Path | None = None
    _memory: dict[str, tuple[str, Any, dict[str, str]]] = field(default_factory=dict)

    def _path(self, key: str) -> Path | None:
        return self.directory / f"{key}.json" if self.directory else None

    def get(self, key: str) -> tuple[str, Any, dict[str, str]] | None:
        if key in self._memory:
            return self._memory[key]
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entry = (str(data["etag"]), data["body"], {str(k): str(v) for k, v in data["headers"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        self._memory[key] = entry
        return entry

    def put(self, key: str, etag: str, body: Any, headers: Mapping[str, str]) -> None:
        kept = {k: v for k, v in headers.items() if k.lower() in _KEPT_HEADERS}
        self._memory[key] = (etag, body, kept)
        path = self._path(key)
        if path is not None:
            # Private: the bodies name private repositories, members and installed apps of the organisation.
            data = json.dumps({"etag": etag, "body": body, "headers": kept}).encode("utf-8")
            try:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
            except OSError:
                pass  # a cache that cannot be written only costs rate limit, never correctness


# Headers the audit reads; a cached answer replays them (a 304 repeats only some of them).
_KEPT_HEADERS = frozenset(
    {
        "x-oauth-scopes",
        "x-accepted-oauth-scopes",
        "github-authentication-token-expiration",
        "x-github-sso",
        "link",
    }
)


def next_link(link_header: str | None) -> str | None:
    """The rel="next" URL of an RFC 8288 Link header, or None."""
    if not link_header:
        return None
    for part in link_header.split(","):
        section = part.split(";")
        if len(section) < 2:
            continue
        url = section[0].strip()
        if not (url.startswith("<") and url.endswith(">")):
            continue
        for param in section[1:]:
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "rel" and "next" in value.strip().strip('"').split():
                return url[1:-1]
    return None


def sso_url(header: str | None) -> str | None:
    """The authorisation URL of an `X-GitHub-SSO: required; url=…` header, or None."""
    if not header or not header.strip().lower().startswith("required"):
        return None
    for part in header.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "url":
            return value.strip()
    return ""


def sso_partial_orgs(header: str | None) -> tuple[str, ...]:
    """Organisation ids left out of a list because the token is not SSO-authorised for them.

    GitHub answers `X-GitHub-SSO: partial-results; organizations=21955855,20582480` on list calls.
    """
    if not header or not header.strip().lower().startswith("partial-results"):
        return ()
    for part in header.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "organizations":
            return tuple(v.strip() for v in value.split(",") if v.strip())
    return ()


class GitHubClient:
    """GETs and GraphQL queries against one API URL with one token; never writes.

    Requests run one at a time: GitHub's guidance against secondary rate limits is to avoid concurrency.
    """

    def __init__(
        self,
        session: requests.Session,
        api_url: str,
        token: str,
        *,
        graphql_url: str | None = None,
        timeout: float = 20.0,
        max_retries: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        counter: RequestCounter | None = None,
        cache: EtagCache | None = None,
        token_key: str = "",
        budget: Budget | None = None,
    ) -> None:
        self._session = session
        self._base = api_url.rstrip("/")
        self._graphql = graphql_url or default_graphql_url(self._base)
        self._headers = {
            "Authorization": f"Bearer {token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": API_VERSION,
            "User-Agent": "botaudit (read-only credential posture audit)",
        }
        self._timeout = timeout
        self._attempts = max(1, max_retries + 1)
        self._sleep = sleep
        self._clock = clock
        self.counter = counter or RequestCounter()
        self._cache = cache if cache is not None else EtagCache()
        self._token_key = token_key
        self._budget = budget

    def url(self, path: str) -> str:
        if path.startswith(("https://", "http://")):
            return path
        return self._base + "/" + path.lstrip("/")

    def _cache_key(self, url: str) -> str:
        return hashlib.sha256(f"{self._token_key}\x00{url}".encode()).hexdigest()[:32]

    def _wait_for(self, response: requests.Response) -> float:
        """Seconds to wait before retrying a rate-limited answer, in GitHub's documented order: Retry-After,
        else the primary limit's reset time (X-RateLimit-Remaining: 0), else a minute (secondary limit)."""
        retry_after = parse_retry_after(response.headers.get("Retry-After"), now=self._clock)
        if retry_after is not None:
            return retry_after
        if response.headers.get("X-RateLimit-Remaining") == "0":
            try:
                reset = float(response.headers.get("X-RateLimit-Reset", ""))
            except ValueError:
                return SECONDARY_WAIT
            return max(reset - self._clock(), 0.0) + 1.0
        return SECONDARY_WAIT

    @staticmethod
    def _is_rate_limited(response: requests.Response, payload: Any) -> bool:
        if response.status_code == 429:
            return True
        if response.status_code != 403:
            return False
        if response.headers.get("X-RateLimit-Remaining") == "0" or "Retry-After" in response.headers:
            return True
        message = str(payload.get("message", "")) if isinstance(payload, Mapping) else ""
        return "rate limit" in message.lower()

    def _once(self, method: str, url: str, body: Any = None) -> Answer:
        headers = dict(self._headers)
        cached = self._cache.get(self._cache_key(url)) if method == "GET" else None
        if cached is not None:
            headers["If-None-Match"] = cached[0]
        try:
            with transient_errors(f"calling {urlsplit(url).path}"):
                response = self._session.request(
                    method, url, headers=headers, json=body, timeout=self._timeout, allow_redirects=False
                )
        finally:
            self.counter.hit()
        if response.status_code == 304 and cached is not None:
            return Answer(cached[1], {**cached[2], **response.headers}, not_modified=True)
        try:
            payload = response.json() if response.content else None
        except ValueError:
            payload = None
        if self._is_rate_limited(response, payload):
            raise StatusRetry(response.status_code, self._wait_for(response))
        if response.status_code in RETRY_STATUSES:
            raise StatusRetry(response.status_code, None)
        if response.status_code >= 400:
            message = payload.get("message") if isinstance(payload, Mapping) else None
            raise GitHubError(
                response.status_code,
                str(message or response.reason or "error")[:300],
                sso_url=sso_url(response.headers.get("X-GitHub-SSO")),
            )
        if response.status_code >= 300:
            raise GitHubError(response.status_code, "unexpected redirect (is api_url the API root?)")
        etag = response.headers.get("ETag")
        if method == "GET" and etag and payload is not None:
            self._cache.put(self._cache_key(url), etag, payload, response.headers)
        return Answer(payload, response.headers)

    def _retrying(self, once: Callable[[], Answer]) -> Answer:
        """`once` under the shared retry policy; each final failure a GitHubError with a coverage category."""
        try:
            return with_retries(
                once,
                attempts=self._attempts,
                max_wait=MAX_WAIT,
                counter=self.counter,
                sleep=self._sleep,
                budget_left=self._budget.remaining if self._budget is not None else None,
            )
        except DeadlineExceeded as exc:
            raise GitHubError.overrun(exc) from exc
        except StatusRetry as exc:
            throttled = exc.status in (200, 403, 429)
            raise GitHubError(
                exc.status, f"still {exc} (gave up)", kind="throttled" if throttled else "error"
            ) from exc
        except RetryableError as exc:
            raise GitHubError(0, f"{exc} (gave up after retries)") from exc

    def _call(self, method: str, url: str, body: Any = None) -> Answer:
        return self._retrying(lambda: self._once(method, url, body))

    def get(self, path: str, params: Mapping[str, str | int] | None = None) -> Answer:
        """One GET; a GitHubError when it fails after retries."""
        url = self.url(path)
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params, safe=",")
        return self._call("GET", url)

    def pages(self, path: str, params: Mapping[str, str | int] | None = None) -> Iterator[Answer]:
        """Every page of a list endpoint, following Link rel="next" (per_page=100 unless given)."""

        def next_of(answer: Answer) -> str | None:
            link = next_link(answer.headers.get("Link"))
            if link and urlsplit(link).netloc != urlsplit(self._base).netloc:
                raise GitHubError(200, "a Link to another host", kind="malformed")
            return link or None

        yield from follow_pages(
            self.get(path, {"per_page": 100, **(params or {})}),
            next_of,
            lambda link: self._call("GET", link),
            too_many=lambda n: GitHubError(200, f"more than {n} pages", kind="malformed"),
        )

    def get_all(
        self, path: str, params: Mapping[str, str | int] | None = None, *, key: str | None = None
    ) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
        """The items of every page and the ids of organisations SSO left out (X-GitHub-SSO partial-results).

        `key` names the list inside an object answer (`/installation/repositories` -> "repositories").
        """
        items: list[dict[str, Any]] = []
        partial: list[str] = []
        for answer in self.pages(path, params):
            body = answer.body.get(key) if key and isinstance(answer.body, Mapping) else answer.body
            if not isinstance(body, list) or not all(isinstance(i, dict) for i in body):
                raise GitHubError(
                    200, f"{urlsplit(self.url(path)).path}: not a list of objects", kind="malformed"
                )
            items.extend(body)
            partial.extend(sso_partial_orgs(answer.headers.get("X-GitHub-SSO")))
        return items, tuple(dict.fromkeys(partial))

    def graphql_pages(
        self, query: str, variables: Mapping[str, Any], path: Sequence[str]
    ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """(connection, errors) per page of the connection at `path`, following pageInfo.endCursor."""

        def page(after: str | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
            data, errors = self.graphql(query, {**variables, "after": after})
            node: Any = data
            for key in path:
                node = node.get(key) if isinstance(node, Mapping) else None
            if not isinstance(node, Mapping):
                message = "; ".join(str(e.get("message", "")) for e in errors)[:300] or "no data"
                denied = any(
                    e.get("type") in ("FORBIDDEN", "NOT_FOUND", "INSUFFICIENT_SCOPES") for e in errors
                )
                raise GitHubError(200, message, kind="access_denied" if denied else "error")
            return dict(node), errors

        def next_of(current: tuple[dict[str, Any], list[dict[str, Any]]]) -> str | None:
            info = current[0].get("pageInfo") or {}
            if not info.get("hasNextPage"):
                return None
            after = info.get("endCursor")
            if not after:
                raise GitHubError(200, "hasNextPage without an endCursor", kind="malformed")
            return str(after)

        yield from follow_pages(
            page(None),
            next_of,
            page,
            too_many=lambda n: GitHubError(200, f"more than {n} pages", kind="malformed"),
        )

    def graphql(
        self, query: str, variables: Mapping[str, Any]
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """POST one query; (data, errors). RATE_LIMITED errors are retried like a throttled REST call."""

        def once() -> Answer:
            answer = self._once("POST", self._graphql, {"query": query, "variables": dict(variables)})
            errors = answer.body.get("errors") if isinstance(answer.body, Mapping) else None
            if isinstance(errors, list) and any(
                isinstance(e, Mapping) and e.get("type") == "RATE_LIMITED" for e in errors
            ):
                raise StatusRetry(200, SECONDARY_WAIT, "GraphQL RATE_LIMITED")
            return answer

        answer = self._retrying(once)
        if not isinstance(answer.body, Mapping):
            raise GitHubError(200, "GraphQL answer is not a JSON object", kind="malformed")
        data = answer.body.get("data")
        errors = answer.body.get("errors") or []
        if not isinstance(errors, list):
            errors = []
        return (dict(data) if isinstance(data, Mapping) else {}), [e for e in errors if isinstance(e, dict)]


def default_graphql_url(api_url: str) -> str:
    """github.com: https://api.github.com/graphql; GitHub Enterprise Server: https://HOST/api/graphql."""
    base = api_url.rstrip("/")
    if base.endswith("/api/v3"):
        return base[: -len("/v3")] + "/graphql"
    return base + "/graphql"
