"""CPU inside scan_github_app (and, for scale, scan_mcp_server) over a corpus, in one process."""
import sys, time, pathlib
from auditor.extract import text as T
from auditor.discovery.walk import FileEntry
from auditor.extract import scan_file
from auditor.extract.detectors import DetectorSet

spent = {}
def wrap(name):
    fn = getattr(T, name)
    def timed(ev):
        t = time.process_time(); fn(ev); spent[name] = spent.get(name, 0) + time.process_time() - t
        spent[name + " calls"] = spent.get(name + " calls", 0) + 1
    setattr(T, name, timed)
for n in ("scan_github_app", "scan_mcp_server", "scan_bolt_app"):
    wrap(n)
det = DetectorSet.load()
root = pathlib.Path(sys.argv[1])
t0 = time.process_time()
for p in sorted(root.rglob("*")):
    if p.is_file():
        scan_file(FileEntry(p, str(p.relative_to(root)), p.stat().st_size), det, fingerprint_key="k")
print(f"total {time.process_time()-t0:.2f} s CPU")
for k, v in sorted(spent.items()):
    print(k, f"{v*1000:.1f} ms" if "calls" not in k else v)
