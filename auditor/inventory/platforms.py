"""Which platform a credential, setting, reference or MCP server talks to: data tables and lookups."""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.extract.keynames import is_secret_key
from auditor.model import (
    Agent,
    AuthModel,
    Connection,
    FileScan,
    Location,
    Platform,
    ReferenceKind,
    SecretMatch,
    SecretReference,
    Setting,
)

# Credential kind prefixes -> platform, for detectors that do not set one.
_KIND_PLATFORM: tuple[tuple[str, Platform], ...] = (
    ("aws", Platform.AWS),
    ("slack", Platform.SLACK),
    ("github", Platform.GITHUB),
    ("openai", Platform.OPENAI),
    ("anthropic", Platform.ANTHROPIC),
    ("google", Platform.GOOGLE),
    ("gcp", Platform.GOOGLE),
    ("stripe", Platform.STRIPE),
    ("twilio", Platform.TWILIO),
    ("sendgrid", Platform.SENDGRID),
    ("salesforce", Platform.SALESFORCE),
    ("azure", Platform.ENTRA),
    ("entra", Platform.ENTRA),
    ("microsoft", Platform.ENTRA),
    ("vault", Platform.VAULT),
    ("database", Platform.DATABASE),
    ("postgres", Platform.DATABASE),
    ("mysql", Platform.DATABASE),
    ("mongodb", Platform.DATABASE),
    ("redis", Platform.DATABASE),
    ("db_", Platform.DATABASE),
    ("kubernetes", Platform.KUBERNETES),
)
# Words in a setting key (env var name or key path) -> platform. Matched per word, first hit wins.
_KEY_WORDS: tuple[tuple[re.Pattern[str], Platform], ...] = tuple(
    (pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.IGNORECASE), platform)
    for pattern, platform in (
        (r"(^|[._-])(salesforce|sfdc|sf)([._-]|$)", Platform.SALESFORCE),
        (r"microsoftapp|(^|[._-])(azure|entra|msal|aad|msgraph)([._-]|$)", Platform.ENTRA),
        # `graph` names Microsoft Graph (`GRAPH_CLIENT_SECRET`, an appsettings.json `Graph` section), but not
        # as the graph of a flow editor (`dsl.graph.nodes[3].data.name`), of a knowledge-graph database
        # (`GRAPH_DB_PASSWORD`, `graph.uri`, Amazon Neptune's `NEPTUNE_GRAPH_IDENTIFIER`) or a framework's
        # (`langgraph`, `StateGraph`).
        (
            r"^(?!.*(?:(?:^|[._-])graph[._-]?(?:nodes?|edges?|links?|vertex|vertices|db|database|stores?|storage"
            r"|schema|state|uri)(?:[._\[-]|$)|(?:knowledge|neo4j|neptune|lang|state)[._-]?graph))"
            r"(?=.*(?:^|[._-])graph(?:[._-]|$))",
            Platform.ENTRA,
        ),
        (r"(^|[._-])(aws|iam|irsa|boto3?)([._-]|$)|eks\.amazonaws\.com", Platform.AWS),
        (r"(^|[._-])(vault|approle|hvac|bao|openbao)([._-]|$)", Platform.VAULT),
        (r"(^|[._-])slack([._-]|$)", Platform.SLACK),
        (r"(^|[._-])(github|gh)([._-]|$)", Platform.GITHUB),
        (r"(^|[._-])openai([._-]|$)", Platform.OPENAI),
        (r"(^|[._-])(anthropic|claude)([._-]|$)", Platform.ANTHROPIC),
        (r"(^|[._-])(google|gemini|gcp|gdrive|gmail|bigquery)([._-]|$)", Platform.GOOGLE),
        (r"(^|[._-])stripe([._-]|$)", Platform.STRIPE),
        (r"(^|[._-])twilio([._-]|$)", Platform.TWILIO),
        (r"(^|[._-])sendgrid([._-]|$)", Platform.SENDGRID),
        (
            r"(^|[._-])(database|db|datasource|postgres|postgresql|pg|mysql|mariadb|mssql|sql|sqlserver"
            r"|mongo|mongodb|redis|dsn)([._-]|$)",
            Platform.DATABASE,
        ),
        # The same words in camelCase keys (`SqlPassword`, `ConnectionStrings.DbPassword`, `mssqlSaPassword`).
        (
            re.compile(
                r"(?:(?:^|[._-])(?:db|sql|mssql|mariadb|postgres|mysql|mongo|redis)"
                r"|(?:^|[._-]|(?<=[a-z]))(?:Db|Sql|Mssql|Mariadb|Postgres|Mysql|Mongo|Redis))(?=[A-Z0-9._-]|$)"
            ),
            Platform.DATABASE,
        ),
        (r"serviceaccountname|(^|[._-])(kubernetes|k8s)([._-]|$)", Platform.KUBERNETES),
    )
)
# Hosts in setting values (token URLs, instance URLs, endpoints) -> platform.
_VALUE_HOSTS: tuple[tuple[str, Platform], ...] = (
    ("salesforce.com", Platform.SALESFORCE),
    ("force.com", Platform.SALESFORCE),
    ("login.microsoftonline.com", Platform.ENTRA),
    ("graph.microsoft.com", Platform.ENTRA),
    ("amazonaws.com", Platform.AWS),
    ("arn:aws", Platform.AWS),
    ("slack.com", Platform.SLACK),
    ("api.github.com", Platform.GITHUB),
    ("api.openai.com", Platform.OPENAI),
    ("api.anthropic.com", Platform.ANTHROPIC),
    ("googleapis.com", Platform.GOOGLE),
)
# MCP server commands and packages -> platform.
MCP_WORDS: tuple[tuple[str, Platform], ...] = (
    ("github", Platform.GITHUB),
    ("aws", Platform.AWS),
    ("salesforce", Platform.SALESFORCE),
    ("slack", Platform.SLACK),
    ("vault", Platform.VAULT),
    ("azure", Platform.ENTRA),
    ("graph", Platform.ENTRA),
    ("postgres", Platform.DATABASE),
    ("mysql", Platform.DATABASE),
    ("stripe", Platform.STRIPE),
    ("openai", Platform.OPENAI),
    ("gdrive", Platform.GOOGLE),
    ("bigquery", Platform.GOOGLE),
    ("google", Platform.GOOGLE),
    ("kubernetes", Platform.KUBERNETES),
    ("k8s", Platform.KUBERNETES),
)
CODE_PLATFORM = {
    "salesforce": Platform.SALESFORCE,
    "msal": Platform.ENTRA,
    "azure": Platform.ENTRA,
    "aws": Platform.AWS,
    "vault": Platform.VAULT,
    "slack": Platform.SLACK,
    "github": Platform.GITHUB,
    "google": Platform.GOOGLE,
    "openai": Platform.OPENAI,
    "anthropic": Platform.ANTHROPIC,
}


