"""The scrypt tier's two implementations (libsodium through PyNaCl, OpenSSL through hashlib) give the same
bytes, so a fingerprint never depends on which one a machine has, and the scan falls back to hashlib when
PyNaCl cannot be imported."""

from __future__ import annotations

import hashlib
import hmac
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor import redact
from tests.test_fingerprint_tiers import _xoxb

KEY = "test-key-for-scrypt-backends-0123456789"


def _sodium() -> object:
    # PyNaCl is a runtime dependency: its absence is a broken install, not a reason to skip.
    from nacl.bindings import crypto_pwhash_scryptsalsa208sha256_ll

    return crypto_pwhash_scryptsalsa208sha256_ll


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty derivation cache and no implementation chosen yet, restored afterwards."""
    monkeypatch.setattr(redact, "_cache", {})
    monkeypatch.setattr(redact, "_scrypt_impl", None)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), salt=st.binary(min_size=1, max_size=64))
def test_libsodium_and_openssl_derive_the_same_bytes(data: bytes, salt: bytes) -> None:
    sodium = _sodium()
    ours = bytes(
        sodium(  # type: ignore[operator]
            data, salt, redact.SCRYPT_N, redact.SCRYPT_R, redact.SCRYPT_P, dklen=8, maxmem=64 << 20
        )
    )
    assert ours == redact._openssl_scrypt(data, salt)


@pytest.mark.parametrize(
    "value",
    ["", "Summer2024!", "p" * 5000, "pässwörd-ü-€", "\ud800lone-surrogate", "\x00nul\x00"],
    ids=["empty", "short", "long", "non-ascii", "surrogate", "nul"],
)
def test_the_scan_uses_libsodium_and_its_fingerprint_is_the_written_out_derivation(
    fresh: None, value: str
) -> None:
    got = redact.scrypt_fingerprint("password", value, KEY)
    assert redact._scrypt_impl is not redact._openssl_scrypt  # libsodium was chosen
    # The scheme's derivation written out with hashlib: scrypt over the value, salt HMAC(key, v2 + kind).
    salt = hmac.new(KEY.encode(), b"botaudit-fingerprint-v2\x00password", hashlib.sha256).digest()
    data = value.encode("utf-8", "surrogatepass")
    assert got == hashlib.scrypt(data, salt=salt, n=1 << 13, r=8, p=1, maxmem=64 << 20, dklen=8).hex()


def test_without_pynacl_the_scan_falls_back_to_hashlib_with_the_same_fingerprints(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_sodium = redact.scrypt_fingerprint("database_password", "correct horse battery", KEY)
    monkeypatch.setattr(redact, "_cache", {})
    monkeypatch.setattr(redact, "_scrypt_impl", None)
    monkeypatch.setitem(sys.modules, "nacl.bindings", None)  # `from nacl.bindings import ...` fails
    without = redact.scrypt_fingerprint("database_password", "correct horse battery", KEY)
    assert redact._scrypt_impl is redact._openssl_scrypt
    assert without == with_sodium


def test_the_implementation_is_loaded_on_the_first_derivation_only(fresh: None) -> None:
    # An issued token takes the HMAC tier: nothing memory-hard is derived and nothing is loaded.
    token = _xoxb()
    assert redact.fingerprint_tier("slack_bot_token", token) == "issued"
    redact.legacy_aliases(False)
    redact.fingerprint("slack_bot_token", token, KEY)
    assert redact._scrypt_impl is None
    redact.scrypt_fingerprint("password", "one", KEY)
    first = redact._scrypt_impl
    assert first is not None
    redact.scrypt_fingerprint("password", "two", KEY)
    assert redact._scrypt_impl is first
