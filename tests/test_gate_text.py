"""The gate's sharper widening and its text database (issue 14).

Three things are held here:

* The widening splits a sequence at an optional group that later conditionals ask about, and pushes a
  lookbehind that re-reads the previous character into the repeat that takes it. Both stay supersets of
  what Python's `re` matches (property tests on texts built from the pieces the generic rules read), and
  both are sharper: `def f(token, team=None)` no longer reads as a key, a comma and a value.
* The judge's shortest candidate: classify_value calls nothing shorter than SHORTEST_CANDIDATE a secret,
  an example or an identifier, under any key or none.
* The text database (Gate.probe(text_only=True)): wherever scan_text finds a hit in a text, the text probe
  lets that hit's detector through; and every file scans to the same FileScan with the gate on and off.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import probe_partitions, scan_bytes
from auditor.extract.regexgate import widen
from auditor.extract.values import SHORTEST_CANDIDATE, ValueClass, classify_value
from auditor.extract.vectorscan import available

needs_vectorscan = pytest.mark.skipif(not available(), reason="Vectorscan bindings not installed here")

_ACCEPTED = {ValueClass.SECRET_CANDIDATE, ValueClass.EXAMPLE, ValueClass.IDENTIFIER}


@pytest.fixture(scope="module")
def plain() -> DetectorSet:
    return DetectorSet.load()


@pytest.fixture(scope="module")
def gated() -> DetectorSet:
    loaded = DetectorSet.load()
    assert loaded.use_gate(partitions=probe_partitions()) or not available()
    return loaded


def _wide(pattern: str, **kwargs: object) -> re.Pattern[bytes]:
    return re.compile(widen(pattern, **kwargs).encode("ascii"))  # type: ignore[arg-type]


# -- the widening ----------------------------------------------------------------------------------------

_QUOTED = r"""k=(?P<q>["'])?(?P<v>(?(q)[^"'\n]{2,9}|[a-z]{2,9}))(?(q)(?P=q)|(?![a-z]))"""
_COMMA = r"""k["'\]]{0,2}[ \t]{0,4}(?:=|,(?<=["'],))[ \t]{0,4}v"""


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        # Split at the optional quote: the quoted alternative needs its quote, the bare one its own class.
        (_QUOTED, 'k="a b c"', True),
        (_QUOTED, "k=abc", True),
        (_QUOTED, "k=a b", False),  # `(?:A|B)` for the conditional let `a b` through without a quote
        (_QUOTED, "k=A-B", False),
        # The comma alternative needs a quote right before it: pushed into `["'\]]{0,2}`.
        (_COMMA, 'k", v', True),
        (_COMMA, "k']', v", False),  # the quote must be the last character before the comma
        (_COMMA, "k', v", True),
        (_COMMA, "k = v", True),
        (_COMMA, "k, v", False),  # dropping the lookbehind let `def f(token, team=None)` through
        (_COMMA, "k] , v", False),
    ],
)
def test_sharper_widening(pattern: str, text: str, matches: bool) -> None:
    assert bool(_wide(pattern).search(text.encode())) is matches
    if matches:
        assert re.search(pattern, text) is not None  # never sharper than Python itself


def test_a_backreference_to_a_group_that_took_no_part_never_matches() -> None:
    assert re.search(r"(?P<q>a)?x(?P=q)", "x") is None
    wide = _wide(r"(?P<q>a)?x(?P=q)")
    assert wide.search(b"axa") and not wide.search(b"x")


def test_a_repeated_group_is_not_split() -> None:
    # Inside a repeat that may run twice a group keeps an earlier iteration's text: no split there.
    pattern = r"(?:(?P<q>a)?(?(q)b|c))+"
    assert re.fullmatch(pattern, "abb")  # the second `b` because `a` was taken the time before
    assert _wide(pattern).fullmatch(b"abb")


def test_the_lookbehind_is_not_pushed_past_the_sequence_start() -> None:
    # The character the lookbehind reads may lie before the match: the assertion is dropped, as before.
    pattern = r"""(?:=|,(?<=["'],))y"""
    match = re.search(pattern, "',y")
    assert match is not None and match.group() == ",y"
    assert _wide(pattern).fullmatch(b",y")


