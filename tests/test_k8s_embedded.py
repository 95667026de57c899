"""Kubernetes Secrets wherever they are written: any file name, multi-document streams, stringData."""

from __future__ import annotations

import base64
import hashlib
import json
import textwrap
from pathlib import Path

import pytest

from auditor.discovery.walk import FileEntry
from auditor.extract import scan_file
from auditor.extract.detectors import DetectorSet
from auditor.model import FileScan

KEY = "k8s-embedded-test-key"


def _token(seed: str, n: int = 40) -> str:
    # Letters and digits from a hash: random-looking, no typed sequence.
    raw = base64.b64encode(hashlib.sha256(seed.encode()).digest() * 2).decode()
    return "".join(c for c in raw if c.isalnum())[:n]


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load(prefilter="python")


def _scan(tmp_path: Path, rel: str, content: str, detectors: DetectorSet) -> FileScan:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    return scan_file(FileEntry(path, rel, len(content.encode())), detectors, fingerprint_key=KEY)


def _stream(api: str, webhook: str, password: str) -> str:
    return textwrap.dedent(
        f"""\
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: bot-settings
        data:
          mode: production
          greeting: hello there
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: bot-credentials
        type: Opaque
        data:
          api: {_b64(api)}
          placeholder: {_b64("changeme")}
        stringData:
          hook: {webhook}
          db-password: {password}
        """
    )


@pytest.mark.parametrize("rel", ["notes/secret-dump.txt", "deploy/bot.yaml", "runbook"])
def test_secret_entries_found_in_any_file(tmp_path: Path, detectors: DetectorSet, rel: str) -> None:
    api, webhook, password = _token("api"), _token("hook", 32), "Qz7" + _token("pw", 14)
    result = _scan(tmp_path, rel, _stream(api, webhook, password), detectors)
    found = {m.location.key: m for m in result.secrets}
    # A Secret's entry is secret material whatever its key is called; the base64 is decoded first.
    assert set(found) >= {"data.api", "stringData.hook", "stringData.db-password"}, sorted(map(str, found))
    assert found["data.api"].location.line == 15
    assert found["stringData.hook"].location.line == 18
    # A placeholder stays a placeholder, and a ConfigMap's plain data is not base64-decoded or flagged.
    assert "data.placeholder" not in found
    assert not any(str(m.location.key).startswith(("data.mode", "data.greeting")) for m in result.secrets)
    assert not [s for s in result.skipped if "not base64" in s.reason]
    text = repr(result)
    for planted in (api, webhook, password, _b64(api)):
        assert planted not in text


def test_text_without_a_secret_manifest_is_not_parsed_as_one(tmp_path: Path, detectors: DetectorSet) -> None:
    # The same entries in a ConfigMap: not a Secret, so its `data` is neither decoded nor assumed secret.
    stream = _stream(_token("api2"), _token("hook2", 32), "Qz7" + _token("pw2", 14))
    content = stream.replace("kind: Secret", "kind: ConfigMap")
    result = _scan(tmp_path, "notes/config.txt", content, detectors)
    assert not any(str(m.location.key).startswith(("data.", "stringData.")) for m in result.secrets)


def test_unparsable_text_falls_back_to_the_line_scan(tmp_path: Path, detectors: DetectorSet) -> None:
    token = _token("broken")
    content = f"apiVersion: v1\nkind: Secret\ndata:\n\tapi: [unclosed\nGITHUB_TOKEN=ghp_{token[:36]}\n"
    result = _scan(tmp_path, "notes/broken.txt", content, detectors)
    assert any(m.kind == "github_pat" for m in result.secrets)


def test_secret_in_a_markdown_code_block(tmp_path: Path, detectors: DetectorSet) -> None:
    api = _token("markdown")
    manifest = _stream(api, _token("mdhook", 32), "Qz7" + _token("mdpw", 14))
    prose = "# Deploying the bot\n\nApply this:\n\n```yaml\n"
    content = prose + manifest + "```\n\nThen restart: it reads `api`.\n"
    result = _scan(tmp_path, "docs/deploy.md", content, detectors)
    found = {m.location.key: m for m in result.secrets}
    assert "data.api" in found, sorted(map(str, found))
    assert found["data.api"].location.line == 15 + 5  # the manifest's line 15, after five lines of prose
    assert api not in repr(result)


def _pull_secret(kind: str, key: str, config: str) -> str:
    return (
        f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: registry-login\ntype: kubernetes.io/{kind}\n"
        f"data:\n  {key}: {_b64(config)}\n"
    )


@pytest.mark.parametrize(
    ("kind", "key", "login"),
    [
        # The documented config.json shape: auth is base64 of user:password.
        ("dockerconfigjson", ".dockerconfigjson", "auths-basic"),
        # The older form, registries at the top; a registry that takes a bare token in `auth`.
        ("dockercfg", ".dockercfg", "bare"),
    ],
)
def test_registry_pull_secret_logins(
    tmp_path: Path, detectors: DetectorSet, kind: str, key: str, login: str
) -> None:
    secret = "Rk4" + _token("registry-" + login, 18)
    if login == "auths-basic":
        config = json.dumps({"auths": {"registry.corp.test": {"auth": _b64("deploy-bot:" + secret)}}})
    else:
        config = json.dumps({"registry.corp.test": {"auth": secret, "email": "bot@corp.test"}})
    result = _scan(tmp_path, "deploy/pull-secret.yaml", _pull_secret(kind, key, config), detectors)
    found = [m for m in result.secrets if m.location.key == f"data.{key}"]
    assert [m.kind for m in found] == ["docker_registry_auth"], [
        (m.kind, m.location.key) for m in result.secrets
    ]
    assert found[0].location.line == 7
    assert secret not in repr(result) and _b64(config) not in repr(result)


@pytest.mark.parametrize(
    "config",
    [
        json.dumps({"auths": {"registry.corp.test": {"auth": _b64("admin:password")}}}),
        '{"auths": {"registry.corp.test": {"auth": "changeme"}}}',
        '{"auths": {"registry.corp.test": {"auth": "${REGISTRY_AUTH}"}}}',
        '{"auths": {}}',
    ],
)
def test_registry_pull_secret_stand_ins_are_not_reported(
    tmp_path: Path, detectors: DetectorSet, config: str
) -> None:
    content = _pull_secret("dockerconfigjson", ".dockerconfigjson", config)
    result = _scan(tmp_path, "deploy/pull-secret.yaml", content, detectors)
    assert not result.secrets, [(m.kind, m.location.key) for m in result.secrets]
