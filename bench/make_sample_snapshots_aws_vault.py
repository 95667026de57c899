"""Write sample_configs/snapshots/aws.json and vault.json from a seeded moto and OpenBao (demo estate).

Seeds the identities listed in sample_configs/IDENTIFIERS.md (AWS/Vault sections), runs the real collectors
with a FixedClock and saves the snapshots (no secret values).
Run: python bench/make_sample_snapshots_aws_vault.py
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.clock import FixedClock  # noqa: E402
from auditor.collectors.aws import AwsCollector  # noqa: E402
from auditor.collectors.interface import CollectRequest  # noqa: E402
from auditor.collectors.vault import VaultCollector  # noqa: E402
from auditor.progress import NullProgress  # noqa: E402
from auditor.snapshot import dump_snapshot  # noqa: E402
from tests.standins.aws import boto_client, iam_backend  # noqa: E402
from tests.standins.vault import start_bao, stop_bao, write_policy  # noqa: E402

OUT = ROOT / "sample_configs" / "snapshots"
KEY_ID = "AKIAKPO4DRVAUKVWZZUT"
V = "2012-10-17"
# Servers stamp "now"; the clock is pinned to the hour so reruns on the same day give the same ages.
CLOCK = FixedClock(
    datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + __import__("datetime").timedelta(hours=1)
)


def _doc(*statements: dict) -> str:
    return json.dumps({"Version": V, "Statement": list(statements)})


def make_aws() -> None:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    os.environ.update(
        AWS_ACCESS_KEY_ID="demo",
        AWS_SECRET_ACCESS_KEY="demo",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_ENDPOINT_URL=url,
    )
    try:
        iam = boto_client("iam", url)
        admin = iam.create_policy(
            PolicyName="AgentPowerUser",
            PolicyDocument=_doc({"Effect": "Allow", "Action": "*", "Resource": "*"}),
        )["Policy"]["Arn"]
        iam.create_user(UserName="agent-ide-mcp", Tags=[{"Key": "owner", "Value": "dev-laptop"}])
        iam.attach_user_policy(UserName="agent-ide-mcp", PolicyArn=admin)
        iam.create_login_profile(UserName="agent-ide-mcp", Password="Demo-Only-Password-1!")
        iam.create_access_key(UserName="agent-ide-mcp")
        key = iam_backend().users["agent-ide-mcp"].access_keys[0]
        key.access_key_id = KEY_ID
        key.create_date = datetime(2025, 3, 14, 9, 30)
        iam.create_user(UserName="junior-analyst")
        iam.put_user_policy(
            UserName="junior-analyst",
            PolicyName="junior-read",
            PolicyDocument=_doc(
                {
                    "Effect": "Allow",
                    "Action": [
                        "s3:GetObject",
                        "s3:ListBucket",
                        "cloudwatch:GetMetricData",
                        "logs:GetLogEvents",
                    ],
                    "Resource": "*",
                }
            ),
        )
        iam.create_role(
            RoleName="nightly-sync",
            AssumeRolePolicyDocument=_doc(
                {
                    "Effect": "Allow",
                    "Principal": {
                        "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1"
                        ".amazonaws.com/id/DEMO"
                    },
                    "Action": "sts:AssumeRoleWithWebIdentity",
                }
            ),
        )
        iam.put_role_policy(
            RoleName="nightly-sync",
            PolicyName="warehouse",
            PolicyDocument=_doc(
                {
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:PutObject"],
                    "Resource": "arn:aws:s3:::acme-warehouse/*",
                },
                {
                    "Effect": "Allow",
                    "Action": "secretsmanager:GetSecretValue",
                    "Resource": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:warehouse-*",
                },
            ),
        )
        sm = boto_client("secretsmanager", url)
        sm.create_secret(Name="warehouse-db", SecretString="demo-only")
        snap = AwsCollector().collect(
            CollectRequest(
                baseline="arn:aws:iam::123456789012:user/junior-analyst", settings={"region": "us-east-1"}
            ),
            clock=CLOCK,
            progress=NullProgress(),
        )
        dump_snapshot(snap, OUT / "aws.json")
        print(
            f"aws.json: {len(snap.identities)} identities, {snap.requests} requests, coverage {snap.coverage}"
        )
    finally:
        server.stop()


def make_vault() -> None:
    tools = (ROOT / "sample_configs" / "research-crew" / "config" / "tools.yaml").read_text(encoding="utf-8")
    match = re.search(r"X-Vault-Token:\s*(\S+)", tools)
    if not match:
        raise SystemExit("research-crew/config/tools.yaml has no X-Vault-Token")
    agent_token = match.group(1)
    workdir = Path(tempfile.mkdtemp(prefix="botaudit-sample-"))
    proc, bao = start_bao(workdir)
    try:
        c = bao.client()
        write_policy(
            bao,
            "agent-admin",
            'path "*" { capabilities = ["create", "read", "update", "delete", "list", "sudo"] }',
        )
        write_policy(
            bao,
            "junior-read",
            'path "secret/data/research/*" { capabilities = ["read"] }\n'
            'path "secret/metadata/research/*" { capabilities = ["list", "read"] }',
        )
        write_policy(bao, "nightly-sync-db", 'path "database/creds/nightly-sync" { capabilities = ["read"] }')
        # The research crew's static token: the demo's bad example (sudo everywhere, periodic, no max TTL).
        # OpenBao refuses custom ids with Vault's `hvs.` prefix, so the token is minted with a server id and
        # its `fp:` alias is rewritten below to the fingerprint of the config's value (what a real Vault would
        # give).
        seeded = c.auth.token.create(policies=["agent-admin"], period="768h", display_name="research-crew")
        seeded_token = seeded["auth"]["client_token"]
        c.sys.enable_auth_method("approle")
        c.write(
            "auth/approle/role/nightly-sync",
            token_policies="nightly-sync-db",
            token_ttl=600,
            token_max_ttl=900,
            secret_id_ttl=3600,
            secret_id_num_uses=1,
            token_bound_cidrs="10.40.0.0/16",
        )
        c.write("auth/approle/role/research-crew", token_policies="agent-admin", secret_id_ttl=0)
        c.sys.enable_secrets_engine("database", path="database")
        c.write(
            "database/config/warehouse",
            plugin_name="postgresql-database-plugin",
            connection_url="postgresql://{{username}}:{{password}}@warehouse.internal:5432/wh",
            verify_connection=False,
            allowed_roles="nightly-sync",
            username="vault",
            password="demo-only",
        )
        c.write(
            "database/roles/nightly-sync",
            db_name="warehouse",
            default_ttl="1h",
            max_ttl="4h",
            creation_statements="CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}';",
        )
        for path in ("research/apis", "research/postgres-readonly", "shared/slack-webhook"):
            c.secrets.kv.v2.create_or_update_secret(path=path, secret={"value": "demo-only"})
        os.environ.update(VAULT_ADDR=bao.addr, VAULT_TOKEN=bao.root_token)
        snap = VaultCollector(extra_tokens=[seeded_token]).collect(
            CollectRequest(identifiers=("nightly-sync",), baseline=["junior-read"]),
            clock=CLOCK,
            progress=NullProgress(),
        )
        # The collector's own (root) token is this generator's, not the estate's: keep only the agent's.
        from dataclasses import replace

        from auditor.redact import fingerprint

        root_ids = {i.id for i in snap.identities if i.kind == "vault_token" and i.attributes.get("root")}
        seeded_fp = "fp:" + fingerprint("vault_token", seeded_token)
        demo_fp = "fp:" + fingerprint("vault_token", agent_token)
        identities = tuple(
            replace(i, aliases=tuple(demo_fp if a == seeded_fp else a for a in i.aliases))
            for i in snap.identities
            if i.id not in root_ids
        )
        snap = replace(
            snap,
            source="vault:https://vault.acme-demo.example:8200",
            identities=identities,
            credentials=tuple(x for x in snap.credentials if x.identity_id not in root_ids),
            reach={k: v for k, v in snap.reach.items() if k not in root_ids},
            facts={**snap.facts, "addr": "https://vault.acme-demo.example:8200"},
        )
        dump_snapshot(snap, OUT / "vault.json")
        text = (OUT / "vault.json").read_text()
        assert agent_token not in text and bao.root_token not in text and seeded_token not in text
        print(
            f"vault.json: {len(snap.identities)} identities, {snap.requests} requests, "
            f"coverage {snap.coverage}"
        )
    finally:
        stop_bao(proc, workdir)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    make_aws()
    make_vault()
