"""GitHub Apps as agents: registrations (Probot's app.yml, app manifests), Probot projects and apps built in
code (Octokit, PyGithub, githubkit) are multi-user agents on GitHub; installation tokens from the app's
private key are one app identity (client_certificate), user access tokens are per user (on_behalf_of); a
registration's permissions become the code collector's identity and reach, judged by BA-602."""

from __future__ import annotations

import base64
import json
import textwrap
from pathlib import Path

import pytest

from auditor.discovery.walk import FileEntry
from auditor.extract import scan_file
from auditor.extract.detectors import DetectorSet
from auditor.extract.iac_marks import iac_kind
from auditor.github_apps import capabilities, registration_permissions
from auditor.model import AccessLevel, AuthModel, Capability, FileScan, Platform, ScanResult
from auditor.scan import ScanOptions, run

KEY = "test-key"

PROBOT_APP_YML = """\
# Registration defaults: Probot registers the app with these when you follow the link it prints.
name: Dependency Steward
description: Opens pull requests that pin actions and bumps lockfiles.
url: https://github.com/quarry-ops/dependency-steward
public: true
default_events:
  - push
  - pull_request
default_permissions:
  contents: write
  pull_requests: write
  workflows: write
  metadata: read
  members: read
"""

MANIFEST_JSON = {
    "name": "ci-doctor",
    "url": "https://ci-doctor.quarry-ops.dev",
    "hook_attributes": {"url": "https://ci-doctor.quarry-ops.dev/github/events"},
    "redirect_url": "https://ci-doctor.quarry-ops.dev/setup/done",
    "public": False,
    "default_permissions": {"checks": "write", "actions": "read", "administration": "write"},
    "default_events": ["check_suite", "workflow_run"],
}

SETTINGS_YML = """\
repository:
  name: ledger
  private: true
teams:
  - name: sre
    permission: admin
branches:
  - name: main
    protection:
      enforce_admins: true
"""

PROBOT_JS = """\
import { createNodeMiddleware, createProbot } from "probot";
import app from "../../../index.js";

export default createNodeMiddleware(app, { probot: createProbot(), webhooksPath: "/api/github/webhooks" });
"""

OCTOKIT_TS = """\
import { App } from "@octokit/app";
import { readFileSync } from "node:fs";

export const app = new App({
  appId: Number(process.env.APP_ID),
  privateKey: readFileSync(process.env.PRIVATE_KEY_PATH!, "utf8"),
  webhooks: { secret: process.env.WEBHOOK_SECRET! },
});
"""

AUTH_APP_TS = """\
import { Octokit } from "@octokit/rest";
import { createAppAuth } from "@octokit/auth-app";

const octokit = new Octokit({
  authStrategy: createAppAuth,
  auth: { appId: process.env.APP_ID, privateKey: process.env.PRIVATE_KEY, installationId: 4471 },
});
"""

PYGITHUB = """\
import os

from github import Auth, GithubIntegration

auth = Auth.AppAuth(int(os.environ["APP_ID"]), os.environ["APP_PRIVATE_KEY"])
integration = GithubIntegration(auth=auth)
"""

GITHUBKIT = """\
from githubkit import AppInstallationAuthStrategy, GitHub

github = GitHub(AppInstallationAuthStrategy(APP_ID, PRIVATE_KEY, INSTALLATION_ID))
"""

USER_TO_SERVER_TS = """\
import { App } from "@octokit/app";

const gh = new App({ appId, privateKey, oauth: { clientId, clientSecret } });

export async function callback(code: string) {
  const octokit = await gh.oauth.getUserOctokit({ code });
  return octokit.request("GET /user/repos");
}
"""

USER_TO_SERVER_PY = """\
from github import Auth, Github, GithubIntegration

integration = GithubIntegration(auth=Auth.AppAuth(APP_ID, KEY))
app = integration.get_oauth_application(CLIENT_ID, CLIENT_SECRET)

def as_user(code):
    token = app.get_access_token(code)
    return Github(auth=app.get_app_user_auth(token))
"""


