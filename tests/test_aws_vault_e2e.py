"""End to end: a config tree with an AWS key and a Vault token, scanned live against moto and OpenBao, then
collected to snapshots and scanned offline: the same findings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.standins.aws import aws, boto_client, moto_server  # noqa: F401
from tests.standins.vault import BaoServer, bao, create_token, write_policy  # noqa: F401

V = "2012-10-17"


def _cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "auditor.cli", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _keyset(report: dict) -> set[tuple[str, str | None, str | None]]:
    return {
        (f["rule_id"], f.get("agent"), f.get("identity"))
        for f in report["findings"]
        if f["rule_id"].startswith(("BA-2", "BA-3"))
    }


def test_scan_live_then_from_snapshots(aws, bao: BaoServer, tmp_path: Path) -> None:  # noqa: F811
    iam = boto_client("iam", aws.url)
    iam.create_user(UserName="mcp-bot")
    iam.put_user_policy(
        UserName="mcp-bot",
        PolicyName="all",
        PolicyDocument=json.dumps(
            {"Version": V, "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        ),
    )
    key = iam.create_access_key(UserName="mcp-bot")["AccessKey"]
    iam.create_user(UserName="junior-analyst")
    iam.put_user_policy(
        UserName="junior-analyst",
        PolicyName="ro",
        PolicyDocument=json.dumps(
            {"Version": V, "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
        ),
    )
    write_policy(
        bao, "e2e-admin", 'path "*" { capabilities = ["create", "read", "update", "delete", "list", "sudo"] }'
    )
    write_policy(bao, "e2e-junior", 'path "secret/data/e2e/*" { capabilities = ["read"] }')
    token = create_token(bao, ["e2e-admin"], ttl="2h")["client_token"]

    tree = tmp_path / "tree"
    agent = tree / "mcp-bot"
    agent.mkdir(parents=True)
    (agent / ".env").write_text(
        f"AWS_ACCESS_KEY_ID={key['AccessKeyId']}\nAWS_SECRET_ACCESS_KEY={key['SecretAccessKey']}\n"
        f"VAULT_ADDR={bao.addr}\nVAULT_TOKEN={token}\n"
    )
    (tree / "botaudit.yaml").write_text(
        'version: 1\nagents:\n  - name: mcp-bot\n    paths: ["mcp-bot/**"]\n    kind: mcp_server\n'
        "baseline:\n  aws: arn:aws:iam::123456789012:user/junior-analyst\n  vault: [e2e-junior]\n"
    )
    env = {
        **os.environ,
        "AWS_ENDPOINT_URL": aws.url,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "VAULT_ADDR": bao.addr,
        # The collector authenticates with the agent's own token, so the snapshot publishes its fingerprint.
        "VAULT_TOKEN": token,
        "NO_COLOR": "1",
    }
    live = _cli(
        [
            "scan",
            str(tree),
            "--connect",
            "aws,vault",
            "--format",
            "json",
            "-o",
            str(tmp_path / "live.json"),
            "--no-progress",
            "--fail-on",
            "none",
        ],
        env,
        tmp_path,
    )
    assert live.returncode == 0, live.stderr[-2000:]
    report = json.loads((tmp_path / "live.json").read_text())
    text = (tmp_path / "live.json").read_text()
    assert key["SecretAccessKey"] not in text and token not in text

    found = _keyset(report)
    rules = {r for r, _, _ in found}
    assert {"BA-201", "BA-206", "BA-301", "BA-302"} <= rules
    assert ("BA-201", "mcp-bot", "arn:aws:iam::123456789012:user/mcp-bot") in found
    gaps = {(g["agent"], g["platform"]): g for g in report["gaps"]}
    assert gaps[("mcp-bot", "aws")]["extra_count"] >= 1
    assert gaps[("mcp-bot", "vault")]["extra_count"] >= 1

    for platform in ("aws", "vault"):
        out = _cli(
            [
                "collect",
                platform,
                "--config",
                str(tree / "botaudit.yaml"),
                "--scan",
                str(tree),
                "-o",
                str(tmp_path / f"{platform}.json"),
                "--no-progress",
            ],
            env,
            tmp_path,
        )
        assert out.returncode == 0, out.stderr[-2000:]
    offline_env = {k: v for k, v in env.items() if not k.startswith(("AWS_", "VAULT_"))}
    offline = _cli(
        [
            "scan",
            str(tree),
            "--snapshot",
            str(tmp_path / "aws.json"),
            "--snapshot",
            str(tmp_path / "vault.json"),
            "--format",
            "json",
            "-o",
            str(tmp_path / "offline.json"),
            "--no-progress",
            "--fail-on",
            "none",
        ],
        offline_env,
        tmp_path,
    )
    assert offline.returncode == 0, offline.stderr[-2000:]
    assert _keyset(json.loads((tmp_path / "offline.json").read_text())) == found
