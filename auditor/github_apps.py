"""GitHub App registrations: what makes a document one, and what its declared permissions reach.

Shared by the extractor (`extract/manifests.py`: the agent hint) and the code collector
(`collectors/code/github_app.py`: the identity), so a file is an app for both or for neither. Facts from
GitHub's documentation of app permissions and of registering an app from a manifest; no SDK.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from auditor.model import AccessLevel, Capability, Platform

LEVELS: Mapping[str, AccessLevel] = {
    "read": AccessLevel.READ,
    "write": AccessLevel.WRITE,
    "admin": AccessLevel.ADMIN,
}
# Keys beside `default_permissions` that only a GitHub App registration has (Probot's app.yml, the manifest
# flow's JSON): a `default_permissions` map alone could be another tool's.
REGISTRATION_KEYS = ("default_events", "hook_attributes", "redirect_url", "callback_urls", "setup_url")
# Probot's registration defaults live in a file of this name.
REGISTRATION_FILES = ("app.yml", "app.yaml")
_PERMISSION_NAME = re.compile(r"[a-z][a-z_]{1,60}")
# `default_permissions: write-all` (or read-all): every permission the app may ask for, at that level.
ALL = "*"
ALL_PERMISSIONS: Mapping[str, str] = {"read-all": "read", "write-all": "write"}

# Organization permissions (the rest of a registration's permissions are repository permissions, granted on
# every repository of an installation, and a few account permissions, granted by each user who authorises
# the app). Names as GitHub's REST API and manifests spell them.
ORGANIZATION_PERMISSIONS = frozenset(
    {
        "members",
        "organization_administration",
        "organization_announcement_banners",
        "organization_copilot_seat_management",
        "organization_custom_org_roles",
        "organization_custom_properties",
        "organization_custom_roles",
        "organization_events",
        "organization_hooks",
        "organization_packages",
        "organization_personal_access_token_requests",
        "organization_personal_access_tokens",
        "organization_plan",
        "organization_projects",
        "organization_secrets",
        "organization_self_hosted_runners",
        "organization_user_blocking",
        "team_discussions",
    }
)
ACCOUNT_PERMISSIONS = frozenset(
    {
        "blocking",
        "codespaces_user_secrets",
        "copilot_messages",
        "email_addresses",
        "followers",
        "git_ssh_keys",
        "gpg_keys",
        "interaction_limits",
        "plan",
        "profile",
        "starring",
        "watching",
    }
)
# Permissions whose write access controls the repository or organisation itself rather than its content:
# settings and branch protection, membership, workflows (which run with the repository's secrets), secrets,
# webhooks, runners. Ranked as admin in reach.
CONTROL_PERMISSIONS = frozenset(
    {
        "administration",
        "organization_administration",
        "members",
        "workflows",
        "secrets",
        "organization_secrets",
        "repository_hooks",
        "organization_hooks",
        "organization_self_hosted_runners",
        "organization_custom_roles",
        "organization_personal_access_tokens",
        "environments",
    }
)


def registration_permissions(data: Any, rel: str) -> dict[str, str] | None:
    """The declared permissions ({name: level}, sorted) when `data` is a GitHub App registration: a Probot
    `app.yml` or an app manifest (`default_permissions` naming permissions by GitHub's snake_case names at
    read, write or admin, or `read-all` / `write-all` as `{"*": level}`, beside a registration's own keys or
    in a file named app.yml). None for anything
    else (a repository's `.github/settings.yml`, another tool's app.yml)."""
    if not isinstance(data, Mapping):
        return None
    permissions = data.get("default_permissions")
    if isinstance(permissions, str) and permissions in ALL_PERMISSIONS:
        # Probot's shorthand: every permission at that level (`*` below).
        levels = {ALL: ALL_PERMISSIONS[permissions]}
    elif not isinstance(permissions, Mapping) or not permissions:
        return None
    else:
        levels = {str(k): str(v).lower() for k, v in permissions.items()}
    if not all(k == ALL or _PERMISSION_NAME.fullmatch(k) for k in levels) or not all(
        v in LEVELS for v in levels.values()
    ):
        return None
    if rel.rsplit("/", 1)[-1].lower() not in REGISTRATION_FILES and not any(
        k in data for k in REGISTRATION_KEYS
    ):
        return None
    return dict(sorted(levels.items()))


def scope_of(permission: str) -> str:
    """`organization`, `account` or `repository`: where a permission applies."""
    if permission in ORGANIZATION_PERMISSIONS:
        return "organization"
    if permission in ACCOUNT_PERMISSIONS:
        return "account"
    return "repository"


def capabilities(permissions: Mapping[str, str]) -> set[Capability]:
    """What an installation token of an app with these permissions can do, before installation decides where:
    repository permissions on every repository of the installation (`repo:*`), organization permissions on
    the organization it is installed on (`org:*`), account permissions on each authorising user (`user:*`).
    Write on a control permission (or on all of them, `write-all`) ranks as admin; metadata (read by every
    app) as list."""
    resources = {"repository": "repo:*", "organization": "org:*", "account": "user:*"}
    out: set[Capability] = set()
    for name, value in permissions.items():
        level = LEVELS.get(value)
        if level is None:
            continue
        if (name in CONTROL_PERMISSIONS or name == ALL) and level is AccessLevel.WRITE:
            level = AccessLevel.ADMIN
        elif name == "metadata" and level is AccessLevel.READ:
            level = AccessLevel.LIST
        where = ("repository", "organization") if name == ALL else (scope_of(name),)
        out.update(Capability(Platform.GITHUB.value, resources[w], name, level) for w in where)
    return out
