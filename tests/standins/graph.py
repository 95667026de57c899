"""A local TLS stand-in for Entra ID and Microsoft Graph v1.0: OIDC discovery, token endpoint, Graph, $batch.

It follows the documented shapes (../shared/platform-shapes/graph): collections with absolute
@odata.nextLink links to itself, $select / $expand=roleDefinition / simple `$filter=x eq 'y'`, $batch of up to
20 GET requests with per-response status, error bodies {"error": {code, message, innerError}}, 429 with
Retry-After, and token errors {"error", "error_description", ...}. Tenant data is generated (GraphTenant) and
faults are injected per path (GraphStandIn.inject). Every request is logged so tests can assert counts and
that the collector only reads.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from werkzeug.wrappers import Request, Response

from tests.standins.tls import TlsServer

GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
GRAPH_SP_ID = "fea94d6d-b5bf-44d2-a887-4f72a8d74f44"

# Microsoft Graph application permissions (app roles) the stand-in knows: value -> app role id.
GRAPH_APP_ROLES: dict[str, str] = {
    "Directory.ReadWrite.All": "19dbc75e-c2e2-444c-a770-ec69d8559fc7",
    "RoleManagement.ReadWrite.Directory": "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8",
    "Application.ReadWrite.All": "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
    "AppRoleAssignment.ReadWrite.All": "06b708a9-e830-4db3-a914-8e69da51d44f",
    "User.Read.All": "df021288-bdef-4463-88db-98f22de89214",
    "Mail.Read": "810c84a8-4a9e-49e6-bf7d-12d183f40d01",
    "Mail.Send": "b633e1c5-b582-4048-a93e-9f11b44c7e96",
    "Sites.FullControl.All": "a82116e5-55eb-4c41-a434-62fe8a61c773",
    "Files.ReadWrite.All": "75359482-378d-4052-8f01-80520e7db3cd",
    "Directory.Read.All": "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
    "Application.Read.All": "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
    "Group.Read.All": "5b567255-7703-4780-807c-7be8301ae99b",
    "Calendars.Read": "798ee544-9d2d-430c-a058-570e29e34338",
}

# Which application permissions let a token make each GET the collector sends, from each operation's
# "Permissions" table in the Microsoft Graph v1.0 reference (least privileged first, then the higher ones).
# One alternative is a set of permissions that must all be granted. A call matching no row is refused.
_APP_READ = (
    "Application.Read.All",
    "Application.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
)
GRAPH_CALL_PERMISSIONS: tuple[tuple[re.Pattern[str], tuple[frozenset[str], ...]], ...] = tuple(
    (re.compile(pattern), tuple(frozenset(a.split("+")) for a in alternatives))
    for pattern, alternatives in (
        (r"^/servicePrincipals(/[^/]+)?$", _APP_READ),
        (r"^/servicePrincipals/[^/]+/owners$", _APP_READ),
        (
            r"^/servicePrincipals/[^/]+/(appRoleAssignments|appRoleAssignedTo)$",
            (*_APP_READ, "AppRoleAssignment.ReadWrite.All"),
        ),
        (r"^/applications(/[^/]+)?$", _APP_READ),
        (r"^/applications/[^/]+/owners$", _APP_READ),
        (
            r"^/applications/[^/]+/federatedIdentityCredentials$",
            ("Application.Read.All", "Application.ReadWrite.All"),
        ),
        (
            r"^/roleManagement/directory/roleAssignments$",
            (
                "RoleManagement.Read.Directory",
                "RoleManagement.Read.All",
                "RoleManagement.ReadWrite.Directory",
                "Directory.Read.All",
                "Directory.ReadWrite.All",
            ),
        ),
        (
            r"^(/users/[^/]+)?/oauth2PermissionGrants$",
            ("Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"),
        ),
        (
            r"^/users/[^/]+$",
            ("User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
        ),
        (
            r"^/users/[^/]+/memberOf$",
            ("Directory.Read.All", "Directory.ReadWrite.All", "GroupMember.Read.All+User.Read.All"),
        ),
    )
)


def graph_call_allowed(path: str, permissions: frozenset[str]) -> bool:
    """Whether application permissions `permissions` let a token GET `path` (relative to /v1.0)."""
    for pattern, alternatives in GRAPH_CALL_PERMISSIONS:
        if pattern.match(path):
            return any(needed <= permissions for needed in alternatives)
    return False


ROLE_TEMPLATES: dict[str, str] = {
    "Global Administrator": "62e90394-69f5-4237-9190-012177145e10",
    "Privileged Role Administrator": "e8611ab8-c189-46e8-94e1-60213ab1f814",
    "Application Administrator": "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
    "Cloud Application Administrator": "158c047a-c907-4556-b7ef-446551a6b5f7",
    "User Administrator": "fe930be7-5e62-47db-91af-98c3a49a38b1",
    "Directory Readers": "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
    "Reports Reader": "4a5d8f65-41da-4de4-8968-e035b65339cf",
}


def iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _oid(prefix: str, n: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"botaudit-standin/{prefix}/{n}"))


@dataclass
class ClientRegistration:
    """A client allowed to get tokens: a client secret and/or a certificate whose key signs assertions.

    `permissions`: the Graph application permissions admin-consented to it. None (the default) lets its tokens
    call anything; a set makes the stand-in answer 403 to every call those permissions do not grant.
    """

    client_id: str
    secret: str | None = None
    certificate_pem: bytes | None = None
    permissions: frozenset[str] | None = None


@dataclass
class GraphTenant:
    """Tenant data in Graph shapes; build it with the add_* helpers."""

    tenant_id: str
    service_principals: list[dict[str, Any]] = field(default_factory=list)
    applications: list[dict[str, Any]] = field(default_factory=list)
    app_role_assignments: list[dict[str, Any]] = field(default_factory=list)
    owners: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    federated: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    grants: list[dict[str, Any]] = field(default_factory=list)
    role_assignments: list[dict[str, Any]] = field(default_factory=list)
    users: list[dict[str, Any]] = field(default_factory=list)
    member_of: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    clients: dict[str, ClientRegistration] = field(default_factory=dict)
    _counter: int = 0

    def __post_init__(self) -> None:
        if not any(sp["appId"] == GRAPH_APP_ID for sp in self.service_principals):
            self.service_principals.append(
                {
                    "id": GRAPH_SP_ID,
                    "appId": GRAPH_APP_ID,
                    "displayName": "Microsoft Graph",
                    "appDisplayName": "Microsoft Graph",
                    "servicePrincipalType": "Application",
                    "appOwnerOrganizationId": "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
                    "accountEnabled": True,
                    "passwordCredentials": [],
                    "keyCredentials": [],
                    "appRoles": [
                        {
                            "allowedMemberTypes": ["Application"],
                            "id": role_id,
                            "isEnabled": True,
                            "origin": "Application",
                            "value": value,
                            "displayName": value,
                            "description": value,
                        }
                        for value, role_id in GRAPH_APP_ROLES.items()
                    ],
                }
            )

    def _next(self, prefix: str) -> str:
        self._counter += 1
        return _oid(f"{self.tenant_id}/{prefix}", self._counter)

    def add_app(
        self,
        name: str,
        *,
        app_id: str | None = None,
        secrets: Sequence[tuple[datetime, datetime | None]] = (),
        certificates: Sequence[tuple[datetime, datetime]] = (),
        federated_subjects: Sequence[str] = (),
        sp_type: str = "Application",
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """An application registration and its service principal; returns (application, service principal)."""
        app_id = app_id or self._next("appId")
        app = {
            "id": self._next("application"),
            "appId": app_id,
            "displayName": name,
            "createdDateTime": iso(datetime(2024, 1, 1, tzinfo=UTC)),
            "signInAudience": "AzureADMyOrg",
            "passwordCredentials": [
                {
                    "customKeyIdentifier": None,
                    "displayName": f"{name}-secret-{i}",
                    "endDateTime": iso(end) if end else None,
                    "hint": "Q~x",
                    "keyId": self._next("keyId"),
                    "secretText": None,
                    "startDateTime": iso(start),
                }
                for i, (start, end) in enumerate(secrets)
            ],
            "keyCredentials": [
                {
                    "customKeyIdentifier": "3F2A6C1B9E0D8A7B6C5D4E3F2A1B0C9D8E7F6A5B",
                    "displayName": f"CN={name}",
                    "endDateTime": iso(end),
                    "key": None,
                    "keyId": self._next("keyId"),
                    "startDateTime": iso(start),
                    "type": "AsymmetricX509Cert",
                    "usage": "Verify",
                }
                for start, end in certificates
            ],
        }
        sp = {
            "id": self._next("servicePrincipal"),
            "appId": app_id,
            "displayName": name,
            "appDisplayName": name,
            "servicePrincipalType": sp_type,
            "appOwnerOrganizationId": self.tenant_id,
            "accountEnabled": True,
            "appRoles": [],
            "passwordCredentials": [],
            "keyCredentials": [],
        }
        self.applications.append(app)
        self.service_principals.append(sp)
        if federated_subjects:
            self.federated[app["id"]] = [
                {
                    "id": self._next("fic"),
                    "name": f"fic-{i}",
                    "issuer": "https://token.actions.githubusercontent.com",
                    "subject": subject,
                    "audiences": ["api://AzureADTokenExchange"],
                }
                for i, subject in enumerate(federated_subjects)
            ]
        return app, sp

    def grant_app_role(self, sp: dict[str, Any], permission: str) -> None:
        """Give a service principal a Microsoft Graph application permission."""
        self.app_role_assignments.append(
            {
                "id": self._next("appRoleAssignment"),
                "appRoleId": GRAPH_APP_ROLES[permission],
                "createdDateTime": iso(datetime(2024, 2, 1, tzinfo=UTC)),
                "principalDisplayName": sp["displayName"],
                "principalId": sp["id"],
                "principalType": "ServicePrincipal",
                "resourceDisplayName": "Microsoft Graph",
                "resourceId": GRAPH_SP_ID,
            }
        )

    def add_user(self, upn: str, name: str) -> dict[str, Any]:
        user = {
            "id": self._next("user"),
            "displayName": name,
            "userPrincipalName": upn,
            "accountEnabled": True,
            "userType": "Member",
        }
        self.users.append(user)
        self.member_of.setdefault(user["id"], [])
        return user

    def add_owner(self, object_id: str, user: dict[str, Any]) -> None:
        """Make a user owner of an application or service principal (by object id)."""
        self.owners.setdefault(object_id, []).append(
            {
                "@odata.type": "#microsoft.graph.user",
                "id": user["id"],
                "displayName": user["displayName"],
                "userPrincipalName": user["userPrincipalName"],
            }
        )

    def assign_role(self, principal_id: str, role: str) -> None:
        template = ROLE_TEMPLATES[role]
        self.role_assignments.append(
            {
                "id": self._next("roleAssignment"),
                "principalId": principal_id,
                "directoryScopeId": "/",
                "roleDefinitionId": template,
            }
        )
        if principal_id in self.member_of:
            self.member_of[principal_id].append(
                {
                    "@odata.type": "#microsoft.graph.directoryRole",
                    "id": self._next("directoryRole"),
                    "displayName": role,
                    "roleTemplateId": template,
                }
            )

    def add_group_membership(self, user: dict[str, Any], group_name: str) -> None:
        self.member_of.setdefault(user["id"], []).append(
            {
                "@odata.type": "#microsoft.graph.group",
                "id": self._next("group"),
                "displayName": group_name,
                "securityEnabled": True,
                "groupTypes": [],
            }
        )

    def add_grant(self, client_sp: dict[str, Any], scope: str, *, principal_id: str | None = None) -> None:
        """A delegated grant to Microsoft Graph: tenant-wide (AllPrincipals) unless a principal is given."""
        self.grants.append(
            {
                "clientId": client_sp["id"],
                "consentType": "Principal" if principal_id else "AllPrincipals",
                "id": self._next("grant"),
                "principalId": principal_id,
                "resourceId": GRAPH_SP_ID,
                "scope": " " + scope,
            }
        )

    def register_client(
        self,
        client_id: str,
        *,
        secret: str | None = None,
        certificate_pem: bytes | None = None,
        permissions: Iterable[str] | None = None,
    ) -> None:
        granted = frozenset(permissions) if permissions is not None else None
        self.clients[client_id] = ClientRegistration(client_id, secret, certificate_pem, granted)


def make_certificate(common_name: str = "botaudit-test") -> tuple[bytes, bytes]:
    """A throwaway self-signed RSA certificate: (private key PEM, certificate PEM)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return key_pem, cert.public_bytes(serialization.Encoding.PEM)


