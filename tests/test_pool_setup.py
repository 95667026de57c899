"""The detector set's one-time set-up happens before the first file's time budget starts."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from auditor.discovery.walk import FileEntry, walk
from auditor.extract.detectors import DetectorSet
from auditor.extract.pool import scan_entry, scan_files
from auditor.model import FileScan


def test_prefilter_is_built_before_the_first_file_is_scanned(tmp_path: Path) -> None:
    (tmp_path / "a.env").write_text("NOTHING=here\n")
    (tmp_path / "b.env").write_text("ALSO=nothing\n")
    entries, _skipped = walk([tmp_path])
    detectors = DetectorSet.load()
    assert detectors._engine is None  # built lazily: a set nobody scans with costs nothing
    seen: list[bool] = []

    def scan_one(entry: FileEntry, dets: DetectorSet, key: str) -> FileScan:
        # What the first file would otherwise build inside its own budget is already there.
        seen.append(dets._engine is not None)
        return scan_entry(entry, dets, key)

    results = scan_files(entries, detectors, fingerprint_key="k" * 32, jobs=1, scan_one=scan_one)
    assert len(results) == 2 and seen == [True, True]


class _Unit(NamedTuple):
    """A unit of work for scan_files: anything with a size (each this large goes in a batch of its own)."""

    rel: str
    size: int


def _bare(unit: _Unit, _dets: DetectorSet, _key: str) -> tuple[str, str, int]:
    return (unit.rel, "text", 0)


def test_pool_worker_handler_does_not_wake_for_every_result(monkeypatch: pytest.MonkeyPatch) -> None:
    # multiprocessing's worker-handler thread also waited on the result queue, so it woke (and looped until
    # the result thread had read the result) for every batch a worker sent back: CPU the workers need.
    # It now wakes only when a worker exits or the pool changes state: a few times per pool, not per batch.
    import multiprocessing.pool

    wakes = [0]
    wait = multiprocessing.pool.Pool._wait_for_updates

    def counted(*args: object, **kwargs: object) -> None:
        wakes[0] += 1
        wait(*args, **kwargs)

    monkeypatch.setattr(multiprocessing.pool.Pool, "_wait_for_updates", staticmethod(counted))
    units = [_Unit(f"u{i:04d}", 8 * 1024 * 1024) for i in range(400)]
    results = scan_files(units, None, fingerprint_key="k" * 32, jobs=2, scan_one=_bare, time_budget=None)
    assert [r.path for r in results] == [u.rel for u in units]
    assert wakes[0] <= 10


def test_a_pool_that_cannot_start_leaves_a_complete_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing.pool

    def no_pool(self: multiprocessing.pool.Pool, *args: object, **kwargs: object) -> None:
        # As a real Pool that fails part-way: closed, so its __del__ has nothing to warn about.
        self._state = multiprocessing.pool.CLOSE  # type: ignore[attr-defined]
        raise OSError("no /dev/shm here")

    monkeypatch.setattr(multiprocessing.pool.Pool, "__init__", no_pool)
    units = [_Unit(f"u{i:04d}", 8 * 1024 * 1024) for i in range(80)]
    results = scan_files(units, None, fingerprint_key="k" * 32, jobs=2, scan_one=_bare, time_budget=None)
    assert [r.path for r in results] == [u.rel for u in units]


def _freeze_count(unit: _Unit, _dets: DetectorSet, _key: str) -> tuple[str, str, int]:
    import gc

    return (unit.rel, str(gc.get_freeze_count()), 0)


def test_workers_start_from_a_frozen_heap_and_the_parent_thaws_it() -> None:
    # The parent freezes what its collector tracks before the workers fork (their collections then skip the
    # inherited heap, and the parent's skip it while results arrive), and thaws it when the pool ends.
    import gc

    gc.collect()
    assert gc.get_freeze_count() == 0
    tracked = len(gc.get_objects())
    units = [_Unit(f"u{i:04d}", 8 * 1024 * 1024) for i in range(80)]
    results = scan_files(
        units, None, fingerprint_key="k" * 32, jobs=2, scan_one=_freeze_count, time_budget=None
    )
    assert [r.path for r in results] == [u.rel for u in units]
    assert all(int(r.format) >= tracked // 2 for r in results)  # each worker saw the parent's heap frozen
    assert gc.get_freeze_count() == 0


def test_results_are_frozen_as_they_arrive_while_the_pool_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each full collection during the pool walked every result received so far (quadratic in a large
    # scan): the parent freezes each batch's FileScans as it receives them, and thaws all when it ends.
    import gc

    from auditor.extract import pool as pool_module
    from auditor.extract.filescan import as_filescan
    from auditor.progress import NullProgress

    made: list[FileScan] = []

    def expand(done: list[object]) -> list[FileScan]:
        made.extend(as_filescan(item) for item in done)  # type: ignore[arg-type]
        return made[len(made) - len(done) :]

    frozen_at_batch: list[bool] = []

    class Recorder(NullProgress):
        def advance(self, task: str, amount: int = 1) -> None:
            # gc.get_objects() lists what collections still walk: a frozen object is tracked but not there.
            walked = {id(o) for o in gc.get_objects()}
            frozen_at_batch.append(all(gc.is_tracked(s) and id(s) not in walked for s in made))

    monkeypatch.setattr(pool_module, "_expand_all", expand)
    gc.collect()
    units = [_Unit(f"u{i:04d}", 8 * 1024 * 1024) for i in range(12)]
    results = scan_files(
        units, None, fingerprint_key="k" * 32, jobs=2, scan_one=_bare, time_budget=None, progress=Recorder()
    )
    assert [r.path for r in results] == [u.rel for u in units] and len(made) == 12
    assert frozen_at_batch == [True] * 12
    assert gc.get_freeze_count() == 0  # thawed when the pool ended
    walked = {id(o) for o in gc.get_objects()}
    assert all(id(s) in walked for s in made)


def test_a_heap_frozen_by_the_caller_stays_frozen() -> None:
    import gc

    gc.freeze()
    try:
        before = gc.get_freeze_count()
        units = [_Unit(f"u{i:04d}", 8 * 1024 * 1024) for i in range(80)]
        scan_files(units, None, fingerprint_key="k" * 32, jobs=2, scan_one=_freeze_count, time_budget=None)
        # Still frozen (not thawed), and nothing added to it (frozen objects that died left it).
        assert 0 < gc.get_freeze_count() <= before
    finally:
        gc.unfreeze()


def test_a_pool_that_cannot_start_thaws_the_heap(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import multiprocessing.pool

    def no_pool(self: multiprocessing.pool.Pool, *args: object, **kwargs: object) -> None:
        self._state = multiprocessing.pool.CLOSE  # type: ignore[attr-defined]
        raise OSError("no /dev/shm here")

    monkeypatch.setattr(multiprocessing.pool.Pool, "__init__", no_pool)
    units = [_Unit(f"u{i:04d}", 8 * 1024 * 1024) for i in range(80)]
    scan_files(units, None, fingerprint_key="k" * 32, jobs=2, scan_one=_bare, time_budget=None)
    assert gc.get_freeze_count() == 0


def test_a_one_shot_process_keeps_its_heap_and_the_results_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command line's process ends with its scan: thawing would only hand the next collection the whole
    # heap to walk, so what the pool froze stays frozen, and the results that arrived join it.
    import gc

    from auditor import lifetime

    monkeypatch.setattr(lifetime, "_one_shot", True)
    gc.collect()
    try:
        units = [_Unit(f"u{i:04d}", 8 * 1024 * 1024) for i in range(80)]
        frozen_at_start = gc.get_freeze_count()
        results = scan_files(units, None, fingerprint_key="k" * 32, jobs=2, scan_one=_bare, time_budget=None)
        assert [r.path for r in results] == [u.rel for u in units]
        assert gc.get_freeze_count() >= frozen_at_start + len(results)
    finally:
        gc.unfreeze()
