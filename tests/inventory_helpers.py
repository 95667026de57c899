"""Hand-built FileScans for inventory and rule tests: the shapes the extractors produce, no file reads."""

from __future__ import annotations

from typing import Any

from auditor.model import (
    Confidence,
    FileScan,
    Location,
    ManifestHint,
    Platform,
    ReferenceKind,
    SecretContext,
    SecretMatch,
    SecretReference,
    Setting,
    Severity,
)
from auditor.redact import fingerprint


def secret(
    path: str,
    kind: str,
    value: str,
    *,
    line: int = 1,
    key: str | None = None,
    context: SecretContext = SecretContext.CONFIG,
    identifier: str | None = None,
    platform: Platform | None = None,
    is_example: bool = False,
    in_test_path: bool = False,
    confidence: Confidence = Confidence.HIGH,
) -> SecretMatch:
    return SecretMatch(
        detector_id=kind,
        kind=kind,
        location=Location(path, line, None, key),
        redacted=value[:4] + "…",
        fingerprint=fingerprint(kind, value),
        severity=Severity.HIGH,
        confidence=confidence,
        context=context,
        is_example=is_example,
        in_test_path=in_test_path,
        identifier=identifier,
        platform=platform,
    )


def setting(path: str, key: str, value: str = "", line: int = 1, key_path: str | None = None) -> Setting:
    return Setting(key, value, Location(path, line, None, key_path or key))


def ref(
    path: str, kind: ReferenceKind, target: str, line: int = 1, key: str | None = None
) -> SecretReference:
    return SecretReference(kind, target, Location(path, line, None, key))


def hint(
    path: str, kind: str, name: str, line: int = 1, key: str | None = None, **details: Any
) -> ManifestHint:
    return ManifestHint(kind, name, Location(path, line, None, key), details)


def scan(path: str, *items: object, fmt: str = "yaml") -> FileScan:
    return FileScan(
        path=path,
        format=fmt,
        size=100,
        secrets=tuple(i for i in items if isinstance(i, SecretMatch)),
        references=tuple(i for i in items if isinstance(i, SecretReference)),
        settings=tuple(i for i in items if isinstance(i, Setting)),
        manifests=tuple(i for i in items if isinstance(i, ManifestHint)),
    )
