package dev.flinkjupyter.magics.load;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import ch.randelshofer.fastdoubleparser.JavaFloatParser;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.formats.common.Converter;
import org.apache.flink.formats.csv.CsvToRowDataConverters;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.writer.BinaryRowWriter;
import org.apache.flink.table.data.writer.BinaryWriter;
import org.apache.flink.table.runtime.typeutils.InternalSerializers;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

/**
 * Turns one CSV field into the table runtime's value for its column, accepting what Flink's CSV
 * format accepts: numbers and booleans with surrounding spaces, text as it is. Numbers are parsed
 * from the scanner's bytes (doubles and floats by FastDoubleParser, which reads Java's syntax, as
 * {@code Double.parseDouble} does); the rarer types go through Flink's own CSV converters.
 */
interface CsvColumnParser {

    /** The value of a field that is not empty-unquoted (those are null), as the table runtime holds it. */
    Object parse(CsvRecordScanner record, int field);

    /** Parses the field into position {@code pos} of a binary row. */
    void write(CsvRecordScanner record, int field, BinaryRowWriter row, int pos);

    /** The parser for a column of this name and type. */
    static CsvColumnParser of(String name, LogicalType type) {
        if (type.getTypeRoot() == LogicalTypeRoot.DOUBLE) {
            return new DoubleColumn(name, type);
        }
        TypeSerializer<?> serializer = InternalSerializers.create(type);
        Parse parse = parse(name, type);
        return new CsvColumnParser() {
            @Override
            public Object parse(CsvRecordScanner record, int field) {
                return parse.parse(record, field);
            }

            @Override
            public void write(CsvRecordScanner record, int field, BinaryRowWriter row, int pos) {
                BinaryWriter.write(row, pos, parse.parse(record, field), type, serializer);
            }
        };
    }

    /** The numbers of a DOUBLE column go into the row unboxed. */
    final class DoubleColumn implements CsvColumnParser {
        private final String name;
        private final LogicalType type;

        DoubleColumn(String name, LogicalType type) {
            this.name = name;
            this.type = type;
        }

        @Override
        public Object parse(CsvRecordScanner record, int field) {
            return parseDouble(record, field);
        }

        @Override
        public void write(CsvRecordScanner record, int field, BinaryRowWriter row, int pos) {
            row.writeDouble(pos, parseDouble(record, field));
        }

        private double parseDouble(CsvRecordScanner r, int f) {
            try {
                if (r.isPlain(f)) {
                    int start = trimStart(r.buffer(), r.start(f), r.end(f));
                    int end = trimEnd(r.buffer(), start, r.end(f));
                    return JavaDoubleParser.parseDouble(r.buffer(), start, end - start);
                }
                return JavaDoubleParser.parseDouble(r.text(f).trim());
            } catch (NumberFormatException e) {
                throw notA(name, type, r, f, e);
            }
        }
    }

    /** Reads one field's value. */
    @FunctionalInterface
    interface Parse {
        Object parse(CsvRecordScanner record, int field);
    }

    private static Parse parse(String name, LogicalType type) {
        switch (type.getTypeRoot()) {
            case FLOAT:
                return (r, f) -> {
                    try {
                        return JavaFloatParser.parseFloat(r.text(f).trim());
                    } catch (NumberFormatException e) {
                        throw notA(name, type, r, f, e);
                    }
                };
            case BIGINT:
                return (r, f) -> {
                    try {
                        if (r.isPlain(f)) {
                            int start = trimStart(r.buffer(), r.start(f), r.end(f));
                            int end = trimEnd(r.buffer(), start, r.end(f));
                            return Long.parseLong(new AsciiBytes(r.buffer()), start, end, 10);
                        }
                        return Long.parseLong(r.text(f).trim());
                    } catch (NumberFormatException e) {
                        throw notA(name, type, r, f, e);
                    }
                };
            case INTEGER:
                return (r, f) -> {
                    try {
                        return Integer.parseInt(r.text(f).trim());
                    } catch (NumberFormatException e) {
                        throw notA(name, type, r, f, e);
                    }
                };
            case BOOLEAN:
                // As Flink's csv format: any other word is false.
                return (r, f) -> Boolean.parseBoolean(r.text(f).trim());
            case CHAR:
            case VARCHAR:
                return (r, f) -> StringData.fromBytes(r.bytes(f));
            default:
                return flinkConverter(name, type);
        }
    }

    /** Flink's CSV converter for one column, fed the field's text. */
    private static Parse flinkConverter(String name, LogicalType type) {
        Converter<JsonNode, Object, Void> converter =
                new CsvToRowDataConverters(false).createRowConverter(RowType.of(new LogicalType[] {type},
                        new String[] {name}), true);
        return (r, f) -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put(name, r.text(f));
            try {
                return ((GenericRowData) converter.convert(node, null)).getField(0);
            } catch (RuntimeException e) {
                throw notA(name, type, r, f, e);
            }
        };
    }

    private static IllegalArgumentException notA(
            String name, LogicalType type, CsvRecordScanner r, int f, RuntimeException cause) {
        return new IllegalArgumentException(
                "column " + name + ": \"" + r.text(f) + "\" is not a " + type.copy(true).asSummaryString(), cause);
    }

    /** The first byte that is not a space or a control character (as {@code String.trim}). */
    private static int trimStart(byte[] b, int start, int end) {
        while (start < end && (b[start] & 0xff) <= ' ') {
            start++;
        }
        return start;
    }

    private static int trimEnd(byte[] b, int start, int end) {
        while (end > start && (b[end - 1] & 0xff) <= ' ') {
            end--;
        }
        return end;
    }

    /** Bytes read as characters, for {@code Long.parseLong(CharSequence, ...)}: a non-ASCII byte is no digit. */
    final class AsciiBytes implements CharSequence {
        private final byte[] bytes;

        AsciiBytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int length() {
            return bytes.length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
