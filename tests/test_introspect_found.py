"""`scan --introspect-found`: GitHub and Slack tokens found in files are introspected, read-only, on request.

Against the TLS stand-ins: with the flag a found token gets its identity and gap (joined by the finding's own
fingerprint) though nothing names it; without it no found token is ever sent; a refused token is a fact in
coverage (not a crash, not a partial platform); each token is introspected once; and no value reaches a
report, a snapshot, a repr or the terminal.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.clock import FixedClock
from auditor.collectors.github import GitHubCollector
from auditor.collectors.interface import Collector, FoundToken
from auditor.collectors.slack import SlackCollector
from auditor.extract.validators import base62_crc32
from auditor.model import Platform, ScanResult
from auditor.report import render
from auditor.scan import ScanOptions, run
from auditor.snapshot import dumps_snapshot
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
# Well-formed (checksum included) but unknown to the stand-ins: what a revoked token answers.
_ENTROPY = "Zq4RevokedTokenForTests0000xy"[:30].ljust(30, "0")
REVOKED_GH = "ghp_" + _ENTROPY + base62_crc32(_ENTROPY)
REVOKED_SLACK = "xoxb-541882002087-2335525137791-RevokedTokenForTests00x"
VALUES = (DEMO_MCP_TOKEN, DEMO_BOT_TOKEN, REVOKED_GH, REVOKED_SLACK, DEMO_AUDIT_TOKEN)


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[GitHubStandIn, SlackStandIn]]:
    with GitHubStandIn(demo_world(NOW)) as gh, SlackStandIn(demo_workspace()) as slack:
        yield gh, slack


@pytest.fixture(autouse=True)
def _clean(servers: tuple[GitHubStandIn, SlackStandIn]) -> None:
    for server in servers:
        server.reset()


def estate(root: Path, gh: GitHubStandIn, slack: SlackStandIn, *, extra_config: str = "") -> Path:
    """An MCP server with a GitHub PAT and a Slack bot with its token; no collector setting names either."""
    (root / "mcp").mkdir(parents=True)
    server = {"command": "npx", "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": DEMO_MCP_TOKEN}}
    (root / "mcp" / "mcp.json").write_text(json.dumps({"mcpServers": {"github": server}}), encoding="utf-8")
    (root / "bot").mkdir()
    (root / "bot" / ".env").write_text(f"SLACK_BOT_TOKEN={DEMO_BOT_TOKEN}\n", encoding="utf-8")
    (root / "botaudit.yaml").write_text(
        f"""version: 1
agents:
  - name: sales-bot
    paths: ["bot/**"]
    kind: slack_bot
baseline:
  github: {DEMO_JUNIOR}
  slack: {DEMO_JUNIOR_ID}
