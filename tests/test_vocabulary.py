"""The code-evidence regexes run with `finditer` over whole files: each is held to the detectors' linear-time
proof (regexcheck.check_linear: every quantifier bounded, no ambiguous repeats), and shown to stay linear on
the inputs that broke their unbounded predecessors."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.extract import server_manifests
from auditor.extract import text as text_module
from auditor.extract import values as values_module
from auditor.extract.regexcheck import check_linear
from auditor.extract.vocabulary import CODE_PATTERNS

_ALL = [(f"code.{name}", p) for name, p in CODE_PATTERNS] + [
    *((f"agent.{kind}", p) for kind, p in text_module._CODE_AGENTS),
    ("agent.assigned", text_module._ASSIGNED),
    ("agent.bolt_import", text_module._BOLT_IMPORT),
    ("agent.bolt_app", text_module._BOLT_APP),
    ("agent.triple_quote", text_module._TRIPLE_QUOTE),
    ("agent.mcp_server_import", text_module._MCP_SERVER_IMPORT),
    ("agent.mcp_server", text_module._MCP_SERVER),
    ("agent.first_argument", text_module._FIRST_ARGUMENT),
    ("agent.ai_sdk_import", text_module._AI_SDK_IMPORT),
    ("agent.github_app_import", text_module._GITHUB_APP_IMPORT),
    ("agent.github_app", text_module._GITHUB_APP),
]
_ALL += [
    ("values.incremented", values_module._INCREMENTED),
    ("values.dunder_sentinel", values_module._DUNDER_SENTINEL),
    ("package.user_config_ref", server_manifests._USER_CONFIG_REF),
    ("package.smithery_env", server_manifests._SMITHERY_ENV),
]


@pytest.mark.parametrize(("name", "pattern"), _ALL, ids=[n for n, _ in _ALL])
def test_code_evidence_patterns_are_proved_linear(name: str, pattern: re.Pattern[str]) -> None:
    check_linear(pattern.pattern)


def test_an_unbounded_prefix_is_what_the_proof_rejects() -> None:
    # The shape the agent patterns had (an optional `(\w+)\s*=` before the constructor): rejected.
    with pytest.raises(ValueError, match="unbounded"):
        check_linear(r"(?:(\w+)\s*=\s*)?\b(AssistantAgent)\(")


@pytest.mark.parametrize(
    ("code", "variable"),
    [
        ("planner = AssistantAgent(name='planner', llm_config=cfg)", "planner"),
        ("var builder = Kernel.CreateBuilder();", "builder"),
        ("export const helpdesk = new Agent({ name: 'Helpdesk' });", "helpdesk"),
        ("crew_lead = autogen.AssistantAgent('lead')", "crew_lead"),
        ("agents.append(AssistantAgent('lead'))", None),
    ],
)
def test_the_assigned_variable_is_read_before_the_constructor(code: str, variable: str | None) -> None:
    for _kind, pattern in text_module._CODE_AGENTS:
        match = pattern.search(code)
        if match:
            assigned = text_module._ASSIGNED.search(code, max(0, match.start() - 120), match.start())
            assert (assigned.group(1) if assigned else None) == variable
            return
    raise AssertionError(f"no agent pattern matched {code!r}")


def test_a_vault_policy_path_star_is_found_on_any_line() -> None:
    policy = (
        'path "secret/data/app/*" {\n  capabilities = ["read"]\n}\n\n'
        'path "*" {\n  capabilities = ["read"]\n}\n'
    )
    (pattern,) = [p for name, p in CODE_PATTERNS if name == "vault.path_star"]
    assert [policy.count("\n", 0, m.start()) + 1 for m in pattern.finditer(policy)] == [5]


def test_toml_and_hcl_key_lines_are_linear_and_exact() -> None:
    # `^\s*` crossed blank lines (quadratic on a run of them, and a key got the first blank line's number);
    # a lazy header pattern took minutes on `[` and spaces. Both are now proved linear.
    from auditor.extract.lineformats import _KeyLines

    check_linear(_KeyLines._ASSIGN.pattern)
    check_linear(_KeyLines._HEADER.pattern)
    lines = _KeyLines('\n\n[server]\n  port = 8080\n\n[[ bots ]]\nname = "triage"\n')
    assert lines.positions == {"server": [3], "port": [4], "bots": [6], "name": [7]}


def test_rewritten_line_and_bracket_patterns_read_as_before() -> None:
    # INI/.properties lines and SARIF's bracket escaping: the quadratic shapes (lazy groups before `\s*`, a
    # run of backslashes tried from every one) were rewritten; what they read must not change.
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from auditor.extract import lineformats
    from auditor.report.sarif import message_text

    old_kv = re.compile(r"^\s*([^=:#;\s\[][^=:]*?)\s*[=:]\s*(.*?)\s*$")
    old_brackets = re.compile(r"(\\*)([\[\]])")

    @settings(max_examples=400)
    @given(st.text(alphabet="ab =:#;[\t\\", max_size=16))
    def kv_same(line: str) -> None:
        old, new = old_kv.match(line), lineformats._KV_LINE.match(line)
        assert (old is None) == (new is None)
        if old and new:
            assert (old.group(1).strip(), old.group(2)) == (new.group(1).strip(), new.group(2).strip())

    @settings(max_examples=400)
    @given(st.text(alphabet="ab\\[]", max_size=16))
    def brackets_same(text: str) -> None:
        expected = old_brackets.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), text)
        assert message_text(text) == expected

    kv_same()
    brackets_same()


def test_iac_line_and_path_patterns_are_linear_and_give_the_declaring_line() -> None:
    # CloudFormation logical ids, Vault policy stanzas and Terraform attribute paths: `^\s*` in MULTILINE
    # crossed blank lines (quadratic on a run of them, and the match began at the first blank line), and an
    # index pattern scanned to the end of the text from every `[` of a run.
    from auditor.collectors.code.cloudformation import logical_key_line
    from auditor.collectors.code.terraform import ATTRIBUTE_STEP
    from auditor.collectors.code.vault_files import POLICY_PATH

    cfn = logical_key_line("BotRole")
    for pattern in (cfn, POLICY_PATH.pattern, ATTRIBUTE_STEP.pattern):
        check_linear(pattern)
    text = "Resources:\n\n\n  BotRole:\n    Type: AWS::IAM::Role\n"
    m = re.search(cfn, text, re.M)
    assert m is not None and text.count("\n", 0, m.start()) + 1 == 4
    assert re.search(cfn, '{\n\n  "BotRole" : {}}', re.M) is not None
    policy = '# reader\n\n\n  path "secret/data/bot/*" {\n  capabilities = ["read"]\n}\n'
    m = POLICY_PATH.search(policy)
    assert m is not None and policy.count("\n", 0, m.start()) + 1 == 4
    assert ATTRIBUTE_STEP.findall('.outputs["role_arn"][0].name') == [
        ("outputs", ""),
        ("", "role_arn"),
        ("", "0"),
        ("name", ""),
    ]


def test_placeholder_phrase_stays_linear_with_ordinals() -> None:
    # The ordinal word (`1st`) is a second alternative inside the possessive word group: runs of ordinals,
    # with and without separators, and of letters and digits are each read in one pass (a backtracking
    # shape would take minutes on these 60,000 characters, as the old letters-only phrase did on fewer).
    from auditor.extract.values import _PLACEHOLDER_PHRASE

    for run in ("1st" * 20_000, "1st_" * 20_000, "a1" * 20_000, "2nd-" * 5_000 + "x" * 20_000):
        assert _PLACEHOLDER_PHRASE.search("your_" + run + "!") is None
    assert _PLACEHOLDER_PHRASE.search("sk-my-openai-1st-key") is None  # the prefix is matched elsewhere
    assert _PLACEHOLDER_PHRASE.search("my-openai-1st-key") is not None


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("from agents import Agent, Runner\n", True),
        ("from agents import (\n    Agent,\n    RunContextWrapper,\n    handoff,\n)\n", True),
        ("import { Agent, run } from '@openai/agents';\n", True),
        # A project's own module named `agents` (CrewAI examples keep their Agent classes in agents.py).
        ("from agents import MarketingAnalysisAgents\n", False),
        ("from agents import (\n    ResearchAgents,\n)\nfrom tasks import Runner\n", False),
    ],
)
def test_the_openai_agents_sdk_is_told_from_a_local_agents_module(code: str, found: bool) -> None:
    pattern = dict(CODE_PATTERNS)["openai.agents_sdk"]
    assert bool(pattern.search(code)) is found


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ('@app.post("/chatkit")\nasync def chat(request: Request):\n', True),
        ("@router.get('/health')\n", True),
        ("app.post('/api/messages', async (req, res) => {\n", True),
        ("@app.websocket('/ws')\n", True),
        # Not a route: a decorator of another kind, a call on another object, a route without a path.
        ("@app.command()\ndef sync():\n", False),
        ("client.post('/v1/chat', json=body)\n", False),
        ("@app.get(path)\n", False),
    ],
)
def test_a_served_http_route_is_evidence(code: str, found: bool) -> None:
    pattern = dict(CODE_PATTERNS)["web.endpoint"]
    assert bool(pattern.search(code)) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("profile: System Administrator\n", True),
        ('{"profileName": "System Administrator"}\n', True),
        ("<profile>System Administrator</profile>\n", True),
        ("user.Profile = 'System Administrator';\n", True),
        # Prose and queries name the profile without giving it to anyone.
        (
            "  - Automatically grants Field Level Security to System Administrator (or specified profiles)\n",
            False,
        ),
        ("Profile p = [SELECT Id FROM Profile WHERE Name = 'System Administrator'];\n", False),
    ],
)
def test_the_system_administrator_profile_is_read_where_it_is_given(text: str, found: bool) -> None:
    pattern = dict(CODE_PATTERNS)["salesforce.system_administrator"]
    assert bool(pattern.search(text)) is found


def test_setting_key_fold_agrees_with_ignorecase_on_every_code_point() -> None:
    # vocabulary._fold's premise: a character matches one of the pattern's characters (lowercase ASCII
    # letters and `_`) under re.IGNORECASE exactly when it folds to that character, and folds to one
    # character.
    import sys

    from auditor.extract import vocabulary

    source = vocabulary._SETTING_KEY_SOURCE
    assert source == source.lower() and "\\" not in source
    assert set(re.sub(r"[()|^$?]", "", source)) <= set("abcdefghijklmnopqrstuvwxyz_")
    any_letter = re.compile("[a-z_]", re.IGNORECASE)
    folding = []
    for cp in range(sys.maxunicode + 1):
        char = chr(cp)
        folded = vocabulary._fold(char)
        assert len(folded) == 1, hex(cp)
        if any_letter.fullmatch(char):
            folding.append(char)
            assert re.fullmatch(folded, char, re.IGNORECASE), hex(cp)
        else:
            assert not ("a" <= folded <= "z" or folded == "_"), hex(cp)
    assert len(folding) == 26 * 2 + 1 + 4  # both cases, `_`, and İ ı ſ K


_KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.-0\nİıſKΣσςĠé"


@given(
    st.text(alphabet=_KEY_CHARS, max_size=24)
    | st.sampled_from(["Ġsub", "ittle", "ſub", "AUTH", "UſER", "user\n"])
)
def test_is_setting_key_agrees_with_the_case_insensitive_pattern(key: str) -> None:
    from auditor.extract import vocabulary

    vocabulary._setting_word.cache_clear()
    parts = (re.sub(r"\[\d+\]", "", key) if "[" in key else key).rsplit(".", 2)
    last = parts[-2] if parts[-1].isdigit() and len(parts) > 1 else parts[-1]
    assert vocabulary.is_setting_key(key) == bool(vocabulary._SETTING_KEY.search(last))
