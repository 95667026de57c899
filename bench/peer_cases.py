"""Derive detection test cases from peer scanners' own repositories, at run time, from pinned commits.

Nothing the peers wrote is stored in this repository: this module reads their source at a pinned commit
(a git URL, which it clones into bench/out/, or a local clone or mirror) and turns the cases their own test
suites check into (text, expected) pairs:

* Kingfisher: every rule file's `examples` (positives) and `negative_examples` (negatives).
* gitleaks and Betterleaks: the `tps` / `fps` lists of each rule generator in cmd/generate/config/rules/*.go,
  evaluated with a small interpreter for the Go expressions they use (string literals, `+`, `append`,
  `[]string{…}`, `map[string]string{…}` values, local variables, `utils.GenerateSampleSecret(s)`,
  `utils.AlphaNumeric(…)`-style pattern helpers and `secrets.NewSecret(regex)`, which draws a random string
  from the regex with a seeded generator). The sample formats of `GenerateSampleSecrets` are read from the
  peer's own utils/generate.go, not restated here. An expression the interpreter does not know is skipped
  and counted.
* detect-secrets: the `pytest.mark.parametrize` tables of tests/plugins/*_test.py whose rows pair a text
  with a `should_flag`-style boolean.
"""

from __future__ import annotations

import ast
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Case:
    """One text a peer's test suite says must (positive) or must not (negative) be flagged."""

    source: str  # the peer whose tests it comes from
    rule: str  # the peer's rule or plugin id
    text: str
    positive: bool
    # Listed among a rule's negatives under the suite's own note that its rule misses it (gitleaks'
    # `// False Negative`): the authors say the text holds a secret, so it counts as a positive, and it is
    # kept outside the per-rule cap (bench_detection.select), which exists for generated renderings.
    documented_miss: bool = False


@dataclass
class Derived:
    cases: list[Case] = field(default_factory=list)
    skipped: int = 0  # expressions or rows that could not be evaluated


@dataclass(frozen=True)
class PeerSource:
    name: str
    url: str
    commit: str


# The commits the table in bench/README.md was measured on.
PEERS: dict[str, PeerSource] = {
    "gitleaks": PeerSource(
        "gitleaks", "https://github.com/gitleaks/gitleaks", "b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b"
    ),
    "betterleaks": PeerSource(
        "betterleaks",
        "https://github.com/betterleaks/betterleaks",
        "6381fa45ae946c588e2e1334d8396a15e5171ad6",
    ),
    "kingfisher": PeerSource(
        "kingfisher", "https://github.com/mongodb/kingfisher", "ee7c0db3ef87575768f817820c24736249ffcdef"
    ),
    "detect-secrets": PeerSource(
        "detect-secrets", "https://github.com/Yelp/detect-secrets", "5e141933554a0b74e7341841f318be21e895339c"
    ),
}


class Tree:
    """Read files of one commit of a git repository (a working clone, a bare clone or a mirror)."""

    def __init__(self, location: str, commit: str, workdir: Path) -> None:
        import pygit2

        path = Path(location)
        if path.exists():
            repo = pygit2.Repository(str(path))
        else:
            target = workdir / re.sub(r"[^A-Za-z0-9._-]+", "_", location)
            if target.exists():
                repo = pygit2.Repository(str(target))
            else:
                repo = pygit2.clone_repository(location, str(target), bare=True)
        self.commit = repo.revparse_single(commit).peel(pygit2.Commit)
        self.root = self.commit.tree

    def files(self, folder: str, suffix: str) -> Iterator[tuple[str, str]]:
        try:
            tree = self.root[folder]
        except KeyError:
            return
        for entry in sorted(tree, key=lambda e: e.name):
            if entry.type_str == "blob" and entry.name.endswith(suffix):
                yield f"{folder}/{entry.name}", entry.data.decode("utf-8", "replace")

    def read(self, path: str) -> str:
        data: bytes = self.root[path].data
        return data.decode("utf-8", "replace")


# -- Kingfisher ---------------------------------------------------------------------------------------------
def kingfisher_cases(tree: Tree) -> Derived:
    out = Derived()
    for _, text in tree.files("data/rules", ".yml"):
        try:
            doc = yaml.safe_load(text) or {}
        except yaml.YAMLError:
            out.skipped += 1
            continue
        for rule in doc.get("rules") or []:
            rule_id = str(rule.get("id", "?"))
            for example in rule.get("examples") or []:
                out.cases.append(Case("kingfisher", rule_id, str(example), True))
            for example in rule.get("negative_examples") or []:
                out.cases.append(Case("kingfisher", rule_id, str(example), False))
    return out


