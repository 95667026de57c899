"""The one schema of botaudit.yaml: what the loader validates, what `botaudit init` writes and what
docs/configuration.md documents.

It is a JSON Schema (draft 2020-12) whose annotations carry the documentation: `description` (a sentence or
two, the template's comment and the reference's text), `title` (a few words: the template's inline comment),
`default` and `examples` (the template's example values). Three botaudit annotations:

* `x-pointer: env | file` marks a value that names an environment variable or a file. A pasted secret there is
  redacted in every message and reported as a finding (auditor.config.pointers).
* `x-template: active` writes the key in the template with its default, not as a commented example.
* `x-size` marks `scan.max_file_size`, whose string form ("5MB") is parsed after validation.

Each rule's `params` are declared in its rules/BA-*.yaml file with the same keywords and joined in by
`with_rules()`, so the rule files stay the one place a parameter is defined.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from auditor.model import Severity

if TYPE_CHECKING:
    from auditor.engine.interface import Rule

ENVIRONMENTS = ("dev", "test", "stage", "prod")
ENVIRONMENT_ALIASES = {
    "development": "dev",
    "testing": "test",
    "qa": "test",
    "staging": "stage",
    "production": "prod",
}
COLLECTOR_PLATFORMS = ("aws", "vault", "salesforce", "entra", "github", "slack")

RULE_REF = r"^(BA-[0-9]{3}|[a-z0-9]+(-[a-z0-9]+)*)$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SIZE = r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([BbKkMmGg][IiBb]?[Bb]?)?\s*$"
# POSIX portable names (and Windows'): letters, digits, underscore, not starting with a digit.
ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]{0,127}$"
HTTPS_URL = r"^https://[^\s/?#]+(/[^\s?#]*)?$"
HTTP_URL = r"^https?://[^\s/?#]+(/[^\s?#]*)?$"
GITHUB_LOGIN = r"^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"
SLACK_MEMBER = r"^([UW][A-Z0-9]{6,}|[^@\s]+@[^@\s]+)$"
UUID_OR_DOMAIN = (
    r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|"
    r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$"
)

_STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}


def _file(title: str, description: str, example: str) -> dict[str, Any]:
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": 4096,
        "x-pointer": "file",
        "title": title,
        "description": description
        + " Relative paths are relative to botaudit.yaml; `~` is your home folder.",
        "examples": [example],
    }


def _env(title: str, description: str, default: str) -> dict[str, Any]:
    return {
        "type": "string",
        "pattern": ENV_NAME,
        "x-pointer": "env",
        "title": title,
        "description": description + " The name of the variable, never its value.",
        "default": default,
        "examples": [default],
    }


# Every collector accepts these (the time bounds of auditor/collectors/transport.py): a total deadline per
# HTTP request, which a server trickling bytes cannot stretch, and a budget for the whole platform.
# Exceeding either leaves the platform partial (exit 3), never hanging.
COLLECTOR_TIME_SETTINGS: Mapping[str, Mapping[str, Any]] = {
    "request_deadline_seconds": {
        "type": "number",
        "exclusiveMinimum": 0,
        "maximum": 3600,
        "title": "any platform: total time of one API request",
        "description": "Total seconds one API request may take, headers and body included.",
        "default": 60,
        "examples": [60],
    },
    "platform_budget_seconds": {
        "type": "number",
        "exclusiveMinimum": 0,
        "maximum": 86400,
        "title": "any platform: total time of the collection",
        "description": "Total seconds the whole collection of this platform may take; beyond it the platform "
        "is partial (exit 3).",
        "default": 600,
        "examples": [600],
    },
}

_CA_BUNDLE = _file(
    "CA bundle (TLS-inspecting proxies)",
    "PEM file of the certificate authorities to trust for this platform's TLS; it wins over "
    "REQUESTS_CA_BUNDLE and over `--ca-bundle`.",
    "/etc/ssl/corp-proxy.pem",
)


def _introspect_found(tokens: str) -> dict[str, Any]:
    return {
        "type": "boolean",
        "title": "also introspect tokens found in the scanned files",
        "description": f"Also introspect the {tokens} found in the scanned files (like `scan "
        "--introspect-found`): each is sent, read-only, to `api_url` so its identity and reach join the "
        "finding. Default false: found tokens then join only when configured too.",
        "default": False,
        "examples": [True],
    }


COLLECTOR_SETTINGS: Mapping[str, Mapping[str, Any]] = {
    "aws": {
        "description": "Read-only IAM and Secrets Manager through boto3 and its standard credential chain "
        "(environment, profiles, SSO, instance and container roles). See docs/collectors/aws.md.",
        "properties": {
            "profile": {
                "type": "string",
                "minLength": 1,
                "title": "shared-config profile",
                "description": "Profile from ~/.aws/config to use (default: the SDK's credential chain).",
                "examples": ["audit-readonly"],
            },
            "region": {
                "type": "string",
                "pattern": r"^[a-z]{2}(-[a-z]+)+-[0-9]+$",
                "title": "Secrets Manager and STS region",
                "description": "Region for Secrets Manager and STS (default: the profile's, else us-east-1).",
                "examples": ["eu-west-1"],
            },
            "endpoint_url": {
                "type": "string",
                "pattern": HTTP_URL,
                "title": "override every endpoint",
                "description": "One endpoint for every AWS service (VPC endpoints, tests); AWS_ENDPOINT_URL "
                "works too.",
                "examples": ["https://iam.vpce.example.internal"],
            },
            "ca_bundle": _CA_BUNDLE,
            "access_keys": {
                "enum": ["referenced", "all"],
                "title": "referenced or all",
                "description": "`referenced`: per-key calls only for key ids found in the scanned configs; "
                "`all`: every key-holding user (the default when nothing is referenced, so a saved snapshot "
                "can still join key ids).",
                "examples": ["referenced"],
            },
        },
    },
    "vault": {
        "description": "Read-only HashiCorp Vault or OpenBao through hvac. The token comes from VAULT_TOKEN, "
        "else from `token_file`. See docs/collectors/vault.md.",
        "properties": {
            "addr": {
                "type": "string",
                "pattern": HTTP_URL,
                "title": "server address (else VAULT_ADDR)",
                "description": "Address of the Vault server (default: VAULT_ADDR).",
                "examples": ["https://vault.example.com:8200"],
            },
            "token_file": _file(
                "file holding the audit token",
                "File holding the auditor's token when VAULT_TOKEN is not set (default: ~/.vault-token).",
                "~/.vault-token",
            ),
            "namespace": {
                "type": "string",
                "minLength": 1,
                "title": "Enterprise namespace (else VAULT_NAMESPACE)",
                "description": "Vault Enterprise namespace (default: VAULT_NAMESPACE).",
                "examples": ["admin/team-a"],
            },
            "ca_bundle": {**_CA_BUNDLE, "description": str(_CA_BUNDLE["description"]) + " VAULT_CACERT too."},
            "kv_max_secrets": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1_000_000,
                "title": "bound on the KV listing",
                "description": "At most this many KV secrets are listed; reaching the bound is a coverage "
                "entry.",
                "default": 5000,
                "examples": [5000],
            },
        },
    },
    "salesforce": {
        "description": "Read-only REST/SOQL. Sign-in by the OAuth 2.0 JWT bearer flow (`consumer_key`, "
        "`private_key_file`, `username`), or with an access token exported as SALESFORCE_ACCESS_TOKEN plus "
        "`instance_url`; never a password. See docs/collectors/salesforce.md.",
        "properties": {
            "login_url": {
                "type": "string",
                "pattern": HTTPS_URL,
                "title": "My Domain, or test.salesforce.com",
                "description": "Where the JWT bearer assertion is exchanged (default: "
                "https://login.salesforce.com; https://test.salesforce.com for sandboxes).",
                "examples": ["https://acme.my.salesforce.com"],
            },
            "consumer_key": {
                "type": "string",
                "minLength": 1,
                "maxLength": 256,
                "title": "the auditor connected app's consumer key",
                "description": "Consumer key of the auditor's connected app: its OAuth client id, a public "
                "identifier (the consumer secret is never needed).",
                "examples": ["3MVG9auditorAppConsumerKeyExample"],
            },
            "private_key_file": _file(
                "RSA key whose certificate the app holds",
                "PEM private key (unencrypted) whose certificate is uploaded to the connected app.",
                "~/.botaudit/sf-audit.key",
            ),
            "username": {
                "type": "string",
                "pattern": r"^[^@\s]+@[^@\s]+$",
                "title": "the auditor user",
                "description": "Username of the auditor user the JWT is issued for.",
                "examples": ["audit@acme.example"],
            },
            "instance_url": {
                "type": "string",
                "pattern": HTTPS_URL,
                "title": "only with SALESFORCE_ACCESS_TOKEN",
                "description": "The org's instance URL, needed with SALESFORCE_ACCESS_TOKEN.",
                "examples": ["https://acme.my.salesforce.com"],
            },
            "api_version": {
                "type": "string",
                "pattern": r"^[1-9][0-9]\.0$",
                "title": "default: the newest the org offers",
                "description": 'REST API version, quoted ("60.0"); default: the newest the org offers.',
                "examples": ["60.0"],
            },
            "consumer_keys": {
                "type": "object",
                "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 256},
                "title": "app name -> consumer key, to resolve agents",
                "description": "Connected-app name to consumer key, so agents configured with a consumer key "
                "resolve to their app.",
                "examples": [{"Slack Sales Bot": "3MVG9salesBotConsumerKeyExample"}],
            },
            "ca_bundle": _CA_BUNDLE,
        },
    },
    "entra": {
        "description": "Read-only Microsoft Graph with an app-only token (client credentials through msal): "
        "a certificate (preferred) or a client secret read from an environment variable. See "
        "docs/collectors/entra.md.",
        "properties": {
            "tenant_id": {
                "type": "string",
                "pattern": UUID_OR_DOMAIN,
                "title": "directory (tenant) id",
                "description": "Directory (tenant) id, or its domain name. Required to collect.",
                "examples": ["7f3c9a2e-5b1d-4e8f-a6c4-2d9b0e1f3a57"],
            },
            "client_id": {
                "type": "string",
                "pattern": r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                "title": "the auditor app's client id",
                "description": "Application (client) id of the read-only auditor app (not an agent's app). "
                "Required to collect.",
                "examples": ["0c6a4d1e-2f3b-4a5c-9d8e-7f6a5b4c3d2e"],
            },
            "certificate_path": _file(
                "PEM certificate (+ key) of the app",
                "PEM file with the app's certificate, and its unencrypted private key unless "
                "`private_key_path` is given. Preferred over a client secret.",
                "~/.botaudit/entra-audit.pem",
            ),
            "private_key_path": _file(
                "when the key is in a separate PEM",
                "PEM file with the private key, when it is not in `certificate_path`.",
                "~/.botaudit/entra-audit.key",
            ),
            "client_secret_env": _env(
                "env var holding the client secret",
                "Environment variable holding the app's client secret, used when no certificate is set.",
                "AZURE_CLIENT_SECRET",
            ),
            "authority_host": {
                "type": "string",
                "pattern": HTTPS_URL,
                "title": "sovereign clouds: login.microsoftonline.us ...",
                "description": "Token authority (default: https://login.microsoftonline.com).",
                "default": "https://login.microsoftonline.com",
                "examples": ["https://login.microsoftonline.com"],
            },
            "graph_url": {
                "type": "string",
                "pattern": HTTPS_URL,
                "title": "sovereign clouds: graph.microsoft.us ...",
                "description": "Microsoft Graph base URL (default: https://graph.microsoft.com).",
                "default": "https://graph.microsoft.com",
                "examples": ["https://graph.microsoft.com"],
            },
            "ca_bundle": _CA_BUNDLE,
            "page_size": {
                "type": "integer",
                "minimum": 1,
                "maximum": 999,
                "title": "Graph $top",
                "description": "Items per Graph page ($top).",
                "default": 999,
                "examples": [999],
            },
        },
    },
    "github": {
        "description": "Read-only GitHub (github.com or Enterprise Server): REST GETs and GraphQL queries. "
        "Tokens are read from environment variables only. See docs/collectors/github.md.",
        "properties": {
            "api_url": {
                "type": "string",
                "pattern": HTTPS_URL,
                "title": "GitHub Enterprise Server; default api.github.com",
                "description": "REST API base URL (default: https://api.github.com).",
                "default": "https://api.github.com",
                "examples": ["https://github.example.com/api/v3"],
            },
            "graphql_url": {
                "type": "string",
                "pattern": HTTPS_URL,
                "title": "derived from api_url when unset",
                "description": "GraphQL endpoint (default: derived from `api_url`).",
                "examples": ["https://github.example.com/api/graphql"],
            },
            "token_env": _env(
                "the audit token (an org owner's read-only token)",
                "Environment variable holding the audit token.",
                "GITHUB_TOKEN",
            ),
            "tokens_env": {
                "type": "array",
                "items": {"type": "string", "pattern": ENV_NAME},
                "x-pointer": "env",
                "title": "agents' tokens to introspect",
                "description": "Environment variables holding agents' tokens to introspect (default: the "
                "audit token itself). The names of the variables, never their values.",
                "examples": [["MCP_GITHUB_TOKEN"]],
            },
            "orgs": {
                **_STRINGS,
                "title": "default: the tokens' organisations",
                "description": "Organisations to read (default: every organisation the introspected tokens "
                "belong to).",
                "examples": [["acme"]],
            },
            "cache_dir": _file(
                "ETags kept between runs",
                "Folder where ETags are kept between runs, so repeated runs send conditional requests.",
                "~/.cache/botaudit/github",
            ),
            "ca_bundle": _CA_BUNDLE,
            "introspect_found": _introspect_found("GitHub tokens (ghp_, github_pat_, gho_, ghu_, ghs_)"),
        },
    },
    "slack": {
        "description": "Read-only Slack Web API. Tokens are read from environment variables only.",
        "properties": {
            "token_env": _env(
                "the bot token to audit",
                "Environment variable holding the token to audit.",
                "SLACK_BOT_TOKEN",
            ),
            "tokens_env": {
                "type": "array",
                "items": {"type": "string", "pattern": ENV_NAME},
                "x-pointer": "env",
                "title": "more agent tokens to introspect",
                "description": "Environment variables holding more agents' tokens to introspect. The names "
                "of the variables, never their values.",
                "examples": [["SUPPORT_BOT_TOKEN"]],
            },
            "api_url": {
                "type": "string",
                "pattern": HTTPS_URL,
                "title": "default https://slack.com/api/",
                "description": "Web API base URL (default: https://slack.com/api/).",
                "default": "https://slack.com/api/",
                "examples": ["https://slack.com/api/"],
            },
            "team_id": {
                "type": "string",
                "pattern": r"^T[A-Z0-9]{6,}$",
                "title": "org-wide installs: the workspace to list channels in",
                "description": "Workspace id for an app installed org-wide (Enterprise Grid); "
                "users.conversations needs it with an org token.",
                "examples": ["T0123ABCD"],
            },
            "ca_bundle": _CA_BUNDLE,
            "introspect_found": _introspect_found("Slack tokens (xoxb-, xoxp-, xoxe.xoxb-, xoxe.xoxp-)"),
        },
    },
}


def _collector_section(platform: str) -> dict[str, Any]:
    spec = COLLECTOR_SETTINGS[platform]
    return {
        "type": "object",
        "additionalProperties": False,
        "description": spec["description"],
        "properties": {**spec["properties"], **COLLECTOR_TIME_SETTINGS},
    }


_RULE_OVERRIDE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "severity": {
            "enum": [s.value for s in Severity],
            "title": "critical, high, medium, low or info",
            "description": "The severity findings of this rule get.",
        },
        "params": {
            "type": "object",
            "title": "merged over the rule's defaults",
            "description": "Parameters of the rule (see below), merged over its defaults.",
        },
        "enabled": {
            "type": "boolean",
            "title": "false switches the rule off",
            "description": "false switches the rule off (like `disable`).",
        },
    },
}

CONFIG_SCHEMA: Mapping[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "botaudit.yaml",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "version": {
            "enum": [1],
            "description": "Format version of this file. Keep it at 1.",
            "default": 1,
            "x-template": "active",
        },
        "fingerprint_key": {
            "type": "string",
            "minLength": 16,
            "description": "Key for the fingerprints of secret values in reports and baselines (scrypt "
            "salted with this key; a keyed HMAC for provider-issued tokens). A project-specific key "
            "(16+ characters) stops anyone holding a report "
            "from testing guessed passwords against it. Better: set BOTAUDIT_FINGERPRINT_KEY from a CI "
            "secret; it wins over this file, which everyone who reads the repository can see. Changing the "
            "key changes every fingerprint.",
            "examples": ["change-me-to-a-long-random-project-string"],
        },
        "agents": {
            "type": "array",
            "description": "Agents you want named explicitly. botaudit finds agents itself (MCP "
            "configs, Slack/Teams manifests, Kubernetes workloads, CrewAI/LangChain/AutoGen definitions, n8n "
            "workflows, GitHub Actions); a declaration wins: it owns the files matching `paths` and sets the "
            "name, kind, audience and environment.",
            "default": [],
            "x-template": "active",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name"],
                "properties": {
                    "name": {
                        "type": "string",
                        "minLength": 1,
                        "maxLength": 120,
                        "title": "shown in reports, used by suppressions",
                        "description": "Name shown in reports and used by suppressions; unique.",
                    },
                    "paths": {
                        **_STRINGS,
                        "minItems": 1,
                        "x-pointer": "file",
                        "title": "globs, relative to this file",
                        "description": "Globs of the agent's files, relative to botaudit.yaml and below it.",
                    },
                    "kind": {
                        "type": "string",
                        "minLength": 1,
                        "title": "slack_bot, teams_bot, mcp_server, worker ...",
                        "description": "Free text: slack_bot, teams_bot, mcp_server, worker ...",
                    },
                    "multi_user": {
                        "type": "boolean",
                        "title": "many people talk to it",
                        "description": "Many people talk to it (shared bot, web chat, shared MCP server).",
                    },
                    "environment": {
                        "enum": [*ENVIRONMENTS, *ENVIRONMENT_ALIASES],
                        "title": "dev, test, stage or prod",
                        "description": "dev, test, stage or prod (development, testing, qa, staging and "
                        "production are read as those).",
                    },
                    "description": {
                        "type": "string",
                        "title": "free text",
                        "description": "Free text shown in reports.",
                    },
                },
            },
            "examples": [
                [
                    {
                        "name": "support-bot",
                        "paths": ["support-bot/**"],
                        "kind": "slack_bot",
                        "multi_user": True,
                        "environment": "prod",
                        "description": "Answers customer questions in the support channel",
                    }
                ]
            ],
        },
        "baseline": {
            "type": "object",
            "additionalProperties": False,
            "description": "The junior user each agent's reach is compared with, per platform.",
            "default": {},
            "x-template": "active",
            "properties": {
                "aws": {
                    "type": "string",
                    "pattern": r"^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:[a-z-]+/.+$",
                    "title": "an IAM user or role ARN",
                    "description": "ARN of an IAM user or role.",
                    "examples": ["arn:aws:iam::123456789012:user/junior-analyst"],
                },
                "vault": {
                    "oneOf": [
                        {**_STRINGS, "minItems": 1},
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["policies"],
                            "properties": {"policies": {**_STRINGS, "minItems": 1}},
                        },
                    ],
                    "title": "Vault policy names",
                    "description": "Vault policy names, as a list or as `{policies: [...]}`.",
                    "examples": [["junior-read"]],
                },
                "salesforce": {
                    "type": "string",
                    "pattern": r"^([^@\s]+@[^@\s]+|(permission_set|profile):\S.*)$",
                    "title": "a Salesforce username, or a permission set or profile in the SFDX metadata",
                    "description": "A Salesforce username (a user in the org, or one an SFDX user definition "
                    "declares), or `permission_set:NAME` / `profile:NAME` for a permission set or profile "
                    "the scanned SFDX metadata declares (offline only: the live collector reads users).",
                    "examples": ["junior.rep@example.com"],
                },
                "entra": {
                    "type": "string",
                    "pattern": r"^[^@\s]+@[^@\s]+$",
                    "title": "an Entra user principal name",
                    "description": "An Entra user principal name (UPN).",
                    "examples": ["junior.rep@example.onmicrosoft.com"],
                },
                "github": {
                    "type": "string",
                    "pattern": GITHUB_LOGIN,
                    "title": "a GitHub login (member of the audited orgs)",
                    "description": "The login of a junior member of the audited organisations.",
                    "examples": ["junior-dev"],
                },
                "slack": {
                    "oneOf": [
                        {"type": "string", "pattern": SLACK_MEMBER},
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["user"],
                            "properties": {
                                "user": {"type": "string", "pattern": SLACK_MEMBER},
                                "scopes": _STRINGS,
                            },
                        },
                    ],
                    "title": "a Slack member id or e-mail",
                    "description": "A Slack member id (U0123ABCD) or e-mail, or `{user: ..., scopes: [...]}` "
                    "with the scopes a member's token has.",
                    "examples": ["U0123ABCD"],
                },
                "kubernetes": {
                    "type": "string",
                    "pattern": r"^\S+$",
                    "title": "a Kubernetes RBAC subject or role declared in the scanned manifests",
                    "description": "An RBAC subject bound in the scanned manifests "
                    "(`serviceaccount:NS/NAME`, `NS/NAME`, `system:serviceaccount:NS:NAME`, a user or "
                    "group name) or a role "
                    "(`ClusterRole/view` granted cluster-wide, `Role/NS/NAME`). Kubernetes has no live "
                    "collector: the baseline must be declared in code.",
                    "examples": ["ClusterRole/view"],
                },
            },
        },
        "rules": {
            "type": "object",
            "description": "Per-rule changes, keyed by rule id (BA-106) or name: severity, params "
            "(merged over the rule's defaults) and enabled.",
            "default": {},
            "x-template": "active",
            "propertyNames": {"pattern": RULE_REF},
            "additionalProperties": _RULE_OVERRIDE,
            "examples": [
                {
                    "BA-106": {"params": {"max_access_token_minutes": 30}},
                    "reused-credential": {"severity": "medium"},
                }
            ],
        },
        "disable": {
            "type": "array",
            "items": {"type": "string", "pattern": RULE_REF},
            "description": "Rules switched off entirely, by id or name.",
            "default": [],
            "x-template": "active",
            "examples": [["BA-109"]],
        },
        "suppressions": {
            "type": "array",
            "description": "Reviewed exceptions. Each needs a reason and names at least one of rule, path "
            "(glob), fingerprint (from the report), agent or identity. After `expires` (YYYY-MM-DD) the "
            "finding counts again, with a warning. Suppressed findings stay in the report and are counted.",
            "default": [],
            "x-template": "active",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["reason"],
                "minProperties": 2,
                "properties": {
                    "rule": {
                        "type": "string",
                        "pattern": RULE_REF,
                        "title": "rule id or name",
                        "description": "Rule id or name.",
                    },
                    "path": {
                        "type": "string",
                        "minLength": 1,
                        "title": "glob of files",
                        "description": "Glob of the files it covers, relative to the scan root.",
                    },
                    "fingerprint": {
                        "type": "string",
                        "pattern": r"^[0-9a-f]{16}$",
                        "title": "a finding's fingerprint",
                        "description": "The 16 hex characters of one finding's fingerprint (from a report).",
                    },
                    "agent": {
                        "type": "string",
                        "minLength": 1,
                        "title": "agent name",
                        "description": "Name of an agent.",
                    },
                    "identity": {
                        "type": "string",
                        "minLength": 1,
                        "title": "platform identity id",
                        "description": "Id of a platform identity (an ARN, a username ...).",
                    },
                    "reason": {
                        "type": "string",
                        "minLength": 3,
                        "title": "why, with a ticket",
                        "description": "Why the exception is acceptable (required).",
                    },
                    "expires": {
                        "type": "string",
                        "pattern": DATE,
                        "title": "YYYY-MM-DD: counts again after",
                        "description": "Date (YYYY-MM-DD) after which the finding counts again.",
                    },
                },
            },
            "examples": [
                [
                    {
                        "rule": "BA-101",
                        "path": "legacy-bot/**",
                        "reason": "Key is revoked; repository is being archived (TICKET-123)",
                        "expires": "2030-12-31",
                    }
                ]
            ],
        },
        "scan": {
            "type": "object",
            "additionalProperties": False,
            "description": "What the static scan reads.",
            "x-template": "active",
            "properties": {
                "max_file_size": {
                    "oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": SIZE}],
                    "x-size": True,
                    "title": "larger files are skipped and listed in coverage",
                    "description": "Larger files are skipped and listed in coverage: a number of bytes, or a "
                    "size such as 512KB, 5MB, 1GB (binary units).",
                    "default": "5MB",
                    "x-template": "active",
                },
                "peer_allow_markers": {
                    "type": "boolean",
                    "title": "honour other scanners' inline allow comments",
                    "description": "Findings on a line that another scanner's inline allow comment covers "
                    "(`gitleaks:allow`, `betterleaks:allow`, `trufflehog:ignore` on their own line; "
                    "detect-secrets' `pragma: allowlist secret` on its line and `pragma: allowlist nextline "
                    "secret` on the next) are suppressed, as `botaudit:allow` suppresses them, and counted "
                    "as such. Set false to report them.",
                    "default": True,
                },
                "exclude": {
                    **_STRINGS,
                    "title": "extra globs to skip",
                    "description": "Extra globs to skip, on top of .gitignore and .botauditignore.",
                    "default": [],
                    "x-template": "active",
                    "examples": [["vendor/**", "**/*.min.js"]],
                },
            },
        },
        "collectors": {
            "type": "object",
            "description": "Collector settings per platform (aws, vault, salesforce, entra, github, slack): "
            "endpoints, "
            "profiles, CA bundles, file paths and the names of environment variables. Never put a secret "
            "here: botaudit.yaml is committed.",
            "default": {},
            "x-template": "active",
            "additionalProperties": False,
            "properties": {p: _collector_section(p) for p in COLLECTOR_PLATFORMS},
        },
        "snapshots": {
            **_STRINGS,
            "x-pointer": "file",
            "description": "Saved platform snapshots (`botaudit collect PLATFORM --output FILE`) judged on "
            "every scan, offline. Paths are relative to botaudit.yaml.",
            "default": [],
            "x-template": "active",
            "examples": [["snapshots/aws.json", "snapshots/vault.json"]],
        },
    },
}

# JSON Schema keywords a rule parameter may be declared with in rules/BA-*.yaml (plus default, description).
PARAM_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minLength",
        "maxLength",
        "pattern",
    }
)
PARAM_TYPES = frozenset({"boolean", "integer", "number", "string", "array"})


def param_schema(declaration: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one declared rule parameter (its declaration without the annotations)."""
    return {k: copy.deepcopy(v) for k, v in declaration.items() if k in PARAM_KEYWORDS}


