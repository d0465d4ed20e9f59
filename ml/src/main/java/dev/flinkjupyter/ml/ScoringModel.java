package dev.flinkjupyter.ml;

import static org.apache.flink.table.api.Expressions.$;

import dev.flinkjupyter.ml.param.HasFeaturesCol;
import java.util.List;
import org.apache.flink.table.api.ApiExpression;
import org.apache.flink.table.api.Table;

/**
 * A {@link DataModel} whose {@link #transform} appends columns computed from each row's features
 * vector, usually by a {@link VectorFunction}. Before any job runs, the features column (the
 * {@code featuresCol} parameter: the subclass implements {@link HasFeaturesCol}) must be a vector and
 * no output column may exist yet; the errors name the columns.
 *
 * @param <M> the implementing class
 * @param <D> the record of learned values, as saved
 */
public abstract class ScoringModel<M extends ScoringModel<M, D>, D> extends DataModel<M, D> {

    /**
     * A column that {@code transform} appends.
     *
     * @param role what it holds, for errors: {@code prediction}, {@code raw prediction}
     * @param name its name (the value of the model's parameter)
     * @param value how each row's value is computed
     */
    public record Output(String role, String name, ApiExpression value) {
    }

    /** See {@link DataModel#DataModel(Class, String, Object)}. */
    protected ScoringModel(Class<D> dataType, String howToGetOne, D data) {
        super(dataType, howToGetOne, data);
    }

    /**
     * The columns to append, in order.
     *
     * @param features the features column as a {@code ARRAY<DOUBLE>} expression
     * @param featuresCol its name, for errors about its values
     */
    protected abstract List<Output> outputs(ApiExpression features, String featuresCol);

    /** The input table with the {@link #outputs} appended. */
    @Override
    public Table[] transform(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " transforms one table, got "
                    + inputs.length);
        }
        Table table = inputs[0];
        String featuresCol = get(HasFeaturesCol.FEATURES_COL);
        InputColumns.requireVector(table, "features", featuresCol);
        List<Output> outputs = outputs($(featuresCol).cast(Vectors.TYPE), featuresCol);
        for (Output output : outputs) {
            InputColumns.requireAbsent(table, output.role(), output.name());
        }
        return new Table[] {table.addColumns(
                outputs.stream().map(output -> output.value().as(output.name())).toArray(ApiExpression[]::new))};
    }

    /** The point itself, when it has {@code dim} features; else an error that says both sizes. */
    protected static double[] checked(double[] point, int dim) {
        if (point.length != dim) {
            throw new IllegalArgumentException("the model has " + dim + " features, the point " + point.length);
        }
        return point;
    }
}