# -- detect-secrets -----------------------------------------------------------------------------------------
_TEXT_ARGS = ("payload", "line", "token", "secret", "string", "content")
_FLAG_ARGS = ("should_flag", "expected", "is_secret", "should_match")


def detect_secrets_cases(tree: Tree) -> Derived:
    out = Derived()
    for path, text in tree.files("tests/plugins", "_test.py"):
        plugin = path.rsplit("/", 1)[-1].removesuffix("_test.py")
        try:
            module = ast.parse(text)
        except SyntaxError:
            out.skipped += 1
            continue
        for node in ast.walk(module):
            if not (isinstance(node, ast.Call) and _is_parametrize(node.func) and len(node.args) >= 2):
                continue
            try:
                names = ast.literal_eval(node.args[0])
            except ValueError:
                continue
            names = [n.strip() for n in (names.split(",") if isinstance(names, str) else names)]
            text_at = next((names.index(n) for n in _TEXT_ARGS if n in names), None)
            flag_at = next((names.index(n) for n in _FLAG_ARGS if n in names), None)
            if text_at is None or flag_at is None or not isinstance(node.args[1], ast.List | ast.Tuple):
                continue
            for row in node.args[1].elts:
                try:
                    values = ast.literal_eval(row)
                except ValueError:
                    out.skipped += 1
                    continue
                if not isinstance(values, tuple) or len(values) != len(names):
                    continue
                sample, flag = values[text_at], values[flag_at]
                if isinstance(sample, str) and isinstance(flag, bool):
                    out.cases.append(Case("detect-secrets", plugin, sample, flag))
    return out


def _is_parametrize(func: ast.expr) -> bool:
    return isinstance(func, ast.Attribute) and func.attr == "parametrize"


# -- gitleaks / Betterleaks: a small interpreter for the Go the rule generators use -------------------------
class Unsupported(Exception):
    """An expression this interpreter does not evaluate (the case is skipped and counted)."""


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<raw>`[^`]*`)
  | (?P<str>"(?:[^"\\\n]|\\.)*")
  | (?P<rune>'(?:[^'\\\n]|\\.)*')
  | (?P<num>\d+)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>:=|\.\.\.|&&|\|\||==|!=|<=|>=|[-+*/%&|^!<>=(){}\[\],;:.])
    """,
    re.X | re.S,
)


# A comment heading a group of a rule's cases that says the rule misses them: `// False Negative`, alone or
# followed by an explanation after `:`, `(`, `-`. The group runs to the next comment on a line of its own, or
# to the end of the list.
_MISS_NOTE = re.compile(r"(?i)//\s*false[ -]negatives?\s*(?:$|[:(.,-])")


def _tokens(source: str) -> list[tuple[str, str]]:
    return _tokens_noted(source)[0]


def _tokens_noted(source: str) -> tuple[list[tuple[str, str]], set[int]]:
    """The tokens of `source` (comments and blanks dropped) and the indices of those inside a group the
    suite's authors head with a false-negative note."""
    tokens: list[tuple[str, str]] = []
    noted: set[int] = set()
    depth, noting_at = 0, -1  # bracket depth; the depth of the list a note heads, -1 when none
    for match in _TOKEN.finditer(source):
        kind, text = match.lastgroup or "op", match.group()
        if kind == "comment":
            line_start = source.rfind("\n", 0, match.start()) + 1
            if not source[line_start : match.start()].strip():  # a heading, not a trailing remark
                noting_at = depth if _MISS_NOTE.match(text) else -1
            continue
        if kind == "ws":
            continue
        if kind == "op" and text in "{([":
            depth += 1
        elif kind == "op" and text in "})]":
            depth -= 1
            if depth < noting_at:  # the list the note was in has ended
                noting_at = -1
        if noting_at >= 0:
            noted.add(len(tokens))
        tokens.append((kind, text))
    return tokens, noted


def _go_string(token: tuple[str, str]) -> str:
    kind, text = token
    if kind == "raw":
        return text[1:-1]
    try:
        value = ast.literal_eval(text)  # Go's interpreted strings escape like Python's for these cases
    except (ValueError, SyntaxError) as exc:
        raise Unsupported(text[:40]) from exc
    if not isinstance(value, str):
        raise Unsupported(text[:40])
    return value


