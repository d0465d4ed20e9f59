package dev.flinkjupyter.ml.clustering;

/** Distances from a point to a set of centres held in one flat array ({@code k * dim}). */
final class Centroids {
    private Centroids() {
    }

    /** The squared Euclidean distance from the point at {@code x[xOff..]} to centre {@code c}. */
    static double squaredDistance(double[] x, int xOff, double[] centres, int c, int dim) {
        double sum = 0;
        int cOff = c * dim;
        for (int j = 0; j < dim; j++) {
            double d = x[xOff + j] - centres[cOff + j];
            sum += d * d;
        }
        return sum;
    }

    /** The index of the nearest centre (the lowest index among equals). */
    static int nearest(double[] x, int xOff, double[] centres, int k, int dim) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double d = squaredDistance(x, xOff, centres, c, dim);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** The squared distance to the nearest centre. */
    static double nearestSquaredDistance(double[] x, int xOff, double[] centres, int k, int dim) {
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            best = Math.min(best, squaredDistance(x, xOff, centres, c, dim));
        }
        return best;
    }

    /** {@code double[k][dim]} as one flat array. */
    static double[] flatten(double[][] centres) {
        int dim = centres.length == 0 ? 0 : centres[0].length;
        double[] flat = new double[centres.length * dim];
        for (int c = 0; c < centres.length; c++) {
            System.arraycopy(centres[c], 0, flat, c * dim, dim);
        }
        return flat;
    }

    /** One flat array as {@code double[k][dim]}. */
    static double[][] unflatten(double[] flat, int k, int dim) {
        double[][] centres = new double[k][dim];
        for (int c = 0; c < k; c++) {
            System.arraycopy(flat, c * dim, centres[c], 0, dim);
        }
        return centres;
    }
}
