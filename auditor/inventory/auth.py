"""Auth-model inference: per agent and platform, the evidence (tags with notes and locations) and the
DESIGN section 4 model it decides, with the reason shown in reports."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from auditor.extract import bedrock
from auditor.extract.formats import classify, in_test_path
from auditor.extract.keynames import is_secret_key, key_tokens
from auditor.extract.references import names_service_key
from auditor.extract.values import ValueClass, classify_value
from auditor.inventory import azure_params
from auditor.inventory.join import hint_first, hint_location
from auditor.inventory.kinds import CI_KINDS, KIND_OF_MANIFEST, MCP, MCP_PACKAGE
from auditor.inventory.paths import loc_key
from auditor.inventory.platforms import (
    CODE_PLATFORM,
    EVIDENCE_KEPT,
    MCP_WORDS,
    in_tooling,
    platform_of_key,
    platform_of_kind,
    platform_of_reference,
    platform_of_secret,
    platform_of_setting,
    platform_of_value,
)
from auditor.inventory.signin import calls_entra_as_itself, sign_in_location
from auditor.model import (
    Agent,
    AuthModel,
    Connection,
    Location,
    ManifestHint,
    Platform,
    ReferenceKind,
    SecretContext,
    SecretMatch,
    SortKey,
)

_NOT_IDENTITIES = frozenset({ValueClass.PLACEHOLDER, ValueClass.REFERENCE, ValueClass.EXAMPLE})
_EMAIL = re.compile(r"^[^@\s<>{}$]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def names_identity(hint: str) -> bool:
    """A placeholder (`YOUR_CLIENT_ID`) or a pointer (`${CLIENT_ID}`) names no identity. An e-mail address on
    a reserved domain (`ops@acme.example`) still does: test estates and demos use them for real accounts."""
    verdict = classify_value(hint)
    if verdict is ValueClass.PLACEHOLDER and _EMAIL.match(hint.strip()):
        return True
    return verdict not in _NOT_IDENTITIES


@dataclass
class _Evidence:
    """What one agent shows about one platform."""

    tags: dict[str, list[Location]] = field(default_factory=lambda: defaultdict(list))
    hints: list[str] = field(default_factory=list)
    # Hints read from a document's structure (a Bedrock agent's `!GetAtt Role.Arn`), not from a value someone
    # typed: the placeholder test does not apply (`examples/…/template/AgentRole` is a path, not an example).
    structural: set[str] = field(default_factory=set)
    fingerprints: list[str] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, tag: str, location: Location, note: str = "") -> None:
        self.tags[tag].append(location)
        if note and note not in self.notes[tag]:
            self.notes[tag].append(note)

    def all_locations(self) -> tuple[Location, ...]:
        return tuple(sorted({loc for locs in self.tags.values() for loc in locs}, key=loc_key))


_PERSONAL_KINDS = re.compile(
    r"(slack_user|xoxp|github_pat|github_personal|github_fine|github_oauth|gho|ghu|"
    r"personal)",
    re.IGNORECASE,
)
_STATIC_KINDS = re.compile(
    r"(aws_access_key|aws_secret|api_key|apikey|bot_token|xoxb|vault_token|session|"
    r"stripe|twilio|sendgrid|openai|anthropic|google|token)",
    re.IGNORECASE,
)
_DYNAMIC_PATH = re.compile(r"\b[\w-]{1,256}/creds/[\w./-]{1,256}")
# Vault engines that lease another platform's credentials: a database login made for the lease
# (`database/creds/<role>`, also under a mount named `<app>-database`), AWS keys or an STS session
# (`aws/creds/<role>`, `aws/sts/<role>`). The agent reaches that platform with short-lived credentials too.
_LEASED_PATH = re.compile(r"\b(database|aws)/(?:creds|sts)/")
_LEASED_PLATFORM = {"database": Platform.DATABASE, "aws": Platform.AWS}
_LEASED_CODE = {"vault.leased_database": Platform.DATABASE, "vault.leased_aws": Platform.AWS}
# Spring Cloud Vault's database and AWS backends (`spring.cloud.vault.database.role: <role>`): the app's
# datasource or AWS client gets the leased credentials.
_LEASED_SETTING = re.compile(r"(?:^|\.)vault\.(database|aws)\.role$", re.IGNORECASE)
_BOUNDED_TTL = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.IGNORECASE)
_TTL_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def ttl_seconds(value: str) -> int | None:
    """Seconds from a Vault-style duration (`3600`, `15m`, `1h`, `24h`); None when not a duration."""
    value = value.strip().lower()
    total = 0
    matched = False
    for number, unit in re.findall(r"(\d+)\s*([smhd]?)", value):
        total += int(number) * _TTL_UNITS[unit]
        matched = True
    if not matched or re.sub(r"[\d\s smhd]", "", value):
        return None
    return total


def _classify_secret(secret: SecretMatch, ev: _Evidence) -> None:
    kind = secret.kind.lower()
    loc = secret.location
    label = (loc.key or "").rsplit(".", 1)[-1]
    label = f"{label} ({secret.kind})" if label else secret.kind
    if _PERSONAL_KINDS.search(kind) or _PERSONAL_KINDS.search(secret.detector_id):
        ev.add("personal_token", loc, f"a personal token {label} at {loc.path}:{loc.line}")
    elif "password" in kind or "security_token" in kind:
        ev.add("password", loc, f"{label} at {loc.path}:{loc.line}")
    elif "client_secret" in kind or "azure" in kind or "consumer_secret" in kind or "secret_id" in kind:
        ev.add("client_secret", loc, f"client secret {label} at {loc.path}:{loc.line}")
    elif "private_key" in kind or "certificate" in kind or kind.startswith("pem"):
        ev.add("certificate", loc, f"a private key at {loc.path}:{loc.line}")
    elif "refresh" in kind:
        ev.add("refresh_token", loc, f"a refresh token at {loc.path}:{loc.line}")
    elif _STATIC_KINDS.search(kind) or kind.startswith("aws"):
        ev.add("static_key", loc, f"static {label} at {loc.path}:{loc.line}")
    else:
        ev.add("static_key", loc, f"inline {label} at {loc.path}:{loc.line}")
    ev.fingerprints.append(secret.fingerprint)
    if secret.identifier:
        ev.hints.append(secret.identifier)


# Words a credential's name holds beside its credential word without naming a service of its own.
_GENERIC_NAME_WORDS = frozenset(
    {
        "api", "key", "keys", "token", "secret", "access", "auth", "bearer", "session", "private", "signing",
        "master", "shared", "primary", "secondary", "default", "my", "bot", "app", "application", "agent",
        "client", "service", "server", "user", "admin", "account", "integration", "webhook", "oauth",
        "prod", "production", "dev", "development", "staging", "stage", "test", "live", "local", "mcp",
        "cli", "sdk", "ci", "deploy", "read", "write", "readonly", "org", "team", "workspace", "tenant",
        "project", "env", "environment", "ad",
    }
)  # fmt: skip


_SF_CLI_ORGS = frozenset({"--orgs", "--target-org"})


def _foreign_words(name: str, platform: Platform) -> Iterator[str]:
    """The words of a credential's name that name something other than `platform`: not a generic word, not
    a credential word itself (`secretkey`, `accesstoken`), not one of the platform's own."""
    return (
        w
        for w in key_tokens(name)
        if len(w) > 1
        and w not in _GENERIC_NAME_WORDS
        and not is_secret_key(w)
        and platform_of_key(w) is not platform
        and platform_of_kind(w) is not platform
    )


