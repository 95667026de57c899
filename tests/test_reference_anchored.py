"""The reference finder tries each token-shaped pattern only where one of its leading literals occurs
(references.leading_literals, references._matches) instead of searching a large text position by position.
These tests hold the premise (every match starts with a leading literal) and compare `_matches` with
`finditer` over the whole text: on hand-made edge cases (lookbehinds, `\\b`, `^`/`$`, matches across lines,
occurrences overlapping or inside a match) and, by property, on text built from the literals, line breaks,
quotes and template openers."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.extract import references
from tests.shipped_inputs import shipped_inputs


@pytest.fixture
def always_anchored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text goes through the per-occurrence path, however short or dense."""
    monkeypatch.setattr(references, "_SMALL", 0)
    monkeypatch.setattr(references, "_DENSE", 0)


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def _same_as_finditer(pattern: re.Pattern[str], text: str) -> None:
    leads = references.leading_literals(pattern)
    expected = _spans(list(pattern.finditer(text)))
    assert _spans(references._matches(pattern, leads, text)) == expected, (pattern.pattern, text)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bop://[^\s]+", ("op://",)),
        (r"(?<![\w:/])ssm:(/[\w/]+)", ("ssm:/",)),  # the group's literal continues the run
        (r"\b(?:os\.environ\.get|os\.getenv|getenv)\s*\(", ("os.environ.get", "os.getenv", "getenv")),
        (r"(/run/secrets/\w+|/var/run/secrets/\w+)", ("/run/secrets/", "/var/run/secrets/")),
        (r"\b(https://[a-z]+\.vault\.azure\.net)", ("https://",)),  # not the longer literal inside
        (r"^%\w+%$", ("%",)),
        (r"ab\bcd", ("abcd",)),  # zero-width in the run: the characters either side stay adjacent
        (r"(?i)secretKeyRef", None),  # case folded: no literal
        (r"(?i:ab)cd", None),  # a scoped fold at the start
        (r"ab(?i:cd)", ("ab",)),  # a scoped fold after the literal: the literal before it
        (r"(?:abc)?xy", None),  # an optional group at the start proves nothing
        (r"(?:abc|\d+)x", None),  # one alternative starts with no literal
        (r"[ab]+c", None),
        (r"a*b", None),
    ],
)
def test_leading_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert references.leading_literals(re.compile(pattern)) == expected


def test_the_openers_start_with_their_leads() -> None:
    # _bracketed's openers are tried where `$` or `{{` occurs: each literal their every match starts with
    # begins with one of the two.
    leads = references.leading_literals(references._OPENERS)
    assert leads is not None
    assert all(lead.startswith(references._OPENER_LEADS) for lead in leads)


def test_every_shipped_pattern_has_leading_literals() -> None:
    # The proof holds for all of them: none is left to a search of the whole text.
    assert all(leads for leads in references._SIMPLE_LEADS)
    assert len(references._SIMPLE_LEADS) == len(references._SIMPLE)


