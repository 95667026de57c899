"""Rule checks for Vault (BA-3xx): pure functions of (rule, context) over the Vault snapshot, listed in CHECKS."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from auditor.clock import age_days, parse_time
from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.model import Finding, Identity, NotEvaluated, Platform, Resolution, Severity, Snapshot

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


def _snapshot(rule: Rule, ctx: RuleContext) -> Snapshot | NotEvaluated:
    snap = ctx.snapshots.get(Platform.VAULT)
    if snap is None:
        return rule.not_evaluated("vault", "no Vault snapshot (not connected)")
    return snap


def _users_of(ctx: RuleContext) -> dict[str, list[Resolution]]:
    out: dict[str, list[Resolution]] = {}
    for res in ctx.resolutions:
        if res.platform == Platform.VAULT:
            out.setdefault(res.identity_id, []).append(res)
    return out


def _emit(
    rule: Rule,
    message: str,
    identity: Identity,
    resolutions: list[Resolution],
    evidence: Mapping[str, object],
    *,
    severity: Severity | None = None,
) -> Iterator[Finding]:
    if not resolutions:
        yield rule.finding(
            message,
            subject=identity.id,
            identity=identity.id,
            platform=Platform.VAULT,
            evidence=evidence,
            severity=severity,
        )
        return
    for res in resolutions:
        yield rule.finding(
            f"agent {res.agent}: {message}",
            subject=identity.id,
            identity=identity.id,
            platform=Platform.VAULT,
            agent=res.agent,
            location=res.location,
            secret_fingerprint=res.credential_fingerprint,
            evidence={**evidence, "via": res.via},
            severity=severity,
        )


def root_or_sudo_on_agent(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-301: an agent holds a root token, or a token/role whose policies grant sudo."""
    snap = _snapshot(rule, ctx)
    if isinstance(snap, NotEvaluated):
        yield snap
        return
    by_id = {i.id: i for i in snap.identities}
    for ident_id, resolutions in sorted(_users_of(ctx).items()):
        ident = by_id.get(ident_id)
        if ident is None:
            continue
        if ident.attributes.get("unknown_policies"):
            yield rule.not_evaluated(
                ident.id, "policies not readable: " + ", ".join(ident.attributes["unknown_policies"])
            )
        if ident.attributes.get("root"):
            yield from _emit(
                rule, f"{ident.name} carries the root policy", ident, resolutions, {"root": True}
            )
        elif ident.attributes.get("sudo_paths"):
            paths = list(ident.attributes["sudo_paths"])
            yield from _emit(
                rule,
                f"{ident.name} has sudo on {', '.join(paths[:5])}",
                ident,
                resolutions,
                {"sudo_paths": paths},
            )


def broad_policy(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-302: ACL policies with `path "*"`-class rules (top-level glob, sys/*, auth/*)."""
    snap = _snapshot(rule, ctx)
    if isinstance(snap, NotEvaluated):
        yield snap
        return
    by_id = {i.id: i for i in snap.identities}
    users = _users_of(ctx)
    for name in sorted(snap.facts.get("policy_errors") or []):
        yield rule.not_evaluated(f"policy:{name}", "policy could not be read or parsed")
    for ident in snap.identities:
        if ident.kind != "vault_policy" or not ident.attributes.get("broad_paths"):
            continue
        paths = list(ident.attributes["broad_paths"])
        holders = sorted(
            {
                r.agent
                for i_id, rs in users.items()
                for r in rs
                if ident.name in (by_id.get(i_id).attributes.get("policies") or [] if by_id.get(i_id) else [])
            }
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


def token_without_max(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-303: non-expiring tokens, and periodic tokens or roles without an explicit max TTL."""
    snap = _snapshot(rule, ctx)
    if isinstance(snap, NotEvaluated):
        yield snap
        return
    users = _users_of(ctx)
    for ident in snap.identities:
        a = ident.attributes
        if ident.kind == "vault_token":
            if not a.get("expire_time") and not a.get("ttl"):
                yield from _emit(
                    rule,
                    f"token {ident.name} never expires",
                    ident,
                    users.get(ident.id, []),
                    {"ttl": a.get("ttl"), "root": a.get("root")},
                )
            elif a.get("period") and not a.get("explicit_max_ttl"):
                yield from _emit(
                    rule,
                    f"periodic token {ident.name} (period {a.get('period')}s) has no explicit max"
                    " TTL and can be renewed forever",
                    ident,
                    users.get(ident.id, []),
                    {"period": a.get("period")},
                )
        elif ident.kind == "vault_approle":
            if a.get("token_period") and not a.get("token_explicit_max_ttl"):
                yield from _emit(
                    rule,
                    f"AppRole {ident.name} issues periodic tokens without an explicit max TTL",
                    ident,
                    users.get(ident.id, []),
                    {"token_period": a.get("token_period")},
                )


def approle_secret_id(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-304: AppRole secret IDs that never expire (secret_id_ttl 0) or are not bound to a CIDR."""
    snap = _snapshot(rule, ctx)
    if isinstance(snap, NotEvaluated):
        yield snap
        return
    users = _users_of(ctx)
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
            yield from _emit(
                rule,
                f"AppRole {ident.name}: " + "; ".join(problems),
                ident,
                users.get(ident.id, []),
                {
                    "secret_id_ttl": a.get("secret_id_ttl"),
                    "secret_id_num_uses": a.get("secret_id_num_uses"),
                    "secret_id_bound_cidrs": a.get("secret_id_bound_cidrs"),
                },
            )


def no_audit_device(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-305: no audit device is enabled."""
    snap = _snapshot(rule, ctx)
    if isinstance(snap, NotEvaluated):
        yield snap
        return
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


def kv_secret_stale(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-306: KV v2 secrets whose current version is older than max_age_days."""
    snap = _snapshot(rule, ctx)
    if isinstance(snap, NotEvaluated):
        yield snap
        return
    try:
        limit = float(rule.params.get("max_age_days", 90))
    except (TypeError, ValueError):
        limit = 90.0
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


def static_where_dynamic(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-307: an agent reads static KV secrets for a system a dynamic engine already serves."""
    snap = _snapshot(rule, ctx)
    if isinstance(snap, NotEvaluated):
        yield snap
        return
    served = _systems_served(snap)
    if not served:
        return
    users = _users_of(ctx)
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
            yield from _emit(
                rule,
                f"{ident.name} reads static KV secrets ({', '.join(sorted(paths)[:3])}) for a system the "
                f"dynamic engine {mount} serves; request just-in-time credentials from {mount}creds/ instead",
                ident,
                users.get(ident.id, []),
                {"paths": sorted(paths), "engine": mount},
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
