"""A real repository as a static-scan bench corpus (bench/bench_static.py --repo PATH[@REV]): the tree at a
revision exported with pygit2, reused when complete, what it skips, and clear errors for bad input."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pygit2
import pytest
from pygit2.enums import FileMode

BENCH = Path(__file__).resolve().parent.parent / "bench"

Entries = dict[str, "tuple[bytes, FileMode] | Entries"]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module("bench_static")
    finally:
        sys.path.remove(str(BENCH))


def _tree(repo: pygit2.Repository, entries: Entries) -> pygit2.Oid:
    builder = repo.TreeBuilder()
    for name, value in entries.items():
        if isinstance(value, dict):
            builder.insert(name, _tree(repo, value), FileMode.TREE)
        else:
            data, mode = value
            builder.insert(name, repo.create_blob(data), mode)
    return builder.write()


def _commit(repo: pygit2.Repository, entries: Entries, message: str) -> str:
    who = pygit2.Signature("Bench Fixture", "fixture@example.invalid", 1765000000, 0)
    parents = [] if repo.head_is_unborn else [repo.head.target]
    return str(repo.create_commit("HEAD", who, who, message, _tree(repo, entries), parents))


FIRST: Entries = {
    "README.md": (b"# widget service\n", FileMode.BLOB),
    "app": {"config": {"settings.yaml": (b"region: eu-west-1\nretries: 3\n", FileMode.BLOB)}},
    "bin": {"run.sh": (b"#!/bin/sh\nexec python -m widget\n", FileMode.BLOB_EXECUTABLE)},
    "latest": (b"README.md", FileMode.LINK),
}
SECOND: Entries = {
    "README.md": (b"# widget service\n\nNow with retries.\n", FileMode.BLOB),
    "app": {
        "config": {"settings.yaml": (b"region: eu-west-1\nretries: 5\n", FileMode.BLOB)},
        "main.py": (b"print('widget')\n", FileMode.BLOB),
    },
    "bin": {"run.sh": (b"#!/bin/sh\nexec python -m widget\n", FileMode.BLOB_EXECUTABLE)},
    "latest": (b"README.md", FileMode.LINK),
}


@pytest.fixture
def source(tmp_path: Path) -> tuple[Path, str, str]:
    """A work-tree repository `src` with two commits: (path, first sha, second sha)."""
    repo = pygit2.init_repository(str(tmp_path / "src"))
    first = _commit(repo, FIRST, "first")
    second = _commit(repo, SECOND, "second")
    return tmp_path / "src", first, second


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_export_at_the_first_commit_and_at_head(
    bench: ModuleType, source: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, first, second = source
    work = tmp_path / "work"

    old = bench.export_repo(path, first[:10], work)
    assert (old.sha, old.name, old.rev, old.reused) == (first, "src", first[:10], False)
    assert old.root == work / f"repo-src-{first[:12]}"
    assert _files(old.root) == {
        "README.md": b"# widget service\n",
        "app/config/settings.yaml": b"region: eu-west-1\nretries: 3\n",
        "bin/run.sh": b"#!/bin/sh\nexec python -m widget\n",
    }
    # the symlink is left out and said so; nothing else is
    assert not (old.root / "latest").exists() and not (old.root / "latest").is_symlink()
    assert old.skipped == {"absent from the store": 0, "symlink": 1, "submodule": 0, "unsafe entry": 0}
    assert (old.root / "bin" / "run.sh").stat().st_mode & 0o111
    assert not (old.root / "README.md").stat().st_mode & 0o111
    assert (old.files, old.bytes) == (3, sum(len(b) for b in _files(old.root).values()))

    new = bench.export_repo(path, "HEAD", work)
    assert new.sha == second and new.root == work / f"repo-src-{second[:12]}"
    assert _files(new.root) == {
        "README.md": b"# widget service\n\nNow with retries.\n",
        "app/config/settings.yaml": b"region: eu-west-1\nretries: 5\n",
        "app/main.py": b"print('widget')\n",
        "bin/run.sh": b"#!/bin/sh\nexec python -m widget\n",
    }
    # the markers that say an export is complete sit beside the trees, never inside one
    assert sorted(p.name for p in work.iterdir()) == sorted(
        [old.root.name, f"{old.root.name}.json", new.root.name, f"{new.root.name}.json"]
    )
    marker = json.loads((work / f"{new.root.name}.json").read_text())
    assert (marker["sha"], marker["rev"], marker["files"]) == (second, "HEAD", 4)


def test_a_complete_export_is_reused_and_an_incomplete_one_redone(
    bench: ModuleType, source: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, _, second = source
    work = tmp_path / "work"
    first_run = bench.export_repo(path, "HEAD", work)
    readme = first_run.root / "README.md"
    readme.write_bytes(b"touched after the export\n")

    again = bench.export_repo(path, second, work)
    assert again.reused and again.root == first_run.root
    assert (again.files, again.bytes, again.skipped) == (first_run.files, first_run.bytes, first_run.skipped)
    assert readme.read_bytes() == b"touched after the export\n"  # not written again

    # without its marker (an interrupted run) the folder is not trusted: exported afresh
    (work / f"{first_run.root.name}.json").unlink()
    redone = bench.export_repo(path, "HEAD", work)
    assert not redone.reused
    assert readme.read_bytes() == b"# widget service\n\nNow with retries.\n"
    assert sorted(p.name for p in work.iterdir()) == [first_run.root.name, f"{first_run.root.name}.json"]


def test_blobs_absent_from_the_store_and_submodules_are_skipped(bench: ModuleType, tmp_path: Path) -> None:
    repo = pygit2.init_repository(str(tmp_path / "mirror.git"), bare=True)
    lost = repo.create_blob(b"a blob this partial store never fetched\n")
    builder = repo.TreeBuilder()
    builder.insert("kept.txt", repo.create_blob(b"kept\n"), FileMode.BLOB)
    builder.insert("lost.txt", lost, FileMode.BLOB)
    builder.insert("vendored", pygit2.Oid(hex="1f" * 20), FileMode.COMMIT)
    who = pygit2.Signature("Bench Fixture", "fixture@example.invalid", 1765000000, 0)
    repo.create_commit("HEAD", who, who, "partial", builder.write(), [])
    hexsha = str(lost)
    (Path(repo.path) / "objects" / hexsha[:2] / hexsha[2:]).unlink()

    export = bench.export_repo(tmp_path / "mirror.git", "HEAD", tmp_path / "work")
    assert export.name == "mirror"
    assert _files(export.root) == {"kept.txt": b"kept\n"}
    assert export.skipped == {"absent from the store": 1, "symlink": 0, "submodule": 1, "unsafe entry": 0}
    assert bench.skipped_text(export.skipped) == "1 absent from the store, 1 submodule"


def test_path_and_revision_split_at_the_first_at_sign_after_an_existing_folder(
    bench: ModuleType, tmp_path: Path
) -> None:
    folder = tmp_path / "me@host" / "src"
    folder.mkdir(parents=True)
    assert bench.split_repo_spec(str(folder)) == (folder, "HEAD")
    assert bench.split_repo_spec(f"{folder}@v1.2") == (folder, "v1.2")
    assert bench.split_repo_spec(f"{folder}@main@{{1}}") == (folder, "main@{1}")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("{plain}", "is not a git repository"),
        ("{src}/app", "is not a git repository"),  # a folder inside a repository is not that repository
        ("{missing}@HEAD", "is not a folder"),
        ("{src}@no-such-branch", "revision 'no-such-branch' does not resolve to a commit"),
        ("{src}@HEAD^{{tree}}", "does not resolve to a commit"),
    ],
)
def test_bad_repository_or_revision_is_a_clear_message(
    bench: ModuleType,
    source: tuple[Path, str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    spec: str,
    message: str,
) -> None:
    path, _, _ = source
    (path / "app").mkdir()
    (tmp_path / "plain").mkdir()
    monkeypatch.setattr(bench, "absolute_pythonpath", lambda: None)
    arg = spec.format(plain=tmp_path / "plain", src=path, missing=tmp_path / "missing")
    code = bench.main(["--repo", arg, "--workdir", str(tmp_path / "work"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "work").exists()


FAKE_TOOL = """
import json, os, sys
if sys.argv[1:] == ["--version"]:
    print("fake 1.0")
    sys.exit(0)
