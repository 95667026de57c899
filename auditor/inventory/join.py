"""The credential <-> identity join: the identifiers collectors look up and where each is written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from auditor.inventory.platforms import platform_of_secret
from auditor.model import Agent, Location, Platform


def hint_location(agent: Agent, hint: str | None) -> Location | None:
    """Where the identity hint itself is written (the username line, the key id), if it is in this agent."""
    if not hint:
        return None
    wanted = hint.strip().lower()
    for secret in agent.secrets:
        if secret.identifier and secret.identifier.lower() == wanted:
            return secret.location
    for setting in agent.settings:
        if setting.value.strip().strip("\"'").lower() == wanted:
            return setting.location
    return None


def hint_first(locations: tuple[Location, ...], anchor: Location | None) -> tuple[Location, ...]:
    """Evidence with the identity hint's own location first: findings about the identity anchor there."""
    if anchor is None:
        return locations
    return (anchor, *(loc for loc in locations if loc != anchor))


def resolve_hints(agents: Iterable[Agent]) -> dict[Platform, tuple[str, ...]]:
    """The identifiers collectors should look up, per platform: identity hints and credential identifiers."""
    found: dict[Platform, set[str]] = defaultdict(set)
    for agent in agents:
        for conn in agent.connections:
            if conn.identity_hint:
                found[conn.platform].add(conn.identity_hint)
        for secret in agent.secrets:
            platform = platform_of_secret(secret)
            if secret.identifier and platform is not None:
                found[platform].add(secret.identifier)
    return {p: tuple(sorted(v)) for p, v in sorted(found.items(), key=lambda kv: kv[0].value)}
