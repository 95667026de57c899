"""Values that cannot be live credentials although they carry a real format's start: copies cut before the
format's end (a PyPI macaroon without its signature, an Aikido or MiniMax key cut short), values whose own
words say they are meant to fail (`…!short`, `sc_bad.…`, `token-expired`), and publishable keys, which their
provider publishes by design."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from auditor.extract.detectors import DetectorSet
from auditor.extract.validators import is_cut, validate
from auditor.extract.values import ValueClass, classify_value

# Fake values only, made up for these tests.
_UUID = "6f1d2c7e-93ab-4e0f-8a52-0c4b9e7d31f6"
_SIGNATURE = bytes(range(7, 39))  # 32 bytes


def _field(kind: int, data: bytes) -> bytes:
    assert len(data) < 128
    return bytes([kind, len(data)]) + data


def _macaroon(location: bytes = b"pypi.org") -> bytes:
    """A macaroon in the v2 binary layout: header, one caveat, the empty section, the signature."""
    header = _field(1, location) + _field(2, _UUID.encode()) + b"\x00"
    caveat = _field(2, json.dumps({"version": 1, "permissions": "user"}).encode()) + b"\x00"
    return b"\x02" + header + caveat + b"\x00" + _field(6, _SIGNATURE)


def _token(raw: bytes) -> str:
    return "pypi-" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _kinds(detectors: DetectorSet, text: str) -> list[str]:
    return [h.kind for h in detectors.scan_text(text)]


# ------------------------------------------------------------------------------------------ cut macaroons


def test_a_whole_macaroon_is_not_cut() -> None:
    token = _token(_macaroon())
    assert validate("pypi-macaroon", token)
    assert not is_cut("pypi-macaroon", token)


@pytest.mark.parametrize("keep", [40, 60, 90, 120, -1])
def test_a_macaroon_that_stops_before_its_signature_ends_is_cut(keep: int) -> None:
    token = _token(_macaroon())[:keep]
    assert is_cut("pypi-macaroon", token)


def test_a_random_body_after_a_real_header_is_not_a_cut_macaroon() -> None:
    # The header verifies, then no field a macaroon has: a typed or generated sample, judged as before.
    token = "pypi-AgEIcHlwaS5vcmc" + "q7Xk2Lm9Vt4Rb8Nw3Zp6Yc1Hs5Jd0Fg" * 3
    assert validate("pypi-macaroon", token)
    assert not is_cut("pypi-macaroon", token)


def test_is_cut_is_false_for_checks_that_cannot_tell_and_for_garbage() -> None:
    assert not is_cut("base62-crc32", "ghp_abc")
    assert not is_cut("no-such-check", "x")
    assert not is_cut("pypi-macaroon", "pypi-%%%")
    assert not is_cut("pypi-macaroon", "pypi-" + base64.urlsafe_b64encode(b"\x01abc").decode())


def test_a_cut_pypi_token_is_not_reported_alone_or_under_a_key(detectors: DetectorSet) -> None:
    whole = _token(_macaroon())
    assert _kinds(detectors, f"{whole}\n") == ["pypi_upload_token"]
    cut = whole[:100]
    assert _kinds(detectors, f"{cut}\n") == []
    assert _kinds(detectors, f"TWINE_PASSWORD={cut}\n") == []


# -------------------------------------------------------------------------- provider prefixes cut short


@pytest.mark.parametrize(
    ("whole", "kind"),
    [
        ("AIK_SECRET_" + "Vb7Qm2Xr9Lk4Tz8Wn3Pc6Hd1Js5Fg0Ya" * 2, "aikido_client_secret"),
        ("sk-api-" + "Rt5-Kw8_Pm2Zx7Qv4Lb9Nc3Hy6Fd1Gs0" * 4, "minimax_api_key"),
    ],
)
def test_a_prefixed_key_cut_short_under_any_key_is_not_reported(
    detectors: DetectorSet, whole: str, kind: str
) -> None:
    assert _kinds(detectors, f"PROVIDER_CLIENT_SECRET={whole}\n") == [kind]
    cut = whole[: len(whole) // 2]
    assert _kinds(detectors, f"PROVIDER_CLIENT_SECRET={cut}\n") == []
    assert _kinds(detectors, f'provider_api_key = "{cut}"\n') == []


# ------------------------------------------------------------------------------------ words of failure


@pytest.mark.parametrize(
    "value",
    [
        "00Dx0000000Ab1C!short",
        "sc_bad.k3v9.acc-7q2mzr8tx4.Zq8kLm2vR9xPw4TnB7cYh3Jd",
        "tok-expired-4f9c2a7e1b",
        "invalid_api_key_7Hq2Lm9Vt4",
        "Kx8-REVOKED-Pq3Zt6Wm",
        "wrong.secret.value.9f2",
    ],
)
@pytest.mark.parametrize("key", ["access_token", "API_KEY", "client_secret", None])
def test_values_that_say_they_fail_are_placeholders(key: str | None, value: str) -> None:
    assert classify_value(value, key) is ValueClass.PLACEHOLDER


@pytest.mark.parametrize("value", ["Bad-Wolf-1963", "wrong-Horse-7!", "short&Sweet42"])
def test_passwords_may_hold_those_words(value: str) -> None:
    assert classify_value(value, "DB_PASSWORD") is ValueClass.SECRET_CANDIDATE


@pytest.mark.parametrize(
    "value",
    ["Zq8kLm2vR9xPw4TnB7cYh3Jdbad", "badZq8kLm2vR9xPw4TnB7cYh3", "sk_live_4shortcutQ9mX2vL7pK3tR8"],
)
def test_the_words_count_only_between_separators(value: str) -> None:
    assert classify_value(value, "api_token") is ValueClass.SECRET_CANDIDATE


def test_a_failure_fixture_under_a_provider_key_is_not_reported(detectors: DetectorSet) -> None:
    text = (
        "SALESFORCE_ACCESS_TOKEN=00Dx0000000Ab1C!short\nAUTHRESS_KEY=sc_bad.k3v9.acc-7q2mzr8tx4.Zq8kLm2vR9x\n"
    )
    assert _kinds(detectors, text) == []


# ---------------------------------------------------------------------------------- publishable keys

_KEY_ENV = {"BOTAUDIT_FINGERPRINT_KEY": "test-fingerprint-key-0123456789"}


def _ba101_kinds(tmp_path: Path, rel: str, text: str) -> list[str]:
    """The kinds of the BA-101 findings of a tree holding one file, through the CLI's JSON report."""
    from typer.testing import CliRunner

    from auditor.cli import app

    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["scan", str(tmp_path), "--format", "json", "--no-progress", "--fail-on", "none"], env=_KEY_ENV
    )
    assert result.exit_code == 0, result.output
    return [f["kind"] for f in json.loads(result.output)["findings"] if f["rule_id"] == "BA-101"]


