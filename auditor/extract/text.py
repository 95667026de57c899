"""The line-based scan for source, prompts, documents and anything a structured parser could not read."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Mapping

from auditor.extract import bedrock, references
from auditor.extract.evidence import Evidence
from auditor.extract.literalpass import LiteralPass, required_terms
from auditor.extract.lookback import head_is_whole_line, line_head
from auditor.extract.sfagent import agentforce_hint
from auditor.extract.vocabulary import CODE_PATTERNS
from auditor.model import SecretContext

# Agent frameworks in code: (hint kind, pattern); group 1 is the constructor. The variable the agent is
# assigned to (read from the text just before, _ASSIGNED) names it. Every quantifier is bounded: these run
# with `finditer` over whole files (an optional `(\w+)\s*=` in front made a long run of letters quadratic).
_CODE_AGENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("autogen", re.compile(r"\b(?:autogen\.)?(AssistantAgent|UserProxyAgent|ConversableAgent)\(")),
    (
        "langchain",
        re.compile(
            r"\b(initialize_agent|create_react_agent|create_openai_functions_agent"
            r"|create_tool_calling_agent|AgentExecutor)\("
        ),
    ),
    ("crewai", re.compile(r"\b(Agent)\(\s{0,40}role\s{0,8}=")),
    # The OpenAI Agents SDK, Google's ADK, Agno and their kin: an agent constructed with its name
    # (`Agent(name="Triage", instructions=...)`, `LlmAgent(name=...)`, `new Agent({ name: 'Triage', ... })`),
    # and the Agents SDK's voice agents (`new RealtimeAgent({ name: 'greeter', voice: 'sage', ... })`).
    (
        "agent_sdk",
        re.compile(r"\b(Agent|LlmAgent|RealtimeAgent)\(\s{0,40}(?:name\s{0,8}=|\{\s{0,40}name\s{0,8}:)"),
    ),
    (
        "semantic_kernel",
        re.compile(r"\b(Kernel\.CreateBuilder|KernelBuilder|sk\.Kernel|Kernel)\(\s{0,8}\)"),
    ),
    # Strands Agents, Pydantic AI and smolagents build an agent with no name first (`Agent(model=...,
    # tools=[...])`, `Agent('openai:gpt-4o')`, `CodeAgent(tools=[], model=model)`), and Azure AI Foundry's
    # Agent Service runs its agents through a project's client (`AIProjectClient(...)`, `AgentsClient(...)`):
    # in a file that imports it from one of them (_FRAMEWORK_IMPORT). A first `name=` is the entry above.
    (
        "framework_agent",
        re.compile(
            r"\b(Agent|CodeAgent|ToolCallingAgent|AIProjectClient|AgentsClient)(?:\.from_connection_string)?\("
            r"(?!\s{0,40}(?:name\s{0,8}=|\{\s{0,40}name\s{0,8}:))"
        ),
    ),
    # Vercel's AI SDK (the `ai` package): a model called with tools and a loop (`streamText({...})`,
    # `generateText`, `new ToolLoopAgent({...})`), in a file that imports it (_AI_SDK_IMPORT).
    (
        "ai_sdk",
        re.compile(r"\b(streamText|generateText|streamObject|generateObject|ToolLoopAgent)\(\s{0,8}\{"),
    ),
)
_FRAMEWORK_IMPORT = re.compile(
    r"^[ \t]{0,8}from[ \t]{1,8}(?:strands|pydantic_ai|smolagents|azure\.ai\.(?:projects|agents))"
    r"(?:\.[\w.]{1,80})?[ \t]{1,8}import\b",
    re.M,
)
_AI_SDK_IMPORT = re.compile(r"""\bfrom[ \t]{1,8}["']ai["']|\brequire\([ \t]{0,8}["']ai["'][ \t]{0,8}\)""")
# Files named for their role in a framework, not for the agent: the folder names it (`api/chat/route.ts`).
_ROLE_FILES = frozenset(("route", "index", "page", "server", "+server", "main", "app", "handler"))
# `triage = `, `var builder = `, `export const helpdesk = new `: the assignment right before a constructor.
_ASSIGNED = re.compile(r"(\w{1,80})[ \t]{0,8}=[ \t]{0,8}(?:new[ \t]{1,8})?$")
_ASSIGNED_REACH = 120
_MARKER_WORDS = ("gent", "Kernel", "Text(", "Object(")  # one of them is in every _CODE_MARKERS entry
_CODE_MARKERS = (
    "streamText(",
    "generateText(",
    "streamObject(",
    "generateObject(",
    "ToolLoopAgent(",
    "Agent(",
    # An Agent Service app reaches its agents through the project client's `.agents` (`AIProjectClient` is the
    # pattern's own literal, searched for in the same pass).
    "AgentsClient(",
    ".agents.",
    "initialize_agent(",
    "create_react_agent(",
    "AgentExecutor(",
    "_agent(",
    "Kernel.CreateBuilder(",
    "Kernel()",
)
_NAME_KWARG = re.compile(r"""\b(?:name|role)\s*[=:]\s*["'`]([^"'`\n]{1,80})["'`]""")
_SOURCE_LIKE = (
    SecretContext.SOURCE,
    SecretContext.PROMPT,
    SecretContext.DOCUMENT,
    SecretContext.TOOL_DEFINITION,
)


