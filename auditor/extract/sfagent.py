"""Salesforce Agentforce agents in SFDX metadata: `bots/<Name>/<Name>.bot-meta.xml`.

A service agent (`<agentType>EinsteinServiceAgent</agentType>`) answers customers on messaging channels and
acts as one Salesforce user, its `<botUser>`, in every conversation. An employee agent (`<type>InternalCopilot
</type>`, `<agentType>AgentforceEmployeeAgent</agentType>`, no `<botUser>`) acts as the signed-in employee.
Read with one bounded regex over the text: the metadata is plain XML written by the Salesforce CLI.
"""

from __future__ import annotations

import re

from auditor.extract.evidence import Evidence

# The elements read, each one line of plain text (the CLI never wraps them); the first occurrence wins.
_ELEMENT = re.compile(r"<(agentType|botUser|type|label)>([^<>\n]{1,200})</\1>")
_NAMESPACE = "http://soap.sforce.com/2006/04/metadata"


def agentforce_hint(ev: Evidence) -> None:
    """A ManifestHint `salesforce_agent` for a Bot definition, named by its file (the API name)."""
    text = ev.text
    start = text.find("<Bot")
    if start < 0 or _NAMESPACE not in text[start : start + 200]:
        return
    found: dict[str, str] = {}
    for match in _ELEMENT.finditer(text, start):
        found.setdefault(match.group(1), match.group(2).strip())
    name = ev.rel.rsplit("/", 1)[-1].removesuffix(".bot-meta.xml")
    ev.manifest(
        "salesforce_agent",
        name,
        ev.line_at(start),
        None,
        {
            "label": found.get("label", ""),
            "agent_type": found.get("agentType", ""),
            "bot_type": found.get("type", ""),
            "bot_user": found.get("botUser", ""),
        },
    )
