package dev.flinkjupyter.magics.load;

/**
 * One column of an inferred schema.
 *
 * @param name the column name (from the header, or {@code c1}, {@code c2}, ... without one)
 * @param type the narrowest type that reads every sampled value
 * @param nullable whether the sample had an empty value in this column
 */
public record InferredColumn(String name, ColumnType type, boolean nullable) {

    /** The column as written in {@code CREATE TABLE}: {@code `name` BIGINT NOT NULL}. */
    public String ddl() {
        return Identifiers.quote(name) + " " + type.sql() + (nullable ? "" : " NOT NULL");
    }
}
