package dev.flinkjupyter.ml.regression;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.ModelData;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * A trained linear regression: {@code prediction = x . coefficients + intercept}.
 * {@link #transform} adds the prediction column ({@code DOUBLE}; null for a null vector).
 * It was solved in closed form, so its {@link #getTrainingHistory() history} is empty.
 */
public final class LinearRegressionModel implements Model<LinearRegressionModel>,
        HasFeaturesCol<LinearRegressionModel>, HasPredictionCol<LinearRegressionModel> {
    private final ParamMap params = new ParamMap(LinearRegressionModel.class);
    private Data data;

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
    }

    /** A model of these coefficients (one per feature), intercept and training summary. */
    public LinearRegressionModel(double[] coefficients, double intercept, Summary summary) {
        this.data = new Data(coefficients.clone(), intercept, summary);
    }

    @Override
    public ParamMap getParamMap() {
        return params;
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
        if (features.length != data().coefficients().length) {
            throw new IllegalArgumentException("the model has " + data().coefficients().length
                    + " features, the point " + features.length);
        }
        return data().predict(features);
    }

    /** The table with the prediction column added. */
    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("LinearRegressionModel transforms one table, got " + inputs.length);
        }
        Table table = inputs[0];
        InputColumns.requireVector(table, "features", getFeaturesCol());
        InputColumns.requireAbsent(table, "prediction", getPredictionCol());
        return new Table[] {table.addColumns(
                call(new Prediction(data(), getFeaturesCol()), $(getFeaturesCol()).cast(Vectors.TYPE))
                        .as(getPredictionCol()))};
    }

    @Override
    public void saveState(Path dir) throws IOException {
        ModelData.write(dir, data());
    }

    @Override
    public void loadState(Path dir) throws IOException {
        Data loaded = ModelData.read(dir, Data.class);
        if (loaded.coefficients() == null) {
            throw new IOException(dir + " holds an incomplete linear regression model: no coefficients");
        }
        data = loaded;
    }

    @Override
    public String toString() {
        return data == null ? "LinearRegressionModel[empty]" : "LinearRegressionModel["
                + data.coefficients().length + " features, intercept " + data.intercept() + "]";
    }

    private Data data() {
        if (data == null) {
            throw new IllegalStateException(
                    "this LinearRegressionModel is empty: fit a LinearRegression or load a saved model");
        }
        return data;
    }

    /** A vector cell as a {@code double[]}, null when it or an element is null; a wrong size fails. */
    static double[] vector(Double[] cells, int dim, String column) {
        if (cells == null) {
            return null;
        }
        if (cells.length != dim) {
            throw new IllegalArgumentException("column '" + column + "' holds a vector of " + cells.length
                    + " elements; the model has " + dim + " features");
        }
        double[] x = new double[dim];
        for (int j = 0; j < dim; j++) {
            if (cells[j] == null) {
                return null;
            }
            x[j] = cells[j];
        }
        return x;
    }

    /** The prediction, in a query. */
    public static final class Prediction extends ScalarFunction {
        private final Data data;
        private final String column;

        Prediction(Data data, String column) {
            this.data = data;
            this.column = column;
        }

        /** The predicted value; null for a null vector. */
        public Double eval(@DataTypeHint("ARRAY<DOUBLE>") Double[] features) {
            double[] x = vector(features, data.coefficients().length, column);
            return x == null ? null : data.predict(x);
        }
    }
}
