"""A small on-disk cache for derived data that is slow to rebuild and cheap to check: the validated detector
set, compiled Vectorscan databases.

Every entry is named by a content hash of everything it was derived from (the caller's key), so a stale
entry is never read: a changed detector file or a new botaudit version is simply a different name. The cache
is an optimisation only: any problem reading it (missing, truncated, garbage, wrong owner, loose permissions)
makes the caller rebuild from the source, and any problem writing it is ignored.

Location: `$BOTAUDIT_CACHE_DIR`, else `$XDG_CACHE_HOME/botaudit`, else `~/.cache/botaudit`.
`BOTAUDIT_NO_CACHE=1` turns it off. The folder is created private (0700) and an entry is only read when the
current user owns it and nobody else may write it: a cache that another account could write would let that
account choose the detectors (or the compiled database) a scan runs with.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any

__all__ = [
    "CACHE_DIR_ENV",
    "NO_CACHE_ENV",
    "Memo",
    "cache_dir",
    "content_key",
    "file_signature",
    "in_worker",
    "log_record",
    "read_logs",
    "read",
    "save_memos",
    "write",
]

CACHE_DIR_ENV = "BOTAUDIT_CACHE_DIR"
NO_CACHE_ENV = "BOTAUDIT_NO_CACHE"
# Entries above this size are not cached (nothing botaudit caches comes near it).
_MAX_ENTRY = 64 * 1024 * 1024


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "botaudit"
    try:
        return Path.home() / ".cache" / "botaudit"
    except RuntimeError:  # no home directory to speak of (some CI users)
        return None


def content_key(parts: Iterable[bytes]) -> str:
    """A hex SHA-256 over length-prefixed parts (so ("ab", "c") and ("a", "bc") differ)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


# A file changed less than this long ago may change again within the same tick of the kernel's coarse file
# clock (a few milliseconds) without its times moving: its contents go into its signature ("racy git").
_RACY_NS = 3_000_000_000


