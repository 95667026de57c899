"""The collector contract: read one platform, read-only, into a Snapshot; failures become coverage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from auditor.clock import Clock
from auditor.model import Platform, Record, Snapshot
from auditor.progress import ProgressSink

if TYPE_CHECKING:
    from auditor.collectors.transport import Budget

# Seconds: one HTTP request in total (a trickling server cannot stretch it), and one platform's collection.
DEFAULT_REQUEST_DEADLINE = 60.0
DEFAULT_PLATFORM_BUDGET = 600.0


# Found tokens a collector may introspect (`--introspect-found`): platform -> (detector kind, the value
# prefixes of an access token that platform's API accepts). Refresh and configuration tokens (`xoxe-1-`),
# legacy Slack tokens and webhook URLs are never sent anywhere.
INTROSPECTABLE: Mapping[Platform, Mapping[str, tuple[str, ...]]] = {
    Platform.GITHUB: {
        "github_pat": ("ghp_",),
        "github_fine_grained_pat": ("github_pat_",),
        "github_oauth_token": ("gho_",),
        "github_app_token": ("ghu_", "ghs_"),
    },
    Platform.SLACK: {
        "slack_bot_token": ("xoxb-",),
        "slack_user_token": ("xoxp-",),
        "slack_config_token": ("xoxe.xoxb-", "xoxe.xoxp-"),
    },
}


@dataclass(frozen=True, repr=False, eq=False)
class FoundToken(Record):
    """A credential value found in a scanned file, handed to its platform's collector to introspect.

    Built only in memory for `--introspect-found`, never part of the model: `value` stays out of every repr
    (and so out of tracebacks and logs), and a pickle attempt fails, so it cannot cross a process boundary.
    `fingerprint` is the SecretMatch's own keyed fingerprint, so the identity the collector publishes under
    `fp:` joins the finding; `where` is the first place it was found (path:line, no value).
    """

    kind: str
    fingerprint: str
    where: str
    value: str = field(repr=False, compare=False)

    def __reduce__(self) -> Any:
        raise TypeError("a found token's value is never serialised")


@dataclass(frozen=True, repr=False, eq=False)
class CollectRequest(Record):
    """What a collector is asked to read.

    `identifiers` are the join keys found in configuration (AWS access key ids, Salesforce usernames and
    consumer keys, Entra client ids, Vault token accessors / role names): per-object calls are made only for
    these, so request counts grow with what configs reference, not with the size of the platform.
    `settings` is the platform's section of botaudit.yaml `collectors:` (endpoints, profile, CA bundle,
    paths to key files; never secret values). `baseline` is the platform's baseline junior user.
    """

    identifiers: tuple[str, ...] = ()
    baseline: Any = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    timeout: float = 20.0
    max_retries: int = 4
    # Total seconds one HTTP request may take (headers and body; a trickling server cannot stretch it), and
    # total seconds the whole collection may take. An overrun is an unread part, never a hang.
    request_deadline: float = DEFAULT_REQUEST_DEADLINE
    platform_budget: float = DEFAULT_PLATFORM_BUDGET
    # The project's fingerprint key: a collector that authenticates with a token may publish the alias
    # "fp:" + auditor.redact.fingerprint(kind, token, fingerprint_key) so a config holding the same token
    # joins to it without the value ever being stored.
    fingerprint_key: str = ""
    # Tokens found in the scanned files to introspect as well (opt-in, `--introspect-found`): only those of
    # this platform's INTROSPECTABLE kinds, one per fingerprint.
    found_tokens: tuple[FoundToken, ...] = field(default=(), repr=False)

    def budget(self) -> Budget:
        """A fresh time budget for one collection (started now)."""
        from auditor.collectors.transport import Budget

        return Budget(self.platform_budget, self.request_deadline)


class Collector(Protocol):
    """Reads one platform. Must never write to it.

    `collect` returns a Snapshot whose `coverage` lists every call that failed (AccessDenied, 403, 429 after
    retries, timeouts, not implemented) and whose `unread` names every data set it could not read (unknown,
    never reported as empty: a list that failed to load is not an empty list); it raises
    `auditor.errors.CollectorError` only when nothing at all
    could be collected (no credentials, authentication refused, endpoint unreachable).
    """

    platform: Platform

    def collect(self, request: CollectRequest, *, clock: Clock, progress: ProgressSink) -> Snapshot: ...
