"""Compiled regular expressions carried between runs (auditor/regexcache.py): same patterns, same behaviour,
and any doubt about the stored entry leaves `re` to compile as always."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from auditor import cache, regexcache

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in regexcache.SUPPORTED, reason="regexcache is a no-op on this interpreter"
)

# Patterns of the kinds botaudit and its libraries compile: flags, bytes, named groups, look-arounds,
# Unicode classes, a large character set (PyYAML's reader), possessive/atomic groups, repeats.
PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*[:=]\s*(?P<value>\S+)", 0),
    (r"^\s*#.*$", re.MULTILINE),
    (r"api[_-]?key", re.IGNORECASE),
    (r"(?<![A-Za-z0-9])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])", 0),
    (r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]", 0),
    (rb"\x00[\x01-\x08]+", 0),
    (r"(?x) \$\{ \s* (?P<name> [A-Z_]+ ) \s* \}", 0),
    (r"\bpassw(?:or)?d\b", re.IGNORECASE | re.ASCII),
    (r"(?>a+)b|c{2,5}?", 0),
    (r"\w+@\w+\.\w{2,}", re.UNICODE),
    (r"(a)(b)?(?(2)c|d)", 0),
]
SAMPLES: list[str] = [
    "API_KEY = ghp_" + "a1B2" * 9,
    "  # comment\npassword: hunter2",
    "${ TOKEN }",
    "ünïcode\x01\ufffe",
    "aaab ccccc abd ac",
    "mail me@example.org",
]


@pytest.fixture
def fresh_re(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """An empty `re` cache, nothing seeded, a cache folder of this test's own."""
    monkeypatch.setattr(re, "_cache", {})
    if hasattr(re, "_cache2"):
        monkeypatch.setattr(re, "_cache2", {})
    monkeypatch.setattr(regexcache, "_seeded", {})
    monkeypatch.setattr(regexcache, "_detector_programs", None)
    monkeypatch.setattr(regexcache, "_detector_added", [])
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    yield


def _forget() -> None:
    re._cache.clear()  # type: ignore[attr-defined]
    if hasattr(re, "_cache2"):
        re._cache2.clear()
    regexcache._seeded.clear()


def _entry(tmp_path: Path) -> Path:
    entries = list((tmp_path / "cache").glob("re-programs-*"))
    assert len(entries) == 1
    return entries[0]


def _names(tmp_path: Path, prefix: str) -> list[str]:
    # By prefix, not glob: a glob compiles a pattern of its own, which `remember` would count.
    return [name for name in os.listdir(tmp_path / "cache") if name.startswith(prefix)]


def _detector_entry(tmp_path: Path) -> Path:
    entries = [name for name in _names(tmp_path, "re-detectors-") if ".w" not in name]
    assert len(entries) == 1
    return tmp_path / "cache" / entries[0]


