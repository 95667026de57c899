"""The benches run tools from the corpus folder: a relative PYTHONPATH must not silently change which
botaudit checkout they measure (bench/bench_static.py absolute_pythonpath)."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
ROOT = BENCH.parent


def test_a_relative_pythonpath_is_made_absolute_and_the_checkout_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        bench_static = importlib.import_module("bench_static")
    finally:
        sys.path.remove(str(BENCH))
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([".", str(tmp_path)]))
    checkout = bench_static.absolute_pythonpath()
    assert os.environ["PYTHONPATH"].split(os.pathsep) == [str(ROOT), str(tmp_path)]
    # Imported from a filesystem root as the tools are (cwd elsewhere): this checkout, through the entry.
    assert checkout == str(ROOT)
