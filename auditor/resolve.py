"""Join credentials found in configuration to platform identities: agent -> credential -> identity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from auditor.model import Agent, Identity, Location, Platform, Resolution, Snapshot

FINGERPRINT_ALIAS = "fp:"


def _index(snapshot: Snapshot) -> dict[str, Identity]:
    index: dict[str, Identity] = {}
    for ident in snapshot.identities:
        for alias in (ident.id, *ident.aliases):
            index.setdefault(alias.lower(), ident)
    return index


def resolve(agents: Sequence[Agent], snapshots: Mapping[Platform, Snapshot]) -> tuple[Resolution, ...]:
    """Every (agent, identity) link that configuration evidence supports, deduplicated, stable order.

    Join keys: a connection's identity hint (username, client id, role ARN, Vault role), a credential's public
    identifier (AWS access key id, consumer key), and a credential fingerprint published by a collector as an
    `fp:` alias (a Vault token the collector itself authenticated with). Hints are matched case-insensitively.
    """
    indexes = {platform: _index(snap) for platform, snap in snapshots.items()}
    found: dict[tuple[str, Platform, str], Resolution] = {}

    def add(
        agent: Agent, platform: Platform, ident: Identity, via: str, fp: str | None, loc: Location | None
    ) -> None:
        key = (agent.name, platform, ident.id)
        if key not in found:
            found[key] = Resolution(agent.name, platform, ident.id, ident.name, via, fp, loc)

    for agent in agents:
        for conn in agent.connections:
            index = indexes.get(conn.platform)
            if index is None or not conn.identity_hint:
                continue
            ident = index.get(conn.identity_hint.lower())
            if ident is not None:
                fp = conn.credential_fingerprints[0] if conn.credential_fingerprints else None
                add(
                    agent,
                    conn.platform,
                    ident,
                    "identity hint",
                    fp,
                    conn.evidence[0] if conn.evidence else None,
                )
        for secret in agent.secrets:
            for platform, index in indexes.items():
                if secret.identifier and (ident := index.get(secret.identifier.lower())) is not None:
                    add(
                        agent,
                        platform,
                        ident,
                        f"{secret.kind} identifier",
                        secret.fingerprint,
                        secret.location,
                    )
                elif (ident := index.get(FINGERPRINT_ALIAS + secret.fingerprint)) is not None:
                    add(
                        agent,
                        platform,
                        ident,
                        f"{secret.kind} fingerprint",
                        secret.fingerprint,
                        secret.location,
                    )
    return tuple(sorted(found.values(), key=Resolution.sort_key))
