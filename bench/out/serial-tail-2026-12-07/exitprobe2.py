"""The real entry (main() without argv, as the console script), END printed by a patched _emit -> exit."""
import sys, time, os
import auditor.cli as cli
e = cli._emit
def emit(*a, **k):
    r = e(*a, **k); print('END_EPOCH %.6f' % time.time(), file=sys.stderr); return r
cli._emit = emit
sys.argv = ['botaudit'] + sys.argv[1:]
sys.exit(cli.main())
