"""The agent inventory: which agents exist, what they hold, what they reach and how they authenticate.

One module per job: `grouping` (agents and what belongs to each), `auth` (auth-model inference with the
evidence that decided it), `platforms` (which platform a piece of evidence talks to), `join` (the
credential <-> identity join), `paths` and `kinds` (shared helpers and tables), `queries` (lookups for rules).
Reference parsing is extraction: `auditor.extract.references`.
"""

from __future__ import annotations

from auditor.inventory.auth import ttl_seconds
from auditor.inventory.grouping import build_inventory
from auditor.inventory.join import resolve_hints
from auditor.inventory.kinds import KIND_OF_MANIFEST, MCP, MULTI_USER_KINDS, SUPPORTING_KINDS
from auditor.inventory.paths import agent_root, environment_of, glob_match, loc_key, under
from auditor.inventory.platforms import (
    platform_of_key,
    platform_of_kind,
    platform_of_reference,
    platform_of_secret,
    platform_of_setting,
    platform_of_value,
)
from auditor.inventory.queries import connection, hint_details, settings_of

__all__ = [
    "KIND_OF_MANIFEST",
    "MCP",
    "MULTI_USER_KINDS",
    "SUPPORTING_KINDS",
    "agent_root",
    "build_inventory",
    "connection",
    "environment_of",
    "glob_match",
    "hint_details",
    "loc_key",
    "platform_of_key",
    "platform_of_kind",
    "platform_of_reference",
    "platform_of_secret",
    "platform_of_setting",
    "platform_of_value",
    "resolve_hints",
    "settings_of",
    "ttl_seconds",
    "under",
]
