"""Rule checks over what only code collectors read: security groups (BA-210), Kubernetes RBAC (BA-801),
code-versus-platform drift (BA-901) and confused deputies found in source (BA-115). (Connected-app IP
relaxation, BA-409, is read from SFDX metadata too, but judged beside the other connected-app rules.)"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditor.engine.checks.common import agent_note, agents_by_identity, needs_snapshot
from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.model import Location, Platform, Severity, Snapshot


def _location(record: Mapping[str, Any]) -> Location | None:
    prov = record.get("provenance") or record.get("declared_at")
    if not isinstance(prov, Mapping) or not prov.get("path"):
        return None
    return Location(str(prov["path"]), int(prov.get("line") or 0), key=prov.get("address"))


@needs_snapshot(Platform.AWS, "aws", "no AWS snapshot (not connected, no Terraform or CloudFormation)")
def security_group_open(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-210: an ingress rule open to 0.0.0.0/0 or ::/0 on every port or on an administrative port."""
    # Security groups come from infrastructure code only (the live collector reads IAM, not EC2): with none
    # declared this rule has looked at nothing, which must never read as "no open security group".
    if not snap.facts.get("security_groups_declared"):
        yield rule.not_evaluated(
            "aws security groups",
            "security groups are read only from Terraform or CloudFormation in the scanned tree "
            "(the live AWS collector reads IAM, not EC2) and none declares one",
        )
        return
    ports = {int(p) for p in rule.params.get("sensitive_ports", ())}
    for sg in snap.facts.get("security_groups") or ():
        exposed = [p for p in sg.get("sensitive_ports") or () if not ports or int(str(p).split()[0]) in ports]
        if not sg.get("all_ports") and not exposed:
            continue
        what = "every port" if sg.get("all_ports") else ", ".join(exposed)
        yield rule.finding(
            f"security group {sg.get('name')} ({sg.get('group')}) accepts {what} from "
            f"{' and '.join(sg.get('cidrs') or [])}",
            subject=str(sg.get("group")),
            location=_location(sg),
            platform=Platform.AWS,
            evidence={
                "ports": sg.get("ports"),
                "protocol": sg.get("protocol"),
                "cidrs": sg.get("cidrs"),
                "sensitive_ports": sg.get("sensitive_ports"),
            },
            severity=Severity.CRITICAL if sg.get("all_ports") else None,
        )


@needs_snapshot(Platform.KUBERNETES, "kubernetes", "no Kubernetes RBAC read (no manifests declare any)")
def rbac_overbroad(rule: Rule, ctx: RuleContext, snap: Snapshot) -> CheckResult:
    """BA-801: a subject bound to cluster-admin, or granted wildcard verbs/resources or escalation verbs."""
    agents = agents_by_identity(ctx, Platform.KUBERNETES)
    for ident in snap.identities:
        a = ident.attributes
        problems = []
        if a.get("cluster_admin"):
            problems.append("is bound to cluster-admin cluster-wide")
        wild = [w for w in a.get("wildcard_rules") or () if not a.get("cluster_admin")]
        if wild:
            problems.append("holds wildcard rules: " + "; ".join(wild[:4]))
        if a.get("escalations"):
            problems.append("can escalate: " + "; ".join(list(a["escalations"])[:4]))
        if not problems:
            continue
        holders: list[str | None] = [*agents.get(ident.id, [])]
        for agent in holders or [None]:
            yield rule.finding(
                f"{ident.kind.removeprefix('k8s_')} {ident.name}{agent_note(agent)} "
                + " and ".join(problems),
                subject=ident.id,
                identity=ident.id,
                platform=Platform.KUBERNETES,
                agent=agent,
                evidence={
                    "bindings": [b.get("binding") + " -> " + b.get("role") for b in a.get("bindings") or ()],
                    "wildcard_rules": wild[:20],
                    "escalations": a.get("escalations"),
                },
                severity=Severity.CRITICAL if a.get("cluster_admin") else None,
            )


def code_platform_drift(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-901: the platform grants more than the code declares, or code declares an identity not on it."""
    for platform, snap in sorted(ctx.snapshots.items(), key=lambda kv: kv[0].value):
        for record in snap.facts.get("drift") or ():
            loc = _location(record)
            if record.get("kind") == "broader_on_platform":
                extra = record.get("extra") or []
                labels = ", ".join(f"{e.get('action')} on {e.get('resource')}" for e in extra[:3])
                yield rule.finding(
                    f"{platform.value}: {record.get('identity')} can do {record.get('extra_count')} "
                    f"thing(s) on the platform that its code does not declare (e.g. {labels}); the code is "
                    "not the source of truth",
                    subject=str(record.get("identity_id")),
                    identity=str(record.get("identity_id")),
                    location=loc,
                    platform=platform,
                    evidence={
                        "extra_count": record.get("extra_count"),
                        "extra": extra,
                        "worst_level": record.get("worst_level"),
                    },
                    severity=Severity.HIGH if record.get("worst_level") == "admin" else None,
                )
            elif record.get("kind") == "missing_on_platform" and rule.params.get("report_missing", True):
                yield rule.finding(
                    f"{platform.value}: {record.get('identity')} is declared in code but not on the platform "
                    f"({snap.source}): not applied yet, applied elsewhere, or removed by hand",
                    subject=str(record.get("identity_id")),
                    identity=str(record.get("identity_id")),
                    location=loc,
                    platform=platform,
                    evidence={"declared_at": record.get("declared_at")},
                    severity=Severity.LOW,
                )


def code_confused_deputy(rule: Rule, ctx: RuleContext) -> CheckResult:
    """BA-115: a chat entry point reaches a shared-identity client with no per-user exchange on its path."""
    for agent in ctx.agents:
        for hint in agent.hints:
            if hint.kind != "code_confused_deputy":
                continue
            d = hint.details
            try:
                platform: Platform | None = Platform(str(d.get("platform")))
            except ValueError:
                platform = None
            yield rule.finding(
                f"{agent.name}: the {d.get('entry')} handler at {hint.location.path}:{hint.location.line} "
                f"reaches {hint.name} ({d.get('client_location')}), a {d.get('platform')} client built once "
                "from the agent's own identity, with no per-user token exchange on the path: whoever writes "
                "to the bot acts with the agent's permissions",
                subject=f"{hint.location.path}#{hint.name}",
                location=hint.location,
                agent=agent.name,
                platform=platform,
                evidence={"call_path": list(d.get("steps") or ()), "client": hint.name},
            )


CHECKS: Mapping[str, CheckFn] = {
    "aws_security_group_open": security_group_open,
    "k8s_rbac_overbroad": rbac_overbroad,
    "code_platform_drift": code_platform_drift,
    "code_confused_deputy": code_confused_deputy,
}
