"""Git history as a discovery source: every blob reachable from any ref, once, with the commit that added it.

Removing a key from HEAD does not revoke it: whoever has a clone still has every earlier version. This module
walks the commit graph with libgit2 (pygit2), oldest commit first, and yields each blob the first time a
commit adds it (an added, modified, renamed or copied file). A blob that appears in many commits, branches or
paths is scanned once: the extractors see bytes and a path, exactly as for a file on disk. The walk reads the
trees no earlier commit had (raw, from the object database), which finds exactly what diffing each commit
against its first parent found (tests/history_reference.py keeps that reading as the oracle), with less work.

Nothing here reads blob contents: `read_blob` does that in the scanning worker, so only object ids and paths
cross process boundaries. `iter_history` is lazy: the scanner pulls blobs as its workers need them, so the
walk never holds more than the blob ids it has seen (20 bytes each) and the blobs in flight.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pathspec

from auditor.discovery.walk import ALWAYS_SKIP_DIRS, DEFAULT_MAX_FILE_SIZE, is_lockfile
from auditor.model import Skipped

# The cap on libgit2's object cache while history is walked (see iter_history).
WALK_CACHE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class HistoryBlob:
    """One blob to scan: where it first appeared (path, commit, date) and how to read it again."""

    repo: str  # the repository's git directory, so a worker process can open it
    oid: str
    rel: str  # posix path relative to the scan root, as in the commit that added the blob
    size: int
    commit: str
    committed: datetime


@dataclass
class HistoryWalk:
    """The outcome of walking one or more repositories' histories (`blobs` only from `walk_history`)."""

    blobs: list[HistoryBlob] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    commits: int = 0
    repositories: int = 0
    # Distinct blobs yielded (== len(blobs) when they were collected).
    yielded: int = 0


def _pygit2() -> Any:
    try:
        import pygit2
    except ImportError as exc:  # pragma: no cover - a runtime dependency; only a broken install lacks it
        raise RuntimeError("--history needs pygit2 (pip install pygit2)") from exc
    return pygit2


def _skip_path(rel: str, exclude: pathspec.GitIgnoreSpec | None) -> str | None:
    """Why a path from history is not scanned (the walker's own rules for the working tree), or None."""
    parts = rel.split("/")
    if any(part in ALWAYS_SKIP_DIRS for part in parts[:-1]):
        return "vcs, dependency or cache directory"
    if is_lockfile(parts[-1]):
        return "lock file"
    if exclude is not None and exclude.match_file(rel):
        return "excluded by botaudit.yaml"
    return None


def _ref_targets(repo: Any, pygit2: Any) -> list[Any]:
    """The commit each ref points at (branches, tags, remotes, stashes), peeled; duplicates once."""
    seen: dict[str, Any] = {}
    for name in repo.references:
        try:
            target = repo.references[name].peel(pygit2.Commit)
        except (pygit2.GitError, KeyError, ValueError, pygit2.InvalidSpecError):
            continue  # a ref to a tree or a blob, or a dangling symbolic ref
        seen.setdefault(str(target.id), target.id)
    if not repo.head_is_unborn:  # a detached HEAD is reachable from no ref
        head = repo.head.peel(pygit2.Commit)
        seen.setdefault(str(head.id), head.id)
    return list(seen.values())


