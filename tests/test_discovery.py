"""Discovery: ignore files, always-skipped folders, dot-folders, lock files, size and symlink guards."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditor.discovery import walk as walk_module
from auditor.discovery.known_clients import match_known
from auditor.discovery.walk import walk


def make(root: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)


def rels(root: Path, **kwargs: object) -> list[str]:
    entries, _ = walk([root], **kwargs)  # type: ignore[arg-type]
    return [e.rel for e in entries]


def skipped_by_source(root: Path, **kwargs: object) -> dict[str, tuple[str, str]]:
    _, skipped = walk([root], **kwargs)  # type: ignore[arg-type]
    return {s.source: (s.category, s.reason) for s in skipped}


def test_sorted_posix_rel_paths_with_sizes(tmp_path: Path) -> None:
    make(tmp_path, {"b/z.yaml": "a: 1\n", "a.txt": "hi", "b/a/x.json": "{}"})
    entries, skipped = walk([tmp_path])
    assert [e.rel for e in entries] == ["a.txt", "b/a/x.json", "b/z.yaml"]
    assert skipped == []
    assert entries[0].size == 2
    assert entries[0].path == tmp_path / "a.txt"
    assert entries[0].path.is_absolute()


def test_gitignore_nested_and_negation(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            ".gitignore": "*.log\nbuild/\n!keep.log\n",
            "app.log": "x",
            "keep.log": "x",
            "build/out.yaml": "x",
            "src/.gitignore": "generated.py\n",
            "src/generated.py": "x",
            "src/main.py": "x",
            "other/generated.py": "x",
        },
    )
    # .gitignore applies only when asked for (the scanned repository must not hide files by default).
    expected = [".gitignore", "keep.log", "other/generated.py", "src/.gitignore", "src/main.py"]
    assert rels(tmp_path, respect_gitignore=True) == expected
    assert len(rels(tmp_path)) == 8


def test_botauditignore_and_exclude(tmp_path: Path) -> None:
    make(
        tmp_path, {".botauditignore": "fixtures/\n", "fixtures/a.env": "x", "cfg/a.env": "x", "cfg/b.md": "x"}
    )
    assert rels(tmp_path) == [".botauditignore", "cfg/a.env", "cfg/b.md"]
    assert rels(tmp_path, exclude=["*.md"]) == [".botauditignore", "cfg/a.env"]


def test_always_skipped_folders_and_dot_folders_included(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            ".git/config": "x",
            "node_modules/pkg/index.js": "x",
            ".venv/lib/site.py": "x",
            "venv/lib/site.py": "x",
            "src/__pycache__/m.pyc": "x",
            ".github/workflows/ci.yml": "x",
            ".cursor/mcp.json": "{}",
            ".vscode/mcp.json": "{}",
            ".claude/settings.json": "{}",
            ".codeium/windsurf/mcp_config.json": "{}",
            ".continue/config.yaml": "x",
            ".env": "A=1",
            ".env.local": "A=1",
        },
    )
    assert rels(tmp_path) == [
        ".claude/settings.json",
        ".codeium/windsurf/mcp_config.json",
        ".continue/config.yaml",
        ".cursor/mcp.json",
        ".env",
        ".env.local",
        ".github/workflows/ci.yml",
        ".vscode/mcp.json",
    ]


def test_lock_files_skipped_with_reason(tmp_path: Path) -> None:
    names = ["package-lock.json", "poetry.lock", "yarn.lock", "Cargo.lock", "go.sum", "custom.lock"]
    make(tmp_path, {name: "x" for name in names} | {"package.json": "{}"})
    assert rels(tmp_path) == ["package.json"]
    skipped = skipped_by_source(tmp_path)
    assert set(skipped) == set(names)
    assert {category for category, _ in skipped.values()} == {"lockfile"}


def test_too_large_file_skipped(tmp_path: Path) -> None:
    with open(tmp_path / "huge.yaml", "wb") as handle:
        handle.truncate(1 << 30)  # sparse: a 1 GB file that costs no disk
    make(tmp_path, {"small.yaml": "a: 1\n"})
    assert rels(tmp_path) == ["small.yaml"]
    category, reason = skipped_by_source(tmp_path)["huge.yaml"]
    assert category == "too_large"
    assert str(1 << 30) in reason
    assert rels(tmp_path, max_file_size=2) == []


def test_symlinks(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    make(outside, {"secret.env": "A=1"})
    root = tmp_path / "root"
    make(root, {"real/conf.yaml": "a: 1\n"})
    (root / "escape.env").symlink_to(outside / "secret.env")
    (root / "escape_dir").symlink_to(outside, target_is_directory=True)
    (root / "alias.yaml").symlink_to(root / "real" / "conf.yaml")
    (root / "real" / "loop").symlink_to(root / "real", target_is_directory=True)
    (root / "self").symlink_to(root / "self")
    (root / "dangling").symlink_to(root / "missing")
    entries, skipped = walk([root])
    assert [e.rel for e in entries] == ["alias.yaml", "real/conf.yaml"]
    by_source = {s.source: s for s in skipped}
    assert by_source["escape.env"].category == "symlink"
    assert "outside" in by_source["escape.env"].reason
    assert "outside" in by_source["escape_dir"].reason
    assert "loop" in by_source["real/loop"].reason
    assert "loop" in by_source["self"].reason
    assert "broken" in by_source["dangling"].reason


def test_fifo_skipped_as_special(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    category, reason = skipped_by_source(tmp_path)["pipe.yaml"]
    assert category == "special"
    assert "fifo" in reason


def test_unreadable_folder_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, {"locked/a.yaml": "x", "open/b.yaml": "x", "open/c.yaml": "x"})
    locked = str(tmp_path / "locked")
    denied = str(tmp_path / "open" / "c.yaml")
    real_scandir, real_access = os.scandir, os.access

    # Tests run as root, where chmod 000 does not stop reads: simulate the permission errors instead.
    def fake_scandir(path: str) -> object:
        if str(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def fake_access(path: str, mode: int) -> bool:
        return False if str(path) == denied else real_access(path, mode)

    monkeypatch.setattr(walk_module.os, "scandir", fake_scandir)
    monkeypatch.setattr(walk_module.os, "access", fake_access)
    entries, skipped = walk([tmp_path])
    assert [e.rel for e in entries] == ["open/b.yaml"]
    assert {(s.source, s.category) for s in skipped} == {
        ("locked", "unreadable"),
        ("open/c.yaml", "unreadable"),
    }


def test_several_roots_and_file_root(tmp_path: Path) -> None:
    make(tmp_path, {"alpha/a.yaml": "x", "beta/b.yaml": "x", "single.env": "A=1"})
    entries, _ = walk([tmp_path / "beta", tmp_path / "alpha", tmp_path / "single.env"])
    assert [e.rel for e in entries] == ["alpha/a.yaml", "beta/b.yaml", "single.env"]
    entries, _ = walk([tmp_path / "single.env"])
    assert [e.rel for e in entries] == ["single.env"]
    _, skipped = walk([tmp_path / "nope"])
    assert skipped[0].category == "missing"


@pytest.mark.parametrize(
    ("rel", "client", "manifest"),
    [
        (
            "home/Library/Application Support/Claude/claude_desktop_config.json",
            "claude_desktop",
            "mcp_client_config",
        ),
        ("repo/.cursor/mcp.json", "cursor", "mcp_client_config"),
        (".vscode/mcp.json", "vscode", "mcp_client_config"),
        (".codeium/windsurf/mcp_config.json", "windsurf", "mcp_client_config"),
        (".claude/settings.json", "claude_code", "mcp_client_config"),
        (".mcp.json", "claude_code", "mcp_client_config"),
        ("bot/appsettings.Production.json", "bot_framework", "bot_framework"),
        ("slack/manifest.yaml", "slack", "slack_app_manifest"),
        ("crew/config/agents.yaml", "crewai", "crewai"),
        (".github/workflows/ci.yml", "github_actions", "github_workflow"),
    ],
)
def test_known_clients(rel: str, client: str, manifest: str) -> None:
    known = match_known(rel)
    assert known is not None
    assert (known.client, known.manifest) == (client, manifest)


def test_unknown_paths_are_not_known_clients() -> None:
    assert match_known("src/settings.json") is None
    assert match_known("vscode/mcp.json.bak") is None


@pytest.mark.parametrize("form", ["absolute", "relative", "dot", "dot-slash", "str"])
def test_walked_entries_equal_their_fields_and_ship_their_path_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    # The walk builds each FileEntry without its __init__ and keeps its path's text for shipping to a pool
    # worker: the entry must equal (==, hash, repr) the one __init__ builds, and the text must be the Path's.
    from auditor.discovery.walk import FileEntry, ShippedEntry

    tree = tmp_path / "tree"
    (tree / "a" / "b").mkdir(parents=True)
    (tree / "top.env").write_text("A=1\n")
    (tree / "a" / "mid.yaml").write_text("k: v\n")
    (tree / "a" / "b" / "deep.json").write_text("{}\n")
    (tree / "a" / "link.env").symlink_to(tree / "top.env")
    monkeypatch.chdir(tmp_path if form in ("relative", "dot-slash", "str") else tree)
    root: object = {
        "absolute": tree,
        "relative": Path("tree"),
        "dot": Path("."),
        "dot-slash": Path("./tree"),
        "str": "./tree",
    }[form]
    entries, _skipped = walk([root])  # type: ignore[list-item]
    assert sorted(e.rel for e in entries) == ["a/b/deep.json", "a/link.env", "a/mid.yaml", "top.env"]
    for e in entries:
        built = FileEntry(e.path, e.rel, e.size, e.dev, e.ino)
        assert e == built and hash(e) == hash(built) and repr(e) == repr(built)
        shipped = ShippedEntry.of(e)
        assert shipped == (os.fspath(e.path), e.rel, e.size, e.dev, e.ino)
        assert type(shipped) is ShippedEntry and shipped.identity == e.identity


def test_a_walked_entry_makes_its_path_on_first_use_and_equals_the_built_one(tmp_path: Path) -> None:
    """The walk leaves a plain file's Path to be made when asked: the entry must read, compare, hash, name,
    pickle and ship exactly as the FileEntry built with its Path, and say so for no other attribute."""
    import os
    import pickle

    from auditor.discovery.walk import FileEntry, ShippedEntry, entry_name, walk

    for rel in ("a.env", "sub/b.yaml", "sub/deeper/c d.json"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("k: v\n")
    entries, _ = walk([tmp_path])
    assert [e.rel for e in entries] == ["a.env", "sub/b.yaml", "sub/deeper/c d.json"]
    for entry in entries:
        assert isinstance(entry, FileEntry)
        name = entry_name(entry)  # before the Path exists
        shipped = ShippedEntry.of(entry)
        again = pickle.loads(pickle.dumps(entry))
        built = FileEntry(tmp_path / entry.rel, entry.rel, entry.size, entry.dev, entry.ino)
        assert name == built.path.name and shipped == ShippedEntry.of(built)
        assert shipped.path == os.fspath(built.path)
        assert entry == built and hash(entry) == hash(built) and repr(entry) == repr(built)
        assert entry.path == built.path and type(entry.path) is type(built.path)
        assert entry.path is entry.path  # made once
        assert again == built and entry_name(again) == name
        with pytest.raises(AttributeError):
            entry.no_such_field  # noqa: B018
