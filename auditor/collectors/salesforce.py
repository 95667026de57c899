"""Salesforce collector: users, permission sets, object permissions, IP ranges, connected apps, OAuth tokens.

Read-only SOQL through simple-salesforce with a fixed number of queries (plus paging and IN-batches of the
identifiers found in configuration), whatever the size of the org.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlparse

import requests
from simple_salesforce.api import Salesforce
from simple_salesforce.exceptions import SalesforceError

from auditor.clock import Clock, SystemClock, iso_time, parse_time
from auditor.collectors.interface import CollectRequest
from auditor.collectors.paging import follow_pages
from auditor.collectors.retry import (
    RequestCounter,
    RetryableError,
    retry_after_of,
    transient_errors,
    with_retries,
)
from auditor.collectors.salesforce_auth import SalesforceSession, session_from_settings
from auditor.collectors.transport import Budget, DeadlineExceeded, mount_deadlines
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
from auditor.redact import stable_id

DEFAULT_API_VERSION = "59.0"
# Ids and usernames per IN clause: keeps each GET URL far below Salesforce's 16 KB URI limit.
IN_BATCH = 200
SYSTEM_ADMINISTRATOR = "System Administrator"
PLATFORM = Platform.SALESFORCE.value
T = TypeVar("T")

# System permissions worth knowing, with the level they give. Only those present in the org's PermissionSet
# describe are queried (the set varies by edition). ApiUserOnly is a restriction, not a capability.
SYSTEM_PERMISSIONS: Mapping[str, AccessLevel] = {
    "ModifyAllData": AccessLevel.ADMIN,
    "ViewAllData": AccessLevel.ADMIN,
    "ManageUsers": AccessLevel.ADMIN,
    "AuthorApex": AccessLevel.ADMIN,
    "CustomizeApplication": AccessLevel.ADMIN,
    "ManageInternalUsers": AccessLevel.ADMIN,
    "ResetPasswords": AccessLevel.ADMIN,
    "ManageProfilesPermissionsets": AccessLevel.ADMIN,
    "AssignPermissionSets": AccessLevel.ADMIN,
    "ModifyMetadata": AccessLevel.ADMIN,
    "ManageSharing": AccessLevel.ADMIN,
    "ManageRoles": AccessLevel.ADMIN,
    "ViewEncryptedData": AccessLevel.ADMIN,
    "ManageEncryptionKeys": AccessLevel.ADMIN,
    "ManageAuthProviders": AccessLevel.ADMIN,
    "ViewAllUsers": AccessLevel.READ,
    "ViewSetup": AccessLevel.READ,
    "ExportReport": AccessLevel.READ,
    "ApiEnabled": AccessLevel.LIST,
}
RESTRICTIONS = ("ApiUserOnly",)
# Present in every edition that has the API: the fallback when describe cannot be read.
CORE_PERMISSIONS = (
    "ModifyAllData",
    "ViewAllData",
    "ManageUsers",
    "AuthorApex",
    "CustomizeApplication",
    "ApiEnabled",
    "ViewSetup",
)
# Object permission flag -> (action, level). Modify All Records bypasses sharing for every record of the
# object (edit, delete, transfer): admin-class for that object, so ADMIN rather than WRITE.
OBJECT_PERMISSIONS: Mapping[str, tuple[str, AccessLevel]] = {
    "PermissionsRead": ("read", AccessLevel.READ),
    "PermissionsCreate": ("create", AccessLevel.WRITE),
    "PermissionsEdit": ("edit", AccessLevel.WRITE),
    "PermissionsDelete": ("delete", AccessLevel.WRITE),
    "PermissionsViewAllRecords": ("view_all_records", AccessLevel.READ),
    "PermissionsModifyAllRecords": ("modify_all_records", AccessLevel.ADMIN),
}
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


class _SessionDead(Exception):
    """The access token stopped working (401): no further query can succeed."""


class _LimitExhausted(Exception):
    """The org's API request limit is used up (403 REQUEST_LIMIT_EXCEEDED): stop querying."""


class _QueryFailed(Exception):
    """One query could not be read; its message is the coverage reason."""


