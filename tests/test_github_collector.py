"""GitHub collector against the TLS stand-in: token types, scopes, expiry, SSO, org reads, paging, limits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from auditor.clock import FixedClock
from auditor.collectors.github import GitHubCollector, parse_expiry, token_type
from auditor.collectors.github_client import next_link, sso_partial_orgs, sso_url
from auditor.collectors.interface import CollectRequest
from auditor.errors import CollectorError
from auditor.model import AccessLevel, Snapshot
from auditor.progress import NullProgress
from auditor.redact import fingerprint
from tests.standins.github import (
    DEMO_AUDIT_TOKEN,
    DEMO_FINE_GRAINED,
    DEMO_JUNIOR,
    DEMO_MCP_TOKEN,
    DEMO_ORG,
    GitHubStandIn,
    demo_world,
)

NOW = datetime(2026, 11, 1, tzinfo=UTC)
ENV = {"AUDIT_TOKEN": DEMO_AUDIT_TOKEN, "MCP_TOKEN": DEMO_MCP_TOKEN, "RELEASE_TOKEN": DEMO_FINE_GRAINED}


@pytest.fixture(scope="module")
def standin() -> Iterator[GitHubStandIn]:
    with GitHubStandIn(demo_world(NOW)) as server:
        yield server


@pytest.fixture(autouse=True)
def _clean(standin: GitHubStandIn) -> None:
    standin.reset()


def collect(
    standin: GitHubStandIn,
    env: dict[str, str] | None = None,
    baseline: object = DEMO_JUNIOR,
    **settings: object,
) -> Snapshot:
    base = {"token_env": "AUDIT_TOKEN", "tokens_env": ["MCP_TOKEN", "RELEASE_TOKEN"], **settings}
    request = CollectRequest(baseline=baseline, settings=standin.settings(**base), max_retries=2)
    sleeps: list[float] = []
    snap = GitHubCollector(environ=env if env is not None else ENV, sleep=sleeps.append).collect(
        request, clock=FixedClock(NOW), progress=NullProgress()
    )
    snap.facts  # noqa: B018
    collect.sleeps = sleeps  # type: ignore[attr-defined]
    return snap


def by_owner(snap: Snapshot, login: str):  # type: ignore[no-untyped-def]
    return next(i for i in snap.identities if i.attributes.get("owner") == login)


def test_token_types_follow_documented_prefixes() -> None:
    assert token_type("ghp_x")[0] == "classic_pat"
    assert token_type("github_pat_x")[0] == "fine_grained_pat"
    assert token_type("gho_x")[0] == "oauth_app_token"
    assert token_type("ghu_x")[0] == "app_user_token"
    assert token_type("ghs_x")[0] == "app_installation_token"
    assert token_type("ghs_x", "GITHUB_TOKEN", {"GITHUB_ACTIONS": "true"})[0] == "github_actions_token"
    assert token_type("0123456789abcdef0123456789abcdef01234567")[0] == "legacy_token"


def test_header_parsers() -> None:
    assert parse_expiry("2026-12-01 10:00:00 UTC") == datetime(2026, 12, 1, 10, tzinfo=UTC)
    assert parse_expiry("2026-12-01 10:00:00 +0100") is not None
    assert parse_expiry("garbage") is None
    assert (
        next_link('<https://x/a?page=2>; rel="next", <https://x/a?page=9>; rel="last"')
        == "https://x/a?page=2"
    )
    assert next_link('<https://x/a?page=9>; rel="last"') is None
    assert sso_partial_orgs("partial-results; organizations=21955855,20582480") == ("21955855", "20582480")
    assert sso_url("required; url=https://github.com/orgs/x/sso?authorization_request=1") is not None
    assert sso_url("partial-results; organizations=1") is None


def test_classic_pat_identity_scopes_expiry_and_join_alias(standin: GitHubStandIn) -> None:
    snap = collect(standin)
    dana = by_owner(snap, "dana-eng")
    assert dana.kind == "classic_pat"
    assert dana.attributes["scopes"] == ["admin:org", "delete_repo", "read:org", "repo", "workflow"]
    assert dana.attributes["expires"] is None
    assert f"fp:{fingerprint('github_pat', DEMO_MCP_TOKEN)}" in dana.aliases
    assert dana.attributes["org_roles"] == {DEMO_ORG: "admin"}
    release = by_owner(snap, "release-bot")
    assert release.kind == "fine_grained_pat"
    assert release.attributes["scopes"] is None
    assert release.attributes["expires"].startswith("2026-12-01")
    # No secret in the snapshot.
    from auditor.snapshot import dumps_snapshot

    text = dumps_snapshot(snap)
    for secret in ENV.values():
        assert secret not in text


def test_reach_baseline_and_protection(standin: GitHubStandIn) -> None:
    snap = collect(standin)
    dana = by_owner(snap, "dana-eng")
    caps = snap.reach[dana.id]
    assert any(c.resource == f"org:{DEMO_ORG}" and c.action == "owner" for c in caps)
    admin_repos = {c.resource for c in caps if c.action == "admin"}
    assert len(admin_repos) == 12
    # 12 repos, 3 protected by a rule and 1 by a ruleset: 8 unprotected default branches dana can push to.
    assert dana.attributes["unprotected_push_count"] == 8
    assert f"{DEMO_ORG}/api" not in dana.attributes["unprotected_push_repositories"]
    assert f"{DEMO_ORG}/web" not in dana.attributes["unprotected_push_repositories"]
    assert snap.baseline == f"user:{DEMO_JUNIOR}"
    junior = snap.reach[snap.baseline]
    # Read-only on public repos is everyone's; the junior's push on public docs and private reads count.
    assert {(c.resource, c.action) for c in junior} >= {
        (f"repo:{DEMO_ORG}/docs", "push"),
        (f"repo:{DEMO_ORG}/handbook", "pull"),
        (f"repo:{DEMO_ORG}/web", "pull"),
        (f"org:{DEMO_ORG}", "member"),
    }
    assert not any(c.level is AccessLevel.ADMIN for c in junior)
    org = snap.facts["organizations"][DEMO_ORG]
    assert org["members"] == {"admin": 2, "member": 2}
    assert org["outside_collaborators"]["logins"] == ["contractor-sam"]
    assert org["installations"][0]["permissions"]["administration"] == "write"
    assert org["base_permission"] == "none"


def test_only_reads(standin: GitHubStandIn) -> None:
    collect(standin)
    assert standin.methods <= {"GET", "POST"}
    assert all(r.path.endswith("/graphql") for r in standin.log if r.method == "POST")
    for r in standin.log:
        if r.method == "POST":
            assert b"mutation" not in r.body


def test_paging_counts_pages_not_repositories(standin: GitHubStandIn) -> None:
    standin.page_size_cap = 5
    try:
        snap = collect(standin)
    finally:
        standin.page_size_cap = 100
    assert (
        len({c.resource for c in snap.reach[by_owner(snap, "dana-eng").id] if c.resource.startswith("repo:")})
        == 12
    )
    # dana's /user/repos: 12 repos at 5 a page = 3 pages.
    dana_auth = f"Bearer {DEMO_MCP_TOKEN}"
    assert sum(1 for r in standin.log if r.path.endswith("/user/repos") and r.authorization == dana_auth) == 3
    assert snap.requests == len(standin.log)


def test_conditional_requests_reuse_etags(standin: GitHubStandIn, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = collect(standin, cache_dir=str(tmp_path / "cache"))
    standin.reset()
    second = collect(standin, cache_dir=str(tmp_path / "cache"))
    assert first.reach == second.reach
    assert first.identities == second.identities
    # Every GET of the second run was conditional (If-None-Match); the answers came from the cache on 304.
    gets = [r for r in standin.log if r.method == "GET"]
    assert gets and all(r.conditional for r in gets)


def test_secondary_rate_limit_is_retried_after_retry_after(standin: GitHubStandIn) -> None:
    standin.inject(
        "/user/repos",
        status=403,
        body={"message": "You have exceeded a secondary rate limit."},
        headers={"Retry-After": "3"},
        times=1,
    )
    snap = collect(standin)
    assert collect.sleeps == [3.0]  # type: ignore[attr-defined]
    assert not snap.coverage or all("repositories" not in s.reason for s in snap.coverage)


def test_primary_rate_limit_exhausted_becomes_coverage(standin: GitHubStandIn) -> None:
    standin.inject(
        "/outside_collaborators",
        status=403,
        body={"message": "API rate limit exceeded for user."},
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "0"},
        times=-1,
    )
    try:
        snap = collect(standin)
    finally:
        standin.reset()
    hit = [s for s in snap.coverage if "outside collaborators" in s.reason]
    assert hit and hit[0].category == "throttled"
    assert "outside_collaborators" not in snap.facts["organizations"][DEMO_ORG]


def test_non_owner_audit_token_reports_denied_parts(standin: GitHubStandIn) -> None:
    env = {**ENV, "AUDIT_TOKEN": DEMO_FINE_GRAINED}
    snap = collect(standin, env=env)
    reasons = {s.reason for s in snap.coverage}
    assert any("outside collaborators" in r for r in reasons)
    assert any("installed apps" in r for r in reasons)
    assert any("junior member's repository permissions" in r for r in reasons)
    # No baseline reach when it could not be read: no gap rather than a false zero.
    assert snap.baseline not in snap.reach


def test_sso_unauthorised_org_is_reported(standin: GitHubStandIn) -> None:
    standin.world.tokens[DEMO_MCP_TOKEN].sso_blocked_orgs.add(DEMO_ORG)
    try:
        snap = collect(standin, orgs=[DEMO_ORG])
    finally:
        standin.world.tokens[DEMO_MCP_TOKEN].sso_blocked_orgs.clear()
    dana = by_owner(snap, "dana-eng")
    assert dana.attributes["sso_unauthorized_orgs"] == [str(standin.world.orgs[DEMO_ORG].id)]
    assert any(s.category == "sso_required" for s in snap.coverage)


def test_scope_cap_limits_classic_token_reach(standin: GitHubStandIn) -> None:
    token = "ghp_" + "D" * 36
    from tests.standins.github import Token

    standin.world.tokens[token] = Token("dana-eng", scopes=["public_repo", "read:org"])
    try:
        snap = collect(standin, env={**ENV, "MCP_TOKEN": token}, tokens_env=["MCP_TOKEN"])
    finally:
        del standin.world.tokens[token]
    caps = snap.reach[by_owner(snap, "dana-eng").id]
    repos = {c.resource for c in caps if c.resource.startswith("repo:")}
    assert repos == {f"repo:{DEMO_ORG}/{n}" for n in ("docs", "sdk", "www")}
    assert not any(c.action == "owner" for c in caps)


def test_bad_token_and_no_token_are_clear_errors(standin: GitHubStandIn) -> None:
    with pytest.raises(CollectorError, match="no token"):
        collect(standin, env={})
    bad = "ghp_" + "Z" * 36
    with pytest.raises(CollectorError) as info:
        collect(standin, env={"AUDIT_TOKEN": bad}, tokens_env=[])
    assert bad not in str(info.value)
    assert "Bad credentials" in str(info.value)


def test_missing_agent_token_env_is_coverage(standin: GitHubStandIn) -> None:
    snap = collect(standin, tokens_env=["MCP_TOKEN", "NOPE_TOKEN"])
    assert any("NOPE_TOKEN" in s.source for s in snap.coverage)


def test_http_api_url_refused(standin: GitHubStandIn) -> None:
    with pytest.raises(CollectorError, match="https"):
        collect(standin, api_url="http://127.0.0.1:1/api/v3")


def test_scale_requests_grow_with_pages_never_per_repository() -> None:
    from tests.standins.github import scale_world

    world, env = scale_world(250, 150, NOW)
    with GitHubStandIn(world) as server:
        request = CollectRequest(
            baseline="junior-dev",
            settings=server.settings(token_env="AUDIT_TOKEN", tokens_env=["AGENT_TOKEN"], orgs=["bench-org"]),
        )
        snap = GitHubCollector(environ=env).collect(request, clock=FixedClock(NOW), progress=NullProgress())
        paths = [r.path for r in server.log]
    # /user x2, memberships 1, /user/repos 3 pages; org 1, outside 1, installations 1;
    # GraphQL: repositories 3 pages, members (152) 2 pages.
    assert snap.requests == len(paths) == 14
    assert not any("/repos/" in p for p in paths)
    agent = next(i for i in snap.identities if i.kind == "classic_pat")
    assert agent.attributes["push_repositories"] == 25
    assert agent.attributes["unprotected_push_count"] == 16


def test_denied_parts_are_unread_not_empty(standin: GitHubStandIn) -> None:
    # A fine-grained token without org admin: org reads are denied, so those parts are unknown (partial).
    snap = collect(standin, env={**ENV, "AUDIT_TOKEN": DEMO_FINE_GRAINED})
    parts = {u.part: u for u in snap.unread}
    assert {"outside_collaborators", "app_installations", "baseline_reach"} <= set(parts)
    assert parts["baseline_reach"].subject == snap.baseline and parts["baseline_reach"].affects_reach
    assert not snap.complete
    # The owner's audit token reads everything: a complete snapshot.
    assert collect(standin).complete


def test_missing_and_refused_agent_tokens_are_unread(standin: GitHubStandIn) -> None:
    bad = "ghp_" + "Y" * 36
    snap = collect(
        standin, env={**ENV, "RELEASE_TOKEN": bad}, tokens_env=["MCP_TOKEN", "RELEASE_TOKEN", "NOPE"]
    )
    tokens = [u for u in snap.unread if u.part == "tokens"]
    assert len(tokens) == 2
    refused = next(u for u in tokens if u.subject)
    assert refused.subject == f"token:{fingerprint('github_pat', bad)}"
    assert all(bad not in u.reason for u in snap.unread)


def test_primary_limit_resetting_later_than_max_wait_is_not_waited_for(standin: GitHubStandIn) -> None:
    reset = str(int(datetime.now(UTC).timestamp()) + 3600)
    standin.inject(
        "/outside_collaborators",
        status=403,
        body={"message": "API rate limit exceeded for user."},
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset},
        times=-1,
    )
    try:
        snap = collect(standin)
        hits = standin.count("/outside_collaborators")
    finally:
        standin.reset()
    assert collect.sleeps == []  # type: ignore[attr-defined]
    assert hits == 1  # given up at once: an hour's wait is throttled coverage, not a stalled audit
    lost = next(u for u in snap.unread if u.part == "outside_collaborators")
    assert lost.category == "throttled"


def test_secondary_limit_with_http_date_retry_after(standin: GitHubStandIn) -> None:
    standin.inject(
        "/user/memberships/orgs",
        status=429,
        body={"message": "You have exceeded a secondary rate limit."},
        headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"},  # in the past: retry at once
        times=1,
    )
    snap = collect(standin)
    assert collect.sleeps[:1] == [0.0]  # type: ignore[attr-defined]
    assert snap.complete


def test_spent_budget_is_a_clear_error_not_a_hang(standin: GitHubStandIn) -> None:
    request = CollectRequest(
        baseline=DEMO_JUNIOR,
        settings=standin.settings(token_env="AUDIT_TOKEN", tokens_env=["MCP_TOKEN"]),
        platform_budget=0.0,
    )
    with pytest.raises(CollectorError, match="budget") as info:
        GitHubCollector(environ=ENV, sleep=lambda _s: None).collect(
            request, clock=FixedClock(NOW), progress=NullProgress()
        )
    assert DEMO_AUDIT_TOKEN not in str(info.value)
    assert standin.log == []  # no request starts once the budget is spent


def _documented_scopes(page: str) -> list[str]:
    """The scopes a page of docs/collectors/ lists in its ```scopes block: the page a user copies from."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "collectors" / page).read_text(encoding="utf-8")
    block = text.split("```scopes\n", 1)[1].split("```", 1)[0]
    return block.split()


# The audit token's documented minimum (docs/collectors/github.md, "Minimal permissions"): an organisation
# owner's classic token with read:org and repo. The stand-in grants calls by classic scope as GitHub does.
MINIMAL_AUDIT_SCOPES = _documented_scopes("github.md")


def _with_audit_scopes(standin: GitHubStandIn, scopes: list[str]) -> Snapshot:
    token = standin.world.tokens[DEMO_AUDIT_TOKEN]
    saved = token.scopes
    token.scopes = scopes
    try:
        return collect(standin)
    finally:
        token.scopes = saved


def test_documented_minimal_audit_scopes_read_everything(standin: GitHubStandIn) -> None:
    snap = _with_audit_scopes(standin, MINIMAL_AUDIT_SCOPES)
    assert snap.complete, snap.unread
    assert snap.baseline in snap.reach
    org = snap.facts["organizations"][DEMO_ORG]
    assert org["repositories"] == 12 and org["outside_collaborators"]["count"] == 1
    assert standin.methods <= {"GET", "POST"}
    posts = [r for r in standin.log if r.method == "POST"]
    assert posts and all(r.path.endswith("/graphql") and b"mutation" not in r.body for r in posts)


@pytest.mark.parametrize(
    ("dropped", "parts"),
    [
        ("read:org", {"org_members", "outside_collaborators", "app_installations"}),
        ("repo", {"org_repositories"}),
    ],
)
def test_each_missing_minimal_scope_is_an_unread_part(
    standin: GitHubStandIn, dropped: str, parts: set[str]
) -> None:
    snap = _with_audit_scopes(standin, [s for s in MINIMAL_AUDIT_SCOPES if s != dropped])
    assert parts <= {u.part for u in snap.unread}, snap.unread
    assert not snap.complete
    if dropped == "repo":
        # Said plainly: GitHub's answers silently leave private repositories out.
        assert any("no repo scope" in u.reason for u in snap.unread)


def test_etag_cache_files_are_private(standin: GitHubStandIn, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    collect(standin, cache_dir=str(cache))
    files = list(cache.iterdir())
    assert files and all(f.stat().st_mode & 0o077 == 0 for f in files)
    assert cache.stat().st_mode & 0o077 == 0
    assert all(DEMO_AUDIT_TOKEN not in f.read_text(encoding="utf-8") for f in files)


def test_organisation_names_are_logins_not_paths(standin: GitHubStandIn) -> None:
    with pytest.raises(CollectorError, match="not a GitHub organisation login"):
        collect(standin, orgs=["../../user/keys"])
    assert not any("keys" in r.path for r in standin.log)
