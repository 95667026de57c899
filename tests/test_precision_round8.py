"""Precision round 8 (issue 12): values whose documented format or setting says they are no credential
someone was issued, judged without losing the formats' real tokens."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet, unread_npm_setting


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
