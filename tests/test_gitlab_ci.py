"""GitLab CI/CD pipelines (`.gitlab-ci.yml`): the nightly sync job of a GitLab shop is an agent like a GitHub
workflow, with its jobs' credentials, and the keyless ways its jobs reach Vault and AWS (GitLab's OIDC ID
tokens, the `secrets: vault:` keyword). Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes
from auditor.model import ReferenceKind
from auditor.scan import ScanOptions, run

_PIPELINE = """\
stages: [sync, deploy]

variables:
  SALESFORCE_USERNAME: sync-integration@acme.example

.from_vault: &from_vault
  id_tokens:
    VAULT_ID_TOKEN:
      aud: https://vault.acme.example
  secrets:
    WAREHOUSE_PASSWORD:
      vault: reporting/warehouse/password@kv
      token: $VAULT_ID_TOKEN

nightly-accounts-sync:
  stage: sync
  <<: *from_vault
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
  script:
    - python sync_accounts.py --user "$SALESFORCE_USERNAME" --password "$SF_INTEGRATION_PASSWORD"

deploy-bot:
  stage: deploy
  id_tokens:
    AWS_ID_TOKEN:
      aud: sts.amazonaws.com
  script:
    - >
      aws sts assume-role-with-web-identity --role-arn "$DEPLOY_ROLE_ARN"
      --web-identity-token "$AWS_ID_TOKEN" --role-session-name "deploy-$CI_PIPELINE_ID"
"""
_BOT = 'import os\nfrom slack_bolt import App\napp = App(token=os.environ["SLACK_BOT_TOKEN"])\n'


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_a_gitlab_pipeline_is_a_ci_agent_with_its_jobs_credentials(tmp_path: Path) -> None:
    result = run(ScanOptions(paths=(_write(tmp_path, {".gitlab-ci.yml": _PIPELINE, "bot/app.py": _BOT}),)))
    agents = {a.name: a for a in result.agents}
    ci = agents["gitlab-ci"]
    assert ci.kind == "gitlab_ci" and not ci.multi_user
    # The pipeline owns its own file, not the bot beside it.
    assert set(ci.files) == {".gitlab-ci.yml"} and agents["bot"].root == "bot"
    models = {c.platform.value: c.auth_model.value for c in ci.connections}
    # The integration user's password is a shared login; Vault and AWS are reached with the job's ID token.
    assert models == {
        "salesforce": "shared_password",
        "vault": "service_account_role",
        "aws": "service_account_role",
    }
    vault = next(c for c in ci.connections if c.platform.value == "vault")
    assert "GitLab ID token" in vault.reason
    hint = next(h for h in ci.hints if h.kind == "gitlab_ci")
    assert hint.details["scheduled"] is True
    assert hint.details["jobs"] == ["deploy-bot", "nightly-accounts-sync"]


def test_gitlab_vault_secrets_are_references_not_values() -> None:
    scan = scan_bytes(".gitlab-ci.yml", _PIPELINE.encode(), DetectorSet.load(), fingerprint_key="t")
    vault = sorted({r.target for r in scan.references if r.kind is ReferenceKind.VAULT_PATH})
    assert vault == ["kv/reporting/warehouse#password"]
    assert scan.secrets == ()


def test_a_yaml_file_of_another_ci_or_none_is_no_gitlab_pipeline() -> None:
    other = "stages: [build]\nbuild:\n  script: [make]\n"
    scan = scan_bytes("ci/stages.yml", other.encode(), DetectorSet.load(), fingerprint_key="t")
    assert [h.kind for h in scan.manifests] == []
    # A .gitlab-ci.yml with only templates and includes runs no job of its own.
    templates = "include:\n  - project: platform/ci\n    file: /python.yml\n.base:\n  image: python:3.12\n"
    scan = scan_bytes(".gitlab-ci.yml", templates.encode(), DetectorSet.load(), fingerprint_key="t")
    assert [h.kind for h in scan.manifests] == []
