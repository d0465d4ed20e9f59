package dev.flinkjupyter.magics.load;

import java.io.IOException;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.data.writer.BinaryRowWriter;

/**
 * Reads one file's CSV records as the table runtime's rows, knowing the line each record starts
 * on, so that a record the schema cannot read is reported by its line (Flink's own CSV reader does
 * not say where). Only the columns to convert are parsed; the others are only delimited.
 */
final class CsvRecordReader implements StreamFormat.Reader<RowData> {

    private final CsvRecordScanner records;
    private final boolean header;
    private final String[] fileColumns;
    private final int[] convert;
    private final CsvColumnParser[] parsers;
    private final boolean[] notNull;
    private final int[] outputPosition;
    private final int outputArity;
    private final OnError onError;
    private boolean headerSkipped;
    // One row written in place, copied out: a binary row is what the table runtime copies cheapest.
    private final BinaryRowData row;
    private final BinaryRowWriter writer;

    /**
     * @param fileColumns every column of the file, in order (positions in a record)
     * @param convert the file positions of the columns to convert, each with its parser and whether
     *     it is declared NOT NULL
     * @param outputPosition for each column converted, its position in the row produced, or -1
     */
    CsvRecordReader(
            CsvRecordScanner records,
            boolean header,
            String[] fileColumns,
            int[] convert,
            CsvColumnParser[] parsers,
            boolean[] notNull,
            int[] outputPosition,
            int outputArity,
            OnError onError) {
        this.records = records;
        this.header = header;
        this.fileColumns = fileColumns;
        this.convert = convert;
        this.parsers = parsers;
        this.notNull = notNull;
        this.outputPosition = outputPosition;
        this.outputArity = outputArity;
        this.onError = onError;
        this.row = new BinaryRowData(outputArity);
        this.writer = new BinaryRowWriter(row);
    }

    @Override
    public RowData read() throws IOException {
        if (header && !headerSkipped) {
            headerSkipped = true;
            if (!records.next()) {
                return null;
            }
        }
        while (records.next()) {
            if (onError == OnError.RECORDS) {
                return new GenericRowData(outputArity);
            }
            try {
                return convert();
            } catch (RuntimeException e) {
                if (onError == OnError.FAIL) {
                    throw MalformedRowException.atLine(records.line(), e);
                }
                // SKIP: on to the next record
            }
        }
        return null;
    }

    private RowData convert() {
        if (records.syntaxError() != null) {
            throw new IllegalArgumentException(records.syntaxError());
        }
        int fields = records.fieldCount();
        if (fields == fileColumns.length + 1 && records.isEmptyUnquoted(fields - 1)) {
            fields--; // a trailing delimiter, as Flink's csv format allows
        }
        if (fields > fileColumns.length) {
            throw new IllegalArgumentException("too many values: " + records.fieldCount() + " where the table has "
                    + fileColumns.length + " columns");
        }
        writer.reset();
        for (int i = 0; i < convert.length; i++) {
            int field = convert[i];
            int pos = outputPosition[i];
            if (field >= fields || records.isEmptyUnquoted(field)) {
                if (notNull[i]) {
                    throw new IllegalArgumentException("empty value in column " + fileColumns[field] + ", declared NOT NULL");
                }
                if (pos >= 0) {
                    writer.setNullAt(pos);
                }
            } else if (pos >= 0) {
                parsers[i].write(records, field, writer, pos);
            } else {
                parsers[i].parse(records, field); // only checked
            }
        }
        writer.complete();
        return row.copy();
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
