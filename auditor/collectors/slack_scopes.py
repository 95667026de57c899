"""Slack scopes as botaudit models them, shared by the live collector and the app-manifest code collector.

Pure data and functions (no SDK): a static scan that reads a Slack app manifest never loads slack_sdk.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditor.model import AccessLevel, Capability, Platform

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


# Sign in with Slack: the OpenID Connect scopes, and the legacy `identity.*` ones. A user token with only
# these is each person's own sign-in: it reads that person's name, email and avatar, and nothing in the
# workspace.
SIGN_IN_SCOPES = frozenset(
    {"openid", "email", "profile", "identity.basic", "identity.email", "identity.avatar", "identity.team"}
)


def signs_in_only(scopes: Sequence[str] | None) -> bool:
    """Whether a token's scopes are known, and are Sign in with Slack's alone."""
    return bool(scopes) and all(str(s) in SIGN_IN_SCOPES for s in scopes or ())


def scope_level(scope: str) -> AccessLevel:
    """admin* -> admin; anything that writes, manages or customises -> write; the rest read."""
    if scope == "admin" or scope.startswith("admin."):
        return AccessLevel.ADMIN
    if any(word in scope for word in ("write", "manage", "customize")):
        return AccessLevel.WRITE
    return AccessLevel.READ


def scope_capabilities(scopes: Sequence[str]) -> set[Capability]:
    return {Capability(Platform.SLACK.value, "workspace", s, scope_level(s)) for s in scopes}