def _walk_repository(
    root: Path,
    prefix: str,
    gitdir: str,
    *,
    max_file_size: int,
    exclude: pathspec.GitIgnoreSpec | None,
    seen: set[bytes],
    out: HistoryWalk,
) -> Iterator[HistoryBlob]:
    pygit2 = _pygit2()
    repo = pygit2.Repository(gitdir)
    workdir = Path(repo.workdir).resolve() if repo.workdir else None
    # Only blobs below the scan root count, with paths relative to it (as discovery names files on disk).
    sub = ""
    if workdir is not None:
        try:
            sub = root.resolve().relative_to(workdir).as_posix()
        except ValueError:
            sub = ""
    sub = "" if sub == "." else sub
    targets = _ref_targets(repo, pygit2)
    if not targets:
        out.skipped.append(Skipped(prefix or str(root), "git repository without commits", "history"))
        return
    out.repositories += 1
    walker = repo.walk(targets[0], pygit2.enums.SortMode.TOPOLOGICAL | pygit2.enums.SortMode.REVERSE)
    for target in targets[1:]:
        walker.push(target)
    new_blobs = _NewBlobs(repo, pygit2, seen, sub)
    skip: dict[str, bool] = {}  # path -> deliberately not scanned (the same paths recur in every commit)
    # File versions over max_file_size, as on disk: not read, counted in one coverage line per repository.
    size_of = _blob_size(repo, pygit2)
    too_large = 0
    for commit in walker:
        out.commits += 1
        when: datetime | None = None
        commit_id: str | None = None
        for path, raw in new_blobs.of(commit.tree_id):
            skipped = skip.get(path)
            if skipped is None:
                skipped = skip[path] = _skip_path(path, exclude) is not None
            if skipped:
                continue  # deliberate, as on disk; not listed blob by blob
            if size_of(raw) > max_file_size:
                too_large += 1
                continue
            rel = f"{prefix}/{path}" if prefix else path
            if when is None or commit_id is None:
                when = datetime.fromtimestamp(commit.commit_time, tz=UTC)
                commit_id = str(commit.id)
            out.yielded += 1
            # Size 0: the walk does not read blobs (libgit2's tree diffs, used before, reported 0 too).
            yield HistoryBlob(gitdir, raw.hex(), rel, 0, commit_id, when)
        new_blobs.raise_pending()
    if too_large:
        out.skipped.append(
            Skipped(
                prefix or str(root),
                f"git history: {too_large} file version(s) larger than {max_file_size} bytes not scanned",
                "too_large",
            )
        )


def _blob_size(repo: Any, pygit2: Any) -> Any:
    """A function giving a blob's size from the object database's header (no content read); -1 when the
    header cannot be read (the blob is then read and its failure reported where it is scanned)."""
    read_header = repo.odb.read_header
    oid = pygit2.Oid

    def size_of(raw: bytes) -> int:
        try:
            return int(read_header(oid(raw=raw))[1])
        except (KeyError, ValueError, pygit2.GitError):
            return -1

    return size_of


# One entry of a raw git tree: "<octal mode> <name>\0<object id>" (the id's length is the repository's).
# Bounded (git writes modes of at most 6 digits; no file system takes a name of 4 KiB) and only run over a
# tree the whole-tree pattern accepted: `findall` tries every offset, and over a crafted tree object ("0 "
# a million times, no NUL) the unbounded entry pattern scanned to the end from each one (quadratic: hours).
_TREE_ENTRY_20 = re.compile(rb"([0-7]{1,7}) ([^\x00]{0,4096})\x00(.{20})", re.DOTALL)
_TREE_ENTRY_32 = re.compile(rb"([0-7]{1,7}) ([^\x00]{0,4096})\x00(.{32})", re.DOTALL)
# A whole well-formed tree: anchored at its start, one pass (a name can only end at its NUL), so a malformed
# tree fails in linear time, and a tree it accepts is read entry by entry with nothing skipped.
_TREE_20 = re.compile(rb"(?:[0-7]{1,7} [^\x00]{0,4096}\x00.{20})*", re.DOTALL)
_TREE_32 = re.compile(rb"(?:[0-7]{1,7} [^\x00]{0,4096}\x00.{32})*", re.DOTALL)
# What a tree entry's mode makes of it, as libgit2's tree diff reads modes (the number, not its spelling):
# a tree (type bits 040000), a regular file (exactly 100644 or 100755: other permission bits, a symlink or a
# submodule are not scanned), or neither.
_TREE, _FILE, _OTHER = 0, 1, 2
# Names are decoded as pygit2 decodes paths (the file system's encoding and error handler: surrogateescape).
_FS_ENCODING, _FS_ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
_MODES: dict[bytes, int] = {}


