"""Issue 10 §6: the scanned repository cannot hide files from the scan with its own `.gitignore`.

The attack: a committed `.gitignore` holding `*` beside a committed secret gave 0 files scanned, no coverage
entry and exit 0, even with --strict. The policy now: `.gitignore` is not honoured by default; with
--respect-gitignore it applies only to files git does not track (a tracked secret is always scanned);
`.botauditignore` always applies; every exclusion is counted in coverage.
"""

from __future__ import annotations

from pathlib import Path

import pygit2
import pytest

from auditor.discovery.walk import walk
from auditor.gate import ExitCode, decide
from auditor.model import Severity
from auditor.scan import ScanOptions, run

TOKEN = "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"


def _hostile_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".gitignore").write_text("*\n", encoding="utf-8")
    (root / "agent.env").write_text(f"GITHUB_TOKEN={TOKEN}\n", encoding="utf-8")
    (root / "local.env").write_text("LOG_LEVEL=debug\n", encoding="utf-8")  # untracked, ignored by git
    repo = pygit2.init_repository(str(root))
    repo.index.add(".gitignore")
    repo.index.add("agent.env")  # `git add -f`: tracked although .gitignore matches it
    repo.index.write()
    signature = pygit2.Signature("dev", "dev@example.invalid")
    repo.create_commit("HEAD", signature, signature, "init", repo.index.write_tree(), [])
    return root


def test_committed_gitignore_star_does_not_hide_a_committed_secret(tmp_path: Path) -> None:
    root = _hostile_repo(tmp_path)
    result = run(ScanOptions(paths=(root,), jobs=1))
    assert any(s.kind == "github_pat" for f in result.files for s in f.secrets)
    assert decide(result, Severity.HIGH, strict=True) is ExitCode.GATE_FAILED


def test_respect_gitignore_applies_to_untracked_files_only(tmp_path: Path) -> None:
    root = _hostile_repo(tmp_path)
    files, skipped = walk([root], respect_gitignore=True)
    assert [f.rel for f in files] == [".gitignore", "agent.env"]  # tracked: scanned whatever .gitignore says
    (entry,) = [s for s in skipped if s.category == "ignored"]
    assert entry.source == ".gitignore" and "1 file" in entry.reason and entry.by_design


def test_gitignore_is_not_honoured_by_default(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    root.mkdir()
    (root / ".gitignore").write_text("*.env\n", encoding="utf-8")
    (root / "agent.env").write_text("LOG_LEVEL=debug\n", encoding="utf-8")
    files, skipped = walk([root])
    assert {f.rel for f in files} == {".gitignore", "agent.env"}
    assert not [s for s in skipped if s.category == "ignored"]


def test_botauditignore_applies_and_is_counted(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    (root / "fixtures").mkdir(parents=True)
    (root / ".botauditignore").write_text("fixtures/\n*.log\n", encoding="utf-8")
    (root / "fixtures" / "fake.env").write_text(f"GITHUB_TOKEN={TOKEN}\n", encoding="utf-8")
    (root / "a.log").write_text("x\n", encoding="utf-8")
    (root / "b.log").write_text("x\n", encoding="utf-8")
    (root / "agent.env").write_text("LOG_LEVEL=debug\n", encoding="utf-8")
    files, skipped = walk([root])
    assert [f.rel for f in files] == [".botauditignore", "agent.env"]
    (entry,) = [s for s in skipped if s.category == "ignored"]
    assert entry.source == ".botauditignore"
    assert entry.reason == "excluded 2 files and 1 folder from the scan (ignore rules)"


def test_exclusions_reach_the_report_coverage(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    (root / ".botauditignore").write_text("*.env\n", encoding="utf-8")
    (root / "agent.env").write_text(f"GITHUB_TOKEN={TOKEN}\n", encoding="utf-8")
    result = run(ScanOptions(paths=(root,), jobs=1))
    assert [(s.source, s.category) for s in result.coverage.skipped if s.category == "ignored"] == [
        (".botauditignore", "ignored")
    ]


@pytest.mark.parametrize("respect", [False, True])
def test_nested_ignore_files_and_negation(tmp_path: Path, respect: bool) -> None:
    root = tmp_path / "proj"
    (root / "src").mkdir(parents=True)
    (root / ".botauditignore").write_text("*.log\n!keep.log\n", encoding="utf-8")
    (root / "src" / ".gitignore").write_text("generated.py\n", encoding="utf-8")
    for name in ("a.log", "keep.log", "src/generated.py", "src/main.py"):
        (root / name).write_text("x\n", encoding="utf-8")
    files, _ = walk([root], respect_gitignore=respect)
    rels = {f.rel for f in files}
    assert "a.log" not in rels and "keep.log" in rels and "src/main.py" in rels
    assert ("src/generated.py" in rels) is not respect
