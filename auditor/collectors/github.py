"""GitHub collector: what each configured token is and reaches, and a junior member's reach, read-only.

Per token (from the environment variables named in `collectors.github.tokens_env`, else the audit token):
its type from the documented prefix, owner (`GET /user`), classic scopes (X-OAuth-Scopes), expiry
(GitHub-Authentication-Token-Expiration), SSO authorisation (X-GitHub-SSO), organisation roles and the
repositories it can administer / push to / read (`GET /user/repos`, Link-paged). Per organisation the audit
token can read: repositories with default-branch protection and the junior member's permission (one GraphQL
query per 100 repositories, never one call per repository), members' roles (GraphQL), outside collaborators
and installed apps with their permissions (REST). Tokens stay in memory; the snapshot holds keyed
fingerprints (`fp:` aliases) so a token found in a config joins to its identity without being named.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor.clock import Clock
from auditor.collectors.github_client import EtagCache, GitHubClient, GitHubError
from auditor.collectors.interface import CollectRequest, FoundToken
from auditor.collectors.record import Record
from auditor.collectors.retry import RequestCounter
from auditor.collectors.transport import BoundedSession
from auditor.errors import CollectorError
from auditor.model import (
    AccessLevel,
    Capability,
    Identity,
    Platform,
    PlatformCredential,
    Snapshot,
)
from auditor.progress import ProgressSink
from auditor.redact import DEFAULT_FINGERPRINT_KEY, fingerprint, scrub

DEFAULT_API_URL = "https://api.github.com"
# GitHub logins: letters, digits and hyphens, at most 39 characters (hyphen rules not checked).
LOGIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}")

# Documented token prefixes -> (token type, the detector kind that fingerprints the same value in configs).
TOKEN_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("github_pat_", "fine_grained_pat", "github_fine_grained_pat"),
    ("ghp_", "classic_pat", "github_pat"),
    ("gho_", "oauth_app_token", "github_oauth_token"),
    ("ghu_", "app_user_token", "github_app_token"),
    ("ghs_", "app_installation_token", "github_app_token"),
)
USER_TOKEN_TYPES = frozenset(
    {"classic_pat", "fine_grained_pat", "oauth_app_token", "app_user_token", "legacy_token"}
)
# Token types whose classic OAuth scopes (X-OAuth-Scopes) bound what the token can do.
SCOPED_TYPES = frozenset({"classic_pat", "oauth_app_token", "legacy_token"})

# Repository permission -> (REST `permissions` key, level), most to least powerful. Each level implies the
# ones below it, so capabilities are emitted cumulatively: a junior with `push` then covers a bot's `pull`.
REPO_LEVELS: tuple[tuple[str, AccessLevel], ...] = (
    ("admin", AccessLevel.ADMIN),
    ("maintain", AccessLevel.WRITE),
    ("push", AccessLevel.WRITE),
    ("triage", AccessLevel.READ),
    ("pull", AccessLevel.READ),
)
_GRAPHQL_PERMISSION = {
    "ADMIN": "admin",
    "MAINTAIN": "maintain",
    "WRITE": "push",
    "TRIAGE": "triage",
    "READ": "pull",
}
# Listed per identity in the snapshot; counts carry the rest.
MAX_LISTED = 50

ORG_REPOS_QUERY = """
query BotauditOrgRepos($org: String!, $after: String%(junior_var)s) {
  organization(login: $org) {
    repositories(first: 100, after: $after, orderBy: {field: NAME, direction: ASC}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        nameWithOwner
        isArchived
        visibility
        defaultBranchRef {
          name
          branchProtectionRule {
            requiresApprovingReviews requiredApprovingReviewCount isAdminEnforced allowsForcePushes
          }
        }
        rulesets(first: 20, includeParents: true) {
          nodes { enforcement target conditions { refName { include exclude } } }
        }%(junior_field)s
      }
    }
  }
}
"""
_JUNIOR_FIELD = """
        junior: collaborators(login: $junior, affiliation: ALL, first: 1) { edges { permission } }"""

ORG_MEMBERS_QUERY = """
query BotauditOrgMembers($org: String!, $after: String) {
  organization(login: $org) {
    membersWithRole(first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { role node { login } }
    }
  }
}
"""


def token_type(token: str, env_name: str = "", environ: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(token type, detector kind) from the documented prefix; GITHUB_TOKEN inside Actions is its own type."""
    for prefix, kind, detector_kind in TOKEN_PREFIXES:
        if token.startswith(prefix):
            if (
                kind == "app_installation_token"
                and env_name == "GITHUB_TOKEN"
                and (environ or {}).get("GITHUB_ACTIONS") == "true"
            ):
                return "github_actions_token", detector_kind
            return kind, detector_kind
    # Tokens issued before April 2021 are 40 hex characters with no prefix.
    return "legacy_token", "github_token"


