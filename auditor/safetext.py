"""Text from scanned files and configuration made safe to leave botaudit: terminals, HTML, Markdown, JSON.

A scanned repository chooses its file names and contents, so anything it wrote may hold terminal escapes
(ESC, BEL, C1 controls such as CSI U+009B), bidirectional overrides that reorder what a reviewer reads, or
bytes that are not UTF-8 at all (file names arrive as lone surrogates through Python's `surrogateescape`).
Every output goes through here, and each dangerous character becomes a visible escape:

* a file-name byte that is not UTF-8 (U+DC80..U+DCFF) becomes `\\xff`, the byte it stands for;
* C0 controls (except tab and line feed where lines are kept), DEL and C1 controls become `\\x1b`, `\\x9b`;
* bidi controls, zero-width and line/paragraph separators, and any other lone surrogate become `\\u202e`.

This module has no dependencies, so the CLI can use it for stderr without importing the reporters.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Characters that may not reach an output raw, line feed and tab excepted (handled by `keep_lines`).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab, line feed), DEL, C1
    "\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff"  # bidi, zero-width, separators
    "\ud800-\udfff]"  # lone surrogates: undecodable file-name bytes and broken UTF-16 from JSON escapes
)
_UNSAFE_WITH_LINES = re.compile("[\t\n]|" + _UNSAFE.pattern)
# What may not appear raw even inside a JSON string: everything above except C0 (json.dumps escapes those).
_JSON_RAW_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the undecodable byte itself, as Python's repr shows it
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def escape(value: object, *, keep_lines: bool = True) -> str:
    """`value` as text with every unsafe character written as a visible escape (see the module docstring).

    With `keep_lines`, tab and line feed stay (multi-line messages); without, they are escaped too.
    """
    text = value if isinstance(value, str) else str(value)
    pattern = _UNSAFE if keep_lines else _UNSAFE_WITH_LINES
    return pattern.sub(_escape_char, text)


def one_line(value: object) -> str:
    """`escape`, with line breaks and tabs folded to spaces: table cells, headings, single-line fields."""
    text = value if isinstance(value, str) else str(value)
    return escape(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ").replace("\r", " "))


def has_surrogates(text: str) -> bool:
    # ASCII text (nearly every string of a report) is answered without looking at its characters one by one.
    return not text.isascii() and _SURROGATE.search(text) is not None


def deep_escape_surrogates(value: Any) -> Any:
    """JSON-able data with every string's lone surrogates written as escapes (they cannot be encoded)."""
    if isinstance(value, str):
        return escape_surrogates(value)
    if isinstance(value, dict):
        return {deep_escape_surrogates(k): deep_escape_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [deep_escape_surrogates(v) for v in value]
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    """Only the lone surrogates of `text` as escapes (`\\xff` for an undecodable file-name byte)."""
    return _SURROGATE.sub(_escape_char, text) if has_surrogates(text) else text


def deep_escape(value: Any, *, keep_lines: bool = True) -> Any:
    """JSON-like data (dicts, lists, tuples) with every string passed through `escape`."""
    if isinstance(value, str):
        return escape(value, keep_lines=keep_lines)
    if isinstance(value, dict):
        return {
            deep_escape(k, keep_lines=keep_lines): deep_escape(v, keep_lines=keep_lines)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [deep_escape(v, keep_lines=keep_lines) for v in value]
    return value


def json_dumps(document: Any, *, indent: int | None = 2) -> str:
    """JSON text that is valid UTF-8 and carries no raw control, bidi or separator character.

    Lone surrogates become visible escapes (text such as `\\xff`); C1 controls, bidi controls and U+2028/9
    are written as JSON `\\uXXXX` escapes, which decode back to the very same characters (lossless), so a
    reader that `cat`s the report cannot be attacked by it while a program reading it loses nothing.
    """
    text = json.dumps(deep_escape_surrogates(document), indent=indent, ensure_ascii=False)
    # Outside strings JSON has only ASCII punctuation, so each match sits inside a string.
    return _JSON_RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def encode_utf8(text: str) -> bytes:
    """UTF-8 bytes of `text`, never failing: any lone surrogate left is written as a backslash escape."""
    return text.encode("utf-8", "backslashreplace")
