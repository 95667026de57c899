"""yamldoc._load_simple (block mappings of plain scalars read without the YAML parser) against the parser's
path: the same document (data in the same order, every key path's line, the document's line) wherever it
answers, and no answer for anything outside its form."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import yamldoc
from auditor.extract.tree import Doc


def _ordered(data: Any) -> Any:
    """The data with every mapping's order made part of equality."""
    if isinstance(data, dict):
        return ("map", [(k, _ordered(v)) for k, v in data.items()])
    if isinstance(data, list):
        return ("list", [_ordered(v) for v in data])
    return (type(data).__name__, data)


def _parsed(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Doc], Any]:
    with monkeypatch.context() as m:
        m.setattr(yamldoc, "_load_simple", lambda _text: None)
        return yamldoc.load_yaml(text)


def _same(fast: Doc, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, error = _parsed(text, monkeypatch)
    assert error is None, text
    assert len(docs) == 1, text
    (slow,) = docs
    assert _ordered(fast.data) == _ordered(slow.data), text
    assert dict(fast.lines) == dict(slow.lines), text
    assert fast.line == slow.line, text
    # load_yaml itself answers with the quick reading.
    (quick,), quick_error = yamldoc.load_yaml(text)
    assert quick_error is None and quick is not None and _ordered(quick.data) == _ordered(slow.data)


SIMPLE = [
    "a: 1\n",
    "# head\n\nkey: v\n",
    "a:\n  b: 1\n  c:\nd: true\n",
    "a: ${X}\nb: x{y}, [z]\nc: b:c\n",
    "a: b #c\nd:\n",
    "a:\n  # c\n  b: 1\na:\n  c: 2\n  b: 3\n",  # a duplicate key: its mapping replaced, first lines kept
    "a: 1\nb: 2\na: 3\n",
    "x:\n    deep: ~\n    deeper:\n        k: NULL\n    back: Off\ny: yes\n",
    "t: true\nf: False\nn: null\ne:\no: on\n",
    "url: https://user-1.internal.example/path?q=1#frag\n",
    "v: it's a value   \nw: a  b   # trailing\n",
    "k.with-dots_and-1: 12 34\n1: one\ntrue: key\n",
    "a:\n  b:\n    c:\n  d: 1\n",
    "a:   \n  b: 1\n",
    "a: 1",
    "a: #x\n  b: 1\n",
]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_documents_read_as_the_parser_reads_them(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = yamldoc._load_simple(text)
    assert fast is not None, text
    _same(fast, text, monkeypatch)


NOT_SIMPLE = [
    "",
    "# only a comment\n",
    "- a\n- b\n",
    "a:\n- b\n",
    "a: 'quoted'\n",
    'a: "quoted"\n',
    "a: |\n  block\n",
    "a: &anchor 1\nb: *anchor\n",
    "a: !tag x\n",
    "---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "%YAML 1.1\n---\na: 1\n",
    "a:\tb\n",
    "a: 1\r\nb: 2\r\n",
    "\ufeffa: 1\n",
    "a: é\n",
    "a: b: c\n",
    "a: b:\n",
    "a: 1\n  b: 2\n",  # deeper without a key above it: a continuation or an error
    "  a: 1\n",
    "a:\n    b: 1\n  c: 2\n",  # a dedent to no open level
    "a b: 1\n",
    "a : 1\n",
    "a:b\n",
    "? a\n: b\n",
    "{a: 1}\n",
    "a: -1\n",
    "a: [1, 2]\n",
    "<<: {a: 1}\n",
    "a: @x\n",
    "a: `x\n",
    "a: %x\n",
    "a: x\n" + "k" * 1100 + ": 1\n",
]


@pytest.mark.parametrize("text", NOT_SIMPLE)
def test_other_texts_are_left_to_the_parser(text: str) -> None:
    assert yamldoc._load_simple(text) is None


_KEYS = st.one_of(
    st.sampled_from(["a", "b", "name", "true", "null", "on", "1", "a.b", "x-y", "_k"]),
    st.sampled_from(["a", "b", "<<", "a b", "é", "k:", "-k", "#k", "a ", "k\t"]),
)
_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "true",
            "False",
            "~",
            "null",
            "NULL",
            "yes",
            "Off",
            "${X}",
            "http://a:b@c/d",
            "a #b",
            "a#b",
            "a: b",
            "b:",
            "-1",
            "- x",
            "1e3",
            "0x1F",
            "'q'",
            '"q"',
            "{a: 1}",
            "[1]",
            "x, y",
            "&a x",
            "*a",
            "!t x",
            "| x",
            "> x",
            "?x",
            "%x",
            "@x",
            "`x",
        ]
    ),
    st.text(alphabet="ab1 :#-?,[]{}&*!|>'\"%@`~$.\\\t\r\u00e9", max_size=12),
    st.from_regex(r"[a-z0-9$~./{}_][ -~]{0,12}", fullmatch=True),
    st.from_regex(r"[a-z0-9$~./{}_][a-z0-9 #:{}$,]{0,12}", fullmatch=True),
)
_LINE = st.one_of(
    st.tuples(st.sampled_from([0, 0, 0, 1, 2, 2, 4, 4, 6, 8]), _KEYS, _VALUES).map(
        lambda t: " " * t[0] + t[1] + ":" + ((" " + t[2]) if t[2] or t[2] == "" and t[0] % 3 else "")
    ),
    st.sampled_from(["", "   ", "# c", "    # c", "- a", "  - b", "---", "...", "a", "  x"]),
    st.tuples(st.sampled_from([0, 2, 4]), st.sampled_from(["a", "b", "c_d", "e.f"]), _VALUES).map(
        lambda t: " " * t[0] + t[1] + ": " + t[2]
    ),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=12), st.booleans())
def test_generated_documents(lines: list[str], final_break: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_break else "")
    fast = yamldoc._load_simple(text)
    if fast is None:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        _same(fast, text, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0, 2, 4]),
            st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,8}", fullmatch=True),
            st.from_regex(r"[A-Za-z0-9$/{}_.=+~][ -~]{0,30}", fullmatch=True),
        ),
        min_size=1,
        max_size=15,
    )
)
def test_generated_settings_files(entries: list[tuple[int, str, str]]) -> None:
    """Documents shaped like generated settings files (most of which the quick reading answers)."""
    out: list[str] = []
    depth = 0
    for indent, key, value in entries:
        indent = min(indent, depth)
        if indent == depth and value.endswith("="):
            out.append(" " * indent + key + ":")
            depth = indent + 2
        else:
            out.append(" " * indent + key + ": " + value)
            depth = indent
    text = "\n".join(out) + "\n"
    fast = yamldoc._load_simple(text)
    if fast is None:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        _same(fast, text, monkeypatch)
