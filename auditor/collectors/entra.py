"""The Microsoft Entra ID collector: service principals, app permissions, grants, roles, owners via Graph."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import msal
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from auditor.clock import Clock, iso_time, parse_time
from auditor.collectors.entra_levels import (  # noqa: F401 (re-exported: the collector's own vocabulary)
    CONTROL_PLANE_PERMISSIONS,
    PRIVILEGED_ROLES,
    permission_level,
    role_level,
)
from auditor.collectors.graph_client import BatchResult, GraphClient, GraphError, GraphSession
from auditor.collectors.interface import CollectRequest
from auditor.collectors.retry import RequestCounter
from auditor.errors import CollectorError
from auditor.model import (
    AccessLevel,
    Capability,
    Identity,
    Platform,
    PlatformCredential,
    Skipped,
    Snapshot,
    Unread,
)
from auditor.progress import ProgressSink
from auditor.redact import scrub

DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com"
DEFAULT_GRAPH_URL = "https://graph.microsoft.com"
MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
# Hosts msal knows; anything else (sovereign proxies, test stand-ins) skips instance discovery.
_MICROSOFT_AUTHORITY_HOSTS = frozenset(
    {
        "login.microsoftonline.com",
        "login.microsoftonline.us",
        "login.chinacloudapi.cn",
        "login.partner.microsoftonline.cn",
    }
)
_SETTING_KEYS = frozenset(
    {
        "tenant_id",
        "client_id",
        "authority_host",
        "graph_url",
        "ca_bundle",
        "client_secret_env",
        "certificate_path",
        "private_key_path",
        "page_size",
    }
)


@dataclass(frozen=True)
class EntraSettings:
    """The `collectors.entra` section of botaudit.yaml (never a secret: secrets come from the environment)."""

    tenant_id: str
    client_id: str
    authority_host: str = DEFAULT_AUTHORITY_HOST
    graph_url: str = DEFAULT_GRAPH_URL
    ca_bundle: str | None = None
    client_secret_env: str = "AZURE_CLIENT_SECRET"
    certificate_path: str | None = None
    private_key_path: str | None = None
    page_size: int = 999

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> EntraSettings:
        unknown = sorted(set(settings) - _SETTING_KEYS)
        if unknown:
            raise CollectorError(f"entra settings: unknown key(s) {', '.join(unknown)}")
        missing = [k for k in ("tenant_id", "client_id") if not settings.get(k)]
        if missing:
            raise CollectorError(
                f"entra settings: {' and '.join(missing)} required (collectors.entra in botaudit.yaml)"
            )
        values = {k: v for k, v in settings.items() if v is not None}
        for key in ("authority_host", "graph_url"):
            if key in values and not str(values[key]).startswith("https://"):
                raise CollectorError(f"entra settings: {key} must be an https:// URL")
        try:
            page_size = int(values.pop("page_size", 999))
        except (TypeError, ValueError) as exc:
            raise CollectorError("entra settings: page_size must be a number") from exc
        return cls(
            **{k: str(v).rstrip("/") for k, v in values.items()}, page_size=max(1, min(page_size, 999))
        )


def _load_certificate(settings: EntraSettings) -> dict[str, str]:
    """msal's certificate credential from PEM files (key and certificate in one file, or two)."""
    cert_path = Path(settings.certificate_path or "")
    key_path = Path(settings.private_key_path) if settings.private_key_path else cert_path
    try:
        cert_pem = cert_path.read_bytes()
        key_pem = key_path.read_bytes()
        cert = x509.load_pem_x509_certificate(cert_pem)
        key = serialization.load_pem_private_key(key_pem, password=None)
    except OSError as exc:
        raise CollectorError(f"entra: cannot read certificate or key file ({exc.strerror or exc})") from exc
    except (ValueError, TypeError) as exc:
        # The message of a key parse error never includes key material, but keep it generic anyway.
        raise CollectorError(
            "entra: certificate_path / private_key_path must hold a PEM certificate and an unencrypted key"
        ) from exc
    key_text = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    # public_certificate lets msal compute the SHA-256 thumbprint (x5t#S256) and send x5c.
    return {
        "private_key": key_text,
        "public_certificate": cert.public_bytes(serialization.Encoding.PEM).decode(),
    }


