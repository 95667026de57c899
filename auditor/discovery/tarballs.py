"""Tar archives and compressed files in a scanned tree: their members as files to scan, like a zip's.

Helm charts vendored as `charts/<name>-<version>.tgz`, Lambda and release bundles (`.tar.gz`, `.tar.bz2`,
`.tar.xz`, `.tar`) and single compressed files (`config.env.gz`, `dump.sql.bz2`, `settings.json.xz`) hold the
same configuration and credentials as the files they were made from. Their members are named, limited,
filtered by the ignore rules and reported exactly as a zip's (discovery.archives): `<archive>!/<name>`, one
`MemberEntry` each, every member not read a coverage entry. A single compressed file has one member, its
name without the compression suffix (`deploy/config.env.gz!/config.env`). Only the standard library reads
them (tarfile, gzip, bz2, lzma), as streams: nothing is ever extracted to disk. The compression is read from
the file's first bytes, not trusted from its name.

Linear time. A compressed tar has no index: a member can only be reached by decompressing everything before
it, so reading each member on its own from the start would cost the square of the archive's size. Two
passes, each linear, keep the contract between discovery, the pool and extraction as it is for zip (one
`MemberEntry` in, one FileScan out, the per-file time budget per member):

- the walk decompresses the archive once as a stream (`members`): it lists the headers, applies the limits
  and reads through every member it selects (so a truncated or corrupt member is known here, and what came
  before the damage still counts), keeping no bytes: each entry records where its header sits in the
  decompressed stream (`position`);
- extraction reads the members of one archive in that order from one decompressing stream kept open per
  process (`read_member`: a seek forward decompresses only what lies between two members). The pool keeps
  the members of one compressed archive in one batch (`MemberEntry.sequential`, pool.stream_batches), so a
  single worker streams each archive once. A plain `.tar` seeks directly, and its members spread over the
  workers like a zip's.

The alternatives were worse: handing the members' bytes from the walk to the workers would keep them in the
lists of entries the scan holds to its end (memory in proportion to every archive's contents), and one
unit of work per archive returning several FileScans would change the pool's contract and put a whole
archive under one file's time budget. The cost of the chosen design is a second decompression (a fraction
of what scanning the same bytes costs).

Limits, each a coverage entry when it applies (never a silent skip), as for zip: members per archive
(MAX_MEMBERS), each member's uncompressed size (the walk's per-file limit) and the archive's total
(MAX_TOTAL_BYTES), a member over RATIO_FLOOR bytes that expands more than MAX_RATIO times (measured on the
compressed bytes read through it), unsafe names (`..`, absolute), symlinks, hard links, devices, FIFOs and
sparse members, duplicate names, archives inside the archive (not opened), and a corrupt or truncated stream
(the members read before the damage are scanned, the damage is reported on the archive, and a member the
damage falls in is reported itself). A tar's headers are walked up to MAX_HEADERS and its decompressed
stream up to MAX_STREAM_BYTES: a decompression bomb stops the listing there, and says so.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, BinaryIO, cast

from auditor.discovery import archives
from auditor.discovery.archives import (
    _COMPILED,
    _MEDIA,
    _VENDORED,
    MemberEntry,
    MemberError,
    _Lister,
    _said,
    _suffix,
    _unsafe,
    member_rel,
)
from auditor.discovery.safeopen import ChangedFileError, open_regular
from auditor.model import Skipped, is_archive_name

if TYPE_CHECKING:
    import tarfile

# Names of tar archives, plain or compressed (the longer suffixes first), and of single compressed files.
TAR_SUFFIXES = (".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tbz2", ".tbz", ".txz", ".tar")
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz")
# Headers walked per tar (members, folders, links: about ten times MAX_MEMBERS) and decompressed bytes walked
# per archive: beyond either the listing stops and says so.
MAX_HEADERS = 100_000
MAX_STREAM_BYTES = 512 * 1024 * 1024
_CHUNK = 1024 * 1024
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"))


def kind(name: str) -> str | None:
    """ "tar" for a tar archive's name (plain or compressed), "compressed" for a single compressed file's,
    None for any other name."""
    lowered = name.lower()
    if lowered.endswith(TAR_SUFFIXES):
        return "tar"
    if lowered.endswith(COMPRESSED_SUFFIXES):
        return "compressed"
    return None


def inner_name(name: str) -> str:
    """The member of a single compressed file: its name without the compression suffix."""
    base = name.rsplit("/", 1)[-1]
    stem = base[: base.rfind(".")]
    return stem or "content"


def _compression(handle: BinaryIO) -> str | None:
    head = handle.read(6)
    handle.seek(0)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return None


def _decompressing(handle: BinaryIO, compression: str | None) -> IO[bytes]:
    """`handle` read through its decompressor (itself when not compressed)."""
    if compression == "gzip":
        import gzip

        return cast("IO[bytes]", gzip.GzipFile(fileobj=handle, mode="rb"))
    if compression == "bzip2":
        import bz2

        return bz2.BZ2File(handle)
    if compression == "xz":
        import lzma

        return lzma.LZMAFile(handle)
    return handle


def _tar(stream: IO[bytes]) -> tarfile.TarFile:
    """A tar read from `stream` (seeking forward only, in practice). Names that are not UTF-8 are read with
    U+FFFD in place of their bad bytes: a reported path must encode, and the listing and the read agree."""
    import tarfile

    return tarfile.open(fileobj=stream, mode="r:", encoding="utf-8", errors="replace")  # noqa: SIM115


def _damage(exc: BaseException) -> str:
    """A decompressor's or tarfile's complaint as a short phrase (they name structure, never content)."""
    return _said(exc)


# What the decompressors and tarfile raise on damaged input: zlib.error, lzma.LZMAError and gzip.BadGzipFile
# (an OSError) included by their bases where possible.
def _damage_types() -> tuple[type[BaseException], ...]:
    import lzma
    import tarfile
    import zlib

    return (tarfile.TarError, EOFError, OSError, ValueError, zlib.error, lzma.LZMAError)


def members(
    abs_path: str, rel: str, st: os.stat_result, max_member_size: int, skipped: list[Skipped]
) -> list[MemberEntry]:
    """The members of the tar archive or compressed file at `abs_path` (reported as `rel`) that extraction
    may read; everything else appended to `skipped` with its reason. Never raises."""
    identity = (st.st_dev, st.st_ino)
    try:
        handle = os.fdopen(open_regular(abs_path, identity), "rb")
    except OSError as exc:
        skipped.append(archives.open_failure(rel, exc))
        return []
    try:
        compression = _compression(handle)
        lister = _TarLister(abs_path, rel, identity, max_member_size, skipped)
        lister.sequential = compression is not None
        stream = _decompressing(handle, compression)
        try:
            if kind(rel) == "compressed":
                if compression is None:
                    name = rel.rsplit(".", 1)[-1]
                    skipped.append(
                        Skipped(
                            rel, f"not a {name} stream (unrecognised header); not examined", "parse_error"
                        )
                    )
                    return []
                return lister.single(stream, handle)
            return lister.tar(stream, handle)
        finally:
            if stream is not handle:
                stream.close()
    except OSError as exc:  # the file itself failed under the reads (never the data: the listers catch that)
        skipped.append(
            Skipped(rel, f"archive unreadable: {exc.strerror or type(exc).__name__}", "unreadable")
        )
        return []
    except Exception as exc:  # anything else a damaged stream raises: the walk goes on
        reason = f"archive could not be listed ({type(exc).__name__}); no member examined"
        skipped.append(Skipped(rel, reason, "parse_error"))
        return []
    finally:
        handle.close()


def _normal(name: str) -> str:
    """A tar member's name as reported: without the `./` a `tar -C dir .` puts before every name."""
    while name.startswith("./"):
        name = name[2:]
    return name


