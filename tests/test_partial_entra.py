"""Entra through the local TLS Graph stand-in: a 403 on app role assignments or on the service-principal list
is unknown, not "no permissions" (BA-501/502 NotEvaluated, a partial gap, never "0 extra"), a trickling answer
is bounded, and the memberOf message names the permission Graph documents (issues 9 and 10)."""

from __future__ import annotations

import time

from auditor.clock import FixedClock
from auditor.collectors.entra import EntraCollector
from auditor.collectors.interface import CollectRequest
from auditor.config import Config
from auditor.engine.evaluate import evaluate
from auditor.engine.interface import RuleContext
from auditor.model import Platform, Resolution, Snapshot
from auditor.progress import NullProgress
from auditor.reach import compute_gaps
from auditor.report.common import gap_extra_text
from tests.standins.graph import DEMO_BASELINE_UPN, DEMO_HR_BOT_CLIENT_ID, GraphStandIn, demo_tenant
from tests.test_entra_collector import NOW, SECRET, _sp
from tests.test_entra_rules import rule


def _collect(standin: GraphStandIn, **kwargs: object) -> Snapshot:
    request = CollectRequest(
        identifiers=(DEMO_HR_BOT_CLIENT_ID,),
        baseline=DEMO_BASELINE_UPN,
        settings=standin.settings(DEMO_HR_BOT_CLIENT_ID),
        timeout=5.0,
        max_retries=2,
        **kwargs,  # type: ignore[arg-type]
    )
    collector = EntraCollector(environ={"AZURE_CLIENT_SECRET": SECRET}, sleep=lambda _: None)
    return collector.collect(request, clock=FixedClock(NOW), progress=NullProgress())


def _judge(snap: Snapshot, identity_id: str | None) -> tuple[set[tuple[str, str]], set[str], list[object]]:
    resolutions: tuple[Resolution, ...] = ()
    if identity_id is not None:
        resolutions = (Resolution("hr-bot", Platform.ENTRA, identity_id, "hr-bot", "client_id"),)
    ctx = RuleContext(
        config=Config(),
        clock=FixedClock(NOW),
        snapshots={Platform.ENTRA: snap},
        resolutions=resolutions,
    )
    findings, not_evaluated = evaluate([rule("BA-501"), rule("BA-502"), rule("BA-505")], ctx)
    gaps = list(compute_gaps(resolutions, {Platform.ENTRA: snap}))
    return {(n.rule_id, n.subject) for n in not_evaluated}, {f.rule_id for f in findings}, gaps


def test_full_read_fires_ba_501_and_is_complete() -> None:
    with GraphStandIn(demo_tenant(NOW)) as standin:
        snap = _collect(standin)
    assert snap.complete
    bot = _sp(snap)
    not_evaluated, fired, gaps = _judge(snap, bot.id)
    assert "BA-501" in fired and not not_evaluated
    (gap,) = gaps
    assert not gap.partial and gap.extra_count > 0  # type: ignore[attr-defined]


def test_forbidden_app_role_assignments_are_unknown_not_empty() -> None:
    with GraphStandIn(demo_tenant(NOW)) as standin:
        # Both the tenant-wide list of Graph permission holders and each app's own assignments.
        standin.inject("/appRoleAssign", status=403)
        snap = _collect(standin)
    bot = _sp(snap)
    assert bot.attributes["app_permissions"] is None
    parts = {(u.part, u.subject) for u in snap.unread}
    assert ("app_permissions", None) in parts and ("app_permissions", bot.id) in parts
    assert all(u.affects_reach for u in snap.unread if u.part == "app_permissions")
    not_evaluated, fired, gaps = _judge(snap, bot.id)
    # Was: no finding and no NotEvaluated, and a gap of "0 extra".
    assert {("BA-501", "entra"), ("BA-502", "entra"), ("BA-501", bot.id)} <= not_evaluated
    assert "BA-501" not in fired
    # A rule over credentials, which were read, is still judged.
    assert not any(rule_id == "BA-505" for rule_id, _ in not_evaluated)
    (gap,) = gaps
    assert gap.partial and gap.unknown  # type: ignore[attr-defined]
    assert gap_extra_text(gap) != "0"  # type: ignore[arg-type]


def test_forbidden_service_principal_list_is_unknown_not_empty() -> None:
    with GraphStandIn(demo_tenant(NOW)) as standin:
        standin.inject("/servicePrincipals", exact=True, status=403)
        snap = _collect(standin)
    assert not any(i.kind == "service_principal" for i in snap.identities)
    (part,) = [u for u in snap.unread if u.part == "service_principals"]
    assert part.category == "access_denied" and "Application.Read.All" in part.reason
    not_evaluated, fired, _ = _judge(snap, None)
    assert {("BA-501", "entra"), ("BA-502", "entra"), ("BA-505", "entra")} <= not_evaluated
    assert not fired


def test_member_of_denied_names_the_documented_permission_and_one_source() -> None:
    with GraphStandIn(demo_tenant(NOW)) as standin:
        standin.inject("/memberOf", status=403)
        snap = _collect(standin)
    (skip,) = [s for s in snap.coverage if "memberOf" in s.source]
    assert "GroupMember.Read.All" in skip.reason and "Directory.Read.All" in skip.reason
    assert "Application.Read.All" not in skip.reason
    assert skip.source.startswith("entra:users/") and "entra: entra:" not in skip.source
    (part,) = [u for u in snap.unread if u.part == "baseline_user"]
    assert part.affects_reach and part.subject == snap.baseline


def test_baseline_user_is_shown_by_its_upn() -> None:
    with GraphStandIn(demo_tenant(NOW)) as standin:
        snap = _collect(standin)
    bot = _sp(snap)
    (gap,) = _judge(snap, bot.id)[2]
    assert gap.baseline == DEMO_BASELINE_UPN  # type: ignore[attr-defined]


def test_trickling_graph_answer_is_bounded_by_the_request_deadline() -> None:
    with GraphStandIn(demo_tenant(NOW)) as standin:
        standin.inject("/applications", exact=True, trickle=0.3)
        started = time.monotonic()
        snap = _collect(standin, request_deadline=1.0, platform_budget=30.0)
        elapsed = time.monotonic() - started
    assert elapsed < 15, elapsed
    (part,) = [u for u in snap.unread if u.part == "applications"]
    assert part.category == "timeout" and "deadline" in part.reason
    # The rest was read.
    assert _sp(snap).attributes["app_permissions"]
