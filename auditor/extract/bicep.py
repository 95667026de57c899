"""A small reader of the Bicep subset botaudit needs: declarations (`param`, `var`, `resource`, `module`,
`output`, `extension`), their decorators (`@secure()`), object and array literals, strings and the line of
each key. Anything else (a call, a reference, an interpolated string, a ternary) is kept as an `Expr`: its
source text, never evaluated.

No well-kept Python library parses Bicep (the language's own parser is .NET), so this is a hand-written,
bounded reader: one pass over the characters makes the tokens (runs of blanks, names and numbers by one
bounded regular expression, proved linear in the tests),
a recursive descent over them reads values with a depth limit, and a statement it does not understand is
skipped to the next top-level line and counted in `BicepFile.unknown`, never guessed at. An unterminated
string or bracket is a `BicepError` with its line: the caller reports the file as not parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

MAX_DEPTH = 64  # objects and arrays nested deeper than any real template: refused, never recursed into
MAX_TOKENS = 2_000_000

_PUNCT2 = frozenset({"==", "!=", "<=", ">=", "&&", "||", "??", "?.", "=>", "::", ".?", "!."})
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = frozenset(_OPEN.values())
# Blanks, a name, a number: bounded runs (a longer one is read as several tokens, which changes nothing here).
_RUN = re.compile(r"[ \t\r\f\ufeff]{1,4096}|([A-Za-z_][A-Za-z0-9_]{0,4095})|([0-9][0-9.]{0,255})")
_KEYWORDS = frozenset(
    {"param", "var", "resource", "module", "output", "targetScope", "extension", "import", "provider",
     "metadata", "type", "func", "using", "extends", "assert", "test"}
)  # fmt: skip


class BicepError(ValueError):
    """The text is not Bicep this reader can follow (unterminated string or bracket, nesting too deep)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class Expr:
    """An expression kept as written (`identity.properties.principalId`, `'${prefix}-bot'`, `listKeys(…)`)."""

    text: str
    line: int

    def __str__(self) -> str:
        return self.text


class Obj(dict[str, Any]):
    """An object literal; `lines[key]` is the line of each property, `line` the opening brace's."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}
        self.loop = False  # the body of a `[for … in …: {…}]`
        self.condition: Expr | None = None  # `if (…) {…}`


class Arr(list[Any]):
    """An array literal; `lines[i]` is the line of item i."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []


@dataclass
class Decl:
    """One declaration: `kind` is param, var, resource, module or output."""

    kind: str
    name: str
    line: int
    type: str = ""  # a resource's `Type@version`, a module's path, a param's or output's type as written
    value: Any = None
    decorators: tuple[str, ...] = ()
    existing: bool = False
    parent: str | None = None  # a nested child resource's parent symbol


@dataclass
class BicepFile:
    decls: list[Decl] = field(default_factory=list)
    extensions: list[str] = field(default_factory=list)
    unknown: list[int] = field(default_factory=list)  # lines of statements this reader skipped

    def of_kind(self, kind: str) -> list[Decl]:
        return [d for d in self.decls if d.kind == kind]


class _Tok(NamedTuple):  # a tuple: tens of thousands per template, a frozen dataclass costs 5x as much
    kind: str  # name, str, istr (interpolated), num, punct, nl
    text: str  # a name, a punctuation, a string's value (istr: its source), a number's digits
    start: int
    end: int
    line: int
    depth: int  # brackets open before this token


