"""Salesforce through the local TLS stand-in: a permission query that cannot be read is unknown, not "no
permissions": BA-401 NotEvaluated, the gap partial, the snapshot marked (issue 10, item 1)."""

from __future__ import annotations

import json
from typing import Any

from auditor.clock import FixedClock
from auditor.config import Config
from auditor.engine.evaluate import evaluate
from auditor.engine.interface import RuleContext
from auditor.model import Platform, Resolution
from auditor.reach import compute_gaps
from auditor.snapshot import dumps_snapshot, snapshot_from_dict
from tests.standins.salesforce import DEMO_INTEGRATION_USER
from tests.test_entra_rules import rule
from tests.test_salesforce_collector import NOW, _user, keypair, make_harness  # noqa: F401

DENIED = [{"message": "insufficient access rights on object id", "errorCode": "INSUFFICIENT_ACCESS"}]


def test_unreadable_permission_sets_are_unknown_not_empty(make_harness: Any) -> None:  # noqa: F811
    h = make_harness()
    h.standin.fail("PermissionSet", 403, DENIED, times=None)
    snap = h.collect()
    integ = _user(snap, DEMO_INTEGRATION_USER)
    assert integ.attributes["system_permissions"] is None
    (part,) = [u for u in snap.unread if u.part == "permissions"]
    assert part.affects_reach and "INSUFFICIENT_ACCESS" in part.reason
    # The marker survives a saved snapshot: a replay is just as partial.
    replayed = snapshot_from_dict(json.loads(dumps_snapshot(snap)))
    assert replayed.unread == snap.unread and not replayed.complete

    res = (Resolution("sales-bot", Platform.SALESFORCE, integ.id, integ.name, "username"),)
    ctx = RuleContext(
        config=Config(), clock=FixedClock(NOW), snapshots={Platform.SALESFORCE: snap}, resolutions=res
    )
    findings, not_evaluated = evaluate([rule("BA-401"), rule("BA-404")], ctx)
    subjects = {(n.rule_id, n.subject) for n in not_evaluated}
    assert ("BA-401", "salesforce") in subjects
    # What was read still counts: the System Administrator profile alone makes BA-401 fire.
    assert "BA-401" in {f.rule_id for f in findings}
    # The password age was read: its rule is judged.
    assert not any(r == "BA-404" for r, _ in subjects)
    (gap,) = compute_gaps(res, {Platform.SALESFORCE: snap})
    assert gap.partial and gap.extra == ()