class _TarLister(_Lister):
    """Walks one tar's headers (or one compressed file) as a stream; decides what is read, as for a zip."""

    sequential = False
    damaged = False

    def note(self, reason: str, category: str) -> None:
        self.skipped.append(Skipped(self.rel, reason, category))

    def entry(self, name: str, size: int, position: int) -> MemberEntry:
        rel = member_rel(self.rel, name)
        return MemberEntry(self.abs_path, rel, size, *self.identity, name, position, self.sequential)

    def read_through(
        self, stream: IO[bytes], handle: BinaryIO, name: str, size: int, read: IO[bytes]
    ) -> bool:
        """Read a selected member's bytes to their end (then dropped): a member the damage falls in is
        reported here, and a member that expands too much is a bomb. False when it is not to be read."""
        start = handle.tell()
        done = 0
        try:
            while done < size:
                chunk = read.read(min(_CHUNK, size - done))
                if not chunk:
                    raise EOFError("unexpected end of data")
                done += len(chunk)
        except _damage_types() as exc:
            self.skip(name, f"corrupt member ({_damage(exc)}); not examined", "parse_error")
            self.damaged = True
            raise _Stop from None
        used = max(handle.tell() - start, 1) if stream is not handle else size
        if size > archives.RATIO_FLOOR and size > archives.MAX_RATIO * used:
            self.skip(name, _bomb(size, used), "archive_bomb")
            return False
        return True

    def admit(self, name: str, size: int) -> bool:
        """The checks a zip member passes too (folders, kinds, sizes, counts), in the same order."""
        parts = name.split("/")
        if any(part in _VENDORED for part in parts[:-1]):
            self.vendored += 1
            return False
        suffix = _suffix(name)
        if suffix in _COMPILED:
            self.compiled[suffix] += 1
            return False
        if suffix in _MEDIA:
            self.media[suffix] += 1
            return False
        if is_archive_name(name):
            self.skip(
                name,
                "archive inside an archive: not opened (archives are opened one level deep)",
                "nested_archive",
            )
            return False
        if size > self.max_member_size:
            self.skip(
                name,
                f"member is {size} bytes uncompressed, over the {self.max_member_size}-byte limit",
                "too_large",
            )
            return False
        if len(self.out) >= archives.MAX_MEMBERS:
            self.over_count += 1
            return False
        if self.total + size > archives.MAX_TOTAL_BYTES:
            self.over_total += 1
            return False
        return True

    def tar(self, stream: IO[bytes], handle: BinaryIO) -> list[MemberEntry]:

        try:
            archive = _tar(stream)
        except _damage_types() as exc:
            self.note(f"not a readable tar archive ({_damage(exc)}); no member examined", "parse_error")
            return []
        seen: set[str] = set()
        headers = 0
        try:
            while True:
                info = archive.next()
                if info is None:
                    self.check_end(archive, stream)
                    break
                headers += 1
                if headers > MAX_HEADERS or archive.offset > MAX_STREAM_BYTES:
                    what = (
                        f"more than {MAX_HEADERS} entries"
                        if headers > MAX_HEADERS
                        else f"more than {MAX_STREAM_BYTES} bytes uncompressed"
                    )
                    self.note(f"archive holds {what}: the entries after that were not examined", "limit")
                    raise _Stop
                self.consider_tar(info, seen, stream, handle, archive)
        except _Stop:
            pass
        except _damage_types() as exc:
            self.damaged = True
            self.note(
                f"archive is corrupt or truncated after {len(self.out)} members ({_damage(exc)}); the members"
                " before the damage were examined, the rest not",
                "parse_error",
            )
        else:
            self.drain(stream)
        if self.damaged and not any(
            s.source == self.rel and s.category == "parse_error" for s in self.skipped
        ):
            self.note(
                f"archive is corrupt or truncated after {len(self.out)} members; the members before the"
                " damage were examined, the rest not",
                "parse_error",
            )
        self.report()
        return self.out

    def consider_tar(
        self,
        info: tarfile.TarInfo,
        seen: set[str],
        stream: IO[bytes],
        handle: BinaryIO,
        archive: tarfile.TarFile,
    ) -> None:
        if info.isdir():
            return
        name = _normal(info.name)
        if not name or _unsafe(name):
            shown = info.name.replace("\x00", "\\x00")[:200]
            self.note(
                f"member {shown!r} has an unsafe path (absolute or with '..'); not examined", "unsafe_path"
            )
            return
        if info.issym() or info.islnk():
            what = "symlink" if info.issym() else "hard link"
            self.skip(name, f"{what} member: not followed", "symlink")
            return
        if not info.isreg() or info.issparse():
            what = (
                "device"
                if info.ischr() or info.isblk()
                else "FIFO"
                if info.isfifo()
                else "sparse file"
                if info.isreg()
                else f"entry of type {info.type!r}"
            )
            self.skip(name, f"{what} member: not read", "special")
            return
        if name in seen:
            self.skip(name, "a second member with the same name; only the first is examined", "duplicate")
            return
        seen.add(name)
        if not self.admit(name, info.size):
            return
        data = archive.extractfile(info)
        if data is None or not self.read_through(stream, handle, name, info.size, data):
            return
        self.total += info.size
        self.out.append(self.entry(name, info.size, info.offset))

    def check_end(self, archive: tarfile.TarFile, stream: IO[bytes]) -> None:
        """tarfile ends its listing silently at a header it cannot read: only a block of zeros is the
        archive's end, anything else (garbage, a cut) is damage, reported."""
        try:
            stream.seek(archive.offset)
            block = stream.read(512)
        except _damage_types() as exc:
            block = b""
            said = f" ({_damage(exc)})"
        else:
            said = ""
        if block == bytes(512):
            return
        what = "ends without its end-of-archive marker" if not block else "holds an unreadable header"
        self.damaged = True
        self.note(
            f"archive {what} after {len(self.out)} members{said}: it may be truncated or corrupt; the members"
            " before were examined",
            "parse_error",
        )
        raise _Stop

    def drain(self, stream: IO[bytes]) -> None:
        """Read a compressed stream to its end: its checksum and length are checked only there."""
        left = MAX_STREAM_BYTES
        try:
            while left > 0:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    return
                left -= len(chunk)
        except _damage_types() as exc:
            self.damaged = True
            self.note(
                f"the compressed stream is damaged after the archive's end ({_damage(exc)}): its members may"
                " be damaged too",
                "parse_error",
            )

    def single(self, stream: IO[bytes], handle: BinaryIO) -> list[MemberEntry]:
        """The one member of a compressed file: its size known only once decompressed (read here and
        dropped, up to the per-file limit)."""
        name = inner_name(self.rel)
        if is_archive_name(name) or kind(name) is not None:
            self.skip(
                name,
                "archive inside an archive: not opened (archives are opened one level deep)",
                "nested_archive",
            )
            return []
        size = 0
        try:
            while size <= self.max_member_size:
                chunk = stream.read(min(_CHUNK, self.max_member_size + 1 - size))
                if not chunk:
                    break
                size += len(chunk)
        except _damage_types() as exc:
            self.note(f"corrupt or truncated compressed file ({_damage(exc)}); not examined", "parse_error")
            return []
        if size > self.max_member_size:
            self.skip(name, f"member is over the {self.max_member_size}-byte limit uncompressed", "too_large")
            return []
        used = max(handle.tell(), 1)
        if size > archives.RATIO_FLOOR and size > archives.MAX_RATIO * used:
            self.skip(name, _bomb(size, used), "archive_bomb")
            return []
        return [self.entry(name, size, 0)]


