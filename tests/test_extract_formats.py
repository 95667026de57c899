"""Per-format extraction: key paths, lines, references, settings, manifest hints, and no leaked secrets."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import textwrap
from pathlib import Path

import pytest

from auditor.discovery.walk import FileEntry, walk
from auditor.extract import scan_file, scan_files
from auditor.extract.detectors import DetectorSet
from auditor.model import Confidence, FileScan, ReferenceKind, SecretContext, SecretMatch

DETECTORS_DIR = Path(__file__).parent / "data" / "extract" / "detectors"
KEY = "test-fingerprint-key"


# Fake credentials, built in code so no file in the repository holds a token-shaped string.
def _digest(seed: str) -> bytes:
    return hashlib.sha256(seed.encode()).digest() + hashlib.sha256(seed.encode() + b"2").digest()


def fake_github(seed: str) -> str:
    return "ghp_" + hashlib.sha256(seed.encode()).hexdigest()[:36]


def fake_aws_id(seed: str) -> str:
    return "AKIA" + "".join(chr(65 + b % 26) for b in _digest(seed)[:16])


def fake_aws_secret(seed: str) -> str:
    return base64.b64encode(_digest(seed)).decode()[:40].replace("=", "Q")


def fake_slack(seed: str) -> str:
    digits = str(int.from_bytes(_digest(seed)[:8], "big")).rjust(20, "7")
    return f"xoxb-{digits[:10]}-{digits[10:20]}111-" + hashlib.sha256(seed.encode()).hexdigest()[:24]


def fake_password(seed: str) -> str:
    return "Pw" + hashlib.sha256(seed.encode()).hexdigest()[:10] + "x9Q"


FAKE_PEM_BODY = "\n".join(base64.b64encode(_digest(f"pem{i}")).decode()[:64] for i in range(6))


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    # The fixture detectors keep these tests about extraction, not detector tuning; the stdlib prefilter
    # keeps them independent of the Vectorscan wheel.
    return DetectorSet.load(DETECTORS_DIR, prefilter="python")


def scan(tmp_path: Path, rel: str, content: str | bytes, detectors: DetectorSet) -> FileScan:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode() if isinstance(content, str) else content
    path.write_bytes(data)
    return scan_file(FileEntry(path, rel, len(data)), detectors, fingerprint_key=KEY)


def by_key(result: FileScan) -> dict[str | None, SecretMatch]:
    return {m.location.key: m for m in result.secrets}


def assert_no_secret_in(obj: object, secrets: list[str]) -> None:
    """No str anywhere inside `obj` (dataclass fields, mappings, lists) holds a planted secret."""
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            for secret in secrets:
                assert secret not in node, f"planted secret leaked into {node[:12]!r}..."
        elif dataclasses.is_dataclass(node) and not isinstance(node, type):
            stack.extend(getattr(node, f.name) for f in dataclasses.fields(node))
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list | tuple | set | frozenset):
            stack.extend(node)


# ---------------------------------------------------------------------------------------------- JSON / MCP


def test_mcp_json_key_path_line_and_hint(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("mcp")
    content = json.dumps(
        {
            "mcpServers": {
                "github": {
                    "command": "npx",
                    "args": ["-y", "@modelcontextprotocol/server-github", "--token", token],
                    "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": token, "LOG_LEVEL": "debug"},
                },
                "remote": {
                    "url": "https://mcp.example.test/sse",
                    "headers": {"Authorization": "Bearer ${API_TOKEN}"},
                },
            }
        },
        indent=2,
    )
    result = scan(tmp_path, ".cursor/mcp.json", content, detectors)
    lines = content.splitlines()
    env_line = next(i for i, line in enumerate(lines, 1) if "GITHUB_PERSONAL_ACCESS_TOKEN" in line)
    match = by_key(result)["mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN"]
    assert match.location.line == env_line
    assert match.kind == "github_pat"
    assert match.redacted.startswith("ghp_") and token not in match.redacted
    arg = by_key(result)["mcpServers.github.args[3]"]
    assert arg.fingerprint == match.fingerprint  # same value, same fingerprint
    hints = {h.name: h for h in result.manifests}
    assert set(hints) == {"github", "remote"}
    assert hints["github"].kind == "mcp_client_config"
    assert hints["github"].details["transport"] == "stdio"
    assert hints["github"].details["env"] == ["GITHUB_PERSONAL_ACCESS_TOKEN", "LOG_LEVEL"]
    assert hints["github"].details["args"][:2] == ["-y", "@modelcontextprotocol/server-github"]
    assert hints["remote"].details["transport"] == "sse"
    assert hints["remote"].details["headers"] == ["Authorization"]
    refs = {(r.kind, r.target) for r in result.references}
    assert (ReferenceKind.ENV_VAR, "API_TOKEN") in refs
    settings = {s.key: s.value for s in result.settings}
    assert settings["LOG_LEVEL"] == "debug"
    assert settings["GITHUB_PERSONAL_ACCESS_TOKEN"] == ""  # env names kept, secret values never
    assert_no_secret_in(result, [token])


def test_jsonc_comments_accepted_for_vscode(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("vscode")
    content = (
        '{\n  // servers\n  "servers": {\n    "gh": {"command": "gh-mcp", "env": {"GH_TOKEN": "%s"},},\n'
        "  },\n}\n"
    )
    result = scan(tmp_path, ".vscode/mcp.json", content % token, detectors)
    assert not result.skipped
    assert by_key(result)["servers.gh.env.GH_TOKEN"].location.line == 4
    assert [h.name for h in result.manifests] == ["gh"]


# ---------------------------------------------------------------------------------------------- YAML / k8s


def test_k8s_secret_base64_decoded_and_workload(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("k8s")
    slack = fake_slack("k8s")
    encoded = base64.b64encode(token.encode()).decode()
    content = textwrap.dedent(
        f"""\
        apiVersion: v1
        kind: Secret
        metadata:
          name: bot-secrets
        type: Opaque
        data:
          github-token: {encoded}
          plain: aGVsbG8gd29ybGQ=
        stringData:
          slack: {slack}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: support-bot
          namespace: agents
          labels: {{app: support-bot}}
        spec:
          template:
            spec:
              serviceAccountName: support-bot-sa
              containers:
                - name: bot
                  image: registry.example.test/bot:1.2
                  env:
                    - name: GITHUB_TOKEN
                      valueFrom:
                        secretKeyRef:
                          name: bot-secrets
                          key: github-token
                    - name: MODE
                      value: production
                  envFrom:
                    - secretRef:
                        name: more-secrets
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: support-bot-sa
          annotations:
            eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/support-bot
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {{name: bot-admin}}
        roleRef: {{kind: ClusterRole, name: cluster-admin, apiGroup: rbac.authorization.k8s.io}}
        subjects:
          - {{kind: ServiceAccount, name: support-bot-sa, namespace: agents}}
        """
    )
    result = scan(tmp_path, "deploy/bot.yaml", content, detectors)
    secrets = by_key(result)
    assert secrets["data.github-token"].location.line == 7
    assert (
        secrets["data.github-token"].fingerprint
        == scan(tmp_path, "plain.env", f"GITHUB_TOKEN={token}\n", detectors).secrets[0].fingerprint
    )
    assert secrets["stringData.slack"].location.line == 10
    assert len(result.secrets) == 2  # the benign `plain` entry decodes to prose
    refs = {(r.kind, r.target): r for r in result.references}
    ref = refs[(ReferenceKind.K8S_SECRET_REF, "bot-secrets/github-token")]
    assert ref.location.line == 28
    assert ref.location.key == "spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef"
    assert (ReferenceKind.K8S_SECRET_REF, "more-secrets") in refs
    hints = {h.kind: h for h in result.manifests}
    workload = hints["k8s_workload"]
    assert workload.name == "support-bot"
    assert workload.location.line == 13
    assert workload.details["serviceAccountName"] == "support-bot-sa"
    assert workload.details["namespace"] == "agents"
    assert workload.details["env"] == ["GITHUB_TOKEN", "MODE"]
    assert hints["k8s_service_account"].details["annotations"] == {
        "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/support-bot"
    }
    rbac = hints["k8s_rbac"]
    assert rbac.details["roleRef"] == "cluster-admin"
    assert rbac.details["subjects"] == [
        {"kind": "ServiceAccount", "name": "support-bot-sa", "namespace": "agents"}
    ]
    settings = {s.key: s for s in result.settings}
    assert settings["MODE"].value == "production"
    assert_no_secret_in(result, [token, slack, encoded])


def test_yaml_anchors_and_multiline_prompt(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("prompt")
    content = textwrap.dedent(
        f"""\
        defaults: &defaults
          model: gpt-4o
          grant_type: client_credentials
        agent:
          <<: *defaults
          system_prompt: |
            You are a helpful bot.
            Use the token {token} to call the API.
        """
    )
    result = scan(tmp_path, "agent.yaml", content, detectors)
    match = by_key(result)["agent.system_prompt"]
    assert match.location.line == 8  # the line the value sits on, not the key's
    assert match.context is SecretContext.PROMPT
    keys = {s.key for s in result.settings}
    assert "defaults.grant_type" in keys and "agent.grant_type" in keys  # the merge key resolved


def test_github_workflow_references_and_inline_env(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("actions")
    content = textwrap.dedent(
        f"""\
        name: review
        on:
          pull_request:
        jobs:
          agent:
            runs-on: ubuntu-latest
            env:
              GH_TOKEN: {token}
            steps:
              - uses: anthropics/claude-code-action@v1
                with:
                  anthropic_api_key: ${{{{ secrets.ANTHROPIC_API_KEY }}}}
              - run: make test
        """
    )
    result = scan(tmp_path, ".github/workflows/review.yml", content, detectors)
    match = by_key(result)["jobs.agent.env.GH_TOKEN"]
    assert (match.location.line, match.context) == (8, SecretContext.WORKFLOW)
    ref = next(r for r in result.references if r.kind is ReferenceKind.CI_SECRET)
    assert (ref.target, ref.location.line) == ("ANTHROPIC_API_KEY", 12)
    hint = next(h for h in result.manifests if h.kind == "github_workflow")
    assert hint.name == "review"
    assert hint.details["jobs"] == ["agent"]
    assert hint.details["agent_steps"] == ["agent.steps[0]"]
    assert hint.details["triggers"] == ["pull_request"]


def test_slack_manifest_hint(tmp_path: Path, detectors: DetectorSet) -> None:
    content = textwrap.dedent(
        """\
        display_information:
          name: Helpdesk Bot
        features:
          bot_user:
            display_name: helpdesk
        oauth_config:
          scopes:
            bot: [chat:write, channels:history, users:read]
            user: [search:read]
        settings:
          socket_mode_enabled: false
          token_rotation_enabled: false
          event_subscriptions:
            request_url: https://bot.example.test/slack/events
        """
    )
    result = scan(tmp_path, "slack/manifest.yml", content, detectors)
    hint = next(h for h in result.manifests if h.kind == "slack_app_manifest")
    assert hint.name == "Helpdesk Bot"
    assert hint.location.line == 1
    assert hint.details["bot_scopes"] == ["channels:history", "chat:write", "users:read"]
    assert hint.details["user_scopes"] == ["search:read"]
    assert hint.details["token_rotation_enabled"] is False
    assert hint.details["socket_mode"] is False
    assert hint.details["request_url"] == "https://bot.example.test/slack/events"


def test_crewai_agents_yaml(tmp_path: Path, detectors: DetectorSet) -> None:
    content = "researcher:\n  role: Senior researcher\n  goal: find things\n  backstory: curious\n"
    result = scan(tmp_path, "crew/config/agents.yaml", content, detectors)
    hint = result.manifests[0]
    assert (hint.kind, hint.name, hint.details["role"], hint.location.line) == (
        "crewai",
        "researcher",
        "Senior researcher",
        1,
    )


# ---------------------------------------------------------------------------------------------- other formats


def test_bot_framework_appsettings(tmp_path: Path, detectors: DetectorSet) -> None:
    password = fake_password("bot")
    content = json.dumps(
        {
            "MicrosoftAppType": "MultiTenant",
            "MicrosoftAppId": "00000000-1111-2222-3333-444444444444",
            "MicrosoftAppPassword": password,
            "MicrosoftAppTenantId": "",
        },
        indent=2,
    )
    result = scan(tmp_path, "bot/appsettings.json", content, detectors)
    assert by_key(result)["MicrosoftAppPassword"].location.line == 4
    hint = next(h for h in result.manifests if h.kind == "bot_framework")
    assert hint.details["MicrosoftAppType"] == "MultiTenant"
    assert hint.details["tenant_id_key"] is True
    assert hint.location.line == 3
    settings = {s.key: s.value for s in result.settings}
    assert settings["MicrosoftAppId"] == "00000000-1111-2222-3333-444444444444"
    assert_no_secret_in(result, [password])


def test_n8n_workflow_hint(tmp_path: Path, detectors: DetectorSet) -> None:
    content = json.dumps(
        {
            "name": "Ticket triage",
            "nodes": [
                {"type": "n8n-nodes-base.webhook", "name": "In"},
                {
                    "type": "n8n-nodes-base.slack",
                    "name": "Post",
                    "credentials": {"slackApi": {"id": "7", "name": "Slack bot"}},
                },
            ],
            "connections": {},
        },
        indent=2,
    )
    result = scan(tmp_path, "flows/triage.json", content, detectors)
    hint = next(h for h in result.manifests if h.kind == "n8n_workflow")
    assert hint.name == "Ticket triage"
    assert hint.details["node_types"] == ["n8n-nodes-base.slack", "n8n-nodes-base.webhook"]
    assert hint.details["credentials"] == ["slackApi:Slack bot"]


def test_env_file(tmp_path: Path, detectors: DetectorSet) -> None:
    aws_id, aws_secret = fake_aws_id("env"), fake_aws_secret("env")
    content = (
        f'# keys\nexport AWS_ACCESS_KEY_ID={aws_id}\nAWS_SECRET_ACCESS_KEY="{aws_secret}"\n'
        "AWS_REGION=eu-west-1\n"
    )
    result = scan(tmp_path, "svc/.env.production", content, detectors)
    secrets = by_key(result)
    assert secrets["AWS_ACCESS_KEY_ID"].location.line == 2
    assert secrets["AWS_ACCESS_KEY_ID"].identifier == aws_id  # a public key id kept for joins
    assert secrets["AWS_SECRET_ACCESS_KEY"].location.line == 3
    assert secrets["AWS_SECRET_ACCESS_KEY"].identifier is None
    assert all(m.context is SecretContext.ENV_FILE for m in result.secrets)
    # The key id and its secret in one file raise each other's confidence one step.
    assert secrets["AWS_ACCESS_KEY_ID"].confidence is not Confidence.LOW
    settings = {s.key: s.value for s in result.settings}
    assert settings == {"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_REGION": "eu-west-1"}
    assert_no_secret_in(result.secrets, [aws_secret])


def test_toml_ini_properties(tmp_path: Path, detectors: DetectorSet) -> None:
    password = fake_password("toml")
    toml = f'title = "x"\n\n[database]\nhost = "db"\npassword = "{password}"\n\n[[servers]]\nname = "a"\n'
    result = scan(tmp_path, "pyproject.toml", toml, detectors)
    assert by_key(result)["database.password"].location.line == 5
    assert {s.key: s.location.line for s in result.settings}["database.host"] == 4

    ini = f"[client]\nuser = bot\npassword = {password}\n"
    result = scan(tmp_path, "setup.cfg", ini, detectors)
    assert by_key(result)["client.password"].location.line == 3

    props = f"# spring\nspring.datasource.username=bot\nspring.datasource.password={password}\n"
    result = scan(tmp_path, "application.properties", props, detectors)
    assert by_key(result)["spring.datasource.password"].location.line == 3
    assert_no_secret_in(result, [password])


def test_terraform(tmp_path: Path, detectors: DetectorSet) -> None:
    aws_id, aws_secret = fake_aws_id("tf"), fake_aws_secret("tf")
    content = (
        'provider "aws" {\n  region     = "us-east-1"\n'
        f'  access_key = "{aws_id}"\n  secret_key = "{aws_secret}"\n}}\n'
    )
    result = scan(tmp_path, "infra/main.tf", content, detectors)
    match = by_key(result)["provider.aws.access_key"]
    assert match.location.line == 3
    assert not result.skipped


def test_terraform_variable_default_is_judged_under_the_variable_name(tmp_path: Path) -> None:
    # The bundled detectors: the variable block is what sends the file to the HCL parser (a text hit).
    detectors = DetectorSet.load(prefilter="python")
    password = fake_password("tf-default")
    content = (
        'variable "region" {\n  default = "eu-west-1"\n}\n\n'
        f'variable "db_password" {{\n  type    = string\n  default = "{password}"\n}}\n'
    )
    result = scan(tmp_path, "infra/variables.tf", content, detectors)
    # `default` names nothing; the variable's name says the value is a password (HCL's blocks are a list).
    assert set(by_key(result)) == {"variable[1].db_password.default"}, sorted(map(str, by_key(result)))
    assert by_key(result)["variable[1].db_password.default"].location.line == 7
    assert_no_secret_in(result, [password])


def test_npmrc_and_netrc(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("npm")
    result = scan(
        tmp_path,
        ".npmrc",
        f"registry=https://npm.example.test/\n//npm.example.test/:_authToken={token}\n",
        detectors,
    )
    assert by_key(result)["//npm.example.test/:_authToken"].location.line == 2
    password = fake_password("netrc")
    result = scan(
        tmp_path, ".netrc", f"machine api.example.test\n  login bot\n  password {password}\n", detectors
    )
    assert by_key(result)["api.example.test.password"].location.line == 3


def test_pem_file_is_one_finding_on_its_first_line(tmp_path: Path, detectors: DetectorSet) -> None:
    pem = f"# deploy key\n-----BEGIN RSA PRIVATE KEY-----\n{FAKE_PEM_BODY}\n-----END RSA PRIVATE KEY-----\n"
    result = scan(tmp_path, "keys/deploy.pem", pem, detectors)
    assert len(result.secrets) == 1
    assert result.secrets[0].location.line == 2
    assert result.secrets[0].context is SecretContext.KEY_FILE
    assert_no_secret_in(result, [FAKE_PEM_BODY.splitlines()[0]])


def test_url_with_password_in_source(tmp_path: Path, detectors: DetectorSet) -> None:
    password = fake_password("dsn")
    content = f'import os\n\nDSN = "postgres://app:{password}@db.internal:5432/app"\n'
    result = scan(tmp_path, "src/db.py", content, detectors)
    assert [(m.kind, m.location.line, m.context) for m in result.secrets] == [
        ("url_password", 3, SecretContext.SOURCE)
    ]
    assert_no_secret_in(result, [password])


# ---------------------------------------------------------------------------------------------- source code


def test_source_code_patterns_agents_and_references(tmp_path: Path, detectors: DetectorSet) -> None:
    content = textwrap.dedent(
        """\
        import os
        from simple_salesforce import Salesforce
        from autogen import AssistantAgent

        sf = Salesforce(username=os.environ["SF_USER"], password=os.getenv("SF_PASS"), security_token="")
        helper = AssistantAgent(name="triage", llm_config=cfg)
        executor = initialize_agent(tools, llm)
        """
    )
    result = scan(tmp_path, "bot/app.py", content, detectors)
    settings = {(s.key, s.location.line) for s in result.settings}
    assert ("code.salesforce.password_login", 5) in settings
    assert {s.value for s in result.settings if s.key == "code.salesforce.password_login"} == {
        "salesforce.password_login"
    }
    refs = {(r.kind, r.target, r.location.line) for r in result.references}
    # Only references that carry a credential are listed: a username variable is not one.
    assert (ReferenceKind.ENV_VAR, "SF_USER", 5) not in refs
    assert (ReferenceKind.ENV_VAR, "SF_PASS", 5) in refs
    hints = {(h.kind, h.name, h.location.line) for h in result.manifests}
    assert ("autogen", "triage", 6) in hints
    assert ("langchain", "executor", 7) in hints


# ---------------------------------------------------------------------------------------------- cross-cutting


def test_two_tokens_same_kind_are_two_matches(tmp_path: Path, detectors: DetectorSet) -> None:
    first, second = fake_github("one"), fake_github("two")
    result = scan(tmp_path, "notes.md", f"old: {first}\nnew: {second}\n", detectors)
    assert [m.location.line for m in result.secrets] == [1, 2]
    assert result.secrets[0].fingerprint != result.secrets[1].fingerprint
    assert result.secrets[0].context is SecretContext.DOCUMENT


def test_contexts_and_test_paths(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("ctx")
    prompt = scan(tmp_path, "prompts/support.md", f"Call the API with {token}\n", detectors)
    assert prompt.secrets[0].context is SecretContext.PROMPT
    tool = scan(tmp_path, "tools/search.json", json.dumps({"name": "search", "token": token}), detectors)
    assert tool.secrets[0].context is SecretContext.TOOL_DEFINITION
    schema = scan(
        tmp_path, "agent.json", json.dumps({"tools": [{"parameters": {"default": token}}]}), detectors
    )
    assert schema.secrets[0].context is SecretContext.TOOL_DEFINITION
    fixture = scan(tmp_path, "tests/fixtures/config.yaml", f"token: {token}\n", detectors)
    assert fixture.secrets[0].in_test_path is True
    assert prompt.secrets[0].in_test_path is False


def test_allow_lines_recorded(tmp_path: Path, detectors: DetectorSet) -> None:
    token = fake_github("allow")
    content = f"a = 1\nTOKEN = '{token}'  # botaudit:allow test fixture\nb = 2\n# botaudit:allow\n"
    result = scan(tmp_path, "app.py", content, detectors)
    assert result.allow_lines == (2, 4)
    assert result.secrets[0].location.line == 2


def test_other_scanners_allow_markers_recorded(tmp_path: Path, detectors: DetectorSet) -> None:
    tokens = [fake_github(f"peer{i}") for i in range(4)]
    content = (
        f"A = '{tokens[0]}'  # gitleaks:allow\n"  # 1: its own line
        "# pragma: allowlist nextline secret\n"  # 2: covers line 3
        f"B = '{tokens[1]}'\n"  # 3
        f"C = '{tokens[2]}'  # pragma: allowlist secret\n"  # 4
        f"D = '{tokens[3]}'  # trufflehog:ignore\n"  # 5
        "# GITLEAKS:ALLOW is not the marker (case matters, as in gitleaks)\n"  # 6
    )
    result = scan(tmp_path, "settings.py", content, detectors)
    assert result.peer_allow == (
        (1, "gitleaks:allow"),
        (3, "pragma: allowlist nextline secret"),
        (4, "pragma: allowlist secret"),
        (5, "trufflehog:ignore"),
    )
    assert result.allow_lines == ()
    assert len(result.secrets) == 4
    # A file holding none of them records none, and a file without any detector keyword records them too.
    assert scan(tmp_path, "plain.py", "x = 1  # gitleaks:allow\n", detectors).peer_allow == (
        (1, "gitleaks:allow"),
    )
    assert scan(tmp_path, "other.py", "x = 1\n", detectors).peer_allow == ()


def test_benign_file_takes_the_fast_path(tmp_path: Path, detectors: DetectorSet) -> None:
    # Keyword-free and well-formed: the prefilter says nothing can match, so it is not even parsed.
    text = '{"region": "eu-west-1", "replicas": 3}'
    result = scan(tmp_path, "data/values.json", text, detectors)
    assert result == FileScan("data/values.json", "json", len(text))


def test_malformed_keyword_free_file_is_still_coverage(tmp_path: Path, detectors: DetectorSet) -> None:
    # Nothing credential-like, but broken: the reader must say it could not read the structure.
    result = scan(tmp_path, "data/values.json", '{"region": "eu-west-1", "replicas": 3', detectors)
    assert [s.category for s in result.skipped] == ["parse_error"]


def test_documented_example_flagged(tmp_path: Path, detectors: DetectorSet) -> None:
    example = "AKIA" + "IOSFODNN7" + "EXAMPLE"  # AWS's documented example key id
    result = scan(tmp_path, "README.md", f"export AWS_ACCESS_KEY_ID={example}\n", detectors)
    assert result.secrets[0].is_example is True


def test_scan_files_parallel_matches_serial(tmp_path: Path, detectors: DetectorSet) -> None:
    root = tmp_path / "tree"
    planted = []
    for i in range(80):
        folder = root / f"svc{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        token = fake_github(f"par{i}")
        planted.append(token)
        (folder / f"config{i}.yaml").write_text(f"name: svc{i}\ntoken: {token}\n")
    entries, skipped = walk([root])
    assert not skipped

    class Counter:
        def __init__(self) -> None:
            self.advanced = 0

        def start(self, task: str, total: int | None = None) -> None: ...

        def advance(self, task: str, amount: int = 1) -> None:
            self.advanced += amount

        def finish(self, task: str) -> None: ...

        def warn(self, message: str) -> None: ...

    progress = Counter()
    serial = scan_files(entries, detectors, fingerprint_key=KEY, jobs=1)
    parallel = scan_files(entries, detectors, fingerprint_key=KEY, jobs=2, progress=progress)
    assert parallel == serial
    assert [f.path for f in parallel] == [e.rel for e in entries]
    assert progress.advanced == len(entries)
    assert sum(len(f.secrets) for f in parallel) == 80
    assert_no_secret_in(parallel, planted)


def test_pool_batches_are_byte_balanced_and_keep_order() -> None:
    from dataclasses import dataclass

    from auditor.extract.pool import BATCH_MAX_FILES, BATCH_MIN_BYTES, batches

    @dataclass
    class Item:
        rel: str
        size: int

    # Many empty files, a run of mid-sized ones, one huge file: every item once, in order, and no batch
    # much heavier than the target unless one file alone is.
    items = [Item(f"e{i}", 0) for i in range(1000)] + [Item(f"m{i}", 40_000) for i in range(500)]
    items.append(Item("huge", 50_000_000))
    out = batches(items, 2)
    assert [i.rel for batch in out for i in batch] == [i.rel for i in items]
    assert all(0 < len(batch) <= BATCH_MAX_FILES for batch in out)
    target = max(BATCH_MIN_BYTES, sum(max(i.size, 1024) for i in items) // 32)
    for batch in out:
        if len(batch) > 1:
            assert sum(max(i.size, 1024) for i in batch[:-1]) < target
    assert [i.rel for i in out[-1]] == ["huge"] or out[-1][-1].rel == "huge"
    assert batches([], 2) == []


def test_stream_batches_cut_as_entries_arrive_and_keep_order() -> None:
    from dataclasses import dataclass

    from auditor.extract.pool import BATCH_MAX_FILES, stream_batches

    @dataclass
    class Item:
        rel: str
        size: int

    items = [Item(f"e{i}", 0) for i in range(600)] + [Item(f"m{i}", 300_000) for i in range(10)]
    out = list(stream_batches(iter(items), 1_000_000))
    assert [i.rel for batch in out for i in batch] == [i.rel for i in items]
    assert all(0 < len(batch) <= BATCH_MAX_FILES for batch in out)
    # Each batch is cut at the first entry that reaches the target: all but its last entry weigh less.
    assert all(sum(max(i.size, 1024) for i in batch[:-1]) < 1_000_000 for batch in out)
    assert list(stream_batches(iter([]))) == []


def _tree_for_stream(root: Path, count: int) -> None:
    for i in range(count):
        folder = root / f"d{i % 7}" / ("a-b" if i % 2 else "a")
        folder.mkdir(parents=True, exist_ok=True)
        # A few secrets (each costs a memory-hard fingerprint), many files a detector only glances at.
        body = f"token = tok_{i}\n" if i % 97 else f"api_key = 'Qm7{i:04d}Xv2Rk9Lw4Tz8Hp3'\n"
        (folder / f"f{i}.env").write_text(body)


def test_iter_walk_streams_what_walk_returns(tmp_path: Path) -> None:
    from auditor.discovery.walk import iter_walk

    _tree_for_stream(tmp_path, 60)
    (tmp_path / "yarn.lock").write_text("x")
    skipped: list = []
    streamed = list(iter_walk([tmp_path], skipped))
    entries, walk_skipped = walk([tmp_path])
    assert sorted(streamed, key=lambda e: e.rel) == entries
    assert sorted(skipped, key=lambda s: (s.source, s.category)) == walk_skipped
    # Discovery order is by folder, not by path string: `a-b/` sorts before `a/` but is listed after it.
    assert [e.rel for e in streamed] != [e.rel for e in entries]


def test_scan_files_of_a_stream_matches_the_list_and_overlaps_discovery(tmp_path: Path) -> None:
    """Results come back while the stream is still open: the workers start before discovery ends."""
    import threading

    _tree_for_stream(tmp_path, 400)
    entries, _ = walk([tmp_path])
    first_result = threading.Event()
    waited: list[bool] = []

    class Progress:
        def start(self, task: str, total: int | None = None) -> None: ...

        def advance(self, task: str, amount: int = 1) -> None:
            first_result.set()

        def finish(self, task: str) -> None: ...

        def warn(self, message: str) -> None: ...

    def stream():  # type: ignore[no-untyped-def]
        yield from entries[:300]  # more than one batch (at most 256 files each)
        # A scan that read the whole stream before starting would wait here in vain.
        waited.append(first_result.wait(timeout=60))
        yield from entries[300:]

    # No DetectorSet given (each worker loads its own): nothing to decide about the gate, which reads up to
    # GATE_COMPILE_FILES entries first when its database is not cached.
    listed = scan_files(entries, None, fingerprint_key=KEY, jobs=1)
    streamed = scan_files(stream(), None, fingerprint_key=KEY, jobs=2, progress=Progress())
    assert waited == [True]
    assert streamed == listed
    assert sum(len(f.secrets) for f in streamed) > 0


def test_a_shipped_entry_scans_like_the_file_entry(tmp_path: Path) -> None:
    import os
    import pickle

    from auditor.discovery.archives import MemberEntry
    from auditor.discovery.walk import FileEntry, ShippedEntry
    from auditor.extract.pool import _pack, _unpack, scan_entry

    (tmp_path / "app.env").write_text("API_KEY=Qm7Xv2Rk9Lw4Tz8Hp3Nc6Jd1\n")
    (entry,) = walk([tmp_path])[0]
    built = FileEntry(entry.path, entry.rel, entry.size, entry.dev, entry.ino)  # no walk-kept path text
    member = MemberEntry(str(tmp_path / "a.zip"), "a.zip!/x.env", 10, 1, 2, "x.env", 0)
    # A batch travels packed (plain tuples for the files) and arrives as ShippedEntries, a member as it is.
    shipped, again, member_back = _unpack(pickle.loads(pickle.dumps(_pack([entry, built, member]))))
    assert type(shipped) is ShippedEntry and shipped == again == ShippedEntry.of(entry)
    assert member_back == member and type(member_back) is MemberEntry
    assert shipped.path == os.fspath(entry.path)
    assert (shipped.rel, shipped.size, shipped.identity) == (entry.rel, entry.size, entry.identity)
    detectors = DetectorSet.load()
    scanned = scan_entry(shipped, detectors, KEY)
    assert scanned == scan_entry(entry, detectors, KEY)
    assert scanned.secrets


def test_pool_sends_empty_results_back_as_bare_tuples() -> None:
    from auditor.extract.pool import _compact, _expand, _expand_all
    from auditor.model import FileScan, Skipped

    bare = FileScan("a/b.json", "json", 12)
    assert _compact(bare) == ("a/b.json", "json", 12)
    assert _expand(_compact(bare)) == bare
    fulls = (
        FileScan("a", "text", 1, skipped=(Skipped("a", "binary file", "binary"),)),
        FileScan("a", "text", 1, allow_lines=(3,)),
        FileScan("a", "json", 1, iac="cloudformation"),
        FileScan("a", "json", 1, commit="abc"),
    )
    for full in fulls:
        assert _compact(full) is full
        assert _expand(full) is full
    # A batch expanded at once: the same FileScans, field for field (vars too), in order; a full one as is.
    batch = [_compact(bare), fulls[0], ("c.yaml", "yaml", 0), fulls[2]]
    expanded = _expand_all(batch)
    assert expanded == [bare, fulls[0], FileScan("c.yaml", "yaml", 0), fulls[2]]
    assert [vars(s) for s in expanded] == [vars(_expand(item)) for item in batch]
    assert expanded[1] is fulls[0] and expanded[3] is fulls[2]
    assert all(type(s) is FileScan for s in expanded)


def test_walk_builds_the_same_paths_as_from_the_full_string(tmp_path: Path) -> None:
    import os

    for rel in ("a.txt", "d/b.yaml", "d/e/f/.env", "x y/ü.json"):
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("k: v\n")
    entries, _ = walk([tmp_path])
    assert len(entries) == 4
    for entry in entries:
        assert entry.path == Path(os.fspath(entry.path))
        assert os.fspath(entry.path) == os.path.join(tmp_path, *entry.rel.split("/"))


def test_evidence_markers_compile_for_vectorscan_when_available() -> None:
    """Every code pattern must compile (exactly or as a prefilter), else every file is sent to `re`."""
    from auditor.extract.detectors import hyperscan_available
    from auditor.extract.markers import MarkerSet, evidence_markers

    assert evidence_markers().any(b"x = ConfidentialClientApplication(client_id)")
    assert not MarkerSet([b"zzz-not-here"]).any(b"plain text")
    if hyperscan_available():
        assert evidence_markers()._db is not None


def test_vault_policy_with_brace_on_the_next_line_keeps_clean_key_paths() -> None:
    from auditor.extract.lineformats import load_hcl

    doc = load_hcl(
        'path "secret/data/app/*"\n{\n  capabilities = ["read"]\n}\n\n'
        'path "auth/token/renew-self" {\n  capabilities = ["update"]\n}\n'
    )
    assert doc.data == {
        "path": [
            {"secret/data/app/*": {"capabilities": ["read"]}},
            {"auth/token/renew-self": {"capabilities": ["update"]}},
        ]
    }


# A value held beside its name (name/value pairs) or under its parameter's name: judged under that name.
PAIR_FORMS = [
    (
        "cfn/parameters.json",
        '[\n  {"ParameterKey": "EnvironmentName", "ParameterValue": "staging"},\n'
        '  {"ParameterKey": "DBMasterUserPassword", "ParameterValue": "%s"}\n]\n',
        "[1].ParameterValue",
    ),
    (
        "infra/main.parameters.json",
        '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n'
        '  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "botName": {"value": "helpdesk-bot"},\n'
        '    "adminPassword": {\n      "value": "%s"\n    }\n  }\n}\n',
        "parameters.adminPassword.value",
    ),
    (
        ".ebextensions/options.config",
        "option_settings:\n  - namespace: aws:elasticbeanstalk:application:environment\n"
        "    option_name: LOG_LEVEL\n    value: info\n"
        "  - namespace: aws:elasticbeanstalk:application:environment\n"
        "    option_name: DB_PASSWORD\n    value: %s\n",
        "option_settings[1].value",
    ),
    (
        "ecs/taskdef.json",
        '{"family": "sync", "containerDefinitions": [{"name": "sync", "environment": [\n'
        '  {"name": "REGION", "value": "eu-west-1"},\n  {"name": "CRM_PASSWORD", "value": "%s"}]}]}\n',
        "containerDefinitions[0].environment[1].value",
    ),
]


@pytest.mark.parametrize(("rel", "template", "key"), PAIR_FORMS, ids=[p[0] for p in PAIR_FORMS])
def test_values_beside_their_names_are_judged_under_them(
    tmp_path: Path, detectors: DetectorSet, rel: str, template: str, key: str
) -> None:
    password = fake_password(rel)
    result = scan(tmp_path, rel, template % password, detectors)
    found = by_key(result)
    assert list(found) == [key], found
    # Configuration, not a tool schema: an Azure deployment's `parameters` is no tool's.
    assert found[key].context is SecretContext.CONFIG
    assert_no_secret_in(result, [password])


def test_parameters_are_a_tool_s_only_as_a_json_schema() -> None:
    from auditor.extract.formats import context_for_path

    tool = ("name", "parameters", "properties", "password", "default")
    assert context_for_path(tool, SecretContext.CONFIG) is SecretContext.TOOL_DEFINITION
    for config in (("parameters", "adminPassword", "value"), ("Parameters", "DbPassword", "Default")):
        assert context_for_path(config, SecretContext.CONFIG) is SecretContext.CONFIG


def test_a_bot_that_signs_users_in_says_so(tmp_path: Path) -> None:
    # The shipped detectors: code evidence is read in files a detector keyword (`token`) sends to parsing.
    detectors = DetectorSet.load()
    code = (
        "import { OAuthPrompt } from 'botbuilder-dialogs';\n"
        "this.addDialog(new OAuthPrompt(OAUTH_PROMPT, {\n"
        "    connectionName: process.env.connectionName,\n"
        "    text: 'Please sign in',\n"
        "}));\n"
        "const tokenResponse = await step.result; // the user's own token for Graph\n"
    )
    result = scan(tmp_path, "bot/dialogs/mainDialog.js", code, detectors)
    assert ("code.botframework.user_token", 2) in {(s.key, s.location.line) for s in result.settings}


def test_an_azd_project_s_hosted_services_are_applications(tmp_path: Path, detectors: DetectorSet) -> None:
    # azure.yaml: a service deployed to a container app or an App Service runs under an identity of its
    # own; a static site has none, and an azure.yaml that is not azd's (no services) says nothing.
    project = textwrap.dedent(
        """\
        name: fabrikam-hr-assistant
        services:
          api:
            project: ./api
            language: python
            host: appservice
          frontend:
            project: ./web
            language: js
            host: staticwebapp
        """
    )
    result = scan(tmp_path, "azure.yaml", project, detectors)
    assert [(h.kind, h.name, h.details.get("azd_host")) for h in result.manifests] == [
        ("service", "fabrikam-hr-assistant", "appservice")
    ]
    other = scan(tmp_path, "deploy/azure.yaml", "location: westeurope\nsku: S1\n", detectors)
    assert other.manifests == ()


def test_azure_openai_with_entra_tokens_is_code_evidence(tmp_path: Path) -> None:
    code = (
        "token_provider = get_bearer_token_provider(DefaultAzureCredential(), SCOPE)\n"
        "client = AzureOpenAI(azure_endpoint=endpoint, azure_ad_token_provider=token_provider)\n"
    )
    result = scan(tmp_path, "app/llm.py", code, DetectorSet.load())
    assert {("code.openai.entra_token", 1), ("code.openai.entra_token", 2)} <= {
        (s.key, s.location.line) for s in result.settings
    }


def test_calls_in_commented_out_code_are_no_evidence(tmp_path: Path) -> None:
    # A sample that ships an option switched off: the commented lines say what the bot could do, the code
    # what it does. A Python comment and a block comment's lines likewise.
    code = (
        "// Option 2: a custom credentials factory (uncomment to use).\n"
        "// const credentialsFactory = new MsalServiceClientCredentialsFactory(\n"
        "//     new msal.ConfidentialClientApplication({ auth: { clientId: appId, clientSecret: secret } })\n"
        "// );\n"
        "/*\n"
        " * const cca = new msal.ConfidentialClientApplication(config);\n"
        " */\n"
        "const adapter = new CloudAdapter(auth); // token from the channel\n"
        "const pca = new msal.PublicClientApplication(config);\n"
    )
    result = scan(tmp_path, "bot/index.js", code, DetectorSet.load())
    assert [(s.key, s.location.line) for s in result.settings if s.key.startswith("code.")] == [
        ("code.msal.public_client", 9)
    ]
    python = "# app = ConfidentialClientApplication(client_id, client_credential=secret)\ntoken = None\n"
    settings = scan(tmp_path, "bot/app.py", python, DetectorSet.load()).settings
    assert not [s for s in settings if s.key.startswith("code.")]


def test_agents_built_with_an_agent_sdk_are_agents(tmp_path: Path) -> None:
    # OpenAI Agents SDK (Python and TypeScript), Google's ADK: the agent's own name names it; one left in a
    # comment is none.
    python = (
        "from agents import Agent, Runner\n"
        "# old = Agent(name='Retired triage', instructions='...')\n"
        'billing = Agent(\n    name="Billing",\n    instructions="Answer invoice questions.",\n)\n'
        "root_agent = LlmAgent(name='travel_planner', model='gemini-2.5-flash', instruction='Plan trips.')\n"
    )
    typescript = (
        "import { Agent, run } from '@openai/agents';\n"
        "export const helpdesk = new Agent({\n  name: 'Helpdesk',\n"
        "  instructions: 'Answer IT questions.',\n});\n"
        "const pool = new https.Agent({ keepAlive: true });\n"
        "log(`handing off to Agent({ name: '${next.name}' })`);\n"
        "console.log('Last agent: Agent(name=\"' + last.name + '\")');\n"
    )
    found = [
        (h.kind, h.name, h.location.line)
        for rel, code in (("svc/agents.py", python), ("web/agent.ts", typescript))
        for h in scan(tmp_path, rel, code, DetectorSet.load()).manifests
    ]
    assert found == [
        ("agent_sdk", "Billing", 3),
        ("agent_sdk", "travel_planner", 7),
        ("agent_sdk", "Helpdesk", 2),
    ]
    # The same code in a README, a docs page or an examples folder shows how; it builds no agent.
    for rel in ("README.md", "docs/quickstart.md", "examples/basic/hello.py", "tests/test_agents.py"):
        assert not scan(tmp_path, rel, python, DetectorSet.load()).manifests, rel


def test_an_mcp_server_implemented_in_code_is_an_agent(tmp_path: Path) -> None:
    # The official SDKs' servers: named by the name they give themselves, with the transport they serve on.
    # A client that imports the SDK's client, a test starting a server, and a docstring's example are none.
    detectors = DetectorSet.load()
    typescript = (
        'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\n'
        "// const legacy = new McpServer({ name: 'old' });\n"
        "const server = new McpServer({ name: 'warehouse-tools', version: '1.2.0' });\n"
        "await server.connect(new StdioServerTransport());\n"
    )
    python = (
        "from mcp.server.fastmcp import FastMCP\n\n"
        'mcp = FastMCP("billing", stateless_http=True)\n\n'
        'if __name__ == "__main__":\n    mcp.run(transport="streamable-http")\n'
    )
    client = (
        'import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nconst c = new Client({});\n'
    )
    docstring = (
        "from mcp.server.fastmcp import FastMCP\n\n"
        'def serve():\n    """Usage:\n\n        mcp = FastMCP("demo")\n    """\n'
    )
    found = [
        (h.kind, h.name, h.location.line, h.details.get("transport"))
        for rel, code in (("tools/src/server.ts", typescript), ("billing/server.py", python))
        for h in scan(tmp_path, rel, code, detectors).manifests
    ]
    assert found == [
        ("mcp_server_code", "warehouse-tools", 3, "stdio"),
        ("mcp_server_code", "billing", 3, "http"),
    ]
    assert not scan(tmp_path, "app/client.ts", client, detectors).manifests
    assert not scan(tmp_path, "lib/serve.py", docstring, detectors).manifests
    assert not scan(tmp_path, "tests/test_server.py", python, detectors).manifests


def test_an_mcp_server_is_named_by_its_name_only(tmp_path: Path) -> None:
    # A server given no name of its own is named after its file: never after another string of the call.
    code = 'from fastmcp import FastMCP\n\nmcp = FastMCP(auth_token="not-a-name-value", debug=True)\n'
    (found,) = scan(tmp_path, "svc/tools_server.py", code, DetectorSet.load()).manifests
    assert found.kind == "mcp_server_code" and found.name == "tools_server"


def test_constructor_lookalikes_on_one_long_line_cost_a_bounded_number_of_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long string full of `App(` / `FastMCP(` in a file importing the SDK: only the first few candidates
    # are judged (each judgement looks back along its line), so the work stays linear in the file.
    from auditor.extract import text as text_module

    calls = [0]
    inside = text_module._inside_string

    def counted(text: str, at: int) -> bool:
        calls[0] += 1
        return inside(text, at)

    monkeypatch.setattr(text_module, "_inside_string", counted)
    detectors = DetectorSet.load()
    for rel, head, unit in (
        ("bot/app.py", "from slack_bolt import App\n", "App("),
        ("srv/server.py", "from mcp.server.fastmcp import FastMCP\n", "FastMCP("),
    ):
        calls[0] = 0
        code = head + 'x = "' + unit * 5000 + '"\n'
        assert not scan(tmp_path, rel, code, detectors).manifests
        assert calls[0] <= text_module._CONSTRUCTOR_CANDIDATES, (rel, calls[0])


def test_a_slack_app_built_with_bolt_is_an_agent(tmp_path: Path) -> None:
    # Python and JavaScript Bolt apps, with no manifest: each is a Slack bot (one hint per file). A library
    # documenting `app = App()` in a docstring, an app left in a comment, an `App(` of another framework, and
    # an app built in a test or an example folder are none.
    detectors = DetectorSet.load()
    python = (
        "from slack_bolt import App\n"
        "# old = App(token=legacy)\n"
        "standup = App(token=os.environ['SLACK_BOT_TOKEN'])\n"
    )
    javascript = "const { App } = require('@slack/bolt');\nconst app = new App({ signingSecret, clientId,\n"
    docstring = (
        "from slack_bolt import App\n\n"
        "class Handler:\n"
        '    """Wrap a Bolt app for WSGI.\n\n        app = App()\n        Handler(app)\n    """\n'
        "    def __init__(self, app: App):\n        self.app = app\n"
    )
    other = "from toga import App\nwindow = App('Notes', 'org.example.notes')\n"
    found = [
        (h.kind, h.location.line, h.details.get("variable"))
        for rel, code in (("bots/standup/app.py", python), ("bots/oncall/app.js", javascript))
        for h in scan(tmp_path, rel, code, detectors).manifests
    ]
    assert found == [("slack_bolt", 3, "standup"), ("slack_bolt", 2, "app")]
    assert not scan(tmp_path, "lib/adapter/wsgi.py", docstring, detectors).manifests
    assert not scan(tmp_path, "gui/main.py", other, detectors).manifests
    for rel in ("examples/app.py", "tests/test_app.py"):
        assert not scan(tmp_path, rel, python, detectors).manifests, rel


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("packages/zai/e2e/rate.test.ts", True),
        ("integration_tests/security/mounts.py", True),
        ("web/integration-tests/login.spec.js", True),
        ("src/__snapshots__/report.snap", True),
        ("integrations/slack/src/index.ts", False),  # a product's integrations are its code
        ("services/e2e_router/app.py", False),
    ],
)
def test_end_to_end_and_integration_suites_are_test_paths(rel: str, expected: bool) -> None:
    from auditor.extract.formats import classify, in_test_path

    assert in_test_path(rel) is expected
    assert classify(rel).in_test_path is expected


# ---------------------------------------------------------------------------------------------- translations

_CATALOGUES = [
    "src/lib/i18n/locales/es-ES/translation.json",
    "client/src/locales/de/translation.json",
    "config/locales/fr.yml",
    "app/src/main/res/values-pt-rBR/strings.xml",
    "src/main/resources/messages_it.properties",
    "lib/l10n/app_nl.arb",
    "ios/Bot/sv.lproj/Localizable.strings",
    "locale/pl/LC_MESSAGES/django.po",
    "extension/_locales/ru/messages.json",
    "web/src/i18n/zh-Hans.ts",
    "Properties/Strings.es-MX.resx",
    "public/tr.json",
]
_NOT_CATALOGUES = [
    "config/settings.json",
    "bots/sales/.env",
    "src/lang/parser.py",
    "src/i18n/config.ts",
    "deploy/values.yaml",
    "Properties/Resources.resx",
    ".config/solana/id.json",
    "src/db.json",
]


@pytest.mark.parametrize("rel", _CATALOGUES)
def test_translation_catalogues_are_told_by_folder_suffix_or_language_name(rel: str) -> None:
    from auditor.extract.formats import translation_catalogue

    assert translation_catalogue(rel)


@pytest.mark.parametrize("rel", _NOT_CATALOGUES)
def test_configuration_is_no_translation_catalogue(rel: str) -> None:
    from auditor.extract.formats import translation_catalogue

    assert not translation_catalogue(rel)


def test_a_login_form_s_labels_are_no_passwords_but_a_token_in_a_catalogue_is_found(
    tmp_path: Path, detectors: DetectorSet
) -> None:
    # A Spanish interface's strings: every key names a credential and every value is the word for it. A
    # key-name rule has nothing to go on there; a Slack bot token pasted into the file is still a token.
    token = "xoxb-2210934567-4410234561234-Q3vLm9Tq8Xw4Rk7Hn1Bp6Cz5"
    labels = {
        "login": {"password": "Contraseña", "confirmPassword": "Confirmar contraseña", "secret": "Secreto"},
        "admin.changePassword": "Cambiar la contraseña",
        "apiToken": "Token de acceso",
        "notify": token,
    }
    text = json.dumps(labels, ensure_ascii=False, indent=2)
    result = scan(tmp_path, "web/src/locales/es/translation.json", text, detectors)
    assert [m.kind for m in result.secrets] == ["slack_bot_token"]
    assert_no_secret_in(result, [token])
    # The same strings in a settings file are judged as settings (a password value there is a finding).
    settings = scan(tmp_path, "web/src/config/settings.json", text, detectors)
    assert "password" in {m.kind for m in settings.secrets}


def test_template_actions_of_a_helm_chart_are_code_not_values(tmp_path: Path) -> None:
    # A chart's Secret template takes the password from the values, else makes one: the actions name where
    # it comes from (`.Values...`) and how it is made (`randAlphaNum 40`), no password. A quoted literal in an
    # action, and a value outside the actions, are values as anywhere else.
    template = textwrap.dedent(
        """\
        {{- if not .Values.cache.auth.existingSecret -}}
        {{- $password := .Values.cache.auth.password -}}
        {{- if not $password -}}
          {{- $password = randAlphaNum 40 -}}
        {{- end -}}
        {{- $adminPassword := "Qv7rTz2mWk9pLx4s" -}}
        apiVersion: v1
        kind: Secret
        metadata:
          name: {{ include "chart.fullname" . }}-cache
        stringData:
          password: {{ $password | quote }}
          admin_password: Hn4wKp8zRt2qLm6v
        {{- end }}
        """
    )
    found = scan(tmp_path, "charts/svc/templates/cache-secret.yaml", template, DetectorSet.load())
    assert found.format == "helm_template"
    assert sorted(s.location.line for s in found.secrets) == [6, 13]
