"""`botaudit scan --staged`: the staged version of files (the git index), never the working tree's."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from auditor.cli import app
from auditor.discovery.staged import StagedError, staged_checkout, staged_entries
from auditor.extract.validators import base62_crc32

REPO = Path(__file__).resolve().parent.parent


def fake_pat(seed: str) -> str:
    # Built in code (no token-shaped string in the repository), with a valid checksum so it gates.
    entropy = hashlib.sha256(seed.encode()).hexdigest()[:30]
    return "ghp_" + entropy + base62_crc32(entropy)


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "bot").mkdir()
    (root / "bot" / "settings.yaml").write_text("name: bot\n", encoding="utf-8")
    (root / "old.env").write_text(f"GITHUB_TOKEN={fake_pat('committed')}\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "init")
    monkeypatch.chdir(root)
    yield root


def scan_json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result: Result = CliRunner().invoke(
        app, ["scan", "--staged", "--no-progress", "--format", "json", "--fail-on", "high", *args]
    )
    start = result.stdout.find("{")
    assert start >= 0, result.output
    return result.exit_code, json.loads(result.stdout[start:])


def paths(report: dict) -> set[str]:  # type: ignore[type-arg]
    return {f["location"]["path"] for f in report["findings"] if f["location"]}


def test_the_staged_version_is_scanned_not_the_working_tree(repo: Path) -> None:
    # Staged with a secret, then cleaned in the working tree only: the commit would still carry it.
    (repo / "bot" / ".env").write_text(f"GITHUB_TOKEN={fake_pat('staged')}\n", encoding="utf-8")
    git(repo, "add", "bot/.env")
    (repo / "bot" / ".env").write_text("GITHUB_TOKEN=${GITHUB_TOKEN}\n", encoding="utf-8")
    # Pasted after `git add`: not staged, so not part of this commit.
    (repo / "bot" / "settings.yaml").write_text(f"token: {fake_pat('unstaged')}\n", encoding="utf-8")
    code, report = scan_json()
    assert code == 1
    assert paths(report) == {"bot/.env"}
    assert report["targets"] == ["."]
    # Only what the index changes against HEAD: the committed old.env is not rescanned.
    assert report["coverage"]["files_scanned"] == 1


def test_unstaged_only_changes_are_not_scanned(repo: Path) -> None:
    (repo / "bot" / "settings.yaml").write_text(f"token: {fake_pat('unstaged')}\n", encoding="utf-8")
    code, report = scan_json()
    assert code == 0 and report["findings"] == [] and report["coverage"]["files_scanned"] == 0


def test_deleted_files_have_nothing_to_scan(repo: Path) -> None:
    git(repo, "rm", "-q", "old.env")
    code, report = scan_json()
    assert code == 0 and report["coverage"]["files_scanned"] == 0
    # Named explicitly (a hook passing a deleted file): reported as not staged, by design, not a gap.
    code, report = scan_json("old.env")
    assert code == 0
    skipped = report["coverage"]["skipped"]
    assert any(s["source"] == "old.env" and s["category"] == "not_staged" for s in skipped)
    assert report["summary"]["skipped"] == 0


def test_a_renamed_file_is_scanned_under_its_new_path(repo: Path) -> None:
    git(repo, "mv", "old.env", "bot/moved.env")
    code, report = scan_json()
    assert code == 1 and paths(report) == {"bot/moved.env"}


def test_paths_select_staged_versions_changed_or_not(repo: Path) -> None:
    # pre-commit passes file names (all tracked files with --all-files): each is read from the index.
    (repo / "old.env").write_text("clean in the working tree\n", encoding="utf-8")
    code, report = scan_json("old.env", "bot")
    assert code == 1 and paths(report) == {"old.env"}
    assert report["coverage"]["files_scanned"] == 2
    code, report = scan_json("bot")
    assert code == 0 and report["coverage"]["files_scanned"] == 1


def test_paths_from_a_subfolder_are_relative_to_it(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "bot" / ".env").write_text(f"GITHUB_TOKEN={fake_pat('sub')}\n", encoding="utf-8")
    git(repo, "add", "bot/.env")
    monkeypatch.chdir(repo / "bot")
    code, report = scan_json(".env")
    assert code == 1 and paths(report) == {"bot/.env"} and report["targets"] == [".."]


def test_the_first_commit_scans_every_staged_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "fresh"
    root.mkdir()
    git(root, "init", "-q")
    (root / "a.env").write_text(f"GITHUB_TOKEN={fake_pat('first')}\n", encoding="utf-8")
    git(root, "add", "a.env")
    monkeypatch.chdir(root)
    code, report = scan_json()
    assert code == 1 and paths(report) == {"a.env"}


def test_the_staged_botauditignore_applies(repo: Path) -> None:
    (repo / "bot" / ".env").write_text(f"GITHUB_TOKEN={fake_pat('ignored')}\n", encoding="utf-8")
    (repo / ".botauditignore").write_text("bot/.env\n", encoding="utf-8")
    git(repo, "add", "bot/.env", ".botauditignore")
    code, report = scan_json()
    assert code == 0 and report["findings"] == []
    assert any(s["category"] == "ignored" for s in report["coverage"]["skipped"])


def test_symlinks_and_submodules_in_the_index_are_not_followed(repo: Path) -> None:
    (repo / "link.env").symlink_to(repo / "old.env")
    git(repo, "add", "link.env")
    blob = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{blob},vendor/sub")
    root, entries, _, skipped = staged_entries(repo)
    assert root == repo and entries == []
    reasons = {s.source: s.category for s in skipped}
    assert reasons == {"link.env": "not_staged", "vendor/sub": "submodule"}


def test_the_checkout_is_private_and_removed(repo: Path) -> None:
    (repo / "bot" / ".env").write_text("A=1\n", encoding="utf-8")
    git(repo, "add", "bot/.env")
    with staged_checkout(repo) as checkout:
        folder = checkout.folder
        assert oct(folder.stat().st_mode & 0o777) == "0o700"
        assert (folder / "bot" / ".env").read_text() == "A=1\n"
        assert oct((folder / "bot" / ".env").stat().st_mode & 0o777) == "0o600"
        assert checkout.files == ("bot/.env",)
    assert not folder.exists()


def test_no_repository_a_bare_one_and_outside_paths_are_clear_errors(
    tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "plain"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    res = CliRunner().invoke(app, ["scan", "--staged", "--no-progress"])
    assert res.exit_code == 2 and "not inside a git repository" in res.output
    bare = tmp_path / "bare.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    with pytest.raises(StagedError, match="bare repository"):
        staged_entries(bare)
    with pytest.raises(StagedError, match="no working tree"):
        staged_entries(repo / ".git")
    monkeypatch.chdir(repo)
    res = CliRunner().invoke(app, ["scan", "--staged", "--no-progress", str(elsewhere)])
    assert res.exit_code == 2 and "outside the repository" in res.output
    res = CliRunner().invoke(app, ["scan", "--staged", "--history", "--no-progress"])
    assert res.exit_code == 2 and "cannot be combined" in res.output
    assert all("Traceback" not in r.output for r in (res,))


def test_the_pre_commit_hooks_use_staged(repo: Path) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks and all("--staged" in hook["entry"].split() for hook in hooks)
    assert all(hook["pass_filenames"] and hook["require_serial"] for hook in hooks)


def test_a_staged_file_over_the_size_limit_is_reported_not_read(repo: Path) -> None:
    (repo / "big.env").write_text(f"GITHUB_TOKEN={fake_pat('big')}\n" + "x" * 5000 + "\n", encoding="utf-8")
    (repo / "small.env").write_text("A=1\n", encoding="utf-8")
    git(repo, "add", "big.env", "small.env")
    code, report = scan_json("--max-file-size", "1000")
    assert code == 0 and report["coverage"]["files_scanned"] == 1
    (big,) = [s for s in report["coverage"]["skipped"] if s["source"] == "big.env"]
    assert big["category"] == "too_large"
    with staged_checkout(repo, max_size=1000) as checkout:
        # Same size for the walk's message, but no byte of it was read from git.
        assert (checkout.folder / "big.env").stat().st_size > 5000
        assert (checkout.folder / "big.env").read_bytes().strip(b"\0") == b""
