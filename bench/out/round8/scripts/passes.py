"""Per-batch CPU of pass 1 and pass 2 of the worker's batch function, in one process."""
import os, sys, time
checkout, corpus = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else ""
sys.path.insert(0, checkout)
from pathlib import Path
import gc, threading
GC = {0: [0, 0.0], 1: [0, 0.0], 2: [0, 0.0]}
_st = [0.0]
def _cb(phase, info):
    if phase == "start": _st[0] = time.process_time()
    else:
        g = GC[info["generation"]]; g[0] += 1; g[1] += time.process_time() - _st[0]
gc.callbacks.append(_cb)
from auditor.discovery.walk import ShippedEntry, iter_walk
from auditor.extract import pool
from auditor.extract.budget import DEFAULT_FILE_BUDGET
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import probe_partitions
detectors = DetectorSet.load()
detectors.use_gate(compile_if_missing=True, partitions=probe_partitions())
pool._init_worker(detectors, "bench-key", pool.scan_entry, DEFAULT_FILE_BUDGET)
entries = [ShippedEntry.of(e) for e in iter_walk([Path(corpus).resolve()], [])]
batches = list(pool.stream_batches(entries))
if mode == "half":
    batches = batches[::2]
prof = None
if mode == "prof":
    import cProfile
    prof = cProfile.Profile(time.process_time)
for p in (1, 2):
    if prof and p == 1: prof.enable()
    per = []
    r0 = os.times()
    for b in batches:
        c0 = time.process_time()
        pool._scan_batch_in_worker(b)
        per.append(time.process_time() - c0)
    if prof and p == 1:
        prof.disable(); prof.dump_stats("/tmp/poolcpu/pass1.prof"); prof = cProfile.Profile(time.process_time); prof.enable()
    if prof and p == 2:
        prof.disable(); prof.dump_stats("/tmp/poolcpu/pass2.prof")
    r1 = os.times(); print(f"user {r1.user-r0.user:.2f} sys {r1.system-r0.system:.2f}", file=sys.stderr)
    print("gc " + " ".join(f"g{k}:{v[0]}/{v[1]:.3f}" for k, v in GC.items()), file=sys.stderr)
    for v in GC.values(): v[0] = 0; v[1] = 0.0
    n = len(per)
    q = [sum(per[i*n//8:(i+1)*n//8]) for i in range(8)]
    print(f"pass {p}: {sum(per):.2f} s; by eighths: " + " ".join(f"{x:.2f}" for x in q), file=sys.stderr)
