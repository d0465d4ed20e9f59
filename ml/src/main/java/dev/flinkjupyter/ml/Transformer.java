package dev.flinkjupyter.ml;

import org.apache.flink.table.api.Table;

/**
 * Turns tables into tables, computed by Flink: {@code transform} only builds the query, so
 * nothing runs until the result is used (displayed, collected, inserted).
 *
 * @param <T> the implementing class
 */
public interface Transformer<T extends Transformer<T>> extends Stage<T> {
    /** The output tables: most transformers take one table and give it back with columns added. */
    Table[] transform(Table... inputs);
}
