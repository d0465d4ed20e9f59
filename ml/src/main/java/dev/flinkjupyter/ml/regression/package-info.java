/**
 * Linear models trained in few passes over the data: {@link dev.flinkjupyter.ml.regression.LinearRegression}
 * (least squares with L2, solved from the normal equations of ONE pass), and the pieces the linear
 * classifiers share: {@link dev.flinkjupyter.ml.regression.Gram} (weighted X<sup>T</sup>X of a block with
 * EJML), {@link dev.flinkjupyter.ml.regression.SymmetricSolve} (Cholesky, or a pseudo-inverse for a
 * singular system) and {@link dev.flinkjupyter.ml.regression.NewtonMethod} (Newton steps, one pass each).
 *
 * <p>The parameter vector of every model here is the coefficients followed by the intercept:
 * a row's features are extended with a constant 1 (the "augmented" row), so one matrix holds both.
 */
package dev.flinkjupyter.ml.regression;