def _mode_kind(mode: bytes) -> int:
    kind = _MODES.get(mode)
    if kind is None:
        number = int(mode, 8)
        kind = _TREE if number & 0o170000 == 0o040000 else _FILE if number in (0o100644, 0o100755) else _OTHER
        if len(_MODES) < 64:  # a handful of spellings in any real repository
            _MODES[mode] = kind
    return kind


class _NewBlobs:
    """The regular-file blobs of a commit's tree that no earlier commit's tree held, in path order.

    Equivalent to diffing each commit against its first parent (oldest commit first) and keeping the added
    or modified blobs not seen before: a blob new to the walk is in no ancestor's tree, so it differs from
    the first parent's entry at its path; a blob the parent holds was seen with the parent. Faster: a
    subtree whose id was seen before holds only blobs seen before and is not read again, and trees are
    parsed from their raw bytes (one regex pass in C) instead of building a diff and its Python objects.
    """

    def __init__(self, repo: Any, pygit2: Any, seen: set[bytes], sub: str) -> None:
        self._read = repo.odb.read
        self._oid = pygit2.Oid
        self._tree_type = pygit2.enums.ObjectType.TREE
        self._not_found = pygit2.NotFoundError  # a GitError: the walk's caller makes it coverage
        self._git_error = pygit2.GitError
        self._seen = seen
        self._seen_trees: set[bytes] = set()
        self._sub = [part for part in sub.split("/") if part] if sub else []
        self._entry, self._whole = _TREE_ENTRY_20, _TREE_20
        self.pending: Exception | None = None

    def _tree(self, raw: bytes) -> bytes:
        try:
            kind, data = self._read(self._oid(raw=raw))
        except KeyError as exc:  # libgit2's words, as its diff said them for a missing tree
            raise self._not_found(f"object not found - no match for id ({raw.hex()})") from exc
        if kind != self._tree_type:
            raise self._not_found(f"the requested type does not match the type in the ODB ({raw.hex()})")
        if self._whole.fullmatch(data) is None:
            raise self._git_error(f"malformed tree object ({raw.hex()}): its entries were not read")
        return data  # type: ignore[no-any-return]

    def of(self, tree_id: Any) -> list[tuple[str, bytes]]:
        raw = tree_id.raw
        if len(raw) == 32:  # a SHA-256 repository
            self._entry, self._whole = _TREE_ENTRY_32, _TREE_32
        for name in self._sub:  # a scan root below the repository: only its own subtree counts
            found = None
            for mode, entry_name, entry_raw in self._entry.findall(self._tree(raw)):
                if _mode_kind(mode) == _TREE and entry_name.decode(_FS_ENCODING, _FS_ERRORS) == name:
                    found = entry_raw
                    break
            if found is None:
                return []
            raw = found
        if raw in self._seen_trees:
            return []
        self._seen_trees.add(raw)
        out: list[tuple[str, bytes]] = []
        try:
            self._visit(self._tree(raw), "", out)
        except self._git_error as exc:
            # A missing or mistyped subtree: the blobs found before it are still scanned, then the walk
            # reports it (raise_pending), as when these were yielded one by one.
            self.pending = exc
        return out

    def raise_pending(self) -> None:
        """Raise the error that cut the last `of` short, if any."""
        if self.pending is not None:
            exc, self.pending = self.pending, None
            raise exc

    def _visit(self, data: bytes, base: str, out: list[tuple[str, bytes]]) -> None:
        """Append the new regular files of one tree (and its new subtrees, depth first) to `out`, in the
        order a recursive walk in path order yields them; a list, not nested generators: each blob is
        handed up once instead of through every level above it."""
        seen, seen_trees = self._seen, self._seen_trees
        # Most entries of a tree read again are ids seen before: set look-ups in one comprehension drop them.
        fresh = [e for e in self._entry.findall(data) if e[2] not in seen and e[2] not in seen_trees]
        for mode, name, raw in fresh:
            kind = _MODES.get(mode)
            if kind is None:
                kind = _mode_kind(mode)
            if kind == _TREE:
                if raw not in seen_trees:
                    seen_trees.add(raw)
                    self._visit(self._tree(raw), base + name.decode(_FS_ENCODING, _FS_ERRORS) + "/", out)
            elif kind == _FILE and raw not in seen:  # the same blob twice in one tree: the first names it
                seen.add(raw)
                out.append((base + name.decode(_FS_ENCODING, _FS_ERRORS), raw))


