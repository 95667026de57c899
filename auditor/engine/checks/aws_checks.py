"""Rule checks for AWS (BA-2xx): pure functions of (rule, context) over the AWS snapshot, listed in CHECKS."""

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
from auditor.model import Identity, Platform, PlatformCredential, Severity, Snapshot

# Names and tags that mark a non-human IAM user when no agent resolution says so.
SERVICE_NAME = re.compile(
    r"(bot|agent|svc|service|automation|ci|cd|deploy|sync|integration|mcp|pipeline|robot)", re.I
)

_needs_aws = needs_snapshot(Platform.AWS, "aws", "no AWS snapshot (not connected)")


def _credentials(snap: Snapshot) -> dict[str, list[PlatformCredential]]:
    out: dict[str, list[PlatformCredential]] = {}
    for cred in snap.credentials:
        if cred.kind == "aws_access_key":
            out.setdefault(cred.identity_id, []).append(cred)
    return out


def _identities(snap: Snapshot, kind: str | None = None) -> list[Identity]:
    return [i for i in snap.identities if kind is None or i.kind == kind]


@_needs_aws
def static_key_used_by_agent(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-201: an agent authenticates with an IAM user's long-lived access key instead of a role."""
    by_id = identities_by_id(snap)
    for res in ctx.resolutions:
        ident = by_id.get(res.identity_id)
        if res.platform != Platform.AWS or ident is None or ident.kind != "iam_user":
            continue
        yield rule.finding(
            f"agent {res.agent} uses a static access key of IAM user {ident.name}; a role with short-lived "
            "STS credentials (instance profile, IRSA, IAM Roles Anywhere, OIDC federation) could serve "
            "instead",
            subject=ident.id,
            identity=ident.id,
            platform=Platform.AWS,
            agent=res.agent,
            location=res.location,
            kind="aws_access_key",
            secret_fingerprint=res.credential_fingerprint,
            evidence={"user": ident.name, "via": res.via},
        )


@_needs_aws
def key_too_old(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-202: an active access key older than max_age_days."""
    limit = float_param(rule, "max_age_days", 90)
    users = resolutions_by_identity(ctx, Platform.AWS)
    by_id = identities_by_id(snap)
    for ident_id, creds in _credentials(snap).items():
        for cred in creds:
            if not cred.active:
                continue
            age = age_days(cred.created, ctx.clock)
            if age is None:
                yield rule.not_evaluated(cred.id, "access key creation date unknown")
                continue
            if age > limit and ident_id in by_id:
                yield from findings_per_agent(
                    rule,
                    f"access key of {by_id[ident_id].name} is {int(age)} days old (limit {int(limit)})",
                    by_id[ident_id],
                    users.get(ident_id, []),
                    {"age_days": int(age), "key": cred.id},
                    kind="aws_access_key",
                    subject_suffix="#" + cred.id,
                    platform=Platform.AWS,
                )


@_needs_aws
def key_unused(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-203: an active access key never used, or not used within max_age_days."""
    limit = float_param(rule, "max_age_days", 90)
    users = resolutions_by_identity(ctx, Platform.AWS)
    by_id = identities_by_id(snap)
    for ident_id, creds in _credentials(snap).items():
        for cred in creds:
            if not cred.active or ident_id not in by_id:
                continue
            if cred.last_used is None and cred.attributes.get("usage_known") is False:
                # A key declared in code: its use is only on the platform, so "never used" would be a guess.
                yield rule.not_evaluated(cred.id, "last use unknown (declared in code, not read from AWS)")
                continue
            if cred.last_used is None:
                message = f"access key of {by_id[ident_id].name} has never been used"
                idle = None
            else:
                idle = age_days(cred.last_used, ctx.clock)
                if idle is None or idle <= limit:
                    continue
                message = f"access key of {by_id[ident_id].name} unused for {int(idle)} days"
            yield from findings_per_agent(
                rule,
                message,
                by_id[ident_id],
                users.get(ident_id, []),
                {"idle_days": int(idle) if idle is not None else None, "key": cred.id},
                kind="aws_access_key",
                subject_suffix="#" + cred.id,
                platform=Platform.AWS,
            )


@_needs_aws
def two_active_keys(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-204: an IAM user with two active access keys."""
    users = resolutions_by_identity(ctx, Platform.AWS)
    creds = _credentials(snap)
    for ident in _identities(snap, "iam_user"):
        active = [c for c in creds.get(ident.id, []) if c.active]
        if len(active) >= 2:
            yield from findings_per_agent(
                rule,
                f"IAM user {ident.name} has {len(active)} active access keys",
                ident,
                users.get(ident.id, []),
                {"keys": [c.id for c in active]},
                kind="aws_access_key",
                platform=Platform.AWS,
            )


def _is_service_user(ident: Identity, used: bool) -> bool:
    tags = ident.attributes.get("tags") or {}
    tag_text = " ".join(f"{k}={v}" for k, v in tags.items()) if isinstance(tags, Mapping) else ""
    return used or bool(SERVICE_NAME.search(ident.name)) or bool(SERVICE_NAME.search(tag_text))


@_needs_aws
def console_password_on_service_user(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-205: a service (agent) IAM user that can also sign in to the console."""
    users = resolutions_by_identity(ctx, Platform.AWS)
    for ident in _identities(snap, "iam_user"):
        used = ident.id in users
        if not _is_service_user(ident, used):
            continue
        password = ident.attributes.get("console_password")
        if password is None:
            yield rule.not_evaluated(
                ident.id, "console password state unknown (credential report not readable)"
            )
            continue
        if password:
            yield from findings_per_agent(
                rule,
                f"service user {ident.name} has a console password (interactive login)"
                + ("" if ident.attributes.get("mfa_active") else " and no MFA"),
                ident,
                users.get(ident.id, []),
                {
                    "mfa_active": ident.attributes.get("mfa_active"),
                    "password_last_used": ident.attributes.get("password_last_used"),
                },
                platform=Platform.AWS,
            )


@_needs_aws
def admin_privileges(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-206: admin-equivalent or service-wide `*` privileges; critical when an agent holds them."""
    users = resolutions_by_identity(ctx, Platform.AWS)
    for ident in snap.identities:
        if ident.id == snap.baseline:
            continue
        admin = bool(ident.attributes.get("admin_equivalent"))
        services = [s for s in ident.attributes.get("wildcard_services") or [] if s != "*"]
        if not admin and not services:
            continue
        message = (
            f"{ident.name} is admin-equivalent (all actions on all resources, or iam:* )"
            if admin
            else f"{ident.name} holds every action of: {', '.join(services[:8])}"
        )
        severity = Severity.CRITICAL if admin and ident.id in users else None
        yield from findings_per_agent(
            rule,
            message,
            ident,
            users.get(ident.id, []),
            {"admin_equivalent": admin, "wildcard_services": services[:20]},
            severity=severity,
            platform=Platform.AWS,
        )


@_needs_aws
def privilege_escalation(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-207: actions that let the principal raise its own privileges (PassRole on *, CreateAccessKey)."""
    users = resolutions_by_identity(ctx, Platform.AWS)
    for ident in snap.identities:
        escalations = list(ident.attributes.get("escalations") or [])
        if not escalations or ident.attributes.get("admin_equivalent") or ident.id == snap.baseline:
            continue
        yield from findings_per_agent(
            rule,
            f"{ident.name} can escalate privileges: {', '.join(escalations[:5])}"
            + (f" (+{len(escalations) - 5} more)" if len(escalations) > 5 else ""),
            ident,
            users.get(ident.id, []),
            {"escalations": escalations},
            platform=Platform.AWS,
        )


@_needs_aws
def key_without_network_condition(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-208: an active static key whose user's policies carry no aws:SourceIp / SourceVpc(e) condition."""
    users = resolutions_by_identity(ctx, Platform.AWS)
    creds = _credentials(snap)
    for ident in _identities(snap, "iam_user"):
        if not any(c.active for c in creds.get(ident.id, [])):
            continue
        if ident.attributes.get("network_restricted"):
            continue
        yield from findings_per_agent(
            rule,
            f"static access key of {ident.name} works from any network (no aws:SourceIp, aws:SourceVpc "
            "or aws:SourceVpce condition in its policies)",
            ident,
            users.get(ident.id, []),
            {},
            kind="aws_access_key",
            platform=Platform.AWS,
        )


@_needs_aws
def secret_rotation(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-209: a Secrets Manager secret with rotation disabled, or not rotated within max_age_days."""
    if not snap.facts.get("secrets_listed", False):
        yield rule.not_evaluated("aws:secretsmanager", "Secrets Manager could not be listed")
        return
    limit = float_param(rule, "max_age_days", 90)
    for sec in snap.facts.get("secrets") or []:
        name = str(sec.get("name"))
        last = (
            parse_time(sec.get("last_rotated"))
            or parse_time(sec.get("last_changed"))
            or parse_time(sec.get("created"))
        )
        age = age_days(last, ctx.clock)
        if not sec.get("rotation_enabled"):
            message = f"secret {name} has rotation disabled" + (
                f" (unchanged for {int(age)} days)" if age is not None and age >= 1 else ""
            )
        elif age is not None and age > limit:
            message = f"secret {name} has rotation enabled but was last rotated {int(age)} days ago"
        else:
            continue
        yield rule.finding(
            message,
            subject=str(sec.get("arn") or name),
            identity=str(sec.get("arn") or name),
            platform=Platform.AWS,
            evidence={
                "rotation_enabled": sec.get("rotation_enabled"),
                "age_days": int(age) if age is not None else None,
            },
        )


CHECKS: Mapping[str, CheckFn] = {
    "aws_static_key_used_by_agent": static_key_used_by_agent,
    "aws_key_too_old": key_too_old,
    "aws_key_unused": key_unused,
    "aws_two_active_keys": two_active_keys,
    "aws_console_password_on_service_user": console_password_on_service_user,
    "aws_admin_privileges": admin_privileges,
    "aws_privilege_escalation": privilege_escalation,
    "aws_key_without_network_condition": key_without_network_condition,
    "aws_secret_rotation": secret_rotation,
}
