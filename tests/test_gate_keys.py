"""The full-regex gate reads a generic rule's key: it names a generic detector only where a match can yield.

A generic rule's match whose key names no secret (`token_limit: 4096`, `max_tokens: 100`,
`password_policy: strong`) is dropped by the matchers before the judge, so the gate need not report the
rule for it (regexgate._Key narrows the rule's key group to keys that end with a secret last word and
then only characters key_tokens drops). Checked here: the premises of that argument (which characters
lowercase to ASCII letters or digits; that a secret key's last token is one of `secret_last_words()`); the
narrowing on constructed patterns, where its shape is proven and where it is not; and the compiled gate
against the detectors with the gate off, on random keys (mixed case, separators, camelCase, digits,
non-ASCII, dotted paths, the BENIGN_LAST words, every secret last word and spelling) in several assignment
syntaxes: wherever the detectors yield a hit, the gate names that detector, and scans with the gate on,
off, and with the key check off are equal.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.detectors import Detector, DetectorSet, Hit, _extend_key_backwards
from auditor.extract.keynames import BENIGN_LAST, is_secret_key, key_tokens, secret_last_words
from auditor.extract.regexgate import GATE_BLIND, Gate, widen
from auditor.extract.vectorscan import available

needs_vectorscan = pytest.mark.skipif(not available(), reason="Vectorscan bindings not installed here")

WORDS = secret_last_words()
# The generic rules whose key group the gate narrows (the others keep today's widening: their key group is
# not literal spellings and one run, see test_unproven_key_groups_keep_the_plain_widening).
NARROWED = (
    "credential-key-dotted-token",
    "generic-api-key",
    "generic-client-secret",
    "generic-password",
    "generic-secret",
    "generic-token",
)
# Values the judge takes for a secret under a secret-named key (random-looking, letters and digits).
VALUES = ("q7Vx2LmR9tKw4Zp8", "hT3nQ8vW1xR6mK0sLp4e", "Zr5t-Wq2mB8xN4vK", "a9F2kP7wQ3zL6tR1")


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


@pytest.fixture(scope="module")
def gated(detectors: DetectorSet) -> DetectorSet:
    on = DetectorSet(detectors.detectors)
    assert on.use_gate() or not available()
    return on


@pytest.fixture(scope="module")
def unchecked(detectors: DetectorSet) -> DetectorSet:
    off = DetectorSet(detectors.detectors)
    off.key_check = False  # the judge's first step rejects the keyless matches instead
    return off


def _gate(gated: DetectorSet) -> Gate:
    gate = gated._active_gate()
    assert gate is not None
    return gate


def _named(gated: DetectorSet, text: str) -> set[str] | None:
    found = _gate(gated).candidates(text.encode("utf-8"))
    return None if found is None else {gated.detectors[i].id for i in found}


def _yields(det: Detector, m: re.Match[str], text: str) -> bool:
    """Whether the matchers keep a match for the judge (a generic rule's needs a key naming a secret)."""
    if not det.generic or "key" not in m.re.groupindex or m.end("key") < 0:
        return True
    return is_secret_key(text[_extend_key_backwards(text, m.start("key"), 0) : m.end("key")])


def _ids(hits: list[Hit]) -> set[str]:
    return {hit.detector.id for hit in hits}


# -- the premises ------------------------------------------------------------------------------------------


def test_only_two_non_ascii_characters_lowercase_to_ascii_letters_or_digits() -> None:
    """key_tokens lowercases, then splits on [^a-z0-9]: any other non-ASCII character is a separator to it,
    and these two are blind bytes (a buffer holding one is not judged)."""
    alnum = set("abcdefghijklmnopqrstuvwxyz0123456789")
    found = [code for code in range(0x80, 0x110000) if alnum & set(chr(code).lower())]
    assert found == [0x130, 0x212A]
    for code in found:
        assert re.search(GATE_BLIND, chr(code).encode("utf-8"))


_PARTS = sorted(WORDS) + sorted(BENIGN_LAST) + [
    "db", "my", "slack", "bot", "is", "has", "existing", "fake", "next", "page", "public", "jwt", "pass",
    "pwd", "word", "phrase", "tokens", "monkey", "x", "v2", "2", "\u00e9t\u00e9", "\u4e2d",
]  # fmt: skip
_JOINS = ["_", "-", ".", "", "__", ":", "[0].", "/", " "]


@st.composite
def _keys(draw: st.DrawFn, spellings: tuple[str, ...] = ()) -> str:
    """A key: words (secret last words, BENIGN_LAST words, others, digits, non-ASCII), perhaps around one of
    `spellings`, in one casing style, joined by separators, perhaps with trailing separators."""
    words = draw(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=4))
    if spellings:
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(spellings)))
    style = draw(st.sampled_from(["lower", "upper", "camel", "pascal", "acronym", "random"]))
    if style == "upper":
        words = [w.upper() for w in words]
    elif style in ("camel", "pascal"):
        words = [w if i == 0 and style == "camel" else w[:1].upper() + w[1:] for i, w in enumerate(words)]
    elif style == "acronym":
        words = [w.upper() if i % 2 == 0 else w.capitalize() for i, w in enumerate(words)]
    elif style == "random":
        flips = draw(st.lists(st.booleans(), min_size=64, max_size=64))
        words = [
            "".join(c.upper() if flips[(i * 7 + j) % 64] else c for j, c in enumerate(w))
            for i, w in enumerate(words)
        ]
    key = words[0]
    for word in words[1:]:
        key += draw(st.sampled_from(_JOINS)) + word
    return key + draw(st.sampled_from(["", "", ".", "_", "-", "..", "\u00e9", "_1", "9", "._"]))