def scan_lines(ev: Evidence, *, only_new: bool = False, template: bool = False) -> None:
    """Detectors over the whole text, line numbers from offsets. `only_new`: after a structured scan, add only
    specific (non-generic) detections of values the structure did not already yield (comments, free text).
    `template`: the text is a Go template (a Helm chart's), whose actions are code, not values."""
    for hit in ev.text_hits():
        if only_new and (getattr(hit.detector, "generic", False) or hit.value in ev.flagged):
            continue
        if template and getattr(hit.detector, "generic", False) and _template_code(ev.text, hit.start):
            continue
        ev.secret(hit, line=ev.line_at(hit.start), column=ev.column_at(hit.start))


# How far back from a value a template action's opening braces are looked for (an action is one short line).
_ACTION_REACH = 400


def _template_code(text: str, at: int) -> bool:
    """Whether offset `at` (a generic rule's value) is code inside a Go template action on its line, not a
    quoted literal: `{{- $password := .Values.auth.password -}}`, `{{ $pw = randAlphaNum 40 }}` name where
    the password comes from or how it is made. A quoted literal in an action is a value all the same."""
    floor = at - len(line_head(text, at, _ACTION_REACH))
    opened = text.rfind("{{", floor, at)
    if opened < 0 or text.rfind("}}", opened, at) >= 0:
        return False
    return at == 0 or text[at - 1] not in "\"'`"


def scan_references(ev: Evidence) -> None:
    for ref in references.parse(ev.text):
        ev.reference(ref.kind, ref.target, ev.line_at(ref.start))


# What a line of source starts with when it is a comment: `#` (Python, shell, YAML), `//` and `/*` and a
# block comment's `*` (C-family, JavaScript, Go), `--` (SQL, Lua), `<!--` (HTML, XML), `REM` (batch).
_COMMENT_STARTS = ("#", "//", "/*", "*", "--", "<!--", "REM ", "rem ")


def _commented_out(text: str, at: int) -> bool:
    """Whether the source line holding offset `at` is a comment up to that point (a match further than
    lookback.REACH from its line's start is read as code)."""
    head = line_head(text, at)
    return head_is_whole_line(text, at, head) and head.lstrip().startswith(_COMMENT_STARTS)


def _inside_string(text: str, at: int) -> bool:
    """Whether offset `at` sits inside a string literal opened earlier on its line (an odd number of quotes
    of one kind before it; on a line longer than lookback.REACH, within the last REACH characters)."""
    head = line_head(text, at)
    return any(head.count(quote) % 2 == 1 for quote in ('"', "'", "`"))


# A statement naming a `Principal` is a resource-based policy (an API Gateway, bucket or queue policy): its
# `Action: "*"` covers only the actions of the resource it is attached to, and grants nothing to the code that
# writes it. Read within the statement's braces, a bounded reach either side.
_PRINCIPAL_KEY = re.compile(r"[\"']?Principal[\"']?[ \t]{0,8}[:=]")
_STATEMENT_REACH = 400


def _resource_policy_statement(text: str, start: int, end: int) -> bool:
    opening = text.rfind("{", max(0, start - _STATEMENT_REACH), start)
    closing = text.find("}", end, end + _STATEMENT_REACH)
    if opening < 0 or closing < 0:
        return False
    return _PRINCIPAL_KEY.search(text, opening, closing) is not None


@functools.lru_cache(maxsize=1)
def _code_needs() -> tuple[tuple[tuple[str, ...], ...] | None, ...]:
    """For each CODE_PATTERNS entry, terms of literals such that its every match holds every literal of one
    term (None: always run it), read off re's parse (literalpass.required_terms). Running a pattern only where
    a term occurs entire finds the same matches: on microsoft/semantic-kernel's 3,675 source files the
    patterns' finditer took 9.2 s of CPU over whole texts, 2.3 s behind one literal each, 0.3 s behind the
    terms (`web.endpoint` needs `@app.get(` and `'/`, not `get`)."""
    return tuple(required_terms(pattern) for _name, pattern in CODE_PATTERNS)


@functools.lru_cache(maxsize=1)
def _agent_needs() -> tuple[tuple[tuple[str, ...], ...] | None, ...]:
    """The same for each _CODE_AGENTS pattern."""
    return tuple(required_terms(pattern) for _kind, pattern in _CODE_AGENTS)


