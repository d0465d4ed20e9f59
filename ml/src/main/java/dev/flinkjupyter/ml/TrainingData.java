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
 * {@link #pass passes}: subtasks fold their blocks into a small aggregate that comes back to this
 * JVM. The rows themselves never do.
 *
 * <p>Without {@link #cached()}, every pass is one Flink job ({@link DataPass}) that reads the
 * table again: right for one pass. An estimator that makes many passes calls {@code cached()}:
 * the first pass then starts ONE job whose subtasks keep their share of the packed blocks in the
 * task managers' memory, and every later pass is a message to that job, not a new job
 * ({@code ResidentBlocks}, through Flink's operator coordination). When a subtask's share exceeds
 * its memory budget ({@value #HEAP_SHARE} of the heap, divided among the job's subtasks, unless
 * {@link #cached(long)} gives one), the blocks are kept instead in Flink's cache of intermediate
 * results ({@code DataStream.cache()}, on disk, one job per pass), and the results are the same.
 * {@link #close()} releases either.
 *
 * <pre>{@code
 * try (TrainingData data = TrainingData.of(table, "features", "label", null).cached()) {
 *     Sums sums = data.pass("count rows", new CountRows());
 * }
 * }</pre>
 */
public final class TrainingData implements AutoCloseable {
    /** The most rows in one {@link FeatureBlock}. */
    public static final int BLOCK_ROWS = 4096;
    /** The share of a task manager's heap that the blocks of one training job may take by default. */
    public static final double HEAP_SHARE = 0.3;

    private final String featuresCol;
    private final String labelCol;
    private final String weightCol;
    private final DataStream<RowData> rows;
    /** Made when first needed: a transformation joins every job the environment runs next. */
    private SingleOutputStreamOperator<FeatureBlock> blocks;
    /** For cached data, the most bytes of blocks per subtask (0: the default share); -1 when not cached. */
    private final long memoryBudget;
    private ResidentBlocks resident;
    private CachedDataStream<FeatureBlock> cache;
    private boolean residentRefused;
    private int passes;

    private TrainingData(String featuresCol, String labelCol, String weightCol, DataStream<RowData> rows,
            long memoryBudget) {
        this.featuresCol = featuresCol;
        this.labelCol = labelCol;
        this.weightCol = weightCol;
        this.rows = rows;
        this.memoryBudget = memoryBudget;
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
        return new TrainingData(featuresCol, labelCol, weightCol, rows, -1);
    }

    /**
     * The same data, kept for the passes after the first: in the task managers' memory when it
     * fits in the default budget, else in Flink's cache. Worth it for more than one pass; a
     * single pass is cheaper without. Close it to release the blocks.
     */
    public TrainingData cached() {
        return cached(0);
    }

    /**
     * The same data, kept in memory if every subtask's share of the blocks fits in
     * {@code bytesPerSubtask} (0: the default, {@value #HEAP_SHARE} of the heap divided among the
     * subtasks), else in Flink's cache of intermediate results.
     */
    public TrainingData cached(long bytesPerSubtask) {
        if (bytesPerSubtask < 0) {
            throw new IllegalArgumentException("a memory budget cannot be negative: " + bytesPerSubtask);
        }
        return new TrainingData(featuresCol, labelCol, weightCol, rows, bytesPerSubtask);
    }

    /** The blocks, for a caller that builds a job of its own over them. */
    public DataStream<FeatureBlock> blocks() {
        return packed();
    }

    private SingleOutputStreamOperator<FeatureBlock> packed() {
        if (blocks == null) {
            blocks = rows.transform("pack rows into blocks", TypeInformation.of(FeatureBlock.class),
                    new BlockPacker(featuresCol, labelCol, weightCol));
        }
        return blocks;
    }

    /**
     * One pass: every subtask folds its blocks into {@code aggregate}'s accumulator; the
     * accumulators are merged in subtask order. See {@link DataPass#run} for errors.
     */
    public <A extends Serializable> A pass(String jobName, AggregateFunction<FeatureBlock, A, ?> aggregate) {
        passes++;
        if (memoryBudget < 0) {
            return DataPass.run(packed(), aggregate, jobName);
        }
        if (cache == null && !residentRefused) {
            if (resident == null) {
                resident = ResidentBlocks.start(rows, featuresCol, labelCol, weightCol, memoryBudget,
                        jobName + ", then the next passes in memory");
            }
            if (resident != null) {
                try {
                    return resident.pass(aggregate);
                } catch (ResidentBlocks.Overflow overflow) {
                    resident.close();
                    resident = null;
                }
            }
            residentRefused = true;
        }
        if (cache == null) {
            cache = packed().cache();
        }
        return DataPass.run(cache, aggregate, jobName);
    }

    /** The vector column the rows came from. */
    public String featuresCol() {
        return featuresCol;
    }

    /** The label column, or null for unlabelled data. */
    public String labelCol() {
        return labelCol;
    }

    /** The weight column, or null when every row weighs 1. */
    public String weightCol() {
        return weightCol;
    }

    /** How many passes ran. */
    public int passes() {
        return passes;
    }

    /** Whether the blocks are kept in the task managers' memory (false before the first pass). */
    public boolean inMemory() {
        return resident != null;
    }

    /** Releases the kept blocks, if any. */
    @Override
    public void close() {
        if (resident != null) {
            resident.close();
        }
        if (cache != null) {
            CachedDataStream<FeatureBlock> kept = cache;
            // In the background: the release is confirmed only by the task managers' next heartbeat
            // (up to 10 s), and nothing reads these blocks again.
            CompletableFuture.runAsync(() -> {
                try {
                    kept.invalidate();
                } catch (Exception e) {
                    // Nothing to undo: a cache that cannot be released is dropped with the cluster.
                }
            });
        }
    }
}
