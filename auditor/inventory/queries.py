"""Small lookups the rules use on a built agent."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from auditor.model import Agent, Connection, ManifestHint, Platform, Setting


def settings_of(agent: Agent, pattern: str) -> Iterable[Setting]:
    """The agent's settings whose key (any segment) matches a regex, case-insensitively."""
    regex = re.compile(pattern, re.IGNORECASE)
    return (s for s in agent.settings if regex.search(s.key))


def connection(agent: Agent, platform: Platform) -> Connection | None:
    return next((c for c in agent.connections if c.platform is platform), None)


def hint_details(agent: Agent, kind: str) -> Iterable[tuple[ManifestHint, Mapping[str, Any]]]:
    return ((h, h.details) for h in agent.hints if h.kind == kind)
