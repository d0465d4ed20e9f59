package dev.flinkjupyter.magics.load;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.formats.common.Converter;
import org.apache.flink.formats.csv.CsvRowSchemaConverter;
import org.apache.flink.formats.csv.CsvToRowDataConverters;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * The stream format behind {@link NotebookCsvFormatFactory}: Flink's Jackson CSV parsing and
 * Flink's CSV-to-row converters, read through a {@link CsvRecordReader} that knows line numbers.
 * A file is not split (a record may span lines), as with Flink's own CSV format.
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
        CsvSchema schema = dialect.apply(CsvRowSchemaConverter.convert(fileRowType));
        // Never lenient: OnError decides what a malformed record does. Converting every column makes
        // a record malformed the same way for every query, COUNT(*) included; converting only the
        // query's columns is what Flink's csv format does, and costs less.
        RowType converted = checkAllColumns ? fileRowType : producedRowType;
        Converter<JsonNode, Object, Void> converter =
                new CsvToRowDataConverters(false).createRowConverter(converted, true);
        String[] columns = converted.getFieldNames().toArray(String[]::new);
        boolean[] notNull = new boolean[columns.length];
        for (int i = 0; i < notNull.length; i++) {
            notNull[i] = !converted.getTypeAt(i).isNullable();
        }
        int[] produced = producedRowType.getFieldNames().stream().mapToInt(converted::getFieldIndex).toArray();
        return new CsvRecordReader(
                dialect.mapper().readerFor(JsonNode.class).with(schema).readValues(stream),
                converter,
                columns,
                notNull,
                produced,
                onError);
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }
}
