"""Golden files of the demo scan (JSON, SARIF, Markdown, terminal table), normalised so they are portable."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from auditor import __version__
from auditor.clock import FixedClock, parse_time
from auditor.model import ScanResult
from auditor.report import options_for, render
from auditor.scan import ScanOptions, run
from tests.test_sample_configs import planted_secrets

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
# The instant the demo is judged at: ages ("422 days old") and expiries are content and depend on it.
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
# Fixed so the table wraps the same on every machine, whatever the terminal.
WIDTH = 120
DIFF_LINES = 60
UPDATE_HINT = "If the change is intended, rerun with: python -m pytest tests/test_golden.py --update-golden"

# What legitimately varies between machines and runs is replaced by these; nothing else is touched.
ROOT = "<ROOT>"
VERSION = "<VERSION>"
STARTED = "<STARTED>"
FINISHED = "<FINISHED>"
DURATION = "<DURATION>"

_HEADER = re.compile(r"^(botaudit scan of .*) \(\d+(?:\.\d+)? s\)$")


@dataclass(frozen=True)
class GoldenFormat:
    """One golden file: the reporter's format, the file suffix, and whether it is compared as parsed JSON."""

    fmt: str
    suffix: str
    structured: bool

    @property
    def path(self) -> Path:
        return GOLDEN / f"sample_configs.{self.suffix}"

    @property
    def rel(self) -> str:
        return self.path.relative_to(REPO).as_posix()


FORMATS = (
    GoldenFormat("json", "json", structured=True),
    GoldenFormat("sarif", "sarif", structured=True),
    GoldenFormat("markdown", "md", structured=False),
    GoldenFormat("table", "txt", structured=False),
)
BY_FMT = {spec.fmt: spec for spec in FORMATS}


def scan_demo(root: Path) -> ScanResult:
    """`botaudit scan <root>/sample_configs` in-process, as of NOW."""
    return run(ScanOptions(paths=(root / "sample_configs",)), clock=FixedClock(NOW))


# --- normalisation ------------------------------------------------------------------------------------------


def _portable(text: str, root: Path) -> str:
    # Only the scanned folder's own prefix: a bare short root ("/w") could also match inside URLs or messages.
    return text.replace(str(root / "sample_configs"), f"{ROOT}/sample_configs")


