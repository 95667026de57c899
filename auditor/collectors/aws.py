"""The AWS collector: IAM principals, policies, access keys, Secrets Manager rotation -> Snapshot (read-only).

Requests grow with pages and with the credentials configs reference, not with principals: one paginated
get_account_authorization_details for every user, role, group and policy; one credential report for every
user's password, MFA and key ages; per-key calls only for referenced access key ids (or, when no identifiers
are given, one list_access_keys per user that holds keys, with bounded concurrency, so saved snapshots can
still join key ids later).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from auditor.clock import Clock, parse_time
from auditor.collectors.aws_policy import (
    ActionCatalog,
    Grants,
    Statement,
    allow_grants,
    apply_denies,
    intersect,
    merge,
    parse_document,
    summarise,
    trust_principals,
)
from auditor.collectors.interface import CollectRequest
from auditor.collectors.retry import RequestCounter
from auditor.errors import CollectorError
from auditor.model import Capability, Identity, Platform, PlatformCredential, Skipped, Snapshot, Unread
from auditor.progress import ProgressSink
from auditor.redact import redact

ACCESS_KEY_ID = re.compile(r"^(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}$")
MAX_WORKERS = 8
# The read actions this collector calls (docs/collectors/aws.md lists them as an IAM policy).
READ_ACTIONS = (
    "sts:GetCallerIdentity",
    "iam:GetAccountAuthorizationDetails",
    "iam:GenerateCredentialReport",
    "iam:GetCredentialReport",
    "iam:ListAccessKeys",
    "iam:GetAccessKeyLastUsed",
    "iam:GetPolicy",
    "iam:GetPolicyVersion",
    "secretsmanager:ListSecrets",
)


@dataclass
class _State:
    """Mutable accumulation during one collect (never escapes the collector)."""

    counter: RequestCounter = field(default_factory=RequestCounter)
    coverage: list[Skipped] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)

    def skip(self, source: str, exc: BaseException | str, category: str | None = None) -> None:
        reason, cat = describe_error(exc)
        self.coverage.append(Skipped(source=f"aws:{source}", reason=reason, category=category or cat))

    def lost(
        self,
        part: str,
        source: str,
        exc: BaseException | str,
        *,
        subject: str | None = None,
        affects_reach: bool = False,
    ) -> None:
        """A data set that could not be read: a coverage entry and an unread part (unknown, not empty)."""
        self.skip(source, exc)
        reason, category = describe_error(exc)
        self.unread.append(
            Unread(part, f"{source}: {reason}", category, subject=subject, affects_reach=affects_reach)
        )


def describe_error(exc: BaseException | str) -> tuple[str, str]:
    """A short, secret-free reason and a category for a failed call."""
    if isinstance(exc, str):
        return exc, "error"
    from auditor.collectors.transport import DeadlineExceeded

    if isinstance(exc, DeadlineExceeded):
        return str(exc), "budget" if exc.budget else "timeout"
    from botocore.exceptions import (
        ClientError,
        ConnectTimeoutError,
        EndpointConnectionError,
        ReadTimeoutError,
    )
    from botocore.parsers import ResponseParserError

    if isinstance(exc, ClientError):
        err = exc.response.get("Error", {})
        code = str(err.get("Code", "Error"))
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        category = "access_denied" if "denied" in code.lower() or status == 403 else "error"
        if code in {"NoSuchEntity", "ResourceNotFoundException"}:
            category = "not_found"
        if "throttl" in code.lower() or status == 429:
            category = "throttled"
        return f"{code} (HTTP {status})", category
    if isinstance(exc, ReadTimeoutError | ConnectTimeoutError):
        return "timeout", "timeout"
    if isinstance(exc, ResponseParserError):
        # A body that is not the protocol's XML/JSON: garbage from a proxy, or an operation the endpoint
        # does not implement (moto answers those with an HTML 500).
        return "unparseable response (malformed, or not implemented by the endpoint)", "malformed"
    if isinstance(exc, EndpointConnectionError):
        return "endpoint unreachable", "error"
    return f"{type(exc).__name__}", "error"


class AwsCollector:
    """Reads IAM and Secrets Manager through boto3's standard credential chain. Never writes."""

    platform = Platform.AWS

    def __init__(self, session_factory: Callable[[Mapping[str, Any]], Any] | None = None) -> None:
        # Injectable so tests and embedders can supply a prepared boto3 Session.
        self._session_factory = session_factory or _default_session

    def collect(self, request: CollectRequest, *, clock: Clock, progress: ProgressSink) -> Snapshot:
        import botocore.exceptions
        from botocore.parsers import ResponseParserError

        from auditor.collectors.transport import DeadlineExceeded

        state = _State()
        clients: _Clients | None = None
        settings = request.settings
        progress.start("aws", total=None)
        try:
            session = self._session_factory(settings)
            clients = _Clients(session, settings, request, state.counter)
            try:
                ident = clients.sts.get_caller_identity()
            except botocore.exceptions.NoCredentialsError as exc:
                raise CollectorError("aws: no credentials found in the standard chain") from exc
            except (
                botocore.exceptions.BotoCoreError,
                botocore.exceptions.ClientError,
                DeadlineExceeded,
            ) as exc:
                raise CollectorError(f"aws: cannot authenticate ({describe_error(exc)[0]})") from exc
            except (ResponseParserError, KeyError, TypeError, ValueError, AttributeError) as exc:
                # An answer that is not STS's XML (a proxy's login page, garbage) fails inside botocore's
                # parser, not as a BotoCoreError: the caller's identity is unknown, nothing was collected.
                raise CollectorError(
                    f"aws: cannot authenticate (unparseable answer from STS: {type(exc).__name__})"
                ) from exc
            account = str(ident.get("Account", ""))
            progress.advance("aws")

            details = _authorization_details(clients.iam, state, progress)
            report = _credential_report(clients.iam, state)
            progress.advance("aws")
            users = details.get("UserDetailList", [])
            roles = details.get("RoleDetailList", [])
            catalog = ActionCatalog()
            policies = _policy_index(details.get("Policies", []))
            _fetch_missing_policies(
                clients.iam, users, roles, details.get("GroupDetailList", []), policies, state
            )
            groups = {g["GroupName"]: g for g in details.get("GroupDetailList", [])}

            keys, key_users = _access_keys(clients.iam, request, users, report, state)
            progress.advance("aws")
            secrets = _secrets(clients.sm, state)
            progress.advance("aws")
            if details.get("_failed") and not report and secrets is None:
                raise CollectorError("aws: no IAM or Secrets Manager data could be read (see coverage)")

            evaluator = _Evaluator(catalog, policies, groups)
            identities: list[Identity] = []
            reach: dict[str, frozenset[Capability]] = {}
            for user in users:
                identity, caps = _user_identity(user, report, keys, evaluator)
                identities.append(identity)
                reach[identity.id] = caps
            for role in roles:
                identity, caps = _role_identity(role, evaluator)
                identities.append(identity)
                reach[identity.id] = caps
            baseline_id = _resolve_baseline(request.baseline, identities, state)
            _unresolved_identifiers(request.identifiers, identities, key_users, state)
            credentials = tuple(c for user_keys in keys.values() for c in user_keys)
            facts: dict[str, Any] = {
                "account_id": account,
                "caller_arn": ident.get("Arn"),
                "region": clients.region,
                "credential_report": bool(report),
                "groups": sorted(groups),
                "managed_policies": len(policies),
                "secrets": secrets or [],
                "secrets_listed": secrets is not None,
            }
        finally:
            progress.finish("aws")
            if clients is not None:
                clients.http.close()
        return Snapshot(
            platform=Platform.AWS,
            collected_at=clock.now(),
            source=f"aws:account/{account}",
            identities=tuple(identities),
            credentials=credentials,
            reach=reach,
            baseline=baseline_id,
            coverage=tuple(state.coverage),
            facts=facts,
            requests=state.counter.count,
            unread=tuple(state.unread),
        )