def file_signature(path: str | Path) -> bytes:
    """What identifies a file's contents without reading them: path, size, inode, mtime and ctime (ns).

    Git's index trusts the same fields. mtime alone can be set back (tar, cp -p, rsync -a restore it); ctime
    cannot be set by any tool and changes with every write, rename or chmod. Both tick with a coarse clock,
    so a file changed in the last few seconds is read and hashed as well, as git re-reads "racily clean"
    files. Reading and hashing hundreds of detector files was a visible share of a small scan's start-up;
    their signatures cost one stat each. Raises OSError.
    """
    st = os.stat(path)
    fields = (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
    signature = os.fsencode(path) + b"\0" + ",".join(map(str, fields)).encode()
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < _RACY_NS:
        with open(path, "rb") as fh:
            signature += b"\0" + hashlib.sha256(fh.read()).digest()
    return signature


def _trusted(st: os.stat_result) -> bool:
    own = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return own and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read(name: str) -> bytes | None:
    """The entry's bytes, or None (no cache, no entry, or an entry that cannot be trusted)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if not _trusted(os.stat(folder)):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(folder / name, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _trusted(st) or st.st_size > _MAX_ENTRY:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(_MAX_ENTRY + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def write(name: str, data: bytes, *, replaces: str | None = None) -> None:
    """Store an entry atomically (a reader sees the old entry, the new one, or none); errors are ignored.

    `replaces`: a name prefix whose other entries this one supersedes (older detector sets); they are
    removed so the folder does not grow with every change of the rules.
    """
    folder = cache_dir()
    if folder is None or len(data) > _MAX_ENTRY:
        return
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(os.stat(folder)):
            return
        import tempfile  # only when writing (tempfile imports shutil and random): most runs only read

        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, folder / name)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return
        if replaces:
            for old in folder.glob(f"{replaces}*"):
                if old.name != name:
                    with contextlib.suppress(OSError):
                        old.unlink()


# A process that never saves (a pool worker) leaves what it worked out in logs beside an entry, named
# `<entry><_LOG_MARK><pid>` (never a name `write` gives an entry): one record per write, each a 4-byte length,
# a SHA-256 and a marshalled value. The saving process reads them (`read_logs`), merges, and removes them.
_LOG_MARK = ".w"


def log_record(entry: str, value: Any) -> None:
    """Append one marshal-able value to this process's log of `entry`, with one write (O_APPEND: records of
    concurrent writers never interleave); any error is ignored."""
    folder = cache_dir()
    if folder is None:
        return
    import marshal

    with contextlib.suppress(OSError, ValueError, TypeError):
        body = marshal.dumps(value)
        record = len(body).to_bytes(4, "big") + hashlib.sha256(body).digest() + body
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(os.stat(folder)):
            return
        flags = (
            os.O_WRONLY
            | os.O_APPEND
            | os.O_CREAT
            | getattr(os, "O_NOFOLLOW", 0)
            | getattr(os, "O_CLOEXEC", 0)
        )
        fd = os.open(folder / f"{entry}{_LOG_MARK}{os.getpid()}", flags, 0o600)
        try:
            st = os.fstat(fd)
            if stat.S_ISREG(st.st_mode) and _trusted(st) and st.st_size + len(record) <= _MAX_ENTRY:
                os.write(fd, record)
        finally:
            os.close(fd)


def read_logs(entry: str) -> tuple[list[Any], list[Path]]:
    """The intact records of every log of `entry` (a log is read up to its first torn or damaged record; a
    log that cannot be trusted is not read), and every log found, to remove once merged."""
    folder = cache_dir()
    if folder is None:
        return [], []
    stem = f"{entry}{_LOG_MARK}"
    try:  # names by prefix, not glob (which would compile a pattern for each entry into `re`'s cache)
        logs = sorted(folder / name for name in os.listdir(folder) if name.startswith(stem))
    except OSError:
        return [], []
    import marshal

    values: list[Any] = []
    for log in logs:
        data = read(log.name) or b""
        at = 0
        while at + 36 <= len(data):
            size = int.from_bytes(data[at : at + 4], "big")
            body = data[at + 36 : at + 36 + size]
            if len(body) != size or hashlib.sha256(body).digest() != data[at + 4 : at + 36]:
                break
            at += 36 + size
            try:
                values.append(marshal.loads(body))
            except (ValueError, TypeError, EOFError):
                break
    return values, logs


def in_worker() -> bool:
    """Whether this process was started by multiprocessing (a pool worker: it never saves)."""
    import sys

    mp = sys.modules.get("multiprocessing")
    return mp is not None and mp.parent_process() is not None


# ------------------------------------------------------------------------------------------------- memos


class Memo:
    """Results of a slow, pure function of plain data (a proof about a regex), carried between runs.

    One entry per memo, named by `parts()`: everything the results depend on besides the key (the source
    of the function that computes them, the Python version), so a result is only ever read back for
    exactly the code that computed it. The entry is read on the first `get`; `save` (the CLI calls
    `save_memos` as it ends) writes it when this run added results, with a SHA-256 of its body (a damaged
    entry reads as empty). Keys and values must be marshal-able (str, int, bool, None, tuples of them).

    A scan's proofs are mostly made in its pool's workers, which never save: a worker appends each result
    it adds to a log of its own beside the entry (`<entry>.w<pid>`, one checksummed record per write), and
    the saving process merges every log of the same entry into it and removes them. So a second scan reads
    back what the first one's workers proved instead of proving it again in each worker. A library caller
    that never saves simply computes as before (its workers' logs wait for a run that saves).
    """

    # Entries beyond this many are not added (a run never meets more than the detector set holds).
    LIMIT = 8192

    def __init__(self, prefix: str, parts: Callable[[], Iterable[bytes]]) -> None:
        self._prefix = prefix
        self._parts = parts
        self._results: dict[Hashable, Any] | None = None
        self._name: str | None = None
        self._added = 0
        _MEMOS.append(self)

    def _load(self) -> dict[Hashable, Any]:
        results: dict[Hashable, Any] = {}
        self._results = results
        if cache_dir() is None:
            return results
        try:
            self._name = self._prefix + content_key(self._parts())[:32]
        except OSError:
            return results  # a source file that cannot be read: no memo
        data = read(self._name)
        if data is not None and len(data) > 32 and hashlib.sha256(data[32:]).digest() == data[:32]:
            import marshal

            with contextlib.suppress(ValueError, TypeError, EOFError):
                loaded = marshal.loads(data[32:])
                if isinstance(loaded, dict):
                    results.update(loaded)
        return results

    def get(self, key: Hashable) -> Any:
        """The stored result for `key`, or None (compute it and `put` it)."""
        results = self._results if self._results is not None else self._load()
        return results.get(key)

    def put(self, key: Hashable, value: Any) -> None:
        results = self._results if self._results is not None else self._load()
        if key not in results and len(results) < self.LIMIT:
            results[key] = value
            self._added += 1
            if self._name is not None and in_worker():
                log_record(self._name, (key, value))

    def _merge_logs(self) -> list[Path]:
        """Add the results in every worker log of this entry; the logs found (to remove once saved)."""
        if self._name is None or self._results is None:
            return []
        values, logs = read_logs(self._name)
        for item in values:
            try:
                key, value = item
                fresh = key not in self._results  # TypeError: not a key (a damaged record)
            except (ValueError, TypeError):
                continue
            if fresh and len(self._results) < self.LIMIT:
                self._results[key] = value
                self._added += 1
        return logs

    def save(self) -> None:
        """Write the entry if this run, or a worker's log, added results (any error is ignored: the memo is an
        optimisation); then remove the logs merged."""
        if self._results is None:
            if cache_dir() is None:
                return
            self._load()  # a run whose workers made every proof: their logs name this entry
        logs = self._merge_logs()
        if self._added and self._name is not None and self._results is not None:
            import marshal

            with contextlib.suppress(ValueError, TypeError):
                body = marshal.dumps(self._results)
                write(self._name, hashlib.sha256(body).digest() + body, replaces=self._prefix)
                self._added = 0
        for log in logs:
            with contextlib.suppress(OSError):
                log.unlink()


_MEMOS: list[Memo] = []


def save_memos() -> None:
    """Save every memo this run added to (see Memo)."""
    for memo in _MEMOS:
        memo.save()
