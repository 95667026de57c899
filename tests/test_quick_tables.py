"""The quick path's shortcuts give what the code they stand in for gives: classify's per-suffix format table,
match_known's glob prefilter, iac_kind's one name test, read_regular's single read, and the pool's inline
per-file guard. Each is compared with a plain reference written here, over paths built from the very names,
suffixes and patterns the tables are made of."""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.discovery import known_clients, safeopen
from auditor.discovery.known_clients import KNOWN_CONFIGS, match_known
from auditor.discovery.safeopen import ChangedFileError, read_regular
from auditor.discovery.walk import FileEntry, ShippedEntry
from auditor.extract import filescan, formats, iac_marks, pool
from auditor.extract.budget import FileBudgetExceeded
from auditor.extract.formats import detect_format

# --- classify's format -------------------------------------------------------------------------------------

_SUFFIXES = sorted(
    formats.SOURCE_SUFFIXES
    | formats.DOCUMENT_SUFFIXES
    | formats.KEY_SUFFIXES
    | {".yaml", ".yml", ".json", ".jsonc", ".code-workspace", ".toml", ".ini", ".cfg", ".properties", ".tf"}
    | {
        ".tfvars",
        ".hcl",
        ".nomad",
        ".bicep",
        ".bicepparam",
        ".env",
        ".config",
        ".example",
        ".sample",
        ".lock",
    }
    | {".YAML", ".Json", ".PY", ".Env", ""}
)
_STEMS = [
    "x",
    "env",
    ".env",
    ".ENV",
    "Env",
    ".env.local",
    ".env_dev",
    ".env-prod",
    "setup",
    ".editorconfig",
    ".gitconfig",
    ".pypirc",
    ".npmrc",
    ".yarnrc",
    "id_rsa",
    "Dockerfile",
    "Makefile",
    "oai_config_list",
    ".mcp",
    "a.b",
    "test_x",
]
_FOLDERS = ["", "src/", ".ebextensions/", "app/.ebextensions/", "x.ebextensions/", ".github/workflows/"]


def _names() -> list[str]:
    names = [stem + suffix for stem in _STEMS for suffix in _SUFFIXES]
    names += sorted(formats._NAMED) + [n.upper() for n in formats._NAMED]
    return names


def test_format_by_suffix_is_detect_format() -> None:
    formats._FORMAT_BY_SUFFIX.clear()
    for rel in [folder + name for folder in _FOLDERS for name in _names()]:
        formats._KINDS.clear()
        assert formats.classify(rel).format == detect_format(rel), rel


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_FOLDERS),
    st.lists(st.sampled_from(["env", ".", "x", "-", "_", "rc", "yml", "json", "Config", "E"]), max_size=6),
)
def test_format_by_suffix_on_made_up_names(folder: str, pieces: list[str]) -> None:
    rel = folder + "".join(pieces)
    formats._KINDS.clear()
    assert formats.classify(rel).format == detect_format(rel), rel


def test_plain_kinds_are_shared_and_equal() -> None:
    formats._KINDS.clear()
    first, second = formats.classify("a/one.py"), formats.classify("b/two.py")
    assert first is second  # one FileKind for both: frozen, so sharing it is safe
    assert first == formats.FileKind("source", first.context, False, None, False)


# --- match_known -------------------------------------------------------------------------------------------


def _reference_match(rel: str) -> known_clients.KnownConfig | None:
    """match_known as the table defines it: every pattern, in table order, against the path's tail."""
    parts = rel.split("/")
    for known in KNOWN_CONFIGS:
        for pattern in known.patterns:
            depth = pattern.count("/") + 1
            if len(parts) >= depth and fnmatch.fnmatchcase("/".join(parts[-depth:]), pattern):
                return known
    return None


def _pattern_paths() -> list[str]:
    """Paths every pattern matches (its wildcards filled in), near misses, and the same under folders."""
    fills = ["", "a", "x.y", "dev"]
    paths: list[str] = []
    for known in KNOWN_CONFIGS:
        for pattern in known.patterns:
            for fill in fills:
                path = pattern.replace("*", fill).replace("?", "q")
                paths += [path, path.upper(), path + ".bak", "_" + path, path.replace("/", "_")]
    return [prefix + path for prefix in ("", "deep/er/", "n8n/", ".github/", "bots/") for path in paths]


