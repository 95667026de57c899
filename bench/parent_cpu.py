"""The CPU of a pooled `botaudit scan`'s parent process (not a test; issue 14, bench/README.md).

    python bench/parent_cpu.py cpu -- scan TREE --format json -o OUT       # parent and workers' CPU
    python bench/parent_cpu.py capture TREE BATCHES.pkl                     # a real run's result batches
    python bench/parent_cpu.py sim BATCHES.pkl -- scan TREE --format json -o OUT

`cpu` runs the command in this process: the parent's CPU (RUSAGE_SELF, every thread) and the workers'
(RUSAGE_CHILDREN, reaped when the pool ends). `sim` is the parent's own work without the pool, for a
deterministic count under `valgrind --tool=callgrind`: the CLI scan with `scan_files` replaced by the walk,
the task batches cut and pickled as the pool sends them, and the result batches `capture` saved (pickled as
the workers sent them) unpickled and expanded; everything after (evaluation, report) as in a real run. Run
with PYTHONPATH set to the checkout measured, and a private BOTAUDIT_CACHE_DIR per checkout.
"""

from __future__ import annotations

import contextlib
import pickle
import resource
import sys
from typing import Any


def _cli(argv: list[str]) -> None:
    import auditor.cli as cli

    with contextlib.suppress(SystemExit):
        cli.main(argv)


def cpu(argv: list[str]) -> None:
    _cli(argv)
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent, workers = own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime
    print(f"parent {parent:.3f} workers {workers:.3f} total {parent + workers:.3f}", file=sys.stderr)


def capture(tree: str, out: str) -> None:
    import multiprocessing.pool as mpp

    batches: list[bytes] = []
    imap = mpp.Pool.imap

    def recording(self: Any, *args: Any, **kwargs: Any) -> Any:
        for done in imap(self, *args, **kwargs):
            batches.append(pickle.dumps(done, 4))
            yield done

    mpp.Pool.imap = recording  # type: ignore[method-assign]
    _cli(["scan", tree, "--format", "json", "-o", out + ".json"])
    with open(out, "wb") as fh:
        pickle.dump(batches, fh)


def sim(batches_file: str, argv: list[str]) -> None:
    import auditor.extract as extract
    from auditor.extract import pool

    with open(batches_file, "rb") as fh:
        blobs: list[bytes] = pickle.load(fh)

    def scan_files(entries: Any, detectors: Any, **_kwargs: Any) -> list[Any]:
        pack = getattr(pool, "_pack", None)
        if pack is None:  # a checkout before _pack: named tuples
            shipped = map(pool._ship, entries)  # type: ignore[attr-defined]
            tasks = [pickle.dumps(b, 4) for b in pool.stream_batches(shipped)]
        else:
            tasks = [pickle.dumps(pack(b), 4) for b in pool.stream_batches(entries)]
        del tasks
        out: list[Any] = []
        expand_all = getattr(pool, "_expand_all", None)
        for blob in blobs:
            done = pickle.loads(blob)
            out.extend(expand_all(done) if expand_all is not None else map(pool._expand, done))
        return out

    extract.scan_files = scan_files  # type: ignore[assignment]
    _cli(argv)


def main() -> None:
    args = sys.argv[1:]
    rest = args[args.index("--") + 1 :] if "--" in args else []
    if args[:1] == ["cpu"]:
        cpu(rest)
    elif args[:1] == ["capture"] and len(args) == 3:
        capture(args[1], args[2])
    elif args[:1] == ["sim"] and len(args) >= 2:
        sim(args[1], rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