def parse_expiry(value: str | None) -> datetime | None:
    """GitHub-Authentication-Token-Expiration: `2026-12-01 10:00:00 UTC` (or with a numeric offset)."""
    if not value:
        return None
    text = value.strip()
    for fmt in ("%Y-%m-%d %H:%M:%S %Z", "%Y-%m-%d %H:%M:%S %z"):
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def parse_scopes(value: str | None) -> list[str] | None:
    """X-OAuth-Scopes as a sorted list; None when the header is absent (fine-grained and app tokens)."""
    if value is None:
        return None
    return sorted({s.strip() for s in value.split(",") if s.strip()})


def repo_capabilities(full_name: str, permission: str, *, public: bool) -> set[Capability]:
    """Cumulative capabilities for one repository permission (read-only ones dropped on public repos,
    which every GitHub user can read)."""
    names = [name for name, _ in REPO_LEVELS]
    if permission not in names:
        return set()
    out = set()
    for name, level in REPO_LEVELS[names.index(permission) :]:
        if public and level is AccessLevel.READ:
            continue
        out.add(Capability(Platform.GITHUB.value, f"repo:{full_name}", name, level))
    return out


def highest_permission(permissions: Mapping[str, Any] | None) -> str | None:
    """The strongest true flag of a REST `permissions` object ({admin, maintain, push, triage, pull})."""
    if not isinstance(permissions, Mapping):
        return None
    for name, _ in REPO_LEVELS:
        if permissions.get(name):
            return name
    return None


def scope_cap(permission: str, scopes: Sequence[str] | None, *, private: bool) -> str | None:
    """What a classic token can do on a repository its owner holds `permission` on, given its scopes."""
    if scopes is None:
        return permission
    if "repo" in scopes:
        return permission
    if private:
        return None
    if "public_repo" in scopes:
        return permission
    return "pull"


@dataclass
class RepoFacts:
    """What the audit token read about one organisation repository."""

    visibility: str
    archived: bool
    default_branch: str | None
    protected: bool


@dataclass
class OrgView:
    """Everything read about one organisation."""

    login: str
    repos: dict[str, RepoFacts] = field(default_factory=dict)
    junior_permissions: dict[str, str] | None = None
    members: dict[str, str] | None = None
    facts: dict[str, Any] = field(default_factory=dict)


def _ruleset_protects(rulesets: Any, branch: str) -> bool:
    """Whether an active branch ruleset targets the default branch (`~DEFAULT_BRANCH`, `~ALL` or its ref)."""
    nodes = rulesets.get("nodes") if isinstance(rulesets, Mapping) else None
    for node in nodes or ():
        if (
            not isinstance(node, Mapping)
            or node.get("enforcement") != "ACTIVE"
            or node.get("target")
            not in (
                None,
                "BRANCH",
            )
        ):
            continue
        ref = (
            ((node.get("conditions") or {}).get("refName") or {})
            if isinstance(node.get("conditions"), Mapping)
            else {}
        )
        include = ref.get("include") or []
        exclude = ref.get("exclude") or []
        names = {"~DEFAULT_BRANCH", "~ALL", f"refs/heads/{branch}"}
        if names & set(include) and not names & set(exclude) - {"~ALL"}:
            return True
    return False


