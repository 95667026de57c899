"""What the scan_values tests share: the gated detector set, hits as plain tuples, a counter of the shared
keyword pass (DetectorSet._shared_hits)."""

from __future__ import annotations

import pytest

from auditor.extract.detectors import DetectorSet, Hit, hyperscan_available


def gated_detectors() -> DetectorSet:
    """The shipped detectors behind their Vectorscan gate (the shared pass runs only over Vectorscan; this
    project installs it wherever it runs its tests)."""
    assert hyperscan_available()
    loaded = DetectorSet.load()
    assert loaded.use_gate()
    return loaded


def plain(found: list[list[Hit]]) -> list[list[tuple[object, ...]]]:
    return [
        [(h.detector.id, h.value, h.start, h.end, h.confidence, h.key, h.reason) for h in hits]
        for hits in found
    ]


class Counting:
    """Counts the calls of DetectorSet._shared_hits, so that a test knows the shared path was taken."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        original = DetectorSet._shared_hits

        def counted(self_: DetectorSet, *args: object) -> list[list[Hit]]:
            self.calls += 1
            return original(self_, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(DetectorSet, "_shared_hits", counted)
