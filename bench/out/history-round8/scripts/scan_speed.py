"""Gate probe speed and verdicts over a set of files: CPU seconds for Gate.probe over every file, 3 passes."""
import os, sys, time, glob
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import probe_partitions
paths = [l.strip() for l in open(sys.argv[1])]
datas = []
for p in paths:
    try:
        with open(p, "rb") as f:
            d = f.read()
    except OSError:
        continue
    if d and b"\x00" not in d[:8192]:
        datas.append(d)
dets = DetectorSet.load()
t = time.process_time()
assert dets.use_gate(partitions=probe_partitions())
print("gate load/compile", round(time.process_time() - t, 2))
gate = dets._active_gate()
asc = [d for d in datas if d.isascii()]
non = [d for d in datas if not d.isascii()]
for name, group in (("ascii", asc), ("non-ascii", non)):
    best = 1e9
    for _ in range(3):
        t = time.process_time()
        res = [gate.probe(d)[0] for d in group]
        best = min(best, time.process_time() - t)
    judged = sum(r is not None for r in res)
    quiet = sum(r == set() for r in res)
    opened = sum(len(r) for r in res if r)
    print(f"{name}: {len(group)} files {sum(map(len, group))/1e6:.1f} MB probe {best:.3f}s judged {judged} none-open {quiet} detectors-open {opened}")
