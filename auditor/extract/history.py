"""Scan file versions from git history with the same extractors as files on disk, and keep what HEAD lost."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from auditor.discovery.history import HistoryBlob, read_blob
from auditor.extract.filescan import scan_bytes
from auditor.model import FileScan, Skipped

if TYPE_CHECKING:
    from auditor.extract.detectors import DetectorSet


def scan_blob(blob: HistoryBlob, detectors: DetectorSet, key: str) -> FileScan:
    """The secrets of one file version, each located in the commit that added it.

    References, settings and manifests of old versions are dropped: the inventory describes the tree as it
    is now; history only answers "which credentials did this repository ever publish".
    """
    where = f"{blob.rel}@{blob.commit[:12]}"
    try:
        data = read_blob(blob)
    except Exception as exc:  # a corrupt or missing object: say so, never stop the scan
        reason = f"git object not readable ({type(exc).__name__})"
        return FileScan(
            blob.rel, "unknown", blob.size, skipped=(Skipped(where, reason, "history"),), commit=blob.commit
        )
    scan = scan_bytes(blob.rel, data, detectors, fingerprint_key=key)
    return FileScan(
        path=blob.rel,
        format=scan.format,
        size=scan.size,
        secrets=tuple(replace(s, location=replace(s.location, commit=blob.commit)) for s in scan.secrets),
        # A binary blob or one in a deliberate category is not a coverage gap worth a line per version.
        skipped=tuple(
            replace(s, source=where) for s in scan.skipped if not s.by_design and s.category != "binary"
        ),
        allow_lines=scan.allow_lines,
        commit=blob.commit,
        committed=blob.committed,
    )


def only_in_history(history: Iterable[FileScan], current: Iterable[FileScan]) -> list[FileScan]:
    """Each secret that is no longer in the scanned tree, once, in the oldest file version that held it.

    `history` comes oldest commit first, so the first sighting of a (kind, fingerprint) is where the value
    was introduced; the same value in later versions of the file (every edit makes a new blob) is not
    repeated. A value still present in the tree is reported there, not here.
    """
    seen = {(s.kind, s.fingerprint) for f in current for s in f.secrets}
    kept: list[FileScan] = []
    for scan in history:
        fresh = []
        for secret in scan.secrets:
            ident = (secret.kind, secret.fingerprint)
            if ident not in seen:
                seen.add(ident)
                fresh.append(secret)
        if fresh or scan.skipped:
            kept.append(replace(scan, secrets=tuple(fresh)))
    return kept
