"""Keyword chains (auditor/extract/chains.py): a keyword that overlaps itself densely (the Twitter
bearer-token keyword is twenty `a`s) is reported where each of its chains begins, and the chain is listed
from there.

What must hold: the prefilter finds every occurrence such a keyword has (a short chain is listed in full, so
ordinary text sees no change), a long run costs a bounded number of hits instead of one per character, and a
scan finds exactly what it found when every occurrence was a hit of its own.
"""

from __future__ import annotations

import random
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import chains
from auditor.extract.chains import Chain, Collapsed, chain_for, first_occurrence, period
from auditor.extract.detectors import DetectorSet, _HyperscanPrefilter, _Prefilter, hyperscan_available

# Keywords with short periods (the kind chains are for), one with a long period and one with none.
KEYWORDS = ["aaaa", "abab", "tomtom", "$1$1$", "abaaba", "discord", "key"]
ALPHABET = "aAbBtTmMoO$1d_ =\n"


def _every_occurrence(text: bytes, kw: bytes) -> list[int]:
    lowered = text.lower()
    return [i for i in range(len(lowered)) if lowered.startswith(kw, i)]


@given(st.text(alphabet="ab$", min_size=1, max_size=12))
def test_period_is_the_smallest_shift_that_repeats_the_keyword(word: str) -> None:
    kw = word.encode()
    shifts = [p for p in range(1, len(kw) + 1) if all(kw[i] == kw[i + p] for i in range(len(kw) - p))]
    assert period(kw) == shifts[0]


def test_only_densely_overlapping_keywords_get_a_chain() -> None:
    assert chain_for(b"a" * 20, 140) is not None
    assert chain_for(b"tomtom", 40) is not None  # period 3, half its length
    assert chain_for(b"discord", 40) is None  # period 6: at most one occurrence per 6 characters anyway
    assert chain_for(b"token", 40) is None


def _check_listed(text: bytes, kw: bytes, listed: list[int], collapsed: bool, stride: int) -> None:
    every = _every_occurrence(text, kw)
    if not collapsed:
        assert sorted(listed) == every
        return
    # Collapsed: a subset holding every chain's first and last occurrence, never more than a stride apart
    # within a chain.
    assert set(listed) <= set(every)
    p = period(kw)
    chains_found: list[list[int]] = []
    for pos in every:
        if chains_found and pos - chains_found[-1][-1] == p:
            chains_found[-1].append(pos)
        else:
            chains_found.append([pos])
    for chain in chains_found:
        assert chain[0] in listed and chain[-1] in listed
        inside = sorted(x for x in listed if chain[0] <= x <= chain[-1])
        assert all(b - a <= stride for a, b in zip(inside, inside[1:], strict=False))


def _text(parts: list[str], rnd: random.Random) -> bytes:
    return "".join(p.upper() if rnd.random() < 0.3 else p for p in parts).encode()


PARTS = st.lists(
    st.one_of(
        st.sampled_from(KEYWORDS),
        st.builds(lambda kw, n: kw * n, st.sampled_from(["a", "ab", "tom", "$1", "aba"]), st.integers(1, 40)),
        st.text(alphabet=ALPHABET, max_size=6),
    ),
    max_size=10,
)


@settings(max_examples=300, deadline=None)
@given(PARTS, st.randoms(use_true_random=False), st.sampled_from([2, 64]))
def test_the_python_prefilter_lists_every_occurrence(parts: list[str], rnd: random.Random, full: int) -> None:
    text = _text(parts, rnd)
    engine = _Prefilter(KEYWORDS, (), [3] * len(KEYWORDS))
    with mock.patch.object(chains, "_FULL", full):  # 2: chains of three or more occurrences are collapsed
        hits, collapsed = engine.hits(text)
    for index, word in enumerate(KEYWORDS):
        kw = word.encode()
        listed = [pos for i, pos in hits if i == index]
        chain = chain_for(kw, 3)
        _check_listed(text, kw, listed, index in collapsed, chain.stride if chain else 1)
        if chain is None:
            assert index not in collapsed