class GitHubCollector:
    """Reads GitHub (github.com or Enterprise Server) with GET and GraphQL queries only. Never writes."""

    platform = Platform.GITHUB

    def __init__(
        self,
        *,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._environ = environ
        self._sleep = sleep

    def collect(self, request: CollectRequest, *, clock: Clock, progress: ProgressSink) -> Snapshot:
        settings = request.settings
        environ = self._environ if self._environ is not None else os.environ
        api_url = str(settings.get("api_url") or DEFAULT_API_URL).rstrip("/")
        if not api_url.startswith("https://"):
            raise CollectorError(f"github: api_url must be an https URL, got {api_url!r}")
        audit_env = str(settings.get("token_env") or "GITHUB_TOKEN")
        audit_token = environ.get(audit_env, "")
        agent_envs = [str(v) for v in settings.get("tokens_env") or ()]
        agent_tokens = [(name, environ[name]) for name in agent_envs if environ.get(name)]
        coverage = Record("github")
        for name in agent_envs:
            if not environ.get(name):
                # A configured agent token that is not there: its reach is unknown, not empty.
                coverage.lost(
                    f"token {name}", f"environment variable {name} is not set", "not_found", part="tokens"
                )
        found = list(request.found_tokens)
        if not audit_token and not agent_tokens and not found:
            raise CollectorError(f"github: no token (set {audit_env} or collectors.github.tokens_env)")
        secrets = [audit_token, *(t for _, t in agent_tokens), *(t.value for t in found)]
        fp_key = request.fingerprint_key or DEFAULT_FINGERPRINT_KEY
        counter = RequestCounter()
        budget = request.budget()
        session = BoundedSession(budget, verify=settings.get("ca_bundle") or None)
        cache_dir = settings.get("cache_dir")
        cache = EtagCache(Path(str(cache_dir)).expanduser() if cache_dir else None)

        def client(token: str) -> GitHubClient:
            return GitHubClient(
                session,
                api_url,
                token,
                graphql_url=settings.get("graphql_url") or None,
                timeout=request.timeout,
                max_retries=request.max_retries,
                sleep=self._sleep,
                counter=counter,
                cache=cache,
                token_key=fingerprint("github_token", token, fp_key),
                budget=budget,
            )

        progress.start("github", total=None)
        try:
            return self._collect(
                request,
                clock,
                progress,
                client,
                audit_env,
                audit_token,
                agent_tokens,
                coverage,
                fp_key,
                api_url,
                counter,
                environ,
                found,
            )
        except GitHubError as exc:
            raise CollectorError(scrub(f"github: {exc}", secrets)) from None
        finally:
            progress.finish("github")
            session.close()

    def _collect(
        self,
        request: CollectRequest,
        clock: Clock,
        progress: ProgressSink,
        client: Callable[[str], GitHubClient],
        audit_env: str,
        audit_token: str,
        agent_tokens: list[tuple[str, str]],
        coverage: Record,
        fp_key: str,
        api_url: str,
        counter: RequestCounter,
        environ: Mapping[str, str],
        found: Sequence[FoundToken] = (),
    ) -> Snapshot:
        settings = request.settings
        subjects = agent_tokens or ([(audit_env, audit_token)] if audit_token else [])
        audit = client(audit_token) if audit_token else None
        facts: dict[str, Any] = {"api_url": api_url}

        auditor_login: str | None = None
        audit_scopes: list[str] | None = None  # None: not a classic token, or scopes unknown
        audit_error = ""
        if audit is not None:
            try:
                me = audit.get("user")
                auditor_login = str(me.body.get("login"))
                if token_type(audit_token, audit_env, environ)[0] in SCOPED_TYPES:
                    audit_scopes = parse_scopes(me.headers.get("X-OAuth-Scopes"))
            except GitHubError as exc:
                if not agent_tokens:
                    raise GitHubError(
                        exc.status, f"cannot authenticate the audit token {audit_env}: {exc.message}"
                    ) from exc
                coverage.skip("audit token", f"{audit_env}: {exc.message}", exc.category)
                audit_error = f"{audit_env}: {exc.message}"
                audit = None
        facts["auditor"] = auditor_login

        junior = _junior_login(request.baseline)
        baseline_id = f"user:{junior.lower()}" if junior else None
        tokens: list[dict[str, Any]] = []
        for env_name, token in subjects:
            tokens.append(self._introspect(client(token), env_name, token, fp_key, coverage, environ))
            progress.advance("github")
        # Found tokens (--introspect-found): the same read-only calls, once per token (one that is also
        # configured was introspected above), counted and bounded like every other request.
        seen = {str(t["fp"]) for t in tokens}
        for item in found:
            if item.fingerprint in seen:
                continue
            seen.add(item.fingerprint)
            tokens.append(
                self._introspect(client(item.value), "", item.value, fp_key, coverage, environ, found=item)
            )
            progress.advance("github")
        if found:
            facts["found_tokens"] = {
                "introspected": sum(1 for t in tokens if t.get("found_at")),
                "invalid": sorted(str(t["fp"]) for t in tokens if t.get("invalid")),
            }
        # A found token GitHub refused is an answer too (it reaches nothing): not "nothing could be read".
        if not any(t.get("ok") or t.get("invalid") for t in tokens) and audit is None:
            reasons = "; ".join(r for r in (audit_error, *(str(t.get("error") or "") for t in tokens)) if r)
            raise GitHubError(0, f"no token could be read ({reasons})")

        orgs = [str(o) for o in settings.get("orgs") or ()]
        if not orgs:
            orgs = sorted({o for t in tokens for o in t.get("org_roles", {})})
        for org in orgs:
            # Organisation logins go into URL paths: only GitHub's login alphabet, never a path or query.
            if not LOGIN.fullmatch(org):
                raise GitHubError(0, f"collectors.github.orgs: {org!r} is not a GitHub organisation login")
        views: dict[str, OrgView] = {}
        if audit is not None:
            for org in orgs:
                views[org] = _read_org(audit, org, junior, baseline_id, coverage)
                if audit_scopes is not None and "repo" not in audit_scopes:
                    # GitHub answers a classic token without `repo` as if private repositories did not
                    # exist (no error): their protection and the junior's access to them are unknown.
                    coverage.lost(
                        f"org {org}",
                        f"the audit token ({audit_env}) has no repo scope: private repositories are left "
                        "out of GitHub's answers",
                        "access_denied",
                        part="org_repositories",
                        affects_reach=True,
                    )
                progress.advance("github")
        elif orgs:
            coverage.lost(
                "organizations",
                f"no audit token ({audit_env}): organisations not read",
                "not_read",
                part="org_repositories",
                affects_reach=bool(junior),
            )

        identities: list[Identity] = []
        credentials: list[PlatformCredential] = []
        reach: dict[str, frozenset[Capability]] = {}
        for info in tokens:
            if not info.get("ok"):
                continue
            ident, cred, caps = _token_identity(info, views)
            identities.append(ident)
            credentials.append(cred)
            reach[ident.id] = frozenset(caps)

        if junior and baseline_id:
            junior_caps, attrs = _junior_reach(junior, baseline_id, orgs, views, coverage)
            identities.append(
                Identity(Platform.GITHUB, baseline_id, junior, "user", attrs, aliases=(junior,))
            )
            if junior_caps is not None:
                reach[baseline_id] = frozenset(junior_caps)
        facts["organizations"] = {org: view.facts for org, view in sorted(views.items())}
        return Snapshot(
            platform=Platform.GITHUB,
            collected_at=clock.now(),
            source=api_url,
            identities=tuple(identities),
            credentials=tuple(credentials),
            reach=reach,
            baseline=baseline_id,
            coverage=tuple(coverage.coverage),
            facts=facts,
            requests=counter.count,
            unread=tuple(coverage.unread),
        )

    def _introspect(
        self,
        api: GitHubClient,
        env_name: str,
        token: str,
        fp_key: str,
        coverage: Record,
        environ: Mapping[str, str],
        found: FoundToken | None = None,
    ) -> dict[str, Any]:
        kind, detector_kind = token_type(token, env_name, environ)
        # A found token keeps the fingerprint its finding has, so its identity joins that finding.
        fp = found.fingerprint if found else fingerprint(detector_kind, token, fp_key)
        info: dict[str, Any] = {
            "env": None if found else env_name,
            "found_at": found.where if found else None,
            "type": kind,
            "fp": fp,
            "ok": False,
        }
        where = f"token found at {found.where}" if found else f"token {env_name}"
        label = found.where if found else env_name
        subject = f"token:{fp}"

        def failed(call: str, exc: GitHubError) -> dict[str, Any]:
            if found is not None and exc.status == 401:
                coverage.token_refused(where, f"{call}: 401 {exc.message}", "GitHub")
                info["invalid"] = True
            else:
                coverage.lost(where, f"{call}: {exc.message}", exc.category, part="tokens", subject=subject)
            info["error"] = f"{label}: {exc.message}"
            return info

        if kind in ("app_installation_token", "github_actions_token"):
            try:
                repos, _ = api.get_all("installation/repositories", key="repositories")
            except GitHubError as exc:
                return failed("installation/repositories", exc)
            info.update(ok=True, login=None, owner_type="Bot", scopes=None, expires=None, repos=repos)
            info["org_roles"] = {}
            # The repositories are known; what the app may do in them is not (an installation token cannot
            # read its own permissions), so the levels in its reach are a lower bound.
            coverage.lost(
                where,
                "app installation token: its permissions are not readable with the token itself (the "
                "organisation's installed apps list them)",
                "partial",
                part="app_permissions",
                subject=subject,
                affects_reach=True,
            )
            return info
        try:
            answer = api.get("user")
        except GitHubError as exc:
            return failed("GET /user", exc)
        user = answer.body if isinstance(answer.body, Mapping) else {}
        info.update(
            ok=True,
            login=str(user.get("login") or ""),
            user_id=user.get("id"),
            owner_type=str(user.get("type") or "User"),
            site_admin=bool(user.get("site_admin")),
            scopes=parse_scopes(answer.headers.get("X-OAuth-Scopes")) if kind in SCOPED_TYPES else None,
            expires=parse_expiry(answer.headers.get("GitHub-Authentication-Token-Expiration")),
        )
        roles: dict[str, str] = {}
        try:
            memberships, partial = api.get_all("user/memberships/orgs", {"state": "active"})
            for m in memberships:
                org = (m.get("organization") or {}).get("login")
                if org:
                    roles[str(org)] = str(m.get("role") or "member")
            info["sso_unauthorized_orgs"] = list(partial)
        except GitHubError as exc:
            coverage.lost(
                where,
                f"organisation memberships: {exc.message}",
                exc.category,
                part="org_memberships",
                subject=subject,
                affects_reach=True,
            )
            info["org_roles_unknown"] = True
        info["org_roles"] = roles
        try:
            repos, partial = api.get_all(
                "user/repos", {"affiliation": "owner,collaborator,organization_member", "sort": "full_name"}
            )
            info["sso_unauthorized_orgs"] = sorted(set(info.get("sso_unauthorized_orgs", [])) | set(partial))
            info["repos"] = repos
        except GitHubError as exc:
            coverage.lost(
                where,
                f"repositories: {exc.message}",
                exc.category,
                part="repositories",
                subject=subject,
                affects_reach=True,
            )
            info["repos_unknown"] = True
            info["repos"] = []
        if info.get("sso_unauthorized_orgs"):
            coverage.skip(
                where,
                "not SSO-authorised for organisation ids "
                + ", ".join(info["sso_unauthorized_orgs"])
                + ": their repositories are not in this token's reach (authorising it would add them)",
                "sso_required",
            )
        return info


def _junior_login(baseline: Any) -> str | None:
    if isinstance(baseline, str) and baseline.strip():
        return baseline.strip().lstrip("@")
    if isinstance(baseline, Mapping) and baseline.get("login"):
        return str(baseline["login"]).lstrip("@")
    return None


def _read_org(
    api: GitHubClient, org: str, junior: str | None, baseline_id: str | None, coverage: Record
) -> OrgView:
    view = OrgView(org)
    where = f"org {org}"
    try:
        body = api.get(f"orgs/{org}").body
        view.facts["base_permission"] = body.get("default_repository_permission")
        view.facts["two_factor_required"] = body.get("two_factor_requirement_enabled")
    except GitHubError as exc:
        coverage.lost(where, f"organisation settings: {exc.message}", exc.category, part="org_settings")

    query = ORG_REPOS_QUERY % {
        "junior_var": ", $junior: String!" if junior else "",
        "junior_field": _JUNIOR_FIELD if junior else "",
    }
    variables: dict[str, Any] = {"org": org, **({"junior": junior} if junior else {})}
    junior_perms: dict[str, str] | None = {} if junior else None
    junior_denied = ""
    try:
        for conn, errors in api.graphql_pages(query, variables, ("organization", "repositories")):
            nodes = conn.get("nodes") or []
            for node in nodes:
                if not isinstance(node, Mapping) or not node.get("nameWithOwner"):
                    continue
                name = str(node["nameWithOwner"])
                ref = (
                    node.get("defaultBranchRef")
                    if isinstance(node.get("defaultBranchRef"), Mapping)
                    else None
                )
                branch = str(ref["name"]) if ref and ref.get("name") else None
                protected = bool(ref and ref.get("branchProtectionRule")) or (
                    branch is not None and _ruleset_protects(node.get("rulesets"), branch)
                )
                view.repos[name] = RepoFacts(
                    visibility=str(node.get("visibility") or "PRIVATE"),
                    archived=bool(node.get("isArchived")),
                    default_branch=branch,
                    protected=protected,
                )
                if junior_perms is not None:
                    edges = ((node.get("junior") or {}).get("edges") or []) if node.get("junior") else []
                    for edge in edges:
                        perm = _GRAPHQL_PERMISSION.get(str(edge.get("permission")))
                        if perm:
                            junior_perms[name] = perm
            for err in errors:
                if "junior" in [str(p) for p in err.get("path") or ()]:
                    junior_denied = str(err.get("message") or err.get("type") or "denied")[:200]
    except GitHubError as exc:
        # Branch protection and the junior's permissions are unknown for every repository of the org.
        coverage.lost(
            where, f"repositories: {exc.message}", exc.category, part="org_repositories", affects_reach=True
        )
        view.facts["repositories_unknown"] = True
        junior_perms = None
    if junior_denied and junior_perms is not None:
        coverage.lost(
            where,
            f"the junior member's repository permissions: {junior_denied}",
            "access_denied",
            part="baseline_reach",
            subject=baseline_id,
            affects_reach=True,
        )
        junior_perms = None
    view.junior_permissions = junior_perms
    view.facts["repositories"] = len(view.repos)
    view.facts["unprotected_default_branches"] = sum(
        1 for r in view.repos.values() if not r.protected and not r.archived and r.default_branch
    )

    try:
        members: dict[str, str] = {}
        for conn, _errors in api.graphql_pages(
            ORG_MEMBERS_QUERY, {"org": org}, ("organization", "membersWithRole")
        ):
            for edge in conn.get("edges") or []:
                login = ((edge or {}).get("node") or {}).get("login")
                if login:
                    members[str(login)] = "admin" if edge.get("role") == "ADMIN" else "member"
        view.members = members
        admins = sorted(m for m, r in members.items() if r == "admin")
        view.facts["members"] = {"admin": len(admins), "member": len(members) - len(admins)}
        view.facts["admins"] = admins[:MAX_LISTED]
    except GitHubError as exc:
        # The junior's organisation role comes from this list: without it their reach may lack it.
        coverage.lost(
            where,
            f"members and roles: {exc.message}",
            exc.category,
            part="org_members",
            subject=baseline_id,
            affects_reach=baseline_id is not None,
        )

    try:
        outside, _ = api.get_all(f"orgs/{org}/outside_collaborators")
        logins = sorted(str(u.get("login")) for u in outside if u.get("login"))
        view.facts["outside_collaborators"] = {"count": len(logins), "logins": logins[:MAX_LISTED]}
    except GitHubError as exc:
        coverage.lost(
            where, f"outside collaborators: {exc.message}", exc.category, part="outside_collaborators"
        )

    try:
        installs, _ = api.get_all(f"orgs/{org}/installations", key="installations")
        view.facts["installations"] = [
            {
                "app": str(i.get("app_slug") or i.get("app_id")),
                "repository_selection": i.get("repository_selection"),
                "permissions": dict(sorted((i.get("permissions") or {}).items())),
            }
            for i in sorted(installs, key=lambda i: str(i.get("app_slug") or i.get("app_id")))
        ]
    except GitHubError as exc:
        coverage.lost(where, f"installed apps: {exc.message}", exc.category, part="app_installations")
    return view


def _token_identity(
    info: Mapping[str, Any], views: Mapping[str, OrgView]
) -> tuple[Identity, PlatformCredential, set[Capability]]:
    kind = str(info["type"])
    login = info.get("login") or None
    fp = str(info["fp"])
    scopes = info.get("scopes")
    caps: set[Capability] = set()
    push_repos: list[str] = []
    unprotected: list[str] = []
    unknown_protection = 0
    counts = {"admin": 0, "push": 0, "read": 0}
    for repo in info.get("repos") or ():
        name = str(repo.get("full_name") or "")
        if not name:
            continue
        private = bool(repo.get("private")) or str(repo.get("visibility") or "") in ("private", "internal")
        perm = highest_permission(repo.get("permissions")) or "pull"
        capped = scope_cap(perm, scopes, private=private) if kind in SCOPED_TYPES else perm
        if capped is None:
            continue
        caps |= repo_capabilities(name, capped, public=not private)
        counts["admin" if capped == "admin" else "push" if capped in ("maintain", "push") else "read"] += 1
        if capped in ("admin", "maintain", "push") and not repo.get("archived"):
            push_repos.append(name)
            org = name.split("/", 1)[0]
            facts = views[org].repos.get(name) if org in views else None
            if facts is None:
                unknown_protection += 1
            elif not facts.protected and facts.default_branch:
                unprotected.append(name)
    org_roles: Mapping[str, str] = info.get("org_roles") or {}
    for org, role in sorted(org_roles.items()):
        caps.add(Capability(Platform.GITHUB.value, f"org:{org}", "member", AccessLevel.LIST))
        org_admin_scoped = scopes is None or bool({"admin:org", "write:org"} & set(scopes))
        if role == "admin" and org_admin_scoped:
            caps.add(Capability(Platform.GITHUB.value, f"org:{org}", "owner", AccessLevel.ADMIN))
    expires: datetime | None = info.get("expires")
    attributes: dict[str, Any] = {
        "token_type": kind,
        "env": info.get("env"),
        "owner": login,
        "owner_type": info.get("owner_type"),
        "site_admin": bool(info.get("site_admin")),
        "scopes": scopes,
        "scopes_known": scopes is not None or kind not in SCOPED_TYPES,
        "expires": expires.isoformat() if expires else None,
        "org_roles": dict(sorted(org_roles.items())),
        "org_roles_known": not info.get("org_roles_unknown"),
        "sso_unauthorized_orgs": list(info.get("sso_unauthorized_orgs") or []),
        "repositories": counts,
        "repositories_known": not info.get("repos_unknown"),
        "push_repositories": len(push_repos),
        "unprotected_push_repositories": sorted(unprotected)[:MAX_LISTED],
        "unprotected_push_count": len(unprotected),
        "protection_unknown_push_count": unknown_protection,
    }
    if info.get("found_at"):
        attributes["found_at"] = info["found_at"]  # introspected because it was found there
    name = f"{login} ({kind})" if login else f"{kind} {fp[:8]}"
    ident_id = f"token:{fp}"
    aliases = tuple(a for a in (f"fp:{fp}", login) if a)
    ident = Identity(Platform.GITHUB, ident_id, name, kind, attributes, aliases)
    cred = PlatformCredential(
        Platform.GITHUB,
        id=f"token:{fp}",
        identity_id=ident_id,
        kind=kind,
        expires=expires,
        attributes={"scopes": scopes, "owner": login},
    )
    return ident, cred, caps


def _junior_reach(
    junior: str, baseline_id: str, orgs: Sequence[str], views: Mapping[str, OrgView], coverage: Record
) -> tuple[set[Capability] | None, dict[str, Any]]:
    """The junior member's reach in the audited organisations, or None when a part could not be read."""
    caps: set[Capability] = set()
    attrs: dict[str, Any] = {"baseline": True, "organizations": list(orgs)}
    if not views:
        coverage.lost(
            "baseline",
            f"{junior}: no organisation could be read, so no baseline reach",
            "not_read",
            part="baseline_reach",
            subject=baseline_id,
            affects_reach=True,
        )
        return None, attrs
    for org, view in sorted(views.items()):
        if view.junior_permissions is None:
            return None, attrs
        if view.members is not None:
            role = view.members.get(junior)
            if role is None:
                coverage.skip("baseline", f"{junior} is not a member of {org}", "not_found")
            else:
                caps.add(Capability(Platform.GITHUB.value, f"org:{org}", "member", AccessLevel.LIST))
                if role == "admin":
                    caps.add(Capability(Platform.GITHUB.value, f"org:{org}", "owner", AccessLevel.ADMIN))
        for name, perm in view.junior_permissions.items():
            facts = view.repos.get(name)
            caps |= repo_capabilities(name, perm, public=bool(facts and facts.visibility == "PUBLIC"))
    attrs["repositories"] = sum(len(v.junior_permissions or {}) for v in views.values())
    return caps, attrs
