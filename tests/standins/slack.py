"""A local TLS stand-in for the Slack Web API, following the documented shapes.

Every method answers HTTP 200 with `{"ok": true, ...}` or `{"ok": false, "error": "..."}` (missing_scope adds
`needed` and `provided`); the granted scopes come back in the `x-oauth-scopes` header; collections page with
`cursor` / `limit` and `response_metadata.next_cursor` ("" on the last page); rate limits are HTTP 429 with
Retry-After (injected with `inject`). The token arrives as `Authorization: Bearer` (slack_sdk) or a `token`
parameter. Only read methods exist here: any other method answers `unknown_method`, and the log shows it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from werkzeug.wrappers import Request, Response

from tests.standins.tls import TlsStandIn

READ_METHODS = frozenset(
    {"auth.test", "users.info", "bots.info", "users.conversations", "users.lookupByEmail"}
)
TYPE_SCOPES = {
    "public_channel": "channels:read",
    "private_channel": "groups:read",
    "mpim": "mpim:read",
    "im": "im:read",
}


@dataclass
class SlackToken:
    user_id: str
    scopes: list[str]
    bot_id: str | None = None
    enterprise_install: bool = False


@dataclass
class Channel:
    id: str
    name: str
    private: bool = False
    mpim: bool = False
    im: bool = False
    archived: bool = False
    members: set[str] = field(default_factory=set)


@dataclass
class SlackWorkspace:
    team_id: str
    team: str
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    bots: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels: list[Channel] = field(default_factory=list)
    tokens: dict[str, SlackToken] = field(default_factory=dict)

    def add_user(self, uid: str, name: str, *, email: str | None = None, **flags: Any) -> None:
        self.users[uid] = {
            "id": uid,
            "team_id": self.team_id,
            "name": name,
            "real_name": name.replace(".", " ").title(),
            "deleted": False,
            "is_bot": False,
            "is_admin": False,
            "is_owner": False,
            "profile": {"email": email} if email else {},
            **flags,
        }


def _cursor(n: int) -> str:
    return base64.b64encode(f"offset:{n}".encode()).decode()


def _offset(cursor: str) -> int | None:
    if not cursor:
        return 0
    try:
        return int(base64.b64decode(cursor).decode().split(":", 1)[1])
    except (ValueError, IndexError):
        return None


class SlackStandIn(TlsStandIn):
    """The Web API at `/api/<method>`."""

    def __init__(self, workspace: SlackWorkspace) -> None:
        super().__init__()
        self.workspace = workspace

    @property
    def api_url(self) -> str:
        return self.base + "/api/"

    def settings(self, **extra: Any) -> dict[str, Any]:
        return {"api_url": self.api_url, "ca_bundle": self.ca_bundle, **extra}

    def route(self, request: Request) -> Response:
        method = request.path.removeprefix("/api/")
        args = {**request.args.to_dict(), **request.form.to_dict()}
        auth = request.headers.get("Authorization", "")
        raw = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else args.get("token", "")
        if method not in READ_METHODS:
            return self.json(200, {"ok": False, "error": "unknown_method"})
        if not raw:
            return self.json(200, {"ok": False, "error": "not_authed"})
        token = self.workspace.tokens.get(raw)
        if token is None:
            return self.json(200, {"ok": False, "error": "invalid_auth"})
        headers = {"x-oauth-scopes": ",".join(token.scopes)}
        body = getattr(self, "_" + method.replace(".", "_"))(token, args)
        if body.get("error") == "missing_scope":
            body["provided"] = ",".join(token.scopes)
        headers["x-accepted-oauth-scopes"] = body.pop("_accepted", "")
        return self.json(200, body, headers)

    def _need(self, token: SlackToken, scope: str) -> dict[str, Any] | None:
        if scope in token.scopes:
            return None
        return {"ok": False, "error": "missing_scope", "needed": scope}

    def _auth_test(self, token: SlackToken, _args: dict[str, str]) -> dict[str, Any]:
        w = self.workspace
        user = w.users[token.user_id]
        body = {
            "ok": True,
            "url": f"https://{w.team.lower()}.slack.com/",
            "team": w.team,
            "user": user["name"],
            "team_id": w.team_id,
            "user_id": token.user_id,
            "is_enterprise_install": token.enterprise_install,
        }
        if token.bot_id:
            body["bot_id"] = token.bot_id
        return body

    def _users_info(self, token: SlackToken, args: dict[str, str]) -> dict[str, Any]:
        if (denied := self._need(token, "users:read")) is not None:
            return denied
        user = self.workspace.users.get(args.get("user", ""))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        shown = dict(user)
        if "users:read.email" not in token.scopes:
            shown["profile"] = {k: v for k, v in user["profile"].items() if k != "email"}
        return {"ok": True, "user": shown}

    def _bots_info(self, token: SlackToken, args: dict[str, str]) -> dict[str, Any]:
        if (denied := self._need(token, "users:read")) is not None:
            return denied
        bot = self.workspace.bots.get(args.get("bot", ""))
        return {"ok": True, "bot": bot} if bot else {"ok": False, "error": "bot_not_found"}

    def _users_lookupByEmail(self, token: SlackToken, args: dict[str, str]) -> dict[str, Any]:  # noqa: N802
        if (denied := self._need(token, "users:read.email")) is not None:
            return denied
        for user in self.workspace.users.values():
            if user["profile"].get("email") == args.get("email"):
                return {"ok": True, "user": user}
        return {"ok": False, "error": "users_not_found"}

    def _users_conversations(self, token: SlackToken, args: dict[str, str]) -> dict[str, Any]:
        types = [t for t in (args.get("types") or "public_channel").split(",") if t]
        for t in types:
            if t not in TYPE_SCOPES:
                return {"ok": False, "error": "invalid_types"}
            if (denied := self._need(token, TYPE_SCOPES[t])) is not None:
                return denied
        try:
            limit = int(args.get("limit", "100"))
        except ValueError:
            return {"ok": False, "error": "invalid_limit"}
        if not 1 <= limit <= 1000:
            return {"ok": False, "error": "invalid_limit"}
        start = _offset(args.get("cursor", ""))
        if start is None:
            return {"ok": False, "error": "invalid_cursor"}
        who = args.get("user") or token.user_id
        exclude_archived = args.get("exclude_archived") in ("true", "1")

        def kind(c: Channel) -> str:
            return (
                "im" if c.im else "mpim" if c.mpim else "private_channel" if c.private else "public_channel"
            )

        visible = [
            c
            for c in self.workspace.channels
            if who in c.members
            and kind(c) in types
            and not (exclude_archived and c.archived)
            # Another user's non-public channels only where the caller shares membership (documented).
            and (who == token.user_id or kind(c) == "public_channel" or token.user_id in c.members)
        ]
        page = visible[start : start + limit]
        end = start + len(page)
        return {
            "ok": True,
            "channels": [
                {
                    "id": c.id,
                    "name": c.name,
                    "is_channel": kind(c) == "public_channel",
                    "is_group": kind(c) == "private_channel",
                    "is_im": c.im,
                    "is_mpim": c.mpim,
                    "is_private": c.private or c.mpim or c.im,
                    "is_archived": c.archived,
                }
                for c in page
            ],
            "response_metadata": {"next_cursor": _cursor(end) if end < len(visible) else ""},
        }


# ----- the demo workspace (also written to sample_configs/snapshots/slack.json) ---
DEMO_TEAM_ID = "T04ACMEDEMO"
DEMO_JUNIOR_ID = "U07JUNIOR01"
# The bot token in sample_configs/salesops-slackbot/.env.
DEMO_BOT_TOKEN = "xoxb-541882002087-2335525137790-5srpS9wg1QlRRLiiRejeKx0g"
DEMO_BOT_USER = "U05SALESOPS"
DEMO_BOT_ID = "B05SALESOPS"
DEMO_APP_ID = "A05SALESOPS"
DEMO_BOT_SCOPES = [
    "app_mentions:read",
    "channels:history",
    "channels:read",
    "chat:write",
    "chat:write.customize",
    "commands",
    "groups:history",
    "groups:read",
    "im:read",
    "mpim:read",
    "users:read",
]


def demo_workspace() -> SlackWorkspace:
    """acme-demo: the SalesOps bot sits in #general, #sales and two private channels the junior is not in
    (#deals-war-room, #exec-comp), and can post under any name (chat:write.customize); no token rotation."""
    w = SlackWorkspace(DEMO_TEAM_ID, "Acme Demo")
    w.add_user(DEMO_JUNIOR_ID, "junior.rep", email="junior.rep@acme-demo.example")
    w.add_user("U01DANAENG", "dana.eng", email="dana.eng@acme-demo.example", is_admin=True)
    w.add_user(DEMO_BOT_USER, "salesops", is_bot=True)
    w.bots[DEMO_BOT_ID] = {"id": DEMO_BOT_ID, "app_id": DEMO_APP_ID, "name": "SalesOps Bot", "deleted": False}
    everyone = {DEMO_JUNIOR_ID, "U01DANAENG", DEMO_BOT_USER}
    w.channels += [
        Channel("C01GENERAL", "general", members=set(everyone)),
        Channel("C02SALES", "sales", members=set(everyone)),
        Channel("C03RANDOM", "random", members={DEMO_JUNIOR_ID, "U01DANAENG"}),
        Channel("G04DEALS", "deals-war-room", private=True, members={"U01DANAENG", DEMO_BOT_USER}),
        Channel("G05EXECCOMP", "exec-comp", private=True, members={"U01DANAENG", DEMO_BOT_USER}),
        Channel("G06SALESTEAM", "sales-team", private=True, members=set(everyone)),
    ]
    w.tokens[DEMO_BOT_TOKEN] = SlackToken(DEMO_BOT_USER, list(DEMO_BOT_SCOPES), bot_id=DEMO_BOT_ID)
    return w


def scale_workspace(channels: int) -> tuple[SlackWorkspace, str]:
    """A workspace of `channels` channels (one in ten private); the bot is in every one, the junior in one in
    four. Returns the workspace and the bot's token."""
    w = demo_workspace()
    w.channels = []
    for n in range(channels):
        private = n % 10 == 0
        members = {DEMO_BOT_USER}
        if n % 4 == 0:
            members.add(DEMO_JUNIOR_ID)
        w.channels.append(
            Channel(f"{'G' if private else 'C'}9{n:07d}", f"chan-{n}", private=private, members=members)
        )
    return w, DEMO_BOT_TOKEN