def scan(tmp_path: Path, rel: str, content: str) -> FileScan:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return scan_file(FileEntry(path, rel, len(content.encode())), DetectorSet.load(), fingerprint_key=KEY)


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def hints(result: FileScan) -> list[tuple[str, str, int]]:
    return [(h.kind, h.name, h.location.line) for h in result.manifests]


# -- recognition ---------------------------------------------------------------------------------------------


def test_probot_app_yml_and_an_app_manifest_are_registrations(tmp_path: Path) -> None:
    (app,) = scan(tmp_path, "steward/app.yml", PROBOT_APP_YML).manifests
    assert (app.kind, app.name, app.location.line) == ("github_app_manifest", "Dependency Steward", 9)
    assert app.details["permissions"]["workflows"] == "write"
    assert app.details["events"] == ["pull_request", "push"]
    # A manifest JSON for the manifest flow may have any name: its registration keys make it one.
    (manifest,) = scan(tmp_path, "doctor/github-app.json", json.dumps(MANIFEST_JSON, indent=2)).manifests
    assert (manifest.kind, manifest.name) == ("github_app_manifest", "ci-doctor")


@pytest.mark.parametrize(
    ("rel", "content"),
    [
        # The Settings app's per-repository configuration: read by an app, not one.
        (".github/settings.yml", SETTINGS_YML),
        # Another tool's app.yml with its own `default_permissions` (levels GitHub does not have).
        ("backoffice/app.yml", "name: backoffice\ndefault_permissions:\n  invoices: view\n  refunds: none\n"),
        # GitHub's names and levels, but no registration key and not in app.yml.
        ("roles/defaults.yml", "default_permissions:\n  contents: read\n  issues: write\n"),
        # A default_permissions list (a Django model's Meta in YAML fixtures).
        ("fixtures/app.yml", "default_permissions: [add, change, delete]\n"),
    ],
)
def test_look_alike_files_are_no_registration(tmp_path: Path, rel: str, content: str) -> None:
    assert not scan(tmp_path, rel, content).manifests


def test_read_all_and_write_all_are_every_permission() -> None:
    assert registration_permissions({"default_permissions": "write-all", "default_events": []}, "x.json") == {
        "*": "write"
    }
    caps = capabilities({"*": "write"})
    assert Capability("github", "repo:*", "*", AccessLevel.ADMIN) in caps
    assert Capability("github", "org:*", "*", AccessLevel.ADMIN) in caps


def test_permissions_become_reach_ranked_by_what_they_control() -> None:
    caps = capabilities(
        {"administration": "write", "contents": "write", "metadata": "read", "members": "read"}
    )
    assert caps == {
        Capability("github", "repo:*", "administration", AccessLevel.ADMIN),
        Capability("github", "repo:*", "contents", AccessLevel.WRITE),
        Capability("github", "repo:*", "metadata", AccessLevel.LIST),
        Capability("github", "org:*", "members", AccessLevel.READ),
    }


@pytest.mark.parametrize(
    ("rel", "code", "framework", "line"),
    [
        ("api/github/webhooks/index.js", PROBOT_JS, "probot", 4),
        ("bot/src/app.ts", OCTOKIT_TS, "octokit", 4),
        ("bot/src/client.ts", AUTH_APP_TS, "octokit", 5),
        ("bot/release.py", PYGITHUB, "pygithub", 5),
        ("bot/ci_doctor.py", GITHUBKIT, "githubkit", 3),
        (
            "bot/const.cjs",
            "const { Probot, run } = require('probot');\nrun(require('./app'));\n",
            "probot",
            1,
        ),
    ],
)
def test_an_app_built_in_code_is_an_agent(
    tmp_path: Path, rel: str, code: str, framework: str, line: int
) -> None:
    (hint,) = scan(tmp_path, rel, code).manifests
    assert (hint.kind, hint.location.line, hint.details["framework"]) == ("github_app", line, framework)
    assert hint.details["user_auth"] is False