_PATTERN_HELPERS = {
    "Numeric": "[0-9]{%s}",
    "Hex": "[a-f0-9]{%s}",
    "AlphaNumeric": "[a-z0-9]{%s}",
    "AlphaNumericExtendedShort": "[a-z0-9_-]{%s}",
    "AlphaNumericExtended": "[a-z0-9=_\\-]{%s}",
    "AlphaNumericExtendedLong": "[a-z0-9\\/=_\\+\\-]{%s}",
}


class GoEval:
    """Evaluates the string-valued Go expressions of one rule file, statement by statement."""

    def __init__(self, samples: list[str], rng: random.Random) -> None:
        self.samples = samples
        self.rng = rng
        self.noted: set[int] = set()  # token indices under a false-negative note (the current file)
        self.misses: set[str] = set()  # the values of the list elements written there

    def parse_file(self, source: str) -> Iterator[tuple[str, str, Any]]:
        """(rule id, variable, value) for every assignment whose value evaluates; Unsupported ones skipped."""
        tokens, self.noted = _tokens_noted(source)
        self.misses = set()
        rule_id = "?"
        env: dict[str, Any] = {}
        i = 0
        while i < len(tokens):
            kind, text = tokens[i]
            if kind == "ident" and text == "func":
                env = {}
                rule_id = "?"
            elif kind == "ident" and text == "RuleID" and i + 2 < len(tokens) and tokens[i + 1][1] == ":":
                if tokens[i + 2][0] in ("str", "raw"):
                    rule_id = _go_string(tokens[i + 2])
            elif (
                kind == "ident"
                and i + 1 < len(tokens)
                and tokens[i + 1][1] in (":=", "=")
                and (i == 0 or tokens[i - 1][1] in ("{", "}", ";", ")") or tokens[i - 1][0] != "op")
            ):
                start = i + 2
                try:
                    value, end = self.expr(tokens, start, env)
                except (Unsupported, IndexError):
                    yield rule_id, text, Unsupported
                    i += 1
                    continue
                env[text] = value
                yield rule_id, text, value
                i = end
                continue
            i += 1

    # expression grammar: sum := unary ("+" unary)*
    def expr(self, tokens: list[tuple[str, str]], i: int, env: dict[str, Any]) -> tuple[Any, int]:
        value, i = self.primary(tokens, i, env)
        while i < len(tokens) and tokens[i][1] == "+":
            right, i = self.primary(tokens, i + 1, env)
            if not (isinstance(value, str) and isinstance(right, str)):
                raise Unsupported("+ on non-strings")
            value += right
        return value, i

    def primary(self, tokens: list[tuple[str, str]], i: int, env: dict[str, Any]) -> tuple[Any, int]:
        kind, text = tokens[i]
        if kind in ("str", "raw"):
            return _go_string(tokens[i]), i + 1
        if text == "(":
            value, i = self.expr(tokens, i + 1, env)
            if tokens[i][1] != ")":
                raise Unsupported("unclosed (")
            return value, i + 1
        if text == "[" and tokens[i + 1][1] == "]":
            return self.composite(tokens, i + 2, env, mapping=False)
        if text == "map":
            # map[string]string{ k: v, ... } -> the values, in source order
            j = i
            while tokens[j][1] != "{":
                j += 1
            return self.composite(tokens, j - 1, env, mapping=True)
        if kind == "ident":
            name, j = text, i + 1
            while j + 1 < len(tokens) and tokens[j][1] == "." and tokens[j + 1][0] == "ident":
                name += "." + tokens[j + 1][1]
                j += 2
            if j < len(tokens) and tokens[j][1] == "(":
                args, j = self.args(tokens, j + 1, env)
                return self.call(name, args), j
            if name in env:
                return env[name], j
            raise Unsupported(f"unknown name {name}")
        raise Unsupported(f"token {text!r}")

    def composite(
        self, tokens: list[tuple[str, str]], i: int, env: dict[str, Any], *, mapping: bool
    ) -> tuple[list[str], int]:
        # at the element type (`string`), then `{`
        i += 1
        if tokens[i][1] != "{":
            raise Unsupported("composite literal")
        i += 1
        items: list[str] = []
        while tokens[i][1] != "}":
            start = i
            value, i = self.expr(tokens, i, env)
            self._note(start, i, value)
            if mapping:
                if tokens[i][1] != ":":
                    raise Unsupported("map entry")
                value, i = self.expr(tokens, i + 1, env)
            if isinstance(value, list):
                items.extend(value)
            elif isinstance(value, str):
                items.append(value)
            else:
                raise Unsupported("element")
            if tokens[i][1] == ",":
                i += 1
        return items, i + 1

    def args(self, tokens: list[tuple[str, str]], i: int, env: dict[str, Any]) -> tuple[list[Any], int]:
        args: list[Any] = []
        while tokens[i][1] != ")":
            start = i
            value, i = self.expr(tokens, i, env)
            self._note(start, i, value)
            if tokens[i][1] == "...":
                i += 1
            args.append(value)
            if tokens[i][1] == ",":
                i += 1
        return args, i + 1

    def _note(self, start: int, end: int, value: Any) -> None:
        if any(k in self.noted for k in range(start, end)):
            items = value if isinstance(value, list) else [value]
            self.misses.update(v for v in items if isinstance(v, str))

    def call(self, name: str, args: list[Any]) -> Any:
        short = name.rsplit(".", 1)[-1]
        if short == "append" and args and isinstance(args[0], list):
            out = list(args[0])
            for arg in args[1:]:
                out.extend(arg if isinstance(arg, list) else [arg])
            return out
        if short in _PATTERN_HELPERS and len(args) == 1 and isinstance(args[0], str):
            return _PATTERN_HELPERS[short] % args[0]
        if short == "Hex8_4_4_4_12" and not args:
            return "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
        if short == "NewSecret" and len(args) == 1 and isinstance(args[0], str):
            return self.random_string(args[0])
        if short == "GenerateSampleSecret" and len(args) == 2:
            return f'{args[0]}_api_token = "{args[1]}"'
        if short == "GenerateSampleSecrets" and len(args) == 2 and self.samples:
            ident, secret = args
            return [
                s.replace("{i}", ident).replace("{I}", ident.upper()).replace("{s}", secret)
                for s in self.samples
            ]
        if short == "Repeat" and len(args) == 2:
            return args[0] * int(args[1]) if str(args[1]).isdigit() else _unsupported(name)
        return _unsupported(name)

    def random_string(self, pattern: str) -> str:
        import rstr

        try:
            return str(rstr.Rstr(self.rng).xeger(pattern))
        except Exception as exc:  # a Go-only regex construct: skipped and counted
            raise Unsupported(f"regex {pattern[:30]}") from exc


