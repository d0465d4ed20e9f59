package dev.flinkjupyter.ml.classification;

import static org.apache.flink.table.api.Expressions.$;

import dev.flinkjupyter.ml.InputColumns;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.Stage;
import dev.flinkjupyter.ml.Vectors;
import dev.flinkjupyter.ml.online.ModelVersion;
import dev.flinkjupyter.ml.online.OneLearner;
import dev.flinkjupyter.ml.param.HasFeaturesCol;
import dev.flinkjupyter.ml.param.HasLabelCol;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.expressions.Expression;

/**
 * Binary logistic regression learned online with FTRL-Proximal, on a stream that may never end:
 * {@link #train(Table)} gives the stream of {@link Version}s, a new one every {@code updateEvery}
 * records, each with the prequential accuracy and log loss of those records (each scored by the
 * model before it learned from it).
 *
 * <pre>{@code
 * OnlineRun<OnlineLogisticRegression.Version> run =
 *         OnlineRun.start(new OnlineLogisticRegression().setUpdateEvery(5000).train(clicks));
 * display(run.live());   // one row per version, updated in place; interrupt cancels the job
 * }</pre>
 *
 * <p>The features are prepared in parallel; the model is learned by one subtask (FTRL updates
 * are sequential), in Flink keyed state, so a checkpointed job resumes with its model. Labels
 * must be 0 or 1. A partial window at the end of a bounded stream emits no version.
 */
public final class OnlineLogisticRegression implements Stage<OnlineLogisticRegression>,
        HasFeaturesCol<OnlineLogisticRegression>, HasLabelCol<OnlineLogisticRegression> {
    /** FTRL's learning rate alpha. */
    public static final Param<Double> ALPHA = new Param<>("alpha", Double.class,
            "FTRL's learning rate alpha: per-coefficient steps are alpha / (beta + sqrt(sum of squared gradients)).",
            0.1, ParamValidator.gt(0));
    /** FTRL's beta, which damps the first steps. */
    public static final Param<Double> BETA = new Param<>("beta", Double.class,
            "FTRL's beta, which damps the first steps of each coefficient.", 1.0, ParamValidator.gtEq(0));
    /** The L1 regularisation strength, which makes coefficients exactly zero. */
    public static final Param<Double> L1 = new Param<>("l1", Double.class,
            "The L1 regularisation strength (makes small coefficients exactly zero).", 0.0, ParamValidator.gtEq(0));
    /** The L2 regularisation strength. */
    public static final Param<Double> L2 = new Param<>("l2", Double.class,
            "The L2 regularisation strength.", 0.0, ParamValidator.gtEq(0));
    /** How many records make one model version and one window of metrics. */
    public static final Param<Integer> UPDATE_EVERY = new Param<>("updateEvery", Integer.class,
            "How many records make one model version and one window of prequential metrics.", 1000,
            ParamValidator.gtEq(1));

    /**
     * A model version and the prequential metrics of the window of records before it.
     *
     * @param version the version number, from 1
     * @param records the records learned from in all
     * @param accuracy the share of the window's records whose class the model predicted before learning from them
     * @param logLoss the mean log loss of those predictions
     * @param coefficients the coefficients, one per feature
     * @param intercept the intercept
     */
    public record Version(long version, long records, double accuracy, double logLoss, double[] coefficients,
            double intercept) implements ModelVersion<OnlineLogisticRegressionModel> {
        @Override
        public Map<String, Double> metrics() {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("accuracy", accuracy);
            metrics.put("logLoss", logLoss);
            return metrics;
        }

        @Override
        public OnlineLogisticRegressionModel toModel() {
            return new OnlineLogisticRegressionModel(coefficients, intercept);
        }
    }

    private final ParamMap params = new ParamMap(OnlineLogisticRegression.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets FTRL's learning rate alpha (default 0.1). */
    public OnlineLogisticRegression setAlpha(double alpha) {
        return set(ALPHA, alpha);
    }

    /** Sets FTRL's beta (default 1). */
    public OnlineLogisticRegression setBeta(double beta) {
        return set(BETA, beta);
    }

    /** Sets the L1 regularisation strength (default 0). */
    public OnlineLogisticRegression setL1(double l1) {
        return set(L1, l1);
    }

    /** Sets the L2 regularisation strength (default 0). */
    public OnlineLogisticRegression setL2(double l2) {
        return set(L2, l2);
    }

    /** Sets how many records make one version (default 1000). */
    public OnlineLogisticRegression setUpdateEvery(int records) {
        return set(UPDATE_EVERY, records);
    }

    /**
     * The stream of model versions learned from the table's rows, bounded or not; nothing runs
     * until the stream's job does ({@link dev.flinkjupyter.ml.online.OnlineRun#start}, or
     * {@code Live.append(stream)} in a notebook). The columns are checked now: the features a
     * vector, the label numeric; errors name the table's columns and types.
     */
    public DataStream<Version> train(Table table) {
        InputColumns.requireVector(table, "features", getFeaturesCol());
        InputColumns.requireNumeric(table, "label", getLabelCol());
        return OneLearner.learn(table,
                new Expression[] {$(getFeaturesCol()).cast(Vectors.TYPE), $(getLabelCol()).cast(DataTypes.DOUBLE())},
                new FtrlLearner(get(ALPHA), get(BETA), get(L1), get(L2), get(UPDATE_EVERY), getFeaturesCol(),
                        getLabelCol()),
                Version.class, "online logistic regression (FTRL)");
    }
}