def _default_session(settings: Mapping[str, Any]) -> Any:
    import boto3

    return boto3.Session(profile_name=settings.get("profile"), region_name=settings.get("region"))


class _Clients:
    """The three boto3 clients one collect uses, with timeouts, standard retries and request counting."""

    def __init__(
        self, session: Any, settings: Mapping[str, Any], request: CollectRequest, counter: RequestCounter
    ):
        from botocore.config import Config

        from auditor.collectors.transport import BoundedSession, botocore_sender

        config = Config(
            retries={"max_attempts": max(1, request.max_retries), "mode": "standard"},
            connect_timeout=request.timeout,
            read_timeout=request.timeout,
        )
        # Every request goes through one bounded session: a total deadline per request and the platform's
        # budget, which botocore's per-read timeouts cannot give against a trickling endpoint.
        ca = settings.get("ca_bundle") or os.environ.get("AWS_CA_BUNDLE")
        self.http = BoundedSession(request.budget(), str(ca) if ca else None)
        sender = botocore_sender(self.http, (request.timeout, request.timeout))
        self.region = settings.get("region") or session.region_name or "us-east-1"
        kwargs: dict[str, Any] = {"config": config, "region_name": self.region}
        if settings.get("endpoint_url"):
            kwargs["endpoint_url"] = str(settings["endpoint_url"])
        if settings.get("ca_bundle"):
            kwargs["verify"] = str(settings["ca_bundle"])
        self.iam = session.client("iam", **kwargs)
        self.sts = session.client("sts", **kwargs)
        self.sm = session.client("secretsmanager", **kwargs)

        def count(**_: Any) -> None:
            counter.hit()

        for client in (self.iam, self.sts, self.sm):
            # before-send fires once per HTTP attempt, so retries are counted as the requests they are.
            client.meta.events.register("before-send", count)
            # Registered after the counter: the first handler returning a response replaces botocore's send.
            client.meta.events.register("before-send", sender)
            client.meta.events.register(
                "needs-retry", lambda response=None, **kw: _note_retry(counter, response)
            )


