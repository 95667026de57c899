"""Vault policies, AppRoles, tokens and auth roles declared in code -> the Vault collector's Identity model.

Reach is evaluated with the live collector's ACL semantics (`vault_policy`) over the paths the declared
policies name plus the fixed control-plane paths: without a server there are no real secret paths, so each
policy path pattern stands for the secrets under it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor.collectors.code.interface import Declarations, provenance
from auditor.collectors.vault_facts import SYSTEM_DEFAULT_TTL, control_paths
from auditor.collectors.vault_policy import (
    Acl,
    PathRule,
    VaultPolicyError,
    broad_paths,
    evaluate,
    parse_policy,
)
from auditor.durations import parse_duration
from auditor.model import Identity, Platform, PlatformCredential


@dataclass
class VaultRole:
    """An auth role (AppRole, Kubernetes, JWT...) or a token as declared, settings in seconds where known."""

    kind: str  # vault_approle, vault_token, vault_auth_role
    name: str
    mount: str
    rel: str
    line: int
    address: str
    policies: list[str]
    settings: dict[str, Any] = field(default_factory=dict)


def seconds(value: Any) -> int | None:
    """A Vault duration setting in seconds (`3600`, `"1h"`, `"768h"`); None when absent or not a duration."""
    if value is None or value == "":
        return None
    return parse_duration(value)


@dataclass
class VaultCode:
    """Everything Vault-related the scanned code declares, assembled once all files are read."""

    policies: dict[str, tuple[PathRule, ...]] = field(default_factory=dict)
    policy_origin: dict[str, dict[str, Any]] = field(default_factory=dict)
    policy_errors: list[str] = field(default_factory=list)
    roles: list[VaultRole] = field(default_factory=list)
    auth_mounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    mounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    audit_devices: list[dict[str, Any]] = field(default_factory=list)
    agent_configs: list[dict[str, Any]] = field(default_factory=list)

    def add_policy(self, name: str, text: str, rel: str, line: int, address: str | None = None) -> None:
        try:
            rules = parse_policy(name, text)
        except VaultPolicyError as exc:
            self.policy_errors.append(name)
            self.policy_origin[name] = {**provenance(rel, line, address), "error": str(exc)}
            return
        self.policies[name] = rules
        self.policy_origin[name] = provenance(rel, line, address)

    def universe(self) -> tuple[str, ...]:
        paths: list[str] = []
        for rules in self.policies.values():
            paths.extend(r.pattern for r in rules)
        # Without a server, a repository that declares no mount still has Vault's defaults in mind.
        auths, mounts = list(self.auth_mounts) or ["approle"], list(self.mounts) or ["secret"]
        paths.extend(control_paths(self.policies, auths, mounts))
        return tuple(dict.fromkeys(paths))

    def judge(self, names: Iterable[str]) -> dict[str, Any]:
        names = sorted(set(names))
        rules = [r for n in names for r in self.policies.get(n, ())]
        return {
            "root": "root" in names,
            "sudo_paths": sorted({r.pattern for r in rules if "sudo" in r.capabilities}),
            "broad_paths": sorted(set(broad_paths(rules))),
            # Built-in `default` is on every token and not written in repositories: not "unknown".
            "unknown_policies": sorted(
                n for n in names if n not in self.policies and n not in ("root", "default")
            ),
        }

    def build(self, decl: Declarations, baseline: Any) -> None:
        universe = self.universe()

        def reach(names: Iterable[str]) -> frozenset[Any]:
            names = set(names)
            return evaluate(
                Acl([r for n in names for r in self.policies.get(n, ())], root="root" in names), universe
            )

        for name in sorted(self.policies):
            origin = self.policy_origin[name]
            decl.add(
                Identity(
                    Platform.VAULT,
                    id=f"policy:{name}",
                    name=name,
                    kind="vault_policy",
                    attributes={"policies": [name], **self.judge([name]), "provenance": origin},
                    aliases=(name,),
                ),
                set(reach([name])),
            )
            decl.files.add(str(origin.get("path")))
        for role in self.roles:
            self._add_role(decl, role, reach(role.policies))
        if baseline:
            names = sorted(str(n) for n in ([baseline] if isinstance(baseline, str) else baseline))
            if all(n in self.policies or n == "default" for n in names):
                baseline_id = "baseline:policies:" + ",".join(names)
                decl.add(
                    Identity(
                        Platform.VAULT,
                        id=baseline_id,
                        name="baseline policies: " + ", ".join(names),
                        kind="vault_baseline",
                        attributes={
                            "policies": names,
                            **self.judge(names),
                            "provenance": self.policy_origin.get(
                                next((n for n in names if n in self.policy_origin), ""), {"source": "code"}
                            ),
                        },
                    ),
                    set(reach(names)),
                )
                decl.baseline = baseline_id
        decl.facts.update(
            {
                "policies": {
                    n: [{"path": r.pattern, "capabilities": sorted(r.capabilities)} for r in rules]
                    for n, rules in sorted(self.policies.items())
                },
                "policy_errors": sorted(self.policy_errors),
                "auth_mounts": dict(sorted(self.auth_mounts.items())),
                "mounts": dict(sorted(self.mounts.items())),
                "dynamic_engines": {
                    m: {"type": v.get("type"), "roles": [], "systems": []}
                    for m, v in sorted(self.mounts.items())
                    if v.get("dynamic")
                },
                "agent_configs": self.agent_configs,
            }
        )
        if self.audit_devices:
            # Declared devices are facts; absence from code proves nothing, so only presence is recorded.
            decl.facts["audit_devices"] = self.audit_devices
            decl.facts["audit_readable"] = True

    def _add_role(self, decl: Declarations, role: VaultRole, caps: frozenset[Any]) -> None:
        s = role.settings
        prov = provenance(role.rel, role.line, role.address)
        decl.files.add(role.rel)
        if role.kind == "vault_token":
            ttl = seconds(s.get("ttl"))
            attributes: dict[str, Any] = {
                "display_name": s.get("display_name") or role.name,
                "policies": sorted(set(role.policies)),
                # No ttl declared: Vault gives the token the mount's default, 768h unless tuned.
                "ttl": ttl if ttl is not None else SYSTEM_DEFAULT_TTL,
                "ttl_declared": ttl is not None,
                "explicit_max_ttl": seconds(s.get("explicit_max_ttl")),
                "period": seconds(s.get("period")),
                "renewable": s.get("renewable"),
                "orphan": s.get("no_parent"),
                "num_uses": s.get("num_uses"),
                "expire_time": None,
                **self.judge(role.policies),
                "provenance": prov,
            }
            ident = Identity(
                Platform.VAULT,
                id=f"token:{role.address}",
                name=role.name,
                kind="vault_token",
                attributes=attributes,
                aliases=(role.name, role.address),
            )
            decl.credentials.append(
                PlatformCredential(
                    Platform.VAULT,
                    id=role.address,
                    identity_id=ident.id,
                    kind="vault_token",
                    attributes={"ttl": attributes["ttl"], "period": attributes["period"], "provenance": prov},
                )
            )
        else:
            attributes = {
                "name": role.name,
                "mount": role.mount,
                "token_policies": sorted(set(role.policies)),
                "policies": sorted(set(role.policies)),
                "token_ttl": seconds(s.get("token_ttl")),
                "token_max_ttl": seconds(s.get("token_max_ttl")),
                "token_period": seconds(s.get("token_period")),
                "token_explicit_max_ttl": seconds(s.get("token_explicit_max_ttl")),
                "token_bound_cidrs": list(s.get("token_bound_cidrs") or []),
                "token_type": s.get("token_type"),
                "token_num_uses": s.get("token_num_uses"),
                **self.judge(role.policies),
                "provenance": prov,
            }
            if role.kind == "vault_approle":
                ttl = seconds(s.get("secret_id_ttl"))
                attributes.update(
                    {
                        "bind_secret_id": s.get("bind_secret_id", True) not in (False, "false"),
                        # Not declared means Vault's default: 0, secret IDs that never expire.
                        "secret_id_ttl": ttl if ttl is not None else 0,
                        "secret_id_num_uses": s.get("secret_id_num_uses", 0),
                        "secret_id_bound_cidrs": list(s.get("secret_id_bound_cidrs") or []),
                    }
                )
            else:
                attributes.update({k: v for k, v in s.items() if k.startswith("bound_")})
            ident = Identity(
                Platform.VAULT,
                id=f"{'approle' if role.kind == 'vault_approle' else 'role'}:{role.mount}{role.name}",
                name=role.name,
                kind=role.kind,
                attributes=attributes,
                aliases=(role.name, f"{role.mount}{role.name}", role.address),
            )
        decl.add(ident, set(caps))


def auth_mount(path: str) -> str:
    return path.strip("/") + "/"


def policy_names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(",") if p.strip()]
    if isinstance(value, Mapping):
        return []
    return [str(v) for v in value]
