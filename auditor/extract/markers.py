"""Whole-buffer marker checks: does a file need a structured read? (Vectorscan when available)."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Sequence

from auditor.discovery.known_clients import EVIDENCE_MARKERS, MANIFEST_MARKERS
from auditor.extract.vocabulary import CODE_PATTERNS


class MarkerSet:
    """`any(data)`: does any of these patterns occur in the buffer? One Vectorscan pass where the bindings
    import and compile the patterns; otherwise substring checks (literals) and `re` searches (regexes)."""

    def __init__(
        self, literals: Sequence[bytes], regexes: Sequence[re.Pattern[str]] = (), *, name: str = "markers"
    ) -> None:
        self.name = name  # names its compiled database in the cache (one entry per name is kept)
        self.literals = tuple(m.lower() for m in literals)
        self.regexes = tuple(regexes)
        self._bytes_regexes: tuple[re.Pattern[bytes], ...] | None = None  # the fallback's, built on first use
        self._expressions: tuple[list[bytes], list[int]] | None = None
        self._db = self._compile()

    def _compile(self) -> object | None:
        try:
            import hyperscan
        except ImportError:
            return None
        expressions = [re.escape(m) for m in self.literals] + [p.pattern.encode() for p in self.regexes]
        # PREFILTER lets Vectorscan approximate constructs it cannot run exactly (lookarounds): a superset
        # of matches, which is all a gate needs. Without it one such pattern sent every file to `re`.
        flags = [hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH] * len(self.literals) + [
            hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY | hyperscan.HS_FLAG_PREFILTER
        ] * len(self.regexes)
        from auditor.extract.vectorscan import compile_database

        try:
            db: object = compile_database(self.name, expressions, flags)
        except Exception:  # a construct Vectorscan does not support: the stdlib path still answers
            return None
        self._expressions = (expressions, flags)
        return db

    def partition(self) -> tuple[str, list[bytes], list[int]] | None:
        """This set's expressions and flags for a combined database (regexgate.Partition), so another pass
        can answer `any` in the same scan; None when the set does not run on Vectorscan."""
        if self._expressions is None:
            return None
        return (self.name, *self._expressions)

    def any(self, data: bytes) -> bool:
        if self._db is not None:
            found = False

            def on_match(_id: int, _from: int, _to: int, _flags: int, _ctx: object) -> bool:
                nonlocal found
                found = True
                return True  # stop at the first match

            # ScanTerminated is how Vectorscan reports the early stop.
            with contextlib.suppress(Exception):
                self._db.scan(data, match_event_handler=on_match)  # type: ignore[attr-defined]
            return found
        lowered = data.lower()
        if any(m in lowered for m in self.literals):
            return True
        if self._bytes_regexes is None:
            self._bytes_regexes = tuple(
                re.compile(p.pattern.encode(), p.flags & ~re.UNICODE) for p in self.regexes
            )
        return any(p.search(data) for p in self._bytes_regexes)


@functools.lru_cache(maxsize=1)
def manifest_markers() -> MarkerSet:
    """Built on first use in each process (never at import time)."""
    return MarkerSet(MANIFEST_MARKERS, name="manifest-markers")


@functools.lru_cache(maxsize=1)
def evidence_markers() -> MarkerSet:
    return MarkerSet(EVIDENCE_MARKERS, [pattern for _name, pattern in CODE_PATTERNS], name="evidence-markers")
