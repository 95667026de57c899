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
* Every atom (a literal, `.`, a class) becomes the bytes of the characters Python's `re` matches with it
  on str, asked of Python itself: its ASCII characters as one byte class, and its non-ASCII ones as UTF-8,
  either exactly (the caseless partners of ASCII letters, such as the Kelvin sign for `k` under
  IGNORECASE, or a literal's own code point) or, for `.`, a category (`\\w`, `\\d`, `\\s` are Unicode-aware)
  and a negated class, as "any non-ASCII character" (a lead byte and its continuation bytes). No flag
  semantics differ between Python and Vectorscan, and a counted repeat counts characters, not bytes,
  except that a repeat of one class that takes non-ASCII characters becomes one byte class with its lower
  bound and four times its upper one, or none past 64 bytes (n characters are n to 4n bytes). Very wide
  counted repeats lose their upper bound too (cheaper to compile).

A buffer the widening cannot vouch for is not judged (the caller falls back to the keyword prefilter for
every detector): bytes that are not valid UTF-8 (such text is decoded as latin-1 or transcoded, so its
characters are not these bytes; `judged`) and the control bytes on which Python's `\\s` and PCRE's differ
(`GATE_BLIND`). A regex the translator does not know is gated by its keywords, exactly as without the gate.
"""

from __future__ import annotations

import re
import re._compiler as sre_compile
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.extract.detectors import Detector

__all__ = ["Gate", "Partition", "UntranslatableRegex", "judged", "widen"]

# Extra questions answered in the same pass: (name, expressions, Vectorscan flags). Each partition is one
# report id (SINGLEMATCH: one callback at most), so asking "does any manifest marker occur?" alongside the
# detectors costs one Python callback, not one per marker.
Partition = tuple[str, Sequence[bytes], Sequence[int]]

# Part of the gate's cache key: bump when the widening changes what it emits.
_TRANSLATOR_VERSION = b"widen-v3-utf8"
# The control bytes on which Vectorscan's classes and Python's `re` on str could disagree (see the module
# doc) and the UTF-8 of the caseless partners of ASCII letters (_ASCII_FOLDS): a buffer holding one is not
# judged. Other bytes 0x80-0xFF are judged when the buffer is valid UTF-8 (`judged`).
GATE_BLIND = rb"[\x00-\x08\x0b\x0e-\x1f\x7f]|\xc4[\xb0\xb1]|\xc5\xbf|\xe2\x84\xaa"
# Counted repeats wider than this lose their upper bound (and keep at most _LOW_CAP as the lower one): a
# `{64,16384}` costs Vectorscan seconds to compile, and a looser bound only widens the gate.
_WIDE_REPEAT = 100
_LOW_CAP = 16
# A repeat of a class that takes non-ASCII characters counts bytes, up to 4 per character: its upper bound
# is kept (times 4) while it is at most this many bytes.
_BYTES_BOUND = 64


class UntranslatableRegex(ValueError):
    """A construct the widening does not handle: the detector is gated by its keywords."""


def _byte(code: int) -> str:
    if code > 0x7F:
        raise UntranslatableRegex("non-ASCII byte in an ASCII class")
    char = chr(code)
    if char.isalnum() or char == "_":
        return char
    return f"\\x{code:02x}"


# A judged buffer is valid UTF-8 (`judged`): a character outside ASCII is a lead byte 0xC2-0xF4 and one to
# three continuation bytes 0x80-0xBF. An atom that may match one is `[ASCII and lead bytes]` followed by up
# to three continuation bytes, so it takes one whole character, ASCII or not, and a counted repeat of atoms
# counts characters, as Python's `re` does on the str.
_LEAD = "\\xc2-\\xf4"
_CONTINUATION = "[\\x80-\\xbf]{0,3}"
# The only non-ASCII characters that Python's caseless matching (re.IGNORECASE on str) pairs with an ASCII
# one, in Python 3.11: dotted and dotless i (I, i), long s (S, s) and the Kelvin sign (K, k); a class of
# ASCII items matches no other non-ASCII character (tests/test_detector_gate.py checks every code point).
# Spelling them out in every caseless keyword (`(?:[kK]|\xe2\x84\xaa)`) made the database six times slower to
# compile (Vectorscan no longer sees caseless literals), so a buffer holding one is not judged instead
# (GATE_BLIND): they are rare outside Turkish text.
_ASCII_FOLDS = (0x130, 0x131, 0x17F, 0x212A)
_NODE_FLAGS = re.IGNORECASE | re.DOTALL | re.UNICODE


def _ranges(codes: Sequence[int]) -> str:
    """The inside of a byte class holding exactly these ASCII code points (sorted), in runs."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(
        _byte(lo) if lo == hi else f"{_byte(lo)}{_byte(hi)}" if hi == lo + 1 else f"{_byte(lo)}-{_byte(hi)}"
        for lo, hi in runs
    )


# An atom's characters: its ASCII code points (exactly Python's), whether it may match any non-ASCII
# character, and the non-ASCII code points it matches when it cannot match just any.
_Atom = tuple[tuple[int, ...], bool, tuple[int, ...]]
_ATOMS: dict[tuple[Any, str, int], _Atom] = {}