@functools.lru_cache(maxsize=1)
def _code_leads() -> tuple[tuple[str, ...] | None, ...]:
    """For each CODE_PATTERNS entry, what _agent_leads is for the agents: `web.endpoint`'s alternation
    (`@app.get(`, `app.post(`, `export const GET`) cost 0.14 s of CPU on FlowiseAI/Flowise's source by
    finditer, 0.03 s tried at its leading literals."""
    return tuple(references.leading_literals(pattern) for _name, pattern in CODE_PATTERNS)


@functools.lru_cache(maxsize=1)
def _code_near() -> tuple[tuple[str, int] | None, ...]:
    """For each CODE_PATTERNS entry without leading literals, a literal its every match holds within a few
    characters of its start (references.near_literals): `jwt.per_user_subject`'s optional quote before
    `sub` left re to try every position of a file holding `sub` and `user.` (~0.03 s on each of
    microsoft/semantic-kernel and FlowiseAI/Flowise)."""
    leads = _code_leads()
    return tuple(
        references.near_literals(pattern) if lead is None else None
        for (_name, pattern), lead in zip(CODE_PATTERNS, leads, strict=True)
    )


@functools.lru_cache(maxsize=1)
def _agent_leads() -> tuple[tuple[str, ...] | None, ...]:
    """For each _CODE_AGENTS pattern, the literals one of which its every match starts with (None: search
    the text): references.find_matches tries it only where one occurs. A leading `\\b(` and an alternation
    defeat re's own skip to a first character, so finditer tried each alternative at every position of
    every file holding `Kernel(`: 0.14 s of CPU on microsoft/semantic-kernel's source, 0.02 s this way."""
    return tuple(references.leading_literals(pattern) for _kind, pattern in _CODE_AGENTS)


_Gate = tuple[frozenset[int], tuple[frozenset[int], ...]] | None  # (every id of the terms, the terms)


def _may_match(gate: _Gate, present: set[int]) -> bool:
    """Whether one term of `gate` occurs entire (literal ids in `present`); True without a gate."""
    if gate is None:
        return True
    every, terms = gate
    return not every.isdisjoint(present) and any(term <= present for term in terms)


class _SourceLiterals:
    """Every literal the code patterns and the code agents are gated by, found in one pass per text
    (literalpass.LiteralPass): per pattern, its terms as literal ids (None: always run), and the ids of
    _CODE_MARKERS."""

    def __init__(self) -> None:
        code, agents = _code_needs(), _agent_needs()
        literals = sorted(
            {lit for needs in (*code, *agents) if needs for term in needs for lit in term}
            | set(_CODE_MARKERS)
            | {lit for words in _RECOGNISER_WORDS.values() for lit in words}
        )
        index = {lit: i for i, lit in enumerate(literals)}

        def gate(needs: tuple[tuple[str, ...], ...] | None) -> _Gate:
            if needs is None:
                return None
            terms = tuple(frozenset(index[lit] for lit in term) for term in needs)
            return frozenset().union(*terms), terms

        self.finder = LiteralPass("source-literals", literals)
        self.code = tuple(gate(needs) for needs in code)
        # The code patterns worth trying for a set of literal ids: those without a gate, and those one of
        # whose literals is among them (a pattern none of whose literals occurs has no match). Indexed by
        # literal so that a file asks about the few literals it holds, not about each of ~40 patterns.
        self.code_always = frozenset(i for i, g in enumerate(self.code) if g is None)
        by_literal: dict[int, set[int]] = {}
        for i, g in enumerate(self.code):
            for lit in g[0] if g is not None else ():
                by_literal.setdefault(lit, set()).add(i)
        self.code_by_literal = {lit: frozenset(found) for lit, found in by_literal.items()}
        self.agents = tuple(gate(needs) for needs in agents)
        self.markers = frozenset(index[m] for m in _CODE_MARKERS)
        # Per recogniser (scan_bolt_app, ...), the ids of the words one of which it needs in the text.
        self.words = {name: frozenset(index[w] for w in words) for name, words in _RECOGNISER_WORDS.items()}

    def code_candidates(self, present: set[int]) -> list[int]:
        """The indices of the CODE_PATTERNS that _may_match `present`, in order."""
        candidates = set(self.code_always)
        by_literal = self.code_by_literal
        for lit in present:
            found = by_literal.get(lit)
            if found is not None:
                candidates |= found
        code = self.code
        return sorted(i for i in candidates if _may_match(code[i], present))

    def lack(self, recogniser: str, text: str, present: set[int] | None) -> bool:
        """Whether none of `recogniser`'s words occurs in `text` (`present`: this pass's answer for it)."""
        if present is None:
            return not any(word in text for word in _RECOGNISER_WORDS[recogniser])
        return self.words[recogniser].isdisjoint(present)


@functools.lru_cache(maxsize=1)
def _source_literals() -> _SourceLiterals:
    """Built on first use in each process."""
    return _SourceLiterals()


