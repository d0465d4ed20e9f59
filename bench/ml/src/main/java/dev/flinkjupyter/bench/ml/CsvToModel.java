package dev.flinkjupyter.bench.ml;

import static org.apache.flink.table.api.Expressions.$;

import dev.flinkjupyter.magics.load.LoadRequest;
import dev.flinkjupyter.magics.load.LoadedTable;
import dev.flinkjupyter.magics.load.TableLoader;
import dev.flinkjupyter.ml.feature.VectorAssembler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;

/**
 * The benchmark's CSV file as a table with a {@code features} vector and a {@code label}, two ways:
 * as a notebook user gets it ({@code %load}'s {@link TableLoader}, {@code notebook-csv} format,
 * inferred schema, then the features gathered as {@code %train} does), and, for comparison, as a
 * hand-written {@code CREATE TABLE} over Flink's Jackson-based {@code 'format' = 'csv'}.
 */
final class CsvToModel {

    /** How the feature columns become the one vector column. */
    enum Gather {
        /** The ml module's {@link VectorAssembler}, as {@code %train --features} does. */
        VECTOR_ASSEMBLER("VectorAssembler"),
        /** SQL {@code ARRAY[c1, ..., c20]}. */
        ARRAY("ARRAY[...]");

        final String label;

        Gather(String label) {
            this.label = label;
        }
    }

    /** A table registered by {@code %load}, with how long the load took. */
    record Loaded(Table table, LoadedTable load, double loadMillis) {}

    private final Path csv;
    private final int dim;
    private final Supplier<StreamTableEnvironment> batch;

    /**
     * @param csv a file of {@code dim} feature columns then the label, no header
     * @param batch a new batch table environment on the engine, at the benchmark's parallelism
     */
    CsvToModel(Path csv, int dim, Supplier<StreamTableEnvironment> batch) {
        this.csv = csv;
        this.dim = dim;
        this.batch = batch;
    }

    /** The file's size in MB. */
    double megabytes() {
        return csv.toFile().length() / 1e6;
    }

    /**
     * The file as {@code %load points.csv} registers it (schema inferred: c1..c20 DOUBLE, then the
     * label), timed; then the features gathered as {@code gather} says.
     */
    Loaded load(Gather gather) {
        StreamTableEnvironment tEnv = batch.get();
        long start = System.nanoTime();
        LoadedTable loaded;
        try {
            loaded = new TableLoader(tEnv).load(LoadRequest.of(csv.toString(), csv.getParent()).withName("points"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        List<String> columns = loaded.schema().getColumns().stream().map(Column::getName).collect(Collectors.toList());
        if (columns.size() != dim + 1) {
            throw new IllegalStateException("%load found " + columns + " in " + csv + ", expected " + (dim + 1) + " columns");
        }
        List<String> features = columns.subList(0, dim);
        String label = columns.get(dim);
        Table table = tEnv.from("points");
        Table withFeatures;
        if (gather == Gather.VECTOR_ASSEMBLER) {
            // What %train does (magics' FeatureColumns.withVector): nulls fail the job, naming the column.
            withFeatures = new VectorAssembler().setInputCols(features.toArray(String[]::new)).setOutputCol("features")
                    .setHandleInvalid("error").transform(table)[0].select($("features"), $(label).as("label"));
        } else {
            StringJoiner vector = new StringJoiner(", ", "ARRAY[", "]");
            features.forEach(vector::add);
            withFeatures = tEnv.sqlQuery("SELECT " + vector + " AS features, " + label + " AS label FROM points");
        }
        return new Loaded(withFeatures, loaded, ms);
    }

    /** The file through a hand-written CREATE TABLE with Flink's {@code csv} format, features as ARRAY[...]. */
    Table jacksonCsv() {
        StreamTableEnvironment tEnv = batch.get();
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner vector = new StringJoiner(", ", "ARRAY[", "]");
        for (int j = 0; j < dim; j++) {
            columns.add("f" + j + " DOUBLE");
            vector.add("f" + j);
        }
        tEnv.executeSql("CREATE TEMPORARY TABLE points (" + columns + ", label DOUBLE) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + csv.toUri() + "', 'format' = 'csv')");
        return tEnv.sqlQuery("SELECT " + vector + " AS features, label FROM points");
    }
}
