"""Reference parsing: pointers to credentials kept elsewhere, one small parser per templating syntax.

A value may hold `${VAR}`, `${env:X}`, `${input:x}`, `$X`, `$env.X`, `{{ $env.X }}`, `${{ secrets.X }}`,
`${{ NAME }}` (Teams Toolkit), CloudFormation `{{resolve:secretsmanager:…}}` / `{{resolve:ssm-secure:…}}`
(with `${Param}` inside), `@Microsoft.KeyVault(…)`, Vault Agent `{{ with secret "…" }}`, `vault://…`, `op://…`,
Secrets Manager and SSM ARNs, GCP Secret Manager names, `secretKeyRef` in unrendered Helm templates and
secret files under /run/secrets. Each syntax is read by its own function over balanced delimiters, so an
expression keeps its whole target (`${RedisPasswordSecret}` inside a dynamic reference) and its kind
(`${input:x}` is a prompted input, not a variable called `input`).

Only references that carry a credential are returned: a secret store pointer always; a variable, CI secret or
template only when its name (or the key it is assigned to) names a credential. Template noise
(`${AWS::StackName}`, `{{ $json.x }}`, `${{ matrix.os }}`, `$GITHUB_OUTPUT`, `{{LIBRECHAT_USER_ID}}`, image
tags such as `vault:1.11.0`) is never listed. Everything here runs in linear time: every scan moves forward
and a closing delimiter is looked for within a bounded window.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import re._constants as sre
import re._parser as sre_parse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from auditor import cache
from auditor.extract.keynames import is_secret_key, key_tokens
from auditor.extract.vectorscan import matched_ids
from auditor.model import ReferenceKind

# A closing delimiter further away than this is not an expression's end (and bounds the work per opener).
_WINDOW = 400

# Words that make a name a credential's: `SLACK_BOT_TOKEN`, `github_mcp_pat`, `DATABASE_URL`, `WAREHOUSE_DSN`.
_CREDENTIAL_WORDS = frozenset(
    {
        "token",
        "tokens",
        "secret",
        "secrets",
        "password",
        "passwd",
        "pwd",
        "pass",
        "passphrase",
        "pat",
        "apikey",
        "credential",
        "credentials",
        "creds",
        "dsn",
        "webhook",
        "signing",
        "private",
        "cert",
        "certificate",
        "connectionstring",
        "secretkey",
    }
)
_CREDENTIAL_PAIRS = frozenset(
    {
        ("api", "key"),
        ("access", "key"),
        ("secret", "key"),
        ("secret", "id"),
        ("private", "key"),
        ("database", "url"),
        ("db", "url"),
        ("connection", "string"),
        ("conn", "str"),
        ("routing", "key"),
        ("license", "key"),
        ("master", "key"),
        ("encryption", "key"),
        ("auth", "key"),
        ("app", "key"),
        ("client", "key"),
        ("account", "key"),
    }
)
# Services whose `<SERVICE>_KEY` variable is their API key (`OPENAI_KEY`, `AZURE_OPENAI_KEY`,
# `AZURE_SEARCH_KEY`, `PINECONE_KEY`): a bare `key` is too common a word to name a credential alone
# (`CACHE_KEY`, `S3_KEY`, `KMS_KEY`, `SORT_KEY`), but after the name of a service that authenticates with a
# key it does. Only where a name is read as a reference's (references, manifests): the secret detectors' key
# names are keynames.is_secret_key's.
_KEY_SERVICES = frozenset(
    {
        # model and AI services
        "openai",
        "anthropic",
        "claude",
        "cohere",
        "groq",
        "mistral",
        "gemini",
        "deepseek",
        "perplexity",
        "pplx",
        "together",
        "fireworks",
        "replicate",
        "huggingface",
        "hf",
        "xai",
        "grok",
        "voyage",
        "jina",
        "nvidia",
        "nim",
        "elevenlabs",
        "deepgram",
        "assemblyai",
        "langsmith",
        "langchain",
        "langfuse",
        "pinecone",
        "weaviate",
        "qdrant",
        "serper",
        "serpapi",
        "tavily",
        "exa",
        "firecrawl",
        "browserless",
        "brave",
        "bing",
        "unstructured",
        # Azure AI services (their samples name the key `AZURE_<SERVICE>_KEY`)
        "search",
        "speech",
        "cognitive",
        "translator",
        "vision",
        "cosmos",
        "formrecognizer",
        "docintelligence",
        # other platforms agents call
        "stripe",
        "sendgrid",
        "mailgun",
        "twilio",
        "slack",
        "github",
        "airtable",
        "notion",
        "hubspot",
        "algolia",
        "mapbox",
        "maps",
        "weather",
        "newsapi",
        "alphavantage",
        "datadog",
    }
)
# Keys whose value is a credential whatever the variable inside is called (`Authorization: Bearer ${X}`).
_CREDENTIAL_KEYS = frozenset({"authorization", "proxy-authorization", "x-api-key", "api-key", "cookie"})
# Names that mention a credential word but hold none: ids, names, paths, flags, TTLs.
_NOT_CREDENTIAL_LAST = frozenset(
    {
        "id",
        "ids",
        "name",
        "names",
        "type",
        "url",
        "uri",
        "endpoint",
        "host",
        "region",
        "ttl",
        "enabled",
        "file",
        "path",
        "dir",
        "arn",
        "version",
        "expiry",
        "expires",
        "length",
        "count",
        "limit",
        "header",
        "prefix",
        "suffix",
        "mode",
        "email",
        "user",
        "username",
        "channel",
        "team",
    }
)


@dataclass(frozen=True)
class Ref:
    """One reference found in a text: what kind of pointer, its target, and where it sits."""

    kind: ReferenceKind
    target: str
    start: int
    end: int


@functools.lru_cache(maxsize=4096)
def names_credential(name: str) -> bool:
    """Whether a variable or key name says it holds a credential (`SF_PASSWORD`, `github_mcp_pat`)."""
    if not name:
        return False
    if is_secret_key(name):
        return True
    tokens = key_tokens(name.replace("-", "_"))
    if not tokens:
        return False
    last = tokens[-1]
    if last in _NOT_CREDENTIAL_LAST and not (len(tokens) >= 2 and (tokens[-2], last) in _CREDENTIAL_PAIRS):
        return False
    if any(t in _CREDENTIAL_WORDS for t in tokens):
        return True
    if _service_key(tokens):
        return True
    return any(pair in _CREDENTIAL_PAIRS for pair in zip(tokens, tokens[1:], strict=False))


def names_service_key(name: str) -> bool:
    """Whether a name is a service's API key by a bare `key` after the service's name (`AZURE_OPENAI_KEY`,
    `pineconeKey`; see _KEY_SERVICES)."""
    return _service_key(key_tokens(name.replace("-", "_")))


def _service_key(tokens: tuple[str, ...]) -> bool:
    return len(tokens) >= 2 and tokens[-1] == "key" and tokens[-2] in _KEY_SERVICES


def _key_carries_credential(key: str | None) -> bool:
    if not key:
        return False
    return _key_says(key)


@functools.lru_cache(maxsize=4096)
def _key_says(key: str) -> bool:
    """_key_carries_credential of a non-empty key, once per key (asked of every value with a reference)."""
    last = re.split(r"[.\[\]]+", key.strip(".[]"))[-1] if key else ""
    return last.lower() in _CREDENTIAL_KEYS or names_credential(last)


def _closing(text: str, start: int, opener: str, closer: str) -> int:
    """The index just past the `closer` that balances the `opener` at `start`, or -1 within the window.

    `str.find` and `str.count` do the scanning, so an unclosed opener costs one bounded C-level pass.
    """
    limit = min(len(text), start + _WINDOW)
    if opener != "{{":
        newline = text.find("\n", start, limit)
        if newline >= 0:
            limit = newline
    pos = start + len(opener)
    depth = 1
    while depth:
        close = text.find(closer, pos, limit)
        if close < 0:
            return -1
        depth += text.count(opener, pos, close) - 1
        pos = close + len(closer)
    return pos


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TEMPLATE_WORDS = frozenset({"end", "else", "if", "range", "with", "define", "template", "block", "break"})
_GH_SECRET = re.compile(r"^\s*secrets\.([A-Za-z0-9_-]+)\s*$")
_GH_TOKEN = re.compile(r"^\s*github\.token\s*$")
_BARE_UPPER = re.compile(r"^\s*([A-Z][A-Z0-9_]*)\s*$")
_N8N_ENV = re.compile(r"\$env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*[\"']([^\"'\]]+)[\"']\s*\])")
_VAULT_TEMPLATE = re.compile(r"^-?\s*(?:with\s+)?secret\s+\"([^\"]+)\"")


def _dollar_double_brace(inner: str) -> tuple[ReferenceKind, str] | None:
    """`${{ … }}`: GitHub expressions and Teams Toolkit variables."""
    if m := _GH_SECRET.match(inner):
        return ReferenceKind.CI_SECRET, m.group(1)
    if _GH_TOKEN.match(inner):
        return ReferenceKind.CI_SECRET, "GITHUB_TOKEN"
    if m := _BARE_UPPER.match(inner):
        # Teams Toolkit `${{BOT_ID}}`: a variable from env/.env.<name>.
        return ReferenceKind.ENV_VAR, m.group(1)
    return None


def _resolve(inner: str) -> tuple[ReferenceKind, str, bool] | None:
    """CloudFormation dynamic references; the bool says the reference always carries a credential."""
    body = inner.strip()
    if body.startswith("resolve:secretsmanager:"):
        rest = body[len("resolve:secretsmanager:") :]
        parts = _split_colons(rest)
        if rest.startswith("arn:"):
            secret_id, extra = ":".join(parts[:7]), parts[7:]
        else:
            secret_id, extra = parts[0], parts[1:]
        extra = [p for p in extra if p]
        target = secret_id + ("#" + ":".join(extra) if extra else "")
        return ReferenceKind.AWS_SECRETS_MANAGER, target, True
    if body.startswith("resolve:ssm-secure:"):
        return ReferenceKind.AWS_SSM, _split_colons(body[len("resolve:ssm-secure:") :])[0], True
    if body.startswith("resolve:ssm:"):
        return ReferenceKind.AWS_SSM, _split_colons(body[len("resolve:ssm:") :])[0], False
    return None


def _split_colons(text: str) -> list[str]:
    """Split on colons outside `${…}` (a CloudFormation parameter inside a dynamic reference)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("${", i):
            depth += 1
            current.append("${")
            i += 2
            continue
        char = text[i]
        if char == "}" and depth:
            depth -= 1
        if char == ":" and not depth:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def _double_brace(inner: str) -> tuple[ReferenceKind, str, bool] | None:
    """`{{ … }}`: dynamic references, Vault Agent templates, n8n `$env`, plain template variables."""
    resolved = _resolve(inner)
    if resolved is not None:
        return resolved
    if m := _VAULT_TEMPLATE.match(inner.strip()):
        return ReferenceKind.VAULT_PATH, m.group(1), True
    if m := _GH_SECRET.match(inner):
        return ReferenceKind.CI_SECRET, m.group(1), True
    if m := _N8N_ENV.search(inner):
        return ReferenceKind.ENV_VAR, m.group(1) or m.group(2), False
    name = inner.strip().strip("-").strip()
    if _IDENT.fullmatch(name) and name not in _TEMPLATE_WORDS:
        # `{{ api_key }}`, LibreChat's `{{JIRA_API_TOKEN}}`: a value filled in per deployment or per user.
        return ReferenceKind.TEMPLATE, name, False
    return None


