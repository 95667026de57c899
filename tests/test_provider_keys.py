"""Precision rules for values under provider-named keys, provider keywords inside other words, negative
samples in test code, time-based UUIDs and malformed JWTs (issue 12). Fake values only."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.prefixes import (
    ProviderKeys,
    names_word,
    provider_words,
    secret_literal,
    secret_width,
)
from auditor.extract.values import is_secret_key
from auditor.model import Confidence

DEEPSEEK_OK = "sk-ab58964a2ea474c6568e41be1cf77954"  # sk- + 32 hex: DeepSeek's documented shape
DEEPSEEK_SHORT = "sk-59373a892ae5041ab744e9"  # the same shape, 22 hex
STABILITY_OK = "sk-Lt209P3yhQ9rrqLBJlb4nOkqYkcqLe1MV1JzZddjGYXBsFkk"  # sk- + 48 alphanumerics
OKTA_OK = "00Ozt4uGyUrSG3Zzf2c7uW4yHbkys8FyDTIV426TWy"
HIGH_ENTROPY_64 = "DoGyXxW9VLsdw0qdHFlSCSkz4v3AywXpVQEsvUGFxuXlrhTSre899s4PBXnhTGwv"


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _hits(detectors: DetectorSet, text: str) -> list[tuple[str, Confidence, str]]:
    return [(h.detector.id, h.confidence, h.reason) for h in detectors.scan_text(text)]


# -- a provider's own prefix under the provider's key ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"deepseek_key = {DEEPSEEK_SHORT}",
        f'DEEPSEEK_API_KEY: "{DEEPSEEK_SHORT}"',
        f"stability_key = {STABILITY_OK[:30]}",
        "BRAVE_SEARCH_API_KEY=BSAq2Wk9xLm4Tz",
    ],
)
def test_value_with_the_providers_prefix_too_short_for_its_format_is_not_reported(
    detectors: DetectorSet, text: str
) -> None:
    assert _hits(detectors, text) == []


def test_providers_prefix_with_a_wrong_alphabet_is_low_confidence(
    detectors: DetectorSet,
) -> None:
    # `sk-` + 32 characters, but DeepSeek keys are lowercase hex: reported, not gating, with the reason.
    hits = _hits(detectors, "deepseek_key = sk-QPWTFuLUedsaZaP75SzvGfkD5Xq0Rm1W")
    assert [(c, r) for _, c, r in hits] == [
        (Confidence.LOW, "has the deepseek-api-key prefix under its key but fails its format")
    ]


def test_provider_format_found_and_other_values_judged_as_before(
    detectors: DetectorSet,
) -> None:
    assert [d for d, _, _ in _hits(detectors, f"deepseek_key = {DEEPSEEK_OK}")] == ["deepseek-api-key"]
    # No `sk-`: the key alone does not prove which of the provider's values this is (an id, another kind of
    # key), so the generic rule judges it as before.
    assert [(d, c) for d, c, _ in _hits(detectors, "DEEPSEEK_API_KEY=QPWTF_uLUedsaZaP75SzvG_fkD5")] == [
        ("generic-api-key", Confidence.MEDIUM)
    ]


def test_structured_values_agree(detectors: DetectorSet) -> None:
    assert detectors.scan_value("deepseek_api_key", DEEPSEEK_SHORT) == []
    [hit] = detectors.scan_value("deepseek_api_key", DEEPSEEK_OK)
    assert hit.detector.id == "deepseek-api-key"


def test_provider_keys_come_from_the_detectors(detectors: DetectorSet) -> None:
    keys = ProviderKeys(detectors.detectors)
    assert [d.id for d in keys.claims("DEEPSEEK_API_KEY")] == ["deepseek-api-key"]
    assert [d.id for d in keys.claims("myDeepseekKey")] == ["deepseek-api-key"]
    # The detector's own key pattern decides: an id or URL under the provider's name is not its key.
    assert keys.claims("DEEPSEEK_CLIENT_ID") == ()
    assert keys.claims("API_KEY") == ()
    assert keys.judge(None, DEEPSEEK_SHORT) is None
    verdict = keys.judge("deepseek_key", DEEPSEEK_SHORT)
    assert verdict is not None and verdict.truncated and verdict.detector.id == "deepseek-api-key"


def test_provider_words_leave_credential_words_out() -> None:
    assert provider_words(["deepseek", "eleven_labs", "xi_api_key", "gh_token", "aws", "secret=", "q~"]) == (
        "deepseek",
        "eleven_labs",
    )


def test_secret_group_shape() -> None:
    pattern = r"(?i)(?:acme)[\w.-]{0,8}\s*=\s*(?-i:(?P<secret>ak-[a-f0-9]{32}))"
    assert secret_literal(pattern) == "ak-"
    assert secret_width(pattern) == (35, 35)
    assert secret_literal(r"(?P<secret>[a-f0-9]{40})") == ""
    assert secret_width(r"no secret group") == (0, 0)


# -- a provider keyword inside another word ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "word", "named"),
    [
        ("OKTA_TOKEN", "okta", True),
        ("oktaToken", "okta", True),
        ("myOktaToken", "okta", True),
        ("OKTAAPITOKEN", "okta", True),  # the start of one run-together word
        ("GitHubToken", "github", True),  # a brand's own capital does not split it
        ("sumologic_key", "sumo", True),
        ("rookTable", "okta", False),  # o-k inside `rook`, t-a inside `Table`
        ("brookTable", "okta", False),
        ("sumOfExposures", "sumo", False),  # `sum` and the first letter of `Of`
        ("MYOKTATOKEN", "okta", False),  # inside an all-caps run: undecidable, not claimed
    ],
)
def test_names_word(key: str, word: str, named: bool) -> None:
    assert names_word(key, word) is named


def test_keyword_inside_another_word_is_not_the_providers_key(detectors: DetectorSet) -> None:
    assert _hits(detectors, f"brookTable = {OKTA_OK}") == []
    assert [d for d, _, _ in _hits(detectors, f"okta_api_token = {OKTA_OK}")] == ["okta-api-token"]
    assert _hits(detectors, f"sumOfSquares = {HIGH_ENTROPY_64};") == []


# -- negative samples in test code ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    ["nonMatchingToken", "invalid_token", "BAD_PASSWORD", "wrongSecret", "malformed_api_key", "notRealToken"],
)
def test_keys_naming_a_negative_sample_are_not_credentials(key: str) -> None:
    assert not is_secret_key(key)


@pytest.mark.parametrize("key", ["badge_token", "invalidation_secret", "matching_token", "non_prod_token"])
def test_similar_words_still_name_credentials(key: str) -> None:
    assert is_secret_key(key)


def test_negative_sample_in_go_test_is_not_reported(detectors: DetectorSet) -> None:
    assert _hits(detectors, 'nonMatchingToken := "xq_pt_7kd93mwq2z"') == []


# -- time-based UUIDs and malformed JWTs: reported, not gating --------------------------------------------


def test_time_based_uuid_under_a_token_key_is_low_confidence(detectors: DetectorSet) -> None:
    for text in (
        "//registry.npmjs.org/:_authToken=5d0ef0a8-1c3e-11ef-8b1a-0242ac110002",
        "CONSUL_HTTP_TOKEN=5d0ef0a8-1c3e-11ef-8b1a-0242ac110002",
    ):
        hits = _hits(detectors, text)
        assert hits and all(c is Confidence.LOW and "time-based" in r for _, c, r in hits), text
    # A random (v4) UUID stays a confident token.
    hits = _hits(detectors, "//registry.npmjs.org/:_authToken=c7d1a96e-52b3-4f08-a6e4-9b20fd73c815")
    assert hits and all(c is not Confidence.LOW for _, c, _ in hits)


def test_jwt_confidence_follows_its_structure(detectors: DetectorSet) -> None:
    good = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QtN2sifQ.BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY"
    assert _hits(detectors, f"auth: {good}") == [("jwt", Confidence.HIGH, "jwt check verifies")]
    typed_header = "eyJhbGciOiJIUzI1NiIsEnR5cCI6IkpXVCJ9." + good.split(".", 1)[1]
    edited_signature = good[:-1] + "Z"
    for bad in (typed_header, edited_signature):
        [(det_id, conf, reason)] = _hits(detectors, f"auth: {bad}")
        assert (det_id, conf) == ("jwt", Confidence.LOW) and "check fails" in reason


# -- documented samples, placeholders in curl, program identifiers, URLs built from a variable ------------


def test_nuget_reference_sample_passwords_are_documented_examples() -> None:
    from auditor.extract.values import ValueClass, classify_value

    for sample in ("33f!!lloppa", "hal+9ooo_da!sY"):
        assert classify_value(sample, "ClearTextPassword") is ValueClass.EXAMPLE
    assert classify_value("Tq7!mZp2#vRk", "ClearTextPassword") is ValueClass.SECRET_CANDIDATE


def test_curl_user_placeholder_in_angle_brackets_is_not_reported(detectors: DetectorSet) -> None:
    assert _hits(detectors, "curl -u <login:secret> https://api.test/v1") == []
    assert [d for d, _, _ in _hits(detectors, "curl -u bot:Rq8vLm2Tz9Kw https://api.test/v1")] == [
        "curl-basic-auth"
    ]


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("listIssuesFromJiraProject", None),
        ("fetchUserProfileWithRoles", "api_token"),
        ("renderPageWithLayout", None),
    ],
)
def test_lower_camel_case_identifiers_are_code(value: str, key: str | None) -> None:
    from auditor.extract.values import ValueClass, classify_value

    assert classify_value(value, key) is ValueClass.CODE


def test_camel_case_passphrase_under_a_password_key_is_still_a_password() -> None:
    from auditor.extract.values import ValueClass, classify_value

    assert classify_value("purpleMonkeyDishwasher", "db_password") is ValueClass.SECRET_CANDIDATE
    # Digits, or two-letter words (`In`, `By`: a random token takes that looser shape too often): judged as
    # before.
    assert classify_value("kQ7mTr2xLpW9vZ4nBc8sHd5f", "api_key") is ValueClass.SECRET_CANDIDATE


def test_provider_format_matching_a_method_name_is_not_reported(detectors: DetectorSet) -> None:
    # A comma-separated list of code names after a provider's name: the 24 letters fit the legacy
    # Atlassian token's shape only by accident.
    assert _hits(detectors, "jira_tools = listIssuesFromJiraProject,fetchIssueCommentsForKey") == []


def test_url_built_from_a_variable_is_not_a_password(detectors: DetectorSet) -> None:
    assert _hits(detectors, "SIGNUP_RESET_PASSWORD=$APP_BASE_URL/account/#/reset_password") == []
    # Secret material of its own beside a variable is still judged.
    hits = _hits(detectors, "DB_PASSWORD=$PREFIX-Rq8vLm2Tz9KwXc4bN")
    assert [d for d, _, _ in hits] == ["generic-password"]


def test_anthropic_keys_end_as_issued(detectors: DetectorSet) -> None:
    body = (
        "Hq3xN8vLm2Tz9Kw4bRc7Ys1Pd6Gf0Ja5Ue8Wi2Ok4Ql7Zn3Xm9Vb1Ct6Sr0Ey5"
        "Dh2Fg8Jk4Lp7Qa1Zs3Wx9Ec6Rv2Tb5Yn8Um0Io4Pl"
    )
    assert [d for d, _, _ in _hits(detectors, f"sk-ant-api03-{body}AA")] == ["anthropic-api-key"]
    assert _hits(detectors, f"sk-ant-api03-{body}BQ") == []


def test_hex_of_another_length_under_a_hex_format_key(detectors: DetectorSet) -> None:
    # Gitea tokens are 40 hex characters: 32 under GITEA_TOKEN is a cut copy, 44 a padded one.
    assert _hits(detectors, "GITEA_TOKEN=ab58964a2ea474c6568e41be1cf77954") == []
    hits = _hits(detectors, "GITEA_TOKEN=ab58964a2ea474c6568e41be1cf77954ab58964a2ea4")
    assert [(c, r) for _, c, r in hits] == [
        (Confidence.LOW, "is under a key for gitea-token but fails its format")
    ]
    assert [d for d, _, _ in _hits(detectors, "GITEA_TOKEN=ab58964a2ea474c6568e41be1cf77954e41be1cf")] == [
        "gitea-token"
    ]
    # Digits only, or another alphabet: one of the provider's other values (an id, another key), judged as
    # before.
    assert [d for d, _, _ in _hits(detectors, "GITEA_TOKEN=Lt209P3yhQ9rrqLBJlb4nOkq")] == ["generic-token"]


# -- round 5: alternatives of a format, a colon in a token's own prefix -----------------------------------


def test_format_shapes_follow_each_alternative() -> None:
    from auditor.extract.prefixes import format_shapes

    shapes = format_shapes(r"(?i)acme\s*=\s*(?-i:(?P<secret>(?:ak_[a-f0-9]{40}|[a-f0-9]{24})))")
    assert [(s.literal, s.min_len) for s in shapes] == [("ak_", 43), ("", 24)]
    assert [(s.literal, s.min_len) for s in format_shapes(r"(?P<secret>tk-[A-Z]{10,12})")] == [("tk-", 13)]
    assert format_shapes("no secret group") == ()


def test_value_with_one_alternatives_prefix_too_short_for_it_is_not_reported(detectors: DetectorSet) -> None:
    # ElevenLabs keys are `sk_` + 48 hex, or 32 bare hex (older ones): `sk_` + 32 hex is neither, and the
    # `sk_` says which one it was cut from.
    assert _hits(detectors, "elevenlabs_key = sk_5e0c7d2b9a14f6083e1d5c7a92b4f0e6") == []
    assert [d for d, _, _ in _hits(detectors, "elevenlabs_key = 5e0c7d2b9a14f6083e1d5c7a92b4f0e6")] == [
        "elevenlabs-api-key"
    ]
    full = "sk_5e0c7d2b9a14f6083e1d5c7a92b4f0e6b83a5d1c07e4f926"
    assert [d for d, _, _ in _hits(detectors, f"elevenlabs_key = {full}")] == ["elevenlabs-api-key"]
    # Without the provider's name the key-name rule judges the same short value as before.
    assert [d for d, _, _ in _hits(detectors, "api_key = sk_5e0c7d2b9a14f6083e1d5c7a92b4f0e6")] == [
        "generic-api-key"
    ]


@pytest.mark.parametrize(
    ("prefix", "distinctive"),
    [("AstraCS:", True), ("https:", False), ("password:", False), ("mongodb+srv:", False), ("Ab:Cd", False)],
)
def test_a_colon_is_distinctive_only_as_a_tokens_own_mark(prefix: str, distinctive: bool) -> None:
    from auditor.extract.prefixes import is_distinctive

    assert is_distinctive(prefix) is distinctive


@pytest.mark.parametrize(
    "text",
    [
        "ASTRA_DB_APPLICATION_TOKEN=AstraCS:cut",
        "ONESIGNAL_API_KEY=os_v2_app_tooshort",
        "UPCLOUD_TOKEN=ucat_01K9ZD",
        'moonshot_api_key = "sk-Vb7kQ2mZr9Lw4Xt8"',
        "BITLY_TOKEN=9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6",
    ],
)
def test_cut_copies_of_documented_formats_are_not_reported(detectors: DetectorSet, text: str) -> None:
    assert _hits(detectors, text) == []


def test_openai_marker_edited_is_a_doctored_sample(detectors: DetectorSet) -> None:
    from auditor.extract.validators import validate

    half = "Hw3nQ8vLm2Tz9Kw4bRc7"
    issued = f"sk-proj-{half}T3BlbkFJ{half[::-1]}"
    edited = f"sk-proj-{half}T4BlbkFJ{half[::-1]}"
    assert validate("openai-marker", issued)
    assert not validate("openai-marker", edited)
    assert not validate("openai-marker", f"sk-{half}X3BlbkFJ{half}")
    # A typed-prefix key without any marker is judged by its shape, as before.
    assert validate("openai-marker", f"sk-svcacct-{half}{half}{half}")
    assert [d for d, _, _ in _hits(detectors, issued)] == ["openai-api-key"]
    assert _hits(detectors, edited) == []
    # Under a credential key the key-name rule reports it, at low confidence, as any prefixed value that fails
    # its provider's format (not gating at the default threshold).
    assert _hits(detectors, f"OPENAI_API_KEY={edited}") == [
        ("generic-api-key", Confidence.LOW, "has the openai-api-key prefix but fails its format/checksum")
    ]
