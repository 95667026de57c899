"""Which detector regexes can only match where one of their own keywords begins.

The engine runs a detector's regex over regions around its keyword hits (detectors.DetectorSet._regions).
`finditer` over a region tries every position in it, and Python's `re` has no literal-prefix shortcut for a
case-insensitive pattern, so for the generic `secret` / `token` / `password` rules (whose matches begin with
the keyword itself: `(?i)(?P<key>token[\\w.-]{0,80}+)...`) almost all of that work tries positions where
nothing can start. When a regex provably begins every match with one of its keywords, the engine instead
tries `match` at each keyword hit in the region, in order, skipping hits inside the previous match: exactly
the matches `finditer` yields (its search takes the leftmost position where a match starts, and such a
position is always a keyword hit), for a fraction of the work.

The proof is made on the regex as Python's own parser sees it: every path through the pattern's leading
part must spell, as literal characters, a string that starts with one of the keywords. Zero-width parts
(lookarounds, anchors) are skipped, since they consume nothing; anything else that is not a single
character ends the path. Case is folded the way the hit finder folds it (ASCII `lower()`), so the proof
holds for ASCII text only: Python's case-insensitive matching also accepts a few non-ASCII characters
(`ſ` for `s`, the Kelvin sign for `k`) that the hit finder cannot see, and the engine uses this only on
ASCII text.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
import sys
from collections.abc import Sequence
from typing import Any

from auditor import cache

__all__ = ["keyword_anchored", "keyword_anchored_memo"]

# Bounds on the proof's work: paths explored and nesting. A regex past them is simply not anchored.
_MAX_PATHS = 256
_MAX_DEPTH = 32

_Node = tuple[Any, Any, int]  # (opcode, argument, flags in force)


class _Unproven(Exception):
    """The proof gave up (too many paths, too deep)."""


def _nodes(items: Any, flags: int) -> list[_Node]:
    return [(op, av, flags) for op, av in items]


def _chars(op: Any, av: Any) -> list[str] | None:
    """The lowercase ASCII characters this node may consume (one of them), or None when it may consume
    anything else: a literal, or a class of literals (re's parser turns `ghp|gho` into `gh[po]`)."""
    if op is sre.LITERAL:
        return [chr(av).lower()] if av < 0x80 else None
    if op is sre.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is not sre.LITERAL or item_av >= 0x80:
                return None  # a range, a category, a negation
            chars.add(chr(item_av).lower())
        return sorted(chars)
    return None


def _prefixes(nodes: list[_Node], prefix: str, limit: int, out: set[str], depth: int) -> None:
    """Add to `out` the literal text every match of `nodes` starts with, one string per path (`prefix` is
    what the path spelled so far); a path stops at `limit` characters or at its first non-literal node."""
    if depth > _MAX_DEPTH or len(out) > _MAX_PATHS:
        raise _Unproven
    for index, (op, av, flags) in enumerate(nodes):
        if len(prefix) >= limit:
            break
        rest = nodes[index + 1 :]
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        chars = _chars(op, av)
        if chars is not None:
            if len(chars) == 1:
                prefix += chars[0]
                continue
            for char in chars:
                _prefixes(rest, prefix + char, limit, out, depth + 1)
            return
        if op is sre.SUBPATTERN:
            _group, add, delete, items = av
            inner = _nodes(items, (flags | add) & ~delete)
            _prefixes(inner + rest, prefix, limit, out, depth + 1)
            return
        if op is sre.ATOMIC_GROUP:
            _prefixes(_nodes(av, flags) + rest, prefix, limit, out, depth + 1)
            return
        if op is sre.BRANCH:
            for branch in av[1]:
                _prefixes(_nodes(branch, flags) + rest, prefix, limit, out, depth + 1)
            return
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, items = av
            # The first repetition's text begins the match (and where the repeat may be empty, so may the
            # rest); the path's literal text ends after that first repetition.
            _prefixes(_nodes(items, flags), prefix, limit, out, depth + 1)
            if low == 0:
                _prefixes(rest, prefix, limit, out, depth + 1)
            return
        break  # any other construct (a class of several characters, `.`, a backreference) ends the path
    out.add(prefix)


def keyword_anchored(pattern: str, keywords: Sequence[str]) -> bool:
    """Whether, on ASCII text, every match of `pattern` starts at an occurrence of one of `keywords`
    (lowercase ASCII, found case-insensitively). False whenever that cannot be proven."""
    wanted = tuple(kw for kw in keywords if kw)
    if not wanted or not pattern.isascii():
        return False
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return False
    found: set[str] = set()
    try:
        _prefixes(_nodes(parsed.data, parsed.state.flags), "", max(map(len, wanted)), found, 0)
    except (_Unproven, RecursionError):
        return False
    return bool(found) and all(text.startswith(wanted) for text in found)


# The proofs of earlier runs (auditor.cache.Memo), by this module's source and the Python version (whose
# regex parser the proof reads): a small scan needs a handful, each about a millisecond of parsing.
_PROOFS = cache.Memo(
    "anchored-",
    lambda: [b"keyword-anchored-1", sys.version.encode(), cache.file_signature(__file__)],
)


def keyword_anchored_memo(pattern: str, keywords: Sequence[str]) -> bool:
    """keyword_anchored, answered from an earlier run's proof of the same pattern and keywords if there is
    one (the same answer: the proof is a function of these two and of this module)."""
    key = (pattern, tuple(keywords))
    found = _PROOFS.get(key)
    if not isinstance(found, bool):
        found = keyword_anchored(pattern, keywords)
        _PROOFS.put(key, found)
    return found
