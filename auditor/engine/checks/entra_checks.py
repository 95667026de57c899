"""Rule checks for entra: pure functions of (rule, context), listed in CHECKS."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from auditor.clock import age_days
from auditor.collectors.code.interface import declared_in_code
from auditor.engine.checks.common import agents_by_identity, connected_agents, multi_user_connections
from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.inventory.signin import calls_entra_as_itself, signs_users_in
from auditor.model import AuthModel, Finding, Identity, NotEvaluated, Platform, PlatformCredential, Snapshot

_APP_ONLY = frozenset({AuthModel.CLIENT_SECRET, AuthModel.CLIENT_CERTIFICATE})
_STRONGER = frozenset({"certificate", "federated_credential"})


def _param_set(rule: Rule, key: str) -> frozenset[str]:
    return frozenset(str(v) for v in rule.params.get(key) or ())


def _snapshot(ctx: RuleContext) -> Snapshot | None:
    return ctx.snapshots.get(Platform.ENTRA)


def _no_snapshot(rule: Rule, ctx: RuleContext) -> Iterator[NotEvaluated]:
    """One NotEvaluated per agent that connects to Entra (by configuration or by resolution)."""
    for agent in connected_agents(ctx, Platform.ENTRA, resolved=True):
        yield rule.not_evaluated(agent, "no Entra snapshot: run with --connect entra or --snapshot")


def _subjects(rule: Rule, ctx: RuleContext, snap: Snapshot) -> Iterator[tuple[str | None, Identity] | str]:
    """(agent, identity) pairs to judge: resolved agents' identities, plus every service principal when the
    rule's `all_identities` param is true. A resolution whose identity is missing yields the agent's name."""
    by_id = {i.id: i for i in snap.identities}
    seen: set[str] = set()
    for res in ctx.resolutions:
        if res.platform is not Platform.ENTRA:
            continue
        identity = by_id.get(res.identity_id)
        if identity is None:
            yield res.agent
            continue
        seen.add(identity.id)
        yield res.agent, identity
    # An app the scanned code declares is the repository's own: judged even when no agent config joins it.
    every = bool(rule.params.get("all_identities"))
    for identity in snap.identities:
        if (
            identity.kind == "service_principal"
            and identity.id not in seen
            and (every or declared_in_code(identity.attributes))
        ):
            yield None, identity


def _finding(
    rule: Rule,
    message: str,
    identity: Identity,
    agent: str | None,
    *,
    kind: str | None = None,
    secret_fingerprint: str | None = None,
    **evidence: Any,
) -> Finding:
    """A finding about a service principal, named by its display name, keyed by its object id."""
    return rule.finding(
        message,
        subject=identity.id,
        identity=identity.name,
        platform=Platform.ENTRA,
        agent=agent,
        kind=kind,
        secret_fingerprint=secret_fingerprint,
        evidence={"identity_id": identity.id, "appId": identity.attributes.get("appId"), **evidence},
    )


def _permission_check(rule: Rule, ctx: RuleContext, what: str) -> CheckResult:
    snap = _snapshot(ctx)
    if snap is None:
        yield from _no_snapshot(rule, ctx)
        return
    wanted = _param_set(rule, "permissions")
    wanted_roles = _param_set(rule, "roles")
    for subject in _subjects(rule, ctx, snap):
        if isinstance(subject, str):
            yield rule.not_evaluated(subject, "its Entra identity is not in the snapshot")
            continue
        agent, identity = subject
        perms = identity.attributes.get("app_permissions")
        if perms is None:
            yield rule.not_evaluated(identity.id, "application permissions were not collected")
            continue
        held = sorted({str(p.get("permission")) for p in perms if str(p.get("permission")) in wanted})
        role_rows = identity.attributes.get("directory_roles") or ()
        roles = sorted({str(r.get("name")) for r in role_rows if r.get("name") in wanted_roles})
        if not held and not roles:
            continue
        parts = []
        if held:
            parts.append(f"application permission(s) {', '.join(held)}")
        if roles:
            parts.append(f"directory role(s) {', '.join(roles)}")
        who = f"Agent {agent!r} runs as" if agent else "Service principal"
        yield _finding(
            rule,
            f"{who} {identity.name} which holds {' and '.join(parts)}: {what}, "
            "tenant-wide and without a user.",
            identity,
            agent,
            permissions=held,
            directory_roles=roles,
        )


def check_control_plane_permission(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-501: an agent's service principal can rewrite the directory, its roles or other apps."""
    return _permission_check(rule, ctx, "it can grant itself or any app further access")


