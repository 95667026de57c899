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
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from auditor.extract.keynames import secret_last_words

if TYPE_CHECKING:
    from auditor.extract.detectors import Detector

__all__ = ["BLIND_CHARS", "Gate", "Partition", "UntranslatableRegex", "judged", "widen"]

# Extra questions answered in the same pass: (name, expressions, Vectorscan flags). Each partition is one
# report id (SINGLEMATCH: one callback at most), so asking "does any manifest marker occur?" alongside the
# detectors costs one Python callback, not one per marker.
Partition = tuple[str, Sequence[bytes], Sequence[int]]

# Part of the gate's cache key: bump when the widening changes what it emits.
_TRANSLATOR_VERSION = b"widen-v4-key-last"
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
        # Group index -> what to emit for that group instead of its widening (a generic rule's key: _Key).
        self.narrowed: dict[int, str] = {}

    def seq(self, items: Any, flags: int) -> str:
        return "".join(self.node(op, av, flags) for op, av in items)

    def node(self, op: Any, av: Any, flags: int) -> str:
        if op in _ATOM_OPS:
            return _emit_atom(_atom(op, av, flags))
        if op is sre.BRANCH:
            return "(?:" + "|".join(self.seq(branch, flags) for branch in av[1]) + ")"
        if op is sre.SUBPATTERN:
            group, add, delete, items = av
            if group in self.narrowed:
                return "(?:" + self.narrowed[group] + ")"
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


def widen(pattern: str, *, key_last: Collection[str] | None = None) -> str:
    """A PCRE pattern matching every string `pattern` (Python `re`) matches on plain ASCII, and maybe more.

    With `key_last` (keynames.secret_last_words(), for a generic rule whose matcher drops every match whose
    key names no secret): the pattern matches at least every match of `pattern` whose key can name a
    secret, its `key` group narrowed to texts that end with one of these words and then only characters
    key_tokens drops (see _Key); a key group whose shape is not proven is widened as usual.

    UntranslatableRegex when the pattern uses something the widening does not handle.
    """
    parsed = sre_parse.parse(pattern)
    flags = parsed.state.flags
    if flags & (re.LOCALE | re.ASCII):
        raise UntranslatableRegex("locale or ASCII flag")
    groups: dict[int, Any] = {}
    _collect_groups(parsed.data, flags, groups)
    emitter = _Emitter(groups)
    index = parsed.state.groupdict.get("key")
    if key_last is not None and index is not None and index in groups:
        narrowed = _Key.narrow(emitter, parsed.data, index, groups[index], key_last)
        if narrowed is not None:
            emitter.narrowed[index] = narrowed
    return emitter.seq(parsed.data, flags)


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

        from auditor.extract.vectorscan import cached_database

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
    words = secret_last_words()
    widened: dict[int, bytes] = {}
    for index, det in enumerate(detectors):
        try:
            # Only a generic rule's matches are dropped by their key (DetectorSet._generic_key): only its
            # key group is narrowed.
            key_last = words if det.generic else None
            widened[index] = widen(det.regex.pattern, key_last=key_last).encode("ascii")
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