def _atom(op: Any, av: Any, flags: int) -> _Atom:
    """One character of the pattern (a literal, `.`, a class): the ASCII characters Python matches with it,
    asked of Python's own `re` (flags and categories mean what they mean there), and the non-ASCII ones it
    may match: any (`.`, a category: `\\w`, `\\d`, `\\s` are Unicode-aware, a negated class, a range past
    ASCII) or a literal's own code point. The caseless partners of ASCII letters (_ASCII_FOLDS) are left
    out: a buffer holding one is not judged."""
    flags &= _NODE_FLAGS
    key = (op, repr(av), flags)
    found = _ATOMS.get(key)
    if found is None:
        state = sre_parse.State()
        state.flags = flags | re.UNICODE
        compiled = sre_compile.compile(sre_parse.SubPattern(state, [(op, av)]), state.flags)
        codes = tuple(code for code in range(0x80) if compiled.fullmatch(chr(code)))
        generic = _any_non_ascii(op, av, flags)
        own = (av,) if op is sre.LITERAL and av > 0x7F and not generic else ()
        found = _ATOMS[key] = (codes, generic, own)
    return found


def _emit_atom(atom: _Atom) -> str:
    codes, generic, own = atom
    if generic:  # one character, ASCII or not: [ASCII and lead bytes] then the continuation bytes
        return f"[{_ranges(codes)}{_LEAD}]{_CONTINUATION}"
    parts = [f"[{_ranges(codes)}]"] if len(codes) > 1 else [_byte(codes[0])] if codes else []
    parts += ["".join(f"\\x{b:02x}" for b in chr(code).encode("utf-8")) for code in own]
    if not parts:
        return "[^\\x00-\\xff]"  # an empty class: matches nothing
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _any_non_ascii(op: Any, av: Any, flags: int) -> bool:
    """Whether the atom may match a non-ASCII character other than a caseless partner of an ASCII one (and
    other than its own code point, for a literal matched case-sensitively): `.`, a negated literal or
    class, a category (Unicode digits, spaces and word characters), an item past ASCII."""
    if op is sre.LITERAL:
        return av > 0x7F and bool(flags & re.IGNORECASE)
    if op is not sre.IN:
        return True  # ANY, NOT_LITERAL
    for item, value in av:
        if item is sre.LITERAL:
            if value > 0x7F:
                return True
        elif item is sre.RANGE:
            if value[1] > 0x7F:
                return True
        else:  # NEGATE, CATEGORY
            return True
    return False


_ATOM_OPS = (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN)


class _Emitter:
    def __init__(self, groups: dict[int, Any]) -> None:
        self.groups = groups
        self.depth = 0

    def seq(self, items: Any, flags: int) -> str:
        return "".join(self.node(op, av, flags) for op, av in items)

    def node(self, op: Any, av: Any, flags: int) -> str:
        if op in _ATOM_OPS:
            return _emit_atom(_atom(op, av, flags))
        if op is sre.BRANCH:
            return "(?:" + "|".join(self.seq(branch, flags) for branch in av[1]) + ")"
        if op is sre.SUBPATTERN:
            _group, add, delete, items = av
            return "(?:" + self.seq(items, (flags | add) & ~delete) + ")"
        if op is sre.ATOMIC_GROUP:
            return "(?:" + self.seq(av, flags) + ")"
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, items = av
            wide = high is sre.MAXREPEAT or high > _WIDE_REPEAT
            if len(items) == 1 and items[0][0] in _ATOM_OPS:
                item_op, item_av = items[0]
                codes, generic, _own = _atom(item_op, item_av, flags)
                if generic:
                    # A repeat of one class that takes non-ASCII characters: one byte class (ASCII, lead and
                    # continuation bytes), as n characters are n to 4n bytes: {low,4*high} while that is
                    # short, else no upper bound. Vectorscan compiles a byte class's repeat cheaply; a
                    # bounded repeat of the one-character atom doubled the database's compile time, and
                    # no upper bound at all tripled its size (8.1 MB, against 2.6 MB with these bounds).
                    cls = f"[{_ranges(codes)}\\x80-\\xff]"
                    if not wide and high * 4 <= _BYTES_BOUND:
                        return f"{cls}{{{low},{high * 4}}}"
                    return f"{cls}{{{min(low, _LOW_CAP) if wide else low},}}"
            body = "(?:" + self.seq(items, flags) + ")"
            if wide:
                return f"{body}{{{min(low, _LOW_CAP)},}}"
            return f"{body}{{{low},{high}}}"
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return ""  # zero-width: dropping it only widens
        if op is sre.GROUPREF:
            # The text a backreference repeats was matched by the group's own pattern: match that again.
            self.depth += 1
            if self.depth > 8 or av not in self.groups:
                raise UntranslatableRegex("backreference")
            group_flags, items = self.groups[av]
            if flags & re.IGNORECASE and not group_flags & re.IGNORECASE:
                # A caseless backreference to a case-sensitive group: `([^a])(?i:\\1)` repeats `A` as `a`,
                # which the group's own pattern does not match.
                self.depth -= 1
                raise UntranslatableRegex("caseless backreference to a case-sensitive group")
            try:
                return "(?:" + self.seq(items, group_flags) + ")"
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

        if not judged(buf):
            return None
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
        return (None if seen_blind or not judged(buf) else found), frozenset(parts)


def judged(buf: bytes) -> bool:
    """Whether the widening vouches for `buf` as far as its encoding goes: plain ASCII or valid UTF-8 (each
    non-ASCII character then takes one widened atom). Other encodings are decoded otherwise (latin-1, a
    byte-order mark's UTF-16), so the gate's bytes would not be the characters the detectors see."""
    if buf.isascii():
        return True
    try:
        buf.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