def generated_tenant(
    service_principals: int, *, tenant_id: str = "11111111-2222-3333-4444-555555555555"
) -> GraphTenant:
    """A tenant of `service_principals` apps; every 50th holds Directory.ReadWrite.All with an owner."""
    tenant = GraphTenant(tenant_id=tenant_id)
    owner = tenant.add_user("owner@contoso.onmicrosoft.com", "App Owner")
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for n in range(service_principals):
        app, sp = tenant.add_app(f"app-{n:05d}", secrets=[(start, start + timedelta(days=365))])
        if n % 50 == 0:
            tenant.grant_app_role(sp, "Directory.ReadWrite.All")
            tenant.add_owner(sp["id"], owner)
        elif n % 7 == 0:
            tenant.grant_app_role(sp, "User.Read.All")
    return tenant


@dataclass
class Fault:
    """An injected failure for requests whose path contains `path_contains` (outer and inside $batch)."""

    path_contains: str
    status: int = 403
    times: int = -1
    retry_after: str | None = None
    malformed: bool = False
    # Match the Graph path (relative to /v1.0, e.g. "/applications") exactly instead of by substring.
    exact: bool = False
    # Seconds between single bytes of a 200 answer that never completes (outer GETs only): each read
    # returns in time, the answer never ends.
    trickle: float = 0.0


