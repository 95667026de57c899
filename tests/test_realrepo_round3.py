"""Real-repository precision, third round (issue 12): shapes found in public bot-framework, agent-framework,
Vault, Terraform and Agentforce repositories, each written here in our own words with made-up values.

Each case holds a real-looking counterpart that must still be reported, so a rule that swallowed every
value would fail."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes
from auditor.extract.keynames import is_secret_key
from auditor.extract.values import ValueClass, classify_value


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _kinds(detectors: DetectorSet, text: str) -> list[str]:
    return [h.kind for h in detectors.scan_text(text)]


# Made up for these tests: passwords a person might choose, and a token of random characters.
_REAL_PASSWORD = "Quillon-84&vetch"
_REAL_TOKEN = "q7RzV0eKp3Lx9WmT2bNc8YsHd"


# ---------------------------------------------------------------------------- percent-encoded URL passwords


def test_a_percent_encoded_placeholder_in_a_connection_url_is_no_secret(detectors: DetectorSet) -> None:
    # `<password>` percent-encoded, as a URL builder writes a template's angle brackets.
    assert _kinds(detectors, 'export DSN="postgresql://app:%3Cdb-password%3E@db.internal:5432/app"\n') == []
    assert classify_value("your%20db%20password", "password") is ValueClass.PLACEHOLDER
    # A chosen password with an encoded symbol is still one, and so is a weak one a person really sets.
    assert _kinds(detectors, 'export DSN="postgresql://app:Quillon%2184vetch@db.internal:5432/app"\n')
    assert classify_value("Quillon%2184vetch", "password") is ValueClass.SECRET_CANDIDATE
    assert classify_value("W1nter%402031", "password") is ValueClass.SECRET_CANDIDATE


# ------------------------------------------------------------- a word of the key path, a JVM system property


def test_the_products_name_from_a_dotted_property_is_its_default_password(detectors: DetectorSet) -> None:
    text = 'docker run -e JAVA_OPTS="-Dgraphstore.server.rootPassword=graphstore" graphstore/server\n'
    assert _kinds(detectors, text) == []
    assert classify_value("graphstore", "graphstore.server.rootPassword") is ValueClass.PLACEHOLDER
    chosen = 'docker run -e JAVA_OPTS="-Dgraphstore.server.rootPassword=Quillon84vetch" graphstore/server\n'
    assert _kinds(detectors, chosen)


# ---------------------------------------------------------------------------- placeholders in other shapes


def test_a_placeholder_phrase_may_hold_a_product_name_with_digits() -> None:
    for value in ("your-k8s-api-token", "your_m365_client_secret", "YOUR-B2C-API-KEY"):
        assert classify_value(value, "API_KEY") is ValueClass.PLACEHOLDER, value
    # Random characters after `your` are no phrase.
    assert classify_value("yourK9x2Lm0Qp7Rv3Ts8Wn", "API_KEY") is ValueClass.SECRET_CANDIDATE


def test_a_list_of_constant_names_is_the_fields_choices() -> None:
    assert classify_value("API_KEY/IAM_TOKEN/USERNAME:PASSWORD", "apiKey") is ValueClass.PLACEHOLDER
    assert classify_value("BOT_TOKEN|APP_TOKEN", "token") is ValueClass.PLACEHOLDER
    assert classify_value(_REAL_TOKEN, "apiKey") is ValueClass.SECRET_CANDIDATE


def test_a_comment_where_the_value_goes_says_what_to_put_there(detectors: DetectorSet) -> None:
    assert _kinds(detectors, "CHAT_ADMIN_PASSWORD=#password\n") == []
    assert classify_value("#your-admin-password", "password") is ValueClass.PLACEHOLDER
    assert classify_value("#" + _REAL_PASSWORD, "password") is ValueClass.SECRET_CANDIDATE


def test_a_sample_key_with_each_symbol_typed_twice_is_a_stand_in(detectors: DetectorSet) -> None:
    assert _kinds(detectors, "{'SESSION_TOKEN': '0011223344556677889900aabbccddeeff'}\n") == []
    assert classify_value("aabbccddeeffgghh", "api_token") is ValueClass.PLACEHOLDER
    assert classify_value("3fa0c91be27d4d5a8c6e01f9b7a2d4c6", "api_token") is ValueClass.SECRET_CANDIDATE


def test_a_class_name_is_no_provider_token(detectors: DetectorSet) -> None:
    # A provider format of 32 letters and digits, next to a model table's class name of 32 letters.
    assert classify_value("PanopticForSemanticSegmentation") is ValueClass.CODE
    assert _kinds(detectors, 'SEGMENT_MODELS = {"panoptic": "PanopticForSemanticSegmentation"}\n') == []
    assert classify_value(_REAL_TOKEN + "x4Jq9mZ") is not ValueClass.CODE


def test_a_member_access_opening_an_expression_is_code() -> None:
    assert classify_value("opts.credentials||", "credentials") is ValueClass.BENIGN
    assert classify_value("req.token??", "token") is ValueClass.BENIGN


# ------------------------------------------------------------------------- tokens that are no credentials


@pytest.mark.parametrize(
    "key", ["stylesheetToken", "c.stylesheetToken", "legacyStylesheetToken", "csrfToken", "XSRF_TOKEN"]
)
def test_style_and_anti_forgery_tokens_are_no_credentials(key: str) -> None:
    assert not is_secret_key(key)


def test_compiled_component_style_tokens_are_not_reported(detectors: DetectorSet) -> None:
    bundle = 'v.renderMode="light",v.stylesheets=[],v.stylesheetToken="lwc-3kq8x0ma7vd";\n'
    assert _kinds(detectors, bundle) == []
    assert is_secret_key("sessionToken") and is_secret_key("bot_token")


# ------------------------------------------------------------- a connector's credentials as name/value pairs


def test_a_secret_held_beside_its_parameter_name_is_found(detectors: DetectorSet) -> None:
    doc = (
        '{"components": [{"type": "DataConnection", "config": {"name": "Lake", "newCredentials": [\n'
        '  {"paramName": "authenticationOption", "value": "accessKeyAndSecret"},\n'
        '  {"paramName": "accessSecret", "value": "tG4mR8vLq2Zx0Pw7Kc3Nb9Hs5Yd1Fj6Ae4Ui8Oo2"},\n'
        '  {"paramName": "region", "value": "eu-west-1"}\n'
        "]}}]}\n"
    )
    scan = scan_bytes("config/lake-credentials.json", doc.encode(), detectors, fingerprint_key="t")
    assert [(m.location.line, m.location.key) for m in scan.secrets] == [
        (3, "components[0].config.newCredentials[1].value")
    ]
    # A placeholder beside the same name is not.
    quiet = doc.replace("tG4mR8vLq2Zx0Pw7Kc3Nb9Hs5Yd1Fj6Ae4Ui8Oo2", "<your-access-secret>")
    quiet_scan = scan_bytes("config/lake-credentials.json", quiet.encode(), detectors, fingerprint_key="t")
    assert quiet_scan.secrets == ()
