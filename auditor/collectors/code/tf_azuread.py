"""azuread Terraform resources -> Entra apps: permissions (required_resource_access, app role assignments),
passwords and certificates with their end dates, federated credentials, delegated grants, directory roles."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from auditor.collectors.code.entra_model import GRAPH_APP_ID, EntraApp, add_apps
from auditor.collectors.code.interface import Declarations, provenance
from auditor.collectors.code.terraform import Block, Expr, Module, as_list, plain
from auditor.durations import parse_duration
from auditor.model import AccessLevel, Capability, Identity, Platform

_APP_REF_KEYS = ("application_id", "application_object_id", "client_id", "application_client_id")
_WELL_KNOWN = {"MicrosoftGraph": GRAPH_APP_ID}


def _app_block(value: Any, module: Module, by_sp: Mapping[str, str]) -> str | None:
    """The azuread_application address a reference points at (directly or through its service principal)."""
    block, _ = module.ref(value)
    if block is None:
        return None
    if block.type == "azuread_application":
        return block.address
    if block.type == "azuread_service_principal":
        return by_sp.get(block.address)
    return None


def _resource_app_id(value: Any, module: Module) -> str:
    text = module.text(value)
    if text:
        return text
    if isinstance(value, Expr):
        # data.azuread_application_published_app_ids.well_known.result["MicrosoftGraph"] (or .MicrosoftGraph)
        for key, app_id in _WELL_KNOWN.items():
            if key in value.text:
                return app_id
        block, rest = module.ref(value)
        if block is not None and block.type == "azuread_service_principal":
            return module.text(block.body.get("client_id") or block.body.get("application_id")) or str(value)
    return str(plain(value))


def _permission(value: Any, module: Module) -> str:
    """A permission id, or its name where the reference carries it (`...app_role_ids["User.Read.All"]`)."""
    block, rest = module.ref(value)
    if block is not None and len(rest) >= 2 and rest[0] in ("app_role_ids", "oauth2_permission_scope_ids"):
        return rest[1]
    return module.text(value) or str(plain(value))


def _password(
    block: Block, module: Module, now: datetime, body: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    body = body if body is not None else block.body
    start = module.text(body.get("start_date"))
    end = module.text(body.get("end_date"))
    relative = parse_duration(module.text(body.get("end_date_relative")) or "", default_unit="h")
    cred: dict[str, Any] = {
        "display_name": module.text(body.get("display_name")) or block.name,
        "start": start,
        "end": end,
        "rel": block.rel,
        "line": block.line,
        "address": block.address,
        # Without a start date Terraform's apply time is the start.
        "relative": start is None,
    }
    if end is None and relative is not None:
        cred["end"] = (now + timedelta(seconds=relative)).isoformat()
        cred["lifetime_days"] = round(relative / 86400, 1)
    elif end is None:
        # The azuread provider's default for a password without an end date is two years.
        cred["end"] = (now + timedelta(days=730)).isoformat()
        cred["lifetime_days"] = 730.0
        cred["end_defaulted"] = True
    return cred


def _owners(value: Any, module: Module) -> list[dict[str, Any]]:
    """Owners as declared; `data.azuread_client_config.current.object_id` is whoever runs terraform apply."""
    out = []
    for owner in as_list(module.resolve(value)):
        if isinstance(owner, Expr) and "azuread_client_config" in owner.text:
            out.append({"id": owner.text, "displayName": "the principal running terraform apply"})
        else:
            out.append({"id": str(plain(owner))})
    return out


def collect_azuread(module: Module, decl: Declarations, now: datetime) -> None:
    apps: dict[str, EntraApp] = {}
    by_sp: dict[str, str] = {}
    user_roles: dict[str, list[str]] = {}
    for block in module.of_type("azuread_application", "azuread_application_registration"):
        body = block.body
        app = EntraApp(
            name=module.text(body.get("display_name")) or block.name,
            address=block.address,
            rel=block.rel,
            line=block.line,
            app_id=module.text(body.get("client_id") or body.get("application_id")),
            sign_in_audience=module.text(body.get("sign_in_audience")),
        )
        for rra in as_list(body.get("required_resource_access")):
            if not isinstance(rra, Mapping):
                continue
            resource = _resource_app_id(rra.get("resource_app_id"), module)
            for access in as_list(rra.get("resource_access")):
                if isinstance(access, Mapping):
                    app.access.append(
                        (
                            resource,
                            _permission(access.get("id"), module),
                            module.text(access.get("type")) or "Scope",
                            "requested",
                        )
                    )
        for pw in as_list(body.get("password")):
            if isinstance(pw, Mapping):
                app.secrets.append(_password(block, module, now, pw))
        if body.get("owners") is not None:
            app.owners = _owners(body.get("owners"), module)
        apps[block.address] = app
    for block in module.of_type("azuread_service_principal"):
        target = None
        for key in _APP_REF_KEYS:
            ref, _ = module.ref(block.body.get(key))
            if ref is not None and ref.type in ("azuread_application", "azuread_application_registration"):
                target = ref.address
        if target is not None:
            by_sp[block.address] = target
            if block.body.get("owners") is not None and target in apps:
                owners = _owners(block.body.get("owners"), module)
                known = {o["id"] for o in apps[target].owners or []}
                apps[target].owners = (apps[target].owners or []) + [
                    o for o in owners if o["id"] not in known
                ]
    for block in module.blocks:
        if block.mode != "resource":
            continue
        body = block.body
        if block.type == "azuread_application_password":
            target = next((t for k in _APP_REF_KEYS if (t := _app_block(body.get(k), module, by_sp))), None)
            if target in apps:
                apps[target].secrets.append(_password(block, module, now))
            else:
                decl.skip(
                    f"{block.rel}:{block.line}",
                    f"{block.address}: application not declared in the scanned code",
                )
        elif block.type == "azuread_service_principal_password":
            target = _app_block(body.get("service_principal_id"), module, by_sp)
            if target in apps:
                apps[target].secrets.append(_password(block, module, now))
        elif block.type in ("azuread_application_certificate", "azuread_service_principal_certificate"):
            target = next(
                (
                    t
                    for k in (*_APP_REF_KEYS, "service_principal_id")
                    if (t := _app_block(body.get(k), module, by_sp))
                ),
                None,
            )
            if target in apps:
                cert = _password(block, module, now)
                cert.pop("end_defaulted", None)
                apps[target].certificates.append(cert)
        elif block.type == "azuread_application_federated_identity_credential":
            target = next((t for k in _APP_REF_KEYS if (t := _app_block(body.get(k), module, by_sp))), None)
            if target in apps:
                apps[target].federated.append(
                    {
                        "name": module.text(body.get("display_name")) or block.name,
                        "issuer": module.text(body.get("issuer")),
                        "subject": module.text(body.get("subject")),
                        "address": block.address,
                    }
                )
        elif block.type == "azuread_application_api_access":
            target = next((t for k in _APP_REF_KEYS if (t := _app_block(body.get(k), module, by_sp))), None)
            if target in apps:
                resource = _resource_app_id(body.get("api_client_id"), module)
                for rid in as_list(module.resolve(body.get("role_ids"))):
                    apps[target].access.append((resource, _permission(rid, module), "Role", "requested"))
                for sid in as_list(module.resolve(body.get("scope_ids"))):
                    apps[target].access.append((resource, _permission(sid, module), "Scope", "requested"))
        elif block.type == "azuread_app_role_assignment":
            target = _app_block(body.get("principal_object_id"), module, by_sp)
            if target in apps:
                resource_block, _ = module.ref(body.get("resource_object_id"))
                resource = GRAPH_APP_ID
                if resource_block is not None and resource_block.type == "azuread_service_principal":
                    resource = _resource_app_id(
                        resource_block.body.get("client_id") or resource_block.body.get("application_id"),
                        module,
                    )
                apps[target].access.append(
                    (resource, _permission(body.get("app_role_id"), module), "Role", "assigned")
                )
        elif block.type == "azuread_service_principal_delegated_permission_grant":
            target = _app_block(body.get("service_principal_object_id"), module, by_sp)
            if target in apps:
                users = body.get("user_object_id")
                apps[target].delegated_grants.append(
                    {
                        "id": block.address,
                        "consentType": "Principal" if users is not None else "AllPrincipals",
                        "resource": "Microsoft Graph",
                        "scopes": sorted(
                            str(plain(s)) for s in as_list(module.resolve(body.get("claim_values")))
                        ),
                    }
                )
        elif block.type == "azuread_directory_role_assignment":
            target = _app_block(body.get("principal_object_id"), module, by_sp)
            role_block, _ = module.ref(body.get("role_id"))
            role = None
            if role_block is not None and role_block.type == "azuread_directory_role":
                role = module.text(role_block.body.get("display_name"))
            user_block, _ = module.ref(body.get("principal_object_id"))
            if target in apps and role:
                apps[target].directory_roles.append(role)
            elif role and user_block is not None and user_block.type == "azuread_user":
                user_roles.setdefault(user_block.address, []).append(role)
    add_apps(decl, list(apps.values()), now)
    _add_users(module, decl, user_roles)


def _add_users(module: Module, decl: Declarations, user_roles: dict[str, list[str]]) -> None:
    """azuread_user: a person declared in code (a junior baseline user), with the directory roles assigned."""
    from auditor.collectors.code.entra_model import graph_levels

    _, role_level = graph_levels()
    for block in module.of_type("azuread_user"):
        upn = module.text(block.body.get("user_principal_name"))
        roles = [
            {"name": r, "scope": "/", "level": role_level(r).value}
            for r in sorted(set(user_roles.get(block.address, [])))
        ]
        decl.add(
            Identity(
                Platform.ENTRA,
                id=block.address,
                name=module.text(block.body.get("display_name")) or upn or block.name,
                kind="user",
                attributes={
                    "userPrincipalName": upn,
                    "accountEnabled": block.body.get("account_enabled", True),
                    "directory_roles": roles,
                    "groups": None,
                    "delegated_grants": [],
                    "provenance": provenance(block.rel, block.line, block.address),
                },
                aliases=tuple(a for a in (upn, block.address) if a),
            ),
            {
                Capability(Platform.ENTRA.value, "directory", r["name"], AccessLevel(r["level"]))
                for r in roles
            },
        )
        decl.files.add(block.rel)
