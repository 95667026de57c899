"""Entra applications declared in code (aad.manifest.json, Graph application JSON, azuread Terraform) ->
the Entra collector's service-principal Identity model.

`requiredResourceAccess` names permissions by GUID; `graph_permissions.json` maps Microsoft Graph's app-role
(application) and scope (delegated) identifiers to their names. Application permissions an app requests in
code are what an administrator consents to when the app is deployed, so they count as its app-only reach
(each one says whether it was requested or assigned in code).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any

from auditor.clock import parse_time
from auditor.collectors.code.interface import Declarations, provenance
from auditor.model import AccessLevel, Capability, Identity, Platform, PlatformCredential

GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
# First-party resources apps commonly request besides Graph; permissions on them are named by GUID.
KNOWN_RESOURCES = {
    GRAPH_APP_ID: "Microsoft Graph",
    "00000002-0000-0000-c000-000000000000": "Azure Active Directory Graph",
    "00000002-0000-0ff1-ce00-000000000000": "Office 365 Exchange Online",
    "00000003-0000-0ff1-ce00-000000000000": "Office 365 SharePoint Online",
    "797f4846-ba00-4fd7-ba43-dac1f8f63013": "Azure Service Management",
    "e406a681-f3d4-42a8-90b6-c2b029497af1": "Azure Storage",
    "cfa8b339-82a2-471a-a3c9-0fc0be7a4093": "Azure Key Vault",
}


@dataclass(frozen=True)
class GraphCatalogue:
    """Microsoft Graph permission identifiers -> names, for application (Role) and delegated (Scope) use."""

    application: dict[str, str]
    delegated: dict[str, str]

    def name(self, permission_id: str, kind: str) -> str | None:
        table = self.application if kind.lower() == "role" else self.delegated
        return table.get(permission_id.lower())

    def app_role_id(self, name: str) -> str | None:
        return next((gid for gid, value in self.application.items() if value == name), None)


@functools.lru_cache(maxsize=1)
def graph_catalogue() -> GraphCatalogue:
    """The catalogue shipped as data (`data/graph_permissions.json`), loaded on first use."""
    text = (
        resources.files("auditor.collectors.code").joinpath("data/graph_permissions.json").read_text("utf-8")
    )
    data = json.loads(text)
    return GraphCatalogue(application=dict(data["application"]), delegated=dict(data["delegated"]))


def graph_levels() -> tuple[Any, Any]:
    # The live collector's judgement of a permission or role, from the module it shares with the collector
    # (the collector itself imports msal, ~0.1 s, which a scan of code never needs).
    from auditor.collectors.entra_levels import permission_level, role_level

    return permission_level, role_level


@dataclass
class EntraApp:
    """One app registration (and its service principal) as code declares it."""

    name: str
    address: str
    rel: str
    line: int
    app_id: str | None = None
    object_id: str | None = None
    # (resource app id, permission id or name, "Role" | "Scope", how declared)
    access: list[tuple[str, str, str, str]] = field(default_factory=list)
    secrets: list[dict[str, Any]] = field(default_factory=list)
    certificates: list[dict[str, Any]] = field(default_factory=list)
    federated: list[dict[str, Any]] = field(default_factory=list)
    delegated_grants: list[dict[str, Any]] = field(default_factory=list)
    directory_roles: list[str] = field(default_factory=list)
    owners: list[dict[str, Any]] | None = None
    sign_in_audience: str | None = None
    unresolved: list[str] = field(default_factory=list)


def add_apps(decl: Declarations, apps: list[EntraApp], now: datetime) -> None:
    """Service-principal identities, their credentials (secret, certificate, federated) and reach."""
    if not apps:
        return
    permission_level, role_level = graph_levels()
    catalogue = graph_catalogue()
    for app in apps:
        prov = provenance(app.rel, app.line, app.address)
        permissions: dict[tuple[str, str], dict[str, Any]] = {}
        scopes: list[dict[str, Any]] = []
        for resource_app, perm, kind, how in app.access:
            resource = KNOWN_RESOURCES.get(resource_app.lower(), resource_app)
            name = perm if "." in perm and not _is_guid(perm) else None
            if name is None and resource_app.lower() == GRAPH_APP_ID:
                name = catalogue.name(perm, kind)
            if name is None:
                name = perm
                if resource_app.lower() == GRAPH_APP_ID:
                    app.unresolved.append(f"unknown Microsoft Graph {kind.lower()} id {perm}")
            if kind.lower() == "role":
                permissions.setdefault(
                    (resource, name),
                    {
                        "resource": resource,
                        "resourceId": resource_app,
                        "permission": name,
                        "level": permission_level(name).value,
                        "declared": how,
                    },
                )
            else:
                scopes.append({"resource": resource, "scope": name, "declared": how})
        roles = [
            {"name": r, "scope": "/", "level": role_level(r).value} for r in sorted(set(app.directory_roles))
        ]
        sp_id = app.address
        attributes: dict[str, Any] = {
            "appId": app.app_id,
            "objectId": app.object_id,
            "servicePrincipalType": "Application",
            "app_permissions": sorted(permissions.values(), key=lambda p: (p["resource"], p["permission"])),
            "requested_scopes": scopes,
            "directory_roles": roles,
            "delegated_grants": app.delegated_grants,
            "owners": app.owners,
            "signInAudience": app.sign_in_audience,
            "credential_summary": {
                "client_secrets": len(app.secrets),
                "certificates": len(app.certificates),
                "federated": len(app.federated),
            },
            "details_collected": True,
            "provenance": prov,
            "unresolved_permissions": sorted(set(app.unresolved)),
        }
        aliases = tuple(dict.fromkeys(a for a in (app.app_id, app.object_id, app.name, app.address) if a))
        reach = {
            Capability(Platform.ENTRA.value, p["resource"], p["permission"], AccessLevel(p["level"]))
            for p in permissions.values()
        } | {Capability(Platform.ENTRA.value, "directory", r["name"], AccessLevel(r["level"])) for r in roles}
        decl.add(
            Identity(
                Platform.ENTRA,
                id=sp_id,
                name=app.name,
                kind="service_principal",
                attributes=attributes,
                aliases=aliases,
            ),
            reach,
        )
        decl.files.add(app.rel)
        for kind, items in (("client_secret", app.secrets), ("certificate", app.certificates)):
            for i, cred in enumerate(items):
                start, end = parse_time(cred.get("start")), parse_time(cred.get("end"))
                attrs: dict[str, Any] = {
                    "source": "application",
                    "display_name": cred.get("display_name"),
                    "provenance": provenance(
                        cred.get("rel", app.rel), cred.get("line", app.line), cred.get("address")
                    ),
                }
                if cred.get("lifetime_unknown"):
                    attrs["lifetime_unknown"] = True
                if cred.get("lifetime_days") is not None:
                    attrs["lifetime_days"] = cred["lifetime_days"]
                elif start and end:
                    attrs["lifetime_days"] = round((end - start).total_seconds() / 86400, 1)
                decl.credentials.append(
                    PlatformCredential(
                        Platform.ENTRA,
                        id=str(cred.get("key_id") or cred.get("address") or f"{app.address}#{kind}{i}"),
                        identity_id=sp_id,
                        kind=kind,
                        # An end date relative to creation (`end_date_relative`) is valid from `apply` time:
                        # the scan instant stands for it, so the lifetime judgement holds.
                        created=start or (now if cred.get("relative") else None),
                        expires=end,
                        active=end is None or end > now,
                        attributes=attrs,
                    )
                )
        for fic in app.federated:
            decl.credentials.append(
                PlatformCredential(
                    Platform.ENTRA,
                    id=str(fic.get("address") or fic.get("name")),
                    identity_id=sp_id,
                    kind="federated_credential",
                    attributes={"source": "application", **fic},
                )
            )
        if app.unresolved:
            decl.skip(f"{app.rel}:{app.line}", f"{app.name}: " + "; ".join(sorted(set(app.unresolved))))


def _is_guid(text: str) -> bool:
    parts = text.split("-")
    return len(parts) == 5 and all(all(c in "0123456789abcdefABCDEF" for c in p) for p in parts)
