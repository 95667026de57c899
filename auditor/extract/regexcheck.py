"""Load-time proof obligations for detector regexes: every detector must run in linear time.

Python's `re` backtracks. `finditer` tries a match at every offset of a region, so one unbounded
quantifier (`[\\w.-]*`, `+`, `{64,}`) can consume the rest of a long line at each of n offsets: n² steps
(`'pass' * 25600` took 88 s). Nested or adjacent quantifiers that can share characters multiply the ways
one attempt may split its input. The checks below reject those shapes when a detector file loads, so a
detector added later (rules/detectors/*.yaml) cannot bring them back:

* every quantifier has an upper bound;
* the whole match is at most MAX_MATCH_CHARS long, which bounds the work of one attempt;
* a repeated group of variable width must not be able to end with a character it can start with
  (`(\\w{1,9}){1,9}` can split "aaaa" in many ways; `(?:[a-z]{1,9}\\.){1,4}` cannot);
* two neighbouring variable quantifiers over overlapping characters must not span more than
  MAX_ADJACENT_PRODUCT combinations between them (`\\w{0,80}[\\w-]{0,80}` tries 6,400 splits per attempt).

These are cheap syntactic checks on `re`'s own parse tree. They are sufficient for the shapes detectors
use, not a general decision procedure; tests/adversarial/ counts the work of every loaded detector on
hostile inputs at n and 4n as the second line of defence, and the per-file time budget
(auditor/extract/budget.py) is the third.

Why not a ReDoS library (evaluated 2026-12-05 on Python 3.11 against this catalogue): regexploit 1.0.0
ignores bounded quantifiers (every detector's) and missed `(a|aa)+b`, `x\\d+\\d+y` and `a+b` under search;
redoctor is BSL-licensed; recheck 4.5 (the JavaScript build inside redos-linter, run by the `deno` wheel)
is exact and deterministic in its automaton mode but took 1-100 s per large regex (85 of ~860 in 6.7 min,
counted repeats reduced to their shape), far over the test suite's budget.
"""

from __future__ import annotations

import re
import re._constants as C  # noqa: N812 (the stdlib's own parser constants, read-only)
import re._parser as P  # noqa: N812
from collections.abc import Iterable
from typing import Any

__all__ = ["MAX_ADJACENT_PRODUCT", "MAX_MATCH_CHARS", "RegexComplexityError", "check_linear"]

# A PEM private key block (16 KiB covers an 8192-bit RSA key with headers) is the longest thing a
# detector needs to match in one piece.
MAX_MATCH_CHARS = 20_000
MAX_ADJACENT_PRODUCT = 4_096

# Characters the class analysis tries: all of ASCII and Latin-1 plus a few wider ones, enough to tell
# whether two classes can share a character.
_ALPHABET: tuple[str, ...] = tuple(chr(i) for i in range(256)) + ("\u0100", "\u2028", "\u4e00", "\U0001f600")
_ALL = frozenset(_ALPHABET)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


# One node of `re`'s parse tree: (opcode, argument); the argument's shape depends on the opcode.
Node = tuple[Any, Any]


class RegexComplexityError(ValueError):
    """A detector regex whose matching time could grow faster than linearly with its input."""


def _category(cat: Any, ch: str) -> bool:
    name = str(cat)
    if name.endswith("DIGIT"):
        hit = ch.isdigit()
    elif name.endswith("SPACE"):
        hit = ch.isspace()
    elif name.endswith("WORD"):
        hit = ch.isalnum() or ch == "_"
    elif name.endswith("LINEBREAK"):
        hit = ch in "\n\r"
    else:
        return True  # an unknown category: assume it can match anything (conservative)
    return not hit if "NOT" in name else hit


def _class_chars(items: Iterable[Node], ignorecase: bool) -> frozenset[str]:
    members: set[str] = set()
    negate = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            members.add(chr(av))
        elif op is C.RANGE:
            lo, hi = av
            members.update(ch for ch in _ALPHABET if lo <= ord(ch) <= hi)
        elif op is C.CATEGORY:
            members.update(ch for ch in _ALPHABET if _category(av, ch))
        else:
            members.update(_ALL)  # anything unusual: assume the worst
    if ignorecase:
        folded = {ch.lower() for ch in members} | {ch.upper() for ch in members if len(ch.upper()) == 1}
        members.update(folded)
    chars = frozenset(members)
    return _ALL - chars if negate else chars


def _single_chars(node: Node, ignorecase: bool) -> frozenset[str] | None:
    """The characters a one-character node matches; None when the node is not one character wide."""
    op, av = node
    if op is C.LITERAL:
        return _class_chars([(C.LITERAL, av)], ignorecase)
    if op is C.NOT_LITERAL:
        return _ALL - _class_chars([(C.LITERAL, av)], ignorecase)
    if op is C.ANY:
        return _ALL
    if op is C.IN:
        return _class_chars(av, ignorecase)
    return None


