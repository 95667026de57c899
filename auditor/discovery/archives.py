"""Zip archives in a scanned tree (.zip, .mcpb, .dxt, .jar, .whl, .nupkg...): their members as files to scan.

MCP servers ship as Claude Desktop extension bundles (`.mcpb`, `.dxt`: a zip holding `manifest.json`), teams
commit zipped Teams app packages and Lambda bundles: the configuration and the credentials sit inside. The
walk lists an archive's central directory (`members`) and yields each member it will let extraction read as a
`MemberEntry`; extraction reads that one member as a stream (`read_member`), never extracting to disk, and
scans its bytes like a file's.

A member is named `<archive path>!/<name in the archive>` (`dist/weather.mcpb!/manifest.json`): `!` as in
gitleaks' archive paths and Java's `jar:` URLs, followed by `/` so that every rule that reads a path by its
folders (a file's name, which agent owns it) reads a member like a file in a folder named after its archive.

Limits, each a coverage entry when it applies (never a silent skip): members per archive, each member's and
the whole archive's uncompressed size, the compression ratio of a large member (a zip bomb), unsafe names
(`..`, absolute paths), encrypted members, unsupported compression, symlinks, duplicate names, and archives
inside the archive, which are not opened (nesting depth 0: an inner archive would have to be decompressed
into memory whole to be listed). Declared sizes are checked again while reading: a member that holds more
than its header says is not examined. Ignore rules apply to members as to files (discovery.walk: the walk
filters what `members` lists).

Tar archives (plain, gzip, bzip2, xz) and single compressed files (`.gz`, `.bz2`, `.xz`) give the same
`MemberEntry`s under the same rules: `members` and `read_member` hand them to discovery.tarballs, whose doc
says how a stream without an index is read in linear time.
"""

from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from auditor.discovery.safeopen import ChangedFileError, open_regular
from auditor.model import ARCHIVE_SEPARATOR, Skipped, is_archive_name

if TYPE_CHECKING:
    # Imported where an archive is opened: zipfile loads bz2, lzma and shutil, a visible part of the start-up
    # of a scan that holds no archive (most commit hooks).
    import zipfile

SEPARATOR = ARCHIVE_SEPARATOR
# An archive is listed, not read whole: it may be larger than a file the walk reads (each member still
# obeys the walk's per-file limit).
MAX_ARCHIVE_BYTES = 256 * 1024 * 1024
MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024  # about 100,000 entries: a directory this large is not parsed
MAX_MEMBERS = 10_000  # members examined per archive
MAX_TOTAL_BYTES = 128 * 1024 * 1024  # uncompressed bytes examined per archive
# A member over RATIO_FLOOR bytes that expands more than MAX_RATIO times is treated as a zip bomb: text
# configuration compresses 3-10 times, a run of one byte about 1,000 times.
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
# Compression methods zipfile reads: stored, deflated, bzip2, lzma.
_METHODS = frozenset({0, 8, 12, 14})
# Members never useful to a credential audit, counted per archive instead of one coverage entry each.
_VENDORED = frozenset({"node_modules", ".git", "__pycache__", ".venv", "venv", "site-packages"})
_COMPILED = frozenset(
    {".class", ".pyc", ".pyo", ".so", ".dll", ".dylib", ".exe", ".o", ".a", ".node", ".wasm"}
)
_MEDIA = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".ico", ".svg", ".webp", ".woff", ".woff2", ".ttf", ".otf"}
)


class MemberEntry(NamedTuple):
    """One member of a zip archive to scan: the archive on disk (`path`, its `dev`/`ino` as discovery saw
    it), the member's reported path (`rel`: `<archive rel>!/<name>`), its declared uncompressed `size`, and
    where it sits in the archive (`position` in the central directory, `member` its name there; for a tar,
    the offset of its header in the uncompressed stream: discovery.tarballs). Pickled to the workers as it
    is: a path and a name, never the bytes."""

    path: str
    rel: str
    size: int
    dev: int
    ino: int
    member: str
    position: int
    # A member of a compressed tar: read from a stream that only goes forward, so the pool keeps an
    # archive's members in one batch (discovery.tarballs).
    sequential: bool = False

    @property
    def identity(self) -> tuple[int, int] | None:
        return (self.dev, self.ino) if self.ino else None

    @property
    def archive_rel(self) -> str:
        return self.rel[: len(self.rel) - len(self.member) - len(SEPARATOR)]


