"""Azure deployment templates (Bicep, ARM JSON) -> Entra identities: managed identities (user-assigned, and
the system-assigned identity of an app, function or container), Azure Bot Service registrations (an app
registration with its password, or a managed identity), the Azure roles assigned to them, and applications
declared with the Microsoft Graph Bicep extension (permissions, grants, federated credentials).

Modules are followed through the scanned files: a parameter takes the value its caller passes
(`principalId: api.outputs.identityPrincipalId`), a module's output the value its file gives, so the usual
azd layout (`main.bicep` calling `core/security/role.bicep`) joins a role to the identity it is given to.
A role given to someone the templates do not declare (the person running `azd up`) is no identity of the
app and is left out; a principal or a bot identity that cannot be followed is a coverage note.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from auditor.collectors.code.entra_model import GRAPH_APP_ID, EntraApp, add_apps
from auditor.collectors.code.interface import Declarations, provenance
from auditor.extract.azure_templates import Expr, Module, Resource, Template, arm_parameter, dotted
from auditor.model import AccessLevel, Capability, Identity, Platform

UAMI = "microsoft.managedidentity/userassignedidentities"
BOT = "microsoft.botservice/botservices"
ROLE_ASSIGNMENT = "microsoft.authorization/roleassignments"
SITES = ("microsoft.web/sites", "microsoft.web/sites/slots")
SITE_CONFIG = ("microsoft.web/sites/config", "microsoft.web/sites/slots/config")

# Built-in Azure role definitions by id (Microsoft's documented identifiers), with how much each can do.
AZURE_ROLES: Mapping[str, tuple[str, AccessLevel]] = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": ("Owner", AccessLevel.ADMIN),
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": ("User Access Administrator", AccessLevel.ADMIN),
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168": ("Role Based Access Control Administrator", AccessLevel.ADMIN),
    "b24988ac-6180-42a0-ab88-20f7382dd24c": ("Contributor", AccessLevel.WRITE),
    "acdd72a7-3385-48ef-bd42-f606fba81ae7": ("Reader", AccessLevel.READ),
    "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd": ("Cognitive Services OpenAI User", AccessLevel.READ),
    "a001fd3d-188f-4b5d-821b-7da978bf7442": ("Cognitive Services OpenAI Contributor", AccessLevel.WRITE),
    "a97b65f3-24c7-4388-baec-2e87135dc908": ("Cognitive Services User", AccessLevel.READ),
    "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68": ("Cognitive Services Contributor", AccessLevel.WRITE),
    "00482a5a-887f-4fb3-b363-3b7fe8e74483": ("Key Vault Administrator", AccessLevel.ADMIN),
    "b86a8fe4-44ce-4948-aee5-eccb2c155cd7": ("Key Vault Secrets Officer", AccessLevel.WRITE),
    "4633458b-17de-408a-b874-0445c86b69e6": ("Key Vault Secrets User", AccessLevel.READ),
    "ba92f5b4-2d11-453d-a403-e96b0029c9fe": ("Storage Blob Data Contributor", AccessLevel.WRITE),
    "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1": ("Storage Blob Data Reader", AccessLevel.READ),
    "b7e6dc6d-efda-4a70-b8fd-ece122d4df53": ("Storage Blob Data Owner", AccessLevel.ADMIN),
    "1407120a-92aa-4202-b7e9-c0e197c71c8f": ("Search Index Data Reader", AccessLevel.READ),
    "8ebe5a00-799e-43f5-93ac-243d3dce84a7": ("Search Index Data Contributor", AccessLevel.WRITE),
    "7ca78c08-252a-4471-8644-bb5ff32d4ba0": ("Search Service Contributor", AccessLevel.WRITE),
    "7f951dda-4ed3-4680-a7ca-43fe172d538d": ("AcrPull", AccessLevel.READ),
}
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
_QUOTED = re.compile(r"'([A-Za-z][A-Za-z0-9.]{0,127})'")
# App setting names that hold a bot's or an app's own client secret.
APP_PASSWORD = re.compile(r"(?:APP_?PASSWORD|BOT_?PASSWORD|CLIENT_?SECRET)$", re.IGNORECASE)
MAX_CALL_DEPTH = 6
MAX_CONTEXTS = 32

Frame = tuple[Template, Module]
Ctx = tuple[Frame, ...]


@dataclass
class _ManagedIdentity:
    address: str
    name: str
    rel: str
    line: int
    kind: str  # user_assigned | system_assigned
    resource_type: str
    existing: bool = False
    roles: list[dict[str, Any]] = field(default_factory=list)
    bots: list[str] = field(default_factory=list)
    access: list[tuple[str, str, str, str]] = field(default_factory=list)


def _role(text: str) -> tuple[str, str, AccessLevel]:
    """(role id, name, level) from a role definition id or the resourceId() that wraps it."""
    found = _GUID.search(text)
    guid = found.group(0).lower() if found else text
    known = AZURE_ROLES.get(guid)
    if known is None:
        return (
            guid,
            f"role {guid}",
            AccessLevel.WRITE,
        )  # a custom or unlisted role: assume it can change things
    return guid, known[0], known[1]


class AzureIac:
    """Every Azure template of a scan; `build` joins them (modules, outputs) and declares what they hold."""

    def __init__(self) -> None:
        self.templates: dict[str, Template] = {}
        self.callers: dict[str, list[Frame]] = {}
        self.identities: dict[tuple[str, str], _ManagedIdentity] = {}
        self.bots: dict[str, dict[str, Any]] = {}  # a bot's app registration address -> the bot

    def add(self, tpl: Template) -> None:
        self.templates[tpl.rel] = tpl

    # -- following values through parameters, variables, modules and outputs ---------------------------------
    def _target(self, tpl: Template, module: Module) -> Template | None:
        path = module.path
        if not path.endswith((".bicep", ".json")) or ":" in path.split("/", 1)[0]:
            return None  # a registry (`br:`) or template spec (`ts:`) module: not in the repository
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(tpl.rel), path))
        return self.templates.get(rel)

    def _link(self) -> None:
        self.group: dict[str, str] = {rel: rel for rel in self.templates}
        for tpl in self.templates.values():
            for module in tpl.modules.values():
                target = self._target(tpl, module)
                if target is not None:
                    self.callers.setdefault(target.rel, []).append((tpl, module))
                    a, b = self._root(tpl.rel), self._root(target.rel)
                    self.group[a] = b

    def _root(self, rel: str) -> str:
        """One deployment: the templates joined by module calls share a root."""
        for _ in range(len(self.group)):
            parent = self.group[rel]
            if parent == rel:
                break
            rel = parent
        return rel

    def contexts(self, tpl: Template, depth: int = 0) -> Iterator[Ctx]:
        """Each chain of module calls that reaches `tpl` (outermost first); () when nothing calls it."""
        callers = self.callers.get(tpl.rel) or []
        if not callers or depth >= MAX_CALL_DEPTH:
            yield ()
            return
        count = 0
        for caller, module in callers:
            for ctx in self.contexts(caller, depth + 1):
                yield (*ctx, (caller, module))
                count += 1
                if count >= MAX_CONTEXTS:
                    return

    def value(self, tpl: Template, value: Any, ctx: Ctx, depth: int = 0) -> tuple[Template, Any, Ctx]:
        """Follow a bare parameter or variable to what it is given: (template, value, context) where it is
        no longer a parameter or variable of its template."""
        while depth < 3 * MAX_CALL_DEPTH and isinstance(value, Expr):
            depth += 1
            name = arm_parameter(value.text) if tpl.language == "arm" else value.text.strip()
            if name is not None and name in tpl.params:
                if ctx:
                    caller, module = ctx[-1]
                    if name in module.params:
                        tpl, value, ctx = caller, module.params[name], ctx[:-1]
                        continue
                default = tpl.params[name].default
                if default is None:
                    return tpl, value, ctx
                value = default
                continue
            if tpl.language == "bicep" and name in tpl.variables:
                value = tpl.variables[name]
                continue
            return tpl, value, ctx
        return tpl, value, ctx

    def literal(self, tpl: Template, value: Any, ctx: Ctx) -> str | None:
        tpl, value, ctx = self.value(tpl, value, ctx)
        return tpl.literal(value)

    def principal(self, tpl: Template, value: Any, ctx: Ctx, depth: int = 0) -> _ManagedIdentity | None:
        """The managed identity an expression names (`identity.properties.principalId`, `app.identity
        .principalId`, `mod.outputs.x`, a parameter given one of those), if the templates declare it."""
        if depth > MAX_CALL_DEPTH:
            return None
        tpl, value, ctx = self.value(tpl, value, ctx)
        if not isinstance(value, Expr):
            return None
        if tpl.language == "arm":
            return self._arm_principal(tpl, value)
        parts = dotted(value)
        if parts is None:
            return None
        if parts[0] in tpl.resources:
            return self.identities.get((tpl.rel, parts[0]))
        module = tpl.modules.get(parts[0])
        if module is not None and len(parts) >= 3 and parts[1] == "outputs":
            target = self._target(tpl, module)
            if target is not None and parts[2] in target.outputs:
                return self.principal(target, target.outputs[parts[2]], (*ctx, (tpl, module)), depth + 1)
        return None

    def _arm_principal(self, tpl: Template, value: Expr) -> _ManagedIdentity | None:
        """ARM: `reference(resourceId('…userAssignedIdentities', parameters('id'))).principalId`, or a
        site's `reference(…, 'full').identity.principalId`: the resource whose name the expression uses."""
        for resource in tpl.resources.values():
            name = resource.body.get("name")
            text = name.text if isinstance(name, Expr) else name if isinstance(name, str) else None
            if text and len(text) > 2 and text in value.text:
                found = self.identities.get((tpl.rel, resource.symbol))
                if found is not None:
                    return found
        return None

    # -- building --------------------------------------------------------------------------------------------
    def build(self, decl: Declarations, now: datetime) -> None:
        self._link()
        for tpl in self.templates.values():
            for line in tpl.unknown[:20]:
                decl.skip(f"{tpl.rel}:{line}", "Bicep statement not read (syntax botaudit does not follow)")
            for resource in tpl.resources.values():
                self._identity_of(tpl, resource)
        passwords = self._app_passwords()
        apps: list[EntraApp] = []
        for tpl in self.templates.values():
            for bot in tpl.of_type(BOT):
                app = self._bot(tpl, bot, passwords, decl)
                if app is not None:
                    apps.append(app)
            for assignment in tpl.of_type(ROLE_ASSIGNMENT):
                self._role_assignment(tpl, assignment, decl)
        apps.extend(self._graph_apps(decl))
        add_apps(decl, apps, now)
        for address, record in self.bots.items():
            if address in decl.identities:
                decl.identities[address].attributes["bot_service"] = record  # type: ignore[index]
        for mi in self.identities.values():
            self._declare(decl, mi)

    def _identity_of(self, tpl: Template, resource: Resource) -> None:
        name = tpl.literal(resource.body.get("name"))
        shown = name or resource.symbol
        if resource.kind == UAMI:
            kind = "user_assigned"
        else:
            identity = resource.get("identity", "type")
            kind_text = tpl.literal(identity) or ""
            if "systemassigned" not in kind_text.lower().replace(" ", "").replace(",", ""):
                return
            kind = "system_assigned"
            shown = f"{shown} (system-assigned identity)"
        self.identities[(tpl.rel, resource.symbol)] = _ManagedIdentity(
            address=f"{tpl.rel}/{resource.symbol}",
            name=shown,
            rel=tpl.rel,
            line=resource.line,
            kind=kind,
            resource_type=resource.type,
            existing=resource.existing,
        )

    def _app_settings(self) -> Iterator[tuple[Template, Resource, str, Any, int]]:
        """(template, resource, name, value, line) of every app setting of a web or function app."""
        for tpl in self.templates.values():
            for site in tpl.of_type(*SITES):
                settings = site.get("properties", "siteConfig", "appSettings")
                if isinstance(settings, list):
                    for i, item in enumerate(settings):
                        if isinstance(item, Mapping) and isinstance(item.get("name"), str):
                            line = site.line_of("properties", "siteConfig", f"appSettings[{i}]")
                            yield tpl, site, item["name"], item.get("value"), line
            for config in tpl.of_type(*SITE_CONFIG):
                props = config.get("properties")
                if tpl.literal(config.body.get("name")) in ("appsettings", None) and isinstance(
                    props, Mapping
                ):
                    for key, value in props.items():
                        yield tpl, config, str(key), value, config.line_of("properties", str(key))

    def _app_passwords(self) -> list[tuple[Template, Resource, str, int]]:
        return [
            (tpl, res, name, line)
            for tpl, res, name, value, line in self._app_settings()
            if APP_PASSWORD.search(name) and value not in ("", None)
        ]

    def _bot(
        self,
        tpl: Template,
        bot: Resource,
        passwords: list[tuple[Template, Resource, str, int]],
        decl: Declarations,
    ) -> EntraApp | None:
        props = bot.get("properties")
        props = props if isinstance(props, Mapping) else {}
        contexts = list(self.contexts(tpl))
        app_type = next(
            (t for ctx in contexts if (t := self.literal(tpl, props.get("msaAppType"), ctx))), None
        )
        msi = next(
            (
                m
                for ctx in contexts
                for key in ("msaAppMSIResourceId", "msaAppId")
                if (m := self.principal(tpl, props.get(key), ctx)) is not None
                and (key == "msaAppMSIResourceId" or (app_type or "").lower() == "userassignedmsi")
            ),
            None,
        )
        name = next(
            (
                n
                for ctx in contexts
                for key in ("displayName", "name")
                if (
                    n := self.literal(tpl, props.get(key) if key == "displayName" else bot.body.get(key), ctx)
                )
            ),
            bot.symbol,
        )
        record = {
            "name": name,
            "msaAppType": app_type,
            "path": tpl.rel,
            "line": bot.line_of("properties", "msaAppType"),
        }
        if msi is not None:
            msi.bots.append(name)
            return None
        if (app_type or "").lower() == "userassignedmsi":
            decl.skip(
                f"{tpl.rel}:{bot.line}",
                f"bot {name}: its user-assigned managed identity is not declared in the scanned templates",
            )
            return None
        app_id = next((a for ctx in contexts if (a := self.literal(tpl, props.get("msaAppId"), ctx))), None)
        app = EntraApp(
            name=name,
            address=f"{tpl.rel}/{bot.symbol}",
            rel=tpl.rel,
            line=bot.line,
            app_id=app_id or None,
            sign_in_audience="AzureADMultipleOrgs" if (app_type or "").lower() == "multitenant" else None,
        )
        self.bots[app.address] = record
        mine = [p for p in passwords if self._root(p[0].rel) == self._root(tpl.rel)]
        for p_tpl, site, setting, line in mine[:1]:
            # The app registration's password, given to the bot's code in an app setting.
            app.secrets.append(
                {
                    "display_name": f"{setting} of {p_tpl.literal(site.body.get('name')) or site.symbol}",
                    "start": None,
                    "end": None,
                    "rel": p_tpl.rel,
                    "line": line,
                    "address": f"{p_tpl.rel}/{site.symbol}.{setting}",
                    # Created with the app registration, outside the templates: its dates are not declared.
                    "lifetime_unknown": True,
                }
            )
        return app

    def _role_assignment(self, tpl: Template, assignment: Resource, decl: Declarations) -> None:
        props = assignment.get("properties")
        props = props if isinstance(props, Mapping) else {}
        for ctx in self.contexts(tpl):
            principal_type = self.literal(tpl, props.get("principalType"), ctx)
            mi = self.principal(tpl, props.get("principalId"), ctx)
            role_tpl, role_value, role_ctx = self.value(tpl, props.get("roleDefinitionId"), ctx)
            text = role_tpl.literal(role_value) or (role_value.text if isinstance(role_value, Expr) else "")
            if isinstance(role_value, Expr) and not _GUID.search(text):
                # `resourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)`: its parameter.
                for word in _WORD.findall(text)[:16]:
                    if word in role_tpl.params:
                        text = self.literal(role_tpl, Expr(word, 0), role_ctx) or text
                        break
            guid, role_name, level = _role(text)
            where = ctx[0][1].line if ctx else assignment.line
            site = ctx[0][0].rel if ctx else tpl.rel
            if mi is None:
                if (principal_type or "").lower() not in ("user", "group"):
                    decl.skip(
                        f"{site}:{where}",
                        f"role {role_name}: given to a principal the scanned templates do not declare",
                    )
                continue
            scope = assignment.body.get("scope")
            scope_text = (
                scope.text
                if isinstance(scope, Expr)
                else str(scope)
                if isinstance(scope, str)
                else "deployment"
            )
            mi.roles.append(
                {
                    "role": role_name,
                    "roleDefinitionId": guid,
                    "scope": scope_text,
                    "level": level.value,
                    "provenance": provenance(site, where, f"{tpl.rel}/{assignment.symbol}"),
                }
            )

    @staticmethod
    def _listed(decl: Declarations, tpl: Template, res: Any, body: Mapping[str, Any], key: str) -> list[Any]:
        """`body[key]` when the template writes it as a list; a value it computes (`base.requiredResource
        Access`, a function call) is a coverage note, not read, and never an error."""
        value = body.get(key)
        if value is None or isinstance(value, list):
            return value or []
        decl.skip(
            f"{tpl.rel}:{res.line_of(key)}",
            f"{res.symbol}.{key}: a computed value, not read from the template",
        )
        return []

    def _graph_apps(self, decl: Declarations) -> list[EntraApp]:
        """Applications, service principals, grants and credentials of the Microsoft Graph Bicep extension."""
        apps: dict[tuple[str, str], EntraApp] = {}
        sp_app: dict[tuple[str, str], tuple[str, str]] = {}
        sp_resource: dict[tuple[str, str], str] = {}
        for tpl in self.templates.values():
            for res in tpl.of_type("Microsoft.Graph/applications"):
                props = res.body
                app = EntraApp(
                    name=tpl.literal(props.get("displayName"))
                    or tpl.literal(props.get("uniqueName"))
                    or res.symbol,
                    address=f"{tpl.rel}/{res.symbol}",
                    rel=tpl.rel,
                    line=res.line,
                    sign_in_audience=tpl.literal(props.get("signInAudience")),
                )
                for rra in self._listed(decl, tpl, res, props, "requiredResourceAccess"):
                    if not isinstance(rra, Mapping):
                        continue
                    resource_app = tpl.literal(rra.get("resourceAppId")) or str(rra.get("resourceAppId"))
                    for access in self._listed(decl, tpl, res, rra, "resourceAccess"):
                        if isinstance(access, Mapping) and tpl.literal(access.get("id")):
                            kind = tpl.literal(access.get("type")) or "Scope"
                            app.access.append(
                                (resource_app, str(tpl.literal(access.get("id"))), kind, "requested")
                            )
                for key, bucket in (
                    ("passwordCredentials", app.secrets),
                    ("keyCredentials", app.certificates),
                ):
                    for cred in self._listed(decl, tpl, res, props, key):
                        if isinstance(cred, Mapping):
                            bucket.append(
                                {
                                    "display_name": tpl.literal(cred.get("displayName")) or key,
                                    "start": tpl.literal(cred.get("startDateTime")),
                                    "end": tpl.literal(cred.get("endDateTime")),
                                    "rel": tpl.rel,
                                    "line": res.line_of(key),
                                    "address": f"{tpl.rel}/{res.symbol}.{key}",
                                }
                            )
                apps[(tpl.rel, res.symbol)] = app
            for res in tpl.of_type("Microsoft.Graph/servicePrincipals"):
                parts = dotted(res.body.get("appId"))
                if parts and (tpl.rel, parts[0]) in apps:
                    sp_app[(tpl.rel, res.symbol)] = (tpl.rel, parts[0])
                elif (app_id := tpl.literal(res.body.get("appId"))) is not None:
                    sp_resource[(tpl.rel, res.symbol)] = app_id
        for tpl in self.templates.values():

            def app_of(value: Any, tpl: Template = tpl) -> EntraApp | None:
                parts = dotted(value)
                if not parts:
                    return None
                key = (tpl.rel, parts[0])
                return apps.get(sp_app.get(key, key))

            for res in tpl.of_type("Microsoft.Graph/appRoleAssignedTo"):
                body = res.body
                resource_parts = dotted(body.get("resourceId"))
                resource_app = (
                    sp_resource.get((tpl.rel, resource_parts[0]), GRAPH_APP_ID)
                    if resource_parts
                    else GRAPH_APP_ID
                )
                role = tpl.literal(body.get("appRoleId"))
                if role is None and isinstance(body.get("appRoleId"), Expr):
                    named = _QUOTED.findall(body["appRoleId"].text)
                    role = next((n for n in named if "." in n), None)
                if role is None:
                    decl.skip(f"{tpl.rel}:{res.line}", f"{res.symbol}: app role not read from the template")
                    continue
                owner = app_of(body.get("principalId"))
                if owner is not None:
                    owner.access.append((resource_app, role, "Role", "assigned"))
                    continue
                mi = next(
                    (
                        m
                        for ctx in self.contexts(tpl)
                        if (m := self.principal(tpl, body.get("principalId"), ctx))
                    ),
                    None,
                )
                if mi is not None:
                    mi.access.append((resource_app, role, "Role", "assigned"))
            for res in tpl.of_type("Microsoft.Graph/oauth2PermissionGrants"):
                client = app_of(res.body.get("clientId"))
                scope = tpl.literal(res.body.get("scope")) or ""
                if client is not None:
                    client.delegated_grants.append(
                        {
                            "id": f"{tpl.rel}/{res.symbol}",
                            "consentType": tpl.literal(res.body.get("consentType")) or "AllPrincipals",
                            "resource": "Microsoft Graph",
                            "scopes": sorted(s for s in scope.split() if s),
                        }
                    )
            for res in tpl.of_type("Microsoft.Graph/applications/federatedIdentityCredentials"):
                parent = dotted(res.body.get("parent"))
                name = res.body.get("name")
                target = apps.get((tpl.rel, parent[0])) if parent else None
                if target is None and isinstance(name, Expr):
                    target = next(
                        (a for (rel, sym), a in apps.items() if rel == tpl.rel and f"{sym}." in name.text),
                        None,
                    )
                if target is not None:
                    target.federated.append(
                        {
                            "name": tpl.literal(name) or res.symbol,
                            "issuer": tpl.literal(res.body.get("issuer")),
                            "subject": tpl.literal(res.body.get("subject")),
                            "address": f"{tpl.rel}/{res.symbol}",
                        }
                    )
        return list(apps.values())

    def _declare(self, decl: Declarations, mi: _ManagedIdentity) -> None:
        from auditor.collectors.code.entra_model import KNOWN_RESOURCES, graph_catalogue, graph_levels

        permission_level, _ = graph_levels()
        catalogue = graph_catalogue()
        permissions = []
        for resource_app, perm, kind, how in mi.access:
            name = catalogue.name(perm, kind) if _GUID.fullmatch(perm) else perm
            permissions.append(
                {
                    "resource": KNOWN_RESOURCES.get(resource_app.lower(), resource_app),
                    "resourceId": resource_app,
                    "permission": name or perm,
                    "level": permission_level(name or perm).value,
                    "declared": how,
                }
            )
        reach = {
            Capability(Platform.ENTRA.value, f"azure:{r['scope']}", r["role"], AccessLevel(r["level"]))
            for r in mi.roles
        } | {
            Capability(Platform.ENTRA.value, p["resource"], p["permission"], AccessLevel(p["level"]))
            for p in permissions
        }
        decl.add(
            Identity(
                Platform.ENTRA,
                id=mi.address,
                name=mi.name,
                kind="service_principal",
                attributes={
                    "servicePrincipalType": "ManagedIdentity",
                    "managed_identity": mi.kind,
                    "resource_type": mi.resource_type,
                    "declared_elsewhere": mi.existing,
                    "azure_roles": mi.roles,
                    "bot_services": sorted(set(mi.bots)),
                    "app_permissions": permissions,
                    "requested_scopes": [],
                    "directory_roles": [],
                    "delegated_grants": [],
                    "owners": None,
                    "credential_summary": {"client_secrets": 0, "certificates": 0, "federated": 0},
                    "details_collected": True,
                    "provenance": provenance(mi.rel, mi.line, mi.address),
                },
                aliases=tuple(dict.fromkeys((mi.name, mi.address))),
            ),
            reach,
        )
        decl.files.add(mi.rel)
