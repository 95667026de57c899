"""Discovery: stream the files under the scan roots, honouring ignore files and guarding size and symlinks."""

from __future__ import annotations

import errno
import operator
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from auditor.discovery.archives import MAX_ARCHIVE_BYTES, SEPARATOR, MemberEntry, members
from auditor.discovery.safeopen import ChangedFileError, read_regular
from auditor.model import ARCHIVE_SUFFIXES, Skipped, is_archive_name

if TYPE_CHECKING:
    # Imported where a pattern is compiled: most trees have no ignore file and no exclude setting, and
    # pathspec's import (with its own Vectorscan backend) is a visible part of a small scan's start-up.
    import pathspec

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

# Never useful to a credential audit and often huge: vendored code, VCS internals, caches.
ALWAYS_SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".tox",
        ".nox",
        ".eggs",
    }
)

# Lock files hold integrity hashes and resolved URLs, never credentials, and are large: skip them (counted).
LOCKFILE_NAMES = frozenset(
    {
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "poetry.lock",
        "Pipfile.lock",
        "Cargo.lock",
        "go.sum",
        "composer.lock",
        "Gemfile.lock",
        "uv.lock",
        "pdm.lock",
        "bun.lockb",
        "packages.lock.json",
        "flake.lock",
        "mix.lock",
        "pubspec.lock",
        "Podfile.lock",
    }
)

# Which ignore files a security scan honours is a deliberate choice: the scanned repository must not be able
# to hide files from the scan by default. `.botauditignore` is botaudit's own and always applies;
# `.gitignore` applies only with --respect-gitignore, and then only to files git does not track (as in git
# itself: a committed `.gitignore` holding `*` does not hide a committed secret). Every exclusion is counted
# in coverage.
BOTAUDIT_IGNORE = ".botauditignore"
GITIGNORE = ".gitignore"
IGNORE_FILES = (GITIGNORE, BOTAUDIT_IGNORE)
MAX_IGNORE_FILE_BYTES = 1024 * 1024
EXCLUDE_SOURCE = "botaudit.yaml scan.exclude"


@dataclass(frozen=True)
class FileEntry:
    """One file to scan: its absolute path, its posix path relative to the scan root, and its size.

    `dev` and `ino` identify the regular file discovery saw (0 when unknown): extraction opens `path`
    without following links and checks it is still that file (safeopen.read_regular). For a symlink inside
    the tree, `path` is its resolved target and `rel` the link's own name.
    """

    path: Path
    rel: str
    size: int
    dev: int = 0
    ino: int = 0

    @property
    def identity(self) -> tuple[int, int] | None:
        return (self.dev, self.ino) if self.ino else None

    if not TYPE_CHECKING:  # (for mypy, every attribute stays declared)

        def __getattr__(self, name: str) -> Any:
            """`path` of an entry the walk made without it (_walked_entry): its folder's Path and its name
            are kept, and the Path is made on first use, once (a pooled scan ships the text alone)."""
            lazy = self.__dict__.get(_LAZY) if name == "path" else None
            if lazy is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            path = _child(*lazy)
            self.__dict__["path"] = path
            return path


class ShippedEntry(NamedTuple):
    """A FileEntry as it travels to a worker process, with its path as a string: a pickled Path is parsed
    again on arrival, about a tenth of what scanning a small file with nothing in it costs."""

    path: str
    rel: str
    size: int
    dev: int = 0
    ino: int = 0

    @property
    def identity(self) -> tuple[int, int] | None:
        return (self.dev, self.ino) if self.ino else None

    @classmethod
    def of(cls, entry: FileEntry) -> ShippedEntry:
        return _new_tuple(cls, shipped_row(entry))


def shipped_row(entry: FileEntry) -> tuple[str, str, int, int, int]:
    """ShippedEntry.of(entry)'s fields as a plain tuple: what a pool sends (pool._pack), since a plain
    tuple of strings and numbers pickles and unpickles in C, and a named tuple through Python-level calls
    each way (its __reduce_ex__ / __getnewargs__, its __new__), about 8 times the cost."""
    # The walk keeps each path's text beside its Path (_file_entry): a Path made from its folder's
    # listing computes its text only when asked, which was most of what shipping an entry cost.
    values = entry.__dict__
    return (values.get(_TEXT) or os.fspath(entry.path), entry.rel, entry.size, entry.dev, entry.ino)


