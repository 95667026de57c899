"""The detectors' keyword hits from the keyword prefilter's Vectorscan pass equal the find loop's.

DetectorSet._regions, given the detectors the gate let through, needs every start of each one's keywords
(case-insensitive) and its anchor's match ends. With Vectorscan it takes the keyword starts from one pass of
the prefilter's database (_HyperscanPrefilter.keyword_hits); without, it searches the text once per keyword.
The regions, the hits and their order must be the same either way.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.detectors import DetectorSet, hyperscan_available

pytestmark = pytest.mark.skipif(not hyperscan_available(), reason="Vectorscan bindings not importable")

FAST = DetectorSet.load(prefilter="hyperscan")
SLOW = DetectorSet.load(prefilter="python")
KEYWORDS = sorted({kw for det in FAST.detectors for kw in det.keywords})
SHARED = sorted({kw for kw in KEYWORDS if sum(kw in det.keywords for det in FAST.detectors) > 1})


def _same(text: str, allowed: set[int]) -> None:
    fast_regions, fast_hits = FAST._regions(text, set(allowed))
    slow_regions, slow_hits = SLOW._regions(text, set(allowed))
    assert (fast_regions, fast_hits) == (slow_regions, slow_hits)
    assert list(fast_regions) == list(slow_regions) and list(fast_hits) == list(slow_hits)  # same order


def _cased(word: str, rnd: random.Random) -> str:
    return "".join(c.upper() if rnd.random() < 0.5 else c for c in word)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(KEYWORDS),
            st.sampled_from(SHARED or KEYWORDS),
            st.text(alphabet="aAbxXyz019 _-.:=\"'\n\t/é€ſ", max_size=10),
        ),
        max_size=12,
    ),
    st.randoms(use_true_random=False),
    st.integers(min_value=1, max_value=40),
)
def test_keyword_hits_agree_with_the_find_loop(parts: list[str], rnd: random.Random, width: int) -> None:
    text = "".join(_cased(p, rnd) if rnd.random() < 0.5 else p for p in parts)
    # The detectors owning a keyword of the text, and some others, as the gate might let through.
    owning = [i for i, det in enumerate(FAST.detectors) if any(kw in text.lower() for kw in det.keywords)]
    others = rnd.sample(range(len(FAST.detectors)), k=min(width, len(FAST.detectors)))
    _same(text, set(owning[: width // 2 + 1]) | set(others))


def test_overlapping_and_repeated_keywords_are_all_found() -> None:
    # Each occurrence counts, overlapping ones too, and a keyword two detectors share is found for both.
    shared = SHARED[0] if SHARED else KEYWORDS[0]
    owners = {i for i, det in enumerate(FAST.detectors) if shared in det.keywords}
    text = f"{shared}{shared.upper()} x={shared}\n{shared[:-1]}"
    _same(text, owners)
    hits = FAST._regions(text, set(owners))[1]
    assert all(len(h) >= 3 for h in hits.values())


def test_every_detector_example_gives_the_same_regions() -> None:
    everyone = set(range(len(FAST.detectors)))
    for det in FAST.detectors:
        for example in (*det.examples_match, *det.examples_no_match):
            _same(example, everyone)
