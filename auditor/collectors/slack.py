"""Slack collector: what each configured token is and reaches, and a junior member's reach, read-only.

Per token (`collectors.slack.token_env`, plus `tokens_env`), through slack_sdk: `auth.test` (who, which
workspace, org-wide install, and the granted scopes from the `x-oauth-scopes` header), bot vs user token and
token rotation from the documented prefixes (`xoxb-`, `xoxp-`, rotating `xoxe.xoxb-` / `xoxe.xoxp-`),
`users.info` / `bots.info` for the owner and app, and `users.conversations` (cursor-paged, 999 a page) for
the channels it is in. The baseline junior member's channels come from `users.conversations?user=…` with the
same token; their scopes are those of a regular member (or the list given in botaudit.yaml). Tokens stay in
memory; the snapshot holds keyed fingerprints (`fp:` aliases) so a token found in a config joins to its
identity without being named.
"""

from __future__ import annotations

import logging
import os
import ssl
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from auditor.clock import Clock
from auditor.collectors.interface import CollectRequest
from auditor.collectors.retry import RequestCounter, parse_retry_after
from auditor.errors import CollectorError
from auditor.model import AccessLevel, Capability, Identity, Platform, PlatformCredential, Skipped, Snapshot
from auditor.progress import ProgressSink
from auditor.redact import DEFAULT_FINGERPRINT_KEY, fingerprint, scrub

DEFAULT_API_URL = "https://slack.com/api/"
PAGE_LIMIT = 999
MAX_PAGES = 10_000
MAX_WAIT = 60.0
MAX_LISTED = 50

# Documented prefixes -> (token type, rotation on, the detector kind that fingerprints it in configs).
TOKEN_PREFIXES: tuple[tuple[str, str, bool, str], ...] = (
    ("xoxe.xoxb-", "bot_token", True, "slack_config_token"),
    ("xoxe.xoxp-", "user_token", True, "slack_config_token"),
    ("xoxb-", "bot_token", False, "slack_bot_token"),
    ("xoxp-", "user_token", False, "slack_user_token"),
    ("xoxa-", "legacy_workspace_token", False, "slack_user_token"),
    ("xoxs-", "legacy_session_token", False, "slack_user_token"),
)
USER_TOKEN_TYPES = frozenset({"user_token", "legacy_workspace_token", "legacy_session_token"})

# Channel type -> the read scope users.conversations needs for it (bot and user tokens alike).
CHANNEL_TYPE_SCOPES: Mapping[str, str] = {
    "public_channel": "channels:read",
    "private_channel": "groups:read",
    "mpim": "mpim:read",
    "im": "im:read",
}

# What a regular member can do in the Slack client, expressed as the scopes a token would need for it: the
# baseline's scope reach when botaudit.yaml names none. No admin.*, no posting under other names.
MEMBER_SCOPES: tuple[str, ...] = (
    "bookmarks:read",
    "bookmarks:write",
    "channels:history",
    "channels:join",
    "channels:manage",
    "channels:read",
    "chat:write",
    "dnd:read",
    "emoji:read",
    "files:read",
    "files:write",
    "groups:history",
    "groups:read",
    "groups:write",
    "im:history",
    "im:read",
    "im:write",
    "links:read",
    "mpim:history",
    "mpim:read",
    "mpim:write",
    "pins:read",
    "pins:write",
    "reactions:read",
    "reactions:write",
    "reminders:read",
    "reminders:write",
    "search:read",
    "stars:read",
    "stars:write",
    "team:read",
    "usergroups:read",
    "users.profile:read",
    "users:read",
)


def token_type(token: str) -> tuple[str, bool, str]:
    """(token type, rotation on, detector kind) from the documented prefix."""
    for prefix, kind, rotating, detector_kind in TOKEN_PREFIXES:
        if token.startswith(prefix):
            return kind, rotating, detector_kind
    return "unknown_token", False, "slack_token"


def scope_level(scope: str) -> AccessLevel:
    """admin* -> admin; anything that writes, manages or customises -> write; the rest read."""
    if scope == "admin" or scope.startswith("admin."):
        return AccessLevel.ADMIN
    if any(word in scope for word in ("write", "manage", "customize")):
        return AccessLevel.WRITE
    return AccessLevel.READ


