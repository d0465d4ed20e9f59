package dev.flinkjupyter.magics.load;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.table.factories.BulkReaderFormatFactory;
import org.apache.flink.connector.file.table.format.BulkDecodingFormat;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.Projection;
import org.apache.flink.table.connector.format.ProjectableDecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@code notebook-csv} format of Flink's filesystem connector: what Flink's {@code csv} format
 * reads, plus what {@code %load} needs and that format lacks: a header line to skip, a malformed
 * record reported by its file and line, or skipped; and numbers parsed straight from the file's
 * bytes into the table runtime's binary rows, about three times as fast as Flink's Jackson-based
 * format on a file of doubles (see {@code bench/ml}). One reader per file: Flink's file source
 * does not split a local file.
 *
 * <pre>{@code
 * CREATE TABLE sales (...) WITH ('connector' = 'filesystem', 'path' = '/data/sales.csv',
 *     'format' = 'notebook-csv', 'notebook-csv.header' = 'true', 'notebook-csv.on-error' = 'skip')
 * }</pre>
 */
public final class NotebookCsvFormatFactory implements BulkReaderFormatFactory {

    /** The format's name in a table's {@code 'format'} option. */
    public static final String IDENTIFIER = "notebook-csv";

    public static final ConfigOption<String> FIELD_DELIMITER = ConfigOptions.key("field-delimiter")
            .stringType()
            .defaultValue(",")
            .withDescription("The field delimiter, one character.");

    public static final ConfigOption<Boolean> HEADER = ConfigOptions.key("header")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether the first line of each file holds column names, to be skipped.");

    public static final ConfigOption<String> ON_ERROR = ConfigOptions.key("on-error")
            .stringType()
            .defaultValue("fail")
            .withDescription("fail: a malformed record fails the job with its file and line; skip: it is left out.");

    public static final ConfigOption<Boolean> CHECK_ALL_COLUMNS = ConfigOptions.key("check-all-columns")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether every query converts every column, so that a malformed value fails (or is "
                    + "skipped) whatever columns the query reads. Always so with on-error skip.");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(FIELD_DELIMITER, HEADER, ON_ERROR, CHECK_ALL_COLUMNS);
    }

    @Override
    public BulkDecodingFormat<RowData> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig options) {
        FactoryUtil.validateFactoryOptions(this, options);
        String delimiter = options.get(FIELD_DELIMITER);
        char d = delimiter.length() == 1 ? delimiter.charAt(0) : 0;
        if (d == 0 || d > 0x7f || d == '"' || d == '\n' || d == '\r') { // the reader splits bytes, not chars
            throw new IllegalArgumentException("'" + IDENTIFIER + ".field-delimiter' must be one ASCII character other"
                    + " than a quote or a line break, was '" + delimiter + "'");
        }
        CsvDialect dialect = new CsvDialect(delimiter.charAt(0), options.get(HEADER));
        OnError onError = OnError.of(options.get(ON_ERROR));
        // Skipping must not depend on the columns a query reads: the same rows for every query.
        boolean checkAll = options.get(CHECK_ALL_COLUMNS) || onError == OnError.SKIP;
        return new Decoding(dialect, onError, checkAll);
    }

    /** Reads only the columns a query uses, like Flink's CSV format. */
    private static final class Decoding
            implements BulkDecodingFormat<RowData>, ProjectableDecodingFormat<BulkFormat<RowData, FileSourceSplit>> {
        private final CsvDialect dialect;
        private final OnError onError;
        private final boolean checkAllColumns;

        Decoding(CsvDialect dialect, OnError onError, boolean checkAllColumns) {
            this.dialect = dialect;
            this.onError = onError;
            this.checkAllColumns = checkAllColumns;
        }

        @Override
        public BulkFormat<RowData, FileSourceSplit> createRuntimeDecoder(
                DynamicTableSource.Context context, DataType physicalDataType, int[][] projections) {
            DataType produced = Projection.of(projections).project(physicalDataType);
            CsvRecordFormat format = new CsvRecordFormat(
                    dialect,
                    (RowType) physicalDataType.getLogicalType(),
                    (RowType) produced.getLogicalType(),
                    context.createTypeInformation(produced),
                    onError,
                    checkAllColumns);
            return new FileNamingFormat(new StreamFormatAdapter<>(format));
        }

        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.insertOnly();
        }
    }
}