def _note_retry(counter: RequestCounter, response: Any) -> None:
    if response is None:
        return
    http = response[0] if isinstance(response, tuple) else None
    status = getattr(http, "status_code", 200)
    if status == 429 or status >= 500:
        counter.retries += 1


def _authorization_details(iam: Any, state: _State, progress: ProgressSink) -> dict[str, Any]:
    """Every user, role, group and policy in as few pages as the API allows."""
    merged: dict[str, Any] = {
        "UserDetailList": [],
        "RoleDetailList": [],
        "GroupDetailList": [],
        "Policies": [],
    }
    try:
        for page in iam.get_paginator("get_account_authorization_details").paginate():
            for key in merged:
                merged[key].extend(page.get(key, []))
            progress.advance("aws")
    except Exception as exc:  # noqa: BLE001 - every SDK failure becomes coverage, never a crash
        # Users, roles, groups and policies are unknown (not "none"): every IAM rule and gap depends on them.
        state.lost("principals", "iam:GetAccountAuthorizationDetails", exc, affects_reach=True)
        merged["_failed"] = True
    return merged


def _policy_index(policies: Iterable[Mapping[str, Any]]) -> dict[str, tuple[Statement, ...]]:
    """Managed policy ARN -> statements of its default version."""
    index: dict[str, tuple[Statement, ...]] = {}
    for pol in policies:
        arn = pol.get("Arn", "")
        for version in pol.get("PolicyVersionList", []):
            if version.get("IsDefaultVersion"):
                index[arn] = parse_document(version.get("Document"), source=pol.get("PolicyName", arn))
    return index


