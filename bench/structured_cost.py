"""CPU of the structured path (`filescan._scan_structured`) over a corpus, pass by pass, in one process.

    python bench/structured_cost.py --corpus DIR [--repeat 3] [--profile out.prof]

Runs the pool worker's batch function over the corpus as bench/inprocess_static.py does, with a timer around
every `_scan_structured` call: the first pass is what a new worker pays (its memos empty), later passes
show the same files with memos filled. `--profile` profiles the structured calls of the first pass only
(cProfile, CPU clock). Not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parent.parent)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", type=Path, help="cProfile of the first pass's structured calls")
    ap.add_argument("--phases", action="store_true", help="CPU per phase of the structured path, per pass")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.checkout.resolve()))

    from inprocess_static import worker_batches

    from auditor.extract import filescan, pool

    _entries, batches = worker_batches(args.corpus)

    inner = filescan._scan_structured
    spent = [0.0, 0]
    profiler = None

    def timed(ev: object, fmt: str) -> None:
        c0 = time.process_time()
        if profiler is not None:
            profiler.enable()
        try:
            inner(ev, fmt)  # type: ignore[arg-type]
        finally:
            if profiler is not None:
                profiler.disable()
            spent[0] += time.process_time() - c0
            spent[1] += 1

    filescan._scan_structured = timed  # type: ignore[assignment]
    phases: dict[str, float] = {}
    if args.phases:
        _time_phases(phases)
    if args.profile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)
    firsts: list[float] = []
    for n in range(max(1, args.repeat)):
        spent[:] = [0.0, 0]
        c0 = time.process_time()
        for b in batches:
            pool._scan_batch_in_worker(b)
        total = time.process_time() - c0
        if n == 0 and profiler is not None:
            profiler.dump_stats(str(args.profile))
            profiler = None
        firsts.append(spent[0])
        if phases:
            print("  " + ", ".join(f"{k} {v:.3f}" for k, v in phases.items()), file=sys.stderr)
            phases.clear()
        print(
            f"pass {n + 1}: structured {spent[0]:.3f} s CPU over {spent[1]} files; whole pass {total:.2f} s; "
            f"load {os.getloadavg()[0]:.1f}",
            file=sys.stderr,
        )
    if len(firsts) > 1:
        print(f"structured: first {firsts[0]:.3f} s, best later {min(firsts[1:]):.3f} s", file=sys.stderr)
    return 0


def _time_phases(phases: dict[str, float]) -> None:
    """Wrap the structured path's phases with CPU timers (inner phases are also counted in outer ones)."""
    from auditor.extract import evidence, filescan, manifests, structured, text

    def wrap(owner: object, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def timed(*a: object, **k: object) -> object:
            c0 = time.process_time()
            try:
                return inner(*a, **k)
            finally:
                phases[label] = phases.get(label, 0.0) + time.process_time() - c0

        setattr(owner, name, timed)

    wrap(filescan, "_load_docs", "load")
    wrap(structured, "scan_doc", "scan_doc")
    wrap(evidence.Evidence, "setting", "  setting")
    wrap(evidence.Evidence, "secret", "  secret")
    wrap(evidence, "fingerprint", "    fingerprint")
    wrap(manifests, "all_hints", "hints")
    wrap(text, "scan_lines", "scan_lines")


if __name__ == "__main__":
    raise SystemExit(main())
