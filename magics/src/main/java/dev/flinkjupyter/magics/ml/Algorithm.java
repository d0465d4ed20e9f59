package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.ml.Estimator;
import dev.flinkjupyter.ml.WithParams;
import dev.flinkjupyter.ml.classification.LinearSVC;
import dev.flinkjupyter.ml.classification.LogisticRegression;
import dev.flinkjupyter.ml.classification.NaiveBayes;
import dev.flinkjupyter.ml.classification.OnlineLogisticRegression;
import dev.flinkjupyter.ml.clustering.KMeans;
import dev.flinkjupyter.ml.clustering.OnlineKMeans;
import dev.flinkjupyter.ml.regression.LinearRegression;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The algorithms {@code %train} knows, by the names users type. */
public enum Algorithm {
    LINEAR_REGRESSION("linear-regression", ModelKind.REGRESSION, false, LinearRegression::new),
    LOGISTIC_REGRESSION("logistic-regression", ModelKind.CLASSIFICATION, false, LogisticRegression::new),
    LINEAR_SVC("linear-svc", ModelKind.CLASSIFICATION, false, LinearSVC::new),
    KMEANS("kmeans", ModelKind.CLUSTERING, false, KMeans::new),
    NAIVE_BAYES("naive-bayes", ModelKind.CLASSIFICATION, false, NaiveBayes::new),
    ONLINE_LOGISTIC_REGRESSION("online-logistic-regression", ModelKind.CLASSIFICATION, true, OnlineLogisticRegression::new),
    ONLINE_KMEANS("online-kmeans", ModelKind.CLUSTERING, true, OnlineKMeans::new);

    private final String id;
    private final ModelKind kind;
    private final boolean online;
    private final Supplier<? extends WithParams<?>> factory;

    Algorithm(String id, ModelKind kind, boolean online, Supplier<? extends WithParams<?>> factory) {
        this.id = id;
        this.kind = kind;
        this.online = online;
        this.factory = factory;
    }

    /** The name users type: {@code logistic-regression}. */
    public String id() {
        return id;
    }

    public ModelKind kind() {
        return kind;
    }

    /** Whether it learns from a stream as it flows, emitting model versions. */
    public boolean isOnline() {
        return online;
    }

    /** Whether it needs a label column. */
    public boolean needsLabel() {
        return kind != ModelKind.CLUSTERING;
    }

    /** A new stage of this algorithm, with default parameters. */
    public WithParams<?> newStage() {
        return factory.get();
    }

    /** A new batch estimator; only for algorithms that are not online. */
    public Estimator<?, ?> newEstimator() {
        return (Estimator<?, ?>) factory.get();
    }

    /** The algorithm called {@code name}; an unknown name fails with the list of known ones. */
    public static Algorithm named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Algorithm algorithm : values()) {
            if (algorithm.id.equals(wanted)) {
                return algorithm;
            }
        }
        throw new MagicException("unknown algorithm '" + name + "'; known: " + known());
    }

    /** The known names, comma separated. */
    public static String known() {
        return Arrays.stream(values()).map(Algorithm::id).collect(Collectors.joining(", "));
    }
}
