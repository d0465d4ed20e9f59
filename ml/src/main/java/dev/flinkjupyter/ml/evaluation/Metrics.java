package dev.flinkjupyter.ml.evaluation;

import java.util.Map;

/** The metrics of an evaluation, by name, in a fixed order. */
public interface Metrics {
    /** Every metric by name, in the order a table shows them; read-only. */
    Map<String, Double> values();

    /** One metric; an unknown name fails with the list of the known ones. */
    default double get(String name) {
        Double value = values().get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; the metrics are "
                    + String.join(", ", values().keySet()));
        }
        return value;
    }
}