def _tokenize(text: str) -> tuple[list[_Tok], dict[int, int]]:
    """The tokens, and for each opening bracket's index the index of its closing one."""
    toks: list[_Tok] = []
    match: dict[int, int] = {}
    i, n, line, depth = 0, len(text), 1, 0
    stack: list[tuple[str, int, int]] = []
    while i < n:
        if len(toks) > MAX_TOKENS:
            raise BicepError("too many tokens", line)
        run = _RUN.match(text, i)
        if run is not None:
            # A run of blanks, a name or a number in one C-level step (most of any template).
            if run.lastindex == 1:
                toks.append(_Tok("name", run.group(1), i, run.end(), line, depth))
            elif run.lastindex == 2:
                toks.append(_Tok("num", run.group(2), i, run.end(), line, depth))
            i = run.end()
            continue
        c = text[i]
        if c == "\n":
            toks.append(_Tok("nl", "\n", i, i + 1, line, depth))
            line += 1
            i += 1
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise BicepError("unterminated comment", line)
            line += text.count("\n", i, end)
            i = end + 2
        elif c == "'":
            start_line = line
            if text.startswith("'''", i):
                end = text.find("'''", i + 3)
                if end < 0:
                    raise BicepError("unterminated multi-line string", line)
                line += text.count("\n", i, end)
                toks.append(_Tok("str", text[i + 3 : end], i, end + 3, start_line, depth))
                i = end + 3
                continue
            end, value, interpolated = _string(text, i, line)
            line += text.count("\n", i, end)
            if interpolated:
                toks.append(_Tok("istr", text[i:end], i, end, start_line, depth))
            else:
                toks.append(_Tok("str", value, i, end, start_line, depth))
            i = end
        elif c in _OPEN:
            stack.append((c, line, len(toks)))
            toks.append(_Tok("punct", c, i, i + 1, line, depth))
            depth += 1
            i += 1
        elif c in _CLOSE:
            if not stack or _OPEN[stack[-1][0]] != c:
                raise BicepError(f"unbalanced {c!r}", line)
            match[stack.pop()[2]] = len(toks)
            depth -= 1
            toks.append(_Tok("punct", c, i, i + 1, line, depth))
            i += 1
        else:
            two = text[i : i + 2]
            width = 2 if two in _PUNCT2 else 1
            toks.append(_Tok("punct", text[i : i + width], i, i + width, line, depth))
            i += width
    if stack:
        raise BicepError(f"{stack[-1][0]!r} never closed", stack[-1][1])
    return toks, match