def with_rules(rules: Iterable[Rule]) -> dict[str, Any]:
    """CONFIG_SCHEMA with the rules joined in: known ids and names only, each rule's own params."""
    schema: dict[str, Any] = copy.deepcopy(dict(CONFIG_SCHEMA))
    props = schema["properties"]
    overrides: dict[str, Any] = {}
    refs: list[str] = []
    for rule in rules:
        entry = copy.deepcopy(_RULE_OVERRIDE)
        entry["properties"]["params"] = {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                name: param_schema(rule.param_schema.get(name) or _inferred(default))
                for name, default in rule.params.items()
            },
        }
        for ref in (rule.id, rule.name):
            overrides[ref] = entry
            refs.append(ref)
    props["rules"]["properties"] = overrides
    props["rules"]["additionalProperties"] = False
    props["rules"].pop("propertyNames", None)
    props["disable"]["items"] = {"enum": refs}
    props["suppressions"]["items"]["properties"]["rule"] = {"enum": refs}
    return schema


def _inferred(default: Any) -> dict[str, Any]:
    """A schema from a bare default, for rules built in code (tests) without declarations."""
    if isinstance(default, bool):
        return {"type": "boolean"}
    if isinstance(default, int):
        return {"type": "integer"}
    if isinstance(default, float):
        return {"type": "number"}
    if isinstance(default, list | tuple):
        return {"type": "array"}
    if isinstance(default, str):
        return {"type": "string"}
    return {}