def _names_another_service(name: str, platform: Platform) -> bool:
    """Whether a credential's name names a service other than `platform` (`LuisAPIKey`, `QnAEndpointKey`,
    `CognitiveServicesKey`, `AZURE_SEARCH_API_KEY` beside a bot's Entra app): the key authenticates to that
    service, and says nothing of how the agent reaches `platform`, the one its file talks to. A name that as
    a whole names `platform` does not (`AZURE_OPENAI_KEY` is OpenAI's, though `azure` alone names Entra)."""
    if platform_of_key(name) is platform:
        return False
    return any(_foreign_words(name, platform))


# Words of the directory and of a person's login that name no platform of their own.
_LOGIN_WORDS = frozenset({"ad", "ms", "login", "username", "pass", "sp", "spn", "principal"})


def _names_an_azure_resource(name: str) -> bool:
    """Whether an Azure-named credential names something besides the directory and a login (`AZURE_ENV_VM_
    ADMIN_PASSWORD`: a virtual machine's local administrator; `AZURE_POSTGRES_PASSWORD`: a database's)."""
    return any(w not in _LOGIN_WORDS for w in _foreign_words(name, Platform.ENTRA))


_REGISTRY_LOGIN = re.compile(
    r"(^|_)(DOCKER|DOCKERHUB|DOCKER_HUB|CONTAINER_REGISTRY|REGISTRY|ACR|QUAY|HARBOR)_"
)


def _classify_name(
    name: str, value: str, loc: Location, ev: _Evidence, platform: Platform, *, ref: bool = False
) -> None:
    """Tags from a setting or env var name (and its non-secret value)."""
    up = name.upper().replace(".", "_").replace("-", "_")
    if _REGISTRY_LOGIN.search(up):
        # `DOCKER_PASSWORD`, `container-registry-password`, `ACR_PASSWORD`: the login that pulls or pushes the
        # agent's image, a container registry's, not how the agent reaches any platform it acts on.
        return
    low_value = value.lower()
    where = f"{loc.path}:{loc.line}"
    last = up.rsplit("_", 1)[-1] if "_" in up else up
    app_password = bool(re.search(r"APP_?PASSWORD|BOT_?PASSWORD", up))
    if (
        re.search(r"PASSWORD|PASSWD", up)
        and not app_password
        and not re.search(r"POLICY|RESET|_FILE$|_PATH$", up)
        # `AZURE_ENV_VM_ADMIN_PASSWORD`, `AZURE_POSTGRES_PASSWORD`: a machine's or a database's login under
        # an Azure name, not a user's login to the directory.
        and not (platform is Platform.ENTRA and _names_an_azure_resource(name))
    ):
        ev.add("password", loc, f"{name} set ({where})")
    # A value that points into a secret store (an ARN, a Key Vault URI) says where the key is kept; the
    # platform it names is the store's, so the name says nothing about how that platform is reached.
    stored = bool(value) and classify_value(value) is ValueClass.REFERENCE
    if stored:
        pass
    elif re.search(r"(^|_)PAT($|_)|PERSONAL_?ACCESS_?TOKEN", up):
        ev.add("personal_token", loc, f"{name}: a named person's access token ({where})")
    elif platform is Platform.SLACK and re.search(r"XOX[PCD]|USER_?TOKEN", up):
        # A Slack user token (xoxp-) acts as the person who authorized it; xoxc-/xoxd- are a person's browser
        # session, lifted from their logged-in client.
        ev.add("personal_token", loc, f"{name}: a person's Slack user token or browser session ({where})")
    elif up.endswith("CLAUDE_CODE_OAUTH_TOKEN"):
        # `claude setup-token`'s long-lived token signs in as the person whose Claude subscription made it.
        ev.add("personal_token", loc, f"{name}: a person's Claude subscription token ({where})")
    elif (
        (re.search(r"(API_?KEY|APIKEY|SECRET_?KEY|TOKEN)$", up) or names_service_key(name))
        and not re.search(
            r"SECURITY_?TOKEN$|REFRESH_?TOKEN$|ID_?TOKEN$|^GITHUB_TOKEN$|^GH_TOKEN$|VAULT_TOKEN$|^TOKEN$", up
        )
        # An STS session token is the short-lived part of temporary credentials, never a long-lived key.
        and not (platform is Platform.AWS and up.endswith("SESSION_TOKEN"))
        and not _names_another_service(name, platform)
    ):
        ev.add("static_key", loc, f"{name}: a long-lived key or token ({where})")
    if "SECURITY_TOKEN" in up:
        ev.add("password", loc, f"{name} set ({where})")
    if re.search(r"GRANT_?TYPE", up) or "grant-type" in low_value:
        if low_value == "password":
            ev.add("password_grant", loc, f"OAuth password grant ({where})")
        elif "jwt-bearer" in low_value:
            ev.add("jwt_bearer", loc, f"JWT bearer grant ({where})")
        elif "client_credentials" in low_value:
            ev.add("client_credentials", loc, f"client credentials grant ({where})")
        elif low_value == "implicit":
            ev.add("implicit_grant", loc, f"implicit grant ({where})")
        elif "authorization_code" in low_value:
            ev.add("auth_code", loc, f"authorization code grant ({where})")
        elif "on_behalf_of" in low_value or low_value == "obo":
            ev.add("obo", loc, f"On-Behalf-Of ({where})")
    if re.search(r"RESPONSE_?TYPE", up) and low_value == "token":
        ev.add("implicit_grant", loc, f"implicit grant response_type=token ({where})")
    if re.search(r"PKCE|CODE_?CHALLENGE", up) and low_value not in (
        "false",
        "0",
        "no",
        "off",
        "none",
        "disabled",
    ):
        ev.add("pkce", loc, f"PKCE ({where})")
    if re.search(r"CLIENT_?SECRET|CONSUMER_?SECRET", up) or app_password and (value or ref):
        # An empty MicrosoftAppPassword is no secret at all (a managed identity, or not configured yet).
        ev.add("client_secret", loc, f"{name} set ({where})")
    if re.search(
        r"CLIENT_?CERTIFICATE|CERT_?PATH|CERTIFICATE_?PATH|THUMBPRINT|PRIVATE_?KEY_?(FILE|PATH)|"
        r"KEY_?FILE|JWT_?KEY|(^|_)JWT($|_)",
        up,
    ) and not re.search(r"(^|_)(SSL|TLS|HTTPS)_", up):
        # (`SSL_KEY_FILE`, `HTTPS_CERT_PATH`: the key of the app's own HTTPS server, no sign-in to anything.)
        ev.add("certificate", loc, f"{name} set ({where})")
    if platform is Platform.AWS and re.search(r"AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|ACCESS_KEY_ID", up):
        ev.add("static_key", loc, f"{name} set ({where})")
    if re.search(r"ROLE_?ARN|ROLE-ARN|ASSUME_?ROLE", up) or "eks.amazonaws.com/role-arn" in name.lower():
        ev.add("role", loc, f"IAM role {value or name} ({where})")
        if value.startswith("arn:aws"):
            ev.hints.insert(0, value)
    if re.search(r"WEB_?IDENTITY|MANAGED_?IDENTITY|WORKLOAD_?IDENTITY|FEDERATED_?TOKEN", up) or (
        "azure.workload.identity" in name.lower()
    ):
        ev.add("role", loc, f"workload identity ({where})")
    if platform is Platform.VAULT:
        if re.search(r"APPROLE|ROLE_?ID|SECRET_?ID", up) or "approle" in low_value:
            ev.add("approle", loc, f"Vault AppRole ({where})")
        if re.search(r"/CREDS/", value.upper()) or re.search(r"(database|aws|gcp|azure)/creds/", low_value):
            ev.add("dynamic_secret", loc, f"Vault dynamic secret {value} ({where})")
        if re.search(r"TOKEN_?TTL|TOKEN_?MAX_?TTL|SECRET_?ID_?TTL", up) and last not in ("FILE", "PATH"):
            seconds = ttl_seconds(value) if value else None
            tag = "ttl_bounded" if seconds else "ttl_unbounded" if seconds == 0 else ""
            if tag:
                ev.add(tag, loc, f"{name}={value} ({where})")
        if re.search(r"ROLE_?NAME$|^VAULT_ROLE$|APPROLE_ROLE$|_ROLE$", up) and value and "/" not in value:
            ev.hints.append(value)
        if re.search(r"ROLE_?ID$", up) and value:
            # An AppRole role id names the role too; a role name, when also set, stays first.
            ev.hints.append(value)
        if (up.endswith("VAULT_TOKEN") or up == "TOKEN") and not value:
            ev.add("static_key", loc, f"{name} set ({where})")
    if (
        re.search(r"USER_?NAME$|^USER$|_USER$|_LOGIN$", up)
        and "@" in value
        and platform is Platform.SALESFORCE
    ):
        ev.hints.insert(0, value)
    if re.search(r"(CLIENT|APP|APPLICATION)_?ID$|MICROSOFTAPPID$|CONSUMER_?KEY$", up) and value:
        ev.hints.append(value)
    if re.search(r"SUB(JECT)?$", up) and value:
        # A JWT subject taken from the request (a template) is per-user; a fixed username is one shared user.
        if re.search(r"[{$<%]|request|user\.|current", value, re.IGNORECASE):
            ev.add("per_user_subject", loc, f"JWT subject from the requesting user ({where})")
        elif "@" in value:
            ev.add("fixed_subject", loc, f"JWT subject fixed to {value} ({where})")
            ev.hints.insert(0, value)