def _map_strings(value: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_map_strings(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _map_strings(v, fn) for k, v in value.items()}
    return value


def _put(doc: dict[str, Any], path: tuple[str, ...], check: Callable[[Any], bool], token: str) -> None:
    """Replace the value at `path` by `token`, after checking it is what we think varies (not content)."""
    *parents, last = path
    node = doc
    for key in parents:
        node = node[key]
    assert last in node, f"{'.'.join(path)} missing: the normalisation no longer matches the report"
    assert check(node[last]), f"{'.'.join(path)} = {node[last]!r} is not what the normalisation expects"
    node[last] = token


def _is_version(value: Any) -> bool:
    return isinstance(value, str) and value == __version__


def _is_time(value: Any) -> bool:
    return isinstance(value, str) and parse_time(value) is not None


def _normalise_json(doc: dict[str, Any]) -> None:
    _put(doc, ("tool", "version"), _is_version, VERSION)
    _put(doc, ("started",), _is_time, STARTED)
    _put(doc, ("finished",), _is_time, FINISHED)


def _normalise_sarif(doc: dict[str, Any]) -> None:
    assert doc["runs"], "a SARIF log without runs"
    for sarif_run in doc["runs"]:
        _put(sarif_run, ("tool", "driver", "version"), _is_version, VERSION)
        _put(sarif_run, ("tool", "driver", "semanticVersion"), _is_version, VERSION)
        for invocation in sarif_run["invocations"]:
            _put(invocation, ("startTimeUtc",), _is_time, STARTED)
            _put(invocation, ("endTimeUtc",), _is_time, FINISHED)


def _strip_lines(text: str) -> str:
    """Trailing whitespace off every line (rich pads table rows to the width), one final newline."""
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n") + "\n"


def _dump(doc: Any) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def normalised_output(result: ScanResult, spec: GoldenFormat, root: Path) -> str:
    """The report in `spec`'s format, machine- and run-specific values replaced: the golden file's text."""
    options = options_for(result, color=False, width=WIDTH)
    if spec.fmt == "table":
        # The table's header names the scan target and rich folds it at WIDTH, so a deep checkout would wrap
        # differently: the target is made portable before rendering (it is the header's only use of it).
        result = replace(result, targets=tuple(_portable(t, root) for t in result.targets))
    text = render(spec.fmt, result, options=options)
    if spec.structured:
        doc = _map_strings(json.loads(text), lambda s: _portable(s, root))
        (_normalise_json if spec.fmt == "json" else _normalise_sarif)(doc)
        return _dump(doc)
    text = _portable(text, root)
    if spec.fmt == "table":
        first, _, rest = text.partition("\n")
        header = _HEADER.match(first)
        assert header, f"unexpected table header: {first!r}"
        text = f"{header.group(1)} ({DURATION})\n{rest}"
    return _strip_lines(text)


# --- comparison ---------------------------------------------------------------------------------------------


def golden_mismatch(spec: GoldenFormat, golden: str | None, actual: str) -> str | None:
    """None when `actual` matches the golden text, else a short readable explanation with a unified diff."""
    if golden is None:
        return f"{spec.rel} does not exist. {UPDATE_HINT}"
    if spec.structured:
        try:
            golden_doc = json.loads(golden)
        except json.JSONDecodeError as exc:
            return f"{spec.rel} is not valid JSON ({exc}). {UPDATE_HINT}"
        if golden_doc == json.loads(actual):
            return None
        # Diff the canonical dumps, so only content differences show, never indentation or key order.
        golden = _dump(golden_doc)
    else:
        golden = _strip_lines(golden)
        if golden == actual:
            return None
    diff = list(
        difflib.unified_diff(
            golden.splitlines(),
            actual.splitlines(),
            fromfile=f"{spec.rel} (golden)",
            tofile=f"{spec.rel} (this run)",
            lineterm="",
            n=2,
        )
    )
    shown = diff[:DIFF_LINES]
    more = [f"... {len(diff) - len(shown)} more diff lines"] if len(diff) > len(shown) else []
    return "\n".join([f"{spec.rel} differs from this run's {spec.fmt} output:", *shown, *more, UPDATE_HINT])


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


# --- tests --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_result() -> ScanResult:
    return scan_demo(REPO)


@pytest.mark.parametrize("spec", FORMATS, ids=[s.fmt for s in FORMATS])
def test_demo_scan_matches_golden_file(
    spec: GoldenFormat, demo_result: ScanResult, update_golden: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    actual = normalised_output(demo_result, spec, REPO)
    mismatch = golden_mismatch(spec, _read(spec.path), actual)
    if update_golden:
        if mismatch is not None:
            spec.path.parent.mkdir(parents=True, exist_ok=True)
            spec.path.write_text(actual, encoding="utf-8", newline="\n")
            with capsys.disabled():
                print(f"\nupdated {spec.rel}")
        assert golden_mismatch(spec, _read(spec.path), actual) is None
        return
    if mismatch is not None:
        pytest.fail(mismatch, pytrace=False)


def _leaks(text: str) -> list[str]:
    return [
        f"{file}: {value[:4]}…"
        for value, file in planted_secrets().items()
        # A redacted preview shows at most 4 characters, so even a 10-character prefix is a leak.
        if value in text or (len(value) >= 16 and value[:10] in text)
    ]


@pytest.mark.parametrize("spec", FORMATS, ids=[s.fmt for s in FORMATS])
def test_golden_file_holds_no_planted_secret_and_no_local_path(spec: GoldenFormat) -> None:
    text = _read(spec.path)
    assert text is not None, f"{spec.rel} does not exist. {UPDATE_HINT}"
    assert len(planted_secrets()) >= 8, "the planted-secret collection found too little to prove anything"
    assert _leaks(text) == []
    assert str(REPO) not in text
    # The demo's content is there: agents and fingerprints, not only placeholders.
    assert "salesops-slackbot" in text and "hr-teams-bot" in text


def test_golden_json_replaces_only_what_varies() -> None:
    text = _read(BY_FMT["json"].path)
    assert text is not None, f"{BY_FMT['json'].rel} does not exist. {UPDATE_HINT}"
    doc = json.loads(text)
    assert (doc["tool"]["version"], doc["started"], doc["finished"]) == (VERSION, STARTED, FINISHED)
    assert doc["targets"] == [f"{ROOT}/sample_configs"]
    assert all(f["fingerprint"] and f["message"] and ROOT not in f["message"] for f in doc["findings"])


def test_checkout_elsewhere_renders_the_same(tmp_path: Path, demo_result: ScanResult) -> None:
    """A second scan from a copy under a deep folder (longer than the table width) normalises identically."""
    root = tmp_path / ("deep-" + "x" * 60) / ("checkout-" + "y" * 60)
    shutil.copytree(REPO / "sample_configs", root / "sample_configs")
    again = scan_demo(root)
    for spec in FORMATS:
        here = normalised_output(demo_result, spec, REPO)
        there = normalised_output(again, spec, root)
        assert golden_mismatch(spec, here, there) is None, spec.fmt


def test_changed_message_fails_with_a_short_readable_diff(demo_result: ScanResult) -> None:
    for spec in (BY_FMT["json"], BY_FMT["table"]):
        actual = normalised_output(demo_result, spec, REPO)
        original = "has rotation disabled"
        assert original in actual, spec.fmt
        golden = actual.replace(original, "has rotation switched off")
        report = golden_mismatch(spec, golden, actual)
        assert report is not None
        lines = report.splitlines()
        assert lines[0] == f"{spec.rel} differs from this run's {spec.fmt} output:"
        assert any(ln.startswith("-") and "rotation switched off" in ln for ln in lines)
        assert any(ln.startswith("+") and original in ln for ln in lines)
        assert lines[-1] == UPDATE_HINT
        assert len(lines) <= DIFF_LINES + 3


def test_layout_only_differences_are_not_mismatches(demo_result: ScanResult) -> None:
    json_spec, table_spec = BY_FMT["json"], BY_FMT["table"]
    as_json = normalised_output(demo_result, json_spec, REPO)
    compact = json.dumps(json.loads(as_json), separators=(",", ":"))
    assert golden_mismatch(json_spec, compact, as_json) is None
    table = normalised_output(demo_result, table_spec, REPO)
    padded = "\n".join(line + "   " for line in table.splitlines()) + "\n\n"
    assert golden_mismatch(table_spec, padded, table) is None
    assert golden_mismatch(table_spec, None, table) == f"{table_spec.rel} does not exist. {UPDATE_HINT}"
