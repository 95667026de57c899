"""CPU of walking + scanning a .tar.gz of N config members vs the same files unpacked (one process).

    PYTHONPATH=. python bench/tarball_cost.py 1000 2000 4000     # corpora built under /tmp/tb-bench

Shows that a compressed tar costs linear time (the walk's listing pass plus one forward stream per
archive in extraction: discovery/tarballs.py), and what it costs beside the same files on disk. Best of
three runs, CPU time (user + sys) of this process. Not a test.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import tarfile
from pathlib import Path

ROOT = Path("/tmp/tb-bench")


def cpu() -> float:
    t = os.times()
    return t.user + t.system


def build(n: int) -> Path:
    """N small .env files, as a .tar.gz and unpacked (made once)."""
    folder = ROOT / f"n{n}"
    if folder.exists():
        return folder
    (folder / "tgz").mkdir(parents=True)
    (folder / "plain").mkdir()
    with tarfile.open(folder / "tgz" / "bundle.tar.gz", "w:gz") as archive:
        for i in range(n):
            options = "".join(
                f"OPTION_{j}={hashlib.sha1(f'{i}-{j}'.encode()).hexdigest()[:8]}\n" for j in range(20)
            )
            body = (
                f"# service {i}\nREGION=eu-{i % 7}\nLOG_LEVEL=info\n"
                f"ENDPOINT=https://svc{i}.internal.example/api\n{options}"
            ).encode()
            name = f"cfg/group{i // 100}/service{i}.env"
            info = tarfile.TarInfo(name)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
            path = folder / "plain" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(body)
    return folder


def main(sizes: list[int]) -> None:
    from auditor.discovery import archives
    from auditor.discovery.walk import walk
    from auditor.extract.detectors import DetectorSet
    from auditor.extract.filescan import probe_partitions, scan_file

    detectors = DetectorSet.load()
    detectors.use_gate(compile_if_missing=True, partitions=probe_partitions())
    detectors.prepare()
    for n in sizes:
        folder = build(n)
        for kind in ("plain", "tgz"):
            best: tuple[float, float, int] | None = None
            for _ in range(3):
                c0 = cpu()
                files, _ = walk([folder / kind])
                c1 = cpu()
                for entry in files:
                    scan_file(entry, detectors, fingerprint_key="k")
                archives.close_cached()
                c2 = cpu()
                run = (c1 - c0, c2 - c1, len(files))
                best = run if best is None or run[0] + run[1] < best[0] + best[1] else best
            assert best is not None
            walked, scanned, count = best
            print(
                f"n={n:5d} {kind:5s} files={count:5d} walk={walked:.3f}s scan={scanned:.3f}s"
                f" total={walked + scanned:.3f}s"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 2000, 4000])