def _classify_code(name: str, loc: Location, ev: _Evidence) -> None:
    where = f"{loc.path}:{loc.line}"
    tag = {
        "salesforce.password_login": "password",
        "salesforce.session_login": "static_key",
        "salesforce.jwt_bearer": "jwt_bearer",
        "salesforce.user_oauth": "user_oauth",
        "oauth.password_grant": "password_grant",
        "oauth.implicit_grant": "implicit_grant",
        "oauth.client_credentials": "client_credentials",
        "oauth.pkce": "pkce",
        "msal.confidential_client": "confidential_client",
        "msal.public_client": "public_client",
        "msal.on_behalf_of": "obo",
        "msal.client_credential": "client_credentials",
        "msal.certificate": "certificate",
        "azure.managed_identity": "role",
        "openai.entra_token": "role",
        "aws.static_keys": "static_key",
        "aws.assume_role": "role",
        "vault.approle": "approle",
        "vault.dynamic_secret": "dynamic_secret",
        "jwt.per_user_subject": "per_user_subject",
        "github.user_sign_in": "user_sign_in",
        "google.user_sign_in": "user_sign_in",
        "azure.user_sign_in": "user_sign_in",
    }.get(name)
    if tag:
        ev.add(tag, loc, f"{name} call ({where})")


# What a federated workflow signs in as, where the platform does not call it a role.
_FEDERATED_AS = {Platform.ANTHROPIC: "a service account"}


# Platforms whose API takes only an API key, and the variable their SDK's client reads it from by default.
_SDK_KEY_VARIABLE = {
    Platform.OPENAI: "OPENAI_API_KEY (an Azure client: AZURE_OPENAI_API_KEY)",
    Platform.ANTHROPIC: "ANTHROPIC_API_KEY",
}


# Auth models in the order they win when an agent shows several for one platform: a credential the agent
# really holds (a personal token, a password, a static key) outweighs the good pattern it also uses.
def _decide(platform: Platform, ev: _Evidence) -> tuple[AuthModel, str, Location | None]:
    """The connection's auth model, the reason (the deciding evidence's notes) and where that evidence is:
    the first location, in _deciding_order, of the first deciding tag that has one."""
    model, reason, tags = _decide_tags(platform, ev)
    where = next((min(ev.tags[tag], key=_deciding_order) for tag in tags if ev.tags.get(tag)), None)
    return model, reason, where


def _deciding_order(loc: Location) -> tuple[int, SortKey]:
    """Where the deciding evidence is best shown: the app's own code and configuration first, then the
    tooling that provisions or deploys it (a post-provision script, a pipeline), then a document (a README's
    or troubleshooting page's snippet) or a test; in path order within each."""
    if classify(loc.path).context is SecretContext.DOCUMENT or in_test_path(loc.path):
        return 2, loc_key(loc)
    return (1 if in_tooling(loc.path) else 0), loc_key(loc)


