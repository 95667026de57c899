"""Rule checks for configuration posture (BA-1xx): pure functions of (rule, context), listed in CHECKS."""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from auditor.clock import age_days, parse_time
from auditor.durations import parse_duration
from auditor.engine.checks.common import multi_user_connections
from auditor.engine.interface import CheckFn, CheckResult, Rule, RuleContext
from auditor.extract.formats import in_test_path
from auditor.inventory import environment_of, platform_of_secret
from auditor.inventory.platforms import (
    SECRET_STORE_CODE,
    SecretStoreCode,
    google_api_key_only,
    own_database,
    own_secret_store,
)
from auditor.inventory.signin import calls_entra_as_itself, signs_users_in, takes_model_tokens
from auditor.model import (
    Agent,
    AuthModel,
    Confidence,
    Connection,
    FileScan,
    Finding,
    Location,
    Platform,
    SecretContext,
    SecretMatch,
    Setting,
    Severity,
    Snapshot,
)

_MODEL_CONTEXTS = frozenset({SecretContext.PROMPT, SecretContext.TOOL_DEFINITION})


# -- shared helpers -----------------------------------------------------------------------------------------
class _Owners:
    """Which agent owns a secret or a setting (by identity of the evidence, as inventory attributed it)."""

    def __init__(self, agents: Iterable[Agent]) -> None:
        self.secret: dict[tuple[Location, str], Agent] = {}
        self.setting: dict[tuple[Location, str], Agent] = {}
        self.file: dict[str, Agent] = {}
        for agent in agents:
            for s in agent.secrets:
                self.secret.setdefault((s.location, s.fingerprint), agent)
            for st in agent.settings:
                self.setting.setdefault((st.location, st.key), agent)
            for path in agent.files:
                self.file.setdefault(path, agent)

    def of_secret(self, s: SecretMatch) -> Agent | None:
        return self.secret.get((s.location, s.fingerprint))

    def of_setting(self, st: Setting) -> Agent | None:
        return self.setting.get((st.location, st.key)) or self.file.get(st.location.path)


def _name(agent: Agent | None) -> str | None:
    return agent.name if agent else None


# A key inside recorded HTTP traffic: VCR/vcrpy cassettes (`interactions[N].request|response`), Ruby VCR
# (`http_interactions[N]`), HAR files and Polly.js recordings (`log.entries[N]`). A server's CORS header or a
# token's `expires_in` in a recording describes someone else's server at the moment it was recorded, not how
# this project is configured.
_RECORDED_TRAFFIC = re.compile(
    r"(?:^|\.)(?:http_)?interactions(?:\[\d+\]|\.\d+)\.(?:request|response)\b|^log\.entries(?:\[\d+\]|\.\d+)\."
)


def _about_configuration(check: CheckFn) -> CheckFn:
    """For the checks that judge a setting's value: recorded traffic is no setting, and a test's is a test's.

    A finding whose key lies in recorded HTTP traffic is dropped; one in a test path (tests/, fixtures/,
    a file named like a test) is kept at low severity and low confidence, as inline secrets there are
    (`_test_path_severity`): a test fixture's `grant_type: password` is worth knowing, not worth a gate.
    """

    @functools.wraps(check)
    def judged(rule: Rule, ctx: RuleContext) -> CheckResult:
        for result in check(rule, ctx):
            if not isinstance(result, Finding) or result.location is None:
                yield result
                continue
            loc = result.location
            if loc.key and _RECORDED_TRAFFIC.search(loc.key):
                continue
            if in_test_path(loc.path) and result.severity.rank > Severity.LOW.rank:
                result = replace(result, severity=Severity.LOW, confidence=Confidence.LOW)
            yield result

    return judged


def _all_settings(ctx: RuleContext) -> Iterator[Setting]:
    for scan in ctx.files:
        yield from scan.settings


class _SettingsIndex:
    """Every setting of a context's files by key, built once for all the checks: a check asks which keys
    it could fire on (once per distinct key: --fp-bait's 66,000 settings have a few thousand) and reads
    those keys' settings only, in the order _all_settings gives them, instead of every setting. A prefilter:
    each check still judges every setting it reads as it did every setting before.

    A setting's place is its position in that order (file by file, each file's settings in order). The
    files holding secrets, and those holding manifest hints, are listed too: the checks that read only
    those skip the others (most files of a large tree) without each walking the whole tree."""

    def __init__(self, files: tuple[FileScan, ...]) -> None:
        self.files = files
        flat: list[Setting] = []
        owner: list[int] = []  # place -> index of its file in `files`
        self.with_secrets: list[FileScan] = []
        self.with_manifests: list[FileScan] = []
        for file_index, scan in enumerate(files):
            if scan.secrets:
                self.with_secrets.append(scan)
            if scan.manifests:
                self.with_manifests.append(scan)
            settings = scan.settings
            if settings:
                flat += settings
                owner += [file_index] * len(settings)
        self.flat = flat
        self.owner = owner
        # Key -> places of the settings under it, by the key path a check judges (`location.key or key`)
        # and by the setting's own key (one and the same index when every setting's two keys agree).
        paths = [st.location.key or st.key for st in flat]
        names = [st.key for st in flat]
        self.by_path = _places_by_key(paths)
        self.by_name = self.by_path if paths == names else _places_by_key(names)
        # Values naming the AWS managed AdministratorAccess policy: overbroad_privilege reads them under
        # any key.
        self.admin = [at for at, st in enumerate(flat) if "AdministratorAccess" in st.value]

    @functools.cached_property
    def secret_store(self) -> SecretStoreCode:
        """inventory.platforms.SecretStoreCode of these files, read from the files that hold the setting of
        code building a secret store's AWS client."""
        owners = dict.fromkeys(self.owner[at] for at in self.by_name.get(SECRET_STORE_CODE, ()))
        return SecretStoreCode(self.files[i] for i in owners)

    @staticmethod
    def where(by: Mapping[str, list[int]], fires: Callable[[str], bool]) -> list[int]:
        """The places of the settings whose key `fires` holds for, in file and setting order."""
        out = [at for key, places in by.items() if fires(key) for at in places]
        out.sort()
        return out

    def settings(self, places: Iterable[int]) -> Iterator[Setting]:
        flat = self.flat
        for at in places:
            yield flat[at]

    def by_file(self, places: list[int]) -> Iterator[tuple[FileScan, list[Setting]]]:
        """Each file holding one of `places`, in order, with its settings there (in order)."""
        files, flat, owner = self.files, self.flat, self.owner
        start, count = 0, len(places)
        while start < count:
            file_index = owner[places[start]]
            end = start
            while end < count and owner[places[end]] == file_index:
                end += 1
            yield files[file_index], [flat[at] for at in places[start:end]]
            start = end


