"""Compiled regular expressions carried from one run to the next: the start-up of a small scan.

A `botaudit scan` of a few files compiled about 250 regular expressions before it read the first file (the
extractors' vocabularies, the config checks, PyYAML's reader, the stdlib modules it loads), about a third
of its start-up; the demo scan compiles about 500 (detectors, the HCL parser's lexer). Python cannot save a
compiled pattern, but a compile is two steps: parsing the pattern and generating its program (a list of
integers, the slow part), then `_sre.compile`, which checks that program and builds the object in
microseconds. This module keeps each pattern's program in botaudit's cache (`auditor.cache`: private,
checked on read) and, at the start of the next run, builds the objects from them straight into the `re`
module's own cache, where every later `re.compile` of the same pattern and flags finds it.

It changes nothing a pattern does: a program is stored only after `_sre.compile` of it gave an object
equal (same pattern, flags and program) to the one `re` itself compiled in this run; the entry is named by
the interpreter build and the `_sre` engine version and carries a SHA-256 of its body; anything unexpected
(another interpreter, a damaged entry, a program `_sre` rejects) leaves `re` to compile as always. Only
CPython versions whose `re` internals were checked are warmed (`SUPPORTED`); elsewhere this is a no-op.

The detectors' patterns (700+, more than `re` keeps) have an entry of their own, read when a process first
compiles one and never put into `re`'s cache (`compile_detector`): a scan that meets most detectors' keywords
(a repository of test secrets) built most of them again on every run, in each pool worker.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
import sys
from typing import Any

from auditor import cache

__all__ = ["SUPPORTED", "compile_detector", "remember", "warm"]

# CPython versions whose `re._cache` / `re._compiler` / `_sre.compile` were read and tested against this
# module (3.11-3.13 share them; 3.12 added a second cache in front of `_cache`, which is filled from it).
SUPPORTED = frozenset({(3, 11), (3, 12), (3, 13)})
_PREFIX = "re-programs-"
_DIGEST = 32

# What `warm` put into `re`'s cache (and the rows it came from), so `remember` stores only what is new.
_Key = tuple[type, "str | bytes", int]
_Row = tuple[Any, ...]
_seeded: dict[_Key, _Row] = {}


def _supported() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info[:2] in SUPPORTED


def _entry_name() -> str:
    import _sre

    from auditor import __version__

    # botaudit's version too: an upgrade brings other patterns, and a full entry is never rewritten.
    parts = [__version__, sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), str(_sre.MAXREPEAT)]
    parts.append(str(_sre.MAXGROUPS))
    return _PREFIX + cache.content_key(p.encode() for p in parts)[:32]


def _limit() -> int:
    # Never more than `re` keeps itself: filling its cache past its own bound would change its eviction.
    return int(getattr(re, "_MAXCACHE", 512))


def warm() -> int:
    """Put the programs stored by earlier runs into `re`'s cache; returns how many patterns were added."""
    if not _supported() or not isinstance(getattr(re, "_cache", None), dict):
        return 0
    with contextlib.suppress(Exception):  # an optimisation only: any doubt and `re` compiles as always
        return _warm()
    _seeded.clear()
    return 0


def _warm() -> int:
    rows = _stored_rows(_entry_name())
    if rows is None:
        return 0
    built: dict[_Key, tuple[re.Pattern[Any], _Row]] = {}
    for row in rows[: _limit()]:
        pattern, flags = row[0], row[1]
        built[(type(pattern), pattern, flags)] = (_build(row), row)
    # All or nothing, after every program was accepted: a damaged entry raises above and seeds nothing.
    room = _limit() - len(re._cache)  # type: ignore[attr-defined]
    added = 0
    for key, (compiled, row) in built.items():
        if added >= room:
            break
        if key not in re._cache:  # type: ignore[attr-defined]
            re._cache[key] = compiled  # type: ignore[attr-defined]
            added += 1
        _seeded[key] = row
    return added


