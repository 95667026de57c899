"""Scan many files: a process pool across files (one DetectorSet per worker), results in entry order."""

from __future__ import annotations

import dataclasses
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from auditor.discovery.walk import FileEntry
from auditor.extract.budget import DEFAULT_FILE_BUDGET
from auditor.extract.filescan import probe_partitions, scan_file_unguarded, within_budget
from auditor.model import FileScan
from auditor.progress import ProgressSink

if TYPE_CHECKING:
    from auditor.extract.detectors import DetectorSet

PROGRESS_TASK = "files"
ScanOne = Callable[[Any, "DetectorSet", str], FileScan]
# Below this much work a pool costs more to start than it saves.
MIN_PARALLEL_FILES = 64
MIN_PARALLEL_BYTES = 4 * 1024 * 1024
# Above this much work a scan compiles the full-regex gate when it is not cached (see scan_files).
GATE_COMPILE_FILES = 5000
GATE_COMPILE_BYTES = 64 * 1024 * 1024

# Per-worker-process state, set once by the pool initializer: loading and compiling the detectors once per
# process instead of once per file is the point of the initializer. Never set in the parent process.
_worker_state: tuple[DetectorSet, str, ScanOne, float | None] | None = None


def _load_detectors(detectors: DetectorSet | None) -> DetectorSet:
    if detectors is not None:
        return detectors
    from auditor.extract.detectors import DetectorSet

    return DetectorSet.load()


def _init_worker(
    detectors: DetectorSet | None, fingerprint_key: str, scan_one: ScanOne, time_budget: float | None
) -> None:
    global _worker_state
    loaded = _load_detectors(detectors)
    loaded.prepare()  # outside any file's time budget
    _worker_state = (loaded, fingerprint_key, scan_one, time_budget)
    from auditor.extract.budget import install_worker_alarm

    install_worker_alarm()


def _run_one(
    item: Any, detectors: DetectorSet, key: str, scan_one: ScanOne, time_budget: float | None
) -> FileScan:
    # The one place the per-file time budget applies, whatever the unit of work (a file, a git blob).
    return within_budget(
        str(getattr(item, "rel", "?")), int(item.size), time_budget, lambda: scan_one(item, detectors, key)
    )


# Every FileScan field but the three a file always has, with its default: a result equal to the defaults on
# all of them (a file with nothing in it, most of any scan) travels back as a bare (path, format, size).
_EXTRA_FIELDS = tuple(
    (f.name, f.default) for f in dataclasses.fields(FileScan) if f.name not in ("path", "format", "size")
)
Compact = FileScan | tuple[str, str, int]


def _compact(scan: FileScan) -> Compact:
    if all(getattr(scan, name) == default for name, default in _EXTRA_FIELDS):
        return (scan.path, scan.format, scan.size)
    return scan


def _expand(item: Compact) -> FileScan:
    return item if isinstance(item, FileScan) else FileScan(*item)


def _scan_batch_in_worker(batch: Sequence[Any]) -> list[Compact]:
    """A whole batch per call: one pickled message each way for many small files, not one per file, and
    a bare tuple for each file with nothing in it (a fraction of a pickled FileScan, both ways)."""
    assert _worker_state is not None, "pool initializer did not run"
    detectors, key, scan_one, time_budget = _worker_state
    return [_compact(_run_one(item, detectors, key, scan_one, time_budget)) for item in batch]


# Batches aim at this many bytes of input (and at most BATCH_MAX_FILES files): enough to make the per-call
# cost (pickling the entries and results, the pool's bookkeeping) negligible, small enough that the last
# batches still spread over every worker.
BATCH_MAX_FILES = 256
BATCH_MIN_BYTES = 256 * 1024
BATCH_MAX_BYTES = 8 * 1024 * 1024