def _directory_object(obj: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": str(obj.get("id", "")),
        "displayName": obj.get("displayName"),
        "userPrincipalName": obj.get("userPrincipalName"),
        "type": str(obj.get("@odata.type", "")).removeprefix("#microsoft.graph.") or None,
    }


class _Run:
    """State of one collect() call; keeps the collector itself stateless."""

    def __init__(
        self, client: GraphClient, settings: EntraSettings, clock: Clock, progress: ProgressSink
    ) -> None:
        self.client = client
        self.settings = settings
        self.clock = clock
        self.progress = progress
        self.coverage: list[Skipped] = []
        self.unread: list[Unread] = []

    def dataset(
        self, name: str, path: str, needs: str, *, part: str, affects_reach: bool = False
    ) -> list[dict[str, Any]] | None:
        """A whole collection, or None with a coverage entry naming the permission it needs and an unread
        part: a collection that could not be read is unknown, never an empty list."""
        try:
            items = self.client.get_all(path)
        except GraphError as exc:
            if exc.category == "unreachable" and name == "servicePrincipals":
                raise CollectorError(
                    f"entra: Graph unreachable at {self.settings.graph_url} ({exc.message})"
                ) from exc
            self.skip(name, exc, needs, part=part, affects_reach=affects_reach)
            return None
        finally:
            self.progress.advance("entra")
        return items

    def skip(
        self,
        source: str,
        exc: GraphError,
        needs: str | None = None,
        *,
        part: str | None = None,
        subject: str | None = None,
        affects_reach: bool = False,
    ) -> None:
        hint = f" (needs {needs})" if needs and exc.category == "access_denied" else ""
        self.coverage.append(Skipped(f"entra:{source}", f"{exc}{hint}", exc.category))
        if part is not None:
            self.unread.append(
                Unread(
                    part, f"{source}: {exc}{hint}", exc.category, subject=subject, affects_reach=affects_reach
                )
            )


