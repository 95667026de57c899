"""scan_values splits a document whose one gate verdict does not hold (a blind byte somewhere, or many
detectors open between its keys) and gives each run its own verdict: every scalar must still get exactly the
hits scanning it alone gives, and a large document must stay on the shared path for its runs that allow it."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.detectors import _SHARED_SPLIT_MIN, DetectorSet, Hit
from tests.scan_values_support import Counting, gated_detectors, plain

Items = Sequence[tuple[str | None, str]]


@pytest.fixture(scope="module")
def gated() -> DetectorSet:
    return gated_detectors()


def _alone(detectors: DetectorSet, items: Items) -> list[list[Hit]]:
    """Each scalar asking the gate for itself: what scan_values gave a document whose verdict did not hold."""
    return [detectors.scan_value(key, value) for key, value in items]


# A tokenizer vocabulary's entries (byte-level BPE spells some bytes as `ı` and `ſ`, which the gate is blind
# to), with real secrets placed among them.
def _vocabulary(size: int) -> list[tuple[str | None, str]]:
    words = ["Ġthe", "ing", "Ġpass", "word", "Ġtoken", "ıs", "Ġkey", "ſt", "Ġsecret", "Ġapi"]
    return [(f"{words[i % len(words)]}{i}", str(i)) for i in range(size)]


def test_a_blind_byte_no_longer_sends_every_scalar_alone(
    gated: DetectorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _vocabulary(2000)
    items[777] = ("password", "hunter2-Xy9!kQ")
    items[1500] = ("db_password", "Rk7#qLz9!vW2pX")
    counting = Counting(monkeypatch)
    found = gated.scan_values(items)
    assert plain(found) == plain(_alone(gated, items))
    assert [i for i, hits in enumerate(found) if hits] == [777, 1500]
    # The runs without a blind byte share a verdict: many shared passes, where the old code took none.
    assert counting.calls > 10


def test_a_short_document_is_not_split(gated: DetectorSet, monkeypatch: pytest.MonkeyPatch) -> None:
    items = _vocabulary(2 * _SHARED_SPLIT_MIN - 1)
    counting = Counting(monkeypatch)
    assert plain(gated.scan_values(items)) == plain(_alone(gated, items))
    assert counting.calls == 0  # the whole document's verdict does not hold (`ı`), and it is not halved


_WORDS = ["password", "secret", "token", "api_key", "auth", "PASS", "Token", "ıd", "ſecret", "K"]
_VALUES = [
    "hunter2-Xy9!kQ",
    "ghp_" + "a1B2" * 9,
    "sk-" + "Q7x" * 16,
    "AKIA" + "ABCDEFGHIJ234567",
    "4096",
    "${DB_PASSWORD}",
    "café-Xy9!k2Lq",
    "ſk-" + "Q7x" * 16,
    "token İstanbul",
    "",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(_WORDS + ["name", "region"])),
            st.one_of(
                st.sampled_from(_VALUES),
                st.builds(lambda a, b: a + b, st.sampled_from(_WORDS + _VALUES), st.sampled_from(_VALUES)),
            ),
        ),
        min_size=2 * _SHARED_SPLIT_MIN,
        max_size=160,
    )
)
def test_split_documents_match_each_scalar_alone(
    gated: DetectorSet, items: list[tuple[str | None, str]]
) -> None:
    assert plain(gated.scan_values(items)) == plain(_alone(gated, items))


def test_blind_chars_are_the_characters_whose_utf8_the_gate_is_blind_to() -> None:
    """GATE_BLIND's bytes are ASCII control bytes or sequences led by 0xC4, 0xC5 or 0xE2; a lead byte never
    occurs inside another character's UTF-8, so only ASCII, U+0100-U+017F and U+2000-U+2FFF can match. Those
    ranges are checked whole, every other plane by a sample."""
    import re

    from auditor.extract.regexgate import BLIND_CHARS, GATE_BLIND

    blind_bytes = re.compile(GATE_BLIND)
    codes = [*range(0x80), *range(0x100, 0x180), *range(0x2000, 0x3000), *range(0x80, 0x110000, 97)]
    blind = set()
    for code in codes:
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates have no UTF-8 form (_utf8 leaves such a text unjudged)
        char = chr(code)
        says = blind_bytes.search(char.encode()) is not None
        assert (BLIND_CHARS.search(char) is not None) == says, hex(code)
        if says:
            blind.add(code)
    assert {0x130, 0x131, 0x17F, 0x212A, 0x00, 0x7F} <= blind
