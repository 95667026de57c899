"""The per-file quick path (filescan._nothing_here) and the per-folder classification must change no result:
they only skip work for files the combined pass proves hold nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.discovery.known_clients import match_known
from auditor.discovery.walk import FileEntry, ShippedEntry, walk
from auditor.extract import filescan, formats
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import as_filescan, scan_file, scan_file_unguarded
from auditor.extract.formats import FileKind, default_context, detect_format, in_test_path
from auditor.extract.vectorscan import available
from auditor.model import FileScan
from tests.shipped_inputs import ROOTS

needs_vectorscan = pytest.mark.skipif(not available(), reason="Vectorscan bindings not installed here")
KEY = "quick-test"


def _composed(rel: str) -> FileKind:
    """classify as the public functions define it, one call each, no per-folder cache."""
    fmt = detect_format(rel)
    name = rel.rsplit("/", 1)[-1].lower()
    jsonc = fmt == "json" and (name.endswith((".jsonc", ".code-workspace")) or name in formats.JSONC_NAMES)
    return FileKind(fmt, default_context(rel, fmt), in_test_path(rel), match_known(rel), jsonc)


_PATHS = [
    "a.txt",
    "/lead.yaml",
    "//x.json",
    ".github/workflows/ci.yml",
    "x/.GitHub/Workflows/deploy.yaml",
    ".github/workflows",
    "workflows/.github/a.yml",
    "prompts/system.md",
    "deep/Prompt/x.json",
    "agent.prompt",
    "my_prompt_v2.py",
    "tools/search.json",
    "Tools/search.yaml",
    "tools/search.py",
    "tests/test_x.py",
    "src/x_test.go",
    "web/a.spec.ts",
    "conftest.py",
    "auto_login/AutoLoginTest.py",
    "Acme.Bot.Tests/TokenStoreTests.cs",
    "src/ScopeCheckTestCase.php",
    "src/Contest.py",
    "docs/LoadTest.md",
    "Fixtures/.env",
    "keys/id_rsa",
    "certs/server.PEM",
    ".vscode/settings.json",
    "a/b/mcp.json",
    ".cursor/mcp.json",
    "claude_desktop_config.json",
    "x.code-workspace",
    "config/.env.production.json",
    "Dockerfile",
    ".npmrc",
    "examples/tools/x.yml",
]


def _rels() -> list[str]:
    entries, _ = walk([r for r in ROOTS if r.is_dir()])
    return [e.rel for e in entries] + _PATHS


def test_classify_is_the_composition_of_its_parts() -> None:
    rels = _rels()
    assert len(rels) > 100
    formats._FOLDERS.clear()
    for rel in rels + rels:  # the second round answers from the per-folder cache
        formats._KINDS.clear()
        assert formats.classify(rel) == _composed(rel), rel


_SEGMENT = st.sampled_from(
    [
        "",
        "a",
        "tests",
        "Test",
        ".github",
        "workflows",
        "prompts",
        "tools",
        "x.json",
        "fixtures",
        "prompt",
        "B",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_SEGMENT, min_size=1, max_size=5), st.sampled_from(["", ".yaml", ".json", ".py", ".env", ".md"])
)
def test_classify_agrees_on_generated_paths(parts: list[str], suffix: str) -> None:
    rel = "/".join(parts) + suffix
    formats._KINDS.clear()
    assert formats.classify(rel) == _composed(rel)


@pytest.fixture(scope="module")
def probed() -> DetectorSet:
    loaded = DetectorSet.load()
    assert loaded.use_gate(partitions=filescan.probe_partitions()) or not available()
    return loaded


@needs_vectorscan
def test_quick_path_changes_no_file_result(probed: DetectorSet, monkeypatch: pytest.MonkeyPatch) -> None:
    entries, _ = walk([r for r in ROOTS if r.is_dir()])
    quick = {e.rel: scan_file(e, probed, fingerprint_key=KEY) for e in entries}
    bare = sum(
        isinstance(scan_file_unguarded(ShippedEntry.of(e), probed, fingerprint_key=KEY), tuple)
        for e in entries
    )
    # The whole path for every file: the quick path declines, and _scan_data asks the pass itself.
    monkeypatch.setattr(filescan, "_nothing_here", lambda rel, data, detectors: (None, filescan._NO_PROBE))
    whole = {e.rel: scan_file(e, probed, fingerprint_key=KEY) for e in entries}
    assert quick == whole
    # Both outcomes occur on these inputs, or the comparison above proves little.
    assert bare >= 5
    assert sum(bool(s.secrets or s.settings or s.manifests or s.skipped) for s in whole.values()) > 20


@needs_vectorscan
def test_quick_path_declines_what_needs_a_closer_look(probed: DetectorSet, tmp_path: Path) -> None:
    cases = {
        "plain.txt": (b"nothing to see here\n", True),
        "config.yaml": (b"name: demo\nreplicas: 3\n", True),
        "good.json": (b'{"a": [1, 2, 3]}', True),
        "broken.json": (b'{"a": [1, 2', False),  # malformed: parsed, and reported as coverage
        "anchors.yaml": (b"a: &x 1\nb: *x\n", False),  # a possible alias bomb
        "allow.py": (b"x = 1  # botaudit:allow\n", False),
        "mcp.json": (b'{"mcpServers": {}}', False),  # a known agent config by name
        ".github/workflows/ci.yml": (b"on: push\n", False),
        "empty.txt": (b"", False),
        "latin.txt": ("caf\u00e9 au lait\n".encode("latin-1"), False),  # not judged by the gate
        # UTF-8 is judged: a keyword with nothing the gate lets through, around non-ASCII text, is quick.
        "utf8.md": ("Caf\u00e9 \u2615: the token \u4e2d\u6587 is in the vault \U0001f600\n".encode(), True),
        "bom8.yaml": (b"\xef\xbb\xbfname: demo\nreplicas: 3\n", True),
        "utf8.env": ("# caf\u00e9\nAPI_TOKEN=Zq8vR2mN4xW7tK1pL9sD3fG6hJ0cB5nM\n".encode(), False),  # a secret
        "kelvin.txt": ("the \u212aelvin token\n".encode(), False),  # a caseless partner of k: not judged
        "cut.txt": (b"the token caf\xc3\n", False),  # not valid UTF-8: not judged
        "stack.json": (b'{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', False),  # IaC mark
        # Auth evidence decides only beside a keyword (the keyword question is asked apart from the pass).
        "aws.py": (b'x = boto3.client("s3")\n', True),  # evidence, no detector keyword: nothing is read
        "azure.py": (b"cred = DefaultAzureCredential()\n", False),  # evidence and a keyword
    }
    for rel, (data, bare) in cases.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        entry = FileEntry(path, rel, len(data))
        result = scan_file_unguarded(entry, probed, fingerprint_key=KEY)
        assert isinstance(result, tuple) is bare, rel
        if bare:
            assert result == (rel, formats.classify(rel).format, len(data))
        assert as_filescan(result) == scan_file(entry, probed, fingerprint_key=KEY)


def test_pool_batches_run_under_one_watchdog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's batch arms the budget once; a runaway file in it becomes a timeout entry, the others are
    scanned as usual."""
    import signal

    from auditor.extract import budget, pool

    old = (signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF))
    entries = []
    for i in range(5):
        path = tmp_path / f"f{i}.txt"
        path.write_text("nothing here\n" if i != 2 else "slow\n")
        entries.append(ShippedEntry.of(FileEntry(path, path.name, path.stat().st_size)))

    def scan_one(entry, detectors, key):  # type: ignore[no-untyped-def]
        assert budget.watching() is not None
        if entry.rel == "f2.txt":
            started = time.process_time()
            while time.process_time() - started < 10:  # bounded
                pass
        return (entry.rel, "text", entry.size)

    import time

    try:
        budget.install_worker_alarm()
        monkeypatch.setattr(pool, "_worker_state", (None, KEY, scan_one, 0.1))
        results = pool._scan_batch_in_worker(entries)
    finally:
        budget._worker_alarm["installed"] = False
        signal.signal(signal.SIGALRM, old[0])
        signal.signal(signal.SIGPROF, old[1])
    assert [r if isinstance(r, tuple) else r.skipped[0].category for r in results] == [
        ("f0.txt", "text", 13),
        ("f1.txt", "text", 13),
        "timeout",
        ("f3.txt", "text", 13),
        ("f4.txt", "text", 13),
    ]
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0) == signal.getitimer(signal.ITIMER_REAL)


