"""The inventory: agents from manifests and declarations, evidence ownership, connections, auth models."""

from __future__ import annotations

import pytest

from auditor.config import AgentDecl, Config
from auditor.inventory import (
    agent_root,
    build_inventory,
    connection,
    environment_of,
    glob_match,
    resolve_hints,
)
from auditor.model import Agent, AuthModel, Platform, ReferenceKind, SecretContext
from tests.inventory_helpers import hint, ref, scan, secret, setting

AKID = "AKIA2E0A8F3B244C9986"


def _by_name(agents: tuple[Agent, ...]) -> dict[str, Agent]:
    return {a.name: a for a in agents}


def _slackbot() -> list:
    env = "salesops-slackbot/.env"
    return [
        scan(
            "salesops-slackbot/manifest.yaml",
            hint(
                "salesops-slackbot/manifest.yaml",
                "slack_app_manifest",
                "SalesOps Bot",
                token_rotation_enabled=False,
            ),
        ),
        scan(
            env,
            secret(env, "slack_bot_token", "xoxb-1-2-abc", line=1, key="SLACK_BOT_TOKEN"),
            setting(env, "SALESFORCE_USERNAME", "integration@acme-demo.example", line=2),
            secret(env, "password", "Sup3rS3cret!", line=3, key="SALESFORCE_PASSWORD"),
            setting(env, "SALESFORCE_PASSWORD", "", line=3),
            secret(env, "salesforce_security_token", "aB3dE5gH7jK9", line=4, key="SALESFORCE_SECURITY_TOKEN"),
            setting(env, "SALESFORCE_SECURITY_TOKEN", "", line=4),
            fmt="dotenv",
        ),
    ]


def _mcp() -> list:
    path = "ide-mcp/.cursor/mcp.json"
    return [
        scan(
            path,
            hint(
                path,
                "mcp_client_config",
                "github",
                2,
                "mcpServers.github",
                command="npx",
                args=["-y", "@modelcontextprotocol/server-github"],
                transport="stdio",
            ),
            hint(
                path,
                "mcp_client_config",
                "aws",
                9,
                "mcpServers.aws",
                command="uvx",
                args=["awslabs.aws-api-mcp-server"],
                transport="stdio",
            ),
            hint(
                path,
                "mcp_client_config",
                "docs",
                15,
                "mcpServers.docs",
                url="https://mcp.example/sse",
                transport="sse",
            ),
            secret(
                path, "github_pat", "ghp_x", line=5, key="mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN"
            ),
            secret(
                path,
                "aws_access_key_id",
                AKID,
                line=11,
                key="mcpServers.aws.env.AWS_ACCESS_KEY_ID",
                identifier=AKID,
                platform=Platform.AWS,
            ),
            secret(
                path,
                "aws_secret_access_key",
                "s3cr3t",
                line=12,
                key="mcpServers.aws.env.AWS_SECRET_ACCESS_KEY",
            ),
            setting(path, "AWS_REGION", "us-east-1", 13, "mcpServers.aws.env.AWS_REGION"),
            fmt="json",
        )
    ]


def _teams() -> list:
    path = "hr-teams-bot/appsettings.json"
    client = "5b0c7a1e-3f42-4d8e-9a61-2c7d8e9f0a1b"
    return [
        scan(
            path,
            hint(
                path, "bot_framework", "hr-teams-bot", MicrosoftAppType="SingleTenant", MicrosoftAppId=client
            ),
            setting(path, "MicrosoftAppId", client, 2),
            secret(path, "azure_client_secret", "abc8Q~xyz", line=3, key="MicrosoftAppPassword"),
            setting(path, "Graph.Scopes", "https://graph.microsoft.com/.default", 6),
            setting(path, "code.msal.client_credential", "acquire_token_for_client", 7),
            fmt="json",
        )
    ]


def _nightly() -> list:
    dep = "nightly-sync/k8s/deployment.yaml"
    vault = "nightly-sync/vault-agent.hcl"
    return [
        scan(
            dep,
            hint(
                dep,
                "k8s_workload",
                "nightly-sync",
                serviceAccountName="nightly-sync",
                annotations={"eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/nightly-sync"},
                namespace="data-prod",
            ),
            ref(
                dep,
                ReferenceKind.K8S_SECRET_REF,
                "nightly-sync-approle/secret_id",
                30,
                "spec.template.spec.containers.0.env.1.valueFrom",
            ),
            setting(dep, "VAULT_ROLE_ID", "", 28),
            setting(dep, "VAULT_ADDR", "https://vault.acme-demo.example:8200", 26),
        ),
        scan(
            vault,
            setting(vault, "auto_auth.method.approle.config.role_id_file_path", "/vault/role-id", 3),
            setting(vault, "vault.token_ttl", "15m", 10),
            setting(vault, "vault.secret_id_ttl", "1h", 11),
            setting(vault, "template.source", "database/creds/nightly-sync", 14),
            fmt="hcl",
        ),
    ]


