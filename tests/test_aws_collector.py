"""The AWS collector against moto in server mode: reach, ages, rules, throttling, AccessDenied, read-only."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from auditor.clock import FixedClock
from auditor.collectors.aws import READ_ACTIONS, AwsCollector
from auditor.collectors.interface import CollectRequest
from auditor.config import Config
from auditor.engine.checks.aws_checks import CHECKS
from auditor.engine.interface import Rule, RuleContext
from auditor.model import Finding, Location, NotEvaluated, Platform, Resolution, Severity, Snapshot
from auditor.progress import NullProgress
from tests.standins.aws import RecordingProxy, aws, boto_client, iam_backend, moto_server  # noqa: F401

RULES = Path(__file__).resolve().parents[1] / "rules"
# Ages are judged against a fixed clock ten days after the real one, so fresh keys are 10 days old.
NOW = (datetime.now(UTC) + timedelta(days=10)).replace(microsecond=0)
V = "2012-10-17"


def load_rule(rule_id: str) -> Rule:
    d = yaml.safe_load((RULES / f"{rule_id}.yaml").read_text())
    return Rule(
        id=d["id"],
        name=d["name"],
        title=d["title"],
        severity=Severity(d["severity"]),
        category=d["category"],
        rationale=d["rationale"],
        remediation=d["remediation"],
        check=d["check"],
        references=tuple(d["references"]),
        params=d.get("params") or {},
        platform=d.get("platform"),
    )


def run_rule(
    rule_id: str, snap: Snapshot, resolutions: tuple[Resolution, ...] = ()
) -> list[Finding | NotEvaluated]:
    rule = load_rule(rule_id)
    ctx = RuleContext(
        config=Config(), clock=FixedClock(NOW), snapshots={Platform.AWS: snap}, resolutions=resolutions
    )
    return list(CHECKS[rule.check](rule, ctx))


def seed(url: str) -> str:
    iam = boto_client("iam", url)
    iam.create_user(UserName="agent-ide-mcp")
    admin = iam.create_policy(
        PolicyName="AgentAdmin",
        PolicyDocument=json.dumps(
            {"Version": V, "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        ),
    )["Policy"]["Arn"]
    iam.attach_user_policy(UserName="agent-ide-mcp", PolicyArn=admin)
    iam.create_login_profile(UserName="agent-ide-mcp", Password="Correct-Horse-9!")
    key = iam.create_access_key(UserName="agent-ide-mcp")["AccessKey"]["AccessKeyId"]
    iam.create_user(UserName="junior-analyst")
    iam.put_user_policy(
        UserName="junior-analyst",
        PolicyName="read",
        PolicyDocument=json.dumps(
            {
                "Version": V,
                "Statement": [
                    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}
                ],
            }
        ),
    )
    iam.create_user(UserName="deployer")
    iam.put_user_policy(
        UserName="deployer",
        PolicyName="deploy",
        PolicyDocument=json.dumps(
            {
                "Version": V,
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["iam:PassRole", "lambda:CreateFunction"],
                        "Resource": "*",
                        "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
                    }
                ],
            }
        ),
    )
    iam.create_access_key(UserName="deployer")
    iam.create_access_key(UserName="deployer")
    iam.create_role(
        RoleName="nightly-sync",
        AssumeRolePolicyDocument=json.dumps(
            {
                "Version": V,
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "lambda.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                    }
                ],
            }
        ),
    )
    sm = boto_client("secretsmanager", url)
    sm.create_secret(Name="db-password", SecretString="not-a-real-secret")
    # Backdate the agent's key: created 200 days before NOW.
    agent = iam_backend().users["agent-ide-mcp"]
    agent.access_keys[0].create_date = (NOW - timedelta(days=200)).replace(tzinfo=None)
    return key


def collect(identifiers: tuple[str, ...] = (), **settings: object) -> Snapshot:
    request = CollectRequest(
        identifiers=identifiers, baseline="junior-analyst", settings=settings, max_retries=3
    )
    return AwsCollector().collect(request, clock=FixedClock(NOW), progress=NullProgress())


def test_collect_reach_keys_and_rules(aws) -> None:  # noqa: F811
    key = seed(aws.url)
    snap = collect((key,))
    assert snap.coverage == ()
    by_name = {i.name: i for i in snap.identities}
    agent = by_name["agent-ide-mcp"]
    assert key in agent.aliases
    assert snap.baseline == by_name["junior-analyst"].id
    assert agent.attributes["admin_equivalent"] is True
    assert agent.attributes["console_password"] is True
    assert {c.action for c in snap.reach[snap.baseline]} == {"s3:GetObject", "s3:ListBucket"}
    assert any(c.action == "*" for c in snap.reach[agent.id])
    assert by_name["deployer"].attributes["network_restricted"] is True
    assert "iam:PassRole on *" in by_name["deployer"].attributes["escalations"]
    assert by_name["nightly-sync"].attributes["trust_principals"] == {"Service": ["lambda.amazonaws.com"]}
    cred = next(c for c in snap.credentials if c.id == key)
    assert cred.created is not None and (NOW - cred.created).days == 200
    assert snap.requests >= 6

    res = (
        Resolution(
            "ide-mcp",
            Platform.AWS,
            agent.id,
            agent.name,
            "access_key_id",
            "fp1",
            Location(".env", 1, key="AWS_ACCESS_KEY_ID"),
        ),
    )
    f201 = run_rule("BA-201", snap, res)
    assert len(f201) == 1 and f201[0].agent == "ide-mcp" and f201[0].location.path == ".env"
    assert key not in f201[0].message
    f202 = [f for f in run_rule("BA-202", snap, res) if isinstance(f, Finding)]
    assert [f.identity for f in f202] == [agent.id]
    assert any(f.identity == agent.id for f in run_rule("BA-203", snap, res))  # never used
    assert [f.identity for f in run_rule("BA-204", snap)] == [by_name["deployer"].id]
    assert [f.identity for f in run_rule("BA-205", snap, res)] == [agent.id]
    f206 = run_rule("BA-206", snap, res)
    assert [(f.identity, f.severity) for f in f206] == [(agent.id, Severity.CRITICAL)]
    assert [f.identity for f in run_rule("BA-207", snap)] == [by_name["deployer"].id]
    f208 = {f.identity for f in run_rule("BA-208", snap)}
    assert agent.id in f208 and by_name["deployer"].id not in f208
    f209 = run_rule("BA-209", snap)
    assert len(f209) == 1 and "rotation disabled" in f209[0].message


def test_without_identifiers_every_key_holder_is_listed(aws) -> None:  # noqa: F811
    key = seed(aws.url)
    snap = collect()
    assert key in {c.id for c in snap.credentials}
    assert sum(1 for c in snap.credentials if c.identity_id.endswith("user/deployer")) == 2


def test_throttling_is_retried_and_counted(aws) -> None:  # noqa: F811
    seed(aws.url)
    proxy = RecordingProxy(aws.url).start()
    try:
        body = (
            b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
            b"<Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>"
        )
        proxy.inject(
            lambda r: r.action == "GetAccountAuthorizationDetails",
            400,
            body,
            {"Content-Type": "text/xml"},
            times=1,
        )
        snap = collect(endpoint_url=proxy.url)
    finally:
        proxy.stop()
    assert snap.coverage == ()
    assert [r.action for r in proxy.requests].count("GetAccountAuthorizationDetails") == 2
    assert snap.requests == len(proxy.requests)
    assert any(i.name == "agent-ide-mcp" for i in snap.identities)


def test_only_read_actions_are_sent(aws) -> None:  # noqa: F811
    key = seed(aws.url)
    proxy = RecordingProxy(aws.url).start()
    try:
        collect((key,), endpoint_url=proxy.url)
        collect((), endpoint_url=proxy.url)
    finally:
        proxy.stop()
    allowed = {a.split(":", 1)[1] for a in READ_ACTIONS}
    sent = {r.action for r in proxy.requests}
    assert sent <= allowed, sent - allowed
    assert all(a.startswith(("Get", "List")) or a == "GenerateCredentialReport" for a in sent)


def test_read_only_policy_and_access_denied_becomes_coverage(aws) -> None:  # noqa: F811
    seed(aws.url)
    iam = boto_client("iam", aws.url)
    iam.create_user(UserName="botaudit-reader")
    allowed = [a for a in READ_ACTIONS if a != "secretsmanager:ListSecrets"]
    iam.put_user_policy(
        UserName="botaudit-reader",
        PolicyName="read",
        PolicyDocument=json.dumps(
            {"Version": V, "Statement": [{"Effect": "Allow", "Action": allowed, "Resource": "*"}]}
        ),
    )
    creds = iam.create_access_key(UserName="botaudit-reader")["AccessKey"]
    aws.enforce_iam_after(0)

    import boto3

    def session(_: object) -> object:
        return boto3.Session(
            aws_access_key_id=creds["AccessKeyId"],
            aws_secret_access_key=creds["SecretAccessKey"],
            region_name="us-east-1",
        )

    snap = AwsCollector(session_factory=session).collect(
        CollectRequest(identifiers=(creds["AccessKeyId"],), baseline="junior-analyst"),
        clock=FixedClock(NOW),
        progress=NullProgress(),
    )
    assert {i.name for i in snap.identities} >= {"agent-ide-mcp", "junior-analyst", "botaudit-reader"}
    denied = [s for s in snap.coverage if s.category == "access_denied"]
    assert [s.source for s in denied] == ["aws:secretsmanager:ListSecrets"]
    assert not any(s.source.startswith("aws:iam") for s in snap.coverage)
    assert isinstance(run_rule("BA-209", snap)[0], NotEvaluated)