def _decide_tags(platform: Platform, ev: _Evidence) -> tuple[AuthModel, str, tuple[str, ...]]:
    t = ev.tags

    def why(*tags: str) -> str:
        # At most three notes per tag keep the reason one readable line.
        return "; ".join("; ".join(ev.notes[tag][:3]) for tag in tags if ev.notes.get(tag))

    if not ev.fingerprints:
        # A credential the server's packaging manifest asks each user for (and no key written in beside it):
        # every copy, or every session of a hosted server, runs with its own user's key.
        if "user_key_session" in t:
            return (
                AuthModel.ON_BEHALF_OF,
                "each session runs with its user's own credential: " + why("user_key_session"),
                ("user_key_session",),
            )
        if "user_key" in t:
            return AuthModel.PERSONAL_TOKEN, "each user's own credential: " + why("user_key"), ("user_key",)
    if "personal_token" in t:
        return AuthModel.PERSONAL_TOKEN, why("personal_token"), ("personal_token",)
    if "jit" in t and not ({"password", "password_grant", "static_key"} & set(t)):
        return AuthModel.JIT_TOKEN, "a short-lived token per run: " + why("jit"), ("jit",)
    if "password" in t or "password_grant" in t:
        login = "integration user login: " + why("password", "password_grant")
        return AuthModel.SHARED_PASSWORD, login, ("password", "password_grant")
    if platform is Platform.VAULT and "static_key" in t:
        return AuthModel.STATIC_API_KEY, "a static Vault token: " + why("static_key"), ("static_key",)
    if "obo" in t:
        return AuthModel.ON_BEHALF_OF, "each request runs as its user: " + why("obo"), ("obo",)
    if "user_oauth" in t:
        # Each user authorizes the app (the web server flow); the app's own secret only identifies it. A
        # JWT bearer login as one fixed user beside it (to look the users' tokens up) is named too.
        fixed = why("jwt_bearer", "fixed_subject")
        return (
            AuthModel.OAUTH_PKCE,
            (
                "each user authorizes the app (OAuth authorization code) and the calls made for them carry "
                "that user's token: "
                + why("user_oauth")
                + (f"; also as one fixed user: {fixed}" if fixed else "")
            ),
            ("user_oauth",),
        )
    if ("jwt_bearer" in t or "certificate" in t) and "per_user_subject" in t:
        return (
            AuthModel.JWT_BEARER_PER_USER,
            "JWT bearer as the requesting user: " + why("jwt_bearer", "per_user_subject"),
            ("jwt_bearer", "certificate", "per_user_subject"),
        )
    if "pkce" in t and "client_secret" not in t and "static_key" not in t:
        return AuthModel.OAUTH_PKCE, "authorization code with PKCE: " + why("pkce"), ("pkce",)
    if "dynamic_secret" in t or ("approle" in t and "ttl_bounded" in t and "ttl_unbounded" not in t):
        return (
            AuthModel.JIT_TOKEN,
            "short-lived Vault credentials: " + why("dynamic_secret", "approle", "ttl_bounded"),
            ("dynamic_secret", "approle", "ttl_bounded"),
        )
    if "static_key" in t:
        return AuthModel.STATIC_API_KEY, why("static_key"), ("static_key",)
    if "role" in t or "federated" in t:
        role = "a platform-issued role identity: " + why("role", "federated")
        return AuthModel.SERVICE_ACCOUNT_ROLE, role, ("role", "federated")
    if "approle" in t:
        return (
            AuthModel.CLIENT_SECRET,
            "Vault AppRole without bounded TTLs: " + why("approle", "ttl_unbounded"),
            ("approle", "ttl_unbounded"),
        )
    if "certificate" in t or "jwt_bearer" in t or "fixed_subject" in t:
        return (
            AuthModel.CLIENT_CERTIFICATE,
            "app-only with a certificate or JWT as one fixed user: "
            + why("certificate", "jwt_bearer", "fixed_subject"),
            ("certificate", "jwt_bearer", "fixed_subject"),
        )
    if "user_sign_in" in t and "client_credentials" not in t:
        # A web app's "Sign in with GitHub / Google / Microsoft": each person authorizes it with their own
        # account (the authorization code flow); the client secret beside it only identifies the app in
        # that exchange. A client credentials grant in the same files is the app acting as itself.
        return (
            AuthModel.OAUTH_PKCE,
            (
                "each user signs in with their own account (OAuth authorization code), the app's client "
                "secret only identifying it in that exchange: " + why("user_sign_in", "client_secret")
            ),
            ("user_sign_in",),
        )
    if "client_secret" in t or "client_credentials" in t or "confidential_client" in t:
        return (
            AuthModel.CLIENT_SECRET,
            "app-only with a client secret: "
            + why("client_secret", "client_credentials", "confidential_client"),
            ("client_secret", "client_credentials", "confidential_client"),
        )
    if "refresh_token" in t:
        return AuthModel.STATIC_API_KEY, why("refresh_token"), ("refresh_token",)
    if "oauth" in t:
        return AuthModel.OAUTH_PKCE, why("oauth"), ("oauth",)
    if "implicit_grant" in t:
        return AuthModel.UNKNOWN, why("implicit_grant"), ("implicit_grant",)
    if "unconfigured" in t:
        return AuthModel.UNKNOWN, "not configured in the repository: " + why("unconfigured"), ()
    variable = _SDK_KEY_VARIABLE.get(platform)
    if variable is not None and "sdk" in t:
        # OpenAI's and Anthropic's APIs take an API key and nothing else (Azure OpenAI's Entra tokens are the
        # `role` above): a client given no key reads it from the environment, as each SDK documents.
        calls = ", ".join(_at(loc) for loc in t["sdk"][:3])
        return (
            AuthModel.STATIC_API_KEY,
            f"an API key: the SDK client is given none and reads {variable} from the environment ({calls})",
            ("sdk",),
        )
    return (
        AuthModel.UNKNOWN,
        (
            "configuration names the platform but not how the agent authenticates (looked for: inline "
            "credentials, credential names in settings and references, grant types, SDK calls, role and "
            "workload-identity annotations, OIDC federation, MCP transport)"
        ),
        (),
    )


# Agents that are CI pipelines: the agent kinds of the pipeline manifests.
_CI_AGENT_KINDS = frozenset(KIND_OF_MANIFEST[kind] for kind in CI_KINDS)


_TOGGLE = re.compile(r"(?:^|[._-]|(?<=[a-z]))(?i:(enabled?|disabled?))$")
_FALSE = frozenset({"false", "0", "no", "off", "n"})
_TRUE = frozenset({"true", "1", "yes", "on", "y"})


def _switched_off(key: str, value: str) -> bool:
    """Whether a setting is a feature flag that turns its platform off (`NEXT_PUBLIC_AZURE_ENABLED=false`,
    `slack.enabled: false`, `GITHUB_DISABLED=true`)."""
    m = _TOGGLE.search(key)
    if m is None:
        return False
    low = value.strip().strip("\"'").lower()
    return low in (_TRUE if m.group(1).lower().startswith("disable") else _FALSE)