def test_agents_from_manifests_with_kinds_roots_and_audience() -> None:
    agents = _by_name(build_inventory([*_slackbot(), *_mcp(), *_teams(), *_nightly()], Config()))
    assert set(agents) == {"salesops-slackbot", "github", "aws", "docs", "hr-teams-bot", "nightly-sync"}
    bot = agents["salesops-slackbot"]
    assert bot.kind == "slack_bot" and bot.multi_user and bot.root == "salesops-slackbot"
    assert {s.kind for s in bot.secrets} == {"slack_bot_token", "password", "salesforce_security_token"}
    assert agents["github"].kind == "mcp_server" and not agents["github"].multi_user
    assert agents["docs"].multi_user  # a remote MCP server is shared
    assert agents["github"].root == "ide-mcp/.cursor/mcp.json"
    # The MCP env block belongs to its own server.
    assert [s.kind for s in agents["github"].secrets] == ["github_pat"]
    assert {s.kind for s in agents["aws"].secrets} == {"aws_access_key_id", "aws_secret_access_key"}
    assert agents["hr-teams-bot"].multi_user and agents["hr-teams-bot"].kind == "teams_bot"
    nightly = agents["nightly-sync"]
    assert nightly.root == "nightly-sync" and nightly.environment == "prod"
    assert set(nightly.files) == {"nightly-sync/k8s/deployment.yaml", "nightly-sync/vault-agent.hcl"}


def test_auth_models_are_classified_from_evidence() -> None:
    agents = _by_name(build_inventory([*_slackbot(), *_mcp(), *_teams(), *_nightly()], Config()))
    sf = connection(agents["salesops-slackbot"], Platform.SALESFORCE)
    assert sf is not None and sf.auth_model is AuthModel.SHARED_PASSWORD
    assert sf.identity_hint == "integration@acme-demo.example" and "SALESFORCE_PASSWORD" in sf.reason
    assert len(sf.credential_fingerprints) == 2
    slack = connection(agents["salesops-slackbot"], Platform.SLACK)
    assert slack is not None and slack.auth_model is AuthModel.STATIC_API_KEY
    gh = connection(agents["github"], Platform.GITHUB)
    assert gh is not None and gh.auth_model is AuthModel.PERSONAL_TOKEN
    aws = connection(agents["aws"], Platform.AWS)
    assert aws is not None and aws.auth_model is AuthModel.STATIC_API_KEY and aws.identity_hint == AKID
    entra = connection(agents["hr-teams-bot"], Platform.ENTRA)
    assert entra is not None and entra.auth_model is AuthModel.CLIENT_SECRET
    assert entra.identity_hint == "5b0c7a1e-3f42-4d8e-9a61-2c7d8e9f0a1b"
    nightly = agents["nightly-sync"]
    n_aws = connection(nightly, Platform.AWS)
    assert n_aws is not None and n_aws.auth_model is AuthModel.SERVICE_ACCOUNT_ROLE
    assert n_aws.identity_hint == "arn:aws:iam::123456789012:role/nightly-sync"
    n_vault = connection(nightly, Platform.VAULT)
    assert n_vault is not None and n_vault.auth_model is AuthModel.JIT_TOKEN
    assert n_vault.auth_model.is_per_user_or_jit