@pytest.mark.parametrize(
    "rel,code", [("web/src/auth.ts", USER_TO_SERVER_TS), ("web/login.py", USER_TO_SERVER_PY)]
)
def test_user_access_tokens_are_seen(tmp_path: Path, rel: str, code: str) -> None:
    (hint,) = scan(tmp_path, rel, code).manifests
    assert hint.kind == "github_app" and hint.details["user_auth"] is True


@pytest.mark.parametrize(
    ("rel", "code"),
    [
        # PyGithub with a personal token: a client, not an app.
        ("tools/sync.py", "from github import Auth, Github\n\ngh = Github(auth=Auth.Token(TOKEN))\n"),
        # Another framework's App( beside an Octokit client.
        (
            "ui/main.ts",
            'import { Octokit } from "@octokit/rest";\nimport { App } from "./ui";\nnew App({});\n',
        ),
        # The import left in a comment, and the app in a Python docstring.
        ("bot/old.js", '// import { App } from "@octokit/app";\nconst app = new App({ appId });\n'),
        (
            "lib/helpers.py",
            'from github import GithubIntegration\n\ndef f():\n    """Example:\n\n'
            '    gi = GithubIntegration(auth=a)\n    """\n',
        ),
        # A test builds apps to exercise them; a README shows how.
        ("test/app.test.ts", OCTOKIT_TS),
        ("README.md", "```ts\n" + OCTOKIT_TS + "```\n"),
    ],
)
def test_code_look_alikes_are_no_app(tmp_path: Path, rel: str, code: str) -> None:
    assert not scan(tmp_path, rel, code).manifests, rel


def test_lookalikes_on_one_long_line_cost_a_bounded_number_of_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `new App(` 20,000 times inside a string of a file importing Octokit: only the first few candidates are
    # judged, and no traceback.
    from auditor.extract import text as text_module

    calls = [0]
    inside = text_module._inside_string

    def counted(text: str, at: int) -> bool:
        calls[0] += 1
        return inside(text, at)

    monkeypatch.setattr(text_module, "_inside_string", counted)
    code = 'import { App } from "@octokit/app";\nconst x = "' + "new App(" * 20_000 + '";\n'
    assert not scan(tmp_path, "bot/app.ts", code).manifests
    assert calls[0] <= text_module._CONSTRUCTOR_CANDIDATES
    calls[0] = 0
    imports = 'import { App } from "@octokit/app";\n' * 20_000
    assert not scan(tmp_path, "bot/many.ts", imports).manifests
    assert calls[0] == 0


@pytest.mark.parametrize(
    "content",
    [
        "default_permissions: {contents: [write], issues: {a: 1}}\nname: x\n",
        "default_permissions: 12\nname: [1, 2]\n",
        "name: x\ndefault_permissions:\n" + "".join(f"  p{i}: write\n" for i in range(5000)),
        "default_permissions:\n  contents: write\nname: " + "a" * 100_000 + "\n",
        "{" * 5000,
    ],
)
def test_hostile_registrations_give_no_traceback(tmp_path: Path, content: str) -> None:
    write(tmp_path, {"app.yml": content})
    result = run(ScanOptions(paths=(tmp_path,)))
    assert result.coverage is not None


def test_iac_marks_only_registrations() -> None:
    assert iac_kind("app.yml", "yaml", PROBOT_APP_YML.encode()) == "github_app"
    assert iac_kind("github-app.json", "json", json.dumps(MANIFEST_JSON).encode()) == "github_app"
    assert iac_kind(".github/settings.yml", "yaml", SETTINGS_YML.encode()) is None


# -- the scan: agents, auth models, identities, rules --------------------------------------------------------


def _agent(result: ScanResult, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in result.agents if a.name == name)


def _github(agent) -> tuple[AuthModel, str]:  # type: ignore[no-untyped-def]
    (conn,) = [c for c in agent.connections if c.platform is Platform.GITHUB]
    return conn.auth_model, conn.reason


