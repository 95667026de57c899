"""Finer wall/CPU timeline of one scan (stage marks); prints head (start->pool) and tail (last batch->end) CPU."""
import os, sys, time, functools
T0 = time.perf_counter()
marks = []
def mark(name):
    marks.append((name, time.perf_counter() - T0, time.process_time()))
mark('start')
import gc
gcs = []
_gct = {}
def _gccb(phase, info):
    if phase == 'start': _gct['t'] = time.perf_counter()
    else: gcs.append((time.perf_counter() - T0, info['generation'], time.perf_counter() - _gct['t'], info['collected']))
gc.callbacks.append(_gccb)
import auditor.cli as cli
if os.environ.get('TL_ONESHOT'):
    from auditor.lifetime import declare_one_shot; declare_one_shot()
mark('cli imported')
import auditor.scan as scan
import auditor.extract.pool as pool
import auditor.engine.evaluate as ev
import auditor.inventory as inv
import auditor.suppress as sup
import auditor.report as rep
def wrap(mod, name, label):
    f = getattr(mod, name)
    @functools.wraps(f)
    def g(*a, **k):
        mark(label + ' in')
        try:
            return f(*a, **k)
        finally:
            mark(label + ' out')
    setattr(mod, name, g)
wrap(pool, 'process_pool', 'pool start')
import multiprocessing.pool as mpp
_imap = mpp.Pool.imap
def imap(self, *a, **k):
    it = _imap(self, *a, **k)
    first = True
    for x in it:
        if first:
            mark('first batch back'); first = False
        yield x
    mark('last batch back')
mpp.Pool.imap = imap
wrap(ev, 'evaluate', 'evaluate')
import auditor.extract as ex
wrap(ex, 'scan_files', 'scan_files')
wrap(scan, 'scan_tree', 'scan_tree')
wrap(inv, 'build_inventory', 'inventory')
for n in ('resolve', 'compute_gaps', 'anchor_findings', 'link_declared', 'unjoined'):
    wrap(scan, n, n)
wrap(sup, 'apply', 'suppress')
wrap(rep, 'render', 'render')
try:
    rc = cli.main(sys.argv[1:])
except SystemExit as e:
    rc = e.code
mark('end')
prev = 0; pc = 0
d = {n: (t, c) for n, t, c in marks}
if os.environ.get('TL_QUIET') is None:
    for n, t, c in marks:
        print(f'{t:7.3f} s (+{t-prev:6.3f})  cpu {c:6.3f} (+{c-pc:6.3f})  {n}', file=sys.stderr)
        prev, pc = t, c
lb0 = d['last batch back'][0]
tail_gc = [g for g in gcs if g[0] >= lb0]
head_gc = [g for g in gcs if g[0] <= d['pool start in'][0]]
print('GC head: %d collections %.4f s (gen2 %d) | tail: %d collections %.4f s (gens %s)' % (len(head_gc), sum(g[2] for g in head_gc), sum(1 for g in head_gc if g[1]==2), len(tail_gc), sum(g[2] for g in tail_gc), [ (round(g[0],3), g[1], round(g[2],4)) for g in tail_gc if g[2] > 0.001]), file=sys.stderr)
ps = d['pool start in']; lb = d['last batch back']; e = d['end']
print('END_EPOCH %.6f' % time.time(), file=sys.stderr)
print(f"HEAD wall {ps[0]:.3f} cpu {ps[1]:.3f} | TAIL wall {e[0]-lb[0]:.3f} cpu {e[1]-lb[1]:.3f} | pool {lb[0]-ps[0]:.3f} | total {e[0]:.3f}", file=sys.stderr)
