"""Rule checks for Vault (BA-3xx): pure functions of (rule, context) over its snapshot, listed in CHECKS."""

from __future__ import annotations

import re
from collections.abc import Mapping

from auditor.clock import age_days, parse_time
from auditor.engine.checks.common import (
    findings_per_agent,
    float_param,
    identities_by_id,
    needs_snapshot,
    resolutions_by_identity,
)
from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.model import Platform, Severity, Snapshot

# Words in a KV path that name a system a dynamic engine type can serve.
SYSTEM_WORDS: Mapping[str, tuple[str, ...]] = {
    "database": (
        "db",
        "database",
        "postgres",
        "postgresql",
        "pg",
        "mysql",
        "mariadb",
        "mssql",
        "oracle",
        "mongo",
        "mongodb",
        "redis",
        "cassandra",
        "snowflake",
        "redshift",
        "elasticsearch",
        "hana",
        "influxdb",
    ),
    "aws": ("aws", "iam", "s3"),
    "azure": ("azure",),
    "gcp": ("gcp", "google"),
    "rabbitmq": ("rabbitmq", "amqp"),
    "consul": ("consul",),
    "kubernetes": ("kubernetes", "k8s", "kube"),
    "ldap": ("ldap", "ad"),
    "openldap": ("ldap",),
    "ssh": ("ssh",),
}


_needs_vault = needs_snapshot(Platform.VAULT, "vault", "no Vault snapshot (not connected)")