def scope_capabilities(scopes: Sequence[str]) -> set[Capability]:
    return {Capability(Platform.SLACK.value, "workspace", s, scope_level(s)) for s in scopes}


def channel_capability(channel: Mapping[str, Any]) -> Capability | None:
    """Membership of a channel; private channels and group DMs are marked so rules can tell them apart."""
    cid = str(channel.get("id") or "")
    if not cid or channel.get("is_im"):
        return None
    private = bool(channel.get("is_private") or channel.get("is_mpim") or channel.get("is_group"))
    name = str(channel.get("name") or cid)
    resource = f"{'private-channel' if private else 'channel'}:{cid} #{name}"
    return Capability(Platform.SLACK.value, resource, "member", AccessLevel.READ)


class _CountingRetry(RetryHandler):
    """Counts every response slack_sdk sees and retries 429 (after Retry-After), 5xx and transport errors.

    slack_sdk consults the (only) handler once per attempt, success or not, which makes it the place to count
    round trips without patching the SDK. Waits go through an injectable sleep so tests never sleep.
    """

    def __init__(self, counter: RequestCounter, max_retry_count: int, sleep: Callable[[float], None]) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.counter = counter
        self._sleep = sleep
        self.gave_up = False

    def can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        self.counter.hit()
        wanted = self._can_retry(state=state, request=request, response=response, error=error)
        if wanted and state.current_attempt >= self.max_retry_count:
            return False
        if wanted and response is not None and response.status_code == 429:
            wait = self._retry_after(response)
            if wait is None:
                return False
        return wanted

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None:
            return error is not None
        return response.status_code in (429, 500, 502, 503, 504)

    @staticmethod
    def _retry_after(response: HttpResponse) -> float | None:
        for key, values in response.headers.items():
            if key.lower() == "retry-after":
                raw = values[0] if isinstance(values, list) and values else values
                wait = parse_retry_after(str(raw), cap=float("inf"))
                if wait is not None and wait > MAX_WAIT:
                    return None  # a wait this long becomes throttled coverage, not a stalled audit
                return wait if wait is not None else 1.0
        return 1.0

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        state.next_attempt_requested = True
        if response is not None and response.status_code == 429:
            delay = self._retry_after(response) or 1.0
        else:
            delay = min(8.0, 0.5 * (2**state.current_attempt))
        self.counter.retries += 1
        self._sleep(delay)
        state.increment_current_attempt()


class SlackCallError(Exception):
    """One Web API call failed for good; `code` is Slack's error string (or the HTTP status)."""

    def __init__(self, method: str, code: str, detail: str = "") -> None:
        super().__init__(f"{method}: {code}{' (' + detail + ')' if detail else ''}")
        self.method = method
        self.code = code
        self.detail = detail

    @property
    def category(self) -> str:
        if self.code in ("missing_scope", "not_allowed_token_type", "no_permission", "access_denied"):
            return "access_denied"
        if self.code in ("ratelimited", "429"):
            return "throttled"
        if self.code in ("user_not_found", "bot_not_found", "users_not_found", "channel_not_found"):
            return "not_found"
        if self.code in ("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"):
            return "auth_failed"
        if self.code == "unreachable":
            return "unreachable"
        return "error"


@dataclass
class _Api:
    """One token's client; every call read-only, every failure a SlackCallError."""

    client: WebClient

    def call(self, method: str, **params: Any) -> tuple[dict[str, Any], Mapping[str, Any]]:
        try:
            response = self.client.api_call(method, http_verb="GET", params=params)
        except SlackApiError as exc:
            data = exc.response.data if isinstance(exc.response.data, dict) else {}
            status = exc.response.status_code
            code = str(data.get("error") or (str(status) if status != 200 else "error"))
            detail = f"needs {data['needed']}" if data.get("needed") else ""
            raise SlackCallError(method, code, detail) from None
        except SlackClientError as exc:
            raise SlackCallError(method, "error", type(exc).__name__) from None
        except OSError as exc:
            raise SlackCallError(method, "unreachable", type(exc).__name__) from None
        data = response.data if isinstance(response.data, dict) else {}
        return data, response.headers

    def pages(self, method: str, key: str, **params: Any) -> Iterator[list[dict[str, Any]]]:
        cursor = ""
        for _ in range(MAX_PAGES):
            args = {**params, "limit": PAGE_LIMIT, **({"cursor": cursor} if cursor else {})}
            data, _ = self.call(method, **args)
            items = data.get(key)
            if not isinstance(items, list):
                raise SlackCallError(method, "malformed", f"no {key!r} list in the answer")
            yield [i for i in items if isinstance(i, dict)]
            cursor = str((data.get("response_metadata") or {}).get("next_cursor") or "")
            if not cursor:
                return
        raise SlackCallError(method, "malformed", "too many pages")


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return str(value[0] if isinstance(value, list) and value else value)
    return None


