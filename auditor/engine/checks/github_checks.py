"""Rule checks for GitHub (BA-6xx): pure functions of (rule, context) over its snapshot, listed in CHECKS."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fnmatch import fnmatchcase

from auditor.engine.checks.common import (
    findings_per_agent,
    float_param,
    needs_snapshot,
    resolutions_by_identity,
)
from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.model import AccessLevel, Identity, Platform, Resolution, Severity, Snapshot
from auditor.reach import compare

_needs_github = needs_snapshot(Platform.GITHUB, "github", "no GitHub snapshot (not connected)")


def _tokens(ctx: RuleContext, snap: Snapshot) -> Iterator[tuple[Identity, list[Resolution]]]:
    """Every token identity (never the baseline member) with the agent credentials that resolve to it.

    Tokens the collector introspected were configured as agents' tokens, so they are judged even when no
    scanned config holds them.
    """
    by_identity = resolutions_by_identity(ctx, Platform.GITHUB)
    for ident in sorted(snap.identities, key=lambda i: i.id):
        if ident.kind == "user" or ident.id == snap.baseline:
            continue
        yield ident, by_identity.get(ident.id, [])


def _types(rule: Rule) -> frozenset[str]:
    return frozenset(str(t) for t in rule.params.get("token_types") or ())


@_needs_github
def classic_pat_on_agent(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-601: the token is a classic (or pre-2021 unprefixed) personal access token."""
    for ident, resolutions in _tokens(ctx, snap):
        if ident.kind in _types(rule):
            yield from findings_per_agent(
                rule,
                f"{ident.name} is a classic personal access token acting as {ident.attributes.get('owner')} "
                "everywhere its scopes allow",
                ident,
                resolutions,
                {"token_type": ident.kind, "scopes": ident.attributes.get("scopes")},
                platform=Platform.GITHUB,
                kind=ident.kind,
            )


