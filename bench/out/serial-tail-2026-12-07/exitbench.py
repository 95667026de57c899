import os, subprocess, sys, time
n = int(sys.argv[1]); corpus = sys.argv[2]
out = {}
for i in range(n):
    for label, pp, cache in (('base', '/work/wt/base', '/tmp/poolcpu/cache-tail-base'), ('tail', '/work/wt/tail', '/tmp/poolcpu/cache-tail')):
        env = dict(os.environ, PYTHONPATH=pp, BOTAUDIT_CACHE_DIR=cache); env.pop('PYTHONDONTWRITEBYTECODE', None)
        p = subprocess.run([sys.executable, '/tmp/tailwork/exitprobe2.py', 'scan', corpus, '--format', 'json', '-o', '/tmp/tailwork/eb.json'], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        t = time.time()
        e = float([l for l in p.stderr.splitlines() if l.startswith('END_EPOCH')][0].split()[1])
        out.setdefault(label, []).append(t - e)
for k, v in out.items():
    print(k, 'report written -> process gone: best %.3f median %.3f' % (min(v), sorted(v)[len(v)//2]), ' '.join('%.3f' % x for x in v))