def iter_history(
    roots: Sequence[Path],
    prefixes: Sequence[str],
    out: HistoryWalk,
    *,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    exclude: Sequence[str] = (),
) -> Iterator[HistoryBlob]:
    """The blobs of every commit reachable from any ref of the repositories holding `roots`, oldest commit
    first, each once; lazily. Commits, repositories and coverage entries accumulate in `out` as it goes.

    A root that is not inside a git repository is a coverage entry: the user asked for history and none
    could be read there.
    """
    pygit2 = _pygit2()
    exclude_spec = pathspec.GitIgnoreSpec.from_lines(list(exclude)) if exclude else None
    seen: set[bytes] = set()
    walked: set[tuple[str, str]] = set()
    # libgit2 keeps the trees and commits it reads in a process-wide cache of up to 256 MB by default: on a
    # long history the walk would fill it (and pass it on to forked workers). Capped while walking.
    previous_cap = pygit2.settings.cached_memory[1]
    pygit2.settings.cache_max_size(min(previous_cap, WALK_CACHE_BYTES))
    try:
        yield from _walk_roots(roots, prefixes, out, pygit2, max_file_size, exclude_spec, seen, walked)
    finally:
        pygit2.settings.cache_max_size(previous_cap)


def _walk_roots(
    roots: Sequence[Path],
    prefixes: Sequence[str],
    out: HistoryWalk,
    pygit2: Any,
    max_file_size: int,
    exclude_spec: pathspec.GitIgnoreSpec | None,
    seen: set[bytes],
    walked: set[tuple[str, str]],
) -> Iterator[HistoryBlob]:
    for root, prefix in zip(roots, prefixes, strict=True):
        root = Path(root).absolute()
        start = root if root.is_dir() else root.parent
        gitdir = pygit2.discover_repository(str(start))
        if gitdir is None:
            out.skipped.append(
                Skipped(prefix or str(root), "not inside a git repository: no history scanned", "history")
            )
            continue
        if (gitdir, str(start)) in walked:
            continue
        walked.add((gitdir, str(start)))
        try:
            yield from _walk_repository(
                start,
                prefix,
                gitdir,
                max_file_size=max_file_size,
                exclude=exclude_spec,
                seen=seen,
                out=out,
            )
        except pygit2.GitError as exc:
            # libgit2's messages name objects and paths, never blob contents.
            out.skipped.append(Skipped(prefix or str(root), f"git history not readable: {exc}", "history"))


def walk_history(
    roots: Sequence[Path],
    prefixes: Sequence[str],
    *,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    exclude: Sequence[str] = (),
) -> HistoryWalk:
    """`iter_history` collected into `HistoryWalk.blobs` (for callers that want the whole list)."""
    out = HistoryWalk()
    out.blobs.extend(iter_history(roots, prefixes, out, max_file_size=max_file_size, exclude=exclude))
    return out


_REPOS: dict[str, tuple[Any, Any, Any, Any]] = {}


def read_blob(blob: HistoryBlob) -> bytes:
    """The blob's bytes; one Repository per git directory and process (workers open their own)."""
    opened = _REPOS.get(blob.repo)
    if opened is None:
        pygit2 = _pygit2()
        repo = pygit2.Repository(blob.repo)
        opened = _REPOS[blob.repo] = (repo, repo.odb.read, pygit2.Oid, pygit2.enums.ObjectType.BLOB)
    repo, read, oid, blob_type = opened
    # The object database directly: no object is built or cached, and the id is not resolved as a prefix.
    try:
        kind, data = read(oid(hex=blob.oid))
    except Exception:
        kind = None
    if kind != blob_type:  # missing, corrupt or not a blob: fail as the object lookup always did
        data = repo[blob.oid].data
    return data  # type: ignore[no-any-return]
