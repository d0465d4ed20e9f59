package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.display.Charts;
import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.DisplayHandle;
import dev.flinkjupyter.display.Throttle;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.WithParams;
import dev.flinkjupyter.ml.classification.OnlineLogisticRegression;
import dev.flinkjupyter.ml.clustering.OnlineKMeans;
import dev.flinkjupyter.ml.online.ModelVersion;
import dev.flinkjupyter.ml.online.OnlineRun;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an online algorithm on a table as {@code %train} does: the job learns as the rows flow and
 * emits model versions; the cell shows a chart of the prequential metrics that is redrawn in place
 * (a few times a second at most), and ends when the stream does or on interrupt, which cancels
 * the job. The newest model is bound either way.
 */
final class OnlineTraining {
    private static final Duration REDRAW = Duration.ofMillis(500);

    private final Algorithm algorithm;
    private final List<String> features;
    private final String label;
    private final String as;

    OnlineTraining(Algorithm algorithm, List<String> features, String label, String as) {
        this.algorithm = algorithm;
        this.features = features;
        this.label = label;
        this.as = as;
    }

    Object run(Session session, WithParams<?> stage, Table data) {
        DataStream<? extends ModelVersion<?>> versions;
        Table input = FeatureColumns.withVector(data, features);
        try {
            versions = stage instanceof OnlineLogisticRegression olr ? olr.train(input)
                    : ((OnlineKMeans) stage).train(input);
        } catch (IllegalArgumentException e) {
            throw new MagicException(algorithm.id() + ": " + e.getMessage(), e);
        }
        List<Double> records = new ArrayList<>();
        Map<String, List<Double>> series = new java.util.LinkedHashMap<>();
        Throttle throttle = new Throttle(REDRAW);
        DisplayHandle chart = null;
        ModelVersion<?> latest = null;
        String stopped = "the stream ended";
        @SuppressWarnings({"unchecked", "rawtypes"})
        OnlineRun<? extends ModelVersion<?>> run = OnlineRun.start((DataStream) versions);
        try {
            while (run.hasNext()) {
                latest = run.next();
                records.add((double) latest.records());
                latest.metrics().forEach((name, value) -> series.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
                if (throttle.tryAcquire()) {
                    chart = draw(chart, records, series, latest);
                }
            }
        } catch (RuntimeException e) {
            // An interrupt cancels the job: the results end with an error. What was learned is kept.
            stopped = "the job stopped (" + e.getClass().getSimpleName() + ")";
        } finally {
            run.close();
        }
        if (latest == null) {
            throw new MagicException(algorithm.id() + " emitted no model version before " + stopped
                    + "; with fewer rows than one update, lower --param updateEvery (or batchSize)");
        }
        draw(chart, records, series, latest);
        Model<?> model = latest.toModel();
        TrainedModel trained = new TrainedModel(algorithm, features, label, model);
        session.bind(as, trained, TrainedModel.class.getName());
        System.out.printf(Locale.ROOT, "%s learned from %,d records in %d versions, %s; bound as %s%n",
                algorithm.id(), latest.records(), latest.version(), stopped, as);
        return trained;
    }

    private DisplayHandle draw(DisplayHandle handle, List<Double> records, Map<String, List<Double>> series,
            ModelVersion<?> latest) {
        double[] xs = records.stream().mapToDouble(Double::doubleValue).toArray();
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(algorithm.id() + ": prequential metrics, version " + latest.version())
                .xAxisTitle("records learned").build();
        series.forEach((name, values) -> chart.addSeries(name, xs,
                values.stream().mapToDouble(Double::doubleValue).toArray()));
        if (handle == null) {
            return Display.display(chart);
        }
        handle.update(chart);
        return handle;
    }
}
