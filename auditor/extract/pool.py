"""Scan many files: a process pool across files (one DetectorSet per worker), results in entry order."""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from auditor.discovery.archives import MemberEntry
from auditor.discovery.walk import FileEntry, ShippedEntry, shipped_row
from auditor.extract.budget import DEFAULT_FILE_BUDGET, FileBudgetExceeded, batch_watchdog
from auditor.extract.filescan import (
    _BARE_FIELDS,
    Bare,
    as_filescan,
    guard_failure,
    probe_partitions,
    scan_file_unguarded,
    scan_unguarded,
    within_budget,
)
from auditor.model import FileScan
from auditor.progress import ProgressSink

if TYPE_CHECKING:
    from auditor.extract.budget import Watchdog
    from auditor.extract.detectors import DetectorSet

PROGRESS_TASK = "files"
ScanOne = Callable[[Any, "DetectorSet", str], "FileScan | Bare"]
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
) -> FileScan | Bare:
    # The one place the per-file time budget applies, whatever the unit of work (a file, a git blob).
    return within_budget(
        str(getattr(item, "rel", "?")), int(item.size), time_budget, lambda: scan_one(item, detectors, key)
    )


# Every FileScan field but the three a file always has, with its default: a result equal to the defaults on
# all of them (a file with nothing in it, most of any scan) travels back as a bare (path, format, size).
_EXTRA_FIELDS = tuple(
    (f.name, f.default) for f in dataclasses.fields(FileScan) if f.name not in ("path", "format", "size")
)
Compact = FileScan | Bare


def _compact(scan: FileScan | Bare) -> Compact:
    if isinstance(scan, tuple):  # already bare (filescan's quick path)
        return scan
    if all(getattr(scan, name) == default for name, default in _EXTRA_FIELDS):
        return (scan.path, scan.format, scan.size)
    return scan


def _expand(item: Compact) -> FileScan:
    return as_filescan(item)


def _expand_all(done: Sequence[Compact]) -> list[FileScan]:
    """[_expand(item) for item in done], each bare result made here in one loop: as_filescan's work written
    out, without a call per file (~40% less for the tens of thousands of results a scan's parent receives)."""
    new, filescan, defaults = object.__new__, FileScan, _BARE_FIELDS
    out: list[FileScan] = []
    append = out.append
    for item in done:
        if item.__class__ is tuple:
            scan = new(filescan)
            values = scan.__dict__
            values.update(defaults)
            values["path"], values["format"], values["size"] = item
            append(scan)
        else:
            append(_expand(item))
    return out


def _scan_batch_in_worker(batch: Sequence[Any]) -> list[Compact]:
    """A whole batch per call: one pickled message each way for many small files, not one per file, and
    a bare tuple for each file with nothing in it (a fraction of a pickled FileScan, both ways)."""
    assert _worker_state is not None, "pool initializer did not run"
    detectors, key, scan_one, time_budget = _worker_state
    # The per-file budget is armed once for the batch (budget.batch_watchdog), not around every file.
    with batch_watchdog(time_budget) as watch:
        if watch is None:
            return [_compact(_run_one(item, detectors, key, scan_one, time_budget)) for item in batch]
        return _watched(batch, watch, detectors, key, scan_one, time_budget)


def _scan_packed_in_worker(packed: Sequence[Any]) -> list[Compact]:
    """_scan_batch_in_worker over a batch as `_pack` sent it."""
    return _scan_batch_in_worker(_unpack(packed))


def _unpack(packed: Sequence[Any]) -> list[Any]:
    """The entries `_pack` packed: each plain tuple back into its ShippedEntry, anything else as it is."""
    shipped, new = ShippedEntry, tuple.__new__
    return [new(shipped, e) if e.__class__ is tuple else e for e in packed]


def _pack(batch: Sequence[Any]) -> list[Any]:
    """What travels to a worker for a batch of scan_entry's work: each FileEntry as the plain tuple of its
    ShippedEntry's fields (walk.shipped_row: a fraction of a named tuple's pickling, both ways), anything
    else (an archive member) as it is. `_unpack` undoes it, in the worker."""
    file_entry = FileEntry
    return [shipped_row(e) if isinstance(e, file_entry) else e for e in batch]


