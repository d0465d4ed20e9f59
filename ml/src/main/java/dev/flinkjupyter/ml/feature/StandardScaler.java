package dev.flinkjupyter.ml.feature;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasOutputCol;
import org.apache.flink.table.api.Table;

/**
 * Learns each element's mean and standard deviation of a vector column in one Flink pass; its
 * model scales vectors to unit deviation ({@code withStd}, on by default) and, if asked, centres
 * them ({@code withMean}, off by default, as centring makes sparse data dense). An element that
 * does not vary scales to 0.
 *
 * <pre>{@code
 * StandardScalerModel scaler = new StandardScaler().setInputCol("raw").setOutputCol("features").fit(train);
 * }</pre>
 */
public final class StandardScaler implements Estimator<StandardScaler, StandardScalerModel>,
        HasInputCol<StandardScaler>, HasOutputCol<StandardScaler> {
    /** Whether to subtract the mean. */
    public static final Param<Boolean> WITH_MEAN = new Param<>("withMean", Boolean.class,
            "Whether to subtract each element's mean.", false, ParamValidator.notNull());
    /** Whether to divide by the standard deviation. */
    public static final Param<Boolean> WITH_STD = new Param<>("withStd", Boolean.class,
            "Whether to divide each element by its standard deviation.", true, ParamValidator.notNull());

    private final ParamMap params = new ParamMap(StandardScaler.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets whether to subtract the mean (default false). */
    public StandardScaler setWithMean(boolean withMean) {
        return set(WITH_MEAN, withMean);
    }

    /** Sets whether to divide by the standard deviation (default true). */
    public StandardScaler setWithStd(boolean withStd) {
        return set(WITH_STD, withStd);
    }

    @Override
    public StandardScalerModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("StandardScaler fits one table, got " + inputs.length);
        }
        VectorSummary.Stats stats = VectorSummary.of(inputs[0], getInputCol(), "standard scaler: mean and deviation");
        StandardScalerModel model = new StandardScalerModel(stats.mean, stats.std());
        model.getParamMap().set(StandardScalerModel.WITH_MEAN, get(WITH_MEAN));
        model.getParamMap().set(StandardScalerModel.WITH_STD, get(WITH_STD));
        return model.setInputCol(getInputCol()).setOutputCol(getOutputCol());
    }
}
