package dev.flinkjupyter.magics.load;

import java.util.List;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.types.Row;

/**
 * A table that {@code %load} registered, with what it found.
 *
 * @param name the table's name in the current catalog and database
 * @param files the files it reads
 * @param format their format
 * @param schema the table's columns
 * @param inferred whether the columns were inferred (rather than given with {@code --schema})
 * @param header whether a header line is skipped in each file
 * @param rows how many rows the table has
 * @param skipped how many malformed records were left out ({@code --on-error skip})
 * @param preview the first rows
 * @param ddl the {@code CREATE TABLE} statement that registered it
 */
public record LoadedTable(
        String name,
        FileSet files,
        FileFormat format,
        ResolvedSchema schema,
        boolean inferred,
        boolean header,
        long rows,
        long skipped,
        List<Row> preview,
        String ddl) {

    public LoadedTable {
        preview = List.copyOf(preview);
    }

    /** One line: {@code sales: 1,000 rows, 3 columns from /data/sales.csv (csv, header; 2 malformed rows skipped)}. */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append(name).append(": ")
                .append(String.format("%,d", rows)).append(rows == 1 ? " row, " : " rows, ")
                .append(schema.getColumnCount()).append(schema.getColumnCount() == 1 ? " column" : " columns")
                .append(" from ").append(files.pattern());
        if (files.files().size() > 1) {
            text.append(" (").append(files.files().size()).append(" files)");
        }
        text.append(" (").append(format.lowerCase());
        if (format == FileFormat.CSV) {
            text.append(header ? ", header" : ", no header");
        }
        text.append(inferred ? ", schema inferred" : ", schema given");
        if (skipped > 0) {
            text.append("; ").append(String.format("%,d", skipped))
                    .append(skipped == 1 ? " malformed row skipped" : " malformed rows skipped");
        }
        return text.append(')').toString();
    }
}
