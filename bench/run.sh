#!/usr/bin/env bash
# The whole benchmark in one command: the kernel (flink-java) and ipykernel through jupyter_client, and the
# plain Flink baseline; prints one table, writes bench/results.md and bench/out/*.json.
#
#   bench/run.sh [--build] [kernel_bench.py options...]     e.g.  bench/run.sh --starts 5 flink-java python3
#
# Builds the kernel (mvn -B -q -DskipTests package at the root) when kernel/target has no build, or always
# with --build. See bench/README.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

build=0
if [[ ${1:-} == --build ]]; then
  build=1
  shift
fi
if ! compgen -G "$root/kernel/target/flink-jupyter-kernel-*.jar" >/dev/null \
   || ! compgen -G "$root/kernel/target/lib/*.jar" >/dev/null; then
  build=1
fi
if (( build )); then
  echo "run.sh: building the kernel (mvn -B -q -DskipTests package) ..." >&2
  (cd "$root" && mvn -B -q -DskipTests package)
fi

# /usr/bin/python3: the python3 first on PATH may be another interpreter without Jupyter.
exec /usr/bin/python3 "$root/bench/kernel_bench.py" "$@"
