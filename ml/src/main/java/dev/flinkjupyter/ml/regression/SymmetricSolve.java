package dev.flinkjupyter.ml.regression;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Solves {@code A x = b} for a symmetric positive semi-definite {@code A} (normal equations, a
 * Newton system) with EJML: Cholesky when {@code A} is positive definite, else the minimum-norm
 * least-squares solution by a pseudo-inverse (SVD), with a note saying why.
 */
public final class SymmetricSolve {
    private SymmetricSolve() {
    }

    /**
     * A solution and how it was found.
     *
     * @param x the solution
     * @param note empty after Cholesky; otherwise why the pseudo-inverse was used
     */
    public record Solution(double[] x, String note) {
    }

    /** Solves {@code a x = b}; {@code a} is (n x n) row-major, neither array is changed. */
    public static Solution solve(double[] a, double[] b) {
        int n = b.length;
        DMatrixRMaj matrix = DMatrixRMaj.wrap(n, n, a.clone());
        DMatrixRMaj rhs = DMatrixRMaj.wrap(n, 1, b.clone());
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(n);
        if (wellConditioned(matrix) && cholesky.setA(matrix.copy())) {
            cholesky.solve(rhs, x);
            if (finite(x.data)) {
                return new Solution(x.data, "");
            }
        }
        LinearSolverDense<DMatrixRMaj> pseudo = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!pseudo.setA(matrix.copy())) {
            throw new IllegalArgumentException("the system cannot be solved: its matrix holds NaN or infinite values"
                    + " (are the features finite?)");
        }
        pseudo.solve(rhs, x);
        return new Solution(x.data, "the matrix is singular (features that are constant or linear combinations"
                + " of others, or fewer rows than features): the minimum-norm solution by a pseudo-inverse was taken");
    }

    /**
     * Whether every pivot of the Cholesky factorisation keeps a fair share of its diagonal element:
     * L_ii^2 / A_ii is 1 minus the R^2 of variable i on the ones before it, so a tiny ratio means
     * a (numerically) dependent column, where rounding would let Cholesky "succeed" with garbage.
     */
    static boolean wellConditioned(DMatrixRMaj a) {
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(a.numRows, true);
        if (!chol.decompose(a.copy())) {
            return false;
        }
        DMatrixRMaj lower = chol.getT(null);
        for (int i = 0; i < a.numRows; i++) {
            double pivot = lower.get(i, i);
            if (!(pivot * pivot > PIVOT_SHARE * a.get(i, i))) {
                return false;
            }
        }
        return true;
    }

    /** The smallest share of a diagonal element its pivot may keep before the matrix counts as singular. */
    static final double PIVOT_SHARE = 1e-10;

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
