"""Many hits on one long line (a minified bundle, a one-line JSON of megabytes) cost each a bounded amount of
work: a hit's column and the text before its value (where fixture markers and reference tags are read) no
longer copy or search the whole line. Their answers are what the plain definitions give.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import values
from auditor.extract.detectors import DetectorSet
from auditor.extract.evidence import Evidence
from auditor.extract.filescan import scan_bytes
from auditor.extract.formats import classify
from auditor.model import Confidence

DETECTORS = DetectorSet.load()


def _evidence(text: str) -> Evidence:
    return Evidence("bundle.min.js", text, classify("bundle.min.js"), DETECTORS, "k")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.just("\n"), st.builds(lambda n: "x" * n, st.integers(0, 9000))), max_size=8),
    st.data(),
)
def test_column_is_the_offset_from_the_line_start(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts) + "y"
    ev = _evidence(text)
    offsets = data.draw(st.lists(st.integers(0, len(text)), max_size=20))
    for offset in offsets:  # in any order: the line breaks may get listed between two questions
        assert ev.column_at(offset) == offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_the_text_before_a_value_is_bounded_and_ends_where_the_value_starts() -> None:
    value = "q8Zr2LwX0pVd7KcNm4Tg"
    line = "var a=" + "q" * 50_000 + ';var fake_key="' + value + '";'
    text = "first\n" + line + "\nlast"
    ev = _evidence(text)
    column = line.index(value) + 1
    for given_column in (column, None):
        before = ev._before_value(2, value, "k", given_column)
        assert len(before) <= len("k ") + values.MARKER_CONTEXT  # not the 50,000 characters before it
        assert before.endswith(';var fake_key="')
        assert values.fixture_marker(before)
    # A short line: the key, then the whole line before the value, as ever.
    ev = _evidence('a\ntoken = "' + value + '"\n')
    assert ev._before_value(2, value, "token", None) == 'token token = "'


REAL = "q8Zr2LwX0pVd7KcNm4TgYb1HsJ6fRe3U"


def test_markers_still_judge_each_hit_of_a_long_line() -> None:
    # One line of ~1 MB: thousands of secret-named assignments, one of them marked as a fake just before it.
    filler = "".join(f'o{i}.x="{i:06d}";' for i in range(60_000))
    line = filler + f'a.password="{REAL}";' + filler + f'mock.password="{REAL[::-1]}";'
    scan = scan_bytes("app/bundle.min.js", line.encode(), DETECTORS, fingerprint_key="k")
    by_value = {m.redacted: m for m in scan.secrets}
    assert len(scan.secrets) == 2, [m.redacted for m in scan.secrets]
    confidences = sorted(m.confidence.value for m in by_value.values())
    marked = [m for m in scan.secrets if m.confidence_reason.startswith("marked as")]
    assert len(marked) == 1 and marked[0].confidence is Confidence.LOW, confidences
    assert marked[0].location.column == line.index(REAL[::-1]) + 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["ab", "abc", "x", "\n", '"k":"ab",', "c", " "]), max_size=30),
    st.lists(st.tuples(st.sampled_from(["ab", "abc", "bc", "zz", "b\nx"]), st.integers(1, 8)), max_size=12),
)
def test_place_finds_the_line_locate_always_found(parts: list[str], asks: list[tuple[str, int]]) -> None:
    # A value's line: that of its first occurrence at or after its key's line start, else the key's line;
    # asked in any order (place keeps a cursor per line for values asked in document order).
    text = "".join(parts)
    ev = _evidence(text)
    lines = text.split("\n")
    for value, near in asks:
        near = min(near, len(lines))
        start = sum(len(line) + 1 for line in lines[: near - 1])
        first = text.find(value, start)
        expected = text.count("\n", 0, first) + 1 if first >= 0 else near
        line, at = ev.place(value, near)
        assert line == expected
        assert at is None if first < 0 else text.startswith(value, at)


def test_a_one_line_json_of_many_secrets_reads_its_line_once() -> None:
    # Each secret's line and the text before it come from a search that starts where the last one ended.
    items = [f'{{"id":{i},"api_key":"{REAL[i % 7 :]}{i:05d}"}}' for i in range(3000)]
    text = "[" + ",".join(items) + "]"
    ev = _evidence(text)
    for i in range(3000):
        value = f"{REAL[i % 7 :]}{i:05d}"
        line, at = ev.place(value, 1)
        assert (line, at) == (1, text.index(value))
        assert ev._cursors[1] == at  # the next search starts here, not at the line's start
    # A scan of such a file (a few hundred secrets: each is also fingerprinted at scrypt's cost) puts each
    # on line 1.
    short = "[" + ",".join(items[:150]) + "]"
    scan = scan_bytes("data/keys.json", short.encode(), DETECTORS, fingerprint_key="k")
    assert len(scan.secrets) == 150 and all(m.location.line == 1 for m in scan.secrets)
