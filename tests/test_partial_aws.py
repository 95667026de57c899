"""A partly collected AWS account never passes: 403, 500, garbage, a stall or a trickle on
GetAccountAuthorizationDetails (moto in server mode behind a fault-injecting proxy) is an unread part, its
rules are NotEvaluated, and the scan exits 3 with one line on stderr (issue 10, items 1 and 7)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.clock import FixedClock
from auditor.collectors.aws import AwsCollector
from auditor.collectors.interface import CollectRequest
from auditor.config import Config
from auditor.engine.evaluate import evaluate
from auditor.engine.interface import RuleContext
from auditor.model import Platform, Snapshot
from auditor.progress import NullProgress
from tests.standins.aws import RecordingProxy, aws, moto_server  # noqa: F401
from tests.test_aws_collector import NOW, load_rule, seed

ACCESS_DENIED = (
    b"<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
    b"<Message>not authorized to perform iam:GetAccountAuthorizationDetails</Message></Error>"
    b"<RequestId>1</RequestId></ErrorResponse>"
)
XML = {"Content-Type": "text/xml"}


def _is_details(r: object) -> bool:
    return getattr(r, "action", None) == "GetAccountAuthorizationDetails"


def _inject(proxy: RecordingProxy, fault: str) -> None:
    if fault == "403":
        proxy.inject(_is_details, 403, ACCESS_DENIED, XML, times=99)
    elif fault == "500":
        proxy.inject(
            _is_details, 500, b"<html>internal error</html>", {"Content-Type": "text/html"}, times=99
        )
    elif fault == "garbage":
        proxy.inject(_is_details, 200, b"\x00\xff<<not xml at all{", XML, times=99)
    elif fault == "stall":
        proxy.inject(_is_details, 200, b"", XML, times=99, stall=60)
    elif fault == "trickle":
        # Headers at once, then one byte every 0.3 s: each read is quick, the answer never completes.
        proxy.inject(_is_details, 200, b"<" * 10_000, XML, times=99, trickle=0.3)
    else:
        raise AssertionError(fault)


def _collect(url: str, **kwargs: object) -> Snapshot:
    request = CollectRequest(
        baseline="junior-analyst",
        settings={"endpoint_url": url},
        max_retries=2,
        # 5 s, not 1 s: moto's honest answers must fit under it on a loaded 2-core CI machine.
        request_deadline=5.0,
        platform_budget=30.0,
        **kwargs,  # type: ignore[arg-type]
    )
    return AwsCollector().collect(request, clock=FixedClock(NOW), progress=NullProgress())


@pytest.mark.parametrize("fault", ["403", "500", "garbage", "stall", "trickle"])
def test_unreadable_principals_are_unknown_not_empty(aws, fault: str) -> None:  # noqa: F811
    seed(aws.url)
    proxy = RecordingProxy(aws.url).start()
    try:
        _inject(proxy, fault)
        started = time.monotonic()
        snap = _collect(proxy.url)
        elapsed = time.monotonic() - started
    finally:
        proxy.stop()
    # Bounded whatever the server does: the 5 s request deadline, not the 20 s read timeout, decides.
    assert elapsed < 30, elapsed
    assert snap.identities == ()
    (part,) = snap.unread
    assert part.part == "principals" and part.affects_reach and part.subject is None
    assert "GetAccountAuthorizationDetails" in part.reason
    if fault in ("stall", "trickle"):
        assert part.category == "timeout" and "deadline" in part.reason
        # A deadline overrun is not retried: one attempt, then the budget decides.
        assert sum(1 for r in proxy.requests if _is_details(r)) == 1
    if fault == "403":
        assert part.category == "access_denied"
    assert not snap.complete

    rules = [load_rule(r) for r in ("BA-206", "BA-207", "BA-209")]
    ctx = RuleContext(config=Config(), clock=FixedClock(NOW), snapshots={Platform.AWS: snap})
    findings, not_evaluated = evaluate(rules, ctx)
    subjects = {(n.rule_id, n.subject) for n in not_evaluated}
    assert {("BA-206", "aws"), ("BA-207", "aws")} <= subjects
    # Secrets Manager was read: its rule is judged, not blanket-skipped.
    assert ("BA-209", "aws") not in subjects
    assert any(f.rule_id == "BA-209" for f in findings)


def test_read_and_empty_is_complete(aws) -> None:  # noqa: F811
    """An account that answers with no principals at all is read and empty: complete, nothing unread."""
    snap = _collect(aws.url)
    assert snap.unread == () and snap.complete


def _tree(tmp_path: Path, key: dict[str, str], endpoint: str) -> Path:
    tree = tmp_path / "tree"
    (tree / "bot").mkdir(parents=True)
    (tree / "bot" / ".env").write_text(
        f"AWS_ACCESS_KEY_ID={key['AccessKeyId']}\nAWS_SECRET_ACCESS_KEY={key['SecretAccessKey']}\n"
    )
    (tree / "botaudit.yaml").write_text(
        'version: 1\nagents:\n  - name: bot\n    paths: ["bot/**"]\n'
        "baseline:\n  aws: arn:aws:iam::123456789012:user/junior-analyst\n"
        f"collectors:\n  aws:\n    endpoint_url: {endpoint}\n    request_deadline_seconds: 5\n"
    )
    return tree


def _scan(tree: Path, out: Path, *extra: str) -> tuple[int, str, dict[str, object]]:
    from auditor.cli import app

    result = CliRunner().invoke(
        app,
        ["scan", str(tree), "--connect", "aws", "--no-progress", "--format", "json", "-o", str(out), *extra],
    )
    return result.exit_code, result.output, json.loads(out.read_text(encoding="utf-8"))


def test_scan_with_denied_principals_exits_3_and_says_so(aws, tmp_path: Path) -> None:  # noqa: F811
    from tests.standins.aws import boto_client

    seed(aws.url)
    key = boto_client("iam", aws.url).create_access_key(UserName="agent-ide-mcp")["AccessKey"]
    proxy = RecordingProxy(aws.url).start()
    try:
        tree = _tree(tmp_path, key, proxy.url)
        # The full read fails the gate: the agent's key reaches an admin policy.
        code, _, report = _scan(tree, tmp_path / "full.json", "--fail-on", "critical")
        assert code == 1
        assert report["coverage"]["platforms_partial"] == []
        (collector,) = report["collectors"]
        assert collector["platform"] == "aws" and collector["complete"] is True
        assert collector["requests"] >= 5 and collector["duration_seconds"] > 0

        _inject(proxy, "403")
        code, output, report = _scan(tree, tmp_path / "denied.json", "--fail-on", "critical")
    finally:
        proxy.stop()
    # Was exit 0 with 0 identities and nothing on stderr.
    assert code == 3, output
    warnings = [line for line in output.splitlines() if "aws only partly collected" in line]
    assert len(warnings) == 1 and "principals not read" in warnings[0] and "AccessDenied" in warnings[0]
    coverage = report["coverage"]
    assert coverage["platforms_partial"] == ["aws"] and coverage["complete"] is False
    assert ("BA-206", "aws") in {(n["rule_id"], n["subject"]) for n in coverage["not_evaluated"]}
    (collector,) = report["collectors"]
    assert collector["complete"] is False and [u["part"] for u in collector["unread"]] == ["principals"]
    assert key["SecretAccessKey"] not in output
