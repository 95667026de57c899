"""The git index as a discovery source (`scan --staged`): what is about to be committed, not the working tree.

A commit hook must judge the staged version of each file: a secret removed in the working tree but still
staged is committed, and a secret pasted after `git add` is not. This module asks `git` for the index
entries to scan and their blobs (three short-lived `git` processes, about the cost of importing libgit2's
bindings, which a commit hook cannot afford on every commit), and writes the staged bytes into a private
temporary folder laid out like the repository, which the ordinary scan then reads. Findings therefore carry
repository-relative paths, and every guard of the normal walk (size, binary, ignore files) applies.

Without paths: the files the index changes against HEAD (added, modified, renamed or copied; a deletion has
nothing to scan). With paths (a commit hook passes the files it was given): the staged version of each of
those files, changed or not, so `pre-commit run --all-files` still scans every tracked file.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from auditor.discovery.archives import MAX_ARCHIVE_BYTES
from auditor.errors import BotauditError
from auditor.model import Skipped, is_archive_name

_REGULAR = ("100644", "100755")
_SYMLINK = "120000"
_GITLINK = "160000"
# Ignore files are staged content too: the index's version decides what the staged scan skips.
IGNORE_FILES = (".botauditignore",)


class StagedError(BotauditError):
    """`--staged` cannot be served: no git, no repository, a bare one, or a path outside its working tree."""


@dataclass(frozen=True)
class StagedEntry:
    path: str  # repository-relative, POSIX (undecodable bytes kept as surrogate escapes)
    oid: str
    mode: str


@dataclass(frozen=True)
class StagedCheckout:
    """The staged files written out: scan `folder`; report against `repo_root`."""

    folder: Path
    repo_root: Path
    files: tuple[str, ...]
    skipped: tuple[Skipped, ...]


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    # No pager, no prompts, no user config that could rewrite the output format.
    env = {**os.environ, "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise StagedError("--staged needs git on PATH") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise StagedError(f"--staged: git {args[0]} failed: {message[-1] if message else proc.returncode}")
    return proc.stdout


def _root(cwd: Path) -> Path:
    try:
        out = _git(cwd, "rev-parse", "--is-bare-repository", "--is-inside-work-tree", "--show-toplevel")
    except StagedError:
        # One call on the common path; a second only to word the error.
        try:
            is_bare = _git(cwd, "rev-parse", "--is-bare-repository").strip() == b"true"
        except StagedError:
            raise StagedError(f"--staged: {cwd} is not inside a git repository") from None
        where = "in a bare repository" if is_bare else "inside a .git folder"
        raise StagedError(f"--staged: {cwd} is {where} (no working tree, no index to scan)") from None
    bare, inside, toplevel = out.split(b"\n", 2)
    if bare == b"true" or inside != b"true":
        raise StagedError(f"--staged: {cwd} is in a bare repository or a .git folder (no working tree)")
    return Path(os.fsdecode(toplevel.rstrip(b"\n")))


def _relative(path: Path, cwd: Path, root: Path) -> str:
    """`path` (as given, relative to cwd) as a repository-relative POSIX path ('' for the root)."""
    absolute = Path(os.path.abspath(cwd / path))
    try:
        rel = absolute.relative_to(Path(os.path.abspath(root)))
    except ValueError:
        raise StagedError(f"--staged: {path} is outside the repository at {root}") from None
    return "" if str(rel) == "." else rel.as_posix()


def _index(root: Path) -> tuple[dict[str, StagedEntry], set[str]]:
    """Every stage-0 entry of the index by path, and the unmerged paths."""
    entries: dict[str, StagedEntry] = {}
    unmerged: set[str] = set()
    for record in _git(root, "ls-files", "--stage", "-z").split(b"\0"):
        if not record:
            continue
        meta, _, raw = record.partition(b"\t")
        mode, oid, stage = meta.decode("ascii").split()
        path = os.fsdecode(raw)
        if stage == "0":
            entries[path] = StagedEntry(path, oid, mode)
        else:
            unmerged.add(path)
    return entries, unmerged


def _changed(root: Path) -> list[str]:
    """Paths the index adds or changes against HEAD (against the empty tree before the first commit)."""
    out = _git(root, "diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACMT")
    return [os.fsdecode(p) for p in out.split(b"\0") if p]


def _ancestors(path: str) -> Iterator[str]:
    """'a/b/c.env' -> 'a/b', 'a', '' (the folders that contain it)."""
    while "/" in path:
        path = path.rsplit("/", 1)[0]
        yield path
    yield ""


def _given(
    entries: dict[str, StagedEntry], wanted: list[tuple[str, Path]], skipped: list[Skipped]
) -> list[str]:
    """The index paths named by the given files and folders, in linear time (a hook may pass thousands)."""
    out: list[str] = []
    folders: dict[str, Path] = {}
    for rel, given in wanted:
        if rel and rel in entries:
            out.append(rel)
        else:
            folders[rel] = given
    found: set[str] = set()
    if folders:
        for path in entries:
            hit = next((a for a in _ancestors(path) if a in folders), None)
            if hit is not None:
                out.append(path)
                found.add(hit)
    for rel, given in folders.items():
        if rel not in found:
            skipped.append(Skipped(str(given), "not in the git index (untracked or deleted)", "not_staged"))
    return out


def staged_entries(
    cwd: Path, paths: Sequence[Path] = ()
) -> tuple[Path, list[StagedEntry], list[StagedEntry], list[Skipped]]:
    """The repository root, the entries to scan, the ignore files that apply, and what is left out (why)."""
    root = _root(cwd)
    index, unmerged = _index(root)
    skipped: list[Skipped] = []
    if paths:
        candidates = _given(index, [(_relative(p, cwd, root), p) for p in paths], skipped)
    else:
        candidates = _changed(root)
    entries: list[StagedEntry] = []
    for path in dict.fromkeys(candidates):
        entry = index.get(path)
        if entry is None:
            continue
        if entry.mode in _REGULAR:
            entries.append(entry)
        elif entry.mode == _SYMLINK:
            # Its blob is the link's target path; the target, if staged, is scanned in its own right.
            skipped.append(Skipped(path, "symbolic link in the index (not followed)", "not_staged"))
        elif entry.mode == _GITLINK:
            skipped.append(Skipped(path, "submodule (scan it in its own repository)", "submodule"))
    for path in sorted(unmerged):
        skipped.append(Skipped(path, "unmerged in the index (resolve the conflict first)", "unmerged"))
    scanned = {e.path for e in entries}
    ignore_files = []
    for folder in sorted({a for e in entries for a in _ancestors(e.path)}):
        for name in IGNORE_FILES:
            rel = f"{folder}/{name}" if folder else name
            entry = index.get(rel)
            if entry is not None and rel not in scanned and entry.mode in _REGULAR:
                ignore_files.append(entry)
    return root, entries, ignore_files, skipped


def _write(folder: Path, rel: str, data: bytes, size: int) -> None:
    target = folder.joinpath(*rel.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL|O_NOFOLLOW: the folder is ours and fresh; nothing in it may be a link planted by a path.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(target, flags, 0o600), "wb") as out:
        if data or not size:
            out.write(data)
        else:
            out.truncate(size)  # over the size limit: a sparse file of the same size, which the walk skips


def _blobs(
    root: Path, entries: Sequence[StagedEntry], max_size: int
) -> Iterator[tuple[StagedEntry, bytes, int]]:
    """Each entry's staged bytes; a blob over `max_size` is not read (its size is enough to report it)."""
    if not entries:
        return
    sizes = []
    checked = _git(root, "cat-file", "--batch-check", stdin=_oids(entries)).splitlines()
    for entry, line in zip(entries, checked, strict=True):
        header = line.split()
        if len(header) != 3 or header[1] != b"blob":
            raise StagedError(f"--staged: cannot read the staged blob of {entry.path}")
        sizes.append(int(header[2]))
    # An archive is written whole up to the walk's archive limit: the walk lists its members, each of which
    # obeys `max_size` (discovery.archives).
    limits = [MAX_ARCHIVE_BYTES if is_archive_name(e.path) else max_size for e in entries]
    small = [e for e, size, limit in zip(entries, sizes, limits, strict=True) if size <= limit]
    out = _git(root, "cat-file", "--batch", stdin=_oids(small)) if small else b""
    pos = 0
    for entry, size, limit in zip(entries, sizes, limits, strict=True):
        if size > limit:
            yield entry, b"", size
            continue
        start = out.index(b"\n", pos) + 1
        yield entry, out[start : start + size], size
        pos = start + size + 1


def _oids(entries: Sequence[StagedEntry]) -> bytes:
    return b"".join(e.oid.encode("ascii") + b"\n" for e in entries)


@contextmanager
def staged_checkout(
    cwd: Path, paths: Sequence[Path] = (), *, max_size: int | None = None
) -> Iterator[StagedCheckout]:
    """Write the staged files into a private temporary folder (mode 0700) for the length of the block."""
    from auditor.discovery.walk import DEFAULT_MAX_FILE_SIZE

    limit = max_size or DEFAULT_MAX_FILE_SIZE
    root, entries, ignore_files, skipped = staged_entries(cwd, paths)
    with tempfile.TemporaryDirectory(prefix="botaudit-staged-") as tmp:
        folder = Path(tmp)
        for entry, data, size in _blobs(root, [*entries, *ignore_files], limit):
            _write(folder, entry.path, data, size)
        yield StagedCheckout(folder, root, tuple(e.path for e in entries), tuple(skipped))
