package dev.flinkjupyter.ml;

import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableImpl;

/** Where a table's data passes run: the {@link StreamTableEnvironment} the table belongs to. */
public final class TableStreams {
    private TableStreams() {
    }

    /**
     * The environment of a table, which training jobs run on (the notebook's {@code tEnv} and its
     * cluster). A table of a plain {@code TableEnvironment} cannot become a DataStream: the error
     * says so.
     */
    public static StreamTableEnvironment environmentOf(Table table) {
        if (!(table instanceof TableImpl impl)) {
            throw new IllegalArgumentException("cannot tell the environment of a " + table.getClass().getName());
        }
        TableEnvironment env = impl.getTableEnvironment();
        if (!(env instanceof StreamTableEnvironment streamEnv)) {
            throw new IllegalArgumentException("training needs a table of a StreamTableEnvironment (the notebook's"
                    + " tEnv, or StreamTableEnvironment.create(env)); this one comes from a "
                    + env.getClass().getSimpleName());
        }
        return streamEnv;
    }
}