def scan_code_patterns(ev: Evidence, present: set[int] | None = None) -> None:
    """One Setting per line matching a vocabulary CODE_PATTERNS entry: `code.<name>` = <name>.

    In source, a call in a comment is none: `//   new msal.ConfidentialClientApplication({` is an option the
    sample left switched off, not how the agent authenticates. `present`: what _source_literals().finder
    says of this text, when the caller has it."""
    text = ev.text
    source = ev.kind.format == "source"
    gates = _source_literals()
    if present is None:
        present = gates.finder.present(text)
    # Every match holds every literal of one term of its pattern: where none occurs entire, no match.
    leads, nears = _code_leads(), _code_near()
    for index in gates.code_candidates(present):
        name, pattern = CODE_PATTERNS[index]
        near = nears[index]
        # pattern.finditer(text)'s matches, found from where a literal each holds occurs
        found = (
            references.find_matches(pattern, leads[index], text)
            if near is None
            else references.find_matches_near(pattern, near[0], near[1], text)
        )
        for match in found:
            if source and _commented_out(text, match.start()):
                continue
            if name == "aws.action_star" and _resource_policy_statement(text, match.start(), match.end()):
                continue
            ev.setting("code." + name, name, ev.line_at(match.start()))


def scan_code_agents(ev: Evidence, present: set[int] | None = None) -> None:
    """Agents constructed in code (AutoGen, LangChain, CrewAI, agent SDKs) become ManifestHints. `present`:
    what _source_literals().finder says of this text, when the caller has it."""
    text = ev.text
    gates = _source_literals()
    if present is None:
        # Without Vectorscan: every marker holds "gent", "Kernel", "Text(" or "Object(": four searches rule
        # out most source files before the literals are searched for one by one.
        if not gates.finder.vectorscan and not any(word in text for word in _MARKER_WORDS):
            return
        present = gates.finder.present(text)
    if gates.markers.isdisjoint(present):
        return
    if ev.kind.context in (SecretContext.DOCUMENT, SecretContext.PROMPT):
        # A docs page, README or prompt file (Markdown, MDX, reStructuredText; `customizing-prompts.mdx` reads
        # as a prompt by its name): its code blocks show how to build an agent and build none (CrewAI's docs,
        # 1,173 pages in six languages, made 70 crews of them).
        return
    default_name = _file_stem(ev.rel)
    # `Agent(name=...)` is every agent SDK's hello world: in a README, a docs page, a test or an example
    # folder it shows how to build one; only application source builds one.
    sdk_agents = ev.kind.format == "source" and not ev.kind.in_test_path
    # A library's usage example in a docstring (`agent = Agent(name="Assistant", ...)` under "Basic usage:")
    # builds nothing: worked out on the first match, once per file.
    in_docstring: Callable[[int], bool] | None = None
    runs_agents = False
    for (kind, pattern), gate, leads in zip(_CODE_AGENTS, gates.agents, _agent_leads(), strict=True):
        if kind in ("agent_sdk", "framework_agent", "ai_sdk") and not sdk_agents:
            continue
        if not _may_match(gate, present):
            continue  # as in scan_code_patterns
        if kind == "ai_sdk" and _AI_SDK_IMPORT.search(text) is None:
            continue
        if kind == "framework_agent":
            if _FRAMEWORK_IMPORT.search(text) is None:
                continue
            runs_agents = ".agents." in text  # an Agent Service project client reaches its agents so
        for match in references.find_matches(pattern, leads, text):  # pattern.finditer(text)'s matches
            if ev.kind.format == "source" and _commented_out(text, match.start()):
                continue
            if ev.kind.format == "source" and ev.rel.endswith(".py"):
                in_docstring = in_docstring or _docstring_test(text)
                if in_docstring(match.start()):
                    continue
            if kind == "framework_agent" and match.group(1) == "AIProjectClient" and not runs_agents:
                continue  # a project client used for its connections or deployments, no agent (a seed script)
            if kind in ("agent_sdk", "framework_agent") and _inside_string(text, match.start()):
                continue  # `f'Last agent: Agent(name="{agent.name}")'`: a message that prints one
            constructor = match.group(1)
            assigned = _ASSIGNED.search(text, max(0, match.start() - _ASSIGNED_REACH), match.start())
            variable = assigned.group(1) if assigned else None
            # An agent SDK's match ends inside its `name=`: the name is read from the constructor on.
            begin = match.end(1) if kind in ("agent_sdk", "framework_agent") else match.end()
            window = text[begin : begin + 400]
            named = _NAME_KWARG.search(window.split(")", 1)[0] if kind != "crewai" else window)
            name = named.group(1) if named else variable or default_name
            if kind == "ai_sdk":
                name = _role_name(ev.rel)  # `const result = streamText(...)`: the variable names no agent
            ev.manifest(
                "agent_sdk" if kind == "framework_agent" else kind,
                name,
                ev.line_at(match.start()),
                None,
                {"constructor": constructor, "variable": variable},
            )
            if kind == "ai_sdk":
                break  # a route that calls the model three times is one agent