def _watched(
    batch: Sequence[Any],
    watch: Watchdog,
    detectors: DetectorSet,
    key: str,
    scan_one: ScanOne,
    time_budget: float | None,
) -> list[Compact]:
    """What `_run_one` and `_compact` give for each item, under the batch's armed watchdog: the guard of
    filescan._guarded written out in one loop (each file takes a number on the watchdog, and a failure,
    the budget's included, becomes that file's coverage entry: filescan.guard_failure), without the calls
    and the closure `_run_one` costs each file; scan_entry's work is called directly
    (filescan.scan_unguarded)."""
    run = scan_unguarded if scan_one is scan_entry else scan_one
    results: list[Compact] = []
    append = results.append
    begin = watch.begin
    for item in batch:
        try:
            begin()
            try:
                result = run(item, detectors, key)
            finally:
                watch.live = False
        except (FileBudgetExceeded, Exception) as exc:
            result = guard_failure(str(getattr(item, "rel", "?")), int(item.size), exc, time_budget)
        append(result if result.__class__ is tuple else _compact(result))
    return results


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
    return list(stream_batches(entries, target))


# A stream's total is unknown while its batches are cut: they aim at this many bytes, small enough that the
# last ones spread over the workers of a large tree, large enough that a batch's own cost stays negligible.
STREAM_BATCH_BYTES = 1024 * 1024


def stream_batches(entries: Iterable[Any], target: int = STREAM_BATCH_BYTES) -> Iterator[list[Any]]:
    """Consecutive runs of `entries` of about `target` bytes (and at most BATCH_MAX_FILES files), cut as
    the entries arrive.

    Never between two members of one compressed tar (`MemberEntry.sequential`): a worker reads them from
    one stream that only goes forward, and a run split over two workers would make the second decompress
    the archive from its start again (discovery.tarballs). A cut that falls inside such a run waits for its
    end, however long the batch grows."""
    batch: list[Any] = []
    weight = 0
    held: str | None = None  # the archive whose run a due cut waits for
    for entry in entries:
        if held is not None and not (getattr(entry, "sequential", False) and entry.path == held):
            yield batch
            batch, weight, held = [], 0, None
        batch.append(entry)
        if held is not None:
            continue
        weight += max(int(entry.size), 1024)
        if weight >= target or len(batch) >= BATCH_MAX_FILES:
            if getattr(entry, "sequential", False):
                held = entry.path
                continue
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def scan_entry(
    entry: FileEntry | ShippedEntry | MemberEntry, detectors: DetectorSet, key: str
) -> FileScan | Bare:
    """The default unit of work: one file on disk (run under _run_one's guard, so not guarded twice). A pool
    sends it as a ShippedEntry. A file with nothing in it comes back bare (filescan.as_filescan)."""
    return scan_file_unguarded(entry, detectors, fingerprint_key=key)


def _shippable(detectors: DetectorSet | None, method: str) -> tuple[bool, DetectorSet | None]:
    """Whether workers can get this DetectorSet: inherited under fork, else only if it pickles."""
    if detectors is None or method == "fork":
        return True, detectors
    import pickle

    try:
        pickle.dumps(detectors)
    except Exception:  # compiled Vectorscan databases do not pickle
        return False, detectors
    return True, detectors


_POOL_CLASS: list[type[Any]] = []