_new_tuple = tuple.__new__
# The attribute under which a walked FileEntry keeps os.fspath(path): not a field, so no part of ==, hash
# or repr.
_TEXT = "_text"


def _file_entry(path: Path, text: str, rel: str, size: int, dev: int, ino: int) -> FileEntry:
    """FileEntry(path, rel, size, dev, ino) with `text` (os.fspath(path), or "" when not known) kept for
    ShippedEntry.of: equal to the one __init__ builds, without the frozen dataclass's five
    object.__setattr__ calls (once per file of the tree, in the thread that feeds the pool's workers)."""
    entry = object.__new__(FileEntry)
    entry.__dict__.update(path=path, rel=rel, size=size, dev=dev, ino=ino, _text=text)
    return entry


# The attribute under which a walked FileEntry made without its Path keeps (its folder's Path, its name).
_LAZY = "_lazy"


def _walked_entry(folder: Path, name: str, text: str, rel: str, size: int, dev: int, ino: int) -> FileEntry:
    """_file_entry(_child(folder, name), text, ...) with the Path made only when asked (in
    FileEntry.__getattr__): equal to it, field for field; a pooled scan never asks (~a seventh of the walk's
    own CPU)."""
    entry = object.__new__(FileEntry)
    entry.__dict__.update(rel=rel, size=size, dev=dev, ino=ino, _text=text, _lazy=(folder, name))
    return entry


def entry_name(entry: FileEntry) -> str:
    """entry.path.name, without making the Path of an entry that has none yet."""
    lazy = entry.__dict__.get(_LAZY)
    return lazy[1] if lazy is not None else entry.path.name


def _child(folder: Path, name: str) -> Path:
    """folder / name for one directory entry's name. Parsing every file's full path into a Path was half of
    the walk's time on a tree of 20,000 files; pathlib's own child constructor (what iterdir uses) skips it,
    where this Python has it."""
    make = getattr(folder, "_make_child_relpath", None)
    child: Path = make(name) if make is not None else folder / name
    return child


_BY_NAME = operator.attrgetter("name")


def is_lockfile(name: str) -> bool:
    return name in LOCKFILE_NAMES or name.endswith(".lock")


@dataclass(frozen=True)
class _IgnoreLayer:
    """The ignore patterns declared in one directory, matched against paths relative to that directory."""

    base: str  # rel path of the directory holding the ignore file ("" for the root)
    spec: pathspec.GitIgnoreSpec
    source: str = ""  # the ignore file, as reported in coverage
    git: bool = False  # a .gitignore: never applies to a file git tracks

    def check(self, rel: str, is_dir: bool) -> bool | None:
        """True = ignored, False = re-included by a negation, None = no pattern here speaks about it."""
        sub = rel[len(self.base) + 1 :] if self.base else rel
        if is_dir:
            sub += "/"
        result = self.spec.check_file(sub)
        if result.include is None:
            return None
        return bool(result.include)


def _ignored(
    layers: Sequence[_IgnoreLayer], rel: str, is_dir: bool, tracked: _Tracked | None = None
) -> _IgnoreLayer | None:
    """The ignore layer that excludes `rel`, or None when it is scanned.

    Deeper ignore files override shallower ones, as in git: the last layer with an opinion decides. A
    `.gitignore` has no say over a path git tracks (a tracked file, or a folder holding one).
    """
    decision: _IgnoreLayer | None = None
    for layer in layers:
        if layer.git and tracked is not None and tracked.covers(rel, is_dir):
            continue
        verdict = layer.check(rel, is_dir)
        if verdict is not None:
            decision = layer if verdict else None
    return decision


@dataclass(frozen=True)
class _Tracked:
    """The paths git tracks under one scan root (posix, relative to the root), and their folders."""

    files: frozenset[str]
    dirs: frozenset[str]

    def covers(self, rel: str, is_dir: bool) -> bool:
        return rel in self.dirs if is_dir else rel in self.files