def _unsupported(name: str) -> Any:
    raise Unsupported(f"call {name}")


def _sample_formats(tree: Tree) -> list[str]:
    """The sample lines of GenerateSampleSecrets, read from the peer's own utils/generate.go."""
    try:
        source = tree.read("cmd/generate/config/utils/generate.go")
    except KeyError:
        return []
    evaluator = GoEval([], random.Random(0))
    for _, name, value in evaluator.parse_file(source):
        if name == "samples" and isinstance(value, list):
            return value
    return []


def gitleaks_style_cases(tree: Tree, source_name: str, seed: int = 20261203) -> Derived:
    out = Derived()
    evaluator = GoEval(_sample_formats(tree), random.Random(seed))
    for _, text in tree.files("cmd/generate/config/rules", ".go"):
        if "tps" not in text and "fps" not in text:
            continue
        for rule_id, name, value in evaluator.parse_file(text):
            positive = name.startswith(("tps", "truePositives"))
            negative = name.startswith(("fps", "falsePositives"))
            if not (positive or negative):
                continue
            if value is Unsupported:
                out.skipped += 1
                continue
            for item in value if isinstance(value, list) else [value]:
                if negative and item in evaluator.misses:
                    # The suite lists it as a negative only so its test passes: its note says the rule
                    # misses a real secret here (gitleaks' Mailchimp `MailchimpSDK.initialize(token: …)`).
                    out.cases.append(Case(source_name, rule_id, item, True, documented_miss=True))
                else:
                    out.cases.append(Case(source_name, rule_id, item, positive))
    return out


def derive(name: str, location: str, commit: str, workdir: Path) -> Derived:
    tree = Tree(location, commit, workdir)
    if name == "kingfisher":
        return kingfisher_cases(tree)
    if name == "detect-secrets":
        return detect_secrets_cases(tree)
    return gitleaks_style_cases(tree, name)
