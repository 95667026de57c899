"""A local TLS stand-in for the GitHub REST API (v3) and GraphQL API (v4), following the documented shapes.

REST: bearer auth, `Bad credentials` 401, list endpoints paged with `per_page`/`page` and an RFC 8288 `Link`
header (rel="next", rel="last"), ETag / If-None-Match -> 304, X-OAuth-Scopes on classic and OAuth tokens,
GitHub-Authentication-Token-Expiration when a token expires, X-GitHub-SSO `partial-results` on lists that
leave out organisations the token is not SSO-authorised for, 403 for organisation endpoints a non-owner calls.
GraphQL: a subset of GitHub's public schema (the names botaudit queries), executed by graphql-core, so a query
that names a field GitHub does not have fails here as it would there; errors carry GitHub's `type`.
Faults (rate limits, 5xx) are injected per path with `inject`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from graphql import GraphQLError, build_schema, graphql_sync
from werkzeug.wrappers import Request, Response

from tests.standins.tls import TlsStandIn

PERMS = ("pull", "triage", "push", "maintain", "admin")
_GQL_PERM = {"pull": "READ", "triage": "TRIAGE", "push": "WRITE", "maintain": "MAINTAIN", "admin": "ADMIN"}

SCHEMA_SDL = """
type Query { organization(login: String!): Organization }
type Organization {
  login: String!
  repositories(first: Int, after: String, orderBy: RepositoryOrder): RepositoryConnection!
  membersWithRole(first: Int, after: String): OrganizationMemberConnection!
}
input RepositoryOrder { field: RepositoryOrderField!, direction: OrderDirection! }
enum RepositoryOrderField { CREATED_AT UPDATED_AT PUSHED_AT NAME STARGAZERS }
enum OrderDirection { ASC DESC }
type PageInfo { hasNextPage: Boolean!, hasPreviousPage: Boolean!, endCursor: String, startCursor: String }
type RepositoryConnection { totalCount: Int!, pageInfo: PageInfo!, nodes: [Repository] }
type Repository {
  nameWithOwner: String!
  isArchived: Boolean!
  visibility: RepositoryVisibility!
  defaultBranchRef: Ref
  rulesets(first: Int, includeParents: Boolean): RepositoryRulesetConnection
  collaborators(
    login: String, affiliation: CollaboratorAffiliation, first: Int, after: String
  ): RepositoryCollaboratorConnection
}
enum RepositoryVisibility { PRIVATE PUBLIC INTERNAL }
type Ref { name: String!, branchProtectionRule: BranchProtectionRule }
type BranchProtectionRule {
  requiresApprovingReviews: Boolean!
  requiredApprovingReviewCount: Int
  isAdminEnforced: Boolean!
  allowsForcePushes: Boolean!
}
type RepositoryRulesetConnection { nodes: [RepositoryRuleset] }
type RepositoryRuleset {
  enforcement: RuleEnforcement!
  target: RepositoryRulesetTarget
  conditions: RepositoryRuleConditions!
}
enum RuleEnforcement { ACTIVE DISABLED EVALUATE }
enum RepositoryRulesetTarget { BRANCH TAG PUSH }
type RepositoryRuleConditions { refName: RefNameConditionTarget }
type RefNameConditionTarget { include: [String!]!, exclude: [String!]! }
enum CollaboratorAffiliation { OUTSIDE DIRECT ALL }
type RepositoryCollaboratorConnection { totalCount: Int!, edges: [RepositoryCollaboratorEdge] }
type RepositoryCollaboratorEdge { permission: RepositoryPermission!, node: User! }
enum RepositoryPermission { ADMIN MAINTAIN WRITE TRIAGE READ }
type User { login: String! }
type OrganizationMemberConnection { totalCount: Int!, pageInfo: PageInfo!, edges: [OrganizationMemberEdge] }
type OrganizationMemberEdge { role: OrganizationMemberRole, node: User }
enum OrganizationMemberRole { ADMIN MEMBER }
"""


@dataclass
class Token:
    """A token the stand-in accepts; `kind` follows the prefix, `scopes` only for classic / OAuth tokens."""

    login: str | None
    scopes: list[str] | None = None
    expires: datetime | None = None
    sso_blocked_orgs: set[str] = field(default_factory=set)
    installation_repos: list[str] | None = None


@dataclass
class Repo:
    full_name: str
    private: bool = True
    visibility: str = "private"
    archived: bool = False
    default_branch: str = "main"
    protected: bool = False
    ruleset_default: bool = False
    collaborators: dict[str, str] = field(default_factory=dict)


@dataclass
class Org:
    login: str
    id: int
    base_permission: str = "read"
    members: dict[str, str] = field(default_factory=dict)
    outside: set[str] = field(default_factory=set)
    installations: list[dict[str, Any]] = field(default_factory=list)
    repos: dict[str, Repo] = field(default_factory=dict)


@dataclass
class GitHubWorld:
    """Users, tokens, organisations and repositories; build it with the add_* helpers."""

    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    personal: dict[str, list[Repo]] = field(default_factory=dict)

    def add_user(self, login: str, *, type_: str = "User") -> None:
        self.users[login] = {"login": login, "id": 1000 + len(self.users), "type": type_, "site_admin": False}

    def add_org(self, login: str, **kwargs: Any) -> Org:
        org = Org(login, 9000 + len(self.orgs), **kwargs)
        self.orgs[login] = org
        return org

    def add_repo(self, org: str, name: str, **kwargs: Any) -> Repo:
        repo = Repo(f"{org}/{name}", **kwargs)
        if repo.visibility == "public":
            repo.private = False
        self.orgs[org].repos[repo.full_name] = repo
        return repo

    def permission(self, login: str, org: Org, repo: Repo) -> str | None:
        """A user's effective permission: owners admin, members the base permission, plus direct grants."""
        best: str | None = None
        role = org.members.get(login)
        if role == "admin":
            return "admin"
        if role == "member" and org.base_permission in ("read", "write", "admin"):
            best = {"read": "pull", "write": "push", "admin": "admin"}[org.base_permission]
        direct = repo.collaborators.get(login)
        if direct and (best is None or PERMS.index(direct) > PERMS.index(best)):
            best = direct
        if best is None and not repo.private and role:
            best = "pull"
        return best


