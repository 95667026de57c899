"""Which key a generic detector's match would judge, read off the text at a keyword hit without the regex.

The generic `secret` / `token` / `password` rules (and the other key-bound generic rules) begin with a key
group, `(?i)(?P<key>token[\\w.-]{0,80}+)...`, and `DetectorSet._judge` rejects a match at once when that key,
extended backwards over identifier characters (`_extend_key_backwards`), names no secret (`is_secret_key`):
`token_limit = 4096`, `STAGE_SECRET_NAME: x`, `PASSWORD_POLICY: ...`. On a tree of settings most matches die
there, after a `match` call and the judge's first steps.

For such a regex the key is fixed by the text at the hit alone. This module proves that from the regex as
Python's own parser sees it, and says how to read the key:

- the key group is the regex's first node (so a match at a hit begins its key there) and is not optional;
- the group holds a finite set of literal spellings (literals, classes of literals, alternations, optional
  literal parts: `pass(?:word|wd)?|pwd`), then one possessive repeat of a class of characters
  (`[\\w.-]{0,80}+`) and nothing else. A possessive repeat takes as many characters as it can and never
  gives any back, so once the spelling is chosen the key's end is the end of that run, capped at the
  repeat's maximum;
- every spelling's characters are in the run's class, so on ASCII text the run from the hit covers every
  spelling that occurs there, and the key ends at `hit + min(run, len(spelling) + maximum)`;
- every keyword of the detector is one of the spellings, so at a keyword hit at least one spelling occurs.

The regex may still backtrack between spellings (`password` then `pass`), which can only change the key's end
when the identifier is longer than the repeat's maximum: then each spelling that occurs gives a key, and the
hit is skipped only when none of them names a secret. The proof holds for ASCII text (case folded as ASCII
`lower()`), as anchors.py's does; the engine uses it only where it uses the anchored matcher.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["KeyShape", "key_shape"]

_MAX_SPELLINGS = 256
_MAX_DEPTH = 16
_ASCII = [chr(c) for c in range(128)]


class _Unproven(Exception):
    """The regex's key group is not of the shape this module can read."""


@dataclass(frozen=True, slots=True)
class KeyShape:
    """How to read a detector's key at a keyword hit (see the module's docstring).

    `spellings`: the key group's literal beginnings, lowercase; `run_chars`: the ASCII characters the
    possessive repeat takes (a string, for str.lstrip); `run_max`: its maximum; `width`: the longest text one
    match of the whole regex can span (a match at a hit ends at most this far from it)."""

    spellings: tuple[str, ...]
    run_chars: str
    run_max: int
    width: int
    line_guard: str | None = None

    # `line_guard`: "" when no match takes a line break, so a match at a hit ends by the hit's line's end;
    # a character when a match takes a line break only after taking that character (`>` in the generic
    # rules' XML form), so a match ends by the line's end when the character is not on the line after the
    # hit; None when neither is proven (a match ends within `width` of its hit).

    @property
    def shortest(self) -> int:
        return min(map(len, self.spellings))

    @property
    def longest(self) -> int:
        return max(map(len, self.spellings))


def _class_chars(items: Any, ignorecase: bool) -> set[str]:
    """The ASCII characters a parsed class (`IN`) matches."""
    out: set[str] = set()
    negate = False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            if av < 0x80:
                out.add(chr(av))
        elif op is sre.RANGE:
            low, high = av
            out.update(chr(c) for c in range(low, min(high, 0x7F) + 1))
        elif op is sre.CATEGORY:
            pattern = {
                sre.CATEGORY_WORD: r"\w",
                sre.CATEGORY_DIGIT: r"\d",
                sre.CATEGORY_SPACE: r"\s",
            }.get(av)
            if pattern is None:
                raise _Unproven
            rx = re.compile(pattern)
            out.update(c for c in _ASCII if rx.fullmatch(c))
        else:
            raise _Unproven
    if ignorecase:
        out |= {c.swapcase() for c in out if c.isalpha()}
    if negate:
        out = set(_ASCII) - out
    return out


def _spellings(nodes: Sequence[tuple[Any, Any]], depth: int) -> set[str]:
    """Every string a sequence of literal-only nodes can spell (lowercase), or _Unproven."""
    if depth > _MAX_DEPTH:
        raise _Unproven
    found = {""}
    for op, av in nodes:
        if op is sre.LITERAL:
            if av >= 0x80:
                raise _Unproven
            options = {chr(av).lower()}
        elif op is sre.IN:
            options = set()
            for item_op, item_av in av:
                if item_op is not sre.LITERAL or item_av >= 0x80:
                    raise _Unproven  # a range, a category, a negation
                options.add(chr(item_av).lower())
        elif op is sre.BRANCH:
            options = set()
            for branch in av[1]:
                options |= _spellings(branch, depth + 1)
        elif op is sre.SUBPATTERN:
            _group, add, delete, items = av
            if add or delete:
                raise _Unproven  # a flag change inside the key: not worth the proof
            options = _spellings(items, depth + 1)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, items = av
            if (low, high) != (0, 1):
                raise _Unproven
            options = _spellings(items, depth + 1) | {""}
        else:
            raise _Unproven
        found = {a + b for a in found for b in options}
        if len(found) > _MAX_SPELLINGS:
            raise _Unproven
    return found


