"""Precision round 9 (issue 12): values whose shape says a person edited or made them up, judged without
losing the formats' real tokens."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _kinds(detectors: DetectorSet, text: str) -> list[str]:
    return [h.kind for h in detectors.scan_text(text)]


# Fake values only, made up for these tests.
_MERAKI = "9d41c7e0b25f83a6e1d04c9b7f2a58e36c0d1b74"  # 40 lowercase hex: Meraki's documented key shape
_HEX64 = "e3a17c90d2b64f58a1c03e97b6d25f4018ac7e39b0d46f21c58e9a7d03b6f41e"

# ------------------------------------------------------------- hex of a provider's format with a typed tail


@pytest.mark.parametrize("value", [_MERAKI + "R21", _HEX64 + "Q7", _MERAKI + "x"])
def test_hex_of_the_format_with_a_typed_tail_is_an_altered_copy(detectors: DetectorSet, value: str) -> None:
    assert _kinds(detectors, f"meraki_token = {value}\n") == []


def test_the_format_itself_and_hex_with_a_tail_elsewhere_are_judged_as_before(detectors: DetectorSet) -> None:
    assert _kinds(detectors, f"meraki_token = {_MERAKI}\n") == ["meraki_api_key"]
    # Shorter hex than the format, then a tail: not a full copy padded by hand; judged by the generic rules.
    assert _kinds(detectors, f"meraki_token = {_MERAKI[:30]}R21\n")
    # No provider format claims the key: the generic rules judge the value as before.
    assert _kinds(detectors, f"api_token = {_HEX64}R21\n")
