"""A small tree of files written for a test: what a scan of a real repository's shapes reads."""

from __future__ import annotations

import textwrap
from pathlib import Path

from auditor import ScanOptions, run
from auditor.model import ScanResult


def write_tree(root: Path, files: dict[str, str]) -> None:
    """Write each relative path's text under `root` (dedented, folders created)."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def scan_tree(root: Path, files: dict[str, str]) -> ScanResult:
    """write_tree, then botaudit's scan of `root` with default options."""
    write_tree(root, files)
    return run(ScanOptions(paths=(root,)))