def test_match_known_is_the_table_in_order() -> None:
    paths = _pattern_paths()
    assert sum(_reference_match(p) is not None for p in paths) > 100  # the fills do reach the patterns
    for rel in paths + ["x.json", "/lead.yaml", "//x.json", "a", ""]:
        assert match_known(rel) == _reference_match(rel), rel


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["n8n", "workflows", ".github", ".gitlab", "ci", "bots", "b", ".continue", "mcpServers", "src"]
        ),
        max_size=4,
    ),
    st.sampled_from(
        [
            "teamsapp.dev.yml",
            "teamsapp.yml",
            "m365agents.local.yml",
            "appsettings.Development.json",
            "slack-manifest.yaml",
            "slack_manifest.json",
            "x.n8n.json",
            "flow.json",
            "ci.yml",
            "deploy.yaml",
            "a.bot-meta.xml",
            "mcp.json",
            "x.py",
        ]
    ),
)
def test_match_known_on_made_up_paths(folders: list[str], name: str) -> None:
    rel = "/".join([*folders, name])
    assert match_known(rel) == _reference_match(rel), rel


def test_literal_ends() -> None:
    assert known_clients._literal_ends("teamsapp.*.yml") == ("teamsapp.", ".yml")
    assert known_clients._literal_ends("*.json") == ("", ".json")
    assert known_clients._literal_ends("a[bc]d?e") == ("a", "e")
    assert known_clients._literal_ends("plain") == ("plain", "plain")


# --- iac_kind's name test ----------------------------------------------------------------------------------


def _reference_named(name: str) -> bool:
    """Whether iac_kind's answer may come from the name (its endings, tested one by one)."""
    return any(
        name.endswith(ending)
        for ending in (".tf", ".tf.json", ".bicep", ".bicepparam", ".hcl", *iac_marks._SFDX_SUFFIXES)
    )


@pytest.mark.parametrize(
    ("rel", "fmt", "data", "expected"),
    [
        ("infra/main.TF", "hcl", b"", "terraform"),
        ("plan.tf.json", "json", b"{}", "terraform_json"),
        ("main.bicepparam", "bicep", b"", "bicep"),
        (
            "x/App.connectedApp-meta.xml",
            "text",
            b"<x xmlns='http://soap.sforce.com/2006/04/metadata'>",
            "sfdx",
        ),
        ("x/App.profile", "text", b"no namespace", None),
        ("agent.hcl", "hcl", b"auto_auth {}", "vault_agent"),
        ("policy.hcl", "hcl", b'path "x" { capabilities = ["read"] }', "vault_policy"),
        ("other.hcl", "hcl", b"nothing", None),
        ("rbac.yaml", "yaml", b"apiVersion: rbac.authorization.k8s.io/v1", "k8s_rbac"),
        ("rbac.py", "source", b"rbac.authorization.k8s.io", None),
    ],
)
def test_iac_kind_by_name_and_marker(rel: str, fmt: str, data: bytes, expected: str | None) -> None:
    assert iac_marks.iac_kind(rel, fmt, data) == expected


def test_named_suffixes_cover_every_name_test() -> None:
    for name in ["a.tf", "a.tf.json", "a.bicep", "x.bicepparam", "a.hcl", "a.json", "a.profile", "tf"]:
        assert name.endswith(iac_marks._NAMED_SUFFIXES) == _reference_named(name), name


# --- read_regular ------------------------------------------------------------------------------------------


def _identity(path: Path) -> tuple[int, int]:
    st_ = path.stat()
    return st_.st_dev, st_.st_ino


@pytest.mark.parametrize("size", [0, 1, 100, safeopen._CHUNK - 1, safeopen._CHUNK, safeopen._CHUNK + 5])
def test_read_regular_reads_the_whole_file(tmp_path: Path, size: int) -> None:
    path = tmp_path / "f"
    body = bytes(i % 251 for i in range(size))
    path.write_bytes(body)
    assert read_regular(path, _identity(path), size + 10) == body
    assert read_regular(str(path), None, size + 10) == body


@pytest.mark.parametrize("limit", [0, 1, 50, 99, 100, 101])
def test_read_regular_stops_at_the_limit(tmp_path: Path, limit: int) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"y" * 100)
    assert read_regular(path, None, limit) == b"y" * min(limit, 100)