# A Slack app built with Bolt (Python `slack_bolt`, JavaScript `@slack/bolt`): the import, then the app object
# (`app = App(...)`, `AsyncApp(...)`, `new App({...})`). `App` alone is too common a name to go on.
_BOLT_IMPORT = re.compile(
    r"\bfrom[ \t]{1,8}slack_bolt(?:\.async_app)?[ \t]{1,8}import[ \t]{1,8}\(?[ \t]{0,8}(?:Async)?App\b"
    r"|\bimport[ \t]{1,8}slack_bolt\b|[\"']@slack/bolt[\"']"
)
_BOLT_APP = re.compile(r"(?<![\w.])(?:new[ \t]{1,8})?(?:slack_bolt\.)?((?:Async)?App)\(")
# What the app object is handed: a token (its own bot token), an installation store or OAuth settings (tokens
# per installed workspace), a Socket Mode handler (an app-level token).
_BOLT_OAUTH = ("oauth_settings", "installation_store", "OAuthSettings(", "installationStore", "stateSecret")
_BOLT_SOCKET = ("SocketModeHandler", "socketMode", "SLACK_APP_TOKEN")


_TRIPLE_QUOTE = re.compile(r'"""|\'\'\'')


def _docstring_test(text: str) -> Callable[[int], bool]:
    """Whether an offset of Python source lies inside a triple-quoted string: the quotes are found once, in
    one pass, and each question is a bisection (an odd number of the opening kind's marks before it)."""
    marks: list[int] = []
    opener: str | None = None
    for m in _TRIPLE_QUOTE.finditer(text):
        if opener is None:
            opener = m.group()
            marks.append(m.start())
        elif m.group() == opener:
            opener = None
            marks.append(m.start())

    def inside(at: int) -> bool:
        return bisect.bisect_right(marks, at) % 2 == 1

    return inside


# At most this many constructor-shaped matches are judged per file: the first real one is what counts, and a
# long line of them inside a string would otherwise cost a look back along the line for each.
_CONSTRUCTOR_CANDIDATES = 32


def _first_constructor(
    ev: Evidence, pattern: re.Pattern[str], accept: Callable[[re.Match[str]], bool] | None = None
) -> re.Match[str] | None:
    """The first match of a constructor `pattern` in the source that is code: not commented out, not inside a
    string on its line, not inside a Python docstring (a library's usage example); and that `accept` takes."""
    text = ev.text
    in_docstring = _docstring_test(text) if ev.rel.endswith(".py") else None
    for match in itertools.islice(pattern.finditer(text), _CONSTRUCTOR_CANDIDATES):
        at = match.start()
        if accept is not None and not accept(match):
            continue
        if not (_commented_out(text, at) or _inside_string(text, at) or (in_docstring and in_docstring(at))):
            return match
    return None


def _file_stem(rel: str) -> str:
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _role_name(rel: str) -> str:
    """A source file's name, or its folder's when the file is named for its role in a framework
    (`app/(chat)/api/chat/route.ts` -> chat; route groups in parentheses and dynamic segments are skipped)."""
    parts = rel.split("/")
    stem = _file_stem(rel)
    if stem.lower() not in _ROLE_FILES:
        return stem
    for folder in reversed(parts[:-1]):
        if folder and not folder.startswith(("(", "[")):
            return folder
    return stem


def scan_bolt_app(ev: Evidence, present: set[int] | None = None) -> None:
    """A Slack app built with Bolt becomes a ManifestHint: a bot the workspace talks to, as a manifest would
    make it. Application source only (a test builds apps to exercise them). `present`: what
    _source_literals().finder says of this text, when the caller has it."""
    text = ev.text
    if ev.kind.format != "source" or _source_literals().lack("bolt", text, present):
        return
    if ev.kind.in_test_path or _BOLT_IMPORT.search(text) is None:
        return
    match = _first_constructor(ev, _BOLT_APP)
    if match is None:
        return
    assigned = _ASSIGNED.search(text, max(0, match.start() - _ASSIGNED_REACH), match.start())
    details = {
        "constructor": match.group(1),
        "variable": assigned.group(1) if assigned else None,
        "oauth": any(word in text for word in _BOLT_OAUTH),
        "socket_mode": any(word in text for word in _BOLT_SOCKET),
    }
    ev.manifest("slack_bolt", _file_stem(ev.rel), ev.line_at(match.start()), None, details)


