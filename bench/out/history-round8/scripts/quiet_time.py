"""CPU of filescan._quiet (the history quiet check) over a list of (file, rel), gate on; by ASCII/non-ASCII."""
import sys, time
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import probe_partitions, _quiet
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
items = [(rel, open(f, "rb").read()) for f, rel in rows]
dets = DetectorSet.load()
assert dets.use_gate(partitions=probe_partitions())
for rel, data in items[:200]:
    _quiet(rel, data, dets)
for rnd in range(2):
    tot = {"ascii": [0.0, 0, 0], "non-ascii": [0.0, 0, 0]}
    for rel, data in items:
        k = "ascii" if data.isascii() else "non-ascii"
        t = time.process_time()
        quiet, probe, hits = _quiet(rel, data, dets)
        tot[k][0] += time.process_time() - t
        tot[k][1] += 1
        tot[k][2] += quiet
    print({k: (round(v[0], 2), v[1], v[2]) for k, v in tot.items()})
