"""Precision round 8 (issue 12): values whose documented format or setting says they are no credential
someone was issued, judged without losing the formats' real tokens."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet, unread_npm_setting
from auditor.extract.values import filler_tail


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _kinds(detectors: DetectorSet, text: str) -> list[str]:
    return [h.kind for h in detectors.scan_text(text)]


# Fake values only, made up for these tests.
_TIME_UUID = "5d0c8e42-77a1-11ee-b962-0242ac120002"  # version 1: a timestamp and a MAC address
_RANDOM_UUID = "9b3e51f0-2c6d-4a87-b1e4-6f0d2a9c8e73"  # version 4

# ------------------------------------------------------------------------------ npm settings npm never reads


@pytest.mark.parametrize(
    "line",
    [
        "//registry.npmjs.org:_authToken=",  # the scope lacks its closing `/`
        "registry.npmjs.org/:_authToken=",  # no `//` before the host
        "///:_authToken=",  # no host at all
        "_authToken=",  # not scoped to a registry
        '  _auth: "',
    ],
)
def test_a_setting_npm_does_not_read(line: str) -> None:
    assert unread_npm_setting(line + "X", len(line))


@pytest.mark.parametrize(
    "line",
    [
        "//registry.npmjs.org/:_authToken=",
        "//registry.npmjs.org/:_authToken= ",
        '//npm.pkg.github.com/my-org/:_auth = "',
        "x=1\n//npm.example.com/:_password=",
        "NPM_AUTHTOKEN=",  # a name of its own
        "self._password = '",
        "password=",
    ],
)
def test_a_scoped_setting_or_another_name_is_not_judged(line: str) -> None:
    assert not unread_npm_setting(line + "X", len(line))


@pytest.mark.parametrize(
    "prefix",
    ["//registry.npmjs.org:_authToken=", "registry.npmjs.org/:_authToken=", "///:_authToken=", "_authToken="],
)
def test_a_time_based_uuid_under_an_unread_npm_setting_is_not_reported(
    detectors: DetectorSet, prefix: str
) -> None:
    assert _kinds(detectors, f"{prefix}{_TIME_UUID}\n") == []


def test_the_same_values_are_still_reported_where_they_can_be_credentials(detectors: DetectorSet) -> None:
    # Scoped as npm reads it: reported (low confidence: a time-based UUID is no token format npm issues).
    assert _kinds(detectors, f"//registry.npmjs.org/:_authToken={_TIME_UUID}\n") == ["npm_auth_token"]
    # A random UUID may be a legacy npm token, whatever the key's form.
    assert _kinds(detectors, f"_authToken={_RANDOM_UUID}\n") == ["npm_auth_token"]
    assert _kinds(detectors, f"//registry.npmjs.org:_authToken={_RANDOM_UUID}\n") == ["npm_auth_token"]
    # A real token format stays a finding under any form of the key.
    token = "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"
    assert _kinds(detectors, f"_authToken={token}\n")


# ---------------------------------------------------------- a provider's format altered by hand under its key

_MERAKI = "56eb807f1518f43ea0819c0f677c8b5d78265ee0"  # 40 lowercase hex: Meraki's documented key shape


def test_a_meraki_key_is_found_under_its_key(detectors: DetectorSet) -> None:
    assert _kinds(detectors, f"MERAKI_DASHBOARD_API_KEY={_MERAKI}\n") == ["meraki_api_key"]


@pytest.mark.parametrize("value", [_MERAKI[:6] + "F" + _MERAKI[7:], _MERAKI[:20] + "Ab" + _MERAKI[22:]])
def test_mixed_case_hex_of_the_format_width_is_an_altered_copy(detectors: DetectorSet, value: str) -> None:
    assert value.lower() != value
    assert _kinds(detectors, f"meraki-api-key: {value}\n") == []


def test_all_capital_hex_and_hex_under_another_key_are_judged_as_before(detectors: DetectorSet) -> None:
    # Some tools print hex in capitals: a whole value in one case is not an edit.
    assert _kinds(detectors, f"meraki-api-key: {_MERAKI.upper()}\n")
    # No provider format claims the key: the generic rules judge the value as before.
    assert _kinds(detectors, f"api_key: {_MERAKI[:6]}F{_MERAKI[7:]}\n")


_ELEVEN_BODY = "2c9e41f07ab35d6e8f1029c4b7a3d5e60f18b2c947ad3e51"  # 48 hex, made up


@pytest.mark.parametrize(
    "line",
    [
        f"elevenlabs_key = ak_{_ELEVEN_BODY}",  # ElevenLabs issues sk_ + 48 hex
        "upcloud_token = uca_01HQX7RM3KD2V9TB5WJ8NGC4PA",  # UpCloud issues ucat_ + 26 (a ULID)
    ],
)
def test_a_format_with_one_letter_of_its_prefix_changed_is_an_altered_copy(
    detectors: DetectorSet, line: str
) -> None:
    assert _kinds(detectors, line + "\n") == []


def test_the_unaltered_formats_and_providers_with_sibling_prefixes_are_still_reported(
    detectors: DetectorSet,
) -> None:
    assert _kinds(detectors, f"elevenlabs_key = sk_{_ELEVEN_BODY}\n") == ["elevenlabs_api_key"]
    assert _kinds(detectors, "upcloud_token = ucat_01HQX7RM3KD2V9TB5WJ8NGC4PA\n") == ["upcloud_api_token"]
    # GitHub issues ghp_, gho_, ghu_, ghs_, ghr_: a prefix one letter from those may be a new one.
    assert _kinds(detectors, "GITHUB_TOKEN=ghx_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx\n")
    # Under a key that names no provider, the value is judged by the generic rules as before.
    assert _kinds(detectors, f"api_key = ak_{_ELEVEN_BODY}\n")


# ------------------------------------------------------------------ filler in a token's random last segment

_SLACK_IDS = "xoxc-481736205918-502948173620-5829104736251-"


def test_a_run_of_one_symbol_in_the_random_segment_is_filler() -> None:
    assert filler_tail(_SLACK_IDS + "fffffffffffffff" + "a915fe069d70a8ad81743b0ec4ee9c81540af43f5e143264b")
    assert filler_tail("api_key_7777777777Kq2mZ9xLw4")


def test_runs_in_ids_zero_symbols_and_short_segments_are_not_filler() -> None:
    # Repeated digits in the ids before the secret part (Slack legacy workspace tokens) are not judged.
    assert not filler_tail("xoxa-2-511111111-31111111111-3111111111111-e039d02840a0b9379c")
    # Zero bytes encode to runs of `A` (base64), `0` (hex), `Q`/`q` (base32, bech32) inside real material.
    assert not filler_tail("MIIEvQIBADANBgkqAAAAAAAAAAAAAAAAAAA")
    assert not filler_tail("sk_live_" + "0" * 12 + "Kq2mZ9xLw4Tb")
    assert not filler_tail("ghp_" + "z" * 9)  # shorter than 16: nothing to judge


def test_a_token_with_a_filler_tail_is_not_reported(detectors: DetectorSet) -> None:
    value = _SLACK_IDS + "fffffffffffffffa915fe069d70a8ad81743b0ec4ee9c81540af43f5e143264b"
    assert _kinds(detectors, f'TestClientToken = "{value}"\n') == []
    random_tail = _SLACK_IDS + "3c91f5a0e6d24b87f19a0c5e3d7b2a46f08e1c9d5b7a3e26f4c0d8b1a9e57c32"
    assert _kinds(detectors, f'TestClientToken = "{random_tail}"\n')
