"""The history walk reads trees, not diffs: the same blobs, paths, commits and coverage as the diff reading.

auditor/discovery/history.py finds each commit's new blobs by reading only the trees no earlier commit had
(tests/history_reference.py keeps the first-parent diff reading it replaced, as the oracle). Repositories
are written with `git fast-import` so that each case the two readings could disagree on is there: merges
(the second parent's blobs, an evil merge's own), files becoming folders and back, symlinks, submodules,
executable files, the same blob at several paths of one commit (which path names it: sort order around
'-', '.' and '/'), a name that is not UTF-8, deletions and re-additions, several branches, tags, a
detached HEAD, notes, excluded and always-skipped paths, and scan roots below the repository.
"""

from __future__ import annotations

import os
import random
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from auditor.discovery.history import walk_history
from tests.history_reference import reference_walk

ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Dev",
    "GIT_AUTHOR_EMAIL": "dev@example.invalid",
    "GIT_COMMITTER_NAME": "Dev",
    "GIT_COMMITTER_EMAIL": "dev@example.invalid",
}


def git(repo: Path, *args: str, data: bytes | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=ENV, input=data, capture_output=True, check=True)
    return done.stdout.decode().strip()


@dataclass
class Stream:
    """A fast-import stream under construction; `commit` returns the commit's mark."""

    out: list[bytes] = field(default_factory=list)
    marks: int = 0
    clock: int = 1_700_000_000

    def commit(
        self,
        branch: str,
        ops: list[tuple[str, ...]],
        *,
        parent: int | None = None,
        merge: tuple[int, ...] = (),
    ) -> int:
        self.marks += 1
        self.clock += 60
        message = f"commit {self.marks}".encode()
        self.out.append(f"commit refs/heads/{branch}\nmark :{self.marks}\n".encode())
        self.out.append(f"committer Dev <dev@example.invalid> {self.clock} +0000\n".encode())
        self.out.append(f"data {len(message)}\n".encode() + message + b"\n")
        if parent is not None:
            self.out.append(f"from :{parent}\n".encode())
        for other in merge:
            self.out.append(f"merge :{other}\n".encode())
        for op in ops:
            if op[0] == "D":
                self.out.append(b"D " + _quote(op[1]) + b"\n")
            else:
                mode, path, body = op
                if mode == "160000":  # a submodule: the 'body' is the commit id it points at
                    self.out.append(f"M 160000 {body} ".encode() + _quote(path) + b"\n")
                    continue
                payload = body.encode("utf-8", "surrogateescape")
                self.out.append(f"M {mode} inline ".encode() + _quote(path) + b"\n")
                self.out.append(f"data {len(payload)}\n".encode() + payload + b"\n")
        return self.marks

    def tag(self, name: str, mark: int) -> None:
        message = b"release"
        self.out.append(f"tag {name}\nfrom :{mark}\n".encode())
        self.out.append(f"tagger Dev <dev@example.invalid> {self.clock} +0000\n".encode())
        self.out.append(f"data {len(message)}\n".encode() + message + b"\n")

    def write(self, repo: Path) -> None:
        repo.mkdir(parents=True)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "fast-import", "--quiet", data=b"".join(self.out))


def _quote(path: str) -> bytes:
    raw = path.encode("utf-8", "surrogateescape")
    if raw.isascii() and b'"' not in raw and b"\\" not in raw:
        return raw
    return b'"' + b"".join(b"\\%03o" % c if c > 126 or c in b'"\\' else bytes([c]) for c in raw) + b'"'


def same_walk(roots: list[Path], prefixes: list[str], **kwargs: object) -> int:
    """Asserts the two readings agree; returns how many blobs they found."""
    expected = reference_walk(roots, prefixes, **kwargs)  # type: ignore[arg-type]
    actual = walk_history(roots, prefixes, **kwargs)  # type: ignore[arg-type]
    assert [(b.rel, b.oid, b.commit) for b in actual.blobs] == [
        (b.rel, b.oid, b.commit) for b in expected.blobs
    ]
    assert actual.blobs == expected.blobs  # sizes, dates and the repository too
    assert (actual.commits, actual.repositories, actual.yielded) == (
        expected.commits,
        expected.repositories,
        expected.yielded,
    )
    assert actual.skipped == expected.skipped
    return len(actual.blobs)


