"""jsonvalid.loads_ok gives json.loads's answer, with simdjson and without it."""

from __future__ import annotations

import json
import platform

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import jsonvalid
from auditor.extract.jsonvalid import loads_ok


def oracle(data: bytes) -> bool:
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        return False
    return True


@pytest.fixture(params=["simdjson", "json.loads only"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json.loads only":
        monkeypatch.setattr(jsonvalid, "_PARSE", [None])
    return str(request.param)


def test_simdjson_is_used_where_the_lock_installs_it() -> None:
    # The lock installs pysimdjson on these machines: there the fast parse must be the one answering.
    if platform.machine() in ("x86_64", "AMD64", "aarch64", "arm64"):
        assert jsonvalid._fast_parse() is not None


# Texts on both sides of every difference between the two parsers, and the ordinary mistakes of hand-edited
# JSON. Each is judged against json.loads itself, so the list needs no expected column.
EDGES = [
    b"",
    b"   \n",
    b"{}",
    b"[]",
    b'{"name": "demo", "replicas": 3, "tags": ["a", "b"], "nested": {"on": true, "off": null}}',
    b'{"a": 1} trailing',
    b'{"a": 1}{"b": 2}',
    b"[1, 2,]",  # a trailing comma (JSONC)
    b'{"a": 1, // a comment\n "b": 2}',
    b'{"a": "tab\tinside"}',  # a raw control character in a string
    b'{"a": "\\u0000"}',
    b'{"a": "\\ud800"}',  # a lone surrogate escape: json.loads accepts it, simdjson does not
    b'{"a": "\\udc00\\ud800"}',
    b'["\xed\xa0\x80"]',  # a surrogate's UTF-8-like bytes: json.loads decodes bytes with surrogatepass
    b'["\xff"]',
    b"[\xc0\x80]",
    b"\xef\xbb\xbf{}",  # a UTF-8 byte-order mark
    '{"a": "caf\u00e9"}'.encode("utf-16"),  # UTF-16 with its mark: json.loads detects it
    '{"a": 1}'.encode("utf-16-le"),  # and without one
    '{"a": 1}'.encode("utf-32"),
    b"[NaN]",
    b"[Infinity, -Infinity]",
    b"[1e400]",
    b"[-1e400]",
    b"[1e-400]",
    b"[1.7976931348623157e309]",
    b"[18446744073709551615]",
    b"[18446744073709551616]",
    b"[-9223372036854775808]",
    b"[-9223372036854775809]",
    b"[123456789012345678901234567890.5e3]",
    b"[01]",
    b"[1.]",
    b"[.5]",
    b"[-]",
    b"[+1]",
    b"[1e]",
    b"[-0, 0.0, 1E+2, 1e-2]",
    b'"just a string"',
    b"42",
    b"true",
    b"null",
    b"nul",
    b"[\x0c1]",  # form feed is not JSON whitespace
    b"[\r\n\t 1 ]",
    b'{"a" 1}',
    b'{"a":1,"a":2}',
    b"\x00[1]",
    b"[1]\x00",
    b'{"\\x": 1}',
]


@pytest.mark.parametrize("data", EDGES, ids=range(len(EDGES)))
def test_edges(parser: str, data: bytes) -> None:
    assert loads_ok(data) is oracle(data)


@pytest.mark.parametrize("depth", [1, 199, 200, 499, 500, 501, 900, 990, 999, 1000, 1023, 1024, 1025, 5000])
def test_nesting(parser: str, depth: int) -> None:
    """Around simdjson's 1024 levels and json.loads's recursion limit, in arrays and objects alike."""
    arrays = b"[" * depth + b"]" * depth
    objects = b'{"k":' * depth + b"1" + b"}" * depth
    for data in (arrays, objects):
        assert loads_ok(data) is oracle(data)


def test_many_brackets_but_shallow(parser: str) -> None:
    data = json.dumps([[i] for i in range(2000)]).encode()
    assert loads_ok(data) is True


_TOKENS = st.sampled_from(
    [
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b" ",
        b"\n",
        b"\t",
        b"\x0c",
        b'"k"',
        b'"caf\xc3\xa9"',
        b'"\\ud83d\\ude00"',
        b'"\\ud800"',
        b'"\\n\\"\\\\"',
        b'"\x01"',
        b'"\xff"',
        b"0",
        b"-1",
        b"3.25",
        b"1e999",
        b"99999999999999999999",
        b"NaN",
        b"true",
        b"null",
        b"tru",
        b"//",
        b"\xef\xbb\xbf",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, max_size=40).map(b"".join))
def test_same_answer_as_json_loads(data: bytes) -> None:
    assert loads_ok(data) is oracle(data)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
        ),
        max_leaves=30,
    ),
    st.integers(min_value=0, max_value=40),
)
def test_valid_documents_and_their_cuts(value: object, cut: int) -> None:
    """Every document json.dumps writes is accepted; cut short, both parsers agree on it too."""
    data = json.dumps(value).encode()
    assert loads_ok(data) is True
    assert loads_ok(data[: max(0, len(data) - cut)]) is oracle(data[: max(0, len(data) - cut)])
