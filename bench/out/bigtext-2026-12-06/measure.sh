#!/bin/bash
# Interleaved before (main checkout) / after (this branch) CPU measurements, in process.
cd /work/wt/bigtext
. /work/main/.venv/bin/activate
unset PYTHONDONTWRITEBYTECODE
SK=/tmp/sk-export/repo-microsoft+semantic-kernel-b39d95a34435
for round in 1 2; do
  for c in /tmp/bigtext/nb /tmp/bigtext/vocab /tmp/bigtext/skvocab $SK; do
    rep=7; [ "$c" = "$SK" ] && rep=3
    for who in main branch; do
      if [ $who = main ]; then out=$(python bench/inprocess_static.py --checkout /work/main --corpus $c --repeat $rep 2>&1 | tail -2 | tr '\n' ' ');
      else out=$(PYTHONPATH=. python bench/inprocess_static.py --corpus $c --repeat $rep 2>&1 | tail -2 | tr '\n' ' '); fi
      echo "round $round $(basename $c) $who: $out | $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)"
    done
  done
done