def _places_by_key(keys: list[str]) -> dict[str, list[int]]:
    """Each key of `keys` -> the positions it holds there, in order."""
    out: dict[str, list[int]] = {}
    for at, key in enumerate(keys):
        found = out.get(key)
        if found is None:
            out[key] = [at]
        else:
            found.append(at)
    return out


# The index of the last context's files (checks of one evaluation share it), kept beside those files.
_LAST_INDEX: list[_SettingsIndex] = []


def _settings_index(ctx: RuleContext) -> _SettingsIndex:
    if _LAST_INDEX and _LAST_INDEX[0].files is ctx.files:
        return _LAST_INDEX[0]
    index = _SettingsIndex(ctx.files)
    _LAST_INDEX[:] = [index]
    return index


_INDEX = re.compile(r"\[\d+\]")
# The checks' key and value patterns, compiled once: re.search with a pattern string looked each one up in
# re's cache (flags through the enum machinery) ~150,000 times on a tree of 20,000 files.
# Identifier kinds that are never secrets: a client id, consumer key or app id names an application (issue 9),
# and a publishable or client key is by its provider's definition the half meant for browsers and mobile apps
# (Stripe's `pk_live_`, Midtrans' `Mid-client-`: they only tokenize cards for the secret half to charge).
# So are PostHog's project API key (`phc_`: it only sends events, and ships in every page with the snippet)
# and Supabase's anon key (row-level security decides what it reads): their detectors describe them as public.
# Identifier detectors only: a secret that some product calls its "client key" is not one of these.
_IDENTIFIER_KIND = re.compile(
    r"(client_id|consumer_key|app_id|publishable_key|client_key|project_api_key|anon_key)$"
)


class _Caseless:
    """A caseless pattern (re.IGNORECASE) over key paths, several times faster on ASCII keys (most of them):
    the caller lowercases an ASCII key once, and a case-sensitive copy of the pattern, written in lowercase,
    finds there exactly what the caseless pattern finds in the key (ASCII case folding is one letter for one
    letter; the caseless matches of other scripts, such as the Kelvin sign for k, are not ASCII)."""

    __slots__ = ("_ascii", "_caseless", "pattern")

    def __init__(self, pattern: str) -> None:
        if pattern != pattern.lower():
            raise ValueError("a _Caseless pattern is written in lowercase")
        self.pattern = pattern
        self._ascii = re.compile(pattern)
        self._caseless = re.compile(pattern, re.I)

    def search(self, key: str, lowered: str | None) -> bool:
        """Whether the pattern occurs in `key`; `lowered` is `_lowered(key)`."""
        if lowered is not None:
            return self._ascii.search(lowered) is not None
        return self._caseless.search(key) is not None


def _lowered(key: str) -> str | None:
    """An ASCII key in lowercase, for _Caseless.search; None for any other key."""
    return key.lower() if key.isascii() else None


_PKCE_KEY = _Caseless(r"pkce|code_?challenge")
_AUTH_METHOD_KEY = _Caseless(r"token_?endpoint_?auth_?method")
_PUBLIC_KEY = _Caseless(r"public_?client|is_?public")
_TYPE_KEY = _Caseless(r"(^|\.)type$")
_DIGITS = re.compile(r"\d+")
_VAULT_TOKEN_KEY = re.compile(r"vault|approle|token", re.I)
_REFRESH = re.compile(r"refresh", re.I)
_REFRESH_TOKEN = re.compile(r"refresh_?token", re.I)
_RELAXED_VALUE = re.compile(r"relax|bypass|true", re.I)
_IAM_ALL = re.compile(r"iam:\*")
_GRANT_KEY = _Caseless(r"permission|role|scope|resource")
_CAPABILITY_KEY = _Caseless(r"capabilit")
_ANY_PATH_KEY = re.compile(r"(^|\.)path\.\*(\.|$)")
_ROLEREF_KEY = _Caseless(r"roleref")
_NEVER_EXPIRES = re.compile(r"(never_?expires?|non_?expiring|no_?expiry)", re.I)
_DOCS = (".md", ".rst", ".txt", ".adoc", ".html", ".htm")
# Policy-as-code rules (CloudFormation Guard, OPA Rego, Sentinel) name privileges in order to forbid them.
_POLICY_RULES = (".guard", ".rego", ".sentinel")
# Several checks take the same key paths apart (a file's keys repeat across its settings and the checks):
# the pure helpers below remember this many recent answers.
_KEY_MEMO = 16384


# An ASCII key path with none of these (a bracket, an empty segment, a segment of digits) is its own
# _plain form: most keys, answered without taking them apart.
_NOT_PLAIN = re.compile(r"\[|^\.|\.\.|\.$|(?:^|\.)[0-9]+(?:\.|$)")


@functools.lru_cache(maxsize=_KEY_MEMO)
def _plain(key: str) -> str:
    """A key path without list indexes: `a.b[0].c` and `a.b.0.c` both read `a.b.c`."""
    if key.isascii() and not _NOT_PLAIN.search(key):
        return key
    return ".".join([p for p in _INDEX.sub("", key).split(".") if p and not p.isdigit()])


@functools.lru_cache(maxsize=_KEY_MEMO)
def _last(key: str) -> str:
    """The last meaningful segment of a key path (list indexes skipped)."""
    plain = _plain(key)
    return plain.rsplit(".", 1)[-1] if plain else key


@functools.lru_cache(maxsize=_KEY_MEMO)
def _parent(key: str) -> str:
    """The key path above the last segment, indexes kept so sibling list items stay apart."""
    key = _INDEX.sub(lambda m: "." + m.group(0)[1:-1], key)
    while key.rsplit(".", 1)[-1].isdigit() and "." in key:
        key = key.rsplit(".", 1)[0]
    return key.rsplit(".", 1)[0] if "." in key else ""


def _where(loc: Location) -> str:
    return f"{loc.path}:{loc.line}" + (f" ({loc.key})" if loc.key else "")


def _skip_secret(rule: Rule, s: SecretMatch) -> bool:
    """Documented example keys are never findings; test-path secrets only when the rule keeps them."""
    if s.is_example and rule.params.get("skip_examples", True):
        return True
    # A client id or consumer key names an application; it is an identity hint, never a secret (issue 9). A
    # publishable key is public by design.
    if s.identifier and _IDENTIFIER_KIND.search(s.kind):
        return True
    return s.in_test_path and not rule.params.get("include_test_paths", True)


def _test_path_severity(rule: Rule, s: SecretMatch) -> tuple[Severity | None, Confidence]:
    if s.in_test_path:
        return Severity.LOW, Confidence.LOW
    return None, s.confidence