class _CountCompiles:
    """Counts `re`'s own compiles (parse and code generation), whichever path asked for them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from re import _compiler

        self.patterns: list[str | bytes] = []
        real = _compiler.compile

        def counting(pattern: str | bytes, flags: int = 0) -> re.Pattern[Any]:
            self.patterns.append(pattern)
            return real(pattern, flags)

        monkeypatch.setattr(_compiler, "compile", counting)


# More detector-like patterns than `re` keeps (set to 4 below): the detector entry is not bound by it.
DETECTOR_PATTERNS = [str(p) for p, _ in PATTERNS if isinstance(p, str)] + [
    rf"(?<![A-Za-z0-9])tok{i}_[A-Za-z0-9]{{{20 + i}}}(?![A-Za-z0-9])" for i in range(8)
]


def test_detector_programs_are_kept_past_re_s_bound(
    fresh_re: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(re, "_MAXCACHE", 4)
    originals = {p: regexcache.compile_detector(p) for p in DETECTOR_PATTERNS}
    assert re._cache == {}  # type: ignore[attr-defined]  # re's own cache is left to other patterns
    assert regexcache.remember() == len(DETECTOR_PATTERNS)
    entry = _detector_entry(tmp_path)
    written = entry.stat().st_mtime_ns
    # The next run (a new process: nothing read yet) builds every one from its stored program.
    monkeypatch.setattr(regexcache, "_detector_programs", None)
    counter = _CountCompiles(monkeypatch)
    for pattern, original in originals.items():
        built = regexcache.compile_detector(pattern)
        assert built is not original
        assert built == original and built.groupindex == original.groupindex
        for sample in [*SAMPLES, "x tok3_" + "Ab1" * 8 + " y"]:
            assert [m.span() for m in built.finditer(sample)] == [m.span() for m in original.finditer(sample)]
    assert counter.patterns == []
    regexcache.remember()
    assert entry.stat().st_mtime_ns == written  # nothing new: not rewritten


def test_a_worker_logs_its_detector_programs_for_the_saving_process(
    fresh_re: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "in_worker", lambda: True)
    for pattern in DETECTOR_PATTERNS[:3]:
        regexcache.compile_detector(pattern)
    assert [name for name in _names(tmp_path, "re-detectors-") if ".w" in name]  # the worker's log
    monkeypatch.setattr(cache, "in_worker", lambda: False)
    assert regexcache.remember() == 3
    assert _names(tmp_path, "re-detectors-") == [_detector_entry(tmp_path).name]  # log merged, removed
    monkeypatch.setattr(regexcache, "_detector_programs", None)
    counter = _CountCompiles(monkeypatch)
    for pattern in DETECTOR_PATTERNS[:3]:
        regexcache.compile_detector(pattern)
    assert counter.patterns == []
    regexcache.compile_detector(DETECTOR_PATTERNS[3])  # never seen: compiled by re
    assert counter.patterns == [DETECTOR_PATTERNS[3]]


@pytest.mark.parametrize("damage", ["flipped", "truncated", "bad-program"])
def test_a_damaged_detector_entry_compiles_as_always(
    fresh_re: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    for pattern in DETECTOR_PATTERNS:
        regexcache.compile_detector(pattern)
    regexcache.remember()
    entry = _detector_entry(tmp_path)
    raw = entry.read_bytes()
    if damage == "flipped":
        entry.write_bytes(raw[:32] + raw[32:].replace(b"tok3_", b"tok4_"))
    elif damage == "truncated":
        entry.write_bytes(raw[: len(raw) // 2])
    else:  # a well-formed entry whose programs _sre refuses
        rows = [(*row[:3], [99999, 1, 2], *row[4:]) for row in marshal.loads(raw[32:])]
        body = marshal.dumps(rows)
        entry.write_bytes(hashlib.sha256(body).digest() + body)
    monkeypatch.setattr(regexcache, "_detector_programs", None)
    expected = {pattern: re.compile(pattern) for pattern in DETECTOR_PATTERNS}
    counter = _CountCompiles(monkeypatch)
    for pattern in DETECTOR_PATTERNS:
        assert regexcache.compile_detector(pattern) == expected[pattern]
    assert sorted(map(str, counter.patterns)) == sorted(DETECTOR_PATTERNS)


def test_programs_round_trip_to_identical_patterns(fresh_re: None, tmp_path: Path) -> None:
    originals = {(p, f): re.compile(p, f) for p, f in PATTERNS}
    assert regexcache.remember() == len(PATTERNS)
    _forget()
    assert regexcache.warm() == len(PATTERNS)
    for (pattern, flags), original in originals.items():
        seeded = re.compile(pattern, flags)
        # Served from the seeded cache, not compiled again ...
        assert seeded is re._cache[type(pattern), pattern, flags]  # type: ignore[attr-defined]
        assert seeded is not original
        # ... and the same pattern: program, flags, groups and behaviour.
        assert seeded == original
        assert (seeded.flags, seeded.groups, seeded.groupindex) == (
            original.flags,
            original.groups,
            original.groupindex,
        )
        for sample in SAMPLES:
            text: str | bytes = (
                sample.encode("utf-8", "surrogatepass") if isinstance(pattern, bytes) else sample
            )
            assert [m.span() for m in seeded.finditer(text)] == [m.span() for m in original.finditer(text)]  # type: ignore[arg-type]
            assert [m.groups() for m in seeded.finditer(text)] == [
                m.groups() for m in original.finditer(text)
            ]  # type: ignore[arg-type]


def test_a_second_run_stores_only_what_is_new(fresh_re: None, tmp_path: Path) -> None:
    re.compile("first")
    assert regexcache.remember() == 1
    entry = _entry(tmp_path)  # (globbing compiles a pattern of its own: before the cache is emptied)
    written = entry.stat().st_mtime_ns
    _forget()
    regexcache.warm()
    re.compile("first")
    assert regexcache.remember() == 0  # nothing new: the entry is not rewritten
    assert entry.stat().st_mtime_ns == written
    re.compile("second")
    assert regexcache.remember() == 1
    _forget()
    assert regexcache.warm() == 2
    assert list(re._cache)[:2] == [(str, "first", 0), (str, "second", 0)]  # type: ignore[attr-defined]


def test_warming_respects_re_s_own_bound(
    fresh_re: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(re, "_MAXCACHE", 4)
    for i in range(6):
        re.compile(f"p{i}")
    assert regexcache.remember() == 4  # never more than re keeps
    _forget()
    re.compile("already-here")
    assert regexcache.warm() == 3  # only the room left in re's cache
    assert len(re._cache) == 4  # type: ignore[attr-defined]


def _store(tmp_path: Path, body: bytes, digest: bytes | None = None) -> None:
    entry = _entry(tmp_path)
    entry.write_bytes((digest if digest is not None else hashlib.sha256(body).digest()) + body)


@pytest.mark.parametrize("damage", ["flipped", "truncated", "empty", "bad-program", "wrong-shape"])
def test_a_damaged_entry_seeds_nothing(fresh_re: None, tmp_path: Path, damage: str) -> None:
    for pattern, flags in PATTERNS:
        re.compile(pattern, flags)
    regexcache.remember()
    raw = _entry(tmp_path).read_bytes()
    body = raw[32:]
    if damage == "flipped":  # a changed character of a pattern: the digest no longer matches
        _store(tmp_path, body.replace(b"ghp_", b"ghq_"), raw[:32])
    elif damage == "truncated":
        _entry(tmp_path).write_bytes(raw[: len(raw) // 2])
    elif damage == "empty":
        _entry(tmp_path).write_bytes(b"")
    elif damage == "bad-program":  # a well-formed entry whose last program _sre refuses
        rows = marshal.loads(body)
        rows[-1] = (*rows[-1][:3], [99999, 1, 2], *rows[-1][4:])
        _store(tmp_path, marshal.dumps(rows))
    else:
        _store(tmp_path, marshal.dumps({"not": "rows"}))
    _forget()
    assert regexcache.warm() == 0
    assert re._cache == {}  # type: ignore[attr-defined]
    # re compiles as always.
    assert re.compile(PATTERNS[0][0]).match("a = b") is not None


def test_no_cache_no_op(fresh_re: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    re.compile("x+")
    assert regexcache.remember() == 0
    assert regexcache.warm() == 0
    assert not (tmp_path / "cache").exists()


def test_other_interpreters_are_left_alone(
    fresh_re: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    re.compile("x+")
    monkeypatch.setattr(regexcache, "SUPPORTED", frozenset())
    assert regexcache.remember() == 0
    assert regexcache.warm() == 0
    assert not (tmp_path / "cache").exists()


def test_entry_is_named_by_the_interpreter_build(
    fresh_re: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    re.compile("x+")
    regexcache.remember()
    _forget()
    version = sys.version
    monkeypatch.setattr(sys, "version", version + " (another build)")
    assert regexcache.warm() == 0
    monkeypatch.setattr(sys, "version", version)
    assert regexcache.warm() == 1
    _forget()
    import auditor

    monkeypatch.setattr(auditor, "__version__", auditor.__version__ + ".post1")
    assert regexcache.warm() == 0  # another botaudit: its own entry


_PROBE = """
import json, re, sys
from re import _compiler
compiled = []
real = _compiler.compile
def counting(p, flags=0):
    compiled.append(repr(p))
    return real(p, flags)
