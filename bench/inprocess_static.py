"""The static scan's extraction in one process, as a pool worker runs it: CPU time, a profile, every FileScan.

    python bench/inprocess_static.py --corpus bench/out/corpus/default                  # CPU of extraction
    python bench/inprocess_static.py --corpus DIR --checkout ../base --dump base.pickle  # another checkout
    python bench/inprocess_static.py --corpus DIR --dump after.pickle --compare base.pickle
    python bench/inprocess_static.py --corpus DIR --profile out.prof           # cProfile (CPU clock)
    python bench/inprocess_static.py --corpus DIR --groups                     # CPU by path taken

The workers of a real scan are separate processes, which a profiler of the CLI does not see: this runs the
worker's own batch function (`pool._scan_batch_in_worker`, with the pool initializer's set-up: the detector
set with its gate, the worker's alarm handlers) over the corpus's entries cut into the pool's batches, in
this process. `--dump` writes every FileScan (sorted by path) so that two versions can be compared file by
file (`--compare`); `--pickle` also times pickling each batch both ways, as the pool does. Not a test.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any


def worker_batches(corpus: Path) -> tuple[list[Any], list[Any]]:
    """The corpus's entries and the pool's batches of them, with this process set up as a pool worker is
    (the detector set with its gate and the probe's partitions, the worker's alarm handlers): what
    `pool._scan_batch_in_worker` is then run over. Import auditor only after the checkout is on sys.path."""
    from auditor.discovery.walk import ShippedEntry, iter_walk
    from auditor.extract import pool
    from auditor.extract.budget import DEFAULT_FILE_BUDGET
    from auditor.extract.detectors import DetectorSet
    from auditor.extract.filescan import probe_partitions

    detectors = DetectorSet.load()
    detectors.use_gate(compile_if_missing=True, partitions=probe_partitions())
    pool._init_worker(detectors, "bench-key", pool.scan_entry, DEFAULT_FILE_BUDGET)
    skipped: list[Any] = []
    entries = [ShippedEntry.of(e) for e in iter_walk([corpus.resolve()], skipped)]
    return entries, list(pool.stream_batches(entries))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parent.parent)
    ap.add_argument("--dump", type=Path, help="write every FileScan here (pickle, sorted by path)")
    ap.add_argument("--compare", type=Path, help="compare with an earlier --dump, file by file")
    ap.add_argument(
        "--ignore-fingerprints",
        action="store_true",
        help="--compare with every secret's fingerprint blanked (a change of fingerprint scheme)",
    )
    ap.add_argument("--profile", type=Path, help="cProfile (CPU clock) of the extraction, to this file")
    ap.add_argument("--pickle", action="store_true", help="also time pickling entries and results")
    ap.add_argument("--groups", action="store_true", help="CPU per file, by what the file yields")
    ap.add_argument("--top", type=int, default=0, help="with --groups: the N files that cost the most CPU")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="timed passes over the corpus: the first is reported apart (what a worker meets), then the "
        "fastest later one (its memos and fingerprints filled by the passes before: not a worker's figure)",
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.checkout.resolve()))

    import auditor
    from auditor.extract import pool
    from auditor.extract.filescan import as_filescan

    print(f"checkout {Path(auditor.__file__).parent.parent}", file=sys.stderr)
    entries, batches = worker_batches(args.corpus)
    print(f"{len(entries)} files, {len(batches)} batches", file=sys.stderr)
    for b in batches[:4]:  # warm: first-use caches, the page cache
        pool._scan_batch_in_worker(b)

    results: list = []
    first = best = None
    for _ in range(max(1, args.repeat)):
        results = []
        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
        c0, w0 = time.process_time(), time.perf_counter()
        for b in batches:
            results.extend(pool._scan_batch_in_worker(b))
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
        if first is None:
            first = cpu
        else:
            best = cpu if best is None else min(best, cpu)
        load = os.getloadavg()[0]
        print(f"extraction: {cpu:.2f} s CPU, {wall:.2f} s wall, load {load:.1f}", file=sys.stderr)
    # The first pass is what a pool worker does (its value-classifier memo and fingerprint cache start
    # empty); later passes reuse them and run faster than any worker: never compare them with the CLI.
    print(f"first pass CPU {first:.2f} s (a worker's figure)", file=sys.stderr)
    if best is not None:
        print(f"best later pass CPU {best:.2f} s (memos warm: not a worker's figure)", file=sys.stderr)

    if args.pickle:
        c0 = time.process_time()
        for b in batches:
            pickle.loads(pickle.dumps(b, pickle.HIGHEST_PROTOCOL))
        c1 = time.process_time()
        start = 0
        for b in batches:
            part = results[start : start + len(b)]
            start += len(b)
            [as_filescan(r) for r in pickle.loads(pickle.dumps(part, pickle.HIGHEST_PROTOCOL))]
        c2 = time.process_time()
        print(f"pickling: entries {c1 - c0:.3f} s, results {c2 - c1:.3f} s", file=sys.stderr)

    if args.groups:
        _groups(batches, pool, args.top)

    scans = sorted((as_filescan(r) for r in results), key=lambda s: s.path)
    if args.dump:
        args.dump.write_bytes(pickle.dumps(scans, pickle.HIGHEST_PROTOCOL))
    if args.compare:
        earlier = pickle.loads(args.compare.read_bytes())
        if len(earlier) != len(scans):
            print(f"DIFFERENT: {len(earlier)} files against {len(scans)}", file=sys.stderr)
            return 1
        if args.ignore_fingerprints:
            earlier, scans = _blank_fingerprints(earlier), _blank_fingerprints(scans)
        diffs = [(a.path, b.path) for a, b in zip(earlier, scans, strict=True) if a != b]
        print(f"compared {len(scans)} FileScans: {len(diffs)} differences", file=sys.stderr)
        for a, b in diffs[:10]:
            print(f"  {a} / {b}", file=sys.stderr)
        return 1 if diffs else 0
    return 0


def _blank_fingerprints(scans: list) -> list:
    """Each FileScan with its secrets' fingerprints blanked (and re-sorted: the sort key holds them)."""
    from dataclasses import replace

    def blank(secret: object) -> object:
        return replace(secret, fingerprint="", legacy_fingerprint=None)  # type: ignore[type-var]

    return [
        replace(s, secrets=tuple(sorted((blank(m) for m in s.secrets), key=lambda m: m.sort_key())))
        for s in scans
    ]


