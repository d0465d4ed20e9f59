#!/usr/bin/env bash
# Chart drawing speed through display's public API (a benchmark: prints a table, fails nothing).
#   bench/charts/run.sh [--build]
# Builds the kernel (mvn -B -q -DskipTests package) when kernel/target/lib is missing, or with --build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ ${1:-} == --build ]] || ! compgen -G "$root/kernel/target/lib/flink-jupyter-display-*.jar" >/dev/null; then
  (cd "$root" && mvn -B -q -DskipTests package)
fi
java=${JAVA:-java}
# the source launcher compiles and runs the one file; headless as in the kernel
exec "$java" -Djava.awt.headless=true -cp "$root/kernel/target/lib/*" "$root/bench/charts/ChartBench.java"
