"""The reference finder runs each token-shaped pattern only where a literal its every match holds occurs
(references.required_literals, read off re's own parse). These tests hold the proof to its premise on
hand-made patterns and compare the finder with and without the shortcut on every shipped input and on
generated text around each literal."""

from __future__ import annotations

import random
import re

import pytest

from auditor.extract import references
from tests.shipped_inputs import shipped_inputs


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bop://[^\s]+", ("op://",)),
        (r"(?<![\w:/])ssm:(/[\w/]+)", ("ssm:",)),
        (r"\b(?:os\.environ\.get|os\.getenv|getenv)\s*\(", ("os.environ.get", "os.getenv", "getenv")),
        (r"(/run/secrets/\w+|/var/run/secrets/\w+)", ("run/secrets/", "var/run/secrets/")),
        (r"(?i)secretKeyRef", None),  # case folded: no literal holds
        (r"a(?i:bcdef)", ("a",)),  # a scoped fold: only what is outside it
        (r"(?:abc)?xy", ("xy",)),  # an optional group proves nothing
        (r"(?:abc|\d+)", None),  # one alternative holds no literal
        (r"[ab]+", None),
    ],
)
def test_required_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert references.required_literals(re.compile(pattern)) == expected


def test_every_needed_literal_is_in_every_match() -> None:
    # Each pattern's matches on text built from its own literal and the characters around it hold it.
    rng = random.Random(7)
    alphabet = "ab/_.:-=\"' \n$%{}[]()0123456789"
    for (_kind, pattern, _a, _i), needs in zip(references._SIMPLE, references._SIMPLE_NEEDS, strict=True):
        if needs is None:
            continue
        for _ in range(200):
            parts = []
            for _ in range(rng.randint(1, 6)):
                parts.append(rng.choice(needs) if rng.random() < 0.5 else "")
                parts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))))
            text = "".join(parts)
            for m in pattern.finditer(text):
                assert any(lit in m.group(0) for lit in needs), (pattern.pattern, text)


def _without_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(references, "_SIMPLE_NEEDS", (None,) * len(references._SIMPLE))


def test_finder_unchanged_on_shipped_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_bytes().decode("utf-8", "replace") for p in shipped_inputs()]
    assert len(texts) > 50
    fast = [references._find_all(t) for t in texts]
    _without_shortcut(monkeypatch)
    slow = [references._find_all(t) for t in texts]
    assert fast == slow
    assert sum(map(len, fast)) > 0
