"""The history walk as it was first written (commit e81f87c): each commit diffed against its first parent
with libgit2, oldest commit first, the added or modified regular-file blobs not seen before kept.

Kept here as the oracle for auditor/discovery/history.py, which finds the same blobs without building diffs:
test_history_walk.py checks the two give the same blobs, paths, commits and coverage on repositories built
to exercise every case the diff reading had (merges, type changes, symlinks, submodules, odd modes,
excluded paths, scan roots below the repository, several refs).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pathspec
import pygit2

from auditor.discovery.history import HistoryBlob, HistoryWalk, _ref_targets, _skip_path
from auditor.discovery.walk import DEFAULT_MAX_FILE_SIZE
from auditor.model import Skipped


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
    repo: Any = pygit2.Repository(gitdir)
    workdir = Path(repo.workdir).resolve() if repo.workdir else None
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
                    continue
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
                    continue
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


def reference_walk(
    roots: Sequence[Path],
    prefixes: Sequence[str],
    *,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    exclude: Sequence[str] = (),
) -> HistoryWalk:
    """`walk_history` as the diff reading gave it."""
    out = HistoryWalk()
    exclude_spec = pathspec.GitIgnoreSpec.from_lines(list(exclude)) if exclude else None
    seen: set[bytes] = set()
    walked: set[tuple[str, str]] = set()
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
            out.blobs.extend(
                _walk_repository(
                    start,
                    prefix,
                    gitdir,
                    max_file_size=max_file_size,
                    exclude=exclude_spec,
                    seen=seen,
                    out=out,
                )
            )
        except pygit2.GitError as exc:
            out.skipped.append(Skipped(prefix or str(root), f"git history not readable: {exc}", "history"))
    return out