# Query source -> (unread part, whether reach depends on it). The describe decides which system permissions
# are read at all, so its failure leaves reach partly unknown too.
_QUERY_PARTS: Mapping[str, tuple[str, bool]] = {
    "User": ("users", True),
    "PermissionSetAssignment": ("permissions", True),
    "PermissionSet": ("permissions", True),
    "ObjectPermissions": ("permissions", True),
    "PermissionSet describe": ("permissions", True),
    "LoginIpRange": ("login_ip_ranges", False),
    "ConnectedApplication": ("connected_apps", False),
    "OauthToken": ("oauth_tokens", False),
}


class _CountingSession(requests.Session):
    """A requests.Session that counts every request, remembers the last response, and pins `verify`.

    Passing `verify` per request matters: with trust_env, REQUESTS_CA_BUNDLE would otherwise override
    Session.verify and a configured CA bundle would silently be ignored.
    """

    def __init__(self, counter: RequestCounter, verify: str | bool, budget: Budget | None = None) -> None:
        super().__init__()
        # A total deadline per request and the platform's budget (a read timeout alone bounds one read).
        mount_deadlines(self, budget or Budget())
        self.counter = counter
        self.pinned_verify = verify
        self.last_response: requests.Response | None = None
        self.methods: list[str] = []

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("verify", self.pinned_verify)
        self.counter.hit()
        self.methods.append(str(method).upper())
        self.last_response = None
        resp = super().request(method, url, *args, **kwargs)
        self.last_response = resp
        return resp