def platform_of_kind(kind: str) -> Platform | None:
    low = kind.lower()
    for prefix, platform in _KIND_PLATFORM:
        if low.startswith(prefix):
            return platform
    return None


def platform_of_secret(secret: SecretMatch) -> Platform | None:
    if secret.platform is not None and secret.platform is not Platform.OTHER:
        return secret.platform
    by_kind = platform_of_kind(secret.kind)
    if by_kind is not None:
        return by_kind
    return platform_of_key(secret.location.key or "") or secret.platform


# Azure services that are not Entra: their keys authenticate to the service, not to the directory.
_AZURE_NOT_ENTRA = re.compile(
    r"azure[._-]?(open_?ai|search|storage|cosmos|service_?bus|blob|ai|cognitive|speech|devops|sql|api[._-]?key"
    # The Functions runtime's storage (`AzureWebJobsStorage`), Event Hubs, SignalR, Cache for Redis, Monitor.
    r"|web_?jobs|event_?hubs?|signal_?r|redis|monitor|app_?insights|application_?insights|communication)",
    re.IGNORECASE,
)
_KEY_VAULT = re.compile(r"(?:key|services|backup)[._-]?vault", re.IGNORECASE)
_AZURE_SQL = re.compile(r"azure[._-]?sql", re.IGNORECASE)
# Azure OpenAI: the OpenAI API under Azure's keys and endpoints, the platform the SDK clients say
# (`AzureOpenAI`, `AzureChatOpenAI` are OpenAI connections).
# `AZURE_API_KEY` is Azure OpenAI's key in LiteLLM and the AI SDK's Azure provider (Entra takes no API key).
_AZURE_OPENAI = re.compile(r"azure[._-]?(open_?ai|api[._-]?key)", re.IGNORECASE)