def test_a_bare_result_becomes_the_same_filescan() -> None:
    made = as_filescan(("a/b.yaml", "yaml", 12))
    plain = FileScan("a/b.yaml", "yaml", 12)
    assert made == plain
    assert vars(made) == vars(plain)
    assert list(vars(made)) == list(vars(plain))  # field order too (what repr and reports walk)
    assert as_filescan(plain) is plain
    with pytest.raises(AttributeError):
        made.path = "x"  # type: ignore[misc]  # still frozen


def test_code_agent_markers_share_the_prefilter_words() -> None:
    """scan_code_agents rules out a text by a few words ("gent", "Kernel", ...) before its marker list: every
    marker must hold one of them, or a file holding only that marker would be passed over."""
    from auditor.extract.text import _CODE_MARKERS, _MARKER_WORDS

    assert all(any(word in marker for word in _MARKER_WORDS) for marker in _CODE_MARKERS)
    assert len(_MARKER_WORDS) <= 4  # a prefilter of many words is no prefilter


def _yaml_suspect_by_definition(data: bytes) -> bool:
    """The YAML structure check as its comments define it, a count or search of the whole text each."""
    opened = data.count(b"[") + data.count(b"{")
    return (
        (b"&" in data and b"*" in data)
        or opened > filescan._YAML_SUSPECT_BRACKETS
        or opened != data.count(b"]") + data.count(b"}")
        or b"\n\t" in data
    )


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [b"[", b"]", b"{", b"}", b"&", b"*", b"\t", b"\n", b"\n\t", b"\t\n", b"a: 1", b"\xc3\xa9"]
        ),
        max_size=40,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_yaml_structure_check_is_its_definition(parts: list[bytes], flood: int) -> None:
    data = b"".join(parts) + b"[" * (flood * 400)  # past the nesting limit from the third step
    assert filescan._structure_suspect(data, "yaml") is _yaml_suspect_by_definition(data)


def test_yaml_structure_check_on_shipped_inputs() -> None:
    entries, _ = walk([r for r in ROOTS if r.is_dir()])
    texts = [e.path.read_bytes() for e in entries] + [
        b"a: [1, 2]\n\tb: 3\n",
        b"x: &a 1\ny: *a\n",
        b"{" * 1001,
    ]
    answers = [filescan._structure_suspect(t, "yaml") for t in texts]
    assert answers == [_yaml_suspect_by_definition(t) for t in texts]
    assert True in answers and False in answers
