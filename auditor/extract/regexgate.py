"""The full-regex gate: one Vectorscan pass tells which detectors can match anywhere in a buffer.

The keyword prefilter alone sends every file holding a common word (`token`, `password`, `key`) to Python,
which then runs regexes around each of thousands of keyword hits to find, almost always, nothing. The gate
compiles every detector's regex into one Vectorscan database and reports each detector at most once per
buffer: the detectors it does not report cannot match, so on most files Python runs no regex at all.

Soundness is the whole point (results must not change), so the gate never holds a detector's regex as
written. Each regex is parsed with Python's own `re` parser and re-emitted as a *widening*: a pattern that
matches every string the original can match, and maybe more.

* Zero-width assertions (lookarounds, `\\b`, `^`, `$`) are dropped. This also covers how the engine runs a
  regex: on a region cut at a line end, where Python's `$` or a lookahead sees the cut as the end of the
  text; the consumed text of any such match still matches the widened pattern in the whole buffer.
* Backreferences become their group's pattern again; conditionals `(?(q)A|B)` become `(?:A|B)`; atomic
  groups and possessive or lazy repeats become plain greedy ones (existence of a match is all that counts).
* Case-insensitivity is spelled out in classes (`[tT]`), `.` as an explicit class, so no flag semantics
  differ between Python and PCRE. Very wide counted repeats lose their upper bound (cheaper to compile).

A buffer the widening cannot vouch for is not judged (the caller falls back to the keyword prefilter for
every detector): bytes outside plain ASCII (Unicode `\\w`, `\\s` and case folding in Python's `re`) and the
control bytes on which Python's `\\s` and PCRE's differ. A regex the translator does not know is gated by
its keywords, exactly as without the gate.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.extract.detectors import Detector

__all__ = ["Gate", "Partition", "UntranslatableRegex", "widen"]

# Extra questions answered in the same pass: (name, expressions, Vectorscan flags). Each partition is one
# report id (SINGLEMATCH: one callback at most), so asking "does any manifest marker occur?" alongside the
# detectors costs one Python callback, not one per marker.
Partition = tuple[str, Sequence[bytes], Sequence[int]]

# Part of the gate's cache key: bump when the widening changes what it emits.
_TRANSLATOR_VERSION = b"widen-v1"
# Any byte on which Vectorscan's classes and Python's `re` on str could disagree (see the module doc).
GATE_BLIND = rb"[\x00-\x08\x0b\x0e-\x1f\x7f-\xff]"
# Counted repeats wider than this lose their upper bound (and keep at most _LOW_CAP as the lower one): a
# `{64,16384}` costs Vectorscan seconds to compile, and a looser bound only widens the gate.
_WIDE_REPEAT = 100
_LOW_CAP = 16


class UntranslatableRegex(ValueError):
    """A construct the widening does not handle: the detector is gated by its keywords."""


def _byte(code: int) -> str:
    if code > 0x7F:
        raise UntranslatableRegex("non-ASCII literal")
    char = chr(code)
    if char.isalnum() or char == "_":
        return char
    return f"\\x{code:02x}"


def _cased(code: int) -> list[int]:
    char = chr(code)
    return (
        sorted({code, ord(char.lower()), ord(char.upper())}) if char.isascii() and char.isalpha() else [code]
    )


_CATEGORY = {
    sre.CATEGORY_DIGIT: "\\d",
    sre.CATEGORY_NOT_DIGIT: "\\D",
    sre.CATEGORY_SPACE: "\\s",
    sre.CATEGORY_NOT_SPACE: "\\S",
    sre.CATEGORY_WORD: "\\w",
    sre.CATEGORY_NOT_WORD: "\\W",
}


def _class(items: Sequence[tuple[Any, Any]], ignorecase: bool) -> str:
    negate = False
    parts: list[str] = []
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            parts += [_byte(c) for c in (_cased(av) if ignorecase else [av])]
        elif op is sre.RANGE:
            lo, hi = av
            if hi > 0x7F:
                # A range reaching past ASCII: on a plain-ASCII buffer only its ASCII part can match.
                if lo > 0x7F:
                    continue
                hi = 0x7F
            parts.append(f"{_byte(lo)}-{_byte(hi)}")
            if ignorecase:
                for a, b in ((0x41, 0x5A), (0x61, 0x7A)):  # letters in the range, in the other case
                    start, end = max(lo, a), min(hi, b)
                    if start <= end:
                        shift = 0x20 if a == 0x41 else -0x20
                        parts.append(f"{_byte(start + shift)}-{_byte(end + shift)}")
        elif op is sre.CATEGORY:
            if av not in _CATEGORY:
                raise UntranslatableRegex(f"class category {av}")
            parts.append(_CATEGORY[av])
        else:
            raise UntranslatableRegex(f"class item {op}")
    if not parts:
        return "[^\\x00-\\xff]" if not negate else "[\\x00-\\xff]"  # empty class: matches nothing / anything
    return ("[^" if negate else "[") + "".join(parts) + "]"


class _Emitter:
    def __init__(self, groups: dict[int, Any]) -> None:
        self.groups = groups
        self.depth = 0

    def seq(self, items: Any, flags: int) -> str:
        return "".join(self.node(op, av, flags) for op, av in items)

    def node(self, op: Any, av: Any, flags: int) -> str:
        ignorecase = bool(flags & re.IGNORECASE)
        if op is sre.LITERAL:
            codes = _cased(av) if ignorecase else [av]
            return _byte(av) if len(codes) == 1 else "[" + "".join(_byte(c) for c in codes) + "]"
        if op is sre.NOT_LITERAL:
            codes = _cased(av) if ignorecase else [av]
            return "[^" + "".join(_byte(c) for c in codes) + "]"
        if op is sre.ANY:
            return "[\\x00-\\xff]" if flags & re.DOTALL else "[^\\n]"
        if op is sre.IN:
            return _class(av, ignorecase)
        if op is sre.BRANCH:
            return "(?:" + "|".join(self.seq(branch, flags) for branch in av[1]) + ")"
        if op is sre.SUBPATTERN:
            _group, add, delete, items = av
            return "(?:" + self.seq(items, (flags | add) & ~delete) + ")"
        if op is sre.ATOMIC_GROUP:
            return "(?:" + self.seq(av, flags) + ")"
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, items = av
            body = "(?:" + self.seq(items, flags) + ")"
            if high is sre.MAXREPEAT or high > _WIDE_REPEAT:
                return f"{body}{{{min(low, _LOW_CAP)},}}"
            return f"{body}{{{low},{high}}}"
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return ""  # zero-width: dropping it only widens
        if op is sre.GROUPREF:
            # The text a backreference repeats was matched by the group's own pattern: match that again.
            self.depth += 1
            if self.depth > 8 or av not in self.groups:
                raise UntranslatableRegex("backreference")
            try:
                return "(?:" + self.seq(self.groups[av][1], self.groups[av][0]) + ")"
            finally:
                self.depth -= 1
        if op is sre.GROUPREF_EXISTS:
            _group, yes, no = av
            return "(?:" + self.seq(yes, flags) + "|" + (self.seq(no, flags) if no else "") + ")"
        raise UntranslatableRegex(f"construct {op}")


def _collect_groups(items: Any, flags: int, out: dict[int, Any]) -> None:
    for op, av in items:
        if op is sre.SUBPATTERN:
            group, add, delete, sub = av
            inner = (flags | add) & ~delete
            if group is not None:
                out[group] = (inner, sub)
            _collect_groups(sub, inner, out)
        elif op is sre.BRANCH:
            for branch in av[1]:
                _collect_groups(branch, flags, out)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            _collect_groups(av[2], flags, out)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _collect_groups(av[1], flags, out)
        elif op is sre.ATOMIC_GROUP:
            _collect_groups(av, flags, out)
        elif op is sre.GROUPREF_EXISTS:
            _collect_groups(av[1], flags, out)
            if av[2]:
                _collect_groups(av[2], flags, out)


def widen(pattern: str) -> str:
    """A PCRE pattern matching every string `pattern` (Python `re`) matches on plain ASCII, and maybe more.

    UntranslatableRegex when the pattern uses something the widening does not handle.
    """
    if not pattern.isascii():
        raise UntranslatableRegex("non-ASCII pattern")
    parsed = sre_parse.parse(pattern)
    flags = parsed.state.flags
    if flags & (re.LOCALE | re.ASCII):
        raise UntranslatableRegex("locale or ASCII flag")
    groups: dict[int, Any] = {}
    _collect_groups(parsed.data, flags, groups)
    return _Emitter(groups).seq(parsed.data, flags)


class Gate:
    """The compiled database over a detector list; `candidates(buf)` gives the detectors that may match."""

    @classmethod
    def load(
        cls,
        detectors: Sequence[Detector],
        *,
        compile_if_missing: bool = True,
        partitions: Sequence[Partition] = (),
    ) -> Gate | None:
        """The gate over `detectors`; with compile_if_missing False, only when its database is cached."""
        try:
            return cls(detectors, compile_if_missing=compile_if_missing, partitions=partitions)
        except LookupError:
            return None

    def __init__(
        self,
        detectors: Sequence[Detector],
        *,
        compile_if_missing: bool = True,
        partitions: Sequence[Partition] = (),
    ) -> None:
        import hyperscan

        from auditor.extract.vectorscan import cached_database

        self._blind = len(detectors)
        self.partitions = tuple(name for name, _, _ in partitions)
        self._terminated: type[Exception] = getattr(hyperscan, "ScanTerminated", hyperscan.error)
        # Everything the database is built from, so a cache hit needs no parsing or widening at all.
        key = [_TRANSLATOR_VERSION]
        for det in detectors:
            key += [det.regex.pattern.encode("utf-8"), "\n".join(det.keywords).encode("utf-8")]
            if det.anchor is not None:
                key.append(b"anchor " + det.anchor.encode("ascii"))
        for name, expressions, flags in partitions:
            key += [b"partition", name.encode("utf-8"), repr(list(flags)).encode(), *expressions]
        if not compile_if_missing:
            self._db = cached_database("detector-gate", key, None) or cached_database(
                "detector-gate", [*key, b"checked"], None
            )
            if self._db is None:
                raise LookupError("the gate's database is not cached")
            return
        try:
            self._db = cached_database(
                "detector-gate", key, lambda: _build(detectors, _widened(detectors), partitions)
            )
        except hyperscan.error:
            # Some widened regex Vectorscan refuses even in prefilter mode: those detectors are gated by
            # their keywords instead.
            self._db = cached_database(
                "detector-gate",
                [*key, b"checked"],
                lambda: _build(detectors, _accepted(_widened(detectors)), partitions),
            )

    def candidates(self, buf: bytes) -> set[int] | None:
        """Indices of the detectors that may match in `buf`; None when the gate does not judge it."""
        found: set[int] = set()
        blind = self._blind
        add = found.add

        def on_match(index: int, _from: int, _to: int, _flags: int, _ctx: object) -> bool:
            if index < blind:
                add(index)
                return False
            return index == blind  # stop at a blind byte: this buffer is for the keyword prefilter

        try:
            self._db.scan(buf, match_event_handler=on_match)
        except self._terminated:
            return None
        return found

    def probe(self, buf: bytes) -> tuple[set[int] | None, frozenset[str]]:
        """One pass for everything: what `candidates` says (None at a blind byte), and the names of the
        partitions that occur in `buf`. Unlike `candidates` it never stops early, so the partitions are
        answered for every buffer."""
        found: set[int] = set()
        parts: list[str] = []
        blind = self._blind
        names = self.partitions
        seen_blind = False

        def on_match(index: int, _from: int, _to: int, _flags: int, _ctx: object) -> bool:
            nonlocal seen_blind
            if index < blind:
                found.add(index)
            elif index == blind:
                seen_blind = True
            else:
                parts.append(names[index - blind - 1])
            return False

        self._db.scan(buf, match_event_handler=on_match)
        return (None if seen_blind else found), frozenset(parts)


def _widened(detectors: Sequence[Detector]) -> dict[int, bytes]:
    widened: dict[int, bytes] = {}
    for index, det in enumerate(detectors):
        try:
            widened[index] = widen(det.regex.pattern).encode("ascii")
        except (UntranslatableRegex, re.error, RecursionError):
            continue
    return widened


def _build(
    detectors: Sequence[Detector], widened: dict[int, bytes], partitions: Sequence[Partition] = ()
) -> tuple[list[bytes], list[int], list[int]]:
    """Expressions, flags and ids: each detector's widened regex, or its keywords (and anchor) where it has
    none, the blind-byte pattern, and each partition's expressions under one id per partition (after the
    blind id)."""
    import hyperscan

    regex_flags = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    literal_flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH
    exprs, ids, flags = [GATE_BLIND], [len(detectors)], [hyperscan.HS_FLAG_SINGLEMATCH]
    for index, det in enumerate(detectors):
        if index in widened:
            exprs.append(widened[index])
            ids.append(index)
            flags.append(regex_flags)
        else:  # gated by its keywords, as the keyword prefilter would
            for kw in dict.fromkeys(det.keywords):
                exprs.append(re.escape(kw).encode("ascii"))
                ids.append(index)
                flags.append(literal_flags)
            if det.anchor is not None:
                exprs.append(det.anchor.encode("ascii"))
                ids.append(index)
                flags.append(hyperscan.HS_FLAG_SINGLEMATCH)
    for offset, (_name, expressions, part_flags) in enumerate(partitions, start=1):
        exprs += list(expressions)
        ids += [len(detectors) + offset] * len(expressions)
        flags += list(part_flags)
    return exprs, flags, ids


def _accepted(widened: dict[int, bytes]) -> dict[int, bytes]:
    """The widened regexes Vectorscan compiles on their own (slow: only after a failed build)."""
    import hyperscan

    flags = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    kept = {}
    for index, expression in widened.items():
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        try:
            db.compile(expressions=[expression], ids=[0], elements=1, flags=[flags])
        except hyperscan.error:
            continue
        kept[index] = expression
    return kept
