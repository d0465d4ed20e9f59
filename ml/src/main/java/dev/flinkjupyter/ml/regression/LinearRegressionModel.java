package dev.flinkjupyter.ml.regression;

import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.ScoringModel;
import dev.flinkjupyter.ml.VectorFunction;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;

/**
 * A trained linear regression: {@code prediction = x . coefficients + intercept}.
 * {@link #transform} adds the prediction column ({@code DOUBLE}; null for a null vector).
 * It was solved in closed form, so its {@link #getTrainingHistory() history} is empty.
 */
public final class LinearRegressionModel extends ScoringModel<LinearRegressionModel, LinearRegressionModel.Data>
        implements HasFeaturesCol<LinearRegressionModel>, HasPredictionCol<LinearRegressionModel> {
    private static final String HOW_TO_GET_ONE = "fit a LinearRegression or load a saved model";

    /**
     * What training saw.
     *
     * @param rows the number of training rows
     * @param weight their total weight
     * @param trainingRmse the root of the weighted mean squared residual on the training rows
     * @param trainingR2 the coefficient of determination on the training rows (NaN for a constant label)
     * @param solverNote empty when the normal equations were solved by Cholesky, else why not
     */
    public record Summary(long rows, double weight, double trainingRmse, double trainingR2, String solverNote)
            implements Serializable {
    }

    /** The learned values, as saved. */
    record Data(double[] coefficients, double intercept, Summary summary) implements Serializable {
        double predict(double[] x) {
            double y = intercept;
            for (int j = 0; j < x.length; j++) {
                y += coefficients[j] * x[j];
            }
            return y;
        }
    }

    /** An empty model, to {@link dev.flinkjupyter.ml.Stage#load load} into. */
    public LinearRegressionModel() {
        super(Data.class, HOW_TO_GET_ONE, null);
    }

    /** A model of these coefficients (one per feature), intercept and training summary. */
    public LinearRegressionModel(double[] coefficients, double intercept, Summary summary) {
        super(Data.class, HOW_TO_GET_ONE, new Data(coefficients.clone(), intercept, summary));
    }

    /** The coefficients, one per feature (element j of the vector). */
    public double[] getCoefficients() {
        return data().coefficients().clone();
    }

    /** The intercept (0 when trained without one). */
    public double getIntercept() {
        return data().intercept();
    }

    /** What training saw: rows, training RMSE and R<sup>2</sup>, how the system was solved. */
    public Summary getSummary() {
        return data().summary();
    }

    /** Empty when the normal equations were solved by Cholesky; else why a pseudo-inverse was used. */
    public String getSolverNote() {
        return data().summary() == null ? "" : data().summary().solverNote();
    }

    /** The prediction for one point. */
    public double predict(double... features) {
        return data().predict(checked(features, data().coefficients().length));
    }

    /** The prediction column. */
    @Override
    protected List<Output> outputs(ApiExpression features, String featuresCol) {
        Data data = data();
        return List.of(new Output("prediction", getPredictionCol(),
                call(VectorFunction.toDouble(data.coefficients().length, featuresCol, data::predict), features)));
    }

    @Override
    protected void requireComplete(Data loaded, Path dir) throws IOException {
        if (loaded.coefficients() == null) {
            throw new IOException(dir + " holds an incomplete linear regression model: no coefficients");
        }
    }

    @Override
    protected String describe(Data data) {
        return data.coefficients().length + " features, intercept " + data.intercept();
    }
}