def _fetch_missing_policies(
    iam: Any,
    users: list[dict[str, Any]],
    roles: list[dict[str, Any]],
    groups: list[dict[str, Any]],
    index: dict[str, tuple[Statement, ...]],
    state: _State,
) -> None:
    """Attached policies the details call did not return (bounded by distinct policies, not principals)."""
    wanted: set[str] = set()
    for principal in [*users, *roles, *groups]:
        for att in principal.get("AttachedManagedPolicies", []):
            wanted.add(att["PolicyArn"])
        boundary = principal.get("PermissionsBoundary") or {}
        if boundary.get("PermissionsBoundaryArn"):
            wanted.add(boundary["PermissionsBoundaryArn"])
    for arn in sorted(wanted - index.keys()):
        try:
            pol = iam.get_policy(PolicyArn=arn)["Policy"]
            version = iam.get_policy_version(PolicyArn=arn, VersionId=pol["DefaultVersionId"])
            index[arn] = parse_document(
                version["PolicyVersion"].get("Document"), source=pol.get("PolicyName", arn)
            )
        except Exception as exc:  # noqa: BLE001
            state.lost("policies", f"iam:GetPolicy {arn}", exc, affects_reach=True)


def _credential_report(iam: Any, state: _State) -> dict[str, dict[str, str]]:
    """user name -> credential report row. Generating the report is read-only in effect (see docs)."""
    try:
        for _ in range(20):
            status = iam.generate_credential_report().get("State")
            if status == "COMPLETE":
                break
            time.sleep(0.5)
        content = iam.get_credential_report()["Content"]
    except Exception as exc:  # noqa: BLE001
        state.lost("credential_report", "iam:GetCredentialReport", exc)
        return {}
    text = content.decode("utf-8") if isinstance(content, bytes) else str(content)
    return {row["user"]: row for row in csv.DictReader(io.StringIO(text)) if row.get("user")}


_NO_VALUE = {"N/A", "not_supported", "no_information"}


def _utc(value: Any) -> datetime | None:
    parsed = parse_time(value)
    return parsed.astimezone(UTC) if parsed else None


def _report_time(value: str | None) -> datetime | None:
    if not value or value in _NO_VALUE:
        return None
    return _utc(value)


def _report_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() == "true"


