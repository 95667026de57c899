"""Key-name semantics (auditor.extract.keynames): which names say their value is a credential."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.keynames import is_password_key, is_secret_key, key_tokens


@pytest.mark.parametrize(
    "key",
    [
        # A .NET assembly's public key token (the last 8 bytes of the SHA-1 of its signing public key),
        # written into every strong-named reference of a .csproj, Web.config or .resx.
        "PublicKeyToken",
        "publicKeyToken",
        "public_key_token",
        "assemblyIdentity.publicKeyToken",
        # Other halves meant to be published.
        "publicKey",
        "SERVER_PUBLIC_KEY",
        "publicKeySecret",
    ],
)
def test_public_key_names_are_not_secret_names(key: str) -> None:
    assert not is_secret_key(key)


@pytest.mark.parametrize("key", ["privateKeyToken", "PUBLISH_TOKEN", "signing_key", "publicationApiKey"])
def test_names_near_public_key_stay_secret_names(key: str) -> None:
    assert is_secret_key(key)


def test_assembly_public_key_token_is_no_finding() -> None:
    ds = DetectorSet.load()
    line = (
        '<Reference Include="Acme.Widgets, Version=2.1.0.0, Culture=neutral, '
        'PublicKeyToken=5d1f07c3a9e2b486, processorArchitecture=MSIL" />\n'
        '<assemblyIdentity name="Acme.Widgets" publicKeyToken="5d1f07c3a9e2b486" culture="neutral" />\n'
    )
    assert ds.scan_text(line) == []
    # The same value under a token's own name is still found.
    assert ds.scan_text('<add key="AcmeAuthToken" value="5d1f07c3a9e2b4867c0e" />\n')


def test_password_key_unchanged() -> None:
    assert is_password_key("MicrosoftAppPassword")


@pytest.mark.parametrize(
    "key",
    [
        # Boolean flags about a credential: whether one is needed, shown, hidden, there.
        "isApiKeyRequired",
        "isCredential",
        "has_new_refresh_token",
        "hasToken",
        "shouldRefreshToken",
        "showPassword",
        "hidePassword",
        "isMultilinePassword",
        "IS_SECRET",
    ],
)
def test_boolean_flag_names_are_not_credential_holders(key: str) -> None:
    assert not is_secret_key(key)
    assert not is_password_key(key)


@pytest.mark.parametrize("key", ["issuerSecret", "hashiToken", "showroomPassword", "shellToken", "isvApiKey"])
def test_words_starting_like_a_flag_stay_credential_holders(key: str) -> None:
    assert is_secret_key(key)


def test_the_acronym_split_is_linear_and_splits_as_before() -> None:
    # `([A-Z]+)([A-Z][a-z])` retried a run of capitals at every offset (a 16,000-capital JSON key: 14 s);
    # the zero-width split is proved linear and gives the same words.
    import re

    from hypothesis import given
    from hypothesis import strategies as st

    from auditor.extract.keynames import CAMEL_1, CAMEL_2
    from auditor.extract.regexcheck import check_linear

    check_linear(CAMEL_2.pattern)
    old = re.compile(r"([A-Z]+)([A-Z][a-z])")

    @given(st.text(alphabet="AbCdEFxyZ_1.", max_size=24))
    def same(key: str) -> None:
        once = CAMEL_1.sub(r"\1_\2", key)
        assert CAMEL_2.sub("_", once) == old.sub(r"\1_\2", once)

    same()
    assert key_tokens("HTTPServerURLToken") == ("http", "server", "url", "token")
