"""Which configuration keys and code calls are evidence of how an agent authenticates.

The extractors emit a `Setting` for every scalar whose key matches `is_setting_key` (values classified as
secrets never become Settings), and for every source line matching a CODE_PATTERNS entry. The inventory
classifies auth models from those Settings.
"""

from __future__ import annotations

import functools
import re

from auditor.extract.caseless import ASCII_PARTNERS

# Matched against the last segment of a key path (or an env var name), case-insensitively.
_SETTING_KEY_SOURCE = (
    r"(grant|token_?url|token_?endpoint|auth|login|instance_?url|client_?id|app_?id|tenant|username|user_?name"
    r"|^user$|role|vault|ttl|period|expir|lifetime|rotat|cors|origin|ip_?range|ip_?allow|allowed_?ip|cidr"
    r"|trusted_?ip|created|updated|last_?changed|issued|profile|permission|polic|scope|pkce|code_?challenge"
    r"|response_?type|service_?account|serviceaccountname|endpoint|^url$|base_?url|api_?url|host|^env|environment"
    r"|provider|oauth|obo|on_?behalf|assertion|certificate|cert_?path|private_?key_?(file|path)|key_?file"
    r"|identity|subject|sub$|audience|redirect|webhook|^name$|^kind$|^image$|platform|command|args"
    # Declared privilege (IAM statements, Vault capabilities, Graph app roles, Salesforce IP relaxation).
    r"|^action$|^actions$|^effect$|capabilit|roleref|relax|^roles$|app_?roles|^resource_?access$)"
)
_SETTING_KEY = re.compile(_SETTING_KEY_SOURCE, re.IGNORECASE)
# The same search, case-sensitive, over the key folded by _fold: 4x faster (a case-insensitive alternation
# tries every position; a case-sensitive one skips to where a first letter occurs), and the same answer.
# re.IGNORECASE matches a key character to one of the pattern's characters (lowercase ASCII letters and `_`,
# nothing else) exactly when its simple lowercase is that character or it is one of re's equivalents of it:
# the ASCII letters and the four non-ASCII partners in caseless.ASCII_PARTNERS (`İ`, `ı`, `ſ`, the Kelvin
# sign). _fold maps those four to their letters, then lowercases: every other character folds to no ASCII
# letter and keeps its place (one character each), so `^` and `$` hold where they did
# (tests/test_vocabulary.py checks both claims over every code point).
_SETTING_KEY_FOLDED = re.compile(_SETTING_KEY_SOURCE)
_FOLD = str.maketrans(ASCII_PARTNERS)


def _fold(name: str) -> str:
    return (name if name.isascii() else name.translate(_FOLD)).lower()


MAX_SETTING_VALUE = 300


_INDEX = re.compile(r"\[\d+\]")


def is_setting_key(key_path: str) -> bool:
    """Whether the value under this key path is posture evidence worth keeping as a Setting. (Asked once
    per scalar of every structured file read.) Only the path's last key decides, and it is the verdict on
    that key that is remembered: the same keys recur under ever new paths (`items[7].name`), which a memory
    of whole paths kept missing (a data file's 30,000 scalars: most paths seen once)."""
    parts = (_INDEX.sub("", key_path) if "[" in key_path else key_path).rsplit(".", 2)
    last = parts[-1]
    # A list item (`scopes[0]`, `scopes.0`, `Statement[0].Action[1]`) is judged by the key holding the list.
    if last.isdigit() and len(parts) > 1:
        last = parts[-2]
    return _setting_word(last)


@functools.lru_cache(maxsize=4096)
def _setting_word(key: str) -> bool:
    return _SETTING_KEY_FOLDED.search(_fold(key)) is not None


# is_setting_key of a path whose last segment is `key` (not all digits): for a caller that holds the key
# already (structured.scan_doc) and so needs neither the path's indexes cut out nor its last segment found.
setting_word = _setting_word


