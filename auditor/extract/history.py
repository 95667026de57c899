"""Scan file versions from git history with the same extractors as files on disk, and keep what HEAD lost.

History is the one input whose size is unbounded (every version of every file, ever), so it is streamed: the
commit walk is lazy, blobs go to the worker processes in small batches with a bounded number in flight,
workers send back only the file versions that hold something, and the parent keeps only secrets it has not
seen before. Memory grows only with the blob ids seen (tens of bytes each); the workers start once the
first PEEK blobs are walked (enough to tell a short history, scanned here, from a long one), so they do not
inherit the caches of the rest of the walk.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from auditor.discovery.history import HistoryBlob, read_blob
from auditor.extract.budget import batch_watchdog
from auditor.extract.filescan import probe_partitions, scan_bytes, scan_secrets_if_any, within_budget
from auditor.model import FileScan, Skipped, is_archive_name
from auditor.progress import ProgressSink

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from auditor.extract.detectors import DetectorSet

PROGRESS_TASK = "history"
# Blobs per task sent to a worker: enough to amortise a round trip, few enough to keep workers level.
BATCH = 256
# Tasks in flight per worker: keeps every worker busy while the walk and the results stay bounded.
IN_FLIGHT_PER_WORKER = 2
# Blobs walked before choosing between this process and a pool (and whether to compile the regex gate): a
# history this short is scanned here, like a scan of a handful of files.
PEEK = 1024
MIN_PARALLEL_BLOBS = 64


def scan_blob(blob: HistoryBlob, detectors: DetectorSet, key: str) -> FileScan:
    """The secrets of one file version, each located in the commit that added it.

    References, settings and manifests of old versions are dropped: the inventory describes the tree as it
    is now; history only answers "which credentials did this repository ever publish".
    """
    data = _read(blob)
    if isinstance(data, FileScan):
        return data
    return _scan_data(blob, data, detectors, key)


def _read(blob: HistoryBlob) -> bytes | FileScan:
    """The blob's bytes, or the coverage entry saying why they could not be read (or were not: an archive)."""
    if is_archive_name(blob.rel):
        # Archives are opened in the working tree (discovery.archives), where a member is read from the
        # file as a stream; a committed version of one is not opened, and says so.
        reason = (
            "archive in git history: its members are not examined (archives are opened in the working tree)"
        )
        where = f"{blob.rel}@{blob.commit[:12]}"
        return FileScan(
            blob.rel, "binary", blob.size, skipped=(Skipped(where, reason, "history"),), commit=blob.commit
        )
    try:
        return read_blob(blob)
    except Exception as exc:  # a corrupt or missing object: say so, never stop the scan
        reason = f"git object not readable ({type(exc).__name__})"
        where = f"{blob.rel}@{blob.commit[:12]}"
        return FileScan(
            blob.rel, "unknown", blob.size, skipped=(Skipped(where, reason, "history"),), commit=blob.commit
        )


def _scan_data(blob: HistoryBlob, data: bytes, detectors: DetectorSet, key: str) -> FileScan:
    return _located(blob, scan_bytes(blob.rel, data, detectors, fingerprint_key=key))


def _located(blob: HistoryBlob, scan: FileScan) -> FileScan:
    """A file version's scan with its secrets and coverage located in the commit that added it."""
    where = f"{blob.rel}@{blob.commit[:12]}"
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
        peer_allow=scan.peer_allow,
        commit=blob.commit,
        committed=blob.committed,
    )


# What a version that holds nothing scans to: dropped by _worth_keeping, never built blob by blob.
_NOTHING = FileScan("", "unknown", 0)


def _scan_version(blob: HistoryBlob, detectors: DetectorSet, key: str) -> FileScan:
    """scan_blob's secrets and coverage, or _NOTHING without building a scan when the version provably
    holds nothing (most do: filescan.yields_nothing asks the file scan's own questions, one Vectorscan pass
    and the detector pass, and a version it cannot pass over is scanned without asking them again). Only
    what history keeps is extracted: references, settings and manifest hints of old versions never are."""
    data = _read(blob)
    if isinstance(data, FileScan):
        return data
    scan = scan_secrets_if_any(blob.rel, data, detectors, fingerprint_key=key)
    return _NOTHING if scan is None else _located(blob, scan)


def _scan_budgeted(
    blob: HistoryBlob, detectors: DetectorSet, key: str, time_budget: float | None
) -> FileScan:
    scan = within_budget(blob.rel, blob.size, time_budget, lambda: _scan_version(blob, detectors, key))
    if scan.commit is None and scan is not _NOTHING:
        # The guard's own entry (the time budget, an extractor failure): located in its commit as well.
        where = f"{blob.rel}@{blob.commit[:12]}"
        skipped = tuple(replace(s, source=where) for s in scan.skipped)
        scan = replace(scan, skipped=skipped, commit=blob.commit, committed=blob.committed)
    return scan


def _worth_keeping(scan: FileScan) -> bool:
    """Only versions holding a secret or a coverage gap can matter to `only_in_history`."""
    return scan is not _NOTHING and bool(scan.secrets or scan.skipped)


# -- worker processes --------------------------------------------------------------------------------------

# Set once per worker process by the pool initializer; never in the parent.
_worker: tuple[DetectorSet, str, float | None] | None = None


def _init_worker(detectors: DetectorSet | None, key: str, time_budget: float | None) -> None:
    global _worker
    if detectors is None:  # spawned, not forked: load the (cached) detector set here
        from auditor.extract.detectors import DetectorSet

        detectors = DetectorSet.load()
        detectors.use_gate(compile_if_missing=False, partitions=probe_partitions())
    _worker = (detectors, key, time_budget)
    from auditor.extract.budget import install_worker_alarm

    install_worker_alarm()


