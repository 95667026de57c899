"""Reconciliation, in one place after collection: code snapshots meet live (or saved) platform snapshots.

* Live data wins: an identity both declared in code and present on the platform keeps the platform's view
  (attributes, credentials, reach); it gains `declared_at` (the code provenance) so findings point at the line
  to fix.
* Code ≠ platform is drift: the platform grants more than the code declares (a policy edited by hand, an
  attachment made in the console), or code declares an identity the platform does not have. Drift records go
  to the merged snapshot's `facts["drift"]`, which rule BA-901 reports.
* Identities only in code are kept, marked by their provenance, so the gap and the rules still see them.

Also here: the links between agents and identities declared in their own code, and anchoring platform
findings about code-declared identities to the declaring file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from auditor.collectors.code.interface import declared_in_code
from auditor.extract.bedrock import DECLARED as BEDROCK_AGENT
from auditor.model import Agent, Capability, Finding, Identity, Location, Platform, Resolution, Snapshot
from auditor.reach import compare
from auditor.resolve import identity_index

DRIFT_EXAMPLES = 10
# Identity kinds an agent authenticates as (policies, permission sets and profiles are granted, not used).
PRINCIPAL_KINDS = frozenset(
    {
        "iam_user",
        "iam_role",
        "vault_approle",
        "vault_token",
        "vault_auth_role",
        "service_principal",
        "connected_app",
        "user",
        "k8s_serviceaccount",
        # Slack tokens an app manifest declares (the agent holding the manifest uses them).
        "bot_token",
        "user_token",
        # A GitHub App a registration declares (its installation tokens).
        "app_installation_token",
    }
)
# Live snapshots that see only the credentials botaudit was given (Slack and GitHub: the configured tokens),
# not every principal on the platform: an identity declared in code but absent there is not evidence of drift.
PARTIAL_VIEW_PLATFORMS = frozenset({Platform.SLACK, Platform.GITHUB})
# Where code can declare only part of an identity's reach, drift compares only that part: a Slack manifest
# declares scopes (resource `workspace`), never the channels a token is in.
DECLARABLE: Mapping[Platform, Callable[[Capability], bool]] = {
    Platform.SLACK: lambda cap: cap.resource == "workspace",
}

# Attributes only the code declares because no live collector can read them (the Salesforce REST API does not
# expose a connected app's OAuth policy): when code and platform both have the identity, these survive the
# merge under the platform's view (which wins on everything it does read), so their rules still judge them.
CODE_ONLY_ATTRIBUTES: Mapping[str, tuple[str, ...]] = {
    "connected_app": ("ip_relaxation", "ip_restrictions_relaxed", "scopes"),
}


def _keys(ident: Identity) -> set[tuple[str, str]]:
    """Join keys between a code and a live identity: (kind, lowercased name or alias)."""
    kind = ident.kind
    names = {ident.name.lower(), *(a.lower() for a in ident.aliases)}
    if ident.platform is Platform.AWS:
        names |= {a.rsplit("/", 1)[-1] for a in names if a.startswith("arn:aws:iam::")}
    return {(kind, n) for n in names if n}


def _provenance(ident: Identity) -> Mapping[str, Any] | None:
    prov = ident.attributes.get("provenance")
    if isinstance(prov, Mapping) and prov.get("source") == "code":
        return prov
    declared = ident.attributes.get("declared_at")
    return declared if isinstance(declared, Mapping) else None


def merge(live: Snapshot, code: Snapshot) -> Snapshot:
    """One snapshot per platform: live identities first, code-only identities added, drift recorded."""
    index: dict[tuple[str, str], Identity] = {}
    for ident in live.identities:
        for key in _keys(ident):
            index.setdefault(key, ident)
    identities = {i.id: i for i in live.identities}
    reach = dict(live.reach)
    credentials = list(live.credentials)
    drift: list[dict[str, Any]] = []
    code_only: set[str] = set()
    matched: dict[str, str] = {}
    for ident in code.identities:
        if ident.kind == "vault_baseline" or ident.attributes.get("synthetic"):
            continue
        twin = next((index[k] for k in sorted(_keys(ident)) if k in index), None)
        prov = dict(ident.attributes.get("provenance") or {})
        if twin is None:
            if ident.id in identities:
                continue
            identities[ident.id] = ident
            code_only.add(ident.id)
            if ident.id in code.reach:
                reach[ident.id] = code.reach[ident.id]
            if live.platform not in PARTIAL_VIEW_PLATFORMS and (
                ident.kind in PRINCIPAL_KINDS or ident.kind.endswith("_policy")
            ):
                drift.append(
                    {
                        "kind": "missing_on_platform",
                        "identity": ident.name,
                        "identity_id": ident.id,
                        "declared_at": prov,
                    }
                )
            continue
        matched[ident.id] = twin.id
        from_code = {
            k: ident.attributes[k]
            for k in CODE_ONLY_ATTRIBUTES.get(ident.kind, ())
            if k in ident.attributes and k not in twin.attributes
        }
        identities[twin.id] = replace(twin, attributes={**from_code, **twin.attributes, "declared_at": prov})
        live_caps, code_caps = live.reach.get(twin.id), code.reach.get(ident.id)
        partial = bool(
            ident.attributes.get("unresolved_policies")
            or ident.attributes.get("unknown_policies")
            or ident.attributes.get("unresolved_permissions")
        )
        if live_caps is None or code_caps is None or partial:
            continue
        declarable = DECLARABLE.get(live.platform)
        if declarable is not None:
            live_caps = frozenset(c for c in live_caps if declarable(c))
        extra = compare(live_caps, code_caps)
        if extra:
            drift.append(
                {
                    "kind": "broader_on_platform",
                    "identity": twin.name,
                    "identity_id": twin.id,
                    "declared_at": prov,
                    "extra_count": len(extra),
                    "extra": [
                        {"resource": c.resource, "action": c.action, "level": c.level.value}
                        for c in extra[:DRIFT_EXAMPLES]
                    ],
                    "worst_level": extra[0].level.value,
                }
            )
    credentials.extend(c for c in code.credentials if c.identity_id in code_only)
    baseline = live.baseline
    if baseline is None and code.baseline is not None:
        baseline = matched.get(code.baseline, code.baseline)
        base = next((i for i in code.identities if i.id == code.baseline), None)
        if base is not None and baseline == code.baseline:
            identities[base.id] = base
            reach[base.id] = code.reach.get(base.id, frozenset())
    facts = {**{k: v for k, v in code.facts.items() if k not in ("declared_in_code",)}, **live.facts}
    facts["drift"] = drift
    facts["code_files"] = code.facts.get("files", [])
    return replace(
        live,
        source=f"{live.source} + {code.source}",
        identities=tuple(identities.values()),
        credentials=tuple(credentials),
        reach=reach,
        baseline=baseline,
        coverage=tuple(live.coverage) + tuple(code.coverage),
        facts=facts,
    )


def reconcile(
    live: Mapping[Platform, Snapshot], code: Mapping[Platform, Snapshot]
) -> dict[Platform, Snapshot]:
    """Per platform: the live snapshot merged with the code one, or whichever exists."""
    merged: dict[Platform, Snapshot] = dict(live)
    for platform, snap in code.items():
        merged[platform] = merge(live[platform], snap) if platform in live else snap
    return merged


def _owner(path: str, agents: Sequence[Agent]) -> Agent | None:
    """The agent a declaring file belongs to: one listing the file, else the deepest agent root above it."""
    listed = [a for a in agents if path in a.files]
    if len(listed) == 1:
        return listed[0]
    best: Agent | None = None
    depth = -1
    for agent in agents:
        root = agent.root.rstrip("/")
        if root and (path == root or path.startswith(root + "/")) and root.count("/") > depth:
            best, depth = agent, root.count("/")
    return best


def link_declared(
    agents: Sequence[Agent], snapshots: Mapping[Platform, Snapshot], known: Iterable[Resolution] = ()
) -> tuple[Resolution, ...]:
    """Agents joined to the identities their own code declares (an IAM user and key in the agent's Terraform,
    its app registration manifest, its AppRole), where configuration gives no other join key."""
    have = {(r.agent, r.platform) for r in known}
    # A Bedrock agent names its service role in its own resource: the other roles of its template (its tools'
    # execution roles, a knowledge base's) are not its identity by being declared beside it.
    generic = [a for a in agents if not any(h.kind == BEDROCK_AGENT for h in a.hints)]
    out: list[Resolution] = []
    for platform, snap in snapshots.items():
        for ident in snap.identities:
            prov = _provenance(ident)
            if prov is None or ident.kind not in PRINCIPAL_KINDS or ident.id == snap.baseline:
                continue
            agent = _owner(str(prov.get("path")), generic)
            if agent is None or (agent.name, platform) in have:
                continue
            location = Location(str(prov.get("path")), int(prov.get("line") or 0))
            out.append(
                Resolution(
                    agent.name,
                    platform,
                    ident.id,
                    ident.name,
                    f"declared in the agent's code ({location.path}:{location.line})",
                    None,
                    location,
                )
            )
    joined = {(r.agent, r.platform, r.identity_id) for r in (*known, *out)}
    for res in _action_group_roles(agents, snapshots.get(Platform.AWS)):
        if (res.agent, res.platform, res.identity_id) not in joined:
            joined.add((res.agent, res.platform, res.identity_id))
            out.append(res)
    return tuple(sorted(out, key=lambda r: (r.agent, r.platform.value, r.identity_id)))


def _action_group_roles(agents: Sequence[Agent], snap: Snapshot | None) -> list[Resolution]:
    """A Bedrock agent's action groups run Lambda functions as their own execution roles, on every caller's
    request: what those roles reach, the agent reaches too. Joined where the same code declares the role."""
    if snap is None:
        return []
    index = identity_index(snap)
    out = []
    for agent in agents:
        for hint in agent.hints:
            if hint.kind != BEDROCK_AGENT:
                continue
            for executor in hint.details.get("executors") or ():
                role = executor.get("role") if isinstance(executor, Mapping) else None
                ident = index.get(role.lower()) if isinstance(role, str) else None
                if ident is None:
                    continue
                out.append(
                    Resolution(
                        agent.name,
                        Platform.AWS,
                        ident.id,
                        ident.name,
                        f"execution role of Lambda {executor.get('lambda')}, which runs the agent's action "
                        f"group {executor.get('action_group') or '?'}",
                        None,
                        hint.location,
                    )
                )
    return out


def anchor_findings(findings: Sequence[Finding], snapshots: Mapping[Platform, Snapshot]) -> list[Finding]:
    """A platform finding about an identity declared in code, with no location of its own, points at the
    declaring line (so inline `botaudit:allow` and code scanning annotations work on IaC)."""
    where: dict[tuple[Platform, str], Location] = {}
    # A name several declared identities share (`[parameters('botId')]` in 74 copies of one ARM template, one
    # per sample) names none of them: such a finding is anchored by its identity's id, or not at all.
    named: dict[tuple[Platform, str], Location | None] = {}
    for platform, snap in snapshots.items():
        for ident in snap.identities:
            prov = _provenance(ident)
            if prov is None:
                continue
            loc = Location(str(prov.get("path")), int(prov.get("line") or 0), key=prov.get("address"))
            where.setdefault((platform, ident.id), loc)
            if ident.name != ident.id:
                key = (platform, ident.name)
                named[key] = loc if key not in named else None
    out = []
    for finding in findings:
        if finding.location is None and finding.platform is not None and finding.identity:
            identity_id = finding.evidence.get("identity_id")
            anchor = where.get((finding.platform, identity_id)) if isinstance(identity_id, str) else None
            if anchor is None:
                anchor = where.get((finding.platform, finding.identity)) or named.get(
                    (finding.platform, finding.identity)
                )
            if anchor is not None:
                finding = replace(finding, location=anchor)
        out.append(finding)
    return out


def is_code_snapshot(snap: Snapshot) -> bool:
    return bool(snap.facts.get("declared_in_code")) or any(
        declared_in_code(i.attributes) for i in snap.identities
    )