def _platform_evidence(agent: Agent) -> dict[Platform, _Evidence]:
    by_platform: dict[Platform, _Evidence] = defaultdict(_Evidence)
    file_platforms: dict[str, set[Platform]] = defaultdict(set)
    generic: list[tuple[str, str, Location]] = []
    # A test suite's files say how the tests run, not how the agent signs in (a unit test of an OAuth proxy
    # builds a JWT bearer grant; an e2e compose file starts a database with its own password): they count
    # only for an agent that is itself under a test or example folder. Their secrets are still findings.
    if not in_test_path(f"{agent.root}/-"):
        agent = replace(
            agent,
            secrets=tuple(s for s in agent.secrets if not in_test_path(s.location.path)),
            references=tuple(r for r in agent.references if not in_test_path(r.location.path)),
            settings=tuple(s for s in agent.settings if not in_test_path(s.location.path)),
        )

    # A parameters file's value for the parameter an app password setting is set from (azure_params).
    hints, app_passwords = azure_params.join(agent.hints)
    for secret in agent.secrets:
        if secret.is_example:
            # AWS's documented `AKIAIOSFODNN7EXAMPLE` pair in a README: no credential the agent holds.
            continue
        loc = secret.location
        if app_passwords and (loc.path, loc.key or "") in app_passwords:
            # The app's own Entra client secret, typed into its parameters file: that connection's credential.
            secret_platform = Platform.ENTRA
        else:
            secret_platform = platform_of_secret(secret) or Platform.OTHER
        file_platforms[secret.location.path].add(secret_platform)
        _classify_secret(secret, by_platform[secret_platform])
    # Packaging manifests say what each user supplies themselves (_package_evidence).
    packaged = {h.location.path for h in hints if h.kind == MCP_PACKAGE}
    for ref in agent.references:
        if _DYNAMIC_PATH.search(ref.target):
            by_platform[Platform.VAULT].add(
                "dynamic_secret", ref.location, f"Vault dynamic secret ({ref.location.path})"
            )
            file_platforms[ref.location.path].add(Platform.VAULT)
            leased = _LEASED_PATH.search(ref.target)
            if leased is not None:
                by_platform[_LEASED_PLATFORM[leased.group(1)]].add(
                    "dynamic_secret",
                    ref.location,
                    f"credentials leased from Vault's {leased.group(1)} engine ({_at(ref.location)})",
                )
        platform = platform_of_reference(ref)
        if platform is not None:
            file_platforms[ref.location.path].add(platform)
            ev = by_platform[platform]
            ev.add("reference", ref.location, f"{ref.kind.value} reference")
            if ref.kind is ReferenceKind.CI_SECRET and ref.target == "GITHUB_TOKEN":
                # `${{ secrets.GITHUB_TOKEN }}` is the job's own token (a token the agent's code reads from an
                # env var of that name may be anything, and is not this). It says how a pipeline reaches
                # GitHub, so it decides only for an agent that is a pipeline: an app or server beside its
                # release workflow reaches GitHub however its own code signs in (a GitHub App's key), and
                # the workflow's per-job token would otherwise outrank that evidence.
                if agent.kind in _CI_AGENT_KINDS:
                    ev.add(
                        "jit",
                        ref.location,
                        "the Actions GITHUB_TOKEN, minted per job and expiring with it "
                        f"({_at(ref.location)})",
                    )
                continue
            key_name = (ref.location.key or "").rsplit(".", 1)[-1]
            if (
                ref.kind is ReferenceKind.PROMPT_INPUT
                and ref.location.path not in packaged
                and _CREDENTIAL_NAME.search(ref.target)
            ):
                # `${input:vault_token}` (VS Code's `inputs`, `"password": true`): the editor asks the person
                # running the client, each for their own value. A server documented to take it in a header
                # runs each session with its user's credential; one the client launches runs with its user's.
                prompted_at = _at(ref.location)
                if agent.multi_user:
                    note = (
                        f"{ref.target}: a value each user's client prompts for, sent with that user's session"
                    )
                    ev.add("user_key_session", ref.location, f"{note} ({prompted_at})")
                else:
                    ev.add(
                        "user_key",
                        ref.location,
                        f"{ref.target}: a value the client prompts its user for ({prompted_at})",
                    )
            if ref.kind in _NAMED_REFERENCES:
                _classify_name(ref.target, "", ref.location, ev, platform, ref=True)
            elif platform_of_key(ref.location.key or "") is not platform:
                # A secret store says where a credential is kept, not how the platform is reached: only a
                # key that names this platform (`salesforce.existingSecret`) tells the auth model.
                continue
            elif ref.kind in (ReferenceKind.K8S_SECRET_REF, ReferenceKind.FILE):
                # A Secret or file named for what it holds (`sales-agent-sf-jwt`, `server.key`).
                stem = re.sub(r"[^A-Za-z0-9]+", "_", ref.target.rsplit("/", 1)[-1])
                _classify_name(stem, "", ref.location, ev, platform, ref=True)
            actions_token = ref.kind is ReferenceKind.CI_SECRET and ref.target == "GITHUB_TOKEN"
            id_token = ref.target.upper().endswith("ID_TOKEN")
            if key_name and key_name.lower() not in _HEADER_KEYS and not actions_token and not id_token:
                # (`docker/login-action` with `password: ${{ secrets.GITHUB_TOKEN }}` logs in with the job's
                # own token, and GitLab's `token: $VAULT_ID_TOKEN` hands a Vault login the job's OIDC ID
                # token: neither key names a stored credential.)
                _classify_name(key_name, "", ref.location, ev, platform, ref=True)
    for setting in agent.settings:
        if setting.key.startswith("code."):
            name = setting.key[5:]
            platform = CODE_PLATFORM.get(name.split(".", 1)[0])
            if platform is None:
                generic.append((setting.key, setting.value, setting.location))
                continue
            file_platforms[setting.location.path].add(platform)
            _classify_code(name, setting.location, by_platform[platform])
            by_platform[platform].add("sdk", setting.location)
            if name in _LEASED_CODE:
                engine = name.rsplit("_", 1)[-1]
                by_platform[_LEASED_CODE[name]].add(
                    "dynamic_secret",
                    setting.location,
                    f"credentials leased from Vault's {engine} engine ({_at(setting.location)})",
                )
            continue
        leased = _LEASED_SETTING.search(setting.key)
        if leased is not None and setting.value:
            by_platform[_LEASED_PLATFORM[leased.group(1).lower()]].add(
                "dynamic_secret",
                setting.location,
                f"credentials leased from Vault's {leased.group(1).lower()} engine ({_at(setting.location)})",
            )
        if _switched_off(setting.key, setting.value):
            # `NEXT_PUBLIC_AZURE_ENABLED=false`: a feature flag that turns a platform off connects to nothing.
            continue
        platform = platform_of_setting(setting)
        if platform is None:
            generic.append((setting.key, setting.value, setting.location))
            continue
        file_platforms[setting.location.path].add(platform)
        by_platform[platform].add("setting", setting.location)
        name = (
            setting.key.rsplit(".", 1)[-1]
            if "." in setting.key and not setting.key.isupper()
            else setting.key
        )
        _classify_name(name, setting.value, setting.location, by_platform[platform], platform)

    for hint in hints:
        if hint.kind == MCP_PACKAGE:
            _package_evidence(hint, by_platform, shared=agent.multi_user)
        else:
            _hint_evidence(hint, by_platform)

    # Generic OAuth evidence (grant_type, code.oauth.*) belongs to the one platform its file talks to.
    for key, value, loc in generic:
        platforms = file_platforms.get(loc.path, set()) - {Platform.OTHER}
        if len(platforms) != 1:
            continue
        (platform,) = platforms
        if key.startswith("code."):
            _classify_code(key[5:], loc, by_platform[platform])
        else:
            name = key.rsplit(".", 1)[-1]
            if _CREDENTIAL_NAME.search(name) and _names_another_service(name, platform):
                # `APPLE_PASSWORD`, `TAURI_KEY_PASSWORD` beside a workflow's GITHUB_TOKEN: the app's
                # notarization and signing secrets, not how the agent logs in to GitHub.
                continue
            _classify_name(name, value, loc, by_platform[platform], platform)

    entra = by_platform.get(Platform.ENTRA)
    if entra is not None and "managed_identity" in entra.tags and "client_secret" not in entra.tags:
        # An app deployed with a managed identity and no password of its own signs in as that identity; one
        # given its app password too (a bot's BOT_PASSWORD) signs in with the password, and its identity
        # reaches Key Vault or a database.
        for loc in entra.tags["managed_identity"]:
            entra.tags["role"].append(loc)
        entra.notes["role"].extend(n for n in entra.notes["managed_identity"] if n not in entra.notes["role"])
    if entra is not None and not calls_entra_as_itself(agent):
        # A bot that signs each user in through its OAuth connection (the Azure Bot resource's connection,
        # OAuthPrompt, the user token API, Teams SSO through it) and makes no call as the app: Graph and the
        # other APIs are called with that user's token. Its app password only authenticates it to the Bot
        # Connector. The delegation rules (BA-108, BA-508) read the same two facts (inventory/signin.py).
        where = sign_in_location(agent)
        if where is not None:
            entra.add(
                "obo",
                where,
                "each user signs in through the bot's OAuth connection and its calls carry that user's "
                f"token; no call as the app itself in its files ({_at(where)})",
            )
    return by_platform


