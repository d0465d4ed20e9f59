package dev.flinkjupyter.magics.load;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The stream format behind {@link NotebookCsvFormatFactory}: records split from the file's bytes
 * by a {@link CsvRecordScanner} (the rules of the Jackson parser that inferred the schema), fields
 * parsed straight into the table runtime's values, read through a {@link CsvRecordReader} that
 * knows line numbers. A file is not split (a record may span lines), as with Flink's own CSV format.
 */
final class CsvRecordFormat extends SimpleStreamFormat<RowData> {

    private static final long serialVersionUID = 1L;

    private final CsvDialect dialect;
    private final RowType fileRowType;
    private final RowType producedRowType;
    private final TypeInformation<RowData> producedType;
    private final OnError onError;
    private final boolean checkAllColumns;

    /**
     * @param fileRowType every column of the file, in order (positions in a record)
     * @param producedRowType the columns the query reads (by name), a subset of the file's
     * @param checkAllColumns whether every column is converted, not only those the query reads
     */
    CsvRecordFormat(
            CsvDialect dialect,
            RowType fileRowType,
            RowType producedRowType,
            TypeInformation<RowData> producedType,
            OnError onError,
            boolean checkAllColumns) {
        this.dialect = dialect;
        this.fileRowType = fileRowType;
        this.producedRowType = producedRowType;
        this.producedType = producedType;
        this.onError = onError;
        this.checkAllColumns = checkAllColumns;
    }

    @Override
    public StreamFormat.Reader<RowData> createReader(Configuration config, FSDataInputStream stream)
            throws IOException {
        // Converting every column makes a record malformed the same way for every query, COUNT(*)
        // included; converting only the query's columns is what Flink's csv format does, and costs less.
        String[] fileColumns = fileRowType.getFieldNames().toArray(String[]::new);
        List<String> producedColumns = producedRowType.getFieldNames();
        int[] convert = IntStream.range(0, fileColumns.length)
                .filter(i -> checkAllColumns || producedColumns.contains(fileColumns[i]))
                .toArray();
        CsvColumnParser[] parsers = new CsvColumnParser[convert.length];
        boolean[] notNull = new boolean[convert.length];
        int[] outputPosition = new int[convert.length];
        for (int i = 0; i < convert.length; i++) {
            LogicalType type = fileRowType.getTypeAt(convert[i]);
            parsers[i] = CsvColumnParser.of(fileColumns[convert[i]], type);
            notNull[i] = !type.isNullable();
            outputPosition[i] = producedColumns.indexOf(fileColumns[convert[i]]);
        }
        return new CsvRecordReader(new CsvRecordScanner(stream, dialect.delimiter()), dialect.header(), fileColumns,
                convert, parsers, notNull, outputPosition, producedColumns.size(), onError);
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }
}
