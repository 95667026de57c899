"""A local HTTPS stand-in for Salesforce's REST API: JWT bearer token, versions, describe and SOQL queries.

It follows the documented shapes in ../shared/platform-shapes/salesforce (query paging with nextRecordsUrl,
errors as a JSON array of {message, errorCode}), parses the small SOQL subset the collector sends (field
lists with relationship paths, WHERE with IN lists, `=`, AND/OR and IN semi-joins), logs every request, and
can inject faults (HTTP errors, Retry-After, malformed bodies) per target.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

import jwt
from werkzeug.wrappers import Request, Response

from tests.standins.tls import TlsServer

API_VERSIONS = ("59.0", "60.0")
ORG_ID = "00D5g000000DeMoEAK"

BASE_FIELDS: Mapping[str, tuple[str, ...]] = {
    "User": (
        "Id",
        "Username",
        "Name",
        "ProfileId",
        "Profile.Name",
        "UserType",
        "IsActive",
        "LastLoginDate",
        "LastPasswordChangeDate",
        "CreatedDate",
        "Email",
    ),
    "PermissionSet": (
        "Id",
        "Name",
        "Label",
        "IsOwnedByProfile",
        "IsCustom",
        "ProfileId",
        "Profile.Name",
        "NamespacePrefix",
        "Type",
        "PermissionSetGroupId",
        "LastModifiedDate",
    ),
    "PermissionSetAssignment": (
        "Id",
        "AssigneeId",
        "PermissionSetId",
        "PermissionSetGroupId",
        "IsActive",
        "ExpirationDate",
        "Assignee.Username",
        "PermissionSet.Name",
    ),
    "ObjectPermissions": (
        "Id",
        "ParentId",
        "SobjectType",
        "PermissionsRead",
        "PermissionsCreate",
        "PermissionsEdit",
        "PermissionsDelete",
        "PermissionsViewAllRecords",
        "PermissionsModifyAllRecords",
        "Parent.Name",
    ),
    "LoginIpRange": ("Id", "ProfileId", "StartAddress", "EndAddress", "Description"),
    "ConnectedApplication": (
        "Id",
        "Name",
        "OptionsAllowAdminApprovedUsersOnly",
        "OptionsRefreshTokenValidityMetric",
        "RefreshTokenValidityPeriod",
        "OptionsHasSessionLevelPolicy",
        "CreatedDate",
    ),
    "OauthToken": (
        "Id",
        "AppName",
        "UserId",
        "CreatedDate",
        "LastUsedDate",
        "UseCount",
        "AppMenuItemId",
        "AccessToken",
        "DeleteToken",
        "RequestToken",
    ),
}
KEY_PREFIX = {
    "User": "005",
    "PermissionSet": "0PS",
    "PermissionSetAssignment": "0Pa",
    "ObjectPermissions": "110",
    "LoginIpRange": "0Ii",
    "ConnectedApplication": "0H4",
    "Profile": "00e",
    "OauthToken": "0Pp",
    "PermissionSetGroup": "0PG",
}
# Every Permissions* field the generated PermissionSet rows carry; describe lists exactly these.
DEFAULT_PERMISSION_FIELDS = (
    "ModifyAllData",
    "ViewAllData",
    "ManageUsers",
    "AuthorApex",
    "CustomizeApplication",
    "ApiEnabled",
    "ApiUserOnly",
    "ViewSetup",
    "ManageInternalUsers",
    "ResetPasswords",
    "ManageProfilesPermissionsets",
    "AssignPermissionSets",
    "ModifyMetadata",
    "ManageSharing",
    "ViewAllUsers",
    "ExportReport",
)
SOBJECTS = ("Account", "Contact", "Opportunity", "Case", "Lead", "Contract", "Quote", "Campaign")


def sf_time(text: str) -> str:
    """'2024-01-02' or '2024-01-02T03:04:05' -> Salesforce's '2024-01-02T03:04:05.000+0000'."""
    if "T" not in text:
        text += "T00:00:00"
    return text[:19] + ".000+0000"


# -- org data -----------------------------------------------------------------------------------------------