def platform_of_key(key: str) -> Platform | None:
    if _AZURE_NOT_ENTRA.search(key):
        # An Azure service's own key; Azure SQL's password is a database login's, not the directory's.
        if _AZURE_SQL.search(key):
            return Platform.DATABASE
        return Platform.OPENAI if _AZURE_OPENAI.search(key) else None
    if key.startswith("code."):
        return CODE_PLATFORM.get(key[5:].split(".", 1)[0])
    if _KEY_VAULT.search(key):
        # Azure Key Vault (`keyVaultName`, `AZURE_KEY_VAULT_ENDPOINT`) and Azure's backup vaults
        # (`recoveryServicesVault`, `backupVault`), reached with Entra tokens: not HashiCorp Vault.
        return Platform.ENTRA
    for pattern, platform in _KEY_WORDS:
        if pattern.search(key):
            return platform
    # A camel-case key (`openaiApiKey` in a Helm chart's values, `githubToken`, `slackBotToken`): its humps
    # are word boundaries too.
    split = _CAMEL_HUMP.sub("_", key)
    if split != key:
        for pattern, platform in _KEY_WORDS:
            if pattern.search(split):
                return platform
    return None


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def platform_of_value(value: str) -> Platform | None:
    low = value.lower()
    for host, platform in _VALUE_HOSTS:
        if host in low:
            return platform
    return None


def platform_of_setting(setting: Setting) -> Platform | None:
    return platform_of_key(setting.key) or platform_of_value(setting.value)


def platform_of_reference(ref: SecretReference) -> Platform | None:
    if ref.kind in (
        ReferenceKind.ENV_VAR,
        ReferenceKind.CI_SECRET,
        ReferenceKind.TEMPLATE,
        ReferenceKind.FILE,
        ReferenceKind.PROMPT_INPUT,
        ReferenceKind.ONEPASSWORD,
        ReferenceKind.SOPS,
        ReferenceKind.N8N_CREDENTIAL,
    ):
        return platform_of_key(ref.target) or platform_of_key(ref.location.key or "")
    # A Vault path or a Secrets Manager ARN says where the secret is kept, not what it is for.
    if _AZURE_NOT_ENTRA.search(ref.location.key or ""):
        return None
    return platform_of_key(ref.location.key or "") or ref.platform


_DEPLOYED_DATABASE = "compose.database"  # extract/manifests.py compose_hints


def own_database(agent: Agent, conn: Connection) -> Location | None:
    """Where the agent's compose file deploys the database its `database` connection reaches, when every
    piece of that connection's evidence is in that compose file or in a dotenv file (the application's own
    store: n8n's or Dify's Postgres beside the app, which no user of the agent reaches through it); else None.
    A database login seen anywhere else (the agent's code, a connection string to another host) keeps the
    connection a shared one."""
    if conn.platform is not Platform.DATABASE or not conn.evidence:
        return None
    deployed = [st.location for st in agent.settings if st.key == _DEPLOYED_DATABASE]
    if not deployed:
        return None
    compose_files = {loc.path for loc in deployed}
    for loc in conn.evidence:
        name = loc.path.rsplit("/", 1)[-1]
        if loc.path not in compose_files and not (name.startswith(".env") or name.endswith(".env")):
            return None
    return deployed[0]


# Code that builds a client for a secret store alone (AWS Secrets Manager, SSM Parameter Store, KMS) and
# for no other AWS service (extract/vocabulary.py): the application fetching its own secrets (Flowise's
# encryption key), not a service its users reach through it.
SECRET_STORE_CODE = "code.awssdk.secret_store"
_AWS_SERVICE_CODE = "code.awssdk.service"


class SecretStoreCode:
    """The files whose code builds only a secret store's AWS client, and the AWS credentials they read from
    the environment (`SECRETKEY_AWS_ACCESS_KEY`): that secret store's key, wherever else it is set."""

    def __init__(self, files: Iterable[FileScan]) -> None:
        paths: set[str] = set()
        names: set[str] = set()
        for scan in files:
            keys = {st.key for st in scan.settings}
            if SECRET_STORE_CODE not in keys or _AWS_SERVICE_CODE in keys:
                continue
            paths.add(scan.path)
            names.update(
                ref.target
                for ref in scan.references
                if ref.kind is ReferenceKind.ENV_VAR and platform_of_reference(ref) is Platform.AWS
            )
        self.paths = frozenset(paths)
        self.names = frozenset(names)


def _names_by_line(agent: Agent) -> dict[tuple[str, int], list[str]]:
    """The names an agent's references and settings give each line of its files (a variable a reference
    reads, a setting's key), by (path, line): what a piece of a connection's evidence is about."""
    at: dict[tuple[str, int], list[str]] = {}
    for ref in agent.references:
        at.setdefault((ref.location.path, ref.location.line), []).append(ref.target)
    for st in agent.settings:
        at.setdefault((st.location.path, st.location.line), []).append(st.key)
    return at


