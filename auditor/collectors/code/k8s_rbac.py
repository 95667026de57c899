"""Kubernetes RBAC manifests -> a Kubernetes snapshot: subjects (service accounts, users, groups) with the
verbs and resources their bindings grant, cluster-admin and wildcard rules, and escalation verbs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor.collectors.code.interface import Declarations, provenance
from auditor.model import AccessLevel, Capability, Identity, Platform

RBAC_KINDS = frozenset({"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"})
_READ = frozenset({"get", "list", "watch"})
_ESCALATION_VERBS = frozenset({"bind", "escalate", "impersonate"})
# The user-facing default cluster roles, summarised by what Kubernetes documents them to allow.
BUILTIN_ROLES: Mapping[str, list[dict[str, Any]]] = {
    "cluster-admin": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}],
    "admin": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"], "namespaced": True}],
    "edit": [
        {
            "apiGroups": ["*"],
            "resources": ["*"],
            "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"],
            "namespaced": True,
        }
    ],
    "view": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["get", "list", "watch"], "namespaced": True}],
}


@dataclass
class _Role:
    name: str
    namespace: str | None
    rules: list[dict[str, Any]]
    rel: str
    line: int


@dataclass
class _Subject:
    kind: str
    name: str
    namespace: str | None
    rel: str
    line: int
    grants: list[tuple[str, str, str, str]] = field(default_factory=list)  # (role, scope, resource, verb)
    bindings: list[dict[str, Any]] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


def _level(verb: str, resource: str) -> AccessLevel:
    if (
        verb == "*"
        or verb in _ESCALATION_VERBS
        or (resource in ("*", "secrets") and verb not in _READ | {"list"})
    ):
        return AccessLevel.ADMIN
    if verb == "list":
        return AccessLevel.LIST
    if verb in _READ:
        return AccessLevel.ADMIN if resource == "secrets" and verb == "get" else AccessLevel.READ
    return AccessLevel.WRITE


def _cluster_wide(caps: set[Capability] | frozenset[Capability]) -> set[Capability]:
    """`caps`, plus each cluster-scoped grant as a pattern over every scope (it holds in all namespaces)."""
    out = set(caps)
    for cap in caps:
        scope, _, resource = cap.resource.partition(":")
        if scope.startswith("cluster") and resource:
            out.add(Capability(cap.platform, f"*:{resource}", cap.action, cap.level))
    return out


class RbacCode:
    """Roles and bindings gathered from every manifest, joined once all files are read."""

    def __init__(self) -> None:
        self.roles: dict[tuple[str, str | None, str], _Role] = {}
        self.bindings: list[tuple[Mapping[str, Any], str, int]] = []

    def add_doc(self, doc: Mapping[str, Any], rel: str, line: int) -> None:
        kind = str(doc.get("kind"))
        meta: Mapping[str, Any] = doc["metadata"] if isinstance(doc.get("metadata"), Mapping) else {}
        name = str(meta.get("name") or "")
        if kind in ("Role", "ClusterRole"):
            namespace = str(meta.get("namespace") or "default") if kind == "Role" else None
            rules = [dict(r) for r in doc.get("rules") or () if isinstance(r, Mapping)]
            self.roles[(kind, namespace, name)] = _Role(name, namespace, rules, rel, line)
        elif kind in ("RoleBinding", "ClusterRoleBinding"):
            self.bindings.append((doc, rel, line))

    def build(self, decl: Declarations, baseline: Any = None) -> None:
        self._build_subjects(decl)
        if isinstance(baseline, str) and baseline.strip():
            self._baseline(decl, baseline.strip())

    def _role_rules(self, kind: str, namespace: str | None, name: str) -> list[dict[str, Any]] | None:
        role = self.roles.get((kind, namespace, name))
        if role is not None:
            return role.rules
        return BUILTIN_ROLES.get(name) if kind == "ClusterRole" else None

    def _baseline(self, decl: Declarations, wanted: str) -> None:
        """The configured junior: a role (`ClusterRole/view`, `Role/NS/NAME`) or a subject the manifests bind.

        Kubernetes has no live collector, so the baseline is always one the repository declares. A grant that
        holds cluster-wide covers the same verb on the same resource in every namespace: the baseline's reach
        carries it as a pattern over any scope (`*:pods`), so an agent's namespaced `get pods` is not extra.
        """
        kind, _, rest = wanted.partition("/")
        if kind.lower() in ("clusterrole", "role") and rest:
            if kind.lower() == "clusterrole":
                key: tuple[str, str | None, str] = ("ClusterRole", None, rest)
            else:
                namespace, _, name = rest.partition("/")
                key = ("Role", namespace or "default", name or namespace)
            rules = self._role_rules(*key)
            if rules is None:
                decl.skip(
                    "botaudit.yaml: baseline.kubernetes",
                    f"{wanted}: no such role in the scanned manifests (nor a built-in cluster role); "
                    "no Kubernetes reach gap",
                    "baseline_not_found",
                )
                return
            scope = "cluster" if key[0] == "ClusterRole" else f"namespace/{key[1]}"
            caps = {
                Capability(
                    Platform.KUBERNETES.value, f"{scope}:{resource}", str(verb), _level(str(verb), resource)
                )
                for rule in rules
                if not (rule.get("nonResourceURLs") and not rule.get("resources"))
                for resource in (str(r) for r in rule.get("resources") or ())
                for verb in rule.get("verbs") or ()
            }
            role = self.roles.get(key)
            ident = Identity(
                Platform.KUBERNETES,
                id=f"baseline:{key[0]}/{key[1] + '/' if key[1] else ''}{key[2]}",
                name=wanted,
                kind="k8s_baseline",
                attributes={
                    "role": f"{key[0]}/{key[2]}",
                    "builtin": role is None,
                    "provenance": provenance(role.rel, role.line, wanted)
                    if role is not None
                    else {"source": "code", "builtin": True},
                },
                aliases=(wanted,),
            )
            decl.add(ident, _cluster_wide(caps))
            decl.baseline = ident.id
            return
        lowered = wanted.lower()
        for ident in decl.identities.values():
            if lowered in {ident.id.lower(), ident.name.lower(), *(a.lower() for a in ident.aliases)}:
                decl.baseline = ident.id
                decl.reach[ident.id] = set(_cluster_wide(decl.reach.get(ident.id, set())))
                return
        decl.skip(
            "botaudit.yaml: baseline.kubernetes",
            f"{wanted}: no subject of that name is bound in the scanned RBAC manifests; "
            "no Kubernetes reach gap",
            "baseline_not_found",
        )

    def _build_subjects(self, decl: Declarations) -> None:
        subjects: dict[str, _Subject] = {}
        for doc, rel, line in self.bindings:
            meta: Mapping[str, Any] = doc["metadata"] if isinstance(doc.get("metadata"), Mapping) else {}
            bkind = str(doc.get("kind"))
            bns = str(meta.get("namespace") or "default") if bkind == "RoleBinding" else None
            ref: Mapping[str, Any] = doc["roleRef"] if isinstance(doc.get("roleRef"), Mapping) else {}
            rkind, rname = str(ref.get("kind") or "ClusterRole"), str(ref.get("name") or "")
            role = self.roles.get((rkind, bns if rkind == "Role" else None, rname))
            rules = role.rules if role else BUILTIN_ROLES.get(rname) if rkind == "ClusterRole" else None
            scope = f"namespace/{bns}" if bns else "cluster"
            for subj in doc.get("subjects") or ():
                if not isinstance(subj, Mapping):
                    continue
                skind = str(subj.get("kind") or "ServiceAccount")
                sns = str(subj.get("namespace") or bns or "default") if skind == "ServiceAccount" else None
                sname = str(subj.get("name") or "")
                sid = f"{skind.lower()}:{sns}/{sname}" if sns else f"{skind.lower()}:{sname}"
                subject = subjects.setdefault(sid, _Subject(skind, sname, sns, rel, line))
                subject.bindings.append(
                    {
                        "binding": f"{bkind}/{meta.get('name')}",
                        "role": f"{rkind}/{rname}",
                        "scope": scope,
                        "provenance": provenance(rel, line, f"{bkind}/{meta.get('name')}"),
                    }
                )
                if rules is None:
                    subject.unresolved.append(f"{rkind}/{rname}")
                    continue
                for rule in rules:
                    if rule.get("nonResourceURLs") and not rule.get("resources"):
                        continue
                    rule_scope = scope if not rule.get("namespaced") or bns else "cluster (all namespaces)"
                    for resource in rule.get("resources") or ():
                        for verb in rule.get("verbs") or ():
                            subject.grants.append((f"{rkind}/{rname}", rule_scope, str(resource), str(verb)))
        for sid, subject in sorted(subjects.items()):
            caps = {
                Capability(Platform.KUBERNETES.value, f"{scope}:{resource}", verb, _level(verb, resource))
                for _, scope, resource, verb in subject.grants
            }
            cluster_admin = any(
                b["role"] == "ClusterRole/cluster-admin" and b["scope"] == "cluster" for b in subject.bindings
            )
            wildcard = sorted(
                {
                    f"{verb} on {resource} ({role}, {scope})"
                    for role, scope, resource, verb in subject.grants
                    if verb == "*" or resource == "*"
                }
            )
            escalations = sorted(
                {
                    f"{verb} on {resource} ({role})"
                    for role, _, resource, verb in subject.grants
                    if verb in _ESCALATION_VERBS
                    or (resource in ("pods/exec", "serviceaccounts/token") and verb in ("create", "*"))
                }
            )
            secrets = sorted(
                {
                    f"{verb} ({scope})"
                    for _, scope, resource, verb in subject.grants
                    if resource in ("secrets", "*") and verb in ("get", "list", "watch", "*")
                }
            )
            ident = Identity(
                Platform.KUBERNETES,
                id=sid,
                name=f"{subject.namespace}/{subject.name}" if subject.namespace else subject.name,
                kind=f"k8s_{subject.kind.lower()}",
                attributes={
                    "bindings": subject.bindings,
                    "cluster_admin": cluster_admin,
                    "wildcard_rules": wildcard,
                    "escalations": escalations,
                    "secrets_access": secrets,
                    "unresolved_roles": sorted(set(subject.unresolved)),
                    "provenance": provenance(subject.rel, subject.line),
                },
                # Every spelling a botaudit.yaml baseline may use: the name, the id, `NS/NAME`, and the
                # username Kubernetes gives a service account (`system:serviceaccount:NS:NAME`).
                aliases=tuple(
                    dict.fromkeys(
                        (subject.name, sid, f"{subject.namespace}/{subject.name}")
                        + (
                            (f"system:serviceaccount:{subject.namespace}:{subject.name}",)
                            if subject.kind == "ServiceAccount"
                            else ()
                        )
                        if subject.namespace
                        else (subject.name, sid)
                    )
                ),
            )
            decl.add(ident, caps)
            decl.files.add(subject.rel)
            if subject.unresolved:
                decl.skip(
                    f"{subject.rel}:{subject.line}",
                    f"{ident.name}: roles not in the scanned manifests: "
                    + ", ".join(sorted(set(subject.unresolved))),
                )