def test_a_probot_app_is_one_multi_user_agent_acting_as_the_app(tmp_path: Path) -> None:
    write(
        tmp_path / "steward",
        {
            "app.yml": PROBOT_APP_YML,
            "package.json": json.dumps(
                {"name": "dependency-steward", "dependencies": {"probot": "^13.3.0"}}, indent=2
            ),
            "index.js": "export default (app) => {\n  app.on('push', async (context) => {});\n};\n",
            # Vercel's entry point, in a folder of its own: the same app, not a second one.
            "api/github/webhooks/index.js": PROBOT_JS,
            ".env.example": (
                "APP_ID=\nPRIVATE_KEY_PATH=./steward.private-key.pem\nWEBHOOK_SECRET=development\n"
            ),
        },
    )
    result = run(ScanOptions(paths=(tmp_path,)))
    (agent,) = result.agents
    assert (agent.name, agent.kind, agent.multi_user) == ("steward", "github_app", True)
    model, reason = _github(agent)
    assert model is AuthModel.CLIENT_CERTIFICATE
    assert "private key" in reason and "steward/app.yml:9" in reason
    # The PEM path is a reference to the key file, not a secret.
    assert not [s for s in result.secrets if s.location.path.endswith(".env.example")]
    assert any(r.target == "./steward.private-key.pem" for r in result.references)
    # The registration is the app's identity: its permissions as reach, anchored at the declaring line.
    (snap,) = [s for s in result.snapshots if s.platform is Platform.GITHUB]
    (ident,) = snap.identities
    assert (ident.id, ident.kind) == ("github_app:dependency-steward", "app_installation_token")
    assert ident.attributes["provenance"]["line"] == 9
    assert ident.attributes["repositories_known"] is False
    assert Capability("github", "repo:*", "workflows", AccessLevel.ADMIN) in snap.reach[ident.id]
    assert [(r.agent, r.identity_id) for r in result.resolutions] == [("steward", ident.id)]
    by_rule = {f.rule_id: f for f in result.findings}
    assert by_rule["BA-602"].evidence["permissions"] == ["workflows: write"]
    anchor = by_rule["BA-602"].location
    assert anchor is not None and (anchor.path, anchor.line) == ("steward/app.yml", 9)
    assert "BA-108" in by_rule  # a multi-user front end acting app-only on GitHub
    not_evaluated = {(n.rule_id, n.subject) for n in result.coverage.not_evaluated}
    assert ("BA-605", ident.id) in not_evaluated  # repositories and their protection exist only on GitHub


def test_write_all_is_flagged_by_ba602(tmp_path: Path) -> None:
    write(tmp_path, {"app.yml": "name: Everything\ndefault_permissions: write-all\n"})
    result = run(ScanOptions(paths=(tmp_path,)))
    (finding,) = [f for f in result.findings if f.rule_id == "BA-602"]
    assert finding.evidence["permissions"] == ["every permission (write-all)"]


def test_an_app_without_control_permissions_is_not_flagged_by_ba602(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"app.yml": "name: Greeter\ndefault_events: [issues]\ndefault_permissions:\n  issues: write\n"},
    )
    result = run(ScanOptions(paths=(tmp_path,)))
    assert "BA-602" not in {f.rule_id for f in result.findings}
    assert result.agents[0].name == "Greeter"  # at the scan root, named by its registration


def test_an_app_acting_for_signed_in_users_is_per_user(tmp_path: Path) -> None:
    write(tmp_path / "dash", {"src/web.ts": USER_TO_SERVER_TS, "package.json": '{"name": "dash"}'})
    result = run(ScanOptions(paths=(tmp_path,)))
    (agent,) = result.agents
    model, reason = _github(agent)
    assert model is AuthModel.ON_BEHALF_OF and "access token (ghu_" in reason
    assert "BA-108" not in {f.rule_id for f in result.findings}