# Names that sort around the '/' of a folder: git orders 'a-b' < 'a.b' < 'a/' < 'a0' (a folder sorts as if its
# name ended in '/'), which decides the path a blob added at several places in one commit is reported under.
NAMES = ["a", "a-b", "a.b", "a0", "A", "b/c.env", "a/x.yaml", "a/b/c.txt", "d/e/f.json", "node_modules/m.js"]


def _random_history(seed: int, commits: int) -> Stream:
    rng = random.Random(seed)
    bodies = [f"TOKEN=value-{i}\n" for i in range(12)]  # few bodies: the same blob comes back elsewhere
    stream = Stream()
    heads: dict[str, int] = {}
    for _ in range(commits):
        branch = rng.choice(["main", "main", "dev", "topic"])
        ops: list[tuple[str, ...]] = []
        for _ in range(rng.randint(0, 4)):
            path = rng.choice(NAMES)
            roll = rng.random()
            if roll < 0.15:
                ops.append(("D", path))
            elif roll < 0.22:
                ops.append(("120000", path, rng.choice(NAMES)))  # a symlink (its blob is a path)
            elif roll < 0.27:
                ops.append(("160000", path, f"{rng.getrandbits(160):040x}"))
            elif roll < 0.35:
                ops.append(("100755", path, rng.choice(bodies)))
            else:
                ops.append(("100644", path, rng.choice(bodies)))
        merge: tuple[int, ...] = ()
        others = [mark for name, mark in heads.items() if name != branch]
        if branch in heads and others and rng.random() < 0.25:
            merge = (rng.choice(others),)
        parent = heads.get(branch) or (heads.get("main") if heads else None)
        heads[branch] = stream.commit(branch, ops, parent=parent, merge=merge)
    return stream


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_random_histories_read_the_same(tmp_path: Path, seed: int) -> None:
    repo = tmp_path / "repo"
    _random_history(seed, 60).write(repo)
    git(repo, "checkout", "-q", "-f", "main")
    assert same_walk([repo], [""]) > 5
    same_walk([repo], [""], exclude=["*.json", "a-b"])
    for below in ("a", "d/e", "b"):
        if (repo / below).is_dir():
            same_walk([repo / below], [below])
    if (repo / "a").is_dir():  # two roots in one repository: the second sees only what the first did not
        same_walk([repo / "a", repo], ["a", ""])


def test_merges_type_changes_and_refs_read_the_same(tmp_path: Path) -> None:
    s = Stream()
    root = s.commit("main", [("100644", "cfg/app.yaml", "retries: 1\n"), ("100644", "a", "file a\n")])
    # A file becomes a folder, a folder a file, a file a symlink and back; an executable; a submodule.
    c2 = s.commit("main", [("D", "a"), ("100644", "a/inner.env", "KEY=1\n")], parent=root)
    c3 = s.commit("main", [("D", "cfg"), ("100644", "cfg", "now a file\n")], parent=c2)
    c4 = s.commit("main", [("120000", "link", "KEY=1\n"), ("100755", "run.sh", "echo hi\n")], parent=c3)
    c5 = s.commit("main", [("100644", "link", "KEY=1\n"), ("160000", "vendor/lib", "1" * 40)], parent=c4)
    # A branch adds blobs a merge brings in; the merge itself adds content of its own (an evil merge).
    b1 = s.commit("feature", [("100644", "feat/new.env", "FEATURE=1\n")], parent=root)
    b2 = s.commit(
        "feature", [("100644", "feat/new.env", "FEATURE=2\n"), ("100644", "x", "KEY=1\n")], parent=b1
    )
    m = s.commit("main", [("100644", "merge-only.txt", "resolved\n")], parent=c5, merge=(b2,))
    # The same new blob at several paths of one commit, named on both sides of a folder's sort position.
    same = "SHARED=1\n"
    s.commit("main", [("100644", p, same) for p in ("z/s", "a-b", "a.b", "a/s", "a0", "A")], parent=m)
    s.commit("other", [("100644", "only/on/other.env", "OTHER=1\n")], parent=root)
    s.tag("v1", b1)
    repo = tmp_path / "repo"
    s.write(repo)
    git(repo, "checkout", "-q", "-f", "main")
    git(repo, "tag", "light", "main~1")
    git(repo, "notes", "add", "-m", "a note", "HEAD")
    assert same_walk([repo], [""]) >= 10
    same_walk([repo / "a"], ["a"])
    same_walk([repo], [""], exclude=["feat/"])
    # A detached HEAD on a commit no ref names.
    git(repo, "checkout", "-q", "--detach", "main")
    git(repo, "commit", "-q", "--allow-empty", "-m", "detached")
    (repo / "detached.env").write_text("DETACHED=1\n")
    git(repo, "add", "detached.env")
    git(repo, "commit", "-q", "-m", "detached file")
    same_walk([repo], [""])


