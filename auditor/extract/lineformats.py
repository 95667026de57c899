"""Loaders for .env, INI, .properties, .npmrc/.netrc, TOML and HCL into Docs with line numbers."""

from __future__ import annotations

import bisect
import re
from typing import Any

from auditor.extract.tree import Doc, DocumentError, KeyPath, iter_scalars

_ENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.\-]*)\s*=\s?(.*)$")
# The key runs to the first `=` or `:`, the value to the end of the line; both are stripped by the callers.
# (Lazy groups before `\s*` made a line with a long run of spaces quadratic.)
_KV_LINE = re.compile(r"^\s*([^=:#;\s\[][^=:]*)[=:](.*)$")
_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*(?:[#;].*)?$")
_INLINE_COMMENT = re.compile(r"\s#")


def _unquote(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        inner = raw[1:-1]
        return inner.replace("\\n", "\n") if raw[0] == '"' else inner
    # An unquoted value ends at an inline comment introduced by whitespace. (Most values hold no `#`: they
    # are answered without the search, once per value of every .env file.)
    comment = _INLINE_COMMENT.search(raw) if "#" in raw else None
    return raw[: comment.start()].rstrip() if comment else raw


def load_env(text: str) -> Doc:
    """KEY=VALUE lines (optional `export`, quotes, inline comments, double-quoted values spanning lines)."""
    data: dict[str, Any] = {}
    lines: dict[KeyPath, int] = {}
    source = text.splitlines()
    count = len(source)
    match_line = _ENV_LINE.match
    index = 0
    while index < count:
        line_no = index + 1
        match = match_line(source[index])
        index += 1
        if match is None:
            continue
        key, rest = match.groups()
        raw = rest.strip()
        if not raw or raw[0] not in "'\"#":
            # Most lines: a plain value. _unquote(raw) of a stripped value that opens with no quote is the
            # value itself unless an inline comment may follow (a `#`).
            data[key] = _unquote(raw) if "#" in raw else raw
        elif raw[0] in "'\"":
            quote = raw[0]
            parts = [raw[1:]]
            # A quoted value continues until its closing quote (PEM blocks in .env files).
            while quote not in parts[-1] and index < len(source):
                parts.append(source[index])
                index += 1
            body = "\n".join(parts)
            end = body.find(quote)
            value = body if end < 0 else body[:end]
            data[key] = value.replace("\\n", "\n") if quote == '"' else value
        elif rest[:1].isspace() or source[index - 1][match.start(2) - 1].isspace():
            # (raw opens with `#` here.)
            # `KEY= # what goes here`: a comment after whitespace where the value would be (Node's dotenv,
            # compose): the value is empty, not the comment's text.
            data[key] = ""
        else:
            data[key] = _unquote(raw)
        lines[(key,)] = line_no
    return Doc(data, lines, 1)


def load_properties(text: str) -> Doc:
    """Java .properties: `key=value` or `key: value` per line; `#` and `!` comments; `\\` continuations."""
    data: dict[str, Any] = {}
    lines: dict[KeyPath, int] = {}
    pending: tuple[str, int, list[str]] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if pending is not None:
            key, start, parts = pending
            parts.append(line.strip())
            if line.endswith("\\"):
                continue
            data[key] = "".join(p.rstrip("\\") for p in parts)
            pending = None
            continue
        stripped = line.strip()
        if not stripped or stripped[0] in "#!":
            continue
        match = _KV_LINE.match(line)
        if match is None:
            continue
        key, value = match.group(1).strip(), match.group(2).strip()
        lines[(key,)] = number
        if value.endswith("\\"):
            pending = (key, number, [value])
            continue
        data[key] = value
    if pending is not None:
        data[pending[0]] = "".join(p.rstrip("\\") for p in pending[2])
    return Doc(data, lines, 1)


def validate_ini(text: str) -> None:
    """configparser (interpolation off) decides validity; its error becomes a DocumentError with a line."""
    # Imported here, as tomllib below: most scans meet no INI or TOML file, and both cost start-up time.
    import configparser

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.MissingSectionHeaderError as exc:
        raise DocumentError(
            f"INI line {exc.lineno}: key outside any [section]", "parse_error", exc.lineno
        ) from None
    except configparser.ParsingError as exc:
        first = exc.errors[0][0] if exc.errors else None
        raise DocumentError(f"INI line {first}: line is not `key = value`", "parse_error", first) from None
    except configparser.Error as exc:
        raise DocumentError(f"INI: {type(exc).__name__}", "parse_error") from None


def load_ini(text: str) -> Doc:
    """INI sections as the first key path segment; values by line, as configparser reads them."""
    validate_ini(text)
    data: dict[str, Any] = {}
    lines: dict[KeyPath, int] = {}
    section = "DEFAULT"
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        header = _SECTION.match(line)
        if header:
            section = header.group(1).strip()
            data.setdefault(section, {})
            lines[(section,)] = number
            continue
        match = _KV_LINE.match(line)
        if match is None or line[:1].isspace():
            continue
        key = match.group(1).strip()
        data.setdefault(section, {})[key] = match.group(2).strip()
        lines[(section, key)] = number
    return Doc(data, lines, 1)


def load_rc(text: str, name: str) -> Doc:
    """.npmrc / .yarnrc (`//registry/:_authToken=...`), .netrc (`machine m login u password p`), .pgpass."""
    data: dict[str, Any] = {}
    lines: dict[KeyPath, int] = {}
    if name in (".netrc", "_netrc"):
        machine = "default"
        for number, line in enumerate(text.splitlines(), 1):
            tokens = line.split()
            for word, value in zip(tokens[::2], tokens[1::2], strict=False):
                if word == "machine":
                    machine = value
                elif word in ("login", "password", "account"):
                    data.setdefault(machine, {})[word] = value
                    lines[(machine, word)] = number
        return Doc(data, lines, 1)
    if name == ".pgpass":
        for number, line in enumerate(text.splitlines(), 1):
            fields = line.split(":")
            if len(fields) >= 5 and not line.startswith("#"):
                host = f"{fields[0]}:{fields[1]}/{fields[2]}"
                data[host] = {"username": fields[3], "password": ":".join(fields[4:])}
                lines[(host, "username")] = lines[(host, "password")] = number
        return Doc(data, lines, 1)
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        key, sep, value = stripped.partition("=")
        if not sep:
            continue
        # `//registry.npmjs.org/:_authToken` -> the setting name is after the registry scope.
        key = key.strip()
        data[key] = _unquote(value)
        lines[(key,)] = number
    return Doc(data, lines, 1)


class _KeyLines:
    """Approximate lines for parsers that give none (TOML, HCL): each `key =` line in document order."""

    # Within one line, every quantifier bounded: `^\s*` crossed blank lines (a run of them made the search
    # quadratic, and put a key on the first blank line before it), and a lazy `[^\]]+?` before `\s*\]` took
    # minutes on a `[` followed by spaces.
    _ASSIGN = re.compile(r'^[ \t]{0,1000}"?([A-Za-z0-9_.\-]{1,256})"?[ \t]{0,100}=', re.MULTILINE)
    _HEADER = re.compile(r"^[ \t]{0,1000}\[\[?([^\]\n]{1,500})\]", re.MULTILINE)

    def __init__(self, text: str) -> None:
        self.positions: dict[str, list[int]] = {}
        newlines = [m.start() for m in re.finditer("\n", text)]

        def line_of(offset: int) -> int:
            return bisect.bisect_left(newlines, offset) + 1

        for match in self._ASSIGN.finditer(text):
            key = match.group(1)
            number = line_of(match.start())
            self.positions.setdefault(key, []).append(number)
            if "." in key:
                self.positions.setdefault(key.rsplit(".", 1)[-1], []).append(number)
        for match in self._HEADER.finditer(text):
            header = match.group(1).strip().strip('"')
            self.positions.setdefault(header.rsplit(".", 1)[-1].strip('"'), []).append(line_of(match.start()))
        for found in self.positions.values():
            found.sort()
        self.cursor: dict[str, int] = {}

    def assign(self, data: Any) -> dict[KeyPath, int]:
        lines: dict[KeyPath, int] = {}
        last_line = 0
        for path, _value in iter_scalars(data):
            # List items share their key's line: assign per owning key path.
            owner = path
            while owner and isinstance(owner[-1], int):
                owner = owner[:-1]
            if not owner or owner in lines:
                continue
            candidates = self.positions.get(str(owner[-1]), [])
            start = self.cursor.get(str(owner[-1]), 0)
            chosen = None
            for index in range(start, len(candidates)):
                if candidates[index] >= last_line or index == len(candidates) - 1:
                    chosen = index
                    break
            if chosen is not None:
                lines[owner] = candidates[chosen]
                self.cursor[str(owner[-1])] = chosen + 1
                last_line = candidates[chosen]
        return lines


def load_toml(text: str) -> Doc:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The message names a position ("... (at line 3, column 7)"), never a value.
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        line = int(where.group(1)) if where else None
        detail = f"line {where.group(1)} column {where.group(2)}: " if where else ""
        message = str(exc).split(" (at ")[0]
        # Newer tomllib releases cap nesting with a decode error of their own: the same coverage category.
        category = (
            "too_deep" if "nest" in message.lower() or "recursion" in message.lower() else "parse_error"
        )
        raise DocumentError(f"TOML {detail}{message}", category, line) from None
    return Doc(data, _KeyLines(text).assign(data), 1)


def _normalise_hcl(node: Any) -> Any:
    """python-hcl2 keeps quotes on strings and labels and wraps blocks in lists: undo both."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for k, v in node.items():
            if k in ("__is_block__", "__start_line__", "__comments__", "__inline_comments__"):
                continue
            value = _normalise_hcl(v)
            if not str(k).strip() and isinstance(value, dict):
                # A block whose `{` sits on the next line: python-hcl2 keeps the newline as a label.
                out.update(value)
            else:
                out[str(k).strip('"')] = value
        return out
    if isinstance(node, list):
        if len(node) == 1 and isinstance(node[0], dict):
            return _normalise_hcl(node[0])
        return [_normalise_hcl(v) for v in node]
    if isinstance(node, str) and len(node) >= 2 and node[0] == node[-1] == '"':
        return node[1:-1]
    return node


def load_hcl(text: str) -> Doc:
    from auditor.extract.hclparse import parse_hcl  # python-hcl2, once per content (and lazily)

    try:
        raw = parse_hcl(text)
    except Exception as exc:  # lark raises many types; its messages quote tokens, so keep only the position
        line = getattr(exc, "line", None)
        column = getattr(exc, "column", None)
        where = f"line {line} column {column}: " if isinstance(line, int) and line > 0 else ""
        raise DocumentError(
            f"HCL {where}{type(exc).__name__}", "parse_error", line if isinstance(line, int) else None
        ) from None
    data = _normalise_hcl(raw)
    return Doc(data, _KeyLines(text).assign(data), 1)