def _tracked_under(root: Path) -> _Tracked | None:
    """What git tracks under `root` (its index), or None when `root` is not in a git work tree."""
    try:
        import pygit2
    except ImportError:  # pragma: no cover - a dependency; without it .gitignore applies to everything
        return None
    try:
        gitdir = pygit2.discover_repository(str(root))
        if not gitdir:
            return None
        repo = pygit2.Repository(gitdir)
        if repo.is_bare or not repo.workdir:
            return None
        prefix = Path(os.path.realpath(root)).relative_to(os.path.realpath(repo.workdir)).as_posix()
        entries = [entry.path for entry in repo.index]
    except (pygit2.GitError, ValueError, OSError):
        return None
    prefix = "" if prefix == "." else prefix + "/"
    files = {p[len(prefix) :] for p in entries if p.startswith(prefix)}
    dirs = {f.rsplit("/", i)[0] for f in files for i in range(1, f.count("/") + 1)}
    return _Tracked(frozenset(files), frozenset(dirs))


def _load_ignore(path: str, base: str, rel_name: str, skipped: list[Skipped]) -> _IgnoreLayer | None:
    try:
        # Never a plain open(): an ignore file that is a FIFO would block discovery forever.
        raw = read_regular(path, None, MAX_IGNORE_FILE_BYTES + 1)
    except ChangedFileError as exc:
        skipped.append(Skipped(rel_name, f"ignore file not read: it {exc.strerror}", "unreadable"))
        return None
    except OSError as exc:
        skipped.append(Skipped(rel_name, f"ignore file unreadable: {exc.strerror or exc}", "unreadable"))
        return None
    if len(raw) > MAX_IGNORE_FILE_BYTES:
        reason = f"ignore file is over {MAX_IGNORE_FILE_BYTES} bytes; not applied"
        skipped.append(Skipped(rel_name, reason, "too_large"))
        return None
    lines = raw.decode("utf-8", errors="replace").splitlines()
    import pathspec

    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception as exc:  # pathspec raises several types for malformed patterns
        skipped.append(Skipped(rel_name, f"ignore file has an invalid pattern: {exc}", "parse_error"))
        return None
    if not spec.patterns:
        return None
    return _IgnoreLayer(base, spec, rel_name, rel_name.rsplit("/", 1)[-1] == GITIGNORE)


def _exclude_spec(exclude: Sequence[str]) -> pathspec.GitIgnoreSpec | None:
    if not exclude:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(list(exclude))


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


