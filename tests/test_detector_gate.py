"""The full-regex gate must never change what the detectors find: it may only skip work that finds nothing.

Three layers: the widening itself (every string a detector's regex matches, its widened pattern matches
too), the compiled gate (it reports a detector on each of that detector's positive examples), and whole
files (the same FileScan with the gate on and off, over every test input botaudit ships).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.detectors import DetectorSet, Hit
from auditor.extract.filescan import scan_bytes
from auditor.extract.regexgate import UntranslatableRegex, widen
from auditor.extract.vectorscan import available
from tests.shipped_inputs import ROOTS, shipped_inputs

REPO = Path(__file__).resolve().parent.parent

needs_vectorscan = pytest.mark.skipif(not available(), reason="Vectorscan bindings not installed here")


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


@pytest.fixture(scope="module")
def gated() -> DetectorSet:
    loaded = DetectorSet.load()
    assert loaded.use_gate() or not available()
    return loaded


def _samples(detectors: DetectorSet) -> list[tuple[int, str]]:
    out = []
    for index, det in enumerate(detectors.detectors):
        for text in (*det.examples_match, *det.examples_no_match):
            out.append((index, text))
    return out


def test_every_detector_widens(detectors: DetectorSet) -> None:
    # Not a requirement of soundness (an untranslatable regex is gated by keywords), but a regression here
    # quietly costs speed: today every shipped detector translates.
    for det in detectors.detectors:
        widen(det.regex.pattern)


def test_widening_matches_wherever_the_detector_does(detectors: DetectorSet) -> None:
    checked = 0
    for index, text in _samples(detectors):
        det = detectors.detectors[index]
        if not text.isascii():
            continue
        wide = re.compile(widen(det.regex.pattern))
        for m in det.regex.finditer(text):
            checked += 1
            assert wide.search(m.group(0)), f"{det.id}: widened pattern misses {m.group(0)[:12]}..."
    assert checked > 300


@pytest.mark.parametrize(
    ("pattern", "matching"),
    [
        (
            r"(?i)token\s*=\s*(?P<q>['\"])?(?P<v>(?(q)[^'\"]+|\S+))(?(q)(?P=q)|(?!\w))",
            ["TOKEN = 'abc'", "token=x"],
        ),
        (r"\bghp_[A-Za-z0-9]{36}\b$", ["ghp_" + "a" * 36]),
        (r"(?<![a-z])key(?=:)", ["key:"]),  # lookarounds dropped: the consumed text alone
        (r"a{,3}b", ["aab", "b"]),  # Python's {,n} (a literal in PCRE): translated from the parse tree
        (r"(?i:abc)(?-i:D)", ["ABCD", "abcD"]),
        (r"x{64,16384}?y", ["x" * 64 + "y"]),
        (r"(?s)a.b", ["a\nb"]),
        (r"[^a-c]", ["d", "\n"]),
    ],
)
def test_widening_cases(pattern: str, matching: list[str]) -> None:
    wide = re.compile(widen(pattern))
    for text in matching:
        assert re.search(pattern, text), text
        assert wide.search(text), text


def test_untranslatable_is_reported() -> None:
    with pytest.raises(UntranslatableRegex):
        widen("caf\u00e9")


@given(st.text(alphabet=st.characters(min_codepoint=9, max_codepoint=126), max_size=60))
@settings(max_examples=150, deadline=None)
def test_widening_is_a_superset_on_ascii(text: str) -> None:
    patterns = [
        r"(?i)(?P<key>pass(?:word)?[\w.-]{0,8}+)[ \t]{0,2}[:=](?P<q>[\"'])?"
        r"(?P<s>(?(q)[^\"'\n]{1,9}?|\S{1,9}))(?(q)(?P=q)|(?![\w.]))",
        r"(?<![A-Za-z0-9])[a-f0-9]{3,8}(?![a-z])$",
        r"\b(?:AKIA|ASIA)[A-Z0-9]{4}\b",
    ]
    for pattern in patterns:
        if re.search(pattern, text):
            assert re.search(widen(pattern), text)


@needs_vectorscan
def test_gate_reports_each_detector_on_its_examples(gated: DetectorSet) -> None:
    gate = gated._active_gate()
    assert gate is not None
    for index, det in enumerate(gated.detectors):
        for example in det.examples_match:
            if not example.isascii():
                continue
            found = gate.candidates(example.encode("ascii"))
            if found is None:  # a control byte: not judged, the keyword path takes it
                continue
            assert index in found, f"gate misses {det.id} on its own example"


@needs_vectorscan
def test_gate_does_not_judge_non_ascii_or_control_bytes(gated: DetectorSet) -> None:
    gate = gated._active_gate()
    assert gate is not None
    assert gate.candidates("password = 'caf\u00e9-x'".encode()) is None
    assert gate.candidates(b"password = 'x\x1fy'") is None
    assert gate.candidates(b"nothing to see here") == set()


@needs_vectorscan
def test_gate_changes_no_file_result(detectors: DetectorSet, gated: DetectorSet) -> None:
    files = shipped_inputs()
    assert len(files) > 100
    skipped_by_gate = 0
    for path in files:
        rel = path.relative_to(REPO).as_posix()
        data = path.read_bytes()
        plain = scan_bytes(rel, data, detectors, fingerprint_key="gate-test")
        fast = scan_bytes(rel, data, gated, fingerprint_key="gate-test")
        assert fast == plain, rel
        if gated.may_match(data) is False:
            skipped_by_gate += 1
    assert skipped_by_gate > 0  # the gate really took part


@needs_vectorscan
def test_gate_compiles_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor import cache

    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path))
    small_scan = DetectorSet.load()
    assert not small_scan.use_gate(compile_if_missing=False)  # nothing cached: keyword prefilter only
    assert small_scan.may_match(b"token = 'abc'") is None
    assert not list(tmp_path.glob("hs-detector-gate-*"))
    assert DetectorSet.load().use_gate()  # a big scan compiles it and caches it
    assert list(tmp_path.glob("hs-detector-gate-*"))
    later = DetectorSet.load()
    assert later.use_gate(compile_if_missing=False)  # now any scan uses the cached one
    assert later.may_match(b"nothing here") is False


# -- the combined pass: gate, keywords and marker sets in one scan per file ---------------------------------


@pytest.fixture(scope="module")
def probed() -> DetectorSet:
    from auditor.extract.filescan import probe_partitions

    loaded = DetectorSet.load()
    assert loaded.use_gate(partitions=probe_partitions()) or not available()
    return loaded


def _marker_sets() -> list[object]:
    from auditor.extract import iac_marks, markers

    return [markers.manifest_markers(), markers.evidence_markers(), iac_marks.markers()]


@needs_vectorscan
def test_combined_pass_answers_every_question_like_its_own_pass(
    detectors: DetectorSet, gated: DetectorSet, probed: DetectorSet
) -> None:
    from auditor.extract.evidence import PEER_ALLOW_LITERALS
    from auditor.extract.filescan import ALLOW_MARKER
    from auditor.extract.markers import MarkerSet

    sets = [m for m in _marker_sets() if isinstance(m, MarkerSet)]
    assert all(m.partition() is not None for m in sets)  # each runs on Vectorscan, so each is in the pass
    seen = {"may_match": set(), "keywords": set()} | {m.name: set() for m in sets}
    samples = [p.read_bytes() for p in shipped_inputs()] + [
        b"token = 'x'",
        b"mcpServers:\n  a: {}\n",
        b"grant_type=client_credentials",
        b'{"AWSTemplateFormatVersion": "2010-09-09"}',
        b"caf\xc3\xa9 password = 'x'",
        b"nothing at all",
        b"x = 1  # botaudit:allow",
        b"x = 1  # BOTAUDIT:ALLOW",
        b"x = 1  # gitleaks:allow",
        b"# pragma: allowlist nextline secret\nx = 1",
    ]
    for data in samples:
        probe = probed.probe(data)
        if not data:
            assert probe is None
            continue
        assert probe is not None
        assert probe.may_match() == gated.may_match(data)
        assert probe.keywords() == detectors.candidates(data)
        seen["may_match"].add(probe.may_match())
        seen["keywords"].add(probe.keywords())
        for marker_set in sets:
            assert probe.answer(marker_set.name) == marker_set.any(data), marker_set.name
            seen[marker_set.name].add(marker_set.any(data))
        # The allow partition: botaudit's own marker or fixed text of another scanner's (peer_allow_lines).
        allow = b"botaudit:allow" in data or any(lit in data for lit in PEER_ALLOW_LITERALS)
        assert probe.answer(ALLOW_MARKER) == allow
        seen.setdefault(ALLOW_MARKER, set()).add(allow)
    # Every question was answered both ways on these inputs (and the gate also declined to judge some).
    assert seen.pop("may_match") == {None, False, True}
    assert all(answers == {False, True} for answers in seen.values()), seen


@needs_vectorscan
def test_combined_pass_changes_no_file_result(detectors: DetectorSet, probed: DetectorSet) -> None:
    """Whole files from disk (so the IaC marks, answered by the pass too, are compared as well)."""
    from auditor.discovery.walk import walk
    from auditor.extract.filescan import scan_file

    entries, _ = walk([r for r in ROOTS if r.is_dir()])
    assert len(entries) > 100
    marked = 0
    for entry in entries:
        plain = scan_file(entry, detectors, fingerprint_key="gate-test")
        fast = scan_file(entry, probed, fingerprint_key="gate-test")
        assert fast == plain, entry.rel
        marked += bool(fast.iac)
    assert marked > 0


@needs_vectorscan
def test_scan_values_finds_what_each_scalar_alone_finds(detectors: DetectorSet, gated: DetectorSet) -> None:
    """One gate pass over a document's scalars must not change any scalar's hits, whether the shared verdict
    is used (few detectors open), set aside (many open) or impossible (non-ASCII, control bytes)."""
    examples = [
        (None if i % 3 == 0 else "value", text)
        for det in gated.detectors
        for i, text in enumerate(det.examples_match[:1] + det.examples_no_match[:1])
    ]
    documents = [
        [("region", "eu-west-1"), ("replicas", "3"), ("name", "svc")],  # nothing open
        [("password", "hunter2-Xy9!"), ("token_limit", "4096"), ("db_url", ""), ("x", "y")],  # a few
        examples,  # every detector open: each scalar asks the gate itself
        [("password", "caf\u00e9-Xy9!k2"), ("token", "ghp_" + "a1" * 18)],  # not judged by the gate
        [("secret", "a\x1fb-Xy9!k2Lq"), ("api_key", "sk-" + "Q7" * 20)],
        [("token", "x")],
        [],
    ]

    def plain(found: list[list[Hit]]) -> list[list[tuple[object, ...]]]:
        return [
            [(h.detector.id, h.value, h.start, h.end, h.confidence, h.key, h.reason) for h in hits]
            for hits in found
        ]

    hits = 0
    for items in documents:
        expected = [detectors.scan_value(key, value) for key, value in items]
        assert plain(gated.scan_values(items)) == plain(expected)
        assert gated.scan_values(items) == [gated.scan_value(key, value) for key, value in items]
        assert detectors.scan_values(items) == expected
        hits += sum(map(len, expected))
    assert hits > 100