def _dollar_brace(inner: str) -> tuple[ReferenceKind, str, bool] | None:
    """`${…}`: shell and compose variables with defaults, VS Code `${env:X}` and `${input:x}`."""
    body = inner.strip()
    if body.startswith("env:"):
        name = body[4:].strip()
        return (ReferenceKind.ENV_VAR, name, False) if _IDENT.fullmatch(name) else None
    if body.startswith("input:"):
        name = body[6:].strip()
        return (ReferenceKind.PROMPT_INPUT, name, True) if name else None
    m = _IDENT.match(body)
    if m is None:
        return None
    rest = body[m.end() :]
    # `${AWS::StackName}`, `${Param.Attr}`, `${workspaceFolder}`-style words are not variables we list.
    if rest and not rest.startswith((":-", ":?", ":+", ":=", "-", "?", "+", "=")):
        return None
    return ReferenceKind.ENV_VAR, m.group(0), False


# Openers of the token-shaped syntaxes, found with one scan; the bracketed ones are parsed above.
# (kind, pattern, always, interpolation): `always` = a credential whatever its name (a secret store);
# `interpolation` = filled in at run or deploy time (the value is a placeholder), not a pointer to a store.
_SIMPLE: tuple[tuple[ReferenceKind, re.Pattern[str], bool, bool], ...] = tuple(
    (kind, re.compile(pattern), always, interpolation)
    for kind, pattern, always, interpolation in (
        (ReferenceKind.ONEPASSWORD, r"\bop://[^\s\"'`,;)}]+(?: [^\s\"'`,;)}/]+)?", True, False),
        (ReferenceKind.VAULT_PATH, r"\bvault://([A-Za-z0-9_][^\s\"'#,;)}]*)(?:#([\w.-]+))?", True, False),
        (
            ReferenceKind.VAULT_PATH,
            r"(?<![\w/.:-])vault:(?!//)(?![\d.]+\b)([A-Za-z_][\w-]*/[^\s\"'#,;)}]*)(?:#([\w.-]+))?",
            True,
            False,
        ),
        (
            ReferenceKind.AWS_SECRETS_MANAGER,
            r"\b(arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+)",
            True,
            False,
        ),
        (
            ReferenceKind.AWS_SSM,
            r"\b(arn:aws[\w-]*:ssm:[a-z0-9-]+:\d{12}:parameter/[\w/.+=@-]+)",
            False,
            False,
        ),
        (ReferenceKind.AWS_SSM, r"(?<![\w:/])ssm:(/[\w/.+=@-]+)", False, False),
        (ReferenceKind.AZURE_KEY_VAULT, r"@Microsoft\.KeyVault\(\s*SecretUri=([^)\s]+)\s*\)", True, False),
        (
            ReferenceKind.AZURE_KEY_VAULT,
            r"@Microsoft\.KeyVault\(\s*(VaultName=[\w-]+;\s*SecretName=[\w-]+(?:;\s*SecretVersion=\w+)?)\s*\)",
            True,
            False,
        ),
        (
            ReferenceKind.AZURE_KEY_VAULT,
            r"(?<![=(])\b(https://[a-z0-9-]+\.vault\.azure\.net/secrets/[\w-]+(?:/\w+)?/?)",
            True,
            False,
        ),
        (
            ReferenceKind.GCP_SECRET_MANAGER,
            r"\b(projects/[\w.-]+/secrets/[\w.-]+(?:/versions/[\w.-]+)?)",
            True,
            False,
        ),
        (ReferenceKind.FILE, r"(?<![\w.-])(/run/secrets/[\w.-]+|/var/run/secrets/[\w./-]+)", True, False),
        # Lookups in code: the argument names the variable.
        (ReferenceKind.ENV_VAR, r"\bos\.environ\s*\[\s*[\"']([^\"'\]]+)[\"']\s*\]", False, False),
        (
            ReferenceKind.ENV_VAR,
            r"\b(?:os\.environ\.get|os\.getenv|getenv)\s*\(\s*[\"']([^\"']+)[\"']",
            False,
            False,
        ),
        (ReferenceKind.ENV_VAR, r"\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]*)", False, False),
        (ReferenceKind.ENV_VAR, r"\bprocess\.env\s*\[\s*[\"'`]([^\"'`\]]+)[\"'`]\s*\]", False, False),
        (ReferenceKind.ENV_VAR, r"\bENV\s*(?:\[\s*|\.fetch\(\s*)[\"']([^\"']+)[\"']", False, False),
        (ReferenceKind.ENV_VAR, r"\bSystem\.getenv\(\s*\"([^\"]+)\"", False, False),
        # Go (`os.Getenv("SLACK_BOT_TOKEN")`, `os.LookupEnv`) and Rust (`env::var("API_KEY")`).
        (ReferenceKind.ENV_VAR, r"\bos\.(?:Getenv|LookupEnv)\(\s*\"([^\"]+)\"", False, False),
        (ReferenceKind.ENV_VAR, r"\benv::var(?:_os)?\(\s*\"([^\"]+)\"", False, False),
        (ReferenceKind.ENV_VAR, r"\bEnvironment\.GetEnvironmentVariable\(\s*\"([^\"]+)\"", False, False),
        (ReferenceKind.ENV_VAR, r"\$env:([A-Za-z_][A-Za-z0-9_]*)", False, False),
        (ReferenceKind.ENV_VAR, r"(?<![\w%])%([A-Za-z_][A-Za-z0-9_]*)%(?![\w%])", False, True),
        # A deploy script's token (`<botUser>agent-%%ORG_USERNAME%%</botUser>` in SFDX sample metadata): the
        # script writes the value in before deploying.
        (ReferenceKind.TEMPLATE, r"(?<![\w%])%%([A-Za-z_][A-Za-z0-9_]*)%%(?![\w%])", False, True),
        # OpenCode-style `{env:NAME}` (the `${env:NAME}` form is read by _dollar_brace).
        (ReferenceKind.ENV_VAR, r"(?<!\$)\{env:([A-Za-z_][A-Za-z0-9_]*)\}", False, False),
        # `secretKeyRef` in a Helm template that is not YAML until rendered (parsed documents go through
        # auditor.extract.k8s instead).
        (
            ReferenceKind.K8S_SECRET_REF,
            r"secretKeyRef\s*:\s*\{?\s*name\s*:\s*[\"']?(\{\{[^}\n]{1,120}\}\}|[\w.-]+)[\"']?\s*,?\s*"
            r"(?:key\s*:\s*[\"']?(\{\{[^}\n]{1,160}\}\}|[\w.-]+)[\"']?)?",
            True,
            False,
        ),
        (
            ReferenceKind.K8S_SECRET_REF,
            r"secretKeyRef\s*:\s*\{\s*key\s*:\s*[\"']?(?P<key>[\w.-]+)[\"']?\s*,\s*name\s*:\s*[\"']?(?P<name>[\w.-]+)",
            True,
            False,
        ),
        (
            ReferenceKind.K8S_SECRET_REF,
            r"\bsecretName\s*:\s*[\"']?(\{\{[^}\n]{1,120}\}\}|[\w.-]+)",
            True,
            False,
        ),
    )
)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (None: no such proof). Read off re's own parse
    of a case-sensitive pattern: the longest run of literal characters in its top-level sequence (zero-width
    parts such as lookarounds and `\\b` consume nothing, so they do not break a run), or, for a top-level
    alternation or group, the same of what it holds. `_find_all` runs a pattern only where its literal occurs:
    a pattern that cannot match is not run over the whole text."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _literals_of(list(sre_parse.parse(pattern.pattern)))