def _cursor(n: int) -> str:
    return base64.b64encode(f"cursor:{n}".encode()).decode()


def _offset(after: str | None) -> int:
    if not after:
        return 0
    try:
        return int(base64.b64decode(after).decode().split(":", 1)[1])
    except (ValueError, IndexError) as exc:
        raise GraphQLError(f"`{after}` does not appear to be a valid cursor.") from exc


# Classic scopes that grant organisation reads (GitHub: "read:org", implied by write:org and admin:org).
ORG_READ_SCOPES = frozenset({"read:org", "write:org", "admin:org"})


def has_scope(scopes: list[str] | None, wanted: frozenset[str]) -> bool:
    """Classic / OAuth tokens are limited by their scopes; fine-grained and app tokens (None) are not."""
    return scopes is None or bool(wanted & set(scopes))


class _InsufficientScopes(GraphQLError):
    gh_type = "INSUFFICIENT_SCOPES"


class _Forbidden(GraphQLError):
    gh_type = "FORBIDDEN"


class GitHubStandIn(TlsStandIn):
    """REST at `/api/v3` and GraphQL at `/api/graphql`: the GitHub Enterprise Server layout."""

    def __init__(self, world: GitHubWorld, *, page_size_cap: int = 100, prefix: str = "/api/v3") -> None:
        super().__init__()
        self.world = world
        self.page_size_cap = page_size_cap
        self.prefix = prefix
        self.schema = build_schema(SCHEMA_SDL)
        self._wire_schema()

    @property
    def api_url(self) -> str:
        return self.base + self.prefix

    def settings(self, **extra: Any) -> dict[str, Any]:
        return {"api_url": self.api_url, "ca_bundle": self.ca_bundle, **extra}

    # ----- GraphQL ---
    def _wire_schema(self) -> None:
        fields = self.schema.type_map

        def organization(_root: Any, info: Any, login: str) -> Any:
            org = self.world.orgs.get(login)
            if org is None:
                raise GraphQLError(f"Could not resolve to an Organization with the login of '{login}'.")
            return {"org": org, "caller": info.context["caller"], "scopes": info.context["scopes"]}

        def repositories(parent: Any, _info: Any, first: int = 30, after: str | None = None, **_: Any) -> Any:
            org: Org = parent["org"]
            caller = parent["caller"]
            # As on GitHub, a classic token without `repo` sees public repositories only (no error).
            private_ok = has_scope(parent["scopes"], frozenset({"repo"}))
            visible = sorted(
                (
                    r
                    for r in org.repos.values()
                    if not r.private or (private_ok and self.world.permission(caller, org, r))
                ),
                key=lambda r: r.full_name.lower(),
            )
            start = _offset(after)
            first = min(first, 100)
            page = visible[start : start + first]
            end = start + len(page)
            return {
                "totalCount": len(visible),
                "pageInfo": {
                    "hasNextPage": end < len(visible),
                    "hasPreviousPage": start > 0,
                    "endCursor": _cursor(end) if page else None,
                    "startCursor": _cursor(start) if page else None,
                },
                "nodes": [{"repo": r, "org": org, "caller": caller} for r in page],
            }

        def members(parent: Any, _info: Any, first: int = 30, after: str | None = None) -> Any:
            org: Org = parent["org"]
            if not has_scope(parent["scopes"], ORG_READ_SCOPES):
                raise _InsufficientScopes(
                    "Your token has not been granted the required scopes to execute this query. The "
                    "'membersWithRole' field requires one of the following scopes: ['read:org']."
                )
            if parent["caller"] not in org.members:
                raise _Forbidden("You must be a member of the organization to list its members.")
            everyone = sorted(org.members.items())
            start = _offset(after)
            page = everyone[start : start + min(first, 100)]
            end = start + len(page)
            return {
                "totalCount": len(everyone),
                "pageInfo": {
                    "hasNextPage": end < len(everyone),
                    "hasPreviousPage": start > 0,
                    "endCursor": _cursor(end) if page else None,
                    "startCursor": None,
                },
                "edges": [{"role": role.upper(), "node": {"login": login}} for login, role in page],
            }

        def repo_field(name: str) -> Any:
            def resolve(parent: Any, _info: Any) -> Any:
                repo: Repo = parent["repo"]
                if name == "nameWithOwner":
                    return repo.full_name
                if name == "isArchived":
                    return repo.archived
                if name == "visibility":
                    return repo.visibility.upper()
                if name == "defaultBranchRef":
                    rule = (
                        {
                            "requiresApprovingReviews": True,
                            "requiredApprovingReviewCount": 1,
                            "isAdminEnforced": True,
                            "allowsForcePushes": False,
                        }
                        if repo.protected
                        else None
                    )
                    return {"name": repo.default_branch, "branchProtectionRule": rule}
                return None

            return resolve

        def rulesets(parent: Any, _info: Any, **_: Any) -> Any:
            repo: Repo = parent["repo"]
            if not repo.ruleset_default:
                return {"nodes": []}
            return {
                "nodes": [
                    {
                        "enforcement": "ACTIVE",
                        "target": "BRANCH",
                        "conditions": {"refName": {"include": ["~DEFAULT_BRANCH"], "exclude": []}},
                    }
                ]
            }

        def collaborators(parent: Any, _info: Any, login: str | None = None, **_: Any) -> Any:
            repo: Repo = parent["repo"]
            org: Org = parent["org"]
            caller = parent["caller"]
            caller_perm = self.world.permission(caller, org, repo)
            if caller_perm not in ("push", "maintain", "admin"):
                raise _Forbidden("Must have push access to view repository collaborators.")
            logins = [login] if login else sorted(set(org.members) | set(repo.collaborators))
            edges = []
            for who in logins:
                perm = self.world.permission(who, org, repo)
                if perm:
                    edges.append({"permission": _GQL_PERM[perm], "node": {"login": who}})
            return {"totalCount": len(edges), "edges": edges}

        query_type = fields["Query"]
        query_type.fields["organization"].resolve = organization  # type: ignore[attr-defined]
        org_type = fields["Organization"]
        org_type.fields["repositories"].resolve = repositories  # type: ignore[attr-defined]
        org_type.fields["membersWithRole"].resolve = members  # type: ignore[attr-defined]
        org_type.fields["login"].resolve = lambda p, _i: p["org"].login  # type: ignore[attr-defined]
        repo_type = fields["Repository"]
        for name in ("nameWithOwner", "isArchived", "visibility", "defaultBranchRef"):
            repo_type.fields[name].resolve = repo_field(name)  # type: ignore[attr-defined]
        repo_type.fields["rulesets"].resolve = rulesets  # type: ignore[attr-defined]
        repo_type.fields["collaborators"].resolve = collaborators  # type: ignore[attr-defined]

    def _graphql(self, request: Request, token: Token) -> Response:
        payload = json.loads(request.get_data() or b"{}")
        result = graphql_sync(
            self.schema,
            payload.get("query", ""),
            variable_values=payload.get("variables") or {},
            context_value={"caller": token.login or "", "scopes": token.scopes},
        )
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            body["errors"] = [
                {
                    **e.formatted,
                    "type": getattr(e.original_error, "gh_type", None)
                    or getattr(e, "gh_type", None)
                    or "INVALID",
                }
                for e in result.errors
            ]
        return self.json(200, body)

    # ----- REST ---
    def _token(self, request: Request) -> Token | None:
        auth = request.headers.get("Authorization", "")
        for scheme in ("Bearer ", "token "):
            if auth.startswith(scheme):
                return self.world.tokens.get(auth[len(scheme) :])
        return None

    def _page(self, request: Request, items: list[Any], path: str, wrap: str | None = None) -> Response:
        try:
            per_page = min(int(request.args.get("per_page", "30")), self.page_size_cap)
            page = max(int(request.args.get("page", "1")), 1)
        except ValueError:
            return self.json(422, {"message": "Validation Failed"})
        start = (page - 1) * per_page
        chunk = items[start : start + per_page]
        last = max(1, -(-len(items) // per_page))
        headers: dict[str, str] = {}
        links = []
        args = {k: v for k, v in request.args.items() if k != "page"}
        if page < last:
            links.append(f'<{self.base}{path}?{urlencode({**args, "page": page + 1})}>; rel="next"')
            links.append(f'<{self.base}{path}?{urlencode({**args, "page": last})}>; rel="last"')
        if links:
            headers["Link"] = ", ".join(links)
        body: Any = {"total_count": len(items), wrap: chunk} if wrap else chunk
        return self.json(200, body, headers)

    def _repo_json(self, repo: Repo, perm: str | None) -> dict[str, Any]:
        flags = {p: perm is not None and PERMS.index(p) <= PERMS.index(perm) for p in PERMS}
        return {
            "full_name": repo.full_name,
            "name": repo.full_name.split("/", 1)[1],
            "owner": {"login": repo.full_name.split("/", 1)[0]},
            "private": repo.private,
            "visibility": repo.visibility,
            "archived": repo.archived,
            "default_branch": repo.default_branch,
            "permissions": flags,
        }

    def route(self, request: Request) -> Response:
        token = self._token(request)
        if token is None:
            return self.json(
                401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}
            )
        path = request.path
        if request.method == "POST" and path in ("/api/graphql", "/graphql"):
            return self._graphql(request, token)
        if request.method != "GET":
            return self.json(404, {"message": "Not Found"})
        if not path.startswith(self.prefix):
            return self.json(404, {"message": "Not Found"})
        rest = path[len(self.prefix) :]
        response = self._rest(request, token, rest, path)
        if response.status_code == 200:
            etag = 'W/"' + hashlib.sha256(response.get_data()).hexdigest()[:32] + '"'
            if request.headers.get("If-None-Match") == etag:
                return Response(status=304, headers={"ETag": etag})
            response.headers["ETag"] = etag
        return response

    def _rest(self, request: Request, token: Token, rest: str, path: str) -> Response:
        w = self.world
        if token.login is None and not rest.startswith("/installation/"):
            return self.json(403, {"message": "Resource not accessible by integration"})
        if rest == "/user":
            headers: dict[str, str] = {}
            if token.scopes is not None:
                headers["X-OAuth-Scopes"] = ", ".join(token.scopes)
            if token.expires is not None:
                headers["GitHub-Authentication-Token-Expiration"] = token.expires.strftime(
                    "%Y-%m-%d %H:%M:%S UTC"
                )
            return self.json(200, w.users[token.login or ""], headers)
        if rest == "/installation/repositories":
            if token.installation_repos is None:
                return self.json(403, {"message": "Resource not accessible by personal access token"})
            repos = [
                self._repo_json(org.repos[name], "push")
                for org in w.orgs.values()
                for name in token.installation_repos
                if name in org.repos
            ]
            return self._page(request, repos, path, wrap="repositories")
        login = token.login or ""
        if rest == "/user/memberships/orgs":
            if token.scopes is not None and not {"read:org", "admin:org", "write:org", "user"} & set(
                token.scopes
            ):
                return self.json(
                    403,
                    {
                        "message": "You need at least read:org scope or user scope to list your "
                        "organization memberships."
                    },
                )
            items = [
                {"organization": {"login": o.login, "id": o.id}, "role": o.members[login], "state": "active"}
                for o in sorted(w.orgs.values(), key=lambda o: o.login)
                if login in o.members and o.login not in token.sso_blocked_orgs
            ]
            response = self._page(request, items, path)
            self._sso_header(response, token)
            return response
        if rest == "/user/repos":
            items = []
            for org in sorted(w.orgs.values(), key=lambda o: o.login):
                if org.login in token.sso_blocked_orgs:
                    continue
                for repo in sorted(org.repos.values(), key=lambda r: r.full_name):
                    if repo.private and not has_scope(token.scopes, frozenset({"repo"})):
                        continue  # GitHub leaves private repositories out for a token without `repo`
                    perm = w.permission(login, org, repo)
                    if perm and (login in org.members or login in repo.collaborators):
                        items.append(self._repo_json(repo, perm))
            items += [self._repo_json(r, "admin") for r in w.personal.get(login, [])]
            response = self._page(request, items, path)
            self._sso_header(response, token)
            return response
        parts = rest.strip("/").split("/")
        if len(parts) >= 2 and parts[0] == "orgs" and parts[1] in w.orgs:
            org = w.orgs[parts[1]]
            is_owner = org.members.get(login) == "admin"
            if len(parts) == 2:
                body: dict[str, Any] = {"login": org.login, "id": org.id}
                if is_owner:
                    body["default_repository_permission"] = org.base_permission
                    body["two_factor_requirement_enabled"] = True
                return self.json(200, body)
            if not is_owner:
                return self.json(403, {"message": "Must be an organization owner."})
            if not has_scope(token.scopes, ORG_READ_SCOPES):
                return self.json(
                    403,
                    {"message": "This call needs the read:org scope."},
                    {"X-Accepted-OAuth-Scopes": "admin:org, read:org, write:org"},
                )
            if parts[2] == "outside_collaborators":
                return self._page(request, [{"login": u} for u in sorted(org.outside)], path)
            if parts[2] == "installations":
                return self._page(request, org.installations, path, wrap="installations")
        return self.json(404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"})

    def _sso_header(self, response: Response, token: Token) -> None:
        blocked = [str(self.world.orgs[o].id) for o in sorted(token.sso_blocked_orgs) if o in self.world.orgs]
        if blocked:
            response.headers["X-GitHub-SSO"] = "partial-results; organizations=" + ",".join(blocked)


# ----- the demo organisation (also written to sample_configs/snapshots/github.json) ---
DEMO_ORG = "acme-demo"
DEMO_JUNIOR = "junior-dev"
# The classic PAT in sample_configs/ide-mcp/.cursor/mcp.json: a human engineer's token on the MCP server.
DEMO_MCP_TOKEN = "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"
DEMO_AUDIT_TOKEN = "ghp_" + "A" * 36
DEMO_FINE_GRAINED = "github_pat_" + "B" * 22 + "_" + "C" * 59


def demo_world(now: datetime) -> GitHubWorld:
    """acme-demo: 12 repositories, the junior reads 3 and pushes to 1; dana-eng (whose classic PAT the MCP
    server holds, no expiry, admin:org + delete_repo + workflow) owns the organisation."""
    from datetime import timedelta

    w = GitHubWorld()
    for login in ("dana-eng", "junior-dev", "octo-admin", "release-bot"):
        w.add_user(login)
    org = w.add_org(DEMO_ORG, base_permission="none")
    org.members.update(
        {"dana-eng": "admin", "junior-dev": "member", "octo-admin": "admin", "release-bot": "member"}
    )
    org.outside.add("contractor-sam")
    org.installations.append(
        {
            "id": 41,
            "app_id": 7,
            "app_slug": "deploy-helper",
            "repository_selection": "all",
            "permissions": {"contents": "write", "administration": "write", "metadata": "read"},
        }
    )
    names = [
        "api",
        "billing",
        "docs",
        "handbook",
        "infra",
        "mobile",
        "payments",
        "platform",
        "sdk",
        "web",
        "www",
        "ml-models",
    ]
    for name in names:
        w.add_repo(
            DEMO_ORG,
            name,
            visibility="public" if name in ("docs", "www", "sdk") else "private",
            protected=name in ("api", "payments", "platform"),
            ruleset_default=name == "web",
        )
    org.repos[f"{DEMO_ORG}/handbook"].collaborators["junior-dev"] = "pull"
    org.repos[f"{DEMO_ORG}/docs"].collaborators["junior-dev"] = "push"
    org.repos[f"{DEMO_ORG}/web"].collaborators["junior-dev"] = "pull"
    org.repos[f"{DEMO_ORG}/web"].collaborators["release-bot"] = "push"
    w.tokens[DEMO_MCP_TOKEN] = Token(
        "dana-eng", scopes=["admin:org", "delete_repo", "read:org", "repo", "workflow"]
    )
    w.tokens[DEMO_AUDIT_TOKEN] = Token(
        "octo-admin", scopes=["read:org", "repo"], expires=now + timedelta(days=7)
    )
    w.tokens[DEMO_FINE_GRAINED] = Token("release-bot", expires=now + timedelta(days=30))
    return w


def scale_world(repos: int, members: int, now: datetime) -> tuple[GitHubWorld, dict[str, str]]:
    """bench-org with `repos` repositories and `members` members (the bench scale); returns the world and the
    environment holding an owner's audit token and an agent's classic token."""
    w = GitHubWorld()
    org = w.add_org("bench-org", base_permission="read")
    for n in range(members):
        login = f"member-{n:05d}"
        w.add_user(login)
        org.members[login] = "admin" if n < 5 else "member"
    for login in ("junior-dev", "agent-bot"):
        w.add_user(login)
        org.members[login] = "member"
    for n in range(repos):
        repo = w.add_repo("bench-org", f"repo-{n:05d}", protected=n % 3 == 0)
        if n % 10 == 0:
            repo.collaborators["agent-bot"] = "push"
        if n % 50 == 0:
            repo.collaborators["junior-dev"] = "push"
    audit = "ghp_" + "E" * 36
    agent = "ghp_" + "F" * 36
    w.tokens[audit] = Token("member-00000", scopes=["read:org", "repo"])
    w.tokens[agent] = Token("agent-bot", scopes=["repo", "read:org"])
    return w, {"AUDIT_TOKEN": audit, "AGENT_TOKEN": agent}
