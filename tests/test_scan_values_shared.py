"""scan_values' shared keyword pass (DetectorSet._shared_hits) must give each scalar exactly the hits that
scanning it alone gives: on every document the shipped inputs hand to the detectors, and on generated
documents whose scalars hold keywords, token-shaped values, line breaks and non-ASCII characters."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.detectors import DetectorSet, Hit
from auditor.extract.filescan import scan_bytes
from tests.scan_values_support import Counting, gated_detectors, plain
from tests.shipped_inputs import shipped_inputs

Items = Sequence[tuple[str | None, str]]


@pytest.fixture(scope="module")
def gated() -> DetectorSet:
    return gated_detectors()


def _alone(detectors: DetectorSet, items: Items, allowed: set[int] | None) -> list[list[Hit]]:
    """Each scalar scanned by itself with the document's verdict: what scan_values gave before the shared
    keyword pass."""
    return [detectors.scan_value(key, value, allowed=allowed) for key, value in items]


def _verdict(detectors: DetectorSet, items: Items) -> set[int] | None:
    """The shared gate verdict scan_values works out for these items (None: each scalar asks the gate)."""
    from auditor.extract.detectors import _SHARED_VERDICT_MAX, _utf8

    gate = detectors._active_gate()
    assert gate is not None
    if len(items) < 2:
        return None
    allowed = gate.candidates(_utf8("\n".join((f"{k}: " if k else "") + v for k, v in items if v)))
    return None if allowed is None or len(allowed) > _SHARED_VERDICT_MAX else allowed


def _documents(gated: DetectorSet, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str | None, str]]]:
    """Every list of scalars the structured scan hands to scan_values over the shipped inputs."""
    seen: list[list[tuple[str | None, str]]] = []
    original = DetectorSet.scan_values

    def recording(self_: DetectorSet, items: Items) -> list[list[Hit]]:
        seen.append(list(items))
        return original(self_, items)

    with monkeypatch.context() as patch:
        patch.setattr(DetectorSet, "scan_values", recording)
        for path in shipped_inputs():
            scan_bytes(path.name, path.read_bytes(), gated, fingerprint_key="k")
    yield from seen


def test_shipped_documents_match_each_scalar_alone(
    gated: DetectorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = list(_documents(gated, monkeypatch))
    counting = Counting(monkeypatch)
    hits = shared = 0
    for items in documents:
        before = counting.calls
        found = gated.scan_values(items)
        assert plain(found) == plain(_alone(gated, items, _verdict(gated, items))), items[:3]
        shared += counting.calls > before
        hits += sum(map(len, found))
    # The comparison means something only if the shared path ran on many documents that find secrets.
    assert shared > 50
    assert hits > 20


# Scalars built to put keywords at every place a joined buffer could misplace them: at a text's first and
# last character, spanning what would be the joint between two texts, beside non-ASCII characters (one byte
# each in _regions' encoding, several in UTF-8), after line breaks inside a value, in keys.
_WORDS = ["password", "secret", "token", "api_key", "apikey", "key", "auth", "PASS", "Token", "SECRET"]
_VALUES = [
    "hunter2-Xy9!kQ",
    "ghp_" + "a1B2" * 9,
    "sk-" + "Q7x" * 16,
    "AKIA" + "ABCDEFGHIJ234567",
    "xoxb-1234567890-0987654321-" + "aB3" * 8,
    "4096",
    "true",
    "${DB_PASSWORD}",
    "café-Xy9!k2Lq",
    "\u00e9\u00e8token",
    "pass\nword",
    "secret: 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
]
_keys = st.one_of(
    st.none(), st.sampled_from(_WORDS + ["name", "region", "db_url", "x"]), st.text(max_size=12)
)
_values = st.one_of(
    st.sampled_from(_VALUES),
    st.builds(
        lambda a, b: a + b, st.sampled_from(_WORDS + _VALUES), st.sampled_from(_WORDS + _VALUES + [""])
    ),
    st.text(alphabet=st.sampled_from("abcXYZ019_-=:\n é\u2028\x00$"), max_size=30),
    st.just(""),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_keys, _values), min_size=2, max_size=12))
def test_generated_documents_match_each_scalar_alone(
    gated: DetectorSet, items: list[tuple[str | None, str]]
) -> None:
    assert plain(gated.scan_values(items)) == plain(_alone(gated, items, _verdict(gated, items)))


def test_generated_documents_take_the_shared_path(
    gated: DetectorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documents above are of the kind the shared pass answers (few detectors open), not only the kind
    each scalar answers alone: checked on a fixed sample of them."""
    counting = Counting(monkeypatch)
    items = [("password", "hunter2-Xy9!kQ"), ("token_limit", "4096"), ("x", "pass\nword"), ("name", "café")]
    assert _verdict(gated, items)
    found = gated.scan_values(items)
    assert counting.calls == 1
    assert [len(h) for h in found] == [1, 0, 0, 0]
    assert plain(found) == plain(_alone(gated, items, _verdict(gated, items)))


def test_shipped_keywords_hold_no_line_break() -> None:
    """The shared pass is on for the shipped detectors: no keyword holds a line break (one that did could
    match across two joined scalars, and turns the pass off)."""
    assert DetectorSet.load()._one_line_keywords
