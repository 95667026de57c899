"""values.is_typed_sequence was rewritten for speed (it runs on every setting of every document): it must
give exactly what its first, plainly written version gave. That version is kept here as the oracle."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.values import _NEXT_ON_ROW, is_typed_sequence


def _oracle(v: str) -> bool:
    s = "".join(c for c in v.lower() if c.isalnum())
    n = len(s)
    if n < 6:
        return False
    for period in range(1, min(8, n // 2) + 1):
        if all(s[i] == s[i % period] for i in range(n)):
            return True
    steps = sum(
        1
        for a, b in zip(s, s[1:], strict=False)
        if ord(b) - ord(a) in (1, -1) and a.isalpha() == b.isalpha() or _NEXT_ON_ROW.get(a) == b
    )
    return steps >= 0.75 * (n - 1)


_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789-_. éßΩ\u0130\u212a"
_RUNS = ("abcdef", "123456", "qwerty", "asdfgh", "zxcvbn", "fedcba", "987654", "passpass", "ab", "x9")


@given(st.text(alphabet=_ALPHABET, max_size=40))
@settings(max_examples=200, deadline=None)
def test_same_verdict_as_the_plain_version_on_any_text(value: str) -> None:
    assert is_typed_sequence(value) == _oracle(value)


@given(st.lists(st.sampled_from(_RUNS + tuple(_ALPHABET)), max_size=12))
@settings(max_examples=200, deadline=None)
def test_same_verdict_on_runs_and_near_runs(parts: list[str]) -> None:
    value = "".join(parts)
    assert is_typed_sequence(value) == _oracle(value)


def test_known_verdicts() -> None:
    for typed in ("abcdef123456", "qwerty", "0123456789", "abc123abc123", "passpasspass", "aaaaaa"):
        assert is_typed_sequence(typed) and _oracle(typed), typed
    for random_value in ("k3Jq9ZpX2mW7vR4t", "8f14e45fceea167a5a36dedd4bea2543", "abcde"):
        assert not is_typed_sequence(random_value) and not _oracle(random_value), random_value
