package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import org.apache.flink.table.api.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code %evaluate MODEL --table NAME}: the model's metrics and charts on a table. */
@Command(name = "evaluate", description = "Scores a model on a table: %%evaluate churnModel --table test")
public final class EvaluateMagic implements LineMagic {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model bound by %%train.")
    String model;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "A table with the model's features (and its label).")
    String table;

    @Override
    public Object run(Session session) {
        TrainedModel trained = SessionModels.named(session, model);
        Table data = NamedTables.lookup(session, table);
        if (!NamedTables.isBounded(session, data)) {
            throw new MagicException(table + " is unbounded: %evaluate scores a bounded table");
        }
        FeatureColumns.requireNumeric(data, "feature", trained.features());
        trained.label().ifPresent(label -> FeatureColumns.requireNumeric(data, "label", List.of(label)));
        try {
            Scores.of(trained, data, table).show();
        } catch (IllegalArgumentException e) {
            throw new MagicException(model + " on " + table + ": " + e.getMessage(), e);
        }
        return null;
    }
}