def _soql_list(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'" for v in values)


def _batches(values: Sequence[T], size: int = IN_BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _error_code(content: Any) -> tuple[str, str]:
    """(errorCode, message) from Salesforce's error array (or anything else it returned)."""
    if isinstance(content, list) and content and isinstance(content[0], Mapping):
        return str(content[0].get("errorCode", "")), str(content[0].get("message", "")).strip()
    if isinstance(content, Mapping):
        return str(content.get("errorCode") or content.get("error") or ""), str(content.get("message", ""))
    return "", ""


def _first_line(text: str, limit: int = 200) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # INVALID_FIELD messages echo the query first and say what is wrong last.
    line = lines[-1] if lines else ""
    return line[:limit]


@dataclass
class _Org:
    """What the queries returned, before it becomes a Snapshot."""

    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    assignments: list[dict[str, Any]] = field(default_factory=list)
    permission_sets: dict[str, dict[str, Any]] = field(default_factory=dict)
    object_permissions: list[dict[str, Any]] = field(default_factory=list)
    ip_ranges: list[dict[str, Any]] | None = None
    apps: list[dict[str, Any]] | None = None
    tokens: list[dict[str, Any]] | None = None
    assignments_complete: bool = True
    permission_sets_complete: bool = True
    object_permissions_complete: bool = True


class SalesforceCollector:
    """Reads one org through the REST API, read-only. `collect` follows auditor.collectors.interface."""

    platform = Platform.SALESFORCE

    def __init__(
        self,
        *,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        base_delay: float = 0.5,
        auth_clock: Clock | None = None,
    ) -> None:
        self._environ = environ if environ is not None else os.environ
        self._sleep = sleep
        self._base_delay = base_delay
        # The JWT assertion's iat/exp must be real time even when the audit is judged as of another date
        # (`--now`): Salesforce refuses an assertion that expired or is not yet valid.
        self._auth_clock: Clock = auth_clock or SystemClock()

    # -- the run -----------------------------------------------------------------------------------------

    def collect(self, request: CollectRequest, *, clock: Clock, progress: ProgressSink) -> Snapshot:
        settings = request.settings
        counter = RequestCounter()
        ca_bundle = settings.get("ca_bundle")
        http = _CountingSession(counter, str(ca_bundle) if ca_bundle else True, request.budget())
        try:
            return self._collect(request, http, counter, clock=clock, progress=progress)
        except DeadlineExceeded as exc:
            # Only sign-in and the version probe get here (queries record their own): nothing was read.
            raise CollectorError(f"salesforce: {exc}") from None
        finally:
            http.close()

    def _collect(
        self,
        request: CollectRequest,
        http: _CountingSession,
        counter: RequestCounter,
        *,
        clock: Clock,
        progress: ProgressSink,
    ) -> Snapshot:
        settings = request.settings
        task = "salesforce"
        progress.start(task, total=9)
        auth = session_from_settings(
            settings,
            environ=self._environ,
            http=http,
            clock=self._auth_clock,
            timeout=request.timeout,
            attempts=max(1, request.max_retries),
            base_delay=self._base_delay,
            sleep=self._sleep,
        )
        progress.advance(task)
        run = _Run(self, request, http, auth, progress, task)
        version = run.api_version(settings.get("api_version"))
        sf = Salesforce(
            instance_url=auth.instance_url, session_id=auth.access_token, version=version, session=http
        )
        run.sf = sf
        org = run.gather()
        progress.finish(task)
        return _build_snapshot(
            org,
            run,
            request=request,
            clock=clock,
            source=f"{urlparse(auth.instance_url).hostname} (API v{version}, {auth.method})",
            requests_made=counter.count,
        )


class _Run:
    """One collection: the queries, their retries, and the coverage entries they leave behind."""

    def __init__(
        self,
        owner: SalesforceCollector,
        request: CollectRequest,
        http: _CountingSession,
        auth: SalesforceSession,
        progress: ProgressSink,
        task: str,
    ) -> None:
        self.owner = owner
        self.request = request
        self.http = http
        self.auth = auth
        self.progress = progress
        self.task = task
        self.sf: Salesforce | None = None
        self.coverage: list[Skipped] = []
        self.unread: list[Unread] = []
        self.stopped: str | None = None
        self.permission_fields: tuple[str, ...] = CORE_PERMISSIONS
        self.restriction_fields: tuple[str, ...] = ()
        self.version = DEFAULT_API_VERSION

    # -- transport ---------------------------------------------------------------------------------------

    def _retrying(self, call: Callable[[], Any], what: str) -> Any:
        def attempt() -> Any:
            try:
                with transient_errors(what):
                    return call()
            except DeadlineExceeded as exc:
                # Not retried: the budget, not the retry count, bounds how long a platform may take.
                raise _QueryFailed(str(exc)) from exc
            except SalesforceError as exc:
                code, message = _error_code(exc.content)
                if exc.status in RETRYABLE_STATUS:
                    resp = self.http.last_response
                    retry_after = retry_after_of(resp) if resp is not None else None
                    raise RetryableError(
                        f"{what}: HTTP {exc.status} {code or ''}".rstrip(), retry_after
                    ) from exc
                if exc.status == 401:
                    raise _SessionDead(f"HTTP 401 {code or 'unauthorized'}") from exc
                if exc.status == 403 and code == "REQUEST_LIMIT_EXCEEDED":
                    raise _LimitExhausted(message or code) from exc
                detail = _first_line(message) if message else ""
                raise _QueryFailed(f"HTTP {exc.status} {code}: {detail}".strip().rstrip(":")) from exc
            except ValueError as exc:
                # requests' JSONDecodeError is a ValueError: the body was not JSON.
                raise _QueryFailed("malformed answer: the body is not JSON") from exc

        try:
            return with_retries(
                attempt,
                attempts=max(1, self.request.max_retries),
                base_delay=self.owner._base_delay,
                counter=None,
                sleep=self.owner._sleep,
            )
        except RetryableError as exc:
            raise _QueryFailed(f"gave up after {max(1, self.request.max_retries)} attempts ({exc})") from exc

    def api_version(self, wanted: Any) -> str:
        """The API version: the configured one, else the newest the instance lists at /services/data/."""
        url = self.auth.instance_url + "/services/data/"

        def call() -> Any:
            resp = self.http.get(url, timeout=self.request.timeout, headers={"Accept": "application/json"})
            if resp.status_code in RETRYABLE_STATUS:
                raise RetryableError(f"HTTP {resp.status_code}", retry_after_of(resp))
            if resp.status_code != 200:
                raise _QueryFailed(f"HTTP {resp.status_code}")
            return resp.json()

        try:
            versions = with_retries(
                lambda: self._versions_call(call),
                attempts=max(1, self.request.max_retries),
                base_delay=self.owner._base_delay,
                sleep=self.owner._sleep,
            )
        except RetryableError as exc:
            raise CollectorError(f"salesforce: cannot reach {self.auth.instance_url} ({exc})") from None
        except _QueryFailed as exc:
            versions = None
            self.coverage.append(Skipped("salesforce:/services/data/", f"API versions not readable ({exc})"))
        available = []
        if isinstance(versions, list):
            available = [
                str(v.get("version")) for v in versions if isinstance(v, Mapping) and v.get("version")
            ]
        if wanted:
            self.version = str(wanted).lstrip("v")
            if available and self.version not in available:
                self.coverage.append(
                    Skipped(
                        "salesforce:/services/data/", f"configured api_version {self.version} is not offered"
                    )
                )
        elif available:
            self.version = max(available, key=lambda v: tuple(int(p) for p in v.split(".") if p.isdigit()))
        self.progress.advance(self.task)
        return self.version

    @staticmethod
    def _versions_call(call: Callable[[], Any]) -> Any:
        try:
            with transient_errors("API versions"):
                return call()
        except ValueError as exc:
            raise _QueryFailed("malformed answer: the body is not JSON") from exc

    def query(self, soql: str, source: str) -> list[dict[str, Any]] | None:
        """All records of a SOQL query (following nextRecordsUrl), or None with a coverage entry."""
        if self.stopped:
            self.lost(source, f"not queried: {self.stopped}")
            return None
        assert self.sf is not None
        sf = self.sf
        timeout = self.request.timeout
        records: list[dict[str, Any]] = []

        def next_of(page: Any) -> str | None:
            if page.get("done", True):
                return None
            next_url = page.get("nextRecordsUrl")
            if not isinstance(next_url, str) or not next_url.startswith("/services/data/"):
                raise _QueryFailed("malformed answer: done is false without a usable nextRecordsUrl")
            return next_url

        def more(next_url: str) -> Any:
            return self._retrying(
                functools.partial(sf.query_more, next_url, identifier_is_url=True, timeout=timeout), source
            )

        try:
            for page in follow_pages(
                self._retrying(lambda: sf.query(soql, timeout=timeout), source),
                next_of,
                more,
                too_many=lambda n: _QueryFailed(f"malformed answer: more than {n} pages"),
            ):
                if not isinstance(page, Mapping) or not isinstance(page.get("records"), list):
                    raise _QueryFailed("malformed answer: no records list")
                records.extend(dict(r) for r in page["records"] if isinstance(r, Mapping))
        except _SessionDead as exc:
            self.stopped = f"the access token was refused ({exc})"
            self.lost(source, self.stopped)
            return None
        except _LimitExhausted as exc:
            self.stopped = f"the org's API request limit is exhausted ({_first_line(str(exc))})"
            self.lost(source, self.stopped)
            return None
        except _QueryFailed as exc:
            self.lost(source, str(exc))
            return None
        return records

    def lost(self, source: str, reason: str, category: str = "error") -> None:
        """A query that could not be read: a coverage entry and an unread part (unknown, never empty)."""
        self.coverage.append(Skipped(f"salesforce:{source}", reason, category))
        part, affects_reach = _QUERY_PARTS.get(source, ("permissions", True))
        self.unread.append(Unread(part, f"{source}: {reason}", category, affects_reach=affects_reach))

    # -- the queries -------------------------------------------------------------------------------------

    def discover_permission_fields(self) -> None:
        """Which Permissions* fields this org's PermissionSet has (the set varies by edition)."""
        assert self.sf is not None
        sf = self.sf
        try:
            described = self._retrying(
                lambda: sf.restful("sobjects/PermissionSet/describe", timeout=self.request.timeout),
                "PermissionSet describe",
            )
        except _SessionDead as exc:
            raise CollectorError(
                f"salesforce: the access token was refused by {self.auth.instance_url} ({exc}); "
                "sign in again or check the connected app and user"
            ) from None
        except (_QueryFailed, _LimitExhausted) as exc:
            if isinstance(exc, _LimitExhausted):
                self.stopped = f"the org's API request limit is exhausted ({_first_line(str(exc))})"
            self.lost("PermissionSet describe", f"{exc}; only the core system permissions are read")
            return
        fields = described.get("fields") if isinstance(described, Mapping) else None
        if not isinstance(fields, list):
            self.lost(
                "PermissionSet describe",
                "malformed answer; only the core system permissions are read",
                "malformed",
            )
            return
        names = {str(f.get("name")) for f in fields if isinstance(f, Mapping)}
        self.permission_fields = tuple(p for p in SYSTEM_PERMISSIONS if "Permissions" + p in names)
        self.restriction_fields = tuple(p for p in RESTRICTIONS if "Permissions" + p in names)
        missing = [p for p in CORE_PERMISSIONS if p not in self.permission_fields]
        if missing:
            self.coverage.append(
                Skipped("salesforce:PermissionSet describe", f"not in this org: {', '.join(missing)}", "info")
            )

    def gather(self) -> _Org:
        org = _Org()
        self.discover_permission_fields()
        self.progress.advance(self.task)

        # Users: only those configuration references and the baseline (IN-batches), never the whole org.
        wanted = [str(x) for x in self.request.identifiers if str(x).strip()]
        if self.request.baseline:
            wanted.append(str(self.request.baseline))
        usernames = sorted({w for w in wanted if "@" in w})
        user_ids = sorted({w for w in wanted if w.startswith("005") and len(w) in (15, 18)})
        user_fields = (
            "Id, Username, Name, ProfileId, Profile.Name, UserType, IsActive, LastLoginDate, "
            "LastPasswordChangeDate, CreatedDate"
        )
        keys = [("Username", u) for u in usernames] + [("Id", i) for i in user_ids]
        for batch in _batches(keys):
            names = [v for k, v in batch if k == "Username"]
            ids = [v for k, v in batch if k == "Id"]
            clauses = []
            if names:
                clauses.append(f"Username IN ({_soql_list(names)})")
            if ids:
                clauses.append(f"Id IN ({_soql_list(ids)})")
            rows = self.query(f"SELECT {user_fields} FROM User WHERE {' OR '.join(clauses)}", "User")
            for row in rows or ():
                if row.get("Id"):
                    org.users[str(row["Id"])] = dict(row)
        self.progress.advance(self.task)

        # Assignments, permission sets (profile-owned and group aggregates come along through the
        # assignments) and object permissions for those users only: semi-joins keep this one query each
        # per batch of users.
        perm_cols = ", ".join("Permissions" + p for p in (*self.permission_fields, *self.restriction_fields))
        ps_fields = "Id, Name, Label, IsOwnedByProfile, ProfileId, Profile.Name, Type, PermissionSetGroupId"
        op_fields = "ParentId, SobjectType, " + ", ".join(OBJECT_PERMISSIONS)
        for user_batch in _batches(sorted(org.users)):
            in_users = _soql_list(user_batch)
            semi = f"(SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId IN ({in_users}))"
            rows = self.query(
                "SELECT Id, AssigneeId, PermissionSetId, PermissionSetGroupId, ExpirationDate "
                f"FROM PermissionSetAssignment WHERE AssigneeId IN ({in_users})",
                "PermissionSetAssignment",
            )
            if rows is None:
                org.assignments_complete = False
            org.assignments.extend(dict(r) for r in rows or ())
            cols = ps_fields + (", " + perm_cols if perm_cols else "")
            rows = self.query(f"SELECT {cols} FROM PermissionSet WHERE Id IN {semi}", "PermissionSet")
            if rows is None:
                org.permission_sets_complete = False
            for row in rows or ():
                org.permission_sets[str(row.get("Id"))] = dict(row)
            rows = self.query(
                f"SELECT {op_fields} FROM ObjectPermissions WHERE ParentId IN {semi}", "ObjectPermissions"
            )
            if rows is None:
                org.object_permissions_complete = False
            org.object_permissions.extend(dict(r) for r in rows or ())
        self.progress.advance(self.task, 3)

        # Org-wide, small tables: one paged query each.
        org.ip_ranges = self.query(
            "SELECT ProfileId, StartAddress, EndAddress FROM LoginIpRange", "LoginIpRange"
        )
        self.progress.advance(self.task)
        org.apps = self.query(
            "SELECT Id, Name, OptionsAllowAdminApprovedUsersOnly, OptionsRefreshTokenValidityMetric, "
            "RefreshTokenValidityPeriod FROM ConnectedApplication",
            "ConnectedApplication",
        )
        # Never select AccessToken, RequestToken or DeleteToken: they are secrets.
        org.tokens = self.query(
            "SELECT AppName, UserId, CreatedDate, LastUsedDate, UseCount, AppMenuItemId FROM OauthToken",
            "OauthToken",
        )
        self.progress.advance(self.task)
        return org


# -- records -> Snapshot -------------------------------------------------------------------------------------


def _flag(row: Mapping[str, Any], name: str) -> bool:
    return row.get(name) is True


def _profile_name(row: Mapping[str, Any]) -> str | None:
    prof = row.get("Profile")
    if isinstance(prof, Mapping) and prof.get("Name") is not None:
        return str(prof["Name"])
    return None


def user_reach(
    user_id: str,
    assignments: Sequence[Mapping[str, Any]],
    permission_sets: Mapping[str, Mapping[str, Any]],
    object_permissions: Sequence[Mapping[str, Any]],
    permission_fields: Sequence[str],
) -> tuple[frozenset[Capability], set[str]]:
    """A user's capabilities (system + object permissions over profile, permission sets and groups) and the
    names of the system permissions that are on."""
    ps_ids = {str(a.get("PermissionSetId")) for a in assignments if a.get("AssigneeId") == user_id}
    caps: set[Capability] = set()
    system: set[str] = set()
    for ps_id in ps_ids:
        ps = permission_sets.get(ps_id)
        if ps is None:
            continue
        for perm in permission_fields:
            if _flag(ps, "Permissions" + perm):
                system.add(perm)
    for perm in system:
        level = SYSTEM_PERMISSIONS.get(perm)
        if level is not None:
            caps.add(Capability(PLATFORM, "org", perm, level))
    for op in object_permissions:
        if str(op.get("ParentId")) not in ps_ids or not op.get("SobjectType"):
            continue
        for flag, (action, level) in OBJECT_PERMISSIONS.items():
            if _flag(op, flag):
                caps.add(Capability(PLATFORM, str(op["SobjectType"]), action, level))
    return frozenset(caps), system


def _build_snapshot(
    org: _Org,
    run: _Run,
    *,
    request: CollectRequest,
    clock: Clock,
    source: str,
    requests_made: int,
) -> Snapshot:
    settings = request.settings
    coverage = list(run.coverage)
    identities: list[Identity] = []
    credentials: list[PlatformCredential] = []
    reach: dict[str, frozenset[Capability]] = {}

    ranges_by_profile: dict[str, list[str]] = {}
    for r in org.ip_ranges or ():
        ranges_by_profile.setdefault(str(r.get("ProfileId")), []).append(
            f"{r.get('StartAddress')}-{r.get('EndAddress')}"
        )

    reach_known = org.assignments_complete and org.permission_sets_complete
    for uid, row in sorted(org.users.items()):
        caps, system = user_reach(
            uid, org.assignments, org.permission_sets, org.object_permissions, run.permission_fields
        )
        ps_ids = sorted(
            {str(a.get("PermissionSetId")) for a in org.assignments if a.get("AssigneeId") == uid}
        )
        api_only: bool | None = None
        if reach_known and "ApiUserOnly" in run.restriction_fields:
            api_only = any(_flag(org.permission_sets.get(p, {}), "PermissionsApiUserOnly") for p in ps_ids)
        profile_id = str(row.get("ProfileId") or "")
        assigned = [
            {
                "id": p,
                "name": org.permission_sets.get(p, {}).get("Name"),
                "type": org.permission_sets.get(p, {}).get("Type"),
                "profile_owned": _flag(org.permission_sets.get(p, {}), "IsOwnedByProfile"),
                "group_id": next(
                    (
                        a.get("PermissionSetGroupId")
                        for a in org.assignments
                        if a.get("AssigneeId") == uid
                        and str(a.get("PermissionSetId")) == p
                        and a.get("PermissionSetGroupId")
                    ),
                    None,
                ),
                "expires": next(
                    (
                        iso_time(a.get("ExpirationDate"))
                        for a in org.assignments
                        if a.get("AssigneeId") == uid
                        and str(a.get("PermissionSetId")) == p
                        and a.get("ExpirationDate")
                    ),
                    None,
                ),
            }
            for p in ps_ids
        ]
        username = str(row.get("Username") or uid)
        aliases = tuple(dict.fromkeys(a for a in (username, uid, uid[:15]) if a))
        identities.append(
            Identity(
                platform=Platform.SALESFORCE,
                id=uid,
                name=username,
                kind="user",
                attributes={
                    "display_name": row.get("Name"),
                    "profile_id": profile_id or None,
                    "profile": _profile_name(row),
                    "user_type": row.get("UserType"),
                    "active": row.get("IsActive"),
                    "last_login": iso_time(row.get("LastLoginDate")),
                    "password_changed": iso_time(row.get("LastPasswordChangeDate")),
                    "created": iso_time(row.get("CreatedDate")),
                    "api_only": api_only,
                    # None: the LoginIpRange query failed, so "no range" is unknown rather than true.
                    "login_ip_ranges": (
                        ranges_by_profile.get(profile_id, []) if org.ip_ranges is not None else None
                    ),
                    "system_permissions": sorted(system) if reach_known else None,
                    "permission_sets": assigned,
                    "reach_complete": reach_known and org.object_permissions_complete,
                },
                aliases=aliases,
            )
        )
        if reach_known:
            reach[uid] = caps
        changed = parse_time(row.get("LastPasswordChangeDate"))
        if changed is not None:
            credentials.append(
                PlatformCredential(
                    platform=Platform.SALESFORCE,
                    id=f"password:{uid}",
                    identity_id=uid,
                    kind="password",
                    created=parse_time(row.get("CreatedDate")),
                    rotated=changed,
                    active=row.get("IsActive") is not False,
                )
            )

    consumer_keys = settings.get("consumer_keys") or {}
    if not isinstance(consumer_keys, Mapping):
        coverage.append(
            Skipped("salesforce:settings.consumer_keys", "ignored: not a mapping of app name to consumer key")
        )
        consumer_keys = {}
    for app in org.apps or ():
        app_id = str(app.get("Id") or "")
        name = str(app.get("Name") or app_id)
        if not app_id:
            continue
        period = app.get("RefreshTokenValidityPeriod")
        key = consumer_keys.get(name)
        aliases = tuple(a for a in (name, app_id, str(key) if key else None) if a)
        identities.append(
            Identity(
                platform=Platform.SALESFORCE,
                id=app_id,
                name=name,
                kind="connected_app",
                attributes={
                    "admin_approved_only": app.get("OptionsAllowAdminApprovedUsersOnly"),
                    "refresh_token_validity_period": period,
                    "refresh_token_validity_by_inactivity": app.get("OptionsRefreshTokenValidityMetric"),
                    # No period configured is Salesforce's default policy: valid until revoked.
                    "refresh_token_never_expires": period is None,
                },
                aliases=aliases,
            )
        )
    app_ids = {str(a.get("Name")): str(a.get("Id")) for a in org.apps or () if a.get("Id")}
    for tok in org.tokens or ():
        uid = str(tok.get("UserId") or "")
        app_name = str(tok.get("AppName") or "")
        created = parse_time(tok.get("CreatedDate"))
        credentials.append(
            PlatformCredential(
                platform=Platform.SALESFORCE,
                # OauthToken.Id is always null: app + user + creation time identify a token.
                id="oauth:" + stable_id(app_name, uid, tok.get("CreatedDate") or ""),
                identity_id=uid,
                kind="oauth_token",
                created=created,
                last_used=parse_time(tok.get("LastUsedDate")),
                attributes={
                    "app": app_name,
                    "app_id": app_ids.get(app_name),
                    "use_count": tok.get("UseCount"),
                },
            )
        )

    baseline_id: str | None = None
    if request.baseline:
        wanted = str(request.baseline).lower()
        for ident in identities:
            if ident.kind == "user" and wanted in (a.lower() for a in ident.aliases):
                baseline_id = ident.id
                break
        if baseline_id is None and "@" not in wanted:
            # `permission_set:NAME` / `profile:NAME`: a baseline the repository's SFDX metadata declares,
            # which the code collector reads; reconciliation then keeps it.
            coverage.append(
                Skipped(
                    "salesforce:baseline",
                    f"baseline {request.baseline} is not a user: it is judged from the SFDX metadata in the "
                    "scanned tree, not from the org",
                )
            )
        elif baseline_id is None:
            coverage.append(
                Skipped("salesforce:baseline", f"baseline user {request.baseline} was not found in the org")
            )

    permission_sets = {
        ps_id: {
            "name": ps.get("Name"),
            "label": ps.get("Label"),
            "type": ps.get("Type"),
            "profile_owned": _flag(ps, "IsOwnedByProfile"),
            "profile": _profile_name(ps),
            "system_permissions": sorted(p for p in run.permission_fields if _flag(ps, "Permissions" + p)),
        }
        for ps_id, ps in sorted(org.permission_sets.items())
    }
    facts: dict[str, Any] = {
        "api_version": run.version,
        "auth_method": run.auth.method,
        "system_permission_fields": list(run.permission_fields),
        "permission_sets": permission_sets,
        "login_ip_ranges": ranges_by_profile if org.ip_ranges is not None else None,
        "connected_apps_collected": org.apps is not None,
        "oauth_tokens_collected": org.tokens is not None,
    }
    return Snapshot(
        platform=Platform.SALESFORCE,
        collected_at=clock.now(),
        source=source,
        identities=tuple(identities),
        credentials=tuple(credentials),
        reach=reach,
        baseline=baseline_id,
        coverage=tuple(coverage),
        facts=facts,
        requests=requests_made,
        unread=tuple(run.unread),
    )