def own_secret_store(agent: Agent, conn: Connection, store: SecretStoreCode) -> bool:
    """Whether an agent's `aws` connection is only its key to its own secret store: every piece of evidence
    is in code that builds a secret store's client alone, or sets credentials that such code reads (a compose
    file's `SECRETKEY_AWS_SECRET_KEY=${...}`) beside settings that are no credential (its region, the
    secret's name). Any other AWS credential, any other AWS call, or a list of evidence cut short keeps the
    connection one its users may reach."""
    if conn.platform is not Platform.AWS or not conn.evidence or not store.names:
        return False
    if len(conn.evidence) >= EVIDENCE_KEPT:
        return False
    at = _names_by_line(agent)
    matched = False
    for loc in conn.evidence:
        if loc.path in store.paths:
            matched = True
            continue
        names = at.get((loc.path, loc.line), [])
        if any(name.startswith("code.") for name in names):
            return False
        credentials = {n for n in names if is_secret_key(n.rsplit(".", 1)[-1])}
        if credentials - store.names:
            return False
        matched = matched or bool(credentials)
    return matched


# CI pipeline definitions, build and deployment scripts: a connection seen only there is the pipeline's (a
# release job's registry login, a review bot's model key) or whoever builds or deploys (a Makefile's deploy
# target creating an image pull secret from an ECR token, a `deploy.sh` checking the deployer's AWS keys), not
# how the agent it builds serves its users.
_PIPELINE_FILES = re.compile(
    r"(?:^|/)(?:\.github/workflows/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|azure-pipelines\.ya?ml|"
    r"\.circleci/config\.ya?ml|bitbucket-pipelines\.ya?ml|Jenkinsfile|(?:GNUm|M|m)akefile"
    r"|deploy[\w.-]{0,40}\.(?:sh|bash|ps1))$"
)
# Connection.evidence keeps at most this many locations (inventory/auth.py): a full list may hide others.
EVIDENCE_KEPT = 20


# Folders of the tooling that provisions or deploys an app (`infra/scripts/post-provision/`, `deploy/`), not
# of the app itself.
_TOOLING_FOLDER = re.compile(
    r"(?:^|/)(?:infra|infrastructure|deploy|deployment|provisioning|\.devcontainer)/"
)


def in_tooling(path: str) -> bool:
    """Whether a file is a CI pipeline, a build or deployment script, or under an infrastructure or
    deployment folder: tooling around the app, not the app."""
    return bool(_PIPELINE_FILES.search(path) or _TOOLING_FOLDER.search(path))


def pipeline_only(conn: Connection) -> bool:
    """Whether every location of a connection's evidence is a CI pipeline file, a Makefile or a deployment
    script (and the list is whole)."""
    return (
        bool(conn.evidence)
        and len(conn.evidence) < EVIDENCE_KEPT
        and all(_PIPELINE_FILES.search(loc.path) for loc in conn.evidence)
    )


# A Google API key's own name (`GOOGLE_API_KEY`, `GEMINI_API_KEY`, `apiKey`, `llm.providers.gemini.api_key`).
_API_KEY_NAME = re.compile(r"(?:^|[._-]|(?<=[a-z]))api[_-]?key$", re.IGNORECASE)
_API_KEY_KINDS = frozenset({"google_api_key"})
_NOT_AN_API_KEY = re.compile(
    r"service_account|private_key|refresh|client_secret|oauth|password", re.IGNORECASE
)


def google_api_key_only(agent: Agent, conn: Connection) -> bool:
    """Whether an agent's `google` connection holds nothing but Google API keys (a Gemini or Maps key under
    an `*_API_KEY` name, an `AIza…` key). Google documents an API key as identifying a project, for quota
    and billing, with no principal: it signs in as nobody and reaches no user's or organization's data, as an
    OpenAI key does not. A service account key, an OAuth client or refresh token, a code call, or a list of
    evidence cut short keeps the connection one with an identity whose reach its users share."""
    if conn.platform is not Platform.GOOGLE or conn.auth_model is not AuthModel.STATIC_API_KEY:
        return False
    if not conn.evidence or len(conn.evidence) >= EVIDENCE_KEPT:
        return False
    at = _names_by_line(agent)
    secrets: dict[tuple[str, int], list[SecretMatch]] = {}
    for secret in agent.secrets:
        secrets.setdefault((secret.location.path, secret.location.line), []).append(secret)
    keys = 0
    for loc in conn.evidence:
        where = (loc.path, loc.line)
        for secret in secrets.get(where, ()):
            kind = secret.kind.lower()
            if _NOT_AN_API_KEY.search(kind) or not (
                kind in _API_KEY_KINDS or _API_KEY_NAME.search((secret.location.key or "").rsplit(".", 1)[-1])
            ):
                return False
            keys += 1
        for name in at.get(where, []):
            if name.startswith("code."):
                return False
            last = name.rsplit(".", 1)[-1]
            if _API_KEY_NAME.search(last):
                keys += 1
            elif is_secret_key(last):
                return False
    return keys > 0
