"""load_json reads data with the C parser and the lines of its key paths only when one is asked for
(key_lines, one regex pass); what it returns must be what the character-level parser returns: the same
data, the same line for every key path, the same errors."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import jsondoc
from auditor.extract.jsondoc import _Parser, key_lines, load_json
from auditor.extract.tree import MAX_DEPTH, DocumentError


def _slow(text: str, allow_comments: bool = False) -> tuple[object, dict[object, int]]:
    if text.startswith("\ufeff"):
        text = text[1:]
    parser = _Parser(text, allow_comments)
    return parser.parse(), parser.lines


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.sampled_from('ab"\\/\n\t é\u2028{}[],:\x01Ġı'), max_size=8),
)
_data = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(alphabet=st.sampled_from('k"\\ :{}é\nı'), max_size=4), inner, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_data, st.sampled_from([None, 0, 1, 2, 4]), st.booleans(), st.booleans())
def test_key_lines_are_the_parsers_lines(
    data: object, indent: int | None, ascii_only: bool, bom: bool
) -> None:
    text = json.dumps(data, indent=indent, ensure_ascii=ascii_only)
    if bom:
        text = "\ufeff" + text
    doc = load_json(text)
    slow_data, slow_lines = _slow(text)
    assert doc.data == slow_data or (isinstance(slow_data, float) and math.isnan(slow_data))
    assert dict(doc.lines) == slow_lines
    assert key_lines(text.lstrip("\ufeff")) == slow_lines


def test_duplicate_keys_keep_the_last_value_at_the_first_line() -> None:
    text = '{\n "a": 1,\n "b": {"c": [1,\n 2]},\n "a": 3\n}'
    doc = load_json(text)
    assert doc.data == {"a": 3, "b": {"c": [1, 2]}}
    assert dict(doc.lines) == {("a",): 2, ("b",): 3, ("b", "c"): 3, ("b", "c", 0): 3, ("b", "c", 1): 4}


def test_escaped_keys_are_read_as_the_parser_reads_them() -> None:
    text = '{\n  "\\u0120the": 1,\n  "a\\"b": {\n    "\\\\": [true]\n  }\n}'
    assert dict(load_json(text).lines) == {("Ġthe",): 2, ('a"b',): 3, ('a"b', "\\"): 4, ('a"b', "\\", 0): 4}


def test_lines_are_not_worked_out_until_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = jsondoc.key_lines
    monkeypatch.setattr(jsondoc, "key_lines", lambda text: calls.append(text) or original(text))
    doc = load_json('{"vocab": {"Ġthe": 1, "ing": 2}}')
    assert doc.data == {"vocab": {"Ġthe": 1, "ing": 2}} and calls == []
    assert doc.line_of(("vocab", "ing")) == 1
    assert doc.line_of(("vocab", "Ġthe")) == 1
    assert len(calls) == 1  # once per document


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": NaN}', "expected a value"),
        ('{"a": Infinity}', "expected a value"),
        ('{"a": 1} x', "extra data after the document"),
        ("", "unexpected end of input"),
        ('{"a": 1,}', "expected a string key"),
        ('{"a": "b\x01"}', "invalid string"),
    ],
)
def test_what_the_c_parser_refuses_our_parser_explains(text: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message) as caught:
        load_json(text)
    assert "Traceback" not in str(caught.value)


def test_jsonc_still_reads_comments_and_trailing_commas() -> None:
    text = '{\n  // the server\n  "servers": {"a": {"command": "npx",},},\n}'
    doc = load_json(text, allow_comments=True)
    assert doc.data == {"servers": {"a": {"command": "npx"}}}
    assert doc.line_of(("servers", "a", "command")) == 3


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1, 1200])
def test_nesting_deeper_than_the_limit_is_refused_as_before(depth: int) -> None:
    text = "[" * depth + "]" * depth
    if depth <= MAX_DEPTH:
        assert load_json(text).data is not None
        return
    with pytest.raises(DocumentError, match="too deeply nested") as caught:
        load_json(text)
    assert caught.value.category == "too_deep"


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = json.dumps({"k": "[" * (MAX_DEPTH + 5)})
    assert load_json(text).data == {"k": "[" * (MAX_DEPTH + 5)}
