"""What code collectors share: the source files they read, provenance, and the per-platform accumulator.

A code collector reads declarations (Terraform, CloudFormation, app manifests, policies, metadata) from files
discovery marked as IaC, and emits the same Identity / PlatformCredential / Capability model as the live
collectors. Every identity and credential carries `attributes["provenance"]`: `{"source": "code", "path",
"line", "address"}`, so findings anchor to the declaring line and reconciliation can tell code from platform.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from auditor.model import Capability, Identity, Platform, PlatformCredential, Record, Skipped, Snapshot

CODE_SOURCE = "code"
MAX_SOURCE_BYTES = 4 * 1024 * 1024  # IaC files are small; a bigger one is reported, never parsed blind


@dataclass(frozen=True, repr=False, eq=False)
class CodeSource(Record):
    """One discovered file a code collector reads: its path relative to the scan root, on disk, and kind."""

    rel: str
    path: Path
    kind: str


def provenance(rel: str, line: int, address: str | None = None) -> dict[str, Any]:
    """The provenance record of a declaration: file, 1-based line, and its address (`aws_iam_user.bot`)."""
    record: dict[str, Any] = {"source": CODE_SOURCE, "path": rel, "line": max(int(line), 0)}
    if address:
        record["address"] = address
    return record


def declared_in_code(attributes: Mapping[str, Any]) -> bool:
    """Whether an identity or credential comes from code rather than from a platform."""
    prov = attributes.get("provenance")
    return isinstance(prov, Mapping) and prov.get("source") == CODE_SOURCE


def line_of(text: str, offset: int) -> int:
    """1-based line of a character offset."""
    return text.count("\n", 0, max(offset, 0)) + 1


@dataclass
class Declarations:
    """What code declares for one platform, accumulated across files, then built into one Snapshot."""

    platform: Platform
    identities: dict[str, Identity] = field(default_factory=dict)
    credentials: list[PlatformCredential] = field(default_factory=list)
    reach: dict[str, set[Capability]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    coverage: list[Skipped] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    baseline: str | None = None

    def add(self, identity: Identity, caps: set[Capability] | frozenset[Capability] | None = None) -> None:
        """Add an identity; a second declaration with the same id keeps the first (and says so)."""
        if identity.id in self.identities:
            prov = identity.attributes.get("provenance") or {}
            self.coverage.append(
                Skipped(
                    f"{prov.get('path', '?')}:{prov.get('line', 0)}",
                    f"{identity.id} is declared more than once; the first declaration is used",
                    "duplicate",
                )
            )
            return
        self.identities[identity.id] = identity
        if caps is not None:
            self.reach[identity.id] = set(caps)

    def skip(self, source: str, reason: str, category: str = "partial") -> None:
        self.coverage.append(Skipped(source, reason, category))

    def snapshot(self, collected_at: datetime) -> Snapshot:
        return Snapshot(
            platform=self.platform,
            collected_at=collected_at,
            source=f"code:{self.platform.value}",
            identities=tuple(sorted(self.identities.values(), key=lambda i: i.id)),
            credentials=tuple(sorted(self.credentials, key=lambda c: (c.identity_id, c.id))),
            reach={k: frozenset(v) for k, v in sorted(self.reach.items())},
            baseline=self.baseline,
            coverage=tuple(self.coverage),
            facts={"declared_in_code": True, "files": sorted(self.files), **self.facts},
        )


class CodeModel:
    """All platforms' declarations of one scan, created on first use per platform."""

    def __init__(self) -> None:
        self.platforms: dict[Platform, Declarations] = {}

    def __getitem__(self, platform: Platform) -> Declarations:
        if platform not in self.platforms:
            self.platforms[platform] = Declarations(platform)
        return self.platforms[platform]
