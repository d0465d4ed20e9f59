package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.Head;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.RenderContext;
import dev.flinkjupyter.display.Renderer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * The result of {@code executeSql} or {@code execute()}: the statement's answer ({@code OK} for
 * DDL), the job an INSERT started, or the rows of a query under its schema. Rows are collected up
 * to the row limit plus one, then the iterator is closed, which cancels a job still running: an
 * unbounded query shows its first rows and ends.
 */
final class TableResultRenderer implements Renderer<TableResult> {

    @Override
    public MimeBundle render(TableResult result, RenderContext context) {
        if (result.getResultKind() == ResultKind.SUCCESS) {
            return MimeBundle.text("OK");
        }
        ResolvedSchema schema = result.getResolvedSchema();
        if (result.getJobClient().isPresent() && isInsertResult(schema)) {
            return MimeBundle.text(describeInsert(result.getJobClient().get(), schema.getColumnNames()));
        }
        return SchemaTable.render(schema, collect(result, context.maxRows()));
    }

    /** The first rows, at most {@code limit} plus one read; the iterator is closed in every case. */
    static Head<Row> collect(TableResult result, int limit) {
        try (CloseableIterator<Row> rows = result.collect()) {
            return Head.of(rows, limit);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the result of the query: " + e.getMessage(), e);
        }
    }

    /**
     * An INSERT's result has one BIGINT column per sink, named after it, whose row only comes
     * when the job ends: never collect it, an unbounded INSERT would never answer.
     */
    static boolean isInsertResult(ResolvedSchema schema) {
        List<DataType> types = schema.getColumnDataTypes();
        return !types.isEmpty()
                && types.stream().allMatch(t -> t.getLogicalType().is(LogicalTypeRoot.BIGINT))
                && schema.getColumnNames().stream().allMatch(TableResultRenderer::isSinkName);
    }

    /** {@code catalog.database.table}, or an anonymous sink's {@code *anonymous_...*}. */
    private static boolean isSinkName(String name) {
        return name.startsWith("*anonymous") || name.split("\\.", -1).length == 3;
    }

    private static String describeInsert(JobClient job, List<String> sinks) {
        String status;
        try {
            status = job.getJobStatus().get(2, TimeUnit.SECONDS).toString();
        } catch (Exception e) {
            status = "status unknown";
        }
        return "Job " + job.getJobID() + " writes to " + String.join(", ", sinks) + ": " + status;
    }
}
