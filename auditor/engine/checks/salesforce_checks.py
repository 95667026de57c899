"""Rule checks for salesforce: pure functions of (rule, context), listed in CHECKS."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from auditor.clock import age_days, parse_time
from auditor.collectors.code.interface import declared_in_code
from auditor.engine.checks.common import agent_note, connected_agents, identities_by_id
from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.model import AuthModel, Finding, Identity, NotEvaluated, Platform, Resolution, Snapshot

SF = Platform.SALESFORCE


def _snapshot(ctx: RuleContext) -> Snapshot | None:
    return ctx.snapshots.get(SF)


def _no_snapshot(rule: Rule, ctx: RuleContext) -> Iterator[NotEvaluated]:
    """One NotEvaluated per agent with a Salesforce connection."""
    for name in connected_agents(ctx, SF):
        yield rule.not_evaluated(
            f"agent {name}", "no Salesforce snapshot (collect salesforce or pass --snapshot)"
        )


def _integration_users(rule: Rule, ctx: RuleContext) -> Iterator[tuple[Resolution, Identity] | NotEvaluated]:
    """(resolution, user identity) for every agent whose Salesforce credential resolved to a user; a
    NotEvaluated for agents with a Salesforce connection that could not be judged."""
    snap = _snapshot(ctx)
    if snap is None:
        yield from _no_snapshot(rule, ctx)
        return
    by_id = identities_by_id(snap)
    seen: set[tuple[str, str]] = set()
    resolved_agents: set[str] = set()
    for res in ctx.resolutions:
        if res.platform is not SF:
            continue
        ident = by_id.get(res.identity_id)
        if ident is None:
            continue
        resolved_agents.add(res.agent)
        if ident.kind != "user" or (res.agent, ident.id) in seen:
            continue
        seen.add((res.agent, ident.id))
        yield res, ident
    for name in connected_agents(ctx, SF):
        if name not in resolved_agents:
            yield rule.not_evaluated(
                f"agent {name}", "its Salesforce username or consumer key matches no identity in the snapshot"
            )


def _finding(rule: Rule, res: Resolution, ident: Identity, message: str, **evidence: Any) -> Finding:
    return rule.finding(
        message,
        subject=ident.id,
        identity=ident.name,
        platform=SF,
        agent=res.agent,
        location=res.location,
        kind="salesforce_user",
        evidence={"username": ident.name, "user_id": ident.id, "via": res.via, **evidence},
    )


def check_integration_user_admin(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-401: the agent's Salesforce user has an admin profile or org-wide data permissions."""
    admin_profiles = {str(p) for p in rule.params.get("admin_profiles", ["System Administrator"])}
    admin_perms = [str(p) for p in rule.params.get("admin_permissions", ["ModifyAllData", "ViewAllData"])]
    for item in _integration_users(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        res, ident = item
        profile = ident.attributes.get("profile")
        system = ident.attributes.get("system_permissions")
        held = [p for p in admin_perms if system and p in system]
        if profile in admin_profiles or held:
            why = []
            if profile in admin_profiles:
                why.append(f"the {profile} profile")
            if held:
                why.append(" and ".join(held))
            yield _finding(
                rule,
                res,
                ident,
                f"Agent {res.agent} runs as Salesforce user {ident.name}, who has {', '.join(why)}: every "
                "prompt-injected or buggy request can read and change any record in the org.",
                profile=profile,
                admin_permissions=held,
            )
        elif system is None:
            yield rule.not_evaluated(
                ident.name, "permission sets of the user could not be read (see coverage)"
            )


def check_interactive_login(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-402: the integration user is not API-only, so its password also opens the UI."""
    for item in _integration_users(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        res, ident = item
        if ident.attributes.get("active") is False:
            continue
        api_only = ident.attributes.get("api_only")
        if api_only is None:
            yield rule.not_evaluated(
                ident.name, "API-only status unknown (PermissionsApiUserOnly not readable)"
            )
        elif api_only is False:
            yield _finding(
                rule,
                res,
                ident,
                f"Salesforce user {ident.name} used by agent {res.agent} can log in interactively: it lacks "
                "the "
                "API Only User permission, so its credentials also open the Salesforce UI.",
                profile=ident.attributes.get("profile"),
            )


def check_no_login_ip_range(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-403: no login IP range on the integration user's profile."""
    for item in _integration_users(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        res, ident = item
        ranges = ident.attributes.get("login_ip_ranges")
        if ranges is None:
            yield rule.not_evaluated(ident.name, "login IP ranges could not be read (see coverage)")
        elif not ranges:
            yield _finding(
                rule,
                res,
                ident,
                f"The profile {ident.attributes.get('profile')!s} of Salesforce user {ident.name} (agent "
                f"{res.agent}) has no login IP range: a stolen credential works from any network.",
                profile=ident.attributes.get("profile"),
            )


def check_password_age(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-404: the integration user's password is older than max_age_days."""
    max_age = float(rule.params.get("max_age_days", 90))
    for item in _integration_users(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        res, ident = item
        changed = parse_time(ident.attributes.get("password_changed"))
        if changed is None:
            # Salesforce leaves LastPasswordChangeDate empty when no password was ever set (JWT-only users).
            continue
        age = age_days(changed, ctx.clock)
        if age is not None and age > max_age:
            yield _finding(
                rule,
                res,
                ident,
                f"The password of Salesforce user {ident.name} (agent {res.agent}) was last changed "
                f"{int(age)} days ago (limit {int(max_age)}).",
                password_changed=changed.isoformat(),
                age_days=int(age),
                max_age_days=int(max_age),
            )


def _apps_in_scope(rule: Rule, ctx: RuleContext) -> Iterator[tuple[Identity, str | None] | NotEvaluated]:
    """Connected apps to judge, with the agent linked to each: apps an agent's consumer key resolved to, and
    apps through which a resolved integration user holds OAuth tokens (every app with `all_apps: true`)."""
    snap = _snapshot(ctx)
    if snap is None:
        yield from _no_snapshot(rule, ctx)
        return
    if not snap.facts.get("connected_apps_collected", True):
        yield rule.not_evaluated(
            "salesforce connected apps", "ConnectedApplication could not be read (see coverage)"
        )
        return
    apps = {i.id: i for i in snap.identities if i.kind == "connected_app"}
    by_name = {i.name: i for i in apps.values()}
    linked: dict[str, str | None] = {}
    users: dict[str, str] = {}
    for res in ctx.resolutions:
        if res.platform is not SF:
            continue
        if res.identity_id in apps:
            linked.setdefault(res.identity_id, res.agent)
        else:
            users.setdefault(res.identity_id, res.agent)
    for cred in snap.credentials:
        if cred.kind == "oauth_token" and cred.identity_id in users:
            app = by_name.get(str(cred.attributes.get("app")))
            if app is not None:
                linked.setdefault(app.id, users[cred.identity_id])
    # Connected apps declared in the scanned metadata are the repository's own: always judged, also when the
    # platform has them too (reconciliation keeps the live app and records where the code declares it).
    every = bool(rule.params.get("all_apps", False))
    for app_id, app in apps.items():
        if every or declared_in_code(app.attributes) or "declared_at" in app.attributes:
            linked.setdefault(app_id, None)
    for app_id, agent in sorted(linked.items()):
        yield apps[app_id], agent


def check_app_open_to_all(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-405: a connected app lets every user self-authorize instead of admin-approved users only."""
    for item in _apps_in_scope(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        app, agent = item
        approved = app.attributes.get("admin_approved_only")
        if approved is None:
            yield rule.not_evaluated(app.name, "OptionsAllowAdminApprovedUsersOnly not returned")
        elif approved is False:
            yield rule.finding(
                f"Connected app {app.name}{agent_note(agent)} is open to all users: anyone in "
                "the org can authorize it and hand the agent a token, instead of admin-approved users only.",
                subject=app.id,
                identity=app.name,
                platform=SF,
                agent=agent,
                kind="salesforce_connected_app",
                evidence={
                    "app": app.name,
                    "app_id": app.id,
                    "permitted_users": "all users may self-authorize",
                },
            )


def check_refresh_never_expires(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-406: a connected app's refresh tokens are valid until revoked."""
    for item in _apps_in_scope(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        app, agent = item
        if app.attributes.get("refresh_token_never_expires") is True:
            yield rule.finding(
                f"Refresh tokens of connected app {app.name}{agent_note(agent)} never expire "
                "(valid until revoked): a leaked refresh token stays usable indefinitely.",
                subject=app.id,
                identity=app.name,
                platform=SF,
                agent=agent,
                kind="salesforce_connected_app",
                evidence={"app": app.name, "app_id": app.id, "refresh_token_policy": "valid until revoked"},
            )


def check_ip_relaxed(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-409: a connected app relaxes the org's IP restrictions (ipRelaxation other than ENFORCE)."""
    for item in _apps_in_scope(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        app, agent = item
        relaxation = app.attributes.get("ip_relaxation")
        if relaxation is None:
            # The OAuth policy is Metadata API data: the live collector's SOQL over ConnectedApplication
            # cannot see it, only the app's SFDX metadata in the repository can.
            yield rule.not_evaluated(
                app.name,
                "its OAuth policy (ipRelaxation) is not readable over the REST API the live collector uses: "
                "scan the app's SFDX metadata (connectedApps/*.connectedApp-meta.xml) with the repository",
            )
            continue
        if not app.attributes.get("ip_restrictions_relaxed"):
            continue
        yield rule.finding(
            f"Connected app {app.name}{agent_note(agent)} relaxes IP restrictions "
            f"(ipRelaxation {relaxation}): its tokens work from any network, whatever the profile's "
            "login IP ranges say.",
            subject=app.id,
            identity=app.name,
            platform=SF,
            agent=agent,
            kind="salesforce_connected_app",
            evidence={"ip_relaxation": relaxation, "scopes": app.attributes.get("scopes")},
        )


def check_unused_tokens(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-407: OAuth tokens of an agent's connected app unused for max_unused_days: offboard them."""
    max_unused = float(rule.params.get("max_unused_days", 90))
    snap = _snapshot(ctx)
    if snap is not None and not snap.facts.get("oauth_tokens_collected", True):
        yield rule.not_evaluated("salesforce OAuth tokens", "OauthToken could not be read (see coverage)")
        return
    for item in _apps_in_scope(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        app, agent = item
        assert snap is not None
        stale: list[tuple[int, str]] = []
        for cred in snap.credentials:
            if cred.kind != "oauth_token" or cred.attributes.get("app") != app.name:
                continue
            age = age_days(cred.last_used or cred.created, ctx.clock)
            if age is not None and age > max_unused:
                stale.append((int(age), cred.identity_id))
        if stale:
            stale.sort(reverse=True)
            yield rule.finding(
                f"{len(stale)} OAuth token(s) of connected app {app.name}{agent_note(agent)} "
                f"have not been used for more than {int(max_unused)} days; revoke them (offboarding).",
                subject=app.id,
                identity=app.name,
                platform=SF,
                agent=agent,
                kind="salesforce_oauth_token",
                evidence={
                    "app": app.name,
                    "stale_tokens": len(stale),
                    "oldest_unused_days": stale[0][0],
                    "user_ids": [uid for _, uid in stale[:10]],
                    "max_unused_days": int(max_unused),
                },
            )


def check_shared_password(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-408: an agent signs in to Salesforce with the integration user's username and password."""
    snap = _snapshot(ctx)
    by_id = identities_by_id(snap) if snap is not None else {}
    resolved: dict[str, Resolution] = {}
    for r in ctx.resolutions:
        ident = by_id.get(r.identity_id) if r.platform is SF else None
        if ident is not None and ident.kind == "user":
            resolved.setdefault(r.agent, r)
    for agent in ctx.agents:
        for conn in agent.connections:
            if conn.platform is not SF or conn.auth_model is not AuthModel.SHARED_PASSWORD:
                continue
            res = resolved.get(agent.name)
            who = (
                f" as {res.identity_name}"
                if res
                else (f" as {conn.identity_hint}" if conn.identity_hint else "")
            )
            yield rule.finding(
                f"Agent {agent.name} signs in to Salesforce{who} with a username and password: every user's "
                "request runs as that one integration user. Use JWT bearer with sub = the requesting "
                "user.",
                subject=f"agent:{agent.name}",
                location=conn.shown_at,
                formerly_at=conn.first_evidence,
                identity=res.identity_name if res else conn.identity_hint,
                platform=SF,
                agent=agent.name,
                kind="salesforce_password",
                secret_fingerprint=conn.credential_fingerprints[0] if conn.credential_fingerprints else None,
                evidence={
                    "auth_model": conn.auth_model.value,
                    "multi_user": agent.multi_user,
                    "reason": conn.reason or None,
                },
            )


CHECKS: Mapping[str, CheckFn] = {
    "salesforce_integration_user_admin": check_integration_user_admin,
    "salesforce_interactive_login": check_interactive_login,
    "salesforce_no_login_ip_range": check_no_login_ip_range,
    "salesforce_password_age": check_password_age,
    "salesforce_app_open_to_all_users": check_app_open_to_all,
    "salesforce_refresh_token_never_expires": check_refresh_never_expires,
    "salesforce_oauth_token_unused": check_unused_tokens,
    "salesforce_connected_app_ip_relaxed": check_ip_relaxed,
    "salesforce_shared_password": check_shared_password,
}