# The Microsoft 365 Agents SDK's AuthType values (Microsoft.Agents.Authentication.Msal.Model.AuthTypes and
# the Python and JavaScript SDKs' spellings), by the evidence each is.
_AGENTS_SDK_AUTH = {
    "clientsecret": "client_secret",
    "certificate": "certificate",
    "certificatesubjectname": "certificate",
    "usermanagedidentity": "role",
    "systemmanagedidentity": "role",
    "federatedcredentials": "federated",
    "workloadidentity": "federated",
}


def _copilot_plugin_evidence(hint: ManifestHint, by_platform: dict[Platform, _Evidence]) -> None:
    """How a Copilot plugin's runtime reaches its API: each user's own OAuth sign-in (OAuthPluginVault, an MCP
    server's DynamicClientRegistration) or one API key for every user (ApiKeyPluginVault); the platform from
    the API's address when the plugin gives it in full, else `other`."""
    d = hint.details
    loc = hint.location
    auth = str(d.get("auth") or "None")
    url = str(d.get("url") or "")
    platform = (platform_of_value(url) if "://" in url else None) or Platform.OTHER
    ev = by_platform[platform]
    if auth in ("OAuthPluginVault", "DynamicClientRegistration"):
        ev.add("oauth", loc, f"each user signs in to the API through OAuth ({auth}, {_at(loc)})")
    elif auth == "ApiKeyPluginVault":
        ev.add("plugin", loc)  # a connection even to an API of no known platform: its users share the key
        ev.add(
            "static_key",
            loc,
            f"one API key in the plugin vault for every user of the agent (ApiKeyPluginVault, {_at(loc)})",
        )


def _agents_sdk_evidence(hint: ManifestHint, ev: _Evidence) -> None:
    """How a Microsoft 365 Agents SDK agent's service connection signs in (manifests.agents_sdk_hint)."""
    d = hint.details
    loc = hint.location
    ev.add("manifest", loc)
    connection = str(d.get("connection") or "")
    auth_type = str(d.get("auth_type") or "")
    tag = _AGENTS_SDK_AUTH.get(auth_type.lower().replace("_", ""))
    if tag == "client_secret" and not d.get("password_set"):
        ev.add(
            tag,
            loc,
            f"connection {connection} signs in with AuthType {auth_type}: a client secret of the app "
            f"registration, supplied at deployment ({_at(loc)})",
        )
    elif tag is not None:
        what = {
            "client_secret": "a client secret of the app registration",
            "certificate": "a certificate of the app registration",
            "role": "a managed identity",
            "federated": "workload identity federation",
        }[tag]
        ev.add(tag, loc, f"connection {connection} signs in with AuthType {auth_type}: {what} ({_at(loc)})")
    elif d.get("password_set"):
        ev.add("client_secret", loc, f"connection {connection} holds a client secret ({_at(loc)})")
    elif d.get("certificate"):
        ev.add("certificate", loc, f"connection {connection} names a certificate ({_at(loc)})")
    elif d.get("password_key"):
        # `clientSecret=` left for the deployment to fill, no AuthType: the SDK's default, a client secret.
        ev.add(
            "client_secret",
            loc,
            f"connection {connection} names a client secret, supplied at deployment (no AuthType: the "
            f"SDK's default) ({_at(loc)})",
        )
    else:
        ev.add(
            "unconfigured",
            loc,
            f"{loc.path} leaves connection {connection}'s AuthType empty: set at deployment (the SDK's "
            "default is a client secret; a managed identity or federated credential needs none)",
        )
    if d.get("obo"):
        ev.add(
            "obo",
            loc,
            f"its user authorization handler exchanges each signed-in user's token On-Behalf-Of "
            f"(OBOConnectionName, {_at(loc)})",
        )


_NAMED_REFERENCES = frozenset(
    {ReferenceKind.ENV_VAR, ReferenceKind.CI_SECRET, ReferenceKind.PROMPT_INPUT, ReferenceKind.TEMPLATE}
)
_HEADER_KEYS = frozenset({"authorization", "proxy-authorization", "x-api-key", "api-key"})
_CREDENTIAL_NAME = re.compile(
    r"TOKEN|SECRET|PASSWORD|API_?KEY|APIKEY|(^|_)PAT($|_)|AUTHORIZATION|CREDENTIAL", re.I
)


def _at(loc: Location) -> str:
    return f"{loc.path}:{loc.line}"


