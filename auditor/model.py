"""The data model every stage shares: frozen dataclasses and enums, no I/O (DESIGN.md section 3)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any

# A sort key: a tuple of plain, mutually comparable values (never None), so any two keys of one model type
# compare without a TypeError. Every model object that reports or stages sort has `sort_key()`; sorting a
# model object by its fields directly (or by `order=True` comparisons) breaks as soon as an optional field is
# None on one side (issue 9: two secrets on one line, one with `column`/`key` None).
SortKey = tuple[Any, ...]


def opt_str(value: str | None) -> tuple[bool, str]:
    """A None-safe key part for an optional string: None sorts before every string."""
    return (value is not None, value if value is not None else "")


def opt_int(value: int | None) -> tuple[bool, int]:
    """A None-safe key part for an optional integer: None sorts before every number."""
    return (value is not None, value if value is not None else 0)


def opt_key(value: Any) -> tuple[Any, ...]:
    """A None-safe key part for an optional model object with a `sort_key()`."""
    return (False,) if value is None else (True, value.sort_key())


def _enum_value(value: enum.Enum | None) -> tuple[bool, str]:
    return opt_str(None if value is None else str(value.value))


class Record:
    """`==`, `hash()` and `repr()` from a frozen dataclass's fields, written once instead of per class.

    `@dataclass` writes out and compiles (exec) __init__, __repr__, __eq__ and __hash__, and frozen's
    __setattr__ and __delattr__, for every class: six compilations a class, most of this module's import
    time, which every `botaudit` run pays before it reads a file. Model classes declare
    `@dataclass(frozen=True, repr=False, eq=False)` and inherit these three, which behave as the generated
    ones do: equal only to an instance of the same class with equal fields, the hash of the field values,
    `Name(field=value, ...)`.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _getter(self.__class__, "compare")
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        return hash(_getter(self.__class__, "hash")(self))

    def __repr__(self) -> str:
        names = _names(self.__class__, "repr")
        parts = (f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({', '.join(parts)})"


_NAMES: dict[tuple[type, str], tuple[str, ...]] = {}
_GETTERS: dict[tuple[type, str], Callable[[Any], tuple[Any, ...]]] = {}


def _names(cls: type, use: str) -> tuple[str, ...]:
    """The fields that take part in `use` (repr, compare, hash), by the same flags @dataclass reads."""
    names = _NAMES.get((cls, use))
    if names is None:
        chosen = []
        for f in fields(cls):
            flag = f.repr if use == "repr" else f.compare if use == "compare" else f.hash
            if use == "hash" and flag is None:
                flag = f.compare
            if flag:
                chosen.append(f.name)
        names = _NAMES[(cls, use)] = tuple(chosen)
    return names


def _getter(cls: type, use: str) -> Callable[[Any], tuple[Any, ...]]:
    """Those fields' values as a tuple, by one C call (operator.attrgetter), cached per class."""
    getter = _GETTERS.get((cls, use))
    if getter is None:
        names = _names(cls, use)
        if len(names) == 1:
            one = attrgetter(names[0])
            getter = _GETTERS[(cls, use)] = lambda obj: (one(obj),)
        else:
            getter = _GETTERS[(cls, use)] = attrgetter(*names) if names else (lambda obj: ())
    return getter


class _OrderedBySortKey:
    """Rich comparisons through `sort_key()`, so `sorted(locations)` and `min()` can never raise."""

    def sort_key(self) -> SortKey:
        raise NotImplementedError

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self.sort_key() < other.sort_key())

    def __le__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self.sort_key() <= other.sort_key())

    def __gt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self.sort_key() > other.sort_key())

    def __ge__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self.sort_key() >= other.sort_key())


class Severity(str, enum.Enum):
    """How bad a finding is; ordered by `rank` (critical highest)."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank


_SEVERITY_RANK = {
    Severity.INFO: 0,
    Severity.LOW: 1,
    Severity.MEDIUM: 2,
    Severity.HIGH: 3,
    Severity.CRITICAL: 4,
}


class Confidence(str, enum.Enum):
    """How sure a detection is; separate from severity (a lone key id is low confidence, high severity)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class AuthModel(str, enum.Enum):
    """How an agent authenticates to a platform (DESIGN.md section 4)."""

    STATIC_API_KEY = "static_api_key"
    SHARED_PASSWORD = "shared_password"
    PERSONAL_TOKEN = "personal_token"
    CLIENT_SECRET = "client_secret"
    CLIENT_CERTIFICATE = "client_certificate"
    SERVICE_ACCOUNT_ROLE = "service_account_role"
    JWT_BEARER_PER_USER = "jwt_bearer_per_user"
    ON_BEHALF_OF = "on_behalf_of"
    OAUTH_PKCE = "oauth_pkce"
    JIT_TOKEN = "jit_token"
    MTLS = "mtls"
    UNKNOWN = "unknown"

    @property
    def is_per_user_or_jit(self) -> bool:
        """The good patterns: each request runs as its user, or with a short-lived per-task token."""
        return self in _GOOD_MODELS


