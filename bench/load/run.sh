#!/usr/bin/env bash
# The %load benchmark: %load's code path vs the same Flink work written by hand, on one engine.
#
#   bench/load/run.sh [--build] [ROWS] [RUNS]      defaults: 1000000 rows, 7 runs
#
# Uses the kernel's jars (kernel/target/lib); builds them (mvn -B -q -DskipTests package) when missing
# or with --build. Prints the figures; writes nothing to the repository.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ ${1:-} == --build ]] || ! compgen -G "$root/kernel/target/lib/flink-jupyter-magics-*.jar" >/dev/null; then
  [[ ${1:-} == --build ]] && shift
  (cd "$root" && mvn -B -q -DskipTests package)
fi
# The engine's job progress lines (no notebook to show them in) are left out.
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Djava.awt.headless=true \
  -cp "$root/kernel/target/lib/*" "$root/bench/load/LoadBenchmark.java" "$@" \
  | grep --line-buffered -v "^Job '"
