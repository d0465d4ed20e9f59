/**
 * Machine learning on Flink: estimators that train where the data is, models, feature
 * transformers and evaluators, in the shape of Flink ML's API (which does not run on Flink 2.x).
 *
 * <h2>The API</h2>
 * An {@link dev.flinkjupyter.ml.Estimator} {@code fit}s tables into a {@link dev.flinkjupyter.ml.Model};
 * a model, like any {@link dev.flinkjupyter.ml.Transformer}, {@code transform}s tables into tables
 * (a query Flink computes, with the small learned values captured in a function over the rows).
 * A {@link dev.flinkjupyter.ml.Pipeline} chains stages. Every stage has typed
 * {@link dev.flinkjupyter.ml.Param}s (shared ones in {@code dev.flinkjupyter.ml.param}) with fluent
 * setters, settable by name from text ({@code setParam("maxIter", "20")}), and
 * {@code save(path)} / {@link dev.flinkjupyter.ml.Stage#load(String)} to a directory of JSON.
 * Feature vectors are {@code ARRAY<DOUBLE>} columns ({@link dev.flinkjupyter.ml.Vectors}).
 *
 * <h2>How training reads the data: passes</h2>
 * Flink 2.x has neither the DataSet API nor DataStream iterations, and the rows must not be
 * collected into this JVM. So an estimator is a driver, here, that runs <em>passes</em>: each pass
 * is one bounded Flink job over the input table, on the table's own environment (the notebook's
 * cluster, or a real one), in which each parallel subtask folds its rows into a small aggregate
 * (sufficient statistics, a gradient and Hessian, counts, a histogram). Only those aggregates come
 * back, one per subtask; they are merged in subtask order so that a run is repeatable, and the
 * driver updates the model and starts the next pass with the new model captured in the job
 * ({@link dev.flinkjupyter.ml.DataPass}).
 *
 * <p>A job costs about 0.1 s on a warm local cluster, so the methods are chosen for few passes:
 * linear regression solves the normal equations from X<sup>T</sup>X and X<sup>T</sup>y of one
 * pass; logistic regression and the linear SVM take Newton steps, a gradient and Hessian per
 * pass, converging in a handful. Linear algebra is EJML's.
 *
 * <p>{@link dev.flinkjupyter.ml.TrainingData} packs the rows into {@link dev.flinkjupyter.ml.FeatureBlock}s
 * of a few thousand rows (flat arrays), so that a pass does matrix work per block and Flink moves
 * and stores a few large arrays instead of many rows. For several passes it keeps the blocks in
 * the cluster with Flink's {@code DataStream.cache()}: the first job writes them as an intermediate
 * result, later jobs read that instead of re-reading and re-converting the source.
 */
package dev.flinkjupyter.ml;