def test_a_publishable_key_is_not_a_finding(tmp_path: Path) -> None:
    publishable = "pk_live_" + "Tn4Wq8Zr2Lm6Xv9Kp3Hc7Jd1"
    secret = "sk_live_" + "Rb5Yx2Qm8Vt4Nw7Lc3Pz9Hk6"
    text = f"STRIPE_PUBLISHABLE_KEY={publishable}\nSTRIPE_SECRET_KEY={secret}\n"
    assert _ba101_kinds(tmp_path, "bot/.env", text) == ["stripe_secret_key"]


def test_public_by_design_keys_are_not_findings(tmp_path: Path) -> None:
    # Made up in the documented shapes: PostHog's project key (`phc_` + 43) beside its personal key (`phx_`).
    project = "phc_" + "Tn4Wq8Zr2Lm6Xv9Kp3Hc7Jd1Rb5Yx2Qm8Vt4Nw7Lc3P"
    personal = "phx_" + "Rb5Yx2Qm8Vt4Nw7Lc3Pz9Hk6Tn4Wq8Zr2Lm6Xv9Kp3H"
    text = f'const POSTHOG_API_KEY = "{project}";\nconst POSTHOG_ADMIN = "{personal}";\n'
    assert _ba101_kinds(tmp_path, "bot/telemetry.ts", text) == ["posthog_personal_api_key"]


# ------------------------------------------------------------------------------- mangled UUIDs, Canva


@pytest.mark.parametrize(
    "value",
    [
        "sk_4d7e2a90-1c3b-4f8e-9a6d-5b2c8e0f7a1",  # last group one short
        "4d7e2a90-1c3b-4f8e-9a6d-5b2c8e0f7a13c",  # one long
        "tok-4d7e2a9-1c3b-4f8e-9a6d-5b2c8e0f7a13",  # first group one short
    ],
)
@pytest.mark.parametrize("key", ["CHECKOUT_SECRET_KEY", "access_token", "client_secret"])
def test_a_uuid_with_one_group_cut_or_padded_is_a_placeholder(key: str, value: str) -> None:
    assert classify_value(value, key) is ValueClass.PLACEHOLDER


