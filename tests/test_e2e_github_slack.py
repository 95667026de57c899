"""End to end through the CLI: an MCP server holding a GitHub token and a Slack bot, against the stand-ins.

botaudit runs as a subprocess, as a user runs it: `scan --connect github,slack` live (tokens in the
environment, the stand-ins' CAs via --ca-bundle and the collector setting), `collect` then `scan --snapshot`
offline, and missing tokens. The tokens sit in the agents' config files too: the scan joins them to their
identities by fingerprint alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.standins.github import (
    DEMO_AUDIT_TOKEN,
    DEMO_JUNIOR,
    DEMO_MCP_TOKEN,
    DEMO_ORG,
    GitHubStandIn,
    demo_world,
)
from tests.standins.slack import DEMO_BOT_TOKEN, DEMO_JUNIOR_ID, SlackStandIn, demo_workspace

NOW = datetime(2026, 11, 1, tzinfo=UTC)
SECRETS = (DEMO_AUDIT_TOKEN, DEMO_MCP_TOKEN, DEMO_BOT_TOKEN)


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[GitHubStandIn, SlackStandIn]]:
    with GitHubStandIn(demo_world(NOW)) as gh, SlackStandIn(demo_workspace()) as slack:
        yield gh, slack


def build(root: Path, gh: GitHubStandIn, slack: SlackStandIn, ca: str) -> None:
    (root / "mcp").mkdir(parents=True)
    (root / "mcp" / "mcp.json").write_text(
        json.dumps(
            {
                "mcpServers": {
                    "github": {
                        "command": "npx",
                        "args": ["-y", "@modelcontextprotocol/server-github"],
                        "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": DEMO_MCP_TOKEN},
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    (root / "bot").mkdir()
    (root / "bot" / ".env").write_text(f"SLACK_BOT_TOKEN={DEMO_BOT_TOKEN}\n", encoding="utf-8")
    (root / "botaudit.yaml").write_text(
        f"""version: 1
agents:
  - name: sales-bot
    paths: ["bot/**"]
    kind: slack_bot
    multi_user: true
baseline:
  github: {DEMO_JUNIOR}
  slack: {DEMO_JUNIOR_ID}
collectors:
  github:
    api_url: {gh.api_url}
    token_env: AUDIT_GH
    tokens_env: [AGENT_GH]
    orgs: [{DEMO_ORG}]
  slack:
    api_url: {slack.api_url}
    token_env: AGENT_SLACK
