package dev.flinkjupyter.ml.feature;

import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.ParamMap;
import dev.flinkjupyter.ml.ParamValidator;
import dev.flinkjupyter.ml.param.HasInputCol;
import dev.flinkjupyter.ml.param.HasOutputCol;
import org.apache.flink.table.api.Table;

/**
 * Learns each element's minimum and maximum of a vector column in one Flink pass; its model maps
 * them linearly onto [{@code min}, {@code max}] (default [0, 1]). An element that does not vary
 * maps to the middle of that range.
 *
 * <pre>{@code
 * MinMaxScalerModel scaler = new MinMaxScaler().setInputCol("raw").setOutputCol("features").fit(train);
 * }</pre>
 */
public final class MinMaxScaler implements Estimator<MinMaxScaler, MinMaxScalerModel>, HasInputCol<MinMaxScaler>,
        HasOutputCol<MinMaxScaler> {
    /** The lower end of the output range. */
    public static final Param<Double> MIN = new Param<>("min", Double.class, "The lower end of the output range.",
            0.0, ParamValidator.notNull());
    /** The upper end of the output range. */
    public static final Param<Double> MAX = new Param<>("max", Double.class, "The upper end of the output range.",
            1.0, ParamValidator.notNull());

    private final ParamMap params = new ParamMap(MinMaxScaler.class);

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    /** Sets the lower end of the output range (default 0). */
    public MinMaxScaler setMin(double min) {
        return set(MIN, min);
    }

    /** Sets the upper end of the output range (default 1). */
    public MinMaxScaler setMax(double max) {
        return set(MAX, max);
    }

    @Override
    public MinMaxScalerModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("MinMaxScaler fits one table, got " + inputs.length);
        }
        if (get(MIN) >= get(MAX)) {
            throw new IllegalArgumentException("MinMaxScaler: min " + get(MIN) + " must be below max " + get(MAX));
        }
        VectorSummary.Stats stats = VectorSummary.of(inputs[0], getInputCol(), "min-max scaler: ranges");
        MinMaxScalerModel model = new MinMaxScalerModel(stats.min, stats.max);
        model.getParamMap().set(MIN, get(MIN));
        model.getParamMap().set(MAX, get(MAX));
        return model.setInputCol(getInputCol()).setOutputCol(getOutputCol());
    }
}
