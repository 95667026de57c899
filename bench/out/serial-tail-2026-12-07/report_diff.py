"""Compare two botaudit reports (JSON or SARIF) byte for byte after blanking timestamps and durations."""
import json, re, sys
TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?$")
KEYS = {"started", "finished", "startTimeUtc", "endTimeUtc", "duration_seconds", "timestamp", "collected_at"}
def norm(x, key=None):
    if isinstance(x, dict):
        return {k: ("<T>" if k in KEYS else norm(v, k)) for k, v in x.items()}
    if isinstance(x, list):
        return [norm(v) for v in x]
    return x
a, b = (json.dumps(norm(json.load(open(p))), indent=1, sort_keys=False) for p in sys.argv[1:3])
if a == b:
    print("IDENTICAL (normalised)", sys.argv[1], sys.argv[2]); sys.exit(0)
import difflib
sys.stdout.writelines(list(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "a", "b", n=1))[:60])
sys.exit(1)