def _groups(batches: list, pool: object, top: int = 0) -> None:
    """CPU by what each file yields: bare (nothing in it), a FileScan with findings, other FileScans. A pass
    after the timed ones: memos are warm (the value classifier, fingerprints), so the groups' shares, not
    their sum, are what it tells."""
    from collections import defaultdict

    scan_batch = pool._scan_batch_in_worker  # type: ignore[attr-defined]
    cpu: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    costly: list[tuple[float, str, str]] = []
    for b in batches:
        for entry in b:
            c0 = time.process_time()
            (r,) = scan_batch([entry])
            c = time.process_time() - c0
            if isinstance(r, tuple):
                group = f"bare {r[1]}"
            elif r.secrets:
                group = "secrets"
            else:
                group = f"other {r.format}"
            cpu[group] += c
            count[group] += 1
            if top:
                costly.append((c, group, str(getattr(entry, "rel", None) or getattr(entry, "path", entry))))
    total = sum(cpu.values())
    print(f"by group (a later pass, memos warm): {total:.2f} s CPU", file=sys.stderr)
    for g in sorted(cpu, key=cpu.get, reverse=True):  # type: ignore[arg-type]
        print(
            f"  {g:24s} {count[g]:6d} files {cpu[g]:6.2f} s {100 * cpu[g] / total:5.1f}% "
            f"{1000 * cpu[g] / count[g]:7.3f} ms/file",
            file=sys.stderr,
        )
    if top:
        print(f"the {top} files that cost the most (same pass):", file=sys.stderr)
        for c, group, name in sorted(costly, reverse=True)[:top]:
            print(f"  {1000 * c:8.1f} ms  {group:14s} {name}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
