"""Slack app manifests (`manifest.json` / `manifest.yaml`, JSON or YAML) -> the Slack collector's model.

A manifest declares what the app's tokens will be once installed: a bot token with the
`oauth_config.scopes.bot` scopes, a user token with the `user` scopes, token rotation
(`settings.token_rotation_enabled`), an org-wide install (`org_deploy_enabled`) and Socket Mode. Each declared
token becomes an Identity of the same kind and attributes the live collector gives a token (`bot_token` /
`user_token`, `rotation`, `scopes`, `install`, `owner`), with the same scope capabilities, so BA-701..705
judge it unchanged. What only a live workspace knows (channels, the owner's name, ids) stays unknown:
`channels_known` is False, so BA-705 says not evaluated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from auditor.collectors.code.interface import Declarations, line_of, provenance
from auditor.collectors.slack_scopes import MEMBER_SCOPES, scope_capabilities, signs_in_only
from auditor.model import Identity, Platform, PlatformCredential


def read_manifest(text: str) -> Mapping[str, Any] | None:
    """The manifest as data, or None when the file is not a Slack app manifest (or cannot be parsed)."""
    try:
        data = json.loads(text) if text.lstrip().startswith("{") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    if not isinstance(data, Mapping) or not isinstance(data.get("oauth_config"), Mapping):
        return None
    if not ("display_information" in data or "features" in data or "settings" in data):
        return None
    return data


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _scopes(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, Sequence) or isinstance(value, bytes | bytearray):
        return []
    return sorted({str(s).strip() for s in value if str(s).strip()})


def _line(text: str, key: str, after: int = 0) -> int | None:
    """1-based line of the first `key:` (YAML) or `"key":` (JSON) at or after offset `after`."""
    match = re.compile(rf"""(?m)^[ \t]*["']?{re.escape(key)}["']?[ \t]*:""").search(text, after)
    if match is None:
        match = re.compile(rf""""{re.escape(key)}"[ \t]*:""").search(text, after)
    return line_of(text, match.start()) if match else None


def _offset(text: str, key: str) -> int:
    match = re.search(rf"""["']?{re.escape(key)}["']?[ \t]*:""", text)
    return match.start() if match else 0


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "slack-app"


def add_manifest(decl: Declarations, data: Mapping[str, Any], text: str, rel: str) -> None:
    """The tokens one manifest declares, as Slack identities with reach and credentials."""
    display = _mapping(data.get("display_information"))
    bot_user = _mapping(_mapping(data.get("features")).get("bot_user"))
    oauth = _mapping(data.get("oauth_config"))
    scopes = _mapping(oauth.get("scopes"))
    settings = _mapping(data.get("settings"))
    app = str(display.get("name") or bot_user.get("display_name") or rel.rsplit("/", 1)[-1])
    # Rotation is off unless the manifest turns it on (Slack's default): a token that works until revoked.
    rotation = settings.get("token_rotation_enabled") is True
    install = "org" if settings.get("org_deploy_enabled") is True else "workspace"
    oauth_at = _offset(text, "oauth_config")
    rotation_line = _line(text, "token_rotation_enabled")
    declared = {"bot": _scopes(scopes.get("bot")), "user": _scopes(scopes.get("user"))}
    facts = decl.facts.setdefault("slack_apps", [])
    facts.append(
        {
            "app": app,
            "path": rel,
            "token_rotation_enabled": rotation,
            "org_deploy_enabled": install == "org",
            "socket_mode_enabled": settings.get("socket_mode_enabled") is True,
            "bot_scopes": declared["bot"],
            "user_scopes": declared["user"],
        }
    )
    decl.files.add(rel)
    for which, kind in (("bot", "bot_token"), ("user", "user_token")):
        granted = declared[which]
        if not granted and not (which == "bot" and bot_user):
            continue
        # Anchor where the fix goes: the scope list, or the rotation switch when the scopes are harmless.
        line = _line(text, which, oauth_at) or _line(text, "oauth_config") or 1
        ident_id = f"slack_app:{_slug(app)}:{which}"
        owner: dict[str, Any] = (
            {"name": str(bot_user.get("display_name") or app), "is_bot": True}
            if which == "bot"
            # Sign in with Slack's scopes alone: each person who signs in gets a token of their own.
            else {"name": "each user who signs in", "is_bot": False}
            if signs_in_only(granted)
            # A user token acts as whoever installs the app: a person, with that person's access.
            else {"name": "the installing user", "is_bot": False}
        )
        attributes: dict[str, Any] = {
            "token_type": kind,
            "env": None,
            "rotation": rotation,
            "scopes": granted,
            "user_id": None,
            "bot_id": None,
            "app_id": None,
            "team_id": None,
            "enterprise_id": None,
            "install": install,
            "owner": owner,
            "channels": None,
            "channels_known": False,
            "unread_channel_types": [],
            "private_channels": [],
            "socket_mode": settings.get("socket_mode_enabled") is True,
            "app": app,
            "rotation_line": rotation_line,
            "provenance": provenance(rel, line, f"slack_app:{app}:{which}"),
        }
        # Named like the live collector names an installed app's token (the app's name and the token type),
        # so reconciliation joins the two when a snapshot covers the same app.
        aliases = [f"{app} ({kind})", ident_id]
        if which == "bot" and bot_user.get("display_name"):
            aliases.append(f"{bot_user['display_name']} ({kind})")
        decl.add(
            Identity(
                Platform.SLACK,
                id=ident_id,
                name=f"{app} ({kind})",
                kind=kind,
                attributes=attributes,
                aliases=tuple(dict.fromkeys(aliases)),
            ),
            scope_capabilities(granted),
        )
        decl.credentials.append(
            PlatformCredential(
                Platform.SLACK,
                id=ident_id,
                identity_id=ident_id,
                kind=kind,
                attributes={
                    "rotation": rotation,
                    "scopes": granted,
                    "provenance": provenance(rel, rotation_line or line, f"slack_app:{app}:{which}"),
                },
            )
        )


def add_baseline(decl: Declarations, baseline: Any) -> None:
    """The junior member named in botaudit.yaml (`baseline.slack`): a regular member's scopes, or the list
    given there. Their channels need a workspace, so only the scope side of the gap exists offline."""
    if isinstance(baseline, Mapping):
        user, listed = baseline.get("user"), baseline.get("scopes")
    else:
        user, listed = baseline, None
    if not isinstance(user, str) or not user.strip():
        return
    member = _scopes(listed) if listed else list(MEMBER_SCOPES)
    ident_id = f"user:{user.strip()}"
    decl.add(
        Identity(
            Platform.SLACK,
            id=ident_id,
            name=user.strip(),
            kind="user",
            attributes={
                "baseline": True,
                "scopes": sorted(member),
                "scopes_source": "botaudit.yaml" if listed else "regular member defaults",
                # Built from botaudit.yaml, not declared by the repository: never compared for drift.
                "synthetic": True,
                "provenance": {"source": "code", "path": "botaudit.yaml", "line": 0},
            },
            aliases=(user.strip(),),
        ),
        scope_capabilities(member),
    )
    decl.baseline = ident_id
