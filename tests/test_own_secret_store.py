"""An agent platform's key to its own secret store is no connection its users reach (BA-103), and an agent
with shared logins to two platforms gets one finding for each.

Shaped after a self-hosted flow builder that keeps its encryption key in AWS Secrets Manager, reached with
static keys from the environment (written here in our own words, names and values made up)."""

from __future__ import annotations

import json
from pathlib import Path

from auditor import ScanOptions, run
from auditor.model import Platform, ScanResult
from tests.source_trees import write_tree

_COMPOSE = """\
services:
  builder:
    image: flowiseai/flowise:latest
    environment:
      - PORT=3000
      - SECRETKEY_STORAGE_TYPE=aws
      - VAULTKEY_AWS_ACCESS_KEY=${VAULTKEY_AWS_ACCESS_KEY}
      - VAULTKEY_AWS_SECRET_KEY=${VAULTKEY_AWS_SECRET_KEY}
      - VAULTKEY_AWS_REGION=${VAULTKEY_AWS_REGION}
"""

_STORE_CODE = """\
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'

const accessKeyId = process.env.VAULTKEY_AWS_ACCESS_KEY
const secretAccessKey = process.env.VAULTKEY_AWS_SECRET_KEY
const region = process.env.VAULTKEY_AWS_REGION || 'eu-west-1'

const client = new SecretsManagerClient({ region, credentials: { accessKeyId, secretAccessKey } })

export async function encryptionKey(): Promise<string> {
    const out = await client.send(new GetSecretValueCommand({ SecretId: 'BuilderEncryptionKey' }))
    return out.SecretString ?? ''
}
"""


def _scan(root: Path, **options: object) -> ScanResult:
    return run(ScanOptions(paths=(root,), **options))  # type: ignore[arg-type]


def _aws_findings(result: ScanResult) -> list[str]:
    return [f.agent or "" for f in result.findings if f.rule_id == "BA-103" and f.platform is Platform.AWS]


def test_the_key_to_its_own_secret_store_is_no_shared_connection(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"docker/docker-compose.yml": _COMPOSE, "packages/server/src/secrets.ts": _STORE_CODE}
    )
    result = _scan(tmp_path)
    platform = next(a for a in result.agents if a.root == "docker")
    assert platform.multi_user
    # The connection stays in the inventory (a static key all the same); the shared-identity finding goes.
    assert any(c.platform is Platform.AWS for c in platform.connections)
    assert _aws_findings(result) == []


_STORE_CODE_PY = """\
import os

import boto3

def encryption_key() -> str:
    client = boto3.client(
        "secretsmanager",
        aws_access_key_id=os.environ["VAULTKEY_AWS_ACCESS_KEY"],
        aws_secret_access_key=os.environ["VAULTKEY_AWS_SECRET_KEY"],
    )
    return client.get_secret_value(SecretId="BuilderEncryptionKey")["SecretString"]
"""


def test_the_same_in_python(tmp_path: Path) -> None:
    write_tree(tmp_path, {"docker/docker-compose.yml": _COMPOSE, "server/secrets.py": _STORE_CODE_PY})
    assert _aws_findings(_scan(tmp_path)) == []
    uploads = _STORE_CODE_PY.replace(
        "    return client", '    boto3.client("s3").list_buckets()\n    return client'
    )
    write_tree(tmp_path, {"server/secrets.py": uploads})
    assert _aws_findings(_scan(tmp_path)) == ["docker"]


def test_code_that_also_calls_another_aws_service_keeps_the_finding(tmp_path: Path) -> None:
    uploads = _STORE_CODE.replace(
        "import { GetSecretValueCommand",
        "import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'\nimport { GetSecretValueCommand",
    )
    write_tree(tmp_path, {"docker/docker-compose.yml": _COMPOSE, "packages/server/src/secrets.ts": uploads})
    assert _aws_findings(_scan(tmp_path)) == ["docker"]


def test_another_aws_credential_beside_the_store_keeps_the_finding(tmp_path: Path) -> None:
    compose = _COMPOSE + "      - AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}\n"
    write_tree(
        tmp_path, {"docker/docker-compose.yml": compose, "packages/server/src/secrets.ts": _STORE_CODE}
    )
    assert _aws_findings(_scan(tmp_path)) == ["docker"]


def test_without_the_store_code_the_key_is_a_shared_one(tmp_path: Path) -> None:
    write_tree(tmp_path, {"docker/docker-compose.yml": _COMPOSE})
    assert _aws_findings(_scan(tmp_path)) == ["docker"]


# ------------------------------------------------------------ one finding per platform, old fingerprints kept

# A platform deployed from its image, and its server's code reading an AWS key and a database login: both
# connections' evidence is code (no key path), which is where one fingerprint for the agent hid the second.
_TWO_PLATFORMS = {
    "docker-compose.yml": "services:\n  builder:\n    image: flowiseai/flowise:latest\n",
    "src/server.ts": """\
    import { Client } from 'pg'
    const aws = {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID,
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
    }
    const password = process.env.DATABASE_PASSWORD
    const db = new Client({ host: 'db.example.internal', user: 'reporting', password })
    """,
}


def test_shared_logins_to_two_platforms_are_two_findings(tmp_path: Path) -> None:
    write_tree(tmp_path, _TWO_PLATFORMS)
    found = [f for f in _scan(tmp_path).findings if f.rule_id == "BA-103"]
    assert sorted(f.platform.value for f in found if f.platform) == ["aws", "database"]
    assert len({f.fingerprint for f in found}) == 2
    # Both keep the fingerprint one finding for the agent had before, so a baseline that holds it still
    # matches (and `baseline update` records each new fingerprint).
    (old,) = {f.aliases for f in found}
    assert len(old) == 1


def test_a_baseline_recorded_before_still_covers_them(tmp_path: Path) -> None:
    write_tree(tmp_path, _TWO_PLATFORMS)
    found = [f for f in _scan(tmp_path).findings if f.rule_id == "BA-103"]
    old = found[0].aliases[0]
    baseline = tmp_path / "old-baseline.json"
    entry = {"fingerprint": old, "rule_id": "BA-103"}
    baseline.write_text(json.dumps({"schema_version": 3, "tool": "botaudit", "findings": [entry]}) + "\n")
    result = _scan(tmp_path, baseline_file=baseline)
    assert [f.baseline for f in result.findings if f.rule_id == "BA-103"] == [True, True]