# -- BA-101 / BA-102: inline secrets ------------------------------------------------------------------------
def _secret_findings(rule: Rule, ctx: RuleContext, in_model_context: bool) -> CheckResult:
    owners = _Owners(ctx.agents)
    for scan in _settings_index(ctx).with_secrets:
        for s in scan.secrets:
            if (s.context in _MODEL_CONTEXTS) != in_model_context or _skip_secret(rule, s):
                continue
            agent = owners.of_secret(s)
            severity, confidence = _test_path_severity(rule, s)
            if severity is None and not in_model_context and s.severity.rank < rule.severity.rank:
                # The detector knows a lone identifier or a generic keyword match is less serious.
                severity = s.severity
            if s.confidence is Confidence.LOW and (severity or rule.severity).rank > Severity.MEDIUM.rank:
                # A checksum that fails, a value marked as a fixture: reported, not enough to gate at high.
                severity = Severity.MEDIUM
            where = "a prompt or system message" if s.context is SecretContext.PROMPT else "a tool definition"
            text = (
                f"{s.kind} {s.redacted} is written into {where} at {_where(s.location)}: it is sent to the "
                "model provider and lands in prompt logs and traces"
                if in_model_context
                else f"{s.kind} {s.redacted} is stored in plain configuration at {_where(s.location)}"
            )
            if agent is not None:
                text += f" (agent {agent.name})"
            if s.confidence is not Confidence.HIGH and s.confidence_reason:
                text += f"; {s.confidence.value} confidence: {s.confidence_reason}"
            yield rule.finding(
                text,
                subject=s.location.path,
                location=s.location,
                agent=_name(agent),
                kind=s.kind,
                platform=platform_of_secret(s),
                secret_fingerprint=s.fingerprint,
                confidence=confidence,
                severity=severity,
                evidence={
                    "context": s.context.value,
                    "detector": s.detector_id,
                    "in_test_path": s.in_test_path,
                    "confidence_reason": s.confidence_reason,
                },
            )


def static_credential_in_config(rule: Rule, ctx: RuleContext) -> CheckResult:
    return _secret_findings(rule, ctx, in_model_context=False)


def secret_in_prompt(rule: Rule, ctx: RuleContext) -> CheckResult:
    return _secret_findings(rule, ctx, in_model_context=True)


# -- BA-103 / BA-104 / BA-108: who the agent runs as ---------------------------------------------------------
def _platforms(rule: Rule, key: str) -> frozenset[str]:
    return frozenset(str(p).lower() for p in rule.params.get(key, ()))


def _manifest(agent: Agent) -> Location | None:
    """Where a connection with no evidence of its own is located: the agent's first manifest."""
    return agent.manifests[0] if agent.manifests else None


def _connection_finding(
    rule: Rule,
    message: str,
    agent: Agent,
    conn: Connection,
    *,
    identity: str | None,
    evidence: Mapping[str, Any],
    severity: Severity | None = None,
    confidence: Confidence = Confidence.HIGH,
) -> Finding:
    """A finding about how one agent connects to a platform, keyed by the agent's root."""
    return rule.finding(
        message,
        subject=agent.root,
        location=conn.shown_at or _manifest(agent),
        formerly_at=conn.first_evidence or _manifest(agent),
        agent=agent.name,
        platform=conn.platform,
        identity=identity,
        kind=conn.auth_model.value,
        evidence=evidence,
        severity=severity,
        confidence=confidence,
        # One finding per platform: an agent reaching AWS and its database with shared logins is two.
        distinct=conn.platform.value,
    )


_SHARED_WORDS = {
    AuthModel.SHARED_PASSWORD: "one shared integration login (username and password)",
    AuthModel.STATIC_API_KEY: "one shared static key",
}


def shared_identity_multi_user(rule: Rule, ctx: RuleContext) -> CheckResult:
    platforms = _platforms(rule, "platforms")
    shared = {AuthModel.SHARED_PASSWORD, AuthModel.STATIC_API_KEY}
    for agent, conn in multi_user_connections(ctx):
        if conn.auth_model not in shared or conn.platform.value not in platforms:
            continue
        if own_database(agent, conn) is not None:
            # Its own store, deployed beside it (n8n's Postgres): no user reaches it through the agent.
            continue
        if conn.platform is Platform.AWS and own_secret_store(agent, conn, _settings_index(ctx).secret_store):
            # Its key to its own secrets (Flowise's encryption key in Secrets Manager): no user reaches
            # AWS through it.
            continue
        if google_api_key_only(agent, conn):
            # A Google API key (Gemini, Maps) identifies a project for quota and billing and signs in as no
            # principal: there is no identity whose access its users share, as with an OpenAI key.
            continue
        who = f" as {conn.identity_hint}" if conn.identity_hint else ""
        yield _connection_finding(
            rule,
            f"{agent.name} serves many users but reaches {conn.platform.value}{who} with "
            f"{_SHARED_WORDS[conn.auth_model]} and no per-user delegation: every user gets "
            f"the integration identity's access ({conn.reason})",
            agent,
            conn,
            identity=conn.identity_hint,
            evidence={"auth_model": conn.auth_model.value, "multi_user": True},
        )


_PERSON = re.compile(r"^[a-z]+[._][a-z]+(\d*)@", re.IGNORECASE)
_SERVICE_WORDS = re.compile(r"integration|svc|service|bot|api|system|automation|noreply|no-reply|app", re.I)


def _looks_personal(username: str | None) -> bool:
    return bool(username and _PERSON.match(username) and not _SERVICE_WORDS.search(username.split("@")[0]))


def personal_token_on_shared_bot(rule: Rule, ctx: RuleContext) -> CheckResult:
    for agent, conn in multi_user_connections(ctx):
        personal = conn.auth_model is AuthModel.PERSONAL_TOKEN
        person_login = conn.auth_model is AuthModel.SHARED_PASSWORD and _looks_personal(conn.identity_hint)
        if not (personal or person_login):
            continue
        what = f"a personal token ({conn.reason})" if personal else f"the personal login {conn.identity_hint}"
        yield _connection_finding(
            rule,
            f"{agent.name} is shared by many users but reaches {conn.platform.value} with {what}: every "
            "request runs as that person, with their access, and breaks when they leave",
            agent,
            conn,
            identity=conn.identity_hint if person_login else None,
            evidence={"auth_model": conn.auth_model.value},
        )


