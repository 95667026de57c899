"""A credential found in configuration that joins no identity of a platform read is said, not lost."""

from __future__ import annotations

from datetime import UTC, datetime

from auditor.model import (
    Agent,
    AuthModel,
    Connection,
    Identity,
    Location,
    Platform,
    Resolution,
    Snapshot,
)
from auditor.resolve import unjoined

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _agent(name: str, platform: Platform, fps: tuple[str, ...]) -> Agent:
    conn = Connection(
        platform, AuthModel.STATIC_API_KEY, evidence=(Location("bot/.env", 2),), credential_fingerprints=fps
    )
    return Agent(name, name, "slack_bot", connections=(conn,))


def _snap(platform: Platform) -> Snapshot:
    ident = Identity(platform, "token:aaaa", "bot", "bot_token", {}, ("fp:aaaa",))
    return Snapshot(platform, NOW, "test", identities=(ident,))


def test_found_token_without_identity_is_coverage() -> None:
    agents = [_agent("sales-bot", Platform.SLACK, ("bbbb",)), _agent("gh-bot", Platform.GITHUB, ("cccc",))]
    snaps = {Platform.SLACK: _snap(Platform.SLACK)}
    (entry,) = unjoined(agents, snaps, ())
    assert entry.source == "slack:sales-bot" and entry.category == "not_joined"
    assert "bot/.env:2" in entry.reason and "collectors.slack.tokens_env" in entry.reason
    assert not entry.by_design  # coverage is incomplete: the reach was not compared


def test_joined_or_credential_free_connections_are_not_listed() -> None:
    agents = [_agent("sales-bot", Platform.SLACK, ("aaaa",)), _agent("ref-bot", Platform.SLACK, ())]
    snaps = {Platform.SLACK: _snap(Platform.SLACK)}
    joined = (
        Resolution(
            "sales-bot", Platform.SLACK, "token:aaaa", "bot", "slack_bot_token fingerprint", "aaaa", None
        ),
    )
    assert unjoined(agents, snaps, joined) == []