# An MCP server implemented here (the official SDKs: TypeScript `@modelcontextprotocol/sdk/server/...`,
# Python `mcp.server` / FastMCP): the import, then the server object.
_MCP_SERVER_IMPORT = re.compile(
    r"[\"']@modelcontextprotocol/sdk/server/(?:index|mcp)(?:\.js)?[\"']"
    r"|\bfrom[ \t]{1,8}(?:mcp\.server(?:\.fastmcp)?|fastmcp)[ \t]{1,8}import[ \t]{1,8}\(?[ \t]{0,8}"
    r"(?:FastMCP|Server)\b"
    # Go: mark3labs/mcp-go and the official SDK.
    r"|\"github\.com/(?:mark3labs/mcp-go/server|modelcontextprotocol/go-sdk/mcp)\""
)
# The SDK's server classes, a subclass named after them in Python (`AtlassianMCP(...)` of a FastMCP
# subclass, in a file importing FastMCP), and the Go SDKs' constructors.
_MCP_SERVER = re.compile(
    r"(?<![\w.])(?:new[ \t]{1,8})?(McpServer|Server|FastMCP|[A-Z]\w{0,40}(?:FastMCP|MCP))\("
    r"|\b(?:server\.(NewMCPServer)|mcp\.(NewServer))\("
)
_FIRST_ARGUMENT = re.compile(r"\s{0,16}[\"'`]([^\"'`\n]{1,80})[\"'`]")
# Served over HTTP (any client that reaches it), not over stdio (each user's client runs its own copy).
_MCP_REMOTE = (
    "NewStreamableHTTPServer",
    "NewSSEServer",
    "StreamableHTTPHandler",
    "SSEHandler",
    "StreamableHTTPServerTransport",
    "SSEServerTransport",
    "streamable-http",
    "streamable_http",
    'transport="sse"',
    "transport='sse'",
    'transport="http"',
    "transport='http'",
    "sse_app(",
    "http_app(",
)
_MCP_MARKERS = ("@modelcontextprotocol/sdk/server", "mcp.server", "fastmcp", "mark3labs/mcp-go", "go-sdk/mcp")


def scan_mcp_server(ev: Evidence, present: set[int] | None = None) -> None:
    """An MCP server implemented in this source becomes a ManifestHint: the tools it serves run with the
    credentials it reads. Application source only (a test starts servers to exercise them). `present`: as
    in scan_bolt_app."""
    text = ev.text
    if ev.kind.format != "source" or ev.kind.in_test_path or _source_literals().lack("mcp", text, present):
        return
    if _MCP_SERVER_IMPORT.search(text) is None:
        return
    match = _first_constructor(ev, _MCP_SERVER)
    if match is None:
        return
    # The server's own name: its first argument (`FastMCP("billing")`) or its `name` (`{ name: "tools" }`),
    # never any other string of the call (an auth setting's value would be a secret).
    window = text[match.end() : match.end() + 200]
    named = _FIRST_ARGUMENT.match(window) or _NAME_KWARG.search(window)
    remote = any(word in text for word in _MCP_REMOTE)
    constructor = next(group for group in match.groups() if group)
    details = {"constructor": constructor, "transport": "http" if remote else "stdio"}
    ev.manifest(
        "mcp_server_code",
        named.group(1) if named else _file_stem(ev.rel),
        ev.line_at(match.start()),
        None,
        details,
    )


# A GitHub App in code: Probot (`from "probot"`, `require("probot")`), Octokit's App (`new App({ appId,
# privateKey })` from `@octokit/app` or `octokit`), `createAppAuth` from `@octokit/auth-app`, PyGithub's
# `GithubIntegration` / `Auth.AppAuth`, githubkit's `AppAuthStrategy`. The import, then the app object.
_GITHUB_APP_IMPORT = re.compile(
    r"""(?:\bfrom[ \t]{1,8}|\brequire\([ \t]{0,8}|\bimport[ \t]{1,8})["']"""
    r"""(probot|@octokit/app|@octokit/auth-app|octokit)["']"""
    r"|\bfrom[ \t]{1,8}(github|githubkit)(?:\.[\w.]{1,60})?[ \t]{1,8}import\b"
)
_GITHUB_APP = re.compile(
    r"(?<![\w])(?:new[ \t]{1,8})?(?:github\.|githubkit\.)?(?:Auth\.)?"
    r"(App|Probot|createProbot|createAppAuth|GithubIntegration|AppAuth|AppInstallationAuth|AppAuthStrategy"
    r"|AppInstallationAuthStrategy)\("
    # Octokit given the app's auth strategy: `new Octokit({ authStrategy: createAppAuth, auth: {...} })`.
    r"|\bauthStrategy[ \t]{0,8}:[ \t]{0,8}(createAppAuth)\b"
)
_GITHUB_APP_MARKERS = (
    "probot",
    "octokit",
    "GithubIntegration",
    "AppAuth",
    "AppInstallationAuth",
    "githubkit",
)
# The app acting as each signed-in person with a user access token (ghu_, the OAuth web or device flow),
# not as itself: Octokit's OAuth helpers, PyGithub's AppUserAuth and OAuth application, githubkit's OAuth
# strategies.
_GITHUB_APP_USER = (
    "createOAuthUserAuth",
    "getUserOctokit",
    "oauth.createToken",
    "getWebFlowAuthorizationUrl",
    '"oauth-user"',
    "'oauth-user'",
    "@octokit/oauth-app",
    "AppUserAuth(",
    "get_oauth_application(",
    "OAuthWebAuthStrategy",
    "OAuthDeviceAuthStrategy",
    "OAuthTokenAuthStrategy",
)
_GITHUB_APP_FRAMEWORK = {"github": "pygithub", "@octokit/app": "octokit", "@octokit/auth-app": "octokit"}
# What each package's app object is called (PyGithub's `github` package also makes clients with a personal
# token, `Github(auth=Auth.Token(...))`: only its App classes count).
_GITHUB_APP_CONSTRUCTORS: Mapping[str, tuple[str, ...]] = {
    "probot": ("Probot", "createProbot"),
    "octokit": ("App", "createAppAuth"),
    "@octokit/app": ("App",),
    "@octokit/auth-app": ("createAppAuth",),
    "github": ("GithubIntegration", "AppAuth", "AppInstallationAuth"),
    "githubkit": ("AppAuthStrategy", "AppInstallationAuthStrategy"),
}