def check_broad_data_permission(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-502: an agent's service principal reads or writes every user's mail, files, sites or profiles."""
    return _permission_check(rule, ctx, "it reaches every user's data")


def _secret_subjects(
    rule: Rule, ctx: RuleContext
) -> Iterator[tuple[str | None, Identity, list[PlatformCredential], list[PlatformCredential]] | NotEvaluated]:
    """(agent, identity, its active client secrets) for each subject; NotEvaluated where data is missing."""
    snap = _snapshot(ctx)
    if snap is None:
        yield from _no_snapshot(rule, ctx)
        return
    creds: dict[str, list[PlatformCredential]] = {}
    for cred in snap.credentials:
        creds.setdefault(cred.identity_id, []).append(cred)
    for subject in _subjects(rule, ctx, snap):
        if isinstance(subject, str):
            yield rule.not_evaluated(subject, "its Entra identity is not in the snapshot")
            continue
        agent, identity = subject
        if identity.kind != "service_principal":
            continue
        mine = creds.get(identity.id, [])
        secrets = [c for c in mine if c.kind == "client_secret" and c.active]
        yield agent, identity, secrets, mine


def check_client_secret_in_use(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-503: a client secret where a certificate or a federated credential could serve."""
    for item in _secret_subjects(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        agent, identity, secrets, mine = item
        if not secrets:
            continue
        stronger = sorted({c.kind for c in mine if c.kind in _STRONGER and c.active})
        kinds = " and a ".join(k.replace("_", " ") for k in stronger)
        also = f" It already has a {kinds}: the secret is an extra way in." if stronger else ""
        who = f"Agent {agent!r} uses" if agent else "Service principal"
        yield _finding(
            rule,
            f"{who} {identity.name} which has {len(secrets)} active client secret(s); a certificate, "
            f"a federated credential or a managed identity avoids a copyable shared secret.{also}",
            identity,
            agent,
            kind="entra_client_secret",
            secret_ids=[c.id for c in secrets],
            other_credentials=stronger,
        )


def check_client_secret_age(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-504: an active client secret created more than `max_age_days` ago."""
    max_age = float(rule.params.get("max_age_days", 90))
    for item in _secret_subjects(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        agent, identity, secrets, _ = item
        for cred in secrets:
            age = age_days(cred.created, ctx.clock)
            if age is None:
                yield rule.not_evaluated(f"{identity.id}/{cred.id}", "the secret has no start date")
                continue
            if age <= max_age:
                continue
            yield _finding(
                rule,
                f"Client secret {cred.attributes.get('display_name') or cred.id} of {identity.name} is "
                f"{int(age)} days old (limit {int(max_age)}).",
                identity,
                agent,
                kind="entra_client_secret",
                secret_fingerprint=cred.id,
                key_id=cred.id,
                age_days=int(age),
                created=cred.created.isoformat() if cred.created else None,
            )


def check_client_secret_lifetime(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-505: an active client secret valid for more than `max_lifetime_days`, or without expiry."""
    max_life = float(rule.params.get("max_lifetime_days", 180))
    never_year = int(rule.params.get("no_expiry_after_year", 2099))
    for item in _secret_subjects(rule, ctx):
        if not isinstance(item, tuple):
            yield item
            continue
        agent, identity, secrets, _ = item
        for cred in secrets:
            name = cred.attributes.get("display_name") or cred.id
            if cred.expires is None and cred.attributes.get("lifetime_unknown"):
                # Made outside the code that declares it (a bot's app password given in an app setting).
                yield rule.not_evaluated(f"{identity.id}/{cred.id}", "the secret's end date is not declared")
                continue
            if cred.expires is None or cred.expires.year >= never_year:
                message = f"Client secret {name} of {identity.name} never expires in practice."
                lifetime = None
            elif cred.created is None:
                yield rule.not_evaluated(f"{identity.id}/{cred.id}", "the secret has no start date")
                continue
            else:
                lifetime = (cred.expires - cred.created).total_seconds() / 86400
                if lifetime <= max_life:
                    continue
                message = (
                    f"Client secret {name} of {identity.name} is valid for {int(lifetime)} days "
                    f"(limit {int(max_life)}), until {cred.expires.date().isoformat()}."
                )
            yield _finding(
                rule,
                message,
                identity,
                agent,
                kind="entra_client_secret",
                secret_fingerprint=cred.id,
                key_id=cred.id,
                lifetime_days=int(lifetime) if lifetime is not None else None,
                expires=cred.expires.isoformat() if cred.expires else None,
            )


def check_tenant_wide_consent(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-506: admin consent for all users (AllPrincipals) to high-privilege delegated scopes."""
    snap = _snapshot(ctx)
    if snap is None:
        yield from _no_snapshot(rule, ctx)
        return
    risky = _param_set(rule, "scopes")
    agents_of = agents_by_identity(ctx, Platform.ENTRA)
    only_agents = bool(rule.params.get("agents_only", False))
    for identity in snap.identities:
        if identity.kind != "service_principal":
            continue
        agents: list[str | None] = [*sorted(agents_of.get(identity.id, []))]
        if only_agents and not agents:
            continue
        for grant in identity.attributes.get("delegated_grants") or ():
            if grant.get("consentType") != "AllPrincipals":
                continue
            scopes = sorted(set(grant.get("scopes") or ()) & risky)
            if not scopes:
                continue
            for agent in agents or [None]:
                yield _finding(
                    rule,
                    f"{identity.name} has tenant-wide admin consent (AllPrincipals) for "
                    f"{', '.join(scopes)} on {grant.get('resource')}: it can act with these scopes as any "
                    "user who signs in.",
                    identity,
                    agent,
                    grant_id=grant.get("id"),
                    scopes=scopes,
                )


def check_privileged_sp_owners(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-507: a privileged service principal (or its application) has owners who can add credentials."""
    snap = _snapshot(ctx)
    if snap is None:
        yield from _no_snapshot(rule, ctx)
        return
    control = _param_set(rule, "permissions")
    privileged_roles = _param_set(rule, "roles")
    agents_of = agents_by_identity(ctx, Platform.ENTRA)
    for identity in snap.identities:
        if identity.kind != "service_principal":
            continue
        perms = {str(p.get("permission")) for p in identity.attributes.get("app_permissions") or ()}
        roles = {str(r.get("name")) for r in identity.attributes.get("directory_roles") or ()}
        why = sorted(perms & control) + sorted(roles & privileged_roles)
        if not why:
            continue
        owners = identity.attributes.get("owners")
        agents: list[str | None] = [*sorted(agents_of.get(identity.id, []))]
        if owners is None:
            yield rule.not_evaluated(identity.id, "owners of this privileged app were not collected")
            continue
        if not owners:
            continue
        names = sorted(str(o.get("userPrincipalName") or o.get("displayName") or o.get("id")) for o in owners)
        for agent in agents or [None]:
            yield _finding(
                rule,
                f"{identity.name} holds {', '.join(why)} and has {len(owners)} owner(s) "
                f"({', '.join(names)}): each owner can add a credential and act as it.",
                identity,
                agent,
                owners=names,
                privileges=why,
            )


def _granted_app_permissions(ctx: RuleContext) -> set[str]:
    """Agents whose resolved Entra identity holds an application permission (live or declared)."""
    snap = _snapshot(ctx)
    if snap is None:
        return set()
    by_id = {i.id: i for i in snap.identities}
    return {
        res.agent
        for res in ctx.resolutions
        if res.platform is Platform.ENTRA
        and (identity := by_id.get(res.identity_id)) is not None
        and identity.attributes.get("app_permissions")
    }


def check_multi_user_app_only(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-508: an agent serving many users calls Graph app-only instead of On-Behalf-Of each user."""
    granted = _granted_app_permissions(ctx)
    for agent, conn in multi_user_connections(ctx):
        if conn.platform is not Platform.ENTRA or conn.auth_model not in _APP_ONLY:
            continue
        if signs_users_in(agent) and not calls_entra_as_itself(agent):
            # Users sign in through the bot's OAuth connection (OAuthPrompt, the user token API, a connection
            # name) and no call as the app itself is in its files: Graph is called with each user's token, and
            # the Entra secret in view is the connection's (BA-108 reads it so too).
            continue
        if not calls_entra_as_itself(agent) and agent.name not in granted:
            # Only the app's credential is in view (a bot's secret authenticates it to the Bot Connector) and
            # its identity holds no application permission in the data read: nothing says it calls Graph.
            # BA-108 reports that case at medium, with what to connect to know.
            continue
        first = conn.first_evidence
        yield rule.finding(
            f"Agent {agent.name!r} serves many users but authenticates to Entra app-only "
            f"({conn.auth_model.value}): every request runs with the app's full permissions, "
            "whoever asked. On-Behalf-Of would scope each request to its user.",
            # The subject stays the first evidence's file (the fingerprint it always had); the finding
            # points at the evidence that decided the app-only model.
            subject=first.path if first else agent.name,
            location=conn.shown_at,
            formerly_at=first,
            platform=Platform.ENTRA,
            agent=agent.name,
            evidence={"auth_model": conn.auth_model.value, "client_id": conn.identity_hint},
        )


CHECKS: Mapping[str, CheckFn] = {
    "entra_control_plane_permission": check_control_plane_permission,
    "entra_broad_data_permission": check_broad_data_permission,
    "entra_client_secret_in_use": check_client_secret_in_use,
    "entra_client_secret_age": check_client_secret_age,
    "entra_client_secret_lifetime": check_client_secret_lifetime,
    "entra_tenant_wide_consent": check_tenant_wide_consent,
    "entra_privileged_sp_owners": check_privileged_sp_owners,
    "entra_multi_user_app_only": check_multi_user_app_only,
}
