"""Compiled Vectorscan databases, cached on disk.

Compiling the keyword and marker databases takes a few hundred milliseconds of CPU in every process that
scans, which is most of a small scan's run time. A compiled database serializes to bytes, so it is cached
(auditor/cache.py) under a name hashed from everything that shapes it: the expressions, their flags and ids,
the mode, the bindings' version and the machine architecture. A cached entry carries a SHA-256 of its
payload; one that does not verify, or that the library refuses (another CPU, another Vectorscan), is
compiled afresh and rewritten.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["available", "compile_database"]

_FORMAT = b"vectorscan-cache-v1"
_DIGEST = 32


def _machine() -> str:
    # os.uname, not platform.machine(): importing `platform` compiles a dozen regexes on every run.
    try:
        return os.uname().machine
    except AttributeError:  # Windows
        return os.environ.get("PROCESSOR_ARCHITECTURE", "")


def available() -> bool:
    """Whether the Vectorscan bindings import on this machine."""
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    return True


def compile_database(
    name: str, expressions: Sequence[bytes], flags: Sequence[int], *, ids: Sequence[int] | None = None
) -> Any:
    """A block-mode database of `expressions` (ids 0.. unless given), from the cache when it holds one.

    `name` is a short tag for the cache file (`detector-keywords`); hyperscan.error propagates when the
    expressions do not compile, as with a direct compile.
    """
    id_list = list(range(len(expressions))) if ids is None else list(ids)
    key = [repr(list(flags)).encode(), repr(id_list).encode(), *expressions]
    return cached_database(name, key, lambda: (expressions, flags, id_list))


def matched_ids(db: Any, data: bytes) -> set[int]:
    """The ids of every expression of `db` that matches somewhere in `data` (the scan never stops early)."""
    ids: set[int] = set()
    add = ids.add

    def on_match(index: int, _from: int, _to: int, _flags: int, _ctx: object) -> bool:
        add(index)
        return False

    db.scan(data, match_event_handler=on_match)
    return ids


Build = Callable[[], tuple[Sequence[bytes], Sequence[int], Sequence[int]]]


def cached_database(name: str, key: Sequence[bytes], build: Build | None) -> Any:
    """The database `build()` describes (expressions, flags, ids), from the cache entry named by `key` when
    there is one: `key` must change whenever `build()` would, and is all the caller computes on a hit.
    With `build` None, only a cached database is returned (else None): nothing is compiled."""
    import hyperscan

    from auditor import cache

    mode = hyperscan.HS_MODE_BLOCK
    key_parts = [
        _FORMAT,
        str(getattr(hyperscan, "__version__", "")).encode(),
        _machine().encode(),
        str(mode).encode(),
        *key,
    ]
    entry = f"hs-{name}-{cache.content_key(key_parts)[:32]}.db"
    stored = cache.read(entry) if cache.cache_dir() is not None else None
    if stored is not None and len(stored) > _DIGEST:
        digest, payload = stored[:_DIGEST], stored[_DIGEST:]
        if hashlib.sha256(payload).digest() == digest:
            try:
                db = hyperscan.loadb(payload, mode)
                # Deserialized databases come without scratch space in these bindings.
                db.scratch = hyperscan.Scratch(db)
                return db
            except Exception:  # noqa: S110 (another platform or library version: compile below)
                pass
    if build is None:
        return None
    expressions, flags, ids = build()
    db = hyperscan.Database(mode=mode)
    db.compile(expressions=list(expressions), ids=list(ids), elements=len(expressions), flags=list(flags))
    if cache.cache_dir() is not None:
        try:
            payload = hyperscan.dumpb(db)
        except Exception:
            return db
        cache.write(entry, hashlib.sha256(payload).digest() + payload, replaces=f"hs-{name}-")
    return db
