"""Hand-built ScanResults for the reporter, suppression, baseline and gate tests (no scanner needed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from auditor.engine.interface import Rule
from auditor.model import (
    AccessLevel,
    Agent,
    AuthModel,
    Capability,
    Confidence,
    Connection,
    Coverage,
    FileScan,
    Finding,
    Identity,
    Location,
    NotEvaluated,
    Platform,
    PlatformCredential,
    ReachGap,
    ReferenceKind,
    Resolution,
    ScanResult,
    SecretContext,
    SecretMatch,
    SecretReference,
    Severity,
    Skipped,
    Snapshot,
    Suppression,
)
from auditor.redact import fingerprint, redact

STARTED = datetime(2026, 3, 1, 9, 0, 0, tzinfo=UTC)
FINISHED = datetime(2026, 3, 1, 9, 0, 42, tzinfo=UTC)

# Values planted in the "scanned files". None of them may reach any report; only their previews may.
SLACK_TOKEN = "xoxb-2210987654321-1234567890123-Zq8wLmN4pRt6VyX2kJ9aBcDe"
AWS_KEY_ID = "AKIA4HKWQZ7TNXPLR2VM"
AWS_SECRET = "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"
GITHUB_PAT = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ12345678"
VAULT_TOKEN = "hvs.CAESIJ3kq9LmZx8Yw2Vb7Nc4Rt6Up1Qs0Ea5Hd"
SF_PASSWORD = "Tr0ub4dor&3-Integration!"
ENTRA_SECRET = "Xy8Q~kT3mN9pLr2Vb6Hc4Jd7Fg1Ws5Ae0Zu.Io-Kq"
OPENAI_KEY = "sk-proj-9fKq2LmZx8Yw4Vb7Nc3Rt6Up1Qs0Ea5HdT3BlbkFJ"
PLANTED_SECRETS = (
    SLACK_TOKEN,
    AWS_KEY_ID,
    AWS_SECRET,
    GITHUB_PAT,
    VAULT_TOKEN,
    SF_PASSWORD,
    ENTRA_SECRET,
    OPENAI_KEY,
)

ENTRA_CLIENT_ID = "3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c"
SF_USER = "integration@acme.example"


# What the bundled detectors declare as public for these kinds (rules/detectors/*.yaml `public_prefix`).
_PUBLIC_PREFIXES = {"slack_bot_token": ("xoxb-",), "aws_access_key_id": ("AKIA", "ASIA")}


def _secret(
    value: str,
    kind: str,
    path: str,
    line: int,
    key: str | None,
    severity: Severity,
    platform: Platform,
    context: SecretContext = SecretContext.CONFIG,
    identifier: str | None = None,
) -> SecretMatch:
    return SecretMatch(
        detector_id=kind.replace("_", "-"),
        kind=kind,
        location=Location(path, line, key=key),
        redacted=redact(value, _PUBLIC_PREFIXES.get(kind, ())),
        fingerprint=fingerprint(kind, value),
        severity=severity,
        confidence=Confidence.HIGH,
        context=context,
        identifier=identifier,
        platform=platform,
    )


SLACK = _secret(
    SLACK_TOKEN,
    "slack_bot_token",
    "slackbot/.env",
    3,
    "SLACK_BOT_TOKEN",
    Severity.HIGH,
    Platform.SLACK,
    SecretContext.ENV_FILE,
)
AWS_ID = _secret(
    AWS_KEY_ID,
    "aws_access_key_id",
    "slackbot/.env",
    5,
    "AWS_ACCESS_KEY_ID",
    Severity.HIGH,
    Platform.AWS,
    SecretContext.ENV_FILE,
    identifier=AWS_KEY_ID,
)
AWS_SK = _secret(
    AWS_SECRET,
    "aws_secret_access_key",
    "slackbot/.env",
    6,
    "AWS_SECRET_ACCESS_KEY",
    Severity.CRITICAL,
    Platform.AWS,
    SecretContext.ENV_FILE,
)
GITHUB = _secret(
    GITHUB_PAT,
    "github_pat",
    "mcp/claude_desktop_config.json",
    9,
    "mcpServers.github.env.GITHUB_TOKEN",
    Severity.HIGH,
    Platform.GITHUB,
)
VAULT = _secret(
    VAULT_TOKEN, "vault_token", "worker/config.yaml", 12, "vault.token", Severity.CRITICAL, Platform.VAULT
)
SF = _secret(
    SF_PASSWORD,
    "salesforce_password",
    "sfbot/settings.ini",
    4,
    "salesforce.password",
    Severity.HIGH,
    Platform.SALESFORCE,
)
ENTRA = _secret(
    ENTRA_SECRET,
    "azure_client_secret",
    "teams/appsettings.json",
    7,
    "MicrosoftAppPassword",
    Severity.HIGH,
    Platform.ENTRA,
)
OPENAI = _secret(
    OPENAI_KEY,
    "openai_api_key",
    "crew/prompts/system.md",
    2,
    None,
    Severity.CRITICAL,
    Platform.OPENAI,
    SecretContext.PROMPT,
)

VAULT_REF = SecretReference(
    ReferenceKind.VAULT_PATH, "secret/data/jit-worker", Location("jit/agent.hcl", 4), Platform.VAULT
)
ENV_REF = SecretReference(
    ReferenceKind.ENV_VAR, "OPENAI_API_KEY", Location("jit/main.py", 10), Platform.OPENAI
)

FILES = (
    FileScan("slackbot/.env", "dotenv", 320, secrets=(SLACK, AWS_ID, AWS_SK)),
    FileScan("mcp/claude_desktop_config.json", "json", 800, secrets=(GITHUB,), allow_lines=(8,)),
    FileScan("worker/config.yaml", "yaml", 400, secrets=(VAULT,)),
    FileScan("sfbot/settings.ini", "ini", 200, secrets=(SF,)),
    FileScan("teams/appsettings.json", "json", 500, secrets=(ENTRA,)),
    FileScan("crew/prompts/system.md", "text", 900, secrets=(OPENAI,)),
    FileScan("jit/agent.hcl", "hcl", 150, references=(VAULT_REF,)),
    FileScan("jit/main.py", "source", 1500, references=(ENV_REF,)),
)

AGENTS = (
    Agent(
        "support-slackbot",
        "slackbot",
        "slack_bot",
        manifests=(Location("slackbot/manifest.yaml", 1),),
        connections=(
            Connection(
                Platform.SLACK,
                AuthModel.STATIC_API_KEY,
                "B0SUPPORTBOT",
                (Location("slackbot/.env", 3),),
                (SLACK.fingerprint,),
            ),
            # The key id is an identity hint, and still must be redacted in reports.
            Connection(
                Platform.AWS,
                AuthModel.STATIC_API_KEY,
                AWS_KEY_ID,
                (Location("slackbot/.env", 5),),
                (AWS_ID.fingerprint, AWS_SK.fingerprint),
            ),
        ),
        secrets=(SLACK, AWS_ID, AWS_SK),
        multi_user=True,
    ),
    Agent(
        "sf-case-bot",
        "sfbot",
        "langchain",
        connections=(
            Connection(
                Platform.SALESFORCE,
                AuthModel.SHARED_PASSWORD,
                SF_USER,
                (Location("sfbot/settings.ini", 3),),
                (SF.fingerprint,),
            ),
        ),
        secrets=(SF,),
        multi_user=True,
    ),
    Agent(
        "teams-helpdesk",
        "teams",
        "bot_framework",
        connections=(
            Connection(
                Platform.ENTRA,
                AuthModel.CLIENT_SECRET,
                ENTRA_CLIENT_ID,
                (Location("teams/appsettings.json", 6),),
                (ENTRA.fingerprint,),
            ),
        ),
        secrets=(ENTRA,),
        multi_user=True,
    ),
    Agent(
        "vault-worker",
        "worker",
        "crewai",
        connections=(
            Connection(
                Platform.VAULT,
                AuthModel.STATIC_API_KEY,
                "worker-policy",
                (Location("worker/config.yaml", 12),),
                (VAULT.fingerprint,),
            ),
        ),
        secrets=(VAULT,),
    ),
    Agent(
        "mcp-desktop",
        "mcp",
        "mcp_client",
        connections=(
            Connection(
                Platform.GITHUB,
                AuthModel.PERSONAL_TOKEN,
                GITHUB_PAT,
                (Location("mcp/claude_desktop_config.json", 9),),
                (GITHUB.fingerprint,),
            ),
        ),
        secrets=(GITHUB,),
    ),
    Agent(
        "crew-researcher",
        "crew",
        "crewai",
        connections=(
            Connection(
                Platform.OPENAI,
                AuthModel.STATIC_API_KEY,
                None,
                (Location("crew/prompts/system.md", 2),),
                (OPENAI.fingerprint,),
            ),
        ),
        secrets=(OPENAI,),
    ),
    Agent(
        "jit-worker",
        "jit",
        "custom",
        connections=(
            Connection(
                Platform.VAULT, AuthModel.JIT_TOKEN, "role/jit-worker", (Location("jit/agent.hcl", 4),)
            ),
        ),
        references=(VAULT_REF, ENV_REF),
    ),
)


def _caps(platform: str, spec: list[tuple[str, str, AccessLevel]]) -> tuple[Capability, ...]:
    return tuple(Capability(platform, res, act, lvl) for act, res, lvl in spec)


AWS_EXTRA = _caps(
    "aws",
    [
        ("iam:PassRole", "*", AccessLevel.ADMIN),
        ("iam:CreateAccessKey", "*", AccessLevel.ADMIN),
        ("s3:PutObject", "arn:aws:s3:::acme-data/*", AccessLevel.WRITE),
        ("s3:DeleteObject", "arn:aws:s3:::acme-data/*", AccessLevel.WRITE),
        ("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/cases", AccessLevel.WRITE),
        ("s3:GetObject", "arn:aws:s3:::acme-data/*", AccessLevel.READ),
        ("secretsmanager:GetSecretValue", "*", AccessLevel.READ),
        ("dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/cases", AccessLevel.READ),
        ("s3:ListBucket", "arn:aws:s3:::acme-data", AccessLevel.LIST),
        ("iam:ListUsers", "*", AccessLevel.LIST),
        ("iam:ListRoles", "*", AccessLevel.LIST),
        ("ec2:DescribeInstances", "*", AccessLevel.LIST),
    ],
)
VAULT_EXTRA = _caps(
    "vault",
    [
        ("update", "sys/policies/acl/*", AccessLevel.ADMIN),
        ("create", "secret/data/payments/*", AccessLevel.WRITE),
        ("read", "secret/data/payments/stripe", AccessLevel.READ),
        ("list", "secret/metadata/*", AccessLevel.LIST),
    ],
)
SF_EXTRA = _caps(
    "salesforce",
    [
        ("ModifyAllData", "org", AccessLevel.ADMIN),
        ("ViewAllData", "org", AccessLevel.READ),
        ("edit", "Case", AccessLevel.WRITE),
    ],
)
ENTRA_EXTRA = _caps(
    "entra",
    [
        ("Directory.ReadWrite.All", "Microsoft Graph", AccessLevel.ADMIN),
        ("Mail.Read", "Microsoft Graph", AccessLevel.READ),
    ],
)

GAPS = (
    ReachGap(
        "support-slackbot",
        Platform.AWS,
        "arn:aws:iam::123456789012:user/slackbot",
        "arn:aws:iam::123456789012:user/junior",
        AWS_EXTRA,
        escalation=True,
    ),
    ReachGap(
        "vault-worker",
        Platform.VAULT,
        "token:worker-policy",
        "policies:default,junior",
        VAULT_EXTRA,
        escalation=True,
    ),
    ReachGap("sf-case-bot", Platform.SALESFORCE, SF_USER, "junior@acme.example", SF_EXTRA),
    ReachGap("teams-helpdesk", Platform.ENTRA, ENTRA_CLIENT_ID, "junior@acme.example", ENTRA_EXTRA),
)

RESOLUTIONS = (
    Resolution(
        "support-slackbot",
        Platform.AWS,
        "AIDAEXAMPLEUSERID01",
        "slackbot",
        "access_key_id",
        AWS_ID.fingerprint,
        AWS_ID.location,
    ),
    Resolution(
        "vault-worker",
        Platform.VAULT,
        "token:worker-policy",
        "worker token",
        "token_accessor",
        VAULT.fingerprint,
        VAULT.location,
    ),
    Resolution(
        "sf-case-bot",
        Platform.SALESFORCE,
        "005000000000001AAA",
        SF_USER,
        "username",
        SF.fingerprint,
        Location("sfbot/settings.ini", 3),
    ),
    Resolution(
        "teams-helpdesk",
        Platform.ENTRA,
        "sp-0001",
        "Helpdesk Bot",
        "client_id",
        ENTRA.fingerprint,
        Location("teams/appsettings.json", 6),
    ),
)

SNAPSHOTS = (
    Snapshot(
        Platform.AWS,
        STARTED,
        "moto",
        identities=(
            Identity(
                Platform.AWS,
                "AIDAEXAMPLEUSERID01",
                "slackbot",
                "iam_user",
                {"arn": "arn:aws:iam::123456789012:user/slackbot", "console_password": False},
                aliases=(AWS_KEY_ID,),
            ),
        ),
        credentials=(
            PlatformCredential(
                Platform.AWS,
                AWS_KEY_ID,
                "AIDAEXAMPLEUSERID01",
                "access_key",
                created=datetime(2024, 1, 5, tzinfo=UTC),
            ),
        ),
    ),
    Snapshot(
        Platform.VAULT,
        STARTED,
        "openbao",
        identities=(
            Identity(
                Platform.VAULT, "token:worker-policy", "worker token", "token", {"policies": ["worker"]}
            ),
        ),
    ),
    Snapshot(
        Platform.SALESFORCE,
        STARTED,
        "snapshot",
        identities=(
            Identity(
                Platform.SALESFORCE,
                "005000000000001AAA",
                SF_USER,
                "user",
                {"profile": "System Administrator"},
                aliases=(SF_USER,),
            ),
        ),
    ),
    Snapshot(
        Platform.ENTRA,
        STARTED,
        "snapshot",
        identities=(
            Identity(
                Platform.ENTRA, "sp-0001", "Helpdesk Bot", "service_principal", aliases=(ENTRA_CLIENT_ID,)
            ),
        ),
    ),
)


def _rule(rid: str, name: str, title: str, severity: Severity, category: str) -> Rule:
    return Rule(
        id=rid,
        name=name,
        title=title,
        severity=severity,
        category=category,
        rationale=f"Why {name} matters: agents amplify whatever their credential can do.",
        remediation=f"Fix {name}: move the credential to a secret manager and scope it per user.",
        check=name.replace("-", "_"),
        references=("https://owasp.org/www-project-non-human-identities-top-10/2025/", "OWASP NHI2:2025"),
        compliance={"SOC2": ("CC6.1",)},
    )


RULES = (
    _rule(
        "BA-101",
        "static-credential-in-config",
        "Static credential in an agent configuration",
        Severity.HIGH,
        "secrets",
    ),
    _rule(
        "BA-102",
        "credential-in-prompt",
        "Credential inside a prompt or tool definition",
        Severity.CRITICAL,
        "secrets",
    ),
    _rule(
        "BA-201",
        "shared-integration-user",
        "Shared integration user behind a multi-user agent",
        Severity.HIGH,
        "identity",
    ),
    _rule(
        "BA-301",
        "admin-equivalent-reach",
        "Agent identity with admin-equivalent reach",
        Severity.CRITICAL,
        "privilege",
    ),
    _rule(
        "BA-302", "secret-not-rotated", "Secret not rotated within max_age_days", Severity.MEDIUM, "hygiene"
    ),
    _rule("BA-401", "cors-wildcard", "Agent endpoint allows any origin", Severity.LOW, "network"),
    _rule("BA-501", "good-pattern-info", "Reference to a secret manager", Severity.INFO, "inventory"),
)
_R = {r.id: r for r in RULES}


def _finding(rid: str, message: str, *, subject: str, **kw: object) -> Finding:
    return _R[rid].finding(message, subject=subject, **kw)  # type: ignore[arg-type]


FINDINGS = (
    _finding(
        "BA-101",
        f"Slack bot token ({SLACK.redacted}) committed in .env",
        subject="slackbot/.env",
        location=SLACK.location,
        agent="support-slackbot",
        kind="slack_bot_token",
        secret_fingerprint=SLACK.fingerprint,
        platform=Platform.SLACK,
    ),
    _finding(
        "BA-101",
        "AWS secret access key committed in .env",
        subject="slackbot/.env",
        location=AWS_SK.location,
        agent="support-slackbot",
        kind="aws_secret_access_key",
        secret_fingerprint=AWS_SK.fingerprint,
        platform=Platform.AWS,
        severity=Severity.CRITICAL,
    ),
    _finding(
        "BA-102",
        f"OpenAI key ({OPENAI.redacted}) in a system prompt reaches the model and its logs",
        subject="crew/prompts/system.md",
        location=OPENAI.location,
        agent="crew-researcher",
        kind="openai_api_key",
        secret_fingerprint=OPENAI.fingerprint,
        platform=Platform.OPENAI,
    ),
    _finding(
        "BA-201",
        f"Salesforce integration user {SF_USER} serves every Slack user with one login",
        subject=SF_USER,
        identity=SF_USER,
        platform=Platform.SALESFORCE,
        agent="sf-case-bot",
        evidence={"anchor": {"path": "sfbot/settings.ini", "line": 3}},
    ),
    _finding(
        "BA-301",
        "IAM user slackbot can iam:PassRole on * (privilege escalation)",
        subject="arn:aws:iam::123456789012:user/slackbot",
        identity="arn:aws:iam::123456789012:user/slackbot",
        platform=Platform.AWS,
        agent="support-slackbot",
    ),
    _finding(
        "BA-302",
        "Entra client secret is 412 days old (max_age_days 90)",
        subject="sp-0001",
        identity="sp-0001",
        platform=Platform.ENTRA,
        agent="teams-helpdesk",
    ),
    _finding(
        "BA-401",
        "allowed_origins is '*' on the agent endpoint",
        subject="teams/appsettings.json",
        location=Location("teams/appsettings.json", 12, key="cors.allowed_origins"),
        agent="teams-helpdesk",
    ),
    _finding(
        "BA-501",
        "vault-worker reads a static KV secret; a dynamic engine serves the same system",
        subject="worker/config.yaml",
        location=Location("worker/config.yaml", 14, key="vault.path"),
        agent="vault-worker",
        confidence=Confidence.LOW,
    ),
)

# Findings with suppression states: inline, config (valid), config (expired), baselined.
SUPPRESSED_INLINE = replace(
    _finding(
        "BA-101",
        f"GitHub PAT ({GITHUB.redacted}) of a named person on a shared MCP server",
        subject="mcp/claude_desktop_config.json",
        location=GITHUB.location,
        agent="mcp-desktop",
        kind="github_pat",
        secret_fingerprint=GITHUB.fingerprint,
        platform=Platform.GITHUB,
    ),
    suppression=Suppression("inline", "botaudit:allow on line 8"),
)
SUPPRESSED_CONFIG = replace(
    _finding(
        "BA-101",
        "Vault token committed in worker config",
        subject="worker/config.yaml",
        location=VAULT.location,
        agent="vault-worker",
        kind="vault_token",
        secret_fingerprint=VAULT.fingerprint,
        platform=Platform.VAULT,
    ),
    suppression=Suppression("config", "Rotated weekly by the platform team (SEC-1234)", expires="2026-12-31"),
)
EXPIRED = replace(
    _finding(
        "BA-101",
        "Entra client secret committed in appsettings.json",
        subject="teams/appsettings.json",
        location=ENTRA.location,
        agent="teams-helpdesk",
        kind="azure_client_secret",
        secret_fingerprint=ENTRA.fingerprint,
        platform=Platform.ENTRA,
    ),
    suppression=Suppression(
        "config", "Migration to certificates planned", expires="2026-01-01", expired=True
    ),
)
BASELINED = replace(
    _finding(
        "BA-101",
        "Salesforce password in settings.ini",
        subject="sfbot/settings.ini",
        location=SF.location,
        agent="sf-case-bot",
        kind="salesforce_password",
        secret_fingerprint=SF.fingerprint,
        platform=Platform.SALESFORCE,
    ),
    baseline=True,
)

COVERAGE = Coverage(
    files_scanned=8,
    bytes_scanned=4770,
    skipped=(
        Skipped("data/huge.json", "file is 1.0 GB, over the 5 MB limit", "too_large"),
        Skipped(
            "k8s/broken.yaml",
            "YAML parse error at line 7: mapping values are not allowed here",
            "parse_error",
        ),
        Skipped("aws:secretsmanager:ListSecrets", "AccessDenied", "access_denied"),
        Skipped("assets/logo.yaml", "binary content", "binary"),
        Skipped("loop/link", "symlink loop", "symlink"),
    ),
    not_evaluated=(NotEvaluated("BA-302", "sp-0002", "no credential dates in the snapshot"),),
    platforms_requested=("aws", "vault", "salesforce", "entra"),
    platforms_collected=("aws", "vault", "salesforce", "entra"),
)


def build_result(**changes: object) -> ScanResult:
    """A realistic ScanResult covering every section of every report."""
    result = ScanResult(
        started=STARTED,
        finished=FINISHED,
        targets=("agents/",),
        agents=AGENTS,
        files=FILES,
        snapshots=SNAPSHOTS,
        resolutions=RESOLUTIONS,
        gaps=GAPS,
        findings=(*FINDINGS, SUPPRESSED_INLINE, SUPPRESSED_CONFIG, EXPIRED, BASELINED),
        coverage=COVERAGE,
        rules=RULES,
        parameters={
            "fail_on": "high",
            "connect": ["aws", "vault"],
            "config": "botaudit.yaml",
            "baseline": ".botaudit-baseline.json",
        },
    )
    return replace(result, **changes) if changes else result  # type: ignore[arg-type]


def many_findings(n: int = 5000) -> ScanResult:
    """The fixture with `n` findings spread over severities, files, agents and rules (scale tests)."""
    severities = list(Severity)
    rules = list(RULES)
    agents = [a.name for a in AGENTS]
    findings = []
    for i in range(n):
        rule = rules[i % len(rules)]
        path = f"repo{i % 97}/config/file{i % 13}.yaml"
        findings.append(
            rule.finding(
                f"finding number {i} in {path}",
                subject=path,
                location=Location(path, 1 + i % 400, key=f"services.s{i}.token"),
                agent=agents[i % len(agents)],
                severity=severities[i % len(severities)],
                secret_fingerprint=f"{i:016x}",
            )
        )
    return build_result(findings=tuple(findings))
