"""Keyword chains: the occurrences of a self-overlapping keyword in a run of its own repeating unit.

The Twitter bearer-token keyword is twenty `a`s. Every offset of a run of `A`s (base64 of zero bytes, common
in notebooks and inlined images) starts an occurrence of it: a 4 MB run gave four million keyword hits, each a
Python callback, a list entry and a match attempt (6 s and 600 MB for one file). Any keyword whose smallest
period p is at most half its length behaves so in a run of its unit (`tomtom` in `tomtomtom…`); a keyword
with a longer period (or none) has at most one occurrence per p/2 characters, as any other text would give.

For such a keyword the prefilter reports only the first occurrence of each *chain* (the occurrences at q,
q + p, q + 2p, … that a run of the unit holds), and `Chain.expand` lists the chain from its first occurrence
with one regex match in C:

- a short chain in full, so that nothing changes for ordinary text;
- a long one as every `stride`-th occurrence and its last. The stride is at most twice the smallest region
  half-width of the keyword's detectors plus one, so the regions `DetectorSet._regions` merges around the
  listed hits are exactly those it merged around every hit (each region reaches its neighbour's). Such a
  chain is *collapsed*: its detectors' hits are no longer every occurrence, so they are matched by a search
  of their regions (`_region_matches`, the reference semantics), never only at their hits.

Every occurrence of the keyword belongs to exactly one chain, whose first occurrence is not preceded by the
unit: that is what the prefilter's expression for the keyword asks (`first_occurrence`), so the chains
found and expanded are every occurrence the plain keyword would have given.
"""

from __future__ import annotations

import re

__all__ = ["Chain", "Collapsed", "chain_for", "first_occurrence", "period"]

# A chain of at most this many occurrences is listed in full.
_FULL = 64


class Collapsed(list[int]):
    """A detector's keyword hits when a collapsed chain contributed to them: not every occurrence, so the
    detector must search its regions instead of trying a match at each hit."""

    __slots__ = ()


def period(keyword: bytes) -> int:
    """The smallest p > 0 with keyword[i] == keyword[i + p] wherever both exist (its length when none)."""
    size = len(keyword)
    border = [0] * size  # Knuth-Morris-Pratt: the longest proper border of each prefix
    k = 0
    for i in range(1, size):
        while k and keyword[i] != keyword[k]:
            k = border[k - 1]
        if keyword[i] == keyword[k]:
            k += 1
        border[i] = k
    return size - (border[-1] if size else 0)


def _class_not(char: int) -> str:
    """A class of every byte but `char`, in either case (keywords are matched case-insensitively)."""
    text = chr(char)
    both = {text.lower(), text.upper()}
    return "[^" + "".join(re.escape(c) for c in sorted(both)) + "]"


def first_occurrence(keyword: bytes) -> bytes:
    """A Vectorscan expression (to compile caseless) matching, and ending with, each occurrence of the
    keyword that opens a chain: fewer than p characters before it, or the p before it other than its unit.
    Its matches end where the keyword's do, so a hit's start is its end less the keyword's length."""
    p = period(keyword)
    unit = keyword[:p]
    options = ["^" + (f"[\\s\\S]{{0,{p - 1}}}" if p > 1 else "")]
    for i in range(p):
        rest = p - 1 - i
        options.append(
            re.escape(unit[:i].decode("ascii"))
            + _class_not(unit[i])
            + (f"[\\s\\S]{{{rest}}}" if rest else "")
        )
    return ("(?:" + "|".join(options) + ")" + re.escape(keyword.decode("ascii"))).encode("ascii")


class Chain:
    """How to list a chain of one keyword (case-insensitive, ASCII) from its first occurrence."""

    __slots__ = ("length", "period", "stride", "_stretch")

    def __init__(self, keyword: bytes, half_width: int) -> None:
        self.length = len(keyword)
        self.period = p = period(keyword)
        # A listed hit every `stride` characters keeps neighbouring regions touching (see the module's text):
        # each reaches at least `half_width` either side of its hit.
        self.stride = max(p, (2 * half_width + 1) // p * p)
        unit = keyword[:p]
        # The unit repeated, then as much of one more unit as follows: how far the text goes on repeating.
        partial = b""
        for char in reversed(unit[1:]):
            partial = b"(?:" + re.escape(bytes([char])) + partial + b")?"
        rest = b"(?:" + re.escape(unit[:1]) + partial + b")?" if p > 1 else b""
        self._stretch = re.compile(b"(?:" + re.escape(unit) + b")+" + rest, re.IGNORECASE).match

    def expand(self, buf: bytes, first: int) -> tuple[list[int], bool]:
        """The chain's occurrences listed from its first one at `first`, and whether the list is collapsed."""
        found = self._stretch(buf, first)
        end = found.end() if found is not None else first + self.length
        count = (end - first - self.length) // self.period + 1
        if count <= _FULL:
            return list(range(first, first + count * self.period, self.period)), False
        last = first + (count - 1) * self.period
        listed = list(range(first, last, self.stride))
        listed.append(last)
        return listed, True


def chain_for(keyword: bytes, half_width: int) -> Chain | None:
    """A Chain for a keyword whose occurrences can overlap densely (smallest period at most half its length);
    None for any other, whose occurrences the prefilter lists one by one."""
    p = period(keyword)
    return Chain(keyword, half_width) if 2 * p <= len(keyword) else None
