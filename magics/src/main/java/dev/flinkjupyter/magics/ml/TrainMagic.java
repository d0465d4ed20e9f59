package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.Model;
import dev.flinkjupyter.ml.WithParams;
import org.apache.flink.table.api.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code %train ALGO --table NAME --label COL --features C1,C2 [--as MODEL]}: trains on the
 * notebook's cluster, shows the model's metrics and curves, and binds the model.
 */
@Command(name = "train", description = "Trains a model with Flink: %%train logistic-regression --table t --label y --features a,b --as m",
        footer = {"", "Algorithms: linear-regression, logistic-regression, linear-svc, kmeans, naive-bayes,",
                "online-logistic-regression, online-kmeans.",
                "Batch algorithms train on a bounded table and are scored on --test, a --test-fraction split, or the training rows;",
                "online ones learn from a stream as it flows (an unbounded table runs until interrupted)."})
public final class TrainMagic implements LineMagic {

    @Parameters(index = "0", paramLabel = "ALGO", description = "The algorithm.")
    String algorithm;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "The table to train on.")
    String table;

    @Option(names = "--label", paramLabel = "COL", description = "The label column (not for clustering).")
    String label;

    @Option(names = "--features", required = true, paramLabel = "C1,C2", description = "The numeric feature columns.")
    String features;

    @Option(names = "--as", paramLabel = "MODEL", defaultValue = "model",
            description = "The Java variable the model is bound to (default: ${DEFAULT-VALUE}).")
    String as;

    @Option(names = "--param", paramLabel = "K=V", description = "An algorithm parameter, e.g. --param k=3 --param maxIter=20.")
    Map<String, String> params = new LinkedHashMap<>();

    @ArgGroup(exclusive = true)
    TestData test;

    @Option(names = "--seed", defaultValue = "42", description = "The seed of the algorithm and of the split (default: ${DEFAULT-VALUE}).")
    long seed;

    static final class TestData {
        @Option(names = "--test", paramLabel = "NAME", description = "A table to score the model on.")
        String table;

        @Option(names = "--test-fraction", paramLabel = "F", description = "Hold out this fraction of the rows, seeded, to score on.")
        Double fraction;
    }

    @Override
    public Object run(Session session) throws Exception {
        Algorithm algo = Algorithm.named(algorithm);
        if (!as.matches("[A-Za-z_$][\\w$]*")) {
            throw new MagicException("--as " + as + ": not a Java variable name");
        }
        List<String> featureNames = FeatureColumns.parse(features);
        Table data = NamedTables.lookup(session, table);
        FeatureColumns.requireNumeric(data, "feature", featureNames);
        if (algo.needsLabel()) {
            if (label == null) {
                throw new MagicException(algo.id() + " needs --label COL; the table has "
                        + FeatureColumns.describe(data.getResolvedSchema()));
            }
            FeatureColumns.requireNumeric(data, "label", List.of(label));
        }
        WithParams<?> stage = algo.newStage();
        StageParams.setIfPresent(stage, "featuresCol", FeatureColumns.VECTOR);
        if (label != null) {
            StageParams.setIfPresent(stage, "labelCol", label);
        }
        StageParams.setIfPresent(stage, "seed", Long.toString(seed));
        StageParams.setAll(stage, algo.id(), params);

        if (algo.isOnline()) {
            return new OnlineTraining(algo, featureNames, label, as).run(session, stage, data);
        }
        if (!NamedTables.isBounded(session, data)) {
            throw new MagicException(algo.id() + " trains on a bounded table, and " + table
                    + " is unbounded; use an online algorithm (online-logistic-regression, online-kmeans)");
        }
        Table[] split = split(session, data);
        long start = System.nanoTime();
        Model<?> fitted;
        try {
            fitted = ((Estimator<?, ?>) stage).fit(FeatureColumns.withVector(split[0], featureNames));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MagicException(algo.id() + " on " + table + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainedModel model = new TrainedModel(algo, featureNames, label, fitted);
        session.bind(as, model, TrainedModel.class.getName());
        System.out.printf(Locale.ROOT, "%s trained on %s in %.1f s; bound as %s (%s)%n", algo.id(), table, seconds, as,
                fitted.getClass().getSimpleName());
        Display.display(model);
        Scores scores = Scores.of(model, split[1], split[1] == data ? "training rows" : testName());
        scores.show();
        return null;
    }

    /** The training table and the table the model is scored on (the same when there is no test). */
    private Table[] split(Session session, Table data) {
        if (test == null) {
            return new Table[] {data, data};
        }
        if (test.table != null) {
            return new Table[] {data, NamedTables.lookup(session, test.table)};
        }
        if (!(test.fraction > 0 && test.fraction < 1)) {
            throw new MagicException("--test-fraction " + test.fraction + ": give a fraction between 0 and 1, e.g. 0.2");
        }
        return TrainTestSplit.split(data, test.fraction, seed);
    }

    private String testName() {
        return test.table != null ? test.table : String.format(Locale.ROOT, "held-out %.0f%% of %s", test.fraction * 100, table);
    }
}