@pytest.mark.parametrize("told", [0, 10, 99, 101, 5000])
def test_read_regular_when_fstat_is_not_the_size_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: int
) -> None:
    """A file that grew or shrank since its fstat (told here by a size that is not its own) is read to its
    end, or to the limit, as before: only a read that stops exactly at fstat's size ends the reading."""
    path = tmp_path / "f"
    body = b"z" * 100
    path.write_bytes(body)
    real_fstat = os.fstat

    def fstat(fd: int) -> os.stat_result:
        values = list(real_fstat(fd))
        values[stat.ST_SIZE] = told
        return os.stat_result(values)

    monkeypatch.setattr(safeopen.os, "fstat", fstat)
    assert read_regular(path, None, 1000) == body
    assert read_regular(path, None, 60) == body[:60]


def test_read_regular_reads_on_after_a_short_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read that brings fewer bytes than fstat counted (a file system that returns short reads) is
    followed by more reads, not taken for the end."""
    path = tmp_path / "f"
    body = bytes(range(200))
    path.write_bytes(body)
    real_read = os.read
    calls: list[int] = []

    def short_read(fd: int, n: int) -> bytes:
        calls.append(n)
        return real_read(fd, min(n, 30))

    monkeypatch.setattr(safeopen.os, "read", short_read)
    assert read_regular(path, None, 1000) == body
    assert len(calls) == 8  # 7 reads of 30 bytes (the last one 20), then the one that finds the end


def test_read_regular_refuses_what_discovery_did_not_find(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_bytes(b"outside")
    link = tmp_path / "link"
    link.symlink_to(target)
    with pytest.raises(ChangedFileError) as caught:
        read_regular(link, None, 100)
    assert caught.value.errno == errno.ELOOP
    other = tmp_path / "other"
    other.write_bytes(b"x")
    with pytest.raises(ChangedFileError) as caught:
        read_regular(other, _identity(target), 100)
    assert caught.value.errno == errno.ESTALE
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(ChangedFileError) as caught:
        read_regular(fifo, None, 100)
    assert "FIFO" in caught.value.strerror
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "gone", None, 100)


# --- the pool's inline guard -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "category"),
    [
        (RuntimeError("boom"), "error"),
        (RecursionError(), "too_deep"),
        (MemoryError(), "error"),
        (FileBudgetExceeded(), "timeout"),
    ],
)
def test_watched_batch_guards_each_file_as_run_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException, category: str
) -> None:
    """A failing file in a watched batch becomes the same coverage entry as under _run_one's guard; the
    files around it are scanned as usual."""
    import signal

    from auditor.extract import budget

    entries = []
    for i in range(3):
        path = tmp_path / f"f{i}.txt"
        path.write_text("x")
        entries.append(ShippedEntry.of(FileEntry(path, path.name, 1)))

    def scan_one(entry, detectors, key):  # type: ignore[no-untyped-def]
        if entry.rel == "f1.txt":
            raise exc
        return (entry.rel, "text", entry.size)

    old = (signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPROF))
    try:
        budget.install_worker_alarm()
        monkeypatch.setattr(pool, "_worker_state", (None, "k", scan_one, 30.0))
        watched = pool._scan_batch_in_worker(entries)
    finally:
        budget._worker_alarm["installed"] = False
        signal.signal(signal.SIGALRM, old[0])
        signal.signal(signal.SIGPROF, old[1])
    guarded = [pool._compact(pool._run_one(e, None, "k", scan_one, 30.0)) for e in entries]  # type: ignore[arg-type]
    assert watched == guarded
    assert watched[0] == ("f0.txt", "text", 1) and watched[2] == ("f2.txt", "text", 1)
    assert not isinstance(watched[1], tuple) and watched[1].skipped[0].category == category


def test_guard_failure_lets_other_base_exceptions_through() -> None:
    with pytest.raises(KeyboardInterrupt):
        filescan.guard_failure("a", 1, KeyboardInterrupt(), 30.0)
    with pytest.raises(FileBudgetExceeded):  # no budget of its own: an enclosing one ran out
        filescan.guard_failure("a", 1, FileBudgetExceeded(), None)