_GOOD_MODELS = frozenset(
    {AuthModel.JWT_BEARER_PER_USER, AuthModel.ON_BEHALF_OF, AuthModel.OAUTH_PKCE, AuthModel.JIT_TOKEN}
)


class Platform(str, enum.Enum):
    """Platforms botaudit knows; collectors exist for the first six."""

    SALESFORCE = "salesforce"
    ENTRA = "entra"
    AWS = "aws"
    VAULT = "vault"
    SLACK = "slack"
    GITHUB = "github"
    OPENAI = "openai"
    ANTHROPIC = "anthropic"
    GOOGLE = "google"
    STRIPE = "stripe"
    TWILIO = "twilio"
    SENDGRID = "sendgrid"
    DATABASE = "database"
    KUBERNETES = "kubernetes"
    OTHER = "other"


COLLECTABLE_PLATFORMS = (
    Platform.AWS,
    Platform.VAULT,
    Platform.SALESFORCE,
    Platform.ENTRA,
    Platform.GITHUB,
    Platform.SLACK,
)


class AccessLevel(str, enum.Enum):
    """Sensitivity of a capability, used to rank reach gaps: admin > write > read > list."""

    ADMIN = "admin"
    WRITE = "write"
    READ = "read"
    LIST = "list"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {AccessLevel.LIST: 0, AccessLevel.READ: 1, AccessLevel.WRITE: 2, AccessLevel.ADMIN: 3}


# A member of a zip archive in the scanned tree is reported as `<archive path>!/<name in the archive>`
# (`dist/weather.mcpb!/manifest.json`; auditor/discovery/archives.py reads them).
ARCHIVE_SEPARATOR = "!/"
# Zip-based formats: plain zips, Claude Desktop extensions, Java, Python wheels and eggs, NuGet, VS Code
# extensions. Office documents are zips too, but hold prose, not configuration: not opened. Then tar
# archives (plain, gzip, bzip2, xz: `.tar.gz` ends in `.gz`) and single compressed files
# (discovery.tarballs).
ARCHIVE_SUFFIXES = frozenset(
    {".zip", ".mcpb", ".dxt", ".jar", ".war", ".ear", ".whl", ".egg", ".nupkg", ".vsix"}
    | {".tar", ".tgz", ".tbz2", ".tbz", ".txz", ".gz", ".bz2", ".xz"}
)


def is_archive_name(name: str) -> bool:
    """Whether a file name (or path) has an archive's suffix (zip-based, tar, or a compressed file)."""
    dot = name.rfind(".")
    return dot >= 0 and "/" not in name[dot:] and name[dot:].lower() in ARCHIVE_SUFFIXES


def split_member(path: str) -> tuple[str, str] | None:
    """(archive path, member name) of an archive member's reported path; None for any other path."""
    archive, sep, member = path.partition(ARCHIVE_SEPARATOR)
    if not sep or not member or not is_archive_name(archive):
        return None
    return archive, member


@dataclass(frozen=True, repr=False, eq=False)
class Location(Record, _OrderedBySortKey):
    """A place in a scanned file; `path` is relative to the scan root, `key` the config key path.

    Ordered by `sort_key()` (path, line, column, key, commit; a missing one first), never field by field.
    """

    path: str
    line: int = 0
    column: int | None = None
    key: str | None = None
    # The git commit that added the file version this came from, for evidence found with --history.
    commit: str | None = None

    def sort_key(self) -> SortKey:
        return (self.path, self.line, opt_int(self.column), opt_str(self.key), opt_str(self.commit))


class SecretContext(str, enum.Enum):
    """Where a secret sits; a secret in a prompt or tool definition reaches the model and its logs."""

    CONFIG = "config"
    ENV_FILE = "env_file"
    SOURCE = "source"
    PROMPT = "prompt"
    TOOL_DEFINITION = "tool_definition"
    DOCUMENT = "document"
    KEY_FILE = "key_file"
    WORKFLOW = "workflow"
    MANIFEST = "manifest"


