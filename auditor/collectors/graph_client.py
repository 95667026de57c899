"""A small read-only Microsoft Graph v1.0 client: paging by @odata.nextLink, $batch, Retry-After, counting."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

from auditor.collectors.paging import follow_pages
from auditor.collectors.retry import (
    RequestCounter,
    RetryableError,
    StatusRetry,
    backoff_delay,
    parse_retry_after,
    raise_for_retry,
    transient_errors,
    with_retries,
    worth_waiting,
)
from auditor.collectors.transport import Budget, DeadlineExceeded, mount_deadlines

# Graph accepts at most 20 requests in one $batch body.
BATCH_LIMIT = 20
# Codes Graph answers when the caller should simply try again later (500 is a bug, not a busy server).
_RETRY_STATUSES = frozenset({429, 502, 503, 504})


class GraphError(Exception):
    """One Graph call failed for good: `status` is the HTTP status (0 for transport errors)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}" if status else f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message

    @property
    def category(self) -> str:
        """A coverage category: access_denied, throttled, malformed, not_found, unreachable or error."""
        if self.code in ("malformed", "timeout", "budget"):
            return self.code
        if self.status in (401, 403):
            return "access_denied"
        if self.status == 429:
            return "throttled"
        if self.status == 404:
            return "not_found"
        if self.status == 0:
            return "unreachable"
        return "error"