@dataclass
class OrgData:
    """Flat records per sObject (relationship fields as dotted keys) and the PermissionSet describe fields."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {k: [] for k in BASE_FIELDS})
    permission_fields: tuple[str, ...] = DEFAULT_PERMISSION_FIELDS
    profiles: dict[str, str] = field(default_factory=dict)  # name -> id
    # record id -> Username / permission set Name, so building a 10,000-user org stays linear.
    names: dict[str, str] = field(default_factory=dict)
    _seq: Any = field(default_factory=lambda: itertools.count(1))

    def new_id(self, sobject: str) -> str:
        return f"{KEY_PREFIX[sobject]}5g{next(self._seq):010d}AAA"

    def fields(self, sobject: str) -> tuple[str, ...]:
        base = BASE_FIELDS[sobject]
        if sobject == "PermissionSet":
            return base + tuple("Permissions" + p for p in self.permission_fields)
        return base

    # builders -----------------------------------------------------------------------------------------

    def add_profile(self, name: str, **perms: bool) -> str:
        """A profile and the permission set that mirrors it (IsOwnedByProfile); returns the profile id."""
        prof_id = self.new_id("Profile")
        self.profiles[name] = prof_id
        ps_id = self.add_permission_set(
            f"X{prof_id[:15]}_{len(self.profiles)}",
            label=prof_id[:15],
            type_="Profile",
            profile_id=prof_id,
            profile_name=name,
            **perms,
        )
        self.names["ps-of:" + prof_id] = ps_id
        return prof_id

    def profile_permission_set(self, profile_id: str) -> str:
        return self.names["ps-of:" + profile_id]

    def add_permission_set(
        self,
        name: str,
        *,
        label: str | None = None,
        type_: str = "Regular",
        profile_id: str | None = None,
        profile_name: str | None = None,
        group_id: str | None = None,
        **perms: bool,
    ) -> str:
        ps_id = self.new_id("PermissionSet")
        row: dict[str, Any] = {
            "Id": ps_id,
            "Name": name,
            "Label": label or name.replace("_", " "),
            "IsOwnedByProfile": profile_id is not None,
            "IsCustom": profile_id is None,
            "ProfileId": profile_id,
            "Profile.Name": profile_name,
            "NamespacePrefix": None,
            "Type": type_,
            "PermissionSetGroupId": group_id,
            "LastModifiedDate": sf_time("2024-03-05"),
        }
        for p in self.permission_fields:
            row["Permissions" + p] = bool(perms.get(p, False))
        unknown = set(perms) - set(self.permission_fields)
        if unknown:
            raise ValueError(f"unknown permission fields {sorted(unknown)}")
        self.tables["PermissionSet"].append(row)
        self.names[ps_id] = name
        return ps_id

    def add_group(self, name: str, **perms: bool) -> tuple[str, str]:
        """A permission set group: (group id, id of its aggregate permission set of Type 'Group')."""
        group_id = self.new_id("PermissionSetGroup")
        ps_id = self.add_permission_set(f"{name}_aggregate", type_="Group", group_id=group_id, **perms)
        return group_id, ps_id

    def add_user(
        self,
        username: str,
        *,
        profile: str,
        name: str | None = None,
        active: bool = True,
        last_login: str | None = "2025-10-01",
        password_changed: str | None = "2025-09-01",
        created: str = "2023-01-15",
        user_type: str = "Standard",
    ) -> str:
        user_id = self.new_id("User")
        profile_id = self.profiles[profile]
        self.names[user_id] = username
        self.tables["User"].append(
            {
                "Id": user_id,
                "Username": username,
                "Name": name or username.split("@")[0],
                "ProfileId": profile_id,
                "Profile.Name": profile,
                "UserType": user_type,
                "IsActive": active,
                "LastLoginDate": sf_time(last_login) if last_login else None,
                "LastPasswordChangeDate": sf_time(password_changed) if password_changed else None,
                "CreatedDate": sf_time(created),
                "Email": username,
            }
        )
        self.assign(user_id, self.profile_permission_set(profile_id))
        return user_id

    def assign(
        self, user_id: str, ps_id: str, *, group_id: str | None = None, expires: str | None = None
    ) -> str:
        row_id = self.new_id("PermissionSetAssignment")
        username = self.names[user_id]
        ps_name = self.names[ps_id]
        self.tables["PermissionSetAssignment"].append(
            {
                "Id": row_id,
                "AssigneeId": user_id,
                "PermissionSetId": ps_id,
                "PermissionSetGroupId": group_id,
                "IsActive": True,
                "ExpirationDate": sf_time(expires) if expires else None,
                "Assignee.Username": username,
                "PermissionSet.Name": ps_name,
            }
        )
        return row_id

    def assign_group(self, user_id: str, group: tuple[str, str]) -> str:
        group_id, ps_id = group
        return self.assign(user_id, ps_id, group_id=group_id)

    def grant_object(self, ps_id: str, sobject: str, *flags: str) -> None:
        """flags among read, create, edit, delete, view_all, modify_all."""
        names = {
            "read": "PermissionsRead",
            "create": "PermissionsCreate",
            "edit": "PermissionsEdit",
            "delete": "PermissionsDelete",
            "view_all": "PermissionsViewAllRecords",
            "modify_all": "PermissionsModifyAllRecords",
        }
        ps_name = self.names[ps_id]
        row = {
            "Id": self.new_id("ObjectPermissions"),
            "ParentId": ps_id,
            "SobjectType": sobject,
            "Parent.Name": ps_name,
        }
        for flag, col in names.items():
            row[col] = flag in flags
        self.tables["ObjectPermissions"].append(row)

    def add_ip_range(self, profile: str, start: str, end: str) -> None:
        self.tables["LoginIpRange"].append(
            {
                "Id": self.new_id("LoginIpRange"),
                "ProfileId": self.profiles[profile],
                "StartAddress": start,
                "EndAddress": end,
                "Description": None,
            }
        )

    def add_app(
        self, name: str, *, admin_approved: bool, refresh_period: int | None, by_inactivity: bool = False
    ) -> str:
        app_id = self.new_id("ConnectedApplication")
        self.tables["ConnectedApplication"].append(
            {
                "Id": app_id,
                "Name": name,
                "OptionsAllowAdminApprovedUsersOnly": admin_approved,
                "OptionsRefreshTokenValidityMetric": by_inactivity,
                "RefreshTokenValidityPeriod": refresh_period,
                "OptionsHasSessionLevelPolicy": False,
                "CreatedDate": sf_time("2023-01-01"),
            }
        )
        return app_id

    def add_token(
        self, app: str, user_id: str, *, created: str, last_used: str | None, use_count: int = 10
    ) -> None:
        self.tables["OauthToken"].append(
            {
                # Salesforce returns Id null for OauthToken; secret-bearing fields get fake values so a test
                # can prove the collector never selects them.
                "Id": None,
                "AppName": app,
                "UserId": user_id,
                "CreatedDate": sf_time(created),
                "LastUsedDate": sf_time(last_used) if last_used else None,
                "UseCount": use_count,
                "AppMenuItemId": None,
                "AccessToken": "5Aep861SECRETACCESS" + secrets.token_hex(4),
                "DeleteToken": "DELSECRET" + secrets.token_hex(4),
                "RequestToken": "REQSECRET" + secrets.token_hex(4),
            }
        )

    def user_id(self, username: str) -> str:
        return next(u["Id"] for u in self.tables["User"] if u["Username"] == username)


STANDARD_PROFILES: Mapping[str, Mapping[str, bool]] = {
    "System Administrator": dict(
        ModifyAllData=True,
        ViewAllData=True,
        ManageUsers=True,
        AuthorApex=True,
        CustomizeApplication=True,
        ApiEnabled=True,
        ViewSetup=True,
        ManageInternalUsers=True,
        ResetPasswords=True,
        ManageProfilesPermissionsets=True,
        AssignPermissionSets=True,
        ModifyMetadata=True,
        ManageSharing=True,
        ViewAllUsers=True,
        ExportReport=True,
    ),
    "Standard User": dict(ApiEnabled=True, ExportReport=True),
    "Minimum Access - API Only Integrations": dict(ApiEnabled=True, ApiUserOnly=True),
    "Read Only": dict(ApiEnabled=False),
}


def add_standard_profiles(org: OrgData) -> None:
    for name, perms in STANDARD_PROFILES.items():
        prof = org.add_profile(name, **perms)
        ps = org.profile_permission_set(prof)
        if name == "System Administrator":
            for obj in SOBJECTS:
                org.grant_object(ps, obj, "read", "create", "edit", "delete", "view_all", "modify_all")
        elif name == "Standard User":
            for obj in SOBJECTS[:5]:
                org.grant_object(ps, obj, "read", "create", "edit")
        elif name == "Read Only":
            for obj in SOBJECTS[:5]:
                org.grant_object(ps, obj, "read")


def generate_org(n_users: int, n_permission_sets: int, *, seed: int = 7, tokens_every: int = 10) -> OrgData:
    """A synthetic org: standard profiles, custom permission sets and groups, users with 0-3 extra sets,
    object permissions, IP ranges on two profiles, three connected apps and OAuth tokens for some users."""
    rng = random.Random(seed)
    org = OrgData()
    add_standard_profiles(org)
    org.add_ip_range("Standard User", "10.0.0.0", "10.255.255.255")
    org.add_ip_range("Read Only", "192.168.0.0", "192.168.255.255")
    perm_names = [p for p in DEFAULT_PERMISSION_FIELDS if p != "ApiUserOnly"]
    sets: list[str] = []
    for i in range(n_permission_sets):
        perms = {p: rng.random() < 0.05 for p in perm_names}
        ps = org.add_permission_set(f"Custom_Set_{i:05d}", **perms)
        for obj in rng.sample(SOBJECTS, 2):
            org.grant_object(ps, obj, *rng.sample(["read", "create", "edit", "delete", "view_all"], 2))
        sets.append(ps)
    groups = [org.add_group(f"Group_{i}", ViewSetup=True) for i in range(max(1, n_permission_sets // 100))]
    profiles = ["Standard User"] * 8 + ["Read Only", "System Administrator"]
    for app in ("Slack Sales Bot", "Data Loader", "Legacy Portal"):
        org.add_app(
            app, admin_approved=(app == "Data Loader"), refresh_period=(None if app != "Data Loader" else 90)
        )
    for i in range(n_users):
        uid = org.add_user(f"user{i:05d}@bigorg.example", profile=rng.choice(profiles))
        for ps in rng.sample(sets, min(len(sets), rng.randint(0, 3))):
            org.assign(uid, ps)
        if groups and rng.random() < 0.1:
            org.assign_group(uid, rng.choice(groups))
        if tokens_every and i % tokens_every == 0:
            org.add_token(
                "Slack Sales Bot",
                uid,
                created="2024-01-01",
                last_used=rng.choice(["2024-02-01", "2025-11-01"]),
            )
    return org


# -- SOQL subset --------------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:\\.|[^'\\])*')|(?P<word>[A-Za-z_][\w.]*)|(?P<num>-?\d+(?:\.\d+)?)|(?P<punct>[(),=]))"
)


class SoqlError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Query:
    fields: list[str]
    sobject: str
    where: Any = None


def tokenize(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise SoqlError("MALFORMED_QUERY", f"unexpected token: '{text[pos : pos + 10].strip()}'")
        kind = m.lastgroup or ""
        value = m.group(kind)
        if kind == "str":
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        out.append((kind, value))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.toks = tokens
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok is None or (value is not None and tok[1].upper() != value.upper()):
            raise SoqlError("MALFORMED_QUERY", f"unexpected token: '{tok[1] if tok else 'EOF'}'")
        self.i += 1
        return tok

    def query(self) -> Query:
        self.take("SELECT")
        fields = [self.take()[1]]
        while self.peek() and self.peek()[1] == ",":  # type: ignore[index]
            self.take(",")
            fields.append(self.take()[1])
        self.take("FROM")
        sobject = self.take()[1]
        where = None
        if self.peek() and self.peek()[1].upper() == "WHERE":  # type: ignore[index]
            self.take("WHERE")
            where = self.cond()
        return Query(fields, sobject, where)

    def cond(self) -> Any:
        terms = [self.term()]
        while self.peek() and self.peek()[1].upper() == "OR":  # type: ignore[index]
            self.take()
            terms.append(self.term())
        return ("or", terms) if len(terms) > 1 else terms[0]

    def term(self) -> Any:
        factors = [self.factor()]
        while self.peek() and self.peek()[1].upper() == "AND":  # type: ignore[index]
            self.take()
            factors.append(self.factor())
        return ("and", factors) if len(factors) > 1 else factors[0]

    def factor(self) -> Any:
        if self.peek() and self.peek()[1] == "(":  # type: ignore[index]
            self.take("(")
            inner = self.cond()
            self.take(")")
            return inner
        name = self.take()[1]
        op = self.take()[1].upper()
        if op == "=":
            kind, value = self.take()
            return ("eq", name, _literal(kind, value))
        if op != "IN":
            raise SoqlError("MALFORMED_QUERY", f"unexpected token: '{op}'")
        self.take("(")
        if self.peek() and self.peek()[1].upper() == "SELECT":  # type: ignore[index]
            sub = self.query()
            self.take(")")
            return ("semi", name, sub)
        values = [_literal(*self.take())]
        while self.peek() and self.peek()[1] == ",":  # type: ignore[index]
            self.take(",")
            values.append(_literal(*self.take()))
        self.take(")")
        return ("in", name, set(values))


def _literal(kind: str, value: str) -> Any:
    if kind == "str":
        return value
    if kind == "num":
        return float(value) if "." in value else int(value)
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    if value.lower() == "null":
        return None
    raise SoqlError("MALFORMED_QUERY", f"unexpected token: '{value}'")


def parse_soql(text: str) -> Query:
    parser = _Parser(tokenize(text))
    q = parser.query()
    if parser.peek() is not None:
        raise SoqlError("MALFORMED_QUERY", f"unexpected token: '{parser.peek()[1]}'")  # type: ignore[index]
    return q


# -- the server ---------------------------------------------------------------------------------------------


@dataclass
class Fault:
    """An injected answer for requests to `target` (sObject name, 'describe', 'versions', 'token', 'page')."""

    status: int
    body: Any = None
    raw: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    times: int | None = 1


@dataclass(frozen=True)
class LogEntry:
    method: str
    path: str
    target: str
    status: int


class SalesforceStandIn:
    """HTTPS on 127.0.0.1 with a throwaway CA (trustme). Use as a context manager.

    `url` serves both as login URL (token endpoint, JWT audience) and instance URL.
    """

    def __init__(
        self,
        org: OrgData,
        *,
        workdir: Path,
        page_size: int = 2000,
        now: Callable[[], float] = time.time,
        enforce_permissions: bool = False,
    ) -> None:
        self.org = org
        # With enforcement, a JWT-issued token acts with its user's permissions (profile + permission sets),
        # as the documented minimal-permission set is tested: see _refusal.
        self.enforce_permissions = enforce_permissions
        self.token_users: dict[str, str] = {}
        self.page_size = page_size
        self.now = now
        self.log: list[LogEntry] = []
        self.faults: dict[str, list[Fault]] = {}
        self.clients: dict[str, tuple[str, set[str] | None]] = {}
        self.tokens: set[str] = set()
        self._locators: dict[str, list[dict[str, Any]]] = {}
        self._loc_seq = itertools.count(1)
        self._lock = threading.Lock()
        self._tls = TlsServer(self._wsgi, ca_dir=Path(workdir), ca_name="salesforce-standin-ca.pem")
        self.ca_path = Path(self._tls.ca_bundle)
        self.port = self._tls.port
        self.url = self._tls.base

    # lifecycle ------------------------------------------------------------------------------------------

    def __enter__(self) -> SalesforceStandIn:
        self._tls.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._tls.stop()

    # test controls ----------------------------------------------------------------------------------------

    def register_client(
        self, consumer_key: str, public_key_pem: str, approved: Iterable[str] | None = None
    ) -> None:
        self.clients[consumer_key] = (public_key_pem, set(approved) if approved is not None else None)

    def issue_token(self) -> str:
        token = f"{ORG_ID}!AQ{secrets.token_urlsafe(24)}"
        self.tokens.add(token)
        return token

    def revoke_all(self) -> None:
        self.tokens.clear()

    def fail(
        self,
        target: str,
        status: int,
        body: Any = None,
        *,
        raw: str | None = None,
        headers: Mapping[str, str] | None = None,
        times: int | None = 1,
    ) -> None:
        self.faults.setdefault(target, []).append(Fault(status, body, raw, dict(headers or {}), times))

    def queries(self) -> list[LogEntry]:
        return [e for e in self.log if e.target not in ("token", "versions", "describe")]

    # wsgi ---------------------------------------------------------------------------------------------------

    def _wsgi(self, environ: Any, start_response: Any) -> Any:
        request = Request(environ)
        target, response = self._dispatch(request)
        with self._lock:
            self.log.append(LogEntry(request.method, request.path, target, response.status_code))
        return response(environ, start_response)

    def _fault(self, target: str) -> Response | None:
        with self._lock:
            queue = self.faults.get(target)
            if not queue:
                return None
            fault = queue[0]
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    queue.pop(0)
        body = fault.raw if fault.raw is not None else json.dumps(fault.body)
        return Response(
            body, status=fault.status, headers=dict(fault.headers), content_type="application/json"
        )

    @staticmethod
    def _json(body: Any, status: int = 200) -> Response:
        return Response(json.dumps(body), status=status, content_type="application/json;charset=UTF-8")

    def _error(self, status: int, code: str, message: str) -> Response:
        return self._json([{"message": message, "errorCode": code}], status)

    def _dispatch(self, request: Request) -> tuple[str, Response]:
        path = request.path
        if path == "/services/oauth2/token":
            return "token", (self._fault("token") or self._token(request))
        if request.method != "GET":
            return "other", self._error(
                405, "METHOD_NOT_ALLOWED", f"HTTP Method '{request.method}' not allowed"
            )
        if path.rstrip("/") == "/services/data":
            return "versions", (
                self._fault("versions")
                or self._json(
                    [{"label": f"v{v}", "url": f"/services/data/v{v}", "version": v} for v in API_VERSIONS]
                )
            )
        m = re.fullmatch(r"/services/data/v(\d+\.\d+)/(.*?)/?", path)
        if not m or m.group(1) not in API_VERSIONS:
            return "other", self._error(404, "NOT_FOUND", "The requested resource does not exist")
        version, rest = m.group(1), m.group(2)
        if not self._authorized(request):
            return "auth", self._error(401, "INVALID_SESSION_ID", "Session expired or invalid")
        refused = self._refusal(request, rest)
        if refused is not None:
            return "refused", refused
        if rest == "sobjects/PermissionSet/describe":
            return "describe", (self._fault("describe") or self._describe(version))
        if rest == "query":
            return self._query(request, version)
        pm = re.fullmatch(r"query/(01g[\w]+)-(\d+)", rest)
        if pm:
            return "page", (self._fault("page") or self._page(pm.group(1), int(pm.group(2)), version))
        return "other", self._error(404, "NOT_FOUND", "The requested resource does not exist")

    # Setup objects a user reads only with View Setup and Configuration ("INVALID_TYPE" is what Salesforce
    # answers for an object the user cannot see).
    SETUP_OBJECTS = frozenset(
        {
            "PermissionSet",
            "PermissionSetAssignment",
            "ObjectPermissions",
            "LoginIpRange",
            "ConnectedApplication",
        }
    )

    def user_permissions(self, user_id: str) -> frozenset[str]:
        """The user's system permissions: every Permissions* flag set on a permission set assigned to them
        (the profile's own permission set included)."""
        assigned = {
            a["PermissionSetId"]
            for a in self.org.tables["PermissionSetAssignment"]
            if a["AssigneeId"] == user_id
        }
        granted: set[str] = set()
        for ps in self.org.tables["PermissionSet"]:
            if ps["Id"] in assigned:
                granted |= {
                    k.removeprefix("Permissions") for k, v in ps.items() if k.startswith("Permissions") and v
                }
        return frozenset(granted)

    def _token_user(self, request: Request) -> str | None:
        header = request.headers.get("Authorization", "")
        return self.token_users.get(header[7:]) if header.startswith("Bearer ") else None

    def _refusal(self, request: Request, rest: str) -> Response | None:
        """With enforcement: API Enabled for any call, View Setup and Configuration for setup objects."""
        user = self._token_user(request) if self.enforce_permissions else None
        if user is None:
            return None
        granted = self.user_permissions(user)
        if "ApiEnabled" not in granted:
            return self._error(403, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this user.")
        sobject = None
        if rest == "sobjects/PermissionSet/describe":
            sobject = "PermissionSet"
        elif rest == "query":
            match = re.search(r"\bFROM\s+(\w+)", unquote(request.args.get("q", "")), re.IGNORECASE)
            sobject = match.group(1) if match else None
        if sobject in self.SETUP_OBJECTS and "ViewSetup" not in granted:
            return self._error(400, "INVALID_TYPE", f"sObject type '{sobject}' is not supported.")
        return None

    def _visible_tokens(self, request: Request, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """OauthToken's special access rule: without Customize Application a user sees only their own."""
        user = self._token_user(request) if self.enforce_permissions else None
        if user is None or "CustomizeApplication" in self.user_permissions(user):
            return rows
        return [r for r in rows if r.get("UserId") == user]

    def _authorized(self, request: Request) -> bool:
        header = request.headers.get("Authorization", "")
        return header.startswith("Bearer ") and header[7:] in self.tokens

    def _token(self, request: Request) -> Response:
        form = parse_qs(request.get_data(as_text=True))
        grant = (form.get("grant_type") or [""])[0]
        assertion = (form.get("assertion") or [""])[0]
        if grant != "urn:ietf:params:oauth:grant-type:jwt-bearer":
            return self._json(
                {"error": "unsupported_grant_type", "error_description": "grant type not supported"}, 400
            )
        try:
            unverified = jwt.decode(assertion, options={"verify_signature": False})
        except jwt.PyJWTError:
            return self._json({"error": "invalid_grant", "error_description": "invalid assertion"}, 400)
        client = self.clients.get(str(unverified.get("iss")))
        if client is None:
            return self._json(
                {"error": "invalid_client_id", "error_description": "client identifier invalid"}, 400
            )
        public_key, approved = client
        try:
            claims = jwt.decode(
                assertion,
                public_key,
                algorithms=["RS256"],
                audience=self.url,
                options={"require": ["iss", "sub", "aud", "exp"], "verify_exp": False},
            )
        except jwt.InvalidAudienceError:
            return self._json({"error": "invalid_grant", "error_description": "audience is invalid"}, 400)
        except jwt.PyJWTError:
            return self._json({"error": "invalid_grant", "error_description": "invalid assertion"}, 400)
        exp = int(claims["exp"])
        now = self.now()
        if exp < now or exp > now + 300:
            return self._json(
                {"error": "invalid_grant", "error_description": "expired authorization code"}, 400
            )
        sub = str(claims["sub"])
        user = next((u for u in self.org.tables["User"] if u["Username"] == sub), None)
        if user is None or not user["IsActive"]:
            return self._json({"error": "invalid_grant", "error_description": "invalid user"}, 400)
        if approved is not None and sub not in approved:
            return self._json(
                {"error": "invalid_grant", "error_description": "user hasn't approved this consumer"}, 400
            )
        token = self.issue_token()
        with self._lock:
            self.token_users[token] = str(user["Id"])
        return self._json(
            {
                "access_token": token,
                "scope": "api",
                "instance_url": self.url,
                "id": f"{self.url}/id/{ORG_ID}/{user['Id']}",
                "token_type": "Bearer",
            }
        )

    def _describe(self, version: str) -> Response:
        fields = [
            {
                "name": f,
                "type": "boolean" if f.startswith(("Is", "Permissions")) else "string",
                "label": f,
                "nillable": False,
                "filterable": True,
            }
            for f in self.org.fields("PermissionSet")
            if "." not in f
        ]
        return self._json(
            {
                "name": "PermissionSet",
                "label": "Permission Set",
                "queryable": True,
                "keyPrefix": "0PS",
                "custom": False,
                "urls": {"describe": f"/services/data/v{version}/sobjects/PermissionSet/describe"},
                "fields": fields,
            }
        )

    def _query(self, request: Request, version: str) -> tuple[str, Response]:
        soql = request.args.get("q", "")
        try:
            q = parse_soql(unquote(soql))
        except SoqlError as exc:
            return "query", self._error(400, exc.code, exc.message)
        fault = self._fault(q.sobject)
        if fault is not None:
            return q.sobject, fault
        try:
            rows = self._select(q)
        except SoqlError as exc:
            return q.sobject, self._error(400, exc.code, exc.message)
        if q.sobject == "OauthToken":
            rows = self._visible_tokens(request, rows)
        records = [self._project(q, r, version) for r in rows]
        return q.sobject, self._json(self._first_page(records, version))

    def _select(self, q: Query) -> list[dict[str, Any]]:
        if q.sobject not in BASE_FIELDS:
            raise SoqlError("INVALID_TYPE", f"sObject type '{q.sobject}' is not supported.")
        allowed = set(self.org.fields(q.sobject))
        for f in q.fields:
            if f not in allowed:
                raise SoqlError(
                    "INVALID_FIELD",
                    f"\nSELECT {f} FROM {q.sobject}\n       ^\nERROR at Row:1:Column:8\n"
                    f"No such column '{f}' on entity '{q.sobject}'.",
                )
        table = self.org.tables[q.sobject]
        if q.where is None:
            return list(table)
        where = self._resolve_semijoins(q.where)
        return [r for r in table if self._match(where, r, allowed, q.sobject)]

    def _resolve_semijoins(self, cond: Any) -> Any:
        """Evaluate each `X IN (SELECT ...)` once, turning it into a plain IN over the values it selects."""
        if cond[0] in ("or", "and"):
            return (cond[0], [self._resolve_semijoins(c) for c in cond[1]])
        if cond[0] == "semi":
            sub: Query = cond[2]
            return ("in", cond[1], {r.get(sub.fields[0]) for r in self._select(sub)})
        return cond

    def _match(self, cond: Any, row: Mapping[str, Any], allowed: set[str], sobject: str) -> bool:
        kind = cond[0]
        if kind == "or":
            return any(self._match(c, row, allowed, sobject) for c in cond[1])
        if kind == "and":
            return all(self._match(c, row, allowed, sobject) for c in cond[1])
        name = cond[1]
        if name not in allowed:
            raise SoqlError("INVALID_FIELD", f"No such column '{name}' on entity '{sobject}'.")
        if kind == "eq":
            return bool(row.get(name) == cond[2])
        if kind == "in":
            return row.get(name) in cond[2]
        raise SoqlError("MALFORMED_QUERY", "unsupported condition")

    def _project(self, q: Query, row: Mapping[str, Any], version: str) -> dict[str, Any]:
        rec_id = row.get("Id")
        out: dict[str, Any] = {
            "attributes": {
                "type": q.sobject,
                "url": f"/services/data/v{version}/sobjects/{q.sobject}/{rec_id}" if rec_id else None,
            }
        }
        for f in q.fields:
            if "." in f:
                rel, sub = f.split(".", 1)
                if row.get(f) is None and rel + "Id" in row and row.get(rel + "Id") is None:
                    out[rel] = None
                    continue
                nested = out.setdefault(rel, {"attributes": {"type": rel, "url": None}})
                if nested is not None:
                    nested[sub] = row.get(f)
            else:
                out[f] = row.get(f)
        return out

    def _first_page(self, records: list[dict[str, Any]], version: str) -> dict[str, Any]:
        if len(records) <= self.page_size:
            return {"totalSize": len(records), "done": True, "records": records}
        locator = f"01gSTANDIN{next(self._loc_seq):08d}"
        self._locators[locator] = records
        return {
            "totalSize": len(records),
            "done": False,
            "nextRecordsUrl": f"/services/data/v{version}/query/{locator}-{self.page_size}",
            "records": records[: self.page_size],
        }

    def _page(self, locator: str, offset: int, version: str) -> Response:
        records = self._locators.get(locator)
        if records is None:
            return self._error(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        chunk = records[offset : offset + self.page_size]
        end = offset + len(chunk)
        body: dict[str, Any] = {"totalSize": len(records), "done": end >= len(records), "records": chunk}
        if end < len(records):
            body["nextRecordsUrl"] = f"/services/data/v{version}/query/{locator}-{end}"
        return self._json(body)


def make_keypair() -> tuple[str, str]:
    """(private key PEM, public key PEM) of a fresh RSA-2048 key for the JWT bearer flow."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


DEMO_INTEGRATION_USER = "integration@acme-demo.example"
DEMO_BASELINE_USER = "junior.rep@acme-demo.example"
DEMO_REPORTING_USER = "svc-reporting@acme-demo.example"
DEMO_SLACK_APP = "Acme Slack Sales Bot"
DEMO_SLACK_CONSUMER_KEY = "3MVG9DEMOacmeSlackSalesBot.ConsumerKey.NotASecret.x7Q2w9Lk4Rt8Zp1Vn6Hs3Jd5Fg0Ab"
DEMO_REPORTING_APP = "Acme Reporting Agent"
DEMO_REPORTING_CONSUMER_KEY = (
    "3MVG9DEMOacmeReportingAgent.ConsumerKey.NotASecret.k2Lm8Np4Qr6St0Uv3Wx5Yz7Ab9Cd"
)


def demo_org() -> OrgData:
    """The demo org behind sample_configs/snapshots/salesforce.json (see sample_configs/IDENTIFIERS.md).

    The Slack sales bot runs as a shared integration user with System Administrator, not API-only, no login
    IP range and a password last changed in March 2024; the reporting agent is done right (API-only profile
    with an IP range, JWT bearer, admin-approved app with expiring refresh tokens).
    """
    org = OrgData()
    add_standard_profiles(org)
    org.add_ip_range("Minimum Access - API Only Integrations", "203.0.113.0", "203.0.113.255")
    org.add_ip_range("Standard User", "198.51.100.0", "198.51.100.255")
    reps = org.add_permission_set("Sales_Rep_Basics", ApiEnabled=True)
    for obj in ("Account", "Contact"):
        org.grant_object(reps, obj, "read")
    org.grant_object(reps, "Opportunity", "read", "create", "edit")
    reporting = org.add_permission_set("Reporting_Read_Only", ApiEnabled=True)
    for obj in ("Account", "Opportunity"):
        org.grant_object(reporting, obj, "read")
    integ = org.add_user(
        DEMO_INTEGRATION_USER,
        profile="System Administrator",
        name="Integration User",
        last_login="2025-11-18",
        password_changed="2024-03-01",
        created="2022-06-01",
    )
    junior = org.add_user(
        DEMO_BASELINE_USER, profile="Standard User", name="Junior Rep", password_changed="2025-10-01"
    )
    org.assign(junior, reps)
    svc = org.add_user(
        DEMO_REPORTING_USER,
        profile="Minimum Access - API Only Integrations",
        name="Reporting Service",
        password_changed=None,
        last_login="2025-11-19",
        created="2025-02-01",
    )
    org.assign(svc, reporting, expires="2026-12-31")
    alice = org.add_user("alice.former@acme-demo.example", profile="Standard User", active=False)
    bob = org.add_user("bob.sales@acme-demo.example", profile="Standard User")
    org.add_app(DEMO_SLACK_APP, admin_approved=False, refresh_period=None)
    org.add_app(DEMO_REPORTING_APP, admin_approved=True, refresh_period=30, by_inactivity=True)
    org.add_token(DEMO_SLACK_APP, integ, created="2023-02-02", last_used="2025-11-19", use_count=182340)
    org.add_token(DEMO_SLACK_APP, alice, created="2023-05-10", last_used="2024-01-10", use_count=311)
    org.add_token(DEMO_SLACK_APP, bob, created="2024-02-01", last_used="2024-06-30", use_count=57)
    org.add_token(DEMO_REPORTING_APP, svc, created="2025-02-01", last_used="2025-11-19", use_count=9021)
    return org