def _baseline(baseline: Any) -> tuple[str | None, list[str] | None]:
    if isinstance(baseline, str) and baseline.strip():
        return baseline.strip(), None
    if isinstance(baseline, Mapping) and baseline.get("user"):
        scopes = baseline.get("scopes")
        return str(baseline["user"]), [str(s) for s in scopes] if scopes else None
    return None, None


class SlackCollector:
    """Reads Slack through the Web API with slack_sdk, read-only methods only. Never writes."""

    platform = Platform.SLACK

    def __init__(
        self,
        *,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._environ = environ
        self._sleep = sleep

    def collect(self, request: CollectRequest, *, clock: Clock, progress: ProgressSink) -> Snapshot:
        settings = request.settings
        environ = self._environ if self._environ is not None else os.environ
        api_url = str(settings.get("api_url") or DEFAULT_API_URL)
        if not api_url.startswith("https://"):
            raise CollectorError(f"slack: api_url must be an https URL, got {api_url!r}")
        if not api_url.endswith("/"):
            api_url += "/"
        main_env = str(settings.get("token_env") or "SLACK_BOT_TOKEN")
        envs = [main_env, *(str(v) for v in settings.get("tokens_env") or () if str(v) != main_env)]
        tokens = [(name, environ[name]) for name in envs if environ.get(name)]
        coverage = [
            Skipped(f"slack:token {name}", f"environment variable {name} is not set", "not_found")
            for name in envs[1:]
            if not environ.get(name)
        ]
        if not tokens:
            raise CollectorError(f"slack: no token (set {main_env} or collectors.slack.tokens_env)")
        secrets = [t for _, t in tokens]
        fp_key = request.fingerprint_key or DEFAULT_FINGERPRINT_KEY
        counter = RequestCounter()
        context = (
            ssl.create_default_context(cafile=str(settings["ca_bundle"]))
            if settings.get("ca_bundle")
            else None
        )
        logger = logging.getLogger("botaudit.slack_sdk")
        logger.addHandler(logging.NullHandler())
        logger.propagate = False

        def api(token: str) -> _Api:
            handler = _CountingRetry(counter, max(0, request.max_retries), self._sleep)
            client = WebClient(
                token=token,
                base_url=api_url,
                ssl=context,
                timeout=int(max(1, request.timeout)),
                retry_handlers=[handler],
                logger=logger,
            )
            return _Api(client)

        progress.start("slack", total=None)
        try:
            infos = []
            for env_name, token in tokens:
                infos.append(_introspect(api(token), env_name, token, fp_key, coverage, settings))
                progress.advance("slack")
            if not any(i.get("ok") for i in infos):
                reasons = "; ".join(str(i.get("error")) for i in infos)
                raise CollectorError(scrub(f"slack: no token could be read ({reasons})", secrets))
            reader = next((api(t) for (_, t), i in zip(tokens, infos, strict=True) if i.get("ok")), None)
            assert reader is not None
            identities: list[Identity] = []
            credentials: list[PlatformCredential] = []
            reach: dict[str, frozenset[Capability]] = {}
            for info in infos:
                if not info.get("ok"):
                    continue
                ident, cred, caps = _token_identity(info)
                if ident.id in reach:
                    continue
                identities.append(ident)
                credentials.append(cred)
                reach[ident.id] = frozenset(caps)
            baseline_id: str | None = None
            user, scopes = _baseline(request.baseline)
            if user:
                junior, junior_caps = _junior(reader, user, scopes, infos, coverage, settings)
                if junior is not None:
                    baseline_id = junior.id
                    identities.append(junior)
                    if junior_caps is not None:
                        reach[junior.id] = frozenset(junior_caps)
            progress.advance("slack")
        finally:
            progress.finish("slack")
        first = next(i for i in infos if i.get("ok"))
        return Snapshot(
            platform=Platform.SLACK,
            collected_at=clock.now(),
            source=f"slack:{first.get('team_id')} ({first.get('team')})",
            identities=tuple(identities),
            credentials=tuple(credentials),
            reach=reach,
            baseline=baseline_id,
            coverage=tuple(coverage),
            facts={
                "api_url": api_url,
                "team_id": first.get("team_id"),
                "team": first.get("team"),
                "enterprise_id": first.get("enterprise_id"),
            },
            requests=counter.count,
        )


def _readable_types(scopes: Sequence[str] | None) -> tuple[list[str], list[str]]:
    """(channel types the token may list, types it may not) from its scopes; unknown scopes: try all."""
    wanted = ["public_channel", "private_channel", "mpim", "im"]
    if scopes is None:
        return wanted, []
    granted = set(scopes)
    ok = [t for t in wanted if CHANNEL_TYPE_SCOPES[t] in granted or "read" in granted]
    return ok, [t for t in wanted if t not in ok]


def _introspect(
    api: _Api, env_name: str, token: str, fp_key: str, coverage: list[Skipped], settings: Mapping[str, Any]
) -> dict[str, Any]:
    kind, rotating, detector_kind = token_type(token)
    info: dict[str, Any] = {"env": env_name, "type": kind, "rotation": rotating, "ok": False}
    info["fp"] = fingerprint(detector_kind, token, fp_key)
    where = f"slack:token {env_name}"
    try:
        data, headers = api.call("auth.test")
    except SlackCallError as exc:
        coverage.append(Skipped(where, f"auth.test: {exc.code}", exc.category))
        info["error"] = f"{env_name}: {exc.code}"
        return info
    raw_scopes = _header(headers, "x-oauth-scopes")
    scopes = (
        sorted({s.strip() for s in raw_scopes.split(",") if s.strip()}) if raw_scopes is not None else None
    )
    if scopes is None:
        coverage.append(Skipped(where, "no x-oauth-scopes header: scopes unknown", "partial"))
    info.update(
        ok=True,
        scopes=scopes,
        user_id=data.get("user_id"),
        user=data.get("user"),
        bot_id=data.get("bot_id"),
        team_id=data.get("team_id"),
        team=data.get("team"),
        enterprise_id=data.get("enterprise_id"),
        install="org" if data.get("is_enterprise_install") else "workspace",
    )
    if data.get("bot_id") and kind == "unknown_token":
        info["type"] = "bot_token"
    if info.get("user_id"):
        try:
            user, _ = api.call("users.info", user=str(info["user_id"]))
            u = user.get("user") or {}
            info["owner"] = {
                "name": u.get("name"),
                "real_name": u.get("real_name"),
                "is_bot": bool(u.get("is_bot")),
                "is_admin": bool(u.get("is_admin")),
                "is_owner": bool(u.get("is_owner")),
                "deleted": bool(u.get("deleted")),
            }
        except SlackCallError as exc:
            coverage.append(Skipped(where, str(exc), exc.category))
    if info.get("bot_id"):
        try:
            bot, _ = api.call("bots.info", bot=str(info["bot_id"]))
            b = bot.get("bot") or {}
            info["app_id"] = b.get("app_id")
            info["bot_name"] = b.get("name")
        except SlackCallError as exc:
            coverage.append(Skipped(where, str(exc), exc.category))
    types, unread = _readable_types(scopes)
    info["unread_channel_types"] = unread
    if unread:
        coverage.append(
            Skipped(
                where,
                "channel types not listed for lack of a read scope: "
                + ", ".join(f"{t} (needs {CHANNEL_TYPE_SCOPES[t]})" for t in unread),
                "access_denied",
            )
        )
    info["channels"] = _channels(api, types, None, info, where, coverage, settings)
    return info


def _channels(
    api: _Api,
    types: Sequence[str],
    user: str | None,
    info: Mapping[str, Any],
    where: str,
    coverage: list[Skipped],
    settings: Mapping[str, Any],
) -> list[dict[str, Any]] | None:
    if not types:
        return []
    params: dict[str, Any] = {"types": ",".join(types), "exclude_archived": "true"}
    if user:
        params["user"] = user
    if info.get("install") == "org":
        team = settings.get("team_id")
        if not team:
            coverage.append(
                Skipped(where, "org-wide install: set collectors.slack.team_id to list channels", "not_read")
            )
            return None
        params["team_id"] = str(team)
    try:
        return [c for page in api.pages("users.conversations", "channels", **params) for c in page]
    except SlackCallError as exc:
        coverage.append(Skipped(where, str(exc), exc.category))
        return None


def _token_identity(info: Mapping[str, Any]) -> tuple[Identity, PlatformCredential, set[Capability]]:
    kind = str(info["type"])
    fp = str(info["fp"])
    scopes = info.get("scopes")
    caps = scope_capabilities(scopes or ())
    channels = info.get("channels")
    counts = {"public": 0, "private": 0, "mpim": 0, "im": 0}
    private_names: list[str] = []
    for channel in channels or ():
        if channel.get("is_im"):
            counts["im"] += 1
            continue
        cap = channel_capability(channel)
        if cap is None:
            continue
        caps.add(cap)
        if channel.get("is_mpim"):
            counts["mpim"] += 1
        elif cap.resource.startswith("private-channel:"):
            counts["private"] += 1
            private_names.append(str(channel.get("name") or channel.get("id")))
        else:
            counts["public"] += 1
    owner = info.get("owner") or {}
    label = info.get("bot_name") or owner.get("name") or info.get("user") or fp[:8]
    attributes: dict[str, Any] = {
        "token_type": kind,
        "env": info.get("env"),
        "rotation": bool(info.get("rotation")),
        "scopes": scopes,
        "user_id": info.get("user_id"),
        "bot_id": info.get("bot_id"),
        "app_id": info.get("app_id"),
        "team_id": info.get("team_id"),
        "enterprise_id": info.get("enterprise_id"),
        "install": info.get("install"),
        "owner": dict(owner) if owner else None,
        "channels": counts,
        "channels_known": channels is not None,
        "unread_channel_types": list(info.get("unread_channel_types") or ()),
        "private_channels": sorted(private_names)[:MAX_LISTED],
    }
    ident_id = f"token:{fp}"
    aliases = tuple(
        str(a) for a in (f"fp:{fp}", info.get("bot_id"), info.get("app_id"), info.get("user_id")) if a
    )
    ident = Identity(Platform.SLACK, ident_id, f"{label} ({kind})", kind, attributes, aliases)
    cred = PlatformCredential(
        Platform.SLACK,
        id=ident_id,
        identity_id=ident_id,
        kind=kind,
        attributes={"rotation": bool(info.get("rotation")), "scopes": scopes},
    )
    return ident, cred, caps


def _junior(
    api: _Api,
    user: str,
    scopes: list[str] | None,
    infos: Sequence[Mapping[str, Any]],
    coverage: list[Skipped],
    settings: Mapping[str, Any],
) -> tuple[Identity | None, set[Capability] | None]:
    where = "slack:baseline"
    user_id = user
    if "@" in user:
        try:
            found, _ = api.call("users.lookupByEmail", email=user)
            user_id = str((found.get("user") or {}).get("id") or "")
        except SlackCallError as exc:
            coverage.append(Skipped(where, f"{exc} looking up {user}", exc.category))
            return Identity(Platform.SLACK, f"user:{user}", user, "user", {"baseline": True}, (user,)), None
    first = next(i for i in infos if i.get("ok"))
    # The same channel types the reading token can list, so both sides are measured alike (DMs excluded).
    types, _ = _readable_types(first.get("scopes"))
    types = [t for t in types if t != "im"]
    channels = _channels(api, types, user_id, first, where, coverage, settings)
    member_scopes = scopes if scopes is not None else list(MEMBER_SCOPES)
    attrs: dict[str, Any] = {
        "baseline": True,
        "scopes": sorted(member_scopes),
        "scopes_source": "botaudit.yaml" if scopes is not None else "regular member defaults",
        "channels_seen_by": first.get("env"),
    }
    ident = Identity(Platform.SLACK, f"user:{user_id}", user, "user", attrs, tuple({user, user_id}))
    if channels is None:
        return ident, None
    caps = scope_capabilities(member_scopes)
    for channel in channels:
        cap = channel_capability(channel)
        if cap is not None:
            caps.add(cap)
    attrs["channels"] = len(channels)
    return ident, caps
