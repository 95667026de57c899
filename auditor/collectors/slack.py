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
from auditor.collectors.interface import CollectRequest, FoundToken
from auditor.collectors.paging import follow_pages
from auditor.collectors.record import Record
from auditor.collectors.retry import (
    MAX_WAIT,
    RETRY_STATUSES,
    RequestCounter,
    backoff_delay,
    parse_retry_after,
    worth_waiting,
)
from auditor.collectors.slack_scopes import MEMBER_SCOPES, scope_capabilities, scope_level  # noqa: F401 (public)
from auditor.collectors.transport import Budget
from auditor.errors import CollectorError
from auditor.model import AccessLevel, Capability, Identity, Platform, PlatformCredential, Snapshot
from auditor.progress import ProgressSink
from auditor.redact import DEFAULT_FINGERPRINT_KEY, fingerprint, scrub

DEFAULT_API_URL = "https://slack.com/api/"
PAGE_LIMIT = 999
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


def token_type(token: str) -> tuple[str, bool, str]:
    """(token type, rotation on, detector kind) from the documented prefix."""
    for prefix, kind, rotating, detector_kind in TOKEN_PREFIXES:
        if token.startswith(prefix):
            return kind, rotating, detector_kind
    return "unknown_token", False, "slack_token"


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
    """slack_sdk's retry hook under the shared retry policy (auditor.collectors.retry), counting round trips.

    slack_sdk consults the (only) handler once per attempt, success or not, which makes it the place to count
    round trips without patching the SDK. 429 and 5xx answers and transport errors are retried after the
    answer's Retry-After (else the shared backoff); a wait beyond MAX_WAIT or the platform's remaining budget
    is not waited for, so the call fails as throttled coverage. Waits go through an injectable sleep.
    """

    def __init__(
        self,
        counter: RequestCounter,
        max_retry_count: int,
        sleep: Callable[[float], None],
        budget: Budget,
    ) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.counter = counter
        self._sleep = sleep
        self._budget = budget

    def can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        self.counter.hit()
        if state.current_attempt >= self.max_retry_count:
            return False
        if not self._can_retry(state=state, request=request, response=response, error=error):
            return False
        return worth_waiting(self._delay(state, response), MAX_WAIT, self._budget.remaining)

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
        return response.status_code in RETRY_STATUSES

    @staticmethod
    def _delay(state: RetryState, response: HttpResponse | None) -> float:
        if response is not None:
            wait = parse_retry_after(_header(response.headers, "retry-after"))
            if wait is not None:
                return wait
        return backoff_delay(state.current_attempt, base_delay=0.5)

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        state.next_attempt_requested = True
        self.counter.retries += 1
        self._sleep(self._delay(state, response))
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
        if self.code in ("budget", "timeout"):
            return self.code
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
    budget: Budget

    def call(self, method: str, **params: Any) -> tuple[dict[str, Any], Mapping[str, Any]]:
        # slack_sdk sends with urllib, so transport.DeadlineAdapter cannot watch its sockets: each call's
        # timeout is cut to the request deadline and no call starts once the platform's budget is spent.
        if self.budget.exhausted:
            raise SlackCallError(method, "budget", f"platform time budget of {self.budget.seconds:g} s spent")
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
        except TimeoutError as exc:
            raise SlackCallError(method, "timeout", type(exc).__name__) from None
        except OSError as exc:
            raise SlackCallError(method, "unreachable", type(exc).__name__) from None
        data = response.data if isinstance(response.data, dict) else {}
        return data, response.headers

    def pages(self, method: str, key: str, **params: Any) -> Iterator[list[dict[str, Any]]]:
        """The `key` list of every page of a cursor-paged method (response_metadata.next_cursor)."""

        def page(cursor: str) -> dict[str, Any]:
            data, _ = self.call(method, **params, limit=PAGE_LIMIT, **({"cursor": cursor} if cursor else {}))
            if not isinstance(data.get(key), list):
                raise SlackCallError(method, "malformed", f"no {key!r} list in the answer")
            return data

        def next_of(data: dict[str, Any]) -> str | None:
            meta = data.get("response_metadata")
            cursor = meta.get("next_cursor") if isinstance(meta, Mapping) else None
            return str(cursor) if cursor else None

        for data in follow_pages(
            page(""),
            next_of,
            page,
            too_many=lambda n: SlackCallError(method, "malformed", f"more than {n} pages"),
        ):
            yield [i for i in data[key] if isinstance(i, dict)]


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
        coverage = Record("slack")
        for name in envs[1:]:
            if not environ.get(name):
                # A configured token that is not there: what it reaches is unknown, not empty.
                coverage.lost(
                    f"token {name}", f"environment variable {name} is not set", "not_found", part="tokens"
                )
        found = list(request.found_tokens)
        if not tokens and not found:
            raise CollectorError(f"slack: no token (set {main_env} or collectors.slack.tokens_env)")
        secrets = [t for _, t in tokens] + [t.value for t in found]
        fp_key = request.fingerprint_key or DEFAULT_FINGERPRINT_KEY
        counter = RequestCounter()
        budget = request.budget()
        try:
            context = (
                ssl.create_default_context(cafile=str(settings["ca_bundle"]))
                if settings.get("ca_bundle")
                else None
            )
        except (OSError, ssl.SSLError) as exc:
            raise CollectorError(f"slack: cannot read ca_bundle {settings['ca_bundle']!r} ({exc})") from None
        logger = logging.getLogger("botaudit.slack_sdk")
        logger.addHandler(logging.NullHandler())
        logger.propagate = False

        def api(token: str) -> _Api:
            handler = _CountingRetry(counter, max(0, request.max_retries), self._sleep, budget)
            client = WebClient(
                token=token,
                base_url=api_url,
                ssl=context,
                timeout=int(max(1, min(request.timeout, request.request_deadline))),
                retry_handlers=[handler],
                logger=logger,
            )
            return _Api(client, budget)

        progress.start("slack", total=None)
        try:
            infos = []
            for env_name, token in tokens:
                infos.append(_introspect(api(token), env_name, token, fp_key, coverage, settings))
                progress.advance("slack")
            # Found tokens (--introspect-found): the same read-only calls, once per token (one that is also
            # configured was introspected above), counted and bounded like every other call.
            used = list(tokens)
            seen = {str(i["fp"]) for i in infos}
            for item in found:
                if item.fingerprint in seen:
                    continue
                seen.add(item.fingerprint)
                infos.append(_introspect(api(item.value), "", item.value, fp_key, coverage, settings, item))
                used.append(("", item.value))
                progress.advance("slack")
            if not any(i.get("ok") for i in infos):
                if found and any(i.get("invalid") for i in infos) and not tokens:
                    # Every token was a found one and Slack refused them all: an answer, not a failure.
                    return self._refused(clock, coverage, api_url, counter, infos)
                reasons = "; ".join(str(i.get("error")) for i in infos)
                raise CollectorError(scrub(f"slack: no token could be read ({reasons})", secrets))
            reader = next((api(t) for (_, t), i in zip(used, infos, strict=True) if i.get("ok")), None)
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
        facts = _found_facts(infos) if found else {}
        return Snapshot(
            platform=Platform.SLACK,
            collected_at=clock.now(),
            source=f"slack:{first.get('team_id')} ({first.get('team')})",
            identities=tuple(identities),
            credentials=tuple(credentials),
            reach=reach,
            baseline=baseline_id,
            coverage=tuple(coverage.coverage),
            unread=tuple(coverage.unread),
            facts={
                "api_url": api_url,
                "team_id": first.get("team_id"),
                "team": first.get("team"),
                "enterprise_id": first.get("enterprise_id"),
                **facts,
            },
            requests=counter.count,
        )

    @staticmethod
    def _refused(
        clock: Clock,
        coverage: Record,
        api_url: str,
        counter: RequestCounter,
        infos: Sequence[Mapping[str, Any]],
    ) -> Snapshot:
        """Only found tokens, all refused: no identity, each refusal in coverage, nothing left unread."""
        return Snapshot(
            platform=Platform.SLACK,
            collected_at=clock.now(),
            source="slack",
            coverage=tuple(coverage.coverage),
            unread=tuple(coverage.unread),
            facts={"api_url": api_url, **_found_facts(infos)},
            requests=counter.count,
        )


