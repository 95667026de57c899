"""botaudit.yaml: the project's agents, baselines, rule overrides, suppressions and collector settings.

Loading and strict validation (unknown keys and bad values are errors naming file and line) live here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import yaml

from auditor.errors import ConfigError
from auditor.model import Severity
from auditor.redact import DEFAULT_FINGERPRINT_KEY

if TYPE_CHECKING:
    from auditor.engine.interface import Rule

CONFIG_FILENAMES = ("botaudit.yaml", "botaudit.yml", ".botaudit.yaml")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


@dataclass(frozen=True)
class AgentDecl:
    """An agent declared in botaudit.yaml; declarations win over what discovery infers."""

    name: str
    paths: tuple[str, ...] = ()
    kind: str | None = None
    multi_user: bool | None = None
    environment: str | None = None
    description: str = ""


@dataclass(frozen=True)
class RuleOverride:
    """Per-rule changes from botaudit.yaml, keyed by rule id or name."""

    severity: Severity | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True


@dataclass(frozen=True)
class SuppressionEntry:
    """A reviewed exception: which findings it covers, why, and until when."""

    reason: str
    rule: str | None = None
    path: str | None = None
    fingerprint: str | None = None
    agent: str | None = None
    identity: str | None = None
    expires: date | None = None
    line: int = 0


@dataclass(frozen=True)
class Config:
    """The validated project configuration. `Config()` is the built-in default."""

    path: str | None = None
    fingerprint_key: str = DEFAULT_FINGERPRINT_KEY
    agents: tuple[AgentDecl, ...] = ()
    # platform name -> baseline junior user: an IAM ARN, a Salesforce username, an Entra UPN,
    # or a list of Vault policy names.
    baseline: Mapping[str, Any] = field(default_factory=dict)
    rules: Mapping[str, RuleOverride] = field(default_factory=dict)
    disabled: tuple[str, ...] = ()
    suppressions: tuple[SuppressionEntry, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    exclude: tuple[str, ...] = ()
    # platform name -> collector settings (endpoints, profile, CA bundle, auth file paths; never secrets).
    collectors: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Saved platform snapshots (paths relative to this file) judged on every scan: offline demos, audits.
    snapshots: tuple[str, ...] = ()

    @property
    def base_dir(self) -> Path:
        return Path(self.path).parent if self.path else Path.cwd()


def find_config(roots: list[Path]) -> Path | None:
    """The botaudit.yaml at the first scan root that has one."""
    for root in roots:
        folder = root if root.is_dir() else root.parent
        for name in CONFIG_FILENAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