def _literals_of(items: list[Any]) -> tuple[str, ...] | None:
    best: tuple[str, ...] | None = None
    run: list[str] = []

    def keep(found: tuple[str, ...] | None) -> None:
        nonlocal best
        if found and all(found) and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: the literals either side stay adjacent
        keep(("".join(run),) if run else None)
        run = []
        if op is sre.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # a scoped (?i:...) folds case: no literal then
                keep(_literals_of(list(av[-1])))
        elif op is sre.BRANCH:
            alternatives = [_literals_of(list(branch)) for branch in av[1]]
            if all(alternatives):
                keep(tuple(lit for found in alternatives if found for lit in found))
    keep(("".join(run),) if run else None)
    return best


def leading_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` starts with (None: no such proof), read off re's own
    parse of a case-sensitive pattern: the literal characters at the start of its top-level sequence
    (zero-width parts such as lookarounds and `\\b` consume nothing, so they are passed over), continued into
    a group or an alternation there when every alternative starts with such a literal. `_matches` tries the
    pattern only where one of them occurs (finditer's search would fail at every other position)."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _leading_of(list(sre_parse.parse(pattern.pattern)))


def _leading_of(items: list[Any]) -> tuple[str, ...] | None:
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: what follows is still where the match's characters start
        nested: tuple[str, ...] | None = None
        if op is sre.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # a scoped (?i:...) folds case: no literal then
                nested = _leading_of(list(av[-1]))
        elif op is sre.BRANCH:
            alternatives = [_leading_of(list(branch)) for branch in av[1]]
            if all(alternatives):
                nested = tuple(lit for found in alternatives if found for lit in found)
        head = "".join(run)
        if nested:
            return tuple(head + lit for lit in nested)
        break
    return ("".join(run),) if run else None


def _simple_needs() -> tuple[tuple[tuple[str, ...] | None, tuple[str, ...] | None], ...]:
    """(required_literals, leading_literals) of every _SIMPLE pattern, as an earlier run of this module
    worked them out (auditor.cache.Memo, named by this file and the Python version: the same answers) or
    parsed now."""
    memo = cache.Memo(
        "reference-literals-",
        lambda: [b"required-literals-2", sys.version.encode(), cache.file_signature(__file__)],
    )
    key = tuple((p.pattern, p.flags) for _k, p, _a, _i in _SIMPLE)
    found = memo.get(key)
    if isinstance(found, tuple) and len(found) == len(_SIMPLE):
        return found
    needs = tuple((required_literals(p), leading_literals(p)) for _k, p, _a, _i in _SIMPLE)
    memo.put(key, needs)
    return needs


_NEEDS_AND_LEADS = _simple_needs()
# For each _SIMPLE pattern, the literals one of which its every match holds (None: always run it).
_SIMPLE_NEEDS: tuple[tuple[str, ...] | None, ...] = tuple(needs for needs, _leads in _NEEDS_AND_LEADS)
# For each _SIMPLE pattern, the literals one of which its every match starts with (None: search the text).
_SIMPLE_LEADS: tuple[tuple[str, ...] | None, ...] = tuple(leads for _needs, leads in _NEEDS_AND_LEADS)
# _matches searches the whole text instead when it is shorter than _SMALL characters (most scalars: one
# search costs less than counting) or a leading literal occurs at least once per _DENSE characters (then one
# C-level search costs less than a Python step per occurrence: about even at one per 16 characters, measured
# on 200 kB texts for `%`, `ENV`, `op://`, `https://` and the getenv alternation).
_SMALL = 256
_DENSE = 24


