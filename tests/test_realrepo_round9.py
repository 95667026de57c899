"""Real-repository round 9: a chat front end on Supabase's local stack and an agents SDK's test suite (shapes
written here in our own words, values made up). Each case holds a counterpart that must still be reported."""

from __future__ import annotations

import base64
import json
import textwrap
from pathlib import Path

import pytest

from auditor import ScanOptions, run
from auditor.extract.detectors import DetectorSet
from auditor.extract.values import ValueClass, classify_value


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _b64(obj: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def _jwt(payload: dict[str, object]) -> str:
    # A made-up HS256 signature: 32 bytes, canonical base64url.
    signature = base64.urlsafe_b64encode(bytes(range(7, 39))).decode().rstrip("=")
    return f"{_b64({'alg': 'HS256', 'typ': 'JWT'})}.{_b64(payload)}.{signature}"


# ------------------------------------------------------------- the Supabase CLI's local development keys


def test_a_local_supabase_stack_key_is_a_documented_example(tmp_path: Path) -> None:
    local = _jwt({"iss": "supabase-demo", "role": "service_role", "exp": 1983812996})
    hosted = _jwt({"iss": "supabase", "ref": "qwhtzkpmvbnrlcsd", "role": "service_role", "exp": 2046976000})
    assert classify_value(local, "service_role_key") is ValueClass.EXAMPLE
    assert classify_value(hosted, "service_role_key") is ValueClass.SECRET_CANDIDATE
    migration = f"""\
    create or replace function delete_storage_object(bucket text, object text) returns void
    language plpgsql security definer as $$
    declare
      project_url text := 'http://supabase_kong_chat:8000';
      service_role_key text := '{local}'; -- full access for the storage call
    begin
      perform net.http_delete(project_url || '/storage/v1/object/' || bucket || '/' || object);
    end;
    $$;
    """
    (tmp_path / "supabase" / "migrations").mkdir(parents=True)
    (tmp_path / "supabase" / "migrations" / "20240101000000_setup.sql").write_text(textwrap.dedent(migration))
    result = run(ScanOptions(paths=(tmp_path,)))
    assert [f.rule_id for f in result.findings if f.rule_id == "BA-101"] == []
    # A hosted project's service role key in the same place is reported.
    (tmp_path / "supabase" / "migrations" / "20240101000000_setup.sql").write_text(
        textwrap.dedent(migration.replace(local, hosted))
    )
    result = run(ScanOptions(paths=(tmp_path,)))
    assert [f.kind for f in result.findings if f.rule_id == "BA-101"] == ["jwt"]


# ---------------------------------------------------------------- a test suite's names for its credentials


@pytest.mark.parametrize(
    "line",
    [
        # A variable named for the credential, its first word with a digit; a constant's name as the value.
        "        secretAccessKey: s3SecretAccessKey,",
        "    endpointA.password = 'PASSWORD_A';",
        # A test's labels for tokens: words joined by separators.
        "        TOKEN: 'replayed-secret:openai-key',",
        "      expect(state?.environment).toEqual({ TOKEN: 'credential-1:openai-key' });",
        # A JSON string's stand-in pair.
        """      '{"boxAppSettings":{"clientID":"id,with,comma","clientSecret":"secret=value"}}';""",
    ],
)
def test_a_test_suites_names_for_credentials_are_no_secrets(detectors: DetectorSet, line: str) -> None:
    assert detectors.scan_text(line + "\n") == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # A random run after a constant's prefix, a token with random parts, a password chosen of words.
        ("    apiKey: 'KEY_7F3A9B2C4D5E6F70',", "KEY_7F3A9B2C4D5E6F70"),
        ("        TOKEN: 'x9f-Qm2v8Lp4-abcd',", "x9f-Qm2v8Lp4-abcd"),
        ("    endpointA.password = 'Tr0ub4dor&3';", "Tr0ub4dor&3"),
    ],
)
def test_values_beside_those_names_are_still_found(detectors: DetectorSet, line: str, value: str) -> None:
    assert [h.value for h in detectors.scan_text(line + "\n")] == [value]


# ------------------------------------------------------------------------------- Sign in with Slack

_SIGN_IN_MANIFEST = """\
display_information:
  name: team-portal-login
features:
  app_home:
    messages_tab_enabled: false
oauth_config:
  redirect_urls:
    - https://portal.example.com/slack/oauth_redirect
  scopes:
    user:
{scopes}
settings:
  token_rotation_enabled: false
"""

_SIGN_IN_APP = """\
import os

from flask import Flask
from slack_sdk.oauth import OpenIDConnectAuthorizeUrlGenerator

client_secret = os.environ["SLACK_CLIENT_SECRET"]
app = Flask(__name__)


@app.route("/slack/install")
def start():
    urls = OpenIDConnectAuthorizeUrlGenerator(client_id=os.environ["SLACK_CLIENT_ID"], scopes=["openid"])
    return urls.generate()
"""