@dataclass(frozen=True)
class _Trickle:
    interval: float


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    query: str
    inner: bool = False


_FILTER = re.compile(r"^\s*(\w+)\s+eq\s+'([^']*)'\s*$")


class GraphStandIn:
    """The HTTPS server. Use as a context manager; `authority`, `graph_url` and `ca_bundle` for settings."""

    def __init__(self, tenant: GraphTenant, *, page_size: int = 100) -> None:
        self.tenant = tenant
        self.page_size = page_size
        self.log: list[LoggedRequest] = []
        self.faults: list[Fault] = []
        self._tokens: set[str] = set()
        # token -> the application permissions it carries (None: unrestricted)
        self._token_permissions: dict[str, frozenset[str] | None] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._tls = TlsServer(self._wsgi)
        self.ca_bundle = self._tls.ca_bundle
        self.port = self._tls.port
        self._index()

    # ----- lifecycle ---
    def __enter__(self) -> GraphStandIn:
        self._tls.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._tls.stop()

    @property
    def base(self) -> str:
        return self._tls.base

    @property
    def authority(self) -> str:
        return f"{self.base}/{self.tenant.tenant_id}"

    @property
    def graph_url(self) -> str:
        return self.base

    def settings(self, client_id: str, **extra: Any) -> dict[str, Any]:
        """Collector settings pointing at this stand-in."""
        return {
            "authority_host": self.base,
            "tenant_id": self.tenant.tenant_id,
            "client_id": client_id,
            "graph_url": self.graph_url,
            "ca_bundle": self.ca_bundle,
            **extra,
        }

    def inject(self, path_contains: str, **kwargs: Any) -> Fault:
        fault = Fault(path_contains, **kwargs)
        self.faults.append(fault)
        return fault

    def reset_log(self) -> None:
        with self._lock:
            self.log.clear()

    def _index(self) -> None:
        t = self.tenant
        self._sps = {sp["id"]: sp for sp in t.service_principals}
        self._apps = {app["id"]: app for app in t.applications}
        self._users = {u["id"]: u for u in t.users}
        self._users.update({u["userPrincipalName"].lower(): u for u in t.users})
        self._assign_by_principal: dict[str, list[dict[str, Any]]] = {}
        self._assign_by_resource: dict[str, list[dict[str, Any]]] = {}
        for a in t.app_role_assignments:
            self._assign_by_principal.setdefault(a["principalId"], []).append(a)
            self._assign_by_resource.setdefault(a["resourceId"], []).append(a)

    # ----- plumbing ---
    def _wsgi(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        with self._lock:
            self.log.append(LoggedRequest(request.method, request.path, request.query_string.decode()))
        try:
            response = self._route(request)
        except Exception as exc:  # a stand-in bug should show up as a 500, not hang the client
            response = self._json(500, {"error": {"code": "standin_bug", "message": repr(exc)}})
        return response(environ, start_response)

    def _fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                hit = fault.path_contains == path if fault.exact else fault.path_contains in path
                if hit and fault.times != 0:
                    if fault.times > 0:
                        fault.times -= 1
                    return fault
        return None

    @staticmethod
    def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
        return Response(json.dumps(body), status=status, headers=headers, content_type="application/json")

    @staticmethod
    def _graph_error(status: int, code: str, message: str) -> dict[str, Any]:
        return {
            "error": {
                "code": code,
                "message": message,
                "innerError": {"date": "2026-01-01T00:00:00", "request-id": str(uuid.uuid4())},
            }
        }

    def _route(self, request: Request) -> Response:
        path = request.path
        tenant = self.tenant.tenant_id
        if path == f"/{tenant}/v2.0/.well-known/openid-configuration" and request.method == "GET":
            return self._json(200, self._discovery())
        if path == f"/{tenant}/oauth2/v2.0/token":
            if request.method != "POST":
                return self._json(405, {"error": "invalid_request"})
            return self._token(request)
        if not path.startswith("/v1.0/"):
            return self._json(404, self._graph_error(404, "NotFound", "no such endpoint"))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in self._tokens:
            return self._json(
                401, self._graph_error(401, "InvalidAuthenticationToken", "Access token is empty.")
            )
        if path == "/v1.0/$batch":
            if request.method != "POST":
                return self._json(405, self._graph_error(405, "BadRequest", "use POST"))
            return self._batch(request, self._token_permissions.get(token))
        if request.method != "GET":
            return self._json(405, self._graph_error(405, "Request_BadRequest", "read-only stand-in"))
        query = {k: v for k, v in request.args.items()}
        status, headers, body = self._get(
            path.removeprefix("/v1.0"), query, request.host_url, self._token_permissions.get(token)
        )
        if isinstance(body, str):
            return Response(body, status=status, headers=headers, content_type="application/json")
        if isinstance(body, _Trickle):
            return Response(
                self._trickle(body.interval),
                status=200,
                headers={"Content-Length": "100000"},
                content_type="application/json",
                direct_passthrough=True,
            )
        return self._json(status, body, headers)

    def _trickle(self, interval: float) -> Iterator[bytes]:
        for _ in range(100_000):
            yield b" "
            if self._stopping.wait(interval):
                return

    # ----- identity platform ---
    def _discovery(self) -> dict[str, Any]:
        root = self.authority
        return {
            "token_endpoint": f"{root}/oauth2/v2.0/token",
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
            "jwks_uri": f"{root}/discovery/v2.0/keys",
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": f"{root}/v2.0",
            "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
            "device_authorization_endpoint": f"{root}/oauth2/v2.0/devicecode",
            "end_session_endpoint": f"{root}/oauth2/v2.0/logout",
            "tenant_region_scope": "EU",
            "cloud_instance_name": "microsoftonline.com",
            "msgraph_host": "graph.microsoft.com",
        }

    def _token_error(self, status: int, error: str, description: str, code: int) -> Response:
        return self._json(
            status,
            {
                "error": error,
                "error_description": description,
                "error_codes": [code],
                "timestamp": "2026-01-01 00:00:00Z",
                "trace_id": str(uuid.uuid4()),
                "correlation_id": str(uuid.uuid4()),
                "error_uri": f"{self.base}/error?code={code}",
            },
        )

    def _token(self, request: Request) -> Response:
        fault = self._fault(request.path)
        if fault is not None:
            return self._token_error(fault.status, "temporarily_unavailable", "injected fault", 90033)
        form = request.form
        client = self.tenant.clients.get(form.get("client_id", ""))
        if form.get("grant_type") != "client_credentials":
            return self._token_error(400, "unsupported_grant_type", "AADSTS70003: unsupported grant", 70003)
        if client is None:
            return self._token_error(
                400, "unauthorized_client", "AADSTS700016: Application not found in the directory.", 700016
            )
        if "client_secret" in form:
            if client.secret is None or form["client_secret"] != client.secret:
                return self._token_error(
                    401, "invalid_client", "AADSTS7000215: Invalid client secret provided.", 7000215
                )
        elif form.get("client_assertion_type") == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer":
            if not self._assertion_ok(client, form.get("client_assertion", ""), request.base_url):
                return self._token_error(
                    401,
                    "invalid_client",
                    "AADSTS700027: Client assertion failed signature validation.",
                    700027,
                )
        else:
            return self._token_error(400, "invalid_client", "AADSTS7000218: no client credential", 7000218)
        token = "standin." + base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        with self._lock:
            self._tokens.add(token)
            self._token_permissions[token] = client.permissions
        return self._json(
            200, {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token}
        )

    @staticmethod
    def _assertion_ok(client: ClientRegistration, assertion: str, token_url: str) -> bool:
        if client.certificate_pem is None:
            return False
        public_key = x509.load_pem_x509_certificate(client.certificate_pem).public_key()
        try:
            claims = jwt.decode(
                assertion,
                public_key,  # type: ignore[arg-type]
                algorithms=["RS256", "PS256"],
                audience=token_url,
                options={"require": ["exp", "aud", "iss", "sub"]},
            )
        except jwt.PyJWTError:
            return False
        return bool(claims.get("iss") == client.client_id and claims.get("sub") == client.client_id)

    # ----- Graph --------------------------------------------------------------------------------------------
    def _batch(self, request: Request, permissions: frozenset[str] | None = None) -> Response:
        body = request.get_json(silent=True)
        requests_ = body.get("requests") if isinstance(body, dict) else None
        if not isinstance(requests_, list) or not requests_ or len(requests_) > 20:
            return self._json(400, self._graph_error(400, "BadRequest", "a $batch holds 1 to 20 requests"))
        responses = []
        for item in requests_:
            url = urlsplit(str(item.get("url", "")))
            method = str(item.get("method", "GET")).upper()
            with self._lock:
                self.log.append(LoggedRequest(method, url.path, url.query, inner=True))
            if method != "GET":
                status, headers, payload = 405, {}, self._graph_error(405, "BadRequest", "read-only stand-in")
            else:
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                inner = url.path.removeprefix("/v1.0")
                status, headers, payload = self._get(inner, query, request.host_url, permissions)
            responses.append({"id": item.get("id"), "status": status, "headers": headers, "body": payload})
        return self._json(200, {"responses": responses})

    def _get(
        self, path: str, query: dict[str, str], host_url: str, permissions: frozenset[str] | None = None
    ) -> tuple[int, dict[str, str], Any]:
        """Answer one Graph GET (path relative to /v1.0): (status, headers, body dict or raw text)."""
        if permissions is not None and not graph_call_allowed(path, permissions):
            return (
                403,
                {},
                self._graph_error(
                    403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."
                ),
            )
        fault = self._fault(path)
        if fault is not None:
            if fault.trickle:
                return 200, {}, _Trickle(fault.trickle)
            if fault.malformed:
                return 200, {}, '{"value": [ this is not json'
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            code = {403: "Authorization_RequestDenied", 429: "TooManyRequests"}.get(fault.status, "Error")
            return fault.status, headers, self._graph_error(fault.status, code, "injected fault")
        parts = [p for p in path.split("/") if p]
        items = self._collection(parts)
        if items is None:
            single = self._single(parts)
            if single is None:
                return 404, {}, self._graph_error(404, "Request_ResourceNotFound", f"{path} does not exist")
            return 200, {}, self._select(single, query)
        match = _FILTER.match(query.get("$filter", "")) if "$filter" in query else None
        if match:
            items = [i for i in items if str(i.get(match.group(1))) == match.group(2)]
        if parts == ["roleManagement", "directory", "roleAssignments"] and "roleDefinition" in query.get(
            "$expand", ""
        ):
            items = [dict(i, roleDefinition=self._role_definition(i["roleDefinitionId"])) for i in items]
        top = min(int(query.get("$top", self.page_size)), 999)
        offset = int(base64.urlsafe_b64decode(query["$skiptoken"]).decode()) if "$skiptoken" in query else 0
        page = [self._select(i, query) for i in items[offset : offset + top]]
        body: dict[str, Any] = {"@odata.context": f"{host_url}v1.0/$metadata#{parts[0]}", "value": page}
        if offset + top < len(items):
            token = base64.urlsafe_b64encode(str(offset + top).encode()).decode()
            params = {k: v for k, v in query.items() if k != "$skiptoken"} | {"$skiptoken": token}
            body["@odata.nextLink"] = f"{host_url}v1.0{path}?{urlencode(params, safe='$,')}"
        return 200, {}, body

    @staticmethod
    def _select(item: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
        fields = [f.strip() for f in query.get("$select", "").split(",") if f.strip()]
        if not fields:
            return item
        keep = set(fields) | {"@odata.type", "roleDefinition"}
        return {k: v for k, v in item.items() if k in keep}

    def _role_definition(self, template: str) -> dict[str, Any]:
        name = next((n for n, t in ROLE_TEMPLATES.items() if t == template), "Custom role")
        return {
            "id": template,
            "displayName": name,
            "isBuiltIn": True,
            "isEnabled": True,
            "templateId": template,
        }

    def _collection(self, parts: list[str]) -> list[dict[str, Any]] | None:
        t = self.tenant
        if parts == ["servicePrincipals"]:
            return t.service_principals
        if parts == ["applications"]:
            return t.applications
        if parts == ["oauth2PermissionGrants"]:
            return t.grants
        if parts == ["roleManagement", "directory", "roleAssignments"]:
            return t.role_assignments
        if len(parts) == 3 and parts[0] == "servicePrincipals" and parts[1] in self._sps:
            return {
                "appRoleAssignments": self._assign_by_principal.get(parts[1], []),
                "appRoleAssignedTo": self._assign_by_resource.get(parts[1], []),
                "owners": t.owners.get(parts[1], []),
            }.get(parts[2])
        if len(parts) == 3 and parts[0] == "applications" and parts[1] in self._apps:
            return {
                "owners": t.owners.get(parts[1], []),
                "federatedIdentityCredentials": t.federated.get(parts[1], []),
            }.get(parts[2])
        if len(parts) == 3 and parts[0] == "users":
            user = self._users.get(parts[1].lower()) or self._users.get(parts[1])
            if user is None:
                return None
            if parts[2] == "memberOf":
                return t.member_of.get(user["id"], [])
            if parts[2] == "oauth2PermissionGrants":
                return [g for g in t.grants if g.get("principalId") == user["id"]]
        return None

    def _single(self, parts: list[str]) -> dict[str, Any] | None:
        if len(parts) == 2 and parts[0] == "users":
            return self._users.get(parts[1].lower()) or self._users.get(parts[1])
        if len(parts) == 2 and parts[0] == "servicePrincipals":
            return self._sps.get(parts[1])
        return None

    # ----- assertions helpers ---
    def graph_requests(self) -> Iterator[LoggedRequest]:
        return (r for r in self.log if r.path.startswith("/v1.0") or r.inner)


# The demo tenant behind sample_configs/ (see sample_configs/IDENTIFIERS.md, section "Entra").
DEMO_TENANT_ID = "7f3c9a2e-5b1d-4e8f-a6c4-2d9b0e1f3a57"
DEMO_HR_BOT_CLIENT_ID = "4b8e2c71-9d3a-4f6e-b5c2-8a1d7e0f9c36"
DEMO_BASELINE_UPN = "junior.rep@acmedemo.onmicrosoft.com"


def demo_tenant(now: datetime, *, client_secret: str = "demo-secret-not-real-0000") -> GraphTenant:
    """The HR Teams bot's tenant: Mail.Read, User.Read.All and Directory.ReadWrite.All app-only, a two-year
    client secret created 400 days before `now`, an owner, and a junior user with no roles."""
    tenant = GraphTenant(tenant_id=DEMO_TENANT_ID)
    created = now - timedelta(days=400)
    app, sp = tenant.add_app(
        "hr-teams-bot", app_id=DEMO_HR_BOT_CLIENT_ID, secrets=[(created, created + timedelta(days=730))]
    )
    for permission in ("Mail.Read", "User.Read.All", "Directory.ReadWrite.All"):
        tenant.grant_app_role(sp, permission)
    owner = tenant.add_user("it.admin@acmedemo.onmicrosoft.com", "IT Admin")
    tenant.add_owner(app["id"], owner)
    junior = tenant.add_user(DEMO_BASELINE_UPN, "Junior Rep")
    tenant.add_group_membership(junior, "Sales Team")
    tenant.add_grant(sp, "User.Read", principal_id=junior["id"])
    # A well-run neighbour: certificate plus federated credential, read-only permission.
    _, reporting = tenant.add_app(
        "reporting-agent",
        certificates=[(now - timedelta(days=30), now + timedelta(days=150))],
        federated_subjects=["repo:acme/reporting:ref:refs/heads/main"],
    )
    tenant.grant_app_role(reporting, "Calendars.Read")
    tenant.register_client(DEMO_HR_BOT_CLIENT_ID, secret=client_secret)
    return tenant