@pytest.mark.parametrize(
    ("items", "platform", "model"),
    [
        (
            [
                setting("a/x.py", "code.msal.on_behalf_of", "acquire_token_on_behalf_of"),
                setting("a/x.py", "AZURE_CLIENT_SECRET", ""),
            ],
            Platform.ENTRA,
            AuthModel.ON_BEHALF_OF,
        ),
        (
            # A bot that signs each user in through its OAuth connection and makes no call as the app: the
            # calls carry the user's token (the delegation rules skip it for the same two facts).
            [
                setting("a/appsettings.json", "MicrosoftAppPassword", ""),
                setting("a/appsettings.json", "OAUTH_CONNECTION_NAME", "GraphConnection"),
            ],
            Platform.ENTRA,
            AuthModel.ON_BEHALF_OF,
        ),
        (
            # ... while an app-only call beside the sign-in keeps the app's secret the model.
            [
                setting("a/appsettings.json", "MicrosoftAppPassword", ""),
                setting("a/Bot.cs", "code.botframework.user_token", "OAuthPrompt("),
                setting("a/Bot.cs", "code.msal.client_credential", "acquire_token_for_client"),
            ],
            Platform.ENTRA,
            AuthModel.CLIENT_SECRET,
        ),
        (
            [
                setting("a/.env", "AZURE_CLIENT_CERTIFICATE_PATH", "/certs/bot.pem"),
                setting("a/.env", "AZURE_CLIENT_ID", "c1"),
            ],
            Platform.ENTRA,
            AuthModel.CLIENT_CERTIFICATE,
        ),
        (
            [
                setting("a/sf.yaml", "salesforce.grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                setting("a/sf.yaml", "salesforce.jwt.sub", "{{ request.user.email }}"),
            ],
            Platform.SALESFORCE,
            AuthModel.JWT_BEARER_PER_USER,
        ),
        (
            [
                setting("a/sf.yaml", "salesforce.grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                setting("a/sf.yaml", "salesforce.jwt.sub", "integration@acme.example"),
            ],
            Platform.SALESFORCE,
            AuthModel.CLIENT_CERTIFICATE,
        ),
        (
            [
                setting("a/.env", "AWS_ROLE_ARN", "arn:aws:iam::1:role/r"),
                setting("a/.env", "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token"),
            ],
            Platform.AWS,
            AuthModel.SERVICE_ACCOUNT_ROLE,
        ),
        (
            [secret("a/.env", "vault_token", "hvs.abc", key="VAULT_TOKEN")],
            Platform.VAULT,
            AuthModel.STATIC_API_KEY,
        ),
        (
            [secret("a/.env", "slack_user_token", "xoxp-1", key="SLACK_TOKEN")],
            Platform.SLACK,
            AuthModel.PERSONAL_TOKEN,
        ),
        (
            [secret("a/.env", "openai_api_key", "sk-proj-1", key="OPENAI_API_KEY")],
            Platform.OPENAI,
            AuthModel.STATIC_API_KEY,
        ),
        (
            [
                setting("a/app.yaml", "oauth.grant_type", "password"),
                setting(
                    "a/app.yaml", "oauth.token_url", "https://login.salesforce.com/services/oauth2/token"
                ),
            ],
            Platform.SALESFORCE,
            AuthModel.SHARED_PASSWORD,
        ),
    ],
)
def test_auth_model_table(items: list, platform: Platform, model: AuthModel) -> None:
    files = [
        scan(p, *[i for i in items if i.location.path == p]) for p in sorted({i.location.path for i in items})
    ]
    files.append(scan("a/agents.yaml", hint("a/agents.yaml", "crewai", "crew")))
    (agent,) = build_inventory(files, Config())
    conn = connection(agent, platform)
    assert conn is not None, agent.connections
    assert conn.auth_model is model, conn.reason
    assert conn.reason


def _bot_env(*extra: str) -> list:
    env = "faq-bot/.env"
    names = ("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", *extra)
    items = [
        setting(env, name, "set-in-portal" if name == "MicrosoftAppPassword" else "", i + 1)
        for i, name in enumerate(names)
    ]
    keys = ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"]
    return [
        scan(env, hint(env, "bot_framework", "faq-bot", 1, "MicrosoftAppId", keys=keys), *items, fmt="env")
    ]


def test_another_service_s_key_is_no_static_key_of_the_bot_s_platform() -> None:
    # LUIS, QnA Maker and Cognitive Services keys sit beside the bot's own registration in its .env: they
    # authenticate to those services, not to the bot's Entra app, which signs in with its app password.
    files = _bot_env("LuisAPIKey", "QnAEndpointKey", "CognitiveServicesApiKey", "AZURE_SEARCH_API_KEY")
    (agent,) = build_inventory(files, Config())
    entra = connection(agent, Platform.ENTRA)
    assert entra is not None and entra.auth_model is AuthModel.CLIENT_SECRET, entra
    assert "Luis" not in entra.reason


@pytest.mark.parametrize(
    "name", ["BotApiKey", "MICROSOFT_API_KEY", "API_TOKEN", "AZURE_MCP_TOKEN", "SECRETKEY_AZURE_SECRET_KEY"]
)
def test_a_key_naming_no_other_service_stays_the_platform_s_static_key(name: str) -> None:
    (agent,) = build_inventory(_bot_env(name), Config())
    entra = connection(agent, Platform.ENTRA)
    assert entra is not None and entra.auth_model is AuthModel.STATIC_API_KEY, entra


@pytest.mark.parametrize(
    ("app_type", "password_set", "expected"),
    [
        ("", False, "not configured in the repository"),
        ("MultiTenant", False, "configuration names the platform"),
        ("", True, "configuration names the platform"),
    ],
)
def test_a_bot_sample_with_empty_app_settings_says_it_is_not_configured(
    app_type: str, password_set: bool, expected: str
) -> None:
    # A Bot Framework sample ships `"MicrosoftAppType": "", "MicrosoftAppPassword": ""`: how it signs in
    # is decided at deployment. Still unknown, but the reason says why instead of "not found".
    path = "echo-bot/appsettings.json"
    details = {"MicrosoftAppType": app_type, "password_set": password_set}
    items = [setting(path, "MicrosoftAppId", "", 2), setting(path, "MicrosoftAppType", app_type, 1)]
    files = [scan(path, hint(path, "bot_framework", "echo-bot", 2, "MicrosoftAppId", **details), *items)]
    (agent,) = build_inventory(files, Config())
    entra = connection(agent, Platform.ENTRA)
    assert entra is not None and entra.auth_model is AuthModel.UNKNOWN, entra
    assert entra.reason.startswith(expected) or expected in entra.reason, entra.reason


def test_declarations_win_and_absorb_inferred_agents() -> None:
    decl = AgentDecl(
        name="SalesOps",
        paths=("salesops-slackbot/**",),
        kind="slack_bot",
        multi_user=False,
        environment="stage",
    )
    agents = _by_name(build_inventory([*_slackbot(), *_mcp()], Config(agents=(decl,))))
    assert "salesops-slackbot" not in agents
    sales = agents["SalesOps"]
    assert sales.declared and not sales.multi_user and sales.environment == "stage"
    assert len(sales.secrets) == 3 and sales.manifests[0].path == "salesops-slackbot/manifest.yaml"
    # A declaration with no manifest still owns its files.
    decl2 = AgentDecl(name="scripts", paths=("ops/*.py",))
    (agent,) = build_inventory(
        [scan("ops/job.py", secret("ops/job.py", "openai_api_key", "sk-1"))], Config(agents=(decl2,))
    )
    assert agent.name == "scripts" and agent.kind == "agent" and len(agent.secrets) == 1


def test_unattributed_secrets_stay_out_of_agents() -> None:
    agents = build_inventory(
        [scan("loose/notes.txt", secret("loose/notes.txt", "openai_api_key", "sk-2"))], Config()
    )
    assert agents == ()


def test_a_repository_s_ci_workflows_own_their_ci_folder_not_the_repository() -> None:
    # A repository whose only manifest is a GitHub workflow: the pipeline is an agent rooted at the top, but
    # a test fixture or a sample file elsewhere in the repository is no credential of the pipeline's.
    wf = ".github/workflows/release.yml"
    fixture = "tests/fixtures/settings.env"
    action_env = ".github/actions/deploy/.env"
    agents = build_inventory(
        [
            scan(
                wf, hint(wf, "github_workflow", "release"), secret(wf, "npm_token", "npm_1", key="NPM_TOKEN")
            ),
            scan(action_env, secret(action_env, "password", "pw-1", key="DEPLOY_PASSWORD"), fmt="dotenv"),
            scan(fixture, secret(fixture, "openai_api_key", "sk-3", key="OPENAI_API_KEY"), fmt="dotenv"),
        ],
        Config(),
    )
    (pipeline,) = agents
    assert pipeline.kind == "github_actions" and pipeline.root == "."
    assert sorted(s.location.path for s in pipeline.secrets) == [action_env, wf]
    assert fixture not in pipeline.files


def test_an_agent_at_the_root_is_named_for_its_ci_system_or_its_own_manifest() -> None:
    # Twenty workflows at a repository's top are one pipeline: naming it after the one that sorts first
    # ("Check All") would misname the other nineteen. One workflow keeps its name; a manifest of the
    # repository's own (a Slack app at the top) names the agent whatever its workflows are called.
    a, b = ".github/workflows/check-all.yml", ".github/workflows/deploy.yml"
    two = [
        scan(a, hint(a, "github_workflow", "Check All")),
        scan(b, hint(b, "github_workflow", "Deploy bots")),
    ]
    (pipeline,) = build_inventory(two, Config())
    assert pipeline.name == "github-actions" and pipeline.kind == "github_actions"

    (single,) = build_inventory(two[1:], Config())
    assert single.name == "Deploy bots"

    manifest = "manifest.yaml"
    top = scan(manifest, hint(manifest, "slack_app_manifest", "Ops Bot"))
    # The pipeline stays an agent of its own beside the app at the top (what its secrets reach is the
    # pipeline's), named for its CI system.
    app, pipeline = build_inventory([*two, top], Config())
    assert (app.name, app.kind) == ("Ops Bot", "slack_bot")
    assert (pipeline.name, pipeline.kind) == ("github-actions", "github_actions")


def test_a_folder_agent_with_a_workflow_still_owns_its_folder() -> None:
    # A bot's folder that also holds its workflow: the bot owns every file under it but its CI folder, which
    # is its pipeline's; a CI-only agent at the repository's top does not take the bot's files.
    manifest = "bots/sales/manifest.yaml"
    wf = "bots/sales/.github/workflows/ci.yml"
    env = "bots/sales/.env"
    top = ".github/workflows/lint.yml"
    agents = _by_name(
        build_inventory(
            [
                scan(manifest, hint(manifest, "slack_app_manifest", "Sales Bot")),
                scan(wf, hint(wf, "github_workflow", "ci")),
                scan(env, secret(env, "slack_bot_token", "xoxb-2", key="SLACK_BOT_TOKEN"), fmt="dotenv"),
                scan(top, hint(top, "github_workflow", "lint")),
                scan("docs/example.env", secret("docs/example.env", "password", "pw-2", key="PASSWORD")),
            ],
            Config(),
        )
    )
    assert [s.location.path for s in agents["sales"].secrets] == [env]
    others = [a for name, a in agents.items() if name != "sales"]
    assert sorted((a.root, a.kind) for a in others) == [
        (".", "github_actions"),
        ("bots/sales", "github_actions"),
    ]
    assert not any(a.secrets for a in others)


def test_name_clashes_are_disambiguated() -> None:
    a = "one/.cursor/mcp.json"
    b = "two/.vscode/mcp.json"
    agents = build_inventory(
        [
            scan(a, hint(a, "mcp_client_config", "github", key="mcpServers.github")),
            scan(b, hint(b, "mcp_client_config", "github", key="servers.github")),
        ],
        Config(),
    )
    assert sorted(x.name for x in agents) == ["one:github", "two:github"]


def test_folder_agents_clashing_by_folder_name_are_named_by_path() -> None:
    a = "crews/trip/helpers/search.py"
    b = "crews/post/helpers/search.py"
    agents = build_inventory(
        [scan(a, hint(a, "crewai", "summarizer")), scan(b, hint(b, "crewai", "summarizer"))], Config()
    )
    assert sorted(x.name for x in agents) == ["crews/post/helpers", "crews/trip/helpers"]


def test_resolve_hints_lists_identifiers_per_platform() -> None:
    agents = build_inventory([*_slackbot(), *_mcp(), *_teams(), *_nightly()], Config())
    hints = resolve_hints(agents)
    assert AKID in hints[Platform.AWS]
    assert "arn:aws:iam::123456789012:role/nightly-sync" in hints[Platform.AWS]
    assert hints[Platform.SALESFORCE] == ("integration@acme-demo.example",)
    assert "5b0c7a1e-3f42-4d8e-9a61-2c7d8e9f0a1b" in hints[Platform.ENTRA]


def test_prompt_secret_keeps_context() -> None:
    path = "crew/config/agents.yaml"
    files = [
        scan(
            path,
            hint(path, "crewai", "researcher"),
            secret(path, "openai_api_key", "sk-3", key="researcher.backstory", context=SecretContext.PROMPT),
        )
    ]
    (agent,) = build_inventory(files, Config())
    assert agent.root == "crew" and agent.secrets[0].context is SecretContext.PROMPT


@pytest.mark.parametrize(
    ("path", "root"),
    [
        ("bot/k8s/deploy.yaml", "bot"),
        ("bot/.github/workflows/ci.yml", "bot"),
        ("deploy.yaml", "."),
        ("a/b/manifest.yaml", "a/b"),
        ("crews/trip_planner/tools/browser_tools.py", "crews/trip_planner"),
        ("tools/agent.py", "."),
    ],
)
def test_agent_root(path: str, root: str) -> None:
    assert agent_root(path) == root


def test_environment_and_globs() -> None:
    assert environment_of("deploy/staging/bot") == "stage"
    assert environment_of("prod-bot") == "prod"
    assert environment_of("products/bot") is None
    assert glob_match("bots/a/.env", "bots/**") and glob_match("bots/a/.env", "bots/")
    assert glob_match("root/bots/a/.env", "bots/**")  # a scan-root prefix is tolerated
    assert not glob_match("other/a/.env", "bots/**")


# -- end to end over the demo estate: discovery + extraction + inventory + BA-1xx rules ----------------------
def _sample_scan() -> tuple[Config, tuple[Agent, ...], tuple]:
    from pathlib import Path

    from auditor.config import load_config
    from auditor.discovery.walk import walk
    from auditor.extract.detectors import DetectorSet
    from auditor.extract.filescan import scan_file

    root = Path(__file__).resolve().parent.parent / "sample_configs"
    config = load_config(root / "botaudit.yaml")
    entries, _ = walk([root])
    detectors = DetectorSet.load()
    files = tuple(scan_file(e, detectors, fingerprint_key=config.fingerprint_key) for e in entries)
    return config, build_inventory(files, config), files


def test_sample_configs_inventory() -> None:
    _, agents, _ = _sample_scan()
    by_name = _by_name(agents)
    assert set(by_name) == {
        "salesops-slackbot",
        "github",
        "aws",
        "hr-teams-bot",
        "research-crew",
        "nightly-sync",
        "ticket-triage",
    }
    models = {(a.name, c.platform, c.auth_model) for a in agents for c in a.connections}
    assert ("salesops-slackbot", Platform.SALESFORCE, AuthModel.SHARED_PASSWORD) in models
    assert ("github", Platform.GITHUB, AuthModel.PERSONAL_TOKEN) in models
    assert ("aws", Platform.AWS, AuthModel.STATIC_API_KEY) in models
    assert ("hr-teams-bot", Platform.ENTRA, AuthModel.CLIENT_SECRET) in models
    assert ("nightly-sync", Platform.AWS, AuthModel.SERVICE_ACCOUNT_ROLE) in models
    assert ("nightly-sync", Platform.VAULT, AuthModel.JIT_TOKEN) in models
    assert by_name["salesops-slackbot"].multi_user and by_name["hr-teams-bot"].multi_user
    assert not by_name["github"].multi_user
    hints = resolve_hints(agents)
    assert "AKIAKPO4DRVAUKVWZZUT" in hints[Platform.AWS]
    assert "integration@acme-demo.example" in hints[Platform.SALESFORCE]
    assert "4b8e2c71-9d3a-4f6e-b5c2-8a1d7e0f9c36" in hints[Platform.ENTRA]
    assert "nightly-sync" in hints[Platform.VAULT]


def test_sample_configs_findings() -> None:
    from datetime import UTC, datetime

    from auditor.clock import FixedClock
    from auditor.engine.evaluate import evaluate
    from auditor.engine.interface import RuleContext
    from auditor.engine.loader import load_rules

    config, agents, files = _sample_scan()
    rules = [r for r in load_rules(config=config) if r.id.startswith("BA-1")]
    ctx = RuleContext(
        config=config, clock=FixedClock(datetime(2025, 11, 20, tzinfo=UTC)), agents=agents, files=files
    )
    findings, not_evaluated = evaluate(rules, ctx)
    assert not_evaluated == []
    fired = {(f.agent, f.rule_id) for f in findings}
    assert {
        ("salesops-slackbot", "BA-101"),
        ("salesops-slackbot", "BA-103"),
        ("salesops-slackbot", "BA-106"),
        ("github", "BA-101"),
        ("aws", "BA-101"),
        ("hr-teams-bot", "BA-101"),
        ("hr-teams-bot", "BA-108"),
        ("hr-teams-bot", "BA-111"),
        ("research-crew", "BA-102"),
    } <= fired
    assert not any(agent == "nightly-sync" for agent, _ in fired)
    assert all(f.location is None or "nightly-sync" not in f.location.path for f in findings)
    assert all(f.agent is not None for f in findings)


def test_identity_hint_location_comes_first_in_connection_evidence() -> None:
    """Platform findings anchor to the first evidence of a connection: the line naming the identity."""
    from pathlib import Path

    from auditor.config import load_config
    from auditor.discovery.walk import walk
    from auditor.extract import scan_files
    from auditor.extract.detectors import DetectorSet
    from auditor.inventory import build_inventory
    from auditor.model import Platform

    root = Path(__file__).resolve().parents[1] / "sample_configs"
    entries, _ = walk([root])
    files = scan_files(entries, DetectorSet.load(), fingerprint_key="k", jobs=1)
    agents = build_inventory(files, load_config(root / "botaudit.yaml"))
    bot = next(a for a in agents if a.name == "salesops-slackbot")
    conn = next(c for c in bot.connections if c.platform is Platform.SALESFORCE)
    assert conn.identity_hint == "integration@acme-demo.example"
    assert conn.evidence[0].key == "SF_USERNAME"


@pytest.mark.parametrize(
    ("key", "platform"),
    [
        ("DB_PASSWORD", Platform.DATABASE),
        ("spring.datasource.password", Platform.DATABASE),
        ("MSSQL_SA_PASSWORD", Platform.DATABASE),
        ("MARIADB_ROOT_PASSWORD", Platform.DATABASE),
        ("ConnectionStrings.SqlPassword", Platform.DATABASE),
        ("mysqlRootPassword", Platform.DATABASE),
        # Azure SQL's password is a database login's, not the Entra directory's.
        ("AZURE_SQL_PASSWORD", Platform.DATABASE),
        ("MicrosoftAppPassword", Platform.ENTRA),
        # Words that merely contain the letters: no database.
        ("feedbackPassword", None),
        ("DbtCloudToken", None),
        ("AZURE_STORAGE_KEY", None),
        # Microsoft Graph by an app registration's words; a flow's or a knowledge graph's keys are not it.
        ("GRAPH_CLIENT_SECRET", Platform.ENTRA),
        ("GraphApi.TenantId", Platform.ENTRA),
        ("graph.clientSecret", Platform.ENTRA),
        ("graph.nodes[3].data.form.prompts[0].content", None),
        ("GRAPH_DB_PASSWORD", Platform.DATABASE),
        ("graph.uri", None),
        ("graph.nodes[2].data.form.tools[0].params.api_key", None),
        ("GRAPH_API_ENDPOINT", Platform.ENTRA),
    ],
)
def test_database_words_in_keys_name_the_database_platform(key: str, platform: Platform | None) -> None:
    from auditor.inventory.platforms import platform_of_key

    assert platform_of_key(key) is platform


def test_the_salesforce_dx_mcp_server_works_as_the_person_logged_in_to_the_cli() -> None:
    path = "laptop/.cursor/mcp.json"
    args = ["-y", "@salesforce/mcp", "--orgs", "DEFAULT_TARGET_ORG", "--toolsets", "data"]
    details = {"command": "npx", "args": args}
    server = hint(path, "mcp_client_config", "Salesforce DX", **details)
    (agent,) = build_inventory([scan(path, server)], Config())
    conn = connection(agent, Platform.SALESFORCE)
    assert conn is not None and conn.auth_model is AuthModel.OAUTH_PKCE, conn
    assert "sf org login" in conn.reason
    # The same server given a username and password in its env is no CLI login.
    details_pw = {**details, "env": {"SF_USERNAME": "ops@acme.example", "SF_PASSWORD": "${SF_PASSWORD}"}}
    server = hint(path, "mcp_client_config", "Salesforce DX", **details_pw)
    (agent,) = build_inventory([scan(path, server)], Config())
    conn = connection(agent, Platform.SALESFORCE)
    assert conn is not None and conn.auth_model is not AuthModel.OAUTH_PKCE, conn


def test_azure_openai_key_from_the_environment_is_a_static_key(tmp_path) -> None:
    # Azure's samples read the Azure OpenAI key as `AZURE_OPENAI_KEY`: a bare `key` after the service's
    # name. The connection is OpenAI's (what the SDK client says), and `azure` in the name is no other
    # service; the same in a folder of tools belongs to the crew above it.
    from auditor.scan import ScanOptions, run

    crew = tmp_path / "crews" / "briefing"
    (crew / "tools").mkdir(parents=True)
    (crew / "crew.py").write_text(
        "import os\n"
        "from crewai import Agent\n"
        "from langchain_openai import AzureChatOpenAI\n\n"
        "llm = AzureChatOpenAI(\n"
        '    azure_endpoint=os.environ.get("AZURE_OPENAI_ENDPOINT"),\n'
        '    api_key=os.environ.get("AZURE_OPENAI_KEY"),\n'
        ")\n"
        'writer = Agent(role="Writer", goal="Brief the team", backstory="Terse.", llm=llm)\n'
    )
    (crew / "tools" / "lookup.py").write_text(
        "import os\n"
        "from crewai import Agent\n\n"
        'SEARCH = os.environ["NEWS_SEARCH_API_KEY"]\n'
        'summarizer = Agent(role="Summarizer", goal="Condense pages", backstory="Short.")\n'
    )
    result = run(ScanOptions(paths=(tmp_path,), jobs=1))
    (agent,) = result.agents
    assert agent.root.endswith("crews/briefing"), agent.root
    assert {r.target for r in agent.references} == {"AZURE_OPENAI_KEY", "NEWS_SEARCH_API_KEY"}
    openai = connection(agent, Platform.OPENAI)
    assert openai is not None and openai.auth_model is AuthModel.STATIC_API_KEY, openai
    assert "AZURE_OPENAI_KEY" in openai.reason


@pytest.mark.parametrize(
    ("calls", "platform", "model", "said"),
    [
        # A client given no key reads the SDK's default variable: the API takes nothing but a key.
        (["openai.client"], Platform.OPENAI, AuthModel.STATIC_API_KEY, "OPENAI_API_KEY"),
        (["anthropic.client"], Platform.ANTHROPIC, AuthModel.STATIC_API_KEY, "ANTHROPIC_API_KEY"),
        # Azure OpenAI with an Entra token provider holds no key.
        (["openai.client", "openai.entra_token"], Platform.OPENAI, AuthModel.SERVICE_ACCOUNT_ROLE, "role"),
        # Other platforms' SDKs have several ways in: a client alone says nothing.
        (["github.client"], Platform.GITHUB, AuthModel.UNKNOWN, "configuration names the platform"),
    ],
)
def test_an_sdk_client_without_a_key(
    calls: list[str], platform: Platform, model: AuthModel, said: str
) -> None:
    path = "bot/agent.py"
    items = [setting(path, f"code.{call}", "", i + 1) for i, call in enumerate(calls)]
    (agent,) = build_inventory([scan(path, hint(path, "crewai", "bot"), *items, fmt="python")], Config())
    conn = connection(agent, platform)
    assert conn is not None and conn.auth_model is model, conn
    assert said in conn.reason


def test_agents_in_a_package_belong_to_the_project_that_serves_them() -> None:
    # The agents are built in a package (`airline/__init__.py`) of a project (requirements.txt beside it);
    # the project's main.py serves them over HTTP: one agent, the project, reached by many users.
    files = [
        scan("backend/requirements.txt", fmt="text"),
        scan("backend/airline/__init__.py", fmt="python"),
        scan(
            "backend/airline/agents.py",
            hint("backend/airline/agents.py", "agent_sdk", "triage"),
            fmt="python",
        ),
        scan(
            "backend/main.py",
            setting("backend/main.py", "code.web.endpoint", "web.endpoint", 40),
            fmt="python",
        ),
    ]
    (agent,) = build_inventory(files, Config())
    assert agent.root == "backend"
    assert agent.multi_user and "serves HTTP requests (backend/main.py:40)" in agent.multi_user_reason


def test_a_package_without_a_project_above_it_and_a_route_in_a_readme_change_nothing() -> None:
    files = [
        scan("lib/helpers/__init__.py", fmt="python"),
        scan("lib/helpers/agents.py", hint("lib/helpers/agents.py", "agent_sdk", "triage"), fmt="python"),
        scan(
            "lib/helpers/README.md", setting("lib/helpers/README.md", "code.web.endpoint", "web.endpoint", 9)
        ),
    ]
    (agent,) = build_inventory(files, Config())
    assert agent.root == "lib/helpers" and not agent.multi_user


def test_a_bolt_app_beside_its_manifest_is_named_by_the_manifest() -> None:
    files = [
        scan("app.py", hint("app.py", "slack_bolt", "app", 12), fmt="python"),
        scan("manifest.json", hint("manifest.json", "slack_app_manifest", "Standup Helper"), fmt="json"),
    ]
    (agent,) = build_inventory(files, Config())
    assert agent.name == "Standup Helper" and agent.kind == "slack_bot" and agent.multi_user


def test_a_top_level_src_folder_of_a_project_is_the_project() -> None:
    # `src/index.ts` beside the project's package.json: the agent is the repository's project, not `src`.
    files = [
        scan("package.json", fmt="json"),
        scan("src/index.ts", hint("src/index.ts", "mcp_server_code", "sfdc-tools", 12), fmt="source"),
    ]
    (agent,) = build_inventory(files, Config())
    assert agent.root == "." and agent.name == "sfdc-tools" and agent.kind == "mcp_server"
    assert not agent.multi_user and "stdio" in agent.multi_user_reason


def test_a_script_folder_belongs_to_the_package_json_above_it() -> None:
    # An MCP server package: the server object in `server/`, its HTTP transport in `transports/`, the
    # package.json and Dockerfile at the package's top. One agent, named by its folder, serving HTTP.
    files = [
        scan("src/helpdesk/package.json", fmt="json"),
        scan("src/helpdesk/Dockerfile"),
        scan(
            "src/helpdesk/server/index.ts",
            hint("src/helpdesk/server/index.ts", "mcp_server_code", "server", 30),
            fmt="source",
        ),
        scan(
            "src/helpdesk/transports/http.ts",
            setting("src/helpdesk/transports/http.ts", "code.web.endpoint", "web.endpoint", 41),
            fmt="source",
        ),
    ]
    (agent,) = build_inventory(files, Config())
    assert agent.root == "src/helpdesk" and agent.name == "helpdesk"
    assert agent.multi_user and "src/helpdesk/transports/http.ts:41" in agent.multi_user_reason


def test_a_script_folder_of_its_own_stays_apart() -> None:
    # An example beside the library it shows, with no package.json of its own, is a program of its own; so
    # is a folder that declares its own package.
    files = [
        scan("package.json", fmt="json"),
        scan(
            "examples/echo/server.ts",
            hint("examples/echo/server.ts", "mcp_server_code", "echo", 5),
            fmt="source",
        ),
        scan("tools/weather/package.json", fmt="json"),
        scan(
            "tools/weather/lib/main.ts",
            hint("tools/weather/lib/main.ts", "mcp_server_code", "wx", 5),
            fmt="source",
        ),
        scan("py/agentpkg/agent.py", hint("py/agentpkg/agent.py", "agent_sdk", "triage"), fmt="python"),
        scan("py/requirements.txt"),
    ]
    roots = {a.root for a in build_inventory(files, Config())}
    # The weather package's `lib/` lifts to its own package.json, not the repository's; a Python folder
    # without `__init__.py` is not a package and stays.
    assert roots == {"examples/echo", "tools/weather", "py/agentpkg"}


def test_an_mcp_server_on_stdio_is_single_user_only_when_nothing_serves_http() -> None:
    files = [
        scan("server.py", hint("server.py", "mcp_server_code", "notes", 8), fmt="python"),
    ]
    (agent,) = build_inventory(files, Config())
    assert not agent.multi_user and "stdio" in agent.multi_user_reason


def test_a_route_in_an_example_beside_the_agent_serves_no_user_of_it() -> None:
    files = [
        scan("package.json", fmt="json"),
        scan("src/index.ts", hint("src/index.ts", "langchain", "toolkit", 3), fmt="source"),
        scan(
            "examples/worker/src/app.ts",
            setting("examples/worker/src/app.ts", "code.web.endpoint", "web.endpoint", 25),
            fmt="source",
        ),
    ]
    (agent,) = build_inventory(files, Config())
    assert agent.root == "." and not agent.multi_user
    # The same route in the agent's own source makes it serve many users.
    files[2] = scan(
        "src/app.ts", setting("src/app.ts", "code.web.endpoint", "web.endpoint", 25), fmt="source"
    )
    (agent,) = build_inventory(files, Config())
    assert agent.multi_user