@_needs_github
def dangerous_token_scopes(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-602: classic/OAuth scopes include a control scope (admin:org, delete_repo, workflow...), or a GitHub
    App's known permissions a control permission at write (administration, members, workflows, secrets...)."""
    wanted = {str(s) for s in rule.params.get("scopes") or ()}
    control = {str(p) for p in rule.params.get("app_permissions") or ()}
    for ident, resolutions in _tokens(ctx, snap):
        scopes = ident.attributes.get("scopes")
        permissions = ident.attributes.get("permissions")
        if scopes is None and isinstance(permissions, Mapping):
            # A GitHub App whose permissions are known (declared in its registration).
            granted = sorted(
                f"{name}: {level}" if name != "*" else f"every permission ({level}-all)"
                for name, level in permissions.items()
                if (str(name) in control or name == "*") and str(level) in ("write", "admin")
            )
            if granted:
                yield from findings_per_agent(
                    rule,
                    f"{ident.name} declares {', '.join(granted)} on every repository it is installed on",
                    ident,
                    resolutions,
                    {"permissions": granted, "all_permissions": dict(permissions)},
                    platform=Platform.GITHUB,
                    kind=ident.kind,
                )
            continue
        if scopes is None:
            if ident.kind in ("fine_grained_pat", "app_user_token"):
                yield rule.not_evaluated(
                    ident.id,
                    f"{ident.kind}: fine-grained permissions are not readable with the token itself; "
                    "review them "
                    "in the organisation's token settings",
                )
            continue
        hit = sorted(wanted & set(scopes))
        if hit:
            yield from findings_per_agent(
                rule,
                f"{ident.name} carries {', '.join(hit)}",
                ident,
                resolutions,
                {"scopes": hit, "all_scopes": list(scopes)},
                platform=Platform.GITHUB,
                kind=ident.kind,
            )


@_needs_github
def token_without_expiry(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-603: GitHub sent no GitHub-Authentication-Token-Expiration for a personal or OAuth token."""
    for ident, resolutions in _tokens(ctx, snap):
        if ident.kind in _types(rule) and not ident.attributes.get("expires"):
            yield from findings_per_agent(
                rule,
                f"{ident.name} has no expiry",
                ident,
                resolutions,
                {"token_type": ident.kind, "expires": None},
                platform=Platform.GITHUB,
                kind=ident.kind,
            )


def _machine(login: str, patterns: list[str]) -> bool:
    return any(fnmatchcase(login.lower(), p.lower()) for p in patterns)


@_needs_github
def human_token_on_shared_bot(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-604: an agent serving many users holds a token whose owner is a person (GitHub type User)."""
    patterns = [str(p) for p in rule.params.get("machine_users") or ()]
    shared = {a.name for a in ctx.agents if a.multi_user}
    personal = {"classic_pat", "legacy_token", "fine_grained_pat", "oauth_app_token", "app_user_token"}
    for ident, resolutions in _tokens(ctx, snap):
        owner = str(ident.attributes.get("owner") or "")
        if ident.kind not in personal or ident.attributes.get("owner_type") != "User" or not owner:
            continue
        if _machine(owner, patterns):
            continue
        on_shared = [r for r in resolutions if r.agent in shared]
        if on_shared:
            yield from findings_per_agent(
                rule,
                f"the bot acts as {owner} through {ident.name}",
                ident,
                on_shared,
                {"owner": owner, "token_type": ident.kind},
                platform=Platform.GITHUB,
                kind=ident.kind,
            )


@_needs_github
def push_to_unprotected_default_branch(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-605: the token can push to repositories whose default branch has no rule or active ruleset."""
    for ident, resolutions in _tokens(ctx, snap):
        if ident.attributes.get("repositories_known") is False:
            # A GitHub App declared in code: which repositories its installations cover exists only on GitHub.
            yield rule.not_evaluated(
                ident.id,
                "the repositories this app is installed on, and their branch protection, are known only on "
                "GitHub (connect github with a token of the organisation to read its installations)",
            )
            continue
        count = int(ident.attributes.get("unprotected_push_count") or 0)
        unknown = int(ident.attributes.get("protection_unknown_push_count") or 0)
        if count:
            listed = list(ident.attributes.get("unprotected_push_repositories") or ())
            more = f" and {count - 5} more" if count > 5 else ""
            yield from findings_per_agent(
                rule,
                f"{ident.name} can push to {count} default branch(es) without protection: "
                + ", ".join(listed[:5])
                + more,
                ident,
                resolutions,
                {"unprotected": listed, "count": count},
                platform=Platform.GITHUB,
                kind=ident.kind,
            )
        if unknown:
            yield rule.not_evaluated(
                ident.id,
                f"branch protection of {unknown} repositories it can push to was not read "
                "(outside the audited organisations; add them to collectors.github.orgs)",
            )


@_needs_github
def reach_beyond_junior(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-606: the reach gap against the junior member, by repositories and level."""
    allowed = float_param(rule, "max_extra_repositories", 0)
    for ident, resolutions in _tokens(ctx, snap):
        if snap.baseline is None or snap.baseline not in snap.reach:
            yield rule.not_evaluated(
                ident.id, "no junior baseline reach (baseline.github unset or unreadable)"
            )
            continue
        if ident.id not in snap.reach:
            yield rule.not_evaluated(ident.id, "the token's reach was not read")
            continue
        # The same comparison as the report's gap table, also for tokens no scanned config holds.
        extra = compare(snap.reach[ident.id], snap.reach[snap.baseline])
        repos: dict[str, AccessLevel] = {}
        for cap in extra:
            if cap.resource.startswith("repo:"):
                current = repos.get(cap.resource)
                if current is None or cap.level.rank > current.rank:
                    repos[cap.resource] = cap.level
        org_owner = sorted(c.resource for c in extra if c.action == "owner")
        admin = sorted(r for r, lv in repos.items() if lv is AccessLevel.ADMIN)
        write = sorted(r for r, lv in repos.items() if lv is AccessLevel.WRITE)
        if not (org_owner or admin or len(repos) > allowed):
            continue
        severity = None if (org_owner or admin or write) else Severity.MEDIUM
        parts = []
        if org_owner:
            parts.append("owner of " + ", ".join(r.removeprefix("org:") for r in org_owner))
        if admin:
            parts.append(f"admin on {len(admin)} repositories")
        if write:
            parts.append(f"push on {len(write)} more")
        reads = len(repos) - len(admin) - len(write)
        if reads:
            parts.append(f"read on {reads} more")
        summary: Mapping[str, object] = {
            "extra_repositories": len(repos),
            "admin": len(admin),
            "write": len(write),
            "read": reads,
            "org_owner": [r.removeprefix("org:") for r in org_owner],
            "examples": [r.removeprefix("repo:") for r in (admin + write)[:10]],
        }
        yield from findings_per_agent(
            rule,
            f"{ident.name} reaches beyond the junior member: " + "; ".join(parts),
            ident,
            resolutions,
            summary,
            platform=Platform.GITHUB,
            kind=ident.kind,
            severity=severity,
        )


CHECKS: Mapping[str, CheckFn] = {
    "github_classic_pat_on_agent": classic_pat_on_agent,
    "github_dangerous_token_scopes": dangerous_token_scopes,
    "github_token_without_expiry": token_without_expiry,
    "github_human_token_on_shared_bot": human_token_on_shared_bot,
    "github_push_to_unprotected_default_branch": push_to_unprotected_default_branch,
    "github_reach_beyond_junior": reach_beyond_junior,
}
