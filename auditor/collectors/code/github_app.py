"""GitHub App registrations (Probot's `app.yml`, an app manifest's JSON) -> the GitHub collector's model.

A registration declares what the app's installation tokens will carry once installed: `default_permissions`
(repository, organization and account permissions at read, write or admin) on every repository of each
installation. The live collector sees such a token as an identity of kind `app_installation_token` whose
permissions it cannot read; here the permissions are known and the repositories are not. So the identity has
the live kind and attribute names, the permissions as reach (`repo:*`, `org:*`, `user:*`, see
`auditor.github_apps.capabilities`), and `repositories_known` False: which repositories an installation
covers, and their branch protection, exist only on GitHub.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

from auditor.collectors.code.interface import Declarations, line_of, provenance
from auditor.github_apps import capabilities, registration_permissions, scope_of
from auditor.model import Identity, Platform, PlatformCredential

KIND = "app_installation_token"  # the live collector's kind for an app's installation token


def read_registration(text: str, rel: str) -> tuple[Mapping[str, Any], dict[str, str]] | None:
    """The registration and its permissions, or None when the file is not one (or cannot be parsed)."""
    try:
        data = json.loads(text) if text.lstrip().startswith("{") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    permissions = registration_permissions(data, rel)
    if permissions is None:
        return None
    return data, permissions


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "github-app"


def _line(text: str, key: str) -> int:
    match = re.search(rf"""(?m)^[ \t]*["']?{re.escape(key)}["']?[ \t]*:""", text)
    return line_of(text, match.start()) if match else 1


def add_registration(
    decl: Declarations, data: Mapping[str, Any], permissions: dict[str, str], text: str, rel: str
) -> None:
    """The app one registration declares, as a GitHub identity with reach and a credential."""
    folder = rel.rsplit("/", 2)[-2] if "/" in rel else None
    name = data.get("name")
    app = str(name) if isinstance(name, str) and name else folder or rel
    line = _line(text, "default_permissions")
    ident_id = f"github_app:{_slug(app)}"
    events = data.get("default_events")
    by_scope: dict[str, dict[str, str]] = {}
    for perm, level in permissions.items():
        by_scope.setdefault(scope_of(perm), {})[perm] = level
    public = data.get("public") if isinstance(data.get("public"), bool) else None
    decl.files.add(rel)
    decl.facts.setdefault("github_apps", []).append(
        {"app": app, "path": rel, "permissions": permissions, "public": public}
    )
    attributes: dict[str, Any] = {
        # The live collector's attribute names for an installation token, with what code cannot know unknown.
        "token_type": KIND,
        "env": None,
        "owner": None,
        "owner_type": "Bot",
        "site_admin": False,
        "scopes": None,
        "scopes_known": True,  # an installation token has permissions, not OAuth scopes
        "expires": None,
        "lifetime_seconds": 3600,  # every installation token expires an hour after it is minted
        "org_roles": {},
        "org_roles_known": False,
        "sso_unauthorized_orgs": [],
        "repositories": None,
        "repositories_known": False,
        "push_repositories": None,
        "unprotected_push_repositories": [],
        "unprotected_push_count": 0,
        "protection_unknown_push_count": 0,
        "app": app,
        "permissions": permissions,
        "repository_permissions": by_scope.get("repository", {}),
        "organization_permissions": by_scope.get("organization", {}),
        "account_permissions": by_scope.get("account", {}),
        "events": sorted(str(e) for e in events) if isinstance(events, list) else [],
        "public": public,
        "provenance": provenance(rel, line, f"github_app:{app}"),
    }
    decl.add(
        Identity(
            Platform.GITHUB,
            id=ident_id,
            name=f"{app} ({KIND})",
            kind=KIND,
            attributes=attributes,
            aliases=tuple(dict.fromkeys((app, ident_id))),
        ),
        capabilities(permissions),
    )
    decl.credentials.append(
        PlatformCredential(
            Platform.GITHUB,
            id=ident_id,
            identity_id=ident_id,
            kind=KIND,
            attributes={
                "scopes": None,
                "owner": None,
                "provenance": provenance(rel, line, f"github_app:{app}"),
            },
        )
    )
