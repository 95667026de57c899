"""Real-repository round 8: shapes met scanning public agent platforms and bot libraries nobody here wrote (a
RAG engine with a Go CLI and a flow editor's templates, a memory layer's docs, a Slack framework's tests, a
LangGraph app's web front end, translated READMEs), each written here in our own words with made-up values.
Each case holds a counterpart that must still be read the old way, so a rule that swallowed everything would
fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor import ScanOptions, run
from auditor.extract.detectors import DetectorSet
from auditor.extract.values import ValueClass, classify_value
from auditor.inventory.auth import _switched_off
from auditor.model import Platform, ScanResult
from tests.source_trees import write_tree

# Made up for these tests: a password a person might choose, and a token's random body.
_REAL_PASSWORD = "Quillon-84&vetch"
_TOKEN = "Zq8vN3kR7tW2yP5mB9cDx4Lf"


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _scan(root: Path) -> ScanResult:
    return run(ScanOptions(paths=(root,)))


# ------------------------------------------------------------------------ placeholders in docs and READMEs


@pytest.mark.parametrize(
    ("value", "key"),
    [
        # "some" and what goes there, in a connection string of a vector store's docs.
        ("postgresql://someuser:somepass@localhost:5432/somedatabase", "CONNECTION_STRING"),
        ("somepassword", "DB_PASSWORD"),
        ("some-token", "API_TOKEN"),
        # A translated README: "your API key" in Chinese, "change it" in Hungarian.
        ("您的_API_KEY", "LANGCHAIN_API_KEY"),
        ("VÁLTOZTASS_MEG", "NEXTAUTH_SECRET"),
        ("VÁLTOZTASS_MEG", "DB_PASSWORD"),
    ],
)
def test_placeholders_of_docs_and_translations(value: str, key: str) -> None:
    assert classify_value(value, key) is ValueClass.PLACEHOLDER


@pytest.mark.parametrize(
    ("value", "key"),
    [
        # A word that only starts with "some"; a password chosen in Spanish, with digits and a symbol.
        ("somethingRandom99Xq", "API_TOKEN"),
        ("Señor2024!", "DB_PASSWORD"),
        # A lone word in another language under a password's name may be the password itself.
        ("Contraseña", "DB_PASSWORD"),
        ("postgresql://someuser:" + _REAL_PASSWORD + "@localhost:5432/app", "CONNECTION_STRING"),
    ],
)
def test_values_beside_those_placeholders_are_still_secrets(value: str, key: str) -> None:
    assert classify_value(value, key) is ValueClass.SECRET_CANDIDATE


def test_a_translated_readme_reports_its_one_real_key(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "README-zh_CN.md": f"""\
            ```bash
            export LANGCHAIN_API_KEY=您的_API_KEY
            export TAVILY_API_KEY=tvly-{_TOKEN}{_TOKEN[:8]}
            ```
            """,
        },
    )
    found = [(f.kind, f.location.line) for f in _scan(tmp_path).findings if f.rule_id == "BA-101"]
    assert found == [("tavily_api_key", 3)]


# ------------------------------------------------------------------- a feature flag that turns a platform off


@pytest.mark.parametrize(
    ("key", "value", "off"),
    [
        ("NEXT_PUBLIC_AZURE_ENABLED", "false", True),
        ("slack.enabled", "False", True),
        ("githubEnabled", "'no'", True),
        ("GITHUB_DISABLED", "true", True),
        ("NEXT_PUBLIC_AZURE_ENABLED", "true", False),
        ("GITHUB_DISABLED", "false", False),
        ("AZURE_CLIENT_SECRET", "false", False),
    ],
)
def test_switched_off(key: str, value: str, off: bool) -> None:
    assert _switched_off(key, value) is off


def test_a_platform_switched_off_by_a_feature_flag_is_no_connection(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "langgraph.json": '{"dependencies": ["."], "graphs": {"canvas": "./src/agent/graph.py:graph"}}\n',
            "src/agent/graph.py": "from langgraph.graph import StateGraph\n",
            "web/.env.example": """\
            # Models shown in the picker
            NEXT_PUBLIC_OPENAI_ENABLED=true
            NEXT_PUBLIC_AZURE_ENABLED=false
            OPENAI_API_KEY=
            """,
        },
    )
    (agent,) = _scan(tmp_path).agents
    platforms = {c.platform for c in agent.connections}
    assert Platform.OPENAI in platforms
    assert Platform.ENTRA not in platforms


# ------------------------------------------------------- a flow editor's templates are no Microsoft Graph


def test_a_flow_templates_graph_names_no_microsoft_graph(tmp_path: Path) -> None:
    flow = {
        "title": "Research helper",
        "dsl": {
            "graph": {
                "nodes": [
                    {"id": "begin", "data": {"label": "Begin", "name": "begin"}},
                    {
                        "id": "Agent:Writer",
                        "data": {
                            "label": "Agent",
                            "name": "Writer",
                            "form": {
                                "llm_id": "gpt-4o",
                                "prompts": [{"role": "user", "content": "{sys.query}"}],
                                # A tool's key, filled in by whoever uses the template.
                                "tools": [{"name": "TavilySearch", "params": {"api_key": ""}}],
                            },
                        },
                    },
                ],
                "edges": [{"source": "begin", "target": "Agent:Writer"}],
            }
        },
    }
    write_tree(
        tmp_path,
        {
            "agent/templates/research.json": json.dumps(flow, indent=2) + "\n",
            "connectors/sharepoint.py": """\
            import msal

            def client(cfg):
                return msal.ConfidentialClientApplication(
                    cfg["client_id"], authority=cfg["authority"], client_credential=cfg["client_secret"]
                )
            """,
            "langgraph.json": '{"dependencies": ["."], "graphs": {"rag": "./connectors/graph.py:graph"}}\n',
        },
    )
    (agent,) = _scan(tmp_path).agents
    (entra,) = [c for c in agent.connections if c.platform is Platform.ENTRA]
    # Microsoft Graph is reached through MSAL in the connector; the template's `graph` keys are no evidence.
    assert entra.evidence and {loc.path for loc in entra.evidence} == {"connectors/sharepoint.py"}


# ------------------------------------------------------------------ a documented example key is no credential


def test_a_documented_example_key_makes_no_connection_a_static_key(tmp_path: Path) -> None:
    # An MCP server's README shows AWS's documented example pair in its client config; the server itself
    # signs in with the default credential chain.
    example = "AKIA" + "IOSFODNN7EXAMPLE"
    write_tree(
        tmp_path,
        {
            "server/server.py": """\
            import boto3
            from mcp.server.fastmcp import FastMCP

            mcp = FastMCP("cloud-helper")
            client = boto3.client("cloudformation")
            """,
            "server/README.md": f"""\
            ```json
            {{"mcpServers": {{"cloud-helper": {{"env": {{"AWS_ACCESS_KEY_ID": "{example}"}}}}}}}}
            ```
            """,
        },
    )
    result = _scan(tmp_path)
    models = {(c.platform, c.auth_model.value) for a in result.agents for c in a.connections}
    assert (Platform.AWS, "static_api_key") not in models
    # The same server with a key of its own written in is one.
    real = "AKIA" + "QX7ZL2NBW4RT6YPC"
    (tmp_path / "server/README.md").write_text(f'AWS_ACCESS_KEY_ID="{real}"\n')
    result = _scan(tmp_path)
    models = {(c.platform, c.auth_model.value) for a in result.agents for c in a.connections}
    assert (Platform.AWS, "static_api_key") in models