""",
        encoding="utf-8",
    )


def cli(*args: str | Path, cwd: Path, ca: str, tokens: bool = True) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AUDIT_", "AGENT_"))}
    if tokens:
        env.update({"AUDIT_GH": DEMO_AUDIT_TOKEN, "AGENT_GH": DEMO_MCP_TOKEN, "AGENT_SLACK": DEMO_BOT_TOKEN})
    proc = subprocess.run(
        [sys.executable, "-m", "auditor.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    for secret in SECRETS:
        assert secret not in proc.stdout and secret not in proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def live(
    servers: tuple[GitHubStandIn, SlackStandIn], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    gh, slack = servers
    root = tmp_path_factory.mktemp("estate")
    build(root, gh, slack, gh.ca_bundle)
    # One CA for both stand-ins is not possible (each has its own), so the GitHub CA goes through
    # --ca-bundle and Slack's through its collector setting, as a user behind two proxies would do.
    cfg = (root / "botaudit.yaml").read_text(encoding="utf-8")
    (root / "botaudit.yaml").write_text(cfg + f"    ca_bundle: {slack.ca_bundle}\n", encoding="utf-8")
    code, out, err = cli(
        "scan",
        root,
        "--connect",
        "github,slack",
        "--format",
        "json",
        "--no-progress",
        "--now",
        "2026-11-01",
        "--ca-bundle",
        gh.ca_bundle,
        cwd=root,
        ca=gh.ca_bundle,
    )
    return {"code": code, "report": json.loads(out), "err": err, "root": root}


def test_live_scan_collects_both_platforms(live: dict[str, Any]) -> None:
    report = live["report"]
    assert live["code"] == 1, live["err"]
    assert set(report["coverage"]["platforms_collected"]) == {"github", "slack"}
    assert report["coverage"]["complete"], report["coverage"]["skipped"]
    requests = report["coverage"]["platform_requests"]
    assert requests["github"] >= 9 and requests["slack"] >= 5


def test_tokens_join_their_identities_by_fingerprint(live: dict[str, Any]) -> None:
    joined = {(r["agent"], r["platform"], r["via"]) for r in live["report"]["resolutions"]}
    assert ("github", "github", "github_pat fingerprint") in joined
    assert ("sales-bot", "slack", "slack_bot_token fingerprint") in joined
    gaps = {(g["agent"], g["platform"]): g for g in live["report"]["gaps"]}
    assert gaps[("github", "github")]["extra_count"] > 0
    assert gaps[("sales-bot", "slack")]["extra_count"] > 0


def test_platform_rules_fire(live: dict[str, Any]) -> None:
    fired = {f["rule_id"] for f in live["report"]["findings"]}
    assert {"BA-601", "BA-602", "BA-603", "BA-605", "BA-606"} <= fired
    assert {"BA-703", "BA-704", "BA-705"} <= fired
    assert "BA-702" not in fired


def test_collect_then_scan_offline(servers: tuple[GitHubStandIn, SlackStandIn], live: dict[str, Any]) -> None:
    gh, slack = servers
    root: Path = live["root"]
    code, _, err = cli(
        "collect",
        "github",
        "--config",
        root / "botaudit.yaml",
        "-o",
        root / "gh.json",
        "--no-progress",
        "--ca-bundle",
        gh.ca_bundle,
        cwd=root,
        ca=gh.ca_bundle,
    )
    assert code == 0, err
    code, _, err = cli(
        "collect",
        "slack",
        "--config",
        root / "botaudit.yaml",
        "-o",
        root / "slack.json",
        "--no-progress",
        cwd=root,
        ca=gh.ca_bundle,
    )
    assert code == 0, err
    for name in ("gh.json", "slack.json"):
        text = (root / name).read_text(encoding="utf-8")
        assert all(secret not in text for secret in SECRETS)
    code, out, err = cli(
        "scan",
        root,
        "--snapshot",
        root / "gh.json",
        "--snapshot",
        root / "slack.json",
        "--format",
        "json",
        "--no-progress",
        cwd=root,
        ca=gh.ca_bundle,
        tokens=False,
    )
    offline = json.loads(out)
    assert code == 1, err
    assert {f["rule_id"] for f in offline["findings"]} >= {"BA-601", "BA-705"}


def test_no_token_is_incomplete_not_clean(
    live: dict[str, Any], servers: tuple[GitHubStandIn, SlackStandIn]
) -> None:
    gh, _ = servers
    root: Path = live["root"]
    code, out, err = cli(
        "scan",
        root / "mcp",
        "--config",
        root / "botaudit.yaml",
        "--connect",
        "github,slack",
        "--format",
        "json",
        "--no-progress",
        "--fail-on",
        "none",
        "--ca-bundle",
        gh.ca_bundle,
        cwd=root,
        ca=gh.ca_bundle,
        tokens=False,
    )
    assert code == 3, err
    report = json.loads(out)
    assert not report["coverage"]["complete"]
    assert "no token" in err


def test_partly_read_github_exits_3_and_says_so(
    live: dict[str, Any], servers: tuple[GitHubStandIn, SlackStandIn]
) -> None:
    gh, _ = servers
    root: Path = live["root"]
    token = gh.world.tokens[DEMO_AUDIT_TOKEN]
    saved = token.scopes
    token.scopes = ["repo"]  # no read:org: members, outside collaborators and installed apps are refused
    try:
        code, out, err = cli(
            "scan",
            root,
            "--connect",
            "github",
            "--format",
            "json",
            "--no-progress",
            "--fail-on",
            "none",
            "--ca-bundle",
            gh.ca_bundle,
            cwd=root,
            ca=gh.ca_bundle,
        )
    finally:
        token.scopes = saved
    assert code == 3, err
    assert "github only partly collected" in err
    report = json.loads(out)
    assert report["coverage"]["platforms_partial"] == ["github"]
    (collector,) = [c for c in report["collectors"] if c["platform"] == "github"]
    assert {"org_members", "outside_collaborators", "app_installations"} <= {
        u["part"] for u in collector["unread"]
    }
    # The gap against the junior is a lower bound now (their organisation role was not read), and BA-606,
    # which reads the members list, is not evaluated rather than judged on half the data.
    gap = next(g for g in report["gaps"] if g["platform"] == "github")
    assert gap["partial"]
    assert "BA-606" in {n["rule_id"] for n in report["coverage"]["not_evaluated"]}
