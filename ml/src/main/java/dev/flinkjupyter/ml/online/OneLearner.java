package dev.flinkjupyter.ml.online;

import dev.flinkjupyter.ml.TableStreams;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;

/**
 * How an online estimator runs: the columns it reads are selected in parallel, then every row
 * goes to one key, so that one subtask learns (online updates are sequential) with the model in
 * Flink keyed state, which a checkpointed job restores.
 */
public final class OneLearner implements KeySelector<Row, Integer> {

    private OneLearner() {
    }

    /**
     * The stream of versions that {@code learner} emits from the table's rows.
     *
     * @param table the training rows, bounded or not
     * @param columns what the learner reads of each row, in order
     * @param learner the learning step, called for every row with the model's state
     * @param versionType the class of the versions it emits
     * @param name the operator's name in the Flink web UI
     */
    public static <V> DataStream<V> learn(Table table, Expression[] columns,
            KeyedProcessFunction<Integer, Row, V> learner, Class<V> versionType, String name) {
        return TableStreams.environmentOf(table).toDataStream(table.select(columns))
                .keyBy(new OneLearner())
                .process(learner)
                .returns(TypeInformation.of(versionType))
                .setParallelism(1)
                .name(name);
    }

    /** The one key, 0. */
    @Override
    public Integer getKey(Row row) {
        return 0;
    }
}
