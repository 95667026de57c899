"""Run `botaudit scan CORPUS` in this process (checkout on sys.path), report parent vs children CPU."""
import os, sys, time, atexit
checkout, corpus, out = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, checkout)
w0 = time.perf_counter(); t0 = os.times()
def report():
    t = os.times()
    print(f"TIMES wall {time.perf_counter()-w0:.3f} parent {t.user+t.system-t0.user-t0.system:.3f} "
          f"g2 {G2} gc " + " ".join(f"g{k}:{v[0]}/{v[1]:.3f}" for k, v in GC.items()) + f" main {time.thread_time():.3f} (before {MARK.get('sf0',0):.3f} during {MARK.get('sf1',0)-MARK.get('sf0',0):.3f} after {time.thread_time()-MARK.get('sf1',0):.3f}) " + " ".join(f"{n.split('(')[-1].rstrip(')')} {c:.3f}" for n, c in THREADS) + f" children {t.children_user+t.children_system:.3f} (sys {t.children_system:.3f}) parent-sys {t.system-t0.system:.3f} checkout {checkout}", file=sys.stderr)
import threading, gc
G2 = []
GC = {0: [0, 0.0], 1: [0, 0.0], 2: [0, 0.0]}
_gcs = {}
def _cb(phase, info):
    if phase == "start": _gcs[threading.get_ident()] = time.thread_time()
    else:
        g = GC[info["generation"]]; g[0] += 1; d = time.thread_time() - _gcs.pop(threading.get_ident(), time.thread_time()); g[1] += d
        if info["generation"] == 2: G2.append((threading.current_thread().name[:12], "before" if 'sf0' not in MARK else "during" if 'sf1' not in MARK else "after", round(d, 3), info["collected"]))
gc.callbacks.append(_cb)
_orig_run = threading.Thread.run
THREADS = []
def _run(self):
    try:
        _orig_run(self)
    finally:
        THREADS.append((self.name, time.thread_time()))
threading.Thread.run = _run
import auditor.extract as _ex, auditor.extract.pool as _pl
MARK = {}
_sf = _ex.scan_files
def scan_files(*a, **k):
    MARK['sf0'] = time.thread_time()
    v = os.environ.get("GCV", "")
    if v == "freeze": gc.freeze()
    if v == "disable": gc.disable()
    if v == "all": gc.disable()
    if v == "keep": _pl._thaw_heap = lambda froze: None
    if v == "refreeze": _pl._thaw_heap = lambda froze: gc.freeze()
    if v == "fu": gc.freeze()
    if v == "ft": gc.freeze(); gc.set_threshold(20000, 10, 10)
    try: return _sf(*a, **k)
    finally:
        MARK['sf1'] = time.thread_time()
        if v == "disable": gc.enable()
        if v in ("fu", "ft"): gc.unfreeze(); gc.set_threshold(700, 10, 10)
_ex.scan_files = scan_files
from auditor.cli import main
try:
    from auditor.lifetime import declare_one_shot
    declare_one_shot()   # as the console script does (main() with no argv)
except ImportError:
    pass
try:
    rc = main(["scan", corpus, "--format", "json", "--output", out, "--fail-on", "none", "--no-progress", "--no-config-snapshots"])
finally:
    report()
