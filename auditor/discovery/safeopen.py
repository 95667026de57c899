"""Open a discovered file for reading without following a swapped-in link or blocking on a swapped-in FIFO.

Discovery and extraction happen at different times. Between them a hostile process (or a hostile build step
in the scanned repository) can replace a file with a FIFO, whose open() would block a worker forever, or
with a symlink to a file outside the tree, which would then be read under the in-tree name. Every read of a
discovered file therefore opens with O_NOFOLLOW | O_NONBLOCK and checks with fstat that what was opened is
a regular file, and the very file (device and inode) discovery saw.
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["ChangedFileError", "open_regular", "read_regular"]

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1 << 20


class ChangedFileError(OSError):
    """The path no longer names the regular file that discovery found (swapped, replaced, or special)."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISLNK(mode):
        return "a symlink"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def read_regular(path: str | os.PathLike[str], identity: tuple[int, int] | None, limit: int) -> bytes:
    """At most `limit` bytes of the regular file at `path`, which must still be `identity` (dev, ino).

    Raises ChangedFileError when the path is now a symlink, a FIFO or another special file, or a different
    file than the one discovered; OSError for the ordinary failures (vanished, permission denied).

    The checks are open_regular's (`_opened`). The file's size from the same fstat sizes the first read (one
    more byte than it, to see growth), so a file that did not change is read in one read(2) instead of a read
    and a second one that finds its end: a read shorter than asked that brought every byte fstat counted ends
    it. Anything else (a file that grew, or shrank, or a short read before that size) reads on as before,
    until the end or `limit`.
    """
    fd, st = _opened(path, identity)
    try:
        size = st.st_size
        want = size + 1 if size < limit else limit
        if want <= 0:
            return b""
        if want > _CHUNK:
            want = _CHUNK
        data = os.read(fd, want)
        got = len(data)
        if got == size and got < want:
            return data  # the whole file fstat saw, and the read stopped at its end
        chunks = [data]
        remaining = limit - got
        while got and remaining > 0:
            chunk = os.read(fd, _CHUNK if remaining > _CHUNK else remaining)
            got = len(chunk)
            chunks.append(chunk)
            remaining -= got
        return b"".join(chunks)
    finally:
        os.close(fd)


def open_regular(path: str | os.PathLike[str], identity: tuple[int, int] | None) -> int:
    """A file descriptor on the regular file at `path`, which must still be `identity` (dev, ino); the
    caller closes it. Raises as read_regular does."""
    return _opened(path, identity)[0]


def _opened(path: str | os.PathLike[str], identity: tuple[int, int] | None) -> tuple[int, os.stat_result]:
    """The descriptor and fstat of the regular file at `path`, which must still be `identity`: no symlink
    in the final component, no special file, no other file. The descriptor is closed on any failure."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symlink in the final component
            raise ChangedFileError(errno.ELOOP, "is a symlink") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ChangedFileError(errno.EINVAL, f"is {_kind(st.st_mode)}")
        if identity is not None and (st.st_dev, st.st_ino) != identity:
            raise ChangedFileError(errno.ESTALE, "is a different file than the one discovered")
    except BaseException:
        os.close(fd)
        raise
    return fd, st
