"""The full-regex gate: one Vectorscan pass tells which detectors can yield a hit anywhere in a buffer.

The keyword prefilter alone sends every file holding a common word (`token`, `password`, `key`) to Python,
which then runs regexes around each of thousands of keyword hits to find, almost always, nothing. The gate
compiles every detector's regex into one Vectorscan database and reports each detector at most once per
buffer: the detectors it does not report cannot yield a hit (a candidate for the judge), so on most files
Python runs no regex at all.

The contract is "cannot yield", not "cannot match": a generic rule's match whose key names no secret
(`token_limit: 4096`, `max_tokens`, `password_policy`) is dropped by the matchers before the judge (and by
the judge's first step where the key check is off), so its key group is narrowed to the keys that can name
a secret (`_Key`, where its shape is proven; `widen(key_last=)`). On a tree of settings most keyword hits of
the three keyword-anchored generic rules are such keys: the gate then leaves those rules, and usually the
whole file, out. Every other group, and every other detector, is widened as below.

Soundness is the whole point (results must not change), so the gate never holds a detector's regex as
written. Each regex is parsed with Python's own `re` parser and re-emitted as a *widening*: a pattern that
matches every string the original can match, and maybe more.

* Zero-width assertions (lookarounds, `\\b`, `^`, `$`) are dropped. This also covers how the engine runs a
  regex: on a region cut at a line end, where Python's `$` or a lookahead sees the cut as the end of the
  text; the consumed text of any such match still matches the widened pattern in the whole buffer.
* Backreferences become their group's pattern again; conditionals `(?(q)A|B)` become `(?:A|B)`; atomic
  groups and possessive or lazy repeats become plain greedy ones (existence of a match is all that counts).
  Two sharper forms where their premise is proven: an optional group that later conditionals ask about
  splits the rest of the sequence in two (taken: each conditional's first branch; not taken: its second),
  outside repeats that may run twice; and a lookbehind that re-reads the character before a literal
  (`,(?<=["'],)`, a comma after a quote) is pushed into the repeat of one class that takes that character,
  when every item between can take none of the lookbehind's class (`_Emitter._split_optional`,
  `_Emitter._push_back`). Both keep every match: the split's two alternatives cover both cases, and the
  pushed alternative is the only way the lookbehind can hold there.
* Every atom (a literal, `.`, a class) becomes the bytes of the characters Python's `re` matches with it
  on str, asked of Python itself: its ASCII characters as one byte class, and its non-ASCII ones as UTF-8,
  either exactly (the caseless partners of ASCII letters, such as the Kelvin sign for `k` under
  IGNORECASE, or a literal's own code point) or, for `.`, a category (`\\w`, `\\d`, `\\s` are Unicode-aware)
  and a negated class, as "any non-ASCII character" (a lead byte and its continuation bytes). No flag
  semantics differ between Python and Vectorscan, and a counted repeat counts characters, not bytes,
  except that a repeat of one class that takes non-ASCII characters becomes one byte class with its lower
  bound and four times its upper one, or none past 64 bytes (n characters are n to 4n bytes). Very wide
  counted repeats lose their upper bound too (cheaper to compile).

A second, small database holds the generic rules alone, each value group taking at least
values.SHORTEST_CANDIDATE characters (`widen(secret_min=)`): for text no parser reads (source, prose,
scripts), scan_text's judge reads no more than the value group and calls nothing shorter a secret, so
`probe(text_only=True)` keeps a generic rule only where that database reports it too. A document's scalars
are judged whole (a plain scalar's first word may start a longer value), so documents keep the first
database's answer.

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
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from auditor.extract.caseless import ASCII_PARTNERS
from auditor.extract.keynames import secret_last_words
from auditor.extract.values import SHORTEST_CANDIDATE

if TYPE_CHECKING:
    from auditor.extract.detectors import Detector

__all__ = ["BLIND_CHARS", "Gate", "Partition", "UntranslatableRegex", "judged", "widen"]

# Extra questions answered in the same pass: (name, expressions, Vectorscan flags). Each partition is one
# report id (SINGLEMATCH: one callback at most), so asking "does any manifest marker occur?" alongside the
# detectors costs one Python callback, not one per marker.
Partition = tuple[str, Sequence[bytes], Sequence[int]]

# Part of the gate's cache key: bump when the widening changes what it emits.
_TRANSLATOR_VERSION = b"widen-v6-class-prefix"
# The control bytes on which Vectorscan's classes and Python's `re` on str could disagree (see the module
# doc) and the UTF-8 of the caseless partners of ASCII letters (_ASCII_FOLDS): a buffer holding one is not
# judged. Other bytes 0x80-0xFF are judged when the buffer is valid UTF-8 (`judged`).
GATE_BLIND = rb"[\x00-\x08\x0b\x0e-\x1f\x7f]|\xc4[\xb0\xb1]|\xc5\xbf|\xe2\x84\xaa"
# The characters whose UTF-8 GATE_BLIND matches, for a str (tests/test_scan_values_split.py holds the two
# together over every code point).
BLIND_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u0130\u0131\u017f\u212a]")
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
_ASCII_FOLDS = tuple(ASCII_PARTNERS)
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


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# Splits of a sequence at an optional group (_Emitter._split_optional) nested at most this deep: each split
# emits the rest of the sequence twice.
_MAX_SPLITS = 3
_NOTHING = "[^\\x00-\\xff]"  # an empty class: matches nothing


class _Emitter:
    def __init__(
        self, groups: dict[int, Any], *, secret_group: int | None = None, secret_min: int | None = None
    ) -> None:
        self.groups = groups
        self.depth = 0
        # Group index -> what to emit for that group instead of its widening (a generic rule's key: _Key).
        self.narrowed: dict[int, str] = {}
        # Optional groups whose taking is decided in the alternative being emitted (_split_optional).
        self.cond: dict[int, bool] = {}
        # Repeats that may run more than once around the node being emitted: a group inside one may keep
        # what an earlier iteration took, so no split is made there.
        self.repeats = 0
        # The value group whose every counted repeat is raised to at least `secret_min` characters
        # (widen(secret_min=)).
        self.secret_group = secret_group
        self.secret_min = secret_min

    def seq(self, items: Any, flags: int) -> str:
        items = list(items)
        if not self.repeats and len(self.cond) < _MAX_SPLITS:
            split = self._split_optional(items, flags)
            if split is not None:
                return split
        pushed = self._push_back(items, flags)
        if pushed is not None:
            return pushed
        return "".join(self.node(op, av, flags) for op, av in items)

    def _split_optional(self, items: list[Any], flags: int) -> str | None:
        """`(?P<q>X)? REST`, where REST asks `(?(q)A|B)` or repeats `(?P=q)`, as `(?:X REST' | REST'')`: REST'
        emitted knowing q was taken (each conditional on q takes its first branch, the backreference is X
        again) and REST'' knowing it was not (second branches; a backreference to a group that took no part
        fails in Python's `re`, so that alternative is dropped). A match either takes the optional group or
        not, so the two alternatives cover every match; emitting `(?:A|B)` for each conditional instead
        allowed B after a quote and A without one. Only outside repeats that may run twice (a group there
        may hold an earlier iteration's text)."""
        for index, (op, av) in enumerate(items):
            if op not in _REPEATS or av[0] != 0 or av[1] != 1 or len(av[2]) != 1:
                continue
            inner_op, inner_av = av[2][0]
            if inner_op is not sre.SUBPATTERN or inner_av[0] is None or inner_av[0] in self.cond:
                continue
            group = inner_av[0]
            rest = items[index + 1 :]
            if not _refers(rest, group, 0):
                continue
            head = self.seq(items[:index], flags)
            self.cond[group] = True
            try:
                taken = self.node(inner_op, inner_av, flags) + self.seq(rest, flags)
            except _DeadBranch:
                taken = None
            self.cond[group] = False
            try:
                skipped: str | None = self.seq(rest, flags)
            except _DeadBranch:
                skipped = None
            del self.cond[group]
            both = [part for part in (taken, skipped) if part is not None]
            if not both:
                raise _DeadBranch
            return head + "(?:" + "|".join(both) + ")"
        return None

    def _push_back(self, items: list[Any], flags: int) -> str | None:
        """A sequence `P R M (?:...|c(?<=Xc)...|...)`, where the alternative's lookbehind reads the character
        before `c` (in class X), R is a repeat of one class C, and every item of M can take no character of
        X (and may be empty): that character is R's last, so the alternative is emitted as
        `P (?: R M (?:other alternatives) | R' c ...)` with R' = `C{low-1,high-1}(C&X)`. Dropping the
        lookbehind instead (the widening of any assertion) let `token, team=None` through as a key, a comma
        and a value. When R may be empty, P must end in a character outside X (else nothing is pushed)."""
        for j, (op, av) in enumerate(items):
            if op is not sre.BRANCH:
                continue
            alternatives = list(av[1])
            for a, alt in enumerate(alternatives):
                looked = _lookbehind_class(alt, flags)
                if looked is None:
                    continue
                pushed = self._pushed(items, j, alternatives, a, looked, flags)
                if pushed is not None:
                    return pushed
        return None

    def _pushed(
        self, items: list[Any], j: int, alternatives: list[Any], a: int, looked: frozenset[int], flags: int
    ) -> str | None:
        alt = alternatives[a]
        k = j - 1
        impossible = False
        while k >= 0:
            got = _item_last(items[k][0], items[k][1], flags)
            if got is None:
                return None
            chars, may_be_empty = got
            if chars & looked:
                break
            if not may_be_empty:
                impossible = True  # the character before `c` is never in X: the alternative never matches
                break
            k -= 1
        others = [other for b, other in enumerate(alternatives) if b != a]
        if impossible:
            if not others:
                return None
            return (
                self.seq(items[:j], flags)
                + "(?:"
                + "|".join(self.seq(other, flags) for other in others)
                + ")"
                + self.seq(items[j + 1 :], flags)
            )
        if k < 0:
            return None  # the character before may lie before the sequence
        op, av = items[k]
        if op not in _REPEATS or len(av[2]) != 1 or av[2][0][0] not in _ATOM_OPS:
            return None
        low, high, body = av
        codes, generic, own = _atom(body[0][0], body[0][1], flags)
        if own or high == 0:
            return None
        if low == 0:
            before = _last_chars(items[:k], flags)
            if before is None or before[1] or before[0] & looked:
                return None  # R may be empty with the character before it in X: not pushed
        last = tuple(sorted(set(codes) & looked))
        shorter = (max(low - 1, 0), high if high is sre.MAXREPEAT else high - 1, body)
        head = self.seq(items[:k], flags)
        # `x{0,0}` is no repeat to Vectorscan (it refuses the database): none is emitted for it.
        pushed_alt = (
            (self.node(op, shorter, flags) if shorter[1] != 0 else "")
            + _emit_atom((last, False, ()))
            + self.seq([*alt[:1], *alt[2:]], flags)
        )
        tail = self.seq(items[j + 1 :], flags)
        if not others:
            return head + pushed_alt + tail
        normal = (
            self.seq(items[k:j], flags) + "(?:" + "|".join(self.seq(other, flags) for other in others) + ")"
        )
        return head + "(?:" + normal + "|" + pushed_alt + ")" + tail

    def node(self, op: Any, av: Any, flags: int) -> str:
        if op in _ATOM_OPS:
            return _emit_atom(_atom(op, av, flags))
        if op is sre.BRANCH:
            emitted = []
            for branch in av[1]:
                try:
                    emitted.append(self.seq(branch, flags))
                except _DeadBranch:
                    continue  # an alternative that cannot match here
            if not emitted:
                raise _DeadBranch
            return "(?:" + "|".join(emitted) + ")"
        if op is sre.SUBPATTERN:
            group, add, delete, items = av
            if group is not None and group == self.secret_group and self.secret_min:
                raised = self._raised(items, (flags | add) & ~delete)
                if raised is not None:
                    return raised
            if group in self.narrowed:
                return "(?:" + self.narrowed[group] + ")"
            return "(?:" + self.seq(items, (flags | add) & ~delete) + ")"
        if op is sre.ATOMIC_GROUP:
            return "(?:" + self.seq(av, flags) + ")"
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, items = av
            if high is sre.MAXREPEAT or high > 1:
                self.repeats += 1
                try:
                    return self._repeat(low, high, items, flags)
                finally:
                    self.repeats -= 1
            return self._repeat(low, high, items, flags)
        return self._rest(op, av, flags)

    def _repeat(self, low: int, high: int, items: Any, flags: int) -> str:
        try:
            return self._repeat_of(low, high, items, flags)
        except _DeadBranch:
            if low == 0:
                return ""  # a body that cannot match: the repeat takes it no time
            raise

    def _repeat_of(self, low: int, high: int, items: Any, flags: int) -> str:
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

    def _rest(self, op: Any, av: Any, flags: int) -> str:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return ""  # zero-width: dropping it only widens
        if op is sre.GROUPREF:
            if self.cond.get(av) is False:
                raise _DeadBranch  # a backreference to a group that took no part never matches
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
            group, yes, no = av
            if group in self.cond:  # decided by the alternative being emitted (_split_optional)
                return "(?:" + self.seq(yes if self.cond[group] else (no or []), flags) + ")"
            return "(?:" + self.seq(yes, flags) + "|" + (self.seq(no, flags) if no else "") + ")"
        raise UntranslatableRegex(f"construct {op}")

    def _raised(self, items: Any, flags: int) -> str | None:
        """The value group as one counted repeat of one class (after its conditional, when the alternative
        being emitted decides it) with its lower bound raised to `secret_min`; None for any other shape
        (widened as usual). A repeat whose upper bound is below the minimum matches nothing."""
        body = list(items)
        if len(body) == 1 and body[0][0] is sre.GROUPREF_EXISTS and body[0][1][0] in self.cond:
            group, yes, no = body[0][1]
            body = list(yes if self.cond[group] else (no or []))
        if len(body) != 1 or body[0][0] not in _REPEATS:
            return None
        op, (low, high, sub) = body[0]
        if len(sub) != 1 or sub[0][0] not in _ATOM_OPS:
            return None
        least = self.secret_min or 0
        if high is not sre.MAXREPEAT and high < least:
            return _NOTHING
        return "(?:" + self.node(op, (max(low, least), high, sub), flags) + ")"


class _DeadBranch(Exception):
    """What is being emitted cannot match (a backreference to a group known to have taken no part)."""


def _refers(items: Any, group: int, depth: int) -> bool:
    """Whether a conditional or a backreference on `group` occurs anywhere in `items`."""
    if depth > _MAX_DEPTH:
        return True  # too deep to tell: as if it did (the split is only a sharper widening)
    for op, av in items:
        if op is sre.GROUPREF and av == group:
            return True
        if op is sre.GROUPREF_EXISTS:
            if av[0] == group or _refers(av[1], group, depth + 1) or _refers(av[2] or [], group, depth + 1):
                return True
        elif op is sre.SUBPATTERN:
            if _refers(av[3], group, depth + 1):
                return True
        elif op is sre.BRANCH:
            if any(_refers(branch, group, depth + 1) for branch in av[1]):
                return True
        elif op in _REPEATS:
            if _refers(av[2], group, depth + 1):
                return True
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if _refers(av[1], group, depth + 1):
                return True
        elif op is sre.ATOMIC_GROUP and _refers(av, group, depth + 1):
            return True
    return False


def _lookbehind_class(alt: Any, flags: int) -> frozenset[int] | None:
    """For an alternative `c(?<=Xc)...` (a literal, then a lookbehind reading one character of class X and
    that literal again): X's characters, when X takes ASCII characters only; else None."""
    if len(alt) < 2 or alt[0][0] is not sre.LITERAL or alt[1][0] is not sre.ASSERT:
        return None
    direction, body = alt[1][1]
    body = list(body)
    if direction != -1 or len(body) != 2 or body[1] != alt[0] or body[0][0] not in (sre.LITERAL, sre.IN):
        return None
    codes, generic, own = _atom(body[0][0], body[0][1], flags)
    if generic or own:
        return None
    return frozenset(codes)


def _item_last(op: Any, av: Any, flags: int) -> tuple[frozenset[int], bool] | None:
    """The ASCII characters one item may end with, and whether it may take no character; None when not
    worked out (a backreference, a conditional). Non-ASCII characters are left out: callers compare with
    an ASCII class."""
    if op in _ATOM_OPS:
        return frozenset(_atom(op, av, flags)[0]), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(), True
    if op in _REPEATS:
        low, high, sub = av
        if high == 0:
            return frozenset(), True
        got = _last_chars(sub, flags)
        return None if got is None else (got[0], low == 0 or got[1])
    if op is sre.SUBPATTERN:
        _group, add, delete, sub = av
        return _last_chars(sub, (flags | add) & ~delete)
    if op is sre.ATOMIC_GROUP:
        return _last_chars(av, flags)
    if op is sre.BRANCH:
        chars: frozenset[int] = frozenset()
        empty = False
        for branch in av[1]:
            got = _last_chars(branch, flags)
            if got is None:
                return None
            chars |= got[0]
            empty = empty or got[1]
        return chars, empty
    return None


def _last_chars(items: Any, flags: int) -> tuple[frozenset[int], bool] | None:
    """_item_last for a sequence: the characters its last non-empty item may end with, and whether the
    whole sequence may take no character."""
    chars: frozenset[int] = frozenset()
    for op, av in reversed(list(items)):
        got = _item_last(op, av, flags)
        if got is None:
            return None
        chars |= got[0]
        if not got[1]:
            return chars, False
    return chars, True


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


def widen(
    pattern: str,
    *,
    key_last: Collection[str] | None = None,
    secret_min: int | None = None,
    start: str | None = None,
) -> str:
    """A PCRE pattern matching every string `pattern` (Python `re`) matches on plain ASCII, and maybe more.

    With `key_last` (keynames.secret_last_words(), for a generic rule whose matcher drops every match whose
    key names no secret): the pattern matches at least every match of `pattern` whose key can name a
    secret, its `key` group narrowed to texts that end with one of these words and then only characters
    key_tokens drops (see _Key); a key group whose shape is not proven is widened as usual.

    With `secret_min`: the pattern matches at least every match of `pattern` whose `secret` group takes
    that many characters or more, where that group lies outside every repeat, lookaround and conditional
    and is one counted repeat of one class (after its conditional, when the split at an optional group
    decides it); any other shape is widened as usual. (The gate for text that is not parsed as a document:
    a generic rule's judge calls nothing shorter a secret there, values.SHORTEST_CANDIDATE.)

    With `start` (a detector's `gate_from`): only the pattern's top-level sequence from the item where that
    literal text begins is widened (`literal_start`). Any match of the pattern contains a match of that
    rest, so the widening stays a superset; backreferences and conditionals on a group left out are widened
    as everywhere (a group's pattern again; both branches).

    UntranslatableRegex when the pattern uses something the widening does not handle.
    """
    parsed = sre_parse.parse(pattern)
    flags = parsed.state.flags
    if flags & (re.LOCALE | re.ASCII):
        raise UntranslatableRegex("locale or ASCII flag")
    groups: dict[int, Any] = {}
    _collect_groups(parsed.data, flags, groups)
    secret = parsed.state.groupdict.get("secret")
    if secret_min is None or secret is None or not _free_group(parsed.data, secret, 0):
        secret = None
    emitter = _Emitter(groups, secret_group=secret, secret_min=secret_min)
    index = parsed.state.groupdict.get("key")
    if key_last is not None and index is not None and index in groups:
        narrowed = _Key.narrow(emitter, parsed.data, index, groups[index], key_last)
        if narrowed is not None:
            emitter.narrowed[index] = narrowed
    first = _class_prefix(parsed.data) if start is None else _literal_index(parsed.data, start)
    try:
        return emitter.seq(parsed.data[first:], flags)
    except _DeadBranch:
        return _NOTHING


def literal_start(pattern: str, text: str) -> int:
    """The index of the item of `pattern`'s top-level sequence where the literal `text` begins: its
    characters as consecutive literal items, outside every group, repeat and alternation, as written (no
    case folding). UntranslatableRegex when `text` does not occur so; the first occurrence otherwise."""
    return _literal_index(sre_parse.parse(pattern).data, text)


def _literal_index(items: Any, text: str) -> int:
    items = list(items)
    codes = [ord(c) for c in text]
    for k in range(len(items) - len(codes) + 1):
        if all(items[k + i] == (sre.LITERAL, code) for i, code in enumerate(codes)):
            return k
    raise UntranslatableRegex(f"{text!r} is not literal text of the regex's top-level sequence")


# Items that take one character of a class each (or none: assertions), and repeats of one such item.
_CLASS_ITEMS = (sre.IN, sre.ANY, sre.NOT_LITERAL)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
# A literal run at least this long after a class-only prefix: what Vectorscan anchors the pattern on.
_ANCHOR_RUN = 3


def _class_prefix(items: Any) -> int:
    """How many leading items of a pattern to leave out of its widening: a prefix of character classes and
    assertions only (`[A-Za-z][A-Za-z0-9+.-]{1,20}` before `://`) when a run of _ANCHOR_RUN literal characters
    follows it; 0 otherwise. Any match of the pattern contains a match of what follows the prefix, so the
    widening stays a superset; the prefix adds no literal to anchor on, and Vectorscan paid for checking it
    before each `://` of a tree (url-password took a seventh of the generic rules' share of the gate)."""
    items = list(items)
    k = 0
    while k < len(items):
        op, av = items[k]
        one_class = op in _REPEATS and len(av[2]) == 1 and av[2][0][0] in _CLASS_ITEMS
        if not (op in _CLASS_ITEMS or op in _ZERO_WIDTH or one_class):
            break
        k += 1
    if k == 0 or k + _ANCHOR_RUN > len(items):
        return 0
    if all(op is sre.LITERAL for op, _av in items[k : k + _ANCHOR_RUN]):
        return k
    return 0


class _Unproven(Exception):
    """A key group whose shape _Key does not prove: it is widened as any other group."""


_MAX_SPELLINGS = 256
_MAX_DEPTH = 16
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


class _Key:
    r"""A generic rule's key group, narrowed to the keys that can name a secret.

    The matchers (`DetectorSet._anchored_matches`, `_region_matches` through `_key_named`) and, with the
    key check off, the judge's first step drop every match of a generic detector whose key group took part
    and whose key names no secret (`keynames.is_secret_key`), before anything else is done with it: such a
    match yields no hit and moves nothing another detector sees (regions are per detector). So the gate
    need only vouch for matches whose key can name a secret. The argument, step by step:

    1. The key the matchers judge is `ext + g`: `g` the key group's text, `ext` key characters before it
       (any text, as far as this proof goes: the narrowing below holds for every `ext`).
    2. is_secret_key is True only when the key's last token T (key_tokens: the last non-empty segment
       between `./:[]`, split at camelCase boundaries, lowercased, split on `[^a-z0-9]+`) is one of
       `secret_last_words()` (W: keynames' _SECRET_LAST and `key`).
    3. Lowercasing maps a non-ASCII character to ASCII letters or digits only for U+0130 and U+212A (checked
       over every code point in tests/test_gate_keys.py), and a buffer holding either is not judged
       (GATE_BLIND). The camelCase split only inserts `_`. So in a judged buffer T is a run of ASCII
       letters and digits of the key, and everything after it in the key is characters that are not ASCII
       letters or digits (dropped: `_ . -`, other punctuation, non-ASCII characters; digits are kept).
    4. This module proves (`narrow`) the key group is one finite set of literal spellings S followed by
       one repeat of one character class R (`token[\w.-]{0,80}+`, `(?:pass(?:word|wd|phrase|code)?|pwd)
       [\w.-]{0,80}+`), and that the group is outside every repeat, lookaround and conditional (so a
       match takes it once, and its text is what `m.end("key")` ends). Whether R is possessive, greedy or
       lazy changes which text a match takes, never the set of texts it can take: g = s + r, s in S, r a
       string of R's characters no longer than its maximum.
    5. Where T ends: (A) in s, then r is only dropped characters, and T = w in W is a suffix of ext + s'
       (s' = s less its trailing dropped characters): w is a suffix of s', or s' a suffix of w; (B) in r,
       then r = r' + d, d dropped characters, r' ending in a letter or digit, and w = T is a suffix of
       ext + s + r': either w lies in r' (r' = x + w, x any R characters), or w begins in s or before it:
       w = u + r' with u a non-empty suffix of s, or u = y + s (s inside w). The last two give a finite set
       of tails r' (`pass` + `word`, `secret` + `key`... and `access` + `token` around the spelling
       `token` gives no tail: case A).
    6. So the group is emitted as, per spelling, `s (?: R* (?:w1|w2|...) | tail1 | tail2 ... )? D*`, the
       `?` only where case A is possible for s, D the dropped characters among R's (with its non-ASCII
       bytes when R takes non-ASCII characters), every letter caseless (ASCII case only: the other caseless
       partners are blind). Every key that can name a secret is one of these texts.

    A group of another shape (`[^"]{1,80}`, a run inside the spellings, a spelling with no letter or digit)
    is widened as before: soundness first.
    """

    @staticmethod
    def narrow(
        emitter: _Emitter, data: Any, index: int, group: tuple[int, Any], words: Collection[str]
    ) -> str | None:
        """The narrowed emission of key group `index` (its flags and items: `group`), or None unproven."""
        if not _free_group(data, index, 0):
            return None
        flags, items = group
        try:
            items = list(items)
            if not items:
                raise _Unproven
            run_op, run_av = items[-1]
            if run_op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                raise _Unproven
            _low, high, run_items = run_av
            if len(run_items) != 1 or run_items[0][0] not in _ATOM_OPS:
                raise _Unproven
            codes, generic, own = _atom(run_items[0][0], run_items[0][1], flags)
            if own:
                raise _Unproven
            spellings = _spellings(items[:-1], 0)
            by_shape: dict[tuple[bool, tuple[str, ...]], list[str]] = {}
            for spelling in spellings:
                by_shape.setdefault(_tails(spelling, words), []).append(spelling)
        except (_Unproven, RecursionError):
            return None
        caseless = flags | re.IGNORECASE

        def literal(text: str) -> str:
            return "".join(_emit_atom(_atom(sre.LITERAL, ord(ch), caseless)) for ch in text)

        # x (any R characters before a last word) and d (the dropped characters after it), each from zero.
        run = emitter.node(run_op, (0, high, run_items), flags)
        dropped = [code for code in codes if chr(code).lower() not in _ALNUM]
        drop = ""
        if dropped or generic:
            cls = "[" + _ranges(dropped) + ("\\x80-\\xff" if generic else "") + "]"
            wide = high is sre.MAXREPEAT or high > _WIDE_REPEAT
            bound = high * 4 if generic else high
            drop = f"{cls}{{0,}}" if wide or (generic and bound > _BYTES_BOUND) else f"{cls}{{0,{bound}}}"
        # A word or tail that ends with a (shorter) last word after characters R takes is already matched
        # by `R* word`: left out, the database stays smaller (`accesstoken` by `token`).
        taken = {chr(code) for code in codes}

        def covered(text: str, shorter: Collection[str]) -> bool:
            return any(
                len(text) > len(w) and text.endswith(w) and set(text[: -len(w)]) <= taken for w in shorter
            )

        ends = sorted(w for w in words if not covered(w, words))
        last = "(?:" + "|".join(literal(w) for w in ends) + ")"
        alternatives = []
        for (bare, tails), spelled in sorted(by_shape.items()):
            head = "(?:" + "|".join(literal(s) for s in sorted(spelled)) + ")"
            kept = [literal(t) for t in tails if t not in words and not covered(t, words)]
            body = "(?:" + "|".join([run + last, *kept]) + ")"
            alternatives.append(head + body + ("?" if bare else "") + drop)
        return "|".join(alternatives)


def _free_group(items: Any, index: int, depth: int) -> bool:
    """Whether group `index` occurs in `items` outside every repeat, lookaround and conditional: reached
    through groups, alternations and atomic groups only, so a match that takes it takes it once."""
    if depth > _MAX_DEPTH:
        return False
    for op, av in items:
        if op is sre.SUBPATTERN:
            if av[0] == index or _free_group(av[3], index, depth + 1):
                return True
        elif op is sre.BRANCH:
            if any(_free_group(branch, index, depth + 1) for branch in av[1]):
                return True
        elif op is sre.ATOMIC_GROUP and _free_group(av, index, depth + 1):
            return True
    return False


def _spellings(items: Any, depth: int) -> set[str]:
    """Every text a sequence of literal-only nodes can spell, lowercase (ASCII only), or _Unproven."""
    if depth > _MAX_DEPTH:
        raise _Unproven
    found = {""}
    for op, av in items:
        if op is sre.LITERAL:
            if av > 0x7F:
                raise _Unproven
            options = {chr(av).lower()}
        elif op is sre.IN:
            options = set()
            for item_op, item_av in av:
                if item_op is not sre.LITERAL or item_av > 0x7F:
                    raise _Unproven  # a range, a category, a negation
                options.add(chr(item_av).lower())
        elif op is sre.BRANCH:
            options = set()
            for branch in av[1]:
                options |= _spellings(branch, depth + 1)
        elif op is sre.SUBPATTERN:
            options = _spellings(av[3], depth + 1)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, sub = av
            if (low, high) != (0, 1):
                raise _Unproven
            options = _spellings(sub, depth + 1) | {""}
        else:
            raise _Unproven
        found = {a + b for a in found for b in options}
        if len(found) > _MAX_SPELLINGS:
            raise _Unproven
    return found


def _tails(spelling: str, words: Collection[str]) -> tuple[bool, tuple[str, ...]]:
    """For one spelling s (lowercase): whether a key can name a secret with the run taking only dropped
    characters (case A of _Key), and the finite tails r' of case B where the last word begins in s or
    before it (w = u + r', u a non-empty suffix of s or u = y + s)."""
    core = spelling
    while core and core[-1] not in _ALNUM:
        core = core[:-1]
    if not core:
        raise _Unproven  # no letter or digit: the key's last word may lie wholly before the group
    bare = any(w.endswith(core) or core.endswith(w) for w in words)
    tails: set[str] = set()
    for w in words:
        for cut in range(1, len(spelling) + 1):
            u = spelling[-cut:]
            if len(w) > len(u) and w.startswith(u):
                tails.add(w[len(u) :])
        at = w.find(spelling, 1)
        while at >= 0:
            rest = w[at + len(spelling) :]
            if rest:
                tails.add(rest)
            at = w.find(spelling, at + 1)
    return bare, tuple(sorted(tails))


class Gate:
    """The compiled database over a detector list; `candidates(buf)` gives the detectors that may yield a hit
    (a match the matchers keep for the judge: see the module doc)."""

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

        self._blind = len(detectors)
        self.partitions = tuple(name for name, _, _ in partitions)
        self._terminated: type[Exception] = getattr(hyperscan, "ScanTerminated", hyperscan.error)
        # Everything the database is built from, so a cache hit needs no parsing or widening at all.
        key = [_TRANSLATOR_VERSION, " ".join(sorted(secret_last_words())).encode("ascii")]
        for det in detectors:
            key += [det.regex.pattern.encode("utf-8"), "\n".join(det.keywords).encode("utf-8")]
            if det.generic:
                key.append(b"generic")
            if det.anchor is not None:
                key.append(b"anchor " + det.anchor.encode("ascii"))
            if det.gate_from is not None:
                key.append(b"gate_from " + det.gate_from.encode("ascii"))
        for name, expressions, flags in partitions:
            key += [b"partition", name.encode("utf-8"), repr(list(flags)).encode(), *expressions]
        self._db = self._database("detector-gate", key, detectors, partitions, None, compile_if_missing)
        if self._db is None:
            raise LookupError("the gate's database is not cached")
        # The text database: each generic rule alone, its value group taking at least the judge's shortest
        # candidate (SHORTEST_CANDIDATE), which holds for text that is not parsed as a document (probe's
        # text_only). Asked only of a buffer where the database above reported a generic rule (a few in
        # ten of a tree's source files: `def f(token=None)`): a small database, compiled in a fraction of
        # the other's time. Not cached and not to be compiled: the other's answer stands.
        # Its ids are positions in `self._generic` (the generic rules' indices, in order).
        self._generic = tuple(index for index, det in enumerate(detectors) if det.generic)
        self._generic_set = frozenset(self._generic)
        self._text_db: Any = None
        if self._generic:
            text_key = [b"secret-min %d" % SHORTEST_CANDIDATE, *key]
            self._text_db = self._database(
                "detector-gate-text",
                text_key,
                [detectors[index] for index in self._generic],
                (),
                SHORTEST_CANDIDATE,
                compile_if_missing,
            )

    @staticmethod
    def _database(
        name: str,
        key: list[bytes],
        detectors: Sequence[Detector],
        partitions: Sequence[Partition],
        secret_min: int | None,
        compile_if_missing: bool,
    ) -> Any:
        import hyperscan

        from auditor.extract.vectorscan import cached_database

        if not compile_if_missing:
            return cached_database(name, key, None) or cached_database(name, [*key, b"checked"], None)
        try:
            return cached_database(
                name, key, lambda: _build(detectors, _widened(detectors, secret_min), partitions)
            )
        except hyperscan.error:
            # Some widened regex Vectorscan refuses even in prefilter mode: those detectors are gated by
            # their keywords instead.
            return cached_database(
                name,
                [*key, b"checked"],
                lambda: _build(detectors, _accepted(_widened(detectors, secret_min)), partitions),
            )

    def candidates(self, buf: bytes) -> set[int] | None:
        """Indices of the detectors that may yield a hit in `buf`; None when the gate does not judge it."""
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

    def probe(self, buf: bytes, *, text_only: bool = False) -> tuple[set[int] | None, frozenset[str]]:
        """One pass for everything: what `candidates` says (None at a blind byte), and the names of the
        partitions that occur in `buf`. Unlike `candidates` it never stops early, so the partitions are
        answered for every buffer. `text_only`: `buf` is scanned as text only, never parsed as a document
        whose scalars the generic rules judge whole (a generic rule's value takes SHORTEST_CANDIDATE
        characters or more there)."""
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
        if seen_blind or not judged(buf):
            return None, frozenset(parts)
        if text_only and self._text_db is not None and not self._generic_set.isdisjoint(found):
            found = self._text_generic(buf, found)
        return found, frozenset(parts)

    def _text_generic(self, buf: bytes, found: set[int]) -> set[int]:
        """`found` with each generic rule kept only where the text database reports it too (the buffer is
        judged: no blind byte)."""
        generic = self._generic
        count = len(generic)
        kept = found - self._generic_set

        def on_match(index: int, _from: int, _to: int, _flags: int, _ctx: object) -> bool:
            if index < count:
                kept.add(generic[index])
            return False

        self._text_db.scan(buf, match_event_handler=on_match)
        return kept


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


def _widened(detectors: Sequence[Detector], secret_min: int | None = None) -> dict[int, bytes]:
    """Each detector's widened regex; with `secret_min`, a generic rule's value group takes at least that
    many characters (widen(secret_min=))."""
    words = secret_last_words()
    widened: dict[int, bytes] = {}
    for index, det in enumerate(detectors):
        try:
            # Only a generic rule's matches are dropped by their key (DetectorSet._generic_key): only its
            # key group is narrowed; only its judge has one shortest candidate.
            key_last = words if det.generic else None
            least = secret_min if det.generic else None
            widened[index] = widen(
                det.regex.pattern, key_last=key_last, secret_min=least, start=det.gate_from
            ).encode("ascii")
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
