"""The detector set's one-time set-up happens before the first file's time budget starts."""

from __future__ import annotations

from pathlib import Path

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
