"""Per-check CPU of evaluate() over a captured RuleContext (one scan, then repeats in this process)."""
import sys, time, pickle, functools, collections
import auditor.engine.evaluate as ev
from auditor.scan import ScanOptions, run
from pathlib import Path
cap = {}
f = ev.evaluate
def g(rules, ctx, **k):
    cap['rules'] = list(rules); cap['ctx'] = ctx
    return f(cap['rules'], ctx, **k)
ev.evaluate = g
import auditor.scan
run(ScanOptions(paths=(Path(sys.argv[1]),)))
from auditor.engine.predicates import PREDICATES
import auditor.engine.checks.config_checks as cc
rules, ctx = cap['rules'], cap['ctx']
N = int(sys.argv[2]) if len(sys.argv) > 2 else 5
per = collections.defaultdict(list); tot = []; idx = []
for _ in range(N):
    cc._LAST_INDEX.clear()
    for fn in (cc._plain, cc._last, cc._parent):
        fn.cache_clear()
    for name in dir(cc):
        o = getattr(cc, name)
        if hasattr(o, 'cache_clear'): o.cache_clear()
    t0 = time.process_time()
    cc._settings_index(ctx)
    idx.append(time.process_time() - t0)
    cc._LAST_INDEX.clear()
    t0 = time.process_time()
    for rule in sorted(rules, key=lambda r: r.id):
        if not rule.enabled: continue
        c = PREDICATES.get(rule.check)
        if c is None: continue
        t = time.process_time()
        list(c(rule, ctx))
        per[rule.id + ' ' + rule.check].append(time.process_time() - t)
    tot.append(time.process_time() - t0)
    t0 = time.process_time(); f(rules, ctx); tot[-1] = (tot[-1], time.process_time() - t0)
print('settings', sum(len(s.settings) for s in ctx.files), 'files', len(ctx.files))
print('index build best %.4f' % min(idx))
print('total (checks loop, evaluate warm-memo) best', min(t[0] for t in tot), min(t[1] for t in tot))
for k, v in sorted(per.items(), key=lambda kv: -min(kv[1]))[:20]:
    print('%.4f %s' % (min(v), k))
