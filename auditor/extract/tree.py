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
    and scalars, in that order) are visited. Iterative: no recursion limit. A stack of the open containers'
    item iterators: a scalar is yielded where it is met, never pushed, and no container's items are copied
    (a data file's scalars cost a third of what a stack of every node did)."""
    if not isinstance(data, dict | list):
        if budget > 0:
            yield base, data
        return
    budget -= 1  # the root
    if budget < 0:
        return
    # (path, its items, whether they are a mapping's) of each container above the current one
    stack: list[tuple[KeyPath, Iterator[tuple[Any, Any]], bool]] = []
    path = base
    keyed = isinstance(data, dict)
    items: Iterator[tuple[Any, Any]] = iter(data.items()) if isinstance(data, dict) else enumerate(data)
    while True:
        for key, node in items:
            budget -= 1
            if budget < 0:
                return
            child = path + ((key if type(key) is str else str(key)) if keyed else key,)
            if isinstance(node, dict):
                stack.append((path, items, keyed))
                path, items, keyed = child, iter(node.items()), True
                break
            if isinstance(node, list):
                stack.append((path, items, keyed))
                path, items, keyed = child, enumerate(node), False
                break
            yield child, node
        else:
            if not stack:
                return
            path, items, keyed = stack.pop()


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
