"""Git history as a discovery source: every blob reachable from any ref, once, with the commit that added it.

Removing a key from HEAD does not revoke it: whoever has a clone still has every earlier version. This module
walks the commit graph with libgit2 (pygit2), oldest commit first, and yields each blob the first time a
commit adds it (an added, modified, renamed or copied file). A blob that appears in many commits, branches or
paths is scanned once: the extractors see bytes and a path, exactly as for a file on disk.

Nothing here reads blob contents: `read_blob` does that in the scanning worker, so only object ids and paths
cross process boundaries. `iter_history` is lazy: the scanner pulls blobs as its workers need them, so the
walk never holds more than the blob ids it has seen (20 bytes each) and the blobs in flight.
"""

from __future__ import annotations

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
    empty_tree = None
    too_large = 0
    regular = (0o100644, 0o100755)
    try:
        for commit in walker:
            out.commits += 1
            if commit.parents:
                diff = commit.parents[0].tree.diff_to_tree(commit.tree)
            else:
                if empty_tree is None:
                    empty_tree = repo[repo.TreeBuilder().write()]
                diff = empty_tree.diff_to_tree(commit.tree)
            when: datetime | None = None
            commit_id: str | None = None
            for delta in diff.deltas:
                new = delta.new_file
                if new.mode not in regular or delta.status_char() not in "AMRC":
                    continue  # deletions, submodules, symlinks (a blob holding a path), type changes
                # Raw 20-byte ids: the set of blobs seen is the walk's only state that grows with history.
                raw = new.id.raw
                if raw in seen:
                    continue
                path = new.path
                if sub:
                    if not path.startswith(sub + "/"):
                        continue
                    path = path[len(sub) + 1 :]
                rel = f"{prefix}/{path}" if prefix else path
                seen.add(raw)
                reason = _skip_path(path, exclude)
                if reason is not None:
                    continue  # deliberate, as on disk; not listed blob by blob
                size = new.size
                if size > max_file_size:
                    too_large += 1
                    continue
                if when is None or commit_id is None:
                    when = datetime.fromtimestamp(commit.commit_time, tz=UTC)
                    commit_id = str(commit.id)
                out.yielded += 1
                yield HistoryBlob(gitdir, str(new.id), rel, size, commit_id, when)
    finally:
        if too_large:
            out.skipped.append(
                Skipped(
                    prefix or str(root),
                    f"git history: {too_large} blob(s) larger than {max_file_size} bytes not scanned",
                    "too_large",
                )
            )


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


_REPOS: dict[str, Any] = {}


def read_blob(blob: HistoryBlob) -> bytes:
    """The blob's bytes; one Repository per git directory and process (workers open their own)."""
    repo = _REPOS.get(blob.repo)
    if repo is None:
        repo = _REPOS[blob.repo] = _pygit2().Repository(blob.repo)
    data: bytes = repo[blob.oid].data
    return data