@_needs_vault
def root_or_sudo_on_agent(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-301: an agent holds a root token, or a token/role whose policies grant sudo."""
    by_id = identities_by_id(snap)
    for ident_id, resolutions in sorted(resolutions_by_identity(ctx, Platform.VAULT).items()):
        ident = by_id.get(ident_id)
        if ident is None:
            continue
        if ident.attributes.get("unknown_policies"):
            yield rule.not_evaluated(
                ident.id, "policies not readable: " + ", ".join(ident.attributes["unknown_policies"])
            )
        if ident.attributes.get("root"):
            yield from findings_per_agent(
                rule,
                f"{ident.name} carries the root policy",
                ident,
                resolutions,
                {"root": True},
                platform=Platform.VAULT,
            )
        elif ident.attributes.get("sudo_paths"):
            paths = list(ident.attributes["sudo_paths"])
            yield from findings_per_agent(
                rule,
                f"{ident.name} has sudo on {', '.join(paths[:5])}",
                ident,
                resolutions,
                {"sudo_paths": paths},
                platform=Platform.VAULT,
            )


@_needs_vault
def broad_policy(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-302: ACL policies with `path "*"`-class rules (top-level glob, sys/*, auth/*)."""
    by_id = identities_by_id(snap)
    users = resolutions_by_identity(ctx, Platform.VAULT)
    for name in sorted(snap.facts.get("policy_errors") or []):
        yield rule.not_evaluated(f"policy:{name}", "policy could not be read or parsed")
    # The policies each resolved identity carries, to name the agents a broad policy reaches.
    policies_of = {i_id: by_id[i_id].attributes.get("policies") or [] for i_id in users if i_id in by_id}
    for ident in snap.identities:
        if ident.kind != "vault_policy" or not ident.attributes.get("broad_paths"):
            continue
        paths = list(ident.attributes["broad_paths"])
        holders = sorted(
            {r.agent for i_id, rs in users.items() for r in rs if ident.name in policies_of.get(i_id, ())}
        )
        yield rule.finding(
            f"policy {ident.name} grants {', '.join(paths)}"
            + (f" (held by agents: {', '.join(holders)})" if holders else ""),
            subject=ident.id,
            identity=ident.id,
            platform=Platform.VAULT,
            evidence={"paths": paths, "agents": holders},
            severity=Severity.CRITICAL if holders else None,
        )


@_needs_vault
def token_without_max(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-303: non-expiring tokens, and periodic tokens or roles without an explicit max TTL."""
    users = resolutions_by_identity(ctx, Platform.VAULT)
    for ident in snap.identities:
        a = ident.attributes
        if ident.kind == "vault_token":
            if not a.get("expire_time") and not a.get("ttl"):
                yield from findings_per_agent(
                    rule,
                    f"token {ident.name} never expires",
                    ident,
                    users.get(ident.id, []),
                    {"ttl": a.get("ttl"), "root": a.get("root")},
                    platform=Platform.VAULT,
                )
            elif a.get("period") and not a.get("explicit_max_ttl"):
                yield from findings_per_agent(
                    rule,
                    f"periodic token {ident.name} (period {a.get('period')}s) has no explicit max"
                    " TTL and can be renewed forever",
                    ident,
                    users.get(ident.id, []),
                    {"period": a.get("period")},
                    platform=Platform.VAULT,
                )
        elif ident.kind == "vault_approle" and a.get("token_period") and not a.get("token_explicit_max_ttl"):
            yield from findings_per_agent(
                rule,
                f"AppRole {ident.name} issues periodic tokens without an explicit max TTL",
                ident,
                users.get(ident.id, []),
                {"token_period": a.get("token_period")},
                platform=Platform.VAULT,
            )


@_needs_vault
def approle_secret_id(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-304: AppRole secret IDs that never expire (secret_id_ttl 0) or are not bound to a CIDR."""
    users = resolutions_by_identity(ctx, Platform.VAULT)
    for ident in snap.identities:
        if ident.kind != "vault_approle":
            continue
        a = ident.attributes
        if not a.get("bind_secret_id", True):
            continue
        problems = []
        if a.get("secret_id_ttl") in (0, None):
            problems.append("secret IDs never expire (secret_id_ttl 0)")
        if not a.get("secret_id_bound_cidrs") and not a.get("token_bound_cidrs"):
            problems.append("secret IDs and tokens are not bound to a CIDR")
        if problems:
            yield from findings_per_agent(
                rule,
                f"AppRole {ident.name}: " + "; ".join(problems),
                ident,
                users.get(ident.id, []),
                {
                    "secret_id_ttl": a.get("secret_id_ttl"),
                    "secret_id_num_uses": a.get("secret_id_num_uses"),
                    "secret_id_bound_cidrs": a.get("secret_id_bound_cidrs"),
                },
                platform=Platform.VAULT,
            )


@_needs_vault
def no_audit_device(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-305: no audit device is enabled."""
    if not snap.facts.get("audit_readable"):
        yield rule.not_evaluated(
            "vault:sys/audit", "audit devices could not be read (needs sudo on sys/audit)"
        )
        return
    if not snap.facts.get("audit_devices"):
        yield rule.finding(
            f"no audit device is enabled on {snap.source}",
            subject=snap.source,
            platform=Platform.VAULT,
            evidence={},
        )


@_needs_vault
def kv_secret_stale(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-306: KV v2 secrets whose current version is older than max_age_days."""
    limit = float_param(rule, "max_age_days", 90)
    for sec in snap.facts.get("kv_secrets") or []:
        subject = f"{sec.get('mount')}{sec.get('path')}"
        if sec.get("version") != 2:
            continue
        age = age_days(parse_time(sec.get("updated")), ctx.clock)
        if age is None:
            yield rule.not_evaluated(subject, "KV metadata not readable")
            continue
        if age > limit:
            yield rule.finding(
                f"KV secret {subject} unchanged for {int(age)} days (limit {int(limit)})",
                subject=subject,
                platform=Platform.VAULT,
                evidence={"age_days": int(age), "current_version": sec.get("current_version")},
            )


def _systems_served(snap: Snapshot) -> dict[str, str]:
    """word -> dynamic engine mount that serves the system it names."""
    served: dict[str, str] = {}
    for mount, entry in (snap.facts.get("dynamic_engines") or {}).items():
        words = set(SYSTEM_WORDS.get(str(entry.get("type")), ()))
        for conn in entry.get("systems") or []:
            plugin = str(conn.get("plugin") or "")
            words.update(w for w in SYSTEM_WORDS["database"] if w in plugin)
            words.add(str(conn.get("connection")).lower())
        words.update(str(r).lower() for r in entry.get("roles") or [])
        for word in words:
            served.setdefault(word, mount)
    return served


@_needs_vault
def static_where_dynamic(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-307: an agent reads static KV secrets for a system a dynamic engine already serves."""
    served = _systems_served(snap)
    if not served:
        return
    users = resolutions_by_identity(ctx, Platform.VAULT)
    kv_data = {
        f"{s['mount']}data/{s['path']}" for s in snap.facts.get("kv_secrets") or [] if s.get("version") == 2
    }
    kv_data |= {
        f"{s['mount']}{s['path']}" for s in snap.facts.get("kv_secrets") or [] if s.get("version") == 1
    }
    subjects = [i for i in snap.identities if i.id in users] or [
        i
        for i in snap.identities
        if i.kind in {"vault_approle", "vault_token"} and not i.attributes.get("root")
    ]
    for ident in subjects:
        reach = snap.reach.get(ident.id)
        if reach is None:
            yield rule.not_evaluated(ident.id, "no reach computed for this identity")
            continue
        hits: dict[str, list[str]] = {}
        for cap in reach:
            if cap.action != "read" or cap.resource not in kv_data:
                continue
            words = set(re.split(r"[^a-z0-9]+", cap.resource.lower()))
            for word in sorted(words & served.keys()):
                hits.setdefault(served[word], []).append(cap.resource)
        for mount, paths in sorted(hits.items()):
            yield from findings_per_agent(
                rule,
                f"{ident.name} reads static KV secrets ({', '.join(sorted(paths)[:3])}) for a system the "
                f"dynamic engine {mount} serves; request just-in-time credentials from {mount}creds/ instead",
                ident,
                users.get(ident.id, []),
                {"paths": sorted(paths), "engine": mount},
                platform=Platform.VAULT,
            )


CHECKS: Mapping[str, CheckFn] = {
    "vault_root_or_sudo_on_agent": root_or_sudo_on_agent,
    "vault_broad_policy": broad_policy,
    "vault_token_without_max": token_without_max,
    "vault_approle_secret_id": approle_secret_id,
    "vault_no_audit_device": no_audit_device,
    "vault_kv_secret_stale": kv_secret_stale,
    "vault_static_where_dynamic": static_where_dynamic,
}