_PIECES = st.sampled_from(
    [
        "token",
        "password",
        "secret",
        "api_key",
        "client_secret",
        "credentials",
        "Token",
        "PASSWORD",
        "=",
        " = ",
        ": ",
        ":",
        ",",
        ", ",
        '",',
        "',",
        "]",
        '"',
        "'",
        "`",
        " ",
        "\t",
        "\n",
        "=>",
        ":=",
        "None",
        "null",
        "abc",
        "abcdef",
        "Xy7#kq",
        "s3cr3tV4lue!",
        "q8Zr2LmN0pW5",
        "${VAR}",
        "team=None",
        ")",
        "(",
        "def f(",
        "str",
        " str ",
        ": str = ",
        "-",
        ".",
        "_",
        "é",
        "<",
        ">",
    ]
)
_TEXTS = st.lists(_PIECES, min_size=2, max_size=14).map("".join)


def _generic(plain: DetectorSet) -> list[tuple[int, re.Pattern[str]]]:
    return [(i, det.regex) for i, det in enumerate(plain.detectors) if det.generic]


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_widenings_stay_supersets_of_the_generic_rules(plain: DetectorSet, text: str) -> None:
    data = text.encode("utf-8")
    for _index, regex in _generic(plain):
        matches = list(regex.finditer(text))
        if not matches:
            continue
        assert _wide(regex.pattern).search(data), (regex.pattern[:40], text)
        long_values = [
            m for m in matches if "secret" not in regex.groupindex or len(m.group("secret") or "") >= 6
        ]
        if long_values:
            assert _wide(regex.pattern, secret_min=SHORTEST_CANDIDATE).search(data), (
                regex.pattern[:40],
                text,
            )


def test_the_value_minimum_applies_only_to_a_free_value_group() -> None:
    # A value group inside a repeat (the judge reads its last iteration) is widened as usual.
    repeated = r"(?:k=(?P<secret>[a-z]{2,9});)+"
    assert _wide(repeated, secret_min=6).search(b"k=ab;")
    free = r"k=(?P<secret>[a-z]{2,9});"
    assert not _wide(free, secret_min=6).search(b"k=ab;")
    assert _wide(free, secret_min=6).search(b"k=abcdef;")
    assert not _wide(r"k=(?P<secret>[a-z]{2,5});", secret_min=6).search(b"k=abcde;")


# -- the judge's shortest candidate -------------------------------------------------------------------------

_KEYS = st.sampled_from(
    [
        None,
        "password",
        "db_password",
        "PASSWORD",
        "token",
        "api_key",
        "client_secret",
        "secret",
        "auth",
        "credentials",
        "AWS_SECRET_ACCESS_KEY",
        "name",
        "url",
        "npm_token",
        "passwd",
        "pwd",
    ]
)


@settings(max_examples=600, deadline=None)
@given(
    value=st.text(min_size=0, max_size=SHORTEST_CANDIDATE - 1),
    key=_KEYS,
)
def test_nothing_shorter_than_the_shortest_candidate_is_a_secret(value: str, key: str | None) -> None:
    assert classify_value(value, key) not in _ACCEPTED


@pytest.mark.parametrize("key", [None, "password", "token", "secret", "api_key"])
@pytest.mark.parametrize(
    "value", ["a1B2c", "Xy7#k", "12345", "deadb", "EXAMP", '"ab3"', "p@ss1", "::::1", "a://b", "#pass"]
)
def test_short_values_are_not_secrets(value: str, key: str | None) -> None:
    assert classify_value(value, key) not in _ACCEPTED


def test_six_characters_can_be_a_password() -> None:
    # The bound is tight: a password of SHORTEST_CANDIDATE characters is a candidate.
    assert classify_value("Xq7#kz", "password") is ValueClass.SECRET_CANDIDATE


# -- the text database ---------------------------------------------------------------------------------


@needs_vectorscan
@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_the_text_probe_lets_every_hit_through(plain: DetectorSet, gated: DetectorSet, text: str) -> None:
    data = text.encode("utf-8")
    probe = gated.probe(data, text_only=True)
    assert probe is not None
    hits = plain.scan_text(text)
    if probe.allowed is None:
        return  # a blind byte: the gate does not judge this text
    assert {plain.detectors.index(h.detector) for h in hits} <= probe.allowed, text


