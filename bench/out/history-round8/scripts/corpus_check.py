"""Every FileScan (scan_bytes) and quiet verdict (scan_secrets_if_any) of a corpus of (path, bytes), as one
digest line per file: run under two trees and diff. argv: list-file out-file mode(gate|plain)"""
import hashlib, os, pickle, sys
from auditor.extract.detectors import DetectorSet
from auditor.extract.filescan import probe_partitions, scan_bytes, scan_secrets_if_any
listfile, out, mode = sys.argv[1:4]
dets = DetectorSet.load()
if mode == "gate":
    assert dets.use_gate(partitions=probe_partitions())
stats = {"nonascii": 0, "judged_nonascii": 0}
with open(out, "w") as fh:
    for line in open(listfile):
        src, rel = line.rstrip("\n").split("\t")
        data = open(src, "rb").read()
        full = scan_bytes(rel, data, dets, fingerprint_key="corpus-check")
        quiet = scan_secrets_if_any(rel, data, dets, fingerprint_key="corpus-check")
        if not data.isascii():
            stats["nonascii"] += 1
            if mode == "gate" and dets.may_match(data) is not None:
                stats["judged_nonascii"] += 1
        digest = hashlib.sha256(repr(full).encode() + b"|" + repr(quiet).encode()).hexdigest()[:16]
        fh.write(f"{rel}\t{os.path.basename(src)}\t{len(full.secrets)}\t{len(full.skipped)}\t{digest}\n")
print(stats)
