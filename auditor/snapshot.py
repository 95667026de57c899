"""Snapshot <-> JSON, versioned, so saved platform snapshots replay offline without credentials."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from auditor.clock import parse_time
from auditor.documents import parse_json, validate
from auditor.errors import SnapshotError
from auditor.model import (
    AccessLevel,
    Capability,
    Identity,
    Platform,
    PlatformCredential,
    Skipped,
    Snapshot,
    Unread,
)

SCHEMA_VERSION = 1


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def snapshot_to_dict(snapshot: Snapshot) -> dict[str, Any]:
    """A JSON-able dict with stable ordering (identities by id, reach sorted)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "botaudit-snapshot",
        "platform": snapshot.platform.value,
        "collected_at": _time(snapshot.collected_at),
        "source": snapshot.source,
        "baseline": snapshot.baseline,
        "requests": snapshot.requests,
        "duration_seconds": round(snapshot.duration_seconds, 3),
        # Parts the collector could not read: unknown, not empty. An absent list means a complete snapshot.
        "unread": [
            {
                "part": u.part,
                "subject": u.subject,
                "reason": u.reason,
                "category": u.category,
                "affects_reach": u.affects_reach,
            }
            for u in sorted(snapshot.unread, key=Unread.sort_key)
        ],
        "identities": [
            {
                "id": i.id,
                "name": i.name,
                "kind": i.kind,
                "aliases": list(i.aliases),
                "attributes": dict(i.attributes),
            }
            for i in sorted(snapshot.identities, key=lambda i: i.id)
        ],
        "credentials": [
            {
                "id": c.id,
                "identity_id": c.identity_id,
                "kind": c.kind,
                "created": _time(c.created),
                "rotated": _time(c.rotated),
                "last_used": _time(c.last_used),
                "expires": _time(c.expires),
                "active": c.active,
                "attributes": dict(c.attributes),
            }
            for c in sorted(snapshot.credentials, key=lambda c: (c.identity_id, c.id))
        ],
        "reach": {
            ident: [[c.resource, c.action, c.level.value] for c in sorted(caps)]
            for ident, caps in sorted(snapshot.reach.items())
        },
        "coverage": [
            {"source": s.source, "reason": s.reason, "category": s.category} for s in snapshot.coverage
        ],
        "facts": dict(snapshot.facts),
    }


def _require(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise SnapshotError(f"{where}: missing field {key!r}")
    return data[key]


def snapshot_from_dict(data: Any, where: str = "snapshot") -> Snapshot:
    """Rebuild a Snapshot; any structural problem is a SnapshotError naming the field.

    The document is checked against auditor/schemas/snapshot.schema.json before any field is used.
    """
    if not isinstance(data, Mapping):
        raise SnapshotError(f"{where}: not a JSON object")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        shown = version if isinstance(version, int | str | None) and len(str(version)) < 20 else "?"
        raise SnapshotError(
            f"{where}: unsupported schema_version {shown!r} (this botaudit reads version {SCHEMA_VERSION})"
        )
    platform_name = data.get("platform")
    if not isinstance(platform_name, str) or platform_name not in {p.value for p in Platform}:
        shown = platform_name if isinstance(platform_name, str) and len(platform_name) < 40 else "?"
        raise SnapshotError(f"{where}: unknown platform {shown!r}")
    validate(data, "snapshot", where, SnapshotError)
    platform = Platform(_require(data, "platform", where))
    collected = parse_time(_require(data, "collected_at", where))
    if collected is None:
        raise SnapshotError(f"{where}: collected_at is not a timestamp")
    try:
        identities = tuple(
            Identity(
                platform=platform,
                id=str(i["id"]),
                name=str(i.get("name", i["id"])),
                kind=str(i.get("kind", "")),
                attributes=dict(i.get("attributes") or {}),
                aliases=tuple(str(a) for a in i.get("aliases") or ()),
            )
            for i in data.get("identities") or ()
        )
        credentials = tuple(
            PlatformCredential(
                platform=platform,
                id=str(c["id"]),
                identity_id=str(c["identity_id"]),
                kind=str(c.get("kind", "")),
                created=parse_time(c.get("created")),
                rotated=parse_time(c.get("rotated")),
                last_used=parse_time(c.get("last_used")),
                expires=parse_time(c.get("expires")),
                active=bool(c.get("active", True)),
                attributes=dict(c.get("attributes") or {}),
            )
            for c in data.get("credentials") or ()
        )
        reach = {
            str(ident): frozenset(
                Capability(platform.value, str(res), str(act), AccessLevel(level)) for res, act, level in caps
            )
            for ident, caps in (data.get("reach") or {}).items()
        }
        coverage = tuple(
            Skipped(str(s["source"]), str(s["reason"]), str(s.get("category", "error")))
            for s in data.get("coverage") or ()
        )
        unread = tuple(
            Unread(
                part=str(u["part"]),
                reason=str(u["reason"]),
                category=str(u.get("category", "error")),
                subject=str(u["subject"]) if u.get("subject") is not None else None,
                affects_reach=bool(u.get("affects_reach", False)),
            )
            for u in data.get("unread") or ()
        )
        duration = float(data.get("duration_seconds") or 0.0)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SnapshotError(f"{where}: malformed entry ({type(exc).__name__}: {exc})") from exc
    return Snapshot(
        platform=platform,
        collected_at=collected,
        source=str(data.get("source", "")),
        identities=identities,
        credentials=credentials,
        reach=reach,
        baseline=data.get("baseline"),
        coverage=coverage,
        facts=dict(data.get("facts") or {}),
        requests=int(data.get("requests") or 0),
        unread=unread,
        duration_seconds=duration if duration == duration and 0 <= duration < 1e9 else 0.0,
    )


def dumps_snapshot(snapshot: Snapshot) -> str:
    return json.dumps(snapshot_to_dict(snapshot), indent=1, sort_keys=False, default=str) + "\n"


def dump_snapshot(snapshot: Snapshot, path: Path | str) -> None:
    """Write a snapshot file (UTF-8 JSON)."""
    Path(path).write_text(dumps_snapshot(snapshot), encoding="utf-8")


def load_snapshot(path: Path | str) -> Snapshot:
    """Read a snapshot file; unreadable or malformed files raise SnapshotError with the path."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise SnapshotError(f"{p}: cannot read snapshot ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise SnapshotError(f"{p}: snapshot is not UTF-8 text") from exc
    return snapshot_from_dict(parse_json(text, str(p), SnapshotError), where=str(p))
