"""Baselines: the known findings of a project, by fingerprint, so CI gates only on what is new.

The file holds no secrets, no line numbers and no timestamps, and is sorted by fingerprint, so it changes only
when findings appear or disappear and merge conflicts stay rare. Its `schema_version` is the file
format's own, not the tool's: a botaudit upgrade does not look like a format change (detect-secrets' mistake).

Version 3 records fingerprints of secret scheme 4 (`auditor.redact`: issued tokens take a keyed HMAC instead
of scrypt; scheme 4 has issued formats for 171 kinds of token, scheme 3 for 43). Version 2 (scheme 3) and
version 1 (scheme 2, scrypt for every value) files are still read: a scan using one derives each issued
token's scrypt fingerprint too, which is the fingerprint either older scheme gave it, so its findings match
their old entries (`Finding.aliases`), and `baseline update` rewrites those entries with the new
fingerprints (and the file as version 3).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from auditor.documents import parse_json, validate
from auditor.errors import BotauditError
from auditor.model import Finding, ScanResult
from auditor.redact import FINGERPRINT_SCHEME

SCHEMA_VERSION = 3
# Versions read, and the secret fingerprint scheme (auditor.redact) each one's fingerprints were made under.
FINGERPRINT_SCHEMES = {1: 2, 2: 3, 3: 4}
TOOL = "botaudit"
_ENTRY_KEYS = frozenset({"fingerprint", "rule_id", "path", "identity"})


class BaselineError(BotauditError):
    """A baseline file could not be read: missing, not JSON, or not botaudit's baseline format."""


@dataclass(frozen=True, order=True)
class BaselineEntry:
    """One known finding: its fingerprint, plus the rule and subject so a reviewer can read the file."""

    fingerprint: str
    rule_id: str
    path: str | None = None
    identity: str | None = None


@dataclass(frozen=True)
class Baseline:
    """The set of known findings; `fingerprint in baseline` is what suppression checks."""

    entries: tuple[BaselineEntry, ...] = ()
    # The secret fingerprint scheme its entries were recorded under (2: a version-1 file, 3: version 2).
    fingerprint_scheme: int = 4

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(e.fingerprint for e in self.entries)

    @property
    def needs_legacy_aliases(self) -> bool:
        """Whether matching it needs the scrypt fingerprints of issued tokens (auditor.redact): the ones an
        older scheme gave them."""
        return self.fingerprint_scheme < FINGERPRINT_SCHEME and bool(self.entries)

    def __contains__(self, fingerprint: object) -> bool:
        return fingerprint in self.fingerprints

    def __len__(self) -> int:
        return len(self.entries)


def _entry(finding: Finding) -> BaselineEntry:
    if finding.location is not None:
        return BaselineEntry(finding.fingerprint, finding.rule_id, path=finding.location.path)
    return BaselineEntry(finding.fingerprint, finding.rule_id, identity=finding.identity)


def _build(entries: Iterable[BaselineEntry]) -> Baseline:
    unique: dict[str, BaselineEntry] = {}
    for entry in entries:
        unique.setdefault(entry.fingerprint, entry)
    return Baseline(entries=tuple(sorted(unique.values())))


def create(result: ScanResult) -> Baseline:
    """A baseline of every finding in the result that is not currently suppressed.

    Actively suppressed findings stay out: when their suppression expires they must gate again, which a
    baseline entry would prevent.
    """
    return _build(_entry(f) for f in result.findings if not f.suppressed)


def update(old: Baseline, result: ScanResult) -> Baseline:
    """`old` brought up to date: findings no longer present are dropped (fixed), new ones are added. An
    entry recorded under an earlier fingerprint scheme that a finding still matches (`Finding.aliases`)
    is rewritten with the finding's current fingerprint."""
    present = {f.fingerprint for f in result.findings}
    renamed = {alias: f for f in result.findings for alias in f.aliases}
    kept = []
    for entry in old.entries:
        if entry.fingerprint in present:
            kept.append(entry)
        elif (finding := renamed.get(entry.fingerprint)) is not None:
            kept.append(_entry(finding))
    return _build([*kept, *create(result).entries])


def dump(baseline: Baseline) -> str:
    """The baseline file's text: stable key order, sorted entries, a trailing newline."""
    findings: list[dict[str, str]] = []
    for entry in sorted(baseline.entries):
        item = {"fingerprint": entry.fingerprint, "rule_id": entry.rule_id}
        if entry.path is not None:
            item["path"] = entry.path
        elif entry.identity is not None:
            item["identity"] = entry.identity
        findings.append(item)
    document = {"schema_version": SCHEMA_VERSION, "tool": TOOL, "findings": findings}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _optional_str(item: dict[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise BaselineError(f"{where}: `{key}` must be a string")
    return value


def loads(text: str, source: str = "<baseline>") -> Baseline:
    """Parse a baseline document; raises BaselineError naming `source` and what is wrong."""
    data = parse_json(text, source, BaselineError)
    if not isinstance(data, dict):
        raise BaselineError(
            f"{source}: a baseline is a JSON object with `schema_version`, `tool` and `findings`"
        )
    version = data.get("schema_version")
    if version not in FINGERPRINT_SCHEMES or isinstance(version, bool):
        raise BaselineError(
            f"{source}: unsupported baseline schema_version {version!r} (this botaudit reads versions "
            f"{', '.join(map(str, FINGERPRINT_SCHEMES))}); recreate it with `botaudit baseline create`"
        )
    if data.get("tool") != TOOL:
        raise BaselineError(f"{source}: not a botaudit baseline (`tool` is {data.get('tool')!r})")
    unknown = sorted(set(data) - {"schema_version", "tool", "findings"})
    if unknown:
        raise BaselineError(f"{source}: unknown key(s) {', '.join(unknown)}")
    items = data.get("findings")
    if not isinstance(items, list):
        raise BaselineError(f"{source}: `findings` must be a list")
    entries: list[BaselineEntry] = []
    for index, item in enumerate(items):
        where = f"{source}: findings[{index}]"
        if not isinstance(item, dict):
            raise BaselineError(f"{where} must be an object")
        extra = sorted(set(item) - _ENTRY_KEYS)
        if extra:
            raise BaselineError(f"{where}: unknown key(s) {', '.join(extra)}")
        fp, rule_id = item.get("fingerprint"), item.get("rule_id")
        if not isinstance(fp, str) or not fp:
            raise BaselineError(f"{where}: `fingerprint` must be a non-empty string")
        if not isinstance(rule_id, str) or not rule_id:
            raise BaselineError(f"{where}: `rule_id` must be a non-empty string")
        entries.append(
            BaselineEntry(
                fp, rule_id, _optional_str(item, "path", where), _optional_str(item, "identity", where)
            )
        )
    # The shipped schema (auditor/schemas/baseline.schema.json) is the contract; the checks above only word
    # the common mistakes better.
    validate(data, "baseline", source, BaselineError)
    return replace(_build(entries), fingerprint_scheme=FINGERPRINT_SCHEMES[version])


def load(path: Path | str) -> Baseline:
    """Read a baseline file; raises BaselineError with a clear message (missing, unreadable, bad format)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(
            f"{file}: baseline file not found (create one with `botaudit baseline create`)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{file}: cannot read the baseline ({exc.__class__.__name__})") from None
    return loads(text, str(file))
