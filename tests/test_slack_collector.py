"""Slack collector against the TLS stand-in: token types, scopes, rotation, channels, baseline, 429."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from auditor.clock import FixedClock
from auditor.collectors.interface import CollectRequest
from auditor.collectors.slack import SlackCollector, scope_level, token_type
from auditor.errors import CollectorError
from auditor.model import AccessLevel, Snapshot
from auditor.progress import NullProgress
from auditor.redact import fingerprint
from auditor.snapshot import dumps_snapshot
from tests.standins.slack import (
    DEMO_BOT_TOKEN,
    DEMO_JUNIOR_ID,
    Channel,
    SlackStandIn,
    SlackToken,
    demo_workspace,
)

NOW = datetime(2026, 11, 1, tzinfo=UTC)
USER_TOKEN = "xoxp-541882002087-1111111111-2222222222-" + "a" * 32
ROTATING = "xoxe.xoxb-1-" + "b" * 80


@pytest.fixture(scope="module")
def standin() -> Iterator[SlackStandIn]:
    ws = demo_workspace()
    ws.tokens[USER_TOKEN] = SlackToken(
        "U01DANAENG", ["channels:read", "chat:write", "users:read", "admin.users:write"]
    )
    ws.tokens[ROTATING] = SlackToken("U05SALESOPS", ["channels:read", "chat:write"], bot_id="B05SALESOPS")
    with SlackStandIn(ws) as server:
        yield server


@pytest.fixture(autouse=True)
def _clean(standin: SlackStandIn) -> None:
    standin.reset()


SLEEPS: list[float] = []


def collect(
    standin: SlackStandIn,
    env: dict[str, str] | None = None,
    baseline: object = DEMO_JUNIOR_ID,
    **settings: object,
) -> Snapshot:
    SLEEPS.clear()
    request = CollectRequest(baseline=baseline, settings=standin.settings(**settings), max_retries=2)
    return SlackCollector(
        environ=env if env is not None else {"SLACK_BOT_TOKEN": DEMO_BOT_TOKEN}, sleep=SLEEPS.append
    ).collect(request, clock=FixedClock(NOW), progress=NullProgress())


def bot(snap: Snapshot):  # type: ignore[no-untyped-def]
    return next(i for i in snap.identities if i.id != snap.baseline)


def test_token_types_and_levels() -> None:
    assert token_type("xoxb-1")[:2] == ("bot_token", False)
    assert token_type("xoxp-1")[:2] == ("user_token", False)
    assert token_type("xoxe.xoxb-1-x")[:2] == ("bot_token", True)
    assert token_type("xoxe.xoxp-1-x")[:2] == ("user_token", True)
    assert scope_level("admin.users:write") is AccessLevel.ADMIN
    assert scope_level("chat:write.customize") is AccessLevel.WRITE
    assert scope_level("channels:read") is AccessLevel.READ


def test_bot_identity_scopes_channels_and_join_alias(standin: SlackStandIn) -> None:
    snap = collect(standin)
    ident = bot(snap)
    assert ident.kind == "bot_token"
    assert ident.attributes["rotation"] is False
    assert "chat:write.customize" in ident.attributes["scopes"]
    assert ident.attributes["install"] == "workspace"
    assert ident.attributes["app_id"] == "A05SALESOPS"
    assert f"fp:{fingerprint('slack_bot_token', DEMO_BOT_TOKEN)}" in ident.aliases
    assert ident.attributes["channels"] == {"public": 2, "private": 3, "mpim": 0, "im": 0}
    assert ident.attributes["private_channels"] == ["deals-war-room", "exec-comp", "sales-team"]
    assert not snap.coverage


def test_unlistable_channel_types_are_coverage(standin: SlackStandIn) -> None:
    token = standin.workspace.tokens[DEMO_BOT_TOKEN]
    token.scopes = [s for s in token.scopes if s not in ("mpim:read", "im:read")]
    try:
        snap = collect(standin)
    finally:
        token.scopes += ["im:read", "mpim:read"]
    # mpim:read and im:read are not granted: said, not silently skipped.
    assert any("mpim (needs mpim:read)" in s.reason for s in snap.coverage)
    assert bot(snap).attributes["unread_channel_types"] == ["mpim", "im"]
    assert DEMO_BOT_TOKEN not in dumps_snapshot(snap)


def test_baseline_reach_and_gap(standin: SlackStandIn) -> None:
    snap = collect(standin)
    assert snap.baseline == f"user:{DEMO_JUNIOR_ID}"
    junior = snap.reach[snap.baseline]
    resources = {c.resource for c in junior}
    assert "private-channel:G06SALESTEAM #sales-team" in resources
    assert "channel:C03RANDOM #random" in resources
    from auditor.reach import compare

    extra = compare(snap.reach[bot(snap).id], junior)
    labels = {c.resource for c in extra if c.resource.startswith("private-channel:")}
    assert labels == {"private-channel:G04DEALS #deals-war-room", "private-channel:G05EXECCOMP #exec-comp"}
    assert any(c.action == "chat:write.customize" for c in extra)
    assert not any(c.action == "chat:write" for c in extra)


def test_baseline_by_email_needs_users_read_email(standin: SlackStandIn) -> None:
    snap = collect(standin, baseline="junior.rep@acme-demo.example")
    assert snap.baseline not in snap.reach
    assert any("users.lookupByEmail" in s.reason and s.category == "access_denied" for s in snap.coverage)


def test_only_read_methods(standin: SlackStandIn) -> None:
    collect(standin)
    called = {r.path.removeprefix("/api/") for r in standin.log}
    assert called <= {"auth.test", "users.info", "bots.info", "users.conversations"}


def test_paging_counts_pages_not_channels(standin: SlackStandIn) -> None:
    extra = [Channel(f"C9{n:05d}", f"chan-{n}", members={"U05SALESOPS"}) for n in range(2500)]
    standin.workspace.channels += extra
    try:
        snap = collect(standin, baseline=None)
    finally:
        del standin.workspace.channels[-2500:]
    assert bot(snap).attributes["channels"]["public"] == 2502
    # 2,505 channels at 999 a page: 3 pages.
    assert standin.count("users.conversations") == 3
    assert snap.requests == len(standin.log)


def test_rate_limit_waits_retry_after(standin: SlackStandIn) -> None:
    standin.inject(
        "users.conversations",
        status=429,
        body={"ok": False, "error": "ratelimited"},
        headers={"Retry-After": "7"},
        times=1,
    )
    snap = collect(standin)
    assert SLEEPS == [7.0]
    assert bot(snap).attributes["channels_known"]
    assert snap.requests == len(standin.log)


def test_rate_limit_that_persists_is_coverage(standin: SlackStandIn) -> None:
    standin.inject(
        "users.conversations",
        status=429,
        body={"ok": False, "error": "ratelimited"},
        headers={"Retry-After": "1"},
        times=-1,
    )
    try:
        snap = collect(standin)
    finally:
        standin.reset()
    hit = [s for s in snap.coverage if "users.conversations" in s.reason]
    assert hit and hit[0].category == "throttled"
    assert bot(snap).attributes["channels_known"] is False
    assert snap.baseline not in snap.reach


def test_user_token_and_rotating_token(standin: SlackStandIn) -> None:
    snap = collect(
        standin, env={"SLACK_BOT_TOKEN": USER_TOKEN, "OTHER": ROTATING}, tokens_env=["OTHER"], baseline=None
    )
    kinds = {i.kind: i for i in snap.identities}
    assert kinds["user_token"].attributes["owner"]["is_admin"] is True
    assert "admin.users:write" in kinds["user_token"].attributes["scopes"]
    assert kinds["bot_token"].attributes["rotation"] is True


def test_bad_and_missing_tokens(standin: SlackStandIn) -> None:
    with pytest.raises(CollectorError, match="no token"):
        collect(standin, env={})
    bad = "xoxb-1-2-" + "z" * 24
    with pytest.raises(CollectorError) as info:
        collect(standin, env={"SLACK_BOT_TOKEN": bad})
    assert "invalid_auth" in str(info.value) and bad not in str(info.value)
    snap = collect(standin, env={"SLACK_BOT_TOKEN": DEMO_BOT_TOKEN, "X": bad}, tokens_env=["X", "MISSING"])
    sources = " ".join(s.source + s.reason for s in snap.coverage)
    assert "MISSING" in sources and "invalid_auth" in sources


def test_scale_requests_grow_with_pages() -> None:
    from tests.standins.slack import scale_workspace

    workspace, token = scale_workspace(2100)
    with SlackStandIn(workspace) as server:
        snap = collect(server, env={"SLACK_BOT_TOKEN": token})
        # auth.test + users.info + bots.info + 3 pages for the bot (2,100) + 1 page for the junior (525).
        assert snap.requests == len(server.log) == 7
    assert bot(snap).attributes["channels"]["private"] == 210


def test_unlisted_channels_are_unread_only_when_they_count_as_reach(standin: SlackStandIn) -> None:
    token = standin.workspace.tokens[DEMO_BOT_TOKEN]
    saved = list(token.scopes)
    try:
        token.scopes = [s for s in saved if s != "im:read"]
        assert collect(standin).complete  # DMs are not reach: a coverage note only
        token.scopes = [s for s in saved if s != "groups:read"]
        snap = collect(standin)
    finally:
        token.scopes = saved
    lost = [u for u in snap.unread if u.part == "channels"]
    assert lost and lost[0].subject == bot(snap).id and lost[0].affects_reach
    assert "private_channel (needs groups:read)" in lost[0].reason


def test_throttled_channels_are_unread_and_long_waits_are_not_waited(standin: SlackStandIn) -> None:
    standin.inject(
        "users.conversations",
        status=429,
        body={"ok": False, "error": "ratelimited"},
        headers={"Retry-After": "3600"},
        times=-1,
    )
    try:
        snap = collect(standin)
        calls = standin.count("users.conversations")
    finally:
        standin.reset()
    assert SLEEPS == []  # an hour's wait becomes throttled coverage at once
    assert calls == 2  # the bot's and the junior's listing, one attempt each
    parts = {(u.part, u.category) for u in snap.unread}
    assert {("channels", "throttled"), ("baseline_channels", "throttled")} <= parts
    assert bot(snap).attributes["channels_known"] is False


def test_refused_extra_token_is_unread(standin: SlackStandIn) -> None:
    bad = "xoxb-9-9-" + "q" * 24
    snap = collect(standin, env={"SLACK_BOT_TOKEN": DEMO_BOT_TOKEN, "X": bad}, tokens_env=["X"])
    lost = [u for u in snap.unread if u.part == "tokens"]
    assert [u.subject for u in lost] == [f"token:{fingerprint('slack_bot_token', bad)}"]
    assert bad not in dumps_snapshot(snap)


def test_spent_budget_is_a_clear_error(standin: SlackStandIn) -> None:
    request = CollectRequest(baseline=DEMO_JUNIOR_ID, settings=standin.settings(), platform_budget=0.0)
    with pytest.raises(CollectorError, match="budget") as info:
        SlackCollector(environ={"SLACK_BOT_TOKEN": DEMO_BOT_TOKEN}, sleep=SLEEPS.append).collect(
            request, clock=FixedClock(NOW), progress=NullProgress()
        )
    assert DEMO_BOT_TOKEN not in str(info.value)
    assert standin.log == []


def test_unreadable_ca_bundle_is_a_clear_error(standin: SlackStandIn) -> None:
    with pytest.raises(CollectorError, match="ca_bundle"):
        collect(standin, ca_bundle="/nonexistent/ca.pem")


def _documented_scopes(page: str) -> list[str]:
    """The scopes a page of docs/collectors/ lists in its ```scopes block: the page a user copies from."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "collectors" / page).read_text(encoding="utf-8")
    block = text.split("```scopes\n", 1)[1].split("```", 1)[0]
    return block.split()


# The documented minimum (docs/collectors/slack.md, "Minimal scopes"): users:read and the four read scopes
# that list channel types. The stand-in refuses each method without its scope, as Slack does.
MINIMAL_SCOPES = _documented_scopes("slack.md")


def test_documented_minimal_scopes_read_everything(standin: SlackStandIn) -> None:
    token = standin.workspace.tokens[DEMO_BOT_TOKEN]
    saved = list(token.scopes)
    token.scopes = list(MINIMAL_SCOPES)
    try:
        snap = collect(standin)
    finally:
        token.scopes = saved
    assert snap.complete, snap.unread
    assert bot(snap).attributes["channels_known"] and bot(snap).attributes["owner"]["is_bot"]
    assert snap.baseline in snap.reach


@pytest.mark.parametrize(
    ("dropped", "part"),
    [("users:read", "token_owner"), ("channels:read", "channels"), ("groups:read", "channels")],
)
def test_each_missing_minimal_scope_is_named(standin: SlackStandIn, dropped: str, part: str) -> None:
    token = standin.workspace.tokens[DEMO_BOT_TOKEN]
    saved = list(token.scopes)
    token.scopes = [s for s in MINIMAL_SCOPES if s != dropped]
    try:
        snap = collect(standin)
    finally:
        token.scopes = saved
    lost = [u for u in snap.unread if u.part == part]
    assert lost and dropped in " ".join(u.reason for u in lost), snap.unread
