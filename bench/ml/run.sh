#!/usr/bin/env bash
# The ml benchmark (issue 5) in one command: builds the bench/ml module (profile -Pbench, outside the
# default build, so Smile stays out of the product), then runs MlBenchmark in one JVM on the kernel's engine:
# logistic regression's gradient pass and k-means (k=10) on 1M rows x 20 features on a local Flink
# cluster at parallelism 2, next to Smile and a plain Java loop on the same data. Prints the figures
# and writes them to bench/ml/results.md.
#
#   bench/ml/run.sh [rows] [parallelism] [parts]  defaults: 1000000 2 passes,fit,kmeans
#   bench/ml/run.sh 1000000 2 csv        only the figures read from the CSV file, kept in results-csv.md
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/ml/run.sh
#   BENCH_JAVA_OPTS="-Dbench.flink=taskmanager.network.blocking-shuffle.compression.enabled=false" bench/ml/run.sh 1000000 2 fit
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

echo "run.sh: building bench/ml and the modules it uses ..." >&2
mvn -B -ntp -q -Pbench -pl bench/ml -am -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime.classpath

classpath="bench/ml/target/classes:$(cat bench/ml/target/runtime.classpath)"
report=$(mktemp)
log=$(mktemp)
trap 'rm -f "$report" "$log"' EXIT
# The figures go to the report as they are measured (and to stderr); the engine's job progress
# lines and Flink's log to a log file, shown only when the run fails.
if ! "${JAVA:-java}" -Xmx6g -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-} -cp "$classpath" \
    dev.flinkjupyter.bench.ml.MlBenchmark "$report" "$@" >"$log" 2> >(grep -E '^(#|\||JVM|$)' >&2); then
  tail -50 "$log" >&2
  exit 1
fi
results=bench/ml/results.md
[[ ${3:-} == csv ]] && results=bench/ml/results-csv.md
cp "$report" "$results"
cat "$results"
