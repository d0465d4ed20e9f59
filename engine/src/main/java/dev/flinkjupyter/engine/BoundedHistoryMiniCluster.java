package dev.flinkjupyter.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.blob.BlobServer;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.dispatcher.MemoryArchivedApplicationStore;
import org.apache.flink.runtime.entrypoint.component.DispatcherResourceManagerComponent;
import org.apache.flink.runtime.heartbeat.HeartbeatServices;
import org.apache.flink.runtime.metrics.MetricRegistry;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.rpc.FatalErrorHandler;
import org.apache.flink.runtime.security.token.DelegationTokenManager;
import org.apache.flink.runtime.webmonitor.retriever.MetricQueryServiceRetriever;
import org.apache.flink.util.concurrent.FutureUtils;

/**
 * A MiniCluster that remembers at most a given number of finished jobs.
 *
 * <p>Flink 2.3's MiniCluster keeps every finished job (its archived graph, accumulators included)
 * for as long as it runs and ignores the job store options; a kernel runs for hours. This subclass
 * only swaps the archive for one with a maximum size; everything else is what MiniCluster builds.
 */
@SuppressWarnings("try") // close() is inherited from Flink, never called on a try-with-resources here
final class BoundedHistoryMiniCluster extends MiniCluster {

    private final int maxFinishedJobs;

    BoundedHistoryMiniCluster(MiniClusterConfiguration configuration, int maxFinishedJobs) {
        super(configuration);
        this.maxFinishedJobs = maxFinishedJobs;
    }

    @Override
    protected Collection<? extends DispatcherResourceManagerComponent> createDispatcherResourceManagerComponents(
            Configuration configuration,
            RpcServiceFactory rpcServiceFactory,
            BlobServer blobServer,
            HeartbeatServices heartbeatServices,
            DelegationTokenManager delegationTokenManager,
            MetricRegistry metricRegistry,
            MetricQueryServiceRetriever metricQueryServiceRetriever,
            FatalErrorHandler fatalErrorHandler)
            throws Exception {
        // Zero expiration: entries leave only when the archive is full. No cleanup executor needed then.
        var archive = new MemoryArchivedApplicationStore(Duration.ZERO, maxFinishedJobs, null, null);
        DispatcherResourceManagerComponent component = createDispatcherResourceManagerComponentFactory().create(
                configuration,
                ResourceID.generate(),
                getIOExecutor(),
                rpcServiceFactory.createRpcService(),
                getHaServices(),
                blobServer,
                heartbeatServices,
                delegationTokenManager,
                metricRegistry,
                archive,
                metricQueryServiceRetriever,
                Set.of(),
                fatalErrorHandler);
        // As in MiniCluster: when the dispatcher asks to shut down, stop the application.
        FutureUtils.assertNoException(component.getShutDownFuture()
                .thenCompose(status -> component.stopApplication(status, null)));
        return Set.of(component);
    }
}