def process_pool(workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Any:
    """multiprocessing.Pool(workers, initializer, initargs), with its worker-handler thread asleep until a
    worker exits or the pool changes state.

    CPython's process Pool also wakes that thread whenever a result waits in the pool's out-queue, and it
    loops (re-listing the workers, polling again) until the result thread has read it, which often waits
    for the GIL: ~10,000 idle turns and ~0.2 s of the parent's CPU in a scan of 20,000 files, on the cores
    the workers need. The handler has nothing to do with results: it replaces exited workers (their
    sentinels stay in its wait) and stops when told through the change notifier, which ThreadPool, the
    same class's thread flavour, waits on alone."""
    import gc
    import multiprocessing
    import multiprocessing.pool

    if not _POOL_CLASS:

        class _Pool(multiprocessing.pool.Pool):
            _froze = False  # whether this pool froze the heap (_freeze_heap): thawed once, when it ends
            _thawed = False

            def _get_sentinels(self) -> list[Any]:
                return [self._change_notifier._reader]  # type: ignore[attr-defined]

            def terminate(self) -> None:
                try:
                    super().terminate()
                finally:
                    self._thaw()

            def keep_frozen(self) -> None:
                """Freeze what arrived since the last call too (when this pool froze the heap): each result
                batch the parent receives, and the FileScans built from it, stay out of every later
                collection's walk while the pool runs, instead of each full collection walking all the
                results received so far (five a scan of --fp-bait's 66,000 settings, 0.03 -> 0.15 s each,
                0.43 s of the parent's CPU in all)."""
                if self._froze:
                    gc.freeze()

            def _thaw(self) -> None:
                if not self._thawed:
                    self._thawed = True
                    _thaw_heap(self._froze)

        _POOL_CLASS.append(_Pool)
    from auditor.redact import legacy_aliases_enabled

    froze = _freeze_heap()
    try:
        pool = _POOL_CLASS[0](
            workers,
            initializer=_init_fingerprints,
            initargs=(legacy_aliases_enabled(), initializer, initargs),
            context=multiprocessing.get_context(),
        )
    except BaseException:
        _thaw_heap(froze)
        raise
    pool._froze = froze
    return pool


def _freeze_heap() -> bool:
    """Move every object the cyclic garbage collector tracks so far (imports, the detector set, its gate:
    most of the parent's heap) out of its reach while a pool runs (gc.freeze); True if this call did it.

    In the parent, the results arriving from the workers allocate enough to trigger full collections, and
    each walked the whole heap only to free nothing (two a scan of 20,000 files, ~0.08 s of the parent's
    CPU beside the workers). Forked workers inherit the frozen heap, so their collections skip it too
    (Python's own advice for a fork without exec). Objects stay freed by reference counting as ever; only a
    cycle that dies while frozen waits until the pool ends (`_thaw_heap`) to be collected. A heap someone
    else froze is left as it is, unless this process ends with its command (`auditor.lifetime`): then what
    is frozen, the pool's results with it, stays frozen until exit, when the interpreter's last collection
    skips it too, and a cycle among those objects that dies before then is left for the exit to reclaim."""
    import gc

    from auditor.lifetime import one_shot

    if gc.get_freeze_count() and not one_shot():
        return False
    gc.freeze()
    return True


def _thaw_heap(froze: bool) -> None:
    import gc

    from auditor.lifetime import one_shot

    if one_shot():
        # The scan's results join the frozen heap: they live until the process ends, and thawing would only
        # hand the next collection the whole heap to walk (~0.09 s after a scan of 20,000 files).
        gc.freeze()
    elif froze:
        gc.unfreeze()


def _init_fingerprints(legacy: bool, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    """A worker derives scheme-2 fingerprint aliases exactly when its parent does (spawned workers too)."""
    from auditor.redact import legacy_aliases

    legacy_aliases(legacy)
    initializer(*initargs)


def _in_process(
    entries: Iterable[Any],
    detectors: DetectorSet,
    key: str,
    progress: ProgressSink | None,
    scan_one: ScanOne,
    task: str,
    time_budget: float | None,
) -> Iterator[FileScan]:
    prepared = False
    for entry in entries:
        if not prepared:
            detectors.prepare()  # one-time set-up, outside the first file's time budget
            prepared = True
        yield as_filescan(_run_one(entry, detectors, key, scan_one, time_budget))
        if progress is not None:
            progress.advance(task)


def scan_files(
    entries: Iterable[Any],
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

    `entries` may be a stream (discovery still listing the tree): only as many are read up front as the
    choices below need (whether a pool pays, whether the full-regex gate is worth compiling); the rest go
    to the workers as they arrive, so extraction overlaps discovery.

    `time_budget` is each entry's extraction deadline in seconds (None: none).

    jobs=None uses every core; jobs=1 stays in this process. `scan_one` must be a module-level function so
    that workers started by spawn can receive it.
    """
    stream = iter(entries)
    seen: list[Any] = []  # every entry read from the stream, in order
    counted = [0]  # their bytes

    def read_until(files: int, size: int) -> bool:
        """Read entries until `files` of them or `size` bytes are in `seen`; False when the stream ended."""
        while len(seen) < files and counted[0] < size:
            entry = next(stream, None)
            if entry is None:
                return False
            seen.append(entry)
            counted[0] += entry.size
        return True

    def rest() -> Iterator[Any]:
        """`seen`, then the stream's remaining entries (recorded in `seen` as they are read)."""
        yield from list(seen)
        for entry in stream:
            seen.append(entry)
            yield entry

    def here(start: int) -> list[FileScan]:
        loaded = _load_detectors(detectors)
        remaining = itertools.islice(rest(), start, None)
        return list(_in_process(remaining, loaded, fingerprint_key, progress, scan_one, task, time_budget))

    workers = jobs if jobs is not None and jobs > 0 else (os.cpu_count() or 1)
    # Below MIN_PARALLEL_FILES files and MIN_PARALLEL_BYTES a pool costs more to start than it saves; a pool
    # never has more workers than files.
    more = read_until(max(MIN_PARALLEL_FILES, workers), MIN_PARALLEL_BYTES)
    small = not more and len(seen) < MIN_PARALLEL_FILES and counted[0] < MIN_PARALLEL_BYTES
    if not more:
        workers = min(workers, max(1, len(seen)))
    # The full-regex gate saves about a third of a millisecond of CPU per file once its database exists;
    # compiling it costs a second or two (then it is cached). Loaded here, before the pool starts, so forked
    # workers inherit it; compiled only for a scan big enough to repay that on its own (which takes reading
    # that much of the stream first, only when the database is not cached).
    if (
        detectors is not None
        and not small
        and not detectors.use_gate(compile_if_missing=False, partitions=probe_partitions())
    ):
        read_until(GATE_COMPILE_FILES, GATE_COMPILE_BYTES)
        big = len(seen) >= GATE_COMPILE_FILES or counted[0] >= GATE_COMPILE_BYTES
        detectors.use_gate(compile_if_missing=big, partitions=probe_partitions())
    if workers <= 1 or small:
        return here(0)
    # Imported here: a scan of a handful of files never starts a pool, and multiprocessing pulls in socket.
    import multiprocessing
    import pickle

    shippable, shipped = _shippable(detectors, multiprocessing.get_start_method(allow_none=False))
    if not shippable:
        return here(0)
    results: list[FileScan] = []
    try:
        with process_pool(workers, _init_worker, (shipped, fingerprint_key, scan_one, time_budget)) as pool:
            # The pool's task thread reads the stream (and so runs discovery) while the workers scan.
            work: Callable[[Sequence[Any]], list[Compact]] = _scan_batch_in_worker
            tasks: Iterable[Sequence[Any]] = stream_batches(rest())
            if scan_one is scan_entry:
                work, tasks = _scan_packed_in_worker, map(_pack, tasks)
            for done in pool.imap(work, tasks):
                results.extend(_expand_all(done))
                pool.keep_frozen()
                if progress is not None:
                    progress.advance(task, len(done))
    except (OSError, pickle.PicklingError, multiprocessing.ProcessError) as exc:
        # A pool that cannot start (no /dev/shm, sandboxed fork) still leaves a working scan: finish here.
        if progress is not None:
            progress.warn(f"parallel scan unavailable ({type(exc).__name__}); scanning in one process")
        results.extend(here(len(results)))
    return results