@dataclass(frozen=True, repr=False, eq=False)
class SecretMatch(Record):
    """One inline credential value found in a file. Never holds the value itself."""

    detector_id: str
    kind: str
    location: Location
    redacted: str
    fingerprint: str
    severity: Severity
    confidence: Confidence
    context: SecretContext = SecretContext.CONFIG
    is_example: bool = False
    in_test_path: bool = False
    # A public identifier that is not itself a secret (an AWS access key id, a client id, a username),
    # kept so the credential can be joined to its platform identity. Reports still redact it.
    identifier: str | None = None
    platform: Platform | None = None
    # Why the detector is as sure as it says: a checksum verified or failed, a generic key-name match...
    confidence_reason: str = ""
    # The value's scrypt fingerprint when it differs from `fingerprint` (an issued token's: what scheme 2, and
    # scheme 3 for the kinds scheme 4 added, gave it), derived only while a baseline, suppression or snapshot
    # recorded under an older scheme is in use (auditor.redact).
    # Matching only: never in a report.
    legacy_fingerprint: str | None = None

    def sort_key(self) -> SortKey:
        return (
            self.location.sort_key(),
            self.kind,
            self.detector_id,
            self.fingerprint,
            self.redacted,
            -self.severity.rank,
            self.confidence.value,
            self.context.value,
            self.is_example,
            self.in_test_path,
            _enum_value(self.platform),
        )


class ReferenceKind(str, enum.Enum):
    """The kinds of pointer-instead-of-value botaudit recognises."""

    ENV_VAR = "env_var"
    VAULT_PATH = "vault_path"
    AWS_SECRETS_MANAGER = "aws_secrets_manager"
    AWS_SSM = "aws_ssm"
    AZURE_KEY_VAULT = "azure_key_vault"
    GCP_SECRET_MANAGER = "gcp_secret_manager"
    K8S_SECRET_REF = "k8s_secret_ref"
    CI_SECRET = "ci_secret"
    TEMPLATE = "template"
    FILE = "file"
    # A VS Code `${input:x}` prompt: the user types the secret, VS Code keeps it in its secret storage.
    PROMPT_INPUT = "prompt_input"
    ONEPASSWORD = "onepassword"
    # A value encrypted in place by SOPS (`ENC[AES256_GCM,…]`); the key path names it.
    SOPS = "sops"
    # A credential in n8n's own credential store, named by a workflow node (`type/name`).
    N8N_CREDENTIAL = "n8n_credential"


@dataclass(frozen=True, repr=False, eq=False)
class SecretReference(Record):
    """A pointer to a secret kept elsewhere: inventory, the good pattern, never a finding by itself."""

    kind: ReferenceKind
    target: str
    location: Location
    platform: Platform | None = None

    def sort_key(self) -> SortKey:
        return (self.location.sort_key(), self.kind.value, self.target, _enum_value(self.platform))


@dataclass(frozen=True, repr=False, eq=False)
class Setting(Record):
    """A non-secret configuration value that matters for posture (grant_type, token_url, client_id, ttl)."""

    key: str
    value: str
    location: Location

    def sort_key(self) -> SortKey:
        return (self.location.sort_key(), self.key, self.value)


@dataclass(frozen=True, repr=False, eq=False)
class ManifestHint(Record):
    """Evidence that a file defines an agent (an MCP client config, a Slack manifest, a k8s Deployment...)."""

    kind: str
    name: str
    location: Location
    details: Mapping[str, Any] = field(default_factory=dict)

    def sort_key(self) -> SortKey:
        # `details` is free-form data: its repr only breaks ties between otherwise equal hints.
        return (self.location.sort_key(), self.kind, self.name, repr(sorted(self.details.items(), key=str)))


# Skips that are deliberate and complete in themselves: lock files hold only integrity hashes, botaudit's own
# snapshots and baselines are inputs, a platform nobody asked to connect is out of scope, and paths excluded
# by the project's own ignore rules (.botauditignore, scan.exclude, .gitignore with --respect-gitignore) were
# excluded on purpose (and are counted). They are listed in coverage but do not make it incomplete.
# not_staged: `scan --staged` was given a file that is not in the git index, or a link (nothing to commit).
# credential_invalid: a found token introspected (--introspect-found) that the platform refused (revoked,
# expired or invalid): examined, and it reaches nothing.
BY_DESIGN_SKIPS = frozenset(
    {"lockfile", "botaudit_artifact", "not_connected", "ignored", "not_staged", "credential_invalid", "media"}
)


