"""The line scan's whole-text shortcuts (issue 14, real repositories' whole path): each answers what the
plain search it replaces answers, checked here against that search on generated and shipped text.

- references._TextLiterals: one Vectorscan pass for "a trigger occurs in text.lower()" and "which required
  literals occur in text", instead of lowering, one search and a substring search per literal;
- text._agent_leads with references.find_matches: the code agents' patterns tried where their leading
  literals occur, instead of finditer over the whole text;
- text._SourceLiterals.code_candidates and .lack: the code patterns and recognisers worth running, read off
  the literals the one source-literals pass found;
- Evidence.line_at: a file's first questions answered by counting line breaks.
"""

from __future__ import annotations

import random
import sys

import pytest

from auditor.extract import references
from auditor.extract import text as text_mod
from auditor.extract.detectors import DetectorSet
from auditor.extract.evidence import Evidence
from auditor.extract.formats import classify
from auditor.extract.vocabulary import CODE_PATTERNS
from tests.shipped_inputs import shipped_inputs

_DETECTORS = DetectorSet.load()

# Pieces text is generated from: every trigger and required literal in several casings, the characters
# that lower to ASCII, other non-ASCII letters, template syntax and plain code.
_PIECES = [
    *references._TRIGGERS,
    *(t.upper() for t in references._TRIGGERS),
    *(t.title() for t in references._TRIGGERS),
    *(lit for needs in references._SIMPLE_NEEDS if needs for lit in needs),
    "\u212aEYVAULT",
    "SECRET\u212aEYREF",
    "LOO\u212aUPENV",
    "\u0130",
    "env\u0130ron",
    "é",
    "Ä",
    "\u00df",
    "${API_TOKEN}",
    "{{ .Values.password }}",
    "$(NAME)",
    "%APPDATA%",
    'os.getenv("OPENAI_API_KEY")',
    "process.env.TOKEN",
    "x = 1\n",
    "def f(a):\n    return a\n",
    " ",
    "\n",
    "abc",
]


