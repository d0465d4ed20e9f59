/**
 * Feature transformers: splitting a table for training and testing, assembling columns into a
 * vector, scaling, indexing and encoding categories, filling missing values. Each is a
 * {@link dev.flinkjupyter.ml.Transformer} or an {@link dev.flinkjupyter.ml.Estimator} whose fitted
 * {@link dev.flinkjupyter.ml.Model} saves and loads, so that all of them work in a
 * {@link dev.flinkjupyter.ml.Pipeline}. Fitting runs Flink passes (or a Flink SQL query) that bring
 * back only small statistics; transforming is a query with the learned values in a function.
 *
 * <pre>{@code
 * Table[] split = new RandomSplitter().setFractions(0.8, 0.2).setSeed(7).transform(data);
 * PipelineModel model = new Pipeline(
 *         new StringIndexer().setInputCol("city").setOutputCol("cityIndex"),
 *         new VectorAssembler().setInputCols("age", "income", "cityIndex").setOutputCol("raw"),
 *         new StandardScaler().setInputCol("raw").setOutputCol("features"),
 *         new LogisticRegression()).fit(split[0]);
 * }</pre>
 */
package dev.flinkjupyter.ml.feature;
