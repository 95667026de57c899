"""A parsed structured document with the line of every key path, shared by the YAML, JSON and TOML loaders."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

PathPart = str | int
KeyPath = tuple[PathPart, ...]

# Deeper than any real configuration; past it a document is refused instead of risking the C stack.
MAX_DEPTH = 200


class DocumentError(Exception):
    """A structured document could not be loaded; `category` becomes the Skipped category."""

    def __init__(self, message: str, category: str = "parse_error", line: int | None = None) -> None:
        super().__init__(message)
        self.category = category
        self.line = line


@dataclass(frozen=True)
class Doc:
    """One document: plain data (dict/list/scalars) and the 1-based line where each key path starts."""

    data: Any
    lines: Mapping[KeyPath, int] = field(default_factory=dict)
    line: int = 1

    def line_of(self, path: KeyPath) -> int:
        """The line of `path`, or of its nearest ancestor with a known line (aliases, TOML tables)."""
        for end in range(len(path), 0, -1):
            found = self.lines.get(path[:end])
            if found is not None:
                return found
        return self.line

    def get(self, *path: PathPart, default: Any = None) -> Any:
        node = self.data
        for part in path:
            if isinstance(node, dict) and isinstance(part, str):
                if part not in node:
                    return default
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and -len(node) <= part < len(node):
                node = node[part]
            else:
                return default
        return node


def key_path(path: KeyPath) -> str:
    """`mcpServers.github.env.GITHUB_TOKEN`, list items as `containers[0]`."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            if out:
                out[-1] += f"[{part}]"
            else:
                out.append(f"[{part}]")
        else:
            out.append(part)
    return ".".join(out)


def last_key(path: KeyPath) -> str | None:
    """The nearest string key of a path (`args[2]` reports `args`)."""
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return None


def scalar_text(value: Any) -> str | None:
    """The text of a scalar as a config author wrote it; None for containers and nulls."""
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def iter_scalars(data: Any, base: KeyPath = (), budget: int = 2_000_000) -> Iterator[tuple[KeyPath, Any]]:
    """Every (path, scalar) in a document, depth-first, in document order; at most `budget` nodes (containers
    and scalars, in that order) are visited. Iterative: no recursion limit."""
    for path, _dotted, value in iter_dotted_scalars(data, base, budget):
        yield path, value


def iter_dotted_scalars(
    data: Any, base: KeyPath = (), budget: int = 2_000_000
) -> Iterator[tuple[KeyPath, str, Any]]:
    """iter_scalars with each path's `key_path` too: (path, dotted path, scalar). A stack of the open
    containers' item iterators: a scalar is yielded where it is met, never pushed, no container's items are
    copied, and a dotted path is its container's plus one key (key_path of each path walked it whole)."""
    if not isinstance(data, dict | list):
        if budget > 0:
            yield base, key_path(base), data
        return
    budget -= 1  # the root
    if budget < 0:
        return
    # Of each container above the current one: its path, dotted path, joint, items, whether a mapping's.
    stack: list[tuple[KeyPath, str, str, Iterator[tuple[Any, Any]], bool]] = []
    path, dotted, keyed = base, key_path(base), isinstance(data, dict)
    items: Iterator[tuple[Any, Any]] = iter(data.items()) if isinstance(data, dict) else enumerate(data)
    # What a key is appended to: `a.b` + `.c`; the root's keys stand alone (key_path joins parts with dots;
    # a list index always follows its container's text: `a[0]`, `[0]` at the root).
    joint = dotted + "." if path else ""
    while True:
        for key, node in items:
            budget -= 1
            if budget < 0:
                return
            if keyed:
                key = key if type(key) is str else str(key)
                child, child_dotted = path + (key,), joint + key
            else:
                child, child_dotted = path + (key,), f"{dotted}[{key}]"
            if isinstance(node, dict | list):
                stack.append((path, dotted, joint, items, keyed))
                path, dotted, keyed = child, child_dotted, isinstance(node, dict)
                items = iter(node.items()) if isinstance(node, dict) else enumerate(node)
                joint = dotted + "."
                break
            yield child, child_dotted, node
        else:
            if not stack:
                return
            path, dotted, joint, items, keyed = stack.pop()


def iter_mappings(
    data: Any, base: KeyPath = (), budget: int = 500_000
) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
    """Every (path, mapping) in a document, depth-first in document order."""
    stack: list[tuple[KeyPath, Any]] = [(base, data)]
    while stack:
        path, node = stack.pop()
        budget -= 1
        if budget < 0:
            return
        if isinstance(node, dict):
            yield path, node
            stack.extend(
                (path + (str(k),), v) for k, v in reversed(list(node.items())) if isinstance(v, dict | list)
            )
        elif isinstance(node, list):
            stack.extend(
                (path + (i,), v) for i, v in reversed(list(enumerate(node))) if isinstance(v, dict | list)
            )
