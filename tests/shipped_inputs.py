"""The repository's own inputs (test data, the demo estate, the adversarial files), for tests that hold two
engine paths equal on everything botaudit ships with."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


ROOTS = (REPO / "tests" / "data", REPO / "sample_configs", REPO / "tests" / "adversarial")


def shipped_inputs() -> list[Path]:
    files = []
    for root in ROOTS:
        if root.is_dir():
            files += [p for p in sorted(root.rglob("*")) if p.is_file() and p.stat().st_size < 2_000_000]
    return files
