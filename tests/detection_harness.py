"""Recall / false-positive harness over tests/data/detection/*.yaml (botaudit's own fake cases).

Each family file holds `positives` (a file name, its text and the credential kind that must be found; kind
null means any credential) and `negatives` (files in which nothing but public identifiers may be found).
Cases run through the real per-file extraction (`scan_file`): structure, decoding, placeholders and fixture
markers all take part. `python -m tests.detection_harness` prints the table recorded in bench/README.md.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from auditor.discovery.walk import FileEntry
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import scan_file
from auditor.model import FileScan, SecretMatch

DATA = Path(__file__).resolve().parent / "data" / "detection"


@dataclass
class FamilyScore:
    family: str
    positives: int = 0
    found: int = 0
    negatives: int = 0
    flagged: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)


def load_families() -> dict[str, dict[str, Any]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.yaml"))}


def _scan(root: Path, rel: str, text: str, detectors: DetectorSet) -> FileScan:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return scan_file(FileEntry(path, rel, path.stat().st_size), detectors, fingerprint_key="harness")


def is_false_positive(match: SecretMatch) -> bool:
    """A secret reported where none is: public identifiers and documented examples are not counted."""
    return match.identifier is None and not match.is_example


def evaluate(detectors: DetectorSet) -> list[FamilyScore]:
    scores = []
    for family, cases in load_families().items():
        score = FamilyScore(family)
        for index, case in enumerate(cases.get("positives") or []):
            with tempfile.TemporaryDirectory() as tmp:
                scan = _scan(Path(tmp), case["file"], case["text"], detectors)
            score.positives += 1
            kinds = {s.kind for s in scan.secrets}
            if (case["kind"] in kinds) if case["kind"] else bool(kinds):
                score.found += 1
            else:
                want = f"want {case['kind']}, got {sorted(kinds)}"
                score.misses.append(f"{family}[{index}] {case['file']}: {want}")
        for index, case in enumerate(cases.get("negatives") or []):
            with tempfile.TemporaryDirectory() as tmp:
                scan = _scan(Path(tmp), case["file"], case["text"], detectors)
            score.negatives += 1
            bad = [s for s in scan.secrets if is_false_positive(s)]
            if bad:
                score.flagged += 1
                score.false_positives += [
                    f"{family}[{index}] {case['file']}:{s.location.line} {s.detector_id}" for s in bad
                ]
        scores.append(score)
    return scores


def main() -> None:
    scores = evaluate(DetectorSet.load())
    print("| family | positives | found | recall | negative files | flagged | FP rate |")
    print("|---|---|---|---|---|---|---|")
    for s in scores:
        recall = f"{s.found / s.positives:.0%}" if s.positives else "-"
        fp = f"{s.flagged / s.negatives:.0%}" if s.negatives else "-"
        print(f"| {s.family} | {s.positives} | {s.found} | {recall} | {s.negatives} | {s.flagged} | {fp} |")
    for s in scores:
        for line in s.misses + s.false_positives:
            print("  " + line)


if __name__ == "__main__":
    main()
