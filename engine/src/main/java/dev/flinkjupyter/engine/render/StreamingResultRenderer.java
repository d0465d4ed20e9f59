package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.LiveRenderer;
import dev.flinkjupyter.display.LiveValue;
import dev.flinkjupyter.display.RenderContext;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobID;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableResult;

/**
 * Shows the rows of a streaming query live ({@link Live#table(TableResult)}): its changelog is
 * applied as it arrives, and an unbounded query keeps updating until it is interrupted. A batch
 * query's result is final and bounded: it is drawn once, as a table, like any other.
 */
public final class StreamingResultRenderer implements LiveRenderer<TableResult> {
    private final Predicate<JobID> isStreaming;

    /** @param isStreaming whether a job of the engine's cluster runs in streaming mode */
    public StreamingResultRenderer(Predicate<JobID> isStreaming) {
        this.isStreaming = isStreaming;
    }

    @Override
    public Optional<LiveValue> live(TableResult result, RenderContext context) {
        if (result.getResultKind() != ResultKind.SUCCESS_WITH_CONTENT
                || result.getJobClient().isEmpty()
                || TableResultRenderer.isInsertResult(result.getResolvedSchema())
                || !isStreaming.test(result.getJobClient().get().getJobID())) {
            return Optional.empty();
        }
        return Optional.of(Live.table(result));
    }
}