def _string(text: str, i: int, line: int) -> tuple[int, str, bool]:
    """(end offset, value, interpolated) of the single-quoted string at `i`. Interpolations `${…}` may hold
    strings and braces of their own: one explicit stack, each character visited once."""
    n = len(text)
    end = text.find("'", i + 1)
    if end > 0:
        plain = text[i + 1 : end]
        if "\\" not in plain and "${" not in plain and "\n" not in plain:
            return end + 1, plain, False  # the usual string: no escape, no interpolation
    out: list[str] = []
    interpolated = False
    # Each entry: "s" inside a string, or an int: the brace depth inside an interpolation.
    modes: list[Any] = ["s"]
    j = i + 1
    while j < n:
        c = text[j]
        mode = modes[-1]
        if mode == "s":
            if c == "\\" and j + 1 < n:
                if len(modes) == 1:
                    out.append({"n": "\n", "t": "\t", "r": "\r"}.get(text[j + 1], text[j + 1]))
                j += 2
                continue
            if c == "'":
                modes.pop()
                j += 1
                if not modes:
                    return j, "".join(out), interpolated
                continue
            if c == "$" and text.startswith("${", j):
                interpolated = True
                modes.append(0)
                j += 2
                continue
            if c == "\n" and len(modes) == 1:
                break  # a single-quoted string ends on its line
            if len(modes) == 1:
                out.append(c)
            j += 1
        else:
            if c == "'":
                modes.append("s")
            elif c == "{":
                modes[-1] = mode + 1
            elif c == "}":
                if mode == 0:
                    modes.pop()
                else:
                    modes[-1] = mode - 1
            j += 1
    raise BicepError("unterminated string", line)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks, self.match = _tokenize(text)
        self.i = 0
        self.out = BicepFile()

    # -- tokens ------------------------------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> _Tok | None:
        j = self.i + ahead
        return self.toks[j] if j < len(self.toks) else None

    def next(self) -> _Tok:
        tok = self.peek()
        if tok is None:
            raise BicepError("unexpected end of file", self.toks[-1].line if self.toks else 1)
        self.i += 1
        return tok

    def at(self, kind: str, text: str | None = None) -> bool:
        tok = self.peek()
        return tok is not None and tok.kind == kind and (text is None or tok.text == text)

    def expect(self, kind: str, text: str | None = None) -> _Tok:
        tok = self.next()
        if tok.kind != kind or (text is not None and tok.text != text):
            raise BicepError(f"expected {text or kind}", tok.line)
        return tok

    def skip_nl(self) -> None:
        while self.at("nl"):
            self.i += 1

    def skip_group(self) -> None:
        """Skip a bracketed group starting at the current opening bracket."""
        if self.i not in self.match:
            raise BicepError("expected a bracket", self.next().line)
        self.i = self.match[self.i] + 1

    def resync(self) -> None:
        """Skip to the start of the next top-level line."""
        while (tok := self.peek()) is not None:
            self.i += 1
            if tok.kind == "nl" and tok.depth == 0:
                return

    # -- statements ----------------------------------------------------------------------------------------
    def parse(self) -> BicepFile:
        decorators: list[str] = []
        while True:
            self.skip_nl()
            tok = self.peek()
            if tok is None:
                return self.out
            start = self.i
            try:
                if tok.kind == "punct" and tok.text == "@":
                    decorators.append(self.decorator())
                    continue
                if tok.kind == "name" and tok.text in _KEYWORDS:
                    self.statement(tok, tuple(decorators))
                else:
                    self.out.unknown.append(tok.line)
                    self.resync()
            except BicepError:
                self.i = start
                self.out.unknown.append(tok.line)
                self.resync()
            decorators = []

    def decorator(self) -> str:
        self.expect("punct", "@")
        name = self.expect("name").text
        while self.at("punct", "."):
            self.i += 1
            name = self.expect("name").text
        if self.at("punct", "("):
            self.skip_group()
        return name

    def statement(self, tok: _Tok, decorators: tuple[str, ...]) -> None:
        word = tok.text
        self.i += 1
        if word == "resource":
            self.resource(tok.line, decorators, None)
        elif word in ("param", "var", "output"):
            name = self.expect("name").text
            type_start = self.peek()
            type_text = ""
            if word != "var":
                # The type runs to `=` or the end of the line (`string`, `'A' | 'B'`, `resource 'T@v'`).
                begin = self.i
                while (t := self.peek()) is not None and not (
                    t.depth == tok.depth and (t.kind == "nl" or (t.kind == "punct" and t.text == "="))
                ):
                    self.i += 1
                if self.i > begin and type_start is not None:
                    type_text = self.text[type_start.start : self.toks[self.i - 1].end]
            value = None
            if self.at("punct", "="):
                self.i += 1
                value = self.value()
            elif word == "var":
                raise BicepError("expected =", tok.line)
            self.out.decls.append(Decl(word, name, tok.line, type_text, value, decorators))
            self.end_of_statement()
        elif word == "module":
            name = self.expect("name").text
            path = self.next()
            if path.kind not in ("str", "istr"):
                raise BicepError("expected the module's path", path.line)
            self.expect("punct", "=")
            value = self.value()
            self.out.decls.append(Decl("module", name, tok.line, path.text, value, decorators))
            self.end_of_statement()
        elif word in ("extension", "provider", "import"):
            first = self.peek()
            if first is not None and first.kind in ("name", "str"):
                self.out.extensions.append(first.text)
            self.resync()
        else:  # targetScope, metadata, type, func, using...: nothing botaudit reads
            self.resync()

    def end_of_statement(self) -> None:
        tok = self.peek()
        if tok is not None and tok.kind != "nl":
            raise BicepError("unexpected text after the declaration", tok.line)

    def resource(self, line: int, decorators: tuple[str, ...], parent: str | None) -> Decl:
        name = self.expect("name").text
        type_tok = self.next()
        if type_tok.kind != "str":
            raise BicepError("expected the resource type", type_tok.line)
        existing = False
        if self.at("name", "existing"):
            existing = True
            self.i += 1
        self.expect("punct", "=")
        value = self.value()
        decl = Decl("resource", name, line, type_tok.text, value, decorators, existing, parent)
        self.out.decls.append(decl)
        if parent is None:
            self.end_of_statement()
        return decl

    # -- values --------------------------------------------------------------------------------------------
    def value(self, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            tok = self.peek()
            raise BicepError("nested too deeply", tok.line if tok else 1)
        tok = self.peek()
        if tok is None:
            raise BicepError("expected a value", self.toks[-1].line if self.toks else 1)
        if tok.kind == "name" and tok.text == "if" and self.at_punct(1, "("):
            # `= if (condition) { … }`: the body, marked conditional.
            self.i += 1
            cond_start = self.peek()
            self.skip_group()
            cond = (
                Expr(self.text[cond_start.start : self.toks[self.i - 1].end], tok.line)
                if cond_start
                else None
            )
            self.skip_nl()
            body = self.value(depth + 1)
            if isinstance(body, Obj):
                body.condition = cond
            return body
        if tok.kind == "punct" and tok.text == "{" and self.simple_end(tok):
            return self.obj(depth)
        if tok.kind == "punct" and tok.text == "[" and self.simple_end(tok):
            if self.at("name", "for") or self.at_name(1, "for"):
                return self.loop(depth)
            return self.arr(depth)
        nxt = self.peek(1)
        ends = nxt is None or nxt.kind == "nl" or (nxt.kind == "punct" and nxt.text in (",", "}", "]"))
        if ends:
            self.i += 1
            if tok.kind == "str":
                return tok.text
            if tok.kind == "num" and tok.text.isdigit():
                return int(tok.text)
            if tok.kind == "name" and tok.text in ("true", "false"):
                return tok.text == "true"
            if tok.kind == "name" and tok.text == "null":
                return None
            return Expr(tok.text if tok.kind != "istr" else tok.text, tok.line)
        return self.expr()

    def at_punct(self, ahead: int, text: str) -> bool:
        tok = self.peek(ahead)
        return tok is not None and tok.kind == "punct" and tok.text == text

    def at_name(self, ahead: int, text: str) -> bool:
        tok = self.peek(ahead)
        return tok is not None and tok.kind == "name" and tok.text == text

    def simple_end(self, open_tok: _Tok) -> bool:
        """Whether the bracketed group at the current token is the whole value (not `{…}.x`, `[…][0]`)."""
        close = self.match.get(self.i)
        if close is None:
            return False
        after = self.toks[close + 1] if close + 1 < len(self.toks) else None
        return (
            after is None
            or after.kind == "nl"
            or (after.kind == "punct" and after.text in (",", "}", "]", ")"))
        )

    def expr(self) -> Expr:
        """Any other expression: its source text, to the end of the value (a line break, `,`, or the
        enclosing bracket), brackets balanced."""
        first = self.next()
        last = first
        if first.kind == "punct" and first.text in _OPEN:
            self.i -= 1
            self.skip_group()
            last = self.toks[self.i - 1]
        while (tok := self.peek()) is not None:
            if tok.kind == "punct" and tok.text in _CLOSE:
                break  # inner groups are skipped whole: a closing bracket here is the enclosing one's
            if tok.depth == first.depth and (tok.kind == "nl" or (tok.kind == "punct" and tok.text == ",")):
                break
            if tok.kind == "punct" and tok.text in _OPEN:
                self.skip_group()
                last = self.toks[self.i - 1]
                continue
            last = tok
            self.i += 1
        return Expr(self.text[first.start : last.end], first.line)

    def obj(self, depth: int) -> Obj:
        open_tok = self.expect("punct", "{")
        out = Obj(open_tok.line)
        while True:
            tok = self.next()
            if tok.kind == "nl" or (tok.kind == "punct" and tok.text == ","):
                continue
            if tok.kind == "punct" and tok.text == "}":
                return out
            if tok.kind == "punct" and tok.text == "@":
                self.i -= 1
                self.decorator()
                continue
            if tok.kind == "name" and tok.text == "resource" and self.at("name"):
                self.resource(tok.line, (), "<parent>")
                continue
            if tok.kind not in ("name", "str", "istr"):  # `'${identity.id}': {}` keys by an expression
                raise BicepError("expected a property name", tok.line)
            self.expect("punct", ":")
            self.skip_nl()
            out[tok.text] = self.value(depth + 1)
            out.lines[tok.text] = tok.line

    def arr(self, depth: int) -> Arr:
        open_tok = self.expect("punct", "[")
        out = Arr(open_tok.line)
        while True:
            tok = self.peek()
            if tok is None:
                raise BicepError("unterminated array", open_tok.line)
            if tok.kind == "nl" or (tok.kind == "punct" and tok.text == ","):
                self.i += 1
                continue
            if tok.kind == "punct" and tok.text == "]":
                self.i += 1
                return out
            out.lines.append(tok.line)
            out.append(self.value(depth + 1))

    def loop(self, depth: int) -> Any:
        """`[for x in xs: body]` (also `[for (x, i) in xs: body]`): the body, marked as a loop."""
        open_tok = self.expect("punct", "[")
        self.skip_nl()
        self.expect("name", "for")
        while (tok := self.peek()) is not None and not (
            tok.depth == open_tok.depth + 1 and tok.kind == "punct" and tok.text == ":"
        ):
            if tok.kind == "punct" and tok.text in _OPEN:
                self.skip_group()
            else:
                self.i += 1
        self.expect("punct", ":")
        self.skip_nl()
        body = self.value(depth + 1)
        self.skip_nl()
        self.expect("punct", "]")
        if isinstance(body, Obj):
            body.loop = True
        return body


def parse_bicep(text: str) -> BicepFile:
    """Declarations of a `.bicep` or `.bicepparam` text. Raises BicepError when its strings, comments or
    brackets do not close."""
    parser = _Parser(text)
    out = parser.parse()
    # Nested child resources are appended while their parent is read, so before it: give each its parent.
    pending: list[Decl] = []
    for decl in out.decls:
        if decl.kind == "resource" and decl.parent == "<parent>":
            pending.append(decl)
        elif decl.kind == "resource" and pending:
            parent_type = decl.type.split("@", 1)[0]
            for child in pending:
                child.parent = decl.name
                if "/" not in child.type.split("@", 1)[0]:
                    child.type = f"{parent_type}/{child.type}"
            pending = []
    return out