def _texts(seed: int, count: int, *, least: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < least or len(parts) < rng.randint(1, 12):
            parts.append(rng.choice(_PIECES))
            if rng.random() < 0.5:
                parts.append("".join(rng.choice("ab_ .:/=\n") for _ in range(rng.randint(0, 40))))
        out.append("".join(parts))
    return out


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(references, "_TEXT_LITERALS", [None])


def test_lowers_to_ascii_is_every_such_character() -> None:
    # The pass is exact only if every non-ASCII character whose lower() holds ASCII is searched for.
    found = {
        chr(c)
        for c in range(0x80, sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF and any(ch.isascii() for ch in chr(c).lower())
    }
    assert found == set(references.LOWERS_TO_ASCII)


def test_text_literals_answer_the_plain_searches() -> None:
    finder = references._text_literals()
    if finder is None:
        pytest.skip("no Vectorscan bindings: the plain searches run")
    answered = 0
    for text in _texts(11, 3000, least=0):
        got = finder.present(text)
        if any(ch in text for ch in references.LOWERS_TO_ASCII):
            assert got is None  # asked the slow way
            continue
        assert got is not None
        trigger, occurring = got
        assert trigger == (references._TRIGGER.search(text.lower()) is not None), text
        assert occurring == {lit for lit in finder.needs if lit in text}, text
        answered += 1
    assert answered > 1000


def test_kelvin_sign_still_makes_a_trigger(monkeypatch: pytest.MonkeyPatch) -> None:
    # `\u212a` lowers to `k`: the lowered text holds `lookupenv`, which ASCII-caseless matching cannot see.
    text = "x" * references._WHOLE_TEXT + " LOO\u212aUPENV "
    assert references._TRIGGER.search(text.lower()) is not None
    assert references._TRIGGER.search(text.replace("\u212a", "_").lower()) is None
    finder = references._text_literals()
    if finder is not None:
        assert finder.present(text) is None  # asked the slow way
    fast = references._search_all(text)
    _slow(monkeypatch)
    assert references._search_all(text) == fast


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_search_all_unchanged_on_generated_text(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    texts = _texts(seed, 400, least=references._WHOLE_TEXT)
    fast = [references._search_all(t) for t in texts]
    _slow(monkeypatch)
    slow = [references._search_all(t) for t in texts]
    assert fast == slow
    assert sum(map(len, fast)) > 100  # the texts hold references: the comparison says something


def test_search_all_unchanged_on_shipped_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_bytes().decode("utf-8", "replace") for p in shipped_inputs()]
    assert sum(len(t) >= references._WHOLE_TEXT for t in texts) > 20
    fast = [references._search_all(t) for t in texts]
    _slow(monkeypatch)
    assert [references._search_all(t) for t in texts] == fast


_AGENT_PIECES = [
    "Kernel()",
    "Kernel( )",
    "sk.Kernel()",
    "new KernelBuilder()",
    "Kernel.CreateBuilder()",
    "xKernel()",
    "Agent(name='triage')",
    'LlmAgent(name="x")',
    "Agent(role='writer')",
    "AgentExecutor(",
    "create_react_agent(",
    "streamText({",
    "autogen.AssistantAgent(",
    "UserProxyAgent(",
    "Kernel",
    "Agent",
    "(",
    ")",
    " ",
    "\n",
    "# ",
    "a",
    "_",
]


def test_agent_patterns_find_the_same_matches() -> None:
    rng = random.Random(5)
    tried = matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(_AGENT_PIECES) for _ in range(rng.randint(1, 30)))
        for (_kind, pattern), leads in zip(text_mod._CODE_AGENTS, text_mod._agent_leads(), strict=True):
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            got = [(m.span(), m.groups()) for m in references.find_matches(pattern, leads, text)]
            assert got == expected, (pattern.pattern, text)
            tried += 1
            matched += bool(expected)
    assert matched > 500 and tried > 10000


def test_code_candidates_are_the_patterns_that_may_match() -> None:
    gates = text_mod._source_literals()
    ids = sorted({i for g in gates.code if g is not None for i in g[0]})
    rng = random.Random(3)
    nonempty = 0
    for _ in range(3000):
        present = set(rng.sample(ids, rng.randint(0, min(len(ids), 12))))
        expected = [i for i, g in enumerate(gates.code) if text_mod._may_match(g, present)]
        assert gates.code_candidates(present) == expected
        nonempty += bool(expected)
    assert nonempty > 100
    assert len(gates.code) == len(CODE_PATTERNS)


def test_recognisers_words_answered_by_the_pass() -> None:
    gates = text_mod._source_literals()
    words = [w for ws in text_mod._RECOGNISER_WORDS.values() for w in ws]
    rng = random.Random(9)
    for _ in range(2000):
        text = " ".join(rng.choice([*words, "slack", "mcp", "bot", "x"]) for _ in range(rng.randint(0, 4)))
        present = gates.finder.present(text)
        for name, ws in text_mod._RECOGNISER_WORDS.items():
            expected = not any(w in text for w in ws)
            assert gates.lack(name, text, present) == expected
            assert gates.lack(name, text, None) == expected


def test_line_at_by_counting_then_by_the_list() -> None:
    text = "a\nbb\n\nccc\n" * 30 + "tail"
    offsets = [-3, 0, 1, 2, 3, 4, 5, 6, 50, len(text) - 1, len(text), len(text) + 7, *range(0, len(text), 7)]
    ev = Evidence("f.py", text, classify("f.py"), _DETECTORS, "k")
    got = [ev.line_at(o) for o in offsets]  # the first counted, the rest (past the text's length) listed
    assert ev._newlines is not None
    fresh = Evidence("f.py", text, classify("f.py"), _DETECTORS, "k")
    fresh._line_breaks()
    assert got == [fresh.line_at(o) for o in offsets]
    assert got[:4] == [1, 1, 1, 2]
    # offset_of_line works whether or not line_at built the list.
    other = Evidence("f.py", text, classify("f.py"), _DETECTORS, "k")
    other.line_at(9)
    assert other.offset_of_line(3) == text.index("\n\n") + 1


_CODE_PIECES = [
    "@app.get('/x')",
    '@router.post("/y")',
    "@bp.route( '/z')",
    "app.get(`/a`",
    "router.all('/b'",
    "xapp.get('/c'",
    "export const GET",
    "export async function POST",
    "exportconst GET",
    "OpenAI(",
    "openai.api_key",
    '"Action": "*"',
    "arn:aws:iam::aws:policy/AdministratorAccess",
    "app",
    "@",
    "'/",
    " ",
    "\n",
    "(",
    ".get",
]


def test_code_patterns_find_the_same_matches() -> None:
    rng = random.Random(8)
    texts = [p.read_bytes().decode("utf-8", "replace") for p in shipped_inputs()]
    texts += ["".join(rng.choice(_CODE_PIECES) for _ in range(rng.randint(1, 80))) for _ in range(1500)]
    matched = 0
    for text in texts:
        for (_name, pattern), leads in zip(CODE_PATTERNS, text_mod._code_leads(), strict=True):
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            got = [(m.span(), m.groups()) for m in references.find_matches(pattern, leads, text)]
            assert got == expected, (pattern.pattern, text[:200])
            matched += bool(expected)
    assert matched > 300
    assert any(leads for leads in text_mod._code_leads())


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"[\"']?sub[\"']?\s{0,8}[:=]", ("sub", 1)),
        (r"[=\"':]\s{0,8}cluster-admin(?![\w-])", ("cluster-admin", 9)),
        (r"\b[Pp]rofile", ("rofile", 1)),
        (r"(?m)^[ \t]{0,40}path", None),  # a reach beyond _NEAR_REACH
        (r"[ab]+xy", None),  # unbounded
        (r"x[ab]yz", None),  # one literal character first: too weak
        (r"(?i)[ab]?xy", None),  # case folded
        (r"\s{0,3}ab", ("ab", 3)),
    ],
)
def test_near_literals(pattern: str, expected: tuple[str, int] | None) -> None:
    import re

    assert references.near_literals(re.compile(pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"[ab]?xx",
        r".?ab",
        r"\s{0,3}ab[ab]*",
        r"(?:q|qq)?zz(?:z)*",
        r"[\"']?sub[\"']?\s{0,8}[:=]\s{0,8}(request|current_user|user|event)[\.\[]",
        r"[=\"':]\s{0,8}cluster-admin(?![\w-])",
        r"(?<![a])[ab]{0,2}ab",
    ],
)
def test_matches_near_are_finditer_matches(pattern: str) -> None:
    import re

    compiled = re.compile(pattern)
    near = references.near_literals(compiled)
    assert near is not None
    literal, reach = near
    rng = random.Random(pattern)
    pieces = [
        literal,
        literal[:1],
        "a",
        "b",
        "x",
        "q",
        "z",
        " ",
        "'",
        '"',
        ":",
        "=",
        "user.",
        "request[",
        "\n",
    ]
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 300)))
        expected = [(m.span(), m.groups()) for m in compiled.finditer(text)]
        got = [(m.span(), m.groups()) for m in references.find_matches_near(compiled, literal, reach, text)]
        assert got == expected, text
        matched += bool(expected) and len(text) >= references._SMALL
    assert matched > 100
