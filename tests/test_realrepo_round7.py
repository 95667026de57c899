"""Real-repository round 7: shapes met scanning public agent and bot repositories nobody here wrote (a
Rasa assistant's deployment values), each written here in our own words with made-up values. Each case holds a
counterpart that must still be read the old way, so a rule that swallowed everything would fail."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes
from auditor.extract.values import ValueClass, classify_value

# Made up for these tests: a password a person might choose.
_REAL_PASSWORD = "Quillon-84&vetch"


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


# ---------------------------------------------------------------- a value that says an env variable fills it

_DEPLOY_VALUES = """\
assistant:
  initialUser:
    username: "set_as_environment_variable-ASSISTANT_ADMIN_USER"
    password: "set_as_environment_variable-ASSISTANT_ADMIN_PASSWORD"
broker:
  password: "set-via-env"
cache:
  password: "{password}"
"""


@pytest.mark.parametrize(
    "value",
    [
        "set_as_environment_variable-ASSISTANT_ADMIN_PASSWORD",
        "set-via-env",
        "provided by env var DB_PASS",
        "read_from_environment_variable:BROKER_SECRET",
    ],
)
def test_a_value_naming_the_environment_variable_that_fills_it_is_a_placeholder(value: str) -> None:
    assert classify_value(value, "password") is ValueClass.PLACEHOLDER


def test_deployment_values_filled_from_the_environment_are_no_secrets(detectors: DetectorSet) -> None:
    text = _DEPLOY_VALUES.format(password=_REAL_PASSWORD)
    scan = scan_bytes("deploy/values.yml", text.encode(), detectors, fingerprint_key="t")
    # Only the chosen password is reported.
    assert [(s.location.line, s.location.key) for s in scan.secrets] == [(8, "cache.password")]
    # Words around a real value do not make it a placeholder.
    assert classify_value("setas-env-" + _REAL_PASSWORD, "password") is ValueClass.SECRET_CANDIDATE