@pytest.mark.skipif(not hyperscan_available(), reason="Vectorscan bindings not importable")
@settings(max_examples=300, deadline=None)
@given(PARTS, st.randoms(use_true_random=False), st.sampled_from([2, 64]))
def test_vectorscan_reports_each_chain_once_and_lists_it_as_the_find_loop_does(
    parts: list[str], rnd: random.Random, full: int
) -> None:
    text = _text(parts, rnd)
    fast = _HyperscanPrefilter(KEYWORDS, (), [3] * len(KEYWORDS))
    slow = _Prefilter(KEYWORDS, (), [3] * len(KEYWORDS))
    with mock.patch.object(chains, "_FULL", full):
        fast_hits, fast_collapsed = fast.hits(text)
        slow_hits, slow_collapsed = slow.hits(text)
        owners = [(i,) for i in range(len(KEYWORDS))]
        by_keyword = fast.keyword_hits(text, owners, set(range(len(KEYWORDS))))
    assert sorted(fast_hits) == sorted(slow_hits) and fast_collapsed == slow_collapsed
    # keyword_hits (one detector per keyword here) gives the same starts, Collapsed where a chain was.
    for index in range(len(KEYWORDS)):
        listed = sorted(pos for i, pos in slow_hits if i == index)
        assert sorted(by_keyword.get(index, [])) == listed
        assert (type(by_keyword.get(index)) is Collapsed) == (index in slow_collapsed)


@pytest.mark.skipif(not hyperscan_available(), reason="Vectorscan bindings not importable")
def test_the_first_occurrence_expression_matches_only_where_a_chain_begins() -> None:
    import hyperscan

    for word in ("aaaa", "tomtom", "$1$1$"):
        kw = word.encode()
        db = hyperscan.Database()
        db.compile(expressions=[first_occurrence(kw)], flags=[hyperscan.HS_FLAG_CASELESS])
        for text in (kw * 5, b"x" + kw * 3 + b"y" + kw, kw[:-1] + kw + kw, b"\n" + kw.upper() * 4):
            ends: list[int] = []

            def on_match(_i: int, _f: int, to: int, _fl: int, _c: object, ends: list[int] = ends) -> None:
                ends.append(to)

            db.scan(text, match_event_handler=on_match)
            every = _every_occurrence(text, kw)
            p = period(kw)
            firsts = [pos for pos in every if pos - p not in every]
            assert sorted(to - len(kw) for to in ends) == firsts, (word, text)


def test_a_long_run_costs_a_bounded_number_of_hits() -> None:
    chain = Chain(b"a" * 20, 140)
    listed, collapsed = chain.expand(b"x" + b"A" * 1_000_000 + b"x", 1)
    assert collapsed
    assert listed[0] == 1 and listed[-1] == 1 + 1_000_000 - 20
    assert len(listed) <= 1_000_000 // chain.stride + 2
    short, collapsed = chain.expand(b"A" * 30, 0)
    assert not collapsed and short == list(range(11))


# ------------------------------------------------------------------------------------------ whole scans

TOKEN = "AAAAAAAAAAAAAAAAAAAAg9je8Gbpr8PElOifajKUkVXVrxVegMca1L94KhV9xRhpPBQiD9QVlCprvhz6B2Od923KzMJfBdJ2rUqI"


def _pair(prefilter: str, gated: bool) -> tuple[DetectorSet, DetectorSet]:
    """A detector set, and one whose prefilter lists every occurrence one by one, as before chains."""
    with_chains = DetectorSet.load(prefilter=prefilter)  # type: ignore[arg-type]
    plain = DetectorSet.load(prefilter=prefilter)  # type: ignore[arg-type]
    with mock.patch.object(chains, "chain_for", lambda _kw, _width: None):
        plain._prefilter()
    assert with_chains._prefilter()._chains and not plain._prefilter()._chains
    for ds in (with_chains, plain):
        ds.use_gate(gated)
    return with_chains, plain


def _hits(found: list) -> list[tuple[str, int, int, str]]:
    return [(h.detector.id, h.start, h.end, h.value) for h in found]


RUN_TEXTS = st.lists(
    st.one_of(
        st.builds(lambda n: "A" * n, st.integers(1, 400)),
        st.sampled_from([TOKEN, TOKEN[20:], "\n", "=", " ", "+", "/", '"', "token: ", "x", "%"]),
    ),
    min_size=1,
    max_size=8,
)