def _bomb(size: int, used: int) -> str:
    ratio = archives.MAX_RATIO
    return (
        f"member expands about {size // used} times (about {used} -> {size} bytes), over the {ratio}x limit:"
        " a possible decompression bomb, not examined"
    )


class _Stop(Exception):
    """Ends a listing at damage already reported."""


# The tar archive or compressed file a process read a member of last, kept open with its decompressing
# stream: the members of one archive arrive together and in order, so each seek goes forward and the
# archive is decompressed about once per process (see the module's doc).
_OPEN: list[tuple[tuple[str, int, int], BinaryIO, IO[bytes], tarfile.TarFile | None]] = []


def close_cached() -> None:
    """Close the archive kept open by read_member (a no-op when none is)."""
    while _OPEN:
        _, handle, stream, archive = _OPEN.pop()
        try:
            if archive is not None:
                archive.close()
            if stream is not handle:
                stream.close()
        except Exception:  # noqa: S110 - closing a damaged stream has nothing left to report
            pass
        handle.close()


def _opened(entry: MemberEntry) -> tuple[IO[bytes], tarfile.TarFile | None]:
    key = (entry.path, entry.dev, entry.ino)
    if _OPEN and _OPEN[0][0] == key:
        return _OPEN[0][2], _OPEN[0][3]
    close_cached()

    handle = os.fdopen(open_regular(entry.path, entry.identity), "rb")
    try:
        stream = _decompressing(handle, _compression(handle))
        tar = kind(entry.archive_rel) == "tar"
        archive = _tar(stream) if tar else None
    except BaseException:
        handle.close()
        raise
    _OPEN.append((key, handle, stream, archive))
    return stream, archive


