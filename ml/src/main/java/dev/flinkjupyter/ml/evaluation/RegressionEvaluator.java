package dev.flinkjupyter.ml.evaluation;

import dev.flinkjupyter.ml.DataPass;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.param.HasLabelCol;
import dev.flinkjupyter.ml.param.HasPredictionCol;
import dev.flinkjupyter.ml.param.HasWeightCol;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.api.Table;

/**
 * Scores a regression's predictions against the labels (RMSE, MSE, MAE, R2, explained variance)
 * in one Flink pass that sums the errors and the labels' spread.
 *
 * <pre>{@code
 * RegressionMetrics m = new RegressionEvaluator().evaluate(model.transform(test)[0]);
 * m.rmse();
 * }</pre>
 */
public final class RegressionEvaluator implements Stage<RegressionEvaluator>, HasLabelCol<RegressionEvaluator>,
        HasPredictionCol<RegressionEvaluator>, HasWeightCol<RegressionEvaluator> {
    private final ParamMap params = new ParamMap(RegressionEvaluator.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** The metrics of the predictions in the table; an empty table fails. */
    public RegressionMetrics evaluate(Table predictions) {
        String labelCol = getLabelCol();
        String predictionCol = getPredictionCol();
        ResidualMoments.Moments m = DataPass.run(PredictionRows.select(predictions,
                        PredictionRows.number(predictions, "label", labelCol),
                        PredictionRows.number(predictions, "prediction", predictionCol),
                        PredictionRows.weight(predictions, getWeightCol())),
                new ResidualMoments(labelCol, predictionCol), "regression metrics");
        m.problem.throwIfAny();
        if (m.rows == 0) {
            throw new IllegalArgumentException("cannot evaluate predictions of an empty table: it has no rows");
        }
        return metrics(m);
    }

    static RegressionMetrics metrics(ResidualMoments.Moments m) {
        double mse = m.squaredError / m.weight;
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rmse", Math.sqrt(mse));
        values.put("mse", mse);
        values.put("mae", m.absoluteError / m.weight);
        values.put("r2", m.labelDeviation == 0 ? Double.NaN : 1 - m.squaredError / m.labelDeviation);
        values.put("explainedVariance", m.labelDeviation == 0 ? Double.NaN : 1 - m.errorDeviation / m.labelDeviation);
        values.put("rows", (double) m.rows);
        return new RegressionMetrics(values);
    }
}
