"""python-hcl2's parse of a text, once per content: HCL and Terraform files rarely change between scans.

Importing python-hcl2 and loading its lark grammar costs ~0.15 s of CPU before the first file, and each
parse several milliseconds more; the extractor (`lineformats.load_hcl`) and the Terraform code collector
(`collectors/code/terraform.py`) both parse every `.tf` file. The parsed value (plain dicts, lists and
scalars) is kept in marshal's format in botaudit's cache, named by a SHA-256 of the text, the installed
python-hcl2's signature and this module's format, with a SHA-256 of the body; within one run it is kept in
memory. Every caller gets its own copy. A text python-hcl2 refuses is never cached: its error is raised
again, as the callers expect, on every parse.
"""

from __future__ import annotations

import hashlib
import marshal
from typing import Any

__all__ = ["parse_hcl"]

_PREFIX = "hcl-"
_FORMAT = b"hcl-parse-v1"
# Entries kept before the oldest are removed (one per distinct file content ever parsed).
MAX_ENTRIES = 4096
# Parsed contents this process keeps (marshalled), for a file both the extractor and a collector parse.
_MEMO_LIMIT = 256
_memo: dict[str, bytes] = {}
_library: bytes | None = None


def _library_signature() -> bytes:
    global _library
    if _library is None:
        import importlib.util

        from auditor import cache

        spec = importlib.util.find_spec("hcl2")
        try:
            _library = cache.file_signature(spec.origin) if spec and spec.origin else b"no-hcl2"
        except OSError:
            _library = b"unreadable-hcl2"
    return _library


def parse_hcl(text: str) -> Any:
    """`hcl2.loads(text)`, from the cache when this content was parsed before. Raises what hcl2 raises."""
    from auditor import cache

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    body = _memo.get(digest)
    if body is not None:
        return marshal.loads(body)
    name = None
    if cache.cache_dir() is not None:
        name = _PREFIX + cache.content_key([_FORMAT, _library_signature(), digest.encode()])[:40]
        raw = cache.read(name)
        if raw is not None and len(raw) > 32 and hashlib.sha256(raw[32:]).digest() == raw[:32]:
            try:
                value = marshal.loads(raw[32:])
            except (ValueError, EOFError, TypeError):
                value = None
            else:
                _keep(digest, raw[32:])
                return value
    import hcl2  # imported lazily: lark builds its grammar on first use and most scans have no HCL

    value = hcl2.loads(text)
    try:
        body = marshal.dumps(value)
    except ValueError:  # a value marshal cannot hold (python-hcl2 only builds plain data): no caching
        return value
    _keep(digest, body)
    if name is not None:
        cache.write(name, hashlib.sha256(body).digest() + body)
        _prune()
    return marshal.loads(body)  # the caller's own copy, as on every later call


def _keep(digest: str, body: bytes) -> None:
    if len(_memo) >= _MEMO_LIMIT:
        _memo.pop(next(iter(_memo)))
    _memo[digest] = body


def _prune() -> None:
    """Drop the oldest entries past MAX_ENTRIES (only on a write, which a warm scan does not do)."""
    import contextlib
    import os

    from auditor import cache

    folder = cache.cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        entries = [e for e in os.scandir(folder) if e.name.startswith(_PREFIX)]
        if len(entries) <= MAX_ENTRIES:
            return
        entries.sort(key=lambda e: e.stat().st_mtime_ns)
        for entry in entries[: len(entries) - MAX_ENTRIES]:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