def _hint_evidence(hint: ManifestHint, by_platform: dict[Platform, _Evidence]) -> None:
    d = hint.details
    loc = hint.location
    if hint.kind == "slack_app_manifest":
        ev = by_platform[Platform.SLACK]
        ev.add("manifest", loc)
        if d.get("bot_display_name") or d.get("bot_scopes"):
            rotation = "token rotation on" if d.get("token_rotation_enabled") else "token rotation off"
            ev.add(
                "static_key", loc, f"the app's bot token (xoxb-), issued at install, {rotation} ({_at(loc)})"
            )
    elif hint.kind == "slack_bolt":
        ev = by_platform[Platform.SLACK]
        ev.add("manifest", loc)
        stored = "per installed workspace from its installation store"
        source = stored if d.get("oauth") else "from SLACK_BOT_TOKEN"
        ev.add(
            "static_key",
            loc,
            f"the Bolt app's bot token (xoxb-), issued at install and read {source} ({_at(loc)})",
        )
    elif hint.kind in ("github_app_manifest", "github_app_package", "github_app"):
        _github_app_evidence(hint, by_platform[Platform.GITHUB])
    elif hint.kind == "teams_app_manifest" and d.get("bot"):
        by_platform[Platform.ENTRA].add("manifest", loc)
    elif hint.kind in ("github_workflow", "gitlab_ci"):
        token = "GitHub OIDC token" if hint.kind == "github_workflow" else "GitLab ID token"
        for item in d.get("federation") or ():
            platform = {
                "aws": Platform.AWS,
                "entra": Platform.ENTRA,
                "vault": Platform.VAULT,
                "anthropic": Platform.ANTHROPIC,
            }.get(str(item.get("platform")))
            if platform is None:
                continue
            ev = by_platform[platform]
            identity = item.get("identity")
            where = Location(loc.path, int(item.get("line") or loc.line))
            how = token if item.get("oidc") else "federated login"
            who = identity or _FEDERATED_AS.get(platform, "a role")
            ev.add(
                "federated",
                where,
                f"workload identity federation: {how} for {who} ({_at(where)})",
            )
            if identity:
                ev.hints.insert(0, str(identity))
    elif hint.kind == "salesforce_agent":
        ev = by_platform[Platform.SALESFORCE]
        ev.add("manifest", loc)
        user = str(d.get("bot_user") or "")
        if user:
            # A service agent: every conversation runs as this one user, with its permission sets.
            ev.add("role", loc, f"Agentforce agent running as its agent user {user} ({_at(loc)})")
            if names_identity(user):
                ev.hints.insert(0, user)
        elif (
            str(d.get("bot_type") or "").lower() == "internalcopilot"
            or "employee" in str(d.get("agent_type") or "").lower()
        ):
            ev.add("obo", loc, f"Agentforce employee agent: acts as the signed-in user ({_at(loc)})")
    elif hint.kind in (bedrock.DECLARED, bedrock.IN_CODE, bedrock.CLIENT):
        _bedrock_evidence(hint, by_platform[Platform.AWS])
    elif hint.kind == "copilot_plugin":
        _copilot_plugin_evidence(hint, by_platform)
    elif hint.kind == "bot_framework" and d.get("sdk") == "m365_agents":
        _agents_sdk_evidence(hint, by_platform[Platform.ENTRA])
    elif hint.kind == "bot_framework":
        ev = by_platform[Platform.ENTRA]
        ev.add("manifest", loc)
        app_type = str(d.get("MicrosoftAppType") or d.get("app_type") or "").lower()
        if app_type in ("userassignedmsi", "managedidentity"):
            ev.add("role", loc, f"Bot Framework app type {app_type} ({loc.path})")
        elif app_type not in ("multitenant", "singletenant") and d.get("password_set") is False:
            # `"MicrosoftAppType": "", "MicrosoftAppPassword": ""`: how the bot signs in is decided at
            # deployment, not here; say so instead of "not found".
            ev.add(
                "unconfigured",
                loc,
                f"{loc.path} leaves MicrosoftAppType and MicrosoftAppPassword empty: set at deployment (a "
                "client secret for MultiTenant or SingleTenant, a managed identity for UserAssignedMSI)",
            )
        app_id = d.get("MicrosoftAppId") or d.get("app_id")
        if isinstance(app_id, str) and app_id:
            ev.hints.append(app_id)
    elif hint.kind == "azure_iac":
        _azure_iac_evidence(hint, by_platform)
    elif hint.kind in ("k8s_workload", "k8s_service_account"):
        annotations = d.get("annotations") or {}
        if isinstance(annotations, Mapping):
            role = annotations.get("eks.amazonaws.com/role-arn")
            if isinstance(role, str) and role:
                ev = by_platform[Platform.AWS]
                ev.add("role", loc, f"IRSA role {role} ({loc.path})")
                ev.hints.insert(0, role)
            client = annotations.get("azure.workload.identity/client-id")
            if isinstance(client, str) and client:
                ev = by_platform[Platform.ENTRA]
                ev.add("role", loc, f"workload identity {client} ({loc.path})")
                ev.hints.insert(0, client)
            gsa = annotations.get("iam.gke.io/gcp-service-account")
            if isinstance(gsa, str) and gsa:
                by_platform[Platform.GOOGLE].add("role", loc, f"GKE workload identity ({loc.path})")
        sa = d.get("serviceAccountName") if hint.kind == "k8s_workload" else None
        if sa:
            by_platform[Platform.KUBERNETES].add("role", loc, f"service account {sa} ({loc.path})")
            by_platform[Platform.KUBERNETES].hints.append(str(sa))
    elif hint.kind == MCP:
        if _public_mcp(str(d.get("url") or "")):
            return  # reads public content with no sign-in: no account, no credential, no connection
        words = " ".join(
            str(x) for x in (hint.name, d.get("command") or "", *(d.get("args") or ()), d.get("url") or "")
        )
        found = next((p for word, p in MCP_WORDS if word in words.lower()), None)
        if found is not None:
            by_platform[found].add("mcp", loc)
        args = [str(a) for a in d.get("args") or ()]
        remote = bool(d.get("url")) or any(a == "mcp-remote" or a.startswith("mcp-remote@") for a in args)
        credentials = [
            str(n)
            for n in (*(d.get("env") or ()), *(d.get("headers") or ()))
            if _CREDENTIAL_NAME.search(str(n))
        ]
        if remote and not credentials:
            by_platform[found or Platform.OTHER].add(
                "oauth",
                loc,
                "remote MCP server with no credential configured: the client signs in with OAuth 2.1 and "
                f"PKCE (MCP authorization) ({_at(loc)})",
            )
        elif (
            found is Platform.SALESFORCE
            and not credentials
            and _SF_CLI_ORGS.intersection(a.split("=", 1)[0] for a in args)
        ):
            # The Salesforce DX MCP server (`--orgs DEFAULT_TARGET_ORG`) works in the orgs the Salesforce CLI
            # is logged in to on that machine: each person's own `sf org login web` session (OAuth web flow).
            by_platform[found].add(
                "oauth",
                loc,
                f"the Salesforce CLI's own org logins (--orgs): the person's `sf org login` OAuth session "
                f"({_at(loc)})",
            )


_PACKAGE_ASKS = {
    "dxt": "a sensitive user_config the extension asks each user for",
    "mcpb": "a sensitive user_config the bundle asks each user for",
    "mcp_registry": "an isSecret value each user's client asks for",
    "smithery": "a configSchema property each user supplies",
}


def _package_evidence(hint: ManifestHint, by_platform: dict[Platform, _Evidence], *, shared: bool) -> None:
    """The credentials an MCP server's packaging manifest asks each user for (extract/server_manifests.py):
    each user's own, on the platform its name says (else the one the server's name or package names)."""
    d = hint.details
    words = " ".join(str(w) for w in d.get("words") or ()).lower()
    server_platform = next((p for word, p in MCP_WORDS if word in words), None)
    asks = _PACKAGE_ASKS.get(str(d.get("format")), "a value each user supplies")
    for item in d.get("user_secrets") or ():
        if not isinstance(item, Mapping):
            continue
        name, setting = str(item.get("name") or ""), str(item.get("setting") or "")
        # Words of camelCase and dashed names too (`slackBotToken`, `X-Slack-Token`).
        named = [platform_of_key("_".join(key_tokens(n))) for n in (name, setting) if n]
        platform = next((p for p in named if p is not None), None) or server_platform or Platform.OTHER
        where = Location(hint.location.path, int(item.get("line") or hint.location.line))
        if shared:
            note = f"{name}: {asks}, sent with that user's session to the hosted server ({_at(where)})"
            by_platform[platform].add("user_key_session", where, note)
        else:
            note = f"{name}: {asks}, kept by that user's client ({_at(where)})"
            by_platform[platform].add("user_key", where, note)