class _Checker:
    def __init__(self, flags: int) -> None:
        self.ignorecase = bool(flags & re.IGNORECASE)

    # -- first and last characters ------------------------------------------------------------------
    def edge(self, seq: list[Node], first: bool) -> tuple[frozenset[str], bool]:
        """(characters the sequence can start (or end) with, whether it can match the empty string)."""
        chars: set[str] = set()
        for node in seq if first else reversed(seq):
            node_chars, nullable = self.node_edge(node, first)
            chars |= node_chars
            if not nullable:
                return frozenset(chars), False
        return frozenset(chars), True

    def node_edge(self, node: Node, first: bool) -> tuple[frozenset[str], bool]:
        op, av = node
        single = _single_chars(node, self.ignorecase)
        if single is not None:
            return single, False
        if op in _ZERO_WIDTH:
            return frozenset(), True
        if op in _REPEATS:
            low, _high, body = av
            chars, nullable = self.edge(list(body), first)
            return chars, nullable or low == 0
        if op is C.SUBPATTERN:
            return self.edge(list(av[-1]), first)
        if op is C.ATOMIC_GROUP:
            return self.edge(list(av), first)
        if op is C.BRANCH:
            out: set[str] = set()
            nullable = False
            for branch in av[1]:
                chars, empty = self.edge(list(branch), first)
                out |= chars
                nullable = nullable or empty
            return frozenset(out), nullable
        if op is C.GROUPREF_EXISTS:
            _group, yes, no = av
            chars, nullable = self.edge(list(yes), first)
            if no is None:
                return chars, True
            other, other_empty = self.edge(list(no), first)
            return chars | other, nullable or other_empty
        return _ALL, True  # back references and anything else: assume the worst

    # -- the checks ---------------------------------------------------------------------------------
    def walk(self, seq: list[Node]) -> None:
        self.adjacent(seq)
        for node in seq:
            op, av = node
            if op in _REPEATS:
                low, high, body = av
                if high == C.MAXREPEAT:
                    raise RegexComplexityError(
                        "unbounded quantifier (`*`, `+` or `{n,}`): give it an upper bound such as {0,80}; "
                        "an unbounded one rescans the rest of the line at every offset (quadratic time)"
                    )
                body_list = list(body)
                body_low, body_high = P.SubPattern(P.State(), body_list).getwidth()
                if high > 1 and body_low != body_high:
                    starts, _ = self.edge(body_list, True)
                    ends, _ = self.edge(body_list, False)
                    if starts & ends:
                        raise RegexComplexityError(
                            "a repeated group of variable width can end with a character it starts with "
                            "(nested quantifiers over overlapping characters): the ways to split a run grow "
                            "exponentially; make the group fixed-width or end it with a separator"
                        )
                self.walk(body_list)
            elif op is C.SUBPATTERN:
                self.walk(list(av[-1]))
            elif op is C.ATOMIC_GROUP:
                self.walk(list(av))
            elif op is C.BRANCH:
                for branch in av[1]:
                    self.walk(list(branch))
            elif op is C.GROUPREF_EXISTS:
                _group, yes, no = av
                self.walk(list(yes))
                if no is not None:
                    self.walk(list(no))
            elif op in (C.ASSERT, C.ASSERT_NOT):
                self.walk(list(av[1]))

    def adjacent(self, seq: list[Node]) -> None:
        """Neighbouring single-character quantifiers whose classes overlap: their spans multiply."""
        previous: tuple[frozenset[str], int] | None = None
        for node in seq:
            op, av = node
            current: tuple[frozenset[str], int] | None = None
            if op in _REPEATS:
                low, high, body = av
                body_list = list(body)
                if len(body_list) == 1 and high != C.MAXREPEAT:
                    chars = _single_chars(body_list[0], self.ignorecase)
                    if chars is not None and high > low:
                        current = (chars, high - low + 1)
            if (
                current is not None
                and previous is not None
                and previous[0] & current[0]
                and previous[1] * current[1] > MAX_ADJACENT_PRODUCT
            ):
                raise RegexComplexityError(
                    "two neighbouring quantifiers over overlapping characters "
                    f"({previous[1]} × {current[1]} ways to split a run between them): narrow one class "
                    "so they cannot share characters, or lower the bounds"
                )
            if op in _ZERO_WIDTH:
                continue  # a lookaround between two quantifiers does not separate what they consume
            previous = current


def check_linear(pattern: str) -> None:
    """Raise RegexComplexityError when `pattern` could take more than linear time over a long input."""
    parsed = P.parse(pattern)
    checker = _Checker(parsed.state.flags)
    checker.walk(list(parsed.data))
    _low, high = parsed.getwidth()
    if high > MAX_MATCH_CHARS:
        raise RegexComplexityError(
            f"a match can be up to {high} characters long (limit {MAX_MATCH_CHARS}): bound the quantifiers"
        )
