"""Hostile input documents (issue 10 §9): snapshots, baselines and botaudit.yaml never cause an internal
error.

Each reproduced attack is a regression test; hypothesis then feeds arbitrary documents through the same
loaders and the whole scan: the only outcomes are a result or botaudit's own error with a clear message, and
the CLI exits 0, 1, 2 or 3, never with a traceback.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from auditor import baseline as bl
from auditor.cli import app
from auditor.config import parse_config
from auditor.errors import BotauditError, ConfigError, SnapshotError
from auditor.scan import ScanOptions, run
from auditor.snapshot import load_snapshot, snapshot_from_dict

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = json.loads((ROOT / "sample_configs" / "snapshots" / "vault.json").read_text(encoding="utf-8"))
DEEP = "[" * 1000 + "]" * 1000
BIG_INT = "9" * 5000
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _cli(*args: str) -> Any:
    result = CliRunner().invoke(app, [*args, "--no-progress"] if args[0] == "scan" else list(args))
    assert "internal error" not in result.output and "Traceback" not in result.output, result.output
    return result


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    folder = tmp_path / "tree"
    folder.mkdir()
    (folder / "README.md").write_text("nothing to see\n", encoding="utf-8")
    return folder


def _snapshot(**changes: Any) -> str:
    data = copy.deepcopy(SAMPLE)
    data.update(changes)
    return json.dumps(data)


# -- the attacks, one by one ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (DEEP, "nested more than 64 levels"),
        ('{"schema_version": 1, "tool": "botaudit", "findings": [], "n": ' + BIG_INT + "}", "4300 digits"),
        (
            '{"schema_version": 1, "tool": "botaudit", "findings": [{"fingerprint": 1, "rule_id": "x"}]}',
            "`fingerprint`",
        ),
    ],
)
def test_bad_baselines_exit_2_for_scan_and_baseline_update(tree: Path, text: str, words: str) -> None:
    path = tree.parent / "baseline.json"
    path.write_text(text, encoding="utf-8")
    scanned = _cli("scan", str(tree), "--baseline", str(path))
    assert scanned.exit_code == 2 and words in scanned.output and str(path) in scanned.output
    updated = _cli("baseline", "update", str(tree), "-o", str(path))
    assert updated.exit_code == 2 and words in updated.output


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (DEEP, "nested more than 64 levels"),
        (_snapshot(requests=None).replace("null", BIG_INT, 1), "4300 digits"),
        (_snapshot(baseline={"policies": ["a", {"b": 2}]}), "baseline: expected a string or null"),
        (_snapshot(baseline=[1, 2]), "baseline: expected a string or null"),
        (_snapshot(collected_at=1e308), "collected_at: expected a string"),
        (_snapshot(collected_at="99999-01-01T00:00:00"), "collected_at: expected an ISO-8601 time"),
        (_snapshot(reach={"x": [["a", "b", "root"]]}), "reach.x[0][2]"),
        (_snapshot(identities=[{"id": "a", "aliases": "a"}]), "identities[0].aliases: expected a list"),
    ],
)
def test_bad_snapshots_are_a_clear_incomplete_platform(tree: Path, text: str, words: str) -> None:
    path = tree.parent / "vault.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SnapshotError) as info:
        load_snapshot(path)
    assert words in str(info.value) and str(path) in str(info.value)
    # A snapshot asked for and not loaded is a platform requested and not examined: exit 3, said on stderr.
    result = _cli("scan", str(tree), "--snapshot", str(path), "--fail-on", "none", "-q")
    assert result.exit_code == 3 and "snapshot not loaded" in result.output and words in result.output


def test_bad_timestamps_inside_a_snapshot_are_refused(tree: Path) -> None:
    data = copy.deepcopy(SAMPLE)
    data["credentials"] = [{"id": "c", "identity_id": "i", "created": 1e308}]
    with pytest.raises(SnapshotError, match=r"credentials\[0\].created"):
        snapshot_from_dict(data)


def test_a_config_nested_500_deep_is_exit_2(tree: Path) -> None:
    (tree / "botaudit.yaml").write_text("[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    result = _cli("scan", str(tree))
    assert result.exit_code == 2 and "botaudit.yaml:1: nested more than 32 levels" in result.output


# -- fuzzing -------------------------------------------------------------------------------------------------
_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=25,
)
_SNAPSHOT_KEYS = [*SAMPLE, "unread", "duration_seconds", "surprise"]


@st.composite
def _mutated_snapshot(draw: st.DrawFn) -> Any:
    """A real snapshot with a few fields replaced by arbitrary JSON, at the top or one level down."""
    data = copy.deepcopy(SAMPLE)
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from(_SNAPSHOT_KEYS))
        value = draw(_json)
        target = data.get(key)
        if isinstance(target, list) and target and draw(st.booleans()):
            item = target[draw(st.integers(0, len(target) - 1))]
            if isinstance(item, dict) and item:
                item[draw(st.sampled_from(sorted(item)))] = value
                continue
        data[key] = value
    return data


@FUZZ
@given(doc=_json | _mutated_snapshot())
def test_any_json_document_is_a_snapshot_or_a_snapshot_error(doc: Any) -> None:
    try:
        snapshot_from_dict(doc, where="fuzz.json")
    except SnapshotError as exc:
        assert str(exc).startswith("fuzz.json")


@FUZZ
@given(doc=_json, text=st.text(max_size=200))
def test_any_document_is_a_baseline_or_a_baseline_error(doc: Any, text: str) -> None:
    for candidate in (json.dumps(doc), text):
        try:
            bl.loads(candidate, "fuzz.json")
        except bl.BaselineError as exc:
            assert str(exc).startswith("fuzz.json")


_CONFIG_KEYS = ["version", "agents", "baseline", "rules", "disable", "suppressions", "scan", "collectors",
                "snapshots", "fingerprint_key", "extra"]  # fmt: skip


@FUZZ
@given(
    doc=st.dictionaries(st.sampled_from(_CONFIG_KEYS), _json, max_size=4),
    text=st.text(alphabet=st.sampled_from("[]{}:- ,'\"&*!|>\n\tab1#"), max_size=120),
)
def test_any_document_is_a_config_or_a_config_error(doc: dict[str, Any], text: str) -> None:
    for candidate in (yaml.safe_dump(doc), text):
        try:
            parse_config(candidate, source="fuzz.yaml")
        except ConfigError as exc:
            assert str(exc).startswith("fuzz.yaml")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=_mutated_snapshot())
def test_a_whole_scan_over_a_fuzzed_snapshot_never_fails_internally(tmp_path: Path, doc: Any) -> None:
    """Whatever passes the schema goes through resolve, reach, every rule and every reporter."""
    from auditor.report import render

    folder = tmp_path / "t"
    folder.mkdir(exist_ok=True)
    path = tmp_path / "snap.json"
    path.write_text(json.dumps(doc, allow_nan=False) if _finite(doc) else "{}", encoding="utf-8")
    try:
        result = run(ScanOptions(paths=(folder,), snapshot_files=(path,)))
    except BotauditError:
        return
    for fmt in ("json", "sarif", "markdown", "html", "table"):
        assert render(fmt, result, color=False)


def _finite(value: Any) -> bool:
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=st.dictionaries(st.sampled_from(_CONFIG_KEYS), _json, max_size=3))
def test_the_cli_answers_any_botaudit_yaml_with_an_exit_code(tmp_path: Path, doc: dict[str, Any]) -> None:
    """End to end: a scan with an arbitrary botaudit.yaml exits 0, 1, 2 or 3 with no internal error."""
    folder = tmp_path / "t"
    folder.mkdir(exist_ok=True)
    (folder / "botaudit.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    result = _cli("scan", str(folder), "-q", "--format", "json")
    assert result.exit_code in (0, 1, 2, 3)
    if result.exit_code == 2:
        assert "botaudit.yaml" in result.output


def test_a_plain_static_scan_never_imports_jsonschema(tmp_path: Path) -> None:
    """jsonschema is loaded only to validate a document botaudit was given (config, snapshot, baseline)."""
    import subprocess
    import sys

    (tmp_path / "bot.env").write_text("SLACK_CHANNEL=general\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from auditor.scan import ScanOptions, run\n"
        "from auditor.report import render\n"
        f"result = run(ScanOptions(paths=(Path({str(tmp_path)!r}),)))\n"
        "for fmt in ('table', 'json', 'sarif', 'markdown', 'html'):\n"
        "    render(fmt, result, color=False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'jsonschema'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]", out.stdout
    (tmp_path / "botaudit.yaml").write_text("version: 1\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "jsonschema" in out.stdout