@pytest.mark.parametrize(
    ("scopes", "rules"),
    [
        # Sign in with Slack: each person signs in as themself and the token reads only their profile.
        (["openid", "email", "profile"], set()),
        # A user token that reads the workspace acts as whoever installed the app.
        (["openid", "channels:history"], {"BA-701", "BA-704"}),
    ],
)
def test_a_sign_in_with_slack_app_holds_no_persons_shared_token(
    tmp_path: Path, scopes: list[str], rules: set[str]
) -> None:
    listed = "\n".join(f"      - {s}" for s in scopes)
    (tmp_path / "portal").mkdir()
    (tmp_path / "portal" / "app_manifest.yml").write_text(_SIGN_IN_MANIFEST.format(scopes=listed))
    (tmp_path / "portal" / "app.py").write_text(_SIGN_IN_APP)
    result = run(ScanOptions(paths=(tmp_path,)))
    assert {f.rule_id for f in result.findings if f.rule_id in ("BA-701", "BA-704")} == rules


# -------------------------------------------------------------------- an SDK's stand-ins for its keys


@pytest.mark.parametrize(
    "value",
    [
        # What to put there, a word with a digit in it (`0x`, `3rd`).
        "your-0x-api-key",
        "your-3rd-party-token",
        # A UUID whose last group is a word: written by hand where a key goes.
        "4b1d9e27-83ac-4f0e-b612-documentation",
    ],
)
def test_an_sdks_stand_ins_for_its_keys(value: str) -> None:
    assert classify_value(value, "apiKey") is ValueClass.PLACEHOLDER


@pytest.mark.parametrize(
    "value",
    [
        # A random UUID (all hex), and random characters after `your`.
        "4b1d9e27-83ac-4f0e-b612-9c0d5e7fa13b",
        "your-Xk8vQ2mZr5Lxq9Tw",
    ],
)
def test_keys_beside_those_stand_ins_are_still_keys(value: str) -> None:
    assert classify_value(value, "apiKey") is ValueClass.SECRET_CANDIDATE


# ------------------------------------------------------------------ an API description is no MCP config

_OPENAPI = """\
openapi: 3.0.3
info:
  title: Delegation API
  version: 1.0.0
servers:
  - url: https://{host}
    description: The proxy
    variables:
      host:
        default: proxy.example.com
paths: {}
components:
  securitySchemes:
    proxyKey:
      type: apiKey
      in: header
      name: X-Proxy-Key
security:
  - proxyKey: []
"""


def test_an_openapi_documents_servers_are_no_mcp_servers(tmp_path: Path) -> None:
    (tmp_path / "openapi").mkdir()
    (tmp_path / "openapi" / "delegate.yaml").write_text(_OPENAPI)
    assert [a.name for a in run(ScanOptions(paths=(tmp_path,))).agents] == []
    # VS Code's MCP configuration uses the same key for its servers.
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "mcp.json").write_text(
        json.dumps({"servers": {"tickets": {"type": "http", "url": "https://mcp.example.com/mcp"}}})
    )
    assert [a.name for a in run(ScanOptions(paths=(tmp_path,))).agents] == ["tickets"]


# ------------------------------------------------------------- a framework's docs build no agent


_CREW_PAGE = """\
---
title: Customizing prompts
---

Give each agent a role, a goal and a backstory:

```python
from crewai import Agent, Crew

researcher = Agent(
    role="Market researcher",
    goal="Find what customers ask for",
    backstory="Ten years of surveys",
)
```
"""

_CREW_CODE = """\
from crewai import Agent, Crew

researcher = Agent(
    role="Market researcher",
    goal="Find what customers ask for",
    backstory="Ten years of surveys",
)
crew = Crew(agents=[researcher], tasks=[])
"""


def test_a_frameworks_docs_pages_build_no_agent(tmp_path: Path) -> None:
    for lang in ("en", "ko", "pt-BR"):
        for page in ("guides/advanced/customizing-prompts.mdx", "concepts/agents.mdx"):
            path = tmp_path / "docs" / lang / page
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_CREW_PAGE)
    (tmp_path / "README.md").write_text(_CREW_PAGE)
    assert [a.name for a in run(ScanOptions(paths=(tmp_path,))).agents] == []
    # The same crew in the project's source is one.
    (tmp_path / "src" / "market").mkdir(parents=True)
    (tmp_path / "src" / "market" / "crew.py").write_text(_CREW_CODE)
    assert [(a.name, a.kind) for a in run(ScanOptions(paths=(tmp_path,))).agents] == [("market", "crewai")]