@needs_vectorscan
def test_the_text_probe_leaves_out_a_default_of_none(gated: DetectorSet) -> None:
    source = b"def connect(token, team=None, password=None, secret=None):\n    return token\n"
    loose = gated.probe(source)
    text = gated.probe(source, text_only=True)
    assert loose is not None and text is not None
    generic = {i for i, det in enumerate(gated.detectors) if det.generic}
    assert loose.allowed and loose.allowed & generic  # the document database still lets them through
    assert text.allowed == set()
    real = b'API_TOKEN = "q8Zr2LmN0pW5xK7v"\n'
    real_probe = gated.probe(source + real, text_only=True)
    assert real_probe is not None and real_probe.allowed and real_probe.allowed & generic


_FILES = {
    "app/client.py": (
        "import os\n\n\ndef connect(token, team=None, password=None):\n"
        "    secret = os.environ['APP_SECRET']\n    return token or secret\n"
    ),
    "app/settings.py": 'DB_PASSWORD = "Xq7#kz"\nAPI_TOKEN = "abc"\nclient_secret="q8Zr2LmN0pW5xK7v"\n',
    "web/auth.js": "export function login(token, opts = {}) {\n  const password = opts.password;\n}\n",
    "docs/setup.md": "Set `password: None` for now, then `token: s3cr3tV4lue!x` in production.\n",
    "deploy/run.sh": "export PGPASSWORD=short\nexport API_KEY=q8Zr2LmN0pW5xK7v\n",
    "config/app.yaml": "password: None of your business 42\ntoken: abc\n",
    "config/.env": "SECRET=None\nPASSWORD=abcde\n",
}


@needs_vectorscan
@pytest.mark.parametrize("rel", sorted(_FILES))
def test_every_file_scans_the_same_with_the_text_database(
    plain: DetectorSet, gated: DetectorSet, rel: str
) -> None:
    data = _FILES[rel].encode()
    assert scan_bytes(rel, data, gated, fingerprint_key="t") == scan_bytes(
        rel, data, plain, fingerprint_key="t"
    )


# -- a class-only prefix before a literal run ---------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "left_out"),
    [
        # an assertion and two classes before `://`
        (r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://(?P<u>[^:@]{0,9}):x@", 3),
        (r"[a-z0-9-]{1,63}\.redis\.cache", 1),  # a class repeat before `.redis.cache`
        (r"(?i)(?:postgres|mysql)://u:p@", 0),  # literals in the prefix: kept
        (r"\btoken=[a-z]{4}", 1),  # an assertion only (emitted as nothing anyway)
        (r"[a-z]{2}=[a-z]", 0),  # no run of three literal characters after the classes
    ],
)
def test_a_class_only_prefix_is_left_out(pattern: str, left_out: int) -> None:
    import re._parser as sre_parse

    from auditor.extract.regexgate import _class_prefix

    assert _class_prefix(sre_parse.parse(pattern).data) == left_out
    for text in ("see db://u:x@ here", "ab.redis.cache", "mysql://u:p@", "x token=abcd", "ab=c"):
        if re.search(pattern, text):
            assert _wide(pattern).search(text.encode())  # still a superset


def test_url_password_is_anchored_at_its_scheme_separator(plain: DetectorSet) -> None:
    url = next(det for det in plain.detectors if det.id == "url-password")
    assert widen(url.regex.pattern).startswith("\\x3a\\x2f\\x2f")
    assert _wide(url.regex.pattern).search(b"postgresql://svc:Xq7kz9@db.internal")


# -- `gate_from`: the gate matches from a literal in the regex's top-level sequence ---------------------


def test_database_url_password_is_gated_from_its_scheme_separator(plain: DetectorSet) -> None:
    det = next(det for det in plain.detectors if det.id == "database-url-password")
    assert det.gate_from == "://"
    wide = widen(det.regex.pattern, start=det.gate_from)
    assert wide.startswith("\\x3a\\x2f\\x2f")
    # the scheme names are left out: the gate is the same as the url-password rule's own
    url = next(det for det in plain.detectors if det.id == "url-password")
    assert wide == widen(url.regex.pattern)
    # and without `start`, the scheme names stay (the literal-prefix rule keeps literals)
    assert widen(det.regex.pattern).startswith("(?:[Pp][Oo][Ss][Tt][Gg][Rr][Ee][Ss]")


