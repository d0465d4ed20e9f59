/**
 * What online estimators share: a {@link dev.flinkjupyter.ml.online.ModelVersion} per window of
 * records, with its prequential (test-then-train) metrics, and
 * {@link dev.flinkjupyter.ml.online.OnlineRun}, which runs a stream of versions as a Flink job,
 * keeps the latest, shows the metrics live in a notebook and cancels the job when closed.
 */
package dev.flinkjupyter.ml.online;