def _guarded(
    nodes: Sequence[tuple[Any, Any]], seen: bool, guard: str, groups: dict[int, Any], depth: int
) -> bool:
    """Walk `nodes` in match order: raise _Unproven where a path may take a line break (`\\n`) before it
    has taken the literal `guard` (for guard "": any line break at all); return whether every path through
    them has taken the guard (`seen` on entry: whether it had before)."""
    if depth > _MAX_DEPTH * 2:
        raise _Unproven
    for op, av in nodes:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: takes nothing
        if op is sre.LITERAL:
            if av == 0x0A and not seen:
                raise _Unproven
            if guard and av == ord(guard):
                seen = True
        elif op is sre.NOT_LITERAL:
            if av != 0x0A and not seen:
                raise _Unproven
        elif op is sre.IN:
            if not seen and "\n" in _class_chars(av, ignorecase=False):
                raise _Unproven
        elif op is sre.ANY:
            pass  # without DOTALL (refused by the caller) `.` takes no line break
        elif op is sre.BRANCH:
            outs = [_guarded(branch, seen, guard, groups, depth + 1) for branch in av[1]]
            seen = all(outs)
        elif op is sre.SUBPATTERN:
            group, _add, _delete, items = av
            if group is not None:
                groups[group] = items
            seen = _guarded(items, seen, guard, groups, depth + 1)
        elif op is sre.ATOMIC_GROUP:
            seen = _guarded(av, seen, guard, groups, depth + 1)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, items = av
            # The first repetition starts in state `seen`; later ones start no worse (the guard, once
            # taken, stays taken), so checking the first checks them all.
            after = _guarded(items, seen, guard, groups, depth + 1)
            if low >= 1:
                seen = after
        elif op is sre.GROUPREF:
            if av not in groups:
                raise _Unproven
            seen = _guarded(groups[av], seen, guard, groups, depth + 1)  # the same text again
        elif op is sre.GROUPREF_EXISTS:
            group, yes, no = av
            outs = [_guarded(yes, seen, guard, groups, depth + 1)]
            outs.append(seen if no is None else _guarded(no, seen, guard, groups, depth + 1))
            seen = all(outs)
        else:
            raise _Unproven
    return seen


def line_guard(pattern: str) -> str | None:
    """ "" when no match of `pattern` takes a line break; a punctuation character when every path takes that
    character before any line break; None when neither is proven."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return None
    if parsed.state.flags & re.DOTALL:
        return None
    candidates = [""] + sorted({chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum()})
    for guard in candidates:
        try:
            _guarded(list(parsed.data), False, guard, {}, 0)
        except (_Unproven, RecursionError):
            continue
        return guard
    return None


def key_shape(pattern: str, keywords: Sequence[str]) -> KeyShape | None:
    """The key's shape for a regex and its keywords when the module's proof covers it, else None."""
    if not pattern.isascii() or not keywords:
        return None
    try:
        parsed = sre_parse.parse(pattern)
        key_group = parsed.state.groupdict.get("key")
        flags = parsed.state.flags
        if key_group is None or not flags & re.IGNORECASE or not parsed.data:
            return None
        op, av = parsed.data[0]
        if op is not sre.SUBPATTERN or av[0] != key_group or av[1] or av[2]:
            return None  # the key group must begin every match, with the flags of the whole regex
        inner = list(av[3])
        if not inner:
            return None
        run_op, run_av = inner[-1]
        if run_op is not sre.POSSESSIVE_REPEAT:
            return None
        low, high, items = run_av
        if low != 0 or len(items) != 1 or items[0][0] is not sre.IN or high >= sre.MAXREPEAT:
            return None
        run_chars = _class_chars(items[0][1], ignorecase=True)
        spellings = _spellings(inner[:-1], 0)
        width = int(parsed.getwidth()[1])
    except (_Unproven, re.error, RecursionError, TypeError, ValueError):
        return None
    if "" in spellings or width >= sre_parse.MAXWIDTH:
        return None
    # Every spelling lies inside the run (so one run from the hit covers them all), and every keyword is a
    # spelling (so at a keyword hit some spelling occurs).
    both_cases = run_chars | {c.upper() for c in run_chars} | {c.lower() for c in run_chars}
    if both_cases != run_chars:
        return None
    if any(ch not in run_chars for s in spellings for ch in s):
        return None
    if not all(kw.lower() in spellings for kw in keywords):
        return None
    return KeyShape(
        tuple(sorted(spellings)), "".join(sorted(run_chars)), int(high), width, line_guard(pattern)
    )
