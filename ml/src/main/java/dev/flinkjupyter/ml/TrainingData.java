package dev.flinkjupyter.ml;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.CachedDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;

/**
 * The rows an estimator trains on, as a bounded stream of {@link FeatureBlock}s in Flink, read by
 * {@link #pass passes}: each pass is one Flink job ({@link DataPass}) whose subtasks fold their
 * blocks into a small aggregate that comes back to this JVM. The rows themselves never do.
 *
 * <p>Every pass reads the table again, unless the estimator calls {@link #cached()}: the first
 * pass then also keeps the packed blocks in the cluster (Flink's {@code DataStream.cache()}, an
 * intermediate result of the batch job that later jobs read instead of the source), and
 * {@link #close()} releases them. On the kernel's engine this needs its executor to report the
 * cached results (it does); a plain local environment starts a cluster per job and so makes the
 * blocks again every pass, which is correct, only slower.
 *
 * <pre>{@code
 * TrainingData data = TrainingData.of(table, "features", "label", null);
 * Sums sums = data.pass("count rows", new CountRows());
 * }</pre>
 */
public final class TrainingData implements AutoCloseable {
    /** The most rows in one {@link FeatureBlock}. */
    public static final int BLOCK_ROWS = 4096;

    private final String name;
    private final DataStream<FeatureBlock> blocks;
    private final CachedDataStream<FeatureBlock> cache;
    private int passes;

    private TrainingData(String name, DataStream<FeatureBlock> blocks) {
        this(name, blocks, null);
    }

    private TrainingData(String name, DataStream<FeatureBlock> blocks, CachedDataStream<FeatureBlock> cache) {
        this.name = name;
        this.blocks = blocks;
        this.cache = cache;
    }

    /**
     * The training rows of a table. The columns are checked now: the features column must be a
     * vector ({@code ARRAY<DOUBLE>}), the label and the weight columns numeric; errors name the
     * columns of the table and their types. Rows with a null label or weight, or a null or
     * wrongly sized vector, fail the first pass with an error naming the column.
     *
     * @param table the data, bounded
     * @param featuresCol the vector column
     * @param labelCol the label column, or null for unlabelled data (labels are then 0)
     * @param weightCol the weight column, or null to weigh every row 1
     */
    public static TrainingData of(Table table, String featuresCol, String labelCol, String weightCol) {
        InputColumns.requireVector(table, "features", featuresCol);
        if (labelCol != null) {
            InputColumns.requireNumeric(table, "label", labelCol);
        }
        if (weightCol != null) {
            InputColumns.requireNumeric(table, "weight", weightCol);
        }
        StreamTableEnvironment tEnv = TableStreams.environmentOf(table);
        Table selected = table.select(
                $(featuresCol).cast(Vectors.TYPE).as("f"),
                labelCol == null ? lit(0.0).as("l") : $(labelCol).cast(DataTypes.DOUBLE()).as("l"),
                weightCol == null ? lit(1.0).as("w") : $(weightCol).cast(DataTypes.DOUBLE()).as("w"));
        // The runtime's internal rows, not Row: the packer copies their doubles without boxing.
        DataStream<RowData> rows = tEnv.toDataStream(selected,
                selected.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class));
        SingleOutputStreamOperator<FeatureBlock> blocks = rows.transform("pack rows into blocks",
                TypeInformation.of(FeatureBlock.class), new BlockPacker(featuresCol, labelCol, weightCol));
        return new TrainingData(featuresCol, blocks);
    }

    /**
     * The same data, kept in the cluster by the first pass for the passes after it. Worth it for
     * more than one pass; a single pass is cheaper without. Close it to release the blocks.
     */
    public TrainingData cached() {
        if (cache != null) {
            return this;
        }
        if (!(blocks instanceof SingleOutputStreamOperator<FeatureBlock> operator)) {
            throw new IllegalStateException("cannot cache these blocks");
        }
        CachedDataStream<FeatureBlock> cached = operator.cache();
        return new TrainingData(name, cached, cached);
    }

    /** The blocks, for a caller that builds a job of its own over them. */
    public DataStream<FeatureBlock> blocks() {
        return blocks;
    }

    /**
     * One pass: a Flink job that folds every block into {@code aggregate}'s accumulator, one per
     * subtask, merged in subtask order. See {@link DataPass#run}.
     */
    public <A extends Serializable> A pass(String jobName, AggregateFunction<FeatureBlock, A, ?> aggregate) {
        passes++;
        return DataPass.run(blocks, aggregate, jobName);
    }

    /** How many passes ran. */
    public int passes() {
        return passes;
    }

    /** Releases the cached blocks, if any. */
    @Override
    public void close() {
        if (cache != null) {
            // In the background: the release is confirmed only by the task managers' next heartbeat
            // (up to 10 s), and nothing reads these blocks again.
            CompletableFuture.runAsync(() -> {
                try {
                    cache.invalidate();
                } catch (Exception e) {
                    // Nothing to undo: a cache that cannot be released is dropped with the cluster.
                }
            });
        }
    }
}
