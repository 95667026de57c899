"""Precision round 10 (issue 12): a provider's fixed-width mixed-case format cut short under its own key."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _kinds(detectors: DetectorSet, text: str) -> list[str]:
    return [h.kind for h in detectors.scan_text(text)]


# Fake values only, made up for these tests. Mistral keys are 32 of [A-Za-z0-9]; LinkedIn client secrets 16.
_MISTRAL = "Tq8vRm2ZxK4nWp7Lc3Hd9Bf6Js1Ya5Ge"


@pytest.mark.parametrize("cut", [1, 2, 4])
def test_a_mixed_case_format_cut_short_under_its_key_is_dropped(detectors: DetectorSet, cut: int) -> None:
    assert _kinds(detectors, f"mistral_token = {_MISTRAL[:-cut]}\n") == []
    assert _kinds(detectors, f'MISTRAL_API_KEY="{_MISTRAL[cut:]}"\n') == []


def test_the_full_format_and_other_values_are_judged_as_before(detectors: DetectorSet) -> None:
    assert _kinds(detectors, f"mistral_token = {_MISTRAL}\n") == ["mistral_api_key"]
    # Five or more short: no longer read as the format cut; the generic rules judge it as before.
    assert _kinds(detectors, f"mistral_token = {_MISTRAL[:-6]}\n")
    # One case only, or no digit: another of the provider's values (an id), not the format cut.
    assert _kinds(detectors, "linkedin_token = q7w2e9r4t1y8u3\n")
    assert _kinds(detectors, f"mistral_token = {_MISTRAL[:-2].lower()}\n")
    # No provider claims the key: a random value under a token's name stays a finding.
    assert _kinds(detectors, f"api_token = {_MISTRAL[:-3]}\n")
