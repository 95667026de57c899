"""Rule checks for Slack (BA-7xx): pure functions of (rule, context) over its snapshot, listed in CHECKS."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from auditor.collectors.code.interface import declared_in_code
from auditor.collectors.slack_scopes import signs_in_only
from auditor.engine.checks.common import findings_per_agent, needs_snapshot, resolutions_by_identity
from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.model import Identity, Platform, Resolution, Snapshot
from auditor.reach import compare

_needs_slack = needs_snapshot(Platform.SLACK, "slack", "no Slack snapshot (not connected)")


def _tokens(ctx: RuleContext, snap: Snapshot) -> Iterator[tuple[Identity, list[Resolution]]]:
    """Every token identity (never the baseline member) with the agent credentials resolving to it."""
    by_identity = resolutions_by_identity(ctx, Platform.SLACK)
    for ident in sorted(snap.identities, key=lambda i: i.id):
        if ident.kind == "user" or ident.id == snap.baseline:
            continue
        yield ident, by_identity.get(ident.id, [])


def _scoped(rule: Rule, ident: Identity) -> list[str] | None:
    scopes = ident.attributes.get("scopes")
    if scopes is None:
        return None
    return [str(s) for s in scopes]


@_needs_slack
def user_token_on_shared_bot(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-701: an agent serving many users holds a user token of a person (not a bot user)."""
    types = {str(t) for t in rule.params.get("token_types") or ()}
    shared = {a.name for a in ctx.agents if a.multi_user}
    for ident, resolutions in _tokens(ctx, snap):
        owner = ident.attributes.get("owner") or {}
        if ident.kind not in types or owner.get("is_bot"):
            continue
        if signs_in_only(ident.attributes.get("scopes")):
            # Sign in with Slack (openid, email, profile): each person signs in as themself and the token
            # reads only their own profile. That is the per-user pattern, not a person's token shared.
            continue
        on_shared = [r for r in resolutions if r.agent in shared]
        if on_shared:
            who = owner.get("name") or ident.attributes.get("user_id")
            admin = " (a workspace admin)" if owner.get("is_admin") or owner.get("is_owner") else ""
            yield from findings_per_agent(
                rule,
                f"the bot acts as {who}{admin} through a user token",
                ident,
                on_shared,
                {"owner": who, "token_type": ident.kind},
                platform=Platform.SLACK,
                kind=ident.kind,
            )


def _scope_rule(rule: Rule, ctx: RuleContext, snap: Snapshot, wanted: set[str], admin: bool) -> CheckResult:
    for ident, resolutions in _tokens(ctx, snap):
        scopes = _scoped(rule, ident)
        if scopes is None:
            yield rule.not_evaluated(ident.id, "the token's scopes were not readable (no x-oauth-scopes)")
            continue
        hit = sorted(s for s in scopes if s in wanted or (admin and (s == "admin" or s.startswith("admin."))))
        if hit:
            yield from findings_per_agent(
                rule,
                f"{ident.name} carries {', '.join(hit)}",
                ident,
                resolutions,
                {"scopes": hit},
                platform=Platform.SLACK,
                kind=ident.kind,
            )


@_needs_slack
def admin_scopes(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-702: admin or admin.* scopes."""
    yield from _scope_rule(rule, ctx, snap, set(), admin=True)


@_needs_slack
def impersonation_scopes(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-703: chat:write.customize and other post-as / profile-changing scopes."""
    yield from _scope_rule(rule, ctx, snap, {str(s) for s in rule.params.get("scopes") or ()}, admin=False)


@_needs_slack
def token_rotation_off(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-704: a bot or user token that is not a rotating (xoxe.) token. A sign-in token (openid, email,
    profile alone) reaches nothing in the workspace: no finding."""
    for ident, resolutions in _tokens(ctx, snap):
        if ident.attributes.get("rotation") is False and not signs_in_only(ident.attributes.get("scopes")):
            yield from findings_per_agent(
                rule,
                f"{ident.name} is a non-rotating token that works until revoked",
                ident,
                resolutions,
                {"rotation": False, "token_type": ident.kind},
                platform=Platform.SLACK,
                kind=ident.kind,
            )


@_needs_slack
def bot_in_private_channels_beyond_baseline(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-705: private channels (and group DMs) in the token's reach that the junior member is not in."""
    for ident, resolutions in _tokens(ctx, snap):
        if not ident.attributes.get("channels_known", False) or ident.id not in snap.reach:
            yield rule.not_evaluated(
                ident.id,
                "declared in an app manifest: its channels exist only in a workspace (--connect slack)"
                if declared_in_code(ident.attributes)
                else "the token's channels were not read",
            )
            continue
        if "private_channel" in (ident.attributes.get("unread_channel_types") or ()):
            yield rule.not_evaluated(ident.id, "private channels not listable (the token lacks groups:read)")
            continue
        if snap.baseline is None or snap.baseline not in snap.reach:
            yield rule.not_evaluated(
                ident.id, "no junior baseline reach (baseline.slack unset or unreadable)"
            )
            continue
        extra = compare(snap.reach[ident.id], snap.reach[snap.baseline])
        private = sorted(
            c.resource.split(" ", 1)[-1] for c in extra if c.resource.startswith("private-channel:")
        )
        if private:
            yield from findings_per_agent(
                rule,
                f"{ident.name} is in {len(private)} private channel(s) the junior member is not: "
                + ", ".join(private[:5])
                + (f" and {len(private) - 5} more" if len(private) > 5 else ""),
                ident,
                resolutions,
                {"private_channels": private[:50], "count": len(private)},
                platform=Platform.SLACK,
                kind=ident.kind,
            )


CHECKS: Mapping[str, CheckFn] = {
    "slack_user_token_on_shared_bot": user_token_on_shared_bot,
    "slack_admin_scopes": admin_scopes,
    "slack_impersonation_scopes": impersonation_scopes,
    "slack_token_rotation_off": token_rotation_off,
    "slack_bot_in_private_channels_beyond_baseline": bot_in_private_channels_beyond_baseline,
}
