"""The collector contract: read one platform, read-only, into a Snapshot; failures become coverage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from auditor.clock import Clock
from auditor.model import Platform, Snapshot
from auditor.progress import ProgressSink


@dataclass(frozen=True)
class CollectRequest:
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
    # The project's fingerprint key: a collector that authenticates with a token may publish the alias
    # "fp:" + auditor.redact.fingerprint(kind, token, fingerprint_key) so a config holding the same token
    # joins to it without the value ever being stored.
    fingerprint_key: str = ""


class Collector(Protocol):
    """Reads one platform. Must never write to it.

    `collect` returns a Snapshot whose `coverage` lists every call that failed (AccessDenied, 403, 429 after
    retries, timeouts, not implemented); it raises `auditor.errors.CollectorError` only when nothing at all
    could be collected (no credentials, authentication refused, endpoint unreachable).
    """

    platform: Platform

    def collect(self, request: CollectRequest, *, clock: Clock, progress: ProgressSink) -> Snapshot: ...
