package dev.flinkjupyter.ml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;

/**
 * Stages applied in order: {@link #fit} fits each {@link Estimator} on the output of the stages
 * before it and transforms the data through each stage, giving a {@link PipelineModel} of the
 * transformers and fitted models.
 *
 * <pre>{@code
 * PipelineModel model = new Pipeline(
 *         new VectorAssembler().setInputCols("age", "income").setOutputCol("features"),
 *         new StandardScaler().setInputCol("features").setOutputCol("scaled"),
 *         new LogisticRegression().setFeaturesCol("scaled").setLabelCol("churned"))
 *     .fit(train);
 * Table predictions = model.transform(test)[0];
 * }</pre>
 */
public final class Pipeline implements Estimator<Pipeline, PipelineModel> {
    private final ParamMap params = new ParamMap(Pipeline.class);
    private final List<Stage<?>> stages = new ArrayList<>();

    /** A pipeline of these stages, each an {@link Estimator} or a {@link Transformer}. */
    public Pipeline(Stage<?>... stages) {
        this(List.of(stages));
    }

    /** A pipeline of these stages, each an {@link Estimator} or a {@link Transformer}. */
    public Pipeline(List<? extends Stage<?>> stages) {
        for (Stage<?> stage : stages) {
            if (!(stage instanceof Estimator<?, ?>) && !(stage instanceof Transformer<?>)) {
                throw new IllegalArgumentException("a pipeline stage must be an Estimator or a Transformer, "
                        + stage.getClass().getName() + " is neither");
            }
            this.stages.add(stage);
        }
    }

    /** For {@link Stage#load}. */
    public Pipeline() {
    }

    /** The stages, in order. */
    public List<Stage<?>> getStages() {
        return List.copyOf(stages);
    }

    @Override
    public PipelineModel fit(Table... inputs) {
        int lastEstimator = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof Estimator<?, ?>) {
                lastEstimator = i;
            }
        }
        List<Transformer<?>> fitted = new ArrayList<>();
        Table[] data = inputs;
        for (int i = 0; i < stages.size(); i++) {
            Stage<?> stage = stages.get(i);
            Transformer<?> transformer = stage instanceof Estimator<?, ?> estimator
                    ? (Transformer<?>) estimator.fit(data)
                    : (Transformer<?>) stage;
            fitted.add(transformer);
            // Stages after the last estimator need not run on the training data.
            if (i < lastEstimator) {
                data = transformer.transform(data);
            }
        }
        return new PipelineModel(fitted);
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    @Override
    public void saveState(Path dir) throws IOException {
        PipelineModel.saveStages(stages, dir);
    }

    @Override
    public void loadState(Path dir) throws IOException {
        stages.clear();
        stages.addAll(PipelineModel.loadStages(dir));
    }
}
