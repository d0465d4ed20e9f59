/**
 * Parameters shared by many stages, one interface each in the manner of Flink ML: implementing
 * {@code HasMaxIter<MyStage>} gives a stage the {@code maxIter} parameter with its default,
 * validation, and the fluent {@code setMaxIter} / {@code getMaxIter}.
 */
package dev.flinkjupyter.ml.param;
