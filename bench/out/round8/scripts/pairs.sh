#!/bin/bash
# usage: pairs.sh N CORPUS OUTLOG  -- interleaved base/new CLI runs, CPU per process
unset PYTHONDONTWRITEBYTECODE
N=$1; CORPUS=$2; LOG=$3
for co in base new; do
  dir=/tmp/poolcpu/base; [ $co = new ] && dir=/work/wt/poolcpu
  BOTAUDIT_CACHE_DIR=/tmp/poolcpu/cache-$co /work/main/.venv/bin/python /tmp/poolcpu/tools/clitime.py $dir $CORPUS /tmp/poolcpu/r-$co.json >/dev/null 2>&1
done
for i in $(seq $N); do
  for co in base new; do
    dir=/tmp/poolcpu/base; [ $co = new ] && dir=/work/wt/poolcpu
    line=$(BOTAUDIT_CACHE_DIR=/tmp/poolcpu/cache-$co /usr/bin/time -f "TOTAL %e %U %S" /work/main/.venv/bin/python /tmp/poolcpu/tools/clitime.py $dir $CORPUS /tmp/poolcpu/r-$co.json 2>&1 | grep -o 'TOTAL.*\|parent [0-9.]*\|children [0-9.]*\|main [0-9.]* (.*)\|_handle_tasks [0-9.]*\|_handle_results [0-9.]*' | tr '\n' ' ')
    echo "$co load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a $LOG
  done
done