@dataclass(frozen=True, repr=False, eq=False)
class Skipped(Record):
    """Something that could not be examined, and why. Missing data is data, never a pass."""

    source: str
    reason: str
    category: str = "error"

    @property
    def by_design(self) -> bool:
        return self.category in BY_DESIGN_SKIPS

    def sort_key(self) -> SortKey:
        return (self.category, self.source, self.reason)


@dataclass(frozen=True, repr=False, eq=False)
class FileScan(Record):
    """Everything extracted from one file in one read."""

    path: str
    format: str
    size: int
    secrets: tuple[SecretMatch, ...] = ()
    references: tuple[SecretReference, ...] = ()
    settings: tuple[Setting, ...] = ()
    manifests: tuple[ManifestHint, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    # Lines carrying `botaudit:allow`: a finding on such a line, or on the line right after it, is suppressed.
    allow_lines: tuple[int, ...] = ()
    # Other scanners' allow comments (`gitleaks:allow`, `pragma: allowlist secret`): (the line a marker
    # covers, the marker). Suppress a finding on that line unless `scan.peer_allow_markers` is false.
    peer_allow: tuple[tuple[int, str], ...] = ()
    # Set for a file version read from git history (--history): the commit that added it, and when.
    commit: str | None = None
    committed: datetime | None = None
    # What code collector reads this file (auditor/extract/iac_marks.py), or None: discovery's mark that keeps
    # code collection off every other file.
    iac: str | None = None

    def sort_key(self) -> SortKey:
        return (self.path, self.format, self.size)


@dataclass(frozen=True, repr=False, eq=False)
class Connection(Record):
    """One agent's link to one platform."""

    platform: Platform
    auth_model: AuthModel
    identity_hint: str | None = None
    evidence: tuple[Location, ...] = ()
    credential_fingerprints: tuple[str, ...] = ()
    reason: str = ""
    # The evidence that decided `auth_model` (the password's, the static key's, the grant's own line), where
    # findings about this connection point; None when nothing decided it (`unknown`). It is one of `evidence`
    # unless the kept evidence was cut short.
    decided_at: Location | None = None

    @property
    def first_evidence(self) -> Location | None:
        """The first piece of evidence (the identity hint's line, else in path order): where findings about
        the connection pointed before `decided_at`, kept for the fingerprints they had there."""
        return self.evidence[0] if self.evidence else None

    @property
    def shown_at(self) -> Location | None:
        """Where findings about the connection point: the deciding evidence, else the first."""
        return self.decided_at or self.first_evidence

    def sort_key(self) -> SortKey:
        return (
            self.platform.value,
            self.auth_model.value,
            opt_str(self.identity_hint),
            self.reason,
            self.credential_fingerprints,
            tuple(e.sort_key() for e in self.evidence),
        )


@dataclass(frozen=True, repr=False, eq=False)
class Agent(Record):
    """An agent or bot found in the tree (or declared in botaudit.yaml)."""

    name: str
    root: str
    kind: str
    manifests: tuple[Location, ...] = ()
    connections: tuple[Connection, ...] = ()
    secrets: tuple[SecretMatch, ...] = ()
    references: tuple[SecretReference, ...] = ()
    multi_user: bool = False
    declared: bool = False
    environment: str | None = None
    # The evidence that decided `multi_user` (a personal client config, a bot with a channel...).
    multi_user_reason: str = ""
    # The files whose evidence belongs to this agent, the posture settings found in them, and the manifest
    # hints it was built from (with their details): what the configuration rules read.
    files: tuple[str, ...] = ()
    settings: tuple[Setting, ...] = ()
    hints: tuple[ManifestHint, ...] = ()
    description: str = ""

    def sort_key(self) -> SortKey:
        return (self.name, self.root, self.kind, opt_str(self.environment), self.declared)


@dataclass(frozen=True, repr=False, eq=False)
class Identity(Record):
    """A platform principal with the attributes rules need (JSON-able values only)."""

    platform: Platform
    id: str
    name: str
    kind: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    # Join keys from configuration: access key ids, usernames, client ids, role names, token accessors.
    aliases: tuple[str, ...] = ()

    def sort_key(self) -> SortKey:
        return (self.platform.value, self.id, self.name, self.kind)


@dataclass(frozen=True, repr=False, eq=False)
class PlatformCredential(Record):
    """A credential as the platform sees it: ages and use, never the value."""

    platform: Platform
    id: str
    identity_id: str
    kind: str
    created: datetime | None = None
    rotated: datetime | None = None
    last_used: datetime | None = None
    expires: datetime | None = None
    active: bool = True
    attributes: Mapping[str, Any] = field(default_factory=dict)

    def sort_key(self) -> SortKey:
        return (self.platform.value, self.identity_id, self.id, self.kind)


@dataclass(frozen=True, order=True)
class Capability:
    """One thing an identity can do: `action` on `resource`, with a sensitivity level."""

    platform: str
    resource: str
    action: str
    level: AccessLevel = AccessLevel.READ

    @property
    def label(self) -> str:
        return f"{self.action} on {self.resource}"

    def sort_key(self) -> SortKey:
        return (self.platform, self.resource, self.action, self.level.value)


Reach = frozenset[Capability]


@dataclass(frozen=True, repr=False, eq=False)
class Unread(Record):
    """A part of a platform a collector could not read: its content is unknown, never "empty".

    `part` names the data set (`principals`, `policies`, `credential_report`, `app_permissions`, ...);
    `subject` is the identity id when the part belongs to one identity, None when it is platform-wide.
    `affects_reach` says whether reach computed without it may be missing capabilities, so a reach gap over
    it is only a lower bound.
    """

    part: str
    reason: str
    category: str = "error"
    subject: str | None = None
    affects_reach: bool = False

    @property
    def label(self) -> str:
        where = f" of {self.subject}" if self.subject else ""
        return f"{self.part}{where} not read ({self.reason})"

    def sort_key(self) -> SortKey:
        return (self.part, opt_str(self.subject), self.reason, self.category, self.affects_reach)


@dataclass(frozen=True, repr=False, eq=False)
class Snapshot(Record):
    """What a collector read from one platform; JSON round-trips through auditor.snapshot."""

    platform: Platform
    collected_at: datetime
    source: str
    identities: tuple[Identity, ...] = ()
    credentials: tuple[PlatformCredential, ...] = ()
    reach: Mapping[str, Reach] = field(default_factory=dict)
    baseline: str | None = None
    coverage: tuple[Skipped, ...] = ()
    # Platform facts that are not identities: policies, mounts, audit devices, connected apps, secrets.
    facts: Mapping[str, Any] = field(default_factory=dict)
    requests: int = 0
    # What could not be read (unknown, not empty). A snapshot with any entry here is partial: rules over an
    # unread part are NotEvaluated, gaps over it are partial, and a scan requesting the platform exits 3.
    unread: tuple[Unread, ...] = ()
    # Wall-clock seconds the collection took (0.0 when unknown, e.g. a snapshot written by an older botaudit).
    duration_seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return not self.unread

    def unread_parts(self, subject: str | None = None) -> tuple[Unread, ...]:
        """Platform-wide unread parts, plus those of `subject` (an identity id) when given."""
        return tuple(
            u for u in self.unread if u.subject is None or (subject is not None and u.subject == subject)
        )

    def reach_unknown(self, identity_id: str) -> tuple[Unread, ...]:
        """The unread parts that may hide capabilities of `identity_id`."""
        return tuple(u for u in self.unread_parts(identity_id) if u.affects_reach)

    def sort_key(self) -> SortKey:
        return (self.platform.value, self.source, self.collected_at.isoformat())


@dataclass(frozen=True, repr=False, eq=False)
class Resolution(Record):
    """A config credential joined to its platform identity: agent -> credential -> identity."""

    agent: str
    platform: Platform
    identity_id: str
    identity_name: str
    via: str
    credential_fingerprint: str | None = None
    location: Location | None = None

    def sort_key(self) -> SortKey:
        return (
            self.agent,
            self.platform.value,
            self.identity_id,
            self.via,
            self.identity_name,
            opt_str(self.credential_fingerprint),
            opt_key(self.location),
        )


@dataclass(frozen=True, repr=False, eq=False)
class ReachGap(Record):
    """What an identity can do that the baseline junior user cannot."""

    agent: str
    platform: Platform
    identity: str
    baseline: str
    extra: tuple[Capability, ...]
    summary: Mapping[str, int] = field(default_factory=dict)
    escalation: bool = False
    # Some reach of the identity or of the baseline could not be read: `extra` is what is known, a lower bound
    # when the identity's side is unknown; `unknown` names the unread parts. A partial gap never reads as 0.
    partial: bool = False
    unknown: tuple[str, ...] = ()

    @property
    def extra_count(self) -> int:
        return len(self.extra)

    @property
    def worst_level(self) -> AccessLevel | None:
        return max((c.level for c in self.extra), key=lambda lv: lv.rank, default=None)

    def sort_key(self) -> SortKey:
        return (self.agent, self.platform.value, self.identity, self.baseline, self.extra_count, self.partial)


@dataclass(frozen=True, repr=False, eq=False)
class Suppression(Record):
    """Why a finding is not gating: an inline `botaudit:allow`, a config entry, or the baseline."""

    kind: str
    reason: str
    expires: str | None = None
    expired: bool = False


@dataclass(frozen=True, repr=False, eq=False)
class Finding(Record):
    """One judged problem. `fingerprint` is stable across runs and edits (no line numbers, no secret)."""

    rule_id: str
    name: str
    severity: Severity
    title: str
    message: str
    fingerprint: str
    location: Location | None = None
    identity: str | None = None
    platform: Platform | None = None
    agent: str | None = None
    kind: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)
    remediation: str = ""
    references: tuple[str, ...] = ()
    confidence: Confidence = Confidence.HIGH
    suppression: Suppression | None = None
    baseline: bool = False
    # Fingerprints this finding had under an earlier secret fingerprint scheme (auditor.redact), set only
    # while a baseline or suppression recorded under it is in use: matching only, never in a report.
    aliases: tuple[str, ...] = ()

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None and not self.suppression.expired

    @property
    def gating(self) -> bool:
        """Whether the CI gate may count this finding: not suppressed, not already in the baseline."""
        return not self.suppressed and not self.baseline

    def sort_key(self) -> SortKey:
        """Report order: severity (worst first), file or identity, line, rule, fingerprint, then the rest."""
        subject = self.location.path if self.location else (self.identity or "")
        line = self.location.line if self.location else 0
        return (
            -self.severity.rank,
            subject,
            line,
            self.rule_id,
            self.fingerprint,
            opt_key(self.location),
            opt_str(self.identity),
            opt_str(self.agent),
            _enum_value(self.platform),
        )