def _found_facts(infos: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """How many found tokens were introspected, and the fingerprints Slack refused (for the join notes)."""
    return {
        "found_tokens": {
            "introspected": sum(1 for i in infos if i.get("found_at")),
            "invalid": sorted(str(i["fp"]) for i in infos if i.get("invalid")),
        }
    }


def _readable_types(scopes: Sequence[str] | None) -> tuple[list[str], list[str]]:
    """(channel types the token may list, types it may not) from its scopes; unknown scopes: try all."""
    wanted = ["public_channel", "private_channel", "mpim", "im"]
    if scopes is None:
        return wanted, []
    granted = set(scopes)
    ok = [t for t in wanted if CHANNEL_TYPE_SCOPES[t] in granted or "read" in granted]
    return ok, [t for t in wanted if t not in ok]


def _introspect(
    api: _Api,
    env_name: str,
    token: str,
    fp_key: str,
    coverage: Record,
    settings: Mapping[str, Any],
    found: FoundToken | None = None,
) -> dict[str, Any]:
    kind, rotating, detector_kind = token_type(token)
    info: dict[str, Any] = {
        "env": None if found else env_name,
        "type": kind,
        "rotation": rotating,
        "ok": False,
    }
    # A found token keeps the fingerprint its finding has, so its identity joins that finding.
    info["fp"] = found.fingerprint if found else fingerprint(detector_kind, token, fp_key)
    if found:
        info["found_at"] = found.where
    where = f"token found at {found.where}" if found else f"token {env_name}"
    subject = f"token:{info['fp']}"
    try:
        data, headers = api.call("auth.test")
    except SlackCallError as exc:
        if found is not None and exc.category == "auth_failed":
            coverage.token_refused(where, f"auth.test: {exc.code}", "Slack")
            info["invalid"] = True
        else:
            coverage.lost(where, f"auth.test: {exc.code}", exc.category, part="tokens", subject=subject)
        info["error"] = f"{found.where if found else env_name}: {exc.code}"
        return info
    raw_scopes = _header(headers, "x-oauth-scopes")
    scopes = (
        sorted({s.strip() for s in raw_scopes.split(",") if s.strip()}) if raw_scopes is not None else None
    )
    if scopes is None:
        coverage.lost(
            where,
            "no x-oauth-scopes header: scopes unknown",
            "partial",
            part="scopes",
            subject=subject,
            affects_reach=True,
        )
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
            # Who owns a token decides BA-701 (a person's token on a shared bot): unknown, not "a bot".
            coverage.lost(where, str(exc), exc.category, part="token_owner", subject=subject)
    if info.get("bot_id"):
        try:
            bot, _ = api.call("bots.info", bot=str(info["bot_id"]))
            b = bot.get("bot") or {}
            info["app_id"] = b.get("app_id")
            info["bot_name"] = b.get("name")
        except SlackCallError as exc:
            coverage.skip(where, str(exc), exc.category)  # the app id is a join alias, not reach
    types, unread = _readable_types(scopes)
    info["unread_channel_types"] = unread
    if unread:
        reason = "channel types not listed for lack of a read scope: " + ", ".join(
            f"{t} (needs {CHANNEL_TYPE_SCOPES[t]})" for t in unread
        )
        if set(unread) - {"im"}:
            # Membership of channels it cannot list is unknown (history scopes may still read them).
            coverage.lost(
                where, reason, "access_denied", part="channels", subject=subject, affects_reach=True
            )
        else:
            coverage.skip(where, reason, "access_denied")  # DMs are not counted as reach
    info["channels"] = _channels(api, types, None, info, where, coverage, settings, "channels", subject)
    return info


def _channels(
    api: _Api,
    types: Sequence[str],
    user: str | None,
    info: Mapping[str, Any],
    where: str,
    coverage: Record,
    settings: Mapping[str, Any],
    part: str,
    subject: str,
) -> list[dict[str, Any]] | None:
    """The channels `user` (else the token itself) is in, or None with an unread part when not listable."""
    if not types:
        return []
    params: dict[str, Any] = {"types": ",".join(types), "exclude_archived": "true"}
    if user:
        params["user"] = user
    if info.get("install") == "org":
        team = settings.get("team_id")
        if not team:
            coverage.lost(
                where,
                "org-wide install: set collectors.slack.team_id to list channels",
                "not_read",
                part=part,
                subject=subject,
                affects_reach=True,
            )
            return None
        params["team_id"] = str(team)
    try:
        return [c for page in api.pages("users.conversations", "channels", **params) for c in page]
    except SlackCallError as exc:
        coverage.lost(where, str(exc), exc.category, part=part, subject=subject, affects_reach=True)
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
        **({"found_at": info["found_at"]} if info.get("found_at") else {}),
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
    coverage: Record,
    settings: Mapping[str, Any],
) -> tuple[Identity | None, set[Capability] | None]:
    where = "baseline"
    user_id = user
    if "@" in user:
        try:
            found, _ = api.call("users.lookupByEmail", email=user)
            user_id = str((found.get("user") or {}).get("id") or "")
            if not user_id:
                raise SlackCallError("users.lookupByEmail", "malformed", "no user id in the answer")
        except SlackCallError as exc:
            coverage.lost(
                where,
                f"{exc} looking up {user}",
                exc.category,
                part="baseline_channels",
                subject=f"user:{user}",
                affects_reach=True,
            )
            return Identity(Platform.SLACK, f"user:{user}", user, "user", {"baseline": True}, (user,)), None
    first = next(i for i in infos if i.get("ok"))
    # The same channel types the reading token can list, so both sides are measured alike (DMs excluded).
    types, _ = _readable_types(first.get("scopes"))
    types = [t for t in types if t != "im"]
    ident_id = f"user:{user_id}"
    channels = _channels(api, types, user_id, first, where, coverage, settings, "baseline_channels", ident_id)
    member_scopes = scopes if scopes is not None else list(MEMBER_SCOPES)
    attrs: dict[str, Any] = {
        "baseline": True,
        "scopes": sorted(member_scopes),
        "scopes_source": "botaudit.yaml" if scopes is not None else "regular member defaults",
        "channels_seen_by": first.get("env") or first.get("found_at"),
    }
    ident = Identity(Platform.SLACK, ident_id, user, "user", attrs, tuple(dict.fromkeys((user, user_id))))
    if channels is None:
        return ident, None
    caps = scope_capabilities(member_scopes)
    for channel in channels:
        cap = channel_capability(channel)
        if cap is not None:
            caps.add(cap)
    attrs["channels"] = len(channels)
    return ident, caps
