package dev.flinkjupyter.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * How many records each job of the engine's cluster has read from its sources and delivered to
 * its sinks, counted live: a Flink metric reporter that keeps the operators' own record counters.
 *
 * <p>Flink's REST API serves the same numbers, but only as often as its metric fetcher runs (every
 * 10 s by default), and a chained task (source, map and sink in one) reports no records in or out
 * there at all. The operators' counters, held here, are exact at any moment, also after a task
 * finished. A source operator is named {@code Source: ...} (or registers a source reader's
 * metrics); a sink is named {@code Sink: ...} or {@code ...: Writer} (or registers a sink writer's).
 */
public final class RecordCounters implements MetricReporter {

    /** Creates the reporter; Flink finds it through {@code META-INF/services}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new RecordCounters();
        }
    }

    /** Records read by a job's sources and received by its sinks so far. */
    record Records(long in, long out) {
        static final Records NONE = new Records(0, 0);
    }

    private static final String NAME = "flink-jupyter-records";
    private static final String ENGINE_ID = "engine-id";
    private static final int MAX_JOBS = 200;
    private static final Map<String, RecordCounters> BY_ENGINE = new ConcurrentHashMap<>();

    private String engineId;
    private final Map<String, JobCounters> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JobCounters> eldest) {
            return size() > MAX_JOBS; // jobs nobody asked about must not pile up
        }
    };

    /** Adds this reporter, for the engine {@code engineId}, to a cluster configuration. */
    static void addTo(Configuration cluster, String engineId) {
        cluster.setString("metrics.reporter." + NAME + ".factory.class", Factory.class.getName());
        cluster.setString("metrics.reporter." + NAME + "." + ENGINE_ID, engineId);
    }

    /** The reporter of an engine's cluster, once the cluster runs. */
    static Optional<RecordCounters> of(String engineId) {
        return Optional.ofNullable(BY_ENGINE.get(engineId));
    }

    @Override
    public void open(MetricConfig config) {
        engineId = config.getString(ENGINE_ID, null);
        if (engineId != null) {
            BY_ENGINE.put(engineId, this);
        }
    }

    @Override
    public void close() {
        if (engineId != null) {
            BY_ENGINE.remove(engineId, this);
        }
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        Map<String, String> variables = group.getAllVariables();
        String job = variables.get("<job_id>");
        String operator = variables.get("<operator_id>");
        if (job == null || operator == null) {
            return; // not an operator's metric
        }
        String operatorName = variables.getOrDefault("<operator_name>", "");
        // a restarted task registers new counters: they replace the old attempt's
        String instance = operator + "#" + variables.get("<subtask_index>");
        synchronized (this) {
            JobCounters counters = jobs.computeIfAbsent(job, id -> new JobCounters());
            switch (name) {
                case "numRecordsOut" -> counters.out.put(instance, new Named(operator, operatorName, (Counter) metric));
                case "numRecordsIn" -> counters.in.put(instance, new Named(operator, operatorName, (Counter) metric));
                case "numRecordsInErrors", "sourceIdleTime" -> counters.sources.add(operator);
                case "numRecordsSend" -> counters.sinks.add(operator);
                default -> {
                }
            }
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // A finished task's counters keep their last value: they stay until the job is forgotten.
    }

    /** The records of a job so far; none when its tasks have not registered yet. */
    synchronized Records of(JobID job) {
        JobCounters counters = jobs.get(job.toHexString());
        if (counters == null) {
            return Records.NONE;
        }
        long in = 0;
        for (Named n : counters.out.values()) {
            if (n.name.startsWith("Source: ") || counters.sources.contains(n.operator)) {
                in += n.counter.getCount();
            }
        }
        long out = 0;
        for (Named n : counters.in.values()) {
            if (n.name.startsWith("Sink: ") || n.name.endsWith(": Writer") || counters.sinks.contains(n.operator)) {
                out += n.counter.getCount();
            }
        }
        return new Records(in, out);
    }

    /** Drops the counters of a job that ended and was reported. */
    synchronized void forget(JobID job) {
        jobs.remove(job.toHexString());
    }

    private record Named(String operator, String name, Counter counter) {
    }

    private static final class JobCounters {
        final Map<String, Named> in = new HashMap<>();
        final Map<String, Named> out = new HashMap<>();
        final Set<String> sources = new HashSet<>();
        final Set<String> sinks = new HashSet<>();
    }
}
