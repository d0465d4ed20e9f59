package dev.flinkjupyter.ml.regression;

import java.io.Serializable;

/**
 * What one Newton pass sums over the rows at the current parameters: the weighted loss, its
 * gradient and Hessian, the weight of correctly classified rows (a free training metric), the
 * total weight and the row count. Sums, not means: {@link NewtonMethod} divides by the weight and
 * adds the penalty. Subtasks' sums merge by adding.
 */
public final class Curvature implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The number of parameters; 0 until sized. */
    public int size;
    /** The rows seen. */
    public long rows;
    /** The total row weight. */
    public double weight;
    /** The weighted loss summed over the rows. */
    public double loss;
    /** The weight of the rows predicted right. */
    public double correct;
    /** The gradient of {@link #loss}. */
    public double[] gradient;
    /** The Hessian of {@link #loss} (or a generalised one), {@code size x size}, row-major. */
    public double[] hessian;

    /** Empty sums, sized on first use. */
    public Curvature() {
    }

    /** Sizes the arrays for {@code n} parameters, if not yet sized. */
    public Curvature sized(int n) {
        if (size == 0) {
            size = n;
            gradient = new double[n];
            hessian = new double[n * n];
        } else if (size != n) {
            throw new IllegalStateException("a pass of " + size + " parameters got a block of " + n);
        }
        return this;
    }

    /** Adds {@code other} into this; either may be empty (unsized). */
    public Curvature merge(Curvature other) {
        if (other.size == 0 && other.rows == 0) {
            return this;
        }
        if (size == 0 && rows == 0) {
            return other;
        }
        rows += other.rows;
        weight += other.weight;
        loss += other.loss;
        correct += other.correct;
        if (other.size > 0) {
            sized(other.size);
            for (int i = 0; i < size; i++) {
                gradient[i] += other.gradient[i];
            }
            for (int i = 0; i < hessian.length; i++) {
                hessian[i] += other.hessian[i];
            }
        }
        return this;
    }
}