class MemberError(Exception):
    """A member that cannot be examined: `reason` and `category` become its coverage entry."""

    def __init__(self, reason: str, category: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.category = category


def member_rel(archive_rel: str, name: str) -> str:
    return f"{archive_rel}{SEPARATOR}{name}"


def _unsafe(name: str) -> bool:
    """A name that would leave the archive's folder if extracted (`../x`, `/etc/x`, `C:\\x`), or that no
    file system holds (a NUL byte). Never extracted here, but such a name is no path a report can name."""
    if "\x00" in name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    return any(part == ".." for part in name.replace("\\", "/").split("/"))


def _suffix(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


def _open_zip(path: str, identity: tuple[int, int] | None) -> tuple[zipfile.ZipFile, BinaryIO]:
    """The archive at `path` (still the file discovery saw), its central directory bounded before parsing.

    Raises ChangedFileError / OSError as safeopen does, MemberError for an archive that is not a readable
    zip or whose directory is too large. A ZipFile given a file object never closes it: the caller closes
    both."""
    import zipfile

    fd = open_regular(path, identity)
    handle = os.fdopen(fd, "rb")
    try:
        end = getattr(zipfile, "_EndRecData", None)
        record = end(handle) if end is not None else None
        if end is not None and not record:
            raise MemberError(
                "not a zip archive (no end-of-central-directory record); no member examined", "parse_error"
            )
        if record and record[5] > MAX_CENTRAL_DIRECTORY:
            raise MemberError(
                f"central directory of {record[5]} bytes is over the {MAX_CENTRAL_DIRECTORY}-byte limit;"
                " no member examined",
                "too_large",
            )
        return zipfile.ZipFile(handle), handle
    except MemberError:
        handle.close()
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as exc:
        handle.close()
        raise MemberError(f"corrupt archive ({_said(exc)}); no member examined", "parse_error") from None
    except BaseException:
        handle.close()
        raise


def _said(exc: BaseException) -> str:
    """An exception as a short phrase: zipfile's messages name no content, only structure."""
    text = str(exc)
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


def open_failure(rel: str, exc: OSError) -> Skipped:
    """The coverage entry of an archive the walk listed but could not open (zip or tar alike)."""
    if isinstance(exc, ChangedFileError):
        return Skipped(rel, f"archive changed during discovery: the path now {exc.strerror}", "changed")
    return Skipped(rel, f"archive unreadable: {exc.strerror or type(exc).__name__}", "unreadable")


def members(
    abs_path: str, rel: str, st: os.stat_result, max_member_size: int, skipped: list[Skipped]
) -> list[MemberEntry]:
    """The members of the archive at `abs_path` (reported as `rel`) that extraction may read; everything
    else in it appended to `skipped` with its reason. Never raises. Tar archives and compressed files are
    listed by discovery.tarballs."""
    from auditor.discovery import tarballs

    if tarballs.kind(rel) is not None:
        return tarballs.members(abs_path, rel, st, max_member_size, skipped)
    identity = (st.st_dev, st.st_ino)
    try:
        archive, handle = _open_zip(abs_path, identity)
    except MemberError as exc:
        skipped.append(Skipped(rel, exc.reason, exc.category))
        return []
    except OSError as exc:
        skipped.append(open_failure(rel, exc))
        return []
    try:
        return _Lister(abs_path, rel, identity, max_member_size, skipped).run(archive.infolist())
    finally:
        archive.close()
        handle.close()


class _Lister:
    """Decides, member by member, what of one archive is read; counts what is skipped in bulk."""

    def __init__(
        self,
        abs_path: str,
        rel: str,
        identity: tuple[int, int],
        max_member_size: int,
        skipped: list[Skipped],
    ) -> None:
        self.abs_path = abs_path
        self.rel = rel
        self.identity = identity
        self.max_member_size = max_member_size
        self.skipped = skipped
        self.out: list[MemberEntry] = []
        self.total = 0
        self.vendored = 0
        self.compiled: Counter[str] = Counter()
        self.media: Counter[str] = Counter()
        self.over_count = 0
        self.over_total = 0

    def skip(self, name: str, reason: str, category: str) -> None:
        self.skipped.append(Skipped(member_rel(self.rel, name), reason, category))

    def run(self, infos: list[zipfile.ZipInfo]) -> list[MemberEntry]:
        seen: set[str] = set()
        for index, info in enumerate(infos):
            name = info.filename
            if name.endswith("/"):
                continue  # a folder entry: nothing to read
            if _unsafe(name):
                # The name itself is not a path to report under: the archive carries the entry.
                shown = name.replace("\x00", "\\x00")[:200]
                self.skipped.append(
                    Skipped(
                        self.rel,
                        f"member {shown!r} has an unsafe path (absolute or with '..'); not examined",
                        "unsafe_path",
                    )
                )
                continue
            if name in seen:
                self.skip(name, "a second member with the same name; only the first is examined", "duplicate")
                continue
            seen.add(name)
            self.consider(index, name, info)
        self.report()
        return self.out

    def consider(self, index: int, name: str, info: zipfile.ZipInfo) -> None:
        mode = info.external_attr >> 16
        parts = name.split("/")
        if any(part in _VENDORED for part in parts[:-1]):
            self.vendored += 1
            return
        suffix = _suffix(name)
        if suffix in _COMPILED:
            self.compiled[suffix] += 1
            return
        if suffix in _MEDIA:
            self.media[suffix] += 1
            return
        if info.flag_bits & 0x1:
            self.skip(name, "encrypted member: not examined (no password is tried)", "encrypted")
            return
        if stat.S_ISLNK(mode):
            self.skip(name, "symlink member: not followed", "symlink")
            return
        if is_archive_name(name):
            self.skip(
                name,
                "archive inside an archive: not opened (archives are opened one level deep)",
                "nested_archive",
            )
            return
        if info.compress_type not in _METHODS:
            self.skip(
                name, f"compression method {info.compress_type} is not supported; not examined", "unsupported"
            )
            return
        size = info.file_size
        if size > self.max_member_size:
            self.skip(
                name,
                f"member is {size} bytes uncompressed, over the {self.max_member_size}-byte limit",
                "too_large",
            )
            return
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            self.skip(
                name,
                f"member expands {ratio} times ({info.compress_size} -> {size} bytes), over the {MAX_RATIO}x"
                " limit: a possible zip bomb, not examined",
                "archive_bomb",
            )
            return
        if len(self.out) >= MAX_MEMBERS:
            self.over_count += 1
            return
        if self.total + size > MAX_TOTAL_BYTES:
            self.over_total += 1
            return
        self.total += size
        entry = MemberEntry(self.abs_path, member_rel(self.rel, name), size, *self.identity, name, index)
        self.out.append(entry)

    def report(self) -> None:
        if self.over_count:
            self.skipped.append(
                Skipped(
                    self.rel,
                    f"{self.over_count} members beyond the first {MAX_MEMBERS} of the archive not examined",
                    "limit",
                )
            )
        if self.over_total:
            self.skipped.append(
                Skipped(
                    self.rel,
                    f"{self.over_total} members beyond {MAX_TOTAL_BYTES} uncompressed bytes of the archive"
                    " not examined",
                    "limit",
                )
            )
        if self.vendored:
            folders = ", ".join(sorted(_VENDORED))
            self.skipped.append(
                Skipped(
                    self.rel,
                    f"{self.vendored} members under vendored folders ({folders}) not examined",
                    "ignored",
                )
            )
        for counts, what, category in (
            (self.compiled, "compiled code", "binary"),
            (self.media, "media", "media"),
        ):
            if counts:
                kinds = ", ".join(f"{suffix} x{n}" for suffix, n in sorted(counts.items()))
                self.skipped.append(
                    Skipped(
                        self.rel, f"{sum(counts.values())} {what} members ({kinds}) not examined", category
                    )
                )


# The archive a process read a member of last, kept open: the members of one archive arrive together (the
# walk lists them in a row and the pool cuts its batches from consecutive entries), so each archive's
# central directory is parsed about once per process instead of once per member.
_OPEN: list[tuple[tuple[str, int, int], zipfile.ZipFile, BinaryIO]] = []


def _archive(entry: MemberEntry) -> zipfile.ZipFile:
    key = (entry.path, entry.dev, entry.ino)
    if _OPEN and _OPEN[0][0] == key:
        return _OPEN[0][1]
    close_cached()
    archive, handle = _open_zip(entry.path, entry.identity)
    _OPEN.append((key, archive, handle))
    return archive


def close_cached() -> None:
    """Close the archive kept open by read_member (a no-op when none is)."""
    if "auditor.discovery.tarballs" in sys.modules:
        sys.modules["auditor.discovery.tarballs"].close_cached()
    while _OPEN:
        _, archive, handle = _OPEN.pop()
        archive.close()
        handle.close()


def read_member(entry: MemberEntry) -> bytes:
    """The bytes of one member, decompressed as a stream and checked against its CRC.

    Raises ChangedFileError / OSError when the archive cannot be opened as the file discovery saw, and
    MemberError when the member cannot be examined (the archive changed, corrupt data, a size lie)."""
    import zipfile
    import zlib

    from auditor.discovery import tarballs

    if tarballs.kind(entry.archive_rel) is not None:
        return tarballs.read_member(entry)
    archive = _archive(entry)
    infos = archive.infolist()
    info = infos[entry.position] if entry.position < len(infos) else None
    if info is None or info.filename != entry.member or info.file_size != entry.size:
        close_cached()
        raise MemberError("the archive changed since discovery; member not examined", "changed")
    try:
        with archive.open(info) as stream:
            # ZipExtFile stops at the declared size and checks the CRC at the end: reading one byte more
            # than declared reaches that check, and a stream that still has bytes is not what was listed.
            data = stream.read(entry.size)
            if stream.read(1):
                raise MemberError("member holds more than its declared size; not examined", "archive_bomb")
    except MemberError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        close_cached()
        raise MemberError(f"corrupt member ({_said(exc)}); not examined", "parse_error") from None
    except Exception as exc:  # lzma and bz2 raise their own types on corrupt data
        close_cached()
        raise MemberError(f"corrupt member ({type(exc).__name__}); not examined", "parse_error") from None
    return data
