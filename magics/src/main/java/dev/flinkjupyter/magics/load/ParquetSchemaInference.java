package dev.flinkjupyter.magics.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The columns of a Parquet file, from the schema in its footer (no data is read): each flat
 * column as the Flink SQL type Flink's Parquet reader produces for it, NOT NULL when required.
 */
public final class ParquetSchemaInference {

    private ParquetSchemaInference() {}

    /**
     * The column list of {@code CREATE TABLE} for {@code file}.
     *
     * @throws IllegalArgumentException for a nested column (give {@code --schema} then) or a file
     *     that is not Parquet
     */
    public static String infer(Path file) throws IOException {
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            schema = reader.getFooter().getFileMetaData().getSchema();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a Parquet file: " + file + " (" + e.getMessage() + ")", e);
        }
        List<String> columns = new ArrayList<>();
        for (Type field : schema.getFields()) {
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                throw new IllegalArgumentException("Column " + field.getName() + " of " + file
                        + " is nested; give the columns with --schema (ROW<...>, ARRAY<...>, MAP<...>)");
            }
            String type = sqlType(field.asPrimitiveType());
            boolean required = field.isRepetition(Type.Repetition.REQUIRED);
            columns.add(Identifiers.quote(field.getName()) + " " + type + (required ? " NOT NULL" : ""));
        }
        return String.join(", ", columns);
    }

    static String sqlType(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return "DECIMAL(" + decimal.getPrecision() + ", " + decimal.getScale() + ")";
        }
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return "BOOLEAN";
            case INT32:
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return "DATE";
                }
                if (logical instanceof IntLogicalTypeAnnotation ints && ints.getBitWidth() < 32) {
                    return ints.getBitWidth() == 8 ? "TINYINT" : "SMALLINT";
                }
                return "INT";
            case INT64:
                if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
                    int precision = switch (timestamp.getUnit()) {
                        case MILLIS -> 3;
                        case MICROS -> 6;
                        case NANOS -> 9;
                    };
                    return (timestamp.isAdjustedToUTC() ? "TIMESTAMP_LTZ(" : "TIMESTAMP(") + precision + ")";
                }
                return "BIGINT";
            case INT96:
                return "TIMESTAMP(9)"; // the legacy timestamp, as Flink itself writes by default
            case FLOAT:
                return "FLOAT";
            case DOUBLE:
                return "DOUBLE";
            case BINARY:
                return logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                        ? "STRING"
                        : "BYTES";
            default:
                return "BYTES";
        }
    }
}
