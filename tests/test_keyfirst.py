"""The key before the regex (auditor/extract/keyfirst.py): a generic detector's hit whose key names no secret
is skipped without running its regex, and nothing else changes.

Two levels are checked. The matcher: at every region, `_key_first_matches` yields exactly the matches
`_anchored_matches` yields, less those the judge rejects at the key (read as the judge reads it, from the
match) — on generated texts built around the keywords (keys with `.`/`-`/`_`, quotes, long identifiers that
pass the repeat's cap, keywords inside other words, keys cut by a region's start, matches that contain later
hits), on every detector's examples and on every shipped input. The engine: scans with the cut on and off
give the same hits, on the same inputs and on non-ASCII text (where the anchored path is not taken). And the
proof itself, both ways, on constructed patterns and on the shipped generic rules.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import detectors as detmod
from auditor.extract.detectors import DetectorSet, Hit, _extend_key_backwards
from auditor.extract.keyfirst import key_shape
from auditor.extract.keynames import is_secret_key
from tests.shipped_inputs import shipped_inputs

GENERIC = (
    "generic-token",
    "generic-secret",
    "generic-password",
    "generic-api-key",
    "generic-client-secret",
    "credential-key-dotted-token",
)


@pytest.mark.parametrize(
    ("pattern", "keywords", "covered"),
    [
        (r"(?i)(?P<key>token[\w.-]{0,80}+)\s{0,4}=", ["token"], True),
        (r"(?i)(?P<key>token[\w.-]{0,80}+)\s*=", ["token"], False),  # no bound on a match's width
        (r"(?i)(?P<key>(?:pass(?:word|wd)?|pwd)[\w.-]{0,8}+)=", ["pass", "pwd"], True),
        (r"(?i)(?P<key>api[_.-]?key[\w.-]{0,8}+)=", ["api_key", "apikey"], True),
        (r"(?i)(?P<key>token[\w.-]{0,80})=", ["token"], False),  # greedy: the run may give characters back
        (r"(?i)(?P<key>token[\w.-]*+)=", ["token"], False),  # unbounded: no width to bound a match by
        (r"(?P<key>token[\w.-]{0,80}+)=", ["token"], False),  # case-sensitive: not how hits are found
        (r"(?i)x?(?P<key>token[\w.-]{0,80}+)=", ["token"], False),  # the key does not begin the match
        (r"(?i)(?P<key>tok(?:en)?[\w.-]{0,80}+)=", ["token"], True),  # (anchors.py refuses it: `tok` alone)
        (r"(?i)(?P<key>token[\w.-]{0,80}+)=", ["token", "secret"], False),  # `secret` spells no key
        (r"(?i)(?P<key>token[a-z]{0,80}+)=", ["token"], True),
        (r"(?i)(?P<key>to_ken[a-z]{0,80}+)=", ["to_ken"], False),  # `_` is not in the run
        (r"(?i)(?P<key>token[\w\s]{0,80}+)=", ["token"], True),
        (r"(?i)(?P<key>token[^=]{0,80}+)=", ["token"], False),  # a negated literal: not read (none ships)
        (r"(?i)(?P<key>token[\w.-]{0,80}+x)=", ["token"], False),  # the run is not the group's end
        (r"(?i)(?P<key>(?-i:token)[\w.-]{0,80}+)=", ["token"], False),  # a flag change inside the key
        (r"(?i)(?P<key>[a-z]{1,4}token[\w.-]{0,80}+)=", ["token"], False),
    ],
)
def test_key_shape_cases(pattern: str, keywords: list[str], covered: bool) -> None:
    assert (key_shape(pattern, keywords) is not None) is covered


def test_key_shape_reads_the_spellings_and_the_run() -> None:
    shape = key_shape(r"(?i)(?P<key>(?:pass(?:word|wd)?|pwd)[\w.-]{0,8}+)=", ["pass", "pwd"])
    assert shape is not None
    assert shape.spellings == ("pass", "passwd", "password", "pwd")
    assert shape.run_max == 8
    assert set(shape.run_chars) == set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
    assert shape.width == len("password") + 8 + 1


@pytest.fixture(scope="module")
def both() -> tuple[DetectorSet, DetectorSet]:
    first = DetectorSet.load()
    plain = DetectorSet(first.detectors)  # the same Detector objects: each regex compiles once
    plain.key_first = False
    return first, plain


def test_the_generic_rules_are_covered(both: tuple[DetectorSet, DetectorSet]) -> None:
    # Not needed for correctness; a regression here silently brings back the regex and the judge at every
    # `token_limit` / `SECRET_NAME` hit.
    first, _ = both
    covered = {
        det.id
        for index, det in enumerate(first.detectors)
        if first._keyword_anchored(index) and first._key_shape(index) is not None
    }
    # The other three (api-key, client-secret, dotted-token) have a key shape too, but anchors.py does not
    # prove them anchored (a spelling such as `auth-key` is no keyword): they keep the region scan.
    assert {"generic-token", "generic-secret", "generic-password"} <= covered
    assert all(first._key_shape(first.detectors.index(first.get(i))) is not None for i in GENERIC)
    assert all(first.get(det_id).generic for det_id in covered)


def _rejected_at_key(m: re.Match[str], text: str, floor: int) -> bool:
    """What _judge decides first for a generic match, read from the match itself."""
    key_start = _extend_key_backwards(text, m.start("key"), floor)
    return not is_secret_key(text[key_start : m.end("key")])


def _check_matcher(ds: DetectorSet, text: str) -> int:
    """For every covered detector with hits in `text`: key-first yields the anchored matches the judge would
    not reject at the key, in order. The number of anchored matches compared."""
    if not text.isascii():
        return 0
    regions, positions = ds._regions(text)
    compared = 0
    for det_index, spans in regions.items():
        det = ds.detectors[det_index]
        shape = ds._key_shape(det_index)
        if shape is None or not ds._keyword_anchored(det_index):
            continue
        old = list(ds._anchored_matches(det, text, spans, positions[det_index]))
        new = list(ds._key_first_matches(det, shape, text, spans, positions[det_index]))
        kept = [(start, m.span()) for start, m in old if not _rejected_at_key(m, text, start)]
        assert [(start, m.span()) for start, m in new] == kept, (det.id, text[:300])
        compared += len(old)
    return compared


def _seen(hits: list[Hit]) -> list[tuple[object, ...]]:
    return [(h.detector.id, h.value, h.start, h.end, h.confidence, h.key, h.reason) for h in hits]


def _compare(first: DetectorSet, plain: DetectorSet, text: str) -> bool:
    hits = _seen(first.scan_text(text))
    assert hits == _seen(plain.scan_text(text)), text[:300]
    if text.isascii():
        lowered = text.lower()
        keyed = {i for i, det in enumerate(first.detectors) if any(kw in lowered for kw in det.keywords)}
        assert _seen(first.scan_text(text, allowed=keyed)) == _seen(plain.scan_text(text, allowed=keyed))
    return bool(hits)


_WORDS = [
    "token",
    "TOKEN",
    "Token",
    "secret",
    "SECRET",
    "credential",
    "credentials",
    "creds",
    "pass",
    "password",
    "PASSWORD",
    "passwd",
    "passphrase",
    "pwd",
    "api_key",
    "api.key",
    "api-key",
    "apikey",
    "client_secret",
    "clientSecret",
    "jwt",
    "_key",
    "-key",
    ".key",
    "limit",
    "_limit",
    "_name",
    "NAME",
    "policy",
    "max_",
    "STAGE_",
    "db_",
    "my.",
    "x-",
    "access_",
    "s",
    "_id",
    "id",
    "ref",
]
_GLUE = [
    " = ",
    "=",
    ": ",
    ":",
    " := ",
    " => ",
    "==",
    '"',
    "'",
    "`",
    '": "',
    "\n",
    "\n  ",
    " ",
    "\t",
    ",",
    "(",
    ">",
    "</x>",
    "<x>",
    "[",
    "]",
]
_VALUES = [
    "aZ9kQ2mW7xR4pL8v",
    "4096",
    "changeme",
    "${DB_PASSWORD}",
    "0123456789abcdef0123456789abcdef",
    "eyJhbGciOiJIUzI1NiJ9abcd.eyJzdWIiOiIxMjM0NTY3ODkwIn0x.SflKxwRJSMeKKF2QT4fwpMeJf36PO",
    "ghp_" + "a1B2c3D4e5" * 3 + "a1B2c3",
    "hunter2hunter2",
    "x" * 30,
]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 30))):
        kind = draw(st.integers(0, 9))
        if kind < 4:
            parts.append(draw(st.sampled_from(_WORDS)))
        elif kind < 7:
            parts.append(draw(st.sampled_from(_GLUE)))
        elif kind < 9:
            parts.append(draw(st.sampled_from(_VALUES)))
        else:  # a long identifier: past the key run's cap (80) and the backward extension's (80)
            parts.append(draw(st.sampled_from(["a", "_", "x.", "9-"])) * draw(st.integers(20, 120)))
    return "".join(parts)


@given(_texts())
@settings(max_examples=400, deadline=None)
def test_key_first_matcher_on_generated_texts(both: tuple[DetectorSet, DetectorSet], text: str) -> None:
    first, plain = both
    _check_matcher(first, text)
    _compare(first, plain, text)
    assert _seen(first.scan_value("db_token", text)) == _seen(plain.scan_value("db_token", text))


def test_a_skipped_hit_still_hides_the_hits_inside_its_match(both: tuple[DetectorSet, DetectorSet]) -> None:
    # The match at `max_tokens` (its key names no secret) takes the quoted value, which holds a later hit
    # whose key does (`token_secret`). The anchored matcher never tries that hit (it lies inside the first
    # match); key-first, which does not run the first match, must not try it either.
    first, plain = both
    text = 'max_tokens = "token_secret=aZ9kQ2mW7xR4pL8v"\ntoken_limit=4096 api_token=bY8jP1nV6wQ3oK7u\n'
    assert _check_matcher(first, text) >= 2
    _compare(first, plain, text)
    # and a live hit right after a skipped one that does not match at all
    text = "token_count token=aZ9kQ2mW7xR4pL8v\n"
    assert _check_matcher(first, text) >= 1
    assert _compare(first, plain, text)


def test_key_cut_by_the_region_floor(both: tuple[DetectorSet, DetectorSet]) -> None:
    # A key whose identifier starts before its region (a region begins at most the regex's width before the
    # hit): the judge's key and key-first's both stop at the region's start.
    first, plain = both
    for pad in (0, 1, 79, 80, 81, 300, 400):
        text = "x" + "a" * pad + "_token = aZ9kQ2mW7xR4pL8v\n" + "b" * pad + "password_limit: 12\n"
        _check_matcher(first, text)
        _compare(first, plain, text)


def test_every_detector_example(both: tuple[DetectorSet, DetectorSet]) -> None:
    first, plain = both
    compared = found = 0
    for det in first.detectors:
        for example in (*det.examples_match, *det.examples_no_match):
            compared += _check_matcher(first, f"x {example} y")
            found += _compare(first, plain, f"x {example} y")
    assert compared > 300 and found > 1000


def test_every_shipped_input(both: tuple[DetectorSet, DetectorSet]) -> None:
    first, plain = both
    files = shipped_inputs()
    assert len(files) > 100
    compared = found = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        compared += _check_matcher(first, text)
        found += _compare(first, plain, text)
    assert compared > 200 and found > 20


def test_non_ascii_text(both: tuple[DetectorSet, DetectorSet]) -> None:
    first, plain = both
    text = "clé_token = 'aZ9kQ2mW7xR4pL8v'\ntoken_limit = 4096\n\u017fecret_key = 'bY8jP1nV6wQ3oK7u'\n"
    hits = _seen(first.scan_text(text))
    assert hits == _seen(plain.scan_text(text))
    assert any(h[0] == "generic-token" for h in hits)


def test_rejected_keys_run_no_regex(
    both: tuple[DetectorSet, DetectorSet], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The work the cut removes, counted: on lines whose keys name no secret, key-first runs the generic
    # regexes once per key (to learn the key's verdict where the regex matches); the anchored matcher runs
    # them at every hit and the judge rejects each match.
    first, plain = both
    text = "".join(f"token_limit = {4096 + i}\nSTAGE_SECRET_NAME: stage{i:04d}\n" for i in range(50))
    text += "api_token = aZ9kQ2mW7xR4pL8v\n"
    calls = {"match": 0, "judge": 0}

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def __getattr__(self, name: str) -> object:
            return getattr(self.pattern, name)

        def match(self, *args: object) -> re.Match[str] | None:
            calls["match"] += 1
            return self.pattern.match(*args)  # type: ignore[arg-type]

    real_compiled, real_judge = detmod._compiled, DetectorSet._judge

    def compiled(regex: object) -> object:
        return Counting(real_compiled(regex))  # type: ignore[arg-type]

    def judge(self: DetectorSet, *args: object) -> object:
        calls["judge"] += 1
        return real_judge(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(detmod, "_compiled", compiled)
    monkeypatch.setattr(DetectorSet, "_judge", judge)
    counted = {}
    for name, ds in (("first", first), ("plain", plain)):
        calls.update(match=0, judge=0)
        hits = ds.scan_text(text)
        counted[name] = dict(calls)
        assert [h.value for h in hits] == ["aZ9kQ2mW7xR4pL8v"]
    assert counted["plain"]["match"] >= 100 and counted["plain"]["judge"] >= 100
    # each key is judged once, at its first match (two keys that name no secret, one that does)
    assert counted["first"]["match"] <= 3 and counted["first"]["judge"] <= 1
