"""A bounded look-back on a line: what checks of a match's context read before it (is it commented out, inside
a string, after a conditional's `?`, a share link's query), without reading back to the start of a line that
may be megabytes long (minified or generated code), which made them quadratic in the matches."""

from __future__ import annotations

REACH = 400


def line_head(text: str, at: int, reach: int = REACH) -> str:
    """The text of `at`'s line before it, at most `reach` characters."""
    floor = max(0, at - reach)
    return text[max(floor, text.rfind("\n", floor, at) + 1) : at]


def head_is_whole_line(text: str, at: int, head: str) -> bool:
    """Whether `head` (line_head of `at`) starts where `at`'s line starts, not cut off by the reach."""
    start = at - len(head)
    return start == 0 or text[start - 1] == "\n"