def _github_app_evidence(hint: ManifestHint, ev: _Evidence) -> None:
    """A GitHub App acts as itself: it signs a JWT with its private key and exchanges it for installation
    tokens (ghs_, one hour), each carrying the app's permissions on every repository of the installation,
    whoever triggered the event. Given user access tokens (ghu_, the OAuth web or device flow), it acts as
    each signed-in person instead, within what that person may do."""
    loc = hint.location
    ev.add("manifest", loc)
    if hint.details.get("user_auth"):
        ev.add(
            "obo",
            loc,
            "a GitHub App acting as each signed-in user with that user's access token (ghu_, OAuth web "
            f"flow) ({_at(loc)})",
        )
        return
    what = {
        "github_app_manifest": "a GitHub App registration",
        "github_app_package": "a Probot GitHub App",
    }.get(hint.kind, f"a GitHub App ({hint.details.get('framework') or 'code'})")
    ev.add(
        "certificate",
        loc,
        f"{what}: installation tokens minted with the app's private key (a signed JWT), acting as the app "
        f"on every repository it is installed on ({_at(loc)})",
    )


# Remote MCP servers documented as public, needing no authentication and reaching no account of the user's:
# the AWS Knowledge MCP server (AWS documentation, What's New, regional availability).
_PUBLIC_MCP_HOSTS = frozenset({"knowledge-mcp.global.api.aws"})


def _public_mcp(url: str) -> bool:
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    return host in _PUBLIC_MCP_HOSTS


def with_connections(agent: Agent) -> Agent:

    connections = []
    for platform, ev in sorted(_platform_evidence(agent).items(), key=lambda kv: kv[0].value):
        if platform is Platform.OTHER and not ev.fingerprints and not {"oauth", "plugin"} & set(ev.tags):
            continue
        model, reason, decided_at = _decide(platform, ev)
        hints = [h for h in ev.hints if h and (h in ev.structural or names_identity(h))]
        hint = hints[0] if hints else None
        connections.append(
            Connection(
                platform=platform,
                auth_model=model,
                identity_hint=hint,
                evidence=hint_first(ev.all_locations(), hint_location(agent, hint))[:EVIDENCE_KEPT],
                credential_fingerprints=tuple(sorted(set(ev.fingerprints))),
                reason=reason.strip("; :") or model.value,
                decided_at=decided_at,
            )
        )
    return replace(agent, connections=tuple(connections))


def _bedrock_evidence(hint: ManifestHint, ev: _Evidence) -> None:
    """A Bedrock agent serves every caller with one IAM role, its service role: a role identity shared by all
    its users. Its action groups' Lambda functions run as their own execution roles."""
    d = hint.details
    loc = hint.location
    ev.add("manifest", loc)
    source = str(d.get("source") or "")
    if source == "invoke":
        agent_id = d.get("agent_id")
        ev.add(
            "role",
            loc,
            f"invokes Bedrock agent {agent_id or '(id from configuration)'}: the agent serves every caller "
            f"with its service role, declared outside this repository ({_at(loc)})",
        )
        return
    role = d.get("role")
    written = d.get("role_written")
    if d.get("role_created"):
        what = "a service role the construct creates"
    elif written:
        what = f"its service role {written}"
    else:
        what = "a service role not named in the code"
    ev.add("role", loc, f"Bedrock agent {hint.name} serves every caller with {what} ({_at(loc)})")
    if isinstance(role, str) and role:
        ev.hints.insert(0, role)
        if not role.startswith(("arn:", "role/")):
            ev.structural.add(role)
    for executor in d.get("executors") or ():
        if not isinstance(executor, Mapping):
            continue
        runs_as = executor.get("role") or "its own execution role"
        ev.add(
            "role",
            loc,
            f"action group {executor.get('action_group') or '?'} runs Lambda {executor.get('lambda')} as "
            f"{runs_as} ({_at(loc)})",
        )


_AZURE_PASSWORD_SOURCES = {
    "secure_param": "from a @secure() parameter",
    "key_vault": "from a Key Vault reference",
    "parameter": "from a template parameter",
    "literal": "typed into the template",
}


def _given_by_parameters_file(d: Mapping[str, object]) -> str:
    """How a parameters file gives the parameter an app password setting is set from (azure_params.join)."""
    where = d.get("given_at")
    given = d.get("given")
    if given == "literal":
        how = "a literal value (a secret committed in the parameters file)"
    elif given == "key_vault":
        how = f"a Key Vault reference ({d.get('target')})"
    else:
        how = f"environment variable {d.get('variable')}, substituted at deployment"
    return f"from parameter {d.get('param')}, given {how} in {where}"


def _azure_iac_evidence(hint: ManifestHint, by_platform: dict[Platform, _Evidence]) -> None:
    """What a Bicep file or an ARM template (extract/azure_iac.py) says of how the deployed app signs in."""
    d = hint.details
    loc = hint.location
    what = d.get("evidence")
    if what == "app_password":
        source = _AZURE_PASSWORD_SOURCES.get(str(d.get("source")), "")
        if d.get("source") == "param_file":
            source = _given_by_parameters_file(d)
        by_platform[Platform.ENTRA].add(
            "client_secret",
            loc,
            f"app setting {d.get('setting')} {source}: the app's client secret ({_at(loc)})",
        )
    elif what == "list_keys":
        setting = str(d.get("setting") or "")
        platform = platform_of_key(setting)
        if platform is not None:
            by_platform[platform].add(
                "static_key",
                loc,
                f"app setting {setting} is given the service's key at deployment (listKeys): a static key "
                f"copied into the app's configuration ({_at(loc)})",
            )
    elif what == "bot_app_type" and d.get("app_type") == "userassignedmsi":
        by_platform[Platform.ENTRA].add(
            "role",
            loc,
            f"Azure Bot msaAppType UserAssignedMSI: the bot signs in as a managed identity ({_at(loc)})",
        )
    elif what == "managed_identity":
        # Weighed in _platform_evidence: an app that is also given its own password signs in with that.
        by_platform[Platform.ENTRA].add(
            "managed_identity",
            loc,
            f"the app {hint.name} runs with a {d.get('identity')} managed identity ({_at(loc)})",
        )
    elif what == "role_assignment":
        role = str(d.get("role") or "")
        if role.startswith("Cognitive Services OpenAI"):
            by_platform[Platform.OPENAI].add(
                "role",
                loc,
                f"Azure OpenAI with Entra tokens: role {role} given to a managed identity ({_at(loc)})",
            )
