"""Arbitrary structured files through the whole pipeline (issue 9, "Done when"): YAML, JSON, TOML, INI, .env,
HCL and XML, well-formed or broken, with credentials planted in their values, go through discovery ->
extraction -> inventory -> rules -> every reporter. Nothing may raise, no planted value may reach any
output, and every file written is either scanned or listed in coverage (never silently dropped)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.report import FormatChoice, ReportOptions, render
from auditor.scan import ScanOptions, run
from tests.adversarial.strategies import PLANTED

TOKENS = PLANTED[:-1]  # token-shaped: a secret under any key
PASSWORD = PLANTED[-1]  # a generic password: a secret under a password-like key
SECRET_KEYS = (
    "password",
    "db_password",
    "client_secret",
    "api_key",
    "token",
    "GITHUB_TOKEN",
    "SLACK_BOT_TOKEN",
)
OTHER_KEYS = ("name", "url", "description", "model", "endpoint", "x", "env", "auth", "value")

keys = st.sampled_from(SECRET_KEYS + OTHER_KEYS)
plain = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x2FFF, exclude_characters="\\\"'<>&"), max_size=20
)


@st.composite
def pairs(draw: st.DrawFn) -> list[tuple[str, str]]:
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        key = draw(keys)
        choice = draw(st.integers(0, 2))
        if choice == 0:
            value = draw(st.sampled_from(TOKENS))
        elif choice == 1 and key in SECRET_KEYS:
            value = PASSWORD
        else:
            value = draw(plain)
        out.append((key, value))
    return out


def _json(kv: list[tuple[str, str]]) -> str:
    return json.dumps({"agent": {k: v for k, v in kv}, "servers": [{"env": dict(kv)}]}, indent=2)


def _yaml(kv: list[tuple[str, str]]) -> str:
    return yaml.safe_dump({"agent": dict(kv), "env": [{"name": k, "value": v} for k, v in kv]})


def _toml(kv: list[tuple[str, str]]) -> str:
    return "[agent]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in dict(kv).items())


def _ini(kv: list[tuple[str, str]]) -> str:
    return "[agent]\n" + "".join(f"{k} = {v}\n" for k, v in dict(kv).items())


def _env(kv: list[tuple[str, str]]) -> str:
    return "".join(f"{k.upper()}={json.dumps(v)}\n" for k, v in kv)


def _hcl(kv: list[tuple[str, str]]) -> str:
    body = "".join(f"  {k} = {json.dumps(v)}\n" for k, v in dict(kv).items())
    return f'resource "agent" "bot" {{\n{body}}}\n'


def _xml(kv: list[tuple[str, str]]) -> str:
    body = "".join(f"  <{k}>{xml_escape(v)}</{k}>\n" for k, v in kv)
    return f'<?xml version="1.0"?>\n<configuration>\n{body}</configuration>\n'


FORMATS = {
    "config.json": _json,
    "agent.yaml": _yaml,
    "pyproject.toml": _toml,
    "settings.ini": _ini,
    ".env": _env,
    "main.tf": _hcl,
    "app.config.xml": _xml,
}


@st.composite
def trees(draw: st.DrawFn) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for index, name in enumerate(draw(st.lists(st.sampled_from(sorted(FORMATS)), min_size=1, max_size=4))):
        data = FORMATS[name](draw(pairs())).encode("utf-8")
        damage = draw(st.sampled_from(("none", "none", "truncate", "garbage", "bom")))
        if damage == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif damage == "garbage":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
        elif damage == "bom":
            data = b"\xef\xbb\xbf" + data
        files[f"bot{index}/{name}"] = data
    return files


def _covered(rel: str, scanned: set[str], skipped: set[str]) -> bool:
    return rel in scanned or any(s == rel or s.endswith("/" + rel) for s in skipped)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(tree=trees())
def test_any_structured_file_is_scanned_or_reported_and_never_leaks(tree: dict[str, bytes]) -> None:
    root = Path(tempfile.mkdtemp(prefix="botaudit-prop-"))
    try:
        for rel, data in tree.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
        result = run(ScanOptions(paths=(root,), jobs=1))
        scanned = {f.path for f in result.files}
        skipped = {s.source for s in result.coverage.skipped}
        for rel in tree:
            assert _covered(rel, scanned, skipped), f"{rel} neither scanned nor in coverage"
        for fmt in FormatChoice:
            text = render(fmt, result, options=ReportOptions(no_color=True))
            text.encode("utf-8")
            for secret in PLANTED:
                assert secret not in text, f"{fmt.value} shows a planted value"
    finally:
        shutil.rmtree(root, ignore_errors=True)