def _is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class _RootWalker:
    """Walks one root; collects entries and skips. Streaming: one directory listing at a time."""

    def __init__(
        self,
        root: Path,
        prefix: str,
        max_file_size: int,
        exclude: pathspec.GitIgnoreSpec | None,
        files: list[FileEntry | MemberEntry],
        skipped: list[Skipped],
        respect_gitignore: bool = False,
    ) -> None:
        self.root = root
        self.ignore_files = IGNORE_FILES if respect_gitignore else (BOTAUDIT_IGNORE,)
        self.tracked = _tracked_under(root) if respect_gitignore and root.is_dir() else None
        # ignore file (or configured exclude) -> (files, folders) it excluded: reported in coverage.
        self.excluded_counts: dict[str, list[int]] = {}
        self.real_root = os.path.realpath(root)
        text = os.fspath(root)
        self.listing_text_is_path_text = text != "." and text == os.fspath(Path(text))
        self.prefix = prefix
        self.max_file_size = max_file_size
        self.exclude = exclude
        self.files = files
        self.skipped = skipped

    def out_rel(self, rel: str) -> str:
        return _join(self.prefix, rel)

    def skip(self, rel: str, reason: str, category: str) -> None:
        self.skipped.append(Skipped(self.out_rel(rel), reason, category))

    def excluded(self, rel: str, is_dir: bool) -> bool:
        if self.exclude is None:
            return False
        return bool(self.exclude.match_file(rel + "/" if is_dir else rel))

    def add_file(
        self,
        abs_path: str,
        rel: str,
        st: os.stat_result,
        folder: Path | None = None,
        name: str = "",
        layers: Sequence[_IgnoreLayer] = (),
    ) -> None:
        """`folder` and `name`: abs_path's folder as a Path and its last component, when the caller has
        them (a directory listing): the Path is then built without parsing the whole string again.
        `layers`: the ignore layers active in the file's folder, which an archive's members obey too."""
        name = rel.rsplit("/", 1)[-1]
        if not stat.S_ISREG(st.st_mode):
            self.skip(rel, f"not a regular file ({_file_type(st.st_mode)})", "special")
            return
        if is_lockfile(name):
            self.skip(rel, "lock file (integrity hashes, not credentials)", "lockfile")
            return
        archive = is_archive_name(name)
        limit = MAX_ARCHIVE_BYTES if archive else self.max_file_size
        if st.st_size > limit:
            what = "archive" if archive else "file"
            self.skip(rel, f"{what} is {st.st_size} bytes, over the {limit}-byte limit", "too_large")
            return
        if not os.access(abs_path, os.R_OK):
            self.skip(rel, "file is not readable (permission denied)", "unreadable")
            return
        if archive:
            # Its members are the files scanned (discovery.archives); the archive itself is not a file.
            found = members(abs_path, self.out_rel(rel), st, self.max_file_size, self.skipped)
            if layers or self.exclude is not None:
                found = [m for m in found if not self.ignored_member(layers, rel, m.member)]
            self.files.extend(found)
            return
        path = _child(folder, name) if folder is not None else Path(abs_path)
        # A listing's abs_path is os.scandir's join of the folder's text and the name, the text pathlib gives
        # the child too, when the root's text is pathlib's own and not "." (whose "./" pathlib drops).
        text = abs_path if folder is not None and self.listing_text_is_path_text else ""
        self.files.append(_file_entry(path, text, self.out_rel(rel), st.st_size, st.st_dev, st.st_ino))

    def symlink_target(self, abs_path: str, rel: str) -> tuple[str, os.stat_result] | None:
        """Resolve a symlink; None (with a Skipped) when it loops, dangles or leaves the root."""
        try:
            real = os.path.realpath(abs_path, strict=True)
            st = os.stat(abs_path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.skip(rel, "symlink loop", "symlink")
            else:
                self.skip(rel, "broken symlink", "symlink")
            return None
        if not _is_within(real, self.real_root):
            self.skip(rel, "symlink points outside the scan root", "symlink")
            return None
        return real, st

    def walk_file_root(self) -> None:
        name = self.root.name
        # A single-file root has no surrounding tree: its rel path is its own name (the prefix when several).
        rel = self.prefix or name
        self.prefix = ""
        try:
            # A file root given as a symlink is read at its target: extraction never follows a link.
            real = os.path.realpath(self.root, strict=True)
            st = os.stat(real)
        except OSError as exc:
            self.skip(rel, f"cannot stat: {exc.strerror or exc}", "unreadable")
            return
        self.add_file(real, rel, st)

    def walk_tree(self) -> Iterator[None]:
        """Walk the tree, yielding after each folder's listing (its files are then in self.files)."""
        # (absolute dir, rel dir, ignore layers active for it); depth-first with an explicit stack.
        stack: list[tuple[str, str, tuple[_IgnoreLayer, ...]]] = [(str(self.root), "", ())]
        visited: set[tuple[int, int]] = set()
        while stack:
            abs_dir, rel_dir, inherited = stack.pop()
            layers = list(inherited)
            try:
                dir_stat = os.stat(abs_dir)
                key = (dir_stat.st_dev, dir_stat.st_ino)
                if key in visited:
                    self.skip(rel_dir, "symlink loop", "symlink")
                    continue
                visited.add(key)
                with os.scandir(abs_dir) as iterator:
                    entries = sorted(iterator, key=_BY_NAME)
            except OSError as exc:
                self.skip(rel_dir or ".", f"directory is not readable: {exc.strerror or exc}", "unreadable")
                continue
            names = {e.name for e in entries}
            for ignore_name in self.ignore_files:
                if ignore_name in names:
                    layer = _load_ignore(
                        os.path.join(abs_dir, ignore_name),
                        rel_dir,
                        self.out_rel(_join(rel_dir, ignore_name)),
                        self.skipped,
                    )
                    if layer is not None:
                        layers.append(layer)
            frozen_layers = tuple(layers)
            subdirs: list[tuple[str, str, tuple[_IgnoreLayer, ...]]] = []
            folder = Path(abs_dir)
            if frozen_layers or self.exclude is not None:
                for entry in entries:
                    self.visit(entry, rel_dir, frozen_layers, subdirs, folder)
            else:
                self.visit_plain(entries, rel_dir, subdirs, folder)
            # Reverse so the stack pops subdirectories in sorted order.
            stack.extend(reversed(subdirs))
            yield

    def visit(
        self,
        entry: os.DirEntry[str],
        rel_dir: str,
        layers: tuple[_IgnoreLayer, ...],
        subdirs: list[tuple[str, str, tuple[_IgnoreLayer, ...]]],
        folder: Path | None = None,
    ) -> None:
        rel = _join(rel_dir, entry.name)
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError as exc:
            self.skip(rel, f"cannot stat: {exc.strerror or exc}", "unreadable")
            return
        if is_dir and entry.name in ALWAYS_SKIP_DIRS:
            return
        if is_link:
            resolved = self.symlink_target(entry.path, rel)
            if resolved is None:
                return
            real, st = resolved
            is_dir = stat.S_ISDIR(st.st_mode)
            if is_dir:
                if self.ignored(layers, rel, True):
                    return
                real_parent = os.path.realpath(os.path.dirname(entry.path))
                if _is_within(real_parent, real):
                    self.skip(rel, "symlink loop (points at an ancestor folder)", "symlink")
                else:
                    # Its target is inside the root and is walked there; following it would scan twice.
                    self.skip(rel, "folder symlink inside the scan root (scanned at its target)", "symlink")
                return
            if not self.ignored(layers, rel, False):
                # The target: extraction opens without following links.
                self.add_file(real, rel, st, layers=layers)
            return
        if self.ignored(layers, rel, is_dir):
            return
        if is_dir:
            subdirs.append((entry.path, rel, layers))
            return
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError as exc:
            self.skip(rel, f"cannot stat: {exc.strerror or exc}", "unreadable")
            return
        self.add_file(entry.path, rel, st, folder, entry.name, layers)

    def visit_plain(
        self,
        entries: Sequence[os.DirEntry[str]],
        rel_dir: str,
        subdirs: list[tuple[str, str, tuple[_IgnoreLayer, ...]]],
        folder: Path,
    ) -> None:
        """`visit` for each of a folder's entries when no ignore rule applies in it: a regular file that is
        kept (most of any tree) is added here, in one loop, with add_file's checks written out; any other
        entry (a folder, a symlink, a file add_file skips or an archive) goes through visit / add_file.

        The same entries, in the same order, as `visit` on each: about half of the walk's own CPU on a tree
        of 20,000 small files, in the thread that feeds the pool's workers."""
        text_is_path = self.listing_text_is_path_text
        prefix = self.prefix
        limit = self.max_file_size
        append = self.files.append
        access, r_ok, is_reg = os.access, os.R_OK, stat.S_ISREG
        for entry in entries:
            try:
                special = entry.is_symlink() or entry.is_dir(follow_symlinks=False)
            except OSError:
                special = True
            if special:
                self.visit(entry, rel_dir, (), subdirs, folder)
                continue
            name = entry.name
            rel = f"{rel_dir}/{name}" if rel_dir else name
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                self.skip(rel, f"cannot stat: {exc.strerror or exc}", "unreadable")
                continue
            abs_path = entry.path
            dot = name.rfind(".")
            if (
                not is_reg(st.st_mode)
                or name in LOCKFILE_NAMES
                or name.endswith(".lock")
                or (dot >= 0 and name[dot:].lower() in ARCHIVE_SUFFIXES)
                or st.st_size > limit
                or not access(abs_path, r_ok)
            ):
                self.add_file(abs_path, rel, st, folder, name)
                continue
            append(
                _walked_entry(
                    folder,
                    name,
                    abs_path if text_is_path else "",
                    f"{prefix}/{rel}" if prefix else rel,
                    st.st_size,
                    st.st_dev,
                    st.st_ino,
                )
            )

    def ignored(self, layers: Sequence[_IgnoreLayer], rel: str, is_dir: bool) -> bool:
        layer = _ignored(layers, rel, is_dir, self.tracked)
        source = layer.source if layer is not None else None
        if source is None and self.excluded(rel, is_dir):
            source = EXCLUDE_SOURCE
        if source is None:
            return False
        counts = self.excluded_counts.setdefault(source, [0, 0])
        counts[1 if is_dir else 0] += 1
        return True

    def ignored_member(self, layers: Sequence[_IgnoreLayer], archive_rel: str, member: str) -> bool:
        """Whether the ignore rules exclude an archive's member, read as a file in a folder named after its
        archive (`dist/app.zip!/tests/fixture.env`: `tests/`, `*.env` and `dist/app.zip!/tests/` exclude it).
        A `.gitignore` has no say over the members of an archive git tracks, as over the archive itself."""
        rel = archive_rel + SEPARATOR + member
        tracked = self.tracked is not None and self.tracked.covers(archive_rel, False)
        active = [layer for layer in layers if not layer.git] if tracked else layers
        return self.ignored(active, rel, False)

    def report_exclusions(self) -> None:
        for source, (files, folders) in sorted(self.excluded_counts.items()):
            parts = [
                f"{n} {word}{'' if n == 1 else 's'}"
                for n, word in ((files, "file"), (folders, "folder"))
                if n
            ]
            self.skipped.append(
                Skipped(source, f"excluded {' and '.join(parts)} from the scan (ignore rules)", "ignored")
            )


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _root_prefixes(roots: Sequence[Path]) -> list[str]:
    """With several roots, prefix each rel path with its root's name (made unique) so paths stay distinct."""
    if len(roots) <= 1:
        return [""]
    seen: dict[str, int] = {}
    prefixes = []
    for root in roots:
        name = root.resolve().name or "root"
        count = seen.get(name, 0) + 1
        seen[name] = count
        prefixes.append(name if count == 1 else f"{name}~{count}")
    return prefixes


def iter_walk(
    roots: Sequence[Path],
    skipped: list[Skipped],
    *,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = False,
) -> Iterator[FileEntry | MemberEntry]:
    """walk() as a stream: each folder's files as soon as it is listed, in discovery order (not sorted), and
    what was skipped appended to `skipped` (unsorted) as it is found. Extraction can start on the first files
    while the rest of the tree is still being listed."""
    exclude_spec = _exclude_spec(exclude)
    for root, prefix in zip(roots, _root_prefixes(roots), strict=True):
        root = Path(root).absolute()
        files: list[FileEntry | MemberEntry] = []
        walker = _RootWalker(root, prefix, max_file_size, exclude_spec, files, skipped, respect_gitignore)
        if not os.path.lexists(root):
            skipped.append(Skipped(prefix or str(root), "path does not exist", "missing"))
        elif root.is_dir():
            for _ in walker.walk_tree():
                yield from files
                files.clear()
        else:
            walker.walk_file_root()
        walker.report_exclusions()
        yield from files


def walk(
    roots: Sequence[Path],
    *,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = False,
) -> tuple[list[FileEntry | MemberEntry], list[Skipped]]:
    """The files to scan under `roots` (sorted by rel path) and what was skipped, with a reason for each.

    `.botauditignore` files and `exclude` (botaudit.yaml `scan.exclude`) always apply; `.gitignore` files
    only with `respect_gitignore`, and never to files git tracks. What they excluded is counted in the
    skipped list (category `ignored`, one entry per ignore file)."""
    skipped: list[Skipped] = []
    files = list(
        iter_walk(
            roots,
            skipped,
            max_file_size=max_file_size,
            exclude=exclude,
            respect_gitignore=respect_gitignore,
        )
    )
    files.sort(key=lambda f: f.rel)
    skipped.sort(key=lambda s: (s.source, s.category))
    return files, skipped
