package dev.flinkjupyter.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.api.internal.TableResultImpl;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.UseOperation;
import org.apache.flink.table.operations.LoadModuleOperation;
import org.apache.flink.table.operations.UnloadModuleOperation;
import org.apache.flink.table.operations.command.AddJarOperation;
import org.apache.flink.table.operations.command.ResetOperation;
import org.apache.flink.table.operations.command.SetOperation;
import org.apache.flink.table.operations.ddl.CreateCatalogFunctionOperation;
import org.apache.flink.table.operations.ddl.CreateCatalogOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;
import org.apache.flink.table.operations.ddl.CreateTempSystemFunctionOperation;
import org.apache.flink.table.operations.ddl.CreateViewOperation;
import org.apache.flink.table.operations.ddl.DropCatalogFunctionOperation;
import org.apache.flink.table.operations.ddl.DropCatalogOperation;
import org.apache.flink.table.operations.ddl.DropTableOperation;
import org.apache.flink.table.operations.ddl.DropTempSystemFunctionOperation;
import org.apache.flink.table.operations.ddl.DropViewOperation;
import org.apache.flink.types.Row;

/**
 * Flink SQL for a notebook: scripts of several statements, run in batch or streaming mode over ONE
 * catalog.
 *
 * <p>Two table environments, one in batch and one in streaming mode, share the catalog
 * {@value #CATALOG} (an in-memory catalog): a table, view or function created in one is seen by the
 * other, permanent or temporary (temporary objects, the current catalog and database, modules and
 * settings are applied to both). The batch one is the notebook's {@code tEnv}.
 *
 * <p>In {@link SqlMode#AUTO} a statement runs in batch mode when batch mode accepts it, which it does
 * when all its sources are bounded: a file gives final rows, fast, rather than a changelog. A statement
 * batch mode refuses (an unbounded source, a processing-time window) runs in streaming mode, and the
 * {@link SqlResult} says so and why. Plan from one thread: the catalog is not thread-safe.
 *
 * <pre>{@code
 * SqlResult r = engine.sql().execute("""
 *     CREATE TABLE words (w STRING) WITH ('connector' = 'filesystem', 'path' = 'words.csv', 'format' = 'csv');
 *     SELECT w, COUNT(*) AS n FROM words GROUP BY w""");
 * }</pre>
 */
public final class SqlSession {
    /** The shared catalog and its database: Flink's usual names, so that documentation examples work. */
    public static final String CATALOG = "default_catalog";
    public static final String DATABASE = "default_database";

    private static final String BUILTIN_CATALOG = "builtin_catalog";
    private static final String RUNTIME_MODE = "execution.runtime-mode";

    private final StreamTableEnvironment batch;
    private final StreamTableEnvironment streaming;
    private final SessionSettings settings;
    private final SqlScript script;
    private volatile SqlMode mode = SqlMode.AUTO;

    private SqlSession(StreamTableEnvironment batch, StreamTableEnvironment streaming, SessionSettings settings) {
        this.batch = batch;
        this.streaming = streaming;
        this.settings = settings;
        this.script = new SqlScript(FlinkSqlLexer.of(batch));
    }

    /**
     * A session over two environments (one in BATCH, one in STREAMING runtime mode) that share a new
     * catalog. Call it on the thread that will plan SQL: the planner keeps per-thread state.
     */
    static SqlSession create(
            StreamExecutionEnvironment batchEnvironment,
            StreamExecutionEnvironment streamingEnvironment,
            ClassLoader userClassLoader,
            SessionSettings settings) {
        Catalog shared = new GenericInMemoryCatalog(CATALOG, DATABASE);
        StreamTableEnvironment batch = tableEnvironment(
                batchEnvironment, EnvironmentSettings.newInstance().inBatchMode(), userClassLoader, shared);
        StreamTableEnvironment streaming = tableEnvironment(
                streamingEnvironment, EnvironmentSettings.newInstance().inStreamingMode(), userClassLoader, shared);
        settings.attach(batch.getConfig());
        settings.attach(streaming.getConfig());
        return new SqlSession(batch, streaming, settings);
    }

    private static StreamTableEnvironment tableEnvironment(
            StreamExecutionEnvironment environment, EnvironmentSettings.Builder mode, ClassLoader loader, Catalog shared) {
        // Each environment makes a built-in catalog of its own; the shared one takes its usual name.
        StreamTableEnvironment tableEnvironment = StreamTableEnvironment.create(environment, mode
                .withBuiltInCatalogName(BUILTIN_CATALOG)
                .withClassLoader(loader)
                .build());
        tableEnvironment.registerCatalog(CATALOG, shared);
        tableEnvironment.useCatalog(CATALOG);
        tableEnvironment.useDatabase(DATABASE);
        ((TableEnvironmentInternal) tableEnvironment).getCatalogManager().unregisterCatalog(BUILTIN_CATALOG, false);
        return tableEnvironment;
    }

    /** The batch table environment: the notebook's {@code tEnv}. */
    public StreamTableEnvironment batch() {
        return batch;
    }

    /** The streaming table environment, over the same catalog. */
    public StreamTableEnvironment streaming() {
        return streaming;
    }

