"""model.Record: the shared ==, hash() and repr() of the frozen dataclasses behave as generated ones would.

@dataclass(frozen=True) compiles six functions per class at import (start-up, issue 14); the model classes
inherit three of them from Record instead. These tests hold Record to the generated behaviour, field flags
(repr=False, compare=False) included, so the swap stays invisible.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from auditor.collectors.interface import FoundToken
from auditor.engine.interface import Rule
from auditor.model import FileScan, Location, Record, SecretReference, Severity, Skipped


def _generated_twin(obj: Any) -> Any:
    """The same class and field values as a plain @dataclass(frozen=True) with generated methods."""
    specs = [
        (f.name, Any, dataclasses.field(repr=f.repr, compare=f.compare, hash=f.hash))
        for f in dataclasses.fields(obj)
    ]
    twin_cls = dataclasses.make_dataclass(type(obj).__name__, specs, frozen=True)
    return twin_cls(**{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)})


SAMPLES = [
    Location("cfg/agent.yaml", 3, column=7, key="auth.token"),
    Skipped("big.bin", "larger than 5 MB", "too_large"),
    FileScan("app.py", "python", 120, skipped=(Skipped("app.py", "timeout", "timeout"),)),
    FoundToken("github_pat", "fp-1", "app.py:3", value="not-in-any-repr"),
    Rule("BA-999", "demo-rule", "A demo rule", Severity.LOW, "secrets", "why", "fix", "one"),
]


@pytest.mark.parametrize("obj", SAMPLES, ids=lambda o: type(o).__name__)
def test_record_matches_the_generated_methods(obj: Any) -> None:
    twin = _generated_twin(obj)
    assert isinstance(obj, Record)
    assert repr(obj) == repr(twin)
    copy = dataclasses.replace(obj)
    assert copy == obj and copy is not obj
    try:
        expected = hash(twin)
    except TypeError:  # a field holds a dict: unhashable either way
        with pytest.raises(TypeError):
            hash(obj)
    else:
        assert hash(obj) == expected == hash(copy)
    first = dataclasses.fields(obj)[0].name
    assert dataclasses.replace(obj, **{first: getattr(obj, first) + "-x"}) != obj


def test_equality_needs_the_same_class_and_honours_compare_false() -> None:
    loc = Location("a.py", 1)
    assert loc != ("a.py", 1, None, None, None)
    assert SecretReference.__eq__(SecretReference.__new__(SecretReference), loc) is NotImplemented
    # compare=False keeps the token value out of == and hash, as the generated methods did.
    one = FoundToken("slack_bot_token", "fp", "a:1", value="first")
    other = FoundToken("slack_bot_token", "fp", "a:1", value="second")
    assert one == other and hash(one) == hash(other) and {one, other} == {one}
    assert "first" not in repr(one)
    assert sorted([Location("b", 2), Location("a", 9)]) == [Location("a", 9), Location("b", 2)]
