"""Typed stand-ins inside otherwise well-formed values: filler after a real prefix, counting runs under
a token's key, and sample tokens that spell `example` (filler_share, has_counting_run, classify_value)."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.values import ValueClass, classify_value, filler_share, has_counting_run


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


# ------------------------------------------------------------------------------------------------- filler


@pytest.mark.parametrize(
    "value",
    [
        "sntryu_" + "b" * 64,  # one symbol after the prefix
        "AIza" + "c" * 35,
        "sb_secret_" + "d" * 31,
        "sgp_4444444eBBBBB8888888DdddDEbbbbbbbbbbbbbb",  # several runs, hand-typed
        "GR1348941" + "456" * 7,  # a short unit repeated after a real prefix
        "tok_" + "ab12" * 8,
    ],
)
def test_values_made_mostly_of_filler_are_placeholders(value: str) -> None:
    assert filler_share(value) >= 0.6
    assert classify_value(value) is ValueClass.PLACEHOLDER
    assert classify_value(value, "api_token") is ValueClass.PLACEHOLDER


@pytest.mark.parametrize(
    "value",
    [
        # Runs of an encoding's zero symbol are zero bytes, common in real keys and blobs.
        "AGE-SECRET-KEY-1" + "Q" * 58,
        "MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEAAAAAAAAAAAAAAAAAAAAAAAAA",
        "3a0000000b7f9e2c0000004d1e8a6c530000000f",
        # Random tokens: a run of three now and then, never most of the value.
        "ghp_Vq3Lm8RrrT2kZpW9xNa4bCdE7fGhJ1sKu0y",
        "xoxb-2748193650-5820194736152-Kp7qWzR3mYt8VnB2cXe4Lh9s",
        "9c4e1f0b7a2d83e65f1c0b9a7d2e4f61aa3b",
    ],
)
def test_zero_symbol_runs_and_random_tokens_are_not_filler(value: str) -> None:
    assert filler_share(value) < 0.6
    assert classify_value(value) is not ValueClass.PLACEHOLDER


def test_filler_share_bounds() -> None:
    assert filler_share("") == 0.0
    assert filler_share("aaaaaaaaaaa") == 0.0  # under 12 symbols: not judged here (one-symbol rule elsewhere)
    assert filler_share("x" * 40) == 1.0
    assert filler_share("k7" + "m" * 30) == pytest.approx(30 / 32)


def test_filler_finds_sentry_and_google_samples_but_keeps_real_formats(detectors: DetectorSet) -> None:
    filler = "SENTRY_TOKEN=sntryu_" + "e" * 64 + "\nGOOGLE_KEY=AIza" + "f" * 35 + "\n"
    assert detectors.scan_text(filler) == []
    real = "SENTRY_TOKEN=sntryu_" + "3f9c0b7e1a2d4c6b8e0f1a3c5e7d9b2a" * 2 + "\n"
    assert [h.kind for h in detectors.scan_text(real)] == ["sentry_user_token"]


# ----------------------------------------------------------------------------------------- counting runs


@pytest.mark.parametrize(
    "value",
    [
        "12345678",
        "xx23456789yy",
        "cdefghij",
        "Q7KLMNOPQRz",
        "AbCdEfGhIj",
    ],
)
def test_counting_runs(value: str) -> None:
    assert has_counting_run(value)


@pytest.mark.parametrize("value", ["1234567", "abcdefg", "1234-5678", "13579bdf", "9876543210"])
def test_not_counting_runs(value: str) -> None:
    assert not has_counting_run(value)


@pytest.mark.parametrize(
    "value",
    [
        "ess_bcd234efg567hij890klm123nop456qrstuvwx",
        "dapi234567890123456789b8cd",
        "b2c3d4e5-f6a7-4890-bcde-f12345678901",
        "endr-baz2345678901xyz",
    ],
)
@pytest.mark.parametrize("key", ["elastic_token", "API_KEY", "client_secret", "access_token"])
def test_counting_runs_under_a_token_key_are_placeholders(key: str, value: str) -> None:
    assert classify_value(value, key) is ValueClass.PLACEHOLDER


@pytest.mark.parametrize("value", ["Summer12345678", "Tr0ub4dor&12345678", "hockeyabcdefgh7"])
@pytest.mark.parametrize("key", ["password", "DB_PASSWORD", "passphrase"])
def test_people_type_counting_runs_into_real_passwords(key: str, value: str) -> None:
    assert classify_value(value, key) is ValueClass.SECRET_CANDIDATE


def test_counting_run_rule_is_for_key_name_findings_only(detectors: DetectorSet) -> None:
    # A generic key-name match needs the value to look issued; a provider's own format is evidence enough.
    typed_generic = 'elastic_token = "ess_bcd234efg567hij890klm123nop456qrstuvwx"\n'
    assert detectors.scan_text(typed_generic) == []
    random_generic = 'elastic_token = "ess_Kp7qWzR3mYt8VnB2cXe4Lh9sQ0aF"\n'
    assert detectors.scan_text(random_generic) != []
    password = 'DB_PASSWORD = "Summer12345678"\n'
    assert [h.kind for h in detectors.scan_text(password)] == ["password"]


# ------------------------------------------------------------------------------------------ sample tokens


@pytest.mark.parametrize(
    "value",
    [
        "sk_live_c2FtcGxlX2tleQexampleexampleexampleexample",
        "00DQ0X0B0N0QeMF!AQcAQJ1eNIEXAMPLEanqlc69vsGSlhfCHtyL4RXxZNgBcVffH8d2",
        "tok_9f3a2Example7c1d0b4e8a6f2c9d",
    ],
)
def test_tokens_that_spell_example_are_documented_samples(value: str) -> None:
    assert classify_value(value) is ValueClass.EXAMPLE
    assert classify_value(value, "access_token") is ValueClass.EXAMPLE


@pytest.mark.parametrize("value", ["example-bot", "examples/agent.yaml", "my example token 12345678901234"])
def test_names_and_prose_holding_example_are_not_sample_tokens(value: str) -> None:
    assert classify_value(value) is not ValueClass.EXAMPLE


def test_tokens_carrying_the_jwt_io_sample_signature_are_the_sample(detectors: DetectorSet) -> None:
    sample_signature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    payload = "eyJzdWIiOiJib3QtN2sifQ"
    for header in ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ", "eyJhbxyzGciOiJIUzqwI1NiIsInR5cCI6Ikp"):
        token = f"{header}.{payload}.{sample_signature}"
        assert classify_value(token) is ValueClass.EXAMPLE
    # Another signature over the same parts is a token someone signed: reported.
    signed = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QtN2sifQ.BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY"
    assert classify_value(signed) is not ValueClass.EXAMPLE
    assert [h.kind for h in detectors.scan_text(f"auth: {signed}")] == ["jwt"]


# --------------------------------------------------------------------------------- anonymous FTP accounts


@pytest.mark.parametrize(
    "text",
    [
        'server->user = "anonymous";\nserver->password = "busybox@";\n',
        "ftp_user: ftp\nftp_password: guest@\n",
        'USERNAME="anonymous"\nmode="passive"\nPASSWORD="nobody@mirror.test"\n',
    ],
)
def test_the_anonymous_accounts_password_is_no_secret(detectors: DetectorSet, text: str) -> None:
    assert detectors.scan_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'server->user = "admin";\nserver->password = "Kq9vLm2Tz8";\n',
        'user = "anonymous"\n\n\n\npassword = "Kq9vLm2Tz8"\n',  # too far above to be this login's user
        'anonymous_user = "bot"\npassword = "Kq9vLm2Tz8"\n',
        'user = "anonymousbot"\npassword = "Kq9vLm2Tz8"\n',
    ],
)
def test_other_accounts_passwords_stay_reported(detectors: DetectorSet, text: str) -> None:
    assert [h.kind for h in detectors.scan_text(text)] == ["password"]


# ------------------------------------------------------------------------- counting by turns (counts_apart)


@pytest.mark.parametrize(
    "value",
    [
        "qrs123tuv456wxy789zab012",  # letters qrstuvwxy..., digits 123456789012
        "m1N2o3P4q5R6s7T8u9V0",  # one letter, one digit, by turns, both cases
        "tok_Xp4Wq7Zk2Rt5bC4dE5fG6hI7jK8lM9nO0pQ1",  # random head, typed tail: bcdefghi…, 45678901
    ],
)
def test_counting_by_turns(value: str) -> None:
    assert has_counting_run(value)


@pytest.mark.parametrize(
    "value",
    [
        "m9N8o7P6q5R4s3T2u1V0",  # letters count, digits count down
        "mQnWoEpRqTrYsUtIuOvP1357",  # letters count, digits do not
        "Zq1234Kx5678Wm90",  # digits count, letters do not
        "h7Kq2WmZ9xR4tLc8Vb3Ns6Fy1Gj5Pd0Ae",  # random
        "5e8c1d2b4f6a7c9e0b3d5f7a9c1e2b4d6f8a0c3e",  # hex cannot count eight letters
    ],
)
def test_not_counting_by_turns(value: str) -> None:
    assert not has_counting_run(value)


def test_counting_by_turns_is_linear_on_long_values() -> None:
    # No quadratic step: a long value is read in a few passes (not timed here; a bad implementation would
    # still finish, so only the verdicts are asserted).
    assert has_counting_run("x" * 100_000 + "a1b2c3d4e5f6g7h8i9")
    assert not has_counting_run("aZ9" * 40_000)


@pytest.mark.parametrize("key", ["access_token", "api_secret", "ACME_API_KEY", "client_secret"])
def test_counting_by_turns_under_a_token_key_is_a_placeholder(key: str) -> None:
    assert classify_value("ZWV_abc123def456ghi789jkl012mno345", key) is ValueClass.PLACEHOLDER
    assert classify_value("ZWV_a7Kq2Wm9xR4tLc8Vb3Ns6Fy1Gj5Pd0", key) is ValueClass.SECRET_CANDIDATE


def test_counting_by_turns_in_a_password_is_the_password(detectors: DetectorSet) -> None:
    # People type such sequences into passwords they use: only values under a token's name are judged so.
    assert classify_value("abc123def456ghi789jkl012", "DB_PASSWORD") is ValueClass.SECRET_CANDIDATE


def test_counting_by_turns_is_for_key_name_findings_only(detectors: DetectorSet) -> None:
    typed = 'zwv_api_token = "qrs123tuv456wxy789zab012cde345"\n'
    assert detectors.scan_text(typed) == []
    issued = 'zwv_api_token = "Wq7Zk2Rt5Hn8Jm3Xp6Lc9Vb4Ns1Fy0Gd"\n'
    assert detectors.scan_text(issued) != []
