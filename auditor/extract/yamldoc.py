"""YAML to Docs from the event stream: a line for every key, alias-bomb and nesting guards, no composer."""

from __future__ import annotations

import re
from typing import Any

from auditor.extract.tree import MAX_DEPTH, Doc, DocumentError, KeyPath

# PyYAML, imported by the first load_yaml: most small scans (a pre-commit hook's) parse no YAML at all, and
# importing it was ~10 ms of their start-up.
yaml: Any = None
# The composer (C and Python) recurses per nesting level and segfaults or raises RecursionError on hostile
# input, and constructing a composed graph expands aliases; building from events avoids both.
_Loader: Any = None


def _import_yaml() -> None:
    global yaml, _Loader
    import yaml as module

    _Loader = getattr(module, "CSafeLoader", module.SafeLoader)
    yaml = module


# Nodes that aliases may add by re-use before a document counts as an alias bomb (billion laughs).
MAX_ALIAS_EXPANSION = 100_000
MAX_NODES = 2_000_000

_TRUE = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
_FALSE = frozenset({"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
# The plain scalars that resolve to a boolean or a null, each to its value (_load_simple: one look-up).
_PLAIN_CONSTANTS: dict[str, bool | None] = {
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
    **dict.fromkeys(_NULL, None),
}
_MERGE_KEY = "<<"


def _line(event: Any) -> int:
    """The 1-based line an event starts on (the parser always sets start_mark)."""
    return int(event.start_mark.line) + 1


def _scalar(event: Any) -> Any:
    """Plain scalars resolve booleans and nulls (manifest flags need them); everything else stays text."""
    value: str = event.value
    if event.style or not event.implicit[0] or event.tag not in (None, "!"):
        return value
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value in _NULL:
        return None
    return value


class _Frame:
    __slots__ = ("container", "path", "key", "merges", "anchor", "start", "as_key")

    def __init__(self, container: Any, path: KeyPath, anchor: str | None, start: int, as_key: bool) -> None:
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY
        self.merges: list[Any] = []
        self.anchor = anchor
        self.start = start
        self.as_key = as_key


_NO_KEY = object()


class _Builder:
    def __init__(self) -> None:
        self.docs: list[Doc] = []
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.lines: dict[KeyPath, int] = {}
        self.root: Any = None
        self.doc_line = 1
        self.expanded = 0  # nodes, counting each alias as the size of what it points at
        self.alias_expanded = 0

    # -- placing a finished value -------------------------------------------------------------------------
    def child_path(self) -> tuple[KeyPath, bool]:
        """The path a new value gets in the current container, and whether it is a mapping key."""
        if not self.stack:
            return (), False
        top = self.stack[-1]
        if isinstance(top.container, list):
            return top.path + (len(top.container),), False
        if top.key is _NO_KEY:
            return top.path, True
        return top.path + (str(top.key),), False

    def place(self, value: Any, line: int, is_container: bool = False) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            self.lines.setdefault(top.path + (len(top.container),), line)
            top.container.append(value)
            return
        if top.key is _NO_KEY:
            key = "?" if is_container or isinstance(value, dict | list) else value
            top.key = "null" if key is None else key
            self.lines.setdefault(top.path + (str(top.key),), line)
            return
        if top.key == _MERGE_KEY:
            top.merges.append(value)
        else:
            top.container[str(top.key)] = value
        top.key = _NO_KEY

    def count(self, amount: int = 1) -> None:
        self.expanded += amount
        if self.expanded > MAX_NODES:
            raise DocumentError(f"YAML document has more than {MAX_NODES} nodes", "too_large")

    # -- events -----------------------------------------------------------------------------------------
    def start(self, event: Any, container: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise DocumentError(
                f"too deeply nested (more than {MAX_DEPTH} levels) at line {_line(event)}",
                "too_deep",
                _line(event),
            )
        self.count()
        path, as_key = self.child_path()
        line = _line(event)
        if not as_key:
            self.place(container, line, is_container=True)
        self.stack.append(_Frame(container, path, event.anchor, self.expanded, as_key))

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.merges and isinstance(frame.container, dict):
            for source in frame.merges:
                for mapping in source if isinstance(source, list) else [source]:
                    if isinstance(mapping, dict):
                        for key, value in mapping.items():
                            frame.container.setdefault(key, value)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, self.expanded - frame.start + 1)
        if frame.as_key:
            self.place(frame.container, _line(event), is_container=True)

    def alias(self, event: Any) -> None:
        target = self.anchors.get(event.anchor)
        line = _line(event)
        if target is None:
            raise DocumentError(f"line {line}: unknown alias *{event.anchor}", "parse_error", line)
        value, size = target
        self.alias_expanded += size
        if self.alias_expanded > MAX_ALIAS_EXPANSION:
            raise DocumentError(
                f"YAML aliases expand to over {MAX_ALIAS_EXPANSION} nodes (possible billion-laughs bomb)",
                "yaml_bomb",
                line,
            )
        self.count(size)
        self.place(value, line)

    def scalar(self, event: Any) -> None:
        """feed's ScalarEvent with count, _line, _scalar and place inlined: most events of a document are
        scalars, and each of those helpers was a Python call per scalar. The same steps in the same order
        (the containers are the dicts and lists start made, never subclasses)."""
        self.expanded += 1
        if self.expanded > MAX_NODES:
            raise DocumentError(f"YAML document has more than {MAX_NODES} nodes", "too_large")
        line = int(event.start_mark.line) + 1
        if not self.stack:
            value = _scalar(event)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            self.root = value
            return
        top = self.stack[-1]
        container = top.container
        if type(container) is list:
            value = _scalar(event)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            self.lines.setdefault(top.path + (len(container),), line)
            container.append(value)
            return
        if top.key is _NO_KEY:
            # A mapping's key: its text (keys stay text), never a container, so place keeps it as it is.
            value = event.value
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            top.key = "null" if value is None else value
            self.lines.setdefault(top.path + (str(top.key),), line)
            return
        value = _scalar(event)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        if top.key == _MERGE_KEY:
            top.merges.append(value)
        else:
            container[str(top.key)] = value
        top.key = _NO_KEY

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self.count()
            top = self.stack[-1] if self.stack else None
            if top is not None and isinstance(top.container, dict) and top.key is _NO_KEY:
                value = event.value  # keys stay text: YAML 1.1 would read Actions' `on:` as true
            else:
                value = _scalar(event)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            self.place(value, _line(event))
        elif isinstance(event, yaml.MappingStartEvent):
            self.start(event, {})
        elif isinstance(event, yaml.SequenceStartEvent):
            self.start(event, [])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.end(event)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.root, self.lines, self.anchors = None, {}, {}
            self.doc_line = _line(event)
        elif isinstance(event, yaml.DocumentEndEvent):
            self.docs.append(Doc(self.root, self.lines, self.doc_line))


# The simple documents _load_simple reads without the YAML parser: printable ASCII and line feeds only (no
# tab, no carriage return, no other line break, nothing a YAML reader refuses), every line blank, a comment,
# or `key:` / `key: value` with a key of these characters; a plain value that opens with no indicator and
# holds no `: ` (nor ends in `:`); nesting by indentation only, under a key without a value.
_NOT_SIMPLE_TEXT = re.compile(r"[^\n\x20-\x7e]")
_SIMPLE_LINE = re.compile(r"( *)([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: (.*))?")
_PLAIN_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# libyaml refuses an implicit key longer than 1,024 characters; longer ones are left to it.
_SIMPLE_KEY_MAX = 1000


def _load_simple(text: str) -> Doc | None:
    """The one document load_yaml builds from `text` when it is a simple one (above): block mappings of plain
    scalars, as in most generated and hand-written settings files; None for any other text (load_yaml then
    parses it). The parser's events and _Builder's steps, read off the lines: each key's line is recorded
    the first time its path is met (`lines.setdefault`, duplicates too); a value is set with `mapping[key] =`
    where _Builder.place sets it (a later duplicate replaces the value in the first one's place), a key
    without a value holds the mapping indented under it or, when the next line is no deeper, the empty plain
    scalar (None); plain values resolve as _scalar resolves them (booleans and nulls, the rest text); the
    document starts on its first key's line. tests/test_yaml_simple.py compares it with the parser on
    generated documents, inside and outside this form."""
    if _NOT_SIMPLE_TEXT.search(text) or text.count("\n") >= MAX_NODES // 2:
        return None  # (a node count the parser's path refuses needs at least that many lines)
    root: dict[str, Any] | None = None
    lines: dict[KeyPath, int] = {}
    doc_line = 1
    # The open mappings: (indentation of their keys, the mapping, its path).
    stack: list[tuple[int, dict[str, Any], KeyPath]] = []
    # A key without a value on an earlier line: (its indentation, its mapping, the key).
    pending: tuple[int, dict[str, Any], str] | None = None
    match_line = _SIMPLE_LINE.fullmatch
    constant = _PLAIN_CONSTANTS.get
    for number, line in enumerate(text.split("\n"), 1):
        found = match_line(line)
        if found is None:
            # No blank line nor comment is a `key:` line (a key opens with a word character): those are
            # told apart only here, not before every key line.
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue  # a blank line or a comment, at any indentation
            return None
        spaces, key, rest = found.groups()
        indent = len(spaces)
        if len(key) > _SIMPLE_KEY_MAX:
            return None
        value = ""
        if rest:
            if "#" in rest:
                rest = " " + rest
                comment = rest.find(" #")
                value = (rest[:comment] if comment >= 0 else rest).strip(" ")
            else:
                value = rest.strip(" ")  # (no comment to cut: the same as the line above)
            if value and (value[0] in _PLAIN_INDICATORS or ": " in value or value[-1] == ":"):
                return None
        if root is None:
            if indent:
                return None
            root, doc_line = {}, number
            stack.append((0, root, ()))
        elif pending is not None:
            above, mapping, name = pending
            pending = None
            if indent > above:
                if len(stack) >= MAX_DEPTH:
                    return None
                child: dict[str, Any] = {}
                mapping[name] = child
                stack.append((indent, child, stack[-1][2] + (name,)))
            else:
                mapping[name] = None
        while indent < stack[-1][0]:
            stack.pop()
            if not stack:
                return None
        level, mapping, path = stack[-1]
        if indent != level:
            return None
        lines.setdefault(path + (key,), number)
        if value:
            # A boolean or a null (_TRUE, _FALSE, _NULL) as itself, any other plain value as its text.
            mapping[key] = constant(value, value)
        else:
            pending = (indent, mapping, key)
    if root is None:
        return None
    if pending is not None:
        pending[1][pending[2]] = None
    return Doc(root, lines, doc_line)


def _is_depth_error(problem: str) -> bool:
    """Whether a parser's own message says the document was nested past its limit."""
    lowered = problem.lower()
    return "nesting depth" in lowered or "recursion" in lowered or "too deep" in lowered


def load_yaml(text: str) -> tuple[list[Doc], DocumentError | None]:
    """Every document in `text`; on an error, the documents before it and the error (with its line)."""
    simple = _load_simple(text)
    if simple is not None:
        return [simple], None
    if yaml is None:
        _import_yaml()
    builder = _Builder()
    try:
        scalar_event, on_scalar, feed = yaml.ScalarEvent, builder.scalar, builder.feed
        for event in yaml.parse(text, Loader=_Loader):
            if type(event) is scalar_event:
                on_scalar(event)
            else:
                feed(event)
    except DocumentError as exc:
        return builder.docs, exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1} column {mark.column + 1}: " if mark is not None else ""
        problem = exc.problem or exc.context or "invalid YAML"
        line = mark.line + 1 if mark else None
        if _is_depth_error(problem):
            # PyYAML >= 6.0.3 caps flow nesting in its own scanner; same coverage category as our guard.
            return builder.docs, DocumentError(
                f"too deeply nested: YAML {where}{problem.strip()}", "too_deep", line
            )
        return builder.docs, DocumentError(f"YAML {where}{problem}", "parse_error", line)
    except (yaml.YAMLError, ValueError) as exc:
        return builder.docs, DocumentError(f"YAML: {exc}", "parse_error")
    return builder.docs, None
