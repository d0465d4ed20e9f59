package dev.flinkjupyter.magics.load;

import java.io.IOException;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.formats.common.Converter;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.MappingIterator;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/**
 * Reads one file's CSV records as rows, knowing the line each record starts on, so that a record
 * the schema cannot read is reported by its line (Flink's own CSV reader does not say where).
 */
final class CsvRecordReader implements StreamFormat.Reader<RowData> {

    private final MappingIterator<JsonNode> records;
    private final Converter<JsonNode, Object, Void> converter;
    private final String[] columns;
    private final boolean[] notNull;
    private final int[] produced;
    private final boolean allInOrder;
    private final OnError onError;

    CsvRecordReader(
            MappingIterator<JsonNode> records,
            Converter<JsonNode, Object, Void> converter,
            String[] columns,
            boolean[] notNull,
            int[] produced,
            OnError onError) {
        this.records = records;
        this.converter = converter;
        this.columns = columns;
        this.notNull = notNull;
        this.produced = produced;
        this.allInOrder = java.util.Arrays.equals(produced, java.util.stream.IntStream.range(0, columns.length).toArray());
        this.onError = onError;
    }

    @Override
    public RowData read() throws IOException {
        while (true) {
            long line = -1;
            try {
                if (!records.hasNextValue()) {
                    return null;
                }
                line = records.getParser().currentLocation().getLineNr(); // where the record begins
                JsonNode record = records.nextValue();
                if (onError == OnError.RECORDS) {
                    return new GenericRowData(produced.length);
                }
                GenericRowData row = (GenericRowData) converter.convert(record, null);
                checkNotNull(row);
                return project(row);
            } catch (IOException | RuntimeException e) {
                if (line < 0) { // the parser itself failed, before the record began
                    line = records.getCurrentLocation().getLineNr();
                }
                switch (onError) {
                    case FAIL:
                        throw MalformedRowException.atLine(line, e);
                    case RECORDS:
                        return new GenericRowData(produced.length);
                    default:
                        // SKIP: on to the next record
                }
            }
        }
    }

    /** The columns the query reads, in its order. */
    private RowData project(GenericRowData row) {
        if (allInOrder) {
            return row;
        }
        GenericRowData out = new GenericRowData(produced.length);
        for (int i = 0; i < produced.length; i++) {
            out.setField(i, row.getField(produced[i]));
        }
        return out;
    }

    private void checkNotNull(RowData row) {
        for (int i = 0; i < notNull.length; i++) {
            if (notNull[i] && row.isNullAt(i)) {
                throw new IllegalArgumentException("empty value in column " + columns[i] + ", declared NOT NULL");
            }
        }
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