@given(_keys())
@settings(max_examples=600, deadline=None)
def test_a_secret_key_ends_with_a_secret_last_word(key: str) -> None:
    """is_secret_key True -> the key, less trailing characters that are not ASCII letters or digits, ends
    with one of secret_last_words() (caselessly): the fact the narrowing rests on."""
    if re.search(GATE_BLIND, key.encode("utf-8")) or not is_secret_key(key):
        return
    assert key_tokens(key)[-1] in WORDS
    stripped = re.sub(r"[^A-Za-z0-9]+$", "", key).lower()
    assert any(stripped.endswith(word) for word in WORDS), key


def test_secret_last_words_cover_every_secret_key_spelled_from_them() -> None:
    for word in sorted(WORDS):
        for key in (f"db_{word}", f"API_{word.upper()}", f"my.{word}.", f"x{word[:1].upper()}{word[1:]}"):
            if is_secret_key(key):
                assert key_tokens(key)[-1] in WORDS
    assert is_secret_key("service_key") and key_tokens("service_key")[-1] == "key"  # `key` is one of them


# -- the narrowing on constructed patterns -----------------------------------------------------------------


def _wide(pattern: str, key_last: frozenset[str] | None = WORDS) -> re.Pattern[bytes]:
    return re.compile(widen(pattern, key_last=key_last).encode("ascii"))


_TOKEN = r"(?i)(?P<key>token[\w.-]{0,80}+)[ \t]{0,4}[:=][ \t]{0,4}(?P<secret>\w{4,40})"
_PASS = r"(?i)(?P<key>pass[\w.-]{0,80}+)=(?P<secret>\w{4,40})"