@dataclass(frozen=True, repr=False, eq=False)
class NotEvaluated(Record):
    """A rule that could not be judged for a subject, and why (missing data is never a pass)."""

    rule_id: str
    subject: str
    reason: str

    def sort_key(self) -> SortKey:
        return (self.rule_id, self.subject, self.reason)


@dataclass(frozen=True, repr=False, eq=False)
class Coverage(Record):
    """What the scan examined and what it could not."""

    files_scanned: int = 0
    bytes_scanned: int = 0
    skipped: tuple[Skipped, ...] = ()
    not_evaluated: tuple[NotEvaluated, ...] = ()
    platforms_requested: tuple[str, ...] = ()
    platforms_collected: tuple[str, ...] = ()
    # --history: commits walked and distinct file versions (blobs) scanned; None when history was not asked.
    history_commits: int | None = None
    history_blobs: int | None = None
    # Requested platforms whose snapshot has unread parts (collected, but not fully).
    platforms_partial: tuple[str, ...] = ()

    @property
    def gaps(self) -> tuple[Skipped, ...]:
        """The skips that mean something was not examined (deliberate skips excluded)."""
        return tuple(s for s in self.skipped if not s.by_design)

    @property
    def complete(self) -> bool:
        return (
            not self.gaps
            and not self.not_evaluated
            and set(self.platforms_requested) <= set(self.platforms_collected)
            and not self.platforms_partial
        )


@dataclass(frozen=True, repr=False, eq=False)
class ScanResult(Record):
    """The outcome of one run of auditor.scan.run(): what every reporter and the gate read."""

    started: datetime
    finished: datetime
    targets: tuple[str, ...]
    agents: tuple[Agent, ...]
    files: tuple[FileScan, ...]
    snapshots: tuple[Snapshot, ...]
    resolutions: tuple[Resolution, ...]
    gaps: tuple[ReachGap, ...]
    findings: tuple[Finding, ...]
    coverage: Coverage
    rules: tuple[Any, ...] = ()
    parameters: Mapping[str, Any] = field(default_factory=dict)
    # Secrets found only in git history (--history): one FileScan per first file version holding them.
    history: tuple[FileScan, ...] = ()

    @property
    def secrets(self) -> tuple[SecretMatch, ...]:
        return tuple(s for f in self.files for s in f.secrets)

    @property
    def references(self) -> tuple[SecretReference, ...]:
        return tuple(r for f in self.files for r in f.references)

    @property
    def identities(self) -> tuple[Identity, ...]:
        return tuple(i for s in self.snapshots for i in s.identities)