@pytest.mark.parametrize(
    "value",
    [
        "sk_4d7e2a90-1c3b-4f8e-9a6d-5b2c8e0f7a13",  # a UUID, whole
        "PRD-4d7e2a90-1c3b-4f8e-9a6d-5b2c8e0f",  # another layout (8-4-4-4-8), not a cut UUID
        "4d7e2a-1c3b-4f8e-9a6d-5b2c8e0f7a1",  # two groups off
    ],
)
def test_other_dashed_hex_values_keep_their_judgement(value: str) -> None:
    assert classify_value(value, "api_secret") is ValueClass.SECRET_CANDIDATE


def test_a_password_may_look_like_a_cut_uuid() -> None:
    assert classify_value("4d7e2a90-1c3b-4f8e-9a6d-5b2c8e0f7a1", "password") is ValueClass.SECRET_CANDIDATE


def test_a_canva_secret_cut_short_under_a_canva_key_is_not_reported(detectors: DetectorSet) -> None:
    whole = "cnvca" + "Hq3-Lm8_Wz2Tx6Kp9Rb4Nc7Yd1Vf5Gs0Jh" + "Qe2Uw7Zo4Ia9Mt3Xc"
    assert len(whole) == 56
    assert _kinds(detectors, f"CANVA_CLIENT_SECRET={whole}\n") == ["canva_client_secret"]
    assert _kinds(detectors, f"CANVA_CLIENT_SECRET={whole[:-1]}\n") == []


def test_a_midtrans_client_key_is_not_a_finding_but_its_server_key_is(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from auditor.cli import app

    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / ".env").write_text(
        "MIDTRANS_CLIENT_KEY=SB-Mid-client-Wq7Lm2Xr9Tz4Kp8N\n"
        "MIDTRANS_SERVER_KEY=Mid-server-Hv3Qz8Lm1Xw6Rt9Kb2Yp5Nc7\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["scan", str(tmp_path), "--format", "json", "--no-progress", "--fail-on", "none"], env=_KEY_ENV
    )
    assert result.exit_code == 0, result.output
    kinds = [f["kind"] for f in json.loads(result.output)["findings"] if f["rule_id"] == "BA-101"]
    assert kinds == ["midtrans_server_key"]


# ---------------------------------------------------------------------------------------- sandbox keys


@pytest.mark.parametrize(
    "value",
    [
        "pdl_sdbx_apikey_3kq8zv1m6t0wrx5n2c7yb4hd9p_Qm2Xr9Lk4Tz8Wn3Pc6Hd1J",
        "acme_sandbox_Vb7Qm2Xr9Lk4Tz8Wn3Pc6Hd1Js5Fg0Ya",
        "sbx_key_9f2c7e1a4b8d3f60a5c2e9b7d1f4a803",
        "SBX-4d7e2a90c1b3-4f8e-9a6d-5b2c-8e0f",
        "SB-Mid-server-Hv3Qz8Lm1Xw6Rt9Kb2Yp5Nc7",
    ],
)
@pytest.mark.parametrize("key", ["API_KEY", "client_secret", None])
def test_a_key_that_names_its_sandbox_is_a_sandbox_key(key: str | None, value: str) -> None:
    assert classify_value(value, key) is ValueClass.SANDBOX


@pytest.mark.parametrize(
    "value",
    [
        "sk_test_Rb5Yx2Qm8Vt4Nw7Lc3Pz9Hk6",  # a live account's test mode: still a finding
        "sb_secret_Vb7Qm2Xr9Lk4Tz8Wn3Pc6Hd1Js5",  # Supabase's `sb_` is no sandbox mark
        "Kq3sandboxVz9Lp2Wm8Xr5Tn",  # the word inside a token, not between separators
    ],
)
def test_other_values_are_not_sandbox_keys(value: str) -> None:
    assert classify_value(value, "API_KEY") is not ValueClass.SANDBOX


def test_a_password_may_name_a_sandbox() -> None:
    assert classify_value("sandbox-Admin-2024!", "DB_PASSWORD") is ValueClass.SECRET_CANDIDATE


def test_sandbox_keys_are_not_reported_live_ones_are(detectors: DetectorSet) -> None:
    body = "3kq8zv1m6t0wrx5n2c7yb4hd9p_Qm2Xr9Lk4Tz8Wn3Pc6Hd1J"
    assert _kinds(detectors, f"PADDLE_API_KEY=pdl_live_apikey_{body}\n") == ["paddle_api_key"]
    assert _kinds(detectors, f"PADDLE_API_KEY=pdl_sdbx_apikey_{body}\n") == []
    assert _kinds(detectors, "ACME_API_KEY=acme_sandbox_Vb7Qm2Xr9Lk4Tz8Wn3Pc6Hd1Js5Fg0Ya\n") == []