# (evidence name, pattern) for source code and prompts: SDK constructors and calls that reveal an auth model.
# Every quantifier is bounded: they run with `finditer` over whole files, where an unbounded one can rescan
# the rest of a long run at every offset (regexcheck.check_linear holds them to it: tests/test_vocabulary.py).
CODE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("salesforce.password_login", r"Salesforce\([^)]{0,500}\bpassword\s{0,8}="),
        ("salesforce.session_login", r"Salesforce\([^)]{0,500}\bsession_id\s{0,8}="),
        (
            "salesforce.jwt_bearer",
            r"urn:ietf:params:oauth:grant-type:jwt-bearer|Salesforce\([^)]{0,500}\bprivatekey"
            # sf-jwt-token's `getToken({ iss, sub, aud, privateKey })` (Node.js apps on jsforce).
            r"|\bgetToken\([ \t]{0,8}\{[^}]{0,300}\bprivateKey\b",
        ),
        # jsforce's web server flow: the OAuth callback exchanges a user's authorization code
        # (`conn.authorize(code)`), after which calls carry that user's token.
        ("salesforce.user_oauth", r"\.authorize\([ \t]{0,8}(?:req\.query\.)?code\b"),
        # Sign-in with a platform's account (the OAuth authorization code flow of a web app's login): its
        # authorize endpoint, or a login library's provider for it (Auth.js / NextAuth, Passport). The app's
        # client secret only identifies it in each user's code exchange (inventory/auth.py `user_sign_in`).
        (
            "github.user_sign_in",
            r"github\.com/login/oauth/authorize|providers/github[\"']|[\"']passport-github2?[\"']",
        ),
        (
            "google.user_sign_in",
            r"accounts\.google\.com/o/oauth2/(?:v2/)?auth\b|providers/google[\"']"
            r"|[\"']passport-google-oauth(?:2|20)?[\"']",
        ),
        (
            "azure.user_sign_in",
            r"login\.microsoftonline\.com/[^\s\"'/]{1,80}/oauth2/(?:v2\.0/)?authorize"
            r"|providers/(?:azure-ad|azure-ad-b2c|microsoft-entra-id)[\"']|[\"']passport-azure-ad[\"']",
        ),
        ("oauth.password_grant", r"grant_type[\"']?\s{0,8}[:=,]\s{0,8}[\"']password[\"']"),
        ("oauth.implicit_grant", r"response_type[\"']?\s{0,8}[:=,]\s{0,8}[\"']token[\"']"),
        ("oauth.client_credentials", r"client_credentials"),
        ("oauth.pkce", r"code_challenge(_method)?"),
        ("msal.confidential_client", r"ConfidentialClientApplication\("),
        ("msal.public_client", r"PublicClientApplication\("),
        (
            "msal.on_behalf_of",
            r"acquire_token_on_behalf_of|OnBehalfOf(?:User)?Credential|[Aa]cquireTokenOnBehalfOf"
            r"|urn:ietf:params:oauth:grant-type:jwt-bearer.{0,400}on_behalf_of"
            # Teams SSO (the Teams AI library's TeamsSsoSettings, .NET, or its TypeScript shape: MSAL settings
            # beside a sign-in page): the user's Teams token is exchanged On-Behalf-Of with the app's secret.
            r"|TeamsSsoSettings\(|\bmsalConfig\s{0,8}:[\s\S]{0,800}?\bsignInLink\s{0,8}:",
        ),
        ("msal.client_credential", r"acquire_token_for_client|ClientSecretCredential\("),
        (
            "msal.certificate",
            r"CertificateCredential\(|client_credential\s{0,8}=\s{0,8}\{[^}]{0,500}thumbprint",
        ),
        ("azure.managed_identity", r"ManagedIdentityCredential\(|DefaultAzureCredential\("),
        ("aws.static_keys", r"aws_access_key_id\s{0,8}="),
        ("aws.assume_role", r"assume_role(_with_web_identity)?\(|AssumeRole"),
        ("aws.client", r"boto3\.(client|resource|Session)\("),
        # Which AWS services code builds clients for (inventory/platforms.py secret_store_credentials): a
        # secret store alone (Secrets Manager, SSM Parameter Store, KMS) is where an application keeps its own
        # secrets, any other service is what its users may reach through it. Their own namespace: they name
        # no connection by themselves (inventory/auth.py reads `code.aws.*`).
        (
            "awssdk.secret_store",
            r"\bnew[ \t]{1,8}(?:(?:SecretsManager|SSM|KMS)Client|AWS\.(?:SecretsManager|SSM|KMS))\("
            r"|\.client\(\s{0,40}[\"'](?:secretsmanager|ssm|kms)[\"']",
        ),
        (
            "awssdk.service",
            r"(?:\bfrom[ \t]{1,8}|\brequire\([ \t]{0,8}|\bimport\([ \t]{0,8})[\"']@aws-sdk/client-"
            r"(?!(?:secrets-manager|ssm|kms|sts)[\"'])[a-z0-9-]{1,40}[\"']"
            r"|\bnew[ \t]{1,8}AWS\.(?!(?:SecretsManager|SSM|KMS|STS)\()[A-Z][A-Za-z0-9]{1,40}\("
            r"|\.(?:client|resource)\(\s{0,40}[\"'](?!(?:secretsmanager|ssm|kms|sts)[\"'])[a-z][a-z0-9-]{1,40}[\"']",
        ),
        ("vault.client", r"hvac\.Client\("),
        ("vault.approle", r"auth\.approle\.login|approle"),
        ("vault.dynamic_secret", r"(database|aws|gcp|azure)/creds/"),
        # The platform a Vault engine leases credentials for (inventory/auth.py: a short-lived connection).
        # By path, or by hvac's call (`client.secrets.database.generate_credentials(name=...)`).
        ("vault.leased_database", r"\bdatabase/creds/|secrets\.database\.generate_credentials\("),
        ("vault.leased_aws", r"\baws/(?:creds|sts)/|secrets\.aws\.generate_credentials\("),
        ("botframework.user_token", r"OAuthPrompt\(|getUserToken\(|GetUserTokenAsync\(|UserTokenClient\b"),
        ("slack.client", r"WebClient\(|App\(\s{0,8}token\s{0,8}="),
        ("github.client", r"Github\(|Octokit\("),
        ("openai.client", r"OpenAI\(|openai\.api_key"),
        # Azure OpenAI called with Entra tokens (a managed identity or the signed-in developer), no key.
        ("openai.entra_token", r"get_bearer_token_provider\(|azure_ad_token_provider\s{0,8}="),
        ("anthropic.client", r"Anthropic\("),
        # The OpenAI Agents SDK (Python `agents`, JS `@openai/agents`): its runner calls OpenAI with the key
        # the SDK reads from the environment unless another client is set. A local module called `agents` is
        # common, so the Python import must name one of the SDK's own parts.
        (
            "openai.agents_sdk",
            r"\bfrom[ \t]{1,8}agents[ \t]{1,8}import[ \t]{0,8}\(?[^)]{0,400}\b(?:Runner|function_tool|handoff"
            r"|RunContextWrapper|ModelSettings|input_guardrail|output_guardrail|GuardrailFunctionOutput)\b"
            r"|[\"']@openai/agents(?:/[a-z-]{1,40})?[\"']",
        ),
        # An HTTP endpoint the agent serves (FastAPI/Flask/Starlette routes, Express handlers, the route
        # handlers a Next.js `route.ts` or SvelteKit `+server.ts` exports): whoever can reach it sends the
        # agent requests (inventory/grouping.py: many users).
        (
            "web.endpoint",
            r"@(?:app|router|api|bp|blueprint)\.(?:get|post|put|route|websocket|api_route)\([ \t]{0,8}[\"']/"
            r"|\b(?:app|router)\.(?:get|post|all)\([ \t]{0,8}[\"'`]/"
            r"|\bexport[ \t]{1,8}(?:async[ \t]{1,8}function[ \t]{1,8}|const[ \t]{1,8})"
            r"(?:GET|POST|PUT|PATCH|DELETE)\b",
        ),
        # Over-broad privilege declared inline (policy JSON in heredocs, HCL policies, RBAC, profiles).
        ("aws.action_star", r"[\"']Action[\"']\s{0,8}[:=]\s{0,8}\[?\s{0,8}[\"']\*(:\*)?[\"']"),
        ("aws.admin_policy", r"arn:aws:iam::aws:policy/AdministratorAccess\b"),
        ("vault.path_star", r"(?m)^[ \t]{0,40}path[ \t]{1,8}[\"']\*[\"']"),
        ("vault.sudo", r"capabilities\s{0,8}=\s{0,8}\[[^\]]{0,500}[\"']sudo[\"']"),
        ("k8s.cluster_admin", r"[=\"':]\s{0,8}cluster-admin(?![\w-])"),
        # The profile given as a value (`profile: System Administrator`, `"profileName": "System
        # Administrator"`, `<profile>System Administrator</profile>`), not the words in prose (a tool's
        # description that it grants field access to System Administrator) or in a query
        # (`WHERE Name = 'System Administrator'`).
        (
            "salesforce.system_administrator",
            r"\b[Pp]rofile(?:_?[Nn]ame)?[\"']?[ \t]{0,8}[:=>][ \t]{0,8}[\"']?System Administrator\b",
        ),
        ("graph.readwrite_all", r"\b[A-Z][A-Za-z]{1,60}\.ReadWrite\.All\b"),
        ("jwt.per_user_subject", r"[\"']?sub[\"']?\s{0,8}[:=]\s{0,8}(request|current_user|user|event)[\.\[]"),
    )
)