@pytest.mark.parametrize(
    ("rel", "code"),
    [("bot/src/app.ts", OCTOKIT_TS), ("bot/release.py", PYGITHUB), ("bot/ci_doctor.py", GITHUBKIT)],
)
def test_apps_in_code_act_as_the_app(tmp_path: Path, rel: str, code: str) -> None:
    write(tmp_path, {rel: code})
    (agent,) = run(ScanOptions(paths=(tmp_path,))).agents
    assert (agent.kind, agent.multi_user) == ("github_app", True)
    assert _github(agent)[0] is AuthModel.CLIENT_CERTIFICATE


def test_an_inline_private_key_is_a_secret_and_never_leaks(tmp_path: Path) -> None:
    body = "\\n".join(textwrap.wrap(base64.b64encode(bytes(range(256)) * 4).decode(), 64))
    pem = f"-----BEGIN RSA PRIVATE KEY-----\\n{body}\\n-----END RSA PRIVATE KEY-----\\n"
    write(tmp_path, {"app.yml": PROBOT_APP_YML, ".env": f'APP_ID=88123\nPRIVATE_KEY="{pem}"\n'})
    result = run(ScanOptions(paths=(tmp_path,)))
    flagged = [f for f in result.findings if f.rule_id == "BA-101"]
    assert flagged and flagged[0].location is not None and flagged[0].location.path == ".env"
    assert body[:40] not in repr(result.findings) and body[:40] not in repr(result.agents)


def test_a_declared_app_beside_a_live_github_view_is_no_drift(tmp_path: Path) -> None:
    # The live collector sees only the tokens it was given: an app declared in the repository and absent
    # there is kept (with its reach), never reported as missing on GitHub.
    from datetime import UTC, datetime

    from auditor.clock import FixedClock
    from auditor.collectors.code import CodeSource, collect_code
    from auditor.model import Identity, Snapshot
    from auditor.reconcile import reconcile

    write(tmp_path, {"app.yml": PROBOT_APP_YML})
    now = datetime(2026, 12, 6, tzinfo=UTC)
    code, skipped = collect_code(
        [CodeSource("app.yml", tmp_path / "app.yml", "github_app")], baselines={}, clock=FixedClock(now)
    )
    assert not skipped
    token = Identity(Platform.GITHUB, "token:abc", "ci-bot (classic_pat)", "classic_pat", {"owner": "ci-bot"})
    live = Snapshot(
        Platform.GITHUB, now, "https://api.github.com", identities=(token,), reach={"token:abc": frozenset()}
    )
    merged = reconcile({Platform.GITHUB: live}, code)[Platform.GITHUB]
    assert {i.id for i in merged.identities} == {"token:abc", "github_app:dependency-steward"}
    assert merged.reach["github_app:dependency-steward"]
    assert not merged.facts.get("drift")


def test_a_github_apps_own_key_decides_beside_its_release_workflow(tmp_path: Path) -> None:
    # A Probot app at the repository's root with the release workflow most such repositories carry: the
    # workflow's `${{ secrets.GITHUB_TOKEN }}` is the job's token, not how the running app reaches GitHub.
    release = (
        "name: release\non:\n  push:\n    branches: [main]\njobs:\n  release:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n      - run: npx semantic-release\n"
        "        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n"
        "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n"
    )
    write(
        tmp_path,
        {
            "app.yml": PROBOT_APP_YML,
            "package.json": json.dumps({"name": "dependency-steward", "dependencies": {"probot": "^13"}}),
            "index.js": "export default (app) => {\n  app.on('push', async (context) => {});\n};\n",
            ".github/workflows/release.yml": release,
        },
    )
    result = run(ScanOptions(paths=(tmp_path,)))
    apps = [a for a in result.agents if a.kind == "github_app"]
    assert len(apps) == 1
    model, reason = _github(apps[0])
    assert model is AuthModel.CLIENT_CERTIFICATE, reason
    assert "GITHUB_TOKEN" not in reason