class GraphSession(requests.Session):
    """A requests session whose CA bundle wins over REQUESTS_CA_BUNDLE and which counts every response.

    requests lets the REQUESTS_CA_BUNDLE environment variable override `Session.verify`; a configured
    `ca_bundle` (a TLS-inspecting proxy, a test CA) must win, while proxies from the environment still apply.
    msal uses this same session for discovery and the token POST, so those requests are counted too.
    """

    def __init__(
        self, counter: RequestCounter, ca_bundle: str | None = None, budget: Budget | None = None
    ) -> None:
        super().__init__()
        self._ca_bundle = ca_bundle
        self.counter = counter
        self.hooks["response"].append(self._count)
        # A total deadline per request and the platform's budget (a read timeout alone bounds one read).
        mount_deadlines(self, budget or Budget())

    def _count(self, response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
        self.counter.hit()
        return response

    def merge_environment_settings(
        self, url: str | bytes | None, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> dict[str, Any]:
        settings: dict[str, Any] = super().merge_environment_settings(
            url,  # type: ignore[arg-type]
            proxies,
            stream,
            verify,
            cert,
        )
        if self._ca_bundle:
            settings["verify"] = self._ca_bundle
        return settings


@dataclass(frozen=True)
class BatchResult:
    """The outcome of one request inside a $batch: the collection items (all pages) or the error."""

    items: tuple[dict[str, Any], ...] = ()
    error: GraphError | None = None


def _error_from_body(status: int, body: Any) -> GraphError:
    if isinstance(body, Mapping) and isinstance(body.get("error"), Mapping):
        err = body["error"]
        return GraphError(status, str(err.get("code") or "error"), str(err.get("message") or "")[:300])
    return GraphError(status, "error", "no error details in the answer")


class GraphClient:
    """GETs and $batch POSTs against one Graph base URL with one bearer token; never writes."""

    def __init__(
        self,
        session: requests.Session,
        base_url: str,
        token: str,
        *,
        timeout: float = 20.0,
        max_retries: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        counter: RequestCounter | None = None,
    ) -> None:
        self._session = session
        self._base = base_url.rstrip("/") + "/v1.0"
        self._headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        self._timeout = timeout
        self._attempts = max(1, max_retries + 1)
        self._sleep = sleep
        self._counter = counter

    def url(self, path: str) -> str:
        """An absolute URL for a path relative to /v1.0 (absolute nextLinks pass through unchanged)."""
        if path.startswith(("https://", "http://")):
            return path
        return self._base + "/" + path.lstrip("/")

    def _once(self, method: str, url: str, body: Any = None) -> Any:
        try:
            with transient_errors(f"calling {urlsplit(url).path}"):
                response = self._session.request(
                    method,
                    url,
                    headers=self._headers,
                    json=body,
                    timeout=self._timeout,
                    allow_redirects=False,
                )
        except DeadlineExceeded as exc:
            # Not retried: an answer that did not complete within the deadline would not the next time either.
            raise GraphError(0, "budget" if exc.budget else "timeout", str(exc)) from exc
        raise_for_retry(response.status_code, response.headers, _RETRY_STATUSES)
        try:
            payload = response.json()
        except ValueError:
            payload = None
        if response.status_code >= 400:
            raise _error_from_body(response.status_code, payload)
        if not isinstance(payload, dict):
            raise GraphError(response.status_code, "malformed", "the answer is not a JSON object")
        return payload

    def _call(self, method: str, url: str, body: Any = None) -> dict[str, Any]:
        try:
            result: dict[str, Any] = with_retries(
                lambda: self._once(method, url, body),
                attempts=self._attempts,
                counter=self._counter,
                sleep=self._sleep,
            )
        except RetryableError as exc:
            cause = exc.__cause__
            if isinstance(cause, requests.RequestException):
                raise GraphError(0, "unreachable", f"{exc} after {self._attempts} attempts") from exc
            status = exc.status if isinstance(exc, StatusRetry) else 503
            raise GraphError(status, "throttled", f"still {exc} after {self._attempts} attempts") from exc
        return result

    def get(self, path: str) -> dict[str, Any]:
        """One GET; a GraphError when it fails after retries or the answer is not a JSON object."""
        return self._call("GET", self.url(path))

    def get_all(self, path: str) -> list[dict[str, Any]]:
        """Every item of a collection, following absolute @odata.nextLink until absent."""
        return self.follow(self.get(path))

    def follow(self, page: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The items of `page` and of every page its @odata.nextLink chain leads to."""

        def next_of(current: Mapping[str, Any]) -> str | None:
            link = current.get("@odata.nextLink")
            if not link:
                return None
            if not isinstance(link, str) or not link.startswith("https://"):
                raise GraphError(200, "malformed", "an @odata.nextLink that is not an https URL")
            return link

        items: list[dict[str, Any]] = []
        for current in follow_pages(
            page,
            next_of,
            lambda link: self._call("GET", link),
            too_many=lambda n: GraphError(200, "malformed", f"more than {n} pages"),
        ):
            values = current.get("value")
            if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
                raise GraphError(200, "malformed", "a collection answer without a 'value' list of objects")
            items.extend(values)
        return items

    def batch_get_all(self, paths: Mapping[str, str]) -> dict[str, BatchResult]:
        """GET many collections through $batch (20 per POST), retrying throttled inner requests.

        `paths` maps a caller key to a path relative to /v1.0. Inner 429/5xx answers are re-sent in a later
        batch after their Retry-After; inner answers with a nextLink are followed with plain GETs.
        """
        results: dict[str, BatchResult] = {}
        pending = dict(paths)
        for attempt in range(self._attempts):
            if not pending:
                break
            retry: dict[str, str] = {}
            wait = 0.0
            keys = list(pending)
            for start in range(0, len(keys), BATCH_LIMIT):
                chunk = keys[start : start + BATCH_LIMIT]
                for key, outcome in self._post_batch({k: pending[k] for k in chunk}).items():
                    if isinstance(outcome, RetryableError):
                        retry[key] = pending[key]
                        wait = max(wait, outcome.retry_after or 0.0)
                    else:
                        results[key] = outcome
            pending = retry
            if pending and attempt < self._attempts - 1:
                delay = wait or backoff_delay(attempt)
                if not worth_waiting(delay):
                    break  # the same policy as with_retries: a long wait is throttled coverage
                if self._counter is not None:
                    self._counter.retries += 1
                self._sleep(delay)
        for key in pending:
            results[key] = BatchResult(
                error=GraphError(429, "throttled", "still throttled inside $batch (gave up retrying)")
            )
        return results

    def _post_batch(self, chunk: Mapping[str, str]) -> dict[str, BatchResult | RetryableError]:
        # Batch ids must be unique strings within one body; positions keep caller keys out of the wire format.
        ids = {str(n): key for n, key in enumerate(chunk, start=1)}
        body = {
            "requests": [
                {"id": n, "method": "GET", "url": "/" + chunk[key].lstrip("/")} for n, key in ids.items()
            ]
        }
        out: dict[str, BatchResult | RetryableError] = {}
        try:
            answer = self._call("POST", self.url("$batch"), body)
        except GraphError as exc:
            return {key: BatchResult(error=exc) for key in chunk}
        responses = answer.get("responses")
        if not isinstance(responses, list):
            bad = GraphError(200, "malformed", "a $batch answer without a 'responses' list")
            return {key: BatchResult(error=bad) for key in chunk}
        for item in responses:
            if not isinstance(item, Mapping) or str(item.get("id")) not in ids:
                continue
            key = ids[str(item["id"])]
            out[key] = self._inner(item)
        for key in chunk:
            out.setdefault(
                key, BatchResult(error=GraphError(200, "malformed", "no answer for it in the $batch"))
            )
        return out

    def _inner(self, item: Mapping[str, Any]) -> BatchResult | RetryableError:
        status = item.get("status")
        body = item.get("body")
        if not isinstance(status, int):
            return BatchResult(error=GraphError(200, "malformed", "a $batch answer without a status"))
        if status in _RETRY_STATUSES:
            raw = item.get("headers")
            headers: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
            retry_after = next((v for k, v in headers.items() if str(k).lower() == "retry-after"), None)
            return RetryableError(
                f"HTTP {status}", parse_retry_after(str(retry_after) if retry_after else None)
            )
        if status >= 400:
            return BatchResult(error=_error_from_body(status, body))
        if not isinstance(body, Mapping):
            return BatchResult(error=GraphError(status, "malformed", "the answer is not a JSON object"))
        try:
            return BatchResult(items=tuple(self.follow(body)))
        except GraphError as exc:
            return BatchResult(error=exc)
