"""Zip archives in a scanned tree (discovery/archives.py): an MCP bundle's, a zipped Teams package's and a
Lambda bundle's members are scanned like files under `<archive>!/<member>`, within hard limits, and every
member that is not read is a coverage entry, never silence and never a traceback."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.discovery import archives
from auditor.discovery.walk import walk
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_file
from auditor.extract.validators import base62_crc32
from auditor.model import Agent, AuthModel, Platform, ScanResult, Skipped, split_member
from auditor.scan import ScanOptions, run


# Credentials built in code, so no file in the repository holds a token-shaped string.
def fake_pat(seed: str) -> str:
    body = hashlib.sha256(seed.encode()).hexdigest()[:30]
    return "ghp_" + body + base62_crc32(body)


def fake_generic(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:40]


def bundle_manifest(env: dict[str, str] | None = None) -> dict:  # type: ignore[type-arg]
    """A Claude Desktop extension that digests GitHub issues: each user types in their own token."""
    return {
        "manifest_version": "0.3",
        "name": "issue-digest",
        "display_name": "Issue Digest",
        "version": "2.0.4",
        "description": "Summarise and triage the issues of your repositories",
        "author": {"name": "Ilse Varga"},
        "server": {
            "type": "node",
            "entry_point": "server/main.js",
            "mcp_config": {
                "command": "node",
                "args": ["${__dirname}/server/main.js"],
                "env": env
                if env is not None
                else {"GITHUB_PERSONAL_ACCESS_TOKEN": "${user_config.gh_token}"},
            },
        },
        "user_config": {
            "gh_token": {
                "type": "string",
                "title": "GitHub token",
                "description": "A fine-grained token with read access to issues",
                "sensitive": True,
                "required": True,
            }
        },
    }


def make_zip(path: Path, members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, body in members.items():
            archive.writestr(name, body.encode() if isinstance(body, str) else body)
    return path


def scan(root: Path, **options: object) -> ScanResult:
    return run(ScanOptions(paths=(root,), jobs=1, **options))  # type: ignore[arg-type]


def notes(result: ScanResult) -> list[Skipped]:
    return list(result.coverage.skipped)


def note_for(result: ScanResult, source: str, category: str) -> Skipped:
    found = [s for s in notes(result) if s.source == source and s.category == category]
    assert found, [(s.source, s.category, s.reason) for s in notes(result)]
    return found[0]


def agents(result: ScanResult) -> dict[str, Agent]:
    return {a.name: a for a in result.agents}


def secret_paths(result: ScanResult) -> set[str]:
    return {m.location.path for f in result.files for m in f.secrets}


# -- an MCP bundle ------------------------------------------------------------------------------------------


def test_a_bundle_s_manifest_gives_the_same_agent_as_the_unpacked_file(tmp_path: Path) -> None:
    manifest = json.dumps(bundle_manifest(), indent=2)
    unpacked = tmp_path / "unpacked"
    (unpacked / "issue-digest").mkdir(parents=True)
    (unpacked / "issue-digest" / "manifest.json").write_text(manifest, encoding="utf-8")
    packed = tmp_path / "packed"
    make_zip(
        packed / "dist" / "issue-digest.mcpb",
        {"manifest.json": manifest, "server/main.js": "import { Server } from './lib.js';\n"},
    )

    plain = agents(scan(unpacked))["issue-digest"]
    bundled_result = scan(packed)
    bundled = agents(bundled_result)["issue-digest"]

    assert bundled.kind == plain.kind == "mcp_server"
    assert bundled.multi_user is plain.multi_user is False
    assert [(c.platform, c.auth_model) for c in bundled.connections] == [
        (c.platform, c.auth_model) for c in plain.connections
    ]
    assert [(c.platform, c.auth_model) for c in bundled.connections] == [
        (Platform.GITHUB, AuthModel.PERSONAL_TOKEN)
    ]
    assert bundled.root == "dist/issue-digest.mcpb!"  # the bundle is its own agent, named by its manifest
    assert "dist/issue-digest.mcpb!/manifest.json" in bundled.files
    scanned = {f.path: f for f in bundled_result.files}
    assert {r.target for r in scanned["dist/issue-digest.mcpb!/manifest.json"].references} == {"gh_token"}
    assert "dist/issue-digest.mcpb" not in scanned  # the archive itself is not a file: its members are
    assert not bundled_result.findings


def test_a_key_written_into_a_bundle_is_found_and_never_printed(tmp_path: Path) -> None:
    pat = fake_pat("bundle-env")
    generic = fake_generic("bundle-linear")
    manifest = bundle_manifest({"LINEAR_API_KEY": generic, "GITHUB_TOKEN": pat})
    make_zip(tmp_path / "release" / "issue-digest.dxt", {"manifest.json": json.dumps(manifest, indent=2)})

    result = scan(tmp_path)
    assert secret_paths(result) == {"release/issue-digest.dxt!/manifest.json"}
    agent = agents(result)["issue-digest"]
    (github,) = [c for c in agent.connections if c.platform is Platform.GITHUB]
    assert github.credential_fingerprints  # the written key, not each user's own
    assert any(
        f.location and f.location.path.startswith("release/issue-digest.dxt!/") for f in result.findings
    )

    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    done = runner.invoke(
        app,
        [
            "scan",
            str(tmp_path / "release"),
            "--no-progress",
            "--report",
            f"json:{out / 'r.json'}",
            "--report",
            f"sarif:{out / 'r.sarif'}",
            "--report",
            f"markdown:{out / 'r.md'}",
            "--report",
            f"html:{out / 'r.html'}",
        ],
    )
    assert done.exit_code == 1, done.output  # a gating finding, no traceback
    texts = [done.output, *(p.read_text(encoding="utf-8") for p in out.iterdir())]
    for text in texts:
        assert pat not in text and generic not in text
        assert pat[4:20] not in text and generic[:16] not in text

    sarif = json.loads((out / "r.sarif").read_text(encoding="utf-8"))
    located = [
        r
        for r in sarif["runs"][0]["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "issue-digest.dxt"
    ]
    assert located, [r["locations"] for r in sarif["runs"][0]["results"]]
    for result_ in located:  # the archive is the location; the member is named in the message
        assert result_["properties"]["archiveMember"] == "manifest.json"
        assert "(in archive member manifest.json, line " in result_["message"]["text"]
        assert result_["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


def test_a_single_bundle_given_as_the_scan_target(tmp_path: Path) -> None:
    target = make_zip(tmp_path / "issue-digest.mcpb", {"manifest.json": json.dumps(bundle_manifest())})
    result = scan(target)
    assert [f.path for f in result.files] == ["issue-digest.mcpb!/manifest.json"]
    assert [(c.platform, c.auth_model) for c in agents(result)["issue-digest"].connections] == [
        (Platform.GITHUB, AuthModel.PERSONAL_TOKEN)
    ]


# -- a zipped Teams app package --------------------------------------------------------------------------


def teams_manifest() -> dict:  # type: ignore[type-arg]
    return {
        "$schema": "https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json",
        "manifestVersion": "1.19",
        "version": "1.3.0",
        "id": "4b1d7e52-93c0-4e6a-a8f1-6c2d9e0b7a31",
        "developer": {
            "name": "Fabrikam Facilities",
            "websiteUrl": "https://facilities.fabrikam.example",
            "privacyUrl": "https://facilities.fabrikam.example/privacy",
            "termsOfUseUrl": "https://facilities.fabrikam.example/terms",
        },
        "name": {"short": "RoomFinder", "full": "Fabrikam room finder"},
        "description": {"short": "Book rooms", "full": "Find and book meeting rooms from Teams."},
        "icons": {"outline": "outline.png", "color": "color.png"},
        "accentColor": "#2255AA",
        "bots": [{"botId": "9a6c2f14-0d3b-4e87-b5a2-71f8c3e4d690", "scopes": ["personal", "team"]}],
        "validDomains": ["roomfinder.fabrikam.example"],
    }


def test_a_zipped_teams_package_belongs_to_the_project_that_built_it(tmp_path: Path) -> None:
    project = tmp_path / "roomfinder"
    secret = fake_generic("teams-bot-password")
    (project / "env").mkdir(parents=True)
    (project / "env" / ".env.dev").write_text(
        "BOT_ID=9a6c2f14-0d3b-4e87-b5a2-71f8c3e4d690\nSECRET_BOT_PASSWORD=" + secret + "\n", encoding="utf-8"
    )
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    make_zip(
        project / "appPackage" / "build" / "appPackage.dev.zip",
        {"manifest.json": json.dumps(teams_manifest(), indent=2), "color.png": png, "outline.png": png},
    )
    result = scan(project)
    (agent,) = [a for a in result.agents if "appPackage/build/appPackage.dev.zip!/manifest.json" in a.files]
    assert agent.kind == "teams_bot" and agent.root == "."  # lifted out of the archive and appPackage/build
    assert agent.multi_user
    media = note_for(result, "appPackage/build/appPackage.dev.zip", "media")
    assert "2 media members (.png x2)" in media.reason
    assert media.by_design  # media is a deliberate skip, as on disk


# -- limits --------------------------------------------------------------------------------------------


def test_a_zip_bomb_member_is_not_read_and_the_rest_still_is(tmp_path: Path) -> None:
    secret = fake_pat("beside-the-bomb")
    make_zip(
        tmp_path / "lambda.zip",
        {"padding.txt": bytes(4 * 1024 * 1024), "config/.env": f"GITHUB_TOKEN={secret}\n"},
    )
    result = scan(tmp_path)
    bomb = note_for(result, "lambda.zip!/padding.txt", "archive_bomb")
    assert "possible zip bomb" in bomb.reason and "100x" in bomb.reason
    assert secret_paths(result) == {"lambda.zip!/config/.env"}
    assert not result.coverage.complete  # a member not examined is a gap


def test_names_that_leave_the_archive_are_not_read(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../home/dev/.aws/credentials", f"aws_secret_access_key = {fake_generic('t1')}\n")
        archive.writestr("/etc/botaudit.env", f"API_KEY={fake_generic('t2')}\n")
        archive.writestr("..\\..\\windows.ini", f"password={fake_generic('t3')}\n")
        archive.writestr("ok/readme.md", "nothing here\n")
    (tmp_path / "upload.zip").write_bytes(buffer.getvalue())
    result = scan(tmp_path)
    unsafe = [s for s in notes(result) if s.category == "unsafe_path"]
    assert len(unsafe) == 3 and all(s.source == "upload.zip" for s in unsafe)
    assert any("'../../home/dev/.aws/credentials'" in s.reason for s in unsafe)
    assert not secret_paths(result)
    assert [f.path for f in result.files] == ["upload.zip!/ok/readme.md"]


def _encrypt_flag(data: bytes, name: bytes) -> bytes:
    """Set the "encrypted" bit on `name` in its local header and its central directory entry (zipfile
    cannot write encrypted members; a real encrypted member carries exactly this flag)."""
    raw = bytearray(data)
    local = raw.find(b"PK\x03\x04" + bytes(raw[4:6]))
    while local >= 0:
        length = int.from_bytes(raw[local + 26 : local + 28], "little")
        if raw[local + 30 : local + 30 + length] == name:
            raw[local + 6] |= 0x01
        local = raw.find(b"PK\x03\x04", local + 4)
    central = raw.find(b"PK\x01\x02")
    while central >= 0:
        length = int.from_bytes(raw[central + 28 : central + 30], "little")
        if raw[central + 46 : central + 46 + length] == name:
            raw[central + 8] |= 0x01
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def test_an_encrypted_member_is_a_coverage_entry(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("secrets.env", "DB_PASSWORD=hunter22\n")
        archive.writestr("readme.txt", "deploy notes\n")
    (tmp_path / "vault.zip").write_bytes(_encrypt_flag(buffer.getvalue(), b"secrets.env"))
    result = scan(tmp_path)
    note = note_for(result, "vault.zip!/secrets.env", "encrypted")
    assert "encrypted member" in note.reason
    assert [f.path for f in result.files] == ["vault.zip!/readme.txt"]


def test_a_corrupt_archive_and_a_corrupt_member_are_coverage_not_tracebacks(tmp_path: Path) -> None:
    (tmp_path / "broken.mcpb").write_bytes(b"PK\x03\x04" + os.urandom(64))
    (tmp_path / "empty.zip").write_bytes(b"")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("settings.yaml", "slack_bot_token: " + "x" * 40 + "\n")
    damaged = bytearray(buffer.getvalue())
    spot = bytes(damaged).find(b"x" * 40)
    damaged[spot : spot + 4] = b"yyyy"  # the stored CRC no longer matches
    (tmp_path / "damaged.zip").write_bytes(bytes(damaged))

    result = scan(tmp_path)
    assert "no member examined" in note_for(result, "broken.mcpb", "parse_error").reason
    assert "not a zip archive" in note_for(result, "empty.zip", "parse_error").reason
    member = note_for(result, "damaged.zip!/settings.yaml", "parse_error")
    assert "corrupt member" in member.reason and "CRC" in member.reason

    done = CliRunner().invoke(app, ["scan", str(tmp_path), "--no-progress", "--format", "json", "--strict"])
    assert "Traceback" not in done.output
    assert done.exit_code == 3, done.output  # --strict: something was not examined


def test_an_archive_inside_an_archive_is_not_opened(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr(".env", f"GITHUB_TOKEN={fake_pat('nested')}\n")
    make_zip(tmp_path / "release.zip", {"plugins/helper.whl": inner.getvalue(), "notes.txt": "v1\n"})
    result = scan(tmp_path)
    note = note_for(result, "release.zip!/plugins/helper.whl", "nested_archive")
    assert "archive inside an archive" in note.reason
    assert not secret_paths(result)


def test_size_and_count_limits_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_MEMBERS", 3)
    make_zip(tmp_path / "many.zip", {f"f{i}.txt": f"line {i}\n" for i in range(5)})
    make_zip(tmp_path / "big.jar", {"application.properties": "a=b\n" * 4000}, zipfile.ZIP_STORED)
    result = scan(tmp_path, max_file_size=1000)
    count = note_for(result, "many.zip", "limit")
    assert "2 members beyond the first 3" in count.reason
    size = note_for(result, "big.jar!/application.properties", "too_large")
    assert "16000 bytes uncompressed, over the 1000-byte limit" in size.reason
    assert sorted(f.path for f in result.files) == [
        "many.zip!/f0.txt",
        "many.zip!/f1.txt",
        "many.zip!/f2.txt",
    ]


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_vendored_compiled_symlink_and_duplicate_members_are_counted(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("node_modules/left-pad/index.js", "module.exports = 1\n")
        archive.writestr("node_modules/left-pad/package.json", "{}")
        archive.writestr("lib/Handler.class", b"\xca\xfe\xba\xbe" + bytes(20))
        link = zipfile.ZipInfo("current")
        link.external_attr = (0o120777 << 16) | 0
        archive.writestr(link, "/etc/passwd")
        archive.writestr("app.env", "MODE=prod\n")
        archive.writestr("app.env", "MODE=dev\n")
    (tmp_path / "bundle.zip").write_bytes(buffer.getvalue())
    result = scan(tmp_path)
    assert "2 members under vendored folders" in note_for(result, "bundle.zip", "ignored").reason
    assert "1 compiled code members (.class x1)" in note_for(result, "bundle.zip", "binary").reason
    assert note_for(result, "bundle.zip!/current", "symlink")
    assert note_for(result, "bundle.zip!/app.env", "duplicate")
    assert [f.path for f in result.files] == ["bundle.zip!/app.env"]


# -- the read path ----------------------------------------------------------------------------------------


def test_a_member_is_read_from_the_archive_discovery_saw(tmp_path: Path) -> None:
    target = make_zip(tmp_path / "a.zip", {"x.env": "TOKEN_NAME=plain\n"})
    files, _ = walk([tmp_path])
    (entry,) = files
    assert isinstance(entry, archives.MemberEntry) and split_member(entry.rel) == ("a.zip", "x.env")
    detectors = DetectorSet.load()
    assert not scan_file(entry, detectors, fingerprint_key="k").skipped
    archives.close_cached()
    # Replaced by another file under the same name: not read under the old member's name.
    make_zip(tmp_path / "next.zip", {"x.env": "TOKEN_NAME=plain\n"})
    os.replace(tmp_path / "next.zip", target)
    (skip,) = scan_file(entry, detectors, fingerprint_key="k").skipped
    assert skip.category == "changed" and skip.source == "a.zip!/x.env"
    archives.close_cached()


def test_members_scanned_by_the_worker_pool_match_a_scan_in_one_process(tmp_path: Path) -> None:
    members: dict[str, bytes | str] = {f"cfg/service{i}.env": f"REGION=eu-{i}\n" for i in range(150)}
    members["cfg/service77.env"] = f"GITHUB_TOKEN={fake_pat('pool')}\n"
    make_zip(tmp_path / "configs.zip", members)
    one = run(ScanOptions(paths=(tmp_path,), jobs=1))
    two = run(ScanOptions(paths=(tmp_path,), jobs=2))
    assert [f.path for f in one.files] == [f.path for f in two.files]
    assert len(one.files) == 150
    assert secret_paths(one) == secret_paths(two) == {"configs.zip!/cfg/service77.env"}
    assert [f.fingerprint for f in one.findings] == [f.fingerprint for f in two.findings]


# -- git: history and the index -----------------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_an_archive_in_history_is_a_coverage_note(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    make_zip(
        repo / "old.mcpb", {"manifest.json": json.dumps(bundle_manifest({"GITHUB_TOKEN": fake_pat("h")}))}
    )
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "bundle")
    git(repo, "rm", "-q", "old.mcpb")
    git(repo, "commit", "-qm", "drop bundle")
    result = scan(repo, history=True)
    (note,) = [s for s in notes(result) if s.source.startswith("old.mcpb@")]
    assert note.category == "history" and "archive in git history" in note.reason


def test_a_staged_archive_is_scanned_under_its_repository_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    pat = fake_pat("staged-bundle")
    make_zip(
        repo / "dist" / "tool.mcpb", {"manifest.json": json.dumps(bundle_manifest({"GITHUB_TOKEN": pat}))}
    )
    git(repo, "add", ".")
    monkeypatch.chdir(repo)
    done = CliRunner().invoke(app, ["scan", "--staged", "--no-progress", "--format", "json"])
    start = done.stdout.find("{")
    report = json.loads(done.stdout[start:])
    paths = {f["location"]["path"] for f in report["findings"] if f["location"]}
    assert "dist/tool.mcpb!/manifest.json" in paths
    assert pat not in done.stdout


def test_infrastructure_code_in_an_archive_is_scanned_but_not_collected(tmp_path: Path) -> None:
    bicep = (
        "param location string = resourceGroup().location\n"
        "resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {\n"
        "  name: 'room-bot-identity'\n"
        "  location: location\n"
        "}\n"
    )
    make_zip(tmp_path / "deploy-kit.zip", {"infra/main.bicep": bicep})
    result = scan(tmp_path)
    (member,) = [f for f in result.files if f.path == "deploy-kit.zip!/infra/main.bicep"]
    assert member.iac  # recognised as a template
    note = note_for(result, "deploy-kit.zip!/infra/main.bicep", "archive_iac")
    assert "not read by the code collectors" in note.reason


def test_damaged_archives_never_raise(tmp_path: Path) -> None:
    """Archives with bytes flipped anywhere (headers, the central directory, compressed data) and cut
    short: every one is listed and read without an exception; what cannot be read is coverage."""
    import random

    source = io.BytesIO()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(bundle_manifest(), indent=2))
        archive.writestr("server/main.js", "export const port = 8080;\n" * 20)
        archive.writestr("config/.env", "LOG_LEVEL=debug\n")
    original = source.getvalue()
    rng = random.Random(1729)
    detectors = DetectorSet.load()
    members_read = 0
    for i in range(60):
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if i % 5 == 0:
            damaged = damaged[: rng.randrange(len(damaged))]
        folder = tmp_path / f"case{i}"
        folder.mkdir()
        (folder / "bundle.mcpb").write_bytes(bytes(damaged))
        files, skipped = walk([folder])
        for entry in files:
            assert isinstance(entry, archives.MemberEntry)
            scanned = scan_file(entry, detectors, fingerprint_key="k")
            assert all(s.category != "error" for s in scanned.skipped), scanned.skipped
            members_read += not scanned.skipped
        assert files or skipped, i  # an archive that yields nothing says why
    archives.close_cached()
    assert members_read  # a flipped byte in one member leaves the others readable


# -- ignore rules inside an archive --------------------------------------------------------------------------


def _release(tmp_path: Path) -> Path:
    """A release bundle holding a live key, a test fixture's key and an example file's key."""
    return make_zip(
        tmp_path / "dist" / "release.zip",
        {
            "config/.env": f"GITHUB_TOKEN={fake_pat('live')}\n",
            "tests/fixture.env": f"GITHUB_TOKEN={fake_pat('fixture')}\n",
            "config/app.env.example": f"GITHUB_TOKEN={fake_pat('example')}\n",
        },
    )


def test_botauditignore_patterns_apply_to_an_archive_s_members(tmp_path: Path) -> None:
    _release(tmp_path)
    (tmp_path / ".botauditignore").write_text("# fixtures and examples are not deployed\ntests/\n*.example\n")
    result = scan(tmp_path)
    assert secret_paths(result) == {"dist/release.zip!/config/.env"}
    note = note_for(result, ".botauditignore", "ignored")
    assert "excluded 2 files" in note.reason


def test_an_ignore_file_beside_the_archive_reads_it_as_a_folder(tmp_path: Path) -> None:
    _release(tmp_path)
    (tmp_path / "dist" / ".botauditignore").write_text("release.zip!/tests/\n")
    result = scan(tmp_path)
    assert secret_paths(result) == {
        "dist/release.zip!/config/.env",
        "dist/release.zip!/config/app.env.example",
    }


def test_configured_excludes_apply_to_members(tmp_path: Path) -> None:
    _release(tmp_path)
    files, skipped = walk([tmp_path], exclude=("**/tests/**", "dist/release.zip!/config/*.example"))
    assert [f.rel for f in files] == ["dist/release.zip!/config/.env"]
    assert any(s.category == "ignored" and "excluded 2 files" in s.reason for s in skipped)


def test_a_negated_pattern_keeps_a_member(tmp_path: Path) -> None:
    _release(tmp_path)
    (tmp_path / ".botauditignore").write_text("*.env\n!**/config/.env\n")
    result = scan(tmp_path)
    assert secret_paths(result) == {
        "dist/release.zip!/config/.env",
        "dist/release.zip!/config/app.env.example",
    }


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_gitignore_has_no_say_over_the_members_of_a_tracked_archive(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    _release(tmp_path)
    (tmp_path / ".gitignore").write_text("*.env\n")
    _git(tmp_path, "add", "-f", "dist/release.zip", ".gitignore")
    tracked = scan(tmp_path, respect_gitignore=True)
    assert "dist/release.zip!/tests/fixture.env" in secret_paths(tracked)
    # The same archive untracked: the .gitignore applies to its members as to any untracked file.
    _git(tmp_path, "rm", "-q", "--cached", "dist/release.zip")
    untracked = scan(tmp_path, respect_gitignore=True)
    assert secret_paths(untracked) == {"dist/release.zip!/config/app.env.example"}
