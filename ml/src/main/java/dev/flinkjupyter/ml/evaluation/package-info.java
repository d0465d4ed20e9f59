/**
 * Evaluators: how good a model's predictions are, computed by Flink over a table of predictions.
 * Each evaluator runs one or two {@link dev.flinkjupyter.ml.DataPass passes} whose subtasks fold
 * their rows into a small aggregate (sums, a confusion matrix, a score histogram); the rows never
 * come back to this JVM. Results are small immutable objects whose metrics are readable by name
 * ({@link dev.flinkjupyter.ml.evaluation.Metrics#get(String)}) and which a notebook shows as a
 * table, with the confusion matrix or the ROC curve beside it.
 *
 * <pre>{@code
 * Table scored = model.transform(test)[0];
 * BinaryClassificationMetrics m = new BinaryClassificationEvaluator().evaluate(scored);
 * m.get("areaUnderROC");
 * }</pre>
 */
package dev.flinkjupyter.ml.evaluation;