class EntraCollector:
    """Reads one Entra tenant through Microsoft Graph, read-only, with app-only (client credentials) auth."""

    platform = Platform.ENTRA

    def __init__(
        self,
        *,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._environ = environ
        self._sleep = sleep

    # ----- auth ---
    def _credential(self, settings: EntraSettings) -> tuple[Any, list[str]]:
        """(msal client_credential, secret values to scrub from messages)."""
        if settings.certificate_path:
            cred = _load_certificate(settings)
            return cred, [cred["private_key"]]
        environ = self._environ if self._environ is not None else os.environ
        secret = environ.get(settings.client_secret_env)
        if not secret:
            raise CollectorError(
                f"entra: no credential: set {settings.client_secret_env} or collectors.entra.certificate_path"
            )
        return secret, [secret]

    def _token(self, settings: EntraSettings, session: GraphSession, timeout: float) -> str:
        credential, secrets = self._credential(settings)
        host = urlsplit(settings.authority_host).hostname or ""
        known = host in _MICROSOFT_AUTHORITY_HOSTS
        try:
            app = msal.ConfidentialClientApplication(
                settings.client_id,
                client_credential=credential,
                authority=f"{settings.authority_host}/{settings.tenant_id}",
                validate_authority=known,
                instance_discovery=known,
                http_client=session,
                timeout=timeout,
            )
            result = app.acquire_token_for_client(scopes=[f"{settings.graph_url}/.default"])
        except Exception as exc:  # msal raises ValueError, requests errors and its own types alike
            raise CollectorError(
                scrub(
                    f"entra: cannot reach the token service at {settings.authority_host}: "
                    f"{type(exc).__name__}: {str(exc)[:300]}",
                    secrets,
                )
            ) from None
        token = result.get("access_token") if isinstance(result, Mapping) else None
        if not token:
            error = result.get("error", "unknown_error") if isinstance(result, Mapping) else "unknown_error"
            description = (
                str(result.get("error_description", "")).splitlines()[0][:300]
                if isinstance(result, Mapping)
                else ""
            )
            raise CollectorError(
                scrub(
                    f"entra: token request refused for client {settings.client_id}: {error}: {description}",
                    secrets,
                )
            )
        return str(token)

    # ----- collect ---
    def collect(self, request: CollectRequest, *, clock: Clock, progress: ProgressSink) -> Snapshot:
        settings = EntraSettings.from_mapping(request.settings)
        counter = RequestCounter()
        session = GraphSession(counter, settings.ca_bundle, request.budget())
        try:
            progress.start("entra", total=8)
            token = self._token(settings, session, request.timeout)
            client = GraphClient(
                session,
                settings.graph_url,
                token,
                timeout=request.timeout,
                max_retries=request.max_retries,
                sleep=self._sleep,
                counter=counter,
            )
            run = _Run(client, settings, clock, progress)
            snapshot = self._collect(run, request)
            progress.finish("entra")
        finally:
            session.close()
        return Snapshot(
            platform=snapshot.platform,
            collected_at=snapshot.collected_at,
            source=snapshot.source,
            identities=snapshot.identities,
            credentials=snapshot.credentials,
            reach=snapshot.reach,
            baseline=snapshot.baseline,
            coverage=snapshot.coverage,
            facts=snapshot.facts,
            requests=counter.count,
            unread=snapshot.unread,
        )

    def _collect(self, run: _Run, request: CollectRequest) -> Snapshot:
        top = f"$top={run.settings.page_size}"
        sps = run.dataset(
            "servicePrincipals",
            "servicePrincipals?$select=id,appId,displayName,servicePrincipalType,appOwnerOrganizationId,"
            f"accountEnabled,passwordCredentials,keyCredentials,appRoles&{top}",
            "Application.Read.All",
            part="service_principals",
            affects_reach=True,
        )
        apps = run.dataset(
            "applications",
            f"applications?$select=id,appId,displayName,createdDateTime,passwordCredentials,keyCredentials&{top}",
            "Application.Read.All",
            part="applications",
        )
        role_assignments = run.dataset(
            "roleManagement/directory/roleAssignments",
            "roleManagement/directory/roleAssignments?$expand=roleDefinition",
            "RoleManagement.Read.Directory",
            part="directory_roles",
            affects_reach=True,
        )
        grants = run.dataset(
            "oauth2PermissionGrants",
            "oauth2PermissionGrants",
            "DelegatedPermissionGrant.Read.All or Directory.Read.All",
            part="delegated_grants",
        )
        sps_by_id = {str(sp.get("id")): sp for sp in sps or ()}
        graph_sp = next((sp for sp in sps_by_id.values() if sp.get("appId") == MICROSOFT_GRAPH_APP_ID), None)
        graph_assignments: list[dict[str, Any]] | None = None
        if graph_sp is not None:
            # One tenant-wide list of every Microsoft Graph application permission: finds privileged apps
            # without a call per service principal.
            graph_assignments = run.dataset(
                "appRoleAssignedTo",
                f"servicePrincipals/{graph_sp['id']}/appRoleAssignedTo?{top}",
                "Application.Read.All",
                # Which apps hold Graph permissions is unknown tenant-wide: per-app calls below still read
                # the apps configs name, but no app can be shown to hold none.
                part="app_permissions",
                affects_reach=True,
            )
        elif sps is not None:
            run.coverage.append(
                Skipped("entra:appRoleAssignedTo", "Microsoft Graph service principal not found", "not_found")
            )
        else:
            run.progress.advance("entra")

        builder = _SnapshotBuilder(run, sps_by_id, apps or [], request)
        builder.tenant_assignments_read = graph_assignments is not None or (
            graph_sp is None and sps is not None
        )
        builder.add_role_assignments(role_assignments or [])
        builder.add_app_role_assignments(graph_assignments or [])
        builder.add_grants(grants or [])
        baseline_user = builder.find_baseline_user()
        builder.fetch_details(baseline_user)
        run.progress.advance("entra")
        return builder.build(baseline_user)


# Per-object $batch calls: kind -> (unread part, permission it needs, whether reach depends on it).
# Graph documents GroupMember.Read.All or Directory.Read.All for a user's memberOf, and
# DelegatedPermissionGrant.Read.All (or Directory.Read.All) for a user's oauth2PermissionGrants.
_DETAIL_PARTS: Mapping[str, tuple[str, str, bool]] = {
    "sp-owners": ("owners", "Application.Read.All", False),
    "app-owners": ("owners", "Application.Read.All", False),
    "sp-assignments": ("app_permissions", "Application.Read.All", True),
    "app-fic": ("federated_credentials", "Application.Read.All", False),
    "user-memberOf": ("baseline_user", "GroupMember.Read.All or Directory.Read.All", True),
    "user-grants": ("baseline_user", "DelegatedPermissionGrant.Read.All or Directory.Read.All", True),
}


class _SnapshotBuilder:
    """Turns Graph objects into Identities, PlatformCredentials and reach for one tenant."""

    def __init__(
        self, run: _Run, sps: dict[str, dict[str, Any]], apps: list[dict[str, Any]], request: CollectRequest
    ) -> None:
        self.run = run
        self.request = request
        self.sps = sps
        self.apps_by_app_id = {str(a.get("appId")): a for a in apps}
        self.app_roles = {
            (sp_id, str(role.get("id"))): str(role.get("value") or role.get("displayName") or role.get("id"))
            for sp_id, sp in sps.items()
            for role in sp.get("appRoles") or ()
            if isinstance(role, Mapping)
        }
        self.app_permissions: dict[str, dict[str, dict[str, Any]]] = {}
        self.roles: dict[str, list[dict[str, Any]]] = {}
        self.grants_by_client: dict[str, list[dict[str, Any]]] = {}
        self.grants_by_principal: dict[str, list[dict[str, Any]]] = {}
        self.owners: dict[str, list[dict[str, Any]]] = {}
        self.federated: dict[str, list[dict[str, Any]]] = {}
        self.details: set[str] = set()
        self.user_member_of: list[dict[str, Any]] | None = None
        self.relevant: list[str] = []
        # Service principals whose own appRoleAssignments could not be read: their permissions are unknown.
        self.assignments_failed: set[str] = set()
        # False when the tenant-wide list of Graph permission holders could not be read.
        self.tenant_assignments_read = True

    # ----- tenant-wide data ---
    def add_role_assignments(self, items: Iterable[Mapping[str, Any]]) -> None:
        for item in items:
            raw = item.get("roleDefinition")
            definition: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
            name = str(definition.get("displayName") or item.get("roleDefinitionId") or "unknown role")
            scope = str(item.get("directoryScopeId") or "/")
            self.roles.setdefault(str(item.get("principalId")), []).append(
                {
                    "name": name,
                    "scope": scope,
                    "templateId": definition.get("templateId"),
                    "level": role_level(name).value,
                }
            )

    def add_app_role_assignments(self, items: Iterable[Mapping[str, Any]]) -> None:
        for item in items:
            role_id = str(item.get("appRoleId"))
            if role_id == "00000000-0000-0000-0000-000000000000":
                continue  # default access: the app is assigned, no permission is granted
            resource_id = str(item.get("resourceId"))
            resource = (
                self.sps.get(resource_id, {}).get("displayName")
                or item.get("resourceDisplayName")
                or resource_id
            )
            value = self.app_roles.get((resource_id, role_id), role_id)
            self.app_permissions.setdefault(str(item.get("principalId")), {})[
                str(item.get("id") or value)
            ] = {
                "resource": str(resource),
                "resourceId": resource_id,
                "permission": value,
                "level": permission_level(value).value,
                "created": iso_time(item.get("createdDateTime")),
            }

    def add_grants(self, items: Iterable[Mapping[str, Any]]) -> None:
        for item in items:
            resource_id = str(item.get("resourceId"))
            grant: dict[str, Any] = {
                "id": str(item.get("id")),
                "clientId": str(item.get("clientId")),
                "consentType": str(item.get("consentType")),
                "principalId": item.get("principalId"),
                "resource": str(self.sps.get(resource_id, {}).get("displayName") or resource_id),
                "scopes": sorted(s for s in str(item.get("scope") or "").split() if s),
            }
            self.grants_by_client.setdefault(grant["clientId"], []).append(grant)
            if grant["principalId"]:
                self.grants_by_principal.setdefault(str(grant["principalId"]), []).append(grant)

    # ----- per-object data, batched ---
    def _matches(self, sp: Mapping[str, Any]) -> bool:
        keys = {
            str(sp.get("id", "")).lower(),
            str(sp.get("appId", "")).lower(),
            str(sp.get("displayName", "")).lower(),
        }
        return any(str(i).lower() in keys for i in self.request.identifiers)

    def _privileged(self, sp_id: str) -> bool:
        perms = self.app_permissions.get(sp_id, {}).values()
        roles = self.roles.get(sp_id, [])
        return any(p["level"] == AccessLevel.ADMIN.value for p in perms) or any(
            r["level"] == AccessLevel.ADMIN.value for r in roles
        )

    def find_baseline_user(self) -> dict[str, Any] | None:
        upn = self.request.baseline
        if not upn:
            return None
        try:
            user = self.run.client.get(
                f"users/{quote(str(upn), safe='@')}"
                "?$select=id,displayName,userPrincipalName,userType,accountEnabled"
            )
        except GraphError as exc:
            # A user that does not exist is a configuration mistake (coverage); a denied or failed read leaves
            # the baseline unknown.
            part = None if exc.category == "not_found" else "baseline_user"
            self.run.skip(f"users/{upn}", exc, "User.Read.All", part=part, affects_reach=True)
            return None
        if not user.get("id"):
            self.run.coverage.append(Skipped(f"entra:users/{upn}", "answer without an id", "malformed"))
            self.run.unread.append(
                Unread("baseline_user", f"users/{upn}: answer without an id", "malformed", affects_reach=True)
            )
            return None
        return user

    def fetch_details(self, user: Mapping[str, Any] | None) -> None:
        """Owners, non-Graph app permissions and federated credentials of the relevant principals, and the
        baseline user's memberships and grants, in $batch requests of 20."""
        self.relevant = sorted(
            sp_id for sp_id, sp in self.sps.items() if self._matches(sp) or self._privileged(sp_id)
        )
        paths: dict[str, str] = {}
        for sp_id in self.relevant:
            paths[f"sp-owners|{sp_id}"] = (
                f"servicePrincipals/{sp_id}/owners?$select=id,displayName,userPrincipalName"
            )
            paths[f"sp-assignments|{sp_id}"] = f"servicePrincipals/{sp_id}/appRoleAssignments"
            app = self.apps_by_app_id.get(str(self.sps[sp_id].get("appId")))
            if app is not None:
                paths[f"app-owners|{sp_id}"] = (
                    f"applications/{app['id']}/owners?$select=id,displayName,userPrincipalName"
                )
                paths[f"app-fic|{sp_id}"] = f"applications/{app['id']}/federatedIdentityCredentials"
        if user is not None:
            paths["user-memberOf|"] = f"users/{user['id']}/memberOf?$select=id,displayName,roleTemplateId"
            paths["user-grants|"] = f"users/{user['id']}/oauth2PermissionGrants"
        if not paths:
            return
        results = self.run.client.batch_get_all(paths)
        failed: set[str] = set()
        for key, result in results.items():
            kind, sp_id = key.split("|", 1)
            if result.error is not None:
                failed.add(sp_id)
                part, needs, reach = _DETAIL_PARTS[kind]
                subject = sp_id or (str(user["id"]) if user is not None else None)
                self.run.skip(
                    paths[key].split("?", 1)[0],
                    result.error,
                    needs,
                    part=part,
                    subject=subject,
                    affects_reach=reach,
                )
                if kind == "sp-assignments":
                    self.assignments_failed.add(sp_id)
                continue
            self._apply(kind, sp_id, result)
        self.details = {sp_id for sp_id in self.relevant if sp_id not in failed}

    def _apply(self, kind: str, sp_id: str, result: BatchResult) -> None:
        items = list(result.items)
        if kind in ("sp-owners", "app-owners"):
            known = {o["id"] for o in self.owners.get(sp_id, [])}
            self.owners.setdefault(sp_id, []).extend(
                o for o in (_directory_object(i) for i in items) if o["id"] not in known
            )
        elif kind == "sp-assignments":
            self.add_app_role_assignments(items)
        elif kind == "app-fic":
            self.federated[sp_id] = items
        elif kind == "user-memberOf":
            self.user_member_of = items
        elif kind == "user-grants":
            # Already known when the tenant-wide list was readable; this covers a 403 on that list.
            for grant in items:
                principal = str(grant.get("principalId"))
                if not any(g["id"] == grant.get("id") for g in self.grants_by_principal.get(principal, [])):
                    self.add_grants([grant])

    # ----- assembling ---
    def _credentials(
        self, sp_id: str, sp: Mapping[str, Any], app: Mapping[str, Any] | None
    ) -> list[PlatformCredential]:
        now = self.run.clock.now()
        out: list[PlatformCredential] = []
        sources: list[tuple[str, Mapping[str, Any]]] = [("service_principal", sp)]
        if app is not None:
            sources.insert(0, ("application", app))
        for source, obj in sources:
            for field_name, kind in (
                ("passwordCredentials", "client_secret"),
                ("keyCredentials", "certificate"),
            ):
                for cred in obj.get(field_name) or ():
                    if not isinstance(cred, Mapping):
                        continue
                    start, end = parse_time(cred.get("startDateTime")), parse_time(cred.get("endDateTime"))
                    attributes: dict[str, Any] = {"source": source, "display_name": cred.get("displayName")}
                    if start and end:
                        attributes["lifetime_days"] = round((end - start).total_seconds() / 86400, 1)
                    if kind == "certificate":
                        attributes["thumbprint"] = cred.get("customKeyIdentifier")
                        attributes["type"] = cred.get("type")
                    out.append(
                        PlatformCredential(
                            platform=Platform.ENTRA,
                            id=str(cred.get("keyId")),
                            identity_id=sp_id,
                            kind=kind,
                            created=start,
                            expires=end,
                            active=end is None or end > now,
                            attributes=attributes,
                        )
                    )
        for fic in self.federated.get(sp_id, []):
            out.append(
                PlatformCredential(
                    platform=Platform.ENTRA,
                    id=str(fic.get("id")),
                    identity_id=sp_id,
                    kind="federated_credential",
                    attributes={
                        "source": "application",
                        "name": fic.get("name"),
                        "issuer": fic.get("issuer"),
                        "subject": fic.get("subject"),
                        "audiences": list(fic.get("audiences") or []),
                    },
                )
            )
        return out

    @staticmethod
    def _role_caps(roles: Iterable[Mapping[str, Any]]) -> set[Capability]:
        return {
            Capability(
                Platform.ENTRA.value,
                "directory" if r["scope"] == "/" else f"directory{r['scope']}",
                r["name"],
                AccessLevel(r["level"]),
            )
            for r in roles
        }

    def _sp_identity(
        self, sp_id: str, sp: Mapping[str, Any]
    ) -> tuple[Identity, list[PlatformCredential], set[Capability]]:
        app = self.apps_by_app_id.get(str(sp.get("appId")))
        credentials = self._credentials(sp_id, sp, app)
        permissions = sorted(
            self.app_permissions.get(sp_id, {}).values(), key=lambda p: (p["resource"], p["permission"])
        )
        roles = self.roles.get(sp_id, [])
        detailed = sp_id in self.details
        kinds = [c.kind for c in credentials]
        # Known when the tenant-wide list was read and this app's own list did not fail, or when its own list
        # was read (it covers every resource); otherwise unknown (None), never "no permissions".
        own_read = sp_id in self.relevant and sp_id not in self.assignments_failed
        permissions_known = own_read or (
            self.tenant_assignments_read and sp_id not in self.assignments_failed
        )
        attributes: dict[str, Any] = {
            "appId": sp.get("appId"),
            "objectId": sp_id,
            "appOwnerOrganizationId": sp.get("appOwnerOrganizationId"),
            "servicePrincipalType": sp.get("servicePrincipalType"),
            "accountEnabled": sp.get("accountEnabled"),
            "applicationObjectId": app.get("id") if app else None,
            "app_permissions": permissions if permissions_known else None,
            "directory_roles": roles,
            "delegated_grants": self.grants_by_client.get(sp_id, []),
            # None means "not collected" (only relevant principals get per-object calls), never "none".
            "owners": self.owners.get(sp_id, []) if detailed else None,
            "credential_summary": {
                "client_secrets": kinds.count("client_secret"),
                "certificates": kinds.count("certificate"),
                "federated": kinds.count("federated_credential") if detailed and app is not None else None,
            },
            "details_collected": detailed,
        }
        aliases = tuple(dict.fromkeys(str(a) for a in (sp.get("appId"), sp_id, sp.get("displayName")) if a))
        reach = {
            Capability(Platform.ENTRA.value, p["resource"], p["permission"], AccessLevel(p["level"]))
            for p in permissions
        } | self._role_caps(roles)
        identity = Identity(
            platform=Platform.ENTRA,
            id=sp_id,
            name=str(sp.get("displayName") or sp_id),
            kind="service_principal",
            attributes=attributes,
            aliases=aliases,
        )
        return identity, credentials, reach

    def _user_identity(self, user: Mapping[str, Any]) -> tuple[Identity, set[Capability]]:
        user_id = str(user["id"])
        roles = list(self.roles.get(user_id, []))
        groups = []
        for obj in self.user_member_of or ():
            kind = str(obj.get("@odata.type", ""))
            if kind.endswith("directoryRole"):
                name = str(obj.get("displayName"))
                if not any(r["name"] == name for r in roles):
                    roles.append(
                        {
                            "name": name,
                            "scope": "/",
                            "templateId": obj.get("roleTemplateId"),
                            "level": role_level(name).value,
                        }
                    )
            elif kind.endswith("group"):
                groups.append({"id": obj.get("id"), "displayName": obj.get("displayName")})
                # Role-assignable groups pass their directory roles on to members.
                roles.extend(self.roles.get(str(obj.get("id")), []))
        grants = self.grants_by_principal.get(user_id, [])
        reach = self._role_caps(roles) | {
            # Delegated scopes act only on what the user can reach; keep them apart from app permissions.
            Capability(Platform.ENTRA.value, g["resource"], f"{scope} (delegated)", permission_level(scope))
            for g in grants
            for scope in g["scopes"]
        }
        identity = Identity(
            platform=Platform.ENTRA,
            id=user_id,
            # The UPN, not the display name: display names are not unique, so a baseline shown by its display
            # name could be any of several users.
            name=str(user.get("userPrincipalName") or user.get("displayName") or user_id),
            kind="user",
            attributes={
                "userPrincipalName": user.get("userPrincipalName"),
                "userType": user.get("userType"),
                "accountEnabled": user.get("accountEnabled"),
                "directory_roles": roles,
                "groups": groups if self.user_member_of is not None else None,
                "delegated_grants": grants,
            },
            aliases=tuple(dict.fromkeys(str(a) for a in (user.get("userPrincipalName"), user_id) if a)),
        )
        return identity, reach

    def build(self, user: Mapping[str, Any] | None) -> Snapshot:
        identities: list[Identity] = []
        credentials: list[PlatformCredential] = []
        reach: dict[str, frozenset[Capability]] = {}
        for sp_id, sp in sorted(self.sps.items()):
            identity, creds, caps = self._sp_identity(sp_id, sp)
            identities.append(identity)
            credentials.extend(creds)
            reach[sp_id] = frozenset(caps)
        baseline = None
        if user is not None:
            identity, caps = self._user_identity(user)
            identities.append(identity)
            reach[identity.id] = frozenset(caps)
            baseline = identity.id
        settings = self.run.settings
        return Snapshot(
            platform=Platform.ENTRA,
            collected_at=self.run.clock.now(),
            source=f"entra:{settings.tenant_id}",
            identities=tuple(identities),
            credentials=tuple(credentials),
            reach=reach,
            baseline=baseline,
            coverage=tuple(self.run.coverage),
            unread=tuple(self.run.unread),
            facts={
                "tenant_id": settings.tenant_id,
                "graph_url": settings.graph_url,
                "baseline_upn": self.request.baseline,
                "service_principals": len(self.sps),
                "applications": len(self.apps_by_app_id),
                "details_collected_for": sorted(self.details),
            },
        )