@pytest.mark.parametrize(
    ("pattern", "text", "matched"),
    [
        (_TOKEN, "token: abcd1234", True),
        (_TOKEN, "accesstoken: abcd1234", True),  # the last word holds the whole spelling: `access` + `token`
        (_TOKEN, "token.: abcd1234", True),  # `.` after the word: the last non-empty segment is `token`
        (_TOKEN, "token_\u00e9: abcd1234", True),  # a non-ASCII character is a separator to key_tokens
        (_TOKEN, "TOKEN__: abcd1234", True),
        (_TOKEN, "token_apiKey: abcd1234", True),  # camelCase: the last word is `key` after `api`
        (_TOKEN, "token.secret: abcd1234", True),
        (_TOKEN, "token_limit: 4096", False),
        (_TOKEN, "max_tokens: 4096", False),
        (_TOKEN, "token.1: abcd1234", False),  # the last segment is `1`
        (_TOKEN, "token_2: abcd1234", False),  # digits are part of the last token
        (_TOKEN, "tokenizer: abcd1234", False),
        (_PASS, "pass=abcd1234", True),
        (_PASS, "password=abcd1234", True),  # the last word begins in the spelling: `pass` + `word`
        (_PASS, "passWD=abcd1234", True),
        (_PASS, "passphrase_=abcd1234", True),
        (_PASS, "pass_hash_key=abcd1234", True),  # `key`: necessary, not sufficient (the judge decides)
        (_PASS, "passport=abcd1234", False),
        (_PASS, "pass_policy=abcd1234", False),
    ],
)
def test_narrowed_key_cases(pattern: str, text: str, matched: bool) -> None:
    assert re.search(pattern, text)  # the detector's own regex matches every one of these
    assert bool(_wide(pattern).search(text.encode("utf-8"))) is matched, text
    assert _wide(pattern, None).search(text.encode("utf-8"))  # without key_last: today's widening


@pytest.mark.parametrize(
    "pattern",
    [
        r'(?i)<add key="(?P<key>[^"]{1,80})" value="(?P<secret>[^"]{4,40})"',  # no spelling
        r"(?i)(?P<key>(?:sf|sfdc)[\w.-]{0,20}?pass(?:word)?)=(?P<secret>\w{4,40})",  # the run inside it
        r"(?i)(?:(?P<key>token\w{0,8})=)+(?P<secret>\w{4,40})",  # the key group repeated
        r"(?i)(?P<key>[a-z]token[\w.-]{0,80})=(?P<secret>\w{4,40})",  # a range in the spellings
        r"(?i)(?=(?P<key>token\w{0,8}))\w+=(?P<secret>\w{4,40})",  # the key group in a lookahead
        r"(?i)(?P<key>[_.-]{1,2}[\w.-]{0,80})=(?P<secret>\w{4,40})",  # a spelling with no letter or digit
        r"(?i)(?P<secret>\w{4,40})",  # no key group
    ],
)
def test_unproven_key_groups_keep_the_plain_widening(pattern: str) -> None:
    assert widen(pattern, key_last=WORDS) == widen(pattern)


def test_the_shipped_generic_rules_are_narrowed(detectors: DetectorSet) -> None:
    narrowed = {
        det.id
        for det in detectors.detectors
        if det.generic and widen(det.regex.pattern, key_last=WORDS) != widen(det.regex.pattern)
    }
    assert narrowed == set(NARROWED)


# -- the compiled gate against the detectors ---------------------------------------------------------------

_SYNTAXES = (
    "{k}: {v}\n",
    "{k}={v}\n",
    '{k} = "{v}"\n',
    '  "{k}": "{v}",\n',
    "export {k}='{v}'\n",
    "<{k}>{v}</{k}>\n",
    '{k} := "{v}"\n',
    "settings.{k} = '{v}';\n",
    "- name: x\n  {k}: {v}\n",
)
_SPELLINGS = (
    "token", "secret", "credentials", "creds", "password", "pass", "pwd", "passphrase", "passcode",
    "api_key", "apiKey", "APIKEY", "secret-key", "access.key", "client_secret", "clientSecret", "jwt", "_key",
)  # fmt: skip


def _check(
    detectors: DetectorSet, gated: DetectorSet, unchecked: DetectorSet, text: str
) -> tuple[bool, bool]:
    """Assert the gate names every detector that yields here, at the regex and at the scan level, and that
    the scans agree; (whether a narrowed rule yielded, whether the gate left a narrowed rule's match out)."""
    named = _named(gated, text)
    plain = detectors.scan_text(text)
    assert gated.scan_text(text) == plain, text
    assert unchecked.scan_text(text) == plain, text
    if named is None:
        assert re.search(GATE_BLIND, text.encode("utf-8"))
        return False, False
    assert _ids(plain) <= named, (text, _ids(plain) - named)
    left_out = False
    for det in detectors.detectors:
        if det.id not in NARROWED:
            continue
        matches = list(det.regex.finditer(text))
        if any(_yields(det, m, text) for m in matches):
            assert det.id in named, (det.id, text)
        elif matches and det.id not in named:
            left_out = True
    return bool(_ids(plain) & set(NARROWED)), left_out


