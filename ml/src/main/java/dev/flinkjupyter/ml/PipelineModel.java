package dev.flinkjupyter.ml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.Table;

/** The transformers and fitted models of a {@link Pipeline}, applied in order. */
public final class PipelineModel implements Model<PipelineModel> {
    private final ParamMap params = new ParamMap(PipelineModel.class);
    private final List<Transformer<?>> stages = new ArrayList<>();

    /** A model applying these transformers in order. */
    public PipelineModel(List<? extends Transformer<?>> stages) {
        this.stages.addAll(stages);
    }

    /** For {@link Stage#load}. */
    public PipelineModel() {
    }

    /** The stages, in order. */
    public List<Transformer<?>> getStages() {
        return List.copyOf(stages);
    }

    @Override
    public Table[] transform(Table... inputs) {
        Table[] data = inputs;
        for (Transformer<?> stage : stages) {
            data = stage.transform(data);
        }
        return data;
    }

    /** The history of the last stage that has one (the estimator at the end, usually). */
    @Override
    public TrainingHistory getTrainingHistory() {
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (stages.get(i) instanceof Model<?> model && model.getTrainingHistory().size() > 0) {
                return model.getTrainingHistory();
            }
        }
        return TrainingHistory.EMPTY;
    }

    @Override
    public ParamMap getParamMap() {
        return params;
    }

    @Override
    public void saveState(Path dir) throws IOException {
        saveStages(stages, dir);
    }

    @Override
    public void loadState(Path dir) throws IOException {
        stages.clear();
        for (Stage<?> stage : loadStages(dir)) {
            if (!(stage instanceof Transformer<?> transformer)) {
                throw new IOException(dir + ": a pipeline model's stage is a " + stage.getClass().getName()
                        + ", not a Transformer");
            }
            stages.add(transformer);
        }
    }

    /** Saves stages as {@code stages/0}, {@code stages/1}, ... with their count in {@code stages/count}. */
    static void saveStages(List<? extends Stage<?>> stages, Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("stages"));
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).save(root.resolve(Integer.toString(i)).toString());
        }
        Files.writeString(root.resolve("count"), Integer.toString(stages.size()), StandardCharsets.UTF_8);
    }

    static List<Stage<?>> loadStages(Path dir) throws IOException {
        Path root = dir.resolve("stages");
        int count;
        try {
            count = Integer.parseInt(Files.readString(root.resolve("count"), StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IOException(dir + " holds no pipeline stages: " + root.resolve("count") + " is missing or bad", e);
        }
        List<Stage<?>> stages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stages.add(Stage.load(root.resolve(Integer.toString(i)).toString()));
        }
        return stages;
    }
}
