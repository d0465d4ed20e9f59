package dev.flinkjupyter.magics.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.connector.file.table.factories.BulkReaderFormatFactory;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Registers files as a permanent table of the current catalog, read by Flink's filesystem
 * connector, then counts its rows and reads its first rows with Flink.
 *
 * <pre>{@code
 * LoadedTable sales = new TableLoader(tEnv).load(LoadRequest.of("data/sales.csv", Path.of("")));
 * }</pre>
 *
 * The schema is inferred from the first {@value CsvSample#DEFAULT_RECORDS} records of the first
 * file unless given. A malformed record met by the load (the count reads every record, the preview
 * every column of the first rows, {@link LoadRequest#validate()} every value) fails it with its
 * file and line, and the table is not kept; a query that meets one later fails the same way. With
 * {@link OnError#SKIP} such records are left out and counted.
 */
public final class TableLoader {

    private final TableEnvironment tEnv;
    private final int sampleRecords;

    public TableLoader(TableEnvironment tEnv) {
        this(tEnv, CsvSample.DEFAULT_RECORDS);
    }

    public TableLoader(TableEnvironment tEnv, int sampleRecords) {
        this.tEnv = tEnv;
        this.sampleRecords = sampleRecords;
    }

    /**
     * Loads as {@code request} says.
     *
     * @throws IllegalArgumentException for a user error: nothing at the path, an unknown format, a
     *     bad {@code --schema}, a malformed record (with its file and line)
     * @throws IOException if a file cannot be read
     */
    public LoadedTable load(LoadRequest request) throws IOException {
        FileSet files = FileSet.resolve(request.path(), request.workingDirectory());
        FileFormat format = request.format().or(() -> FileFormat.fromExtension(files.first()))
                .orElseThrow(() -> new IllegalArgumentException("Cannot tell the format of " + files.first()
                        + " from its name: give --format csv, json or parquet"));
        // The file's name, or the folder's (a folder, or where a glob starts).
        String name = request.name().orElseGet(() -> Identifiers.fromFileName(files.root().getFileName().toString()));
        char delimiter = request.delimiter().orElse(
                files.first().getFileName().toString().toLowerCase().endsWith(".tsv") ? '\t' : ',');

        Declaration declaration = declare(request, files, format, delimiter);
        String ddl = create(name, declaration, files, format, delimiter, request.onError());
        ResolvedSchema schema = tEnv.from(Identifiers.quote(name)).getResolvedSchema();
        try {
            long rows;
            long skipped = 0;
            if (request.onError() == OnError.SKIP && format == FileFormat.CSV) {
                String records = "__load_records_" + name;
                tEnv.executeSql("DROP TEMPORARY TABLE IF EXISTS " + Identifiers.quote(records));
                tEnv.executeSql(createStatement(true, records, declaration, files, format, delimiter, OnError.RECORDS,
                        Map.of()));
                try {
                    List<Row> counts = collect("SELECT (SELECT COUNT(*) FROM " + Identifiers.quote(name)
                            + "), (SELECT COUNT(*) FROM " + Identifiers.quote(records) + ")", 1);
                    rows = (Long) counts.get(0).getField(0);
                    skipped = (Long) counts.get(0).getField(1) - rows;
                } finally {
                    tEnv.executeSql("DROP TEMPORARY TABLE IF EXISTS " + Identifiers.quote(records));
                }
            } else if (request.validate() && format == FileFormat.CSV) {
                // The same files, every column converted: a bad value anywhere fails here, with its line.
                String checked = "__load_checked_" + name;
                tEnv.executeSql("DROP TEMPORARY TABLE IF EXISTS " + Identifiers.quote(checked));
                Map<String, String> checkAll = Map.of(
                        NotebookCsvFormatFactory.IDENTIFIER + "." + NotebookCsvFormatFactory.CHECK_ALL_COLUMNS.key(),
                        "true");
                tEnv.executeSql(createStatement(true, checked, declaration, files, format, delimiter, OnError.FAIL,
                        checkAll));
                try {
                    rows = count(checked);
                } finally {
                    tEnv.executeSql("DROP TEMPORARY TABLE IF EXISTS " + Identifiers.quote(checked));
                }
            } else {
                rows = count(name);
            }
            // LIMIT reaches the file source, which then stops reading after the first batch.
            List<Row> preview = collect(
                    "SELECT * FROM " + Identifiers.quote(name) + " LIMIT " + request.previewRows(), request.previewRows());
            return new LoadedTable(name, files, format, schema, declaration.inferred(), declaration.header(),
                    rows, skipped, preview, ddl);
        } catch (RuntimeException e) {
            tEnv.executeSql("DROP TABLE IF EXISTS " + Identifiers.quote(name));
            String location = MalformedRowException.location(e);
            if (location == null && format == FileFormat.JSON) {
                // Flink's JSON error quotes the row, not where it is: read the files again to find it.
                location = JsonErrorLocator.locate(files.files(), schema.getColumns()).orElseThrow(() ->
                        new IllegalArgumentException("Flink could not read " + files.pattern() + " as JSON lines: "
                                + rootMessage(e), e));
            }
            if (location == null) {
                throw e;
            }
            throw new IllegalArgumentException(location + hint(declaration), e);
        }
    }

    /** The table's columns and header rule, inferred or as given. */
    private Declaration declare(LoadRequest request, FileSet files, FileFormat format, char delimiter)
            throws IOException {
        switch (format) {
            case JSON:
                if (request.schema().isPresent()) {
                    return new Declaration(request.schema().get(), false, false);
                }
                return new Declaration(JsonSchemaInference.infer(files.first(), sampleRecords).ddl(), false, true);
            case PARQUET:
                requireParquet();
                if (request.schema().isPresent()) {
                    return new Declaration(request.schema().get(), false, false);
                }
                return new Declaration(ParquetSchemaInference.infer(files.first()), false, true);
            default:
                CsvDialect dialect = new CsvDialect(delimiter, false);
                List<List<String>> sample = CsvSample.read(files.first(), dialect, sampleRecords);
                if (request.schema().isEmpty()) {
                    InferredSchema inferred = CsvSchemaInference.infer(sample, request.header());
                    return new Declaration(inferred.ddl(), inferred.header(), true);
                }
                boolean header = request.header().orElseGet(() -> headerUnder(request.schema().get(), sample));
                return new Declaration(request.schema().get(), header, false);
        }
    }

    /** Under a given schema, a first record is a header if it names the columns or does not fit their types. */
    private boolean headerUnder(String columns, List<List<String>> sample) {
        if (sample.isEmpty()) {
            return false;
        }
        String probe = "__load_schema_probe";
        tEnv.executeSql("DROP TEMPORARY TABLE IF EXISTS " + probe);
        executeDdl("CREATE TEMPORARY TABLE " + probe + " (" + columns + ") WITH ('connector' = 'datagen')");
        try {
            List<Column> declared = tEnv.from(probe).getResolvedSchema().getColumns();
            List<String> first = sample.get(0);
            List<String> names = declared.stream().map(Column::getName).collect(Collectors.toList());
            if (first.stream().map(c -> c == null ? "" : c.strip()).collect(Collectors.toList()).equals(names)) {
                return true;
            }
            List<ColumnType> types = declared.stream()
                    .map(c -> ColumnType.like(c.getDataType().getLogicalType()))
                    .collect(Collectors.toList());
            return CsvSchemaInference.looksLikeHeader(first, List.of(), types)
                    && types.stream().anyMatch(t -> t != ColumnType.STRING);
        } finally {
            tEnv.executeSql("DROP TEMPORARY TABLE IF EXISTS " + probe);
        }
    }

    private String create(String name, Declaration declaration, FileSet files, FileFormat format, char delimiter,
            OnError onError) {
        // %load again replaces the table, as re-running a cell would expect.
        tEnv.executeSql("DROP TABLE IF EXISTS " + Identifiers.quote(name));
        String ddl = createStatement(false, name, declaration, files, format, delimiter, onError, Map.of());
        executeDdl(ddl);
        return ddl;
    }

    private void executeDdl(String ddl) {
        try {
            tEnv.executeSql(ddl);
        } catch (RuntimeException e) { // the parser's, the validator's and Calcite's own exceptions
            throw new IllegalArgumentException("Flink refused the table: " + rootMessage(e) + "\n  " + ddl, e);
        }
    }

    static String createStatement(boolean temporary, String name, Declaration declaration, FileSet files,
            FileFormat format, char delimiter, OnError onError, Map<String, String> extraOptions) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connector", "filesystem");
        options.put("path", files.root().toString());
        files.regex().ifPresent(regex -> options.put("source.path.regex-pattern", regex));
        switch (format) {
            case CSV:
                String csv = NotebookCsvFormatFactory.IDENTIFIER;
                options.put("format", csv);
                options.put(csv + ".field-delimiter", String.valueOf(delimiter));
                options.put(csv + ".header", String.valueOf(declaration.header()));
                options.put(csv + ".on-error", onError.optionValue());
                break;
            case JSON:
                options.put("format", "json");
                options.put("json.ignore-parse-errors", String.valueOf(onError == OnError.SKIP));
                break;
            default:
                options.put("format", "parquet");
                // Flink's Parquet statistics go through Hadoop's file system and its security classes,
                // which the small Hadoop set left out; the planner does without them.
                options.put("source.report-statistics", "NONE");
        }
        options.putAll(extraOptions);
        String with = options.entrySet().stream()
                .map(e -> Identifiers.literal(e.getKey()) + " = " + Identifiers.literal(e.getValue()))
                .collect(Collectors.joining(", "));
        return "CREATE " + (temporary ? "TEMPORARY " : "") + "TABLE " + Identifiers.quote(name)
                + " (" + declaration.columns() + ") WITH (" + with + ")";
    }

    private long count(String table) {
        return (Long) collect("SELECT COUNT(*) FROM " + Identifiers.quote(table), 1).get(0).getField(0);
    }

    private List<Row> collect(String query, int limit) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(query).collect()) {
            while (rows.size() < limit && it.hasNext()) {
                rows.add(it.next());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private String hint(Declaration declaration) {
        return declaration.inferred()
                ? "\n(The schema was inferred from the first " + String.format("%,d", sampleRecords)
                        + " records: declare it with --schema, or leave such rows out with --on-error skip.)"
                : "\n(Leave such rows out with --on-error skip.)";
    }

    /** Parquet needs flink-parquet and a few Hadoop jars (see magics/pom.xml): say which when they are gone. */
    private static void requireParquet() {
        try {
            FactoryUtil.discoverFactory(
                    Thread.currentThread().getContextClassLoader(), BulkReaderFormatFactory.class, "parquet");
            Class.forName("org.apache.hadoop.conf.Configuration", false, Thread.currentThread().getContextClassLoader());
        } catch (ValidationException | ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--format parquet needs org.apache.flink:flink-parquet:2.3.0 and "
                    + "Hadoop's classes (org.apache.hadoop:hadoop-common and hadoop-mapreduce-client-core) on the "
                    + "class path, and they are missing: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.toString()).lines().findFirst().orElse("");
    }

    /** The columns as in CREATE TABLE, whether CSV files have a header, and whether this was inferred. */
    record Declaration(String columns, boolean header, boolean inferred) {}
}
