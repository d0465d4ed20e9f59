package dev.flinkjupyter.magics.ml;

import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import dev.flinkjupyter.ml.TableStreams;
import org.apache.flink.table.api.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import static org.apache.flink.table.api.Expressions.$;

/**
 * {@code %predict MODEL --table NAME [--as OUT]}: registers the model's predictions on a table as a
 * view that SQL cells and Java cells can query, and shows its first rows.
 */
@Command(name = "predict", description = "Applies a model to a table: %%predict churnModel --table customers --as scored")
public final class PredictMagic implements LineMagic {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model bound by %%train.")
    String model;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "The table to predict for.")
    String table;

    @Option(names = "--as", paramLabel = "OUT", description = "The view of the predictions (default: NAME_predictions).")
    String as;

    @Override
    public Object run(Session session) {
        TrainedModel trained = SessionModels.named(session, model);
        Table data = NamedTables.lookup(session, table);
        Table predictions;
        try {
            predictions = trained.transform(data);
        } catch (IllegalArgumentException e) {
            throw new MagicException(model + " on " + table + ": " + e.getMessage(), e);
        }
        if (predictions.getResolvedSchema().getColumn(FeatureColumns.VECTOR).isPresent()
                && data.getResolvedSchema().getColumn(FeatureColumns.VECTOR).isEmpty()) {
            predictions = predictions.dropColumns($(FeatureColumns.VECTOR));
        }
        String view = as != null ? as : table.replaceAll("\\W", "_") + "_predictions";
        if (!view.matches("[A-Za-z_][\\w]*")) {
            throw new MagicException("--as " + view + ": not a table name (letters, digits and _)");
        }
        TableStreams.environmentOf(predictions).createTemporaryView(view, predictions);
        System.out.println("predictions of " + model + " on " + table + " registered as view " + view);
        return predictions;
    }
}