def _program(pattern: str | bytes, flags: int) -> _Row:
    """The arguments `re._compiler.compile` hands to `_sre.compile` for `pattern` (same steps, same order)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        pattern,
        int(flags),
        int(flags | parsed.state.flags),
        [int(op) for op in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _build(row: _Row) -> re.Pattern[Any]:
    """The pattern object of a stored program (`_sre.compile`, as `re` calls it); raises if `_sre` refuses."""
    import _sre

    built: re.Pattern[Any] = _sre.compile(row[0], row[2], list(row[3]), row[4], row[5], tuple(row[6]))
    return built


def _stored_rows(name: str) -> list[Any] | None:
    """The rows of an entry, or None when there is none or its SHA-256 does not match (damaged)."""
    data = cache.read(name)
    if data is None or len(data) <= _DIGEST:
        return None
    digest, body = data[:_DIGEST], data[_DIGEST:]
    if hashlib.sha256(body).digest() != digest:
        return None
    rows: list[Any] = marshal.loads(body)
    return rows


def compile_detector(pattern: str) -> re.Pattern[str]:
    """`re.compile(pattern)` for a detector's regex (`LazyRegex`), from a stored program when there is one.

    Detector patterns have an entry of their own (`re-detectors-…`), read on the first call in a process and
    kept apart from `re`'s cache: there are far more of them (700+) than `re` keeps (512), and a scan compiles
    only the ones whose keyword it meets. A program stored there was checked as `remember` checks its own;
    a pattern without one is compiled by `re` and its program (checked the same way) is added to the entry
    by the saving process at the end of the run (`remember`): a pool worker logs it (`cache.log_record`),
    the CLI's own process keeps it in memory. Anything unexpected compiles as `re` always does.
    """
    if not _supported():
        return re.compile(pattern)
    rows = _detector_rows()
    row = rows.get(pattern)
    if row is not None:
        with contextlib.suppress(Exception):  # a program `_sre` refuses: compiled below as always
            return _build(row)
    from re import _compiler

    # Compiled as `re.compile` does, but past `re`'s own cache: a detector's pattern is compiled once per
    # process (its LazyRegex keeps it), and `re`'s bounded cache stays for the patterns it serves.
    compiled: re.Pattern[str] = _compiler.compile(pattern, 0)
    with contextlib.suppress(Exception):  # an optimisation only
        new = _program(pattern, 0)
        check = _build(new)
        if check == compiled and check.groupindex == compiled.groupindex:
            rows[pattern] = new
            if cache.in_worker():
                cache.log_record(_detector_entry_name(), new)
            else:
                _detector_added.append(new)
    return compiled


# Detector patterns' programs (`compile_detector`): None until read in this process (a forked worker
# inherits what its parent read), and what this process compiled that the entry lacked.
_detector_programs: dict[str, _Row] | None = None
_detector_added: list[_Row] = []
_DETECTOR_PREFIX = "re-detectors-"
# Far above the rules' own patterns (about 700), so custom rules fit too; the entry stops growing there.
_DETECTOR_LIMIT = 8192


def _detector_entry_name() -> str:
    return _DETECTOR_PREFIX + _entry_name()[len(_PREFIX) :]


def _detector_rows() -> dict[str, _Row]:
    global _detector_programs
    if _detector_programs is None:
        _detector_programs = {}
        with contextlib.suppress(Exception):  # a damaged or foreign entry: every pattern compiles as always
            rows = _stored_rows(_detector_entry_name()) or []
            _detector_programs = {
                row[0]: tuple(row) for row in rows[:_DETECTOR_LIMIT] if isinstance(row[0], str)
            }
    return _detector_programs


def _remember_detectors() -> int:
    """Merge the detector programs this run's processes compiled into their entry; returns how many."""
    name = _detector_entry_name()
    logged, logs = cache.read_logs(name)
    try:
        if not logged and not _detector_added:
            return 0
        stored: list[_Row] = []
        with contextlib.suppress(Exception):  # re-read: another run may have stored more since this one began
            stored = [tuple(row) for row in _stored_rows(name) or []]
        have = {row[0] for row in stored}
        added = 0
        for row in [*_detector_added, *logged]:
            if len(stored) >= _DETECTOR_LIMIT:
                break
            with contextlib.suppress(Exception):  # a damaged or foreign row: not stored
                pattern = row[0]
                if not isinstance(pattern, str) or row[1] != 0 or pattern in have:
                    continue
                # The worker checked it against what `re` compiled; here only that `_sre` accepts it.
                _build(row)
                stored.append(tuple(row))
                have.add(pattern)
                added += 1
        _detector_added.clear()
        if added:
            body = marshal.dumps(stored)
            cache.write(name, hashlib.sha256(body).digest() + body)
        return added
    finally:
        for log in logs:
            with contextlib.suppress(OSError):
                log.unlink()


def remember() -> int:
    """Store the programs of patterns this run compiled that the stored entry lacks; returns how many.

    Patterns already stored keep their place and new ones are appended (in the order this run first
    compiled them) until the entry holds as many as `re` caches; then it stays as it is (until botaudit or
    Python changes version, which names another entry), so repeated runs of one command stop writing after
    the first. Costs one more parse per new pattern, on the runs that
    meet new ones. Then the detector programs this run's processes compiled (`compile_detector`) are
    added to their own entry.
    """
    if not _supported() or not isinstance(getattr(re, "_cache", None), dict):
        return 0
    added = 0
    with contextlib.suppress(Exception):
        added += _remember()
    with contextlib.suppress(Exception):
        added += _remember_detectors()
    return added


def _remember() -> int:
    limit = _limit()
    if cache.cache_dir() is None:
        return 0
    name = _entry_name()
    # Workers log detector programs only, to their own entry (`compile_detector`); a log of this entry is
    # left by an earlier version's worker: removed, not merged.
    _, logs = cache.read_logs(name)
    try:
        return _store(limit, name)
    finally:
        for log in logs:
            with contextlib.suppress(OSError):
                log.unlink()


def _store(limit: int, name: str) -> int:
    if len(_seeded) >= limit:
        return 0
    current = list(re._cache.items())  # type: ignore[attr-defined]
    rows = list(_seeded.values())
    added = 0
    for (kind, pattern, flags), compiled in current:
        if len(rows) >= limit:
            break
        key = (kind, pattern, flags)
        if key in _seeded or not isinstance(pattern, str | bytes) or not isinstance(flags, int):
            continue
        row = _program(pattern, flags)
        check = _build(row)
        # Stored only when it rebuilds exactly what `re` compiled (Pattern equality compares the program).
        if check != compiled or check.groupindex != compiled.groupindex:
            continue
        rows.append(row)
        _seeded[key] = row
        added += 1
    if added:
        body = marshal.dumps(rows)
        cache.write(name, hashlib.sha256(body).digest() + body)
    return added
