"""Vault facts the live collector and the code collector share, kept in one place so they cannot drift.

The control-plane paths every identity's reach is evaluated over, the secrets engines that mint credentials
per request, and Vault's default token lifetime. Pure data and one pure function: no SDK, no network.
"""

from __future__ import annotations

from collections.abc import Iterable

# Engines that mint short-lived credentials per request (the just-in-time pattern).
DYNAMIC_ENGINES = frozenset(
    {
        "database",
        "aws",
        "azure",
        "gcp",
        "consul",
        "rabbitmq",
        "nomad",
        "kubernetes",
        "ldap",
        "openldap",
        "ad",
        "mongodbatlas",
        "terraform",
        "alicloud",
        "ssh",
        "pki",
    }
)

# Sensitive control-plane paths evaluated for every identity (writes here are admin). `{policy}`, `{auth}` and
# `{mount}` stand for each policy, auth mount and secrets mount.
CONTROL_PATHS = (
    "sys/policies/acl/{policy}",
    "sys/policy/{policy}",
    "sys/auth/{auth}",
    "sys/mounts/{mount}",
    "sys/audit/file",
    "sys/seal",
    "sys/rotate",
    "sys/raw/core",
    "sys/leases/revoke-prefix/{mount}",
    "sys/generate-root/attempt",
    "auth/token/create",
    "auth/token/create-orphan",
    "auth/token/accessors",
    "identity/entity",
)

# Vault's documented default for tokens and leases when nothing narrower is set: max_lease_ttl 768h (32 days).
SYSTEM_DEFAULT_TTL = 768 * 3600


def control_paths(policies: Iterable[str], auth_mounts: Iterable[str], mounts: Iterable[str]) -> list[str]:
    """CONTROL_PATHS made concrete for these policy names, auth mounts and secrets mounts (`approle/`)."""
    policy_names, auths, secret_mounts = sorted(policies), sorted(auth_mounts), sorted(mounts)
    paths: list[str] = []
    for template in CONTROL_PATHS:
        if "{policy}" in template:
            paths.extend(template.format(policy=p) for p in policy_names or ["example"])
        elif "{auth}" in template:
            paths.extend(template.format(auth=a.rstrip("/")) for a in auths)
        elif "{mount}" in template:
            paths.extend(template.format(mount=m.rstrip("/")) for m in secret_mounts)
        else:
            paths.append(template)
    return paths