def _access_keys(
    iam: Any,
    request: CollectRequest,
    users: list[dict[str, Any]],
    report: Mapping[str, Mapping[str, str]],
    state: _State,
) -> tuple[dict[str, list[PlatformCredential]], dict[str, str]]:
    """user ARN -> its access keys; and referenced key id -> owning user name.

    Key ids come from list_access_keys, which is per user: it is called for users that configs reference (by
    key id, name or ARN), or for every key-holding user when `access_keys: all` (the default without
    identifiers, so a saved snapshot can still join key ids). Ages and last use of unreferenced keys come from
    the credential report.
    """
    by_name = {u["UserName"]: u for u in users}
    mode = str(request.settings.get("access_keys") or ("referenced" if request.identifiers else "all"))
    key_users: dict[str, str] = {}
    last_used: dict[str, Mapping[str, Any]] = {}
    wanted: set[str] = set()
    for ident in request.identifiers:
        if ACCESS_KEY_ID.match(ident):
            try:
                resp = iam.get_access_key_last_used(AccessKeyId=ident)
            except Exception as exc:  # noqa: BLE001
                state.lost("access_keys", f"iam:GetAccessKeyLastUsed {redact(ident)}", exc)
                continue
            if resp.get("UserName"):
                key_users[ident] = resp["UserName"]
                last_used[ident] = resp.get("AccessKeyLastUsed") or {}
                wanted.add(resp["UserName"])
        else:
            name = ident.rsplit("/", 1)[-1] if ident.startswith("arn:") and ":user/" in ident else ident
            if name in by_name:
                wanted.add(name)
    if mode == "all":
        for name in by_name:
            row = report.get(name)
            if row is None or any(_report_time(row.get(f"access_key_{n}_last_rotated")) for n in (1, 2)):
                wanted.add(name)

    def list_keys(name: str) -> tuple[str, list[dict[str, Any]] | BaseException]:
        try:
            return name, list(iam.list_access_keys(UserName=name).get("AccessKeyMetadata", []))
        except Exception as exc:  # noqa: BLE001
            return name, exc

    result: dict[str, list[PlatformCredential]] = {}
    listed: set[str] = set()
    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        for name, outcome in pool.map(list_keys, sorted(wanted & by_name.keys())):
            if isinstance(outcome, BaseException):
                state.lost("access_keys", f"iam:ListAccessKeys {name}", outcome, subject=by_name[name]["Arn"])
                continue
            listed.add(name)
            arn = by_name[name]["Arn"]
            row = report.get(name, {})
            creds = []
            for meta in outcome:
                key_id = meta["AccessKeyId"]
                created = _utc(meta.get("CreateDate"))
                used = last_used.get(key_id)
                slot = _report_slot(row, created)
                if used is None and key_id in key_users:
                    used = {}
                last = _utc(used.get("LastUsedDate")) if used else None
                if used is None and slot:
                    last = _report_time(row.get(f"access_key_{slot}_last_used_date"))
                creds.append(
                    PlatformCredential(
                        platform=Platform.AWS,
                        id=key_id,
                        identity_id=arn,
                        kind="aws_access_key",
                        created=created,
                        rotated=created,
                        last_used=last,
                        active=meta.get("Status") == "Active",
                        attributes={
                            "user": name,
                            "last_used_service": _clean(
                                (used or {}).get("ServiceName")
                                or (row.get(f"access_key_{slot}_last_used_service") if slot else None)
                            ),
                            "source": "list_access_keys",
                        },
                    )
                )
            result[arn] = creds
    for name, user in by_name.items():
        if name in listed:
            continue
        row = report.get(name)
        if not row:
            continue
        creds = []
        for n in (1, 2):
            created = _report_time(row.get(f"access_key_{n}_last_rotated"))
            if created is None:
                continue
            creds.append(
                PlatformCredential(
                    platform=Platform.AWS,
                    id=f"{user['Arn']}#access_key_{n}",
                    identity_id=user["Arn"],
                    kind="aws_access_key",
                    created=created,
                    rotated=created,
                    last_used=_report_time(row.get(f"access_key_{n}_last_used_date")),
                    active=bool(_report_bool(row.get(f"access_key_{n}_active"))),
                    attributes={"user": name, "slot": n, "source": "credential_report"},
                )
            )
        if creds:
            result[user["Arn"]] = creds
    return result, key_users


def _report_slot(row: Mapping[str, str], created: datetime | None) -> int | None:
    """Which credential-report key column (1 or 2) describes a key, matched by its creation time."""
    if not row or created is None:
        return None
    for n in (1, 2):
        rotated = _report_time(row.get(f"access_key_{n}_last_rotated"))
        if rotated is not None and abs((rotated - created).total_seconds()) < 2:
            return n
    return None


def _secrets(sm: Any, state: _State) -> list[dict[str, Any]] | None:
    """Secrets Manager metadata (never values): rotation flags and dates."""
    out: list[dict[str, Any]] = []
    try:
        for page in sm.get_paginator("list_secrets").paginate():
            for sec in page.get("SecretList", []):
                out.append(
                    {
                        "name": sec.get("Name"),
                        "arn": sec.get("ARN"),
                        "rotation_enabled": bool(sec.get("RotationEnabled", False)),
                        "rotation_days": (sec.get("RotationRules") or {}).get("AutomaticallyAfterDays"),
                        "created": _iso(sec.get("CreatedDate")),
                        "last_rotated": _iso(sec.get("LastRotatedDate")),
                        "last_changed": _iso(sec.get("LastChangedDate")),
                        "last_accessed": _iso(sec.get("LastAccessedDate")),
                    }
                )
    except Exception as exc:  # noqa: BLE001
        state.lost("secrets", "secretsmanager:ListSecrets", exc)
        return None
    return sorted(out, key=lambda s: str(s["name"]))


def _iso(value: Any) -> str | None:
    parsed = _utc(value)
    return parsed.isoformat() if parsed else None