root, out = sys.argv[1], sys.argv[2]
hits = []
for folder, _, names in os.walk(root):
    for name in sorted(names):
        hits.append({"File": os.path.join(folder, name), "StartLine": 1, "RuleID": "every-file"})
json.dump(hits, open(out, "w"))
"""


def test_a_run_on_a_repository_reports_every_finding_without_ground_truth(
    bench: ModuleType,
    source: tuple[Path, str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, first, _ = source
    script = tmp_path / "fake_tool.py"
    script.write_text(FAKE_TOOL)
    fake = bench.Tool(
        "fake",
        "fake scanner",
        lambda: [sys.executable, str(script)],
        lambda exe, root, out: [*exe, str(root), str(out)],
        bench.parse_gitleaks,
    )
    monkeypatch.setitem(bench.TOOLS, "fake", fake)
    monkeypatch.setattr(bench, "absolute_pythonpath", lambda: None)
    out = tmp_path / "out"
    code = bench.main(
        [
            "--repo",
            f"{path}@{first[:8]}",
            "--tools",
            "fake",
            "--workdir",
            str(tmp_path / "work"),
            "--out",
            str(out),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert "| planted found | findings |" in printed
    assert "| fake scanner | fake 1.0 |" in printed and "| n/a | 3 |" in printed
    assert "- fake scanner: findings by rule: every-file 3" in printed

    doc = json.loads((out / "results-repo-src.json").read_text())
    corpus = doc["corpus"]
    assert (corpus["name"], corpus["planted"], corpus["manifest"]) == ("repo-src", None, None)
    assert corpus["repo"] == {
        "path": str(path.resolve()),
        "rev": first[:8],
        "sha": first,
        "files": 3,
        "bytes": len(b"# widget service\n")
        + len(b"region: eu-west-1\nretries: 3\n")
        + len(b"#!/bin/sh\nexec python -m widget\n"),
        "skipped": {"absent from the store": 0, "symlink": 1, "submodule": 0, "unsafe entry": 0},
    }
    (result,) = doc["results"]
    assert result["status"] == "ok"
    assert (result["score"]["findings"], result["score"]["found"], result["score"]["planted"]) == (
        3,
        None,
        None,
    )


def test_unsafe_entries_of_a_crafted_tree_are_skipped_and_nothing_is_written_outside(
    bench: ModuleType, tmp_path: Path
) -> None:
    repo = pygit2.init_repository(str(tmp_path / "crafted.git"), bare=True)
    blob = repo.create_blob(b"payload\n")
    inner = repo.TreeBuilder()
    inner.insert("hooked.txt", blob, FileMode.BLOB)
    inner_id = inner.write()
    # Written as raw tree bytes: git's own tools and TreeBuilder refuse these names.
    raw = (
        b"100644 ..\x00"
        + blob.raw  # would climb out of the export
        + b"40000 .git\x00"
        + inner_id.raw  # would make the export look like a repository
        + b"40000 looks-like-a-folder\x00"
        + blob.raw  # a tree mode over a blob
        + b"100644 ok.txt\x00"
        + blob.raw
    )
    tree_id = repo.odb.write(pygit2.enums.ObjectType.TREE, raw)
    who = pygit2.Signature("Bench Fixture", "fixture@example.invalid", 1765000000, 0)
    repo.create_commit("HEAD", who, who, "crafted", tree_id, [])

    work = tmp_path / "work" / "exports"
    export = bench.export_repo(tmp_path / "crafted.git", "HEAD", work)
    assert _files(export.root) == {"ok.txt": b"payload\n"}
    assert export.skipped == {"absent from the store": 0, "symlink": 0, "submodule": 0, "unsafe entry": 3}
    assert sorted(p.name for p in work.iterdir()) == [export.root.name, f"{export.root.name}.json"]
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["exports"]


def test_a_file_the_system_cannot_write_is_a_clear_message_and_leaves_nothing(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = pygit2.init_repository(str(tmp_path / "long.git"), bare=True)
    blob = repo.create_blob(b"payload\n")
    # 300 bytes: a legal git name, longer than a Linux file name may be
    tree_id = repo.odb.write(pygit2.enums.ObjectType.TREE, b"100644 " + b"n" * 300 + b"\x00" + blob.raw)
    who = pygit2.Signature("Bench Fixture", "fixture@example.invalid", 1765000000, 0)
    repo.create_commit("HEAD", who, who, "long name", tree_id, [])
    monkeypatch.setattr(bench, "absolute_pythonpath", lambda: None)
    work = tmp_path / "work"
    code = bench.main(
        ["--repo", str(tmp_path / "long.git"), "--workdir", str(work), "--out", str(tmp_path / "o")]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "could not export" in err and "File name too long" in err and "Traceback" not in err
    assert list(work.iterdir()) == []
