package dev.flinkjupyter.ml;

import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.bridge.java.internal.StreamTableEnvironmentImpl;
import org.apache.flink.types.Row;

/**
 * Table environments for tests: Flink's plain local environment in batch mode (a local cluster
 * job, about a second each).
 */
public final class TestFlink {
    private TestFlink() {
    }

    /**
     * A table of these rows, through a DataStream: {@code fromValues} plans one union input per
     * row, and a job over a thousand of them runs out of network buffers.
     */
    public static Table table(StreamTableEnvironment tEnv, RowTypeInfo type, List<Row> rows) {
        StreamExecutionEnvironment env = ((StreamTableEnvironmentImpl) tEnv).execEnv();
        return tEnv.fromDataStream(env.fromData(rows, type));
    }

    /** A batch-mode table environment at this parallelism. */
    public static StreamTableEnvironment tableEnvironment(int parallelism) {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        return StreamTableEnvironment.create(env, EnvironmentSettings.newInstance().inBatchMode().build());
    }
}