def read_member(entry: MemberEntry) -> bytes:
    """The bytes of one member of a tar archive or compressed file, decompressed as a stream.

    Raises ChangedFileError / OSError when the archive cannot be opened as the file discovery saw, and
    MemberError when the member cannot be examined (the archive changed, corrupt data)."""
    import tarfile

    try:
        stream, archive = _opened(entry)
        if archive is None:
            stream.seek(0)  # at its start unless this very member was read before
            data = stream.read(entry.size + 1)
        else:
            stream.seek(entry.position)
            info = tarfile.TarInfo.fromtarfile(archive)
            if _normal(info.name) != entry.member or info.size != entry.size or not info.isreg():
                close_cached()
                raise MemberError("the archive changed since discovery; member not examined", "changed")
            read = archive.extractfile(info)
            data = read.read(entry.size) if read is not None else b""
    except (MemberError, ChangedFileError):
        close_cached()
        raise
    except _damage_types() as exc:
        close_cached()
        if isinstance(exc, OSError) and not isinstance(exc, tarfile.TarError) and exc.errno is not None:
            raise  # the file, not its data: unreadable
        raise MemberError(f"corrupt member ({_damage(exc)}); not examined", "parse_error") from None
    except BaseException:  # a time budget that ran out mid-read leaves the stream anywhere: start afresh
        close_cached()
        raise
    if len(data) != entry.size:
        close_cached()
        raise MemberError("the archive changed since discovery; member not examined", "changed")
    return data