@pytest.mark.usefixtures("always_anchored")
@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        # A lookbehind sees the characters before the occurrence.
        (r"(?<![\w%])%([A-Za-z_]\w*)%(?![\w%])", "x%FOO% %BAR% a%%B%%c %Z%"),
        # `\b` before the literal: `xENV[...]` is no match, ` ENV[...]` is.
        (r"\bENV\s*\[\s*[\"']([^\"']+)[\"']", "xENV['A'] ENV['B'] _ENV[\"C\"]"),
        # Overlapping occurrences of the leading literal (`%%` at 0 and 1 of `%%%`).
        (r"(?<![\w%])%%([A-Za-z_]\w*)%%(?![\w%])", "%%%A%% %%B%%% %%C%%"),
        # A match that runs across lines, past the line its literal is on.
        (r"\bos\.environ\s*\[\s*[\"']([^\"'\]]+)[\"']\s*\]", 'os.environ[\n  "A\nB"\n]\nos.environ["C"]'),
        # An occurrence inside the previous match is skipped, as finditer moves past a match.
        (r"\bENV\s*\[\s*[\"']([^\"']+)[\"']", "ENV['ENV['X']']"),
        # A greedy run that goes to the end of the text.
        (r"\bop://[^\s\"'`,;)}]+", "a op://vault/item/field" + "x" * 600),
        # `^` and `$` (multiline or not) at the occurrence: read from the text's real start and end.
        (r"^ENV:\w+", "ENV:a ENV:b"),  # `^` only at 0, not at the second occurrence
        (r"ENV:\w+$", "ENV:a ENV:b"),  # `$` only at the text's end
        (r"(?m)^ENV:\w+$", "ENV:a\n ENV:b\nENV:c\n"),
        # Alternatives where one literal is a suffix of another (`getenv` in `os.getenv`).
        (r"\b(?:os\.environ\.get|os\.getenv|getenv)\(\"(\w+)\"", 'os.getenv("A") getenv("B") xgetenv("C")'),
        # A lookahead right after the literal (the `vault:` image tag is not a Vault path).
        (r"(?<![\w/.:-])vault:(?!//)(?![\d.]+\b)([A-Za-z_][\w-]*/[^\s\"'#,;)}]*)", "vault:1.11 vault:kv/app"),
        # The literal at the very start and at the very end of the text.
        (r"(?<!\$)\{env:([A-Za-z_]\w*)\}", "{env:A} ${env:B} {env:"),
    ],
)
def test_edge_cases(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    assert compiled.search(text) is not None  # each case matches something
    _same_as_finditer(compiled, text)


def test_dense_and_small_texts_are_searched_whole() -> None:
    # The same answers on the shortcut's other side: a short text, and a text dense with the literal.
    pattern = references._SIMPLE[21][1]  # `%NAME%`
    leads = references._SIMPLE_LEADS[21]
    for text in ("%A%", "%A% " * 200, "%A%" + " " * 2000 + "%B%"):
        assert _spans(references._matches(pattern, leads, text)) == _spans(list(pattern.finditer(text)))


def test_no_occurrence_no_match() -> None:
    pattern = references._SIMPLE[0][1]
    assert references._matches(pattern, ("op://",), "x" * 1000 + "op:/" + "y" * 1000) == []


# Pieces of text around the patterns' literals: every leading and required literal, prefixes of them
# (an occurrence cut short), line breaks, quotes, template openers and the characters the patterns stop at.
_PIECES = sorted(
    {lit for group in references._SIMPLE_LEADS + references._SIMPLE_NEEDS if group for lit in group}
    | {lit[: len(lit) // 2] for group in references._SIMPLE_LEADS if group for lit in group}
    | set("\n\r\t \"'`{}[]()$%#@:;,=./\\-_aZ09ıſ")
    | {
        "${",
        "{{",
        "}}",
        "${{",
        "$(",
        "\n\n",
        "123456789012",
        ":secret:",
        "/secrets/",
        "name: ",
        "key: ",
        "x/y",
    }
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.data())
def test_matches_equal_finditer(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    index = data.draw(st.integers(0, len(references._SIMPLE)))
    if index == len(references._SIMPLE):  # the bracketed syntaxes' openers
        pattern, leads = references._OPENERS, references._OPENER_LEADS
    else:
        pattern, leads = references._SIMPLE[index][1], references._SIMPLE_LEADS[index]
    expected = _spans(list(pattern.finditer(text)))
    for small, dense in ((0, 0), (references._SMALL, references._DENSE)):
        saved = references._SMALL, references._DENSE
        references._SMALL, references._DENSE = small, dense
        try:
            got = _spans(references._matches(pattern, leads, text))
        finally:
            references._SMALL, references._DENSE = saved
        assert got == expected, (pattern.pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_every_match_starts_with_a_leading_literal(pieces: list[str]) -> None:
    # The premise of the shortcut, on the shipped patterns.
    text = "".join(pieces)
    for (_kind, pattern, _a, _i), leads in zip(references._SIMPLE, references._SIMPLE_LEADS, strict=True):
        assert leads is not None
        for m in pattern.finditer(text):
            assert m.group(0).startswith(leads), (pattern.pattern, m.group(0))


def _notebook_like() -> str:
    """A large text with a few references among long lines of base64-like noise."""
    noise = "".join(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(i * 7919) % 64]
        for i in range(20000)
    )
    return "\n".join(
        [
            '"source": ["import os\\n", "key = os.environ.get(\\"OPENAI_API_KEY\\")\\n"]',
            f'"image/png": "{noise}ENV{noise}"',
            '"text": "op://Private/item/password and %DB_PASSWORD% and ${{ secrets.TOKEN }}"',
            f'"image/png": "{noise}"',
            "process.env.SLACK_BOT_TOKEN arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db",
        ]
    )


def test_finder_unchanged_without_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every shipped input and a large generated text: the finder with and without the anchored search.
    texts = [p.read_bytes().decode("utf-8", "replace") for p in shipped_inputs()]
    texts.append(_notebook_like())
    fast = [references._search_all(t) for t in texts]
    monkeypatch.setattr(references, "_SIMPLE_LEADS", (None,) * len(references._SIMPLE))
    monkeypatch.setattr(references, "_OPENER_LEADS", None)
    slow = [references._search_all(t) for t in texts]
    assert fast == slow
    assert len(fast[-1]) >= 5  # the generated text's references are found
