"""JSON to a Doc with the line of every key.

The data comes from the stdlib's C parser (`json.loads`); the line of every key path from one regex pass
over the tokens (`key_lines`), run only when a line is first asked for: a large data file (a tokenizer's
vocabulary, a fixture) whose scalars yield nothing never pays for it. Where the C parser refuses a text
(JSONC comments or trailing commas, NaN, a syntax error) or the data nests deeper than MAX_DEPTH, a small
iterative parser of our own (strings via the stdlib C scanner) reads it and says where it fails."""

from __future__ import annotations

import bisect
import json
import json.decoder
import re
from collections.abc import Iterator, Mapping
from typing import Any

from auditor.extract.tree import MAX_DEPTH, Doc, DocumentError, KeyPath

# The C implementation when available; typeshed does not declare it.
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = (("true", True), ("false", False), ("null", None))


class _Parser:
    def __init__(self, text: str, allow_comments: bool) -> None:
        self.text = text
        self.pos = 0
        self.newlines: list[int] | None = None
        self.lines: dict[KeyPath, int] = {}
        # VS Code's mcp.json and Zed settings are JSONC: comments and trailing commas are legal there.
        self.allow_comments = allow_comments

    def line_at(self, pos: int) -> int:
        if self.newlines is None:
            self.newlines = [m.start() for m in re.finditer("\n", self.text)]
        return bisect.bisect_left(self.newlines, pos) + 1

    def fail(self, message: str, pos: int | None = None) -> DocumentError:
        at = self.pos if pos is None else pos
        line = self.line_at(at)
        column = at - (self.text.rfind("\n", 0, at) + 1) + 1
        return DocumentError(f"JSON line {line} column {column}: {message}", "parse_error", line)

    def skip_ws(self) -> None:
        text = self.text
        while True:
            self.pos = _WS.match(text, self.pos).end()  # type: ignore[union-attr]
            if not self.allow_comments or not text.startswith("/", self.pos):
                return
            if text.startswith("//", self.pos):
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            elif text.startswith("/*", self.pos):
                end = text.find("*/", self.pos + 2)
                if end < 0:
                    raise self.fail("unterminated comment")
                self.pos = end + 2
            else:
                return

    def string(self) -> str:
        try:
            value, self.pos = _scanstring(self.text, self.pos + 1, True)
        except ValueError as exc:
            # The message of JSONDecodeError carries only a position, never the string's content.
            raise self.fail("invalid string: " + str(exc).split(":")[0]) from None
        return str(value)

    def scalar(self) -> Any:
        text, pos = self.text, self.pos
        char = text[pos : pos + 1]
        if char == '"':
            return self.string()
        for word, value in _LITERALS:
            if text.startswith(word, pos):
                self.pos = pos + len(word)
                return value
        match = _NUMBER.match(text, pos)
        if match is None or match.end() == pos:
            raise self.fail("expected a value" if char else "unexpected end of input")
        self.pos = match.end()
        number = match.group()
        return float(number) if any(c in number for c in ".eE") else int(number)

    def parse(self) -> Any:
        """Iterative: a frame per open container, so nesting depth costs no Python stack."""
        text = self.text
        # frame: (container, path)
        stack: list[tuple[Any, KeyPath]] = []
        root: Any = None
        self.skip_ws()
        while True:
            # Read one value (or open a container) at self.pos.
            path: KeyPath
            if stack:
                container, parent = stack[-1]
                if isinstance(container, dict):
                    if text[self.pos : self.pos + 1] != '"':
                        raise self.fail("expected a string key")
                    key_pos = self.pos
                    key = self.string()
                    self.skip_ws()
                    if text[self.pos : self.pos + 1] != ":":
                        raise self.fail("expected ':' after a key")
                    self.pos += 1
                    self.skip_ws()
                    path = parent + (key,)
                    self.lines.setdefault(path, self.line_at(key_pos))
                else:
                    path = parent + (len(container),)
                    self.lines.setdefault(path, self.line_at(self.pos))
            else:
                path = ()
            char = text[self.pos : self.pos + 1]
            if char in ("{", "["):
                if len(stack) >= MAX_DEPTH:
                    raise DocumentError(
                        f"too deeply nested (more than {MAX_DEPTH} levels) at line {self.line_at(self.pos)}",
                        "too_deep",
                        self.line_at(self.pos),
                    )
                value: Any = {} if char == "{" else []
                self.pos += 1
            else:
                value = self.scalar()
            if stack:
                container = stack[-1][0]
                if isinstance(container, dict):
                    container[path[-1]] = value
                else:
                    container.append(value)
            else:
                root = value
            if isinstance(value, dict | list):
                stack.append((value, path))
                self.skip_ws()
                close = "}" if isinstance(value, dict) else "]"
                if not text.startswith(close, self.pos):
                    continue
                self.pos += 1
                stack.pop()
            # A value is complete: close containers and find the next sibling.
            while stack:
                self.skip_ws()
                container = stack[-1][0]
                close = "}" if isinstance(container, dict) else "]"
                char = text[self.pos : self.pos + 1]
                if char == ",":
                    self.pos += 1
                    self.skip_ws()
                    if self.allow_comments and text.startswith(close, self.pos):
                        self.pos += 1
                        stack.pop()
                        continue
                    break
                if char == close:
                    self.pos += 1
                    stack.pop()
                    continue
                raise self.fail(f"expected ',' or '{close}'")
            if not stack:
                self.skip_ws()
                if self.pos != len(text):
                    raise self.fail("extra data after the document")
                return root


