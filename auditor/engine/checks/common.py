"""Helpers the rule checks share: snapshot guards, who resolves to an identity, per-agent findings, params."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping

from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.inventory.platforms import pipeline_only
from auditor.model import (
    Agent,
    Connection,
    Finding,
    Identity,
    NotEvaluated,
    Platform,
    Resolution,
    Severity,
    Snapshot,
)

SnapshotCheckFn = Callable[[Rule, RuleContext, Snapshot], CheckResult]


def needs_snapshot(platform: Platform, subject: str, reason: str) -> Callable[[SnapshotCheckFn], CheckFn]:
    """Turn a check of (rule, ctx, snapshot) into a CheckFn that reports one NotEvaluated when the platform's
    snapshot is missing: no data is never a pass."""

    def decorate(check: SnapshotCheckFn) -> CheckFn:
        @functools.wraps(check)
        def run(rule: Rule, ctx: RuleContext) -> Iterator[Finding | NotEvaluated]:
            snap = ctx.snapshots.get(platform)
            if snap is None:
                yield rule.not_evaluated(subject, reason)
                return
            yield from check(rule, ctx, snap)

        return run

    return decorate


def connected_agents(ctx: RuleContext, platform: Platform, *, resolved: bool = False) -> list[str]:
    """Names of the agents with a connection to `platform` (and, with `resolved`, any resolution to it)."""
    names = {a.name for a in ctx.agents for c in a.connections if c.platform is platform}
    if resolved:
        names |= {r.agent for r in ctx.resolutions if r.platform is platform}
    return sorted(names)


def multi_user_connections(ctx: RuleContext) -> Iterator[tuple[Agent, Connection]]:
    """(agent, connection) for every connection of an agent that serves many users, but those seen only in
    its CI pipeline (inventory.platforms.pipeline_only): the users of the agent never reach those."""
    for agent in ctx.agents:
        if not agent.multi_user:
            continue
        for conn in agent.connections:
            if not pipeline_only(conn):
                yield agent, conn


def resolutions_by_identity(ctx: RuleContext, platform: Platform) -> dict[str, list[Resolution]]:
    """identity id -> the resolutions (agent credentials) resolving to it on `platform`, in context order."""
    out: dict[str, list[Resolution]] = {}
    for res in ctx.resolutions:
        if res.platform == platform:
            out.setdefault(res.identity_id, []).append(res)
    return out


def agents_by_identity(ctx: RuleContext, platform: Platform) -> dict[str, list[str]]:
    """identity id -> names of the agents whose credentials resolve to it on `platform`, in context order."""
    return {
        ident_id: [res.agent for res in resolutions]
        for ident_id, resolutions in resolutions_by_identity(ctx, platform).items()
    }


def identities_by_id(snap: Snapshot) -> dict[str, Identity]:
    return {i.id: i for i in snap.identities}


def float_param(rule: Rule, name: str, default: float) -> float:
    """A numeric rule param, or `default` when it is missing or not a number."""
    try:
        return float(rule.params.get(name, default))
    except (TypeError, ValueError):
        return default


def agent_note(agent: str | None) -> str:
    """` (agent NAME)` to append to a message, or nothing when no agent is known."""
    return f" (agent {agent})" if agent else ""


def findings_per_agent(
    rule: Rule,
    message: str,
    identity: Identity,
    resolutions: list[Resolution],
    evidence: Mapping[str, object],
    *,
    platform: Platform,
    kind: str | None = None,
    severity: Severity | None = None,
    subject_suffix: str = "",
) -> Iterator[Finding]:
    """One finding per agent using the identity (anchored at its config), or one about the identity alone."""
    subject = identity.id + subject_suffix
    if not resolutions:
        yield rule.finding(
            message,
            subject=subject,
            identity=identity.id,
            platform=platform,
            kind=kind,
            evidence=evidence,
            severity=severity,
        )
        return
    for res in resolutions:
        yield rule.finding(
            f"agent {res.agent}: {message}",
            subject=subject,
            identity=identity.id,
            platform=platform,
            agent=res.agent,
            location=res.location,
            kind=kind,
            secret_fingerprint=res.credential_fingerprint,
            evidence={**evidence, "via": res.via},
            severity=severity,
        )