def test_a_name_that_is_not_utf8_reads_the_same(tmp_path: Path) -> None:
    s = Stream()
    s.commit("main", [("100644", "caf\udce9.env", "KEY=latin1\n"), ("100644", "ok.env", "KEY=ok\n")])
    repo = tmp_path / "repo"
    s.write(repo)
    assert same_walk([repo], [""]) == 2


def test_odd_modes_read_the_same(tmp_path: Path) -> None:
    """A tree written by an old or foreign tool: a file mode with group-write (100664, which the diff
    reading skipped as no regular file) and a zero-padded folder mode (040000)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    odd = git(repo, "hash-object", "-w", "--stdin", data=b"ODD=1\n")
    inner = git(repo, "hash-object", "-w", "--stdin", data=b"INNER=1\n")
    sub = git(
        repo, "hash-object", "-t", "tree", "-w", "--stdin", data=b"100644 x.env\0" + bytes.fromhex(inner)
    )
    body = b"100664 a.env\0" + bytes.fromhex(odd) + b"040000 d\0" + bytes.fromhex(sub)
    tree = git(repo, "hash-object", "-t", "tree", "-w", "--stdin", "--literally", data=body)
    commit = git(repo, "commit-tree", tree, "-m", "odd")
    git(repo, "update-ref", "refs/heads/main", commit)
    assert same_walk([repo], [""]) == 1


def test_missing_objects_and_empty_repositories_read_the_same(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    plain = tmp_path / "plain"
    plain.mkdir()
    same_walk([empty, plain], ["empty", "plain"])
    s = Stream()
    first = s.commit("main", [("100644", "keep/a.env", "A=1\n")])
    s.commit("main", [("100644", "lost/b.env", "B=1\n")], parent=first)
    repo = tmp_path / "repo"
    s.write(repo)
    git(repo, "repack", "-q", "-a", "-d")
    packs = list((repo / ".git/objects/pack").iterdir())
    (pack,) = [p.read_bytes() for p in packs if p.suffix == ".pack"]
    for path in packs:
        path.unlink()
    git(repo, "unpack-objects", "-q", data=pack)  # loose objects, so that one can go
    lost = git(repo, "rev-parse", "main:lost")
    (repo / ".git/objects" / lost[:2] / lost[2:]).unlink()  # a tree of the second commit is gone
    same_walk([repo], [""])
    walked = walk_history([repo], [""])
    assert [s.category for s in walked.skipped] == ["history"]
    assert "not readable" in walked.skipped[0].reason
    assert [b.rel for b in walked.blobs] == ["keep/a.env"]


def test_a_malformed_tree_is_coverage_not_a_hang(tmp_path: Path) -> None:
    """A tree object no git would write ("0 " over and over, no NUL), added with --literally as a crafted
    repository could carry it: the walk reports it as not read, in linear time, and still reads the rest.
    The old entry pattern tried every offset and scanned to the end from each one (quadratic), and would
    have skipped garbage silently."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    good = git(repo, "hash-object", "-w", "--stdin", data=b"GOOD=1\n")
    junk = git(repo, "hash-object", "-t", "tree", "-w", "--stdin", "--literally", data=b"0 " * 20_000)
    body = b"100644 a.env\0" + bytes.fromhex(good) + b"40000 junk\0" + bytes.fromhex(junk)
    tree = git(repo, "hash-object", "-t", "tree", "-w", "--stdin", "--literally", data=body)
    commit = git(repo, "commit-tree", tree, "-m", "crafted")
    git(repo, "update-ref", "refs/heads/main", commit)
    walked = walk_history([repo], [""])
    assert [b.rel for b in walked.blobs] == ["a.env"]
    assert [s.category for s in walked.skipped] == ["history"]
    assert "malformed tree" in walked.skipped[0].reason