def scan_github_app(ev: Evidence, present: set[int] | None = None) -> None:
    """A GitHub App built in this source becomes a ManifestHint: a bot acting as the app on every repository
    it is installed on, for whoever triggers its events there. Application source only (a test builds apps to
    exercise them). `present`: as in scan_bolt_app."""
    text = ev.text
    if ev.kind.format != "source" or ev.kind.in_test_path or ev.manifest_marked is False:
        return  # every app recognised here holds a manifest marker (an import or an App class)
    if _source_literals().lack("github_app", text, present):
        return
    packages: set[str] = set()
    first_import: int | None = None
    for m in itertools.islice(_GITHUB_APP_IMPORT.finditer(text), _CONSTRUCTOR_CANDIDATES):
        if not _commented_out(text, m.start()):
            packages.add(m.group(1) or m.group(2))
            first_import = m.start() if first_import is None else first_import
    if first_import is None:
        return
    accepted = frozenset(c for p in packages for c in _GITHUB_APP_CONSTRUCTORS.get(p, ()))
    match = _first_constructor(ev, _GITHUB_APP, lambda m: (m.group(1) or m.group(2)) in accepted)
    if match is not None:
        at, constructor = match.start(), match.group(1) or match.group(2)
    elif "probot" in packages:
        # Probot builds the app itself (`probot run ./index.js`, `createNodeMiddleware(app, { probot })`):
        # importing it in application source is the app.
        at, constructor = first_import, "probot"
    else:
        return
    package = next(
        (p for p in sorted(packages) if constructor in _GITHUB_APP_CONSTRUCTORS.get(p, ())), "probot"
    )
    details = {
        "framework": _GITHUB_APP_FRAMEWORK.get(package, package),
        "constructor": constructor,
        "user_auth": any(word in text for word in _GITHUB_APP_USER),
    }
    ev.manifest("github_app", _file_stem(ev.rel), ev.line_at(at), None, details)


