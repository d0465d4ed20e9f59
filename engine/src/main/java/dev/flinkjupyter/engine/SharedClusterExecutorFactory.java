package dev.flinkjupyter.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;

/**
 * Flink finds executors by {@code execution.target} through {@code META-INF/services}; this one
 * answers to {@value #NAME} and hands out the executor of the engine named by {@link #ENGINE_ID} in
 * the job's configuration. Flink instantiates it reflectively, hence the registry of live engines.
 */
public final class SharedClusterExecutorFactory implements PipelineExecutorFactory {

    public static final String NAME = "flink-jupyter-shared-cluster";

    static final ConfigOption<String> ENGINE_ID = ConfigOptions.key("flink-jupyter.engine-id")
            .stringType()
            .noDefaultValue()
            .withDescription("Which flink-jupyter engine's cluster runs the job.");

    private static final Map<String, LocalCluster> CLUSTERS = new ConcurrentHashMap<>();

    static void register(String engineId, LocalCluster cluster) {
        CLUSTERS.put(engineId, cluster);
    }

    static void unregister(String engineId) {
        CLUSTERS.remove(engineId);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isCompatibleWith(Configuration configuration) {
        return NAME.equalsIgnoreCase(configuration.get(DeploymentOptions.TARGET));
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        String engineId = configuration.get(ENGINE_ID);
        LocalCluster cluster = engineId == null ? null : CLUSTERS.get(engineId);
        if (cluster == null) {
            throw new IllegalStateException(
                    "This environment belongs to a Flink engine that is closed; use the current env / tEnv.");
        }
        return new SharedClusterExecutor(cluster);
    }
}