def _clean(value: Any) -> str | None:
    return None if value in (None, "", *_NO_VALUE) else str(value)


class _Evaluator:
    """Per-principal reach with per-policy caching: 5,000 roles sharing ten policies cost ten expansions."""

    def __init__(
        self, catalog: ActionCatalog, policies: Mapping[str, tuple[Statement, ...]], groups: Mapping[str, Any]
    ) -> None:
        self.catalog = catalog
        self.policies = policies
        self.groups = groups
        self._allow_cache: dict[str, Grants] = {}
        self._summary_cache: dict[
            tuple[tuple[str, ...], str | None], tuple[Grants, list[Statement], Any]
        ] = {}

    def _allow(self, key: str, statements: tuple[Statement, ...]) -> Grants:
        if key not in self._allow_cache:
            self._allow_cache[key] = allow_grants(statements, self.catalog)
        return self._allow_cache[key]

    def statements_of(
        self, principal: Mapping[str, Any], inline_key: str
    ) -> list[tuple[str, tuple[Statement, ...]]]:
        parts: list[tuple[str, tuple[Statement, ...]]] = []
        for pol in principal.get(inline_key, []):
            doc = pol.get("PolicyDocument")
            # Keyed by content, so thousands of principals with the same inline document share one expansion.
            key = "inline:" + (json.dumps(doc, sort_keys=True) if not isinstance(doc, str) else doc)
            parts.append((key, parse_document(doc, pol["PolicyName"])))
        for att in principal.get("AttachedManagedPolicies", []):
            parts.append((att["PolicyArn"], self.policies.get(att["PolicyArn"], ())))
        return parts

    def evaluate(
        self, principal: Mapping[str, Any], inline_key: str, group_names: Iterable[str] = ()
    ) -> tuple[Any, list[str], bool]:
        parts = self.statements_of(principal, inline_key)
        for gname in group_names:
            group = self.groups.get(gname)
            if group:
                parts.extend(self.statements_of(group, "GroupPolicyList"))
        names = [p.get("PolicyName", "") for p in principal.get(inline_key, [])]
        names += [a.get("PolicyName", a["PolicyArn"]) for a in principal.get("AttachedManagedPolicies", [])]
        boundary_arn = (principal.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn")
        boundary_known = boundary_arn is None or boundary_arn in self.policies
        key = (tuple(sorted({k for k, _ in parts})), boundary_arn)
        cached = self._summary_cache.get(key)
        if cached is None:
            statements = [st for _, sts in parts for st in sts]
            grants = apply_denies(merge(*(self._allow(k, sts) for k, sts in parts)), statements, self.catalog)
            if boundary_arn and boundary_arn in self.policies:
                bsts = self.policies[boundary_arn]
                grants = intersect(grants, apply_denies(self._allow(boundary_arn, bsts), bsts, self.catalog))
            summary = summarise(grants, self.catalog, statements=statements)
            cached = (grants, statements, summary)
            self._summary_cache[key] = cached
        grants, statements, summary = cached
        if any("*" not in e.rsplit(" on ", 1)[-1] for e in summary.escalations):
            # Escalation on a specific ARN depends on whose ARN it is: judge it for this principal.
            summary = summarise(
                grants, self.catalog, self_arns=(str(principal.get("Arn", "")),), statements=statements
            )
        return summary, names, boundary_known


def _tags(principal: Mapping[str, Any]) -> dict[str, str]:
    return {str(t.get("Key")): str(t.get("Value")) for t in principal.get("Tags", []) or []}


def _user_identity(
    user: Mapping[str, Any],
    report: Mapping[str, Mapping[str, str]],
    keys: Mapping[str, list[PlatformCredential]],
    evaluator: _Evaluator,
) -> tuple[Identity, frozenset[Capability]]:
    name = user["UserName"]
    arn = user["Arn"]
    groups = list(user.get("GroupList", []))
    summary, policy_names, boundary_known = evaluator.evaluate(user, "UserPolicyList", groups)
    row = report.get(name)
    user_keys = keys.get(arn, [])
    attributes: dict[str, Any] = {
        "arn": arn,
        "user_id": user.get("UserId"),
        "path": user.get("Path"),
        "created": _iso(user.get("CreateDate")),
        "tags": _tags(user),
        "groups": groups,
        "policies": policy_names,
        "permissions_boundary": (user.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn"),
        "permissions_boundary_known": boundary_known,
        "admin_equivalent": summary.admin_equivalent,
        "wildcard_services": list(summary.full_wildcard_services),
        "escalations": list(summary.escalations),
        "network_restricted": summary.network_restricted,
        "allowed_actions": summary.action_count,
        "active_access_keys": sum(1 for k in user_keys if k.active),
        # None when the credential report could not be read: rules then say "not evaluated", never pass.
        "console_password": _report_bool(row.get("password_enabled")) if row else None,
        "password_last_used": _iso(_report_time(row.get("password_last_used"))) if row else None,
        "mfa_active": _report_bool(row.get("mfa_active")) if row else None,
    }
    aliases = [arn, name]
    if user.get("UserId"):
        aliases.append(str(user["UserId"]))
    aliases.extend(k.id for k in user_keys if not k.id.startswith("arn:"))
    return (
        Identity(
            Platform.AWS, id=arn, name=name, kind="iam_user", attributes=attributes, aliases=tuple(aliases)
        ),
        summary.reach,
    )


def _role_identity(role: Mapping[str, Any], evaluator: _Evaluator) -> tuple[Identity, frozenset[Capability]]:
    name = role["RoleName"]
    arn = role["Arn"]
    summary, policy_names, boundary_known = evaluator.evaluate(role, "RolePolicyList")
    trust = role.get("AssumeRolePolicyDocument")
    if isinstance(trust, str):
        import json
        import urllib.parse

        try:
            trust = json.loads(urllib.parse.unquote(trust))
        except ValueError:
            trust = {}
    last_used = (role.get("RoleLastUsed") or {}).get("LastUsedDate")
    attributes: dict[str, Any] = {
        "arn": arn,
        "role_id": role.get("RoleId"),
        "path": role.get("Path"),
        "created": _iso(role.get("CreateDate")),
        "tags": _tags(role),
        "policies": policy_names,
        "permissions_boundary": (role.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn"),
        "permissions_boundary_known": boundary_known,
        "trust_principals": trust_principals(trust),
        "max_session_duration": role.get("MaxSessionDuration"),
        "last_used": _iso(last_used),
        "admin_equivalent": summary.admin_equivalent,
        "wildcard_services": list(summary.full_wildcard_services),
        "escalations": list(summary.escalations),
        "network_restricted": summary.network_restricted,
        "allowed_actions": summary.action_count,
    }
    aliases = [arn, name]
    if role.get("RoleId"):
        aliases.append(str(role["RoleId"]))
    return (
        Identity(
            Platform.AWS, id=arn, name=name, kind="iam_role", attributes=attributes, aliases=tuple(aliases)
        ),
        summary.reach,
    )


def _resolve_baseline(baseline: Any, identities: list[Identity], state: _State) -> str | None:
    """The baseline junior user: an IAM user or role ARN (or name) from botaudit.yaml."""
    if not baseline:
        return None
    wanted = str(baseline)
    for identity in identities:
        if wanted == identity.id or wanted in identity.aliases:
            return identity.id
    state.skip("baseline", f"baseline principal {wanted!r} not found in the account", category="not_found")
    return None


def _unresolved_identifiers(
    identifiers: Iterable[str], identities: list[Identity], key_users: Mapping[str, str], state: _State
) -> None:
    known = {a for i in identities for a in i.aliases}
    for ident in identifiers:
        if ident in known or ident in key_users:
            continue
        if ACCESS_KEY_ID.match(ident):
            continue  # already recorded by the key lookup
        if ident.startswith("arn:aws:iam::") or ident.startswith("arn:aws:sts::"):
            state.skip("resolve", f"{ident} is not a principal in this account", category="not_found")
