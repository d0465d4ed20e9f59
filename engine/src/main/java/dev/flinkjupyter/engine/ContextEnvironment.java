package dev.flinkjupyter.engine;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironmentFactory;

/**
 * Makes {@link StreamExecutionEnvironment#getExecutionEnvironment()} (and the table environments
 * built on it) return environments of the current engine, from any thread.
 *
 * <p>Flink keeps the context factory in a static field and also in a thread-local of the thread that
 * installed it, which a reset from another thread cannot clear. So one fixed dispatcher is installed
 * and it forwards to whichever engine is current, or to Flink's default local environment when none is.
 */
@SuppressWarnings("try") // close() is inherited from Flink, never called on a try-with-resources here
final class ContextEnvironment extends StreamExecutionEnvironment {

    private static final AtomicReference<StreamExecutionEnvironmentFactory> CURRENT = new AtomicReference<>();

    private static final StreamExecutionEnvironmentFactory DISPATCHER = configuration -> {
        StreamExecutionEnvironmentFactory engine = CURRENT.get();
        return engine != null
                ? engine.createExecutionEnvironment(configuration)
                : StreamExecutionEnvironment.createLocalEnvironment(configuration);
    };

    private ContextEnvironment() {}

    static synchronized void install(StreamExecutionEnvironmentFactory engine) {
        CURRENT.set(engine);
        initializeContextEnvironment(DISPATCHER);
    }

    /** Stops routing to this engine if it is still the current one. */
    static void uninstall(StreamExecutionEnvironmentFactory engine) {
        CURRENT.compareAndSet(engine, null);
    }
}