def _matches(pattern: re.Pattern[str], leads: tuple[str, ...] | None, text: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))`, with the pattern tried only where one of `leads` (leading_literals)
    occurs. A large file (a notebook's base64 outputs, a vocabulary) holding a pattern's literal once was
    searched whole, position by position, for each such pattern; now `str.find` finds the occurrences.

    The same matches, because: finditer takes, from where its last match ended, the leftmost position where
    the pattern matches, and a match at a position no leading literal occurs at is impossible (every match
    starts with one). `pattern.match(text, start)` is the very attempt finditer's search makes at `start`:
    the whole text stays visible, so `\\b`, lookbehinds and `^` see the characters before `start` (re reads
    them from the string's real beginning) and nothing is cut short after it (no `endpos`: a match may run
    past the line or the literal however far it would). Occurrences inside the last match are skipped, as
    finditer moves past a match; every pattern here matches at least one character."""
    if leads is None or len(text) < _SMALL:
        return list(pattern.finditer(text))
    count = 0
    for lead in leads:
        count += text.count(lead)
    if not count:
        return []
    if count * _DENSE > len(text):
        return list(pattern.finditer(text))
    starts: list[int] = []
    find = text.find
    for lead in leads:
        pos = find(lead)
        while pos >= 0:
            starts.append(pos)
            pos = find(lead, pos + 1)
    if len(leads) > 1:
        starts = sorted(set(starts))
    found: list[re.Match[str]] = []
    match = pattern.match
    after = 0
    for start in starts:
        if start < after:
            continue
        m = match(text, start)
        if m is not None:
            found.append(m)
            after = m.end()
    return found


# For the line scan's patterns (text.scan_code_agents): the same matches as finditer, found from the
# positions of their leading literals.
find_matches = _matches

# near_literals proves a reach of at most this many characters: each occurrence of the literal is then
# tried at this many positions and one more, so a longer reach costs more than finditer saves.
_NEAR_REACH = 16


def near_literals(pattern: re.Pattern[str]) -> tuple[str, int] | None:
    """(literal, reach) such that every match of `pattern` holds `literal` starting at most `reach`
    characters after the match's start; None when no such proof (read off re's own parse, as
    leading_literals): the pattern's top-level sequence is a bounded-width part of anything but literal
    characters (a class, an optional quote, `\\s{0,8}`, zero-width assertions) and then at least two literal
    characters. `[\"']?sub[\"']?...` gives ("sub", 1). For patterns leading_literals cannot read."""
    if pattern.flags & re.IGNORECASE:
        return None
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    items = list(parsed)
    first = next((i for i, (op, _av) in enumerate(items) if op is sre.LITERAL), None)
    if first is None:
        return None
    run: list[str] = []
    for op, av in items[first:]:
        if op is not sre.LITERAL:
            break
        run.append(chr(av))
    if len(run) < 2:
        return None
    _least, reach = sre_parse.SubPattern(parsed.state, items[:first]).getwidth()
    if reach > _NEAR_REACH:
        return None
    return "".join(run), reach


def find_matches_near(pattern: re.Pattern[str], literal: str, reach: int, text: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern near_literals gave (literal, reach): every match starts
    at most `reach` characters before an occurrence of `literal`, so finditer's search (the leftmost
    position, from the end of its last match, where the pattern matches) fails at every other position;
    `pattern.match(text, start)` is its very attempt at `start` (see _matches). The positions are tried in
    order, each at most once, skipping those inside the last match; every such pattern matches at least
    the literal's characters, so no match is empty."""
    if len(text) < _SMALL:
        return list(pattern.finditer(text))
    find = text.find
    pos = find(literal)
    if pos < 0:
        return []
    found: list[re.Match[str]] = []
    match = pattern.match
    after = 0  # every position below this was tried, or lies inside the last match
    while pos >= 0:
        start = pos - reach if pos - reach > after else after
        while start <= pos:
            m = match(text, start)
            if m is not None:
                found.append(m)
                after = m.end()
                break
            start += 1
        else:
            after = pos + 1
        if after <= pos:
            continue  # the match ended before this occurrence: the positions after it are still to try
        pos = find(literal, after)  # a match starting at or after `after` holds an occurrence there on
    return found


_OPENERS = re.compile(r"\$\{\{|\{\{|\$\{|\$\(|\$(?=[A-Za-z_])")
# What every opener starts with (its leading_literals, shortened to these two): _bracketed tries _OPENERS
# only where one occurs (_matches), not at every position of a large text.
_OPENER_LEADS = ("$", "{{")
_TRIGGERS = (
    "$",
    "{{",
    "{env:",
    "op://",
    "vault",
    "arn:",
    "ssm:",
    "keyvault",
    "vault.azure",
    "projects/",
    "/secrets/",
    "environ",
    "getenv",
    "lookupenv",
    "env::var",
    "process.env",
    "env[",
    "env.fetch",
    "%",
    "secretkeyref",
    "secretname",
)
# One search for "does any trigger occur" (a generator over the tuple ran for every scalar of every document),
# over a lowered copy: a case-sensitive alternation of literals lets re skip to the positions where one of
# their first characters occurs, which a case-insensitive one (re.IGNORECASE, even with re.ASCII) does not:
# 4-5x the time on the benchmark's scalars. (re's case folding would also match `ſ` for `s`; lower() not.)
_TRIGGER = re.compile("|".join(map(re.escape, _TRIGGERS)))


@dataclass(frozen=True)
class _Found:
    ref: Ref
    always: bool
    interpolation: bool
    # False for template syntax that is recognised (so a value holding it is a placeholder) but names nothing
    # worth listing: `${{ matrix.os }}`, `${AWS::StackName}`, `{{ toYaml .Values.x }}`, `$json`.
    listed: bool = True


# The last text _find_all searched and what it found: a setting's scalar is searched twice in a row, once for
# the references it records (parse) and once by the value classifier (scan_references), the same str object
# both times (the classifier's strip returns it unchanged). Asked by identity, which the held reference keeps
# unique; an equal text in another object is searched again.
_LAST_FOUND: list[tuple[str, tuple[_Found, ...]]] = [("", ())]


# What _search_all found in short texts that hold a reference, by text: the same few template values recur
# across a scan's files (`${DB_PASSWORD}`, `{{ .Values.token }}`: fp-bait's .env files hold 17,439 values with
# a trigger, 5,976 distinct). A pure function of its text (the patterns and literals are fixed), so an equal
# text gets the very answer it would get searched again (immutable _Found and Ref). Only texts up to
# _REMEMBER_CHARS, only those where something was found (most texts hold nothing: one search answers them),
# and at most _REMEMBER_TEXTS (then the memory starts over).
_REMEMBER_CHARS = 256
_REMEMBER_TEXTS = 8192
_REMEMBERED: dict[str, tuple[_Found, ...]] = {}


def _find_all(text: str) -> tuple[_Found, ...]:
    """Every reference in `text`, outermost first where they overlap, sorted by start."""
    last = _LAST_FOUND[0]
    if text is last[0]:
        return last[1]
    if len(text) <= _REMEMBER_CHARS:
        found = _REMEMBERED.get(text)
        if found is None:
            found = _search_all(text)
            if found:
                if len(_REMEMBERED) >= _REMEMBER_TEXTS:
                    _REMEMBERED.clear()
                _REMEMBERED[text] = found
    else:
        found = _search_all(text)
    _LAST_FOUND[0] = (text, found)
    return found


# Texts at least this long (a whole file's, a large scalar) are asked _TextLiterals' questions in one
# Vectorscan pass; shorter ones the way below (lowering and one search cost less than a scan's set-up there).
_WHOLE_TEXT = 1024


# Every character outside ASCII whose lower() holds an ASCII character, in the Unicode of Python 3.11-3.13:
# the Kelvin sign (to `k`) and the capital I with a dot above (to `i` and a combining dot). A test derives
# the list from the running Python's own str.lower.
LOWERS_TO_ASCII = ("\u212a", "\u0130")


class _TextLiterals:
    """One Vectorscan pass over a text's UTF-8 answering what _search_all asks of it before any pattern
    runs: whether a trigger occurs in `text.lower()`, and which of the _SIMPLE patterns' required literals
    occur in `text` (case-sensitive, as `literal in text`). Lowering then one search, and 25 searches of
    the whole text, cost ~35 us per 1,000 characters of source; the pass a small fraction of it.

    A trigger occurs in `text.lower()` exactly when it occurs ASCII-caseless (Vectorscan's
    HS_FLAG_CASELESS) in the UTF-8 of `text`, unless `text` holds a character that is not ASCII but lowers
    to something holding ASCII (the Kelvin sign lowers to `k`, dotted capital I to `i` and a combining
    dot): every trigger is ASCII, every other character lowers to non-ASCII characters whose UTF-8 holds
    no ASCII byte, and ASCII lowers as caseless matching folds it. Those characters are searched for in
    the same pass; where one occurs, the trigger question is asked the slow way. A literal occurs in a
    text exactly when its UTF-8 occurs in the text's (literalpass: UTF-8 is self-synchronizing)."""

    def __init__(self) -> None:
        import hyperscan

        from auditor.extract.vectorscan import compile_database

        self.needs: list[str] = sorted({lit for needs in _SIMPLE_NEEDS if needs for lit in needs})
        self.folding = LOWERS_TO_ASCII
        caseless = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH
        exact = hyperscan.HS_FLAG_SINGLEMATCH
        expressions = [re.escape(t.encode("ascii")) for t in _TRIGGERS]
        flags = [caseless] * len(_TRIGGERS)
        expressions += [re.escape(lit.encode("utf-8", "surrogatepass")) for lit in self.needs]
        flags += [exact] * len(self.needs)
        expressions += [re.escape(ch.encode("utf-8")) for ch in self.folding]
        flags += [exact] * len(self.folding)
        self.first_need = len(_TRIGGERS)
        self.first_folding = self.first_need + len(self.needs)
        self.need_id = {lit: self.first_need + i for i, lit in enumerate(self.needs)}
        self._db = compile_database("reference-literals", expressions, flags)

    def present(self, text: str) -> tuple[bool, set[str]] | None:
        """(whether a trigger occurs in text.lower(), the required literals that occur in text); None when
        the pass cannot answer (a character that lowers to ASCII: ask the slow way)."""
        try:
            ids = matched_ids(self._db, text.encode("utf-8", "surrogatepass"))
        except Exception:  # never raised without a stop; answered the slow way should it ever be
            return None
        if any(i >= self.first_folding for i in ids):
            return None
        trigger = any(i < self.first_need for i in ids)
        return trigger, {self.needs[i - self.first_need] for i in ids if i >= self.first_need}


_TEXT_LITERALS: list[_TextLiterals | None] = []


def _text_literals() -> _TextLiterals | None:
    """Built on first use in each process; None without the Vectorscan bindings (or a refused database)."""
    if not _TEXT_LITERALS:
        try:
            finder: _TextLiterals | None = _TextLiterals()
        except Exception:  # no bindings, or a library that refuses the database: search as before
            finder = None
        _TEXT_LITERALS.append(finder)
    return _TEXT_LITERALS[0]


def _search_all(text: str) -> tuple[_Found, ...]:
    answered = None
    if len(text) >= _WHOLE_TEXT:
        finder = _text_literals()
        answered = finder.present(text) if finder is not None else None
    if answered is None:
        if not _TRIGGER.search(text.lower()):
            return ()
        occurring = None
    else:
        trigger, occurring = answered
        if not trigger:
            return ()
    found: list[_Found] = []
    _bracketed(text, found)
    for (kind, pattern, always, interpolation), needs, leads in zip(
        _SIMPLE, _SIMPLE_NEEDS, _SIMPLE_LEADS, strict=True
    ):
        if needs is not None:
            # A match would hold one of these: none occurs, so the pattern cannot match. (A loop, not
            # any() over a generator: this runs for each of 25 patterns in every text with a trigger.)
            if occurring is not None:
                if occurring.isdisjoint(needs):
                    continue
            else:
                for literal in needs:
                    if literal in text:
                        break
                else:
                    continue
        for m in _matches(pattern, leads, text):
            named = m.groupdict()
            groups = [g for g in m.groups() if g]
            if kind is ReferenceKind.ONEPASSWORD or not groups:
                target = m.group(0)
            elif named.get("name"):
                target = f"{named['name']}/{named['key']}"
            else:
                target = ("/" if kind is ReferenceKind.K8S_SECRET_REF else "#").join(groups)
            found.append(_Found(Ref(kind, target.strip(), m.start(), m.end()), always, interpolation))
    found.sort(key=lambda f: (f.ref.start, -(f.ref.end - f.ref.start)))
    return tuple(found)


def _outermost(found: Sequence[_Found]) -> list[_Found]:
    """Overlaps (a Key Vault URI inside @Microsoft.KeyVault(…), `${Param}` inside a dynamic reference): keep
    the outermost, earliest reference."""
    kept: list[_Found] = []
    last_end = -1
    for item in found:
        if item.ref.start >= last_end:
            kept.append(item)
            last_end = item.ref.end
    return kept


def scan_references(text: str) -> list[tuple[Ref, bool]]:
    """Every reference in `text` whatever it names, with whether it is an interpolation (`${X}`, `{{ x }}`,
    `$X`: a placeholder filled in later) rather than a pointer to a secret store. The value classifier
    (auditor.extract.values) judges values by this."""
    return [(f.ref, f.interpolation) for f in _outermost(_find_all(text))]


def may_hold_any(texts: Sequence[str]) -> bool:
    """Whether any of `texts` may hold a reference: False means `parse` finds none in each of them. One
    search over the texts joined: every trigger is a literal without a line break, and lowercasing the joined
    texts lowercases each alike, so a trigger in one text is a trigger in the joined ones and the joints
    make none (a document's 50,000 values are answered by one search instead of 50,000)."""
    return _TRIGGER.search("\n".join(texts).lower()) is not None


def parse(text: str, key: str | None = None) -> list[Ref]:
    """The credential-carrying references in `text` (a scalar under `key`, or a whole file), by start."""
    found = _find_all(text)
    if not found:
        return []  # most scalars: no need to judge the key
    key_says = _key_carries_credential(key)
    kept = _outermost([f for f in found if f.listed])
    return [f.ref for f in kept if f.always or key_says or names_credential(f.ref.target)]


def may_hold_each(texts: Sequence[str]) -> set[int]:
    """The indices of `texts` that may hold a reference: `parse` finds none in any other (a document's
    values, of which only a few hold a trigger even where one does: parse's own check of each value cost
    more than the rest of it). One search per text that holds a trigger, over the texts joined by line
    breaks and lowered: no trigger holds a line break, so a match lies inside one text. Positions in the
    lowered join are positions in the join when lowering kept its length (no character lowers to nothing,
    so no length change means none changed); when it did not (`İ`), each text is searched alone."""
    joined = "\n".join(texts)
    lowered = joined.lower()
    found = _TRIGGER.search(lowered)
    if found is None:
        return set()
    if len(lowered) != len(joined):
        return {i for i, text in enumerate(texts) if _TRIGGER.search(text.lower())}
    # Where each text ends in the join, its joint included: the lengths so far plus one joint per text.
    ends = list(map(operator.add, itertools.accumulate(map(len, texts)), itertools.count(1)))
    held: set[int] = set()
    while found is not None:
        index = bisect.bisect_right(ends, found.start())
        held.add(index)
        found = _TRIGGER.search(lowered, ends[index])  # on from the next text
    return held


_PAREN_NAME = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")


def _bracketed(text: str, found: list[_Found]) -> None:
    pos = 0
    for m in _matches(_OPENERS, _OPENER_LEADS, text):
        start = m.start()
        if start < pos:
            continue
        opener = m.group(0)
        item: _Found | None = None
        end = -1
        if opener == "${{":
            end = _closing(text, start + 1, "{{", "}}")
            if end > 0:
                inner = text[start + 3 : end - 2]
                pair = _dollar_double_brace(inner)
                if pair is not None:
                    # A CI secret is in the CI system's secret store, whatever its name.
                    ref = Ref(pair[0], pair[1], start, end)
                    item = _Found(ref, pair[0] is ReferenceKind.CI_SECRET, True)
                else:
                    item = _generic(inner, start, end)
        elif opener == "{{":
            end = _closing(text, start, "{{", "}}")
            if end > 0:
                inner = text[start + 2 : end - 2]
                parsed = _double_brace(inner)
                if parsed is not None:
                    kind, target, always = parsed
                    item = _Found(Ref(kind, target, start, end), always, kind not in _STORES)
                else:
                    item = _generic(inner, start, end)
        elif opener == "${":
            end = _closing(text, start + 1, "{", "}")
            if end > 0:
                inner = text[start + 2 : end - 1]
                parsed = _dollar_brace(inner)
                if parsed is not None:
                    kind, target, always = parsed
                    item = _Found(Ref(kind, target, start, end), always, True)
                else:
                    item = _generic(inner, start, end)
        elif opener == "$(":
            # Make, Compose, Azure Pipelines `$(NAME)`; a shell `$(command …)` is filled in at run time too.
            end = _closing(text, start + 1, "(", ")")
            if end > 0:
                inner = text[start + 2 : end - 1]
                name = _PAREN_NAME.match(inner)
                if name is not None:
                    item = _Found(Ref(ReferenceKind.ENV_VAR, name.group(1), start, end), False, True)
                else:
                    item = _generic(inner, start, end)
        else:
            parsed, end, listed = _bare_dollar(text, start)
            if parsed is not None:
                kind, target, always = parsed
                item = _Found(Ref(kind, target, start, end), always, True, listed)
        if end > 0:
            pos = end
        if item is not None:
            found.append(item)


_TEMPLATE_CONTROL = re.compile(
    r"^-?\s*(?:(?:end|else|if|range|with|define|template|block|break)\b|\.Data\b|/?\*)"
)
# `{{ … }}` forms that point into a secret store rather than interpolate a value.
_STORES = frozenset({ReferenceKind.AWS_SECRETS_MANAGER, ReferenceKind.AWS_SSM, ReferenceKind.VAULT_PATH})


def _generic(inner: str, start: int, end: int) -> _Found | None:
    """Template syntax without a name worth listing: still an interpolation, so a value holding it is not
    a literal. Template control words (`{{ end }}`) and Vault template fields (`{{ .Data.password }}`) are
    no references at all."""
    body = inner.strip()
    if not body or _TEMPLATE_CONTROL.match(body):
        return None
    return _Found(Ref(ReferenceKind.TEMPLATE, body.strip("-").strip(), start, end), False, True, listed=False)


_BARE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# n8n expression variables: data of the running workflow, not references to anything stored.
_N8N_DATA = frozenset(
    {
        "json",
        "node",
        "input",
        "item",
        "items",
        "now",
        "today",
        "workflow",
        "execution",
        "vars",
        "env",
        "binary",
        "prevNode",
        "parameter",
        "runIndex",
    }
)


def _bare_dollar(text: str, start: int) -> tuple[tuple[ReferenceKind, str, bool] | None, int, bool]:
    """`$NAME` (shell) and `$env.NAME` (n8n); `$json`, `$node`, `$('…')` are n8n data, not listed."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "\\$"):
        return None, -1, False
    n8n = _N8N_ENV.match(text, start)
    if n8n is not None:
        return (ReferenceKind.ENV_VAR, n8n.group(1) or n8n.group(2), False), n8n.end(), True
    m = _BARE.match(text, start)
    if m is None:
        return None, -1, False
    name = m.group(1)
    return (ReferenceKind.ENV_VAR, name, False), m.end(), name not in _N8N_DATA


_EXISTING_SECRET_KEYS = frozenset({"existingsecret", "existingsecretname"})
_PATHISH = re.compile(
    r"^(?:~|\.{0,2}/|[A-Za-z]:\\|[\w.-]+/)[^\s{}$]*$|^[\w.-]+\.(?:json|key|pem|p12|pfx|crt|p8)$"
)
_FILE_WORDS = frozenset({"key", "jwt", "cert", "certificate", "pem", "keystore"})


# key_may_refer's verdicts, by key (keys up to _KEY_VERDICT_CHARS long; at most _KEY_VERDICTS, then the memory
# starts over): a scan asks of the same few thousand keys under ever new paths and values.
_KEY_VERDICT_CHARS = 256
_KEY_VERDICTS = 16384
_key_may_refer: dict[str, bool] = {}


def key_may_refer(last: str) -> bool:
    """Whether from_key can answer anything for a path whose nearest string key is `last`, whatever the
    value and the keys above: only under `existingSecret` (any case), `GOOGLE_APPLICATION_CREDENTIALS` or a
    key whose last word is `file` or `path` does it return a reference (each of its returns is behind one of
    those three tests of `last` alone). Asked once per scalar of every parsed file; most keys are none of
    these, and their values then need neither the path pattern nor the key's words (tests/test_key_facts.py
    compares from_key with and without this test)."""
    verdict = _key_may_refer.get(last)
    if verdict is None:
        low = last.lower()
        verdict = (
            low in _EXISTING_SECRET_KEYS
            or last.upper() == "GOOGLE_APPLICATION_CREDENTIALS"
            # A last word `file` or `path` is a run of the lowered key (key_tokens only cuts the key and
            # lowers it): a key holding neither needs no words (a vocabulary's 50,000 keys, each seen once).
            or (("file" in low or "path" in low) and _last_word_file_or_path(last))
        )
        if len(last) <= _KEY_VERDICT_CHARS:
            if len(_key_may_refer) >= _KEY_VERDICTS:
                _key_may_refer.clear()
            _key_may_refer[last] = verdict
    return verdict


def existing_secret_key(last: str) -> bool:
    """Whether from_key reads a value under this key (a path's nearest string key) as the name of a
    Kubernetes Secret (Helm's `existingSecret`): the only reference it finds in a value that is no path."""
    return last.lower() in _EXISTING_SECRET_KEYS


def _last_word_file_or_path(last: str) -> bool:
    tokens = key_tokens(last.replace("-", "_"))
    return bool(tokens) and tokens[-1] in ("file", "path")


def from_key(path: tuple[str | int, ...], value: str) -> tuple[ReferenceKind, str] | None:
    """A reference decided by the key a plain value sits under: Helm `existingSecret: name` names a
    Kubernetes Secret; `*_KEY_FILE`, `secret_id_file_path`, `GOOGLE_APPLICATION_CREDENTIALS` name a file that
    holds a credential."""
    if not value or "{{" in value or "${" in value:
        return None
    last = path[-1] if path else None
    if not isinstance(last, str):
        last = next((p for p in reversed(path) if isinstance(p, str)), None)
        if last is None:
            return None
    if last.lower() in _EXISTING_SECRET_KEYS and re.fullmatch(r"[a-z0-9][a-z0-9.-]{0,252}", value):
        return ReferenceKind.K8S_SECRET_REF, value
    # Every value _PATHISH takes holds a `/`, a `\\` or a `.`, or starts with `~`: most settings are
    # answered here, without the pattern (once per scalar of every parsed file).
    if not ("/" in value or "." in value or "\\" in value or value[0] == "~") or not _PATHISH.match(value):
        return None
    strings = [p for p in path if isinstance(p, str)]
    if last.upper() == "GOOGLE_APPLICATION_CREDENTIALS":
        return ReferenceKind.FILE, value
    tokens = list(key_tokens(last.replace("-", "_")))
    if not tokens or tokens[-1] not in ("file", "path"):
        return None
    names_file = tokens[-1] == "file"
    while tokens and tokens[-1] in ("file", "path"):
        tokens.pop()
    # `secrets: {vault_secret_id: {file: ./secrets/vault_secret_id}}` (compose): the parent names it.
    words = tokens or (list(key_tokens(strings[-2].replace("-", "_"))) if len(strings) >= 2 else [])
    if (
        not names_file
        and any(s.lower() in ("vault", "hashicorp_vault", "vault_client") for s in strings[:-1])
        and not re.search(r"\.\w{1,5}$", value)
    ):
        # `[vault] secret_path = secret/data/app`: a path inside Vault, not on disk. A key ending in `file`
        # (`secret_id_file = /run/secrets/app-secret-id`) names a file whatever its name's extension.
        return (ReferenceKind.VAULT_PATH, value) if names_credential("_".join(words)) else None
    joined = "_".join(words)
    if names_credential(joined) or any(w in _FILE_WORDS for w in words):
        return ReferenceKind.FILE, value
    return None
