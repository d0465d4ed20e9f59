package dev.flinkjupyter.ml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.RichAggregateFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * One pass over bounded data as one Flink job: every parallel subtask folds its share of the
 * elements into an accumulator with Flink's {@link AggregateFunction} ({@code createAccumulator},
 * {@code add}), the job brings back only those accumulators (one per subtask, serialised, in the
 * job's result as a Flink accumulator), and they are merged here in subtask order, so that a run
 * is repeatable.
 *
 * <p>This is how training, fitting a scaler and evaluating work: the data stays in Flink; what
 * comes back is a small aggregate (sums, counts, X<sup>T</sup>X, a gradient and Hessian, a
 * histogram). The job needs batch execution (bounded input); it uses
 * {@code DataStream.fullWindowPartition().aggregate(..)} so that each subtask folds all of its elements.
 * On the local cluster an accumulator may be of any size (a test passes 32 MB); on a remote
 * cluster it travels in an RPC message, limited by {@code pekko.framesize} (10 MB by default).
 */
public final class DataPass {
    private DataPass() {
    }

    /**
     * Runs the pass and returns the merged accumulator ({@code createAccumulator()} when there
     * are no elements). A failure inside the job is rethrown with its root cause: an
     * {@link IllegalArgumentException} raised by the aggregate (bad data) arrives as itself.
     *
     * @param data the elements, bounded
     * @param aggregate folds elements into an accumulator; its {@code getResult} is not used
     * @param jobName the name of the job in the Flink web UI
     */
    public static <T, A extends Serializable> A run(DataStream<T> data, AggregateFunction<T, A, ?> aggregate,
            String jobName) {
        // The partial accumulators come back as a Flink accumulator in the job's result, not through a
        // collect sink: no extra sink task, and no wait for a result fetcher that polls every 100 ms.
        String accumulatorName = "partial aggregates " + UUID.randomUUID();
        data.fullWindowPartition()
                .aggregate(new Partial<>(aggregate, accumulatorName))
                .returns(Types.INT)
                .name(jobName + ": partial aggregates")
                .sinkTo(new DiscardingSink<>())
                .name(jobName + ": done");
        List<Tuple2<Integer, byte[]>> collected;
        try {
            // executeAsync and wait on the client: execute() would return no accumulators when the
            // environment is detached (execution.attached=false, the default outside a local environment).
            JobClient client = data.getExecutionEnvironment().executeAsync(jobName);
            JobExecutionResult result = client.getJobExecutionResult().get();
            List<Tuple2<Integer, byte[]>> partials = result.getAccumulatorResult(accumulatorName);
            collected = partials == null ? new ArrayList<>() : new ArrayList<>(partials);
        } catch (Exception e) {
            throw failure(jobName, e);
        }
        collected.sort(Comparator.comparing(t -> t.f0));
        A result = aggregate.createAccumulator();
        boolean first = true;
        for (Tuple2<Integer, byte[]> partial : collected) {
            A acc = deserialize(partial.f1);
            result = first ? acc : aggregate.merge(result, acc);
            first = false;
        }
        return result;
    }

    /**
     * Folds one subtask's elements and hands (subtask index, serialised accumulator) to the job's
     * accumulator of that name. It runs in Flink's partition aggregate operator, in the task
     * thread: an exception from the aggregate fails the job, never the JVM (which a failure inside
     * {@code mapPartition}'s separate thread would).
     */
    private static final class Partial<T, A extends Serializable> extends RichAggregateFunction<T, A, Integer> {
        private final AggregateFunction<T, A, ?> aggregate;
        private final String accumulatorName;

        Partial(AggregateFunction<T, A, ?> aggregate, String accumulatorName) {
            this.aggregate = aggregate;
            this.accumulatorName = accumulatorName;
        }

        @Override
        public A createAccumulator() {
            return aggregate.createAccumulator();
        }

        @Override
        public A add(T value, A acc) {
            return aggregate.add(value, acc);
        }

        @Override
        public Integer getResult(A acc) {
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            ListAccumulator<Tuple2<Integer, byte[]>> partial = new ListAccumulator<>();
            partial.add(Tuple2.of(subtask, serialize(acc)));
            getRuntimeContext().addAccumulator(accumulatorName, partial);
            return subtask;
        }

        @Override
        public A merge(A a, A b) {
            return aggregate.merge(a, b);
        }
    }

    static byte[] serialize(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise an accumulator of " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <A> A deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                try {
                    return Class.forName(desc.getName(), false, loader != null ? loader : DataPass.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (A) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read back an accumulator", e);
        }
    }

    /** The job's root cause, as itself when it is a user error, else wrapped with the job's name. */
    static RuntimeException failure(String jobName, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException iae) {
            return new IllegalArgumentException(iae.getMessage(), e);
        }
        return new IllegalStateException("the Flink job '" + jobName + "' failed: " + root, e);
    }
}
