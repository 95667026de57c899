"""The one-pass literal finder and the literal terms read off a pattern (auditor/extract/literalpass.py), and
the code agents behind them (issue 14: on microsoft/semantic-kernel the code patterns' gates were 200,000
substring searches, and `web.endpoint` ran over most source files for want of a finer literal than `get`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from auditor.extract import text as text_mod
from auditor.extract import vectorscan
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes
from auditor.extract.literalpass import LiteralPass, required_terms
from auditor.extract.vocabulary import CODE_PATTERNS
from tests.shipped_inputs import shipped_inputs

_LITERALS = ["get(", "@app.get(", "é", "naïve", "\ud800x", "a", "", "ab", "b\n", "\u20ac"]
_ALPHABET = st.sampled_from(
    ["a", "b", "g", "e", "t", "(", "@", "p", ".", "\n", "é", "naïve", "\ud800", "€", "x"]
)


def _holds(terms: tuple[tuple[str, ...], ...], text: str) -> bool:
    return any(all(lit in text for lit in term) for term in terms)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_present_is_the_substring_test(text: str) -> None:
    finder = LiteralPass("test-literals", _LITERALS)
    slow = LiteralPass("test-literals", _LITERALS)
    slow._db = None  # the fallback: a search per literal
    expected = {i for i, lit in enumerate(_LITERALS) if lit and lit in text}
    assert finder.present(text) == expected
    assert slow.present(text) == expected


def test_the_finder_runs_on_vectorscan_where_it_imports() -> None:
    assert LiteralPass("test-literals", _LITERALS).vectorscan is vectorscan.available()
    assert LiteralPass("test-literals", [""]).vectorscan is False  # nothing to search for: no database


# -- required_terms ------------------------------------------------------------------------------------------
def test_terms_of_the_web_endpoint_pattern_are_its_routes() -> None:
    (pattern,) = [p for name, p in CODE_PATTERNS if name == "web.endpoint"]
    found = required_terms(pattern)
    assert found is not None
    terms = {frozenset(term) for term in found}
    assert {"'/", "@app.get("} in terms and {"@router.post(", '"/'} in terms and {'"/', "app.all("} in terms
    assert {"GET", "const", "export"} in terms and {"DELETE", "async", "export", "function"} in terms
    # The one literal the reference finder's reading gives ("get", "app", "export", ...) is in no term alone.
    assert all(len(term) > 1 for term in terms)


@pytest.mark.parametrize(
    ("regex", "flags", "expected"),
    [
        (r"abc", 0, (("abc",),)),
        (r"ab\bcd", 0, (("abcd",),)),  # a zero-width item: what stands either side is adjacent
        (r"(?:xy|yx)z+qq", 0, (("qq", "xy"), ("qq", "yx"))),  # a repeat breaks a stretch
        (r"abc", re.IGNORECASE, None),
        (r"(?i:abc)d", 0, None),  # a case-folded group gives nothing; `d` alone is too short to be a term
        (r"(?i:abc)de", 0, (("de",),)),
        (r"a?b", 0, None),
        (r"ab|\w+", 0, None),  # a branch with no literal: the alternation needs none
        (r"[a-c]x\s*yz", 0, (("ax", "yz"), ("bx", "yz"), ("cx", "yz"))),
    ],
)
def test_terms_of_small_patterns(regex: str, flags: int, expected: object) -> None:
    assert required_terms(re.compile(regex, flags)) == expected


_PIECES = st.sampled_from(
    [
        "a",
        "b",
        "ab",
        "ba",
        r"\.",
        r"\(",
        "[ab]",
        "[a-c]",
        r"\s",
        r"\w",
        ".",
        r"\b",
        "^",
        "$",
        "(?=a)",
        "(?!b)",
        "(?<=a)",
        "(?i:ab)",
        "[^a]",
    ]
)


@st.composite
def _regexes(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        choice = draw(st.integers(0, 5 if depth < 2 else 3))
        if choice <= 2:
            part = draw(_PIECES)
        elif choice == 3:
            part = draw(_PIECES) + draw(st.sampled_from(["?", "*", "+", "{1,3}", "{0,2}", "{2}", "*+", "++"]))
        elif choice == 4:
            part = "(?:" + draw(_regexes(depth + 1)) + "|" + draw(_regexes(depth + 1)) + ")"
        else:
            inner = draw(_regexes(depth + 1))
            # A repeat over a repeat (`(a*b)+`) backtracks exponentially in `re` on a text that almost
            # matches: the property tests below would then run for hours on an unlucky draw.
            nested = any(q in inner for q in "*+{")
            part = "(" + inner + ")" + draw(st.sampled_from(["", "?"] if nested else ["", "?", "+", "{1,2}"]))
        parts.append(part)
    return "".join(parts)


@settings(max_examples=1500, deadline=None)
@given(
    _regexes(), st.lists(st.sampled_from(["a", "b", "c", "A", "B", ".", "(", " ", "\n", "x"]), max_size=24)
)
def test_every_match_holds_a_term(regex: str, chars: list[str]) -> None:
    try:
        pattern = re.compile(regex)
    except re.error:  # the generator's `\\b?`: nothing to repeat
        assume(False)
        return
    terms = required_terms(pattern)
    if terms is None:
        return
    assert terms and all(term and all(term) for term in terms)
    for m in pattern.finditer("".join(chars)):
        assert _holds(terms, m.group(0)), (regex, m.group(0), terms)


@settings(max_examples=300, deadline=None)
@given(_regexes(), st.data())
def test_every_string_a_pattern_matches_holds_a_term(regex: str, data: st.DataObject) -> None:
    """Strings drawn to match the pattern whole (hypothesis's from_regex): random texts seldom match one."""
    try:
        pattern = re.compile(regex)
    except re.error:
        assume(False)
        return
    terms = required_terms(pattern)
    assume(terms is not None)
    assert terms is not None
    try:
        matched = data.draw(st.from_regex(pattern, fullmatch=True))
    except Exception:  # a pattern that matches nothing whole (`a$b`), or one from_regex cannot draw for
        assume(False)
        return
    if pattern.fullmatch(matched):
        assert _holds(terms, matched), (regex, matched, terms)


def test_every_code_pattern_and_agent_pattern_has_terms() -> None:
    assert all(required_terms(p) for _name, p in CODE_PATTERNS)
    assert all(required_terms(p) for _kind, p in text_mod._CODE_AGENTS)


# -- the code agents behind their terms ----------------------------------------------------------------------
_AGENTS = {
    "crew.py": "researcher = Agent(role='Researcher', goal='find')\n",
    "triage.py": "triage = Agent(name='Triage', instructions='route')\n",
    "team.py": "import autogen\nplanner = autogen.AssistantAgent('planner', llm_config=cfg)\n",
    "kernel.py": "kernel = sk.Kernel()\n",
    "Program.cs": "var builder = Kernel.CreateBuilder();\n",
    "route.ts": "import { streamText } from 'ai';\nconst result = streamText({ model, tools });\n",
    "chain.py": "agent = initialize_agent(tools, llm)\nexecutor = AgentExecutor(agent=agent, tools=tools)\n",
    "near.py": "Agent (role='x')\nsk.Kernel(x)\nname = Agent\n",
}
_DETECTORS = DetectorSet.load()


def _hints(rel: str, content: str) -> list[tuple[str, str, int]]:
    scan = scan_bytes(rel, content.encode(), _DETECTORS, fingerprint_key="t")
    return sorted((h.kind, h.name, h.location.line if h.location else 0) for h in scan.manifests)


def test_the_same_agents_with_and_without_the_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = list(_AGENTS.items()) + [
        (p.name, p.read_bytes().decode("utf-8", "replace")) for p in shipped_inputs()
    ]
    fast = [_hints(rel, content) for rel, content in inputs]
    monkeypatch.setattr(text_mod, "_code_needs", lambda: (None,) * len(CODE_PATTERNS))
    monkeypatch.setattr(text_mod, "_agent_needs", lambda: (None,) * len(text_mod._CODE_AGENTS))
    ungated = text_mod._SourceLiterals()
    monkeypatch.setattr(text_mod, "_source_literals", lambda: ungated)
    slow = [_hints(rel, content) for rel, content in inputs]
    assert fast == slow
    kinds = {kind for found in fast[: len(_AGENTS)] for kind, _name, _line in found}
    assert {"crewai", "agent_sdk", "autogen", "semantic_kernel", "ai_sdk", "langchain"} <= kinds
