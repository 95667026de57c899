"""Benchmark: AWS and Vault collectors at scale (5,000 roles + 2,000 users; 1,000 secrets + 300 AppRoles).

Seeds moto (through its backend objects: HTTP seeding would take minutes) and a real OpenBao dev server, then
runs each collector and prints collect time and API requests. Run: python bench/bench_collectors_aws_vault.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor.clock import SystemClock  # noqa: E402
from auditor.collectors.aws import AwsCollector  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.collectors.vault import VaultCollector  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from tests.standins.aws import iam_backend  # noqa: E402
from tests.standins.vault import start_bao, stop_bao, write_policy  # noqa: E402

ROLES, USERS, SECRETS, APPROLES = 5000, 2000, 1000, 300
TRUST = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ],
    }
)
POLICIES = [
    json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": a, "Resource": "*"}]})
    for a in (
        ["s3:Get*", "s3:List*"],
        ["dynamodb:*"],
        ["sqs:SendMessage", "sqs:ReceiveMessage"],
        "*",
        ["iam:PassRole", "lambda:CreateFunction"],
    )
]


def bench_aws() -> None:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_ENDPOINT_URL=f"http://{host}:{port}",
    )
    try:
        import boto3

        boto3.client("sts").get_caller_identity()  # creates the account backend
        t = time.perf_counter()
        iam = iam_backend()
        for i in range(ROLES):
            iam.create_role(f"role-{i}", TRUST, "/", None, "", [], None)
            iam.put_role_policy(f"role-{i}", "p", POLICIES[i % len(POLICIES)])
        referenced = []
        for i in range(USERS):
            iam.create_user("us-east-1", f"user-{i}")
            iam.put_user_policy(f"user-{i}", "p", POLICIES[i % len(POLICIES)])
            if i % 4 == 0:
                key = iam.create_access_key(f"user-{i}")
                if i < 20:
                    referenced.append(key.access_key_id)
        print(
            f"aws: seeded {ROLES} roles, {USERS} users ({USERS // 4} with keys) "
            f"in {time.perf_counter() - t:.1f} s"
        )
        for label, ids in (
            ("scan (5 key ids referenced)", tuple(referenced[:5])),
            ("collect (no identifiers)", ()),
        ):
            t = time.perf_counter()
            snap = AwsCollector().collect(
                CollectRequest(identifiers=ids, baseline="user-0"),
                clock=SystemClock(),
                progress=NullProgress(),
            )
            elapsed = time.perf_counter() - t
            caps = sum(len(r) for r in snap.reach.values())
            print(
                f"aws {label}: {elapsed:.1f} s, {snap.requests} requests, {len(snap.identities)} identities, "
                f"{len(snap.credentials)} keys, {caps} capabilities, {len(snap.coverage)} coverage gaps"
            )
    finally:
        server.stop()


def bench_vault() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="botaudit-bench-"))
    proc, bao = start_bao(workdir)
    try:
        c = bao.client()
        t = time.perf_counter()
        c.sys.enable_auth_method("approle")
        write_policy(bao, "app-read", 'path "secret/data/app/*" { capabilities = ["read"] }')
        write_policy(bao, "all", 'path "*" { capabilities = ["read", "list", "sudo"] }')

        def secret(i: int) -> None:
            bao.client().secrets.kv.v2.create_or_update_secret(
                path=f"app/team{i % 20}/s{i}", secret={"v": "x"}
            )

        def role(i: int) -> None:
            bao.client().write(
                f"auth/approle/role/bot-{i}",
                token_policies="app-read" if i % 10 else "all",
                secret_id_ttl=0 if i % 3 else 3600,
            )

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(secret, range(SECRETS)))
            list(pool.map(role, range(APPROLES)))
        print(f"vault: seeded {SECRETS} secrets, {APPROLES} AppRoles in {time.perf_counter() - t:.1f} s")
        os.environ.update(VAULT_ADDR=bao.addr, VAULT_TOKEN=bao.root_token)
        t = time.perf_counter()
        snap = VaultCollector().collect(
            CollectRequest(baseline=["app-read"]), clock=SystemClock(), progress=NullProgress()
        )
        elapsed = time.perf_counter() - t
        caps = sum(len(r) for r in snap.reach.values())
        print(
            f"vault collect: {elapsed:.1f} s, {snap.requests} requests, {len(snap.identities)} identities, "
            f"{len(snap.facts['kv_secrets'])} KV secrets, {caps} capabilities, "
            f"{len(snap.coverage)} coverage gaps"
        )
    finally:
        stop_bao(proc, workdir)


if __name__ == "__main__":
    bench_aws()
    bench_vault()