def confused_deputy(rule: Rule, ctx: RuleContext) -> CheckResult:
    platforms = _platforms(rule, "delegation_platforms")
    app_only = {AuthModel.CLIENT_SECRET, AuthModel.CLIENT_CERTIFICATE, AuthModel.SERVICE_ACCOUNT_ROLE}
    for agent, conn in multi_user_connections(ctx):
        if conn.auth_model not in app_only or conn.platform.value not in platforms:
            continue
        severity, confidence, unseen = None, Confidence.HIGH, ""
        if conn.platform is Platform.ENTRA and not calls_entra_as_itself(agent):
            if signs_users_in(agent):
                continue  # per-user tokens through the bot's OAuth connection, and no app-only call seen
            if takes_model_tokens(agent):
                # Its identity is seen calling the model service (Azure OpenAI through a token provider),
                # nothing else: the keyless set-up, with no user data behind it to be a deputy for.
                continue
            # Only the app's credential is in view: whether any user gets the app's reach depends on what
            # the registration is granted, which configuration does not say.
            severity, confidence = Severity.MEDIUM, Confidence.LOW
            unseen = (
                "; no call as the app itself (MSAL client credentials, a Graph URL) is in its files: what "
                "this exposes is what the app registration is granted (connect entra to compare it with a "
                "user's)"
            )
        alternative = {
            "entra": "On-Behalf-Of (OBO)",
            "salesforce": "the JWT bearer flow with the requesting user as subject",
            "google": "domain-wide delegation scoped per user or user OAuth",
            "github": "a GitHub App user-to-server token",
        }.get(conn.platform.value, "per-user delegation")
        yield _connection_finding(
            rule,
            f"{agent.name} takes requests from many users but calls {conn.platform.value} app-only "
            f"({conn.auth_model.value.replace('_', ' ')}): the agent's own permissions decide what any user "
            f"can reach (a confused deputy). The platform supports {alternative}{unseen}",
            agent,
            conn,
            identity=conn.identity_hint,
            evidence={"auth_model": conn.auth_model.value, "reason": conn.reason},
            severity=severity,
            confidence=confidence,
        )


# -- BA-105: deprecated grants -------------------------------------------------------------------------------
_NO = frozenset({"false", "0", "no", "off", "none", "disabled", ""})


@functools.lru_cache(maxsize=_KEY_MEMO)
def _oauth_key(key: str) -> tuple[bool, bool, bool, bool, str, bool, bool, bool]:
    """What deprecated_oauth_grant asks of a setting's key, worked out once per key (keys repeat across a
    scan's settings, values do not): whether it names PKCE, a token endpoint auth method, a public client,
    a type; its last segment as the check compares it; whether that names a grant, a response type, the
    implicit flow."""
    last = _last(key).lower().replace("-", "_")
    # One search says whether any of the four key patterns can hold (most keys: none of them).
    lowered = _lowered(key)
    named = _OAUTH_KEY_ANY.search(key, lowered)
    return (
        named and _PKCE_KEY.search(key, lowered),
        named and _AUTH_METHOD_KEY.search(key, lowered),
        named and _PUBLIC_KEY.search(key, lowered),
        named and _TYPE_KEY.search(key, lowered),
        last,
        "grant" in last,
        "response_type" in last or "responsetype" in last,
        "implicit" in last,
    )


# Any of _PKCE_KEY, _AUTH_METHOD_KEY, _PUBLIC_KEY, _TYPE_KEY: the same alternatives.
_OAUTH_KEY_ANY = _Caseless("|".join(p.pattern for p in (_PKCE_KEY, _AUTH_METHOD_KEY, _PUBLIC_KEY, _TYPE_KEY)))


_OAUTH_CODE_KEYS = frozenset(
    {"code.msal.public_client", "code.oauth.password_grant", "code.oauth.implicit_grant"}
)


def _oauth_relevant(key: str) -> bool:
    """Whether deprecated_oauth_grant reads a setting under this key at all."""
    pkce, auth, public, type_, _last_segment, grant, response_type, implicit = _oauth_key(key)
    return pkce or auth or public or type_ or grant or response_type or implicit or key in _OAUTH_CODE_KEYS


@_about_configuration
def deprecated_oauth_grant(rule: Rule, ctx: RuleContext) -> CheckResult:
    owners = _Owners(ctx.agents)
    index = _settings_index(ctx)
    # A setting no branch below reads (none of the key's facts, not one of the code keys) neither makes a
    # file's PKCE or public-client answer nor names a grant: only the others are read.
    places = index.where(index.by_name, _oauth_relevant)
    for _scan, settings in index.by_file(places):
        facts = [_oauth_key(st.key) for st in settings]
        has_pkce = any(
            fact[0] and st.value.lower() not in ("false", "0", "no", "off")
            for st, fact in zip(settings, facts, strict=True)
        )
        public = any(
            st.key == "code.msal.public_client"
            or (fact[1] and st.value.lower() == "none")
            or (fact[2] and st.value.lower() in ("true", "yes", "1"))
            or (fact[3] and st.value.lower() in ("spa", "public", "native"))
            for st, fact in zip(settings, facts, strict=True)
        )
        for st, (_pkce, _auth, _public, _type, last, names_grant, response_type, implicit) in zip(
            settings, facts, strict=True
        ):
            value = st.value.strip().lower()
            grant = None
            if st.key == "code.oauth.password_grant" or (names_grant and value == "password"):
                grant = "the resource owner password grant"
            elif (
                st.key == "code.oauth.implicit_grant"
                or (names_grant and value == "implicit")
                or (response_type and value in ("token", "id_token token"))
            ) or (implicit and value not in _NO and "allow" in last + _parent(st.key).lower()):
                grant = "the implicit grant"
            elif public and not has_pkce and (names_grant and value == "authorization_code"):
                grant = "the authorization code flow without PKCE on a public client"
            if grant is None:
                continue
            agent = owners.of_setting(st)
            yield rule.finding(
                f"{_where(st.location)} configures {grant}, which OAuth 2.1 removes: use the authorization "
                "code flow with PKCE for users, or client credentials / JWT bearer for services",
                subject=st.location.path,
                location=st.location,
                agent=_name(agent),
                kind=grant,
                evidence={"key": st.key, "value": st.value[:60]},
            )


# -- BA-106: long-lived tokens -------------------------------------------------------------------------------
_ACCESS_KEY = re.compile(
    r"^(access_?token_?(lifetime|ttl|validity|expiry|expiration|expires_?in|max_?age)(_\w+)?"
    r"|token_?(lifetime|ttl|validity|expiry|expiration|expires_?in|max_?ttl|explicit_?max_?ttl)(_\w+)?"
    r"|jwt_?(ttl|lifetime|expiry|expiration|expires_?in)(_\w+)?|expires_?in|explicit_?max_?ttl|token_?period)$",
    re.I,
)
_REFRESH_KEY = re.compile(
    r"^refresh_?token_?(lifetime|ttl|validity|expiry|expiration|expires_?in|max_?age)(_\w+)?$", re.I
)
_SECRET_ID_KEY = re.compile(r"^secret_?id_?ttl$", re.I)
_PERIOD_KEY = re.compile(r"^(token_?)?period$", re.I)
# A bare `period` is a Vault token's only beside a token's other parameters or under a Vault/token path:
# CloudWatch metrics, schedules and billing data all have a `period` too.
_TOKEN_SIBLING = re.compile(
    r"^(token_?)?(policies|renewable|no_parent|orphan|num_uses|explicit_max_ttl|allowed_policies|display_name)$",
    re.I,
)
# A Vault token role or token request has about twenty parameters (`token_*`, `secret_id_*`, `bind_*`,
# `period`, `policies`); more settings than this under one parent are a table of words, not a token.
_MAX_TOKEN_PARAMETERS = 64
_MAX_TTL_KEY = re.compile(r"^(token_?)?(explicit_?)?max_?ttl$", re.I)
_NEVER = frozenset({"never", "none", "infinite", "unlimited", "-1", "0", "no_expiry", "noexpiry"})
_UNIT_SUFFIX = {
    "seconds": 1,
    "secs": 1,
    "sec": 1,
    "s": 1,
    "minutes": 60,
    "mins": 60,
    "min": 60,
    "hours": 3600,
    "hrs": 3600,
    "h": 3600,
    "days": 86400,
    "d": 86400,
}


