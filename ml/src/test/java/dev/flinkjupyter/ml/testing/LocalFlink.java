package dev.flinkjupyter.ml.testing;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * One local Flink cluster for the tests (and the benchmark) of this JVM, like the kernel's: a
 * plain local environment would start a cluster per job, and training runs a job per pass.
 * Environments submit to it through its REST address on loopback.
 */
public final class LocalFlink {
    private static MiniCluster cluster;
    private static final java.util.Map<StreamTableEnvironment, StreamExecutionEnvironment> ENVIRONMENTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private LocalFlink() {
    }

    /** A batch-mode table environment at this parallelism. */
    public static StreamTableEnvironment batch(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism, RuntimeExecutionMode.BATCH);
        return register(env, StreamTableEnvironment.create(env, EnvironmentSettings.newInstance().inBatchMode().build()));
    }

    /** A streaming table environment at this parallelism. */
    public static StreamTableEnvironment streaming(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism, RuntimeExecutionMode.STREAMING);
        return register(env,
                StreamTableEnvironment.create(env, EnvironmentSettings.newInstance().inStreamingMode().build()));
    }

    /** The stream environment of a table environment made here. */
    public static StreamExecutionEnvironment environmentOf(StreamTableEnvironment tEnv) {
        StreamExecutionEnvironment env = ENVIRONMENTS.get(tEnv);
        if (env == null) {
            throw new IllegalArgumentException("this table environment was not made by LocalFlink");
        }
        return env;
    }

    private static StreamTableEnvironment register(StreamExecutionEnvironment env, StreamTableEnvironment tEnv) {
        ENVIRONMENTS.put(tEnv, env);
        return tEnv;
    }

    /** An environment on the shared cluster. */
    public static StreamExecutionEnvironment environment(int parallelism, RuntimeExecutionMode mode) {
        Configuration config = new Configuration();
        config.set(DeploymentOptions.TARGET, "remote");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.PORT, cluster().getRestAddress().join().getPort());
        config.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(config);
        env.setParallelism(parallelism);
        return env;
    }

    private static synchronized MiniCluster cluster() {
        if (cluster == null) {
            Configuration config = new Configuration();
            config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
            config.set(RestOptions.ADDRESS, "127.0.0.1");
            config.set(RestOptions.PORT, 0);
            config.set(TaskManagerOptions.NUM_TASK_SLOTS, 8);
            MiniCluster started = new MiniCluster(new MiniClusterConfiguration.Builder()
                    .setConfiguration(config).setNumTaskManagers(1).setNumSlotsPerTaskManager(8).build());
            try {
                started.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the local Flink cluster", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    // the JVM is ending anyway
                }
            }));
            cluster = started;
        }
        return cluster;
    }
}
