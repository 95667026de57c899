"""Issue 10 §8 and §10: UTF-32 files are read as UTF-32; a file swapped after discovery is never followed.

§8: a UTF-32 file with a byte-order mark was decoded as UTF-16 (its BOM starts with UTF-16's): the planted
token was missed and nothing said so. §10: between discovery and extraction, a file swapped for a FIFO
blocked a worker forever in open(); a file swapped for a symlink made the scan read an out-of-tree file
under the in-tree name. The swap happens at the seam the scan itself has: `walk()` then `scan_files()`.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from auditor.discovery.walk import FileEntry, walk
from auditor.extract import scan_files
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_file

TOKEN = "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"
KEY = "k" * 16


@pytest.fixture(scope="module")
def detectors() -> DetectorSet:
    return DetectorSet.load()


def _scan_one(path: Path, rel: str, detectors: DetectorSet):  # type: ignore[no-untyped-def]
    return scan_file(FileEntry(path, rel, path.stat().st_size), detectors, fingerprint_key=KEY)


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-be"])
def test_bom_files_are_decoded_with_their_own_encoding(
    tmp_path: Path, detectors: DetectorSet, encoding: str
) -> None:
    target = tmp_path / "agent.env"
    text = f"# bot settings\nGITHUB_TOKEN={TOKEN}\n"
    bom = {"utf-32-le": "\ufeff", "utf-32-be": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    target.write_bytes((bom + text).encode(encoding))
    scan = _scan_one(target, "agent.env", detectors)
    assert [s.kind for s in scan.secrets] == ["github_pat"], scan.skipped
    assert scan.secrets[0].location.line == 2
    assert not [s for s in scan.skipped if s.category == "binary"]


def test_undecodable_utf32_is_still_scanned_and_says_so(tmp_path: Path, detectors: DetectorSet) -> None:
    target = tmp_path / "agent.env"
    data = ("\ufeff" + f"GITHUB_TOKEN={TOKEN}\n").encode("utf-32-le") + b"\xff\xff\xff\xff"
    target.write_bytes(data)
    scan = _scan_one(target, "agent.env", detectors)
    assert [s.kind for s in scan.secrets] == ["github_pat"]
    assert [s.category for s in scan.skipped] == ["encoding"]


def _discovered(root: Path, name: str) -> FileEntry:
    entries, _ = walk([root])
    (entry,) = [e for e in entries if e.rel == name]
    return entry


def _scan_with_deadline(entries: list[FileEntry], detectors: DetectorSet, seconds: float = 20.0):  # type: ignore[no-untyped-def]
    # A blocked open() never returns: run the scan in a daemon thread and fail instead of hanging.
    out: list[object] = []
    worker = threading.Thread(
        target=lambda: out.append(scan_files(entries, detectors, fingerprint_key=KEY, jobs=1)), daemon=True
    )
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the scan blocked on a file swapped after discovery"
    return out[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_file_swapped_for_a_fifo_after_discovery_does_not_block(
    tmp_path: Path, detectors: DetectorSet
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "agent.env").write_text(f"GITHUB_TOKEN={TOKEN}\n", encoding="utf-8")
    entry = _discovered(root, "agent.env")
    (root / "agent.env").unlink()
    os.mkfifo(root / "agent.env")  # no writer will ever open it: a plain open() for reading blocks forever
    (scan,) = _scan_with_deadline([entry], detectors)
    assert not scan.secrets
    assert [s.category for s in scan.skipped] == ["changed"]
    assert "FIFO" in scan.skipped[0].reason and not scan.skipped[0].by_design


def test_file_swapped_for_a_symlink_out_of_the_tree_is_not_read(
    tmp_path: Path, detectors: DetectorSet
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    outside = tmp_path / "outside.env"
    outside.write_text(f"GITHUB_TOKEN={TOKEN}\n", encoding="utf-8")
    (root / "agent.env").write_text("LOG_LEVEL=info\n", encoding="utf-8")
    entry = _discovered(root, "agent.env")
    (root / "agent.env").unlink()
    (root / "agent.env").symlink_to(outside)
    (scan,) = _scan_with_deadline([entry], detectors)
    assert not scan.secrets  # the out-of-tree token is never attributed to agent.env
    assert [s.category for s in scan.skipped] == ["changed"]
    assert "symlink" in scan.skipped[0].reason


def test_file_replaced_by_another_file_after_discovery_is_reported(
    tmp_path: Path, detectors: DetectorSet
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "agent.env").write_text("LOG_LEVEL=info\n", encoding="utf-8")
    entry = _discovered(root, "agent.env")
    swap = root / "swap.tmp"
    swap.write_text(f"GITHUB_TOKEN={TOKEN}\n", encoding="utf-8")
    os.replace(swap, root / "agent.env")
    (scan,) = _scan_with_deadline([entry], detectors)
    assert [s.category for s in scan.skipped] == ["changed"]
    assert "different file" in scan.skipped[0].reason


def test_symlinked_file_inside_the_tree_is_still_scanned(tmp_path: Path, detectors: DetectorSet) -> None:
    # The guard must not break legitimate links: discovery resolves them and extraction opens the target.
    root = tmp_path / "repo"
    (root / "conf").mkdir(parents=True)
    (root / "conf" / "real.env").write_text(f"GITHUB_TOKEN={TOKEN}\n", encoding="utf-8")
    (root / "agent.env").symlink_to(root / "conf" / "real.env")
    entries, _ = walk([root])
    scans = _scan_with_deadline(entries, detectors)
    by_rel = {s.path: s for s in scans}
    assert [s.kind for s in by_rel["agent.env"].secrets] == ["github_pat"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_ignore_file_that_is_a_fifo_does_not_block_discovery(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "agent.env").write_text("LOG_LEVEL=info\n", encoding="utf-8")
    os.mkfifo(root / ".botauditignore")
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.append(walk([root])), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "discovery blocked on an ignore file that is a FIFO"
    files, skipped = out[0]  # type: ignore[misc]
    assert [f.rel for f in files] == ["agent.env"]
    assert any(s.source == ".botauditignore" and not s.by_design for s in skipped)