def _duration(key: str, value: str) -> int | None:
    """Seconds from a value, using a unit suffix of the key (`_minutes`) when the value is a bare number."""
    text = value.strip().lower()
    if not text:
        return None
    if text in _NEVER:
        return 0
    if _DIGITS.fullmatch(text):
        unit = _last(key).lower().rsplit("_", 1)[-1]
        return int(text) * _UNIT_SUFFIX.get(unit, 1)
    # Any other notation: Go/Vault (`1h30m`, `720h`), ISO 8601 (`P30D`, `PT12H`), prose (`30 days`).
    return parse_duration(text)


def _human(seconds: int) -> str:
    if seconds % 86400 == 0:
        return f"{seconds // 86400} days"
    if seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    if seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


@functools.lru_cache(maxsize=_KEY_MEMO)
def _lifetime_key(last: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """Which lifetime setting a key's last segment names (long_lived_token), once per name: an AppRole
    secret ID TTL, a token period, a refresh token lifetime, an access token lifetime, a max TTL, a
    never-expires switch."""
    return (
        bool(_SECRET_ID_KEY.match(last)),
        bool(_PERIOD_KEY.match(last)),
        bool(_REFRESH_KEY.match(last)),
        bool(_ACCESS_KEY.match(last)),
        bool(_MAX_TTL_KEY.match(last)),
        bool(_NEVER_EXPIRES.fullmatch(last)),
    )


def _lifetime_relevant(key: str) -> bool:
    """Whether a branch of long_lived_token can apply to a setting under this key."""
    if key.startswith("code."):
        return False
    last = _last(key)
    return any(_lifetime_key(last)) or last.lower() == "ttl"


@_about_configuration
def long_lived_token(rule: Rule, ctx: RuleContext) -> CheckResult:
    max_access = int(rule.params.get("max_access_token_minutes", 15)) * 60
    max_refresh = int(rule.params.get("max_refresh_token_days", 30)) * 86400
    max_secret_id = int(rule.params.get("max_secret_id_hours", 24)) * 3600
    owners = _Owners(ctx.agents)

    def found(st: Setting, problem: str, severity: Severity | None = None) -> Finding:
        return rule.finding(
            f"{_where(st.location)}: {problem}",
            subject=st.location.path,
            location=st.location,
            agent=_name(owners.of_setting(st)),
            kind="long_lived_token",
            severity=severity,
            evidence={"key": st.key, "value": st.value[:60]},
        )

    index = _settings_index(ctx)
    for scan, candidates in index.by_file(index.where(index.by_name, _lifetime_relevant)):
        by_parent: dict[str, list[Setting]] | None = None  # built when a period setting needs its siblings
        for st in candidates:
            last = _last(st.key)
            if st.key.startswith("code."):
                continue
            if _in_example(st.location.key or st.key):
                continue  # an API description's sample response (`expires_in: 86400`), no token's setting
            secret_id, period, refresh, access, max_ttl, never = _lifetime_key(last)
            if not (secret_id or period or refresh or access or max_ttl or never or last.lower() == "ttl"):
                continue  # no branch below can apply
            if secret_id:
                seconds = _duration(st.key, st.value)
                if seconds == 0:
                    yield found(st, "AppRole secret IDs never expire (secret_id_ttl = 0)", Severity.HIGH)
                elif seconds is not None and seconds > max_secret_id:
                    yield found(
                        st, f"AppRole secret IDs live {_human(seconds)} (limit {_human(max_secret_id)})"
                    )
            elif period:
                seconds = _duration(st.key, st.value)
                if by_parent is None:
                    by_parent = defaultdict(list)
                    for other in scan.settings:
                        by_parent[_parent(other.location.key or other.key)].append(other)
                siblings = by_parent[_parent(st.location.key or st.key)]
                if len(siblings) > _MAX_TOKEN_PARAMETERS:
                    # Hundreds of settings under one parent are a table (a tokenizer's vocabulary maps
                    # `period`, `policies` and `renewable` to word ids), not one token's parameters.
                    continue
                if last.lower() == "period" and not (
                    _VAULT_TOKEN_KEY.search(_parent(st.location.key or st.key))
                    or any(_TOKEN_SIBLING.match(_last(o.key)) for o in siblings)
                ):
                    continue
                has_max = any(
                    _MAX_TTL_KEY.match(_last(o.key)) and (_duration(o.key, o.value) or 0) > 0
                    for o in siblings
                )
                if seconds and not has_max:
                    yield found(
                        st,
                        f"periodic tokens (period {_human(seconds)}) with no max TTL can be renewed forever",
                    )
            elif refresh:
                seconds = _duration(st.key, st.value)
                if seconds == 0:
                    yield found(st, "refresh tokens never expire", Severity.HIGH)
                elif seconds is not None and seconds > max_refresh:
                    yield found(st, f"refresh tokens live {_human(seconds)} (limit {_human(max_refresh)})")
            elif (
                access
                or (max_ttl and _VAULT_TOKEN_KEY.search(st.key))
                or (last.lower() == "ttl" and _VAULT_TOKEN_KEY.search(st.key))
            ):
                seconds = _duration(st.key, st.value)
                if seconds == 0:
                    yield found(
                        st,
                        "tokens never expire (a TTL of 0 means no limit or the system maximum)",
                        Severity.HIGH,
                    )
                elif seconds is not None and seconds > max_access:
                    yield found(st, f"access tokens live {_human(seconds)} (limit {_human(max_access)})")
            elif never and st.value.lower() in ("true", "yes", "1"):
                yield found(st, "tokens are configured never to expire", Severity.HIGH)
    # A manifest whose tokens the Slack code collector declared is judged by the platform rule (BA-704), per
    # token and beside any live token it joins: reporting it here too would count one switch twice.
    declared = _declared_paths(ctx.snapshots.get(Platform.SLACK))
    for agent in ctx.agents:
        for hint in agent.hints:
            if hint.kind != "slack_app_manifest" or hint.location.path in declared:
                continue
            if hint.details.get("token_rotation_enabled") is not True:
                yield rule.finding(
                    f"Slack app {hint.name} ({hint.location.path}) does not enable token rotation: its bot "
                    "and user tokens never expire",
                    subject=hint.location.path,
                    location=hint.location,
                    agent=agent.name,
                    platform=Platform.SLACK,
                    kind="slack_token_rotation_disabled",
                    evidence={"token_rotation_enabled": hint.details.get("token_rotation_enabled")},
                )


def _declared_paths(snap: Snapshot | None) -> set[str]:
    """Files whose declarations a code collector turned into identities of `snap` (live ones joined too)."""
    out: set[str] = set()
    for ident in snap.identities if snap is not None else ():
        for key in ("provenance", "declared_at"):
            record = ident.attributes.get(key)
            if isinstance(record, Mapping) and record.get("path"):
                out.add(str(record["path"]))
    return out


# -- BA-107: refresh tokens in configuration -----------------------------------------------------------------
def refresh_token_in_config(rule: Rule, ctx: RuleContext) -> CheckResult:
    owners = _Owners(ctx.agents)
    for scan in _settings_index(ctx).with_secrets:
        for s in scan.secrets:
            key = _last(s.location.key or "")
            if not (_REFRESH.search(s.kind) or _REFRESH_TOKEN.search(key)):
                continue
            if _skip_secret(rule, s):
                continue
            severity, confidence = _test_path_severity(rule, s)
            agent = owners.of_secret(s)
            yield rule.finding(
                f"a refresh token {s.redacted} is stored at {_where(s.location)}: whoever reads the file can "
                "mint new access tokens until it is revoked",
                subject=s.location.path,
                location=s.location,
                agent=_name(agent),
                kind=s.kind,
                secret_fingerprint=s.fingerprint,
                severity=severity,
                confidence=confidence,
            )


# -- BA-109: no origin or IP restriction ---------------------------------------------------------------------
_ORIGIN_KEY = _Caseless(r"cors|origin")
_IP_KEY = _Caseless(
    r"ip_?(allow|range|whitelist|restrict)|allowed_?ips?|trusted_?ips?|bound_?cidrs?|cidr_?list"
    r"|source_?ranges?"
)
_RELAX_KEY = _Caseless(r"relax")


@functools.lru_cache(maxsize=_KEY_MEMO)
def _origin_key(key: str) -> tuple[bool, bool, bool]:
    """Whether a key names CORS origins, an IP allowlist, a relaxation (no_origin_restriction): once a key."""
    lowered = _lowered(key)
    if not _ORIGIN_ANY.search(key, lowered):  # one search for most keys, which name none of them
        return False, False, False
    return _ORIGIN_KEY.search(key, lowered), _IP_KEY.search(key, lowered), _RELAX_KEY.search(key, lowered)


# Any of _ORIGIN_KEY, _IP_KEY, _RELAX_KEY: the same alternatives.
_ORIGIN_ANY = _Caseless(f"{_ORIGIN_KEY.pattern}|{_IP_KEY.pattern}|{_RELAX_KEY.pattern}")


def _origin_relevant(key: str) -> bool:
    """Whether a branch of no_origin_restriction can apply to a setting under this key path."""
    return any(_origin_key(key))


@_about_configuration
def no_origin_restriction(rule: Rule, ctx: RuleContext) -> CheckResult:
    owners = _Owners(ctx.agents)
    index = _settings_index(ctx)
    for st in index.settings(index.where(index.by_path, _origin_relevant)):
        key = st.location.key or st.key
        origin, ip_list, relax = _origin_key(key)
        if not (origin or ip_list or relax):
            continue  # no branch below can apply
        value = st.value.strip().strip("'\"")
        problem = None
        if origin and value == "*":
            problem = (
                "allows every origin (CORS `*`): any web page can call the agent endpoint from a browser"
            )
        elif ip_list and value in ("0.0.0.0/0", "::/0", "*", "any"):
            problem = f"allows every source address ({value}) where the platform supports an IP allowlist"
        elif relax and _RELAXED_VALUE.search(value):
            problem = f"relaxes the IP restrictions of the app ({value})"
        if problem is None:
            continue
        yield rule.finding(
            f"{_where(st.location)} {problem}",
            subject=st.location.path,
            location=st.location,
            agent=_name(owners.of_setting(st)),
            kind="no_origin_restriction",
            evidence={"key": key, "value": value[:60]},
        )


# -- BA-110: one credential, several agents or environments --------------------------------------------------
_CONFIDENCE_ORDER = (Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW)


def reused_credential(rule: Rule, ctx: RuleContext) -> CheckResult:
    owners = _Owners(ctx.agents)
    seen: dict[str, list[tuple[SecretMatch, Agent | None]]] = defaultdict(list)
    for scan in _settings_index(ctx).with_secrets:
        for s in scan.secrets:
            if s.is_example or (s.in_test_path and not rule.params.get("include_test_paths", False)):
                continue
            # A public identifier (an access key id, a publishable key, a browser token) travels with its
            # secret or is public by design; judge secrets only.
            if s.identifier:
                continue
            seen[s.fingerprint].append((s, owners.of_secret(s)))
    for fp, uses in sorted(seen.items()):
        agents = sorted({a.name for _, a in uses if a is not None})
        envs = sorted(
            {
                env
                for s, a in uses
                if (env := (a.environment if a and a.environment else environment_of(s.location.path)))
            }
        )
        if len(agents) < 2 and len(envs) < 2:
            continue
        first, first_agent = min(uses, key=lambda u: (u[0].location.path, u[0].location.line))
        places = sorted({_where(s.location) for s, _ in uses})
        what = f"agents {', '.join(agents)}" if len(agents) >= 2 else f"environments {', '.join(envs)}"
        # As sure as the surest copy: a value every copy of which is a low-confidence match (a JWT whose check
        # fails, a typed sample) is reported, not enough to gate at high.
        confidence = min((s.confidence for s, _ in uses), key=_CONFIDENCE_ORDER.index)
        severity = Severity.MEDIUM if confidence is Confidence.LOW else None
        yield rule.finding(
            f"the same {first.kind} {first.redacted} is used by {what} ({len(places)} places): one leak "
            "compromises all of them and none can be rotated or revoked alone",
            subject=fp,
            location=first.location,
            agent=_name(first_agent),
            kind=first.kind,
            secret_fingerprint=fp,
            evidence={"agents": agents, "environments": envs, "locations": places[:20]},
            confidence=confidence,
            severity=severity,
        )


# -- BA-111: over-broad privilege declared in configuration --------------------------------------------------
_CODE_PRIVILEGE = {
    "code.aws.action_star": 'an IAM statement allowing every action (`Action: "*"`)',
    "code.aws.admin_policy": "the AWS managed AdministratorAccess policy",
    "code.vault.path_star": 'a Vault policy on `path "*"`',
    "code.vault.sudo": "a Vault policy with the `sudo` capability",
    "code.k8s.cluster_admin": "the Kubernetes cluster-admin role",
    "code.salesforce.system_administrator": "the Salesforce System Administrator profile",
}
# The settings' own keys _privilege_problem answers by name.
_CODE_PRIVILEGE_KEYS = frozenset({*_CODE_PRIVILEGE, "code.graph.readwrite_all"})


@functools.lru_cache(maxsize=_KEY_MEMO)
def _privilege_key(path: str) -> tuple[str, bool, bool, bool, bool, bool]:
    """What _privilege_problem asks of a setting's key path, worked out once per key: its last segment
    (lowercase) and whether it names a profile, a grant, a capability, any path, a roleRef."""
    key = _plain(path)
    last = _last(key).lower()
    # One search says whether any of the four key patterns can hold (most keys: none of them).
    lowered = _lowered(key)
    named = _PRIVILEGE_KEY_ANY.search(key, lowered)
    return (
        last,
        "profile" in last,
        named and _GRANT_KEY.search(key, lowered),
        named and _CAPABILITY_KEY.search(key, lowered),
        named and bool(_ANY_PATH_KEY.search(key)),
        named and _ROLEREF_KEY.search(key, lowered),
    )


# Any of _GRANT_KEY, _CAPABILITY_KEY, _ANY_PATH_KEY (here caseless too: a wider net), _ROLEREF_KEY (within
# _GRANT_KEY's `role`).
_PRIVILEGE_KEY_ANY = _Caseless(
    f"{_GRANT_KEY.pattern}|{_CAPABILITY_KEY.pattern}|{_ANY_PATH_KEY.pattern}|{_ROLEREF_KEY.pattern}"
)


def _privilege_problem(st: Setting, broad_graph: re.Pattern[str]) -> str | None:
    last, profile, grant_key, capability, any_path, roleref = _privilege_key(st.location.key or st.key)
    value = st.value.strip()
    if st.key in _CODE_PRIVILEGE:
        return _CODE_PRIVILEGE[st.key]
    if st.key == "code.graph.readwrite_all":
        return (
            "a Microsoft Graph *.ReadWrite.All permission"
            if broad_graph.search(value or "ReadWrite.All")
            else None
        )
    if last in ("action", "actions") and value in ("*", "*:*"):
        return 'an IAM statement allowing every action (`Action: "*"`)'
    if last in ("action", "actions") and _IAM_ALL.fullmatch(value):
        return "an IAM statement allowing every IAM action (`iam:*`), a privilege-escalation path"
    if "AdministratorAccess" in value and value.startswith("arn:aws"):
        return "the AWS managed AdministratorAccess policy"
    if profile and value.lower() == "system administrator":
        return "the Salesforce System Administrator profile"
    if grant_key and broad_graph.search(value):
        if _delegated_scope(last, st.location.key or st.key):
            return (
                f"{_DELEGATED_GRANT} {value} (a scope the signed-in user consents to: each call is "
                "bounded by that user's own rights, and may do all they can)"
            )
        return f"the Microsoft Graph application permission {value}"
    if capability and value.lower() == "sudo":
        return "a Vault policy with the `sudo` capability"
    if any_path and capability:
        return 'a Vault policy on `path "*"`'
    if roleref and value == "cluster-admin":
        return "the Kubernetes cluster-admin role"
    return None


# An OAuth request's scopes (`scope`, `scopes`, `oAuthSettings.scopes`, `delegatedPermissions`):
# permissions the signed-in user consents to, exercised with that user's token, never the app's own
# application permissions (those sit under `applicationPermissions`, `roles`, an app manifest's `Role`s).
_DELEGATED_GRANT = "the delegated Microsoft Graph permission"
_DELEGATED_LAST = frozenset(
    {"scope", "scopes", "delegatedpermissions", "delegated_permissions", "oauth2permissions"}
)
_APPLICATION_KEY = re.compile(r"application|approle|\broles?\b", re.I)


def _delegated_scope(last: str, path: str) -> bool:
    """Whether a Graph permission sits where an OAuth request's delegated scopes go (not the app's own)."""
    return last in _DELEGATED_LAST and not _APPLICATION_KEY.search(path)


def _privilege_relevant(path: str) -> bool:
    """Whether _privilege_problem can find a problem under this key path whatever the setting's own key and
    value (those are read apart: the code keys, AdministratorAccess)."""
    last, profile, grant_key, capability, _any_path, roleref = _privilege_key(path)
    return last in ("action", "actions") or profile or grant_key or capability or roleref


@_about_configuration
def overbroad_privilege_in_config(rule: Rule, ctx: RuleContext) -> CheckResult:
    owners = _Owners(ctx.agents)
    words = "|".join(re.escape(str(w)) for w in rule.params.get("graph_permissions", ("ReadWrite.All",)))
    broad_graph = re.compile(
        rf"\b[A-Z][A-Za-z]+\.({words})\b|Sites\.FullControl\.All|Directory\.AccessAsUser\.All"
    )
    index = _settings_index(ctx)
    # The settings _privilege_problem can name a problem in: by key path, by the setting's own key (the
    # code findings), and any value naming AdministratorAccess.
    places = set(index.where(index.by_path, _privilege_relevant))
    places.update(index.where(index.by_name, _CODE_PRIVILEGE_KEYS.__contains__))
    places.update(index.admin)
    for st in index.settings(sorted(places)):
        # Prose mentioning "System Administrator" or "cluster-admin" grants nothing.
        if st.key.startswith("code.") and st.location.path.lower().endswith(_DOCS + _POLICY_RULES):
            continue
        problem = _privilege_problem(st, broad_graph)
        if problem is None:
            continue
        yield rule.finding(
            f"{_where(st.location)} grants {problem}",
            subject=st.location.path,
            location=st.location,
            agent=_name(owners.of_setting(st)),
            kind="overbroad_privilege",
            evidence={"key": st.key, "value": st.value[:80], "grant": problem},
            # A delegated scope is bounded by each user's own rights: over-broad consent, not the app's reach.
            severity=Severity.MEDIUM if problem.startswith(_DELEGATED_GRANT) else None,
        )
    for scan in index.with_manifests:
        for hint in scan.manifests:
            if hint.kind == "k8s_rbac" and _role_ref_name(hint.details) == "cluster-admin":
                yield rule.finding(
                    f"{_where(hint.location)} binds {hint.name} to the Kubernetes cluster-admin role",
                    subject=hint.location.path,
                    location=hint.location,
                    agent=_name(owners.file.get(hint.location.path)),
                    kind="overbroad_privilege",
                    evidence={"roleRef": "cluster-admin"},
                )
            if hint.kind == "slack_app_manifest":
                scopes = hint.details.get("scopes") or {}
                flat: list[str] = []
                if isinstance(scopes, Mapping):
                    for values in scopes.values():
                        flat.extend(str(v) for v in (values or ()))
                admin = sorted(s for s in flat if s.startswith("admin"))
                if admin:
                    yield rule.finding(
                        f"Slack app {hint.name} ({hint.location.path}) requests admin scopes: "
                        f"{', '.join(admin)}",
                        subject=hint.location.path,
                        location=hint.location,
                        agent=_name(owners.file.get(hint.location.path)),
                        platform=Platform.SLACK,
                        kind="overbroad_privilege",
                        evidence={"scopes": admin},
                    )


def _role_ref_name(details: Mapping[str, Any]) -> str | None:
    ref = details.get("roleRef")
    if isinstance(ref, Mapping):
        return str(ref.get("name")) if ref.get("name") else None
    if isinstance(ref, str):
        return ref
    return details.get("role") if isinstance(details.get("role"), str) else None


# -- BA-112: unrotated secrets judged from dates in configuration --------------------------------------------
_DATE_KEY = re.compile(
    r"^(created|created_?at|creation_?(date|time)|create_?date|updated|updated_?at|last_?updated"
    r"|rotated|rotated_?at|last_?rotated|last_?rotation|last_?changed|issued|issued_?at"
    r"|key_?created|secret_?created|password_?last_?changed|last_?password_?change)$",
    re.I,
)
_CREDENTIAL_WORDS = re.compile(r"key|secret|token|credential|password|cert", re.I)
# An API description's sample values (OpenAPI and JSON Schema `example` / `examples`, `x-example`): what a
# response could look like, not a record of any credential's dates.
_EXAMPLE_SEGMENT = re.compile(r"(?:^|\.)(?:x-)?examples?(?:\.|\[|$)")


def _in_example(path: str) -> bool:
    """Whether a key path runs through an API description's `example` / `examples` (see above)."""
    return "xample" in path and _EXAMPLE_SEGMENT.search(path) is not None


def _names_a_credential(parent: str) -> bool:
    """Whether a date's parent path names a credential: in its own segments, not in an API route written in
    it (OpenAPI's `paths./v3/mcp/app/{appKey}.get`, where `appKey` is a URL parameter)."""
    return any(_CREDENTIAL_WORDS.search(seg) for seg in parent.split(".") if not seg.startswith("/"))


@functools.lru_cache(maxsize=_KEY_MEMO)
def _dated_key(last: str) -> bool:
    """Whether a key's last segment names when a credential was created or rotated, once per name."""
    return bool(_DATE_KEY.match(last))


def _holds_credential(scan: FileScan, parent: str) -> bool:
    """Whether the object a date sits in holds a credential: a secret or a reference under the same parent
    (`openai: {api_key: ..., key_created: ...}`). At the top of a file, only a secret written in it: a
    workflow export's `meta.updatedAt`, or its own `updatedAt`, dates the document, whatever credentials its
    nodes name elsewhere in it (an n8n workflow's `credentials: {id, name}`)."""
    if not parent:
        return bool(scan.secrets)
    prefix = parent + "."
    keys = itertools.chain((s.location.key for s in scan.secrets), (r.location.key for r in scan.references))
    return any(key is not None and (key == parent or key.startswith(prefix)) for key in keys)


def _dated_path(key: str) -> bool:
    return _dated_key(_last(key))


def secret_not_rotated(rule: Rule, ctx: RuleContext) -> CheckResult:
    max_age = float(rule.params.get("max_age_days", 90))
    owners = _Owners(ctx.agents)
    index = _settings_index(ctx)
    for scan, candidates in index.by_file(index.where(index.by_path, _dated_path)):
        groups: dict[str, list[Setting]] = defaultdict(list)
        for st in candidates:
            if st.key.startswith("code."):
                continue
            key = st.location.key or st.key
            if _dated_key(_last(key)):
                groups[_parent(key)].append(st)
        for parent, dated in sorted(groups.items()):
            # Dates must describe a credential: the key path says so, or the object they sit in holds one.
            # An API description's sample response dates nothing.
            if _in_example(parent):
                continue
            if not (_names_a_credential(parent) or _holds_credential(scan, parent)):
                continue
            times = [(t, st) for st in dated if (t := parse_time(st.value)) is not None]
            if not times:
                continue
            newest, st = max(times, key=lambda pair: pair[0])
            age = age_days(newest, ctx.clock)
            if age is None or age <= max_age:
                continue
            yield rule.finding(
                f"{_where(st.location)}: the credential was last created or rotated {int(age)} days ago "
                f"({newest.date().isoformat()}), more than {int(max_age)} days",
                subject=st.location.path,
                location=Location(st.location.path, st.location.line, None, parent or st.location.key),
                agent=_name(owners.of_setting(st)),
                kind="unrotated_secret",
                evidence={"age_days": int(age), "date": newest.date().isoformat()},
            )


# -- BA-113: secrets gone from the tree but still in git history -------------------------------------------
def secret_in_git_history(rule: Rule, ctx: RuleContext) -> CheckResult:
    for scan in ctx.history:
        when = scan.committed.date().isoformat() if scan.committed else "an unknown date"
        commit = (scan.commit or "")[:12]
        for s in scan.secrets:
            if _skip_secret(rule, s):
                continue
            severity, confidence = _test_path_severity(rule, s)
            if severity is None and s.severity.rank < rule.severity.rank:
                severity = s.severity
            text = (
                f"{s.kind} {s.redacted} was committed in {commit} ({when}) at "
                f"{_where(replace(s.location, commit=None))} and is no longer in the files, but every clone "
                "still has it in git history: revoke it"
            )
            if s.confidence is not Confidence.HIGH and s.confidence_reason:
                # As for BA-101: why the detector is less sure (a fixture marker, a public-by-design key).
                text += f"; {s.confidence.value} confidence: {s.confidence_reason}"
            yield rule.finding(
                text,
                subject=s.location.path,
                location=s.location,
                kind=s.kind,
                platform=platform_of_secret(s),
                secret_fingerprint=s.fingerprint,
                confidence=confidence,
                severity=severity,
                evidence={
                    "commit": scan.commit,
                    "committed": when,
                    "detector": s.detector_id,
                    "in_test_path": s.in_test_path,
                },
            )


CHECKS: Mapping[str, CheckFn] = {
    "static_credential_in_config": static_credential_in_config,
    "secret_in_prompt": secret_in_prompt,
    "shared_identity_multi_user": shared_identity_multi_user,
    "personal_token_on_shared_bot": personal_token_on_shared_bot,
    "deprecated_oauth_grant": deprecated_oauth_grant,
    "long_lived_token": long_lived_token,
    "refresh_token_in_config": refresh_token_in_config,
    "confused_deputy": confused_deputy,
    "no_origin_restriction": no_origin_restriction,
    "reused_credential": reused_credential,
    "overbroad_privilege_in_config": overbroad_privilege_in_config,
    "secret_not_rotated": secret_not_rotated,
    "secret_in_git_history": secret_in_git_history,
}
