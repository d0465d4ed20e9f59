package dev.flinkjupyter.magics.load;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns inferred for a file, and whether its first line is a header.
 *
 * @param columns the columns in file order
 * @param header whether the first record of each file holds the column names
 */
public record InferredSchema(List<InferredColumn> columns, boolean header) {

    public InferredSchema {
        columns = List.copyOf(columns);
    }

    /** The column list of {@code CREATE TABLE}: {@code `id` BIGINT NOT NULL, `name` STRING}. */
    public String ddl() {
        return columns.stream().map(InferredColumn::ddl).collect(Collectors.joining(", "));
    }
}
