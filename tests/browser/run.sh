#!/usr/bin/env bash
# The real-browser test: a notebook run in Debian's Chromium through the classic Jupyter Notebook,
# driven by npm's playwright-core (which downloads no browser of its own).
#
#   tests/browser/run.sh [NODE TEST ARGS...]     e.g. --test-name-pattern=chart
#
# Installs Debian's chromium and chromium-driver when /usr/bin/chromium is missing, runs `npm ci`
# when node_modules is missing or older than package-lock.json, then `node --test tests/browser/`.
# The kernelspec flink-java must be where the notebook server finds it: tests/run.sh installs it
# into a temporary Jupyter home and exports JUPYTER_PATH etc. before calling this.
# Writes tests/target/browser/notebook.png and notebook-server.log.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=install/jupyter-packages.sh
source "$root/install/jupyter-packages.sh"

export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM ]]; then
  if [[ $CHROMIUM != /usr/bin/chromium ]]; then
    echo "error: CHROMIUM=$CHROMIUM is not an executable" >&2
    exit 1
  fi
  echo "No Chromium at /usr/bin/chromium."
  start=$SECONDS
  debian_install chromium chromium-driver
  echo "Chromium installed in $((SECONDS - start)) s: $("$CHROMIUM" --version 2>/dev/null || true)"
fi

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: $tool is missing: install Node.js 20 or newer (Debian: nodejs npm)" >&2
    exit 1
  fi
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "error: node $(node --version) is too old: the test needs Node.js 20 or newer" >&2
  exit 1
fi

# npm writes .package-lock.json into node_modules on every install: older than the lockfile
# (or absent) means stale.
installed=$here/node_modules/.package-lock.json
if [[ ! -f $installed || $here/package-lock.json -nt $installed || $here/package.json -nt $installed ]]; then
  echo "npm ci in tests/browser"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ -z ${JUPYTER:-} && -x /usr/bin/jupyter ]]; then
  export JUPYTER=/usr/bin/jupyter  # Debian's; another jupyter first on PATH may lack the notebook
fi
mkdir -p "$root/tests/target/browser"
cd "$root"
exec node --test "$@" tests/browser/