    /** How statements choose their runtime mode; {@link SqlMode#AUTO} at first. */
    public SqlMode mode() {
        return mode;
    }

    /** Sets how the later statements choose their runtime mode. */
    public void mode(SqlMode mode) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
    }

    /** Runs a script whose first line is line 1 of the cell; see {@link #execute(String, int)}. */
    public SqlResult execute(String sql) {
        return execute(sql, 1);
    }

    /**
     * Runs the statements of a script, separated by {@code ;}, in order, and returns the result of its
     * last query; without a query, that of its last statement with rows (SHOW, DESCRIBE, EXPLAIN),
     * else that of its last statement. A query before the last one is checked but runs no job: its
     * rows would not be shown. A bounded INSERT in batch mode is awaited, so that the next
     * statement sees its rows; a streaming one keeps running (see the jobs).
     *
     * @param firstLine the cell line of the script's first line, for the positions in errors (2 when
     *     a {@code %%sql} line precedes the script)
     * @throws SqlError when a statement fails; the statements before it took effect
     * @throws IllegalArgumentException when the script holds no statement
     */
    public SqlResult execute(String sql, int firstLine) {
        List<SqlStatement> statements = script.split(sql);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("No SQL statement to run: the cell is empty or only comments");
        }
        SqlScript.LineStarts lines = new SqlScript.LineStarts(sql);
        int lastQuery = -1;
        for (int i = 0; i < statements.size(); i++) {
            if (script.isQuery(statements.get(i))) {
                lastQuery = i;
            }
        }
        SqlResult shown = null;
        SqlResult last = null;
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            SqlResult result;
            try {
                if (i < lastQuery && script.isQuery(statement)) {
                    // Its rows would not be shown: check it, run no job for it.
                    validate(statement.text());
                    continue;
                }
                result = run(statement);
            } catch (RuntimeException e) {
                throw SqlError.of(e, statement, lines, firstLine);
            }
            if (shows(result, shown)) {
                shown = result;
            }
            last = result;
        }
        return shown != null ? shown : last;
    }

    /**
     * The table of a query, in the runtime mode this session would run it in: for a Java variable
     * of an unbounded query, say.
     *
     * @throws SqlError when the query is not valid
     */
    public Table table(String query) {
        List<SqlStatement> statements = script.split(query);
        if (statements.size() != 1) {
            throw new IllegalArgumentException("Expected one query, found " + statements.size() + " statements");
        }
        SqlStatement statement = statements.get(0);
        try {
            return validate(statement.text());
        } catch (RuntimeException e) {
            throw SqlError.of(e, statement, new SqlScript.LineStarts(query), 1);
        }
    }

    /** Plans a query in the mode this session would run it in, and returns its table; runs no job. */
    private Table validate(String query) {
        return switch (mode) {
            case BATCH -> batch.sqlQuery(query);
            case STREAMING -> streaming.sqlQuery(query);
            case AUTO -> {
                try {
                    yield batch.sqlQuery(query);
                } catch (RuntimeException batchFailure) {
                    try {
                        yield streaming.sqlQuery(query);
                    } catch (RuntimeException streamingFailure) {
                        throw isUnbounded(batchFailure) ? streamingFailure : batchFailure;
                    }
                }
            }
        };
    }

    /** The settings changed by {@code SET} or {@code %flink set}, in the order they were set. */
    public Map<String, String> settings() {
        return settings.changed();
    }

    private SqlResult run(SqlStatement statement) {
        String sql = statement.text();
        return switch (mode) {
            case BATCH -> run(statement, batch, SqlMode.BATCH, parse(batch, sql), Optional.empty());
            case STREAMING -> run(statement, streaming, SqlMode.STREAMING, parse(streaming, sql), Optional.empty());
            case AUTO -> runAuto(statement);
        };
    }

    private SqlResult runAuto(SqlStatement statement) {
        String sql = statement.text();
        Operation operation;
        try {
            operation = parse(batch, sql);
        } catch (RuntimeException batchFailure) {
            Operation streamingOperation;
            try {
                streamingOperation = parse(streaming, sql);
            } catch (RuntimeException streamingFailure) {
                // The unbounded source is not the error: streaming mode's complaint is.
                throw isUnbounded(batchFailure) ? streamingFailure : batchFailure;
            }
            return run(statement, streaming, SqlMode.STREAMING, streamingOperation, Optional.of(whyNotBatch(batchFailure)));
        }
        if (operation instanceof QueryOperation) {
            try {
                return run(statement, batch, SqlMode.BATCH, operation, Optional.of("all sources are bounded"));
            } catch (RuntimeException batchFailure) {
                // Some bounded queries plan only in streaming (a processing-time window, say).
                try {
                    return run(statement, streaming, SqlMode.STREAMING, parse(streaming, sql),
                            Optional.of(whyNotBatch(batchFailure)));
                } catch (RuntimeException streamingFailure) {
                    throw batchFailure;
                }
            }
        }
        boolean runsJob = operation instanceof ModifyOperation;
        return run(statement, batch, SqlMode.BATCH, operation,
                runsJob ? Optional.of("all sources are bounded") : Optional.empty());
    }

    private SqlResult run(
            SqlStatement statement, StreamTableEnvironment environment, SqlMode ranIn, Operation operation,
            Optional<String> reason) {
        if (operation instanceof SetOperation set) {
            return new SqlResult(set(set), statement, ranIn, Optional.empty(), false);
        }
        if (operation instanceof ResetOperation reset) {
            // RESET alone also brings the mode back to auto, like %flink reset.
            reset.getKey().ifPresentOrElse(key -> {
                if (key.equals(RUNTIME_MODE)) {
                    mode(SqlMode.AUTO);
                } else {
                    settings.reset(key);
                }
            }, () -> {
                settings.reset();
                mode(SqlMode.AUTO);
            });
            return new SqlResult(TableResultImpl.TABLE_RESULT_OK, statement, ranIn, Optional.empty(), false);
        }
        TableResult result = ((TableEnvironmentInternal) environment).executeInternal(operation);
        if (operation instanceof ModifyOperation && ranIn == SqlMode.BATCH && result.getJobClient().isPresent()) {
            try {
                result.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the INSERT ran", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the INSERT job failed: " + rootMessage(e), e);
            }
        }
        if (isPerEnvironment(operation)) {
            mirror(operation, environment == batch ? streaming : batch, environment, statement.text());
        }
        return new SqlResult(result, statement, ranIn, reason, operation instanceof QueryOperation);
    }

    /** SET: shows the changed settings, or sets one for both environments (the runtime mode sets the SQL mode). */
    private TableResult set(SetOperation set) {
        if (set.getKey().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            rows.add(Row.of(RUNTIME_MODE, mode.toString()));
            settings.changed().forEach((key, value) -> rows.add(Row.of(key, value)));
            return TableResultImpl.builder()
                    .resultKind(ResultKind.SUCCESS_WITH_CONTENT)
                    .schema(ResolvedSchema.of(
                            Column.physical("key", DataTypes.STRING()), Column.physical("value", DataTypes.STRING())))
                    .data(rows)
                    .build();
        }
        String key = set.getKey().get();
        String value = set.getValue().orElse("");
        if (key.equals(RUNTIME_MODE)) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            mode(SqlMode.parse(name.equals("automatic") ? "auto" : name));
        } else {
            settings.set(key, value);
        }
        return TableResultImpl.TABLE_RESULT_OK;
    }

    /** Statements whose effect each table environment keeps for itself rather than in the shared catalog. */
    private static boolean isPerEnvironment(Operation operation) {
        return operation instanceof UseOperation
                || operation instanceof LoadModuleOperation
                || operation instanceof UnloadModuleOperation
                || operation instanceof AddJarOperation
                || operation instanceof CreateCatalogOperation
                || operation instanceof DropCatalogOperation
                || operation instanceof CreateTempSystemFunctionOperation
                || operation instanceof DropTempSystemFunctionOperation
                || (operation instanceof CreateTableOperation o && o.isTemporary())
                || (operation instanceof CreateViewOperation o && o.isTemporary())
                || (operation instanceof CreateCatalogFunctionOperation o && o.isTemporary())
                || (operation instanceof DropTableOperation o && o.isTemporary())
                || (operation instanceof DropViewOperation o && o.isTemporary())
                || (operation instanceof DropCatalogFunctionOperation o && o.isTemporary());
    }

    /** Applies a per-environment statement to the other environment too. */
    private static void mirror(Operation operation, StreamTableEnvironment other, StreamTableEnvironment done, String sql) {
        if (operation instanceof CreateCatalogOperation create) {
            // The same catalog object, not a second one made from the same options: one set of tables.
            done.getCatalog(create.getCatalogName()).ifPresent(c -> other.registerCatalog(create.getCatalogName(), c));
            return;
        }
        try {
            ((TableEnvironmentInternal) other).executeInternal(parse(other, sql));
        } catch (RuntimeException e) {
            // A temporary view over an unbounded source cannot exist in batch mode: it stays streaming-only,
            // and AUTO runs the queries that read it in streaming mode.
        }
    }

    private static Operation parse(StreamTableEnvironment environment, String sql) {
        List<Operation> operations = ((TableEnvironmentInternal) environment).getParser().parse(sql);
        if (operations.size() != 1) {
            throw new IllegalArgumentException("Expected one statement, Flink read " + operations.size());
        }
        return operations.get(0);
    }

    /** Whether a result replaces the one shown so far: queries win over other rows, later over earlier. */
    private static boolean shows(SqlResult result, SqlResult shown) {
        if (shown == null) {
            return true;
        }
        if (result.isQuery()) {
            return true;
        }
        return !shown.isQuery() && (result.hasRows() || !shown.hasRows());
    }

    static boolean isUnbounded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("unbounded table") && message.contains("batch mode")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String whyNotBatch(Throwable batchFailure) {
        if (isUnbounded(batchFailure)) {
            return "a source is unbounded";
        }
        String message = String.valueOf(batchFailure.getMessage()).strip();
        int end = message.indexOf('\n');
        return "batch mode refused it: " + (end < 0 ? message : message.substring(0, end));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
