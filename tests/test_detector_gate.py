"""The full-regex gate must never change what the detectors find: it may only skip work that finds nothing.

Three layers: the widening itself (every string a detector's regex matches, its widened pattern matches
too), the compiled gate (it reports a detector wherever its regex has a match that can yield a hit: a
generic rule's match whose key names no secret is not one, tests/test_gate_keys.py; and on each of that
detector's positive examples), and whole files (the same FileScan with the gate on and off, over every test
input botaudit ships).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.detectors import KEYWORDS, Detector, DetectorSet, Hit, _extend_key_backwards
from auditor.extract.filescan import scan_bytes
from auditor.extract.keynames import is_secret_key
from auditor.extract.regexgate import _ASCII_FOLDS, GATE_BLIND, UntranslatableRegex, judged, widen
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


def _wide(pattern: str) -> re.Pattern[bytes]:
    """The widened pattern as Python reads it on bytes (it is written for Vectorscan's byte mode)."""
    return re.compile(widen(pattern).encode("ascii"))


def _judged(text: str) -> bool:
    """Whether the gate judges `text` as UTF-8: no blind byte (control bytes, caseless partners of ASCII
    letters); always valid UTF-8 here."""
    return not re.search(GATE_BLIND, text.encode("utf-8"))


def test_widening_matches_wherever_the_detector_does(detectors: DetectorSet) -> None:
    checked = 0
    for index, text in _samples(detectors):
        det = detectors.detectors[index]
        wide = _wide(det.regex.pattern)
        for m in det.regex.finditer(text):
            checked += 1
            found = wide.search(m.group(0).encode("utf-8"))
            assert found, f"{det.id}: widened pattern misses {m.group(0)[:12]}..."
    assert checked > 300


# Text a widened pattern must survive: accented Latin, Greek, CJK, an emoji (4 bytes), Unicode digits and
# spaces (Python's \d and \s take them), the line and paragraph separators, NEL, a no-break space.
_UNICODE = (
    "\u00e9\u00fc\u00df\u03a9\u4e2d\u6587\U0001f600\u0663\u00a0\u2028\u2029\u0085\u3000\u2003\u00c5\u0410"
)


@pytest.mark.parametrize(
    ("pattern", "matching"),
    [
        (
            r"(?i)token\s*=\s*(?P<q>['\"])?(?P<v>(?(q)[^'\"]+|\S+))(?(q)(?P=q)|(?!\w))",
            ["TOKEN = 'abc'", "token=x", "token =\u00a0\u00e9t\u00e9", "token\u3000= '\u4e2d\u6587'"],
        ),
        (r"\bghp_[A-Za-z0-9]{36}\b$", ["ghp_" + "a" * 36]),
        (r"(?<![a-z])key(?=:)", ["key:"]),  # lookarounds dropped: the consumed text alone
        (r"a{,3}b", ["aab", "b"]),  # Python's {,n} (a literal in PCRE): translated from the parse tree
        (r"(?i:abc)(?-i:D)", ["ABCD", "abcD"]),
        (r"x{64,16384}?y", ["x" * 64 + "y"]),
        (r"(?s)a.b", ["a\nb", "a\u00e9b", "a\U0001f600b"]),
        (r"a.b", ["a\u2028b", "a\u0085b"]),
        (r"[^a-c]", ["d", "\n", "\u00e9"]),
        (r"[^a-c]{3}x", ["\u4e2d\u6587\u00e9x"]),  # three characters, nine bytes
        (r"\w{2,3}-", ["\u00e9\u00fc-", "\U0001f600"[:0] + "\u4e2d\u6587\u5b57-"]),
        (r"\d{3}", ["\u0663\u0664\u0665", "1\u0663\uff19"]),
        (r"\s{2}x", ["\u00a0\u2028x", "\u3000\u0085x", "\u001c\u001dx"[:0] + " \u2003x"]),
        (r"\S\W\D", ["\u00e9\u00a0\u00e9", "\U0001f600!\u4e2d"]),
        (r"caf\u00e9 \u4e2d+", ["caf\u00e9 \u4e2d\u4e2d"]),  # literal non-ASCII: its UTF-8 bytes
        (r"(?i)stra\u00dfe", ["STRA\u00dfE"]),
        (r"(?i)\u00e9t\u00e9", ["\u00c9T\u00c9"]),  # a caseless non-ASCII literal takes its partners
        (r"[\u00e0-\u00ff]{2}[^\x00-\x7f]", ["\u00e9\u00fc\u4e2d"]),
        (r"(?i)[a-z\u00e0-\u00fe]{4}", ["\u00c9t\u00c9s"]),
        (r"(?:\.\w+){2,3}", [".\u00e9.\u4e2d\u6587"]),
        (r"(\w)x\1", ["\u00e9x\u00e9"]),
        (r"x\w{0,2}y\S{16}z", ["x\U00020000\u4e2dy" + "\U0001f600" * 16 + "z"]),  # up to 4 bytes each
        (r"x[^\n]{1,40}y", ["x" + "\u4e2d" * 40 + "y"]),  # 120 bytes: past the bytes bound, unbounded
    ],
)
def test_widening_cases(pattern: str, matching: list[str]) -> None:
    wide = _wide(pattern)
    for text in matching:
        assert re.search(pattern, text), text
        assert wide.search(text.encode("utf-8")), text


def test_widened_repeats_count_characters_not_bytes() -> None:
    # The upper bound of a counted repeat of ASCII-only atoms stays exact, whatever surrounds it.
    assert not _wide(r"^x[a-c]{2}y").search("x\u00e9\u00e9y".encode())
    assert _wide(r"\w\w\w").search("\u4e2d\u6587\u5b57".encode())
    # A lone non-ASCII atom takes one character: two characters are not one.
    assert not _wide(r"a.b").search("a\u00e9\u00e9b".encode())
    assert not _wide(r"a[^x]b").search("a\u4e2d\u6587b".encode())
    # An ASCII class takes no byte of a non-ASCII character.
    assert not _wide(r"a[^\x00-\x7f]?[a-z]b").search("a\u00e9\u00e9b".encode())
    assert not _wide(r"k[a-z]{3}").search("k\u00e9\u00e9\u00e9".encode())


def test_only_four_characters_pair_with_ascii_letters_caselessly() -> None:
    """The premise of GATE_BLIND's non-ASCII part: under IGNORECASE, Python pairs these four and no other
    non-ASCII code point with an ASCII character."""
    caseless_ascii = re.compile(r"(?i)[\x00-\x7f]")
    partners = [code for code in range(0x80, 0x110000) if caseless_ascii.match(chr(code))]
    assert tuple(partners) == _ASCII_FOLDS
    for code in _ASCII_FOLDS:
        assert re.search(GATE_BLIND, chr(code).encode("utf-8"))


def test_untranslatable_is_reported() -> None:
    with pytest.raises(UntranslatableRegex):
        widen(r"([^a])(?i:\1)")  # a caseless backreference to a case-sensitive group


@given(st.text(alphabet=st.characters(min_codepoint=9, max_codepoint=126), max_size=60))
@settings(max_examples=150, deadline=None)
def test_widening_is_a_superset_on_ascii(text: str) -> None:
    for pattern in _PROPERTY_PATTERNS:
        if re.search(pattern, text):
            assert _wide(pattern).search(text.encode("ascii"))


_PROPERTY_PATTERNS = [
    r"(?i)(?P<key>pass(?:word)?[\w.-]{0,8}+)[ \t]{0,2}[:=](?P<q>[\"'])?"
    r"(?P<s>(?(q)[^\"'\n]{1,9}?|\S{1,9}))(?(q)(?P=q)|(?![\w.]))",
    r"(?<![A-Za-z0-9])[a-f0-9]{3,8}(?![a-z])$",
    r"\b(?:AKIA|ASIA)[A-Z0-9]{4}\b",
    r"(?i)key\s{0,2}=\s{0,2}.{2,5}\b",
    r"[^\s=]{2,4}=\d{1,3}\W",
    r"(?i)[a-z\u00e0-\u00ff]{2}s",
    r"\u00e9{1,2}\w{0,3}[^a]",
]

_MIXED = st.text(
    alphabet=st.sampled_from(
        list("aAbBeEfkKsSpPwWoOrRdDyY019=:'\" \t\n._-!") + list(_UNICODE) + ["\u0130", "\u212a", "\x1f"]
    ),
    max_size=40,
)


@given(_MIXED)
@settings(max_examples=300, deadline=None)
def test_widening_is_a_superset_on_unicode(text: str) -> None:
    if not _judged(text):
        return  # a blind byte: the gate does not judge this buffer
    for pattern in _PROPERTY_PATTERNS:
        m = re.search(pattern, text)
        if m:
            assert _wide(pattern).search(text.encode("utf-8")), (pattern, text)
            assert _wide(pattern).search(m.group(0).encode("utf-8")), (pattern, text)


@needs_vectorscan
def test_gate_reports_each_detector_on_its_examples(gated: DetectorSet) -> None:
    gate = gated._active_gate()
    assert gate is not None
    for index, det in enumerate(gated.detectors):
        for example in det.examples_match:
            for text in (example, f"\u00e9\u4e2d {example} \U0001f600\u00a0"):
                found = gate.candidates(text.encode("utf-8"))
                if found is None:  # a control byte: not judged, the keyword path takes it
                    assert not _judged(text)
                    continue
                assert index in found, f"gate misses {det.id} on its own example"


@needs_vectorscan
def test_gate_judges_utf8_but_not_other_encodings_or_control_bytes(gated: DetectorSet) -> None:
    gate = gated._active_gate()
    assert gate is not None
    assert gate.candidates("password = 'caf\u00e9-x'".encode()) is not None
    assert gate.candidates("# \u4e2d\u6587 \U0001f600\nnothing to see here".encode()) == set()
    assert gate.candidates(b"password = 'caf\xe9-x'") is None  # latin-1: decoded otherwise
    assert gate.candidates(b"password = 'caf\xc3'") is None  # a character cut short
    assert gate.candidates(b"\xff\xfep\x00w\x00") is None  # UTF-16 with its byte-order mark
    assert gate.candidates(b"password = 'x\x1fy'") is None
    assert gate.candidates("password = '\u212a-x'".encode()) is None  # the Kelvin sign: caseless k
    assert gate.candidates(b"nothing to see here") == set()
    assert judged(b"") and judged("\ufeffx".encode()) and not judged(b"\xed\xa0\x80")  # a surrogate
    probe_allowed, _ = gate.probe(b"caf\xe9 token")
    assert probe_allowed is None


@pytest.fixture(scope="module")
def detector_texts(detectors: DetectorSet) -> list[str]:
    return [text for det in detectors.detectors for text in (*det.examples_match, *det.examples_no_match)]


def _may_yield(det: Detector, m: re.Match[str], text: str) -> bool:
    """Whether a match reaches the judge past the key: a generic rule's match whose key names no secret is
    dropped by the matchers (and by the judge's first step), so the gate need not report it."""
    if not det.generic or "key" not in m.re.groupindex or m.end("key") < 0:
        return True
    return is_secret_key(text[_extend_key_backwards(text, m.start("key"), 0) : m.end("key")])


def _python_matches(detectors: DetectorSet, text: str) -> set[int]:
    """The detectors whose regex matches in `text` with a match that can yield a hit (_may_yield)."""
    return {
        i
        for i, det in enumerate(detectors.detectors)
        if any(_may_yield(det, m, text) for m in det.regex.finditer(text))
    }


@st.composite
def _unicode_around(draw: st.DrawFn, texts: list[str]) -> str:
    """A detector example with non-ASCII text around it, and perhaps inside it (a key name with an accent,
    a value with a CJK character): Python may then match other detectors, or none."""
    text = draw(st.sampled_from(texts))
    pieces = st.text(alphabet=st.sampled_from(list(_UNICODE) + list("ab _=:'\"\n\t")), max_size=6)
    if draw(st.booleans()) and text:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(pieces) + text[at:]
    return draw(pieces) + text + draw(pieces)


@needs_vectorscan
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_gate_allows_every_detector_python_matches_in_unicode_text(
    data: st.DataObject, detectors: DetectorSet, gated: DetectorSet, detector_texts: list[str]
) -> None:
    text = data.draw(_unicode_around(detector_texts))
    gate = gated._active_gate()
    assert gate is not None
    found = gate.candidates(text.encode("utf-8"))
    if found is None:
        assert not _judged(text)
        return
    missed = _python_matches(detectors, text) - found
    assert not missed, [detectors.detectors[i].id for i in missed]


@needs_vectorscan
def test_gate_allows_every_detector_python_matches_in_each_example_made_unicode(
    detectors: DetectorSet, gated: DetectorSet, detector_texts: list[str]
) -> None:
    """Every example of every detector, deterministically: its characters swapped one in five for
    non-ASCII ones, and with non-ASCII text before and after."""
    gate = gated._active_gate()
    assert gate is not None
    judged_texts = matched = 0
    for n, example in enumerate(detector_texts):
        swapped = "".join(
            _UNICODE[(n + i) % len(_UNICODE)] if (n + i) % 5 == 0 else ch for i, ch in enumerate(example)
        )
        for text in (swapped, f"{_UNICODE[n % 7]}\u00e9 {example}\u2028{_UNICODE[n % 11]}"):
            found = gate.candidates(text.encode("utf-8"))
            if found is None:
                assert not _judged(text)
                continue
            judged_texts += 1
            python = _python_matches(detectors, text)
            matched += bool(python)
            assert python <= found, [detectors.detectors[i].id for i in python - found]
    assert judged_texts > 1000 and matched > 500


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


def _made_unicode(data: bytes) -> list[bytes]:
    """UTF-8 variants of a text file: a line of non-ASCII text first, and one `e` in three accented (in
    key names, values and secrets alike)."""
    head = "# caf\u00e9 \u4e2d\u6587 \U0001f600 na\u00efve\u00a0\u2028\n".encode()
    parts = data.split(b"e")
    accented = b"".join(
        part + (b"" if i == len(parts) - 1 else "\u00e9".encode() if i % 3 == 0 else b"e")
        for i, part in enumerate(parts)
    )
    return [head + data, accented]


@needs_vectorscan
def test_gate_changes_no_result_of_a_unicode_file(detectors: DetectorSet, gated: DetectorSet) -> None:
    """The shipped inputs made non-ASCII: the same FileScan with the gate on and off, and the gate judges
    them (before UTF-8 was judged, every one of these took the keyword path)."""
    judged_files = skipped_by_gate = found = 0
    for path in shipped_inputs():
        data = path.read_bytes()
        if b"\x00" in data[:8192] or not judged(data):
            continue
        rel = path.relative_to(REPO).as_posix()
        for variant in _made_unicode(data):
            plain = scan_bytes(rel, variant, detectors, fingerprint_key="gate-test")
            fast = scan_bytes(rel, variant, gated, fingerprint_key="gate-test")
            assert fast == plain, rel
            verdict = gated.may_match(variant)
            judged_files += verdict is not None
            skipped_by_gate += verdict is False
            found += len(plain.secrets)
    assert judged_files > 400 and skipped_by_gate > 10 and found > 100


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


# -- the combined pass: gate and marker sets in one scan per file (the keyword question apart) --------------


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
        b"caf\xe9 password = 'x'",  # latin-1: not judged
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
        # The keyword question is not the pass's (detectors.KEYWORDS): the prefilter's answer is recorded.
        assert probe.keywords() is None
        answered = probe.with_answer(KEYWORDS, detectors.candidates(data))
        assert answered.keywords() == detectors.candidates(data)
        assert (answered.allowed, answered.found - {KEYWORDS}) == (probe.allowed, probe.found)
        seen["may_match"].add(probe.may_match())
        seen["keywords"].add(answered.keywords())
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