_compiler.compile = counting
from auditor.cli import main
code = main()
print(json.dumps({"code": code, "compiled": compiled}))
"""


def test_a_repeated_scan_compiles_no_pattern_again(tmp_path: Path) -> None:
    """End to end: the first `botaudit scan` stores its programs, the same scan again compiles nothing."""
    tree = tmp_path / "repo"
    tree.mkdir()
    (tree / ".env").write_text("LOG_LEVEL=info\nOPENAI_API_KEY=${OPENAI_API_KEY}\n")
    (tree / "agent.py").write_text("import os\nTOKEN = os.environ['SLACK_BOT_TOKEN']\n")
    (tree / "agent.yaml").write_text("name: triage-bot\nmodel: gpt-4o\n")
    env = dict(os.environ, NO_COLOR="1", BOTAUDIT_CACHE_DIR=str(tmp_path / "cache"))
    env.pop(cache.NO_CACHE_ENV, None)
    runs = []
    for _ in range(2):
        proc = subprocess.run(  # noqa: S603 - our own CLI
            [
                sys.executable,
                "-c",
                _PROBE,
                "scan",
                str(tree),
                "--no-progress",
                "--format",
                "json",
                "-o",
                os.devnull,
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert [r["code"] for r in runs] == [0, 0]
    assert len(runs[0]["compiled"]) > 50  # the first run compiled (and stored) its patterns
    assert runs[1]["compiled"] == []