def _scan_batch(batch: Sequence[HistoryBlob]) -> tuple[int, list[FileScan]]:
    """(blobs scanned, the scans worth sending back): most versions hold nothing and cost no pickling."""
    assert _worker is not None, "pool initializer did not run"
    detectors, key, time_budget = _worker
    kept = []
    # The per-blob budget is armed once for the batch (periodic ticks, as for files on disk), not with four
    # timer and handler calls around every blob.
    with batch_watchdog(time_budget):
        for blob in batch:
            scan = _scan_budgeted(blob, detectors, key, time_budget)
            if _worth_keeping(scan):
                kept.append(scan)
    return len(batch), kept


# -- the driver ----------------------------------------------------------------------------------------------


class _FirstSightings:
    """`only_in_history`, one file version at a time (oldest first), holding only what it keeps."""

    def __init__(self, current: Iterable[FileScan]) -> None:
        self.seen = {(s.kind, s.fingerprint) for f in current for s in f.secrets}
        self.kept: list[FileScan] = []

    def add(self, scan: FileScan) -> None:
        fresh = []
        for secret in scan.secrets:
            ident = (secret.kind, secret.fingerprint)
            if ident not in self.seen:
                self.seen.add(ident)
                fresh.append(secret)
        if fresh or scan.skipped:
            self.kept.append(replace(scan, secrets=tuple(fresh)))


def only_in_history(history: Iterable[FileScan], current: Iterable[FileScan]) -> list[FileScan]:
    """Each secret that is no longer in the scanned tree, once, in the oldest file version that held it.

    `history` comes oldest commit first, so the first sighting of a (kind, fingerprint) is where the value
    was introduced; the same value in later versions of the file (every edit makes a new blob) is not
    repeated. A value still present in the tree is reported there, not here.
    """
    sightings = _FirstSightings(current)
    for scan in history:
        sightings.add(scan)
    return sightings.kept


def scan_history_blobs(
    blobs: Iterable[HistoryBlob],
    current: Iterable[FileScan],
    detectors: DetectorSet,
    *,
    fingerprint_key: str,
    jobs: int | None = None,
    progress: ProgressSink | None = None,
    time_budget: float | None = None,
) -> list[FileScan]:
    """`only_in_history` over the scans of `blobs` (oldest commit first), streamed: see the module doc.

    jobs=None uses every core; jobs=1 stays in this process.
    """
    import os

    sightings = _FirstSightings(current)
    stream = iter(blobs)
    head = list(itertools.islice(stream, PEEK))
    workers = jobs if jobs is not None and jobs > 0 else (os.cpu_count() or 1)
    if len(head) < PEEK:
        workers = min(workers, max(1, len(head)))
        # As for files on disk: the gate's compile (seconds, then cached) pays off only on a large history.
        # The same marker partitions as for files on disk: the gate's one pass per blob also answers the
        # marker sets (without them each blob took two more Vectorscan passes), and the scan of the tree
        # before has loaded this very database already.
        detectors.use_gate(compile_if_missing=False, partitions=probe_partitions())
    else:
        detectors.use_gate(compile_if_missing=True, partitions=probe_partitions())
    rest: Iterator[HistoryBlob] = itertools.chain(head, stream)
    if workers > 1 and len(head) >= MIN_PARALLEL_BLOBS:
        rest = _in_pool(rest, sightings, detectors, fingerprint_key, workers, progress, time_budget)
    for blob in rest:  # what no pool took: all of it, or what remained when a pool could not start
        scan = _scan_budgeted(blob, detectors, fingerprint_key, time_budget)
        if _worth_keeping(scan):
            sightings.add(scan)
        if progress is not None:
            progress.advance(PROGRESS_TASK)
    return sightings.kept


def _in_pool(
    blobs: Iterator[HistoryBlob],
    sightings: _FirstSightings,
    detectors: DetectorSet,
    key: str,
    workers: int,
    progress: ProgressSink | None,
    time_budget: float | None,
) -> Iterator[HistoryBlob]:
    """Scan `blobs` in a pool, results in order; yields back any blob a failing pool did not scan."""
    import multiprocessing
    import pickle

    from auditor.extract.pool import process_pool

    # Under fork the workers inherit the loaded detectors (and the gate); otherwise each loads its own.
    shipped = detectors if multiprocessing.get_start_method(allow_none=False) == "fork" else None
    batches = iter(lambda: list(itertools.islice(blobs, BATCH)), [])
    pending: deque[tuple[list[HistoryBlob], AsyncResult[tuple[int, list[FileScan]]]]] = deque()
    try:
        with process_pool(workers, _init_worker, (shipped, key, time_budget)) as pool:
            for batch in batches:
                pending.append((batch, pool.apply_async(_scan_batch, (batch,))))
                while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    _collect(pending[0][1], sightings, progress)
                    pending.popleft()  # only once its results are in: a failure re-scans it below
            while pending:
                _collect(pending[0][1], sightings, progress)
                pending.popleft()
    except (OSError, pickle.PicklingError, multiprocessing.ProcessError) as exc:
        # A pool that cannot start (no /dev/shm, sandboxed fork) still leaves a working scan: finish here.
        if progress is not None:
            progress.warn(f"parallel scan unavailable ({type(exc).__name__}); scanning in one process")
        for batch, _ in pending:
            yield from batch
        yield from blobs


def _collect(
    result: AsyncResult[tuple[int, list[FileScan]]], sightings: _FirstSightings, progress: ProgressSink | None
) -> None:
    count, kept = result.get()
    for scan in kept:
        sightings.add(scan)
    if progress is not None:
        progress.advance(PROGRESS_TASK, count)
