"""Keyword-anchored matching (auditor/extract/anchors.py) must find exactly what scanning whole regions finds.

The proof (`keyword_anchored`) is checked on constructed patterns both ways; the engine's use of it is
checked by comparing scans with it on and off: on generated text around every shipped detector's keywords,
on the detectors' own examples, and on every test input botaudit ships, file by file.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.anchors import keyword_anchored
from auditor.extract.detectors import DetectorSet, Hit
from tests.shipped_inputs import shipped_inputs


@pytest.mark.parametrize(
    ("pattern", "keywords", "anchored"),
    [
        (r"(?i)(?P<key>token[\w.-]{0,80}+)\s*=\s*(?P<secret>\S+)", ["token"], True),
        (r"(?i)(?P<key>(?:secret|credentials?|creds)[\w.-]{0,8})=", ["secret", "credential", "creds"], True),
        (r"(?i)(?:pass(?:word|wd)?|pwd)=\S+", ["pass", "pwd"], True),
        # lookarounds consume nothing
        (r"(?<![A-Za-z0-9])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])", ["ghp_"], True),
        (r"\bAKIA[A-Z0-9]{16}", ["akia"], True),  # case-sensitive upper case: the hit finder folds case
        (r"[sS]lack_[a-z]+", ["slack_"], True),  # a one-letter class in two cases is one letter
        (r"(?:ghp|gho)_[A-Za-z0-9]{36}", ["ghp_", "gho_"], True),
        (r"(?i)(?:proxy-)?authorization:\s*\S+", ["authorization"], False),  # may start at `proxy-`
        (r"(?i)tok(?:en)?=\S+", ["token"], False),  # `tok=` matches without the keyword
        (r"x*token", ["token"], False),  # may start with `x`
        (r"[a-z]token", ["token"], False),  # a class of many letters starts the match
        (r".token", ["token"], False),
        (r"(?:ghp|gho)_[A-Za-z0-9]{36}", ["ghp_"], False),  # `gho_` is not a keyword
        (r"token", [], False),
        (r"(?i)\u00f6ken", ["ken"], False),  # a non-ASCII first letter ends the path at once
        (
            r"(ab|cd|ef|gh)(ab|cd|ef|gh)(ab|cd|ef|gh)(ab|cd|ef|gh)(ab|cd|ef|gh)x",
            ["ab", "cd", "ef", "gh", "ababababab"],
            False,  # anchored, but proving it takes more paths than the proof explores
        ),
    ],
)
def test_keyword_anchored_cases(pattern: str, keywords: list[str], anchored: bool) -> None:
    assert keyword_anchored(pattern, keywords) is anchored


def _seen(hits: list[Hit]) -> list[tuple[object, ...]]:
    """A hit as data (each DetectorSet loads its own Detector objects, which compare by identity)."""
    return [(h.detector.id, h.value, h.start, h.end, h.confidence, h.key, h.reason) for h in hits]


@pytest.fixture(scope="module")
def both() -> tuple[DetectorSet, DetectorSet]:
    anchored = DetectorSet.load()
    plain = DetectorSet(anchored.detectors)  # the same Detector objects: each regex compiles once
    plain.anchor_matches = False
    return anchored, plain


def test_the_costly_generic_rules_are_anchored(both: tuple[DetectorSet, DetectorSet]) -> None:
    # Not needed for correctness; a regression here silently brings back most of the per-region regex work
    # on files full of `token` / `secret` / `password` settings.
    anchored, _ = both
    for det_id in ("generic-secret", "generic-token", "generic-password"):
        det = anchored.get(det_id)
        assert keyword_anchored(det.regex.pattern, det.keywords), det_id


def _fragments(detectors: DetectorSet) -> list[str]:
    words = sorted({kw for det in detectors.detectors for kw in det.keywords})
    return [
        *words,
        *(w.upper() for w in words[:80]),
        " = ",
        ": ",
        "=",
        '"',
        "'",
        "\n",
        "\t",
        "_",
        ".",
        "-",
        "<",
        ">",
        "</x>",
        "a1B2c3D4e5F6g7H8i9J0kLmN",
        "0123456789abcdef0123456789abcdef",
        "sk-",
        "ghp_",
        "xoxb-",
        "AKIA",
        "SECRET_KEY",
        "db_password",
        "token_limit",
    ]


@given(st.data())
@settings(max_examples=120, deadline=None)
def test_anchored_matching_finds_what_region_scans_find(
    both: tuple[DetectorSet, DetectorSet], data: st.DataObject
) -> None:
    anchored, plain = both
    parts = data.draw(st.lists(st.sampled_from(_fragments(anchored)), max_size=40))
    text = "".join(parts)
    _compare(anchored, plain, text)
    assert _seen(anchored.scan_value("api_token", text)) == _seen(plain.scan_value("api_token", text))


def _compare(anchored: DetectorSet, plain: DetectorSet, text: str, *, both_paths: bool = True) -> bool:
    """Both sets agree on `text`, by the keyword prefilter's hits and by the gate's path (the detectors
    allowed, here those whose keywords occur: each one's hits found in the text itself); whether anything
    was found."""
    hits = _seen(anchored.scan_text(text))
    assert hits == _seen(plain.scan_text(text)), text[:200]
    if both_paths and text.isascii():
        lowered = text.lower()
        keyed = {i for i, det in enumerate(anchored.detectors) if any(kw in lowered for kw in det.keywords)}
        gated = _seen(anchored.scan_text(text, allowed=keyed))
        assert gated == _seen(plain.scan_text(text, allowed=keyed)), text[:200]
    return bool(hits)


def test_anchored_matching_on_every_detector_example(both: tuple[DetectorSet, DetectorSet]) -> None:
    anchored, plain = both
    found = 0
    for det in anchored.detectors:
        for example in (*det.examples_match, *det.examples_no_match):
            found += _compare(anchored, plain, f"x {example} y", both_paths=False)
    assert found > 1000  # the comparison really covered matches


def test_non_ascii_text_keeps_the_region_scan(both: tuple[DetectorSet, DetectorSet]) -> None:
    # Python's case-insensitive `secret` also matches `\u017fecret` (long s), which the keyword finder
    # cannot see: on non-ASCII text every region is searched in full, as before.
    anchored, plain = both
    text = "secret = 'aZ9kQ2mW7xR4pL8v'\n\u017fecret_key = 'bY8jP1nV6wQ3oK7u'\n"
    hits = _seen(anchored.scan_text(text))
    assert hits == _seen(plain.scan_text(text))
    assert hits[0][:2] == ("generic-secret", "aZ9kQ2mW7xR4pL8v")


def test_anchored_matching_changes_nothing_in_any_test_input(both: tuple[DetectorSet, DetectorSet]) -> None:
    # The detector pass over each shipped input's whole text (what a file scan runs first; the structured
    # scalars go through the same code). The FileScans of both benchmark corpora were compared the same way
    # when this landed (bench/README.md).
    anchored, plain = both
    files = shipped_inputs()
    assert len(files) > 100
    found = sum(_compare(anchored, plain, p.read_bytes().decode("utf-8", "replace")) for p in files)
    assert found > 20