# A token of a text the C parser accepted: a string, a bracket, or a bare literal or number (commas, colons
# and whitespace are skipped: in valid JSON their places are known). Linear: the string branch is unrolled.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]]|[^\s,:{}\[\]"]+')


def key_lines(text: str) -> dict[KeyPath, int]:
    """The line of every key path of a valid JSON text (one the C parser accepted), as _Parser records them:
    a mapping entry at its key, a list item at its value, the first of duplicate keys. One regex token per
    key, value and bracket, no character-level Python: about a tenth of _Parser's time."""
    lines: dict[KeyPath, int] = {}
    # frame: [is a mapping, path, items seen (lists) or the pending key (mappings; None: a key comes next)]
    stack: list[list[Any]] = []
    line, counted = 1, 0
    count = text.count
    for match in _TOKEN.finditer(text):
        start = match.start()
        char = text[start]
        if char == "}" or char == "]":
            stack.pop()
            continue
        path: KeyPath
        if stack:
            frame = stack[-1]
            line += count("\n", counted, start)
            counted = start
            if frame[0]:
                if frame[2] is None:  # a key
                    token = match.group()
                    key = token[1:-1] if "\\" not in token else str(_scanstring(text, start + 1, True)[0])
                    frame[2] = key
                    lines.setdefault(frame[1] + (key,), line)
                    continue
                path = frame[1] + (frame[2],)
                frame[2] = None
            else:
                path = frame[1] + (frame[2],)
                lines.setdefault(path, line)
                frame[2] += 1
        else:
            path = ()
        if char == "{":
            stack.append([True, path, None])
        elif char == "[":
            stack.append([False, path, 0])
    return lines


class _LazyLines(Mapping[KeyPath, int]):
    """The line of every key path of a JSON text the C parser accepted, worked out on first use."""

    __slots__ = ("_text", "_lines")

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._lines: dict[KeyPath, int] | None = None

    def _read(self) -> dict[KeyPath, int]:
        if self._lines is None:
            assert self._text is not None
            self._lines, self._text = key_lines(self._text), None
        return self._lines

    def __getitem__(self, path: KeyPath) -> int:
        return self._read()[path]

    def get(self, path: KeyPath, default: Any = None) -> Any:
        lines = self._lines  # (read once: Doc.line_of asks this of each path it records)
        return (lines if lines is not None else self._read()).get(path, default)

    def __iter__(self) -> Iterator[KeyPath]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether containers nest more than `limit` levels (our parser refuses such a document)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def load_json(text: str, *, allow_comments: bool = False) -> Doc:
    """Parse JSON (or JSONC) into a Doc; raises DocumentError with line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        pass  # JSONC, or not JSON: our parser says where
    else:
        # Nesting deeper than MAX_DEPTH needs that many brackets; most documents have fewer in all.
        if not isinstance(data, dict | list) or (
            text.count("{") + text.count("[") < MAX_DEPTH or not _deeper_than(data, MAX_DEPTH)
        ):
            return Doc(data, _LazyLines(text), 1)
    parser = _Parser(text, allow_comments)
    data = parser.parse()
    return Doc(data, parser.lines, 1)