def test_every_gate_from_keeps_every_match(plain: DetectorSet) -> None:
    gated = [det for det in plain.detectors if det.gate_from is not None]
    assert gated  # the catalogue uses it (database-url-password)

    for det in gated:
        _keeps_every_match(det.regex.pattern, det.gate_from or "")
        for example in det.examples_match:
            assert _wide(det.regex.pattern, start=det.gate_from).search(example.encode())


def _keeps_every_match(pattern: str, start: str) -> None:
    wide = _wide(pattern, start=start)
    python = re.compile(pattern)

    @settings(max_examples=300, deadline=None)
    @given(st.from_regex(pattern))
    def holds(text: str) -> None:
        if python.search(text) is not None:
            assert wide.search(text.encode("utf-8", "surrogatepass"))

    holds()


@needs_vectorscan
def test_the_gate_database_is_cached_under_each_gate_from(
    plain: DetectorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A database built before a detector's gate_from changed must not be served after it.
    from dataclasses import replace

    from auditor.extract import vectorscan
    from auditor.extract.regexgate import Gate

    keys: list[list[bytes]] = []
    monkeypatch.setattr(vectorscan, "cached_database", lambda name, key, build: keys.append(key) or object())
    det = next(det for det in plain.detectors if det.id == "database-url-password")
    Gate([det])
    Gate([replace(det, gate_from=None)])
    assert keys[0] != keys[2]  # the main databases' keys (each Gate also asks for its text database)


@pytest.mark.parametrize(
    ("pattern", "start", "index"),
    [
        (r"(?i)(?:redis|mysql)(?:\+[a-z]{1,4})?://u:(?P<secret>[a-z]{3,9})@", "://", 2),
        (r"x(://)y://z", "://", 3),  # the first top-level occurrence, not one inside a group
        (r"ab-cd", "-c", 2),
    ],
)
def test_literal_start_finds_top_level_literal_text(pattern: str, start: str, index: int) -> None:
    from auditor.extract.regexgate import literal_start

    assert literal_start(pattern, start) == index


@pytest.mark.parametrize(
    ("pattern", "start"),
    [
        (r"(?:a|b)://x", "//x:"),  # not in the pattern
        (r"a(://)b", "://"),  # only inside a group
        (r"a[:;]//b", "://"),  # a class, not literal text
        (r"a(?::|;)//b", "://"),  # an alternation
        (r"(?i)AB", "ab"),  # no case folding
    ],
)
def test_literal_start_refuses_what_is_not_top_level_literal_text(pattern: str, start: str) -> None:
    from auditor.extract.regexgate import UntranslatableRegex, literal_start

    with pytest.raises(UntranslatableRegex):
        literal_start(pattern, start)


def test_a_detector_whose_gate_from_is_not_in_its_regex_does_not_load(tmp_path: Path) -> None:
    from auditor.extract.detectors import RuleLoadError

    rule = tmp_path / "x-url.yaml"
    rule.write_text(
        "id: x-url\nkind: x\nplatform: other\ntitle: X\nseverity: high\nconfidence: high\n"
        "regex: 'xdb://(?P<secret>[a-z]{8})@'\nkeywords: ['xdb']\ngate_from: '@@'\n"
        "examples:\n  match: ['xdb://abcdefgh@']\n  no_match: ['xdb://a@']\n"
    )
    with pytest.raises(RuleLoadError, match="gate_from"):
        DetectorSet.load(tmp_path)


@needs_vectorscan
def test_a_pushed_optional_quote_compiles() -> None:
    # `["']?` before the comma: the repeat left in front of the quote would be `{0,0}`, which Vectorscan
    # refuses; nothing is emitted for it.
    import hyperscan

    pattern = r"""k["']?(?:=|,(?<=["'],))v"""
    wide = widen(pattern)
    assert "{0,0}" not in wide
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=[wide.encode()], ids=[0], elements=1, flags=[hyperscan.HS_FLAG_PREFILTER])
    assert _wide(pattern).search(b'k",v') and _wide(pattern).search(b"k=v")
    assert not _wide(pattern).search(b"k,v")
