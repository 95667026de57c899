"""Widen every detector and compile the gate database without the cache; CPU seconds."""
import sys, time
import hyperscan
from auditor.extract.detectors import DetectorSet
from auditor.extract import regexgate as g
from auditor.extract.filescan import probe_partitions
dets = DetectorSet.load()
t0 = time.process_time()
w = g._widened(dets.detectors)
t1 = time.process_time()
exprs, flags, ids = g._build(dets.detectors, w, ())
db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
try:
    db.compile(expressions=exprs, ids=ids, elements=len(exprs), flags=flags)
    ok = True
except hyperscan.error as e:
    ok = repr(e)
t2 = time.process_time()
print(f"widened {len(w)}/{len(dets.detectors)} widen {t1-t0:.2f}s compile {t2-t1:.2f}s ok={ok} size={db.size() if ok is True else 0} total_len={sum(map(len, w.values()))}")
