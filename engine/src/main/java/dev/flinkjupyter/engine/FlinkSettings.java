package dev.flinkjupyter.engine;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.ResourceManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;

/** The Flink configuration an engine derives from its {@link EngineOptions}: one for the cluster, one for environments. */
final class FlinkSettings {

    /** Everything that listens does so on loopback only: a notebook's cluster is not a network service. */
    static final String LOOPBACK = "127.0.0.1";

    private FlinkSettings() {}

    static Configuration forCluster(EngineOptions options) {
        Configuration config = new Configuration();
        String tmp = options.tempDirectory().toString();
        config.set(CoreOptions.TMP_DIRS, tmp);
        config.set(WebOptions.TMP_DIR, tmp);
        config.set(RestOptions.ADDRESS, LOOPBACK);
        config.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        config.set(RestOptions.BIND_PORT, "0"); // a free port: several kernels run side by side
        config.set(JobManagerOptions.ADDRESS, LOOPBACK);
        config.set(JobManagerOptions.BIND_HOST, LOOPBACK); // the blob server binds here
        config.set(TaskManagerOptions.HOST, LOOPBACK);
        config.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, options.taskSlots());
        config.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
        // No Kerberos or Hadoop tokens in a notebook; the token manager only warns that it found none.
        config.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, false);
        // The slot manager gathers slot requests for 50 ms before it serves them, to spare big clusters
        // repeated allocations. With one task manager there is nothing to gather, and every job waited
        // up to those 50 ms for its first slots: serve them at once.
        config.set(ResourceManagerOptions.REQUIREMENTS_CHECK_DELAY, Duration.ZERO);
        config.addAll(Configuration.fromMap(options.flinkConfiguration()));
        return config;
    }

    /** Base of every environment the engine hands out: attached jobs on this engine's shared cluster. */
    static Configuration forEnvironments(EngineOptions options, String engineId) {
        Configuration config = new Configuration();
        config.set(DeploymentOptions.TARGET, SharedClusterExecutorFactory.NAME);
        config.set(DeploymentOptions.ATTACHED, true);
        config.set(SharedClusterExecutorFactory.ENGINE_ID, engineId);
        config.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
        config.addAll(Configuration.fromMap(options.flinkConfiguration()));
        return config;
    }
}