@pytest.mark.parametrize(
    ("prefilter", "gated"), [("hyperscan", False), ("hyperscan", True), ("python", False)]
)
def test_scans_find_the_same_with_chains(prefilter: str, gated: bool) -> None:
    if prefilter == "hyperscan" and not hyperscan_available():
        pytest.skip("Vectorscan bindings not importable")
    with_chains, plain = _pair(prefilter, gated)
    twitter = next(i for i, d in enumerate(with_chains.detectors) if d.id == "twitter-bearer-token")
    everyone = sorted(range(len(with_chains.detectors)))

    @settings(max_examples=120, deadline=None)
    @given(RUN_TEXTS)
    def check(parts: list[str]) -> None:
        text = "".join(parts)
        assert _hits(with_chains.scan_text(text)) == _hits(plain.scan_text(text))
        allowed = {twitter} | set(random.Random(len(text)).sample(everyone, 20))
        assert _hits(with_chains.scan_text(text, allowed=set(allowed))) == _hits(
            plain.scan_text(text, allowed=set(allowed))
        )
        items = [(None, part) for part in parts] + [("bearer_token", text)]
        got = [_hits(h) for h in with_chains.scan_values(items)]
        assert got == [_hits(h) for h in plain.scan_values(items)]

    check()


def test_a_token_after_a_long_run_is_found_and_the_run_costs_few_hits() -> None:
    ds = DetectorSet.load()
    run = "A" * 300_000
    text = f'{{"image": "{run}", "twitter": "{TOKEN}"}}\n{run}={TOKEN}'
    found = [h for h in ds.scan_text(text) if h.detector.id == "twitter-bearer-token"]
    assert [h.value for h in found] == [TOKEN, TOKEN]
    twitter = next(i for i, d in enumerate(ds.detectors) if d.id == "twitter-bearer-token")
    hits = ds._keyword_positions(text, text.encode(), {twitter})[twitter]
    assert type(hits) is Collapsed  # the region search, never a match per listed hit
    chain = ds._prefilter()._chains[ds._keywords.index("a" * 20)]
    assert len(hits) <= 2 * (300_000 // chain.stride + 2) + 4  # not one per character of the runs


def test_regions_around_a_collapsed_chain_are_those_around_every_occurrence() -> None:
    with_chains, plain = _pair("hyperscan" if hyperscan_available() else "python", False)
    twitter = next(i for i, d in enumerate(with_chains.detectors) if d.id == "twitter-bearer-token")
    rnd = random.Random(7)
    for _ in range(40):
        parts = [rnd.choice(["A" * rnd.randint(1, 3000), TOKEN, "\n", "=", " x "]) for _ in range(6)]
        text = "".join(parts)
        assert with_chains._regions(text, {twitter})[0] == plain._regions(text, {twitter})[0]


# A detector whose match may begin inside a chain, three units before its end: only a search of the regions
# finds it where the chain is collapsed (a match tried at each listed hit would miss it).
MID_CHAIN = """\
id: test-mid-chain
kind: test_mid_chain
platform: other
title: 'A value after three units of a repeated word'
regex: 'tomtomtom:(?P<secret>[A-Za-z0-9]{16})'
keywords: ['tomtom']
severity: high
confidence: high
examples:
  match:
    - 'tomtomtom:q8Zr2LwX0pVd7KcN'
  no_match:
    - 'tomtom:q8Zr2LwX0pVd7KcN'
"""


@pytest.mark.parametrize("prefilter", ["hyperscan", "python"])
def test_a_match_inside_a_collapsed_chain_is_found(prefilter: str, tmp_path: Path) -> None:
    if prefilter == "hyperscan" and not hyperscan_available():
        pytest.skip("Vectorscan bindings not importable")
    (tmp_path / "test-mid-chain.yaml").write_text(MID_CHAIN)
    ds = DetectorSet.load(tmp_path, prefilter=prefilter)  # type: ignore[arg-type]
    assert ds._prefilter()._chains  # `tomtom` overlaps itself densely
    assert ds._keyword_anchored(0)  # so without chains it would be matched only at its keyword hits
    for units in (3, 10, 70, 500):  # a short chain, listed in full, then longer, collapsed ones
        text = "x " + "tom" * units + ":q8Zr2LwX0pVd7KcN\n"
        found = ds.scan_text(text)
        assert [(h.value, h.start) for h in found] == [("q8Zr2LwX0pVd7KcN", 2 + 3 * units + 1)]