collectors:
  github:
    api_url: {gh.api_url}
    ca_bundle: {gh.ca_bundle}
    token_env: AUDIT_GH
    orgs: [{DEMO_ORG}]
  slack:
    api_url: {slack.api_url}
    ca_bundle: {slack.ca_bundle}
    token_env: NO_SUCH_SLACK_TOKEN_VAR
{extra_config}""",
        encoding="utf-8",
    )
    return root


ENV = {"AUDIT_GH": DEMO_AUDIT_TOKEN}


def factory(env: dict[str, str]) -> object:
    def make(platform: Platform) -> Collector:
        if platform is Platform.GITHUB:
            return GitHubCollector(environ=env, sleep=lambda _s: None)
        return SlackCollector(environ=env, sleep=lambda _s: None)

    return make


def scan(root: Path, *, flag: bool, connect: tuple[Platform, ...] = (Platform.GITHUB, Platform.SLACK),
         env: dict[str, str] | None = None) -> ScanResult:  # fmt: skip
    options = ScanOptions(
        paths=(root,),
        config_path=root / "botaudit.yaml",
        connect=connect,
        jobs=1,
        introspect_found=flag,
        collector_factory=factory(ENV if env is None else env),  # type: ignore[arg-type]
    )
    return run(options, clock=FixedClock(NOW))


def sent(server: GitHubStandIn | SlackStandIn, token: str) -> list[str]:
    """The paths of the requests that carried `token`."""
    return [r.path for r in server.log if r.authorization.endswith(token)]


def no_value_in(result: ScanResult) -> None:
    texts = [render(fmt, result) for fmt in ("json", "sarif", "markdown", "table", "html")]
    texts += [dumps_snapshot(s) for s in result.snapshots]
    texts += [repr(result)]
    for text in texts:
        for value in VALUES:
            assert value not in text, f"a token ({value[:4]}…) leaked"


def test_found_tokens_get_identity_and_gap_with_the_flag(
    servers: tuple[GitHubStandIn, SlackStandIn], tmp_path: Path
) -> None:
    gh, slack = servers
    result = scan(estate(tmp_path, gh, slack), flag=True)
    joined = {(r.agent, r.platform.value, r.via) for r in result.resolutions}
    assert ("github", "github", "github_pat fingerprint") in joined
    assert ("sales-bot", "slack", "slack_bot_token fingerprint") in joined
    gaps = {(g.agent, g.platform.value): g for g in result.gaps}
    assert len(gaps[("github", "github")].extra) > 0
    assert len(gaps[("sales-bot", "slack")].extra) > 0
    # The identity carries the finding's fingerprint and where it was found, never the value.
    gh_snap = next(s for s in result.snapshots if s.platform is Platform.GITHUB)
    found = next(i for i in gh_snap.identities if i.attributes.get("found_at"))
    assert found.attributes["found_at"].startswith("mcp/mcp.json:")
    assert found.attributes["owner"] == "dana-eng" and found.attributes["env"] is None
    secret = next(s for a in result.agents for s in a.secrets if s.kind == "github_pat")
    assert found.id == f"token:{secret.fingerprint}"
    assert gh_snap.facts["found_tokens"] == {"introspected": 1, "invalid": []}
    # The same read-only calls as a configured token, counted in the platform's requests.
    assert {"/api/v3/user", "/api/v3/user/repos"} <= set(sent(gh, DEMO_MCP_TOKEN))
    assert gh.methods <= {"GET", "POST"} and all(
        r.method == "GET" for r in gh.log if r.path != "/api/graphql"
    )
    assert gh_snap.requests == len(gh.log)
    assert "auth.test" in {p.rsplit("/", 1)[-1] for p in sent(slack, DEMO_BOT_TOKEN)}
    assert not [s for s in result.coverage.skipped if s.category == "not_joined"]
    assert result.parameters["introspect_found"] == ["github", "slack"]
    no_value_in(result)


def test_without_the_flag_no_found_token_is_sent(
    servers: tuple[GitHubStandIn, SlackStandIn], tmp_path: Path
) -> None:
    gh, slack = servers
    result = scan(estate(tmp_path, gh, slack), flag=False, connect=(Platform.GITHUB,))
    assert sent(gh, DEMO_MCP_TOKEN) == []
    assert gh.count("/user") > 0  # the audit token itself was read
    assert slack.log == []
    note = next(s for s in result.coverage.skipped if s.category == "not_joined")
    assert note.source == "github:github" and "--introspect-found" in note.reason
    assert "introspect_found" not in result.parameters
    no_value_in(result)


def test_a_refused_found_token_is_a_fact_not_a_failure(
    servers: tuple[GitHubStandIn, SlackStandIn], tmp_path: Path
) -> None:
    gh, slack = servers
    root = estate(tmp_path, gh, slack)
    (root / "old").mkdir()
    (root / "old" / ".env").write_text(
        f"GITHUB_TOKEN={REVOKED_GH}\nSLACK_BOT_TOKEN={REVOKED_SLACK}\n", encoding="utf-8"
    )
    result = scan(root, flag=True)
    refused = [s for s in result.coverage.skipped if s.category == "credential_invalid"]
    assert {s.source.split(":", 1)[0] for s in refused} == {"github", "slack"}
    assert all("old/.env:" in s.source and "revoked" in s.reason for s in refused)
    gh_snap = next(s for s in result.snapshots if s.platform is Platform.GITHUB)
    assert len(gh_snap.facts["found_tokens"]["invalid"]) == 1
    # Examined and answered: nothing left unread, no "not joined" note for the dead tokens, coverage complete.
    assert not result.coverage.platforms_partial
    assert not [s for s in result.coverage.skipped if s.category == "not_joined"]
    assert result.coverage.complete, result.coverage.gaps
    # The live tokens beside them still joined.
    assert {r.platform.value for r in result.resolutions if r.via.endswith("fingerprint")} >= {
        "github",
        "slack",
    }
    no_value_in(result)


def test_only_refused_found_slack_tokens_still_collect(
    servers: tuple[GitHubStandIn, SlackStandIn], tmp_path: Path
) -> None:
    gh, slack = servers
    root = estate(tmp_path, gh, slack)
    (root / "bot" / ".env").write_text(f"SLACK_BOT_TOKEN={REVOKED_SLACK}\n", encoding="utf-8")
    result = scan(root, flag=True, connect=(Platform.SLACK,))
    assert result.coverage.platforms_collected == ("slack",)
    snap = result.snapshots[0]
    assert snap.identities == () and snap.unread == () and snap.requests >= 1
    assert [s.category for s in snap.coverage] == ["credential_invalid"]


def test_each_found_token_is_introspected_once(
    servers: tuple[GitHubStandIn, SlackStandIn], tmp_path: Path
) -> None:
    gh, slack = servers
    root = estate(tmp_path, gh, slack)
    # The same PAT in a second agent's file, and configured for introspection as well.
    (root / "agent2").mkdir()
    server = {"command": "npx", "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": DEMO_MCP_TOKEN}}
    (root / "agent2" / ".mcp.json").write_text(json.dumps({"mcpServers": {"gh2": server}}), encoding="utf-8")
    (root / "bot" / "settings.env").write_text(f"SLACK_BOT_TOKEN={DEMO_BOT_TOKEN}\n", encoding="utf-8")
    config = (root / "botaudit.yaml").read_text(encoding="utf-8")
    config = config.replace(
        "    token_env: AUDIT_GH\n", "    token_env: AUDIT_GH\n    tokens_env: [MCP_GH]\n"
    )
    (root / "botaudit.yaml").write_text(config, encoding="utf-8")
    result = scan(root, flag=True, env={**ENV, "MCP_GH": DEMO_MCP_TOKEN})
    assert sent(gh, DEMO_MCP_TOKEN).count("/api/v3/user") == 1
    assert [p for p in sent(slack, DEMO_BOT_TOKEN) if p.endswith("auth.test")] == ["/api/auth.test"]
    agents = {r.agent for r in result.resolutions if r.via == "github_pat fingerprint"}
    assert len(agents) == 2  # both agents join the one identity
    snap = next(s for s in result.snapshots if s.platform is Platform.GITHUB)
    assert len([i for i in snap.identities if i.id.startswith("token:")]) == 1
    assert snap.facts["found_tokens"]["introspected"] == 0  # the configured one was read, not again


def test_config_key_turns_it_on_per_platform(
    servers: tuple[GitHubStandIn, SlackStandIn], tmp_path: Path
) -> None:
    gh, slack = servers
    root = estate(tmp_path, gh, slack)
    config = (root / "botaudit.yaml").read_text(encoding="utf-8")
    config = config.replace("    orgs: [", "    introspect_found: true\n    orgs: [")
    (root / "botaudit.yaml").write_text(config, encoding="utf-8")
    result = scan(root, flag=False, connect=(Platform.GITHUB,))
    assert "/api/v3/user" in sent(gh, DEMO_MCP_TOKEN)
    assert result.parameters["introspect_found"] == ["github"]
    assert ("github", "github_pat fingerprint") in {(r.agent, r.via) for r in result.resolutions}


def test_found_token_never_printable_nor_picklable() -> None:
    token = FoundToken("github_pat", "0123456789abcdef", "a/b.json:3", DEMO_MCP_TOKEN)
    assert DEMO_MCP_TOKEN not in repr(token) and DEMO_MCP_TOKEN not in str(token)
    with pytest.raises(TypeError):
        pickle.dumps(token)


def cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "AUDIT_GH"}
    env["AUDIT_GH"] = DEMO_AUDIT_TOKEN
    return subprocess.run(
        [sys.executable, "-m", "auditor.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_flag_reports_without_values(servers: tuple[GitHubStandIn, SlackStandIn], tmp_path: Path) -> None:
    gh, slack = servers
    root = estate(tmp_path / "estate", gh, slack)
    out = tmp_path / "out"
    proc = cli(
        "scan", root, "--connect", "github,slack", "--introspect-found", "--no-progress",
        "--now", "2026-11-01", "--report", f"json:{out}.json", "--report", f"sarif:{out}.sarif",
        "--fail-on", "none", cwd=root,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    report = json.loads(Path(f"{out}.json").read_text(encoding="utf-8"))
    assert ("github", "github_pat fingerprint") in {(r["agent"], r["via"]) for r in report["resolutions"]}
    texts = [proc.stdout, proc.stderr, Path(f"{out}.json").read_text(), Path(f"{out}.sarif").read_text()]
    for text in texts:
        for value in VALUES:
            assert value not in text


def test_cli_flag_without_a_platform_that_takes_it_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("nothing\n", encoding="utf-8")
    proc = cli("scan", tmp_path, "--introspect-found", "--no-progress", cwd=tmp_path)
    assert proc.returncode == 2
    assert "--introspect-found needs --connect github and/or slack" in proc.stderr
    assert "Traceback" not in proc.stderr
