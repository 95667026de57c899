"""Total CLI wall (spawn -> exit), alternating variants. Usage: wallbench.py N corpus label=ENV:VAL:PYTHONPATH:script ..."""
import os, subprocess, sys, time, json
n = int(sys.argv[1]); corpus = sys.argv[2]; variants = sys.argv[3:]
res = {v: [] for v in variants}
for i in range(n):
    for v in variants:
        label, env_kv, pp, script, cache = v.split('|')
        env = dict(os.environ, PYTHONPATH=pp, BOTAUDIT_CACHE_DIR=cache)
        env.pop('PYTHONDONTWRITEBYTECODE', None)
        if env_kv:
            k, val = env_kv.split('=', 1); env[k] = val
        cmd = [sys.executable] + (script.split() if script else ['-m', 'auditor.cli']) + ['scan', corpus, '--format', 'json', '-o', f'/tmp/tailwork/wb-{label}.json']
        load = os.getloadavg()[0]
        t = time.perf_counter(); r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); w = time.perf_counter() - t
        res[v].append((w, load))
for v, xs in res.items():
    ws = sorted(x[0] for x in xs)
    print('%-10s best %.3f median %.3f  all %s  load %s' % (v.split('|')[0], ws[0], ws[len(ws)//2], ' '.join('%.3f' % x[0] for x in xs), ' '.join('%.1f' % x[1] for x in xs)))