# A Telegram or Discord bot built with one of their bot frameworks: the import, then the bot object. Each
# framework: (network, import pattern, constructors). A handler module imports the framework's types too
# (`from telegram.ext import ContextTypes`); only the file that builds the bot is the bot.
_CHAT_BOT_FRAMEWORKS: tuple[tuple[str, str, re.Pattern[str], frozenset[str]], ...] = (
    (
        "telegram",
        "python-telegram-bot",
        re.compile(r"\bfrom[ \t]{1,8}telegram\.ext[ \t]{1,8}import\b|\bimport[ \t]{1,8}telegram\.ext\b"),
        frozenset({"ApplicationBuilder", "Application.builder", "Updater"}),
    ),
    (
        "telegram",
        "aiogram",
        re.compile(
            r"\bfrom[ \t]{1,8}aiogram(?:\.[\w.]{1,40})?[ \t]{1,8}import\b|\bimport[ \t]{1,8}aiogram\b"
        ),
        frozenset({"Bot", "aiogram.Bot", "Dispatcher", "aiogram.Dispatcher"}),
    ),
    (
        "telegram",
        "pyTelegramBotAPI",
        re.compile(
            r"\bimport[ \t]{1,8}telebot\b|\bfrom[ \t]{1,8}telebot(?:\.[\w.]{1,40})?[ \t]{1,8}import\b"
        ),
        frozenset({"TeleBot", "telebot.TeleBot", "AsyncTeleBot", "telebot.async_telebot.AsyncTeleBot"}),
    ),
    (
        "telegram",
        "telegraf",
        re.compile(r"""(?:\bfrom[ \t]{1,8}|\brequire\([ \t]{0,8}|\bimport[ \t]{1,8})["']telegraf["']"""),
        frozenset({"Telegraf"}),
    ),
    (
        "telegram",
        "grammy",
        re.compile(r"""(?:\bfrom[ \t]{1,8}|\brequire\([ \t]{0,8}|\bimport[ \t]{1,8})["']grammy["']"""),
        frozenset({"Bot"}),
    ),
    (
        "telegram",
        "node-telegram-bot-api",
        re.compile(
            r"""(?:\bfrom[ \t]{1,8}|\brequire\([ \t]{0,8}|\bimport[ \t]{1,8})["']node-telegram-bot-api["']"""
        ),
        frozenset({"TelegramBot"}),
    ),
    (
        "discord",
        "discord.py",
        re.compile(
            r"\bimport[ \t]{1,8}(?:discord|nextcord|disnake)\b"
            r"|\bfrom[ \t]{1,8}(?:discord|nextcord|disnake)(?:\.ext)?[ \t]{1,8}import\b"
        ),
        frozenset(
            f"{module}{name}"
            for module in ("", "discord.", "commands.", "nextcord.", "disnake.")
            for name in ("Client", "Bot", "AutoShardedBot", "AutoShardedClient", "InteractionBot")
        ),
    ),
    (
        "discord",
        "discord.js",
        re.compile(r"""(?:\bfrom[ \t]{1,8}|\brequire\([ \t]{0,8}|\bimport[ \t]{1,8})["']discord\.js["']"""),
        frozenset({"Client", "Discord.Client", "discord.Client"}),
    ),
)
_CHAT_BOT_MARKERS = (
    "telegram.ext",
    "aiogram",
    "telebot",
    "telegraf",
    "grammy",
    "node-telegram-bot-api",
    "discord",
    "nextcord",
    "disnake",
)
# The bot object: `ApplicationBuilder()`, `Application.builder()`, `commands.Bot(...)`, `new Telegraf(...)`,
# `telebot.TeleBot(...)`; group 1 is the qualified name the frameworks' tables above hold.
_CHAT_BOT = re.compile(
    r"(?<![\w.])(?:new[ \t]{1,8})?((?:\w{1,40}\.){0,2}"
    r"(?:ApplicationBuilder|builder|Updater|Bot|Dispatcher|TeleBot|AsyncTeleBot|Telegraf|TelegramBot|Client"
    r"|AutoShardedBot|AutoShardedClient|InteractionBot))\("
)


def scan_chat_bot(ev: Evidence, present: set[int] | None = None) -> None:
    """A Telegram or Discord bot built in this source becomes a ManifestHint: a bot everyone who can message
    it talks to. Application source only (a test builds bots to exercise them). `present`: as in
    scan_bolt_app."""
    text = ev.text
    if ev.kind.format != "source" or ev.kind.in_test_path:
        return
    if _source_literals().lack("chat_bot", text, present):
        return
    frameworks = [f for f in _CHAT_BOT_FRAMEWORKS if _first_import(text, f[2])]
    if not frameworks:
        return
    accepted = {name: (network, framework) for network, framework, _, names in frameworks for name in names}
    match = _first_constructor(ev, _CHAT_BOT, lambda m: m.group(1) in accepted)
    if match is None:
        return
    network, framework = accepted[match.group(1)]
    details = {"network": network, "framework": framework, "constructor": match.group(1)}
    ev.manifest(f"{network}_bot", _role_name(ev.rel), ev.line_at(match.start()), None, details)


def _first_import(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` (an import) occurs in code, not in a comment."""
    return any(
        not _commented_out(text, m.start())
        for m in itertools.islice(pattern.finditer(text), _CONSTRUCTOR_CANDIDATES)
    )


# The words one of which each recogniser needs in a text before it looks further: found in the source
# literals' one pass (_SourceLiterals.lack) instead of a search for each.
_RECOGNISER_WORDS: Mapping[str, tuple[str, ...]] = {
    "bolt": ("slack_bolt", "@slack/bolt"),
    "mcp": _MCP_MARKERS,
    "github_app": _GITHUB_APP_MARKERS,
    "chat_bot": _CHAT_BOT_MARKERS,
}


def scan_text_file(ev: Evidence, *, template: bool = False) -> None:
    """Everything the line-based scan yields for a text or source file (only its secrets when
    `ev.secrets_only`: the rest adds references, settings and manifest hints, never a secret). `template`:
    a Go template (scan_lines)."""
    scan_lines(ev, template=template)
    if ev.secrets_only:
        return
    scan_references(ev)
    if ev.kind.known is not None and ev.kind.known.manifest == "salesforce_agent":
        agentforce_hint(ev)
    if ev.kind.context in _SOURCE_LIKE or ev.kind.format in ("source", "text"):
        present = _source_literals().finder.present(ev.text)
        scan_code_patterns(ev, present)
        scan_code_agents(ev, present)
        scan_bolt_app(ev, present)
        scan_mcp_server(ev, present)
        scan_github_app(ev, present)
        scan_chat_bot(ev, present)
        bedrock.code_hints(ev)
