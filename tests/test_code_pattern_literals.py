"""scan_code_patterns runs a CODE_PATTERNS regex only where every literal of one of its required terms occurs
(read off re's parse, literalpass.required_terms; found in one pass, literalpass.LiteralPass): the same
settings as running every regex over every text."""

from __future__ import annotations

import pytest

from auditor.extract import text as text_mod
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_bytes
from auditor.extract.vocabulary import CODE_PATTERNS
from tests.shipped_inputs import shipped_inputs

# Source lines of the shapes the patterns look for, and near misses without their literals.
_SAMPLES = {
    "agent.py": (
        "import hvac\nclient = hvac.Client(url=VAULT_ADDR)\n"
        "creds = client.secrets.database.generate_credentials(name='agent-ro')\n"
        "app = msal.ConfidentialClientApplication(cid, client_credential=secret)\n"
        "result = app.acquire_token_on_behalf_of(user_assertion, scopes)\n"
        "sf = Salesforce(username=u, password=p, security_token=t)\n"
        "@app.post('/chat')\ndef chat(request):\n    return reply(request.user)\n"
    ),
    "bot.ts": (
        'import { Octokit } from "@octokit/rest";\nconst gh = new Octokit({ auth: process.env.GH_TOKEN });\n'
        "const cred = new DefaultAzureCredential();\nrouter.get('/health', ok);\n"
    ),
    "plain.py": "def add(a, b):\n    return a + b\n",
}


_DETECTORS = DetectorSet.load()


def _settings(rel: str, content: str) -> list[tuple[str, int]]:
    scan = scan_bytes(rel, content.encode(), _DETECTORS, fingerprint_key="t")
    return sorted((s.key, s.location.line) for s in scan.settings if s.key.startswith("code."))


def _without_literals(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_mod, "_code_needs", lambda: (None,) * len(CODE_PATTERNS))
    monkeypatch.setattr(text_mod, "_agent_needs", lambda: (None,) * len(text_mod._CODE_AGENTS))
    ungated = text_mod._SourceLiterals()
    assert ungated.code == (None,) * len(CODE_PATTERNS) and ungated.agents == (None,) * len(
        text_mod._CODE_AGENTS
    )
    monkeypatch.setattr(text_mod, "_source_literals", lambda: ungated)


def test_every_pattern_has_literals_and_every_match_holds_one() -> None:
    needs = text_mod._code_needs()
    assert len(needs) == len(CODE_PATTERNS) and all(n for n in needs)
    texts = [c for c in _SAMPLES.values()] + [
        p.read_bytes().decode("utf-8", "replace") for p in shipped_inputs()
    ]
    hits = 0
    for (name, pattern), lits in zip(CODE_PATTERNS, needs, strict=True):
        for t in texts:
            for m in pattern.finditer(t):
                hits += 1
                assert any(all(lit in m.group(0) for lit in term) for term in lits), (name, m.group(0))
    assert hits > 20


def test_the_same_settings_with_and_without_the_literals(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = list(_SAMPLES.items()) + [
        (p.name, p.read_bytes().decode("utf-8", "replace")) for p in shipped_inputs()
    ]
    fast = [_settings(rel, content) for rel, content in inputs]
    _without_literals(monkeypatch)
    slow = [_settings(rel, content) for rel, content in inputs]
    assert fast == slow
    keys = {k for found in fast for k, _line in found}
    assert {"code.vault.client", "code.msal.on_behalf_of", "code.github.client"} <= keys
