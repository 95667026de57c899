"""Join credentials found in configuration to platform identities: agent -> credential -> identity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from auditor.model import Agent, Identity, Location, Platform, Resolution, Skipped, Snapshot

FINGERPRINT_ALIAS = "fp:"


def identity_index(snapshot: Snapshot) -> dict[str, Identity]:
    """Every identity of a snapshot by its id and by each alias, lower-cased (the first to claim one)."""
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
    indexes = {platform: identity_index(snap) for platform, snap in snapshots.items()}
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
                elif (ident := index.get(FINGERPRINT_ALIAS + secret.fingerprint)) is not None or (
                    # A snapshot saved under an older secret fingerprint scheme names an issued token by
                    # its scrypt fingerprint (derived only while a snapshot is in use).
                    secret.legacy_fingerprint
                    and (ident := index.get(FINGERPRINT_ALIAS + secret.legacy_fingerprint)) is not None
                ):
                    add(
                        agent,
                        platform,
                        ident,
                        f"{secret.kind} fingerprint",
                        secret.fingerprint,
                        secret.location,
                    )
    return tuple(sorted(found.values(), key=Resolution.sort_key))


def unjoined(
    agents: Sequence[Agent],
    snapshots: Mapping[Platform, Snapshot],
    resolutions: Sequence[Resolution],
    *,
    introspected: frozenset[Platform] = frozenset(),
) -> list[Skipped]:
    """Credentials found in configuration that joined no identity of a platform botaudit did read.

    Such a credential's reach is unknown: it was not compared with the baseline and its platform rules did not
    see it. Said in coverage (category `not_joined`), never left as a silent absence from the gap table.
    """
    joined = {(r.agent, r.platform) for r in resolutions}
    out: list[Skipped] = []
    for agent in agents:
        for conn in agent.connections:
            if conn.platform not in snapshots or not conn.credential_fingerprints:
                continue
            if (agent.name, conn.platform) in joined:
                continue
            if set(conn.credential_fingerprints) <= _refused(snapshots[conn.platform]):
                continue  # introspected and refused by the platform: the collector's coverage says so
            hint = _JOIN_HINTS.get(conn.platform, "name its identity in the agent's configuration")
            if conn.platform in introspected:
                hint = (
                    "found tokens were introspected (--introspect-found): this one is not an access token "
                    "of a kind botaudit sends, or its introspection failed (see the platform's coverage)"
                )
            where = f" at {conn.evidence[0].path}:{conn.evidence[0].line}" if conn.evidence else ""
            out.append(
                Skipped(
                    f"{conn.platform.value}:{agent.name}",
                    f"the {conn.platform.value} credential found{where} joined no identity in the "
                    f"{conn.platform.value} data read: its reach is unknown and was not compared ({hint})",
                    "not_joined",
                )
            )
    return out


def _found_facts(snapshot: Snapshot) -> Mapping[str, object]:
    facts = snapshot.facts.get("found_tokens") if isinstance(snapshot.facts, Mapping) else None
    return facts if isinstance(facts, Mapping) else {}


def _refused(snapshot: Snapshot) -> set[str]:
    """Fingerprints of found tokens the platform refused (revoked, expired or invalid)."""
    invalid = _found_facts(snapshot).get("invalid")
    return {str(fp) for fp in invalid} if isinstance(invalid, list) else set()


# How a user lets the collector see the very token an agent holds.
_JOIN_HINTS: Mapping[Platform, str] = {
    Platform.GITHUB: "introspect it: scan with --introspect-found (sends the found token to the GitHub API, "
    "read-only), or put its environment variable in collectors.github.tokens_env",
    Platform.SLACK: "introspect it: scan with --introspect-found (sends the found token to the Slack API, "
    "read-only), or put its environment variable in collectors.slack.tokens_env",
}
