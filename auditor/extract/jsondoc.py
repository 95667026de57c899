"""JSON to a Doc with the line of every key: a small iterative parser (strings via the stdlib C scanner)."""

from __future__ import annotations

import bisect
import json.decoder
import re
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


def load_json(text: str, *, allow_comments: bool = False) -> Doc:
    """Parse JSON (or JSONC) into a Doc; raises DocumentError with line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    parser = _Parser(text, allow_comments)
    data = parser.parse()
    return Doc(data, parser.lines, 1)
