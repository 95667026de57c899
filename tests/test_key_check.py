"""A generic detector's match whose key names no secret is dropped by the matcher, before the judge.

`DetectorSet._judge` rejects a generic match at its first step when the key (the key group, extended
backwards over key characters to the region's start) names no secret (`token_limit = 4096`,
`STAGE_SECRET_NAME: x`): most of a tree of settings' matches. The matchers (`_anchored_matches`,
`_region_matches`) now drop those themselves, with the verdicts remembered by key. Checked at two levels:
each matcher yields exactly the matches it yielded before less those the judge rejects at the key (read as
the judge reads it); and scans with the check on and off give the same hits, on generated texts built
around the keywords (keys with `.`/`-`/`_`, quotes, long identifiers past the 80-character backward
extension, keywords inside other words, keys cut by a region's start, matches that hold later hits), on
every detector's examples, on every shipped input and on non-ASCII text. The work it saves is counted.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import detectors as detmod
from auditor.extract.detectors import DetectorSet, Hit, _extend_key_backwards
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


@pytest.fixture(scope="module")
def both() -> tuple[DetectorSet, DetectorSet]:
    first = DetectorSet.load()
    plain = DetectorSet(first.detectors)  # the same Detector objects: each regex compiles once
    plain.key_check = False
    return first, plain


def test_the_generic_rules_are_checked(both: tuple[DetectorSet, DetectorSet]) -> None:
    first, _ = both
    checked = {det.id for index, det in enumerate(first.detectors) if first._generic_key(index)}
    assert set(GENERIC) <= checked
    assert all(first.get(det_id).generic for det_id in checked)


def _rejected_at_key(m: re.Match[str], text: str, floor: int) -> bool:
    """What _judge decides first for a generic match, in its own words."""
    if m.end("key") < 0:
        return False
    key_start = _extend_key_backwards(text, m.start("key"), floor)
    return not is_secret_key(text[key_start : m.end("key")])


def _check_matcher(ds: DetectorSet, text: str) -> int:
    """For every generic detector with a key group and hits in `text`, both matchers (the anchored one where
    it applies, the region scan always) yield what they yield without verdicts, less the matches the judge
    rejects at the key, in order. The number of matches compared."""
    regions, positions = ds._regions(text)
    compared = 0
    for det_index, spans in regions.items():
        det = ds.detectors[det_index]
        if not ds._generic_key(det_index):
            continue
        pairs = [
            (
                list(ds._region_matches(det, text, spans)),
                list(ds._region_matches(det, text, spans, {})),
            )
        ]
        if text.isascii() and ds._keyword_anchored(det_index):
            hits = positions[det_index]
            pairs.append(
                (
                    list(ds._anchored_matches(det, text, spans, hits)),
                    list(ds._anchored_matches(det, text, spans, hits, {})),
                )
            )
        for old, new in pairs:
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
def test_key_check_on_generated_texts(both: tuple[DetectorSet, DetectorSet], text: str) -> None:
    first, plain = both
    _check_matcher(first, text)
    _compare(first, plain, text)
    assert _seen(first.scan_value("db_token", text)) == _seen(plain.scan_value("db_token", text))


def test_a_skipped_hit_still_hides_the_hits_inside_its_match(both: tuple[DetectorSet, DetectorSet]) -> None:
    # The match at `max_tokens` (its key names no secret) takes the quoted value, which holds a later hit
    # whose key does (`token_secret`). The anchored matcher never tries that hit (it lies inside the first
    # match), dropped or not.
    first, plain = both
    text = 'max_tokens = "token_secret=aZ9kQ2mW7xR4pL8v"\ntoken_limit=4096 api_token=bY8jP1nV6wQ3oK7u\n'
    assert _check_matcher(first, text) >= 2
    _compare(first, plain, text)
    # and a live hit right after a skipped one that does not match at all
    text = "token_count token=aZ9kQ2mW7xR4pL8v\n"
    assert _check_matcher(first, text) >= 1
    assert _compare(first, plain, text)


def test_key_cut_by_the_region_floor(both: tuple[DetectorSet, DetectorSet]) -> None:
    # A key whose identifier starts before its region, or more than 80 characters before its keyword: the
    # judge's key and the matcher's both stop there.
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


def test_rejected_keys_reach_no_judge(
    both: tuple[DetectorSet, DetectorSet], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The work the check removes, counted: on lines whose keys name no secret, the judge is no longer
    # called; the regexes still run at every hit.
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
    assert counted["first"]["match"] == counted["plain"]["match"]
    assert counted["first"]["judge"] <= 1  # the one key that names a secret


def test_the_verdicts_stay_bounded(
    both: tuple[DetectorSet, DetectorSet], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, plain = both
    monkeypatch.setattr(detmod, "_KEY_VERDICTS_MAX", 3)
    first._key_verdicts.clear()
    text = "".join(f"token_limit_{i} = {4096 + i}\n" for i in range(10)) + "api_token = aZ9kQ2mW7xR4pL8v\n"
    assert _seen(first.scan_text(text)) == _seen(plain.scan_text(text))
    assert 0 < len(first._key_verdicts) <= 3
    first._key_verdicts.clear()