@needs_vectorscan
@given(
    key=_keys(_SPELLINGS),
    syntax=st.sampled_from(_SYNTAXES),
    value=st.sampled_from(VALUES),
    before=st.sampled_from(["", "# settings\n", "db_host: x\n", "\u4e2d\u6587: y\n"]),
)
@settings(max_examples=500, deadline=None)
def test_gate_names_every_detector_that_yields_on_random_keys(
    detectors: DetectorSet, gated: DetectorSet, unchecked: DetectorSet, key: str, syntax: str, value: str,
    before: str,
) -> None:  # fmt: skip
    _check(detectors, gated, unchecked, before + syntax.format(k=key, v=value))


@needs_vectorscan
def test_gate_names_every_detector_that_yields_on_every_word_and_spelling(
    detectors: DetectorSet, gated: DetectorSet, unchecked: DetectorSet
) -> None:
    """Every secret last word and BENIGN_LAST word before and after every spelling, in three syntaxes:
    the gate is exact where it must be, and leaves out many keyless matches (it really reads the key)."""
    yielded = left_out = 0
    words = sorted(WORDS | BENIGN_LAST)
    for spelling, word, join, syntax in itertools.product(
        _SPELLINGS, words, ("_", "", "."), ("{k}: {v}\n", '"{k}": "{v}"\n', "{k}={v}\n")
    ):
        value = VALUES[len(word) % len(VALUES)]
        camel = word[:1].upper() + word[1:]
        for key in (f"{spelling}{join}{word}", f"{word}{join}{spelling}", f"{spelling}{camel}"):
            hit, skipped = _check(detectors, gated, unchecked, syntax.format(k=key, v=value))
            yielded += hit
            left_out += skipped
    assert yielded > 1000 and left_out > 1000, (yielded, left_out)


@needs_vectorscan
@pytest.mark.parametrize(
    ("text", "detector", "named"),
    [
        ('password = "q7Vx2LmR9tKw4Zp8"\n', "generic-password", True),
        ('DB_PASSWORD = "q7Vx2LmR9tKw4Zp8"\n', "generic-password", True),
        ('db_pass_word = "q7Vx2LmR9tKw4Zp8"\n', "generic-password", False),  # the last word: `word`
        ('accesstoken = "q7Vx2LmR9tKw4Zp8"\n', "generic-token", True),
        ("token.: q7Vx2LmR9tKw4Zp8\n", "generic-token", True),
        ("apiKey: q7Vx2LmR9tKw4Zp8\n", "generic-api-key", True),
        ("APIKey: q7Vx2LmR9tKw4Zp8\n", "generic-api-key", True),
        ("SLACK_BOT_TOKEN_\u00e9: q7Vx2LmR9tKw4Zp8\n", "generic-token", True),
        ("token.1: q7Vx2LmR9tKw4Zp8\n", "generic-token", False),
        ("token_limit: q7Vx2LmR9tKw4Zp8\n", "generic-token", False),
        ("max_tokens: 4096\n", "generic-token", False),
        ("secret_name: q7Vx2LmR9tKw4Zp8\n", "generic-secret", False),
        ("password_policy: q7Vx2LmR9tKw4Zp8\n", "generic-password", False),
    ],
)
def test_gate_key_cases(
    detectors: DetectorSet, gated: DetectorSet, unchecked: DetectorSet, text: str, detector: str, named: bool
) -> None:
    found = _named(gated, text)
    assert found is not None
    assert (detector in found) is named, (text, found)
    yielded, _ = _check(detectors, gated, unchecked, text)
    assert yielded is named  # each named case is a real finding, each other one none
