package dev.flinkjupyter.ml.evaluation;

import java.util.Arrays;

/**
 * Points of a curve over decreasing thresholds, such as ROC (false positive rate, true positive
 * rate) or precision-recall (recall, precision). Arrays are copies; the three have one length.
 *
 * @param xName what x is, for a chart's axis
 * @param yName what y is
 * @param thresholds the score threshold of each point: a row is predicted positive when its score
 *     is at least this (the first point, +infinity, predicts none positive)
 * @param x the x of each point
 * @param y the y of each point
 */
public record Curve(String xName, String yName, double[] thresholds, double[] x, double[] y) {
    /** A curve; the arrays must have one length. */
    public Curve {
        if (thresholds.length != x.length || x.length != y.length) {
            throw new IllegalArgumentException("a curve needs as many thresholds as x and y values");
        }
        thresholds = thresholds.clone();
        x = x.clone();
        y = y.clone();
    }

    /** How many points. */
    public int size() {
        return x.length;
    }

    /** The thresholds, a copy. */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The x values, a copy. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** The y values, a copy. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** The area under the curve by the trapezoidal rule. */
    public double area() {
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return area;
    }

    /** At most {@code max} points, evenly spaced among these, the first and last kept: for a chart. */
    public Curve thinned(int max) {
        if (x.length <= max || max < 2) {
            return this;
        }
        int[] keep = new int[max];
        for (int i = 0; i < max; i++) {
            keep[i] = (int) Math.round((double) i * (x.length - 1) / (max - 1));
        }
        return new Curve(xName, yName, pick(thresholds, keep), pick(x, keep), pick(y, keep));
    }

    private static double[] pick(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }

    @Override
    public String toString() {
        return "Curve[" + yName + " over " + xName + ", " + x.length + " points]";
    }
}