def batches(entries: Sequence[Any], workers: int) -> list[Sequence[Any]]:
    """Consecutive runs of `entries` of about equal bytes (each entry's `size`, at least 1 KiB so empty
    files count too), about 16 per worker: workers finish together whatever the mix of file sizes."""
    costs = [max(int(e.size), 1024) for e in entries]
    target = min(BATCH_MAX_BYTES, max(BATCH_MIN_BYTES, sum(costs) // max(1, workers * 16)))
    out: list[Sequence[Any]] = []
    start, weight = 0, 0
    for index, cost in enumerate(costs):
        weight += cost
        if weight >= target or index + 1 - start >= BATCH_MAX_FILES:
            out.append(entries[start : index + 1])
            start, weight = index + 1, 0
    if start < len(entries):
        out.append(entries[start:])
    return out


def scan_entry(entry: FileEntry, detectors: DetectorSet, key: str) -> FileScan:
    """The default unit of work: one file on disk (run under _run_one's guard, so not guarded twice)."""
    return scan_file_unguarded(entry, detectors, fingerprint_key=key)


def _shippable(detectors: DetectorSet | None, method: str) -> tuple[bool, DetectorSet | None]:
    """Whether workers can get this DetectorSet: inherited under fork, else only if it pickles."""
    if detectors is None or method == "fork":
        return True, detectors
    try:
        pickle.dumps(detectors)
    except Exception:  # compiled Vectorscan databases do not pickle
        return False, detectors
    return True, detectors


def _in_process(
    entries: Sequence[Any],
    detectors: DetectorSet,
    key: str,
    progress: ProgressSink | None,
    scan_one: ScanOne,
    task: str,
    time_budget: float | None,
) -> Iterator[FileScan]:
    if entries:
        detectors.prepare()  # one-time set-up, outside the first file's time budget
    for entry in entries:
        yield _run_one(entry, detectors, key, scan_one, time_budget)
        if progress is not None:
            progress.advance(task)


def scan_files(
    entries: Sequence[Any],
    detectors: DetectorSet | None,
    *,
    fingerprint_key: str,
    jobs: int | None = None,
    progress: ProgressSink | None = None,
    scan_one: ScanOne = scan_entry,
    task: str = PROGRESS_TASK,
    time_budget: float | None = DEFAULT_FILE_BUDGET,
) -> list[FileScan]:
    """scan_one over every entry (a FileEntry by default, anything with a `size`), in entry order.

    `time_budget` is each entry's extraction deadline in seconds (None: none).

    jobs=None uses every core; jobs=1 stays in this process. `scan_one` must be a module-level function so
    that workers started by spawn can receive it.
    """

    def here(rest: Sequence[Any]) -> list[FileScan]:
        loaded = _load_detectors(detectors)
        return list(_in_process(rest, loaded, fingerprint_key, progress, scan_one, task, time_budget))

    workers = jobs if jobs is not None and jobs > 0 else (os.cpu_count() or 1)
    workers = min(workers, max(1, len(entries)))
    total_bytes = sum(e.size for e in entries)
    small = len(entries) < MIN_PARALLEL_FILES and total_bytes < MIN_PARALLEL_BYTES
    if detectors is not None and not small:
        # The full-regex gate saves about a third of a millisecond of CPU per file once its database exists;
        # compiling it costs a second or two (then it is cached). Loaded here, before the pool starts, so
        # forked workers inherit it; compiled only for a scan big enough to repay that on its own.
        big = len(entries) >= GATE_COMPILE_FILES or total_bytes >= GATE_COMPILE_BYTES
        detectors.use_gate(compile_if_missing=big, partitions=probe_partitions())
    if workers <= 1 or small:
        return here(entries)
    # Imported here: a scan of a handful of files never starts a pool, and multiprocessing pulls in socket.
    import multiprocessing

    shippable, shipped = _shippable(detectors, multiprocessing.get_start_method(allow_none=False))
    if not shippable:
        return here(entries)
    results: list[FileScan] = []
    try:
        with multiprocessing.Pool(
            workers, initializer=_init_worker, initargs=(shipped, fingerprint_key, scan_one, time_budget)
        ) as pool:
            for done in pool.imap(_scan_batch_in_worker, batches(entries, workers)):
                results.extend(map(_expand, done))
                if progress is not None:
                    progress.advance(task, len(done))
    except (OSError, pickle.PicklingError, multiprocessing.ProcessError) as exc:
        # A pool that cannot start (no /dev/shm, sandboxed fork) still leaves a working scan: finish here.
        if progress is not None:
            progress.warn(f"parallel scan unavailable ({type(exc).__name__}); scanning in one process")
        results.extend(here(entries[len(results) :]))
    return results
