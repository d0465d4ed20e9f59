package dev.flinkjupyter.ml.regression;

import dev.flinkjupyter.ml.FeatureBlock;
import dev.flinkjupyter.ml.TrainingData;
import dev.flinkjupyter.ml.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Minimises {@code loss(theta) / weight + reg / 2 * |theta_penalised|^2} by Newton steps, ONE pass
 * over the data per step: the pass returns the summed loss, gradient and Hessian at the current
 * parameters ({@link Curvature}), EJML solves for the step here ({@link SymmetricSolve}). A step
 * that raises the objective is halved (each try costs a pass). It stops when the relative decrease
 * of the objective falls below {@code tol}, or after {@code maxIter} passes.
 */
public final class NewtonMethod {
    private NewtonMethod() {
    }

    /** How many times a step may be halved before training stops where it is. */
    static final int MAX_HALVINGS = 10;

    /**
     * The outcome.
     *
     * @param theta the parameters reached
     * @param history one step per accepted iterate, the start included: objective and training accuracy
     * @param passes the Newton passes made (halvings included; the start's pass not)
     * @param converged whether the tolerance was met
     * @param note how the systems were solved when not by Cholesky, else empty
     */
    public record Result(double[] theta, TrainingHistory history, int passes, boolean converged, String note) {
    }

    /**
     * The problem: what to penalise and how hard, which parameters stay at their start (an
     * intercept the model must not have), when to stop, what to call the loss.
     */
    public record Problem(boolean[] penalised, boolean[] fixed, double reg, int maxIter, double tol, String lossName) {
        /** A problem in which every parameter is free. */
        public Problem(boolean[] penalised, double reg, int maxIter, double tol, String lossName) {
            this(penalised, new boolean[penalised.length], reg, maxIter, tol, lossName);
        }
    }

    /**
     * Runs Newton's method from {@code theta}, whose sums {@code start} are known already (from a
     * pass the estimator made anyway, or in closed form).
     *
     * @param data the training data, better {@link TrainingData#cached() cached}
     * @param jobName the name of each pass's job
     * @param theta the starting parameters
     * @param start the sums at {@code theta}
     * @param problem the penalty and the stopping rule
     * @param passAt makes the aggregate that sums the curvature at given parameters
     */
    public static Result minimise(TrainingData data, String jobName, double[] theta, Curvature start, Problem problem,
            Function<double[], AggregateFunction<FeatureBlock, Curvature, Curvature>> passAt) {
        List<TrainingHistory.Step> steps = new ArrayList<>();
        double objective = objective(start, theta, problem);
        steps.add(new TrainingHistory.Step(1, objective, start.correct / start.weight));
        Curvature here = start;
        int passes = 0;
        boolean converged = false;
        String note = "";
        while (passes < problem.maxIter() && !converged) {
            double[] gradient = gradient(here, theta, problem);
            SymmetricSolve.Solution solution = SymmetricSolve.solve(hessian(here, problem), gradient);
            if (!solution.note().isEmpty()) {
                note = solution.note();
            }
            double[] direction = solution.x();
            double step = 1;
            double[] next = null;
            Curvature there = null;
            double nextObjective = Double.NaN;
            for (int halving = 0; halving <= MAX_HALVINGS && passes < problem.maxIter(); halving++) {
                next = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    next[i] = theta[i] - step * direction[i];
                }
                there = data.pass(jobName + " (iteration " + (steps.size() + 1) + ")", passAt.apply(next));
                passes++;
                nextObjective = objective(there, next, problem);
                if (nextObjective <= objective * (1 + 1e-12)) {
                    break;
                }
                step /= 2;
            }
            if (!(nextObjective <= objective * (1 + 1e-12))) {
                break;
            }
            double decrease = objective - nextObjective;
            converged = decrease <= problem.tol() * Math.max(Math.abs(nextObjective), 1e-12);
            theta = next;
            here = there;
            objective = nextObjective;
            steps.add(new TrainingHistory.Step(steps.size() + 1, objective, here.correct / here.weight));
        }
        return new Result(theta, new TrainingHistory(problem.lossName(), "training accuracy", steps), passes,
                converged, note);
    }

    static double objective(Curvature c, double[] theta, Problem problem) {
        double penalty = 0;
        for (int i = 0; i < theta.length; i++) {
            if (problem.penalised()[i]) {
                penalty += theta[i] * theta[i];
            }
        }
        return c.loss / c.weight + problem.reg() / 2 * penalty;
    }

    static double[] gradient(Curvature c, double[] theta, Problem problem) {
        double[] g = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            g[i] = problem.fixed()[i] ? 0 : c.gradient[i] / c.weight + (problem.penalised()[i] ? problem.reg() * theta[i] : 0);
        }
        return g;
    }

    static double[] hessian(Curvature c, Problem problem) {
        int n = c.size;
        double[] h = new double[n * n];
        for (int i = 0; i < h.length; i++) {
            h[i] = c.hessian[i] / c.weight;
        }
        for (int i = 0; i < n; i++) {
            if (problem.penalised()[i]) {
                h[i * n + i] += problem.reg();
            }
            // A fixed parameter's row and column are those of the identity: with a zero gradient,
            // its step is zero and the others' steps are those of the problem without it.
            if (problem.fixed()[i]) {
                for (int j = 0; j < n; j++) {
                    h[i * n + j] = 0;
                    h[j * n + i] = 0;
                }
                h[i * n + i] = 1;
            }
        }
        return h;
    }
}
